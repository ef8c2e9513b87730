"""Gather evidence from the workspace and compute where the group stands in the pact and roadmap."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from pacto.domain.adesao import READESAO, ponto_de_apoio
from pacto.domain.autodiagnostico import progresso
from pacto.domain.catalog import tipos_instituicao
from pacto.domain.checks import Lacuna, verificar
from pacto.domain.network import RedeCompleta
from pacto.domain.processo import (
    Evidencias,
    Passo,
    ReuniaoResumo,
    passo_atual,
    passos_pactuacao,
)
from pacto.domain.regras import PREFIXO, Regras, catalogo_regras
from pacto.domain.roteiro import etapas_elaboracao, proximo_passo
from pacto.services.adesoes import panorama
from pacto.store import Workspace


@dataclass
class SituacaoProcesso:
    """The pact steps, the roadmap steps and the next action, computed together."""

    passos: list[Passo]
    etapas: list[Passo]
    proximo: dict

    @property
    def passo_atual(self) -> Passo | None:
        """The first pact step not done yet."""
        return passo_atual(self.passos)

    def como_dict(self) -> dict:
        """The keys `pacto status --json` adds."""
        return {
            "passos_pactuacao": [p.como_dict() for p in self.passos],
            "etapas_elaboracao": [p.como_dict() for p in self.etapas],
            "proximo_passo": self._proximo_como_dict(),
        }

    def _proximo_como_dict(self) -> dict:
        """The next action with the same keys as a step (`numero`, `titulo`, `situacao`,
        `motivo`) plus `acao`, `secao` and `passo`; `numero` is null when no pact step is due."""
        passo = next((p for p in self.passos if p.numero == self.proximo["passo"]), None)
        etapa = next((e for e in self.etapas if e.numero == self.proximo.get("etapa")), None)
        if passo is not None:
            titulo, situacao = passo.titulo, passo.situacao
        elif etapa is not None:
            titulo, situacao = etapa.titulo, etapa.situacao
        else:
            titulo = self.proximo["acao"]
            situacao = "concluído" if self.passo_atual is None else "não iniciado"
        return {"numero": self.proximo["passo"], "titulo": titulo, "situacao": situacao} | (
            self.proximo
        )


def _resumos(rc: RedeCompleta, tipo: str) -> list[ReuniaoResumo]:
    """Meetings of one kind, not cancelled, with how many mapped institutions attended."""
    presentes: dict[int, set[int]] = {}
    for p in rc.presencas:
        if p.instituicao_id is not None:
            presentes.setdefault(p.reuniao_id, set()).add(p.instituicao_id)
    return [
        ReuniaoResumo(r.data, r.situacao == "realizada", len(presentes.get(r.id, ())))
        for r in rc.reunioes
        if r.tipo == tipo and r.situacao != "cancelada"
    ]


def _evidencias_de_reunioes_e_adesoes(ws: Workspace, rc: RedeCompleta) -> dict:
    """What meetings, suggestions, adhesions and generated documents tell the rules."""
    decididas = [s.decidida_em for s in rc.sugestoes if s.decisao and s.decidida_em]
    quadro = panorama(ws, rc)
    situacoes = Counter(s.situacao for s in quadro.lista)
    publicado = bool(ws.configuracao("documentos.ato_instituidor"))
    return {
        "reunioes_gt": _resumos(rc, "gt"),
        "ampliadas": _resumos(rc, "ampliada"),
        "apresentacoes": _resumos(rc, "apresentacao_final"),
        "alinhamentos": [
            r.data for r in rc.reunioes if r.tipo == "alinhamento" and r.situacao == "realizada"
        ],
        "sugestoes_total": len(rc.sugestoes),
        "sugestoes_pendentes": sum(1 for s in rc.sugestoes if not s.decisao),
        "ultima_decisao_sugestao": (
            datetime.combine(max(decididas), datetime.min.time()) if decididas else None
        ),
        "adesoes_assinadas": sum(1 for s in quadro.lista if s.aderida),
        "adesoes_aditivo": situacoes[READESAO],
        "adesoes_recusadas": situacoes["recusado"],
        "adesoes_esperadas": len(quadro.lista),
        "ato_fluxo_gerado": publicado or ws.configuracao("gerado.ato") is not None,
        "ato_fluxo_publicado": publicado,
        "fluxo_publicado": ws.configuracao("gerado.fluxo_publicado") is not None,
    }


def _avaliacao(ws: Workspace, rc: RedeCompleta) -> dict:
    """The last evaluation meeting held with its grid filled, and the targets it should set."""
    from pacto.domain.avaliacao import periodo_seguinte

    grades = {a.reuniao_id: a for a in ws.avaliacoes() if a.preenchida}
    feitas = sorted(
        (r for r in rc.reunioes if r.situacao == "realizada" and r.id in grades),
        key=lambda r: r.data,
    )
    if not feitas:
        return {}
    ultima = feitas[-1]
    periodo = periodo_seguinte(ultima.data, grades[ultima.id].periodicidade)
    return {
        "avaliacao_realizada": ultima.data,
        "periodicidade_avaliacao": grades[ultima.id].periodicidade,
        "periodo_metas": periodo,
        "metas_do_periodo": len({m.indicador for m in ws.metas() if m.periodo == periodo}),
    }


def _etapa7(ws: Workspace) -> dict:
    """Step 7 as recorded: the experiences studied and the decision on the kind of flow."""
    from pacto.services.roteiro_registros import DECISOES, etapa7

    dados = etapa7(ws)
    return {
        "experiencias": [e["nome"] for e in dados["experiencias"]],
        "decisao_fluxo": DECISOES.get(dados["decisao"], ""),
    }


def regras_da_rede(ws: Workspace) -> Regras:
    """The evidence rules in force: the booklet's defaults unless the network set its own."""
    ajustes = {}
    for chave in catalogo_regras():
        valor = ws.configuracao(PREFIXO + chave)
        if valor is not None:
            ajustes[chave] = valor
    return Regras.de(ajustes)


