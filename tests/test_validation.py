"""Validation rules: required fields, UF, e-mail, CNPJ check digits, unique acronym."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Instituicao, PontoFocal, Rede
from pacto.domain.validation import (
    cnpj_valido,
    email_valido,
    formatar_cnpj,
    validar_instituicao,
    validar_ponto_focal,
    validar_rede,
)


def _cnpj_com_digitos(base12: str) -> str:
    """Reference implementation of the CNPJ check digits, written independently."""

    def dv(numeros: str, pesos: list[int]) -> str:
        resto = sum(int(n) * p for n, p in zip(numeros, pesos, strict=True)) % 11
        return "0" if resto < 2 else str(11 - resto)

    d1 = dv(base12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])
    d2 = dv(base12 + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])
    return base12 + d1 + d2


def test_known_cnpjs():
    assert cnpj_valido("11.222.333/0001-81")
    assert cnpj_valido("11222333000181")
    assert not cnpj_valido("11.222.333/0001-82")
    assert not cnpj_valido("00.000.000/0000-00")
    assert not cnpj_valido("123")


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_cnpj_check_digits_match_reference(base):
    completo = _cnpj_com_digitos(base)
    if len(set(completo)) == 1:
        return
    assert cnpj_valido(completo)
    assert cnpj_valido(formatar_cnpj(completo))
    errado = completo[:13] + str((int(completo[13]) + 1) % 10)
    assert not cnpj_valido(errado)


@given(st.text(max_size=40))
def test_cnpj_validator_never_crashes(texto):
    assert cnpj_valido(texto) in (True, False)


def test_email_form():
    assert email_valido("netp@exemplo.gov.br")
    assert not email_valido("netp@exemplo")
    assert not email_valido("sem arroba.gov.br")


def test_uf_is_normalised_and_checked():
    assert validar_rede(Rede(" Rede X ", "rr")).uf == "RR"
    with pytest.raises(ErroValidacao, match="UF inválida"):
        validar_rede(Rede("Rede X", "XX"))


def test_network_requires_name_and_reports_every_problem():
    with pytest.raises(ErroValidacao) as erro:
        validar_rede(Rede("", "ZZ"))
    assert len(erro.value.problemas) == 2


def test_institution_rules_all_reported_at_once():
    inst = Instituicao(nome="", sigla="", cnpj="11.222.333/0001-00", email="errado")
    with pytest.raises(ErroValidacao) as erro:
        validar_instituicao(inst)
    mensagens = " ".join(erro.value.problemas)
    assert "nome da instituição" in mensagens
    assert "sigla" in mensagens
    assert "CNPJ inválido" in mensagens
    assert "E-mail inválido" in mensagens


def test_institution_is_cleaned_and_cnpj_formatted():
    inst = validar_instituicao(
        Instituicao(nome="  Polícia   Federal ", sigla=" PF ", cnpj="11222333000181")
    )
    assert inst.nome == "Polícia Federal"
    assert inst.sigla == "PF"
    assert inst.cnpj == "11.222.333/0001-81"


def test_acronym_unique_ignoring_case_and_accents():
    with pytest.raises(ErroValidacao, match="Já existe uma instituição com a sigla"):
        validar_instituicao(Instituicao(nome="Outra", sigla="netp-rr"), ["NETP-RR"])
    with pytest.raises(ErroValidacao, match="Já existe"):
        validar_instituicao(Instituicao(nome="Outra", sigla="SAÚDE"), ["Saude"])


def test_focal_point_role_and_name():
    with pytest.raises(ErroValidacao) as erro:
        validar_ponto_focal(PontoFocal(instituicao_id=1, papel="chefe", nome=""))
    assert len(erro.value.problemas) == 2
    ponto = validar_ponto_focal(PontoFocal(instituicao_id=1, papel="Titular", nome=" Ana "))
    assert (ponto.papel, ponto.nome) == ("titular", "Ana")
