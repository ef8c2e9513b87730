"""Reads of the change history, filtered by date or by institution."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pacto.domain.historico import RegistroHistorico

# Fields that tie a record to an institution, for `pacto historico --instituicao`.
_LIGACOES = ("instituicao_id", "origem_id", "destino_id")


class HistoryRepo:
    """Mixin of `Workspace` for the change history; `self.con` comes from it."""

    def historico(
        self,
        desde: date | None = None,
        instituicao_id: int | None = None,
        tabela: str | None = None,
        registro: int | None = None,
        limite: int = 500,
    ) -> list[RegistroHistorico]:
        """Recorded changes, newest first, optionally since a date or about one institution or record."""
        from pacto.domain.historico import RegistroHistorico  # only the history screens need it

        condicoes, args = [], []
        if desde:
            condicoes.append("quando >= ?")
            args.append(desde.isoformat())
        if tabela:
            condicoes.append("tabela = ?")
            args.append(tabela)
        if registro is not None:
            condicoes.append("registro = ?")
            args.append(registro)
        if instituicao_id is not None:
            ligacoes = " OR ".join(
                f"json_extract(COALESCE(depois, antes), '$.{campo}') = ?" for campo in _LIGACOES
            )
            condicoes.append(f"((tabela = 'instituicoes' AND registro = ?) OR {ligacoes})")
            args.extend([instituicao_id] * (1 + len(_LIGACOES)))
        onde = f"WHERE {' AND '.join(condicoes)}" if condicoes else ""
        return [
            RegistroHistorico(
                id_,
                datetime.fromisoformat(quando),
                usuario,
                tab,
                operacao,
                reg,
                json.loads(antes) if antes else None,
                json.loads(depois) if depois else None,
            )
            for id_, quando, usuario, tab, operacao, reg, antes, depois in self.con.execute(
                "SELECT id, quando, usuario, tabela, operacao, registro, antes, depois "
                f"FROM historico {onde} ORDER BY id DESC LIMIT ?",
                [*args, limite],
            )
        ]
