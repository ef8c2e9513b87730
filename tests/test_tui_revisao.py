"""Defects found walking through the whole interface at 80x24, each driven as a facilitator would."""

from textual.command import CommandList
from textual.geometry import Region
from textual.widgets import DataTable, Input, Label, Static
from textual.widgets._footer import FooterKey

from pacto.tui.alinhamento import FormNotaChecklist
from pacto.tui.app import criar_app
from pacto.tui.autodiagnostico import FormNota
from pacto.tui.formularios import Confirmacao
from pacto.tui.help import TelaAjuda
from pacto.tui.pactuacao import FormAjuste
from pacto.tui.reuniao_listas import TelaPendencias, TelaPresenca
from pacto.tui.reuniao_modo import ModoReuniao
from pacto.tui.versoes import TelaCongelar

from .conftest import HOJE

TAMANHO = (80, 24)


def _texto(widget) -> str:
    return str(widget.render())


async def test_pending_actions_enter_continues_and_cursor_stays_on_the_row(caminho_demo):
    """The hint says “Enter ou Esc segue para a pauta”; marking a row keeps the cursor there."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TelaPendencias)
        tabela = app.screen.query_one("#pd-tabela", DataTable)
        await pilot.press("down", "c")
        await pilot.pause()
        assert tabela.cursor_row == 1
        assert "concluída" in str(tabela.get_row_at(1)[0])
        acao = app.screen.acoes[1]
        assert acao.descricao in _texto(app.screen.query_one("#pd-detalhe", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModoReuniao)


async def test_ctrl_s_saves_every_small_form_as_the_help_promises(caminho_demo):
    """Help: “Ctrl+S — Salvar o formulário aberto”. The note, step and freeze forms obey it."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("2", "o")
        await pilot.pause()
        assert isinstance(app.screen, FormNota)
        app.screen.query_one("#nota-texto", Input).value = "Sala nova em 2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormNota)
        rodada = app.ws.rodadas_autodiagnostico()[-1]
        assert any(r.nota == "Sala nova em 2027" for r in rodada.respostas.values())

        await pilot.press("5", "c")
        await pilot.pause()
        assert isinstance(app.screen, FormAjuste)
        await pilot.press(*"decidido no GT")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormAjuste)
        assert [a.justificativa for a in app.ws.ajustes_passos()] == ["decidido no GT"]

        await pilot.press("v", "c")
        await pilot.pause()
        assert isinstance(app.screen, TelaCongelar)
        await pilot.press(*"para assinaturas", "ctrl+s")
        await pilot.pause()
        assert [v.nota for v in app.ws.versoes()] == ["para assinaturas"]


async def test_checklist_note_is_kept_when_the_acronym_is_unknown(caminho_demo):
    """A mistyped acronym used to close the form and throw the typed note away."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("8", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormNotaChecklist)
        await pilot.press(*"Ligar para a PRF", "tab", *"XYZ", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "XYZ" in _texto(form.query_one("#check-erro", Static))
        assert form.query_one("#check-nota", Input).value == "Ligar para a PRF"
        form.query_one("#check-sigla", Input).value = "PRF-RR"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        secao = app.query_one("#alinhamento")
        resposta = secao.linhas[0].resposta
        assert resposta.nota == "Ligar para a PRF"
        assert resposta.instituicao_id == app.ws.instituicao_por_sigla("PRF-RR").id


async def test_long_question_in_the_note_form_wraps_instead_of_being_cut(caminho_demo):
    """At 80 columns the question above the note used to end in “controle de aces”."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("2", "down", "down", "o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormNota)
        rotulo = form.query(Label).first()
        caixa = form.query_one(".formulario")
        assert form.pergunta in str(rotulo.render())
        assert rotulo.region.right <= caixa.content_region.right
        assert rotulo.size.height >= 2


async def test_new_self_diagnosis_run_asks_first_and_never_stacks_blank_runs(caminho_demo):
    """Shift+N used to blank 17 answers at once, with no question and no way back."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("2", "N")
        await pilot.pause()
        assert isinstance(app.screen, Confirmacao)
        assert "17 de 17 respondidas" in _texto(app.screen.query_one("#confirmacao-mensagem"))
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.ws.rodadas_autodiagnostico()) == 1
        assert app.focused is app.query_one("#auto-tabela", DataTable)
        await pilot.press("N", "s")
        await pilot.pause()
        assert len(app.ws.rodadas_autodiagnostico()) == 2
        await pilot.press("N")
        await pilot.pause()
        assert not isinstance(app.screen, Confirmacao)
        assert len(app.ws.rodadas_autodiagnostico()) == 2


async def test_command_palette_says_no_match_in_portuguese(caminho_demo):
    """Textual's palette printed “No matches found” to a Portuguese-speaking group."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"qqqzz")
        await pilot.pause(1.0)
        lista = app.screen.query_one(CommandList)
        textos = [str(lista.get_option_at_index(i).prompt) for i in range(lista.option_count)]
        assert textos, "the palette shows a line saying nothing matched"
        assert not any("No matches" in t for t in textos)
        assert any("Nenhum comando encontrado" in t for t in textos)


