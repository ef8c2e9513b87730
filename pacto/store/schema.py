"""Schema migrations of a workspace; every change to the tables goes through here, in order."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from pacto.store.history import auditar, criar_tabelas, tabelas_de_dados
from pacto.store.schema_info import APPLICATION_ID, CONJUNTO, MIGRACOES

__all__ = ["APPLICATION_ID", "migracoes", "nomes_conhecidos"]

migracoes = Migrations(CONJUNTO)
_NOMES: list[str] = []


def migracao(func):
    """Register a migration function, in order, and remember its name.

    The name must also be listed in `schema_info.MIGRACOES`, which lets a workspace be opened
    for reading without importing this module.
    """
    if func.__name__ not in MIGRACOES:
        raise RuntimeError(f"{func.__name__}: add the migration to schema_info.MIGRACOES")
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
    """Names of every migration registered in this module."""
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


@migracao
def m005_processo(db: Database) -> None:
    """Working group members, self-diagnosis runs and answers, and overrides of step states."""
    db.execute(
        """
        CREATE TABLE grupo_trabalho (
            instituicao_id INTEGER PRIMARY KEY REFERENCES instituicoes(id) ON DELETE CASCADE,
            desde TEXT NOT NULL DEFAULT (date('now'))
        )"""
    )
    db.execute(
        """
        CREATE TABLE autodiagnostico_rodadas (
            id INTEGER PRIMARY KEY,
            realizada_em TEXT NOT NULL,
            metodo TEXT NOT NULL DEFAULT '',
            participantes TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """
        CREATE TABLE autodiagnostico_respostas (
            id INTEGER PRIMARY KEY,
            rodada_id INTEGER NOT NULL REFERENCES autodiagnostico_rodadas(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            valor TEXT NOT NULL CHECK (valor IN ('sim', 'parcial', 'nao', 'na')),
            nota TEXT NOT NULL DEFAULT '',
            evidencia TEXT NOT NULL DEFAULT '',
            UNIQUE (rodada_id, item)
        )"""
    )
    db.execute(
        """
        CREATE TABLE ajustes_passos (
            tipo TEXT NOT NULL CHECK (tipo IN ('pactuacao', 'elaboracao')),
            numero INTEGER NOT NULL,
            situacao TEXT NOT NULL,
            justificativa TEXT NOT NULL,
            registrado_em TEXT NOT NULL,
            PRIMARY KEY (tipo, numero)
        )"""
    )


@migracao
def m006_netp(db: Database) -> None:
    """Monthly aggregated counts each institution sends to the NETP (never case data)."""
    db.execute(
        """
        CREATE TABLE netp_envios (
            id INTEGER PRIMARY KEY,
            mes TEXT NOT NULL,
            instituicao_id INTEGER NOT NULL REFERENCES instituicoes(id) ON DELETE CASCADE,
            recebido_em TEXT NOT NULL,
            arquivo_sha256 TEXT NOT NULL DEFAULT '',
            UNIQUE (mes, instituicao_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE netp_contagens (
            envio_id INTEGER NOT NULL REFERENCES netp_envios(id) ON DELETE CASCADE,
            bloco TEXT NOT NULL,
            linha TEXT NOT NULL,
            coluna TEXT NOT NULL,
            quantidade INTEGER NOT NULL CHECK (quantidade >= 0),
            PRIMARY KEY (envio_id, bloco, linha, coluna)
        )"""
    )


@migracao
def m007_mensal(db: Database) -> None:
    """Monthly checklist answers, indicator targets and indicator values per period."""
    db.execute(
        """
        CREATE TABLE checklist_respostas (
            mes TEXT NOT NULL,
            item TEXT NOT NULL,
            situacao TEXT NOT NULL CHECK (situacao IN ('ok', 'pendente', 'nao_se_aplica')),
            nota TEXT NOT NULL DEFAULT '',
            instituicao_id INTEGER REFERENCES instituicoes(id) ON DELETE SET NULL,
            PRIMARY KEY (mes, item)
        )"""
    )
    db.execute(
        """
        CREATE TABLE indicador_metas (
            indicador TEXT NOT NULL,
            periodo TEXT NOT NULL,
            valor REAL NOT NULL,
            PRIMARY KEY (indicador, periodo)
        )"""
    )
    db.execute(
        """
        CREATE TABLE indicador_valores (
            indicador TEXT NOT NULL,
            periodo TEXT NOT NULL,
            valor REAL NOT NULL,
            origem TEXT NOT NULL CHECK (origem IN ('automatico', 'manual')),
            PRIMARY KEY (indicador, periodo)
        )"""
    )


@migracao
def m008_historico(db: Database) -> None:
    """Change history of every data table; later migrations call `auditar` on the tables they add."""
    criar_tabelas(db)
    for tabela in tabelas_de_dados(db):
        auditar(db, tabela)


