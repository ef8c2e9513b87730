"""The whole workspace as one portable JSON bundle, the way institutions hand a pact to each other."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pacto import __version__
from pacto.domain.errors import ErroImportacao, ErroValidacao
from pacto.domain.models import (
    Atribuicao,
    Encaminhamento,
    Etapa,
    Fluxo,
    Instituicao,
    PontoFocal,
    Rede,
    campos,
    como_dict,
)
from pacto.domain.network import RedeCompleta
from pacto.domain.validation import validar_instituicao, validar_ponto_focal, validar_rede
from pacto.domain.versions import VersaoFluxo, hash_conteudo, problemas_do_conteudo
from pacto.store import Workspace

FORMATO = "pacto"
VERSAO_FORMATO = 1
SECOES = {
    "fluxos": Fluxo,
    "etapas": Etapa,
    "instituicoes": Instituicao,
    "pontos_focais": PontoFocal,
    "atribuicoes": Atribuicao,
    "encaminhamentos": Encaminhamento,
}
_INTEIROS = {"id", "ordem", "instituicao_id", "etapa_id", "fluxo_id", "origem_id", "destino_id"}


def montar(rc: RedeCompleta, versoes: Iterable[VersaoFluxo] = ()) -> dict[str, Any]:
    """The bundle dict of a network snapshot and its frozen versions."""
    pacote: dict[str, Any] = {
        "formato": FORMATO,
        "versao_formato": VERSAO_FORMATO,
        "gerado_por": f"pacto {__version__}",
        "gerado_em": datetime.now().isoformat(timespec="seconds"),
        "rede": como_dict(rc.rede),
    }
    for secao in SECOES:
        pacote[secao] = [como_dict(r) for r in getattr(rc, secao)]
    pacote["versoes"] = [
        {
            "numero": v.numero,
            "hash": v.hash,
            "nota": v.nota,
            "criado_em": v.criado_em.isoformat(timespec="seconds"),
            "conteudo": v.conteudo,
        }
        for v in versoes
    ]
    return pacote


def exportar(ws: Workspace, destino: str | Path) -> Path:
    """Write the workspace to a JSON file, atomically (a temporary file renamed into place)."""
    destino = Path(destino)
    pacote = montar(ws.carregar(), ws.versoes())
    texto = json.dumps(pacote, ensure_ascii=False, indent=2)
    temporario = destino.with_name(destino.name + ".tmp")
    temporario.write_text(texto + "\n", encoding="utf-8")
    temporario.replace(destino)
    return destino


def ler(origem: str | Path) -> RedeCompleta:
    """Read and fully validate a bundle file into a network snapshot, or raise ErroImportacao."""
    return desmontar(_ler_json(origem))


def _ler_json(origem: str | Path) -> Any:
    origem = Path(origem)
    try:
        texto = origem.read_text(encoding="utf-8")
    except FileNotFoundError as erro:
        raise ErroImportacao(f"Arquivo não encontrado: {origem}") from erro
    except UnicodeDecodeError as erro:
        raise ErroImportacao(f"{origem} não é um arquivo de texto UTF-8.") from erro
    try:
        dados = json.loads(texto)
    except json.JSONDecodeError as erro:
        raise ErroImportacao(
            f"{origem} não é um JSON válido (linha {erro.lineno}, coluna {erro.colno})."
        ) from erro
    return dados


def desmontar(dados: Any) -> RedeCompleta:
    """Turn a bundle dict into a validated network snapshot."""
    if not isinstance(dados, dict) or dados.get("formato") != FORMATO:
        raise ErroImportacao("O arquivo não é um pacote do pacto (falta “formato”: “pacto”).")
    versao = dados.get("versao_formato")
    if not isinstance(versao, int) or versao < 1:
        raise ErroImportacao("O pacote não informa uma “versao_formato” válida.")
    if versao > VERSAO_FORMATO:
        raise ErroImportacao(
            "O pacote foi gerado por uma versão mais nova do pacto. Atualize o pacto para importá-lo."
        )
    rede = _registro(Rede, dados.get("rede"), "rede")
    try:
        validar_rede(rede)
    except ErroValidacao as erro:
        raise ErroImportacao(f"Seção “rede”: {erro.mensagem}") from erro
    secoes = {nome: _lista(dados, nome, modelo) for nome, modelo in SECOES.items()}
    rc = RedeCompleta(rede=rede, **secoes)
    _validar_conteudo(rc)
    return rc


def _lista(dados: dict, secao: str, modelo: type) -> list:
    itens = dados.get(secao, [])
    if not isinstance(itens, list):
        raise ErroImportacao(f"A seção “{secao}” deveria ser uma lista.")
    return [_registro(modelo, item, f"{secao}[{n}]") for n, item in enumerate(itens, start=1)]


def _registro(modelo: type, item: Any, onde: str):
    if not isinstance(item, dict):
        raise ErroImportacao(f"{onde}: esperado um objeto com campos.")
    valores = {}
    for campo in campos(modelo):
        if campo not in item:
            continue
        valores[campo] = _converter(campo, item[campo], onde)
    try:
        return modelo(**valores)
    except TypeError as erro:
        faltando = [c for c in campos(modelo) if c not in valores]
        raise ErroImportacao(
            f"{onde}: faltam campos obrigatórios ({', '.join(faltando)})."
        ) from erro


def _converter(campo: str, valor: Any, onde: str) -> Any:
    if valor is None:
        return None
    if campo in _INTEIROS or campo == "coordenacao_id":
        if isinstance(valor, bool) or not isinstance(valor, int):
            raise ErroImportacao(f"{onde}: o campo “{campo}” deveria ser um número inteiro.")
        return valor
    if campo == "finalidades":
        if not isinstance(valor, list) or not all(isinstance(v, str) for v in valor):
            raise ErroImportacao(f"{onde}: “finalidades” deveria ser uma lista de textos.")
        return valor
    if campo == "confirmado_em":
        try:
            return date.fromisoformat(valor)
        except (TypeError, ValueError) as erro:
            raise ErroImportacao(f"{onde}: data inválida em “confirmado_em”: {valor!r}.") from erro
    if not isinstance(valor, str):
        raise ErroImportacao(f"{onde}: o campo “{campo}” deveria ser um texto.")
    return valor


def _validar_conteudo(rc: RedeCompleta) -> None:
    """Check every record's rules and that every reference points to a record of the bundle."""
    problemas: list[str] = []
    siglas: list[str] = []
    for n, inst in enumerate(rc.instituicoes, start=1):
        try:
            validar_instituicao(inst, siglas)
        except ErroValidacao as erro:
            problemas.append(f"instituicoes[{n}]: {erro.mensagem}")
        siglas.append(inst.sigla)
    for n, ponto in enumerate(rc.pontos_focais, start=1):
        try:
            validar_ponto_focal(ponto)
        except ErroValidacao as erro:
            problemas.append(f"pontos_focais[{n}]: {erro.mensagem}")
    ids = {nome: {r.id for r in getattr(rc, nome)} for nome in SECOES}
    for nome in SECOES:
        if None in ids[nome] or len(ids[nome]) != len(getattr(rc, nome)):
            problemas.append(f"A seção “{nome}” tem registros sem “id” ou com “id” repetido.")
    referencias = [
        ("pontos_focais", "instituicao_id", "instituicoes"),
        ("atribuicoes", "instituicao_id", "instituicoes"),
        ("atribuicoes", "etapa_id", "etapas"),
        ("atribuicoes", "fluxo_id", "fluxos"),
        ("encaminhamentos", "origem_id", "instituicoes"),
        ("encaminhamentos", "destino_id", "instituicoes"),
        ("encaminhamentos", "fluxo_id", "fluxos"),
    ]
    for secao, campo, alvo in referencias:
        for n, registro in enumerate(getattr(rc, secao), start=1):
            if getattr(registro, campo) not in ids[alvo]:
                problemas.append(
                    f"{secao}[{n}]: “{campo}” não corresponde a nenhum item de “{alvo}”."
                )
    if rc.rede.coordenacao_id is not None and rc.rede.coordenacao_id not in ids["instituicoes"]:
        problemas.append("rede: “coordenacao_id” não corresponde a nenhuma instituição.")
    if problemas:
        raise ErroImportacao(
            "O pacote tem problemas e nada foi importado:\n- " + "\n- ".join(problemas[:20])
        )


