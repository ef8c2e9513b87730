"""The act that institutes the flow (Portaria or Decreto): epígrafe, ementa, preâmbulo, articles, annexes.

The wording follows LC 95/1998: objective first article, chapters, incisos punctuated as an
enumeration, numbers in words, no "revogam-se as disposições em contrário".
"""

from __future__ import annotations

from dataclasses import dataclass

from pacto.domain.catalog import finalidades
from pacto.domain.estrutura_ato import Artigo, Capitulo, Paragrafo, incisos, numerar
from pacto.domain.legislacao import BASE_LEGAL, LGPD, enumerar
from pacto.domain.models import Instituicao
from pacto.domain.redacao import (
    contem_sigla,
    contracao,
    data_epigrafe,
    data_por_extenso,
    numero_por_extenso,
    primeira_minuscula,
)
from pacto.services.documentos import anexos
from pacto.services.documentos.contexto import LINHA_EM_BRANCO, Fontes
from pacto.services.documentos.render import Imagem, Subdocumento

LEI_CURTA = "Lei nº 13.344, de 2016"


@dataclass(frozen=True)
class Especie:
    """How an act names itself: 'PORTARIA' / 'esta Portaria', 'DECRETO' / 'este Decreto'."""

    epigrafe: str
    este: str
    deste: str
    ordem: str  # the word that closes the preâmbulo

    @property
    def Este(self) -> str:  # sentence-initial form
        return self.este[0].upper() + self.este[1:]


ESPECIES = {
    "portaria": Especie("PORTARIA", "esta Portaria", "desta Portaria", "RESOLVE:"),
    "conjunta": Especie(
        "PORTARIA CONJUNTA", "esta Portaria Conjunta", "desta Portaria Conjunta", "RESOLVEM:"
    ),
    "decreto": Especie("DECRETO", "este Decreto", "deste Decreto", "DECRETA:"),
}


@dataclass
class DadosDoAto:
    """What only the person issuing the act knows: its number and process, what it revokes."""

    numero: str = ""
    processo: str = ""
    revoga: str = ""
    ato_gt: str = ""  # the act already recorded for the working group (`pacto gt`)


def com_sigla(inst: Instituicao) -> str:
    """'Núcleo de Enfrentamento … – NETP-RR', as an act names a body the first time."""
    if not inst.sigla or inst.sigla == inst.nome or contem_sigla(inst.nome, inst.sigla):
        return inst.nome
    return f"{inst.nome} – {inst.sigla}"


def _por_tipo(f: Fontes, *tipos: str) -> Instituicao | None:
    return next((i for i in f.rc.instituicoes if i.tipo in tipos), None)


def orgaos_externos(f: Fontes) -> list[Instituicao]:
    """Secretariats other than the issuing body that the act's articles give duties to.

    A Secretário's Portaria binds only the bodies under that Secretário: duties given to
    another Secretaria need a Portaria Conjunta signed by its head too, or a Decreto.
    """
    emissor = f.config.orgao.casefold()
    gestor = _gestor_assistencia(f)
    if gestor is None or gestor.sigla.casefold() == emissor or not emissor:
        return []
    return [gestor]


def epigrafe(f: Fontes, especie: Especie, numero: str) -> str:
    orgao = ""
    if f.config.orgao and especie.epigrafe.startswith("PORTARIA"):
        siglas = [f.config.orgao, *(i.sigla for i in orgaos_externos(f))]
        orgao = " " + ("/".join(siglas) if especie.epigrafe != "PORTARIA" else siglas[0]).upper()
    return f"{especie.epigrafe}{orgao} Nº {numero or '____'}, {data_epigrafe(f.hoje)}"


