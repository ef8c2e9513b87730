"""Reads and writes of the monthly routine: checklist answers and indicator targets and values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pacto.domain.indicadores import Medicao, Meta, indicador, validar_periodo, validar_valor
from pacto.domain.linhas_extras import linha_valida

if TYPE_CHECKING:
    from pacto.domain.checklist import RespostaChecklist

# The checklist and the NETP month rules load on first use: `pacto status` reads only targets.

_COLUNAS_VALORES = ("indicador", "periodo", "valor", "origem")


class MensalRepo:
    """Mixin of `Workspace` for the monthly routine; `self.db` and `self.transacao` come from it."""

    def respostas_checklist(self, ate_mes: str | None = None) -> list[RespostaChecklist]:
        """Checklist answers of every month up to (and including) one, oldest first."""
        from pacto.domain.checklist import RespostaChecklist

        filtro, args = ("WHERE mes <= ?", [ate_mes]) if ate_mes else ("", [])
        return [
            RespostaChecklist(*linha)
            for linha in self.con.execute(
                "SELECT mes, item, situacao, nota, instituicao_id FROM checklist_respostas "
                f"{filtro} ORDER BY mes, item",
                args,
            )
            if linha_valida("checklist_respostas", {"mes": linha[0], "situacao": linha[2]})
        ]  # rows an older import left unreadable are skipped here and reported by the check

    def responder_checklist(self, resposta: RespostaChecklist) -> None:
        """Record (or replace) the answer to an item in a month."""
        from pacto.domain.checklist import validar_resposta
        from pacto.domain.netp import validar_mes

        validar_mes(resposta.mes)
        resposta = validar_resposta(resposta)
        with self.transacao():
            self.con.execute(
                "INSERT OR REPLACE INTO checklist_respostas (mes, item, situacao, nota, instituicao_id) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    resposta.mes,
                    resposta.item,
                    resposta.situacao,
                    resposta.nota,
                    resposta.instituicao_id,
                ],
            )

    def metas(self) -> list[Meta]:
        """Every indicator target."""
        return [
            Meta(*linha)
            for linha in self.con.execute(
                "SELECT indicador, periodo, valor FROM indicador_metas ORDER BY indicador, periodo"
            )
            if linha_valida(
                "indicador_metas", dict(zip(("indicador", "periodo", "valor"), linha, strict=True))
            )
        ]

    def definir_meta(self, meta: Meta) -> None:
        """Set the target of an indicator for a year or semester."""
        indicador(meta.indicador)
        validar_periodo(meta.periodo, aceitar_mes=False)
        validar_valor(meta.valor)
        with self.transacao():
            self.con.execute(
                "INSERT OR REPLACE INTO indicador_metas (indicador, periodo, valor) VALUES (?, ?, ?)",
                [meta.indicador, meta.periodo, float(meta.valor)],
            )

    def medicoes(self, chave: str | None = None) -> list[Medicao]:
        """Recorded indicator values, oldest first."""
        filtro, args = ("WHERE indicador = ?", [chave]) if chave else ("", [])
        return [
            Medicao(*linha)
            for linha in self.con.execute(
                f"SELECT indicador, periodo, valor, origem FROM indicador_valores {filtro} "
                "ORDER BY periodo, indicador",
                args,
            )
            if linha_valida("indicador_valores", dict(zip(_COLUNAS_VALORES, linha, strict=True)))
        ]

    def registrar_medicao(self, medicao: Medicao) -> None:
        """Record an indicator's value for a month (computed or reported by the network)."""
        from pacto.domain.netp import validar_mes

        indicador(medicao.indicador)
        validar_mes(medicao.periodo)
        validar_valor(medicao.valor)
        with self.transacao():
            self.con.execute(
                "INSERT OR REPLACE INTO indicador_valores (indicador, periodo, valor, origem) "
                "VALUES (?, ?, ?, ?)",
                [medicao.indicador, medicao.periodo, float(medicao.valor), medicao.origem],
            )
