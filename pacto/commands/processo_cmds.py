"""Commands of the guided process: pact steps, working group and self-diagnosis."""

from __future__ import annotations

import click

from pacto.commands.common import (
    console,
    esc,
    imprimir_json,
    instituicao_por_sigla,
    opcao_mesmo_assim,
    workspace,
)

SITUACOES_CLI = {
    "nao-iniciado": "não iniciado",
    "em-andamento": "em andamento",
    "concluido": "concluído",
    "nao-se-aplica": "não se aplica",
}
MARCAS = {
    "não iniciado": "·",
    "em andamento": "▶",
    "concluído": "✔",
    "não se aplica": "–",
    "em dia": "✔",
    "atrasado": "▶",
}


@click.group()
def passo() -> None:
    """Situação dos seis passos da pactuação e das 14 etapas de elaboração."""


def _tipo(elaboracao: bool) -> str:
    return "elaboracao" if elaboracao else "pactuacao"


@passo.command("listar")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(como_json: bool) -> None:
    """Mostra cada passo com sua situação e o motivo."""
    from pacto.services.progresso import situacao

    atual = situacao(workspace())
    if como_json:
        imprimir_json(atual.como_dict())
        return
    saida = console()
    for titulo, passos in (("Pactuação", atual.passos), ("Etapas de elaboração", atual.etapas)):
        saida.print(f"[bold]{titulo}[/bold]")
        for p in passos:
            extra = ""
            if p.ajuste:
                extra = f" [dim](ajustado à mão; calculado: {p.situacao_derivada or '—'})[/dim]"
            alerta = " [bold]![/bold]" if p.alerta else ""
            saida.print(
                f" {MARCAS[p.situacao]} {p.numero:>2}. {esc(p.titulo)} — {p.situacao}{alerta}{extra}"
            )
            saida.print(f"      {esc(p.motivo)}", style="dim")
            if p.regra:
                saida.print(f"      {esc(p.regra)}", style="dim italic")
    saida.print(f"[bold]Próximo passo:[/bold] {esc(atual.proximo['acao'])}")
    saida.print(f"  {esc(atual.proximo['motivo'])}")


@passo.command("concluir")
@click.argument("numero", type=int)
@click.option(
    "--justificativa", required=True, metavar="TEXTO", help="Por que o passo está concluído."
)
@click.option("--nao-se-aplica", is_flag=True, help="Marca como não aplicável em vez de concluído.")
@click.option("--elaboracao", is_flag=True, help="Refere-se às 14 etapas de elaboração.")
@opcao_mesmo_assim()
def concluir(numero: int, justificativa: str, nao_se_aplica: bool, elaboracao: bool) -> None:
    """Marca o passo NUMERO como concluído (ou não aplicável), com justificativa."""
    _ajustar(numero, "nao-se-aplica" if nao_se_aplica else "concluido", justificativa, elaboracao)


@passo.command("marcar")
@click.argument("numero", type=int)
@click.option(
    "--situacao",
    required=True,
    type=click.Choice(list(SITUACOES_CLI)),
    help="Nova situação do passo.",
)
@click.option("--nota", required=True, metavar="TEXTO", help="Justificativa ou nota.")
@click.option("--elaboracao", is_flag=True, help="Refere-se às 14 etapas de elaboração.")
@opcao_mesmo_assim()
def marcar(numero: int, situacao: str, nota: str, elaboracao: bool) -> None:
    """Registra à mão a situação de um passo, com uma nota."""
    _ajustar(numero, situacao, nota, elaboracao)


def _ajustar(numero: int, situacao: str, justificativa: str, elaboracao: bool) -> None:
    from pacto.domain.processo import Ajuste

    ajuste = workspace().ajustar_passo(
        Ajuste(_tipo(elaboracao), numero, SITUACOES_CLI[situacao], justificativa)
    )
    nome = "Etapa" if elaboracao else "Passo"
    genero = "a" if elaboracao else "o"
    click.echo(f"{nome} {numero} registrad{genero} como “{ajuste.situacao}”.")


