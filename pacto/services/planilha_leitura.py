"""Read an actor spreadsheet (.xlsx or .csv) into a grid of text cells, whatever its quirks.

Copes with what real lists carry: merged cells (the top-left value fills the range), CSV
with ';', ',' or tab, UTF-8 with or without BOM, Latin-1, and files that are not
spreadsheets at all (a clear message, never a traceback).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path

from pacto.domain.errors import ErroImportacao, motivo_os
from pacto.domain.text import (
    chave_comparacao,
    sem_caracteres_proibidos,
    tem_caracteres_proibidos,
)
from pacto.services.arquivos import INICIO_DE_FORMULA
from pacto.services.entrada import (
    LIMITE_AREA_MESCLADA,
    LIMITE_BYTES_PLANILHA,
    Prazo,
    checar_dimensoes,
    verificar_arquivo,
    verificar_zip,
)

EXTENSOES_XLSX = {".xlsx", ".xlsm"}
EXTENSOES_CSV = {".csv", ".txt", ".tsv"}
_DELIMITADORES = (";", ",", "\t")
_AMOSTRA = 30  # rows looked at to find the header and the CSV delimiter
_MESCLA = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
_SALVE_COMO = "Abra-o no Excel ou no LibreOffice e salve como .xlsx ou .csv."


@dataclass
class Grade:
    """A sheet read as text: each row with the number the user sees, plus the merged ranges."""

    arquivo: str
    aba: str = ""
    linhas: list[tuple[int, list[str]]] = field(default_factory=list)
    mescladas: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    avisos: list[str] = field(default_factory=list)

    def amostra(self, n: int = _AMOSTRA) -> list[tuple[int, list[str]]]:
        """The first rows, where the header is looked for."""
        return self.linhas[:n]


Pontuador = Callable[[list[str]], int]


def texto_do_valor(valor) -> str:
    """A cell value as the user reads it: whole numbers without '.0', dates as dd/mm/aaaa."""
    if valor is None:
        return ""
    if isinstance(valor, str):
        return valor.replace("_x000D_", "")  # how Excel stores the \r of a line break
    if isinstance(valor, bool):
        return "Sim" if valor else "Não"
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    if isinstance(valor, datetime):
        formato = "%d/%m/%Y" if valor.time() == time(0) else "%d/%m/%Y %H:%M"
        return valor.strftime(formato)
    if isinstance(valor, date):
        return valor.strftime("%d/%m/%Y")
    if isinstance(valor, time):
        return valor.strftime("%H:%M")
    return str(valor)


# -- dispatch --------------------------------------------------------------------------


def abrir_grades(
    caminho: str | Path, aba: str | None = None, pontuar: Pontuador | None = None
) -> Iterator[Grade]:
    """The sheets of a file as grids, the one to try first first: the chosen or active sheet
    of a workbook, or the single table of a CSV. Raises ErroImportacao for unreadable files."""
    caminho = Path(caminho)
    verificar_arquivo(caminho, LIMITE_BYTES_PLANILHA, "o arquivo da planilha")
    from pacto.store.conexoes import recusar_se_em_uso

    recusar_se_em_uso(caminho, "planilha")  # its close() would drop the workspace's locks
    try:
        with caminho.open("rb") as arquivo:
            inicio = arquivo.read(8)
    except PermissionError as erro:
        raise ErroImportacao(f"Sem permissão para ler {caminho}.") from erro
    except OSError as erro:
        raise ErroImportacao(f"Não foi possível ler {caminho}.") from erro
    if not inicio:
        raise ErroImportacao(f"O arquivo {caminho.name} está vazio.")
    extensao = caminho.suffix.lower()
    if inicio.startswith(b"%PDF"):
        raise ErroImportacao(
            f"{caminho.name} é um PDF, não uma planilha. Importe a planilha original em .xlsx "
            "ou .csv."
        )
    if inicio.startswith(b"\xd0\xcf\x11\xe0") or extensao in {".xls", ".ods"}:
        raise ErroImportacao(
            f"{caminho.name} está num formato que o pacto não lê (Excel 97-2003 ou "
            f"OpenDocument). {_SALVE_COMO}"
        )
    if inicio.startswith(b"PK\x03\x04"):
        return _grades_xlsx(caminho, aba)
    if extensao in EXTENSOES_XLSX:
        raise ErroImportacao(
            f"{caminho.name} não é uma planilha .xlsx válida: o conteúdo não pôde ser lido "
            f"(o arquivo pode estar corrompido ou ter sido renomeado). {_SALVE_COMO}"
        )
    if aba:
        raise ErroImportacao("A opção de aba só vale para planilhas .xlsx; este arquivo é CSV.")
    return _uma(ler_csv(caminho, pontuar))


def _uma(grade: Grade) -> Iterator[Grade]:
    yield grade


# -- xlsx ------------------------------------------------------------------------------


def _grades_xlsx(caminho: Path, aba: str | None) -> Iterator[Grade]:
    from openpyxl import load_workbook

    verificar_zip(caminho, rotulo="uma planilha .xlsx")
    try:
        livro = load_workbook(caminho, read_only=True, data_only=True)
    except Exception as erro:  # openpyxl raises many kinds for a broken file
        raise ErroImportacao(
            f"{caminho.name} não é uma planilha .xlsx válida: o conteúdo não pôde ser lido "
            f"(o arquivo pode estar corrompido ou ter sido renomeado). {_SALVE_COMO}"
        ) from erro
    return _percorrer_abas(caminho, livro, aba)


def _percorrer_abas(caminho: Path, livro, aba: str | None) -> Iterator[Grade]:
    try:
        folhas = [f for f in livro.worksheets if getattr(f, "sheet_state", "visible") == "visible"]
        if aba:
            escolhidas = [
                f for f in livro.worksheets if chave_comparacao(f.title) == chave_comparacao(aba)
            ]
            if not escolhidas:
                nomes = ", ".join(f"“{f.title}”" for f in livro.worksheets)
                raise ErroImportacao(f"A planilha não tem a aba “{aba}”. Abas: {nomes}.")
            folhas = escolhidas
        else:
            ativa = livro.active
            folhas.sort(key=lambda f: f is not ativa)
        for folha in folhas:
            yield _ler_folha(caminho, livro, folha)
    finally:
        livro.close()


def _ler_folha(caminho: Path, livro, folha) -> Grade:
    if hasattr(folha, "reset_dimensions"):
        folha.reset_dimensions()  # some writers store a wrong size; read every cell present
    prazo = Prazo(caminho.name)
    nome = f"A aba “{folha.title}” de {caminho.name}"
    linhas: list[tuple[int, list[str]]] = []
    try:
        for numero, fila in enumerate(folha.iter_rows(min_row=1, values_only=True), 1):
            if numero % 500 == 0:
                prazo.checar()
            celulas = [v if type(v) is str and "_x" not in v else texto_do_valor(v) for v in fila]
            if not any(celulas):
                continue
            usadas = max(i for i, c in enumerate(celulas) if c) + 1
            checar_dimensoes(nome, len(linhas) + 1, usadas)
            linhas.append((numero, celulas))
    except ErroImportacao:
        raise
    except Exception as erro:
        raise ErroImportacao(
            f"A aba “{folha.title}” de {caminho.name} não pôde ser lida (o arquivo pode estar "
            f"corrompido). {_SALVE_COMO}"
        ) from erro
    grade = Grade(caminho.name, folha.title, linhas)
    grade.mescladas = _faixas_mescladas(livro, folha)
    _propagar_mescladas(grade)
    return _sem_controles(grade)


def _sem_controles(grade: Grade) -> Grade:
    """Drop invisible control characters from the cells, with a warning naming the rows.

    They come from text pasted out of PDFs and other programs; no stored field may hold them
    (`validation.problema_de_caracteres`), and in a sheet nobody can see them to fix them.
    """
    alteradas: list[int] = []
    for numero, celulas in grade.linhas:
        if tem_caracteres_proibidos("\n".join(c for c in celulas if c)):
            celulas[:] = [sem_caracteres_proibidos(c) if c else c for c in celulas]
            alteradas.append(numero)
    if alteradas:
        exemplos = ", ".join(str(n) for n in alteradas[:5]) + ("…" if len(alteradas) > 5 else "")
        grade.avisos.append(
            f"Caracteres de controle invisíveis removidos de {len(alteradas)} linha(s) "
            f"(linha {exemplos})."
        )
    return grade


def _faixas_mescladas(livro, folha) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet. Read-only openpyxl skips them, so they are read from the
    sheet's XML (they sit after the cell data); a normal sheet object is used when given."""
    from openpyxl.utils.cell import range_boundaries

    if hasattr(folha, "merged_cells"):
        refs = [str(r) for r in folha.merged_cells.ranges]
    else:
        try:
            xml = livro._archive.read(folha._worksheet_path)
        except (AttributeError, KeyError):
            return []
        refs = [m.decode() for m in _MESCLA.findall(xml, max(0, xml.rfind(b"</sheetData>")))]
    faixas = []
    for ref in refs:
        c1, r1, c2, r2 = range_boundaries(ref)
        faixas.append((r1, c1, r2, c2))
    return faixas


