"""Every data-entry dialog at 80x24 with its longest field list, in the default and the
projector theme: the field in focus, the revealed fields and the buttons must all be legible.

Update them with `pytest tests/test_snapshots_dialogos.py --snapshot-update` only after looking
at the report of the differences.
"""

import pytest
from textual.widgets import Select

from pacto.store import Workspace
from pacto.tui.app import PactoApp
from tests.conftest import HOJE

TAMANHO = (80, 24)


def _ampliada(app):
    return next(r for r in app.ws.reunioes() if r.tipo == "ampliada")


async def _presenca(pilot):
    from pacto.tui.reuniao_forms import FormPresenca

    app = pilot.app
    inst = app.ws.instituicao_por_sigla("PF-RR")
    await app.push_screen(FormPresenca(_ampliada(app).id, inst, None, nome="Ana", cargo="Chefe"))


async def _acao(pilot):
    from pacto.tui.reuniao_forms import FormAcao

    app = pilot.app
    await app.push_screen(FormAcao(_ampliada(app).id, app.ws.instituicoes()))


async def _sugestao(pilot):
    """The suggestion that changes a referral: the kind with the most fields."""
    from pacto.tui.sugestao_forms import FormSugestao

    app = pilot.app
    await app.push_screen(FormSugestao(_ampliada(app).id, app.ws.carregar()))
    await pilot.pause()
    app.screen.query_one("#s-proposta", Select).value = "encaminhamento"
    await pilot.pause()
    app.screen.query_one("#pe-prazo").focus()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()  # the dialog scrolls to the focused field
    await pilot.pause()


async def _decisao(pilot):
    from pacto.tui.sugestao_forms import FormDecisao

    app = pilot.app
    rc = app.ws.carregar()
    sugestao = next(s for s in app.ws.sugestoes() if s.proposta)
    await app.push_screen(FormDecisao(sugestao, rc))


# (name, keys pressed on the Painel, or a coroutine that opens the dialog)
DIALOGOS = [
    ("instituicao", ["3", "a", "e"], None),
    ("ponto_focal", ["3", "p", "e"], None),
    ("encaminhamento", ["3", "m", "n"], None),
    ("reuniao", ["6", "e"], None),
    ("adesao", ["7", "r"], None),
    ("ajuste_de_passo", ["5", "c"], None),
    ("presenca", [], _presenca),
    ("acao", [], _acao),
    ("sugestao", [], _sugestao),
    ("decisao", [], _decisao),
]


@pytest.mark.parametrize("tema", ["padrao", "projetor"])
@pytest.mark.parametrize(("nome", "teclas", "abrir"), DIALOGOS, ids=[d[0] for d in DIALOGOS])
def test_dialogo_snapshot(snap_compare, caminho_demo, tema, nome, teclas, abrir):
    app = PactoApp(Workspace.abrir(caminho_demo), hoje=HOJE, tema=tema)
    assert snap_compare(app, press=teclas, run_before=abrir, terminal_size=TAMANHO)
