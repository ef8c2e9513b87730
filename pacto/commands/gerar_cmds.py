"""`pacto gerar`: files for the network to read, fill in or sign."""

from __future__ import annotations

import click

from pacto.commands.ficha_cmds import gerar_ficha


@click.group(subcommand_metavar="COMANDO [ARGS]...")
def gerar() -> None:
    """Gera arquivos para a rede: fichas de validação e documentos."""


gerar.add_command(gerar_ficha, "ficha")
