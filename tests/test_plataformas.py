"""Windows and macOS without a Windows or macOS machine: LibreOffice discovery in the installers'
folders, and the Portuguese reason when Windows refuses to replace a file open in Word."""

from __future__ import annotations

from pathlib import Path

from pacto.domain.errors import motivo_os
from pacto.services.documentos import pdf


def _programa(caminho: Path) -> Path:
    caminho.parent.mkdir(parents=True)
    caminho.write_text("")
    return caminho


def test_soffice_found_in_program_files_on_windows(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda nome: None)
    esperado = _programa(tmp_path / "LibreOffice" / "program" / "soffice.exe")
    ambiente = {"ProgramFiles": str(tmp_path), "ProgramFiles(x86)": str(tmp_path / "x86")}
    assert pdf.caminho_soffice("win32", ambiente) == str(esperado)
    assert pdf.caminho_soffice("win32", {"ProgramFiles": str(tmp_path / "vazio")}) is None


def test_soffice_found_in_applications_on_macos(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda nome: None)
    monkeypatch.setattr(pdf.Path, "home", classmethod(lambda cls: tmp_path))
    esperado = _programa(tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    assert pdf.caminho_soffice("darwin", {}) == str(esperado)


def test_pacto_soffice_overrides_everything(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda nome: "/usr/bin/soffice")
    escolhido = _programa(tmp_path / "lo" / "soffice")
    assert pdf.caminho_soffice("linux", {"PACTO_SOFFICE": str(escolhido)}) == str(escolhido)
    # a setting that points nowhere falls back to PATH
    assert (
        pdf.caminho_soffice("linux", {"PACTO_SOFFICE": str(tmp_path / "nada")})
        == "/usr/bin/soffice"
    )


def test_file_open_in_word_is_explained_in_portuguese():
    erro = PermissionError(13, "The process cannot access the file")
    erro.winerror = 32  # ERROR_SHARING_VIOLATION, as Windows reports a .docx open in Word
    assert "aberto em outro programa" in motivo_os(erro) and "Word" in motivo_os(erro)
    assert motivo_os(PermissionError(13, "denied")) == "sem permissão"
