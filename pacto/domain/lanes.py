"""The flow as lanes, one per stage, and its drawing as plain text for a terminal of any width.

`mapear_raias` decides which institutions sit in which lane and which lanes each referral
joins; `desenhar_raias` turns that into lines: lanes stacked one under the other when the
screen is narrow, side by side with arrows between them when it is wide. Pure code, so the
layout is tested without a terminal.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from pacto.domain.models import Encaminhamento, Etapa, Fluxo, Instituicao
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao, plural

LARGURA_MINIMA_RAIA = 18  # narrower than this, lanes are stacked instead of side by side
SEPARADOR = " │ "
SETA = "──▶"
NBSP = "\u00a0"


@dataclass(frozen=True)
class Raia:
    """One lane: a stage and the institutions with a duty in it."""

    etapa: Etapa
    instituicoes: tuple[Instituicao, ...]


@dataclass(frozen=True)
class Seta:
    """A referral placed on the lanes: from which lane of the origin to which lane of the destination."""

    encaminhamento: Encaminhamento
    origem: Instituicao
    destino: Instituicao
    raia_origem: int | None  # index in MapaRaias.raias; None when the origin has no duty
    raia_destino: int | None

    @property
    def rotulo(self) -> str:
        """The referral as a line of text, e.g. 'PF-RR ──▶ NETP-RR (24 horas)'."""
        prazo = f" ({self.encaminhamento.prazo})" if self.encaminhamento.prazo else ""
        return f"{self.origem.sigla} {SETA} {self.destino.sigla}{prazo}"


@dataclass(frozen=True)
class MapaRaias:
    """A flow laid out on lanes: the lanes, the referrals and who has no duty at all."""

    fluxo: Fluxo | None
    raias: tuple[Raia, ...]
    setas: tuple[Seta, ...]
    sem_etapa: tuple[Instituicao, ...]


@dataclass(frozen=True)
class Linha:
    """One line of the drawing and its role (titulo, raia, regua, grade, seta, nota or empty)."""

    texto: str
    estilo: str = ""


def _por_sigla(inst: Instituicao) -> tuple[str, str]:
    return (chave_comparacao(inst.sigla), chave_comparacao(inst.nome))


def mapear_raias(rc: RedeCompleta, fluxo_id: int | None = None) -> MapaRaias:
    """Lay a flow (the first one by default) out on lanes, one per stage in order."""
    fluxo = next((f for f in rc.fluxos if f.id == fluxo_id), rc.fluxos[0] if rc.fluxos else None)
    fid = fluxo.id if fluxo else None
    etapas = rc.etapas_ordenadas
    indice = {e.id: i for i, e in enumerate(etapas)}
    membros: list[set[int]] = [set() for _ in etapas]
    raias_de: dict[int, list[int]] = {}
    for atr in rc.atribuicoes:
        if atr.fluxo_id == fid and atr.etapa_id in indice:
            membros[indice[atr.etapa_id]].add(atr.instituicao_id)
    textos: dict[tuple[int, int], str] = {}
    for atr in rc.atribuicoes:
        if atr.fluxo_id == fid and atr.etapa_id in indice:
            textos[(atr.instituicao_id, indice[atr.etapa_id])] = atr.texto
    for i, ids in enumerate(membros):
        for inst_id in ids:
            raias_de.setdefault(inst_id, []).append(i)
    raias = tuple(
        Raia(etapa, tuple(sorted((rc.instituicao_por_id[i] for i in ids), key=_por_sigla)))
        for etapa, ids in zip(etapas, membros, strict=True)
    )
    setas = []
    for enc in rc.encaminhamentos:
        if enc.fluxo_id != fid:
            continue
        destino = rc.instituicao_por_id[enc.destino_id]
        citam = {
            k
            for k in raias_de.get(enc.origem_id, [])
            if _cita(textos.get((enc.origem_id, k), ""), destino.sigla)
        }
        de, para = _raias_da_seta(
            raias_de.get(enc.origem_id, []), raias_de.get(enc.destino_id, []), citam
        )
        setas.append(
            Seta(
                enc,
                rc.instituicao_por_id[enc.origem_id],
                rc.instituicao_por_id[enc.destino_id],
                de,
                para,
            )
        )
    setas.sort(
        key=lambda s: (
            len(raias) if s.raia_origem is None else s.raia_origem,
            _por_sigla(s.origem),
            _por_sigla(s.destino),
        )
    )
    sem_etapa = tuple(sorted((i for i in rc.instituicoes if i.id not in raias_de), key=_por_sigla))
    return MapaRaias(fluxo, raias, tuple(setas), sem_etapa)


def _cita(texto: str, sigla: str) -> bool:
    """True when a duty's text names an institution by its acronym, as a whole word."""
    return bool(sigla) and re.search(rf"(?<!\w){re.escape(sigla)}(?!\w)", texto) is not None


