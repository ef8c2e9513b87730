"""`pacto atores adicionar|editar|remover|listar`: the network's institutions one by one.

The options come from the registry of institution fields (`pacto.domain.campos_ator`), and
every record is saved through the same store call the TUI form uses, so the rules are the same.
"""

from __future__ import annotations

import click

from pacto.commands.common import (
    confirmar,
    imprimir_json,
    instituicao_por_sigla,
    para_terminal,
    workspace,
)
from pacto.domain.campos_ator import CAMPOS, PAPEIS_ATOR

_AJUDAS = {
    "nome": "Nome completo da instituição.",
    "sigla": "Sigla, única na rede (ex.: PF-RR).",
    "tipo": "Tipo do catálogo, pela chave, nome ou sigla (ex.: policia_federal, CREAS).",
    "esfera": "Esfera: federal, estadual, municipal, nacional, sociedade_civil ou internacional.",
    "papel": "Participação: fluxo (membro do fluxo final, o padrão) ou apoio (ponto de apoio, "
    "mapeado mas fora do fluxo final).",
    "personalidade_juridica": "Se o órgão tem personalidade jurídica. Ao cadastrar sem a opção, "
    "vale o tipo: comitês e conselhos não têm e não assinam Termo de Adesão.",
}


def _ajuda(campo) -> str:
    """The help of a field's option: written above for a few, else its label and hint."""
    if campo.chave in _AJUDAS:
        return _AJUDAS[campo.chave]
    dica = campo.dica.removeprefix("Ex.: ")
    return f"{campo.rotulo} (ex.: {dica})." if dica else f"{campo.rotulo}."


def opcoes_dos_campos(obrigatorias: bool):
    """Decorate a command with one option per institution field of the registry.

    `obrigatorias` makes the required fields (nome, sigla) required options, as `adicionar`
    needs; `editar` leaves every option free.
    """

    def decorar(funcao):
        for campo in reversed(CAMPOS):
            if campo.tipo == "sim_nao":
                nome = campo.chave.replace("_", "-")
                opcao = click.option(
                    f"--{nome}/--sem-{nome}", campo.chave, default=None, help=_ajuda(campo)
                )
            elif campo.chave == "papel":
                opcao = click.option(
                    campo.opcao_cli,
                    campo.chave,
                    type=click.Choice(list(PAPEIS_ATOR), case_sensitive=False),
                    help=_ajuda(campo),
                )
            else:
                opcao = click.option(
                    campo.opcao_cli,
                    campo.chave,
                    metavar="TEXTO",
                    required=obrigatorias and campo.obrigatorio,
                    help=_ajuda(campo),
                )
            funcao = opcao(funcao)
        return funcao

    return decorar


def _valores(opcoes: dict) -> dict:
    """The options given on the command line, tipo and esfera turned into catalogue keys."""
    from pacto.domain.catalog import tipos_instituicao
    from pacto.domain.celulas_planilha import descrever_esferas, normalizar_esfera, normalizar_tipo
    from pacto.domain.errors import ErroValidacao

    valores = {c: v for c, v in opcoes.items() if v is not None}
    problemas = []
    if valores.get("tipo"):
        tipo = normalizar_tipo(valores["tipo"])
        if tipo not in tipos_instituicao():
            problemas.append(
                f"Tipo desconhecido: “{valores['tipo']}”. Tipos do catálogo: "
                + ", ".join(sorted(tipos_instituicao()))
                + "."
            )
        valores["tipo"] = tipo
    if valores.get("esfera"):
        esfera = normalizar_esfera(valores["esfera"])
        if esfera is None:
            problemas.append(
                f"Esfera não reconhecida: “{valores['esfera']}”. Use {descrever_esferas()}."
            )
        valores["esfera"] = esfera
    if "papel" in valores:
        valores["papel"] = valores["papel"].lower()
    if problemas:
        raise ErroValidacao(problemas)
    return valores


