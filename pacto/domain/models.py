"""Domain records of a network: the network, its flows, stages, institutions, focal points, duties and referrals."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date, time

PAPEIS_PONTO_FOCAL = ("titular", "suplente")
ESFERAS = {
    "federal": "Federal",
    "estadual": "Estadual",
    "municipal": "Municipal",
    "nacional": "Serviço nacional",
    "sociedade_civil": "Sociedade civil",
    "internacional": "Organismo internacional",
}


@dataclass
class Rede:
    """The network whose referral pathway the workspace holds."""

    nome: str
    uf: str
    municipio: str = ""
    coordenacao_id: int | None = None

    @property
    def abrangencia(self) -> str:
        """'Estadual' or 'Municipal', as official texts name the flow's reach."""
        return "Municipal" if self.municipio else "Estadual"

    @property
    def nome_padrao_do_fluxo(self) -> str:
        """The name a new network's flow gets, following its reach."""
        return f"Fluxo {self.abrangencia} de Atendimento às Vítimas de Tráfico de Pessoas"


@dataclass
class Fluxo:
    """One referral pathway; a network keeps one for all purposes or one per purpose."""

    nome: str
    finalidades: list[str] = field(default_factory=list)
    id: int | None = None


@dataclass
class Etapa:
    """An ordered stage of the flow, such as Denúncia or Resgate."""

    chave: str
    nome: str
    sigla: str
    ordem: int
    descricao: str = ""
    id: int | None = None


@dataclass
class Instituicao:
    """An institution (public body, NGO, international organisation or report line) in the network."""

    nome: str
    sigla: str
    cnpj: str = ""
    tipo: str = ""
    esfera: str = ""
    setor: str = ""
    endereco: str = ""
    telefone: str = ""
    email: str = ""
    site: str = ""
    horario: str = ""
    observacoes: str = ""
    papel: str = "fluxo"
    personalidade_juridica: bool = True
    id: int | None = None

    @property
    def rotulo(self) -> str:
        """Name with acronym, as lists show an institution."""
        return f"{self.nome} ({self.sigla})" if self.sigla else self.nome

    def formas_de_contato(self) -> list[str]:
        """The institution's own ways to be reached, in reading order."""
        partes = []
        if self.telefone:
            partes.append(f"Tel. {self.telefone}")
        if self.email:
            partes.append(self.email)
        if self.site:
            partes.append(self.site)
        if self.endereco:
            partes.append(self.endereco)
        return partes


@dataclass
class PontoFocal:
    """The person an institution names to answer for the flow: titular or suplente."""

    instituicao_id: int
    papel: str
    nome: str
    cargo: str = ""
    telefone: str = ""
    email: str = ""
    confirmado_em: date | None = None
    id: int | None = None

    def dias_sem_confirmacao(self, hoje: date) -> int | None:
        """Days since the contact was last confirmed, or None when it never was."""
        if self.confirmado_em is None:
            return None
        return (hoje - self.confirmado_em).days


@dataclass
class Atribuicao:
    """What one institution does at one stage of one flow."""

    instituicao_id: int
    etapa_id: int
    fluxo_id: int
    texto: str
    id: int | None = None


@dataclass
class Encaminhamento:
    """A referral: one institution passes a case to another within a flow."""

    fluxo_id: int
    origem_id: int
    destino_id: int
    condicao: str = ""
    prazo: str = ""
    id: int | None = None


def campos(modelo: type) -> list[str]:
    """Field names of a record type, in declaration order."""
    return [f.name for f in fields(modelo)]


def como_dict(registro) -> dict:
    """A record as a plain dict, dates and times as ISO strings, for storage and bundles."""
    dados = asdict(registro)
    for chave, valor in dados.items():
        if isinstance(valor, time):
            dados[chave] = valor.isoformat(timespec="minutes")
        elif isinstance(valor, date):
            dados[chave] = valor.isoformat()
    return dados
