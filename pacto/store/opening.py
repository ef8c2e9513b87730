"""Safe opening of workspace files: recognise a pacto workspace before writing a single byte to it.

Every look at the file goes through SQLite (see `pacto.store.conexoes` for why a plain `open()`
on a live workspace corrupts it): the application id, the migrations applied and the damage
checks are read through a read-only connection. `quick_check` runs on every opening; the full
`integrity_check`, which also compares every index with its table, runs where a damaged file
would do most harm (the interface's start, backups, restores and migrations).
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING

from pacto.domain.errors import ErroWorkspace, motivo_os
from pacto.store.schema_info import APPLICATION_ID, nomes_conhecidos
from pacto.store.schema_info import aplicadas as migracoes_aplicadas

if TYPE_CHECKING:
    from pathlib import Path

BUSY_TIMEOUT_MS = 5000
# SQLite's primary result codes (the low byte of an extended code)
_READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 8, 10, 11, 13, 14, 26
_BUSY, _LOCKED = 5, 6


class ErroDanificado(ErroWorkspace):
    """The damage check found a problem in the file: only a restore can help."""


class ErroSubstituido(ErroWorkspace):
    """Another process replaced the workspace's content (restore, import) since it was opened."""


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


def pasta_backups(caminho: str | os.PathLike) -> str:
    """Where automatic backups of a workspace go: a private folder beside it."""
    return os.fspath(caminho) + ".backups"


def ultimo_backup(caminho: str | os.PathLike) -> str | None:
    """The newest automatic backup of a workspace, or None when there is none."""
    pasta = pasta_backups(caminho)
    prefixo = os.path.splitext(os.path.basename(caminho))[0] + "-"
    try:
        nomes = sorted(n for n in os.listdir(pasta) if n.startswith(prefixo) and n.endswith(".db"))
    except OSError:
        return None
    return os.path.join(pasta, nomes[-1]) if nomes else None


def mensagem_danificado(caminho: str | os.PathLike, detalhe: str = "") -> str:
    """What to say about a damaged workspace: what the check found and which backup to restore."""
    achado = f" (a verificação encontrou: {detalhe[:200]})" if detalhe else ""
    ultimo = ultimo_backup(caminho)
    if ultimo:
        conselho = (
            f"A cópia automática mais recente é {ultimo}; restaure-a com "
            f"“pacto --db {caminho} restaurar {ultimo}”."
        )
    else:
        conselho = (
            f"Não há cópias automáticas em {pasta_backups(caminho)}; restaure uma cópia de "
            f"segurança sua com “pacto --db {caminho} restaurar ARQUIVO”."
        )
    return f"O workspace {caminho} está danificado{achado}. Nada foi gravado no arquivo. {conselho}"


def traduzir_erro_sqlite(erro: sqlite3.Error, caminho: str | os.PathLike) -> ErroWorkspace | None:
    """The user's version of an SQLite error: what happened and what to do; None if unknown.

    "Danificado" is said only for SQLite's own corruption codes; a full disk, a size limit or
    missing write permission are named as such, since restoring a backup would not fix them.
    """
    codigo = getattr(erro, "sqlite_errorcode", None)
    primario = codigo & 0xFF if isinstance(codigo, int) else None
    texto = str(erro).lower()
    if primario in (_BUSY, _LOCKED) or "locked" in texto or "busy" in texto:
        return ErroWorkspace(
            f"O workspace {caminho} está ocupado por outro processo do pacto e a operação não "
            "pôde ser feita. Nada foi alterado; tente de novo em alguns segundos."
        )
    if primario == _FULL or "disk is full" in texto:
        return ErroWorkspace(
            f"Disco cheio: não há espaço para gravar em {caminho}. A última alteração foi "
            "desfeita e o que já estava salvo continua intacto. Libere espaço no disco e tente "
            "de novo."
        )
    if primario == _READONLY or "readonly" in texto:
        return ErroWorkspace(
            f"Sem permissão de escrita em {caminho} (ou na pasta dele). O workspace está "
            "íntegro e pode ser consultado; para gravar, peça permissão de escrita ou trabalhe "
            "numa cópia sua (“pacto backup”)."
        )
    if primario == _IOERR or "disk i/o error" in texto:
        if _limite_de_tamanho():
            return ErroWorkspace(
                f"Limite de tamanho de arquivo atingido ao gravar em {caminho} (limite do "
                "sistema para este processo, “ulimit -f”). A última alteração foi desfeita e o "
                "que já estava salvo continua intacto. Aumente o limite e tente de novo."
            )
        return ErroWorkspace(
            f"Erro de leitura ou gravação no disco ao usar {caminho} (disco com defeito, "
            "removido ou sem espaço). A última alteração foi desfeita; verifique o disco e "
            "tente de novo."
        )
    if primario == _CANTOPEN or "unable to open" in texto:
        return ErroWorkspace(
            f"Não foi possível abrir {caminho}: sem permissão na pasta dele ou pasta "
            "inacessível. Nada foi alterado."
        )
    if primario in (_CORRUPT, _NOTADB) or "malformed" in texto or "not a database" in texto:
        return ErroDanificado(mensagem_danificado(caminho, str(erro)))
    return None


