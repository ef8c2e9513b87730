"""The data of the follow-up documents: the self-diagnosis report and the monthly checklist.

The self-diagnosis report shows a run's answers with notes and evidence, strengths and limits per
dimension and what changed since the previous run; the checklist comes blank (for the meeting)
or filled (as the record, with what stayed open from earlier months).
"""

from __future__ import annotations

import re

from pacto.domain.autodiagnostico import (
    RESPOSTAS,
    Rodada,
    comparar,
    progresso,
    questionario,
    resumir,
)
from pacto.domain.calendario import formatar_data
from pacto.domain.checklist import SITUACOES, LinhaChecklist
from pacto.domain.errors import ErroDocumento
from pacto.domain.netp import nome_mes
from pacto.domain.redacao import primeira_minuscula
from pacto.domain.text import plural
from pacto.services.documentos.contexto import Fontes


def escolher_rodada(rodadas: list[Rodada], rodada_id: int | None) -> tuple[Rodada, Rodada | None]:
    """The run asked for (the latest by default) and the one before it, if any."""
    if not rodadas:
        raise ErroDocumento(
            "Nenhuma rodada de autodiagnóstico registrada. Comece com “pacto autodiagnostico "
            "nova-rodada” ou pela seção Autodiagnóstico da interface."
        )
    if rodada_id is None:
        indice = len(rodadas) - 1
    else:
        indice = next((n for n, r in enumerate(rodadas) if r.id == rodada_id), None)
        if indice is None:
            existentes = ", ".join(f"{r.id} ({r.realizada_em:%d/%m/%Y})" for r in rodadas)
            raise ErroDocumento(
                f"Rodada de autodiagnóstico inexistente: {rodada_id}. Rodadas: {existentes}."
            )
    return rodadas[indice], rodadas[indice - 1] if indice > 0 else None


def _tendencia(melhorou: bool | None) -> str:
    return {True: "Melhorou", False: "Piorou", None: "Mudou"}[melhorou]


_VERBOS = re.compile(
    r"\b(permitem?|está|estão|é|são|foi|foram|consegue|conseguem|alcança|alcançam|participa|"
    r"participam|participaram|tem|têm|existe|existem|possui|possuem)\b"
)


def afirmacao(pergunta: str) -> str:
    """'Há orçamento próprio?' -> 'Há orçamento próprio.': a strength read as a statement."""
    return pergunta.strip().rstrip("?").rstrip() + "."


def negacao(pergunta: str) -> str:
    """'As instalações permitem …?' -> 'As instalações não permitem ….': a limit as a statement."""
    texto = afirmacao(pergunta)
    if texto.startswith("Há "):
        return "Não há " + texto[3:]
    achado = _VERBOS.search(texto)
    if achado:
        antes = texto[: achado.start()].replace(" já ", " ainda ")
        return f"{antes}não {texto[achado.start() :]}"
    return f"Ainda não se verifica: {primeira_minuscula(texto)}"


