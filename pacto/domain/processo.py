"""Where the working group stands: the six pact steps and the 14 roadmap steps, derived from evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from math import ceil

from pacto.domain.errors import ErroValidacao
from pacto.domain.regras import Regras
from pacto.domain.text import plural
from pacto.domain.validation import validar_texto

NAO_INICIADO = "não iniciado"
EM_ANDAMENTO = "em andamento"
CONCLUIDO = "concluído"
NAO_SE_APLICA = "não se aplica"
SITUACOES = (NAO_INICIADO, EM_ANDAMENTO, CONCLUIDO, NAO_SE_APLICA)
# the monthly alignment (pact step 6) is never "done": it is kept up or late
EM_DIA = "em dia"
ATRASADO = "atrasado"
FEITOS = (CONCLUIDO, NAO_SE_APLICA, EM_DIA)

TITULOS_PACTUACAO = (
    "Criação do grupo de trabalho",
    "Desenho do fluxo inicial",
    "Reunião ampliada com todos os atores",
    "Incorporação das sugestões e fluxo final",
    "Apresentação final e pactuação",
    "Reuniões mensais de alinhamento",
)
SECOES_PACTUACAO = ("pactuacao", "rede", "reunioes", "reunioes", "adesoes", "alinhamento")


@dataclass
class ReuniaoResumo:
    """What the rules need to know of one meeting."""

    data: date
    realizada: bool
    presentes: int = 0  # distinct mapped institutions present


@dataclass
class Evidencias:
    """Facts gathered from the workspace; None means the workspace cannot know it yet."""

    hoje: date
    instituicoes_mapeadas: int = 0
    instituicoes_no_fluxo: int = 0
    etapas_sem_responsavel: list[str] = field(default_factory=list)
    sem_titular: int = 0
    membros_gt: int = 0
    ato_gt: str = ""
    reunioes_gt: list[ReuniaoResumo] = field(default_factory=list)
    ampliadas: list[ReuniaoResumo] = field(default_factory=list)
    apresentacoes: list[ReuniaoResumo] = field(default_factory=list)
    alinhamentos: list[date] = field(default_factory=list)  # alignment meetings held
    regras: Regras = field(default_factory=Regras)
    sugestoes_total: int = 0
    sugestoes_pendentes: int = 0
    ultima_decisao_sugestao: datetime | None = None
    versoes: int = 0
    ultima_versao_em: datetime | None = None
    adesoes_assinadas: int = 0  # institutions with a signed Termo (an aditivo may be due)
    adesoes_aditivo: int = 0  # of those, how many must sign a Termo Aditivo
    adesoes_recusadas: int = 0
    adesoes_esperadas: int | None = None  # who is asked to sign; None = everyone in the flow
    autodiagnostico_respondidas: int = 0
    autodiagnostico_total: int = 0
    receptores_denuncia: int = 0
    receptores_sem_pratica: list[str] = field(default_factory=list)  # "PC-RR: horário"
    colegiados: int = 0
    experiencias: list[str] = field(default_factory=list)  # step 7: experiences studied
    decisao_fluxo: str = ""  # step 7: "um fluxo único…" or "um fluxo por finalidade"
    osc_no_fluxo: int = 0
    sem_atribuicao: int = 0
    lacunas_graves: int = 0
    envios_netp: int | None = None
    destino_informacoes: str = "ao NETP"  # "à coordenação do fluxo (SEJUC)" without a NETP
    ato_fluxo_gerado: bool | None = None
    ato_fluxo_publicado: bool | None = None
    fluxo_publicado: bool | None = None
    indicadores_com_meta: int | None = None
    avaliacao_realizada: date | None = None  # last periodic evaluation held, grid filled
    periodo_metas: str = ""  # the period whose targets that evaluation should set
    periodicidade_avaliacao: str = ""  # "semestral" or "anual"
    metas_do_periodo: int = 0  # indicators with a target for that period


@dataclass
class Ajuste:
    """A facilitator's override of a step's state, with the reason, kept beside the derived state."""

    tipo: str  # "pactuacao" or "elaboracao"
    numero: int
    situacao: str
    justificativa: str
    registrado_em: datetime | None = None


@dataclass
class Passo:
    """One step with its effective state, the reason, and the screen that serves it."""

    numero: int
    titulo: str
    situacao: str
    motivo: str
    secao: str
    situacao_derivada: str | None = None
    alerta: bool = False
    ajuste: Ajuste | None = None
    regra: str = ""  # the evidence rule in force and why, when a setting governs the step

    def como_dict(self) -> dict:
        """JSON-ready form, as `pacto status --json` shows it."""
        dados = {
            "numero": self.numero,
            "titulo": self.titulo,
            "situacao": self.situacao,
            "motivo": self.motivo,
            "secao": self.secao,
            "situacao_derivada": self.situacao_derivada,
            "alerta": self.alerta,
            "regra": self.regra,
        }
        if self.ajuste:
            ajuste = asdict(self.ajuste)
            if self.ajuste.registrado_em:
                ajuste["registrado_em"] = self.ajuste.registrado_em.isoformat(timespec="seconds")
            dados["ajuste"] = ajuste
        return dados


def validar_passo(tipo: str, numero: int) -> None:
    """Check a step exists: 1 to 6 among the pact steps, 1 to 14 in the roadmap."""
    if tipo not in ("pactuacao", "elaboracao"):
        raise ErroValidacao("Tipo de passo desconhecido.")
    limite = 6 if tipo == "pactuacao" else 14
    if not 1 <= numero <= limite:
        raise ErroValidacao(f"Passo inexistente: {numero}. Use um número de 1 a {limite}.")


def validar_ajuste(ajuste: Ajuste) -> Ajuste:
    """Check an override names an existing step, a known state and gives a reason."""
    validar_passo(ajuste.tipo, ajuste.numero)
    if ajuste.situacao not in SITUACOES:
        raise ErroValidacao(f"Situação inválida: “{ajuste.situacao}”.")
    ajuste.justificativa = (ajuste.justificativa or "").strip()
    if not ajuste.justificativa:
        raise ErroValidacao("Informe a justificativa: por que a situação difere do registrado?")
    ajuste.justificativa = validar_texto("a justificativa", ajuste.justificativa)
    return ajuste


def aplicar_ajuste(passo: Passo, ajustes: dict[tuple[str, int], Ajuste], tipo: str) -> Passo:
    """Put a facilitator's override, if any, over the derived state, keeping both."""
    ajuste = ajustes.get((tipo, passo.numero))
    passo.situacao_derivada = passo.situacao
    if ajuste:
        passo.ajuste = ajuste
        passo.situacao = ajuste.situacao
        passo.alerta = False
    return passo


