"""How official texts name a network's territory: 'no Estado de Roraima', 'Município de Campinas'."""

from __future__ import annotations

from dataclasses import dataclass

from pacto.domain.models import Rede
from pacto.domain.validation import UFS

CAPITAIS = {
    "AC": "Rio Branco", "AL": "Maceió", "AP": "Macapá", "AM": "Manaus", "BA": "Salvador",
    "CE": "Fortaleza", "DF": "Brasília", "ES": "Vitória", "GO": "Goiânia", "MA": "São Luís",
    "MT": "Cuiabá", "MS": "Campo Grande", "MG": "Belo Horizonte", "PA": "Belém",
    "PB": "João Pessoa", "PR": "Curitiba", "PE": "Recife", "PI": "Teresina",
    "RJ": "Rio de Janeiro", "RN": "Natal", "RS": "Porto Alegre", "RO": "Porto Velho",
    "RR": "Boa Vista", "SC": "Florianópolis", "SP": "São Paulo", "SE": "Aracaju",
    "TO": "Palmas",
}  # fmt: skip

# "Estado do Pará", "Estado da Bahia", "Estado de Roraima": the contraction each state takes
_PREPOSICAO_ESTADO = {
    "AC": "do", "AL": "de", "AP": "do", "AM": "do", "BA": "da", "CE": "do", "ES": "do",
    "GO": "de", "MA": "do", "MT": "de", "MS": "de", "MG": "de", "PA": "do", "PB": "da",
    "PR": "do", "PE": "de", "PI": "do", "RJ": "do", "RN": "do", "RS": "do", "RO": "de",
    "RR": "de", "SC": "de", "SP": "de", "SE": "de", "TO": "do",
}  # fmt: skip


@dataclass(frozen=True)
class Territorio:
    """The names of a network's territory in the forms a document needs."""

    nome: str  # "Estado de Roraima", "Município de Campinas", "Distrito Federal"
    no: str  # "no Estado de Roraima"
    do: str  # "do Estado de Roraima"
    ente: str  # "GOVERNO DO ESTADO DE RORAIMA", header of official documents
    cidade: str  # seat where acts are signed: the municipality or the state capital
    municipal: bool

    @property
    def local(self) -> str:
        """'Boa Vista/RR': the place line of a closing."""
        return self.cidade

    def como_dict(self) -> dict:
        return {"nome": self.nome, "no": self.no, "do": self.do, "ente": self.ente}


def territorio(rede: Rede) -> Territorio:
    """The territory of a state or municipal network."""
    uf = rede.uf
    if rede.municipio:
        nome = f"Município de {rede.municipio}"
        return Territorio(
            nome=nome,
            no=f"no {nome}",
            do=f"do {nome}",
            ente=f"PREFEITURA MUNICIPAL DE {rede.municipio.upper()}",
            cidade=f"{rede.municipio}/{uf}",
            municipal=True,
        )
    if uf == "DF":
        return Territorio(
            nome="Distrito Federal",
            no="no Distrito Federal",
            do="do Distrito Federal",
            ente="GOVERNO DO DISTRITO FEDERAL",
            cidade="Brasília/DF",
            municipal=False,
        )
    nome = f"Estado {_PREPOSICAO_ESTADO.get(uf, 'de')} {UFS.get(uf, uf)}"
    return Territorio(
        nome=nome,
        no=f"no {nome}",
        do=f"do {nome}",
        ente=f"GOVERNO DO {nome.upper()}",
        cidade=f"{CAPITAIS.get(uf, '')}/{uf}",
        municipal=False,
    )


def diario_oficial(rede: Rede) -> str:
    """The official gazette where the network's acts and extracts are published."""
    t = territorio(rede)
    return f"Diário Oficial {t.do}"
