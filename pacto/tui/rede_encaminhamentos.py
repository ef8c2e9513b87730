"""Rede › Encaminhamentos: who passes a case to whom, under which condition, within which deadline."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input, Static

from pacto.domain.lanes import SETA
from pacto.domain.models import Encaminhamento
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao, plural
from pacto.tui.formularios import Confirmacao
from pacto.tui.formularios_rede import FormEncaminhamento
from pacto.tui.rede_comum import AbaRede, LinhasBuscaveis, chave_do_cursor
from pacto.tui.texto import TabelaLiteral

LARGURA_CONDICAO = 50


class EncaminhamentosAba(AbaRede):
    """The referrals of the network, searchable; n/e/x add, edit and remove them."""

    TITULO = "Encaminhamentos"
    TABELA = "#enc-tabela"
    BUSCA = "#enc-busca"
    BINDINGS = [
        Binding("n", "novo", "Novo"),
        Binding("e", "editar", "Editar"),
        Binding("x,delete", "remover", "Remover"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._linhas = LinhasBuscaveis()
        self._por_id: dict[int, Encaminhamento] = {}

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Buscar por instituição, condição ou prazo…", id="enc-busca")
        tabela = TabelaLiteral(id="enc-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("De", "", "Para", "Prazo", "Condição")
        yield tabela
        with VerticalScroll(id="enc-detalhe-rolagem"):
            yield Static(id="enc-detalhe")

    def desenhar(self, rc: RedeCompleta) -> None:
        """List every referral by origin, then destination."""
        por_id = rc.instituicao_por_id
        varios_fluxos = len(rc.fluxos) > 1
        nomes_fluxos = {f.id: f.nome for f in rc.fluxos}
        self._por_id = {e.id: e for e in rc.encaminhamentos}
        self._linhas = LinhasBuscaveis()
        ordenados = sorted(
            rc.encaminhamentos,
            key=lambda e: (
                chave_comparacao(por_id[e.origem_id].sigla),
                chave_comparacao(por_id[e.destino_id].sigla),
            ),
        )
        for enc in ordenados:
            origem, destino = por_id[enc.origem_id], por_id[enc.destino_id]
            condicao = " ".join(enc.condicao.split())
            if len(condicao) > LARGURA_CONDICAO:
                condicao = condicao[: LARGURA_CONDICAO - 1] + "…"
            celulas = (origem.sigla, SETA, destino.sigla, enc.prazo or "—", condicao or "—")
            extra = nomes_fluxos.get(enc.fluxo_id, "") if varios_fluxos else ""
            self._linhas.adicionar(
                str(enc.id), celulas, origem.nome, destino.nome, enc.condicao, extra
            )
        self._filtrar(self.query_one("#enc-busca", Input).value)

    @on(Input.Changed, "#enc-busca")
    def _ao_buscar(self, evento: Input.Changed) -> None:
        if self.rc is not None:
            self._filtrar(evento.value)

    @on(Input.Submitted, "#enc-busca")
    def _ir_para_tabela(self) -> None:
        self.query_one("#enc-tabela", DataTable).focus()

    def _filtrar(self, termo: str) -> None:
        self.carga.encher(self._linhas.filtrar(termo))
        self.resumir(
            f"{self.carga.total} de "
            f"{plural(len(self._linhas), 'encaminhamento', 'encaminhamentos')}"
        )
        self._detalhar()

    @on(DataTable.RowHighlighted, "#enc-tabela")
    def _ao_destacar(self) -> None:
        self.detalhar_quando_parar(self._detalhar)

    @on(DataTable.RowSelected, "#enc-tabela")
    def _ao_escolher(self) -> None:
        self.action_editar()

    def _atual(self, avisar: bool = True) -> Encaminhamento | None:
        chave = chave_do_cursor(self.query_one("#enc-tabela", DataTable))
        if chave is None or self.rc is None:
            if avisar:
                self.notify("Nenhum encaminhamento selecionado.", severity="warning")
            return None
        return self._por_id.get(int(chave))

    def _detalhar(self) -> None:
        detalhe = self.query_one("#enc-detalhe", Static)
        enc = self._atual(avisar=False)
        if enc is None:
            if self.rc is not None and len(self.rc.instituicoes) < 2:
                detalhe.update(
                    "Nenhum encaminhamento. Um encaminhamento liga duas instituições: "
                    "cadastre-as primeiro na aba Atores (tecla a)."
                )
            else:
                detalhe.update("Nenhum encaminhamento. Tecle n para cadastrar.")
            return
        por_id = self.rc.instituicao_por_id
        texto = Text()
        texto.append(
            f"{por_id[enc.origem_id].rotulo} {SETA} {por_id[enc.destino_id].rotulo}\n",
            style="bold",
        )
        texto.append(f"Prazo: {enc.prazo or 'não definido'}\n")
        texto.append(f"Condição: {enc.condicao or 'não definida'}")
        detalhe.update(texto)

    # -- actions ------------------------------------------------------------

    def _fluxo_padrao(self) -> int | None:
        return self.rc.fluxos[0].id if self.rc and self.rc.fluxos else None

    def _abrir(
        self,
        enc: Encaminhamento | None,
        origem_id: int | None = None,
        fluxo_id: int | None = None,
    ) -> None:
        fluxo_id = enc.fluxo_id if enc else fluxo_id or self._fluxo_padrao()
        if fluxo_id is None:
            self.notify("A rede não tem fluxo cadastrado.", severity="error")
            return
        instituicoes = sorted(self.rc.instituicoes, key=lambda i: chave_comparacao(i.sigla))

        def depois(salvo: Encaminhamento | None) -> None:
            if salvo is None:
                return
            origem = self.rc.instituicao_por_id[salvo.origem_id].sigla
            destino = self.rc.instituicao_por_id[salvo.destino_id].sigla
            self.ao_salvar(salvo, f"Encaminhamento {origem} {SETA} {destino} salvo.")
            if not self.carga.marcar(str(salvo.id)):
                busca = self.query_one("#enc-busca", Input)
                with busca.prevent(Input.Changed):
                    busca.value = ""
                self._filtrar("")
                self.carga.marcar(str(salvo.id))

        self.app.push_screen(
            FormEncaminhamento(
                self.app.ws.salvar_encaminhamento,
                instituicoes,
                fluxo_id,
                enc=replace(enc) if enc else None,
                origem_id=origem_id,
                fluxos=self.rc.fluxos,
            ),
            depois,
        )

    def action_novo(self) -> None:
        """Open the form for a new referral, from the highlighted referral's origin."""
        if self.rc is None:
            return
        if len(self.rc.instituicoes) < 2:
            self.notify("Cadastre ao menos duas instituições em Atores.", severity="warning")
            return
        atual = self._atual(avisar=False)
        self._abrir(None, atual.origem_id if atual else None, atual.fluxo_id if atual else None)

    def action_editar(self) -> None:
        """Edit the highlighted referral."""
        enc = self._atual()
        if enc is not None:
            self._abrir(enc)

    def action_remover(self) -> None:
        """Ask, then remove the highlighted referral."""
        enc = self._atual()
        if enc is None:
            return
        por_id = self.rc.instituicao_por_id
        rotulo = f"{por_id[enc.origem_id].sigla} {SETA} {por_id[enc.destino_id].sigla}"

        def responder(sim: bool | None) -> None:
            if sim:
                self.gravar(
                    lambda: self.app.ws.remover_encaminhamento(enc.id, original=enc),
                    f"Encaminhamento {rotulo} removido.",
                )

        detalhe = f"\nCondição: {enc.condicao}" if enc.condicao else ""
        self.app.push_screen(
            Confirmacao(
                "Remover encaminhamento?",
                f"{rotulo}{f' ({enc.prazo})' if enc.prazo else ''}{detalhe}",
            ),
            responder,
        )
