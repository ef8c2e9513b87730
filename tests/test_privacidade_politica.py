"""The privacy policy by field, enforced by the store at commit, with --mesmo-assim; purge and LGPD."""

import json
import sqlite3
import stat

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.errors import ErroPrivacidade
from pacto.domain.models import Instituicao
from pacto.domain.politica_privacidade import (
    POLITICA,
    TipoCampo,
    alertas_do_campo,
    alertas_do_tipo,
    campo,
)
from pacto.domain.privacidade import verificar_privacidade
from pacto.store import Workspace

CPF = "529.982.247-25"  # fake, with valid check digits
TEXTO = f"A vítima Maria Souza, CPF {CPF}, nascida em 01/02/2001."


def _rodar(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _historico(caminho) -> int:
    with sqlite3.connect(caminho) as con:
        return con.execute("SELECT count(*) FROM historico").fetchone()[0]


# -- the policy ---------------------------------------------------------------------------


def test_the_same_text_is_normal_in_one_field_and_refused_in_another():
    assert alertas_do_campo("instituicoes", "telefone", "95991234567") == []
    assert alertas_do_campo("instituicoes", "nome", "Centro de Atendimento às Vítimas") == []
    assert alertas_do_campo("pontos_focais", "email", "ana@sejuc.rr.gov.br") == []
    assert alertas_do_campo("pauta_itens", "ata", "Ligar para 95991234567")  # 11 digits
    assert alertas_do_campo("checklist_respostas", "nota", "vítima nascida em 02/03/2004")
    assert alertas_do_campo("instituicoes", "telefone", f"CPF {CPF}")  # a CPF is never a phone
    assert alertas_do_campo("reunioes", "data", "2026-12-20") == []


def test_a_field_missing_from_the_table_is_free_text():
    assert campo("tabela_nova", "relato").tipo is TipoCampo.TEXTO_LIVRE
    assert alertas_do_campo("tabela_nova", "relato", TEXTO)
    assert campo("pauta_itens", "ata").rotulo == "ata"
    assert all(isinstance(c.rotulo, str) and c.rotulo for c in POLITICA.values())


@pytest.mark.parametrize(
    "texto",
    [
        TEXTO,
        "CPF 52998224725",
        "vítima de 15 anos",
        "telefone da vítima: (95) 99123-4567",
        "e-mail da vítima maria@exemplo.com",
        "passaporte AB123456 e RNM V123456-7",
        "RG 1234567 SSP",
        "RG 12.345-6",
        "Vítima, d.n. 3/4/01",
        "passaporte AB123456",
        "processo 0001234-56.2026.8.23.0010",
        "d.n. 03/04/2001",
        "mora na rua tal",
    ],
)
def test_the_fast_filter_never_hides_a_warning(texto):
    """The quick skip in the policy only drops texts where verificar_privacidade finds nothing."""
    esperado = [str(a) for a in verificar_privacidade(texto)]
    assert esperado
    assert [str(a) for a in alertas_do_tipo(TipoCampo.TEXTO_LIVRE, texto)] == esperado


# -- the store refuses at commit ----------------------------------------------------------------


def test_store_refuses_any_writer_and_names_field_and_passage(ws_demo):
    inst = ws_demo.instituicao_por_sigla("PF-RR")
    antes = len(ws_demo.historico(limite=100_000))
    inst.observacoes = f"Atendeu a vítima, CPF {CPF}."
    with pytest.raises(ErroPrivacidade) as erro:
        ws_demo.salvar_instituicao(inst)
    assert "observações da instituição" in erro.value.mensagem and CPF in erro.value.mensagem
    assert "Nada foi gravado" in erro.value.mensagem
    assert len(ws_demo.historico(limite=100_000)) == antes
    with ws_demo.aceitando_alertas_de_privacidade():
        ws_demo.salvar_instituicao(inst)
    # a later change to another field of that row is not refused for the old text
    inst = ws_demo.instituicao_por_sigla("PF-RR")
    inst.telefone = "(95) 3621-0000"
    ws_demo.salvar_instituicao(inst)
    ws_demo.salvar_instituicao(Instituicao(nome="Centro de Atendimento às Vítimas", sigla="CAV"))


@pytest.mark.parametrize(
    "comando",
    [
        ("checklist", "responder", "pontos_focais", "ok", "--nota", TEXTO),
        ("passo", "concluir", "1", "--justificativa", TEXTO),
        ("gt", "ato", f"Portaria nº 45, CPF {CPF}"),
        ("reuniao", "criar", "--tipo", "gt", "--data", "2026-12-21", "--local", TEXTO),
        ("autodiagnostico", "nova-rodada", "--participantes", TEXTO),
        ("reuniao", "presenca", "1", "--organizacao", "ONG", "--nome", f"Ana {CPF}"),
        ("reuniao", "acao", "1", "--descricao", TEXTO, "--instituicao", "PF-RR"),
        ("versao", "congelar", "--nota", TEXTO),
    ],
)
def test_every_cli_writer_refuses_unless_mesmo_assim(caminho_demo, comando):
    antes = _historico(caminho_demo)
    recusa = _rodar(caminho_demo, *comando)
    assert recusa.exit_code == 1, recusa.output
    assert "parece conter dado pessoal de vítima" in recusa.stderr
    assert CPF in recusa.stderr or "52998224725" in recusa.stderr
    assert "--mesmo-assim" in recusa.stderr and "Traceback" not in recusa.output
    assert _historico(caminho_demo) == antes
    aceita = _rodar(caminho_demo, *comando, "--mesmo-assim")
    assert aceita.exit_code == 0, aceita.output
    assert _historico(caminho_demo) > antes


# -- historico purgar -----------------------------------------------------------------------


def test_purge_removes_an_overwritten_text_from_history_file_wal_and_backups(caminho_demo):
    assert _rodar(caminho_demo, "passo", "concluir", "1", "--justificativa", f"CPF {CPF}", "--mesmo-assim").exit_code == 0  # fmt: skip
    assert _rodar(caminho_demo, "passo", "concluir", "1", "--justificativa", "Portaria publicada").exit_code == 0  # fmt: skip
    with Workspace.abrir(caminho_demo) as ws:
        copia = ws.backup_automatico("teste")
    assert CPF.encode() in copia.read_bytes()
    resultado = _rodar(caminho_demo, "historico", "purgar", CPF)
    assert resultado.exit_code == 0, resultado.output
    assert "Texto purgado do workspace" in resultado.stdout
    assert str(copia) in resultado.stdout and "--backups" in resultado.stdout
    for arquivo in (caminho_demo, caminho_demo.with_name(caminho_demo.name + "-wal")):
        assert not arquivo.exists() or CPF.encode() not in arquivo.read_bytes()
    assert CPF.encode() in copia.read_bytes()
    assert _rodar(caminho_demo, "historico", "purgar", CPF, "--backups").exit_code == 0
    assert CPF.encode() not in copia.read_bytes()
    with Workspace.abrir(caminho_demo) as ws:
        (ultimo,) = ws.historico(limite=1)
        assert ultimo.tabela == "purga_de_texto" and CPF not in json.dumps(ultimo.antes)
        assert ws.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    historico = _rodar(caminho_demo, "historico", "--limite", "3")
    assert "purga" in historico.stdout and CPF not in historico.stdout


def test_purge_asks_before_changing_current_rows(caminho_demo):
    _rodar(caminho_demo, "gt", "ato", f"Portaria {CPF}", "--mesmo-assim")
    recusa = _rodar(caminho_demo, "historico", "purgar", CPF)
    assert recusa.exit_code == 1 and "nada foi alterado" in recusa.stdout
    assert "valor de configuração" in recusa.stdout
    with Workspace.abrir(caminho_demo) as ws:
        assert CPF in ws.ato_gt()
    assert _rodar(caminho_demo, "historico", "purgar", CPF, "--sim").exit_code == 0
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.ato_gt() == "Portaria [texto purgado]"
    assert CPF.encode() not in caminho_demo.read_bytes()
    assert "a purgar" in _rodar(caminho_demo, "historico", "purgar", CPF).stdout
    curto = _rodar(caminho_demo, "historico", "purgar", "ab")
    assert curto.exit_code == 1 and "ao menos 4 caracteres" in curto.stderr


# -- pessoa listar | exportar | apagar ----------------------------------------------------------


def test_person_found_everywhere_exported_and_erased_keeping_a_signed_termo(caminho_demo, tmp_path):
    nome = "Mariana Costa Lima"
    assert _rodar(caminho_demo, "versao", "congelar", "--nota", "v1").exit_code == 0
    assert _rodar(caminho_demo, "adesao", "registrar", "PF-RR", "--situacao", "assinado", "--signatario", nome).exit_code == 0  # fmt: skip
    assert _rodar(caminho_demo, "reuniao", "ata", "1", "--item", "1", "--texto", "MARIANA costa LIMA apresentou o fluxo.").exit_code == 0  # fmt: skip
    listar = _rodar(caminho_demo, "pessoa", "listar", "mariana costa lima")
    assert listar.exit_code == 0
    for onde in ("ponto focal", "lista de presença", "signatário de adesão", "menção em ata", "histórico"):  # fmt: skip
        assert onde in listar.stdout
    saida = tmp_path / "mariana.json"
    assert _rodar(caminho_demo, "pessoa", "exportar", nome, "--saida", str(saida)).exit_code == 0
    assert stat.S_IMODE(saida.stat().st_mode) == 0o600
    dados = json.loads(saida.read_text(encoding="utf-8"))
    assert any(r["tabela"] == "pontos_focais" and r["dados"]["email"] for r in dados["registros"])
    assert _rodar(caminho_demo, "pessoa", "exportar", nome, "--saida", str(saida)).exit_code == 1
    recusa = _rodar(caminho_demo, "pessoa", "apagar", nome)
    assert recusa.exit_code == 1 and "Nada foi apagado" in recusa.stdout
    apagar = _rodar(caminho_demo, "pessoa", "apagar", "Mariána Costa Lima", "--sim")
    assert apagar.exit_code == 0, apagar.output
    assert "Mantido: signatário de adesão (registro 1)" in apagar.stdout
    assert "Mantido: membro do GT" in apagar.stdout
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
        assert all(p.nome != nome for p in rc.pontos_focais)
        assert "[nome removido — LGPD]" in ws.item_pauta(ws.itens_pauta(1)[0].id).ata
        assert [a.signatario for a in ws.adesoes() if a.signatario] == [nome]
        restantes = ws.dados_de_pessoa(nome)
        assert not restantes.mencoes and not restantes.historico
        assert {a.tabela for a in restantes.registros} == {"adesoes", "versoes"}


# -- the interface asks: edit or keep -------------------------------------------------------


async def test_tui_form_asks_to_edit_or_keep_when_the_store_refuses(caminho_demo):
    from textual.widgets import Input, TextArea

    from pacto.tui.app import criar_app
    from pacto.tui.formularios_rede import FormInstituicao
    from pacto.tui.reuniao_dialogos import AvisoPrivacidade

    from .conftest import HOJE

    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        form = app.screen
        assert isinstance(form, FormInstituicao)
        form.query_one("#inst-nome", Input).value = "Casa de Passagem"
        form.query_one("#inst-sigla", Input).value = "CPAS"
        form.query_one("#inst-observacoes", TextArea).load_text(TEXTO)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)
        aviso = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "observações da instituição" in aviso and CPF in aviso
        await pilot.press("e")  # edit: the form stays, nothing stored
        await pilot.pause()
        assert app.screen is form and app.ws.instituicao_por_sigla("CPAS") is None
        assert CPF in str(form.query_one("#form-erros").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("g")  # keep it anyway: the user's explicit choice
        await pilot.pause()
        assert not isinstance(app.screen, FormInstituicao)
        assert CPF in app.ws.instituicao_por_sigla("CPAS").observacoes


async def test_tui_spreadsheet_import_asks_and_edit_writes_nothing(caminho_vazio, tmp_path):
    from openpyxl import Workbook

    from pacto.tui.app import criar_app
    from pacto.tui.importar import TelaImportarPlanilha
    from pacto.tui.reuniao_dialogos import AvisoPrivacidade

    from .test_tui_importar import _previa

    arquivo = tmp_path / "atores.xlsx"
    livro = Workbook()
    livro.active.append(["Instituição", "Sigla", "Observações"])
    livro.active.append(["Casa de Passagem", "CPAS", TEXTO])
    livro.save(arquivo)
    app = criar_app(caminho_vazio)
    async with app.run_test(size=(80, 24)) as pilot:
        await _previa(app, pilot, arquivo)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)
        aviso = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "linha 2" in aviso and "observações da instituição" in aviso
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, (AvisoPrivacidade, TelaImportarPlanilha))
        assert app.ws.esta_vazio()


