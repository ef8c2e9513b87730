"""Data shared by the act's annexes and the published flow: stages, lanes, referrals, duties, diagram."""

from __future__ import annotations

from pacto.domain.errors import PactoErro
from pacto.domain.network import RedeCompleta
from pacto.domain.redacao import frase
from pacto.services.documentos.contexto import Fontes, formas_de_contato, rotulo
from pacto.services.documentos.render import Imagem


def etapas(f: Fontes) -> list[dict]:
    """The stages in order, numbered, with their descriptions."""
    return [
        {"numero": i, "nome": e.nome, "sigla": e.sigla, "descricao": frase(e.descricao)}
        for i, e in enumerate(f.rc.etapas_ordenadas, start=1)
    ]


def raias(f: Fontes) -> list[dict]:
    """One lane per stage with the acronyms of the institutions acting in it."""
    por_etapa: dict[int, list[str]] = {e.id: [] for e in f.rc.etapas_ordenadas}
    for a in f.atribuicoes:
        por_etapa[a.etapa_id].append(f.rc.instituicao_por_id[a.instituicao_id].sigla)
    return [
        {"nome": e.nome, "sigla": e.sigla, "instituicoes": por_etapa[e.id]}
        for e in f.rc.etapas_ordenadas
    ]


def encaminhamentos(f: Fontes) -> list[dict]:
    """The referrals of the flow: from, to, when and how soon."""
    nome = f.rc.instituicao_por_id
    return [
        {
            "origem": nome[e.origem_id].sigla,
            "destino": nome[e.destino_id].sigla,
            "condicao": frase(e.condicao),
            "prazo": e.prazo,
        }
        for e in f.rc.encaminhamentos
        if e.fluxo_id == f.fluxo.id
    ]


def quadro_atribuicoes(f: Fontes) -> list[dict]:
    """Instituição | Etapa | Atribuições | Forma de contato, one row per institution of the flow."""
    coord = f.rc.coordenacao
    sem_contato = (
        f"Por intermédio da coordenação do Fluxo ({coord.sigla})" if coord else "Não informado"
    )
    linhas = []
    for inst in f.instituicoes_do_fluxo:
        proprias = f.atribuicoes_de(inst.id)
        etapas_da_inst = [f.rc.etapa_por_id[a.etapa_id].nome for a in proprias]
        linhas.append(
            {
                "instituicao": rotulo(inst),
                "etapas": etapas_da_inst,
                "atribuicoes": [
                    {"etapa": f.rc.etapa_por_id[a.etapa_id].nome, "texto": frase(a.texto)}
                    for a in proprias
                ],
                "contato": formas_de_contato(inst, sem_contato),
            }
        )
    return linhas


def _rede_do_fluxo(f: Fontes) -> RedeCompleta:
    """The network reduced to the chosen flow: its institutions, duties and referrals only."""
    rc = f.rc
    return RedeCompleta(
        rede=rc.rede,
        fluxos=[f.fluxo],
        etapas=rc.etapas,
        instituicoes=f.instituicoes_do_fluxo,
        pontos_focais=[],
        atribuicoes=f.atribuicoes,
        encaminhamentos=[e for e in rc.encaminhamentos if e.fluxo_id == f.fluxo.id],
    )


def _tamanho_png(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, read from its IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return (0, 0)
    return (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"))


def diagrama(
    f: Fontes, largura_max_mm: float = 160, altura_max_mm: float = 220
) -> tuple[Imagem | None, str]:
    """The flow drawn by Graphviz, sized to fit the page, and a note when it could not be drawn.

    Without Graphviz (or if it fails) the image is None and the templates show the lane table.
    """
    from pacto.domain.diagram import gerar_dot
    from pacto.services.diagrama import caminho_dot, renderizar

    if not f.atribuicoes:
        return None, ""
    if caminho_dot() is None:
        return None, (
            "O Graphviz não está instalado: o fluxo aparece como tabela de raias, sem o "
            "fluxograma. Instale o pacote graphviz para incluir o desenho."
        )
    try:
        png = renderizar(gerar_dot(_rede_do_fluxo(f), titulo=""), "png")
    except PactoErro as erro:
        return None, f"{erro.mensagem} O fluxo aparece como tabela de raias."
    largura, altura = _tamanho_png(png)
    largura_mm = largura_max_mm
    if largura and altura:
        largura_mm = min(largura_max_mm, altura_max_mm * largura / altura)
    return Imagem(png, round(largura_mm, 1)), ""
