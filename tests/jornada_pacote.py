"""The network a journey test builds, and how to compare two exported bundles of it.

The CLI journey (tests/test_jornada_cli.py) and the keys-only TUI journey both build the
network in `JORNADA` from an empty workspace and export the bundle; `essencia` reduces a
bundle to what must be equal between them (institutions, focal points, duties, referrals,
network, working group) without ids, dates or order, and `diferencas_entre` says what differs.
"""

from __future__ import annotations

import json
from pathlib import Path

# The network of the journey. The long accented name with quotes exercises every front end.
NOME_LONGO = (
    "Delegacia Especializada de Atendimento à Mulher “Maria da Penha” e de Repressão ao "
    'Tráfico de Pessoas — Polícia Civil do Estado de Roraima, "Núcleo Norte"'
)
JORNADA = {
    "rede": {
        "nome_inicial": "Rede de Boa Vista",
        "nome": "Rede Municipal de Enfrentamento ao Tráfico de Pessoas de Boa Vista",
        "uf": "RR",
        "municipio": "Boa Vista",
        "coordenacao": "SEMAS-BV",
    },
    "instituicoes": [
        {
            "sigla": "SEMAS-BV",
            "nome": "Secretaria Municipal de Assistência Social",
            "tipo": "creas",
            "esfera": "municipal",
            "telefone": "(95) 3621-0000",
        },
        {"sigla": "DEAM-BV", "nome": NOME_LONGO, "email": "deam@pc.rr.gov.br"},
        {
            "sigla": "PF-RR",
            "nome": "Polícia Federal",
            "tipo": "policia_federal",
            "esfera": "federal",
            "telefone": "194",
        },
        {"sigla": "CT-BV", "nome": "Conselho Tutelar de Boa Vista", "telefone": "(95) 3623-1111"},
        {"sigla": "HGR", "nome": "Hospital Geral de Roraima", "telefone": "(95) 2121-0000"},
    ],
    "gt": {
        "membros": ["SEMAS-BV", "DEAM-BV", "PF-RR"],
        "ato": "Portaria SEMAS nº 45, de 3 de agosto de 2026",
    },
    # sigla, stage as a user types it (name or key, accents optional), duty
    "atribuicoes": [
        ("CT-BV", "Denúncia", "Recebe denúncias e aciona a rede"),
        ("DEAM-BV", "denuncia", "Registra a ocorrência"),
        ("SEMAS-BV", "enfrentamento", "Articula a rede de proteção"),
        ("PF-RR", "RESGATE", "Resgata as vítimas"),
        ("SEMAS-BV", "Pos-Resgate", "Acolhe a vítima resgatada"),
        ("HGR", "atendimento as vitimas", "Atende a saúde da vítima"),
    ],
    # de, para, condição, prazo
    "encaminhamentos": [
        ("DEAM-BV", "PF-RR", "Indício de tráfico internacional", "Imediato"),
        ("CT-BV", "SEMAS-BV", "", "24 horas"),
        ("PF-RR", "HGR", "", "Imediato"),
    ],
}
# who signs a Termo de Adesão: everyone but the coordination, which receives the adhesions
ADERENTES = sorted(
    i["sigla"] for i in JORNADA["instituicoes"] if i["sigla"] != JORNADA["rede"]["coordenacao"]
)


def ler_pacote(caminho: str | Path) -> dict:
    """A bundle file as a dict."""
    return json.loads(Path(caminho).read_text(encoding="utf-8"))


def essencia(pacote: dict) -> dict:
    """What two journeys that built the same network must share, without ids or order."""
    sigla = {i["id"]: i["sigla"] for i in pacote["instituicoes"]}
    etapa = {e["id"]: e["chave"] for e in pacote["etapas"]}
    fluxo = {f["id"]: f["nome"] for f in pacote["fluxos"]}
    rede = pacote["rede"]
    return {
        "rede": {
            "nome": rede["nome"],
            "uf": rede["uf"],
            "municipio": rede["municipio"],
            "coordenacao": sigla.get(rede.get("coordenacao_id")),
        },
        "instituicoes": sorted(
            ({k: v for k, v in i.items() if k != "id"} for i in pacote["instituicoes"]),
            key=lambda i: i["sigla"],
        ),
        "pontos_focais": sorted(
            (
                sigla[p["instituicao_id"]],
                p["papel"],
                p["nome"],
                p["cargo"],
                p["telefone"],
                p["email"],
            )
            for p in pacote["pontos_focais"]
        ),
        "atribuicoes": sorted(
            (sigla[a["instituicao_id"]], etapa[a["etapa_id"]], fluxo[a["fluxo_id"]], a["texto"])
            for a in pacote["atribuicoes"]
        ),
        "encaminhamentos": sorted(
            (
                fluxo[e["fluxo_id"]],
                sigla[e["origem_id"]],
                sigla[e["destino_id"]],
                e["condicao"],
                e["prazo"],
            )
            for e in pacote["encaminhamentos"]
        ),
        "grupo_trabalho": sorted(sigla[m["instituicao_id"]] for m in pacote["grupo_trabalho"]),
        "versoes": len(pacote["versoes"]),
        "adesoes_assinadas": sorted(
            sigla[a["instituicao_id"]] for a in pacote["adesoes"] if a["situacao"] == "assinado"
        ),
    }


def diferencas_entre(a: dict, b: dict) -> list[str]:
    """Section by section, what differs between the essence of two bundles (empty: equal)."""
    ea, eb = essencia(a), essencia(b)
    diferencas = []
    for secao in ea:
        if ea[secao] != eb[secao]:
            if isinstance(ea[secao], list):
                so_a = [x for x in ea[secao] if x not in eb[secao]]
                so_b = [x for x in eb[secao] if x not in ea[secao]]
                diferencas.append(f"{secao}: só no primeiro {so_a}; só no segundo {so_b}")
            else:
                diferencas.append(f"{secao}: {ea[secao]!r} ≠ {eb[secao]!r}")
    return diferencas