def _raias_da_seta(
    origens: list[int], destinos: list[int], citam: set[int] = frozenset()
) -> tuple[int | None, int | None]:
    """Pick the lanes a referral joins.

    The arrow leaves, first, a lane where the origin's duty names the destination ("comunica
    o NETP-RR em até 24 horas" in Resgate); then a case moves forward, so an arrow to a later
    lane is preferred to one within a lane or backwards; among equally short arrows the later
    origin wins.
    """
    if not origens or not destinos:
        return (max(origens) if origens else None, min(destinos) if destinos else None)

    def custo(par: tuple[int, int]) -> tuple[int, int, int, int]:
        o, d = par
        sentido = 0 if d > o else 1 if d == o else 2
        return (o not in citam, sentido, abs(d - o), -o)

    return min(((o, d) for o in origens for d in destinos), key=custo)


# -- drawing ------------------------------------------------------------------


def modo_para(mapa: MapaRaias, largura: int) -> str:
    """'lado_a_lado' when every lane gets at least LARGURA_MINIMA_RAIA columns, else 'empilhado'."""
    n = len(mapa.raias)
    if n == 0:
        return "empilhado"
    return "lado_a_lado" if _largura_raia(n, largura) >= LARGURA_MINIMA_RAIA else "empilhado"


def _largura_raia(n: int, largura: int) -> int:
    return (largura - len(SEPARADOR) * (n - 1)) // n


def desenhar_raias(mapa: MapaRaias, largura: int, modo: str | None = None) -> list[Linha]:
    """The whole drawing as lines no wider than `largura` (at least 30 columns are assumed)."""
    largura = max(largura, 30)
    modo = modo or modo_para(mapa, largura)
    linhas = _titulo(mapa, largura)
    if modo == "lado_a_lado":
        linhas += _lado_a_lado(mapa, largura)
    else:
        linhas += _empilhado(mapa, largura)
    return linhas


def _titulo(mapa: MapaRaias, largura: int) -> list[Linha]:
    n_inst = len({i.id for r in mapa.raias for i in r.instituicoes})
    partes = [
        mapa.fluxo.nome if mapa.fluxo else "Fluxo",
        plural(len(mapa.raias), "etapa", "etapas"),
        plural(n_inst, "instituição", "instituições"),
        plural(len(mapa.setas), "encaminhamento", "encaminhamentos"),
    ]
    return _quebrar(
        " · ".join(_inteiro(p) if len(p) < largura else p for p in partes),
        largura,
        "",
        "",
        "titulo",
    )


def _cortar(texto: str, largura: int) -> str:
    """Fit text in a width, marking a cut with an ellipsis."""
    return texto if len(texto) <= largura else texto[: max(largura - 1, 0)] + "…"


def _inteiro(texto: str) -> str:
    """Glue a piece of text so that wrapping never splits it (e.g. 'CREAS Pintolândia')."""
    return texto.replace(" ", NBSP)


def _quebrar(texto: str, largura: int, recuo: str, recuo_seguinte: str, estilo: str) -> list[Linha]:
    """Wrap text at spaces, keeping glued pieces whole, as lines of one style."""
    partes = textwrap.wrap(
        texto,
        width=largura,
        initial_indent=recuo,
        subsequent_indent=recuo_seguinte,
        break_on_hyphens=False,
    )
    return [Linha(p.replace(NBSP, " "), estilo) for p in partes]


def _lista_de_siglas(instituicoes: tuple[Instituicao, ...], largura: int) -> list[Linha]:
    """Acronyms separated by ' · ', wrapped without splitting an acronym from its dot."""
    pecas = [_inteiro(i.sigla) for i in instituicoes]
    texto = " ".join(p + NBSP + "·" for p in pecas[:-1]) + (
        " " + pecas[-1] if len(pecas) > 1 else pecas[-1]
    )
    return _quebrar(texto, largura, "  ", "  ", "grade")


