"""Limits on the files pacto reads from outside (spreadsheets, forms, templates, bundles), so a
small hostile file cannot exhaust the machine: regular files only, bounded sizes on disk and
unpacked, no XML entity declarations, bounded rows, columns, merged areas and reading time.

Every limit has its number in the README (section “Limites das importações”).
"""

from __future__ import annotations

import os
import re
import stat
import time
import zipfile
from pathlib import Path

from pacto.domain.errors import ErroImportacao, motivo_os

MB = 1024 * 1024
LIMITE_BYTES_PLANILHA = 20 * MB  # .xlsx or .csv on disk
LIMITE_BYTES_PACOTE = 20 * MB  # JSON bundle (a large network's is under 2 MB)
LIMITE_BYTES_MODELO = 20 * MB  # .docx template
LIMITE_BYTES_ANEXO = 200 * MB  # a signed scan whose SHA-256 is recorded
LIMITE_DESCOMPACTADO = 50 * MB  # everything inside an .xlsx or .docx, unpacked
LIMITE_DESCOMPACTADO_FORMULARIO = 5 * MB  # a ficha or NETP form (pacto writes ~50 KB)
LIMITE_TEXTOS_COMPARTILHADOS = 10 * MB  # xl/sharedStrings.xml, unpacked
LIMITE_PARTES_ZIP = 2_000  # files inside an .xlsx or .docx
LIMITE_LINHAS = 20_000  # rows of a sheet that hold something
LIMITE_LINHAS_XML = 100_000  # rows of a sheet, empty formatted ones included
LIMITE_COLUNAS = 200  # columns of a sheet
LIMITE_AREA_MESCLADA = 1_000_000  # cells covered by merged ranges, clamped to the cells present
LIMITE_AREA_MESCLADA_FORMULARIO = 100_000  # merged cells of a ficha or NETP form, as declared
LIMITE_SEGUNDOS = 20  # reading one file

_DECLARACAO_XML = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_MESCLA = re.compile(
    rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"'
)


def _mb(limite: int) -> str:
    return f"{limite // MB} MB"


def verificar_arquivo(caminho: Path, limite: int, rotulo: str = "o arquivo") -> int:
    """The size of a regular file no bigger than `limite`, or a Portuguese ErroImportacao: a
    missing path, a folder, a device, a pipe or a socket (`/dev/zero` would never end) are
    refused before a byte is read."""
    try:
        info = os.stat(caminho)
    except FileNotFoundError as erro:
        raise ErroImportacao(f"Arquivo não encontrado: {caminho}") from erro
    except OSError as erro:
        raise ErroImportacao(f"Não foi possível ler {caminho}: {motivo_os(erro)}.") from erro
    if stat.S_ISDIR(info.st_mode):
        raise ErroImportacao(f"{caminho} é uma pasta; informe {rotulo}.")
    if not stat.S_ISREG(info.st_mode):
        raise ErroImportacao(
            f"{caminho} não é um arquivo comum (é um dispositivo, uma fila ou um soquete); "
            f"informe {rotulo}."
        )
    if info.st_size > limite:
        raise ErroImportacao(
            f"{caminho.name} tem {info.st_size / MB:.1f} MB; o pacto lê até {_mb(limite)} "
            f"para {rotulo}. Confira se é o arquivo certo."
        )
    return info.st_size


def verificar_zip(
    caminho: Path, limite_descompactado: int = LIMITE_DESCOMPACTADO, rotulo: str = "a planilha"
) -> None:
    """Refuse an .xlsx or .docx that unpacks to too much (a zip bomb, a sharedStrings bomb), has
    too many parts or whose XML declares a DOCTYPE or entities (billion laughs): Office never
    writes them. Only the declared sizes and a streamed scan are used, never the whole XML."""
    try:
        with zipfile.ZipFile(caminho) as pacote:
            partes = pacote.infolist()
            if len(partes) > LIMITE_PARTES_ZIP:
                raise ErroImportacao(
                    f"{caminho.name} tem {len(partes)} arquivos internos (o máximo é "
                    f"{LIMITE_PARTES_ZIP}); não parece {rotulo} de verdade."
                )
            total = sum(p.file_size for p in partes)
            if total > limite_descompactado:
                raise ErroImportacao(
                    f"{caminho.name} ocupa {total / MB:.0f} MB descompactado; o pacto lê até "
                    f"{_mb(limite_descompactado)} para {rotulo}. Confira se é o arquivo certo."
                )
            for parte in partes:
                if parte.filename.endswith("sharedStrings.xml") and (
                    parte.file_size > LIMITE_TEXTOS_COMPARTILHADOS
                ):
                    raise ErroImportacao(
                        f"{caminho.name}: os textos da planilha ocupam "
                        f"{parte.file_size / MB:.0f} MB descompactados; o pacto lê até "
                        f"{_mb(LIMITE_TEXTOS_COMPARTILHADOS)}."
                    )
                if parte.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _sem_declaracoes(pacote, parte, caminho)
    except zipfile.BadZipFile as erro:
        raise ErroImportacao(
            f"{caminho.name} não pôde ser aberto como {rotulo} (o arquivo pode estar "
            "corrompido ou ter sido renomeado)."
        ) from erro
    except (OSError, RuntimeError, NotImplementedError) as erro:
        raise ErroImportacao(
            f"{caminho.name} não pôde ser lido ({erro.__class__.__name__})."
        ) from erro


