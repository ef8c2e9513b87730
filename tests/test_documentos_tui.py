"""Pilot tests of the Documentos section and of preparing the month's meeting in Alinhamento."""

from datetime import date

from textual.widgets import Checkbox, Input, OptionList, ProgressBar, Select, Static

from pacto.services.documentos.catalogo import CATALOGO
from pacto.store import Workspace
from pacto.tui.app import PactoApp
from pacto.tui.reuniao_dialogos import Confirmar

from .leitura_docx import ler

HOJE = date(2026, 11, 26)


def _app(caminho):
    return PactoApp(Workspace.abrir(caminho), hoje=HOJE)


def _notificacoes(app) -> list[tuple[str, str, str]]:
    return [(n.title, n.message, n.severity) for n in app._notifications]


async def _escolher(app, pilot, chave: str, pasta) -> None:
    """Open Documentos, highlight a document and point the output folder at `pasta`."""
    await pilot.press("0")
    lista = app.query_one("#doc-lista", OptionList)
    lista.highlighted = [g.chave for g in CATALOGO].index(chave)
    app.query_one("#doc-pasta", Input).value = str(pasta)
    lista.focus()
    await pilot.pause()


async def _gerar(app, pilot) -> None:
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_enter_generates_the_lista_de_presenca_through_the_worker(caminho_demo, tmp_path):
    app = _app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await _escolher(app, pilot, "presenca", tmp_path / "docs")
        assert app.query_one("#doc-param-reuniao").display
        assert not app.query_one("#doc-param-mes").display
        seletor = app.query_one("#doc-reuniao", Select)
        gt = next(r for r in app.ws.reunioes() if r.situacao == "realizada")
        ampliada = next(r for r in app.ws.reunioes() if r.tipo == "ampliada")
        assert seletor.value == gt.id  # the attendance of the last meeting held, by default
        await pilot.press("down")  # the agenda (just below) is about the next planned one
        await pilot.pause()
        assert seletor.value == ampliada.id
        await pilot.press("up")
        await pilot.pause()
        assert seletor.value == gt.id
        seletor.value = ampliada.id
        await _gerar(app, pilot)
        arquivo = tmp_path / "docs" / "presenca-2026-12-10-ampliada-1.docx"
        assert arquivo.is_file()
        assert ("1 arquivo gravado", str(arquivo), "information") in _notificacoes(app)
        lista = ler(arquivo).tabela_com_cabecalho("NOME", "ÓRGÃO", "CARGO")
        assert len(lista) > 20
        barra = app.query_one("#doc-progresso", ProgressBar)
        assert barra.percentage == 1
        assert "✔ 1 arquivo gravado" in str(app.query_one("#doc-estado", Static).render())


async def test_month_documents_take_the_month_field(caminho_demo, tmp_path):
    app = _app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await _escolher(app, pilot, "checklist", tmp_path)
        assert app.query_one("#doc-mes", Input).value == "2026-11"
        app.query_one("#doc-mes", Input).value = "2026-12"
        app.query_one("#doc-em_branco", Checkbox).value = True
        await _gerar(app, pilot)
        assert (tmp_path / "checklist-2026-12-em-branco.docx").is_file()
        await _escolher(app, pilot, "relatorio-netp", tmp_path)
        await _gerar(app, pilot)
        assert (tmp_path / "relatorio-netp-2026-12.xlsx").is_file()


async def test_errors_are_notifications_not_crashes(caminho_vazio, tmp_path):
    app = _app(caminho_vazio)
    async with app.run_test(size=(80, 24)) as pilot:
        await _escolher(app, pilot, "autodiagnostico", tmp_path)
        await _gerar(app, pilot)
        titulo, mensagem, gravidade = _notificacoes(app)[-1]
        assert gravidade == "error" and titulo == "Não foi possível gerar"
        assert "Nenhuma rodada de autodiagnóstico registrada" in mensagem
        await _escolher(app, pilot, "ata", tmp_path)  # no meeting to choose yet
        await _gerar(app, pilot)
        assert "Escolha a reunião" in _notificacoes(app)[-1][1]
        assert not any(tmp_path.iterdir()) or all(p.suffix != ".docx" for p in tmp_path.iterdir())
        assert app.is_running


