"""A tiny network in memory, to learn which data pacto fills for each template without a workspace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from pacto.domain.autodiagnostico import Resposta, Rodada, questionario
from pacto.domain.catalog import etapas_padrao, finalidades
from pacto.domain.checklist import ItemChecklist, LinhaChecklist, RespostaChecklist
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
from pacto.domain.reunioes import Acao, Deliberacao, ItemPauta, Presenca, Reuniao, Sugestao
from pacto.services.documentos.acompanhamento import contexto_autodiagnostico, contexto_checklist
from pacto.services.documentos.ato import DadosDoAto, contexto_ato
from pacto.services.documentos.configuracao import DadosDocumentos
from pacto.services.documentos.contexto import Fontes
from pacto.services.documentos.fluxo_publicado import contexto_fluxo
from pacto.services.documentos.grupo_trabalho import contexto_gt
from pacto.services.documentos.reuniao_docs import (
    contexto_ata,
    contexto_memoria,
    contexto_pauta,
    contexto_presenca,
    contexto_sugestoes,
    sugestoes_escolhidas,
)
from pacto.services.documentos.termo import contexto_aditivo, contexto_termo


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
        **_reunioes_de_amostra(),
    )


def _reunioes_de_amostra() -> dict:
    """A held working-group meeting with everything recorded in it, and the next one."""
    return {
        "reunioes": [
            Reuniao("gt", 1, date(2026, 10, 29), time(9, 0), local="Sala de reuniões",
                    presidente="Pessoa de amostra", secretario="Secretária de amostra",
                    situacao="realizada", id=1),
            Reuniao("ampliada", 1, date(2026, 12, 10), time(14, 0), id=2),
        ],
        "pauta": [ItemPauta(1, 1, "Abertura", 10, "A reunião foi aberta.", id=1)],
        "presencas": [Presenca(1, "Pessoa de amostra", 1, cargo="Coordenadora", id=1)],
        "deliberacoes": [Deliberacao(1, "Aprovar o desenho inicial.", id=1)],
        "acoes": [Acao(1, "Indicar o ponto focal.", 2, "PF", date(2026, 11, 20), id=1)],
        "sugestoes": [Sugestao("Incluir a DPU.", reuniao_id=1, autor="PF", id=1)],
    }  # fmt: skip


def _rodadas_de_amostra() -> tuple[Rodada, Rodada]:
    primeira = questionario()[0].itens[0].chave
    return (
        Rodada(date(2026, 2, 1), respostas={primeira: Resposta(primeira, "nao")}, id=1),
        Rodada(date(2026, 8, 1), respostas={primeira: Resposta(primeira, "sim", "Nota")}, id=2),
    )


def _checklist_de_amostra() -> list[LinhaChecklist]:
    item = ItemChecklist("derivado:acoes_atrasadas", "1 ação atrasada: PF", derivado=True)
    return [LinhaChecklist(item, RespostaChecklist("2026-11", item.chave, "pendente"), "2026-10")]


def _readesao_de_amostra(rc: RedeCompleta):
    """The partner signed version 1 and version 2 changed its duty in Denúncia."""
    from pacto.domain.adesao import READESAO, Adesao, SituacaoInstituicao
    from pacto.domain.version_diff import Mudanca

    parceira = rc.instituicao_por_id[2]
    adesao = Adesao(2, 1, "assinado", {"assinado": date(2026, 3, 2)})
    mudanca = Mudanca("atribuicao_alterada", "PF", "Atribuição alterada — PF em Denúncia.")
    return SituacaoInstituicao(parceira, [], READESAO, adesao, [mudanca], vigente=2)


def _construtores() -> dict[str, Callable[[Fontes], dict]]:
    """How each template's sample data is built; one entry per template of the registry."""
    dados = DadosDoAto()
    return {
        "termo": lambda f: contexto_termo(f, f.rc.instituicao_por_id[2]),
        "aditivo": lambda f: contexto_aditivo(f, _readesao_de_amostra(f.rc), versao_hash="0" * 64),
        "portaria": lambda f: contexto_ato(f, "portaria", dados, b""),
        "decreto": lambda f: contexto_ato(f, "decreto", dados, b""),
        "gt": lambda f: contexto_gt(f, dados, f.rc.instituicoes),
        "fluxo": lambda f: contexto_fluxo(f),
        "ata": lambda f: contexto_ata(f, 1),
        "memoria": lambda f: contexto_memoria(f, 1),
        "presenca": lambda f: contexto_presenca(f, 2, f.rc.instituicoes),
        "pauta": lambda f: contexto_pauta(f, 2),
        "sugestoes": lambda f: contexto_sugestoes(f, sugestoes_escolhidas(f, None)),
        "autodiagnostico": lambda f: contexto_autodiagnostico(f, *reversed(_rodadas_de_amostra())),
        "checklist": lambda f: contexto_checklist(
            f, "2026-11", _checklist_de_amostra(), em_branco=False
        ),
    }


def _fontes_de_amostra() -> Fontes:
    rc = rede_de_amostra()
    return Fontes(
        rc, DadosDocumentos(), "Rascunho do fluxo (não congelado)", date.today(), rc.fluxos[0]
    )


def contexto_de_amostra(chave: str) -> dict:
    """The data pacto fills for one template, from the sample network."""
    return _construtores()[chave](_fontes_de_amostra())


def contextos_de_amostra() -> dict[str, dict]:
    """The data pacto fills for every kind of document, from the sample network."""
    f = _fontes_de_amostra()
    return {chave: construir(f) for chave, construir in _construtores().items()}


def chaves_por_tipo() -> dict[str, set[str]]:
    """The top-level names each template may use."""
    return {tipo: set(contexto) for tipo, contexto in contextos_de_amostra().items()}
