"""Meetings in the workspace: agenda and minutes, attendance, action items, suggestions applied to the flow."""

from datetime import date, time

import pytest

from pacto.domain.errors import ErroValidacao
from pacto.domain.reunioes import (
    Acao,
    Deliberacao,
    Presenca,
    Reuniao,
    Sugestao,
    acoes_pendentes_antes,
    ler_pauta,
    proxima_reuniao,
)
from pacto.services.reunioes import aplicar_sugestao, contexto_reuniao, matriz_sugestoes

from .conftest import HOJE, nova_instituicao, novo_ponto


def _reuniao(ws, tipo="gt", dia=date(2026, 12, 3), **campos) -> Reuniao:
    return ws.criar_reuniao(
        Reuniao(tipo=tipo, numero=ws.proximo_numero_reuniao(tipo), data=dia, **campos)
    )


def test_new_meeting_gets_the_usual_agenda_and_the_next_number(ws_vazio):
    primeira = _reuniao(ws_vazio, hora=time(14))
    segunda = _reuniao(ws_vazio)
    assert primeira.titulo == "1ª Reunião Ordinária do GT"
    assert segunda.titulo == "2ª Reunião Ordinária do GT"
    itens = ws_vazio.itens_pauta(primeira.id)
    assert itens[0].titulo == "Abertura e aprovação da pauta"
    assert [i.ordem for i in itens] == list(range(1, len(itens) + 1))
    assert _reuniao(ws_vazio, "ampliada").titulo == "1ª Reunião Ampliada"


def test_number_is_used_once_per_kind_unless_cancelled(ws_vazio):
    r = _reuniao(ws_vazio)
    with pytest.raises(ErroValidacao, match="Já existe a 1ª Reunião Ordinária do GT"):
        ws_vazio.criar_reuniao(Reuniao("gt", 1, date(2026, 12, 10)))
    ws_vazio.definir_situacao_reuniao(r.id, "cancelada")
    assert ws_vazio.criar_reuniao(Reuniao("gt", 1, date(2026, 12, 10))).numero == 1


def test_meeting_validation_reports_every_problem_in_portuguese(ws_vazio):
    with pytest.raises(ErroValidacao) as erro:
        ws_vazio.criar_reuniao(
            Reuniao("festa", 0, date(2026, 12, 3), modalidade="remota", duracao_min=2)
        )
    mensagem = erro.value.mensagem
    for trecho in ("Tipo de reunião inválido", "número da reunião", "duração", "modalidade"):
        assert trecho in mensagem


def test_agenda_typed_as_text():
    assert ler_pauta("1. Abertura (10 min)\n- Resgate: quem faz o quê [40]\n\nInformes") == [
        ("Abertura", 10),
        ("Resgate: quem faz o quê", 40),
        ("Informes", 15),
    ]


def test_minutes_survive_agenda_edits_and_protect_items_with_minutes(ws_vazio):
    r = ws_vazio.criar_reuniao(
        Reuniao("gt", 1, date(2026, 12, 3)), [("Abertura", 10), ("Resgate", 30)]
    )
    abertura, resgate = ws_vazio.itens_pauta(r.id)
    ws_vazio.salvar_ata_item(resgate.id, "A PF apresentou o procedimento.")
    ws_vazio.redefinir_pauta(r.id, [("Resgate", 40), ("Abertura", 5), ("Informes", 10)])
    itens = ws_vazio.itens_pauta(r.id)
    assert [(i.titulo, i.minutos) for i in itens] == [
        ("Resgate", 40),
        ("Abertura", 5),
        ("Informes", 10),
    ]
    assert itens[0].ata == "A PF apresentou o procedimento." and itens[0].id == resgate.id
    with pytest.raises(ErroValidacao, match="já tem ata"):
        ws_vazio.redefinir_pauta(r.id, [("Abertura", 5), ("Informes", 10)])
    assert len(ws_vazio.itens_pauta(r.id)) == 3  # nothing changed


def test_attendance_keeps_the_institution_name_on_record(ws_vazio):
    r = _reuniao(ws_vazio)
    pf = nova_instituicao(ws_vazio, "PF", "Polícia Federal")
    ws_vazio.registrar_presenca(Presenca(r.id, "Carlos Nunes", pf.id, cargo="Delegado"))
    ws_vazio.registrar_presenca(Presenca(r.id, "Otília Sarmento", organizacao="UFRR"))
    with pytest.raises(ErroValidacao, match="órgão"):
        ws_vazio.registrar_presenca(Presenca(r.id, "Sem órgão"))
    ws_vazio.remover_instituicao(pf.id)
    presencas = ws_vazio.presencas(r.id)
    assert [(p.nome, p.organizacao, p.instituicao_id) for p in presencas] == [
        ("Carlos Nunes", "Polícia Federal", None),
        ("Otília Sarmento", "UFRR", None),
    ]


