"""Evidence rules of the steps, each a named setting with the booklet's default and its reason."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pacto.domain.catalog import ler_toml
from pacto.domain.errors import ErroValidacao

PREFIXO = "regras."  # workspace settings key: "regras.dias_alinhamento"


@dataclass(frozen=True)
class Regra:
    """One rule as `modelos/regras.toml` defines it."""

    chave: str
    titulo: str
    tipo: str  # "fracao" (0 to 1), "dias" or "inteiro"
    padrao: float | int
    motivo: str

    def ler(self, texto: str) -> float | int:
        """The value typed by a user ('0,5', '50%', '30'), checked, or a Portuguese error."""
        bruto = str(texto).strip().replace(",", ".")
        try:
            if self.tipo == "fracao":
                valor = float(bruto.rstrip("%")) / (100 if bruto.endswith("%") else 1)
                if not 0 < valor <= 1:
                    raise ValueError
                return valor
            valor = int(bruto)
            if valor < 1:
                raise ValueError
            return valor
        except ValueError:
            formato = (
                "uma fração entre 0 e 1 ou um percentual, como 0,5 ou 50%"
                if self.tipo == "fracao"
                else "um número inteiro maior que zero"
            )
            raise ErroValidacao(f"{self.titulo}: “{texto}” não vale; use {formato}.") from None

    def mostrar(self, valor: float | int) -> str:
        """'50%' or '35 dias', as lists show it."""
        if self.tipo == "fracao":
            return f"{round(valor * 100)}%"
        return f"{valor} dias" if self.tipo == "dias" else str(valor)


@cache
def catalogo_regras() -> dict[str, Regra]:
    """Every rule with its default, from `modelos/regras.toml`."""
    return {
        chave: Regra(chave, d["titulo"], d["tipo"], d["padrao"], d["motivo"])
        for chave, d in ler_toml("regras.toml").items()
    }


def regra(chave: str) -> Regra:
    """One rule by name, or an error listing the names that exist."""
    regras = catalogo_regras()
    if chave not in regras:
        raise ErroValidacao(f"Regra desconhecida: “{chave}”. Regras: {', '.join(regras)}.")
    return regras[chave]


@dataclass(frozen=True)
class Regras:
    """The values in force for one network (the booklet's defaults unless set otherwise)."""

    presenca_ampliada: float = 0.5
    dias_alinhamento: int = 35
    membros_gt: int = 2

    @classmethod
    def de(cls, ajustes: dict[str, str]) -> Regras:
        """Defaults from the catalogue, overridden by a network's settings (raw text)."""
        valores = {}
        for chave, r in catalogo_regras().items():
            valores[chave] = r.ler(ajustes[chave]) if chave in ajustes else r.padrao
        return cls(**{c: v for c, v in valores.items() if c in cls.__dataclass_fields__})

    def motivo(self, chave: str) -> str:
        """'Regra “…”: 50% (padrão da cartilha). <reason>' — shown with the step it governs."""
        r = catalogo_regras()[chave]
        valor = getattr(self, chave)
        origem = (
            "padrão da cartilha"
            if valor == r.padrao
            else f"padrão da cartilha: {r.mostrar(r.padrao)}"
        )
        return f"Regra “{r.titulo}”: {r.mostrar(valor)} ({origem}). {r.motivo}"
