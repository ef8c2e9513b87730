"""The sections of the interface, in the order of the number keys, with what each will hold.

A section widget may define `mostrar(rc)` (redraw from a network snapshot) and
`FOCO_INICIAL` (a selector of the control to focus when the section opens).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Secao:
    """One entry of the navigation: key, name and, while still empty, what it will offer."""

    id: str
    tecla: str
    nome: str
    previsto: str = ""
    classe: str = ""  # "module:Class" of the section widget; empty while the section is planned


SECOES = (
    Secao("painel", "1", "Painel", classe="pacto.tui.painel:Painel"),
    Secao(
        "autodiagnostico",
        "2",
        "Autodiagnóstico",
        classe="pacto.tui.autodiagnostico:AutodiagnosticoSecao",
        previsto="O questionário de autodiagnóstico da cartilha (estrutura, posição administrativa, "
        "equipe, limites e potencialidades), respondido em grupo, com o resumo de forças e "
        "limites por dimensão e a comparação com a rodada anterior.",
    ),
    Secao("rede", "3", "Rede", classe="pacto.tui.rede:RedeSecao"),
    Secao(
        "fluxo",
        "4",
        "Fluxo",
        "O fluxo desenhado em raias, uma por etapa, com as instituições de cada etapa e os "
        "encaminhamentos entre elas; as versões congeladas e o que mudou entre elas.",
        classe="pacto.tui.fluxo:FluxoSecao",
    ),
    Secao(
        "pactuacao",
        "5",
        "Pactuação",
        classe="pacto.tui.pactuacao:PactuacaoSecao",
        previsto="Os seis passos da pactuação (grupo de trabalho, fluxo inicial, reunião ampliada, "
        "sugestões, apresentação final e reuniões mensais) e as 14 etapas de elaboração, com a "
        "situação de cada um calculada a partir do que está registrado.",
    ),
    Secao("reunioes", "6", "Reuniões", classe="pacto.tui.reunioes:ReunioesSecao"),
    Secao("adesoes", "7", "Adesões", classe="pacto.tui.adesoes:AdesoesSecao"),
    Secao(
        "alinhamento",
        "8",
        "Alinhamento",
        classe="pacto.tui.alinhamento:AlinhamentoSecao",
        previsto="O checklist do alinhamento mensal, com os itens derivados da rede (pontos focais a "
        "confirmar, ações atrasadas, adesões pendentes) e o que ficou aberto de um mês a outro.",
    ),
    Secao(
        "monitoramento",
        "9",
        "Monitoramento",
        classe="pacto.tui.monitoramento:MonitoramentoSecao",
        previsto="Os indicadores do fluxo com metas por ano ou semestre e a sua evolução, e o envio de "
        "dados agregados ao NETP.",
    ),
    Secao("documentos", "0", "Documentos", classe="pacto.tui.documentos:DocumentosSecao"),
)

POR_ID = {s.id: s for s in SECOES}
