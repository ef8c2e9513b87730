"""What a careful reader of the generated documents would flag: names, times, places, rows split
across pages, signatures left alone on a page, a Decreto without its referenda, stale checklists."""

import shutil
from datetime import time

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook

from pacto.domain.calendario import hora_oficial
from pacto.domain.redacao import contem_sigla, nome_e_sigla
from pacto.services.documentos import gerar
from pacto.services.documentos.ato import DadosDoAto
from pacto.services.documentos.contexto import fontes
from pacto.services.documentos.reuniao_docs import lugar_e_link
from pacto.services.mensal import checklist_do_mes, gerar_monitoramento

from .conftest import HOJE
from .leitura_docx import ler


def _f(ws):
    return fontes(ws, hoje=HOJE)


def _tabela(doc, *cabecalho: str):
    for tabela in doc.tables:
        if tuple(c.text for c in tabela.rows[0].cells[: len(cabecalho)]) == cabecalho:
            return tabela
    raise AssertionError(f"nenhuma tabela com o cabeçalho {cabecalho}")


def _inteira(linha) -> bool:
    trpr = linha._tr.trPr
    return trpr is not None and trpr.find(qn("w:cantSplit")) is not None


def _paragrafo(doc, inicio: str):
    return next(p for p in doc.paragraphs if p.text.startswith(inicio))


# -- wording helpers ---------------------------------------------------------------------------


def test_an_institution_is_named_with_its_acronym_once():
    assert nome_e_sigla("Hospital Geral de Roraima", "HGR") == "Hospital Geral de Roraima (HGR)"
    assert nome_e_sigla("Central de Atendimento à Mulher – Ligue 180", "Ligue 180") == (
        "Central de Atendimento à Mulher – Ligue 180"
    )
    assert nome_e_sigla("Procuradoria da República (Ministério Público Federal)", "MPF-RR") == (
        "Procuradoria da República (Ministério Público Federal – MPF-RR)"
    )
    assert nome_e_sigla("Casa Acolher", "") == "Casa Acolher"
    assert nome_e_sigla("OIM", "OIM") == "OIM"
    # the acronym must appear as a word, not inside another one
    assert not contem_sigla("Conselho Tutelar de Pacaraima", "PC")
    assert contem_sigla("Disque Direitos Humanos – Disque 100", "Disque 100")


def test_times_are_written_as_official_texts_write_them():
    assert hora_oficial(time(9, 0)) == "9h"
    assert hora_oficial(time(11, 30)) == "11h30"
    assert hora_oficial(time(14, 5)) == "14h05"
    assert hora_oficial(None) == ""


def test_a_meeting_place_and_its_link_are_told_apart():
    assert lugar_e_link("Auditório da SETRABES – Av. Ville Roy, 1500 · https://x.gov.br/sala") == (
        "Auditório da SETRABES – Av. Ville Roy, 1500",
        "https://x.gov.br/sala",
    )
    assert lugar_e_link("https://x.gov.br/sala.") == ("", "https://x.gov.br/sala")
    assert lugar_e_link("Sala 3, Centro") == ("Sala 3, Centro", "")


# -- layout of the acts and the published flow -------------------------------------------------


def test_annex_two_keeps_each_institution_on_one_page(ws_demo, tmp_path):
    lote = gerar.ato(_f(ws_demo), tmp_path, "portaria", DadosDoAto(numero="12"))
    doc = Document(str(lote.arquivos[0]))
    quadro = _tabela(doc, "Instituição", "Etapa", "Atribuições", "Forma de contato")
    assert len(quadro.rows) > 20
    assert all(_inteira(linha) for linha in quadro.rows[1:])
    nomes = [linha.cells[0].text for linha in quadro.rows[1:]]
    assert not any(") (" in nome or nome.endswith("(Ligue 180)") for nome in nomes)


def test_decreto_is_countersigned_by_the_secretary(ws_demo, tmp_path):
    lote = gerar.ato(_f(ws_demo), tmp_path, "decreto", DadosDoAto())
    paragrafos = ler(lote.arquivos[0]).paragrafos
    governador = paragrafos.index("Governador do Estado de Roraima")
    assert paragrafos[governador + 1 : governador + 3] == [
        "ROBERTO ALMEIDA NUNES",
        "Secretário de Estado da Justiça e Cidadania",
    ]
    portaria = ler(gerar.ato(_f(ws_demo), tmp_path, "portaria", DadosDoAto()).arquivos[0])
    assert portaria.paragrafos.count("ROBERTO ALMEIDA NUNES") == 1  # the signatory, once


