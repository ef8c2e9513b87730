"""Textual's own words in Portuguese, and a footer that keeps pacto's essential keys in view.

Textual's built-in widgets label some of their keys in English ("esc Dismiss menu" under an
open list); `traduzir_teclas_do_textual()` relabels them once at start-up. The footer lists
the focused widget's keys first and cuts what does not fit at 80 columns, so `Rodape` puts
q (Sair) and ? (Ajuda) first; Ctrl+P (Comandos) is docked at its right edge.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectOverlay

# actions shown first in every footer, in this order
ESSENCIAIS = ("quit", "ajuda")

# (widget class, key, Portuguese description) for built-in keys Textual shows in a footer
_TECLAS_DO_TEXTUAL = ((SelectOverlay, "escape", "Fechar a lista"),)


def traduzir_teclas_do_textual() -> None:
    """Relabel the built-in keys that Textual shows in the footer in English."""
    for classe, tecla, descricao in _TECLAS_DO_TEXTUAL:
        novas = []
        for binding in classe.BINDINGS:
            if isinstance(binding, tuple):
                binding = Binding(*binding)
            if binding.key == tecla:
                binding = Binding(binding.key, binding.action, descricao, show=binding.show)
            novas.append(binding)
        classe.BINDINGS = novas
        classe._merged_bindings = classe._merge_bindings()


class Rodape(Footer):
    """Textual's footer with q and ? first, so they survive at 80 columns."""

    def __init__(self) -> None:
        super().__init__(compact=False)

    def compose(self):
        if not self._bindings_ready:
            return
        ativos = self.screen.active_bindings
        por_acao: dict[str, tuple] = {}
        for _no, binding, ativo, dica in ativos.values():
            if binding.show and binding.action not in por_acao:
                por_acao[binding.action] = (binding, ativo, dica)
        ordem = sorted(
            por_acao.values(),
            key=lambda b: ESSENCIAIS.index(b[0].action) if b[0].action in ESSENCIAIS else 99,
        )
        for binding, ativo, dica in ordem:
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not ativo,
                tooltip=dica,
            ).data_bind(compact=Footer.compact)
        paleta = ativos.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and paleta:
            _no, binding, ativo, _dica = paleta
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not ativo,
                tooltip=binding.description,
            ).data_bind(compact=Footer.compact)
