"""The acts' templates: Portaria and Decreto that institute the flow, and the working group's Portaria."""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx_base import (
    LARGURA_PAISAGEM,
    escrever,
    larguras_das_colunas,
    linha_tag,
    nao_quebrar,
    novo_documento,
    p,
    rotulado,
    tabela,
)

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
    p(doc, "{{ fecho }}", "Fecho").paragraph_format.keep_with_next = True
    p(doc, "{%p for a in assinaturas %}")  # one block per signatory (a Portaria Conjunta: many)
    p(doc, "{{ a.nome }}", "Assinatura").paragraph_format.keep_with_next = True
    p(doc, "{{ a.cargo }}", "Cargo")
    p(doc, "{%p endfor %}")
    p(doc, "{%p for r in referenda %}")  # a Decreto is countersigned by the secretaries
    p(doc, "{{ r.nome }}", "Assinatura").paragraph_format.keep_with_next = True
    p(doc, "{%p if r.cargo %}")
    p(doc, "{{ r.cargo }}", "Cargo")
    p(doc, "{%p endif %}")
    p(doc, "{%p endfor %}")


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


def tabela_encaminhamentos(doc, larguras: list[float] = (2.9, 2.9, 7.4, 2.8)) -> None:
    """De | Para | Quando | Prazo: acronyms are short, the condition takes the room."""
    p(doc, "{%p if encaminhamentos %}")
    p(
        doc, "Encaminhamentos entre as instituições:", "Normal"
    ).paragraph_format.keep_with_next = True
    tab = tabela(doc, ["De", "Para", "Quando", "Prazo"], [], list(larguras))
    linha_tag(tab, "{%tr for e in encaminhamentos %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    for celula, texto in zip(
        linha.cells,
        ["{{ e.origem }}", "{{ e.destino }}", "{{ e.condicao }}", "{{ e.prazo }}"],
        strict=True,
    ):
        escrever(celula, texto)
    linha_tag(tab, "{%tr endfor %}")
    p(doc, "{%p endif %}")


def tabela_atribuicoes(doc, larguras: list[float]) -> None:
    """Instituição | Etapa | Atribuições | Forma de contato, one row per institution."""
    tab = tabela(doc, ["Instituição", "Etapa", "Atribuições", "Forma de contato"], [], larguras)
    linha_tag(tab, "{%tr for linha in quadro_atribuicoes %}")
    linha = tab.add_row()
    nao_quebrar(linha)  # an institution's row never starts on one page and ends on the next
    escrever(linha.cells[0], "{{ linha.instituicao }}")
    escrever(linha.cells[1], ["{%p for etapa in linha.etapas %}", "{{ etapa }}", "{%p endfor %}"])
    celula = linha.cells[2]
    escrever(celula, "{%p for a in linha.atribuicoes %}")
    par = celula.add_paragraph(style="Texto tabela")
    par.add_run("{{ a.etapa }}:").bold = True
    par.add_run(" {{ a.texto }}")
    celula.add_paragraph("{%p endfor %}", style="Texto tabela")
    escrever(linha.cells[3], ["{%p for c in linha.contato %}", "{{ c }}", "{%p endfor %}"])
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
    tabela_encaminhamentos(doc, [3.6, 3.6, 12.5, 5.0])

    anexo(doc, "II", "ATRIBUIÇÕES DAS INSTITUIÇÕES QUE INTEGRAM O FLUXO")
    tabela_atribuicoes(doc, [5.0, 3.0, 10.2, 6.5])  # e-mails and sites need the last column

    nova_secao(doc, paisagem=False)
    anexo(doc, "III", "MODELO DE TERMO DE ADESÃO", quebra=False)
    p(doc, "{{p anexo_termo }}")  # the paragraph gives way to the whole Termo
    return doc


def modelo_gt() -> Document:
    """Portaria that institutes the working group that drafts the flow (booklet step 5)."""
    doc = novo_documento("Portaria de Grupo de Trabalho")
    corpo_do_ato(doc)
    anexo(doc, "ÚNICO", "COMPOSIÇÃO DO GRUPO DE TRABALHO")
    for lista, titulo in (
        ("membros", "PARTE A – ÓRGÃOS QUE INTEGRAM O GRUPO DE TRABALHO"),
        ("convidados", "PARTE B – ÓRGÃOS E ENTIDADES CONVIDADOS A INDICAR REPRESENTANTES"),
    ):
        p(doc, f"{{%p if {lista} %}}")
        p(doc, titulo, "Anexo titulo")
        larguras = [6.4, 4.8, 4.8]
        tab = tabela(doc, ["Instituição", "Titular", "Suplente"], [], larguras)
        linha_tag(tab, f"{{%tr for m in {lista} %}}")
        linha = tab.add_row()
        nao_quebrar(linha)
        escrever(linha.cells[0], "{{ m.instituicao }}")
        escrever(linha.cells[1], ["{{ m.titular }}", "{{ m.cargo_titular }}"])
        escrever(linha.cells[2], ["{{ m.suplente }}", "{{ m.cargo_suplente }}"])
        linha_tag(tab, "{%tr endfor %}")
        larguras_das_colunas(tab, larguras)
        p(doc, "")
        p(doc, "{%p endif %}")
    return doc
