"""Open data: the directory in Open Referral HSDS 3.0 (validated against the official schemas),
the booklet's table in CSV, and stable identities across exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pacto.cli import pacto as main
from pacto.store import Workspace

jsonschema = pytest.importorskip("jsonschema")

HSDS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "hsds"
if not HSDS.is_dir():  # CI lays shared/ beside the clone; a developer's checkout may differ
    HSDS = Path("/work/shared/reference/hsds")


def _validador(nome: str):
    if not (HSDS / nome).exists():
        pytest.skip("esquemas HSDS de referência ausentes")
    esquema = json.loads((HSDS / nome).read_text(encoding="utf-8"))
    classe = jsonschema.validators.validator_for(esquema)
    return classe(esquema, format_checker=classe.FORMAT_CHECKER)


def _exportar(caminho: Path, destino: Path, *extra: str):
    resultado = CliRunner().invoke(
        main, ["--db", str(caminho), "exportar", "--formato", "hsds", str(destino), *extra]
    )
    assert resultado.exit_code == 0, resultado.output
    return (
        json.loads((destino / "organizations.json").read_text(encoding="utf-8")),
        json.loads((destino / "services.json").read_text(encoding="utf-8")),
    )


def test_hsds_export_of_the_demo_validates_item_by_item(caminho_demo, tmp_path):
    organizacoes, servicos = _exportar(caminho_demo, tmp_path / "hsds")
    org_schema, svc_schema = _validador("organization.json"), _validador("service.json")
    erros = [
        f"{item['name']}: {erro.message}"
        for validador, itens in ((org_schema, organizacoes), (svc_schema, servicos))
        for item in itens
        for erro in validador.iter_errors(item)
    ]
    assert erros == []
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
    # one service per institution and stage of each flow, each pointing at its organization
    assert len(servicos) == len(rc.atribuicoes)
    ids_org = {o["id"] for o in organizacoes}
    assert all(s["organization_id"] in ids_org for s in servicos)
    ids = [o["id"] for o in organizacoes] + [s["id"] for s in servicos]
    assert len(ids) == len(set(ids))
    pf = next(o for o in organizacoes if o["alternate_name"] == "PF-RR")
    assert "Polícia Federal" in pf["name"] or "Polícia Federal" in pf["description"]
    assert "No fluxo de atendimento" in pf["description"]


def test_hsds_never_carries_focal_points(caminho_demo, tmp_path):
    _exportar(caminho_demo, tmp_path / "hsds")
    texto = (tmp_path / "hsds" / "organizations.json").read_text(encoding="utf-8")
    texto += (tmp_path / "hsds" / "services.json").read_text(encoding="utf-8")
    with Workspace.abrir(caminho_demo) as ws:
        pontos = ws.carregar().pontos_focais
    assert pontos
    for ponto in pontos:
        assert ponto.nome not in texto
        if ponto.telefone:
            assert ponto.telefone not in texto


def test_a_second_export_after_an_edit_keeps_every_unchanged_uuid(caminho_demo, tmp_path):
    orgs1, svcs1 = _exportar(caminho_demo, tmp_path / "a", "--rascunho")
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
        inst = next(i for i in rc.instituicoes if i.sigla == "PF-RR")
        inst.telefone = "(95) 3000-9999"
        ws.salvar_instituicao(inst)
    orgs2, svcs2 = _exportar(caminho_demo, tmp_path / "b", "--rascunho")
    assert {o["alternate_name"]: o["id"] for o in orgs1} == {
        o["alternate_name"]: o["id"] for o in orgs2
    }
    assert [s["id"] for s in svcs1] == [s["id"] for s in svcs2]
    novo = next(o for o in orgs2 if o["alternate_name"] == "PF-RR")
    assert novo["phones"][0]["number"] == "(95) 3000-9999"
    # nested ids are derived from the parent's, so they are stable as well
    assert [p["id"] for o in orgs1 for p in o["phones"]] == [
        p["id"] for o in orgs2 for p in o["phones"]
    ]


def test_open_data_comes_from_the_latest_frozen_version(caminho_demo, tmp_path):
    runner = CliRunner()
    congelar = runner.invoke(
        main, ["--db", str(caminho_demo), "versao", "congelar", "--nota", "v1"]
    )
    assert congelar.exit_code == 0, congelar.output
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
        atr = rc.atribuicoes[0]
        ws.definir_atribuicao(
            atr.instituicao_id, atr.etapa_id, atr.fluxo_id, "Texto ainda em discussão no rascunho."
        )
    _, servicos = _exportar(caminho_demo, tmp_path / "v")
    assert all(s["description"] != "Texto ainda em discussão no rascunho." for s in servicos)
    _, rascunho = _exportar(caminho_demo, tmp_path / "r", "--rascunho")
    assert any(s["description"] == "Texto ainda em discussão no rascunho." for s in rascunho)


def test_csv_for_a_data_portal_has_one_row_per_institution_and_stage(caminho_demo, tmp_path):
    resultado = CliRunner().invoke(
        main, ["--db", str(caminho_demo), "exportar", "--formato", "csv", str(tmp_path / "csv")]
    )
    assert resultado.exit_code == 0, resultado.output
    arquivo = tmp_path / "csv" / "fluxo-atendimento.csv"
    with arquivo.open(encoding="utf-8-sig", newline="") as entrada:
        linhas = list(csv.reader(entrada, delimiter=";"))
    assert linhas[0][:5] == ["Instituição", "Sigla", "Etapa", "Fluxo", "Atribuição"]
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
    assert len(linhas) - 1 == len(rc.atribuicoes)
    assert any(linha[1] == "PF-RR" and linha[2] == "Resgate" for linha in linhas)


def test_unknown_version_is_refused_in_portuguese(caminho_demo, tmp_path):
    resultado = CliRunner().invoke(
        main,
        [
            "--db",
            str(caminho_demo),
            "exportar",
            "--formato",
            "hsds",
            str(tmp_path),
            "--versao",
            "7",
        ],
    )
    assert resultado.exit_code == 1
    assert "versão 7" in resultado.output and "Traceback" not in resultado.output


def test_importar_comparar_shows_the_changes_and_writes_nothing(caminho_demo, tmp_path):
    runner = CliRunner()
    pacote = tmp_path / "outra.json"
    assert runner.invoke(main, ["--db", str(caminho_demo), "exportar", str(pacote)]).exit_code == 0
    with Workspace.abrir(caminho_demo) as ws:
        inst = next(i for i in ws.carregar().instituicoes if i.sigla == "PF-RR")
        inst.telefone = "(95) 3000-7777"
        ws.salvar_instituicao(inst)
    antes = caminho_demo.read_bytes()
    resultado = runner.invoke(
        main, ["--db", str(caminho_demo), "importar", str(pacote), "--comparar"]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "PF-RR" in resultado.output and "3000-7777" in resultado.output
    assert caminho_demo.read_bytes() == antes
    igual = runner.invoke(main, ["--db", str(caminho_demo), "importar", str(pacote), "--comparar"])
    assert "Do workspace para o pacote" in igual.output


def test_substituir_in_a_terminal_asks_and_a_no_keeps_everything(
    caminho_demo, tmp_path, monkeypatch
):
    runner = CliRunner()
    pacote = tmp_path / "outra.json"
    runner.invoke(main, ["--db", str(caminho_vazio_de(tmp_path)), "exportar", str(pacote)])
    antes = Workspace.abrir(caminho_demo)
    n = len(antes.carregar().instituicoes)
    antes.fechar()
    monkeypatch.setattr("pacto.commands.bundle_cmds._interativo", lambda: True)
    resultado = runner.invoke(
        main, ["--db", str(caminho_demo), "importar", str(pacote), "--substituir"], input="n\n"
    )
    assert resultado.exit_code == 1 and "Nada foi alterado" in resultado.output
    assert "Trocar todo o conteúdo" in resultado.output
    with Workspace.abrir(caminho_demo) as ws:
        assert len(ws.carregar().instituicoes) == n


def caminho_vazio_de(pasta):
    """A new empty workspace in the folder (a network with no institution)."""
    from pacto.domain.models import Rede

    caminho = pasta / "vazio.db"
    Workspace.criar(caminho, Rede("Rede Municipal de Teste", "SP", "Campinas")).fechar()
    return caminho
