"""Atomic writing of generated files, so a crash never leaves a half-written document behind."""

from __future__ import annotations

from pathlib import Path


def temporario_para(destino: Path) -> Path:
    """A hidden sibling path to write into before renaming onto the destination."""
    return destino.with_name(f".{destino.name}.tmp")


def salvar_planilha(livro, destino: Path) -> Path:
    """Save an openpyxl workbook atomically (temporary file renamed into place)."""
    destino = Path(destino)
    temporario = temporario_para(destino)
    try:
        livro.save(temporario)
        temporario.replace(destino)
    finally:
        temporario.unlink(missing_ok=True)
    return destino