def desmontar_versoes(dados: Any) -> list[VersaoFluxo]:
    """The frozen versions of a bundle dict, each checked against its hash (none in old bundles)."""
    itens = dados.get("versoes", []) if isinstance(dados, dict) else []
    if not isinstance(itens, list):
        raise ErroImportacao("A seção “versoes” deveria ser uma lista.")
    versoes: list[VersaoFluxo] = []
    problemas: list[str] = []
    for n, item in enumerate(itens, start=1):
        onde = f"versoes[{n}]"
        if not isinstance(item, dict):
            raise ErroImportacao(f"{onde}: esperado um objeto com campos.")
        numero, hash_, nota = item.get("numero"), item.get("hash"), item.get("nota", "")
        conteudo = item.get("conteudo")
        if isinstance(numero, bool) or not isinstance(numero, int) or numero < 1:
            raise ErroImportacao(f"{onde}: “numero” deveria ser um inteiro a partir de 1.")
        if not isinstance(hash_, str) or not isinstance(nota, str):
            raise ErroImportacao(f"{onde}: “hash” e “nota” deveriam ser textos.")
        estrutura = problemas_do_conteudo(conteudo)
        if estrutura:
            raise ErroImportacao(f"{onde}: conteúdo inválido: {'; '.join(estrutura[:3])}.")
        try:
            criado_em = datetime.fromisoformat(item.get("criado_em"))
        except (TypeError, ValueError) as erro:
            raise ErroImportacao(
                f"{onde}: data inválida em “criado_em”: {item.get('criado_em')!r}."
            ) from erro
        if hash_conteudo(conteudo) != hash_:
            problemas.append(
                f"{onde}: o conteúdo da versão {numero} não confere com o seu hash "
                "(o pacote foi alterado depois de exportado)."
            )
        versoes.append(VersaoFluxo(numero, hash_, nota, criado_em, conteudo))
    numeros = [v.numero for v in versoes]
    if len(set(numeros)) != len(numeros):
        problemas.append("A seção “versoes” tem números de versão repetidos.")
    if problemas:
        raise ErroImportacao(
            "O pacote tem problemas e nada foi importado:\n- " + "\n- ".join(problemas[:20])
        )
    return sorted(versoes, key=lambda v: v.numero)


def importar(ws: Workspace, origem: str | Path, substituir: bool = False) -> RedeCompleta:
    """Replace the workspace's network and versions with a bundle's; refuses a non-empty
    workspace unless asked."""
    dados = _ler_json(origem)
    rc = desmontar(dados)
    versoes = desmontar_versoes(dados)
    if not substituir and not (ws.esta_vazio() and not ws.versoes()):
        raise ErroImportacao(
            "O workspace já tem dados. Use --substituir para trocar todo o conteúdo pelo do pacote."
        )
    ws.substituir(rc, versoes)
    return rc
