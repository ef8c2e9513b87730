"""Rules of Brazilian official writing: dates in full, LC 95/1998 numbering, ordinals, numbers in words.

Pure functions, so every document (Termo, Portaria, Decreto, ata) writes dates and numbers
the same way and tests can check the rules without a template.
"""

from __future__ import annotations

import re
from datetime import date

from pacto.domain.errors import ErroValidacao

MESES = (
    "janeiro", "fevereiro", "março", "abril", "maio", "junho",
    "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
)  # fmt: skip

ESTILOS_ARTIGO = {
    "lc95": "Art. 1º … Art. 9º, Art. 10. (LC nº 95/1998, padrão federal)",
    "sp": "Artigo 1º - … Artigo 10 - (padrão do Estado de São Paulo)",
}
ESTILO_PADRAO = "lc95"

_ROMANOS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip

_UNIDADES = (
    "zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
    "onze", "doze", "treze", "quatorze", "quinze", "dezesseis", "dezessete", "dezoito",
    "dezenove",
)  # fmt: skip
_DEZENAS = (
    "", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta",
    "noventa",
)  # fmt: skip
_CENTENAS = (
    "", "cento", "duzentos", "trezentos", "quatrocentos", "quinhentos", "seiscentos",
    "setecentos", "oitocentos", "novecentos",
)  # fmt: skip

_ORDINAIS_UNIDADE = (
    "", "primeir", "segund", "terceir", "quart", "quint", "sext", "sétim", "oitav", "non",
)  # fmt: skip
_ORDINAIS_DEZENA = (
    "", "décim", "vigésim", "trigésim", "quadragésim", "quinquagésim", "sexagésim",
    "septuagésim", "octogésim", "nonagésim",
)  # fmt: skip
_ORDINAIS_CENTENA = (
    "", "centésim", "ducentésim", "tricentésim", "quadringentésim", "quingentésim",
    "sexcentésim", "septingentésim", "octingentésim", "nongentésim",
)  # fmt: skip


# -- numbers -----------------------------------------------------------------


def romano(n: int) -> str:
    """An inciso's or chapter's number in Roman numerals: 4 -> 'IV'."""
    if not 1 <= n <= 3999:
        raise ValueError(f"número romano fora do intervalo: {n}")
    partes = []
    for valor, simbolo in _ROMANOS:
        quantos, n = divmod(n, valor)
        partes.append(simbolo * quantos)
    return "".join(partes)


def letra_alinea(n: int) -> str:
    """The letter of the n-th alínea: 1 -> 'a', 26 -> 'z', 27 -> 'aa'."""
    if n < 1:
        raise ValueError(f"alínea inválida: {n}")
    letras = ""
    while n:
        n, resto = divmod(n - 1, 26)
        letras = chr(ord("a") + resto) + letras
    return letras


def ordinal(n: int, genero: str = "m") -> str:
    """A short ordinal: 1 -> '1º', or '1ª' in the feminine ('3ª Reunião')."""
    return f"{n}{'ª' if genero == 'f' else 'º'}"


def _feminino(palavra: str) -> str:
    if palavra == "um":
        return "uma"
    if palavra == "dois":
        return "duas"
    if palavra.endswith("entos"):
        return palavra[:-5] + "entas"
    return palavra


def _ate_999(n: int, genero: str) -> str:
    if n == 100:
        return "cem"
    centena, resto = divmod(n, 100)
    partes = []
    if centena:
        partes.append(_feminino(_CENTENAS[centena]) if genero == "f" else _CENTENAS[centena])
    if resto:
        if resto < 20:
            palavra = _UNIDADES[resto]
            partes.append(_feminino(palavra) if genero == "f" else palavra)
        else:
            dezena, unidade = divmod(resto, 10)
            partes.append(_DEZENAS[dezena])
            if unidade:
                palavra = _UNIDADES[unidade]
                partes.append(_feminino(palavra) if genero == "f" else palavra)
    return " e ".join(partes)


