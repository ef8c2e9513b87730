"""The guided process through the store and the CLI: working group, self-diagnosis, overrides, status."""

import json

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.autodiagnostico import Resposta
from pacto.domain.errors import ErroValidacao
from pacto.domain.processo import CONCLUIDO, EM_ANDAMENTO, NAO_INICIADO, Ajuste
from pacto.domain.reunioes import Reuniao
from pacto.services.progresso import situacao

from .conftest import HOJE, nova_instituicao


def _cli(caminho, *args):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)
    return resultado


def test_working_group_members_and_act_drive_step_1(ws_vazio):
    assert situacao(ws_vazio, hoje=HOJE).passos[0].situacao == NAO_INICIADO
    a, b = nova_instituicao(ws_vazio, "A"), nova_instituicao(ws_vazio, "B")
    ws_vazio.definir_membro_gt(a.id)
    ws_vazio.definir_membro_gt(b.id)
    ws_vazio.definir_membro_gt(b.id)  # idempotent
    assert sorted(ws_vazio.membros_gt()) == sorted([a.id, b.id])
    ws_vazio.definir_ato_gt("  Portaria nº 7,   de 2 de março de 2026 ")
    passo = situacao(ws_vazio, hoje=HOJE).passos[0]
    # the act is extra evidence: the GT counts once it has met
    assert passo.situacao == EM_ANDAMENTO and "primeira reunião do GT" in passo.motivo
    ws_vazio.criar_reuniao(Reuniao("gt", 1, HOJE.replace(day=3), situacao="realizada"))
    passo = situacao(ws_vazio, hoje=HOJE).passos[0]
    assert passo.situacao == CONCLUIDO
    assert "Portaria nº 7, de 2 de março de 2026" in passo.motivo
    ws_vazio.remover_instituicao(a.id)
    assert ws_vazio.membros_gt() == [b.id]


def test_self_diagnosis_runs_are_kept_and_answers_replaced(ws_vazio):
    r1 = ws_vazio.nova_rodada_autodiagnostico(HOJE.replace(month=6), "Oficina", "Equipe")
    ws_vazio.responder_autodiagnostico(r1.id, Resposta("orcamento", "nao"))
    ws_vazio.responder_autodiagnostico(r1.id, Resposta("orcamento", "parcial", "Emenda prevista"))
    r2 = ws_vazio.nova_rodada_autodiagnostico(HOJE)
    ws_vazio.responder_autodiagnostico(r2.id, Resposta("orcamento", "sim"))
    rodadas = ws_vazio.rodadas_autodiagnostico()
    assert [r.id for r in rodadas] == [r1.id, r2.id]
    assert rodadas[0].respostas["orcamento"].valor == "parcial"
    assert rodadas[0].respostas["orcamento"].nota == "Emenda prevista"
    with pytest.raises(ErroValidacao):
        ws_vazio.responder_autodiagnostico(r2.id, Resposta("orcamento", "talvez"))


def test_override_recorded_and_reopened(ws_vazio):
    ws_vazio.ajustar_passo(Ajuste("pactuacao", 3, CONCLUIDO, "Feita antes do pacto, com ata."))
    passo = situacao(ws_vazio, hoje=HOJE).passos[2]
    assert (passo.situacao, passo.situacao_derivada) == (CONCLUIDO, NAO_INICIADO)
    assert passo.ajuste.registrado_em is not None
    assert ws_vazio.reabrir_passo("pactuacao", 3) is True
    assert situacao(ws_vazio, hoje=HOJE).passos[2].situacao == NAO_INICIADO
    assert ws_vazio.reabrir_passo("pactuacao", 3) is False


def test_status_json_has_process_contract(caminho_demo):
    dados = json.loads(_cli(caminho_demo, "status", "--json").output)
    assert len(dados["passos_pactuacao"]) == 6
    assert len(dados["etapas_elaboracao"]) == 14
    for passo in dados["passos_pactuacao"] + dados["etapas_elaboracao"]:
        assert {"numero", "titulo", "situacao", "motivo"} <= set(passo)
    assert dados["passos_pactuacao"][0]["situacao"] == "concluído"  # the demo has its GT
    assert dados["etapas_elaboracao"][0]["situacao"] == "concluído"  # and its self-diagnosis
    assert {"acao", "motivo"} <= set(dados["proximo_passo"])