def autoridade_padrao(f: Fontes, especie: Especie) -> tuple[str, str, str]:
    """Issuer, basis of competence and signatory's role when the settings leave them empty."""
    t = f.territorio
    if especie.epigrafe == "DECRETO":
        if t.municipal:
            cidade = f.rc.rede.municipio
            return (
                f"O PREFEITO DO MUNICÍPIO DE {cidade.upper()}",
                f"a Lei Orgânica do Município de {cidade}",
                f"Prefeito do Município de {cidade}",
            )
        carta = (
            "a Lei Orgânica do Distrito Federal"
            if f.rc.rede.uf == "DF"
            else f"a Constituição {t.do}"
        )
        return (f"O GOVERNADOR {t.do.upper()}", carta, f"Governador {t.do}")
    if especie.epigrafe == "PORTARIA CONJUNTA":
        return (LINHA_EM_BRANCO, "", "")
    return (LINHA_EM_BRANCO, "", "")


def preambulo(f: Fontes, especie: Especie, processo: str) -> str:
    """'O SECRETÁRIO…, no uso das atribuições que lhe confere …, tendo em vista …, resolve:'."""
    autoridade, fundamento, _ = autoridade_padrao(f, especie)
    if _e_decreto(especie):  # a Decreto is always the Governor's or the Mayor's
        artigo = f.config.artigo_constituicao.strip().rstrip(",")
        if artigo:  # "o art. 62, inciso III, da Constituição do Estado de Roraima"
            carta = fundamento.removeprefix("a ")
            fundamento = f"o {artigo.removeprefix('o ')}, {contracao('de', carta)} {carta}"
    else:
        autoridade = f.config.autoridade or autoridade
        fundamento = f.config.fundamento or fundamento
    autoridade = autoridade.upper()
    plural = especie.epigrafe == "PORTARIA CONJUNTA"
    if plural:  # every head of a body that receives duties issues it
        outros = [f"O(A) TITULAR {contracao('de', i.nome).upper()} {i.nome.upper()}"
                  for i in orgaos_externos(f)]  # fmt: skip
        autoridade = " E ".join([autoridade, *outros])
    competencia = (
        f"no uso das atribuições que {'lhes conferem' if plural else 'lhe confere'} {fundamento}"
        if fundamento
        else f"no uso de {'suas' if not plural else 'suas respectivas'} atribuições legais"
    )
    base = enumerar(BASE_LEGAL)
    if processo:
        base += f", e o que consta do Processo nº {processo}"
    return f"{autoridade}, {competencia}, tendo em vista o disposto {base}, {especie.ordem}"


def _finalidades(f: Fontes) -> list[str]:
    escolhidas = set(f.fluxo.finalidades)
    return [primeira_minuscula(fin.nome) for fin in finalidades() if fin.chave in escolhidas]


def _t(f: Fontes, chave: str, especie: Especie | None = None) -> str:
    """An article's wording from textos-atos.toml ([ato] section)."""
    extra = {"deste": especie.deste, "Este": especie.Este} if especie else {}
    return f.redigir("ato", chave, **extra)


def _capitulo_geral(f: Fontes, especie: Especie) -> Capitulo:
    objeto = Artigo(_t(f, "objeto", especie), chave="objeto")
    lista = _finalidades(f)
    if lista:
        objeto.paragrafos.append(Paragrafo(_t(f, "objeto_finalidades", especie), incisos(*lista)))
    definicoes = Artigo(
        _t(f, "definicoes", especie),
        incisos(
            *(
                _t(f, f"definicao_{chave}", especie)
                for chave in ("vitima_direta", "vitima_indireta", "ponto_focal", "aderente",
                              "coordenacao")
            )
        ),
    )  # fmt: skip
    principios = Artigo(_t(f, "principios", especie))
    return Capitulo("DAS DISPOSIÇÕES GERAIS", [objeto, definicoes, principios])


def _capitulo_etapas(f: Fontes) -> Capitulo:
    nomes = [e.nome for e in f.rc.etapas_ordenadas]
    return Capitulo(
        "DAS ETAPAS DO FLUXO",
        [
            Artigo(_t(f, "etapas"), incisos(*nomes)),
            Artigo(_t(f, "encaminhamentos")),
        ],
    )


