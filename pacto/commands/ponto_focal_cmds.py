"""`pacto ponto-focal`: name, confirm and remove an institution's titular and suplente."""

from __future__ import annotations

import click

from pacto.commands.common import confirmar, instituicao_por_sigla, para_terminal, workspace

PAPEIS = ("titular", "suplente")


@click.group(subcommand_metavar="COMANDO [ARGS]...")
def ponto_focal() -> None:
    """Pontos focais das instituições: titular e suplente, com contato institucional."""


def _ponto(ws, inst, papel: str):
    return next((p for p in ws.pontos_focais(inst.id) if p.papel == papel), None)


@ponto_focal.command("definir")
@click.argument("sigla", metavar="SIGLA")
@click.option(
    "--papel",
    type=click.Choice(PAPEIS, case_sensitive=False),
    required=True,
    help="titular ou suplente.",
)
@click.option("--nome", metavar="TEXTO", help="Nome da pessoa (obrigatório para um novo ponto).")
@click.option("--cargo", metavar="TEXTO", help="Cargo ou função.")
@click.option("--telefone", metavar="TEXTO", help="Telefone institucional.")
@click.option("--email", metavar="TEXTO", help="E-mail institucional.")
@click.option("--nao-confirmar", is_flag=True, help="Não marca o contato como confirmado hoje.")
def definir(
    sigla: str,
    papel: str,
    nome: str | None,
    cargo: str | None,
    telefone: str | None,
    email: str | None,
    nao_confirmar: bool,
) -> None:
    """Cadastra ou altera o ponto focal titular ou suplente da instituição SIGLA.

    Só muda o que for informado; o contato conta como confirmado hoje (como no formulário da
    interface), a não ser com --nao-confirmar.
    """
    from dataclasses import replace
    from datetime import date

    from pacto.domain.models import PontoFocal

    ws = workspace()
    inst = instituicao_por_sigla(ws, sigla)
    papel = papel.lower()
    atual = _ponto(ws, inst, papel)
    valores = {
        c: v
        for c, v in (("nome", nome), ("cargo", cargo), ("telefone", telefone), ("email", email))
        if v is not None
    }
    if atual is None:
        ponto = PontoFocal(instituicao_id=inst.id, papel=papel, **({"nome": ""} | valores))
    else:
        ponto = replace(atual, **valores)
    if not nao_confirmar:
        ponto.confirmado_em = date.today()
    salvo = ws.salvar_ponto_focal(ponto)
    feito = "cadastrado" if atual is None else "atualizado"
    click.echo(
        f"Ponto focal {papel} de {para_terminal(inst.sigla)} {feito}: {para_terminal(salvo.nome)}."
    )


@ponto_focal.command("confirmar")
@click.argument("sigla", metavar="SIGLA")
@click.option(
    "--papel",
    type=click.Choice(PAPEIS, case_sensitive=False),
    help="Confirma só o titular ou só o suplente (padrão: os dois).",
)
def confirmar_cmd(sigla: str, papel: str | None) -> None:
    """Registra que o contato dos pontos focais da instituição SIGLA foi confirmado hoje."""
    from pacto.domain.errors import ErroValidacao

    ws = workspace()
    inst = instituicao_por_sigla(ws, sigla)
    pontos = [p for p in ws.pontos_focais(inst.id) if papel is None or p.papel == papel.lower()]
    if not pontos:
        qual = f"ponto focal {papel.lower()}" if papel else "pontos focais"
        raise ErroValidacao(
            f"{inst.sigla} não tem {qual} a confirmar. Use “pacto ponto-focal definir”."
        )
    with ws.transacao():
        for ponto in pontos:
            ws.confirmar_ponto_focal(ponto.id)
    nomes = ", ".join(f"{p.nome} ({p.papel})" for p in pontos)
    click.echo(f"Contato confirmado hoje: {para_terminal(nomes)}.")


@ponto_focal.command("remover")
@click.argument("sigla", metavar="SIGLA")
@click.option(
    "--papel", type=click.Choice(PAPEIS, case_sensitive=False), required=True, help="Qual remover."
)
@click.option("--sim", is_flag=True, help="Não pergunta: remove direto (para scripts).")
def remover(sigla: str, papel: str, sim: bool) -> None:
    """Remove o ponto focal titular ou suplente da instituição SIGLA, com seus contatos."""
    from pacto.domain.errors import ErroValidacao

    ws = workspace()
    inst = instituicao_por_sigla(ws, sigla)
    papel = papel.lower()
    ponto = _ponto(ws, inst, papel)
    if ponto is None:
        raise ErroValidacao(f"{inst.sigla} não tem ponto focal {papel}.")
    click.echo(f"{para_terminal(ponto.nome)}, ponto focal {papel} de {para_terminal(inst.sigla)}.")
    if not sim and not confirmar("Remover? O nome e os contatos desta pessoa serão apagados."):
        click.echo("Nada foi removido.")
        return
    ws.remover_ponto_focal(ponto.id)
    click.echo(f"Ponto focal {papel} de {para_terminal(inst.sigla)} removido.")
