"""Rede › Atores: the searchable table of institutions, with forms to add, edit and remove them."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input, Static

from pacto.domain.network import RedeCompleta
from pacto.domain.text import o_que_vai_junto, plural
from pacto.tui.formularios import Confirmacao
from pacto.tui.formularios_rede import FormInstituicao
from pacto.tui.rede_comum import AbaRede, LinhasBuscaveis, atualizar_detalhe, chave_do_cursor
from pacto.tui.texto import TabelaLiteral


class AtoresAba(AbaRede):
    """Institutions of the network; type to filter, move to see details, n/e/x to change them."""

    TITULO = "Atores"
    TABELA = "#rede-tabela"
    BUSCA = "#rede-busca"
    BINDINGS = [
        Binding("n", "nova", "Nova"),
        Binding("e", "editar", "Editar"),
        Binding("x,delete", "remover", "Remover"),
        Binding("h", "historico", "Histórico"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._linhas = LinhasBuscaveis()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Buscar por nome, sigla, etapa ou ponto focal…", id="rede-busca")
        tabela = TabelaLiteral(id="rede-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("Sigla", "Instituição", "Etapas", "Ponto focal titular", "Contato")
        yield tabela
        with VerticalScroll(id="rede-detalhe-rolagem"):
            yield Static(id="rede-detalhe")

    def desenhar(self, rc: RedeCompleta) -> None:
        """Rebuild the rows from the snapshot, keeping the filter and the cursor."""
        self._linhas = LinhasBuscaveis()
        for inst in rc.instituicoes:
            titular = rc.titular(inst.id)
            etapas = rc.siglas_etapas(inst.id) or "—"
            contato = inst.telefone or inst.email or inst.site or "—"
            celulas = (inst.sigla, inst.nome, etapas, titular.nome if titular else "—", contato)
            self._linhas.adicionar(
                str(inst.id),
                celulas,
                *(p.nome for p in rc.pontos_por_instituicao.get(inst.id, [])),
                *(e.nome for e in rc.etapas_por_instituicao.get(inst.id, [])),
            )
        self._filtrar(self.query_one("#rede-busca", Input).value)

    @on(Input.Changed, "#rede-busca")
    def _ao_buscar(self, evento: Input.Changed) -> None:
        if self.rc is not None:
            self._filtrar(evento.value)

    @on(Input.Submitted, "#rede-busca")
    def _ir_para_tabela(self) -> None:
        self.query_one("#rede-tabela", DataTable).focus()

    def _filtrar(self, termo: str) -> None:
        tabela = self.query_one("#rede-tabela", DataTable)
        self.carga.encher(self._linhas.filtrar(termo))
        total = len(self._linhas)
        self.resumir(f"{self.carga.total} de {plural(total, 'instituição', 'instituições')}")
        chave = chave_do_cursor(tabela)
        if chave is not None:
            self._detalhar(int(chave))
        else:
            vazio = "Nenhuma instituição encontrada." if total else "Nenhuma instituição ainda."
            atualizar_detalhe(
                self.query_one("#rede-detalhe", Static), f"{vazio} Tecle n para cadastrar."
            )

    @on(DataTable.RowHighlighted, "#rede-tabela")
    def _ao_destacar(self, evento: DataTable.RowHighlighted) -> None:
        if evento.row_key and evento.row_key.value:
            inst_id = int(evento.row_key.value)
            self.detalhar_quando_parar(lambda: self._detalhar(inst_id))

    @on(DataTable.RowSelected, "#rede-tabela")
    def _ao_escolher(self) -> None:
        self.action_editar()

    def _detalhar(self, inst_id: int) -> None:
        rc = self.rc
        inst = rc.instituicao_por_id.get(inst_id)
        if inst is None:
            return
        texto = Text()
        texto.append(f"{inst.nome} ({inst.sigla})\n", style="bold")
        if inst.papel == "apoio":
            texto.append("Ponto de apoio: mapeado, fora do fluxo final\n")
        if not inst.personalidade_juridica:
            texto.append("Sem personalidade jurídica: não assina Termo de Adesão\n")
        contatos = inst.formas_de_contato()
        texto.append(
            "Contato: " + (" · ".join(contatos) if contatos else "nenhum registrado") + "\n"
        )
        if inst.horario:
            texto.append(f"Horário: {inst.horario}\n")
        pontos = rc.pontos_por_instituicao.get(inst_id, [])
        if not pontos:
            texto.append("Pontos focais: nenhum registrado\n")
        for ponto in pontos:
            confirmado = (
                ponto.confirmado_em.strftime("%d/%m/%Y") if ponto.confirmado_em else "nunca"
            )
            contato = " · ".join(x for x in (ponto.telefone, ponto.email) if x)
            texto.append(
                f"Ponto focal {ponto.papel}: {ponto.nome}"
                f"{', ' + ponto.cargo if ponto.cargo else ''}"
                f"{' — ' + contato if contato else ''} (confirmado: {confirmado})\n"
            )
        for atr in rc.atribuicoes_de(inst_id):
            etapa = rc.etapa_por_id[atr.etapa_id]
            texto.append(f"\n{etapa.nome}: ", style="bold")
            texto.append(atr.texto)
        atualizar_detalhe(self.query_one("#rede-detalhe", Static), texto)

    # -- actions ------------------------------------------------------------

    def _atual(self):
        chave = chave_do_cursor(self.query_one("#rede-tabela", DataTable))
        if chave is None or self.rc is None:
            self.notify("Nenhuma instituição selecionada.", severity="warning")
            return None
        return self.rc.instituicao_por_id[int(chave)]

    def action_historico(self) -> None:
        """Show who changed the highlighted institution, when, and what."""
        inst = self._atual()
        if inst is not None:
            self.app.action_historico(inst.sigla)

    def action_nova(self) -> None:
        """Open the form for a new institution."""

        def depois(inst) -> None:
            if inst is not None:
                self.ao_salvar(inst, f"Instituição {inst.sigla} cadastrada.")
                self._mostrar_registro(inst.id)

        self.app.push_screen(FormInstituicao(self.app.ws.salvar_instituicao), depois)

    def action_editar(self) -> None:
        """Open the form with the highlighted institution."""
        inst = self._atual()
        if inst is None:
            return
        self.app.push_screen(
            FormInstituicao(self.app.ws.salvar_instituicao, replace(inst)),
            lambda salvo: self.ao_salvar(salvo, f"Instituição {inst.sigla} atualizada."),
        )

    def action_remover(self) -> None:
        """Ask, saying what goes along, then remove the highlighted institution."""
        inst = self._atual()
        if inst is None:
            return
        dep = self.app.ws.dependencias_da_instituicao(inst.id)
        mensagem = Text()
        mensagem.append(f"{inst.rotulo}\n\n", style="bold")
        for frase in o_que_vai_junto(dep):
            mensagem.append(frase + "\n")
        if self.rc.rede.coordenacao_id == inst.id:
            mensagem.append("Ela coordena a rede: a rede ficará sem coordenação.\n")
        mensagem.append("\nEsta ação não pode ser desfeita.")

        def responder(sim: bool | None) -> None:
            if sim:
                self.gravar(
                    lambda: self.app.ws.remover_instituicao(inst.id, original=inst),
                    f"Instituição {inst.sigla} removida.",
                )

        self.app.push_screen(Confirmacao("Remover instituição?", mensagem), responder)

    def _mostrar_registro(self, inst_id: int) -> None:
        """Put the cursor on a just-saved institution, clearing a search that would hide it."""
        if not self.carga.marcar(str(inst_id)):
            busca = self.query_one("#rede-busca", Input)
            with busca.prevent(Input.Changed):
                busca.value = ""
            self._filtrar("")
            self.carga.marcar(str(inst_id))
        self.query_one("#rede-tabela", DataTable).focus()
