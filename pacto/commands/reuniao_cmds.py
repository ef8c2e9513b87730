"""`pacto reuniao`: create and list meetings, record attendance, minutes, decisions, action items
and suggestions, and send calendar invitations — everything meeting mode does, scriptable."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import console, imprimir_json, workspace

TIPOS = ("gt", "ampliada", "apresentacao_final", "alinhamento", "extraordinaria")
DECISOES = {
    "acolhida": "acolhida",
    "parcial": "acolhida_parcialmente",
    "acolhida_parcialmente": "acolhida_parcialmente",
    "nao": "nao_acolhida",
    "nao_acolhida": "nao_acolhida",
}
_MESMO_ASSIM = click.option(
    "--mesmo-assim",
    is_flag=True,
    help="Grava mesmo que o texto pareça conter dado pessoal de vítima.",
)


@click.group()
def reuniao() -> None:
    """Reuniões da pactuação: pauta, presença, ata, deliberações, ações e sugestões."""


# -- helpers ---------------------------------------------------------------------


def _reuniao(ws, reuniao_id: int):
    from pacto.domain.errors import ErroValidacao

    r = ws.reuniao(reuniao_id)
    if r is None:
        raise ErroValidacao(
            f"Reunião inexistente: {reuniao_id}. Veja as reuniões com “pacto reuniao listar”."
        )
    return r


def _instituicao(ws, sigla: str):
    from pacto.domain.errors import ErroValidacao

    inst = ws.instituicao_por_sigla(sigla)
    if inst is None:
        raise ErroValidacao(
            f"Instituição não encontrada: “{sigla}”. Use a sigla como cadastrada na rede."
        )
    return inst


def _etapa(ws, texto: str):
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.text import chave_comparacao

    chave = chave_comparacao(texto)
    for etapa in ws.etapas():
        if chave in {
            chave_comparacao(etapa.chave),
            chave_comparacao(etapa.nome),
            chave_comparacao(etapa.sigla),
        }:
            return etapa
    nomes = ", ".join(e.nome for e in ws.etapas())
    raise ErroValidacao(f"Etapa não encontrada: “{texto}”. Use uma destas: {nomes}.")


def _checar_privacidade(texto: str, mesmo_assim: bool) -> None:
    """Refuse text that looks like a victim's personal data, unless the user insists."""
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.privacidade import AVISO_PRIVACIDADE, descrever_alertas, verificar_privacidade

    alertas = verificar_privacidade(texto)
    if not alertas:
        return
    if not mesmo_assim:
        raise ErroValidacao(
            "O texto parece conter dado pessoal de vítima:\n"
            f"{descrever_alertas(alertas)}\n{AVISO_PRIVACIDADE}\n"
            "Nada foi gravado. Revise o texto ou repita com --mesmo-assim."
        )
    click.secho(
        "Aviso de privacidade: o texto foi gravado, mas parece conter dado pessoal de vítima:\n"
        + descrever_alertas(alertas),
        fg="yellow",
        err=True,
    )


def _avisar_data(data) -> None:
    from pacto.domain.calendario import alerta_de_data

    alerta = alerta_de_data(data)
    if alerta:
        click.secho(f"Atenção: {alerta}", fg="yellow", err=True)


# -- meetings ----------------------------------------------------------------------


@reuniao.command()
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
    _avisar_data(r.data)


@reuniao.command()
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
            r.titulo,
            f"{formatar_data(r.data)} {linha['hora']}".strip(),
            SITUACOES_REUNIAO[r.situacao],
            str(linha["presentes"]),
            abertas,
        )
    console().print(tabela)


