"""Pure rules for reading actor spreadsheets: header names, stage cells, sigla, contact cells."""

import pytest

from pacto.domain.catalog import etapas_padrao
from pacto.domain.celulas_planilha import (
    TEXTO_A_DETALHAR,
    identificar_etapas,
    marca_presenca,
    normalizar_esfera,
    normalizar_tipo,
    separar_contato,
    separar_sigla_do_nome,
    texto_celula,
)
from pacto.domain.colunas_planilha import campo_por_nome, classificar_cabecalho
from pacto.domain.importacao import LinhaRejeitada, descrever_linhas
from pacto.domain.models import Etapa

ETAPAS = [Etapa(e.chave, e.nome, e.sigla, n, id=n) for n, e in enumerate(etapas_padrao(), 1)]


@pytest.mark.parametrize(
    ("cabecalho", "campo"),
    [
        ("Instituição", "nome"),
        ("  NOME DA INSTITUIÇÃO ", "nome"),
        ("Órgão", "nome"),
        ("orgao", "nome"),
        ("Entidade", "nome"),
        ("Órgão responsável", "nome"),
        ("Sigla", "sigla"),
        ("E-mail", "email"),
        ("Email", "email"),
        ("E-MAIL INSTITUCIONAL", "email"),
        ("Correio eletrônico", "email"),
        ("Telefone", "telefone"),
        ("Fone/Fax", "telefone"),
        ("Contato telefônico", "telefone"),
        ("Endereço", "endereco"),
        ("Site", "site"),
        ("Horário de atendimento", "horario"),
        ("CNPJ", "cnpj"),
        ("Esfera", "esfera"),
        ("Tipo", "tipo"),
        ("Setor", "setor"),
        ("Observações", "observacoes"),
        ("Etapa", "etapas"),
        ("Etapas", "etapas"),
        ("Atribuições", "atribuicoes"),
        ("Atribuições no Enfrentamento ao tráfico de pessoas", "atribuicoes"),
        ("Forma de Contato", "contato"),
        ("Ponto focal", "ponto_focal"),
        ("Ponto focal titular", "ponto_focal"),
        ("Cargo", "cargo_ponto_focal"),
        ("Telefone do ponto focal", "telefone_ponto_focal"),
        ("E-mail do ponto focal", "email_ponto_focal"),
        ("Nome do responsável", "ponto_focal"),
        ("Telefone do responsável", "telefone_ponto_focal"),
        ("Ponto focal suplente", "suplente"),
        ("E-mail do suplente", "email_suplente"),
        ("Nº", None),
        ("Município", None),
        ("Nome do serviço", None),
        ("", None),
    ],
)
def test_header_names_vary_in_case_accents_and_wording(cabecalho, campo):
    assert classificar_cabecalho(cabecalho) == campo


def test_sub_header_under_a_merged_focal_point_header():
    assert classificar_cabecalho("Nome", grupo="Ponto focal titular") == "ponto_focal"
    assert classificar_cabecalho("Telefone", grupo="Ponto focal") == "telefone_ponto_focal"
    assert classificar_cabecalho("E-mail", grupo="Suplente") == "email_suplente"
    assert classificar_cabecalho("E-mail", grupo="Contatos") == "email"


def test_a_column_named_after_a_stage_holds_that_stage():
    assert classificar_cabecalho("Pós-resgate", etapas=ETAPAS) == "etapa:pos_resgate"
    assert classificar_cabecalho("Atendimento às vítimas", etapas=ETAPAS) == "etapa:atendimento"


def test_field_named_by_the_user_by_key_label_or_synonym():
    assert campo_por_nome("nome") == "nome"
    assert campo_por_nome("E-mail") == "email"
    assert campo_por_nome("telefone_ponto_focal") == "telefone_ponto_focal"
    assert campo_por_nome("coisa") is None


