"""The whole workspace as one portable JSON bundle, the way institutions hand a pact to each other."""

from __future__ import annotations

import json
import math
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from pacto import __version__
from pacto.domain.calendario import checar_faixa
from pacto.domain.errors import ErroImportacao, ErroValidacao, motivo_os
from pacto.domain.linhas_extras import (
    LIMITE_ID,
    NOMES_TABELAS,
)
from pacto.domain.linhas_extras import onde as onde_linha
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
)
from pacto.domain.text import caracteres_proibidos
from pacto.domain.validation import (
    validar_rede,
)
from pacto.domain.versions import VersaoFluxo, hash_conteudo, problemas_do_conteudo
from pacto.services.bundle_validacao import validar_conteudo, validar_extras
from pacto.services.entrada import LIMITE_BYTES_PACOTE, verificar_arquivo
from pacto.store import Workspace, conexoes
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


def exportar(ws: Workspace, destino: str | Path, sobrescrever: bool = False) -> Path:
    """Write the workspace to a JSON file, readable by the owner only (it holds contacts)."""
    from pacto.services.gravacao import gravar

    pacote = montar(ws.carregar(), ws.versoes()) | ws.linhas_extras()
    pacote["configuracoes"] = [
        linha for linha in pacote.get("configuracoes", []) if not configuracao_local(linha)
    ]
    texto = json.dumps(pacote, ensure_ascii=False, indent=2) + "\n"
    return gravar(Path(destino), texto, ws=ws, sobrescrever=sobrescrever, privado=True)


def ler(origem: str | Path) -> RedeCompleta:
    """Read and fully validate a bundle file into a network snapshot, or raise ErroImportacao."""
    return ler_tudo(origem)[1]


def ler_tudo(origem: str | Path) -> tuple[Any, RedeCompleta, list[VersaoFluxo], dict]:
    """The parsed bundle, its network, frozen versions and extra rows, every row validated."""
    dados = _ler_json(origem)
    rc = desmontar(dados)
    versoes = desmontar_versoes(dados)
    adicionais = extras(dados)
    validar_extras(adicionais, rc, versoes)
    return dados, rc, versoes, adicionais


def _ler_json(origem: str | Path) -> Any:
    """The parsed JSON of a bundle file, with clear messages for unreadable files."""
    origem = Path(origem)
    verificar_arquivo(origem, LIMITE_BYTES_PACOTE, "o pacote")
    conexoes.recusar_se_em_uso(origem, "pacote a importar")
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
    except ValueError as erro:  # a number with thousands of digits
        raise ErroImportacao(
            f"{origem} tem um número grande demais (milhares de algarismos); nada foi importado."
        ) from erro
    return dados


def extras(dados: dict) -> dict[str, list[dict]]:
    """The bundle's sections beyond the network (working group, self-diagnosis, settings…)."""
    resultado = {}
    for secao in TABELAS_EXTRAS:
        linhas = dados.get(secao, [])
        if not isinstance(linhas, list) or not all(isinstance(x, dict) for x in linhas):
            raise ErroImportacao(f"A seção “{secao}” deveria ser uma lista de objetos.")
        for n, linha in enumerate(linhas, start=1):
            for campo, valor in linha.items():
                if isinstance(valor, (dict, list)):
                    problema = "deveria ser um texto ou um número, não uma lista ou um objeto"
                elif isinstance(valor, float) and not math.isfinite(valor):
                    problema = "NaN e Infinity não são números válidos"
                else:
                    continue
                raise ErroImportacao(
                    f"O pacote tem linhas inválidas e nada foi importado:\n- "
                    f"{onde_linha(secao, n, campo)}: {problema}."
                )
        resultado[secao] = linhas
    return resultado


# Settings that only hold on the computer that wrote them: the adapted templates' folder.
CONFIGURACOES_LOCAIS = {"modelos": "pasta de modelos"}
_CAMINHO = re.compile(r"^(?:/|~|\\\\|[A-Za-z]:[\\/])")


