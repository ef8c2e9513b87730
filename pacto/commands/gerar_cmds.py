"""`pacto gerar`: produce files from the network, such as the flow diagram."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import GrupoPreguicoso, workspace

# the document commands live in documentos_cmds and load only when used
DOCUMENTOS = {
    nome: f"pacto.commands.documentos_cmds:{nome}" for nome in ("termo", "portaria", "fluxo")
}


@click.group(cls=GrupoPreguicoso, preguicosos=DOCUMENTOS, subcommand_metavar="COMANDO [ARGS]...")
def gerar() -> None:
    """Gera arquivos a partir da rede: diagrama do fluxo e documentos."""


@gerar.command()
@click.option(
    "--formato",
    type=click.Choice(["png", "svg", "mermaid", "dot"]),
    default="png",
    show_default=True,
    help="PNG e SVG precisam do Graphviz instalado; mermaid e dot são texto.",
)
@click.option(
    "--saida",
    type=click.Path(path_type=Path),
    metavar="ARQUIVO",
    help="Onde gravar (padrão: diagrama-fluxo.<extensão> na pasta atual).",
)
def diagrama(formato: str, saida: Path | None) -> None:
    """Desenha o fluxo com uma raia por etapa, da esquerda para a direita, em A4 paisagem.

    Cada instituição aparece em todas as etapas em que atua; as setas são os encaminhamentos,
    com o prazo. Instituições ainda sem atribuição ficam na última raia, tracejada.
    """
    from pacto.services.diagrama import gravar_diagrama

    caminho = gravar_diagrama(workspace().carregar(), formato, saida)
    click.echo(f"Diagrama gravado em {caminho}.")
