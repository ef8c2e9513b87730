"""`pacto fluxo`: one flow for every purpose of art. 149-A, or one per purpose (booklet step 7)."""

from __future__ import annotations

import click

from pacto.commands.common import (
    confirmar,
    imprimir_json,
    opcao_mesmo_assim,
    para_terminal,
    workspace,
)

CHAVES = "remocao_orgaos, trabalho_escravo, servidao, adocao_ilegal, exploracao_sexual"
AJUDA_FINALIDADE = (
    f"Finalidade do art. 149-A que o fluxo atende (repita a opção para várias): {CHAVES}, "
    "ou “todas”."
)


def _finalidades(valores: tuple[str, ...]) -> list[str]:
    """The purposes typed on the command line, “todas” standing for the five."""
    from pacto.domain.catalog import finalidades

    if any(v.strip().lower() == "todas" for v in valores):
        return [f.chave for f in finalidades()]
    return [v.strip().lower().replace("-", "_") for v in valores]


def _fluxo(ws, numero: int):
    """The flow with this number, or a clear error listing the ones there are."""
    from pacto.domain.errors import ErroValidacao

    fluxos = ws.fluxos()
    for fluxo in fluxos:
        if fluxo.id == numero:
            return fluxo
    existentes = ", ".join(str(f.id) for f in fluxos)
    raise ErroValidacao(f"Não há fluxo número {numero}. Fluxos da rede: {existentes}.")


def _quantos(atribuicoes: int, encaminhamentos: int, juncao: str = " · ") -> str:
    """“3 atribuições · 1 encaminhamento”, nouns agreeing with numbers."""
    from pacto.domain.text import plural

    return juncao.join(
        (
            plural(atribuicoes, "atribuição", "atribuições"),
            plural(encaminhamentos, "encaminhamento", "encaminhamentos"),
        )
    )


@click.group()
def fluxo() -> None:
    """Fluxos da rede: um para todas as finalidades do art. 149-A ou um por finalidade."""


@fluxo.command("listar")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(como_json: bool) -> None:
    """Mostra cada fluxo, as finalidades que atende e quanto há nele."""
    from pacto.domain.fluxos import finalidades_sem_fluxo, nome_finalidade

    ws = workspace()
    linhas = []
    for f in ws.fluxos():
        atribuicoes, encaminhamentos = ws.uso_do_fluxo(f.id)
        linhas.append(
            {
                "numero": f.id,
                "nome": f.nome,
                "finalidades": f.finalidades,
                "atribuicoes": atribuicoes,
                "encaminhamentos": encaminhamentos,
            }
        )
    faltam = finalidades_sem_fluxo(ws.fluxos())
    if como_json:
        imprimir_json({"fluxos": linhas, "finalidades_sem_fluxo": [f.chave for f in faltam]})
        return
    for linha in linhas:
        click.secho(f"{linha['numero']}. {para_terminal(linha['nome'])}", bold=True)
        nomes = "; ".join(nome_finalidade(c) for c in linha["finalidades"]) or "nenhuma"
        click.echo(f"   Finalidades: {nomes}")
        click.echo(f"   {_quantos(linha['atribuicoes'], linha['encaminhamentos'])}")
    for f in faltam:
        click.echo(f"! {f.nome} ({f.inciso}) não está em nenhum fluxo.")


@fluxo.command("criar")
@click.option("--nome", required=True, metavar="NOME", help="Nome do fluxo.")
@click.option(
    "--finalidade",
    "finalidades",
    multiple=True,
    required=True,
    metavar="CHAVE",
    help=AJUDA_FINALIDADE,
)
@opcao_mesmo_assim()
def criar(nome: str, finalidades: tuple[str, ...]) -> None:
    """Cria um fluxo para as finalidades indicadas (cada finalidade fica em um só fluxo)."""
    from pacto.domain.models import Fluxo

    novo = workspace().salvar_fluxo(Fluxo(nome, _finalidades(finalidades)))
    click.echo(f"Fluxo {novo.id} criado: {para_terminal(novo.nome)}.")
    click.echo("Distribua as atribuições e encaminhamentos dele na interface (Rede › Atribuições).")


