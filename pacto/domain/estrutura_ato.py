"""The body of a normative act (chapters, articles, paragraphs, incisos, alíneas) numbered by LC 95/1998.

Acts are written as a tree of these records, each article with an optional key; texts may
cite another article as ``{art:chave}``. `numerar` gives every element its label in the
chosen style and resolves the citations, so inserting an article renumbers all that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pacto.domain.redacao import (
    ESTILO_PADRAO,
    citar_artigo,
    itens_enumerados,
    romano,
    rotulo_alinea,
    rotulo_artigo,
    rotulo_inciso,
    rotulo_paragrafo,
)

_CITACAO = re.compile(r"\{art:([\w-]+)\}")


@dataclass
class Inciso:
    """An item of an enumeration inside an article or a paragraph, with optional alíneas."""

    texto: str
    alineas: list[str] = field(default_factory=list)


@dataclass
class Paragrafo:
    """A paragraph of an article (§), with optional incisos."""

    texto: str
    incisos: list[Inciso] = field(default_factory=list)


@dataclass
class Artigo:
    """An article: caput, incisos of the caput and paragraphs; `chave` lets other texts cite it."""

    caput: str
    incisos: list[Inciso] = field(default_factory=list)
    paragrafos: list[Paragrafo] = field(default_factory=list)
    chave: str = ""


@dataclass
class Capitulo:
    """A chapter: its title in capitals and its articles."""

    titulo: str
    artigos: list[Artigo] = field(default_factory=list)


def incisos(*textos: str) -> list[Inciso]:
    """Incisos from plain texts, punctuated as an enumeration (';', '; e', '.')."""
    return [Inciso(t) for t in itens_enumerados(list(textos))]


def _numeros(capitulos: list[Capitulo]) -> dict[str, int]:
    numeros: dict[str, int] = {}
    n = 0
    for capitulo in capitulos:
        for artigo in capitulo.artigos:
            n += 1
            if artigo.chave:
                if artigo.chave in numeros:
                    raise ValueError(f"chave de artigo repetida: {artigo.chave}")
                numeros[artigo.chave] = n
    return numeros


def _resolver(texto: str, numeros: dict[str, int], estilo: str) -> str:
    def trocar(m: re.Match) -> str:
        chave = m.group(1)
        if chave not in numeros:
            raise ValueError(f"citação a artigo inexistente: {chave}")
        return citar_artigo(numeros[chave], estilo)

    return _CITACAO.sub(trocar, texto)


def _incisos(itens: list[Inciso], numeros: dict[str, int], estilo: str) -> list[dict]:
    return [
        {
            "rotulo": rotulo_inciso(i, estilo),
            "texto": _resolver(inc.texto, numeros, estilo),
            "alineas": [
                {"rotulo": rotulo_alinea(j), "texto": _resolver(a, numeros, estilo)}
                for j, a in enumerate(inc.alineas, start=1)
            ],
        }
        for i, inc in enumerate(itens, start=1)
    ]


def numerar(capitulos: list[Capitulo], estilo: str = ESTILO_PADRAO) -> list[dict]:
    """The act's body as plain dicts with labels ('CAPÍTULO II', 'Art. 10.', '§ 1º', 'I –', 'a)').

    Articles are numbered across chapters; a chapter's label joins its Roman number and title
    ('CAPÍTULO I – DAS DISPOSIÇÕES GERAIS'); an article with one paragraph gets 'Parágrafo único.'.
    """
    numeros = _numeros(capitulos)
    saida = []
    n = 0
    for c, capitulo in enumerate(capitulos, start=1):
        artigos = []
        for artigo in capitulo.artigos:
            n += 1
            total = len(artigo.paragrafos)
            artigos.append(
                {
                    "numero": n,
                    "rotulo": rotulo_artigo(n, estilo),
                    "caput": _resolver(artigo.caput, numeros, estilo),
                    "incisos": _incisos(artigo.incisos, numeros, estilo),
                    "paragrafos": [
                        {
                            "rotulo": rotulo_paragrafo(p, total, estilo),
                            "texto": _resolver(par.texto, numeros, estilo),
                            "incisos": _incisos(par.incisos, numeros, estilo),
                        }
                        for p, par in enumerate(artigo.paragrafos, start=1)
                    ],
                }
            )
        saida.append(
            {
                "numero": romano(c),
                "titulo": capitulo.titulo,
                "rotulo": f"CAPÍTULO {romano(c)} – {capitulo.titulo}",
                "artigos": artigos,
            }
        )
    return saida


def texto_corrido(corpo: list[dict]) -> str:
    """The numbered body as plain text, one element per line (for tests and previews)."""
    linhas = []
    for cap in corpo:
        linhas.append(cap["rotulo"])
        for art in cap["artigos"]:
            linhas.append(f"{art['rotulo']} {art['caput']}")
            for inc in art["incisos"]:
                linhas.append(f"{inc['rotulo']} {inc['texto']}")
                linhas.extend(f"{a['rotulo']} {a['texto']}" for a in inc["alineas"])
            for par in art["paragrafos"]:
                linhas.append(f"{par['rotulo']} {par['texto']}")
                linhas.extend(f"{i['rotulo']} {i['texto']}" for i in par["incisos"])
    return "\n".join(linhas)
