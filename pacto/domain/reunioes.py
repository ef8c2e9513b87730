"""Meetings of the pact (booklet step 5): agenda, attendance, decisions, action items and suggestions.

Records here are about the network — who attended for which institution, what was decided, who
does what by when — never about cases. Labels and validation messages are in Portuguese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from pacto.domain.errors import ErroValidacao
from pacto.domain.propostas import validar_proposta
from pacto.domain.text import limpar
from pacto.domain.validation import LIMITE_CAMPO_CURTO, LIMITE_TEXTO, problema_de_caracteres


@dataclass(frozen=True)
class TipoReuniao:
    """A kind of meeting of the pact, with how its title reads and its usual agenda."""

    chave: str
    nome: str
    titulo: str  # after the ordinal: "1ª Reunião Ordinária do GT"
    pauta: tuple[tuple[str, int], ...]


TIPOS_REUNIAO = {
    t.chave: t
    for t in (
        TipoReuniao(
            "gt",
            "Reunião do GT",
            "Reunião Ordinária do GT",
            (
                ("Abertura e aprovação da pauta", 10),
                ("Pendências da reunião anterior", 15),
                ("Mapeamento dos atores e atribuições por etapa", 40),
                ("Sugestões ao fluxo", 20),
                ("Encaminhamentos e próxima reunião", 10),
            ),
        ),
        TipoReuniao(
            "ampliada",
            "Reunião ampliada",
            "Reunião Ampliada",
            (
                ("Abertura e apresentação dos participantes", 15),
                ("Apresentação do desenho inicial do fluxo", 30),
                ("Debate por etapa: quem faz o quê", 60),
                ("Sugestões das instituições", 30),
                ("Encaminhamentos e próximos passos", 15),
            ),
        ),
        TipoReuniao(
            "apresentacao_final",
            "Apresentação final e pactuação",
            "Reunião de Apresentação Final e Pactuação do Fluxo",
            (
                ("Abertura", 10),
                ("Sugestões acolhidas e não acolhidas, com justificativa", 20),
                ("Apresentação do fluxo final", 30),
                ("Pactuação e assinatura dos termos de adesão", 30),
                ("Calendário das reuniões mensais", 10),
            ),
        ),
        TipoReuniao(
            "alinhamento",
            "Alinhamento mensal",
            "Reunião de Alinhamento Mensal",
            (
                ("Pontos focais e contatos", 10),
                ("Pendências da reunião anterior", 15),
                ("Encaminhamentos do mês (dados agregados) e gargalos", 20),
                ("O fluxo segue adequado? Ajustes", 15),
                ("Capacitações e divulgação", 10),
                ("Próxima reunião", 5),
            ),
        ),
        TipoReuniao(
            "extraordinaria",
            "Reunião extraordinária",
            "Reunião Extraordinária",
            (("Abertura", 5), ("Assunto da convocação", 45), ("Encaminhamentos", 10)),
        ),
        TipoReuniao(
            "avaliacao",
            "Avaliação periódica",
            "Reunião de Avaliação do Fluxo",
            (
                ("Abertura e indicadores do período", 20),
                ("O que está funcionando como esperado", 25),
                ("O que pode ser melhorado", 25),
                ("O que não funcionou e deve ser descontinuado", 20),
                ("Metas do próximo período", 20),
            ),
        ),
    )
}
MODALIDADES = {"presencial": "Presencial", "virtual": "Virtual", "hibrida": "Híbrida"}
SITUACOES_REUNIAO = {"planejada": "Planejada", "realizada": "Realizada", "cancelada": "Cancelada"}
SITUACOES_ACAO = {"aberta": "Aberta", "concluida": "Concluída", "cancelada": "Cancelada"}
ASSUNTOS_SUGESTAO = {
    "geral": "Geral",
    "etapa": "Etapa",
    "atribuicao": "Atribuição",
    "encaminhamento": "Encaminhamento",
    "contato": "Contato e ponto focal",
}
DECISOES_SUGESTAO = {
    "acolhida": "Acolhida",
    "acolhida_parcialmente": "Acolhida parcialmente",
    "nao_acolhida": "Não acolhida",
}


@dataclass
class Reuniao:
    """A meeting: kind and number within the kind, when, where, how, who chairs, and its status."""

    tipo: str
    numero: int
    data: date
    hora: time | None = None
    duracao_min: int = 120
    local: str = ""  # a room and address, or the link of a virtual meeting
    modalidade: str = "presencial"
    presidente: str = ""
    secretario: str = ""
    situacao: str = "planejada"
    observacoes: str = ""
    id: int | None = None

    @property
    def titulo(self) -> str:
        """'3ª Reunião Ordinária do GT'."""
        tipo = TIPOS_REUNIAO.get(self.tipo)
        return f"{self.numero}ª {tipo.titulo if tipo else 'Reunião'}"

    @property
    def inicio(self) -> datetime:
        """Date and time it starts (midnight when no time is set)."""
        return datetime.combine(self.data, self.hora or time(0, 0))


@dataclass
class ItemPauta:
    """An agenda item with its time box in minutes and the minutes (ata) written for it."""

    reuniao_id: int
    ordem: int
    titulo: str
    minutos: int = 15
    ata: str = ""
    concluido: bool = False
    tempo_gasto_s: int = 0
    id: int | None = None


@dataclass
class Presenca:
    """Who attended for which institution; `organizacao` names a walk-in or keeps the name on record."""

    reuniao_id: int
    nome: str
    instituicao_id: int | None = None
    organizacao: str = ""
    cargo: str = ""
    id: int | None = None


@dataclass
class Deliberacao:
    """A decision taken by the meeting, optionally tied to the agenda item where it was taken."""

    reuniao_id: int
    texto: str
    item_id: int | None = None
    id: int | None = None


@dataclass
class Acao:
    """An action item (encaminhamento da reunião): what, which institution, by when, and its status."""

    reuniao_id: int
    descricao: str
    instituicao_id: int | None = None
    responsavel: str = ""  # the institution's acronym on record, or a free name
    prazo: date | None = None
    situacao: str = "aberta"
    concluida_em: date | None = None
    id: int | None = None

    def atrasada(self, hoje: date) -> bool:
        """Open and past its deadline."""
        return self.situacao == "aberta" and self.prazo is not None and self.prazo < hoje


@dataclass
class Sugestao:
    """A suggestion on the flow (booklet step 5.4) and, later, the decision taken on it.

    `proposta`, when present, is a structured change that can be applied to the draft flow in
    one step once the suggestion is accepted (see `pacto.domain.propostas`).
    """

    texto: str
    assunto: str = "geral"
    referencia: str = ""
    reuniao_id: int | None = None
    instituicao_id: int | None = None
    autor: str = ""
    proposta: dict | None = None
    decisao: str = ""
    justificativa: str = ""
    decidida_em: date | None = None
    aplicada_em: date | None = None
    origem: str = "reuniao"  # "reuniao", "ficha" (validation form) or "cli"
    criada_em: date | None = None
    id: int | None = None

    @property
    def pendente(self) -> bool:
        return not self.decisao

    @property
    def aplicavel(self) -> bool:
        """Accepted, carrying a structured change, not applied yet."""
        return (
            self.decisao in ("acolhida", "acolhida_parcialmente")
            and bool(self.proposta)
            and self.aplicada_em is None
        )


# -- validation -----------------------------------------------------------------


def _curto(rotulo: str, valor: str, problemas: list[str]) -> str:
    valor = limpar(valor)
    if len(valor) > LIMITE_CAMPO_CURTO:
        problemas.append(f"{rotulo}: texto longo demais (máximo {LIMITE_CAMPO_CURTO}).")
    if problema := problema_de_caracteres(rotulo, valor):
        problemas.append(problema)
    return valor


def _longo(rotulo: str, valor: str, problemas: list[str], obrigatorio: bool = False) -> str:
    valor = (valor or "").strip()
    if obrigatorio and not valor:
        problemas.append(f"Informe {rotulo}.")
    if len(valor) > LIMITE_TEXTO:
        problemas.append(f"{rotulo.capitalize()}: texto longo demais (máximo {LIMITE_TEXTO}).")
    if problema := problema_de_caracteres(rotulo[:1].upper() + rotulo[1:], valor):
        problemas.append(problema)
    return valor


def validar_reuniao(r: Reuniao) -> Reuniao:
    """Clean and check a meeting, raising every problem at once."""
    problemas: list[str] = []
    if r.tipo not in TIPOS_REUNIAO:
        nomes = ", ".join(TIPOS_REUNIAO)
        problemas.append(f"Tipo de reunião inválido: “{r.tipo}”. Use um destes: {nomes}.")
    if not isinstance(r.numero, int) or not 1 <= r.numero <= 9999:
        problemas.append("O número da reunião deve ficar entre 1 e 9999.")
    if not isinstance(r.data, date):
        problemas.append("Informe a data da reunião.")
    if not isinstance(r.duracao_min, int) or not 5 <= r.duracao_min <= 720:
        problemas.append("A duração da reunião deve ficar entre 5 e 720 minutos.")
    if r.modalidade not in MODALIDADES:
        problemas.append("A modalidade deve ser presencial, virtual ou híbrida.")
    if r.situacao not in SITUACOES_REUNIAO:
        problemas.append("A situação deve ser planejada, realizada ou cancelada.")
    r.local = _curto("Local", r.local, problemas)
    r.presidente = _curto("Presidente", r.presidente, problemas)
    r.secretario = _curto("Secretário(a)", r.secretario, problemas)
    r.observacoes = _longo("as observações", r.observacoes, problemas)
    if problemas:
        raise ErroValidacao(problemas)
    return r


def validar_item_pauta(item: ItemPauta) -> ItemPauta:
    """Clean and check an agenda item: a title and a time box of 1 to 600 minutes."""
    problemas: list[str] = []
    item.titulo = _curto("Item da pauta", item.titulo, problemas)
    if not item.titulo:
        problemas.append("Informe o título do item da pauta.")
    if not isinstance(item.minutos, int) or not 1 <= item.minutos <= 600:
        problemas.append("O tempo do item deve ficar entre 1 e 600 minutos.")
    item.ata = _longo("a ata do item", item.ata, problemas)
    if problemas:
        raise ErroValidacao(problemas)
    return item


def validar_presenca(p: Presenca) -> Presenca:
    """Clean and check an attendance record: a name and an institution or an organisation."""
    problemas: list[str] = []
    p.nome = _curto("Nome", p.nome, problemas)
    p.cargo = _curto("Cargo", p.cargo, problemas)
    p.organizacao = _curto("Órgão", p.organizacao, problemas)
    if not p.nome:
        problemas.append("Informe o nome de quem representa a instituição.")
    if p.instituicao_id is None and not p.organizacao:
        problemas.append("Informe a instituição ou o nome do órgão de quem chegou.")
    if problemas:
        raise ErroValidacao(problemas)
    return p


def validar_deliberacao(d: Deliberacao) -> Deliberacao:
    """Check a decision has its text."""
    problemas: list[str] = []
    d.texto = _longo("o texto da deliberação", d.texto, problemas, obrigatorio=True)
    if problemas:
        raise ErroValidacao(problemas)
    return d


def validar_acao(a: Acao) -> Acao:
    """Clean and check an action item: what, who and a valid status."""
    problemas: list[str] = []
    a.descricao = _longo("a ação", a.descricao, problemas, obrigatorio=True)
    a.responsavel = _curto("Responsável", a.responsavel, problemas)
    if a.instituicao_id is None and not a.responsavel:
        problemas.append("Informe a instituição responsável pela ação.")
    if a.situacao not in SITUACOES_ACAO:
        problemas.append("A situação da ação deve ser aberta, concluída ou cancelada.")
    if a.prazo is not None and not isinstance(a.prazo, date):
        problemas.append("Prazo inválido.")
    if problemas:
        raise ErroValidacao(problemas)
    return a


def validar_sugestao(s: Sugestao) -> Sugestao:
    """Clean and check a suggestion and its decision; a refusal needs a justification."""
    problemas: list[str] = []
    s.texto = _longo("o texto da sugestão", s.texto, problemas, obrigatorio=True)
    s.referencia = _curto("Referência", s.referencia, problemas)
    s.autor = _curto("Autor", s.autor, problemas)
    s.justificativa = _longo("a justificativa", s.justificativa, problemas)
    if s.assunto not in ASSUNTOS_SUGESTAO:
        problemas.append(
            "O assunto da sugestão deve ser geral, etapa, atribuição, encaminhamento ou contato."
        )
    if s.instituicao_id is None and not s.autor:
        problemas.append("Informe quem fez a sugestão (instituição ou nome).")
    if s.decisao and s.decisao not in DECISOES_SUGESTAO:
        problemas.append("A decisão deve ser acolhida, acolhida parcialmente ou não acolhida.")
    if s.decisao in ("nao_acolhida", "acolhida_parcialmente") and not s.justificativa:
        problemas.append("Justifique a decisão: a rede precisa saber por que não foi acolhida.")
    if s.proposta is not None:
        try:
            s.proposta = validar_proposta(s.proposta)
        except ErroValidacao as erro:
            problemas.extend(erro.problemas)
    if problemas:
        raise ErroValidacao(problemas)
    return s


# -- agenda typed as text ---------------------------------------------------------

_MINUTOS_NO_FIM = re.compile(
    r"(?<!\s)\s*[(\[]\s*(\d{1,3})\s*(?:min(?:utos)?\.?)?\s*[)\]]\s*$", re.I
)


def ler_pauta(texto: str, minutos_padrao: int = 15) -> list[tuple[str, int]]:
    """Read an agenda typed one item per line, with an optional '(20 min)' at the end."""
    itens = []
    for linha in (texto or "").splitlines():
        linha = linha.strip().lstrip("-•*").strip()
        linha = re.sub(r"^\d{1,2}[.)]\s+", "", linha)
        if not linha:
            continue
        achado = _MINUTOS_NO_FIM.search(linha)
        minutos = minutos_padrao
        if achado:
            minutos = int(achado.group(1))
            linha = linha[: achado.start()].strip()
        if linha:
            itens.append((linha, minutos))
    return itens


def escrever_pauta(itens: list[tuple[str, int]]) -> str:
    """The inverse of `ler_pauta`: one 'Título (N min)' per line."""
    return "\n".join(f"{titulo} ({minutos} min)" for titulo, minutos in itens)


# -- a meeting with everything recorded in it ------------------------------------


@dataclass
class ReuniaoCompleta:
    """One meeting with its agenda, attendance, decisions, action items and suggestions."""

    reuniao: Reuniao
    itens: list[ItemPauta] = field(default_factory=list)
    presencas: list[Presenca] = field(default_factory=list)
    deliberacoes: list[Deliberacao] = field(default_factory=list)
    acoes: list[Acao] = field(default_factory=list)
    sugestoes: list[Sugestao] = field(default_factory=list)

    @property
    def minutos_previstos(self) -> int:
        return sum(i.minutos for i in self.itens)

    def instituicoes_presentes(self) -> set[int]:
        return {p.instituicao_id for p in self.presencas if p.instituicao_id is not None}


def ordenar_reunioes(reunioes: list[Reuniao]) -> list[Reuniao]:
    """Meetings by date and time, earliest first."""
    return sorted(reunioes, key=lambda r: (r.inicio, r.id or 0))


def proxima_reuniao(reunioes: list[Reuniao], hoje: date) -> Reuniao | None:
    """The meeting to open in meeting mode: today's planned one, else the next planned one,
    else the latest planned one already past (not yet marked as held)."""
    planejadas = ordenar_reunioes([r for r in reunioes if r.situacao == "planejada"])
    futuras = [r for r in planejadas if r.data >= hoje]
    if futuras:
        return futuras[0]
    return planejadas[-1] if planejadas else None


def ultima_realizada(reunioes: list[Reuniao], hoje: date) -> Reuniao | None:
    """The last meeting already held by today: the one whose minutes or attendance are due."""
    feitas = [r for r in ordenar_reunioes(reunioes) if r.situacao == "realizada" and r.data <= hoje]
    return feitas[-1] if feitas else None


def acoes_pendentes_antes(
    reuniao: Reuniao, reunioes: list[Reuniao], acoes: list[Acao]
) -> list[Acao]:
    """Open action items decided in earlier meetings: shown at the start of this one."""
    anteriores = {r.id for r in reunioes if r.id != reuniao.id and r.inicio < reuniao.inicio}
    return sorted(
        (a for a in acoes if a.situacao == "aberta" and a.reuniao_id in anteriores),
        key=lambda a: (a.prazo or date.max, a.id or 0),
    )


def proximo_numero(reunioes: list[Reuniao], tipo: str) -> int:
    """The next number within a kind of meeting."""
    return max((r.numero for r in reunioes if r.tipo == tipo), default=0) + 1
