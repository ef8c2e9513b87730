"""The one safe way pacto writes a file: never through a symlink, never over a workspace, never half.

Every file pacto produces (documents, spreadsheets, the JSON bundle, diagrams, invitations,
the user's settings) goes through `gravar`:

- the content goes to a fresh temporary file made by `mkstemp` in the target's folder (random
  name, ``O_EXCL``, no symlink followed), is flushed with ``fsync`` and renamed over the
  target with ``os.replace``, so a reader sees the old file or the new one, never half of one;
- the target must be a regular file or not exist yet: a folder, a symlink, a device such as
  ``/dev/null`` or a fifo is refused, and so are a workspace (any SQLite file), its ``-wal``
  / ``-shm`` / ``-journal`` and anything in its backups folder;
- an existing file is replaced silently only when it still has the bytes pacto recorded
  (SHA-256, in the workspace) when it wrote it; a file edited since, or one pacto never wrote,
  needs ``sobrescrever=True`` (the CLI's ``--sobrescrever``, a confirmation in the TUI);
- the new file gets the permissions the umask gives, or 0600 with ``privado=True`` (files
  holding focal points' contacts);
- temporary files are named ``.pacto-tmp-*``; one left behind by a killed process is removed by
  the next write into the same folder once it is older than `IDADE_DE_RESTO` seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from pacto.domain.errors import PactoErro, motivo_os

PREFIXO_TEMPORARIO = ".pacto-tmp-"
IDADE_DE_RESTO = 300  # seconds after which a leftover temporary file is debris
_SQLITE = b"SQLite format 3\x00"
_SUFIXOS_DO_BANCO = ("-wal", "-shm", "-journal")

Conteudo = bytes | str | Callable[[IO[bytes]], object]
_PASTAS_LIMPAS: set[str] = set()


class ArquivoExistente(PactoErro):
    """Existing files that writing would replace without the user's consent.

    `arquivos` lists them, so the TUI can ask once for all of them and the CLI can name them.
    """

    def __init__(self, arquivos: list[Path]):
        self.arquivos = list(arquivos)
        nomes = ", ".join(str(a) for a in self.arquivos[:5])
        if len(self.arquivos) > 5:
            nomes += f" e mais {len(self.arquivos) - 5}"
        um = len(self.arquivos) == 1
        super().__init__(
            f"{'O arquivo' if um else 'Os arquivos'} {nomes} já {'existe' if um else 'existem'} e "
            f"{'foi alterado' if um else 'foram alterados'} depois da última geração pelo pacto "
            "(ou não foi gerado por ele); nada foi gravado. Use --sobrescrever para "
            f"{'substituí-lo' if um else 'substituí-los'}."
        )


def sha256(dados: bytes) -> str:
    """The hex SHA-256 of some bytes, as recorded for each generated file."""
    return hashlib.sha256(dados).hexdigest()


def _sha256_do_arquivo(caminho: Path) -> str | None:
    """The hex SHA-256 of a regular file's content, or None when it cannot be read."""
    try:
        descritor = os.open(caminho, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    resumo = hashlib.sha256()
    with os.fdopen(descritor, "rb") as arquivo:
        while bloco := arquivo.read(1 << 20):
            resumo.update(bloco)
    return resumo.hexdigest()


def _eh_banco(caminho: Path) -> bool:
    """True when `caminho` is a regular file starting with SQLite's header (a workspace, a backup)."""
    try:
        if not stat.S_ISREG(os.lstat(caminho).st_mode):
            return False
        with open(caminho, "rb") as arquivo:
            return arquivo.read(len(_SQLITE)) == _SQLITE
    except OSError:
        return False


def chave(destino: str | os.PathLike) -> str:
    """The absolute path a generated file is recorded under (its folder resolved, not the file)."""
    destino = Path(destino)
    try:
        pasta = destino.parent.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the path as given, made absolute
        pasta = destino.parent.absolute()
    return str(pasta / destino.name)


def motivo_de_recusa(destino: Path, ws=None) -> str | None:
    """Why `destino` can never be written by pacto, in Portuguese, or None when it can."""
    destino = Path(chave(destino))
    if ws is not None:
        banco = Path(chave(ws.caminho))
        protegidos = {banco, *(Path(f"{banco}{s}") for s in _SUFIXOS_DO_BANCO)}
        if destino in protegidos:
            return f"{destino} é o workspace em uso (ou um arquivo dele)"
        if destino.parent == banco.with_name(banco.name + ".backups"):
            return f"{destino} fica na pasta de backups do workspace"
    for sufixo in _SUFIXOS_DO_BANCO:
        if destino.name.endswith(sufixo) and _eh_banco(
            destino.with_name(destino.name[: -len(sufixo)])
        ):
            return f"{destino} é um arquivo de trabalho de um workspace"
    if destino.parent.name.endswith(".backups") and _eh_banco(
        destino.parent.with_name(destino.parent.name[: -len(".backups")])
    ):
        return f"{destino} fica na pasta de backups de um workspace"
    try:
        info = os.lstat(destino)
    except FileNotFoundError:
        return None
    except OSError as erro:
        return f"{destino} não pode ser verificado ({motivo_os(erro)})"
    if stat.S_ISLNK(info.st_mode):
        return f"{destino} é um link simbólico"
    if stat.S_ISDIR(info.st_mode):
        return f"{destino} é uma pasta; informe o nome do arquivo"
    if not stat.S_ISREG(info.st_mode):
        return f"{destino} não é um arquivo comum (dispositivo, fifo ou soquete)"
    if _eh_banco(destino):
        return f"{destino} é um banco de dados (um workspace ou backup do pacto)"
    return None


def verificar(destinos: Iterable[str | os.PathLike], ws=None, sobrescrever: bool = False) -> None:
    """Check a batch of targets before writing any, so a refused one leaves nothing written.

    Raises `PactoErro` for a target pacto never writes, `ArquivoExistente` (naming every such
    file) for existing files that need `sobrescrever`.
    """
    existentes = []
    for destino in destinos:
        destino = Path(destino)
        if motivo := motivo_de_recusa(destino, ws):
            raise PactoErro(f"Não foi possível gravar: {motivo}. Nada foi gravado.")
        if not sobrescrever and not _pode_substituir(destino, ws):
            existentes.append(destino)
    if existentes:
        raise ArquivoExistente(existentes)


def _pode_substituir(destino: Path, ws, novo: str | None = None) -> bool:
    """True when `destino` does not exist, or still holds what pacto wrote (or exactly `novo`)."""
    if not os.path.lexists(destino):
        return True
    atual = _sha256_do_arquivo(destino)
    if atual is None:
        return False
    if novo is not None and atual == novo:
        return True
    registrado = ws.sha_de_arquivo_gerado(chave(destino)) if ws is not None else None
    return registrado == atual


def modo_de_arquivo() -> int:
    """The permissions a new ordinary file gets under the process's umask.

    Read from /proc when possible: changing the umask to read it is not thread-safe.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for linha in status:
                if linha.startswith("Umask:"):
                    return 0o666 & ~int(linha.split()[1], 8)
    except (OSError, ValueError):
        pass
    atual = os.umask(0o022)
    os.umask(atual)
    return 0o666 & ~atual


def limpar_restos(pasta: Path, idade: float = IDADE_DE_RESTO) -> list[Path]:
    """Remove this user's `.pacto-tmp-*` files (and PDF scratch folders) older than `idade` s."""
    removidos = []
    limite = time.time() - idade
    try:
        entradas = list(os.scandir(pasta))
    except OSError:
        return removidos
    for entrada in entradas:
        if not entrada.name.startswith(PREFIXO_TEMPORARIO):
            continue
        try:
            info = entrada.stat(follow_symlinks=False)
            if info.st_uid != os.geteuid() or info.st_mtime >= limite:
                continue
            if stat.S_ISREG(info.st_mode):
                os.unlink(entrada.path)
            elif stat.S_ISDIR(info.st_mode):  # a PDF conversion's scratch folder
                shutil.rmtree(entrada.path)
            else:
                continue
            removidos.append(Path(entrada.path))
        except OSError:
            continue
    return removidos


def _escrever(arquivo: IO[bytes], conteudo: Conteudo) -> None:
    if isinstance(conteudo, str):
        arquivo.write(conteudo.encode("utf-8"))
    elif isinstance(conteudo, bytes | bytearray | memoryview):
        arquivo.write(conteudo)
    else:
        conteudo(arquivo)


def gravar(
    destino: str | os.PathLike,
    conteudo: Conteudo,
    *,
    ws=None,
    sobrescrever: bool = False,
    privado: bool = False,
) -> Path:
    """Write `conteudo` to `destino` the safe way and return the path written.

    `conteudo` is bytes, text (written as UTF-8) or a function that writes into the open binary
    temporary file (e.g. ``livro.save``). `ws`, the open workspace, records the file's SHA-256
    so a later regeneration may replace it silently, and protects its own files; without it
    any existing file needs `sobrescrever`. `privado` gives the file mode 0600 (focal points'
    contacts); otherwise the umask decides. Errors are `PactoErro` with a Portuguese message;
    on any of them the previous file, if any, is untouched and no temporary file is left.
    """
    destino = Path(destino)
    if motivo := motivo_de_recusa(destino, ws):
        raise PactoErro(f"Não foi possível gravar: {motivo}. Nada foi gravado.")
    pasta = destino.parent
    if not pasta.is_dir():
        raise PactoErro(f"A pasta {pasta} não existe.")
    if chave(pasta) not in _PASTAS_LIMPAS:  # once per folder and process: batches stay linear
        limpar_restos(pasta)
        _PASTAS_LIMPAS.add(chave(pasta))
    try:
        descritor, temporario = tempfile.mkstemp(dir=pasta, prefix=PREFIXO_TEMPORARIO)
    except OSError as erro:
        raise PactoErro(f"Não foi possível gravar na pasta {pasta} ({motivo_os(erro)}).") from erro
    try:
        resumo = hashlib.sha256()
        with os.fdopen(descritor, "w+b") as arquivo:
            _escrever(arquivo, conteudo)
            arquivo.flush()
            arquivo.seek(0)
            while bloco := arquivo.read(1 << 20):
                resumo.update(bloco)
            os.fchmod(arquivo.fileno(), 0o600 if privado else modo_de_arquivo())
            os.fsync(arquivo.fileno())
        novo = resumo.hexdigest()
        # checked again right before the rename: the file may have changed while rendering
        if motivo := motivo_de_recusa(destino, ws):
            raise PactoErro(f"Não foi possível gravar: {motivo}. Nada foi gravado.")
        if not sobrescrever and not _pode_substituir(destino, ws, novo):
            raise ArquivoExistente([destino])
        os.replace(temporario, destino)
    except OSError as erro:
        with contextlib.suppress(OSError):
            os.unlink(temporario)
        raise PactoErro(
            f"Não foi possível gravar {destino} ({motivo_os(erro)}); o arquivo anterior, se "
            "havia, ficou como estava."
        ) from erro
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporario)
        raise
    if ws is not None:
        # without the record the next regeneration asks first: the safe side
        with contextlib.suppress(PactoErro):
            ws.registrar_arquivo_gerado(chave(destino), novo)
    return destino
