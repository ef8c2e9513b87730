"""Generate the documents into a folder: load the templates in force, fill them, write atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pacto.domain.autodiagnostico import Rodada
from pacto.domain.calendario import alerta_de_data
from pacto.domain.checklist import LinhaChecklist
from pacto.domain.errors import ErroDocumento
from pacto.domain.models import Instituicao
from pacto.domain.reunioes import Reuniao
from pacto.services.documentos import anexos, modelos
from pacto.services.documentos.acompanhamento import (
    contexto_autodiagnostico,
    contexto_checklist,
    escolher_rodada,
)
from pacto.services.documentos.ato import DadosDoAto, contexto_ato
from pacto.services.documentos.contexto import Fontes
from pacto.services.documentos.fluxo_publicado import contexto_fluxo
from pacto.services.documentos.grupo_trabalho import contexto_gt, escolher_membros
from pacto.services.documentos.render import renderizar
from pacto.services.documentos.reuniao_docs import (
    DadoPessoalNoTexto,
    alertas_de_reuniao,
    alertas_de_sugestoes,
    contexto_ata,
    contexto_memoria,
    contexto_pauta,
    contexto_presenca,
    contexto_sugestoes,
    instituicoes_esperadas,
    reuniao_ou_erro,
    sugestoes_escolhidas,
)
from pacto.services.documentos.termo import (
    Lote,
    Representante,
    contexto_termo,
    gerar_aditivos,
    gerar_termos,
    instituicoes_para_termo,
    sem_personalidade_juridica,
)

ARQUIVOS = {
    "portaria": "portaria.docx",
    "conjunta": "portaria-conjunta.docx",
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
    modelos.conferir(modelo, "termo")  # a broken template writes nothing at all
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
    for inst in escolhidas if siglas else []:
        if sem_personalidade_juridica(inst):
            lote.avisos.append(
                f"{inst.sigla} é um colegiado sem personalidade jurídica: não pode assinar Termo "
                "de Adesão; sua participação cabe no ato que institui o Fluxo ou em ata."
            )
    return lote


def aditivos(
    f: Fontes,
    quadro,
    saida: Path,
    *,
    siglas: list[str] | None = None,
    pasta_modelos: Path | None = None,
    representantes: dict[int, Representante] | None = None,
) -> Lote:
    """Termos Aditivos for the named institutions, or for every one whose commitments changed
    in the latest frozen version (`quadro` is the adhesion picture of `services.adesoes`)."""
    from pacto.domain.adesao import READESAO

    if quadro.ultima is None:
        raise ErroDocumento(
            "Nenhuma versão do fluxo foi congelada; o Termo Aditivo compara a versão assinada "
            "com uma versão nova."
        )
    por_id = {s.instituicao.id: s for s in quadro.lista}
    if siglas:
        escolhidas = []
        for sigla in siglas:
            inst = _instituicao(f, sigla)
            situacao = por_id.get(inst.id)
            if situacao is None:
                raise ErroDocumento(f"{inst.sigla} não assina Termo de Adesão neste fluxo.")
            if situacao.situacao != READESAO or not situacao.mudancas:
                raise ErroDocumento(f"{inst.sigla} não precisa de Termo Aditivo: {situacao.motivo}")
            escolhidas.append(situacao)
    else:
        escolhidas = [s for s in quadro.lista if s.situacao == READESAO and s.mudancas]
        if not escolhidas:
            raise ErroDocumento(
                f"Nenhuma instituição precisa de Termo Aditivo: a versão {quadro.ultima.numero} "
                "não alterou os compromissos de quem já assinou."
            )
    modelo = modelos.carregar("aditivo", pasta_modelos)
    modelos.conferir(modelo, "aditivo")
    lote = gerar_aditivos(f, modelo, escolhidas, saida, representantes, quadro.ultima.hash)
    if f.minuta:
        lote.avisos.append(
            f"O rascunho mudou depois da versão {quadro.ultima.numero}: o quadro de atribuições "
            "saiu do rascunho. Congele uma nova versão antes de colher a assinatura."
        )
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
    from dataclasses import replace

    from pacto.services.documentos.textos import carregar as carregar_textos

    dados = dados or DadosDoAto()
    f = replace(f, textos=carregar_textos(pasta_modelos))
    nota = ""
    if tipo == "gt":
        contexto = contexto_gt(f, dados, escolher_membros(f, membros), prazo_dias)
    elif tipo in ("portaria", "conjunta", "decreto"):
        # Annex I is a landscape page: 24.7 cm wide, about 13 cm left under its headings
        imagem, nota = anexos.diagrama(f, largura_max_mm=247, altura_max_mm=130)
        contexto = contexto_ato(f, tipo, dados, termo_modelo(f, pasta_modelos), imagem)
    else:
        raise ErroDocumento(
            f"Tipo de ato desconhecido: {tipo}. Use portaria, conjunta, decreto ou gt."
        )
    # a Portaria Conjunta is a Portaria with more signatories: the same template
    chave = "portaria" if tipo == "conjunta" else tipo
    modelo = modelos.carregar(chave, pasta_modelos)
    modelos.conferir(modelo, chave)
    documento = renderizar(modelo, contexto)
    lote = Lote(avisos=documento.avisos + ([nota] if nota else []))
    lote.arquivos.append(gravar_documento(f, saida / ARQUIVOS[tipo], documento.conteudo))
    return lote


def fluxo(
    f: Fontes, saida: Path, *, pasta_modelos: Path | None = None, com_pontos_focais: bool = False
) -> Lote:
    """The published flow, for the network and the public."""
    # "O fluxo" is a landscape page: 24.7 cm wide, about 14 cm under the heading
    imagem, nota = anexos.diagrama(f, largura_max_mm=247, altura_max_mm=140)
    contexto = contexto_fluxo(f, imagem, com_pontos_focais)
    modelo = modelos.carregar("fluxo", pasta_modelos)
    modelos.conferir(modelo, "fluxo")
    documento = renderizar(modelo, contexto)
    lote = Lote(avisos=documento.avisos + ([nota] if nota else []))
    lote.arquivos.append(
        gravar_documento(
            f, saida / ARQUIVOS["fluxo"], documento.conteudo, privado=com_pontos_focais
        )
    )
    return lote


# -- meetings, self-diagnosis and the monthly checklist ---------------------------------------


def gravar_documento(f: Fontes, destino: Path, conteudo: bytes, privado: bool = False) -> Path:
    """Write a generated document the safe way, recorded in the workspace of its sources."""
    from pacto.services.arquivos import criar_pasta
    from pacto.services.gravacao import gravar

    criar_pasta(destino.parent)
    return gravar(destino, conteudo, ws=f.ws, sobrescrever=f.sobrescrever, privado=privado)


def _um_documento(
    f: Fontes, chave: str, contexto: dict, destino: Path, pasta_modelos: Path | None
) -> Lote:
    """Fill one template and write it; a template with unknown markers writes nothing."""
    from pacto.services.gravacao import verificar

    verificar([destino], f.ws, f.sobrescrever)  # before rendering: a refusal costs nothing
    modelo = modelos.carregar(chave, pasta_modelos)
    modelos.conferir(modelo, chave)
    documento = renderizar(modelo, contexto)
    lote = Lote(avisos=list(documento.avisos))
    lote.arquivos.append(gravar_documento(f, destino, documento.conteudo))
    return lote


def nome_da_reuniao(prefixo: str, r: Reuniao) -> str:
    """'ata-2026-10-29-gt-1.docx': sorts by date and names the meeting."""
    return f"{prefixo}-{r.data.isoformat()}-{r.tipo.replace('_', '-')}-{r.numero}.docx"


def _privacidade(alertas: list[str], mesmo_assim: bool) -> list[str]:
    """Refuse to write when the text looks like a victim's data, unless the user insists."""
    if alertas and not mesmo_assim:
        raise DadoPessoalNoTexto(alertas)
    return [f"Possível dado pessoal de vítima no documento — {a}" for a in alertas]