def test_action_items_overdue_and_shown_at_the_next_meeting(ws_vazio):
    gt1 = _reuniao(ws_vazio, dia=date(2026, 10, 29))
    gt2 = _reuniao(ws_vazio, dia=date(2026, 12, 3))
    prf = nova_instituicao(ws_vazio, "PRF")
    atrasada = ws_vazio.salvar_acao(
        Acao(gt1.id, "Indicar ponto focal", prf.id, prazo=date(2026, 11, 20))
    )
    feita = ws_vazio.salvar_acao(Acao(gt1.id, "Enviar lista", prf.id, prazo=date(2026, 11, 10)))
    ws_vazio.definir_situacao_acao(feita.id, "concluida", date(2026, 11, 9))
    assert atrasada.responsavel == "PRF"
    assert atrasada.atrasada(HOJE) and not ws_vazio.acao(feita.id).atrasada(HOJE)
    pendentes = acoes_pendentes_antes(gt2, ws_vazio.reunioes(), ws_vazio.acoes())
    assert [a.id for a in pendentes] == [atrasada.id]
    assert acoes_pendentes_antes(gt1, ws_vazio.reunioes(), ws_vazio.acoes()) == []
    with pytest.raises(ErroValidacao, match="instituição responsável"):
        ws_vazio.salvar_acao(Acao(gt1.id, "Sem responsável"))


def test_next_meeting_is_todays_then_the_next_planned(ws_vazio):
    passada = _reuniao(ws_vazio, dia=date(2026, 11, 5))
    assert proxima_reuniao(ws_vazio.reunioes(), HOJE).id == passada.id  # only one, still planned
    futura = _reuniao(ws_vazio, dia=date(2026, 12, 10))
    assert proxima_reuniao(ws_vazio.reunioes(), HOJE).id == futura.id
    hoje = _reuniao(ws_vazio, "extraordinaria", dia=HOJE)
    assert proxima_reuniao(ws_vazio.reunioes(), HOJE).id == hoje.id


def _sugestao(ws, proposta, **campos):
    autor = ws.instituicao_por_sigla("NETP") or nova_instituicao(ws, "NETP")
    return ws.salvar_sugestao(
        Sugestao(texto="Proposta da rede", instituicao_id=autor.id, proposta=proposta, **campos)
    )


def test_accepted_duty_suggestion_applies_to_the_draft_flow_in_one_step(ws_vazio):
    creas = nova_instituicao(ws_vazio, "CREAS")
    etapa = ws_vazio.etapas()[3]
    fluxo = ws_vazio.fluxos()[0]
    ws_vazio.definir_atribuicao(creas.id, etapa.id, fluxo.id, "Atende em até 72 horas.")
    s = _sugestao(
        ws_vazio,
        {"tipo": "atribuicao", "instituicao_id": creas.id, "etapa_id": etapa.id,
         "fluxo_id": fluxo.id, "texto": "Atende em até 48 horas."},
        assunto="atribuicao",
    )  # fmt: skip
    with pytest.raises(ErroValidacao, match="acolhida"):
        aplicar_sugestao(ws_vazio, s.id)
    ws_vazio.decidir_sugestao(s.id, "acolhida", quando=HOJE)
    descricao = aplicar_sugestao(ws_vazio, s.id, HOJE)
    assert "CREAS" in descricao and etapa.nome in descricao
    assert [a.texto for a in ws_vazio.atribuicoes()] == ["Atende em até 48 horas."]
    assert ws_vazio.sugestao(s.id).aplicada_em == HOJE
    with pytest.raises(ErroValidacao, match="já foi aplicada"):
        aplicar_sugestao(ws_vazio, s.id)
    with pytest.raises(ErroValidacao, match="já foi aplicada"):
        ws_vazio.decidir_sugestao(s.id, "nao_acolhida", "mudou de ideia")


def test_partially_accepted_suggestion_applies_the_adjusted_text(ws_vazio):
    a, b = nova_instituicao(ws_vazio, "OIM"), nova_instituicao(ws_vazio, "DPU")
    fluxo = ws_vazio.fluxos()[0]
    s = _sugestao(
        ws_vazio,
        {"tipo": "encaminhamento", "fluxo_id": fluxo.id, "origem_id": a.id, "destino_id": b.id,
         "condicao": "Qualquer migrante", "prazo": "10 dias"},
    )  # fmt: skip
    with pytest.raises(ErroValidacao, match="Justifique"):
        ws_vazio.decidir_sugestao(s.id, "acolhida_parcialmente")
    proposta = {**s.proposta, "condicao": "Migrante que precisa de regularização"}
    ws_vazio.decidir_sugestao(s.id, "acolhida_parcialmente", "Só regularização.", proposta)
    aplicar_sugestao(ws_vazio, s.id)
    (enc,) = ws_vazio.encaminhamentos()
    assert (enc.origem_id, enc.destino_id, enc.condicao, enc.prazo) == (
        a.id, b.id, "Migrante que precisa de regularização", "10 dias",
    )  # fmt: skip


