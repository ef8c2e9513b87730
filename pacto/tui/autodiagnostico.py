"""The Autodiagnóstico section: the group answers together, one key per answer, and sees the summary."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from pacto.domain.autodiagnostico import (
    RESPOSTAS,
    Resposta,
    Rodada,
    comparar,
    progresso,
    questionario,
    resumir,
)
from pacto.domain.errors import PactoErro
from pacto.domain.network import RedeCompleta
from pacto.tui.campos import DialogoComCampos
from pacto.tui.formularios import Confirmacao
from pacto.tui.texto import TabelaLiteral

MARCAS = {"sim": "✔ Sim", "parcial": "◐ Parcial", "nao": "✘ Não", "na": "– Não se aplica"}


class FormNota(DialogoComCampos, ModalScreen[tuple[str, str] | None]):
    """Note and evidence for one answer."""

    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "salvar", "Salvar", priority=True),
    ]

    def __init__(self, pergunta: str, resposta: Resposta):
        super().__init__()
        self.pergunta = pergunta
        self.resposta = resposta

    def compose(self) -> ComposeResult:
        with Vertical(classes="formulario"):
            yield Label(f"[b]{self.pergunta}[/b]")
            yield Label(f"Resposta: {RESPOSTAS[self.resposta.valor]}")
            yield Input(self.resposta.nota, placeholder="Observação do grupo", id="nota-texto")
            yield Input(
                self.resposta.evidencia,
                placeholder="Evidência (documento, fato)",
                id="nota-evidencia",
            )
            with Horizontal(classes="botoes"):
                yield Button("Salvar (Ctrl+S)", variant="primary", id="nota-salvar")
                yield Button("Cancelar (Esc)", id="nota-cancelar")

    @on(Button.Pressed, "#nota-salvar")
    @on(Input.Submitted)
    def action_salvar(self) -> None:
        self.dismiss(
            (
                self.query_one("#nota-texto", Input).value,
                self.query_one("#nota-evidencia", Input).value,
            )
        )

    @on(Button.Pressed, "#nota-cancelar")
    def action_cancelar(self) -> None:
        self.fechar_sem_salvar()


class AutodiagnosticoSecao(Vertical):
    """Questions of the latest run with their answers, and the summary per dimension."""

    FOCO_INICIAL = "#auto-tabela"
    BINDINGS = [
        Binding("s", "responder('sim')", "Sim"),
        Binding("p", "responder('parcial')", "Parcial"),
        Binding("n", "responder('nao')", "Não"),
        Binding("x", "responder('na')", "Não se aplica"),
        Binding("o", "nota", "Observação"),
        Binding("N", "nova_rodada", "Nova rodada"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="auto-cabecalho")
        tabela = TabelaLiteral(id="auto-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("Resposta", "Pergunta")
        yield tabela
        yield Static(id="auto-detalhe")
        with VerticalScroll(id="auto-resumo-rolagem"):
            yield Static(id="auto-resumo")

    def mostrar(self, rc: RedeCompleta | None = None) -> None:
        """Reload the runs and redraw questions and summary."""
        rodadas = self.app.ws.rodadas_autodiagnostico()
        self.rodada: Rodada | None = rodadas[-1] if rodadas else None
        anterior = rodadas[-2] if len(rodadas) > 1 else None
        tabela = self.query_one("#auto-tabela", DataTable)
        cursor = tabela.cursor_row
        tabela.clear()
        self._itens = []
        for dim in questionario():
            for item in dim.itens:
                resposta = self.rodada.respostas.get(item.chave) if self.rodada else None
                valor = MARCAS[resposta.valor] if resposta else "—"
                tabela.add_row(valor, item.pergunta, key=item.chave)
                self._itens.append(item)
        if tabela.row_count:
            tabela.move_cursor(row=min(cursor, tabela.row_count - 1))
        cabecalho = self.query_one("#auto-cabecalho", Static)
        if self.rodada is None:
            cabecalho.update("Nenhuma rodada de autodiagnóstico. Tecle [b]N[/b] para começar.")
        else:
            feitas, total = progresso(self.rodada)
            cabecalho.update(
                f"Rodada de {self.rodada.realizada_em:%d/%m/%Y} · {feitas} de {total} respondidas · "
                "[b]s[/b] sim  [b]p[/b] parcial  [b]n[/b] não  [b]x[/b] não se aplica  [b]o[/b] observação"
            )
        self.query_one("#auto-resumo", Static).update(self._resumo(anterior))
        self._detalhar()

    @on(DataTable.RowHighlighted, "#auto-tabela")
    def _detalhar(self) -> None:
        """Show the highlighted question's dimension, note and evidence."""
        item = self._item_atual()
        if item is None:
            return
        dimensao = next(d.nome for d in questionario() if d.chave == item.dimensao)
        texto = Text(f"{dimensao}: ", style="bold")
        texto.append(item.pergunta)
        resposta = self.rodada.respostas.get(item.chave) if self.rodada else None
        if resposta and resposta.nota:
            texto.append(f"\nObservação: {resposta.nota}", style="italic")
        if resposta and resposta.evidencia:
            texto.append(f"\nEvidência: {resposta.evidencia}", style="italic")
        self.query_one("#auto-detalhe", Static).update(texto)

    def _resumo(self, anterior: Rodada | None) -> Text:
        texto = Text("Forças e limites\n", style="bold")
        if self.rodada is None:
            return texto
        for r in resumir(self.rodada):
            texto.append(f"\n{r.dimensao.nome} — {r.rotulo_indice}\n", style="bold")
            texto.append(f"  ✔ {len(r.forcas)}  ◐ {len(r.parciais)}  ✘ {len(r.limites)}")
            if r.sem_resposta:
                texto.append(f"  · {len(r.sem_resposta)} sem resposta")
            texto.append("\n")
            for item in r.limites:
                texto.append(f"  ✘ {item.pergunta}\n", style="italic")
        if anterior:
            mudancas = comparar(anterior, self.rodada)
            texto.append(f"\nDesde {anterior.realizada_em:%d/%m/%Y}\n", style="bold")
            if not mudancas:
                texto.append("  Nenhuma mudança.\n")
            for m in mudancas:
                seta = "↑" if m.melhorou else "↓" if m.melhorou is False else "·"
                texto.append(f"  {seta} {m.texto}\n")
        return texto

    def _item_atual(self):
        tabela = self.query_one("#auto-tabela", DataTable)
        if not getattr(self, "_itens", None) or tabela.cursor_row >= len(self._itens):
            return None
        return self._itens[tabela.cursor_row]

    def action_responder(self, valor: str) -> None:
        """Answer the highlighted question and move to the next one."""
        item = self._item_atual()
        if item is None:
            return
        if self.rodada is None:
            self._criar_rodada()
        anterior = self.rodada.respostas.get(item.chave)
        resposta = Resposta(
            item.chave,
            valor,
            anterior.nota if anterior else "",
            anterior.evidencia if anterior else "",
        )
        try:
            self.app.ws.responder_autodiagnostico(self.rodada.id, resposta)
        except PactoErro as erro:
            self.app.notify(erro.mensagem, severity="error")
            return
        tabela = self.query_one("#auto-tabela", DataTable)
        proxima = min(tabela.cursor_row + 1, tabela.row_count - 1)
        self.mostrar()
        tabela.move_cursor(row=proxima)

    def action_nota(self) -> None:
        """Add a note and evidence to the highlighted answer."""
        item = self._item_atual()
        resposta = self.rodada.respostas.get(item.chave) if (item and self.rodada) else None
        if resposta is None:
            self.app.notify("Responda a pergunta antes de anotar.", severity="warning")
            return

        def salvar(valores: tuple[str, str] | None) -> None:
            if valores is None:
                return
            resposta.nota, resposta.evidencia = valores
            self.app.ws.responder_autodiagnostico(self.rodada.id, resposta)
            self.mostrar()

        self.app.push_screen(FormNota(item.pergunta, resposta), salvar)

    def action_nova_rodada(self) -> None:
        """Start a new run after asking; the previous one is kept for comparison.

        A stray Shift+N (or Caps Lock on while answering “n”) must not blank the answers on
        screen and turn roadmap step 1 back to “not started”.
        """
        if self.rodada is None:
            self._criar_rodada()
            return
        feitas, total = progresso(self.rodada)
        if not feitas:
            self.app.notify(
                "A rodada atual ainda está em branco: responda-a antes de começar outra.",
                severity="warning",
            )
            return

        def responder(sim: bool | None) -> None:
            if sim:
                self._criar_rodada()

        self.app.push_screen(
            Confirmacao(
                "Começar uma nova rodada?",
                f"A rodada de {self.rodada.realizada_em:%d/%m/%Y} ({feitas} de {total} "
                "respondidas) fica guardada para comparação; a nova começa em branco.",
                rotulo_sim="Começar",
            ),
            responder,
        )

    def _criar_rodada(self) -> None:
        self.rodada = self.app.ws.nova_rodada_autodiagnostico()
        self.app.notify("Nova rodada de autodiagnóstico iniciada.")
        self.app.action_recarregar()
