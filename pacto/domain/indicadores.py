"""Monitoring indicators (booklet step 14): definitions, automatic values, targets per year or semester."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from pacto.domain.calendario import ano_aceito, faixa_de_datas
from pacto.domain.catalog import ler_toml
from pacto.domain.errors import ErroValidacao

_PERIODO = re.compile(r"^(\d{4})(?:-(S[12]|0[1-9]|1[0-2]))?$")
BARRAS = "▁▂▃▄▅▆▇█"
LIMITE_VALOR = 10**12  # no share, count or average of a network comes near it


@dataclass(frozen=True)
class Indicador:
    """An indicator as defined in `modelos/indicadores.toml`."""

    chave: str
    nome: str
    unidade: str
    sentido: str
    automatico: bool

    def formatar(self, valor: float | None) -> str:
        """'75%' or '12', as reports show a value."""
        if valor is None:
            return "—"
        numero = f"{valor:.0f}" if float(valor).is_integer() else f"{valor:.1f}".replace(".", ",")
        return f"{numero}%" if self.unidade == "%" else numero


@dataclass
class Meta:
    """A target for an indicator in a year ('2027') or semester ('2027-S1')."""

    indicador: str
    periodo: str
    valor: float


@dataclass
class Medicao:
    """A value of an indicator in a month ('2026-11'), computed or reported by the network."""

    indicador: str
    periodo: str
    valor: float
    origem: str = "manual"


@cache
def definicoes() -> tuple[Indicador, ...]:
    """Every indicator, in the order of the model file."""
    return tuple(
        Indicador(
            i["chave"],
            i["nome"],
            i.get("unidade", "n"),
            i.get("sentido", "maior"),
            bool(i.get("automatico")),
        )
        for i in ler_toml("indicadores.toml")["indicadores"]
    )


def indicador(chave: str) -> Indicador:
    """An indicator by key, with a clear error for unknown keys."""
    for item in definicoes():
        if item.chave == chave:
            return item
    disponiveis = ", ".join(i.chave for i in definicoes())
    raise ErroValidacao(f"Indicador desconhecido: “{chave}”. Use um destes: {disponiveis}.")


def validar_periodo(periodo: str, aceitar_mes: bool = True) -> str:
    """Check a period: 'AAAA', 'AAAA-S1', 'AAAA-S2' or (for values) 'AAAA-MM'."""
    casamento = _PERIODO.fullmatch(periodo) if isinstance(periodo, str) else None
    mensal = casamento and casamento.group(2) and not casamento.group(2).startswith("S")
    if not casamento or (mensal and not aceitar_mes):
        formatos = "AAAA, AAAA-S1, AAAA-S2" + (" ou AAAA-MM" if aceitar_mes else "")
        raise ErroValidacao(f"Período inválido: “{str(periodo)[:40]}”. Use {formatos}.")
    if not ano_aceito(int(casamento.group(1))):
        inicio, fim = faixa_de_datas()
        raise ErroValidacao(
            f"Período fora do intervalo aceito: “{periodo}”. Use um ano de {inicio.year} a "
            f"{fim.year}."
        )
    return periodo


def contem(periodo: str, mes: str) -> bool:
    """True when a month ('2026-11') falls in a year or semester period."""
    ano, _, parte = periodo.partition("-")
    if not mes.startswith(ano):
        return False
    if not parte:
        return True
    numero = int(mes[5:7])
    if parte == "S1":
        return numero <= 6
    if parte == "S2":
        return numero >= 7
    return mes == periodo


def meta_para(chave: str, mes: str, metas: list[Meta]) -> Meta | None:
    """The target in force for a month: a semester's wins over the year's."""
    candidatas = [m for m in metas if m.indicador == chave and contem(m.periodo, mes)]
    return max(candidatas, key=lambda m: len(m.periodo), default=None)


def atingiu(item: Indicador, valor: float | None, meta: Meta | None) -> bool | None:
    """Whether the value meets the target in the indicator's direction; None when unknown."""
    if valor is None or meta is None:
        return None
    return valor >= meta.valor if item.sentido == "maior" else valor <= meta.valor


def validar_valor(valor: float) -> float:
    """Check a target or a reported value: indicators are shares, counts or averages, so a
    finite number, zero or more."""
    if isinstance(valor, bool) or not isinstance(valor, (int, float)):
        raise ErroValidacao(
            f"Valor inválido: “{str(valor)[:40]}”. Informe um número, zero ou maior."
        )
    if not math.isfinite(valor) or valor < 0:
        raise ErroValidacao(f"Valor inválido: “{valor}”. Informe um número, zero ou maior.")
    if valor > LIMITE_VALOR:
        raise ErroValidacao("Valor grande demais: o máximo é 1.000.000.000.000.")
    return valor


def sparkline(valores: list[float | None]) -> str:
    """A text trend such as '▁▃▅█' for the TUI; gaps (and values no number can draw) as spaces."""
    valores = [v if v is not None and math.isfinite(v) else None for v in valores]
    conhecidos = [v for v in valores if v is not None]
    if not conhecidos:
        return ""
    menor, maior = min(conhecidos), max(conhecidos)
    faixa = (maior - menor) or 1
    return "".join(
        " " if v is None else BARRAS[round((v - menor) / faixa * (len(BARRAS) - 1))]
        for v in valores
    )


@dataclass
class FatosIndicadores:
    """Counts the automatic indicators are computed from; None = not recorded in this workspace."""

    instituicoes_mapeadas: int = 0
    adesoes_assinadas: int | None = None
    pontos_focais: int = 0
    pontos_confirmados_90: int = 0
    reunioes_previstas: int | None = None
    reunioes_realizadas: int | None = None
    presencas_por_reuniao: list[int] | None = None
    acoes_com_prazo_vencido: int | None = None
    acoes_concluidas_no_prazo: int | None = None
    meses_com_envio_netp: int | None = None


def _pct(parte: int | None, todo: int | None) -> float | None:
    if parte is None or not todo:
        return None
    return round(100 * parte / todo, 1)


def calcular_automaticos(f: FatosIndicadores) -> dict[str, float | None]:
    """The automatic indicators' values from the facts; None where the workspace cannot say."""
    presencas = f.presencas_por_reuniao
    return {
        "adesao": _pct(f.adesoes_assinadas, f.instituicoes_mapeadas),
        "pontos_focais_confirmados": _pct(f.pontos_confirmados_90, f.pontos_focais),
        "reunioes_realizadas": _pct(f.reunioes_realizadas, f.reunioes_previstas),
        "presenca_media": round(sum(presencas) / len(presencas), 1) if presencas else None,
        "acoes_no_prazo": _pct(f.acoes_concluidas_no_prazo, f.acoes_com_prazo_vencido),
        "envio_netp": None if f.meses_com_envio_netp is None else float(f.meses_com_envio_netp),
    }
