"""Which column of an actor spreadsheet holds what: field names, header synonyms and matching.

Real lists name their columns in many ways ("Instituição", "Nome do órgão", "E-mail",
"Correio eletrônico"…). Headers are compared without accents, case, spaces or punctuation;
an exact synonym wins, then the longest synonym the header starts with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pacto.domain.campos_ator import CAMPOS as CAMPOS_ATOR
from pacto.domain.campos_ator import CHAVES as CHAVES_ATOR
from pacto.domain.models import Etapa
from pacto.domain.text import sem_acentos

_NAO_ALFANUMERICO = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class CampoPlanilha:
    """A piece of data a column can hold, with its label and the header names that mean it."""

    chave: str
    rotulo: str
    sinonimos: tuple[str, ...]


CAMPOS_INSTITUICAO = CHAVES_ATOR  # the institution's own fields, from the registry

# field key -> (focal point role, focal point attribute)
CAMPOS_PONTO_FOCAL = {
    "ponto_focal": ("titular", "nome"),
    "cargo_ponto_focal": ("titular", "cargo"),
    "telefone_ponto_focal": ("titular", "telefone"),
    "email_ponto_focal": ("titular", "email"),
    "suplente": ("suplente", "nome"),
    "cargo_suplente": ("suplente", "cargo"),
    "telefone_suplente": ("suplente", "telefone"),
    "email_suplente": ("suplente", "email"),
}

PREFIXO_ETAPA = "etapa:"  # a column per stage: "etapa:<chave>", the cell holds the duty

# fmt: off
CAMPOS = (
    *(CampoPlanilha(c.chave, c.rotulo_planilha or c.rotulo, c.sinonimos) for c in CAMPOS_ATOR),
    CampoPlanilha(
        "etapas",
        "Etapas",
        ("etapa", "etapas", "etapa do fluxo", "etapas do fluxo", "fase", "fases"),
    ),
    CampoPlanilha(
        "atribuicoes",
        "Atribuições",
        (
            "atribuição", "atribuições", "atribuições no fluxo", "competência",
            "competências", "papel", "papel no fluxo", "responsabilidades", "o que faz",
        ),
    ),
    CampoPlanilha(
        "contato",
        "Forma de contato",
        ("forma de contato", "formas de contato", "contato", "contatos"),
    ),
    CampoPlanilha("ponto_focal", "Ponto focal titular", ("ponto focal", "ponto focal titular")),
    CampoPlanilha("cargo_ponto_focal", "Cargo do ponto focal", ("cargo", "função", "cargo/função")),
    CampoPlanilha("telefone_ponto_focal", "Telefone do ponto focal", ()),
    CampoPlanilha("email_ponto_focal", "E-mail do ponto focal", ()),
    CampoPlanilha("suplente", "Ponto focal suplente", ("suplente", "ponto focal suplente")),
    CampoPlanilha("cargo_suplente", "Cargo do suplente", ()),
    CampoPlanilha("telefone_suplente", "Telefone do suplente", ()),
    CampoPlanilha("email_suplente", "E-mail do suplente", ()),
)
# fmt: on

POR_CHAVE = {c.chave: c for c in CAMPOS}

# synonyms too generic to be a prefix: "Nome do responsável" is not the institution's name
_SO_EXATO = {"nome", "tipo", "ator", "tel", "obs", "site", "url", "area", "nivel"}

# a header holding one of these speaks of a person (focal point), not of the institution
_MARCAS_PONTO_FOCAL = (
    "pontofocal", "pontosfocais", "titular", "suplente", "representante",
    "pessoadereferencia", "interlocutor",
)  # fmt: skip
# "responsável" speaks of a person too, unless it qualifies the institution ("Órgão responsável")
_MARCA_FRACA = "responsavel"


def normalizar_cabecalho(texto: str) -> str:
    """A header reduced to lower-case letters and digits: 'E-mail ' and 'email' are equal."""
    return _NAO_ALFANUMERICO.sub("", sem_acentos(str(texto or "")).casefold())


def _indice() -> dict[str, str]:
    indice: dict[str, str] = {}
    for campo in CAMPOS:
        for sinonimo in (campo.chave, campo.rotulo, *campo.sinonimos):
            indice.setdefault(normalizar_cabecalho(sinonimo), campo.chave)
    return indice


_INDICE = _indice()
_PREFIXOS = sorted(
    ((s, c) for s, c in _INDICE.items() if s not in _SO_EXATO and len(s) >= 4),
    key=lambda par: -len(par[0]),
)


def _campo_ponto_focal(chave: str) -> str:
    """The focal point field a header speaks of: role from 'suplente', attribute from its words."""
    papel = "suplente" if "suplente" in chave else "titular"
    if "email" in chave or "correio" in chave or "eletronico" in chave:
        atributo = "email"
    elif any(p in chave for p in ("telefon", "fone", "celular", "whatsapp", "contato")):
        atributo = "telefone"
    elif "cargo" in chave or "funcao" in chave:
        atributo = "cargo"
    else:
        atributo = "nome"
    return next(c for c, alvo in CAMPOS_PONTO_FOCAL.items() if alvo == (papel, atributo))


def _campo_por_sinonimo(chave: str) -> str | None:
    if chave in _INDICE:
        return _INDICE[chave]
    return next((campo for prefixo, campo in _PREFIXOS if chave.startswith(prefixo)), None)


def _campo_de_etapa(chave: str, etapas: Iterable[Etapa]) -> str | None:
    for etapa in etapas:
        if chave in (normalizar_cabecalho(etapa.nome), normalizar_cabecalho(etapa.chave)):
            return PREFIXO_ETAPA + etapa.chave
    return None


def classificar_cabecalho(texto: str, grupo: str = "", etapas: Iterable[Etapa] = ()) -> str | None:
    """The field a column header names, or None when it is not recognised.

    `grupo` is the text of a merged header cell above (e.g. "Ponto focal" over "Nome" and
    "Telefone"); `etapas` lets a column named after a stage hold that stage's duty.
    """
    chave = normalizar_cabecalho(texto)
    chave_grupo = normalizar_cabecalho(grupo)
    if not chave:
        return None
    combinada = chave_grupo + chave if chave_grupo and chave_grupo != chave else chave
    if any(m in combinada for m in _MARCAS_PONTO_FOCAL):
        return _campo_ponto_focal(combinada)
    campo = _campo_por_sinonimo(chave)
    if _MARCA_FRACA in combinada and campo != "nome":
        return _campo_ponto_focal(combinada)
    return (
        campo
        or _campo_de_etapa(chave, etapas)
        or (_campo_por_sinonimo(combinada) if combinada != chave else None)
    )


def campo_por_nome(texto: str) -> str | None:
    """The field a user names in `--coluna CAMPO=…`: its key ('email'), label or a synonym."""
    chave = normalizar_cabecalho(texto)
    for campo in CAMPOS:
        if chave == normalizar_cabecalho(campo.chave):
            return campo.chave
    return _INDICE.get(chave)


def rotulo_campo(chave: str, etapas: Iterable[Etapa] = ()) -> str:
    """How a field is named to the user, e.g. 'E-mail' or 'Atribuição em Resgate'."""
    if chave.startswith(PREFIXO_ETAPA):
        etapa_chave = chave.removeprefix(PREFIXO_ETAPA)
        nome = next((e.nome for e in etapas if e.chave == etapa_chave), etapa_chave)
        return f"Atribuição em {nome}"
    return POR_CHAVE[chave].rotulo if chave in POR_CHAVE else chave


def nomes_dos_campos() -> str:
    """The keys `--coluna` accepts, for help texts and error messages."""
    return ", ".join(c.chave for c in CAMPOS)
