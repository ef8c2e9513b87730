"""The Reuniões section: the pact's meetings, with what each recorded, and the way into meeting mode."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from pacto.domain.calendario import formatar_data, formatar_hora
from pacto.domain.errors import ErroConflito, PactoErro
from pacto.domain.network import RedeCompleta
from pacto.domain.reunioes import (
    MODALIDADES,
    SITUACOES_ACAO,
    SITUACOES_REUNIAO,
    TIPOS_REUNIAO,
    ordenar_reunioes,
    proxima_reuniao,
)
from pacto.domain.text import plural
from pacto.services.feriados import alerta as alerta_da_rede
from pacto.tui.conflito import GRAVAR, MANTER, DialogoConflito, diferencas
from pacto.tui.reuniao_dialogos import Confirmar
from pacto.tui.reuniao_forms import DadosReuniao, FormReuniao
from pacto.tui.reuniao_modo import ModoReuniao
from pacto.tui.texto import TabelaLiteral

MARCAS = {"realizada": "✔", "cancelada": "×", "planejada": "·"}


def hoje_do_app(app: App) -> date:
    """The app's notion of today (tests pin it)."""
    return getattr(app, "hoje", None) or date.today()


def abrir_modo_reuniao(app: App, reuniao_id: int | None = None) -> None:
    """Open meeting mode on a meeting, or on today's or the next planned one."""
    if reuniao_id is None:
        reuniao = proxima_reuniao(app.ws.reunioes(), hoje_do_app(app))
        if reuniao is None:
            app.notify(
                "Nenhuma reunião planejada. Agende uma na seção 6 Reuniões (tecla n).",
                title="Modo reunião",
                severity="warning",
            )
            return
        reuniao_id = reuniao.id
    app.push_screen(ModoReuniao(reuniao_id, hoje_do_app(app)))


