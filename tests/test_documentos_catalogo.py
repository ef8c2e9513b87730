"""The list of documents the Documentos section offers: every entry writes its file."""

import shutil

import pytest

from pacto.domain.errors import ErroDocumento
from pacto.services.documentos.catalogo import CATALOGO, Pedido, gerar_documento, passos

from .conftest import HOJE

ESPERADOS = {
    "termo": "termo-adesao-PF-RR.docx",
    "portaria": "portaria.docx",
    "fluxo": "fluxo-publicado.docx",
    "diagrama": "diagrama-fluxo.png",
    "ficha": "ficha-validacao-pf-rr.xlsx",
    "ata": "ata-2026-10-29-gt-1.docx",
    "presenca": "presenca-2026-10-29-gt-1.docx",
    "pauta": "pauta-2026-10-29-gt-1.docx",
    "sugestoes": "matriz-sugestoes.docx",
    "autodiagnostico": "autodiagnostico-2026-08-08.docx",
    "checklist": "checklist-2026-11.docx",
    "formulario-netp": "formulario-netp-2026-11.xlsx",
    "relatorio-netp": "relatorio-netp-2026-11.xlsx",
    "monitoramento": "monitoramento-2026-11.xlsx",
}


def test_catalog_covers_every_document_once():
    assert [g.chave for g in CATALOGO] == list(ESPERADOS)
    assert all(len(g.nome) <= 28 for g in CATALOGO)  # fits the list at 80 columns


@pytest.mark.parametrize("chave", list(ESPERADOS))
def test_every_entry_writes_its_file(ws_demo, tmp_path, chave):
    if chave == "diagrama" and not shutil.which("dot"):
        pytest.skip("Graphviz (dot) não está instalado")
    gt = next(r for r in ws_demo.reunioes() if r.tipo == "gt")
    valores = {"reuniao": gt.id, "instituicoes": ["PF-RR"], "mes": "2026-11"}
    valores["mes_opcional"] = "2026-11"
    pedido = Pedido(chave, tmp_path / "saida", valores=valores, hoje=HOJE)
    passos_dados = []
    lote = gerar_documento(ws_demo, pedido, lambda: passos_dados.append(1))
    assert [a.name for a in lote.arquivos] == [ESPERADOS[chave]]
    assert lote.arquivos[0].stat().st_size > 0
    assert lote.arquivos[0].name.isascii()
    if lote.arquivos[0].suffix == ".docx":  # properties say what the document is, made now
        from datetime import datetime

        from docx import Document

        propriedades = Document(str(lote.arquivos[0])).core_properties
        assert propriedades.title and propriedades.subject
        assert not propriedades.comments
        idade = datetime.now() - propriedades.created.replace(tzinfo=None)
        assert abs(idade.total_seconds()) < 24 * 3600
    assert len(passos_dados) == passos(ws_demo, pedido) == 1


def test_batch_of_termos_counts_one_step_per_institution(ws_demo, tmp_path):
    pedido = Pedido("termo", tmp_path, hoje=HOJE)
    passos_dados = []
    lote = gerar_documento(ws_demo, pedido, lambda: passos_dados.append(1))
    assert len(lote.arquivos) == len(passos_dados) == passos(ws_demo, pedido) > 10


def test_missing_choices_are_clear_errors(ws_demo, tmp_path):
    with pytest.raises(ErroDocumento, match="Escolha a reunião"):
        gerar_documento(ws_demo, Pedido("ata", tmp_path))
    with pytest.raises(ErroDocumento, match="Informe o mês"):
        gerar_documento(ws_demo, Pedido("relatorio-netp", tmp_path))


def test_pdf_only_for_word_documents(ws_demo, tmp_path):
    planilha = gerar_documento(
        ws_demo, Pedido("relatorio-netp", tmp_path, pdf=True, valores={"mes": "2026-11"})
    )
    assert "O PDF só é gerado para documentos do Word" in planilha.avisos[0]
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice não está instalado")
    gt = next(r for r in ws_demo.reunioes() if r.tipo == "gt")
    pedido = Pedido("pauta", tmp_path, pdf=True, valores={"reuniao": gt.id}, hoje=HOJE)
    passos_dados = []
    lote = gerar_documento(ws_demo, pedido, lambda: passos_dados.append(1))
    assert [a.suffix for a in lote.arquivos] == [".docx", ".pdf"]
    assert len(passos_dados) == passos(ws_demo, pedido) == 2
