"""Meeting mode driven as a facilitator would, on a projector: keys, forms, autosave, timer."""

from textual.widgets import ContentSwitcher, DataTable, Input, Select, Static, TextArea

from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.reuniao_dialogos import AvisoPrivacidade, Confirmar
from pacto.tui.reuniao_forms import FormAcao, FormDeliberacao, FormPresenca, FormReuniao
from pacto.tui.reuniao_listas import TelaPendencias, TelaPresenca, TelaSugestoes
from pacto.tui.reuniao_modo import ModoReuniao
from pacto.tui.sugestao_forms import FormDecisao, FormSugestao

from .conftest import HOJE

TAMANHO = (100, 30)


def _texto(widget) -> str:
    return str(widget.render())


async def _abrir_modo(app, pilot) -> ModoReuniao:
    """F2 from anywhere opens the next planned meeting; its open action items come first."""
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(app.screen, TelaPendencias)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, ModoReuniao)
    return app.screen


def _ampliada(ws):
    return next(r for r in ws.reunioes() if r.tipo == "ampliada")


async def test_section_lists_meetings_and_details_the_next_one(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("6")
        await pilot.pause()
        assert app.query_one("#secoes", ContentSwitcher).current == "reunioes"
        tabela = app.query_one("#reunioes-tabela", DataTable)
        assert tabela.row_count == 2
        assert app.focused is tabela
        linhas = [tabela.get_row_at(i) for i in range(2)]
        assert linhas[0][2] == "1ª Reunião Ordinária do GT" and "1 atrasada" in linhas[0][3]
        assert linhas[1][0] == "▶"  # the next meeting is marked and highlighted
        detalhe = _texto(app.query_one("#reunioes-detalhe", Static))
        assert "1ª Reunião Ampliada" in detalhe and "Pauta (150 min)" in detalhe


async def test_pending_actions_then_timer_and_minutes_that_save_themselves(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        pendencias = app.screen
        assert isinstance(pendencias, TelaPendencias)
        tabela = pendencias.query_one(DataTable)
        assert tabela.row_count == 3
        assert "atrasada" in str(tabela.get_row_at(0)[0]) and tabela.get_row_at(0)[2] == "PRF-RR"
        await pilot.press("c")  # the PRF named its focal point: done
        await pilot.pause()
        assert (
            app.ws.acao(int(tabela.coordinate_to_cell_key((0, 0)).row_key.value)).situacao
            == "concluida"
        )
        await pilot.press("escape")
        await pilot.pause()
        modo = app.screen
        assert isinstance(modo, ModoReuniao)
        assert "1ª Reunião Ampliada" in _texto(modo.query_one("#mr-titulo"))
        relogio = _texto(modo.query_one("#mr-relogio"))
        assert relogio.startswith("⏱ 00:0") and "de 15:00" in relogio
        area = modo.query_one("#mr-ata", TextArea)
        assert app.focused is area
        await pilot.press(*"Abertura pelo NETP-RR.")
        await pilot.pause(1.3)
        item = app.ws.itens_pauta(modo.reuniao_id)[0]
        assert item.ata == "Abertura pelo NETP-RR."
        assert "salvo há" in area.border_title
        await pilot.pause(1.1)
        assert "⏱ 00:0" in _texto(modo.query_one("#mr-relogio"))
        assert _texto(modo.query_one("#mr-relogio")) != relogio  # the timer runs


async def test_continuous_typing_is_saved_while_typing(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        frase = "A SETRABES apresentou as vagas de acolhimento"
        salvos = []
        for letra in frase:
            await pilot.press(letra)
            await pilot.pause(0.06)
            salvos.append(app.ws.item_pauta(modo.item.id).ata)
        # never more than about a second behind, even without a pause in typing
        assert salvos[-1] and frase.startswith(salvos[-1])
        atraso = len(frase) - len(salvos[-1])
        assert atraso <= 20, atraso
        await pilot.press("f6")
        await pilot.pause()
        assert app.ws.item_pauta(modo.itens[0].id).ata == frase


async def test_next_item_marks_the_previous_one_done_and_keeps_minutes_apart(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press(*"Primeiro item.")
        await pilot.press("f6")
        await pilot.pause()
        assert "Item 2 — Apresentação do desenho inicial do fluxo" in _texto(
            modo.query_one("#mr-item")
        )
        assert modo.query_one("#mr-ata", TextArea).text == ""
        await pilot.press(*"Segundo item.")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ModoReuniao)
        primeiro, segundo, *_ = app.ws.itens_pauta(modo.reuniao_id)
        assert (primeiro.ata, primeiro.concluido) == ("Primeiro item.", True)
        assert (segundo.ata, segundo.concluido) == ("Segundo item.", False)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.item.id == segundo.id  # reopens where the meeting stopped


async def test_time_box_overrun_is_shown_in_words(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        modo.item.tempo_gasto_s = 16 * 60
        await pilot.pause(0.4)
        relogio = _texto(modo.query_one("#mr-relogio"))
        assert "de 15:00" in relogio and "tempo esgotado" in relogio


async def test_check_in_with_one_key_a_correction_and_a_walk_in(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        lista = app.screen
        assert isinstance(lista, TelaPresenca)
        tabela = lista.query_one("#lp-tabela", DataTable)
        pf = app.ws.instituicao_por_sigla("PF-RR")
        tabela.move_cursor(row=tabela.get_row_index(f"i{pf.id}"))
        await pilot.press("space")  # one key: the titular focal point is present
        await pilot.pause()
        (presenca,) = app.ws.presencas(modo.reuniao_id)
        assert (presenca.nome, presenca.cargo) == (
            "Carlos Eduardo Nunes",
            "Delegado de Polícia Federal",
        )
        assert "✔" in str(tabela.get_row_at(tabela.cursor_row)[0])
        dpu = app.ws.instituicao_por_sigla("DPU-RR")
        tabela.move_cursor(row=tabela.get_row_index(f"i{dpu.id}"))
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormPresenca)
        assert form.query_one("#f-nome", Input).value == "Gabriela Fonseca Reis"
        form.query_one("#f-nome", Input).value = "Leonardo Pires Macedo"
        form.query_one("#f-cargo", Input).value = "Defensor Público Federal"
        await pilot.press("enter")  # name → role
        assert app.focused is form.query_one("#f-cargo", Input)
        await pilot.press("enter")  # last field: saves
        await pilot.pause()
        assert isinstance(app.screen, TelaPresenca)
        await pilot.press("a")
        await pilot.pause()
        avulso = app.screen
        await pilot.press(*"Univ")
        avulso.query_one("#f-organizacao", Input).insert_text_at_cursor(
            "ersidade Estadual de Roraima"
        )
        avulso.query_one("#f-nome", Input).value = "Otília Brandão Sarmento"
        avulso.query_one("#f-cargo", Input).value = "Professora"
        avulso.query_one("#f-mapear").value = True
        avulso.query_one("#f-sigla", Input).value = "UERR"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TelaPresenca)
        presencas = {p.nome: p for p in app.ws.presencas(modo.reuniao_id)}
        assert presencas["Leonardo Pires Macedo"].instituicao_id == dpu.id
        uerr = app.ws.instituicao_por_sigla("UERR")
        assert uerr.nome == "Universidade Estadual de Roraima"
        assert presencas["Otília Brandão Sarmento"].instituicao_id == uerr.id
        await pilot.press("escape")
        await pilot.pause()
        assert "Presença: 3 de 34 instituições" in _texto(modo.query_one("#mr-presenca"))


async def test_decision_with_victim_data_warns_before_saving(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, FormDeliberacao)
        await pilot.press(*"CPF ")
        app.screen.query_one("#f-texto", TextArea).insert("123.456.789-09 da vítima Maria Souza.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)
        assert "123.456.789-09" in " ".join(_texto(s) for s in app.screen.query("Static"))
        await pilot.press("e")  # back to editing: nothing saved
        await pilot.pause()
        assert isinstance(app.screen, FormDeliberacao)
        assert app.ws.deliberacoes(modo.reuniao_id) == []
        app.screen.query_one("#f-texto", TextArea).load_text(
            "O NETP-RR recebe a comunicação de resgate em até 24 horas."
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modo
        (deliberacao,) = app.ws.deliberacoes(modo.reuniao_id)
        assert deliberacao.item_id == modo.item.id
        assert "Deliberações (1)" in _texto(modo.query_one("#mr-resumo"))


async def test_minutes_with_victim_data_are_flagged_and_leaving_the_item_asks(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press(*"vitima ")
        modo.query_one("#mr-ata", TextArea).insert("Joana Prado, tel (95) 99123-4567.")
        await pilot.pause(1.3)
        aviso = modo.query_one("#mr-privacidade", Static)
        assert aviso.has_class("visivel") and "dado de vítima" in _texto(aviso)
        primeiro = modo.item.id
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is modo and modo.item.id == primeiro
        area = modo.query_one("#mr-ata", TextArea)
        area.load_text("O caso foi encaminhado ao NETP-RR pelo fluxo.")
        await pilot.pause(1.3)
        assert not aviso.has_class("visivel")
        await pilot.press("f6")
        await pilot.pause()
        assert modo.item.id != primeiro
        assert app.ws.item_pauta(primeiro).ata == "O caso foi encaminhado ao NETP-RR pelo fluxo."


async def test_action_item_recorded_with_institution_and_deadline(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormAcao)
        await pilot.press(*"Confirmar ")
        form.query_one("#f-descricao", Input).insert_text_at_cursor("o ponto focal suplente")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Escolha a instituição responsável" in _texto(form.query_one(".erros"))
        creas = app.ws.instituicao_por_sigla("CREAS Pintolândia")
        form.query_one("#f-instituicao", Select).value = creas.id
        form.query_one("#f-prazo", Input).value = "10/12/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modo
        (acao,) = app.ws.acoes(modo.reuniao_id)
        assert (acao.responsavel, acao.prazo.isoformat()) == ("CREAS Pintolândia", "2026-12-10")
        resumo = _texto(modo.query_one("#mr-resumo"))
        assert (
            "Ações (1)" in resumo
            and "CREAS Pintolândia: Confirmar o ponto focal suplente" in resumo
        )


async def test_suggestion_recorded_decided_and_applied_to_the_draft_flow(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press("f5")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormSugestao)
        sine = app.ws.instituicao_por_sigla("SINE-RR")
        form.query_one("#s-autor", Select).value = sine.id
        form.query_one("#s-texto", TextArea).load_text("Atualizar o telefone do SINE no fluxo.")
        form.query_one("#s-proposta", Select).value = "contato"
        await pilot.pause()
        assert not form.query_one("#p-contato").has_class("oculto")
        assert form.query_one("#s-assunto", Select).value == "contato"
        form.query_one("#pc-inst", Select).value = sine.id
        await pilot.pause()
        assert form.query_one("#pc-valor", Input).value == sine.telefone  # today's value to edit
        form.query_one("#pc-valor", Input).value = "(95) 3000-7777"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modo
        nova = app.ws.sugestoes(modo.reuniao_id)[-1]
        assert (nova.autor, nova.referencia, nova.pendente) == ("SINE-RR", "SINE-RR", True)

        await pilot.press("f8")
        await pilot.pause()
        lista = app.screen
        assert isinstance(lista, TelaSugestoes)
        tabela = lista.query_one(DataTable)
        assert tabela.row_count == 3  # the two pending ones of the GT and the new one
        creas = next(s for s in app.ws.sugestoes() if s.autor == "CREAS Pintolândia")
        tabela.move_cursor(row=tabela.get_row_index(str(creas.id)))
        await pilot.press("enter")
        await pilot.pause()
        decisao = app.screen
        assert isinstance(decisao, FormDecisao)
        decisao.query_one("#d-decisao", Select).value = "acolhida_parcialmente"
        decisao.query_one("#d-justificativa", TextArea).load_text("48 horas nos dias úteis.")
        decisao.query_one("#d-texto-final", TextArea).load_text(
            "Faz o primeiro atendimento psicossocial em até 48 horas úteis."
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is lista
        decidida = app.ws.sugestao(creas.id)
        assert decidida.decisao == "acolhida_parcialmente" and decidida.aplicada_em == HOJE
        rc = app.ws.carregar()
        pos = next(e for e in rc.etapas if e.chave == "pos_resgate")
        creas_id = app.ws.instituicao_por_sigla("CREAS Pintolândia").id
        assert any(
            a.texto == "Faz o primeiro atendimento psicossocial em até 48 horas úteis."
            for a in rc.atribuicoes
            if a.instituicao_id == creas_id and a.etapa_id == pos.id
        )
        tabela.move_cursor(row=tabela.get_row_index(str(nova.id)))
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#d-aplicar").value = False  # accept now, apply later with “a”
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.ws.sugestao(nova.id).aplicavel
        await pilot.press("a")
        await pilot.pause()
        assert app.ws.instituicao(sine.id).telefone == "(95) 3000-7777"
        assert "aplicada" in str(tabela.get_row_at(tabela.cursor_row)[1])


async def test_new_meeting_form_follows_the_kind_and_flags_holidays(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("6")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormReuniao)
        assert form.query_one("#f-numero", Input).value == "2"
        form.query_one("#f-tipo", Select).value = "alinhamento"
        await pilot.pause()
        assert form.query_one("#f-numero", Input).value == "1"
        assert "Pontos focais e contatos (10 min)" in form.query_one("#f-pauta", TextArea).text
        form.query_one("#f-data", Input).value = "20/11/2026"
        await pilot.pause()
        assert "feriado nacional" in _texto(form.query_one("#f-data-alerta"))
        form.query_one("#f-data", Input).value = "17/12/2026"
        form.query_one("#f-local", Input).value = "https://conferencia.exemplo.gov.br/alinhamento"
        form.query_one("#f-modalidade", Select).value = "virtual"
        await pilot.press("ctrl+s")
        await pilot.pause()
        tabela = app.query_one("#reunioes-tabela", DataTable)
        assert tabela.row_count == 3
        nova = next(r for r in app.ws.reunioes() if r.tipo == "alinhamento")
        assert (nova.titulo, nova.modalidade) == ("1ª Reunião de Alinhamento Mensal", "virtual")
        assert len(app.ws.itens_pauta(nova.id)) == 6


async def test_closing_the_meeting_marks_it_held_and_q_never_quits_mid_meeting(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        modo.query_one("#mr-pauta").focus()
        await pilot.press("q", "f2", "3")
        await pilot.pause()
        assert app.screen is modo and app.is_running
        assert len(app.screen_stack) == 2  # F2 does not stack a second meeting mode
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, Confirmar)
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, ModoReuniao)
    with Workspace.abrir(caminho_demo) as ws:
        assert _ampliada(ws).situacao == "realizada"


async def test_f2_without_a_planned_meeting_explains_what_to_do(caminho_vazio):
    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, ModoReuniao)
        await pilot.press("6")
        await pilot.pause()
        assert "Nenhuma reunião registrada" in _texto(app.query_one("#reunioes-detalhe"))


async def test_quitting_the_app_mid_sentence_keeps_the_minutes(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        item_id = modo.item.id
        await pilot.press(*"Fim")
        await pilot.press("ctrl+q")  # no pause: the debounce has not fired yet
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.item_pauta(item_id).ata == "Fim"
