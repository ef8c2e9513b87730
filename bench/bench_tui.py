"""Time the TUI's first screen on 2,000 institutions against a minimal Textual app showing the
same rows in a DataTable, and measure the TUI's peak memory.

The workspace is the one `bench_tui_rede.py` builds (2,000 institutions, 10,000 duties, 4,000
focal points, 1,000 referrals). Each measurement is a fresh child process (interpreter start,
imports, reading the workspace, the first screen drawn headless with `run_test`, exit),
alternating pacto and the baseline round by round; figures are medians of wall time. The
baseline reads the same five columns (sigla, name, stages, titular focal point, contact)
straight from the file with sqlite3 and shows them in one DataTable. Peak memory is the maximum
resident set size (`ru_maxrss`) of a pacto child that draws the first screen, opens every
section, then scrolls the Rede table to its end.

    .venv/bin/python bench/bench_tui.py [RODADAS]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INSTITUICOES = 2_000
RODADAS = 5
ALVO_RAZAO = 2.0
ALVO_MEMORIA_MB = 250
TAMANHO = (120, 40)


def montar_rede(caminho: Path) -> Path:
    """The workspace of `bench_tui_rede.py` (2,000 institutions, 10,000 duties, 4,000 focal
    points, 1,000 referrals): one builder for every TUI benchmark."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench_tui_rede import criar_rede_grande

    criar_rede_grande(caminho).fechar()
    return caminho


def _filho_pacto(caminho: str, explorar: bool) -> None:
    """Child: pacto's TUI to its first screen (and, for memory, the Rede section scrolled)."""
    import asyncio
    import resource

    from pacto.tui.app import criar_app
    from pacto.tui.sections import SECOES

    async def rodar() -> None:
        app = criar_app(Path(caminho))
        async with app.run_test(size=TAMANHO) as pilot:
            await pilot.pause()
            if explorar:  # a working session: every section drawn, the Rede table scrolled
                for secao in SECOES:
                    app.ir_para(secao.id)
                    await pilot.pause()
                app.ir_para("rede")
                await pilot.pause()
                await pilot.press("end")
                await pilot.pause()
                app.export_screenshot()

    asyncio.run(rodar())
    print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def _filho_base(caminho: str) -> None:
    """Child: the minimal app, the same rows in one DataTable."""
    import asyncio
    import sqlite3

    from textual.app import App
    from textual.widgets import DataTable

    conexao = sqlite3.connect(caminho)
    linhas = conexao.execute(
        """
        SELECT i.sigla, i.nome,
               (SELECT group_concat(e.sigla, ' ') FROM atribuicoes a JOIN etapas e
                 ON e.id = a.etapa_id WHERE a.instituicao_id = i.id),
               coalesce((SELECT p.nome FROM pontos_focais p
                 WHERE p.instituicao_id = i.id AND p.papel = 'titular'), '—'),
               coalesce(nullif(i.telefone, ''), nullif(i.email, ''), '—')
        FROM instituicoes i ORDER BY i.nome COLLATE NOCASE
        """
    ).fetchall()
    conexao.close()

    class Minima(App):
        def compose(self):
            tabela = DataTable()
            tabela.add_columns("Sigla", "Instituição", "Etapas", "Ponto focal titular", "Contato")
            tabela.add_rows(linhas)
            yield tabela

    async def rodar() -> None:
        async with Minima().run_test(size=TAMANHO) as pilot:
            await pilot.pause()

    asyncio.run(rodar())


def _ambiente() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PACTO_USUARIO"] = "bench"
    return env


def _filho(*argumentos: str) -> tuple[float, str]:
    inicio = time.perf_counter()
    resultado = subprocess.run(
        [sys.executable, __file__, "--filho", *argumentos],
        check=True,
        capture_output=True,
        text=True,
        env=_ambiente(),
        timeout=600,
    )
    return time.perf_counter() - inicio, resultado.stdout


def medir(rodadas: int = RODADAS) -> dict[str, float]:
    """Median seconds of both first screens, their ratio and pacto's peak memory."""
    with tempfile.TemporaryDirectory() as temporaria:
        caminho = montar_rede(Path(temporaria) / "rede.db")
        _filho("pacto", str(caminho))  # warm the file cache and write bytecode caches
        _filho("base", str(caminho))
        pacto, base = [], []
        for _ in range(rodadas):
            pacto.append(_filho("pacto", str(caminho))[0])
            base.append(_filho("base", str(caminho))[0])
        _, saida = _filho("pacto", str(caminho), "--explorar")
        memoria_mb = json.loads(saida.strip().splitlines()[-1])["maxrss_kb"] / 1024
    return {
        "base_s": statistics.median(base),
        "pacto_s": statistics.median(pacto),
        "razao": statistics.median(pacto) / statistics.median(base),
        "memoria_mb": memoria_mb,
    }


def linhas(r: dict[str, float]) -> list[dict[str, object]]:
    """Rows of the README table: medida, referência, resultado, alvo."""
    from formato import num

    return [
        {
            "medida": f"TUI, primeira tela com {num(INSTITUICOES)} instituições "
            "(`bench/bench_tui.py`)",
            "referencia": "app Textual mínimo com as mesmas linhas num DataTable: "
            f"{num(r['base_s'] * 1000)} ms",
            "resultado": f"{num(r['pacto_s'] * 1000)} ms — {num(r['razao'], 2)}×",
            "alvo": f"≤ {num(ALVO_RAZAO, 1)}×",
            "ok": r["razao"] <= ALVO_RAZAO,
        },
        {
            "medida": f"TUI, pico de memória com {num(INSTITUICOES)} instituições "
            "(`bench/bench_tui.py`)",
            "referencia": "RSS máximo do processo: primeira tela, todas as seções, Rede até o fim",
            "resultado": f"{num(r['memoria_mb'])} MB",
            "alvo": f"≤ {num(ALVO_MEMORIA_MB)} MB",
            "ok": r["memoria_mb"] <= ALVO_MEMORIA_MB,
        },
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--filho":
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        if sys.argv[2] == "pacto":
            _filho_pacto(sys.argv[3], "--explorar" in sys.argv)
        else:
            _filho_base(sys.argv[3])
        sys.exit(0)
    argumentos = [a for a in sys.argv[1:] if a != "--json"]
    r = medir(int(argumentos[0]) if argumentos else RODADAS)
    if "--json" in sys.argv:
        print(json.dumps(linhas(r), ensure_ascii=False))
        sys.exit(0)
    ok_tempo = "OK" if r["razao"] <= ALVO_RAZAO else "ACIMA DO ALVO"
    ok_memoria = "OK" if r["memoria_mb"] <= ALVO_MEMORIA_MB else "ACIMA DO ALVO"
    print(
        f"{INSTITUICOES} instituições · app mínimo: {r['base_s'] * 1000:.0f} ms · pacto: "
        f"{r['pacto_s'] * 1000:.0f} ms · razão {r['razao']:.2f} (alvo ≤ {ALVO_RAZAO}) {ok_tempo}\n"
        f"pico de memória do pacto: {r['memoria_mb']:.0f} MB (alvo ≤ {ALVO_MEMORIA_MB} MB) "
        f"{ok_memoria}"
    )
