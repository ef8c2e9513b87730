"""Shared fixtures: throwaway workspaces, empty or holding the demo network."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from pacto.domain.models import Instituicao, PontoFocal, Rede
from pacto.services.demo import criar_demo
from pacto.store import Workspace

HOJE = date(2026, 11, 26)


@pytest.fixture(scope="session")
def _modelo_demo(tmp_path_factory) -> Path:
    """The demo workspace, built once per session and copied by tests that need it."""
    caminho = tmp_path_factory.mktemp("demo") / "demo.db"
    criar_demo(caminho, hoje=HOJE).fechar()
    return caminho


@pytest.fixture(scope="session")
def jornada_cli(tmp_path_factory) -> Path:
    """The CLI journey of issue 17 (tests/jornada_cli.py), run once per session (about 40 s of
    subprocesses): the CLI journey's tests read it, the keys-only TUI journey compares with it."""
    from tests.jornada_cli import executar_jornada_cli

    pasta = tmp_path_factory.mktemp("jornada")
    executar_jornada_cli(pasta)
    return pasta


@pytest.fixture
def caminho_demo(_modelo_demo, tmp_path) -> Path:
    """A private copy of the demo workspace file."""
    destino = tmp_path / "demo.db"
    shutil.copy(_modelo_demo, destino)
    destino.chmod(0o600)
    return destino


@pytest.fixture
def ws_demo(caminho_demo):
    """The demo workspace, open."""
    ws = Workspace.abrir(caminho_demo)
    yield ws
    ws.fechar()


@pytest.fixture
def caminho_vazio(tmp_path) -> Path:
    """A new workspace file with the default stages and no institution."""
    caminho = tmp_path / "rede.db"
    Workspace.criar(caminho, Rede("Rede Municipal de Teste", "SP", "Campinas")).fechar()
    return caminho


@pytest.fixture
def ws_vazio(caminho_vazio):
    """A new, empty workspace, open."""
    ws = Workspace.abrir(caminho_vazio)
    yield ws
    ws.fechar()


def nova_instituicao(ws: Workspace, sigla: str, nome: str | None = None, **campos) -> Instituicao:
    """Add an institution with sensible defaults."""
    return ws.salvar_instituicao(
        Instituicao(nome=nome or f"Instituição {sigla}", sigla=sigla, **campos)
    )


def novo_ponto(ws: Workspace, inst: Instituicao, papel: str = "titular", **campos) -> PontoFocal:
    """Add a focal point to an institution."""
    campos.setdefault("nome", f"Pessoa {inst.sigla} {papel}")
    return ws.salvar_ponto_focal(PontoFocal(instituicao_id=inst.id, papel=papel, **campos))


_ESCRITAS = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}


@pytest.fixture(autouse=True)
def _escritas_so_em_transacao(monkeypatch):
    """Fail a test whose workspace writes ran outside an explicit transaction.

    Every write must go through `Workspace.transacao()` (or a migration), so that it lands whole
    and the change history knows who made it. An SQLite authorizer on each workspace connection
    sees every data write when it is prepared and records those made with no transaction open.
    """
    from pacto.store import opening, workspace

    fora: list[tuple[str, str]] = []
    conectar_original = opening.conectar

    def conectar(caminho):
        conexao = conectar_original(caminho)

        def autorizar(acao, tabela, _coluna, banco, gatilho):
            if (
                acao in _ESCRITAS
                and banco == "main"
                and not (tabela or "").startswith("sqlite_")
                and not conexao.in_transaction
            ):
                fora.append((tabela, gatilho or ""))
            return sqlite3.SQLITE_OK

        conexao.set_authorizer(autorizar)
        return conexao

    monkeypatch.setattr(workspace, "conectar", conectar)
    yield
    assert not fora, f"workspace writes outside a transaction: {fora}"


def instituicao_antiga(ws: Workspace, sigla: str, nome: str, **campos) -> Instituicao:
    """An institution written straight into the file, as a pacto older than the rule against
    control characters could have stored it (the validators refuse them now)."""
    dados = {"nome": nome, "sigla": sigla, **campos}
    with ws.transacao():
        cursor = ws.con.execute(
            f"INSERT INTO instituicoes ({', '.join(dados)}) VALUES ({', '.join('?' * len(dados))})",
            list(dados.values()),
        )
    return ws.instituicao(cursor.lastrowid)


def atribuicao_antiga(ws: Workspace, instituicao_id: int, etapa_id: int, texto: str) -> None:
    """A duty written straight into the file, as an older pacto could have stored it."""
    with ws.transacao():
        ws.con.execute(
            "INSERT INTO atribuicoes (instituicao_id, etapa_id, fluxo_id, texto) VALUES (?, ?, ?, ?)",
            [instituicao_id, etapa_id, ws.fluxos()[0].id, texto],
        )
