"""Backups of a workspace: on demand, automatic before migrations and meetings, rotating, and restore."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from pacto.domain.errors import ErroWorkspace
from pacto.store.opening import criar_arquivo_privado, inspecionar

MANTER_PADRAO = 10
CHAVE_MANTER = "backups_manter"


def pasta_backups(caminho: Path) -> Path:
    """Where automatic backups of a workspace go: a private folder beside it."""
    return caminho.with_name(caminho.name + ".backups")


def copiar_banco(origem: sqlite3.Connection, destino: Path) -> Path:
    """Copy an open database into a new private file with SQLite's online backup."""
    criar_arquivo_privado(destino)
    try:
        alvo = sqlite3.connect(str(destino))
        with alvo:
            origem.backup(alvo)
        alvo.close()
    except BaseException:
        destino.unlink(missing_ok=True)
        raise
    return destino


class BackupsRepo:
    """Mixin of `Workspace` for backups; `self.db`, `self.caminho` and settings come from it."""

    def backup(self, destino: str | Path) -> Path:
        """Copy the workspace with SQLite's online backup, safe while others use it."""
        return copiar_banco(self.con, Path(destino))

    def backups_a_manter(self) -> int:
        """How many automatic backups are kept (setting `backups_manter`, default 10)."""
        try:
            return max(1, int(self.configuracao(CHAVE_MANTER, str(MANTER_PADRAO))))
        except ValueError:
            return MANTER_PADRAO

    def backup_automatico(self, motivo: str) -> Path:
        """A rotating backup in the workspace's backup folder, e.g. before a migration."""
        pasta = pasta_backups(self.caminho)
        pasta.mkdir(mode=0o700, exist_ok=True)
        carimbo = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        destino = copiar_banco(self.con, pasta / f"{self.caminho.stem}-{carimbo}-{motivo}.db")
        for antigo in self.backups_automaticos()[: -self.backups_a_manter()]:
            antigo.unlink(missing_ok=True)
        return destino

    def backups_automaticos(self) -> list[Path]:
        """Automatic backups of this workspace, oldest first."""
        pasta = pasta_backups(self.caminho)
        return sorted(pasta.glob(f"{self.caminho.stem}-*.db")) if pasta.is_dir() else []

    def restaurar(self, origem: str | Path) -> Path:
        """Replace the workspace's content with a backup's, keeping a backup of what it replaces."""
        origem = Path(origem)
        if origem.resolve() == self.caminho.resolve():
            raise ErroWorkspace("O arquivo a restaurar é o próprio workspace.")
        inspecionar(origem)
        anterior = self.backup_automatico("antes-de-restaurar")
        fonte = sqlite3.connect(f"{origem.resolve().as_uri()}?mode=ro", uri=True)
        try:
            fonte.backup(self.con)
        finally:
            fonte.close()
        from pacto.store.schema import migracoes

        migracoes.apply(self.db)  # a backup from an older pacto is brought up to date
        return anterior