def _propagar_mescladas(grade: Grade) -> None:
    """Fill every cell of a merged range with its top-left value, as the user sees it.

    A range is clamped to the rows and columns where the sheet has cells: a 2 KB file merging
    A2:XFD1048576 would otherwise ask for seventeen billion cells. The clamped area is capped.
    """
    if not grade.mescladas:
        return
    por_numero = {numero: celulas for numero, celulas in grade.linhas}
    ultima_linha = max(por_numero, default=0)
    ultima_coluna = max((len(c) for c in por_numero.values()), default=0)
    faixas = [
        (r1, c1, min(r2, ultima_linha), min(c2, ultima_coluna))
        for r1, c1, r2, c2 in grade.mescladas
        if r1 <= ultima_linha and c1 <= ultima_coluna
    ]
    area = sum((r2 - r1 + 1) * (c2 - c1 + 1) for r1, c1, r2, c2 in faixas)
    if area > LIMITE_AREA_MESCLADA:
        raise ErroImportacao(
            f"A aba “{grade.aba}” de {grade.arquivo} tem células mescladas demais ({area:,} "
            f"células; o máximo é {LIMITE_AREA_MESCLADA:,}). Desfaça as mesclagens e importe "
            "de novo.".replace(",", ".")
        )
    grade.mescladas = faixas  # readers of the grid see only the clamped ranges
    for r1, c1, r2, c2 in faixas:
        origem = por_numero.get(r1)
        valor = origem[c1 - 1] if origem and len(origem) >= c1 else ""
        if not valor:
            continue
        for numero in range(r1, r2 + 1):
            celulas = por_numero.get(numero)
            if celulas is None:
                celulas = por_numero[numero] = []
                grade.linhas.append((numero, celulas))
            if len(celulas) < c2:
                celulas.extend([""] * (c2 - len(celulas)))
            for coluna in range(c1, c2 + 1):
                celulas[coluna - 1] = valor
    grade.linhas.sort(key=lambda par: par[0])


