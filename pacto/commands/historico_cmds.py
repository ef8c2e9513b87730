"""Commands of the change history and of the user's own settings."""

from __future__ import annotations

import click

from pacto.commands.common import console, esc, imprimir_json, instituicao_por_sigla, workspace
from pacto.commands.documentos_cmds import DataBR


@click.command()
@click.option(
    "--desde",
    type=DataBR(),
    metavar="DATA",
    help="A partir desta data (AAAA-MM-DD ou DD/MM/AAAA).",
)
@click.option("--instituicao", "sigla", metavar="SIGLA", help="Só o que envolve esta instituição.")
@click.option(
    "--limite",
    default=200,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Quantas alterações no máximo.",
)
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def historico(desde, sigla: str | None, limite: int, como_json: bool) -> None:
    """Lista as alterações do workspace: quando, quem, o quê, antes e depois."""
    from pacto.domain.historico import descrever, rotulo

    ws = workspace()
    inst_id = None
    if sigla:
        inst = instituicao_por_sigla(ws, sigla)
        inst_id = inst.id
    registros = ws.historico(desde=desde, instituicao_id=inst_id, limite=limite)
    if como_json:
        imprimir_json(
            [
                {
                    "quando": r.quando.isoformat(),
                    "usuario": r.usuario,
                    "tabela": r.tabela,
                    "operacao": r.operacao,
                    "registro": r.registro,
                    "antes": r.antes,
                    "depois": r.depois,
                }
                for r in registros
            ]
        )
        return
    saida = console()
    if not registros:
        saida.print("Nenhuma alteração encontrada.")
    siglas = {i.id: i.sigla for i in ws.instituicoes()}
    for r in registros:
        saida.print(
            f"[dim]{r.quando:%d/%m/%Y %H:%M}[/dim] {esc(descrever(r, rotulo(r, siglas)))}",
            markup=True,
            highlight=False,
        )


@click.group()
def config() -> None:
    """Suas preferências neste computador (valem para todos os workspaces)."""


@config.command("usuario")
@click.argument("nome", required=False, metavar="[NOME]")
def usuario(nome: str | None) -> None:
    """Define (ou mostra) o nome que assina as suas alterações no histórico."""
    from pacto.services import config as preferencias

    if nome is None:
        atual = preferencias.usuario()
        click.echo(atual or "Nenhum nome definido; o histórico usa o login do sistema.")
        return
    caminho = preferencias.definir_usuario(nome)
    click.echo(f"Suas alterações serão assinadas como “{' '.join(nome.split())}” ({caminho}).")


@config.command("tema")
@click.argument("nome", required=False, metavar="[padrao|projetor]")
def tema(nome: str | None) -> None:
    """Define (ou mostra) o tema da interface: padrao ou projetor (alto contraste)."""
    from pacto.services import config as preferencias

    if nome is None:
        atual = preferencias.tema()
        click.echo(f"{atual}: {preferencias.TEMAS[atual]}.")
        return
    caminho = preferencias.definir_tema(nome)
    escolhido = preferencias.tema()
    click.echo(
        f"A interface usará o tema {escolhido} ({preferencias.TEMAS[escolhido]}) ({caminho})."
    )
