"""`pacto atribuicao` and `pacto encaminhamento`: what each institution does at each stage,
and who passes a case to whom — the same store calls the TUI's Rede tabs use."""

from __future__ import annotations

import click

from pacto.commands.common import (
    confirmar,
    etapa_por_texto,
    fluxo_escolhido,
    imprimir_json,
    instituicao_por_sigla,
    para_terminal,
    workspace,
)

AJUDA_FLUXO = "Número do fluxo (veja “pacto fluxo listar”); dispensável quando a rede tem um só."
AJUDA_ETAPA = "Etapa pela chave, nome ou sigla, acentos opcionais (ex.: Pos-Resgate)."


@click.group(subcommand_metavar="COMANDO [ARGS]...")
def atribuicao() -> None:
    """Atribuições: o que cada instituição faz em cada etapa do fluxo."""


@atribuicao.command("definir")
@click.argument("sigla", metavar="SIGLA")
@click.option("--etapa", required=True, metavar="ETAPA", help=AJUDA_ETAPA)
@click.option("--texto", required=True, metavar="TEXTO", help="O que a instituição faz na etapa.")
@click.option("--fluxo", "numero_fluxo", type=int, metavar="N", help=AJUDA_FLUXO)
def definir(sigla: str, etapa: str, texto: str, numero_fluxo: int | None) -> None:
    """Define (ou substitui) a atribuição da instituição SIGLA numa etapa."""
    from pacto.domain.errors import ErroValidacao

    if not texto.strip():
        raise ErroValidacao(
            "Informe o texto da atribuição (para apagá-la, use “pacto atribuicao remover”)."
        )
    ws = workspace()
    inst = instituicao_por_sigla(ws, sigla)
    achada = etapa_por_texto(ws, etapa)
    fluxo = fluxo_escolhido(ws, numero_fluxo)
    ws.definir_atribuicao(inst.id, achada.id, fluxo.id, texto)
    click.echo(f"Atribuição de {para_terminal(inst.sigla)} em {achada.nome} salva.")


@atribuicao.command("remover")
@click.argument("sigla", metavar="SIGLA")
@click.option("--etapa", required=True, metavar="ETAPA", help=AJUDA_ETAPA)
@click.option("--fluxo", "numero_fluxo", type=int, metavar="N", help=AJUDA_FLUXO)
def remover_atribuicao(sigla: str, etapa: str, numero_fluxo: int | None) -> None:
    """Remove a atribuição da instituição SIGLA numa etapa."""
    from pacto.domain.errors import ErroValidacao

    ws = workspace()
    inst = instituicao_por_sigla(ws, sigla)
    achada = etapa_por_texto(ws, etapa)
    fluxo = fluxo_escolhido(ws, numero_fluxo)
    existe = any(
        a.instituicao_id == inst.id and a.etapa_id == achada.id and a.fluxo_id == fluxo.id
        for a in ws.atribuicoes()
    )
    if not existe:
        raise ErroValidacao(f"{inst.sigla} não tem atribuição em {achada.nome}.")
    ws.definir_atribuicao(inst.id, achada.id, fluxo.id, "")
    click.echo(f"Atribuição de {para_terminal(inst.sigla)} em {achada.nome} removida.")


@click.group(subcommand_metavar="COMANDO [ARGS]...")
def encaminhamento() -> None:
    """Encaminhamentos: quem passa o caso a quem, em que condição e em que prazo."""


def _rotulo(ws, enc) -> str:
    origem, destino = ws.instituicao(enc.origem_id), ws.instituicao(enc.destino_id)
    prazo = f" ({enc.prazo})" if enc.prazo else ""
    return f"#{enc.id} {origem.sigla} ▶ {destino.sigla}{prazo}"


def _por_id(ws, id_: int):
    from pacto.domain.errors import ErroValidacao

    enc = next((e for e in ws.encaminhamentos() if e.id == id_), None)
    if enc is None:
        raise ErroValidacao(
            f"Não há encaminhamento número {id_}. Veja os números com “pacto encaminhamento listar”."
        )
    return enc


