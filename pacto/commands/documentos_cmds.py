"""`pacto gerar termo | portaria | fluxo`: the documents for signature and publication."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from pacto.commands.common import workspace


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
                type=click.Path(file_okay=False, path_type=Path),
                default=Path("."),
                show_default="pasta atual",
                metavar="PASTA",
                help="Pasta onde gravar os documentos (criada se não existir).",
            ),
            click.option("--pdf", is_flag=True, help="Converte também em PDF com o LibreOffice."),
            click.option(
                "--modelos",
                "pasta_modelos",
                type=click.Path(file_okay=False, path_type=Path),
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


def opcoes_de_saida(funcao):
    """The basic options plus the document date and the flow, for the acts and the Termos."""
    funcao = _aplicar(
        funcao,
        [
            click.option(
                "--data",
                type=DataBR(),
                metavar="DD/MM/AAAA",
                help="Data do documento (padrão: hoje).",
            ),
            click.option(
                "--fluxo",
                "fluxo_id",
                type=int,
                metavar="N",
                help="Número do fluxo, se a rede tiver mais de um (padrão: o primeiro).",
            ),
        ],
    )
    return opcoes_basicas(funcao)


def _fontes(fluxo_id, data):
    from pacto.services.documentos.contexto import fontes

    ws = workspace()
    return ws, fontes(ws, fluxo_id=fluxo_id, hoje=data, sobrescrever=sobrescrever_pedido())


def _pasta_modelos(ws, opcao):
    from pacto.services.documentos.modelos import pasta_escolhida

    return pasta_escolhida(ws, opcao)


def relatar(lote, pdf: bool) -> None:
    """Print the files written, warnings and what is left to fill; convert to PDF when asked."""
    for arquivo in lote.arquivos:
        click.echo(str(arquivo))
    for aviso in lote.avisos:
        click.secho(f"Aviso: {aviso}", fg="yellow", err=True)
    for nota in lote.ignoradas:
        click.echo(f"Sem Termo: {nota}", err=True)
    if pdf:
        from pacto.domain.errors import ErroDocumento
        from pacto.services.documentos.pdf import converter

        try:
            pdfs = converter(lote.arquivos, ws=workspace(), sobrescrever=sobrescrever_pedido())
        except ErroDocumento as erro:
            click.secho(f"Aviso: {erro.mensagem}", fg="yellow", err=True)
        else:
            for arquivo in pdfs:
                click.echo(str(arquivo))
    total = len(lote.arquivos) * (2 if pdf else 1)
    click.echo(f"{total} {'arquivo gravado' if total == 1 else 'arquivos gravados'}.", err=True)


@click.command()
@click.option(
    "--instituicao",
    "siglas",
    multiple=True,
    metavar="SIGLA",
    help="Sigla da instituição (pode repetir).",
)
@click.option("--todas", is_flag=True, help="Um Termo para cada instituição que atua no fluxo.")
@click.option(
    "--aditivo",
    is_flag=True,
    help="Termo Aditivo: só o que mudou nos compromissos da instituição desde a versão que "
    "assinou (com --todas: cada instituição com readesão pendente).",
)
@opcoes_de_saida
def termo(siglas, todas, aditivo, saida, pdf, pasta_modelos, data, fluxo_id) -> None:
    """Gera o Termo de Adesão de uma instituição, ou de todas (um arquivo por sigla)."""
    from pacto.services.documentos import gerar

    if bool(siglas) == todas:
        raise click.UsageError("Informe --instituicao SIGLA ou --todas.")
    ws, f = _fontes(fluxo_id, data)
    pasta = _pasta_modelos(ws, pasta_modelos)
    if aditivo:
        from pacto.services.adesoes import panorama

        lote = gerar.aditivos(
            f,
            panorama(ws, f.rc),
            saida,
            siglas=list(siglas) or None,
            pasta_modelos=pasta,
            representantes=_representantes(ws),
        )
    elif todas:
        from pacto.services.documentos.termo import instituicoes_para_termo

        quantas = len(instituicoes_para_termo(f)[0])
        with click.progressbar(
            length=quantas, label="Gerando Termos de Adesão", file=sys.stderr
        ) as barra:
            lote = gerar.termos(
                f,
                saida,
                pasta_modelos=pasta,
                representantes=_representantes(ws),
                ao_avancar=lambda _inst: barra.update(1),
            )
    else:
        lote = gerar.termos(
            f, saida, siglas=list(siglas), pasta_modelos=pasta, representantes=_representantes(ws)
        )
    if not f.config.representante_coordenacao:
        lote.avisos.append(
            "Quem assina pela coordenação ficou em branco; informe com “pacto modelos "
            "configurar --representante-coordenacao NOME --cargo-representante-coordenacao CARGO”."
        )
    relatar(lote, pdf)


def _representantes(ws):
    """Signatories already recorded in the adhesion tracking fill the Termo's blank lines."""
    from pacto.services.documentos.catalogo import representantes_registrados

    return representantes_registrados(ws)


