"""Alphanumeric CNPJ (IN RFB nº 2.229/2024) at every entry point; a wrong digit is refused."""

import json

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Instituicao
from pacto.domain.privacidade import verificar_privacidade
from pacto.domain.validation import cnpj_valido, formatar_cnpj, validar_instituicao
from pacto.store import Workspace

ALFANUMERICO = "12.ABC.345/01DE-35"  # the Receita Federal's published example
ERRADO = "12.ABC.345/01DE-36"
NUMERICO = "11.222.333/0001-81"


def _cli(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("texto", "valido"),
    [
        (ALFANUMERICO, True),
        ("12abc34501de35", True),  # lower case and no punctuation
        (ERRADO, False),
        ("12.ABC.345/01DE-3A", False),  # check digits are always numeric
        (NUMERICO, True),
        ("11.222.333/0001-82", False),
        ("00.000.000/0000-00", False),
        ("12.ABC.345/01D", False),
    ],
)
def test_cnpj_rule(texto, valido):
    assert cnpj_valido(texto) is valido


def test_domain_formats_and_refuses_in_portuguese():
    inst = validar_instituicao(Instituicao("Casa Abrigo", "CA", cnpj="12abc34501de35"), [])
    assert inst.cnpj == ALFANUMERICO == formatar_cnpj("12abc34501de35")
    with pytest.raises(ErroValidacao, match="CNPJ inválido: “12.ABC.345/01DE-36”"):
        validar_instituicao(Instituicao("Casa Abrigo", "CA", cnpj=ERRADO), [])


def test_spreadsheet_import_through_the_cli(caminho_vazio, tmp_path):
    _cli(caminho_vazio, "status")
    planilha = tmp_path / "atores.csv"
    planilha.write_text(
        "Nome,Sigla,CNPJ\n"
        f"Casa Abrigo Nova,CAN,{ALFANUMERICO}\n"
        f"ONG Errada,ONGE,{ERRADO}\n"
        f"Secretaria Antiga,SA,{NUMERICO}\n",
        encoding="utf-8",
    )
    resultado = _cli(caminho_vazio, "atores", "importar", str(planilha))
    assert "CNPJ inválido" in resultado.output and "Traceback" not in resultado.output
    with Workspace.abrir(caminho_vazio) as ws:
        cnpjs = {i.sigla: i.cnpj for i in ws.carregar().instituicoes}
    assert cnpjs == {"CAN": ALFANUMERICO, "SA": NUMERICO}


def test_bundle_round_trip_keeps_it_and_refuses_a_wrong_digit(ws_demo, tmp_path):
    inst = ws_demo.instituicao_por_sigla("PF-RR")
    inst.cnpj = "12abc34501de35"
    ws_demo.salvar_instituicao(inst)
    assert ws_demo.instituicao_por_sigla("PF-RR").cnpj == ALFANUMERICO
    arquivo = tmp_path / "rede.json"
    assert _cli(ws_demo.caminho, "exportar", str(arquivo)).exit_code == 0
    novo = tmp_path / "nova.db"
    assert _cli(novo, "importar", str(arquivo)).exit_code == 0
    with Workspace.abrir(novo) as ws:
        assert ws.instituicao_por_sigla("PF-RR").cnpj == ALFANUMERICO
    dados = json.loads(arquivo.read_text(encoding="utf-8"))
    for linha in dados["instituicoes"]:
        if linha["sigla"] == "PF-RR":
            linha["cnpj"] = ERRADO
    arquivo.write_text(json.dumps(dados), encoding="utf-8")
    recusa = _cli(tmp_path / "outra.db", "importar", str(arquivo))
    assert recusa.exit_code != 0 and "CNPJ inválido" in recusa.output


def test_cpf_detection_in_free_text_uses_the_same_library():
    achados = verificar_privacidade("A vítima, CPF 529.982.247-25, foi acolhida.")
    assert any("CPF" in a.motivo for a in achados)
