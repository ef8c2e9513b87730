"""Secondary suppression in the NETP report: given everything published, every “<5” can still be
1, 2, 3 or 4 — checked by enumerating the integer solutions of the published cells."""

import itertools
import random
from datetime import datetime

import pytest
from openpyxl import load_workbook

from pacto.domain.netp import (
    COMPLEMENTAR,
    PRIMARIA,
    bloco,
    padrao_de_supressao,
)

TETO = 40  # enumeration bound for an "x" cell: above every true count in these tables


def _valores_possiveis(
    publicadas: list[list[list]], coluna: int
) -> dict[tuple[int, int], set[int]]:
    """Enumerate every assignment of the column's hidden cells consistent with what is published:
    visible counts exact, "<5" in 1..4, "x" in 0..TETO, and equal column sums in both tables."""
    ocultas = [
        (t, i)
        for t, tabela in enumerate(publicadas)
        for i, linha in enumerate(tabela)
        if isinstance(linha[coluna], str)
    ]
    dominios = [
        range(1, 5) if publicadas[t][i][coluna] == PRIMARIA else range(TETO + 1) for t, i in ocultas
    ]
    possiveis = {c: set() for c in ocultas}
    for escolha in itertools.product(*dominios):
        valor = dict(zip(ocultas, escolha, strict=True))
        somas = [
            sum(valor.get((t, i), linha[coluna]) for i, linha in enumerate(tabela))
            for t, tabela in enumerate(publicadas)
        ]
        if len(set(somas)) == 1:
            for c, v in valor.items():
                possiveis[c].add(v)
    return possiveis


def _publicar(tabelas, marcas):
    return [
        [[m or v for v, m in zip(linha, ml, strict=True)] for linha, ml in zip(t, mt, strict=True)]
        for t, mt in zip(tabelas, marcas, strict=True)
    ]


def _assert_protegidas(publicadas):
    for coluna in range(len(publicadas[0][0])):
        for (t, i), valores in _valores_possiveis(publicadas, coluna).items():
            if publicadas[t][i][coluna] == PRIMARIA:
                assert valores >= {1, 2, 3, 4}, (t, i, coluna, valores)


def test_naive_suppression_leaks_and_the_pattern_closes_it():
    # Feminino: 3 + 10 in the first table, 13 people in the second: 13 - 10 gives the 3 away
    tabelas = [[[3, 0], [10, 6]], [[13, 6], [0, 0]]]
    ingenua = [[[PRIMARIA if 0 < v < 5 else "" for v in linha] for linha in t] for t in tabelas]
    vazou = _valores_possiveis(_publicar(tabelas, ingenua), 0)
    assert vazou[(0, 0)] == {3}  # the leak the issue describes
    marcas = padrao_de_supressao(tabelas)
    assert marcas[0][0][0] == PRIMARIA and COMPLEMENTAR in {
        m for t in marcas for li in t for m in li
    }
    _assert_protegidas(_publicar(tabelas, marcas))


@pytest.mark.parametrize("semente", range(12))
def test_random_tables_over_the_same_people_keep_every_small_cell_open(semente):
    sorteio = random.Random(semente)
    linhas_a, linhas_b, colunas = 4, 3, 2
    primeira = [
        [sorteio.choice([0, 0, 1, 2, 3, 4, 5, 7, 9]) for _ in range(colunas)]
        for _ in range(linhas_a)
    ]
    segunda = [[0] * colunas for _ in range(linhas_b)]
    for j in range(colunas):  # spread the same people over the second table's rows
        for _ in range(sum(linha[j] for linha in primeira)):
            segunda[sorteio.randrange(linhas_b)][j] += 1
    tabelas = [primeira, segunda]
    marcas = padrao_de_supressao(tabelas)
    for t, tabela in enumerate(tabelas):  # every 1–4 hidden as "<5", nothing else as "<5"
        for i, linha in enumerate(tabela):
            for j, v in enumerate(linha):
                assert (marcas[t][i][j] == PRIMARIA) == (0 < v < 5)
    _assert_protegidas(_publicar(tabelas, marcas))


def test_report_stores_numbers_as_numbers_and_protects_every_small_cell(ws_demo, tmp_path):
    from pacto.services.netp_planilhas import gerar_relatorio
    from pacto.store.netp_repo import EnvioNetp

    fin, faixa = bloco("finalidade_sexo"), bloco("faixa_sexo")
    contagens = {
        ("finalidade_sexo", fin.linhas[0], "Feminino"): 3,
        ("finalidade_sexo", fin.linhas[1], "Feminino"): 10,
        ("finalidade_sexo", fin.linhas[1], "Masculino"): 6,
        ("faixa_sexo", faixa.linhas[2], "Feminino"): 13,
        ("faixa_sexo", faixa.linhas[3], "Masculino"): 6,
        ("etapa", bloco("etapa").linhas[0], "Quantidade"): 8,
    }
    hgr = ws_demo.instituicao_por_sigla("HGR")
    ws_demo.registrar_envio_netp(EnvioNetp("2026-11", hgr.id, datetime(2026, 12, 1), contagens))
    arquivo = gerar_relatorio(ws_demo, "2026-11", tmp_path / "relatorio.xlsx")
    folha = load_workbook(arquivo).active
    linhas = [[c.value for c in linha] for linha in folha.iter_rows()]

    def tabela(b):
        inicio = next(n for n, linha in enumerate(linhas) if linha[0] == b.titulo) + 2
        return [linha[1 : 1 + len(b.colunas)] for linha in linhas[inicio : inicio + len(b.linhas)]]

    publicadas = [tabela(fin), tabela(faixa)]
    numeros = [v for t in publicadas for linha in t for v in linha if not isinstance(v, str)]
    assert numeros and all(isinstance(v, int) for v in numeros)  # Excel can add them up
    assert 10 not in numeros or 13 not in numeros  # one of them hidden as "x"
    assert sum(v == PRIMARIA for t in publicadas for linha in t for v in linha) == 1
    _assert_protegidas(publicadas)
    etapa = tabela(bloco("etapa"))
    assert etapa[0] == [8]
