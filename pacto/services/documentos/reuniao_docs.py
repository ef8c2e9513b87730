"""The data of the meeting documents: the formal ata, the memória, the lista de presença, the pauta
(convocação) and the suggestions matrix, written as Brazilian public bodies write them.

Everything starts from `contexto_reuniao` (the meeting as plain data); this module only words it.
"""

from __future__ import annotations

import re
from datetime import date, time

from pacto.domain.calendario import (
    DIAS_SEMANA,
    data_curta_extenso,
    formatar_data,
    hora_oficial,
    hora_por_extenso,
)
from pacto.domain.calendario import data_por_extenso as abertura_por_extenso
from pacto.domain.errors import ErroDocumento
from pacto.domain.models import Instituicao
from pacto.domain.privacidade import AVISO_PRIVACIDADE, verificar_privacidade
from pacto.domain.redacao import contracao, frase, numero_por_extenso, rotulo_inciso
from pacto.domain.reunioes import MODALIDADES, Reuniao, ordenar_reunioes
from pacto.domain.text import plural
from pacto.services.documentos.contexto import LINHA_EM_BRANCO, Fontes, rotulo
from pacto.services.documentos.grupo_trabalho import membros_padrao
from pacto.services.reunioes import alertas_da_reuniao, contexto_reuniao, matriz_sugestoes

LINHAS_EM_BRANCO = 10  # extra rows of the lista de presença, for walk-ins
PRIVACIDADE_PRESENCA = (
    "Dados coletados só para registrar a presença nesta reunião, de uso restrito da rede. "
    "Informe contatos institucionais; não é pedido CPF nem outro documento pessoal "
    "(Lei nº 13.709/2018 – LGPD)."
)


class DadoPessoalNoTexto(ErroDocumento):
    """Minutes or suggestions look like they hold a victim's personal data; nothing was written."""

    def __init__(self, alertas: list[str]):
        self.alertas = alertas
        linhas = "\n".join(f"• {a}" for a in alertas[:8])
        if len(alertas) > 8:
            linhas += f"\n• … e mais {len(alertas) - 8}"
        super().__init__(
            "O texto registrado parece conter dado pessoal de vítima:\n"
            f"{linhas}\n{AVISO_PRIVACIDADE}\n"
            "Nenhum documento foi gravado. Revise o texto ou repita com --mesmo-assim."
        )


# -- small wording helpers -----------------------------------------------------------------


def reuniao_ou_erro(f: Fontes, reuniao_id: int) -> Reuniao:
    """The meeting with this id, or a clear error."""
    for r in f.rc.reunioes:
        if r.id == reuniao_id:
            return r
    raise ErroDocumento(
        f"Reunião inexistente: {reuniao_id}. Veja as reuniões com “pacto reuniao listar”."
    )


def titulo_formal(r: Reuniao | str) -> str:
    """'1ª Reunião Ordinária do Grupo de Trabalho': the title with no abbreviation."""
    titulo = r if isinstance(r, str) else r.titulo
    return titulo.replace(" do GT", " do Grupo de Trabalho")


def _da_rede(f: Fontes) -> str:
    """'da Rede Estadual …' with the article the network's name takes."""
    return f"{contracao('de', f.rc.rede.nome)} {f.rc.rede.nome}"


_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SEPARADORES = " \t·•|;,–-"


def lugar_e_link(local: str) -> tuple[str, str]:
    """Split a meeting's 'local' field into the place and the link: the field often holds both,
    as in 'Auditório da SETRABES – Av. Ville Roy, 1500 · https://…'."""
    local = (local or "").strip()
    achado = _LINK.search(local)
    if achado is None:
        return local, ""
    link = achado.group(0).rstrip(".,;)")
    lugar = (local[: achado.start()] + " " + local[achado.end() :]).strip(_SEPARADORES)
    return lugar, link


def _onde(r: Reuniao) -> str:
    """Where the meeting happens, as a phrase: 'na Sala …', 'por videoconferência (link)'."""
    lugar, link = lugar_e_link(r.local)
    if r.modalidade == "virtual" or not lugar:
        if r.modalidade != "virtual" and not link:
            return ""
        endereco = link or lugar
        return "por videoconferência" + (f" ({endereco})" if endereco else "")
    frase_lugar = f"{contracao('em', lugar)} {lugar}"
    if r.modalidade == "hibrida":
        frase_lugar += ", com participação também por videoconferência"
    return frase_lugar + (f" ({link})" if link else "")


