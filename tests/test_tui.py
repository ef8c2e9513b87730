"""The interface driven as a facilitator would: keys, sections, search, help and palette."""

from textual.widgets import ContentSwitcher, DataTable, Input, Static

from pacto.tui.app import criar_app
from pacto.tui.help import TelaAjuda


def _texto(widget: Static) -> str:
    return str(widget.render())


async def test_opens_on_painel_with_network_name_and_gaps(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Rede Estadual de Enfrentamento ao Tráfico de Pessoas de Roraima" in app.title
        assert app.query_one("#secoes", ContentSwitcher).current == "painel"
        etapas = _texto(app.query_one("#painel-etapas", Static))
        assert "Etapas com responsável: 5 de 5" in etapas
        lacunas = _texto(app.query_one("#painel-lacunas", Static))
        assert "PRF-RR: sem ponto focal titular." in lacunas
        assert "Próximo passo" in _texto(app.query_one("#painel-proximo", Static))


async def test_number_keys_switch_sections(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert app.query_one("#secoes", ContentSwitcher).current == "rede"
        assert app.focused is app.query_one("#rede-tabela", DataTable)
        await pilot.press("6")
        assert app.query_one("#secoes", ContentSwitcher).current == "reunioes"
        await pilot.press("1")
        assert app.query_one("#secoes", ContentSwitcher).current == "painel"


async def test_rede_table_lists_every_institution_and_search_filters(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        tabela = app.query_one("#rede-tabela", DataTable)
        assert tabela.row_count == 33
        await pilot.press("slash")
        assert app.focused is app.query_one("#rede-busca", Input)
        await pilot.press(*"regional da policia federal")
        await pilot.pause()
        siglas = [tabela.get_row_at(i)[0] for i in range(tabela.row_count)]
        assert siglas == ["PF-RR"]
        detalhe = _texto(app.query_one("#rede-detalhe", Static))
        assert "Ponto focal titular" in detalhe and "Resgate" in detalhe


async def test_search_ignores_accents_and_matches_stages(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"pos-resgate")
        await pilot.pause()
        tabela = app.query_one("#rede-tabela", DataTable)
        assert 0 < tabela.row_count < 33
        for i in range(tabela.row_count):
            assert "PR" in tabela.get_row_at(i)[2].split()


async def test_typing_a_digit_in_search_does_not_change_section(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "1", "0", "0")
        assert app.query_one("#secoes", ContentSwitcher).current == "rede"
        assert app.query_one("#rede-busca", Input).value == "100"


async def test_help_screen_opens_and_closes(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, TelaAjuda)
        await pilot.press("escape")
        assert not isinstance(app.screen, TelaAjuda)


async def test_command_palette_offers_pacto_actions(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ir para rede")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#secoes", ContentSwitcher).current == "rede"


async def test_every_section_shows_something_useful(caminho_demo):
    """Built sections show their content; sections still planned say what they will hold."""
    from textual.widgets import OptionList

    from pacto.tui.sections import SECOES

    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        for secao in SECOES:
            await pilot.press(secao.tecla)
            assert app.query_one("#secoes", ContentSwitcher).current == secao.id
            if not secao.classe:
                texto = " ".join(_texto(s) for s in app.query(f"#{secao.id} Static"))
                assert secao.previsto[:40] in texto and "em construção" in texto
        await pilot.press("0")
        lista = app.query_one("#doc-lista", OptionList)
        assert app.focused is lista
        nomes = [str(lista.get_option_at_index(i).prompt) for i in range(lista.option_count)]
        assert "Termo de Adesão" in nomes and "Ata da reunião" in nomes


async def test_q_quits(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_reload_shows_changes_made_by_another_process(caminho_demo):
    from pacto.store import Workspace

    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        with Workspace.abrir(caminho_demo) as outro:
            rede = outro.rede()
            rede.nome = "Rede Renomeada"
            outro.salvar_rede(rede)
        await pilot.press("f5")
        assert "Rede Renomeada" in app.title
