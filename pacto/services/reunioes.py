"""Meeting services: apply an accepted suggestion to the draft flow, and the data of an ata.

`contexto_reuniao` returns plain dicts and strings, ready for document templates (ata, memória,
lista de presença, pauta) and for `pacto reuniao mostrar --json`.
"""

from __future__ import annotations

from datetime import date

from pacto.domain.calendario import (
    data_curta_extenso,
    data_por_extenso,
    formatar_data,
    formatar_hora,
    hora_por_extenso,
)
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Encaminhamento, PontoFocal
from pacto.domain.network import RedeCompleta
from pacto.domain.privacidade import verificar_privacidade
from pacto.domain.propostas import descrever_proposta, validar_proposta
from pacto.domain.reunioes import (
    ASSUNTOS_SUGESTAO,
    DECISOES_SUGESTAO,
    MODALIDADES,
    SITUACOES_ACAO,
    SITUACOES_REUNIAO,
    TIPOS_REUNIAO,
    Acao,
    Reuniao,
    ReuniaoCompleta,
    Sugestao,
    acoes_pendentes_antes,
    ordenar_reunioes,
)
from pacto.domain.text import plural
from pacto.store import Workspace

# -- applying accepted suggestions ---------------------------------------------------


def aplicar_proposta(ws: Workspace, proposta: dict) -> None:
    """Make the change a proposal describes, through the store's validated writes."""
    proposta = validar_proposta(proposta)
    tipo = proposta["tipo"]
    with ws.transacao():
        if tipo == "atribuicao":
            rc = ws.carregar()
            if proposta["instituicao_id"] not in rc.instituicao_por_id:
                raise ErroValidacao("A instituição da proposta não existe mais na rede.")
            if proposta["etapa_id"] not in rc.etapa_por_id:
                raise ErroValidacao("A etapa da proposta não existe mais no fluxo.")
            if proposta["fluxo_id"] not in {f.id for f in rc.fluxos}:
                raise ErroValidacao("O fluxo da proposta não existe mais.")
            ws.definir_atribuicao(
                proposta["instituicao_id"],
                proposta["etapa_id"],
                proposta["fluxo_id"],
                proposta["texto"],
            )
        elif tipo == "encaminhamento":
            _aplicar_encaminhamento(ws, proposta)
        elif tipo == "contato":
            inst = ws.instituicao(proposta["instituicao_id"])
            if inst is None:
                raise ErroValidacao("A instituição da proposta não existe mais na rede.")
            for campo, valor in proposta["campos"].items():
                setattr(inst, campo, valor)
            ws.salvar_instituicao(inst)
        else:
            _aplicar_ponto_focal(ws, proposta)


def _aplicar_encaminhamento(ws: Workspace, proposta: dict) -> None:
    ids = {i.id for i in ws.instituicoes()}
    if proposta["origem_id"] not in ids or proposta["destino_id"] not in ids:
        raise ErroValidacao("Uma das instituições do encaminhamento não existe mais na rede.")
    enc = Encaminhamento(
        fluxo_id=proposta["fluxo_id"],
        origem_id=proposta["origem_id"],
        destino_id=proposta["destino_id"],
        condicao=proposta["condicao"],
        prazo=proposta["prazo"],
        id=proposta.get("encaminhamento_id"),
    )
    if enc.id is not None and enc.id not in {e.id for e in ws.encaminhamentos()}:
        raise ErroValidacao("O encaminhamento que a proposta altera não existe mais.")
    ws.salvar_encaminhamento(enc)


def _aplicar_ponto_focal(ws: Workspace, proposta: dict) -> None:
    if ws.instituicao(proposta["instituicao_id"]) is None:
        raise ErroValidacao("A instituição da proposta não existe mais na rede.")
    if proposta["ponto_focal_id"] is None:
        ponto = PontoFocal(
            instituicao_id=proposta["instituicao_id"], papel=proposta["papel"], nome=""
        )
    else:
        pontos = ws.pontos_focais(proposta["instituicao_id"])
        ponto = next((p for p in pontos if p.id == proposta["ponto_focal_id"]), None)
        if ponto is None:
            raise ErroValidacao("O ponto focal que a proposta altera não existe mais.")
    for campo, valor in proposta["campos"].items():
        setattr(ponto, campo, valor)
    ws.salvar_ponto_focal(ponto)


