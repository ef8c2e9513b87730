"""The interface on a large network: the first screen draws only what is shown, every section
shows the latest data when opened, and the panel stays a summary."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from pacto.domain.models import Instituicao
from pacto.store import Workspace
from pacto.tui.app import criar_app

from .conftest import HOJE


def _muitas(caminho, n: int) -> None:
    with Workspace.abrir(caminho) as ws:
        rc = ws.carregar()
        inicio = max(i.id for i in rc.instituicoes) + 1
        rc.instituicoes += [
            Instituicao(f"Serviço de teste {i}", f"ST-{i}", id=inicio + i) for i in range(n)
        ]
        ws.substituir(rc)


async def test_hidden_sections_are_drawn_when_opened_with_the_latest_data(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(120, 40)) as pilot:
        tabela = app.query_one("#rede-tabela", DataTable)
        assert tabela.row_count == 0  # not shown yet: not filled yet
        await pilot.press("3")
        await pilot.pause()
        assert tabela.row_count == 33
        with Workspace.abrir(caminho_demo) as outro:  # another process adds an institution
            outro.salvar_instituicao(Instituicao("Conselho Tutelar de Pacaraima", "CT-PAC"))
        await pilot.press("1")
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert tabela.row_count == 34
        siglas = {str(tabela.get_row_at(i)[0]) for i in range(tabela.row_count)}
        assert "CT-PAC" in siglas


async def test_panel_lists_the_first_gaps_and_counts_the_rest(caminho_demo):
    _muitas(caminho_demo, 120)  # institutions without duties or contacts: many gaps
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lacunas = str(app.query_one("#painel-lacunas", Static).render())
        assert "do mesmo tipo" in lacunas
        assert lacunas.count("\n") < 60  # a summary, not one line per gap
