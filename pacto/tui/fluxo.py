"""The Fluxo section: the flow drawn as lanes, one per stage, stacked or side by side by width."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from pacto.domain.lanes import desenhar_raias, mapear_raias
from pacto.domain.network import RedeCompleta

ESTILOS = {
    "titulo": "bold underline",
    "raia": "bold",
    "regua": "dim",
    "nota": "bold italic",
}


class FluxoSecao(VerticalScroll):
    """Lanes of the flow with the institutions in each and the referrals between them."""

    BINDINGS = [Binding("f", "outro_fluxo", "Outro fluxo")]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.can_focus = True
        self.rc: RedeCompleta | None = None
        self.fluxo_id: int | None = None
        self._largura_desenhada = 0

    def compose(self) -> ComposeResult:
        yield Static(id="fluxo-desenho")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Keep the snapshot; redraw now if on screen, else when the section appears."""
        self.rc = rc
        if self.fluxo_id not in {f.id for f in rc.fluxos}:
            self.fluxo_id = rc.fluxos[0].id if rc.fluxos else None
        self._largura_desenhada = 0
        if all(no.display for no in self.ancestors_with_self):
            self.desenhar()

    def largura_util(self) -> int:
        """Columns available to the drawing."""
        return self.scrollable_content_region.width

    def desenhar(self) -> None:
        """Lay out and draw the lanes for the width the section has now."""
        largura = self.largura_util()
        if self.rc is None or largura <= 0 or largura == self._largura_desenhada:
            return
        self._largura_desenhada = largura
        mapa = mapear_raias(self.rc, self.fluxo_id)
        texto = Text(no_wrap=True, overflow="crop")
        for linha in desenhar_raias(mapa, largura):
            texto.append(linha.texto, style=ESTILOS.get(linha.estilo, ""))
            texto.append("\n")
        self.query_one("#fluxo-desenho", Static).update(texto)

    def on_resize(self, _evento: events.Resize) -> None:
        self.call_after_refresh(self.desenhar)

    def on_show(self, _evento: events.Show) -> None:
        self.call_after_refresh(self.desenhar)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "outro_fluxo":
            return self.rc is not None and len(self.rc.fluxos) > 1
        return True

    def action_outro_fluxo(self) -> None:
        """Draw the next flow of the network (when it keeps more than one)."""
        ids = [f.id for f in self.rc.fluxos]
        self.fluxo_id = ids[(ids.index(self.fluxo_id) + 1) % len(ids)]
        self._largura_desenhada = 0
        self.desenhar()
