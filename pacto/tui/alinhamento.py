"""The Alinhamento section: the month's checklist, answered with one key per item, with carry-over."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from pacto.domain.checklist import SITUACOES, LinhaChecklist, RespostaChecklist
from pacto.domain.errors import PactoErro
from pacto.domain.netp import nome_mes
from pacto.domain.network import RedeCompleta
from pacto.services.gravacao import ArquivoExistente
from pacto.services.mensal import checklist_do_mes, mes_de, meses_ate
from pacto.services.pacote_mensal import PacoteMensal, preparar_mes
from pacto.tui.campos import DialogoComCampos
from pacto.tui.documentos import avisar_lote, pasta_de_saida, perguntar_substituir
from pacto.tui.texto import TabelaLiteral, marcado

MARCAS = {"ok": "✔ Em dia", "pendente": "! Pendente", "nao_se_aplica": "– Não se aplica"}


class FormNotaChecklist(DialogoComCampos, ModalScreen[tuple[str, str] | None]):
    """Note and responsible institution for a checklist item."""

    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "salvar", "Salvar", priority=True),
    ]

    def __init__(self, linha: LinhaChecklist, sigla: str):
        super().__init__()
        self.linha = linha
        self.sigla = sigla

    def compose(self) -> ComposeResult:
        nota = self.linha.resposta.nota if self.linha.resposta else ""
        with Vertical(classes="formulario"):
            yield Label(marcado("[b]$texto[/b]", texto=self.linha.item.texto))
            yield Input(nota, placeholder="Observação", id="check-nota")
            yield Input(
                self.sigla, placeholder="Sigla da instituição responsável", id="check-sigla"
            )
            yield Static(id="check-erro", classes="erro")
            with Horizontal(classes="botoes"):
                yield Button("Salvar (Ctrl+S)", variant="primary", id="check-salvar")
                yield Button("Cancelar (Esc)", id="check-cancelar")

    @on(Button.Pressed, "#check-salvar")
    @on(Input.Submitted)
    def action_salvar(self) -> None:
        """Return note and acronym; an unknown acronym keeps the form open, the note typed."""
        sigla = self.query_one("#check-sigla", Input).value
        if sigla.strip() and self.app.ws.instituicao_por_sigla(sigla) is None:
            self.query_one("#check-erro", Static).update(
                marcado("Nenhuma instituição com a sigla “$sigla”.", sigla=sigla)
            )
            self.query_one("#check-sigla", Input).focus()
            return
        self.dismiss((self.query_one("#check-nota", Input).value, sigla))

    @on(Button.Pressed, "#check-cancelar")
    def action_cancelar(self) -> None:
        self.fechar_sem_salvar()


class AlinhamentoSecao(Vertical):
    """Checklist of a month: derived items first, then the model's; months kept and browsable."""

    FOCO_INICIAL = "#check-tabela"
    BINDINGS = [
        Binding("o", "responder('ok')", "Em dia"),
        Binding("p", "responder('pendente')", "Pendente"),
        Binding("x", "responder('nao_se_aplica')", "Não se aplica"),
        Binding("a", "anotar", "Observação"),
        Binding("left_square_bracket", "mudar_mes(-1)", "Mês anterior"),
        Binding("right_square_bracket", "mudar_mes(1)", "Mês seguinte"),
        Binding("m", "preparar_mes", "Preparar reunião do mês"),
    ]

    class PacotePronto(Message):
        """The month's meeting exists and its documents were written."""

        def __init__(self, pacote: PacoteMensal):
            super().__init__()
            self.pacote = pacote

    class PacoteExistentes(Message):
        """Preparing would replace files edited since pacto wrote them: ask first."""

        def __init__(self, mes: str, saida, arquivos: list):
            super().__init__()
            self.mes, self.saida, self.arquivos = mes, saida, arquivos

    class PacoteFalhou(Message):
        """Preparing the month's meeting stopped with a message for the user."""

        def __init__(self, mensagem: str):
            super().__init__()
            self.mensagem = mensagem

    def compose(self) -> ComposeResult:
        yield Static(id="check-cabecalho")
        tabela = TabelaLiteral(id="check-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("Situação", "Item", "Pendente desde")
        yield tabela
        yield Static(id="check-detalhe")

    def on_mount(self) -> None:
        self.mes = mes_de(self.app.hoje or date.today())

    def mostrar(self, rc: RedeCompleta | None = None) -> None:
        """Recompute the month's checklist and redraw."""
        if not hasattr(self, "mes"):
            self.mes = mes_de(self.app.hoje or date.today())
        self._rc = rc or self.app.ws.carregar()
        self.linhas = checklist_do_mes(self.app.ws, self.mes, self.app.hoje)
        tabela = self.query_one("#check-tabela", DataTable)
        cursor = tabela.cursor_row
        tabela.clear()
        for linha in self.linhas:
            situacao = MARCAS[linha.resposta.situacao] if linha.resposta else "· sem resposta"
            item = ("▸ " if linha.item.derivado else "") + linha.item.texto
            desde = linha.pendente_desde
            tabela.add_row(
                situacao, item, f"{desde[5:]}/{desde[:4]}" if desde else "", key=linha.item.chave
            )
        if tabela.row_count:
            tabela.move_cursor(row=min(cursor, tabela.row_count - 1))
        respondidos = sum(1 for li in self.linhas if li.resposta)
        self.query_one("#check-cabecalho", Static).update(
            f"[b]Checklist de {nome_mes(self.mes)}[/b] · {respondidos} de {len(self.linhas)} respondidos · "
            "[b]o[/b] em dia  [b]p[/b] pendente  [b]x[/b] não se aplica  [b]a[/b] observação  "
            "[b]\\[ ][/b] mês  [b]m[/b] preparar a reunião do mês"
        )
        self._detalhar()

    @on(DataTable.RowHighlighted, "#check-tabela")
    def _detalhar(self) -> None:
        linha = self._atual()
        if linha is None:
            return
        texto = Text(linha.item.texto, style="bold")
        if linha.item.derivado:
            texto.append("\nCalculado a partir do que está registrado no pacto.", style="italic")
        if linha.resposta:
            texto.append(f"\n{SITUACOES[linha.resposta.situacao]}")
            if linha.resposta.nota:
                texto.append(f" — {linha.resposta.nota}")
            if linha.resposta.instituicao_id:
                inst = self._rc.instituicao_por_id.get(linha.resposta.instituicao_id)
                texto.append(f"\nResponsável: {inst.sigla if inst else '—'}")
        self.query_one("#check-detalhe", Static).update(texto)

    def _atual(self) -> LinhaChecklist | None:
        tabela = self.query_one("#check-tabela", DataTable)
        linhas = getattr(self, "linhas", [])
        return linhas[tabela.cursor_row] if linhas and tabela.cursor_row < len(linhas) else None

    def _gravar(self, linha: LinhaChecklist, situacao: str, nota: str, inst_id: int | None) -> bool:
        try:
            self.app.ws.responder_checklist(
                RespostaChecklist(self.mes, linha.item.chave, situacao, nota, inst_id)
            )
        except PactoErro as erro:
            self.app.notify(erro.mensagem, severity="error")
            return False
        return True

    def action_responder(self, situacao: str) -> None:
        """Answer the highlighted item and move to the next."""
        linha = self._atual()
        if linha is None:
            return
        anterior = linha.resposta
        nota = anterior.nota if anterior else ""
        inst = anterior.instituicao_id if anterior else None
        if self._gravar(linha, situacao, nota, inst):
            tabela = self.query_one("#check-tabela", DataTable)
            proxima = min(tabela.cursor_row + 1, tabela.row_count - 1)
            self.mostrar(self._rc)
            tabela.move_cursor(row=proxima)

    def action_anotar(self) -> None:
        """Add a note and the responsible institution to the highlighted item."""
        linha = self._atual()
        if linha is None:
            return
        inst_id = linha.resposta.instituicao_id if linha.resposta else None
        inst = self._rc.instituicao_por_id.get(inst_id) if inst_id else None

        def salvar(valores: tuple[str, str] | None) -> None:
            if valores is None:
                return
            nota, sigla = valores
            escolhida = self.app.ws.instituicao_por_sigla(sigla) if sigla.strip() else None
            if sigla.strip() and escolhida is None:
                self.app.notify(f"Nenhuma instituição com a sigla “{sigla}”.", severity="error")
                return
            situacao = linha.resposta.situacao if linha.resposta else "pendente"
            if self._gravar(linha, situacao, nota, escolhida.id if escolhida else None):
                self.mostrar(self._rc)

        self.app.push_screen(FormNotaChecklist(linha, inst.sigla if inst else ""), salvar)

    def action_mudar_mes(self, passo: int) -> None:
        """Browse to the previous or next month."""
        if passo < 0:
            self.mes = meses_ate(self.mes, 2)[0]
        else:
            ano, numero = int(self.mes[:4]), int(self.mes[5:7]) + 1
            self.mes = f"{ano + numero // 13:04d}-{(numero - 1) % 12 + 1:02d}"
        self.mostrar(self._rc)

    # -- the month's meeting pack -----------------------------------------------------

    def action_preparar_mes(self) -> None:
        """Create the month's alignment meeting and write its pauta, list and blank checklist."""
        if getattr(self, "_preparando", False):
            self.app.notify("Aguarde: a reunião do mês ainda está sendo preparada.")
            return
        self._preparando = True
        self.app.notify(f"Preparando a reunião de alinhamento de {nome_mes(self.mes)}…")
        self._preparar(self.mes, pasta_de_saida(self.app))

    @work(thread=True, exclusive=True, group="preparar-mes")
    def _preparar(self, mes: str, saida, sobrescrever: bool = False) -> None:
        """Same as `pacto mensal preparar`, with a connection of its own; only posts messages."""
        from pacto.services.documentos.modelos import pasta_escolhida

        try:
            with self.app.ws.irma() as ws:
                pacote = preparar_mes(
                    ws,
                    mes,
                    saida,
                    hoje=self.app.hoje,
                    pasta_modelos=pasta_escolhida(ws),
                    sobrescrever=sobrescrever,
                )
        except ArquivoExistente as erro:
            self.post_message(self.PacoteExistentes(mes, saida, erro.arquivos))
        except PactoErro as erro:
            self.post_message(self.PacoteFalhou(erro.mensagem))
        except Exception as erro:  # never let it take the interface down
            self.post_message(self.PacoteFalhou(f"Erro inesperado: {erro}"))
        else:
            self.post_message(self.PacotePronto(pacote))

    @on(PacotePronto)
    def _pacote_pronto(self, mensagem: PacotePronto) -> None:
        self._preparando = False
        self.app.notify(mensagem.pacote.resumo, title="Reunião do mês", markup=False, timeout=12)
        avisar_lote(self.app, mensagem.pacote.lote)
        self.app.action_recarregar()

    @on(PacoteExistentes)
    def _pacote_existentes(self, mensagem: PacoteExistentes) -> None:
        self._preparando = False

        def substituir() -> None:
            self._preparando = True
            self._preparar(mensagem.mes, mensagem.saida, True)

        perguntar_substituir(self.app, mensagem.arquivos, substituir)

    @on(PacoteFalhou)
    def _pacote_falhou(self, mensagem: PacoteFalhou) -> None:
        self._preparando = False
        self.app.notify(
            mensagem.mensagem, title="Reunião do mês não preparada", severity="error", markup=False
        )
