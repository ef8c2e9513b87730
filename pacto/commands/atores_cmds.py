"""The `pacto atores` group: each subcommand is loaded only when used, so `pacto --help` stays light."""

from __future__ import annotations

import click

from pacto.commands.common import GrupoPreguicoso

SUBCOMANDOS = {
    "adicionar": "pacto.commands.atores_edicao_cmds:adicionar",
    "editar": "pacto.commands.atores_edicao_cmds:editar",
    "remover": "pacto.commands.atores_edicao_cmds:remover",
    "listar": "pacto.commands.atores_edicao_cmds:listar",
    "importar": "pacto.commands.atores_planilha_cmds:importar",
    "exportar": "pacto.commands.atores_planilha_cmds:exportar",
}


@click.group(cls=GrupoPreguicoso, preguicosos=SUBCOMANDOS, subcommand_metavar="COMANDO [ARGS]...")
def atores() -> None:
    """Instituições da rede: cadastrar, alterar, remover, listar, importar e exportar planilhas."""
