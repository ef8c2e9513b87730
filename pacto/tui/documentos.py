"""The Documentos section: every document pacto generates, generated with Enter in a worker thread.

The worker opens its own connection to the workspace, only posts messages (progress, result,
error) and never touches widgets; the section turns them into the progress bar and notifications.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, OptionList, ProgressBar, Select, Static
from textual.widgets.option_list import Option

from pacto.domain.errors import PactoErro
from pacto.domain.network import RedeCompleta
from pacto.domain.privacidade import AVISO_PRIVACIDADE
from pacto.domain.reunioes import ordenar_reunioes, proxima_reuniao, ultima_realizada
from pacto.services.documentos.catalogo import (
    CATALOGO,
    POR_CHAVE,
    TIPOS_DE_ATO,
    Pedido,
    gerar_documento,
    passos,
)
from pacto.services.documentos.reuniao_docs import DadoPessoalNoTexto
from pacto.services.documentos.termo import Lote
from pacto.services.mensal import mes_de
from pacto.tui.formularios import CaixaDeMarcar
from pacto.tui.reuniao_dialogos import Confirmar

PARAMETROS = ("reuniao", "instituicao", "mes", "ato")
ROTULO_PDF = {False: "PDF: não", True: "PDF: sim"}  # words, not only the box's colour


def pasta_de_saida(app) -> Path:
    """The output folder typed in the Documentos section, or `documentos/` next to the workspace."""
    try:
        valor = app.query_one("#doc-pasta", Input).value.strip()
    except NoMatches:  # the section is not mounted
        valor = ""
    return Path(valor).expanduser() if valor else app.ws.caminho.parent / "documentos"


ARQUIVOS_NO_AVISO = 4  # past this, a notification names the folder and a few files


def descrever_lote(lote: Lote) -> tuple[str, str]:
    """A notification's title and text: how many files and where."""
    n = len(lote.arquivos)
    titulo = "1 arquivo gravado" if n == 1 else f"{n} arquivos gravados"
    pastas = {a.parent for a in lote.arquivos}
    if n <= ARQUIVOS_NO_AVISO or len(pastas) != 1:
        return titulo, "\n".join(str(a) for a in lote.arquivos) or "Nenhum arquivo gravado."
    # thirty Termos listed one by one would cover the whole screen: the folder and a sample
    nomes = [a.name for a in lote.arquivos[: ARQUIVOS_NO_AVISO - 1]]
    resto = n - len(nomes)
    return titulo, "\n".join([f"Na pasta {pastas.pop()}:", *nomes, f"… e mais {resto} arquivos"])


def avisar_lote(app, lote: Lote) -> None:
    """Notify the files written, then each warning and what was left out."""
    titulo, texto = descrever_lote(lote)
    app.notify(texto, title=titulo, markup=False, timeout=12)
    for aviso in lote.avisos:
        app.notify(aviso, title="Atenção", severity="warning", markup=False, timeout=12)
    if lote.ignoradas:
        app.notify("\n".join(lote.ignoradas), title="Sem Termo", severity="warning", markup=False)


