"""PDFs through LibreOffice, checked with poppler (pages and text); skipped when the tools are absent."""

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from pacto.cli import pacto

precisa_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) e poppler-utils (pdfinfo, pdftotext) não estão instalados",
)


def _paginas(pdf) -> int:
    saida = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(
        next(linha.split()[-1] for linha in saida.splitlines() if linha.startswith("Pages:"))
    )


def _texto(pdf) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@precisa_libreoffice
def test_termos_and_portaria_become_pdfs_in_one_batch(caminho_demo, tmp_path):
    runner = CliRunner()
    base = ["--db", str(caminho_demo), "gerar"]
    termo = runner.invoke(
        pacto,
        [
            *base,
            "termo",
            "--instituicao",
            "PF-RR",
            "--instituicao",
            "DPU-RR",
            "--saida",
            str(tmp_path),
            "--pdf",
        ],
        catch_exceptions=False,
    )
    assert termo.exit_code == 0, termo.output
    for sigla in ("PF-RR", "DPU-RR"):
        pdf = tmp_path / f"termo-adesao-{sigla}.pdf"
        assert str(pdf) in termo.output
        assert 3 <= _paginas(pdf) <= 6
    texto = _texto(tmp_path / "termo-adesao-PF-RR.pdf")
    assert "TERMO DE ADESÃO Nº ____/2026 AO FLUXO ESTADUAL" in texto
    assert "CLÁUSULA DÉCIMA PRIMEIRA" in texto
    assert "Página 1 de" in texto and "Minuta – rascunho do fluxo" in texto
    assert texto.count("MINUTA") >= _paginas(tmp_path / "termo-adesao-PF-RR.pdf")  # every page

    portaria = runner.invoke(
        pacto,
        [*base, "portaria", "--numero", "12", "--saida", str(tmp_path), "--pdf"],
        catch_exceptions=False,
    )
    assert portaria.exit_code == 0, portaria.output
    pdf = tmp_path / "portaria.pdf"
    paginas = _paginas(pdf)
    assert paginas >= 10
    texto = _texto(pdf)
    assert (
        "PORTARIA SEJUC Nº 12, DE 26 DE NOVEMBRO DE 2026" in texto
        or "PORTARIA SEJUC Nº 12" in texto
    )
    assert "Art. 10." in texto and "Parágrafo único." in texto
    assert "ANEXO III" in texto
    assert f"Página {paginas} de {paginas}" in texto
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_without_libreoffice_the_docx_is_kept_and_the_user_told(
    caminho_demo, tmp_path, monkeypatch
):
    monkeypatch.setattr("pacto.services.documentos.pdf.caminho_soffice", lambda: None)
    resultado = CliRunner().invoke(
        pacto,
        ["--db", str(caminho_demo), "gerar", "fluxo", "--saida", str(tmp_path), "--pdf"],
        catch_exceptions=False,
    )
    assert resultado.exit_code == 0
    assert (
        "Aviso: O LibreOffice não está instalado, então os PDFs não foram gerados"
        in resultado.output
    )
    assert (tmp_path / "fluxo-publicado.docx").is_file()
    assert not (tmp_path / "fluxo-publicado.pdf").exists()
