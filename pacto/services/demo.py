"""Build the demo network from `modelos/demo.toml`, so a new user sees a realistic flow first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pacto.domain.autodiagnostico import Resposta
from pacto.domain.catalog import ler_toml
from pacto.domain.models import Encaminhamento, Instituicao, PontoFocal, Rede
from pacto.store import Workspace

_CAMPOS_INSTITUICAO = (
    "nome", "sigla", "cnpj", "tipo", "esfera", "setor", "endereco",
    "telefone", "email", "site", "horario", "observacoes",
)  # fmt: skip


USUARIO_DEMO = "pacto (rede de demonstração)"


def criar_demo(caminho: str | Path, hoje: date | None = None) -> Workspace:
    """Create a new workspace at `caminho` holding the demo network; never overwrites a file."""
    hoje = hoje or date.today()
    dados = ler_toml("demo.toml")
    info = dados["rede"]
    ws = Workspace.criar(
        caminho,
        Rede(info["nome"], info["uf"], info.get("municipio", "")),
        nome_fluxo=dados["fluxos"][0]["nome"],
        usuario=USUARIO_DEMO,
    )
    try:
        _povoar(ws, dados, hoje)
    except BaseException:
        ws.fechar()
        for sufixo in ("", "-wal", "-shm"):
            Path(f"{caminho}{sufixo}").unlink(missing_ok=True)
        raise
    return ws


def _povoar(ws: Workspace, dados: dict, hoje: date) -> None:
    etapas = {e.chave: e.id for e in ws.etapas()}
    with ws.transacao():
        fluxo = ws.fluxos()[0]
        fluxo.finalidades = list(dados["fluxos"][0].get("finalidades", fluxo.finalidades))
        ws.salvar_fluxo(fluxo)
        ids: dict[str, int] = {}
        for item in dados["instituicoes"]:
            inst = ws.salvar_instituicao(
                Instituicao(**{c: item.get(c, "") for c in _CAMPOS_INSTITUICAO})
            )
            ids[inst.sigla] = inst.id
            for pf in item.get("pontos_focais", []):
                dias = pf.get("confirmado_ha_dias")
                ws.salvar_ponto_focal(
                    PontoFocal(
                        instituicao_id=inst.id,
                        papel=pf["papel"],
                        nome=pf["nome"],
                        cargo=pf.get("cargo", ""),
                        telefone=pf.get("telefone", ""),
                        email=pf.get("email", ""),
                        confirmado_em=None if dias is None else hoje - timedelta(days=dias),
                    )
                )
            for chave, texto in item.get("atribuicoes", {}).items():
                ws.definir_atribuicao(inst.id, etapas[chave], fluxo.id, texto)
        for enc in dados.get("encaminhamentos", []):
            ws.salvar_encaminhamento(
                Encaminhamento(
                    fluxo_id=fluxo.id,
                    origem_id=ids[enc["de"]],
                    destino_id=ids[enc["para"]],
                    condicao=enc.get("condicao", ""),
                    prazo=enc.get("prazo", ""),
                )
            )
        rede = ws.rede()
        rede.coordenacao_id = ids.get(dados["rede"].get("coordenacao", ""))
        ws.salvar_rede(rede)
        _povoar_processo(ws, dados, ids, hoje)


def _povoar_processo(ws: Workspace, dados: dict, ids: dict[str, int], hoje: date) -> None:
    """The working group and a first self-diagnosis run, as a network a few months in has."""
    gt = dados.get("grupo_trabalho", {})
    for sigla in gt.get("membros", []):
        ws.definir_membro_gt(ids[sigla])
    ws.definir_ato_gt(gt.get("ato", ""))
    auto = dados.get("autodiagnostico")
    if auto:
        rodada = ws.nova_rodada_autodiagnostico(
            hoje - timedelta(days=auto.get("ha_dias", 0)),
            auto.get("metodo", ""),
            auto.get("participantes", ""),
        )
        for r in auto.get("respostas", []):
            ws.responder_autodiagnostico(
                rodada.id,
                Resposta(r["item"], r["valor"], r.get("nota", ""), r.get("evidencia", "")),
            )
