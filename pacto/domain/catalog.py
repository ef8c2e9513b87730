"""Read the editable content in `modelos/`: stages, purposes of art. 149-A, institution types."""

from __future__ import annotations

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
    """Load one TOML file of `modelos/`, with a clear message when it is broken."""
    caminho = (pasta or pasta_modelos()) / nome
    try:
        with caminho.open("rb") as arquivo:
            return tomllib.load(arquivo)
    except FileNotFoundError as erro:
        raise PactoErro(f"Arquivo de modelo ausente: {caminho}") from erro
    except tomllib.TOMLDecodeError as erro:
        raise PactoErro(f"Arquivo de modelo com erro de sintaxe ({caminho}): {erro}") from erro


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
