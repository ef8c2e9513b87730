"""The wording of the acts' articles, kept in a text file users edit (`textos-atos.toml`).

The default file ships next to the Word templates; `pacto modelos exportar` copies it with them,
and a copy in the adapted templates folder overrides the default article by article. Texts
carry `{nome}` markers pacto fills and `{art:chave}` cross-references `numerar` resolves; any
other marker is reported, never evaluated.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from pacto.domain.errors import ErroDocumento

ARQUIVO = "textos-atos.toml"
MARCACOES = {
    "fluxo": "nome do fluxo",
    "no": "“no Estado de …” ou “no Município de …”",
    "lei": "Lei nº 13.344, de 2016",
    "codigo_penal": "o Código Penal, por extenso",
    "lgpd": "a LGPD, por extenso",
    "deste": "“desta Portaria” / “deste Decreto”",
    "Este": "“Esta Portaria” / “Este Decreto”",
    "cartilha": "a cartilha de orientação (OIM/MJSP)",
    "prazo": "o prazo do Grupo de Trabalho por extenso",
}
_MARCACAO = re.compile(r"\{(\w+)\}")


def _ler(caminho: Path) -> dict[str, dict[str, str]]:
    """The file's sections, read once per version of the file (an act asks for ~40 texts)."""
    try:
        versao = caminho.stat().st_mtime_ns
    except OSError:
        versao = 0
    return {secao: dict(valores) for secao, valores in _ler_versao(str(caminho), versao).items()}


@lru_cache(maxsize=8)
def _ler_versao(nome: str, _versao: int) -> dict[str, dict[str, str]]:
    caminho = Path(nome)
    try:
        with caminho.open("rb") as arquivo:
            dados = tomllib.load(arquivo)
    except OSError as erro:
        raise ErroDocumento(f"Não foi possível ler {caminho}: {erro.strerror or erro}.") from erro
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as erro:
        raise ErroDocumento(
            f"O arquivo de textos {caminho} tem um erro de formato ({erro}). Corrija-o ou apague-o "
            "para voltar aos textos padrão."
        ) from erro
    return {
        secao: {chave: texto for chave, texto in valores.items() if isinstance(texto, str)}
        for secao, valores in dados.items()
        if isinstance(valores, dict)
    }


def padrao() -> Path:
    """The default wording, shipped with the templates."""
    from pacto.services.documentos.modelos import pasta_padrao

    return pasta_padrao() / ARQUIVO


def carregar(pasta: Path | None) -> dict[str, dict[str, str]]:
    """The wording in force: the default, with every article the adapted folder rewrites."""
    textos = _ler(padrao())
    adaptado = pasta / ARQUIVO if pasta is not None else None
    if adaptado is not None and adaptado.is_file():
        for secao, valores in _ler(adaptado).items():
            textos.setdefault(secao, {}).update(valores)
    return textos


def marcacoes_desconhecidas(textos: dict[str, dict[str, str]]) -> list[str]:
    """'ato.objeto: {fluxoo}' for every marker pacto does not fill."""
    return [
        f"{secao}.{chave}: {{{nome}}}"
        for secao, valores in textos.items()
        for chave, texto in valores.items()
        for nome in _MARCACAO.findall(texto)
        if nome not in MARCACOES
    ]


def redigir(textos: dict, secao: str, chave: str, valores: dict[str, str]) -> str:
    """The text of one article with its markers filled; a clear error for an unknown marker."""
    texto = textos.get(secao, {}).get(chave)
    if texto is None:
        texto = _ler(padrao())[secao][chave]

    def trocar(achado: re.Match) -> str:
        nome = achado.group(1)
        if nome not in valores:
            raise ErroDocumento(
                f"O texto “{secao}.{chave}” de {ARQUIVO} usa a marcação {{{nome}}}, que o pacto "
                f"não preenche. Marcações aceitas: {', '.join('{' + m + '}' for m in MARCACOES)}."
            )
        return valores[nome]

    return _MARCACAO.sub(trocar, texto)
