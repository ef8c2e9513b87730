"""Open data of the network: the directory in Open Referral HSDS 3.0 and the booklet's table in CSV.

Both come from a frozen version of the flow (the latest by default), so what a portal shows is
what the network pacted; the draft goes out only when asked for or when nothing was frozen yet.
Stable UUIDs live in the workspace's settings, keyed by acronym, stage and flow.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from pacto.domain.catalog import tipos_instituicao
from pacto.domain.errors import ErroValidacao
from pacto.domain.hsds import CABECALHO_CSV, Diretorio, diretorio, linhas_csv
from pacto.domain.territorio import territorio
from pacto.domain.versions import VersaoFluxo, conteudo_canonico, hash_conteudo
from pacto.services.arquivos import criar_pasta, texto_csv
from pacto.services.gravacao import gravar, verificar

CHAVE_UUIDS = "dados_abertos.uuids"


@dataclass(frozen=True)
class ConteudoPublicado:
    """The flow content that goes public, and which version it is (None: the draft)."""

    conteudo: dict
    versao: VersaoFluxo | None

    @property
    def rotulo(self) -> str:
        """'versão 2 (a3f9c0d1), congelada em 03/12/2026' or the draft's own label."""
        if self.versao is None:
            return f"rascunho não congelado ({hash_conteudo(self.conteudo)[:8]})"
        return f"{self.versao.rotulo}, congelada em {self.versao.criado_em:%d/%m/%Y}"

    @property
    def minuta(self) -> bool:
        return self.versao is None


def conteudo_publicado(ws, versao: int | None = None, rascunho: bool = False) -> ConteudoPublicado:
    """The frozen version asked for (default: the latest), or the draft when asked or none exists."""
    if rascunho:
        return ConteudoPublicado(conteudo_canonico(ws.carregar()), None)
    if versao is not None:
        escolhida = ws.versao(versao)
        if escolhida is None:
            raise ErroValidacao(f"A versão {versao} do fluxo não existe.")
        return ConteudoPublicado(escolhida.conteudo, escolhida)
    ultima = ws.ultima_versao()
    if ultima is None:
        return ConteudoPublicado(conteudo_canonico(ws.carregar()), None)
    return ConteudoPublicado(ultima.conteudo, ultima)


class _Identidades:
    """UUIDs kept in the workspace: the same key always gets the same UUID."""

    def __init__(self, ws):
        self.ws = ws
        try:
            self.mapa = json.loads(ws.configuracao(CHAVE_UUIDS) or "{}")
        except ValueError:
            self.mapa = {}
        if not isinstance(self.mapa, dict):
            self.mapa = {}
        self.novos = False

    def __call__(self, chave: str) -> str:
        valor = self.mapa.get(chave)
        try:
            uuid.UUID(str(valor))
        except ValueError:
            valor = None
        if valor is None:
            valor = str(uuid.uuid4())
            self.mapa[chave] = valor
            self.novos = True
        return valor

    def guardar(self) -> None:
        if self.novos:
            self.ws.definir_configuracao(CHAVE_UUIDS, json.dumps(self.mapa, sort_keys=True))


def _nomes_de_etapas(conteudo: dict) -> dict[str, str]:
    return {e["chave"]: e["nome"] for e in conteudo.get("etapas", [])}


def montar_diretorio(ws, publicado: ConteudoPublicado) -> Diretorio:
    """The HSDS items of the content, with the workspace's stable UUIDs (new ones are kept)."""
    identidades = _Identidades(ws)
    tipos = {chave: t.nome for chave, t in tipos_instituicao().items()}
    resultado = diretorio(
        publicado.conteudo,
        uuid_de=identidades,
        tipos=tipos,
        etapas=_nomes_de_etapas(publicado.conteudo),
        area=territorio(ws.rede()).nome,
    )
    identidades.guardar()
    return resultado


def _json(dados) -> bytes:
    return (json.dumps(dados, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def exportar_hsds(
    ws, pasta: Path, publicado: ConteudoPublicado, *, sobrescrever: bool = False
) -> list[Path]:
    """Write organizations.json and services.json (HSDS 3.0) into the folder."""
    criar_pasta(pasta)
    destinos = [pasta / "organizations.json", pasta / "services.json"]
    verificar(destinos, ws, sobrescrever)  # both or neither
    d = montar_diretorio(ws, publicado)
    for destino, itens in zip(destinos, (d.organizacoes, d.servicos), strict=True):
        gravar(destino, _json(itens), ws=ws, sobrescrever=sobrescrever)
    return destinos


def exportar_csv(
    ws, pasta: Path, publicado: ConteudoPublicado, *, sobrescrever: bool = False
) -> list[Path]:
    """Write the booklet's table (one row per institution and stage) as a UTF-8 CSV."""
    buffer = io.StringIO()
    escritor = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    escritor.writerow(CABECALHO_CSV)
    linhas = linhas_csv(publicado.conteudo, _nomes_de_etapas(publicado.conteudo))
    escritor.writerows([texto_csv(c) for c in linha] for linha in linhas)
    criar_pasta(pasta)
    destino = pasta / "fluxo-atendimento.csv"
    dados = buffer.getvalue().encode("utf-8-sig")  # BOM: Excel opens the accents right
    gravar(destino, dados, ws=ws, sobrescrever=sobrescrever)
    return [destino]