@pytest.mark.parametrize(
    ("texto", "siglas", "desconhecidas"),
    [
        ("Denúncia", ["D"], []),
        ("D", ["D"], []),
        ("Pós-Resgate; Atendimento", ["PR", "A"], []),
        ("pos resgate", ["PR"], []),
        ("D R", ["D", "R"], []),
        ("Resgate e Pós-Resgate", ["R", "PR"], []),
        ("D, R, D", ["D", "R"], []),
        ("Denúncia / Prevenção", ["D"], ["Prevenção"]),
    ],
)
def test_stage_cells_hold_names_or_siglas(texto, siglas, desconhecidas):
    achadas, erradas = identificar_etapas(texto, ETAPAS)
    assert [e.sigla for e in achadas] == siglas
    assert erradas == desconhecidas


def test_sigla_in_parentheses_is_split_only_when_it_looks_like_one():
    assert separar_sigla_do_nome("Polícia Federal (PF)") == ("Polícia Federal", "PF")
    assert separar_sigla_do_nome("Disque Direitos Humanos (Disque 100)") == (
        "Disque Direitos Humanos",
        "Disque 100",
    )
    assert separar_sigla_do_nome("Centro de Referência (Pintolândia)") == (
        "Centro de Referência (Pintolândia)",
        "",
    )
    assert separar_sigla_do_nome("Núcleos (NETP's)") == ("Núcleos (NETP's)", "")


def test_contact_cell_is_split_into_fields():
    contato = separar_contato(
        "Tel. (95) 3621-0000\nnetp@rr.gov.br\nhttps://netp.rr.gov.br\n"
        "Endereço: Rua A, 10, CEP 69300-000\n"
        "Ponto focal titular: Maria Silva (Coordenadora) · Tel. (95) 99999-0000 · maria@rr.gov.br\n"
        "Atendimento presencial na sede"
    )
    assert contato.telefone == "(95) 3621-0000"
    assert contato.email == "netp@rr.gov.br"
    assert contato.site == "https://netp.rr.gov.br"
    assert contato.endereco == "Rua A, 10, CEP 69300-000"
    assert contato.pontos["titular"] == {
        "nome": "Maria Silva",
        "cargo": "Coordenadora",
        "telefone": "(95) 99999-0000",
        "email": "maria@rr.gov.br",
    }
    assert contato.outros == ["Atendimento presencial na sede"]


def test_unlabelled_contact_cell_by_the_look_of_each_part():
    contato = separar_contato("(95) 3621-0000 / contato@a.org, Av. Brasil 100, 69300-000")
    assert contato.telefone == "(95) 3621-0000"
    assert contato.email == "contato@a.org"
    assert contato.endereco == "Av. Brasil 100, 69300-000"


def test_sphere_type_and_small_cell_rules():
    assert normalizar_esfera("ESTADUAL") == "estadual"
    assert normalizar_esfera("Serviço nacional") == "nacional"
    assert normalizar_esfera("ONG") == "sociedade_civil"
    assert normalizar_esfera("") == ""
    assert normalizar_esfera("galáctica") is None
    assert normalizar_tipo("CREAS") == "creas"
    assert normalizar_tipo("polícia federal") == "policia_federal"
    assert normalizar_tipo("Coletivo de bairro") == "Coletivo de bairro"
    assert marca_presenca(" X ") and marca_presenca("sim") and not marca_presenca("Recebe")
    assert texto_celula("  Polícia \n  Civil ") == "Polícia Civil"
    assert texto_celula("#N/D") == ""
    assert TEXTO_A_DETALHAR


def test_rejected_rows_read_as_a_user_counts_them():
    assert descrever_linhas([7]) == "linha 7"
    assert descrever_linhas([9, 4, 7]) == "linhas 4, 7 e 9"
    rejeitada = LinhaRejeitada([9], "Centro POP", ["Informe a sigla da instituição."])
    assert rejeitada.descrever() == "Linha 9 (Centro POP): Informe a sigla da instituição."
