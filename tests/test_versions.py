"""Frozen versions: canonical content and hash, immutability in SQLite, differences in Portuguese."""

import sqlite3
from datetime import date

import pytest

from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Encaminhamento, PontoFocal, Rede
from pacto.domain.versions import (
    conteudo_canonico,
    diferencas,
    hash_conteudo,
    mudancas_por_instituicao,
    resumir,
)
from pacto.services import versoes as servico
from pacto.store import Workspace

from .conftest import nova_instituicao, novo_ponto

INSTITUICOES = [
    ("NETP-RR", "Núcleo de Enfrentamento ao Tráfico de Pessoas", "(95) 3000-0101"),
    ("PF-RR", "Polícia Federal em Roraima", "(95) 3000-0202"),
    ("CREAS-BV", "CREAS Pintolândia", "(95) 3000-0303"),
]
ATRIBUICOES = [
    ("PF-RR", "resgate", "Conduz a operação de resgate."),
    ("NETP-RR", "pos_resgate", "Acolhe e articula a rede."),
    ("CREAS-BV", "atendimento", "Acompanha a vítima e a família."),
]
ENCAMINHAMENTOS = [("PF-RR", "NETP-RR", "24 horas"), ("NETP-RR", "CREAS-BV", "48 horas")]


def _montar(caminho, ordem: list[int], lixo: int = 0) -> Workspace:
    """A small network, records inserted in the given order, ids shifted by `lixo` dummies."""
    ws = Workspace.criar(caminho, Rede("Rede de Teste", "RR"))
    # dummies inserted first and removed later: the same content gets different ids
    provisorias = [nova_instituicao(ws, f"TMP{n}").id for n in range(lixo)]
    ids = {}
    for i in ordem:
        sigla, nome, telefone = INSTITUICOES[i]
        ids[sigla] = nova_instituicao(ws, sigla, nome, telefone=telefone).id
    for id_ in provisorias:
        ws.remover_instituicao(id_)
    for i in ordem:
        sigla = INSTITUICOES[i][0]
        ws.salvar_ponto_focal(
            PontoFocal(instituicao_id=ids[sigla], papel="titular", nome=f"Titular {sigla}")
        )
    etapas = {e.chave: e.id for e in ws.etapas()}
    fluxo = ws.fluxos()[0].id
    for i in reversed(ordem):
        sigla, etapa, texto = ATRIBUICOES[i]
        ws.definir_atribuicao(ids[sigla], etapas[etapa], fluxo, texto)
    for origem, destino, prazo in sorted(ENCAMINHAMENTOS, reverse=ordem[0] == 2):
        ws.salvar_encaminhamento(
            Encaminhamento(
                fluxo_id=fluxo, origem_id=ids[origem], destino_id=ids[destino], prazo=prazo
            )
        )
    return ws


# -- canonical content and hash ----------------------------------------------------------------


def test_same_content_same_hash_whatever_the_order_or_ids(tmp_path):
    with (
        _montar(tmp_path / "a.db", [0, 1, 2]) as a,
        _montar(tmp_path / "b.db", [2, 0, 1], lixo=7) as b,
    ):
        rc_a, rc_b = a.carregar(), b.carregar()
        assert {i.id for i in rc_a.instituicoes} != {i.id for i in rc_b.instituicoes}
        assert conteudo_canonico(rc_a) == conteudo_canonico(rc_b)
        assert hash_conteudo(conteudo_canonico(rc_a)) == hash_conteudo(conteudo_canonico(rc_b))


def test_content_has_no_ids_and_hash_is_sha256_hex(ws_demo):
    conteudo = conteudo_canonico(ws_demo.carregar())
    assert set(conteudo) == {
        "rede",
        "fluxos",
        "etapas",
        "instituicoes",
        "pontos_focais",
        "atribuicoes",
        "encaminhamentos",
    }
    assert all("id" not in inst for inst in conteudo["instituicoes"])
    assert conteudo["rede"]["coordenacao"] == "NETP-RR"
    siglas = [i["sigla"].casefold() for i in conteudo["instituicoes"]]
    assert siglas == sorted(siglas)
    assert [e["ordem"] for e in conteudo["etapas"]] == [1, 2, 3, 4, 5]
    valor = hash_conteudo(conteudo)
    assert len(valor) == 64 and int(valor, 16) >= 0