@reuniao.command()
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
        f"[bold]{r['titulo']}[/bold] · {r['data']} {r['hora']} · {r['modalidade']} · {r['situacao']}"
    )
    if r["local"]:
        saida.print(f"Local: {r['local']}")
    if r["presidente"] or r["secretario"]:
        saida.print(f"Presidência: {r['presidente'] or '—'} · Secretaria: {r['secretario'] or '—'}")
    saida.print("\n[bold]Pauta[/bold]")
    for item in dados["pauta"]:
        saida.print(f" {item['ordem']}. {item['titulo']} ({item['minutos']} min)")
        if item["ata"]:
            saida.print(f"    {item['ata']}", style="dim")
    saida.print(f"\n[bold]Presença[/bold] ({len(dados['presentes'])})")
    for p in dados["presentes"]:
        saida.print(
            f" ✔ {p['sigla'] or p['orgao']}: {p['nome']}{', ' + p['cargo'] if p['cargo'] else ''}"
        )
    if dados["deliberacoes"]:
        saida.print("\n[bold]Deliberações[/bold]")
        for d in dados["deliberacoes"]:
            saida.print(f" {d['numero']}. {d['texto']}")
    if dados["acoes"]:
        saida.print("\n[bold]Ações[/bold]")
        for a in dados["acoes"]:
            marca = "!" if a["atrasada"] else ("✔" if a["situacao"] == "Concluída" else "·")
            saida.print(
                f" {marca} [{a['id']}] {a['responsavel']}: {a['descricao']} — prazo {a['prazo'] or '—'} ({a['situacao'].lower()}{', atrasada' if a['atrasada'] else ''})"
            )
    if dados["sugestoes"]:
        saida.print("\n[bold]Sugestões[/bold]")
        for s in dados["sugestoes"]:
            saida.print(
                f" [{s['id']}] {s['autor']} ({s['assunto']}): {s['texto']} — {s['decisao']}"
            )
    for alerta in dados["alertas_privacidade"]:
        saida.print(f"[yellow]Aviso de privacidade: {alerta}[/yellow]")


@reuniao.command()
@click.argument("reuniao_id", metavar="ID", type=int)
def realizar(reuniao_id: int) -> None:
    """Marca a reunião como realizada."""
    ws = workspace()
    r = _reuniao(ws, reuniao_id)
    ws.definir_situacao_reuniao(r.id, "realizada")
    click.echo(f"{r.titulo} marcada como realizada.")


@reuniao.command()
@click.argument("reuniao_id", metavar="ID", type=int)
def cancelar(reuniao_id: int) -> None:
    """Marca a reunião como cancelada (o registro fica, sem ata)."""
    ws = workspace()
    r = _reuniao(ws, reuniao_id)
    ws.definir_situacao_reuniao(r.id, "cancelada")
    click.echo(f"{r.titulo} marcada como cancelada.")


# -- what happens in a meeting -------------------------------------------------------


@reuniao.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option(
    "--instituicao",
    "sigla",
    default=None,
    metavar="SIGLA",
    help="Sigla da instituição representada.",
)
@click.option(
    "--organizacao",
    default="",
    metavar="NOME",
    help="Órgão ainda não mapeado na rede (em vez de --instituicao).",
)
@click.option(
    "--nome", required=True, metavar="NOME", help="Nome de quem representa a instituição."
)
@click.option("--cargo", default="", metavar="CARGO", help="Cargo ou função.")
def presenca(reuniao_id: int, sigla: str | None, organizacao: str, nome: str, cargo: str) -> None:  # fmt: skip
    """Registra a presença de um representante (nunca CPF)."""
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.reunioes import Presenca

    ws = workspace()
    r = _reuniao(ws, reuniao_id)
    if not sigla and not organizacao:
        raise ErroValidacao("Informe --instituicao SIGLA ou --organizacao NOME.")
    inst = _instituicao(ws, sigla) if sigla else None
    p = ws.registrar_presenca(
        Presenca(
            r.id,
            nome,
            instituicao_id=inst.id if inst else None,
            organizacao=organizacao,
            cargo=cargo,
        )
    )
    click.echo(
        f"Presença registrada na {r.titulo}: {p.nome} ({inst.sigla if inst else p.organizacao})."
    )


@reuniao.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option(
    "--item", "ordem", type=int, required=True, metavar="N", help="Número do item da pauta."
)
@click.option("--texto", required=True, metavar="TEXTO", help="O que foi dito e combinado no item.")
@click.option(
    "--acrescentar", is_flag=True, help="Acrescenta ao que já foi registrado, em vez de substituir."
)
@_MESMO_ASSIM
def ata(reuniao_id: int, ordem: int, texto: str, acrescentar: bool, mesmo_assim: bool) -> None:
    """Registra a ata de um item da pauta."""
    from pacto.domain.errors import ErroValidacao

    ws = workspace()
    r = _reuniao(ws, reuniao_id)
    item = next((i for i in ws.itens_pauta(r.id) if i.ordem == ordem), None)
    if item is None:
        raise ErroValidacao(f"A pauta da {r.titulo} não tem o item {ordem}.")
    novo = f"{item.ata.rstrip()}\n{texto}".strip() if acrescentar else texto.strip()
    _checar_privacidade(novo, mesmo_assim)
    ws.salvar_ata_item(item.id, novo)
    click.echo(f"Ata do item {ordem} (“{item.titulo}”) gravada.")


