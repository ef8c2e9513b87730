"""Generate the documents into a folder: load the templates in force, fill them, write atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pacto.domain.errors import ErroDocumento
from pacto.domain.models import Instituicao
from pacto.services.documentos import anexos, modelos
from pacto.services.documentos.ato import DadosDoAto, contexto_ato
from pacto.services.documentos.contexto import Fontes
from pacto.services.documentos.fluxo_publicado import contexto_fluxo
from pacto.services.documentos.grupo_trabalho import contexto_gt, escolher_membros
from pacto.services.documentos.render import gravar_atomico, renderizar
from pacto.services.documentos.termo import (
    Lote,
    Representante,
    contexto_termo,
    gerar_termos,
    instituicoes_para_termo,
)

ARQUIVOS = {
    "portaria": "portaria.docx",
    "decreto": "decreto.docx",
    "gt": "portaria-grupo-de-trabalho.docx",
    "fluxo": "fluxo-publicado.docx",
}


def _instituicao(f: Fontes, sigla: str) -> Instituicao:
    inst = f.rc.instituicao_por_sigla(sigla)
    if inst is not None:
        return inst
    raise ErroDocumento(f"Nenhuma instituição com a sigla “{sigla}” nesta rede.")


def termos(
    f: Fontes,
    saida: Path,
    *,
    siglas: list[str] | None = None,
    pasta_modelos: Path | None = None,
    representantes: dict[int, Representante] | None = None,
    ao_avancar: Callable[[Instituicao], None] | None = None,
) -> Lote:
    """Termos for the named institutions, or for every institution that signs one."""
    modelo = modelos.carregar("termo", pasta_modelos)
    if siglas:
        escolhidas, ignoradas = [_instituicao(f, s) for s in siglas], []
    else:
        escolhidas, ignoradas = instituicoes_para_termo(f)
        if not escolhidas:
            raise ErroDocumento(
                "Nenhuma instituição tem atribuições no Fluxo para assinar Termo de Adesão."
            )
    lote = gerar_termos(f, modelo, escolhidas, saida, representantes, ao_avancar)
    lote.ignoradas = ignoradas
    return lote


def termo_modelo(f: Fontes, pasta_modelos: Path | None = None) -> bytes:
    """The blank Termo that goes as Annex III of the act, from the Termo template in force."""
    documento = renderizar(modelos.carregar("termo", pasta_modelos), contexto_termo(f, None))
    return documento.conteudo


def ato(
    f: Fontes,
    saida: Path,
    tipo: str = "portaria",
    dados: DadosDoAto | None = None,
    *,
    pasta_modelos: Path | None = None,
    membros: list[str] | None = None,
    prazo_dias: int = 90,
) -> Lote:
    """The Portaria, the Decreto or the working group's Portaria."""
    dados = dados or DadosDoAto()
    nota = ""
    if tipo == "gt":
        contexto = contexto_gt(f, dados, escolher_membros(f, membros), prazo_dias)
    elif tipo in ("portaria", "decreto"):
        # Annex I is a landscape page: 24.7 cm wide, about 13 cm left under its headings
        imagem, nota = anexos.diagrama(f, largura_max_mm=247, altura_max_mm=130)
        contexto = contexto_ato(f, tipo, dados, termo_modelo(f, pasta_modelos), imagem)
    else:
        raise ErroDocumento(f"Tipo de ato desconhecido: {tipo}. Use portaria, decreto ou gt.")
    documento = renderizar(modelos.carregar(tipo, pasta_modelos), contexto)
    lote = Lote(avisos=documento.avisos + ([nota] if nota else []))
    lote.arquivos.append(gravar_atomico(saida / ARQUIVOS[tipo], documento.conteudo))
    return lote


def fluxo(
    f: Fontes, saida: Path, *, pasta_modelos: Path | None = None, com_pontos_focais: bool = False
) -> Lote:
    """The published flow, for the network and the public."""
    imagem, nota = anexos.diagrama(f, largura_max_mm=160, altura_max_mm=200)
    contexto = contexto_fluxo(f, imagem, com_pontos_focais)
    documento = renderizar(modelos.carregar("fluxo", pasta_modelos), contexto)
    lote = Lote(avisos=documento.avisos + ([nota] if nota else []))
    lote.arquivos.append(gravar_atomico(saida / ARQUIVOS["fluxo"], documento.conteudo))
    return lote
