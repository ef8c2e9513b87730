"""The Rede section and the Fluxo lanes, driven with the keyboard as a facilitator would."""

from datetime import date

from textual.widgets import Checkbox, DataTable, Input, Select, Static, TextArea

from pacto.domain.checks import verificar
from pacto.domain.models import Encaminhamento
from pacto.tui.app import criar_app
from pacto.tui.formularios import Confirmacao, EditorTexto
from pacto.tui.formularios_rede import FormEncaminhamento, FormInstituicao, FormPontoFocal
from pacto.tui.rede import ABAS
from tests.conftest import HOJE, nova_instituicao


def _texto(widget: Static) -> str:
    return str(widget.render())


def _painel(app, bloco: str) -> str:
    return _texto(app.query_one(f"#painel-{bloco}", Static))


def _linhas(tabela: DataTable) -> list[list[str]]:
    return [[str(c) for c in tabela.get_row_at(i)] for i in range(tabela.row_count)]


async def _buscar(pilot, campo: str, termo: str) -> None:
    """Type a search term in a tab's search field and go to its table."""
    entrada = pilot.app.query_one(campo, Input)
    entrada.value = ""
    entrada.focus()
    await pilot.press(*termo, "enter")
    await pilot.pause()


async def _digitar(pilot, campo: str, texto: str) -> None:
    """Replace a form field's text by typing it."""
    entrada = pilot.app.screen.query_one(campo, Input)
    entrada.value = ""
    entrada.focus()
    await pilot.press(*texto)


# -- Atores -----------------------------------------------------------------