def _percentual(parte: int, todo: int) -> str:
    return f"{round(100 * parte / todo)}%" if todo else "—"


# -- the six pact steps --------------------------------------------------


def _passo_gt(ev: Evidencias) -> tuple[str, str]:
    membros = plural(ev.membros_gt, "instituição membro", "instituições membros")
    minimo = ev.regras.membros_gt
    reunioes = sorted(r.data for r in ev.reunioes_gt if r.realizada)
    ato = f"; criado por {ev.ato_gt}" if ev.ato_gt else " (grupo informal, sem ato de criação)"
    if ev.membros_gt >= minimo and reunioes:
        return CONCLUIDO, f"GT com {membros}{ato}; primeira reunião em {reunioes[0]:%d/%m/%Y}."
    if ev.membros_gt or ev.ato_gt or ev.reunioes_gt:
        faltas = []
        if ev.membros_gt < minimo:
            faltas.append(f"os membros (ao menos {minimo} instituições)")
        if not reunioes:
            faltas.append("a primeira reunião do GT")
        return EM_ANDAMENTO, f"GT com {membros}; falta registrar {' e '.join(faltas)}."
    return NAO_INICIADO, "Nenhum membro do grupo de trabalho registrado."


def _passo_fluxo_inicial(ev: Evidencias) -> tuple[str, str]:
    if ev.instituicoes_no_fluxo and not ev.etapas_sem_responsavel:
        return CONCLUIDO, (
            f"Todas as etapas têm responsável ({plural(ev.instituicoes_no_fluxo, 'instituição', 'instituições')} no fluxo)."
        )
    if ev.instituicoes_no_fluxo:
        return EM_ANDAMENTO, "Sem instituição responsável: " + ", ".join(
            ev.etapas_sem_responsavel
        ) + "."
    return NAO_INICIADO, "Nenhuma atribuição registrada nas etapas do fluxo."


