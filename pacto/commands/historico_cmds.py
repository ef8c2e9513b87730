"""Commands of the change history and of the user's own settings."""

from __future__ import annotations

import click

from pacto.commands.common import (
    confirmar,
    console,
    esc,
    imprimir_json,
    instituicao_por_sigla,
    workspace,
)
from pacto.commands.documentos_cmds import DataBR


@click.group(invoke_without_command=True)
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
@click.pass_context
def historico(ctx: click.Context, desde, sigla: str | None, limite: int, como_json: bool) -> None:
    """Lista as alterações do workspace: quando, quem, o quê, antes e depois.

    Com “purgar TEXTO”, remove de vez um texto do workspace (veja “pacto historico purgar -h”).
    """
    if ctx.invoked_subcommand:
        return
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


MINIMO_PURGA = 4


@historico.command("purgar")
@click.argument("texto", metavar="TEXTO")
@click.option(
    "--backups",
    "com_backups",
    is_flag=True,
    help="Purga também as cópias automáticas (pasta .backups) que ainda guardam o texto.",
)
@click.option("--sim", is_flag=True, help="Não pergunta antes de alterar os registros atuais.")
def purgar(texto: str, com_backups: bool, sim: bool) -> None:
    """Remove de vez um texto do workspace: histórico, registros atuais, páginas livres e WAL.

    Use para um dado pessoal gravado por engano (um CPF, o nome de uma vítima). O texto é
    trocado por “[texto purgado]” onde estiver; o arquivo é reconstruído (VACUUM) e o WAL
    esvaziado. A purga fica registrada no histórico, sem o texto.
    """
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.politica_privacidade import campo
    from pacto.store.purge import MARCA_PURGADO

    if len(texto.strip()) < MINIMO_PURGA:
        raise ErroValidacao(
            f"O texto a purgar precisa ter ao menos {MINIMO_PURGA} caracteres, para não "
            "apagar trechos comuns de todo o workspace."
        )
    ws = workspace()
    achadas = ws.ocorrencias_de_texto(texto)
    arquivos = ws.arquivos_com_texto(texto)
    backups = ws.backups_com_texto(texto)
    if achadas.vazia and not arquivos and not backups:
        click.echo("O texto não está no workspace nem nas cópias automáticas; nada a purgar.")
        return
    if achadas.atuais:
        click.echo(f"O texto está em {len(achadas.atuais)} registro(s) atual(is):")
        for tabela, coluna, rowid in achadas.atuais[:20]:
            click.echo(f" · {campo(tabela, coluna).rotulo} (registro {rowid})")
        if len(achadas.atuais) > 20:
            click.echo(f" · … e mais {len(achadas.atuais) - 20}")
        if not sim and not confirmar(f"Trocar o texto por “{MARCA_PURGADO}” nesses registros?"):
            click.echo("Purga cancelada; nada foi alterado.")
            raise SystemExit(1)
    if achadas.vazia or arquivos:
        _, limpo = ws.purgar_texto(texto)
        click.echo(
            f"Texto purgado do workspace: {len(achadas.atuais)} registro(s) atual(is), "
            f"{len(achadas.historico)} registro(s) do histórico; arquivo compactado e WAL esvaziado."
        )
        if not limpo:
            click.secho(
                "Atenção: o arquivo ainda guarda o texto, porque outro programa (a interface do "
                "pacto, por exemplo) está com o workspace aberto. Feche-o e repita a purga.",
                fg="yellow",
                err=True,
            )
    if not backups:
        return
    if com_backups:
        restantes = ws.purgar_backups(texto)
        click.echo(f"Texto purgado de {len(backups) - len(restantes)} cópia(s) automática(s).")
        for caminho in restantes:
            click.secho(f"Não foi possível purgar {caminho}.", fg="yellow", err=True)
        return
    click.echo(f"{len(backups)} cópia(s) automática(s) ainda guardam o texto:")
    for caminho in backups:
        click.echo(f" · {caminho}")
    click.echo("Para purgá-las também, repita com --backups.")


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
