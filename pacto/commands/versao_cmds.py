"""`pacto versao`: freeze the flow as numbered versions, list them and say what changed."""

from __future__ import annotations

import click

from pacto.commands.common import (
    console,
    imprimir_json,
    opcao_mesmo_assim,
    para_terminal,
    workspace,
)


@click.group(subcommand_metavar="COMANDO [ARGS]...")
def versao() -> None:
    """Versões congeladas do fluxo: congelar, listar e comparar.

    Uma versão congelada guarda o fluxo (etapas, instituições, atribuições, encaminhamentos e
    pontos focais) com um número e um hash SHA-256 do conteúdo, e nunca mais muda. As edições
    seguintes vão para o rascunho, que pode ser congelado de novo quando for pactuado.
    """


@versao.command()
@click.option(
    "--nota",
    required=True,
    metavar="TEXTO",
    help="Por que esta versão existe (ex.: “Aprovada na reunião ampliada de 26/11”).",
)
@opcao_mesmo_assim()
def congelar(nota: str) -> None:
    """Congela o rascunho atual como a próxima versão do fluxo."""
    from pacto.domain.versions import diferencas, resumir

    ws = workspace()
    anterior = ws.ultima_versao()
    nova = ws.congelar_versao(nota)
    click.echo(f"Versão {nova.numero} congelada (hash {nova.hash_curto}): {nova.nota}")
    if anterior is not None:
        mudancas = diferencas(anterior.conteudo, nova.conteudo)
        click.echo(f"Em relação à {anterior.rotulo}: {resumir(mudancas)}")
        _readesoes(ws)
    click.echo(f"Hash completo: {nova.hash}")


def _readesoes(ws) -> None:
    """Who must sign a Termo Aditivo for the new version, and that the others stay in force."""
    from pacto.domain.adesao import MANTIDA, READESAO
    from pacto.services.adesoes import panorama

    lista = panorama(ws).lista
    pendentes = [s for s in lista if s.situacao == READESAO]
    mantidas = sum(1 for s in lista if s.situacao == MANTIDA)
    if pendentes:
        nomes = ", ".join(f"{s.instituicao.sigla} ({len(s.mudancas)})" for s in pendentes)
        click.echo(
            f"Termo Aditivo para quem teve compromissos alterados: {nomes} "
            "(pacto gerar termo --aditivo --todas)."
        )
    if mantidas:
        click.echo(f"Adesões mantidas, sem mudanças para a instituição: {mantidas}.")


@versao.command()
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(como_json: bool) -> None:
    """Lista as versões congeladas e diz se o rascunho mudou desde a última."""
    from pacto.services.versoes import rascunho_alterado

    ws = workspace()
    versoes = ws.versoes()
    alterado = rascunho_alterado(ws)
    if como_json:
        imprimir_json(
            {
                "versoes": [
                    {
                        "numero": v.numero,
                        "hash": v.hash,
                        "nota": v.nota,
                        "criado_em": v.criado_em.isoformat(timespec="seconds"),
                        "integra": v.integra,
                    }
                    for v in versoes
                ],
                "rascunho_alterado": alterado,
            }
        )
        return
    saida = console()
    if not versoes:
        saida.print("Nenhuma versão congelada ainda.")
        saida.print("Congele a primeira com “pacto versao congelar --nota TEXTO”.")
        return
    from rich.markup import escape
    from rich.table import Table

    tabela = Table(title="Versões do fluxo")
    tabela.add_column("Nº", justify="right")
    tabela.add_column("Hash")
    tabela.add_column("Congelada em")
    tabela.add_column("Nota")
    for v in versoes:
        marca = "" if v.integra else " [bold red](conteúdo não confere com o hash!)[/]"
        tabela.add_row(
            str(v.numero),
            v.hash_curto,
            v.criado_em.strftime("%d/%m/%Y %H:%M"),
            escape(v.nota) + marca,
        )
    saida.print(tabela)
    ultima = versoes[-1]
    if alterado:
        saida.print(
            f"O rascunho tem alterações desde a {ultima.rotulo}; veja com “pacto versao diff”."
        )
    else:
        saida.print(f"O rascunho é igual à {ultima.rotulo}.")


@versao.command()
@click.argument("a", required=False, metavar="[A]")
@click.argument("b", required=False, metavar="[B]")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def diff(a: str | None, b: str | None, como_json: bool) -> None:
    """Diz o que mudou da versão A para a versão B.

    A e B são números de versão ou a palavra “rascunho”. Sem B, compara A com o rascunho; sem
    nenhum dos dois, compara a última versão congelada com o rascunho.
    """
    from pacto.domain.versions import agrupar, resumir
    from pacto.services.versoes import comparar

    comparacao = comparar(workspace(), a, b)
    if como_json:
        imprimir_json(
            {
                "de": comparacao.antes.rotulo,
                "para": comparacao.depois.rotulo,
                "mudancas": [m.como_dict() for m in comparacao.mudancas],
            }
        )
        return
    saida = console()
    saida.print(f"[bold]{comparacao.titulo}[/bold]", highlight=False)
    if not comparacao.mudancas:
        saida.print("Nenhuma mudança: o conteúdo é o mesmo.")
        return
    saida.print(resumir(comparacao.mudancas))
    for categoria, mudancas in agrupar(comparacao.mudancas).items():
        saida.print(f"\n[bold]{categoria}[/bold]")
        for mudanca in mudancas:
            saida.print(f"  · {para_terminal(mudanca.texto)}", markup=False)
