"""The spreadsheet import in the TUI: preview first, nothing written until the user confirms."""

from textual.widgets import DataTable, Input, Static

from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.importar import SugestorDeCaminhos, TelaImportarPlanilha

from .planilhas_exemplo import planilha_baguncada


def _linhas(tabela: DataTable) -> list[list[str]]:
    return [[str(c) for c in tabela.get_row_at(i)] for i in range(tabela.row_count)]


async def _previa(app, pilot, caminho) -> TelaImportarPlanilha:
    await pilot.press("ctrl+o")
    tela = app.screen
    assert isinstance(tela, TelaImportarPlanilha)
    assert app.focused is tela.query_one("#importar-arquivo", Input)
    app.focused.value = str(caminho)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return tela


async def test_preview_lists_what_would_change_and_confirm_writes_it(caminho_vazio, tmp_path):
    arquivo = planilha_baguncada(tmp_path / "atores.xlsx")
    app = criar_app(caminho_vazio)
    async with app.run_test(size=(80, 24)) as pilot:
        tela = await _previa(app, pilot, arquivo)
        resumo = str(tela.query_one("#importar-resumo", Static).render())
        assert "3 instituições a criar" in resumo and "3 linhas rejeitadas" in resumo
        linhas = _linhas(tela.query_one("#importar-tabela", DataTable))
        acoes = [(linha[0], linha[1]) for linha in linhas if linha[0] != "—"]
        assert acoes == [
            ("linhas 5 e 6", "✚ criar"),
            ("linha 9", "✚ criar"),
            ("linha 11", "✖ rejeitada"),
            ("linha 12", "✖ rejeitada"),
            ("linha 13", "✖ rejeitada"),
            ("linha 14", "✚ criar"),
        ]
        assert any("Informe a sigla da instituição." in linha[3] for linha in linhas)
        with Workspace.abrir(caminho_vazio) as outro:
            assert outro.esta_vazio()  # a preview writes nothing

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TelaImportarPlanilha)
        await pilot.press("3")
        rede = app.query_one("#rede-tabela", DataTable)
        assert sorted(str(rede.get_row_at(i)[0]) for i in range(rede.row_count)) == [
            "CREAS", "MP-SP", "PF",
        ]  # fmt: skip


async def test_unreadable_file_is_explained_and_escape_cancels(caminho_demo, tmp_path):
    arquivo = tmp_path / "ata.xlsx"
    arquivo.write_bytes(b"%PDF-1.4 ata da reuniao")
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        tela = await _previa(app, pilot, arquivo)
        resumo = str(tela.query_one("#importar-resumo", Static).render())
        assert "Não foi possível ler a planilha" in resumo and "é um PDF" in resumo
        await pilot.press("ctrl+s")  # nothing to confirm
        assert app.screen is tela
        await pilot.press("escape")
        assert not isinstance(app.screen, TelaImportarPlanilha)


async def test_palette_offers_the_import(caminho_demo):
    app = criar_app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"importar planilha")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TelaImportarPlanilha)


async def test_path_suggestions_complete_folders_and_spreadsheets(tmp_path):
    (tmp_path / "planilhas").mkdir()
    (tmp_path / "planilhas" / "atores 2026.xlsx").write_bytes(b"")
    (tmp_path / "planilhas" / "ata.docx").write_bytes(b"")
    sugestor = SugestorDeCaminhos()
    assert (
        await sugestor.get_suggestion(str(tmp_path / "plan")) == str(tmp_path / "planilhas") + "/"
    )
    assert await sugestor.get_suggestion(str(tmp_path / "planilhas" / "a")) == str(
        tmp_path / "planilhas" / "atores 2026.xlsx"
    )


async def test_hand_mapped_column_and_sheet_typed_in_the_preview(caminho_vazio, tmp_path):
    from openpyxl import Workbook

    livro = Workbook()
    livro.active.title = "Capa"
    dados = livro.create_sheet("Serviços")
    dados.append(["Nome do serviço", "Sigla"])
    dados.append(["Centro Pop Norte", "POP-N"])
    arquivo = tmp_path / "servicos.xlsx"
    livro.save(arquivo)
    app = criar_app(caminho_vazio)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        tela = app.screen
        tela.query_one("#importar-colunas", Input).value = 'nome="Nome do serviço"; aba=servicos'
        tela.query_one("#importar-arquivo", Input).value = str(arquivo)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        resumo = str(tela.query_one("#importar-resumo", Static).render())
        assert "1 instituição a criar" in resumo and "aba “Serviços”" in resumo
