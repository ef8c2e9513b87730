"""Pilot tests of the guided process: self-diagnosis answered by keys, pact steps, next step on the Painel."""

from textual.widgets import DataTable, Input, Static

from pacto.tui.app import criar_app
from pacto.tui.pactuacao import FormAjuste


def _texto(app, seletor) -> str:
    return str(app.query_one(seletor, Static).render())


async def test_painel_and_header_show_the_pact_step_and_next_action(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        proximo = _texto(app, "#painel-proximo")
        assert "Completar os pontos focais titulares" in proximo
        assert "3 instituições não têm ponto focal titular." in proximo
        assert "✔ 1 GT" in proximo and "▶ 3 Reunião ampliada" in proximo
        assert app.sub_title.startswith("Pactuação: passo 3 de 6")
        assert "passo 3 de 6" in _texto(app, "#lateral-estado")


async def test_self_diagnosis_new_run_answered_with_keys_shows_change(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        assert app.focused is app.query_one("#auto-tabela", DataTable)
        await pilot.press("N", "s")  # asks first: the new run starts blank
        await pilot.pause()
        assert "0 de 17 respondidas" in _texto(app, "#auto-cabecalho")
        await pilot.press("s", "n")  # first question sim, second não; cursor advances
        await pilot.pause()
        rodadas = app.ws.rodadas_autodiagnostico()
        assert len(rodadas) == 2
        ultima = rodadas[-1].respostas
        assert ultima["atendimento_reservado"].valor == "sim"
        assert ultima["equipamentos_canal"].valor == "nao"
        resumo = _texto(app, "#auto-resumo")
        assert "↑" in resumo and "Parcial → Sim" in resumo
        assert "↓" in resumo and "Sim → Não" in resumo


async def test_note_and_evidence_for_an_answer(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "o")
        await pilot.pause()
        nota = app.screen.query_one("#nota-texto", Input)
        nota.value = "Sala nova prevista para 2027"
        await pilot.press("enter")
        await pilot.pause()
        resposta = app.ws.rodadas_autodiagnostico()[-1].respostas["atendimento_reservado"]
        assert resposta.nota == "Sala nova prevista para 2027"
        assert "Sala nova prevista para 2027" in _texto(app, "#auto-detalhe")


async def test_mark_step_by_hand_requires_justification_and_shows_both_states(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        tabela = app.query_one("#passos-tabela", DataTable)
        tabela.move_cursor(row=2)  # step 3, the open meeting
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FormAjuste)
        await pilot.press("enter")  # empty justification is refused
        await pilot.pause()
        assert isinstance(app.screen, FormAjuste)
        assert "justificativa" in str(app.screen.query_one("#ajuste-erro", Static).render())
        await pilot.press(*"Feita em 2025 com ata no SEI")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormAjuste)
        passo = app.processo.passos[2]
        assert passo.situacao == "concluído" and passo.situacao_derivada == "em andamento"
        assert "Feita em 2025" in _texto(app, "#passo-detalhe")
        # the evidence rule governing the open meeting shows with its reason
        assert "Regra “Presença mínima na reunião ampliada”: 50%" in _texto(app, "#passo-detalhe")
        assert app.sub_title.startswith("Pactuação: passo 4 de 6")
        await pilot.press("r")
        await pilot.pause()
        assert app.processo.passos[2].situacao == "em andamento"


async def test_enter_on_a_step_opens_its_section(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        app.query_one("#passos-tabela", DataTable).move_cursor(row=6)  # roadmap step 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#secoes").current == "autodiagnostico"
