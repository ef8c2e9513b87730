"""The one safe writer, through the real CLI: no symlink followed, no workspace clobbered, no device
written, edits protected by --sobrescrever, umask respected, contacts 0600, debris cleaned."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.errors import PactoErro
from pacto.services.gravacao import PREFIXO_TEMPORARIO, gravar, limpar_restos
from pacto.store import Workspace


@pytest.fixture
def rodar(caminho_demo):
    runner = CliRunner()

    def _rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    return _rodar


def _sha(caminho: Path) -> str:
    return hashlib.sha256(caminho.read_bytes()).hexdigest()


def _restos(pasta: Path) -> list[Path]:
    return list(pasta.glob(f"{PREFIXO_TEMPORARIO}*"))


def _modo(caminho: Path) -> int:
    return stat.S_IMODE(caminho.stat().st_mode)


# -- symlinks, devices, folders --------------------------------------------------------------


def test_a_symlink_at_the_old_predictable_temp_name_is_never_written_through(rodar, tmp_path):
    vitima = tmp_path / "outro-arquivo.txt"
    vitima.write_text("intacto")
    for previsivel in (".pacote.json.tmp", "pacote.json.tmp"):
        (tmp_path / previsivel).symlink_to(vitima)
    resultado = rodar("exportar", str(tmp_path / "pacote.json"))
    assert resultado.exit_code == 0, resultado.output
    assert vitima.read_text() == "intacto"
    assert (tmp_path / "pacote.json").is_file() and not (tmp_path / "pacote.json").is_symlink()


def test_a_symlink_as_target_is_refused(rodar, tmp_path):
    vitima = tmp_path / "outro-arquivo.txt"
    vitima.write_text("intacto")
    alvo = tmp_path / "pacote.json"
    alvo.symlink_to(vitima)
    for opcoes in ([], ["--sobrescrever"]):
        resultado = rodar("exportar", str(alvo), *opcoes)
        assert resultado.exit_code == 1
        assert "é um link simbólico" in resultado.output and "Nada foi gravado" in resultado.output
    assert vitima.read_text() == "intacto" and alvo.is_symlink()
    assert _restos(tmp_path) == []


def test_devices_fifos_and_folders_are_refused(rodar, tmp_path):
    fifo = tmp_path / "fila.json"
    os.mkfifo(fifo)
    pasta = tmp_path / "pasta.xlsx"
    pasta.mkdir()
    for comando, alvo, motivo in (
        ("exportar", "/dev/null", "não é um arquivo comum"),
        ("exportar", str(fifo), "não é um arquivo comum"),
        ("atores exportar", str(pasta), "é uma pasta"),
    ):
        resultado = rodar(*comando.split(), alvo, "--sobrescrever")
        assert resultado.exit_code == 1, alvo
        assert motivo in resultado.output and "Traceback" not in resultado.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and list(pasta.iterdir()) == []
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_relatorio_netp_never_creates_a_folder_named_like_a_file(rodar, tmp_path):
    resultado = rodar(
        "gerar", "relatorio-netp", "--mes", "2026-10", "--saida", str(tmp_path / "r.xlsx")
    )
    assert resultado.exit_code == 1
    assert "parece o nome de um arquivo" in resultado.output
    assert not (tmp_path / "r.xlsx").exists()


# -- the workspace itself ----------------------------------------------------------------------


def test_output_commands_never_overwrite_the_workspace(rodar, caminho_demo, tmp_path):
    with Workspace.abrir(caminho_demo) as ws:
        reuniao = ws.reunioes()[0].id
        ws.backup_automatico("teste")
        backup = ws.backups_automaticos()[-1]
    antes = _sha(caminho_demo)
    alvos = [str(caminho_demo), f"{caminho_demo}-wal", f"{caminho_demo}-shm", str(backup)]
    comandos = [
        ["exportar"],
        ["gerar", "diagrama", "--formato", "dot", "--saida"],
        ["reuniao", "convite", str(reuniao), "--saida"],
        ["atores", "exportar"],
    ]
    for comando in comandos:
        for alvo in alvos:
            resultado = rodar(*comando, alvo, "--sobrescrever")
            assert resultado.exit_code != 0, (comando, alvo)
            assert "Traceback" not in resultado.output
    assert _sha(caminho_demo) == antes
    assert not Path(f"{caminho_demo}-shm").is_dir()
    conexao = sqlite3.connect(caminho_demo)
    assert conexao.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conexao.execute("SELECT count(*) FROM instituicoes").fetchone()[0] > 10
    conexao.close()
    resultado = rodar("exportar", str(caminho_demo))
    assert "é o workspace em uso" in resultado.output


def test_another_workspace_file_is_refused_too(rodar, caminho_vazio):
    antes = _sha(caminho_vazio)
    resultado = rodar("exportar", str(caminho_vazio), "--sobrescrever")
    assert resultado.exit_code == 1 and "banco de dados" in resultado.output
    assert _sha(caminho_vazio) == antes


# -- regenerating: silent over pacto's bytes, a question over anybody else's ------------------


def test_regeneration_replaces_only_what_pacto_wrote(rodar, tmp_path):
    saida = tmp_path / "docs"
    assert rodar("gerar", "termo", "--instituicao", "PF-RR", "--saida", str(saida)).exit_code == 0
    termo = saida / "termo-adesao-PF-RR.docx"
    assert rodar("gerar", "termo", "--instituicao", "PF-RR", "--saida", str(saida)).exit_code == 0

    revisado = termo.read_bytes() + b"revisado pela assessoria"
    termo.write_bytes(revisado)
    resultado = rodar("gerar", "termo", "--instituicao", "PF-RR", "--saida", str(saida))
    assert resultado.exit_code == 1
    assert str(termo) in resultado.output and "--sobrescrever" in resultado.output
    assert "nada foi gravado" in resultado.output
    assert termo.read_bytes() == revisado and _restos(saida) == []

    resultado = rodar(
        "gerar", "termo", "--instituicao", "PF-RR", "--saida", str(saida), "--sobrescrever"
    )
    assert resultado.exit_code == 0
    assert termo.read_bytes() != revisado


def test_a_batch_with_one_edited_file_writes_nothing(rodar, tmp_path):
    saida = tmp_path / "termos"
    assert rodar("gerar", "termo", "--todas", "--saida", str(saida)).exit_code == 0
    arquivos = sorted(saida.iterdir())
    assert len(arquivos) > 3
    carimbos = {a: a.stat().st_mtime_ns for a in arquivos}
    arquivos[-1].write_bytes(b"editado")
    time.sleep(0.01)
    resultado = rodar("gerar", "termo", "--todas", "--saida", str(saida))
    assert resultado.exit_code == 1 and arquivos[-1].name in resultado.output
    assert all(a.stat().st_mtime_ns == carimbos[a] for a in arquivos[:-1])


def test_a_file_pacto_never_wrote_needs_sobrescrever(rodar, tmp_path):
    alheio = tmp_path / "pacote.json"
    alheio.write_text("meu arquivo")
    resultado = rodar("exportar", str(alheio))
    assert resultado.exit_code == 1 and "--sobrescrever" in resultado.output
    assert alheio.read_text() == "meu arquivo"
    assert rodar("exportar", str(alheio), "--sobrescrever").exit_code == 0
    assert alheio.read_text().startswith("{")
    assert rodar("exportar", str(alheio)).exit_code == 0  # now pacto's own bytes


def test_without_a_workspace_any_existing_file_needs_sobrescrever(tmp_path):
    alvo = tmp_path / "a.txt"
    gravar(alvo, "um")
    with pytest.raises(PactoErro, match="--sobrescrever"):
        gravar(alvo, "dois")
    gravar(alvo, "um")  # the very same bytes lose nothing
    gravar(alvo, "dois", sobrescrever=True)
    assert alvo.read_text() == "dois"


# -- permissions -------------------------------------------------------------------------------


@pytest.mark.parametrize(("mascara", "esperado"), [(0o022, 0o644), (0o077, 0o600)])
def test_ordinary_files_follow_the_umask(caminho_demo, tmp_path, mascara, esperado):
    saida = tmp_path / "docs"
    subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(caminho_demo), "gerar", "portaria",
         "--saida", str(saida)],
        check=True, capture_output=True, preexec_fn=lambda: os.umask(mascara), timeout=120,
    )  # fmt: skip
    assert _modo(saida / "portaria.docx") == esperado


def test_files_with_focal_points_contacts_are_0600(rodar, tmp_path):
    antiga = os.umask(0o022)
    try:
        assert rodar("exportar", str(tmp_path / "pacote.json")).exit_code == 0
        assert rodar("atores", "exportar", str(tmp_path / "atores.xlsx")).exit_code == 0
        assert rodar("atores", "exportar", str(tmp_path / "atores.csv")).exit_code == 0
        assert (
            rodar("gerar", "ficha", "--instituicao", "PF-RR", "--saida", str(tmp_path)).exit_code
            == 0
        )
        assert (
            rodar("gerar", "termo", "--instituicao", "PF-RR", "--saida", str(tmp_path)).exit_code
            == 0
        )
        assert (
            rodar("gerar", "fluxo", "--pontos-focais", "--saida", str(tmp_path / "rede")).exit_code
            == 0
        )
        assert rodar("gerar", "fluxo", "--saida", str(tmp_path / "publico")).exit_code == 0
    finally:
        os.umask(antiga)
    privados = [p for p in tmp_path.iterdir() if p.is_file() and p.suffix != ".db"]
    privados.append(tmp_path / "rede" / "fluxo-publicado.docx")
    assert len(privados) == 6
    assert {p.name: _modo(p) for p in privados} == {p.name: 0o600 for p in privados}
    assert _modo(tmp_path / "publico" / "fluxo-publicado.docx") == 0o644


# -- temporary files ---------------------------------------------------------------------------

MATAR_NO_MEIO = """
import os, signal, sys
from pacto.services import gravacao
escrever = gravacao._escrever
def escrever_e_morrer(arquivo, conteudo):
    escrever(arquivo, conteudo)
    arquivo.flush()
    os.kill(os.getpid(), getattr(signal, os.environ["SINAL"]))  # temp written, not renamed
