"""Read generated .docx files back as a user would see them: paragraphs, tables, footer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


@dataclass
class Lido:
    """A document's visible text, split the ways tests need it."""

    paragrafos: list[str]  # every paragraph of the body, tables included, in reading order
    tabelas: list[list[list[str]]]  # top-level tables: rows of cell texts
    rodape: str  # the first section's footer
    cabecalho: str
    imagens: int

    @property
    def texto(self) -> str:
        return "\n".join(self.paragrafos)

    def comeca_com(self, inicio: str) -> list[str]:
        return [p for p in self.paragrafos if p.startswith(inicio)]

    def tabela_com_cabecalho(self, *colunas: str) -> list[list[str]]:
        for tabela in self.tabelas:
            if tabela and tuple(tabela[0][: len(colunas)]) == colunas:
                return tabela
        raise AssertionError(f"nenhuma tabela com o cabeçalho {colunas}")


def visivel(texto: str) -> str:
    """Text as a reader sees it: a non-breaking hyphen is a hyphen, a zero-width space nothing."""
    return texto.replace("\u2011", "-").replace("\u200b", "")


def ler(caminho: Path) -> Lido:
    doc = Document(str(caminho))
    corpo = doc.element.body
    paragrafos = [visivel(Paragraph(p, doc).text) for p in corpo.iter(qn("w:p"))]
    tabelas = []
    for tbl in corpo.iterchildren(qn("w:tbl")):
        tabela = Table(tbl, doc)
        tabelas.append([[visivel(celula.text) for celula in linha.cells] for linha in tabela.rows])
    secao = doc.sections[0]
    return Lido(
        paragrafos=paragrafos,
        tabelas=tabelas,
        rodape=visivel("\n".join(p.text for p in secao.footer.paragraphs)),
        cabecalho=visivel("\n".join(p.text for p in secao.header.paragraphs)),
        imagens=len(doc.inline_shapes),
    )


def sem_marcacoes(lido: Lido) -> None:
    """No template tag survived the rendering."""
    for trecho in ("{{", "}}", "{%", "%}"):
        assert trecho not in lido.texto, trecho
        assert trecho not in lido.rodape and trecho not in lido.cabecalho, trecho
