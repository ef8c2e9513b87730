"""pacto's actions in Textual's command palette (Ctrl+P)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pacto.tui.rede import ABAS
from pacto.tui.sections import SECOES


async def _abrir_aba_da_rede(app, aba: str) -> None:
    """Go to the Rede section and open one of its tabs."""
    await app.query_one("#rede").abrir_aba(aba)
    app.ir_para("rede")


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
        yield ("Recarregar dados", app.action_recarregar, "Relê o workspace (F5)")
        yield ("Buscar instituição", app.action_buscar, "Busca na seção Rede (/)")
        yield ("Ajuda: teclas do pacto", app.action_ajuda, "Tecla ?")
        yield ("Sair do pacto", app.action_quit, "Tecla q")

    async def discover(self) -> Hits:
        for nome, acao, ajuda in self._comandos():
            yield DiscoveryHit(nome, acao, help=ajuda)

    async def search(self, consulta: str) -> Hits:
        comparador = self.matcher(consulta)
        for nome, acao, ajuda in self._comandos():
            pontos = comparador.match(nome)
            if pontos > 0:
                yield Hit(pontos, comparador.highlight(nome), acao, help=ajuda)