@migracao
def m009_cache(db: Database) -> None:
    """Results derived from the workspace, kept with the mark of the state they were computed on.

    Not audited: a cache entry is not a change to the network, and its history rows would
    change the very mark that validates it.
    """
    db.execute(
        """
        CREATE TABLE _cache (
            nome TEXT PRIMARY KEY,
            marca TEXT NOT NULL,
            valor TEXT NOT NULL
        )"""
    )


@migracao
def m010_geracao(db: Database) -> None:
    """The generation mark: one random value, renewed whenever the whole content is replaced.

    A restore copies into the same file and `importar --substituir` rewrites rows, so neither
    changes the file's identity; a long-lived process compares this mark before each write and
    refuses to write into a network that is no longer the one it loaded. Not audited: it is
    not part of the network.
    """
    import secrets

    db.execute(
        """
        CREATE TABLE _geracao (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            valor TEXT NOT NULL
        )"""
    )
    db.execute("INSERT INTO _geracao (id, valor) VALUES (1, ?)", [secrets.token_hex(16)])


@migracao
def m013_campos_ator(db: Database) -> None:
    """An institution's role in the flow (member or support point) and whether it has legal
    personality; collegiate types of the catalogue (comitês, conselhos) start without it."""
    from pacto.domain.campos_ator import personalidade_padrao

    auditada = "hist_instituicoes_ins" in {t.name for t in db.triggers}
    if auditada:  # the history triggers list the columns: rebuilt below with the new ones
        for sufixo in ("ins", "upd", "del"):
            db.execute(f"DROP TRIGGER hist_instituicoes_{sufixo}")
    colunas = db["instituicoes"].columns_dict
    if "papel" not in colunas:  # a file aged by hand (tests) may keep the columns
        db.execute(
            "ALTER TABLE instituicoes ADD COLUMN papel TEXT NOT NULL DEFAULT 'fluxo' "
            "CHECK (papel IN ('fluxo', 'apoio'))"
        )
    if "personalidade_juridica" not in colunas:
        db.execute(
            "ALTER TABLE instituicoes ADD COLUMN personalidade_juridica INTEGER NOT NULL "
            "DEFAULT 1 CHECK (personalidade_juridica IN (0, 1))"
        )
    tipos = [linha[0] for linha in db.execute("SELECT DISTINCT tipo FROM instituicoes")]
    sem = [t for t in tipos if not personalidade_padrao(t)]
    if sem:
        marcas = ", ".join("?" for _ in sem)
        db.execute(
            f"UPDATE instituicoes SET personalidade_juridica = 0 WHERE tipo IN ({marcas})", sem
        )
    if auditada:
        auditar(db, "instituicoes")


@migracao
def m011_arquivos_gerados(db: Database) -> None:
    """The SHA-256 of each file pacto wrote, so regenerating never replaces a file edited since.

    Not audited, like the cache: a generated file is not a change to the network.
    """
    db.execute(
        """
        CREATE TABLE _arquivos_gerados (
            caminho TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            gravado_em TEXT NOT NULL
        )"""
    )


def _ampliar_check(db: Database, tabela: str, antes: str, depois: str) -> None:
    """Widen a CHECK constraint's list of values in place, as SQLite documents for loosening a
    constraint (the rows on disk stay valid): no table rebuild, so no cascade on child tables."""
    versao = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
        [antes, depois, tabela],
    )
    db.execute(f"PRAGMA schema_version = {versao + 1}")
    db.execute("PRAGMA writable_schema = OFF")


@migracao
def m014_fluxo_vivo(db: Database) -> None:
    """The living flow (issue 14): the periodic evaluation meeting and its grid, the step-7
    record, and a note so the first open explains which statuses the new rules changed.

    Adhesions, versions and overrides are kept as they are: re-adhesion is now derived from what
    changed for each institution, so no row needs rewriting.
    """
    _ampliar_check(db, "reunioes", "'extraordinaria')", "'extraordinaria', 'avaliacao')")
    db.execute(
        """
        CREATE TABLE avaliacoes (
            id INTEGER PRIMARY KEY,
            reuniao_id INTEGER NOT NULL UNIQUE REFERENCES reunioes(id) ON DELETE CASCADE,
            periodicidade TEXT NOT NULL CHECK (periodicidade IN ('semestral', 'anual')),
            funciona TEXT NOT NULL DEFAULT '',
            melhorar TEXT NOT NULL DEFAULT '',
            descontinuar TEXT NOT NULL DEFAULT ''
        )"""
    )
    auditar(db, "avaliacoes")
    com_historia = any(
        db.execute(f"SELECT 1 FROM {tabela} LIMIT 1").fetchone()
        for tabela in ("versoes", "adesoes", "ajustes_passos")
        if db[tabela].exists()
    )
    if com_historia:
        db["configuracoes"].upsert({"chave": "aviso.fluxo_vivo", "valor": "1"}, pk="chave")
