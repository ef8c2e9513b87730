"""The workspace file: creation, permissions, constraints and refusal of foreign, damaged or newer files."""

import hashlib
import os
import sqlite3
import stat

import pytest

from pacto.domain.errors import ErroValidacao, ErroWorkspace
from pacto.domain.models import Encaminhamento, Rede
from pacto.store import Workspace
from pacto.store.schema import nomes_conhecidos

from .conftest import nova_instituicao, novo_ponto


def _hash(caminho) -> str:
    return hashlib.sha256(caminho.read_bytes()).hexdigest()


def test_new_workspace_has_default_stages_flow_and_private_permissions(tmp_path):
    caminho = tmp_path / "rede.db"
    with Workspace.criar(caminho, Rede("Rede X", "rr")) as ws:
        assert [e.nome for e in ws.etapas()] == [
            "Denúncia",
            "Enfrentamento",
            "Resgate",
            "Pós-Resgate",
            "Atendimento às Vítimas",
        ]
        fluxo = ws.fluxos()[0]
        assert fluxo.nome == "Fluxo Estadual de Atendimento às Vítimas de Tráfico de Pessoas"
        assert len(fluxo.finalidades) == 5
        assert ws.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert stat.S_IMODE(os.stat(caminho).st_mode) == 0o600


def test_create_refuses_existing_file(tmp_path):
    caminho = tmp_path / "rede.db"
    caminho.write_text("meus dados")
    with pytest.raises(ErroWorkspace, match="não o sobrescreve"):
        Workspace.criar(caminho, Rede("Rede X", "RR"))
    assert caminho.read_text() == "meus dados"


def test_invalid_network_creates_no_file(tmp_path):
    caminho = tmp_path / "rede.db"
    with pytest.raises(ErroValidacao):
        Workspace.criar(caminho, Rede("Rede X", "XX"))
    assert not caminho.exists()