def contexto_autodiagnostico(f: Fontes, rodada: Rodada, anterior: Rodada | None) -> dict:
    """Answers with notes and evidence per dimension, strengths and limits, and the changes."""
    respondidas, total = progresso(rodada)
    resumos = {r.dimensao.chave: r for r in resumir(rodada)}
    dimensoes = []
    for numero, dim in enumerate(questionario(), start=1):
        resumo = resumos[dim.chave]
        respostas = []
        for item in dim.itens:
            resposta = rodada.respostas.get(item.chave)
            respostas.append(
                {
                    "pergunta": item.pergunta,
                    "resposta": RESPOSTAS[resposta.valor] if resposta else "Sem resposta",
                    "nota": resposta.nota if resposta else "",
                    "evidencia": resposta.evidencia if resposta else "",
                }
            )
        dimensoes.append(
            {
                "numero": numero,
                "nome": dim.nome,
                "indice": resumo.rotulo_indice,
                "respostas": respostas,
                "forcas": [afirmacao(i.pergunta) for i in resumo.forcas],
                "parciais": [
                    f"Em parte: {primeira_minuscula(afirmacao(i.pergunta))}"
                    for i in resumo.parciais
                ],
                "limites": [negacao(i.pergunta) for i in resumo.limites],
            }
        )
    mudancas = comparar(anterior, rodada) if anterior else []
    return {
        **f.comum(f"Autodiagnóstico · rodada de {formatar_data(rodada.realizada_em)}"),
        "titulo": "RELATÓRIO DE AUTODIAGNÓSTICO",
        "subtitulo": f"{f.rc.rede.nome} · Rodada de {formatar_data(rodada.realizada_em)}",
        "rodada": {
            "data": formatar_data(rodada.realizada_em),
            "metodo": rodada.metodo or "Não informado",
            "participantes": rodada.participantes or "Não informado",
            "respondidas": f"{respondidas} de {total} perguntas respondidas",
        },
        "resumo": [
            {
                "nome": d["nome"],
                "indice": d["indice"],
                "forcas": len(d["forcas"]),
                "parciais": len(d["parciais"]),
                "limites": len(d["limites"]),
            }
            for d in dimensoes
        ],
        "dimensoes": dimensoes,
        "anterior": formatar_data(anterior.realizada_em) if anterior else "",
        "mudancas": [
            {
                "pergunta": m.item.pergunta,
                "antes": RESPOSTAS.get(m.antes, "Sem resposta"),
                "depois": RESPOSTAS.get(m.depois, "Sem resposta"),
                "tendencia": _tendencia(m.melhorou),
            }
            for m in mudancas
        ],
    }


def contexto_checklist(f: Fontes, mes: str, linhas: list[LinhaChecklist], em_branco: bool) -> dict:
    """The month's checklist: blank columns for the meeting, or the answers as the record."""
    siglas = {i.id: i.sigla for i in f.rc.instituicoes}
    itens = []
    for numero, linha in enumerate(linhas, start=1):
        resposta = None if em_branco else linha.resposta
        itens.append(
            {
                "numero": numero,
                "texto": linha.item.texto,
                "derivado": linha.item.derivado,
                "situacao": SITUACOES[resposta.situacao]
                if resposta
                else ("" if em_branco else "Sem resposta"),
                "nota": resposta.nota if resposta else "",
                "responsavel": siglas.get(resposta.instituicao_id, "") if resposta else "",
                "pendente_desde": nome_mes(linha.pendente_desde) if linha.pendente_desde else "",
            }
        )
    if em_branco:
        instrucao = (
            "Para preencher na reunião: em cada item, a situação (E – em dia, P – pendente, "
            "N – não se aplica), a observação e a instituição responsável. Os itens marcados "
            "como calculados vêm do que está registrado no pacto."
        )
    else:
        contagem = {chave: 0 for chave in SITUACOES}
        for linha in linhas:
            if linha.resposta:
                contagem[linha.resposta.situacao] += 1
        sem = sum(1 for linha in linhas if linha.resposta is None)
        nomes = {
            "ok": ("em dia", "em dia"),
            "pendente": ("pendente", "pendentes"),
            "nao_se_aplica": ("não se aplica", "não se aplicam"),
        }
        partes = [plural(contagem[c], *nomes[c]) for c in SITUACOES if contagem[c]]
        if sem:
            partes.append(plural(sem, "sem resposta", "sem resposta"))
        lista = " e ".join([", ".join(partes[:-1]), partes[-1]] if len(partes) > 1 else partes)
        instrucao = f"Registro do mês: {plural(len(linhas), 'item', 'itens')} — {lista}."
    rotulo = "em branco" if em_branco else "registro"
    return {
        **f.comum(f"Checklist de {nome_mes(mes)} ({rotulo})"),
        "titulo": "CHECKLIST DO ALINHAMENTO MENSAL",
        "subtitulo": f"{nome_mes(mes).capitalize()} · {f.rc.rede.nome}",
        "em_branco": em_branco,
        "instrucao": instrucao,
        "itens": itens,
    }
