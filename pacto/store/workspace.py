"""The workspace: one SQLite file per network, opened safely and evolved by migrations."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pacto.domain.catalog import EtapaPadrao, etapas_padrao, finalidades
from pacto.domain.errors import ErroImportacao, ErroValidacao, ErroWorkspace
from pacto.domain.fluxos import validar_fluxo
from pacto.domain.models import Etapa, Fluxo, Rede, como_dict
from pacto.domain.network import RedeCompleta
from pacto.domain.validation import problema_de_caracteres, validar_rede
from pacto.domain.versions import VersaoFluxo
from pacto.store import conexoes
from pacto.store.adesoes_repo import AdesoesRepo
from pacto.store.arquivos_repo import ArquivosRepo
from pacto.store.backups import BackupsRepo
from pacto.store.history_repo import HistoryRepo
from pacto.store.import_repo import ImportRepo
from pacto.store.meetings_repo import MeetingsRepo
from pacto.store.mensal_repo import MensalRepo
from pacto.store.netp_repo import NetpRepo
from pacto.store.network_repo import NetworkRepo
from pacto.store.opening import (
    ErroSubstituido,
    conectar,
    criar_arquivo_privado,
    inspecionar,
    traduzir_erro_sqlite,
    verificar_integridade,
)
from pacto.store.people import PessoasRepo
from pacto.store.process_repo import ProcessRepo
from pacto.store.purge import PurgeRepo
from pacto.store.schema_info import APPLICATION_ID, ha_pendentes
from pacto.store.versions_repo import VersionsRepo

if TYPE_CHECKING:
    from sqlite_utils import Database

# How long a “keep it anyway” answer in a dialog lasts: long enough for the save that follows.
VALIDADE_ACEITE_S = 10.0

# Tables carried by the bundle as plain rows, in an order that respects foreign keys.
TABELAS_EXTRAS = (
    "configuracoes",
    "grupo_trabalho",
    "autodiagnostico_rodadas",
    "autodiagnostico_respostas",
    "ajustes_passos",
    "netp_envios",
    "netp_contagens",
    "checklist_respostas",
    "indicador_metas",
    "indicador_valores",
    "adesoes",
    "avaliacoes",
)
# Tables a freshly created workspace leaves empty: rows in any of them are the user's work.
TABELAS_DO_USUARIO = ("instituicoes", "reunioes", "sugestoes", "versoes", *TABELAS_EXTRAS)


def usuario_padrao() -> str:
    """Who is writing, for the change history: PACTO_USUARIO, else the system login."""
    import getpass

    try:
        return os.environ.get("PACTO_USUARIO") or getpass.getuser()
    except (KeyError, OSError):
        return ""


class Workspace(
    NetworkRepo,
    ImportRepo,
    VersionsRepo,
    ProcessRepo,
    NetpRepo,
    MensalRepo,
    HistoryRepo,
    MeetingsRepo,
    AdesoesRepo,
    BackupsRepo,
    ArquivosRepo,
    PurgeRepo,
    PessoasRepo,
):
    """A network's workspace file; every read and write of pacto data goes through it.

    Reads go straight through the `sqlite3` connection `self.con`; the sqlite-utils
    `Database` (`self.db`) is built on first use, by writes that use its table helpers and by
    migrations, so a read-only command such as `pacto status` never imports sqlite-utils.
    """

    def __init__(self, caminho: Path, conexao: sqlite3.Connection, usuario: str | None = None):
        self.caminho = caminho
        self.con = conexao
        self._db: Database | None = None
        self._profundidade = 0
        self._usuario = usuario
        self._geracao: str | None = None  # the generation mark this process loaded
        self._aberto = True
        conexoes.registrar(caminho)
        # True when the user chose to keep text the privacy policy flags (--mesmo-assim)
        self.aceitar_alertas_privacidade = False
        self._aceite_unico: float | None = None

    @property
    def usuario(self) -> str:
        """Who signs this workspace's changes; the system login is looked up on first write."""
        if not self._usuario:
            self._usuario = usuario_padrao()
        return self._usuario

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection, for table helpers and migrations."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.con, execute_plugins=False)
        return self._db

    # -- lifecycle -------------------------------------------------------

    @classmethod
    def abrir(
        cls,
        caminho: str | Path,
        usuario: str | None = None,
        completa: bool = False,
        danos: bool = True,
    ) -> Workspace:
        """Open an existing workspace, upgrading its schema; refuse foreign, damaged or newer files.

        `completa` runs the full integrity check (the interface's start); a migration always
        runs it first, whatever was asked. `danos=False` opens a damaged file, only to restore it.
        """
        caminho = Path(caminho)
        inspecionar(caminho, completa=completa, danos=danos)
        ws = cls(caminho, conectar(caminho), usuario)
        try:
            with ws._traduzir_erros():
                if ha_pendentes(ws.con):
                    from pacto.store.schema import migracoes

                    if danos and not completa:
                        verificar_integridade(ws.con, caminho, completa=True)
                    ws.backup_automatico("antes-da-atualizacao", verificar=False)
                    migracoes.apply(ws.db)
                ws._geracao = ws.ler_geracao()
        except BaseException:
            ws.fechar()
            raise
        return ws

    def irma(self) -> Workspace:
        """Another connection on the same file, for a worker thread, sharing this generation.

        Opened through the same registry, without re-reading the file outside SQLite, so a
        worker never drops the locks of the connection the interface keeps.
        """
        if not self._aberto:
            raise ErroWorkspace("O workspace já foi fechado.")
        outra = type(self)(self.caminho, conectar(self.caminho), self._usuario)
        outra._geracao = self._geracao
        return outra

    @classmethod
    def criar(
        cls,
        caminho: str | Path,
        rede: Rede,
        nome_fluxo: str | None = None,
        etapas: tuple[EtapaPadrao, ...] | None = None,
        usuario: str | None = None,
    ) -> Workspace:
        """Create a new workspace with the default stages and one flow; never overwrites a file."""
        caminho = Path(caminho)
        rede = validar_rede(rede)
        criar_arquivo_privado(caminho)
        ws: Workspace | None = None
        try:
            conexao = conectar(caminho)
            conexao.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            ws = cls(caminho, conexao, usuario)
            from pacto.store.schema import migracoes

            migracoes.apply(ws.db)
            with ws.transacao():
                ws.db["rede"].insert(
                    {"id": 1, "nome": rede.nome, "uf": rede.uf, "municipio": rede.municipio}
                )
                for ordem, etapa in enumerate(etapas or etapas_padrao(), start=1):
                    ws.db["etapas"].insert(
                        {
                            "chave": etapa.chave,
                            "nome": etapa.nome,
                            "sigla": etapa.sigla,
                            "ordem": ordem,
                            "descricao": etapa.descricao,
                        }
                    )
                nome = nome_fluxo or rede.nome_padrao_do_fluxo
                todas = [f.chave for f in finalidades()]
                ws.db["fluxos"].insert({"nome": nome, "finalidades": json.dumps(todas)})
            ws._geracao = ws.ler_geracao()
        except BaseException:
            with contextlib.suppress(Exception):
                conexao.close()
            if ws is not None:
                conexoes.liberar(caminho)
            for sufixo in ("", "-wal", "-shm"):
                Path(f"{caminho}{sufixo}").unlink(missing_ok=True)
            raise
        return ws

    def fechar(self) -> None:
        """Close the connection; SQLite checkpoints the WAL when the last one closes."""
        self.con.close()
        if self._aberto:
            self._aberto = False
            conexoes.liberar(self.caminho)

    # -- generation mark -------------------------------------------------

    def ler_geracao(self) -> str | None:
        """The generation mark now in the file (None for a file without one)."""
        try:
            linha = self.con.execute("SELECT valor FROM _geracao WHERE id = 1").fetchone()
        except sqlite3.OperationalError as erro:
            if "no such table" in str(erro):
                return None
            raise
        return linha[0] if linha else None

    def foi_substituido(self) -> bool:
        """True when another process replaced the content since this one loaded it."""
        if self._geracao is None:
            return False
        try:
            return self.ler_geracao() != self._geracao
        except sqlite3.Error:
            return False  # busy or unreadable now: the write itself will check again

    def aceitar_geracao(self) -> None:
        """Adopt the file's current content (after the interface reloaded it)."""
        self._geracao = self.ler_geracao()

    def _renovar_geracao(self) -> None:
        """Write a fresh generation mark: the content was replaced as a whole."""
        import secrets

        novo = secrets.token_hex(16)
        self.con.execute("INSERT OR REPLACE INTO _geracao (id, valor) VALUES (1, ?)", [novo])
        self._geracao = novo

    def _conferir_geracao(self) -> None:
        """Refuse to write into content that another process replaced (inside the write lock)."""
        if self._geracao is not None and self.ler_geracao() != self._geracao:
            raise ErroSubstituido(
                f"O workspace {self.caminho} foi substituído por outro processo (restauração ou "
                "importação) depois de aberto aqui. Nada foi gravado: recarregue os dados "
                "(F5 na interface) antes de continuar."
            )

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.fechar()

    @contextlib.contextmanager
    def transacao(self) -> Iterator[None]:
        """Group writes so that they all land or none do."""
        # here, not at the top: readers such as `pacto status` need no privacy policy
        from pacto.store.privacy import exigir_privacidade, ultimo_registro

        conexao = self.con
        with self._traduzir_erros():
            if conexao.in_transaction:
                with self._ponto_de_salvamento():
                    yield
                return
            conexao.execute("BEGIN IMMEDIATE")
            try:
                self._conferir_geracao()
                conexao.execute(
                    "INSERT OR REPLACE INTO _sessao (id, usuario) VALUES (1, ?)", [self.usuario]
                )
                marca = ultimo_registro(conexao)
                aceitar = self._consumir_aceite() or self.aceitar_alertas_privacidade
                yield
                if not aceitar:
                    exigir_privacidade(conexao, marca)
            except BaseException:
                conexao.rollback()
                raise
            conexao.execute("COMMIT")

    def aceitar_na_proxima_gravacao(self) -> None:
        """The user chose to keep a flagged text in a dialog: the next write (within a few
        seconds, the save that follows the dialog) may store it."""
        self._aceite_unico = time.monotonic()

    def _consumir_aceite(self) -> bool:
        aceite, self._aceite_unico = self._aceite_unico, None
        return aceite is not None and time.monotonic() - aceite < VALIDADE_ACEITE_S

    @contextlib.contextmanager
    def aceitando_alertas_de_privacidade(self, aceitar: bool = True) -> Iterator[None]:
        """Writes in this block may keep text the privacy policy flags (the user insisted)."""
        anterior = self.aceitar_alertas_privacidade
        self.aceitar_alertas_privacidade = anterior or aceitar
        try:
            yield
        finally:
            self.aceitar_alertas_privacidade = anterior

    @contextlib.contextmanager
    def _ponto_de_salvamento(self) -> Iterator[None]:
        """A nested block inside an open transaction: undone alone if it fails."""
        nome = f"pacto_{id(self)}_{self._profundidade}"
        self._profundidade += 1
        self.con.execute(f"SAVEPOINT {nome}")
        try:
            yield
        except BaseException:
            # an error such as RAISE(ROLLBACK) may already have ended the whole transaction
            if self.con.in_transaction:
                self.con.execute(f"ROLLBACK TO SAVEPOINT {nome}")
                self.con.execute(f"RELEASE SAVEPOINT {nome}")
            raise
        else:
            self.con.execute(f"RELEASE SAVEPOINT {nome}")
        finally:
            self._profundidade -= 1

    @contextlib.contextmanager
    def _leitura(self) -> Iterator[None]:
        """Several reads that see one consistent state of the file (a read transaction)."""
        if self.con.in_transaction:
            yield
            return
        self.con.execute("BEGIN")
        try:
            yield
        finally:
            if self.con.in_transaction:
                self.con.execute("COMMIT")

    @contextlib.contextmanager
    def _traduzir_erros(self) -> Iterator[None]:
        """Turn SQLite lock and disk errors into messages for the user."""
        try:
            yield
        except UnicodeEncodeError as erro:  # a lone surrogate that slipped past validation
            raise ErroValidacao(
                "O texto tem caracteres inválidos (bytes que não são UTF-8) e não foi gravado."
            ) from erro
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as erro:
            traduzido = traduzir_erro_sqlite(erro, self.caminho)
            if traduzido is None:
                raise
            raise traduzido from erro

    # -- network, flows, stages ----------------------------------------

    def rede(self) -> Rede:
        """The network's identification."""
        linha = self.con.execute(
            "SELECT nome, uf, municipio, coordenacao_id FROM rede WHERE id = 1"
        ).fetchone()
        return Rede(*linha)

    def salvar_rede(self, rede: Rede) -> Rede:
        """Update the network's identification after validation.

        A flow still named as pacto named it follows the network's reach: a network created as
        a state one and given its municipality has a "Fluxo Municipal", not a "Fluxo Estadual".
        """
        rede = validar_rede(rede)
        with self.transacao():
            antigo = self.rede().nome_padrao_do_fluxo
            self.con.execute(
                "UPDATE rede SET nome = ?, uf = ?, municipio = ?, coordenacao_id = ? WHERE id = 1",
                [rede.nome, rede.uf, rede.municipio, rede.coordenacao_id],
            )
            if rede.nome_padrao_do_fluxo != antigo:
                self.con.execute(
                    "UPDATE fluxos SET nome = ? WHERE nome = ?", [rede.nome_padrao_do_fluxo, antigo]
                )
        return rede

    def fluxos(self) -> list[Fluxo]:
        """The network's flows, in creation order."""
        return [
            Fluxo(nome=nome, finalidades=json.loads(finalidades), id=id_)
            for id_, nome, finalidades in self.con.execute(
                "SELECT id, nome, finalidades FROM fluxos ORDER BY id"
            )
        ]

    def salvar_fluxo(self, fluxo: Fluxo) -> Fluxo:
        """Insert or update a flow, each purpose of art. 149-A in one flow only."""
        with self.transacao():
            fluxo = validar_fluxo(fluxo, self.fluxos())
            dados = {"nome": fluxo.nome, "finalidades": json.dumps(fluxo.finalidades)}
            if fluxo.id is None:
                fluxo.id = self.db["fluxos"].insert(dados).last_pk
            else:
                self.db["fluxos"].update(fluxo.id, dados)
        return fluxo

    def uso_do_fluxo(self, fluxo_id: int) -> tuple[int, int]:
        """How many duties and referrals belong to a flow (they go with it when it is removed)."""
        atribuicoes, encaminhamentos = self.con.execute(
            "SELECT (SELECT count(*) FROM atribuicoes WHERE fluxo_id = ?),"
            " (SELECT count(*) FROM encaminhamentos WHERE fluxo_id = ?)",
            [fluxo_id, fluxo_id],
        ).fetchone()
        return atribuicoes, encaminhamentos

    def remover_fluxo(self, fluxo_id: int) -> None:
        """Remove a flow with its duties and referrals; the network always keeps one flow."""
        with self.transacao():
            if len(self.fluxos()) <= 1:
                raise ErroValidacao("A rede precisa de ao menos um fluxo; este é o único.")
            self.con.execute("DELETE FROM fluxos WHERE id = ?", [fluxo_id])

    def etapas(self) -> list[Etapa]:
        """The flow's stages, in order."""
        return [
            Etapa(chave=c, nome=n, sigla=s, ordem=o, descricao=d, id=i)
            for i, c, n, s, o, d in self.con.execute(
                "SELECT id, chave, nome, sigla, ordem, descricao FROM etapas ORDER BY ordem"
            )
        ]

    def carregar(self) -> RedeCompleta:
        """Read the whole network into memory in one consistent snapshot."""
        with self._traduzir_erros(), self._leitura():
            return RedeCompleta(
                rede=self.rede(),
                fluxos=self.fluxos(),
                etapas=self.etapas(),
                instituicoes=self.instituicoes(),
                pontos_focais=self.pontos_focais(),
                atribuicoes=self.atribuicoes(),
                encaminhamentos=self.encaminhamentos(),
                **self._carregar_reunioes(),
                fluxos_externos=self._fluxos_externos(),
            )

    def _fluxos_externos(self) -> dict[str, str]:
        """Purposes covered by an external flow, as `services.roteiro_registros` keeps them."""
        try:
            dados = json.loads(self.configuracao("fluxos.externos") or "{}")
        except ValueError:
            return {}
        return dados if isinstance(dados, dict) else {}

    def marca_de_alteracao(self) -> tuple[int, int] | None:
        """A value that changes whenever the file's data changes: (PRAGMA data_version, which
        moves on a commit by another connection, such as the CLI or another TUI; and the
        changes made through this connection). The TUI polls it to keep its screens live, so
        it never raises: None when the file cannot be read right now."""
        try:
            versao = self.con.execute("PRAGMA data_version").fetchone()[0]
        except (sqlite3.Error, AttributeError):
            return None
        return versao, self.con.total_changes

    # -- settings ------------------------------------------------------

    def configuracao(self, chave: str, padrao: str | None = None) -> str | None:
        """A workspace setting, such as the folder of adapted templates."""
        linha = self.con.execute(
            "SELECT valor FROM configuracoes WHERE chave = ?", [chave]
        ).fetchone()
        return linha[0] if linha else padrao

    def definir_configuracao(self, chave: str, valor: str | None) -> None:
        """Set or clear a workspace setting."""
        if valor is not None and (problema := problema_de_caracteres(f"“{chave}”", valor)):
            raise ErroValidacao(problema)
        with self.transacao():
            if valor is None:
                self.con.execute("DELETE FROM configuracoes WHERE chave = ?", [chave])
            else:
                self.db["configuracoes"].upsert({"chave": chave, "valor": valor}, pk="chave")

    # -- whole-workspace operations -------------------------------------

    def esta_vazio(self) -> bool:
        """True when no institution has been recorded yet."""
        return self.con.execute("SELECT count(*) FROM instituicoes").fetchone()[0] == 0

    def tabelas_com_dados(self) -> list[str]:
        """The user-data tables that hold at least one row (empty for a fresh workspace)."""
        return [
            tabela
            for tabela in TABELAS_DO_USUARIO
            if self.con.execute(f"SELECT 1 FROM {tabela} LIMIT 1").fetchone()
        ]

    def linhas_extras(self) -> dict[str, list[dict]]:
        """Rows of the tables beyond the network itself, for the portable bundle."""
        return {
            tabela: [dict(linha) for linha in self.db[tabela].rows_where(order_by="rowid")]
            for tabela in TABELAS_EXTRAS
        }

    def linhas_invalidas(self) -> list[str]:
        """Rows of the extra tables that break the rules (an older pacto imported bundles without
        checking them), each named by table, row and field; screens skip them when reading.
        Free texts are not judged here, only what a screen could not show."""
        from pacto.domain.linhas_extras import (
            Referencias,
            onde,
            problema_de_data,
            problemas_das_tabelas,
        )

        tabelas = {}
        for tabela in TABELAS_EXTRAS:
            cursor = self.con.execute(f"SELECT * FROM {tabela} ORDER BY rowid")
            nomes = [coluna[0] for coluna in cursor.description]
            tabelas[tabela] = [dict(zip(nomes, linha, strict=True)) for linha in cursor]
        referencias = Referencias(
            instituicoes={linha[0] for linha in self.con.execute("SELECT id FROM instituicoes")},
            versoes={linha[0] for linha in self.con.execute("SELECT numero FROM versoes")},
        )
        problemas = problemas_das_tabelas(tabelas, referencias, textos=False)
        for n, (data,) in enumerate(
            self.con.execute("SELECT data FROM reunioes ORDER BY rowid"), start=1
        ):
            if problema := problema_de_data(data):
                problemas.append(f"{onde('reunioes', n, 'data')}: {problema}.")
        return problemas

    def substituir(
        self,
        rc: RedeCompleta,
        versoes: list[VersaoFluxo] | None = None,
        extras: dict[str, list[dict]] | None = None,
    ) -> None:
        """Replace the whole network with the given one, keeping its ids, in one transaction.

        With `versoes`, the frozen versions are replaced too, and with `extras` the other
        sections (working group, self-diagnosis, settings…); without, they are left as they are.
        """
        try:
            self._substituir(rc, versoes, extras)
        except sqlite3.IntegrityError as erro:
            raise ErroImportacao(
                f"Os dados são inconsistentes e nada foi importado ({erro})."
            ) from erro

    def _substituir(
        self,
        rc: RedeCompleta,
        versoes: list[VersaoFluxo] | None,
        extras: dict[str, list[dict]] | None,
    ) -> None:
        desconhecidas = set(extras or {}) - set(TABELAS_EXTRAS)
        if desconhecidas:
            raise ErroImportacao(f"Seções desconhecidas: {', '.join(sorted(desconhecidas))}.")
        with self.transacao():
            if extras is not None:
                for tabela in reversed(TABELAS_EXTRAS):
                    self.con.execute(f"DELETE FROM {tabela}")
            self._apagar_reunioes()
            for tabela in ("encaminhamentos", "atribuicoes", "pontos_focais", "fluxos"):
                self.con.execute(f"DELETE FROM {tabela}")
            self.con.execute("UPDATE rede SET coordenacao_id = NULL")
            self.con.execute("DELETE FROM instituicoes")
            self.con.execute("DELETE FROM etapas")
            for etapa in rc.etapas:
                self.db["etapas"].insert(como_dict(etapa))
            for fluxo in rc.fluxos:
                dados = como_dict(fluxo)
                dados["finalidades"] = json.dumps(fluxo.finalidades)
                self.db["fluxos"].insert(dados)
            self.db["instituicoes"].insert_all(como_dict(i) for i in rc.instituicoes)
            self.db["pontos_focais"].insert_all(como_dict(p) for p in rc.pontos_focais)
            self.db["atribuicoes"].insert_all(como_dict(a) for a in rc.atribuicoes)
            self.db["encaminhamentos"].insert_all(como_dict(e) for e in rc.encaminhamentos)
            self._inserir_reunioes(rc)
            rede = validar_rede(rc.rede)
            self.con.execute(
                "UPDATE rede SET nome = ?, uf = ?, municipio = ?, coordenacao_id = ? WHERE id = 1",
                [rede.nome, rede.uf, rede.municipio, rede.coordenacao_id],
            )
            if versoes is not None:
                self._trocar_versoes(versoes)
            if extras is not None:
                self._trocar_extras(extras)
            self._renovar_geracao()

    def _trocar_extras(self, extras: dict[str, list[dict]]) -> None:
        """Insert the bundle's extra rows, refusing columns the tables do not have."""
        for tabela in TABELAS_EXTRAS:
            colunas = set(self.db[tabela].columns_dict)
            for linha in extras.get(tabela, []):
                if not set(linha) <= colunas:
                    raise ErroImportacao(
                        f"Seção “{tabela}”: campos desconhecidos "
                        f"({', '.join(sorted(set(linha) - colunas))})."
                    )
                self.db[tabela].insert(linha)
