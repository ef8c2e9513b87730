"""Draw the flow diagram to a file: DOT and Mermaid text always, PNG and SVG through Graphviz."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pacto.domain.diagram import gerar_dot, gerar_mermaid
from pacto.domain.errors import PactoErro, motivo_os
from pacto.domain.network import RedeCompleta

# format -> file extension
FORMATOS = {"png": "png", "svg": "svg", "mermaid": "mmd", "dot": "dot"}
NOME_PADRAO = "diagrama-fluxo"
DPI_PNG = 150  # an A4 landscape page at 150 dpi: sharp in print, light in a .docx
TEMPO_LIMITE_S = 120
SEM_GRAPHVIZ = (
    "Instale o Graphviz (pacote graphviz) para gerar PNG ou SVG; "
    "os formatos mermaid e dot funcionam sem ele."
)


class ErroGraphviz(PactoErro):
    """Graphviz is missing or could not draw the diagram."""


def caminho_dot() -> str | None:
    """Where Graphviz's `dot` executable is, or None when it is not installed."""
    return shutil.which("dot")


def renderizar(texto_dot: str, formato: str) -> bytes:
    """Run Graphviz `dot` on a DOT text and return the PNG or SVG bytes."""
    if formato not in ("png", "svg"):
        raise ValueError(f"Graphviz output format not supported here: {formato}")
    executavel = caminho_dot()
    if executavel is None:
        raise ErroGraphviz(SEM_GRAPHVIZ)
    argumentos = [executavel, f"-T{formato}"]
    if formato == "png":
        argumentos.append(f"-Gdpi={DPI_PNG}")
    try:
        resultado = subprocess.run(
            argumentos,
            input=texto_dot.encode("utf-8"),
            capture_output=True,
            timeout=TEMPO_LIMITE_S,
            check=False,
        )
    except subprocess.TimeoutExpired as erro:
        raise ErroGraphviz(
            f"O Graphviz não terminou o desenho em {TEMPO_LIMITE_S} segundos."
        ) from erro
    except OSError as erro:
        raise ErroGraphviz(
            f"Não foi possível executar o Graphviz: {_motivo_execucao(erro)}."
        ) from erro
    if resultado.returncode != 0 or not resultado.stdout:
        detalhe = resultado.stderr.decode("utf-8", "replace").strip()
        raise ErroGraphviz(f"O Graphviz não conseguiu desenhar o diagrama: {detalhe}")
    return resultado.stdout


def desenhar(rc: RedeCompleta, formato: str, titulo: str | None = None, versao: str = "") -> bytes:
    """The diagram of a network in one of FORMATOS, as bytes ready to be written."""
    if formato not in FORMATOS:
        raise PactoErro(f"Formato desconhecido: “{formato}”. Use um destes: {', '.join(FORMATOS)}.")
    if formato == "mermaid":
        return gerar_mermaid(rc, titulo).encode("utf-8")
    texto = gerar_dot(rc, titulo, versao)
    if formato == "dot":
        return texto.encode("utf-8")
    return renderizar(texto, formato)


def destino_padrao(formato: str, pasta: Path | None = None) -> Path:
    """`diagrama-fluxo.<ext>` in the given folder (the current one by default)."""
    return (pasta or Path.cwd()) / f"{NOME_PADRAO}.{FORMATOS[formato]}"


def gravar_diagrama(
    rc: RedeCompleta,
    formato: str,
    destino: Path | None = None,
    titulo: str | None = None,
    *,
    ws=None,
    sobrescrever: bool = False,
    versao: str = "",
) -> Path:
    """Write the diagram to `destino` (a file or a folder) through `gravacao.gravar`."""
    from pacto.services.gravacao import gravar

    if destino is None:
        destino = destino_padrao(formato)
    elif destino.is_dir():
        destino = destino_padrao(formato, destino)
    if not destino.parent.exists():
        raise PactoErro(f"A pasta {destino.parent} não existe.")
    conteudo = desenhar(rc, formato, titulo, versao)
    return gravar(destino, conteudo, ws=ws, sobrescrever=sobrescrever)


def _motivo_execucao(erro: OSError) -> str:
    """Why a program could not be started: not found, or the file system's reason."""
    return "programa não encontrado" if isinstance(erro, FileNotFoundError) else motivo_os(erro)
