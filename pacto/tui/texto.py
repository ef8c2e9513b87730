"""User text on screen exactly as typed: never read as Textual or Rich markup.

Textual reads a plain `str` given to a widget (and Rich reads a DataTable cell) as markup, so an
institution named “Centro [/] Sul” would crash the screen and one named “[b]X[/b]” would show
in bold. Widgets that show data from the workspace or from a file use these helpers instead.
"""

from __future__ import annotations

from collections import UserString

from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable


def literal(texto: object) -> Text:
    """Text for a Static, Label, Option or Select choice, shown as is (a rich `Text`, which
    Select's type-to-search also reads)."""
    return Text(str(texto))


def marcado(modelo: str, **valores: object) -> Content:
    """pacto's own markup with the user's values put in as plain text: `$nome` in `modelo`."""
    return Content.from_markup(modelo, **{chave: str(v) for chave, v in valores.items()})


class TextoLiteral(UserString):
    """Text for a DataTable cell: compares, sorts and splits like a `str`, but is not one, so
    the table shows it as plain text instead of reading it as markup."""


def celula(valor: object) -> object:
    """A DataTable cell: text shown literally, anything else (already a renderable) as is."""
    return TextoLiteral(valor) if isinstance(valor, str) else valor


class TabelaLiteral(DataTable):
    """A DataTable whose text cells are shown literally, never parsed as markup."""

    _chave_estilo: tuple = ()
    _estilo: Style | None = None

    @property
    def rich_style(self) -> Style:
        """Textual's style of the table, recomputed only when its or an ancestor's CSS changed.

        A DataTable asks for it for every line it draws, and each ask walks every ancestor's
        styles; deep in the sections, that walk cost more than drawing a moved cursor.
        `_cache_key` is the counter Textual itself bumps on any style change.
        """
        chave = tuple(no.styles._cache_key for no in self.ancestors_with_self)
        if self._estilo is None or chave != self._chave_estilo:
            self._chave_estilo, self._estilo = chave, super().rich_style
        return self._estilo

    def add_row(self, *cells, height=1, key=None, label=None):
        return super().add_row(
            *(celula(c) for c in cells),
            height=height,
            key=key,
            label=celula(label) if label is not None else None,
        )

    def update_cell(self, row_key, column_key, value, *, update_width=False):
        return super().update_cell(row_key, column_key, celula(value), update_width=update_width)

    def update_cell_at(self, coordinate, value, *, update_width=False):
        return super().update_cell_at(coordinate, celula(value), update_width=update_width)
