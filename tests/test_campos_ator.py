"""The registry of institution fields drives validation, versions, bundles, spreadsheets and CLI."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from pacto.cli import pacto
from pacto.domain.campos_ator import CAMPOS, POR_CHAVE
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Instituicao, campos
from pacto.domain.validation import validar_instituicao
from pacto.domain.versions import conteudo_canonico, diferencas, hash_conteudo
from pacto.store import Workspace
from pacto.store.history import auditar

from .conftest import nova_instituicao


def test_every_field_of_the_model_is_in_the_registry_and_back():
    assert [c.chave for c in CAMPOS] == [c for c in campos(Instituicao) if c != "id"]


@pytest.mark.parametrize("campo", [c for c in CAMPOS if c.tipo in ("texto", "longo")])
def test_length_limit_and_label_come_from_the_registry(campo):
    inst = Instituicao(nome="Polícia Federal", sigla="PF")
    setattr(inst, campo.chave, "a" * (campo.limite + 1))
    with pytest.raises(ErroValidacao) as erro:
        validar_instituicao(inst)
    assert f"{campo.rotulo}: texto longo demais" in erro.value.mensagem


def test_role_in_the_flow_is_checked():
    with pytest.raises(ErroValidacao, match="Participação inválida"):
        validar_instituicao(Instituicao(nome="Comitê", sigla="CM", papel="talvez"))
    assert (
        validar_instituicao(Instituicao(nome="Comitê", sigla="CM", papel="apoio")).papel == "apoio"
    )


def _envelhecer_sem_campos_ator(caminho) -> None:
    """Make the file look written before m013: no papel/personalidade columns, old triggers."""
    db = Database(sqlite3.connect(caminho))
    for sufixo in ("ins", "upd", "del"):
        db.execute(f"DROP TRIGGER hist_instituicoes_{sufixo}")
    db.execute("ALTER TABLE instituicoes DROP COLUMN papel")
    db.execute("ALTER TABLE instituicoes DROP COLUMN personalidade_juridica")
    auditar(db, "instituicoes")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_campos_ator'")
    db.conn.commit()
    db.conn.close()


def test_migration_gives_collegiate_bodies_no_legal_personality(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "COETRAE", "Comitê Estadual", tipo="coetrae")
        nova_instituicao(ws, "PF", "Polícia Federal", tipo="policia_federal")
    _envelhecer_sem_campos_ator(caminho_vazio)
    with Workspace.abrir(caminho_vazio) as ws:
        por_sigla = {i.sigla: i for i in ws.instituicoes()}
        assert por_sigla["COETRAE"].personalidade_juridica is False
        assert por_sigla["PF"].personalidade_juridica is True
        assert {i.papel for i in por_sigla.values()} == {"fluxo"}
        ws.salvar_instituicao(replace(por_sigla["PF"], papel="apoio"))
        ultima = ws.historico(limite=1)[0]
        assert ultima.antes["papel"] == "fluxo" and ultima.depois["papel"] == "apoio"


def test_role_at_its_default_leaves_version_content_and_hash_as_before(ws_demo):
    """Versions frozen before the fields existed keep their hash; legal personality is a
    trait of the body (set by the upgrade for collegiate ones), never part of a version."""
    rc = ws_demo.carregar()
    conteudo = conteudo_canonico(rc)
    assert all("papel" not in i and "personalidade_juridica" not in i
               for i in conteudo["instituicoes"])  # fmt: skip
    antes = hash_conteudo(conteudo)
    inst = rc.instituicoes[0]
    ws_demo.salvar_instituicao(replace(inst, papel="apoio"))
    depois = conteudo_canonico(ws_demo.carregar())
    assert hash_conteudo(depois) != antes
    textos = [m.texto for m in diferencas(conteudo, depois)]
    assert any(
        f"Dados da instituição alterados — {inst.sigla}: participação “Membro do fluxo” → "
        "“Ponto de apoio”" in t
        for t in textos
    ), textos


def test_bundle_carries_role_and_legal_personality(ws_demo, tmp_path):
    from pacto.services import bundle

    inst = ws_demo.instituicoes()[0]
    ws_demo.salvar_instituicao(replace(inst, papel="apoio", personalidade_juridica=False))
    caminho = bundle.exportar(ws_demo, tmp_path / "rede.json")
    lido = {i.sigla: i for i in bundle.ler(caminho).instituicoes}[inst.sigla]
    assert (lido.papel, lido.personalidade_juridica) == ("apoio", False)


def test_spreadsheet_reads_role_and_legal_personality(ws_vazio, tmp_path):
    from pacto.services.planilhas import importar_planilha

    planilha = tmp_path / "atores.csv"
    planilha.write_text(
        "Instituição;Sigla;Tipo;Participação;Personalidade jurídica\n"
        "Comitê Municipal;CM;comite_estadual;Ponto de apoio;\n"
        "Polícia Federal;PF;;;não\n"
        "Casa Abrigo;CA;;talvez;\n",
        encoding="utf-8",
    )
    plano = importar_planilha(ws_vazio, planilha, (), None)
    por_sigla = {i.sigla: i for i in ws_vazio.instituicoes()}
    assert por_sigla["CM"].papel == "apoio"
    assert por_sigla["CM"].personalidade_juridica is False  # from the catalogue: collegiate
    assert por_sigla["PF"].personalidade_juridica is False and por_sigla["PF"].papel == "fluxo"
    assert "CA" not in por_sigla
    assert any("Participação não reconhecida: “talvez”" in r.descrever() for r in plano.rejeitadas)


def test_cli_options_of_adicionar_come_from_the_registry():
    ajuda = CliRunner().invoke(pacto, ["atores", "adicionar", "--help"], terminal_width=200).output
    for campo in CAMPOS:
        assert campo.opcao_cli in ajuda, campo.chave
    assert "--sem-personalidade-juridica" in ajuda


def test_cli_add_collegiate_body_defaults_from_the_catalogue(caminho_vazio):
    runner = CliRunner()
    base = ["--db", str(caminho_vazio), "atores", "adicionar"]
    resultado = runner.invoke(
        pacto, [*base, "--nome", "COETRAE-RR", "--sigla", "COETRAE", "--tipo", "coetrae"]
    )
    assert resultado.exit_code == 0, resultado.output
    resultado = runner.invoke(
        pacto, [*base, "--nome", "Casa", "--sigla", "CA", "--tipo", "inexistente"]
    )
    assert resultado.exit_code == 1 and "Tipo desconhecido" in resultado.output
    with Workspace.abrir(caminho_vazio) as ws:
        (coetrae,) = ws.instituicoes()
    assert coetrae.personalidade_juridica is False
    assert POR_CHAVE["personalidade_juridica"].descrever(False) == "não"
