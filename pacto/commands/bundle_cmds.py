"""Commands that move a whole workspace: JSON export and import, and backup."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from pacto.commands.common import (
    Caminho,
    caminho_workspace,
    confirmar,
    opcao_mesmo_assim,
    opcao_sobrescrever,
    workspace,
)

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.argument("destino", metavar="DESTINO", type=Caminho())
@click.option(
    "--formato",
    type=click.Choice(["json", "hsds", "csv"]),
    default="json",
    show_default=True,
    help="json: todo o workspace num pacote (DESTINO é o arquivo); hsds: o diretório da rede "
    "em Open Referral HSDS 3.0; csv: a tabela da cartilha para um portal de dados abertos "
    "(nesses dois, DESTINO é uma pasta).",
)
@click.option(
    "--versao",
    type=click.IntRange(min=1),
    metavar="N",
    help="hsds/csv: a versão congelada N (padrão: a última).",
)
@click.option("--rascunho", is_flag=True, help="hsds/csv: o rascunho, em vez da versão congelada.")
@opcao_sobrescrever
def exportar(
    destino: Path, formato: str, versao: int | None, rascunho: bool, sobrescrever: bool
) -> None:
    """Exporta o workspace: pacote JSON portátil ou dados abertos (HSDS, CSV).

    O pacote JSON leva os contatos dos pontos focais e fica legível só pelo seu usuário.
    Os dados abertos saem da última versão congelada do fluxo e nunca levam os pontos focais.
    """
    if formato == "json":
        from pacto.services.bundle import exportar as gravar

        if destino.is_dir():
            raise click.UsageError(f"{destino} é uma pasta; informe o nome do arquivo .json.")
        gravar(workspace(), destino, sobrescrever)
        click.echo(f"Pacote gravado em {destino}.")
        return
    from pacto.services.dados_abertos import conteudo_publicado, exportar_csv, exportar_hsds

    ws = workspace()
    publicado = conteudo_publicado(ws, versao, rascunho)
    if formato == "hsds":
        arquivos = exportar_hsds(ws, destino, publicado, sobrescrever=sobrescrever)
    else:
        arquivos = exportar_csv(ws, destino, publicado, sobrescrever=sobrescrever)
    click.echo(f"Dados abertos ({publicado.rotulo}) gravados em {destino}:")
    for arquivo in arquivos:
        click.echo(f"  {arquivo.name}")
    if publicado.minuta:
        click.secho(
            "Aviso: o fluxo nunca foi congelado (ou você pediu o rascunho); publique dados "
            "abertos de uma versão pactuada (“pacto versao congelar”).",
            fg="yellow",
            err=True,
        )


@click.command()
@click.argument("arquivo", metavar="ARQUIVO.json", type=Caminho(dir_okay=False))
@click.option(
    "--substituir",
    is_flag=True,
    help="Troca todo o conteúdo do workspace pelo do pacote (mostra o que muda, pergunta e "
    "guarda antes uma cópia de segurança).",
)
@click.option(
    "--comparar",
    is_flag=True,
    help="Só mostra o que mudaria (o fluxo, como em “versao diff”, e os outros registros); "
    "não grava nada.",
)
@click.option(
    "--sim",
    is_flag=True,
    help="Com --substituir, não pergunta antes de trocar (sem terminal, nunca pergunta).",
)
@opcao_mesmo_assim()
def importar(arquivo: Path, substituir: bool, comparar: bool, sim: bool) -> None:
    """Importa um pacote JSON do pacto para o workspace.

    Se o workspace ainda não existir, ele é criado com a rede do pacote.
    """
    from pacto.domain.models import Rede
    from pacto.services.bundle import importar_com_avisos, ler
    from pacto.store import Workspace

    caminho = caminho_workspace()
    if comparar or (substituir and caminho.exists()):
        from pacto.services.comparar_pacote import comparar_pacote, linhas_resumo

        if not caminho.exists():
            raise click.ClickException(
                f"Nenhum workspace em {caminho} para comparar; sem --comparar, o pacote cria um."
            )
        comparacao = comparar_pacote(workspace(), arquivo)
        for linha in linhas_resumo(comparacao):
            click.echo(linha)
        if comparar:
            return
        # In a terminal, ask; in a script (no terminal to answer), --substituir is the consent.
        interativo = _interativo()
        if (
            interativo
            and not sim
            and not confirmar("Trocar todo o conteúdo do workspace pelo do pacote?")
        ):
            click.echo("Nada foi alterado (use --sim para não perguntar).")
            raise SystemExit(1)
    if not caminho.exists():
        rede = ler(arquivo).rede
        ws = Workspace.criar(caminho, Rede(rede.nome, rede.uf, rede.municipio))
        try:
            resultado = importar_com_avisos(ws, arquivo)
        except BaseException:
            ws.fechar()
            for sufixo in ("", "-wal", "-shm"):
                caminho.with_name(caminho.name + sufixo).unlink(missing_ok=True)
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


def _interativo() -> bool:
    """True when someone at a terminal can answer a question."""
    import sys

    return bool(sys.stdin and sys.stdin.isatty())


@click.command()
@click.argument("destino", required=False, metavar="[DESTINO]", type=Caminho())
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
@click.argument("arquivo", metavar="ARQUIVO", type=Caminho(dir_okay=False))
@click.option("--sim", "confirmado", is_flag=True, help="Não pergunta antes de restaurar.")
def restaurar(arquivo: Path, confirmado: bool) -> None:
    """Restaura o workspace a partir de uma cópia de segurança.

    Antes, guarda uma cópia do conteúdo atual na pasta de cópias automáticas.
    """
    from pacto.domain.errors import ErroWorkspace
    from pacto.services.config import usuario
    from pacto.store import Workspace
    from pacto.store.opening import ErroDanificado, inspecionar

    if not arquivo.exists():
        raise ErroWorkspace(f"Arquivo não encontrado: {arquivo}. Nada foi alterado.")
    try:
        inspecionar(arquivo, completa=True)
    except ErroDanificado as erro:
        raise ErroWorkspace(
            f"A cópia {arquivo} está danificada e não pode ser restaurada; nada foi alterado. "
            "Escolha outra cópia de segurança."
        ) from erro
    caminho = caminho_workspace()
    if not confirmado and not confirmar(
        f"Substituir todo o conteúdo de {caminho} pelo de {arquivo}?"
    ):
        click.echo("Nada foi alterado.")
        return
    # a damaged workspace opens here (restoring is its cure); its content is kept aside first
    with Workspace.abrir(caminho, usuario(), danos=False) as ws:
        anterior = ws.restaurar(arquivo)
    click.echo(f"Workspace restaurado a partir de {arquivo}.")
    click.echo(f"O conteúdo anterior foi guardado em {anterior}.")