async def test_victim_data_asks_before_writing_the_ata(caminho_demo, tmp_path):
    with Workspace.abrir(caminho_demo) as ws:
        gt = next(r for r in ws.reunioes() if r.tipo == "gt")
        with ws.aceitando_alertas_de_privacidade():  # kept on purpose, as with --mesmo-assim
            item = ws.itens_pauta(gt.id)[0]
            ws.salvar_ata_item(item.id, "A vítima, CPF 529.982.247-25, relatou.")
    app = _app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await _escolher(app, pilot, "ata", tmp_path)
        app.query_one("#doc-reuniao", Select).value = gt.id
        await _gerar(app, pilot)
        assert isinstance(app.screen, Confirmar)
        assert "CPF" in str(app.screen.query_one(".pergunta", Static).render())
        assert not (tmp_path / "ata-2026-10-29-gt-1.docx").exists()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "ata-2026-10-29-gt-1.docx").is_file()
        assert any("Possível dado pessoal" in n[1] for n in _notificacoes(app))


async def test_pdf_checkbox_and_termo_of_one_institution(caminho_demo, tmp_path):
    app = _app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await _escolher(app, pilot, "termo", tmp_path)
        await pilot.press("p")
        caixa = app.query_one("#doc-pdf", Checkbox)
        assert caixa.value and str(caixa.label) == "PDF: sim" and caixa.BUTTON_INNER == "✔"
        await pilot.press("p")
        assert not caixa.value and str(caixa.label) == "PDF: não"
        assert caixa.BUTTON_INNER == " "  # no mark drawn next to “não”
        app.query_one("#doc-instituicoes", Input).value = "PF-RR"
        app.query_one("#doc-pasta", Input).value = str(tmp_path / "termos")
        await _gerar(app, pilot)
        assert [p.name for p in (tmp_path / "termos").iterdir()] == ["termo-adesao-PF-RR.docx"]


async def test_alinhamento_m_prepares_the_month_meeting(caminho_demo, tmp_path):
    tmp_path = tmp_path / "docs"
    app = _app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        app.query_one("#doc-pasta", Input).value = str(tmp_path)
        await pilot.press("8", "right_square_bracket", "m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        alinhamentos = [r for r in app.ws.reunioes() if r.tipo == "alinhamento"]
        assert [r.data for r in alinhamentos] == [date(2026, 12, 11)]
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "checklist-2026-12-em-branco.docx",
            "pauta-2026-12-11-alinhamento-1.docx",
            "presenca-2026-12-11-alinhamento-1.docx",
        ]
        notas = _notificacoes(app)
        assert any(n[0] == "Reunião do mês" and "criada" in n[1] for n in notas)
        assert any(n[0] == "3 arquivos gravados" for n in notas)
        # the Documentos section, once opened, offers the new meeting
        await pilot.press("0")
        await pilot.pause()
        seletor = app.query_one("#doc-reuniao", Select)
        seletor.value = alinhamentos[0].id  # refused if it were not one of the options
        assert seletor.value == alinhamentos[0].id
        await pilot.press("8", "m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len([r for r in app.ws.reunioes() if r.tipo == "alinhamento"]) == 1
        assert any("já existia" in n[1] for n in _notificacoes(app))


async def test_regenerating_over_an_edited_document_asks_first(caminho_demo, tmp_path):
    app = _app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await _escolher(app, pilot, "presenca", tmp_path)
        await _gerar(app, pilot)
        arquivo = next(tmp_path.glob("presenca-*.docx"))
        await _gerar(app, pilot)  # still pacto's bytes: replaced without a question
        assert not isinstance(app.screen, Confirmar)
        editado = arquivo.read_bytes() + b"revisado no Word"
        arquivo.write_bytes(editado)
        await _gerar(app, pilot)
        assert isinstance(app.screen, Confirmar)
        pergunta = str(app.screen.query_one(".pergunta", Static).render())
        assert arquivo.name in pergunta and "Substituí-los?" in pergunta
        assert arquivo.read_bytes() == editado
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert arquivo.read_bytes() != editado
        assert len(ler(arquivo).tabela_com_cabecalho("NOME", "ÓRGÃO", "CARGO")) > 5  # regenerated


async def test_preparing_the_month_again_asks_before_replacing_an_edited_pauta(
    caminho_demo, tmp_path
):
    app = _app(caminho_demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        app.query_one("#doc-pasta", Input).value = str(tmp_path)
        await pilot.press("8", "right_square_bracket", "m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        pauta = next(tmp_path.glob("pauta-*.docx"))
        editada = pauta.read_bytes() + b"pauta revisada"
        pauta.write_bytes(editada)
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, Confirmar)
        assert pauta.name in str(app.screen.query_one(".pergunta", Static).render())
        assert pauta.read_bytes() == editada
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pauta.read_bytes() != editada
