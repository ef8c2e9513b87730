"""Hostile text through the domain rules and the store: kept literally, or refused with a clear
Portuguese message, and a refusal writes nothing."""

from __future__ import annotations

import pytest

from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Encaminhamento, Instituicao, PontoFocal, Rede
from pacto.domain.reunioes import Acao, Deliberacao, Presenca, Sugestao, validar_sugestao
from pacto.domain.validation import (
    validar_instituicao,
    validar_ponto_focal,
    validar_rede,
    validar_texto,
)

from .hostil import HOSTIS, aceitaveis, tem_recusados, um_linha

TODOS = sorted(HOSTIS)


def _contagem_historico(ws) -> int:
    return ws.con.execute("SELECT count(*) FROM historico").fetchone()[0]


@pytest.mark.parametrize("nome", TODOS)
def test_validators_keep_or_refuse_every_piece_with_a_portuguese_message(nome):
    texto = HOSTIS[nome]
    casos = [
        lambda: validar_rede(Rede(texto, "RR", texto)),
        lambda: validar_instituicao(Instituicao(texto, "SIGLA", endereco=texto, observacoes=texto)),
        lambda: validar_instituicao(Instituicao("Nome", texto)),
        lambda: validar_ponto_focal(PontoFocal(1, "titular", texto, cargo=texto)),
        lambda: validar_texto("a nota", texto),
        lambda: validar_sugestao(Sugestao(texto, autor=texto, referencia=texto)),
    ]
    for caso in casos:
        try:
            caso()
        except ErroValidacao as erro:
            assert erro.problemas and all(p.strip() for p in erro.problemas)
            if tem_recusados(texto):
                assert "caracteres de controle" in erro.mensagem
            continue
        assert not tem_recusados(texto), f"{nome}: refused characters were accepted"


@pytest.mark.parametrize("nome", [n for n in TODOS if tem_recusados(HOSTIS[n])])
def test_refused_characters_name_the_field_and_the_code_point(nome):
    texto = HOSTIS[nome]
    with pytest.raises(ErroValidacao) as erro:
        validar_instituicao(Instituicao("Polícia Federal", "PF", observacoes=texto))
    assert erro.value.mensagem.startswith("Observações: ")
    assert "U+" in erro.value.mensagem


def test_tab_and_line_breaks_are_text_and_one_line_fields_collapse_them():
    inst = validar_instituicao(Instituicao("Casa\tda\nMulher", "CM", observacoes="a\n\tb\r\nc"))
    assert inst.nome == "Casa da Mulher"
    assert inst.observacoes == "a\n\tb\r\nc"


def test_long_values_are_quoted_short_in_messages():
    with pytest.raises(ErroValidacao) as erro:
        validar_rede(Rede("Rede", "X" * 100_000))
    assert len(erro.value.mensagem) < 200


@pytest.mark.parametrize("nome", sorted(aceitaveis()))
def test_acceptable_pieces_are_stored_and_read_back_literally(ws_vazio, nome):
    texto = HOSTIS[nome]
    inst = ws_vazio.salvar_instituicao(Instituicao(texto, "H1", endereco=texto, observacoes=texto))
    outra = ws_vazio.salvar_instituicao(Instituicao("Outra", "H2"))
    ws_vazio.salvar_ponto_focal(PontoFocal(inst.id, "titular", texto, cargo=texto))
    etapa, fluxo = ws_vazio.etapas()[0], ws_vazio.fluxos()[0]
    ws_vazio.definir_atribuicao(inst.id, etapa.id, fluxo.id, texto)
    ws_vazio.salvar_encaminhamento(
        Encaminhamento(fluxo.id, inst.id, outra.id, condicao=texto, prazo=um_linha(texto))
    )
    rc = ws_vazio.carregar()
    lida = rc.instituicao_por_id[inst.id]
    assert lida.nome == lida.endereco == um_linha(texto)
    assert lida.observacoes == texto.strip()
    assert rc.pontos_focais[0].nome == um_linha(texto)
    assert rc.atribuicoes[0].texto == texto.strip()
    assert rc.encaminhamentos[0].condicao == texto.strip()


@pytest.mark.parametrize("nome", sorted(n for n, t in HOSTIS.items() if tem_recusados(t)))
def test_refused_pieces_write_nothing_anywhere(ws_demo, nome):
    texto = HOSTIS[nome]
    antes = _contagem_historico(ws_demo), ws_demo.carregar()
    inst = ws_demo.instituicoes()[0]
    etapa, fluxo = ws_demo.etapas()[0], ws_demo.fluxos()[0]
    tentativas = [
        lambda: ws_demo.salvar_instituicao(Instituicao(texto, "NOVA")),
        lambda: ws_demo.salvar_ponto_focal(PontoFocal(inst.id, "suplente", texto)),
        lambda: ws_demo.definir_atribuicao(inst.id, etapa.id, fluxo.id, texto),
        lambda: ws_demo.salvar_rede(Rede(texto, "RR")),
        lambda: ws_demo.definir_ato_gt(texto),
        lambda: ws_demo.definir_configuracao("documentos.orgao", texto),
        lambda: ws_demo.congelar_versao(texto),
        lambda: ws_demo.salvar_deliberacao(Deliberacao(1, texto)),
        lambda: ws_demo.salvar_acao(Acao(1, texto, instituicao_id=inst.id)),
        lambda: ws_demo.registrar_presenca(Presenca(1, texto, organizacao="UFRR")),
        lambda: ws_demo.salvar_ata_item(1, texto[:20_000]),
    ]
    for tentativa in tentativas:
        with pytest.raises(ErroValidacao):
            tentativa()
    depois = _contagem_historico(ws_demo), ws_demo.carregar()
    assert depois == antes


LONGOS = {
    "letras": "A" * 100_000,
    "digitos": "1" * 100_000,
    "espacos": "x" + " " * 100_000 + ")",
    "pontos": "a." * 50_000,
    "arrobas": "a@" * 50_000,
}


@pytest.mark.parametrize("nome", sorted(LONGOS))
def test_text_scanners_stay_linear_on_100000_characters(ws_vazio, nome):
    """A pasted 100,000-character text is checked in well under a second, not for minutes."""
    import time

    from pacto.domain.celulas_planilha import identificar_etapas, separar_contato
    from pacto.domain.privacidade import verificar_privacidade
    from pacto.domain.reunioes import ler_pauta

    texto = LONGOS[nome]
    etapas = ws_vazio.etapas()
    for verificar in (
        verificar_privacidade,
        separar_contato,
        lambda t: identificar_etapas(t, etapas),
        ler_pauta,
    ):
        inicio = time.perf_counter()
        verificar(texto)
        assert time.perf_counter() - inicio < 2, verificar
