"""The flow diagram: DOT and Mermaid text, escaping of hostile names, PNG/SVG through Graphviz."""

import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.catalog import EtapaPadrao
from pacto.domain.diagram import escapar_dot, escapar_mermaid, gerar_dot, gerar_mermaid
from pacto.domain.models import Encaminhamento, Rede
from pacto.services import diagrama
from pacto.store import Workspace

from .conftest import nova_instituicao

HOSTIL = 'Instituto "A" {x} <b>'
tem_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) não instalado")


@pytest.fixture
def ws_hostil(tmp_path):
    """A network whose stage names, institution names and deadlines try to break the syntax."""
    etapas = (
        EtapaPadrao("denuncia", 'Denúncia "rápida" [1]', "D", ""),
        EtapaPadrao("acolhida", "Acolhida {x} <b> | #1 \\ fim", "A", ""),
        EtapaPadrao("vazia", "Etapa sem ninguém", "V", ""),
    )
    ws = Workspace.criar(tmp_path / "hostil.db", Rede("Rede de Teste", "SP"), etapas=etapas)
    a = nova_instituicao(ws, "IA", HOSTIL)
    b = nova_instituicao(ws, "B-2", "Linha 1\\N [c]")
    nova_instituicao(ws, "SOLTA", "Instituição sem atribuição")
    ids = {e.chave: e.id for e in ws.etapas()}
    fluxo = ws.fluxos()[0].id
    ws.definir_atribuicao(a.id, ids["denuncia"], fluxo, 'Recebe "tudo"\ne anota.')
    ws.definir_atribuicao(b.id, ids["acolhida"], fluxo, "Acolhe.")
    ws.salvar_encaminhamento(
        Encaminhamento(
            fluxo_id=fluxo,
            origem_id=a.id,
            destino_id=b.id,
            condicao="Se houver\nrisco",
            prazo='24 "horas" | já',
        )
    )
    yield ws
    ws.fechar()


def test_escaping_functions():
    assert escapar_dot(HOSTIL) == 'Instituto \\"A\\" {x} <b>'
    assert escapar_dot("a\\b\nc") == "a\\\\b\\nc"
    assert escapar_mermaid(HOSTIL) == "Instituto #34;A#34; #123;x#125; #60;b#62;"
    assert escapar_mermaid("[a]\n|b| #1") == "#91;a#93; #124;b#124; #35;1"


def test_dot_has_every_stage_and_institution_in_lanes(ws_demo):
    rc = ws_demo.carregar()
    texto = gerar_dot(rc)
    assert texto.startswith("digraph fluxo {")
    assert (
        "rankdir=LR" in texto and 'size="16.5,11.7"' in texto and "ratio=compress" in texto
    )  # A3: 33 bodies
    clusters = re.findall(r"subgraph (cluster_\w+) \{\n\s+label=\"([^\"]+)\"", texto)
    assert [titulo for _, titulo in clusters] == [
        f"{n}. {e.nome}" for n, e in enumerate(rc.etapas_ordenadas, start=1)
    ]
    for inst in rc.instituicoes:
        assert f'[label="{inst.sigla}"' in texto, inst.sigla
    # an institution acting in several stages appears once in each of those lanes
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    assert texto.count(f'[label="{pf.sigla}"') == len(rc.etapas_por_instituicao[pf.id])
    # lanes chained left to right, referrals drawn with their deadline
    assert "etapa1 -> etapa2 -> etapa3 -> etapa4 -> etapa5 [style=invis" in texto
    assert (
        len(re.findall(r"^  n\d+_\d+ -> n\d+_\d+ \[", texto, re.M))
        >= len({(e.origem_id, e.destino_id, e.prazo) for e in rc.encaminhamentos}) - 1
    )
    assert 'label="24 horas"' in texto


def test_dot_escapes_hostile_text_and_shows_gaps(ws_hostil):
    texto = gerar_dot(ws_hostil.carregar())
    assert 'label="1. Denúncia \\"rápida\\" [1]"' in texto
    assert 'label="2. Acolhida {x} <b> | #1 \\\\ fim"' in texto
    assert 'tooltip="Instituto \\"A\\" {x} <b>: Recebe \\"tudo\\" e anota."' in texto
    assert 'label="24 \\"horas\\" | já"' in texto
    assert 'tooltip="Se houver risco"' in texto
    assert "(nenhuma instituição)" in texto  # the empty stage is visible, not dropped
    assert 'label="Sem atribuição"' in texto and 'label="SOLTA"' in texto
    # every quoted string closes on its own line: no raw line break, no stray quote
    for linha in texto.splitlines():
        assert re.sub(r"\\.", "", linha).count('"') % 2 == 0, linha


