"""The Rede section: a searchable table of institutions with their stages, focal points and duties."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Input, Static

from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao
from pacto.tui.texto import TabelaLiteral


class RedeSecao(Vertical):
    """Institutions of the network; type to filter, move to see details."""

    FOCO_INICIAL = "#rede-tabela"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rc: RedeCompleta | None = None
        self._linhas: list[tuple[int, str, tuple]] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Buscar por nome, sigla, etapa ou ponto focal…", id="rede-busca")
        tabela = TabelaLiteral(id="rede-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("Sigla", "Instituição", "Etapas", "Ponto focal titular", "Contato")
        yield tabela
        with VerticalScroll(id="rede-detalhe-rolagem"):
            yield Static(id="rede-detalhe")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Load a fresh snapshot and redraw the table with the current filter."""
        self._rc = rc
        self._linhas = []
        for inst in rc.instituicoes:
            titular = rc.titular(inst.id)
            etapas = rc.siglas_etapas(inst.id) or "—"
            contato = inst.telefone or inst.email or inst.site or "—"
            celulas = (inst.sigla, inst.nome, etapas, titular.nome if titular else "—", contato)
            nomes_pontos = " ".join(p.nome for p in rc.pontos_por_instituicao.get(inst.id, []))
            etapas_nomes = " ".join(e.nome for e in rc.etapas_por_instituicao.get(inst.id, []))
            busca = chave_comparacao(" ".join((*celulas, nomes_pontos, etapas_nomes)))
            self._linhas.append((inst.id, busca, celulas))
        self._filtrar(self.query_one("#rede-busca", Input).value)

    @on(Input.Changed, "#rede-busca")
    def _ao_buscar(self, evento: Input.Changed) -> None:
        self._filtrar(evento.value)

    @on(Input.Submitted, "#rede-busca")
    def _ir_para_tabela(self) -> None:
        self.query_one("#rede-tabela", DataTable).focus()

    def _filtrar(self, termo: str) -> None:
        tabela = self.query_one("#rede-tabela", DataTable)
        tabela.clear()
        chave = chave_comparacao(termo)
        for inst_id, busca, celulas in self._linhas:
            if all(parte in busca for parte in chave.split()):
                tabela.add_row(*celulas, key=str(inst_id))
        total = len(self._linhas)
        self.border_title = f"Instituições: {tabela.row_count} de {total}"
        if tabela.row_count:
            self._detalhar(int(tabela.coordinate_to_cell_key((0, 0)).row_key.value))
        else:
            self.query_one("#rede-detalhe", Static).update("Nenhuma instituição encontrada.")

    @on(DataTable.RowHighlighted, "#rede-tabela")
    def _ao_destacar(self, evento: DataTable.RowHighlighted) -> None:
        if evento.row_key and evento.row_key.value:
            self._detalhar(int(evento.row_key.value))

    def _detalhar(self, inst_id: int) -> None:
        rc = self._rc
        inst = rc.instituicao_por_id[inst_id]
        texto = Text()
        texto.append(f"{inst.nome} ({inst.sigla})\n", style="bold")
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
        self.query_one("#rede-detalhe", Static).update(texto)