def _limite_de_tamanho() -> bool:
    """True when this process runs under a finite file-size limit (RLIMIT_FSIZE)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return False
    flexivel, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return flexivel != resource.RLIM_INFINITY


def inspecionar(caminho: str | os.PathLike, completa: bool = False, danos: bool = True) -> None:
    """Raise a clear error unless the file is a usable pacto workspace; never writes to the file.

    Only SQLite touches the file. `completa` runs the full `integrity_check` instead of
    `quick_check`; `danos=False` skips the damage check (to restore over a damaged file). Plain `os` calls, so `pacto status` need not import pathlib.
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
        tamanho = os.path.getsize(caminho)
    except OSError as erro:
        raise ErroWorkspace(f"Não foi possível ler {caminho}: {motivo_os(erro)}.") from erro
    if tamanho < 100:
        raise ErroWorkspace(f"{caminho} não é um workspace do pacto (nem um banco SQLite).")
    if not os.access(caminho, os.R_OK):
        raise ErroWorkspace(f"Não foi possível ler {caminho}: sem permissão.")
    try:
        conexao = conectar_leitura(caminho)
    except sqlite3.Error as erro:
        raise traduzir_erro_sqlite(erro, caminho) or ErroWorkspace(
            f"Não foi possível ler {caminho}."
        ) from erro
    try:
        _verificar_conteudo(conexao, caminho, completa, danos)
    finally:
        conexao.close()


def _verificar_conteudo(
    conexao: sqlite3.Connection, caminho, completa: bool, danos: bool = True
) -> None:
    """Check the application id, damage, and that no migration is newer than this program."""
    try:
        (app_id,) = conexao.execute("PRAGMA application_id").fetchone()
    except sqlite3.DatabaseError as erro:
        if getattr(erro, "sqlite_errorcode", None) == _NOTADB and not ultimo_backup(caminho):
            raise ErroWorkspace(
                f"{caminho} não é um workspace do pacto (nem um banco SQLite)."
            ) from erro
        raise traduzir_erro_sqlite(erro, caminho) or ErroDanificado(
            mensagem_danificado(caminho, str(erro))
        ) from erro
    if app_id != APPLICATION_ID:
        raise ErroWorkspace(
            f"{caminho} é um banco SQLite, mas não é um workspace do pacto. "
            "Nada foi alterado no arquivo."
        )
    try:
        if danos:
            verificar_integridade(conexao, caminho, completa)
        aplicadas = migracoes_aplicadas(conexao)
    except sqlite3.Error as erro:
        raise traduzir_erro_sqlite(erro, caminho) or ErroDanificado(
            mensagem_danificado(caminho, str(erro))
        ) from erro
    if not aplicadas:
        raise ErroDanificado(mensagem_danificado(caminho, "nenhuma migração registrada"))
    desconhecidas = aplicadas - nomes_conhecidos()
    if desconhecidas:
        raise ErroWorkspace(
            f"O workspace {caminho} foi gravado por uma versão mais nova do pacto. "
            "Atualize o pacto para abri-lo; nada foi alterado no arquivo."
        )


