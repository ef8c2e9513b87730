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


@migracao
def m004_reunioes(db: Database) -> None:
    """Meetings of the pact: agenda with minutes, attendance, decisions, action items, suggestions."""
    db.execute(
        """
        CREATE TABLE reunioes (
            id INTEGER PRIMARY KEY,
            tipo TEXT NOT NULL CHECK (tipo IN
                ('gt', 'ampliada', 'apresentacao_final', 'alinhamento', 'extraordinaria')),
            numero INTEGER NOT NULL CHECK (numero >= 1),
            data TEXT NOT NULL,
            hora TEXT,
            duracao_min INTEGER NOT NULL DEFAULT 120,
            local TEXT NOT NULL DEFAULT '',
            modalidade TEXT NOT NULL DEFAULT 'presencial'
                CHECK (modalidade IN ('presencial', 'virtual', 'hibrida')),
            presidente TEXT NOT NULL DEFAULT '',
            secretario TEXT NOT NULL DEFAULT '',
            situacao TEXT NOT NULL DEFAULT 'planejada'
                CHECK (situacao IN ('planejada', 'realizada', 'cancelada')),
            observacoes TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """
        CREATE TABLE pauta_itens (
            id INTEGER PRIMARY KEY,
            reuniao_id INTEGER NOT NULL REFERENCES reunioes(id) ON DELETE CASCADE,
            ordem INTEGER NOT NULL,
            titulo TEXT NOT NULL,
            minutos INTEGER NOT NULL DEFAULT 15,
            ata TEXT NOT NULL DEFAULT '',
            concluido INTEGER NOT NULL DEFAULT 0,
            tempo_gasto_s INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """
        CREATE TABLE presencas (
            id INTEGER PRIMARY KEY,
            reuniao_id INTEGER NOT NULL REFERENCES reunioes(id) ON DELETE CASCADE,
            nome TEXT NOT NULL,
            instituicao_id INTEGER REFERENCES instituicoes(id) ON DELETE SET NULL,
            organizacao TEXT NOT NULL DEFAULT '',
            cargo TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """
        CREATE TABLE deliberacoes (
            id INTEGER PRIMARY KEY,
            reuniao_id INTEGER NOT NULL REFERENCES reunioes(id) ON DELETE CASCADE,
            texto TEXT NOT NULL,
            item_id INTEGER REFERENCES pauta_itens(id) ON DELETE SET NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE acoes (
            id INTEGER PRIMARY KEY,
            reuniao_id INTEGER NOT NULL REFERENCES reunioes(id) ON DELETE CASCADE,
            descricao TEXT NOT NULL,
            instituicao_id INTEGER REFERENCES instituicoes(id) ON DELETE SET NULL,
            responsavel TEXT NOT NULL DEFAULT '',
            prazo TEXT,
            situacao TEXT NOT NULL DEFAULT 'aberta'
                CHECK (situacao IN ('aberta', 'concluida', 'cancelada')),
            concluida_em TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE sugestoes (
            id INTEGER PRIMARY KEY,
            texto TEXT NOT NULL,
            assunto TEXT NOT NULL DEFAULT 'geral'
                CHECK (assunto IN ('geral', 'etapa', 'atribuicao', 'encaminhamento', 'contato')),
            referencia TEXT NOT NULL DEFAULT '',
            reuniao_id INTEGER REFERENCES reunioes(id) ON DELETE SET NULL,
            instituicao_id INTEGER REFERENCES instituicoes(id) ON DELETE SET NULL,
            autor TEXT NOT NULL DEFAULT '',
            proposta TEXT,
            decisao TEXT NOT NULL DEFAULT '' CHECK (decisao IN
                ('', 'acolhida', 'acolhida_parcialmente', 'nao_acolhida')),
            justificativa TEXT NOT NULL DEFAULT '',
            decidida_em TEXT,
            aplicada_em TEXT,
            origem TEXT NOT NULL DEFAULT 'reuniao',
            criada_em TEXT
        )"""
    )
    for tabela, coluna in (
        ("pauta_itens", "reuniao_id"),
        ("presencas", "reuniao_id"),
        ("deliberacoes", "reuniao_id"),
        ("acoes", "reuniao_id"),
        ("acoes", "instituicao_id"),
        ("sugestoes", "reuniao_id"),
    ):
        db.execute(f"CREATE INDEX idx_{tabela}_{coluna} ON {tabela}({coluna})")


def nomes_conhecidos() -> set[str]:
    """Names of every migration this version of pacto knows."""
    return set(_NOMES)
