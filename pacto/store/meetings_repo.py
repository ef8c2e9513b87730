"""Reads and writes of meetings: agenda and minutes, attendance, decisions, action items, suggestions."""

from __future__ import annotations

import json
from datetime import date, time

from pacto.domain.calendario import data_gravada
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import campos, como_dict
from pacto.domain.reunioes import (
    DECISOES_SUGESTAO,
    SITUACOES_ACAO,
    SITUACOES_REUNIAO,
    TIPOS_REUNIAO,
    Acao,
    Deliberacao,
    ItemPauta,
    Presenca,
    Reuniao,
    Sugestao,
    validar_acao,
    validar_deliberacao,
    validar_item_pauta,
    validar_presenca,
    validar_reuniao,
    validar_sugestao,
)
from pacto.domain.text import chave_comparacao
from pacto.domain.validation import LIMITE_TEXTO, problema_de_caracteres
from pacto.store.network_repo import conferir_versao

# table of each record type, in the order they can be inserted (parents first)
TABELAS = {
    Reuniao: "reunioes",
    ItemPauta: "pauta_itens",
    Presenca: "presencas",
    Deliberacao: "deliberacoes",
    Acao: "acoes",
    Sugestao: "sugestoes",
}
# how a conflict message names each record ("Outra pessoa alterou esta reunião…")
_O_QUE = {
    Reuniao: "esta reunião",
    ItemPauta: "este item da pauta",
    Presenca: "esta presença",
    Deliberacao: "esta deliberação",
    Acao: "esta ação",
    Sugestao: "esta sugestão",
}
_DATAS = {"data", "prazo", "concluida_em", "decidida_em", "aplicada_em", "criada_em"}


def _de_linha(modelo: type, linha: tuple):
    """Build a record from a row selected with the model's columns, converting stored types."""
    valores = dict(zip(campos(modelo), linha, strict=True))
    for chave, valor in valores.items():
        if valor is None:
            continue
        if chave in _DATAS - {"data"}:
            valores[chave] = data_gravada(valor)  # None when an older import left it unreadable
        elif chave == "data":
            valores[chave] = date.fromisoformat(valor)
        elif chave == "hora":
            valores[chave] = time.fromisoformat(valor)
        elif chave == "concluido":
            valores[chave] = bool(valor)
        elif chave == "proposta":
            valores[chave] = json.loads(valor)
    return modelo(**valores)


def _para_linha(registro) -> dict:
    """A record as a row for its table (dates as ISO text, the proposal as JSON)."""
    dados = como_dict(registro)
    if "proposta" in dados and dados["proposta"] is not None:
        dados["proposta"] = json.dumps(dados["proposta"], ensure_ascii=False)
    return dados


