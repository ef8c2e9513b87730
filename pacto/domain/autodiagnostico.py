"""The self-diagnosis (booklet step 1): questionnaire, answers per run, summary and change since the last run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from pacto.domain.catalog import ler_toml
from pacto.domain.errors import ErroValidacao
from pacto.domain.validation import validar_texto

RESPOSTAS = {"sim": "Sim", "parcial": "Parcial", "nao": "Não", "na": "Não se aplica"}
PESO = {"sim": 1.0, "parcial": 0.5, "nao": 0.0}


@dataclass(frozen=True)
class Item:
    """One question of the self-diagnosis."""

    chave: str
    pergunta: str
    dimensao: str


@dataclass(frozen=True)
class Dimensao:
    """A group of questions, such as 'Equipe e capacitação'."""

    chave: str
    nome: str
    itens: tuple[Item, ...]


@dataclass
class Resposta:
    """The group's answer to one question, with a note and the evidence behind it."""

    item: str
    valor: str
    nota: str = ""
    evidencia: str = ""


@dataclass
class Rodada:
    """One run of the self-diagnosis; runs are kept so the next shows what changed."""

    realizada_em: date
    metodo: str = ""
    participantes: str = ""
    respostas: dict[str, Resposta] = field(default_factory=dict)
    id: int | None = None


@cache
def questionario() -> tuple[Dimensao, ...]:
    """The questionnaire kept in `modelos/autodiagnostico.toml`."""
    dimensoes = []
    for d in ler_toml("autodiagnostico.toml")["dimensoes"]:
        itens = tuple(Item(i["chave"], i["pergunta"], d["chave"]) for i in d["itens"])
        dimensoes.append(Dimensao(d["chave"], d["nome"], itens))
    return tuple(dimensoes)


def itens_por_chave() -> dict[str, Item]:
    """Every question by its key."""
    return {i.chave: i for d in questionario() for i in d.itens}


def validar_resposta(resposta: Resposta) -> Resposta:
    """Check the answer is one of sim, parcial, nao, na and trim its texts."""
    if resposta.valor not in RESPOSTAS:
        raise ErroValidacao(
            f"Resposta inválida: “{resposta.valor}”. Use sim, parcial, nao ou na (não se aplica)."
        )
    if resposta.item not in itens_por_chave():
        raise ErroValidacao(f"Pergunta desconhecida no autodiagnóstico: “{resposta.item}”.")
    resposta.nota = validar_texto("a nota", resposta.nota, obrigatorio=False)
    resposta.evidencia = validar_texto("a evidência", resposta.evidencia, obrigatorio=False)
    return resposta


@dataclass(frozen=True)
class ResumoDimensao:
    """Strengths and limits of one dimension in one run."""

    dimensao: Dimensao
    forcas: tuple[Item, ...]
    parciais: tuple[Item, ...]
    limites: tuple[Item, ...]
    sem_resposta: tuple[Item, ...]
    indice: float | None  # 0..1 over the applicable answers, None when none apply

    @property
    def rotulo_indice(self) -> str:
        """The index as a percentage, or a dash when nothing applies."""
        return "—" if self.indice is None else f"{round(self.indice * 100)}%"


def resumir(rodada: Rodada) -> list[ResumoDimensao]:
    """Strengths (sim), partial answers and limits (não) per dimension."""
    resumo = []
    for dim in questionario():
        grupos: dict[str, list[Item]] = {"sim": [], "parcial": [], "nao": [], "": []}
        pesos = []
        for item in dim.itens:
            resposta = rodada.respostas.get(item.chave)
            valor = resposta.valor if resposta else ""
            if valor == "na":
                continue
            grupos[valor].append(item)
            if valor in PESO:
                pesos.append(PESO[valor])
        indice = sum(pesos) / len(pesos) if pesos else None
        resumo.append(
            ResumoDimensao(
                dim,
                tuple(grupos["sim"]),
                tuple(grupos["parcial"]),
                tuple(grupos["nao"]),
                tuple(grupos[""]),
                indice,
            )
        )
    return resumo


@dataclass(frozen=True)
class Mudanca:
    """A question whose answer changed between two runs."""

    item: Item
    antes: str
    depois: str

    @property
    def melhorou(self) -> bool | None:
        """True when it moved towards 'sim', False towards 'não', None when not comparable."""
        if self.antes not in PESO or self.depois not in PESO:
            return None
        return PESO[self.depois] > PESO[self.antes]

    @property
    def texto(self) -> str:
        """'Pergunta: Não → Sim' in Portuguese."""
        antes = RESPOSTAS.get(self.antes, "sem resposta")
        depois = RESPOSTAS.get(self.depois, "sem resposta")
        return f"{self.item.pergunta} {antes} → {depois}"


def comparar(anterior: Rodada, atual: Rodada) -> list[Mudanca]:
    """What changed from one run to the next, in questionnaire order."""
    mudancas = []
    for dim in questionario():
        for item in dim.itens:
            antes = anterior.respostas.get(item.chave)
            depois = atual.respostas.get(item.chave)
            a = antes.valor if antes else ""
            d = depois.valor if depois else ""
            if a != d:
                mudancas.append(Mudanca(item, a, d))
    return mudancas


def progresso(rodada: Rodada) -> tuple[int, int]:
    """Answered questions and total questions."""
    total = sum(len(d.itens) for d in questionario())
    respondidas = sum(1 for chave in itens_por_chave() if chave in rodada.respostas)
    return respondidas, total