def test_passo_concluir_and_reabrir_via_cli(caminho_demo):
    r = _cli(
        caminho_demo,
        "passo",
        "concluir",
        "3",
        "--justificativa",
        "Reunião feita em 2025, ata no SEI.",
    )
    assert r.exit_code == 0 and "Passo 3 registrado como “concluído”" in r.output
    dados = json.loads(_cli(caminho_demo, "status", "--json").output)
    passo = dados["passos_pactuacao"][2]
    assert passo["situacao"] == "concluído" and passo["situacao_derivada"] == "em andamento"
    assert passo["ajuste"]["justificativa"] == "Reunião feita em 2025, ata no SEI."
    assert _cli(caminho_demo, "passo", "reabrir", "3").exit_code == 0
    dados = json.loads(_cli(caminho_demo, "status", "--json").output)
    assert dados["passos_pactuacao"][2]["situacao"] == "em andamento"


def test_passo_errors_are_clear(caminho_demo):
    r = _cli(caminho_demo, "passo", "concluir", "9", "--justificativa", "x")
    assert r.exit_code == 1 and "de 1 a 6" in r.output
    r = _cli(caminho_demo, "passo", "concluir", "2", "--justificativa", "   ")
    assert r.exit_code == 1 and "justificativa" in r.output
    r = _cli(
        caminho_demo,
        "passo",
        "marcar",
        "11",
        "--elaboracao",
        "--situacao",
        "em-andamento",
        "--nota",
        "Planilha pactuada com o NETP",
    )
    assert r.exit_code == 0 and "Etapa 11 registrada" in r.output


def test_gt_and_autodiagnostico_commands(caminho_vazio):
    _cli(caminho_vazio, "status")
    from pacto.store import Workspace

    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "NETP")
        nova_instituicao(ws, "PF")
    assert _cli(caminho_vazio, "gt", "adicionar", "netp", "PF").exit_code == 0
    r = _cli(caminho_vazio, "gt", "adicionar", "XYZ")
    assert r.exit_code == 1 and "XYZ" in r.output
    assert _cli(caminho_vazio, "gt", "ato", "Portaria nº 1/2026").exit_code == 0
    listagem = _cli(caminho_vazio, "gt", "listar").output
    assert "Portaria nº 1/2026" in listagem and "(NETP)" in listagem
    r = _cli(caminho_vazio, "autodiagnostico", "responder", "orcamento", "sim")
    assert r.exit_code == 1 and "nova-rodada" in r.output
    assert (
        _cli(caminho_vazio, "autodiagnostico", "nova-rodada", "--metodo", "Oficina").exit_code == 0
    )
    assert (
        _cli(
            caminho_vazio, "autodiagnostico", "responder", "orcamento", "não", "--nota", "Sem LOA"
        ).exit_code
        == 0
    )
    resumo = json.loads(_cli(caminho_vazio, "autodiagnostico", "resumo", "--json").output)
    posicao = next(d for d in resumo["dimensoes"] if d["nome"] == "Posição administrativa e papel")
    assert posicao["limites"] == ["Há orçamento próprio previsto no PPA e na LOA?"]
    assert resumo["respondidas"] == 1


def test_frozen_version_after_the_open_meeting_completes_step_4_and_roadmap_8(ws_demo):
    ws_demo.ajustar_passo(
        Ajuste("pactuacao", 3, CONCLUIDO, "Reunião ampliada feita fora do pacto.")
    )
    for sugestao in ws_demo.sugestoes():
        if not sugestao.decisao:
            ws_demo.decidir_sugestao(sugestao.id, "nao_acolhida", "Fora do escopo.", quando=HOJE)
    antes = situacao(ws_demo, hoje=HOJE)
    assert antes.passos[3].situacao == "em andamento"
    assert antes.etapas[7].situacao == "em andamento"
    ws_demo.congelar_versao("Versão final após a reunião ampliada")
    depois = situacao(ws_demo, hoje=HOJE)
    assert depois.passos[3].situacao == CONCLUIDO
    assert depois.etapas[7].situacao == CONCLUIDO and "1 versão" in depois.etapas[7].motivo


