"""Hostile templates (tests/corpus_modelos): no code runs, nothing is written, verificar flags them.

Each corpus file is a Jinja snippet appended to a copy of the default Termo template; ``MARKER``
stands for a file the attack would create if it ran.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pacto.cli import pacto
from pacto.domain.errors import ErroDocumento
from pacto.services.documentos.modelos import pasta_padrao
from pacto.services.documentos.render import Modelo, renderizar

CORPUS = Path(__file__).parent / "corpus_modelos"
ATAQUES = sorted(CORPUS.glob("*.jinja"))


def _pasta_com_ataque(tmp_path: Path, ataque: Path) -> tuple[Path, Path]:
    """A templates folder whose Termo carries the attack; returns it and the marker path."""
    pasta = tmp_path / f"modelos-{ataque.stem}"
    pasta.mkdir()
    marcador = tmp_path / "MARCADOR"
    termo = pasta / "termo-de-adesao.docx"
    shutil.copyfile(pasta_padrao() / "termo-de-adesao.docx", termo)
    documento = Document(str(termo))
    documento.add_paragraph(ataque.read_text("utf-8").strip().replace("MARKER", str(marcador)))
    documento.save(str(termo))
    return pasta, marcador


def test_the_corpus_holds_every_attack_of_the_issue():
    nomes = {a.stem for a in ATAQUES}
    assert {"cycler-globals", "range-huge", "nested-loops", "str-mro", "macro-self"} <= nomes
    assert len(ATAQUES) >= 15


@pytest.mark.parametrize("ataque", ATAQUES, ids=lambda a: a.stem)
def test_hostile_template_runs_nothing_writes_nothing_and_is_flagged(
    caminho_demo, tmp_path, ataque
):
    pasta, marcador = _pasta_com_ataque(tmp_path, ataque)
    saida = tmp_path / "saida"
    runner = CliRunner()

    def rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    usar = rodar("modelos", "usar", str(pasta))
    # usar warns about what verificar flags, or refuses a template that fails its sample render
    assert (usar.exit_code == 0 and "Atenção" in usar.output) or (
        usar.exit_code == 1 and "Erro: " in usar.output
    ), usar.output
    assert not marcador.exists()

    inicio = time.monotonic()
    gerado = rodar("gerar", "termo", "--todas", "--saida", str(saida), "--modelos", str(pasta))
    duracao = time.monotonic() - inicio

    assert gerado.exit_code == 1
    erro = next(li for li in gerado.output.splitlines() if li.startswith("Erro: "))
    assert "Traceback" not in gerado.output
    frases = ("foi recusado", "não pôde ser preenchido", "erro nas marcações")
    assert any(frase in erro for frase in frases), erro
    assert duracao < 10, f"{ataque.stem} took {duracao:.1f}s"
    assert not marcador.exists()
    assert not saida.exists() or list(saida.iterdir()) == []

    verificado = rodar("modelos", "verificar", str(pasta))
    assert verificado.exit_code == 1
    linha_do_termo = next(li for li in verificado.output.splitlines() if "Termo de Adesão" in li)
    assert linha_do_termo.startswith("✗")
    assert "recusa ou interrompe" in verificado.output or "erro nas marcações" in verificado.output


def test_verificar_names_the_danger(caminho_demo, tmp_path):
    pasta, _ = _pasta_com_ataque(tmp_path, CORPUS / "cycler-globals.jinja")
    resultado = CliRunner().invoke(
        pacto, ["--db", str(caminho_demo), "modelos", "verificar", str(pasta)]
    )
    assert "acesso a atributo interno do Python “__init__”" in resultado.output
    assert "uso de “cycler”, que o pacto não oferece" in resultado.output

    pasta3, _ = _pasta_com_ataque(tmp_path, CORPUS / "nested-loops.jinja")
    resultado = CliRunner().invoke(
        pacto, ["--db", str(caminho_demo), "modelos", "verificar", str(pasta3)]
    )
    assert "laços aninhados com voltas demais" in resultado.output


def test_default_templates_pass_verificar(caminho_demo):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho_demo), "modelos", "verificar"])
    assert resultado.exit_code == 0, resultado.output
    assert "recusa" not in resultado.output


def test_render_from_a_worker_thread_is_stopped_too(tmp_path):
    """Signals only work on the main thread; the sandbox's budget works on any thread."""
    resultados: dict[str, object] = {}

    def trabalhador(nome: str, texto: str) -> None:
        doc = Document()
        doc.add_paragraph(texto.replace("MARKER", str(tmp_path / "MARCADOR")))
        caminho = tmp_path / f"{nome}.docx"
        doc.save(str(caminho))
        inicio = time.monotonic()
        try:
            renderizar(Modelo.ler(caminho), {"local_data": "x"})
        except ErroDocumento as erro:
            resultados[nome] = (erro.mensagem, time.monotonic() - inicio)
        else:
            resultados[nome] = ("renderizou", time.monotonic() - inicio)

    linhas = [
        threading.Thread(target=trabalhador, args=(a.stem, a.read_text("utf-8").strip()))
        for a in (CORPUS / "nested-loops.jinja", CORPUS / "cycler-globals.jinja")
    ]
    for linha in linhas:
        linha.start()
    for linha in linhas:
        linha.join(timeout=30)
    assert not any(linha.is_alive() for linha in linhas)
    mensagem, duracao = resultados["nested-loops"]
    assert "repete ou chama coisas demais" in mensagem and duracao < 10
    mensagem, _ = resultados["cycler-globals"]
    assert "partes internas do Python" in mensagem or "não pôde ser preenchido" in mensagem
    assert not (tmp_path / "MARCADOR").exists()


def test_a_normal_loop_and_filters_still_work(tmp_path):
    doc = Document()
    doc.add_paragraph(
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ nome|upper }} {{ n|por_extenso }}"
    )
    caminho = tmp_path / "ok.docx"
    doc.save(str(caminho))
    resultado = renderizar(Modelo.ler(caminho), {"nome": "rede", "n": 2})
    saida = tmp_path / "saida.docx"
    saida.write_bytes(resultado.conteudo)
    texto = "\n".join(p.text for p in Document(str(saida)).paragraphs)
    assert "012 REDE dois" in texto


def test_subprocess_gerar_with_hostile_template_leaves_no_marker(caminho_demo, tmp_path):
    pasta, marcador = _pasta_com_ataque(tmp_path, CORPUS / "cycler-globals.jinja")
    base = [sys.executable, "-m", "pacto", "--db", str(caminho_demo)]
    subprocess.run([*base, "modelos", "usar", str(pasta)], check=True, capture_output=True)
    processo = subprocess.run(
        [*base, "gerar", "termo", "--todas", "--saida", str(tmp_path / "saida")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert processo.returncode == 1
    assert "Traceback" not in processo.stderr
    assert "partes internas do Python" in processo.stdout + processo.stderr
    assert not marcador.exists()
