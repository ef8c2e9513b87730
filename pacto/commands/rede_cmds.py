"""`pacto rede`: the network's identification and its coordinating institution, from the shell."""

from __future__ import annotations

import click

from pacto.commands.common import imprimir_json, instituicao_por_sigla, para_terminal, workspace


@click.group(subcommand_metavar="COMANDO [ARGS]...")
def rede() -> None:
    """Identificação da rede (nome, UF, município) e a instituição coordenadora do fluxo."""


def _dados_da_rede(ws) -> dict:
    """The network's identification with its coordination, as `mostrar` prints it."""
    from pacto.domain.validation import UFS

    r = ws.rede()
    coordenacao = ws.instituicao(r.coordenacao_id) if r.coordenacao_id else None
    return {
        "nome": r.nome,
        "uf": r.uf,
        "estado": UFS.get(r.uf, r.uf),
        "municipio": r.municipio,
        "abrangencia": r.abrangencia,
        "coordenacao": (
            {"sigla": coordenacao.sigla, "nome": coordenacao.nome} if coordenacao else None
        ),
        "fluxos": [{"numero": f.id, "nome": f.nome} for f in ws.fluxos()],
        "etapas": [{"chave": e.chave, "nome": e.nome, "sigla": e.sigla} for e in ws.etapas()],
        "membros_gt": len(ws.membros_gt()),
        "ato_gt": ws.ato_gt(),
    }


@rede.command("mostrar")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def mostrar(como_json: bool) -> None:
    """Mostra nome, UF, município, coordenação, fluxos e etapas da rede."""
    dados = _dados_da_rede(workspace())
    if como_json:
        imprimir_json(dados)
        return
    click.echo(f"Rede: {para_terminal(dados['nome'])}")
    click.echo(f"UF: {dados['uf']} ({dados['estado']})")
    click.echo(f"Município: {para_terminal(dados['municipio']) or '— (rede estadual)'}")
    coord = dados["coordenacao"]
    click.echo(
        "Coordenação: "
        + (
            f"{para_terminal(coord['nome'])} ({para_terminal(coord['sigla'])})"
            if coord
            else "não definida (use “pacto rede coordenacao SIGLA”)"
        )
    )
    from pacto.domain.text import plural

    click.echo(
        f"Grupo de trabalho: {plural(dados['membros_gt'], 'membro', 'membros')}; ato: "
        f"{para_terminal(dados['ato_gt']) or 'não registrado'}"
    )
    for fluxo in dados["fluxos"]:
        click.echo(f"Fluxo {fluxo['numero']}: {para_terminal(fluxo['nome'])}")
    etapas = ", ".join(f"{para_terminal(e['nome'])} ({e['chave']})" for e in dados["etapas"])
    click.echo(f"Etapas: {etapas}")


@rede.command("editar")
@click.option("--nome", metavar="TEXTO", help="Novo nome da rede.")
@click.option("--uf", metavar="UF", help="Sigla do estado, como RR ou SP.")
@click.option(
    "--municipio",
    metavar="TEXTO",
    help='Município de uma rede municipal (texto vazio, --municipio "", torna a rede estadual).',
)
def editar(nome: str | None, uf: str | None, municipio: str | None) -> None:
    """Altera a identificação da rede; só muda o que for informado."""
    if nome is None and uf is None and municipio is None:
        raise click.UsageError("Informe ao menos uma opção: --nome, --uf ou --municipio.")
    ws = workspace()
    atual = ws.rede()
    if nome is not None:
        atual.nome = nome
    if uf is not None:
        atual.uf = uf
    if municipio is not None:
        atual.municipio = municipio
    salva = ws.salvar_rede(atual)
    onde = f"{salva.municipio}/{salva.uf}" if salva.municipio else salva.uf
    click.echo(f"Rede atualizada: {para_terminal(salva.nome)} ({para_terminal(onde)}).")


@rede.command("coordenacao")
@click.argument("sigla", required=False, metavar="[SIGLA]")
@click.option("--remover", is_flag=True, help="Deixa a rede sem instituição coordenadora.")
def coordenacao(sigla: str | None, remover: bool) -> None:
    """Define a instituição que coordena o fluxo (sem SIGLA, mostra a atual).

    A coordenação assina o Termo de Adesão com cada instituição e é citada na Portaria.
    """
    ws = workspace()
    atual = ws.rede()
    if remover:
        atual.coordenacao_id = None
        ws.salvar_rede(atual)
        click.echo("A rede ficou sem instituição coordenadora.")
        return
    if sigla is None:
        inst = ws.instituicao(atual.coordenacao_id) if atual.coordenacao_id else None
        if inst is None:
            click.echo("Coordenação: não definida. Use “pacto rede coordenacao SIGLA”.")
        else:
            click.echo(f"Coordenação: {para_terminal(inst.rotulo)}")
        return
    inst = instituicao_por_sigla(ws, sigla)
    atual.coordenacao_id = inst.id
    ws.salvar_rede(atual)
    click.echo(f"Coordenação da rede: {para_terminal(inst.rotulo)}.")