def test_published_flow_draws_the_flow_on_a_landscape_page(ws_demo, tmp_path):
    lote = gerar.fluxo(_f(ws_demo), tmp_path)
    doc = Document(str(lote.arquivos[0]))
    orientacoes = [secao.orientation for secao in doc.sections]
    assert orientacoes == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    for tabela in doc.tables:
        if tabela.rows[0].cells[0].text == "Instituição" and len(tabela.columns) == 3:
            assert all(_inteira(linha) for linha in tabela.rows[1:])
    if shutil.which("dot"):  # wider than the 16 cm of a portrait page
        assert doc.inline_shapes[0].width.cm > 17


def test_termo_is_numbered_and_its_focal_points_table_fits(ws_demo, tmp_path):
    lote = gerar.termos(_f(ws_demo), tmp_path, siglas=["MPF-RR"])
    lido = ler(lote.arquivos[0])
    assert lido.paragrafos[0].startswith("TERMO DE ADESÃO Nº ____/2026 AO FLUXO ESTADUAL")
    qualificacao = lido.tabelas[0]
    assert [
        "Instituição",
        "Procuradoria da República em Roraima (Ministério Público Federal – MPF-RR)",
    ] in qualificacao


# -- meetings: closings stay with their signatures ---------------------------------------------


def test_closing_text_stays_on_the_page_of_the_signatures(ws_demo, tmp_path):
    ampliada = next(r for r in ws_demo.reunioes() if r.tipo == "ampliada")
    gt = next(r for r in ws_demo.reunioes() if r.tipo == "gt")
    pauta = Document(str(gerar.pauta(_f(ws_demo), tmp_path, ampliada.id).arquivos[0]))
    assert _paragrafo(pauta, "Pede-se a cada instituição").paragraph_format.keep_with_next
    ata = Document(str(gerar.ata(_f(ws_demo), tmp_path, gt.id).arquivos[0]))
    assert _paragrafo(ata, "Nada mais havendo a tratar").paragraph_format.keep_with_next
    assert "(a)" not in "\n".join(p.text for p in ata.paragraphs)


def test_ata_opening_names_the_room_then_the_link(ws_demo, tmp_path):
    ampliada = next(r for r in ws_demo.reunioes() if r.tipo == "ampliada")
    abertura = ler(gerar.ata(_f(ws_demo), tmp_path, ampliada.id).arquivos[0]).paragrafos[1]
    assert abertura.startswith(
        "Aos dez dias do mês de dezembro de dois mil e vinte e seis, às quatorze horas, no "
        "Auditório da SETRABES – Av. Ville Roy, 1500, Boa Vista/RR, com participação também por "
        "videoconferência (https://conferencia.exemplo.gov.br/rede-etp-rr), reuniram-se"
    )
    assert " · " not in abertura


# -- the monthly record ------------------------------------------------------------------------


def test_overdue_action_reads_as_one_sentence_in_the_checklist(ws_demo):
    item = next(
        linha.item.texto
        for linha in checklist_do_mes(ws_demo, "2026-11", HOJE)
        if linha.item.chave == "derivado:acoes_atrasadas"
    )
    assert item == (
        "1 ação atrasada: PRF-RR – Indicar o ponto focal titular da PRF-RR para o fluxo, com "
        "portaria de designação (prazo 20/11/2026)"
    )


def test_a_past_month_checklist_lists_what_was_overdue_then(ws_demo):
    # the action's deadline is 20/11/2026: it was not overdue in October
    chaves = [linha.item.chave for linha in checklist_do_mes(ws_demo, "2026-10", HOJE)]
    assert "derivado:acoes_atrasadas" not in chaves
    chaves = [linha.item.chave for linha in checklist_do_mes(ws_demo, "2026-11", HOJE)]
    assert "derivado:acoes_atrasadas" in chaves


def test_monitoring_report_names_its_months(ws_demo, tmp_path):
    destino = gerar_monitoramento(ws_demo, "2026-11", tmp_path / "mon.xlsx")
    resumo = load_workbook(destino)["Resumo"]
    assert resumo["A2"].value == "Período: dezembro de 2025 a novembro de 2026"