def ata(
    f: Fontes,
    saida: Path,
    reuniao_id: int,
    *,
    memoria: bool = False,
    mesmo_assim: bool = False,
    pasta_modelos: Path | None = None,
) -> Lote:
    """The formal ata of a meeting, or its lighter memória; refuses text with a victim's data."""
    r = reuniao_ou_erro(f, reuniao_id)
    avisos = _privacidade(alertas_de_reuniao(f, reuniao_id), mesmo_assim)
    if memoria:
        lote = _um_documento(
            f,
            "memoria",
            contexto_memoria(f, reuniao_id),
            saida / nome_da_reuniao("memoria", r),
            pasta_modelos,
        )
    else:
        lote = _um_documento(
            f, "ata", contexto_ata(f, reuniao_id), saida / nome_da_reuniao("ata", r), pasta_modelos
        )
    if r.situacao == "planejada":
        avisos.append(
            f"A {r.titulo} ainda consta como planejada; o documento traz o que foi registrado "
            "até agora. Marque-a como realizada na seção Reuniões (ou com “pacto reuniao realizar”)."
        )
    lote.avisos = avisos + lote.avisos
    return lote


def presenca(
    f: Fontes,
    saida: Path,
    reuniao_id: int,
    *,
    membros_gt: list[int] | None = None,
    pasta_modelos: Path | None = None,
) -> Lote:
    """The lista de presença, pre-filled with the institutions expected at the meeting."""
    r = reuniao_ou_erro(f, reuniao_id)
    esperadas = instituicoes_esperadas(f, r, list(membros_gt or []))
    contexto = contexto_presenca(f, reuniao_id, esperadas)
    return _um_documento(
        f, "presenca", contexto, saida / nome_da_reuniao("presenca", r), pasta_modelos
    )


