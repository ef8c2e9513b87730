"""pacto's two colour themes: the default dark one and a high-contrast one for projectors.

Both define `$foco-fundo`/`$foco-texto`, the colours of the focused field (app.tcss paints
every focused control with them), so the field being edited stands out on any screen; a test
keeps the contrast between a focused and an unfocused field at least 3:1 in each theme.
"""

from __future__ import annotations

from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme

TEMA_PADRAO = "pacto-padrao"
TEMA_PROJETOR = "pacto-projetor"

# name kept by `pacto config tema` -> Textual theme name, and how the palette shows it
NOMES = {"padrao": TEMA_PADRAO, "projetor": TEMA_PROJETOR}
DESCRICOES = {
    TEMA_PADRAO: "Tema padrão (escuro)",
    TEMA_PROJETOR: "Tema projetor (alto contraste, fundo claro)",
}

_BASE = BUILTIN_THEMES["textual-dark"]

PADRAO = Theme(
    name=TEMA_PADRAO,
    primary=_BASE.primary,
    secondary=_BASE.secondary,
    accent=_BASE.accent,
    warning=_BASE.warning,
    error=_BASE.error,
    success=_BASE.success,
    foreground=_BASE.foreground,
    background=_BASE.background,
    surface=_BASE.surface,
    panel=_BASE.panel,
    dark=True,
    variables={
        "foco-fundo": "#FEA62B",
        "foco-texto": "#000000",
        "dica-texto": "#B0B0B0",
        "footer-key-foreground": "#FEA62B",
        # a prefilled field is selected when focused: keep it a solid, readable block
        "input-selection-background": "#FFFFFF",
        "input-selection-foreground": "#000000",
    },
)

# Black on white with dark saturated colours: what survives a washed-out projector image.
PROJETOR = Theme(
    name=TEMA_PROJETOR,
    primary="#00318C",
    secondary="#5B2A86",
    accent="#A33A00",
    warning="#8A5A00",
    error="#B00020",
    success="#1B5E20",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E8E8E8",
    dark=False,
    variables={
        "foco-fundo": "#00318C",
        "foco-texto": "#FFFFFF",
        "dica-texto": "#1A1A1A",
        "border-blurred": "#5A5A5A",
        "text-muted": "#1A1A1A",
        "text-disabled": "#333333",
        "footer-key-foreground": "#00318C",
        "footer-description-foreground": "#000000",
        "footer-background": "#E8E8E8",
        "block-cursor-background": "#00318C",
        "block-cursor-foreground": "#FFFFFF",
        "input-cursor-background": "#000000",
        "input-cursor-foreground": "#FFFFFF",
        "input-selection-background": "#000000",
        "input-selection-foreground": "#FFFFFF",
    },
)

TEMAS = (PADRAO, PROJETOR)


def luminancia(cor: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def canal(valor: int) -> float:
        c = valor / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * canal(cor.r) + 0.7152 * canal(cor.g) + 0.0722 * canal(cor.b)


def contraste(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    claro, escuro = sorted((luminancia(a), luminancia(b)), reverse=True)
    return (claro + 0.05) / (escuro + 0.05)
