"""The meeting documents' templates: ata, memória, lista de presença, convocação and the
suggestions matrix. Used by `construir_modelos.py`."""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm
from docx_base import (
    LARGURA_PAISAGEM,
    assinaturas,
    escrever,
    larguras_das_colunas,
    linha_tag,
    nao_quebrar,
    novo_documento,
    p,
    sombrear,
    tabela,
)


def paisagem(doc) -> None:
    """The whole document on A4 landscape pages (wide tables people write in)."""
    secao = doc.sections[0]
    secao.orientation = WD_ORIENT.LANDSCAPE
    secao.page_width, secao.page_height = Cm(29.7), Cm(21)


def quadro(doc, pares: list[tuple[str, str]], larguras: list[float]) -> None:
    """A two-column box of labels and values: 'Data | {{ reuniao.data }}'."""
    tab = tabela(doc, [], [list(par) for par in pares], larguras)
    for linha in tab.rows:
        linha.cells[0].paragraphs[0].style = "Cabecalho tabela"
        sombrear(linha.cells[0])
    p(doc, "")


def tabela_em_laco(
    doc,
    cabecalho: list[str],
    laco: str,
    celulas: list[str | list[str]],
    larguras: list[float],
    altura_cm: float | None = None,
):
    """A table whose body is one row repeated by a `{%tr for … %}` loop."""
    tab = tabela(doc, cabecalho, [], larguras)
    linha_tag(tab, f"{{%tr for {laco} %}}")
    linha = tab.add_row()
    nao_quebrar(linha)
    if altura_cm:
        linha.height = Cm(altura_cm)
        linha.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for celula, conteudo in zip(linha.cells, celulas, strict=True):
        escrever(celula, conteudo)
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    return tab


def _paragrafos_do_item(doc, estilo: str, vazio: str) -> None:
    p(doc, "{%p for par in item.paragrafos %}")
    p(doc, "{{ par }}", estilo)
    p(doc, "{%p else %}")
    p(doc, vazio, estilo)
    p(doc, "{%p endfor %}")


def tabela_acoes(doc, com_situacao: bool = False) -> None:
    if com_situacao:
        tabela_em_laco(
            doc,
            ["Ação", "Instituição", "Prazo", "Situação"],
            "a in acoes",
            ["{{ a.descricao }}", "{{ a.instituicao }}", "{{ a.prazo }}", "{{ a.situacao }}"],
            [7.6, 3.8, 2.2, 2.4],
        )
    else:
        tabela_em_laco(
            doc,
            ["Ação", "Instituição", "Prazo"],
            "a in acoes",
            ["{{ a.descricao }}", "{{ a.instituicao }}", "{{ a.prazo }}"],
            [9.2, 4.4, 2.4],
        )
    p(doc, "")


