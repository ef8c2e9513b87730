"""The Adesões section: each institution's adhesion to the flow's latest version, and recording it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Select, Static

from pacto.domain.adesao import (
    MANTIDA,
    READESAO,
    ROTULOS,
    SIMBOLOS,
    SITUACOES,
    SituacaoInstituicao,
)
from pacto.domain.calendario import checar_faixa
from pacto.domain.errors import ErroValidacao, PactoErro
from pacto.domain.network import RedeCompleta
from pacto.domain.redacao import data_curta
from pacto.services.adesoes import Panorama, filtrar, panorama, registrar
from pacto.tui.campos import DialogoComCampos, Lista
from pacto.tui.texto import TabelaLiteral, literal, marcado

TODAS = "*"
CORES = {
    "assinado": "green",
    MANTIDA: "green",
    READESAO: "yellow",
    "recusado": "red",
    "desligada": "red",
    "termo_enviado": "cyan",
    "convidada": "cyan",
}


class AdesoesSecao(Vertical):
    """Who adhered to which version; filter by status and stage; r records a new step."""

    FOCO_INICIAL = "#adesoes-tabela"
    BINDINGS = [Binding("r", "registrar", "Registrar adesão")]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._quadro: Panorama | None = None
        self._visiveis: list[SituacaoInstituicao] = []

    def compose(self) -> ComposeResult:
        yield Static(id="adesoes-resumo")
        with Horizontal(id="adesoes-filtros"):
            opcoes = [("Todas as situações", TODAS)] + [
                (f"{SIMBOLOS[c]} {ROTULOS[c]}", c) for c in (*SITUACOES, MANTIDA, READESAO)
            ]
            yield Lista(opcoes, value=TODAS, allow_blank=False, compact=True, id="adesoes-situacao")
            yield Lista(
                [("Todas as etapas", TODAS)],
                value=TODAS,
                allow_blank=False,
                compact=True,
                id="adesoes-etapa",
            )
        tabela = TabelaLiteral(id="adesoes-tabela", cursor_type="row", zebra_stripes=True)
        # most telling columns first: at 80 columns Versão and Etapas scroll into view
        tabela.add_columns("Sigla", "Situação", "Data", "Versão", "Etapas")
        yield tabela
        yield Static(id="adesoes-alertas")
        with VerticalScroll(id="adesoes-detalhe-rolagem"):
            yield Static(id="adesoes-detalhe")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Recompute the adhesion picture from a fresh snapshot and redraw."""
        self._quadro = panorama(self.app.ws, rc)
        etapa = self.query_one("#adesoes-etapa", Select)
        atual = etapa.value
        etapa.set_options(
            [("Todas as etapas", TODAS)] + [(literal(e.nome), e.sigla) for e in rc.etapas_ordenadas]
        )
        etapa.value = atual if atual in {TODAS, *(e.sigla for e in rc.etapas)} else TODAS
        self.query_one("#adesoes-resumo", Static).update(Text(self._quadro.cabecalho, style="bold"))
        self.query_one("#adesoes-alertas", Static).update(
            Text("\n".join(f"! {a}" for a in self._alertas()), style="bold yellow")
        )
        self._redesenhar()

    def _alertas(self) -> list[str]:
        """One line per stage without a signatory, or one line naming them all when many."""
        alertas = self._quadro.alertas()
        if len(alertas) <= 2:
            return alertas
        nomes = ", ".join(e.nome for e in self._quadro.sem_signataria)
        return [f"Etapas sem instituição signatária: {nomes}."]

    @on(Select.Changed)
    def _ao_filtrar(self) -> None:
        if self._quadro is not None:
            self._redesenhar()

    def _redesenhar(self) -> None:
        situacao = self.query_one("#adesoes-situacao", Select).value
        etapa = self.query_one("#adesoes-etapa", Select).value
        self._visiveis = filtrar(
            self._quadro.lista,
            None if situacao == TODAS else situacao,
            None if etapa == TODAS else etapa,
        )
        tabela = self.query_one("#adesoes-tabela", DataTable)
        anterior = (
            tabela.coordinate_to_cell_key((tabela.cursor_row, 0)).row_key.value
            if tabela.row_count
            else None
        )
        tabela.clear()
        for s in self._visiveis:
            tabela.add_row(
                s.instituicao.sigla,
                Text(f"{SIMBOLOS[s.situacao]} {s.rotulo}", style=CORES.get(s.situacao, "")),
                data_curta(s.data) if s.data else "—",
                str(s.versao or "—"),
                " ".join(e.sigla for e in s.etapas),
                key=str(s.instituicao.id),
            )
        self.border_title = f"Adesões: {tabela.row_count} de {len(self._quadro.lista)}"
        # after registering a step, stay on that institution instead of jumping to the top
        chaves = [str(s.instituicao.id) for s in self._visiveis]
        linha = chaves.index(anterior) if anterior in chaves else 0
        if self._visiveis:
            tabela.move_cursor(row=linha)
            self._detalhar(self._visiveis[linha])
        elif not self._quadro.lista:
            self.query_one("#adesoes-detalhe", Static).update(
                "Nenhuma instituição atua no fluxo ainda. Cadastre as instituições e as suas "
                "atribuições na seção 3 Rede: cada uma aparece aqui para o Termo de Adesão."
            )
        else:
            self.query_one("#adesoes-detalhe", Static).update("Nenhuma instituição nesta seleção.")

    def _selecionada(self) -> SituacaoInstituicao | None:
        tabela = self.query_one("#adesoes-tabela", DataTable)
        if not tabela.row_count:
            return None
        chave = tabela.coordinate_to_cell_key((tabela.cursor_row, 0)).row_key.value
        return next((s for s in self._visiveis if str(s.instituicao.id) == chave), None)

    @on(DataTable.RowHighlighted, "#adesoes-tabela")
    def _ao_destacar(self) -> None:
        selecionada = self._selecionada()
        if selecionada is not None:
            self._detalhar(selecionada)

    def _detalhar(self, s: SituacaoInstituicao) -> None:
        texto = Text()
        texto.append(f"{s.instituicao.nome} ({s.instituicao.sigla})\n", style="bold")
        etapas = ", ".join(e.nome for e in s.etapas)
        texto.append(f"Etapas: {etapas}\n" if etapas else "")
        texto.append(f"Situação: {s.rotulo}")
        if s.versao:
            texto.append(f" · versão {s.versao} do fluxo")
        texto.append("\n")
        a = s.adesao
        if a is not None:
            for chave, quando in sorted(a.datas.items(), key=lambda item: item[1]):
                texto.append(f"  {ROTULOS[chave]}: {data_curta(quando)}\n")
            for rotulo, valor in (
                ("Signatário", f"{a.signatario}{', ' + a.cargo if a.cargo else ''}"),
                ("Processo", a.processo),
                ("Diário Oficial", a.diario_oficial),
                (
                    "Termo assinado",
                    f"{a.arquivo} (SHA-256 {a.arquivo_sha256[:16]}…)" if a.arquivo else "",
                ),
            ):
                if valor:
                    texto.append(f"{rotulo}: {valor}\n")
        texto.append(f"\nPor quê: {s.motivo}\n", style="italic")
        if s.situacao == READESAO:
            texto.append("\nO que mudou nos compromissos desta instituição:\n", style="bold yellow")
            for m in s.mudancas:
                texto.append(f" · {m.texto}\n")
            texto.append(
                f"Termo Aditivo: pacto gerar termo --aditivo --instituicao {s.instituicao.sigla}\n"
            )
        self.query_one("#adesoes-detalhe", Static).update(texto)

    def action_registrar(self) -> None:
        """Open the form for the highlighted institution, then save through the service."""
        selecionada = self._selecionada()
        if selecionada is None:
            self.notify("Nenhuma instituição selecionada.", severity="warning")
            return
        if self._quadro is None or self._quadro.ultima is None:
            self.notify(
                "Congele uma versão do fluxo (tecla v) antes de registrar adesões.",
                severity="warning",
            )
            return
        inst = selecionada.instituicao

        def ao_fechar(dados: dict | None) -> None:
            if dados is None:
                return
            try:
                registro = registrar(self.app.ws, inst.sigla, **dados)
            except PactoErro as erro:
                self.notify(erro.mensagem, title="Adesão não registrada", severity="error")
                return
            self.notify(
                f"{inst.sigla}: {ROTULOS[registro.situacao]} em {data_curta(registro.data)}.",
                title="Adesão registrada",
            )
            self.app.action_recarregar()

        self.app.push_screen(TelaRegistrarAdesao(selecionada, self.app.hoje), ao_fechar)


