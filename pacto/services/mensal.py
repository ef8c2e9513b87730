"""The monthly routine over the workspace: the month's checklist, indicator values and the monitoring report."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pacto.domain.adesao import READESAO
from pacto.domain.checklist import FatosMes, LinhaChecklist, itens_derivados, itens_modelo, montar
from pacto.domain.checks import DIAS_CONFIRMACAO
from pacto.domain.indicadores import (
    FatosIndicadores,
    Indicador,
    Medicao,
    Meta,
    atingiu,
    calcular_automaticos,
    definicoes,
    meta_para,
)
from pacto.domain.netp import nome_mes, validar_mes
from pacto.domain.network import RedeCompleta
from pacto.domain.versions import conteudo_canonico, diferencas
from pacto.services.adesoes import panorama
from pacto.services.arquivos import salvar_planilha, texto_planilha
from pacto.store import Workspace

PENDENTES = ("nao_convidada", "convidada", "termo_enviado")


def mes_de(dia: date) -> str:
    """'2026-11' for a date in November 2026."""
    return f"{dia.year:04d}-{dia.month:02d}"


def meses_ate(mes: str, quantidade: int) -> list[str]:
    """The `quantidade` months ending at `mes`, oldest first."""
    ano, numero = int(mes[:4]), int(mes[5:7])
    meses = []
    for _ in range(quantidade):
        meses.append(f"{ano:04d}-{numero:02d}")
        numero -= 1
        if numero == 0:
            ano, numero = ano - 1, 12
    return meses[::-1]


def _pontos_desatualizados(rc: RedeCompleta, hoje: date) -> list[str]:
    nomes = []
    for ponto in rc.pontos_focais:
        dias = ponto.dias_sem_confirmacao(hoje)
        if dias is None or dias > DIAS_CONFIRMACAO:
            nomes.append(f"{rc.instituicao_por_id[ponto.instituicao_id].sigla} ({ponto.papel})")
    return sorted(nomes)


def _mudancas_desde(ws: Workspace, rc: RedeCompleta, mes: str) -> list[str] | None:
    """What changed in the flow since the version in force at the start of the month."""
    inicio = f"{mes}-01"
    anteriores = [v for v in ws.versoes() if v.criado_em.date().isoformat() < inicio]
    if not anteriores:
        return None
    return [m.texto for m in diferencas(anteriores[-1].conteudo, conteudo_canonico(rc))]


def fatos_do_mes(ws: Workspace, rc: RedeCompleta, hoje: date, mes: str | None = None) -> FatosMes:
    """What the month's meeting should look at, read from the workspace."""
    siglas = {i.id: i.sigla for i in rc.instituicoes}
    atrasadas = [
        f"{siglas.get(a.instituicao_id, a.responsavel) or '—'} – {a.descricao.rstrip('. ')} "
        f"(prazo {a.prazo:%d/%m/%Y})"
        for a in sorted(rc.acoes, key=lambda a: a.prazo or hoje)
        if a.atrasada(hoje)
    ]
    quadro = panorama(ws, rc)
    pendentes = [s.instituicao.sigla for s in quadro.lista if s.situacao in PENDENTES]
    readesoes = [s.instituicao.sigla for s in quadro.lista if s.situacao == READESAO]
    return FatosMes(
        pontos_desatualizados=_pontos_desatualizados(rc, hoje),
        acoes_atrasadas=atrasadas,
        adesoes_pendentes=pendentes if quadro.ultima else None,
        readesoes_pendentes=readesoes,
        etapas_sem_signatario=[e.nome for e in quadro.sem_signataria] if quadro.ultima else None,
        mudancas_fluxo=_mudancas_desde(ws, rc, mes or mes_de(hoje)),
    )


def checklist_do_mes(ws: Workspace, mes: str, hoje: date | None = None) -> list[LinhaChecklist]:
    """The month's checklist: derived items first, then the model's, with answers and carry-over."""
    validar_mes(mes)
    hoje = hoje or date.today()
    # a past month's record shows what was overdue then, not what is overdue today
    ano, numero = int(mes[:4]), int(mes[5:7])
    referencia = min(hoje, date(ano, numero, calendar.monthrange(ano, numero)[1]))
    itens = itens_derivados(fatos_do_mes(ws, ws.carregar(), referencia, mes)) + list(itens_modelo())
    return montar(mes, itens, ws.respostas_checklist(ate_mes=mes))


