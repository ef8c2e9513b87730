"""Rules for a network's flows: one flow for every purpose of art. 149-A, or one per purpose.

Booklet step 7 lets a network draw a single flow or separate ones (say, sexual exploitation
apart from slave labour). Either way each purpose belongs to exactly one flow, so a case
never has two pathways to choose from, and a purpose left out of every flow is a gap.
"""

from __future__ import annotations

from pacto.domain.catalog import Finalidade, finalidades
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Fluxo
from pacto.domain.text import chave_comparacao
from pacto.domain.validation import validar_campo_curto


def nome_finalidade(chave: str) -> str:
    """The purpose's name with its inciso, as documents cite it ("exploração sexual (V)")."""
    for finalidade in finalidades():
        if finalidade.chave == chave:
            return f"{finalidade.nome} ({finalidade.inciso})"
    return chave


def validar_fluxo(fluxo: Fluxo, outros: list[Fluxo]) -> Fluxo:
    """Check a flow against the network's other flows; every problem is reported at once."""
    fluxo.nome = validar_campo_curto("O nome do fluxo", fluxo.nome, obrigatorio=True)
    conhecidas = {f.chave for f in finalidades()}
    problemas = []
    desconhecidas = [c for c in fluxo.finalidades if c not in conhecidas]
    if desconhecidas:
        problemas.append(
            f"Finalidade desconhecida: {', '.join(desconhecidas)}. "
            f"Use uma destas: {', '.join(sorted(conhecidas))}."
        )
    if not fluxo.finalidades:
        problemas.append("Indique ao menos uma finalidade do art. 149-A que o fluxo atende.")
    fluxo.finalidades = list(dict.fromkeys(fluxo.finalidades))
    for outro in outros:
        if outro.id == fluxo.id:
            continue
        if chave_comparacao(outro.nome) == chave_comparacao(fluxo.nome):
            problemas.append(f"Já existe um fluxo chamado “{outro.nome}”.")
        repetidas = [c for c in fluxo.finalidades if c in outro.finalidades]
        if repetidas:
            nomes = ", ".join(nome_finalidade(c) for c in repetidas)
            problemas.append(
                f"{nomes} já {'está' if len(repetidas) == 1 else 'estão'} "
                f"no fluxo “{outro.nome}”: cada finalidade pertence a um só fluxo. "
                "Retire-a daquele fluxo antes."
            )
    if problemas:
        raise ErroValidacao(problemas)
    return fluxo


def finalidades_sem_fluxo(fluxos: list[Fluxo]) -> list[Finalidade]:
    """Purposes of art. 149-A that no flow of the network covers."""
    cobertas = {c for f in fluxos for c in f.finalidades}
    return [f for f in finalidades() if f.chave not in cobertas]