class TelaRegistrarAdesao(DialogoComCampos, ModalScreen[dict | None]):
    """The form of one adhesion step; returns the values for `services.adesoes.registrar`."""

    CSS_PATH = "adesoes.tcss"
    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "salvar", "Salvar"),
    ]

    def __init__(self, situacao: SituacaoInstituicao, hoje: date | None = None):
        super().__init__()
        self._situacao = situacao
        self._hoje = hoje or date.today()

    def compose(self) -> ComposeResult:
        s, a = self._situacao, self._situacao.adesao
        proxima = {"convidada": "termo_enviado", "termo_enviado": "assinado"}.get(
            s.situacao, "convidada" if s.situacao == "nao_convidada" else "assinado"
        )
        with Vertical(id="registrar-caixa"):
            yield Static(
                marcado("[b]Registrar adesão[/b] · $nome", nome=s.instituicao.rotulo),
                id="registrar-titulo",
            )
            with Horizontal(classes="registrar-linha"):
                yield Static("Situação", classes="registrar-rotulo")
                yield Lista(
                    [(ROTULOS[c], c) for c in SITUACOES if c != "nao_convidada"],
                    value=proxima,
                    allow_blank=False,
                    compact=True,
                    id="registrar-situacao",
                )
            campos = (
                ("registrar-data", "Data (DD/MM/AAAA)", data_curta(self._hoje)),
                ("registrar-signatario", "Signatário", a.signatario if a else ""),
                ("registrar-cargo", "Cargo do signatário", a.cargo if a else ""),
                ("registrar-sei", "Processo (SEI)", a.processo if a else ""),
                ("registrar-doe", "Diário Oficial", a.diario_oficial if a else ""),
                ("registrar-arquivo", "Termo assinado (PDF)", ""),
            )
            for id_, rotulo, valor in campos:
                with Horizontal(classes="registrar-linha"):
                    yield Static(rotulo, classes="registrar-rotulo")
                    yield Input(value=valor, compact=True, id=id_)
            yield Static("", id="registrar-erro")
            yield Static(
                "[b]Enter[/b]/[b]Ctrl+S[/b] salva · [b]Esc[/b] cancela · vazio mantém o anterior",
                id="registrar-dica",
            )

    def on_mount(self) -> None:
        self.query_one("#registrar-situacao", Select).focus()

    def _valor(self, id_: str) -> str:
        return self.query_one(f"#{id_}", Input).value.strip()

    @on(Input.Submitted)
    def _ao_confirmar(self) -> None:
        self.action_salvar()

    def action_salvar(self) -> None:
        """Check the date and the file, then return the values."""
        erro = self.query_one("#registrar-erro", Static)
        try:
            quando = datetime.strptime(self._valor("registrar-data"), "%d/%m/%Y").date()
            checar_faixa(quando)
        except ValueError:
            erro.update("Data inválida: use DD/MM/AAAA, como 26/11/2026.")
            return
        except ErroValidacao as problema:
            erro.update(literal(problema.mensagem))
            return
        arquivo = self._valor("registrar-arquivo")
        if arquivo and not Path(arquivo).expanduser().is_file():
            erro.update(literal(f"Arquivo não encontrado: {arquivo}"))
            return
        self.dismiss(
            {
                "situacao": self.query_one("#registrar-situacao", Select).value,
                "quando": quando,
                "signatario": self._valor("registrar-signatario"),
                "cargo": self._valor("registrar-cargo"),
                "processo": self._valor("registrar-sei"),
                "diario_oficial": self._valor("registrar-doe"),
                "arquivo": Path(arquivo).expanduser() if arquivo else None,
            }
        )

    def action_cancelar(self) -> None:
        self.fechar_sem_salvar()