def _sem_declaracoes(pacote: zipfile.ZipFile, parte: zipfile.ZipInfo, caminho: Path) -> None:
    """Scan one XML part, streamed, for a DOCTYPE or ENTITY declaration, and count the rows of
    a sheet (openpyxl parses a sheet without a size twice; a million empty formatted rows would
    take a minute before the first row is read)."""
    anterior = b""
    linhas = 0
    folha = parte.filename.startswith("xl/worksheets/")
    with pacote.open(parte) as arquivo:
        while bloco := arquivo.read(1 << 20):
            trecho = anterior + bloco
            if _DECLARACAO_XML.search(trecho):
                raise ErroImportacao(
                    f"{caminho.name} tem declarações de entidades XML (em {parte.filename}), "
                    "que o Word e o Excel não gravam e que servem para travar quem lê o "
                    "arquivo. Nada foi importado; salve o arquivo de novo no Excel ou no Word."
                )
            if folha:
                linhas += trecho.count(b"row ") - anterior.count(b"row ")
                if linhas > LIMITE_LINHAS_XML:
                    raise ErroImportacao(
                        f"{caminho.name} tem mais de {LIMITE_LINHAS_XML:,} linhas numa aba "
                        "(contando as vazias formatadas); o pacto lê até "
                        f"{LIMITE_LINHAS_XML:,}. Apague as linhas sobrando e importe de "
                        "novo.".replace(",", ".")
                    )
            anterior = bloco[-16:]


def area_mesclada_declarada(caminho: Path) -> int:
    """The cells the merged ranges of every sheet cover, as declared (ficha and NETP forms are
    loaded whole, and openpyxl builds one object per merged cell)."""
    area = 0
    with zipfile.ZipFile(caminho) as pacote:
        for parte in pacote.infolist():
            if not parte.filename.startswith("xl/worksheets/") or not parte.filename.endswith(
                ".xml"
            ):
                continue
            for c1, r1, c2, r2 in _MESCLA.findall(pacote.read(parte)):
                linhas = abs(int(r2) - int(r1)) + 1
                colunas = abs(_coluna(c2) - _coluna(c1)) + 1
                area += linhas * colunas
    return area


def _coluna(letras: bytes) -> int:
    numero = 0
    for letra in letras:
        numero = numero * 26 + (letra - 64)
    return numero


def verificar_formulario(caminho: Path, rotulo: str) -> None:
    """Every check for a ficha or NETP form before openpyxl loads it whole."""
    verificar_arquivo(caminho, LIMITE_BYTES_PLANILHA, rotulo)
    if not zipfile.is_zipfile(caminho):
        return  # not an .xlsx at all: openpyxl refuses it with the caller's own message
    verificar_zip(caminho, LIMITE_DESCOMPACTADO_FORMULARIO, rotulo)
    area = area_mesclada_declarada(caminho)
    if area > LIMITE_AREA_MESCLADA_FORMULARIO:
        raise ErroImportacao(
            f"{caminho.name} tem células mescladas demais ({area:,} células; o máximo é "
            f"{LIMITE_AREA_MESCLADA_FORMULARIO:,}). Não parece {rotulo} gerada pelo pacto; "
            "desfaça a mesclagem ou gere a planilha de novo.".replace(",", ".")
        )


class Prazo:
    """A deadline for reading one file; `checar` raises a Portuguese error once it has passed."""

    def __init__(self, nome: str, segundos: float | None = None):
        self.nome = nome
        self.segundos = LIMITE_SEGUNDOS if segundos is None else segundos
        self.fim = time.monotonic() + self.segundos

    def checar(self) -> None:
        if time.monotonic() > self.fim:
            raise ErroImportacao(
                f"A leitura de {self.nome} passou de {self.segundos:g} segundos e foi "
                "interrompida; nada foi importado. O arquivo é grande ou complexo demais."
            )


def checar_dimensoes(nome: str, linhas: int, colunas: int) -> None:
    """Refuse a sheet with more rows or columns than any actor list or form has."""
    if linhas > LIMITE_LINHAS:
        raise ErroImportacao(
            f"{nome} tem mais de {LIMITE_LINHAS:,} linhas preenchidas; o pacto lê até "
            f"{LIMITE_LINHAS:,}. Divida a planilha ou apague as linhas vazias formatadas.".replace(
                ",", "."
            )
        )
    if colunas > LIMITE_COLUNAS:
        raise ErroImportacao(
            f"{nome} tem {colunas:,} colunas; o pacto lê até {LIMITE_COLUNAS}. Apague as "
            "colunas sobrando e importe de novo.".replace(",", ".")
        )
