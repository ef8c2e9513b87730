"""Reads and writes of frozen flow versions; once written, a version row never changes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from pacto.domain.errors import ErroValidacao
from pacto.domain.validation import validar_texto
from pacto.domain.versions import VersaoFluxo, conteudo_canonico, hash_conteudo, texto_canonico

_COLUNAS = "id, numero, hash, nota, criado_em, conteudo"


class VersionsRepo:
    """Mixin of `Workspace` for frozen versions; `self.db`, `self.transacao` and `self.carregar`
    come from it."""

    def versoes(self) -> list[VersaoFluxo]:
        """Every frozen version, oldest first."""
        return [
            _versao(linha)
            for linha in self.con.execute(f"SELECT {_COLUNAS} FROM versoes ORDER BY numero")
        ]

    def versao(self, numero: int) -> VersaoFluxo | None:
        """The version with this number, if it exists."""
        if not 1 <= numero <= 2**63 - 1:  # SQLite cannot even hold the number: no such version
            return None
        linha = self.con.execute(
            f"SELECT {_COLUNAS} FROM versoes WHERE numero = ?", [numero]
        ).fetchone()
        return _versao(linha) if linha else None

    def ultima_versao(self) -> VersaoFluxo | None:
        """The most recent frozen version, if any."""
        linha = self.con.execute(
            f"SELECT {_COLUNAS} FROM versoes ORDER BY numero DESC LIMIT 1"
        ).fetchone()
        return _versao(linha) if linha else None

    def congelar_versao(self, nota: str) -> VersaoFluxo:
        """Freeze the working draft as the next numbered version; refuse when nothing changed."""
        nota = validar_texto("uma nota que explique a versão", nota)
        with self.transacao():
            conteudo = conteudo_canonico(self.carregar())
            hash_ = hash_conteudo(conteudo)
            ultima = self.ultima_versao()
            if ultima is not None and ultima.hash == hash_:
                raise ErroValidacao(
                    f"O rascunho é igual à {ultima.rotulo}: não há o que congelar. "
                    "Altere o fluxo antes de congelar uma nova versão."
                )
            versao = VersaoFluxo(
                numero=(ultima.numero if ultima else 0) + 1,
                hash=hash_,
                nota=nota,
                criado_em=datetime.now().replace(microsecond=0),
                conteudo=conteudo,
            )
            versao.id = self._inserir_versao(versao)
        return versao

    def _inserir_versao(self, versao: VersaoFluxo) -> int:
        cursor = self.con.execute(
            "INSERT INTO versoes (numero, hash, nota, criado_em, conteudo) VALUES (?, ?, ?, ?, ?)",
            [
                versao.numero,
                versao.hash,
                versao.nota,
                versao.criado_em.isoformat(timespec="seconds"),
                texto_canonico(versao.conteudo),
            ],
        )
        return cursor.lastrowid

    def _trocar_versoes(self, versoes: Iterable[VersaoFluxo]) -> None:
        """Replace every frozen version, for a whole-workspace bundle import only.

        The immutability triggers are dropped and recreated inside the caller's transaction,
        so either the new versions land with the triggers back in place, or nothing changes.
        """
        if not self.con.in_transaction:
            raise RuntimeError("_trocar_versoes must run inside a transaction")
        for nome in ("versoes_sem_alteracao", "versoes_sem_exclusao"):
            self.con.execute(f"DROP TRIGGER IF EXISTS {nome}")
        self.con.execute("DELETE FROM versoes")
        for versao in versoes:
            self._inserir_versao(versao)
        from pacto.store.schema import GATILHOS_VERSOES

        for gatilho in GATILHOS_VERSOES:
            self.con.execute(gatilho)


def _versao(linha: tuple) -> VersaoFluxo:
    id_, numero, hash_, nota, criado_em, conteudo = linha
    return VersaoFluxo(
        numero=numero,
        hash=hash_,
        nota=nota,
        criado_em=datetime.fromisoformat(criado_em),
        conteudo=json.loads(conteudo),
        id=id_,
    )
