"""Recording the periodic evaluation of the flow (roadmap step 14) and what it asks next."""

from __future__ import annotations

from pacto.domain.avaliacao import GRADE, Avaliacao, periodo_seguinte, validar_avaliacao
from pacto.domain.errors import ErroValidacao
from pacto.domain.text import chave_comparacao


def registrar(
    ws, reuniao_id: int, periodicidade: str, funciona="", melhorar="", descontinuar=""
) -> tuple[Avaliacao, str]:
    """Keep the grid of an evaluation meeting and write each column into the ata of the agenda
    item that asks it (when still empty), so the ata and the memória carry the grid.

    Returns the grid and the period whose targets the network should now set.
    """
    reuniao = ws.reuniao(reuniao_id)
    if reuniao is None:
        raise ErroValidacao(f"Reunião inexistente: {reuniao_id}.")
    avaliacao = validar_avaliacao(
        Avaliacao(reuniao_id, periodicidade, funciona, melhorar, descontinuar)
    )
    if not avaliacao.preenchida:
        raise ErroValidacao(
            "Preencha ao menos uma coluna da grade: o que funciona, o que melhorar ou o que "
            "descontinuar."
        )
    titulos = {chave_comparacao(rotulo): campo for campo, rotulo in GRADE}
    with ws.transacao():
        ws.registrar_avaliacao(avaliacao)
        for item in ws.itens_pauta(reuniao_id):
            campo = titulos.get(chave_comparacao(item.titulo))
            if campo and getattr(avaliacao, campo) and not item.ata.strip():
                ws.salvar_ata_item(item.id, getattr(avaliacao, campo))
    return avaliacao, periodo_seguinte(reuniao.data, avaliacao.periodicidade)
