"""Helpers shared by subcommands: the workspace from the context and rich output."""

from __future__ import annotations

import click


def opcao_sobrescrever(funcao):
    """The `--sobrescrever` flag of every command that writes a file."""
    return click.option(
        "--sobrescrever",
        is_flag=True,
        help="Substitui um arquivo que já existe e foi alterado depois de gerado pelo pacto "
        "(ou que o pacto não gerou).",
    )(funcao)


def workspace():
    """The workspace named by --db, opened for the current command."""
    return click.get_current_context().find_root().obj.workspace()


def caminho_workspace():
    """The path named by --db."""
    return click.get_current_context().find_root().obj.caminho


def caminho_workspace_texto() -> str:
    """The path named by --db, as typed (for the light read path, which avoids pathlib)."""
    return click.get_current_context().find_root().obj.texto


def para_terminal(texto: str) -> str:
    """Text safe to print: control characters and undecodable bytes shown as escapes.

    A name pasted with an ESC sequence must not repaint the user's terminal, and a lone
    surrogate (from bytes that are not UTF-8) must not crash the output.
    """
    if texto.isprintable():
        return texto
    partes = []
    for caractere in texto:
        codigo = ord(caractere)
        if caractere in "\n\t" or (
            codigo >= 0x20 and codigo != 0x7F and not 0xD800 <= codigo <= 0xDFFF
        ):
            partes.append(caractere)
        elif codigo <= 0xFF:
            partes.append(f"\\x{codigo:02x}")
        else:
            partes.append(f"\\u{codigo:04x}")
    return "".join(partes)


def argumento_ilegivel(argumento: str) -> bool:
    """True for a command-line argument no text field can take: a NUL or undecodable bytes."""
    return "\x00" in argumento or any(0xD800 <= ord(c) <= 0xDFFF for c in argumento)


def esc(valor) -> str:
    """A value from the workspace or the user inside rich markup: shown as typed, never read as
    a tag (“Centro [/] Sul” would otherwise crash the output), control characters visible."""
    from rich.markup import escape

    return escape(para_terminal(str(valor)))


def console(erro: bool = False):
    """A rich console for tables and coloured output."""
    from rich.console import Console

    return Console(stderr=erro, highlight=False)


def imprimir_json(dados) -> None:
    """Print data as indented UTF-8 JSON on standard output."""
    import json

    click.echo(json.dumps(dados, ensure_ascii=False, indent=2))


def confirmar(pergunta: str) -> bool:
    """Ask a yes/no question in Portuguese (s/sim, n/não); no answer or no terminal means no."""
    while True:
        try:
            resposta = click.prompt(f"{pergunta} [s/N]", default="", show_default=False)
        except click.Abort:
            return False
        resposta = resposta.strip().lower()
        if resposta in ("s", "sim"):
            return True
        if resposta in ("", "n", "nao", "não"):
            return False
        click.echo("Responda s (sim) ou n (não).")


class Caminho(click.Path):
    """A click path option or argument the command gets as a `pathlib.Path`; pathlib is
    imported only when a value arrives, so listing commands (`pacto --help`) stays light."""

    def coerce_path_result(self, valor):
        from pathlib import Path

        return valor if isinstance(valor, Path) else Path(valor)


class GrupoPreguicoso(click.Group):
    """A command group whose subcommands live in other modules and load only when used.

    Building click options costs time; `pacto --help` lists groups without paying for the
    options of every subcommand inside them.
    """

    def __init__(self, *args, preguicosos: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.preguicosos = dict(preguicosos or {})  # name -> "module:attribute"

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.preguicosos})

    def get_command(self, ctx: click.Context, nome: str) -> click.Command | None:
        alvo = self.preguicosos.get(nome)
        if alvo is None:
            return super().get_command(ctx, nome)
        import importlib

        modulo, atributo = alvo.split(":")
        return getattr(importlib.import_module(modulo), atributo)


def instituicao_por_sigla(ws, sigla: str):
    """The institution with that acronym (case and accents ignored), or a clear error."""
    from pacto.domain.errors import ErroValidacao

    inst = ws.instituicao_por_sigla(sigla)
    if inst is None:
        raise ErroValidacao(f"Nenhuma instituição com a sigla “{sigla}”.")
    return inst


def etapa_por_texto(ws, texto: str):
    """The stage named by key, name or sigla, accents and case optional (“Pos-Resgate”)."""
    from pacto.domain.celulas_planilha import etapa_por_texto as achar
    from pacto.domain.errors import ErroValidacao

    etapas = ws.etapas()
    etapa = achar(texto, etapas)
    if etapa is None:
        nomes = ", ".join(f"{e.nome} ({e.chave})" for e in etapas)
        raise ErroValidacao(f"Etapa desconhecida: “{texto}”. Etapas do fluxo: {nomes}.")
    return etapa


def fluxo_escolhido(ws, numero: int | None):
    """The flow named by --fluxo N, or the only flow; a clear error when there are several."""
    from pacto.domain.errors import ErroValidacao

    fluxos = ws.fluxos()
    if numero is None:
        if len(fluxos) == 1:
            return fluxos[0]
        lista = ", ".join(f"{f.id} ({f.nome})" for f in fluxos)
        raise ErroValidacao(f"A rede tem {len(fluxos)} fluxos; indique --fluxo N: {lista}.")
    for fluxo in fluxos:
        if fluxo.id == numero:
            return fluxo
    existentes = ", ".join(str(f.id) for f in fluxos)
    raise ErroValidacao(f"Não há fluxo número {numero}. Fluxos da rede: {existentes}.")


def aceitar_privacidade(mesmo_assim: bool = True) -> None:
    """Let this command store text the privacy policy flags: the user chose --mesmo-assim."""
    if not mesmo_assim:
        return
    raiz = click.get_current_context().find_root().obj
    raiz.mesmo_assim = True
    if getattr(raiz, "_ws", None) is not None:
        raiz._ws.aceitar_alertas_privacidade = True


def _ao_pedir_mesmo_assim(ctx: click.Context, _param, valor: bool) -> bool:
    if valor and ctx.find_root().obj is not None:
        aceitar_privacidade(True)
    return valor


def opcao_mesmo_assim(
    ajuda: str = "Grava mesmo que o texto pareça conter dado pessoal de vítima.",
    expor: bool = False,
):
    """The `--mesmo-assim` option: store text the privacy policy flags, because the user says so."""
    return click.option(
        "--mesmo-assim",
        is_flag=True,
        expose_value=expor,
        callback=_ao_pedir_mesmo_assim,
        help=ajuda,
    )