def receptores_sem_pratica(rc: RedeCompleta, receptores: list) -> list[str]:
    """Report channels whose practice is not recorded yet: hours (or 24h) and who they forward to."""
    origens = {e.origem_id for e in rc.encaminhamentos}
    faltas = []
    for inst in sorted(receptores, key=lambda i: i.sigla.casefold()):
        falta = []
        if not inst.horario.strip():
            falta.append("horário (24 horas ou não)")
        if inst.id not in origens:
            falta.append("para quem encaminha")
        if falta:
            faltas.append(f"{inst.sigla}: {' e '.join(falta)}")
    return faltas


def coletar_evidencias(
    ws: Workspace, rc: RedeCompleta, hoje: date, lacunas: list[Lacuna] | None = None
) -> Evidencias:
    """Facts the rules need, read through the store and the network snapshot (`lacunas` when
    the caller already ran the checks on `rc`)."""
    etapa_denuncia = next((e.id for e in rc.etapas if e.chave == "denuncia"), None)
    no_fluxo = rc.etapas_por_instituicao
    colegiados = {t.chave for t in tipos_instituicao().values() if t.colegiado}
    if lacunas is None:
        lacunas = verificar(rc, hoje)
    receptores = [
        rc.instituicao_por_id[i]
        for i in {a.instituicao_id for a in rc.atribuicoes if a.etapa_id == etapa_denuncia}
    ]
    rodadas = ws.rodadas_autodiagnostico()
    ultima = ws.ultima_versao()
    respondidas, total = progresso(rodadas[-1]) if rodadas else (0, 0)
    return Evidencias(
        hoje=hoje,
        instituicoes_mapeadas=len(rc.instituicoes),
        instituicoes_no_fluxo=len(no_fluxo),
        etapas_sem_responsavel=[
            e.nome for e in rc.etapas_ordenadas if e.id not in rc.instituicoes_por_etapa
        ],
        sem_titular=sum(1 for lacuna in lacunas if lacuna.codigo == "sem_titular"),
        membros_gt=len(ws.membros_gt()),
        ato_gt=ws.ato_gt(),
        autodiagnostico_respondidas=respondidas,
        autodiagnostico_total=total,
        receptores_denuncia=len(receptores),
        receptores_sem_pratica=receptores_sem_pratica(rc, receptores),
        regras=regras_da_rede(ws),
        colegiados=sum(1 for i in rc.instituicoes if i.tipo in colegiados),
        osc_no_fluxo=sum(
            1 for i in rc.instituicoes if i.id in no_fluxo and i.esfera == "sociedade_civil"
        ),
        sem_atribuicao=sum(
            1
            for i in rc.instituicoes
            if i.id not in no_fluxo and i.tipo not in colegiados and not ponto_de_apoio(i)
        ),
        lacunas_graves=sum(1 for lacuna in lacunas if lacuna.gravidade == "grave"),
        envios_netp=len(ws.meses_com_envio_netp()),
        destino_informacoes=rc.destino_das_informacoes(),
        indicadores_com_meta=len({m.indicador for m in ws.metas()}),
        versoes=ultima.numero if ultima else 0,
        ultima_versao_em=ultima.criado_em if ultima else None,
        **_evidencias_de_reunioes_e_adesoes(ws, rc),
        **_avaliacao(ws, rc),
        **_etapa7(ws),
    )


def situacao(
    ws: Workspace,
    rc: RedeCompleta | None = None,
    hoje: date | None = None,
    lacunas: list[Lacuna] | None = None,
) -> SituacaoProcesso:
    """Where the working group stands, why, and what to do next."""
    hoje = hoje or date.today()
    rc = rc or ws.carregar()
    ev = coletar_evidencias(ws, rc, hoje, lacunas)
    ajustes = ws.ajustes_passos()
    passos = passos_pactuacao(ev, ajustes)
    etapas = etapas_elaboracao(ev, passos, ajustes)
    return SituacaoProcesso(passos, etapas, proximo_passo(ev, passos, etapas))