@encaminhamento.command("adicionar")
@click.option("--de", "origem", required=True, metavar="SIGLA", help="Quem encaminha.")
@click.option("--para", "destino", required=True, metavar="SIGLA", help="Para quem o caso vai.")
@click.option("--condicao", default="", metavar="TEXTO", help="Em que situação é encaminhado.")
@click.option("--prazo", default="", metavar="TEXTO", help="Ex.: 24 horas, Imediato.")
@click.option("--fluxo", "numero_fluxo", type=int, metavar="N", help=AJUDA_FLUXO)
def adicionar(
    origem: str, destino: str, condicao: str, prazo: str, numero_fluxo: int | None
) -> None:
    """Inclui um encaminhamento de uma instituição para outra."""
    from pacto.domain.models import Encaminhamento

    ws = workspace()
    de, para = instituicao_por_sigla(ws, origem), instituicao_por_sigla(ws, destino)
    fluxo = fluxo_escolhido(ws, numero_fluxo)
    enc = ws.salvar_encaminhamento(
        Encaminhamento(
            fluxo_id=fluxo.id, origem_id=de.id, destino_id=para.id, condicao=condicao, prazo=prazo
        )
    )
    click.echo(f"Encaminhamento incluído: {para_terminal(_rotulo(ws, enc))}.")


@encaminhamento.command("editar")
@click.argument("id_", metavar="ID", type=int)
@click.option("--de", "origem", metavar="SIGLA", help="Quem encaminha.")
@click.option("--para", "destino", metavar="SIGLA", help="Para quem o caso vai.")
@click.option("--condicao", metavar="TEXTO", help="Em que situação é encaminhado.")
@click.option("--prazo", metavar="TEXTO", help="Ex.: 24 horas, Imediato.")
@click.option("--fluxo", "numero_fluxo", type=int, metavar="N", help="Passa para outro fluxo.")
def editar(
    id_: int,
    origem: str | None,
    destino: str | None,
    condicao: str | None,
    prazo: str | None,
    numero_fluxo: int | None,
) -> None:
    """Altera o encaminhamento número ID (no mesmo lugar; não cria outro)."""
    ws = workspace()
    enc = _por_id(ws, id_)
    if all(v is None for v in (origem, destino, condicao, prazo, numero_fluxo)):
        raise click.UsageError("Informe ao menos um campo a alterar (veja --help).")
    if origem is not None:
        enc.origem_id = instituicao_por_sigla(ws, origem).id
    if destino is not None:
        enc.destino_id = instituicao_por_sigla(ws, destino).id
    if condicao is not None:
        enc.condicao = condicao
    if prazo is not None:
        enc.prazo = prazo
    if numero_fluxo is not None:
        enc.fluxo_id = fluxo_escolhido(ws, numero_fluxo).id
    ws.salvar_encaminhamento(enc)
    click.echo(f"Encaminhamento alterado: {para_terminal(_rotulo(ws, enc))}.")


@encaminhamento.command("remover")
@click.argument("id_", metavar="ID", type=int)
@click.option("--sim", is_flag=True, help="Não pergunta: remove direto (para scripts).")
def remover_encaminhamento(id_: int, sim: bool) -> None:
    """Remove o encaminhamento número ID."""
    ws = workspace()
    enc = _por_id(ws, id_)
    rotulo = _rotulo(ws, enc)
    click.echo(para_terminal(rotulo + (f" — {enc.condicao}" if enc.condicao else "")))
    if not sim and not confirmar("Remover este encaminhamento?"):
        click.echo("Nada foi removido.")
        return
    ws.remover_encaminhamento(enc.id)
    click.echo(f"Encaminhamento {para_terminal(rotulo)} removido.")


@encaminhamento.command("listar")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(como_json: bool) -> None:
    """Lista os encaminhamentos com número, origem, destino, prazo e condição."""
    rc = workspace().carregar()
    sigla = {i.id: i.sigla for i in rc.instituicoes}
    itens = [
        {
            "id": e.id,
            "fluxo": e.fluxo_id,
            "de": sigla[e.origem_id],
            "para": sigla[e.destino_id],
            "condicao": e.condicao,
            "prazo": e.prazo,
        }
        for e in rc.encaminhamentos
    ]
    if como_json:
        imprimir_json(itens)
        return
    if not itens:
        click.echo("Nenhum encaminhamento. Use “pacto encaminhamento adicionar”.")
        return
    for item in itens:
        prazo = f" ({item['prazo']})" if item["prazo"] else ""
        condicao = f" — {item['condicao']}" if item["condicao"] else ""
        click.echo(para_terminal(f"#{item['id']} {item['de']} ▶ {item['para']}{prazo}{condicao}"))
