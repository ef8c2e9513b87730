"""Hostile text in the interface, driven with Pilot: every section draws a network full of it
literally, and the forms keep it or refuse it with a message, never crashing the screen."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from pacto.tui.app import criar_app
from pacto.tui.reuniao_forms import FormPresenca
from pacto.tui.reuniao_listas import TelaPendencias, TelaPresenca
from pacto.tui.reuniao_modo import ModoReuniao
from pacto.tui.sections import SECOES
from pacto.tui.sugestao_forms import FormSugestao

from .conftest import HOJE
from .hostil import HOSTIS, criar_rede_hostil, um_linha

TAMANHO = (120, 40)
MARCACAO = um_linha(HOSTIS["markup_quebrado"])  # “Centro [/] Sul [/b] e [b]aberto”


@pytest.fixture(scope="module")
def _rede_hostil(tmp_path_factory):
    caminho = tmp_path_factory.mktemp("hostil-tui") / "hostil.db"
    criar_rede_hostil(caminho, hoje=HOJE)
    return caminho


@pytest.fixture
def caminho_hostil(_rede_hostil, tmp_path):
    destino = tmp_path / "hostil.db"
    shutil.copy(_rede_hostil, destino)
    return destino


async def test_every_section_draws_hostile_text_literally(caminho_hostil):
    app = criar_app(caminho_hostil, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        for secao in SECOES:
            app.ir_para(secao.id)
            await pilot.pause()
            assert app.export_screenshot()
        app.ir_para("rede")
        await pilot.pause()
        tabela = app.query_one("#rede-tabela", DataTable)
        nomes = [str(tabela.get_row_at(i)[1]) for i in range(tabela.row_count)]
        assert MARCACAO in nomes and HOSTIS["sql"] in nomes
        tabela.focus()
        tabela.move_cursor(row=nomes.index(MARCACAO))
        await pilot.pause(0.6)  # the detail follows the cursor once it stops
        detalhe = str(app.query_one("#rede-detalhe", Static).render())
        assert MARCACAO in detalhe
        assert "[/] Sul" in app.export_screenshot().replace("&#160;", " ")
        for aba in ("p", "t", "m", "a"):  # focal points, duties matrix, referrals, actors
            await pilot.press(aba)
            await pilot.pause()
            assert app.export_screenshot()


async def test_institution_form_keeps_hostile_text_and_refuses_control_characters(
    caminho_hostil,
):
    from pacto.tui.formularios_rede import FormInstituicao

    app = criar_app(caminho_hostil, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("3", "n")
        form = app.screen
        assert isinstance(form, FormInstituicao)
        nome = MARCACAO + " {{ 7*7 }} <b>&amp; '); DROP TABLE instituicoes; --"
        form.query_one("#inst-nome", Input).value = nome
        form.query_one("#inst-sigla", Input).value = "HOSTIL-1"
        form.query_one("#inst-endereco", Input).value = HOSTIS["arabe_rtl"]
        form.query_one("#inst-horario", Input).value = HOSTIS["sino_e_escape"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "control characters must keep the form open"
        erros = str(form.query_one("#form-erros", Static).render())
        assert "Horário: o texto tem caracteres de controle" in erros
        assert app.ws.instituicao_por_sigla("HOSTIL-1") is None
        form.query_one("#inst-horario", Input).value = HOSTIS["emoji"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        inst = app.ws.instituicao_por_sigla("HOSTIL-1")
        assert (inst.nome, inst.endereco, inst.horario) == (
            nome,
            HOSTIS["arabe_rtl"],
            HOSTIS["emoji"],
        )
        assert app.export_screenshot()
        await pilot.press("e")  # edit it again: the form shows the text as typed
        await pilot.pause()
        assert app.screen.query_one("#inst-nome", Input).value == nome
        assert app.export_screenshot()


async def test_history_screen_and_palette_search_take_hostile_text(caminho_hostil):
    app = criar_app(caminho_hostil, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        app.action_historico("H1")
        await pilot.pause()
        assert app.export_screenshot()
        busca = app.screen.query_one(Input)
        busca.value = "[/] nenhuma [b]"
        busca.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "[/] nenhuma [b]" in str(app.screen.query_one("#historico-titulo", Static).render())


async def _presenca_avulsa(app, pilot) -> FormPresenca:
    await pilot.press("f2")
    await pilot.pause()
    if isinstance(app.screen, TelaPendencias):
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(app.screen, ModoReuniao)
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(app.screen, TelaPresenca)
    assert app.export_screenshot()  # the list shows the hostile institutions
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, FormPresenca)
    return app.screen


async def test_new_institution_from_the_attendance_form_keeps_hostile_text(caminho_hostil):
    app = criar_app(caminho_hostil, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        form = await _presenca_avulsa(app, pilot)
        form.query_one("#f-organizacao", Input).value = MARCACAO + " {{ 7*7 }} <b>&"
        form.query_one("#f-nome", Input).value = HOSTIS["rlo"]
        form.query_one("#f-cargo", Input).value = HOSTIS["sql"]
        form.query_one("#f-mapear").value = True
        form.query_one("#f-sigla", Input).value = "NOVA"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TelaPresenca)
        assert app.export_screenshot()
        nova = app.ws.instituicao_por_sigla("NOVA")
        assert nova.nome == MARCACAO + " {{ 7*7 }} <b>&"
        presenca = next(p for p in app.ws.presencas() if p.instituicao_id == nova.id)
        assert (presenca.nome, presenca.cargo) == (HOSTIS["rlo"], HOSTIS["sql"])


@pytest.mark.parametrize("nome", ["nul", "controles_c0", "sino_e_escape", "nao_caracteres"])
async def test_pasted_control_characters_are_refused_with_a_message(caminho_hostil, nome):
    app = criar_app(caminho_hostil, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        antes = len(app.ws.instituicoes()), len(app.ws.presencas())
        form = await _presenca_avulsa(app, pilot)
        form.query_one("#f-organizacao", Input).value = "Organização " + HOSTIS[nome]
        form.query_one("#f-nome", Input).value = "Pessoa de teste"
        form.query_one("#f-mapear").value = True
        form.query_one("#f-sigla", Input).value = "COLADA"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.export_screenshot()
        mensagens = [str(n.message) for n in app._notifications] + [
            str(w.render()) for w in app.screen.query(".erros")
        ]
        assert any("caracteres de controle" in m for m in mensagens), mensagens
        assert (len(app.ws.instituicoes()), len(app.ws.presencas())) == antes


async def test_suggestion_form_keeps_a_hostile_suggestion(caminho_hostil):
    app = criar_app(caminho_hostil, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        if isinstance(app.screen, TelaPendencias):
            await pilot.press("escape")
            await pilot.pause()
        modo = app.screen
        await pilot.press("f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormSugestao)
        assert app.export_screenshot()  # institution names in the choices
        form.query_one("#s-autor-livre", Input).value = MARCACAO
        texto = HOSTIS["jinja_bloco"] + "\n" + HOSTIS["xml_especiais"]
        form.query_one("#s-texto", TextArea).load_text(texto)
        form.query_one("#s-autor").value = -1  # “Outro (escrever o nome)”
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modo, [str(w.render()) for w in form.query(".erros")]
        sugestao = max(app.ws.sugestoes(), key=lambda s: s.id)
        assert sugestao.texto == texto and sugestao.autor == MARCACAO
        assert app.export_screenshot()