@pytest.mark.parametrize(
    "alterar",
    [
        pytest.param(
            lambda ws, ids: _editar(ws, ids["PF-RR"], telefone="(95) 9999-0000"), id="contato"
        ),
        pytest.param(lambda ws, ids: _editar(ws, ids["PF-RR"], nome="Outro nome"), id="nome"),
        pytest.param(lambda ws, ids: nova_instituicao(ws, "NOVA"), id="nova instituição"),
        pytest.param(lambda ws, ids: ws.remover_instituicao(ids["CREAS-BV"]), id="saída"),
        pytest.param(
            lambda ws, ids: ws.definir_atribuicao(
                ids["PF-RR"], ws.etapas()[2].id, ws.fluxos()[0].id, "Texto novo."
            ),
            id="atribuição",
        ),
        pytest.param(
            lambda ws, ids: ws.remover_encaminhamento(ws.encaminhamentos()[0].id),
            id="encaminhamento",
        ),
        pytest.param(
            lambda ws, ids: novo_ponto(ws, ws.instituicao(ids["PF-RR"]), "suplente"),
            id="ponto focal",
        ),
        pytest.param(lambda ws, ids: _renomear_rede(ws), id="rede"),
    ],
)
def test_any_change_makes_a_new_hash(tmp_path, alterar):
    with _montar(tmp_path / "a.db", [0, 1, 2]) as ws:
        antes = hash_conteudo(conteudo_canonico(ws.carregar()))
        alterar(ws, {i.sigla: i.id for i in ws.instituicoes()})
        assert hash_conteudo(conteudo_canonico(ws.carregar())) != antes


def test_confirming_a_focal_point_is_not_a_new_version(ws_demo):
    antes = hash_conteudo(conteudo_canonico(ws_demo.carregar()))
    ws_demo.confirmar_ponto_focal(ws_demo.pontos_focais()[0].id, date(2027, 1, 5))
    assert hash_conteudo(conteudo_canonico(ws_demo.carregar())) == antes


def _editar(ws, id_, **campos):
    inst = ws.instituicao(id_)
    for campo, valor in campos.items():
        setattr(inst, campo, valor)
    ws.salvar_instituicao(inst)


def _renomear_rede(ws):
    rede = ws.rede()
    rede.nome = "Rede Renomeada"
    ws.salvar_rede(rede)


# -- freezing and immutability -----------------------------------------------------------------


def test_freeze_numbers_versions_and_refuses_an_unchanged_draft(ws_demo):
    assert ws_demo.versoes() == [] and ws_demo.ultima_versao() is None
    primeira = ws_demo.congelar_versao("Aprovada na reunião ampliada")
    assert primeira.numero == 1 and primeira.integra and len(primeira.hash_curto) == 8
    assert primeira.hash == hash_conteudo(conteudo_canonico(ws_demo.carregar()))
    with pytest.raises(ErroValidacao, match="igual à versão 1"):
        ws_demo.congelar_versao("De novo, sem mudança")
    nova_instituicao(ws_demo, "CREAS-BV", "CREAS Pintolândia")
    segunda = ws_demo.congelar_versao("  Entrada do CREAS  ")
    assert segunda.numero == 2 and segunda.nota == "Entrada do CREAS"
    assert [v.numero for v in ws_demo.versoes()] == [1, 2]
    assert ws_demo.versao(1).conteudo == primeira.conteudo
    assert ws_demo.versao(3) is None
    assert ws_demo.ultima_versao().hash == segunda.hash


def test_freeze_needs_a_note(ws_demo):
    with pytest.raises(ErroValidacao, match="nota"):
        ws_demo.congelar_versao("   ")
    assert ws_demo.versoes() == []


def test_frozen_version_survives_later_edits(ws_demo):
    versao = ws_demo.congelar_versao("Versão inicial")
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    ws_demo.remover_instituicao(pf.id)
    guardada = ws_demo.versao(1)
    assert guardada.hash == versao.hash and guardada.integra
    assert "PF-RR" in {i["sigla"] for i in guardada.conteudo["instituicoes"]}


