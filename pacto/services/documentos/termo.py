"""Termo de Adesão: one per institution, with its duties by stage and its focal points."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pacto.domain.errors import ErroDocumento
from pacto.domain.legislacao import base_legal
from pacto.domain.models import Instituicao
from pacto.domain.redacao import frase
from pacto.services.arquivos import criar_pasta
from pacto.services.documentos.contexto import LINHA_EM_BRANCO, Fontes, qualificacao
from pacto.services.documentos.render import Modelo, renderizar
from pacto.services.gravacao import gravar, verificar


@dataclass
class Representante:
    """Who signs for a party; unknown fields print as a neat blank line to fill by hand."""

    nome: str = ""
    cargo: str = ""
    ato: str = ""

    def como_dict(self) -> dict:
        return {
            "nome": self.nome or LINHA_EM_BRANCO,
            "cargo": self.cargo or LINHA_EM_BRANCO,
            "ato": self.ato or LINHA_EM_BRANCO,
            "conhecido": bool(self.nome),
        }


@dataclass
class Lote:
    """What a batch of documents produced: files written, warnings and institutions left out."""

    arquivos: list[Path] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)
    ignoradas: list[str] = field(default_factory=list)
    falhas: list[str] = field(default_factory=list)  # skipped for bad data: the batch exits 1


def nome_arquivo(prefixo: str, sigla: str) -> str:
    """A safe ASCII file name carrying the acronym: 'termo-adesao-CREAS-Pintolandia.docx'.

    Accents are dropped so the name survives e-mail, SEI uploads and any file system.
    """
    sigla = unicodedata.normalize("NFKD", sigla).encode("ascii", "ignore").decode("ascii")
    seguro = re.sub(r"[^A-Za-z0-9.-]+", "-", sigla).strip("-.") or "instituicao"
    return f"{prefixo}-{seguro}.docx"


def _pontos_focais(f: Fontes, inst: Instituicao | None) -> tuple[list[dict], str]:
    if inst is None:  # the blank model of Annex III
        return [
            {"papel": papel, "nome": "", "cargo": "", "telefone": "", "email": ""}
            for papel in ("Titular", "Suplente")
        ], ""
    linhas = []
    for ponto in (f.rc.titular(inst.id), f.rc.suplente(inst.id)):
        if ponto is not None:
            linhas.append(
                {
                    "papel": ponto.papel.capitalize(),
                    "nome": ponto.nome,
                    "cargo": ponto.cargo,
                    "telefone": ponto.telefone,
                    "email": ponto.email,
                }
            )
    papeis = {linha["papel"] for linha in linhas}
    faltam = {
        frozenset(): "os pontos focais titular e suplente",
        frozenset({"Titular"}): "o ponto focal suplente",
        frozenset({"Suplente"}): "o ponto focal titular",
    }.get(frozenset(papeis), "")
    return linhas, faltam


def contexto_termo(
    f: Fontes, inst: Instituicao | None, representante: Representante | None = None
) -> dict:
    """The data of one institution's Termo; `inst=None` gives the blank model (Annex III)."""
    coord = f.coordenacao()
    if inst is not None and inst.id == coord.id:
        raise ErroDocumento(
            f"{inst.rotulo} é a coordenação do Fluxo e não assina Termo de Adesão consigo mesma."
        )
    if inst is None:
        atribuicoes = [
            {
                "etapa": "Etapa em que atua",
                "texto": "Atribuições da ADERENTE nesta etapa, conforme o quadro de atribuições "
                "do ato que institui o Fluxo.",
            }
        ]
    else:
        atribuicoes = [
            {"etapa": f.rc.etapa_por_id[a.etapa_id].nome, "texto": frase(a.texto)}
            for a in f.atribuicoes_de(inst.id)
        ]
        if not atribuicoes:
            raise ErroDocumento(
                f"{inst.rotulo} não tem atribuições no “{f.fluxo.nome}”; registre o que ela faz "
                "em cada etapa antes de gerar o Termo de Adesão."
            )
    pontos, a_indicar = _pontos_focais(f, inst)
    aderente = qualificacao(inst)
    aderente["representante"] = (representante or Representante()).como_dict()
    coordenacao = qualificacao(coord)
    coordenacao["representante"] = Representante(
        # the model annexed to the act names the cargo, not who holds it today
        f.config.representante_coordenacao if inst is not None else "",
        f.config.cargo_representante_coordenacao,
    ).como_dict()
    t = f.territorio
    return {
        **f.comum(),
        # numbered by the coordination when signed, as the extract in the Diário Oficial cites it
        "titulo": (
            f"TERMO DE ADESÃO Nº ____/{f.hoje.year} AO {f.fluxo.nome.upper()} {t.no.upper()}"
        ),
        "aderente": aderente,
        "coordenacao": coordenacao,
        "fluxo": {"nome": f.fluxo.nome},
        "territorio": t.como_dict(),
        "base_legal": base_legal(f.config.ato_instituidor),
        "atribuicoes": atribuicoes,
        "pontos_focais": pontos,
        # phones and e-mails go to a restricted annex, never to the clause an extract cites
        "contatos_restritos": pontos if inst is not None else [],
        "pontos_a_indicar": a_indicar,
        "diario_oficial": f.diario_oficial,
        "foro": f.local,
        "local_data": (
            f"{f.local}, ____ de ____________ de {f.hoje.year}." if inst is None else f.local_data
        ),
    }


