"""Brazilian Portuguese for click's own words (usage, options, errors), patched in at CLI start."""

from __future__ import annotations

import click

TRADUCOES = {
    "%(prog)s, version %(version)s": "%(prog)s, versão %(version)s",
    "Aborted!": "Interrompido.",
    "Argument {name!r} takes {nargs} values.": "O argumento {name!r} recebe {nargs} valores.",
    "Choose from:\n\t{choices}": "Escolha entre:\n\t{choices}",
    "Commands": "Comandos",
    "Confirm the action without prompting.": "Confirma a ação sem perguntar.",
    "Could not open file {filename!r}: {message}": "Não foi possível abrir {filename!r}: {message}",
    "Do you want to continue?": "Deseja continuar?",
    "Error: The two entered values do not match.": "Erro: os dois valores digitados não coincidem.",
    "Error: invalid input": "Erro: entrada inválida",
    "Error: {message}": "Erro: {message}",
    "Invalid value for {param_hint}: {message}": "Valor inválido para {param_hint}: {message}",
    "Invalid value: {message}": "Valor inválido: {message}",
    "Missing argument": "Falta o argumento",
    "Missing command.": "Falta o comando.",
    "Missing option": "Falta a opção",
    "Missing parameter": "Falta o parâmetro",
    "Missing parameter: {param_name}": "Falta o parâmetro: {param_name}",
    "Missing {param_type}": "Falta {param_type}",
    "No such command {name!r}.": "Comando inexistente: {name!r}.",
    "No such option {name!r}.": "Opção inexistente: {name!r}.",
    "Option {name!r} does not take a value.": "A opção {name!r} não recebe valor.",
    "Options": "Opções",
    "Positional arguments": "Argumentos",
    "Repeat for confirmation": "Repita para confirmar",
    "Show the version and exit.": "Mostra a versão e sai.",
    "Show this message and exit.": "Mostra esta ajuda e sai.",
    "Try '{command} {option}' for help.": "Use '{command} {option}' para ver a ajuda.",
    "Usage:": "Uso:",
    "default: {default}": "padrão: {default}",
    "env var: {var}": "variável de ambiente: {var}",
    "directory": "pasta",
    "file": "arquivo",
    "path": "caminho",
    "{name} {filename!r} does not exist.": "{name} {filename!r} não existe.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} é uma pasta.",
    "{name} {filename!r} is a file.": "{name} {filename!r} é um arquivo.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} não pode ser lido.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} não pode ser gravado.",
    "{value!r} is not a valid {number_type}.": "{value!r} não é um {number_type} válido.",
    "{value} is not in the range {range}.": "{value} não está no intervalo {range}.",
    "integer": "número inteiro",
    "required": "obrigatório",
    "Got unexpected extra argument ({args})": "Argumento a mais inesperado ({args})",
    "Got unexpected extra arguments ({args})": "Argumentos a mais inesperados ({args})",
    "Did you mean {possibility}?": "Você quis dizer {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Você quis dizer um destes: {possibilities}?)",
    "Option {name!r} requires an argument.": "A opção {name!r} exige um valor.",
    "Option {name!r} requires {nargs} arguments.": "A opção {name!r} exige {nargs} valores.",
    "{value!r} is not {choice}.": "{value!r} não é {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} não é um destes: {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} não segue o formato {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} não segue os formatos {formats}.",
}


def traduzir(mensagem: str) -> str:
    """Translate one of click's messages, or return it unchanged."""
    return TRADUCOES.get(mensagem, mensagem)


def traduzir_plural(singular: str, plural: str, n: int) -> str:
    """Translate one of click's singular/plural message pairs."""
    return traduzir(singular if n == 1 else plural)


def instalar() -> None:
    """Make click speak Portuguese by replacing its gettext hooks."""
    from click import core, decorators, exceptions, formatting, parser, termui, types, utils

    for modulo in (core, decorators, exceptions, formatting, parser, termui, types, utils):
        if hasattr(modulo, "_"):
            modulo._ = traduzir
        if hasattr(modulo, "ngettext"):
            modulo.ngettext = traduzir_plural
    click.types.INT.name = "inteiro"
    click.types.FLOAT.name = "número"
    click.types.STRING.name = "texto"
    click.types.IntRange.name = "inteiro"
    click.types.FloatRange.name = "número"
    _usar_metavar_portugues()
    _limitar_inteiros()


MAIOR_INTEIRO = 2**63 - 1  # what SQLite stores; a bigger id or number would overflow there


def _limitar_inteiros() -> None:
    """Refuse, while parsing, whole numbers no workspace can hold (“versao diff 99…9”), with a
    Portuguese message, so no command meets an OverflowError further on."""
    original = click.types.IntParamType.convert
    if getattr(original, "_pacto", False):
        return

    def convert(self, value, param, ctx):
        numero = original(self, value, param, ctx)
        if isinstance(numero, int) and not -MAIOR_INTEIRO <= numero <= MAIOR_INTEIRO:
            texto = str(value)
            self.fail(
                f"{texto[:20]}{'…' if len(texto) > 20 else ''} é um número grande demais "
                f"(o maior aceito é {MAIOR_INTEIRO}).",
                param,
                ctx,
            )
        return numero

    convert._pacto = True
    click.types.IntParamType.convert = convert


def _usar_metavar_portugues() -> None:
    """Show '[OPÇÕES]' and 'COMANDO' instead of click's English usage placeholders."""
    trocas = {
        "options_metavar": {"[OPTIONS]": "[OPÇÕES]"},
        "subcommand_metavar": {
            "COMMAND [ARGS]...": "COMANDO [ARGS]...",
            "[COMMAND] [ARGS]...": "[COMANDO] [ARGS]...",
        },
    }
    for classe in (click.Command, click.Group):
        original = classe.__init__
        if getattr(original, "_pacto", False):
            continue

        def iniciar(self, *args, _original=original, **kwargs):
            _original(self, *args, **kwargs)
            for atributo, nomes in trocas.items():
                valor = getattr(self, atributo, None)
                if valor in nomes:
                    setattr(self, atributo, nomes[valor])

        iniciar._pacto = True
        classe.__init__ = iniciar
