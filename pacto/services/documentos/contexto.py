"""What every document's data starts from: the network snapshot, settings, date and flow version."""

from __future__ import annotations

from dataclasses import dataclass, field
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
MINUTA = "MINUTA – sem validade até a assinatura"


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
    minuta: bool = False  # rendered from the draft: "MINUTA" heads every page
    edicao: str = "rede"  # "publica": no restricted-use notice, no internal hash
    avisos: list[str] = field(default_factory=list)  # about the version chosen
    textos: dict = field(default_factory=dict)  # the acts' wording (textos-atos.toml)

    def redigir(self, secao: str, chave: str, **valores: str) -> str:
        """An article's text from the wording in force, its markers filled."""
        from pacto.domain.legislacao import CODIGO_PENAL, LGPD
        from pacto.services.documentos.textos import redigir

        base = {
            "fluxo": self.fluxo.nome,
            "no": self.territorio.no,
            "lei": "Lei nº 13.344, de 2016",
            "codigo_penal": CODIGO_PENAL,
            "lgpd": LGPD,
        }
        return redigir(self.textos, secao, chave, base | valores)

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

    def comum(
        self, rotulo: str | None = None, privacidade: str | None = None, orgao: str | None = None
    ) -> dict:
        """Header and footer data shared by every template.

        The footer names the flow version, or `rotulo` for documents about something else
        (a meeting, a month); `privacidade` replaces the usual privacy note; `orgao=""` leaves
        the issuing body out of the header.
        """
        if orgao is None:
            orgao = self.config.orgao_nome or self.rc.rede.nome
        # a Decreto is the Governor's or the Mayor's: its header names only the government
        cabecalho = [self.territorio.ente, *([orgao] if orgao else [])]
        if self.minuta:
            cabecalho.insert(0, MINUTA)
        versao = rotulo or self.versao
        if self.edicao == "publica":
            # the Diário Oficial and the public get the version number, not the internal hash
            versao = versao.split(" · ")[0]
            privacidade = privacidade or "Documento sem dados de vítimas."
        return {
            "cabecalho": cabecalho,
            "rodape": {
                "versao": versao,
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


def _versao_ou_erro(ws, numero: int):
    versao = ws.versao(numero)
    if versao is not None:
        return versao
    versoes = ws.versoes()
    if not versoes:
        existentes = "ainda não há versão congelada; use --rascunho para uma MINUTA"
    else:
        existentes = "versões existentes: " + ", ".join(str(v.numero) for v in versoes)
    raise ErroDocumento(f"A versão {numero} do fluxo não existe ({existentes}).")


AVISO_MINUTA = (
    "Documento gerado do rascunho do fluxo: sai marcado como MINUTA em todas as páginas. "
    "Congele uma versão (“pacto versao congelar --nota …”) para gerar o documento a assinar."
)


def fontes(
    ws,
    *,
    fluxo_id: int | None = None,
    hoje: date | None = None,
    sobrescrever: bool = False,
    assinatura: bool = False,
    versao: int | None = None,
    rascunho: bool = False,
    edicao: str = "rede",
) -> Fontes:
    """Gather a document's sources from an open workspace.

    A document for signature (`assinatura`) renders a frozen version: `versao`, or the latest
    one. It renders the draft, marked MINUTA, only with `rascunho` or when no version was ever
    frozen. Other documents (meetings, follow-up) render the network as it is now.
    """
    from pacto.domain.versao_rede import rede_da_versao
    from pacto.domain.versions import conteudo_canonico, hash_conteudo
    from pacto.services.documentos.configuracao import ler

    if versao is not None and rascunho:
        raise ErroDocumento("Escolha uma versão congelada ou o rascunho, não os dois.")
    rc = ws.carregar()
    rotulo = identificacao_versao(ws, rc)
    minuta, avisos = False, []
    if assinatura or versao is not None:
        congelada = (
            None
            if rascunho
            else (_versao_ou_erro(ws, versao) if versao is not None else ws.ultima_versao())
        )
        if congelada is None:
            minuta = True
            avisos.append(
                AVISO_MINUTA
                if rascunho
                else "Nenhuma versão do fluxo foi congelada ainda. " + AVISO_MINUTA
            )
            rotulo = f"Minuta – rascunho do fluxo · {hash_conteudo(conteudo_canonico(rc))[:8]}"
        else:
            if not congelada.integra:
                raise ErroDocumento(
                    f"A {congelada.rotulo} não confere com o seu hash; o workspace pode ter "
                    "sido alterado por fora do pacto. Rode “pacto verificar”."
                )
            if versao is None and hash_conteudo(conteudo_canonico(rc)) != congelada.hash:
                avisos.append(
                    f"O rascunho tem alterações que não estão na {congelada.rotulo}; o documento "
                    "traz a versão congelada. Congele uma nova versão para incluí-las, ou use "
                    "--rascunho para uma MINUTA."
                )
            rc = rede_da_versao(congelada.conteudo, rc)
            rotulo = f"Fluxo versão {congelada.numero} · {congelada.hash_curto}"
    return Fontes(
        rc=rc,
        config=ler(ws),
        versao=rotulo,
        hoje=hoje or date.today(),
        fluxo=escolher_fluxo(rc, fluxo_id),
        ws=ws,
        sobrescrever=sobrescrever,
        minuta=minuta,
        edicao=edicao,
        avisos=avisos,
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
        "cnpj": inst.cnpj or LINHA_EM_BRANCO,  # a Termo always shows where the CNPJ goes
        "endereco": inst.endereco,
    }