def _seta_quebrada(seta: Seta, largura: int) -> list[Linha]:
    """A referral's line, wrapped only inside its deadline."""
    enc = seta.encaminhamento
    texto = _inteiro(f"{seta.origem.sigla} {SETA} {seta.destino.sigla}")
    if enc.prazo:
        texto += f" ({enc.prazo})"
    return _quebrar(texto, largura, "  ", "      ", "seta")


def _nome_raia(raia: Raia) -> str:
    return f"{raia.etapa.nome} ({raia.etapa.sigla})"


def _empilhado(mapa: MapaRaias, largura: int) -> list[Linha]:
    """Lanes one under the other: the lane, its institutions, then the arrows that leave it."""
    linhas: list[Linha] = []
    por_raia: dict[int | None, list[Seta]] = {}
    for seta in mapa.setas:
        por_raia.setdefault(seta.raia_origem, []).append(seta)
    for i, raia in enumerate(mapa.raias):
        linhas.append(Linha(""))
        cabecalho = (
            f"{i + 1} {_nome_raia(raia)} · "
            f"{plural(len(raia.instituicoes), 'instituição', 'instituições')} "
        )
        linhas.append(Linha(_cortar(cabecalho.ljust(largura, "━"), largura), "raia"))
        if raia.instituicoes:
            linhas += _lista_de_siglas(raia.instituicoes, largura)
        else:
            linhas.append(Linha("  ! nenhuma instituição responsável", "nota"))
        for seta in por_raia.get(i, []):
            linhas += _seta_quebrada(seta, largura)
    linhas += _fora_das_raias(mapa, por_raia.get(None, []), largura)
    return linhas


def _fora_das_raias(mapa: MapaRaias, setas: list[Seta], largura: int) -> list[Linha]:
    """Institutions without any duty in the flow and the referrals that leave them."""
    if not mapa.sem_etapa and not setas:
        return []
    linhas = [Linha("")]
    titulo = f"Sem atribuição neste fluxo · {plural(len(mapa.sem_etapa), 'instituição', 'instituições')} "
    linhas.append(Linha(_cortar(titulo.ljust(largura, "━"), largura), "raia"))
    if mapa.sem_etapa:
        linhas += _lista_de_siglas(mapa.sem_etapa, largura)
    for seta in setas:
        linhas += _seta_quebrada(seta, largura)
    return linhas


# -- side by side ---------------------------------------------------------------


def _lado_a_lado(mapa: MapaRaias, largura: int) -> list[Linha]:
    """Lanes as columns; arrows drawn along a row where origin and destination can meet."""
    n = len(mapa.raias)
    w = _largura_raia(n, largura)
    cabecalho = SEPARADOR.join(_nome_na_coluna(r, w).ljust(w) for r in mapa.raias)
    regua = "─┼─".join("─" * w for _ in mapa.raias)
    linhas = [Linha(""), Linha(cabecalho.rstrip(), "raia"), Linha(regua, "regua")]
    for fila in _filas(mapa):
        linhas.append(Linha(_desenhar_fila(fila, w, n).rstrip(), "grade"))
    vazias = [r.etapa.nome for r in mapa.raias if not r.instituicoes]
    for nome in vazias:
        linhas.append(Linha(f"! {nome}: nenhuma instituição responsável", "nota"))
    linhas += _lista_de_setas(mapa.setas, largura)
    if mapa.sem_etapa:
        linhas.append(Linha(""))
        titulo = f"Sem atribuição neste fluxo ({len(mapa.sem_etapa)})"
        linhas.append(Linha(titulo, "raia"))
        linhas += _lista_de_siglas(mapa.sem_etapa, largura)
    return linhas


def _nome_na_coluna(raia: Raia, w: int) -> str:
    """The lane's name with its acronym when it fits, else the name alone, cut if need be."""
    completo = _nome_raia(raia)
    return completo if len(completo) <= w else _cortar(raia.etapa.nome, w)


# A row of the grid: per lane, None (free), ("no", sigla, has_arrow_out) or ("passa",) for an
# arrow crossing the lane.
_Celula = tuple | None


