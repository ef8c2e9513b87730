"""Where the working group stands: the six pact steps and the 14 roadmap steps, derived from evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from pacto.domain.errors import ErroValidacao
from pacto.domain.text import plural
from pacto.domain.validation import validar_texto

NAO_INICIADO = "não iniciado"
EM_ANDAMENTO = "em andamento"
CONCLUIDO = "concluído"
NAO_SE_APLICA = "não se aplica"
SITUACOES = (NAO_INICIADO, EM_ANDAMENTO, CONCLUIDO, NAO_SE_APLICA)
DIAS_ALINHAMENTO = 35

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
    ampliadas: list[ReuniaoResumo] = field(default_factory=list)
    apresentacoes: list[ReuniaoResumo] = field(default_factory=list)
    reunioes_realizadas: list[date] = field(default_factory=list)
    sugestoes_total: int = 0
    sugestoes_pendentes: int = 0
    ultima_decisao_sugestao: datetime | None = None
    versoes: int = 0
    ultima_versao_em: datetime | None = None
    adesoes_assinadas: int = 0
    adesoes_recusadas: int = 0
    adesoes_esperadas: int | None = None  # who is asked to sign; None = everyone in the flow
    autodiagnostico_respondidas: int = 0
    autodiagnostico_total: int = 0
    receptores_denuncia: int = 0
    colegiados: int = 0
    osc_no_fluxo: int = 0
    sem_atribuicao: int = 0
    lacunas_graves: int = 0
    envios_netp: int | None = None
    ato_fluxo_gerado: bool | None = None
    ato_fluxo_publicado: bool | None = None
    fluxo_publicado: bool | None = None
    indicadores_com_meta: int | None = None


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
    if ev.membros_gt >= 2 and ev.ato_gt:
        return CONCLUIDO, f"GT com {membros}, criado por {ev.ato_gt}."
    if ev.membros_gt or ev.ato_gt:
        falta = "o ato que o criou" if not ev.ato_gt else "os membros (ao menos duas instituições)"
        return EM_ANDAMENTO, f"GT com {membros}; falta registrar {falta}."
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


def _passo_ampliada(ev: Evidencias) -> tuple[str, str]:
    realizadas = [r for r in ev.ampliadas if r.realizada]
    if realizadas:
        ultima = max(realizadas, key=lambda r: r.data)
        return CONCLUIDO, (
            f"Reunião ampliada em {ultima.data:%d/%m/%Y}: {ultima.presentes} de "
            f"{ev.instituicoes_mapeadas} instituições mapeadas presentes "
            f"({_percentual(ultima.presentes, ev.instituicoes_mapeadas)})."
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


def _passo_pactuacao(ev: Evidencias) -> tuple[str, str]:
    realizada = any(r.realizada for r in ev.apresentacoes)
    decididas = ev.adesoes_assinadas + ev.adesoes_recusadas
    total = ev.instituicoes_no_fluxo if ev.adesoes_esperadas is None else ev.adesoes_esperadas
    if realizada and total and decididas >= total:
        return CONCLUIDO, (
            f"Apresentação final realizada; {ev.adesoes_assinadas} de {total} instituições assinaram "
            f"o Termo de Adesão e {ev.adesoes_recusadas} recusaram formalmente."
        )
    if realizada or ev.apresentacoes or decididas:
        faltam = max(total - decididas, 0)
        estado = "realizada" if realizada else "ainda não realizada"
        return EM_ANDAMENTO, (
            f"Apresentação final {estado}; {plural(faltam, 'instituição ainda não assinou', 'instituições ainda não assinaram')} "
            "nem recusou o Termo de Adesão."
        )
    return NAO_INICIADO, "A apresentação final do fluxo ainda não foi agendada."


def _passo_mensal(ev: Evidencias, pactuado: bool) -> tuple[str, str, bool]:
    if not ev.reunioes_realizadas or not pactuado:
        return NAO_INICIADO, "As reuniões mensais começam depois da pactuação.", False
    ultima = max(ev.reunioes_realizadas)
    dias = (ev.hoje - ultima).days
    if dias > DIAS_ALINHAMENTO:
        return (
            EM_ANDAMENTO,
            (
                f"Atrasado: {dias} dias desde a última reunião ({ultima:%d/%m/%Y}); o combinado é uma por mês."
            ),
            True,
        )
    return CONCLUIDO, f"Em dia: última reunião em {ultima:%d/%m/%Y}, há {dias} dias.", False


def passos_pactuacao(ev: Evidencias, ajustes: list[Ajuste] = ()) -> list[Passo]:
    """The six steps of the pact (booklet step 5), each with state and reason."""
    por_chave = {(a.tipo, a.numero): a for a in ajustes}
    resultados = [_passo_gt(ev), _passo_fluxo_inicial(ev), _passo_ampliada(ev)]
    ampliada_ok = resultados[2][0] == CONCLUIDO or ("pactuacao", 3) in por_chave
    resultados.append(_passo_sugestoes(ev, ampliada_ok))
    resultados.append(_passo_pactuacao(ev))
    pactuado = resultados[4][0] == CONCLUIDO or ("pactuacao", 5) in por_chave
    situacao, motivo, alerta = _passo_mensal(ev, pactuado)
    passos = [
        Passo(n, TITULOS_PACTUACAO[n - 1], s, m, SECOES_PACTUACAO[n - 1])
        for n, (s, m) in enumerate(resultados, start=1)
    ]
    passos.append(
        Passo(6, TITULOS_PACTUACAO[5], situacao, motivo, SECOES_PACTUACAO[5], alerta=alerta)
    )
    return [aplicar_ajuste(p, por_chave, "pactuacao") for p in passos]


def passo_atual(passos: list[Passo]) -> Passo | None:
    """The first pact step not yet done (or not applicable), or None when all are."""
    return next((p for p in passos if p.situacao not in (CONCLUIDO, NAO_SE_APLICA)), None)
