"""Rede › Atribuições: the institutions × stages matrix of a flow, each duty edited in place."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Input, Select, Static

from pacto.domain.models import Etapa, Instituicao
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao, plural
from pacto.tui.campos import Lista
from pacto.tui.formularios import Confirmacao, EditorTexto
from pacto.tui.rede_comum import AbaRede
from pacto.tui.texto import TabelaLiteral, literal

MARCA = "●"
SEM_MARCA = "·"
LARGURA_PREVIA = 60


def _previa(texto: str) -> str:
    linha = " ".join(texto.split())
    return linha if len(linha) <= LARGURA_PREVIA else linha[: LARGURA_PREVIA - 1] + "…"


class AtribuicoesAba(AbaRede):
    """Rows are institutions, columns stage acronyms, ● where a duty exists; Enter edits a cell."""

    TITULO = "Atribuições"
    TABELA = "#atr-matriz"
    BUSCA = "#atr-busca"
    BINDINGS = [
        Binding("e", "editar", "Editar"),
        Binding("x,delete", "remover", "Remover"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fluxo_id: int | None = None
        self._textos: dict[tuple[int, int], str] = {}
        self._colunas: tuple = ()
        self._opcoes_etapa: list = []
        self._por_sigla: list[Instituicao] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="atr-filtros"):
            yield Input(placeholder="Filtrar instituições…", id="atr-busca")
            yield Lista([], prompt="Todas as etapas", id="atr-etapa")
            yield Lista([], prompt="Fluxo", id="atr-fluxo")
        yield TabelaLiteral(id="atr-matriz", cursor_type="cell", zebra_stripes=True)
        with VerticalScroll(id="atr-detalhe-rolagem"):
            yield Static(id="atr-detalhe")

    # -- drawing ------------------------------------------------------------

    def desenhar(self, rc: RedeCompleta) -> None:
        """Refresh the filters' choices and the matrix from the snapshot."""
        if self.fluxo_id not in {f.id for f in rc.fluxos}:
            self.fluxo_id = rc.fluxos[0].id if rc.fluxos else None
        fluxos = self.query_one("#atr-fluxo", Select)
        fluxos.display = len(rc.fluxos) > 1
        if fluxos.display:
            with self.prevent(Select.Changed):
                fluxos.set_options([(literal(f.nome), f.id) for f in rc.fluxos])
                fluxos.value = self.fluxo_id
        etapa = self.query_one("#atr-etapa", Select)
        opcoes = [(f"{e.sigla} · {e.nome}", e.id) for e in rc.etapas_ordenadas]
        if self._opcoes_etapa != opcoes:
            atual = etapa.value
            with self.prevent(Select.Changed):
                etapa.set_options([(literal(texto), valor) for texto, valor in opcoes])
                if atual in {o[1] for o in opcoes}:
                    etapa.value = atual
            self._opcoes_etapa = opcoes
        self._por_sigla = sorted(rc.instituicoes, key=lambda i: chave_comparacao(i.sigla))
        self._textos = {
            (a.instituicao_id, a.etapa_id): a.texto
            for a in rc.atribuicoes
            if a.fluxo_id == self.fluxo_id
        }
        self._preencher()

    def _etapa_filtrada(self) -> Etapa | None:
        valor = self.query_one("#atr-etapa", Select).value
        return None if valor is Select.NULL else self.rc.etapa_por_id.get(valor)

    def _preencher(self) -> None:
        rc = self.rc
        tabela = self.query_one("#atr-matriz", DataTable)
        filtrada = self._etapa_filtrada()
        etapas = [filtrada] if filtrada else rc.etapas_ordenadas
        colunas = tuple((e.id, e.sigla) for e in etapas) + ((("texto",),) if filtrada else ())
        if colunas != self._colunas:
            tabela.clear(columns=True)
            for etapa in etapas:
                tabela.add_column(etapa.sigla, key=f"e{etapa.id}")
            if filtrada:
                tabela.add_column(f"Atribuição em {filtrada.nome}", key=f"t{filtrada.id}")
            self._colunas = colunas
        partes = chave_comparacao(self.query_one("#atr-busca", Input).value).split()
        textos = self._textos
        instituicoes = (
            [
                i
                for i in self._por_sigla
                if all(p in chave_comparacao(f"{i.sigla} {i.nome}") for p in partes)
            ]
            if partes
            else list(self._por_sigla)
        )
        if filtrada:
            instituicoes.sort(key=lambda i: (i.id, filtrada.id) not in textos)

        def linhas():
            for inst in instituicoes:
                celulas = [MARCA if (inst.id, e.id) in textos else SEM_MARCA for e in etapas]
                if filtrada:
                    celulas.append(_previa(textos.get((inst.id, filtrada.id), "")))
                yield f"i{inst.id}", celulas, Text(inst.sigla, style="bold")

        self.carga.encher(linhas())
        cobertas = len({e for (_, e) in textos})
        self.resumir(
            f"{plural(len(instituicoes), 'instituição', 'instituições')} · "
            f"{cobertas} de {len(rc.etapas)} etapas com responsável"
        )
        self._detalhar()

    @on(Input.Changed, "#atr-busca")
    def _ao_buscar(self) -> None:
        if self.rc is not None:
            self._preencher()

    @on(Input.Submitted, "#atr-busca")
    def _ir_para_matriz(self) -> None:
        self.query_one("#atr-matriz", DataTable).focus()

    @on(Select.Changed, "#atr-etapa")
    def _ao_filtrar_etapa(self) -> None:
        if self.rc is not None:
            self._preencher()

    @on(Select.Changed, "#atr-fluxo")
    def _ao_trocar_fluxo(self, evento: Select.Changed) -> None:
        if self.rc is not None and evento.value is not Select.NULL:
            self.fluxo_id = evento.value
            self.desenhar(self.rc)

    @on(DataTable.CellHighlighted, "#atr-matriz")
    def _ao_destacar(self) -> None:
        self.detalhar_quando_parar(self._detalhar)

    @on(DataTable.CellSelected, "#atr-matriz")
    def _ao_escolher(self) -> None:
        self.action_editar()

    def _celula(self) -> tuple[Instituicao, Etapa] | None:
        """The institution and stage under the cursor."""
        tabela = self.query_one("#atr-matriz", DataTable)
        if self.rc is None or not tabela.row_count or not tabela.columns:
            return None
        chave = tabela.coordinate_to_cell_key(tabela.cursor_coordinate)
        inst = self.rc.instituicao_por_id.get(int(chave.row_key.value[1:]))
        etapa = self.rc.etapa_por_id.get(int(chave.column_key.value[1:]))
        return (inst, etapa) if inst and etapa else None

    def _detalhar(self) -> None:
        detalhe = self.query_one("#atr-detalhe", Static)
        celula = self._celula()
        if celula is None:
            if self.rc is not None and not self.rc.instituicoes:
                detalhe.update(
                    "Nenhuma instituição ainda. Cadastre-as na aba Atores (tecla a); a matriz "
                    "mostra então o que cada uma faz em cada etapa."
                )
            else:
                detalhe.update("Nenhuma instituição encontrada.")
            return
        inst, etapa = celula
        texto = Text()
        texto.append(f"{inst.sigla} · {etapa.nome} ({etapa.sigla})\n", style="bold")
        atual = self._textos.get((inst.id, etapa.id))
        if atual:
            texto.append(atual)
        else:
            texto.append("Sem atribuição nesta etapa. Enter ou e para escrever.", style="italic")
        detalhe.update(texto)

    # -- actions ------------------------------------------------------------

    def action_editar(self) -> None:
        """Edit the duty of the highlighted cell in a text editor; empty text removes it."""
        celula = self._celula()
        if celula is None or self.fluxo_id is None:
            return
        inst, etapa = celula
        fluxo_id = self.fluxo_id

        visto = self._textos.get((inst.id, etapa.id), "")

        def salvar(texto: str, original: str | None = None) -> str:
            self.app.ws.definir_atribuicao(inst.id, etapa.id, fluxo_id, texto, original=original)
            return texto

        def depois(texto: str | None) -> None:
            if texto is None:
                return
            feito = "salva" if texto.strip() else "removida"
            self.ao_salvar(texto, f"Atribuição de {inst.sigla} em {etapa.nome} {feito}.")

        self.app.push_screen(
            EditorTexto(
                f"{inst.sigla} · {etapa.nome}: o que a instituição faz nesta etapa",
                visto,
                salvar,
                dica="Ctrl+S salva · Esc cancela · salvar o texto vazio remove a atribuição.",
                visto=visto,
            ),
            depois,
        )

    def action_remover(self) -> None:
        """Ask, then remove the duty of the highlighted cell."""
        celula = self._celula()
        if celula is None or self.fluxo_id is None:
            return
        inst, etapa = celula
        atual = self._textos.get((inst.id, etapa.id))
        if not atual:
            self.notify(f"{inst.sigla} não tem atribuição em {etapa.nome}.", severity="warning")
            return
        fluxo_id = self.fluxo_id

        def responder(sim: bool | None) -> None:
            if sim:
                self.gravar(
                    lambda: self.app.ws.definir_atribuicao(
                        inst.id, etapa.id, fluxo_id, "", original=atual
                    ),
                    f"Atribuição de {inst.sigla} em {etapa.nome} removida.",
                )

        self.app.push_screen(
            Confirmacao(
                "Remover atribuição?",
                f"{inst.rotulo} deixará de atuar em {etapa.nome}:\n\n{_previa(atual)}",
            ),
            responder,
        )
