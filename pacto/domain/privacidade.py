"""Privacy guard for free text: minutes and suggestions are about the network, never about a victim.

`verificar_privacidade` looks for what should never be written in an ata or a suggestion — a CPF,
a victim's phone, birth date, name, document or address — and returns warnings to show before
saving. It is a guard rail, not a proof: it errs on the side of warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pacto.domain.text import so_digitos


@dataclass(frozen=True)
class AlertaPrivacidade:
    """One suspicious passage: what it looks like and where it is in the text."""

    motivo: str
    trecho: str
    inicio: int
    fim: int

    def __str__(self) -> str:
        return f"{self.motivo}: “{self.trecho}”"


# A person (in the singular: counts of "vítimas" are aggregated data, welcome in minutes).
_VITIMA = r"(?:v[ií]tima|sobrevivente|familiar\s+d[ae]\s+v[ií]tima)(?!s)"
_PERTO = 60  # characters either side that count as "near"

_CPF_FORMATADO = re.compile(r"(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d])")
_ONZE_DIGITOS = re.compile(r"(?<![\d./-])\d{11}(?![\d/-])")
_CPF_PALAVRA = re.compile(r"\bCPF\b[\s:nº°.]*[\d.\-\s]{6,}", re.IGNORECASE)
_TELEFONE = re.compile(r"(?<!\d)(?:\+?55\s*)?(?:\(?\d{2}\)?[\s.-]*)?9?\d{4}[\s.-]?\d{4}(?!\d)")
_DATA = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)")
_IDADE = re.compile(r"\b\d{1,2}\s+anos\b", re.IGNORECASE)
_NASCIMENTO = re.compile(r"\b(?:nascid[oa]s?|nascimento|d\.?\s?n\.?)(?=\W)", re.IGNORECASE)
_RNM = re.compile(r"\b(?:RNM|RNE|CRNM)\b[\s:nº°.]*[A-Z]?\d[\dA-Z\-.]{4,}", re.IGNORECASE)
_RNM_FORMATO = re.compile(r"\b[VFGvfg]\d{6}-[0-9A-Za-z]\b")
_PASSAPORTE = re.compile(
    r"\bpassaporte\b[\s:nº°.]*(?:n[º°o.]?\s*)?[A-Z]{0,2}\d[\dA-Z]{5,}", re.IGNORECASE
)
_RG = re.compile(r"\bRG\b[\s:nº°.]*\d[\d.\-xX]{4,}")
_PROCESSO_CNJ = re.compile(r"\b\d{7}-\d{2}\.\d{4}\.\d\.\d{2}\.\d{4}\b")
# the look-behind keeps the search linear on long text
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")
_NOME_APOS_VITIMA = re.compile(
    r"\bv[ií]tima\b[,:]?\s+(?:chamad[ao]\s+|de\s+nome\s+|identificad[ao]\s+como\s+)?"
    r"([A-ZÁÉÍÓÚÂÊÔÃÕÇ][a-záéíóúâêôãõç]+(?:\s+(?:d[aeo]s?\s+)?[A-ZÁÉÍÓÚÂÊÔÃÕÇ][a-záéíóúâêôãõç]+)+)"
)
_EXPRESSOES = re.compile(
    r"\b(?:(?:nome|endere[cç]o|telefone|celular|whats(?:app)?|contato|cpf|rg|documento|"
    r"passaporte|e-?mail|foto|fotografia|resid[eê]ncia)\s+d[ao]s?\s+(?:v[ií]tima|sobrevivente)|"
    r"data\s+de\s+nascimento|chamad[ao]\s+de\s+v[ií]tima|mora\s+na\s+rua)\b",
    re.IGNORECASE,
)


def _cpf_digitos_validos(digitos: str) -> bool:
    """True when 11 digits carry correct CPF check digits (python-stdnum's rule)."""
    from stdnum.br import cpf  # here: only texts with an 11-digit run pay the import

    digitos = "".join(c for c in digitos if c.isdigit())
    return len(digitos) == 11 and cpf.is_valid(digitos)


def _posicoes_vitima(texto: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(_VITIMA, texto, re.IGNORECASE)]


def _perto(inicio: int, fim: int, posicoes: list[tuple[int, int]], alcance: int = _PERTO) -> bool:
    return any(i - alcance <= fim and inicio <= f + alcance for i, f in posicoes)


def verificar_privacidade(texto: str) -> list[AlertaPrivacidade]:
    """Warnings for passages that look like personal data of a victim, in text order."""
    texto = texto or ""
    alertas: list[AlertaPrivacidade] = []

    def alertar(motivo: str, achado: re.Match) -> None:
        alertas.append(AlertaPrivacidade(motivo, achado.group(0).strip(), *achado.span()))

    vitima = _posicoes_vitima(texto)
    nascimento = [(m.start(), m.end()) for m in _NASCIMENTO.finditer(texto)]
    for achado in _CPF_FORMATADO.finditer(texto):
        alertar("Parece um CPF", achado)
    for achado in _ONZE_DIGITOS.finditer(texto):
        if _cpf_digitos_validos(achado.group(0)):
            alertar("Parece um CPF", achado)
        else:
            alertar("Sequência de 11 dígitos (pode ser um CPF ou um telefone pessoal)", achado)
    for achado in _CPF_PALAVRA.finditer(texto):
        alertar("Número de CPF", achado)
    for achado in _PROCESSO_CNJ.finditer(texto):
        alertar("Número de processo judicial (identifica um caso)", achado)
    for padrao in (_RNM, _RNM_FORMATO):
        for achado in padrao.finditer(texto):
            alertar("Parece um RNM (registro de migrante)", achado)
    for achado in _PASSAPORTE.finditer(texto):
        alertar("Número de passaporte", achado)
    for achado in _RG.finditer(texto):
        alertar("Número de RG", achado)
    for achado in _TELEFONE.finditer(texto):
        if len(so_digitos(achado.group(0))) >= 8 and _perto(*achado.span(), vitima):
            alertar("Telefone perto de “vítima”", achado)
    for achado in _EMAIL.finditer(texto):
        if _perto(*achado.span(), vitima):
            alertar("E-mail perto de “vítima”", achado)
    for achado in _DATA.finditer(texto):
        if _perto(*achado.span(), nascimento, 40):
            alertar("Data de nascimento", achado)
        elif _perto(*achado.span(), vitima, 40):
            alertar("Data perto de “vítima” (pode ser nascimento ou detalhe do caso)", achado)
    for achado in _IDADE.finditer(texto):
        if _perto(*achado.span(), vitima, 40):
            alertar("Idade de uma vítima", achado)
    for achado in _NOME_APOS_VITIMA.finditer(texto):
        alertar("Parece o nome de uma vítima", achado)
    for achado in _EXPRESSOES.finditer(texto):
        alertar("Dado pessoal de vítima", achado)
    return _sem_sobreposicao(alertas)


def _sem_sobreposicao(alertas: list[AlertaPrivacidade]) -> list[AlertaPrivacidade]:
    """Keep one warning per passage: the first found for overlapping spans, in text order."""
    escolhidos: list[AlertaPrivacidade] = []
    for alerta in alertas:
        if not any(alerta.inicio < a.fim and a.inicio < alerta.fim for a in escolhidos):
            escolhidos.append(alerta)
    return sorted(escolhidos, key=lambda a: a.inicio)


OCULTADO = "[dado ocultado]"


def ocultar(texto: str, alertas: list[AlertaPrivacidade] | None = None) -> str:
    """The text with every suspicious passage replaced by "[dado ocultado]".

    What an autosave may write before the facilitator decides: the passages found by
    `verificar_privacidade` (or the `alertas` given, computed on this same text) never reach
    the file as typed.
    """
    texto = texto or ""
    if alertas is None:
        alertas = verificar_privacidade(texto)
    partes: list[str] = []
    posicao = 0
    for alerta in sorted(alertas, key=lambda a: a.inicio):
        if alerta.inicio < posicao:  # overlapping spans: the earlier one already covers it
            posicao = max(posicao, alerta.fim)
            continue
        partes.append(texto[posicao : alerta.inicio])
        partes.append(OCULTADO)
        posicao = alerta.fim
    partes.append(texto[posicao:])
    return "".join(partes)


AVISO_PRIVACIDADE = (
    "A ata e as sugestões tratam da rede, nunca de casos: não registre nome, documento, "
    "contato, nascimento ou relato de vítimas (Lei 13.344/2016, art. 6º, IV; LGPD)."
)


def descrever_alertas(alertas: list[AlertaPrivacidade], limite: int = 5) -> str:
    """The warnings as lines for a dialog or the terminal."""
    linhas = [f"• {alerta}" for alerta in alertas[:limite]]
    if len(alertas) > limite:
        linhas.append(f"• … e mais {len(alertas) - limite}")
    return "\n".join(linhas)
