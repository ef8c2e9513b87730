"""Holidays a meeting date is checked against: national and state (the `holidays` library) and
the municipal ones a network keeps in `modelos/` or in its workspace."""

from __future__ import annotations

import json
from datetime import date

from pacto.domain.calendario import alerta_de_data
from pacto.domain.catalog import ler_toml
from pacto.domain.errors import ErroValidacao
from pacto.domain.text import chave_comparacao
from pacto.domain.validation import validar_campo_curto

CHAVE = "feriados.municipais"  # workspace setting: JSON list of {"dia": "DD/MM", "nome": …}


def _dia_mes(texto: str) -> tuple[int, int]:
    """(month, day) from 'DD/MM', or a Portuguese error."""
    try:
        dia, mes = (int(p) for p in str(texto).strip().split("/"))
        date(2024, mes, dia)  # a leap year accepts 29/02
    except ValueError:
        raise ErroValidacao(f"Dia inválido: “{texto}”. Use DD/MM, como 09/07.") from None
    return mes, dia


def registrados(ws) -> list[dict]:
    """The municipal holidays kept in the workspace."""
    return json.loads(ws.configuracao(CHAVE) or "[]")


def municipais(ws) -> dict[tuple[int, int], str]:
    """Municipal holidays of the network's city: from `modelos/` (same UF and municipality) and
    from the workspace, by (month, day)."""
    rede = ws.rede()
    resultado = {}
    for item in ler_toml("feriados_municipais.toml").get("feriados", []):
        mesma_uf = str(item.get("uf", "")).upper() == rede.uf.upper()
        mesmo_municipio = chave_comparacao(str(item.get("municipio", ""))) == chave_comparacao(
            rede.municipio or ""
        )
        if mesma_uf and (mesmo_municipio or not item.get("municipio")):
            resultado[_dia_mes(item["dia"])] = item["nome"]
    for item in registrados(ws):
        resultado[_dia_mes(item["dia"])] = item["nome"]
    return resultado


def adicionar(ws, dia: str, nome: str) -> tuple[int, int]:
    """Keep a municipal holiday in the workspace (replacing one on the same day)."""
    mes, dia_ = _dia_mes(dia)
    nome = validar_campo_curto("O nome do feriado", nome)
    if not nome:
        raise ErroValidacao("Informe o nome do feriado.")
    lista = [i for i in registrados(ws) if _dia_mes(i["dia"]) != (mes, dia_)]
    lista.append({"dia": f"{dia_:02d}/{mes:02d}", "nome": nome})
    lista.sort(key=lambda i: _dia_mes(i["dia"]))
    ws.definir_configuracao(CHAVE, json.dumps(lista, ensure_ascii=False))
    return mes, dia_


def remover(ws, dia: str) -> bool:
    """Drop a municipal holiday kept in the workspace; True if there was one."""
    alvo = _dia_mes(dia)
    lista = registrados(ws)
    restantes = [i for i in lista if _dia_mes(i["dia"]) != alvo]
    ws.definir_configuracao(CHAVE, json.dumps(restantes, ensure_ascii=False) if restantes else None)
    return len(restantes) != len(lista)


def alerta(ws, dia: date) -> str | None:
    """The warning for a meeting on this day in this network, if any."""
    return alerta_de_data(dia, ws.rede().uf, municipais(ws))
