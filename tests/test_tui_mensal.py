"""Pilot tests of the monthly routine: checklist answered by keys across months, indicators measured."""

from datetime import date

from textual.widgets import DataTable, Input, Static

from pacto.domain.checklist import RespostaChecklist
from pacto.domain.indicadores import Meta
from pacto.store import Workspace
from pacto.tui.app import PactoApp

HOJE = date(2026, 11, 26)


def _app(caminho):
    return PactoApp(Workspace.abrir(caminho), hoje=HOJE)


def _texto(app, seletor):
    return str(app.query_one(seletor, Static).render())


async def test_checklist_answered_with_keys_and_browsed_by_month(caminho_demo):
    app = _app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("8")
        assert app.focused is app.query_one("#check-tabela", DataTable)
        assert "Checklist de novembro de 2026" in _texto(app, "#check-cabecalho")
        await pilot.press("p", "x", "o")
        await pilot.pause()
        respostas = {r.item: r.situacao for r in app.ws.respostas_checklist()}
        assert respostas["derivado:pontos_focais_90"] == "pendente"
        assert respostas["derivado:acoes_atrasadas"] == "nao_se_aplica"
        assert respostas["pontos_focais"] == "ok"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Checklist de dezembro de 2026" in _texto(app, "#check-cabecalho")
        tabela = app.query_one("#check-tabela", DataTable)
        desde = [tabela.get_row_at(i)[2] for i in range(tabela.row_count)]
        assert "11/2026" in desde  # the pending item carried over
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert "Checklist de outubro de 2026" in _texto(app, "#check-cabecalho")


async def test_checklist_note_and_responsible_institution(caminho_demo):
    app = _app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("8", "down", "down", "a")
        await pilot.pause()
        app.screen.query_one("#check-nota", Input).value = "CREAS confirma até dia 10"
        app.screen.query_one("#check-sigla", Input).value = "creas pintolandia"
        await pilot.press("enter")
        await pilot.pause()
        resposta = next(r for r in app.ws.respostas_checklist() if r.item == "pontos_focais")
        assert resposta.nota == "CREAS confirma até dia 10" and resposta.situacao == "pendente"
        assert "Responsável: CREAS Pintolândia" in _texto(app, "#check-detalhe")


async def test_monitoring_measures_and_shows_targets(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        ws.definir_meta(Meta("pontos_focais_confirmados", "2026-S2", 95))
        ws.responder_checklist(RespostaChecklist("2026-11", "envio_netp", "ok"))
    app = _app(caminho_demo)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("9", "m")
        await pilot.pause()
        tabela = app.query_one("#ind-tabela", DataTable)
        linhas = [tabela.get_row_at(i) for i in range(tabela.row_count)]
        pf = next(li for li in linhas if li[4] == "Pontos focais confirmados nos últimos 90 dias")
        assert pf[:3] == ["!", "93%", "95%"]
        assert "0 de 33 instituições enviaram" in _texto(app, "#netp-envios")
