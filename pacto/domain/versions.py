"""Frozen versions of a living flow: canonical content, its SHA-256 hash, and what changed between two."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from pacto.domain.campos_ator import POR_CHAVE, conteudo_de_versao
from pacto.domain.network import RedeCompleta
from pacto.domain.version_diff import (
    CAMPOS_INSTITUICAO,
    CAMPOS_PONTO,
    Mudanca,
    agrupar,
    diferencas,
    mudancas_por_instituicao,
    resumir,
)

__all__ = [
    "Mudanca",
    "VersaoFluxo",
    "agrupar",
    "conteudo_canonico",
    "diferencas",
    "hash_conteudo",
    "mudancas_por_instituicao",
    "problemas_do_conteudo",
    "resumir",
    "texto_canonico",
]


def _chave_sigla(sigla: str) -> str:
    return sigla.casefold()


def conteudo_canonico(rc: RedeCompleta) -> dict:
    """The flow's content without ids, sorted, so equal flows give equal dicts whatever the ids.

    Focal points' confirmation dates are left out on purpose: confirming a contact every month
    is upkeep, not a change to the pact, and must not make a new version necessary.
    """
    sigla = {i.id: i.sigla for i in rc.instituicoes}
    etapa = {e.id: e.chave for e in rc.etapas}
    fluxo = {f.id: f.nome for f in rc.fluxos}
    coordenacao = rc.coordenacao
    instituicoes = [conteudo_de_versao(i) for i in rc.instituicoes]
    pontos = [
        {"instituicao": sigla[p.instituicao_id], "papel": p.papel}
        | {c: getattr(p, c) for c in CAMPOS_PONTO}
        for p in rc.pontos_focais
    ]
    atribuicoes = [
        {
            "instituicao": sigla[a.instituicao_id],
            "etapa": etapa[a.etapa_id],
            "fluxo": fluxo[a.fluxo_id],
            "texto": a.texto,
        }
        for a in rc.atribuicoes
    ]
    encaminhamentos = [
        {
            "fluxo": fluxo[e.fluxo_id],
            "origem": sigla[e.origem_id],
            "destino": sigla[e.destino_id],
            "condicao": e.condicao,
            "prazo": e.prazo,
        }
        for e in rc.encaminhamentos
    ]
    return {
        "rede": {
            "nome": rc.rede.nome,
            "uf": rc.rede.uf,
            "municipio": rc.rede.municipio,
            "coordenacao": coordenacao.sigla if coordenacao else "",
        },
        "fluxos": sorted(
            ({"nome": f.nome, "finalidades": sorted(f.finalidades)} for f in rc.fluxos),
            key=lambda f: (f["nome"], f["finalidades"]),
        ),
        "etapas": sorted(
            (
                {"ordem": e.ordem, "chave": e.chave, "nome": e.nome, "sigla": e.sigla}
                for e in rc.etapas
            ),
            key=lambda e: (e["ordem"], e["chave"]),
        ),
        "instituicoes": sorted(instituicoes, key=lambda i: (_chave_sigla(i["sigla"]), i["sigla"])),
        "pontos_focais": sorted(
            pontos,
            key=lambda p: (
                _chave_sigla(p["instituicao"]),
                p["papel"] != "titular",
                *(p[c] for c in CAMPOS_PONTO),
            ),
        ),
        "atribuicoes": sorted(
            atribuicoes,
            key=lambda a: (_chave_sigla(a["instituicao"]), a["etapa"], a["fluxo"], a["texto"]),
        ),
        "encaminhamentos": sorted(
            encaminhamentos,
            key=lambda e: (
                e["fluxo"],
                _chave_sigla(e["origem"]),
                _chave_sigla(e["destino"]),
                e["condicao"],
                e["prazo"],
            ),
        ),
    }


# The shape of a canonical content: section -> fields every item carries.
ESTRUTURA = {
    "fluxos": ("nome", "finalidades"),
    "etapas": ("ordem", "chave", "nome", "sigla"),
    "instituicoes": tuple(c for c in CAMPOS_INSTITUICAO if not POR_CHAVE[c].omitir_se_padrao),
    "pontos_focais": ("instituicao", "papel", *CAMPOS_PONTO),
    "atribuicoes": ("instituicao", "etapa", "fluxo", "texto"),
    "encaminhamentos": ("fluxo", "origem", "destino", "condicao", "prazo"),
}
_CAMPOS_REDE = ("nome", "uf", "municipio", "coordenacao")


def problemas_do_conteudo(conteudo) -> list[str]:
    """What keeps a content read from outside (a bundle) from being a canonical content."""
    if not isinstance(conteudo, dict):
        return ["o conteúdo deveria ser um objeto"]
    rede = conteudo.get("rede")
    if not isinstance(rede, dict) or not all(isinstance(rede.get(c), str) for c in _CAMPOS_REDE):
        return ["“rede” deveria trazer nome, uf, municipio e coordenacao"]
    problemas = []
    for secao, campos_ in ESTRUTURA.items():
        itens = conteudo.get(secao)
        if not isinstance(itens, list) or not all(isinstance(i, dict) for i in itens):
            problemas.append(f"“{secao}” deveria ser uma lista de objetos")
            continue
        for n, item in enumerate(itens, start=1):
            errados = [c for c in campos_ if not _tipo_certo(c, item.get(c))]
            if errados:
                problemas.append(
                    f"{secao}[{n}]: campos ausentes ou inválidos ({', '.join(errados)})"
                )
                break
    return problemas


def _tipo_certo(campo: str, valor) -> bool:
    if campo == "ordem":
        return isinstance(valor, int) and not isinstance(valor, bool)
    if campo == "finalidades":
        return isinstance(valor, list) and all(isinstance(v, str) for v in valor)
    return isinstance(valor, str)


def texto_canonico(conteudo: dict) -> str:
    """The one JSON text of a content: sorted keys, no spaces, UTF-8 characters as they are."""
    return json.dumps(conteudo, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def hash_conteudo(conteudo: dict) -> str:
    """SHA-256 (hex) of the canonical JSON text: the fingerprint that names a version."""
    import hashlib  # here, not at the top: loading OpenSSL slows `pacto status`

    return hashlib.sha256(texto_canonico(conteudo).encode("utf-8")).hexdigest()


@dataclass
class VersaoFluxo:
    """A frozen, numbered version of the flow, with its content and the hash that seals it."""

    numero: int
    hash: str
    nota: str
    criado_em: datetime
    conteudo: dict
    id: int | None = None

    @property
    def hash_curto(self) -> str:
        """The first 8 hex characters of the hash, enough to tell versions apart when speaking."""
        return self.hash[:8]

    @property
    def integra(self) -> bool:
        """True when the stored content still matches its hash."""
        return hash_conteudo(self.conteudo) == self.hash

    @property
    def rotulo(self) -> str:
        """'versão 2 (a3f9c0d1)', as messages name a version."""
        return f"versão {self.numero} ({self.hash_curto})"
