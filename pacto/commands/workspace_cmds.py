"""Workspace commands: init, demo, status, verificar and opening the TUI."""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource

from pacto.commands.common import caminho_workspace, console, esc, imprimir_json, workspace

PASTA_DEMO = "pacto-demo"


@click.command()
@click.option("--rede", "nome", required=True, metavar="NOME", help="Nome da rede.")
@click.option("--uf", required=True, metavar="UF", help="Sigla do estado (ex.: RR).")
@click.option("--municipio", default="", metavar="NOME", help="Município, se a rede for municipal.")
def init(nome: str, uf: str, municipio: str) -> None:
    """Cria o workspace de uma rede (nunca sobrescreve um arquivo existente)."""
    from pacto.domain.models import Rede
    from pacto.store import Workspace

    caminho = caminho_workspace()
    with Workspace.criar(caminho, Rede(nome, uf, municipio)) as ws:
        rede = ws.rede()
    click.echo(f"Workspace criado em {caminho} para a rede “{rede.nome}” ({rede.uf}).")
    click.echo("Próximo passo: cadastre as instituições ou abra a interface com “pacto”.")


@click.command()
@click.option("--sem-tui", is_flag=True, help="Só cria o workspace, sem abrir a interface.")
@click.pass_context
def demo(ctx: click.Context, sem_tui: bool) -> None:
    """Cria a rede de demonstração e abre a interface.

    Usa o arquivo de --db quando informado; senão, cria a pasta pacto-demo/ aqui.
    Nunca sobrescreve um workspace existente.
    """
    from pacto.domain.errors import ErroWorkspace
    from pacto.services.demo import criar_demo

    raiz = ctx.find_root()
    explicito = raiz.get_parameter_source("caminho_db") != ParameterSource.DEFAULT
    if explicito:
        caminho = caminho_workspace()
    else:
        pasta = Path(PASTA_DEMO)
        caminho = pasta / "pacto.db"
        if caminho.exists():
            click.echo(f"A rede de demonstração já existe em {caminho}; nada foi alterado.")
            if not sem_tui:
                abrir_tui(caminho)
            return
        if pasta.exists() and not pasta.is_dir():
            raise ErroWorkspace(f"{pasta} existe e não é uma pasta.")
        pasta.mkdir(exist_ok=True)
    with criar_demo(caminho) as ws:
        rc = ws.carregar()
    click.echo(
        f"Rede de demonstração criada em {caminho}: {len(rc.instituicoes)} instituições, "
        f"{len(rc.atribuicoes)} atribuições, {len(rc.encaminhamentos)} encaminhamentos."
    )
    if not sem_tui:
        abrir_tui(caminho)
    else:
        click.echo(f"Para abrir: pacto --db {caminho}")


@click.command()
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def status(como_json: bool) -> None:
    """Mostra a rede: contagens, etapas cobertas e lacunas."""
    from pacto.domain.summary import resumo
    from pacto.services.progresso import situacao

    ws = workspace()
    rc = ws.carregar()
    dados = resumo(rc) | situacao(ws, rc).como_dict()
    if como_json:
        imprimir_json(dados)
        return
    _imprimir_status(dados)


def _imprimir_status(dados: dict) -> None:
    from rich.table import Table

    from pacto.domain.summary import descrever_contagens

    saida = console()
    rede = dados["rede"]
    local = f"{rede['municipio']} – {rede['uf']}" if rede["municipio"] else rede["estado"]
    saida.print(f"[bold]{esc(rede['nome'])}[/bold] · {esc(local)}")
    if rede["coordenacao"]:
        saida.print(f"Coordenação: {esc(rede['coordenacao'])}")
    saida.print(descrever_contagens(dados["contagens"]))
    tabela = Table(title=f"Etapas cobertas: {dados['etapas_cobertas']} de {dados['etapas_total']}")
    tabela.add_column("Etapa")
    tabela.add_column("Instituições", justify="right")
    for etapa in dados["etapas"]:
        marca = "✔" if etapa["instituicoes"] else "!"
        tabela.add_row(f"{marca} {esc(etapa['nome'])}", str(etapa["instituicoes"]))
    saida.print(tabela)
    marcas = {"concluído": "✔", "em andamento": "▶", "não iniciado": "·", "não se aplica": "–"}
    passos = "  ".join(f"{marcas[p['situacao']]} {p['numero']}" for p in dados["passos_pactuacao"])
    saida.print(f"Pactuação  {passos}")
    proximo = dados["proximo_passo"]
    saida.print(f"[bold]Próximo passo:[/bold] {esc(proximo['acao'])}")
    saida.print(f"  {esc(proximo['motivo'])}")
    _imprimir_lacunas(dados["lacunas"], limite=10)


def _imprimir_lacunas(lacunas: list[dict], limite: int | None = None) -> None:
    saida = console()
    if not lacunas:
        saida.print("✔ Nenhuma lacuna encontrada.")
        return
    saida.print(f"[bold]Lacunas ({len(lacunas)})[/bold]")
    for lacuna in lacunas[:limite]:
        marca = "!!" if lacuna["gravidade"] == "grave" else "!"
        saida.print(f" {marca} {esc(lacuna['mensagem'])}  [dim]→ {esc(lacuna['onde'])}[/dim]")
    if limite and len(lacunas) > limite:
        saida.print(f" … e mais {len(lacunas) - limite}; veja todas com “pacto verificar”.")


@click.command()
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def verificar(como_json: bool) -> None:
    """Lista as lacunas do fluxo e onde corrigi-las."""
    from pacto.domain.checks import verificar as checar

    lacunas = [lacuna.como_dict() for lacuna in checar(workspace().carregar())]
    if como_json:
        imprimir_json({"lacunas": lacunas})
    else:
        _imprimir_lacunas(lacunas)


@click.command()
def tui() -> None:
    """Abre a interface interativa (o mesmo que “pacto” sem subcomando)."""
    abrir_tui(caminho_workspace())


def abrir_tui(caminho: Path) -> None:
    """Check the workspace, then run the Textual app on it."""
    from pacto.store.opening import inspecionar

    inspecionar(Path(caminho))
    from pacto.tui.app import criar_app

    criar_app(Path(caminho)).run()
