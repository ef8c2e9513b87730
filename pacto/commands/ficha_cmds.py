"""Validation forms: `pacto gerar ficha` writes them, `pacto ficha importar` reads them back as suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from pacto.commands.common import Caminho, opcao_mesmo_assim, opcao_sobrescrever, workspace

if TYPE_CHECKING:
    from pathlib import Path


@click.command("ficha")
@click.option(
    "--instituicao",
    "siglas",
    multiple=True,
    metavar="SIGLA",
    help="Instituição (repita para várias).",
)
@click.option("--todas", is_flag=True, help="Uma ficha para cada instituição da rede.")
@click.option("--saida", type=Caminho(file_okay=False), default=".", show_default=True, metavar="PASTA", help="Pasta onde gravar as fichas.")  # fmt: skip
@opcao_sobrescrever
def gerar_ficha(siglas: tuple[str, ...], todas: bool, saida: Path, sobrescrever: bool) -> None:
    """Gera a ficha de validação (.xlsx) do que o fluxo diz de cada instituição.

    A instituição confere contatos, pontos focais e atribuições e escreve na coluna
    “Correção” o que precisa mudar; “pacto ficha importar” transforma as correções em sugestões.
    """
    from pacto.domain.errors import ErroValidacao
    from pacto.services.ficha import gerar_fichas

    if bool(siglas) == todas:
        raise ErroValidacao("Informe --instituicao SIGLA ou --todas.")
    from pacto.services.arquivos import criar_pasta

    criar_pasta(saida)
    ws = workspace()
    arquivos = gerar_fichas(
        ws.carregar(), saida, None if todas else list(siglas), ws=ws, sobrescrever=sobrescrever
    )
    for arquivo in arquivos:
        click.echo(f"Ficha gravada em {arquivo}.")
    if len(arquivos) > 1:
        click.echo(f"{len(arquivos)} fichas de validação geradas.")


@click.group(subcommand_metavar="COMANDO [ARGS]...")
def ficha() -> None:
    """Fichas de validação devolvidas pelas instituições."""


@ficha.command()
@click.argument("arquivo", metavar="ARQUIVO.xlsx", type=Caminho(dir_okay=False))
@opcao_mesmo_assim("Importa mesmo que a ficha pareça conter dado pessoal de vítima.", expor=True)
def importar(arquivo: Path, mesmo_assim: bool) -> None:
    """Lê uma ficha devolvida e cria uma sugestão para cada correção (nada é sobrescrito)."""
    from pacto.domain.text import plural
    from pacto.services.ficha import importar_ficha

    resultado = importar_ficha(workspace(), arquivo, mesmo_assim=mesmo_assim)
    sigla = resultado.instituicao.sigla
    if not resultado.criadas and not resultado.repetidas:
        click.echo(f"Ficha de {sigla}: nenhuma correção; tudo confirmado.")
    for sugestao in resultado.criadas:
        click.echo(f" + Sugestão {sugestao.id}: {sugestao.referencia or sugestao.texto[:60]}")
    if resultado.criadas:
        click.echo(
            f"Ficha de {sigla}: "
            f"{plural(len(resultado.criadas), 'sugestão criada', 'sugestões criadas')}, a decidir na próxima "
            "reunião (“pacto reuniao sugestao-decidir” ou o modo reunião, F8)."
        )
    if resultado.repetidas:
        n = resultado.repetidas
        click.echo(
            "1 correção já tinha sido importada antes."
            if n == 1
            else f"{n} correções já tinham sido importadas antes."
        )
    for alerta in resultado.alertas:
        click.secho(f"Aviso de privacidade: {alerta}", fg="yellow", err=True)