def _gestor_assistencia(f: Fontes) -> Instituicao | None:
    """The body that manages social assistance in the network's sphere (SUAS)."""
    esfera = (
        "gestor_assistencia_municipal" if f.territorio.municipal else "gestor_assistencia_estadual"
    )
    return _por_tipo(f, esfera) or _por_tipo(
        f, "gestor_assistencia_estadual", "gestor_assistencia_municipal"
    )


def _capitulo_atribuicoes(f: Fontes, coord: Instituicao) -> Capitulo:
    netp = _por_tipo(f, "netp")
    primeiro_atendimento = (
        "realizar o primeiro atendimento à vítima e encaminhá-la aos serviços emergenciais",
        "comunicar o resgate ao órgão gestor da assistência social",
        "articular o atendimento com as políticas de saúde, de assistência social, de educação "
        "e de trabalho e renda",
        "encaminhar à Defensoria Pública os casos que demandem atuação judicial",
    )
    articulacao = (
        "convocar e conduzir as reuniões mensais de alinhamento da rede",
        "manter atualizada a relação de pontos focais e de instituições aderentes",
        "consolidar os dados recebidos das instituições, na forma do {art:informacao}",
        "coordenar o monitoramento e a avaliação do Fluxo, na forma do {art:monitoramento}",
    )
    artigos = []
    exercida = f"exercida {contracao('por', coord.nome)} {com_sigla(coord)}"
    if netp is None or netp.id == coord.id:
        artigos.append(
            Artigo(
                f"Compete à coordenação do Fluxo, {exercida}:",
                incisos(*primeiro_atendimento, *articulacao),
                chave="coordenacao",
            )
        )
    else:
        artigos.append(
            Artigo(
                f"Compete à coordenação do Fluxo, {exercida}:",
                incisos(*articulacao),
                chave="coordenacao",
            )
        )
        artigos.append(
            Artigo(
                f"Compete {contracao('a', netp.nome)} {com_sigla(netp)}:",
                incisos(*primeiro_atendimento),
            )
        )
    gestor = _gestor_assistencia(f)
    sujeito = (
        f"{contracao('a', gestor.nome)} {com_sigla(gestor)}, órgão gestor da assistência social"
        if gestor
        else "ao órgão gestor da assistência social"
    )
    artigos.append(
        Artigo(
            f"Compete {sujeito}, por meio dos serviços do Sistema Único de Assistência Social – "
            "SUAS:",
            incisos(
                "receber as pessoas resgatadas pelas autoridades ou encaminhadas pelos pontos "
                "focais de atendimento e de recepção de denúncias",
                "identificar as necessidades das pessoas atendidas",
                "identificar e atender as famílias das vítimas, com atenção às fragilidades que "
                "possam ser trabalhadas para o fortalecimento dos vínculos familiares e "
                "comunitários",
                "encaminhar as pessoas atendidas aos demais serviços e benefícios da assistência "
                "social, como o Benefício de Prestação Continuada e os benefícios eventuais",
            ),
        )
    )
    artigos.append(
        Artigo(
            _t(f, "demais_instituicoes"),
            incisos(
                *(
                    _t(f, f"demais_{chave}")
                    for chave in ("pontos_focais", "atendimento", "encaminhamentos", "reunioes")
                )
            ),
            [Paragrafo(_t(f, "competencias_legais"))],
        )
    )
    return Capitulo("DAS ATRIBUIÇÕES", artigos)


def _capitulo_adesao(f: Fontes) -> Capitulo:
    adesao = Artigo(
        _t(f, "adesao"),
        paragrafos=[
            Paragrafo(_t(f, "adesao_gratuita")),
            Paragrafo(f"O extrato do Termo de Adesão será publicado no {f.diario_oficial}."),
            Paragrafo(_t(f, "adesao_relacao")),
        ],
        chave="adesao",
    )
    pontos = Artigo(
        _t(f, "pontos_focais"),
        paragrafos=[Paragrafo(_t(f, "pontos_focais_dados"))],
        chave="pontos_focais",
    )
    return Capitulo("DA ADESÃO E DOS PONTOS FOCAIS", [adesao, pontos])


