"""The six pact steps, the 14 roadmap steps and the next action, derived from evidence and overrides."""

from datetime import date, datetime

import pytest

from pacto.domain.errors import ErroValidacao
from pacto.domain.processo import (
    CONCLUIDO,
    EM_ANDAMENTO,
    NAO_INICIADO,
    NAO_SE_APLICA,
    Ajuste,
    Evidencias,
    ReuniaoResumo,
    passo_atual,
    passos_pactuacao,
    validar_ajuste,
)
from pacto.domain.roteiro import etapas_elaboracao, proximo_passo, roteiro

HOJE = date(2026, 11, 26)


def _situacoes(ev, ajustes=()):
    return [p.situacao for p in passos_pactuacao(ev, ajustes)]


def _rede_desenhada(**extra) -> Evidencias:
    dados = dict(
        hoje=HOJE,
        instituicoes_mapeadas=28,
        instituicoes_no_fluxo=25,
        membros_gt=6,
        ato_gt="Portaria SEJUC nº 12/2026",
        autodiagnostico_respondidas=17,
        autodiagnostico_total=17,
    )
    dados.update(extra)
    return Evidencias(**dados)


def test_empty_workspace_nothing_started():
    ev = Evidencias(hoje=HOJE)
    assert _situacoes(ev) == [NAO_INICIADO] * 6
    proximo = proximo_passo(ev, passos_pactuacao(ev))
    assert proximo["secao"] == "autodiagnostico"


def test_working_group_needs_members_and_act():
    assert passos_pactuacao(Evidencias(hoje=HOJE, membros_gt=3))[0].situacao == EM_ANDAMENTO
    assert "ato" in passos_pactuacao(Evidencias(hoje=HOJE, membros_gt=3))[0].motivo
    assert passos_pactuacao(Evidencias(hoje=HOJE, ato_gt="Portaria 1"))[0].situacao == EM_ANDAMENTO
    passo = passos_pactuacao(Evidencias(hoje=HOJE, membros_gt=3, ato_gt="Portaria 1"))[0]
    assert passo.situacao == CONCLUIDO and "Portaria 1" in passo.motivo


def test_initial_flow_needs_every_stage():
    ev = _rede_desenhada(etapas_sem_responsavel=["Resgate"])
    passo = passos_pactuacao(ev)[1]
    assert passo.situacao == EM_ANDAMENTO and "Resgate" in passo.motivo
    assert passos_pactuacao(_rede_desenhada())[1].situacao == CONCLUIDO


def test_open_meeting_reports_share_of_mapped_institutions():
    ev = _rede_desenhada(ampliadas=[ReuniaoResumo(date(2026, 10, 1), True, 21)])
    passo = passos_pactuacao(ev)[2]
    assert passo.situacao == CONCLUIDO
    assert "21 de 28 instituições mapeadas presentes (75%)" in passo.motivo
    agendada = _rede_desenhada(ampliadas=[ReuniaoResumo(date(2026, 12, 3), False)])
    assert passos_pactuacao(agendada)[2].situacao == EM_ANDAMENTO


def test_suggestions_need_decisions_and_a_version_frozen_after_them():
    base = dict(ampliadas=[ReuniaoResumo(date(2026, 10, 1), True, 21)], sugestoes_total=5)
    pendentes = _rede_desenhada(**base, sugestoes_pendentes=2)
    assert passos_pactuacao(pendentes)[3].situacao == EM_ANDAMENTO
    decidida = datetime(2026, 10, 20, 15, 0)
    antes = _rede_desenhada(
        **base, ultima_decisao_sugestao=decidida, versoes=1, ultima_versao_em=datetime(2026, 10, 10)
    )
    assert passos_pactuacao(antes)[3].situacao == EM_ANDAMENTO
    depois = _rede_desenhada(
        **base, ultima_decisao_sugestao=decidida, versoes=2, ultima_versao_em=datetime(2026, 10, 21)
    )
    assert passos_pactuacao(depois)[3].situacao == CONCLUIDO


def test_pact_needs_presentation_and_every_institution_signed_or_declined():
    base = dict(apresentacoes=[ReuniaoResumo(date(2026, 11, 5), True, 20)])
    faltando = _rede_desenhada(**base, adesoes_assinadas=20, adesoes_recusadas=1)
    passo = passos_pactuacao(faltando)[4]
    assert passo.situacao == EM_ANDAMENTO and "4 instituições ainda não assinaram" in passo.motivo
    completo = _rede_desenhada(**base, adesoes_assinadas=24, adesoes_recusadas=1)
    assert passos_pactuacao(completo)[4].situacao == CONCLUIDO