def test_triggers_refuse_update_and_delete_of_a_frozen_version(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        ws.congelar_versao("Versão inicial")
    conexao = sqlite3.connect(caminho_demo)  # even raw SQL, outside pacto, cannot change it
    try:
        for comando in (
            "UPDATE versoes SET nota = 'adulterada'",
            "UPDATE versoes SET conteudo = '{}'",
            "DELETE FROM versoes",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="versão congelada"):
                conexao.execute(comando)
        assert conexao.execute("SELECT nota FROM versoes").fetchall() == [("Versão inicial",)]
    finally:
        conexao.close()


def test_migration_adds_versions_to_an_older_workspace(caminho_vazio):
    """A workspace made before versions existed gets the table and its triggers on opening."""
    conexao = sqlite3.connect(caminho_vazio)
    with conexao:
        conexao.execute("DROP TABLE versoes")  # triggers go with the table
        conexao.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_versoes'")
    conexao.close()
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.versoes() == []
        ws.congelar_versao("Primeira depois da atualização")
        with pytest.raises(sqlite3.IntegrityError, match="versão congelada"):
            with ws.transacao():
                ws.db.execute("UPDATE versoes SET nota = 'x'")


def test_substituir_without_versions_keeps_them_and_with_versions_replaces_them(ws_demo):
    versao = ws_demo.congelar_versao("Versão inicial")
    ws_demo.substituir(ws_demo.carregar())
    assert [v.hash for v in ws_demo.versoes()] == [versao.hash]
    ws_demo.substituir(ws_demo.carregar(), [])
    assert ws_demo.versoes() == []
    ws_demo.substituir(ws_demo.carregar(), [versao])
    assert ws_demo.versao(1).hash == versao.hash
    with pytest.raises(sqlite3.IntegrityError):  # triggers are back in place
        with ws_demo.transacao():
            ws_demo.db.execute("DELETE FROM versoes")


# -- differences in Portuguese ----------------------------------------------------------------


@pytest.fixture
def congelado(ws_demo):
    """The demo workspace with version 1 frozen."""
    ws_demo.congelar_versao("Versão inicial")
    return ws_demo


def _diff(ws):
    """What changed from version 1 to the draft."""
    return diferencas(ws.versao(1).conteudo, conteudo_canonico(ws.carregar()))


def _textos(mudancas) -> list[str]:
    return [m.texto for m in mudancas]


def test_no_change_no_difference(congelado):
    assert _diff(congelado) == []
    assert resumir([]) == "Nenhuma mudança."


def test_institution_joined_and_left(congelado):
    nova_instituicao(congelado, "CREAS-BV", "CREAS Pintolândia")
    congelado.remover_instituicao(congelado.instituicao_por_sigla("PRF-RR").id)
    textos = _textos(_diff(congelado))
    assert "Entrou na rede: CREAS Pintolândia (CREAS-BV)." in textos
    assert (
        "Saiu da rede: Superintendência da Polícia Rodoviária Federal em Roraima (PRF-RR)."
        in textos
    )
    # what left with it is told too
    assert "Atribuição removida — PRF-RR em Resgate." in textos
    assert any(t.startswith("Encaminhamento removido: PRF-RR → PF-RR") for t in textos)


def test_duty_added_changed_and_removed(congelado):
    rc = congelado.carregar()
    etapas = {e.chave: e.id for e in rc.etapas}
    fluxo = rc.fluxos[0].id
    pf = congelado.instituicao_por_sigla("PF-RR").id
    netp = congelado.instituicao_por_sigla("NETP-RR").id
    congelado.definir_atribuicao(pf, etapas["resgate"], fluxo, "Texto revisto da operação.")
    congelado.definir_atribuicao(pf, etapas["atendimento"], fluxo, "Nova atribuição.")
    congelado.definir_atribuicao(netp, etapas["enfrentamento"], fluxo, "")
    textos = _textos(_diff(congelado))
    assert "Atribuição alterada — PF-RR em Resgate." in textos
    assert "Atribuição incluída — PF-RR em Atendimento às Vítimas." in textos
    assert "Atribuição removida — NETP-RR em Enfrentamento." in textos
    assert len(textos) == 3


def test_referral_added_removed_and_changed(congelado):
    rc = congelado.carregar()
    ids = {i.sigla: i.id for i in rc.instituicoes}
    fluxo = rc.fluxos[0].id
    congelado.salvar_encaminhamento(
        Encaminhamento(
            fluxo_id=fluxo, origem_id=ids["SEED-RR"], destino_id=ids["CT-BV"], prazo="5 dias"
        )
    )
    prf = next(e for e in rc.encaminhamentos if e.origem_id == ids["PRF-RR"])
    congelado.remover_encaminhamento(prf.id)
    outro = next(e for e in rc.encaminhamentos if e.origem_id == ids["Disque 100"])
    outro.prazo = "12 horas"
    congelado.salvar_encaminhamento(outro)
    mudancas = _diff(congelado)
    textos = _textos(mudancas)
    assert "Encaminhamento incluído: SEED-RR → CT-BV (prazo “5 dias”)." in textos
    assert any(t.startswith("Encaminhamento removido: PRF-RR → PF-RR (") for t in textos)
    destino = rc.instituicao_por_id[outro.destino_id].sigla
    assert any(
        t.startswith(f"Encaminhamento alterado: Disque 100 → {destino}: prazo ")
        and "→ “12 horas”" in t
        for t in textos
    )
    incluido = next(m for m in mudancas if m.tipo == "encaminhamento_incluido")
    assert incluido.instituicao_sigla == "SEED-RR" and incluido.envolvidas == ("CT-BV",)


def test_focal_point_and_contact_changes(congelado):
    seed = congelado.instituicao_por_sigla("SEED-RR")
    titular = next(p for p in congelado.pontos_focais(seed.id) if p.papel == "titular")
    titular.nome = "Joana Nova Titular"
    congelado.salvar_ponto_focal(titular)
    netp = congelado.instituicao_por_sigla("NETP-RR")
    netp.email = "novo@netp.exemplo.gov.br"
    congelado.salvar_instituicao(netp)
    suplente = next(p for p in congelado.pontos_focais(netp.id) if p.papel == "suplente")
    suplente.telefone = "(95) 98888-7777"
    congelado.salvar_ponto_focal(suplente)
    textos = _textos(_diff(congelado))
    assert any(
        t.startswith("Ponto focal titular alterado — SEED-RR: ") and "→ Joana Nova Titular." in t
        for t in textos
    )
    assert any(
        t.startswith("Contato alterado — NETP-RR: e-mail ") and "“novo@netp.exemplo.gov.br”" in t
        for t in textos
    )
    assert any(
        t.startswith(
            f"Contato do ponto focal suplente alterado — NETP-RR ({suplente.nome}): telefone"
        )
        for t in textos
    )


def test_stage_flow_and_network_changes(congelado):
    fluxo = congelado.fluxos()[0]
    fluxo.nome = "Fluxo Revisado"
    congelado.salvar_fluxo(fluxo)
    rede = congelado.rede()
    rede.coordenacao_id = congelado.instituicao_por_sigla("CETP-RR").id
    congelado.salvar_rede(rede)
    textos = _textos(_diff(congelado))
    assert any(t.startswith("Fluxo renomeado: ") and "“Fluxo Revisado”" in t for t in textos)
    assert "Coordenação do fluxo alterada: coordenação “NETP-RR” → “CETP-RR”." in textos
    # renaming the only flow does not turn every duty into a removal and an inclusion
    assert not any(t.startswith("Atribuição") for t in textos)


def test_changes_per_institution(congelado):
    rc = congelado.carregar()
    ids = {i.sigla: i.id for i in rc.instituicoes}
    congelado.salvar_encaminhamento(
        Encaminhamento(fluxo_id=rc.fluxos[0].id, origem_id=ids["PF-RR"], destino_id=ids["HGR"])
    )
    nova_instituicao(congelado, "CREAS-BV", "CREAS Pintolândia")
    antes = congelado.versao(1).conteudo
    depois = conteudo_canonico(congelado.carregar())
    por_inst = mudancas_por_instituicao(antes, depois)
    assert set(por_inst) == {"PF-RR", "HGR", "CREAS-BV"}
    assert [m.texto for m in por_inst["HGR"]] == ["Encaminhamento incluído: PF-RR → HGR."]
    assert por_inst["PF-RR"] == por_inst["HGR"]
    assert por_inst["CREAS-BV"][0].tipo == "entrou"


def test_summary_counts_by_heading(congelado):
    nova_instituicao(congelado, "CREAS-BV", "CREAS Pintolândia")
    nova_instituicao(congelado, "CRAS-X", "CRAS X")
    assert resumir(_diff(congelado)) == "2 mudanças (Instituições: 2)."


# -- comparing sides (service used by the CLI and the TUI) -------------------------------------


def test_compare_resolves_numbers_and_the_draft(ws_demo):
    with pytest.raises(ErroValidacao, match="Ainda não há versão congelada"):
        servico.comparar(ws_demo)
    ws_demo.congelar_versao("Primeira")
    nova_instituicao(ws_demo, "CREAS-BV", "CREAS Pintolândia")
    ws_demo.congelar_versao("Segunda")
    comparacao = servico.comparar(ws_demo, "1", "2")
    assert (
        comparacao.titulo.startswith("Da versão 1 (") and "para a versão 2 (" in comparacao.titulo
    )
    assert _textos(comparacao.mudancas) == ["Entrou na rede: CREAS Pintolândia (CREAS-BV)."]
    assert servico.comparar(ws_demo).mudancas == []
    assert servico.comparar(ws_demo, "rascunho", 1).titulo.startswith("Do rascunho para a versão 1")
    with pytest.raises(ErroValidacao, match="A versão 9 não existe"):
        servico.comparar(ws_demo, 9)
    with pytest.raises(ErroValidacao, match="não é um número de versão"):
        servico.comparar(ws_demo, "ontem")
    assert servico.anterior(ws_demo, ws_demo.versao(1)) is None
    assert not servico.rascunho_alterado(ws_demo)
