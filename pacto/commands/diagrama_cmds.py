"""`pacto gerar diagrama`: the flow drawn with one lane per stage."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import opcao_sobrescrever, workspace


@click.command("diagrama")
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
@opcao_sobrescrever
def diagrama(formato: str, saida: Path | None, sobrescrever: bool) -> None:
    """Desenha o fluxo com uma raia por etapa, da esquerda para a direita, em A4 paisagem.

    Cada instituição aparece em todas as etapas em que atua; as setas são os encaminhamentos,
    com o prazo. Instituições ainda sem atribuição ficam na última raia, tracejada.
    """
    from pacto.services.diagrama import gravar_diagrama
    from pacto.services.documentos.contexto import identificacao_versao

    ws = workspace()
    rc = ws.carregar()
    caminho = gravar_diagrama(
        rc,
        formato,
        saida,
        versao=identificacao_versao(ws, rc),
        ws=ws,
        sobrescrever=sobrescrever,
    )
    click.echo(f"Diagrama gravado em {caminho}.")
