"""The whole workspace as one portable JSON bundle, the way institutions hand a pact to each other."""

from __future__ import annotations

import json
import math
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from pacto import __version__
from pacto.domain.errors import ErroImportacao, ErroValidacao, motivo_os
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
from pacto.domain.reunioes import (
    Acao,
    Deliberacao,
    ItemPauta,
    Presenca,
    Reuniao,
    Sugestao,
    validar_acao,
    validar_item_pauta,
    validar_presenca,
    validar_reuniao,
    validar_sugestao,
)
from pacto.domain.text import caracteres_proibidos
from pacto.domain.validation import validar_instituicao, validar_ponto_focal, validar_rede
from pacto.domain.versions import VersaoFluxo, hash_conteudo, problemas_do_conteudo
from pacto.services.arquivos import gravar_atomico
from pacto.store import Workspace
from pacto.store.workspace import TABELAS_EXTRAS

FORMATO = "pacto"
VERSAO_FORMATO = 1
SECOES = {
    "fluxos": Fluxo,
    "etapas": Etapa,
    "instituicoes": Instituicao,
    "pontos_focais": PontoFocal,
    "atribuicoes": Atribuicao,
    "encaminhamentos": Encaminhamento,
    "reunioes": Reuniao,
    "pauta": ItemPauta,
    "presencas": Presenca,
    "deliberacoes": Deliberacao,
    "acoes": Acao,
    "sugestoes": Sugestao,
}


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
    pacote = montar(ws.carregar(), ws.versoes()) | ws.linhas_extras()
    texto = json.dumps(pacote, ensure_ascii=False, indent=2) + "\n"
    return gravar_atomico(Path(destino), lambda caminho: caminho.write_text(texto, "utf-8"))


def ler(origem: str | Path) -> RedeCompleta:
    """Read and fully validate a bundle file into a network snapshot, or raise ErroImportacao."""
    return desmontar(_ler_json(origem))


def _ler_json(origem: str | Path) -> Any:
    """The parsed JSON of a bundle file, with clear messages for unreadable files."""
    origem = Path(origem)
    try:
        texto = origem.read_text(encoding="utf-8")
    except FileNotFoundError as erro:
        raise ErroImportacao(f"Arquivo não encontrado: {origem}") from erro
    except IsADirectoryError as erro:
        raise ErroImportacao(f"{origem} é uma pasta; informe o arquivo .json.") from erro
    except UnicodeDecodeError as erro:
        raise ErroImportacao(f"{origem} não é um arquivo de texto UTF-8.") from erro
    except OSError as erro:
        raise ErroImportacao(f"Não foi possível ler {origem}: {motivo_os(erro)}.") from erro
    try:
        dados = json.loads(texto)
    except json.JSONDecodeError as erro:
        raise ErroImportacao(
            f"{origem} não é um JSON válido (linha {erro.lineno}, coluna {erro.colno})."
        ) from erro
    except RecursionError as erro:
        raise ErroImportacao(f"{origem} tem listas ou objetos aninhados demais.") from erro
    return dados


def extras(dados: dict) -> dict[str, list[dict]]:
    """The bundle's sections beyond the network (working group, self-diagnosis, settings…)."""
    resultado = {}
    for secao in TABELAS_EXTRAS:
        linhas = dados.get(secao, [])
        if not isinstance(linhas, list) or not all(isinstance(x, dict) for x in linhas):
            raise ErroImportacao(f"A seção “{secao}” deveria ser uma lista de objetos.")
        for n, linha in enumerate(linhas, start=1):
            if any(isinstance(v, (dict, list)) for v in linha.values()):
                raise ErroImportacao(f"{secao}[{n}]: valores deveriam ser textos ou números.")
            if any(isinstance(v, float) and not math.isfinite(v) for v in linha.values()):
                raise ErroImportacao(f"{secao}[{n}]: NaN e Infinity não são números válidos.")
        resultado[secao] = linhas
    return resultado