def verificar_integridade(conexao: sqlite3.Connection, caminho, completa: bool = True) -> None:
    """Raise `ErroDanificado` unless SQLite's check finds the file sound.

    `quick_check` reads every page but skips comparing indexes with their tables;
    `integrity_check` does that too (it finds "wrong # of entries in index").
    """
    pragma = "integrity_check(20)" if completa else "quick_check(20)"
    try:
        linhas = [linha[0] for linha in conexao.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as erro:
        traduzido = traduzir_erro_sqlite(erro, caminho)
        if traduzido is not None and not isinstance(traduzido, ErroDanificado):
            raise traduzido from erro
        raise ErroDanificado(mensagem_danificado(caminho, str(erro))) from erro
    if linhas != ["ok"]:
        raise ErroDanificado(mensagem_danificado(caminho, "; ".join(linhas[:3])))


def _sem_escrita(erro: sqlite3.Error) -> bool:
    """True for the errors SQLite gives when it may not create or write the -wal/-shm files."""
    codigo = getattr(erro, "sqlite_errorcode", None)
    return isinstance(codigo, int) and codigo & 0xFF in (_READONLY, _CANTOPEN)


def conectar_leitura(caminho: str | os.PathLike, **opcoes) -> sqlite3.Connection:
    """A read-only connection; on a read-only folder with no `-wal`, an immutable one.

    SQLite needs to create the `-shm` to read a WAL file; where nobody may write (a read-only
    folder, a CD, a colleague's share) and no `-wal` exists, no process can be writing it, so
    reading it as immutable is safe and lets the group consult the workspace.
    """
    opcoes.setdefault("timeout", espera_ms() / 1000)
    conexao = sqlite3.connect(uri_somente_leitura(caminho), uri=True, **opcoes)
    try:
        conexao.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as erro:
        conexao.close()
        if _sem_escrita(erro) and not os.path.exists(f"{os.fspath(caminho)}-wal"):
            return sqlite3.connect(
                uri_somente_leitura(caminho) + "&immutable=1", uri=True, **opcoes
            )
        conexao = sqlite3.connect(uri_somente_leitura(caminho), uri=True, **opcoes)
    return conexao


def conectar(caminho: Path) -> sqlite3.Connection:
    """Open a read-write connection with WAL, foreign keys and a busy timeout.

    The one way pacto opens a workspace for writing; `Workspace` counts it in the registry.
    """
    espera = espera_ms()
    # isolation_level=None: Python never opens a transaction on its own, so a write outside
    # `Workspace.transacao()` commits at once instead of waiting for a commit that never comes.
    conexao = sqlite3.connect(
        str(caminho), timeout=espera / 1000, check_same_thread=False, isolation_level=None
    )
    try:
        conexao.execute(f"PRAGMA busy_timeout = {espera}")
        conexao.execute("PRAGMA journal_mode = WAL")
        conexao.execute("PRAGMA synchronous = NORMAL")
        conexao.execute("PRAGMA foreign_keys = ON")
        conexao.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
    except sqlite3.Error as erro:
        conexao.close()
        if not _sem_escrita(erro):
            raise traduzir_erro_sqlite(erro, caminho) or ErroWorkspace(
                f"Não foi possível abrir {caminho} ({erro})."
            ) from erro
        # a workspace this user may read but not write: open it for reading; a write then
        # fails with SQLite's "readonly" error, reported as "sem permissão de escrita"
        conexao = conectar_leitura(caminho, check_same_thread=False, isolation_level=None)
        conexao.execute("PRAGMA foreign_keys = ON")
    return conexao


def criar_arquivo_privado(caminho: Path) -> None:
    """Create an empty file readable and writable by its owner only (0600); refuse to overwrite.

    Runs before any connection to the new file exists, so this descriptor can drop no lock.
    """
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