class ReunioesSecao(Vertical):
    """Meetings by date; Enter or F2 opens meeting mode on the highlighted one."""

    FOCO_INICIAL = "#reunioes-tabela"
    BINDINGS = [
        Binding("n", "nova", "Nova reunião"),
        Binding("e", "editar", "Editar"),
        Binding("f2", "abrir", "Modo reunião"),
        Binding("x", "cancelar", "Cancelar reunião"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rc: RedeCompleta | None = None

    def compose(self) -> ComposeResult:
        tabela = TabelaLiteral(id="reunioes-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("", "Data", "Reunião", "Ações", "Presença", "Situação", "Modalidade")
        yield tabela
        with VerticalScroll(id="reunioes-detalhe-rolagem"):
            yield Static(id="reunioes-detalhe")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Redraw the list from a fresh snapshot, keeping the highlighted meeting."""
        self._rc = rc
        hoje = hoje_do_app(self.app)
        tabela = self.query_one("#reunioes-tabela", DataTable)
        anterior = self._selecionada()
        tabela.clear()
        proxima = proxima_reuniao(rc.reunioes, hoje)
        for r in ordenar_reunioes(rc.reunioes):
            rcr = rc.reuniao_completa(r.id)
            abertas = [a for a in rcr.acoes if a.situacao == "aberta"]
            atrasadas = sum(a.atrasada(hoje) for a in abertas)
            acoes = plural(len(abertas), "aberta", "abertas") if rcr.acoes else "—"
            if atrasadas:
                acoes = f"{len(abertas)} ({plural(atrasadas, 'atrasada', 'atrasadas')})"
            marca = "▶" if proxima and r.id == proxima.id else MARCAS.get(r.situacao, "·")
            tabela.add_row(
                marca,
                f"{formatar_data(r.data)} {formatar_hora(r.hora)}".strip(),
                r.titulo,
                acoes,
                str(len(rcr.presencas)),
                SITUACOES_REUNIAO[r.situacao],
                MODALIDADES[r.modalidade],
                key=str(r.id),
            )
        self.border_title = f"Reuniões: {len(rc.reunioes)}"
        alvo = anterior or (proxima.id if proxima else None)
        if alvo is not None and tabela.row_count:
            tabela.move_cursor(row=tabela.get_row_index(str(alvo)))
        self._detalhar(self._selecionada())

    def _selecionada(self) -> int | None:
        tabela = self.query_one("#reunioes-tabela", DataTable)
        if not tabela.row_count:
            return None
        return int(tabela.coordinate_to_cell_key(tabela.cursor_coordinate).row_key.value)

    @on(DataTable.RowHighlighted, "#reunioes-tabela")
    def _ao_destacar(self, evento: DataTable.RowHighlighted) -> None:
        if evento.row_key and evento.row_key.value:
            self._detalhar(int(evento.row_key.value))

    @on(DataTable.RowSelected, "#reunioes-tabela")
    def _ao_escolher(self, evento: DataTable.RowSelected) -> None:
        self.action_abrir()

    def _detalhar(self, reuniao_id: int | None) -> None:
        detalhe = self.query_one("#reunioes-detalhe", Static)
        rcr = self._rc.reuniao_completa(reuniao_id) if self._rc and reuniao_id else None
        if rcr is None:
            detalhe.update(
                "Nenhuma reunião registrada.\n\nTecla n: agendar a 1ª reunião do GT. O GT "
                "desenha o fluxo inicial; depois vêm a reunião ampliada, a apresentação final e "
                "os alinhamentos mensais (cartilha, passo 5)."
            )
            return
        r, hoje = rcr.reuniao, hoje_do_app(self.app)
        texto = Text()
        texto.append(f"{r.titulo}\n", "bold")
        texto.append(
            f"{formatar_data(r.data)} {formatar_hora(r.hora)} · {MODALIDADES[r.modalidade]}"
            f" · {SITUACOES_REUNIAO[r.situacao]}\n"
        )
        if r.local:
            texto.append(f"Local: {r.local}\n")
        if r.presidente or r.secretario:
            texto.append(
                f"Presidência: {r.presidente or '—'} · Secretaria: {r.secretario or '—'}\n"
            )
        alerta = alerta_da_rede(self.app.ws, r.data)
        if alerta and r.situacao == "planejada":
            texto.append(f"! {alerta}\n", "bold")
        texto.append(f"\nPauta ({rcr.minutos_previstos} min)\n", "bold")
        for item in rcr.itens:
            marca = "✔" if item.concluido else "·"
            texto.append(f" {marca} {item.ordem} {item.titulo} ({item.minutos} min)\n")
        texto.append(
            f"\nPresença: {plural(len(rcr.presencas), 'pessoa', 'pessoas')} de "
            f"{plural(len(rcr.instituicoes_presentes()), 'instituição', 'instituições')}\n"
        )
        if rcr.deliberacoes:
            texto.append("\nDeliberações\n", "bold")
            for n, d in enumerate(rcr.deliberacoes, start=1):
                texto.append(f" {n}. {d.texto}\n")
        if rcr.acoes:
            texto.append("\nAções\n", "bold")
            for a in rcr.acoes:
                marca = "!" if a.atrasada(hoje) else ("✔" if a.situacao == "concluida" else "·")
                prazo = f" — prazo {formatar_data(a.prazo)}" if a.prazo else ""
                situacao = "atrasada" if a.atrasada(hoje) else SITUACOES_ACAO[a.situacao].lower()
                texto.append(f" {marca} {a.responsavel}: {a.descricao}{prazo} ({situacao})\n")
        if rcr.sugestoes:
            pendentes = sum(s.pendente for s in rcr.sugestoes)
            texto.append(
                f"\nSugestões: {len(rcr.sugestoes)}, {pendentes} a decidir (F8 no modo reunião)\n"
            )
        detalhe.update(texto)

    # -- actions ---------------------------------------------------------------------

    def action_abrir(self) -> None:
        """Open meeting mode on the highlighted meeting."""
        reuniao_id = self._selecionada()
        if reuniao_id is None:
            self.app.notify("Agende uma reunião antes (tecla n).", severity="warning")
            return
        abrir_modo_reuniao(self.app, reuniao_id)

    def _formulario(self, reuniao_id: int | None) -> None:
        ws = self.app.ws
        reunioes = ws.reunioes()
        reuniao = next((r for r in reunioes if r.id == reuniao_id), None)
        pauta = [(i.titulo, i.minutos) for i in ws.itens_pauta(reuniao_id)] if reuniao else []
        self._abrir_formulario(reuniao, pauta, reuniao, reunioes)

    def _abrir_formulario(self, reuniao, pauta, vista, reunioes) -> None:
        """The meeting form on `reuniao`; saving checks the meeting is still as `vista` was."""
        ws = self.app.ws
        proximos = {tipo: ws.proximo_numero_reuniao(tipo) for tipo in TIPOS_REUNIAO}
        em_uso = {(r.tipo, r.numero) for r in reunioes if r.situacao != "cancelada"}
        formulario = FormReuniao(reuniao, pauta, proximos, em_uso, hoje_do_app(self.app))
        self.app.push_screen(formulario, lambda dados: self._gravar(dados, vista))

    def _conflito(self, erro: ErroConflito, dados: DadosReuniao, vista) -> None:
        """Someone else changed the meeting: theirs next to mine, then keep, overwrite or edit."""
        nomes = {
            "tipo": {k: t.nome for k, t in TIPOS_REUNIAO.items()},
            "modalidade": MODALIDADES,
            "situacao": SITUACOES_REUNIAO,
        }

        def escolher(resposta: str | None) -> None:
            if resposta == MANTER:
                self.app.action_recarregar()
                self.app.notify("Mantida a versão da outra pessoa; a sua edição foi descartada.")
            elif resposta == GRAVAR:
                if erro.atual is None:  # removed meanwhile: schedule it again
                    dados.reuniao.id = None
                self._gravar(dados, erro.atual)
            else:  # back to the form, with my values
                self._abrir_formulario(dados.reuniao, dados.pauta, vista, self.app.ws.reunioes())

        linhas = diferencas(erro.atual, dados.reuniao, vista, nomes)
        self.app.push_screen(DialogoConflito(erro, linhas), escolher)

    def _gravar(self, dados: DadosReuniao | None, vista=None) -> None:
        if dados is None:
            return
        ws = self.app.ws
        try:
            with ws.transacao():
                if dados.reuniao.id is None:
                    reuniao = ws.criar_reuniao(dados.reuniao, dados.pauta)
                else:
                    reuniao = ws.salvar_reuniao(dados.reuniao, original=vista)
                    ws.redefinir_pauta(reuniao.id, dados.pauta)
        except ErroConflito as erro:
            self._conflito(erro, dados, vista)
            return
        except PactoErro as erro:
            self.app.notify(erro.mensagem, title="Reunião não gravada", severity="error")
            return
        self.app.notify(f"{reuniao.titulo} gravada.")
        alerta = alerta_da_rede(self.app.ws, reuniao.data)
        if alerta:
            self.app.notify(alerta, title="Atenção à data", severity="warning", timeout=8)
        self.app.action_recarregar()
        tabela = self.query_one("#reunioes-tabela", DataTable)
        tabela.move_cursor(row=tabela.get_row_index(str(reuniao.id)))

    def action_nova(self) -> None:
        self._formulario(None)

    def action_editar(self) -> None:
        reuniao_id = self._selecionada()
        if reuniao_id is not None:
            self._formulario(reuniao_id)

    def action_cancelar(self) -> None:
        reuniao_id = self._selecionada()
        if reuniao_id is None:
            return
        reuniao = self.app.ws.reuniao(reuniao_id)

        def cancelar(sim: bool | None) -> None:
            if sim:
                self.app.ws.definir_situacao_reuniao(reuniao_id, "cancelada")
                self.app.action_recarregar()

        self.app.push_screen(
            Confirmar(
                f"Cancelar a {reuniao.titulo} de {formatar_data(reuniao.data)}? "
                "O registro fica, marcado como cancelado."
            ),
            cancelar,
        )
