"""Acceptance of issue 12 with real processes: the interface open in a terminal while the CLI
reads and writes the same workspace, then SIGKILL at random moments.

The interface runs in tmux; after each document generated from its Documentos section, a CLI
reader or writer runs alongside. At the end the file is sound, every write that any process
reported done is visible from a fresh process, and the interface never held a deleted
`-wal`/`-shm` (the symptom of dropped SQLite locks).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pacto.services.demo import criar_demo
from tests.danos import descritores_apagados, pacto
from tests.test_autosave_kill import Terminal

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux não instalado"),
    pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="precisa de /proc"),
]

DOCUMENTOS = 15  # entries of the Documentos list (pacto.services.documentos.catalogo)


def _integro(caminho: Path) -> sqlite3.Connection:
    conexao = sqlite3.connect(caminho)
    assert conexao.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return conexao


def _arquivos_novos(pasta: Path, desde: float) -> list[Path]:
    return [
        p
        for p in pasta.rglob("*")
        if p.is_file() and p.suffix in (".docx", ".pdf", ".xlsx", ".svg", ".png", ".ics")
        and p.stat().st_mtime >= desde
    ]  # fmt: skip


def _esperar_documento(terminal: Terminal, pasta: Path, desde: float) -> str:
    """Wait until the generation ends: files written, or a message saying why not."""
    fim = time.monotonic() + 90
    while time.monotonic() < fim:
        tela = terminal.tela()
        if "Gerar mesmo assim" in tela:
            terminal.teclas("Escape")  # the privacy question: cancel, nothing written
            return "cancelado"
        if "Gerando" not in tela:
            if _arquivos_novos(pasta, desde):
                return "gerado"
            if "Nada foi gravado" in tela:
                return "recusado"
        time.sleep(0.2)
    raise AssertionError(f"a geração não terminou:\n{terminal.tela()}")


def test_interface_open_while_the_cli_reads_and_writes(tmp_path):
    banco = tmp_path / "rede.db"
    criar_demo(banco).fechar()
    terminal = Terminal(tmp_path / "tmux.sock", f"exec {sys.executable} -m pacto --db {banco}")
    versoes: list[str] = []
    importadas: list[str] = []
    leitores = ["status", "exportar", "backup"]
    try:
        terminal.esperar("Painel")
        pid = terminal.pid()
        terminal.teclas("0")
        terminal.esperar("Gerar documento")
        resultados = []
        for n in range(DOCUMENTOS):
            desde = time.time() - 0.01
            terminal.teclas("Enter")
            resultados.append(_esperar_documento(terminal, tmp_path, desde))
            assert descritores_apagados(pid) == []
            # a reader and a writer alongside, as a colleague in another shell
            leitor = leitores[n % len(leitores)]
            destino = tmp_path / f"saida-{n}"
            argumentos = {
                "status": ["status"],
                "exportar": ["exportar", f"{destino}.json"],
                "backup": ["backup", f"{destino}.db"],
            }[leitor]
            resultado = pacto("--db", str(banco), *argumentos)
            assert resultado.returncode == 0, resultado.stderr
            planilha = tmp_path / f"atores-{n}.csv"
            planilha.write_text(
                f"Instituição,Sigla,Etapas\nCentro de Teste {n},CT-{n},Denúncia\n",
                encoding="utf-8",
            )
            escritores = (
                ["versao", "congelar", "--nota", f"Versão da rodada {n}"],
                ["indicadores", "medir"],
                ["atores", "importar", str(planilha)],
            )
            for argumentos in escritores:
                resultado = pacto("--db", str(banco), *argumentos)
                assert "Traceback" not in resultado.stderr, resultado.stderr
                if resultado.returncode == 0 and argumentos[0] == "versao":
                    versoes.append(argumentos[-1])
                if resultado.returncode == 0 and argumentos[0] == "atores":
                    importadas.append(f"CT-{n}")
            assert descritores_apagados(pid) == []
            terminal.teclas("Down")
        assert resultados.count("gerado") >= DOCUMENTOS - 3, resultados
        # the interface edits: a minutes line in meeting mode, seen by a backup made meanwhile
        terminal.teclas("F2")
        terminal.esperar("Pendências de reuniões anteriores")
        terminal.teclas("Escape")
        terminal.esperar("Ata deste item")
        linha = "Linha da ata escrita com a interface aberta."
        terminal.teclas(linha, literal=True)
        time.sleep(2.0)
        copia = tmp_path / "copia-final.db"
        assert pacto("--db", str(banco), "backup", str(copia)).returncode == 0
        conexao = _integro(copia)
        assert conexao.execute(
            "SELECT count(*) FROM pauta_itens WHERE ata LIKE ?", [f"%{linha}%"]
        ).fetchone() == (1,)
        conexao.close()
        assert descritores_apagados(pid) == []
        terminal.teclas("Escape")
        terminal.esperar("Painel")
        terminal.teclas("q")
        fim = time.monotonic() + 20
        while time.monotonic() < fim and os.path.exists(f"/proc/{pid}"):
            time.sleep(0.1)
    finally:
        terminal.encerrar()
    conexao = _integro(banco)
    notas = {n for (n,) in conexao.execute("SELECT nota FROM versoes")}
    siglas = {s for (s,) in conexao.execute("SELECT sigla FROM instituicoes")}
    atas = " ".join(a for (a,) in conexao.execute("SELECT ata FROM pauta_itens"))
    conexao.close()
    assert versoes and set(versoes) <= notas
    assert importadas and set(importadas) <= siglas
    assert linha in atas


# -- SIGKILL at random moments ------------------------------------------------------------------

ESCRITOR_LONGO = textwrap.dedent(
    """
    import sys, time
    from pacto.domain.models import Instituicao
    from pacto.store import Workspace

    ws = Workspace.abrir(sys.argv[1], usuario="interface")
    n = int(sys.argv[2])
    while True:
        ws.salvar_instituicao(Instituicao(nome=f"Instituição longa {n}", sigla=f"L-{n}"))
        print(n, flush=True)
        n += 1
        time.sleep(0.02)
    """
)


def _longo(banco: Path, inicio: int) -> subprocess.Popen:
    """A long-lived writer with a connection kept open, as the interface keeps one."""
    return subprocess.Popen(
        [sys.executable, "-c", ESCRITOR_LONGO, str(banco), str(inicio)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _confirmadas(processo: subprocess.Popen) -> list[int]:
    """The writes a killed writer had reported done."""
    saida, _ = processo.communicate(timeout=30)
    return [int(linha) for linha in saida.split()]


def test_sigkill_at_random_moments_loses_nothing_reported_done(caminho_vazio, tmp_path):
    aleatorio = random.Random(12)
    banco = caminho_vazio
    confirmadas: list[int] = []
    versoes: list[str] = []
    longo = _longo(banco, 0)
    proximo = 1_000
    for rodada in range(32):
        nota = f"Versão {rodada}"
        cli = subprocess.Popen(
            [sys.executable, "-m", "pacto", "--db", str(banco), "versao", "congelar", "--nota",
             nota],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(aleatorio.uniform(0.05, 0.6))
        if aleatorio.random() < 0.5:
            cli.send_signal(signal.SIGKILL)
        saida, erro = cli.communicate(timeout=60)
        if cli.returncode == 0 and "congelada" in saida:
            versoes.append(nota)
        else:
            assert "Traceback" not in erro, erro
        if aleatorio.random() < 0.3:  # the long-lived writer dies too, then comes back
            longo.send_signal(signal.SIGKILL)
            confirmadas += _confirmadas(longo)
            longo = _longo(banco, proximo)
            proximo += 1_000
        else:
            assert descritores_apagados(longo.pid) == []
        with Workspace_ro(banco) as conexao:  # a fresh reader sees every version reported
            notas = {n for (n,) in conexao.execute("SELECT nota FROM versoes")}
        assert set(versoes) <= notas
    longo.send_signal(signal.SIGKILL)
    confirmadas += _confirmadas(longo)
    conexao = _integro(banco)
    siglas = {s for (s,) in conexao.execute("SELECT sigla FROM instituicoes")}
    notas = {n for (n,) in conexao.execute("SELECT nota FROM versoes")}
    conexao.close()
    assert confirmadas and {f"L-{n}" for n in confirmadas} <= siglas
    assert versoes and set(versoes) <= notas


class Workspace_ro:
    """A fresh read-only connection, as another process would open it."""

    def __init__(self, caminho: Path):
        self.conexao = sqlite3.connect(f"file:{caminho}?mode=ro", uri=True)

    def __enter__(self) -> sqlite3.Connection:
        return self.conexao

    def __exit__(self, *exc) -> None:
        self.conexao.close()


def test_killed_right_after_typing_a_cpf_keeps_only_the_redacted_minutes(tmp_path):
    banco = tmp_path / "rede.db"
    criar_demo(banco).fechar()
    terminal = Terminal(tmp_path / "tmux.sock", f"exec {sys.executable} -m pacto --db {banco}")
    cpf = "123.456.789-09"
    antes = f"A vítima de CPF {cpf} foi atendida. "
    try:
        terminal.esperar("Painel")
        pid = terminal.pid()
        terminal.teclas("F2")
        terminal.esperar("Pendências de reuniões anteriores")
        terminal.teclas("Escape")
        terminal.esperar("Ata deste item")
        terminal.teclas(antes, literal=True)
        time.sleep(2.5)  # typed more than 2 s before the kill: saved, redacted
        continua = "O NETP-RR acompanhou o encaminhamento."
        enviado_em = []
        for letra in continua:
            terminal.teclas(letra, literal=True)
            enviado_em.append(time.monotonic())
            time.sleep(0.04)
        os.kill(pid, signal.SIGKILL)
        morto_em = time.monotonic()
    finally:
        terminal.encerrar()
    bruto = b"".join(
        Path(f"{banco}{s}").read_bytes() for s in ("", "-wal") if Path(f"{banco}{s}").exists()
    )
    assert cpf.encode() not in bruto
    conexao = _integro(banco)
    atas = [a for (a,) in conexao.execute("SELECT ata FROM pauta_itens") if a]
    conexao.close()
    redigido = "A vítima de CPF [dado ocultado] foi atendida. "
    ata = next(a for a in atas if a.startswith(redigido))
    salvo = ata[len(redigido) :]
    assert continua.startswith(salvo), (ata, salvo)
    perdidos = len(continua) - len(salvo)
    if perdidos:
        assert morto_em - enviado_em[len(salvo)] <= 2.0, f"{perdidos} caracteres perdidos"
