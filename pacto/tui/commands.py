"""pacto's actions in Textual's command palette (Ctrl+P)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pacto.tui.sections import SECOES


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
        yield ("Recarregar dados", app.action_recarregar, "Relê o workspace (F5)")
        yield ("Buscar instituição", app.action_buscar, "Busca na seção Rede (/)")
        yield ("Versões do fluxo", app.action_versoes, "Versões congeladas e o que mudou (v)")
        yield ("Congelar versão", app.action_congelar_versao, "Congela o rascunho com uma nota")
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
