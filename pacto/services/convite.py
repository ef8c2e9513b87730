"""Meeting invitations as iCalendar (.ics) files that Outlook, Google Calendar and Thunderbird read."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from pacto.domain.calendario import (
    alerta_de_data,
    faixa_de_datas,
    formatar_data,
    fuso_da_uf,
    hora_oficial,
    ocorrencias_mensais,
    regra_mensal,
)
from pacto.domain.errors import ErroValidacao
from pacto.domain.network import RedeCompleta
from pacto.domain.redacao import data_curta
from pacto.domain.reunioes import MODALIDADES

_LINK = re.compile(r"https?://\S+")
LIMITE_SERIE = 24


def _uid(rc: RedeCompleta, reuniao_id: int, tipo: str, numero: int) -> str:
    """A stable identifier: sending the invitation again updates the same calendar event."""
    base = f"{rc.rede.nome}|{rc.rede.uf}|{reuniao_id}|{tipo}|{numero}"
    return f"pacto-{hashlib.sha256(base.encode()).hexdigest()[:24]}@pacto.invalid"


def datas_do_convite(rc: RedeCompleta, reuniao_id: int, serie: int = 0) -> list:
    """The meeting's date, or every date of its monthly series."""
    rcr = rc.reuniao_completa(reuniao_id)
    if rcr is None:
        raise ErroValidacao(f"Reunião inexistente: {reuniao_id}.")
    data = _data_aceita(rcr.reuniao)
    return ocorrencias_mensais(data, serie) if serie else [data]


def _data_aceita(reuniao) -> date:
    """The meeting's date, refused when an older pacto let it be stored absurdly far off
    (31/12/9999 has no monthly series, 01/01/0001 no time zone)."""
    inicio, fim = faixa_de_datas()
    if not inicio <= reuniao.data <= fim:
        raise ErroValidacao(
            f"A {reuniao.titulo} está marcada para {data_curta(reuniao.data)}, fora do "
            f"intervalo aceito ({data_curta(inicio)} a {data_curta(fim)}). Corrija a data na "
            "tela Reuniões antes de gerar o convite."
        )
    return reuniao.data


def alertas_do_convite(rc: RedeCompleta, reuniao_id: int, serie: int = 0) -> list[str]:
    """Holidays, optional days off and weekends among the invitation's dates."""
    datas = datas_do_convite(rc, reuniao_id, serie)
    return [a for a in (alerta_de_data(d, rc.rede.uf) for d in datas) if a]


def montar_convite(
    rc: RedeCompleta, reuniao_id: int, serie: int = 0, agora: datetime | None = None
) -> Calendar:
    """The calendar with the meeting's event; `serie` > 1 repeats it monthly (RRULE) that many times."""
    if serie and not 2 <= serie <= LIMITE_SERIE:
        raise ErroValidacao(f"A série mensal deve ter de 2 a {LIMITE_SERIE} reuniões.")
    rcr = rc.reuniao_completa(reuniao_id)
    if rcr is None:
        raise ErroValidacao(f"Reunião inexistente: {reuniao_id}.")
    r = rcr.reuniao
    if r.situacao == "cancelada":
        raise ErroValidacao(f"A {r.titulo} foi cancelada; não há convite a enviar.")
    _data_aceita(r)
    fuso = fuso_da_uf(rc.rede.uf)
    cal = Calendar()
    cal.add("prodid", "-//pacto//Reuniões da rede de enfrentamento ao tráfico de pessoas//PT-BR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    evento = Event()
    evento.add("uid", _uid(rc, r.id, r.tipo, r.numero))
    evento.add("dtstamp", agora or datetime.now(UTC))
    evento.add("sequence", 0)
    evento.add("summary", f"{r.titulo} – {rc.rede.nome}")
    if r.hora:
        inicio = datetime.combine(r.data, r.hora, tzinfo=ZoneInfo(fuso))
        evento.add("dtstart", inicio)
        evento.add("dtend", inicio + timedelta(minutes=r.duracao_min))
    else:
        evento.add("dtstart", r.data)
        evento.add("dtend", r.data + timedelta(days=1))
    if r.local:
        evento.add("location", r.local)
        link = _LINK.search(r.local)
        if link:
            evento.add("url", link.group(0))
    if serie:
        evento.add("rrule", {"freq": "monthly", "count": serie, "byday": regra_mensal(r.data)})
    evento.add("description", _descricao(rc, rcr, serie))
    evento.add("status", "CONFIRMED")
    evento.add("transp", "OPAQUE")
    cal.add_component(evento)
    if r.hora:  # VTIMEZONE covering the meeting (and its series) for every calendar client
        cal.add_missing_timezones(date(r.data.year - 1, 1, 1), date(r.data.year + 3, 1, 1))
        for fuso_ics in cal.walk("VTIMEZONE"):  # icalendar writes this note in English
            if "COMMENT" in fuso_ics:
                del fuso_ics["COMMENT"]
                fuso_ics.add(
                    "comment",
                    f"Fuso horário válido de {r.data.year - 1} a {r.data.year + 2}.",
                )
    return cal


def _descricao(rc: RedeCompleta, rcr, serie: int) -> str:
    r = rcr.reuniao
    linhas = [
        f"{r.titulo} da {rc.rede.nome}.",
        f"Data: {formatar_data(r.data)}"
        + (f", às {hora_oficial(r.hora)} (horário local)" if r.hora else "")
        + f". Modalidade: {MODALIDADES.get(r.modalidade, r.modalidade).lower()}.",
    ]
    if r.local:
        linhas.append(f"Local: {r.local}")
    if serie:
        linhas.append(f"Série de {serie} reuniões mensais, sempre no mesmo dia da semana do mês.")
    if rcr.itens:
        linhas += ["", "Pauta:"]
        linhas += [f"{i.ordem}. {i.titulo} ({i.minutos} min)" for i in rcr.itens]
    if r.presidente:
        linhas += ["", f"Coordenação: {r.presidente}"]
    return "\n".join(linhas)


def gravar_convite(
    rc: RedeCompleta,
    reuniao_id: int,
    destino: str | Path,
    serie: int = 0,
    *,
    ws=None,
    sobrescrever: bool = False,
) -> Path:
    """Write the invitation to an .ics file through `gravacao.gravar`."""
    from pacto.services.gravacao import gravar

    conteudo = montar_convite(rc, reuniao_id, serie).to_ical()
    return gravar(Path(destino), conteudo, ws=ws, sobrescrever=sobrescrever)
