"""Hostile text through every CLI command that takes text: kept literally or refused with a
Portuguese message, never a traceback, and a refusal writes nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.store import Workspace

from .hostil import HOSTIS, tem_recusados, um_linha

# every piece for the commands people use most; a sample for the rest, to keep the suite quick
AMOSTRA = (
    "nul", "controles_c0", "sino_e_escape", "tab_e_quebras", "enorme", "emoji", "arabe_rtl",
    "rlo", "jinja_expressao", "jinja_bloco", "xml_especiais", "sql", "so_espacos",
    "sigla_enorme", "surrogate_escape", "markup_quebrado", "percent_format",
)  # fmt: skip


def _ultimo(lista):
    return max(lista, key=lambda r: r.id)


def _ajuste(ws, numero):
    return next(a for a in ws.ajustes_passos() if a.numero == numero).justificativa


# name -> (arguments after --db, how to read the stored value, "curto" or "longo", pieces)
COMANDOS = {
    "gt ato": (lambda t: ["gt", "ato", t], lambda ws: ws.ato_gt(), "curto", HOSTIS),
    "passo concluir --justificativa": (
        lambda t: ["passo", "concluir", "1", "--justificativa", t],
        lambda ws: _ajuste(ws, 1),
        "longo",
        HOSTIS,
    ),
    "passo marcar --nota": (
        lambda t: ["passo", "marcar", "2", "--situacao", "em-andamento", "--nota", t],
        lambda ws: _ajuste(ws, 2),
        "longo",
        AMOSTRA,
    ),
    "reuniao criar --local": (
        lambda t: [
            "reuniao",
            "criar",
            "--tipo",
            "extraordinaria",
            "--data",
            "2026-12-03",
            "--local",
            t,
            "--presidente",
            t,
        ],  # fmt: skip
        lambda ws: _ultimo(ws.reunioes()).local,
        "curto",
        AMOSTRA,
    ),
    "reuniao ata --texto": (
        lambda t: ["reuniao", "ata", "1", "--item", "1", "--texto", t, "--mesmo-assim"],
        lambda ws: ws.itens_pauta(1)[0].ata,
        "longo",
        HOSTIS,
    ),
    "reuniao deliberacao --texto": (
        lambda t: ["reuniao", "deliberacao", "1", "--texto", t, "--mesmo-assim"],
        lambda ws: _ultimo(ws.deliberacoes()).texto,
        "longo",
        AMOSTRA,
    ),
    "reuniao acao --descricao": (
        lambda t: [
            "reuniao",
            "acao",
            "1",
            "--descricao",
            t,
            "--instituicao",
            "PF-RR",
            "--mesmo-assim",
        ],  # fmt: skip
        lambda ws: _ultimo(ws.acoes()).descricao,
        "longo",
        AMOSTRA,
    ),
    "reuniao presenca --nome": (
        lambda t: ["reuniao", "presenca", "1", "--organizacao", t, "--nome", t, "--cargo", t],
        lambda ws: _ultimo(ws.presencas()).nome,
        "curto",
        AMOSTRA,
    ),
    "reuniao sugestao --texto": (
        lambda t: [
            "reuniao",
            "sugestao",
            "1",
            "--autor",
            t,
            "--texto",
            t,
            "--referencia",
            t,
            "--mesmo-assim",
        ],  # fmt: skip
        lambda ws: _ultimo(ws.sugestoes()).texto,
        "longo",
        AMOSTRA,
    ),
    "checklist responder --nota": (
        lambda t: [
            "checklist",
            "responder",
            "pontos_focais",
            "ok",
            "--mes",
            "2026-11",
            "--nota",
            t,
        ],  # fmt: skip
        lambda ws: next(
            r.nota
            for r in ws.respostas_checklist()
            if r.mes == "2026-11" and r.item == "pontos_focais"
        ),
        "longo",
        HOSTIS,
    ),
    "autodiagnostico nova-rodada --metodo": (
        lambda t: ["autodiagnostico", "nova-rodada", "--metodo", t],
        lambda ws: ws.rodadas_autodiagnostico()[-1].metodo,
        "curto",
        AMOSTRA,
    ),
    "autodiagnostico responder --nota": (
        lambda t: ["autodiagnostico", "responder", "atendimento_reservado", "sim", "--nota", t],
        lambda ws: ws.rodadas_autodiagnostico()[-1].respostas["atendimento_reservado"].nota,
        "longo",
        AMOSTRA,
    ),
    "modelos configurar --orgao-nome": (
        lambda t: ["modelos", "configurar", "--orgao-nome", t],
        lambda ws: ws.configuracao("documentos.orgao_nome"),
        "curto",
        AMOSTRA,
    ),
    "adesao registrar --signatario": (
        lambda t: ["adesao", "registrar", "PF-RR", "--situacao", "assinado", "--signatario", t],
        lambda ws: next(a for a in ws.adesoes() if a.versao_numero == 1).signatario,
        "curto",
        AMOSTRA,
    ),
}
CASOS = [(comando, nome) for comando, (*_, pecas) in COMANDOS.items() for nome in pecas]


@pytest.fixture(scope="module")
def _demo_com_versao(tmp_path_factory):
    """The demo network with a frozen version (adhesions need one), built once."""
    from .conftest import HOJE

    caminho = tmp_path_factory.mktemp("hostil-cli") / "demo.db"
    from pacto.services.demo import criar_demo

    with criar_demo(caminho, hoje=HOJE) as ws:
        ws.congelar_versao("Versão de teste")
    return caminho


@pytest.fixture(scope="module")
def espacos(_demo_com_versao, tmp_path_factory):
    """One copy of the workspace per command, shared by that command's pieces."""
    pasta = tmp_path_factory.mktemp("copias")
    copias = {}
    for n, comando in enumerate(COMANDOS):
        copias[comando] = pasta / f"w{n}.db"
        shutil.copy(_demo_com_versao, copias[comando])
    return copias


