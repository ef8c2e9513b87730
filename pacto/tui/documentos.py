"""The Documentos section: every document pacto generates, generated with Enter in a worker thread.

The worker borrows a sibling connection from the app's workspace (`Workspace.irma`, never a
second opening of the file), only posts messages (progress, result, error) and never touches
widgets; the section turns them into the progress bar and notifications.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, OptionList, ProgressBar, Select, Static
from textual.widgets.option_list import Option

from pacto.domain.calendario import ler_data
from pacto.domain.errors import ErroValidacao, PactoErro
from pacto.domain.network import RedeCompleta
from pacto.domain.privacidade import AVISO_PRIVACIDADE
from pacto.domain.reunioes import ordenar_reunioes, proxima_reuniao, ultima_realizada
from pacto.services.documentos.catalogo import CATALOGO, Pedido, gerar_documento, passos
from pacto.services.documentos.registro import POR_CHAVE, Parametro, parametros
from pacto.services.documentos.reuniao_docs import DadoPessoalNoTexto
from pacto.services.documentos.termo import Lote
from pacto.services.gravacao import ArquivoExistente
from pacto.services.mensal import mes_de
from pacto.tui.campos import Lista
from pacto.tui.formularios import CaixaDeMarcar
from pacto.tui.reuniao_dialogos import Confirmar

# every choice some document takes, once each: the registry says which document shows which
USADOS: tuple[Parametro, ...] = tuple(
    {p.nome: p for documento in CATALOGO for p in parametros(documento)}.values()
)
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
    if lote.falhas:
        app.notify("\n".join(lote.falhas), title="Não gerado", severity="error", markup=False)


def campo(parametro: Parametro) -> ComposeResult:
    """The field of one registry parameter: a checkbox, a selector or a text field."""
    ident = f"doc-{parametro.nome}"
    if parametro.tipo == "flag":
        yield Checkbox(parametro.rotulo, compact=True, id=ident)
        return
    yield Label(parametro.rotulo, classes="rotulo")
    if parametro.tipo == "escolha":
        yield Lista(
            [(rotulo, chave) for chave, rotulo in parametro.escolhas],
            value=parametro.padrao,
            allow_blank=False,
            compact=True,
            id=ident,
        )
    elif parametro.tipo in ("reuniao", "fluxo"):
        vazio = "o primeiro" if parametro.tipo == "fluxo" else "todas"
        yield Lista(
            [],
            prompt="Escolha a reunião" if parametro.obrigatorio else f"(em branco: {vazio})",
            compact=True,
            id=ident,
        )
    else:
        dica = {"data": "DD/MM/AAAA (em branco: hoje)", "mes": "AAAA-MM",
                "instituicoes": "ex.: PF-RR, MPT-RR"}.get(parametro.tipo, "")  # fmt: skip
        padrao = "" if parametro.padrao is None else str(parametro.padrao)
        yield Input(padrao, placeholder=dica, compact=True, id=ident)


def perguntar_substituir(app, arquivos: list[Path], substituir) -> None:
    """Ask whether to replace files edited since pacto wrote them; call `substituir` on yes."""
    nomes = "\n".join(f"• {escape(str(a))}" for a in arquivos[:5])
    if len(arquivos) > 5:
        nomes += f"\n• … e mais {len(arquivos) - 5}"

    def responder(sim: bool | None) -> None:
        if sim:
            substituir()

    app.push_screen(
        Confirmar(
            "Estes arquivos já existem e foram alterados depois de gerados pelo pacto "
            f"(ou não foram gerados por ele):\n{nomes}\n\nSubstituí-los? As alterações "
            "feitas neles serão perdidas.",
            sim="Substituir",
            nao="Cancelar",
        ),
        responder,
    )


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

    class Existentes(Message):
        """Files the document would replace that were edited since pacto wrote them."""

        def __init__(self, pedido: Pedido, arquivos: list[Path]):
            self.pedido, self.arquivos = pedido, arquivos
            super().__init__()

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
            with VerticalScroll(id="doc-lado"):
                yield Static(id="doc-descricao")
                for parametro in USADOS:
                    with Vertical(id=f"doc-param-{parametro.nome}", classes="doc-param"):
                        yield from campo(parametro)
        with Horizontal(id="doc-saida"):
            yield Label("Pasta ", classes="rotulo")
            yield Input(compact=True, id="doc-pasta")
            yield CaixaDeMarcar(ROTULO_PDF[False], compact=True, id="doc-pdf")
        yield ProgressBar(id="doc-progresso", show_eta=False)
        yield Static(id="doc-estado")

    def on_mount(self) -> None:
        self.query_one("#doc-pasta", Input).value = str(self.app.ws.caminho.parent / "documentos")
        for parametro in USADOS:
            if parametro.tipo == "mes":
                self.query_one(f"#doc-{parametro.nome}", Input).value = mes_de(
                    self.app.hoje or date.today()
                )
        lista = self.query_one("#doc-lista", OptionList)
        lista.highlighted = 0
        self.query_one("#doc-progresso", ProgressBar).update(total=1, progress=0)
        self._descrever()

    def mostrar(self, rc: RedeCompleta) -> None:
        """Refresh the meetings and flows to choose from, keeping the choice when it still exists."""
        reunioes = list(reversed(ordenar_reunioes(rc.reunioes)))
        self._reunioes = rc.reunioes
        for parametro in USADOS:
            if parametro.tipo == "fluxo":
                seletor = self.query_one(f"#doc-{parametro.nome}", Select)
                atual = seletor.value
                seletor.set_options([(f"{f.id} · {f.nome}", f.id) for f in rc.fluxos])
                if atual in {f.id for f in rc.fluxos}:
                    seletor.value = atual
            if parametro.tipo != "reuniao":
                continue
            seletor = self.query_one(f"#doc-{parametro.nome}", Select)
            atual = seletor.value
            seletor.set_options([(f"{r.titulo} · {r.data:%d/%m/%Y}", r.id) for r in reunioes])
            if atual in {r.id for r in reunioes}:
                seletor.value = atual
            elif reunioes and parametro.obrigatorio:
                self._propor_reuniao()

    def _propor_reuniao(self) -> None:
        """Propose the meeting the highlighted document is about: the last one held for the
        minutes, memory and attendance list, the next planned one for the agenda."""
        reunioes = getattr(self, "_reunioes", [])
        gerador = self._gerador()
        if not reunioes or gerador is None or "reuniao" not in gerador.parametros:
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
        proprios = set(gerador.parametros)
        for parametro in USADOS:
            self.query_one(f"#doc-param-{parametro.nome}").display = parametro.nome in proprios
        # the fields in the document's own order (the act's type first, then number…)
        lado = self.query_one("#doc-lado")
        anterior = self.query_one("#doc-descricao")
        for nome in gerador.parametros:
            campo = self.query_one(f"#doc-param-{nome}")
            lado.move_child(campo, after=anterior)
            anterior = campo
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
    @on(Input.Submitted, "#doc-lado Input, #doc-pasta")
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
        try:
            valores = {p.nome: self._valor(p) for p in parametros(gerador)}
        except ErroValidacao as erro:
            self.app.notify(erro.mensagem, severity="error", markup=False)
            return None
        for parametro in parametros(gerador):
            if parametro.obrigatorio and valores[parametro.nome] in (None, ""):
                alvo = "a reunião (seção Reuniões, se ainda não houver)"
                if parametro.tipo != "reuniao":
                    alvo = parametro.rotulo.lower()
                self.app.notify(f"Escolha {alvo}.", severity="error")
                return None
        if mesmo_assim:
            valores["mesmo_assim"] = True
        return Pedido(
            chave=gerador.chave,
            saida=Path(pasta).expanduser(),
            pdf=self.query_one("#doc-pdf", Checkbox).value,
            valores=valores,
            hoje=self.app.hoje,
        )

    def _valor(self, parametro: Parametro):
        """What a field holds, as the service takes it; a clear error for a bad number or date."""
        widget = self.query_one(f"#doc-{parametro.nome}")
        if isinstance(widget, Checkbox):
            return widget.value
        if isinstance(widget, Select):
            valor = widget.value
            return None if valor is Select.NULL or isinstance(valor, bool) else valor
        texto = widget.value.strip()
        if parametro.tipo == "inteiro" and texto:
            if not texto.isdigit():
                raise ErroValidacao(f"{parametro.rotulo}: informe um número inteiro.")
            return int(texto)
        if parametro.tipo == "data" and texto:
            return ler_data(texto, parametro.rotulo.lower())
        return texto or None

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
        try:
            with self.app.ws.irma() as ws:
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
        except ArquivoExistente as erro:
            self.post_message(self.Existentes(pedido, erro.arquivos))
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
        if mensagem.pedido.chave in ("portaria", "fluxo"):
            self.app.action_recarregar()  # the roadmap counts these as evidence

    @on(Falhou)
    def _falhou(self, mensagem: Falhou) -> None:
        self.gerando = False
        self.query_one("#doc-progresso", ProgressBar).update(total=1, progress=0)
        self.query_one("#doc-estado", Static).update(Text("! Nada foi gravado."))
        self.app.notify(
            mensagem.mensagem, title="Não foi possível gerar", severity="error", markup=False
        )

    @on(Existentes)
    def _existentes(self, mensagem: Existentes) -> None:
        """Ask before replacing files edited since generation (the CLI's --sobrescrever)."""
        self.gerando = False
        self.query_one("#doc-estado", Static).update(Text("! Nada foi gravado ainda."))
        pedido = mensagem.pedido

        def substituir() -> None:
            pedido.sobrescrever = True
            self._iniciar(pedido)

        perguntar_substituir(self.app, mensagem.arquivos, substituir)

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
                pedido.valores["mesmo_assim"] = True
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