def numero_por_extenso(n: int, genero: str = "m") -> str:
    """A cardinal number in words, as deeds and minutes write it: 2026 -> 'dois mil e vinte e seis'.

    genero='f' agrees with a feminine noun ('duas horas', 'vinte e uma reuniões').
    Handles 0 to 999 999 999.
    """
    if not 0 <= n < 1_000_000_000:
        raise ValueError(f"número fora do intervalo do extenso: {n}")
    if n == 0:
        return "zero"
    milhoes, resto = divmod(n, 1_000_000)
    milhares, unidades = divmod(resto, 1000)
    grupos: list[tuple[str, int]] = []
    if milhoes:
        grupos.append(
            (_ate_999(milhoes, "m") + (" milhão" if milhoes == 1 else " milhões"), milhoes)
        )
    if milhares:
        grupos.append(("mil" if milhares == 1 else _ate_999(milhares, genero) + " mil", milhares))
    if unidades:
        grupos.append((_ate_999(unidades, genero), unidades))
    texto = " ".join(palavra for palavra, _ in grupos[:-1])
    ultimo, valor = grupos[-1]
    if not texto:
        return ultimo
    # the last group takes "e" when it is below one hundred or a round hundred
    return f"{texto}{' e ' if valor < 100 or valor % 100 == 0 else ' '}{ultimo}"


def ordinal_por_extenso(n: int, genero: str = "m") -> str:
    """An ordinal in words: 11 -> 'décimo primeiro', or 'décima primeira' (clauses, meetings)."""
    if not 1 <= n <= 999:
        raise ValueError(f"ordinal fora do intervalo: {n}")
    terminacao = "a" if genero == "f" else "o"
    centena, resto = divmod(n, 100)
    dezena, unidade = divmod(resto, 10)
    partes = [
        raiz + terminacao
        for raiz in (
            _ORDINAIS_CENTENA[centena],
            _ORDINAIS_DEZENA[dezena],
            _ORDINAIS_UNIDADE[unidade],
        )
        if raiz
    ]
    return " ".join(partes)


def quantidade(n: int, substantivo: str, genero: str = "m") -> str:
    """A number as contracts write it: '60 (sessenta) meses', '30 (trinta) dias'."""
    return f"{n} ({numero_por_extenso(n, genero)}) {substantivo}"


# -- dates ---------------------------------------------------------------------


def data_por_extenso(d: date) -> str:
    """A date as official texts write it: '26 de novembro de 2026', '1º de dezembro de 2026'."""
    dia = "1º" if d.day == 1 else str(d.day)
    return f"{dia} de {MESES[d.month - 1]} de {d.year}"


def data_epigrafe(d: date) -> str:
    """The date of an act's epígrafe, in capitals: 'DE 26 DE NOVEMBRO DE 2026'."""
    return f"DE {data_por_extenso(d).upper()}"


def data_curta(d: date) -> str:
    """A date as tables show it: '26/11/2026' (four-digit year even for year 1, which strftime
    would not pad)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


# -- LC 95/1998 labels ---------------------------------------------------------


def _estilo(estilo: str) -> str:
    if estilo not in ESTILOS_ARTIGO:
        raise ValueError(f"estilo de artigos desconhecido: {estilo}")
    return estilo


def rotulo_artigo(n: int, estilo: str = ESTILO_PADRAO) -> str:
    """An article's label: 'Art. 1º' … 'Art. 9º', then 'Art. 10.' (LC 95/1998, art. 10, I).

    In the São Paulo style: 'Artigo 1º -' … 'Artigo 10 -'.
    """
    if n < 1:
        raise ValueError(f"artigo inválido: {n}")
    if _estilo(estilo) == "sp":
        return f"Artigo {ordinal(n) if n <= 9 else n} -"
    return f"Art. {ordinal(n)}" if n <= 9 else f"Art. {n}."


def rotulo_paragrafo(n: int, total: int, estilo: str = ESTILO_PADRAO) -> str:
    """A paragraph's label: 'Parágrafo único.' when alone, else '§ 1º' … '§ 10.'."""
    if not 1 <= n <= total:
        raise ValueError(f"parágrafo {n} de {total}")
    sp = _estilo(estilo) == "sp"
    if total == 1:
        return "Parágrafo único -" if sp else "Parágrafo único."
    numero = ordinal(n) if n <= 9 else (str(n) if sp else f"{n}.")
    return f"§ {numero} -" if sp else f"§ {numero}"


def rotulo_inciso(n: int, estilo: str = ESTILO_PADRAO) -> str:
    """An inciso's label: 'I –' (LC 95/1998, art. 10, II), or 'I -' in the São Paulo style."""
    return f"{romano(n)} {'-' if _estilo(estilo) == 'sp' else '–'}"


def rotulo_alinea(n: int) -> str:
    """An alínea's label: 'a)'."""
    return f"{letra_alinea(n)})"


def citar_artigo(n: int, estilo: str = ESTILO_PADRAO) -> str:
    """How the text cites an article of the same act: 'art. 9º', 'art. 10' or 'artigo 9º'."""
    numero = ordinal(n) if n <= 9 else str(n)
    return f"{'artigo' if _estilo(estilo) == 'sp' else 'art.'} {numero}"


