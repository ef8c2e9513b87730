"""Small text helpers shared by rules and front ends: accent folding and clean-up."""

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# Characters no stored text may hold: C0 controls other than tab, line feed and carriage
# return, DEL, lone surrogates (undecodable bytes a Python str can carry but UTF-8 cannot) and
# the noncharacters U+FFFE and U+FFFF, which XML (so Word and Excel files) refuses.
_PROIBIDOS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def sem_acentos(texto: str) -> str:
    """Return the text without diacritics, so 'Órgão' and 'orgao' compare equal."""
    if texto.isascii():  # nothing to fold, and most names are plain ASCII
        return texto
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


def caracteres_proibidos(texto: str) -> list[str]:
    """Code points ('U+0000') of the characters stored text may not hold, in order of appearance.

    They are invisible control characters (often pasted from a PDF or a terminal) and lone
    surrogates: Word, spreadsheets, Graphviz and terminals refuse or misread them.
    """
    vistos: dict[str, None] = {}
    for caractere in _PROIBIDOS.findall(texto or ""):
        vistos.setdefault(f"U+{ord(caractere):04X}", None)
    return list(vistos)


def tem_caracteres_proibidos(texto: str) -> bool:
    """True when the text holds a character of `caracteres_proibidos` (a quick test)."""
    return _PROIBIDOS.search(texto or "") is not None


def sem_caracteres_proibidos(texto: str) -> str:
    """The text without the characters of `caracteres_proibidos`."""
    return _PROIBIDOS.sub("", texto or "")


def descrever_contagens(c: dict) -> str:
    """One line with the network's counts, nouns agreeing with numbers."""
    return " · ".join(
        (
            plural(c["instituicoes"], "instituição", "instituições"),
            plural(c["pontos_focais"], "ponto focal", "pontos focais"),
            plural(c["atribuicoes"], "atribuição", "atribuições"),
            plural(c["encaminhamentos"], "encaminhamento", "encaminhamentos"),
        )
    )


def o_que_vai_junto(dep: dict[str, int]) -> list[str]:
    """Sentences telling what is removed along with an institution (see the store's
    `dependencias_da_instituicao`), as the TUI and the CLI ask before removing it."""
    principais = (
        plural(dep.get("pontos_focais", 0), "ponto focal", "pontos focais"),
        plural(dep.get("atribuicoes", 0), "atribuição", "atribuições"),
        plural(dep.get("encaminhamentos", 0), "encaminhamento", "encaminhamentos"),
    )
    if any(dep.get(c) for c in ("pontos_focais", "atribuicoes", "encaminhamentos")):
        frases = ["Vão junto com ela: " + ", ".join(principais) + "."]
    else:
        frases = ["Ela não tem pontos focais, atribuições nem encaminhamentos."]
    outros = []
    if dep.get("adesoes"):
        outros.append(plural(dep["adesoes"], "registro de adesão", "registros de adesão"))
    if dep.get("envios_netp"):
        outros.append(plural(dep["envios_netp"], "envio ao NETP", "envios ao NETP"))
    if outros:
        frases.append("Também vão: " + ", ".join(outros) + ".")
    return frases
