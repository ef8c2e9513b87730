"""NETP rules: small-count suppression, month format, consolidation and the personal-data guard."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pacto.domain.errors import ErroValidacao
from pacto.domain.netp import (
    blocos,
    consolidar,
    nome_mes,
    parece_dado_pessoal,
    suprimir,
    validar_mes,
)


@pytest.mark.parametrize(
    ("valor", "publicado"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (120, "120")]
)
def test_small_counts_are_suppressed(valor, publicado):
    assert suprimir(valor) == publicado


@given(st.integers(min_value=0, max_value=10_000))
def test_suppression_never_reveals_1_to_4(valor):
    publicado = suprimir(valor)
    assert publicado not in {"1", "2", "3", "4"}
    assert publicado == "<5" or int(publicado) == valor


def test_month_format():
    assert validar_mes("2026-11") == "2026-11"
    assert nome_mes("2026-03") == "março de 2026"
    for ruim in ("2026-13", "11/2026", "2026-1", ""):
        with pytest.raises(ErroValidacao, match="AAAA-MM"):
            validar_mes(ruim)


def test_blocks_cover_purposes_ages_sexes_and_stages():
    chaves = {b.chave: b for b in blocos()}
    assert len(chaves["finalidade_sexo"].linhas) == 6
    assert "Exploração sexual" in chaves["finalidade_sexo"].linhas
    assert "12 a 17 anos" in chaves["faixa_sexo"].linhas
    assert chaves["etapa"].linhas[0] == "Denúncia"


def test_consolidation_sums_forms():
    a = {("etapa", "Resgate", "Quantidade"): 3}
    b = {("etapa", "Resgate", "Quantidade"): 4, ("etapa", "Denúncia", "Quantidade"): 1}
    assert consolidar([a, b]) == {
        ("etapa", "Resgate", "Quantidade"): 7,
        ("etapa", "Denúncia", "Quantidade"): 1,
    }


@pytest.mark.parametrize(
    "texto",
    [
        "Nome da vítima",
        "NOME",
        "CPF",
        "123.456.789-09",
        "12345678909",
        "Data de nascimento",
        "03/04/2001",
        "Endereço",
        "Telefone",
        "(95) 99123-4567",
        "Passaporte",
        "Nome da mãe",
        "Relato do caso",
    ],
)
def test_personal_data_is_recognised(texto):
    assert parece_dado_pessoal(texto)


@pytest.mark.parametrize(
    "texto",
    [
        "Feminino",
        "12 a 17 anos",
        "Exploração sexual",
        "Quantidade",
        "Pós-Resgate",
        "Atendimento às Vítimas",
        "Finalidade não identificada",
        "Outro ou não informado",
        "Remoção de órgãos, tecidos ou partes do corpo",
    ],
)
def test_form_labels_are_not_personal_data(texto):
    assert parece_dado_pessoal(texto) is None
