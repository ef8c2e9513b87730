"""Results derived from a workspace (such as `pacto status`), reused while the workspace is unchanged.

Computing where the group stands loads the whole network and every rule of the pact; a
script that polls `pacto status` should not pay for that when nothing changed. Each entry is
stored with a *mark* of the state it was computed on: the last row of the change history
(every data table is audited, so any write moves it), the day (rules count days since a
meeting or a confirmation), and the program's own code and `modelos/` (new rules, new
questionnaire). A reader whose mark differs recomputes. Reading needs only `sqlite3`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date

from pacto import __version__
from pacto.store.opening import conectar_leitura, inspecionar
from pacto.store.schema_info import ha_pendentes

_PACOTE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PASTAS_DO_PROGRAMA = ("domain", "services", "store", "modelos")
_ESPERA_GRAVACAO_MS = 200


def _assinatura_do_programa() -> str:
    """The newest modification time among the rules, services and models this pacto runs."""
    mais_nova = 0
    for nome in _PASTAS_DO_PROGRAMA:
        for pasta in (os.path.join(_PACOTE, nome), os.path.join(os.path.dirname(_PACOTE), nome)):
            try:
                with os.scandir(pasta) as entradas:
                    for entrada in entradas:
                        if entrada.is_file():
                            mais_nova = max(mais_nova, entrada.stat().st_mtime_ns)
            except OSError:
                continue
    return f"{__version__}:{mais_nova}"


def ultima_alteracao(conexao: sqlite3.Connection) -> tuple:
    """The last row of the change history (id and time): any write to the workspace moves it."""
    return tuple(
        conexao.execute("SELECT id, quando FROM historico ORDER BY id DESC LIMIT 1").fetchone()
        or (0, "")
    )


def marca(conexao: sqlite3.Connection, hoje: date | None = None) -> str:
    """The mark of the workspace's current state, as seen by this program on this day."""
    ultimo = ultima_alteracao(conexao)
    dia = (hoje or date.today()).isoformat()
    return f"{ultimo[0]}@{ultimo[1]}|{dia}|{_assinatura_do_programa()}"


def ler(caminho: str | os.PathLike, nome: str) -> dict | None:
    """The cached result `nome` when still valid for the workspace at `caminho`, else None.

    The file is checked as every opening checks it (clear errors for foreign, damaged or newer
    files) and read through a read-only connection; nothing is written.
    """
    inspecionar(caminho)
    try:
        conexao = conectar_leitura(caminho)
    except sqlite3.Error:
        return None
    try:
        if ha_pendentes(conexao):
            return None
        linha = conexao.execute("SELECT marca, valor FROM _cache WHERE nome = ?", [nome]).fetchone()
        if linha is None or linha[0] != marca(conexao):
            return None
        return json.loads(linha[1])
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conexao.close()


def marca_guardada(conexao: sqlite3.Connection, nome: str) -> str | None:
    """The mark the kept result `nome` was computed on, None when nothing is kept."""
    linha = conexao.execute("SELECT marca FROM _cache WHERE nome = ?", [nome]).fetchone()
    return linha[0] if linha else None


def gravar(conexao: sqlite3.Connection, nome: str, marca_lida: str, valor: dict) -> None:
    """Keep a result computed on the state `marca_lida`; skipped quietly when the file is busy or
    read-only, since the cache only saves time and a status must never fail for it."""
    try:
        espera = conexao.execute("PRAGMA busy_timeout").fetchone()[0]
        conexao.execute(f"PRAGMA busy_timeout = {_ESPERA_GRAVACAO_MS}")
        try:
            conexao.execute("BEGIN IMMEDIATE")
            conexao.execute(
                "INSERT OR REPLACE INTO _cache (nome, marca, valor) VALUES (?, ?, ?)",
                [nome, marca_lida, json.dumps(valor, ensure_ascii=False)],
            )
            conexao.execute("COMMIT")
        finally:
            if conexao.in_transaction:
                conexao.rollback()
            conexao.execute(f"PRAGMA busy_timeout = {espera}")
    except sqlite3.Error:
        return
