"""Storage: the only package that speaks SQL. One SQLite workspace file per network."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pacto.store.workspace import Workspace

__all__ = ["Workspace"]


def __getattr__(nome: str):
    """Load `Workspace` on first use, so light readers such as `pacto.store.cache` stay light."""
    if nome == "Workspace":
        from pacto.store.workspace import Workspace

        return Workspace
    raise AttributeError(f"module 'pacto.store' has no attribute {nome!r}")
