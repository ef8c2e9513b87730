"""Commands that move a whole workspace: JSON export and import, and backup."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import caminho_workspace, confirmar, opcao_mesmo_assim, workspace


@click.command()
@click.argument("arquivo", metavar="ARQUIVO.json", type=click.Path(dir_okay=False, path_type=Path))
def exportar(arquivo: Path) -> None:
    """Exporta todo o workspace para um pacote JSON portátil."""
    from pacto.services.bundle import exportar as gravar

    gravar(workspace(), arquivo)
    click.echo(f"Pacote gravado em {arquivo}.")


@click.command()
@click.argument("arquivo", metavar="ARQUIVO.json", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--substituir",
    is_flag=True,
    help="Troca todo o conteúdo do workspace pelo do pacote (antes, guarda uma cópia de segurança).",
)
@opcao_mesmo_assim()
def importar(arquivo: Path, substituir: bool) -> None:
    """Importa um pacote JSON do pacto para o workspace.

    Se o workspace ainda não existir, ele é criado com a rede do pacote.
    """
    from pacto.domain.models import Rede
    from pacto.services.bundle import importar_com_avisos, ler
    from pacto.store import Workspace

    caminho = caminho_workspace()
    if not caminho.exists():
        rede = ler(arquivo).rede
        ws = Workspace.criar(caminho, Rede(rede.nome, rede.uf, rede.municipio))
        try:
            resultado = importar_com_avisos(ws, arquivo)
        except BaseException:
            ws.fechar()
            for sufixo in ("", "-wal", "-shm"):
                Path(f"{caminho}{sufixo}").unlink(missing_ok=True)
            raise
        ws.fechar()
    else:
        resultado = importar_com_avisos(workspace(), arquivo, substituir=substituir)
    rc = resultado.rc
    click.echo(
        f"Pacote importado: {len(rc.instituicoes)} instituições, {len(rc.atribuicoes)} atribuições, "
        f"{len(rc.encaminhamentos)} encaminhamentos."
    )
    if resultado.copia_anterior:
        click.echo(f"O conteúdo anterior foi guardado em {resultado.copia_anterior}.")
    for aviso in resultado.avisos:
        click.secho(f"Aviso: {aviso}", fg="yellow", err=True)


@click.command()
@click.argument("destino", required=False, metavar="[DESTINO]", type=click.Path(path_type=Path))
def backup(destino: Path | None) -> None:
    """Faz uma cópia de segurança do workspace (seguro com a interface aberta).

    Sem DESTINO, grava ao lado do workspace com a data e a hora no nome.
    """
    from datetime import datetime

    ws = workspace()
    carimbo = datetime.now().strftime("%Y%m%d-%H%M%S")
    if destino is None:
        origem = caminho_workspace()
        destino = origem.with_name(f"{origem.stem}-backup-{carimbo}{origem.suffix or '.db'}")
    elif destino.is_dir():
        destino = destino / f"{caminho_workspace().stem}-backup-{carimbo}.db"
    ws.backup(destino)
    click.echo(f"Cópia de segurança gravada em {destino}.")


@click.command()
@click.argument("arquivo", metavar="ARQUIVO", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--sim", "confirmado", is_flag=True, help="Não pergunta antes de restaurar.")
def restaurar(arquivo: Path, confirmado: bool) -> None:
    """Restaura o workspace a partir de uma cópia de segurança.

    Antes, guarda uma cópia do conteúdo atual na pasta de cópias automáticas.
    """
    from pacto.domain.errors import ErroWorkspace
    from pacto.store.opening import inspecionar

    if not arquivo.exists():
        raise ErroWorkspace(f"Arquivo não encontrado: {arquivo}. Nada foi alterado.")
    inspecionar(arquivo)
    caminho = caminho_workspace()
    if not confirmado and not confirmar(
        f"Substituir todo o conteúdo de {caminho} pelo de {arquivo}?"
    ):
        click.echo("Nada foi alterado.")
        return
    anterior = workspace().restaurar(arquivo)
    click.echo(f"Workspace restaurado a partir de {arquivo}.")
    click.echo(f"O conteúdo anterior foi guardado em {anterior}.")
