"""Adhesion of each institution to a frozen version of the flow: status, dates, signatory, publication.

The stored record says what happened for one institution and one version. The status shown
to the user is derived: an institution that signed an older version than the latest frozen
one is "readesão pendente" only when its own commitments changed (duties, referrals, the stages
it acts in, its flow), with those changes; otherwise its adhesion stays in force ("mantida"),
without any record being written for a version nobody signed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Etapa, Instituicao
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao, limpar, plural
from pacto.domain.validation import LIMITE_CAMPO_CURTO, problema_de_caracteres
from pacto.domain.version_diff import compromissos_alterados
from pacto.domain.versions import Mudanca, VersaoFluxo

# key -> (label, symbol); the order is the path of an adhesion
SITUACOES = {
    "nao_convidada": ("não convidada", "·"),
    "convidada": ("convidada", "→"),
    "termo_enviado": ("termo enviado", "✉"),
    "assinado": ("assinado", "✔"),
    "recusado": ("recusado", "✗"),
    "desligada": ("desligada", "⊘"),
}
READESAO = "readesao_pendente"
MANTIDA = "mantida"  # signed an older version; nothing of its own changed since
ROTULOS = {chave: rotulo for chave, (rotulo, _) in SITUACOES.items()} | {
    READESAO: "readesão pendente",
    MANTIDA: "mantida",
}
SIMBOLOS = {chave: simbolo for chave, (_, simbolo) in SITUACOES.items()} | {
    READESAO: "↻",
    MANTIDA: "✔",
}
# statuses whose adhesion covers the latest version
EM_VIGOR = frozenset({"assinado", MANTIDA})
# statuses of an institution with a signed Termo in force (a Termo Aditivo may still be due)
ADERIDAS = EM_VIGOR | {READESAO}
# the date column each recorded status fills
COLUNA_DATA = {
    "convidada": "convidada_em",
    "termo_enviado": "termo_enviado_em",
    "assinado": "assinado_em",
    "recusado": "recusado_em",
    "desligada": "desligada_em",
}


@dataclass
class Adesao:
    """What is recorded for one institution and one frozen version of the flow."""

    instituicao_id: int
    versao_numero: int
    situacao: str
    datas: dict[str, date] = field(default_factory=dict)  # situação -> date it happened
    signatario: str = ""
    cargo: str = ""
    processo: str = ""  # SEI or other process number
    diario_oficial: str = ""  # where the extract was published
    arquivo: str = ""  # path of the signed scan
    arquivo_sha256: str = ""
    id: int | None = None

    @property
    def data(self) -> date | None:
        """The date of the current status."""
        return self.datas.get(self.situacao)


def normalizar_situacao(texto: str) -> str:
    """A status key from what a user types: 'Termo enviado', 'termo-enviado', 'não convidada'."""
    chave = chave_comparacao(texto).replace("-", " ").replace("_", " ").replace(" ", "_")
    if chave in SITUACOES:
        return chave
    opcoes = ", ".join(ROTULOS[c] for c in SITUACOES)
    raise ErroValidacao(f"Situação desconhecida: “{texto}”. Use uma destas: {opcoes}.")


def validar_adesao(adesao: Adesao) -> Adesao:
    """Clean and check a record before it is stored, reporting every problem at once."""
    problemas = []
    adesao.situacao = normalizar_situacao(adesao.situacao)
    if adesao.situacao == "nao_convidada":
        problemas.append("“não convidada” é a situação de quem não tem registro; não se registra.")
    for campo, rotulo in (
        ("signatario", "Signatário"),
        ("cargo", "Cargo"),
        ("processo", "Processo"),
        ("diario_oficial", "Diário Oficial"),
    ):
        valor = limpar(getattr(adesao, campo))
        setattr(adesao, campo, valor)
        if len(valor) > LIMITE_CAMPO_CURTO:
            problemas.append(f"{rotulo}: texto longo demais (máximo {LIMITE_CAMPO_CURTO}).")
        if problema := problema_de_caracteres(rotulo, valor):
            problemas.append(problema)
    if adesao.versao_numero < 1:
        problemas.append("Versão do fluxo inválida.")
    if adesao.arquivo_sha256 and len(adesao.arquivo_sha256) != 64:
        problemas.append("Resumo SHA-256 do arquivo inválido.")
    if problemas:
        raise ErroValidacao(problemas)
    return adesao


@dataclass
class SituacaoInstituicao:
    """Where one institution stands with the flow now, as lists and screens show it."""

    instituicao: Instituicao
    etapas: list[Etapa]
    situacao: str
    adesao: Adesao | None = None  # the latest record, whatever its version
    mudancas: list[Mudanca] = field(default_factory=list)  # for a pending re-adhesion
    vigente: int | None = None  # number of the latest frozen version

    @property
    def rotulo(self) -> str:
        return ROTULOS[self.situacao]

    @property
    def em_vigor(self) -> bool:
        """True when the institution's adhesion covers the latest version."""
        return self.situacao in EM_VIGOR

    @property
    def aderida(self) -> bool:
        """True when the institution has a signed Termo in force, even if an aditivo is due."""
        return self.situacao in ADERIDAS

    @property
    def motivo(self) -> str:
        """Why the institution must, or need not, sign (again), in one sentence."""
        v, n = self.versao, self.vigente
        if self.situacao == MANTIDA:
            return f"vigente: assinou a versão {v}; sem mudanças para a instituição desde então."
        if self.situacao == READESAO:
            if not self.mudancas:
                return (
                    f"assinou a versão {v}, que não pôde ser comparada com a versão {n}; "
                    "confirme a adesão."
                )
            mudou = plural(len(self.mudancas), "compromisso", "compromissos")
            return (
                f"assinou a versão {v}; a versão {n} alterou {mudou} da instituição: "
                "precisa assinar o Termo Aditivo."
            )
        if self.situacao == "assinado":
            return f"assinou a versão vigente ({v})."
        if n is None:
            return "nenhuma versão do fluxo foi congelada ainda."
        if self.situacao == "nao_convidada":
            return f"ainda não foi convidada a aderir à versão {n}."
        if self.situacao in ("convidada", "termo_enviado"):
            return f"{self.rotulo} (versão {v}); falta assinar o Termo de Adesão."
        if self.situacao == "recusado":
            return f"recusou formalmente a adesão (versão {v})."
        return f"desligou-se do fluxo (versão {v})."

    @property
    def versao(self) -> int | None:
        return self.adesao.versao_numero if self.adesao else None

    @property
    def data(self) -> date | None:
        return self.adesao.data if self.adesao else None

    def como_dict(self) -> dict:
        """JSON-ready form, for `pacto adesao listar --json`."""
        a = self.adesao
        return {
            "sigla": self.instituicao.sigla,
            "instituicao": self.instituicao.nome,
            "etapas": [e.sigla for e in self.etapas],
            "situacao": self.situacao,
            "rotulo": self.rotulo,
            "versao": self.versao,
            "data": self.data.isoformat() if self.data else None,
            "datas": {k: v.isoformat() for k, v in a.datas.items()} if a else {},
            "signatario": a.signatario if a else "",
            "cargo": a.cargo if a else "",
            "processo": a.processo if a else "",
            "diario_oficial": a.diario_oficial if a else "",
            "arquivo": a.arquivo if a else "",
            "arquivo_sha256": a.arquivo_sha256 if a else "",
            "mudancas": [m.texto for m in self.mudancas],
            "motivo": self.motivo,
            "em_vigor": self.em_vigor,
            "aderida": self.aderida,
        }


