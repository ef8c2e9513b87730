"""`pacto atores exportar`: the booklet's actor table in .xlsx and .csv, read back as Excel would."""

import csv
import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pacto.cli import pacto
from pacto.domain.errors import PactoErro
from pacto.services.planilhas import importar_planilha
from pacto.store import Workspace

CABECALHO = ["Instituição", "Etapa", "Atribuições", "Forma de contato"]


@pytest.fixture
def runner():
    return CliRunner()


def _exportar(runner, db, destino):
    return runner.invoke(
        pacto, ["--db", str(db), "atores", "exportar", str(destino)], catch_exceptions=False
    )


def _linhas_esperadas(rc) -> int:
    return sum(max(1, len(rc.etapas_por_instituicao.get(i.id, []))) for i in rc.instituicoes)


def test_xlsx_has_the_booklet_columns_bold_header_and_one_row_per_stage(
    runner, caminho_demo, tmp_path
):
    destino = tmp_path / "atores.xlsx"
    resultado = _exportar(runner, caminho_demo, destino)
    assert resultado.exit_code == 0, resultado.output
    assert "Tabela de atores gravada" in resultado.output
    folha = load_workbook(destino).active
    assert [c.value for c in folha[1]] == CABECALHO
    assert all(c.font.bold for c in folha[1])
    assert folha.column_dimensions["C"].width >= 60
    assert folha.column_dimensions["B"].width < folha.column_dimensions["A"].width
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
    assert folha.max_row - 1 == _linhas_esperadas(rc)
    linhas = [[c.value for c in fila] for fila in folha.iter_rows(min_row=2)]
    pf = [linha for linha in linhas if linha[0].endswith("(PF-RR)")]
    inst = next(i for i in rc.instituicoes if i.sigla == "PF-RR")
    etapas = rc.etapas_por_instituicao[inst.id]
    assert [linha[1] for linha in pf] == [e.nome for e in etapas] and len(etapas) > 1
    textos = {rc.etapa_por_id[a.etapa_id].nome: a.texto for a in rc.atribuicoes_de(inst.id)}
    assert [linha[2] for linha in pf] == [textos[e.nome] for e in etapas]
    titular = rc.titular(inst.id)
    contato = pf[0][3]
    assert f"Tel. {inst.telefone}" in contato
    assert f"Ponto focal titular: {titular.nome}" in contato
    assert all(linha[2] for linha in linhas if linha[1])  # every stage row carries its duty


def test_csv_is_utf8_with_bom_and_semicolons_for_excel(runner, caminho_demo, tmp_path):
    destino = tmp_path / "atores.csv"
    assert _exportar(runner, caminho_demo, destino).exit_code == 0
    dados = destino.read_bytes()
    assert dados.startswith(b"\xef\xbb\xbf")
    texto = dados.decode("utf-8-sig")
    assert texto.splitlines()[0] == ";".join(CABECALHO)
    linhas = list(csv.reader(io.StringIO(texto, newline=""), delimiter=";"))
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
    assert len(linhas) - 1 == _linhas_esperadas(rc)
    assert any("Pós-Resgate" == linha[1] for linha in linhas)
    assert any("\n" in linha[3] for linha in linhas)  # a multi-line contact stays one cell


def test_export_then_import_into_a_new_network_gives_the_same_table(
    runner, caminho_demo, caminho_vazio, tmp_path
):
    primeira = tmp_path / "primeira.xlsx"
    _exportar(runner, caminho_demo, primeira)
    with Workspace.abrir(caminho_vazio) as ws:
        plano = importar_planilha(ws, primeira)
        assert plano.rejeitadas == []
    segunda = tmp_path / "segunda.xlsx"
    _exportar(runner, caminho_vazio, segunda)

    def valores(caminho):
        return [[c.value for c in fila] for fila in load_workbook(caminho).active.iter_rows()]

    assert valores(segunda) == valores(primeira)


def test_an_institution_without_duties_still_gets_a_row(runner, caminho_vazio, tmp_path):
    with Workspace.abrir(caminho_vazio) as ws:
        from pacto.domain.models import Instituicao

        ws.salvar_instituicao(Instituicao(nome="Instituto Novo", sigla="IN", email="a@b.org"))
    destino = tmp_path / "x.csv"
    _exportar(runner, caminho_vazio, destino)
    linhas = list(csv.reader(io.StringIO(destino.read_text("utf-8-sig")), delimiter=";"))
    assert linhas[1] == ["Instituto Novo (IN)", "", "", "a@b.org"]


@pytest.mark.parametrize("nome", ["atores.pdf", "pasta-que-nao-existe/atores.xlsx"])
def test_bad_destination_is_a_clear_error_and_writes_nothing(runner, caminho_demo, tmp_path, nome):
    destino = tmp_path / nome
    resultado = runner.invoke(
        pacto, ["--db", str(caminho_demo), "atores", "exportar", str(destino)]
    )
    assert resultado.exit_code == 1
    assert resultado.output.startswith("Erro: ")
    assert not destino.exists()
    assert list(tmp_path.glob(".pacto-tmp-*")) == [] and list(tmp_path.glob(".*")) == []


def test_a_failed_export_leaves_the_previous_file_untouched(caminho_demo, tmp_path, monkeypatch):
    from pacto.services import planilha_exportacao

    destino = tmp_path / "atores.xlsx"
    destino.write_bytes(b"versao anterior")

    def quebrar(arquivo, linhas):
        arquivo.write(b"meio arquivo")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(planilha_exportacao, "_gravar_xlsx", quebrar)
    with (
        Workspace.abrir(caminho_demo) as ws,
        pytest.raises(PactoErro, match=r"\(disco cheio\); o arquivo anterior"),
    ):
        planilha_exportacao.exportar_atores(ws.carregar(), destino)
    assert destino.read_bytes() == b"versao anterior"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atores.xlsx", "demo.db"]


def test_csv_cells_that_start_like_a_formula_are_text_and_import_back(
    runner, caminho_vazio, tmp_path
):
    from pacto.domain.models import Instituicao

    nome = '=HYPERLINK("http://exemplo.invalid","Clique")'
    with Workspace.abrir(caminho_vazio) as ws:
        inst = ws.salvar_instituicao(
            Instituicao(nome=nome, sigla="X1", telefone="+55 95 3623-0000")
        )
        etapa = ws.etapas()[0]
        ws.definir_atribuicao(
            inst.id, etapa.id, ws.fluxos()[0].id, "- Recebe denúncias.\n- Encaminha."
        )
    destino = tmp_path / "atores.csv"
    assert _exportar(runner, caminho_vazio, destino).exit_code == 0
    (linha,) = list(csv.reader(io.StringIO(destino.read_text("utf-8-sig")), delimiter=";"))[1:]
    assert linha[0] == f"'{nome} (X1)"
    assert linha[2] == "'- Recebe denúncias.\n- Encaminha."
    assert linha[1] == etapa.nome, "ordinary text is left alone"
    with Workspace.abrir(caminho_vazio) as ws:
        plano = importar_planilha(ws, destino)
        assert plano.rejeitadas == []
        texto = next(a.texto for a in ws.carregar().atribuicoes)
        assert ws.instituicao_por_sigla("X1").nome == nome
    assert texto == "- Recebe denúncias.\n- Encaminha."
