"""The pacto Textual app and its factory, shared by the CLI and the tests."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, OptionList, Static
from textual.widgets.option_list import Option

from pacto.domain.errors import PactoErro
from pacto.services.progresso import situacao
from pacto.store import Workspace
from pacto.tui.commands import ComandosPacto, PaletaPacto, ProvedorTemas
from pacto.tui.help import TelaAjuda
from pacto.tui.portugues import Rodape, traduzir_teclas_do_textual
from pacto.tui.sections import POR_ID, SECOES
from pacto.tui.substituido import VigiaGeracao
from pacto.tui.temas import NOMES, TEMA_PADRAO, TEMA_PROJETOR, TEMAS
from pacto.tui.versoes import TelaCongelar, TelaVersoes, congelar

ESPERA_GUARDAR_STATUS = 1.0  # s of rest after a load before keeping its status for the CLI

traduzir_teclas_do_textual()
INTERVALO_VERIFICACAO = 1.0  # seconds between checks for changes by other processes


class PactoApp(VigiaGeracao, App[None]):
    """The facilitator's interface on one workspace."""

    CSS_PATH = ["app.tcss", "rede.tcss"]
    TITLE = "pacto"
    COMMANDS = {ComandosPacto}  # pacto's actions first; Textual's own ones in Portuguese after
    BINDINGS = [
        Binding("q", "quit", "Sair"),
        Binding("ctrl+q", "quit", "Sair", show=False, priority=True),
        Binding("question_mark", "ajuda", "Ajuda"),
        Binding("f5", "recarregar", "Recarregar", show=False),
        Binding("f2", "modo_reuniao", "Modo reunião"),
        Binding("slash", "buscar", "Buscar", show=False),
        Binding("v", "versoes", "Versões"),
        Binding("ctrl+p", "command_palette", "Comandos", show=False, priority=True),
        Binding("ctrl+o", "importar_planilha", "Importar planilha", show=False),
        *(Binding(s.tecla, f"ir_para('{s.id}')", s.nome, show=False) for s in SECOES),
    ]

    def __init__(self, workspace: Workspace, hoje: date | None = None, tema: str = "padrao"):
        super().__init__()
        self.ws = workspace
        self.hoje = hoje
        for t in TEMAS:
            self.register_theme(t)
        self.theme = NOMES.get(tema, TEMA_PADRAO)

    def _watch_theme(self, theme_name: str) -> None:
        """Textual's theme switch, plus a class the CSS uses to weigh hints more on a projector."""
        super()._watch_theme(theme_name)
        self.set_class(theme_name == TEMA_PROJETOR, "-projetor")

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Horizontal(id="corpo"):
            with Vertical(id="lateral"):
                yield OptionList(
                    *(Option(f"{s.tecla} {s.nome}", id=s.id) for s in SECOES),
                    id="navegacao",
                )
                yield Static(id="lateral-estado")
            with ContentSwitcher(initial="painel", id="secoes"):
                for secao in SECOES:
                    if secao.classe:
                        modulo, nome = secao.classe.split(":")
                        yield getattr(importlib.import_module(modulo), nome)(id=secao.id)
                        continue
                    with VerticalScroll(id=secao.id, classes="em-breve"):
                        yield Static(
                            f"[b]{secao.nome}[/b]\n\n{secao.previsto}\n\n"
                            "[i]Esta seção ainda está em construção.[/i]"
                        )
        yield Rodape()

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True):
        """Notifications carry user data (names, error messages quoting values): never markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        self.vigiar_geracao()
        self.action_recarregar()
        self._vigia = self.set_interval(INTERVALO_VERIFICACAO, self.verificar_alteracoes)
        self.query_one("#navegacao", OptionList).highlighted = 0
        self.query_one("#painel").focus()
        self._avisar_linhas_invalidas()
        self._avisar_atualizacao()

    @work(thread=True, exclusive=True, group="linhas-invalidas")
    def _avisar_linhas_invalidas(self) -> None:
        """Once, on opening: name the rows an older import left that the screens skip (checked
        with a connection of its own, so a large workspace opens without waiting for it)."""
        try:
            with Workspace.abrir(self.ws.caminho, self.ws.usuario) as ws:
                problemas = ws.linhas_invalidas()
        except PactoErro:
            return
        if not problemas:
            return
        lista = "\n".join(f"• {p}" for p in problemas[:8])
        mais = f"\n… e mais {len(problemas) - 8}." if len(problemas) > 8 else ""
        self.call_from_thread(
            self.notify,
            f"{lista}{mais}\nAs telas deixam de lado o que não conseguem ler; veja a lista "
            "completa com “pacto status”.",
            title=f"{len(problemas)} registro(s) inválido(s) de uma versão anterior do pacto",
            severity="warning",
            timeout=30,
        )

    def _avisar_atualizacao(self) -> None:
        """Once after the living-flow upgrade: which statuses the new rules changed, and why."""
        from pacto.services.fluxo_vivo import consumir

        try:
            linhas = consumir(self.ws)
        except PactoErro:
            return
        if linhas:
            self.notify(
                "\n".join(linhas), title="Regras do fluxo vivo", severity="warning", timeout=30
            )

    def on_unmount(self) -> None:
        if hasattr(self, "_vigia"):
            self._vigia.stop()  # no check of a closed workspace while the app shuts down
        self.ws.fechar()

    def get_system_commands(self, screen: Screen):
        """Textual's own palette commands, in Portuguese (pacto's palette lists them last)."""
        yield SystemCommand(
            "Tema de cores", "Padrão ou projetor (alto contraste)", self.action_change_theme
        )
        yield SystemCommand(
            "Captura de tela", "Salvar uma imagem SVG da tela atual", self.action_screenshot
        )

    def action_change_theme(self) -> None:
        """Choose between pacto's two themes, in Portuguese (Textual's list is English names)."""
        self.push_screen(PaletaPacto(providers=[ProvedorTemas], placeholder="Buscar tema…"))

    def trocar_tema(self, nome: str) -> None:
        """Switch theme for this session and say how to keep it."""
        self.theme = nome
        chave = next(k for k, v in NOMES.items() if v == nome)
        self.notify(f"Para usar sempre este tema: pacto config tema {chave}", title="Tema")

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG of the screen in the current folder and say where, in Portuguese."""
        try:
            caminho = self.save_screenshot(filename, path or str(Path.cwd()))
        except OSError as erro:
            self.notify(
                f"Não foi possível salvar a captura de tela: {erro.strerror or erro}",
                title="Captura de tela",
                severity="error",
            )
            return
        self.notify(f"Captura de tela salva em {caminho}", title="Captura de tela")

    def action_command_palette(self) -> None:
        """Open the command palette with a Portuguese prompt."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(PaletaPacto(placeholder="Buscar comandos…", id="--command-palette"))

    # -- actions --------------------------------------------------------

    class DadosAlterados(Message):
        """The workspace changed (here or in another process): the sections must be redrawn."""

        def __init__(self, externa: bool) -> None:
            super().__init__()
            self.externa = externa

    def verificar_alteracoes(self) -> None:
        """Post DadosAlterados when the workspace changed since the last load.

        Polled every second. While a dialog or meeting mode is on top, the reload waits for
        the main screen (typing there must not pay for it).
        """
        pilha = self.screen_stack
        if not pilha or pilha[-1] is not pilha[0]:  # closing, or a dialog is on top
            return
        if (externa := self._alterado()) is not None:
            self.post_message(self.DadosAlterados(externa))

    def _alterado(self) -> bool | None:
        """None if nothing changed since the last load, else whether another process did it."""
        marca = self.ws.marca_de_alteracao()
        anterior = getattr(self, "_marca", None)
        if marca is None or marca == anterior:
            return None
        self._marca = marca
        return anterior is None or marca[0] != anterior[0]

    @on(DadosAlterados)
    def _ao_alterar_dados(self, mensagem: DadosAlterados) -> None:
        # a change made here was already drawn by the section that made it; another
        # process's change is drawn in the section on screen too
        self.recarregar(redesenhar_atual=mensagem.externa)

    def _guardar_status_depois(self, rc, lacunas) -> None:
        """Keep this load's status for `pacto status` once the interface rests a moment, so the
        first screen and the key that saved never wait for it."""
        self._status_a_guardar = (rc, lacunas, self.processo)
        if getattr(self, "_timer_status", None) is None:
            self._timer_status = self.set_interval(ESPERA_GUARDAR_STATUS, self._guardar_status)
        else:
            self._timer_status.reset()

    def _guardar_status(self) -> None:
        from pacto.services.status import guardar_se_desatualizado

        self._timer_status.pause()
        pendente, self._status_a_guardar = self._status_a_guardar, None
        if pendente is None or self.ws.marca_de_alteracao() != self._marca:
            return  # nothing new, or a newer change is about to be loaded
        if guardar_se_desatualizado(self.ws, *pendente):
            self._marca = self.ws.marca_de_alteracao()  # our own write is no news to poll

    def action_recarregar(self) -> None:
        """Read the workspace again and redraw every section."""
        if self.ws.foi_substituido() and self._avisado_substituicao:
            self.recarregar_substituido()  # F5 after a replacement adopts the new content
            return
        self.recarregar()

    def recarregar(self, redesenhar_atual: bool = True) -> None:
        """Read the workspace again; redraw the Painel now and the other sections when shown."""
        if self.ws.foi_substituido():  # replaced under us: the replacement dialog decides
            return
        self._marca = (
            self.ws.marca_de_alteracao()
        )  # first: a failed read is not retried each second
        try:
            rc = self.ws.carregar()
        except PactoErro as erro:
            self.notify(erro.mensagem, title="Erro ao ler o workspace", severity="error")
            return
        from pacto.domain.checks import verificar

        lacunas = verificar(rc, self.hoje or date.today())
        self.lacunas = lacunas
        self.processo = situacao(self.ws, rc, self.hoje, lacunas)
        if self.hoje is None:  # the real day: `pacto status` can read what was just computed
            self._guardar_status_depois(rc, lacunas)
        rede = rc.rede
        self.title = rede.nome
        local = f"{rede.municipio} – {rede.uf}" if rede.municipio else rede.uf
        atual = self.processo.passo_atual
        etapa = f"passo {atual.numero} de 6" if atual else "seis passos em dia"
        if atual is None and self.processo.proximo.get("etapa"):
            etapa += f" · etapa {self.processo.proximo['etapa']} do roteiro"
        self.sub_title = f"Pactuação: {etapa} · {local}"
        self._rc = rc
        from textual.css.query import NoMatches

        try:
            self.query_one("#lateral-estado", Static).update(f"[b]Pactuação[/b]\n{etapa}")
            self._a_redesenhar = {
                s.id for s in SECOES if hasattr(self.query_one(f"#{s.id}"), "mostrar")
            }
            self._redesenhar("painel")  # the summary always reflects the last change
            if redesenhar_atual:
                self._redesenhar(self.query_one("#secoes", ContentSwitcher).current)
        except NoMatches:  # the main screen is still being built, or already closing
            return

    def _redesenhar(self, secao_id: str | None) -> None:
        """Draw a section from the latest snapshot, once per load, when it is shown.

        Hidden sections (except the Painel, the summary) wait until they are opened, so the
        first screen of a large network does not pay for filling tables nobody looks at yet.
        """
        if secao_id in getattr(self, "_a_redesenhar", ()):
            self._a_redesenhar.discard(secao_id)
            self.query_one(f"#{secao_id}").mostrar(self._rc)

    def action_ir_para(self, secao_id: str) -> None:
        """Show a section and focus its first control."""
        self.ir_para(secao_id)

    def ir_para(self, secao_id: str) -> None:
        """Switch to a section by id, keeping the navigation in step."""
        if self._alterado() is not None:  # what was just changed elsewhere shows at once
            self.recarregar(redesenhar_atual=False)
        self._redesenhar(secao_id)
        self.query_one("#secoes", ContentSwitcher).current = secao_id
        navegacao = self.query_one("#navegacao", OptionList)
        navegacao.highlighted = navegacao.get_option_index(secao_id)
        alvo = self.query_one(f"#{secao_id}")
        foco = getattr(alvo, "FOCO_INICIAL", None)
        focaveis = [w for w in alvo.query(foco or "*") if w.focusable]
        (focaveis[0] if focaveis else alvo).focus()

    def action_buscar(self) -> None:
        """Jump to the search field of the Rede section's tab on screen."""
        self.ir_para("rede")
        self.query_one("#rede").buscar()

    def action_historico(self, sigla: str = "") -> None:
        """Open the change history, optionally of one institution."""
        from pacto.tui.historico import TelaHistorico

        self.push_screen(TelaHistorico(sigla))

    def action_importar_planilha(self) -> None:
        """Open the spreadsheet import with its preview."""
        from pacto.tui.importar import abrir_importacao

        abrir_importacao(self)

    def action_modo_reuniao(self) -> None:
        """Open meeting mode on today's or the next planned meeting."""
        from pacto.tui.reunioes import abrir_modo_reuniao

        abrir_modo_reuniao(self)

    def action_ajuda(self) -> None:
        """Open the help screen."""
        self.push_screen(TelaAjuda())

    def action_versoes(self) -> None:
        """Open the frozen versions of the flow and what changed between them."""
        self.push_screen(TelaVersoes())

    def action_congelar_versao(self) -> None:
        """Ask for a note and freeze the current draft as a new version."""

        def ao_fechar(nota: str | None) -> None:
            if nota:
                congelar(self, nota)

        self.push_screen(TelaCongelar(), ao_fechar)

    @on(OptionList.OptionSelected, "#navegacao")
    def _ao_escolher_secao(self, evento: OptionList.OptionSelected) -> None:
        if evento.option_id in POR_ID:
            self.ir_para(evento.option_id)


def criar_app(caminho: Path, hoje: date | None = None, completa: bool = True) -> PactoApp:
    """Open the workspace and build the app; the one factory for the CLI and the tests.

    The interface stays open for hours, so it starts with SQLite's full integrity check
    (`completa`; the CLI runs it before loading Textual and passes False).
    """
    from pacto.services.config import tema, usuario

    return PactoApp(Workspace.abrir(caminho, usuario(), completa=completa), hoje=hoje, tema=tema())