def quorum_ampliada(ev: Evidencias) -> int:
    """How many mapped institutions the open meeting needs present, by the network's rule."""
    # rounded to the nearest cent first, so 0.5 × 33 asks 17 and not 16.5000001 → 17
    return max(1, ceil(round(ev.regras.presenca_ampliada * ev.instituicoes_mapeadas, 6)))


def _passo_ampliada(ev: Evidencias) -> tuple[str, str]:
    realizadas = [r for r in ev.ampliadas if r.realizada]
    minimo = quorum_ampliada(ev)
    if realizadas:
        melhor = max(realizadas, key=lambda r: (r.presentes, r.data))
        texto = (
            f"Reunião ampliada em {melhor.data:%d/%m/%Y}: {melhor.presentes} de "
            f"{ev.instituicoes_mapeadas} instituições mapeadas presentes "
            f"({_percentual(melhor.presentes, ev.instituicoes_mapeadas)})"
        )
        if melhor.presentes >= minimo:
            return CONCLUIDO, f"{texto}; o mínimo é {minimo}."
        return EM_ANDAMENTO, (
            f"{texto}; faltou quórum (mínimo {minimo}): convide os ausentes para outra "
            "reunião ampliada."
        )
    planejadas = sorted(r.data for r in ev.ampliadas)
    if planejadas:
        return EM_ANDAMENTO, f"Reunião ampliada agendada para {planejadas[0]:%d/%m/%Y}."
    return NAO_INICIADO, "A reunião ampliada ainda não aconteceu nem foi agendada."


def _passo_sugestoes(ev: Evidencias, ampliada_ok: bool) -> tuple[str, str]:
    marcos = [m for m in (ev.ultima_decisao_sugestao,) if m]
    marcos += [datetime.combine(r.data, datetime.min.time()) for r in ev.ampliadas if r.realizada]
    congelada_depois = ev.ultima_versao_em is not None and all(
        ev.ultima_versao_em >= m for m in marcos
    )
    if ev.sugestoes_pendentes:
        return EM_ANDAMENTO, (
            f"{plural(ev.sugestoes_pendentes, 'sugestão aguarda', 'sugestões aguardam')} decisão "
            f"(de {ev.sugestoes_total})."
        )
    if ampliada_ok and congelada_depois:
        return CONCLUIDO, (
            f"{plural(ev.sugestoes_total, 'sugestão decidida', 'sugestões decididas')} e versão final "
            "congelada depois delas."
        )
    if ampliada_ok or ev.sugestoes_total:
        return (
            EM_ANDAMENTO,
            "Sugestões decididas; falta congelar a versão final do fluxo depois delas.",
        )
    return NAO_INICIADO, "Aguarda a reunião ampliada e as sugestões dos atores."


def data_pactuacao(ev: Evidencias) -> date | None:
    """The day of the (last) final presentation and pact meeting held, if any."""
    realizadas = [r.data for r in ev.apresentacoes if r.realizada]
    return max(realizadas) if realizadas else None


def _passo_pactuacao(ev: Evidencias) -> tuple[str, str]:
    realizada = data_pactuacao(ev)
    etapa12 = "assinaturas dos Termos e ato normativo seguem na etapa 12 do roteiro"
    if realizada and ev.versoes:
        return CONCLUIDO, (
            f"Reunião de pactuação em {realizada:%d/%m/%Y} e versão {ev.versoes} do fluxo "
            f"congelada; {etapa12}."
        )
    if realizada:
        return EM_ANDAMENTO, (
            f"Reunião de pactuação em {realizada:%d/%m/%Y}; falta congelar a versão pactuada do "
            "fluxo."
        )
    if ev.apresentacoes:
        agendada = min(r.data for r in ev.apresentacoes)
        return EM_ANDAMENTO, f"Reunião de pactuação agendada para {agendada:%d/%m/%Y}."
    return NAO_INICIADO, "A reunião de apresentação final e pactuação ainda não foi agendada."


