"""What a workspace's schema should hold, readable without loading sqlite-utils.

Opening a workspace for a read (``pacto status``) must stay light: this module answers
"is any migration pending?" with the raw ``sqlite3`` connection, so the migration machinery
in `pacto.store.schema` (and sqlite-utils with it) is imported only when there is work to do.
Append the name of every new migration here, in the order `schema.py` registers them;
`schema.migracao` refuses a migration missing from this list.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x50414354  # "PACT": marks a SQLite file as a pacto workspace
CONJUNTO = "pacto"  # the migration set's name in `_sqlite_migrations`

MIGRACOES = (
    "m001_rede_e_fluxo",
    "m004_reunioes",
    "m002_versoes",
    "m003_adesoes",
    "m005_processo",
    "m006_netp",
    "m007_mensal",
    "m008_historico",
    "m009_cache",
    "m010_geracao",
    "m013_campos_ator",
    "m011_arquivos_gerados",
    "m014_fluxo_vivo",
)


def nomes_conhecidos() -> set[str]:
    """Names of every migration this version of pacto knows."""
    return set(MIGRACOES)


def aplicadas(conexao: sqlite3.Connection) -> set[str]:
    """Names of the migrations already applied to a workspace (none for a brand-new file)."""
    try:
        return {
            linha[0]
            for linha in conexao.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [CONJUNTO]
            )
        }
    except sqlite3.OperationalError as erro:
        if "no such table" in str(erro):
            return set()
        raise


def ha_pendentes(conexao: sqlite3.Connection) -> bool:
    """True when some migration this pacto knows has not been applied to the workspace yet."""
    return not nomes_conhecidos() <= aplicadas(conexao)
