"""Find the header of an actor spreadsheet and read its data rows into fields.

The header is the row (among the first ones) whose cells name the most known fields; a
merged header cell over sub-headers ("Ponto focal" over "Nome", "Telefone") makes a
two-row header. Columns the user maps by hand (`--coluna nome="Nome do serviço"`) win.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from pacto.domain.colunas_planilha import (
    campo_por_nome,
    classificar_cabecalho,
    nomes_dos_campos,
    normalizar_cabecalho,
    rotulo_campo,
)
from pacto.domain.errors import ErroImportacao
from pacto.domain.importacao import ColunaReconhecida
from pacto.domain.models import Etapa
from pacto.services.planilha_leitura import Grade, Pontuador

_CAMPOS_IDENTIDADE = {"nome", "sigla"}


@dataclass
class LinhaLida:
    """One data row of the sheet: its number as the user sees it and its cells by field."""

    numero: int
    valores: dict[str, str]


@dataclass
class Cabecalho:
    """Where the header is and which column holds which field."""

    primeira_linha: int
    ultima_linha: int
    colunas: dict[int, str] = field(default_factory=dict)  # 0-based column -> field
    reconhecidas: list[ColunaReconhecida] = field(default_factory=list)
    ignoradas: list[str] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)


def interpretar_colunas(pares: Sequence[str]) -> dict[str, str]:
    """Parse `CAMPO=Título da coluna` pairs into {normalised header: field}."""
    manuais: dict[str, str] = {}
    for par in pares:
        nome, sinal, cabecalho = par.partition("=")
        cabecalho = cabecalho.strip().strip("\"'“”").strip()
        if not sinal or not nome.strip() or not cabecalho:
            raise ErroImportacao(f'Use --coluna CAMPO="Título da coluna" (recebido: “{par}”).')
        campo = campo_por_nome(nome)
        if campo is None:
            raise ErroImportacao(
                f"Campo desconhecido em --coluna: “{nome.strip()}”. Campos: {nomes_dos_campos()}."
            )
        manuais[normalizar_cabecalho(cabecalho)] = campo
    return manuais


def _classificar(texto: str, grupo: str, manuais: dict[str, str], etapas) -> str | None:
    chave = normalizar_cabecalho(texto)
    if chave in manuais:
        return manuais[chave]
    return classificar_cabecalho(texto, grupo, etapas)


def pontuador(manuais: dict[str, str], etapas: Sequence[Etapa]) -> Pontuador:
    """How many distinct known fields a row names; 0 unless it names the institution."""

    def pontuar(celulas: list[str]) -> int:
        return _nota(_simples(celulas, manuais, etapas))

    return pontuar


def _mescladas_horizontais(grade: Grade) -> dict[int, list[tuple[int, int]]]:
    """Row number -> column spans (1-based) of merged ranges wider than one column."""
    por_linha: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for r1, c1, r2, c2 in grade.mescladas:
        if c2 > c1:
            for numero in range(r1, r2 + 1):
                por_linha[numero].append((c1, c2))
    return por_linha


def _cabecalho_duplo(
    pai: list[str], filho: list[str], faixas: list[tuple[int, int]], manuais, etapas
) -> list[tuple[str, str | None]]:
    """(header text, field) per column of a two-row header: under a merged cell the sub-header
    is read in the merged cell's context ("Ponto focal" + "Telefone")."""
    resultado = []
    for indice in range(max(len(pai), len(filho))):
        de_cima = " ".join(pai[indice].split()) if indice < len(pai) else ""
        de_baixo = " ".join(filho[indice].split()) if indice < len(filho) else ""
        sob_mescla = any(c1 <= indice + 1 <= c2 for c1, c2 in faixas)
        if sob_mescla and de_baixo and de_baixo != de_cima:
            texto = f"{de_cima} – {de_baixo}" if de_cima else de_baixo
            resultado.append((texto, _classificar(de_baixo, de_cima, manuais, etapas)))
        else:
            texto = de_cima or de_baixo
            campo = _classificar(de_cima, "", manuais, etapas) if de_cima else None
            resultado.append((texto, campo or _classificar(de_baixo, "", manuais, etapas)))
    return resultado


def _simples(celulas: list[str], manuais, etapas) -> list[tuple[str, str | None]]:
    return [(" ".join(c.split()), _classificar(c, "", manuais, etapas)) for c in celulas]


def _nota(colunas: list[tuple[str, str | None]]) -> int:
    """Distinct known fields a header row names; 0 without the institution's name or sigla, or
    for a title merged across the row (the same text in every cell)."""
    textos = {texto for texto, _ in colunas if texto}
    campos = {campo for _, campo in colunas if campo}
    if len(textos) == 1 and sum(1 for texto, _ in colunas if texto) > 1:
        return 0
    return len(campos) if campos & _CAMPOS_IDENTIDADE else 0


def detectar_cabecalho(
    grade: Grade, manuais: dict[str, str], etapas: Sequence[Etapa]
) -> Cabecalho | None:
    """The header of a sheet, or None when no row among the first ones names the institution."""
    amostra = grade.amostra()
    horizontais = _mescladas_horizontais(grade)
    melhor: tuple[int, int, int, list] | None = None  # (nota, -linha, -altura, colunas)
    for posicao, (numero, celulas) in enumerate(amostra):
        opcoes = [(1, _simples(celulas, manuais, etapas))]
        seguinte = amostra[posicao + 1] if posicao + 1 < len(amostra) else None
        if horizontais.get(numero) and seguinte and seguinte[0] == numero + 1:
            duplo = _cabecalho_duplo(celulas, seguinte[1], horizontais[numero], manuais, etapas)
            # two rows only when they say more than the lower one alone (not a title above it)
            if _nota(duplo) > _nota(_simples(seguinte[1], manuais, etapas)):
                opcoes.append((2, duplo))
        for altura, colunas in opcoes:
            # most fields, then most labelled columns (a title has one), then the earliest
            rotulos = len({texto for texto, _ in colunas if texto})
            chave = (_nota(colunas), rotulos, -numero, -altura, colunas)
            if chave[0] and (melhor is None or chave[:4] > melhor[:4]):
                melhor = chave
    if melhor is None:
        return None
    _, _, menos_linha, menos_altura, colunas = melhor
    cabecalho = Cabecalho(-menos_linha, -menos_linha - menos_altura - 1)
    _atribuir_colunas(cabecalho, colunas, manuais, etapas)
    return cabecalho


