"""`pacto status` reuses its kept result only while the workspace, the day and the program are
unchanged: any change made by any writer shows at once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.models import Rede
from pacto.store import Workspace, cache
from tests.conftest import nova_instituicao


def _status(caminho) -> dict:
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), "status", "--json"])
    assert resultado.exit_code == 0, resultado.output
    return json.loads(resultado.output)


def _guardado(caminho) -> tuple[str, dict] | None:
    conexao = sqlite3.connect(caminho)
    linha = conexao.execute("SELECT marca, valor FROM _cache WHERE nome = 'status'").fetchone()
    conexao.close()
    return (linha[0], json.loads(linha[1])) if linha else None


def test_kept_status_is_the_computed_one(caminho_demo):
    primeiro = _status(caminho_demo)
    guardado = _guardado(caminho_demo)
    assert guardado is not None and guardado[1] == primeiro
    assert _status(caminho_demo) == primeiro


def test_any_change_shows_in_the_next_status(caminho_demo):
    antes = _status(caminho_demo)
    with Workspace.abrir(caminho_demo) as ws:
        nova_instituicao(ws, "CREAS-Caracaraí", "CREAS de Caracaraí")
    depois = _status(caminho_demo)
    assert depois["contagens"]["instituicoes"] == antes["contagens"]["instituicoes"] + 1
    with Workspace.abrir(caminho_demo) as ws:
        rede = ws.rede()
        rede.nome = "Rede Renomeada de Roraima"
        ws.salvar_rede(rede)
    assert _status(caminho_demo)["rede"]["nome"] == "Rede Renomeada de Roraima"


def test_a_manual_step_override_made_by_the_cli_shows_at_once(caminho_demo):
    runner = CliRunner()
    antes = _status(caminho_demo)["passos_pactuacao"][5]
    assert antes["situacao"] != "concluído"
    resultado = runner.invoke(
        pacto,
        ["--db", str(caminho_demo), "passo", "concluir", "6", "--justificativa", "Reuniões no SEI"],
    )
    assert resultado.exit_code == 0, resultado.output
    assert _status(caminho_demo)["passos_pactuacao"][5]["situacao"] == "concluído"
    runner.invoke(pacto, ["--db", str(caminho_demo), "passo", "reabrir", "6"])
    assert _status(caminho_demo)["passos_pactuacao"][5] == antes


def test_the_mark_changes_with_the_day_and_with_every_write(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        hoje = date(2026, 11, 26)
        marca = cache.marca(ws.con, hoje)
        assert cache.marca(ws.con, hoje) == marca
        assert cache.marca(ws.con, hoje + timedelta(days=1)) != marca
        nova_instituicao(ws, "PF", "Polícia Federal")
        assert cache.marca(ws.con, hoje) != marca


def test_a_result_kept_on_another_day_is_recomputed(caminho_demo):
    _status(caminho_demo)
    conexao = sqlite3.connect(caminho_demo)
    with conexao:
        conexao.execute(
            "UPDATE _cache SET marca = ?, valor = ? WHERE nome = 'status'",
            [cache.marca(conexao, date(2020, 1, 1)), json.dumps({"velho": True})],
        )
    conexao.close()
    assert "velho" not in _status(caminho_demo)


def test_status_never_fails_because_the_result_cannot_be_kept(caminho_demo):
    bloqueio = sqlite3.connect(caminho_demo, isolation_level=None)
    bloqueio.execute("BEGIN IMMEDIATE")  # another facilitator saving right now
    try:
        dados = _status(caminho_demo)
    finally:
        bloqueio.execute("ROLLBACK")
        bloqueio.close()
    assert dados["contagens"]["instituicoes"] == 33
    assert _guardado(caminho_demo) is None
    somente_leitura = sqlite3.connect(f"{caminho_demo.as_uri()}?mode=ro", uri=True)
    cache.gravar(somente_leitura, "status", "marca", {"x": 1})  # quietly skipped
    somente_leitura.close()
    assert _guardado(caminho_demo) is None


def test_the_change_history_does_not_record_the_kept_result(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        antes = len(ws.historico())
    _status(caminho_demo)
    with Workspace.abrir(caminho_demo) as ws:
        assert len(ws.historico()) == antes


@pytest.mark.parametrize("nome", ["rede com espaço", "rede?#%ção"])
def test_unusual_file_names_are_read(tmp_path, nome):
    caminho = tmp_path / f"{nome}.db"
    Workspace.criar(caminho, Rede("Rede Municipal de Teste", "SP", "Campinas")).fechar()
    assert _status(caminho)["rede"]["nome"] == "Rede Municipal de Teste"
    assert _status(caminho)["rede"]["nome"] == "Rede Municipal de Teste"


def test_a_repeated_status_loads_none_of_the_rules(caminho_demo):
    programa = (
        "import sys\nfrom pacto.cli import main\nsys.argv = ['pacto', '--db', sys.argv[1], 'status']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    rodadas = [
        subprocess.run(
            [sys.executable, "-c", programa, str(caminho_demo)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        for _ in range(2)
    ]
    assert rodadas[0].stdout == rodadas[1].stdout and "Próximo passo" in rodadas[1].stdout
    primeiro, segundo = (set(r.stderr.split()) for r in rodadas)
    assert "pacto.domain.processo" in primeiro
    pesados = {"pacto.domain.processo", "pacto.domain.network", "rich"}
    assert not pesados & segundo


def _rodar_pacto(caminho, *argumentos: str) -> tuple[str, set[str]]:
    """Run pacto as a real process; its output and the modules it loaded."""
    programa = (
        "import sys\nfrom pacto.cli import main\nsys.argv = ['pacto', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    resultado = subprocess.run(
        [sys.executable, "-c", programa, "--db", str(caminho), *argumentos],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return resultado.stdout, set(resultado.stderr.split())


def _servido_pronto_e_igual_ao_calculado(caminho, antes: dict) -> None:
    """The next `pacto status` loads no rule, counts the new institution, and says what a
    fresh computation says."""
    saida, modulos = _rodar_pacto(caminho, "status", "--json")
    assert "pacto.domain.processo" not in modulos, "served from the kept result"
    servido = json.loads(saida)
    assert servido["contagens"]["instituicoes"] == antes["contagens"]["instituicoes"] + 1
    conexao = sqlite3.connect(caminho)
    with conexao:
        conexao.execute("DELETE FROM _cache")
    conexao.close()
    assert _status(caminho) == servido, "the kept result is what a fresh computation gives"


def test_a_change_made_by_the_cli_leaves_the_status_ready_for_the_next_call(caminho_demo):
    antes = _status(caminho_demo)
    saida, _ = _rodar_pacto(
        caminho_demo,
        "atores",
        "adicionar",
        "--nome",
        "CREAS de Caracaraí",
        "--sigla",
        "CREAS-Caracaraí",
    )
    assert "CREAS-Caracaraí" in saida
    guardado = _guardado(caminho_demo)
    conexao = sqlite3.connect(caminho_demo)
    marca_atual = cache.marca(conexao)
    conexao.close()
    assert guardado is not None and guardado[0] == marca_atual
    _servido_pronto_e_igual_ao_calculado(caminho_demo, antes)


def test_a_command_that_changes_nothing_or_fails_does_not_recompute(caminho_demo):
    _status(caminho_demo)
    conexao = sqlite3.connect(caminho_demo)
    with conexao:
        conexao.execute("UPDATE _cache SET valor = ? WHERE nome = 'status'", ['{"marcado": 1}'])
    conexao.close()
    runner = CliRunner()
    lista = runner.invoke(pacto, ["--db", str(caminho_demo), "atores", "listar"])
    assert lista.exit_code == 0, lista.output
    falha = runner.invoke(
        pacto,
        [
            "--db",
            str(caminho_demo),
            "atores",
            "editar",
            "NAO-EXISTE",
            "--telefone",
            "(95) 3621-0000",
        ],
    )
    assert falha.exit_code != 0
    assert _guardado(caminho_demo)[1] == {"marcado": 1}


async def test_a_save_in_the_tui_leaves_the_status_ready_and_is_no_news_to_the_poller(
    caminho_demo,
):
    """The interface keeps the status it computes after its own save, so a script's next
    `pacto status` reads it; that write does not make the TUI reload again."""
    from pacto.tui.app import ESPERA_GUARDAR_STATUS, criar_app

    antes = _status(caminho_demo)
    app = criar_app(caminho_demo)  # the real day: the kept status is today's
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "a", "n", *"Casa da Mulher Brasileira", "tab", *"CMB-BV")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.ws.instituicao_por_sigla("CMB-BV") is not None
        await pilot.pause(ESPERA_GUARDAR_STATUS + 0.5)  # kept once the interface rests
        guardado = _guardado(caminho_demo)
        assert guardado is not None and guardado[0] == cache.marca(app.ws.con)
        assert app._alterado() is None, "keeping the status is not a change to reload for"
    _servido_pronto_e_igual_ao_calculado(caminho_demo, antes)
