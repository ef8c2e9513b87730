"""Reads and writes of the network's actors: institutions, focal points, duties and referrals."""

from __future__ import annotations

from datetime import date

from pacto.domain.calendario import data_gravada
from pacto.domain.errors import ErroConflito, ErroValidacao
from pacto.domain.models import (
    Atribuicao,
    Encaminhamento,
    Instituicao,
    PontoFocal,
    campos,
    como_dict,
)
from pacto.domain.text import chave_comparacao
from pacto.domain.validation import validar_instituicao, validar_ponto_focal, validar_texto

_COLUNAS_INSTITUICAO = ", ".join(campos(Instituicao))
_COLUNAS_PONTO = ", ".join(campos(PontoFocal))


class NetworkRepo:
    """Mixin of `Workspace` for the network's actors; `self.db` and `self.transacao` come from it."""

    # -- institutions -----------------------------------------------------

    def instituicoes(self) -> list[Instituicao]:
        """Every institution, by name."""
        return [
            _instituicao(linha)
            for linha in self.con.execute(
                f"SELECT {_COLUNAS_INSTITUICAO} FROM instituicoes ORDER BY nome COLLATE NOCASE"
            )
        ]

    def instituicao(self, id_: int) -> Instituicao | None:
        """One institution by id."""
        linha = self.con.execute(
            f"SELECT {_COLUNAS_INSTITUICAO} FROM instituicoes WHERE id = ?", [id_]
        ).fetchone()
        return _instituicao(linha) if linha else None

    def instituicao_por_sigla(self, sigla: str) -> Instituicao | None:
        """One institution by acronym, ignoring case and accents."""
        linha = self.con.execute(
            f"SELECT {_COLUNAS_INSTITUICAO} FROM instituicoes WHERE sigla = ? COLLATE NOCASE",
            [sigla.strip()],
        ).fetchone()
        if linha:
            return _instituicao(linha)
        procurada = chave_comparacao(sigla)
        return next(
            (i for i in self.instituicoes() if chave_comparacao(i.sigla) == procurada), None
        )

    def _siglas_exceto(self, id_: int | None) -> list[str]:
        return [
            linha[0]
            for linha in self.con.execute("SELECT sigla FROM instituicoes WHERE id IS NOT ?", [id_])
        ]

    def salvar_instituicao(
        self, inst: Instituicao, original: Instituicao | None = None
    ) -> Instituicao:
        """Validate and insert (no id) or update (with id) an institution.

        With `original` (the version the editor loaded), an update whose row changed since
        raises ErroConflito carrying the stored version, and nothing is written.
        """
        with self.transacao():
            inst = validar_instituicao(inst, self._siglas_exceto(inst.id))
            dados = como_dict(inst)
            dados.pop("id")
            if inst.id is None:
                inst.id = self.db["instituicoes"].insert(dados).last_pk
            else:
                conferir_versao(self.instituicao(inst.id), original, inst, "esta instituição")
                self.db["instituicoes"].update(inst.id, dados)
        return inst

    def dependencias_da_instituicao(self, id_: int) -> dict[str, int]:
        """What goes away with an institution: counts of its focal points, duties, referrals,
        adhesion records and NETP submissions."""

        def contar(sql: str) -> int:
            return self.con.execute(sql, [id_] * sql.count("?")).fetchone()[0]

        return {
            "pontos_focais": contar("SELECT count(*) FROM pontos_focais WHERE instituicao_id = ?"),
            "atribuicoes": contar("SELECT count(*) FROM atribuicoes WHERE instituicao_id = ?"),
            "encaminhamentos": contar(
                "SELECT count(*) FROM encaminhamentos WHERE origem_id = ? OR destino_id = ?"
            ),
            "adesoes": contar("SELECT count(*) FROM adesoes WHERE instituicao_id = ?"),
            "envios_netp": contar("SELECT count(*) FROM netp_envios WHERE instituicao_id = ?"),
        }

    def remover_instituicao(self, id_: int, original: Instituicao | None = None) -> None:
        """Remove an institution with its focal points, duties and referrals.

        With `original`, refuse (ErroConflito) when someone changed it since it was shown.
        """
        with self.transacao():
            _conferir_remocao(self.instituicao(id_), original, "esta instituição")
            self.con.execute("DELETE FROM instituicoes WHERE id = ?", [id_])

    # -- focal points -----------------------------------------------------

    def pontos_focais(self, instituicao_id: int | None = None) -> list[PontoFocal]:
        """Focal points, titular first, optionally of one institution."""
        filtro, args = (
            ("WHERE instituicao_id = ?", [instituicao_id]) if instituicao_id else ("", [])
        )
        return [
            _ponto(linha)
            for linha in self.con.execute(
                f"SELECT {_COLUNAS_PONTO} FROM pontos_focais {filtro} "
                "ORDER BY instituicao_id, papel DESC, nome",
                args,
            )
        ]

    def ponto_focal(self, id_: int) -> PontoFocal | None:
        """One focal point by id."""
        linha = self.con.execute(
            f"SELECT {_COLUNAS_PONTO} FROM pontos_focais WHERE id = ?", [id_]
        ).fetchone()
        return _ponto(linha) if linha else None

    def salvar_ponto_focal(
        self, ponto: PontoFocal, original: PontoFocal | None = None
    ) -> PontoFocal:
        """Validate and insert or update a focal point; an institution has one titular at most.

        With `original`, an update of a row changed since raises ErroConflito (see
        `salvar_instituicao`).
        """
        ponto = validar_ponto_focal(ponto)
        with self.transacao():
            if ponto.id is not None:
                conferir_versao(self.ponto_focal(ponto.id), original, ponto, "este ponto focal")
            if self.instituicao(ponto.instituicao_id) is None:
                raise ErroValidacao("Instituição inexistente para o ponto focal.")
            if ponto.papel == "titular":
                outro = self.con.execute(
                    "SELECT nome FROM pontos_focais WHERE instituicao_id = ? AND papel = 'titular' "
                    "AND id IS NOT ?",
                    [ponto.instituicao_id, ponto.id],
                ).fetchone()
                if outro:
                    raise ErroValidacao(
                        f"A instituição já tem ponto focal titular ({outro[0]}). "
                        "Altere-o ou cadastre este como suplente."
                    )
            dados = como_dict(ponto)
            dados.pop("id")
            if ponto.id is None:
                ponto.id = self.db["pontos_focais"].insert(dados).last_pk
            else:
                self.db["pontos_focais"].update(ponto.id, dados)
        return ponto

    def confirmar_ponto_focal(self, id_: int, quando: date | None = None) -> None:
        """Record that a focal point's contact was confirmed (today by default)."""
        with self.transacao():
            self.con.execute(
                "UPDATE pontos_focais SET confirmado_em = ? WHERE id = ?",
                [(quando or date.today()).isoformat(), id_],
            )

    def remover_ponto_focal(self, id_: int, original: PontoFocal | None = None) -> None:
        """Remove a focal point (its contact data goes with it); `original` as in removals above."""
        with self.transacao():
            _conferir_remocao(self.ponto_focal(id_), original, "este ponto focal")
            self.con.execute("DELETE FROM pontos_focais WHERE id = ?", [id_])

    # -- duties -----------------------------------------------------------

    def atribuicoes(self) -> list[Atribuicao]:
        """Every duty."""
        return [
            Atribuicao(instituicao_id=i, etapa_id=e, fluxo_id=f, texto=t, id=id_)
            for id_, i, e, f, t in self.con.execute(
                "SELECT id, instituicao_id, etapa_id, fluxo_id, texto FROM atribuicoes ORDER BY id"
            )
        ]

    def texto_da_atribuicao(self, instituicao_id: int, etapa_id: int, fluxo_id: int) -> str:
        """The stored duty of an institution at a stage of a flow; empty when there is none."""
        linha = self.con.execute(
            "SELECT texto FROM atribuicoes WHERE instituicao_id = ? AND etapa_id = ? "
            "AND fluxo_id = ?",
            [instituicao_id, etapa_id, fluxo_id],
        ).fetchone()
        return linha[0] if linha else ""

    def definir_atribuicao(
        self,
        instituicao_id: int,
        etapa_id: int,
        fluxo_id: int,
        texto: str,
        original: str | None = None,
    ) -> None:
        """Set what an institution does at a stage of a flow; empty text removes the duty.

        With `original` (the text the editor loaded, empty when there was none), a duty changed
        since raises ErroConflito carrying the stored text, and nothing is written.
        """
        texto = validar_texto("a atribuição", texto, obrigatorio=False)
        with self.transacao():
            if original is not None:
                atual = self.texto_da_atribuicao(instituicao_id, etapa_id, fluxo_id)
                if atual not in (original.strip(), texto):
                    raise ErroConflito(
                        "esta atribuição", atual, removido=not atual and bool(original.strip())
                    )
            if not texto:
                self.con.execute(
                    "DELETE FROM atribuicoes WHERE instituicao_id = ? AND etapa_id = ? AND fluxo_id = ?",
                    [instituicao_id, etapa_id, fluxo_id],
                )
                return
            self.con.execute(
                "INSERT INTO atribuicoes (instituicao_id, etapa_id, fluxo_id, texto) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (instituicao_id, etapa_id, fluxo_id) DO UPDATE SET texto = excluded.texto",
                [instituicao_id, etapa_id, fluxo_id, texto],
            )

    # -- referrals --------------------------------------------------------

    def encaminhamentos(self) -> list[Encaminhamento]:
        """Every referral."""
        return [
            Encaminhamento(fluxo_id=f, origem_id=o, destino_id=d, condicao=c, prazo=p, id=id_)
            for id_, f, o, d, c, p in self.con.execute(
                "SELECT id, fluxo_id, origem_id, destino_id, condicao, prazo FROM encaminhamentos "
                "ORDER BY id"
            )
        ]

    def encaminhamento(self, id_: int) -> Encaminhamento | None:
        """One referral by id."""
        linha = self.con.execute(
            "SELECT fluxo_id, origem_id, destino_id, condicao, prazo, id FROM encaminhamentos "
            "WHERE id = ?",
            [id_],
        ).fetchone()
        return Encaminhamento(*linha) if linha else None

    def salvar_encaminhamento(
        self, enc: Encaminhamento, original: Encaminhamento | None = None
    ) -> Encaminhamento:
        """Validate and insert or update a referral between two different institutions.

        With `original`, an update of a row changed since raises ErroConflito (see
        `salvar_instituicao`).
        """
        if enc.origem_id == enc.destino_id:
            raise ErroValidacao("Uma instituição não encaminha para si mesma.")
        enc.condicao = validar_texto("a condição", enc.condicao, obrigatorio=False)
        enc.prazo = validar_texto("o prazo", enc.prazo, obrigatorio=False)
        dados = como_dict(enc)
        dados.pop("id")
        with self.transacao():
            if enc.id is None:
                enc.id = self.db["encaminhamentos"].insert(dados).last_pk
            else:
                conferir_versao(self.encaminhamento(enc.id), original, enc, "este encaminhamento")
                self.db["encaminhamentos"].update(enc.id, dados)
        return enc

    def remover_encaminhamento(self, id_: int, original: Encaminhamento | None = None) -> None:
        """Remove a referral; with `original`, refuse (ErroConflito) if it changed since shown."""
        with self.transacao():
            _conferir_remocao(self.encaminhamento(id_), original, "este encaminhamento")
            self.con.execute("DELETE FROM encaminhamentos WHERE id = ?", [id_])


_INDICE_PERSONALIDADE = campos(Instituicao).index("personalidade_juridica")


def _instituicao(linha: tuple) -> Instituicao:
    """An institution from its row; SQLite keeps the yes/no field as 0/1."""
    inst = Instituicao(*linha)
    inst.personalidade_juridica = bool(linha[_INDICE_PERSONALIDADE])
    return inst


def conferir_versao(atual, original, novo, o_que: str) -> None:
    """Refuse an update whose row is gone, or changed since `original` was loaded.

    A row already equal to the new version is no conflict (both wrote the same thing).
    """
    if atual is None:
        raise ErroConflito(o_que, None, removido=True)
    if original is not None and atual != original and atual != novo:
        raise ErroConflito(o_que, atual)


def _conferir_remocao(atual, original, o_que: str) -> None:
    """Refuse a removal of a row changed since `original` was shown (a gone row is no conflict)."""
    if original is not None and atual is not None and atual != original:
        raise ErroConflito(o_que, atual)


def _ponto(linha: tuple) -> PontoFocal:
    ponto = PontoFocal(*linha)
    if ponto.confirmado_em:
        ponto.confirmado_em = data_gravada(ponto.confirmado_em)
    return ponto
