"""The living flow through `status --json` and `passo listar`: pact, alignment, roadmap, rules."""

import json
from datetime import date, timedelta

from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.adesao import Adesao
from pacto.domain.processo import Ajuste
from pacto.domain.reunioes import Reuniao
from pacto.services.adesoes import panorama
from pacto.store import Workspace


def _cli(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _status(caminho) -> dict:
    resultado = _cli(caminho, "status", "--json")
    assert resultado.exit_code == 0, resultado.output
    return json.loads(resultado.output)


def _pactuar_com_metade_assinada(caminho, hoje: date) -> None:
    """Pact meeting 10 days ago, version frozen, half the Termos signed, alignment 3 days ago."""
    with Workspace.abrir(caminho) as ws:
        for n in (3, 4):
            ws.ajustar_passo(Ajuste("pactuacao", n, "concluído", "Feito com ata no SEI."))
        for n in (2, 6, 7, 8, 9, 11):
            ws.ajustar_passo(Ajuste("elaboracao", n, "concluído", "Feito na rede."))
        versao = ws.congelar_versao("Versão pactuada")
        pacto_em = hoje - timedelta(days=10)
        ws.criar_reuniao(Reuniao("apresentacao_final", 1, pacto_em, situacao="realizada"))
        lista = panorama(ws).lista
        for s in lista[: len(lista) // 2]:
            ws.registrar_adesao(Adesao(s.instituicao.id, versao.numero, "assinado"), pacto_em)
        # a GT meeting does not count as alignment: only this one does
        ws.criar_reuniao(Reuniao("gt", 9, hoje - timedelta(days=5), situacao="realizada"))
        ws.criar_reuniao(Reuniao("alinhamento", 1, hoje - timedelta(days=3), situacao="realizada"))


def test_alignment_right_after_the_pact_with_half_the_termos_unsigned(caminho_demo):
    _pactuar_com_metade_assinada(caminho_demo, date.today())
    dados = _status(caminho_demo)
    passos = {p["numero"]: p for p in dados["passos_pactuacao"]}
    etapas = {e["numero"]: e for e in dados["etapas_elaboracao"]}
    assert passos[5]["situacao"] == "concluído"
    assert passos[6]["situacao"] == "em dia"
    assert etapas[12]["situacao"] == "em andamento"
    assert "ainda não assinaram nem recusaram" in etapas[12]["motivo"]
    proximo = dados["proximo_passo"]
    assert proximo["etapa"] == 12 and proximo["numero"] is None
    assert proximo["acao"].startswith("Etapa 12 do roteiro: Institucionalizar")
    assert proximo["situacao"] == "em andamento"
    texto = " ".join(_cli(caminho_demo, "passo", "listar").output.split())
    assert "6. Reuniões mensais de alinhamento — em dia" in texto
    assert "Próximo passo: Etapa 12 do roteiro" in texto
    assert "Regra “Intervalo máximo entre alinhamentos (dias)”: 35 dias" in texto


def test_rules_are_named_settings_with_the_booklet_default(caminho_demo):
    lista = _cli(caminho_demo, "passo", "regra").output
    assert "presenca_ampliada = 50%" in lista and "dias_alinhamento = 35 dias" in lista
    assert _cli(caminho_demo, "passo", "regra", "presenca_ampliada", "40%").exit_code == 0
    assert _cli(caminho_demo, "passo", "regra", "dias_alinhamento", "45").exit_code == 0
    dados = _status(caminho_demo)
    assert "40% (padrão da cartilha: 50%)" in dados["passos_pactuacao"][2]["regra"]
    assert "45 dias" in dados["passos_pactuacao"][5]["regra"]
    ruim = _cli(caminho_demo, "passo", "regra", "dias_alinhamento", "zero")
    assert ruim.exit_code == 1 and "não vale" in ruim.output and "Traceback" not in ruim.output
    assert _cli(caminho_demo, "passo", "regra", "quorum", "3").exit_code == 1
    assert _cli(caminho_demo, "passo", "regra", "dias_alinhamento", "--padrao").exit_code == 0
    assert "35 dias (padrão da cartilha)" in _status(caminho_demo)["passos_pactuacao"][5]["regra"]


def test_late_alignment_reads_atrasado_and_proposes_the_meeting(caminho_demo):
    hoje = date.today()
    with Workspace.abrir(caminho_demo) as ws:
        for n in (3, 4):
            ws.ajustar_passo(Ajuste("pactuacao", n, "concluído", "Feito."))
        ws.congelar_versao("Pactuada")
        ws.criar_reuniao(
            Reuniao("apresentacao_final", 1, hoje - timedelta(days=80), situacao="realizada")
        )
        ws.criar_reuniao(Reuniao("alinhamento", 1, hoje - timedelta(days=40), situacao="realizada"))
    dados = _status(caminho_demo)
    passo6 = dados["passos_pactuacao"][5]
    assert passo6["situacao"] == "atrasado" and passo6["alerta"]
    assert dados["proximo_passo"]["numero"] == 6


def _como_antes_da_atualizacao(caminho) -> None:
    """A workspace with history, turned back to the schema before m014_fluxo_vivo."""
    import sqlite3

    con = sqlite3.connect(caminho)
    with con:
        con.execute("DROP TABLE avaliacoes")
        con.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_fluxo_vivo'")
        con.execute("DELETE FROM configuracoes WHERE chave = 'aviso.fluxo_vivo'")
    con.close()


def test_first_open_after_the_upgrade_explains_once(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        ws.congelar_versao("Primeira")
        for s in panorama(ws).lista:
            ws.registrar_adesao(Adesao(s.instituicao.id, 1, "assinado"), date(2026, 11, 10))
        pf = ws.instituicao_por_sigla("PF-RR")
        etapa = next(e for e in ws.etapas() if e.chave == "resgate")
        ws.definir_atribuicao(pf.id, etapa.id, ws.fluxos()[0].id, "Coordena o resgate.")
        ws.congelar_versao("Segunda")
        ws.ajustar_passo(Ajuste("pactuacao", 3, "concluído", "Reunião de 2025, ata no SEI."))
        registros = len(ws.adesoes())
    _como_antes_da_atualizacao(caminho_demo)
    primeira = _cli(caminho_demo, "adesao", "listar")
    assert primeira.exit_code == 0
    texto = " ".join(primeira.output.split())
    assert "atualização m014_fluxo_vivo" in texto
    assert "Adesões que deixaram de pedir readesão" in texto
    assert "Readesão continua pendente — PF-RR" in texto
    assert "Ajuste à mão mantido — passo 3: concluído" in texto
    segunda = _cli(caminho_demo, "adesao", "listar")
    assert "m014_fluxo_vivo" not in segunda.output  # only once
    with Workspace.abrir(caminho_demo) as ws:
        assert len(ws.adesoes()) == registros  # nothing rewritten
        assert ws.avaliacoes() == []


def test_a_fresh_workspace_gets_no_notice(caminho_demo):
    assert "fluxo_vivo" not in _cli(caminho_demo, "adesao", "listar").output


async def test_tui_shows_the_notice_once_and_why_in_section_7(caminho_demo):
    from textual.widgets import DataTable, Static

    from pacto.tui.app import criar_app

    with Workspace.abrir(caminho_demo) as ws:
        ws.congelar_versao("Primeira")
        for s in panorama(ws).lista:
            ws.registrar_adesao(Adesao(s.instituicao.id, 1, "assinado"), date(2026, 11, 10))
        pf = ws.instituicao_por_sigla("PF-RR")
        etapa = next(e for e in ws.etapas() if e.chave == "resgate")
        ws.definir_atribuicao(pf.id, etapa.id, ws.fluxos()[0].id, "Coordena o resgate.")
        ws.congelar_versao("Segunda")
    _como_antes_da_atualizacao(caminho_demo)
    app = criar_app(caminho_demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        avisos = [n.message for n in app._notifications]
        assert any("m014_fluxo_vivo" in m for m in avisos)
        await pilot.press("7")
        await pilot.pause()
        tabela = app.query_one("#adesoes-tabela", DataTable)
        linha = next(i for i in range(tabela.row_count) if tabela.get_row_at(i)[0] == "PF-RR")
        tabela.focus()
        tabela.move_cursor(row=linha)
        await pilot.pause()
        detalhe = str(app.query_one("#adesoes-detalhe", Static).render())
        assert "Por quê: assinou a versão 1; a versão 2 alterou 1 compromisso" in detalhe
        assert "pacto gerar termo --aditivo --instituicao PF-RR" in detalhe
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.configuracao("aviso.fluxo_vivo") is None


def test_step_7_record_and_a_purpose_covered_by_an_external_flow(caminho_demo):
    # the demo's flow leaves out some purposes of art. 149-A: one is a gap until covered
    with Workspace.abrir(caminho_demo) as ws:
        fluxo = ws.fluxos()[0]
        fluxo.finalidades = [f for f in fluxo.finalidades if f != "trabalho_escravo"]
        ws.salvar_fluxo(fluxo)
    lacunas = [x["referencia"] for x in _status(caminho_demo)["lacunas"]]
    assert "trabalho_escravo" in lacunas
    ok = _cli(
        caminho_demo,
        "fluxo",
        "externo",
        "trabalho_escravo",
        "--ato",
        "Portaria MMFDH nº 3.484/2021",
    )
    assert (
        ok.exit_code == 0
        and "coberta por fluxo externo — Portaria MMFDH nº 3.484/2021" in ok.output
    )
    assert "trabalho_escravo" not in [x["referencia"] for x in _status(caminho_demo)["lacunas"]]
    assert _cli(caminho_demo, "fluxo", "externo", "servidao").exit_code == 2  # no --ato
    assert _cli(caminho_demo, "fluxo", "externo", "pesca", "--ato", "X").exit_code == 1

    assert (
        _cli(
            caminho_demo,
            "fluxo",
            "experiencia",
            "Fluxo estadual do RJ",
            "--nota",
            "Hipótese conjunta com trabalho escravo.",
        ).exit_code
        == 0
    )
    etapa7 = _status(caminho_demo)["etapas_elaboracao"][6]
    assert etapa7["situacao"] == "em andamento"
    assert _cli(caminho_demo, "fluxo", "decisao", "unico").exit_code == 0
    etapa7 = _status(caminho_demo)["etapas_elaboracao"][6]
    assert etapa7["situacao"] == "concluído" and "Fluxo estadual do RJ" in etapa7["motivo"]


def test_a_network_without_netp_reads_correctly(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        for inst in ws.carregar().instituicoes:
            if inst.tipo == "netp":
                inst.tipo = "gestor_assistencia_estadual"
                ws.salvar_instituicao(inst)
        coord = ws.carregar().coordenacao.sigla
    etapa11 = _status(caminho_demo)["etapas_elaboracao"][10]
    assert etapa11["titulo"].endswith("(quando existente na localidade)")
    assert etapa11["motivo"] == (
        f"Nenhum envio de informação à coordenação do fluxo ({coord}) registrado."
    )


def test_netp_form_names_the_coordination_when_there_is_no_netp(ws_demo, tmp_path):
    from openpyxl import load_workbook

    from pacto.services.netp_planilhas import gerar_formulario

    com = load_workbook(gerar_formulario(ws_demo, "2026-11", tmp_path / "a.xlsx"))
    assert com["Formulário"]["A1"].value.startswith("Informações mensais ao NETP-RR — ")
    for inst in ws_demo.carregar().instituicoes:
        if inst.tipo == "netp":
            inst.tipo = "gestor_assistencia_estadual"
            ws_demo.salvar_instituicao(inst)
    sem = load_workbook(gerar_formulario(ws_demo, "2026-11", tmp_path / "b.xlsx"))
    titulo = sem["Formulário"]["A1"].value
    # the demo's coordination keeps its acronym; what changes is who the text sends it to
    assert titulo.startswith("Informações mensais à coordenação do fluxo (")


def test_bundle_carries_rules_step_7_external_flows_and_holidays(caminho_demo, tmp_path):
    for args in (
        ("passo", "regra", "dias_alinhamento", "45"),
        ("fluxo", "experiencia", "CIPETP-SP"),
        ("fluxo", "externo", "trabalho_escravo", "--ato", "Portaria MMFDH nº 3.484/2021"),
        ("reuniao", "feriado", "09/07", "Aniversário da cidade"),
    ):
        assert _cli(caminho_demo, *args).exit_code == 0
    pacote = tmp_path / "rede.json"
    assert _cli(caminho_demo, "exportar", str(pacote)).exit_code == 0
    copia = tmp_path / "copia.db"
    assert _cli(copia, "importar", str(pacote)).exit_code == 0
    assert "dias_alinhamento = 45 dias" in _cli(copia, "passo", "regra").output
    assert "09/07  Aniversário da cidade" in _cli(copia, "reuniao", "feriado").output
    with Workspace.abrir(copia) as ws:
        assert ws.carregar().fluxos_externos == {"trabalho_escravo": "Portaria MMFDH nº 3.484/2021"}
    assert "CIPETP-SP" in _status(copia)["etapas_elaboracao"][6]["motivo"]


SEM_NETP = """Nome,Sigla,Tipo,Etapas,Atribuições,Telefone,Horário,Ponto focal
Secretaria Municipal de Assistência Social,SEMAS,gestor_assistencia_municipal,Enfrentamento,Coordena a rede.,(95) 3000-0001,8h às 18h,Ana Lima
Polícia Civil,PC-T,policia_civil,Denúncia,Recebe denúncias.,(95) 3000-0002,24 horas,Bruno Reis
Polícia Federal,PF-T,policia_federal,Resgate,Conduz o resgate.,(95) 3000-0003,8h às 18h,Carla Dias
CREAS Centro,CREAS-T,creas,Pós-Resgate,Acolhe e acompanha.,(95) 3000-0004,8h às 17h,Davi Melo
Hospital Geral,HG-T,hospital,Atendimento às Vítimas,Atende a saúde da vítima.,(95) 3000-0005,24 horas,Eva Nunes
"""
CONDICIONAL = ("quando existente", "onde não houver", "ou à coordenação", "ou a coordenação")


def _textos(arquivo) -> list[str]:
    from docx import Document
    from openpyxl import load_workbook

    if arquivo.suffix == ".xlsx":
        livro = load_workbook(arquivo)
        return [
            str(v)
            for f in livro.worksheets
            for linha in f.iter_rows(values_only=True)
            for v in linha
            if v
        ]
    doc = Document(arquivo)
    textos = [p.text for p in doc.paragraphs]
    textos += [c.text for t in doc.tables for linha in t.rows for c in linha.cells]
    for secao in doc.sections:
        textos += [p.text for p in (*secao.header.paragraphs, *secao.footer.paragraphs)]
    return textos


def test_a_network_coordinated_by_a_secretaria_reads_netp_only_conditionally(tmp_path):
    banco = tmp_path / "rede.db"
    assert _cli(banco, "init", "--rede", "Rede Municipal de Teste", "--uf", "RR").exit_code == 0
    planilha = tmp_path / "atores.csv"
    planilha.write_text(SEM_NETP, encoding="utf-8")
    assert _cli(banco, "atores", "importar", str(planilha)).exit_code == 0
    with Workspace.abrir(banco) as ws:
        rede = ws.rede()
        rede.coordenacao_id = ws.instituicao_por_sigla("SEMAS").id
        ws.salvar_rede(rede)
        ws.criar_reuniao(Reuniao("gt", 1, date(2026, 11, 3), situacao="realizada"))
    assert _cli(banco, "versao", "congelar", "--nota", "Pactuada").exit_code == 0
    saida = tmp_path / "docs"
    for comando in (
        ["termo", "--todas"],
        ["portaria"],
        ["portaria", "--tipo", "decreto"],
        ["portaria", "--tipo", "gt"],
        ["fluxo"],
        ["ata", "--reuniao", "1"],
        ["ata", "--reuniao", "1", "--memoria"],
        ["pauta", "--reuniao", "1"],
        ["presenca", "--reuniao", "1"],
        ["sugestoes"],
        ["checklist", "--mes", "2026-11"],
        ["formulario-netp", "--mes", "2026-11"],
        ["relatorio-netp", "--mes", "2026-11"],
        ["monitoramento"],
    ):
        resultado = _cli(banco, "gerar", *comando, "--saida", str(saida))
        assert resultado.exit_code == 0, (comando, resultado.output)
    arquivos = sorted(saida.iterdir())
    assert len(arquivos) >= 17
    for arquivo in arquivos:
        for texto in _textos(arquivo):
            if "NETP" in texto:
                assert any(c in texto for c in CONDICIONAL), (arquivo.name, texto)
