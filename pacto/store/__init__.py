"""Storage: the only package that speaks SQL. One SQLite workspace file per network."""

from pacto.store.workspace import Workspace

__all__ = ["Workspace"]
