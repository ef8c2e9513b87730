"""The privacy guard: minutes and suggestions that look like a victim's personal data are flagged."""

import pytest

from pacto.domain.privacidade import descrever_alertas, verificar_privacidade

POSITIVOS = [
    ("O CPF 123.456.789-09 foi citado na reunião", "CPF"),
    ("documento 52998224725 apresentado", "CPF"),
    ("sequência 95991234567 anotada", "11 dígitos"),
    ("CPF: 529 982 247 25", "CPF"),
    ("a vítima ligou do (95) 99123-4567 ontem", "Telefone"),
    ("telefone da vitima 95 991234567", "vítima"),
    ("a sobrevivente deixou o número (95) 98888-7777", "Telefone"),
    ("familiar da vítima: +55 95 98888-1234", "Telefone"),
    ("A vítima, nascida em 12/03/2001, foi acolhida", "nascimento"),
    ("data de nascimento: 01/02/1990", "nascimento"),
    ("DN 01/02/1990 informada pelo CREAS", "nascimento"),
    ("a vítima foi resgatada em 10/11/2026 na BR-174", "Data perto"),
    ("a vítima Maria da Silva foi encaminhada ao CREAS", "nome"),
    ("vítima chamada Joana Souza", "nome"),
    ("a vítima, Ana Paula Ramos, pediu acolhimento", "nome"),
    ("o nome da vítima não pode constar", "vítima"),
    ("endereço da vítima informado pela PM", "vítima"),
    ("RNM V123456-7 apresentado", "RNM"),
    ("registro F654321-X no posto", "RNM"),
    ("passaporte nº 123456789", "passaporte"),
    ("passaporte AB123456 retido pelo empregador", "passaporte"),
    ("RG 12.345.678-9", "RG"),
    ("processo 0001234-56.2026.4.01.4200 sobre o caso", "processo"),
    ("A vítima, de 17 anos, foi ouvida", "Idade"),
    ("o e-mail da vítima é fulana@gmail.com", "vítima"),
    ("a vítima escreveu de fulana.silva@gmail.com", "E-mail"),
]

NEGATIVOS = [
    "O NETP atende pelo (95) 3000-0101 e por netp@netp.exemplo.gov.br",
    "CNPJ 12.345.678/0001-90 da instituição",
    "Lei nº 13.344/2016 e Decreto nº 12.121/2024",
    "Em outubro foram atendidas 12 vítimas; 3 vítimas tinham menos de 18 anos",
    "Fluxo de Atendimento às Vítimas de Tráfico de Pessoas",
    "Reunião em 20/11/2026 às 14h com a PF-RR",
    "O prazo de 24 horas para comunicar a vítima ao CREAS foi mantido",
    "A vítima deve ser encaminhada ao CREAS Pintolândia em até 5 dias",
    "Mariana Costa Lima (NETP-RR) presidiu; plantão (95) 99000-0101",
    "Processo SEI 00135.000123/2026-11 da portaria",
    "30 de julho é o Dia Mundial de Enfrentamento ao Tráfico de Pessoas",
    "Ligue 180 e Disque 100 recebem denúncias 24 horas por dia",
    "A Casa Acolher tem 12 vagas e 3 estão ocupadas",
    "Portaria MJSP nº 959, de 24 de junho de 2025",
    "Vítimas Resgatadas no semestre: 4 (dado agregado)",
    "",
]


@pytest.mark.parametrize(("texto", "motivo"), POSITIVOS)
def test_flags_what_looks_like_a_victims_personal_data(texto, motivo):
    alertas = verificar_privacidade(texto)
    assert alertas, texto
    assert any(motivo.casefold() in a.motivo.casefold() for a in alertas), alertas


@pytest.mark.parametrize("texto", NEGATIVOS)
def test_leaves_network_data_and_aggregates_alone(texto):
    assert verificar_privacidade(texto) == []


def test_each_passage_flagged_once_in_text_order():
    texto = "CPF 123.456.789-09; depois a vítima Maria Souza ligou do (95) 99123-4567."
    alertas = verificar_privacidade(texto)
    inicios = [a.inicio for a in alertas]
    assert inicios == sorted(inicios)
    for a, b in zip(alertas, alertas[1:], strict=False):
        assert a.fim <= b.inicio  # no two warnings for the same characters
    assert texto[alertas[0].inicio : alertas[0].fim].endswith("123.456.789-09")


def test_description_lists_the_passages_for_the_user():
    alertas = verificar_privacidade("CPF 123.456.789-09 e passaporte AB123456")
    texto = descrever_alertas(alertas)
    assert "123.456.789-09" in texto and "AB123456" in texto
    assert texto.startswith("• ")
