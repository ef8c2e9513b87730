"""The published flow (booklet step 13): how to report, each stage and who acts in it, contacts."""

from __future__ import annotations

from pacto.domain.catalog import finalidades, ler_toml
from pacto.domain.redacao import data_por_extenso, frase
from pacto.services.documentos import anexos
from pacto.services.documentos.contexto import Fontes, formas_de_contato, rotulo
from pacto.services.documentos.render import Imagem

SEM_CONTATO = "Por intermédio da coordenação do Fluxo"


def _contato(inst) -> list[str]:
    linhas = formas_de_contato(inst, SEM_CONTATO)
    if inst.horario:
        linhas.append(inst.horario)
    return linhas


def _etapas(f: Fontes) -> list[dict]:
    saida = []
    for etapa in anexos.etapas(f):
        id_etapa = f.rc.etapas_ordenadas[etapa["numero"] - 1].id
        etapa["instituicoes"] = [
            {
                "nome": rotulo(f.rc.instituicao_por_id[a.instituicao_id]),
                "texto": frase(a.texto),
                "contato": _contato(f.rc.instituicao_por_id[a.instituicao_id]),
            }
            for a in f.atribuicoes
            if a.etapa_id == id_etapa
        ]
        saida.append(etapa)
    return saida


def _canais_de_denuncia(f: Fontes) -> list[dict]:
    """Institutions of the first stage other than the national lines, which the text already gives."""
    primeira = f.rc.etapas_ordenadas[0] if f.rc.etapas_ordenadas else None
    if primeira is None:
        return []
    vistos, canais = set(), []
    for a in f.atribuicoes:
        inst = f.rc.instituicao_por_id[a.instituicao_id]
        if a.etapa_id != primeira.id or inst.esfera == "nacional" or inst.id in vistos:
            continue
        vistos.add(inst.id)
        canais.append({"instituicao": rotulo(inst), "contato": _contato(inst)})
    return canais


def canais_nacionais(f: Fontes) -> list[dict]:
    """The national report channels for the flow's purposes, from `modelos/canais_denuncia.toml`
    (Sistema Ipê only where slave labour is in the flow)."""
    escolhidas = set(f.fluxo.finalidades)
    return [
        {"nome": c["nome"], "descricao": c["descricao"]}
        for c in ler_toml("canais_denuncia.toml").get("canais", [])
        if not c.get("finalidades") or escolhidas & set(c["finalidades"])
    ]


def _pontos_focais(f: Fontes) -> list[dict]:
    linhas = []
    for inst in f.instituicoes_do_fluxo:
        for ponto in (f.rc.titular(inst.id), f.rc.suplente(inst.id)):
            if ponto is not None:
                linhas.append(
                    {
                        "instituicao": inst.sigla,
                        "papel": ponto.papel.capitalize(),
                        "nome": ponto.nome,
                        "telefone": ponto.telefone,
                        "email": ponto.email,
                    }
                )
    return linhas


def contexto_fluxo(
    f: Fontes, diagrama: Imagem | None = None, com_pontos_focais: bool = False
) -> dict:
    """The data of the published flow; focal points only in the network's own edition."""
    escolhidas = set(f.fluxo.finalidades)
    coord = f.rc.coordenacao
    return {
        **f.comum(),
        "fluxo": {"nome": f.fluxo.nome},
        "rede": {"nome": f.rc.rede.nome},
        "territorio": f.territorio.como_dict(),
        "data": data_por_extenso(f.hoje),
        "finalidades": [fin.nome for fin in finalidades() if fin.chave in escolhidas],
        "canais": canais_nacionais(f),
        "denuncia": _canais_de_denuncia(f),
        "diagrama": diagrama,
        "raias": anexos.raias(f),
        "encaminhamentos": anexos.encaminhamentos(f),
        "etapas": _etapas(f),
        "pontos_focais": _pontos_focais(f) if com_pontos_focais else [],
        "coordenacao": rotulo(coord) if coord else "a definir pela rede",
    }
