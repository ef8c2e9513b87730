"""A network keeps one flow for every purpose of art. 149-A, or one per purpose (booklet step 7)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.checks import verificar
from pacto.domain.errors import ErroValidacao
from pacto.domain.fluxos import finalidades_sem_fluxo, validar_fluxo
from pacto.domain.models import Fluxo
from pacto.store import Workspace

TODAS = ["remocao_orgaos", "trabalho_escravo", "servidao", "adocao_ilegal", "exploracao_sexual"]


def _pacto(caminho, *argumentos, entrada=None):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *argumentos], input=entrada)


def test_each_purpose_belongs_to_one_flow_only():
    geral = Fluxo("Fluxo geral", list(TODAS), id=1)
    with pytest.raises(ErroValidacao) as erro:
        validar_fluxo(Fluxo("Fluxo do trabalho escravo", ["trabalho_escravo"]), [geral])
    assert "Trabalho em condições análogas à de escravo (II) já está no fluxo “Fluxo geral”" in (
        erro.value.mensagem
    )
    editado = validar_fluxo(Fluxo("Fluxo geral", TODAS[:1] * 2, id=1), [geral])
    assert editado.finalidades == ["remocao_orgaos"], "the flow itself is not a rival"


def test_every_problem_of_a_flow_is_reported_in_one_message():
    with pytest.raises(ErroValidacao) as erro:
        validar_fluxo(Fluxo("  FLUXO geral ", ["xx"]), [Fluxo("Fluxo Geral", [], id=1)])
    mensagem = erro.value.mensagem
    assert "Finalidade desconhecida: xx." in mensagem
    assert "Já existe um fluxo chamado “Fluxo Geral”." in mensagem
    assert ".;" not in mensagem, "sentences are joined as sentences"
    with pytest.raises(ErroValidacao, match="ao menos uma finalidade"):
        validar_fluxo(Fluxo("Outro", []), [])


def test_purposes_outside_every_flow_are_a_gap(ws_vazio):
    (fluxo,) = ws_vazio.fluxos()
    fluxo.finalidades = ["exploracao_sexual", "trabalho_escravo"]
    ws_vazio.salvar_fluxo(fluxo)
    faltam = [f.chave for f in finalidades_sem_fluxo(ws_vazio.fluxos())]
    assert faltam == ["remocao_orgaos", "servidao", "adocao_ilegal"]
    lacunas = [x for x in verificar(ws_vazio.carregar()) if x.codigo == "finalidade_sem_fluxo"]
    assert [x.referencia for x in lacunas] == faltam
    assert lacunas[0].mensagem.startswith(
        "Remoção de órgãos, tecidos ou partes do corpo (art. 149-A, I)"
    )


def test_splitting_a_flow_by_purpose_from_the_command_line(caminho_demo):
    ocupada = _pacto(
        caminho_demo,
        "fluxo",
        "criar",
        "--nome",
        "Fluxo do trabalho escravo",
        "--finalidade",
        "trabalho_escravo",
    )
    assert ocupada.exit_code == 1 and "já está no fluxo" in ocupada.output
    outras = [f for f in TODAS if f != "trabalho_escravo"]
    editar = _pacto(
        caminho_demo, "fluxo", "editar", "1", *(a for f in outras for a in ("--finalidade", f))
    )
    assert editar.exit_code == 0, editar.output
    criar = _pacto(
        caminho_demo,
        "fluxo",
        "criar",
        "--nome",
        "Fluxo do trabalho escravo",
        "--finalidade",
        "trabalho-escravo",
    )
    assert criar.exit_code == 0 and "Fluxo 2 criado" in criar.output
    dados = json.loads(_pacto(caminho_demo, "fluxo", "listar", "--json").output)
    assert [(f["numero"], f["finalidades"]) for f in dados["fluxos"]] == [
        (1, outras),
        (2, ["trabalho_escravo"]),
    ]
    assert dados["fluxos"][0]["atribuicoes"] == 66 and dados["finalidades_sem_fluxo"] == []
    texto = _pacto(caminho_demo, "fluxo", "listar").output
    assert "2. Fluxo do trabalho escravo" in texto and "0 atribuições · 0 encaminhamentos" in texto


def test_removing_a_flow_asks_says_what_goes_with_it_and_keeps_the_last(caminho_demo):
    unico = _pacto(caminho_demo, "fluxo", "remover", "1", "--sim")
    assert unico.exit_code == 1 and "A rede precisa de ao menos um fluxo" in unico.output
    _pacto(caminho_demo, "fluxo", "editar", "1", "--finalidade", "exploracao_sexual")
    criar = _pacto(
        caminho_demo,
        "fluxo",
        "criar",
        "--nome",
        "Fluxo do trabalho",
        "--finalidade",
        "trabalho_escravo",
    )
    assert criar.exit_code == 0, criar.output
    recusa = _pacto(caminho_demo, "fluxo", "remover", "1", entrada="n\n")
    assert "Vão junto 66 atribuições e 41 encaminhamentos" in recusa.output
    assert "Nada foi alterado." in recusa.output
    with Workspace.abrir(caminho_demo) as ws:
        assert len(ws.fluxos()) == 2 and len(ws.carregar().atribuicoes) == 66


def test_removing_one_of_two_flows_takes_its_duties_and_referrals(ws_demo):
    (geral,) = ws_demo.fluxos()
    geral.finalidades = ["exploracao_sexual"]
    ws_demo.salvar_fluxo(geral)
    outro = ws_demo.salvar_fluxo(Fluxo("Fluxo do trabalho", ["trabalho_escravo"]))
    rc = ws_demo.carregar()
    inst, etapa = rc.instituicoes[0], rc.etapas_ordenadas[0]
    ws_demo.definir_atribuicao(inst.id, etapa.id, outro.id, "Recebe denúncias de trabalho escravo.")
    assert ws_demo.uso_do_fluxo(outro.id) == (1, 0)
    ws_demo.remover_fluxo(outro.id)
    rc = ws_demo.carregar()
    assert [f.id for f in rc.fluxos] == [geral.id]
    assert all(a.fluxo_id == geral.id for a in rc.atribuicoes) and len(rc.atribuicoes) == 66
    with pytest.raises(ErroValidacao, match="ao menos um fluxo"):
        ws_demo.remover_fluxo(geral.id)


def test_unknown_flow_number_and_empty_edit_are_clear_errors(caminho_demo):
    inexistente = _pacto(caminho_demo, "fluxo", "editar", "9", "--nome", "X")
    assert (
        inexistente.exit_code == 1
        and "Não há fluxo número 9. Fluxos da rede: 1." in inexistente.output
    )
    vazio = _pacto(caminho_demo, "fluxo", "editar", "1")
    assert vazio.exit_code == 2 and "informe --nome, --finalidade ou ambos" in vazio.output


def test_group_usage_lines_are_in_portuguese():
    for grupo in ("fluxo", "passo", "gerar", "reuniao"):
        ajuda = CliRunner().invoke(pacto, [grupo, "--help"]).output
        assert f"Uso: pacto {grupo} [OPÇÕES] COMANDO [ARGS]..." in ajuda
        assert "COMMAND" not in ajuda


async def test_a_referral_goes_to_the_flow_chosen_in_the_form(caminho_demo):
    from textual.widgets import Select

    from pacto.tui.app import criar_app
    from pacto.tui.formularios_rede import FormEncaminhamento

    with Workspace.abrir(caminho_demo) as ws:
        (geral,) = ws.fluxos()
        geral.finalidades = ["exploracao_sexual"]
        ws.salvar_fluxo(geral)
        trabalho = ws.salvar_fluxo(Fluxo("Fluxo do trabalho escravo", ["trabalho_escravo"]))
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "m", "n")
        assert isinstance(app.screen, FormEncaminhamento)
        fluxo = app.screen.query_one("#enc-fluxo", Select)
        assert fluxo.value == geral.id
        fluxo.value = trabalho.id
        for campo, sigla in (("#enc-origem", "CAPS"), ("#enc-destino", "HGR")):
            app.screen.query_one(campo, Select).focus()
            await pilot.press("enter", *sigla, "enter")
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormEncaminhamento)
        novos = [e for e in app.ws.encaminhamentos() if e.fluxo_id == trabalho.id]
        assert [
            (app.ws.instituicao(e.origem_id).sigla, app.ws.instituicao(e.destino_id).sigla)
            for e in novos
        ] == [("CAPS-BV", "HGR")]


async def test_with_one_flow_the_form_asks_no_flow(caminho_demo):
    from pacto.tui.app import criar_app

    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "m", "n")
        assert not app.screen.query("#enc-fluxo")
        assert app.screen.query("#enc-origem")
