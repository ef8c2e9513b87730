"""Two apps on one workspace (two browser tabs of `pacto web`): the second to save sees the other's version."""

from dataclasses import replace

from textual.geometry import Region
from textual.widgets import DataTable, Input, Static, TextArea

from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.conflito import DialogoConflito
from pacto.tui.formularios import EditorTexto
from pacto.tui.formularios_rede import FormInstituicao
from pacto.tui.reuniao_forms import FormReuniao
from tests.conftest import HOJE


def _texto(widget: Static) -> str:
    return str(widget.render())


def _na_tela(widget) -> str:
    """The widget's text as drawn at its current size, line by line."""
    regiao = Region(0, 0, widget.size.width, widget.size.height)
    return "\n".join(strip.text for strip in widget.render_lines(regiao))


async def test_institution_changed_in_another_tab_shows_both_phones_and_keeps_theirs(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        busca = app.query_one("#rede-busca", Input)
        busca.focus()
        await pilot.press(*"regional da policia federal", "enter", "enter")
        assert isinstance(app.screen, FormInstituicao)
        antes = app.ws.instituicao_por_sigla("PF-RR").telefone

        with Workspace.abrir(caminho_demo) as outra_aba:  # another tab saves first
            inst = outra_aba.instituicao_por_sigla("PF-RR")
            inst.telefone = "(95) 3222-0000"
            outra_aba.salvar_instituicao(inst)

        campo = app.screen.query_one("#inst-telefone", Input)
        campo.value = ""
        campo.focus()
        await pilot.press(*"(95) 3000-9999", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DialogoConflito)
        titulo = _texto(app.screen.query_one(".form-titulo", Static))
        assert titulo == "Outra pessoa alterou esta instituição enquanto você editava"
        diferencas = _na_tela(app.screen.query_one("#conflito-diferencas", Static))
        linha = next(x for x in diferencas.splitlines() if "Telefone" in x)
        assert "(95) 3222-0000" in linha and "(95) 3000-9999" in linha
        assert antes not in diferencas  # only the two versions, not the one the form opened with
        assert "Nome" not in diferencas  # unchanged fields are not listed

        await pilot.press("escape")  # continue editing: back in the form, nothing written
        assert isinstance(app.screen, FormInstituicao)
        assert "Outra pessoa alterou" in _texto(app.screen.query_one("#form-erros", Static))

        await pilot.press("ctrl+s")  # saving again asks again
        await pilot.pause()
        assert isinstance(app.screen, DialogoConflito)
        await pilot.press("o")  # Manter a versão da outra pessoa
        await pilot.pause()
        assert not isinstance(app.screen, (DialogoConflito, FormInstituicao))
        assert app.ws.instituicao_por_sigla("PF-RR").telefone == "(95) 3222-0000"
        tabela = app.query_one("#rede-tabela", DataTable)
        assert tabela.get_row_at(tabela.cursor_row)[4] == "(95) 3222-0000"


async def test_duty_written_in_another_tab_can_be_overwritten_explicitly(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "t")  # Rede › Atribuições
        await pilot.pause()
        aba = app.query_one("#aba-atribuicoes-conteudo")
        await pilot.press("enter")  # edit the duty under the cursor
        await pilot.pause()
        assert isinstance(app.screen, EditorTexto)
        inst, etapa = aba._celula()
        fluxo_id = aba.fluxo_id

        with Workspace.abrir(caminho_demo) as outra_aba:
            outra_aba.definir_atribuicao(inst.id, etapa.id, fluxo_id, "Texto da outra aba.")

        app.screen.query_one("#editor-texto", TextArea).text = "Meu texto."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DialogoConflito)
        diferencas = _na_tela(app.screen.query_one("#conflito-diferencas", Static))
        assert "Texto da outra aba." in diferencas and "Meu texto." in diferencas
        await pilot.press("g")  # Gravar a minha por cima
        await pilot.pause()
        assert not isinstance(app.screen, (DialogoConflito, EditorTexto))
        assert app.ws.texto_da_atribuicao(inst.id, etapa.id, fluxo_id) == "Meu texto."


async def test_meeting_changed_elsewhere_back_to_my_edit_then_overwritten(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6", "e")
        await pilot.pause()
        assert isinstance(app.screen, FormReuniao)
        reuniao_id = app.screen.reuniao.id

        with Workspace.abrir(caminho_demo) as outra_aba:
            outra_aba.salvar_reuniao(replace(outra_aba.reuniao(reuniao_id), local="Sala A"))

        app.screen.query_one("#f-local", Input).value = "Sala B"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DialogoConflito)
        assert "alterou esta reunião" in _texto(app.screen.query_one(".form-titulo", Static))
        diferencas = _na_tela(app.screen.query_one("#conflito-diferencas", Static))
        linha = next(x for x in diferencas.splitlines() if "Local" in x)
        assert "Sala A" in linha and "Sala B" in linha

        await pilot.press("escape")  # back to the form, with my edit still there
        await pilot.pause()
        assert isinstance(app.screen, FormReuniao)
        assert app.screen.query_one("#f-local", Input).value == "Sala B"
        assert app.ws.reuniao(reuniao_id).local == "Sala A"

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DialogoConflito)
        await pilot.press("g")  # Gravar a minha por cima
        await pilot.pause()
        assert app.ws.reuniao(reuniao_id).local == "Sala B"
