"""Self-diagnosis: questionnaire from modelos/, summary per dimension and change between runs."""

from datetime import date

import pytest

from pacto.domain.autodiagnostico import (
    Resposta,
    Rodada,
    comparar,
    progresso,
    questionario,
    resumir,
    validar_resposta,
)
from pacto.domain.errors import ErroValidacao


def test_questionnaire_covers_the_booklet_dimensions():
    nomes = [d.nome for d in questionario()]
    for esperado in (
        "Estrutura física e instalações",
        "Posição administrativa e papel",
        "Equipe e capacitação",
        "Limites de atuação",
        "Potencialidades",
        "Método da autoavaliação",
    ):
        assert esperado in nomes
    chaves = [i.chave for d in questionario() for i in d.itens]
    assert len(chaves) == len(set(chaves))


def _rodada(valores: dict[str, str]) -> Rodada:
    return Rodada(date(2026, 11, 1), respostas={k: Resposta(k, v) for k, v in valores.items()})


def test_summary_splits_strengths_and_limits_and_ignores_not_applicable():
    rodada = _rodada(
        {"atendimento_reservado": "sim", "equipamentos_canal": "nao", "registro_sigiloso": "na"}
    )
    estrutura = resumir(rodada)[0]
    assert [i.chave for i in estrutura.forcas] == ["atendimento_reservado"]
    assert [i.chave for i in estrutura.limites] == ["equipamentos_canal"]
    assert estrutura.indice == 0.5 and estrutura.rotulo_indice == "50%"
    assert all(r.indice is None for r in resumir(rodada)[1:])


def test_comparison_shows_what_changed_and_direction():
    antes = _rodada({"orcamento": "nao", "capacitacao": "parcial"})
    depois = _rodada({"orcamento": "sim", "capacitacao": "parcial", "territorio": "nao"})
    mudancas = {m.item.chave: m for m in comparar(antes, depois)}
    assert set(mudancas) == {"orcamento", "territorio"}
    assert mudancas["orcamento"].melhorou is True
    assert mudancas["orcamento"].texto.endswith("Não → Sim")
    assert mudancas["territorio"].melhorou is None


def test_progress_and_validation():
    rodada = _rodada({"orcamento": "sim"})
    respondidas, total = progresso(rodada)
    assert respondidas == 1 and total == sum(len(d.itens) for d in questionario())
    with pytest.raises(ErroValidacao, match="Resposta inválida"):
        validar_resposta(Resposta("orcamento", "talvez"))
    with pytest.raises(ErroValidacao, match="Pergunta desconhecida"):
        validar_resposta(Resposta("nao_existe", "sim"))
