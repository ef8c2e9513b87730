"""The CLI twins of the TUI's edits: messages, exit codes and what lands in the workspace."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pacto.cli import pacto
from pacto.store import Workspace

from .conftest import nova_instituicao, novo_ponto


def _rodar(caminho, *argumentos, entrada=None):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *argumentos], input=entrada)


def test_rede_mostrar_editar_and_coordination(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "SEMAS", "Secretaria de Assistência Social")
    assert "não definida" in _rodar(caminho_vazio, "rede", "coordenacao").output
    r = _rodar(caminho_vazio, "rede", "editar")
    assert r.exit_code == 2 and "Informe ao menos uma opção" in r.output
    r = _rodar(caminho_vazio, "rede", "editar", "--uf", "XX")
    assert r.exit_code == 1 and "UF inválida" in r.output
    assert _rodar(caminho_vazio, "rede", "editar", "--uf", "rr", "--municipio", "").exit_code == 0
    assert _rodar(caminho_vazio, "rede", "coordenacao", "semas").exit_code == 0
    dados = json.loads(_rodar(caminho_vazio, "rede", "mostrar", "--json").output)
    assert dados["uf"] == "RR" and dados["abrangencia"] == "Estadual"
    assert dados["coordenacao"]["sigla"] == "SEMAS"
    assert _rodar(caminho_vazio, "rede", "coordenacao", "--remover").exit_code == 0
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.rede().coordenacao_id is None


def test_atores_editar_and_remover_say_what_goes_along(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        pf = nova_instituicao(ws, "PF", "Polícia Federal")
        novo_ponto(ws, pf)
        ws.definir_membro_gt(pf.id)
    assert _rodar(caminho_vazio, "atores", "editar", "PF").exit_code == 2
    r = _rodar(caminho_vazio, "atores", "editar", "pf", "--sigla", "PF-RR", "--papel", "APOIO")
    assert r.exit_code == 0, r.output
    r = _rodar(caminho_vazio, "atores", "remover", "PF-RR", entrada="n\n")
    assert "1 ponto focal" in r.output and "sai do grupo de trabalho" in r.output
    assert "Nada foi removido" in r.output
    r = _rodar(caminho_vazio, "atores", "remover", "PF-RR", "--sim")
    assert r.exit_code == 0 and "removida" in r.output
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.instituicoes() == [] and ws.pontos_focais() == []


def test_ponto_focal_confirmar_and_remover(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "PF", "Polícia Federal")
    r = _rodar(caminho_vazio, "ponto-focal", "confirmar", "PF")
    assert r.exit_code == 1 and "não tem pontos focais a confirmar" in r.output
    r = _rodar(caminho_vazio, "ponto-focal", "definir", "PF", "--papel", "titular")
    assert r.exit_code == 1 and "Informe o nome do ponto focal" in r.output
    r = _rodar(caminho_vazio, "ponto-focal", "definir", "PF", "--papel", "titular", "--nome",
               "Ana", "--email", "sem-arroba")  # fmt: skip
    assert r.exit_code == 1 and "E-mail inválido" in r.output
    ok = _rodar(
        caminho_vazio, "ponto-focal", "definir", "PF", "--papel", "titular", "--nome", "Ana"
    )
    assert ok.exit_code == 0
    r = _rodar(caminho_vazio, "ponto-focal", "remover", "PF", "--papel", "suplente")
    assert r.exit_code == 1 and "não tem ponto focal suplente" in r.output
    r = _rodar(caminho_vazio, "ponto-focal", "remover", "PF", "--papel", "titular", "--sim")
    assert r.exit_code == 0
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.pontos_focais() == []


def test_encaminhamento_editar_changes_the_same_referral(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "A")
        nova_instituicao(ws, "B")
    _rodar(caminho_vazio, "encaminhamento", "adicionar", "--de", "A", "--para", "B")
    (enc,) = json.loads(_rodar(caminho_vazio, "encaminhamento", "listar", "--json").output)
    r = _rodar(caminho_vazio, "encaminhamento", "editar", str(enc["id"]), "--prazo", "2 horas")
    assert r.exit_code == 0
    (depois,) = json.loads(_rodar(caminho_vazio, "encaminhamento", "listar", "--json").output)
    assert depois == enc | {"prazo": "2 horas"}
    r = _rodar(caminho_vazio, "encaminhamento", "editar", "99", "--prazo", "x")
    assert r.exit_code == 1 and "Não há encaminhamento número 99" in r.output
    assert (
        _rodar(caminho_vazio, "encaminhamento", "remover", str(enc["id"]), "--sim").exit_code == 0
    )
    assert json.loads(_rodar(caminho_vazio, "encaminhamento", "listar", "--json").output) == []


def test_meeting_edit_attendance_removal_and_action_cancel(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "PF")
    _rodar(caminho_vazio, "reuniao", "criar", "--tipo", "gt", "--data", "2027-03-10")
    r = _rodar(caminho_vazio, "reuniao", "editar", "1", "--data", "2027-03-11", "--hora", "14:00")
    assert r.exit_code == 0 and "11/03/2027" in r.output
    _rodar(caminho_vazio, "reuniao", "presenca", "1", "--instituicao", "PF", "--nome", "Ana")
    _rodar(caminho_vazio, "reuniao", "acao", "1", "--descricao", "Enviar a lista",
           "--instituicao", "PF", "--prazo", "2027-03-20")  # fmt: skip
    with Workspace.abrir(caminho_vazio) as ws:
        (presenca,) = ws.presencas(1)
        (acao,) = ws.acoes(1)
        assert ws.reuniao(1).hora.hour == 14
    assert _rodar(caminho_vazio, "reuniao", "presenca-remover", "1", "--presenca",
                  str(presenca.id)).exit_code == 0  # fmt: skip
    assert _rodar(caminho_vazio, "reuniao", "acao-cancelar", str(acao.id)).exit_code == 0
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.presencas(1) == [] and ws.acao(acao.id).situacao == "cancelada"


def test_version_options(caminho_vazio):
    for opcao in ("--version", "--versao", "-V"):
        r = CliRunner().invoke(pacto, [opcao])
        assert r.exit_code == 0 and r.output.startswith("pacto ")


def test_removing_says_adhesions_go_too(caminho_vazio):
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "PF", "Polícia Federal")
    assert _rodar(caminho_vazio, "versao", "congelar", "--nota", "Primeira").exit_code == 0
    r = _rodar(caminho_vazio, "adesao", "registrar", "PF", "--situacao", "convidada")
    assert r.exit_code == 0, r.output
    r = _rodar(caminho_vazio, "atores", "remover", "PF", entrada="n\n")
    assert "Também vão: 1 registro de adesão." in r.output


def test_status_says_how_to_do_the_next_step(caminho_vazio):
    saida = _rodar(caminho_vazio, "status").output
    assert "Como fazer: pacto autodiagnostico responder, pacto atores adicionar" in saida
    assert "Na interface: Ctrl+P › “Ir para Autodiagnóstico”" in saida
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "PF")
    saida = _rodar(caminho_vazio, "status").output
    assert "Como fazer: pacto gt adicionar, pacto gt ato" in saida
    assert "Ctrl+P › “Grupo de trabalho (GT): membros e ato de criação”" in saida
