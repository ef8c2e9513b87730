"""Adhesion tracking: records per version, re-adhesion after a new version, CLI and TUI."""

import hashlib
import json
from datetime import date

import pytest
from click.testing import CliRunner
from textual.widgets import DataTable, Input, Select, Static

from pacto.cli import pacto
from pacto.domain.adesao import MANTIDA, READESAO, normalizar_situacao
from pacto.domain.errors import ErroValidacao
from pacto.services.adesoes import panorama, registrar
from pacto.store import Workspace
from pacto.tui.adesoes import TelaRegistrarAdesao
from pacto.tui.app import criar_app

from .conftest import HOJE, nova_instituicao


def _situacao(quadro, sigla):
    return next(s for s in quadro.lista if s.instituicao.sigla == sigla)


def test_status_names_are_forgiving():
    assert normalizar_situacao("Termo enviado") == "termo_enviado"
    assert normalizar_situacao("termo-enviado") == "termo_enviado"
    assert normalizar_situacao("NÃO CONVIDADA") == "nao_convidada"
    with pytest.raises(ErroValidacao, match="Situação desconhecida"):
        normalizar_situacao("talvez")


def test_adhesion_needs_a_frozen_version(ws_demo):
    with pytest.raises(ErroValidacao, match="congele-a antes"):
        registrar(ws_demo, "PF-RR", "convidada", HOJE)
    quadro = panorama(ws_demo)
    assert quadro.ultima is None and quadro.alertas() == []
    assert "Nenhuma versão congelada" in quadro.cabecalho
    assert all(s.situacao == "nao_convidada" for s in quadro.lista)
    siglas = {s.instituicao.sigla for s in quadro.lista}
    assert "NETP-RR" not in siglas and "Disque 100" not in siglas


def test_steps_keep_their_dates_and_signed_scan_hash(ws_demo, tmp_path):
    ws_demo.congelar_versao("Pactuada")
    registrar(ws_demo, "PF-RR", "convidada", date(2026, 10, 1))
    registrar(
        ws_demo, "pf-rr", "termo enviado", date(2026, 10, 15), processo="08000.000001/2026-11"
    )
    pdf = tmp_path / "termo-assinado.pdf"
    pdf.write_bytes(b"%PDF-1.4 termo assinado")
    registro = registrar(
        ws_demo,
        "PF-RR",
        "assinado",
        date(2026, 11, 3),
        signatario="Carlos Eduardo Nunes",
        cargo="Superintendente",
        diario_oficial="DOE-RR nº 4.321, p. 12",
        arquivo=pdf,
    )
    assert registro.datas == {
        "convidada": date(2026, 10, 1),
        "termo_enviado": date(2026, 10, 15),
        "assinado": date(2026, 11, 3),
    }
    assert registro.processo == "08000.000001/2026-11"  # kept from the earlier step
    assert registro.arquivo == str(pdf.resolve())
    assert registro.arquivo_sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    quadro = panorama(ws_demo)
    pf = _situacao(quadro, "PF-RR")
    assert pf.situacao == "assinado" and pf.versao == 1 and pf.data == date(2026, 11, 3)
    with pytest.raises(ErroValidacao, match="Arquivo não encontrado"):
        registrar(ws_demo, "PF-RR", "assinado", arquivo=tmp_path / "nao-existe.pdf")
    with pytest.raises(ErroValidacao, match="A versão 7 do fluxo não existe"):
        registrar(ws_demo, "PF-RR", "assinado", versao=7)