def modelo_ata() -> Document:
    """The formal ata: numbered parts, closing formula, signatures and the participants' annex."""
    doc = novo_documento("Ata de reunião")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "{{ abertura }}", "Paragrafo")
    p(doc, "{{ quorum }}", "Paragrafo")

    p(doc, "1. APROVAÇÃO DA ATA ANTERIOR", "Clausula")
    p(doc, "{{ ata_anterior }}", "Paragrafo")

    p(doc, "2. PAUTA", "Clausula")
    p(doc, "A reunião teve a seguinte pauta:", "Paragrafo")
    p(doc, "{%p for item in pauta %}")
    p(doc, "{{ item.ordem }}. {{ item.titulo }}", "Inciso")
    p(doc, "{%p endfor %}")

    p(doc, "3. RELATO DOS TRABALHOS", "Clausula")
    p(doc, "{%p for item in pauta %}")
    p(doc, "Item {{ item.ordem }} – {{ item.titulo }}", "Heading 2")
    _paragrafos_do_item(doc, "Paragrafo", "Não houve registro sobre este item.")
    p(doc, "{%p endfor %}")

    p(doc, "4. DELIBERAÇÕES", "Clausula")
    p(doc, "{%p if deliberacoes %}")
    p(doc, "Foram aprovadas as seguintes deliberações:", "Paragrafo")
    p(doc, "{%p for d in deliberacoes %}")
    p(doc, "{{ d.rotulo }} {{ d.texto }}", "Inciso")
    p(doc, "{%p endfor %}")
    p(doc, "{%p else %}")
    p(doc, "Não houve deliberações nesta reunião.", "Paragrafo")
    p(doc, "{%p endif %}")

    p(doc, "5. ENCAMINHAMENTOS", "Clausula")
    p(doc, "{%p if acoes %}")
    p(doc, "Ficaram definidos os seguintes encaminhamentos:", "Paragrafo")
    tabela_acoes(doc)
    p(doc, "{%p else %}")
    p(doc, "Não foram definidos encaminhamentos.", "Paragrafo")
    p(doc, "{%p endif %}")

    p(doc, "6. SUGESTÕES AO FLUXO", "Clausula")
    p(doc, "{%p if sugestoes %}")
    p(
        doc,
        "Foram apresentadas as sugestões abaixo, que constam da matriz de sugestões do fluxo:",
        "Paragrafo",
    )
    tabela_em_laco(
        doc,
        ["Autor", "Sugestão", "Decisão"],
        "s in sugestoes",
        ["{{ s.autor }}", "{{ s.texto }}", "{{ s.decisao }}"],
        [3.6, 9.4, 3.0],
    )
    p(doc, "")
    p(doc, "{%p else %}")
    p(doc, "Não foram apresentadas sugestões ao fluxo nesta reunião.", "Paragrafo")
    p(doc, "{%p endif %}")

    p(doc, "7. PRÓXIMA REUNIÃO", "Clausula")
    p(doc, "{{ proxima }}", "Paragrafo")

    p(doc, "8. ENCERRAMENTO", "Clausula")
    # the closing formula stays on the page of the date and the signatures
    p(doc, "{{ encerramento }}", "Paragrafo").paragraph_format.keep_with_next = True
    p(doc, "{{ local_data }}", "Fecho")
    assinaturas(doc, ["presidente", "secretario"])

    p(doc, "{%p if presentes %}")
    p(doc, "ANEXO", "Anexo")
    p(doc, "PARTICIPANTES REGISTRADOS NA REUNIÃO", "Anexo titulo")
    p(
        doc,
        "Relação dos participantes registrada pelo secretariado. A lista de presença assinada "
        "integra esta ata.",
    )
    tabela_em_laco(
        doc,
        ["Nome", "Órgão", "Cargo"],
        "pr in presentes",
        ["{{ pr.nome }}", "{{ pr.orgao }}", "{{ pr.cargo }}"],
        [6.0, 4.5, 5.5],
    )
    p(doc, "{%p endif %}")
    return doc


def modelo_memoria() -> Document:
    """The lighter memória: participants, agenda, summary per item, decisions and actions."""
    doc = novo_documento("Memória de reunião")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "{{ subtitulo }}", "Subtitulo")
    quadro(
        doc,
        [
            ("Data", "{{ reuniao.data }}"),
            ("Horário", "{{ reuniao.horario }}"),
            ("Local ou link", "{{ reuniao.local }}"),
            ("Modalidade", "{{ reuniao.modalidade }}"),
            ("Coordenação", "{{ reuniao.presidente }}"),
            ("Relatoria", "{{ reuniao.secretario }}"),
        ],
        [4.0, 12.0],
    )
    p(doc, "Participantes", "Heading 1")
    p(doc, "{%p if participantes %}")
    tabela_em_laco(
        doc,
        ["Nome", "Instituição", "Cargo"],
        "pa in participantes",
        ["{{ pa.nome }}", "{{ pa.orgao }}", "{{ pa.cargo }}"],
        [6.0, 4.5, 5.5],
    )
    p(doc, "{%p else %}")
    p(doc, "A presença não foi registrada no pacto.")
    p(doc, "{%p endif %}")

    p(doc, "Pauta", "Heading 1")
    p(doc, "{%p for item in pauta %}")
    p(doc, "{{ item.ordem }}. {{ item.titulo }}", "Inciso")
    p(doc, "{%p endfor %}")

    p(doc, "Resumo por item", "Heading 1")
    p(doc, "{%p for item in pauta %}")
    p(doc, "{{ item.ordem }}. {{ item.titulo }}", "Heading 2")
    _paragrafos_do_item(doc, "Normal", "Sem registro.")
    p(doc, "{%p endfor %}")

    p(doc, "Decisões", "Heading 1")
    p(doc, "{%p for d in deliberacoes %}")
    p(doc, "{{ d }}", "List Bullet")
    p(doc, "{%p else %}")
    p(doc, "Nenhuma decisão registrada.")
    p(doc, "{%p endfor %}")

    p(doc, "Ações", "Heading 1")
    p(doc, "{%p if acoes %}")
    tabela_acoes(doc, com_situacao=True)
    p(doc, "{%p else %}")
    p(doc, "Nenhuma ação registrada.")
    p(doc, "{%p endif %}")

    p(doc, "Próxima reunião", "Heading 1")
    p(doc, "{{ proxima }}")
    return doc


