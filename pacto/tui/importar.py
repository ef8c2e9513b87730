"""Import an actor spreadsheet from the TUI: type the file, see what would change, confirm."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, DataTable, Input, Static

from pacto.domain.errors import ErroPrivacidade, PactoErro
from pacto.domain.importacao import PlanoImportacao, descrever_linhas
from pacto.domain.network import RedeCompleta
from pacto.domain.text import plural
from pacto.tui.reuniao_dialogos import AvisoPrivacidade
from pacto.tui.texto import TabelaLiteral

LIMITE_TABELA = 1000
_EXTENSOES = (".xlsx", ".xlsm", ".csv", ".txt", ".tsv")


class SugestorDeCaminhos(Suggester):
    """Complete a typed path with the first matching folder or spreadsheet (→ accepts it)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        casa = str(Path.home())
        real = casa + value[1:] if value.startswith("~") else value
        if real.endswith("/"):
            pasta, inicio = Path(real), ""
        else:
            pasta, inicio = Path(real).parent, Path(real).name
        try:
            nomes = sorted(p.name for p in pasta.iterdir() if not p.name.startswith("."))
        except OSError:
            return None
        for nome in nomes:
            alvo = pasta / nome
            if not nome.casefold().startswith(inicio.casefold()) or nome == inicio:
                continue
            if alvo.is_dir() or alvo.suffix.lower() in _EXTENSOES:
                sugestao = real[: len(real) - len(inicio)] + nome + ("/" if alvo.is_dir() else "")
                return "~" + sugestao[len(casa) :] if value.startswith("~") else sugestao
        return None


def _cortar(texto: str, limite: int) -> str:
    texto = " ".join(texto.split())
    return texto if len(texto) <= limite else texto[: limite - 1] + "…"


def linhas_da_previa(plano: PlanoImportacao) -> list[tuple[int, tuple[str, str, str, str]]]:
    """The preview rows (first spreadsheet row, cells in full): to create, update, rejected,
    then the notices."""
    linhas = []
    for ator in plano.criar:
        partes = [plural(len(ator.atribuicoes), "atribuição", "atribuições")]
        partes += [f"ponto focal {p.papel}: {p.nome}" for p in ator.pontos]
        celulas = ("✚ criar", ator.rotulo, " · ".join(partes))
        linhas.append((min(ator.linhas), (descrever_linhas(ator.linhas), *celulas)))
    for ator in plano.atualizar:
        celulas = ("✎ atualizar", ator.rotulo, "; ".join(ator.mudancas))
        linhas.append((min(ator.linhas), (descrever_linhas(ator.linhas), *celulas)))
    for rejeitada in plano.rejeitadas:
        celulas = ("✖ rejeitada", rejeitada.rotulo or "—", " ".join(rejeitada.motivos))
        linhas.append((rejeitada.linha, (descrever_linhas(rejeitada.linhas), *celulas)))
    linhas.sort(key=lambda par: par[0])
    linhas += [(0, ("—", "! aviso", "", aviso)) for aviso in plano.avisos]
    return linhas