def test_mermaid_has_lanes_and_escapes(ws_demo, ws_hostil):
    rc = ws_demo.carregar()
    texto = gerar_mermaid(rc)
    linhas = texto.splitlines()
    assert linhas[1] == "flowchart LR"
    subgrafos = [linha for linha in linhas if linha.strip().startswith("subgraph ")]
    assert len(subgrafos) == len(rc.etapas)
    for n, etapa in enumerate(rc.etapas_ordenadas, start=1):
        assert f'subgraph etapa{n}["{n}. {etapa.nome}"]' in texto
    assert texto.count("\n  end") == len(rc.etapas)
    for inst in rc.instituicoes:
        assert f'["{escapar_mermaid(inst.sigla)}"]' in texto
    assert "etapa1 ~~~ etapa2" in texto
    assert '-->|"24 horas"|' in texto

    hostil = gerar_mermaid(ws_hostil.carregar())
    assert 'subgraph etapa1["1. Denúncia #34;rápida#34; #91;1#93;"]' in hostil
    assert 'subgraph etapa2["2. Acolhida #123;x#125; #60;b#62; #124; #35;1 #92; fim"]' in hostil
    assert '-->|"24 #34;horas#34; #124; já"|' in hostil
    for linha in hostil.splitlines()[1:]:
        assert linha.count('"') in (0, 2), linha


def _cli(caminho, *args):
    return CliRunner().invoke(
        pacto, ["--db", str(caminho), "gerar", "diagrama", *args], catch_exceptions=False
    )


@pytest.mark.parametrize(("formato", "extensao"), [("mermaid", "mmd"), ("dot", "dot")])
def test_cli_writes_text_formats_by_default_name(
    caminho_demo, tmp_path, monkeypatch, formato, extensao
):
    pasta = tmp_path / "saida"
    pasta.mkdir()
    monkeypatch.chdir(pasta)
    resultado = _cli(caminho_demo, "--formato", formato)
    assert resultado.exit_code == 0, resultado.output
    arquivo = pasta / f"diagrama-fluxo.{extensao}"
    assert f"Diagrama gravado em {arquivo}." in resultado.output
    conteudo = arquivo.read_text(encoding="utf-8")
    assert "Pós-Resgate" in conteudo and "NETP-RR" in conteudo


def test_cli_saida_option_and_missing_folder(caminho_demo, tmp_path):
    destino = tmp_path / "fluxo.dot"
    resultado = _cli(caminho_demo, "--formato", "dot", "--saida", str(destino))
    assert resultado.exit_code == 0 and destino.read_text(encoding="utf-8").startswith("digraph")
    ruim = _cli(caminho_demo, "--formato", "dot", "--saida", str(tmp_path / "nao" / "x.dot"))
    assert ruim.exit_code == 1 and "não existe" in ruim.output
    formato = _cli(caminho_demo, "--formato", "pdf")
    assert formato.exit_code == 2 and "pdf" in formato.output


def test_cli_without_graphviz_says_how_to_fix(caminho_demo, tmp_path, monkeypatch):
    monkeypatch.setattr(diagrama.shutil, "which", lambda nome: None)
    destino = tmp_path / "fluxo.png"
    resultado = _cli(caminho_demo, "--formato", "png", "--saida", str(destino))
    assert resultado.exit_code == 1
    assert (
        "Erro: Instale o Graphviz (pacote graphviz) para gerar PNG ou SVG; "
        "os formatos mermaid e dot funcionam sem ele." in resultado.output
    )
    assert not destino.exists() and not list(tmp_path.glob(".pacto-tmp-*"))
    texto = _cli(caminho_demo, "--formato", "mermaid", "--saida", str(tmp_path / "f.mmd"))
    assert texto.exit_code == 0


@tem_dot
def test_png_is_a_real_png(caminho_demo, tmp_path):
    destino = tmp_path / "fluxo.png"
    resultado = _cli(caminho_demo, "--formato", "png", "--saida", str(destino))
    assert resultado.exit_code == 0, resultado.output
    dados = destino.read_bytes()
    assert dados[:8] == b"\x89PNG\r\n\x1a\n"
    largura, altura = int.from_bytes(dados[16:20], "big"), int.from_bytes(dados[20:24], "big")
    assert largura > altura  # landscape
    assert largura <= 16.5 * diagrama.DPI_PNG + 2 and altura <= 11.7 * diagrama.DPI_PNG + 2  # A3


@tem_dot
def test_svg_names_every_stage(ws_demo, ws_hostil, tmp_path):
    destino = diagrama.gravar_diagrama(ws_demo.carregar(), "svg", tmp_path)
    assert destino == tmp_path / "diagrama-fluxo.svg"
    svg = destino.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for etapa in ws_demo.etapas():
        assert etapa.nome.replace("-", "&#45;") in svg
    hostil = diagrama.desenhar(ws_hostil.carregar(), "svg").decode("utf-8")
    assert "Denúncia &quot;rápida&quot; [1]" in hostil
    assert "Acolhida {x} &lt;b&gt; | #1 \\ fim" in hostil


def test_dot_and_mermaid_do_not_load_the_interface(caminho_demo, tmp_path):
    codigo = (
        "import sys, json\n"
        f"sys.argv = ['pacto', '--db', {str(caminho_demo)!r}, 'gerar', 'diagrama', "
        f"'--formato', 'dot', '--saida', {str(tmp_path / 'x.dot')!r}]\n"
        "from pacto.cli import pacto\n"
        "try:\n    pacto.main(prog_name='pacto')\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    saida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    ).stdout
    assert '"textual"' not in saida and '"docx"' not in saida
    assert (tmp_path / "x.dot").exists()
