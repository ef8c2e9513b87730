"""A tiny network in memory, to learn which data pacto fills for each template without a workspace."""

from __future__ import annotations

from datetime import date

from pacto.domain.catalog import etapas_padrao, finalidades
from pacto.domain.models import (
    Atribuicao,
    Encaminhamento,
    Etapa,
    Fluxo,
    Instituicao,
    PontoFocal,
    Rede,
)
from pacto.domain.network import RedeCompleta
from pacto.services.documentos.ato import DadosDoAto, contexto_ato
from pacto.services.documentos.configuracao import DadosDocumentos
from pacto.services.documentos.contexto import Fontes
from pacto.services.documentos.fluxo_publicado import contexto_fluxo
from pacto.services.documentos.grupo_trabalho import contexto_gt
from pacto.services.documentos.termo import contexto_termo


def rede_de_amostra() -> RedeCompleta:
    """Two institutions, the coordination and one partner, with duties in two stages."""
    etapas = [
        Etapa(e.chave, e.nome, e.sigla, ordem, e.descricao, id=ordem)
        for ordem, e in enumerate(etapas_padrao(), start=1)
    ]
    coordenacao = Instituicao(
        "Núcleo de Enfrentamento ao Tráfico de Pessoas", "NETP", tipo="netp", id=1
    )
    parceira = Instituicao("Polícia Federal", "PF", telefone="194", id=2)
    return RedeCompleta(
        rede=Rede("Rede de amostra", "RR", coordenacao_id=1),
        fluxos=[Fluxo("Fluxo Estadual", [f.chave for f in finalidades()], id=1)],
        etapas=etapas,
        instituicoes=[coordenacao, parceira],
        pontos_focais=[PontoFocal(2, "titular", "Pessoa de amostra", id=1)],
        atribuicoes=[
            Atribuicao(1, etapas[1].id, 1, "Coordena a rede.", id=1),
            Atribuicao(2, etapas[0].id, 1, "Recebe denúncias.", id=2),
        ],
        encaminhamentos=[Encaminhamento(1, 2, 1, "Suspeita de tráfico", "24 horas", id=1)],
    )


def contextos_de_amostra() -> dict[str, dict]:
    """The data pacto fills for every kind of document, from the sample network."""
    rc = rede_de_amostra()
    f = Fontes(
        rc, DadosDocumentos(), "Rascunho do fluxo (não congelado)", date.today(), rc.fluxos[0]
    )
    parceira = rc.instituicao_por_id[2]
    dados = DadosDoAto()
    return {
        "termo": contexto_termo(f, parceira),
        "portaria": contexto_ato(f, "portaria", dados, b""),
        "decreto": contexto_ato(f, "decreto", dados, b""),
        "gt": contexto_gt(f, dados, rc.instituicoes),
        "fluxo": contexto_fluxo(f),
    }


def chaves_por_tipo() -> dict[str, set[str]]:
    """The top-level names each template may use."""
    return {tipo: set(contexto) for tipo, contexto in contextos_de_amostra().items()}
