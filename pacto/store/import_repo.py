"""Apply a spreadsheet import plan to the workspace: every valid row in one transaction."""

from __future__ import annotations

import sqlite3

from pacto.domain.errors import ErroImportacao
from pacto.domain.importacao import AtorPlanejado, PlanoImportacao
from pacto.domain.models import Instituicao, PontoFocal, campos, como_dict
from pacto.domain.text import chave_comparacao

_CAMPOS_INSTITUICAO = [c for c in campos(Instituicao) if c != "id"]
_CAMPOS_PONTO = [c for c in campos(PontoFocal) if c != "id"]


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
                for ator in plano.criar:
                    self._gravar_ator(ator, plano.fluxo_id)
                for ator in plano.atualizar:
                    self._gravar_ator(ator, plano.fluxo_id)
        except sqlite3.IntegrityError as erro:
            raise ErroImportacao(
                f"O workspace mudou durante a importação e nada foi gravado ({erro}). "
                "Refaça a importação."
            ) from erro

    def _conferir_plano(self, plano: PlanoImportacao) -> None:
        donos = {
            chave_comparacao(sigla): id_
            for id_, sigla in self.db.execute("SELECT id, sigla FROM instituicoes")
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

    def _gravar_ator(self, ator: AtorPlanejado, fluxo_id: int) -> None:
        inst = ator.instituicao
        valores = [getattr(inst, c) for c in _CAMPOS_INSTITUICAO]
        if inst.id is None:
            marcadores = ", ".join("?" * len(_CAMPOS_INSTITUICAO))
            cursor = self.db.execute(
                f"INSERT INTO instituicoes ({', '.join(_CAMPOS_INSTITUICAO)}) VALUES ({marcadores})",
                valores,
            )
            inst_id = cursor.lastrowid
        else:
            inst_id = inst.id
            atribuicoes = ", ".join(f"{c} = ?" for c in _CAMPOS_INSTITUICAO)
            self.db.execute(
                f"UPDATE instituicoes SET {atribuicoes} WHERE id = ?", [*valores, inst_id]
            )
        for ponto in ator.pontos:
            dados = como_dict(ponto)
            dados["instituicao_id"] = inst_id
            valores_ponto = [dados[c] for c in _CAMPOS_PONTO]
            if ponto.id is None:
                self.db.execute(
                    f"INSERT INTO pontos_focais ({', '.join(_CAMPOS_PONTO)}) "
                    f"VALUES ({', '.join('?' * len(_CAMPOS_PONTO))})",
                    valores_ponto,
                )
            else:
                atribuicoes = ", ".join(f"{c} = ?" for c in _CAMPOS_PONTO)
                self.db.execute(
                    f"UPDATE pontos_focais SET {atribuicoes} WHERE id = ?",
                    [*valores_ponto, ponto.id],
                )
        self.db.conn.executemany(
            "INSERT INTO atribuicoes (instituicao_id, etapa_id, fluxo_id, texto) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (instituicao_id, etapa_id, fluxo_id) DO UPDATE SET texto = excluded.texto",
            [(inst_id, a.etapa_id, a.fluxo_id or fluxo_id, a.texto) for a in ator.atribuicoes],
        )
