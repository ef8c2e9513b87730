"""Helpers shared by the file writers: spreadsheet-safe text, output folders, error reasons."""

from __future__ import annotations

import errno
from pathlib import Path

from pacto.domain.errors import PactoErro, motivo_os
from pacto.domain.text import sem_caracteres_proibidos


def motivo(erro: OSError) -> str:
    """A short Portuguese reason for a failed write, in parentheses, or ''."""
    return f" ({motivo_os(erro)})"


def texto_planilha(valor):
    """A value fit for a spreadsheet cell: text without the control characters Excel refuses.

    Stored text cannot hold them any more (see `validation.problema_de_caracteres`); this
    keeps an export working on a workspace written before that rule.
    """
    return sem_caracteres_proibidos(valor) if isinstance(valor, str) else valor


def textos_como_texto(livro) -> None:
    """Make every cell that would be a formula a plain text cell: pacto writes no formulas.

    openpyxl turns any text starting with “=” into a formula, so an institution named
    “=HYPERLINK(…)” would become a live formula in Excel; as text it shows exactly as typed.
    """
    for folha in livro.worksheets:
        for linha in folha.iter_rows():
            for celula in linha:
                if celula.data_type == "f":
                    celula.data_type = "s"


INICIO_DE_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def texto_csv(valor: str) -> str:
    """A CSV cell that Excel and LibreOffice show as text, never run as a formula.

    A CSV has no cell types: a spreadsheet reads “=HYPERLINK(…)”, “+55…” or “- item” as a
    formula. The usual guard is a leading apostrophe, which both programs take as “this is
    text”; it is added only to cells that start like a formula.
    """
    valor = texto_planilha(valor)
    return f"'{valor}" if valor.startswith(INICIO_DE_FORMULA) else valor


EXTENSOES_DE_ARQUIVO = (".xlsx", ".docx", ".pdf", ".csv", ".json", ".png", ".svg", ".db", ".ics")


def criar_pasta(pasta: Path) -> Path:
    """Create an output folder (and its parents) or say clearly why it cannot be.

    A new folder named like a file (``r.xlsx``) is refused: the user meant a file name.
    """
    pasta = Path(pasta)
    if pasta.suffix.lower() in EXTENSOES_DE_ARQUIVO and not pasta.is_dir():
        raise PactoErro(
            f"--saida espera uma pasta, e “{pasta}” parece o nome de um arquivo; informe a pasta "
            "onde gravar (o nome do arquivo é dado pelo pacto)."
        )
    try:
        pasta.mkdir(parents=True, exist_ok=True)
    except FileExistsError as erro:
        raise PactoErro(f"{pasta} já existe e não é uma pasta.") from erro
    except OSError as erro:
        raise PactoErro(f"Não foi possível criar a pasta {pasta}{motivo(erro)}.") from erro
    return pasta


def salvar_planilha(
    livro, destino: Path, *, ws=None, sobrescrever: bool = False, privado: bool = False
) -> Path:
    """Save an openpyxl workbook through `gravacao.gravar` (see there for the options)."""
    from pacto.services.gravacao import gravar

    textos_como_texto(livro)
    return gravar(
        Path(destino),
        lambda arquivo: salvar_livro(livro, arquivo),
        ws=ws,
        sobrescrever=sobrescrever,
        privado=privado,
    )


def salvar_livro(livro, caminho: Path) -> None:
    """`livro.save(caminho)`, a failed write (disk full, `ulimit -f`) raised as OSError.

    lxml reports it as its own SerialisationError, and openpyxl's half-closed writer repeats it
    as an “Exception ignored” traceback when collected: both are caught here.
    """
    import gc
    import sys

    anterior = sys.unraisablehook

    def ignorar(info) -> None:
        if type(info.exc_value).__name__ != "SerialisationError":
            anterior(info)

    sys.unraisablehook = ignorar
    falha = ""
    try:
        livro.save(caminho)
    except Exception as erro:
        if type(erro).__name__ != "SerialisationError":
            raise
        falha = str(erro)  # raised below, once the writer's frames are gone
    finally:
        gc.collect()
        sys.unraisablehook = anterior
    if falha:
        raise OSError(errno.EFBIG if "EFBIG" in falha else errno.EIO, falha)
