"""The history screen: every recorded change, newest first, filtered by institution."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from pacto.domain.historico import descrever, rotulo
from pacto.tui.texto import TabelaLiteral, marcado


class TelaHistorico(ModalScreen[None]):
    """Who changed what and when; type an acronym to see one institution's history."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Fechar")]

    def __init__(self, sigla: str = ""):
        super().__init__()
        self.sigla = sigla

    def compose(self) -> ComposeResult:
        with Vertical(id="historico"):
            yield Static("[b]Histórico de alterações[/b] · Esc fecha", id="historico-titulo")
            yield Input(
                self.sigla, placeholder="Sigla da instituição (vazio: tudo)", id="historico-filtro"
            )
            tabela = TabelaLiteral(id="historico-tabela", cursor_type="row", zebra_stripes=True)
            tabela.add_columns("Quando", "Quem", "O quê")
            yield tabela

    def on_mount(self) -> None:
        self._mostrar(self.sigla)
        self.query_one("#historico-tabela", DataTable).focus()

    @on(Input.Submitted, "#historico-filtro")
    def _filtrar(self, evento: Input.Submitted) -> None:
        self._mostrar(evento.value)
        self.query_one("#historico-tabela", DataTable).focus()

    def _mostrar(self, sigla: str) -> None:
        ws = self.app.ws
        titulo = self.query_one("#historico-titulo", Static)
        inst = ws.instituicao_por_sigla(sigla) if sigla.strip() else None
        if sigla.strip() and inst is None:
            titulo.update(
                marcado(
                    "[b]Histórico de alterações[/b] · nenhuma instituição “$sigla”", sigla=sigla
                )
            )
            return
        registros = ws.historico(instituicao_id=inst.id if inst else None, limite=500)
        siglas = {i.id: i.sigla for i in ws.instituicoes()}
        tabela = self.query_one("#historico-tabela", DataTable)
        tabela.clear()
        for r in registros:
            texto = descrever(r, rotulo(r, siglas)).removeprefix(f"{r.usuario or 'alguém'} ")
            tabela.add_row(f"{r.quando:%d/%m/%Y %H:%M}", r.usuario or "—", texto)
        alvo = f" de {inst.sigla}" if inst else ""
        titulo.update(
            marcado(
                "[b]Histórico de alterações$alvo[/b] · $n registros · Esc fecha",
                alvo=alvo,
                n=len(registros),
            )
        )
