"""Helpers shared by subcommands: the workspace from the context and rich output."""

from __future__ import annotations

import click


def workspace():
    """The workspace named by --db, opened for the current command."""
    return click.get_current_context().find_root().obj.workspace()


def caminho_workspace():
    """The path named by --db."""
    return click.get_current_context().find_root().obj.caminho


def console(erro: bool = False):
    """A rich console for tables and coloured output."""
    from rich.console import Console

    return Console(stderr=erro, highlight=False)


def imprimir_json(dados) -> None:
    """Print data as indented UTF-8 JSON on standard output."""
    import json

    click.echo(json.dumps(dados, ensure_ascii=False, indent=2))
