"""What the tabs of the Rede section share: lazy redraw, saving through the store, table helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from textual import events
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable

from pacto.domain.errors import PactoErro
from pacto.domain.network import RedeCompleta


class AbaRede(Vertical):
    """A tab of the Rede section that redraws from a network snapshot only while it is on screen.

    `mostrar(rc)` only keeps the snapshot when the tab is hidden; the drawing happens when the
    tab appears, so a network of thousands of institutions does not slow down the other screens.
    """

    TITULO = ""

    class Resumo(Message):
        """Sent up when the tab's one-line summary changes (the section shows it in its border)."""

        def __init__(self, aba: AbaRede, texto: str) -> None:
            super().__init__()
            self.aba = aba
            self.texto = texto

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rc: RedeCompleta | None = None
        self._pendente = False
        self.resumo = ""  # one-line summary shown in the section's border

    @property
    def hoje(self) -> date:
        """The app's date (fixed in tests), else today."""
        return getattr(self.app, "hoje", None) or date.today()

    def mostrar(self, rc: RedeCompleta) -> None:
        """Keep a fresh snapshot; redraw now if visible, else when the tab appears."""
        self.rc = rc
        self._pendente = True
        if self._na_tela():
            self._redesenhar()

    def _na_tela(self) -> bool:
        return self.is_mounted and all(no.display for no in self.ancestors_with_self)

    def on_show(self, _evento: events.Show) -> None:
        if self._pendente:
            self._redesenhar()

    def garantir_desenho(self) -> None:
        """Draw now if a snapshot is waiting (used when the tab is opened by a key)."""
        if self._pendente:
            self._redesenhar()

    def _redesenhar(self) -> None:
        self._pendente = False
        if self.rc is not None:
            self.desenhar(self.rc)

    def desenhar(self, rc: RedeCompleta) -> None:
        """Fill the tab's widgets from the snapshot; subclasses implement it."""
        raise NotImplementedError

    def resumir(self, texto: str) -> None:
        """Tell the section the tab's summary line."""
        self.post_message(self.Resumo(self, texto))

    # -- saving ---------------------------------------------------------

    def gravar(self, acao: Callable[[], object], sucesso: str) -> bool:
        """Run one store call; on success reload every section (the Painel's gaps too)."""
        try:
            acao()
        except PactoErro as erro:
            self.notify(erro.mensagem, title="Não foi possível gravar", severity="error")
            return False
        self.app.action_recarregar()
        self.notify(sucesso)
        return True

    def salvo(self, sucesso: str) -> Callable[[object], None]:
        """Callback for a form that saved through the store: reload and say so."""

        def _depois(registro: object) -> None:
            if registro is not None:
                self.app.action_recarregar()
                self.notify(sucesso)

        return _depois


def preencher_tabela(tabela: DataTable, linhas: Iterable[tuple]) -> None:
    """Replace a table's rows, keeping the cursor on the same record when it is still there.

    `linhas` yields (key, cells) or (key, cells, row label).
    """
    chave_atual = chave_do_cursor(tabela)
    coluna = tabela.cursor_column
    tabela.clear()
    for chave, celulas, *rotulo in linhas:
        tabela.add_row(*celulas, key=chave, label=rotulo[0] if rotulo else None)
    if chave_atual is not None and chave_atual in tabela.rows:
        linha = tabela.get_row_index(chave_atual)
        tabela.move_cursor(row=linha, column=min(coluna, max(len(tabela.columns) - 1, 0)))


def chave_do_cursor(tabela: DataTable) -> str | None:
    """The key of the row under the cursor, or None when the table is empty."""
    if not tabela.row_count or not tabela.is_valid_row_index(tabela.cursor_row):
        return None
    return tabela.coordinate_to_cell_key((tabela.cursor_row, 0)).row_key.value


def marcar_linha(tabela: DataTable, chave: str) -> None:
    """Move the cursor to the row with this key, if present."""
    if chave in tabela.rows:
        tabela.move_cursor(row=tabela.get_row_index(chave))
