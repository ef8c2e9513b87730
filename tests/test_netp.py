"""NETP form, import and report: counts only, personal data refused with nothing written, '<5' everywhere."""

from datetime import date

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pacto.cli import pacto
from pacto.domain.errors import ErroImportacao
from pacto.services.netp_planilhas import gerar_formulario, gerar_relatorio, importar_formulario


def _preencher(caminho, sigla, valores: dict[tuple[str, str], int], extras: dict[str, object] = ()):
    """Fill a generated form like an institution would: sigla and counts by (row label, column)."""
    livro = load_workbook(caminho)
    folha = livro["Formulário"]
    folha["B3"] = sigla
    mapa = {}
    for linha in livro["pacto"].iter_rows(values_only=True):
        if linha[0] == "entrada":
            mapa[(linha[3], linha[4])] = linha[1]
    for chave, valor in valores.items():
        folha[mapa[chave]] = valor
    for celula, valor in dict(extras).items():
        folha[celula] = valor
    livro.save(caminho)
    return caminho


@pytest.fixture
def formulario(ws_demo, tmp_path):
    return gerar_formulario(ws_demo, "2026-11", tmp_path / "form.xlsx")


def test_form_has_blocks_validation_and_no_personal_fields(formulario):
    livro = load_workbook(formulario)
    folha = livro["Formulário"]
    textos = [c.value for linha in folha.iter_rows() for c in linha if isinstance(c.value, str)]
    assert "Pessoas atendidas no mês, por finalidade (CP, art. 149-A) e sexo" in textos
    assert "Exploração sexual" in textos and "12 a 17 anos" in textos and "Pós-Resgate" in textos
    assert any("Não escreva nomes" in t for t in textos)
    assert not any("CPF" in t or t.startswith("Nome") for t in textos)
    tipos = {v.type for v in folha.data_validations.dataValidation}
    assert tipos == {"whole", "list"}
    assert folha.protection.sheet is True
    assert livro["pacto"].sheet_state == "hidden"


def test_filled_form_imports_counts(ws_demo, formulario):
    _preencher(
        formulario,
        "CREAS Pintolândia",
        {("Exploração sexual", "Feminino"): 3, ("Resgate", "Quantidade"): 2},
    )
    envio, substituiu, avisos = importar_formulario(ws_demo, formulario)
    assert not substituiu and avisos == []
    guardado = ws_demo.envios_netp("2026-11")[0]
    assert guardado.contagens[("finalidade_sexo", "Exploração sexual", "Feminino")] == 3
    assert guardado.contagens[("etapa", "Resgate", "Quantidade")] == 2
    assert importar_formulario(ws_demo, formulario)[1] is True  # same month again replaces
    assert len(ws_demo.envios_netp("2026-11")) == 1


@pytest.mark.parametrize(
    ("extras", "motivo"),
    [
        ({"F7": "Nome da vítima"}, "dado pessoal"),
        ({"F8": "123.456.789-09"}, "CPF"),
        ({"F9": date(2001, 4, 3)}, "data"),
        ({"G10": "Endereço"}, "dado pessoal"),
        ({"F11": "(95) 99123-4567"}, "telefone"),
    ],
)
def test_personal_data_refused_and_nothing_written(ws_demo, formulario, extras, motivo):
    _preencher(formulario, "HGR", {("Servidão", "Masculino"): 1}, extras)
    with pytest.raises(ErroImportacao, match=motivo) as erro:
        importar_formulario(ws_demo, formulario)
    assert "nada foi importado" in erro.value.mensagem
    assert ws_demo.envios_netp() == []


def test_date_typed_in_a_count_cell_is_refused(ws_demo, formulario):
    livro = load_workbook(formulario)
    celula = next(
        linha[1] for linha in livro["pacto"].iter_rows(values_only=True) if linha[0] == "entrada"
    )
    _preencher(formulario, "HGR", {}, {celula: date(1999, 1, 2)})
    with pytest.raises(ErroImportacao, match="data"):
        importar_formulario(ws_demo, formulario)


def test_non_integer_and_unknown_institution_refused(ws_demo, formulario):
    _preencher(formulario, "HGR", {("Servidão", "Masculino"): 2.5})
    with pytest.raises(ErroImportacao, match="número inteiro"):
        importar_formulario(ws_demo, formulario)
    _preencher(formulario, "XYZ", {("Servidão", "Masculino"): 2})
    with pytest.raises(ErroImportacao, match="Instituição não identificada"):
        importar_formulario(ws_demo, formulario)


