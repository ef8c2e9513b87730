"""Backups of a workspace: on demand, automatic before migrations and meetings, rotating, and restore.

Every copy goes through SQLite's online backup API, never through a file copy: a plain
`open()` on a live workspace would drop the process's SQLite locks (see `conexoes`).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from pacto.domain.errors import ErroWorkspace
from pacto.store import opening
from pacto.store.opening import (
    ErroDanificado,
    criar_arquivo_privado,
    inspecionar,
    traduzir_erro_sqlite,
    uri_somente_leitura,
    verificar_integridade,
)

MANTER_PADRAO = 10
CHAVE_MANTER = "backups_manter"


def pasta_backups(caminho: Path) -> Path:
    """Where automatic backups of a workspace go: a private folder beside it."""
    return Path(opening.pasta_backups(caminho))


def copiar_banco(origem: sqlite3.Connection, destino: Path) -> Path:
    """Copy an open database into a new private file with SQLite's online backup."""
    criar_arquivo_privado(destino)
    try:
        alvo = sqlite3.connect(str(destino))
        try:
            with alvo:
                origem.backup(alvo)
        finally:
            alvo.close()
    except BaseException as erro:
        destino.unlink(missing_ok=True)
        if isinstance(erro, sqlite3.Error) and (traduzido := traduzir_erro_sqlite(erro, destino)):
            raise traduzido from erro
        raise
    return destino


class BackupsRepo:
    """Mixin of `Workspace` for backups; `self.db`, `self.caminho` and settings come from it."""

    def verificar_integridade(self, completa: bool = True) -> None:
        """Run SQLite's full (or quick) check on the open workspace; raise if damaged."""
        verificar_integridade(self.con, self.caminho, completa)

    def backup(self, destino: str | Path) -> Path:
        """Copy the workspace with SQLite's online backup, safe while others use it.

        The full integrity check runs first: a copy of a damaged file is no backup.
        """
        self.verificar_integridade()
        return copiar_banco(self.con, Path(destino))

    def backups_a_manter(self) -> int:
        """How many automatic backups are kept (setting `backups_manter`, default 10)."""
        try:
            return max(1, int(self.configuracao(CHAVE_MANTER, str(MANTER_PADRAO))))
        except ValueError:
            return MANTER_PADRAO

    def backup_automatico(self, motivo: str, verificar: bool = True) -> Path:
        """A rotating backup in the workspace's backup folder, e.g. before a migration."""
        if verificar:
            self.verificar_integridade()
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
        """Replace the workspace's content with a backup's, keeping a backup of what it replaces.

        The backup is checked in full, brought up to date and given a fresh generation mark in
        memory, then copied into the workspace in one step: a process that keeps the workspace
        open sees either the old content with the old mark or the new content with a new mark,
        never the backup's own mark. The current content is kept even when it is damaged (a
        restore is the cure for that).
        """
        origem = Path(origem)
        if origem.resolve() == self.caminho.resolve():
            raise ErroWorkspace("O arquivo a restaurar é o próprio workspace.")
        try:
            inspecionar(origem, completa=True)
        except ErroDanificado as erro:
            raise ErroWorkspace(
                f"A cópia {origem} está danificada e não pode ser restaurada; nada foi "
                f"alterado. Escolha outra cópia em {pasta_backups(self.caminho)}."
            ) from erro
        anterior = self.backup_automatico("antes-de-restaurar", verificar=False)
        copia = self._preparar_copia(origem)
        try:
            with self._traduzir_erros():
                copia.backup(self.con)
        finally:
            copia.close()
        self._geracao = self.ler_geracao()
        return anterior

    def _preparar_copia(self, origem: Path) -> sqlite3.Connection:
        """The backup's content in memory, migrated and with a fresh generation mark."""
        from sqlite_utils import Database

        from pacto.store.schema import migracoes

        fonte = sqlite3.connect(uri_somente_leitura(origem), uri=True)
        memoria = sqlite3.connect(":memory:", isolation_level=None)
        try:
            fonte.backup(memoria)
        finally:
            fonte.close()
        memoria.execute("PRAGMA foreign_keys = ON")
        migracoes.apply(Database(memoria, execute_plugins=False))
        import secrets

        memoria.execute(
            "INSERT OR REPLACE INTO _geracao (id, valor) VALUES (1, ?)", [secrets.token_hex(16)]
        )
        return memoria
