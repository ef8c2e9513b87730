"""`pacto gerar ata | presenca | pauta | sugestoes | autodiagnostico | checklist`: the documents of
meetings and of the follow-up, from the same templates and renderer as the Termo and the acts."""

from __future__ import annotations

import click

from pacto.commands.common import workspace
from pacto.commands.documentos_cmds import opcoes_basicas, relatar, sobrescrever_pedido

_REUNIAO = click.option(
    "--reuniao",
    "reuniao_id",
    type=int,
    required=True,
    metavar="ID",
    help="Número (ID) da reunião, como em “pacto reuniao listar”.",
)
_MESMO_ASSIM = click.option(
    "--mesmo-assim",
    is_flag=True,
    help="Gera mesmo que o texto pareça conter dado pessoal de vítima.",
)


def _preparar(pasta_modelos):
    """The open workspace, its document sources and the templates folder in force."""
    from pacto.services.documentos.contexto import fontes
    from pacto.services.documentos.modelos import pasta_escolhida

    ws = workspace()
    f = fontes(ws, sobrescrever=sobrescrever_pedido())
    return ws, f, pasta_escolhida(ws, pasta_modelos)


@click.command()
@_REUNIAO
@click.option(
    "--memoria", is_flag=True, help="Gera a Memória de reunião, mais leve, em vez da ata formal."
)
@_MESMO_ASSIM
@opcoes_basicas
def ata(reuniao_id, memoria, mesmo_assim, saida, pdf, pasta_modelos) -> None:
    """Gera a ata formal de uma reunião (ou a Memória de reunião, com --memoria).

    A ata traz a abertura por extenso, presidência e secretariado, o quórum pela lista de
    presença, a pauta, o relato por item, as deliberações, os encaminhamentos, a próxima
    reunião, o encerramento e as assinaturas. Recusa-se a gravar se o texto parecer conter
    dado pessoal de vítima, salvo com --mesmo-assim.
    """
    from pacto.services.documentos import gerar

    _, f, pasta = _preparar(pasta_modelos)
    lote = gerar.ata(
        f, saida, reuniao_id, memoria=memoria, mesmo_assim=mesmo_assim, pasta_modelos=pasta
    )
    relatar(lote, pdf)


@click.command()
@_REUNIAO
@opcoes_basicas
def presenca(reuniao_id, saida, pdf, pasta_modelos) -> None:
    """Gera a lista de presença da reunião, já com as instituições esperadas (sem CPF)."""
    from pacto.services.documentos import gerar

    ws, f, pasta = _preparar(pasta_modelos)
    lote = gerar.presenca(f, saida, reuniao_id, membros_gt=ws.membros_gt(), pasta_modelos=pasta)
    relatar(lote, pdf)


@click.command()
@_REUNIAO
@opcoes_basicas
def pauta(reuniao_id, saida, pdf, pasta_modelos) -> None:
    """Gera a convocação da reunião com a pauta, data, horário, local ou link e modalidade."""
    from pacto.services.documentos import gerar

    _, f, pasta = _preparar(pasta_modelos)
    relatar(gerar.pauta(f, saida, reuniao_id, pasta_modelos=pasta), pdf)


@click.command()
@click.option(
    "--reuniao",
    "reuniao_id",
    type=int,
    default=None,
    metavar="ID",
    help="Só as sugestões feitas nesta reunião (padrão: todas).",
)
@_MESMO_ASSIM
@opcoes_basicas
def sugestoes(reuniao_id, mesmo_assim, saida, pdf, pasta_modelos) -> None:
    """Gera a matriz de sugestões ao fluxo: sugestão, autor, decisão e justificativa."""
    from pacto.services.documentos import gerar

    _, f, pasta = _preparar(pasta_modelos)
    lote = gerar.sugestoes(f, saida, reuniao_id, mesmo_assim=mesmo_assim, pasta_modelos=pasta)
    relatar(lote, pdf)


@click.command()
@click.option(
    "--rodada",
    "rodada_id",
    type=int,
    default=None,
    metavar="N",
    help="Número da rodada (padrão: a mais recente).",
)
@opcoes_basicas
def autodiagnostico(rodada_id, saida, pdf, pasta_modelos) -> None:
    """Gera o relatório do autodiagnóstico: respostas, forças e limites, e o que mudou."""
    from pacto.services.documentos import gerar

    ws, f, pasta = _preparar(pasta_modelos)
    lote = gerar.autodiagnostico(
        f, saida, ws.rodadas_autodiagnostico(), rodada_id, pasta_modelos=pasta
    )
    relatar(lote, pdf)


@click.command()
@click.option("--mes", required=True, metavar="AAAA-MM", help="Mês do checklist.")
@click.option(
    "--em-branco",
    is_flag=True,
    help="Para a reunião: itens com situação, observação e responsável em branco.",
)
@opcoes_basicas
def checklist(mes, em_branco, saida, pdf, pasta_modelos) -> None:
    """Gera o checklist do alinhamento mensal: em branco, para a reunião, ou preenchido."""
    from pacto.services.documentos import gerar
    from pacto.services.mensal import checklist_do_mes

    ws, f, pasta = _preparar(pasta_modelos)
    linhas = checklist_do_mes(ws, mes)
    lote = gerar.checklist(f, saida, mes, linhas, em_branco=em_branco, pasta_modelos=pasta)
    relatar(lote, pdf)
