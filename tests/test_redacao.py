"""Official-writing rules: dates in full, LC 95/1998 labels, Roman numerals, numbers in words."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pacto.domain.estrutura_ato import Artigo, Capitulo, Paragrafo, incisos, numerar, texto_corrido
from pacto.domain.redacao import (
    citar_artigo,
    data_epigrafe,
    data_por_extenso,
    frase,
    itens_enumerados,
    letra_alinea,
    numero_por_extenso,
    ordinal,
    ordinal_por_extenso,
    primeira_minuscula,
    quantidade,
    romano,
    rotulo_alinea,
    rotulo_artigo,
    rotulo_inciso,
    rotulo_paragrafo,
)

# -- dates ------------------------------------------------------------------------


def test_dates_in_full_use_ordinal_only_for_the_first_day():
    assert data_por_extenso(date(2026, 11, 26)) == "26 de novembro de 2026"
    assert data_por_extenso(date(2026, 12, 1)) == "1º de dezembro de 2026"
    assert data_por_extenso(date(2016, 10, 6)) == "6 de outubro de 2016"
    assert data_por_extenso(date(2024, 3, 2)) == "2 de março de 2024"
    assert data_epigrafe(date(2026, 11, 26)) == "DE 26 DE NOVEMBRO DE 2026"
    assert data_epigrafe(date(2027, 1, 1)) == "DE 1º DE JANEIRO DE 2027"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_reads_day_month_year(d):
    texto = data_por_extenso(d)
    dia, de1, mes, de2, ano = texto.split(" ")
    assert (de1, de2) == ("de", "de")
    assert dia == ("1º" if d.day == 1 else str(d.day))
    assert ano == str(d.year)
    assert mes.islower() and mes.isalpha() or mes == "março"


# -- LC 95/1998 labels ------------------------------------------------------------------


def test_articles_are_ordinal_up_to_nine_then_cardinal_with_full_stop():
    assert [rotulo_artigo(n) for n in (1, 2, 9, 10, 11, 25)] == [
        "Art. 1º", "Art. 2º", "Art. 9º", "Art. 10.", "Art. 11.", "Art. 25.",
    ]  # fmt: skip


def test_sao_paulo_style_writes_artigo_with_a_hyphen():
    assert rotulo_artigo(1, "sp") == "Artigo 1º -"
    assert rotulo_artigo(10, "sp") == "Artigo 10 -"
    assert rotulo_paragrafo(1, 1, "sp") == "Parágrafo único -"
    assert rotulo_paragrafo(2, 2, "sp") == "§ 2º -"
    assert rotulo_inciso(3, "sp") == "III -"
    assert citar_artigo(9, "sp") == "artigo 9º"


def test_a_single_paragraph_is_paragrafo_unico_else_numbered():
    assert rotulo_paragrafo(1, 1) == "Parágrafo único."
    assert [rotulo_paragrafo(n, 11) for n in (1, 9, 10, 11)] == ["§ 1º", "§ 9º", "§ 10.", "§ 11."]
    with pytest.raises(ValueError):
        rotulo_paragrafo(3, 2)


def test_incisos_in_roman_numerals_with_en_dash_and_alineas_in_letters():
    assert rotulo_inciso(1) == "I –"
    assert rotulo_inciso(4) == "IV –"
    assert rotulo_inciso(9) == "IX –"
    assert rotulo_inciso(14) == "XIV –"
    assert rotulo_alinea(1) == "a)"
    assert [letra_alinea(n) for n in (1, 26, 27, 52, 53)] == ["a", "z", "aa", "az", "ba"]


def test_citations_of_articles_follow_the_same_threshold():
    assert citar_artigo(9) == "art. 9º"
    assert citar_artigo(10) == "art. 10"


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_read_back(n):
    valores = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    texto = romano(n)
    total = 0
    for atual, seguinte in zip(texto, texto[1:] + " ", strict=True):
        v = valores[atual]
        total += -v if seguinte != " " and valores[seguinte] > v else v
    assert total == n
    assert "IIII" not in texto and "VV" not in texto


@given(st.integers(min_value=1, max_value=500))
def test_article_labels_are_ordinal_below_ten_and_end_in_a_stop_from_ten(n):
    rotulo = rotulo_artigo(n)
    assert rotulo.startswith("Art. ")
    assert rotulo.endswith("º") if n <= 9 else rotulo == f"Art. {n}."


# -- numbers in words -----------------------------------------------------------------------

_VALORES = {
    "zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5,
    "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13,
    "quatorze": 14, "quinze": 15, "dezesseis": 16, "dezessete": 17, "dezoito": 18,
    "dezenove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
    "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100, "duzentos": 200,
    "duzentas": 200, "trezentos": 300, "trezentas": 300, "quatrocentos": 400,
    "quatrocentas": 400, "quinhentos": 500, "quinhentas": 500, "seiscentos": 600,
    "seiscentas": 600, "setecentos": 700, "setecentas": 700, "oitocentos": 800,
    "oitocentas": 800, "novecentos": 900, "novecentas": 900,
}  # fmt: skip


def _ler_extenso(texto: str) -> int:
    """An independent reader of numbers in words, to check the writer."""
    total, grupo = 0, 0
    for palavra in texto.split():
        if palavra == "e":
            continue
        if palavra == "mil":
            total += max(grupo, 1) * 1000
            grupo = 0
        elif palavra in ("milhão", "milhões"):
            total += grupo * 1_000_000
            grupo = 0
        else:
            grupo += _VALORES[palavra]
    return total + grupo


def test_numbers_in_words_known_cases():
    assert numero_por_extenso(2026) == "dois mil e vinte e seis"
    assert numero_por_extenso(60) == "sessenta"
    assert numero_por_extenso(30) == "trinta"
    assert numero_por_extenso(100) == "cem"
    assert numero_por_extenso(101) == "cento e um"
    assert numero_por_extenso(1001) == "mil e um"
    assert numero_por_extenso(1100) == "mil e cem"
    assert numero_por_extenso(1101) == "mil cento e um"
    assert numero_por_extenso(1_200_000) == "um milhão e duzentos mil"
    assert numero_por_extenso(2, "f") == "duas"
    assert numero_por_extenso(21, "f") == "vinte e uma"
    assert numero_por_extenso(200, "f") == "duzentas"
    assert quantidade(60, "meses") == "60 (sessenta) meses"
    assert quantidade(15, "dias") == "15 (quinze) dias"


@given(st.integers(min_value=0, max_value=999_999_999), st.sampled_from(["m", "f"]))
def test_numbers_in_words_read_back(n, genero):
    texto = numero_por_extenso(n, genero)
    assert _ler_extenso(texto) == n
    assert "  " not in texto and not texto.startswith("e ") and not texto.endswith(" e")
    if (n // 1000) % 1000 == 1:  # one thousand is "mil", never "um mil"
        assert not re.search(r"(^| )um mil( |$)", texto)


def test_ordinals_short_and_in_words():
    assert ordinal(1) == "1º" and ordinal(3, "f") == "3ª"
    assert ordinal_por_extenso(1, "f") == "primeira"
    assert ordinal_por_extenso(11, "f") == "décima primeira"
    assert ordinal_por_extenso(20) == "vigésimo"
    assert ordinal_por_extenso(42) == "quadragésimo segundo"
    assert ordinal_por_extenso(100, "f") == "centésima"


@given(st.integers(min_value=1, max_value=999))
def test_ordinals_in_words_agree_in_gender(n):
    masc, fem = ordinal_por_extenso(n), ordinal_por_extenso(n, "f")
    assert all(p.endswith("o") for p in masc.split())
    assert all(p.endswith("a") for p in fem.split())
    assert len(masc.split()) == len(fem.split()) == sum(1 for d in f"{n:03d}" if d != "0")


# -- sentences --------------------------------------------------------------------------


def test_enumerations_end_with_semicolon_and_e_then_full_stop():
    assert itens_enumerados(["um", "dois;", "três."]) == ["um;", "dois; e", "três."]
    assert itens_enumerados(["só"]) == ["só."]
    assert itens_enumerados([]) == []


def test_sentences_get_a_full_stop_once():
    assert frase("Comunica o resgate") == "Comunica o resgate."
    assert frase("Comunica o resgate.  ") == "Comunica o resgate."
    assert frase("") == ""
    assert primeira_minuscula("Porta de entrada") == "porta de entrada"
    assert primeira_minuscula("SUAS e saúde") == "SUAS e saúde"


# -- numbering a whole act ------------------------------------------------------------------


def _ato(n_artigos: int) -> list[Capitulo]:
    primeiro = Artigo(
        "Fica instituído o Fluxo.",
        paragrafos=[Paragrafo("O Fluxo abrange:", incisos("a", "b", "c"))],
    )
    adesao = Artigo("A adesão se dá por Termo.", chave="adesao")
    cita = Artigo("Os pontos focais de que trata o {art:adesao} são dois.")
    resto = [Artigo(f"Texto {i}.") for i in range(n_artigos)]
    final = Artigo(
        "Disposições.", paragrafos=[Paragrafo("Primeiro."), Paragrafo("Segundo.")], chave="fim"
    )
    return [
        Capitulo("DAS DISPOSIÇÕES GERAIS", [primeiro, *resto]),
        Capitulo("DA ADESÃO", [adesao, cita]),
        Capitulo("DAS DISPOSIÇÕES FINAIS", [final]),
    ]


def test_numbering_runs_across_chapters_and_resolves_citations():
    corpo = numerar(_ato(8))
    texto = texto_corrido(corpo)
    assert corpo[0]["rotulo"] == "CAPÍTULO I – DAS DISPOSIÇÕES GERAIS"
    assert "Art. 1º Fica instituído o Fluxo." in texto
    assert "Parágrafo único. O Fluxo abrange:" in texto
    assert "I – a;\nII – b; e\nIII – c." in texto
    assert "Art. 9º Texto 7." in texto
    assert "Art. 10. A adesão se dá por Termo." in texto
    assert "Art. 11. Os pontos focais de que trata o art. 10 são dois." in texto
    assert "§ 1º Primeiro.\n§ 2º Segundo." in texto
    assert corpo[2]["rotulo"] == "CAPÍTULO III – DAS DISPOSIÇÕES FINAIS"


@given(st.integers(min_value=0, max_value=30))
def test_inserting_articles_renumbers_citations(n):
    corpo = numerar(_ato(n))
    adesao = corpo[1]["artigos"][0]
    assert adesao["numero"] == n + 2
    assert f"de que trata o {citar_artigo(n + 2)} " in corpo[1]["artigos"][1]["caput"]


def test_unknown_citation_is_a_programming_error():
    with pytest.raises(ValueError):
        numerar([Capitulo("X", [Artigo("Ver {art:nada}.")])])


# -- names of places, bodies and laws ---------------------------------------------------------


def test_territory_names_take_the_right_contraction():
    from pacto.domain.models import Rede
    from pacto.domain.territorio import diario_oficial, territorio

    assert territorio(Rede("R", "RR")).no == "no Estado de Roraima"
    assert territorio(Rede("R", "BA")).nome == "Estado da Bahia"
    assert territorio(Rede("R", "RJ")).ente == "GOVERNO DO ESTADO DO RIO DE JANEIRO"
    assert territorio(Rede("R", "RR")).cidade == "Boa Vista/RR"
    assert territorio(Rede("R", "DF")).no == "no Distrito Federal"
    campinas = territorio(Rede("R", "SP", "Campinas"))
    assert campinas.no == "no Município de Campinas" and campinas.cidade == "Campinas/SP"
    assert campinas.ente == "PREFEITURA MUNICIPAL DE CAMPINAS"
    assert diario_oficial(Rede("R", "PA")) == "Diário Oficial do Estado do Pará"


def test_institution_names_agree_in_gender():
    from pacto.domain.redacao import contracao, genero_do_nome

    assert contracao("por", "Núcleo de Enfrentamento") == "pelo"
    assert contracao("a", "Secretaria de Estado") == "à"
    assert contracao("a", "Conselho Tutelar") == "ao"
    assert contracao("de", "Defensoria Pública") == "da"
    assert genero_do_nome("Comitê Estadual") == "m"
    assert genero_do_nome("Superintendência Regional") == "f"
    assert genero_do_nome("Coordenação-Geral") == "f"


def test_legal_citations_are_listed_as_official_texts_do():
    from pacto.domain.legislacao import base_legal, com_contracao, enumerar

    assert base_legal() == (
        "na Lei nº 13.344, de 6 de outubro de 2016, no Decreto nº 5.948, de 26 de outubro de "
        "2006, e no Decreto nº 12.121, de 30 de julho de 2024"
    )
    assert base_legal("Portaria SEJUC nº 12, de 26 de novembro de 2026").endswith(
        "no Decreto nº 12.121, de 30 de julho de 2024, e na Portaria SEJUC nº 12, de 26 de "
        "novembro de 2026"
    )
    assert (
        com_contracao("Decreto nº 1, de 2 de janeiro de 2025")
        == "no Decreto nº 1, de 2 de janeiro de 2025"
    )
    assert enumerar(["a", "b"]) == "a e b" and enumerar(["só"]) == "só"
