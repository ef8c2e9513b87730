"""The Pactuação section: the six pact steps and the 14 roadmap steps, with overrides by hand."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from pacto.domain.errors import PactoErro
from pacto.domain.network import RedeCompleta
from pacto.domain.processo import (
    ATRASADO,
    CONCLUIDO,
    EM_ANDAMENTO,
    EM_DIA,
    NAO_INICIADO,
    NAO_SE_APLICA,
    Ajuste,
    Passo,
)
from pacto.tui.campos import DialogoComCampos, Lista
from pacto.tui.texto import TabelaLiteral

MARCAS = {
    CONCLUIDO: "✔",
    EM_ANDAMENTO: "▶",
    NAO_INICIADO: "·",
    NAO_SE_APLICA: "–",
    EM_DIA: "✔",
    ATRASADO: "▶",
}


def linha_pactuacao(passos: list[Passo]) -> Text:
    """'✔ 1 GT  ▶ 3 Reunião ampliada  · 4' — the six steps on one line."""
    curtos = ("GT", "Fluxo inicial", "Reunião ampliada", "Sugestões", "Pactuação", "Mensais")
    texto = Text()
    for passo in passos:
        estilo = "bold" if passo.situacao in (EM_ANDAMENTO, ATRASADO) else ""
        alerta = "!" if passo.alerta else ""
        texto.append(
            f"{MARCAS[passo.situacao]}{alerta} {passo.numero} {curtos[passo.numero - 1]}  ",
            style=estilo,
        )
    return texto


class FormAjuste(DialogoComCampos, ModalScreen[Ajuste | None]):
    """Ask the state and the justification for a step set by hand."""

    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "salvar", "Salvar", priority=True),
    ]

    def __init__(self, tipo: str, passo: Passo):
        super().__init__()
        self.tipo = tipo
        self.passo = passo

    def compose(self) -> ComposeResult:
        opcoes = [
            (s.capitalize(), s) for s in (CONCLUIDO, NAO_SE_APLICA, EM_ANDAMENTO, NAO_INICIADO)
        ]
        if self.tipo == "pactuacao":
            opcoes = opcoes[:2]
        with Vertical(classes="formulario"):
            yield Label(f"[b]{self.passo.numero}. {self.passo.titulo}[/b]")
            yield Label(f"Situação calculada: {self.passo.situacao_derivada or 'registrada à mão'}")
            yield Lista(opcoes, value=opcoes[0][1], allow_blank=False, id="ajuste-situacao")
            yield Input(placeholder="Justificativa (obrigatória)", id="ajuste-justificativa")
            yield Static(id="ajuste-erro", classes="erro")
            with Horizontal(classes="botoes"):
                yield Button("Salvar (Ctrl+S)", variant="primary", id="ajuste-salvar")
                yield Button("Cancelar (Esc)", id="ajuste-cancelar")

    def on_mount(self) -> None:
        self.query_one("#ajuste-justificativa", Input).focus()

    @on(Input.Submitted, "#ajuste-justificativa")
    @on(Button.Pressed, "#ajuste-salvar")
    def action_salvar(self) -> None:
        ajuste = Ajuste(
            self.tipo,
            self.passo.numero,
            self.query_one("#ajuste-situacao", Select).value,
            self.query_one("#ajuste-justificativa", Input).value,
        )
        if not ajuste.justificativa.strip():
            self.query_one("#ajuste-erro", Static).update(
                "Informe a justificativa: por que a situação difere do registrado?"
            )
            return
        self.dismiss(ajuste)

    @on(Button.Pressed, "#ajuste-cancelar")
    def action_cancelar(self) -> None:
        self.fechar_sem_salvar()


class PactuacaoSecao(Vertical):
    """Where the group stands in the pact and in the 14 steps; Enter opens the step's screen."""

    FOCO_INICIAL = "#passos-tabela"
    BINDINGS = [
        Binding("c", "ajustar", "Marcar à mão"),
        Binding("r", "reabrir", "Desfazer ajuste"),
        Binding("enter", "abrir", "Ir para a seção", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="pactuacao-resumo")
        tabela = TabelaLiteral(id="passos-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("", "Nº", "Passo", "Situação", "Motivo")
        yield tabela
        yield Static(id="passo-detalhe")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Recompute the steps from the workspace and redraw."""
        atual = self.app.processo
        self._linhas: list[tuple[str, Passo]] = []
        resumo = Text("Pactuação  ", style="bold")
        resumo.append_text(linha_pactuacao(atual.passos))
        resumo.append(f"\nPróximo passo: {atual.proximo['acao']}\n", style="bold")
        resumo.append(atual.proximo["motivo"], style="italic")
        self.query_one("#pactuacao-resumo", Static).update(resumo)
        tabela = self.query_one("#passos-tabela", DataTable)
        linha_atual = tabela.cursor_row
        tabela.clear()
        for tipo, titulo, passos in (
            ("pactuacao", "Pactuação", atual.passos),
            ("elaboracao", "Elaboração", atual.etapas),
        ):
            for passo in passos:
                situacao_txt = passo.situacao + (" (à mão)" if passo.ajuste else "")
                motivo = passo.ajuste.justificativa if passo.ajuste else passo.motivo
                tabela.add_row(
                    MARCAS[passo.situacao] + ("!" if passo.alerta else ""),
                    f"{titulo[0]}{passo.numero}",
                    passo.titulo,
                    situacao_txt,
                    motivo,
                    key=f"{tipo}:{passo.numero}",
                )
                self._linhas.append((tipo, passo))
        if tabela.row_count:
            tabela.move_cursor(row=min(linha_atual, tabela.row_count - 1))

    def _selecionado(self) -> tuple[str, Passo] | None:
        tabela = self.query_one("#passos-tabela", DataTable)
        if not getattr(self, "_linhas", None) or tabela.cursor_row >= len(self._linhas):
            return None
        return self._linhas[tabela.cursor_row]

    def action_ajustar(self) -> None:
        """Mark the highlighted step by hand, with a justification."""
        escolhido = self._selecionado()
        if escolhido is None:
            return
        tipo, passo = escolhido

        def salvar(ajuste: Ajuste | None) -> None:
            if ajuste is None:
                return
            try:
                self.app.ws.ajustar_passo(ajuste)
            except PactoErro as erro:
                self.app.notify(erro.mensagem, severity="error")
                return
            self.app.notify(f"Passo {passo.numero}: {ajuste.situacao}.")
            self.app.action_recarregar()

        self.app.push_screen(FormAjuste(tipo, passo), salvar)

    def action_reabrir(self) -> None:
        """Drop the highlighted step's override so the derived state shows again."""
        escolhido = self._selecionado()
        if escolhido is None:
            return
        tipo, passo = escolhido
        if self.app.ws.reabrir_passo(tipo, passo.numero):
            self.app.notify(f"Ajuste desfeito: passo {passo.numero} volta à situação calculada.")
            self.app.action_recarregar()
        else:
            self.app.notify("Este passo não tem ajuste manual.", severity="warning")

    def action_abrir(self) -> None:
        """Open the section that serves the highlighted step."""
        escolhido = self._selecionado()
        if escolhido:
            self.app.ir_para(escolhido[1].secao)

    @on(DataTable.RowHighlighted, "#passos-tabela")
    def _detalhar(self) -> None:
        escolhido = self._selecionado()
        if escolhido is None:
            return
        _, passo = escolhido
        texto = Text(f"{passo.numero}. {passo.titulo} — {passo.situacao}\n", style="bold")
        texto.append(passo.motivo)
        if passo.regra:
            texto.append(f"\n{passo.regra}", style="dim")
        if passo.ajuste:
            texto.append(
                f"\nMarcado à mão (calculado: {passo.situacao_derivada or '—'}): "
                f"{passo.ajuste.justificativa}",
                style="italic",
            )
        self.query_one("#passo-detalhe", Static).update(texto)

    @on(DataTable.RowSelected, "#passos-tabela")
    def _ao_escolher(self) -> None:
        self.action_abrir()
