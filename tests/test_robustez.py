"""Crash and concurrency safety with real processes: SIGKILL mid-write, two writers, a lock that times out."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from pacto.store import Workspace

ESCRITOR = textwrap.dedent(
    """
    import sys
    from pacto.domain.models import Instituicao
    from pacto.store import Workspace

    ws = Workspace.abrir(sys.argv[1], usuario=sys.argv[2])
    for n in range(int(sys.argv[3])):
        ws.salvar_instituicao(Instituicao(nome=f"Instituição {sys.argv[2]} {n}", sigla=f"{sys.argv[2]}-{n}"))
        print(n, flush=True)
    """
)


def _escritor(caminho, prefixo, quantidade):
    return subprocess.Popen(
        [sys.executable, "-c", ESCRITOR, str(caminho), prefixo, str(quantidade)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_mid_write_keeps_every_confirmed_change(caminho_vazio):
    processo = _escritor(caminho_vazio, "K", 100_000)
    confirmadas = []
    while len(confirmadas) < 60:
        linha = processo.stdout.readline()
        assert linha, processo.stderr.read()
        confirmadas.append(int(linha))
    os.kill(processo.pid, signal.SIGKILL)
    processo.wait()
    conexao = sqlite3.connect(caminho_vazio)
    assert conexao.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conexao.close()
    with Workspace.abrir(caminho_vazio) as ws:
        siglas = {i.sigla for i in ws.instituicoes()}
        assert {f"K-{n}" for n in confirmadas} <= siglas
        assert len(ws.historico(tabela="instituicoes", limite=100_000)) == len(siglas)


def test_two_processes_writing_at_once_never_corrupt(caminho_vazio):
    a = _escritor(caminho_vazio, "A", 80)
    b = _escritor(caminho_vazio, "B", 80)
    for processo in (a, b):
        _, erro = processo.communicate(timeout=120)
        assert processo.returncode == 0, erro
    with Workspace.abrir(caminho_vazio) as ws:
        siglas = {i.sigla for i in ws.instituicoes()}
        assert len(siglas) == 160
        assert {r.usuario for r in ws.historico(tabela="instituicoes", limite=1000)} == {"A", "B"}


def test_write_that_cannot_get_the_lock_says_so_clearly(caminho_vazio):
    segurar = textwrap.dedent(
        f"""
        import sqlite3, time
        c = sqlite3.connect({str(caminho_vazio)!r}, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        print("preso", flush=True)
        time.sleep(6)
        c.execute("ROLLBACK")
        """
    )
    dono = subprocess.Popen([sys.executable, "-c", segurar], stdout=subprocess.PIPE, text=True)
    assert dono.stdout.readline().strip() == "preso"
    inicio = time.monotonic()
    resultado = subprocess.run(
        [
            sys.executable,
            "-m",
            "pacto",
            "--db",
            str(caminho_vazio),
            "gt",
            "ato",
            "Portaria nº 1/2026",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PACTO_ESPERA_MS": "300"},
        timeout=60,
    )
    assert time.monotonic() - inicio < 5
    dono.kill()
    dono.wait()
    assert resultado.returncode == 1
    assert "ocupado por outro processo do pacto" in resultado.stderr
    assert "Traceback" not in resultado.stderr
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.ato_gt() == ""
