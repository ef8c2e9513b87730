"""What the public web page of the flow shows, in Portuguese or Spanish, from a frozen content.

Pure: it reads the canonical content of a version and the page texts of `modelos/publicacao.toml`
and returns plain data for the HTML template. The public edition carries only institutional
contacts; focal points appear only when the network asks for its restricted edition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pacto.domain.hsds import url_publica
from pacto.domain.text import chave_comparacao

IDIOMAS = ("pt", "es")
_VINTE_E_QUATRO = re.compile(r"\b24\s*(?:h\b|horas)", re.IGNORECASE)


@dataclass(frozen=True)
class Canal:
    """A report channel (Disque 100, Sistema Ipê…) and the purposes it serves."""

    chave: str
    nome: str
    contato: str
    endereco: str
    finalidades: tuple[str, ...]
    textos: dict[str, str]

    def serve(self, finalidades: set[str]) -> bool:
        """True when the channel is for every flow or for one of the flow's purposes."""
        return "todas" in self.finalidades or bool(finalidades & set(self.finalidades))


def canais(dados: dict) -> list[Canal]:
    """The report channels of the page texts file."""
    return [
        Canal(
            c["chave"],
            c["nome"],
            c.get("contato", ""),
            c.get("endereco", ""),
            tuple(c.get("finalidades", ["todas"])),
            {idioma: c.get(idioma, c.get("pt", "")) for idioma in IDIOMAS},
        )
        for c in dados.get("canais", [])
    ]


def atende_24_horas(horario: str) -> bool:
    """True when the opening hours say the service works around the clock."""
    return bool(_VINTE_E_QUATRO.search(horario or ""))


def pagina(
    conteudo: dict,
    textos: dict,
    idioma: str,
    *,
    finalidades_pt: dict[str, str],
    descricoes_etapas: dict[str, str],
    versao: str,
    minuta: bool,
    gerado_em: str,
    com_pontos_focais: bool = False,
) -> dict:
    """The data of one language's page: texts, purposes, channels, stages, directory."""
    t = textos[idioma]
    nomes_etapas = {e["chave"]: e["nome"] for e in conteudo.get("etapas", [])}
    if idioma == "es":
        nomes_etapas |= {k: v for k, v in textos.get("etapas_es", {}).items() if k in nomes_etapas}
    etapas = sorted(conteudo.get("etapas", []), key=lambda e: e["ordem"])
    por_sigla = {i["sigla"]: i for i in conteudo.get("instituicoes", [])}
    atribuicoes = conteudo.get("atribuicoes", [])
    do_fluxo = {a["instituicao"] for a in atribuicoes}

    do_fluxo_finalidades = {f for fluxo in conteudo.get("fluxos", []) for f in fluxo["finalidades"]}
    # in the order of the article's incisos, then any purpose the catalogue does not know
    finalidades = [f for f in finalidades_pt if f in do_fluxo_finalidades]
    finalidades += sorted(do_fluxo_finalidades - set(finalidades))
    nomes_finalidades = textos.get("finalidades_es", {}) if idioma == "es" else finalidades_pt
    primeira = etapas[0]["chave"] if etapas else None
    locais = sorted(
        {
            a["instituicao"]
            for a in atribuicoes
            if a["etapa"] == primeira and por_sigla[a["instituicao"]].get("esfera") != "nacional"
        },
        key=chave_comparacao,
    )

    secoes_etapas = []
    for etapa in etapas:
        itens = sorted(
            (a for a in atribuicoes if a["etapa"] == etapa["chave"]),
            key=lambda a: chave_comparacao(por_sigla[a["instituicao"]]["nome"]),
        )
        secoes_etapas.append(
            {
                "id": f"etapa-{etapa['chave']}",
                "nome": nomes_etapas[etapa["chave"]],
                "descricao": descricoes_etapas.get(etapa["chave"], "") if idioma == "pt" else "",
                "itens": [
                    {
                        "nome": por_sigla[a["instituicao"]]["nome"],
                        "sigla": a["instituicao"],
                        "ancora": _ancora(a["instituicao"]),
                        "texto": a["texto"],
                    }
                    for a in itens
                ],
            }
        )

    diretorio = []
    for sigla in sorted(do_fluxo, key=lambda s: chave_comparacao(por_sigla[s]["nome"])):
        inst = por_sigla[sigla]
        chaves = {a["etapa"] for a in atribuicoes if a["instituicao"] == sigla}
        diretorio.append(
            {
                "nome": inst["nome"],
                "sigla": sigla,
                "ancora": _ancora(sigla),
                "endereco": inst.get("endereco", ""),
                "telefone": inst.get("telefone", ""),
                "email": inst.get("email", ""),
                "site": inst.get("site", ""),
                "site_url": url_publica(inst.get("site", "")),
                "horario": inst.get("horario", ""),
                "vinte_quatro": atende_24_horas(inst.get("horario", "")),
                "etapas": [nomes_etapas[e["chave"]] for e in etapas if e["chave"] in chaves],
            }
        )

    pontos = []
    if com_pontos_focais:
        for ponto in conteudo.get("pontos_focais", []):
            if ponto["instituicao"] in do_fluxo:
                pontos.append(ponto)

    return {
        "idioma": idioma,
        "lang": "pt-BR" if idioma == "pt" else "es",
        "t": t,
        "rede": conteudo.get("rede", {}).get("nome", ""),
        "finalidades": [nomes_finalidades.get(f, finalidades_pt.get(f, f)) for f in finalidades],
        "todas_finalidades": [
            nomes_finalidades.get(chave, nome) for chave, nome in finalidades_pt.items()
        ],
        "canais": [
            {
                "nome": c.nome,
                "contato": c.contato,
                "endereco": c.endereco,
                "texto": c.textos[idioma],
            }
            for c in canais(textos)
            if c.serve(set(finalidades))
        ],
        "canais_locais": [
            {
                "nome": por_sigla[s]["nome"],
                "sigla": s,
                "ancora": _ancora(s),
                "telefone": por_sigla[s].get("telefone", ""),
            }
            for s in locais
        ],
        "etapas": secoes_etapas,
        "diretorio": diretorio,
        "pontos_focais": pontos,
        "versao": versao,
        "minuta": minuta,
        "gerado_em": gerado_em,
    }


def _ancora(sigla: str) -> str:
    """An HTML id for an institution's directory entry."""
    return "inst-" + (re.sub(r"[^a-z0-9]+", "-", chave_comparacao(sigla)).strip("-") or "x")
