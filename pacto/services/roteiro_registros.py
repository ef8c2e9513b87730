"""What the booklet asks a network to record by hand: the experiences studied and the kind of flow
chosen (roadmap step 7), and purposes covered by an external flow (e.g. slave labour)."""

from __future__ import annotations

import json

from pacto.domain.catalog import finalidades
from pacto.domain.errors import ErroValidacao
from pacto.domain.fluxos import nome_finalidade
from pacto.domain.validation import validar_campo_curto, validar_texto

CHAVE_ETAPA7 = "roteiro.etapa7"
CHAVE_EXTERNOS = "fluxos.externos"
DECISOES = {
    "unico": "um fluxo único para todas as finalidades",
    "por_finalidade": "um fluxo por finalidade",
}


def etapa7(ws) -> dict:
    """{'experiencias': [{'nome', 'nota'}], 'decisao': key or '', 'nota': text}."""
    dados = json.loads(ws.configuracao(CHAVE_ETAPA7) or "{}")
    return {
        "experiencias": dados.get("experiencias", []),
        "decisao": dados.get("decisao", ""),
        "nota": dados.get("nota", ""),
    }


def _gravar_etapa7(ws, dados: dict) -> None:
    ws.definir_configuracao(CHAVE_ETAPA7, json.dumps(dados, ensure_ascii=False))


def registrar_experiencia(ws, nome: str, nota: str = "") -> dict:
    """Record an experience the network studied (e.g. 'Fluxo estadual do RJ'), with a note."""
    nome = validar_campo_curto("O nome da experiência", nome, obrigatorio=True)
    nota = validar_texto("a nota", nota, obrigatorio=False)
    dados = etapa7(ws)
    dados["experiencias"] = [e for e in dados["experiencias"] if e["nome"] != nome]
    dados["experiencias"].append({"nome": nome, "nota": nota})
    _gravar_etapa7(ws, dados)
    return dados


def registrar_decisao(ws, decisao: str, nota: str = "") -> dict:
    """Record the decision: one flow for every purpose, or one flow per purpose."""
    chave = decisao.strip().lower().replace("-", "_")
    if chave not in DECISOES:
        raise ErroValidacao("Decisão inválida: use unico ou por-finalidade.")
    dados = etapa7(ws)
    dados["decisao"] = chave
    dados["nota"] = validar_texto("a nota", nota, obrigatorio=False)
    _gravar_etapa7(ws, dados)
    return dados


def externos(ws) -> dict[str, str]:
    """Purposes covered by a flow outside this network's, with the act that sets it up."""
    return json.loads(ws.configuracao(CHAVE_EXTERNOS) or "{}")


def marcar_externo(ws, finalidade: str, ato: str | None) -> dict[str, str]:
    """Mark a purpose as covered by an external flow (naming its act), or clear it (ato=None)."""
    chave = finalidade.strip().lower().replace("-", "_")
    if chave not in {f.chave for f in finalidades()}:
        opcoes = ", ".join(f.chave for f in finalidades())
        raise ErroValidacao(f"Finalidade desconhecida: “{finalidade}”. Use uma destas: {opcoes}.")
    dados = externos(ws)
    if ato is None:
        dados.pop(chave, None)
    else:
        ato = validar_campo_curto("O ato do fluxo externo", ato, obrigatorio=True)
        dados[chave] = ato
    ws.definir_configuracao(CHAVE_EXTERNOS, json.dumps(dados, ensure_ascii=False) or None)
    return dados


def descrever_externos(dados: dict[str, str]) -> list[str]:
    """'trabalho escravo (II): coberta por fluxo externo — Portaria MMFDH nº 3.484/2021'."""
    return [
        f"{nome_finalidade(chave)}: coberta por fluxo externo — {ato}"
        for chave, ato in sorted(dados.items())
    ]
