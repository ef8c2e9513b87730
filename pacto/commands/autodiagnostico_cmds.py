"""Commands of the self-diagnosis: start a run, answer questions, see the summary."""

from __future__ import annotations

import click

from pacto.commands.common import console, imprimir_json, opcao_mesmo_assim, workspace

VALORES = {"sim": "sim", "parcial": "parcial", "nao": "nao", "não": "nao", "na": "na"}


@click.group()
def autodiagnostico() -> None:
    """O autodiagnóstico da cartilha (etapa 1), em rodadas que se comparam."""


@autodiagnostico.command("nova-rodada")
@click.option(
    "--metodo", default="", metavar="TEXTO", help="Como foi feito (própria equipe, consultoria…)."
)
@click.option("--participantes", default="", metavar="TEXTO", help="Quem respondeu.")
@opcao_mesmo_assim()
def nova_rodada(metodo: str, participantes: str) -> None:
    """Começa uma nova rodada de respostas."""
    rodada = workspace().nova_rodada_autodiagnostico(metodo=metodo, participantes=participantes)
    click.echo(f"Rodada {rodada.id} iniciada em {rodada.realizada_em:%d/%m/%Y}.")


@autodiagnostico.command("responder")
@click.argument("item", metavar="PERGUNTA")
@click.argument("valor", type=click.Choice(list(VALORES)), metavar="sim|parcial|nao|na")
@click.option("--nota", default="", metavar="TEXTO", help="Observação do grupo.")
@click.option("--evidencia", default="", metavar="TEXTO", help="Em que a resposta se apoia.")
@opcao_mesmo_assim()
def responder(item: str, valor: str, nota: str, evidencia: str) -> None:
    """Responde uma pergunta (pela chave) na rodada mais recente."""
    from pacto.domain.autodiagnostico import Resposta
    from pacto.domain.errors import ErroValidacao

    ws = workspace()
    rodadas = ws.rodadas_autodiagnostico()
    if not rodadas:
        raise ErroValidacao(
            "Nenhuma rodada aberta. Comece com “pacto autodiagnostico nova-rodada”."
        )
    ws.responder_autodiagnostico(rodadas[-1].id, Resposta(item, VALORES[valor], nota, evidencia))
    click.echo("Resposta registrada.")


@autodiagnostico.command("resumo")
@click.option("--json", "como_json", is_flag=True, help="Saída em JSON, para scripts.")
def resumo(como_json: bool) -> None:
    """Forças e limites por dimensão e o que mudou desde a rodada anterior."""
    from pacto.domain.autodiagnostico import comparar, progresso, resumir
    from pacto.domain.errors import ErroValidacao

    rodadas = workspace().rodadas_autodiagnostico()
    if not rodadas:
        raise ErroValidacao("Nenhuma rodada de autodiagnóstico registrada.")
    atual = rodadas[-1]
    mudancas = comparar(rodadas[-2], atual) if len(rodadas) > 1 else []
    dimensoes = resumir(atual)
    if como_json:
        respondidas, total = progresso(atual)
        imprimir_json(
            {
                "rodada": atual.id,
                "realizada_em": atual.realizada_em.isoformat(),
                "respondidas": respondidas,
                "total": total,
                "dimensoes": [
                    {
                        "nome": d.dimensao.nome,
                        "indice": d.indice,
                        "forcas": [i.pergunta for i in d.forcas],
                        "parciais": [i.pergunta for i in d.parciais],
                        "limites": [i.pergunta for i in d.limites],
                    }
                    for d in dimensoes
                ],
                "mudancas": [m.texto for m in mudancas],
            }
        )
        return
    saida = console()
    saida.print(f"[bold]Autodiagnóstico de {atual.realizada_em:%d/%m/%Y}[/bold]")
    for d in dimensoes:
        saida.print(f"[bold]{d.dimensao.nome}[/bold] — {d.rotulo_indice}")
        for item in d.forcas:
            saida.print(f"  ✔ {item.pergunta}")
        for item in d.parciais:
            saida.print(f"  ◐ {item.pergunta}")
        for item in d.limites:
            saida.print(f"  ✘ {item.pergunta}")
    if mudancas:
        saida.print("[bold]Desde a rodada anterior[/bold]")
        for m in mudancas:
            saida.print(f"  {'↑' if m.melhorou else '↓' if m.melhorou is False else '·'} {m.texto}")