@passo.command("reabrir")
@click.argument("numero", type=int)
@click.option("--elaboracao", is_flag=True, help="Refere-se às 14 etapas de elaboração.")
def reabrir(numero: int, elaboracao: bool) -> None:
    """Desfaz o ajuste manual: o passo volta à situação calculada."""
    if workspace().reabrir_passo(_tipo(elaboracao), numero):
        click.echo(f"Ajuste removido; o passo {numero} volta à situação calculada.")
    else:
        click.echo(f"O passo {numero} não tinha ajuste manual.")


@passo.command("regra")
@click.argument("nome", required=False, metavar="[NOME]")
@click.argument("valor", required=False, metavar="[VALOR]")
@click.option("--padrao", is_flag=True, help="Volta a regra ao padrão da cartilha.")
def regra(nome: str | None, valor: str | None, padrao: bool) -> None:
    """Mostra as regras de evidência dos passos, ou ajusta uma (ex.: dias_alinhamento 45)."""
    from pacto.domain.regras import PREFIXO, catalogo_regras
    from pacto.domain.regras import regra as buscar
    from pacto.services.progresso import regras_da_rede

    ws = workspace()
    if nome is None:
        atuais = regras_da_rede(ws)
        for chave, r in catalogo_regras().items():
            click.echo(f"{chave} = {r.mostrar(getattr(atuais, chave))} · {r.titulo}")
            click.echo(f"    {atuais.motivo(chave)}")
        return
    r = buscar(nome.strip())
    if padrao:
        ws.definir_configuracao(PREFIXO + r.chave, None)
        click.echo(f"{r.titulo}: de volta ao padrão da cartilha ({r.mostrar(r.padrao)}).")
        return
    if valor is None:
        click.echo(f"{r.chave} = {r.mostrar(getattr(regras_da_rede(ws), r.chave))}")
        return
    lido = r.ler(valor)
    ws.definir_configuracao(PREFIXO + r.chave, str(lido))
    click.echo(f"{r.titulo}: {r.mostrar(lido)} (padrão da cartilha: {r.mostrar(r.padrao)}).")


@click.group()
def gt() -> None:
    """O grupo de trabalho: instituições membros e o ato que o criou."""


@gt.command("listar")
def gt_listar() -> None:
    """Lista os membros do grupo de trabalho e o ato de criação."""
    ws = workspace()
    ato = ws.ato_gt()
    click.echo(f"Ato de criação: {ato or 'não registrado'}")
    membros = [ws.instituicao(i) for i in ws.membros_gt()]
    if not membros:
        click.echo("Nenhum membro registrado.")
    for inst in sorted(membros, key=lambda i: i.nome):
        click.echo(f" · {inst.nome} ({inst.sigla})")


def _por_sigla(ws, siglas):

    encontradas = []
    for sigla in siglas:
        inst = instituicao_por_sigla(ws, sigla)
        encontradas.append(inst)
    return encontradas


@gt.command("adicionar")
@click.argument("siglas", nargs=-1, required=True, metavar="SIGLA...")
def gt_adicionar(siglas) -> None:
    """Inclui instituições no grupo de trabalho."""
    ws = workspace()
    with ws.transacao():
        for inst in _por_sigla(ws, siglas):
            ws.definir_membro_gt(inst.id, True)
    click.echo(f"Grupo de trabalho com {len(ws.membros_gt())} membros.")


@gt.command("remover")
@click.argument("siglas", nargs=-1, required=True, metavar="SIGLA...")
def gt_remover(siglas) -> None:
    """Retira instituições do grupo de trabalho."""
    ws = workspace()
    with ws.transacao():
        for inst in _por_sigla(ws, siglas):
            ws.definir_membro_gt(inst.id, False)
    click.echo(f"Grupo de trabalho com {len(ws.membros_gt())} membros.")


@gt.command("ato")
@click.argument("referencia", metavar="REFERÊNCIA")
@opcao_mesmo_assim()
def gt_ato(referencia: str) -> None:
    """Registra o ato que criou o GT (ex.: "Portaria SEJUC nº 45, de 3 de agosto de 2026")."""
    workspace().definir_ato_gt(referencia)
    click.echo("Ato de criação do grupo de trabalho registrado.")
