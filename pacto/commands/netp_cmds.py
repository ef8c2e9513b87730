"""Commands of the information to the NETP: the monthly form, importing filled forms, the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from pacto.commands.common import (
    Caminho,
    console,
    esc,
    imprimir_json,
    instituicao_por_sigla,
    opcao_sobrescrever,
    workspace,
)

if TYPE_CHECKING:
    from pathlib import Path


def _pasta_saida(saida: Path | None) -> Path:
    from pathlib import Path

    pasta = saida or Path()
    from pacto.services.arquivos import criar_pasta

    criar_pasta(pasta)
    return pasta


@click.command("formulario-netp")
@click.option("--mes", required=True, metavar="AAAA-MM", help="Mês de referência.")
@click.option("--instituicao", "sigla", metavar="SIGLA", help="Já preenche a instituição.")
@click.option(
    "--saida",
    type=Caminho(file_okay=False),
    metavar="PASTA",
    help="Pasta de saída.",
)
@opcao_sobrescrever
def formulario_netp(mes: str, sigla: str | None, saida: Path | None, sobrescrever: bool) -> None:
    """Gera o formulário mensal (.xlsx) que cada instituição preenche só com números."""
    from pacto.domain.netp import validar_mes
    from pacto.domain.text import nome_arquivo
    from pacto.services.netp_planilhas import gerar_formulario

    validar_mes(mes)
    ws = workspace()
    if sigla:
        inst = instituicao_por_sigla(ws, sigla)
        sigla = inst.sigla
    sufixo = f"-{nome_arquivo(sigla)}" if sigla else ""
    nome = f"formulario-netp-{mes}{sufixo}.xlsx"
    caminho = gerar_formulario(
        ws, mes, _pasta_saida(saida) / nome, sigla, sobrescrever=sobrescrever
    )
    click.echo(str(caminho))


@click.command("relatorio-netp")
@click.option("--mes", required=True, metavar="AAAA-MM", help="Mês de referência.")
@click.option(
    "--saida",
    type=Caminho(file_okay=False),
    metavar="PASTA",
    help="Pasta de saída.",
)
@opcao_sobrescrever
def relatorio_netp(mes: str, saida: Path | None, sobrescrever: bool) -> None:
    """Gera a tabela consolidada do mês; valores de 1 a 4 aparecem como “<5”."""
    from pacto.domain.netp import validar_mes
    from pacto.services.netp_planilhas import gerar_relatorio

    validar_mes(mes)
    destino = _pasta_saida(saida) / f"relatorio-netp-{mes}.xlsx"
    caminho = gerar_relatorio(workspace(), mes, destino, sobrescrever=sobrescrever)
    click.echo(str(caminho))


@click.group()
def netp() -> None:
    """Informações agregadas ao NETP: formulários recebidos por mês."""


@netp.command("importar")
@click.argument(
    "arquivos",
    nargs=-1,
    required=True,
    type=Caminho(dir_okay=False),
    metavar="ARQUIVO...",
)
@click.option("--mes", metavar="AAAA-MM", help="Confere se o formulário é deste mês.")
def importar(arquivos, mes: str | None) -> None:
    """Importa formulários preenchidos; recusa o que parecer dado pessoal.

    Todos os arquivos são conferidos antes: se um for recusado, nada é gravado.
    """
    from pacto.services.netp_planilhas import importar_formularios

    ws = workspace()
    for arquivo, envio, substituiu, avisos in importar_formularios(ws, list(arquivos), mes):
        sigla = ws.instituicao(envio.instituicao_id).sigla
        acao = "substituiu o envio anterior" if substituiu else "importado"
        click.echo(
            f"{arquivo.name}: {sigla}, {envio.mes} — {acao} ({sum(envio.contagens.values())} no total)."
        )
        for aviso in avisos:
            click.echo(f"  Aviso: {aviso}", err=True)


@netp.command("envios")
@click.option("--mes", metavar="AAAA-MM", help="Só este mês.")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def envios(mes: str | None, como_json: bool) -> None:
    """Lista quem enviou as informações de cada mês e quem falta."""
    from pacto.domain.netp import validar_mes

    ws = workspace()
    if mes:
        validar_mes(mes)
    rc = ws.carregar()
    recebidos = ws.envios_netp(mes)
    meses = sorted({e.mes for e in recebidos} | ({mes} if mes else set()))
    resultado = []
    for m in meses:
        enviaram = sorted(
            rc.instituicao_por_id[e.instituicao_id].sigla for e in recebidos if e.mes == m
        )
        no_fluxo = sorted(rc.instituicao_por_id[i].sigla for i in rc.etapas_por_instituicao)
        resultado.append(
            {"mes": m, "enviaram": enviaram, "faltam": [s for s in no_fluxo if s not in enviaram]}
        )
    if como_json:
        imprimir_json(resultado)
        return
    saida = console()
    if not resultado:
        saida.print("Nenhum formulário recebido ainda.")
    for item in resultado:
        saida.print(
            f"[bold]{item['mes']}[/bold]: {len(item['enviaram'])} enviaram — "
            f"{esc(', '.join(item['enviaram']) or '—')}"
        )
        saida.print(
            f"  Faltam {len(item['faltam'])}: {esc(', '.join(item['faltam']))}", style="dim"
        )