def configuracao_local(linha: dict) -> bool:
    """True for a setting tied to one machine: a known local key, or any value that is a path."""
    valor = linha.get("valor")
    return linha.get("chave") in CONFIGURACOES_LOCAIS or (
        isinstance(valor, str) and bool(_CAMINHO.match(valor.strip()))
    )


def sem_configuracoes_locais(ws: Workspace, adicionais: dict[str, list[dict]]) -> list[str]:
    """Drop a bundle's machine-local settings (they could point this computer's templates
    anywhere), keep this workspace's own, and return one warning per setting dropped."""
    linhas = adicionais.get("configuracoes", [])
    descartadas = [linha for linha in linhas if configuracao_local(linha)]
    mantidas = [linha for linha in linhas if not configuracao_local(linha)]
    for chave in CONFIGURACOES_LOCAIS:
        valor = ws.configuracao(chave)
        if valor:
            mantidas.append({"chave": chave, "valor": valor})
    adicionais["configuracoes"] = mantidas
    return [
        f"A configuração “{linha.get('chave')}” "
        f"({CONFIGURACOES_LOCAIS.get(linha.get('chave'), 'um caminho neste computador')}) do "
        "pacote não foi importada: ela só vale no computador onde o pacote foi exportado."
        for linha in descartadas
    ]


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
    validar_conteudo(rc)
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
        if not -LIMITE_ID <= valor <= LIMITE_ID:
            raise ErroImportacao(f"{onde}: o número do campo “{campo}” é grande demais.")
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
            lido = tipo.fromisoformat(valor)
        except (TypeError, ValueError) as erro:
            qual = "data" if tipo is date else "hora"
            raise ErroImportacao(
                f"{onde}: {qual} inválida em “{campo}”: {str(valor)[:40]!r}."
            ) from erro
        if tipo is date:
            try:
                checar_faixa(lido, f"a data de “{campo}”")
            except ErroValidacao as erro:
                raise ErroImportacao(f"{onde}: {erro.mensagem}") from erro
        return lido
    if not isinstance(valor, str):
        raise ErroImportacao(f"{onde}: o campo “{campo}” deveria ser um texto.")
    return valor


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
        if isinstance(numero, bool) or not isinstance(numero, int) or not 1 <= numero <= LIMITE_ID:
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
        try:
            checar_faixa(criado_em.date(), "a data de “criado_em”")
        except ErroValidacao as erro:
            raise ErroImportacao(f"{onde}: {erro.mensagem}") from erro
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
NOMES_SECOES = NOMES_TABELAS | {
    "instituicoes": "instituições",
    "sugestoes": "sugestões",
    "versoes": "versões congeladas",
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
    dados, rc, versoes, adicionais = ler_tudo(origem)
    com_dados = ws.tabelas_com_dados()
    if com_dados and not substituir:
        nomes = ", ".join(NOMES_SECOES[t] for t in com_dados)
        raise ErroImportacao(
            f"O workspace já tem dados ({nomes}). Use --substituir para trocar todo o "
            "conteúdo pelo do pacote."
        )
    if not ws.aceitar_alertas_privacidade:
        from pacto.services.privacidade import problemas_do_pacote, recusar

        recusar(problemas_do_pacote(rc, adicionais), f"O pacote {Path(origem).name}")
    resultado = ResultadoImportacao(rc)
    resultado.avisos = [
        f"O pacote não traz a seção “{tabela}” (talvez tenha sido gerado por uma versão "
        f"anterior do pacto): o que este workspace tinha em {NOMES_SECOES[tabela]} foi "
        "descartado."
        for tabela in com_dados
        if tabela not in dados
    ]
    resultado.avisos += sem_configuracoes_locais(ws, adicionais)
    if com_dados:
        resultado.copia_anterior = ws.backup_automatico("antes-de-importar")
    # every field was just checked, with section and item named: no second scan at commit
    with ws.aceitando_alertas_de_privacidade():
        ws.substituir(rc, versoes, adicionais)
    return resultado
