"""The one-time notice after migration m014_fluxo_vivo: which statuses the new rules changed, why.

Nothing stored is rewritten by the upgrade (adhesions, versions and overrides stay as recorded);
what changes is how statuses are derived from them. The first open after the upgrade tells the
facilitator, once, in the CLI and in the TUI.
"""

from __future__ import annotations

from pacto.domain.adesao import MANTIDA, READESAO
from pacto.domain.processo import CONCLUIDO

CHAVE = "aviso.fluxo_vivo"


def aviso(ws) -> list[str]:
    """The lines of the notice, computed from the workspace as it is now."""
    from pacto.services.adesoes import panorama
    from pacto.services.progresso import situacao

    rc = ws.carregar()
    linhas = [
        "O pacto passou a seguir a cartilha no fluxo vivo (atualização m014_fluxo_vivo):",
        " · nova versão pede readesão só a quem teve compromissos alterados (atribuições, "
        "encaminhamentos, etapas, fluxo); mudança de contato ou ponto focal não pede;",
        " · passo 5 = reunião de pactuação realizada e versão congelada; Termos e ato normativo "
        "contam na etapa 12 do roteiro;",
        " · passo 6 começa logo após a pactuação e fica em dia ou atrasado (só alinhamentos contam).",
    ]
    quadro = panorama(ws, rc)
    mantidas = [s for s in quadro.lista if s.situacao == MANTIDA]
    pendentes = [s for s in quadro.lista if s.situacao == READESAO]
    if mantidas:
        linhas.append(
            f"Adesões que deixaram de pedir readesão ({len(mantidas)}): "
            + ", ".join(s.instituicao.sigla for s in mantidas)
            + f" — {mantidas[0].motivo}"
        )
    for s in pendentes:
        linhas.append(f"Readesão continua pendente — {s.instituicao.sigla}: {s.motivo}")
    atual = situacao(ws, rc)
    for passo in (atual.passos[4], atual.passos[5], atual.etapas[11]):
        nome = "Etapa 12 do roteiro" if passo in atual.etapas else f"Passo {passo.numero}"
        linhas.append(f"{nome} agora: {passo.situacao} — {passo.motivo}")
    for p in atual.passos + atual.etapas:
        if p.ajuste is not None:
            tipo = "etapa" if p.ajuste.tipo == "elaboracao" else "passo"
            mudou = (
                f" (pelas regras novas seria “{p.situacao_derivada}”)"
                if p.situacao_derivada and p.situacao_derivada != p.situacao
                else ""
            )
            linhas.append(f"Ajuste à mão mantido — {tipo} {p.numero}: {p.situacao}{mudou}.")
    if atual.passos[4].situacao == CONCLUIDO and quadro.ultima is not None:
        linhas.append("Os registros de adesão, versões e ajustes foram mantidos como estavam.")
    return linhas


def consumir(ws) -> list[str]:
    """The notice if it is still due, marking it shown; an empty list otherwise."""
    if ws.configuracao(CHAVE) is None:
        return []
    linhas = aviso(ws)
    ws.definir_configuracao(CHAVE, None)
    return linhas
