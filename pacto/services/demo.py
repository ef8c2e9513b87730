"""Build the demo network from `modelos/demo.toml`, so a new user sees a realistic flow first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pacto.domain.autodiagnostico import Resposta
from pacto.domain.calendario import dia_util_anterior, ler_hora
from pacto.domain.campos_ator import CAMPOS as CAMPOS_ATOR
from pacto.domain.campos_ator import personalidade_padrao
from pacto.domain.catalog import ler_toml
from pacto.domain.models import Encaminhamento, Instituicao, PontoFocal, Rede
from pacto.domain.reunioes import Acao, Deliberacao, Presenca, Reuniao, Sugestao
from pacto.store import Workspace

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
            valores = {c.chave: item.get(c.chave, c.padrao) for c in CAMPOS_ATOR}
            if "personalidade_juridica" not in item:
                valores["personalidade_juridica"] = personalidade_padrao(valores["tipo"])
            inst = ws.salvar_instituicao(Instituicao(**valores))
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
        for item in dados.get("reunioes", []):
            _reuniao(ws, item, ids, etapas, fluxo.id, hoje)


def _povoar_processo(ws: Workspace, dados: dict, ids: dict[str, int], hoje: date) -> None:
    """The working group and a first self-diagnosis run, as a network a few months in has."""
    if dados.get("documentos"):
        from pacto.services.documentos.configuracao import gravar

        gravar(ws, dados["documentos"])
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


def _reuniao(
    ws: Workspace,
    item: dict,
    ids: dict[str, int],
    etapas: dict[str, int],
    fluxo_id: int,
    hoje: date,
) -> None:
    """Record one demo meeting with its agenda, attendance, decisions, actions and suggestions."""
    dia = dia_util_anterior(hoje + timedelta(days=item["dias"]))
    reuniao = ws.criar_reuniao(
        Reuniao(
            tipo=item["tipo"],
            numero=item["numero"],
            data=dia,
            hora=ler_hora(item.get("hora", "")),
            duracao_min=item.get("duracao_min", 120),
            local=item.get("local", ""),
            modalidade=item.get("modalidade", "presencial"),
            presidente=item.get("presidente", ""),
            secretario=item.get("secretario", ""),
            situacao=item.get("situacao", "planejada"),
        ),
        pauta=[(p["titulo"], p["minutos"]) for p in item["pauta"]] if "pauta" in item else None,
    )
    itens = ws.itens_pauta(reuniao.id)
    for registro, dados_item in zip(itens, item.get("pauta", []), strict=False):
        if dados_item.get("ata"):
            ws.salvar_ata_item(registro.id, dados_item["ata"])
            ws.registrar_andamento_item(registro.id, dados_item["minutos"] * 60, True)
    for p in item.get("presencas", []):
        ws.registrar_presenca(
            Presenca(
                reuniao_id=reuniao.id,
                nome=p["nome"],
                cargo=p.get("cargo", ""),
                instituicao_id=ids[p["sigla"]] if "sigla" in p else None,
                organizacao=p.get("organizacao", ""),
            )
        )
    for d in item.get("deliberacoes", []):
        item_id = itens[d["item"] - 1].id if "item" in d else None
        ws.salvar_deliberacao(Deliberacao(reuniao.id, d["texto"], item_id=item_id))
    for a in item.get("acoes", []):
        concluida = a.get("concluida_dias")
        ws.salvar_acao(
            Acao(
                reuniao_id=reuniao.id,
                descricao=a["descricao"],
                instituicao_id=ids[a["sigla"]],
                prazo=hoje + timedelta(days=a["prazo_dias"]),
                situacao=a.get("situacao", "aberta"),
                concluida_em=None if concluida is None else hoje + timedelta(days=concluida),
            )
        )
    for s in item.get("sugestoes", []):
        decidida = dia if s.get("decisao") else None
        ws.salvar_sugestao(
            Sugestao(
                texto=s["texto"],
                assunto=s.get("assunto", "geral"),
                referencia=s.get("referencia", ""),
                reuniao_id=reuniao.id,
                instituicao_id=ids[s["autor"]],
                proposta=_proposta(s.get("proposta"), ids, etapas, fluxo_id),
                decisao=s.get("decisao", ""),
                justificativa=s.get("justificativa", ""),
                decidida_em=decidida,
                criada_em=dia,
            )
        )


def _proposta(
    dados: dict | None, ids: dict[str, int], etapas: dict[str, int], fluxo_id: int
) -> dict | None:
    """A demo proposal written with acronyms and stage keys, turned into ids."""
    if not dados:
        return None
    if dados["tipo"] == "atribuicao":
        return {
            "tipo": "atribuicao",
            "instituicao_id": ids[dados["instituicao"]],
            "etapa_id": etapas[dados["etapa"]],
            "fluxo_id": fluxo_id,
            "texto": dados["texto"],
        }
    return {
        "tipo": "encaminhamento",
        "fluxo_id": fluxo_id,
        "origem_id": ids[dados["de"]],
        "destino_id": ids[dados["para"]],
        "condicao": dados.get("condicao", ""),
        "prazo": dados.get("prazo", ""),
    }
