"""Small text helpers shared by rules and front ends: accent folding and clean-up."""

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def sem_acentos(texto: str) -> str:
    """Return the text without diacritics, so 'Órgão' and 'orgao' compare equal."""
    decomposed = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65_536)
def chave_comparacao(texto: str) -> str:
    """Return a key for loose comparison: no accents, lower case, single spaces."""
    return _SPACES.sub(" ", sem_acentos(texto or "")).strip().casefold()


def limpar(texto: str | None) -> str:
    """Trim stray spaces and collapse runs of white space inside a one-line field."""
    if texto is None:
        return ""
    return _SPACES.sub(" ", str(texto)).strip()


def so_digitos(texto: str) -> str:
    """Keep only the digits of a document number such as a CNPJ."""
    return "".join(c for c in texto if c.isdigit())


def plural(n: int, singular: str, plural_: str) -> str:
    """'1 instituição', '3 instituições': the count with the right form of the noun."""
    return f"{n} {singular if n == 1 else plural_}"


def nome_arquivo(texto: str) -> str:
    """A safe, portable file-name part: 'CREAS Pintolândia' → 'CREAS-Pintolandia'."""
    limpo = re.sub(r"[^A-Za-z0-9_-]+", "-", sem_acentos(texto or "")).strip("-")
    return limpo or "sem-nome"
