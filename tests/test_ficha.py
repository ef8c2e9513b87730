"""Validation forms: one .xlsx per institution, read back; corrections become suggestions, never overwrites."""

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from pacto.cli import pacto
from pacto.domain.errors import ErroImportacao
from pacto.services.ficha import gerar_fichas, importar_ficha
from pacto.store import Workspace

from .conftest import HOJE


def _rodar(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _linhas(arquivo):
    aba = load_workbook(arquivo)["Ficha"]
    return {linha[0]: linha for linha in aba.iter_rows(min_row=8, values_only=True) if linha[0]}


def _corrigir(arquivo, correcoes: dict[str, str]):
    livro = load_workbook(arquivo)
    aba = livro["Ficha"]
    for linha in aba.iter_rows(min_row=8):
        if linha[0].value in correcoes:
            linha[4].value = correcoes[linha[0].value]
    livro.save(arquivo)


def test_form_shows_what_the_flow_says_about_the_institution(ws_demo, tmp_path):
    (arquivo,) = gerar_fichas(ws_demo.carregar(), tmp_path, ["pf-rr"], HOJE)
    assert arquivo.name == "ficha-validacao-pf-rr.xlsx"
    livro = load_workbook(arquivo)
    aba = livro["Ficha"]
    assert aba["B3"].value.startswith("Instituição: Superintendência Regional da Polícia Federal")
    assert "Correção" in [c.value for c in aba[7]]
    assert aba.column_dimensions["A"].hidden
    assert livro["pacto"].sheet_state == "hidden"
    linhas = _linhas(arquivo)
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    assert linhas["inst:telefone"][3] == pf.telefone
    assert linhas["pf:titular:nome"][3] == "Carlos Eduardo Nunes"
    assert linhas["pf:suplente:nome"][3] == "Fernanda Alves Moreira"
    resgate = linhas["atr:1:resgate"]
    assert resgate[2] == "Resgate" and resgate[3] and resgate[3] != "(não informado)"
    assert linhas["atr:1:atendimento"][3] == "(não informado)"  # a stage it does not act in
    assert all(linha[4] is None for linha in linhas.values())  # corrections start empty
    assert aba.protection.sheet and not aba.cell(row=8, column=5).protection.locked


def test_returned_form_becomes_suggestions_and_nothing_is_overwritten(ws_demo, tmp_path):
    (arquivo,) = gerar_fichas(ws_demo.carregar(), tmp_path, ["PRF-RR"], HOJE)
    prf = ws_demo.instituicao_por_sigla("PRF-RR")
    _corrigir(arquivo, {
        "inst:telefone": "(95) 3000-9999",
        "inst:email": prf.email,  # same as today: confirmed, not a suggestion
        "pf:titular:nome": "Joana Prado Lins",
        "atr:1:pos_resgate": "Escolta a vítima até o abrigo indicado pelo NETP-RR.",
        "obs": "O plantão atende 24 horas.",
        "preenchido_por": "Paulo Henrique Dias, policial rodoviário federal",
    })  # fmt: skip
    antes = ws_demo.carregar()
    resultado = importar_ficha(ws_demo, arquivo)
    assert resultado.instituicao.sigla == "PRF-RR" and resultado.repetidas == 0
    assert len(resultado.criadas) == 4
    assert sorted(s.assunto for s in resultado.criadas) == [
        "atribuicao",
        "contato",
        "contato",
        "geral",
    ]
    tipos = sorted(s.proposta["tipo"] for s in resultado.criadas if s.proposta)
    assert tipos == ["atribuicao", "contato", "ponto_focal"]
    for s in resultado.criadas:
        assert s.origem == "ficha" and s.instituicao_id == prf.id and s.pendente
        assert "Paulo Henrique Dias" in s.texto
    telefone = next(s for s in resultado.criadas if s.proposta and s.proposta["tipo"] == "contato")
    assert f"de “{prf.telefone}” para “(95) 3000-9999”" in telefone.texto
    depois = ws_demo.carregar()
    assert depois.instituicoes == antes.instituicoes  # suggestions only, no overwrite
    assert depois.atribuicoes == antes.atribuicoes and depois.pontos_focais == antes.pontos_focais
    again = importar_ficha(ws_demo, arquivo)
    assert again.criadas == [] and again.repetidas == 4


def test_new_titular_from_the_form_is_applied_once_accepted(ws_demo, tmp_path):
    from pacto.services.reunioes import aplicar_sugestao

    (arquivo,) = gerar_fichas(ws_demo.carregar(), tmp_path, ["PRF-RR"], HOJE)
    _corrigir(arquivo, {"pf:titular:nome": "Joana Prado Lins"})
    (sugestao,) = importar_ficha(ws_demo, arquivo).criadas
    ws_demo.decidir_sugestao(sugestao.id, "acolhida")
    aplicar_sugestao(ws_demo, sugestao.id)
    titular = ws_demo.carregar().titular(ws_demo.instituicao_por_sigla("PRF-RR").id)
    assert titular.nome == "Joana Prado Lins"


def test_form_with_victim_data_is_refused_whole(ws_demo, tmp_path):
    (arquivo,) = gerar_fichas(ws_demo.carregar(), tmp_path, ["CREAS Pintolândia"], HOJE)
    _corrigir(arquivo, {"inst:horario": "24 horas", "obs": "A vítima Maria Souza ligou do (95) 99123-4567."})  # fmt: skip
    antes = len(ws_demo.sugestoes())
    with pytest.raises(ErroImportacao, match="dado pessoal de vítima"):
        importar_ficha(ws_demo, arquivo)
    assert len(ws_demo.sugestoes()) == antes
    assert len(importar_ficha(ws_demo, arquivo, mesmo_assim=True).criadas) == 2


def test_foreign_or_broken_files_are_refused(ws_demo, tmp_path):
    qualquer = tmp_path / "qualquer.xlsx"
    Workbook().save(qualquer)
    with pytest.raises(ErroImportacao, match="não é uma ficha de validação"):
        importar_ficha(ws_demo, qualquer)
    texto = tmp_path / "texto.xlsx"
    texto.write_text("não sou planilha", encoding="utf-8")
    with pytest.raises(ErroImportacao, match="não é uma planilha"):
        importar_ficha(ws_demo, texto)


def test_form_of_an_institution_from_another_network_is_refused(ws_demo, ws_vazio, tmp_path):
    (arquivo,) = gerar_fichas(ws_demo.carregar(), tmp_path, ["OIM"], HOJE)
    with pytest.raises(ErroImportacao, match="não está nesta rede"):
        importar_ficha(ws_vazio, arquivo)


def test_cli_generates_every_form_and_imports_one(caminho_demo, tmp_path):
    pasta = tmp_path / "fichas"
    todas = _rodar(caminho_demo, "gerar", "ficha", "--todas", "--saida", str(pasta))
    assert todas.exit_code == 0, todas.output
    assert "33 fichas de validação geradas" in todas.stdout
    assert len(list(pasta.glob("*.xlsx"))) == 33
    nenhuma = _rodar(caminho_demo, "gerar", "ficha")
    assert nenhuma.exit_code == 1 and "--instituicao SIGLA ou --todas" in nenhuma.stderr
    arquivo = pasta / "ficha-validacao-oim.xlsx"
    _corrigir(arquivo, {"inst:site": "https://oim.exemplo.org/rr"})
    importar = _rodar(caminho_demo, "ficha", "importar", str(arquivo))
    assert importar.exit_code == 0, importar.output
    assert "Ficha de OIM: 1 sugestão criada" in importar.stdout
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.sugestoes()[-1].referencia == "OIM – Site"
    de_novo = _rodar(caminho_demo, "ficha", "importar", str(arquivo))
    assert "1 correção já tinha sido importada antes." in de_novo.stdout