def _atribuir_colunas(cabecalho: Cabecalho, colunas, manuais, etapas) -> None:
    usados: dict[str, str] = {}
    textos = {normalizar_cabecalho(texto) for texto, _ in colunas}
    for chave, campo in manuais.items():
        if chave not in textos:
            nomes = ", ".join(f"“{t}”" for t, _ in colunas if t)
            raise ErroImportacao(
                f"A coluna indicada para {rotulo_campo(campo, etapas)} não está no cabeçalho "
                f"(linha {cabecalho.primeira_linha}). Colunas encontradas: {nomes}."
            )
    manuais_por_campo = set(manuais.values())
    colunas = _nome_generico_como_pessoa(colunas, manuais_por_campo, cabecalho.avisos)
    for indice, (texto, campo) in enumerate(colunas):
        if not texto:
            continue
        manual = normalizar_cabecalho(texto) in manuais
        if campo and campo in manuais_por_campo and not manual:
            campo = None  # the user chose another column for this field
        if campo is None:
            if texto not in cabecalho.ignoradas:
                cabecalho.ignoradas.append(texto)
            continue
        if campo in usados:
            cabecalho.ignoradas.append(texto)
            cabecalho.avisos.append(
                f"A coluna “{texto}” também parece ser {rotulo_campo(campo, etapas)}; foi usada "
                f"só “{usados[campo]}”. Use --coluna para escolher outra."
            )
            continue
        usados[campo] = texto
        cabecalho.colunas[indice] = campo
        cabecalho.reconhecidas.append(
            ColunaReconhecida(texto, campo, rotulo_campo(campo, etapas), manual)
        )


def _nome_generico_como_pessoa(colunas, manuais_por_campo: set[str], avisos: list[str]):
    """'Nome' beside 'Órgão' names a person: read it as the titular focal point's name."""
    nomes = [i for i, (_, campo) in enumerate(colunas) if campo == "nome"]
    genericos = [i for i in nomes if normalizar_cabecalho(colunas[i][0]) == "nome"]
    especificos = [i for i in nomes if i not in genericos]
    ja_tem_pessoa = any(campo == "ponto_focal" for _, campo in colunas)
    if not genericos or not especificos or "nome" in manuais_por_campo or ja_tem_pessoa:
        return colunas
    colunas = list(colunas)
    indice = genericos[0]
    colunas[indice] = (colunas[indice][0], "ponto_focal")
    avisos.append(
        f"A coluna “{colunas[indice][0]}” foi lida como ponto focal titular, porque "
        f"“{colunas[especificos[0]][0]}” traz o nome da instituição."
    )
    return colunas


def linhas_de_dados(grade: Grade, cabecalho: Cabecalho) -> tuple[list[LinhaLida], list[str]]:
    """The data rows under the header, read into fields; skips section titles and repeated
    headers, saying so."""
    avisos: list[str] = []
    horizontais = _mescladas_horizontais(grade)
    textos_cabecalho = {
        indice: texto.split(" – ")[-1].strip().casefold()
        for indice, texto in enumerate(_textos(cabecalho))
    }
    lidas: list[LinhaLida] = []
    colunas = sorted(cabecalho.colunas.items())
    for numero, celulas in grade.linhas:
        if numero <= cabecalho.ultima_linha:
            continue
        valores = {}
        for indice, campo in colunas:
            if indice < len(celulas):
                texto = celulas[indice]
                if texto and not texto.isspace():
                    valores[campo] = texto
        if not valores:
            continue
        preenchidas = [i + 1 for i, c in enumerate(celulas) if c and not c.isspace()]
        if _titulo_de_secao(preenchidas, horizontais.get(numero, ())):
            avisos.append(
                f"Linha {numero}: “{celulas[preenchidas[0] - 1].strip()}” parece um título de "
                "seção e foi ignorada."
            )
            continue
        iguais = sum(
            1 for i, _ in colunas if i < len(celulas) and textos_cabecalho.get(i)
            and celulas[i].strip().casefold() == textos_cabecalho[i]
        )  # fmt: skip
        if iguais >= max(2, len(colunas) // 2):
            avisos.append(f"Linha {numero}: repete o cabeçalho e foi ignorada.")
            continue
        lidas.append(LinhaLida(numero, valores))
    return lidas, avisos


def _textos(cabecalho: Cabecalho) -> list[str]:
    textos = [""] * (max(cabecalho.colunas, default=-1) + 1)
    por_campo = {c.campo: c.cabecalho for c in cabecalho.reconhecidas}
    for indice, campo in cabecalho.colunas.items():
        textos[indice] = por_campo[campo]
    return textos


def _titulo_de_secao(preenchidas: list[int], faixas: Sequence[tuple[int, int]]) -> bool:
    """True when every filled cell of the row comes from one merged range across columns."""
    return bool(preenchidas) and any(
        c1 <= preenchidas[0] and preenchidas[-1] <= c2 for c1, c2 in faixas
    )
