"""Workspace commands: init, demo, status, verificar and opening the TUI."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from pacto.commands.common import caminho_workspace, imprimir_json, workspace

if TYPE_CHECKING:
    from pathlib import Path

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
    click.echo(
        "Próximo passo: cadastre as instituições (“pacto atores adicionar --nome … --sigla …”, "
        "ou “pacto atores importar planilha.xlsx”) ou abra a interface com “pacto”."
    )


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
        from pathlib import Path

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
    from pacto.commands.common import caminho_workspace_texto
    from pacto.store import cache

    dados = cache.ler(caminho_workspace_texto(), "status")
    if dados is None:
        from pacto.services.status import calcular

        dados = calcular(workspace())
    if como_json:
        imprimir_json(dados)
        return
    _imprimir_status(dados)
    _avisar_linhas_invalidas(dados.get("linhas_invalidas", []))


def _avisar_linhas_invalidas(problemas: list[str], limite: int = 20) -> None:
    """Warn, on standard error, about rows an older import left that the screens skip."""
    from pacto.commands.common import para_terminal as t

    if not problemas:
        return
    click.secho(
        f"\nAviso: o workspace tem {len(problemas)} registro(s) inválido(s), gravados por uma "
        "versão anterior do pacto; as telas deixam de lado o que não conseguem ler:",
        fg="yellow",
        err=True,
    )
    for problema in problemas[:limite]:
        click.echo(f" ! {t(problema)}", err=True)
    if len(problemas) > limite:
        click.echo(f" … e mais {len(problemas) - limite}.", err=True)
    click.echo(
        "Corrija-os na interface (datas de reuniões) ou exportando o pacote (“pacto exportar”), "
        "corrigindo as linhas indicadas e importando-o de novo com “pacto importar --substituir”.",
        err=True,
    )


def _imprimir_status(dados: dict) -> None:
    """The status as plain lines (no rich: the common case must stay as quick as --help)."""
    from pacto.commands.common import para_terminal as t
    from pacto.domain.text import descrever_contagens

    rede = dados["rede"]
    local = f"{rede['municipio']} – {rede['uf']}" if rede["municipio"] else rede["estado"]
    click.echo(f"{click.style(t(rede['nome']), bold=True)} · {t(local)}")
    if rede["coordenacao"]:
        click.echo(f"Coordenação: {t(rede['coordenacao'])}")
    click.echo(descrever_contagens(dados["contagens"]))
    click.echo()
    click.secho(
        f"Etapas cobertas: {dados['etapas_cobertas']} de {dados['etapas_total']}", bold=True
    )
    largura = max((len(t(e["nome"])) for e in dados["etapas"]), default=0)
    for etapa in dados["etapas"]:
        marca = "✔" if etapa["instituicoes"] else "!"
        quantas = etapa["instituicoes"]
        rotulo = "instituição" if quantas == 1 else "instituições"
        click.echo(f" {marca} {t(etapa['nome']).ljust(largura)}  {quantas:>3} {rotulo}")
    click.echo()
    marcas = {
        "concluído": "✔",
        "em andamento": "▶",
        "não iniciado": "·",
        "não se aplica": "–",
        "em dia": "✔",
        "atrasado": "▶",
    }
    passos = "  ".join(f"{marcas[p['situacao']]} {p['numero']}" for p in dados["passos_pactuacao"])
    click.echo(f"Pactuação  {passos}")
    proximo = dados["proximo_passo"]
    click.echo(f"{click.style('Próximo passo:', bold=True)} {t(proximo['acao'])}")
    click.echo(f"  {t(proximo['motivo'])}")
    _imprimir_como_fazer(proximo["acao"])
    _imprimir_lacunas(dados["lacunas"], limite=10)


def _imprimir_como_fazer(acao: str) -> None:
    """Where the next step is done: its commands and its entry in the TUI's palette."""
    from pacto.tui.gemeos_cli import PROXIMOS_PASSOS

    if acao not in PROXIMOS_PASSOS:
        return
    entrada, comandos = PROXIMOS_PASSOS[acao]
    click.echo(f"  Como fazer: {', '.join(f'pacto {c}' for c in comandos)}")
    click.echo(f"  Na interface: Ctrl+P › “{entrada}”")


def _imprimir_lacunas(lacunas: list[dict], limite: int | None = None) -> None:
    """The gaps, one per line, each with where to fix it."""
    from pacto.commands.common import para_terminal as t

    if not lacunas:
        click.echo("✔ Nenhuma lacuna encontrada.")
        return
    click.secho(f"Lacunas ({len(lacunas)})", bold=True)
    for lacuna in lacunas[:limite]:
        marca = "!!" if lacuna["gravidade"] == "grave" else "!"
        onde = click.style(f"→ {t(lacuna['onde'])}", dim=True)
        click.echo(f" {marca} {t(lacuna['mensagem'])}  {onde}")
    if limite and len(lacunas) > limite:
        click.echo(f" … e mais {len(lacunas) - limite}; veja todas com “pacto verificar”.")


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
    """Check the workspace in full (before loading Textual), then run the app on it."""
    from pathlib import Path

    from pacto.store.opening import inspecionar

    inspecionar(caminho, completa=True)
    from pacto.tui.app import criar_app

    criar_app(Path(caminho), completa=False).run()