class ListaDocumentos(OptionList):
    """The documents; Enter generates the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Gerar documento")]


class DocumentosSecao(Vertical):
    """Choose a document, its meeting, month or institution, the folder and PDF; Enter generates."""

    FOCO_INICIAL = "#doc-lista"
    BINDINGS = [Binding("p", "alternar_pdf", "PDF sim/não")]

    class Progresso(Message):
        """The worker finished a step."""

        def __init__(self, feitos: int, total: int):
            super().__init__()
            self.feitos, self.total = feitos, total

    class Concluido(Message):
        """The worker wrote the files."""

        def __init__(self, pedido: Pedido, lote: Lote):
            super().__init__()
            self.pedido, self.lote = pedido, lote

    class Falhou(Message):
        """The worker stopped with a message for the user; nothing half-written."""

        def __init__(self, mensagem: str):
            super().__init__()
            self.mensagem = mensagem

    class Privacidade(Message):
        """The minutes or suggestions look like a victim's data; ask before writing."""

        def __init__(self, pedido: Pedido, alertas: list[str]):
            super().__init__()
            self.pedido, self.alertas = pedido, alertas

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gerando = False

    def compose(self) -> ComposeResult:
        yield Static(
            "[b]Documentos[/b] · [b]Enter[/b] gera · [b]p[/b] PDF · Tab: campos",
            id="doc-cabecalho",
        )
        with Horizontal(id="doc-corpo"):
            yield ListaDocumentos(*(Option(g.nome, id=g.chave) for g in CATALOGO), id="doc-lista")
            with Vertical(id="doc-lado"):
                yield Static(id="doc-descricao")
                with Vertical(id="doc-param-reuniao", classes="doc-param"):
                    yield Label("Reunião", classes="rotulo")
                    yield Select([], prompt="Escolha a reunião", compact=True, id="doc-reuniao")
                with Vertical(id="doc-param-instituicao", classes="doc-param"):
                    yield Label("Sigla (em branco: todas)", classes="rotulo")
                    yield Input(placeholder="ex.: PF-RR", compact=True, id="doc-sigla")
                with Vertical(id="doc-param-mes", classes="doc-param"):
                    yield Label("Mês (AAAA-MM)", classes="rotulo")
                    yield Input(placeholder="AAAA-MM", compact=True, id="doc-mes")
                with Vertical(id="doc-param-ato", classes="doc-param"):
                    yield Label("Ato", classes="rotulo")
                    yield Select(
                        [(nome, chave) for chave, nome in TIPOS_DE_ATO.items()],
                        value="portaria",
                        allow_blank=False,
                        compact=True,
                        id="doc-ato",
                    )
        with Horizontal(id="doc-saida"):
            yield Label("Pasta ", classes="rotulo")
            yield Input(compact=True, id="doc-pasta")
            yield CaixaDeMarcar(ROTULO_PDF[False], compact=True, id="doc-pdf")
        yield ProgressBar(id="doc-progresso", show_eta=False)
        yield Static(id="doc-estado")

    def on_mount(self) -> None:
        self.query_one("#doc-pasta", Input).value = str(self.app.ws.caminho.parent / "documentos")
        self.query_one("#doc-mes", Input).value = mes_de(self.app.hoje or date.today())
        lista = self.query_one("#doc-lista", OptionList)
        lista.highlighted = 0
        self.query_one("#doc-progresso", ProgressBar).update(total=1, progress=0)
        self._descrever()

    def mostrar(self, rc: RedeCompleta) -> None:
        """Refresh the meetings to choose from, keeping the one chosen when it still exists."""
        seletor = self.query_one("#doc-reuniao", Select)
        atual = seletor.value
        reunioes = list(reversed(ordenar_reunioes(rc.reunioes)))
        seletor.set_options([(f"{r.titulo} · {r.data:%d/%m/%Y}", r.id) for r in reunioes])
        self._reunioes = rc.reunioes
        ids = {r.id for r in reunioes}
        if atual in ids:
            seletor.value = atual
        elif reunioes:
            self._propor_reuniao()

    def _propor_reuniao(self) -> None:
        """Propose the meeting the highlighted document is about: the last one held for the
        minutes, memory and attendance list, the next planned one for the agenda."""
        reunioes = getattr(self, "_reunioes", [])
        gerador = self._gerador()
        if not reunioes or gerador is None or gerador.parametro != "reuniao":
            return
        hoje = self.app.hoje or date.today()
        if gerador.chave == "pauta":
            escolhida = proxima_reuniao(reunioes, hoje) or ultima_realizada(reunioes, hoje)
        else:
            escolhida = ultima_realizada(reunioes, hoje) or proxima_reuniao(reunioes, hoje)
        escolhida = escolhida or ordenar_reunioes(reunioes)[-1]
        self.query_one("#doc-reuniao", Select).value = escolhida.id

    # -- choosing ---------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#doc-lista")
    def _descrever(self) -> None:
        gerador = self._gerador()
        if gerador is None:
            return
        texto = Text(gerador.nome, style="bold")
        texto.append(f"\n{gerador.descricao}")
        if not gerador.word:
            texto.append("\nPlanilha ou imagem: não vira PDF.", style="italic")
        self.query_one("#doc-descricao", Static).update(texto)
        for parametro in PARAMETROS:
            self.query_one(f"#doc-param-{parametro}").display = gerador.parametro == parametro
        self._propor_reuniao()

    def _gerador(self):
        lista = self.query_one("#doc-lista", OptionList)
        if lista.highlighted is None:
            return None
        return POR_CHAVE[lista.get_option_at_index(lista.highlighted).id]

    def action_alternar_pdf(self) -> None:
        """Turn the PDF conversion on or off."""
        caixa = self.query_one("#doc-pdf", Checkbox)
        caixa.value = not caixa.value

    @on(Checkbox.Changed, "#doc-pdf")
    def _rotular_pdf(self, evento: Checkbox.Changed) -> None:
        evento.checkbox.label = ROTULO_PDF[evento.value]

    # -- generating -------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#doc-lista")
    @on(Input.Submitted, "#doc-sigla, #doc-mes, #doc-pasta")
    def action_gerar(self) -> None:
        """Generate the highlighted document in a worker thread."""
        pedido = self._pedido()
        if pedido is not None:
            self._iniciar(pedido)

    def _pedido(self, mesmo_assim: bool = False) -> Pedido | None:
        gerador = self._gerador()
        if gerador is None:
            return None
        pasta = self.query_one("#doc-pasta", Input).value.strip()
        if not pasta:
            self.app.notify("Informe a pasta onde gravar os documentos.", severity="error")
            return None
        reuniao = self.query_one("#doc-reuniao", Select).value
        if gerador.parametro == "reuniao" and not isinstance(reuniao, int):
            self.app.notify(
                "Escolha a reunião (seção Reuniões, se ainda não houver).", severity="error"
            )
            return None
        return Pedido(
            chave=gerador.chave,
            saida=Path(pasta).expanduser(),
            pdf=self.query_one("#doc-pdf", Checkbox).value,
            reuniao_id=reuniao if isinstance(reuniao, int) else None,
            sigla=self.query_one("#doc-sigla", Input).value
            if gerador.parametro == "instituicao"
            else "",
            mes=self.query_one("#doc-mes", Input).value,
            tipo_ato=str(self.query_one("#doc-ato", Select).value),
            mesmo_assim=mesmo_assim,
            hoje=self.app.hoje,
        )

    def _iniciar(self, pedido: Pedido) -> None:
        if self.gerando:
            self.app.notify("Aguarde: um documento ainda está sendo gerado.")
            return
        self.gerando = True
        self.query_one("#doc-progresso", ProgressBar).update(total=None, progress=0)
        self.query_one("#doc-estado", Static).update(
            Text(f"Gerando {POR_CHAVE[pedido.chave].nome}…")
        )
        self._gerar(pedido)

    @work(thread=True, exclusive=True, group="documentos")
    def _gerar(self, pedido: Pedido) -> None:
        """Generate with a connection of its own; only posts messages."""
        from pacto.store import Workspace

        try:
            with Workspace.abrir(self.app.ws.caminho, self.app.ws.usuario) as ws:
                total = passos(ws, pedido)
                feitos = 0
                self.post_message(self.Progresso(0, total))

                def avancar() -> None:
                    nonlocal feitos
                    feitos += 1
                    self.post_message(self.Progresso(feitos, total))

                lote = gerar_documento(ws, pedido, avancar)
        except DadoPessoalNoTexto as erro:
            self.post_message(self.Privacidade(pedido, erro.alertas))
        except PactoErro as erro:
            self.post_message(self.Falhou(erro.mensagem))
        except Exception as erro:  # never let a document take the interface down
            self.post_message(self.Falhou(f"Erro inesperado ao gerar o documento: {erro}"))
        else:
            self.post_message(self.Concluido(pedido, lote))

    @on(Progresso)
    def _progresso(self, mensagem: Progresso) -> None:
        self.query_one("#doc-progresso", ProgressBar).update(
            total=mensagem.total, progress=mensagem.feitos
        )

    @on(Concluido)
    def _concluido(self, mensagem: Concluido) -> None:
        self.gerando = False
        lote = mensagem.lote
        titulo, _ = descrever_lote(lote)
        barra = self.query_one("#doc-progresso", ProgressBar)
        barra.update(total=barra.total or 1, progress=barra.total or 1)
        self.query_one("#doc-estado", Static).update(Text(f"✔ {titulo} em {mensagem.pedido.saida}"))
        avisar_lote(self.app, lote)
        if mensagem.pedido.chave in ("ato", "fluxo"):
            self.app.action_recarregar()  # the roadmap counts these as evidence

    @on(Falhou)
    def _falhou(self, mensagem: Falhou) -> None:
        self.gerando = False
        self.query_one("#doc-progresso", ProgressBar).update(total=1, progress=0)
        self.query_one("#doc-estado", Static).update(Text("! Nada foi gravado."))
        self.app.notify(
            mensagem.mensagem, title="Não foi possível gerar", severity="error", markup=False
        )

    @on(Privacidade)
    def _privacidade(self, mensagem: Privacidade) -> None:
        self.gerando = False
        self.query_one("#doc-estado", Static).update(Text("! Nada foi gravado ainda."))
        linhas = "\n".join(f"• {escape(a)}" for a in mensagem.alertas[:5])
        if len(mensagem.alertas) > 5:
            linhas += f"\n• … e mais {len(mensagem.alertas) - 5}"
        pedido = mensagem.pedido

        def responder(gerar: bool | None) -> None:
            if gerar:
                pedido.mesmo_assim = True
                self._iniciar(pedido)

        self.app.push_screen(
            Confirmar(
                f"O texto registrado parece conter dado pessoal de vítima:\n{linhas}\n\n"
                f"{AVISO_PRIVACIDADE}\n\nGerar o documento mesmo assim?",
                sim="Gerar mesmo assim",
                nao="Cancelar",
            ),
            responder,
        )
