"""Adhesion tracking for the CLI and the TUI: where everyone stands, and recording a new status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pacto.domain.adesao import (
    Adesao,
    SituacaoInstituicao,
    etapas_sem_signataria,
    normalizar_situacao,
    ponto_de_apoio,
    resumo,
    situacoes,
)
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Etapa
from pacto.domain.network import RedeCompleta
from pacto.domain.versions import VersaoFluxo


@dataclass
class Panorama:
    """The adhesion picture of the network against its latest frozen version."""

    ultima: VersaoFluxo | None
    lista: list[SituacaoInstituicao]
    sem_signataria: list[Etapa]

    @property
    def resumo(self) -> str:
        return resumo(self.lista)

    @property
    def cabecalho(self) -> str:
        """'Versão vigente 2 (a3f9c1d0) · Assinadas 12 · …' or a hint to freeze a version."""
        if self.ultima is None:
            return "Nenhuma versão congelada: congele o fluxo antes de colher assinaturas."
        return f"Versão vigente {self.ultima.numero} ({self.ultima.hash_curto}) · {self.resumo}"

    def alertas(self) -> list[str]:
        """'Etapa Resgate sem instituição signatária.' for every such stage."""
        if self.ultima is None:
            return []
        return [f"Etapa {e.nome} sem instituição signatária." for e in self.sem_signataria]

    def como_dict(self) -> dict:
        return {
            "versao_vigente": self.ultima.numero if self.ultima else None,
            "hash": self.ultima.hash if self.ultima else None,
            "resumo": self.resumo,
            "etapas_sem_signataria": [e.nome for e in self.sem_signataria],
            "instituicoes": [s.como_dict() for s in self.lista],
        }


def panorama(ws, rc: RedeCompleta | None = None) -> Panorama:
    """Where every institution stands, from the workspace (or a snapshot already loaded)."""
    rc = rc or ws.carregar()
    versoes = ws.versoes()
    lista = situacoes(rc, ws.adesoes(), versoes)
    return Panorama(
        ultima=max(versoes, key=lambda v: v.numero) if versoes else None,
        lista=lista,
        sem_signataria=etapas_sem_signataria(rc, lista),
    )


def filtrar(
    lista: list[SituacaoInstituicao], situacao: str | None = None, etapa: str | None = None
) -> list[SituacaoInstituicao]:
    """Keep the institutions in a status and/or acting in a stage (by acronym or name)."""
    if etapa:
        chave = etapa.strip().casefold()
        lista = [
            s
            for s in lista
            if any(chave in (e.sigla.casefold(), e.nome.casefold(), e.chave) for e in s.etapas)
        ]
    if situacao:
        lista = [s for s in lista if s.situacao == situacao]
    return lista


def sha256_do_arquivo(caminho: Path) -> str:
    """The SHA-256 of a file, read in blocks, so a signed scan can be checked later."""
    import hashlib  # here, not at the top: loading OpenSSL slows `pacto status`

    from pacto.store.conexoes import recusar_se_em_uso

    recusar_se_em_uso(caminho, "documento digitalizado")
    resumo_ = hashlib.sha256()
    with caminho.open("rb") as arquivo:
        for bloco in iter(lambda: arquivo.read(1 << 20), b""):
            resumo_.update(bloco)
    return resumo_.hexdigest()


def registrar(
    ws,
    sigla: str,
    situacao: str,
    quando: date | None = None,
    *,
    signatario: str = "",
    cargo: str = "",
    processo: str = "",
    diario_oficial: str = "",
    arquivo: Path | None = None,
    versao: int | None = None,
) -> Adesao:
    """Record an institution's adhesion status for a frozen version (the latest by default)."""
    inst = ws.instituicao_por_sigla(sigla)
    if inst is None:
        raise ErroValidacao(f"Nenhuma instituição com a sigla “{sigla}” nesta rede.")
    if inst.id == ws.rede().coordenacao_id:
        raise ErroValidacao(
            f"{inst.sigla} é a instituição coordenadora do fluxo: recebe as adesões das demais "
            "e não assina Termo de Adesão consigo mesma."
        )
    if ponto_de_apoio(inst):
        raise ErroValidacao(
            f"{inst.sigla} está mapeada como ponto de apoio, fora do fluxo final, e não assina "
            "Termo de Adesão. Para incluí-la no fluxo: pacto atores editar "
            f"{inst.sigla} --papel fluxo."
        )
    if versao is None:
        ultima = ws.ultima_versao()
        if ultima is None:
            raise ErroValidacao(
                "Nenhuma versão do fluxo foi congelada. A adesão é sempre a uma versão: "
                "congele-a antes com “pacto versao congelar --nota …”."
            )
        versao = ultima.numero
    caminho, resumo_ = "", ""
    if arquivo is not None:
        arquivo = Path(arquivo).expanduser()
        if not arquivo.is_file():
            raise ErroValidacao(f"Arquivo não encontrado: {arquivo}.")
        caminho, resumo_ = str(arquivo.resolve()), sha256_do_arquivo(arquivo)
    adesao = Adesao(
        instituicao_id=inst.id,
        versao_numero=versao,
        situacao=normalizar_situacao(situacao),
        signatario=signatario,
        cargo=cargo,
        processo=processo,
        diario_oficial=diario_oficial,
        arquivo=caminho,
        arquivo_sha256=resumo_,
    )
    return ws.registrar_adesao(adesao, quando or date.today())


def signatarios(ws) -> dict[int, tuple[str, str]]:
    """The latest known signatory (name, role) of each institution, to fill its next Termo."""
    conhecidos: dict[int, tuple[int, str, str]] = {}
    for adesao in ws.adesoes():
        if adesao.signatario:
            atual = conhecidos.get(adesao.instituicao_id)
            if atual is None or adesao.versao_numero >= atual[0]:
                conhecidos[adesao.instituicao_id] = (
                    adesao.versao_numero,
                    adesao.signatario,
                    adesao.cargo,
                )
    return {inst: (nome, cargo) for inst, (_, nome, cargo) in conhecidos.items()}
