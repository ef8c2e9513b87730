"""Backups: automatic before migrations (rotating), on demand, and restore that keeps what it replaces."""

import json
import sqlite3

from click.testing import CliRunner

from pacto.cli import pacto
from pacto.store import Workspace
from pacto.store.backups import pasta_backups
from pacto.store.schema import migracoes

from .conftest import nova_instituicao


def _envelhecer(caminho, ate: str):
    """Make a workspace look written by an older pacto: drop what migrations from `ate` on created."""
    conexao = sqlite3.connect(caminho)
    nomes = [m.name for m in migracoes._migrations]
    posteriores = nomes[nomes.index(ate) :]
    tabelas = {
        "m005_processo": [
            "ajustes_passos",
            "autodiagnostico_respostas",
            "autodiagnostico_rodadas",
            "grupo_trabalho",
        ],
        "m006_netp": ["netp_contagens", "netp_envios"],
        "m007_mensal": ["checklist_respostas", "indicador_metas", "indicador_valores"],
        "m008_historico": ["historico", "_sessao"],
        "m009_cache": ["_cache"],
        "m010_geracao": ["_geracao"],
        "m011_arquivos_gerados": ["_arquivos_gerados"],
        "m014_fluxo_vivo": ["avaliacoes"],
    }
    for (gatilho,) in conexao.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'hist_%'"
    ).fetchall():
        conexao.execute(f"DROP TRIGGER {gatilho}")
    for nome in reversed(posteriores):
        for tabela in tabelas.get(nome, []):
            conexao.execute(f"DROP TABLE IF EXISTS {tabela}")
        conexao.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [nome])
    conexao.commit()
    conexao.close()


def test_older_workspace_is_upgraded_without_loss_after_a_backup(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "PF", "Polícia Federal")
    _envelhecer(caminho_vazio, "m005_processo")
    with Workspace.abrir(caminho_vazio) as ws:
        assert [i.sigla for i in ws.instituicoes()] == ["PF"]
        assert ws.membros_gt() == [] and ws.historico(limite=1) == []
        nova_instituicao(ws, "NETP")
        assert ws.historico(limite=1)[0].depois["sigla"] == "NETP"
        copias = ws.backups_automaticos()
    assert len(copias) == 1 and "antes-da-atualizacao" in copias[0].name
    velho = sqlite3.connect(copias[0])
    assert velho.execute("SELECT sigla FROM instituicoes").fetchall() == [("PF",)]
    assert velho.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'grupo_trabalho'"
    ).fetchone() == (0,)
    velho.close()
    assert oct(pasta_backups(caminho_vazio).stat().st_mode & 0o777) == "0o700"


def test_automatic_backups_rotate(ws_vazio):
    ws_vazio.definir_configuracao("backups_manter", "3")
    for _ in range(5):
        ws_vazio.backup_automatico("teste")
    assert len(ws_vazio.backups_automaticos()) == 3


def test_restore_replaces_content_and_keeps_what_it_replaced(ws_demo, tmp_path):
    copia = ws_demo.backup(tmp_path / "copia.db")
    nova_instituicao(ws_demo, "NOVA", "Instituição criada depois da cópia")
    anterior = ws_demo.restaurar(copia)
    assert ws_demo.instituicao_por_sigla("NOVA") is None
    with Workspace.abrir(anterior) as guardado:
        assert guardado.instituicao_por_sigla("NOVA") is not None


def test_restore_cli_asks_first_and_refuses_foreign_files(caminho_demo, tmp_path):
    runner = CliRunner()
    copia = tmp_path / "copia.db"
    assert runner.invoke(pacto, ["--db", str(caminho_demo), "backup", str(copia)]).exit_code == 0
    with Workspace.abrir(caminho_demo) as ws:
        nova_instituicao(ws, "NOVA")
    r = runner.invoke(pacto, ["--db", str(caminho_demo), "restaurar", str(copia)], input="n\n")
    assert r.exit_code == 0 and "Nada foi alterado." in r.output
    r = runner.invoke(pacto, ["--db", str(caminho_demo), "restaurar", str(copia)], input="s\n")
    assert r.exit_code == 0 and "restaurado" in r.output
    status = json.loads(
        runner.invoke(pacto, ["--db", str(caminho_demo), "status", "--json"]).output
    )
    assert status["contagens"]["instituicoes"] == 33
    falso = tmp_path / "falso.db"
    falso.write_bytes(b"nada" * 100)
    r = runner.invoke(pacto, ["--db", str(caminho_demo), "restaurar", str(falso), "--sim"])
    assert r.exit_code == 1 and "não é um workspace do pacto" in r.output


def test_a_backup_from_an_older_pacto_is_restored_up_to_date(ws_demo, tmp_path):
    """Migrated in memory before it lands: the open workspace never sees the old schema."""
    copia = ws_demo.backup(tmp_path / "antiga.db")
    _envelhecer(copia, "m008_historico")
    ws_demo.restaurar(copia)
    assert not ws_demo.foi_substituido()  # this process did the restore and took the new mark
    nova_instituicao(ws_demo, "DEPOIS")
    assert ws_demo.historico(limite=1)[0].depois["sigla"] == "DEPOIS"
    conexao = sqlite3.connect(ws_demo.caminho)
    assert conexao.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conexao.execute("SELECT count(*) FROM _geracao").fetchone() == (1,)
    conexao.close()