def aplicar_sugestao(ws: Workspace, sugestao_id: int, hoje: date | None = None) -> str:
    """Apply an accepted suggestion's proposal to the draft flow, in one transaction.

    Returns a sentence saying what changed."""
    with ws.transacao():
        sugestao = ws.sugestao(sugestao_id)
        if sugestao is None:
            raise ErroValidacao(f"Sugestão inexistente: {sugestao_id}.")
        if sugestao.decisao not in ("acolhida", "acolhida_parcialmente"):
            raise ErroValidacao("Só uma sugestão acolhida (total ou parcialmente) é aplicada.")
        if not sugestao.proposta:
            raise ErroValidacao(
                "Esta sugestão não traz uma alteração estruturada; ajuste o fluxo à mão."
            )
        if sugestao.aplicada_em is not None:
            raise ErroValidacao(
                f"A sugestão já foi aplicada em {formatar_data(sugestao.aplicada_em)}."
            )
        descricao = descrever_proposta(sugestao.proposta, ws.carregar())
        aplicar_proposta(ws, sugestao.proposta)
        ws.marcar_sugestao_aplicada(sugestao_id, hoje)
    return descricao


# -- the data of an ata, a memória, a lista de presença or a pauta ------------------


def _acao(acao: Acao, rc: RedeCompleta, hoje: date) -> dict:
    inst = rc.instituicao_por_id.get(acao.instituicao_id)
    return {
        "id": acao.id,
        "descricao": acao.descricao,
        "responsavel": acao.responsavel,
        "instituicao": inst.nome if inst else acao.responsavel,
        "prazo": formatar_data(acao.prazo),
        "situacao": SITUACOES_ACAO[acao.situacao],
        "atrasada": acao.atrasada(hoje),
    }


def _sugestao(s: Sugestao, rc: RedeCompleta) -> dict:
    return {
        "id": s.id,
        "autor": s.autor,
        "assunto": ASSUNTOS_SUGESTAO.get(s.assunto, s.assunto),
        "referencia": s.referencia,
        "texto": s.texto,
        "proposta": descrever_proposta(s.proposta, rc) if s.proposta else "",
        "decisao": DECISOES_SUGESTAO.get(s.decisao, "Pendente"),
        "justificativa": s.justificativa,
        "aplicada_em": formatar_data(s.aplicada_em),
    }


def _resumo_reuniao(r: Reuniao) -> dict:
    return {
        "id": r.id,
        "titulo": r.titulo,
        "data": formatar_data(r.data),
        "data_extenso": data_curta_extenso(r.data),
        "hora": formatar_hora(r.hora),
        "local": r.local,
        "modalidade": MODALIDADES.get(r.modalidade, r.modalidade),
    }


def alertas_da_reuniao(rcr: ReuniaoCompleta) -> list[str]:
    """Privacy warnings over every text recorded in a meeting, for document generation."""
    textos = [(f"Ata do item {i.ordem}", i.ata) for i in rcr.itens]
    textos += [("Deliberação", d.texto) for d in rcr.deliberacoes]
    textos += [("Ação", a.descricao) for a in rcr.acoes]
    textos += [("Sugestão", s.texto) for s in rcr.sugestoes]
    return [
        f"{onde}: {alerta}" for onde, texto in textos for alerta in verificar_privacidade(texto)
    ]