# -- sentences -------------------------------------------------------------------

_PONTUACAO_FINAL = ".!?…:;"


def frase(texto: str) -> str:
    """The text trimmed and ending in a full stop, as a sentence of a document should."""
    texto = (texto or "").strip()
    if texto and texto[-1] not in _PONTUACAO_FINAL:
        texto += "."
    return texto


def itens_enumerados(itens: list[str]) -> list[str]:
    """Punctuate the items of an enumeration: ';' after each, '; e' before the last, '.' at the end."""
    limpos = [(i or "").strip().rstrip(".;,") for i in itens]
    if not limpos:
        return []
    saida = [f"{item};" for item in limpos[:-2]]
    if len(limpos) >= 2:
        saida.append(f"{limpos[-2]}; e")
    saida.append(f"{limpos[-1]}.")
    return saida


def primeira_minuscula(texto: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ('SUAS', 'NETP')."""
    if not texto:
        return texto
    primeira = texto.split(" ", 1)[0]
    if len(primeira) > 1 and primeira[:2].isupper():
        return texto
    return texto[0].lower() + texto[1:]


# -- agreement with institution names -------------------------------------------------------


def contem_sigla(nome: str, sigla: str) -> bool:
    """Whether the name already carries the acronym as a word: 'Central … – Ligue 180'."""
    sigla = (sigla or "").strip()
    return bool(sigla) and re.search(rf"(?<!\w){re.escape(sigla)}(?!\w)", nome or "") is not None


def nome_e_sigla(nome: str, sigla: str) -> str:
    """'Hospital Geral de Roraima (HGR)', as documents name a body, never repeating an acronym
    the name already carries nor doubling parentheses: 'Procuradoria … (Ministério Público
    Federal – MPF-RR)'."""
    nome, sigla = (nome or "").strip(), (sigla or "").strip()
    if not sigla or sigla == nome or contem_sigla(nome, sigla):
        return nome
    if nome.endswith(")") and "(" in nome:
        return f"{nome[:-1]} – {sigla})"
    return f"{nome} ({sigla})"


_MASCULINOS = {
    "sistema", "programa", "dia", "posto", "núcleo", "centro", "comitê", "conselho",
    "departamento", "instituto", "ministério", "hospital", "serviço", "tribunal", "governo",
    "gabinete", "escritório", "consulado", "órgão", "fórum", "observatório", "grupo",
    "juizado", "abrigo", "batalhão", "comando", "corpo", "disque", "ligue", "sine",
    "alto", "fundo",
}  # fmt: skip
_FEMININOS = {"rede", "ordem", "pastoral", "sede"}
_FEMININOS_FINAIS = ("a", "ão", "ade", "ência", "ância", "ia", "ção", "gem")


def genero_do_nome(nome: str) -> str:
    """'m' or 'f' for an institution's name, from its first word: 'Núcleo…' m, 'Secretaria…' f."""
    primeira = re.split(r"[\s\-–]", (nome or "").strip(), maxsplit=1)[0].strip("(),.").casefold()
    if primeira in _MASCULINOS:
        return "m"
    if primeira in _FEMININOS:
        return "f"
    return "f" if primeira.endswith(_FEMININOS_FINAIS) else "m"


def contracao(preposicao: str, nome: str) -> str:
    """A preposition joined to the article the name takes: ('por', 'Secretaria…') -> 'pela'."""
    feminino = genero_do_nome(nome) == "f"
    formas = {
        "a": ("à", "ao"),
        "de": ("da", "do"),
        "em": ("na", "no"),
        "por": ("pela", "pelo"),
        "": ("a", "o"),
    }
    if preposicao not in formas:
        raise ValueError(f"preposição sem contração conhecida: {preposicao}")
    feminina, masculina = formas[preposicao]
    return feminina if feminino else masculina


_NUMERO_ATO = re.compile(r"\d{1,9}(?:[./-][0-9A-Za-z]{1,9}){0,2}")


def validar_numero_ato(numero: str) -> str:
    """Check the number of an act as an official text cites it (“12”, “12/2026”, “045-A”):
    digits first, a positive number, nothing a reader would take for a typo such as “-12”."""
    numero = (numero or "").strip()
    if numero and (not _NUMERO_ATO.fullmatch(numero) or not int(re.match(r"\d+", numero)[0])):
        raise ErroValidacao(
            f"Número do ato inválido: “{numero[:40]}”. Use um número positivo, como 12 ou 12/2026."
        )
    return numero