def modelo_presenca() -> Document:
    """The sign-in sheet: landscape, one row per expected institution plus blank rows, no CPF."""
    doc = novo_documento("Lista de presença")
    paisagem(doc)
    p(doc, "{{ titulo }}", "Titulo")
    quadro(
        doc,
        [
            ("Reunião", "{{ reuniao.titulo }} – {{ reuniao.rede }}"),
            ("Data e horário", "{{ reuniao.data }} · {{ reuniao.horario }}"),
            ("Local ou link", "{{ reuniao.local }}"),
            ("Modalidade", "{{ reuniao.modalidade }}"),
        ],
        [4.2, LARGURA_PAISAGEM - 4.2],
    )
    tabela_em_laco(
        doc,
        ["NOME", "ÓRGÃO", "CARGO", "TELEFONE", "E-MAIL", "ASSINATURA"],
        "l in linhas",
        ["", "{{ l.orgao }}", "", "", "", ""],
        [5.3, 5.6, 3.4, 2.8, 3.6, 4.0],
        altura_cm=1.0,
    )
    return doc


def modelo_pauta() -> Document:
    """The convocação: the meeting's data, the agenda with times and the pending action items."""
    doc = novo_documento("Convocação e pauta de reunião")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "{{ subtitulo }}", "Subtitulo")
    p(doc, "{{ convocacao }}", "Paragrafo")
    quadro(
        doc,
        [
            ("Data", "{{ reuniao.data }}"),
            ("Horário", "{{ reuniao.horario }}"),
            ("Local ou link", "{{ reuniao.local }}"),
            ("Modalidade", "{{ reuniao.modalidade }}"),
        ],
        [4.0, 12.0],
    )
    p(doc, "Pauta", "Heading 1")
    tabela_em_laco(
        doc,
        ["Nº", "Horário", "Item", "Tempo"],
        "item in pauta",
        ["{{ item.ordem }}", "{{ item.horario }}", "{{ item.titulo }}", "{{ item.minutos }}"],
        [1.0, 2.8, 10.0, 2.2],
    )
    p(doc, "")
    p(doc, "{%p if pendencias %}")
    p(doc, "Pendências de reuniões anteriores", "Heading 1")
    p(doc, "Ações ainda em aberto, a atualizar na reunião:")
    tabela_em_laco(
        doc,
        ["Ação", "Instituição", "Prazo", "Situação"],
        "a in pendencias",
        ["{{ a.descricao }}", "{{ a.instituicao }}", "{{ a.prazo }}", "{{ a.situacao }}"],
        [7.6, 3.8, 2.2, 2.4],
    )
    p(doc, "")
    p(doc, "{%p endif %}")
    p(
        doc,
        "Pede-se a cada instituição que confirme a presença e indique quem a representará. A "
        "lista de presença registra nome, órgão, cargo e contatos institucionais; não é pedido "
        "CPF nem outro documento pessoal.",
        "Paragrafo",
    ).paragraph_format.keep_with_next = True  # never a signature alone on the last page
    p(doc, "Atenciosamente,", "Paragrafo").paragraph_format.keep_with_next = True
    p(doc, "{{ local_data }}", "Fecho").paragraph_format.keep_with_next = True
    assinaturas(doc, ["coordenacao"])
    return doc


def modelo_sugestoes() -> Document:
    """The suggestions matrix (booklet step 5.4), landscape."""
    doc = novo_documento("Matriz de sugestões")
    paisagem(doc)
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "{{ subtitulo }}", "Subtitulo")
    p(doc, "{{ resumo }}")
    p(doc, "{%p if sugestoes %}")
    tab = tabela_em_laco(
        doc,
        ["Nº", "Sugestão", "Autor", "Decisão", "Justificativa"],
        "s in sugestoes",
        [
            "{{ s.numero }}",
            ["{{ s.texto }}", "{{ s.assunto }} · {{ s.origem }}"],
            "{{ s.autor }}",
            "{{ s.decisao }}",
            "{{ s.justificativa }}",
        ],
        [1.0, 9.4, 3.8, 3.0, 7.5],
    )
    detalhe = tab.rows[2].cells[1].paragraphs[1]
    for run in detalhe.runs:
        run.italic = True
    p(doc, "{%p endif %}")
    return doc