class TelaImportarPlanilha(ModalScreen[PlanoImportacao | None]):
    """Preview of a spreadsheet import; returns the plan to apply, or None when cancelled."""

    CSS_PATH = "importar.tcss"
    BINDINGS = [
        Binding("escape", "cancelar", "Cancelar"),
        Binding("ctrl+s", "confirmar", "Importar", priority=True),
    ]

    class PlanoPronto(Message):
        """The worker finished reading the spreadsheet."""

        def __init__(self, pedido: int, plano: PlanoImportacao | None, erro: str = ""):
            super().__init__()
            self.pedido = pedido
            self.plano = plano
            self.erro = erro

    def __init__(self, rc: RedeCompleta, arquivo: str = ""):
        super().__init__()
        self._rc = rc
        self._arquivo_inicial = arquivo
        self._pedido = 0
        self._plano: PlanoImportacao | None = None
        self._linhas: list[tuple[str, str, str, str]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="importar") as caixa:
            caixa.border_title = "Importar planilha de atores (.xlsx ou .csv)"
            yield Input(
                self._arquivo_inicial,
                placeholder="Caminho do arquivo; → completa o nome, Enter mostra a prévia",
                id="importar-arquivo",
                suggester=SugestorDeCaminhos(),
            )
            yield Input(
                placeholder='Opcional: colunas à mão e aba, ex.: nome="Nome do serviço"; aba=Dados',
                id="importar-colunas",
            )
            yield Static(
                "Digite o caminho da planilha e tecle Enter para ver o que seria importado. "
                "Nada é gravado antes de confirmar.",
                id="importar-resumo",
            )
            tabela = TabelaLiteral(id="importar-tabela", cursor_type="row", zebra_stripes=True)
            tabela.add_columns("Linha", "Ação", "Instituição", "Detalhe")
            yield tabela
            yield Static(id="importar-detalhe")
            with Horizontal(id="importar-botoes"):
                yield Button("Importar (Ctrl+S)", id="importar-confirmar", variant="primary")
                yield Button("Cancelar (Esc)", id="importar-cancelar")

    def on_mount(self) -> None:
        self.query_one("#importar-confirmar", Button).disabled = True
        self.query_one("#importar-arquivo", Input).focus()

    @on(Input.Submitted)
    def _ao_enviar(self) -> None:
        caminho = self.query_one("#importar-arquivo", Input).value.strip()
        if not caminho:
            self.query_one("#importar-resumo", Static).update("Informe o caminho da planilha.")
            return
        pares = [p.strip() for p in self.query_one("#importar-colunas", Input).value.split(";")]
        abas = [p.partition("=")[2].strip(" \"'") for p in pares if p.lower().startswith("aba=")]
        colunas = [p for p in pares if p and not p.lower().startswith("aba=")]
        self._pedido += 1
        self._plano = None
        self.query_one("#importar-confirmar", Button).disabled = True
        self.query_one("#importar-resumo", Static).update(Text(f"Lendo {Path(caminho).name}…"))
        self.query_one("#importar-tabela", DataTable).loading = True
        aba = abas[-1] if abas else None
        self._planejar(self._pedido, str(Path(caminho).expanduser()), colunas, aba)

    @work(thread=True, exclusive=True, group="importar-planilha")
    def _planejar(self, pedido: int, caminho: str, colunas: list[str], aba: str | None) -> None:
        """Read and plan in a thread: it only posts a message, never touches widgets."""
        from pacto.services.planilhas import planejar_importacao

        try:
            plano = planejar_importacao(caminho, self._rc, colunas, aba)
        except PactoErro as erro:
            self.post_message(self.PlanoPronto(pedido, None, erro.mensagem))
        except Exception as erro:  # never let a broken file take the interface down
            self.post_message(
                self.PlanoPronto(pedido, None, f"Erro inesperado ao ler a planilha: {erro}")
            )
        else:
            self.post_message(self.PlanoPronto(pedido, plano))

    @on(PlanoPronto)
    def _mostrar_plano(self, mensagem: PlanoPronto) -> None:
        if mensagem.pedido != self._pedido:
            return  # an older request, overtaken by a newer one
        tabela = self.query_one("#importar-tabela", DataTable)
        tabela.loading = False
        tabela.clear()
        self._linhas = []
        self.query_one("#importar-detalhe", Static).update("")
        resumo = self.query_one("#importar-resumo", Static)
        if mensagem.plano is None:
            resumo.update(
                Text.assemble(("Não foi possível ler a planilha. ", "bold"), mensagem.erro)
            )
            return
        plano = self._plano = mensagem.plano
        linhas = linhas_da_previa(plano)
        self._linhas = [celulas for _, celulas in linhas[:LIMITE_TABELA]]
        for indice, (onde, acao, rotulo, detalhe) in enumerate(self._linhas):
            celulas = (onde, acao, _cortar(rotulo, 32), _cortar(detalhe, 120))
            tabela.add_row(*(Text(c) for c in celulas), key=str(indice))  # no markup from files
        onde = f", aba “{plano.aba}”" if plano.aba else ""
        texto = f"\nCabeçalho na linha {plano.linha_cabecalho}{onde}."
        if len(linhas) > LIMITE_TABELA:
            texto += f" Mostrando {LIMITE_TABELA} de {len(linhas)} linhas."
        texto += " Ctrl+S grava tudo numa só vez." if plano.tem_o_que_gravar else " Nada a gravar."
        resumo.update(Text.assemble((plano.resumo(), "bold"), texto))
        self.query_one("#importar-confirmar", Button).disabled = not plano.tem_o_que_gravar

    @on(DataTable.RowHighlighted, "#importar-tabela")
    def _detalhar(self, evento: DataTable.RowHighlighted) -> None:
        """Show the highlighted row in full under the table: long reasons do not fit in it."""
        if evento.row_key is None or evento.row_key.value is None:
            return
        onde, acao, rotulo, detalhe = self._linhas[int(evento.row_key.value)]
        quem = f" · {rotulo}" if rotulo else ""
        self.query_one("#importar-detalhe", Static).update(
            Text.assemble((f"{onde.capitalize()} · {acao}{quem}", "bold"), "\n", detalhe)
        )

    def action_confirmar(self) -> None:
        """Return the previewed plan to the caller, which writes it."""
        if self._plano is None or not self._plano.tem_o_que_gravar:
            self.notify("Veja a prévia de uma planilha com algo a importar antes de confirmar.")
            return
        self.dismiss(self._plano)

    def action_cancelar(self) -> None:
        """Close without importing anything."""
        self.dismiss(None)

    @on(Button.Pressed, "#importar-confirmar")
    def _ao_confirmar(self) -> None:
        self.action_confirmar()

    @on(Button.Pressed, "#importar-cancelar")
    def _ao_cancelar(self) -> None:
        self.action_cancelar()


def abrir_importacao(app) -> None:
    """Open the import preview on a fresh snapshot; apply the confirmed plan and reload."""
    try:
        rc = app.ws.carregar()
    except PactoErro as erro:
        app.notify(erro.mensagem, title="Erro ao ler o workspace", severity="error")
        return

    def ao_fechar(plano: PlanoImportacao | None) -> None:
        if plano is None:
            return
        from pacto.services.planilhas import aplicar_plano

        def gravar() -> None:
            try:
                aplicar_plano(app.ws, plano)
            except ErroPrivacidade as erro:
                app.push_screen(AvisoPrivacidade(erro.violacoes), manter_ou_nao)
                return
            except PactoErro as erro:
                app.notify(erro.mensagem, title="Nada foi importado", severity="error")
                return
            app.action_recarregar()
            app.notify(plano.resumo_gravado(), title="Planilha importada")

        def manter_ou_nao(manter: bool | None) -> None:
            if not manter:
                app.notify("Corrija a planilha e importe de novo.", title="Nada foi importado")
                return
            with app.ws.aceitando_alertas_de_privacidade():
                gravar()

        gravar()

    app.push_screen(TelaImportarPlanilha(rc), ao_fechar)