def textos_proibidos(dados: Any, onde: str = "") -> list[str]:
    """Where a bundle holds text with control characters or lone surrogates, e.g.
    'instituicoes[3].nome (U+0000)': a bundle pacto wrote never has them."""
    achados: list[str] = []
    if isinstance(dados, str):
        codigos = caracteres_proibidos(dados)
        if codigos:
            achados.append(f"{onde or 'texto'} ({', '.join(codigos[:3])})")
    elif isinstance(dados, dict):
        for chave, valor in dados.items():
            achados += textos_proibidos(chave, f"{onde}.{chave}".lstrip(".") + " (nome do campo)")
            achados += textos_proibidos(valor, f"{onde}.{chave}".lstrip("."))
    elif isinstance(dados, list):
        for n, valor in enumerate(dados, start=1):
            achados += textos_proibidos(valor, f"{onde}[{n}]")
    return achados


def desmontar(dados: Any) -> RedeCompleta:
    """Turn a bundle dict into a validated network snapshot."""
    if not isinstance(dados, dict) or dados.get("formato") != FORMATO:
        raise ErroImportacao("O arquivo não é um pacote do pacto (falta “formato”: “pacto”).")
    try:
        proibidos = textos_proibidos(dados)
    except RecursionError as erro:
        raise ErroImportacao("O pacote tem listas ou objetos aninhados demais.") from erro
    if proibidos:
        raise ErroImportacao(
            "O pacote tem textos com caracteres de controle invisíveis ou inválidos, que o pacto "
            "não grava, e nada foi importado:\n- " + "\n- ".join(proibidos[:20])
        )
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
        valores[campo] = _converter(modelo, campo, item[campo], onde)
    try:
        return modelo(**valores)
    except TypeError as erro:
        faltando = [c for c in campos(modelo) if c not in valores]
        raise ErroImportacao(
            f"{onde}: faltam campos obrigatórios ({', '.join(faltando)})."
        ) from erro


@cache
def _tipos(modelo: type) -> dict[str, type]:
    """Each field's type, without the `| None` (None is accepted for every optional field)."""
    tipos = {}
    for campo, tipo in typing.get_type_hints(modelo).items():
        if isinstance(tipo, types.UnionType):
            tipo = next(t for t in typing.get_args(tipo) if t is not type(None))
        tipos[campo] = typing.get_origin(tipo) or tipo
    return tipos


def _converter(modelo: type, campo: str, valor: Any, onde: str) -> Any:
    if valor is None:
        return None
    tipo = _tipos(modelo)[campo]
    if tipo is int:
        if isinstance(valor, bool) or not isinstance(valor, int):
            raise ErroImportacao(f"{onde}: o campo “{campo}” deveria ser um número inteiro.")
        return valor
    if tipo is bool:
        if not isinstance(valor, bool):
            raise ErroImportacao(f"{onde}: o campo “{campo}” deveria ser true ou false.")
        return valor
    if tipo is list:
        if not isinstance(valor, list) or not all(isinstance(v, str) for v in valor):
            raise ErroImportacao(f"{onde}: “{campo}” deveria ser uma lista de textos.")
        return valor
    if tipo is dict:
        if not isinstance(valor, dict):
            raise ErroImportacao(f"{onde}: “{campo}” deveria ser um objeto.")
        return valor
    if tipo in (date, time):
        try:
            return tipo.fromisoformat(valor)
        except (TypeError, ValueError) as erro:
            qual = "data" if tipo is date else "hora"
            raise ErroImportacao(f"{onde}: {qual} inválida em “{campo}”: {valor!r}.") from erro
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
    validadores = {
        "reunioes": validar_reuniao,
        "pauta": validar_item_pauta,
        "presencas": validar_presenca,
        "acoes": validar_acao,
        "sugestoes": validar_sugestao,
    }
    for secao, validar in validadores.items():
        for n, registro in enumerate(getattr(rc, secao), start=1):
            try:
                validar(registro)
            except ErroValidacao as erro:
                problemas.append(f"{secao}[{n}]: {erro.mensagem}")
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
        ("pauta", "reuniao_id", "reunioes"),
        ("presencas", "reuniao_id", "reunioes"),
        ("deliberacoes", "reuniao_id", "reunioes"),
        ("acoes", "reuniao_id", "reunioes"),
    ]
    for secao, campo, alvo in referencias:
        for n, registro in enumerate(getattr(rc, secao), start=1):
            if getattr(registro, campo) not in ids[alvo]:
                problemas.append(
                    f"{secao}[{n}]: “{campo}” não corresponde a nenhum item de “{alvo}”."
                )
    opcionais = [
        ("presencas", "instituicao_id", "instituicoes"),
        ("deliberacoes", "item_id", "pauta"),
        ("acoes", "instituicao_id", "instituicoes"),
        ("sugestoes", "reuniao_id", "reunioes"),
        ("sugestoes", "instituicao_id", "instituicoes"),
    ]
    for secao, campo, alvo in opcionais:
        for n, registro in enumerate(getattr(rc, secao), start=1):
            valor = getattr(registro, campo)
            if valor is not None and valor not in ids[alvo]:
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


