"""The `pacto gerar` group: every generated file, each subcommand loaded on demand."""

from __future__ import annotations

import click

from pacto.commands.common import GrupoPreguicoso
from pacto.services.documentos.registro import DOCUMENTOS, comando

GERADORES = {documento.chave: comando(documento) for documento in DOCUMENTOS}


@click.group(cls=GrupoPreguicoso, preguicosos=GERADORES, subcommand_metavar="COMANDO [ARGS]...")
def gerar() -> None:
    """Gera documentos, diagramas e planilhas a partir da rede e mostra os caminhos gravados."""
