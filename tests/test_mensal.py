"""The monthly routine through the store, services and CLI: checklist months, indicators and the report."""

import json
from datetime import date

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pacto.cli import pacto
from pacto.domain.checklist import RespostaChecklist
from pacto.domain.errors import ErroValidacao
from pacto.domain.indicadores import Medicao, Meta
from pacto.services.mensal import (
    checklist_do_mes,
    gerar_monitoramento,
    medir,
    meses_ate,
    painel_indicadores,
)

from .conftest import HOJE


def test_months_span():
    assert meses_ate("2026-02", 4) == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_checklist_of_demo_has_derived_focal_points_item(ws_demo):
    linhas = checklist_do_mes(ws_demo, "2026-11", HOJE)
    primeira = linhas[0]
    assert primeira.item.derivado
    assert primeira.item.texto.startswith("4 pontos focais sem confirmação há mais de 90 dias")
    assert "HGR (suplente)" in primeira.item.texto
    assert len(linhas) == 2 + 11  # focal points, the overdue action, then the model's


def test_checklist_answers_kept_per_month_and_carried_over(ws_demo):
    ws_demo.responder_checklist(
        RespostaChecklist("2026-10", "fluxo_adequado", "pendente", "Rever prazo do Resgate")
    )
    linha = next(
        li for li in checklist_do_mes(ws_demo, "2026-11", HOJE) if li.item.chave == "fluxo_adequado"
    )
    assert linha.resposta is None and linha.pendente_desde == "2026-10"
    ws_demo.responder_checklist(RespostaChecklist("2026-11", "fluxo_adequado", "ok"))
    linha = next(
        li for li in checklist_do_mes(ws_demo, "2026-11", HOJE) if li.item.chave == "fluxo_adequado"
    )
    assert linha.resposta.situacao == "ok" and linha.pendente_desde is None
    with pytest.raises(ErroValidacao, match="AAAA-MM"):
        ws_demo.responder_checklist(RespostaChecklist("11/2026", "fluxo_adequado", "ok"))


def test_automatic_indicators_measured_and_manual_values_with_targets(ws_demo):
    registrados = medir(ws_demo, "2026-11", HOJE)
    assert registrados["pontos_focais_confirmados"] == round(100 * 53 / 57, 1)
    ws_demo.registrar_medicao(Medicao("profissionais_capacitados", "2026-10", 40))
    ws_demo.registrar_medicao(Medicao("profissionais_capacitados", "2026-11", 55))
    ws_demo.definir_meta(Meta("profissionais_capacitados", "2026", 50))
    linhas = {li.indicador.chave: li for li in painel_indicadores(ws_demo, "2026-11")}
    capacitados = linhas["profissionais_capacitados"]
    assert capacitados.valores[-2:] == [40, 55] and capacitados.atingida is True
    with pytest.raises(ErroValidacao, match="Período inválido"):
        ws_demo.definir_meta(Meta("adesao", "2026-11", 50))


def test_monitoring_report_has_a_chart_per_indicator(ws_demo, tmp_path):
    medir(ws_demo, "2026-11", HOJE)
    ws_demo.definir_meta(Meta("pontos_focais_confirmados", "2026-S2", 95))
    destino = gerar_monitoramento(ws_demo, "2026-11", tmp_path / "mon.xlsx")
    livro = load_workbook(destino)
    resumo = [list(li) for li in livro["Resumo"].iter_rows(values_only=True)]
    pf = next(li for li in resumo if li[0] == "Pontos focais confirmados nos últimos 90 dias")
    assert pf[1] == "93%" and pf[2] == "95%" and pf[3] == "Abaixo da meta"
    graficos = [folha for folha in livro.worksheets if folha.title.startswith("Ind ")]
    assert len(graficos) == 11
    assert all(len(folha._charts) == 1 for folha in graficos)
    assert not list(tmp_path.glob(".pacto-tmp-*"))


def test_cli_checklist_and_indicators(caminho_demo, tmp_path):
    runner = CliRunner()

    def rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    r = rodar(
        "checklist",
        "responder",
        "envio_netp",
        "pendente",
        "--mes",
        "2026-10",
        "--nota",
        "HGR atrasou",
        "--instituicao",
        "hgr",
    )
    assert r.exit_code == 0
    dados = json.loads(rodar("checklist", "mostrar", "--mes", "2026-11", "--json").output)
    envio = next(d for d in dados if d["item"] == "envio_netp")
    assert envio["pendente_desde"] == "2026-10"
    assert rodar("checklist", "responder", "nao_existe", "ok").exit_code == 1
    assert (
        rodar("indicadores", "meta", "adesao", "--periodo", "2027", "--valor", "80").exit_code == 0
    )
    r = rodar("indicadores", "valor", "adesao", "--mes", "2026-11", "--valor", "3")
    assert r.exit_code == 1 and "calculado pelo pacto" in r.output
    assert (
        rodar(
            "indicadores", "valor", "acoes_prevencao", "--mes", "2026-11", "--valor", "3"
        ).exit_code
        == 0
    )
    assert rodar("indicadores", "medir", "--mes", "2026-11").exit_code == 0
    dados = json.loads(rodar("indicadores", "listar", "--mes", "2026-11", "--json").output)
    assert next(d for d in dados if d["indicador"] == "acoes_prevencao")["valores"]["2026-11"] == 3
    r = rodar("gerar", "monitoramento", "--mes", "2026-11", "--saida", str(tmp_path))
    assert r.exit_code == 0 and (tmp_path / "monitoramento-2026-11.xlsx").exists()
    assert date(2026, 11, 26) == HOJE


def test_changes_since_the_version_in_force_at_month_start_become_an_item(ws_demo):
    import sqlite3

    ws_demo.congelar_versao("Versão de outubro")
    # date the version back to October, as if frozen then (triggers forbid UPDATE; recreate row)
    conexao = sqlite3.connect(ws_demo.caminho)
    conexao.execute("DROP TRIGGER versoes_sem_alteracao")
    conexao.execute("UPDATE versoes SET criado_em = '2026-10-15T10:00:00'")
    conexao.commit()
    conexao.close()
    from .conftest import nova_instituicao

    nova_instituicao(ws_demo, "CRAS-NOVO", "CRAS Caimbé", telefone="(95) 3000-0999")
    itens = [li.item for li in checklist_do_mes(ws_demo, "2026-11", HOJE) if li.item.derivado]
    mudancas = next(i for i in itens if i.chave == "derivado:mudancas_fluxo")
    assert mudancas.texto.startswith(
        "1 mudança no fluxo desde o mês passado: Entrou na rede: CRAS Caimbé"
    )
