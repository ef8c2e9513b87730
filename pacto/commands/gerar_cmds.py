"""The `pacto gerar` group: every generated file, each subcommand loaded on demand."""

from __future__ import annotations

import importlib

import click

GERADORES = {
    "diagrama": "pacto.commands.diagrama_cmds:diagrama",
    "ficha": "pacto.commands.ficha_cmds:gerar_ficha",
    "formulario-netp": "pacto.commands.netp_cmds:formulario_netp",
    "relatorio-netp": "pacto.commands.netp_cmds:relatorio_netp",
    "monitoramento": "pacto.commands.mensal_cmds:monitoramento",
}


class GrupoGerar(click.Group):
    """A group whose subcommands live in their feature's module."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(GERADORES)

    def get_command(self, ctx: click.Context, nome: str) -> click.Command | None:
        alvo = GERADORES.get(nome)
        if alvo is None:
            return None
        modulo, atributo = alvo.split(":")
        return getattr(importlib.import_module(modulo), atributo)


@click.group(cls=GrupoGerar, subcommand_metavar="COMANDO [ARGS]...")
def gerar() -> None:
    """Gera documentos, diagramas e planilhas a partir da rede e mostra os caminhos gravados."""
