"""Dialogs shared by the meeting screens: confirmation, privacy warning and the base of every form."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from pacto.domain.errors import ErroValidacao
from pacto.domain.privacidade import (
    AVISO_PRIVACIDADE,
    AlertaPrivacidade,
    descrever_alertas,
    verificar_privacidade,
)
from pacto.tui.campos import DialogoComCampos
from pacto.tui.texto import literal

T = TypeVar("T")
CSS_REUNIOES = "reunioes.tcss"


class Confirmar(ModalScreen[bool]):
    """Ask a yes/no question before an action that changes or removes something."""

    CSS_PATH = CSS_REUNIOES
    BINDINGS = [
        Binding("s,y", "responder(True)", "Sim"),
        Binding("n,escape", "responder(False)", "Não"),
    ]

    def __init__(self, pergunta: str, sim: str = "Sim", nao: str = "Não"):
        super().__init__()
        self.pergunta, self.sim, self.nao = pergunta, sim, nao

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialogo"):
            yield Static(literal(self.pergunta), classes="pergunta")
            with Horizontal(classes="botoes"):
                yield Button(f"{self.sim} (S)", variant="primary", id="sim")
                yield Button(f"{self.nao} (N)", id="nao")

    def on_mount(self) -> None:
        self.query_one("#nao", Button).focus()

    def action_responder(self, resposta: bool) -> None:
        self.dismiss(resposta)

    @on(Button.Pressed)
    def _ao_apertar(self, evento: Button.Pressed) -> None:
        self.dismiss(evento.button.id == "sim")


class AvisoPrivacidade(ModalScreen[bool]):
    """Warn that a text looks like a victim's personal data; True means save it anyway."""

    CSS_PATH = CSS_REUNIOES
    BINDINGS = [
        Binding("e,escape", "responder(False)", "Editar o texto"),
        Binding("g", "responder(True)", "Gravar assim mesmo"),
    ]

    def __init__(self, alertas: list[AlertaPrivacidade]):
        super().__init__()
        self.alertas = alertas

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialogo aviso"):
            yield Static("! Possível dado pessoal de vítima", classes="titulo-aviso")
            yield Static(literal(descrever_alertas(self.alertas)))
            yield Static(AVISO_PRIVACIDADE, classes="nota")
            with Horizontal(classes="botoes"):
                yield Button("Editar o texto (E)", variant="primary", id="editar")
                yield Button("Gravar assim mesmo (G)", id="gravar")

    def on_mount(self) -> None:
        self.query_one("#editar", Button).focus()

    def action_responder(self, gravar: bool) -> None:
        self.dismiss(gravar)

    @on(Button.Pressed)
    def _ao_apertar(self, evento: Button.Pressed) -> None:
        self.dismiss(evento.button.id == "gravar")


def campo(rotulo: str, widget) -> ComposeResult:
    """A label above its control."""
    yield Label(rotulo, classes="rotulo")
    yield widget


def lado_a_lado(*pares: tuple[str, object]) -> Horizontal:
    """Short fields side by side, each with its label, so forms fit on a projected 80x24 screen."""
    return Horizontal(
        *(
            Vertical(Label(rotulo, classes="rotulo"), widget, classes="celula")
            for rotulo, widget in pares
        ),
        classes="linha",
    )


class Formulario(DialogoComCampos, ModalScreen[T], Generic[T]):
    """Base of the meeting forms: Ctrl+S (or Enter in the last one-line field) saves, Esc cancels.

    Subclasses yield their fields in `campos()`, build the value in `coletar()` (raising
    ErroValidacao with Portuguese messages) and list free texts to screen in `textos_livres()`.
    """

    CSS_PATH = CSS_REUNIOES
    TITULO = ""
    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "salvar", "Salvar", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="formulario") as caixa:
            caixa.border_title = self.TITULO
            with VerticalScroll(classes="campos"):
                yield from self.campos()
            yield Static("", classes="erros")
            with Horizontal(classes="botoes"):
                yield Button("Salvar (Ctrl+S)", variant="primary", id="salvar", compact=True)
                yield Button("Cancelar (Esc)", id="cancelar", compact=True)

    def campos(self) -> ComposeResult:
        yield from ()

    def coletar(self) -> T:
        raise NotImplementedError

    def textos_livres(self, valor: T) -> list[str]:
        return []

    def mostrar_erros(self, problemas: list[str]) -> None:
        self.query_one(".erros", Static).update(literal("\n".join(f"! {p}" for p in problemas)))

    def action_salvar(self) -> None:
        """Validate, screen free text for victims' data, then return the value."""
        try:
            valor = self.coletar()
        except ErroValidacao as erro:
            self.mostrar_erros(erro.problemas)
            return
        alertas = [a for texto in self.textos_livres(valor) for a in verificar_privacidade(texto)]
        if alertas:

            def decidir(gravar: bool | None) -> None:
                if gravar:
                    self.app.ws.aceitar_na_proxima_gravacao()  # the caller saves next
                    self.dismiss(valor)

            self.app.push_screen(AvisoPrivacidade(alertas), decidir)
            return
        self.dismiss(valor)

    def action_cancelar(self) -> None:
        self.fechar_sem_salvar()

    @on(Button.Pressed, "#salvar")
    def _salvar(self) -> None:
        self.action_salvar()

    @on(Button.Pressed, "#cancelar")
    def _cancelar(self) -> None:
        self.action_cancelar()

    @on(Input.Submitted)
    def _enter(self, evento: Input.Submitted) -> None:
        """Enter goes to the next field; in the last one-line field it saves."""
        evento.stop()
        visiveis = [
            i
            for i in self.query(Input)
            if not any(a.has_class("oculto") for a in i.ancestors_with_self)
        ]
        if visiveis and evento.input is not visiveis[-1]:
            self.focus_next()
        else:
            self.action_salvar()
