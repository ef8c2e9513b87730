"""Commands that take the flow beyond the terminal: the public web page and the browser mode."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import workspace


@click.command()
@click.option(
    "--saida",
    required=True,
    metavar="PASTA",
    type=click.Path(file_okay=False, path_type=Path),
    help="Pasta da página (index.html, es.html e estilo.css), pronta para o portal.",
)
@click.option(
    "--versao",
    type=click.IntRange(min=1),
    metavar="N",
    help="A versão congelada N (padrão: a última).",
)
@click.option("--rascunho", is_flag=True, help="Publica o rascunho, marcado como MINUTA.")
@click.option(
    "--pontos-focais",
    is_flag=True,
    help="Inclui os pontos focais, marcados como de uso restrito (não para o portal público).",
)
def publicar(saida: Path, versao: int | None, rascunho: bool, pontos_focais: bool) -> None:
    """Gera a página pública do fluxo, em português e em espanhol.

    A página mostra o que é tráfico de pessoas, como denunciar, quem faz o quê em cada etapa e
    o diretório das instituições, da última versão congelada do fluxo. Não faz nenhum acesso
    fora da pasta: pode ser enviada como está para o portal do Estado ou do Município.
    """
    from pacto.services.dados_abertos import conteudo_publicado
    from pacto.services.publicar import publicar as gravar

    publicado = conteudo_publicado(workspace(), versao, rascunho)
    arquivos = gravar(publicado, saida, com_pontos_focais=pontos_focais)
    click.echo(f"Página do fluxo ({publicado.rotulo}) gravada em {saida}:")
    for arquivo in arquivos:
        click.echo(f"  {arquivo.name}")
    if publicado.minuta:
        click.secho(
            "Aviso: a página traz um fluxo ainda não congelado e diz MINUTA; para publicar o "
            "fluxo pactuado, congele-o antes (“pacto versao congelar”).",
            fg="yellow",
            err=True,
        )
    if pontos_focais:
        click.secho(
            "Aviso: esta edição tem os pontos focais; não a publique no portal.",
            fg="yellow",
            err=True,
        )