def test_renamed_pdf_or_foreign_sheet_refused(ws_demo, tmp_path):
    falso = tmp_path / "form.xlsx"
    falso.write_bytes(b"%PDF-1.7\n" + b"0" * 500)
    with pytest.raises(ErroImportacao, match="não é uma planilha .xlsx válida"):
        importar_formulario(ws_demo, falso)
    from openpyxl import Workbook

    outra = tmp_path / "outra.xlsx"
    Workbook().save(outra)
    with pytest.raises(ErroImportacao, match="não é um formulário NETP"):
        importar_formulario(ws_demo, outra)


def test_report_suppresses_small_counts(ws_demo, tmp_path):
    for sigla, quantidade in (("HGR", 2), ("CREAS Pintolândia", 1)):
        form = gerar_formulario(ws_demo, "2026-11", tmp_path / f"{quantidade}.xlsx")
        _preencher(
            form,
            sigla,
            {
                ("Exploração sexual", "Feminino"): quantidade,
                ("Atendimento às Vítimas", "Quantidade"): 4 + quantidade,
            },
        )
        importar_formulario(ws_demo, form)
    relatorio = gerar_relatorio(ws_demo, "2026-11", tmp_path / "rel.xlsx")
    linhas = [list(linha) for linha in load_workbook(relatorio).active.iter_rows(values_only=True)]
    exploracao = next(li for li in linhas if li[0] == "Exploração sexual")
    assert exploracao[1:] == ["<5", 0, 0, "<5"]  # 3 women in all: never shown as 3
    atendimento = next(li for li in linhas if li[0] == "Atendimento às Vítimas")
    assert atendimento[1] == 11  # a number, not text: Excel can add it up
    valores = [c for li in linhas[4:] for c in li[1:] if c is not None]
    assert not {"1", "2", "3", "4", 1, 2, 3, 4} & set(valores)
    assert any("HGR" in str(li[0]) for li in linhas[:4])


def test_cli_form_import_and_report(caminho_demo, tmp_path):
    runner = CliRunner()

    def rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    r = rodar(
        "gerar",
        "formulario-netp",
        "--mes",
        "2026-11",
        "--instituicao",
        "creas pintolandia",
        "--saida",
        str(tmp_path),
    )
    assert r.exit_code == 0, r.output
    form = tmp_path / "formulario-netp-2026-11-CREAS-Pintolandia.xlsx"
    assert form.exists()
    assert load_workbook(form)["Formulário"]["B3"].value == "CREAS Pintolândia"
    _preencher(
        form, "CREAS Pintolândia", {("Trabalho em condições análogas à de escravo", "Masculino"): 7}
    )
    r = rodar("netp", "importar", str(form), "--mes", "2026-11")
    assert r.exit_code == 0 and "CREAS Pintolândia, 2026-11 — importado (7 no total)" in r.output
    envios = rodar("netp", "envios", "--mes", "2026-11").output
    assert "1 enviaram" in envios and "Faltam" in envios
    r = rodar("gerar", "relatorio-netp", "--mes", "2026-11", "--saida", str(tmp_path))
    assert r.exit_code == 0 and (tmp_path / "relatorio-netp-2026-11.xlsx").exists()
    assert rodar("gerar", "relatorio-netp", "--mes", "11/2026").exit_code == 1


def test_cli_refusal_writes_nothing(caminho_demo, tmp_path):
    from pacto.store import Workspace

    with Workspace.abrir(caminho_demo) as ws:
        arquivo = gerar_formulario(ws, "2026-11", tmp_path / "f.xlsx")
    _preencher(arquivo, "HGR", {("Servidão", "Masculino"): 2}, {"F7": "CPF da vítima"})
    r = CliRunner().invoke(pacto, ["--db", str(caminho_demo), "netp", "importar", str(arquivo)])
    assert r.exit_code == 1 and "dado pessoal" in r.output and "Traceback" not in r.output
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.envios_netp() == []


@pytest.mark.parametrize(
    ("valores", "celulas", "total"),
    [
        ([7, 6, 0], ["7", "6", "0"], "13"),
        ([7, 3, 0], ["7", "<5", "0"], "≥ 8"),  # never 10: 10 - 7 would give the 3 away
        ([0, 3, 0], ["0", "<5", "0"], "<5"),
        ([2, 3, 0], ["<5", "<5", "0"], "≥ 2"),  # never <5 or ≥5: that would bound the pair
        ([0, 0, 0], ["0", "0", "0"], "0"),
    ],
)
def test_a_row_total_never_gives_a_hidden_count_away(valores, celulas, total):
    from pacto.domain.netp import suprimir_linha

    assert suprimir_linha(valores) == (celulas, total)
