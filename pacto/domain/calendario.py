"""Dates for meetings: Brazilian national holidays, monthly series, time zones and dates in words."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from functools import cache

from pacto.domain.errors import ErroValidacao
from pacto.domain.redacao import data_curta

MESES = (
    "janeiro", "fevereiro", "março", "abril", "maio", "junho",
    "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
)  # fmt: skip
DIAS_SEMANA = (
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
    "sexta-feira", "sábado", "domingo",
)  # fmt: skip

# IANA time zone of each UF's capital; "America/Sao_Paulo" is Brasília time.
FUSOS_UF = {
    "AC": "America/Rio_Branco", "AM": "America/Manaus", "RR": "America/Boa_Vista",
    "RO": "America/Porto_Velho", "MT": "America/Cuiaba", "MS": "America/Campo_Grande",
    "PA": "America/Belem", "AP": "America/Belem", "TO": "America/Araguaina",
    "MA": "America/Fortaleza", "PI": "America/Fortaleza", "CE": "America/Fortaleza",
    "RN": "America/Fortaleza", "PB": "America/Fortaleza", "PE": "America/Recife",
    "AL": "America/Maceio", "SE": "America/Maceio", "BA": "America/Bahia",
}  # fmt: skip
FUSO_PADRAO = "America/Sao_Paulo"


def fuso_da_uf(uf: str) -> str:
    """The IANA time zone to use for meetings of a network in this UF."""
    return FUSOS_UF.get((uf or "").strip().upper(), FUSO_PADRAO)


# -- holidays -----------------------------------------------------------------


def pascoa(ano: int) -> date:
    """Easter Sunday of a year (Gregorian computus of Meeus/Jones/Butcher)."""
    a = ano % 19
    b, c = divmod(ano, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    mes, dia = divmod(h + l_ - 7 * m + 114, 31)
    return date(ano, mes, dia + 1)


@cache
def feriados_nacionais(ano: int) -> dict[date, str]:
    """National holidays of a year, with their Portuguese names, from the `holidays` library
    (Lei 662/1949 as amended, Sexta-feira Santa, and Consciência Negra from 2024 on).

    Imported here, never at module level: building the calendars costs more than starting
    `pacto status`, which never checks a date.
    """
    import holidays  # noqa: PLC0415 - on purpose, see the docstring

    return dict(sorted(holidays.country_holidays("BR", years=ano, language="pt_BR").items()))


@cache
def pontos_facultativos(ano: int) -> dict[date, str]:
    """Federal optional days off that emptied meeting rooms: Carnaval and Corpus Christi."""
    p = pascoa(ano)
    return {
        p - timedelta(days=48): "Carnaval",
        p - timedelta(days=47): "Carnaval",
        p - timedelta(days=46): "Quarta-feira de Cinzas (até as 14 horas)",
        p + timedelta(days=60): "Corpus Christi",
    }


def feriado(dia: date) -> str | None:
    """The name of the national holiday on this day, if any."""
    return feriados_nacionais(dia.year).get(dia)


@cache
def feriados_estaduais(ano: int, uf: str) -> dict[date, str]:
    """State holidays of a UF in a year, with their Portuguese names, from the `holidays` library.

    Imported here, never at module level: building the calendars costs more than starting
    `pacto status`, which never checks a date.
    """
    import holidays  # noqa: PLC0415 - on purpose, see the docstring

    uf = (uf or "").strip().upper()
    try:
        do_estado = holidays.country_holidays("BR", subdiv=uf, years=ano, language="pt_BR")
    except NotImplementedError:
        return {}
    nacionais = holidays.country_holidays("BR", years=ano, language="pt_BR")
    return {dia: nome for dia, nome in sorted(do_estado.items()) if dia not in nacionais}


def feriado_municipal(dia: date, municipais: dict[tuple[int, int], str] | None) -> str | None:
    """The name of a municipal holiday kept by the network (day and month), if any."""
    return (municipais or {}).get((dia.month, dia.day))


def alerta_de_data(
    dia: date, uf: str = "", municipais: dict[tuple[int, int], str] | None = None
) -> str | None:
    """A warning when a meeting date is a holiday (national, of the network's UF or municipal),
    an optional day off or a weekend."""
    rotulo = f"{dia:%d/%m/%Y} ({DIAS_SEMANA[dia.weekday()]})"
    nome = feriado(dia)
    if nome:
        return f"{rotulo} é feriado nacional: {nome}."
    nome = feriados_estaduais(dia.year, uf).get(dia) if uf else None
    if nome:
        return f"{rotulo} é feriado estadual ({uf.upper()}): {nome}."
    nome = feriado_municipal(dia, municipais)
    if nome:
        return f"{rotulo} é feriado municipal: {nome}."
    nome = pontos_facultativos(dia.year).get(dia)
    if nome:
        return f"{rotulo} é ponto facultativo: {nome}."
    if dia.weekday() >= 5:
        return f"{rotulo} cai num fim de semana."
    return None


def dia_util_anterior(dia: date) -> date:
    """The day itself when it is a working day, else the nearest earlier one."""
    while dia.weekday() >= 5 or feriado(dia) or dia in pontos_facultativos(dia.year):
        dia -= timedelta(days=1)
    return dia


# -- monthly series -----------------------------------------------------------

_SIGLAS_ICAL = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def posicao_no_mes(dia: date) -> int:
    """Which occurrence of its weekday the day is (1–4), or -1 for the last one of the month."""
    if (dia + timedelta(days=7)).month != dia.month:
        return -1
    return (dia.day - 1) // 7 + 1


def regra_mensal(dia: date) -> str:
    """The iCalendar BYDAY value that repeats this weekday position monthly, e.g. '2TH' or '-1FR'."""
    return f"{posicao_no_mes(dia)}{_SIGLAS_ICAL[dia.weekday()]}"


def ocorrencias_mensais(inicio: date, quantidade: int) -> list[date]:
    """The dates of a monthly series that keeps the weekday position of `inicio` (same as RRULE)."""
    posicao = posicao_no_mes(inicio)
    datas = []
    ano, mes = inicio.year, inicio.month
    for _ in range(quantidade):
        primeiro = date(ano, mes, 1)
        desloc = (inicio.weekday() - primeiro.weekday()) % 7
        candidatos = []
        dia = primeiro + timedelta(days=desloc)
        while dia.month == mes:
            candidatos.append(dia)
            dia += timedelta(days=7)
        datas.append(candidatos[-1] if posicao == -1 else candidatos[posicao - 1])
        ano, mes = (ano + 1, 1) if mes == 12 else (ano, mes + 1)
    return datas


# -- reading dates typed by people ---------------------------------------------

_DATA_BR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_HORA = re.compile(r"^(\d{1,2})(?:[:h](\d{2})?)?(?:min)?$")


# How far from today a date typed by people or carried by a file may be: a meeting in 1900 or
# in 9999 is a typo, and years 1 and 9999 break date arithmetic further on.
ANOS_PARA_TRAS = 30
ANOS_PARA_FRENTE = 10


def faixa_de_datas(hoje: date | None = None) -> tuple[date, date]:
    """The first and last dates pacto accepts: 1 January 30 years ago to 31 December in 10 years."""
    ano = (hoje or date.today()).year
    return date(ano - ANOS_PARA_TRAS, 1, 1), date(ano + ANOS_PARA_FRENTE, 12, 31)


def checar_faixa(dia: date, rotulo: str = "A data", hoje: date | None = None) -> date:
    """The date itself, or a Portuguese error naming the accepted range when it is too far."""
    inicio, fim = faixa_de_datas(hoje)
    if not inicio <= dia <= fim:
        raise ErroValidacao(
            f"{rotulo[:1].upper() + rotulo[1:]} {data_curta(dia)} está fora do intervalo aceito "
            f"({data_curta(inicio)} a {data_curta(fim)}). Confira o ano."
        )
    return dia


def ano_aceito(ano: int, hoje: date | None = None) -> bool:
    """True when a year lies in the accepted range of dates (for months typed as AAAA-MM)."""
    inicio, fim = faixa_de_datas(hoje)
    return inicio.year <= ano <= fim.year


def ler_data(texto: str, rotulo: str = "a data") -> date:
    """Read a date typed as DD/MM/AAAA or AAAA-MM-DD, with a Portuguese error message; dates
    outside `faixa_de_datas` are refused too."""
    texto = (texto or "").strip()
    if not texto:
        raise ErroValidacao(f"Informe {rotulo}.")
    try:
        achado = _DATA_BR.match(texto)
        if achado:
            dia, mes, ano = (int(x) for x in achado.groups())
            lida = date(ano, mes, dia)
        else:
            lida = date.fromisoformat(texto)
    except ValueError as erro:
        raise ErroValidacao(
            f"Data inválida: “{texto[:40]}”. Use DD/MM/AAAA (ex.: 10/12/2026)."
        ) from erro
    return checar_faixa(lida, rotulo)


def data_gravada(valor) -> date | None:
    """A date read back from the workspace, or None when the stored text is not one (an older
    import could have stored “ontem”): readers skip or blank it instead of crashing."""
    if isinstance(valor, date):
        return valor
    try:
        return date.fromisoformat(valor[:10]) if isinstance(valor, str) else None
    except ValueError:
        return None


def momento_gravado(valor):
    """A date and time read back from the workspace, or None when the stored text is not one."""
    from datetime import datetime

    if isinstance(valor, datetime):
        return valor
    try:
        return datetime.fromisoformat(valor) if isinstance(valor, str) else None
    except ValueError:
        return None


def ler_hora(texto: str) -> time | None:
    """Read a time typed as 14:00, 14h, 14h30 or 9; empty means no time set."""
    texto = (texto or "").strip().lower().replace(" ", "")
    if not texto:
        return None
    achado = _HORA.match(texto)
    if achado:
        hora, minuto = int(achado.group(1)), int(achado.group(2) or 0)
        if hora < 24 and minuto < 60:
            return time(hora, minuto)
    raise ErroValidacao(f"Hora inválida: “{texto}”. Use HH:MM (ex.: 14:00).")


def formatar_data(dia: date | None) -> str:
    """DD/MM/AAAA, or an empty string."""
    return f"{dia:%d/%m/%Y}" if dia else ""


def formatar_hora(hora: time | None) -> str:
    """HH:MM, or an empty string."""
    return f"{hora:%H:%M}" if hora else ""


def hora_oficial(hora: time | None) -> str:
    """'9h', '11h30': a time as official documents write it, or an empty string."""
    if hora is None:
        return ""
    return f"{hora.hour}h" + (f"{hora.minute:02d}" if hora.minute else "")


# -- dates and times in words, as an ata is written ---------------------------


def cardinal(n: int, feminino: bool = False) -> str:
    """A whole number in Portuguese words, e.g. 2026 → 'dois mil e vinte e seis'.

    One implementation serves acts and atas alike: `redacao.numero_por_extenso`.
    """
    from pacto.domain.redacao import numero_por_extenso

    return numero_por_extenso(n, "f" if feminino else "m")


def data_por_extenso(dia: date) -> str:
    """The opening of an ata: 'Aos vinte e seis dias do mês de novembro de dois mil e vinte e seis'."""
    mes = MESES[dia.month - 1]
    ano = cardinal(dia.year)
    if dia.day == 1:
        return f"Ao primeiro dia do mês de {mes} de {ano}"
    return f"Aos {cardinal(dia.day)} dias do mês de {mes} de {ano}"


def hora_por_extenso(hora: time) -> str:
    """'às nove horas', 'à uma hora e trinta minutos', 'às quatorze horas e cinco minutos'."""
    h = hora.hour
    if h == 0:
        texto = "à zero hora"
    elif h == 1:
        texto = "à uma hora"
    else:
        texto = f"às {cardinal(h, feminino=True)} horas"
    if hora.minute:
        minutos = "minuto" if hora.minute == 1 else "minutos"
        texto += f" e {cardinal(hora.minute)} {minutos}"
    return texto


def data_curta_extenso(dia: date) -> str:
    """'26 de novembro de 2026', as convocations write a date."""
    return f"{dia.day} de {MESES[dia.month - 1]} de {dia.year}"
