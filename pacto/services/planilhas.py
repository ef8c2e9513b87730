"""Actor spreadsheets in and out: the entry points the CLI and the TUI call.

An import is planned first (`planejar_importacao`, which writes nothing and needs only a
network snapshot, so it can run in a worker thread) and then applied in one transaction.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from pacto.domain.errors import ErroImportacao
from pacto.domain.importacao import PlanoImportacao
from pacto.domain.network import RedeCompleta
from pacto.services.planilha_exportacao import exportar_atores
from pacto.services.planilha_leitura import abrir_grades
from pacto.services.planilha_mapeamento import (
    detectar_cabecalho,
    interpretar_colunas,
    linhas_de_dados,
    pontuador,
)
from pacto.services.planilha_plano import montar_plano

__all__ = ["aplicar_plano", "exportar_atores", "importar_planilha", "planejar_importacao"]


def planejar_importacao(
    arquivo: str | Path,
    rc: RedeCompleta,
    colunas: Sequence[str] = (),
    aba: str | None = None,
) -> PlanoImportacao:
    """Read a spreadsheet and say what importing it into the network `rc` would do.

    `colunas` holds hand mappings such as 'nome=Nome do serviço'; `aba` picks a sheet of a
    workbook (by default the active one, else the first whose header is recognised).
    """
    arquivo = Path(arquivo)
    manuais = interpretar_colunas(colunas)
    etapas = rc.etapas_ordenadas
    grades = abrir_grades(arquivo, aba, pontuador(manuais, etapas))
    with contextlib.closing(grades):
        lidas = []
        for grade in grades:
            cabecalho = detectar_cabecalho(grade, manuais, etapas)
            if cabecalho is not None:
                break
            lidas.append(grade.aba)
        else:
            raise ErroImportacao(_sem_cabecalho(arquivo, lidas))
    linhas, avisos = linhas_de_dados(grade, cabecalho)
    plano = PlanoImportacao(
        arquivo=arquivo.name,
        aba=grade.aba,
        linha_cabecalho=cabecalho.primeira_linha,
        colunas=cabecalho.reconhecidas,
        ignoradas=cabecalho.ignoradas,
        avisos=grade.avisos + cabecalho.avisos + avisos,
        linhas_lidas=len(linhas),
    )
    return montar_plano(linhas, rc, plano)


def _sem_cabecalho(arquivo: Path, abas: list[str]) -> str:
    onde = arquivo.name
    if any(abas):
        onde += " (abas: " + ", ".join(f"“{a}”" for a in abas) + ")"
    return (
        f"Não encontrei o cabeçalho da lista de atores em {onde}: nenhuma das primeiras linhas "
        "tem uma coluna com o nome ou a sigla da instituição (como “Instituição”, “Órgão” ou "
        '“Sigla”). Indique a coluna à mão, por exemplo: nome="Nome do serviço".'
    )


def aplicar_plano(ws, plano: PlanoImportacao) -> None:
    """Write a plan's creations and updates to the workspace in one transaction."""
    if not plano.tem_o_que_gravar:
        return
    if not ws.aceitar_alertas_privacidade:
        from pacto.services.privacidade import problemas_do_plano, recusar

        recusar(problemas_do_plano(plano), f"A planilha {plano.arquivo}")
    # every field written was just checked, with the rows named: no second scan at commit
    with ws.aceitando_alertas_de_privacidade():
        ws.aplicar_importacao(plano)


def importar_planilha(
    ws,
    arquivo: str | Path,
    colunas: Sequence[str] = (),
    aba: str | None = None,
    simular: bool = False,
) -> PlanoImportacao:
    """Plan an import against the workspace and, unless simulating, apply it."""
    plano = planejar_importacao(arquivo, ws.carregar(), colunas, aba)
    if not simular:
        aplicar_plano(ws, plano)
    return plano