def contexto_aditivo(
    f: Fontes, situacao, representante: Representante | None = None, versao_hash: str = ""
) -> dict:
    """The data of one institution's Termo Aditivo: exactly the changes to its own commitments
    since the version it signed, and its duties as they now read."""
    inst, adesao = situacao.instituicao, situacao.adesao
    if not situacao.mudancas or adesao is None:
        raise ErroDocumento(f"{inst.sigla} não precisa de Termo Aditivo: {situacao.motivo}")
    base = contexto_termo(f, inst, representante)
    for chave in ("base_legal", "foro", "pontos_a_indicar", "pontos_focais", "contatos_restritos"):
        del base[chave]  # the aditivo changes duties only; the Termo's other clauses stand
    referencias = [
        texto
        for texto in (
            f"assinado em {adesao.data:%d/%m/%Y}" if adesao.data else "",
            f"processo {adesao.processo}" if adesao.processo else "",
            f"extrato publicado no {adesao.diario_oficial}" if adesao.diario_oficial else "",
        )
        if texto
    ]
    descricao = f"à versão {adesao.versao_numero} do Fluxo"
    if referencias:
        descricao += f" ({'; '.join(referencias)})"
    t = f.territorio
    return base | {
        "titulo": (
            f"TERMO ADITIVO Nº ____/{f.hoje.year} AO TERMO DE ADESÃO AO "
            f"{f.fluxo.nome.upper()} {t.no.upper()}"
        ),
        "adesao": {"descricao": descricao},
        "versao": {
            "assinada": adesao.versao_numero,
            "nova": situacao.vigente,
            "hash": versao_hash[:8] or "—",
        },
        "mudancas": [m.texto for m in situacao.mudancas],
    }


def gerar_aditivos(
    f: Fontes,
    modelo: Modelo,
    situacoes_: list,
    saida: Path,
    representantes: dict[int, Representante] | None = None,
    versao_hash: str = "",
) -> Lote:
    """Write one Termo Aditivo per institution whose commitments changed, atomically."""
    lote = Lote()
    representantes = representantes or {}
    destinos = [
        saida / nome_arquivo(f"termo-aditivo-v{s.vigente}", s.instituicao.sigla) for s in situacoes_
    ]
    criar_pasta(saida)
    verificar(destinos, f.ws, f.sobrescrever)  # the whole batch or nothing
    for s, destino in zip(situacoes_, destinos, strict=True):
        inst = s.instituicao
        contexto = contexto_aditivo(f, s, representantes.get(inst.id), versao_hash)
        documento = renderizar(modelo, contexto)
        lote.arquivos.append(
            gravar(destino, documento.conteudo, ws=f.ws, sobrescrever=f.sobrescrever, privado=True)
        )
        lote.avisos.extend(a for a in documento.avisos if a not in lote.avisos)
    return lote


