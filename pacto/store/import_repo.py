"""Apply a spreadsheet import plan to the workspace: every valid row in one transaction."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from pacto.domain.errors import ErroImportacao
from pacto.domain.models import Instituicao, PontoFocal, campos, como_dict
from pacto.domain.text import chave_comparacao

if TYPE_CHECKING:
    from pacto.domain.importacao import PlanoImportacao

_CAMPOS_INSTITUICAO = [c for c in campos(Instituicao) if c != "id"]
_CAMPOS_PONTO = [c for c in campos(PontoFocal) if c != "id"]


def _insert(tabela: str, colunas: list[str]) -> str:
    return (
        f"INSERT INTO {tabela} (id, {', '.join(colunas)}) "
        f"VALUES (?, {', '.join('?' * len(colunas))})"
    )


def _update(tabela: str, colunas: list[str]) -> str:
    return f"UPDATE {tabela} SET {', '.join(f'{c} = ?' for c in colunas)} WHERE id = ?"


class ImportRepo:
    """Mixin of `Workspace` that writes an import plan; `self.db` and `self.transacao` come from it."""

    def aplicar_importacao(self, plano: PlanoImportacao) -> None:
        """Create and update the plan's institutions, focal points and duties, all or nothing.

        The plan was built from an earlier snapshot, so the acronyms are checked again inside
        the transaction: if someone else took one meanwhile, nothing is written.
        """
        try:
            with self.transacao():
                self._conferir_plano(plano)
                self._gravar_plano(plano)
        except sqlite3.IntegrityError as erro:
            raise ErroImportacao(
                f"O workspace mudou durante a importação e nada foi gravado ({erro}). "
                "Refaça a importação."
            ) from erro

    def _conferir_plano(self, plano: PlanoImportacao) -> None:
        donos = {
            chave_comparacao(sigla): id_
            for id_, sigla in self.con.execute("SELECT id, sigla FROM instituicoes")
        }
        ids = set(donos.values())
        for ator in (*plano.criar, *plano.atualizar):
            inst = ator.instituicao
            dono = donos.get(chave_comparacao(inst.sigla))
            if inst.id is not None and inst.id not in ids:
                raise ErroImportacao(
                    f"{inst.rotulo} foi removida do workspace depois da prévia; nada foi gravado. "
                    "Refaça a importação."
                )
            if dono is not None and dono != inst.id:
                raise ErroImportacao(
                    f"A sigla “{inst.sigla}” passou a ser usada por outra instituição depois da "
                    "prévia; nada foi gravado. Refaça a importação."
                )

    def _gravar_plano(self, plano: PlanoImportacao) -> None:
        """Batch the writes: new rows get their ids here, inside the transaction."""
        conexao = self.con

        def proximo_id(tabela: str) -> int:
            return conexao.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {tabela}").fetchone()[0]

        proxima_inst, proximo_ponto = proximo_id("instituicoes"), proximo_id("pontos_focais")
        novas, alteradas, pontos_novos, pontos_alterados, atribuicoes = [], [], [], [], []
        for ator in (*plano.criar, *plano.atualizar):
            inst = ator.instituicao
            valores = [getattr(inst, c) for c in _CAMPOS_INSTITUICAO]
            if inst.id is None:
                inst_id, proxima_inst = proxima_inst, proxima_inst + 1
                novas.append([inst_id, *valores])
            else:
                inst_id = inst.id
                alteradas.append([*valores, inst_id])
            for ponto in ator.pontos:
                dados = como_dict(ponto)
                dados["instituicao_id"] = inst_id
                valores_ponto = [dados[c] for c in _CAMPOS_PONTO]
                if ponto.id is None:
                    pontos_novos.append([proximo_ponto, *valores_ponto])
                    proximo_ponto += 1
                else:
                    pontos_alterados.append([*valores_ponto, ponto.id])
            atribuicoes += [
                (inst_id, a.etapa_id, a.fluxo_id or plano.fluxo_id, a.texto)
                for a in ator.atribuicoes
            ]
        conexao.executemany(_insert("instituicoes", _CAMPOS_INSTITUICAO), novas)
        conexao.executemany(_update("instituicoes", _CAMPOS_INSTITUICAO), alteradas)
        conexao.executemany(_insert("pontos_focais", _CAMPOS_PONTO), pontos_novos)
        conexao.executemany(_update("pontos_focais", _CAMPOS_PONTO), pontos_alterados)
        conexao.executemany(
            "INSERT INTO atribuicoes (instituicao_id, etapa_id, fluxo_id, texto) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (instituicao_id, etapa_id, fluxo_id) DO UPDATE SET texto = excluded.texto",
            atribuicoes,
        )
