"""The `pacto adesao` subcommands: who adhered to which version of the flow, and recording each step."""

from __future__ import annotations

from pathlib import Path

import click

from pacto.commands.common import console, esc, imprimir_json, opcao_mesmo_assim, workspace
from pacto.commands.documentos_cmds import DataBR

SITUACOES_CLI = ("convidada", "termo-enviado", "assinado", "recusado", "desligada")
FILTROS_CLI = ("nao-convidada", *SITUACOES_CLI, "mantida", "readesao-pendente")


@click.command()
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
@click.option(
    "--situacao",
    type=click.Choice(FILTROS_CLI),
    help="Mostra só as instituições nesta situação.",
)
@click.option("--etapa", metavar="ETAPA", help="Mostra só quem atua nesta etapa (sigla ou nome).")
def listar(como_json: bool, situacao: str | None, etapa: str | None) -> None:
    """Lista a situação de adesão de cada instituição à versão vigente do fluxo."""
    from rich.table import Table

    from pacto.domain.adesao import SIMBOLOS
    from pacto.domain.redacao import data_curta
    from pacto.services.adesoes import filtrar, panorama

    ws = workspace()
    if etapa:
        from pacto.commands.reuniao_registro_cmds import etapa_ou_erro

        etapa = etapa_ou_erro(ws, etapa).chave
    quadro = panorama(ws)
    lista = filtrar(quadro.lista, situacao.replace("-", "_") if situacao else None, etapa)
    if como_json:
        dados = quadro.como_dict()
        dados["instituicoes"] = [s.como_dict() for s in lista]
        imprimir_json(dados)
        return
    saida = console()
    saida.print(esc(quadro.cabecalho))
    tabela = Table("Instituição", "Etapas", "Situação", "Versão", "Data", "Por quê")
    for s in lista:
        tabela.add_row(
            esc(f"{s.instituicao.nome} ({s.instituicao.sigla})"),
            esc(" ".join(e.sigla for e in s.etapas)),
            f"{SIMBOLOS[s.situacao]} {s.rotulo}",
            str(s.versao or "—"),
            data_curta(s.data) if s.data else "—",
            esc(s.motivo),
        )
    saida.print(tabela)
    for alerta in quadro.alertas():
        saida.print(f"[yellow]! {esc(alerta)}[/]")
    for s in lista:
        if s.mudancas:
            saida.print(
                f"{esc(s.instituicao.sigla)} — o que mudou nos seus compromissos desde a versão "
                f"{s.versao} (Termo Aditivo: pacto gerar termo --aditivo --instituicao "
                f"{esc(s.instituicao.sigla)}):"
            )
            for m in s.mudancas:
                saida.print(f"  • {esc(m.texto)}")


@click.command()
@click.argument("sigla")
@click.option("--situacao", required=True, type=click.Choice(SITUACOES_CLI), help="Nova situação.")
@click.option(
    "--data", type=DataBR(), metavar="DD/MM/AAAA", help="Quando aconteceu (padrão: hoje)."
)
@click.option("--signatario", default="", metavar="NOME", help="Quem assinou pela instituição.")
@click.option("--cargo", default="", metavar="CARGO", help="Cargo de quem assinou.")
@click.option(
    "--sei", "processo", default="", metavar="N", help="Número do processo (SEI ou outro)."
)
@click.option(
    "--doe",
    "diario_oficial",
    default="",
    metavar="REF",
    help="Publicação do extrato no Diário Oficial.",
)
@click.option(
    "--arquivo",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PDF",
    help="Termo assinado digitalizado; o pacto guarda o caminho e o SHA-256.",
)
@click.option("--versao", type=int, metavar="N", help="Versão do fluxo (padrão: a mais recente).")
@opcao_mesmo_assim()
def registrar(
    sigla, situacao, data, signatario, cargo, processo, diario_oficial, arquivo, versao
) -> None:
    """Registra um passo da adesão de uma instituição (convite, envio, assinatura…)."""
    from pacto.domain.adesao import ROTULOS
    from pacto.domain.redacao import data_curta
    from pacto.services.adesoes import registrar as gravar

    registro = gravar(
        workspace(),
        sigla,
        situacao.replace("-", "_"),
        data,
        signatario=signatario,
        cargo=cargo,
        processo=processo,
        diario_oficial=diario_oficial,
        arquivo=arquivo,
        versao=versao,
    )
    click.echo(
        f"{sigla}: {ROTULOS[registro.situacao]} em {data_curta(registro.data)} "
        f"(versão {registro.versao_numero} do fluxo)."
    )
    if registro.arquivo_sha256 and arquivo is not None:
        click.echo(f"Arquivo {registro.arquivo} · SHA-256 {registro.arquivo_sha256}")
