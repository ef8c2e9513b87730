"""Legal citations documents rely on, checked against the official texts, and how to list them."""

from __future__ import annotations

# (preposition + article, citation) as LC 95/1998 cites a norm the first time: number and full date
LEI_TRAFICO = "Lei nº 13.344, de 6 de outubro de 2016"
DECRETO_POLITICA = "Decreto nº 5.948, de 26 de outubro de 2006"
DECRETO_PLANO = "Decreto nº 12.121, de 30 de julho de 2024"
LGPD = "Lei nº 13.709, de 14 de agosto de 2018 – Lei Geral de Proteção de Dados Pessoais"
CODIGO_PENAL = "Decreto-Lei nº 2.848, de 7 de dezembro de 1940 – Código Penal"

BASE_LEGAL = (f"na {LEI_TRAFICO}", f"no {DECRETO_POLITICA}", f"no {DECRETO_PLANO}")

_MASCULINOS = ("decreto", "ato", "provimento", "termo", "acordo")


def com_contracao(ato: str) -> str:
    """'Portaria SEJUC nº 12…' -> 'na Portaria SEJUC nº 12…'; 'Decreto nº 1…' -> 'no Decreto nº 1…'."""
    ato = ato.strip()
    primeira = ato.split(" ", 1)[0].casefold() if ato else ""
    return f"{'no' if primeira.startswith(_MASCULINOS) else 'na'} {ato}"


def enumerar(itens: list[str] | tuple[str, ...]) -> str:
    """Join citations as official texts do: 'na Lei…, no Decreto…, e no Decreto…'."""
    itens = [i for i in itens if i]
    if len(itens) <= 1:
        return "".join(itens)
    if len(itens) == 2:
        return f"{itens[0]} e {itens[1]}"
    return ", ".join(itens[:-1]) + ", e " + itens[-1]


def base_legal(ato_instituidor: str = "") -> str:
    """The legal basis of the flow's documents, ending with the act that instituted it, if any."""
    itens = list(BASE_LEGAL)
    if ato_instituidor:
        itens.append(com_contracao(ato_instituidor))
    return enumerar(itens)
