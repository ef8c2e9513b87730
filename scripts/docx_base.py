"""Building blocks of pacto's Word templates: page, styles, header, footer, tables, signatures.

Used by `construir_modelos.py`; every layout decision shared by the documents lives here.
"""

from __future__ import annotations

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONTE = "Calibri"
LARGURA_RETRATO = 16  # cm: A4 (21 cm) minus 3 cm left and 2 cm right margins
LARGURA_PAISAGEM = 24.7  # cm: A4 landscape (29.7 cm) minus the same margins
CINZA = RGBColor(0x59, 0x59, 0x59)

# -- document skeleton -----------------------------------------------------------------


def _fonte(estilo, tamanho: float | None = None, negrito: bool | None = None) -> None:
    fonte = estilo.font
    fonte.name = FONTE
    rpr = estilo.element.get_or_add_rPr()
    fontes = rpr.find(qn("w:rFonts"))
    if fontes is None:
        fontes = OxmlElement("w:rFonts")
        rpr.insert(0, fontes)
    for atributo in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fontes.set(qn(atributo), FONTE)
    if tamanho:
        fonte.size = Pt(tamanho)
    if negrito is not None:
        fonte.bold = negrito
    fonte.color.rgb = RGBColor(0, 0, 0)


def _idioma(estilo) -> None:
    rpr = estilo.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    for atributo in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(atributo), "pt-BR")
    rpr.append(lang)


def _paragrafo(
    doc,
    nome: str,
    *,
    base: str = "Normal",
    tamanho: float | None = None,
    negrito: bool | None = None,
    alinhamento=None,
    recuo_primeira: float | None = None,
    recuo_esquerda: float | None = None,
    antes: float | None = None,
    depois: float | None = None,
    junto_do_proximo: bool = False,
    quebra_antes: bool = False,
    maiusculas: bool = False,
):
    estilos = doc.styles
    estilo = estilos[nome] if nome in [s.name for s in estilos] else None
    if estilo is None:
        estilo = estilos.add_style(nome, WD_STYLE_TYPE.PARAGRAPH)
    estilo.base_style = estilos[base] if nome != base else None
    estilo.quick_style = True
    _fonte(estilo, tamanho, negrito)
    formato = estilo.paragraph_format
    if alinhamento is not None:
        formato.alignment = alinhamento
    if recuo_primeira is not None:
        formato.first_line_indent = Cm(recuo_primeira)
    if recuo_esquerda is not None:
        formato.left_indent = Cm(recuo_esquerda)
    if antes is not None:
        formato.space_before = Pt(antes)
    if depois is not None:
        formato.space_after = Pt(depois)
    formato.keep_with_next = junto_do_proximo
    formato.page_break_before = quebra_antes
    if maiusculas:
        estilo.font.all_caps = True
    return estilo


