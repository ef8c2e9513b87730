"""Behaviour every pacto dialog shares: lists that search as you type, and Esc that asks first.

`DialogoComCampos` is mixed into the form bases (pacto/tui/formularios.py and
pacto/tui/reuniao_dialogos.py). Typing a letter on a closed list opens it on the first match
(the lists say "digite a sigla para buscar"); Esc on a form whose fields were changed asks
"Descartar?" before closing, and in that question Esc means "continuar editando". One rule for
the whole TUI: Esc closes only the topmost dialog.
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
    """Mixin for a ModalScreen with fields: type-to-search on closed lists, Esc asks first."""

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

    async def on_key(self, evento: events.Key) -> None:
        """A letter typed on a closed list opens it and jumps to the first option containing it."""
        foco = self.focused
        if (
            isinstance(foco, Select)
            and not foco.expanded
            and evento.character
            and evento.is_printable
            and not evento.character.isspace()
        ):
            evento.stop()
            evento.prevent_default()
            foco.action_show_overlay()
            await foco.query_one(SelectOverlay)._on_key(evento)
