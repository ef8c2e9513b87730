"""Reads and writes of adhesion records: one row per institution and frozen version."""

from __future__ import annotations

from datetime import date

from pacto.domain.adesao import COLUNA_DATA, Adesao, validar_adesao
from pacto.domain.calendario import data_gravada
from pacto.domain.errors import ErroValidacao

_DATAS = tuple(COLUNA_DATA.values())
_COLUNAS = (
    "id, instituicao_id, versao_numero, situacao, "
    + ", ".join(_DATAS)
    + ", signatario, cargo, processo, diario_oficial, arquivo, arquivo_sha256"
)
_SITUACAO_DA_COLUNA = {coluna: situacao for situacao, coluna in COLUNA_DATA.items()}


class AdesoesRepo:
    """Mixin of `Workspace` for adhesions; `self.db` and `self.transacao` come from it."""

    def adesoes(self, instituicao_id: int | None = None) -> list[Adesao]:
        """Every adhesion record (optionally of one institution), oldest version first."""
        filtro, args = (
            ("WHERE instituicao_id = ?", [instituicao_id]) if instituicao_id else ("", [])
        )
        return [
            _adesao(linha)
            for linha in self.con.execute(
                f"SELECT {_COLUNAS} FROM adesoes {filtro} ORDER BY instituicao_id, versao_numero",
                args,
            )
        ]

    def registrar_adesao(self, adesao: Adesao, quando: date) -> Adesao:
        """Record a status for an institution and a version, with the date it happened.

        The row of that institution and version is created or updated: the status and its
        date change, and the other fields change only when given (non-empty).
        """
        adesao = validar_adesao(adesao)
        with self.transacao():
            if self.instituicao(adesao.instituicao_id) is None:
                raise ErroValidacao("Instituição inexistente para a adesão.")
            if self.versao(adesao.versao_numero) is None:
                raise ErroValidacao(f"A versão {adesao.versao_numero} do fluxo não existe.")
            coluna = COLUNA_DATA[adesao.situacao]
            self.con.execute(
                "INSERT INTO adesoes (instituicao_id, versao_numero, situacao) VALUES (?, ?, ?) "
                "ON CONFLICT (instituicao_id, versao_numero) DO NOTHING",
                [adesao.instituicao_id, adesao.versao_numero, adesao.situacao],
            )
            campos = {
                nome: getattr(adesao, nome)
                for nome in (
                    "signatario", "cargo", "processo", "diario_oficial", "arquivo",
                    "arquivo_sha256",
                )
                if getattr(adesao, nome)
            }  # fmt: skip
            atribuicoes = ", ".join(f"{nome} = ?" for nome in campos)
            self.con.execute(
                f"UPDATE adesoes SET situacao = ?, {coluna} = ?, "
                f"{atribuicoes + ', ' if atribuicoes else ''}atualizado_em = datetime('now') "
                "WHERE instituicao_id = ? AND versao_numero = ?",
                [
                    adesao.situacao,
                    quando.isoformat(),
                    *campos.values(),
                    adesao.instituicao_id,
                    adesao.versao_numero,
                ],
            )
            linha = self.con.execute(
                f"SELECT {_COLUNAS} FROM adesoes WHERE instituicao_id = ? AND versao_numero = ?",
                [adesao.instituicao_id, adesao.versao_numero],
            ).fetchone()
        return _adesao(linha)


def _adesao(linha: tuple) -> Adesao:
    id_, instituicao_id, versao, situacao, *resto = linha
    datas_brutas, (signatario, cargo, processo, diario, arquivo, sha) = (
        resto[: len(_DATAS)],
        resto[len(_DATAS) :],
    )
    datas = {
        _SITUACAO_DA_COLUNA[coluna]: dia
        for coluna, valor in zip(_DATAS, datas_brutas, strict=True)
        if valor and (dia := data_gravada(valor)) is not None
    }  # a date an older import left unreadable is dropped here and reported by the check
    return Adesao(
        instituicao_id=instituicao_id,
        versao_numero=versao,
        situacao=situacao,
        datas=datas,
        signatario=signatario,
        cargo=cargo,
        processo=processo,
        diario_oficial=diario,
        arquivo=arquivo,
        arquivo_sha256=sha,
        id=id_,
    )