# -- csv -------------------------------------------------------------------------------


def decodificar(dados: bytes) -> tuple[str, str]:
    """Text of a CSV and the encoding used: UTF-8 (with or without BOM), UTF-16, else Latin-1."""
    if dados.startswith(b"\xef\xbb\xbf"):
        return dados[3:].decode("utf-8", errors="replace"), "UTF-8 com BOM"
    if dados.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return dados.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:  # an odd byte count, a cut file: keep what can be read
            return (
                dados.decode("utf-16", errors="replace"),
                "UTF-16 (com bytes inválidos, trocados por “�”)",
            )
    try:
        return dados.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return dados.decode("cp1252"), "Latin-1 (Windows-1252)"
    except UnicodeDecodeError:
        return dados.decode("latin-1"), "Latin-1"


def ler_csv(caminho: Path, pontuar: Pontuador | None = None) -> Grade:
    """Read a CSV, choosing the delimiter under which the header is best recognised."""
    try:
        texto, codificacao = decodificar(caminho.read_bytes())
    except OSError as erro:
        raise ErroImportacao(f"Não foi possível ler {caminho}: {motivo_os(erro)}.") from erro
    if "\x00" in texto or sum(c < " " and c not in "\r\n\t" for c in texto[:4096]) > 8:
        raise ErroImportacao(
            f"{caminho.name} não parece ser um arquivo CSV (tem conteúdo binário). {_SALVE_COMO}"
        )
    delimitador = _escolher_delimitador(texto, pontuar)
    leitor = csv.reader(io.StringIO(texto, newline=""), delimiter=delimitador)
    prazo = Prazo(caminho.name)
    linhas: list[tuple[int, list[str]]] = []
    try:
        for n, celulas in enumerate(leitor, 1):
            if n % 500 == 0:
                prazo.checar()
            if any(c.strip() for c in celulas):
                checar_dimensoes(caminho.name, len(linhas) + 1, len(celulas))
                linhas.append((n, [_sem_apostrofo(c) for c in celulas]))
    except csv.Error as erro:
        raise ErroImportacao(f"{caminho.name}: CSV malformado ({erro}).") from erro
    grade = Grade(caminho.name, "", linhas)
    nome = {";": "ponto e vírgula", ",": "vírgula", "\t": "tabulação"}[delimitador]
    grade.avisos.append(f"CSV lido como {codificacao}, separado por {nome}.")
    return _sem_controles(grade)


def _sem_apostrofo(celula: str) -> str:
    """Undo the apostrophe a spreadsheet (or `pacto atores exportar`) puts before text that
    starts like a formula, so an exported table imports back as it was."""
    if celula.startswith("'") and celula[1:].startswith(INICIO_DE_FORMULA):
        return celula[1:]
    return celula


def _escolher_delimitador(texto: str, pontuar: Pontuador | None) -> str:
    """The delimiter whose header row scores best; ties go to the most frequent one."""
    # only the start is split: splitting a 20 MB file of short lines would take half a gigabyte
    inicio = "\n".join(texto[: 1 << 16].splitlines()[: _AMOSTRA * 2])
    frequencia = {d: inicio.count(d) for d in _DELIMITADORES}
    candidatos = sorted(_DELIMITADORES, key=lambda d: -frequencia[d])
    if pontuar is None:
        return candidatos[0]

    def nota(delimitador: str) -> tuple[int, int]:
        leitor = csv.reader(io.StringIO(texto, newline=""), delimiter=delimitador)
        try:
            amostra = list(islice(leitor, _AMOSTRA))
        except csv.Error:
            return (-1, 0)
        return (max((pontuar(c) for c in amostra), default=0), frequencia[delimitador])

    return max(candidatos, key=nota)
