"""The `pacto modelos` subcommands: export, choose and check the Word templates, set the documents' data."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import caminho_workspace, console, esc, workspace


@click.command()
@click.argument("pasta", type=click.Path(file_okay=False, path_type=Path))
@click.option("--sobrescrever", is_flag=True, help="Troca modelos já existentes na pasta.")
def exportar(pasta: Path, sobrescrever: bool) -> None:
    """Copia os modelos padrão para PASTA, para adaptar no Word (cabeçalho, fontes, textos)."""
    from pacto.services.documentos.modelos import exportar as copiar

    for caminho in copiar(pasta, sobrescrever):
        click.echo(str(caminho))
    click.echo(
        "Adapte os arquivos no Word (e a redação dos artigos dos atos em textos-atos.toml, "
        "num editor de texto), mantendo as marcações entre chaves, e depois rode "
        f"“pacto modelos usar {pasta}”."
    )


@click.command()
@click.argument("pasta", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--padrao", is_flag=True, help="Volta a usar os modelos que vêm com o pacto.")
def usar(pasta: Path | None, padrao: bool) -> None:
    """Passa a gerar os documentos com os modelos adaptados de PASTA.

    Um documento cujo modelo não estiver na pasta usa o modelo padrão.
    """
    from pacto.domain.errors import ErroDocumento
    from pacto.services.documentos.amostra import chaves_por_tipo
    from pacto.services.documentos.modelos import CHAVE_CONFIGURACAO, TIPOS, verificar

    if padrao == (pasta is not None):
        raise click.UsageError("Informe a PASTA dos modelos ou --padrao.")
    ws = workspace()
    if padrao:
        ws.definir_configuracao(CHAVE_CONFIGURACAO, None)
        click.echo("Os documentos voltam a usar os modelos padrão do pacto.")
        return
    try:
        pasta = pasta.resolve()
        existe = pasta.is_dir()
    except OSError as erro:
        from pacto.domain.errors import motivo_os

        raise ErroDocumento(
            f"A pasta {str(pasta)[:200]} não pode ser usada: {motivo_os(erro)}."
        ) from erro
    if not existe:
        raise ErroDocumento(f"A pasta {pasta} não existe.")
    from pacto.services.documentos.textos import ARQUIVO

    arquivos = [*(t.arquivo for t in TIPOS.values()), ARQUIVO]
    if not any((pasta / nome).is_file() for nome in arquivos):
        nomes = ", ".join(t.arquivo for t in TIPOS.values())
        raise ErroDocumento(
            f"{pasta} não tem nenhum modelo do pacto ({nomes}). Comece com “pacto modelos "
            "exportar PASTA”."
        )
    verificados = verificar(pasta, chaves_por_tipo())
    quebrados = [v for v in verificados if v.erro]
    if quebrados:
        raise ErroDocumento(quebrados[0].erro)
    ws.definir_configuracao(CHAVE_CONFIGURACAO, str(pasta))
    click.echo(f"Os documentos passam a usar os modelos de {pasta}.")
    for item in verificados:
        if item.riscos:
            click.secho(
                f"Atenção: o modelo {item.caminho.name} tem marcações que o pacto recusa ou "
                f"interrompe ({'; '.join(item.riscos)}); esse documento não será gerado até "
                "que o modelo seja corrigido.",
                fg="yellow",
                err=True,
            )


@click.command(name="verificar")
@click.argument("pasta", required=False, type=click.Path(file_okay=False, path_type=Path))
def verificar_cmd(pasta: Path | None) -> None:
    """Confere os modelos: marcações que o pacto não preenche e dados que nenhum modelo usa.

    Sem PASTA, confere os modelos em uso no workspace (ou os padrão).
    """
    from pacto.services.documentos.amostra import chaves_por_tipo
    from pacto.services.documentos.modelos import pasta_escolhida, verificar

    if pasta is None and caminho_workspace().exists():
        pasta = pasta_escolhida(workspace())
    resultado = verificar(pasta, chaves_por_tipo())
    problemas = 0
    for item in resultado:
        origem = "adaptado" if item.adaptado else "padrão"
        titulo = f"{item.tipo.descricao} ({item.caminho.name}, {origem})"
        marca = click.style("✔", fg="green") if item.ok else click.style("✗", fg="red")
        if item.erro:
            problemas += 1
            click.echo(f"{marca} {titulo}: {item.erro}")
            continue
        click.echo(f"{marca} {titulo}")
        if item.nao_preenchidos:
            problemas += 1
            click.echo(
                "    Marcações que o pacto não preenche (sairão em branco): "
                + ", ".join(item.nao_preenchidos)
            )
        if item.riscos:
            problemas += 1
            click.echo(
                "    Marcações que o pacto recusa ou interrompe (o documento não será gerado):"
            )
            for risco in item.riscos:
                click.echo(f"      - {risco}")
        if item.nao_usados:
            click.echo("    Dados que o modelo não usa: " + ", ".join(item.nao_usados))
    from pacto.services.documentos.modelos import verificar_textos

    caminho, desconhecidas = verificar_textos(pasta)
    if desconhecidas:
        problemas += 1
        click.echo(f"{click.style('✗', fg='red')} Textos dos atos ({caminho.name})")
        click.echo("    Marcações que o pacto não preenche: " + ", ".join(desconhecidas))
    else:
        click.echo(f"{click.style('✔', fg='green')} Textos dos atos ({caminho.name})")
    if problemas:
        raise click.exceptions.Exit(1)


@click.command()
@click.option("--orgao", help="Sigla do órgão na epígrafe (ex.: SEJUC).")
@click.option("--orgao-nome", help="Nome do órgão, no cabeçalho dos documentos.")
@click.option("--autoridade", help="Quem edita o ato, com o artigo (ex.: “A SECRETÁRIA DE …”).")
@click.option("--fundamento", help="Base da competência (ex.: “o art. 71, inciso II, da …”).")
@click.option("--signatario", help="Nome de quem assina o ato.")
@click.option("--cargo", help="Cargo de quem assina o ato.")
@click.option("--local", help="Cidade do fecho (ex.: “Boa Vista/RR”).")
@click.option("--diario-oficial", help="Diário Oficial onde se publicam o ato e os extratos.")
@click.option("--ato-instituidor", help="Ato que instituiu o Fluxo, citado nos Termos.")
@click.option("--representante-coordenacao", help="Quem assina os Termos pela coordenação.")
@click.option("--cargo-representante-coordenacao", help="Cargo de quem assina pela coordenação.")
@click.option("--chefe-executivo", help="Nome do Governador ou Prefeito, que assina o Decreto.")
@click.option("--palacio", help="Sede do governo no fecho do Decreto (ex.: “Palácio …”).")
@click.option(
    "--artigo-constituicao",
    help="Artigo da Constituição do Estado (ou Lei Orgânica) citado no preâmbulo do Decreto.",
)
@click.option(
    "--estilo-artigos",
    type=click.Choice(["lc95", "sp"]),
    help="lc95: “Art. 1º … Art. 10.”; sp: “Artigo 1º - …”.",
)
def configurar(**valores) -> None:
    """Define os dados dos documentos que a rede não guarda (quem edita o ato, onde se assina).

    Sem opções, mostra a configuração atual. Use "" para apagar um valor.
    """
    from rich.table import Table

    from pacto.services.documentos.configuracao import CAMPOS, gravar, ler

    ws = workspace()
    informados = {chave: valor for chave, valor in valores.items() if valor is not None}
    dados = gravar(ws, informados) if informados else ler(ws)
    tabela = Table("Configuração", "Valor", "Exemplo", title="Dados dos documentos")
    for chave, (descricao, exemplo) in CAMPOS.items():
        valor = getattr(dados, chave)
        tabela.add_row(
            esc(descricao),
            esc(valor) if valor else "[dim](não informado)[/]",
            f"[dim]{esc(exemplo)}[/]",
        )
    console().print(tabela)
