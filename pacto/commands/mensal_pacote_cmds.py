"""`pacto mensal`: the monthly alignment routine; `preparar` creates the month's meeting and
writes its pauta, lista de presença and blank checklist in one go."""

from __future__ import annotations

import click

from pacto.commands.common import Caminho, opcao_mesmo_assim, opcao_sobrescrever, workspace
from pacto.commands.documentos_cmds import DataBR, relatar


@click.group()
def mensal() -> None:
    """O alinhamento mensal da rede: a reunião do mês e os documentos para ela."""


@mensal.command()
@click.option("--mes", required=True, metavar="AAAA-MM", help="Mês da reunião de alinhamento.")
@click.option(
    "--saida",
    type=Caminho(file_okay=False),
    default=".",
    show_default="pasta atual",
    metavar="PASTA",
    help="Pasta onde gravar os documentos (criada se não existir).",
)
@click.option(
    "--data",
    type=DataBR(),
    metavar="DD/MM/AAAA",
    help="Data da reunião (padrão: o mesmo dia da semana da última reunião de alinhamento, "
    "como “2ª quinta-feira”; sem ela, a 2ª quinta-feira do mês).",
)
@click.option(
    "--hora", default="", metavar="HH:MM", help="Hora de início (padrão: a da última reunião)."
)
@click.option("--local", default=None, metavar="TEXTO", help="Sala e endereço, ou o link.")
@click.option(
    "--modalidade",
    type=click.Choice(["presencial", "virtual", "hibrida"]),
    default=None,
    help="Padrão: a da última reunião.",
)
@click.option("--pdf", is_flag=True, help="Converte também em PDF com o LibreOffice.")
@click.option(
    "--modelos",
    "pasta_modelos",
    type=Caminho(file_okay=False),
    metavar="PASTA",
    help="Pasta de modelos adaptados (padrão: a configurada com “pacto modelos usar”).",
)
@opcao_sobrescrever
@opcao_mesmo_assim()
def preparar(mes, saida, data, hora, local, modalidade, pdf, pasta_modelos, sobrescrever) -> None:
    """Cria a reunião de alinhamento do mês e grava a pauta, a lista de presença e o checklist
    em branco.

    A pauta parte dos itens calculados do checklist do mês e das ações ainda abertas de
    reuniões anteriores. Se a reunião do mês já existir, ela é reaproveitada (e o pacto avisa).
    """
    from pacto.domain.calendario import ler_hora
    from pacto.services.documentos.modelos import pasta_escolhida
    from pacto.services.pacote_mensal import preparar_mes

    ws = workspace()
    pacote = preparar_mes(
        ws,
        mes,
        saida,
        data=data,
        hora=ler_hora(hora),
        local=local,
        modalidade=modalidade,
        pasta_modelos=pasta_escolhida(ws, pasta_modelos),
        sobrescrever=sobrescrever,
    )
    click.get_current_context().meta["pacto.sobrescrever"] = sobrescrever  # for the PDFs
    click.echo(pacote.resumo, err=True)
    relatar(pacote.lote, pdf)
