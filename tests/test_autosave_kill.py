"""The autosave promise, proven on a real process: kill pacto mid-meeting, lose at most 2 s of typing.

The TUI runs in a real terminal (tmux), minutes are typed key by key, the process gets SIGKILL
(no chance to flush anything), and the workspace is reopened to find the text.
"""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from pacto.services.demo import criar_demo
from pacto.store import Workspace

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux não instalado")


class Terminal:
    """A tmux session on a private socket, running one command."""

    def __init__(self, socket, comando: str):
        self.base = ["tmux", "-S", str(socket)]
        ambiente = dict(os.environ, TERM="xterm-256color")
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", "pacto", "-x", "100", "-y", "30", comando],
            check=True,
            env=ambiente,
        )

    def pid(self) -> int:
        saida = subprocess.check_output([*self.base, "display-message", "-p", "-t", "pacto", "#{pane_pid}"])  # fmt: skip
        return int(saida.strip())

    def tela(self) -> str:
        return subprocess.run(
            [*self.base, "capture-pane", "-p", "-t", "pacto"], capture_output=True, text=True
        ).stdout

    def esperar(self, trecho: str, limite: float = 20.0) -> None:
        fim = time.monotonic() + limite
        while time.monotonic() < fim:
            if trecho in self.tela():
                return
            time.sleep(0.1)
        raise AssertionError(f"“{trecho}” não apareceu na tela:\n{self.tela()}")

    def teclas(self, *teclas: str, literal: bool = False) -> None:
        opcoes = ["-l"] if literal else []
        subprocess.run([*self.base, "send-keys", "-t", "pacto", *opcoes, *teclas], check=True)

    def encerrar(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)


def test_killed_mid_meeting_loses_at_most_two_seconds_of_minutes(tmp_path):
    banco = tmp_path / "rede.db"
    criar_demo(banco).fechar()  # today's demo: the reunião ampliada is the next planned meeting
    terminal = Terminal(tmp_path / "tmux.sock", f"exec {sys.executable} -m pacto --db {banco}")
    try:
        terminal.esperar("Painel")
        pid = terminal.pid()
        terminal.teclas("F2")
        terminal.esperar("Pendências de reuniões anteriores")
        terminal.teclas("Escape")
        terminal.esperar("Ata deste item")
        antes = "Abertura: a coordenadora do NETP-RR apresentou a pauta. "
        terminal.teclas(antes, literal=True)
        time.sleep(2.5)  # typed more than 2 s before the kill: must all be there
        continua = "A PF-RR e a SRT-RR detalharam o resgate e o prazo de 24 horas ao NETP-RR."
        enviado_em = []
        for letra in continua:  # steady typing, no pause the debounce could wait for
            terminal.teclas(letra, literal=True)
            enviado_em.append(time.monotonic())
            time.sleep(0.04)
        os.kill(pid, signal.SIGKILL)
        morto_em = time.monotonic()
    finally:
        terminal.encerrar()
    with Workspace.abrir(banco) as ws:
        ampliada = next(r for r in ws.reunioes() if r.tipo == "ampliada")
        ata = ws.itens_pauta(ampliada.id)[0].ata
    assert ata.startswith(antes)
    salvo = ata[len(antes) :]
    assert continua.startswith(salvo), (ata, salvo)
    perdidos = len(continua) - len(salvo)
    assert perdidos < len(continua), "nothing typed during the last seconds was saved"
    if perdidos:
        primeiro_perdido = enviado_em[len(salvo)]
        assert morto_em - primeiro_perdido <= 2.0, (
            f"{perdidos} caracteres perdidos, digitados {morto_em - primeiro_perdido:.2f} s "
            "antes do fim do processo"
        )
