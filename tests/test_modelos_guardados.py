"""The shipped model files are parsed once and kept beside them; an edit is read at once."""

from __future__ import annotations

import os
import tomllib

import pytest

from pacto.domain import catalog
from pacto.domain.errors import PactoErro


@pytest.fixture
def modelos(tmp_path, monkeypatch):
    """A stand-in for the shipped `modelos/` folder."""
    monkeypatch.setattr(catalog, "pasta_modelos", lambda: tmp_path)
    return tmp_path


def _sem_parser(monkeypatch):
    def recusar(*_args, **_kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(tomllib, "load", recusar)


def test_a_second_read_uses_the_kept_parse(modelos, monkeypatch):
    (modelos / "regras.toml").write_text('[prazo]\nnome = "Prazo"\ndias = 30\n', encoding="utf-8")
    primeira = catalog.ler_toml("regras.toml")
    assert primeira == {"prazo": {"nome": "Prazo", "dias": 30}}
    _sem_parser(monkeypatch)
    assert catalog.ler_toml("regras.toml") == primeira


def test_an_edited_file_is_read_again(modelos):
    arquivo = modelos / "regras.toml"
    arquivo.write_text("[prazo]\ndias = 30\n", encoding="utf-8")
    assert catalog.ler_toml("regras.toml")["prazo"]["dias"] == 30
    estado = arquivo.stat()
    arquivo.write_text("[prazo]\ndias = 45\n", encoding="utf-8")  # same size
    os.utime(arquivo, ns=(estado.st_atime_ns, estado.st_mtime_ns + 1_000_000))
    assert catalog.ler_toml("regras.toml")["prazo"]["dias"] == 45
    arquivo.write_text('[prazo]\ndias = 30\nnovo = "sim"\n', encoding="utf-8")
    assert catalog.ler_toml("regras.toml")["prazo"]["novo"] == "sim"


def test_a_damaged_kept_parse_is_ignored_and_a_broken_file_still_says_so(modelos):
    arquivo = modelos / "regras.toml"
    arquivo.write_text("[prazo]\ndias = 30\n", encoding="utf-8")
    catalog.ler_toml("regras.toml")
    (guardado,) = (modelos / "__pycache__").iterdir()
    guardado.write_bytes(b"\x00lixo")
    assert catalog.ler_toml("regras.toml") == {"prazo": {"dias": 30}}
    arquivo.write_text("[prazo\n", encoding="utf-8")
    with pytest.raises(PactoErro, match="erro de sintaxe"):
        catalog.ler_toml("regras.toml")


def test_a_read_only_folder_is_read_as_before(modelos):
    (modelos / "regras.toml").write_text("[prazo]\ndias = 30\n", encoding="utf-8")
    modelos.chmod(0o555)
    try:
        assert catalog.ler_toml("regras.toml") == {"prazo": {"dias": 30}}
        assert catalog.ler_toml("regras.toml") == {"prazo": {"dias": 30}}
    finally:
        modelos.chmod(0o755)
    assert not (modelos / "__pycache__").exists() or os.geteuid() == 0