async def test_registering_an_adhesion_keeps_the_cursor_on_that_institution(caminho_demo):
    """Registering 30 Termos one by one, the cursor used to jump back to the first row."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        app.ws.congelar_versao("Para assinaturas")
        await pilot.press("7", "f5")
        await pilot.pause()
        tabela = app.query_one("#adesoes-tabela", DataTable)
        await pilot.press("down", "down", "down")
        sigla = tabela.get_row_at(3)[0]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert tabela.cursor_row == 3
        assert tabela.get_row_at(3)[0] == sigla
        assert "convidada" in str(tabela.get_row_at(3)[1])
        assert f"({sigla})" in _texto(app.query_one("#adesoes-detalhe", Static))


async def test_adhesions_of_an_empty_network_say_where_to_start(caminho_vazio):
    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("7")
        await pilot.pause()
        detalhe = _texto(app.query_one("#adesoes-detalhe", Static))
        assert "Nenhuma instituição atua no fluxo ainda" in detalhe and "3 Rede" in detalhe


async def test_rede_tabs_of_an_empty_network_explain_what_to_do_first(caminho_vazio):
    """A new workspace showed a blank Pontos focais tab and “Nenhuma linha selecionada” on n."""
    app = criar_app(caminho_vazio, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("3", "p")
        await pilot.pause()
        vazio = app.query_one("#pontos-vazio", Static)
        assert vazio.display and "aba Atores (tecla a)" in _texto(vazio)
        await pilot.press("n")
        await pilot.pause()
        avisos = [n.message for n in app._notifications]
        assert any("aba Atores (tecla a)" in m for m in avisos)
        assert not any("Nenhuma linha selecionada" in m for m in avisos)
        await pilot.press("t")
        await pilot.pause()
        assert "aba Atores (tecla a)" in _texto(app.query_one("#atr-detalhe", Static))
        await pilot.press("m")
        await pilot.pause()
        assert "aba Atores (tecla a)" in _texto(app.query_one("#enc-detalhe", Static))


async def test_focal_points_tab_hides_the_empty_note_once_there_are_institutions(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("3", "p")
        await pilot.pause()
        assert not app.query_one("#pontos-vazio", Static).display


async def test_monitoring_names_the_month_as_people_say_it(caminho_demo):
    """“Indicadores até 2026-11” read as a code; the group says “novembro de 2026”."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("9")
        await pilot.pause()
        assert "Indicadores até novembro de 2026" in _texto(app.query_one("#ind-cabecalho"))
        assert "NETP em novembro de 2026" in _texto(app.query_one("#netp-envios"))
        assert "2026-11" not in _texto(app.query_one("#netp-envios"))


async def test_meeting_mode_shows_the_keys_the_footer_cuts_at_80_columns(caminho_demo):
    """At 80 columns the footer stops at F6: F9 (encerrar) and Esc were nowhere on screen."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ModoReuniao)
        teclas = app.screen.query_one("#mr-teclas", Static)
        texto = _texto(teclas)
        for tecla in ("F7", "F8", "F9", "Esc"):
            assert tecla in texto
        assert teclas.region.bottom <= app.screen.query_one("#mr-esquerda").region.bottom
        assert teclas.region.height >= 2


async def test_attendance_footer_names_the_space_bar_in_portuguese(caminho_demo):
    """The attendance footer read “space Presente”."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape", "f1")
        await pilot.pause()
        assert isinstance(app.screen, TelaPresenca)
        teclas = {str(k.render()) for k in app.screen.query(FooterKey)}
        assert any("Espaço" in t and "Presente" in t for t in teclas)
        assert not any("space" in t for t in teclas)


async def test_generating_every_termo_notifies_the_folder_not_thirty_paths(caminho_demo, tmp_path):
    """Thirty full paths in one notification covered the whole 80x24 screen for 12 seconds."""
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("0")
        app.query_one("#doc-pasta", Input).value = str(tmp_path)
        app.query_one("#doc-lista").focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        gravados = sorted(tmp_path.glob("termo-adesao-*.docx"))
        assert len(gravados) == 29  # CETP-RR, a committee, signs no Termo of its own
        aviso = next(n for n in app._notifications if n.title == "29 arquivos gravados")
        linhas = aviso.message.splitlines()
        assert len(linhas) <= 5
        assert linhas[0] == f"Na pasta {tmp_path}:"
        assert linhas[-1] == "… e mais 26 arquivos"
        assert all((tmp_path / nome).exists() for nome in linhas[1:-1])


def _linhas_na_tela(widget) -> str:
    """The widget's text as drawn at its current size, line by line."""
    regiao = Region(0, 0, widget.size.width, widget.size.height)
    return "\n".join(strip.text for strip in widget.render_lines(regiao))


async def test_help_lists_every_key_of_every_section_and_wraps_in_its_column(caminho_demo):
    """The help left out Autodiagnóstico, Pactuação, Reuniões, meeting mode… and, at 80
    columns, wrapped long descriptions back under the keys."""
    from pacto.tui.alinhamento import AlinhamentoSecao
    from pacto.tui.autodiagnostico import AutodiagnosticoSecao
    from pacto.tui.reunioes import ReunioesSecao

    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, TelaAjuda)
        estatico = app.screen.query_one("#ajuda-texto", Static)
        texto = _linhas_na_tela(estatico)
        for cls in (AutodiagnosticoSecao, ReunioesSecao, AlinhamentoSecao, ModoReuniao):
            for binding in cls.BINDINGS:
                if binding.show and binding.description:
                    assert binding.description in texto, binding.description
        assert "Nova rodada" in texto and "Encerrar" in texto and "F9" in texto
        # a wrapped description continues in its own column, not at the left margin
        linhas = texto.splitlines()
        i = next(n for n, linha in enumerate(linhas) if linha.lstrip().startswith("Ctrl+O"))
        coluna = linhas[i].index("Importar")
        assert linhas[i + 1][:coluna].strip() == ""
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TelaAjuda)
