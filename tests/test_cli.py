"""The CLI as a user runs it: Portuguese help and messages, exit codes, no tracebacks."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pacto.cli import pacto


@pytest.fixture
def runner():
    return CliRunner()


def _rodar(runner, *args, **kwargs):
    return runner.invoke(pacto, list(args), catch_exceptions=False, **kwargs)


def test_help_is_in_portuguese(runner):
    resultado = _rodar(runner, "--help")
    assert resultado.exit_code == 0
    for trecho in (
        "Uso: pacto [OPÇÕES]",
        "Opções:",
        "Comandos:",
        "Mostra esta ajuda e sai.",
        "init",
    ):
        assert trecho in resultado.output
    assert "Usage" not in resultado.output and "Show this message" not in resultado.output


def test_init_creates_then_refuses_to_touch(runner, tmp_path):
    caminho = tmp_path / "rede.db"
    resultado = _rodar(
        runner,
        "--db",
        str(caminho),
        "init",
        "--rede",
        "Rede de Campinas",
        "--uf",
        "sp",
        "--municipio",
        "Campinas",
    )
    assert resultado.exit_code == 0, resultado.output
    assert "Workspace criado" in resultado.output
    antes = caminho.read_bytes()
    de_novo = _rodar(runner, "--db", str(caminho), "init", "--rede", "Outra", "--uf", "SP")
    assert de_novo.exit_code == 1
    assert "não o sobrescreve" in de_novo.output
    assert caminho.read_bytes() == antes


def test_init_with_bad_uf_is_a_clear_error(runner, tmp_path):
    resultado = _rodar(
        runner, "--db", str(tmp_path / "r.db"), "init", "--rede", "Rede", "--uf", "ZZ"
    )
    assert resultado.exit_code == 1
    assert "UF inválida" in resultado.output
    assert not (tmp_path / "r.db").exists()


def test_missing_option_message_in_portuguese(runner):
    resultado = runner.invoke(pacto, ["init", "--uf", "SP"])
    assert resultado.exit_code == 2
    assert "Falta a opção" in resultado.output


def test_db_from_environment_variable(runner, caminho_demo):
    resultado = _rodar(runner, "status", "--json", env={"PACTO_DB": str(caminho_demo)})
    assert resultado.exit_code == 0
    assert json.loads(resultado.output)["rede"]["uf"] == "RR"


def test_status_json_contract(runner, caminho_demo):
    dados = json.loads(_rodar(runner, "--db", str(caminho_demo), "status", "--json").output)
    assert dados["contagens"]["instituicoes"] >= 25
    assert dados["etapas_cobertas"] == dados["etapas_total"] == 5
    assert [e["nome"] for e in dados["etapas"]][0] == "Denúncia"
    assert all({"codigo", "mensagem", "onde"} <= set(lacuna) for lacuna in dados["lacunas"])


def test_status_human_output(runner, caminho_demo):
    saida = _rodar(runner, "--db", str(caminho_demo), "status").output
    assert "Rede Estadual de Enfrentamento ao Tráfico de Pessoas de Roraima" in saida
    assert "Etapas cobertas: 5 de 5" in saida
    assert "Lacunas" in saida


def test_verificar_lists_gaps(runner, caminho_demo):
    dados = json.loads(_rodar(runner, "--db", str(caminho_demo), "verificar", "--json").output)
    assert any(lacuna["referencia"] == "PRF-RR" for lacuna in dados["lacunas"])
    texto = _rodar(runner, "--db", str(caminho_demo), "verificar").output
    assert "PRF-RR: sem ponto focal titular." in texto


def test_status_without_workspace_explains(runner, tmp_path):
    resultado = _rodar(runner, "--db", str(tmp_path / "nada.db"), "status")
    assert resultado.exit_code == 1
    assert "pacto init" in resultado.output and "pacto demo" in resultado.output


def test_foreign_file_clear_error(runner, tmp_path):
    arquivo = tmp_path / "foto.db"
    arquivo.write_bytes(b"\x89PNG\r\n" + b"0" * 200)
    resultado = _rodar(runner, "--db", str(arquivo), "status")
    assert resultado.exit_code == 1
    assert "não é um workspace do pacto" in resultado.output
    assert "Traceback" not in resultado.output


def test_demo_in_explicit_path_never_overwrites(runner, tmp_path):
    caminho = tmp_path / "demo.db"
    primeira = _rodar(runner, "--db", str(caminho), "demo", "--sem-tui")
    assert primeira.exit_code == 0, primeira.output
    assert "Rede de demonstração criada" in primeira.output
    antes = caminho.read_bytes()
    segunda = _rodar(runner, "--db", str(caminho), "demo", "--sem-tui")
    assert segunda.exit_code == 1
    assert caminho.read_bytes() == antes


def test_demo_without_db_creates_named_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PACTO_DB", raising=False)
    resultado = _rodar(runner, "demo", "--sem-tui")
    assert resultado.exit_code == 0
    assert os.path.exists("pacto-demo/pacto.db")
    de_novo = _rodar(runner, "demo", "--sem-tui")
    assert de_novo.exit_code == 0
    assert "já existe" in de_novo.output


def test_export_import_round_trip_through_cli(runner, caminho_demo, tmp_path):
    pacote = tmp_path / "rede.json"
    assert _rodar(runner, "--db", str(caminho_demo), "exportar", str(pacote)).exit_code == 0
    nova = tmp_path / "nova.db"
    resultado = _rodar(runner, "--db", str(nova), "importar", str(pacote))
    assert resultado.exit_code == 0, resultado.output
    status = json.loads(_rodar(runner, "--db", str(nova), "status", "--json").output)
    assert status["contagens"]["instituicoes"] == 33
    recusa = _rodar(runner, "--db", str(nova), "importar", str(pacote))
    assert recusa.exit_code == 1 and "--substituir" in recusa.output
    assert (
        _rodar(
            runner, "--db", str(nova), "importar", str(pacote), "--substituir", "--sim"
        ).exit_code
        == 0
    )


def test_import_of_malformed_bundle_into_new_path_leaves_no_file(runner, tmp_path):
    ruim = tmp_path / "ruim.json"
    ruim.write_text('{"formato": "pacto", "versao_formato": 1, "rede": {"nome": "R", "uf": "XX"}}')
    nova = tmp_path / "nova.db"
    resultado = _rodar(runner, "--db", str(nova), "importar", str(ruim))
    assert resultado.exit_code == 1
    assert "UF inválida" in resultado.output
    assert not nova.exists()


def test_backup_command(runner, caminho_demo, tmp_path):
    destino = tmp_path / "copias"
    destino.mkdir()
    resultado = _rodar(runner, "--db", str(caminho_demo), "backup", str(destino))
    assert resultado.exit_code == 0
    copias = list(destino.iterdir())
    assert len(copias) == 1
    status = json.loads(_rodar(runner, "--db", str(copias[0]), "status", "--json").output)
    assert status["contagens"]["instituicoes"] == 33


def test_real_subprocess_python_m_and_console_script(tmp_path):
    caminho = tmp_path / "rede.db"
    criar = subprocess.run(
        [
            sys.executable,
            "-m",
            "pacto",
            "--db",
            str(caminho),
            "init",
            "--rede",
            "Rede X",
            "--uf",
            "RR",
        ],
        capture_output=True,
        text=True,
    )
    assert criar.returncode == 0, criar.stderr
    status = subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(caminho), "status", "--json"],
        capture_output=True,
        text=True,
    )
    assert json.loads(status.stdout)["rede"]["nome"] == "Rede X"
    ruim = subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(tmp_path / "nada.db"), "status"],
        capture_output=True,
        text=True,
    )
    assert ruim.returncode == 1
    assert "Nenhum workspace encontrado" in ruim.stderr
    assert "Traceback" not in ruim.stderr


def test_no_subcommand_without_workspace_explains_instead_of_opening_tui(tmp_path):
    resultado = subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(tmp_path / "nada.db")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert resultado.returncode == 1
    assert "pacto init" in resultado.stderr
