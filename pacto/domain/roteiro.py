"""The booklet's 14 steps of building a flow, and the single most useful next action."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pacto.domain.catalog import ler_toml
from pacto.domain.processo import (
    CONCLUIDO,
    EM_ANDAMENTO,
    FEITOS,
    NAO_INICIADO,
    Ajuste,
    Evidencias,
    Passo,
    aplicar_ajuste,
    passo_atual,
)
from pacto.domain.text import plural

MANUAL = (
    "Registre a situação desta etapa à mão, com uma nota (pacto passo marcar {n} --elaboracao)."
)


@dataclass(frozen=True)
class EtapaRoteiro:
    """One of the 14 steps, as kept in `modelos/etapas_elaboracao.toml`."""

    numero: int
    chave: str
    titulo: str
    secao: str


@cache
def roteiro() -> tuple[EtapaRoteiro, ...]:
    """The 14 steps in order."""
    return tuple(
        EtapaRoteiro(e["numero"], e["chave"], e["titulo"], e["secao"])
        for e in ler_toml("etapas_elaboracao.toml")["etapas"]
    )


def _autodiagnostico(ev: Evidencias, _p) -> tuple[str, str]:
    r, t = ev.autodiagnostico_respondidas, ev.autodiagnostico_total
    if t and r >= t:
        return CONCLUIDO, f"Autodiagnóstico respondido ({r} de {t} perguntas)."
    if r:
        return EM_ANDAMENTO, f"Autodiagnóstico em curso: {r} de {t} perguntas respondidas."
    return NAO_INICIADO, "Nenhuma rodada de autodiagnóstico registrada."


def _receptores(ev: Evidencias, _p) -> tuple[str, str]:
    if not ev.receptores_denuncia:
        return NAO_INICIADO, "Nenhuma instituição com atribuição na etapa Denúncia."
    receptores = plural(ev.receptores_denuncia, "canal recebe", "canais recebem")
    if not ev.receptores_sem_pratica:
        return CONCLUIDO, (
            f"{receptores} denúncias, cada um com o seu funcionamento na prática registrado "
            "(horário ou 24 horas, e para quem encaminha)."
        )
    return EM_ANDAMENTO, (
        f"{receptores} denúncias; falta registrar como funcionam na prática: "
        + "; ".join(ev.receptores_sem_pratica)
        + "."
    )


def _etapas_atores(ev: Evidencias, _p) -> tuple[str, str]:
    if ev.instituicoes_no_fluxo and not ev.etapas_sem_responsavel:
        return (
            CONCLUIDO,
            f"Todas as etapas têm atores ({ev.instituicoes_mapeadas} instituições mapeadas).",
        )
    if ev.instituicoes_mapeadas:
        return EM_ANDAMENTO, "Etapas sem ator: " + ", ".join(ev.etapas_sem_responsavel) + "."
    return NAO_INICIADO, "Nenhuma instituição mapeada."


def _atribuicoes(ev: Evidencias, _p) -> tuple[str, str]:
    if ev.instituicoes_no_fluxo and not ev.etapas_sem_responsavel:
        if not ev.sem_atribuicao:
            return CONCLUIDO, "Todas as etapas têm responsável e atribuições descritas."
        # the booklet: not every mapped actor will be in the final flow
        return CONCLUIDO, (
            f"Todas as etapas têm responsável; {plural(ev.sem_atribuicao, 'instituição mapeada', 'instituições mapeadas')} "
            "sem atribuição (marque-as como ponto de apoio se não forem compor o fluxo)."
        )
    if ev.instituicoes_no_fluxo:
        return EM_ANDAMENTO, "Etapas sem responsável: " + ", ".join(ev.etapas_sem_responsavel) + "."
    return NAO_INICIADO, "Nenhuma atribuição registrada."


def _pactuar(ev: Evidencias, passos: list[Passo]) -> tuple[str, str]:
    atual = passo_atual(passos[:5])
    if atual is None:
        return CONCLUIDO, "Os cinco primeiros passos da pactuação estão concluídos."
    if any(p.situacao != NAO_INICIADO for p in passos):
        return EM_ANDAMENTO, f"Pactuação no passo {atual.numero} de 6: {atual.titulo.lower()}."
    return NAO_INICIADO, "A pactuação ainda não começou."


def _colegiados(ev: Evidencias, _p) -> tuple[str, str]:
    if ev.colegiados:
        return EM_ANDAMENTO, (
            f"{plural(ev.colegiados, 'colegiado mapeado', 'colegiados mapeados')}; registre à mão quando "
            "a articulação estiver feita."
        )
    return NAO_INICIADO, "Nenhum colegiado (COETRAE, comitê, conselho) mapeado na rede."


def _experiencias(ev: Evidencias, _p) -> tuple[str, str]:
    consultadas = (
        f"{plural(len(ev.experiencias), 'experiência consultada', 'experiências consultadas')} "
        f"({', '.join(ev.experiencias)})"
        if ev.experiencias
        else ""
    )
    if consultadas and ev.decisao_fluxo:
        return CONCLUIDO, f"{consultadas}; decisão: {ev.decisao_fluxo}."
    if consultadas:
        return EM_ANDAMENTO, (
            f"{consultadas}; falta registrar a decisão: fluxo único ou um por finalidade "
            "(pacto fluxo decisao)."
        )
    if ev.decisao_fluxo:
        return EM_ANDAMENTO, (
            f"Decisão: {ev.decisao_fluxo}; registre as experiências consultadas "
            "(pacto fluxo experiencia NOME --nota …)."
        )
    return NAO_INICIADO, (
        "Registre as experiências consultadas (como o fluxo do RJ ou o fluxo nacional de "
        "trabalho escravo) e a decisão entre fluxo único ou por finalidade."
    )


def _elaborar(ev: Evidencias, _p) -> tuple[str, str]:
    if ev.versoes and not ev.lacunas_graves:
        return (
            CONCLUIDO,
            f"Fluxo desenhado e congelado ({plural(ev.versoes, 'versão', 'versões')}).",
        )
    if ev.instituicoes_no_fluxo:
        return (
            EM_ANDAMENTO,
            "Fluxo em desenho; ainda sem versão congelada ou com etapas sem responsável.",
        )
    return NAO_INICIADO, "O fluxo ainda não tem atribuições."


def _pontos_focais(ev: Evidencias, _p) -> tuple[str, str]:
    if ev.instituicoes_no_fluxo and not ev.sem_titular:
        return CONCLUIDO, "Todas as instituições do fluxo têm ponto focal titular."
    if ev.instituicoes_no_fluxo:
        return EM_ANDAMENTO, (
            f"{plural(ev.sem_titular, 'instituição sem', 'instituições sem')} ponto focal titular."
        )
    return NAO_INICIADO, "Nenhuma instituição no fluxo ainda."


def _osc(ev: Evidencias, _p) -> tuple[str, str]:
    if ev.osc_no_fluxo:
        return CONCLUIDO, (
            f"{plural(ev.osc_no_fluxo, 'organização da sociedade civil atua', 'organizações da sociedade civil atuam')} no fluxo."
        )
    return NAO_INICIADO, "Nenhuma organização da sociedade civil com atribuição no fluxo."


def _netp(ev: Evidencias, _p) -> tuple[str, str] | None:
    if ev.envios_netp is None:
        return None
    if ev.envios_netp:
        return (
            CONCLUIDO,
            f"{plural(ev.envios_netp, 'mês com informação enviada', 'meses com informação enviada')} "
            f"{ev.destino_informacoes}.",
        )
    return NAO_INICIADO, f"Nenhum envio de informação {ev.destino_informacoes} registrado."


def _institucionalizar(ev: Evidencias, _p) -> tuple[str, str] | None:
    """A Termo de Adesão alone or a Portaria/Decreto institutionalizes the flow (booklet, 12)."""
    if ev.ato_fluxo_publicado:
        return CONCLUIDO, "Ato que institui o fluxo (Portaria ou Decreto) assinado e publicado."
    total = ev.adesoes_esperadas or 0
    decididas = ev.adesoes_assinadas + ev.adesoes_recusadas
    aditivos = (
        f"; {plural(ev.adesoes_aditivo, 'Termo Aditivo pendente', 'Termos Aditivos pendentes')}"
        if ev.adesoes_aditivo
        else ""
    )
    if total and ev.adesoes_assinadas and decididas >= total:
        return CONCLUIDO, (
            f"Termos de Adesão: {ev.adesoes_assinadas} de {total} instituições assinaram"
            f" e {ev.adesoes_recusadas} recusaram formalmente{aditivos}; o Termo basta para "
            "institucionalizar o fluxo (Portaria ou Decreto é opcional)."
        )
    if ev.adesoes_assinadas or ev.ato_fluxo_gerado:
        faltam = max(total - decididas, 0)
        return EM_ANDAMENTO, (
            f"Termos de Adesão: {ev.adesoes_assinadas} de {total} assinados; "
            f"{plural(faltam, 'instituição ainda não assinou nem recusou', 'instituições ainda não assinaram nem recusaram')}"
            f"{aditivos}."
            + (" Ato gerado; falta registrar a publicação." if ev.ato_fluxo_gerado else "")
        )
    if ev.ato_fluxo_gerado is None:
        return None
    return NAO_INICIADO, (
        "Nenhum Termo de Adesão assinado e nenhum ato (Portaria ou Decreto) publicado."
    )


def _publicar(ev: Evidencias, _p) -> tuple[str, str] | None:
    if ev.fluxo_publicado is None:
        return None
    if ev.fluxo_publicado:
        return EM_ANDAMENTO, "Fluxo publicado gerado; registre à mão onde foi divulgado."
    return NAO_INICIADO, "O fluxo para publicação ainda não foi gerado."


# days an evaluation stays current: a semester or a year, with a month's slack
VALIDADE_AVALIACAO = {"semestral": 213, "anual": 396}


def _monitorar(ev: Evidencias, _p) -> tuple[str, str] | None:
    if ev.indicadores_com_meta is None:
        return None
    metas = plural(ev.indicadores_com_meta or 0, "indicador com meta", "indicadores com meta")
    validade = VALIDADE_AVALIACAO.get(ev.periodicidade_avaliacao)
    if ev.avaliacao_realizada and validade and (ev.hoje - ev.avaliacao_realizada).days > validade:
        return EM_ANDAMENTO, (
            f"A avaliação {ev.periodicidade_avaliacao} de {ev.avaliacao_realizada:%d/%m/%Y} "
            "venceu: agende a próxima reunião de avaliação com quem construiu o fluxo."
        )
    if ev.avaliacao_realizada and ev.metas_do_periodo:
        return CONCLUIDO, (
            f"Avaliação periódica em {ev.avaliacao_realizada:%d/%m/%Y} e metas de "
            f"{ev.periodo_metas} definidas "
            f"({plural(ev.metas_do_periodo, 'indicador', 'indicadores')})."
        )
    if ev.avaliacao_realizada:
        return EM_ANDAMENTO, (
            f"Avaliação realizada em {ev.avaliacao_realizada:%d/%m/%Y}; defina as metas de "
            f"{ev.periodo_metas} (pacto indicadores meta INDICADOR --periodo {ev.periodo_metas} --valor N)."
        )
    if ev.indicadores_com_meta:
        return EM_ANDAMENTO, (
            f"{metas}; falta a reunião de avaliação (semestral ou anual) com quem construiu o "
            "fluxo: o que funciona, o que melhorar e o que descontinuar."
        )
    return NAO_INICIADO, "Nenhum indicador com meta e nenhuma avaliação periódica registrada."


REGRAS = {
    "autodiagnostico": _autodiagnostico,
    "receptores_denuncia": _receptores,
    "etapas_e_atores": _etapas_atores,
    "atribuicoes": _atribuicoes,
    "pactuar": _pactuar,
    "colegiados": _colegiados,
    "outras_experiencias": _experiencias,
    "elaborar_fluxo": _elaborar,
    "pontos_focais": _pontos_focais,
    "osc": _osc,
    "informacao_netp": _netp,
    "institucionalizar": _institucionalizar,
    "publicar": _publicar,
    "monitorar": _monitorar,
}


def etapas_elaboracao(
    ev: Evidencias, passos: list[Passo], ajustes: list[Ajuste] = ()
) -> list[Passo]:
    """The 14 steps, derived where the workspace knows and set by hand (with a note) elsewhere."""
    por_chave = {(a.tipo, a.numero): a for a in ajustes}
    resultado = []
    for etapa in roteiro():
        regra = REGRAS.get(etapa.chave)
        derivado = regra(ev, passos) if regra else None
        if derivado is None:
            passo = Passo(
                etapa.numero, etapa.titulo, NAO_INICIADO, MANUAL.format(n=etapa.numero), etapa.secao
            )
            passo = aplicar_ajuste(passo, por_chave, "elaboracao")
            passo.situacao_derivada = None
        else:
            passo = Passo(etapa.numero, etapa.titulo, derivado[0], derivado[1], etapa.secao)
            passo = aplicar_ajuste(passo, por_chave, "elaboracao")
        resultado.append(passo)
    return resultado


ACOES_PACTUACAO = {
    1: "Registrar o grupo de trabalho: instituições membros e o ato que o criou.",
    2: "Definir quem atua em cada etapa do fluxo.",
    3: "Realizar a reunião ampliada com todos os atores mapeados.",
    4: "Decidir as sugestões recebidas e congelar a versão final do fluxo.",
    5: "Apresentar o fluxo final na reunião de pactuação e congelar a versão pactuada.",
    6: "Realizar o alinhamento mensal da rede.",
}


def proximo_passo(ev: Evidencias, passos: list[Passo], etapas: list[Passo] = ()) -> dict:
    """The single most useful next action and why, computed from the state.

    While the pact steps are done and the monthly alignment is kept up, the next action is the
    first step of the 14-step roadmap not done yet (institutionalization, publication…).
    """
    if not ev.instituicoes_mapeadas and not ev.autodiagnostico_respondidas:
        return {
            "acao": "Fazer o autodiagnóstico e começar a mapear a rede.",
            "motivo": "Nenhuma instituição mapeada e nenhum autodiagnóstico registrado.",
            "secao": "autodiagnostico",
            "passo": None,
            "etapa": None,
        }
    atual = passo_atual(passos)
    if atual is None:
        etapa = next((e for e in etapas if e.situacao not in FEITOS), None)
        if etapa is not None:
            return {
                "acao": f"Etapa {etapa.numero} do roteiro: {etapa.titulo}.",
                "motivo": etapa.motivo,
                "secao": etapa.secao,
                "passo": None,
                "etapa": etapa.numero,
            }
        return {
            "acao": "Manter o fluxo vivo: confirmar pontos focais e revisar o fluxo no alinhamento mensal.",
            "motivo": "Os seis passos da pactuação e as 14 etapas do roteiro estão em dia.",
            "secao": "alinhamento",
            "passo": None,
            "etapa": None,
        }
    if atual.numero == 3 and ev.sem_titular:
        # the open meeting is convened through focal points: close that gap first
        return {
            "acao": "Completar os pontos focais titulares antes de convocar a reunião ampliada.",
            "motivo": f"{plural(ev.sem_titular, 'instituição não tem', 'instituições não têm')} ponto focal titular.",
            "secao": "rede",
            "passo": atual.numero,
            "etapa": None,
        }
    return {
        "acao": ACOES_PACTUACAO[atual.numero],
        "motivo": atual.motivo,
        "secao": atual.secao,
        "passo": atual.numero,
        "etapa": None,
    }
