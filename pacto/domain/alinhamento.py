"""The monthly alignment meeting's pack: its suggested date and its agenda built from the month's facts.

The agenda starts from what the workspace found for the month (derived checklist items) and the
action items still open from earlier meetings, then the usual items of an alignment meeting.
"""

from __future__ import annotations

from datetime import date, timedelta

from pacto.domain.calendario import feriado, pontos_facultativos, posicao_no_mes
from pacto.domain.checklist import LinhaChecklist
from pacto.domain.reunioes import TIPOS_REUNIAO, Acao, Reuniao, ordenar_reunioes
from pacto.domain.text import plural, sem_caracteres_proibidos
from pacto.domain.validation import LIMITE_CAMPO_CURTO

QUINTA_FEIRA = 3
MAXIMO_PENDENCIAS = 8  # beyond this, open actions go into one agenda item
ITEM_ACOES_ATRASADAS = "derivado:acoes_atrasadas"  # listed one by one as carried-over actions


def primeiro_e_ultimo_dia(mes: str) -> tuple[date, date]:
    """The first and last day of a month written 'AAAA-MM'."""
    ano, numero = int(mes[:4]), int(mes[5:7])
    inicio = date(ano, numero, 1)
    seguinte = date(ano + numero // 12, numero % 12 + 1, 1)
    return inicio, seguinte - timedelta(days=1)


def dia_util(dia: date) -> bool:
    """Not a weekend, a national holiday nor a federal optional day off."""
    return dia.weekday() < 5 and not feriado(dia) and dia not in pontos_facultativos(dia.year)


def _na_posicao(mes: str, dia_semana: int, posicao: int) -> date:
    """The n-th (or last, -1) given weekday of a month."""
    inicio, fim = primeiro_e_ultimo_dia(mes)
    dias = [
        inicio + timedelta(days=n)
        for n in range((fim - inicio).days + 1)
        if (inicio + timedelta(days=n)).weekday() == dia_semana
    ]
    return dias[-1] if posicao == -1 else dias[min(posicao, len(dias)) - 1]


def data_sugerida(mes: str, reunioes: list[Reuniao], hoje: date) -> date:
    """When the month's alignment meeting should be, unless the facilitator says otherwise.

    The same weekday position as the last alignment meeting (a series such as "the 2nd
    Thursday"); without one, the 2nd Thursday. A holiday, or a day that already has another
    meeting, moves it to the next working day, and a date already past in the current month
    moves to the next working day from today.
    """
    ocupados = {r.data for r in reunioes if r.situacao != "cancelada"}
    alinhamentos = ordenar_reunioes(
        [r for r in reunioes if r.tipo == "alinhamento" and r.situacao != "cancelada"]
    )
    inicio, fim = primeiro_e_ultimo_dia(mes)
    anteriores = [r for r in alinhamentos if r.data < inicio]
    if anteriores:
        modelo = anteriores[-1].data
        dia = _na_posicao(mes, modelo.weekday(), posicao_no_mes(modelo))
    else:
        dia = _na_posicao(mes, QUINTA_FEIRA, 2)
    if dia < hoje <= fim:
        dia = hoje
    candidato = dia
    while candidato <= fim and (not dia_util(candidato) or candidato in ocupados):
        candidato += timedelta(days=1)
    return candidato if candidato <= fim else dia


def modelo_de_reuniao(reunioes: list[Reuniao]) -> Reuniao | None:
    """The meeting whose time, place, modality, chair and secretary the new one copies:
    the latest alignment meeting, else the latest meeting of any kind (cancelled ones excluded)."""
    validas = ordenar_reunioes([r for r in reunioes if r.situacao != "cancelada"])
    alinhamentos = [r for r in validas if r.tipo == "alinhamento"]
    if alinhamentos:
        return alinhamentos[-1]
    return validas[-1] if validas else None


def reuniao_do_mes(mes: str, reunioes: list[Reuniao]) -> Reuniao | None:
    """The month's alignment meeting already recorded (cancelled ones do not count)."""
    inicio, fim = primeiro_e_ultimo_dia(mes)
    do_mes = [
        r
        for r in ordenar_reunioes(reunioes)
        if r.tipo == "alinhamento" and r.situacao != "cancelada" and inicio <= r.data <= fim
    ]
    return do_mes[0] if do_mes else None


def _curto(texto: str) -> str:
    # names an older pacto stored with control characters must not block the agenda
    texto = " ".join(sem_caracteres_proibidos(texto).split())
    return texto if len(texto) <= LIMITE_CAMPO_CURTO else texto[: LIMITE_CAMPO_CURTO - 1] + "…"


def descrever_pendencia(acao: Acao, sigla: str, hoje: date) -> str:
    """'PRF-RR – Indicar o ponto focal titular (prazo 20/11/2026, atrasada)'."""
    detalhes = []
    if acao.prazo:
        detalhes.append(f"prazo {acao.prazo:%d/%m/%Y}")
    if acao.atrasada(hoje):
        detalhes.append("atrasada")
    quem = sigla or acao.responsavel or "sem responsável"
    descricao = acao.descricao.strip().rstrip(".")
    return f"{quem} – {descricao}" + (f" ({', '.join(detalhes)})" if detalhes else "")


def pauta_do_alinhamento(
    linhas: list[LinhaChecklist], pendentes: list[Acao], siglas: dict[int, str], hoje: date
) -> list[tuple[str, int]]:
    """The month's agenda: opening, the derived checklist items, each carried-over action,
    then the usual items of an alignment meeting."""
    pauta = [("Abertura e aprovação da ata anterior", 10)]
    for linha in linhas:
        if linha.item.derivado and linha.item.chave != ITEM_ACOES_ATRASADAS:
            pauta.append((_curto(linha.item.texto), 10))
    uma_a_uma = pendentes if len(pendentes) <= MAXIMO_PENDENCIAS else []
    for acao in uma_a_uma:
        texto = descrever_pendencia(acao, siglas.get(acao.instituicao_id, ""), hoje)
        pauta.append((_curto(f"Pendência: {texto}"), 5))
    if pendentes and not uma_a_uma:
        atrasadas = sum(a.atrasada(hoje) for a in pendentes)
        pauta.append(
            (
                f"Ações em aberto de reuniões anteriores: {len(pendentes)}, "
                f"{plural(atrasadas, 'atrasada', 'atrasadas')}",
                20,
            )
        )
    for titulo, minutos in TIPOS_REUNIAO["alinhamento"].pauta:
        if titulo == "Pendências da reunião anterior" and pendentes:
            continue  # already listed one by one
        if titulo == "Próxima reunião":
            pauta.append(("Demais itens do checklist do mês", 10))
        pauta.append((titulo, minutos))
    return pauta
