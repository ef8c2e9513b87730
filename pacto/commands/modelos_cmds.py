"""`pacto modelos`: the group only; its subcommands load from `modelos_subcmds` when used."""

from __future__ import annotations

import click

from pacto.commands.common import GrupoPreguicoso

SUBCOMANDOS = {
    "exportar": "pacto.commands.modelos_subcmds:exportar",
    "usar": "pacto.commands.modelos_subcmds:usar",
    "verificar": "pacto.commands.modelos_subcmds:verificar_cmd",
    "configurar": "pacto.commands.modelos_subcmds:configurar",
}


@click.group(cls=GrupoPreguicoso, preguicosos=SUBCOMANDOS, subcommand_metavar="COMANDO [ARGS]...")
def modelos() -> None:
    """Modelos do Word dos documentos: exportar, adaptar, verificar e configurar."""
