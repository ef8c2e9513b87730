"""Damage fixtures for workspace files, made the way real damage looks to SQLite."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def digest(caminho: Path) -> str:
    """The file's bytes, hashed, to prove nothing was written (call with no connection open)."""
    return hashlib.sha256(Path(caminho).read_bytes()).hexdigest()


def _fechado(caminho: Path) -> None:
    """Fold the WAL into the file so raw edits see every page."""
    conexao = sqlite3.connect(caminho)
    conexao.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conexao.close()


def indice_com_contagem_errada(caminho: Path) -> None:
    """Make `idx_historico_registro` hold one entry more than `historico` has rows.

    The index is hidden from the schema, a history row is deleted (so the index is not
    updated), and the index is put back: "wrong # of entries in index", which `quick_check`
    does not see and `integrity_check` does — the damage of issue 12.
    """
    _fechado(caminho)
    conexao = sqlite3.connect(caminho, isolation_level=None)
    tipo, nome, tabela, raiz, sql = conexao.execute(
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master "
        "WHERE name = 'idx_historico_registro'"
    ).fetchone()
    conexao.execute("PRAGMA writable_schema = ON")
    conexao.execute("DELETE FROM sqlite_master WHERE name = ?", [nome])
    conexao.close()
    conexao = sqlite3.connect(caminho, isolation_level=None)
    conexao.execute("DELETE FROM historico WHERE id = (SELECT max(id) FROM historico)")
    conexao.execute("PRAGMA writable_schema = ON")
    conexao.execute(
        "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, ?, ?)",
        [tipo, nome, tabela, raiz, sql],
    )
    conexao.close()
    _fechado(caminho)


def pagina_sobrescrita(caminho: Path) -> None:
    """Overwrite the root page of the `instituicoes` table with garbage."""
    _fechado(caminho)
    conexao = sqlite3.connect(caminho)
    (raiz,) = conexao.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'instituicoes'"
    ).fetchone()
    (tamanho,) = conexao.execute("PRAGMA page_size").fetchone()
    conexao.close()
    with open(caminho, "r+b") as arquivo:
        arquivo.seek((raiz - 1) * tamanho)
        arquivo.write(bytes([0x5A]) * tamanho)


DANOS = {"indice": indice_com_contagem_errada, "pagina": pagina_sobrescrita}


def pacto(*argumentos: str, preexec=None, entrada: str | None = None, **opcoes):
    """Run the pacto CLI as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "pacto", *argumentos],
        capture_output=True,
        text=True,
        input=entrada,
        preexec_fn=preexec,
        timeout=120,
        env=dict(os.environ, PACTO_USUARIO="teste", COLUMNS="200"),
        **opcoes,
    )


def descritores_apagados(pid: int | str = "self") -> list[str]:
    """The deleted -wal/-shm files a process still holds open (Linux /proc)."""
    pasta = f"/proc/{pid}/fd"
    apagados = []
    for nome in os.listdir(pasta):
        try:
            alvo = os.readlink(os.path.join(pasta, nome))
        except OSError:
            continue
        if alvo.endswith(" (deleted)") and ("-wal" in alvo or "-shm" in alvo):
            apagados.append(alvo)
    return apagados
