"""The flow as a diagram text (Graphviz DOT or Mermaid): one lane per stage, left to right.

An institution that acts in several stages appears once in each of those lanes, so every lane
lists everyone who acts there (the question a working group asks of a lane). A referral is drawn
once, from the lane whose duty names the destination into the destination's copy in the
same stage when it acts there (see `raias_do_encaminhamento`), with a legend and the version.
Institutions with no duty yet go to a last, dashed lane, so that nobody silently disappears.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from pacto.domain.lanes import _cita
from pacto.domain.network import RedeCompleta
from pacto.domain.text import sem_caracteres_proibidos

TAMANHO_A4_PAISAGEM = "11.7,8.3"  # inches
TAMANHO_A3_PAISAGEM = "16.5,11.7"
NOS_EM_A4 = 40  # more boxes than this shrink to unreadable text on A4: draw for A3
FONTE = "Helvetica,Arial,sans-serif"
SEM_ATRIBUICAO = "Sem atribuição"
RAIA_VAZIA = "(nenhuma instituição)"


@dataclass
class No:
    """One institution drawn in one lane."""

    id: str
    sigla: str
    dica: str  # full name and what it does in that stage, for SVG tooltips


@dataclass
class Raia:
    """A lane: a stage of the flow (or the lane of institutions with no duty) and its nodes."""

    id: str
    titulo: str
    nos: list[No] = field(default_factory=list)
    sem_etapa: bool = False


@dataclass
class Ligacao:
    """A referral drawn as an arrow between two nodes, labelled with its deadline."""

    origem: str
    destino: str
    rotulo: str
    dica: str
    para_tras: bool = False  # goes to an earlier lane: must not push the lanes around


@dataclass
class Desenho:
    """Everything a diagram shows, independent of the output language."""

    titulo: str
    raias: list[Raia]
    ligacoes: list[Ligacao]
    versao: str = ""  # "Fluxo versão 2 · a3f9c1d0": a printed diagram says what it shows


LEGENDA = (
    "Legenda: cada raia é uma etapa do fluxo; cada caixa, uma instituição que atua nela; "
    "cada seta, um encaminhamento, com o prazo; raia tracejada: instituições ainda sem "
    "atribuição."
)


def _quebrar(texto: str, largura: int = 22) -> str:
    """A label on several short lines instead of cut: '…mínimo de 48 horas' stays whole."""
    return "\n".join(textwrap.wrap(" ".join(texto.split()), largura)) or ""


def _cortar(texto: str, limite: int) -> str:
    texto = " ".join(texto.split())
    return texto if len(texto) <= limite else texto[: limite - 1].rstrip() + "…"


def montar_desenho(rc: RedeCompleta, titulo: str | None = None, versao: str = "") -> Desenho:
    """Lay the network out as lanes and arrows."""
    etapas = rc.etapas_ordenadas
    raias: list[Raia] = []
    lanes_da_inst: dict[int, list[int]] = {}
    textos: dict[tuple[int, int], list[str]] = {}
    for atr in rc.atribuicoes:
        textos.setdefault((atr.instituicao_id, atr.etapa_id), []).append(atr.texto)
    for indice, etapa in enumerate(etapas, start=1):
        raia = Raia(id=f"etapa{indice}", titulo=f"{indice}. {etapa.nome}")
        for inst in rc.instituicoes_por_etapa.get(etapa.id, []):
            faz = " ".join(textos.get((inst.id, etapa.id), []))
            raia.nos.append(
                No(f"n{indice}_{inst.id}", inst.sigla, _cortar(f"{inst.nome}: {faz}", 300))
            )
            lanes_da_inst.setdefault(inst.id, []).append(indice - 1)
        raias.append(raia)
    soltas = [i for i in rc.instituicoes if i.id not in lanes_da_inst]
    if soltas:
        indice = len(raias) + 1
        raia = Raia(id="sem_etapa", titulo=SEM_ATRIBUICAO, sem_etapa=True)
        for inst in sorted(soltas, key=lambda i: i.nome):
            raia.nos.append(No(f"n{indice}_{inst.id}", inst.sigla, _cortar(inst.nome, 300)))
            lanes_da_inst[inst.id] = [indice - 1]
        raias.append(raia)

    ligacoes: list[Ligacao] = []
    vistas: set[tuple[str, str, str]] = set()
    indice_etapa = {e.id: n for n, e in enumerate(etapas)}
    for enc in rc.encaminhamentos:
        destino_inst = rc.instituicao_por_id[enc.destino_id]
        citam = {
            indice_etapa[etapa_id]
            for (inst_id, etapa_id), faz in textos.items()
            if inst_id == enc.origem_id and _cita(" ".join(faz), destino_inst.sigla)
        }
        de, para = raias_do_encaminhamento(
            lanes_da_inst[enc.origem_id], lanes_da_inst[enc.destino_id], citam
        )
        origem = f"n{de + 1}_{enc.origem_id}"
        destino = f"n{para + 1}_{enc.destino_id}"
        prazo = _quebrar(enc.prazo)
        if (origem, destino, prazo) in vistas:
            continue
        vistas.add((origem, destino, prazo))
        dica = _cortar(enc.condicao, 300) if enc.condicao else ""
        ligacoes.append(Ligacao(origem, destino, prazo, dica, para_tras=para < de))
    if titulo is None:
        fluxo = rc.fluxos[0].nome if len(rc.fluxos) == 1 else "Fluxo de atendimento"
        titulo = f"{fluxo}\n{rc.rede.nome}"
    return Desenho(titulo=titulo, raias=raias, ligacoes=ligacoes, versao=versao)


def raias_do_encaminhamento(
    origens: list[int], destinos: list[int], citam: set[int] = frozenset()
) -> tuple[int, int]:
    """The lanes an arrow joins: the stage the referral belongs to.

    It leaves a lane whose duty names the destination, if any; a referral between two
    institutions that both act in that stage stays in it (MPF-RR asks PF-RR for the rescue in
    Resgate, not in Pós-Resgate); otherwise the case moves forward to the destination's next
    stage, and only as a last resort back. Ties go to the later stage.
    """

    def custo(par: tuple[int, int]) -> tuple[int, int, int, int]:
        o, d = par
        sentido = 0 if d == o else 1 if d > o else 2
        return (o not in citam, sentido, abs(d - o), -o)

    return min(((o, d) for o in origens for d in destinos), key=custo)


# -- Graphviz DOT -------------------------------------------------------------------------------


def escapar_dot(texto: str) -> str:
    """Text safe inside a DOT double-quoted string: backslashes, quotes and line breaks
    escaped, “&” written as an entity (Graphviz reads `&amp;` and `&#x1F;` in labels), control
    characters (which Graphviz refuses) dropped."""
    texto = sem_caracteres_proibidos(texto).replace("&", "&amp;")
    texto = texto.replace("\\", "\\\\").replace('"', '\\"')
    return texto.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _q(texto: str) -> str:
    return f'"{escapar_dot(texto)}"'


def gerar_dot(rc: RedeCompleta, titulo: str | None = None, versao: str = "") -> str:
    """The flow in Graphviz DOT, laid out left to right and sized for an A4 landscape page (A3
    when the network is large), with a legend and, when given, the version it shows."""
    desenho = montar_desenho(rc, titulo, versao)
    nos = sum(len(r.nos) for r in desenho.raias)
    tamanho = TAMANHO_A3_PAISAGEM if nos > NOS_EM_A4 else TAMANHO_A4_PAISAGEM
    linhas = [
        "digraph fluxo {",
        f'  graph [rankdir=LR, newrank=true, size="{tamanho}", ratio=compress,',
        f'         ranksep=0.7, nodesep=0.12, fontname="{FONTE}", fontsize=16,',
        f'         labelloc=t, label={_q(desenho.titulo)}, charset="UTF-8"];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#333333",',
        f'        fontname="{FONTE}", fontsize=11, height=0.3, margin="0.08,0.03"];',
        f'  edge [fontname="{FONTE}", fontsize=9, color="#444444", arrowsize=0.7];',
    ]
    for raia in desenho.raias:
        estilo = '"rounded,dashed"' if raia.sem_etapa else '"rounded,filled"'
        linhas += [
            f"  subgraph cluster_{raia.id} {{",
            f'    label={_q(raia.titulo)}; style={estilo}; fillcolor="#eef3fb"; '
            'color="#3b6ea8"; fontsize=14;',
            f'    {raia.id} [shape=point, style=invis, width=0, height=0, label=""];',
        ]
        for no in raia.nos:
            linhas.append(f"    {no.id} [label={_q(no.sigla)}, tooltip={_q(no.dica)}];")
        if not raia.nos:
            linhas.append(
                f'    {raia.id}_vazia [label={_q(RAIA_VAZIA)}, style="dashed", fontcolor="#666666"];'
            )
        nos = [n.id for n in raia.nos] or [f"{raia.id}_vazia"]
        linhas.append(f"    {{ rank=same; {'; '.join([raia.id, *nos])}; }}")
        linhas.append("  }")
    rodape = LEGENDA + (f"\n{desenho.versao}" if desenho.versao else "")
    linhas.append(
        f'  legenda [shape=note, style="filled", fillcolor="#fafafa", fontsize=10, '
        f"label={_q(_quebrar(rodape, 60))}];"
    )
    if len(desenho.raias) > 1:  # invisible chain of anchors: the lanes stay in stage order
        cadeia = " -> ".join(r.id for r in desenho.raias)
        linhas.append(f"  {cadeia} [style=invis, weight=100];")
    for lig in desenho.ligacoes:
        atributos = [f"tooltip={_q(lig.dica or lig.rotulo or 'Encaminhamento')}"]
        if lig.rotulo:
            atributos.insert(0, f"label={_q(lig.rotulo)}")
        if lig.para_tras:
            atributos.append("constraint=false")
        linhas.append(f"  {lig.origem} -> {lig.destino} [{', '.join(atributos)}];")
    linhas.append("}")
    return "\n".join(linhas) + "\n"


# -- Mermaid ------------------------------------------------------------------------------------

_MERMAID_ESPECIAIS = set('"#<>[]{}|&`\\')


def escapar_mermaid(texto: str) -> str:
    """Text safe inside a Mermaid quoted label: one line, special characters as entity codes."""
    texto = " ".join(sem_caracteres_proibidos(texto).split())
    return "".join(f"#{ord(c)};" if c in _MERMAID_ESPECIAIS else c for c in texto)


def gerar_mermaid(rc: RedeCompleta, titulo: str | None = None) -> str:
    """The flow as a Mermaid `flowchart LR`, one `subgraph` per stage."""
    desenho = montar_desenho(rc, titulo)
    linhas = [f"%% {escapar_mermaid(desenho.titulo)}", "flowchart LR"]
    for raia in desenho.raias:
        linhas.append(f'  subgraph {raia.id}["{escapar_mermaid(raia.titulo)}"]')
        linhas.append("    direction TB")
        for no in raia.nos:
            linhas.append(f'    {no.id}["{escapar_mermaid(no.sigla)}"]')
        if not raia.nos:
            linhas.append(f'    {raia.id}_vazia["{escapar_mermaid(RAIA_VAZIA)}"]')
        linhas.append("  end")
    for anterior, seguinte in zip(desenho.raias, desenho.raias[1:], strict=False):
        linhas.append(f"  {anterior.id} ~~~ {seguinte.id}")
    for lig in desenho.ligacoes:
        if lig.rotulo:
            linhas.append(f'  {lig.origem} -->|"{escapar_mermaid(lig.rotulo)}"| {lig.destino}')
        else:
            linhas.append(f"  {lig.origem} --> {lig.destino}")
    return "\n".join(linhas) + "\n"
