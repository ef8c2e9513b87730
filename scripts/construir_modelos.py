"""Build the default Word templates in `pacto/templates/` (run by hand; the .docx files are committed).

    .venv/bin/python scripts/construir_modelos.py [PASTA]

Every layout decision of the documents lives here and in the .docx it writes: page, fonts,
styles (Normal, Epigrafe, Ementa, Artigo, Paragrafo, Inciso, Clausula…), header, footer with
"Página X de Y", tables and signature blocks. pacto's code only fills the data. Users adapt
the resulting .docx in Word (`pacto modelos exportar`), never this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

PASTA_PADRAO = Path(__file__).resolve().parent.parent / "pacto" / "templates"
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
    return paragrafo


def _sombrear(celula, cor: str = "D9D9D9") -> None:
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


def _nao_quebrar(linha) -> None:
    trpr = linha._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _escrever(celula, linhas: list[str] | str, estilo: str = "Texto tabela") -> None:
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
            _escrever(celula, texto, "Cabecalho tabela")
            _sombrear(celula)
        _repetir_cabecalho(tab.rows[0])
        inicio = 1
    for linha, valores in zip(tab.rows[inicio:], linhas, strict=True):
        if inteiras:
            _nao_quebrar(linha)
        for celula, valor in zip(linha.cells, valores, strict=True):
            _escrever(celula, valor)
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
    _escrever(linha.cells[0], tag)
    return linha


def quebra_de_pagina(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def assinaturas(doc, partes: list[str]) -> None:
    """Signature blocks side by side, without borders: a line, then name and role when known,
    then the institution. Each entry names a party of the context ('aderente', 'coordenacao')."""
    tab = doc.add_table(rows=1, cols=len(partes))
    tab.style = doc.styles["Normal Table"]
    tab.alignment = WD_TABLE_ALIGNMENT.CENTER
    _nao_quebrar(tab.rows[0])
    for celula, parte in zip(tab.rows[0].cells, partes, strict=True):
        primeira = celula.paragraphs[0]
        primeira.style = "Assinatura"
        primeira.text = "_" * 34
        for texto, estilo in (
            (f"{{%p if {parte}.representante.conhecido %}}", "Cargo"),
            (f"{{{{ {parte}.representante.nome }}}}", "Assinatura"),
            (f"{{{{ {parte}.representante.cargo }}}}", "Cargo"),
            ("{%p endif %}", "Cargo"),
            (f"{{{{ {parte}.rotulo }}}}", "Cargo"),
        ):
            celula.add_paragraph(texto, style=estilo)
        for par in celula.paragraphs[1:]:
            par.paragraph_format.space_before = Pt(0)
    larguras_das_colunas(tab, [16 / len(partes)] * len(partes))


# -- act body (Portaria, Decreto, GT) ---------------------------------------------------------


def corpo_do_ato(doc) -> None:
    """Epígrafe, ementa, preâmbulo and the numbered body, filled from `capitulos`."""
    p(doc, "{{ epigrafe }}", "Epigrafe")
    p(doc, "{{ ementa }}", "Ementa")
    p(doc, "{{ preambulo }}", "Preambulo")
    p(doc, "{%p for cap in capitulos %}")
    p(doc, "{%p if cap.titulo %}")
    p(doc, "{{ cap.rotulo }}", "Capitulo")
    p(doc, "{%p endif %}")
    p(doc, "{%p for art in cap.artigos %}")
    rotulado(doc, "{{ art.rotulo }}", "{{ art.caput }}", "Artigo")
    p(doc, "{%p for inc in art.incisos %}")
    p(doc, "{{ inc.rotulo }} {{ inc.texto }}", "Inciso")
    p(doc, "{%p for al in inc.alineas %}")
    p(doc, "{{ al.rotulo }} {{ al.texto }}", "Alinea")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p for par in art.paragrafos %}")
    rotulado(doc, "{{ par.rotulo }}", "{{ par.texto }}", "Paragrafo")
    p(doc, "{%p for inc in par.incisos %}")
    p(doc, "{{ inc.rotulo }} {{ inc.texto }}", "Inciso")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{{ fecho }}", "Fecho")
    p(doc, "{{ signatario.nome|upper }}", "Assinatura")
    p(doc, "{{ signatario.cargo }}", "Cargo")


def diagrama_ou_raias(doc, largura_cm: float = 16) -> None:
    """The flow diagram when Graphviz drew one, else a lane table (one column per stage)."""
    p(doc, "{%p if diagrama %}")
    centro = p(doc, "{{ diagrama }}")
    centro.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p(doc, "{%p else %}")
    tab = tabela(
        doc,
        ["{%tc for raia in raias %}", "{{ raia.nome }}", "{%tc endfor %}"],
        [
            [
                "{%tc for raia in raias %}",
                ["{%p for nome in raia.instituicoes %}", "{{ nome }}", "{%p endfor %}"],
                "{%tc endfor %}",
            ]
        ],
        [largura_cm / 3] * 3,  # docxtpl spreads the width over however many stages there are
        inteiras=False,  # a long lane may continue on the next page
        colunas_em_laco=True,
    )
    for linha in tab.rows:
        for celula in linha.cells:
            for par in celula.paragraphs:
                par.style = "Raia" if linha is tab.rows[1] else "Cabecalho raia"
    p(doc, "{%p endif %}")


def tabela_encaminhamentos(doc, larguras: list[float] = (3.5, 3.5, 6.5, 2.5)) -> None:
    p(doc, "{%p if encaminhamentos %}")
    p(
        doc, "Encaminhamentos entre as instituições:", "Normal"
    ).paragraph_format.keep_with_next = True
    tab = tabela(doc, ["De", "Para", "Quando", "Prazo"], [], list(larguras))
    linha_tag(tab, "{%tr for e in encaminhamentos %}")
    linha = tab.add_row()
    _nao_quebrar(linha)
    for celula, texto in zip(
        linha.cells,
        ["{{ e.origem }}", "{{ e.destino }}", "{{ e.condicao }}", "{{ e.prazo }}"],
        strict=True,
    ):
        _escrever(celula, texto)
    linha_tag(tab, "{%tr endfor %}")
    p(doc, "{%p endif %}")


def tabela_atribuicoes(doc, larguras: list[float]) -> None:
    """Instituição | Etapa | Atribuições | Forma de contato, one row per institution."""
    tab = tabela(doc, ["Instituição", "Etapa", "Atribuições", "Forma de contato"], [], larguras)
    linha_tag(tab, "{%tr for linha in quadro_atribuicoes %}")
    linha = tab.add_row()
    _escrever(linha.cells[0], "{{ linha.instituicao }}")
    _escrever(linha.cells[1], ["{%p for etapa in linha.etapas %}", "{{ etapa }}", "{%p endfor %}"])
    celula = linha.cells[2]
    _escrever(celula, "{%p for a in linha.atribuicoes %}")
    par = celula.add_paragraph(style="Texto tabela")
    par.add_run("{{ a.etapa }}:").bold = True
    par.add_run(" {{ a.texto }}")
    celula.add_paragraph("{%p endfor %}", style="Texto tabela")
    _escrever(linha.cells[3], ["{%p for c in linha.contato %}", "{{ c }}", "{%p endfor %}"])
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)


def anexo(doc, numero: str, titulo: str, quebra: bool = True) -> None:
    """An annex heading; `quebra=False` right after a section break, which already starts a page."""
    cabeca = p(doc, f"ANEXO {numero}", "Anexo")
    if not quebra:
        cabeca.paragraph_format.page_break_before = False
    p(doc, titulo, "Anexo titulo")


def nova_secao(doc, paisagem: bool) -> None:
    """Start a new page in landscape (wide tables and the diagram) or back in portrait."""
    secao = doc.add_section(WD_SECTION.NEW_PAGE)
    secao.orientation = WD_ORIENT.LANDSCAPE if paisagem else WD_ORIENT.PORTRAIT
    largura, altura = (Cm(29.7), Cm(21)) if paisagem else (Cm(21), Cm(29.7))
    secao.page_width, secao.page_height = largura, altura


# -- the documents ---------------------------------------------------------------------


def modelo_termo() -> Document:
    doc = novo_documento("Termo de Adesão")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "PARTÍCIPES", "Clausula")

    def qualificacao(papel: str, chave: str) -> None:
        tab = tabela(doc, [], [[papel, ""]], [4.5, 11.5])
        primeira = tab.rows[0]
        celula = primeira.cells[0].merge(primeira.cells[1])
        for sobra in celula.paragraphs[1:]:
            sobra._p.getparent().remove(sobra._p)
        _sombrear(celula)
        celula.paragraphs[0].style = "Cabecalho tabela"
        for rotulo, campo, opcional in (
            ("Instituição", f"{chave}.rotulo", False),
            ("CNPJ", f"{chave}.cnpj", True),
            ("Endereço", f"{chave}.endereco", True),
            ("Representante", f"{chave}.representante.nome", False),
            ("Cargo", f"{chave}.representante.cargo", False),
            ("Ato de designação", f"{chave}.representante.ato", False),
        ):
            if opcional:
                linha_tag(tab, f"{{%tr if {campo} %}}")
            linha = tab.add_row()
            _nao_quebrar(linha)
            _escrever(linha.cells[0], rotulo, "Cabecalho tabela")
            _escrever(linha.cells[1], f"{{{{ {campo} }}}}")
            if opcional:
                linha_tag(tab, "{%tr endif %}")
        larguras_das_colunas(tab, [4.5, 11.5])
        p(doc, "")

    qualificacao("ADERENTE", "aderente")
    qualificacao("COORDENAÇÃO DO FLUXO", "coordenacao")
    p(
        doc,
        "As instituições acima qualificadas, doravante denominadas ADERENTE e COORDENAÇÃO e, em "
        "conjunto, PARTÍCIPES, tendo em vista o disposto {{ base_legal }}, celebram este TERMO DE "
        "ADESÃO, mediante as cláusulas e condições "
        "seguintes:",
        "Preambulo",
    )

    p(doc, "CLÁUSULA PRIMEIRA – DO OBJETO", "Clausula")
    p(
        doc,
        "Este Termo tem por objeto a adesão da ADERENTE ao {{ fluxo.nome }} {{ territorio.no }}, "
        "coordenado pela COORDENAÇÃO, e a definição das atribuições que a ADERENTE exercerá nas "
        "etapas do Fluxo em que atua, para a proteção e o atendimento às vítimas de tráfico de "
        "pessoas.",
    )

    p(doc, "CLÁUSULA SEGUNDA – DAS ATRIBUIÇÕES DA ADERENTE", "Clausula")
    p(
        doc,
        "Compete à ADERENTE exercer, nas etapas do Fluxo em que atua, as atribuições pactuadas na "
        "rede e descritas no quadro a seguir:",
    ).paragraph_format.keep_with_next = True
    tab = tabela(doc, ["Etapa", "Atribuições da ADERENTE"], [], [3.5, 12.5])
    linha_tag(tab, "{%tr for a in atribuicoes %}")
    linha = tab.add_row()
    _nao_quebrar(linha)
    _escrever(linha.cells[0], "{{ a.etapa }}")
    _escrever(linha.cells[1], "{{ a.texto }}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, [3.5, 12.5])
    p(doc, "")
    rotulado(doc, "Parágrafo único.", "Compete ainda à ADERENTE:", "Paragrafo")
    for texto in (
        "I – manter pontos focais titular e suplente, na forma da Cláusula Quarta;",
        "II – prestar atendimento humanizado, que preserve a intimidade e a identidade da vítima e "
        "evite a sua revitimização;",
        "III – realizar os encaminhamentos previstos no Fluxo e informar à COORDENAÇÃO as "
        "dificuldades encontradas;",
        "IV – enviar mensalmente à COORDENAÇÃO os dados consolidados de sua atuação no Fluxo, na "
        "forma da Cláusula Quinta; e",
        "V – participar das reuniões mensais de alinhamento da rede.",
    ):
        p(doc, texto, "Inciso")

    p(doc, "CLÁUSULA TERCEIRA – DAS ATRIBUIÇÕES DA COORDENAÇÃO", "Clausula")
    p(doc, "Compete à COORDENAÇÃO:")
    for texto in (
        "I – articular as instituições que integram o Fluxo e convocar as reuniões mensais de "
        "alinhamento da rede;",
        "II – manter atualizada a relação de pontos focais e divulgá-la às instituições aderentes;",
        "III – receber e consolidar os dados enviados pelas instituições aderentes;",
        "IV – promover a capacitação dos pontos focais e a divulgação do Fluxo;",
        "V – comunicar à ADERENTE as alterações do Fluxo, inclusive as novas versões que exijam "
        "readesão; e",
        "VI – coordenar o monitoramento e a avaliação periódica do Fluxo.",
    ):
        p(doc, texto, "Inciso")

    p(doc, "CLÁUSULA QUARTA – DOS PONTOS FOCAIS", "Clausula")
    p(doc, "{%p if pontos_focais %}")
    p(doc, "A ADERENTE designa como pontos focais no Fluxo:").paragraph_format.keep_with_next = True
    larguras = [2.2, 4.4, 3.4, 2.8, 3.2]
    tab = tabela(doc, ["Função", "Nome", "Cargo", "Telefone", "E-mail"], [], larguras)
    linha_tag(tab, "{%tr for pf in pontos_focais %}")
    linha = tab.add_row()
    _nao_quebrar(linha)
    for celula, campo in zip(
        linha.cells, ["papel", "nome", "cargo", "telefone", "email"], strict=True
    ):
        _escrever(celula, f"{{{{ pf.{campo} }}}}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    p(doc, "")
    p(doc, "{%p endif %}")
    p(doc, "{%p if pontos_a_indicar %}")
    p(
        doc,
        "A ADERENTE indicará à COORDENAÇÃO, em até 15 (quinze) dias contados da assinatura deste "
        "Termo, {{ pontos_a_indicar }}, com os respectivos contatos institucionais.",
    )
    p(doc, "{%p endif %}")
    rotulado(
        doc,
        "Parágrafo único.",
        "A substituição de ponto focal será comunicada por escrito à COORDENAÇÃO em até 15 "
        "(quinze) dias, e os dados de contato da pessoa substituída serão excluídos dos registros "
        "do Fluxo.",
        "Paragrafo",
    )

    p(doc, "CLÁUSULA QUINTA – DO SIGILO E DA PROTEÇÃO DE DADOS", "Clausula")
    p(
        doc,
        "Os PARTÍCIPES preservarão a intimidade e a identidade das vítimas e adotarão medidas de "
        "prevenção à sua revitimização, nos termos do art. 6º, incisos IV e V, da Lei nº 13.344, "
        "de 2016.",
    )
    rotulado(
        doc,
        "§ 1º",
        "O tratamento de dados pessoais decorrente deste Termo observará a Lei nº 13.709, de 14 "
        "de agosto de 2018 – Lei Geral de Proteção de Dados Pessoais, e limitar-se-á ao mínimo "
        "necessário à proteção e ao atendimento das vítimas.",
        "Paragrafo",
    )
    rotulado(
        doc,
        "§ 2º",
        "Os dados enviados à COORDENAÇÃO serão consolidados e agregados, sem nome, documento, "
        "contato, relato ou outra informação que permita identificar a vítima ou seus "
        "familiares, e transmitidos por canal seguro, com acesso restrito às pessoas designadas.",
        "Paragrafo",
    )
    rotulado(
        doc,
        "§ 3º",
        "O dever de sigilo subsiste após o término da vigência ou a denúncia deste Termo.",
        "Paragrafo",
    )

    p(doc, "CLÁUSULA SEXTA – DOS RECURSOS", "Clausula")
    p(
        doc,
        "Este Termo é celebrado a título gratuito e não envolve transferência de recursos "
        "financeiros entre os PARTÍCIPES. Cada PARTÍCIPE arcará com as despesas necessárias ao "
        "cumprimento de suas atribuições.",
    )
    p(doc, "CLÁUSULA SÉTIMA – DA VIGÊNCIA", "Clausula")
    p(
        doc,
        "Este Termo vigorará pelo prazo de 60 (sessenta) meses, contado da publicação de seu "
        "extrato, e poderá ser prorrogado mediante termo aditivo.",
    )
    p(doc, "CLÁUSULA OITAVA – DAS ALTERAÇÕES", "Clausula")
    p(
        doc,
        "Este Termo poderá ser alterado por acordo entre os PARTÍCIPES, mediante termo aditivo, "
        "vedada a alteração de seu objeto. A atualização das atribuições da ADERENTE decorrente "
        "de nova versão do Fluxo pactuada na rede será formalizada por termo aditivo ou por novo "
        "Termo de Adesão.",
    )
    p(doc, "CLÁUSULA NONA – DA DENÚNCIA", "Clausula")
    p(
        doc,
        "Qualquer dos PARTÍCIPES poderá denunciar este Termo mediante notificação escrita ao "
        "outro com antecedência mínima de 30 (trinta) dias, mantidas as responsabilidades pelas "
        "atividades em andamento até a data do desligamento.",
    )
    p(doc, "CLÁUSULA DÉCIMA – DA PUBLICIDADE", "Clausula")
    p(
        doc,
        "A COORDENAÇÃO providenciará a publicação do extrato deste Termo no {{ diario_oficial }} "
        "e manterá a relação das instituições aderentes disponível para consulta pública.",
    )
    p(doc, "CLÁUSULA DÉCIMA PRIMEIRA – DOS CASOS OMISSOS E DO FORO", "Clausula")
    p(
        doc,
        "Os casos omissos e as dúvidas decorrentes da execução deste Termo serão resolvidos de "
        "comum acordo entre os PARTÍCIPES. Não havendo solução consensual, fica eleito o foro da "
        "Comarca de {{ foro }}, ressalvada a competência da Justiça Federal nas hipóteses do "
        "art. 109 da Constituição Federal.",
    )
    p(
        doc,
        "E, por estarem de acordo, os PARTÍCIPES assinam este Termo, para que produza os seus "
        "efeitos.",
        "Preambulo",
    ).paragraph_format.keep_with_next = True
    p(doc, "{{ local_data }}", "Fecho")
    assinaturas(doc, ["aderente", "coordenacao"])
    return doc


def modelo_ato(titulo: str) -> Document:
    """Portaria or Decreto that institutes the flow, with Annexes I to III."""
    doc = novo_documento(titulo)
    corpo_do_ato(doc)

    nova_secao(doc, paisagem=True)  # Annexes I and II: diagram and wide tables
    anexo(doc, "I", "FLUXOGRAMA E ETAPAS DO {{ fluxo.nome|upper }}", quebra=False)
    diagrama_ou_raias(doc, LARGURA_PAISAGEM)
    p(doc, "")
    p(doc, "{%p for etapa in etapas %}")
    rotulado(
        doc,
        "{{ etapa.numero }}. {{ etapa.nome }} ({{ etapa.sigla }}).",
        "{{ etapa.descricao }}",
        "Normal",
    )
    p(doc, "{%p endfor %}")
    tabela_encaminhamentos(doc, [5.0, 5.0, 10.7, 4.0])

    anexo(doc, "II", "ATRIBUIÇÕES DAS INSTITUIÇÕES QUE INTEGRAM O FLUXO")
    tabela_atribuicoes(doc, [5.0, 3.2, 11.0, 5.5])

    nova_secao(doc, paisagem=False)
    anexo(doc, "III", "MODELO DE TERMO DE ADESÃO", quebra=False)
    p(doc, "{{p anexo_termo }}")  # the paragraph gives way to the whole Termo
    return doc


def modelo_gt() -> Document:
    """Portaria that institutes the working group that drafts the flow (booklet step 5)."""
    doc = novo_documento("Portaria de Grupo de Trabalho")
    corpo_do_ato(doc)
    anexo(doc, "ÚNICO", "COMPOSIÇÃO DO GRUPO DE TRABALHO")
    larguras = [5.6, 5.2, 5.2]
    tab = tabela(doc, ["Instituição", "Titular", "Suplente"], [], larguras)
    linha_tag(tab, "{%tr for m in membros %}")
    linha = tab.add_row()
    _nao_quebrar(linha)
    _escrever(linha.cells[0], "{{ m.instituicao }}")
    _escrever(linha.cells[1], ["{{ m.titular }}", "{{ m.cargo_titular }}"])
    _escrever(linha.cells[2], ["{{ m.suplente }}", "{{ m.cargo_suplente }}"])
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    return doc


def modelo_fluxo() -> Document:
    """The published flow (booklet step 13), for the network and the public."""
    doc = novo_documento("Fluxo de atendimento publicado")
    p(doc, "{{ fluxo.nome|upper }}", "Titulo")
    p(doc, "{{ rede.nome }} · {{ data }}", "Subtitulo")
    p(
        doc,
        "Este documento apresenta o {{ fluxo.nome }} {{ territorio.no }}: o caminho que a vítima "
        "de tráfico de pessoas percorre na rede, da denúncia ao atendimento, quem atua em cada "
        "etapa e como encontrar cada instituição. O Fluxo foi pactuado entre as instituições da "
        "{{ rede.nome }}.",
    )

    p(doc, "O que é tráfico de pessoas", "Heading 1")
    p(
        doc,
        "É crime, previsto no art. 149-A do Código Penal, agenciar, aliciar, recrutar, "
        "transportar, transferir, comprar, alojar ou acolher pessoa, mediante grave ameaça, "
        "violência, coação, fraude ou abuso, com a finalidade de exploração. Este Fluxo atende "
        "as vítimas das seguintes finalidades:",
    )
    p(doc, "{%p for f in finalidades %}")
    p(doc, "{{ f }}", "List Bullet")
    p(doc, "{%p endfor %}")

    p(doc, "Como denunciar", "Heading 1")
    tab = tabela(
        doc,
        [],
        [
            [
                "Disque 100",
                "Disque Direitos Humanos. Ligação gratuita, 24 horas por dia, todos os dias. A denúncia pode ser anônima.",
            ],
            [
                "Ligue 180",
                "Central de Atendimento à Mulher. Ligação gratuita, 24 horas por dia, todos os dias. A denúncia pode ser anônima.",
            ],
            ["190", "Polícia Militar, em situação de emergência ou de flagrante."],
        ],
        [3.0, 13.0],
    )
    for linha in tab.rows:
        linha.cells[0].paragraphs[0].style = "Cabecalho tabela"
        linha.cells[0].paragraphs[0].runs[0].font.size = Pt(14)
    p(doc, "")
    p(doc, "{%p if denuncia %}")
    p(doc, "Também recebem denúncias neste território:").paragraph_format.keep_with_next = True
    tab = tabela(doc, ["Instituição", "Como acionar"], [], [6.0, 10.0])
    linha_tag(tab, "{%tr for d in denuncia %}")
    linha = tab.add_row()
    _nao_quebrar(linha)
    _escrever(linha.cells[0], "{{ d.instituicao }}")
    _escrever(linha.cells[1], ["{%p for c in d.contato %}", "{{ c }}", "{%p endfor %}"])
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, [6.0, 10.0])
    p(doc, "{%p endif %}")

    p(doc, "O fluxo", "Heading 1")
    diagrama_ou_raias(doc)
    tabela_encaminhamentos(doc)

    p(doc, "Etapas e quem atua em cada uma", "Heading 1")
    p(doc, "{%p for etapa in etapas %}")
    p(doc, "{{ etapa.numero }}. {{ etapa.nome }}", "Heading 2")
    p(doc, "{{ etapa.descricao }}")
    p(doc, "{%p if etapa.instituicoes %}")
    larguras = [4.2, 7.6, 4.2]
    tab = tabela(doc, ["Instituição", "O que faz", "Contato"], [], larguras)
    linha_tag(tab, "{%tr for i in etapa.instituicoes %}")
    linha = tab.add_row()
    _escrever(linha.cells[0], "{{ i.nome }}")
    _escrever(linha.cells[1], "{{ i.texto }}")
    _escrever(linha.cells[2], ["{%p for c in i.contato %}", "{{ c }}", "{%p endfor %}"])
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    p(doc, "{%p else %}")
    p(doc, "Nenhuma instituição assumiu atribuições nesta etapa até a data deste documento.")
    p(doc, "{%p endif %}")
    p(doc, "{%p endfor %}")

    p(doc, "{%p if pontos_focais %}")
    p(doc, "Pontos focais", "Heading 1")
    p(
        doc,
        "Contatos institucionais das pessoas designadas por cada instituição para responder pelo "
        "Fluxo. Uso restrito à rede.",
    )
    larguras = [4.0, 2.0, 4.0, 2.8, 3.2]
    tab = tabela(doc, ["Instituição", "Função", "Nome", "Telefone", "E-mail"], [], larguras)
    linha_tag(tab, "{%tr for pf in pontos_focais %}")
    linha = tab.add_row()
    _nao_quebrar(linha)
    for celula, campo in zip(
        linha.cells, ["instituicao", "papel", "nome", "telefone", "email"], strict=True
    ):
        _escrever(celula, f"{{{{ pf.{campo} }}}}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    p(doc, "{%p endif %}")

    p(doc, "Sigilo e proteção de dados", "Heading 1")
    p(
        doc,
        "As instituições do Fluxo preservam a intimidade e a identidade das vítimas e evitam a "
        "sua revitimização (Lei nº 13.344, de 6 de outubro de 2016, art. 6º, incisos IV e V). "
        "Dados pessoais são tratados conforme a Lei nº 13.709, de 14 de agosto de 2018 – Lei "
        "Geral de Proteção de Dados Pessoais, e as informações sobre os atendimentos circulam "
        "apenas de forma agregada.",
    )
    p(doc, "Coordenação do Fluxo: {{ coordenacao }}.")
    return doc


MODELOS = {
    "termo-de-adesao.docx": modelo_termo,
    "portaria.docx": lambda: modelo_ato("Portaria que institui o Fluxo"),
    "decreto.docx": lambda: modelo_ato("Decreto que institui o Fluxo"),
    "portaria-grupo-de-trabalho.docx": modelo_gt,
    "fluxo-publicado.docx": modelo_fluxo,
}


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


def construir(pasta: Path) -> list[Path]:
    """Write every default template into `pasta`."""
    pasta.mkdir(parents=True, exist_ok=True)
    escritos = []
    for nome, fabrica in MODELOS.items():
        destino = pasta / nome
        doc = fabrica()
        enxugar(doc)
        doc.save(destino)
        escritos.append(destino)
    return escritos


if __name__ == "__main__":
    alvo = Path(sys.argv[1]) if len(sys.argv) > 1 else PASTA_PADRAO
    for caminho in construir(alvo):
        print(caminho)
