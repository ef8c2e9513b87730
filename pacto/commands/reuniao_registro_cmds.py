"""`pacto reuniao` commands that record what happens in a meeting: attendance, minutes, decisions,
action items and suggestions (with their decision). Also the helpers the meeting commands share."""

from __future__ import annotations

import click

from pacto.commands.common import opcao_mesmo_assim, workspace

DECISOES = {
    "acolhida": "acolhida",
    "parcial": "acolhida_parcialmente",
    "acolhida_parcialmente": "acolhida_parcialmente",
    "nao": "nao_acolhida",
    "nao_acolhida": "nao_acolhida",
}
_MESMO_ASSIM = opcao_mesmo_assim(expor=True)


# -- helpers ---------------------------------------------------------------------


def reuniao_ou_erro(ws, reuniao_id: int):
    """The meeting with this id, or a clear error."""
    from pacto.domain.errors import ErroValidacao

    r = ws.reuniao(reuniao_id)
    if r is None:
        raise ErroValidacao(
            f"Reunião inexistente: {reuniao_id}. Veja as reuniões com “pacto reuniao listar”."
        )
    return r


def instituicao_ou_erro(ws, sigla: str):
    """The institution with this acronym (any case), or a clear error."""
    from pacto.domain.errors import ErroValidacao

    inst = ws.instituicao_por_sigla(sigla)
    if inst is None:
        raise ErroValidacao(
            f"Instituição não encontrada: “{sigla}”. Use a sigla como cadastrada na rede."
        )
    return inst


def etapa_ou_erro(ws, texto: str):
    """A stage by key, name or acronym, ignoring accents, or a clear error."""
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


def checar_privacidade(texto: str, mesmo_assim: bool) -> None:
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


def avisar_data(data, ws=None) -> None:
    """Warn on stderr when a meeting date is a holiday (national, state, municipal) or a weekend."""
    if ws is not None:
        from pacto.services.feriados import alerta as alerta_da_rede

        alerta = alerta_da_rede(ws, data)
    else:
        from pacto.domain.calendario import alerta_de_data

        alerta = alerta_de_data(data)
    if alerta:
        click.secho(f"Atenção: {alerta}", fg="yellow", err=True)


@click.command()
@click.argument("dia", required=False, metavar="[DD/MM]")
@click.argument("nome", required=False, metavar="[NOME]")
@click.option("--remover", is_flag=True, help="Retira o feriado municipal deste dia.")
def feriado(dia: str | None, nome: str | None, remover: bool) -> None:
    """Lista ou registra os feriados municipais que o pacto confere ao agendar reuniões."""
    from pacto.services import feriados

    ws = workspace()
    if dia is None:
        lista = feriados.municipais(ws)
        if not lista:
            click.echo("Nenhum feriado municipal registrado (os nacionais e estaduais já valem).")
        for (mes, d), texto in sorted(lista.items()):
            click.echo(f"{d:02d}/{mes:02d}  {texto}")
        return
    if remover:
        ok = feriados.remover(ws, dia)
        click.echo("Feriado municipal retirado." if ok else "Não havia feriado neste dia.")
        return
    if not nome:
        raise click.UsageError(
            'Informe o nome do feriado, ex.: pacto reuniao feriado 09/07 "Aniversário da cidade".'
        )
    mes, d = feriados.adicionar(ws, dia, nome)
    click.echo(f"Feriado municipal registrado: {d:02d}/{mes:02d} – {' '.join(nome.split())}.")


@click.command()
@click.argument("reuniao_id", metavar="ID", type=int)
@click.option(
    "--periodicidade",
    type=click.Choice(["semestral", "anual"]),
    required=True,
    help="Avaliação semestral ou anual, como a rede definiu.",
)
@click.option(
    "--funciona", default="", metavar="TEXTO", help="O que está funcionando como esperado."
)
@click.option("--melhorar", default="", metavar="TEXTO", help="O que pode ser melhorado.")
@click.option(
    "--descontinuar",
    default="",
    metavar="TEXTO",
    help="O que não funcionou e deve ser descontinuado.",
)
@click.option("--mesmo-assim", is_flag=True, help="Grava mesmo com alerta de privacidade.")
def avaliacao(reuniao_id, periodicidade, funciona, melhorar, descontinuar, mesmo_assim) -> None:
    """Registra a grade da reunião de avaliação: o que funciona, melhorar, descontinuar."""
    from pacto.services.avaliacao import registrar

    checar_privacidade("\n".join((funciona, melhorar, descontinuar)), mesmo_assim)
    _, periodo = registrar(workspace(), reuniao_id, periodicidade, funciona, melhorar, descontinuar)
    click.echo(f"Avaliação {periodicidade} registrada na reunião {reuniao_id}.")
    click.echo(
        f"Próximo: trace as metas de {periodo} com a rede "
        f"(pacto indicadores meta INDICADOR --periodo {periodo} --valor N)."
    )


# -- what happens in a meeting -------------------------------------------------------


@click.command()
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
@opcao_mesmo_assim()
def presenca(reuniao_id: int, sigla: str | None, organizacao: str, nome: str, cargo: str) -> None:  # fmt: skip
    """Registra a presença de um representante (nunca CPF)."""
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.reunioes import Presenca

    ws = workspace()
    r = reuniao_ou_erro(ws, reuniao_id)
    if not sigla and not organizacao:
        raise ErroValidacao("Informe --instituicao SIGLA ou --organizacao NOME.")
    inst = instituicao_ou_erro(ws, sigla) if sigla else None
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