def _passo_mensal(ev: Evidencias, inicio: date | None) -> tuple[str, str, bool]:
    """Kept up (em dia), late (atrasado) or not started; only alignment meetings count."""
    intervalo = ev.regras.dias_alinhamento
    if inicio is None:
        return (
            NAO_INICIADO,
            "Os alinhamentos mensais começam logo depois da reunião de pactuação.",
            False,
        )
    feitas = sorted(d for d in ev.alinhamentos if d >= inicio and d <= ev.hoje)
    if not feitas:
        dias = (ev.hoje - inicio).days
        if dias > intervalo:
            return (
                ATRASADO,
                f"Atrasado: nenhum alinhamento desde a pactuação em {inicio:%d/%m/%Y} "
                f"({dias} dias; a regra é um a cada {intervalo} dias).",
                True,
            )
        limite = inicio + timedelta(days=intervalo)
        return (
            NAO_INICIADO,
            f"Pactuado em {inicio:%d/%m/%Y}: faça o primeiro alinhamento até {limite:%d/%m/%Y}.",
            False,
        )
    ultima = feitas[-1]
    dias = (ev.hoje - ultima).days
    if dias > intervalo:
        return (
            ATRASADO,
            f"Atrasado: {dias} dias desde o último alinhamento ({ultima:%d/%m/%Y}); a regra é "
            f"um a cada {intervalo} dias.",
            True,
        )
    return (
        EM_DIA,
        f"Em dia: último alinhamento em {ultima:%d/%m/%Y}, há {dias} dias "
        f"({plural(len(feitas), 'alinhamento', 'alinhamentos')} desde a pactuação).",
        False,
    )


def passos_pactuacao(ev: Evidencias, ajustes: list[Ajuste] = ()) -> list[Passo]:
    """The six steps of the pact (booklet step 5), each with state, reason and rule."""
    por_chave = {(a.tipo, a.numero): a for a in ajustes}
    resultados = [_passo_gt(ev), _passo_fluxo_inicial(ev), _passo_ampliada(ev)]
    ampliada_ok = resultados[2][0] == CONCLUIDO or ("pactuacao", 3) in por_chave
    resultados.append(_passo_sugestoes(ev, ampliada_ok))
    resultados.append(_passo_pactuacao(ev))
    inicio = data_pactuacao(ev)
    ajuste5 = por_chave.get(("pactuacao", 5))
    if inicio is None and ajuste5 is not None and ajuste5.situacao in (CONCLUIDO, NAO_SE_APLICA):
        # pact recorded by hand: the alignment counts from the first one held, if any
        inicio = min(ev.alinhamentos, default=None)
    situacao, motivo, alerta = _passo_mensal(ev, inicio)
    passos = [
        Passo(n, TITULOS_PACTUACAO[n - 1], s, m, SECOES_PACTUACAO[n - 1])
        for n, (s, m) in enumerate(resultados, start=1)
    ]
    passos.append(
        Passo(6, TITULOS_PACTUACAO[5], situacao, motivo, SECOES_PACTUACAO[5], alerta=alerta)
    )
    for numero, chave in ((1, "membros_gt"), (3, "presenca_ampliada"), (6, "dias_alinhamento")):
        passos[numero - 1].regra = ev.regras.motivo(chave)
    return [aplicar_ajuste(p, por_chave, "pactuacao") for p in passos]


def passo_atual(passos: list[Passo]) -> Passo | None:
    """The first pact step not yet done (or not applicable, or kept up), or None when all are."""
    return next((p for p in passos if p.situacao not in FEITOS), None)
