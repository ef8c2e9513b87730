"""Wording users own: the acts' articles in an editable text file; templates checked before any
file is written; one institution's bad data skips only that institution."""

import zipfile
from pathlib import Path

from click.testing import CliRunner

from pacto.cli import pacto

from .leitura_docx import ler


def _rodar(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _trocar_no_modelo(caminho: Path, antes: bytes, depois: bytes) -> None:
    """Edit the XML of a template in place, as a user typing in Word would."""
    temporario = caminho.with_suffix(".tmp")
    with zipfile.ZipFile(caminho) as origem, zipfile.ZipFile(temporario, "w") as destino:
        for item in origem.infolist():
            dados = origem.read(item.filename)
            if item.filename == "word/document.xml":
                assert antes in dados
                dados = dados.replace(antes, depois, 1)
            destino.writestr(item, dados)
    temporario.replace(caminho)


def test_an_edited_article_in_the_exported_wording_reaches_the_portaria(caminho_demo, tmp_path):
    pasta = tmp_path / "modelos"
    assert _rodar(caminho_demo, "modelos", "exportar", str(pasta)).exit_code == 0
    textos = pasta / "textos-atos.toml"
    original = textos.read_text(encoding="utf-8")
    assert "Fica instituído o {fluxo} {no}" in original
    novo = original.replace(
        "Fica instituído o {fluxo} {no}, instrumento de articulação",
        "Fica criado, nos termos desta redação revisada pela assessoria, o {fluxo} {no}, "
        "instrumento de articulação",
    )
    textos.write_text(novo, encoding="utf-8")
    assert _rodar(caminho_demo, "modelos", "usar", str(pasta)).exit_code == 0
    assert _rodar(caminho_demo, "modelos", "verificar").exit_code == 0
    resultado = _rodar(caminho_demo, "gerar", "portaria", "--saida", str(tmp_path / "saida"))
    assert resultado.exit_code == 0, resultado.output
    lido = ler(tmp_path / "saida" / "portaria.docx")
    artigo_1 = next(p for p in lido.paragrafos if p.startswith("Art. 1º"))
    assert (
        "Fica criado, nos termos desta redação revisada pela assessoria, o Fluxo Estadual"
        in artigo_1
    )
    assert "no Estado de Roraima" in artigo_1


def test_unknown_marker_in_the_wording_is_reported(caminho_demo, tmp_path):
    pasta = tmp_path / "modelos"
    _rodar(caminho_demo, "modelos", "exportar", str(pasta))
    textos = pasta / "textos-atos.toml"
    textos.write_text(
        textos.read_text(encoding="utf-8").replace(
            "{fluxo} {no}, instrumento", "{fluxoo} {no}, instrumento"
        ),
        encoding="utf-8",
    )
    verificado = _rodar(caminho_demo, "modelos", "verificar", str(pasta))
    assert verificado.exit_code == 1 and "ato.objeto: {fluxoo}" in verificado.output
    gerado = _rodar(
        caminho_demo, "gerar", "portaria", "--modelos", str(pasta), "--saida", str(tmp_path / "s")
    )
    assert gerado.exit_code == 1 and "{fluxoo}" in gerado.output
    assert not (tmp_path / "s" / "portaria.docx").exists()


def test_misspelled_placeholder_is_reported_and_writes_nothing(caminho_demo, tmp_path):
    pasta = tmp_path / "modelos"
    _rodar(caminho_demo, "modelos", "exportar", str(pasta))
    _trocar_no_modelo(pasta / "termo-de-adesao.docx", b"aderente.cnpj ", b"aderente.cnpjj ")
    verificado = _rodar(caminho_demo, "modelos", "verificar", str(pasta))
    assert verificado.exit_code == 1
    assert "aderente.cnpjj" in verificado.output
    saida = tmp_path / "termos"
    gerado = _rodar(
        caminho_demo, "gerar", "termo", "--todas", "--modelos", str(pasta), "--saida", str(saida)
    )
    assert gerado.exit_code == 1 and "aderente.cnpjj" in gerado.output
    assert not saida.exists() or not any(saida.iterdir())


def test_unclosed_if_is_reported_and_writes_nothing(caminho_demo, tmp_path):
    pasta = tmp_path / "modelos"
    _rodar(caminho_demo, "modelos", "exportar", str(pasta))
    _trocar_no_modelo(
        pasta / "termo-de-adesao.docx", b"{{ titulo }}", b"{% if titulo %}{{ titulo }}"
    )
    verificado = _rodar(caminho_demo, "modelos", "verificar", str(pasta))
    assert verificado.exit_code == 1 and "termo-de-adesao.docx" in verificado.output
    saida = tmp_path / "termos"
    gerado = _rodar(
        caminho_demo, "gerar", "termo", "--todas", "--modelos", str(pasta), "--saida", str(saida)
    )
    assert gerado.exit_code == 1 and "Traceback" not in gerado.output
    assert not saida.exists() or not any(saida.iterdir())


def test_one_institutions_bad_data_skips_it_writes_the_others_and_exits_1(caminho_demo, tmp_path):
    saida = tmp_path / "termos"
    gerado = _rodar(caminho_demo, "gerar", "termo", "--instituicao", "PF-RR", "--instituicao", "NETP-RR",
                    "--saida", str(saida))  # fmt: skip
    assert gerado.exit_code == 1
    assert "Não gerado: NETP-RR:" in gerado.output
    assert [p.name for p in saida.iterdir()] == ["termo-adesao-PF-RR.docx"]