def _capitulo_informacao(f: Fontes) -> Capitulo:
    netp = _por_tipo(f, "netp")
    destino = f"{contracao('a', netp.nome)} {com_sigla(netp)}" if netp else "à coordenação do Fluxo"
    return Capitulo(
        "DO ENVIO DE INFORMAÇÕES AO NÚCLEO DE ENFRENTAMENTO AO TRÁFICO DE PESSOAS",
        [
            Artigo(
                f"As instituições aderentes enviarão mensalmente {destino} dados consolidados "
                "sobre os atendimentos realizados no âmbito do Fluxo, por meio de formulário "
                "pactuado na rede e de canal seguro, com acesso restrito às pessoas designadas.",
                paragrafos=[
                    Paragrafo(_t(f, "informacao_agregada")),
                    Paragrafo(
                        f"O tratamento de dados pessoais no âmbito do Fluxo observará o disposto "
                        f"na {LGPD}, e no art. 6º, incisos IV e V, da {LEI_CURTA}."
                    ),
                ],
                chave="informacao",
            )
        ],
    )


def ato_de_atualizacao(f: Fontes, especie: Especie) -> str:
    """The act that updates the annexes, named so the act says who changes the flow and how."""
    orgao = f.config.orgao_nome
    if especie.epigrafe == "PORTARIA CONJUNTA":
        return "portaria conjunta dos titulares dos órgãos que assinam esta Portaria Conjunta"
    if orgao:
        return f"portaria {contracao('de', orgao)} {orgao}"
    return "portaria de quem edita este ato" if especie.epigrafe == "PORTARIA" else "decreto"


def _capitulo_monitoramento(f: Fontes, especie: Especie) -> Capitulo:
    return Capitulo(
        "DO MONITORAMENTO E DA AVALIAÇÃO",
        [
            Artigo(_t(f, "monitoramento"), chave="monitoramento"),
            Artigo(
                _t(f, "avaliacao"),
                paragrafos=[
                    Paragrafo(
                        "As alterações do Fluxo pactuadas na rede serão formalizadas por "
                        f"{ato_de_atualizacao(f, especie)}, que atualizará os Anexos I e II, "
                        f"publicada no {f.diario_oficial}."
                    )
                ],
            ),
        ],
    )


def _revogacao(texto: str) -> str:
    texto = texto.strip().rstrip(".")
    masculino = texto.split(" ", 1)[0].casefold().startswith(("decreto", "ato"))
    return f"Fica revogad{'o' if masculino else 'a'} {'o' if masculino else 'a'} {texto}."


def _capitulo_final(f: Fontes, especie: Especie, revoga: str) -> Capitulo:
    artigos = [
        Artigo(_t(f, "servico_relevante", especie)),
        Artigo(_t(f, "sem_recursos", especie)),
        Artigo(_t(f, "divulgacao", especie), chave="divulgacao"),
    ]
    if revoga:
        artigos.append(Artigo(_revogacao(revoga)))
    artigos.append(Artigo(_t(f, "vigencia", especie)))
    return Capitulo("DAS DISPOSIÇÕES FINAIS", artigos)


def capitulos_do_ato(f: Fontes, especie: Especie, revoga: str = "") -> list[Capitulo]:
    """The normative part of the act, chapter by chapter."""
    coord = f.coordenacao()
    return [
        _capitulo_geral(f, especie),
        _capitulo_etapas(f),
        _capitulo_atribuicoes(f, coord),
        _capitulo_adesao(f),
        _capitulo_informacao(f),
        _capitulo_monitoramento(f, especie),
        _capitulo_final(f, especie, revoga),
    ]


