"""Forms as a facilitator uses them at 80x24: lists that search as you type, Esc that asks
before throwing a filled form away, prefilled fields that say so, and a suggestion that changes
an existing referral in place."""

from textual.widgets import Input, Select, TextArea

from pacto.tui.app import criar_app
from pacto.tui.formularios_rede import FormEncaminhamento
from pacto.tui.reuniao_dialogos import Confirmar
from pacto.tui.reuniao_listas import TelaPendencias, TelaSugestoes
from pacto.tui.sugestao_forms import FormDecisao, FormSugestao

from .conftest import HOJE

TAMANHO = (80, 24)


async def test_accepted_deadline_change_edits_the_referral_in_place(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        siglas = {i.id: i.sigla for i in app.ws.instituicoes()}
        alvo = next(e for e in app.ws.encaminhamentos() if siglas[e.origem_id] == "DEAM-BV")
        antes = len(app.ws.encaminhamentos())
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TelaPendencias)
        await pilot.press("escape", "f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormSugestao)
        form.query_one("#s-autor", Select).value = alvo.origem_id
        form.query_one("#s-texto", TextArea).load_text("Prazo de 2 horas para a profilaxia.")
        form.query_one("#s-proposta", Select).value = "encaminhamento"
        await pilot.pause()
        existente = form.query_one("#pe-existente", Select)
        existente.focus()
        await pilot.pause()
        assert existente.region.bottom <= form.query_one(".campos").region.bottom  # in view
        await pilot.press(*"deam-bv", "enter")  # typed on the closed list: no Enter to open it
        await pilot.pause()
        assert existente.value == alvo.id
        assert form.query_one("#pe-de", Select).value == alvo.origem_id
        prazo = form.query_one("#pe-prazo", Input)
        assert prazo.value == alvo.prazo
        prazo.value = "2 horas"
        await pilot.press("ctrl+s")
        await pilot.pause()
        sugestao = app.ws.sugestoes()[-1]
        assert sugestao.proposta["encaminhamento_id"] == alvo.id

        await pilot.press("f8")
        await pilot.pause()
        lista = app.screen
        assert isinstance(lista, TelaSugestoes)
        tabela = lista.query_one("DataTable")
        tabela.move_cursor(row=tabela.get_row_index(str(sugestao.id)))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDecisao)
        await pilot.press("ctrl+s")
        await pilot.pause()
        depois = app.ws.encaminhamentos()
        assert len(depois) == antes  # changed, not duplicated
        mudado = next(e for e in depois if e.id == alvo.id)
        assert (mudado.origem_id, mudado.destino_id, mudado.prazo) == (
            alvo.origem_id,
            alvo.destino_id,
            "2 horas",
        )


async def test_esc_on_a_filled_form_asks_and_esc_again_keeps_editing(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("3", "m")
        tabela = app.query_one("#enc-tabela")
        de_destacado = str(tabela.get_row_at(tabela.cursor_row)[0])
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormEncaminhamento)
        aviso = str(form.query_one("#enc-aviso-de").render())
        assert "linha destacada" in aviso and de_destacado in aviso
        assert app.focused is form.query_one("#enc-origem")  # the prefilled field comes first
        await pilot.press("escape")  # nothing typed yet: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, FormEncaminhamento)

        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        outra = "hgr" if de_destacado != "HGR" else "pf-rr"
        await pilot.press(*outra)  # a closed list filters as you type
        await pilot.pause()
        origem = form.query_one("#enc-origem", Select)
        assert origem.expanded
        await pilot.press("enter")
        await pilot.pause()
        assert app.ws.instituicao(origem.value).sigla.lower() == outra
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirmar)
        await pilot.press("escape")  # in the question, Esc means keep editing
        await pilot.pause()
        assert app.screen is form and app.ws.instituicao(origem.value).sigla.lower() == outra
        await pilot.press("escape", "s")
        await pilot.pause()
        assert not isinstance(app.screen, (FormEncaminhamento, Confirmar))


async def test_letters_typed_fast_on_a_closed_list_all_count(caminho_vazio):
    """A facilitator types "RR" quickly on the state list, as a terminal sends it (both keys
    before the screen redraws): the list finds RR, not RJ; spaces and section keys are part
    of the search too (typing on the stage filter of Atribuições used to run its "e" binding)."""
    from textual import events

    from pacto.tui.rede_dados import FormRede

    def rajada(app, texto: str) -> None:
        for letra in texto:
            chave = letra if letra.isalnum() else {" ": "space", "-": "minus"}[letra]
            app._driver.send_message(events.Key(chave, letra))

    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("ctrl+p", *"dados da rede")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormRede)
        form.query_one("#rede-uf", Select).focus()
        await pilot.pause()
        rajada(app, "RR")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert form.query_one("#rede-uf", Select).value == "RR"
        await pilot.press("escape", "s")
        await pilot.pause()

        await pilot.press("3", "t")
        await pilot.pause()
        filtro = app.query_one("#atr-etapa", Select)
        filtro.focus()
        await pilot.pause()
        rajada(app, "Pós-Resgate")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ != "EditorTexto"
        etapa = next(e for e in app.ws.etapas() if e.id == filtro.value)
        assert etapa.chave == "pos_resgate"
