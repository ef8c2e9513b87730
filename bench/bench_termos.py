"""Time Termos de Adesão for 300 institutions against a bare docxtpl render of the same template.

Both sides write 300 .docx files in the same run. The reference renders the same contexts
(built beforehand, untimed) with a fresh `DocxTemplate(...).render(..., autoescape=True)` and
`save` per document; pacto's side is the whole service: loading the network, building each
context, cleaning the data, rendering and writing atomically.

    .venv/bin/python bench/bench_termos.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

INSTITUICOES = 300
RODADAS = 3
ALVO_RAZAO = 1.5
ALVO_TOTAL_S = 15.0


def montar_rede(caminho: Path):
    """A workspace with a coordination and 300 institutions, each with two duties and two focal points."""
    from pacto.domain.models import Instituicao, PontoFocal, Rede
    from pacto.store import Workspace

    ws = Workspace.criar(caminho, Rede("Rede de teste de desempenho", "RR"))
    etapas, fluxo = ws.etapas(), ws.fluxos()[0]
    with ws.transacao():
        coord = ws.salvar_instituicao(
            Instituicao("Núcleo de Enfrentamento ao Tráfico de Pessoas", "NETP", tipo="netp")
        )
        rede = ws.rede()
        rede.coordenacao_id = coord.id
        ws.salvar_rede(rede)
        for n in range(1, INSTITUICOES + 1):
            inst = ws.salvar_instituicao(
                Instituicao(
                    f"Instituição Parceira número {n} do Fluxo",
                    f"IP-{n:03d}",
                    endereco=f"Rua {n}, Centro, Boa Vista/RR",
                    telefone=f"(95) 3000-{n:04d}",
                    email=f"contato{n}@exemplo.gov.br",
                )
            )
            for papel in ("titular", "suplente"):
                ws.salvar_ponto_focal(
                    PontoFocal(inst.id, papel, f"Pessoa {papel} {n}", "Analista", "(95) 99999-0000")
                )
            for etapa in (etapas[n % len(etapas)], etapas[(n + 2) % len(etapas)]):
                ws.definir_atribuicao(
                    inst.id,
                    etapa.id,
                    fluxo.id,
                    f"Recebe os casos da etapa de {etapa.nome}, faz o primeiro atendimento em até "
                    "24 horas e comunica a coordenação do Fluxo no mesmo dia.",
                )
    return ws


def referencia(modelo: Path, contextos: list[dict], pasta: Path) -> float:
    """A bare docxtpl render and save of each context, as anyone would write it."""
    from docxtpl import DocxTemplate

    inicio = time.perf_counter()
    for i, contexto in enumerate(contextos):
        tpl = DocxTemplate(str(modelo))
        tpl.render(contexto, autoescape=True)
        tpl.save(str(pasta / f"ref-{i}.docx"))
    return time.perf_counter() - inicio


def pacto(ws, pasta: Path) -> tuple[float, int]:
    """pacto's whole path for `pacto gerar termo --todas`."""
    from pacto.services.documentos import gerar
    from pacto.services.documentos.contexto import fontes

    inicio = time.perf_counter()
    lote = gerar.termos(fontes(ws), pasta)
    return time.perf_counter() - inicio, len(lote.arquivos)


def medir() -> dict[str, float]:
    from pacto.services.documentos import modelos
    from pacto.services.documentos.contexto import fontes
    from pacto.services.documentos.render import sanear
    from pacto.services.documentos.termo import contexto_termo, instituicoes_para_termo

    with tempfile.TemporaryDirectory() as temporaria:
        raiz = Path(temporaria)
        ws = montar_rede(raiz / "rede.db")
        f = fontes(ws)
        contextos = [sanear(contexto_termo(f, i), []) for i in instituicoes_para_termo(f)[0]]
        modelo = modelos.localizar("termo", None)
        tempos_ref, tempos_pacto = [], []
        for rodada in range(RODADAS):
            pasta_ref, pasta_pacto = raiz / f"ref{rodada}", raiz / f"pacto{rodada}"
            pasta_ref.mkdir()
            tempos_ref.append(referencia(modelo, contextos, pasta_ref))
            tempo, quantos = pacto(ws, pasta_pacto)
            assert quantos == INSTITUICOES, quantos
            tempos_pacto.append(tempo)
        ws.fechar()
    ref, nosso = statistics.median(tempos_ref), statistics.median(tempos_pacto)
    return {
        "ref_s": ref,
        "pacto_s": nosso,
        "ref_ms_doc": ref / INSTITUICOES * 1000,
        "pacto_ms_doc": nosso / INSTITUICOES * 1000,
        "razao": nosso / ref,
    }


def linhas(r: dict[str, float]) -> list[dict[str, object]]:
    from formato import num

    """Rows of the README table: medida, referência, resultado, alvo."""
    return [
        {
            "medida": f"{INSTITUICOES} Termos de Adesão (`bench/bench_termos.py`)",
            "referencia": f"docxtpl puro, mesmo modelo: {num(r['ref_s'], 1)} s "
            f"({num(r['ref_ms_doc'])} ms/doc)",
            "resultado": f"{num(r['pacto_s'], 1)} s ({num(r['pacto_ms_doc'])} ms/doc) — "
            f"{num(r['razao'], 2)}×",
            "alvo": f"≤ {num(ALVO_RAZAO, 1)}× e ≤ {num(ALVO_TOTAL_S)} s",
            "ok": r["razao"] <= ALVO_RAZAO and r["pacto_s"] <= ALVO_TOTAL_S,
        }
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    r = medir()
    if "--json" in sys.argv:
        import json

        print(json.dumps(linhas(r), ensure_ascii=False))
        sys.exit(0)
    ok = r["razao"] <= ALVO_RAZAO and r["pacto_s"] <= ALVO_TOTAL_S
    print(
        f"{INSTITUICOES} Termos · docxtpl puro: {r['ref_s']:.2f} s ({r['ref_ms_doc']:.1f} ms/doc) · "
        f"pacto: {r['pacto_s']:.2f} s ({r['pacto_ms_doc']:.1f} ms/doc) · razão {r['razao']:.2f} "
        f"(alvos: ≤ {ALVO_RAZAO} e ≤ {ALVO_TOTAL_S:.0f} s) {'OK' if ok else 'ACIMA DO ALVO'}"
    )
