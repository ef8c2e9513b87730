"""Monthly checklist and indicators: derived items, carry-over between months, targets and trends."""

import pytest

from pacto.domain.checklist import (
    FatosMes,
    RespostaChecklist,
    itens_derivados,
    itens_modelo,
    montar,
    validar_resposta,
)
from pacto.domain.errors import ErroValidacao
from pacto.domain.indicadores import (
    FatosIndicadores,
    Meta,
    atingiu,
    calcular_automaticos,
    contem,
    definicoes,
    indicador,
    meta_para,
    sparkline,
    validar_periodo,
)


def test_model_items_cover_the_booklet_routine():
    textos = " ".join(i.texto for i in itens_modelo())
    for trecho in ("Pontos focais", "NETP", "contrarreferências".capitalize(), "próxima reunião"):
        assert trecho.lower() in textos.lower()


def test_derived_items_only_when_something_needs_attention():
    assert itens_derivados(FatosMes()) == []
    fatos = FatosMes(
        pontos_desatualizados=["MPRR (suplente)", "HGR (suplente)"],
        acoes_atrasadas=["CREAS: confirmar suplente (prazo 10/11/2026)"],
        adesoes_pendentes=[],
        etapas_sem_signatario=["Resgate"],
    )
    textos = [i.texto for i in itens_derivados(fatos)]
    assert textos == [
        "2 pontos focais sem confirmação há mais de 90 dias: MPRR (suplente), HGR (suplente)",
        "1 ação atrasada: CREAS: confirmar suplente (prazo 10/11/2026)",
        "1 etapa sem instituição signatária: Resgate",
    ]
    longa = itens_derivados(FatosMes(pontos_desatualizados=[f"I{n}" for n in range(9)]))[0]
    assert longa.texto.endswith("e mais 3")


def _r(mes, situacao, item="fluxo_adequado"):
    return RespostaChecklist(mes, item, situacao)


def test_carry_over_marks_pending_since_first_month():
    itens = [i for i in itens_modelo() if i.chave == "fluxo_adequado"]
    respostas = [_r("2026-09", "ok"), _r("2026-10", "pendente")]
    linha = montar("2026-11", itens, respostas)[0]
    assert linha.resposta is None and linha.pendente_desde == "2026-10"
    respostas.append(_r("2026-11", "pendente"))
    assert montar("2026-11", itens, respostas)[0].pendente_desde == "2026-10"
    respostas[-1] = _r("2026-11", "ok")
    assert montar("2026-11", itens, respostas)[0].pendente_desde is None
    assert montar("2026-12", itens, respostas)[0].pendente_desde is None


def test_answer_validation():
    with pytest.raises(ErroValidacao, match="Situação inválida"):
        validar_resposta(RespostaChecklist("2026-11", "x", "talvez"))


def test_periods_and_targets():
    assert validar_periodo("2027") and validar_periodo("2027-S2") and validar_periodo("2026-11")
    with pytest.raises(ErroValidacao):
        validar_periodo("2026-11", aceitar_mes=False)
    with pytest.raises(ErroValidacao):
        validar_periodo("27")
    assert contem("2026-S2", "2026-11") and not contem("2026-S1", "2026-11")
    metas = [Meta("adesao", "2026", 60), Meta("adesao", "2026-S2", 80)]
    assert meta_para("adesao", "2026-11", metas).valor == 80
    assert meta_para("adesao", "2026-03", metas).valor == 60
    assert meta_para("adesao", "2027-01", metas) is None


def test_automatic_values_and_unknowns():
    valores = calcular_automaticos(
        FatosIndicadores(
            instituicoes_mapeadas=33,
            adesoes_assinadas=11,
            pontos_focais=57,
            pontos_confirmados_90=53,
            reunioes_previstas=4,
            reunioes_realizadas=3,
            presencas_por_reuniao=[10, 14, 12],
            acoes_com_prazo_vencido=4,
            acoes_concluidas_no_prazo=3,
            meses_com_envio_netp=2,
        )
    )
    assert valores["adesao"] == 33.3
    assert valores["pontos_focais_confirmados"] == 93.0
    assert valores["reunioes_realizadas"] == 75.0
    assert valores["presenca_media"] == 12.0
    assert valores["acoes_no_prazo"] == 75.0
    assert valores["envio_netp"] == 2.0
    desconhecidos = calcular_automaticos(FatosIndicadores())
    assert desconhecidos["adesao"] is None and desconhecidos["presenca_media"] is None


def test_targets_direction_format_and_sparkline():
    adesao = indicador("adesao")
    assert atingiu(adesao, 85, Meta("adesao", "2026", 80)) is True
    assert atingiu(adesao, 70, Meta("adesao", "2026", 80)) is False
    assert atingiu(adesao, None, Meta("adesao", "2026", 80)) is None
    assert adesao.formatar(33.3) == "33,3%" and adesao.formatar(None) == "—"
    assert sparkline([0, 50, 100]) == "▁▅█"
    assert sparkline([None, 1, 1]) == " ▁▁"
    assert sparkline([]) == ""
    with pytest.raises(ErroValidacao, match="Indicador desconhecido"):
        indicador("nao_existe")
    assert sum(1 for i in definicoes() if i.automatico) == 6
