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
from pacto.domain.text import chave_comparacao, plural
from pacto.tui.formularios import Confirmacao
from pacto.tui.formularios_rede import FormInstituicao
from pacto.tui.rede_comum import AbaRede, chave_do_cursor, marcar_linha, preencher_tabela


class AtoresAba(AbaRede):
    """Institutions of the network; type to filter, move to see details, n/e/x to change them."""

    TITULO = "Atores"
    BINDINGS = [
        Binding("n", "nova", "Nova"),
        Binding("e", "editar", "Editar"),
        Binding("x,delete", "remover", "Remover"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._linhas: list[tuple[int, str, tuple]] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Buscar por nome, sigla, etapa ou ponto focal…", id="rede-busca")
        tabela = DataTable(id="rede-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("Sigla", "Instituição", "Etapas", "Ponto focal titular", "Contato")
        yield tabela
        with VerticalScroll(id="rede-detalhe-rolagem"):
            yield Static(id="rede-detalhe")

    def desenhar(self, rc: RedeCompleta) -> None:
        """Rebuild the rows and search keys from the snapshot, keeping the filter and cursor."""
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
        if self.rc is not None:
            self._filtrar(evento.value)

    @on(Input.Submitted, "#rede-busca")
    def _ir_para_tabela(self) -> None:
        self.query_one("#rede-tabela", DataTable).focus()

    def _filtrar(self, termo: str) -> None:
        tabela = self.query_one("#rede-tabela", DataTable)
        partes = chave_comparacao(termo).split()
        preencher_tabela(
            tabela,
            (
                (str(inst_id), celulas)
                for inst_id, busca, celulas in self._linhas
                if all(parte in busca for parte in partes)
            ),
        )
        total = len(self._linhas)
        self.resumir(f"{tabela.row_count} de {plural(total, 'instituição', 'instituições')}")
        chave = chave_do_cursor(tabela)
        if chave is not None:
            self._detalhar(int(chave))
        else:
            vazio = "Nenhuma instituição encontrada." if total else "Nenhuma instituição ainda."
            self.query_one("#rede-detalhe", Static).update(f"{vazio} Tecle n para cadastrar.")

    @on(DataTable.RowHighlighted, "#rede-tabela")
    def _ao_destacar(self, evento: DataTable.RowHighlighted) -> None:
        if evento.row_key and evento.row_key.value:
            self._detalhar(int(evento.row_key.value))

    @on(DataTable.RowSelected, "#rede-tabela")
    def _ao_escolher(self) -> None:
        self.action_editar()

    def _detalhar(self, inst_id: int) -> None:
        rc = self.rc
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

    # -- actions ------------------------------------------------------------

    def _atual(self):
        chave = chave_do_cursor(self.query_one("#rede-tabela", DataTable))
        if chave is None or self.rc is None:
            self.notify("Nenhuma instituição selecionada.", severity="warning")
            return None
        return self.rc.instituicao_por_id[int(chave)]

    def action_nova(self) -> None:
        """Open the form for a new institution."""

        def depois(inst) -> None:
            if inst is not None:
                self.salvo(f"Instituição {inst.sigla} cadastrada.")(inst)
                self._mostrar_registro(inst.id)

        self.app.push_screen(FormInstituicao(self.app.ws.salvar_instituicao), depois)

    def action_editar(self) -> None:
        """Open the form with the highlighted institution."""
        inst = self._atual()
        if inst is None:
            return
        self.app.push_screen(
            FormInstituicao(self.app.ws.salvar_instituicao, replace(inst)),
            self.salvo(f"Instituição {inst.sigla} atualizada."),
        )

    def action_remover(self) -> None:
        """Ask, saying what goes along, then remove the highlighted institution."""
        inst = self._atual()
        if inst is None:
            return
        dep = self.app.ws.dependencias_da_instituicao(inst.id)
        partes = [
            plural(dep["pontos_focais"], "ponto focal", "pontos focais"),
            plural(dep["atribuicoes"], "atribuição", "atribuições"),
            plural(dep["encaminhamentos"], "encaminhamento", "encaminhamentos"),
        ]
        mensagem = Text()
        mensagem.append(f"{inst.rotulo}\n\n", style="bold")
        if any(dep.values()):
            mensagem.append("Vão junto com ela: " + ", ".join(partes) + ".\n")
        else:
            mensagem.append("Ela não tem pontos focais, atribuições nem encaminhamentos.\n")
        if self.rc.rede.coordenacao_id == inst.id:
            mensagem.append("Ela coordena a rede: a rede ficará sem coordenação.\n")
        mensagem.append("\nEsta ação não pode ser desfeita.")

        def responder(sim: bool | None) -> None:
            if sim:
                self.gravar(
                    lambda: self.app.ws.remover_instituicao(inst.id),
                    f"Instituição {inst.sigla} removida.",
                )

        self.app.push_screen(Confirmacao("Remover instituição?", mensagem), responder)

    def _mostrar_registro(self, inst_id: int) -> None:
        """Put the cursor on a just-saved institution, clearing a search that would hide it."""
        tabela = self.query_one("#rede-tabela", DataTable)
        if str(inst_id) not in tabela.rows:
            self.query_one("#rede-busca", Input).value = ""
            self._filtrar("")
        marcar_linha(tabela, str(inst_id))
        tabela.focus()