def _ultima_alteracao(caminho) -> int:
    with Workspace.abrir(caminho) as ws:
        return ws.con.execute("SELECT coalesce(max(id), 0) FROM historico").fetchone()[0]


@pytest.mark.parametrize(("comando", "nome"), CASOS)
def test_cli_keeps_or_refuses_hostile_text(espacos, comando, nome, monkeypatch, tmp_path):
    monkeypatch.setenv("PACTO_CONFIG", str(tmp_path / "config.toml"))
    argumentos, ler, tipo, _ = COMANDOS[comando]
    texto = HOSTIS[nome]
    caminho = espacos[comando]
    antes = _ultima_alteracao(caminho)
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), *argumentos(texto)])
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit), (
        resultado.exception
    )
    assert "Traceback" not in resultado.output
    if resultado.exit_code != 0:
        assert resultado.exit_code in (1, 2)
        assert "Erro" in resultado.output
        assert _ultima_alteracao(caminho) == antes, "a refused command wrote something"
        if tem_recusados(texto):
            assert "caracteres" in resultado.output or "bytes" in resultado.output
        return
    assert not tem_recusados(texto), "control characters were accepted"
    esperado = um_linha(texto) if tipo == "curto" else texto.strip()
    if not esperado:
        return  # blank means "not given" (keep) or "clear", depending on the command
    with Workspace.abrir(caminho) as ws:
        assert ler(ws) == esperado


@pytest.mark.parametrize("nome", sorted(HOSTIS))
def test_init_keeps_the_network_name_or_creates_no_file(tmp_path, nome):
    caminho = tmp_path / "rede.db"
    texto = HOSTIS[nome]
    resultado = CliRunner().invoke(
        pacto, ["--db", str(caminho), "init", "--rede", texto, "--uf", "RR", "--municipio", texto]
    )
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit)
    if resultado.exit_code != 0:
        assert "Erro" in resultado.output
        assert not caminho.exists()
        return
    with Workspace.abrir(caminho) as ws:
        assert ws.rede().nome == um_linha(texto)
        assert ws.rede().municipio == um_linha(texto)


@pytest.mark.parametrize("nome", sorted(HOSTIS))
def test_config_usuario_keeps_the_name_or_leaves_the_file(tmp_path, monkeypatch, nome):
    config = tmp_path / "config.toml"
    monkeypatch.setenv("PACTO_CONFIG", str(config))
    from pacto.services import config as preferencias

    resultado = CliRunner().invoke(pacto, ["config", "usuario", HOSTIS[nome]])
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit)
    if resultado.exit_code != 0:
        assert "Erro" in resultado.output and not config.exists()
        return
    assert preferencias.usuario() == um_linha(HOSTIS[nome])


def test_status_and_lists_show_hostile_names_without_breaking_the_terminal(caminho_demo):
    """A network name with an ESC sequence and markup-like text prints escaped and literal."""
    import sqlite3

    conexao = sqlite3.connect(caminho_demo)
    with conexao:  # as an older pacto could have stored it
        conexao.execute("UPDATE rede SET nome = ?", ["Rede \x1b[2J [/] [b]negrito"])
    conexao.close()
    runner = CliRunner()
    for argumentos in (["status"], ["verificar"], ["reuniao", "listar"], ["historico"]):
        resultado = runner.invoke(pacto, ["--db", str(caminho_demo), *argumentos])
        assert resultado.exit_code == 0, resultado.output
    status = runner.invoke(pacto, ["--db", str(caminho_demo), "status"]).output
    assert "[/] [b]negrito" in status and "\x1b[2J" not in status
    dados = json.loads(runner.invoke(pacto, ["--db", str(caminho_demo), "status", "--json"]).output)
    assert dados["rede"]["nome"] == "Rede \x1b[2J [/] [b]negrito"  # JSON keeps data as stored


def test_undecodable_bytes_in_a_real_argument_get_a_message_not_a_traceback(caminho_demo):
    """A terminal in Latin-1 sends bytes that are not UTF-8: Python turns them into surrogates."""
    ambiente = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    antes = caminho_demo.read_bytes()
    resultado = subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(caminho_demo), "gt", "ato",
         b"Portaria n\xba 12 \xe9".decode("utf-8", "surrogateescape")],
        capture_output=True, env=ambiente, timeout=60,
    )  # fmt: skip
    erro = resultado.stderr.decode("utf-8", "replace")
    assert resultado.returncode == 2
    assert "Traceback" not in erro and "UTF-8" in erro
    assert caminho_demo.read_bytes() == antes