def _estilos(doc) -> None:
    normal = doc.styles["Normal"]
    _fonte(normal, 12)
    _idioma(normal)
    formato = normal.paragraph_format
    formato.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    formato.space_before = Pt(0)
    formato.space_after = Pt(6)
    formato.line_spacing = 1.15
    formato.widow_control = True
    centro, esquerda = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    _paragrafo(doc, "Epigrafe", negrito=True, alinhamento=centro, antes=6, depois=18)
    _paragrafo(doc, "Ementa", recuo_esquerda=7.5, depois=18)
    _paragrafo(doc, "Preambulo", recuo_primeira=1.25, depois=12)
    _paragrafo(
        doc, "Capitulo", negrito=True, alinhamento=centro, antes=12, depois=6, junto_do_proximo=True
    )
    _paragrafo(doc, "Artigo", recuo_primeira=1.25)
    _paragrafo(doc, "Paragrafo", recuo_primeira=1.25)
    _paragrafo(doc, "Inciso", recuo_primeira=1.25, depois=3)
    _paragrafo(doc, "Alinea", recuo_primeira=2.0, depois=3)
    _paragrafo(doc, "Fecho", recuo_primeira=1.25, antes=12, depois=24, junto_do_proximo=True)
    _paragrafo(doc, "Assinatura", negrito=True, alinhamento=centro, antes=30, depois=0)
    _paragrafo(doc, "Cargo", alinhamento=centro, depois=0)
    _paragrafo(doc, "Titulo", tamanho=13, negrito=True, alinhamento=centro, depois=12)
    _paragrafo(doc, "Subtitulo", alinhamento=centro, depois=18)
    _paragrafo(doc, "Clausula", negrito=True, alinhamento=esquerda, antes=12, junto_do_proximo=True)
    _paragrafo(
        doc, "Anexo", negrito=True, alinhamento=centro, depois=0, quebra_antes=True
    ).paragraph_format.keep_with_next = True
    _paragrafo(doc, "Anexo titulo", negrito=True, alinhamento=centro, depois=12)
    _paragrafo(doc, "Texto tabela", tamanho=10, alinhamento=esquerda, depois=2)
    doc.styles["Texto tabela"].paragraph_format.line_spacing = 1.0
    _paragrafo(doc, "Cabecalho tabela", base="Texto tabela", negrito=True, tamanho=10)
    _paragrafo(doc, "Raia", base="Texto tabela", tamanho=9, alinhamento=centro)
    _paragrafo(doc, "Cabecalho raia", base="Raia", negrito=True)
    doc.styles["Cabecalho tabela"].paragraph_format.keep_with_next = True
    for nome, tamanho in (("Heading 1", 14), ("Heading 2", 12)):
        _paragrafo(doc, nome, tamanho=tamanho, negrito=True, alinhamento=esquerda, antes=12)
        doc.styles[nome].paragraph_format.keep_with_next = True
        doc.styles[nome].font.italic = False
    header = _paragrafo(doc, "Header", tamanho=10, negrito=True, alinhamento=centro, depois=0)
    header.font.all_caps = True
    # centred, so the footer reads the same on portrait and landscape pages
    footer = _paragrafo(doc, "Footer", tamanho=8, alinhamento=centro, depois=0)
    footer.font.color.rgb = CINZA
    footer.paragraph_format.tab_stops.clear_all()


def _pagina(doc) -> None:
    secao = doc.sections[0]
    secao.page_width, secao.page_height = Cm(21), Cm(29.7)
    secao.top_margin, secao.bottom_margin = Cm(2.5), Cm(2)
    secao.left_margin, secao.right_margin = Cm(3), Cm(2)
    secao.header_distance, secao.footer_distance = Cm(1.2), Cm(1)


