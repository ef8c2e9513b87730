"""Behaviour every pacto field shares: lists that search as you type, and Esc that asks first.

`Lista` is the TUI's one kind of list: typing a letter on it closed opens it on the first match
(the lists say "digite a sigla para buscar"). `DialogoComCampos` is mixed into the form bases
(pacto/tui/formularios.py and pacto/tui/reuniao_dialogos.py): Esc on a form whose fields were
changed asks "Descartar?" before closing, and in that question Esc means "continuar editando".
One rule for the whole TUI: Esc closes only the topmost dialog.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox, Input, Select, TextArea
from textual.widgets._select import SelectOverlay

CAMPOS_EDITAVEIS = (Input, TextArea, Select, Checkbox)


def valor_do_campo(campo) -> object:
    """What a field holds now, comparable with what it held when the form opened."""
    return campo.text if isinstance(campo, TextArea) else campo.value


class DialogoComCampos:
    """Mixin for a ModalScreen with fields: Esc asks before throwing typed data away."""

    _valores_iniciais: dict[int, object] | None = None

    def _on_mount(self) -> None:
        # a plain handler: Textual calls each class's own one along the MRO (a mixin's @on
        # handlers are not collected)
        self.call_after_refresh(self._fotografar)

    def _fotografar(self) -> None:
        self._valores_iniciais = self._valores()

    def _valores(self) -> dict[int, object]:
        return {
            id(c): valor_do_campo(c) for c in self.query("*") if isinstance(c, CAMPOS_EDITAVEIS)
        }

    def foi_alterado(self) -> bool:
        """Whether the user changed any field since the form opened."""
        return self._valores_iniciais is not None and self._valores() != self._valores_iniciais

    def fechar_sem_salvar(self) -> None:
        """Close at once if nothing was typed; otherwise ask, Esc meaning keep editing."""
        if not self.foi_alterado():
            self.dismiss(None)
            return
        from pacto.tui.reuniao_dialogos import Confirmar

        def decidir(descartar: bool | None) -> None:
            if descartar:
                self.dismiss(None)

        self.app.push_screen(
            Confirmar(
                "Descartar o que foi digitado neste formulário?",
                sim="Descartar",
                nao="Continuar editando",
            ),
            decidir,
        )


class Lista(Select):
    """A list that searches as you type: a letter on the closed list opens it on the first match.

    Every list of the TUI is one (forms, section filters), so "digite a sigla para buscar" is
    true everywhere, and a letter typed on a focused list never reaches a section's key binding
    (typing "Denúncia" on a stage filter used to run the binding of its "e").
    """

    def on_key(self, evento: events.Key) -> None:
        if not evento.character or not evento.is_printable:
            return
        if evento.character.isspace() and not self.expanded:
            return  # Space opens a closed list, as in any Select
        evento.stop()
        evento.prevent_default()
        overlay = self.query_one(SelectOverlay)
        if not self.expanded:
            self.action_show_overlay()
            # focus the list now: it clears what was typed when it gains the focus, so a
            # letter handed over before that was lost and "RR" found "RJ"
            self.screen.set_focus(overlay, scroll_visible=False)
        # letters typed fast reach this closed list before the focus moves: all go to the list
        overlay.post_message(events.Key(evento.key, evento.character))