def _filas(mapa: MapaRaias) -> list[list[_Celula]]:
    """Place every (institution, lane) once, chaining referrals along rows where possible."""
    n = len(mapa.raias)
    # Greedy path cover: each node keeps at most one drawn arrow out and one in.
    saida: dict[tuple[int, int], tuple[int, int]] = {}
    entrada: dict[tuple[int, int], tuple[int, int]] = {}
    candidatas = sorted(
        (
            s
            for s in mapa.setas
            if s.raia_origem is not None
            and s.raia_destino is not None
            and s.raia_origem < s.raia_destino
        ),
        key=lambda s: (s.raia_destino - s.raia_origem, s.raia_origem, _por_sigla(s.origem)),
    )
    for s in candidatas:
        de, para = (s.origem.id, s.raia_origem), (s.destino.id, s.raia_destino)
        if de not in saida and para not in entrada:
            saida[de] = para
            entrada[para] = de
    siglas = {(i.id, k): i.sigla for k, r in enumerate(mapa.raias) for i in r.instituicoes}
    cadeias: list[list[tuple[int, int]]] = []
    for no in sorted(saida, key=lambda no: (no[1], chave_comparacao(siglas[no]))):
        if no in entrada:
            continue
        cadeia = [no]
        while cadeia[-1] in saida:
            cadeia.append(saida[cadeia[-1]])
        cadeias.append(cadeia)
    filas: list[list[_Celula]] = []
    primeira_livre = [0] * n  # per lane, no row above this one has the lane free

    def avancar(k: int) -> None:
        while primeira_livre[k] < len(filas) and filas[primeira_livre[k]][k] is not None:
            primeira_livre[k] += 1

    for cadeia in cadeias:
        inicio, fim = cadeia[0][1], cadeia[-1][1]
        linha = max(primeira_livre[k] for k in range(inicio, fim + 1))
        while linha < len(filas) and any(
            filas[linha][k] is not None for k in range(inicio, fim + 1)
        ):
            linha += 1
        if linha == len(filas):
            filas.append([None] * n)
        fila = filas[linha]
        for k in range(inicio, fim + 1):
            fila[k] = ("passa",)
        for no in cadeia:
            fila[no[1]] = ("no", siglas[no], no in saida)
        for k in range(inicio, fim + 1):
            avancar(k)
    colocados = {no for cadeia in cadeias for no in cadeia}
    for k, raia in enumerate(mapa.raias):
        for inst in raia.instituicoes:
            if (inst.id, k) in colocados:
                continue
            avancar(k)
            if primeira_livre[k] == len(filas):
                filas.append([None] * n)
            filas[primeira_livre[k]][k] = ("no", inst.sigla, False)
    return filas


def _desenhar_fila(fila: list[_Celula], w: int, n: int) -> str:
    """One row of the grid as text: siglas in their lanes, arrows across the separators."""
    passo = w + len(SEPARADOR)
    chars = [" "] * (n * passo - len(SEPARADOR))
    for k in range(1, n):
        chars[k * passo - 2] = "│"
    k = 0
    while k < n:
        celula = fila[k]
        if celula is None or celula[0] != "no":
            k += 1
            continue
        _, sigla, com_seta = celula
        x = k * passo
        rotulo = _cortar(sigla, w - 2 if com_seta else w)
        chars[x : x + len(rotulo)] = rotulo
        if com_seta:
            destino = next(j for j in range(k + 1, n) if fila[j] and fila[j][0] == "no")
            fim = destino * passo - 2
            for pos in range(x + len(rotulo) + 1, fim):
                chars[pos] = "─"
            chars[fim] = "▶"
        k += 1
    return "".join(chars)


def _lista_de_setas(setas: tuple[Seta, ...], largura: int) -> list[Linha]:
    """Every referral with its deadline, in as many columns as the width allows."""
    if not setas:
        return []
    rotulos = [s.rotulo for s in setas]
    linhas = [Linha(""), Linha(f"Encaminhamentos ({len(rotulos)})", "raia")]
    coluna = max(len(r) for r in rotulos)
    colunas = max(1, (largura - 2 + 3) // (coluna + 3))
    if colunas == 1:
        for seta in setas:
            linhas += _seta_quebrada(seta, largura)
        return linhas
    altura = -(-len(rotulos) // colunas)
    for i in range(altura):
        partes = [rotulos[j].ljust(coluna) for j in range(i, len(rotulos), altura)]
        linhas.append(Linha(("  " + "   ".join(partes)).rstrip()[:largura], "seta"))
    return linhas
