"""Commands of the monthly routine: the checklist and the monitoring indicators."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from pacto.commands.common import (
    Caminho,
    console,
    esc,
    imprimir_json,
    instituicao_por_sigla,
    opcao_mesmo_assim,
    opcao_sobrescrever,
    workspace,
)

if TYPE_CHECKING:
    from pathlib import Path


SITUACOES = {
    "ok": "ok",
    "pendente": "pendente",
    "na": "nao_se_aplica",
    "nao-se-aplica": "nao_se_aplica",
}


def _mes_atual() -> str:
    from datetime import date

    hoje = date.today()
    return f"{hoje.year:04d}-{hoje.month:02d}"


@click.group()
def checklist() -> None:
    """O checklist do alinhamento mensal: itens do modelo e itens calculados da rede."""


@checklist.command("mostrar")
@click.option("--mes", metavar="AAAA-MM", help="Mês (padrão: o atual).")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def mostrar(mes: str | None, como_json: bool) -> None:
    """Mostra o checklist do mês, com o que ficou pendente de meses anteriores."""
    from pacto.domain.checklist import SITUACOES as NOMES
    from pacto.services.mensal import checklist_do_mes

    mes = mes or _mes_atual()
    ws = workspace()
    linhas = checklist_do_mes(ws, mes)
    if como_json:
        imprimir_json(
            [
                {
                    "item": linha.item.chave,
                    "texto": linha.item.texto,
                    "derivado": linha.item.derivado,
                    "situacao": linha.resposta.situacao if linha.resposta else None,
                    "nota": linha.resposta.nota if linha.resposta else "",
                    "pendente_desde": linha.pendente_desde,
                }
                for linha in linhas
            ]
        )
        return
    saida = console()
    saida.print(f"[bold]Checklist do alinhamento mensal — {mes}[/bold]")
    for linha in linhas:
        situacao = NOMES[linha.resposta.situacao] if linha.resposta else "sem resposta"
        marca = "!" if linha.item.derivado else "·"
        desde = (
            f" [bold](pendente desde {linha.pendente_desde})[/bold]" if linha.pendente_desde else ""
        )
        saida.print(f" {marca} {esc(linha.item.texto)} — {situacao}{desde}")
        if linha.resposta and linha.resposta.nota:
            saida.print(f"     {esc(linha.resposta.nota)}", style="dim")


@checklist.command("responder")
@click.argument("item", metavar="ITEM")
@click.argument("situacao", type=click.Choice(list(SITUACOES)), metavar="ok|pendente|na")
@click.option("--mes", metavar="AAAA-MM", help="Mês (padrão: o atual).")
@click.option("--nota", default="", metavar="TEXTO", help="Observação.")
@click.option("--instituicao", "sigla", metavar="SIGLA", help="Instituição responsável.")
@opcao_mesmo_assim()
def responder(item: str, situacao: str, mes: str | None, nota: str, sigla: str | None) -> None:
    """Registra a resposta a um item do checklist (pela chave do item)."""
    from pacto.domain.checklist import RespostaChecklist
    from pacto.domain.errors import ErroValidacao
    from pacto.services.mensal import checklist_do_mes

    mes = mes or _mes_atual()
    ws = workspace()
    chaves = {linha.item.chave for linha in checklist_do_mes(ws, mes)}
    if item not in chaves:
        raise ErroValidacao(
            f"Item desconhecido: “{item}”. Veja as chaves com “pacto checklist mostrar --json”."
        )
    inst_id = None
    if sigla:
        inst = instituicao_por_sigla(ws, sigla)
        inst_id = inst.id
    ws.responder_checklist(RespostaChecklist(mes, item, SITUACOES[situacao], nota, inst_id))
    click.echo(f"Resposta registrada para {mes}.")


@click.group()
def indicadores() -> None:
    """Indicadores de monitoramento do fluxo, com metas por ano ou semestre."""


@indicadores.command("listar")
@click.option("--mes", metavar="AAAA-MM", help="Até este mês (padrão: o atual).")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(mes: str | None, como_json: bool) -> None:
    """Mostra cada indicador com o último valor, a meta e a tendência."""
    from pacto.domain.indicadores import sparkline
    from pacto.services.mensal import painel_indicadores

    linhas = painel_indicadores(workspace(), mes or _mes_atual())
    if como_json:
        imprimir_json(
            [
                {
                    "indicador": li.indicador.chave,
                    "nome": li.indicador.nome,
                    "automatico": li.indicador.automatico,
                    "valores": dict(zip(li.meses, li.valores, strict=True)),
                    "meta": li.meta.valor if li.meta else None,
                    "atingida": li.atingida,
                }
                for li in linhas
            ]
        )
        return
    saida = console()
    for li in linhas:
        item = li.indicador
        meta = f"meta {item.formatar(li.meta.valor)}" if li.meta else "sem meta"
        marca = {True: "✔", False: "!", None: "·"}[li.atingida]
        saida.print(
            f" {marca} {item.nome}: {item.formatar(li.atual)} ({meta}) {sparkline(li.valores)}"
        )


@indicadores.command("meta")
@click.argument("chave", metavar="INDICADOR")
@click.option("--periodo", required=True, metavar="AAAA|AAAA-S1|AAAA-S2", help="Ano ou semestre.")
@click.option("--valor", required=True, type=float, help="Valor da meta.")
def meta(chave: str, periodo: str, valor: float) -> None:
    """Define a meta de um indicador para um ano ou semestre."""
    from pacto.domain.indicadores import Meta

    workspace().definir_meta(Meta(chave, periodo, valor))
    click.echo(f"Meta de {chave} para {periodo} registrada.")


@indicadores.command("valor")
@click.argument("chave", metavar="INDICADOR")
@click.option("--mes", required=True, metavar="AAAA-MM", help="Mês do valor.")
@click.option("--valor", required=True, type=float, help="Número já agregado.")
def valor(chave: str, mes: str, valor: float) -> None:
    """Registra o valor de um indicador informado pela rede (só números agregados)."""
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.indicadores import Medicao, indicador

    if indicador(chave).automatico:
        raise ErroValidacao("Este indicador é calculado pelo pacto; use “pacto indicadores medir”.")
    workspace().registrar_medicao(Medicao(chave, mes, valor, "manual"))
    click.echo(f"Valor de {chave} em {mes} registrado.")


@indicadores.command("medir")
@click.option("--mes", metavar="AAAA-MM", help="Mês (padrão: o atual).")
def medir(mes: str | None) -> None:
    """Calcula agora os indicadores automáticos e guarda como valores do mês."""
    from pacto.services.mensal import medir as calcular

    mes = mes or _mes_atual()
    registrados = calcular(workspace(), mes)
    click.echo(f"{len(registrados)} indicadores calculados para {mes}.")


@click.command("monitoramento")
@click.option("--mes", metavar="AAAA-MM", help="Último mês do relatório (padrão: o atual).")
@click.option(
    "--saida",
    type=Caminho(file_okay=False),
    metavar="PASTA",
    help="Pasta de saída.",
)
@opcao_sobrescrever
def monitoramento(mes: str | None, saida: Path | None, sobrescrever: bool) -> None:
    """Gera o relatório de monitoramento (.xlsx) com um gráfico por indicador contra a meta."""
    from pacto.services.mensal import gerar_monitoramento

    mes = mes or _mes_atual()
    from pathlib import Path

    pasta = saida or Path()
    from pacto.services.arquivos import criar_pasta

    criar_pasta(pasta)
    destino = pasta / f"monitoramento-{mes}.xlsx"
    click.echo(str(gerar_monitoramento(workspace(), mes, destino, sobrescrever=sobrescrever)))