async def test_new_institution_shows_problems_inline_until_fixed(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        assert isinstance(app.screen, FormInstituicao)
        await pilot.press(*"Casa da Mulher Brasileira", "ctrl+s")
        assert isinstance(app.screen, FormInstituicao), "the form must stay open"
        assert "Informe a sigla da instituição." in _texto(app.screen.query_one("#form-erros"))

        await _digitar(pilot, "#inst-sigla", "pf-rr")
        await _digitar(pilot, "#inst-email", "sem-arroba")
        await _digitar(pilot, "#inst-cnpj", "12.ABC.345/01DE-36")  # wrong check digit
        await pilot.press("ctrl+s")
        erros = _texto(app.screen.query_one("#form-erros"))
        assert "Já existe uma instituição com a sigla “pf-rr” nesta rede." in erros
        assert "E-mail inválido: “sem-arroba”." in erros
        assert "CNPJ inválido: “12.ABC.345/01DE-36”" in erros
        assert app.ws.instituicao_por_sigla("CMB-BV") is None

        await _digitar(pilot, "#inst-sigla", "CMB-BV")
        await _digitar(pilot, "#inst-email", "cmb@exemplo.gov.br")
        await _digitar(pilot, "#inst-cnpj", "12abc34501de35")  # alphanumeric (IN RFB 2.229/2024)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormInstituicao)
        inst = app.ws.instituicao_por_sigla("CMB-BV")
        assert inst.nome == "Casa da Mulher Brasileira"
        assert inst.email == "cmb@exemplo.gov.br"
        assert inst.cnpj == "12.ABC.345/01DE-35"
        tabela = app.query_one("#rede-tabela", DataTable)
        assert tabela.get_row_at(tabela.cursor_row)[0] == "CMB-BV"
        assert "34 instituições" in _painel(app, "rede")


async def test_catalogue_type_suggests_sphere_and_acronym(caminho_vazio):
    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        app.screen.query_one("#inst-tipo", Select).value = "policia_federal"
        await pilot.pause()
        assert app.screen.query_one("#inst-esfera", Select).value == "federal"
        assert app.screen.query_one("#inst-sigla", Input).value == "PF"
        await pilot.press(*"Polícia Federal em Campinas", "ctrl+s")
        await pilot.pause()
        inst = app.ws.instituicao_por_sigla("PF")
        assert (inst.tipo, inst.esfera) == ("policia_federal", "federal")


async def test_edit_institution_keeps_cursor_and_shows_new_contact(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await _buscar(pilot, "#rede-busca", "regional da policia federal")
        await pilot.press("enter")  # Enter on a row edits it
        assert isinstance(app.screen, FormInstituicao)
        assert app.screen.query_one("#inst-sigla", Input).value == "PF-RR"
        await _digitar(pilot, "#inst-telefone", "(95) 3000-9999")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.ws.instituicao_por_sigla("PF-RR").telefone == "(95) 3000-9999"
        tabela = app.query_one("#rede-tabela", DataTable)
        assert tabela.get_row_at(tabela.cursor_row)[4] == "(95) 3000-9999"
        assert "Tel. (95) 3000-9999" in _texto(app.query_one("#rede-detalhe", Static))


async def test_cancelling_a_form_saves_nothing(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        antes = len(app.ws.instituicoes())
        await pilot.press("3", "n", *"Rascunho", "escape")
        assert not isinstance(app.screen, FormInstituicao)
        assert len(app.ws.instituicoes()) == antes


async def test_removing_an_institution_says_what_goes_with_it_and_asks(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        netp = app.ws.instituicao_por_sigla("NETP-RR")
        dep = app.ws.dependencias_da_instituicao(netp.id)
        encaminhamentos = len(app.ws.encaminhamentos())
        await pilot.press("3")
        await _buscar(pilot, "#rede-busca", "NETP-RR")
        await pilot.press("x")
        assert isinstance(app.screen, Confirmacao)
        mensagem = _texto(app.screen.query_one("#confirmacao-mensagem", Static))
        assert (
            f"Vão junto com ela: {dep['pontos_focais']} pontos focais, "
            f"{dep['atribuicoes']} atribuições, {dep['encaminhamentos']} encaminhamentos."
        ) in mensagem
        assert "coordena a rede" in mensagem
        await pilot.press("escape")
        assert app.ws.instituicao_por_sigla("NETP-RR") is not None

        await pilot.press("delete", "s")
        await pilot.pause()
        assert app.ws.instituicao_por_sigla("NETP-RR") is None
        assert len(app.ws.encaminhamentos()) == encaminhamentos - dep["encaminhamentos"]
        assert "Coordenação" not in _painel(app, "rede")
        assert "32 instituições" in _painel(app, "rede")


# -- Pontos focais ------------------------------------------------------------


async def test_titular_and_suplente_are_added_and_confirmed_today(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "CT-BV: sem ponto focal titular." in _painel(app, "lacunas")
        await pilot.press("3", "p")
        await _buscar(pilot, "#pontos-busca", "CT-BV")
        tabela = app.query_one("#pontos-tabela", DataTable)
        assert [linha[1:3] for linha in _linhas(tabela)] == [
            ["titular", "— vago —"],
            ["suplente", "— vago —"],
        ]
        await pilot.press("enter")  # fill the vacant titular
        assert isinstance(app.screen, FormPontoFocal)
        assert app.screen.query_one("#pf-papel", Select).value == "titular"
        await pilot.press(*"Marta Lins")
        await _digitar(pilot, "#pf-email", "marta@ct.exemplo.gov.br")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("down", "e")  # the vacant suplente
        assert app.screen.query_one("#pf-papel", Select).value == "suplente"
        await pilot.press(*"Jonas Reis")
        app.screen.query_one("#pf-confirmado", Checkbox).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()

        ct = app.ws.instituicao_por_sigla("CT-BV")
        pontos = {p.papel: p for p in app.ws.pontos_focais(ct.id)}
        assert pontos["titular"].nome == "Marta Lins"
        assert pontos["titular"].confirmado_em == HOJE
        assert pontos["suplente"].nome == "Jonas Reis"
        assert pontos["suplente"].confirmado_em is None
        assert "CT-BV: sem ponto focal titular." not in _painel(app, "lacunas")
        assert "CT-BV: ponto focal suplente (Jonas Reis) nunca confirmado." in _painel(
            app, "lacunas"
        )

        assert tabela.get_row_at(tabela.cursor_row)[2] == "Jonas Reis"
        await pilot.press("c")
        await pilot.pause()
        assert app.ws.pontos_focais(ct.id)[1].confirmado_em == HOJE
        assert tabela.get_row_at(tabela.cursor_row)[3] == "✔ 26/11/2026"
        assert "Jonas Reis" not in _painel(app, "lacunas")


async def test_confirm_today_clears_a_stale_focal_point_gap(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        aviso = "MPRR: ponto focal suplente (Rodrigo Castro Bezerra) sem confirmação há 124 dias."
        assert aviso in _painel(app, "lacunas")
        await pilot.press("3", "p")
        await _buscar(pilot, "#pontos-busca", "rodrigo")
        tabela = app.query_one("#pontos-tabela", DataTable)
        assert tabela.get_row_at(0)[3] == "! 25/07/2026 (há 124 dias)"
        await pilot.press("c")
        await pilot.pause()
        assert aviso not in _painel(app, "lacunas")
        mprr = app.ws.instituicao_por_sigla("MPRR")
        suplente = next(p for p in app.ws.pontos_focais(mprr.id) if p.papel == "suplente")
        assert suplente.confirmado_em == HOJE


async def test_second_titular_is_refused_with_the_store_message(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        antes = len(app.ws.pontos_focais())
        await pilot.press("3", "p")
        await _buscar(pilot, "#pontos-busca", "Carlos Eduardo Nunes")
        await pilot.press("n")
        assert app.screen.query_one("#pf-papel", Select).value == "suplente"
        app.screen.query_one("#pf-papel", Select).value = "titular"
        await pilot.press(*"Outra Pessoa", "ctrl+s")
        assert isinstance(app.screen, FormPontoFocal)
        assert "A instituição já tem ponto focal titular (Carlos Eduardo Nunes)." in _texto(
            app.screen.query_one("#form-erros")
        )
        await pilot.press("escape")
        assert len(app.ws.pontos_focais()) == antes


async def test_removing_a_focal_point_asks_first(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "p")
        await _buscar(pilot, "#pontos-busca", "Rodrigo Castro")
        await pilot.press("x")
        assert isinstance(app.screen, Confirmacao)
        assert "Rodrigo Castro Bezerra" in _texto(app.screen.query_one("#confirmacao-mensagem"))
        await pilot.press("s")
        await pilot.pause()
        assert all(p.nome != "Rodrigo Castro Bezerra" for p in app.ws.pontos_focais())
        assert app.query_one("#pontos-tabela", DataTable).row_count == 0
        await _buscar(pilot, "#pontos-busca", "MPRR")
        tabela = app.query_one("#pontos-tabela", DataTable)
        assert [linha[1:3] for linha in _linhas(tabela)][1] == ["suplente", "— vago —"]


# -- Atribuições ----------------------------------------------------------------


async def test_editing_a_duty_in_the_matrix_updates_the_painel(caminho_vazio):
    from pacto.store import Workspace

    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "CREAS", telefone="(19) 3000-0000")
    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Etapas com responsável: 0 de 5" in _painel(app, "etapas")
        await pilot.press("3", "t")
        matriz = app.query_one("#atr-matriz", DataTable)
        assert app.focused is matriz
        assert [str(c.label) for c in matriz.ordered_columns] == ["D", "E", "R", "PR", "A"]
        await pilot.press("right", "right", "right", "enter")  # Pós-Resgate
        assert isinstance(app.screen, EditorTexto)
        await pilot.press(*"Acolhe a vítima e aciona o CRAS.", "ctrl+s")
        await pilot.pause()
        assert matriz.get_row_at(0) == ["·", "·", "·", "●", "·"]
        assert "Etapas com responsável: 1 de 5" in _painel(app, "etapas")
        assert "✔ Pós-Resgate" in _painel(app, "etapas")
        await pilot.pause(0.2)  # the detail follows the cursor once it rests
        assert "Acolhe a vítima e aciona o CRAS." in _texto(app.query_one("#atr-detalhe"))

        await pilot.press("enter")  # emptying the text removes the duty
        app.screen.query_one("#editor-texto", TextArea).clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert matriz.get_row_at(0) == ["·"] * 5
        assert "Etapas com responsável: 0 de 5" in _painel(app, "etapas")
        assert app.ws.atribuicoes() == []


async def test_removing_a_duty_asks_first(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "t")
        await _buscar(pilot, "#atr-busca", "regional da policia federal")
        matriz = app.query_one("#atr-matriz", DataTable)
        assert matriz.row_count == 1
        await pilot.press("x")  # Denúncia
        assert isinstance(app.screen, Confirmacao)
        await pilot.press("s")
        await pilot.pause()
        pf = app.ws.instituicao_por_sigla("PF-RR")
        assert [a.etapa_id for a in app.ws.atribuicoes() if a.instituicao_id == pf.id] == [
            e.id for e in app.ws.etapas() if e.sigla in ("R", "PR")
        ]
        assert matriz.get_row_at(0)[0] == "·"


async def test_matrix_filters_by_stage_and_institution(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("3", "t")
        matriz = app.query_one("#atr-matriz", DataTable)
        assert matriz.row_count == 33
        resgate = next(e for e in app.ws.etapas() if e.chave == "resgate")
        app.query_one("#atr-etapa", Select).value = resgate.id
        await pilot.pause()
        assert [str(c.label) for c in matriz.ordered_columns] == ["R", "Atribuição em Resgate"]
        marcas = [matriz.get_row_at(i)[0] for i in range(matriz.row_count)]
        com_dever = marcas.count("●")
        assert com_dever == 9 and marcas[:com_dever] == ["●"] * com_dever
        previas = [matriz.get_row_at(i)[1] for i in range(matriz.row_count)]
        assert all(previas[:com_dever]) and not any(previas[com_dever:])

        await _buscar(pilot, "#atr-busca", "regional da policia federal")
        assert matriz.row_count == 1
        assert matriz.get_row_at(0)[1].startswith("Planeja e executa operações de resgate")


# -- Encaminhamentos --------------------------------------------------------------


async def _escolher(pilot, campo: str, sigla: str) -> None:
    """Open a Select, type the start of an option to find it, and choose it."""
    pilot.app.screen.query_one(campo, Select).focus()
    await pilot.press("enter", *sigla, "enter")
    await pilot.pause()


async def test_new_referral_refuses_self_referral_then_saves(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        antes = len(app.ws.encaminhamentos())
        await pilot.press("3", "m", "n")
        assert isinstance(app.screen, FormEncaminhamento)
        await pilot.press("ctrl+s")
        assert "Escolha para quem o caso vai (Para)." in _texto(app.screen.query_one("#form-erros"))
        await _escolher(pilot, "#enc-origem", "CAPS")
        await _escolher(pilot, "#enc-destino", "CAPS")
        await _digitar(pilot, "#enc-prazo", "48 horas")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormEncaminhamento)
        assert "Uma instituição não encaminha para si mesma." in _texto(
            app.screen.query_one("#form-erros")
        )
        assert len(app.ws.encaminhamentos()) == antes

        await _escolher(pilot, "#enc-destino", "HGR")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormEncaminhamento)
        caps = app.ws.instituicao_por_sigla("CAPS-BV")
        hgr = app.ws.instituicao_por_sigla("HGR")
        novo = next(e for e in app.ws.encaminhamentos() if e.origem_id == caps.id)
        assert (novo.destino_id, novo.prazo) == (hgr.id, "48 horas")
        tabela = app.query_one("#enc-tabela", DataTable)
        assert tabela.get_row_at(tabela.cursor_row)[:4] == ["CAPS-BV", "──▶", "HGR", "48 horas"]
        assert f"{antes + 1} encaminhamentos" in _painel(app, "rede")


async def test_editing_and_removing_a_referral(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        antes = len(app.ws.encaminhamentos())
        await pilot.press("3", "m")
        await _buscar(pilot, "#enc-busca", "MRE-DAC desembarque")
        await pilot.press("e")
        await _digitar(pilot, "#enc-prazo", "72 horas")
        await pilot.press("ctrl+s")
        await pilot.pause()
        mre = app.ws.instituicao_por_sigla("MRE-DAC")
        (enc,) = [e for e in app.ws.encaminhamentos() if e.origem_id == mre.id]
        assert enc.prazo == "72 horas"

        await pilot.press("x")
        assert isinstance(app.screen, Confirmacao)
        assert "MRE-DAC ──▶ NETP-RR (72 horas)" in _texto(
            app.screen.query_one("#confirmacao-mensagem")
        )
        await pilot.press("s")
        await pilot.pause()
        assert len(app.ws.encaminhamentos()) == antes - 1
        assert enc.id not in {e.id for e in app.ws.encaminhamentos()}


# -- Fluxo and navigation ------------------------------------------------------------


async def _desenho_do_fluxo(caminho, tamanho) -> str:
    app = criar_app(caminho, hoje=HOJE)
    async with app.run_test(size=tamanho) as pilot:
        await pilot.press("4")
        await pilot.pause()
        rc = app.ws.carregar()
        texto = _texto(app.query_one("#fluxo-desenho", Static))
        for etapa in rc.etapas:
            assert etapa.nome in texto, etapa.nome
        for inst in rc.instituicoes:
            assert inst.sigla in texto, inst.sigla
        return texto


async def test_fluxo_lanes_are_stacked_at_80_columns(caminho_demo):
    texto = await _desenho_do_fluxo(caminho_demo, (80, 24))
    assert "│" not in texto
    assert "1 Denúncia (D) · 16 instituições" in texto
    assert "PF-RR ──▶ NETP-RR (24 horas)" in texto
    assert max(len(linha) for linha in texto.splitlines()) <= 80 - 20


async def test_fluxo_lanes_are_side_by_side_at_160_columns(caminho_demo):
    texto = await _desenho_do_fluxo(caminho_demo, (160, 40))
    cabecalho = next(linha for linha in texto.splitlines() if linha.startswith("Denúncia"))
    assert cabecalho.count("│") == 4
    assert "─▶ PF-RR" in texto
    assert "Encaminhamentos (41)" in texto


async def test_fluxo_follows_changes_made_in_the_rede(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        with_pf = app.ws.instituicao_por_sigla("PF-RR")
        caps = app.ws.instituicao_por_sigla("CAPS-BV")
        fluxo = app.ws.fluxos()[0]
        app.ws.salvar_encaminhamento(Encaminhamento(fluxo.id, with_pf.id, caps.id, prazo="9 dias"))
        await pilot.press("f5", "4")
        await pilot.pause()
        assert "PF-RR ──▶ CAPS-BV (9 dias)" in _texto(app.query_one("#fluxo-desenho", Static))


async def test_tab_keys_open_each_tab_and_name_it_in_the_border(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        secao = app.query_one("#rede")
        for aba, cls, tecla, _, foco in (*ABAS[1:], ABAS[0]):
            await pilot.press(tecla)
            await pilot.pause()
            assert secao.border_title.startswith(f"Rede › {cls.TITULO}"), aba
            assert app.focused is app.query_one(foco), aba


async def test_every_gap_points_to_a_place_that_exists(caminho_demo):
    """Each finding's 'onde' names a section tab, so the facilitator can go and fix it."""
    from pacto.store import Workspace

    with Workspace.abrir(caminho_demo) as ws:
        fluxo = ws.fluxos()[0]
        ong = nova_instituicao(ws, "ONG", "Ong sem atribuição")
        nova_instituicao(ws, "ong-2", "ONG sem atribuicao")
        ws.salvar_encaminhamento(
            Encaminhamento(fluxo.id, ws.instituicao_por_sigla("PF-RR").id, ong.id)
        )
        for atr in ws.atribuicoes():
            if atr.etapa_id == ws.etapas()[1].id:
                ws.definir_atribuicao(atr.instituicao_id, atr.etapa_id, atr.fluxo_id, "")
        codigos = {lacuna.codigo for lacuna in verificar(ws.carregar(), date(2026, 11, 26))}
        assert len(codigos) == 6
    lugares = {f"Rede › {cls.TITULO}" for _, cls, _, _, _ in ABAS}
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for lacuna in verificar(app.ws.carregar(), HOJE):
            assert lacuna.onde in lugares, lacuna
        texto = _painel(app, "lacunas")
        assert "→ Rede › Atribuições" in texto and "→ Rede › Encaminhamentos" in texto


async def test_section_reopens_on_its_last_tab_and_slash_searches_there(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "p", "1", "3")
        await pilot.pause()
        assert app.focused is app.query_one("#pontos-tabela")
        await pilot.press("slash", *"vago")
        await pilot.pause()
        assert app.focused is app.query_one("#pontos-busca")
        tabela = app.query_one("#pontos-tabela", DataTable)
        assert tabela.row_count >= 1
        assert all(linha[2] == "— vago —" for linha in _linhas(tabela))


async def test_command_palette_opens_a_rede_tab(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"rede encaminhamentos")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#rede").border_title.startswith("Rede › Encaminhamentos")
        assert app.focused is app.query_one("#enc-tabela")
