"""The network's directory as Open Referral HSDS 3.0 items, built from a flow's canonical content.

Pure mapping: identities come from a function the caller supplies (the service keeps them in
the workspace so a re-export keeps every UUID); nested items (phones, schedules, areas) get
UUIDs derived from their parent's, so they are stable too. Focal points never go out: the
directory is for the public and other services, and only carries institutional contacts.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from pacto.domain.text import chave_comparacao

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL_SEM_ESQUEMA = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")


@dataclass(frozen=True)
class Diretorio:
    """The HSDS items of one export: organizations and services, ready to dump as JSON."""

    organizacoes: list[dict]
    servicos: list[dict]


def chave_organizacao(sigla: str) -> str:
    """The key under which an institution's UUID is kept: its acronym, case and accents aside."""
    return f"org:{chave_comparacao(sigla)}"


def chave_servico(sigla: str, etapa: str, fluxo: str) -> str:
    """The key of one service: what one institution does at one stage of one flow."""
    return f"svc:{chave_comparacao(sigla)}:{etapa}:{chave_comparacao(fluxo)}"


def derivado(pai: str, rotulo: str) -> str:
    """A stable UUID for an item nested in another (a phone, a schedule), from its parent's."""
    return str(uuid.uuid5(uuid.UUID(pai), rotulo))


def url_publica(site: str) -> str:
    """A site as an absolute URI ('www.x.gov.br' gains https://), or '' when it is not one."""
    site = (site or "").strip()
    if site.lower().startswith(("http://", "https://")) and " " not in site:
        return site
    if _URL_SEM_ESQUEMA.match(site):
        return f"https://{site}"
    return ""


def email_valido(email: str) -> str:
    """The e-mail when it looks like one, else '' (HSDS checks the format)."""
    email = (email or "").strip()
    return email if _EMAIL.match(email) else ""


def _telefones(pai: str, telefone: str, chave_pai: str) -> list[dict]:
    numeros = [n.strip() for n in re.split(r"[;/]|\bou\b", telefone or "") if n.strip()]
    return [
        {"id": derivado(pai, f"telefone:{i}"), chave_pai: pai, "number": numero}
        for i, numero in enumerate(numeros)
    ]


def _descricao_organizacao(inst: dict, tipo: str, atuacoes: list[tuple[str, str]]) -> str:
    partes = [f"{tipo}." if tipo else f"{inst['nome']}."]
    if atuacoes:
        partes.append(
            "No fluxo de atendimento a vítimas de tráfico de pessoas: "
            + "; ".join(f"{etapa}: {texto.rstrip('.')}" for etapa, texto in atuacoes)
            + "."
        )
    return " ".join(partes)


def diretorio(
    conteudo: dict,
    *,
    uuid_de: Callable[[str], str],
    tipos: dict[str, str],
    etapas: dict[str, str],
    area: str,
) -> Diretorio:
    """Organizations and services of a flow's canonical content, as HSDS 3.0 items.

    `tipos` names institution types by key, `etapas` names stages by key, `area` is the
    network's territory ("Estado de Roraima"), used as every service's area.
    """
    ordem = {e["chave"]: e["ordem"] for e in conteudo.get("etapas", [])}
    por_sigla = {i["sigla"]: i for i in conteudo.get("instituicoes", [])}
    atribuicoes = sorted(
        conteudo.get("atribuicoes", []),
        key=lambda a: (ordem.get(a["etapa"], 99), a["fluxo"], chave_comparacao(a["instituicao"])),
    )
    atuacoes: dict[str, list[tuple[str, str]]] = {}
    for atr in atribuicoes:
        atuacoes.setdefault(atr["instituicao"], []).append(
            (etapas.get(atr["etapa"], atr["etapa"]), atr["texto"])
        )
    varios_fluxos = len(conteudo.get("fluxos", [])) > 1

    organizacoes = []
    for sigla in sorted(atuacoes, key=chave_comparacao):
        inst = por_sigla[sigla]
        oid = uuid_de(chave_organizacao(sigla))
        org = {
            "id": oid,
            "name": inst["nome"],
            "alternate_name": sigla,
            "description": _descricao_organizacao(
                inst, tipos.get(inst.get("tipo", ""), ""), atuacoes[sigla]
            ),
            "phones": _telefones(oid, inst.get("telefone", ""), "organization_id"),
        }
        if email := email_valido(inst.get("email", "")):
            org["email"] = email
        if site := url_publica(inst.get("site", "")):
            org["website"] = site
        if inst.get("cnpj"):
            org["tax_id"] = inst["cnpj"]
            org["organization_identifiers"] = [
                {
                    "id": derivado(oid, "cnpj"),
                    "identifier_scheme": "BR-CNPJ",
                    "identifier_type": "CNPJ",
                    "identifier": inst["cnpj"],
                }
            ]
        organizacoes.append(org)

    servicos = []
    for atr in atribuicoes:
        inst = por_sigla[atr["instituicao"]]
        org_id = uuid_de(chave_organizacao(inst["sigla"]))
        sid = uuid_de(chave_servico(inst["sigla"], atr["etapa"], atr["fluxo"]))
        etapa = etapas.get(atr["etapa"], atr["etapa"])
        nome = f"{etapa} – {inst['nome']}"
        if varios_fluxos:
            nome += f" ({atr['fluxo']})"
        servico = {
            "id": sid,
            "organization_id": org_id,
            "name": nome,
            "description": atr["texto"],
            "status": "active",
            "phones": _telefones(sid, inst.get("telefone", ""), "service_id"),
            "service_areas": [
                {
                    "id": derivado(sid, "area"),
                    "service_id": sid,
                    "name": area,
                    "extent_type": "text",
                }
            ],
            "languages": [
                {
                    "id": derivado(sid, "idioma:pt"),
                    "service_id": sid,
                    "name": "Português",
                    "code": "pt",
                }
            ],
        }
        if email := email_valido(inst.get("email", "")):
            servico["email"] = email
        if site := url_publica(inst.get("site", "")):
            servico["url"] = site
        if inst.get("horario"):
            servico["schedules"] = [
                {"id": derivado(sid, "horario"), "service_id": sid, "description": inst["horario"]}
            ]
        servicos.append(servico)
    return Diretorio(organizacoes, servicos)


CABECALHO_CSV = (
    "Instituição",
    "Sigla",
    "Etapa",
    "Fluxo",
    "Atribuição",
    "Telefone",
    "E-mail",
    "Site",
    "Endereço",
    "Horário de funcionamento",
)


def linhas_csv(conteudo: dict, etapas: dict[str, str]) -> list[tuple[str, ...]]:
    """The booklet's table for a data portal: one row per institution and stage, no focal points."""
    ordem = {e["chave"]: e["ordem"] for e in conteudo.get("etapas", [])}
    por_sigla = {i["sigla"]: i for i in conteudo.get("instituicoes", [])}
    linhas = []
    for atr in sorted(
        conteudo.get("atribuicoes", []),
        key=lambda a: (chave_comparacao(a["instituicao"]), ordem.get(a["etapa"], 99), a["fluxo"]),
    ):
        inst = por_sigla[atr["instituicao"]]
        linhas.append(
            (
                inst["nome"],
                inst["sigla"],
                etapas.get(atr["etapa"], atr["etapa"]),
                atr["fluxo"],
                atr["texto"],
                inst.get("telefone", ""),
                inst.get("email", ""),
                inst.get("site", ""),
                inst.get("endereco", ""),
                inst.get("horario", ""),
            )
        )
    return linhas
