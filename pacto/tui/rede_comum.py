"""What the tabs of the Rede section share: lazy redraw, saving through the store, table helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from textual import events
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Static

from pacto.domain.errors import ErroConflito, PactoErro
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao

ATRASO_DETALHE = 0.1  # seconds the cursor must rest before the detail pane is redrawn


def atualizar_detalhe(detalhe: Static, conteudo) -> None:
    """Replace a detail pane's text, re-laying out the screen only when its height changes.

    A Static's `update()` re-lays out the whole screen by default (the text could need more
    or fewer lines); on a 2,000-row table that repaint cost more than the cursor move itself.
    Detail panes of institutions of the same shape keep their height, so most moves repaint
    only the pane.
    """
    altura = detalhe.content_size.height
    detalhe.update(conteudo, layout=False)
    largura = detalhe.content_size.width
    if not largura or not altura:
        detalhe.refresh(layout=True)
        return
    nova = detalhe.get_content_height(detalhe.parent.size, detalhe.app.size, largura)
    if nova != altura:
        detalhe.refresh(layout=True)


class AbaRede(Vertical):
    """A tab of the Rede section that redraws from a network snapshot only while it is on screen.

    `mostrar(rc)` only keeps the snapshot when the tab is hidden; the drawing happens when the
    tab appears, so a network of thousands of institutions does not slow down the other screens.
    """

    TITULO = ""
    TABELA = ""  # selector of the tab's main table, filled in batches by `carga`
    BUSCA = ""  # selector of the tab's search field

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
        self._timer_detalhe: Timer | None = None
        self._detalhe_pendente: Callable[[], None] | None = None
        self._carga: CargaEmLotes | None = None

    @property
    def carga(self) -> CargaEmLotes:
        """The batch loader of the tab's main table."""
        if self._carga is None:
            self._carga = CargaEmLotes(self.query_one(self.TABELA, DataTable))
        return self._carga

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

    def detalhar_quando_parar(self, detalhar: Callable[[], None]) -> None:
        """Redraw the detail pane once the cursor rests.

        Holding an arrow key through thousands of rows then costs only the cursor's own
        repaint; the detail catches up a tenth of a second after the key is released.
        """
        # one paused interval timer, restarted on each move: creating a timer (and its task)
        # per key cost more than the cursor's own repaint
        self._detalhe_pendente = detalhar
        if self._timer_detalhe is None:
            self._timer_detalhe = self.set_interval(ATRASO_DETALHE, self._detalhar_pendente)
        else:
            self._timer_detalhe.reset()  # counts again from now, and runs if it was paused

    def _detalhar_pendente(self) -> None:
        self._timer_detalhe.pause()
        detalhar, self._detalhe_pendente = self._detalhe_pendente, None
        if detalhar is not None:
            detalhar()

    def resumir(self, texto: str) -> None:
        """Tell the section the tab's summary line."""
        self.post_message(self.Resumo(self, texto))

    # -- saving ---------------------------------------------------------

    def gravar(self, acao: Callable[[], object], sucesso: str) -> bool:
        """Run one store call; on success reload every section (the Painel's gaps too)."""
        try:
            acao()
        except ErroConflito as erro:  # someone changed it since it was shown: show theirs
            self.app.action_recarregar()
            self.notify(
                f"{erro.mensagem} A tela mostra agora a versão atual.",
                title="Não foi possível gravar",
                severity="error",
            )
            return False
        except PactoErro as erro:
            self.notify(erro.mensagem, title="Não foi possível gravar", severity="error")
            return False
        self.app.action_recarregar()
        self.notify(sucesso)
        return True

    def ao_salvar(self, registro: object, sucesso: str) -> bool:
        """After a form saved through the store: reload every section and say so.

        Returns False when the form was cancelled (no record).
        """
        if registro is None:
            return False
        self.app.action_recarregar()
        self.notify(sucesso)
        return True