@reuniao.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option("--texto", required=True, metavar="TEXTO", help="O que foi deliberado.")
@click.option(
    "--item",
    "ordem",
    type=int,
    default=None,
    metavar="N",
    help="Item da pauta em que foi deliberado.",
)
@_MESMO_ASSIM
def deliberacao(reuniao_id: int, texto: str, ordem: int | None, mesmo_assim: bool) -> None:
    """Registra uma deliberação da reunião."""
    from pacto.domain.reunioes import Deliberacao

    ws = workspace()
    r = _reuniao(ws, reuniao_id)
    _checar_privacidade(texto, mesmo_assim)
    item = next((i for i in ws.itens_pauta(r.id) if i.ordem == ordem), None) if ordem else None
    d = ws.salvar_deliberacao(Deliberacao(r.id, texto, item_id=item.id if item else None))
    click.echo(f"Deliberação {d.id} registrada na {r.titulo}.")


@reuniao.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option("--descricao", required=True, metavar="TEXTO", help="O que deve ser feito.")
@click.option(
    "--instituicao", "sigla", required=True, metavar="SIGLA", help="Instituição responsável."
)
@click.option("--prazo", default="", metavar="DATA", help="AAAA-MM-DD ou DD/MM/AAAA.")
@_MESMO_ASSIM
def acao(reuniao_id: int, descricao: str, sigla: str, prazo: str, mesmo_assim: bool) -> None:
    """Registra uma ação (encaminhamento da reunião) com responsável e prazo."""
    from pacto.domain.calendario import ler_data
    from pacto.domain.reunioes import Acao

    ws = workspace()
    r = _reuniao(ws, reuniao_id)
    _checar_privacidade(descricao, mesmo_assim)
    inst = _instituicao(ws, sigla)
    a = ws.salvar_acao(
        Acao(
            r.id,
            descricao,
            instituicao_id=inst.id,
            prazo=ler_data(prazo, "o prazo") if prazo else None,
        )
    )
    prazo_txt = f", prazo {a.prazo:%d/%m/%Y}" if a.prazo else ""
    click.echo(f"Ação {a.id} registrada: {inst.sigla}{prazo_txt}.")


@reuniao.command("acao-concluir")
@click.argument("acao_id", metavar="ACAO_ID", type=int)
@click.option(
    "--data", "data_texto", default="", metavar="DATA", help="Quando foi concluída (padrão: hoje)."
)
def acao_concluir(acao_id: int, data_texto: str) -> None:
    """Marca uma ação como concluída."""
    from pacto.domain.calendario import ler_data

    quando = ler_data(data_texto) if data_texto else None
    a = workspace().definir_situacao_acao(acao_id, "concluida", quando)
    click.echo(f"Ação {a.id} concluída em {a.concluida_em:%d/%m/%Y}.")


