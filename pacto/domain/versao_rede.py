"""Rebuild the network a frozen version describes, so a reprinted document says what was signed."""

from __future__ import annotations

from dataclasses import fields, replace
from itertools import count

from pacto.domain.models import Atribuicao, Encaminhamento, Etapa, Fluxo, Instituicao, PontoFocal
from pacto.domain.network import RedeCompleta


def _ids(existentes: dict[str, int], chaves: list[str]) -> dict[str, int]:
    """Keep the live id of every key still present; number the others after the largest id."""
    novo = count(max(existentes.values(), default=0) + 1)
    return {chave: existentes.get(chave) or next(novo) for chave in chaves}


def rede_da_versao(conteudo: dict, atual: RedeCompleta) -> RedeCompleta:
    """The flow of a frozen `conteudo` on top of `atual`'s meetings and records.

    Ids of institutions, stages and flows that still exist are kept, so choices made on the
    live network (a flow number, a signatory recorded for an institution) still apply.
    """
    campos = {c.name for c in fields(Instituicao)} - {"id"}
    inst_id = _ids(
        {i.sigla.casefold(): i.id for i in atual.instituicoes},
        [d["sigla"].casefold() for d in conteudo["instituicoes"]],
    )
    instituicoes = [
        Instituicao(
            **{k: v for k, v in d.items() if k in campos}, id=inst_id[d["sigla"].casefold()]
        )
        for d in conteudo["instituicoes"]
    ]
    descricoes = {e.chave: e.descricao for e in atual.etapas}
    etapa_id = _ids({e.chave: e.id for e in atual.etapas}, [e["chave"] for e in conteudo["etapas"]])
    etapas = [
        Etapa(
            e["chave"], e["nome"], e["sigla"], e["ordem"], descricoes.get(e["chave"], ""),
            id=etapa_id[e["chave"]],
        )
        for e in conteudo["etapas"]
    ]  # fmt: skip
    fluxo_id = _ids({f.nome: f.id for f in atual.fluxos}, [f["nome"] for f in conteudo["fluxos"]])
    fluxos = [
        Fluxo(f["nome"], list(f["finalidades"]), id=fluxo_id[f["nome"]]) for f in conteudo["fluxos"]
    ]
    # the live order of flows decides which is "the first"; a flow gone since comes last
    ordem = {f.id: n for n, f in enumerate(atual.fluxos)}
    fluxos.sort(key=lambda f: ordem.get(f.id, len(ordem)))

    def sigla(s: str) -> int:
        return inst_id[s.casefold()]

    pontos = [
        PontoFocal(sigla(p["instituicao"]), p["papel"], p["nome"], p["cargo"], p["telefone"],
                   p["email"], id=n)
        for n, p in enumerate(conteudo["pontos_focais"], start=1)
    ]  # fmt: skip
    atribuicoes = [
        Atribuicao(sigla(a["instituicao"]), etapa_id[a["etapa"]], fluxo_id[a["fluxo"]], a["texto"],
                   id=n)
        for n, a in enumerate(conteudo["atribuicoes"], start=1)
    ]  # fmt: skip
    encaminhamentos = [
        Encaminhamento(fluxo_id[e["fluxo"]], sigla(e["origem"]), sigla(e["destino"]),
                       e["condicao"], e["prazo"], id=n)
        for n, e in enumerate(conteudo["encaminhamentos"], start=1)
    ]  # fmt: skip
    dados_rede = conteudo["rede"]
    coordenacao = dados_rede.get("coordenacao", "")
    rede = replace(
        atual.rede,
        nome=dados_rede["nome"],
        uf=dados_rede["uf"],
        municipio=dados_rede.get("municipio", ""),
        coordenacao_id=sigla(coordenacao) if coordenacao else None,
    )
    return replace(
        atual,
        rede=rede,
        fluxos=fluxos,
        etapas=etapas,
        instituicoes=instituicoes,
        pontos_focais=pontos,
        atribuicoes=atribuicoes,
        encaminhamentos=encaminhamentos,
    )
