"""The network at a glance: counts, stage coverage and gaps, as the Painel and `pacto status` show it."""

from __future__ import annotations

from datetime import date

from pacto.domain.checks import Lacuna, verificar
from pacto.domain.network import RedeCompleta
from pacto.domain.validation import UFS


def resumo(rc: RedeCompleta, hoje: date | None = None, lacunas: list[Lacuna] | None = None) -> dict:
    """A JSON-ready summary of the network: identity, counts, stages covered and gaps
    (`lacunas` when the caller already ran the checks on `rc`)."""
    rede = rc.rede
    coord = rc.coordenacao
    etapas = [
        {
            "sigla": e.sigla,
            "nome": e.nome,
            "instituicoes": len(rc.instituicoes_por_etapa.get(e.id, [])),
        }
        for e in rc.etapas_ordenadas
    ]
    if lacunas is None:
        lacunas = verificar(rc, hoje)
    return {
        "rede": {
            "nome": rede.nome,
            "uf": rede.uf,
            "estado": UFS.get(rede.uf, rede.uf),
            "municipio": rede.municipio,
            "coordenacao": coord.sigla if coord else None,
        },
        "contagens": {
            "fluxos": len(rc.fluxos),
            "instituicoes": len(rc.instituicoes),
            "pontos_focais": len(rc.pontos_focais),
            "atribuicoes": len(rc.atribuicoes),
            "encaminhamentos": len(rc.encaminhamentos),
        },
        "etapas": etapas,
        "etapas_cobertas": sum(1 for e in etapas if e["instituicoes"]),
        "etapas_total": len(etapas),
        "lacunas": [lacuna.como_dict() for lacuna in lacunas],
    }
