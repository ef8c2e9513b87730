"""The versions screen: frozen versions of the flow on the left, what each one changed on the right."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pacto.domain.errors import PactoErro
from pacto.domain.versions import (
    VersaoFluxo,
    agrupar,
    conteudo_canonico,
    diferencas,
    hash_conteudo,
    resumir,
)
from pacto.services.versoes import descrever_conteudo
from pacto.tui.campos import DialogoComCampos
from pacto.tui.portugues import Rodape

RASCUNHO = "rascunho"


def congelar(app: App, nota: str) -> VersaoFluxo | None:
    """Freeze the draft with a note through the workspace and tell the user how it went."""
    try:
        versao = app.ws.congelar_versao(nota)
    except PactoErro as erro:
        app.notify(erro.mensagem, title="Versão não congelada", severity="error")
        return None
    app.notify(
        f"Versão {versao.numero} congelada (hash {versao.hash_curto}).", title="Versão congelada"
    )
    app.action_recarregar()
    return versao


class TelaCongelar(DialogoComCampos, ModalScreen[str | None]):
    """Ask for the note that explains a new version; returns the note, or None when cancelled."""

    CSS_PATH = "versoes.tcss"
    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "salvar", "Congelar", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="congelar-caixa"):
            yield Static(
                "[b]Congelar versão do fluxo[/b]\n\n"
                "A versão congelada guarda o fluxo como está agora e nunca mais muda; as "
                "edições seguintes vão para o rascunho.\n\nNota (por que esta versão existe):"
            )
            yield Input(
                placeholder="Ex.: Aprovada na reunião ampliada de 26/11", id="congelar-nota"
            )
            yield Static("", id="congelar-erro")
            yield Static(
                "[b]Enter[/b] ou [b]Ctrl+S[/b] congela · [b]Esc[/b] cancela", id="congelar-dica"
            )

    def on_mount(self) -> None:
        self.query_one("#congelar-nota", Input).focus()

    @on(Input.Submitted, "#congelar-nota")
    def action_salvar(self) -> None:
        """Freeze with the note typed; an empty note is refused with the reason."""
        nota = self.query_one("#congelar-nota", Input).value.strip()
        if not nota:
            self.query_one("#congelar-erro", Static).update(
                "Escreva uma nota: ela diz ao grupo o que esta versão representa."
            )
            return
        self.dismiss(nota)

    def action_cancelar(self) -> None:
        self.fechar_sem_salvar()


class TelaVersoes(ModalScreen[None]):
    """Frozen versions of the flow and the draft; shows what the highlighted one changed."""

    CSS_PATH = "versoes.tcss"
    BINDINGS = [
        Binding("escape", "fechar", "Fechar"),
        Binding("c", "congelar", "Congelar versão"),
        Binding("d", "alternar", "Comparar com anterior/rascunho"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._versoes: list[VersaoFluxo] = []
        self._rascunho: dict = {}
        self._hash_rascunho = ""
        self.contra_rascunho = False  # compare a version with the draft instead of the previous one

    def compose(self) -> ComposeResult:
        with Vertical(id="versoes-caixa"):
            with Horizontal(id="versoes-corpo"):
                yield OptionList(id="versoes-lista")
                with VerticalScroll(id="versoes-rolagem"):
                    yield Static(id="versoes-diff")
            yield Rodape()

    def on_mount(self) -> None:
        self.query_one("#versoes-caixa").border_title = "Versões do fluxo"
        self.atualizar()
        self.query_one("#versoes-lista", OptionList).focus()

    # -- data ---------------------------------------------------------------------------------

    def atualizar(self, destacar: str | None = None) -> None:
        """Read the versions and the draft again and redraw the list."""
        ws = self.app.ws
        self._versoes = ws.versoes()
        self._rascunho = conteudo_canonico(ws.carregar())
        self._hash_rascunho = hash_conteudo(self._rascunho)
        ultima = self._versoes[-1] if self._versoes else None
        if ultima is None:
            situacao = "nada congelado ainda"
        elif ultima.hash == self._hash_rascunho:
            situacao = f"igual à versão {ultima.numero}"
        else:
            situacao = "com alterações"
        opcoes = [Option(Text.assemble(("Rascunho", "bold"), f"\n  {situacao}"), id=RASCUNHO)]
        for versao in reversed(self._versoes):
            nota = versao.nota if len(versao.nota) <= 40 else versao.nota[:39] + "…"
            opcoes.append(
                Option(
                    Text.assemble(
                        (f"Versão {versao.numero}", "bold"),
                        f" · {versao.criado_em:%d/%m/%Y}\n  {versao.hash_curto} · {nota}",
                    ),
                    id=str(versao.numero),
                )
            )
        lista = self.query_one("#versoes-lista", OptionList)
        lista.set_options(opcoes)
        alvo = destacar or (str(ultima.numero) if ultima else RASCUNHO)
        lista.highlighted = lista.get_option_index(alvo)
        self._mostrar(alvo)

    def _versao(self, numero: int) -> VersaoFluxo | None:
        return next((v for v in self._versoes if v.numero == numero), None)

    # -- the right panel ----------------------------------------------------------------------

    def _mostrar(self, opcao_id: str) -> None:
        texto = Text()
        if opcao_id == RASCUNHO:
            texto.append("Rascunho\n", style="bold")
            texto.append("O fluxo como está agora, com as edições ainda não congeladas.\n")
            ultima = self._versoes[-1] if self._versoes else None
            if ultima is None:
                texto.append(f"\n{descrever_conteudo(self._rascunho)}\n")
                texto.append("\nNenhuma versão congelada ainda. Tecle c para congelar a primeira.")
            else:
                self._comparacao(
                    texto,
                    f"Da versão {ultima.numero} para o rascunho",
                    ultima.conteudo,
                    self._rascunho,
                )
        else:
            versao = self._versao(int(opcao_id))
            if versao is None:
                return
            texto.append(f"Versão {versao.numero}\n", style="bold")
            texto.append(f"Congelada em {versao.criado_em:%d/%m/%Y às %H:%M}\n")
            texto.append(f"Hash SHA-256: {versao.hash}\n")
            if not versao.integra:
                texto.append("Atenção: o conteúdo não confere com o hash!\n", style="bold red")
            texto.append(f"Nota: {versao.nota}\n")
            texto.append(f"{descrever_conteudo(versao.conteudo)}\n")
            anterior = self._versao(versao.numero - 1)
            if self.contra_rascunho:
                self._comparacao(
                    texto,
                    f"Da versão {versao.numero} para o rascunho",
                    versao.conteudo,
                    self._rascunho,
                )
            elif anterior is None:
                texto.append("\nPrimeira versão congelada: não há anterior para comparar.\n")
                texto.append("Tecle d para comparar com o rascunho.", style="dim")
            else:
                self._comparacao(
                    texto,
                    f"Da versão {anterior.numero} para a versão {versao.numero}",
                    anterior.conteudo,
                    versao.conteudo,
                )
        self.query_one("#versoes-diff", Static).update(texto)
        self.query_one("#versoes-rolagem", VerticalScroll).scroll_home(animate=False)

    @staticmethod
    def _comparacao(texto: Text, titulo: str, antes: dict, depois: dict) -> None:
        mudancas = diferencas(antes, depois)
        texto.append(f"\n{titulo}\n", style="bold")
        if not mudancas:
            texto.append("Nenhuma mudança: o conteúdo é o mesmo.\n")
            return
        texto.append(f"{resumir(mudancas)}\n")
        for categoria, grupo in agrupar(mudancas).items():
            texto.append(f"\n{categoria}\n", style="bold underline")
            for mudanca in grupo:
                texto.append(f" · {mudanca.texto}\n")

    @on(OptionList.OptionHighlighted, "#versoes-lista")
    def _ao_destacar(self, evento: OptionList.OptionHighlighted) -> None:
        if evento.option_id:
            self._mostrar(evento.option_id)

    # -- actions ------------------------------------------------------------------------------

    def action_fechar(self) -> None:
        self.dismiss(None)

    def action_alternar(self) -> None:
        """Compare the highlighted version with the draft, or back with the previous version."""
        self.contra_rascunho = not self.contra_rascunho
        self.notify(
            "Comparando cada versão com o rascunho."
            if self.contra_rascunho
            else "Comparando cada versão com a anterior."
        )
        opcao = self.query_one("#versoes-lista", OptionList).highlighted_option
        if opcao is not None and opcao.id:
            self._mostrar(opcao.id)

    def action_congelar(self) -> None:
        """Ask for a note and freeze the draft, unless it equals the latest version."""
        ultima = self._versoes[-1] if self._versoes else None
        if ultima is not None and ultima.hash == self._hash_rascunho:
            self.notify(
                f"O rascunho é igual à {ultima.rotulo}: não há o que congelar.",
                severity="warning",
            )
            return

        def ao_fechar(nota: str | None) -> None:
            if nota is None:
                return
            versao = congelar(self.app, nota)
            if versao is not None:
                self.atualizar(destacar=str(versao.numero))

        self.app.push_screen(TelaCongelar(), ao_fechar)
