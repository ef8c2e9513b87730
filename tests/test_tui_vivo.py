"""Live screens: a change made in one section shows in the others without F5, and a write by
another process (the CLI, another TUI) shows within 2 seconds."""

from pacto.store import Workspace
from pacto.tui.app import criar_app

from .conftest import HOJE, nova_instituicao


def _passos(app) -> str:
    tabela = app.query_one("#passos-tabela")
    return "\n".join(" ".join(map(str, tabela.get_row_at(i))) for i in range(tabela.row_count))


async def test_answering_the_self_diagnosis_updates_pactuacao_without_f5(caminho_vazio):
    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert "Nenhuma rodada de autodiagnóstico registrada" in _passos(app)
        await pilot.press("2", "N", "s")  # start a run, answer the first question
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert "Nenhuma rodada de autodiagnóstico registrada" not in _passos(app)
        assert "Autodiagnóstico em curso: 1 de" in _passos(app)


async def test_a_write_by_another_process_shows_within_two_seconds(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "33 instituições" in str(app.query_one("#painel-rede").render())
        with Workspace.abrir(caminho_demo, usuario="outra sessão") as outro:
            nova_instituicao(outro, "NOVA-RR", "Instituição Nova de Roraima")
        await pilot.pause(2.0)
        assert "34 instituições" in str(app.query_one("#painel-rede").render())
        await pilot.press("3")  # the section on screen when it changed is fresh too
        await pilot.pause()
        assert app.query_one("#rede-tabela").row_count == 34