def test_data_survives_reopening(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        pf = nova_instituicao(ws, "PF", "Polícia Federal", telefone="194")
        novo_ponto(ws, pf)
    with Workspace.abrir(caminho_vazio) as ws:
        rc = ws.carregar()
        assert [i.sigla for i in rc.instituicoes] == ["PF"]
        assert rc.titular(rc.instituicoes[0].id).nome == "Pessoa PF titular"


def test_unique_acronym_enforced_by_store(ws_vazio):
    nova_instituicao(ws_vazio, "PF")
    with pytest.raises(ErroValidacao, match="sigla"):
        nova_instituicao(ws_vazio, "pf")


def test_only_one_titular_per_institution(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    novo_ponto(ws_vazio, pf, "titular")
    novo_ponto(ws_vazio, pf, "suplente")
    with pytest.raises(ErroValidacao, match="já tem ponto focal titular"):
        novo_ponto(ws_vazio, pf, "titular", nome="Outra Pessoa")


def test_removing_institution_takes_its_records_along(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    netp = nova_instituicao(ws_vazio, "NETP")
    novo_ponto(ws_vazio, pf)
    etapa = ws_vazio.etapas()[0]
    fluxo = ws_vazio.fluxos()[0]
    ws_vazio.definir_atribuicao(pf.id, etapa.id, fluxo.id, "Recebe denúncias.")
    ws_vazio.salvar_encaminhamento(Encaminhamento(fluxo.id, pf.id, netp.id, "Resgate", "24 horas"))
    assert ws_vazio.dependencias_da_instituicao(pf.id) == {
        "pontos_focais": 1,
        "atribuicoes": 1,
        "encaminhamentos": 1,
        "adesoes": 0,
        "envios_netp": 0,
    }
    ws_vazio.remover_instituicao(pf.id)
    rc = ws_vazio.carregar()
    assert (len(rc.pontos_focais), len(rc.atribuicoes), len(rc.encaminhamentos)) == (0, 0, 0)


def test_duty_upsert_and_removal_with_empty_text(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    etapa, fluxo = ws_vazio.etapas()[2], ws_vazio.fluxos()[0]
    ws_vazio.definir_atribuicao(pf.id, etapa.id, fluxo.id, "Primeira versão")
    ws_vazio.definir_atribuicao(pf.id, etapa.id, fluxo.id, "Segunda versão")
    assert [a.texto for a in ws_vazio.atribuicoes()] == ["Segunda versão"]
    ws_vazio.definir_atribuicao(pf.id, etapa.id, fluxo.id, "  ")
    assert ws_vazio.atribuicoes() == []


def test_self_referral_refused(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    with pytest.raises(ErroValidacao, match="si mesma"):
        ws_vazio.salvar_encaminhamento(Encaminhamento(1, pf.id, pf.id))


def test_missing_file_explains_how_to_create(tmp_path):
    with pytest.raises(ErroWorkspace, match="pacto init"):
        Workspace.abrir(tmp_path / "nada.db")


@pytest.mark.parametrize(
    "conteudo",
    [b"", b"isto nao e um banco de dados" * 10, bytes(range(256)) * 8],
    ids=["vazio", "texto", "binario"],
)
def test_foreign_file_refused_and_left_untouched(tmp_path, conteudo):
    caminho = tmp_path / "outro.db"
    caminho.write_bytes(conteudo)
    with pytest.raises(ErroWorkspace, match="não é um workspace do pacto"):
        Workspace.abrir(caminho)
    assert caminho.read_bytes() == conteudo


def test_other_sqlite_database_refused_and_untouched(tmp_path):
    caminho = tmp_path / "planilha.sqlite"
    conexao = sqlite3.connect(caminho)
    conexao.execute("CREATE TABLE clientes (nome TEXT)")
    conexao.commit()
    conexao.close()
    antes = _hash(caminho)
    with pytest.raises(ErroWorkspace, match="banco SQLite, mas não é um workspace do pacto"):
        Workspace.abrir(caminho)
    assert _hash(caminho) == antes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["planilha.sqlite"]


def test_truncated_workspace_refused_and_untouched(caminho_demo):
    dados = caminho_demo.read_bytes()
    caminho_demo.write_bytes(dados[: len(dados) // 3])
    antes = _hash(caminho_demo)
    with pytest.raises(ErroWorkspace, match="danificado"):
        Workspace.abrir(caminho_demo)
    assert _hash(caminho_demo) == antes


def test_workspace_from_newer_pacto_refused_and_untouched(caminho_vazio):
    conexao = sqlite3.connect(caminho_vazio)
    conexao.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('pacto', 'm999_do_futuro', '2030-01-01')"
    )
    conexao.commit()
    conexao.close()
    antes = _hash(caminho_vazio)
    with pytest.raises(ErroWorkspace, match="versão mais nova do pacto"):
        Workspace.abrir(caminho_vazio)
    assert _hash(caminho_vazio) == antes


def test_migrations_are_recorded(ws_vazio):
    aplicadas = {linha[0] for linha in ws_vazio.db.execute("SELECT name FROM _sqlite_migrations")}
    assert aplicadas == nomes_conhecidos()


def test_backup_is_a_complete_private_copy(ws_demo, tmp_path):
    destino = ws_demo.backup(tmp_path / "copia.db")
    assert stat.S_IMODE(os.stat(destino).st_mode) == 0o600
    with Workspace.abrir(destino) as copia:
        assert len(copia.instituicoes()) == len(ws_demo.instituicoes())
    with pytest.raises(ErroWorkspace, match="não o sobrescreve"):
        ws_demo.backup(destino)


def test_settings_roundtrip(ws_vazio):
    assert ws_vazio.configuracao("modelos") is None
    ws_vazio.definir_configuracao("modelos", "/tmp/meus-modelos")
    assert ws_vazio.configuracao("modelos") == "/tmp/meus-modelos"
    ws_vazio.definir_configuracao("modelos", None)
    assert ws_vazio.configuracao("modelos", "padrão") == "padrão"


def test_flow_named_by_pacto_follows_the_network_reach(tmp_path):
    """A network created as a state one and then given its municipality has a municipal flow;
    a flow the network named itself keeps its name."""
    from dataclasses import replace as copiar

    with Workspace.criar(tmp_path / "rede.db", Rede("Rede de Boa Vista", "RR")) as ws:
        assert [f.nome for f in ws.fluxos()] == [
            "Fluxo Estadual de Atendimento às Vítimas de Tráfico de Pessoas"
        ]
        ws.salvar_rede(copiar(ws.rede(), municipio="Boa Vista"))
        assert [f.nome for f in ws.fluxos()] == [
            "Fluxo Municipal de Atendimento às Vítimas de Tráfico de Pessoas"
        ]
        fluxo = ws.fluxos()[0]
        fluxo.nome = "Fluxo de Boa Vista"
        ws.salvar_fluxo(fluxo)
        ws.salvar_rede(copiar(ws.rede(), municipio=""))
        assert [f.nome for f in ws.fluxos()] == ["Fluxo de Boa Vista"]
