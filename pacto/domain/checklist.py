"""The monthly alignment checklist: items kept in modelos/, items derived from the workspace, carry-over."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pacto.domain.catalog import ler_toml
from pacto.domain.errors import ErroValidacao
from pacto.domain.text import plural
from pacto.domain.validation import validar_texto

SITUACOES = {"ok": "Em dia", "pendente": "Pendente", "nao_se_aplica": "Não se aplica"}


@dataclass(frozen=True)
class ItemChecklist:
    """One line of the checklist; derived ones carry what the workspace found."""

    chave: str
    texto: str
    derivado: bool = False


@dataclass
class RespostaChecklist:
    """The network's answer to an item in a month, with a note and who takes it forward."""

    mes: str
    item: str
    situacao: str
    nota: str = ""
    instituicao_id: int | None = None


@dataclass
class FatosMes:
    """What the workspace knows that the month's meeting should look at; None = not known yet."""

    pontos_desatualizados: list[str] = field(default_factory=list)
    acoes_atrasadas: list[str] | None = None
    adesoes_pendentes: list[str] | None = None
    readesoes_pendentes: list[str] | None = None
    etapas_sem_signatario: list[str] | None = None
    mudancas_fluxo: list[str] | None = None


@dataclass
class LinhaChecklist:
    """An item with this month's answer and, if it stayed open, since when."""

    item: ItemChecklist
    resposta: RespostaChecklist | None = None
    pendente_desde: str | None = None


@cache
def itens_modelo() -> tuple[ItemChecklist, ...]:
    """The fixed items kept in `modelos/checklist_mensal.toml`."""
    return tuple(
        ItemChecklist(i["chave"], i["texto"]) for i in ler_toml("checklist_mensal.toml")["itens"]
    )


def _lista(nomes: list[str], limite: int = 6) -> str:
    if len(nomes) <= limite:
        return ", ".join(nomes)
    return ", ".join(nomes[:limite]) + f" e mais {len(nomes) - limite}"


def itens_derivados(fatos: FatosMes) -> list[ItemChecklist]:
    """Items computed from the workspace for this month; only what needs attention appears."""
    itens = []

    def incluir(chave: str, nomes: list[str] | None, singular: str, plural_: str) -> None:
        if nomes:
            texto = f"{plural(len(nomes), singular, plural_)}: {_lista(nomes)}"
            itens.append(ItemChecklist(f"derivado:{chave}", texto, derivado=True))

    incluir(
        "pontos_focais_90",
        fatos.pontos_desatualizados,
        "ponto focal sem confirmação há mais de 90 dias",
        "pontos focais sem confirmação há mais de 90 dias",
    )
    incluir("acoes_atrasadas", fatos.acoes_atrasadas, "ação atrasada", "ações atrasadas")
    incluir("adesoes_pendentes", fatos.adesoes_pendentes, "adesão pendente", "adesões pendentes")
    incluir("readesoes", fatos.readesoes_pendentes, "readesão pendente", "readesões pendentes")
    incluir(
        "etapas_sem_signatario",
        fatos.etapas_sem_signatario,
        "etapa sem instituição signatária",
        "etapas sem instituição signatária",
    )
    incluir(
        "mudancas_fluxo",
        fatos.mudancas_fluxo,
        "mudança no fluxo desde o mês passado",
        "mudanças no fluxo desde o mês passado",
    )
    return itens


def validar_resposta(resposta: RespostaChecklist) -> RespostaChecklist:
    """Check the answer's state and trim its note."""
    if resposta.situacao not in SITUACOES:
        raise ErroValidacao(
            f"Situação inválida: “{resposta.situacao}”. Use ok, pendente ou nao_se_aplica."
        )
    resposta.nota = validar_texto("a nota", resposta.nota, obrigatorio=False)
    return resposta


def montar(
    mes: str, itens: list[ItemChecklist], respostas: list[RespostaChecklist]
) -> list[LinhaChecklist]:
    """The month's checklist with answers, marking items pending since an earlier month."""
    por_mes: dict[str, dict[str, RespostaChecklist]] = {}
    for r in respostas:
        por_mes.setdefault(r.mes, {})[r.item] = r
    anteriores = sorted(m for m in por_mes if m < mes)
    linhas = []
    for item in itens:
        desde = None
        for m in anteriores:
            r = por_mes[m].get(item.chave)
            if r is not None:
                desde = (desde or m) if r.situacao == "pendente" else None
        atual = por_mes.get(mes, {}).get(item.chave)
        if atual is not None:
            desde = (desde or mes) if atual.situacao == "pendente" else None
        linhas.append(LinhaChecklist(item, atual, desde))
    return linhas
