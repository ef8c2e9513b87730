"""Workspace integrity with other processes around: no raw descriptor on the file, damage
always found, honest messages, and a generation mark that stops writes into replaced content."""

from __future__ import annotations

import builtins
import ctypes
import io
import os
import resource
import signal
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pacto.cli import pacto as cli
from pacto.domain.models import Rede
from pacto.store import Workspace
from pacto.store.opening import ErroDanificado, ErroSubstituido, inspecionar
from tests.conftest import nova_instituicao
from tests.danos import DANOS, descritores_apagados, digest, pacto

LINUX = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="precisa de /proc")


def _arquivos_do_workspace(caminho: Path) -> set[str]:
    real = os.path.realpath(caminho)
    return {real, f"{real}-wal", f"{real}-shm", f"{real}-journal"}


@pytest.fixture(name="aberturas_brutas")
def aberturas_brutas(monkeypatch):
    """Record every open()/os.open() of any path, with Python's own functions wrapped."""
    vistos: list[str] = []
    original_open, original_os_open = builtins.open, os.open

    def registrar(arquivo) -> None:
        if isinstance(arquivo, (str, bytes, os.PathLike)):
            vistos.append(os.path.realpath(os.fsdecode(arquivo)))

    def aberto(arquivo, *args, **kwargs):
        registrar(arquivo)
        return original_open(arquivo, *args, **kwargs)

    def os_aberto(arquivo, *args, **kwargs):
        registrar(arquivo)
        return original_os_open(arquivo, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", aberto)
    monkeypatch.setattr(io, "open", aberto)
    monkeypatch.setattr(os, "open", os_aberto)
    return vistos


def test_cli_and_store_never_open_the_workspace_file_outside_sqlite(
    caminho_demo, tmp_path, aberturas_brutas
):
    runner = CliRunner()
    pacote, copia = tmp_path / "rede.json", tmp_path / "copia.db"
    comandos = [
        ["status"],
        ["status", "--json"],
        ["verificar"],
        ["exportar", str(pacote)],
        ["backup", str(copia)],
        ["versao", "congelar", "--nota", "Versão de teste"],
        ["indicadores", "medir", "--mes", "2025-05"],
        ["importar", "--substituir", str(pacote)],
        ["restaurar", "--sim", str(copia)],
        ["historico"],
    ]
    with Workspace.abrir(caminho_demo) as ws:  # a live connection all along, as the TUI keeps
        for comando in comandos:
            resultado = runner.invoke(cli, ["--db", str(caminho_demo), *comando])
            assert resultado.exit_code == 0, (comando, resultado.output)
        inspecionar(caminho_demo, completa=True)
        with ws.irma() as irma:
            irma.backup_automatico("teste")
        ws.aceitar_geracao()
        nova_instituicao(ws, "DEPOIS")
    assert aberturas_brutas, "the wrapper saw no open() at all: it is not wired"
    brutas = set(aberturas_brutas) & _arquivos_do_workspace(caminho_demo)
    assert not brutas, f"raw open() of the workspace: {brutas}"


@LINUX
def test_the_bug_mechanism_a_raw_close_drops_the_locks_and_the_wal_is_deleted(caminho_vazio):
    """What the store must never do, shown once: it is what the checks below would catch."""
    ws = Workspace.abrir(caminho_vazio)
    try:
        nova_instituicao(ws, "ANTES")
        with open(caminho_vazio, "rb") as arquivo:  # the old inspecionar(): read the header
            arquivo.read(100)
        resultado = pacto("--db", str(caminho_vazio), "exportar", str(caminho_vazio) + ".json")
        assert resultado.returncode == 0, resultado.stderr
        assert descritores_apagados(), "the raw close did not drop the locks this time"
    finally:
        ws.fechar()


@LINUX
def test_a_live_connection_survives_other_processes_reading_and_writing(caminho_vazio, tmp_path):
    ws = Workspace.abrir(caminho_vazio)
    try:
        nova_instituicao(ws, "TUI-1")
        inspecionar(caminho_vazio, completa=True)  # what a TUI worker did before opening
        with ws.irma() as irma:
            nova_instituicao(irma, "WORKER")
        banco = str(caminho_vazio)
        for comando in (
            ["status"],
            ["exportar", str(tmp_path / "b.json")],
            ["backup", str(tmp_path / "b.db")],
            ["versao", "congelar", "--nota", "CLI"],
        ):
            resultado = pacto("--db", banco, *comando)
            assert resultado.returncode == 0, (comando, resultado.stderr)
            assert descritores_apagados() == []
        nova_instituicao(ws, "TUI-2")
        assert descritores_apagados() == []
        fora = pacto("--db", banco, "historico", "--instituicao", "TUI-2")
        assert "TUI-2" in fora.stdout, fora  # a fresh process sees the live connection's write
    finally:
        ws.fechar()
    conexao = sqlite3.connect(caminho_vazio)
    assert conexao.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    siglas = {s for (s,) in conexao.execute("SELECT sigla FROM instituicoes")}
    versoes = conexao.execute("SELECT count(*) FROM versoes").fetchone()[0]
    conexao.close()
    assert siglas == {"TUI-1", "WORKER", "TUI-2"} and versoes == 1


# -- damage -------------------------------------------------------------------------------


@pytest.fixture(params=sorted(DANOS))
def danificado(request, caminho_demo):
    """A demo workspace with an automatic backup, then damaged one way or the other."""
    with Workspace.abrir(caminho_demo) as ws:
        copia = ws.backup_automatico("teste")
    DANOS[request.param](caminho_demo)
    return request.param, caminho_demo, copia


def test_damage_is_reported_by_backup_and_at_the_interface_start(danificado, tmp_path):
    _, caminho, copia = danificado
    antes = digest(caminho)
    destino = tmp_path / "nova-copia.db"
    for argumentos in (["backup", str(destino)], []):  # [] opens the interface
        resultado = pacto("--db", str(caminho), *argumentos)
        assert resultado.returncode == 1, resultado
        erro = " ".join(resultado.stderr.split())
        assert "está danificado" in erro and "Traceback" not in erro
        assert str(copia) in erro and "restaurar" in erro
    assert not destino.exists()
    with pytest.raises(ErroDanificado):
        from pacto.tui.app import criar_app

        criar_app(caminho)
    assert digest(caminho) == antes  # nothing written


def test_status_reports_what_the_quick_check_can_see(danificado):
    tipo, caminho, _ = danificado
    resultado = pacto("--db", str(caminho), "status")
    if tipo == "pagina":
        assert resultado.returncode == 1 and "danificado" in resultado.stderr
    else:  # quick_check skips index-versus-table by design; the full check runs elsewhere
        assert resultado.returncode == 0, resultado.stderr


def test_a_damaged_backup_is_never_restored(danificado, caminho_vazio):
    _, caminho, _ = danificado
    antes = digest(caminho_vazio)
    resultado = pacto("--db", str(caminho_vazio), "restaurar", "--sim", str(caminho))
    assert resultado.returncode == 1 and "danificada" in resultado.stderr
    assert digest(caminho_vazio) == antes


def test_restaurar_cures_a_damaged_workspace(danificado):
    _, caminho, copia = danificado
    resultado = pacto("--db", str(caminho), "restaurar", "--sim", str(copia))
    assert resultado.returncode == 0, resultado.stderr
    conexao = sqlite3.connect(caminho)
    assert conexao.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conexao.close()


def test_damage_found_before_a_migration_writes_nothing(caminho_demo):
    conexao = sqlite3.connect(caminho_demo)
    conexao.execute("DROP TABLE _geracao")
    conexao.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_geracao'")
    conexao.commit()
    conexao.close()
    DANOS["indice"](caminho_demo)
    antes = digest(caminho_demo)
    with pytest.raises(ErroDanificado, match="wrong # of entries"):
        Workspace.abrir(caminho_demo)
    assert digest(caminho_demo) == antes
    assert not Path(f"{caminho_demo}.backups").exists()


# -- honest messages ------------------------------------------------------------------------

DISCO_CHEIO = """
import sys
import pacto.store.opening as opening
import pacto.store.workspace as workspace

original = opening.conectar


def conectar(caminho):
    # SQLite's own SQLITE_FULL: no page beyond the ones the file has now
    conexao = original(caminho)
    paginas = conexao.execute("PRAGMA page_count").fetchone()[0]
    conexao.execute(f"PRAGMA max_page_count = {paginas}")
    return conexao


opening.conectar = workspace.conectar = conectar
from pacto.cli import main

sys.argv[0] = "pacto"
main()
"""


@pytest.fixture
def pacote_demo(caminho_demo, tmp_path) -> Path:
    pacote = tmp_path / "demo.json"
    assert pacto("--db", str(caminho_demo), "exportar", str(pacote)).returncode == 0
    return pacote


def _instituicoes(caminho: Path) -> int:
    conexao = sqlite3.connect(caminho)
    try:
        assert conexao.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conexao.execute("SELECT count(*) FROM instituicoes").fetchone()[0]
    finally:
        conexao.close()


def test_full_disk_says_disco_cheio_and_loses_nothing(caminho_vazio, pacote_demo):
    import subprocess
    import sys

    resultado = subprocess.run(
        [sys.executable, "-c", DISCO_CHEIO, "--db", str(caminho_vazio), "importar",
         "--substituir", str(pacote_demo)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert resultado.returncode == 1
    assert "Disco cheio" in resultado.stderr and "danificado" not in resultado.stderr
    assert _instituicoes(caminho_vazio) == 0  # rolled back whole; the file is sound


def _limite_de_tamanho(bytes_: int):
    def preparar() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write returns EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (bytes_, bytes_))

    return preparar


def test_file_size_limit_is_named_and_loses_nothing(caminho_vazio, pacote_demo):
    resultado = pacto(
        "--db", str(caminho_vazio), "importar", "--substituir", str(pacote_demo),
        preexec=_limite_de_tamanho(40_000),
    )  # fmt: skip
    assert resultado.returncode == 1
    erro = " ".join(resultado.stderr.split())
    assert "Limite de tamanho de arquivo" in erro and "danificado" not in erro
    assert _instituicoes(caminho_vazio) == 0
    assert pacto("--db", str(caminho_vazio), "importar", str(pacote_demo)).returncode == 0
    assert _instituicoes(caminho_vazio) > 0


def _sem_privilegio_de_escrita() -> None:
    """As root, drop the capabilities that ignore file permissions (no-op for other users)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capacidade in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        libc.prctl(24, capacidade, 0, 0, 0)  # PR_CAPBSET_DROP: gone after exec


def test_a_healthy_read_only_workspace_is_readable_and_says_why_it_cannot_write(
    caminho_demo, tmp_path
):
    pasta = caminho_demo.parent
    caminho_demo.chmod(0o444)
    pasta.chmod(0o555)
    try:
        leitura = pacto("--db", str(caminho_demo), "status", preexec=_sem_privilegio_de_escrita)
        assert leitura.returncode == 0, leitura.stderr
        escrita = pacto(
            "--db", str(caminho_demo), "versao", "congelar", "--nota", "x",
            preexec=_sem_privilegio_de_escrita,
        )  # fmt: skip
    finally:
        pasta.chmod(0o755)
        caminho_demo.chmod(0o644)
    erro = " ".join(escrita.stderr.split())
    assert escrita.returncode == 1
    assert "Sem permissão de escrita" in erro and "danificado" not in erro
    assert "Rede" in leitura.stdout or "instituições" in leitura.stdout


# -- generation mark ------------------------------------------------------------------------


def _dump(caminho: Path) -> str:
    conexao = sqlite3.connect(caminho)
    try:
        return "\n".join(conexao.iterdump())
    finally:
        conexao.close()


@pytest.mark.parametrize("substituicao", ["restaurar", "importar"])
def test_a_replaced_workspace_refuses_the_old_writer(caminho_demo, tmp_path, substituicao):
    outra = tmp_path / "outra.db"
    Workspace.criar(outra, Rede("Outra", "AM")).fechar()
    with Workspace.abrir(outra) as ws_outra:
        nova_instituicao(ws_outra, "OUTRA")
        ws_outra.backup(tmp_path / "outra-copia.db")
    assert pacto("--db", str(outra), "exportar", str(tmp_path / "outra.json")).returncode == 0
    ws = Workspace.abrir(caminho_demo)
    try:
        reuniao = ws.reunioes()[0]
        if substituicao == "restaurar":
            argumentos = ["restaurar", "--sim", str(tmp_path / "outra-copia.db")]
        else:
            argumentos = ["importar", "--substituir", str(tmp_path / "outra.json")]
        resultado = pacto("--db", str(caminho_demo), *argumentos)
        assert resultado.returncode == 0, resultado.stderr
        assert ws.foi_substituido()
        depois = _dump(caminho_demo)
        with pytest.raises(ErroSubstituido, match="substituído"):
            nova_instituicao(ws, "VELHA")
        with pytest.raises(ErroSubstituido):
            ws.salvar_ata_item(1, f"Ata da {reuniao.titulo}")
        assert _dump(caminho_demo) == depois
    finally:
        ws.fechar()
    geracoes = []
    for arquivo in (caminho_demo, tmp_path / "outra-copia.db", outra):
        conexao = sqlite3.connect(arquivo)
        geracoes.append(conexao.execute("SELECT valor FROM _geracao").fetchone()[0])
        conexao.close()
    assert geracoes[0] not in geracoes[1:]  # never the backup's (or its origin's) own mark


def test_the_open_workspace_is_never_read_as_an_input_file(ws_demo):
    """Importing the workspace itself as a spreadsheet or bundle would open and close it raw."""
    from pacto.domain.errors import PactoErro
    from pacto.services.bundle import importar
    from pacto.services.planilha_leitura import abrir_grades

    for ler in (lambda: importar(ws_demo, ws_demo.caminho), lambda: abrir_grades(ws_demo.caminho)):
        with pytest.raises(PactoErro, match="próprio workspace aberto"):
            ler()


def test_restoring_a_backup_of_the_same_workspace_still_renews_the_mark(caminho_vazio, tmp_path):
    """The backup carries the very mark the open process holds: the restore must not reuse it."""
    copia = tmp_path / "copia.db"
    ws = Workspace.abrir(caminho_vazio)
    try:
        with ws.irma() as irma:  # a worker's connection shares the mark it was lent
            assert irma.ler_geracao() == ws.ler_geracao()
        assert pacto("--db", str(caminho_vazio), "backup", str(copia)).returncode == 0
        nova_instituicao(ws, "DEPOIS-DA-COPIA")
        resultado = pacto("--db", str(caminho_vazio), "restaurar", "--sim", str(copia))
        assert resultado.returncode == 0, resultado.stderr
        with pytest.raises(ErroSubstituido):
            nova_instituicao(ws, "ESCRITA-VELHA")
        with ws.irma() as irma, pytest.raises(ErroSubstituido):
            nova_instituicao(irma, "WORKER-VELHO")
        ws.aceitar_geracao()  # what "Recarregar" does: adopt the new content, then write
        nova_instituicao(ws, "DEPOIS-DE-RECARREGAR")
        assert {i.sigla for i in ws.instituicoes()} == {"DEPOIS-DE-RECARREGAR"}
    finally:
        ws.fechar()