def test_stages_without_signatory_and_readhesion_after_new_version(ws_demo):
    ws_demo.congelar_versao("Primeira")
    quadro = panorama(ws_demo)
    assert quadro.alertas()[0] == "Etapa Denúncia sem instituição signatária."
    registrar(ws_demo, "PF-RR", "assinado", date(2026, 11, 3))
    registrar(ws_demo, "DPU-RR", "assinado", date(2026, 11, 4))
    quadro = panorama(ws_demo)
    sem = [e.nome for e in quadro.sem_signataria]
    assert "Resgate" not in sem and "Denúncia" not in sem and "Enfrentamento" in sem
    # a change that concerns PF, not DPU, then a new version
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    ws_demo.definir_atribuicao(
        pf.id, ws_demo.etapas()[0].id, ws_demo.fluxos()[0].id, "Recebe e apura."
    )
    ws_demo.congelar_versao("Segunda")
    quadro = panorama(ws_demo)
    pf_s, dpu_s = _situacao(quadro, "PF-RR"), _situacao(quadro, "DPU-RR")
    # only PF's commitments changed: DPU's adhesion to version 1 stays in force
    assert pf_s.situacao == READESAO and dpu_s.situacao == MANTIDA
    assert [m.texto for m in pf_s.mudancas] == ["Atribuição alterada — PF-RR em Denúncia."]
    assert dpu_s.mudancas == [] and dpu_s.em_vigor
    assert dpu_s.motivo == (
        "vigente: assinou a versão 1; sem mudanças para a instituição desde então."
    )
    assert "Readesão pendente 1" in quadro.cabecalho and "Mantidas 1" in quadro.cabecalho
    sem = [e.nome for e in quadro.sem_signataria]
    assert dpu_s.etapas and not any(e.nome in sem for e in dpu_s.etapas)
    # PF's Termo stays in force while its aditivo is pending: Resgate keeps a signatory
    assert sem == ["Enfrentamento"]
    registrar(ws_demo, "PF-RR", "assinado", date(2026, 12, 1))
    assert _situacao(panorama(ws_demo), "PF-RR").situacao == "assinado"


def test_cli_registrar_and_listar(caminho_demo, tmp_path):
    runner = CliRunner()

    def rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    sem_versao = rodar("adesao", "registrar", "PF-RR", "--situacao", "convidada")
    assert sem_versao.exit_code == 1 and "pacto versao congelar" in sem_versao.output
    rodar("versao", "congelar", "--nota", "Pactuada")
    pdf = tmp_path / "assinado.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    ok = rodar(
        "adesao", "registrar", "PF-RR", "--situacao", "assinado", "--data", "03/11/2026",
        "--signatario", "Carlos Eduardo Nunes", "--cargo", "Superintendente", "--sei", "123",
        "--doe", "DOE-RR nº 1", "--arquivo", str(pdf),
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert "PF-RR: assinado em 03/11/2026 (versão 1 do fluxo)." in ok.output
    assert hashlib.sha256(b"%PDF-1.4").hexdigest() in ok.output
    rodar("adesao", "registrar", "DPU-RR", "--situacao", "termo-enviado", "--data", "2026-11-20")
    tabela = rodar("adesao", "listar", "--situacao", "assinado")
    assert tabela.exit_code == 0
    assert "Versão vigente 1" in tabela.output and "Assinadas 1" in tabela.output
    assert "PF-RR" in tabela.output and "DPU-RR" not in tabela.output
    dados = json.loads(rodar("adesao", "listar", "--json", "--etapa", "A").output)
    assert dados["versao_vigente"] == 1
    dpu = next(i for i in dados["instituicoes"] if i["sigla"] == "DPU-RR")
    assert dpu["situacao"] == "termo_enviado" and dpu["datas"] == {"termo_enviado": "2026-11-20"}
    assert all("A" in i["etapas"] for i in dados["instituicoes"])
    assert "Atendimento às Vítimas" in dados["etapas_sem_signataria"]
    errado = rodar("adesao", "registrar", "XYZ", "--situacao", "assinado")
    assert errado.exit_code == 1 and "Nenhuma instituição com a sigla “XYZ”" in errado.output


def test_known_signatory_fills_the_next_termo(caminho_demo, tmp_path):
    from .leitura_docx import ler

    with Workspace.abrir(caminho_demo) as ws:
        ws.congelar_versao("Pactuada")
        registrar(
            ws,
            "PF-RR",
            "assinado",
            HOJE,
            signatario="Carlos Eduardo Nunes",
            cargo="Superintendente",
        )
    resultado = CliRunner().invoke(
        pacto,
        [
            "--db",
            str(caminho_demo),
            "gerar",
            "termo",
            "--instituicao",
            "PF-RR",
            "--saida",
            str(tmp_path),
        ],
        catch_exceptions=False,
    )
    assert resultado.exit_code == 0, resultado.output
    aderente = ler(tmp_path / "termo-adesao-PF-RR.docx").tabelas[0]
    assert ["Representante", "Carlos Eduardo Nunes"] in aderente
    assert ["Cargo", "Superintendente"] in aderente


