"""pacto's actions in Textual's command palette (Ctrl+P)."""

from __future__ import annotations

from functools import partial

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from pacto.domain.text import sem_acentos
from pacto.tui.rede import ABAS
from pacto.tui.rede_dados import abrir_form_gt, abrir_form_rede
from pacto.tui.sections import SECOES
from pacto.tui.temas import DESCRICOES


async def _abrir_aba_da_rede(app, aba: str) -> None:
    """Go to the Rede section and open one of its tabs."""
    await app.query_one("#rede").abrir_aba(aba)
    app.ir_para("rede")


def preparar_reuniao_do_mes(app) -> None:
    """Open Alinhamento and prepare the meeting of the month it shows."""
    app.ir_para("alinhamento")
    app.query_one("#alinhamento").action_preparar_mes()


class ComandosPacto(Provider):
    """Offer navigation and workspace actions by their Portuguese names."""

    def _comandos(self):
        app = self.app
        for secao in SECOES:
            yield (
                f"Ir para {secao.nome}",
                partial(app.ir_para, secao.id),
                f"Tecla {secao.tecla}",
            )
        for aba, cls, tecla, _, _ in ABAS:
            yield (
                f"Rede › {cls.TITULO}",
                partial(_abrir_aba_da_rede, app, aba),
                f"Seção 3, tecla {tecla}",
            )
        yield (
            "Grupo de trabalho (GT): membros e ato de criação",
            partial(abrir_form_gt, app),
            "Registra quem está no GT e o ato que o criou",
        )
        yield (
            "Coordenação da rede: instituição coordenadora",
            partial(abrir_form_rede, app, "#rede-coordenacao"),
            "Quem coordena o fluxo e assina os Termos de Adesão",
        )
        yield (
            "Dados da rede: nome, UF e município",
            partial(abrir_form_rede, app),
            "Identificação da rede",
        )
        yield ("Recarregar dados", app.action_recarregar, "Relê o workspace (F5)")
        yield ("Modo reunião", app.action_modo_reuniao, "A reunião de hoje ou a próxima (F2)")
        yield ("Buscar instituição", app.action_buscar, "Busca na seção Rede (/)")
        yield ("Versões do fluxo", app.action_versoes, "Versões congeladas e o que mudou (v)")
        yield ("Congelar versão", app.action_congelar_versao, "Congela o rascunho com uma nota")
        yield ("Histórico de alterações", app.action_historico, "Quem mudou o quê e quando")
        yield ("Importar planilha de atores", app.action_importar_planilha, "Ctrl+O")
        yield ("Preparar reunião do mês", partial(preparar_reuniao_do_mes, app), "Alinhamento, m")
        yield ("Ajuda: teclas do pacto", app.action_ajuda, "Tecla ?")
        for nome, descricao in DESCRICOES.items():
            yield (descricao, partial(app.trocar_tema, nome), "Tema de cores")
        yield ("Sair do pacto", app.action_quit, "Tecla q")
        from textual.app import ScreenStackError

        try:
            tela = app.screen
        except ScreenStackError:  # listed before the app runs (the twin table's test)
            return
        for comando in app.get_system_commands(tela):
            yield (comando.title, comando.callback, comando.help)

    async def discover(self) -> Hits:
        for nome, acao, ajuda in self._comandos():
            yield DiscoveryHit(nome, acao, help=ajuda)

    async def search(self, consulta: str) -> Hits:
        """Match ignoring accents, so 'versao' finds 'Versões'."""
        comparador = self.matcher(sem_acentos(consulta))
        destaque = self.matcher(consulta)
        for nome, acao, ajuda in self._comandos():
            pontos = comparador.match(sem_acentos(nome))
            if pontos > 0:
                yield Hit(pontos, destaque.highlight(nome), acao, help=ajuda)


class ProvedorTemas(Provider):
    """The theme picker: pacto's two themes by their Portuguese names."""

    async def discover(self) -> Hits:
        for nome, descricao in DESCRICOES.items():
            yield DiscoveryHit(descricao, partial(self.app.trocar_tema, nome))

    async def search(self, consulta: str) -> Hits:
        comparador = self.matcher(sem_acentos(consulta))
        for nome, descricao in DESCRICOES.items():
            if (pontos := comparador.match(sem_acentos(descricao))) > 0:
                yield Hit(pontos, descricao, partial(self.app.trocar_tema, nome))


class PaletaPacto(CommandPalette):
    """Textual's command palette, saying “Nenhum comando encontrado” instead of English."""

    BINDINGS = [
        Binding("ctrl+end, shift+end", "command_list('last')", "Ir ao último", show=False),
        Binding("ctrl+home, shift+home", "command_list('first')", "Ir ao primeiro", show=False),
        Binding("down", "cursor_down", "Próximo comando", show=False),
        Binding("escape", "escape", "Fechar a paleta"),
        Binding("pagedown", "command_list('page_down')", "Próxima página", show=False),
        Binding("pageup", "command_list('page_up')", "Página anterior", show=False),
        Binding("up", "command_list('cursor_up')", "Comando anterior", show=False),
    ]

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Same as Textual's (8.x), with the message in Portuguese."""
        self._stop_no_matches_countdown()

        def _mostrar_nenhum() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text("Nenhum comando encontrado", style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _mostrar_nenhum)
