"""The six pact steps, the 14 roadmap steps and the next action, derived from evidence and overrides."""

from datetime import date, datetime

import pytest

from pacto.domain.errors import ErroValidacao
from pacto.domain.processo import (
    ATRASADO,
    CONCLUIDO,
    EM_ANDAMENTO,
    EM_DIA,
    NAO_INICIADO,
    NAO_SE_APLICA,
    Ajuste,
    Evidencias,
    ReuniaoResumo,
    passo_atual,
    passos_pactuacao,
    validar_ajuste,
)
from pacto.domain.regras import Regras
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
        reunioes_gt=[ReuniaoResumo(date(2026, 6, 1), True, 6)],
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


def test_working_group_needs_members_and_a_first_meeting_not_an_act():
    primeira = [ReuniaoResumo(date(2026, 6, 1), True, 3)]
    sem_reuniao = passos_pactuacao(Evidencias(hoje=HOJE, membros_gt=3))[0]
    assert sem_reuniao.situacao == EM_ANDAMENTO and "primeira reunião" in sem_reuniao.motivo
    so_ato = passos_pactuacao(Evidencias(hoje=HOJE, ato_gt="Portaria 1"))[0]
    assert so_ato.situacao == EM_ANDAMENTO
    informal = passos_pactuacao(Evidencias(hoje=HOJE, membros_gt=3, reunioes_gt=primeira))[0]
    assert informal.situacao == CONCLUIDO and "grupo informal" in informal.motivo
    assert "o grupo pode ser informal" in informal.regra
    com_ato = Evidencias(hoje=HOJE, membros_gt=2, ato_gt="Portaria 1", reunioes_gt=primeira)
    assert "Portaria 1" in passos_pactuacao(com_ato)[0].motivo
    # the minimum of members is a rule: 2 by default, at its boundary
    um = passos_pactuacao(Evidencias(hoje=HOJE, membros_gt=1, reunioes_gt=primeira))[0]
    assert um.situacao == EM_ANDAMENTO and "ao menos 2" in um.motivo
    exigente = Evidencias(
        hoje=HOJE, membros_gt=2, reunioes_gt=primeira, regras=Regras(membros_gt=3)
    )
    assert passos_pactuacao(exigente)[0].situacao == EM_ANDAMENTO


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
    assert "metade" not in passo.motivo and "50%" in passo.regra
    agendada = _rede_desenhada(ampliadas=[ReuniaoResumo(date(2026, 12, 3), False)])
    assert passos_pactuacao(agendada)[2].situacao == EM_ANDAMENTO


@pytest.mark.parametrize(
    ("mapeadas", "presentes", "fracao", "esperado"),
    [
        (28, 14, 0.5, CONCLUIDO),  # exactly half
        (28, 13, 0.5, EM_ANDAMENTO),
        (33, 17, 0.5, CONCLUIDO),  # half of an odd number rounds up
        (33, 16, 0.5, EM_ANDAMENTO),
        (33, 3, 0.5, EM_ANDAMENTO),  # the 3 of 33
        (33, 11, 1 / 3, CONCLUIDO),
        (33, 10, 1 / 3, EM_ANDAMENTO),
    ],
)
def test_open_meeting_attendance_rule_at_its_boundary(mapeadas, presentes, fracao, esperado):
    ev = _rede_desenhada(
        instituicoes_mapeadas=mapeadas,
        ampliadas=[ReuniaoResumo(date(2026, 10, 1), True, presentes)],
        regras=Regras(presenca_ampliada=fracao),
    )
    passo = passos_pactuacao(ev)[2]
    assert passo.situacao == esperado
    if esperado == EM_ANDAMENTO:
        assert "faltou quórum" in passo.motivo


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


def test_pact_is_the_meeting_and_the_frozen_version_not_the_signatures():
    reuniao = [ReuniaoResumo(date(2026, 11, 5), True, 20)]
    sem_versao = passos_pactuacao(_rede_desenhada(apresentacoes=reuniao))[4]
    assert sem_versao.situacao == EM_ANDAMENTO and "congelar" in sem_versao.motivo
    # half the Termos unsigned does not hold the pact back: they belong to roadmap step 12
    ev = _rede_desenhada(
        apresentacoes=reuniao, versoes=1, adesoes_esperadas=24, adesoes_assinadas=12
    )
    passo = passos_pactuacao(ev)[4]
    assert passo.situacao == CONCLUIDO and "etapa 12 do roteiro" in passo.motivo
    etapa12 = etapas_elaboracao(ev, passos_pactuacao(ev))[11]
    assert etapa12.situacao == EM_ANDAMENTO
    assert "12 instituições ainda não assinaram nem recusaram" in etapa12.motivo
    agendada = _rede_desenhada(apresentacoes=[ReuniaoResumo(date(2026, 12, 5), False)])
    assert passos_pactuacao(agendada)[4].situacao == EM_ANDAMENTO


