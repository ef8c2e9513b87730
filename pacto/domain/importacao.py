"""The plan of a spreadsheet import: what would be created, updated and rejected, and why.

The CLI prints it, the TUI previews it, and the store applies it in one transaction; nothing
is written while the plan is only shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pacto.domain.models import Atribuicao, Instituicao, PontoFocal
from pacto.domain.text import plural


def descrever_linhas(linhas: list[int]) -> str:
    """'linha 4', 'linhas 4 e 7', 'linhas 4, 5 e 9': spreadsheet rows as a user reads them."""
    numeros = [str(n) for n in sorted(set(linhas))]
    if len(numeros) == 1:
        return f"linha {numeros[0]}"
    return f"linhas {', '.join(numeros[:-1])} e {numeros[-1]}"


@dataclass
class AtorPlanejado:
    """One institution the import creates or updates, with its focal points and duties.

    `instituicao.id` is None for a new institution; the focal points and duties listed are
    only those to write (new or changed).
    """

    linhas: list[int]
    instituicao: Instituicao
    mudancas: list[str] = field(default_factory=list)
    pontos: list[PontoFocal] = field(default_factory=list)
    atribuicoes: list[Atribuicao] = field(default_factory=list)

    @property
    def novo(self) -> bool:
        return self.instituicao.id is None

    @property
    def rotulo(self) -> str:
        return self.instituicao.rotulo


@dataclass
class LinhaRejeitada:
    """Spreadsheet rows left out of the import, with every reason found."""

    linhas: list[int]
    rotulo: str
    motivos: list[str]

    @property
    def linha(self) -> int:
        """The first row, for sorting and short listings."""
        return min(self.linhas)

    def descrever(self) -> str:
        """'Linha 9 (Centro POP): Informe a sigla da instituição.'"""
        onde = descrever_linhas(self.linhas).capitalize()
        quem = f" ({self.rotulo})" if self.rotulo else ""
        return f"{onde}{quem}: {' '.join(self.motivos)}"


@dataclass
class ColunaReconhecida:
    """A column of the file and the field it was read into."""

    cabecalho: str
    campo: str
    rotulo: str
    manual: bool = False


@dataclass
class PlanoImportacao:
    """Everything an import would do, built without writing anything."""

    arquivo: str
    aba: str = ""
    linha_cabecalho: int = 0
    colunas: list[ColunaReconhecida] = field(default_factory=list)
    ignoradas: list[str] = field(default_factory=list)
    criar: list[AtorPlanejado] = field(default_factory=list)
    atualizar: list[AtorPlanejado] = field(default_factory=list)
    inalteradas: list[AtorPlanejado] = field(default_factory=list)
    rejeitadas: list[LinhaRejeitada] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)
    linhas_lidas: int = 0
    fluxo_id: int | None = None

    @property
    def tem_o_que_gravar(self) -> bool:
        """True when applying the plan would change the workspace."""
        return bool(self.criar or self.atualizar)

    def resumo(self) -> str:
        """One line with the counts, nouns agreeing with numbers."""
        partes = [
            plural(len(self.criar), "instituição a criar", "instituições a criar"),
            f"{len(self.atualizar)} a atualizar",
            f"{len(self.inalteradas)} sem mudança",
            plural(len(self.rejeitadas), "linha rejeitada", "linhas rejeitadas"),
        ]
        return " · ".join(partes)

    def resumo_gravado(self) -> str:
        """What was written, once the plan has been applied."""
        criadas = plural(len(self.criar), "instituição criada", "instituições criadas")
        atualizadas = plural(len(self.atualizar), "atualizada", "atualizadas")
        rejeitadas = plural(len(self.rejeitadas), "linha rejeitada", "linhas rejeitadas")
        return f"Importação concluída: {criadas}, {atualizadas}, {rejeitadas}."
