"""What the interface does when another process replaces the workspace under it.

`pacto restaurar` or `pacto importar --substituir` in another shell swaps the whole content
while the interface keeps showing (and would keep saving) the old network. The store refuses
those writes (the generation mark); this module watches the mark and offers to reload.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from pacto.tui.reuniao_dialogos import CSS_REUNIOES

INTERVALO_S = 1.0  # how often the interface looks at the generation mark

MENSAGEM = (
    "O workspace foi substituído por outro processo (uma restauração ou uma importação com "
    "--substituir). O que está na tela é o conteúdo antigo e nada mais será gravado nele.\n\n"
    "Recarregar mostra o conteúdo novo; o texto ainda não salvo desta tela será descartado."
)


class AvisoSubstituido(ModalScreen[bool]):
    """Tell that the workspace changed under the interface; True means reload it."""

    CSS_PATH = CSS_REUNIOES
    # no letter keys: the dialog may pop up while the facilitator is typing the minutes
    BINDINGS = [
        Binding("f5", "responder(True)", "Recarregar"),
        Binding("escape", "responder(False)", "Continuar vendo"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialogo aviso"):
            yield Static("! O workspace mudou", classes="titulo-aviso")
            yield Static(MENSAGEM)
            with Horizontal(classes="botoes"):
                yield Button("Recarregar (F5)", variant="primary", id="recarregar")
                yield Button("Continuar vendo (Esc)", id="continuar")

    def on_mount(self) -> None:
        self.query_one("#continuar", Button).focus()  # a stray Enter discards nothing

    def action_responder(self, recarregar: bool) -> None:
        self.dismiss(recarregar)

    @on(Button.Pressed)
    def _ao_apertar(self, evento: Button.Pressed) -> None:
        self.dismiss(evento.button.id == "recarregar")


class VigiaGeracao:
    """Mixin of the app: poll the generation mark and offer a reload when it changes."""

    def vigiar_geracao(self) -> None:
        """Start watching (call from `on_mount`)."""
        self._avisado_substituicao = False
        self.set_interval(INTERVALO_S, self.conferir_geracao)

    def conferir_geracao(self) -> bool:
        """Ask to reload once per replacement; True when the workspace was replaced."""
        if not self.ws.foi_substituido():
            return False
        if not self._avisado_substituicao:
            self._avisado_substituicao = True
            self.notify(
                "O workspace foi substituído por outro processo; nada mais é gravado até "
                "recarregar.",
                title="Workspace substituído",
                severity="warning",
                timeout=10,
            )
            self.push_screen(AvisoSubstituido(), self._responder_substituicao)
        return True

    def _responder_substituicao(self, recarregar: bool | None) -> None:
        if recarregar:
            self.recarregar_substituido()

    def recarregar_substituido(self) -> None:
        """Leave every screen (they write nothing more), adopt the new content and redraw."""
        for tela in self.screen_stack:
            if hasattr(tela, "descartar"):
                tela.descartar()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.ws.aceitar_geracao()
        self._avisado_substituicao = False
        self.action_recarregar()
        self.notify("Conteúdo novo do workspace carregado.", timeout=4)