class LinhasBuscaveis:
    """A tab's rows with a loose search (accents and case ignored) over their text.

    The search keys are only made on the first search: opening a tab of thousands of rows
    does not pay for a search nobody has typed yet.
    """

    def __init__(self) -> None:
        self._registros: list[tuple[str, tuple, str]] = []
        self._chaves: list[str] | None = None

    def __len__(self) -> int:
        return len(self._registros)

    def adicionar(self, chave: str, celulas: tuple, *textos: str) -> None:
        """A row: its key, its cells and any extra text the search should find."""
        self._registros.append((chave, celulas, " ".join((*celulas, *textos))))
        self._chaves = None

    def filtrar(self, termo: str) -> list[tuple[str, tuple]]:
        """The (key, cells) of the rows holding every word of the term, in order."""
        partes = chave_comparacao(termo).split()
        if not partes:
            return [(chave, celulas) for chave, celulas, _ in self._registros]
        if self._chaves is None:
            self._chaves = [chave_comparacao(texto) for _, _, texto in self._registros]
        return [
            (chave, celulas)
            for (chave, celulas, _), busca in zip(self._registros, self._chaves, strict=True)
            if all(parte in busca for parte in partes)
        ]


class CargaEmLotes:
    """Fill a DataTable in batches: a screenful at once, the rest between frames.

    A DataTable measures every cell it receives, so 2,000 rows cost about half a second in one
    go. Here the rows the user can see arrive at once and the others follow a batch per
    frame, while keys keep working. A new fill (a search, a reload) cancels the pending one.
    """

    LOTE_INICIAL = 100
    LOTE = 500

    def __init__(self, tabela: DataTable) -> None:
        self.tabela = tabela
        self._linhas: list[tuple] = []
        self._proxima = 0
        self._geracao = 0

    @property
    def total(self) -> int:
        """How many rows the table holds once every batch is in."""
        return len(self._linhas)

    @property
    def completa(self) -> bool:
        """True when every row is in the table."""
        return self._proxima >= len(self._linhas)

    def encher(self, linhas: Iterable[tuple]) -> None:
        """Replace the rows, keeping the cursor on the same record when it is still there.

        `linhas` yields (key, cells) or (key, cells, row label).
        """
        tabela = self.tabela
        chave_atual = chave_do_cursor(tabela)
        coluna = tabela.cursor_column
        self._geracao += 1
        self._linhas = list(linhas)
        self._proxima = 0
        tabela.clear()
        alvo = self._indice(chave_atual)
        self._adicionar(self.LOTE_INICIAL + (alvo or 0))
        if alvo is not None:
            ultima = max(len(tabela.columns) - 1, 0)
            tabela.move_cursor(row=alvo, column=min(coluna, ultima))
        self._agendar()

    def marcar(self, chave: str) -> bool:
        """Put the cursor on a row by key, loading up to it if needed; False when absent."""
        indice = self._indice(chave)
        if indice is None:
            return False
        if indice >= self._proxima:
            self._adicionar(indice - self._proxima + self.LOTE_INICIAL)
        self.tabela.move_cursor(row=indice)
        return True

    def _indice(self, chave: str | None) -> int | None:
        if chave is None:
            return None
        return next((i for i, linha in enumerate(self._linhas) if linha[0] == chave), None)

    def _adicionar(self, quantas: int) -> None:
        tabela = self.tabela
        fim = min(self._proxima + quantas, len(self._linhas))
        for chave, celulas, *rotulo in self._linhas[self._proxima : fim]:
            tabela.add_row(*celulas, key=chave, label=rotulo[0] if rotulo else None)
        self._proxima = fim

    def _agendar(self) -> None:
        if not self.completa:
            self.tabela.call_after_refresh(self._continuar, self._geracao)

    def _continuar(self, geracao: int) -> None:
        if geracao != self._geracao:
            return  # a newer fill replaced this one
        self._adicionar(self.LOTE)
        self._agendar()


def chave_do_cursor(tabela: DataTable) -> str | None:
    """The key of the row under the cursor, or None when the table is empty."""
    if not tabela.row_count or not tabela.is_valid_row_index(tabela.cursor_row):
        return None
    return tabela.coordinate_to_cell_key((tabela.cursor_row, 0)).row_key.value
