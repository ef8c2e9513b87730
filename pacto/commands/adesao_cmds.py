"""`pacto adesao`: the group only; its subcommands load from `adesao_subcmds` when used."""

from __future__ import annotations

import click

from pacto.commands.common import GrupoPreguicoso

SUBCOMANDOS = {
    "listar": "pacto.commands.adesao_subcmds:listar",
    "registrar": "pacto.commands.adesao_subcmds:registrar",
}


@click.group(cls=GrupoPreguicoso, preguicosos=SUBCOMANDOS, subcommand_metavar="COMANDO [ARGS]...")
def adesao() -> None:
    """Adesões ao fluxo: situação de cada instituição por versão, assinaturas e publicações."""