def test_roadmap_11_and_14_follow_netp_sends_and_indicator_targets(ws_demo):
    from pacto.domain.indicadores import Meta
    from pacto.store.netp_repo import EnvioNetp

    etapas = situacao(ws_demo, hoje=HOJE).etapas
    assert etapas[10].situacao == NAO_INICIADO and etapas[13].situacao == NAO_INICIADO
    hgr = ws_demo.instituicao_por_sigla("HGR")
    from datetime import datetime

    ws_demo.registrar_envio_netp(
        EnvioNetp("2026-10", hgr.id, datetime(2026, 11, 5), {("etapa", "Resgate", "Quantidade"): 2})
    )
    ws_demo.definir_meta(Meta("adesao", "2027", 80))
    etapas = situacao(ws_demo, hoje=HOJE).etapas
    assert etapas[10].situacao == CONCLUIDO and "1 mês" in etapas[10].motivo
    # one target is not monitoring yet: the booklet asks for a periodic evaluation meeting
    assert etapas[13].situacao == EM_ANDAMENTO and "1 indicador com meta" in etapas[13].motivo
    assert "reunião de avaliação" in etapas[13].motivo


def test_demo_meetings_and_suggestions_drive_steps_3_and_4(ws_demo):
    passos = situacao(ws_demo, hoje=HOJE).passos
    assert passos[2].situacao == "em andamento" and "agendada" in passos[2].motivo
    assert passos[3].situacao == "em andamento" and "aguardam decisão" in passos[3].motivo
    ampliada = next(r for r in ws_demo.reunioes() if r.tipo == "ampliada")
    gt = next(r for r in ws_demo.reunioes() if r.tipo == "gt")
    for presenca in ws_demo.presencas(gt.id):
        if presenca.instituicao_id:
            from dataclasses import replace

            ws_demo.registrar_presenca(replace(presenca, id=None, reuniao_id=ampliada.id))
    ws_demo.definir_situacao_reuniao(ampliada.id, "realizada")
    passo = situacao(ws_demo, hoje=HOJE).passos[2]
    # the GT's few members are not half of the 33 mapped institutions
    assert passo.situacao == EM_ANDAMENTO and "faltou quórum (mínimo 17)" in passo.motivo
    from pacto.domain.reunioes import Presenca

    presentes = {p.instituicao_id for p in ws_demo.presencas(ampliada.id)}
    faltam = [i for i in ws_demo.carregar().instituicoes if i.id not in presentes]
    for inst in faltam[: 17 - len(presentes) - 1]:
        ws_demo.registrar_presenca(Presenca(ampliada.id, f"Rep. {inst.sigla}", inst.id))
    assert situacao(ws_demo, hoje=HOJE).passos[2].situacao == EM_ANDAMENTO  # 16 of 33
    inst = faltam[17 - len(presentes) - 1]
    ws_demo.registrar_presenca(Presenca(ampliada.id, f"Rep. {inst.sigla}", inst.id))
    passo = situacao(ws_demo, hoje=HOJE).passos[2]
    assert passo.situacao == CONCLUIDO
    assert "17 de 33 instituições mapeadas presentes" in passo.motivo


def test_adhesions_drive_roadmap_step_12_and_the_checklist(ws_demo):
    from datetime import date as dia

    from pacto.domain.adesao import Adesao
    from pacto.domain.reunioes import Reuniao
    from pacto.services.adesoes import panorama
    from pacto.services.mensal import checklist_do_mes

    versao = ws_demo.congelar_versao("Versão pactuada")
    ws_demo.criar_reuniao(Reuniao("apresentacao_final", 1, dia(2026, 11, 20), situacao="realizada"))
    quadro = panorama(ws_demo)
    for s in quadro.lista[:-1]:
        ws_demo.registrar_adesao(
            Adesao(s.instituicao.id, versao.numero, "assinado"), dia(2026, 11, 20)
        )
    atual = situacao(ws_demo, hoje=HOJE)
    # the pact is the meeting and the frozen version; the missing Termo is roadmap step 12's
    assert atual.passos[4].situacao == CONCLUIDO
    etapa12 = atual.etapas[11]
    assert etapa12.situacao == EM_ANDAMENTO
    assert "1 instituição ainda não assinou nem recusou" in etapa12.motivo
    textos = [
        li.item.texto for li in checklist_do_mes(ws_demo, "2026-11", HOJE) if li.item.derivado
    ]
    assert any(t.startswith("1 adesão pendente: ") for t in textos)
    assert any(t.startswith("1 ação atrasada: PRF-RR") for t in textos)
    ultima = quadro.lista[-1].instituicao
    ws_demo.registrar_adesao(Adesao(ultima.id, versao.numero, "recusado"), dia(2026, 11, 21))
    etapa12 = situacao(ws_demo, hoje=HOJE).etapas[11]
    assert etapa12.situacao == CONCLUIDO and "o Termo basta" in etapa12.motivo
