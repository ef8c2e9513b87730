"""`pacto reuniao editar|presenca-remover|acao-cancelar`: the CLI twins of the meeting edits the
TUI offers (Reuniões › e, the attendance list's x, the pending actions' x)."""

from __future__ import annotations

import click

from pacto.commands.common import para_terminal, workspace
from pacto.commands.reuniao_registro_cmds import avisar_data, reuniao_ou_erro


@click.command("editar")
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option("--data", "data_texto", metavar="DATA", help="AAAA-MM-DD ou DD/MM/AAAA.")
@click.option("--hora", metavar="HH:MM", help="Hora de início (texto vazio apaga).")
@click.option("--duracao", type=int, metavar="MIN", help="Duração prevista, em minutos.")
@click.option("--local", metavar="TEXTO", help="Endereço da sala ou link da reunião virtual.")
@click.option("--modalidade", type=click.Choice(["presencial", "virtual", "hibrida"]))
@click.option("--presidente", metavar="NOME", help="Quem preside.")
@click.option("--secretario", metavar="NOME", help="Quem secretaria e lavra a ata.")
def editar(reuniao_id, data_texto, hora, duracao, local, modalidade, presidente, secretario) -> None:  # fmt: skip
    """Altera data, hora, local, modalidade ou quem preside e secretaria a reunião ID."""
    from pacto.domain.calendario import ler_data, ler_hora

    ws = workspace()
    r = reuniao_ou_erro(ws, reuniao_id)
    mudancas = {
        "data": ler_data(data_texto) if data_texto else None,
        "hora": ler_hora(hora) if hora is not None else None,
        "duracao_min": duracao,
        "local": local,
        "modalidade": modalidade,
        "presidente": presidente,
        "secretario": secretario,
    }
    informados = {c: v for c, v in mudancas.items() if v is not None}
    if hora is not None:
        informados["hora"] = mudancas["hora"]
    if not informados:
        raise click.UsageError("Informe ao menos um campo a alterar (veja --help).")
    for campo, valor in informados.items():
        setattr(r, campo, valor)
    r = ws.salvar_reuniao(r)
    click.echo(f"Reunião {r.id} alterada: {r.titulo}, {r.data:%d/%m/%Y}.")
    if "data" in informados:
        avisar_data(r.data)


@click.command("presenca-remover")
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option("--presenca", "presenca_id", type=int, required=True, metavar="N",
              help="Número da presença (veja “pacto reuniao mostrar ID”).")  # fmt: skip
def presenca_remover(reuniao_id: int, presenca_id: int) -> None:
    """Retira um registro de presença da reunião ID."""
    from pacto.domain.errors import ErroValidacao

    ws = workspace()
    r = reuniao_ou_erro(ws, reuniao_id)
    presenca = next((p for p in ws.presencas(r.id) if p.id == presenca_id), None)
    if presenca is None:
        raise ErroValidacao(f"A reunião {r.id} não tem a presença número {presenca_id}.")
    ws.remover_presenca(presenca.id)
    click.echo(f"Presença de {para_terminal(presenca.nome)} retirada da reunião {r.id}.")


@click.command("acao-cancelar")
@click.argument("acao_id", metavar="ACAO_ID", type=int)
def acao_cancelar(acao_id: int) -> None:
    """Cancela uma ação: ela deixa de ser cobrada (o registro fica)."""
    a = workspace().definir_situacao_acao(acao_id, "cancelada")
    click.echo(f"Ação {a.id} cancelada.")