def test_person_erased_from_the_automatic_backups_too(caminho_demo):
    nome = "Rafael Souza Andrade"
    with Workspace.abrir(caminho_demo) as ws:
        copia = ws.backup_automatico("teste")
    listar = _rodar(caminho_demo, "pessoa", "listar", nome)
    assert f"cópia automática {copia}" in listar.stdout.replace("\n", "")
    sem_backups = _rodar(caminho_demo, "pessoa", "apagar", nome, "--sim")
    assert "repita com --backups" in sem_backups.stdout
    assert nome.encode() in copia.read_bytes()
    com_backups = _rodar(caminho_demo, "pessoa", "apagar", nome, "--sim", "--backups")
    assert com_backups.exit_code == 0, com_backups.output
    assert "Também apagados de 1 cópia(s) automática(s)" in com_backups.stdout
    with sqlite3.connect(copia) as con:
        nomes = [n for (n,) in con.execute("SELECT nome FROM pontos_focais")]
    assert nome not in nomes and nomes
    assert nome.encode() not in copia.read_bytes()


async def test_tui_meeting_form_keep_stores_the_text_the_user_chose(caminho_demo):
    from textual.widgets import TextArea

    from pacto.tui.app import criar_app
    from pacto.tui.reuniao_dialogos import AvisoPrivacidade
    from pacto.tui.reuniao_forms import FormDeliberacao

    from .conftest import HOJE
    from .test_reuniao_tui import TAMANHO, _abrir_modo

    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, FormDeliberacao)
        app.screen.query_one("#f-texto", TextArea).insert(TEXTO)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)
        await pilot.press("g")
        await pilot.pause()
        assert [d.texto for d in app.ws.deliberacoes(modo.reuniao_id)] == [TEXTO]
        # the answer was for that save only: the next one is checked again
        with pytest.raises(ErroPrivacidade):
            app.ws.salvar_ata_item(modo.item.id, TEXTO)
