"""The `pacto gerar` group: every generated file, each subcommand loaded on demand."""

from __future__ import annotations

import click

from pacto.commands.common import GrupoPreguicoso


class GrupoGerar(GrupoPreguicoso):
    """The subcommands come from the document registry, read only when they are listed or run:
    `pacto --help` shows the group's line without importing the registry."""

    def _preparar(self) -> None:
        if not self.preguicosos:
            from pacto.services.documentos.registro import DOCUMENTOS, comando

            self.preguicosos = {documento.chave: comando(documento) for documento in DOCUMENTOS}

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._preparar()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, nome: str) -> click.Command | None:
        self._preparar()
        return super().get_command(ctx, nome)


@click.group(cls=GrupoGerar, subcommand_metavar="COMANDO [ARGS]...")
def gerar() -> None:
    """Gera documentos, diagramas e planilhas a partir da rede e mostra os caminhos gravados."""