def _quando(dia: date, hora) -> str:
    """'10 de dezembro de 2026 (quinta-feira), às 14h'."""
    texto = f"{data_curta_extenso(dia)} ({DIAS_SEMANA[dia.weekday()]})"
    return texto + (f", às {hora_oficial(hora)}" if hora else "")


def _hora_do_minuto(minuto: int) -> time:
    return time(minuto // 60 % 24, minuto % 60)


def _horario(r: Reuniao) -> str:
    """'14h às 16h30', or a note when no time is set."""
    if not r.hora:
        return "A definir"
    inicio = r.hora.hour * 60 + r.hora.minute
    return f"{hora_oficial(r.hora)} às {hora_oficial(_hora_do_minuto(inicio + r.duracao_min))}"


def _paragrafos(texto: str) -> list[str]:
    """Free text split into the paragraphs a document prints."""
    return [linha.strip() for linha in (texto or "").splitlines() if linha.strip()]


def _quantos(n: int, singular: str, plural_: str, genero: str = "m") -> str:
    """'12 (doze) representantes', as minutes write counts."""
    return f"{n} ({numero_por_extenso(n, genero)}) {singular if n == 1 else plural_}"


def _pessoa(nome: str, presentes: list[dict], papel: str) -> dict:
    """A signatory of the ata: name, role and institution from the attendance, or a blank line."""
    nome = nome.strip()
    registro = next((p for p in presentes if p["nome"].casefold() == nome.casefold()), None)
    cargo = papel
    if registro:
        detalhe = " – ".join(x for x in (registro["cargo"], registro["sigla"]) if x)
        cargo = f"{papel} – {detalhe}" if detalhe else papel
    return {
        "representante": {"conhecido": bool(nome), "nome": nome or LINHA_EM_BRANCO, "cargo": cargo},
        "rotulo": "" if nome else papel,
    }


def _colegiado(tipo: str) -> str:
    """The body a meeting belongs to: the working group, or the network as a whole."""
    return "gt" if tipo == "gt" else "rede"


def cargo_da_coordenacao(f: Fontes, nome: str) -> str:
    """The role under the convocação's signature: the coordinator's cargo when it is known."""
    nome = nome.strip().casefold()
    if nome and nome == f.config.representante_coordenacao.casefold():
        if f.config.cargo_representante_coordenacao:
            return f.config.cargo_representante_coordenacao
    coord = f.rc.coordenacao
    if coord is not None:
        for ponto in (f.rc.titular(coord.id), f.rc.suplente(coord.id)):
            if ponto is not None and nome and ponto.nome.casefold() == nome and ponto.cargo:
                return ponto.cargo
    return "Pela coordenação da rede"


def _anterior_realizada(f: Fontes, r: Reuniao) -> Reuniao | None:
    """The last meeting held before this one by the same body (GT or network)."""
    realizadas = [
        x
        for x in ordenar_reunioes(f.rc.reunioes)
        if x.situacao == "realizada"
        and x.inicio < r.inicio
        and x.id != r.id
        and _colegiado(x.tipo) == _colegiado(r.tipo)
    ]
    return realizadas[-1] if realizadas else None


_APROVACAO_ATA = re.compile(r"\baprova\w*\b.{0,60}\bata\b|\bata\b.{0,60}\baprovad", re.I | re.S)


def aprovacao_registrada(f: Fontes, r: Reuniao) -> bool:
    """True when this meeting recorded the approval of the previous ata: a deliberation, or the
    minutes of an agenda item written in meeting mode."""
    deliberada = any(
        d.reuniao_id == r.id and _APROVACAO_ATA.search(d.texto) for d in f.rc.deliberacoes
    )
    return deliberada or any(
        i.reuniao_id == r.id and _APROVACAO_ATA.search(i.ata) for i in f.rc.pauta
    )


def _proxima(f: Fontes, r: Reuniao) -> str:
    seguintes = [
        x
        for x in ordenar_reunioes(f.rc.reunioes)
        if x.situacao != "cancelada" and x.inicio > r.inicio
    ]
    if not seguintes:
        return "A data da próxima reunião será definida e comunicada pela coordenação da rede."
    prox = seguintes[0]
    quando = data_curta_extenso(prox.data)
    if prox.hora:
        quando += f", {hora_por_extenso(prox.hora)}"
    onde = _onde(prox)
    return frase(
        f"A próxima reunião, a {titulo_formal(prox)}, ficou marcada para {quando}"
        + (f", {onde}" if onde else "")
    )


def _acoes(dados: list[dict]) -> list[dict]:
    return [
        {
            "descricao": frase(a["descricao"]),
            "instituicao": a["instituicao"] or a["responsavel"] or "—",
            "prazo": a["prazo"] or "A definir",
            "situacao": a["situacao"] + (" (atrasada)" if a["atrasada"] else ""),
        }
        for a in dados
    ]


def _pauta(dados: dict) -> list[dict]:
    return [
        {"ordem": i["ordem"], "titulo": i["titulo"], "paragrafos": _paragrafos(i["ata"])}
        for i in dados["pauta"]
    ]


# -- privacy ---------------------------------------------------------------------------------


def alertas_de_reuniao(f: Fontes, reuniao_id: int) -> list[str]:
    """Privacy warnings over everything recorded in one meeting."""
    reuniao_ou_erro(f, reuniao_id)
    return alertas_da_reuniao(f.rc.reuniao_completa(reuniao_id))


def alertas_de_sugestoes(linhas: list[dict]) -> list[str]:
    """Privacy warnings over the suggestions' texts and justifications."""
    alertas = []
    for n, linha in enumerate(linhas, start=1):
        for campo, nome in (("texto", "Sugestão"), ("justificativa", "Justificativa")):
            alertas += [f"{nome} {n}: {a}" for a in verificar_privacidade(linha[campo])]
    return alertas


# -- the documents -------------------------------------------------------------------------


def contexto_ata(f: Fontes, reuniao_id: int) -> dict:
    """The formal ata: opening in words, chair and secretary, quorum by the attendance list,
    approval of the previous ata, agenda, minutes per item, decisions, actions, closing."""
    r = reuniao_ou_erro(f, reuniao_id)
    dados = contexto_reuniao(f.rc, reuniao_id, f.hoje)
    presentes = dados["presentes"]
    presidente = _pessoa(r.presidente, presentes, "Presidente")
    secretario = _pessoa(r.secretario, presentes, "Responsável pela ata")
    abertura = abertura_por_extenso(r.data)
    if r.hora:
        abertura += f", {hora_por_extenso(r.hora)}"
    onde = _onde(r)
    if onde:
        abertura += f", {onde}"

    def quem(p: dict) -> str:
        return p["representante"]["nome"]

    abertura += (
        f", reuniram-se os representantes das instituições {_da_rede(f)} para a "
        f"{titulo_formal(r)}, sob a presidência de {quem(presidente)}, com a secretaria dos "
        f"trabalhos a cargo de {quem(secretario)}."
    )
    orgaos = {p["sigla"] or p["orgao"] for p in presentes}
    if presentes:
        quorum = (
            f"Registrou-se a presença de "
            f"{_quantos(len(presentes), 'representante', 'representantes')} de "
            f"{_quantos(len(orgaos), 'órgão ou instituição', 'órgãos e instituições')}, "
            "conforme a lista de presença anexa, que passa a integrar esta ata."
        )
    else:
        quorum = (
            "A presença dos participantes consta da lista de presença anexa, que passa a "
            "integrar esta ata."
        )
    anterior = _anterior_realizada(f, r)
    if anterior and aprovacao_registrada(f, r):
        ata_anterior = (
            f"Submetida à apreciação dos presentes, a ata da {titulo_formal(anterior)}, "
            f"realizada em {data_curta_extenso(anterior.data)}, foi aprovada."
        )
    elif anterior:
        # an ata states only what was recorded: no deliberation, no approval
        ata_anterior = (
            f"Não consta registro de apreciação da ata da {titulo_formal(anterior)}, "
            f"realizada em {data_curta_extenso(anterior.data)}."
        )
    else:
        ata_anterior = "Por se tratar da primeira reunião, não houve ata anterior a aprovar."
    secretario_nome = r.secretario.strip() or LINHA_EM_BRANCO
    return {
        **f.comum(f"Ata da {r.titulo} · {formatar_data(r.data)}"),
        "titulo": (f"ATA DA {titulo_formal(r)} {_da_rede(f)}").upper(),
        "abertura": abertura,
        "quorum": quorum,
        "ata_anterior": ata_anterior,
        "pauta": _pauta(dados),
        "deliberacoes": [
            {"rotulo": rotulo_inciso(d["numero"]), "texto": frase(d["texto"])}
            for d in dados["deliberacoes"]
        ],
        "acoes": _acoes(dados["acoes"]),
        "sugestoes": [
            {"autor": s["autor"] or "—", "texto": frase(s["texto"]), "decisao": s["decisao"]}
            for s in dados["sugestoes"]
        ],
        "proxima": _proxima(f, r),
        "encerramento": (
            f"Nada mais havendo a tratar, eu, {secretario_nome}, que secretariei a reunião, "
            "lavrei a presente ata, que, lida e aprovada, vai assinada por mim e por quem presidiu "
            "os trabalhos."
        ),
        "local_data": f"{f.local}, {data_curta_extenso(r.data)}.",
        "presidente": presidente,
        "secretario": secretario,
        "presentes": [
            {"nome": p["nome"], "orgao": p["sigla"] or p["orgao"], "cargo": p["cargo"]}
            for p in presentes
        ],
    }


def contexto_memoria(f: Fontes, reuniao_id: int) -> dict:
    """The lighter memória: participants, agenda, summary per item, decisions and actions."""
    r = reuniao_ou_erro(f, reuniao_id)
    dados = contexto_reuniao(f.rc, reuniao_id, f.hoje)
    return {
        **f.comum(f"Memória da {r.titulo} · {formatar_data(r.data)}"),
        "titulo": "MEMÓRIA DE REUNIÃO",
        "subtitulo": f"{titulo_formal(r)} · {f.rc.rede.nome}",
        "reuniao": {
            "data": _quando(r.data, None),
            "horario": _horario(r),
            "local": r.local or "—",
            "modalidade": MODALIDADES.get(r.modalidade, r.modalidade),
            "presidente": r.presidente or "—",
            "secretario": r.secretario or "—",
        },
        "participantes": [
            {"nome": p["nome"], "orgao": p["sigla"] or p["orgao"], "cargo": p["cargo"]}
            for p in dados["presentes"]
        ],
        "pauta": _pauta(dados),
        "deliberacoes": [frase(d["texto"]) for d in dados["deliberacoes"]],
        "acoes": _acoes(dados["acoes"]),
        "proxima": _proxima(f, r),
    }


def instituicoes_esperadas(f: Fontes, r: Reuniao, membros_gt: list[int]) -> list[Instituicao]:
    """Who is expected at a meeting: the working group's members at a GT meeting (when
    recorded), otherwise every institution of the network except the national report lines."""
    if r.tipo == "gt" and membros_gt:
        membros = [f.rc.instituicao_por_id[i] for i in membros_gt if i in f.rc.instituicao_por_id]
        return sorted(membros, key=lambda i: i.nome.casefold())
    return membros_padrao(f)


def contexto_presenca(f: Fontes, reuniao_id: int, esperadas: list[Instituicao]) -> dict:
    """The lista de presença: one row per expected institution (only the órgão filled) plus
    blank rows; no CPF column, and a privacy note in the footer."""
    r = reuniao_ou_erro(f, reuniao_id)
    linhas = [{"orgao": rotulo(inst)} for inst in esperadas]
    linhas += [{"orgao": ""} for _ in range(LINHAS_EM_BRANCO)]
    return {
        **f.comum(f"Lista de presença · {r.titulo}", PRIVACIDADE_PRESENCA),
        "titulo": "LISTA DE PRESENÇA",
        "reuniao": {
            "titulo": titulo_formal(r),
            "rede": f.rc.rede.nome,
            "data": _quando(r.data, None),
            "horario": _horario(r),
            "local": r.local or "—",
            "modalidade": MODALIDADES.get(r.modalidade, r.modalidade),
        },
        "linhas": linhas,
    }


def contexto_pauta(f: Fontes, reuniao_id: int) -> dict:
    """The convocação with the agenda (times computed from the time boxes) and the action items
    still open from earlier meetings."""
    r = reuniao_ou_erro(f, reuniao_id)
    dados = contexto_reuniao(f.rc, reuniao_id, f.hoje)
    onde = _onde(r)
    convocacao = (
        f"A coordenação {_da_rede(f)} convoca os representantes das instituições da rede para a "
        f"{titulo_formal(r)}, que se realizará em {_quando(r.data, r.hora)}"
        + (f", {onde}" if onde else "")
        + "."
    )
    itens, minuto = [], (r.hora.hour * 60 + r.hora.minute) if r.hora else None
    for item in dados["pauta"]:
        horario = ""
        if minuto is not None:
            fim = minuto + item["minutos"]
            horario = (
                f"{hora_oficial(_hora_do_minuto(minuto))}–{hora_oficial(_hora_do_minuto(fim))}"
            )
            minuto = fim
        itens.append(
            {
                "ordem": item["ordem"],
                "horario": horario,
                "titulo": item["titulo"],
                "minutos": f"{item['minutos']} min",
            }
        )
    coord = f.rc.coordenacao
    presidente = r.presidente.strip()
    return {
        **f.comum(f"Convocação · {r.titulo}"),
        "titulo": "CONVOCAÇÃO",
        "subtitulo": titulo_formal(r),
        "convocacao": convocacao,
        "reuniao": {
            "data": _quando(r.data, None),
            "horario": _horario(r),
            "local": r.local or "A definir",
            "modalidade": MODALIDADES.get(r.modalidade, r.modalidade),
        },
        "pauta": itens,
        "pendencias": _acoes(dados["pendencias_anteriores"]),
        "local_data": f.local_data,
        "coordenacao": {
            "representante": {
                "conhecido": bool(presidente),
                "nome": presidente or LINHA_EM_BRANCO,
                "cargo": cargo_da_coordenacao(f, presidente),
            },
            "rotulo": rotulo(coord) if coord else f.rc.rede.nome,
        },
    }


def sugestoes_escolhidas(f: Fontes, reuniao_id: int | None) -> list[dict]:
    """The suggestions matrix rows: all, or those made in one meeting."""
    linhas = matriz_sugestoes(f.rc)
    if reuniao_id is None:
        return linhas
    reuniao_ou_erro(f, reuniao_id)
    ids = {s.id for s in f.rc.sugestoes if s.reuniao_id == reuniao_id}
    return [linha for linha in linhas if linha["id"] in ids]


def contexto_sugestoes(f: Fontes, linhas: list[dict], reuniao_id: int | None = None) -> dict:
    """The suggestions matrix (booklet step 5.4): suggestion, author, decision, justification."""
    contagem: dict[str, int] = {}
    for linha in linhas:
        contagem[linha["decisao"]] = contagem.get(linha["decisao"], 0) + 1
    partes = [
        plural(contagem[chave], singular, plural_)
        for chave, singular, plural_ in (
            ("Acolhida", "acolhida", "acolhidas"),
            ("Acolhida parcialmente", "acolhida parcialmente", "acolhidas parcialmente"),
            ("Não acolhida", "não acolhida", "não acolhidas"),
            ("Pendente", "pendente de decisão", "pendentes de decisão"),
        )
        if contagem.get(chave)
    ]
    if not linhas:
        resumo = "Nenhuma sugestão registrada até a data deste documento."
    else:
        lista = partes[0] if len(partes) == 1 else ", ".join(partes[:-1]) + " e " + partes[-1]
        resumo = f"{plural(len(linhas), 'sugestão registrada', 'sugestões registradas')}: {lista}."
    origem = (
        titulo_formal(reuniao_ou_erro(f, reuniao_id))
        if reuniao_id is not None
        else "Todas as reuniões"
    )
    return {
        **f.comum(f"Matriz de sugestões · {formatar_data(f.hoje)}"),
        "titulo": "MATRIZ DE SUGESTÕES AO FLUXO",
        "subtitulo": f"{f.fluxo.nome} · {origem} · {formatar_data(f.hoje)}",
        "resumo": resumo,
        "sugestoes": [
            {
                "numero": n,
                "texto": frase(linha["texto"]),
                "assunto": linha["assunto"]
                + (f": {linha['referencia']}" if linha["referencia"] else ""),
                "origem": titulo_formal(linha["reuniao"]) if linha["reuniao"] else linha["origem"],
                "autor": linha["autor"] or "—",
                "decisao": linha["decisao"],
                "justificativa": linha["justificativa"],
            }
            for n, linha in enumerate(linhas, start=1)
        ],
    }
