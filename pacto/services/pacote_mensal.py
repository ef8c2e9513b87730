"""The monthly meeting pack: the month's alignment meeting and its pauta, lista de presença and
blank checklist, written in one go (`pacto mensal preparar` and the Alinhamento section)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from pacto.domain.alinhamento import (
    data_sugerida,
    modelo_de_reuniao,
    pauta_do_alinhamento,
    primeiro_e_ultimo_dia,
    reuniao_do_mes,
)
from pacto.domain.errors import ErroValidacao
from pacto.domain.netp import nome_mes, validar_mes
from pacto.domain.reunioes import MODALIDADES, Reuniao, acoes_pendentes_antes
from pacto.services.documentos import gerar
from pacto.services.documentos.contexto import fontes
from pacto.services.documentos.termo import Lote
from pacto.services.mensal import checklist_do_mes
from pacto.store import Workspace


@dataclass
class PacoteMensal:
    """What `preparar_mes` did: the meeting (new or reused) and the documents written."""

    reuniao: Reuniao
    criada: bool
    lote: Lote

    @property
    def resumo(self) -> str:
        """One sentence for the terminal or a notification."""
        r = self.reuniao
        quando = f"{r.data:%d/%m/%Y}" + (f" às {r.hora:%H:%M}" if r.hora else "")
        if self.criada:
            return f"Reunião {r.id} criada: {r.titulo}, {quando}."
        return (
            f"A reunião de alinhamento do mês já existia (reunião {r.id}: {r.titulo}, "
            f"{quando}); os documentos foram gerados com a pauta dela."
        )


def _nova_reuniao(
    ws: Workspace,
    mes: str,
    hoje: date,
    data: date | None,
    hora: time | None,
    local: str | None,
    modalidade: str | None,
) -> Reuniao:
    """Create the month's alignment meeting with the agenda built from the month's facts."""
    rc = ws.carregar()
    inicio, fim = primeiro_e_ultimo_dia(mes)
    if data is not None and not inicio <= data <= fim:
        raise ErroValidacao(f"A data {data:%d/%m/%Y} não é de {nome_mes(mes)}.")
    if modalidade is not None and modalidade not in MODALIDADES:
        raise ErroValidacao("A modalidade deve ser presencial, virtual ou híbrida.")
    modelo = modelo_de_reuniao(rc.reunioes)
    r = Reuniao(
        tipo="alinhamento",
        numero=ws.proximo_numero_reuniao("alinhamento"),
        data=data or data_sugerida(mes, rc.reunioes, hoje),
        hora=hora or (modelo.hora if modelo else None),
        local=local if local is not None else (modelo.local if modelo else ""),
        modalidade=modalidade or (modelo.modalidade if modelo else "presencial"),
        presidente=modelo.presidente if modelo else "",
        secretario=modelo.secretario if modelo else "",
    )
    pendentes = acoes_pendentes_antes(r, rc.reunioes, rc.acoes)
    siglas = {i.id: i.sigla for i in rc.instituicoes}
    pauta = pauta_do_alinhamento(checklist_do_mes(ws, mes, hoje), pendentes, siglas, hoje)
    r.duracao_min = min(720, sum(minutos for _, minutos in pauta))
    return ws.criar_reuniao(r, pauta)


def preparar_mes(
    ws: Workspace,
    mes: str,
    saida: Path,
    *,
    hoje: date | None = None,
    data: date | None = None,
    hora: time | None = None,
    local: str | None = None,
    modalidade: str | None = None,
    pasta_modelos: Path | None = None,
    sobrescrever: bool = False,
) -> PacoteMensal:
    """Create the month's alignment meeting (or reuse the one recorded) and write its pauta,
    lista de presença and blank checklist. A new meeting is only kept if every document
    was generated."""
    validar_mes(mes)
    hoje = hoje or date.today()
    with ws.transacao():
        existente = reuniao_do_mes(mes, ws.reunioes())
        if existente is None:
            reuniao = _nova_reuniao(ws, mes, hoje, data, hora, local, modalidade)
        else:
            reuniao = existente
        f = fontes(ws, hoje=hoje, sobrescrever=sobrescrever)
        lote = Lote()
        for parcial in (
            gerar.pauta(f, saida, reuniao.id, pasta_modelos=pasta_modelos),
            gerar.presenca(
                f, saida, reuniao.id, membros_gt=ws.membros_gt(), pasta_modelos=pasta_modelos
            ),
            gerar.checklist(
                f,
                saida,
                mes,
                checklist_do_mes(ws, mes, hoje),
                em_branco=True,
                pasta_modelos=pasta_modelos,
            ),
        ):
            lote.arquivos += parcial.arquivos
            lote.avisos += parcial.avisos
    if existente is not None and any(v is not None for v in (data, hora, local, modalidade)):
        lote.avisos.append(
            "A reunião já existia: data, hora, local e modalidade não foram alterados. Para "
            "mudá-los, edite a reunião na seção Reuniões."
        )
    return PacoteMensal(reuniao, existente is None, lote)