def sem_personalidade_juridica(inst: Instituicao) -> bool:
    """Committees and councils (colegiados) cannot sign: they have no legal personality."""
    from pacto.domain.catalog import tipos_instituicao

    if not getattr(inst, "personalidade_juridica", True):
        return True
    tipo = tipos_instituicao().get(inst.tipo)
    return bool(tipo and tipo.colegiado)


def instituicoes_para_termo(f: Fontes) -> tuple[list[Instituicao], list[str]]:
    """Who signs a Termo: institutions with duties in the flow, except the coordination itself,
    the national report lines (Disque 100, Ligue 180), which answer to the whole country, and
    committees and councils without legal personality."""
    coord = f.rc.coordenacao
    signatarias, ignoradas = [], []
    for inst in sorted(f.instituicoes_do_fluxo, key=lambda i: i.sigla.casefold()):
        if coord is not None and inst.id == coord.id:
            ignoradas.append(f"{inst.sigla}: é a coordenação do Fluxo.")
        elif inst.esfera == "nacional":
            ignoradas.append(f"{inst.sigla}: serviço nacional, não assina Termo local.")
        elif getattr(inst, "papel", "fluxo") == "apoio":
            ignoradas.append(f"{inst.sigla}: ponto de apoio, fora do fluxo final.")
        elif sem_personalidade_juridica(inst):
            ignoradas.append(
                f"{inst.sigla}: colegiado sem personalidade jurídica; participa do Fluxo pelo "
                "ato que o institui ou por registro em ata, sem Termo de Adesão próprio."
            )
        else:
            signatarias.append(inst)
    return signatarias, ignoradas


def gerar_termos(
    f: Fontes,
    modelo: Modelo,
    instituicoes: list[Instituicao],
    saida: Path,
    representantes: dict[int, Representante] | None = None,
    ao_avancar: Callable[[Instituicao], None] | None = None,
) -> Lote:
    """Write one Termo per institution into `saida` (0600: they carry focal points' contacts).

    Every target is checked before the first is written, so a Termo that may not be replaced
    leaves the whole batch unwritten.
    """
    lote = Lote()
    representantes = representantes or {}
    usados: set[str] = set()
    destinos = []
    for inst in instituicoes:
        nome = nome_arquivo("termo-adesao", inst.sigla)
        if nome.casefold() in usados:  # two acronyms that differ only in punctuation
            nome = nome_arquivo("termo-adesao", f"{inst.sigla}-{inst.id}")
        usados.add(nome.casefold())
        destinos.append(saida / nome)
    verificar(destinos, f.ws, f.sobrescrever)
    criar_pasta(saida)
    for inst, destino in zip(instituicoes, destinos, strict=True):
        try:
            contexto = contexto_termo(f, inst, representantes.get(inst.id))
            documento = renderizar(modelo, contexto)
        except ErroDocumento as erro:
            if len(instituicoes) == 1:
                raise
            # one institution's data must not cost the others their Termos
            lote.falhas.append(f"{inst.sigla}: {erro.mensagem}")
            if ao_avancar:
                ao_avancar(inst)
            continue
        lote.arquivos.append(
            gravar(destino, documento.conteudo, ws=f.ws, sobrescrever=f.sobrescrever, privado=True)
        )
        lote.avisos.extend(a for a in documento.avisos if a not in lote.avisos)
        if ao_avancar:
            ao_avancar(inst)
    return lote
