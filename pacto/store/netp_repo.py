"""Reads and writes of the monthly aggregated counts sent to the NETP."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pacto.domain.calendario import momento_gravado
from pacto.domain.linhas_extras import contagem_valida, linha_valida
from pacto.domain.netp import Contagens, validar_mes


@dataclass
class EnvioNetp:
    """One institution's counts for one month."""

    mes: str
    instituicao_id: int
    recebido_em: datetime
    contagens: Contagens = field(default_factory=dict)
    arquivo_sha256: str = ""


class NetpRepo:
    """Mixin of `Workspace` for NETP information; `self.db` and `self.transacao` come from it."""

    def registrar_envio_netp(self, envio: EnvioNetp) -> bool:
        """Store an institution's month, replacing an earlier one; True when it replaced."""
        validar_mes(envio.mes)
        with self.transacao():
            anterior = self.con.execute(
                "SELECT id FROM netp_envios WHERE mes = ? AND instituicao_id = ?",
                [envio.mes, envio.instituicao_id],
            ).fetchone()
            if anterior:
                self.con.execute("DELETE FROM netp_envios WHERE id = ?", [anterior[0]])
            envio_id = (
                self.db["netp_envios"]
                .insert(
                    {
                        "mes": envio.mes,
                        "instituicao_id": envio.instituicao_id,
                        "recebido_em": envio.recebido_em.isoformat(timespec="seconds"),
                        "arquivo_sha256": envio.arquivo_sha256,
                    }
                )
                .last_pk
            )
            self.db["netp_contagens"].insert_all(
                {"envio_id": envio_id, "bloco": b, "linha": li, "coluna": c, "quantidade": q}
                for (b, li, c), q in envio.contagens.items()
            )
        return anterior is not None

    def envios_netp(self, mes: str | None = None) -> list[EnvioNetp]:
        """The forms received, for one month or all, with their counts."""
        filtro, args = ("WHERE mes = ?", [mes]) if mes else ("", [])
        envios = {
            id_: EnvioNetp(m, inst, momento_gravado(quando), arquivo_sha256=sha)
            for id_, m, inst, quando, sha in self.con.execute(
                "SELECT id, mes, instituicao_id, recebido_em, arquivo_sha256 FROM netp_envios "
                f"{filtro} ORDER BY mes, instituicao_id",
                args,
            )
            if linha_valida("netp_envios", {"mes": m})
        }  # a month an older import left unreadable is skipped here and reported by the check
        if envios:
            marcadores = ", ".join("?" * len(envios))
            for envio_id, b, li, c, q in self.con.execute(
                "SELECT envio_id, bloco, linha, coluna, quantidade FROM netp_contagens "
                f"WHERE envio_id IN ({marcadores})",
                list(envios),
            ):
                if contagem_valida(q):
                    envios[envio_id].contagens[(b, li, c)] = q
        return list(envios.values())

    def meses_com_envio_netp(self) -> list[str]:
        """Months for which at least one institution sent its counts."""
        return [
            linha[0]
            for linha in self.con.execute("SELECT DISTINCT mes FROM netp_envios ORDER BY mes")
            if linha_valida("netp_envios", {"mes": linha[0]})
        ]
