"""The ata and the lista de presença as PDFs through LibreOffice; skipped without the tools."""

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from pacto.cli import pacto

precisa_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) e poppler-utils (pdfinfo, pdftotext) não estão instalados",
)


def _info(pdf) -> dict[str, str]:
    saida = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return dict(
        (chave.strip(), valor.strip())
        for chave, _, valor in (linha.partition(":") for linha in saida.stdout.splitlines())
    )


def _texto(pdf) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@precisa_libreoffice
def test_ata_and_lista_become_pdfs_that_read_like_the_real_thing(caminho_demo, tmp_path):
    runner = CliRunner()
    base = ["--db", str(caminho_demo), "gerar"]
    ata = runner.invoke(pacto, [*base, "ata", "--reuniao", "1", "--saida", str(tmp_path), "--pdf"])
    assert ata.exit_code == 0, ata.output
    pdf = tmp_path / "ata-2026-10-29-gt-1.pdf"
    assert str(pdf) in ata.output and "2 arquivos gravados." in ata.output
    info = _info(pdf)
    assert 2 <= int(info["Pages"]) <= 5
    texto = " ".join(_texto(pdf).split())
    assert "ATA DA 1ª REUNIÃO ORDINÁRIA DO GRUPO DE TRABALHO" in texto
    assert "Aos vinte e nove dias do mês de outubro de dois mil e vinte e seis" in texto
    assert "5. ENCAMINHAMENTOS" in texto and "Prazo" in texto
    assert (
        "Nada mais havendo a tratar, eu, Rafael Souza Andrade, que secretariei a reunião" in texto
    )
    assert "Página 1 de" in texto

    lista = runner.invoke(
        pacto, [*base, "presenca", "--reuniao", "2", "--saida", str(tmp_path), "--pdf"]
    )
    assert lista.exit_code == 0, lista.output
    pdf = tmp_path / "presenca-2026-12-10-ampliada-1.pdf"
    largura, _, altura = _info(pdf)["Page size"].split()[:3]
    assert float(largura) > float(altura)  # landscape
    texto = " ".join(_texto(pdf).split())
    assert "NOME ÓRGÃO CARGO TELEFONE E-MAIL ASSINATURA" in texto
    assert "não é pedido CPF" in texto
