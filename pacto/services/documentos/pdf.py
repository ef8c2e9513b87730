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
    "Instale-o (no Linux, o pacote libreoffice-writer ou libreoffice-writer-nogui; no Windows "
    "e no macOS, o instalador do LibreOffice) e rode de novo com --pdf. Se ele estiver numa "
    "pasta fora do comum, indique o programa soffice na variável PACTO_SOFFICE."
)
SEGUNDOS_POR_ARQUIVO = 20


def _candidatos(plataforma: str, ambiente: dict) -> list[Path]:
    """Where LibreOffice's installer puts `soffice` on Windows and macOS, which PATH lacks."""
    if plataforma == "win32":
        pastas = {
            ambiente.get("ProgramFiles", r"C:\Program Files"),
            ambiente.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            ambiente.get("ProgramW6432", r"C:\Program Files"),
        }
        return [Path(p) / "LibreOffice" / "program" / "soffice.exe" for p in sorted(pastas)]
    if plataforma == "darwin":
        return [
            Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice",
        ]
    return []


def caminho_soffice(plataforma: str | None = None, ambiente: dict | None = None) -> str | None:
    """Where LibreOffice's `soffice` is (PACTO_SOFFICE, PATH, the usual install folders), or None."""
    import sys

    ambiente = os.environ if ambiente is None else ambiente
    escolhido = ambiente.get("PACTO_SOFFICE")
    if escolhido and Path(escolhido).is_file():
        return escolhido
    achado = shutil.which("soffice") or shutil.which("libreoffice")
    if achado:
        return achado
    for candidato in _candidatos(plataforma or sys.platform, ambiente):
        if candidato.is_file():
            return str(candidato)
    return None


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
