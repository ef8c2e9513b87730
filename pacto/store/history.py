"""Change history kept by SQLite triggers: every insert, update and delete, with who, when and values."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

NAO_AUDITADAS = {
    "historico",
    "_sessao",
    "_cache",
    "_geracao",
    "_arquivos_gerados",
    "_sqlite_migrations",
    "sqlite_sequence",
}
# Focal points' contacts are institutional but personal enough not to outlive their owner's
# replacement: the history says that they changed, never what they were.
OMITIDAS = {
    ("pontos_focais", "telefone"),
    ("pontos_focais", "email"),
    ("versoes", "conteudo"),
}
MARCA_OMITIDO = "(omitido no histórico)"


def criar_tabelas(db: Database) -> None:
    """The history table and the one-row session table that tells triggers who is writing."""
    db.execute(
        """
        CREATE TABLE historico (
            id INTEGER PRIMARY KEY,
            quando TEXT NOT NULL,
            usuario TEXT NOT NULL DEFAULT '',
            tabela TEXT NOT NULL,
            operacao TEXT NOT NULL CHECK (operacao IN ('inclusao', 'alteracao', 'exclusao')),
            registro INTEGER,
            antes TEXT,
            depois TEXT
        )"""
    )
    db.execute("CREATE INDEX idx_historico_quando ON historico(quando)")
    db.execute("CREATE INDEX idx_historico_registro ON historico(tabela, registro)")
    db.execute(
        "CREATE TABLE _sessao (id INTEGER PRIMARY KEY CHECK (id = 1), usuario TEXT NOT NULL)"
    )


def _json(tabela: str, colunas: list[str], lado: str) -> str:
    partes = []
    for coluna in colunas:
        valor = f'{lado}."{coluna}"'
        if (tabela, coluna) in OMITIDAS:
            valor = (
                f"CASE WHEN {valor} IS NULL OR {valor} = '' THEN {valor} ELSE '{MARCA_OMITIDO}' END"
            )
        partes.append(f"'{coluna}', {valor}")
    return f"json_object({', '.join(partes)})"


def auditar(db: Database, tabela: str) -> None:
    """Install the three history triggers of a table (call it in the migration that creates it)."""
    colunas = [c.name for c in db[tabela].columns]
    quem = "COALESCE((SELECT usuario FROM _sessao WHERE id = 1), '')"
    quando = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"
    mudou = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in colunas)
    novo, velho = _json(tabela, colunas, "NEW"), _json(tabela, colunas, "OLD")
    inserir = "INSERT INTO historico (quando, usuario, tabela, operacao, registro, antes, depois)"
    db.execute(
        f"""CREATE TRIGGER hist_{tabela}_ins AFTER INSERT ON "{tabela}" BEGIN
            {inserir} VALUES ({quando}, {quem}, '{tabela}', 'inclusao', NEW.rowid, NULL, {novo});
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER hist_{tabela}_upd AFTER UPDATE ON "{tabela}" WHEN {mudou} BEGIN
            {inserir} VALUES ({quando}, {quem}, '{tabela}', 'alteracao', NEW.rowid, {velho}, {novo});
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER hist_{tabela}_del AFTER DELETE ON "{tabela}" BEGIN
            {inserir} VALUES ({quando}, {quem}, '{tabela}', 'exclusao', OLD.rowid, {velho}, NULL);
        END"""
    )


def tabelas_de_dados(db: Database) -> list[str]:
    """Every table holding pacto data (the ones the history must cover)."""
    return [nome for nome in db.table_names() if nome not in NAO_AUDITADAS]


def tabelas_sem_historico(db: Database) -> list[str]:
    """Data tables missing any of their three history triggers (a migration forgot `auditar`)."""
    gatilhos = {
        nome for (nome,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    return [
        t
        for t in tabelas_de_dados(db)
        if not {f"hist_{t}_ins", f"hist_{t}_upd", f"hist_{t}_del"} <= gatilhos
    ]
