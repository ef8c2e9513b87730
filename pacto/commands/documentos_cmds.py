"""`pacto gerar termo | portaria | fluxo | ata | …`: the Word documents, built from the registry."""

from __future__ import annotations

import sys
from datetime import date, datetime

import click

from pacto.commands.common import Caminho, workspace


class DataBR(click.ParamType):
    """A date typed as 26/11/2026 or 2026-11-26."""

    name = "data"

    def convert(self, valor, param, ctx):
        from pacto.domain.calendario import checar_faixa
        from pacto.domain.errors import ErroValidacao

        if isinstance(valor, date):
            return valor
        for formato in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                lida = datetime.strptime(valor.strip(), formato).date()
            except ValueError:
                continue
            try:
                return checar_faixa(lida)
            except ErroValidacao as erro:
                self.fail(erro.mensagem, param, ctx)
        self.fail(f"“{valor[:40]}” não é uma data; use DD/MM/AAAA, como 26/11/2026.", param, ctx)


def _aplicar(funcao, opcoes: list):
    """Decorate a command with options, in the order they are listed in its help."""
    for opcao in reversed(opcoes):
        funcao = opcao(funcao)
    return funcao


def _guardar_sobrescrever(ctx, _param, valor):
    ctx.meta["pacto.sobrescrever"] = bool(valor)
    return valor


def sobrescrever_pedido() -> bool:
    """Whether the running command was given --sobrescrever."""
    return bool(click.get_current_context().meta.get("pacto.sobrescrever"))


def opcoes_basicas(funcao):
    """--saida, --pdf, --modelos and --sobrescrever, as every `pacto gerar` document command has.

    --sobrescrever is kept in the click context (see `sobrescrever_pedido`) rather than passed
    to each command: the sources of every document carry it to the writer.
    """
    return _aplicar(
        funcao,
        [
            click.option(
                "--saida",
                type=Caminho(file_okay=False),
                default=".",
                show_default="pasta atual",
                metavar="PASTA",
                help="Pasta onde gravar os documentos (criada se não existir).",
            ),
            click.option("--pdf", is_flag=True, help="Converte também em PDF com o LibreOffice."),
            click.option(
                "--modelos",
                "pasta_modelos",
                type=Caminho(file_okay=False),
                metavar="PASTA",
                help="Pasta de modelos adaptados (padrão: a configurada com “pacto modelos usar”).",
            ),
            click.option(
                "--sobrescrever",
                is_flag=True,
                expose_value=False,
                callback=_guardar_sobrescrever,
                help="Substitui documentos que já existem e foram alterados depois de gerados "
                "pelo pacto (ou que o pacto não gerou).",
            ),
        ],
    )


def relatar(lote, pdf: bool) -> None:
    """Print the files written, warnings and what is left to fill; convert to PDF when asked."""
    for arquivo in lote.arquivos:
        click.echo(str(arquivo))
    for aviso in lote.avisos:
        click.secho(f"Aviso: {aviso}", fg="yellow", err=True)
    for nota in lote.ignoradas:
        click.echo(f"Sem Termo: {nota}", err=True)
    for falha in getattr(lote, "falhas", []):
        click.secho(f"Não gerado: {falha}", fg="red", err=True)
    if pdf:
        from pacto.domain.errors import ErroDocumento
        from pacto.services.documentos.pdf import converter

        try:
            pdfs = converter(lote.arquivos)
        except ErroDocumento as erro:
            click.secho(f"Aviso: {erro.mensagem}", fg="yellow", err=True)
        else:
            for arquivo in pdfs:
                click.echo(str(arquivo))
    total = len(lote.arquivos) * (2 if pdf else 1)
    click.echo(f"{total} {'arquivo gravado' if total == 1 else 'arquivos gravados'}.", err=True)
    if getattr(lote, "falhas", []):
        raise click.exceptions.Exit(1)


def _opcoes(parametro) -> list:
    """The click options of one registry parameter (two for the institutions: --todas too)."""
    p = parametro
    comum = {"help": p.ajuda}
    if p.metavar:
        comum["metavar"] = p.metavar
    if p.tipo == "flag":
        return [click.option(p.opcao, p.nome, is_flag=True, help=p.ajuda)]
    if p.tipo == "instituicoes":
        return [
            click.option(p.opcao, p.nome, multiple=True, **comum),
            click.option("--todas", is_flag=True, help="Gera para todas as instituições."),
        ]
    if p.tipo == "escolha":
        return [
            click.option(
                p.opcao,
                p.nome,
                type=click.Choice([chave for chave, _ in p.escolhas]),
                default=p.padrao,
                show_default=True,
                help=p.ajuda,
            )
        ]
    tipo = {"data": DataBR(), "inteiro": int, "fluxo": int, "reuniao": int}.get(p.tipo, str)
    if p.padrao is not None:  # an explicit default=None would satisfy required=True
        comum.update(default=p.padrao, show_default=True)
    return [click.option(p.opcao, p.nome, type=tipo, required=p.obrigatorio, **comum)]


def construir_comando(chave: str) -> click.Command:
    """The `pacto gerar` subcommand of a registry document: its options are its parameters."""
    from pacto.services.documentos.registro import POR_CHAVE, parametros

    documento = POR_CHAVE[chave]

    def executar(saida, pdf, pasta_modelos, **valores) -> None:
        from pacto.services.documentos.catalogo import Pedido, gerar_documento, passos

        todas = valores.pop("todas", False)
        if "instituicoes" in documento.parametros and bool(valores["instituicoes"]) == todas:
            raise click.UsageError("Informe --instituicao SIGLA ou --todas.")
        if "numero" in valores:  # an act's number: digits and the usual separators only
            from pacto.domain.redacao import validar_numero_ato

            valores["numero"] = validar_numero_ato(valores["numero"] or "")
        ws = workspace()
        pedido = Pedido(chave, saida, valores=valores, hoje=valores.get("data"))
        pedido.modelos = pasta_modelos
        pedido.sobrescrever = sobrescrever_pedido()
        quantos = passos(ws, pedido) if todas else 1
        if quantos > 1:
            with click.progressbar(
                length=quantos, label=f"Gerando {documento.nome}", file=sys.stderr
            ) as barra:
                lote = gerar_documento(ws, pedido, lambda: barra.update(1))
        else:
            lote = gerar_documento(ws, pedido)
        relatar(lote, pdf)

    funcao = opcoes_basicas(executar)
    for parametro in reversed(parametros(documento)):
        for opcao in reversed(_opcoes(parametro)):
            funcao = opcao(funcao)
    return click.command(chave, help=documento.descricao)(funcao)


def __getattr__(nome: str) -> click.Command:
    """`pacto gerar termo`, `… portaria`, `… ata`…: every Word document of the registry."""
    if nome.startswith("__"):  # the import system asks for dunders: no registry for those
        raise AttributeError(nome)
    from pacto.services.documentos.registro import POR_CHAVE

    documento = POR_CHAVE.get(nome)
    if documento is None or documento.comando:
        raise AttributeError(nome)
    return construir_comando(nome)