def test_roadmap_step_12_a_termo_alone_or_an_act_counts():
    termos = _rede_desenhada(
        versoes=1,
        adesoes_esperadas=10,
        adesoes_assinadas=9,
        adesoes_recusadas=1,
        ato_fluxo_gerado=False,
        ato_fluxo_publicado=False,
    )
    etapa = etapas_elaboracao(termos, passos_pactuacao(termos))[11]
    assert etapa.situacao == CONCLUIDO and "o Termo basta" in etapa.motivo
    ato = _rede_desenhada(versoes=1, ato_fluxo_gerado=True, ato_fluxo_publicado=True)
    assert etapas_elaboracao(ato, passos_pactuacao(ato))[11].situacao == CONCLUIDO


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
    em_dia = _pactuada(alinhamentos=[date(2026, 11, 1)])
    assert passos_pactuacao(em_dia)[5].situacao == EM_DIA
    atrasada = _pactuada(alinhamentos=[date(2026, 10, 20)])  # 37 days
    passo = passos_pactuacao(atrasada)[5]
    assert passo.situacao == ATRASADO and passo.alerta
    assert "37 dias" in passo.motivo
    limite = _pactuada(alinhamentos=[date(2026, 10, 22)])  # 35 days: still on time
    assert passos_pactuacao(limite)[5].situacao == EM_DIA
    um_dia_alem = _pactuada(alinhamentos=[date(2026, 10, 21)])  # 36 days
    assert passos_pactuacao(um_dia_alem)[5].situacao == ATRASADO
    # the interval is a rule: a network that meets every 45 days is on time at 37
    bimestral = _pactuada(alinhamentos=[date(2026, 10, 20)], regras=Regras(dias_alinhamento=45))
    assert passos_pactuacao(bimestral)[5].situacao == EM_DIA


def test_monthly_alignment_starts_right_after_the_pact_meeting():
    # pact on 20/09; no alignment yet, 67 days later: late, not "not started"
    passo = passos_pactuacao(_pactuada())[5]
    assert passo.situacao == ATRASADO and "desde a pactuação em 20/09/2026" in passo.motivo
    recente = _pactuada(hoje=date(2026, 10, 1))
    passo = passos_pactuacao(recente)[5]
    assert passo.situacao == NAO_INICIADO and "até 25/10/2026" in passo.motivo
    # an alignment before the pact meeting does not count; nothing but alignments count
    antes = _pactuada(hoje=date(2026, 10, 1), alinhamentos=[date(2026, 9, 1)])
    assert passos_pactuacao(antes)[5].situacao == NAO_INICIADO


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
    assert etapas[7].situacao == NAO_INICIADO and "experiências consultadas" in etapas[7].motivo
    manual = Ajuste("elaboracao", 7, CONCLUIDO, "Visitamos o fluxo do RJ; fluxo único.")
    etapas = {p.numero: p for p in etapas_elaboracao(ev, passos, [manual])}
    assert etapas[7].situacao == CONCLUIDO and etapas[7].ajuste is manual


def test_roadmap_step_7_needs_experiences_and_the_decision():
    def etapa7(**extra):
        ev = _rede_desenhada(**extra)
        return etapas_elaboracao(ev, passos_pactuacao(ev))[6]

    so_experiencia = etapa7(experiencias=["Fluxo estadual do RJ"])
    assert (
        so_experiencia.situacao == EM_ANDAMENTO and "pacto fluxo decisao" in so_experiencia.motivo
    )
    so_decisao = etapa7(decisao_fluxo="um fluxo por finalidade")
    assert so_decisao.situacao == EM_ANDAMENTO
    feita = etapa7(experiencias=["Fluxo do RJ", "CIPETP-SP"], decisao_fluxo="um fluxo único")
    assert feita.situacao == CONCLUIDO
    assert feita.motivo == (
        "2 experiências consultadas (Fluxo do RJ, CIPETP-SP); decisão: um fluxo único."
    )


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


def test_next_step_moves_to_the_roadmap_while_alignment_is_kept_up():
    ev = _pactuada(alinhamentos=[date(2026, 11, 20)], receptores_denuncia=3, colegiados=1)
    passos = passos_pactuacao(ev)
    etapas = etapas_elaboracao(ev, passos)
    proximo = proximo_passo(ev, passos, etapas)
    assert proximo["passo"] is None and proximo["etapa"] == 6
    assert proximo["acao"].startswith("Etapa 6 do roteiro: Articular os colegiados")
    feitas = [Ajuste("elaboracao", n, CONCLUIDO, "Feito na rede.") for n in (6, 7, 9, 10, 11)]
    etapas = etapas_elaboracao(ev, passos, feitas)
    proximo = proximo_passo(ev, passos, etapas)
    assert proximo["etapa"] == 12 and "Etapa 12 do roteiro" in proximo["acao"]
    # all 14 done: keep the flow alive
    todas = [Ajuste("elaboracao", n, CONCLUIDO, "Feito.") for n in range(1, 15)]
    proximo = proximo_passo(ev, passos, etapas_elaboracao(ev, passos, todas))
    assert proximo["etapa"] is None and proximo["secao"] == "alinhamento"
