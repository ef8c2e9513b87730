"""Templates users adapt: export, use, check, fall back, clear errors; rendering guarantees."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pacto.cli import pacto
from pacto.services.documentos.modelos import CHAVE_CONFIGURACAO, TIPOS, pasta_padrao
from pacto.services.documentos.render import Modelo, renderizar, sanear
from pacto.services.gravacao import gravar

from .leitura_docx import ler

RAIZ = Path(__file__).resolve().parent.parent


@pytest.fixture
def rodar(caminho_demo):
    runner = CliRunner()

    def _rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    return _rodar


def _acrescentar(caminho: Path, texto: str) -> None:
    doc = Document(str(caminho))
    doc.add_paragraph(texto)
    doc.save(str(caminho))


def test_export_copies_every_default_and_never_overwrites_silently(rodar, tmp_path):
    pasta = tmp_path / "meus-modelos"
    resultado = rodar("modelos", "exportar", str(pasta))
    assert resultado.exit_code == 0, resultado.output
    assert sorted(p.name for p in pasta.iterdir()) == sorted(
        [*(t.arquivo for t in TIPOS.values()), "textos-atos.toml"]
    )
    assert "pacto modelos usar" in resultado.output
    _acrescentar(pasta / "termo-de-adesao.docx", "Minha alteração")
    de_novo = rodar("modelos", "exportar", str(pasta))
    assert de_novo.exit_code == 1 and "nada foi copiado" in de_novo.output
    assert "Minha alteração" in ler(pasta / "termo-de-adesao.docx").texto
    assert rodar("modelos", "exportar", str(pasta), "--sobrescrever").exit_code == 0
    assert "Minha alteração" not in ler(pasta / "termo-de-adesao.docx").texto


def test_adapted_template_is_used_and_missing_ones_fall_back(rodar, ws_demo, tmp_path):
    pasta = tmp_path / "adaptados"
    rodar("modelos", "exportar", str(pasta))
    _acrescentar(
        pasta / "termo-de-adesao.docx", "Cláusula própria da rede de {{ territorio.nome }}."
    )
    (pasta / "fluxo-publicado.docx").unlink()
    usar = rodar("modelos", "usar", str(pasta))
    assert usar.exit_code == 0, usar.output
    assert ws_demo.configuracao(CHAVE_CONFIGURACAO) == str(pasta.resolve())
    saida = tmp_path / "saida"
    assert rodar("gerar", "termo", "--instituicao", "PF-RR", "--saida", str(saida)).exit_code == 0
    assert (
        "Cláusula própria da rede de Estado de Roraima."
        in ler(saida / "termo-adesao-PF-RR.docx").paragrafos
    )
    assert rodar("gerar", "fluxo", "--saida", str(saida)).exit_code == 0  # default template
    assert ler(saida / "fluxo-publicado.docx").paragrafos[0].startswith("FLUXO ESTADUAL")
    padrao = tmp_path / "padrao"
    assert (
        rodar(
            "gerar",
            "termo",
            "--instituicao",
            "PF-RR",
            "--saida",
            str(padrao),
            "--modelos",
            str(pasta_padrao()),
        ).exit_code
        == 0
    )
    assert "Cláusula própria" not in ler(padrao / "termo-adesao-PF-RR.docx").texto
    assert rodar("modelos", "usar", "--padrao").exit_code == 0
    assert ws_demo.configuracao(CHAVE_CONFIGURACAO) is None


def test_verificar_lists_unknown_placeholders_and_unused_data(rodar, tmp_path):
    ok = rodar("modelos", "verificar")
    assert ok.exit_code == 0, ok.output
    assert ok.output.count("✔") == len(TIPOS) + 1 and "não usa" not in ok.output  # + the wording
    pasta = tmp_path / "m"
    rodar("modelos", "exportar", str(pasta))
    _acrescentar(
        pasta / "portaria.docx", "Assinado por {{ secretario.nome }} em {{ data_assinatura }}."
    )
    doc = Document(str(pasta / "fluxo-publicado.docx"))
    for secao in doc.sections:
        for par in secao.footer.paragraphs:
            par.text = "Rodapé fixo"
    doc.save(str(pasta / "fluxo-publicado.docx"))
    resultado = rodar("modelos", "verificar", str(pasta))
    assert resultado.exit_code == 1
    assert (
        "Marcações que o pacto não preenche (sairão em branco): data_assinatura, secretario"
        in resultado.output
    )
    assert "Dados que o modelo não usa: rodape" in resultado.output


def test_syntax_error_names_the_file_in_portuguese(rodar, tmp_path):
    pasta = tmp_path / "quebrado"
    rodar("modelos", "exportar", str(pasta))
    _acrescentar(pasta / "termo-de-adesao.docx", "{% if aderente.nome %}sem fim")
    verificar = rodar("modelos", "verificar", str(pasta))
    assert verificar.exit_code == 1
    assert "O modelo “termo-de-adesao.docx” tem um erro nas marcações" in verificar.output
    saida = tmp_path / "saida"
    gerar = rodar(
        "gerar", "termo", "--instituicao", "PF-RR", "--saida", str(saida), "--modelos", str(pasta)
    )
    assert gerar.exit_code == 1
    assert "Erro: O modelo “termo-de-adesao.docx” tem um erro nas marcações" in gerar.output
    assert "Traceback" not in gerar.output
    assert not saida.exists() or not any(saida.iterdir())  # nothing half-written
    usar = rodar("modelos", "usar", str(pasta))
    assert usar.exit_code == 1 and "termo-de-adesao.docx" in usar.output


def test_missing_or_foreign_template_folder_is_a_clear_error(rodar, tmp_path):
    vazia = tmp_path / "vazia"
    vazia.mkdir()
    assert "não tem nenhum modelo do pacto" in rodar("modelos", "usar", str(vazia)).output
    inexistente = rodar(
        "gerar", "fluxo", "--modelos", str(tmp_path / "nao-existe"), "--saida", str(tmp_path)
    )
    assert inexistente.exit_code == 1 and "A pasta de modelos" in inexistente.output
    falso = tmp_path / "falso"
    falso.mkdir()
    (falso / "fluxo-publicado.docx").write_text("não sou docx")
    resultado = rodar("gerar", "fluxo", "--modelos", str(falso), "--saida", str(tmp_path))
    assert resultado.exit_code == 1
    assert "não é um documento do Word (.docx) válido" in resultado.output


def test_output_folder_that_is_a_file_is_a_clear_error(rodar, tmp_path):
    ocupado = tmp_path / "arquivo"
    ocupado.write_text("x")
    resultado = rodar("gerar", "fluxo", "--saida", str(ocupado / "sub"))
    assert resultado.exit_code == 1
    assert "Erro: Não foi possível criar a pasta" in resultado.output
    assert "Traceback" not in resultado.output


def test_configurar_shows_and_saves_settings(rodar, ws_demo):
    resultado = rodar("modelos", "configurar", "--orgao", "SEJUC", "--estilo-artigos", "sp")
    assert resultado.exit_code == 0, resultado.output
    assert "SEJUC" in resultado.output and "(não informado)" in resultado.output
    assert ws_demo.configuracao("documentos.orgao") == "SEJUC"
    assert rodar("modelos", "configurar", "--orgao", "").exit_code == 0
    assert ws_demo.configuracao("documentos.orgao") is None
    assert rodar("modelos", "configurar", "--estilo-artigos", "rj").exit_code == 2


def test_sanear_drops_only_what_word_refuses():
    avisos: list[str] = []
    dados = sanear(
        {
            "a": "ok\ttab\nlinha",
            "b": ["x\x00y", ("z\x1f",)],
            "c": 3,
            "d": "dup\x01",
            "e": "dup\x01",
        },
        avisos,
    )
    assert dados == {"a": "ok\ttab\nlinha", "b": ["xy", ["z"]], "c": 3, "d": "dup", "e": "dup"}
    assert len(avisos) == 3  # one per distinct text, repeated texts warned once
    assert "U+0000" in avisos[0] and "“xy”" in avisos[0]


def test_rendering_escapes_user_text(tmp_path):
    doc = Document()
    doc.add_paragraph("Nome: {{ nome }}")
    caminho = tmp_path / "t.docx"
    doc.save(str(caminho))
    resultado = renderizar(Modelo.ler(caminho), {"nome": "Instituto {{ 7*7 }} & <Cia> {% raw %}"})
    gravar(tmp_path / "saida.docx", resultado.conteudo)
    assert ler(tmp_path / "saida.docx").paragrafos == [
        "Nome: Instituto {{ 7*7 }} & <Cia> {% raw %}"
    ]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_committed_templates_match_the_builder_script(tmp_path):
    subprocess.run(
        [sys.executable, str(RAIZ / "scripts" / "construir_modelos.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for tipo in TIPOS.values():
        with (
            zipfile.ZipFile(tmp_path / tipo.arquivo) as novo,
            zipfile.ZipFile(pasta_padrao() / tipo.arquivo) as atual,
        ):
            partes = [n for n in novo.namelist() if n.startswith("word/")]
            assert partes == [n for n in atual.namelist() if n.startswith("word/")], tipo.arquivo
            for parte in partes:
                assert novo.read(parte) == atual.read(parte), (
                    f"{tipo.arquivo}: {parte} desatualizado"
                )
