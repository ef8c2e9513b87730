"""Numbers written the Brazilian way for the README table: 1.234 ms, 1,57×."""

from __future__ import annotations


def num(valor: float, casas: int = 0) -> str:
    """'1.234' or '1,57': dot for thousands, comma for decimals."""
    texto = f"{valor:,.{casas}f}"
    return texto.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
