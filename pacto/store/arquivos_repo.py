"""The record of files pacto generated: path and SHA-256, to tell pacto's bytes from a user's edit."""

from __future__ import annotations

from datetime import datetime


class ArquivosRepo:
    """Mixin of `Workspace` for generated files; `self.con` and `transacao` come from it."""

    def sha_de_arquivo_gerado(self, caminho: str) -> str | None:
        """The SHA-256 recorded when pacto last wrote `caminho` (an absolute path), if any."""
        linha = self.con.execute(
            "SELECT sha256 FROM _arquivos_gerados WHERE caminho = ?", [caminho]
        ).fetchone()
        return linha[0] if linha else None

    def registrar_arquivo_gerado(self, caminho: str, sha256: str) -> None:
        """Remember the bytes pacto just wrote to `caminho`."""
        with self.transacao():
            self.con.execute(
                "INSERT OR REPLACE INTO _arquivos_gerados (caminho, sha256, gravado_em) "
                "VALUES (?, ?, ?)",
                [caminho, sha256, datetime.now().isoformat(timespec="seconds")],
            )