# How the refusal and warning messages name a table of the workspace.
NOMES_SECOES = {
    "instituicoes": "instituições",
    "reunioes": "reuniões",
    "sugestoes": "sugestões",
    "versoes": "versões congeladas",
    "configuracoes": "configurações dos documentos",
    "grupo_trabalho": "grupo de trabalho",
    "autodiagnostico_rodadas": "autodiagnóstico",
    "autodiagnostico_respostas": "respostas do autodiagnóstico",
    "ajustes_passos": "ajustes dos passos",
    "netp_envios": "envios ao NETP",
    "netp_contagens": "contagens enviadas ao NETP",
    "checklist_respostas": "respostas do checklist mensal",
    "indicador_metas": "metas dos indicadores",
    "indicador_valores": "valores dos indicadores",
    "adesoes": "adesões",
    "avaliacoes": "avaliações periódicas",
}


@dataclass
class ResultadoImportacao:
    """What a bundle import did: the network it brought, warnings, and the backup it kept."""

    rc: RedeCompleta
    avisos: list[str] = field(default_factory=list)
    copia_anterior: Path | None = None


def importar(ws: Workspace, origem: str | Path, substituir: bool = False) -> RedeCompleta:
    """Replace the workspace's network, versions and extra sections with a bundle's;
    refuses a workspace that holds any data unless asked."""
    return importar_com_avisos(ws, origem, substituir).rc


def importar_com_avisos(
    ws: Workspace, origem: str | Path, substituir: bool = False
) -> ResultadoImportacao:
    """`importar`, keeping an automatic backup of what it replaces and warning about data the
    workspace had and the bundle lacks (a bundle from an older pacto has no section for it)."""
    dados = _ler_json(origem)
    rc = desmontar(dados)
    versoes = desmontar_versoes(dados)
    adicionais = extras(dados)
    com_dados = ws.tabelas_com_dados()
    if com_dados and not substituir:
        nomes = ", ".join(NOMES_SECOES[t] for t in com_dados)
        raise ErroImportacao(
            f"O workspace já tem dados ({nomes}). Use --substituir para trocar todo o "
            "conteúdo pelo do pacote."
        )
    resultado = ResultadoImportacao(rc)
    resultado.avisos = [
        f"O pacote não traz a seção “{tabela}” (talvez tenha sido gerado por uma versão "
        f"anterior do pacto): o que este workspace tinha em {NOMES_SECOES[tabela]} foi "
        "descartado."
        for tabela in com_dados
        if tabela not in dados
    ]
    if com_dados:
        resultado.copia_anterior = ws.backup_automatico("antes-de-importar")
    ws.substituir(rc, versoes, adicionais)
    return resultado
