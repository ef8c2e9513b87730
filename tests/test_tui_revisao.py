"""Defects found walking through the whole interface at 80x24, each driven as a facilitator would."""

from textual.widgets import DataTable, Static

from pacto.tui.app import criar_app
from pacto.tui.reuniao_listas import TelaPendencias
from pacto.tui.reuniao_modo import ModoReuniao

from .conftest import HOJE

TAMANHO = (80, 24)


def _texto(widget) -> str:
    return str(widget.render())


async def test_pending_actions_enter_continues_and_cursor_stays_on_the_row(caminho_demo):
    """The hint says “Enter ou Esc segue para a pauta”; marking a row keeps the cursor there."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TelaPendencias)
        tabela = app.screen.query_one("#pd-tabela", DataTable)
        await pilot.press("down", "c")
        await pilot.pause()
        assert tabela.cursor_row == 1
        assert "concluída" in str(tabela.get_row_at(1)[0])
        acao = app.screen.acoes[1]
        assert acao.descricao in _texto(app.screen.query_one("#pd-detalhe", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModoReuniao)
