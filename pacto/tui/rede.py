"""The Rede section: tabs for the actors, their focal points, their duties and their referrals."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, TabbedContent, TabPane

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
    """Section 3: one tab per part of the network; a, p, t and m open the tabs."""

    FOCO_INICIAL = "#rede-tabela"
    BINDINGS = [
        Binding(tecla, f"abrir_aba('{aba}')", cls.TITULO, show=False)
        for aba, cls, tecla, _, _ in ABAS
    ]

    def compose(self) -> ComposeResult:
        with TabbedContent(id="rede-abas"):
            for aba, cls, _, rotulo, _ in ABAS:
                with TabPane(rotulo, id=aba):
                    yield cls(id=f"{aba}-conteudo")

    def on_mount(self) -> None:
        self._atualizar_titulo()

    def mostrar(self, rc: RedeCompleta) -> None:
        """Hand the fresh snapshot to every tab; only the visible one redraws now."""
        for aba in self.query(AbaRede):
            aba.mostrar(rc)

    def aba_ativa(self) -> AbaRede:
        """The tab's content widget now on screen."""
        ativa = self.query_one("#rede-abas", TabbedContent).active
        return self.query_one(f"#{ativa}-conteudo", AbaRede)

    def action_abrir_aba(self, aba: str) -> None:
        """Show a tab and focus its table."""
        self.abrir_aba(aba)

    def abrir_aba(self, aba: str) -> None:
        """Switch to a tab by id, draw it if needed and focus its main control."""
        self.query_one("#rede-abas", TabbedContent).active = aba
        conteudo = self.query_one(f"#{aba}-conteudo", AbaRede)
        conteudo.garantir_desenho()
        foco = next(f for a, _, _, _, f in ABAS if a == aba)
        self.query_one(foco, DataTable).focus()
        self._atualizar_titulo()

    @on(TabbedContent.TabActivated, "#rede-abas")
    def _ao_trocar_aba(self) -> None:
        self._atualizar_titulo()

    @on(AbaRede.Resumo)
    def _ao_resumir(self, evento: AbaRede.Resumo) -> None:
        evento.stop()
        evento.aba.resumo = evento.texto
        self._atualizar_titulo()

    def _atualizar_titulo(self) -> None:
        aba = self.aba_ativa()
        resumo = getattr(aba, "resumo", "")
        self.border_title = f"Rede › {aba.TITULO}" + (f" · {resumo}" if resumo else "")
