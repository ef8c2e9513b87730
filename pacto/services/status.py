"""Where the network stands, as `pacto status` shows it, computed once and kept in the workspace.

The status command reads the kept result while the workspace is unchanged
(`pacto.store.cache`); a CLI command that changed the workspace recomputes it before it ends,
and the interface keeps the one it computes after each change, so a script's `pacto status`
right after `pacto atores adicionar …` (or a save in the TUI) reads it instead of paying for
loading every rule of the pact.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pacto.store import cache

if TYPE_CHECKING:
    from pacto.store import Workspace

NOME = "status"


def calcular(ws: Workspace) -> dict:
    """The status computed from the whole workspace, kept for the next reader."""
    from pacto.domain.checks import verificar
    from pacto.services.progresso import situacao

    hoje = date.today()
    marca = cache.marca(ws.con, hoje)
    rc = ws.carregar()
    lacunas = verificar(rc, hoje)  # once, for the gaps shown and for the rules
    dados = montar(ws, rc, hoje, lacunas, situacao(ws, rc, hoje, lacunas))
    cache.gravar(ws.con, NOME, marca, dados)
    return dados


def montar(ws: Workspace, rc, hoje: date, lacunas, processo) -> dict:
    """The status from what a caller already computed: the network, its gaps and the process."""
    from pacto.domain.summary import resumo

    dados = resumo(rc, hoje, lacunas) | processo.como_dict()
    invalidas = ws.linhas_invalidas()
    if invalidas:
        dados["linhas_invalidas"] = invalidas
    return dados


def guardar_se_desatualizado(ws: Workspace, rc, lacunas, processo) -> bool:
    """Keep the status the interface has just computed, when the kept one is stale; True when
    it wrote. A change made in the TUI (or the web page) leaves `pacto status` ready, as a
    CLI change does; never raises, since the kept result only saves time."""
    try:
        hoje = date.today()
        marca = cache.marca(ws.con, hoje)
        if cache.marca_guardada(ws.con, NOME) == marca or ws.foi_substituido():
            return False
        cache.gravar(ws.con, NOME, marca, montar(ws, rc, hoje, lacunas, processo))
    except Exception:  # noqa: BLE001 - the next `pacto status` computes it instead
        return False
    return True


def renovar_se_alterado(ws: Workspace, alteracao_inicial: tuple) -> bool:
    """Recompute the kept status when the workspace changed since `alteracao_inicial`
    (`cache.ultima_alteracao` when it was opened); True when it did.

    Called by a command that is ending well, so it must never make it fail: a status that
    cannot be computed or kept here is computed by the next `pacto status`.
    """
    try:
        if cache.ultima_alteracao(ws.con) == alteracao_inicial or ws.foi_substituido():
            return False
        calcular(ws)
    except Exception:  # noqa: BLE001 - the kept result only saves time; the reader recomputes
        return False
    return True
