"""The privacy policy enforced where the store receives user text: at the commit of a transaction.

Every insert and update of an audited table leaves a row in `historico` (see `history.py`), so
the rows a transaction added there name every field it wrote. Checking them against the policy
just before COMMIT covers every writer — CLI, TUI, imports, bundles — and every future field.
"""

from __future__ import annotations

import json
import sqlite3

from pacto.domain.errors import ErroPrivacidade
from pacto.domain.politica_privacidade import (
    AVISO_GERAL,
    Violacao,
    alertas_do_campo,
    configuracao_de_codigo,
    descrever_violacoes,
    pode_alertar,
)


def ultimo_registro(con: sqlite3.Connection) -> int:
    """The id of the newest history row (0 when empty): where this transaction's rows begin."""
    try:
        return con.execute("SELECT COALESCE(max(id), 0) FROM historico").fetchone()[0]
    except sqlite3.OperationalError:  # a workspace still being created
        return 0


def violacoes_desde(con: sqlite3.Connection, marca: int) -> list[Violacao]:
    """Fields written since history row `marca` whose new text the policy flags."""
    try:
        linhas = con.execute(
            "SELECT tabela, registro, antes, depois FROM historico "
            "WHERE id > ? AND depois IS NOT NULL ORDER BY id",
            [marca],
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    violacoes: list[Violacao] = []
    for tabela, registro, antes, depois in linhas:
        novo = json.loads(depois)
        if not pode_alertar(*novo.values()):
            continue
        if tabela == "configuracoes" and configuracao_de_codigo(str(novo.get("chave", ""))):
            continue
        velho = json.loads(antes) if antes else {}
        for nome, valor in novo.items():
            if not isinstance(valor, str) or velho.get(nome) == valor:
                continue
            violacoes += [
                Violacao(tabela, nome, registro, a) for a in alertas_do_campo(tabela, nome, valor)
            ]
    return violacoes


def mensagem_privacidade(violacoes: list[Violacao], como_insistir: str) -> str:
    """The refusal in Portuguese: the fields and passages, the rule, and how to keep it anyway."""
    return (
        "O texto parece conter dado pessoal de vítima:\n"
        f"{descrever_violacoes(violacoes)}\n{AVISO_GERAL}\n"
        f"Nada foi gravado. Revise o texto ou {como_insistir}."
    )


def exigir_privacidade(con: sqlite3.Connection, marca: int) -> None:
    """Refuse (ErroPrivacidade) a transaction that wrote text the policy flags."""
    violacoes = violacoes_desde(con, marca)
    if violacoes:
        raise ErroPrivacidade(
            mensagem_privacidade(violacoes, "repita com --mesmo-assim para gravar assim mesmo"),
            violacoes,
        )
