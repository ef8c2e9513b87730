"""What keeps the TUI quick on a projector and a big network: the meeting clock and the Rede
detail pane repaint themselves without re-laying out the whole screen."""

from textual.screen import Screen

from pacto.domain.models import Instituicao
from pacto.tui.app import criar_app
from pacto.tui.reuniao_listas import TelaPendencias
from pacto.tui.reuniao_modo import ModoReuniao

from .conftest import HOJE


def _contar_layouts(monkeypatch) -> list[int]:
    contagem = [0]
    original = Screen._refresh_layout

    def contar(self, *args, **kwargs):
        contagem[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", contar)
    return contagem


async def test_meeting_clock_ticks_without_relayout(caminho_demo, monkeypatch):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        if isinstance(app.screen, TelaPendencias):
            await pilot.press("escape")
        await pilot.pause(0.5)
        assert isinstance(app.screen, ModoReuniao)
        relogio = app.screen.query_one("#mr-relogio")
        antes = str(relogio.render())
        layouts = _contar_layouts(monkeypatch)
        await pilot.pause(2.2)  # eight pulses, two visible ticks of the clock
        assert str(relogio.render()) != antes  # the clock did move
        assert layouts[0] == 0


async def test_detail_pane_of_same_shape_rows_repaints_without_relayout(caminho_vazio, monkeypatch):
    from pacto.store import Workspace

    with Workspace.abrir(caminho_vazio) as ws:
        for n in range(3):
            ws.salvar_instituicao(Instituicao(nome=f"Órgão {n}", sigla=f"ORG-{n}"))
    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause(0.3)
        detalhe = app.query_one("#rede-detalhe")
        layouts = _contar_layouts(monkeypatch)
        await pilot.press("down")
        await pilot.pause(0.4)  # the detail follows once the cursor rests
        assert "Órgão 1 (ORG-1)" in str(detalhe.render())
        assert layouts[0] == 0