def ponto_de_apoio(inst: Instituicao) -> bool:
    """True for a mapped actor kept as a support point: it signs no Termo and raises no gap."""
    return getattr(inst, "papel", "fluxo") == "apoio"


def instituicoes_aderentes_possiveis(rc: RedeCompleta) -> list[Instituicao]:
    """Who is asked to adhere: institutions with duties, except the coordination itself, the
    national report lines (Disque 100, Ligue 180) and support points (mapped, not in the final
    flow), by name."""
    ids = {a.instituicao_id for a in rc.atribuicoes}
    return sorted(
        (
            rc.instituicao_por_id[i]
            for i in ids
            if i != rc.rede.coordenacao_id
            and rc.instituicao_por_id[i].esfera != "nacional"
            and not ponto_de_apoio(rc.instituicao_por_id[i])
        ),
        key=lambda inst: inst.nome.casefold(),
    )


def situacoes(
    rc: RedeCompleta, adesoes: list[Adesao], versoes: list[VersaoFluxo]
) -> list[SituacaoInstituicao]:
    """The current status of every institution that should adhere."""
    por_numero = {v.numero: v for v in versoes}
    ultima = max(versoes, key=lambda v: v.numero) if versoes else None
    mais_recente: dict[int, Adesao] = {}
    for adesao in adesoes:
        atual = mais_recente.get(adesao.instituicao_id)
        if atual is None or adesao.versao_numero > atual.versao_numero:
            mais_recente[adesao.instituicao_id] = adesao
    vigente = ultima.numero if ultima else None
    mudancas_cache: dict[int, dict[str, list[Mudanca]]] = {}
    resultado = []
    for inst in instituicoes_aderentes_possiveis(rc):
        adesao = mais_recente.get(inst.id)
        etapas = rc.etapas_por_instituicao.get(inst.id, [])
        if adesao is None:
            resultado.append(SituacaoInstituicao(inst, etapas, "nao_convidada", vigente=vigente))
            continue
        situacao, mudancas = adesao.situacao, []
        if (
            ultima is not None
            and adesao.situacao == "assinado"
            and adesao.versao_numero < ultima.numero
        ):
            situacao = READESAO
            antiga = por_numero.get(adesao.versao_numero)
            if antiga is not None:
                if antiga.numero not in mudancas_cache:
                    mudancas_cache[antiga.numero] = compromissos_alterados(
                        antiga.conteudo, ultima.conteudo
                    )
                mudancas = mudancas_cache[antiga.numero].get(inst.sigla, [])
                if not mudancas:
                    situacao = MANTIDA
        resultado.append(SituacaoInstituicao(inst, etapas, situacao, adesao, mudancas, vigente))
    return resultado


def etapas_sem_signataria(rc: RedeCompleta, lista: list[SituacaoInstituicao]) -> list[Etapa]:
    """Stages where no institution has a signed Termo in force."""
    cobertas = {e.id for s in lista if s.aderida for e in s.etapas}
    return [e for e in rc.etapas_ordenadas if e.id not in cobertas]


def contagens(lista: list[SituacaoInstituicao]) -> Counter:
    """How many institutions are in each status."""
    return Counter(s.situacao for s in lista)


def resumo(lista: list[SituacaoInstituicao]) -> str:
    """'Assinadas 12 · Enviadas 9 · Convidadas 2 · Sem convite 5 · Readesão 2 · …', zeros left out."""
    c = contagens(lista)
    partes = (
        ("assinado", "Assinadas"),
        (MANTIDA, "Mantidas"),
        ("termo_enviado", "Termos enviados"),
        ("convidada", "Convidadas"),
        ("nao_convidada", "Sem convite"),
        (READESAO, "Readesão pendente"),
        ("recusado", "Recusaram"),
        ("desligada", "Desligadas"),
    )
    texto = " · ".join(f"{rotulo} {c[chave]}" for chave, rotulo in partes if c[chave])
    return texto or "Nenhuma instituição com atribuições no fluxo."
