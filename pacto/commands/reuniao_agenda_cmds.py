"""`pacto reuniao` commands about the meeting itself: create, list, show, mark as held or
cancelled, and the calendar invitation."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import (
    console,
    esc,
    imprimir_json,
    opcao_mesmo_assim,
    opcao_sobrescrever,
    workspace,
)
from pacto.commands.reuniao_registro_cmds import avisar_data, reuniao_ou_erro

TIPOS = ("gt", "ampliada", "apresentacao_final", "alinhamento", "extraordinaria", "avaliacao")


# -- meetings ----------------------------------------------------------------------


@click.command()
@click.option("--tipo", type=click.Choice(TIPOS), required=True, help="Tipo de reunião.")
@click.option(
    "--data", "data_texto", required=True, metavar="DATA", help="AAAA-MM-DD ou DD/MM/AAAA."
)
@click.option("--hora", default="", metavar="HH:MM", help="Hora de início.")
@click.option(
    "--duracao", default=120, show_default=True, metavar="MIN", help="Duração prevista, em minutos."
)
@click.option(
    "--local", default="", metavar="TEXTO", help="Endereço da sala ou link da reunião virtual."
)
@click.option(
    "--modalidade",
    type=click.Choice(["presencial", "virtual", "hibrida"]),
    default="presencial",
    show_default=True,
)
@click.option("--presidente", default="", metavar="NOME", help="Quem preside.")
@click.option("--secretario", default="", metavar="NOME", help="Quem secretaria e lavra a ata.")
@click.option(
    "--numero",
    type=int,
    default=None,
    metavar="N",
    help="Número dentro do tipo (padrão: o próximo).",
)
@click.option(
    "--pauta",
    "itens",
    multiple=True,
    metavar="ITEM",
    help="Item da pauta, como “Abertura (10 min)”; repita para cada item. Sem ele, usa a pauta típica do tipo.",
)
@opcao_mesmo_assim()
def criar(data_texto, hora, duracao, local, modalidade, presidente, secretario, numero, itens, tipo) -> None:  # fmt: skip
    """Agenda uma reunião (com a pauta típica do tipo, se nenhuma for dada)."""
    from pacto.domain.calendario import ler_data, ler_hora
    from pacto.domain.reunioes import Reuniao, ler_pauta

    ws = workspace()
    r = Reuniao(
        tipo=tipo,
        numero=numero or ws.proximo_numero_reuniao(tipo),
        data=ler_data(data_texto),
        hora=ler_hora(hora),
        duracao_min=duracao,
        local=local,
        modalidade=modalidade,
        presidente=presidente,
        secretario=secretario,
    )
    pauta = ler_pauta("\n".join(itens)) if itens else None
    r = ws.criar_reuniao(r, pauta)
    quando = f"{r.data:%d/%m/%Y}" + (f" às {r.hora:%H:%M}" if r.hora else "")
    click.echo(f"Reunião {r.id} criada: {r.titulo}, {quando}.")
    avisar_data(r.data, ws)


@click.command()
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(como_json: bool) -> None:
    """Lista as reuniões, com presença e ações em aberto."""
    from datetime import date

    from rich.table import Table

    from pacto.domain.calendario import formatar_data, formatar_hora
    from pacto.domain.reunioes import SITUACOES_REUNIAO, ordenar_reunioes
    from pacto.domain.text import plural

    rc = workspace().carregar()
    linhas = []
    for r in ordenar_reunioes(rc.reunioes):
        rcr = rc.reuniao_completa(r.id)
        linhas.append(
            {
                "id": r.id,
                "titulo": r.titulo,
                "tipo": r.tipo,
                "numero": r.numero,
                "data": r.data.isoformat(),
                "hora": formatar_hora(r.hora),
                "modalidade": r.modalidade,
                "situacao": r.situacao,
                "presentes": len(rcr.presencas),
                "acoes_abertas": sum(a.situacao == "aberta" for a in rcr.acoes),
                "acoes_atrasadas": sum(a.atrasada(date.today()) for a in rcr.acoes),
            }
        )
    if como_json:
        imprimir_json({"reunioes": linhas})
        return
    if not linhas:
        click.echo("Nenhuma reunião registrada. Crie uma com “pacto reuniao criar”.")
        return
    tabela = Table(title="Reuniões")
    for coluna in ("ID", "Reunião", "Data e hora", "Situação", "Presença", "Ações abertas"):
        tabela.add_column(coluna, no_wrap=coluna in ("ID", "Data e hora"))
    for linha, r in zip(linhas, ordenar_reunioes(rc.reunioes), strict=True):
        abertas = str(linha["acoes_abertas"])
        if linha["acoes_atrasadas"]:
            abertas += f" ({plural(linha['acoes_atrasadas'], 'atrasada', 'atrasadas')})"
        tabela.add_row(
            str(r.id),
            esc(r.titulo),
            f"{formatar_data(r.data)} {linha['hora']}".strip(),
            SITUACOES_REUNIAO[r.situacao],
            str(linha["presentes"]),
            abertas,
        )
    console().print(tabela)


@click.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def mostrar(reuniao_id: int, como_json: bool) -> None:
    """Mostra uma reunião: pauta com a ata, presença, deliberações, ações e sugestões."""
    from pacto.services.reunioes import contexto_reuniao

    dados = contexto_reuniao(workspace().carregar(), reuniao_id)
    if como_json:
        imprimir_json(dados)
        return
    saida = console()
    r = dados["reuniao"]
    saida.print(
        f"[bold]{esc(r['titulo'])}[/bold] · {r['data']} {r['hora']} · {r['modalidade']} · "
        f"{r['situacao']}"
    )
    if r["local"]:
        saida.print(f"Local: {esc(r['local'])}")
    if r["presidente"] or r["secretario"]:
        saida.print(
            f"Presidência: {esc(r['presidente'] or '—')} · Secretaria: {esc(r['secretario'] or '—')}"
        )
    saida.print("\n[bold]Pauta[/bold]")
    for item in dados["pauta"]:
        saida.print(f" {item['ordem']}. {esc(item['titulo'])} ({item['minutos']} min)")
        if item["ata"]:
            saida.print(f"    {esc(item['ata'])}", style="dim")
    saida.print(f"\n[bold]Presença[/bold] ({len(dados['presentes'])})")
    for p in dados["presentes"]:
        cargo = f", {p['cargo']}" if p["cargo"] else ""
        saida.print(f" ✔ {esc(p['sigla'] or p['orgao'])}: {esc(p['nome'] + cargo)}")
    if dados["deliberacoes"]:
        saida.print("\n[bold]Deliberações[/bold]")
        for d in dados["deliberacoes"]:
            saida.print(f" {d['numero']}. {esc(d['texto'])}")
    if dados["acoes"]:
        saida.print("\n[bold]Ações[/bold]")
        for a in dados["acoes"]:
            marca = "!" if a["atrasada"] else ("✔" if a["situacao"] == "Concluída" else "·")
            situacao = a["situacao"].lower() + (", atrasada" if a["atrasada"] else "")
            saida.print(
                f" {marca} \\[{a['id']}] {esc(a['responsavel'])}: {esc(a['descricao'])} — "
                f"prazo {a['prazo'] or '—'} ({situacao})"
            )
    if dados["sugestoes"]:
        saida.print("\n[bold]Sugestões[/bold]")
        for s in dados["sugestoes"]:
            saida.print(
                f" \\[{s['id']}] {esc(s['autor'])} ({s['assunto']}): {esc(s['texto'])} — "
                f"{s['decisao']}"
            )
    for alerta in dados["alertas_privacidade"]:
        saida.print(f"[yellow]Aviso de privacidade: {esc(alerta)}[/yellow]")


@click.command()
@click.argument("reuniao_id", metavar="ID", type=int)
def realizar(reuniao_id: int) -> None:
    """Marca a reunião como realizada."""
    ws = workspace()
    r = reuniao_ou_erro(ws, reuniao_id)
    ws.definir_situacao_reuniao(r.id, "realizada")
    click.echo(f"{r.titulo} marcada como realizada.")


@click.command()
@click.argument("reuniao_id", metavar="ID", type=int)
def cancelar(reuniao_id: int) -> None:
    """Marca a reunião como cancelada (o registro fica, sem ata)."""
    ws = workspace()
    r = reuniao_ou_erro(ws, reuniao_id)
    ws.definir_situacao_reuniao(r.id, "cancelada")
    click.echo(f"{r.titulo} marcada como cancelada.")


@click.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option(
    "--saida",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="ARQUIVO.ics",
    help="Onde gravar (padrão: reuniao-ID.ics).",
)
@click.option(
    "--serie",
    type=int,
    default=0,
    metavar="N",
    help="Repete a reunião todo mês, N vezes, no mesmo dia da semana (ex.: 2ª quinta-feira).",
)
@opcao_sobrescrever
def convite(reuniao_id: int, saida: Path | None, serie: int, sobrescrever: bool) -> None:
    """Gera o convite da reunião em iCalendar (.ics), para Outlook, Google Agenda e outros."""
    from pacto.services.convite import alertas_do_convite, gravar_convite

    ws = workspace()
    rc = ws.carregar()
    destino = gravar_convite(
        rc,
        reuniao_id,
        saida or Path(f"reuniao-{reuniao_id}.ics"),
        serie,
        ws=ws,
        sobrescrever=sobrescrever,
    )
    click.echo(f"Convite gravado em {destino}.")
    for alerta in alertas_do_convite(rc, reuniao_id, serie):
        click.secho(f"Atenção: {alerta}", fg="yellow", err=True)
