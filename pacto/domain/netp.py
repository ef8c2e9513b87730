"""Aggregated information to the NETP: the form's blocks, small-count suppression and the personal-data guard."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pacto.domain.calendario import ano_aceito, faixa_de_datas
from pacto.domain.catalog import etapas_padrao, finalidades
from pacto.domain.errors import ErroValidacao
from pacto.domain.text import chave_comparacao

LIMITE_SUPRESSAO = 5  # counts from 1 to 4 are shown as "<5"
SEXOS = ("Feminino", "Masculino", "Outro ou não informado")
FAIXAS_ETARIAS = (
    "0 a 11 anos",
    "12 a 17 anos",
    "18 a 29 anos",
    "30 a 59 anos",
    "60 anos ou mais",
    "Idade não informada",
)
_MES = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Bloco:
    """One cross-table of the monthly form: row labels × column labels, counts in the cells."""

    chave: str
    titulo: str
    linhas: tuple[str, ...]
    colunas: tuple[str, ...]


@cache
def blocos() -> tuple[Bloco, ...]:
    """The three tables each institution fills every month, with counts only."""
    nomes_finalidades = tuple(f.nome for f in finalidades()) + ("Finalidade não identificada",)
    return (
        Bloco(
            "finalidade_sexo",
            "Pessoas atendidas no mês, por finalidade (CP, art. 149-A) e sexo",
            nomes_finalidades,
            SEXOS,
        ),
        Bloco(
            "faixa_sexo", "Pessoas atendidas no mês, por faixa etária e sexo", FAIXAS_ETARIAS, SEXOS
        ),
        Bloco(
            "etapa",
            "Casos em que a instituição atuou no mês, por etapa do fluxo",
            tuple(e.nome for e in etapas_padrao()),
            ("Quantidade",),
        ),
    )


def bloco(chave: str) -> Bloco:
    """A block by key."""
    return next(b for b in blocos() if b.chave == chave)


def validar_mes(mes: str) -> str:
    """Check a month written as AAAA-MM."""
    casamento = _MES.fullmatch(mes) if isinstance(mes, str) else None
    if not casamento:
        raise ErroValidacao(
            f"Mês inválido: “{str(mes)[:40]}”. Use o formato AAAA-MM, por exemplo 2026-11."
        )
    if not ano_aceito(int(casamento.group(1))):
        inicio, fim = faixa_de_datas()
        raise ErroValidacao(
            f"Mês fora do intervalo aceito: “{mes}”. Use um mês de {inicio:%m/%Y} a {fim:%m/%Y}."
        )
    return mes


def nome_mes(mes: str) -> str:
    """'2026-11' → 'novembro de 2026'."""
    meses = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
             "setembro", "outubro", "novembro", "dezembro")  # fmt: skip
    ano, numero = validar_mes(mes).split("-")
    return f"{meses[int(numero) - 1]} de {ano}"


def suprimir(valor: int) -> str:
    """A count as published: 1 to 4 become '<5' so no small group can be singled out."""
    if 0 < valor < LIMITE_SUPRESSAO:
        return f"<{LIMITE_SUPRESSAO}"
    return str(valor)


def suprimir_linha(valores: list[int]) -> tuple[list[str], str]:
    """A row's cells and its total as published, the total never giving a hidden cell away.

    With the exact total beside “7 | <5 | 0”, anyone could subtract and find the 3. So when a
    row hides a cell, its total shows only what the visible cells already tell: its minimum,
    each hidden cell counting as 1 (“≥ 8”); a row whose only count is hidden shows “<5”.
    """
    celulas = [suprimir(v) for v in valores]
    escondidas = sum(1 for v in valores if 0 < v < LIMITE_SUPRESSAO)
    visiveis = sum(v for v in valores if v >= LIMITE_SUPRESSAO)
    if not escondidas:
        return celulas, str(sum(valores))
    if escondidas == 1 and not visiveis:
        return celulas, suprimir(sum(valores))
    return celulas, f"≥ {visiveis + escondidas}"


# -- secondary suppression across tables that count the same people -----------------------

PRIMARIA = "<5"  # a count from 1 to 4
COMPLEMENTAR = "x"  # a count hidden only so a "<5" cannot be worked out; any value from 0 up
# tables over the same people: for each column (sex) their column sums are equal
BLOCOS_LIGADOS = ("finalidade_sexo", "faixa_sexo")


def _dominio(marca: str) -> tuple[int, float]:
    return (1, LIMITE_SUPRESSAO - 1) if marca == PRIMARIA else (0, float("inf"))


def _protegida(tabelas, marcas, coluna: int, alvo: tuple[int, int]) -> bool:
    """True when the primary cell `alvo` (table, row) can take every value 1–4 given all that is
    published: visible cells exactly, hidden cells' ranges, and column sums equal across tables.

    The other hidden cells' signed sum covers a contiguous range of integers, so checking the
    range is the same as enumerating their values.
    """
    constante, minimo, maximo = 0, 0.0, 0.0
    sinal_alvo = 0
    for t, (tabela, marcas_t) in enumerate(zip(tabelas, marcas, strict=True)):
        sinal = 1 if t == 0 else -1
        for i, linha in enumerate(tabela):
            marca = marcas_t[i][coluna]
            if (t, i) == alvo:
                sinal_alvo = sinal
            elif not marca:
                constante += sinal * linha[coluna]
            else:
                baixo, alto = _dominio(marca)
                minimo += sinal * baixo if sinal > 0 else sinal * alto
                maximo += sinal * alto if sinal > 0 else sinal * baixo
    # sinal_alvo * v + outros + constante = 0
    return all(minimo <= -constante - sinal_alvo * v <= maximo for v in range(1, LIMITE_SUPRESSAO))


def padrao_de_supressao(tabelas: list[list[list[int]]]) -> list[list[list[str]]]:
    """Marks for tables over the same people: "" shown, "<5" (1 to 4), "x" hidden to protect.

    Counts from 1 to 4 are hidden ("<5"); then, column by column, the smallest other count is
    hidden too ("x") until every "<5" can still be any of 1, 2, 3, 4 for a reader who adds up
    the columns of both tables (they count the same people, so their sums match).
    """
    marcas = [
        [[PRIMARIA if 0 < v < LIMITE_SUPRESSAO else "" for v in linha] for linha in tabela]
        for tabela in tabelas
    ]
    colunas = len(tabelas[0][0]) if tabelas and tabelas[0] else 0
    for j in range(colunas if len(tabelas) > 1 else 0):
        while True:
            expostas = [
                (t, i)
                for t, tabela in enumerate(tabelas)
                for i in range(len(tabela))
                if marcas[t][i][j] == PRIMARIA and not _protegida(tabelas, marcas, j, (t, i))
            ]
            if not expostas:
                break
            candidatas = sorted(
                ((tabelas[t][i][j] < 3, tabelas[t][i][j], t, i)
                 for t, tabela in enumerate(tabelas) for i in range(len(tabela))
                 if not marcas[t][i][j]),
            )  # fmt: skip
            if not candidatas:
                break
            _, _, t, i = candidatas[0]
            marcas[t][i][j] = COMPLEMENTAR
    return marcas


def publicar_linha(valores: list[int], marcas: list[str]) -> tuple[list[int | str], int | str]:
    """A row as published: numbers stay numbers; hidden cells as marked; a total that tells no
    more than the visible cells (its minimum, “≥ n”, when the row hides anything)."""
    celulas: list[int | str] = [m or v for v, m in zip(valores, marcas, strict=True)]
    primarias = sum(1 for m in marcas if m == PRIMARIA)
    ocultas = sum(1 for m in marcas if m)
    visiveis = sum(v for v, m in zip(valores, marcas, strict=True) if not m)
    if not ocultas:
        return celulas, sum(valores)
    if ocultas == primarias == 1 and not visiveis:
        return celulas, PRIMARIA
    return celulas, f"≥ {visiveis + primarias}"


Contagens = dict[tuple[str, str, str], int]  # (bloco, linha, coluna) -> quantidade


def consolidar(envios: list[Contagens]) -> Contagens:
    """Sum the counts of every institution's form for the month."""
    total: Contagens = {}
    for envio in envios:
        for chave, valor in envio.items():
            total[chave] = total.get(chave, 0) + valor
    return total