async def test_tui_section_filters_and_records_an_adhesion(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        ws.congelar_versao("Pactuada")
        registrar(ws, "PF-RR", "assinado", date(2026, 11, 3), signatario="Carlos Eduardo Nunes")
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        tabela = app.query_one("#adesoes-tabela", DataTable)
        assert app.focused is tabela
        resumo = str(app.query_one("#adesoes-resumo", Static).render())
        assert "Versão vigente 1" in resumo and "Assinadas 1" in resumo
        alertas = str(app.query_one("#adesoes-alertas", Static).render())
        assert "Etapa Enfrentamento sem instituição signatária." in alertas
        assert "Etapa Resgate sem" not in alertas
        total = tabela.row_count
        app.query_one("#adesoes-situacao", Select).value = "assinado"
        await pilot.pause()
        assert [tabela.get_row_at(i)[0] for i in range(tabela.row_count)] == ["PF-RR"]
        assert "Carlos Eduardo Nunes" in str(app.query_one("#adesoes-detalhe", Static).render())
        app.query_one("#adesoes-situacao", Select).value = "*"
        app.query_one("#adesoes-etapa", Select).value = "A"
        await pilot.pause()
        assert 0 < tabela.row_count < total
        app.query_one("#adesoes-etapa", Select).value = "*"
        await pilot.pause()
        # record DPU-RR's signature through the form
        linha = next(i for i in range(tabela.row_count) if tabela.get_row_at(i)[0] == "DPU-RR")
        tabela.focus()
        tabela.move_cursor(row=linha)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TelaRegistrarAdesao)
        app.screen.query_one("#registrar-situacao", Select).value = "assinado"
        data = app.screen.query_one("#registrar-data", Input)
        data.value = "31/02/2026"
        data.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "Data inválida" in str(app.screen.query_one("#registrar-erro", Static).render())
        data.value = "20/11/2026"
        app.screen.query_one("#registrar-signatario", Input).value = "Gabriela Fonseca Reis"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TelaRegistrarAdesao)
        dpu = app.ws.instituicao_por_sigla("DPU-RR")
        (registro,) = app.ws.adesoes(dpu.id)
        assert registro.situacao == "assinado" and registro.signatario == "Gabriela Fonseca Reis"
        assert registro.data == date(2026, 11, 20)
        assert "Assinadas 2" in str(app.query_one("#adesoes-resumo", Static).render())


async def test_tui_record_without_version_is_refused_politely(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert "Nenhuma versão congelada" in str(app.query_one("#adesoes-resumo", Static).render())
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, TelaRegistrarAdesao)
        assert app.ws.adesoes() == []


def test_institution_removed_takes_its_adhesions(ws_demo):
    ws_demo.congelar_versao("Pactuada")
    inst = nova_instituicao(ws_demo, "TEMP", "Temporária")
    ws_demo.definir_atribuicao(inst.id, ws_demo.etapas()[0].id, ws_demo.fluxos()[0].id, "Atende")
    registrar(ws_demo, "TEMP", "convidada", HOJE)
    ws_demo.remover_instituicao(inst.id)
    assert ws_demo.adesoes() == []


def test_coordination_and_support_points_sign_no_termo(ws_demo):
    """The coordination receives the adhesions and a support point is outside the final flow:
    neither is recorded as adhering, in the CLI or in the TUI (one rule, in the service)."""
    from dataclasses import replace as copiar

    ws_demo.congelar_versao("Pactuada")
    coordenacao = ws_demo.instituicao(ws_demo.rede().coordenacao_id)
    with pytest.raises(ErroValidacao, match="coordenadora do fluxo"):
        registrar(ws_demo, coordenacao.sigla, "assinado")
    apoio = ws_demo.instituicao_por_sigla("PF-RR")
    ws_demo.salvar_instituicao(copiar(apoio, papel="apoio"))
    with pytest.raises(ErroValidacao, match="ponto de apoio"):
        registrar(ws_demo, "PF-RR", "assinado")
    assert ws_demo.adesoes(coordenacao.id) == [] and ws_demo.adesoes(apoio.id) == []
