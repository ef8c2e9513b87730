"""The periodic evaluation of the flow (booklet, roadmap step 14): what works, what to improve,
what to stop, and the targets of the next period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pacto.domain.errors import ErroValidacao
from pacto.domain.validation import validar_texto

PERIODICIDADES = {"semestral": "Semestral", "anual": "Anual"}
GRADE = (
    ("funciona", "O que está funcionando como esperado"),
    ("melhorar", "O que pode ser melhorado"),
    ("descontinuar", "O que não funcionou e deve ser descontinuado"),
)


@dataclass
class Avaliacao:
    """The grid of one evaluation meeting."""

    reuniao_id: int
    periodicidade: str
    funciona: str = ""
    melhorar: str = ""
    descontinuar: str = ""
    id: int | None = None

    @property
    def preenchida(self) -> bool:
        """True when at least one column of the grid was filled."""
        return any(getattr(self, campo).strip() for campo, _ in GRADE)


def validar_avaliacao(avaliacao: Avaliacao) -> Avaliacao:
    """Check the period kind and clean the three texts, reporting every problem at once."""
    problemas = []
    chave = (avaliacao.periodicidade or "").strip().casefold()
    if chave not in PERIODICIDADES:
        problemas.append("Periodicidade inválida: use semestral ou anual.")
    avaliacao.periodicidade = chave
    for campo, rotulo in GRADE:
        try:
            valor = validar_texto(rotulo.lower(), getattr(avaliacao, campo), obrigatorio=False)
            setattr(avaliacao, campo, valor)
        except ErroValidacao as erro:
            problemas.extend(erro.problemas)
    if problemas:
        raise ErroValidacao(problemas)
    return avaliacao


def periodo_seguinte(dia: date, periodicidade: str) -> str:
    """The period whose targets an evaluation on this day should set: '2027' or '2027-S1'."""
    if periodicidade == "anual":
        return str(dia.year + 1)
    return f"{dia.year}-S2" if dia.month <= 6 else f"{dia.year + 1}-S1"
