"""The versions screen driven as a facilitator would: open, read the diff, freeze with a note."""

from textual.widgets import Input, OptionList, Static

from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.reuniao_dialogos import Confirmar
from pacto.tui.versoes import TelaCongelar, TelaVersoes

from .conftest import nova_instituicao


def _texto(app) -> str:
    return " ".join(str(app.screen.query_one("#versoes-diff", Static).render()).split())


def _lista(app) -> list[str]:
    lista = app.screen.query_one("#versoes-lista", OptionList)
    return [str(lista.get_option_at_index(i).prompt) for i in range(lista.option_count)]


async def test_first_freeze_from_the_screen_with_a_note(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, TelaVersoes)
        assert "Nenhuma versão congelada ainda" in _texto(app)
        assert _lista(app) == ["Rascunho\n  nada congelado ainda"]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TelaCongelar)
        await pilot.press("enter")  # an empty note is refused on the spot
        await pilot.pause()
        assert isinstance(app.screen, TelaCongelar)
        assert "Escreva uma nota" in str(app.screen.query_one("#congelar-erro", Static).render())
        await pilot.press(*"Aprovada na ampliada")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TelaVersoes)
        (versao,) = app.ws.versoes()
        assert versao.numero == 1 and versao.nota == "Aprovada na ampliada"
        lista = _lista(app)
        assert lista[0] == "Rascunho\n  igual à versão 1"
        assert lista[1].startswith("Versão 1 · ") and versao.hash_curto in lista[1]
        assert "Primeira versão congelada" in _texto(app)
        await pilot.press("c")  # nothing changed: refused before asking for a note
        await pilot.pause()
        assert isinstance(app.screen, TelaVersoes)
        assert len(app.ws.versoes()) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TelaVersoes)


async def test_diff_against_previous_and_against_draft(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        ws.congelar_versao("Primeira")
        nova_instituicao(ws, "CREAS-BV", "CREAS Pintolândia")
        ws.congelar_versao("Entrada do CREAS")
        ws.remover_instituicao(ws.instituicao_por_sigla("PRF-RR").id)
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        lista = _lista(app)
        assert lista[0] == "Rascunho\n  com alterações"
        assert [linha.split(" · ")[0] for linha in lista[1:]] == ["Versão 2", "Versão 1"]
        # the latest version is highlighted and compared with the one before it
        texto = _texto(app)
        assert "Da versão 1 para a versão 2" in texto
        assert "Entrou na rede: CREAS Pintolândia (CREAS-BV)." in texto
        assert "Saiu da rede" not in texto
        await pilot.press("d")  # now against the draft
        await pilot.pause()
        texto = _texto(app)
        assert "Da versão 2 para o rascunho" in texto
        assert "Saiu da rede: Superintendência da Polícia Rodoviária Federal" in texto
        await pilot.press("down")  # version 1 against the draft: both changes
        await pilot.pause()
        texto = _texto(app)
        assert "Da versão 1 para o rascunho" in texto
        assert "Entrou na rede: CREAS" in texto and "Saiu da rede: Superintendência" in texto
        await pilot.press("d", "home")  # the draft entry: latest version vs draft
        await pilot.pause()
        texto = _texto(app)
        assert texto.startswith("Rascunho")
        assert "Da versão 2 para o rascunho" in texto and "Entrou na rede" not in texto


async def test_palette_opens_versions_and_freezes(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"congelar")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TelaCongelar)
        assert app.focused is app.screen.query_one("#congelar-nota", Input)
        await pilot.press(*"Pelo palete", "enter")
        await pilot.pause()
        assert [v.nota for v in app.ws.versoes()] == ["Pelo palete"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"do fluxo")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TelaVersoes)
        assert _lista(app)[1].startswith("Versão 1 · ")


async def test_escape_cancels_the_note_without_freezing(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "c")
        await pilot.pause()
        await pilot.press(*"Talvez", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirmar)  # a typed note is not thrown away unasked
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TelaVersoes)
        assert app.ws.versoes() == []
