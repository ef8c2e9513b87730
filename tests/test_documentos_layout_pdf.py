"""Layout read back from LibreOffice PDFs with `pdftotext -layout`: no sigla split at its hyphen,
no e-mail split except after "@" or ".", no page holding only a signature block; document
properties and ASCII file names. Skipped when LibreOffice or poppler is absent."""

import re
import shutil
import subprocess
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner
from docx import Document

from pacto.cli import pacto

precisa_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) e poppler-utils (pdftotext) não estão instalados",
)
SIGLAS_TERMO = ("CRAS Caimbé", "MPT-RR", "Centro POP-BV", "DPU-RR")


def _rodar(caminho, *args):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)
    assert resultado.exit_code == 0, resultado.output
    return resultado.output


def _paginas(pdf) -> list[str]:
    texto = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [p.replace("\u2011", "-").replace("\u200b", "") for p in texto.split("\f") if p.strip()]


def _siglas_e_emails(caminho):
    from pacto.store import Workspace

    with Workspace.abrir(caminho) as ws:
        rc = ws.carregar()
    siglas = {i.sigla for i in rc.instituicoes if re.fullmatch(r"[^\s-]+-[^\s-]+", i.sigla)}
    emails = {i.email for i in rc.instituicoes if i.email} | {
        p.email for p in rc.pontos_focais if p.email
    }
    return siglas, emails


def _texto_corrido(pdf) -> str:
    """The PDF's text in reading order (cells one after the other), to follow a wrapped word."""
    texto = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return texto.replace("\u2011", "-").replace("\u200b", "")


def _quebras_indevidas(texto: str, siglas: set[str], emails: set[str]) -> list[str]:
    """Siglas and e-mails printed with a line break inside (for e-mails: other than after @ or .)."""
    problemas = []
    for palavra in siglas | emails:
        padrao = r"\n?".join(re.escape(c) for c in palavra)
        for achado in re.finditer(padrao, texto):
            trecho = achado.group(0)
            quebras = [i for i, c in enumerate(trecho) if c == "\n"]
            permitidas = palavra in emails and all(trecho[i - 1] in "@." for i in quebras)
            if quebras and not permitidas:
                problemas.append(trecho.replace("\n", "⏎"))
    return problemas


@precisa_libreoffice
def test_siglas_and_emails_never_break_and_signatures_stay_with_the_closing(caminho_demo, tmp_path):
    _rodar(caminho_demo, "modelos", "configurar", "--chefe-executivo", "João Pereira", "--palacio",
           "Palácio Senador Hélio Campos")  # fmt: skip
    siglas, emails = _siglas_e_emails(caminho_demo)
    assert len(siglas) > 10 and len(emails) > 20
    argumentos = [a for s in SIGLAS_TERMO for a in ("--instituicao", s)]
    _rodar(
        caminho_demo,
        "gerar",
        "termo",
        *argumentos,
        "--saida",
        str(tmp_path),
        "--data",
        "03/12/2026",
        "--pdf",
    )
    _rodar(caminho_demo, "gerar", "fluxo", "--pontos-focais", "--saida", str(tmp_path), "--pdf")
    _rodar(caminho_demo, "gerar", "portaria", "--tipo", "decreto", "--saida", str(tmp_path), "--data", "03/12/2026", "--pdf")  # fmt: skip
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert len(pdfs) == len(SIGLAS_TERMO) + 2
    for pdf in pdfs:
        paginas = _paginas(pdf)
        problemas = _quebras_indevidas(_texto_corrido(pdf), siglas, emails)
        assert not problemas, (pdf.name, problemas)
        for pagina in paginas:
            if pdf.name.startswith("termo") and "Nome: ____" in pagina:
                assert "3 de dezembro de 2026." in pagina, pdf.name  # the closing, same page
            if pdf.name == "decreto.pdf" and "JOÃO PEREIRA" in pagina:
                assert "Palácio Senador Hélio Campos, em Boa Vista" in pagina


def test_properties_say_what_the_document_is_and_when_it_was_made(caminho_demo, tmp_path):
    antes = datetime.now().replace(microsecond=0) - timedelta(seconds=1)
    _rodar(caminho_demo, "gerar", "termo", "--instituicao", "CRAS Caimbé", "--saida", str(tmp_path))
    _rodar(caminho_demo, "gerar", "portaria", "--numero", "12", "--saida", str(tmp_path))
    termo = tmp_path / "termo-adesao-CRAS-Caimbe.docx"  # ASCII file name
    assert termo.is_file()
    for arquivo, titulo in (
        (termo, "TERMO DE ADESÃO"),
        (tmp_path / "portaria.docx", "PORTARIA SEJUC Nº 12"),
    ):
        propriedades = Document(str(arquivo)).core_properties
        assert propriedades.title.startswith(titulo)
        assert "Fluxo Estadual" in propriedades.subject
        assert "Modelo do pacto" not in (propriedades.comments or "")
        criado = propriedades.created.replace(tzinfo=None)
        assert criado >= antes - timedelta(hours=24) and criado.year != 2013
        assert abs((criado - datetime.now()).total_seconds()) < 24 * 3600