def _e_decreto(especie: Especie) -> bool:
    """The settings name the Portaria's issuer (a secretary), never the Decreto's."""
    return especie.epigrafe == "DECRETO"


def signatario(f: Fontes, especie: Especie) -> dict:
    """Who signs the act: from the settings for a Portaria; the head of government for a Decreto."""
    _, _, cargo = autoridade_padrao(f, especie)
    if _e_decreto(especie):
        nome = f.config.chefe_executivo
        return {"nome": nome.upper() if nome else LINHA_EM_BRANCO, "cargo": cargo}
    return {
        "nome": f.config.signatario.upper() if f.config.signatario else LINHA_EM_BRANCO,
        "cargo": f.config.cargo or cargo or LINHA_EM_BRANCO,
    }


def assinaturas(f: Fontes, especie: Especie) -> list[dict]:
    """One block per signatory: the issuer, then each head of a body given duties (conjunta)."""
    blocos = [signatario(f, especie)]
    if especie.epigrafe == "PORTARIA CONJUNTA":
        blocos += [
            {"nome": LINHA_EM_BRANCO, "cargo": f"Titular {contracao('de', i.nome)} {i.nome}"}
            for i in orgaos_externos(f)
        ]
    return blocos


def fecho(f: Fontes, especie: Especie) -> str:
    """'Palácio …, em Boa Vista, 3 de dezembro de 2026.' for a Decreto; place and date otherwise."""
    palacio = f.config.palacio.strip().rstrip(",")
    if _e_decreto(especie) and palacio:
        cidade = f.local.split("/")[0]
        return f"{palacio}, em {cidade}, {data_por_extenso(f.hoje)}."
    return f.local_data


def referenda(f: Fontes, especie: Especie) -> list[dict]:
    """The secretaries who countersign a Decreto under the head of government: the settings'
    signatory and the head of each other body the Decreto gives duties to; a Portaria has none."""
    if not _e_decreto(especie):
        return []
    blocos = []
    if f.config.signatario:
        blocos.append({"nome": f.config.signatario.upper(), "cargo": f.config.cargo})
    blocos += [
        {"nome": LINHA_EM_BRANCO, "cargo": f"Titular {contracao('de', i.nome)} {i.nome}"}
        for i in orgaos_externos(f)
    ]
    return blocos


def contexto_ato(
    f: Fontes,
    tipo: str,
    dados: DadosDoAto,
    anexo_termo: bytes,
    diagrama: Imagem | None = None,
) -> dict:
    """The data of the Portaria or Decreto, with its three annexes."""
    especie = ESPECIES[tipo]
    corpo = numerar(capitulos_do_ato(f, especie, dados.revoga), f.config.estilo_artigos)
    return {
        # the Decreto is the Governor's, the Portaria Conjunta several bodies': the government
        **f.comum(orgao="" if tipo in ("decreto", "conjunta") else None),
        "epigrafe": epigrafe(f, especie, dados.numero),
        "ementa": (
            f"Institui o {f.fluxo.nome} {f.territorio.no}, define as atribuições das "
            "instituições que o integram e disciplina a adesão ao Fluxo."
        ),
        "preambulo": preambulo(f, especie, dados.processo),
        "capitulos": corpo,
        "fecho": fecho(f, especie),
        "assinaturas": assinaturas(f, especie),
        "referenda": referenda(f, especie),
        "fluxo": {"nome": f.fluxo.nome},
        "etapas": anexos.etapas(f),
        "raias": anexos.raias(f),
        "diagrama": diagrama,
        "encaminhamentos": anexos.encaminhamentos(f),
        "quadro_atribuicoes": anexos.quadro_atribuicoes(f),
        "anexo_termo": Subdocumento(anexo_termo),
    }


def prazo_por_extenso(dias: int) -> str:
    """'noventa dias', as LC 95/1998 asks numbers to be written in acts."""
    return f"{numero_por_extenso(dias)} {'dia' if dias == 1 else 'dias'}"
