"""What every document's data starts from: the network snapshot, settings, date and flow version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from pacto.domain.errors import ErroDocumento
from pacto.domain.models import Atribuicao, Fluxo, Instituicao
from pacto.domain.network import RedeCompleta
from pacto.domain.redacao import data_por_extenso, nome_e_sigla
from pacto.domain.territorio import Territorio, diario_oficial, territorio
from pacto.services.documentos.configuracao import DadosDocumentos

LINHA_EM_BRANCO = "_" * 36
PRIVACIDADE = (
    "Documento sem dados de vítimas. Contatos institucionais, de uso restrito ao Fluxo "
    "(Lei nº 13.709/2018 – LGPD)."
)


@dataclass
class Fontes:
    """Everything a document is built from, gathered once; contexts never read the database."""

    rc: RedeCompleta
    config: DadosDocumentos
    versao: str  # footer text: "Fluxo versão 2 · a3f9c1d0" or the draft's
    hoje: date
    fluxo: Fluxo
    ws: object = None  # the open workspace: records each file written (see `gravacao.gravar`)
    sobrescrever: bool = False  # the user allowed replacing files edited since generation

    @cached_property
    def territorio(self) -> Territorio:
        return territorio(self.rc.rede)

    @cached_property
    def atribuicoes(self) -> list[Atribuicao]:
        """The duties of the chosen flow, in stage order then institution name."""
        rc = self.rc
        return sorted(
            (a for a in rc.atribuicoes if a.fluxo_id == self.fluxo.id),
            key=lambda a: (
                rc.etapa_por_id[a.etapa_id].ordem,
                rc.instituicao_por_id[a.instituicao_id].nome.casefold(),
            ),
        )

    @cached_property
    def instituicoes_do_fluxo(self) -> list[Instituicao]:
        """Institutions with a duty in the chosen flow, by first stage then name."""
        primeira: dict[int, int] = {}
        for a in self.atribuicoes:
            ordem = self.rc.etapa_por_id[a.etapa_id].ordem
            primeira[a.instituicao_id] = min(primeira.get(a.instituicao_id, ordem), ordem)
        return sorted(
            (self.rc.instituicao_por_id[i] for i in primeira),
            key=lambda inst: (primeira[inst.id], inst.nome.casefold()),
        )

    def atribuicoes_de(self, instituicao_id: int) -> list[Atribuicao]:
        return [a for a in self.atribuicoes if a.instituicao_id == instituicao_id]

    @property
    def local(self) -> str:
        return self.config.local or self.territorio.cidade

    @property
    def local_data(self) -> str:
        """The closing line: 'Boa Vista/RR, 26 de novembro de 2026.'"""
        return f"{self.local}, {data_por_extenso(self.hoje)}."

    @property
    def diario_oficial(self) -> str:
        return self.config.diario_oficial or diario_oficial(self.rc.rede)

    def coordenacao(self) -> Instituicao:
        """The coordinating institution, or a clear error: the Termo and the act need it."""
        coord = self.rc.coordenacao
        if coord is None:
            raise ErroDocumento(
                "A rede ainda não tem instituição coordenadora do Fluxo. Defina-a na seção Rede "
                "(ou no pacote importado) antes de gerar este documento."
            )
        return coord

    def comum(self, rotulo: str | None = None, privacidade: str | None = None) -> dict:
        """Header and footer data shared by every template.

        The footer names the flow version, or `rotulo` for documents about something else
        (a meeting, a month); `privacidade` replaces the usual privacy note.
        """
        cabecalho = [self.territorio.ente, self.config.orgao_nome or self.rc.rede.nome]
        return {
            "cabecalho": cabecalho,
            "rodape": {
                "versao": rotulo or self.versao,
                "privacidade": privacidade or PRIVACIDADE,
            },
        }


def escolher_fluxo(rc: RedeCompleta, fluxo_id: int | None) -> Fluxo:
    """The flow a document is about: the one asked for, or the network's first."""
    if not rc.fluxos:
        raise ErroDocumento("O workspace não tem fluxo cadastrado.")
    if fluxo_id is None:
        return rc.fluxos[0]
    for fluxo in rc.fluxos:
        if fluxo.id == fluxo_id:
            return fluxo
    existentes = ", ".join(f"{f.id} ({f.nome})" for f in rc.fluxos)
    raise ErroDocumento(f"Fluxo {fluxo_id} inexistente. Fluxos deste workspace: {existentes}.")


def identificacao_versao(ws, rc: RedeCompleta) -> str:
    """The footer's flow identification: the frozen version the network matches, or the draft.

    This is the only place documents touch flow versions (`pacto.domain.versions`).
    """
    from pacto.domain.versions import conteudo_canonico, hash_conteudo

    rascunho = hash_conteudo(conteudo_canonico(rc))
    ultima = ws.ultima_versao()
    if ultima is not None and ultima.hash == rascunho:
        return f"Fluxo versão {ultima.numero} · {ultima.hash_curto}"
    return f"Rascunho do fluxo (não congelado) · {rascunho[:8]}"


def fontes(
    ws,
    *,
    fluxo_id: int | None = None,
    hoje: date | None = None,
    sobrescrever: bool = False,
) -> Fontes:
    """Gather a document's sources from an open workspace."""
    from pacto.services.documentos.configuracao import ler

    rc = ws.carregar()
    return Fontes(
        rc=rc,
        config=ler(ws),
        versao=identificacao_versao(ws, rc),
        hoje=hoje or date.today(),
        fluxo=escolher_fluxo(rc, fluxo_id),
        ws=ws,
        sobrescrever=sobrescrever,
    )


def rotulo(inst: Instituicao) -> str:
    """How documents name an institution: 'Hospital Geral de Roraima (HGR)'."""
    return nome_e_sigla(inst.nome, inst.sigla)


def formas_de_contato(inst: Instituicao, sem_contato: str = "") -> list[str]:
    """An institution's phone, e-mail and site, one per line, or the fallback line."""
    partes = []
    if inst.telefone:
        partes.append(f"Tel. {inst.telefone}")
    if inst.email:
        partes.append(inst.email)
    if inst.site:
        partes.append(inst.site)
    return partes or ([sem_contato] if sem_contato else [])


def qualificacao(inst: Instituicao | None) -> dict:
    """Name, CNPJ and address of a party of a Termo; None gives the blank model."""
    if inst is None:
        return {
            "nome": LINHA_EM_BRANCO,
            "sigla": "",
            "rotulo": LINHA_EM_BRANCO,
            "cnpj": LINHA_EM_BRANCO,
            "endereco": LINHA_EM_BRANCO,
        }
    return {
        "nome": inst.nome,
        "sigla": inst.sigla,
        "rotulo": rotulo(inst),
        "cnpj": inst.cnpj,
        "endereco": inst.endereco,
    }