@click.command()
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
    r = reuniao_ou_erro(ws, reuniao_id)
    item = next((i for i in ws.itens_pauta(r.id) if i.ordem == ordem), None)
    if item is None:
        raise ErroValidacao(f"A pauta da {r.titulo} não tem o item {ordem}.")
    novo = f"{item.ata.rstrip()}\n{texto}".strip() if acrescentar else texto.strip()
    checar_privacidade(novo, mesmo_assim)
    ws.salvar_ata_item(item.id, novo)
    click.echo(f"Ata do item {ordem} (“{item.titulo}”) gravada.")


@click.command()
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
    r = reuniao_ou_erro(ws, reuniao_id)
    checar_privacidade(texto, mesmo_assim)
    item = next((i for i in ws.itens_pauta(r.id) if i.ordem == ordem), None) if ordem else None
    d = ws.salvar_deliberacao(Deliberacao(r.id, texto, item_id=item.id if item else None))
    click.echo(f"Deliberação {d.id} registrada na {r.titulo}.")


@click.command()
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
    r = reuniao_ou_erro(ws, reuniao_id)
    checar_privacidade(descricao, mesmo_assim)
    inst = instituicao_ou_erro(ws, sigla)
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


@click.command("acao-concluir")
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


@click.command()
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
@click.option(
    "--alterar-encaminhamento",
    "prop_alterar",
    nargs=3,
    default=None,
    metavar="ID CAMPO VALOR",
    help="Proposta: mudar o prazo ou a condição do encaminhamento ID (no mesmo lugar).",
)
@click.option(
    "--ponto-focal",
    "prop_ponto",
    nargs=4,
    default=None,
    metavar="SIGLA PAPEL CAMPO VALOR",
    help="Proposta: alterar nome, cargo, telefone ou email do titular ou suplente "
    "(ou indicar um novo, pelo nome).",
)
@_MESMO_ASSIM
def sugestao(reuniao_id, autor, assunto, referencia, texto, prop_atribuicao, prop_encaminhamento, prop_contato, prop_alterar, prop_ponto, mesmo_assim) -> None:  # fmt: skip
    """Registra uma sugestão ao fluxo, com proposta estruturada opcional."""
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.propostas import assunto_da_proposta
    from pacto.domain.reunioes import Sugestao

    ws = workspace()
    r = reuniao_ou_erro(ws, reuniao_id)
    checar_privacidade(texto, mesmo_assim)
    propostas = [
        p
        for p in (prop_atribuicao, prop_encaminhamento, prop_contato, prop_alterar, prop_ponto)
        if p
    ]
    if len(propostas) > 1:
        raise ErroValidacao(
            "Use só uma proposta por sugestão (--atribuicao, --encaminhamento, --contato, "
            "--alterar-encaminhamento ou --ponto-focal)."
        )
    proposta = None
    fluxo_id = ws.fluxos()[0].id
    if prop_atribuicao:
        sigla, etapa, novo = prop_atribuicao
        inst, et = instituicao_ou_erro(ws, sigla), etapa_ou_erro(ws, etapa)
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
        origem, destino = instituicao_ou_erro(ws, de), instituicao_ou_erro(ws, para)
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
        inst = instituicao_ou_erro(ws, sigla)
        proposta = {"tipo": "contato", "instituicao_id": inst.id, "campos": {campo: valor}}
        referencia = referencia or inst.sigla
    elif prop_alterar:
        proposta, referencia = _proposta_alterar_encaminhamento(ws, prop_alterar, referencia)
    elif prop_ponto:
        proposta, referencia = _proposta_ponto_focal(ws, prop_ponto, referencia)
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


def _proposta_alterar_encaminhamento(ws, dados, referencia: str) -> tuple[dict, str]:
    """A proposal that changes one field of an existing referral, carrying its id."""
    from pacto.domain.errors import ErroValidacao

    id_texto, campo, valor = dados
    campo = campo.strip().lower().replace("condição", "condicao")
    enc = next((e for e in ws.encaminhamentos() if str(e.id) == id_texto.strip()), None)
    if enc is None:
        raise ErroValidacao(
            f"Não há encaminhamento número {id_texto}. Veja os números com "
            "“pacto encaminhamento listar”."
        )
    if campo not in ("prazo", "condicao"):
        raise ErroValidacao("No encaminhamento, a proposta muda o “prazo” ou a “condicao”.")
    proposta = {
        "tipo": "encaminhamento",
        "encaminhamento_id": enc.id,
        "fluxo_id": enc.fluxo_id,
        "origem_id": enc.origem_id,
        "destino_id": enc.destino_id,
        "condicao": enc.condicao,
        "prazo": enc.prazo,
    } | {campo: valor}
    origem, destino = ws.instituicao(enc.origem_id), ws.instituicao(enc.destino_id)
    return proposta, referencia or f"{origem.sigla} → {destino.sigla}"


def _proposta_ponto_focal(ws, dados, referencia: str) -> tuple[dict, str]:
    """A proposal that changes a focal point's field, or names a new one in a vacant role."""
    sigla, papel, campo, valor = dados
    inst = instituicao_ou_erro(ws, sigla)
    papel = papel.strip().lower()
    atual = next((p for p in ws.pontos_focais(inst.id) if p.papel == papel), None)
    proposta = {
        "tipo": "ponto_focal",
        "instituicao_id": inst.id,
        "papel": papel,
        "ponto_focal_id": atual.id if atual else None,
        "campos": {campo.strip().lower().replace("e-mail", "email"): valor},
    }
    return proposta, referencia or f"{inst.sigla} ({papel})"


@click.command("sugestao-decidir")
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
@opcao_mesmo_assim()
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
