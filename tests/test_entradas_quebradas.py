"""Broken files handed to the real `pacto` program: each gets a clear Portuguese message, a non-zero
exit, no traceback, and nothing written (the workspace and its folder stay byte for byte the same)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def _truncado(pasta: Path, demo: Path) -> Path:
    caminho = pasta / "pacto.db"
    dados = demo.read_bytes()
    caminho.write_bytes(dados[: len(dados) // 3])
    return caminho


def _aleatorio(pasta: Path, demo: Path) -> Path:
    caminho = pasta / "pacto.db"
    caminho.write_bytes(os.urandom(8192))
    return caminho


def _mais_novo(pasta: Path, demo: Path) -> Path:
    caminho = pasta / "pacto.db"
    shutil.copy(demo, caminho)
    conexao = sqlite3.connect(caminho)
    with conexao:
        conexao.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('pacto', 'm999_do_futuro', '2031-01-01')"
        )
    conexao.close()
    return caminho


def _cabecalho_sqlite_alheio(pasta: Path, demo: Path) -> Path:
    caminho = pasta / "pacto.db"
    conexao = sqlite3.connect(caminho)
    conexao.execute("CREATE TABLE notas (texto TEXT)")
    conexao.commit()
    conexao.close()
    return caminho


def _demo(pasta: Path, demo: Path) -> Path:
    caminho = pasta / "pacto.db"
    shutil.copy(demo, caminho)
    return caminho


def _arquivo(nome: str, conteudo: bytes | str):
    def criar(pasta: Path) -> str:
        alvo = pasta / nome
        alvo.write_bytes(conteudo.encode("utf-8") if isinstance(conteudo, str) else conteudo)
        return str(alvo)

    return criar


PACOTE_TIPOS_ERRADOS = json.dumps(
    {
        "formato": "pacto",
        "versao_formato": 1,
        "rede": {"nome": 5, "uf": ["RR"], "municipio": None},
        "instituicoes": [{"id": "um", "nome": "Polícia Federal", "sigla": "PF"}],
    }
)
PACOTE_LISTA_ERRADA = json.dumps(
    {
        "formato": "pacto",
        "versao_formato": 1,
        "rede": {"nome": "Rede", "uf": "RR"},
        "instituicoes": "Polícia Federal",
    }
)

# (id, workspace builder, arguments (a callable gets the folder and returns a path), message)
CASOS = [
    ("workspace truncado", _truncado, ["status"], "danificado"),
    ("workspace truncado, gravação", _truncado, ["gt", "ato", "Portaria nº 1"], "danificado"),
    ("arquivo aleatório", _aleatorio, ["status"], "não é um workspace do pacto"),
    ("arquivo aleatório, gravação", _aleatorio, ["passo", "listar"], "não é um workspace"),
    ("SQLite de outro programa", _cabecalho_sqlite_alheio, ["status"], "não é um workspace"),
    ("workspace de um pacto mais novo", _mais_novo, ["status"], "versão mais nova do pacto"),
    (
        "workspace de um pacto mais novo, gravação",
        _mais_novo,
        ["gt", "ato", "Portaria nº 1"],
        "versão mais nova do pacto",
    ),
    (
        "pacote JSON com tipos errados",
        _demo,
        ["importar", "--substituir", _arquivo("pacote.json", PACOTE_TIPOS_ERRADOS)],
        "deveria ser um texto",
    ),
    (
        "pacote JSON com seção que não é lista",
        _demo,
        ["importar", "--substituir", _arquivo("pacote.json", PACOTE_LISTA_ERRADA)],
        "deveria ser uma lista",
    ),
    (
        "pacote JSON que é um PDF",
        _demo,
        ["importar", "--substituir", _arquivo("pacote.json", PDF)],
        "não é um JSON válido",
    ),
    (
        "pacote JSON aninhado demais",
        _demo,
        ["importar", "--substituir", _arquivo("pacote.json", "[" * 50_000 + "]" * 50_000)],
        "aninhados demais",
    ),
    (
        "planilha .xlsx que é um PDF renomeado",
        _demo,
        ["atores", "importar", _arquivo("atores.xlsx", PDF)],
        "é um PDF",
    ),
    (
        "planilha .csv que é um PDF renomeado",
        _demo,
        ["atores", "importar", _arquivo("atores.csv", PDF + bytes(range(256)))],
        "é um PDF",
    ),
    (
        "formulário NETP que é um PDF renomeado",
        _demo,
        ["netp", "importar", _arquivo("formulario-netp.xlsx", PDF)],
        "não",
    ),
    (
        "formulário NETP com extensão errada",
        _demo,
        ["netp", "importar", _arquivo("formulario-netp.json", "{}")],
        "não é uma planilha .xlsx válida",
    ),
    (
        "ficha de validação que é um PDF renomeado",
        _demo,
        ["ficha", "importar", _arquivo("ficha.xlsx", PDF)],
        "não",
    ),
    (
        "cópia de segurança aleatória",
        _demo,
        ["restaurar", "--sim", _arquivo("copia.db", os.urandom(4096))],
        "não é um workspace do pacto",
    ),
    (
        "pasta de saída que é um arquivo",
        _demo,
        ["gerar", "monitoramento", "--mes", "2026-10", "--saida", _arquivo("saida", "x")],
        "saida",
    ),
    (
        "CSV com conteúdo binário",
        _demo,
        ["atores", "importar", _arquivo("atores.csv", b"Nome;Sigla\n" + bytes(range(256)) * 4)],
        "não parece ser um arquivo CSV",
    ),
    (
        "pasta de saída dentro de um arquivo (fichas)",
        _demo,
        ["gerar", "ficha", "--todas", "--saida", lambda p: str(_arquivo("x", "x")(p)) + "/sub"],
        "Não foi possível criar a pasta",
    ),
    (
        "pasta de saída dentro de um arquivo (relatório NETP)",
        _demo,
        [
            "gerar",
            "relatorio-netp",
            "--mes",
            "2026-10",
            "--saida",
            lambda p: str(_arquivo("x", "x")(p)) + "/sub",
        ],
        "Não foi possível criar a pasta",
    ),
    (
        "convite em pasta inexistente",
        _demo,
        ["reuniao", "convite", "1", "--saida", "nao-existe/convite.ics"],
        "não existe",
    ),
    (
        "tabela de atores em pasta inexistente",
        _demo,
        ["atores", "exportar", "nao-existe/atores.xlsx"],
        "não existe",
    ),
    (
        "pacote exportado em pasta inexistente",
        _demo,
        ["exportar", "nao-existe/pacote.json"],
        "não existe",
    ),
]


def _retrato(pasta: Path) -> dict[str, str]:
    """Every file of the folder with its SHA-256 (SQLite's -wal and -shm side files aside)."""
    return {
        str(p.relative_to(pasta)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(pasta.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


@pytest.mark.parametrize(
    ("construir", "argumentos", "mensagem"),
    [caso[1:] for caso in CASOS],
    ids=[caso[0] for caso in CASOS],
)
def test_broken_input_gets_a_message_a_failure_code_and_writes_nothing(
    _modelo_demo, tmp_path, construir, argumentos, mensagem
):
    pasta = tmp_path / "trabalho"
    pasta.mkdir()
    caminho = construir(pasta, _modelo_demo)
    argumentos = [a(pasta) if callable(a) else a for a in argumentos]
    antes = _retrato(pasta)
    resultado = subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(caminho), *argumentos],
        capture_output=True,
        text=True,
        cwd=pasta,
        timeout=120,
        env={**os.environ, "PACTO_USUARIO": "teste", "PACTO_CONFIG": str(tmp_path / "c.toml")},
    )
    saida = resultado.stdout + resultado.stderr
    assert resultado.returncode != 0, saida
    assert "Traceback" not in saida, saida
    assert "Erro" in saida and mensagem in saida, saida
    assert _retrato(pasta) == antes, "something was written"