def fatos_indicadores(ws: Workspace, rc: RedeCompleta, hoje: date) -> FatosIndicadores:
    """Counts the automatic indicators need, read from the workspace."""
    pontos = rc.pontos_focais
    confirmados = sum(
        1
        for p in pontos
        if (d := p.dias_sem_confirmacao(hoje)) is not None and d <= DIAS_CONFIRMACAO
    )
    presentes: dict[int, set[int]] = {}
    for p in rc.presencas:
        if p.instituicao_id is not None:
            presentes.setdefault(p.reuniao_id, set()).add(p.instituicao_id)
    previstas = [r for r in rc.reunioes if r.situacao != "cancelada" and r.data <= hoje]
    realizadas = [r for r in previstas if r.situacao == "realizada"]
    vencidas = [a for a in rc.acoes if a.situacao != "cancelada" and a.prazo and a.prazo <= hoje]
    no_prazo = [a for a in vencidas if a.concluida_em and a.concluida_em <= a.prazo]
    quadro = panorama(ws, rc)
    return FatosIndicadores(
        instituicoes_mapeadas=len(rc.instituicoes),
        adesoes_assinadas=sum(1 for s in quadro.lista if s.aderida),
        pontos_focais=len(pontos),
        pontos_confirmados_90=confirmados,
        reunioes_previstas=len(previstas),
        reunioes_realizadas=len(realizadas),
        presencas_por_reuniao=[len(presentes.get(r.id, ())) for r in realizadas],
        acoes_com_prazo_vencido=len(vencidas),
        acoes_concluidas_no_prazo=len(no_prazo),
        meses_com_envio_netp=len(ws.meses_com_envio_netp()),
    )


def medir(ws: Workspace, mes: str, hoje: date | None = None) -> dict[str, float]:
    """Compute the automatic indicators now and record them as the month's values."""
    validar_mes(mes)
    hoje = hoje or date.today()
    valores = calcular_automaticos(fatos_indicadores(ws, ws.carregar(), hoje))
    registrados = {chave: valor for chave, valor in valores.items() if valor is not None}
    with ws.transacao():
        for chave, valor in registrados.items():
            ws.registrar_medicao(Medicao(chave, mes, valor, "automatico"))
    return registrados


@dataclass
class LinhaIndicador:
    """One indicator over a span of months, with the target in force for the last one."""

    indicador: Indicador
    meses: list[str]
    valores: list[float | None]
    meta: Meta | None

    @property
    def atual(self) -> float | None:
        """The latest known value."""
        return next((v for v in reversed(self.valores) if v is not None), None)

    @property
    def atingida(self) -> bool | None:
        """Whether the latest value meets the target."""
        return atingiu(self.indicador, self.atual, self.meta)


def painel_indicadores(ws: Workspace, ate_mes: str, meses: int = 12) -> list[LinhaIndicador]:
    """Every indicator's values over the last months and its current target."""
    validar_mes(ate_mes)
    periodo = meses_ate(ate_mes, meses)
    valores: dict[tuple[str, str], float] = {
        (m.indicador, m.periodo): m.valor for m in ws.medicoes()
    }
    metas = ws.metas()
    return [
        LinhaIndicador(
            item,
            periodo,
            [valores.get((item.chave, m)) for m in periodo],
            meta_para(item.chave, ate_mes, metas),
        )
        for item in definicoes()
    ]


def gerar_monitoramento(
    ws: Workspace, ate_mes: str, destino: Path, meses: int = 12, *, sobrescrever: bool = False
) -> Path:
    """An .xlsx report with, per indicator, its monthly values, target and a line chart of both."""
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Font

    linhas = painel_indicadores(ws, ate_mes, meses)
    livro = Workbook()
    resumo = livro.active
    resumo.title = "Resumo"
    resumo.append([texto_planilha(f"Monitoramento do fluxo — {ws.rede().nome}")])
    resumo["A1"].font = Font(bold=True, size=13)
    resumo.append([f"Período: {nome_mes(linhas[0].meses[0])} a {nome_mes(ate_mes)}"])
    resumo.append([])
    resumo.append(["Indicador", "Último valor", "Meta vigente", "Situação", "Origem"])
    for c in range(1, 6):
        resumo.cell(4, c).font = Font(bold=True)
    for n, linha in enumerate(linhas, start=1):
        item = linha.indicador
        situacao = {True: "Meta atingida", False: "Abaixo da meta", None: "Sem meta ou sem dado"}[
            linha.atingida
        ]
        resumo.append(
            [
                item.nome,
                item.formatar(linha.atual),
                item.formatar(linha.meta.valor) if linha.meta else "—",
                situacao,
                "Calculado pelo pacto" if item.automatico else "Informado pela rede",
            ]
        )
        folha = livro.create_sheet(f"Ind {n}")
        folha.append([item.nome])
        folha["A1"].font = Font(bold=True)
        folha.append(["Mês", "Valor", "Meta"])
        for mes, valor in zip(linha.meses, linha.valores, strict=True):
            meta = meta_para(item.chave, mes, ws.metas())
            folha.append([mes, valor, meta.valor if meta else None])
        grafico = LineChart()
        grafico.title = item.nome
        grafico.y_axis.title = "%" if item.unidade == "%" else "Quantidade"
        grafico.x_axis.title = "Mês"
        dados = Reference(folha, min_col=2, max_col=3, min_row=2, max_row=2 + len(linha.meses))
        grafico.add_data(dados, titles_from_data=True)
        grafico.set_categories(Reference(folha, min_col=1, min_row=3, max_row=2 + len(linha.meses)))
        grafico.width, grafico.height = 22, 10
        folha.add_chart(grafico, "E2")
    resumo.column_dimensions["A"].width = 62
    for letra in "BCDE":
        resumo.column_dimensions[letra].width = 20
    return salvar_planilha(livro, destino, ws=ws, sobrescrever=sobrescrever)
