"""The one place that opens a workspace file in this process: every descriptor on it is SQLite's.

POSIX advisory locks belong to the process, and closing *any* descriptor on a file drops all of
them ("How To Corrupt An SQLite Database File", §2.2). If pacto opened the workspace with a plain
`open()` while a connection is alive — to read the header, hash it, copy it — its `close()` would
silently cancel the connection's locks; another process would then believe it is the last user,
checkpoint and delete the `-wal`, and later writes would go to a deleted file. So: the workspace
is opened only through `sqlite3` connections made here (SQLite shares one descriptor set per file
inside a process and defers closing while locks are held), and this registry knows which files
the process holds open, so readers of *input* files can refuse a live workspace.
"""

from __future__ import annotations

import os
import threading

_TRAVA = threading.Lock()
_ABERTAS: dict[str, int] = {}  # real path -> live read-write connections of this process


def chave(caminho: str | os.PathLike) -> str:
    """The key of a file in the registry: its real, absolute path."""
    return os.path.realpath(os.fspath(caminho))


def registrar(caminho: str | os.PathLike) -> None:
    """Count one more live connection on the workspace at `caminho`."""
    with _TRAVA:
        _ABERTAS[chave(caminho)] = _ABERTAS.get(chave(caminho), 0) + 1


def liberar(caminho: str | os.PathLike) -> None:
    """Count one connection less (called when a `Workspace` closes)."""
    with _TRAVA:
        restantes = _ABERTAS.get(chave(caminho), 0) - 1
        if restantes > 0:
            _ABERTAS[chave(caminho)] = restantes
        else:
            _ABERTAS.pop(chave(caminho), None)


def em_uso(caminho: str | os.PathLike) -> bool:
    """True when this process holds a live connection on the file or on its -wal/-shm."""
    real = chave(caminho)
    for sufixo in ("-wal", "-shm", "-journal"):
        if real.endswith(sufixo):
            real = real[: -len(sufixo)]
    with _TRAVA:
        return real in _ABERTAS


def arquivos_abertos() -> list[str]:
    """The workspaces this process holds open, for tests and diagnostics."""
    with _TRAVA:
        return sorted(_ABERTAS)


def recusar_se_em_uso(caminho: str | os.PathLike, papel: str = "arquivo de entrada") -> None:
    """Refuse to read an open workspace as a plain file (its close would drop SQLite's locks)."""
    if em_uso(caminho):
        from pacto.domain.errors import ErroWorkspace

        raise ErroWorkspace(
            f"{caminho} é o próprio workspace aberto, não pode servir de {papel}. "
            "Nada foi alterado."
        )
