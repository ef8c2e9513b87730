"""A workspace an older pacto filled from a bundle it did not check: rows with “ontem” for a
date, 30 February, a month 13, an indicator value “abc”. Opening it reports each bad row by
table and row (on `pacto status` and in the TUI), and no screen or command crashes on them.
"""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.store import Workspace

from .conftest import HOJE


def _estragar(caminho) -> None:
    """Write, straight into the file, the rows an unchecked bundle import could leave."""
    runner = CliRunner()
    for argumentos in (
        ["versao", "congelar", "--nota", "Base"],
        ["adesao", "registrar", "PF-RR", "--situacao", "assinado", "--data", "10/11/2026"],
        ["passo", "marcar", "2", "--situacao", "em-andamento", "--nota", "Em revisão."],
    ):
        resultado = runner.invoke(pacto, ["--db", str(caminho), *argumentos])
        assert resultado.exit_code == 0, resultado.output
    conexao = sqlite3.connect(caminho)
    with conexao:
        conexao.execute("UPDATE ajustes_passos SET registrado_em = 'ontem'")
        conexao.execute("UPDATE adesoes SET assinado_em = '2026-02-30'")
        conexao.execute("UPDATE autodiagnostico_rodadas SET realizada_em = 'not-a-date'")
        inst = conexao.execute("SELECT id FROM instituicoes ORDER BY id LIMIT 1").fetchone()[0]
        conexao.execute(
            "INSERT INTO netp_envios (mes, instituicao_id, recebido_em) VALUES ('2026-10', ?, 'x')",
            [inst],
        )
        conexao.execute(
            "INSERT INTO netp_envios (mes, instituicao_id, recebido_em) "
            "VALUES ('2026-13', ?, '2026-11-01T10:00:00')",
            [inst],
        )
        conexao.execute(
            "INSERT INTO indicador_valores VALUES ('pessoas_atendidas', '2026-13', 'abc', 'manual')"
        )
        conexao.execute("INSERT INTO indicador_metas VALUES ('inventado', '2026', 'abc')")
        conexao.execute(
            "INSERT INTO checklist_respostas (mes, item, situacao) VALUES ('2026-13', 'x', 'ok')"
        )
    conexao.close()


@pytest.fixture
def caminho_estragado(caminho_demo):
    _estragar(caminho_demo)
    return caminho_demo


def test_status_reports_each_bad_row_by_table_and_row(caminho_estragado):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho_estragado), "status"])
    assert resultado.exit_code == 0, resultado.output
    assert resultado.exception is None
    aviso = resultado.stderr
    assert "registro(s) inválido(s)" in aviso
    for trecho in (
        "(ajustes_passos), linha 1, campo “registrado_em”: data e hora inválidas “ontem”",
        "(adesoes), linha 1, campo “assinado_em”: data inválida “2026-02-30”",
        "(autodiagnostico_rodadas), linha 1, campo “realizada_em”: data inválida “not-a-date”",
        "(netp_envios), linha 1, campo “recebido_em”: data e hora inválidas “x”",
        "(netp_envios), linha 2, campo “mes”: mês inválido: “2026-13”",
        "(indicador_valores), linha 1, campo “valor”: valor inválido: “abc”",
        "(indicador_metas), linha 1, campo “indicador”: valor desconhecido “inventado”",
        "(checklist_respostas), linha 1, campo “mes”",
    ):
        assert trecho in aviso, (trecho, aviso)
    # the second call reads the kept status and still warns; --json carries the list
    de_novo = CliRunner().invoke(pacto, ["--db", str(caminho_estragado), "status", "--json"])
    assert de_novo.exit_code == 0
    assert '"linhas_invalidas"' in de_novo.stdout


@pytest.mark.parametrize(
    "argumentos",
    [
        ["status"],
        ["passo", "listar"],
        ["adesao", "listar"],
        ["autodiagnostico", "resumo"],
        ["indicadores", "listar", "--mes", "2026-11"],
        ["netp", "envios"],
        ["checklist", "mostrar", "--mes", "2026-11"],
        ["verificar"],
        ["exportar", "copia.json"],
    ],
)
def test_commands_never_crash_on_bad_stored_rows(
    caminho_estragado, argumentos, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # `exportar copia.json` writes here
    resultado = CliRunner().invoke(
        pacto, ["--db", str(caminho_estragado), *argumentos], catch_exceptions=True
    )
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit), repr(
        resultado.exception
    )
    assert resultado.exit_code in (0, 1), resultado.output  # 1: “no self-diagnosis run”
    assert "Traceback" not in resultado.output


def test_readers_skip_or_blank_what_they_cannot_read(caminho_estragado):
    with Workspace.abrir(caminho_estragado) as ws:
        ajuste = ws.ajustes_passos()[0]
        assert ajuste.situacao == "em andamento" and ajuste.registrado_em is None
        adesao = ws.adesoes()[0]
        assert adesao.situacao == "assinado" and adesao.data is None
        assert ws.rodadas_autodiagnostico() == []
        assert [e.mes for e in ws.envios_netp()] == ["2026-10"]
        assert all(m.periodo != "2026-13" for m in ws.medicoes())
        assert ws.metas() == []
        assert len(ws.linhas_invalidas()) == 10  # two fields each in metas and valores


def test_a_clean_workspace_has_no_warning(caminho_demo):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho_demo), "status"])
    assert resultado.exit_code == 0
    assert "inválido" not in resultado.stderr
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.linhas_invalidas() == []


async def test_tui_first_screen_opens_and_warns_once(caminho_estragado):
    from pacto.tui.app import criar_app

    app = criar_app(caminho_estragado, hoje=HOJE)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        avisos = [n for n in app._notifications if "inválido" in n.title]
        assert len(avisos) == 1
        assert "ajustes_passos" in str(avisos[0].message)
        app.action_recarregar()  # reloading does not repeat the warning
        await pilot.pause()
        assert len([n for n in app._notifications if "inválido" in n.title]) == 1
