"""Rede › Pontos focais: titular and suplente of every institution, vacancies shown, confirm today."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from pacto.domain.checks import DIAS_CONFIRMACAO
from pacto.domain.models import Instituicao, PontoFocal
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao, plural
from pacto.tui.formularios import Confirmacao
from pacto.tui.formularios_rede import FormPontoFocal
from pacto.tui.rede_comum import AbaRede, LinhasBuscaveis, chave_do_cursor
from pacto.tui.texto import TabelaLiteral

VAGO = "— vago —"
SEM_INSTITUICOES = (
    "Nenhuma instituição ainda. Cadastre-as na aba Atores (tecla a); cada uma ganha aqui "
    "as linhas do ponto focal titular e do suplente."
)


def situacao_da_confirmacao(ponto: PontoFocal, hoje) -> str:
    """'26/11/2026', or the warning a facilitator must see: never confirmed, or too long ago."""
    dias = ponto.dias_sem_confirmacao(hoje)
    if dias is None:
        return "! nunca confirmado"
    data = ponto.confirmado_em.strftime("%d/%m/%Y")
    if dias > DIAS_CONFIRMACAO:
        return f"! {data} (há {dias} dias)"
    return f"✔ {data}"


class PontosFocaisAba(AbaRede):
    """Two rows per institution (titular, suplente); a vacant row is filled with Enter or e."""

    TITULO = "Pontos focais"
    TABELA = "#pontos-tabela"
    BUSCA = "#pontos-busca"
    BINDINGS = [
        Binding("n", "novo", "Novo"),
        Binding("e", "editar", "Editar"),
        Binding("x,delete", "remover", "Remover"),
        Binding("c", "confirmar", "Confirmar hoje"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._linhas = LinhasBuscaveis()
        self._vagas: dict[str, tuple[int, str]] = {}

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="Buscar por instituição, pessoa, papel, “vago” ou “nunca”…",
            id="pontos-busca",
        )
        tabela = TabelaLiteral(id="pontos-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("Instituição", "Papel", "Nome", "Confirmado", "Contato", "Cargo")
        yield tabela
        yield Static(SEM_INSTITUICOES, id="pontos-vazio")

    def desenhar(self, rc: RedeCompleta) -> None:
        """One row per focal point, plus a vacant row where titular or suplente is missing."""
        self._linhas = LinhasBuscaveis()
        self._vagas = {}
        hoje = self.hoje
        for inst in sorted(rc.instituicoes, key=lambda i: chave_comparacao(i.sigla)):
            pontos = rc.pontos_por_instituicao.get(inst.id, [])
            for papel in ("titular", "suplente"):
                do_papel = [p for p in pontos if p.papel == papel]
                for ponto in do_papel:
                    contato = " · ".join(x for x in (ponto.telefone, ponto.email) if x) or "—"
                    celulas = (
                        inst.sigla,
                        papel,
                        ponto.nome,
                        situacao_da_confirmacao(ponto, hoje),
                        contato,
                        ponto.cargo or "—",
                    )
                    self._linhas.adicionar(f"p{ponto.id}", celulas, inst.nome)
                if not do_papel:
                    chave = f"v{inst.id}-{papel}"
                    self._vagas[chave] = (inst.id, papel)
                    celulas = (inst.sigla, papel, VAGO, "", "", "")
                    self._linhas.adicionar(chave, celulas, inst.nome)
        self._filtrar(self.query_one("#pontos-busca", Input).value)

    @on(Input.Changed, "#pontos-busca")
    def _ao_buscar(self, evento: Input.Changed) -> None:
        if self.rc is not None:
            self._filtrar(evento.value)

    @on(Input.Submitted, "#pontos-busca")
    def _ir_para_tabela(self) -> None:
        self.query_one("#pontos-tabela", DataTable).focus()

    def _filtrar(self, termo: str) -> None:
        self.query_one("#pontos-vazio", Static).display = not self.rc.instituicoes
        self.carga.encher(self._linhas.filtrar(termo))
        vagas_titular = sum(1 for _, papel in self._vagas.values() if papel == "titular")
        total = len(self.rc.pontos_focais)
        self.resumir(
            f"{plural(total, 'ponto focal', 'pontos focais')} · {vagas_titular} sem titular"
        )

    @on(DataTable.RowSelected, "#pontos-tabela")
    def _ao_escolher(self) -> None:
        self.action_editar()

    # -- actions ------------------------------------------------------------

    def _linha_atual(self) -> tuple[Instituicao, PontoFocal | None, str] | None:
        """The highlighted row: its institution, its focal point (None when vacant) and role."""
        chave = chave_do_cursor(self.query_one("#pontos-tabela", DataTable))
        if self.rc is not None and not self.rc.instituicoes:
            self.notify(SEM_INSTITUICOES, severity="warning")
            return None
        if chave is None or self.rc is None:
            self.notify("Nenhuma linha selecionada.", severity="warning")
            return None
        if chave in self._vagas:
            inst_id, papel = self._vagas[chave]
            return self.rc.instituicao_por_id[inst_id], None, papel
        ponto = next(p for p in self.rc.pontos_focais if p.id == int(chave[1:]))
        return self.rc.instituicao_por_id[ponto.instituicao_id], ponto, ponto.papel

    def _abrir_formulario(self, inst: Instituicao, ponto: PontoFocal | None, papel: str) -> None:
        def depois(salvo: PontoFocal | None) -> None:
            if salvo is None:
                return
            self.ao_salvar(salvo, f"Ponto focal {salvo.papel} de {inst.sigla} salvo.")
            self.carga.marcar(f"p{salvo.id}")

        self.app.push_screen(
            FormPontoFocal(
                self.app.ws.salvar_ponto_focal,
                inst,
                self.hoje,
                ponto=replace(ponto) if ponto else None,
                papel=papel,
            ),
            depois,
        )

    def action_novo(self) -> None:
        """A new focal point for the highlighted institution, in the role still vacant."""
        atual = self._linha_atual()
        if atual is None:
            return
        inst = atual[0]
        papel = "suplente" if self.rc.titular(inst.id) else "titular"
        self._abrir_formulario(inst, None, papel)

    def action_editar(self) -> None:
        """Edit the highlighted focal point, or fill the highlighted vacancy."""
        atual = self._linha_atual()
        if atual is not None:
            self._abrir_formulario(*atual)

    def action_remover(self) -> None:
        """Ask, then remove the highlighted focal point with its contact data."""
        atual = self._linha_atual()
        if atual is None:
            return
        inst, ponto, papel = atual
        if ponto is None:
            self.notify(f"{inst.sigla} não tem ponto focal {papel}.", severity="warning")
            return

        def responder(sim: bool | None) -> None:
            if sim:
                self.gravar(
                    lambda: self.app.ws.remover_ponto_focal(ponto.id, original=ponto),
                    f"Ponto focal {papel} de {inst.sigla} removido.",
                )

        self.app.push_screen(
            Confirmacao(
                "Remover ponto focal?",
                f"{ponto.nome}, ponto focal {papel} de {inst.sigla}.\n\n"
                "O nome e os contatos desta pessoa serão apagados.",
            ),
            responder,
        )

    def action_confirmar(self) -> None:
        """Record that the highlighted focal point's contact was confirmed today."""
        atual = self._linha_atual()
        if atual is None:
            return
        inst, ponto, papel = atual
        if ponto is None:
            self.notify(
                f"{inst.sigla} não tem ponto focal {papel} a confirmar. Tecle e para cadastrar.",
                severity="warning",
            )
            return
        self.gravar(
            lambda: self.app.ws.confirmar_ponto_focal(ponto.id, self.hoje),
            f"Contato de {ponto.nome} ({inst.sigla}) confirmado hoje.",
        )
