"""One person's data in a workspace, for the LGPD rights of focal points (art. 18).

A focal point's name lives in several places: the focal-point table, attendance lists, the
meetings they chaired or minuted, the adhesions they signed, suggestions and actions, free text
and the change history. These functions find it (accents and case ignored), and erase or
anonymise it — except where it must stay as legal proof: the signatory of a signed Termo.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from pacto.domain.text import chave_comparacao
from pacto.store.purge import _colunas_de_texto, compactar, registrar_sem_texto

MARCA_ANONIMO = "[nome removido — LGPD]"
TABELA_LGPD = "dados_de_pessoa"
# Fields that hold a person's name, with the columns that go with it.
CAMPOS_DE_PESSOA = (
    ("pontos_focais", "nome"),
    ("presencas", "nome"),
    ("reunioes", "presidente"),
    ("reunioes", "secretario"),
    ("adesoes", "signatario"),
    ("sugestoes", "autor"),
    ("acoes", "responsavel"),
)


@dataclass
class Achado:
    """One record holding the person's data."""

    tabela: str
    registro: int
    campo: str
    dados: dict
    mantido: str = ""  # why it must stay, when it must

    @property
    def rotulo(self) -> str:
        from pacto.domain.politica_privacidade import campo

        return campo(self.tabela, self.campo).rotulo


@dataclass
class DadosDePessoa:
    """Everywhere one person's data lives in one database file."""

    nome: str
    registros: list[Achado] = field(default_factory=list)
    mencoes: list[Achado] = field(default_factory=list)  # free text naming the person
    historico: list[dict] = field(default_factory=list)

    @property
    def vazio(self) -> bool:
        return not (self.registros or self.mencoes or self.historico)


def _padrao(nome: str) -> re.Pattern:
    chave = chave_comparacao(nome)
    return re.compile(rf"(?<!\w){re.escape(chave)}(?!\w)")


_VARIANTES = {
    "a": "aáàâãä",
    "e": "eéèêë",
    "i": "iíìîï",
    "o": "oóòôõö",
    "u": "uúùûü",
    "c": "cç",
    "n": "nñ",
}


def padrao_flexivel(nome: str) -> re.Pattern:
    """The name as a pattern that matches it in any case, with or without accents."""
    partes = []
    for caractere in chave_comparacao(nome):
        if caractere == " ":
            partes.append(r"\s+")
        elif caractere in _VARIANTES:
            partes.append(f"[{_VARIANTES[caractere]}]")
        else:
            partes.append(re.escape(caractere))
    return re.compile(rf"(?<!\w){''.join(partes)}(?!\w)", re.IGNORECASE)


def _anonimizar(valor, padrao: re.Pattern):
    """A JSON value with every mention of the person replaced."""
    if isinstance(valor, str):
        return padrao.sub(MARCA_ANONIMO, valor)
    if isinstance(valor, dict):
        return {k: _anonimizar(v, padrao) for k, v in valor.items()}
    if isinstance(valor, list):
        return [_anonimizar(v, padrao) for v in valor]
    return valor


def _bate(padrao: re.Pattern, valor) -> bool:
    return isinstance(valor, str) and bool(padrao.search(chave_comparacao(valor)))


def _linhas(con: sqlite3.Connection, tabela: str) -> list[dict]:
    cursor = con.execute(f'SELECT rowid AS _rowid, * FROM "{tabela}"')
    nomes = [d[0] for d in cursor.description]
    return [dict(zip(nomes, linha, strict=True)) for linha in cursor]


def _existe(con: sqlite3.Connection, tabela: str) -> bool:
    return bool(con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [tabela]).fetchone())


def _assinado(linha: dict) -> bool:
    return linha.get("situacao") == "assinado" or bool(linha.get("assinado_em"))


def localizar_pessoa(con: sqlite3.Connection, nome: str) -> DadosDePessoa:
    """Every record, free-text mention and history row naming the person."""
    # here, not at the top: the privacy policy's patterns are costly to load for every reader
    from pacto.domain.politica_privacidade import TipoCampo, campo

    dados = DadosDePessoa(nome)
    padrao = _padrao(nome)
    for tabela, coluna in CAMPOS_DE_PESSOA:
        if not _existe(con, tabela):
            continue
        for linha in _linhas(con, tabela):
            if _bate(padrao, linha.get(coluna)):
                rowid = linha.pop("_rowid")
                mantido = ""
                if tabela == "adesoes" and _assinado(linha):
                    mantido = "signatário de Termo de Adesão assinado (prova do ato)"
                dados.registros.append(Achado(tabela, rowid, coluna, linha, mantido))
    focais = [a.dados.get("instituicao_id") for a in dados.registros if a.tabela == "pontos_focais"]
    if focais and _existe(con, "grupo_trabalho"):
        marcas = ", ".join("?" for _ in focais)
        for inst_id, sigla, desde in con.execute(
            "SELECT g.instituicao_id, i.sigla, g.desde FROM grupo_trabalho g "
            f"JOIN instituicoes i ON i.id = g.instituicao_id WHERE g.instituicao_id IN ({marcas})",
            focais,
        ):
            dados.registros.append(
                Achado(
                    "grupo_trabalho",
                    inst_id,
                    "instituicao",
                    {"instituicao": sigla, "desde": desde},
                    "o GT é formado por instituições: a instituição continua membro",
                )
            )
    if _existe(con, "versoes"):
        for id_, nota, criado_em, conteudo in con.execute(
            "SELECT id, nota, criado_em, conteudo FROM versoes ORDER BY id"
        ):
            if _bate(padrao, conteudo):
                dados.registros.append(
                    Achado(
                        "versoes",
                        id_,
                        "conteudo",
                        {"id": id_, "nota": nota, "criado_em": criado_em},
                        "versão congelada do fluxo (registro do que foi pactuado; as "
                        "adesões se referem a ela e o hash a protege)",
                    )
                )
    pessoais = set(CAMPOS_DE_PESSOA)
    for tabela, coluna in _colunas_de_texto(con):
        if (tabela, coluna) in pessoais or campo(tabela, coluna).tipo != TipoCampo.TEXTO_LIVRE:
            continue
        for rowid, valor in con.execute(f'SELECT rowid, "{coluna}" FROM "{tabela}"'):
            if _bate(padrao, valor):
                dados.mencoes.append(Achado(tabela, rowid, coluna, {coluna: valor}))
    for id_, quando, tabela, operacao, antes, depois in con.execute(
        "SELECT id, quando, tabela, operacao, antes, depois FROM historico ORDER BY id"
    ):
        valores = [*(json.loads(antes or "{}").values()), *(json.loads(depois or "{}").values())]
        if any(_bate(padrao, v) for v in valores):
            dados.historico.append(
                {
                    "id": id_,
                    "quando": quando,
                    "tabela": tabela,
                    "operacao": operacao,
                    "antes": json.loads(antes) if antes else None,
                    "depois": json.loads(depois) if depois else None,
                }
            )
    return dados