def _campo(paragrafo, instrucao: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instr/separate/result/end runs."""
    for tipo, texto in (("begin", None), (None, instrucao), ("separate", None), (None, "1")):
        run = paragrafo.add_run()
        if tipo:
            marca = OxmlElement("w:fldChar")
            marca.set(qn("w:fldCharType"), tipo)
            run._r.append(marca)
        elif texto == instrucao:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instrucao} "
            run._r.append(instr)
        else:
            run.text = texto
    fim = paragrafo.add_run()
    marca = OxmlElement("w:fldChar")
    marca.set(qn("w:fldCharType"), "end")
    fim._r.append(marca)


def _borda_inferior(paragrafo) -> None:
    ppr = paragrafo._p.get_or_add_pPr()
    bordas = OxmlElement("w:pBdr")
    linha = OxmlElement("w:bottom")
    for atributo, valor in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "4"),
        ("w:color", "808080"),
    ):
        linha.set(qn(atributo), valor)
    bordas.append(linha)
    ppr.append(bordas)


def _cabecalho_rodape(doc) -> None:
    secao = doc.sections[0]
    cabecalho = secao.header
    cabecalho.is_linked_to_previous = False
    ps = cabecalho.paragraphs
    ps[0].text = "{%p for linha in cabecalho %}"
    # consecutive paragraphs with the same border form one group: one rule under the last line
    _borda_inferior(cabecalho.add_paragraph("{{ linha }}", style="Header"))
    cabecalho.add_paragraph("{%p endfor %}", style="Header")
    rodape = secao.footer
    rodape.is_linked_to_previous = False
    primeira = rodape.paragraphs[0]
    primeira.style = doc.styles["Footer"]
    _borda_superior(primeira)
    primeira.add_run("{{ rodape.versao }} · Página ")
    _campo(primeira, "PAGE")
    primeira.add_run(" de ")
    _campo(primeira, "NUMPAGES")
    rodape.add_paragraph("{{ rodape.privacidade }}", style="Footer")


def _borda_superior(paragrafo) -> None:
    ppr = paragrafo._p.get_or_add_pPr()
    bordas = OxmlElement("w:pBdr")
    linha = OxmlElement("w:top")
    for atributo, valor in (
        ("w:val", "single"),
        ("w:sz", "4"),
        ("w:space", "4"),
        ("w:color", "808080"),
    ):
        linha.set(qn(atributo), valor)
    bordas.append(linha)
    ppr.append(bordas)


def novo_documento(titulo: str) -> Document:
    """An empty A4 document with pacto's styles, header and footer."""
    doc = Document()
    _pagina(doc)
    _estilos(doc)
    _cabecalho_rodape(doc)
    corpo = doc.element.body
    for p in list(corpo.iterchildren(qn("w:p"))):
        corpo.remove(p)
    propriedades = doc.core_properties
    propriedades.title = titulo
    propriedades.author = "pacto"
    propriedades.comments = "Modelo do pacto: ajuste o layout e mantenha as marcações entre chaves."
    return doc


# -- building blocks -------------------------------------------------------------------


def p(doc, texto: str = "", estilo: str = "Normal"):
    """A paragraph of one run (placeholders must stay inside a single run)."""
    return doc.add_paragraph(texto, style=estilo)


def rotulado(doc, rotulo: str, texto: str, estilo: str):
    """A paragraph with a bold label run followed by the text: 'Art. 1º' + ' caput'."""
    paragrafo = doc.add_paragraph(style=estilo)
    paragrafo.add_run(rotulo).bold = True
    paragrafo.add_run(f" {texto}")
    if texto.rstrip().endswith(":"):  # "Parágrafo único. Compete ainda:" stays with its list
        paragrafo.paragraph_format.keep_with_next = True
    return paragrafo


def sombrear(celula, cor: str = "D9D9D9") -> None:
    tcpr = celula._tc.get_or_add_tcPr()
    sombra = OxmlElement("w:shd")
    sombra.set(qn("w:val"), "clear")
    sombra.set(qn("w:color"), "auto")
    sombra.set(qn("w:fill"), cor)
    tcpr.append(sombra)


def _repetir_cabecalho(linha) -> None:
    trpr = linha._tr.get_or_add_trPr()
    marca = OxmlElement("w:tblHeader")
    marca.set(qn("w:val"), "true")
    trpr.append(marca)


def nao_quebrar(linha) -> None:
    trpr = linha._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def escrever(celula, linhas: list[str] | str, estilo: str = "Texto tabela") -> None:
    if isinstance(linhas, str):
        linhas = [linhas]
    primeira = celula.paragraphs[0]
    primeira.style = estilo
    primeira.text = linhas[0]
    for texto in linhas[1:]:
        celula.add_paragraph(texto, style=estilo)


def tabela(
    doc,
    cabecalho: list[str],
    linhas: list[list],
    larguras_cm: list[float],
    inteiras: bool = True,
    colunas_em_laco: bool = False,
):
    """A table with a shaded, repeating header row and body rows of placeholders."""
    tab = doc.add_table(rows=(1 if cabecalho else 0) + len(linhas), cols=len(larguras_cm))
    tab.style = doc.styles["Table Grid"]
    tab.alignment = WD_TABLE_ALIGNMENT.CENTER
    tab.autofit = False
    inicio = 0
    if cabecalho:
        for celula, texto in zip(tab.rows[0].cells, cabecalho, strict=True):
            escrever(celula, texto, "Cabecalho tabela")
            sombrear(celula)
        _repetir_cabecalho(tab.rows[0])
        inicio = 1
    for linha, valores in zip(tab.rows[inicio:], linhas, strict=True):
        if inteiras:
            nao_quebrar(linha)
        for celula, valor in zip(linha.cells, valores, strict=True):
            escrever(celula, valor)
    larguras_das_colunas(tab, larguras_cm, nas_celulas=not colunas_em_laco)
    return tab


def larguras_das_colunas(tab, larguras_cm: list[float], nas_celulas: bool = True) -> None:
    """Column widths in the table grid (what LibreOffice reads) and in every cell (what Word reads).

    Tables whose columns come from a `{%tc %}` loop keep widths only in the grid, which docxtpl
    rescales to the table's width; fixed cell widths would overflow the page.
    """
    for coluna, largura in zip(tab.columns, larguras_cm, strict=True):
        coluna.width = Cm(largura)
        for celula in coluna.cells:
            if nas_celulas:
                celula.width = Cm(largura)
            else:
                tcpr = celula._tc.get_or_add_tcPr()
                for largura_fixa in tcpr.findall(qn("w:tcW")):
                    tcpr.remove(largura_fixa)


def linha_tag(tab, tag: str):
    """A table row holding only a docxtpl row tag ({%tr ... %})."""
    linha = tab.add_row()
    escrever(linha.cells[0], tag)
    return linha


def quebra_de_pagina(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def assinaturas(doc, partes: list[str]) -> None:
    """Signature blocks side by side, without borders: a line, then name and role when known,
    then the institution. Each entry names a party of the context ('aderente', 'coordenacao')."""
    tab = doc.add_table(rows=1, cols=len(partes))
    tab.style = doc.styles["Normal Table"]
    tab.alignment = WD_TABLE_ALIGNMENT.CENTER
    nao_quebrar(tab.rows[0])
    for celula, parte in zip(tab.rows[0].cells, partes, strict=True):
        primeira = celula.paragraphs[0]
        primeira.style = "Assinatura"
        primeira.text = "_" * 34
        for texto, estilo in (
            (f"{{%p if {parte}.representante.conhecido %}}", "Cargo"),
            (f"{{{{ {parte}.representante.nome }}}}", "Assinatura"),
            (f"{{{{ {parte}.representante.cargo }}}}", "Cargo"),
            ("{%p else %}", "Cargo"),
            ("Nome: " + "_" * 28, "Cargo"),
            (f"Cargo: {{{{ {parte}.representante.cargo }}}}", "Cargo"),
            ("{%p endif %}", "Cargo"),
            (f"{{{{ {parte}.rotulo }}}}", "Cargo"),
        ):
            celula.add_paragraph(texto, style=estilo)
        for par in celula.paragraphs[1:]:
            par.paragraph_format.space_before = Pt(0)
    larguras_das_colunas(tab, [16 / len(partes)] * len(partes))


_PARTES_DISPENSAVEIS = ("stylesWithEffects", "customXml", "thumbnail")


def _estilos_usados(doc) -> set[str]:
    """Ids of the styles the document uses, with the styles they are based on or linked to."""
    partes = [doc.element]
    secao = doc.sections[0]
    partes += [secao.header._element, secao.footer._element]
    usados = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
    for parte in partes:
        for marca in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            usados.update(e.get(qn("w:val")) for e in parte.iter(qn(marca)))
    por_id = {e.get(qn("w:styleId")): e for e in doc.styles.element.iterchildren(qn("w:style"))}
    pendentes = list(usados)
    while pendentes:
        estilo = por_id.get(pendentes.pop())
        if estilo is None:
            continue
        for marca in ("w:basedOn", "w:link", "w:next"):
            ref = estilo.find(qn(marca))
            if ref is not None and ref.get(qn("w:val")) not in usados:
                usados.add(ref.get(qn("w:val")))
                pendentes.append(ref.get(qn("w:val")))
    return usados


def enxugar(doc) -> None:
    """Drop what python-docx's default template carries and a template never needs.

    Unused styles, latent styles, stylesWithEffects, custom XML and the thumbnail are almost
    a megabyte of XML that every generated document would otherwise load and write again.
    """
    usados = _estilos_usados(doc)
    raiz = doc.styles.element
    for estilo in list(raiz.iterchildren(qn("w:style"))):
        if estilo.get(qn("w:styleId")) not in usados:
            raiz.remove(estilo)
    for latentes in list(raiz.iterchildren(qn("w:latentStyles"))):
        raiz.remove(latentes)
    for dono in (doc.part, doc.part.package):
        for rid, rel in list(dono.rels.items()):
            if any(nome in rel.reltype for nome in _PARTES_DISPENSAVEIS):
                del dono.rels[rid]
