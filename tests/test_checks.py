"""Gap checks: each rule finds what it should, says where to fix it, and stays quiet otherwise."""

from datetime import date

from pacto.domain.checks import verificar
from pacto.domain.models import Encaminhamento, PontoFocal

from .conftest import HOJE, nova_instituicao, novo_ponto


def _codigos(ws, hoje=HOJE):
    return [(lacuna.codigo, lacuna.referencia) for lacuna in verificar(ws.carregar(), hoje)]


def _rede_minima_completa(ws):
    """One institution per stage, each with a titular confirmed today and a phone, covering the
    four policy sectors and a gender-sensitive service."""
    fluxo = ws.fluxos()[0]
    insts = []
    tipos = ("policia_civil", "creas", "ubs", "educacao", "saude_mulher")
    for n, etapa in enumerate(ws.etapas()):
        inst = nova_instituicao(ws, f"I{n}", telefone="(11) 3000-0000", tipo=tipos[n % len(tipos)])
        novo_ponto(ws, inst, confirmado_em=HOJE)
        ws.definir_atribuicao(inst.id, etapa.id, fluxo.id, f"Atua em {etapa.nome}.")
        insts.append(inst)
    return fluxo, insts


def test_complete_network_has_no_gaps(ws_vazio):
    _rede_minima_completa(ws_vazio)
    assert _codigos(ws_vazio) == []


def test_empty_network_lists_every_stage_without_responsible(ws_vazio):
    achados = verificar(ws_vazio.carregar(), HOJE)
    assert [a.referencia for a in achados] == [e.nome for e in ws_vazio.etapas()]
    assert all(a.gravidade == "grave" and a.onde == "Rede › Atribuições" for a in achados)


def test_missing_titular_is_found_but_not_for_national_lines(ws_vazio):
    fluxo, insts = _rede_minima_completa(ws_vazio)
    pontos = ws_vazio.pontos_focais(insts[0].id)
    ws_vazio.remover_ponto_focal(pontos[0].id)
    disque = nova_instituicao(ws_vazio, "Disque 100", esfera="nacional", telefone="100")
    ws_vazio.definir_atribuicao(disque.id, ws_vazio.etapas()[0].id, fluxo.id, "Recebe denúncias.")
    assert ("sem_titular", "I0") in _codigos(ws_vazio)
    assert ("sem_titular", "Disque 100") not in _codigos(ws_vazio)


def test_stale_and_never_confirmed_focal_points(ws_vazio):
    _, insts = _rede_minima_completa(ws_vazio)
    ponto = ws_vazio.pontos_focais(insts[1].id)[0]
    ponto.confirmado_em = date(2026, 8, 27)  # 91 days before HOJE
    ws_vazio.salvar_ponto_focal(ponto)
    ws_vazio.salvar_ponto_focal(PontoFocal(insts[2].id, "suplente", "Sem Data"))
    achados = [
        a for a in verificar(ws_vazio.carregar(), HOJE) if a.codigo == "ponto_focal_desatualizado"
    ]
    textos = " ".join(a.mensagem for a in achados)
    assert "sem confirmação há 91 dias" in textos
    assert "nunca confirmado" in textos
    ponto.confirmado_em = date(2026, 8, 28)  # exactly 90 days: still fine
    ws_vazio.salvar_ponto_focal(ponto)
    assert "I1" not in [a.referencia for a in verificar(ws_vazio.carregar(), HOJE)]


def test_referral_to_institution_without_later_duty(ws_vazio):
    fluxo, insts = _rede_minima_completa(ws_vazio)
    avulsa = nova_instituicao(ws_vazio, "AVULSA", telefone="1")
    ws_vazio.salvar_encaminhamento(Encaminhamento(fluxo.id, insts[0].id, avulsa.id))
    ws_vazio.salvar_encaminhamento(Encaminhamento(fluxo.id, insts[3].id, insts[1].id))
    ws_vazio.salvar_encaminhamento(Encaminhamento(fluxo.id, insts[1].id, insts[3].id))
    codigos = _codigos(ws_vazio)
    assert ("encaminhamento_sem_atribuicao", "I0 → AVULSA") in codigos
    assert ("encaminhamento_sem_atribuicao", "I3 → I1") in codigos
    assert ("encaminhamento_sem_atribuicao", "I1 → I3") not in codigos


def test_institution_without_any_contact(ws_vazio):
    _rede_minima_completa(ws_vazio)
    nova_instituicao(ws_vazio, "MUDA", endereco="Pacaraima/RR")
    com_ponto = nova_instituicao(ws_vazio, "COMPONTO")
    novo_ponto(ws_vazio, com_ponto, email="ponto@exemplo.gov.br", confirmado_em=HOJE)
    codigos = _codigos(ws_vazio)
    assert ("sem_contato", "MUDA") in codigos
    assert ("sem_contato", "COMPONTO") not in codigos


def test_likely_duplicates_by_name_ignoring_accents_and_case(ws_vazio):
    nova_instituicao(ws_vazio, "SESAU", "Secretaria de Saúde", telefone="1")
    nova_instituicao(ws_vazio, "SES", "SECRETARIA DE SAUDE", telefone="2")
    achados = [a for a in verificar(ws_vazio.carregar(), HOJE) if a.codigo == "possivel_duplicata"]
    assert len(achados) == 1
    assert "SES, SESAU" in achados[0].mensagem


def test_demo_shows_the_gaps_it_was_built_with(ws_demo):
    codigos = _codigos(ws_demo)
    assert ("sem_titular", "PRF-RR") in codigos
    assert ("sem_contato", "CMF-Pacaraima") in codigos
    assert sum(1 for c, _ in codigos if c == "ponto_focal_desatualizado") == 4
    assert not any(c == "etapa_sem_responsavel" for c, _ in codigos)


def test_policy_sectors_and_gender_sensitive_service_are_warned_not_blocked(ws_vazio):
    from pacto.domain.checks import setores_sem_ponto_focal
    from pacto.domain.models import PontoFocal

    from .conftest import nova_instituicao

    etapa, fluxo = ws_vazio.etapas()[0], ws_vazio.fluxos()[0]
    pc = nova_instituicao(ws_vazio, "PC-X", "Polícia Civil", tipo="policia_civil")
    creas = nova_instituicao(ws_vazio, "CREAS-X", "CREAS Centro", setor="Assistência Social")
    for inst in (pc, creas):
        ws_vazio.definir_atribuicao(inst.id, etapa.id, fluxo.id, "Atende.")
    ws_vazio.salvar_ponto_focal(PontoFocal(pc.id, "titular", "Ana Souza"))
    achados = {a.referencia: a for a in setores_sem_ponto_focal(ws_vazio.carregar())}
    assert set(achados) == {"Assistência Social", "Saúde", "Educação", "gênero"}
    assert "tem ponto focal titular" in achados["Assistência Social"].mensagem
    assert "nenhuma instituição do setor atua" in achados["Saúde"].mensagem
    assert all(a.gravidade == "aviso" for a in achados.values())
    casa = nova_instituicao(
        ws_vazio, "CM", "Casa da Mulher Brasileira", setor="Políticas para as Mulheres"
    )
    ws_vazio.definir_atribuicao(casa.id, etapa.id, fluxo.id, "Acolhe.")
    assert "gênero" not in {a.referencia for a in setores_sem_ponto_focal(ws_vazio.carregar())}
