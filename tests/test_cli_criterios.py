"""The CLI checked against the issues' acceptance criteria, as a user runs it: lossless bundles,
refusals that name the problem in Portuguese, and nothing written when the input is wrong."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from pacto.cli import pacto


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.setenv("PACTO_CONFIG", str(tmp_path / "config.toml"))
    return CliRunner()


def _rodar(runner, caminho, *args):
    return runner.invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _ok(runner, caminho, *args):
    resultado = _rodar(runner, caminho, *args)
    assert resultado.exit_code == 0, resultado.output
    return resultado


def _linhas(caminho, tabela: str) -> list[tuple]:
    conexao = sqlite3.connect(caminho)
    try:
        return conexao.execute(f"SELECT * FROM {tabela} ORDER BY id").fetchall()
    finally:
        conexao.close()


def _recusa(resultado, trecho: str) -> None:
    assert resultado.exit_code != 0, resultado.output
    assert "Traceback" not in resultado.output
    assert "Erro:" in resultado.output and trecho in resultado.output, resultado.output


# -- exportar / importar --------------------------------------------------------------------


def test_bundle_round_trip_carries_adhesions(runner, caminho_demo, tmp_path):
    _ok(runner, caminho_demo, "versao", "congelar", "--nota", "Versão pactuada")
    _ok(
        runner,
        caminho_demo,
        *("adesao", "registrar", "PF-RR", "--situacao", "assinado"),
        *("--signatario", "Fulano de Tal", "--cargo", "Superintendente", "--sei", "123/2026"),
    )
    _ok(runner, caminho_demo, "adesao", "registrar", "MPRR", "--situacao", "convidada")
    pacote = tmp_path / "rede.json"
    _ok(runner, caminho_demo, "exportar", str(pacote))
    assert len(json.loads(pacote.read_text("utf-8"))["adesoes"]) == 2

    copia = tmp_path / "copia.db"
    _ok(runner, copia, "importar", str(pacote))
    assert _linhas(copia, "adesoes") == _linhas(caminho_demo, "adesoes")
    assinadas = json.loads(_ok(runner, copia, "adesao", "listar", "--json").output)
    situacoes = {s["sigla"]: s["situacao"] for s in assinadas["instituicoes"]}
    assert situacoes["PF-RR"] == "assinado" and situacoes["MPRR"] == "convidada"

    # replacing a workspace with the same bundle keeps its adhesions too
    _ok(runner, caminho_demo, "importar", "--substituir", str(pacote))
    assert len(_linhas(caminho_demo, "adesoes")) == 2


def test_import_refuses_a_workspace_with_meetings_but_no_institutions(
    runner, caminho_demo, tmp_path
):
    pacote = tmp_path / "rede.json"
    _ok(runner, caminho_demo, "exportar", str(pacote))
    vazio = tmp_path / "vazio.db"
    _ok(runner, vazio, "init", "--rede", "Rede Teste", "--uf", "PA")
    _ok(runner, vazio, "reuniao", "criar", "--tipo", "gt", "--data", "2026-12-01")
    _ok(runner, vazio, "autodiagnostico", "nova-rodada", "--metodo", "Própria equipe")

    resultado = _rodar(runner, vazio, "importar", str(pacote))

    _recusa(resultado, "--substituir")
    assert "reuniões" in resultado.output and "autodiagnóstico" in resultado.output
    assert len(_linhas(vazio, "reunioes")) == 1
    assert _linhas(vazio, "instituicoes") == []


def test_import_substituir_keeps_a_backup_and_warns_about_sections_the_bundle_lacks(
    runner, caminho_demo, tmp_path
):
    _ok(runner, caminho_demo, "versao", "congelar", "--nota", "Versão pactuada")
    _ok(runner, caminho_demo, "adesao", "registrar", "PF-RR", "--situacao", "assinado")
    pacote = tmp_path / "antigo.json"
    _ok(runner, caminho_demo, "exportar", str(pacote))
    antigo = json.loads(pacote.read_text("utf-8"))
    del antigo["adesoes"]  # as an older pacto wrote it
    pacote.write_text(json.dumps(antigo, ensure_ascii=False), "utf-8")

    resultado = _ok(runner, caminho_demo, "importar", "--substituir", str(pacote))

    assert "Aviso:" in resultado.output and "adesões" in resultado.output
    assert "antes-de-importar" in resultado.output
    copia = next(caminho_demo.parent.glob("*.backups/*antes-de-importar.db"))
    assert len(_linhas(copia, "adesoes")) == 1


# -- status ---------------------------------------------------------------------------------


def test_status_json_next_step_has_the_keys_of_a_step(runner, caminho_demo, tmp_path):
    dados = json.loads(_ok(runner, caminho_demo, "status", "--json").output)
    proximo = dados["proximo_passo"]
    assert {"numero", "titulo", "situacao", "motivo", "acao"} <= set(proximo)
    passo = dados["passos_pactuacao"][proximo["numero"] - 1]
    assert (proximo["titulo"], proximo["situacao"]) == (passo["titulo"], passo["situacao"])
    assert proximo["motivo"] == "3 instituições não têm ponto focal titular."

    vazio = tmp_path / "vazio.db"
    _ok(runner, vazio, "init", "--rede", "Rede Teste", "--uf", "PA")
    proximo = json.loads(_ok(runner, vazio, "status", "--json").output)["proximo_passo"]
    assert proximo["numero"] is None and proximo["situacao"] == "não iniciado"
    assert proximo["titulo"] == proximo["acao"] and proximo["motivo"]