def pauta(f: Fontes, saida: Path, reuniao_id: int, *, pasta_modelos: Path | None = None) -> Lote:
    """The convocação with the agenda; warns when the date is a holiday or a weekend."""
    r = reuniao_ou_erro(f, reuniao_id)
    lote = _um_documento(
        f,
        "pauta",
        contexto_pauta(f, reuniao_id),
        saida / nome_da_reuniao("pauta", r),
        pasta_modelos,
    )
    alerta = alerta_de_data(r.data, f.rc.rede.uf)
    if alerta:
        lote.avisos.append(alerta)
    return lote


def sugestoes(
    f: Fontes,
    saida: Path,
    reuniao_id: int | None = None,
    *,
    mesmo_assim: bool = False,
    pasta_modelos: Path | None = None,
) -> Lote:
    """The suggestions matrix, of every suggestion or of one meeting's."""
    linhas = sugestoes_escolhidas(f, reuniao_id)
    avisos = _privacidade(alertas_de_sugestoes(linhas), mesmo_assim)
    nome = "matriz-sugestoes.docx"
    if reuniao_id is not None:
        nome = nome_da_reuniao("matriz-sugestoes", reuniao_ou_erro(f, reuniao_id))
    lote = _um_documento(
        f, "sugestoes", contexto_sugestoes(f, linhas, reuniao_id), saida / nome, pasta_modelos
    )
    lote.avisos = avisos + lote.avisos
    return lote


def autodiagnostico(
    f: Fontes,
    saida: Path,
    rodadas: list[Rodada],
    rodada_id: int | None = None,
    *,
    pasta_modelos: Path | None = None,
) -> Lote:
    """The self-diagnosis report of a run (the latest by default), compared with the one before."""
    rodada, anterior = escolher_rodada(rodadas, rodada_id)
    contexto = contexto_autodiagnostico(f, rodada, anterior)
    destino = saida / f"autodiagnostico-{rodada.realizada_em.isoformat()}.docx"
    return _um_documento(f, "autodiagnostico", contexto, destino, pasta_modelos)


def checklist(
    f: Fontes,
    saida: Path,
    mes: str,
    linhas: list[LinhaChecklist],
    *,
    em_branco: bool = False,
    pasta_modelos: Path | None = None,
) -> Lote:
    """The month's checklist, blank for the meeting or filled as the record."""
    nome = f"checklist-{mes}{'-em-branco' if em_branco else ''}.docx"
    contexto = contexto_checklist(f, mes, linhas, em_branco)
    return _um_documento(f, "checklist", contexto, saida / nome, pasta_modelos)
