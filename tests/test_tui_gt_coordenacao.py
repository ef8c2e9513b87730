"""The working group and the coordination, reached from the palette by the words a user types."""

from __future__ import annotations

from textual.widgets import Input, Select, SelectionList

from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.rede_dados import FormGrupoTrabalho, FormRede
from tests.conftest import nova_instituicao


async def _paleta(pilot, texto: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*texto)
    await pilot.pause(0.4)
    await pilot.press("enter")
    await pilot.pause()


async def test_gt_members_and_act_from_the_palette(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "SEMAS", "Secretaria de Assistência Social")
        nova_instituicao(ws, "PC", "Polícia Civil")
    app = criar_app(caminho_vazio)
    async with app.run_test(size=(80, 24)) as pilot:
        await _paleta(pilot, "grupo de trabalho")
        assert isinstance(app.screen, FormGrupoTrabalho)
        await pilot.press(*"Portaria nº 45/2026")
        await pilot.press("tab")
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space", "down", "space", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormGrupoTrabalho)
        assert len(app.ws.membros_gt()) == 2
        assert app.ws.ato_gt() == "Portaria nº 45/2026"
        # the GT now has members and its act; passo 1 waits only for its first meeting
        motivo = app.processo.passos[0].motivo
        assert motivo.endswith("falta registrar a primeira reunião do GT."), motivo
        await _paleta(pilot, "GT")
        assert isinstance(app.screen, FormGrupoTrabalho), "“GT” finds the working group too"
        assert app.screen.query_one("#gt-ato", Input).value == "Portaria nº 45/2026"


async def test_coordination_from_the_palette_with_keys_only(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "AAA", "Associação")
        semas = nova_instituicao(ws, "SEMAS", "Secretaria de Assistência Social")
    app = criar_app(caminho_vazio)
    async with app.run_test(size=(80, 24)) as pilot:
        await _paleta(pilot, "coordenacao")
        assert isinstance(app.screen, FormRede)
        seletor = app.screen.query_one("#rede-coordenacao", Select)
        assert app.focused is seletor
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert seletor.value == semas.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormRede)
        assert app.ws.rede().coordenacao_id == semas.id


async def test_network_form_shows_problems_and_stays_open(caminho_vazio):
    app = criar_app(caminho_vazio)
    async with app.run_test(size=(80, 24)) as pilot:
        await _paleta(pilot, "dados da rede")
        assert isinstance(app.screen, FormRede)
        app.screen.query_one("#rede-nome", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormRede)
        assert "Informe o nome da rede" in str(app.screen.query_one("#form-erros").render())


async def test_institution_form_has_role_and_legal_personality(caminho_vazio):
    """The two fields of the registry that other rules need are in the TUI form too; a
    collegiate type unchecks legal personality, as the catalogue says."""
    from pacto.tui.formularios import CaixaDeMarcar
    from pacto.tui.formularios_rede import FormInstituicao

    app = criar_app(caminho_vazio)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        assert isinstance(app.screen, FormInstituicao)
        caixa = app.screen.query_one("#inst-personalidade_juridica", CaixaDeMarcar)
        assert caixa.value is True
        app.screen.query_one("#inst-tipo", Select).value = "coetrae"
        await pilot.pause()
        assert caixa.value is False
        app.screen.query_one("#inst-papel", Select).value = "apoio"
        app.screen.query_one("#inst-nome", Input).value = "Comitê Estadual"
        app.screen.query_one("#inst-sigla", Input).value = "COETRAE-SP"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormInstituicao)
        inst = app.ws.instituicao_por_sigla("COETRAE-SP")
        assert (inst.papel, inst.personalidade_juridica) == ("apoio", False)
