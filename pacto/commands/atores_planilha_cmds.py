"""`pacto atores importar|exportar`: the network's actors in from spreadsheets, out as a table."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import opcao_mesmo_assim, opcao_sobrescrever, workspace
from pacto.domain.colunas_planilha import nomes_dos_campos

LIMITE_LISTA = 20


@click.command()
@click.argument("arquivo", metavar="ARQUIVO", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--simular",
    is_flag=True,
    help="Mostra o que seria criado, atualizado e rejeitado, sem gravar nada.",
)
@click.option(
    "--coluna",
    "colunas",
    multiple=True,
    metavar='CAMPO="Título"',
    help='Indica à mão a coluna de um campo, ex.: --coluna nome="Nome do serviço". Pode repetir. '
    f"Campos: {nomes_dos_campos()}.",
)
@click.option(
    "--aba",
    metavar="NOME",
    help="Aba da planilha .xlsx (padrão: a aba ativa ou a primeira com cabeçalho reconhecido).",
)
@click.option(
    "--completo", is_flag=True, help="Lista todas as instituições e avisos, não só os primeiros."
)
@opcao_mesmo_assim()
def importar(
    arquivo: Path, simular: bool, colunas: tuple[str, ...], aba: str | None, completo: bool
) -> None:
    """Importa instituições, pontos focais e atribuições de uma planilha .xlsx ou .csv.

    O cabeçalho é achado sozinho, mesmo abaixo de linhas de título, e os nomes das colunas
    podem variar (“Instituição”, “Órgão”, “E-mail”, “Correio eletrônico”, “Etapa”,
    “Atribuições”, “Ponto focal”…). Células mescladas valem para todas as linhas que cobrem;
    linhas em branco e repetidas são puladas; colunas desconhecidas são ignoradas e listadas.

    Cada instituição precisa de sigla (numa coluna própria ou entre parênteses no nome, como
    “Polícia Federal (PF)”), a não ser que o nome já exista no workspace. Quem já existe (mesma
    sigla ou mesmo nome, sem diferenciar acentos e maiúsculas) é atualizado, não duplicado.
    As linhas válidas são gravadas juntas; as rejeitadas são listadas com o número da linha e
    o motivo.
    """
    from pacto.services.planilhas import importar_planilha

    plano = importar_planilha(workspace(), arquivo, colunas, aba, simular=simular)
    _imprimir_plano(plano, completo)
    if simular:
        click.echo("Simulação: nada foi gravado.")
    elif plano.tem_o_que_gravar:
        click.secho(plano.resumo_gravado(), fg="green")
    else:
        click.echo("Nada a gravar: a planilha não traz mudanças válidas.")


def _imprimir_plano(plano, completo: bool) -> None:
    from pacto.domain.importacao import descrever_linhas

    onde = f" · aba “{plano.aba}”" if plano.aba else ""
    click.echo(f"Planilha: {plano.arquivo}{onde} · cabeçalho na linha {plano.linha_cabecalho}")
    reconhecidas = ", ".join(
        f"{c.cabecalho} → {c.rotulo}{' (indicada à mão)' if c.manual else ''}"
        for c in plano.colunas
    )
    click.echo(f"Colunas reconhecidas: {reconhecidas}")
    if plano.ignoradas:
        click.echo(f"Colunas ignoradas: {', '.join(plano.ignoradas)}")
    limite = None if completo else LIMITE_LISTA
    secoes = (
        ("A criar", plano.criar, "+"),
        ("A atualizar", plano.atualizar, "~"),
        ("Sem mudança", plano.inalteradas, "="),
    )
    for titulo, atores_, marca in secoes:
        if not atores_:
            continue
        click.echo(f"\n{titulo} ({len(atores_)}):")
        for ator in atores_[:limite]:
            detalhe = f": {'; '.join(ator.mudancas)}" if ator.mudancas and marca != "+" else ""
            click.echo(f"  {marca} {ator.rotulo} — {descrever_linhas(ator.linhas)}{detalhe}")
        _mais(len(atores_), limite)
    if plano.rejeitadas:
        click.secho(f"\nRejeitadas ({len(plano.rejeitadas)}):", fg="yellow")
        for rejeitada in plano.rejeitadas:
            click.echo(f"  ✖ {rejeitada.descrever()}")
    if plano.avisos:
        click.echo(f"\nAvisos ({len(plano.avisos)}):")
        for aviso in plano.avisos[:limite]:
            click.echo(f"  · {aviso}")
        _mais(len(plano.avisos), limite)
    click.echo(f"\nResumo: {plano.resumo()}")


def _mais(total: int, limite: int | None) -> None:
    if limite is not None and total > limite:
        click.echo(f"  … e mais {total - limite} (use --completo para ver tudo).")


@click.command()
@click.argument("arquivo", metavar="ARQUIVO.xlsx|ARQUIVO.csv", type=click.Path(path_type=Path))
@opcao_sobrescrever
def exportar(arquivo: Path, sobrescrever: bool) -> None:
    """Exporta a tabela de atores da cartilha: Instituição | Etapa | Atribuições | Forma de contato.

    Uma linha por instituição e etapa em que ela tem atribuição (e uma linha para quem ainda
    não tem); a forma de contato reúne telefone, e-mail, site, endereço, horário e o ponto
    focal titular. Em .xlsx, o cabeçalho vem em
    negrito e as colunas na largura certa; em .csv, o arquivo sai em UTF-8 com BOM e separado
    por ponto e vírgula, para abrir direto no Excel. O arquivo traz contatos dos pontos focais
    e fica legível só pelo seu usuário.
    """
    from pacto.services.planilhas import exportar_atores

    ws = workspace()
    destino = exportar_atores(ws.carregar(), arquivo, ws=ws, sobrescrever=sobrescrever)
    click.echo(f"Tabela de atores gravada em {destino}.")
