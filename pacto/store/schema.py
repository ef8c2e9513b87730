"""Schema migrations of a workspace; every change to the tables goes through here, in order."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x50414354  # "PACT": marks a SQLite file as a pacto workspace

migracoes = Migrations("pacto")
_NOMES: list[str] = []


def migracao(func):
    """Register a migration function, in order, and remember its name."""
    _NOMES.append(func.__name__)
    return migracoes()(func)


@migracao
def m001_rede_e_fluxo(db: Database) -> None:
    """Network, flows, stages, institutions, focal points, duties and referrals."""
    db.execute(
        """
        CREATE TABLE rede (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            nome TEXT NOT NULL,
            uf TEXT NOT NULL,
            municipio TEXT NOT NULL DEFAULT '',
            coordenacao_id INTEGER REFERENCES instituicoes(id) ON DELETE SET NULL,
            criado_em TEXT NOT NULL DEFAULT (datetime('now'))
        )"""
    )
    db.execute(
        """
        CREATE TABLE fluxos (
            id INTEGER PRIMARY KEY,
            nome TEXT NOT NULL,
            finalidades TEXT NOT NULL DEFAULT '[]'
        )"""
    )
    db.execute(
        """
        CREATE TABLE etapas (
            id INTEGER PRIMARY KEY,
            chave TEXT NOT NULL UNIQUE,
            nome TEXT NOT NULL,
            sigla TEXT NOT NULL,
            ordem INTEGER NOT NULL,
            descricao TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """
        CREATE TABLE instituicoes (
            id INTEGER PRIMARY KEY,
            nome TEXT NOT NULL,
            sigla TEXT NOT NULL UNIQUE COLLATE NOCASE,
            cnpj TEXT NOT NULL DEFAULT '',
            tipo TEXT NOT NULL DEFAULT '',
            esfera TEXT NOT NULL DEFAULT '',
            setor TEXT NOT NULL DEFAULT '',
            endereco TEXT NOT NULL DEFAULT '',
            telefone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            site TEXT NOT NULL DEFAULT '',
            horario TEXT NOT NULL DEFAULT '',
            observacoes TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """
        CREATE TABLE pontos_focais (
            id INTEGER PRIMARY KEY,
            instituicao_id INTEGER NOT NULL REFERENCES instituicoes(id) ON DELETE CASCADE,
            papel TEXT NOT NULL CHECK (papel IN ('titular', 'suplente')),
            nome TEXT NOT NULL,
            cargo TEXT NOT NULL DEFAULT '',
            telefone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            confirmado_em TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE atribuicoes (
            id INTEGER PRIMARY KEY,
            instituicao_id INTEGER NOT NULL REFERENCES instituicoes(id) ON DELETE CASCADE,
            etapa_id INTEGER NOT NULL REFERENCES etapas(id) ON DELETE CASCADE,
            fluxo_id INTEGER NOT NULL REFERENCES fluxos(id) ON DELETE CASCADE,
            texto TEXT NOT NULL,
            UNIQUE (instituicao_id, etapa_id, fluxo_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE encaminhamentos (
            id INTEGER PRIMARY KEY,
            fluxo_id INTEGER NOT NULL REFERENCES fluxos(id) ON DELETE CASCADE,
            origem_id INTEGER NOT NULL REFERENCES instituicoes(id) ON DELETE CASCADE,
            destino_id INTEGER NOT NULL REFERENCES instituicoes(id) ON DELETE CASCADE,
            condicao TEXT NOT NULL DEFAULT '',
            prazo TEXT NOT NULL DEFAULT '',
            CHECK (origem_id <> destino_id)
        )"""
    )
    for tabela, coluna in (
        ("pontos_focais", "instituicao_id"),
        ("atribuicoes", "etapa_id"),
        ("atribuicoes", "fluxo_id"),
        ("encaminhamentos", "origem_id"),
        ("encaminhamentos", "destino_id"),
    ):
        db.execute(f"CREATE INDEX idx_{tabela}_{coluna} ON {tabela}({coluna})")
    db.execute(
        """
        CREATE TABLE configuracoes (
            chave TEXT PRIMARY KEY,
            valor TEXT NOT NULL
        )"""
    )


def nomes_conhecidos() -> set[str]:
    """Names of every migration this version of pacto knows."""
    return set(_NOMES)


# Triggers that keep a frozen version immutable; dropped and recreated only while a whole
# bundle replaces the workspace (see `VersionsRepo._trocar_versoes`).
GATILHOS_VERSOES = (
    """
    CREATE TRIGGER versoes_sem_alteracao BEFORE UPDATE ON versoes
    BEGIN
        SELECT RAISE(ABORT, 'versão congelada não pode ser alterada');
    END""",
    """
    CREATE TRIGGER versoes_sem_exclusao BEFORE DELETE ON versoes
    BEGIN
        SELECT RAISE(ABORT, 'versão congelada não pode ser excluída');
    END""",
)


@migracao
def m002_versoes(db: Database) -> None:
    """Frozen versions of the flow: numbered, sealed by the SHA-256 of their canonical content."""
    db.execute(
        """
        CREATE TABLE versoes (
            id INTEGER PRIMARY KEY,
            numero INTEGER NOT NULL UNIQUE CHECK (numero >= 1),
            hash TEXT NOT NULL CHECK (length(hash) = 64),
            nota TEXT NOT NULL DEFAULT '',
            criado_em TEXT NOT NULL,
            conteudo TEXT NOT NULL
        )"""
    )
    for gatilho in GATILHOS_VERSOES:
        db.execute(gatilho)


@migracao
def m003_adesoes(db: Database) -> None:
    """Adhesion of each institution to each frozen version: status, its dates, signatory, publication."""
    db.execute(
        """
        CREATE TABLE adesoes (
            id INTEGER PRIMARY KEY,
            instituicao_id INTEGER NOT NULL REFERENCES instituicoes(id) ON DELETE CASCADE,
            versao_numero INTEGER NOT NULL CHECK (versao_numero >= 1),
            situacao TEXT NOT NULL CHECK (situacao IN
                ('convidada', 'termo_enviado', 'assinado', 'recusado', 'desligada')),
            convidada_em TEXT,
            termo_enviado_em TEXT,
            assinado_em TEXT,
            recusado_em TEXT,
            desligada_em TEXT,
            signatario TEXT NOT NULL DEFAULT '',
            cargo TEXT NOT NULL DEFAULT '',
            processo TEXT NOT NULL DEFAULT '',
            diario_oficial TEXT NOT NULL DEFAULT '',
            arquivo TEXT NOT NULL DEFAULT '',
            arquivo_sha256 TEXT NOT NULL DEFAULT '',
            atualizado_em TEXT NOT NULL DEFAULT (datetime('now')),
            UNIQUE (instituicao_id, versao_numero)
        )"""
    )
    db.execute("CREATE INDEX idx_adesoes_instituicao_id ON adesoes(instituicao_id)")
