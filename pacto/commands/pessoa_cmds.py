"""`pacto pessoa`: a focal point's rights under the LGPD (art. 18): find, export, erase."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from pacto.commands.common import Caminho, confirmar, console, esc, imprimir_json, workspace

if TYPE_CHECKING:
    from pathlib import Path


@click.group()
def pessoa() -> None:
    """Dados de uma pessoa (ponto focal, participante, signatário): LGPD, art. 18."""


def _mostrar(dados, backups: list[Path]) -> None:
    from pacto.services.pessoas import NOMES_LOCAIS

    saida = console()
    if dados.vazio and not backups:
        saida.print(f"Nenhum dado de “{esc(dados.nome)}” neste workspace.")
        return
    for a in dados.registros:
        onde = NOMES_LOCAIS.get(a.tabela, a.tabela)
        valor = a.dados.get(a.campo) if a.tabela != "versoes" else a.dados.get("nota") or ""
        linha = f" · {onde} (registro {a.registro}): {esc(valor)}"
        if a.mantido:
            linha += f" [yellow]— fica: {esc(a.mantido)}[/yellow]"
        saida.print(linha)
    for a in dados.mencoes:
        saida.print(f" · menção em {esc(a.rotulo)} (registro {a.registro})")
    if dados.historico:
        saida.print(f" · {len(dados.historico)} registro(s) do histórico de alterações")
    for caminho in backups:
        saida.print(f" · cópia automática {esc(caminho)}")


@pessoa.command("listar")
@click.argument("nome", metavar="NOME")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(nome: str, como_json: bool) -> None:
    """Mostra cada lugar onde estão os dados da pessoa (acentos e maiúsculas ignorados)."""
    from pacto.services.pessoas import como_dict, validar_nome

    ws = workspace()
    nome = validar_nome(nome)
    dados = ws.dados_de_pessoa(nome)
    backups = ws.backups_com_pessoa(nome)
    if como_json:
        imprimir_json(como_dict(ws, dados, backups))
        return
    _mostrar(dados, backups)


@pessoa.command("exportar")
@click.argument("nome", metavar="NOME")
@click.option(
    "--saida",
    required=True,
    type=Caminho(dir_okay=False),
    metavar="ARQUIVO",
    help="Arquivo JSON a criar (legível só por você: modo 0600).",
)
def exportar(nome: str, saida: Path) -> None:
    """Exporta em JSON todos os dados da pessoa (cópia para o titular dos dados)."""
    from pacto.services.pessoas import exportar_pessoa

    destino, dados = exportar_pessoa(workspace(), nome, saida)
    total = len(dados.registros) + len(dados.mencoes) + len(dados.historico)
    click.echo(f"Dados de “{dados.nome}” exportados para {destino} ({total} item(ns)).")


@pessoa.command("apagar")
@click.argument("nome", metavar="NOME")
@click.option("--sim", is_flag=True, help="Não pergunta antes de apagar.")
@click.option(
    "--backups",
    "com_backups",
    is_flag=True,
    help="Apaga também das cópias automáticas (pasta .backups).",
)
def apagar(nome: str, sim: bool, com_backups: bool) -> None:
    """Apaga ou anonimiza os dados da pessoa; o signatário de Termo assinado fica (prova legal).

    Pontos focais são excluídos; listas de presença, reuniões, sugestões, ações, textos e o
    histórico ficam com “[nome removido — LGPD]” no lugar do nome.
    """
    from pacto.services.pessoas import NOMES_LOCAIS, validar_nome

    ws = workspace()
    nome = validar_nome(nome)
    dados = ws.dados_de_pessoa(nome)
    backups = ws.backups_com_pessoa(nome)
    if dados.vazio and not backups:
        click.echo(f"Nenhum dado de “{nome}” neste workspace; nada a apagar.")
        return
    _mostrar(dados, backups)
    if not sim and not confirmar(f"Apagar ou anonimizar os dados de “{nome}” acima?"):
        click.echo("Nada foi apagado.")
        raise SystemExit(1)
    feito = ws.apagar_pessoa(nome) if not dados.vazio else dados
    apagados = [a for a in feito.registros if not a.mantido]
    click.echo(
        f"Dados de “{nome}” apagados ou anonimizados: {len(apagados)} registro(s), "
        f"{len(feito.mencoes)} menção(ões) em textos, {len(feito.historico)} registro(s) do histórico."
    )
    for a in feito.registros:
        if a.mantido:
            click.echo(
                f"Mantido: {NOMES_LOCAIS.get(a.tabela, a.tabela)} (registro {a.registro}) — "
                f"{a.mantido}; "
                "a LGPD (art. 16, I) permite guardar o que cumpre obrigação legal."
            )
    if backups and com_backups:
        feitos = ws.apagar_pessoa_dos_backups(nome)
        click.echo(f"Também apagados de {len(feitos)} cópia(s) automática(s).")
    elif backups:
        click.echo(
            f"{len(backups)} cópia(s) automática(s) ainda guardam os dados; repita com --backups "
            "para apagá-los delas também."
        )