def contexto_reuniao(rc: RedeCompleta, reuniao_id: int, hoje: date | None = None) -> dict:
    """Everything an ata, memória, lista de presença or pauta shows about one meeting."""
    hoje = hoje or date.today()
    rcr = rc.reuniao_completa(reuniao_id)
    if rcr is None:
        raise ErroValidacao(f"Reunião inexistente: {reuniao_id}.")
    r = rcr.reuniao
    rede = rc.rede
    abertura = data_por_extenso(r.data)
    if r.hora:
        abertura += f", {hora_por_extenso(r.hora)}"
    presentes = [
        {
            "nome": p.nome,
            "cargo": p.cargo,
            "orgao": p.organizacao,
            "sigla": rc.instituicao_por_id[p.instituicao_id].sigla
            if p.instituicao_id in rc.instituicao_por_id
            else "",
        }
        for p in rcr.presencas
    ]
    orgaos = {p.instituicao_id or p.organizacao for p in rcr.presencas}
    ordenadas = ordenar_reunioes([x for x in rc.reunioes if x.situacao != "cancelada"])
    anteriores = [x for x in ordenadas if x.inicio < r.inicio]
    seguintes = [x for x in ordenadas if x.inicio > r.inicio]
    itens = {i.id: i for i in rcr.itens}
    contexto = {
        "rede": {
            "nome": rede.nome,
            "uf": rede.uf,
            "municipio": rede.municipio,
            "abrangencia": rede.abrangencia,
        },
        "reuniao": {
            **_resumo_reuniao(r),
            "tipo": r.tipo,
            "tipo_nome": TIPOS_REUNIAO[r.tipo].nome,
            "numero": r.numero,
            "duracao_min": r.duracao_min,
            "presidente": r.presidente,
            "secretario": r.secretario,
            "situacao": SITUACOES_REUNIAO[r.situacao],
            "observacoes": r.observacoes,
        },
        "titulo_ata": f"ATA DA {r.titulo.upper()} DA {rede.nome.upper()}",
        "titulo_memoria": f"Memória da {r.titulo}",
        "abertura": abertura,
        "presentes": presentes,
        "quorum": (
            f"Presentes {plural(len(presentes), 'representante', 'representantes')} de "
            f"{plural(len(orgaos), 'órgão ou instituição', 'órgãos e instituições')}, "
            "conforme a lista de presença anexa."
        ),
        "convidadas": [
            {"nome": i.nome, "sigla": i.sigla, "presente": i.id in rcr.instituicoes_presentes()}
            for i in rc.instituicoes
        ],
        "pauta": [
            {"ordem": i.ordem, "titulo": i.titulo, "minutos": i.minutos, "ata": i.ata}
            for i in rcr.itens
        ],
        "deliberacoes": [
            {
                "numero": n,
                "texto": d.texto,
                "item": itens[d.item_id].titulo if d.item_id in itens else "",
            }
            for n, d in enumerate(rcr.deliberacoes, start=1)
        ],
        "acoes": [_acao(a, rc, hoje) for a in rcr.acoes],
        "pendencias_anteriores": [
            _acao(a, rc, hoje) for a in acoes_pendentes_antes(r, rc.reunioes, rc.acoes)
        ],
        "sugestoes": [_sugestao(s, rc) for s in rcr.sugestoes],
        "reuniao_anterior": _resumo_reuniao(anteriores[-1]) if anteriores else None,
        "proxima_reuniao": _resumo_reuniao(seguintes[0]) if seguintes else None,
        "encerramento": (
            "Nada mais havendo a tratar, a reunião foi encerrada e eu, "
            f"{r.secretario or '____________________'}, lavrei a presente ata, que, lida e "
            "aprovada, vai assinada por mim e pelo(a) presidente, "
            f"{r.presidente or '____________________'}."
        ),
        "alertas_privacidade": alertas_da_reuniao(rcr),
    }
    return contexto


def matriz_sugestoes(rc: RedeCompleta) -> list[dict]:
    """Every suggestion with its author, decision and justification (the suggestions matrix)."""
    reunioes = {r.id: r for r in rc.reunioes}
    linhas = []
    for s in rc.sugestoes:
        linha = _sugestao(s, rc)
        linha["reuniao"] = reunioes[s.reuniao_id].titulo if s.reuniao_id in reunioes else ""
        linha["origem"] = {"ficha": "Ficha de validação", "cli": "Linha de comando"}.get(
            s.origem, "Reunião"
        )
        linhas.append(linha)
    return linhas