@click.command("adicionar")
@opcoes_dos_campos(obrigatorias=True)
def adicionar(**opcoes) -> None:
    """Cadastra uma instituição, com as mesmas regras do formulário da interface."""
    from pacto.domain.campos_ator import personalidade_padrao
    from pacto.domain.models import Instituicao

    valores = _valores(opcoes)
    valores.setdefault("personalidade_juridica", personalidade_padrao(valores.get("tipo", "")))
    inst = workspace().salvar_instituicao(Instituicao(**valores))
    click.echo(f"Instituição cadastrada: {para_terminal(inst.rotulo)}.")


@click.command("editar")
@click.argument("sigla_atual", metavar="SIGLA")
@opcoes_dos_campos(obrigatorias=False)
def editar(sigla_atual: str, **opcoes) -> None:
    """Altera os campos informados da instituição SIGLA (--sigla dá uma sigla nova)."""
    from dataclasses import replace

    valores = _valores(opcoes)
    if not valores:
        raise click.UsageError("Informe ao menos um campo a alterar (veja --help).")
    ws = workspace()
    inst = instituicao_por_sigla(ws, sigla_atual)
    salva = ws.salvar_instituicao(replace(inst, **valores))
    click.echo(f"Instituição atualizada: {para_terminal(salva.rotulo)}.")


def descrever_o_que_vai_junto(ws, inst) -> list[str]:
    """What goes along with an institution when it is removed, in sentences."""
    from pacto.domain.text import o_que_vai_junto

    linhas = o_que_vai_junto(ws.dependencias_da_instituicao(inst.id))
    if inst.id in ws.membros_gt():
        linhas.append("Ela sai do grupo de trabalho.")
    if ws.rede().coordenacao_id == inst.id:
        linhas.append("Ela coordena a rede: a rede ficará sem coordenação.")
    return linhas


@click.command("remover")
@click.argument("sigla", metavar="SIGLA")
@click.option("--sim", is_flag=True, help="Não pergunta: remove direto (para scripts).")
def remover(sigla: str, sim: bool) -> None:
    """Remove a instituição SIGLA com seus pontos focais, atribuições e encaminhamentos.

    Antes, diz o que vai junto e pergunta; a remoção não pode ser desfeita.
    """
    ws = workspace()
    inst = instituicao_por_sigla(ws, sigla)
    click.echo(para_terminal(inst.rotulo))
    for linha in descrever_o_que_vai_junto(ws, inst):
        click.echo(f"  {linha}")
    if not sim and not confirmar("Remover esta instituição? Isto não pode ser desfeito."):
        click.echo("Nada foi removido.")
        return
    ws.remover_instituicao(inst.id)
    click.echo(f"Instituição {para_terminal(inst.sigla)} removida.")


@click.command("listar")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def listar(como_json: bool) -> None:
    """Lista as instituições com sigla, participação e pontos focais."""
    from pacto.domain.models import como_dict
    from pacto.domain.text import plural

    rc = workspace().carregar()
    if como_json:
        saida = []
        for inst in rc.instituicoes:
            dados = como_dict(inst)
            dados["pontos_focais"] = [
                {k: v for k, v in como_dict(p).items() if k not in ("id", "instituicao_id")}
                for p in rc.pontos_por_instituicao.get(inst.id, [])
            ]
            saida.append(dados)
        imprimir_json(saida)
        return
    if not rc.instituicoes:
        click.echo("Nenhuma instituição cadastrada. Use “pacto atores adicionar”.")
        return
    coordenacao = rc.rede.coordenacao_id
    for inst in sorted(rc.instituicoes, key=lambda i: i.sigla.casefold()):
        marcas = []
        if inst.id == coordenacao:
            marcas.append("coordenação")
        if inst.papel == "apoio":
            marcas.append("ponto de apoio")
        if not inst.personalidade_juridica:
            marcas.append("sem personalidade jurídica")
        titular = rc.titular(inst.id)
        marcas.append(f"titular: {titular.nome}" if titular else "sem titular")
        click.echo(
            f"{para_terminal(inst.sigla):<14} {para_terminal(inst.nome)}"
            f" — {para_terminal('; '.join(marcas))}"
        )
    click.echo(f"{plural(len(rc.instituicoes), 'instituição', 'instituições')}.")
