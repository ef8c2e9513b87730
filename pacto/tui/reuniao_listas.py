"""Lists opened from meeting mode: attendance check-in, open action items, and suggestions to decide."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from pacto.domain.calendario import formatar_data
from pacto.domain.errors import PactoErro
from pacto.domain.propostas import descrever_proposta
from pacto.domain.reunioes import (
    ASSUNTOS_SUGESTAO,
    DECISOES_SUGESTAO,
    Acao,
    Presenca,
    Reuniao,
    Sugestao,
)
from pacto.domain.text import chave_comparacao, plural
from pacto.services.reunioes import aplicar_sugestao
from pacto.tui.portugues import Rodape
from pacto.tui.reuniao_dialogos import CSS_REUNIOES, Confirmar
from pacto.tui.reuniao_forms import DadosPresenca, FormPresenca
from pacto.tui.sugestao_forms import DecisaoTomada, FormDecisao
from pacto.tui.texto import TabelaLiteral


class ListaModal(ModalScreen[None]):
    """A full-height list over meeting mode, with its keys in the footer; Esc goes back."""

    CSS_PATH = CSS_REUNIOES

    def action_voltar(self) -> None:
        self.dismiss(None)

    def erro(self, erro: PactoErro) -> None:
        self.app.notify(erro.mensagem, title="Não foi possível gravar", severity="error")

    def linha_atual(self) -> str | None:
        tabela = self.query_one(DataTable)
        if not tabela.row_count:
            return None
        return tabela.coordinate_to_cell_key(tabela.cursor_coordinate).row_key.value


class TelaPresenca(ListaModal):
    """Check institutions in with one key; walk-ins from unmapped institutions too."""

    BINDINGS = [
        Binding("space", "rapida", "Presente", key_display="Espaço"),
        Binding("enter", "registrar", "Nome e cargo", priority=True),
        Binding("a", "avulso", "Órgão não mapeado"),
        Binding("o", "outro", "Outro representante"),
        Binding("delete,x", "remover", "Remover"),
        Binding("escape", "voltar", "Voltar"),
    ]

    def __init__(self, reuniao: Reuniao):
        super().__init__()
        self.reuniao = reuniao
        self._presencas: list[Presenca] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="lista"):
            yield Static(id="lp-titulo", classes="titulo-lista")
            yield Input(placeholder="Filtrar por sigla ou nome…", id="lp-filtro")
            yield TabelaLiteral(id="lp-tabela", cursor_type="row", zebra_stripes=True)
        yield Rodape()

    def on_mount(self) -> None:
        tabela = self.query_one("#lp-tabela", DataTable)
        tabela.add_columns("", "Sigla", "Representante", "Instituição")
        self.recarregar()
        tabela.focus()

    def recarregar(self) -> None:
        ws = self.app.ws
        self._instituicoes = sorted(ws.instituicoes(), key=lambda i: i.sigla.casefold())
        self._presencas = ws.presencas(self.reuniao.id)
        self._filtrar(self.query_one("#lp-filtro", Input).value)

    @on(Input.Changed, "#lp-filtro")
    def _ao_filtrar(self, evento: Input.Changed) -> None:
        self._filtrar(evento.value)

    @on(Input.Submitted, "#lp-filtro")
    def _ir_para_tabela(self) -> None:
        self.query_one("#lp-tabela", DataTable).focus()

    def _filtrar(self, termo: str) -> None:
        tabela = self.query_one("#lp-tabela", DataTable)
        antes = self.linha_atual()
        tabela.clear()
        chave = chave_comparacao(termo)
        por_inst: dict[int, list[Presenca]] = {}
        for p in self._presencas:
            if p.instituicao_id is not None:
                por_inst.setdefault(p.instituicao_id, []).append(p)
        for inst in self._instituicoes:
            if chave and chave not in chave_comparacao(f"{inst.sigla} {inst.nome}"):
                continue
            presentes = por_inst.get(inst.id, [])
            quem = "; ".join(f"{p.nome}{', ' + p.cargo if p.cargo else ''}" for p in presentes)
            marca = Text("✔", style="bold") if presentes else Text("·")
            tabela.add_row(marca, inst.sigla, quem, inst.nome, key=f"i{inst.id}")
        for p in self._presencas:
            if p.instituicao_id is None and chave in chave_comparacao(p.organizacao):
                quem = f"{p.nome}{', ' + p.cargo if p.cargo else ''}"
                tabela.add_row(
                    Text("✔", style="bold"), "(avulso)", p.organizacao, quem, key=f"p{p.id}"
                )
        orgaos = len({p.instituicao_id or p.organizacao for p in self._presencas})
        self.query_one("#lp-titulo", Static).update(
            f"Presença — {self.reuniao.titulo}: "
            f"{plural(len(self._presencas), 'pessoa', 'pessoas')} de "
            f"{plural(orgaos, 'órgão', 'órgãos')} · {len(por_inst)} de "
            f"{len(self._instituicoes)} instituições da rede"
        )
        if antes:
            try:
                tabela.move_cursor(row=tabela.get_row_index(antes))
            except Exception:  # the row was filtered out
                pass

    def _selecao(self):
        """(institution or None, its check-ins or the walk-in's record)."""
        chave = self.linha_atual()
        if chave is None:
            return None, []
        if chave.startswith("p"):
            return None, [p for p in self._presencas if p.id == int(chave[1:])]
        inst = next(i for i in self._instituicoes if i.id == int(chave[1:]))
        return inst, [p for p in self._presencas if p.instituicao_id == inst.id]

    def _gravar(self, dados: DadosPresenca | None) -> None:
        if dados is None:
            return
        ws = self.app.ws
        try:
            with ws.transacao():
                if dados.nova_instituicao is not None:
                    inst = ws.salvar_instituicao(dados.nova_instituicao)
                    dados.presenca.instituicao_id = inst.id
                ws.registrar_presenca(dados.presenca)
        except PactoErro as erro:
            self.erro(erro)
            return
        self.recarregar()

    def _formulario(self, inst, presenca: Presenca | None = None, sugerir: bool = True) -> None:
        titular = self.app.ws.carregar().titular(inst.id) if inst and sugerir else None
        self.app.push_screen(
            FormPresenca(
                self.reuniao.id,
                inst,
                presenca,
                nome=titular.nome if titular else "",
                cargo=titular.cargo if titular else "",
            ),
            self._gravar,
        )

    def action_registrar(self) -> None:
        """Enter: check the institution in (form pre-filled with its titular) or edit the check-in."""
        if self.focused is self.query_one("#lp-filtro"):
            self._ir_para_tabela()
            return
        inst, presencas = self._selecao()
        if inst is None and not presencas:
            return
        self._formulario(inst, presencas[0] if presencas else None)

    def action_rapida(self) -> None:
        """Space: check in the institution's titular focal point without a form."""
        inst, presencas = self._selecao()
        if inst is None or presencas:
            return
        titular = self.app.ws.carregar().titular(inst.id)
        if titular is None:
            self._formulario(inst)
            return
        self._gravar(
            DadosPresenca(Presenca(self.reuniao.id, titular.nome, inst.id, cargo=titular.cargo))
        )

    def action_outro(self) -> None:
        inst, _ = self._selecao()
        if inst is not None:
            self._formulario(inst, sugerir=False)

    def action_avulso(self) -> None:
        self.app.push_screen(FormPresenca(self.reuniao.id), self._gravar)

    def action_remover(self) -> None:
        inst, presencas = self._selecao()
        if not presencas:
            return
        nomes = ", ".join(p.nome for p in presencas)

        def remover(sim: bool | None) -> None:
            if sim:
                for p in presencas:
                    self.app.ws.remover_presenca(p.id)
                self.recarregar()

        self.app.push_screen(Confirmar(f"Remover a presença de {nomes}?"), remover)


class TelaPendencias(ListaModal):
    """Open action items from earlier meetings, shown when a meeting starts."""

    BINDINGS = [
        # priority: the table would otherwise take Enter, and the hint promises it continues
        Binding("escape,enter", "voltar", "Continuar", priority=True),
        Binding("c", "concluir", "Concluída"),
        Binding("x", "cancelar", "Cancelar ação"),
    ]

    def __init__(self, acoes: list[Acao], hoje: date):
        super().__init__()
        self.acoes, self.hoje = acoes, hoje

    def compose(self) -> ComposeResult:
        with Vertical(classes="lista"):
            yield Static(
                f"Pendências de reuniões anteriores ({plural(len(self.acoes), 'ação', 'ações')} em aberto)",
                classes="titulo-lista",
            )
            yield TabelaLiteral(id="pd-tabela", cursor_type="row", zebra_stripes=True)
            yield Static(id="pd-detalhe", classes="detalhe")
            yield Static(
                "c marca como concluída · x cancela · Enter ou Esc segue para a pauta",
                classes="nota",
            )
        yield Rodape()

    def on_mount(self) -> None:
        tabela = self.query_one("#pd-tabela", DataTable)
        tabela.add_columns("", "Prazo", "Responsável", "Ação")
        self._preencher()
        tabela.focus()

    def _preencher(self) -> None:
        tabela = self.query_one("#pd-tabela", DataTable)
        linha = tabela.cursor_row
        tabela.clear()
        for a in self.acoes:
            if a.situacao == "concluida":
                marca = Text("✔ concluída")
            elif a.situacao == "cancelada":
                marca = Text("× cancelada")
            elif a.atrasada(self.hoje):
                marca = Text("! atrasada", style="bold reverse")
            else:
                marca = Text("· aberta")
            tabela.add_row(marca, formatar_data(a.prazo), a.responsavel, a.descricao, key=str(a.id))
        if tabela.row_count:
            tabela.move_cursor(row=min(linha, tabela.row_count - 1))
        self._detalhar()

    @on(DataTable.RowHighlighted, "#pd-tabela")
    def _detalhar(self) -> None:
        """The highlighted action in full: the table cuts long descriptions at 80 columns."""
        chave = self.linha_atual()
        acao = next((a for a in self.acoes if str(a.id) == chave), None)
        texto = Text()
        if acao is not None:
            texto.append(f"{acao.responsavel}", "bold")
            if acao.prazo:
                texto.append(f" · prazo {formatar_data(acao.prazo)}")
            texto.append(f"\n{acao.descricao}")
        self.query_one("#pd-detalhe", Static).update(texto)

    def _mudar(self, situacao: str) -> None:
        chave = self.linha_atual()
        if chave is None:
            return
        try:
            nova = self.app.ws.definir_situacao_acao(int(chave), situacao, self.hoje)
        except PactoErro as erro:
            self.erro(erro)
            return
        self.acoes = [nova if a.id == nova.id else a for a in self.acoes]
        self._preencher()

    def action_concluir(self) -> None:
        self._mudar("concluida")

    def action_cancelar(self) -> None:
        def cancelar(sim: bool | None) -> None:
            if sim:
                self._mudar("cancelada")

        self.app.push_screen(Confirmar("Cancelar esta ação? Ela deixa de ser cobrada."), cancelar)


class TelaSugestoes(ListaModal):
    """Suggestions of this meeting, every one still undecided and those decided today:
    decide them, and apply accepted ones to the flow."""

    BINDINGS = [
        Binding("escape", "voltar", "Voltar"),
        Binding("d,enter", "decidir", "Decidir", priority=True),
        Binding("a", "aplicar", "Aplicar ao fluxo"),
    ]

    def __init__(self, reuniao: Reuniao, hoje: date):
        super().__init__()
        self.reuniao, self.hoje = reuniao, hoje

    def compose(self) -> ComposeResult:
        with Vertical(classes="lista"):
            yield Static("Sugestões ao fluxo", classes="titulo-lista")
            yield TabelaLiteral(id="sg-tabela", cursor_type="row", zebra_stripes=True)
            yield Static(id="sg-detalhe", classes="detalhe")
        yield Rodape()

    def on_mount(self) -> None:
        tabela = self.query_one("#sg-tabela", DataTable)
        tabela.add_columns("Nº", "Decisão", "Autor", "Assunto", "Sugestão")
        self.recarregar()
        tabela.focus()

    def recarregar(self) -> None:
        self.rc = self.app.ws.carregar()
        self.sugestoes: list[Sugestao] = [
            s
            for s in self.rc.sugestoes
            if s.reuniao_id == self.reuniao.id or s.pendente or s.decidida_em == self.hoje
        ]
        tabela = self.query_one("#sg-tabela", DataTable)
        linha = tabela.cursor_row
        tabela.clear()
        for s in self.sugestoes:
            decisao = DECISOES_SUGESTAO.get(s.decisao, "Pendente")
            if s.aplicada_em:
                decisao += " ✔ aplicada"
            elif s.aplicavel:
                decisao += " · a aplicar"
            tabela.add_row(
                str(s.id), decisao, s.autor, ASSUNTOS_SUGESTAO[s.assunto], s.texto, key=str(s.id)
            )
        if tabela.row_count:
            tabela.move_cursor(row=min(linha, tabela.row_count - 1))
        self._detalhar()

    @on(DataTable.RowHighlighted, "#sg-tabela")
    def _detalhar(self) -> None:
        s = self._atual()
        texto = Text()
        if s is not None:
            texto.append(f"{s.autor} — {s.referencia or ASSUNTOS_SUGESTAO[s.assunto]}\n", "bold")
            texto.append(s.texto + "\n")
            if s.proposta:
                texto.append(f"Alteração proposta: {descrever_proposta(s.proposta, self.rc)}\n")
            if s.justificativa:
                texto.append(f"Justificativa: {s.justificativa}\n")
        self.query_one("#sg-detalhe", Static).update(texto)

    def _atual(self) -> Sugestao | None:
        chave = self.linha_atual()
        return next((s for s in self.sugestoes if str(s.id) == chave), None)

    def action_decidir(self) -> None:
        s = self._atual()
        if s is None:
            return
        if s.aplicada_em:
            self.app.notify("Esta sugestão já foi aplicada ao fluxo.")
            return
        self.app.push_screen(FormDecisao(s, self.rc), lambda d: self._decidir(s, d))

    def _decidir(self, s: Sugestao, decisao: DecisaoTomada | None) -> None:
        if decisao is None:
            return
        ws = self.app.ws
        try:
            with ws.transacao():
                ws.decidir_sugestao(
                    s.id, decisao.decisao, decisao.justificativa, decisao.proposta, self.hoje
                )
                if decisao.aplicar and decisao.proposta:
                    feito = aplicar_sugestao(ws, s.id, self.hoje)
                    self.app.notify(feito, title="Aplicada ao fluxo")
        except PactoErro as erro:
            self.erro(erro)
        self.recarregar()

    def action_aplicar(self) -> None:
        s = self._atual()
        if s is None:
            return
        if not s.aplicavel:
            self.app.notify(
                "Só uma sugestão acolhida, com alteração estruturada e ainda não aplicada, "
                "vai ao fluxo em um passo.",
                severity="warning",
            )
            return
        try:
            feito = aplicar_sugestao(self.app.ws, s.id, self.hoje)
        except PactoErro as erro:
            self.erro(erro)
            return
        self.app.notify(feito, title="Aplicada ao fluxo")
        self.recarregar()
