"""A whole network in memory (`RedeCompleta`), with the lookups rules and screens need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from pacto.domain.models import (
    Atribuicao,
    Encaminhamento,
    Etapa,
    Fluxo,
    Instituicao,
    PontoFocal,
    Rede,
)
from pacto.domain.reunioes import (
    Acao,
    Deliberacao,
    ItemPauta,
    Presenca,
    Reuniao,
    ReuniaoCompleta,
    Sugestao,
)
from pacto.domain.text import chave_comparacao


@dataclass
class RedeCompleta:
    """Every record of a network at one moment; rules and documents read from it, never from SQL."""

    rede: Rede
    fluxos: list[Fluxo] = field(default_factory=list)
    etapas: list[Etapa] = field(default_factory=list)
    instituicoes: list[Instituicao] = field(default_factory=list)
    pontos_focais: list[PontoFocal] = field(default_factory=list)
    atribuicoes: list[Atribuicao] = field(default_factory=list)
    encaminhamentos: list[Encaminhamento] = field(default_factory=list)
    reunioes: list[Reuniao] = field(default_factory=list)
    pauta: list[ItemPauta] = field(default_factory=list)
    presencas: list[Presenca] = field(default_factory=list)
    deliberacoes: list[Deliberacao] = field(default_factory=list)
    acoes: list[Acao] = field(default_factory=list)
    sugestoes: list[Sugestao] = field(default_factory=list)
    # purposes covered by a flow outside the network's (key -> act), e.g. slave labour
    fluxos_externos: dict[str, str] = field(default_factory=dict)

    @cached_property
    def instituicao_por_id(self) -> dict[int, Instituicao]:
        return {i.id: i for i in self.instituicoes}

    @cached_property
    def etapa_por_id(self) -> dict[int, Etapa]:
        return {e.id: e for e in self.etapas}

    @cached_property
    def etapas_ordenadas(self) -> list[Etapa]:
        return sorted(self.etapas, key=lambda e: e.ordem)

    @cached_property
    def pontos_por_instituicao(self) -> dict[int, list[PontoFocal]]:
        grupos: dict[int, list[PontoFocal]] = defaultdict(list)
        for ponto in sorted(self.pontos_focais, key=lambda p: (p.papel != "titular", p.nome)):
            grupos[ponto.instituicao_id].append(ponto)
        return grupos

    @cached_property
    def etapas_por_instituicao(self) -> dict[int, list[Etapa]]:
        """Stages where each institution has a duty, in stage order, across all flows."""
        ids: dict[int, set[int]] = defaultdict(set)
        for atr in self.atribuicoes:
            ids[atr.instituicao_id].add(atr.etapa_id)
        return {
            inst: sorted((self.etapa_por_id[e] for e in etapas), key=lambda e: e.ordem)
            for inst, etapas in ids.items()
        }

    @cached_property
    def instituicoes_por_etapa(self) -> dict[int, list[Instituicao]]:
        """Institutions with a duty in each stage, across all flows, by name."""
        ids: dict[int, set[int]] = defaultdict(set)
        for atr in self.atribuicoes:
            ids[atr.etapa_id].add(atr.instituicao_id)
        return {
            etapa: sorted((self.instituicao_por_id[i] for i in insts), key=lambda i: i.nome)
            for etapa, insts in ids.items()
        }

    def instituicao_por_sigla(self, sigla: str) -> Instituicao | None:
        """An institution by acronym, ignoring case, accents and extra spaces."""
        procurada = chave_comparacao(sigla)
        return next((i for i in self.instituicoes if chave_comparacao(i.sigla) == procurada), None)

    def titular(self, instituicao_id: int) -> PontoFocal | None:
        """The institution's titular focal point, if any."""
        return next(
            (
                p
                for p in self.pontos_por_instituicao.get(instituicao_id, [])
                if p.papel == "titular"
            ),
            None,
        )

    def suplente(self, instituicao_id: int) -> PontoFocal | None:
        """The institution's suplente focal point, if any."""
        return next(
            (
                p
                for p in self.pontos_por_instituicao.get(instituicao_id, [])
                if p.papel == "suplente"
            ),
            None,
        )

    def atribuicoes_de(self, instituicao_id: int) -> list[Atribuicao]:
        """An institution's duties, in stage order."""
        return sorted(
            (a for a in self.atribuicoes if a.instituicao_id == instituicao_id),
            key=lambda a: (self.etapa_por_id[a.etapa_id].ordem, a.fluxo_id),
        )

    def siglas_etapas(self, instituicao_id: int) -> str:
        """The stage acronyms of an institution, e.g. 'D R'."""
        return " ".join(e.sigla for e in self.etapas_por_instituicao.get(instituicao_id, []))

    @property
    def coordenacao(self) -> Instituicao | None:
        """The coordinating institution, when set."""
        return self.instituicao_por_id.get(self.rede.coordenacao_id)

    def destino_das_informacoes(self) -> str:
        """Where monthly information goes: 'ao NETP-RR' when the network has a NETP (booklet:
        "quando existente na localidade"), else 'à coordenação do fluxo (SIGLA)'."""
        netp = next((i for i in self.instituicoes if i.tipo == "netp"), None)
        if netp is not None:
            return f"ao {netp.sigla}"
        coord = self.coordenacao
        return f"à coordenação do fluxo ({coord.sigla})" if coord else "à coordenação do fluxo"

    def reuniao_completa(self, reuniao_id: int) -> ReuniaoCompleta | None:
        """One meeting with everything recorded in it, or None when there is no such meeting."""
        reuniao = next((r for r in self.reunioes if r.id == reuniao_id), None)
        if reuniao is None:
            return None

        def da_reuniao(registros: list) -> list:
            return [r for r in registros if r.reuniao_id == reuniao_id]

        return ReuniaoCompleta(
            reuniao=reuniao,
            itens=sorted(da_reuniao(self.pauta), key=lambda i: (i.ordem, i.id or 0)),
            presencas=da_reuniao(self.presencas),
            deliberacoes=da_reuniao(self.deliberacoes),
            acoes=da_reuniao(self.acoes),
            sugestoes=da_reuniao(self.sugestoes),
        )