def _pactuada(**extra):
    return _rede_desenhada(
        ampliadas=[ReuniaoResumo(date(2026, 9, 1), True, 21)],
        sugestoes_total=1,
        ultima_decisao_sugestao=datetime(2026, 9, 10),
        versoes=2,
        ultima_versao_em=datetime(2026, 9, 11),
        apresentacoes=[ReuniaoResumo(date(2026, 9, 20), True, 22)],
        adesoes_assinadas=25,
        **extra,
    )


def test_monthly_alignment_on_time_and_late():
    em_dia = _pactuada(reunioes_realizadas=[date(2026, 11, 1)])
    assert passos_pactuacao(em_dia)[5].situacao == CONCLUIDO
    atrasada = _pactuada(reunioes_realizadas=[date(2026, 10, 20)])  # 37 days
    passo = passos_pactuacao(atrasada)[5]
    assert passo.situacao == EM_ANDAMENTO and passo.alerta
    assert "37 dias" in passo.motivo
    limite = _pactuada(reunioes_realizadas=[date(2026, 10, 22)])  # 35 days: still on time
    assert passos_pactuacao(limite)[5].situacao == CONCLUIDO


def test_override_is_kept_beside_the_derived_state():
    ev = Evidencias(hoje=HOJE)
    ajuste = Ajuste("pactuacao", 1, CONCLUIDO, "O GT já existia por decreto anterior.")
    passo = passos_pactuacao(ev, [ajuste])[0]
    assert passo.situacao == CONCLUIDO
    assert passo.situacao_derivada == NAO_INICIADO
    assert passo.como_dict()["ajuste"]["justificativa"].startswith("O GT já existia")


def test_override_not_applicable_counts_as_done_for_next_step():
    ev = _rede_desenhada()
    ajustes = [Ajuste("pactuacao", 3, NAO_SE_APLICA, "Rede pequena: tudo foi feito no GT.")]
    passos = passos_pactuacao(ev, ajustes)
    assert passo_atual(passos).numero == 4


def test_override_validation():
    with pytest.raises(ErroValidacao, match="justificativa"):
        validar_ajuste(Ajuste("pactuacao", 2, CONCLUIDO, "  "))
    with pytest.raises(ErroValidacao, match="de 1 a 6"):
        validar_ajuste(Ajuste("pactuacao", 7, CONCLUIDO, "x"))
    with pytest.raises(ErroValidacao, match="de 1 a 14"):
        validar_ajuste(Ajuste("elaboracao", 15, CONCLUIDO, "x"))


def test_roadmap_has_14_steps_each_pointing_to_a_section():
    from pacto.tui.sections import POR_ID

    etapas = roteiro()
    assert [e.numero for e in etapas] == list(range(1, 15))
    assert all(e.secao in POR_ID for e in etapas)


def test_roadmap_derives_where_it_knows_and_asks_by_hand_elsewhere():
    ev = _rede_desenhada(receptores_denuncia=4, sem_titular=3, colegiados=1, osc_no_fluxo=2)
    passos = passos_pactuacao(ev)
    etapas = {p.numero: p for p in etapas_elaboracao(ev, passos)}
    assert etapas[1].situacao == CONCLUIDO  # self-diagnosis answered
    assert etapas[2].situacao == CONCLUIDO
    assert etapas[9].situacao == EM_ANDAMENTO and "3 instituições sem" in etapas[9].motivo
    assert etapas[10].situacao == CONCLUIDO
    assert etapas[7].situacao_derivada is None and "à mão" in etapas[7].motivo
    manual = Ajuste("elaboracao", 7, CONCLUIDO, "Visitamos o fluxo do RJ; fluxo único.")
    etapas = {p.numero: p for p in etapas_elaboracao(ev, passos, [manual])}
    assert etapas[7].situacao == CONCLUIDO and etapas[7].ajuste is manual


def test_roadmap_step_11_derived_when_netp_data_known():
    ev = _rede_desenhada(envios_netp=3)
    etapas = etapas_elaboracao(ev, passos_pactuacao(ev))
    assert etapas[10].situacao == CONCLUIDO and "3 meses" in etapas[10].motivo


def test_next_step_points_to_open_meeting_after_focal_points():
    ev = _rede_desenhada(sem_titular=3)
    proximo = proximo_passo(ev, passos_pactuacao(ev))
    assert proximo["motivo"] == "3 instituições não têm ponto focal titular."
    ev = _rede_desenhada()
    proximo = proximo_passo(ev, passos_pactuacao(ev))
    assert proximo["acao"] == "Realizar a reunião ampliada com todos os atores mapeados."
    assert "não aconteceu" in proximo["motivo"]
    assert proximo["passo"] == 3


def test_next_step_when_all_done():
    ev = _pactuada(reunioes_realizadas=[date(2026, 11, 20)])
    proximo = proximo_passo(ev, passos_pactuacao(ev))
    assert proximo["passo"] is None and proximo["secao"] == "alinhamento"
