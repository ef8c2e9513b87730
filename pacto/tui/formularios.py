"""Modal building blocks: a form that saves through the store, a text editor and a yes/no question.

A form is given the store call that saves its record. It shows every validation problem inline
and stays open until the record is saved, so nothing is ever half-saved; then it dismisses with
the saved record and the caller reloads the screens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from pacto.domain.errors import ErroConflito, ErroPrivacidade, ErroValidacao, PactoErro
from pacto.tui.campos import DialogoComCampos
from pacto.tui.conflito import resolver_conflito
from pacto.tui.texto import literal

T = TypeVar("T")


class CaixaDeMarcar(Checkbox):
    """A checkbox whose state reads without colour: ✔ when on, blank when off (projector-safe)."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - the name Textual's ToggleButton reads
        return "✔" if self.value else " "


def linha_do_formulario(rotulo: str, campo: Widget) -> Horizontal:
    """A label and its field on one line, as every form lays them out."""
    return Horizontal(Label(rotulo, classes="form-rotulo"), campo, classes="form-linha")


class Formulario(DialogoComCampos, ModalScreen[T]):
    """A modal form: fields, inline problems, Salvar and Cancelar; dismisses with the saved record."""

    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "salvar", "Salvar", priority=True),
    ]

    def __init__(self, titulo: str, salvar: Callable[[T], T]) -> None:
        super().__init__(classes="modal")
        self.titulo = titulo
        self._salvar = salvar
        # the stored version the form opened with: when set, `salvar` is called with it as
        # `original=` and the store refuses (ErroConflito) a record someone changed meanwhile
        self.visto: object = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-caixa"):
            yield Static(literal(self.titulo), classes="form-titulo")
            with VerticalScroll(classes="form-campos"):
                yield from self.campos()
            yield Static("", id="form-erros")
            with Horizontal(classes="form-botoes"):
                yield Button("Salvar (Ctrl+S)", id="form-salvar", variant="primary", compact=True)
                yield Button("Cancelar (Esc)", id="form-cancelar", compact=True)

    def campos(self) -> ComposeResult:
        """The form's fields; subclasses yield them with `linha_do_formulario`."""
        raise NotImplementedError

    def montar(self) -> T:
        """Build the record from the fields; raise ErroValidacao for problems of the form itself."""
        raise NotImplementedError

    def action_salvar(self) -> None:
        """Save through the store; on a problem, list it and keep the form open."""
        registro = None
        try:
            registro = self.montar()
            salvo = self.gravar(registro)
        except ErroConflito as erro:
            resolver_conflito(self, erro, registro)
            return
        except ErroPrivacidade as erro:
            self._perguntar_privacidade(erro)
            return
        except ErroValidacao as erro:
            self.mostrar_problemas(erro.problemas)
            return
        except PactoErro as erro:
            self.mostrar_problemas([erro.mensagem])
            return
        self.dismiss(salvo)

    def gravar(self, registro: T) -> T:
        """Save through the store, telling it what the form loaded when there is a stored version."""
        if self.visto is None:
            return self._salvar(registro)
        return self._salvar(registro, original=self.visto)

    def _perguntar_privacidade(self, erro: ErroPrivacidade) -> None:
        """The store refused a text that looks like a victim's data: edit it, or keep it."""
        from pacto.tui.reuniao_dialogos import AvisoPrivacidade

        def decidir(manter: bool | None) -> None:
            if not manter:
                self.mostrar_problemas([str(v) for v in erro.violacoes])
                return
            registro = None
            try:
                registro = self.montar()
                with self.app.ws.aceitando_alertas_de_privacidade():
                    registro = self.gravar(registro)
            except ErroConflito as conflito:
                resolver_conflito(self, conflito, registro)
                return
            except PactoErro as outro:
                self.mostrar_problemas([outro.mensagem])
                return
            self.dismiss(registro)

        self.app.push_screen(AvisoPrivacidade(erro.violacoes), decidir)

    def action_cancelar(self) -> None:
        self.fechar_sem_salvar()

    def mostrar_problemas(self, problemas: list[str]) -> None:
        """Show what must be fixed, in the form itself."""
        texto = Text("Corrija antes de salvar:", style="bold")
        for problema in problemas:
            texto.append(f"\n ! {problema}", style="not bold")
        erros = self.query_one("#form-erros", Static)
        erros.update(texto)
        erros.add_class("com-erros")

    @on(Button.Pressed, "#form-salvar")
    def _ao_salvar(self) -> None:
        self.action_salvar()

    @on(Button.Pressed, "#form-cancelar")
    def _ao_cancelar(self) -> None:
        self.action_cancelar()

    @on(Input.Submitted)
    def _ao_enter(self, evento: Input.Submitted) -> None:
        evento.stop()
        self.action_salvar()


class EditorTexto(Formulario[str]):
    """A free-text editor (a duty, for instance); Ctrl+S saves, an empty text is saved as empty."""

    def __init__(
        self,
        titulo: str,
        texto: str,
        salvar: Callable[[str], str],
        dica: str = "",
        visto: str | None = None,
    ):
        super().__init__(titulo, salvar)
        self._texto = texto
        self._dica = dica
        self.visto = visto

    def campos(self) -> ComposeResult:
        yield TextArea(self._texto, id="editor-texto", soft_wrap=True, tab_behavior="focus")
        if self._dica:
            yield Static(literal(self._dica), classes="form-dica")

    def on_mount(self) -> None:
        editor = self.query_one("#editor-texto", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def montar(self) -> str:
        return self.query_one("#editor-texto", TextArea).text


class Confirmacao(ModalScreen[bool]):
    """Ask before a destructive action, saying what goes with it; Cancelar is the default."""

    BINDINGS = [
        Binding("escape,n", "responder(False)", "Não"),
        Binding("s", "responder(True)", "Sim"),
    ]

    def __init__(self, titulo: str, mensagem: str | Text, rotulo_sim: str = "Remover") -> None:
        super().__init__(classes="modal")
        self.titulo = titulo
        self.mensagem = mensagem
        self.rotulo_sim = rotulo_sim

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-caixa confirmacao"):
            yield Static(literal(self.titulo), classes="form-titulo")
            yield Static(literal(self.mensagem), id="confirmacao-mensagem")
            with Horizontal(classes="form-botoes"):
                yield Button(
                    f"{self.rotulo_sim} (s)", id="confirmacao-sim", variant="error", compact=True
                )
                yield Button("Cancelar (Esc)", id="confirmacao-nao", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirmacao-nao", Button).focus()

    def action_responder(self, resposta: bool) -> None:
        self.dismiss(resposta)

    @on(Button.Pressed, "#confirmacao-sim")
    def _sim(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirmacao-nao")
    def _nao(self) -> None:
        self.dismiss(False)
