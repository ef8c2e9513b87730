"""Compare frozen versions and the working draft, as `pacto versao diff` and the TUI show it."""

from __future__ import annotations

from dataclasses import dataclass

from pacto.domain.errors import ErroValidacao
from pacto.domain.text import plural
from pacto.domain.versions import (
    Mudanca,
    VersaoFluxo,
    conteudo_canonico,
    diferencas,
    hash_conteudo,
)
from pacto.store import Workspace

RASCUNHO = "rascunho"


@dataclass
class Lado:
    """One side of a comparison: a frozen version or the working draft."""

    rotulo: str
    conteudo: dict
    versao: VersaoFluxo | None = None

    @property
    def hash(self) -> str:
        return self.versao.hash if self.versao else hash_conteudo(self.conteudo)


@dataclass
class Comparacao:
    """What changed from one side to the other."""

    antes: Lado
    depois: Lado
    mudancas: list[Mudanca]

    @property
    def titulo(self) -> str:
        """'Da versão 1 (3a72d827) para o rascunho', as headings say it."""
        origem = "Do rascunho" if self.antes.versao is None else f"Da {self.antes.rotulo}"
        return f"{origem} para {_artigo(self.depois)}"


def _artigo(lado: Lado) -> str:
    return "o rascunho" if lado.versao is None else f"a {lado.rotulo}"


def rascunho(ws: Workspace) -> Lado:
    """The working draft: the live tables, as they are now."""
    return Lado("rascunho", conteudo_canonico(ws.carregar()))


def lado(ws: Workspace, referencia: str | int) -> Lado:
    """A version number, or the word 'rascunho', as one side of a comparison."""
    texto = str(referencia).strip().lower()
    if texto == RASCUNHO:
        return rascunho(ws)
    try:
        numero = int(texto)
    except ValueError:
        raise ErroValidacao(
            f"“{referencia}” não é um número de versão nem a palavra “rascunho”."
        ) from None
    versao = ws.versao(numero)
    if versao is None:
        versoes = ws.versoes()
        if not versoes:
            existentes = "ainda não há versão congelada"
        elif len(versoes) == 1:
            existentes = f"só existe a versão {versoes[0].numero}"
        else:
            existentes = f"as versões vão de {versoes[0].numero} a {versoes[-1].numero}"
        raise ErroValidacao(f"A versão {numero} não existe ({existentes}).")
    return Lado(versao.rotulo, versao.conteudo, versao)


def comparar(
    ws: Workspace, antes: str | int | None = None, depois: str | int | None = None
) -> Comparacao:
    """Compare two sides; without `depois`, against the draft; without both, latest vs draft."""
    if antes is None:
        ultima = ws.ultima_versao()
        if ultima is None:
            raise ErroValidacao(
                "Ainda não há versão congelada para comparar. "
                "Congele a primeira com “pacto versao congelar --nota TEXTO”."
            )
        a = Lado(ultima.rotulo, ultima.conteudo, ultima)
    else:
        a = lado(ws, antes)
    b = lado(ws, depois) if depois is not None else rascunho(ws)
    return Comparacao(a, b, diferencas(a.conteudo, b.conteudo))


def anterior(ws: Workspace, versao: VersaoFluxo) -> Comparacao | None:
    """What a version changed from the one before it; None for the first version."""
    previa = ws.versao(versao.numero - 1)
    if previa is None:
        return None
    return Comparacao(
        Lado(previa.rotulo, previa.conteudo, previa),
        Lado(versao.rotulo, versao.conteudo, versao),
        diferencas(previa.conteudo, versao.conteudo),
    )


def rascunho_alterado(ws: Workspace) -> bool:
    """True when the draft differs from the latest frozen version (or none was frozen yet)."""
    ultima = ws.ultima_versao()
    return ultima is None or hash_conteudo(conteudo_canonico(ws.carregar())) != ultima.hash


def descrever_conteudo(conteudo: dict) -> str:
    """One line with the size of a frozen content, e.g. for a first version."""
    return " · ".join(
        (
            plural(len(conteudo.get("instituicoes", [])), "instituição", "instituições"),
            plural(len(conteudo.get("atribuicoes", [])), "atribuição", "atribuições"),
            plural(len(conteudo.get("encaminhamentos", [])), "encaminhamento", "encaminhamentos"),
            plural(len(conteudo.get("pontos_focais", [])), "ponto focal", "pontos focais"),
        )
    )
