"""The Rede section: tabs for the actors, their focal points, their duties and their referrals."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, TabbedContent, TabPane

from pacto.domain.network import RedeCompleta
from pacto.tui.rede_atores import AtoresAba
from pacto.tui.rede_atribuicoes import AtribuicoesAba
from pacto.tui.rede_comum import AbaRede
from pacto.tui.rede_encaminhamentos import EncaminhamentosAba
from pacto.tui.rede_pontos import PontosFocaisAba

# (tab id, tab class, key, label with the key underlined, control to focus)
ABAS = (
    ("aba-atores", AtoresAba, "a", "[u]A[/u]tores", "#rede-tabela"),
    ("aba-pontos", PontosFocaisAba, "p", "[u]P[/u]ontos focais", "#pontos-tabela"),
    ("aba-atribuicoes", AtribuicoesAba, "t", "A[u]t[/u]ribuições", "#atr-matriz"),
    ("aba-encaminhamentos", EncaminhamentosAba, "m", "Enca[u]m[/u]inhamentos", "#enc-tabela"),
)


class RedeSecao(Vertical):
    """Section 3: one tab per part of the network; a, p, t and m open the tabs.

    Only the Atores tab is built with the section; the others are built the first time they
    are opened, so the app's first screen does not pay for screens nobody has asked for yet.
    """

    @property
    def FOCO_INICIAL(self) -> str:  # noqa: N802 - the app reads this name from every section
        """The table of the tab on screen, focused when the section opens."""
        aba = self.aba_ativa() if self.is_mounted else None
        return aba.TABELA if aba else "#rede-tabela"

    BINDINGS = [
        Binding(tecla, f"abrir_aba('{aba}')", cls.TITULO, show=False)
        for aba, cls, tecla, _, _ in ABAS
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rc: RedeCompleta | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="rede-abas"):
            for i, (aba, cls, _, rotulo, _) in enumerate(ABAS):
                with TabPane(rotulo, id=aba):
                    if i == 0:
                        yield cls(id=f"{aba}-conteudo")

    def on_mount(self) -> None:
        self._atualizar_titulo()

    def mostrar(self, rc: RedeCompleta) -> None:
        """Hand the fresh snapshot to every built tab; only the visible one redraws now."""
        self.rc = rc
        for aba in self.query(AbaRede):
            aba.mostrar(rc)

    def aba_ativa(self) -> AbaRede | None:
        """The content widget of the tab on screen (None while it is being built)."""
        ativa = self.query_one("#rede-abas", TabbedContent).active
        return next(iter(self.query(f"#{ativa}-conteudo").results(AbaRede)), None)

    async def action_abrir_aba(self, aba: str) -> None:
        """Show a tab and focus its table."""
        await self.abrir_aba(aba)

    async def abrir_aba(self, aba: str) -> None:
        """Switch to a tab by id, build and draw it if needed and focus its main control."""
        self.query_one("#rede-abas", TabbedContent).active = aba
        conteudo = await self._construir(aba)
        conteudo.garantir_desenho()
        foco = next(f for a, _, _, _, f in ABAS if a == aba)
        tabela = self.query_one(foco, DataTable)
        tabela.focus()
        # Hiding the previous tab may move the focus once the screen refreshes: take it back.
        self.call_after_refresh(tabela.focus)
        self._atualizar_titulo()

    async def _construir(self, aba: str) -> AbaRede:
        """The tab's content, mounted now if this is the first time it is opened."""
        existente = next(iter(self.query(f"#{aba}-conteudo").results(AbaRede)), None)
        if existente is not None:
            return existente
        cls = next(c for a, c, _, _, _ in ABAS if a == aba)
        conteudo = cls(id=f"{aba}-conteudo")
        await self.query_one(f"#{aba}", TabPane).mount(conteudo)
        if self.rc is not None:
            conteudo.mostrar(self.rc)
        return conteudo

    def buscar(self) -> None:
        """Focus the search field of the tab on screen."""
        aba = self.aba_ativa()
        if aba is None:
            return
        campo = aba.query_one(aba.BUSCA, Input)
        campo.focus()
        self.call_after_refresh(campo.focus)

    @on(TabbedContent.TabActivated, "#rede-abas")
    async def _ao_trocar_aba(self, evento: TabbedContent.TabActivated) -> None:
        await self._construir(evento.pane.id)
        self._atualizar_titulo()

    @on(AbaRede.Resumo)
    def _ao_resumir(self, evento: AbaRede.Resumo) -> None:
        evento.stop()
        evento.aba.resumo = evento.texto
        self._atualizar_titulo()

    def _atualizar_titulo(self) -> None:
        aba = self.aba_ativa()
        if aba is None:
            return
        resumo = aba.resumo
        self.border_title = f"Rede › {aba.TITULO}" + (f" · {resumo}" if resumo else "")