class MeetingsRepo:
    """Mixin of `Workspace` for meetings; `self.db` and `self.transacao` come from it."""

    def _listar(self, modelo: type, onde: str = "", args: list | None = None, ordem: str = "id"):
        colunas = ", ".join(campos(modelo))
        sql = f"SELECT {colunas} FROM {TABELAS[modelo]} {onde} ORDER BY {ordem}"
        return [_de_linha(modelo, linha) for linha in self.con.execute(sql, args or [])]

    def _um(self, modelo: type, id_: int):
        achados = self._listar(modelo, "WHERE id = ?", [id_])
        return achados[0] if achados else None

    def _gravar(self, registro, original=None) -> None:
        """Insert (no id) or update (with id) a record in its table.

        An update of a row removed meanwhile, or changed since `original` was loaded, raises
        ErroConflito with the stored version.
        """
        dados = _para_linha(registro)
        dados.pop("id")
        tabela = self.db[TABELAS[type(registro)]]
        if registro.id is None:
            registro.id = tabela.insert(dados).last_pk
        else:
            atual = self._um(type(registro), registro.id)
            conferir_versao(atual, original, registro, _O_QUE[type(registro)])
            tabela.update(registro.id, dados)

    def _da_reuniao(self, modelo: type, reuniao_id: int | None, ordem: str = "id"):
        if reuniao_id is None:
            return self._listar(modelo, ordem=ordem)
        return self._listar(modelo, "WHERE reuniao_id = ?", [reuniao_id], ordem)

    def _exigir_reuniao(self, reuniao_id: int | None) -> Reuniao:
        reuniao = self.reuniao(reuniao_id) if reuniao_id is not None else None
        if reuniao is None:
            raise ErroValidacao(f"Reunião inexistente: {reuniao_id}.")
        return reuniao

    def _sigla(self, instituicao_id: int | None) -> str:
        inst = self.instituicao(instituicao_id) if instituicao_id is not None else None
        if instituicao_id is not None and inst is None:
            raise ErroValidacao("Instituição inexistente.")
        return inst.sigla if inst else ""

    # -- meetings ------------------------------------------------------------

    def reunioes(self) -> list[Reuniao]:
        """Every meeting, by date and time."""
        return self._listar(Reuniao, ordem="data, hora, id")

    def reuniao(self, id_: int) -> Reuniao | None:
        """One meeting by id."""
        return self._um(Reuniao, id_)

    def salvar_reuniao(self, reuniao: Reuniao, original: Reuniao | None = None) -> Reuniao:
        """Validate and insert or update a meeting; a number is used once per kind.

        With `original` (the version the form loaded), an update of a meeting changed since
        raises ErroConflito carrying the stored version, and nothing is written.
        """
        reuniao = validar_reuniao(reuniao)
        with self.transacao():
            repetida = self.con.execute(
                "SELECT data FROM reunioes WHERE tipo = ? AND numero = ? AND situacao <> "
                "'cancelada' AND id IS NOT ?",
                [reuniao.tipo, reuniao.numero, reuniao.id],
            ).fetchone()
            if repetida and reuniao.situacao != "cancelada":
                raise ErroValidacao(
                    f"Já existe a {reuniao.titulo} (em {date.fromisoformat(repetida[0]):%d/%m/%Y}). "
                    "Use outro número."
                )
            self._gravar(reuniao, original)
        return reuniao

    def criar_reuniao(
        self, reuniao: Reuniao, pauta: list[tuple[str, int]] | None = None
    ) -> Reuniao:
        """Create a meeting with its agenda; without one, the usual agenda of its kind."""
        if reuniao.tipo in TIPOS_REUNIAO and pauta is None:
            pauta = list(TIPOS_REUNIAO[reuniao.tipo].pauta)
        with self.transacao():
            reuniao.id = None
            self.salvar_reuniao(reuniao)
            for ordem, (titulo, minutos) in enumerate(pauta or [], start=1):
                self.salvar_item_pauta(ItemPauta(reuniao.id, ordem, titulo, minutos))
        return reuniao

    def proximo_numero_reuniao(self, tipo: str) -> int:
        """The next free number within a kind of meeting."""
        linha = self.con.execute(
            "SELECT max(numero) FROM reunioes WHERE tipo = ? AND situacao <> 'cancelada'", [tipo]
        ).fetchone()
        return (linha[0] or 0) + 1

    def definir_situacao_reuniao(self, id_: int, situacao: str) -> None:
        """Mark a meeting as planned, held or cancelled."""
        if situacao not in SITUACOES_REUNIAO:
            raise ErroValidacao("A situação deve ser planejada, realizada ou cancelada.")
        with self.transacao():
            self._exigir_reuniao(id_)
            self.con.execute("UPDATE reunioes SET situacao = ? WHERE id = ?", [situacao, id_])

    def remover_reuniao(self, id_: int) -> None:
        """Remove a meeting with its agenda, attendance, decisions and action items.

        Its suggestions stay: they are about the flow and keep their decision."""
        with self.transacao():
            self.con.execute("DELETE FROM reunioes WHERE id = ?", [id_])

    # -- agenda and minutes -----------------------------------------------------

    def itens_pauta(self, reuniao_id: int | None = None) -> list[ItemPauta]:
        """Agenda items, in order, of one meeting or of all."""
        return self._da_reuniao(ItemPauta, reuniao_id, "reuniao_id, ordem, id")

    def item_pauta(self, id_: int) -> ItemPauta | None:
        """One agenda item by id."""
        return self._um(ItemPauta, id_)

    def salvar_item_pauta(self, item: ItemPauta) -> ItemPauta:
        """Validate and insert or update an agenda item."""
        item = validar_item_pauta(item)
        with self.transacao():
            self._exigir_reuniao(item.reuniao_id)
            self._gravar(item)
        return item

    def redefinir_pauta(self, reuniao_id: int, pauta: list[tuple[str, int]]) -> None:
        """Replace a meeting's agenda, keeping the minutes of items that stay (matched by title,
        then by position); an item that already has minutes cannot be dropped."""
        with self.transacao():
            atuais = self.itens_pauta(reuniao_id)
            livres = list(atuais)
            escolhidos: list[ItemPauta | None] = []
            for titulo, _ in pauta:
                igual = next(
                    (i for i in livres if chave_comparacao(i.titulo) == chave_comparacao(titulo)),
                    None,
                )
                if igual:
                    livres.remove(igual)
                escolhidos.append(igual)
            for n, escolhido in enumerate(escolhidos):
                if escolhido is None and livres:  # a renamed item keeps its minutes
                    escolhidos[n] = livres.pop(0)
            for sobra in livres:
                if sobra.ata.strip():
                    raise ErroValidacao(
                        f"O item “{sobra.titulo}” já tem ata registrada e não pode sair da pauta."
                    )
                self.con.execute("DELETE FROM pauta_itens WHERE id = ?", [sobra.id])
            for ordem, ((titulo, minutos), item) in enumerate(
                zip(pauta, escolhidos, strict=True), 1
            ):
                item = item or ItemPauta(reuniao_id, ordem, titulo, minutos)
                item.ordem, item.titulo, item.minutos = ordem, titulo, minutos
                self.salvar_item_pauta(item)

    def salvar_ata_item(self, item_id: int, texto: str) -> None:
        """Save the minutes of one agenda item as typed; called every second while typing."""
        if len(texto) > LIMITE_TEXTO:
            raise ErroValidacao(f"A ata do item passou do limite de {LIMITE_TEXTO} caracteres.")
        if problema := problema_de_caracteres("A ata do item", texto):
            raise ErroValidacao(problema)
        with self.transacao():
            self.con.execute("UPDATE pauta_itens SET ata = ? WHERE id = ?", [texto, item_id])

    def registrar_andamento_item(self, item_id: int, tempo_gasto_s: int, concluido: bool) -> None:
        """Record the time spent on an item and whether the meeting moved past it."""
        with self.transacao():
            self.con.execute(
                "UPDATE pauta_itens SET tempo_gasto_s = ?, concluido = ? WHERE id = ?",
                [max(0, int(tempo_gasto_s)), int(concluido), item_id],
            )

    # -- attendance ------------------------------------------------------------

    def presencas(self, reuniao_id: int | None = None) -> list[Presenca]:
        """Attendance records, in check-in order."""
        return self._da_reuniao(Presenca, reuniao_id)

    def registrar_presenca(self, presenca: Presenca) -> Presenca:
        """Check someone in (or correct a check-in); the institution's name is kept on record."""
        presenca = validar_presenca(presenca)
        with self.transacao():
            self._exigir_reuniao(presenca.reuniao_id)
            if presenca.instituicao_id is not None:
                inst = self.instituicao(presenca.instituicao_id)
                if inst is None:
                    raise ErroValidacao("Instituição inexistente para a presença.")
                presenca.organizacao = presenca.organizacao or inst.nome
            self._gravar(presenca)
        return presenca

    def remover_presenca(self, id_: int) -> None:
        """Undo a check-in."""
        with self.transacao():
            self.con.execute("DELETE FROM presencas WHERE id = ?", [id_])

    # -- decisions -------------------------------------------------------------

    def deliberacoes(self, reuniao_id: int | None = None) -> list[Deliberacao]:
        """Decisions, in the order they were taken."""
        return self._da_reuniao(Deliberacao, reuniao_id)

    def salvar_deliberacao(self, deliberacao: Deliberacao) -> Deliberacao:
        """Validate and record a decision."""
        deliberacao = validar_deliberacao(deliberacao)
        with self.transacao():
            self._exigir_reuniao(deliberacao.reuniao_id)
            self._gravar(deliberacao)
        return deliberacao

    def remover_deliberacao(self, id_: int) -> None:
        """Remove a decision."""
        with self.transacao():
            self.con.execute("DELETE FROM deliberacoes WHERE id = ?", [id_])

    # -- action items -------------------------------------------------------------

    def acoes(self, reuniao_id: int | None = None) -> list[Acao]:
        """Action items, by deadline."""
        return self._da_reuniao(Acao, reuniao_id, "prazo IS NULL, prazo, id")

    def acao(self, id_: int) -> Acao | None:
        """One action item by id."""
        return self._um(Acao, id_)

    def salvar_acao(self, acao: Acao) -> Acao:
        """Validate and record an action item; the institution's acronym is kept on record."""
        with self.transacao():
            self._exigir_reuniao(acao.reuniao_id)
            sigla = self._sigla(acao.instituicao_id)
            if acao.instituicao_id is not None:
                acao.responsavel = sigla
            acao = validar_acao(acao)
            self._gravar(acao)
        return acao

    def definir_situacao_acao(self, id_: int, situacao: str, quando: date | None = None) -> Acao:
        """Mark an action item as done (today by default), cancelled, or open again."""
        if situacao not in SITUACOES_ACAO:
            raise ErroValidacao("A situação da ação deve ser aberta, concluída ou cancelada.")
        with self.transacao():
            acao = self.acao(id_)
            if acao is None:
                raise ErroValidacao(f"Ação inexistente: {id_}.")
            acao.situacao = situacao
            acao.concluida_em = (quando or date.today()) if situacao == "concluida" else None
            self._gravar(acao)
        return acao

    def remover_acao(self, id_: int) -> None:
        """Remove an action item."""
        with self.transacao():
            self.con.execute("DELETE FROM acoes WHERE id = ?", [id_])

    # -- suggestions -----------------------------------------------------------

    def sugestoes(self, reuniao_id: int | None = None) -> list[Sugestao]:
        """Suggestions on the flow, in the order they were made."""
        return self._da_reuniao(Sugestao, reuniao_id)

    def sugestao(self, id_: int) -> Sugestao | None:
        """One suggestion by id."""
        return self._um(Sugestao, id_)

    def salvar_sugestao(self, sugestao: Sugestao) -> Sugestao:
        """Validate and record a suggestion; the author institution's acronym is kept on record."""
        with self.transacao():
            if sugestao.reuniao_id is not None:
                self._exigir_reuniao(sugestao.reuniao_id)
            sigla = self._sigla(sugestao.instituicao_id)
            sugestao.autor = sugestao.autor or sigla
            sugestao.criada_em = sugestao.criada_em or date.today()
            sugestao = validar_sugestao(sugestao)
            self._gravar(sugestao)
        return sugestao

    def decidir_sugestao(
        self,
        id_: int,
        decisao: str,
        justificativa: str = "",
        proposta: dict | None = None,
        quando: date | None = None,
    ) -> Sugestao:
        """Record the decision on a suggestion; an accepted-in-part one may adjust its proposal."""
        if decisao not in DECISOES_SUGESTAO:
            raise ErroValidacao(
                "A decisão deve ser acolhida, acolhida parcialmente ou não acolhida."
            )
        with self.transacao():
            sugestao = self.sugestao(id_)
            if sugestao is None:
                raise ErroValidacao(f"Sugestão inexistente: {id_}.")
            if sugestao.aplicada_em is not None:
                raise ErroValidacao("A sugestão já foi aplicada ao fluxo; a decisão não muda mais.")
            sugestao.decisao = decisao
            sugestao.justificativa = justificativa
            sugestao.decidida_em = quando or date.today()
            if proposta is not None:
                sugestao.proposta = proposta
            sugestao = validar_sugestao(sugestao)
            self._gravar(sugestao)
        return sugestao

    def marcar_sugestao_aplicada(self, id_: int, quando: date | None = None) -> None:
        """Record that an accepted suggestion's change was applied to the flow."""
        with self.transacao():
            self.con.execute(
                "UPDATE sugestoes SET aplicada_em = ? WHERE id = ?",
                [(quando or date.today()).isoformat(), id_],
            )

    def remover_sugestao(self, id_: int) -> None:
        """Remove a suggestion."""
        with self.transacao():
            self.con.execute("DELETE FROM sugestoes WHERE id = ?", [id_])

    # -- whole-workspace helpers (used by carregar and substituir) ------------------

    def _carregar_reunioes(self) -> dict[str, list]:
        """Every meeting record, for a `RedeCompleta` snapshot."""
        return {
            "reunioes": self.reunioes(),
            "pauta": self.itens_pauta(),
            "presencas": self.presencas(),
            "deliberacoes": self.deliberacoes(),
            "acoes": self._listar(Acao),
            "sugestoes": self.sugestoes(),
        }

    def _apagar_reunioes(self) -> None:
        for tabela in reversed(TABELAS.values()):
            self.con.execute(f"DELETE FROM {tabela}")

    def _inserir_reunioes(self, rc) -> None:
        """Insert a snapshot's meeting records keeping their ids (inside `substituir`)."""
        secoes = ("reunioes", "pauta", "presencas", "deliberacoes", "acoes", "sugestoes")
        for secao, tabela in zip(secoes, TABELAS.values(), strict=True):
            self.db[tabela].insert_all(_para_linha(r) for r in getattr(rc, secao))