gravacao._escrever = escrever_e_morrer
from pacto.cli import main
sys.argv = ["pacto", *sys.argv[1:]]
main()
"""


def test_a_killed_batch_leaves_a_temp_file_that_the_next_run_removes(caminho_demo, tmp_path):
    saida = tmp_path / "termos"
    argumentos = ["--db", str(caminho_demo), "gerar", "termo", "--todas", "--saida", str(saida)]
    morto = subprocess.run(
        [sys.executable, "-c", MATAR_NO_MEIO, *argumentos],
        capture_output=True,
        timeout=120,
        env={**os.environ, "SINAL": "SIGKILL"},
    )
    assert morto.returncode == -signal.SIGKILL
    restos = _restos(saida)
    assert len(restos) == 1 and not any(p.suffix == ".docx" for p in saida.iterdir())

    recente = saida / f"{PREFIXO_TEMPORARIO}de-outro-processo"
    recente.write_bytes(b"ainda sendo gravado")
    velho = time.time() - 600
    os.utime(restos[0], (velho, velho))
    subprocess.run([sys.executable, "-m", "pacto", *argumentos], check=True, capture_output=True)
    assert _restos(saida) == [recente]  # a fresh one may belong to a writer still running
    assert len(list(saida.glob("*.docx"))) > 3


def test_a_terminated_batch_removes_its_temp_file_on_the_way_out(caminho_demo, tmp_path):
    saida = tmp_path / "termos"
    argumentos = ["--db", str(caminho_demo), "gerar", "termo", "--todas", "--saida", str(saida)]
    parado = subprocess.run(
        [sys.executable, "-c", MATAR_NO_MEIO, *argumentos],
        capture_output=True,
        timeout=120,
        env={**os.environ, "SINAL": "SIGTERM"},
    )
    assert parado.returncode == 143
    assert b"Traceback" not in parado.stderr
    assert list(saida.iterdir()) == []


def test_limpar_restos_leaves_other_files_and_other_names_alone(tmp_path):
    velho = time.time() - 600
    for nome in ("documento.docx", ".documento.docx.tmp", f"{PREFIXO_TEMPORARIO}abc"):
        (tmp_path / nome).write_text("x")
        os.utime(tmp_path / nome, (velho, velho))
    assert limpar_restos(tmp_path) == [tmp_path / f"{PREFIXO_TEMPORARIO}abc"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".documento.docx.tmp", "documento.docx"]


def test_a_failed_write_leaves_no_temp_and_the_old_file(tmp_path):
    alvo = tmp_path / "a.txt"
    gravar(alvo, "antigo")

    def falhar(arquivo):
        arquivo.write(b"meio")
        raise OSError(28, "No space left on device")

    with pytest.raises(PactoErro, match="disco cheio"):
        gravar(alvo, falhar, sobrescrever=True)
    assert alvo.read_text() == "antigo" and _restos(tmp_path) == []


def test_a_file_size_limit_is_a_clear_error_with_no_debris(caminho_demo, tmp_path):
    import resource

    def limitar():
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))  # the bundle is ~80 KB

    destino = tmp_path / "saida"
    destino.mkdir()
    processo = subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(caminho_demo), "exportar",
         str(destino / "pacote.json")],
        capture_output=True, text=True, preexec_fn=limitar, timeout=120,
    )  # fmt: skip
    assert processo.returncode == 1
    assert "Traceback" not in processo.stderr
    assert "Não foi possível gravar" in processo.stdout + processo.stderr
    assert list(destino.iterdir()) == []