def test_contact_and_focal_point_suggestions_apply_through_validation(ws_vazio):
    inst = nova_instituicao(ws_vazio, "CRAS", telefone="(95) 3000-0001")
    ponto = novo_ponto(ws_vazio, inst, cargo="Coordenadora")
    contato = _sugestao(ws_vazio, {"tipo": "contato", "instituicao_id": inst.id,
                                   "campos": {"telefone": "(95) 3000-0002"}})  # fmt: skip
    ruim = _sugestao(ws_vazio, {"tipo": "contato", "instituicao_id": inst.id,
                                "campos": {"email": "sem-arroba"}})  # fmt: skip
    cargo = _sugestao(ws_vazio, {"tipo": "ponto_focal", "instituicao_id": inst.id,
                                 "ponto_focal_id": ponto.id, "campos": {"cargo": "Diretora"}})  # fmt: skip
    suplente = _sugestao(ws_vazio, {"tipo": "ponto_focal", "instituicao_id": inst.id,
                                    "papel": "suplente", "campos": {"nome": "Wesley Mota"}})  # fmt: skip
    for s in (contato, ruim, cargo, suplente):
        ws_vazio.decidir_sugestao(s.id, "acolhida")
    aplicar_sugestao(ws_vazio, contato.id)
    aplicar_sugestao(ws_vazio, cargo.id)
    aplicar_sugestao(ws_vazio, suplente.id)
    with pytest.raises(ErroValidacao, match="E-mail inválido"):
        aplicar_sugestao(ws_vazio, ruim.id)
    assert ws_vazio.sugestao(ruim.id).aplicada_em is None  # nothing half-written
    assert ws_vazio.instituicao(inst.id).telefone == "(95) 3000-0002"
    pontos = {p.papel: p for p in ws_vazio.pontos_focais(inst.id)}
    assert pontos["titular"].cargo == "Diretora"
    assert pontos["suplente"].nome == "Wesley Mota"


def test_suggestion_without_proposal_or_refused_needs_a_justification(ws_vazio):
    s = _sugestao(ws_vazio, None)
    with pytest.raises(ErroValidacao, match="Justifique"):
        ws_vazio.decidir_sugestao(s.id, "nao_acolhida")
    ws_vazio.decidir_sugestao(s.id, "acolhida")
    with pytest.raises(ErroValidacao, match="não traz uma alteração estruturada"):
        aplicar_sugestao(ws_vazio, s.id)
    with pytest.raises(ErroValidacao, match="Proposta inválida"):
        _sugestao(ws_vazio, {"tipo": "apagar_tudo"})


def test_meeting_removal_keeps_its_suggestions(ws_vazio):
    r = _reuniao(ws_vazio)
    ws_vazio.salvar_deliberacao(Deliberacao(r.id, "Aprovar o desenho inicial."))
    s = _sugestao(ws_vazio, None, reuniao_id=r.id)
    ws_vazio.remover_reuniao(r.id)
    assert ws_vazio.deliberacoes() == []
    assert ws_vazio.sugestao(s.id).reuniao_id is None


def test_ata_context_reads_like_a_brazilian_ata(ws_demo):
    rc = ws_demo.carregar()
    gt = next(r for r in rc.reunioes if r.tipo == "gt")
    dados = contexto_reuniao(rc, gt.id, HOJE)
    assert dados["titulo_ata"] == (
        "ATA DA 1ª REUNIÃO ORDINÁRIA DO GT DA REDE ESTADUAL DE ENFRENTAMENTO AO TRÁFICO DE "
        "PESSOAS DE RORAIMA"
    )
    assert dados["abertura"].startswith("Aos vinte e nove dias do mês de outubro de dois mil")
    assert dados["abertura"].endswith("às nove horas")
    assert "conforme a lista de presença anexa" in dados["quorum"]
    assert len(dados["presentes"]) >= 10
    assert all("cpf" not in chave for p in dados["presentes"] for chave in p)
    assert len(dados["deliberacoes"]) == 3 and len(dados["acoes"]) == 4
    atrasadas = [a for a in dados["acoes"] if a["atrasada"]]
    assert [a["responsavel"] for a in atrasadas] == ["PRF-RR"]
    assert dados["proxima_reuniao"]["titulo"] == "1ª Reunião Ampliada"
    assert "Rafael Souza Andrade, lavrei a presente ata" in dados["encerramento"]
    assert dados["alertas_privacidade"] == []
    convidadas = {c["sigla"]: c["presente"] for c in dados["convidadas"]}
    assert convidadas["PF-RR"] is True and convidadas["ACNUR"] is False
    ampliada = contexto_reuniao(rc, dados["proxima_reuniao"]["id"], HOJE)
    assert len(ampliada["pendencias_anteriores"]) == 3


def test_suggestions_matrix_has_author_decision_and_justification(ws_demo):
    linhas = matriz_sugestoes(ws_demo.carregar())
    recusada = next(linha for linha in linhas if linha["decisao"] == "Não acolhida")
    assert recusada["autor"] == "PMRR" and "NETP-RR" in recusada["justificativa"]
    assert {linha["decisao"] for linha in linhas} >= {"Pendente", "Não acolhida"}
    assert all(linha["reuniao"] == "1ª Reunião Ordinária do GT" for linha in linhas)
