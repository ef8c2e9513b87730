"""Safe opening of workspace files: recognise a pacto workspace before writing a single byte to it."""

from __future__ import annotations

import os
import sqlite3
import struct
from typing import TYPE_CHECKING

from pacto.domain.errors import ErroWorkspace, motivo_os
from pacto.store.schema_info import APPLICATION_ID, nomes_conhecidos
from pacto.store.schema_info import aplicadas as migracoes_aplicadas

if TYPE_CHECKING:
    from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def espera_ms() -> int:
    """How long a write waits for another pacto process's lock (PACTO_ESPERA_MS, default 5 s)."""
    try:
        return max(0, int(os.environ.get("PACTO_ESPERA_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def uri_somente_leitura(caminho: str | os.PathLike) -> str:
    """An SQLite URI opening the file read-only (built by hand: pathlib and urllib cost startup)."""
    absoluto = os.path.abspath(caminho)
    for especial, codigo in (("%", "%25"), ("?", "%3f"), ("#", "%23")):
        absoluto = absoluto.replace(especial, codigo)
    return f"file:{absoluto}?mode=ro"


def inspecionar(caminho: str | os.PathLike) -> None:
    """Raise a clear error unless the file is a usable pacto workspace; never writes to the file.

    Plain `os` calls, so the light read path of `pacto status` need not import pathlib.
    """
    if not os.path.exists(caminho):
        raise ErroWorkspace(
            f"Nenhum workspace encontrado em {caminho}.\n"
            "Crie um com “pacto init --rede NOME --uf UF” ou experimente a rede de "
            "demonstração com “pacto demo”."
        )
    if os.path.isdir(caminho):
        raise ErroWorkspace(f"{caminho} é uma pasta, não um arquivo de workspace.")
    if not os.path.isfile(caminho):  # a device or a named pipe: reading it would never end
        raise ErroWorkspace(
            f"{caminho} não é um arquivo comum (é um dispositivo, uma fila ou um soquete), "
            "não um arquivo de workspace."
        )
    try:
        with open(caminho, "rb") as arquivo:
            cabecalho = arquivo.read(100)
    except OSError as erro:
        raise ErroWorkspace(f"Não foi possível ler {caminho}: {motivo_os(erro)}.") from erro
    if len(cabecalho) < 100 or not cabecalho.startswith(SQLITE_MAGIC):
        raise ErroWorkspace(f"{caminho} não é um workspace do pacto (nem um banco SQLite).")
    (app_id,) = struct.unpack(">I", cabecalho[68:72])
    if app_id != APPLICATION_ID:
        raise ErroWorkspace(
            f"{caminho} é um banco SQLite, mas não é um workspace do pacto. "
            "Nada foi alterado no arquivo."
        )
    _verificar_conteudo(caminho)


def _verificar_conteudo(caminho: str | os.PathLike) -> None:
    """Check integrity and that no migration is newer than this program, read-only."""
    try:
        conexao = sqlite3.connect(
            uri_somente_leitura(caminho), uri=True, timeout=espera_ms() / 1000
        )
        try:
            resultado = conexao.execute("PRAGMA quick_check").fetchone()
            if not resultado or resultado[0] != "ok":
                raise ErroWorkspace(_danificado(caminho))
            aplicadas = migracoes_aplicadas(conexao)
            if not aplicadas:
                raise ErroWorkspace(_danificado(caminho))
        finally:
            conexao.close()
    except sqlite3.OperationalError as erro:
        if "locked" in str(erro) or "busy" in str(erro):
            raise ErroWorkspace(
                f"O workspace {caminho} está ocupado por outro processo do pacto. "
                "Tente de novo em alguns segundos."
            ) from erro
        raise ErroWorkspace(_danificado(caminho)) from erro
    except sqlite3.DatabaseError as erro:
        raise ErroWorkspace(_danificado(caminho)) from erro
    desconhecidas = aplicadas - nomes_conhecidos()
    if desconhecidas:
        raise ErroWorkspace(
            f"O workspace {caminho} foi gravado por uma versão mais nova do pacto. "
            "Atualize o pacto para abri-lo; nada foi alterado no arquivo."
        )


def _danificado(caminho: str | os.PathLike) -> str:
    return (
        f"O workspace {caminho} está danificado ou incompleto e não pode ser aberto. "
        "Nada foi alterado no arquivo; restaure uma cópia de segurança."
    )


def conectar(caminho: Path) -> sqlite3.Connection:
    """Open a read-write connection with WAL, foreign keys and a busy timeout."""
    espera = espera_ms()
    # isolation_level=None: Python never opens a transaction on its own, so a write outside
    # `Workspace.transacao()` commits at once instead of waiting for a commit that never comes.
    conexao = sqlite3.connect(
        str(caminho), timeout=espera / 1000, check_same_thread=False, isolation_level=None
    )
    conexao.execute(f"PRAGMA busy_timeout = {espera}")
    conexao.execute("PRAGMA journal_mode = WAL")
    conexao.execute("PRAGMA synchronous = NORMAL")
    conexao.execute("PRAGMA foreign_keys = ON")
    conexao.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
    return conexao


def criar_arquivo_privado(caminho: Path) -> None:
    """Create an empty file readable and writable by its owner only (0600); refuse to overwrite."""
    if caminho.exists():
        raise ErroWorkspace(f"Já existe um arquivo em {caminho}; o pacto não o sobrescreve.")
    if not caminho.parent.exists():
        raise ErroWorkspace(f"A pasta {caminho.parent} não existe.")
    try:
        descritor = os.open(caminho, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError as erro:
        raise ErroWorkspace(
            f"Já existe um arquivo em {caminho}; o pacto não o sobrescreve."
        ) from erro
    except OSError as erro:
        raise ErroWorkspace(f"Não foi possível criar {caminho}: {motivo_os(erro)}.") from erro
    os.close(descritor)
