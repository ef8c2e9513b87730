"""The follow-up documents' templates: the self-diagnosis report and the monthly checklist.
Used by `construir_modelos.py`."""

from __future__ import annotations

from docx import Document
from docx_base import novo_documento, p
from modelos_reunioes import quadro, tabela_em_laco


def _lista(doc, titulo: str, chave: str) -> None:
    """A bold label and a bulleted list, only when the list has something."""
    p(doc, f"{{%p if d.{chave} %}}")
    p(doc, titulo, "Clausula")
    p(doc, f"{{%p for texto in d.{chave} %}}")
    p(doc, "{{ texto }}", "List Bullet")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endif %}")


def modelo_autodiagnostico() -> Document:
    """Run data, summary per dimension, answers with notes and evidence, and the changes."""
    doc = novo_documento("Relatório de autodiagnóstico")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "{{ subtitulo }}", "Subtitulo")
    quadro(
        doc,
        [
            ("Realizado em", "{{ rodada.data }}"),
            ("Método", "{{ rodada.metodo }}"),
            ("Participantes", "{{ rodada.participantes }}"),
            ("Respostas", "{{ rodada.respondidas }}"),
        ],
        [4.0, 12.0],
    )
    p(doc, "Resumo por dimensão", "Heading 1")
    tabela_em_laco(
        doc,
        ["Dimensão", "Índice", "Forças", "Parciais", "Limites"],
        "r in resumo",
        ["{{ r.nome }}", "{{ r.indice }}", "{{ r.forcas }}", "{{ r.parciais }}", "{{ r.limites }}"],
        [7.6, 2.1, 2.1, 2.1, 2.1],
    )
    p(
        doc,
        "O índice vai de 0% a 100%: “sim” vale 1, “parcial” vale 0,5 e “não” vale 0; as "
        "perguntas que não se aplicam ficam fora da conta. Forças são as respostas “sim”; "
        "limites, as respostas “não”.",
    )
    p(doc, "{%p for d in dimensoes %}")
    p(doc, "{{ d.numero }}. {{ d.nome }} — {{ d.indice }}", "Heading 1")
    tabela_em_laco(
        doc,
        ["Pergunta", "Resposta", "Observação", "Evidência"],
        "r in d.respostas",
        ["{{ r.pergunta }}", "{{ r.resposta }}", "{{ r.nota }}", "{{ r.evidencia }}"],
        [6.2, 2.2, 3.8, 3.8],
    )
    _lista(doc, "Forças", "forcas")
    _lista(doc, "Pontos parciais", "parciais")
    _lista(doc, "Limites", "limites")
    p(doc, "{%p endfor %}")

    p(doc, "O que mudou desde a rodada anterior", "Heading 1")
    p(doc, "{%p if anterior %}")
    p(doc, "{%p if mudancas %}")
    p(doc, "Respostas que mudaram desde a rodada de {{ anterior }}:")
    tabela_em_laco(
        doc,
        ["Pergunta", "Antes", "Agora", "Tendência"],
        "m in mudancas",
        ["{{ m.pergunta }}", "{{ m.antes }}", "{{ m.depois }}", "{{ m.tendencia }}"],
        [8.4, 2.4, 2.4, 2.8],
    )
    p(doc, "{%p else %}")
    p(doc, "Nenhuma resposta mudou desde a rodada de {{ anterior }}.")
    p(doc, "{%p endif %}")
    p(doc, "{%p else %}")
    p(doc, "Esta é a primeira rodada registrada; a próxima mostrará o que mudou.")
    p(doc, "{%p endif %}")
    return doc


def modelo_checklist() -> Document:
    """Blank columns to fill in the meeting, or the month's answers with what stayed open."""
    doc = novo_documento("Checklist do alinhamento mensal")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "{{ subtitulo }}", "Subtitulo")
    p(doc, "{{ instrucao }}")
    item = [
        "{{ i.texto }}",
        "{%p if i.derivado %}",
        "Calculado a partir dos registros do pacto.",
        "{%p endif %}",
    ]
    p(doc, "{%p if em_branco %}")
    tab = tabela_em_laco(
        doc,
        ["Nº", "Item", "Situação", "Observação", "Responsável"],
        "i in itens",
        [
            "{{ i.numero }}",
            [
                *item,
                "{%p if i.pendente_desde %}",
                "Pendente desde {{ i.pendente_desde }}.",
                "{%p endif %}",
            ],
            "",
            "",
            "",
        ],
        [0.9, 6.5, 2.0, 4.0, 2.6],
        altura_cm=1.2,
    )
    _italico(tab)
    p(doc, "{%p else %}")
    tab = tabela_em_laco(
        doc,
        ["Nº", "Item", "Situação", "Observação", "Responsável", "Pendente desde"],
        "i in itens",
        [
            "{{ i.numero }}",
            item,
            "{{ i.situacao }}",
            "{{ i.nota }}",
            "{{ i.responsavel }}",
            "{{ i.pendente_desde }}",
        ],
        [0.9, 5.4, 2.0, 2.9, 2.7, 2.1],  # the item text takes the room; headers whole
    )
    _italico(tab)
    p(doc, "{%p endif %}")
    return doc


def _italico(tab) -> None:
    """The notes under an item's text (calculated, pending since) in italics."""
    for par in tab.rows[2].cells[1].paragraphs[1:]:
        for run in par.runs:
            run.italic = True