@fluxo.command("editar")
@click.argument("numero", type=int)
@click.option("--nome", metavar="NOME", help="Novo nome do fluxo.")
@click.option(
    "--finalidade",
    "finalidades",
    multiple=True,
    metavar="CHAVE",
    help=f"{AJUDA_FINALIDADE} Substitui a lista atual.",
)
@opcao_mesmo_assim()
def editar(numero: int, nome: str | None, finalidades: tuple[str, ...]) -> None:
    """Renomeia um fluxo ou troca as finalidades que ele atende."""
    ws = workspace()
    atual = _fluxo(ws, numero)
    if nome is None and not finalidades:
        raise click.UsageError("informe --nome, --finalidade ou ambos.")
    if nome is not None:
        atual.nome = nome
    if finalidades:
        atual.finalidades = _finalidades(finalidades)
    ws.salvar_fluxo(atual)
    click.echo(f"Fluxo {atual.id} atualizado: {para_terminal(atual.nome)}.")


@fluxo.command("remover")
@click.argument("numero", type=int)
@click.option("--sim", "confirmado", is_flag=True, help="Não pergunta antes de remover.")
def remover(numero: int, confirmado: bool) -> None:
    """Remove um fluxo com as atribuições e os encaminhamentos dele."""
    ws = workspace()
    alvo = _fluxo(ws, numero)
    atribuicoes, encaminhamentos = ws.uso_do_fluxo(alvo.id)
    pergunta = (
        f"Remover o fluxo “{para_terminal(alvo.nome)}”? Vão junto "
        f"{_quantos(atribuicoes, encaminhamentos, ' e ')} (as versões congeladas guardam o que "
        "havia)."
    )
    if not confirmado and not confirmar(pergunta):
        click.echo("Nada foi alterado.")
        return
    ws.remover_fluxo(alvo.id)
    click.echo(f"Fluxo {alvo.id} removido.")


@fluxo.command("experiencia")
@click.argument("nome", metavar="NOME")
@click.option("--nota", default="", metavar="TEXTO", help="O que a rede aproveitou dela.")
def experiencia(nome: str, nota: str) -> None:
    """Registra uma experiência consultada (etapa 7 do roteiro), ex.: “Fluxo estadual do RJ”."""
    from pacto.services.roteiro_registros import registrar_experiencia

    dados = registrar_experiencia(workspace(), nome, nota)
    click.echo(f"{len(dados['experiencias'])} experiência(s) consultada(s) registrada(s).")


@fluxo.command("decisao")
@click.argument("decisao", type=click.Choice(["unico", "por-finalidade"]))
@click.option("--nota", default="", metavar="TEXTO", help="Por que a rede decidiu assim.")
def decisao(decisao: str, nota: str) -> None:
    """Registra a decisão da etapa 7: um fluxo único ou um fluxo por finalidade."""
    from pacto.services.roteiro_registros import DECISOES, registrar_decisao

    dados = registrar_decisao(workspace(), decisao, nota)
    click.echo(f"Decisão registrada: {DECISOES[dados['decisao']]}.")


@fluxo.command("externo")
@click.argument("finalidade", metavar="FINALIDADE")
@click.option(
    "--ato",
    metavar="ATO",
    help="Ato do fluxo externo, ex.: “Portaria MMFDH nº 3.484/2021”.",
)
@click.option("--remover", is_flag=True, help="A finalidade volta a depender dos fluxos da rede.")
def externo(finalidade: str, ato: str | None, remover: bool) -> None:
    """Marca uma finalidade como coberta por fluxo externo (ex.: trabalho escravo)."""
    from pacto.services.roteiro_registros import descrever_externos, marcar_externo

    if not remover and not ato:
        raise click.UsageError("Informe --ato com o ato que institui o fluxo externo.")
    dados = marcar_externo(workspace(), finalidade, None if remover else ato)
    for linha in descrever_externos(dados) or ["Nenhuma finalidade coberta por fluxo externo."]:
        click.echo(linha)