def apagar_pessoa(con: sqlite3.Connection, nome: str, usuario: str = "") -> DadosDePessoa:
    """Erase (focal points) or anonymise (everything else) the person's data; keep legal proof.

    `con` must be in autocommit mode with no transaction open. Returns what was found, with
    the kept records marked.
    """
    dados = localizar_pessoa(con, nome)
    con.execute("PRAGMA secure_delete = ON")
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("INSERT OR REPLACE INTO _sessao (id, usuario) VALUES (1, ?)", [usuario])
        for achado in dados.registros:
            if achado.mantido:
                continue
            if achado.tabela == "pontos_focais":
                con.execute("DELETE FROM pontos_focais WHERE rowid = ?", [achado.registro])
            elif achado.tabela in ("presencas", "adesoes"):
                cargo = "cargo" if _existe_coluna(con, achado.tabela, "cargo") else None
                extra = ", \"cargo\" = ''" if cargo else ""
                valor = "" if achado.tabela == "adesoes" else MARCA_ANONIMO
                con.execute(
                    f'UPDATE "{achado.tabela}" SET "{achado.campo}" = ?{extra} WHERE rowid = ?',
                    [valor, achado.registro],
                )
            else:
                con.execute(
                    f'UPDATE "{achado.tabela}" SET "{achado.campo}" = ? WHERE rowid = ?',
                    [MARCA_ANONIMO, achado.registro],
                )
        flexivel = padrao_flexivel(nome)
        for achado in dados.mencoes:
            (valor,) = con.execute(
                f'SELECT "{achado.campo}" FROM "{achado.tabela}" WHERE rowid = ?',
                [achado.registro],
            ).fetchone()
            con.execute(
                f'UPDATE "{achado.tabela}" SET "{achado.campo}" = ? WHERE rowid = ?',
                [_anonimizar(valor, flexivel), achado.registro],
            )
        # the history of the rows changed above names the person too: redact it last
        linhas = con.execute("SELECT id, antes, depois FROM historico").fetchall()
        for id_, antes, depois in linhas:
            novos = [
                json.dumps(_anonimizar(json.loads(b), flexivel), ensure_ascii=False) if b else b
                for b in (antes, depois)
            ]
            if novos != [antes, depois]:
                con.execute(
                    "UPDATE historico SET antes = ?, depois = ? WHERE id = ?", [*novos, id_]
                )
        resumo = {
            "registros": len([a for a in dados.registros if not a.mantido]),
            "mantidos": len([a for a in dados.registros if a.mantido]),
            "mencoes": len(dados.mencoes),
            "registros_do_historico": len(dados.historico),
        }
        registrar_sem_texto(con, usuario, TABELA_LGPD, resumo)
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    compactar(con)
    return dados


def _existe_coluna(con: sqlite3.Connection, tabela: str, coluna: str) -> bool:
    return any(linha[1] == coluna for linha in con.execute(f'PRAGMA table_info("{tabela}")'))


def _somente_leitura(caminho: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{caminho.resolve().as_uri()}?mode=ro", uri=True)


class PessoasRepo:
    """Mixin of `Workspace` for one person's data; `self.con` and backups come from it."""

    def dados_de_pessoa(self, nome: str) -> DadosDePessoa:
        """Everywhere the person's data lives in the workspace."""
        return localizar_pessoa(self.con, nome)

    def backups_com_pessoa(self, nome: str) -> list[Path]:
        """Automatic backups that still hold the person's data."""
        achados = []
        for caminho in self.backups_automaticos():
            try:
                con = _somente_leitura(caminho)
                try:
                    if not localizar_pessoa(con, nome).vazio:
                        achados.append(caminho)
                finally:
                    con.close()
            except sqlite3.DatabaseError:
                continue
        return achados

    def apagar_pessoa(self, nome: str) -> DadosDePessoa:
        """Erase or anonymise the person's data in the workspace (signed Termos kept)."""
        return apagar_pessoa(self.con, nome, self.usuario)

    def apagar_pessoa_dos_backups(self, nome: str) -> list[Path]:
        """The same erasure in every automatic backup holding the person; those changed."""
        feitos = []
        for caminho in self.backups_com_pessoa(nome):
            con = sqlite3.connect(str(caminho), isolation_level=None)
            try:
                apagar_pessoa(con, nome, self.usuario)
            finally:
                con.close()
            feitos.append(caminho)
        return feitos
