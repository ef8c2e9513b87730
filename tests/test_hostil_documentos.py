"""A network full of hostile text through every document generator, export and listing: each
finishes, prints the text literally (never evaluated as a template, XML, formula or markup) and
drops the control characters an older workspace may hold, with a warning."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile

import pytest
from click.testing import CliRunner

from pacto.cli import pacto

from .conftest import HOJE
from .hostil import HOSTIS, criar_rede_hostil, tem_recusados, um_linha
from .leitura_docx import ler, sem_marcacoes


@pytest.fixture(scope="module")
def rede_hostil(tmp_path_factory):
    caminho = tmp_path_factory.mktemp("hostil") / "hostil.db"
    ids = criar_rede_hostil(caminho, hoje=HOJE)
    return caminho, ids


@pytest.fixture
def caminho_hostil(rede_hostil, tmp_path):
    origem, _ = rede_hostil
    destino = tmp_path / "hostil.db"
    shutil.copy(origem, destino)
    return destino


def _rodar(caminho, *args):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), *args])
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit), repr(
        resultado.exception
    )
    assert resultado.exit_code == 0, resultado.output
    return resultado.output


def _texto_docx(caminho) -> str:
    lido = ler(caminho)
    sem_marcacoes_exceto_dados(lido)
    return lido.texto + "\n".join(" ".join(c for c in linha) for t in lido.tabelas for linha in t)


def sem_marcacoes_exceto_dados(lido) -> None:
    """No template tag survived, other than the ones the hostile data carries literally."""
    limpo = lido.texto
    for peca in HOSTIS.values():
        for trecho in (um_linha(peca), peca.strip()):
            limpo = limpo.replace(trecho, "")
    lido_sem_dados = type(lido)(limpo.split("\n"), [], lido.rodape, lido.cabecalho, 0)
    sem_marcacoes(lido_sem_dados)


def test_termos_print_hostile_names_literally_and_warn_about_old_control_characters(
    caminho_hostil, tmp_path
):
    saida = tmp_path / "termos"
    texto = _rodar(caminho_hostil, "gerar", "termo", "--todas", "--rascunho", "--saida", str(saida))
    assert "Aviso" in texto and "U+000B" in texto  # the institution an older pacto stored
    por_sigla = {p.stem.removeprefix("termo-adesao-"): p for p in saida.glob("*.docx")}
    jinja = next(n for n, t in enumerate(HOSTIS.items(), 1) if t[0] == "jinja_expressao")
    assert "Instituto {{ 7*7 }}" in ler(por_sigla[f"H{_indice('jinja_expressao')}"]).texto
    assert jinja
    xml = ler(por_sigla[f"H{_indice('xml_especiais')}"]).texto
    assert "Fulano & Cia <b>\"negrito\"</b> 'aspas' ]]> <![CDATA[x]]>" in xml
    sql = ler(por_sigla[f"H{_indice('sql')}"]).texto
    assert "'); DROP TABLE instituicoes; --" in sql
    antiga = ler(por_sigla["ANTIGA"]).texto
    assert "Antiga Casa" in antiga or "AntigaCasa" in antiga
    assert not tem_recusados(antiga)


def _indice(nome: str) -> int:
    from .hostil import aceitaveis

    return list(aceitaveis()).index(nome) + 1


@pytest.mark.parametrize(
    "argumentos",
    [
        ["gerar", "portaria"],
        ["gerar", "portaria", "--tipo", "decreto"],
        ["gerar", "portaria", "--tipo", "gt"],
        ["gerar", "fluxo"],
        ["gerar", "fluxo", "--pontos-focais"],
    ],
    ids=["portaria", "decreto", "portaria-gt", "fluxo", "fluxo-pontos-focais"],
)
def test_acts_and_published_flow_keep_hostile_text_literal(caminho_hostil, tmp_path, argumentos):
    saida = tmp_path / "docs"
    if "gt" in argumentos:  # the GT Portaria names the recorded members; name the hostile ones
        from .hostil import aceitaveis

        siglas = ",".join(f"H{n}" for n in range(1, len(aceitaveis()) + 1))
        argumentos = [*argumentos, "--membros", siglas]
    _rodar(caminho_hostil, *argumentos, "--rascunho", "--saida", str(saida))
    (documento,) = saida.glob("*.docx")
    texto = _texto_docx(documento)
    assert "{{ 7*7 }}" in texto and "49" not in texto.split("{{ 7*7 }}")[0][-3:]
    assert not tem_recusados(texto)
    with zipfile.ZipFile(documento) as pacote:  # Word opens it: every part is well-formed XML
        from xml.dom import minidom

        for parte in pacote.namelist():
            if parte.endswith(".xml"):
                minidom.parseString(pacote.read(parte))


@pytest.mark.parametrize(
    "argumentos",
    [
        ["gerar", "ata", "--mesmo-assim"],
        ["gerar", "ata", "--memoria", "--mesmo-assim"],
        ["gerar", "presenca"],
        ["gerar", "pauta"],
        ["gerar", "sugestoes", "--mesmo-assim"],
        ["gerar", "autodiagnostico"],
        ["gerar", "checklist", "--mes", "2026-11"],
        ["gerar", "checklist", "--mes", "2026-11", "--em-branco"],
        ["mensal", "preparar", "--mes", "2026-12", "--local", HOSTIS["markup_quebrado"]],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_meeting_and_monthly_documents_keep_hostile_text_literal(rede_hostil, tmp_path, argumentos):
    caminho, ids = rede_hostil
    destino = tmp_path / "h.db"
    shutil.copy(caminho, destino)
    if argumentos[1] in ("ata", "presenca", "pauta"):
        argumentos = [*argumentos, "--reuniao", str(ids["reuniao"])]
    saida = tmp_path / "docs"
    _rodar(destino, *argumentos, "--saida", str(saida))
    documentos = list(saida.glob("*.docx"))
    assert documentos
    texto = "\n".join(_texto_docx(d) for d in documentos)
    assert not tem_recusados(texto)
    if argumentos[1] in ("ata", "sugestoes"):
        assert HOSTIS["jinja_bloco"] in texto or um_linha(HOSTIS["jinja_bloco"]) in texto
        assert "'); DROP TABLE instituicoes; --" in texto
    if argumentos[1] in ("presenca", "pauta", "preparar"):
        assert "[/] Sul" in texto


@pytest.mark.parametrize("formato", ["dot", "mermaid", "svg", "png"])
def test_diagram_draws_hostile_names(caminho_hostil, tmp_path, formato):
    if formato in ("svg", "png") and shutil.which("dot") is None:
        pytest.skip("Graphviz (dot) não instalado")
    destino = tmp_path / f"diagrama.{ {'mermaid': 'mmd'}.get(formato, formato) }"
    _rodar(caminho_hostil, "gerar", "diagrama", "--formato", formato, "--saida", str(destino))
    conteudo = destino.read_bytes()
    assert conteudo
    if formato in ("dot", "mermaid", "svg"):
        assert not tem_recusados(conteudo.decode("utf-8"))


def test_spreadsheets_keep_hostile_text_as_text_never_as_formulas(caminho_hostil, tmp_path):
    from openpyxl import load_workbook

    _rodar(caminho_hostil, "atores", "exportar", str(tmp_path / "atores.xlsx"))
    _rodar(caminho_hostil, "gerar", "ficha", "--todas", "--saida", str(tmp_path / "fichas"))
    _rodar(caminho_hostil, "gerar", "formulario-netp", "--mes", "2026-10", "--saida", str(tmp_path))
    _rodar(caminho_hostil, "gerar", "relatorio-netp", "--mes", "2026-10", "--saida", str(tmp_path))
    _rodar(caminho_hostil, "gerar", "monitoramento", "--mes", "2026-10", "--saida", str(tmp_path))
    planilhas = [*tmp_path.glob("*.xlsx"), *(tmp_path / "fichas").glob("*.xlsx")]
    assert len(planilhas) > 40
    textos = []
    for planilha in planilhas:
        livro = load_workbook(planilha)
        for folha in livro.worksheets:
            for linha in folha.iter_rows():
                for celula in linha:
                    assert celula.data_type != "f", (planilha.name, celula.coordinate)
                    if isinstance(celula.value, str):
                        textos.append(celula.value)
    tudo = "\n".join(textos)
    assert HOSTIS["formula_planilha"] in tudo and "'); DROP TABLE instituicoes; --" in tudo
    assert not tem_recusados(tudo)


def test_csv_and_json_exports_and_invitation_keep_the_text(caminho_hostil, tmp_path):
    _rodar(caminho_hostil, "atores", "exportar", str(tmp_path / "atores.csv"))
    with (tmp_path / "atores.csv").open(encoding="utf-8-sig", newline="") as arquivo:
        celulas = "\n".join(c for linha in csv.reader(arquivo, delimiter=";") for c in linha)
    assert HOSTIS["sql"] in celulas and HOSTIS["emoji"] in celulas
    _rodar(caminho_hostil, "exportar", str(tmp_path / "pacote.json"))
    pacote = json.loads((tmp_path / "pacote.json").read_text(encoding="utf-8"))
    observacoes = {i["observacoes"] for i in pacote["instituicoes"]}
    assert HOSTIS["jinja_bloco"] in observacoes and HOSTIS["arabe_rtl"] in observacoes
    _rodar(caminho_hostil, "reuniao", "convite", "1", "--saida", str(tmp_path / "c.ics"))
    assert (tmp_path / "c.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    "argumentos",
    [
        ["status"],
        ["verificar"],
        ["historico"],
        ["reuniao", "listar"],
        ["adesao", "listar"],
        ["passo", "listar"],
        ["gt", "listar"],
        ["checklist", "mostrar", "--mes", "2026-11"],
        ["indicadores", "listar"],
        ["versao", "listar"],
        ["versao", "diff"],
        ["modelos", "configurar"],
        ["netp", "envios"],
    ],
    ids=lambda a: " ".join(a),
)
def test_listings_print_hostile_text_without_crashing(caminho_hostil, argumentos):
    saida = _rodar(caminho_hostil, *argumentos)
    assert "\x1b[31m" not in saida  # the old institution's escape sequence is shown, not run


def test_meeting_listing_shows_markup_like_text_literally(rede_hostil, tmp_path):
    caminho, ids = rede_hostil
    destino = tmp_path / "h.db"
    shutil.copy(caminho, destino)
    saida = _rodar(destino, "reuniao", "mostrar", str(ids["reuniao"]))
    assert um_linha(HOSTIS["markup_quebrado"]) in " ".join(saida.split())


def test_old_control_characters_are_reported_where_to_fix_them(caminho_hostil):
    dados = json.loads(_rodar(caminho_hostil, "verificar", "--json"))
    achados = [lacuna for lacuna in dados["lacunas"] if lacuna["codigo"] == "caracteres_invisiveis"]
    assert [lacuna["referencia"] for lacuna in achados] == ["ANTIGA"]
