"""Portaria that institutes the working group (booklet step 5): its tasks follow the pact's steps."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pacto.domain.errors import ErroDocumento
from pacto.domain.estrutura_ato import Artigo, Capitulo, Paragrafo, incisos, numerar
from pacto.domain.models import Instituicao
from pacto.domain.redacao import contracao
from pacto.services.documentos.ato import (
    ESPECIES,
    DadosDoAto,
    assinaturas,
    com_sigla,
    epigrafe,
    prazo_por_extenso,
    preambulo,
)
from pacto.services.documentos.contexto import Fontes, rotulo

A_INDICAR = "A indicar pela instituição"
# bodies a state or municipal Secretário cannot designate: they are invited to name someone
AUTONOMOS = {"mpf", "mpt", "mpe", "dpu", "dpe", "conselho_tutelar"}
MESES = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
         "setembro", "outubro", "novembro", "dezembro")  # fmt: skip


def convidada(f: Fontes, inst: Instituicao) -> bool:
    """True for federal, judicial, Ministério Público, Defensoria, international, civil-society
    and other-sphere bodies: the act invites them to appoint representatives."""
    propria = "municipal" if f.territorio.municipal else "estadual"
    return inst.esfera != propria or inst.tipo in AUTONOMOS


def ato_registrado(texto: str) -> tuple[str, date] | None:
    """Number and date of an act written as 'Portaria SEJUC nº 45, de 3 de agosto de 2026'."""
    achado = re.search(
        r"n[º°o]\.?\s*([\w./-]+),?\s+de\s+(\d{1,2})º?\s+de\s+(\w+)\s+de\s+(\d{4})",
        texto or "",
        re.IGNORECASE,
    )
    if not achado or achado.group(3).casefold() not in MESES:
        return None
    numero, dia, mes, ano = achado.groups()
    try:
        return numero, date(int(ano), MESES.index(mes.casefold()) + 1, int(dia))
    except ValueError:
        return None


CARTILHA = (
    "Cartilha de Orientação para a Construção de Fluxos de Atendimento a Vítimas de Tráfico de "
    "Pessoas, da Organização Internacional para as Migrações e do Ministério da Justiça e "
    "Segurança Pública"
)


def membros_padrao(f: Fontes) -> list[Instituicao]:
    """Every institution of the network except the national report lines, by name."""
    return sorted(
        (i for i in f.rc.instituicoes if i.esfera != "nacional"), key=lambda i: i.nome.casefold()
    )


def escolher_membros(f: Fontes, siglas: list[str] | None) -> list[Instituicao]:
    """The institutions named by acronym, or the default composition."""
    if not siglas:
        return membros_padrao(f)
    por_sigla = {i.sigla.casefold(): i for i in f.rc.instituicoes}
    faltam = [s for s in siglas if s.strip().casefold() not in por_sigla]
    if faltam:
        raise ErroDocumento(f"Instituição não encontrada: {', '.join(faltam)}.")
    return [por_sigla[s.strip().casefold()] for s in siglas]


def _capitulos(f: Fontes, prazo_dias: int, convidados: bool = False) -> list[Capitulo]:
    coord = f.rc.coordenacao
    coordenacao = (
        f"A coordenação do Grupo de Trabalho caberá {contracao('a', coord.nome)} {com_sigla(coord)}."
        if coord
        else "A coordenação do Grupo de Trabalho caberá a um de seus membros, escolhido na "
        "primeira reunião."
    )

    def t(chave: str) -> str:
        return f.redigir("gt", chave, cartilha=CARTILHA, prazo=prazo_por_extenso(prazo_dias))

    artigos = [
        Artigo(t("finalidade")),
        Artigo(
            t("competencias"),
            incisos(
                "mapear as instituições que atuam na prevenção, na repressão e na atenção às "
                f"vítimas de tráfico de pessoas {f.territorio.no} e as suas atribuições",
                "elaborar o desenho inicial do Fluxo, com as etapas, as atribuições de cada "
                "instituição e os encaminhamentos entre elas",
                "organizar reunião aberta a todas as instituições mapeadas, para a apresentação "
                "do desenho inicial e o recebimento de sugestões",
                "incorporar as sugestões recebidas e elaborar o desenho final do Fluxo",
                "apresentar o desenho final às instituições participantes e conduzir a sua "
                "pactuação",
                "propor a periodicidade das reuniões de alinhamento da rede e os indicadores de "
                "monitoramento do Fluxo",
            ),
        ),
        Artigo(
            t("composicao"),
            paragrafos=[
                *([Paragrafo(t("convidados"))] if convidados else []),
                Paragrafo(coordenacao),
                Paragrafo(t("substituicao")),
                Paragrafo(t("outros_convidados")),
            ],
        ),
        Artigo(t("reunioes"), paragrafos=[Paragrafo(t("videoconferencia"))]),
        Artigo(t("prazo"), paragrafos=[Paragrafo(t("relatorio"))]),
        Artigo(t("servico_relevante")),
        Artigo(t("vigencia")),
    ]
    return [Capitulo("", artigos)]


def _membro(f: Fontes, inst: Instituicao) -> dict:
    titular, suplente = f.rc.titular(inst.id), f.rc.suplente(inst.id)
    return {
        "instituicao": rotulo(inst),
        "titular": titular.nome if titular else A_INDICAR,
        "cargo_titular": titular.cargo if titular else "",
        "suplente": suplente.nome if suplente else A_INDICAR,
        "cargo_suplente": suplente.cargo if suplente else "",
    }


def contexto_gt(
    f: Fontes, dados: DadosDoAto, membros: list[Instituicao], prazo_dias: int = 90
) -> dict:
    """The data of the working group's Portaria and its composition annex."""
    if not 1 <= prazo_dias <= 999:
        raise ErroDocumento("O prazo do Grupo de Trabalho deve ficar entre 1 e 999 dias.")
    if not membros:
        raise ErroDocumento("O Grupo de Trabalho precisa de ao menos uma instituição.")
    especie = ESPECIES["portaria"]
    registrado = ato_registrado(dados.ato_gt) if not dados.numero else None
    if registrado:  # the act recorded with `pacto gt`: its number and date
        dados = replace(dados, numero=registrado[0])
        f = replace(f, hoje=registrado[1])
    designados = [i for i in membros if not convidada(f, i)]
    convidados = [i for i in membros if convidada(f, i)]
    return {
        **f.comum(),
        "epigrafe": epigrafe(f, especie, dados.numero),
        "ementa": (
            f"Institui Grupo de Trabalho para elaborar e pactuar o {f.fluxo.nome} "
            f"{f.territorio.no}."
        ),
        "preambulo": preambulo(f, especie, dados.processo),
        "capitulos": numerar(_capitulos(f, prazo_dias, bool(convidados)), f.config.estilo_artigos),
        "fecho": f.local_data,
        "assinaturas": assinaturas(f, especie),
        "referenda": [],
        "membros": [_membro(f, inst) for inst in designados],
        "convidados": [_membro(f, inst) for inst in convidados],
    }
