"""Data shared by the act's annexes and the published flow: stages, lanes, referrals, duties, diagram."""

from __future__ import annotations

import shutil
import subprocess

from pacto.domain.redacao import frase
from pacto.services.documentos.contexto import Fontes, formas_de_contato
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
                "instituicao": inst.rotulo,
                "etapas": etapas_da_inst,
                "atribuicoes": [
                    {"etapa": f.rc.etapa_por_id[a.etapa_id].nome, "texto": frase(a.texto)}
                    for a in proprias
                ],
                "contato": formas_de_contato(inst, sem_contato),
            }
        )
    return linhas


def _texto_dot(f: Fontes) -> str | None:
    """The DOT text of the flow diagram, from the versions work's generator when it is present."""
    return None


def diagrama(f: Fontes, largura_mm: float = 160) -> Imagem | None:
    """The flow as a PNG drawn by Graphviz, or None (the templates then show the lane table)."""
    texto = _texto_dot(f)
    programa = shutil.which("dot")
    if not texto or not programa:
        return None
    try:
        resultado = subprocess.run(
            [programa, "-Tpng", "-Gdpi=150"],
            input=texto.encode("utf-8"),
            capture_output=True,
            timeout=60,
            check=True,
        )
    except (subprocess.SubprocessError, OSError):
        return None
    return Imagem(resultado.stdout, largura_mm) if resultado.stdout else None