@reuniao.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option(
    "--autor", required=True, metavar="SIGLA|NOME", help="Instituição (sigla) ou pessoa que sugere."
)
@click.option(
    "--assunto",
    type=click.Choice(["geral", "etapa", "atribuicao", "encaminhamento", "contato"]),
    default=None,
    help="Do que trata (deduzido da proposta, se houver).",
)
@click.option(
    "--referencia",
    default="",
    metavar="TEXTO",
    help="A etapa, atribuição ou encaminhamento em questão.",
)
@click.option("--texto", required=True, metavar="TEXTO", help="A sugestão, como foi feita.")
@click.option(
    "--atribuicao",
    "prop_atribuicao",
    nargs=3,
    default=None,
    metavar="SIGLA ETAPA TEXTO",
    help="Proposta: nova atribuição da instituição na etapa.",
)
@click.option(
    "--encaminhamento",
    "prop_encaminhamento",
    nargs=4,
    default=None,
    metavar="DE PARA CONDIÇÃO PRAZO",
    help="Proposta: incluir um encaminhamento.",
)
@click.option(
    "--contato",
    "prop_contato",
    nargs=3,
    default=None,
    metavar="SIGLA CAMPO VALOR",
    help="Proposta: alterar telefone, email, site, endereco ou horario.",
)
@_MESMO_ASSIM
def sugestao(reuniao_id, autor, assunto, referencia, texto, prop_atribuicao, prop_encaminhamento, prop_contato, mesmo_assim) -> None:  # fmt: skip
    """Registra uma sugestão ao fluxo, com proposta estruturada opcional."""
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.propostas import assunto_da_proposta
    from pacto.domain.reunioes import Sugestao

    ws = workspace()
    r = _reuniao(ws, reuniao_id)
    _checar_privacidade(texto, mesmo_assim)
    propostas = [p for p in (prop_atribuicao, prop_encaminhamento, prop_contato) if p]
    if len(propostas) > 1:
        raise ErroValidacao(
            "Use só uma proposta por sugestão (--atribuicao, --encaminhamento ou --contato)."
        )
    proposta = None
    fluxo_id = ws.fluxos()[0].id
    if prop_atribuicao:
        sigla, etapa, novo = prop_atribuicao
        inst, et = _instituicao(ws, sigla), _etapa(ws, etapa)
        proposta = {
            "tipo": "atribuicao",
            "instituicao_id": inst.id,
            "etapa_id": et.id,
            "fluxo_id": fluxo_id,
            "texto": novo,
        }
        referencia = referencia or f"{inst.sigla} × {et.nome}"
    elif prop_encaminhamento:
        de, para, condicao, prazo = prop_encaminhamento
        origem, destino = _instituicao(ws, de), _instituicao(ws, para)
        proposta = {
            "tipo": "encaminhamento",
            "fluxo_id": fluxo_id,
            "origem_id": origem.id,
            "destino_id": destino.id,
            "condicao": condicao,
            "prazo": prazo,
        }
        referencia = referencia or f"{origem.sigla} → {destino.sigla}"
    elif prop_contato:
        sigla, campo, valor = prop_contato
        inst = _instituicao(ws, sigla)
        proposta = {"tipo": "contato", "instituicao_id": inst.id, "campos": {campo: valor}}
        referencia = referencia or inst.sigla
    inst_autor = ws.instituicao_por_sigla(autor)
    s = ws.salvar_sugestao(
        Sugestao(
            texto=texto,
            assunto=assunto or (assunto_da_proposta(proposta) if proposta else "geral"),
            referencia=referencia,
            reuniao_id=r.id,
            instituicao_id=inst_autor.id if inst_autor else None,
            autor="" if inst_autor else autor,
            proposta=proposta,
            origem="cli",
        )
    )
    click.echo(f"Sugestão {s.id} registrada ({s.autor}).")


@reuniao.command("sugestao-decidir")
@click.argument("sugestao_id", metavar="SUGESTAO_ID", type=int)
@click.option(
    "--decisao",
    type=click.Choice(sorted(DECISOES)),
    required=True,
    help="acolhida, parcial ou nao.",
)
@click.option(
    "--justificativa",
    default="",
    metavar="TEXTO",
    help="Por que (obrigatória se não acolhida ou parcial).",
)
@click.option(
    "--texto-final",
    default=None,
    metavar="TEXTO",
    help="Texto ajustado da proposta, quando acolhida em parte.",
)
@click.option(
    "--aplicar", is_flag=True, help="Aplica a alteração proposta ao fluxo logo em seguida."
)
def sugestao_decidir(sugestao_id: int, decisao: str, justificativa: str, texto_final: str | None, aplicar: bool) -> None:  # fmt: skip
    """Registra a decisão sobre uma sugestão e, se pedido, aplica a alteração ao fluxo."""
    from pacto.domain.propostas import com_valor_principal
    from pacto.domain.reunioes import DECISOES_SUGESTAO
    from pacto.services.reunioes import aplicar_sugestao

    ws = workspace()
    atual = ws.sugestao(sugestao_id)
    proposta = None
    if atual is not None and atual.proposta and texto_final is not None:
        proposta = com_valor_principal(atual.proposta, texto_final)
    with ws.transacao():
        s = ws.decidir_sugestao(sugestao_id, DECISOES[decisao], justificativa, proposta)
        mensagem = f"Sugestão {s.id}: {DECISOES_SUGESTAO[s.decisao].lower()}."
        if aplicar:
            mensagem += f" Aplicada ao fluxo: {aplicar_sugestao(ws, s.id)}"
    click.echo(mensagem)


@reuniao.command()
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
def convite(reuniao_id: int, saida: Path | None, serie: int) -> None:
    """Gera o convite da reunião em iCalendar (.ics), para Outlook, Google Agenda e outros."""
    from pacto.services.convite import alertas_do_convite, gravar_convite

    rc = workspace().carregar()
    destino = gravar_convite(rc, reuniao_id, saida or Path(f"reuniao-{reuniao_id}.ics"), serie)
    click.echo(f"Convite gravado em {destino}.")
    for alerta in alertas_do_convite(rc, reuniao_id, serie):
        click.secho(f"Atenção: {alerta}", fg="yellow", err=True)
