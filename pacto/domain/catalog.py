"""Read the editable content in `modelos/`: stages, purposes of art. 149-A, institution types."""

from __future__ import annotations

import marshal
import os
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pacto.domain.errors import PactoErro


def pasta_modelos() -> Path:
    """Where the shipped `modelos/` folder is: inside the installed package, or at the repo root."""
    aqui = Path(__file__).resolve().parent.parent
    for candidata in (aqui / "modelos", aqui.parent / "modelos"):
        if candidata.is_dir():
            return candidata
    raise PactoErro("A pasta de modelos do pacto não foi encontrada; reinstale o pacote.")


def ler_toml(nome: str, pasta: Path | None = None) -> dict:
    """Load one TOML file of `modelos/`, with a clear message when it is broken.

    The shipped files are parsed once and kept, as Python keeps bytecode, in `__pycache__`
    beside them (keyed by each file's size and modification time, so an edit is read at once):
    parsing them in pure Python was the largest part of computing `pacto status`.
    """
    caminho = (pasta or pasta_modelos()) / nome
    try:
        with caminho.open("rb") as arquivo:
            chave = _chave(os.fstat(arquivo.fileno()))
            if pasta is None and (dados := _guardado(caminho, chave)) is not None:
                return dados
            dados = tomllib.load(arquivo)
    except FileNotFoundError as erro:
        raise PactoErro(f"Arquivo de modelo ausente: {caminho}") from erro
    except tomllib.TOMLDecodeError as erro:
        raise PactoErro(f"Arquivo de modelo com erro de sintaxe ({caminho}): {erro}") from erro
    if pasta is None:
        _guardar(caminho, chave, dados)
    return dados


def _chave(estado: os.stat_result) -> tuple[int, int]:
    return (estado.st_mtime_ns, estado.st_size)


def _arquivo_guardado(caminho: Path) -> Path:
    """Where the parsed content of a model file is kept (marshal is Python-version specific)."""
    return caminho.parent / "__pycache__" / f"{caminho.name}.{sys.implementation.cache_tag}.marshal"


def _guardado(caminho: Path, chave: tuple[int, int]) -> dict | None:
    """The kept parse of `caminho` when it was made from the file as it is now, else None."""
    try:
        guardada, dados = marshal.loads(_arquivo_guardado(caminho).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return dados if tuple(guardada) == chave and isinstance(dados, dict) else None


def _guardar(caminho: Path, chave: tuple[int, int], dados: dict) -> None:
    """Keep a parse for the next process; skipped quietly where the folder is read-only or the
    content has values marshal cannot hold (dates)."""
    destino = _arquivo_guardado(caminho)
    temporario = destino.with_name(f"{destino.name}.{os.getpid()}.tmp")
    try:
        conteudo = marshal.dumps((chave, dados))
        destino.parent.mkdir(exist_ok=True)
        temporario.write_bytes(conteudo)
        os.replace(temporario, destino)
    except (OSError, ValueError):
        try:
            temporario.unlink(missing_ok=True)
        except OSError:
            pass


@dataclass(frozen=True)
class EtapaPadrao:
    """A default stage offered to every new workspace."""

    chave: str
    nome: str
    sigla: str
    descricao: str


@dataclass(frozen=True)
class Finalidade:
    """One of the five purposes of Código Penal art. 149-A."""

    chave: str
    nome: str
    inciso: str
    descricao: str


@dataclass(frozen=True)
class TipoInstituicao:
    """A typical kind of institution, with the stages where it usually acts."""

    chave: str
    nome: str
    sigla_sugerida: str
    esfera: str
    etapas_tipicas: tuple[str, ...]
    colegiado: bool
    descricao: str


@cache
def etapas_padrao() -> tuple[EtapaPadrao, ...]:
    """The five default stages, in order."""
    dados = ler_toml("etapas.toml")["etapas"]
    return tuple(
        EtapaPadrao(e["chave"], e["nome"], e["sigla"], e.get("descricao", "")) for e in dados
    )


@cache
def finalidades() -> tuple[Finalidade, ...]:
    """The purposes of art. 149-A, in the order of its incisos."""
    dados = ler_toml("finalidades.toml")["finalidades"]
    return tuple(Finalidade(f["chave"], f["nome"], f["inciso"], f["descricao"]) for f in dados)


@cache
def tipos_instituicao() -> dict[str, TipoInstituicao]:
    """The catalogue of institution types, by key."""
    dados = ler_toml("tipos_instituicao.toml")["tipos"]
    return {
        t["chave"]: TipoInstituicao(
            t["chave"],
            t["nome"],
            t.get("sigla_sugerida", ""),
            t.get("esfera", ""),
            tuple(t.get("etapas_tipicas", ())),
            bool(t.get("colegiado", False)),
            t.get("descricao", ""),
        )
        for t in dados
    }


def nome_finalidade(chave: str) -> str:
    """A purpose's display name, or the key itself when unknown."""
    return next((f.nome for f in finalidades() if f.chave == chave), chave)
