"""Reads and writes of the guided process: working group, self-diagnosis runs and step overrides."""

from __future__ import annotations

from datetime import date, datetime

from pacto.domain.autodiagnostico import Resposta, Rodada, validar_resposta
from pacto.domain.avaliacao import Avaliacao, validar_avaliacao
from pacto.domain.calendario import momento_gravado
from pacto.domain.errors import ErroValidacao
from pacto.domain.linhas_extras import linha_valida
from pacto.domain.processo import Ajuste, validar_ajuste, validar_passo
from pacto.domain.validation import validar_campo_curto, validar_texto

CHAVE_ATO_GT = "ato_gt"


class ProcessRepo:
    """Mixin of `Workspace` for the guided process; `self.db` and `self.transacao` come from it."""

    # -- working group ----------------------------------------------------

    def membros_gt(self) -> list[int]:
        """Ids of the institutions that are members of the working group."""
        return [
            linha[0]
            for linha in self.con.execute(
                "SELECT instituicao_id FROM grupo_trabalho ORDER BY instituicao_id"
            )
        ]

    def definir_membro_gt(self, instituicao_id: int, membro: bool = True) -> None:
        """Add or remove an institution from the working group."""
        with self.transacao():
            if self.instituicao(instituicao_id) is None:
                raise ErroValidacao("Instituição inexistente.")
            if membro:
                self.con.execute(
                    "INSERT OR IGNORE INTO grupo_trabalho (instituicao_id) VALUES (?)",
                    [instituicao_id],
                )
            else:
                self.con.execute(
                    "DELETE FROM grupo_trabalho WHERE instituicao_id = ?", [instituicao_id]
                )

    def definir_grupo_trabalho(self, membros: set[int], ato: str) -> None:
        """Set the working group's members and its act at once (the TUI's GT form)."""
        with self.transacao():
            atuais = set(self.membros_gt())
            for inst_id in sorted(membros - atuais):
                self.definir_membro_gt(inst_id, True)
            for inst_id in sorted(atuais - membros):
                self.definir_membro_gt(inst_id, False)
            self.definir_ato_gt(ato)

    def ato_gt(self) -> str:
        """The reference of the act that created the working group, e.g. 'Portaria nº 12/2026'."""
        return self.configuracao(CHAVE_ATO_GT, "") or ""

    def definir_ato_gt(self, referencia: str) -> None:
        """Record (or clear, with empty text) the act that created the working group."""
        referencia = validar_campo_curto("O ato de criação do GT", referencia)
        self.definir_configuracao(CHAVE_ATO_GT, referencia or None)

    # -- self-diagnosis ---------------------------------------------------

    def rodadas_autodiagnostico(self) -> list[Rodada]:
        """Every self-diagnosis run with its answers, oldest first."""
        rodadas = {
            id_: Rodada(date.fromisoformat(quando), metodo, participantes, id=id_)
            for id_, quando, metodo, participantes in self.con.execute(
                "SELECT id, realizada_em, metodo, participantes FROM autodiagnostico_rodadas "
                "ORDER BY realizada_em, id"
            )
            if linha_valida("autodiagnostico_rodadas", {"id": id_, "realizada_em": quando})
        }  # a row an older import left unreadable is skipped here and reported by the check
        for rodada_id, item, valor, nota, evidencia in self.con.execute(
            "SELECT rodada_id, item, valor, nota, evidencia FROM autodiagnostico_respostas"
        ):
            if rodada_id in rodadas and linha_valida(
                "autodiagnostico_respostas", {"rodada_id": rodada_id, "item": item, "valor": valor}
            ):
                rodadas[rodada_id].respostas[item] = Resposta(item, valor, nota, evidencia)
        return list(rodadas.values())

    def nova_rodada_autodiagnostico(
        self, quando: date | None = None, metodo: str = "", participantes: str = ""
    ) -> Rodada:
        """Start a new run of the self-diagnosis."""
        rodada = Rodada(
            quando or date.today(),
            validar_campo_curto("O método", metodo),
            validar_texto("os participantes", participantes, obrigatorio=False),
        )
        with self.transacao():
            rodada.id = (
                self.db["autodiagnostico_rodadas"]
                .insert(
                    {
                        "realizada_em": rodada.realizada_em.isoformat(),
                        "metodo": rodada.metodo,
                        "participantes": rodada.participantes,
                    }
                )
                .last_pk
            )
        return rodada

    def responder_autodiagnostico(self, rodada_id: int, resposta: Resposta) -> None:
        """Record (or replace) the answer to one question in a run."""
        resposta = validar_resposta(resposta)
        with self.transacao():
            self.con.execute(
                "INSERT INTO autodiagnostico_respostas (rodada_id, item, valor, nota, evidencia) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (rodada_id, item) DO UPDATE SET "
                "valor = excluded.valor, nota = excluded.nota, evidencia = excluded.evidencia",
                [rodada_id, resposta.item, resposta.valor, resposta.nota, resposta.evidencia],
            )

    # -- periodic evaluation (roadmap step 14) ----------------------------

    def avaliacoes(self) -> list[Avaliacao]:
        """The grid of every evaluation meeting, by meeting id."""
        return [
            Avaliacao(reuniao_id, periodicidade, funciona, melhorar, descontinuar, id=id_)
            for id_, reuniao_id, periodicidade, funciona, melhorar, descontinuar in self.con.execute(
                "SELECT id, reuniao_id, periodicidade, funciona, melhorar, descontinuar "
                "FROM avaliacoes ORDER BY id"
            )
        ]

    def registrar_avaliacao(self, avaliacao: Avaliacao) -> Avaliacao:
        """Record (or replace) the grid of an evaluation meeting."""
        avaliacao = validar_avaliacao(avaliacao)
        with self.transacao():
            linha = self.con.execute(
                "SELECT tipo FROM reunioes WHERE id = ?", [avaliacao.reuniao_id]
            ).fetchone()
            if linha is None:
                raise ErroValidacao(f"Reunião inexistente: {avaliacao.reuniao_id}.")
            if linha[0] != "avaliacao":
                raise ErroValidacao(
                    "A grade de avaliação é de uma reunião de avaliação (tipo “avaliacao”)."
                )
            self.con.execute(
                "INSERT INTO avaliacoes (reuniao_id, periodicidade, funciona, melhorar, "
                "descontinuar) VALUES (?, ?, ?, ?, ?) ON CONFLICT (reuniao_id) DO UPDATE SET "
                "periodicidade = excluded.periodicidade, funciona = excluded.funciona, "
                "melhorar = excluded.melhorar, descontinuar = excluded.descontinuar",
                [
                    avaliacao.reuniao_id,
                    avaliacao.periodicidade,
                    avaliacao.funciona,
                    avaliacao.melhorar,
                    avaliacao.descontinuar,
                ],
            )
        return avaliacao

    # -- overrides --------------------------------------------------------

    def ajustes_passos(self) -> list[Ajuste]:
        """Every override of a step's state."""
        ajustes = []
        for tipo, numero, situacao, justificativa, quando in self.con.execute(
            "SELECT tipo, numero, situacao, justificativa, registrado_em FROM ajustes_passos "
            "ORDER BY tipo, numero"
        ):
            linha = {"tipo": tipo, "numero": numero, "situacao": situacao}
            if linha_valida("ajustes_passos", linha):
                ajustes.append(
                    Ajuste(tipo, numero, situacao, justificativa, momento_gravado(quando))
                )
        return ajustes  # unreadable rows are skipped here and reported by the check

    def ajustar_passo(self, ajuste: Ajuste) -> Ajuste:
        """Record a facilitator's override of a step, replacing an earlier one."""
        ajuste = validar_ajuste(ajuste)
        ajuste.registrado_em = ajuste.registrado_em or datetime.now().replace(microsecond=0)
        with self.transacao():
            self.con.execute(
                "INSERT OR REPLACE INTO ajustes_passos "
                "(tipo, numero, situacao, justificativa, registrado_em) VALUES (?, ?, ?, ?, ?)",
                [
                    ajuste.tipo,
                    ajuste.numero,
                    ajuste.situacao,
                    ajuste.justificativa,
                    ajuste.registrado_em.isoformat(),
                ],
            )
        return ajuste

    def reabrir_passo(self, tipo: str, numero: int) -> bool:
        """Drop the override of a step so its derived state shows again; True if there was one."""
        validar_passo(tipo, numero)
        with self.transacao():
            cursor = self.con.execute(
                "DELETE FROM ajustes_passos WHERE tipo = ? AND numero = ?", [tipo, numero]
            )
        return cursor.rowcount > 0