# -- personal data guard ----------------------------------------------------

_PALAVRAS_PESSOAIS = (
    "nome", "cpf", "rg", "identidade", "passaporte", "rnm", "crnm", "nascimento",
    "data de nasc", "endereco", "logradouro", "residencia", "telefone", "celular",
    "whatsapp", "e-mail", "email", "filiacao", "mae", "pai", "processo", "boletim",
    "relato", "historia", "iniciais",
)  # fmt: skip
_CPF = re.compile(r"\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b")
_DATA = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_TELEFONE = re.compile(r"\(?\b\d{2}\)?\s?9?\d{4}-?\d{4}\b")


def parece_dado_pessoal(texto: str) -> str | None:
    """Why a cell looks like personal data (a header such as 'Nome' or a CPF, date or phone), or None."""
    if not isinstance(texto, str):
        return None
    chave = chave_comparacao(texto)
    if _CPF.search(texto):
        return "parece um CPF"
    if _DATA.search(texto):
        return "parece uma data (de nascimento?)"
    if _TELEFONE.search(texto):
        return "parece um telefone"
    palavras = set(re.findall(r"[a-z0-9-]+", chave))
    for palavra in _PALAVRAS_PESSOAIS:
        if (" " in palavra and palavra in chave) or palavra in palavras:
            return f"parece um campo de dado pessoal (“{texto.strip()[:40]}”)"
    return None
