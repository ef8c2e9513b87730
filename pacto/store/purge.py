"""Removing a text from a workspace for good: history, current rows, free pages and the WAL.

The change history keeps every overwritten text, SQLite keeps deleted bytes in free pages and
in the write-ahead log until they are reused, and every automatic backup carries all of it.
`purgar_texto` replaces the text wherever it is stored, then zeroes freed pages
(`secure_delete`), rebuilds the file (VACUUM) and empties the WAL; it works on the workspace
and on any backup file. The purge is recorded in the history without the text.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

MARCA_PURGADO = "[texto purgado]"
TABELA_PURGA = "purga_de_texto"  # history rows that record a purge (no such data table)
_SEM_TEXTO = {"_sqlite_migrations", "sqlite_sequence", "historico", "_sessao"}


@dataclass
class Ocorrencias:
    """Where a text is stored in one database file."""

    atuais: list[tuple[str, str, int]] = field(default_factory=list)  # table, column, rowid
    historico: list[int] = field(default_factory=list)  # history row ids
    cache: int = 0

    @property
    def vazia(self) -> bool:
        return not (self.atuais or self.historico or self.cache)


def _formas(texto: str) -> list[str]:
    """The text as typed and as it appears inside JSON (quotes and backslashes escaped)."""
    em_json = json.dumps(texto, ensure_ascii=False)[1:-1]
    return list(dict.fromkeys([texto, em_json]))


def _colunas_de_texto(con: sqlite3.Connection) -> list[tuple[str, str]]:
    tabelas = [
        nome
        for (nome,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if nome not in _SEM_TEXTO and nome != "_cache"
    ]
    colunas = []
    for tabela in tabelas:
        for linha in con.execute(f'PRAGMA table_info("{tabela}")'):
            if (linha[2] or "").upper() in ("TEXT", ""):
                colunas.append((tabela, linha[1]))
    return colunas


def _contem(coluna: str, formas: list[str]) -> tuple[str, list[str]]:
    return " OR ".join(f'instr("{coluna}", ?) > 0' for _ in formas), formas


def ocorrencias(con: sqlite3.Connection, texto: str) -> Ocorrencias:
    """Every current row and history row of a database that stores the text."""
    achadas = Ocorrencias()
    if not texto:
        return achadas
    formas = _formas(texto)
    for tabela, coluna in _colunas_de_texto(con):
        condicao, args = _contem(coluna, formas)
        achadas.atuais += [
            (tabela, coluna, rowid)
            for (rowid,) in con.execute(
                f'SELECT rowid FROM "{tabela}" WHERE {condicao} ORDER BY rowid', args
            )
        ]
    antes, args_a = _contem("antes", formas)
    depois, args_d = _contem("depois", formas)
    achadas.historico = [
        i
        for (i,) in con.execute(
            f"SELECT id FROM historico WHERE {antes} OR {depois} ORDER BY id", [*args_a, *args_d]
        )
    ]
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = '_cache'").fetchone():
        condicao, args = _contem("valor", formas)
        achadas.cache = con.execute(
            f"SELECT count(*) FROM _cache WHERE {condicao}", args
        ).fetchone()[0]
    return achadas


def _trocar(valor, texto: str, marca: str):
    """A JSON value with the text replaced in every string inside it."""
    if isinstance(valor, str):
        return valor.replace(texto, marca)
    if isinstance(valor, dict):
        return {k: _trocar(v, texto, marca) for k, v in valor.items()}
    if isinstance(valor, list):
        return [_trocar(v, texto, marca) for v in valor]
    return valor


def _redigir_historico(con: sqlite3.Connection, texto: str, marca: str) -> int:
    formas = _formas(texto)
    antes, args_a = _contem("antes", formas)
    depois, args_d = _contem("depois", formas)
    linhas = con.execute(
        f"SELECT id, antes, depois FROM historico WHERE {antes} OR {depois}", [*args_a, *args_d]
    ).fetchall()
    for id_, velho, novo in linhas:
        trocados = []
        for bruto in (velho, novo):
            if bruto is None:
                trocados.append(None)
                continue
            try:
                trocados.append(
                    json.dumps(_trocar(json.loads(bruto), texto, marca), ensure_ascii=False)
                )
            except ValueError:
                trocados.append(bruto.replace(texto, marca))
        con.execute("UPDATE historico SET antes = ?, depois = ? WHERE id = ?", [*trocados, id_])
    return len(linhas)


def purgar_texto(con: sqlite3.Connection, texto: str, usuario: str = "") -> Ocorrencias:
    """Replace the text everywhere in a database, log the purge without it and compact the file.

    `con` must be in autocommit mode (isolation_level=None) with no transaction open.
    """
    achadas = ocorrencias(con, texto)
    con.execute("PRAGMA secure_delete = ON")
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("INSERT OR REPLACE INTO _sessao (id, usuario) VALUES (1, ?)", [usuario])
        for tabela, coluna, rowid in achadas.atuais:
            for forma in _formas(texto):
                con.execute(
                    f'UPDATE "{tabela}" SET "{coluna}" = replace("{coluna}", ?, ?) WHERE rowid = ?',
                    [forma, MARCA_PURGADO, rowid],
                )
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = '_cache'").fetchone():
            con.execute("DELETE FROM _cache")
        _redigir_historico(con, texto, MARCA_PURGADO)
        resumo = {
            "registros_atuais": len(achadas.atuais),
            "registros_do_historico": len(achadas.historico),
        }
        registrar_sem_texto(con, usuario, TABELA_PURGA, resumo)
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    compactar(con)
    return achadas


def registrar_sem_texto(con: sqlite3.Connection, usuario: str, tabela: str, resumo: dict) -> None:
    """Log an erasure in the change history by its counts only, never the erased text."""
    con.execute(
        "INSERT INTO historico (quando, usuario, tabela, operacao, registro, antes, depois) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), ?, ?, 'exclusao', "
        "NULL, ?, NULL)",
        [usuario, tabela, json.dumps(resumo)],
    )


def compactar(con: sqlite3.Connection) -> bool:
    """Rebuild the file without free pages and empty the WAL; False if a reader kept the WAL."""
    con.execute("PRAGMA secure_delete = ON")
    con.execute("VACUUM")
    ocupado, _, _ = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not ocupado


def arquivo_contem(caminho: Path, texto: str) -> bool:
    """True when the bytes of a file hold the text (UTF-8), wherever SQLite left them."""
    try:
        dados = caminho.read_bytes()
    except OSError:
        return False
    return any(forma.encode("utf-8") in dados for forma in _formas(texto))


def purgar_arquivo(caminho: Path, texto: str, usuario: str = "") -> Ocorrencias:
    """Purge the text from a database file such as a backup (opened on its own connection)."""
    con = sqlite3.connect(str(caminho), isolation_level=None)
    try:
        return purgar_texto(con, texto, usuario)
    finally:
        con.close()


class PurgeRepo:
    """Mixin of `Workspace` for purging a text; `self.con`, `self.caminho` come from it."""

    def ocorrencias_de_texto(self, texto: str) -> Ocorrencias:
        """Where the text is stored in the workspace now (current rows and history)."""
        return ocorrencias(self.con, texto)

    def purgar_texto(self, texto: str) -> tuple[Ocorrencias, bool]:
        """Remove the text from the workspace for good; also says whether the WAL was emptied."""
        achadas = purgar_texto(self.con, texto, self.usuario)
        return achadas, not self.arquivos_com_texto(texto)

    def arquivos_com_texto(self, texto: str) -> list[Path]:
        """The workspace file and its WAL, if their bytes still hold the text."""
        candidatos = [self.caminho, Path(f"{self.caminho}-wal")]
        return [c for c in candidatos if arquivo_contem(c, texto)]

    def backups_com_texto(self, texto: str) -> list[Path]:
        """Automatic backups whose bytes still hold the text."""
        return [b for b in self.backups_automaticos() if arquivo_contem(b, texto)]

    def purgar_backups(self, texto: str) -> list[Path]:
        """Purge the text from every automatic backup holding it; the ones still holding it."""
        for caminho in self.backups_com_texto(texto):
            purgar_arquivo(caminho, texto, self.usuario)
        return self.backups_com_texto(texto)
