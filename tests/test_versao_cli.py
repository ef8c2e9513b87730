"""`pacto versao` as a user runs it: freeze, list, diff, in Portuguese, with clear refusals."""

import json

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.store import Workspace

from .conftest import nova_instituicao


@pytest.fixture
def rodar(caminho_demo):
    runner = CliRunner()

    def _rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    return _rodar


def test_help_is_in_portuguese(rodar):
    resultado = rodar("versao", "--help")
    assert resultado.exit_code == 0
    for trecho in ("congelar", "listar", "diff", "rascunho", "Comandos:"):
        assert trecho in resultado.output
    assert "Usage" not in resultado.output
    comandos = rodar("--help").output
    assert "versao" in comandos and "gerar" in comandos


def test_freeze_twice_without_change_is_refused(rodar, caminho_demo):
    primeira = rodar("versao", "congelar", "--nota", "Aprovada na reunião ampliada")
    assert primeira.exit_code == 0, primeira.output
    assert "Versão 1 congelada (hash " in primeira.output
    de_novo = rodar("versao", "congelar", "--nota", "Outra vez")
    assert de_novo.exit_code == 1
    assert "Erro: O rascunho é igual à versão 1" in de_novo.output
    assert "Traceback" not in de_novo.output
    with Workspace.abrir(caminho_demo) as ws:
        assert len(ws.versoes()) == 1


def test_freeze_needs_the_note_option(rodar):
    resultado = rodar("versao", "congelar")
    assert resultado.exit_code == 2
    assert "--nota" in resultado.output


def test_list_and_diff_after_an_edit(rodar, caminho_demo):
    vazio = rodar("versao", "listar")
    assert vazio.exit_code == 0 and "Nenhuma versão congelada ainda." in vazio.output
    rodar("versao", "congelar", "--nota", "Primeira versão [pactuada]")
    with Workspace.abrir(caminho_demo) as ws:
        nova_instituicao(ws, "CREAS-BV", "CREAS Pintolândia")
        ws.remover_instituicao(ws.instituicao_por_sigla("PRF-RR").id)
    listagem = rodar("versao", "listar")
    assert listagem.exit_code == 0
    assert "Primeira versão [pactuada]" in listagem.output  # user text not read as markup
    assert "O rascunho tem alterações desde a versão 1" in listagem.output

    diff = rodar("versao", "diff")
    assert diff.exit_code == 0, diff.output
    saida = " ".join(diff.output.split())
    assert "Da versão 1 (" in saida and "para o rascunho" in saida
    assert "Instituições" in saida
    assert "Entrou na rede: CREAS Pintolândia (CREAS-BV)." in saida
    assert "Saiu da rede: Superintendência da Polícia Rodoviária Federal" in saida
    assert "Atribuição removida — PRF-RR em Resgate." in saida

    segunda = rodar("versao", "congelar", "--nota", "Entrada do CREAS")
    assert "Versão 2 congelada" in segunda.output
    assert "Em relação à versão 1" in segunda.output
    entre = rodar("versao", "diff", "1", "2")
    assert "Entrou na rede: CREAS Pintolândia (CREAS-BV)." in " ".join(entre.output.split())
    igual = rodar("versao", "diff", "2", "rascunho")
    assert "Nenhuma mudança" in igual.output
    assert "O rascunho é igual à versão 2" in rodar("versao", "listar").output


def test_json_outputs(rodar, caminho_demo):
    rodar("versao", "congelar", "--nota", "Primeira")
    with Workspace.abrir(caminho_demo) as ws:
        nova_instituicao(ws, "CREAS-BV", "CREAS Pintolândia")
    listagem = json.loads(rodar("versao", "listar", "--json").output)
    assert listagem["rascunho_alterado"] is True
    (versao,) = listagem["versoes"]
    assert versao["numero"] == 1 and len(versao["hash"]) == 64 and versao["integra"] is True
    diff = json.loads(rodar("versao", "diff", "1", "rascunho", "--json").output)
    assert diff["para"] == "rascunho"
    assert diff["mudancas"] == [
        {
            "tipo": "entrou",
            "categoria": "Instituições",
            "instituicao": "CREAS-BV",
            "envolvidas": [],
            "texto": "Entrou na rede: CREAS Pintolândia (CREAS-BV).",
        }
    ]


def test_diff_errors_are_clear(rodar):
    sem_versao = rodar("versao", "diff")
    assert sem_versao.exit_code == 1
    assert "Ainda não há versão congelada" in sem_versao.output
    rodar("versao", "congelar", "--nota", "Primeira")
    inexistente = rodar("versao", "diff", "7")
    assert inexistente.exit_code == 1
    assert "A versão 7 não existe (só existe a versão 1)." in inexistente.output
    palavra = rodar("versao", "diff", "ontem", "rascunho")
    assert palavra.exit_code == 1 and "não é um número de versão" in palavra.output