@click.command()
@click.option(
    "--tipo",
    type=click.Choice(["portaria", "decreto", "gt"]),
    default="portaria",
    show_default=True,
    help="portaria ou decreto que institui o fluxo; gt: portaria do grupo de trabalho.",
)
@click.option("--numero", default="", metavar="N", help="Número do ato, se já houver.")
@click.option("--processo", default="", metavar="N", help="Número do processo (SEI ou outro).")
@click.option(
    "--revoga",
    default="",
    metavar="ATO",
    help="Ato revogado, ex.: “Portaria nº 10, de 2 de março de 2020”.",
)
@click.option(
    "--membros",
    default="",
    metavar="SIGLAS",
    help="GT: siglas separadas por vírgula (padrão: toda a rede).",
)
@click.option(
    "--prazo-dias",
    default=90,
    show_default=True,
    metavar="N",
    help="GT: prazo para concluir os trabalhos.",
)
@opcoes_de_saida
def portaria(
    tipo, numero, processo, revoga, membros, prazo_dias, saida, pdf, pasta_modelos, data, fluxo_id
) -> None:
    """Gera o ato que institui o fluxo (Portaria ou Decreto) ou a Portaria do grupo de trabalho."""
    from pacto.domain.redacao import validar_numero_ato
    from pacto.services.documentos import gerar
    from pacto.services.documentos.ato import DadosDoAto

    numero = validar_numero_ato(numero)
    ws, f = _fontes(fluxo_id, data)
    lote = gerar.ato(
        f,
        saida,
        tipo,
        DadosDoAto(numero=numero.strip(), processo=processo.strip(), revoga=revoga.strip()),
        pasta_modelos=_pasta_modelos(ws, pasta_modelos),
        membros=[s for s in membros.split(",") if s.strip()] or None,
        prazo_dias=prazo_dias,
    )
    if not numero:
        lote.avisos.append("Sem número: a epígrafe saiu com “Nº ____”; use --numero quando houver.")
    if not (f.config.autoridade or tipo == "decreto"):
        lote.avisos.append(
            "Quem edita o ato ficou em branco no preâmbulo; informe com “pacto modelos configurar "
            "--autoridade … --signatario … --cargo …”."
        )
    if tipo != "gt":
        registrar_geracao(ws, "ato")
    relatar(lote, pdf)


@click.command()
@click.option(
    "--pontos-focais",
    is_flag=True,
    help="Inclui os pontos focais (edição para a rede; sem a opção, edição para o público).",
)
@opcoes_de_saida
def fluxo(pontos_focais, saida, pdf, pasta_modelos, data, fluxo_id) -> None:
    """Gera o fluxo publicado: como denunciar, as etapas, quem atua e os contatos."""
    from pacto.services.documentos import gerar

    ws, f = _fontes(fluxo_id, data)
    lote = gerar.fluxo(
        f, saida, pasta_modelos=_pasta_modelos(ws, pasta_modelos), com_pontos_focais=pontos_focais
    )
    registrar_geracao(ws, "fluxo_publicado")
    relatar(lote, pdf)


def registrar_geracao(ws, documento: str) -> None:
    """Remember that a document was generated, as evidence for the roadmap (steps 12 and 13)."""
    from pacto.services.documentos.catalogo import registrar_geracao as registrar

    registrar(ws, documento)
