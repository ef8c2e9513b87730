"""Convert generated .docx files to PDF with LibreOffice headless, one call for a whole batch."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pacto.domain.errors import ErroDocumento, motivo_os

SEM_LIBREOFFICE = (
    "O LibreOffice não está instalado, então os PDFs não foram gerados (os .docx foram). "
    "Instale o pacote libreoffice-writer (ou libreoffice-writer-nogui) e rode de novo com --pdf."
)
SEGUNDOS_POR_ARQUIVO = 20


def caminho_soffice() -> str | None:
    """Where LibreOffice's `soffice` is, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def converter(
    arquivos: list[Path], *, ws=None, sobrescrever: bool = False, privado: bool = False
) -> list[Path]:
    """Write `X.pdf` next to every `X.docx` through `gravacao.gravar`, with one LibreOffice run.

    LibreOffice runs with a throw-away profile, so a LibreOffice window the user has open
    neither blocks nor swallows the conversion.
    """
    if not arquivos:
        return []
    programa = caminho_soffice()
    if programa is None:
        raise ErroDocumento(SEM_LIBREOFFICE)
    from pacto.services.gravacao import PREFIXO_TEMPORARIO, gravar, verificar

    verificar([a.with_suffix(".pdf") for a in arquivos], ws, sobrescrever)
    originais, arquivos = arquivos, [a.resolve() for a in arquivos]
    pasta = arquivos[0].parent
    with tempfile.TemporaryDirectory(dir=pasta, prefix=f"{PREFIXO_TEMPORARIO}pdf-") as temporaria:
        perfil = Path(temporaria, "perfil").as_uri()
        destino = Path(temporaria, "pdf")
        comando = [
            programa,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={perfil}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(destino),
            *(str(a) for a in arquivos),
        ]
        try:
            subprocess.run(
                comando,
                capture_output=True,
                timeout=60 + SEGUNDOS_POR_ARQUIVO * len(arquivos),
                check=False,
                env={**os.environ, "HOME": temporaria},
            )
        except subprocess.TimeoutExpired as erro:
            raise ErroDocumento(
                "O LibreOffice demorou demais para converter os documentos em PDF."
            ) from erro
        except OSError as erro:
            raise ErroDocumento(
                f"Não foi possível executar o LibreOffice: {_motivo_execucao(erro)}."
            ) from erro
        gerados, faltaram = [], []
        for original, arquivo in zip(originais, arquivos, strict=True):
            pdf = destino / f"{arquivo.stem}.pdf"
            if pdf.is_file() and pdf.stat().st_size > 0:
                conteudo = pdf.read_bytes()
                gravar(
                    original.with_suffix(".pdf"),
                    conteudo,
                    ws=ws,
                    sobrescrever=sobrescrever,
                    privado=privado or _privado(original),
                )
                gerados.append(original.with_suffix(".pdf"))
            else:
                faltaram.append(arquivo.name)
    if faltaram:
        raise ErroDocumento(
            f"O LibreOffice não converteu em PDF: {', '.join(faltaram)}. Os .docx estão prontos."
        )
    return gerados


def _privado(docx: Path) -> bool:
    """A PDF is as private as the .docx it comes from (0600 when that one is)."""
    try:
        return docx.stat().st_mode & 0o077 == 0
    except OSError:
        return True


def _motivo_execucao(erro: OSError) -> str:
    """Why a program could not be started: not found, or the file system's reason."""
    return "programa não encontrado" if isinstance(erro, FileNotFoundError) else motivo_os(erro)
