"""Bundles never carry machine-local settings: a bundle cannot point this computer's templates
(or any path) anywhere, and exporting leaves this computer's out."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pacto.cli import pacto
from pacto.services.documentos.modelos import CHAVE_CONFIGURACAO
from pacto.store import Workspace


def _rodar(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def test_import_drops_the_template_folder_and_paths_naming_them(caminho_demo, tmp_path):
    pacote = tmp_path / "pacote.json"
    assert _rodar(caminho_demo, "exportar", str(pacote)).exit_code == 0
    dados = json.loads(pacote.read_text("utf-8"))
    comuns = {linha["chave"]: linha["valor"] for linha in dados["configuracoes"]}
    assert comuns
    dados["configuracoes"] += [
        {"chave": CHAVE_CONFIGURACAO, "valor": "/tmp/modelos-de-um-atacante"},
        {"chave": "documentos.logo", "valor": "C:\\Users\\ana\\logo.png"},
    ]
    pacote.write_text(json.dumps(dados), "utf-8")
    minha_pasta = tmp_path / "meus-modelos"
    assert _rodar(caminho_demo, "modelos", "exportar", str(minha_pasta)).exit_code == 0
    assert _rodar(caminho_demo, "modelos", "usar", str(minha_pasta)).exit_code == 0

    resultado = _rodar(caminho_demo, "importar", str(pacote), "--substituir")
    assert resultado.exit_code == 0, resultado.output
    assert "A configuração “modelos” (pasta de modelos) do pacote não foi importada" in (
        resultado.output
    )
    assert "“documentos.logo” (um caminho neste computador)" in resultado.output
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.configuracao(CHAVE_CONFIGURACAO) == str(minha_pasta.resolve())
        assert ws.configuracao("documentos.logo") is None
        assert all(ws.configuracao(chave) == valor for chave, valor in comuns.items())


def test_export_leaves_the_template_folder_out(caminho_demo, tmp_path):
    pasta = tmp_path / "meus-modelos"
    assert _rodar(caminho_demo, "modelos", "exportar", str(pasta)).exit_code == 0
    assert _rodar(caminho_demo, "modelos", "usar", str(pasta)).exit_code == 0
    pacote = tmp_path / "pacote.json"
    assert _rodar(caminho_demo, "exportar", str(pacote)).exit_code == 0
    texto = pacote.read_text("utf-8")
    assert str(pasta) not in texto
    chaves = {linha["chave"] for linha in json.loads(texto)["configuracoes"]}
    assert CHAVE_CONFIGURACAO not in chaves and chaves  # the other settings still travel
