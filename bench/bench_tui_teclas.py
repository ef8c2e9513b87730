"""Time single key presses on a 2,000-institution network, keystroke to the first frame showing
the change, against bare Textual apps; and the CPU the meeting clock costs while nobody types.

Pilot's `press()` waits a fixed time for the next frame, which dilutes any ratio; here each key
is posted to the app and the clock stops at the first frame (`Screen._compositor_refresh`) in
which the change is visible: the Rede › Atores cursor on the next row (against a bare DataTable
holding the same rows), a typed letter in meeting mode's minutes (against a bare TextArea app).
Keys are spaced like a person's (the Atores detail pane redraws once the cursor rests), and the
CPU time of each key's whole aftermath is measured too. The bare table is as tall as pacto's,
so both scroll alike once the cursor passes the last visible row. The meeting clock's cost is the CPU
used per second by an idle meeting mode, minus that of the idle bare TextArea app.

    .venv/bin/python bench/bench_tui_teclas.py [--rodadas N] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import time as hora
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tui_rede import HOJE, AppMinima, criar_rede_grande, linhas_equivalentes  # noqa: E402
from formato import num  # noqa: E402
from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import DataTable, TextArea  # noqa: E402

from pacto.domain.reunioes import Reuniao  # noqa: E402
from pacto.tui.app import criar_app  # noqa: E402

TAMANHO = (120, 40)
TECLAS = 25  # key presses measured per round
PAUSA_CURSOR = 0.25  # s between arrow presses: the detail pane redraws once the cursor rests
PAUSA_DIGITACAO = 0.08  # s between letters: brisk typing
OCIOSO = 3.0  # s of an idle meeting mode to measure the clock's cost
ALVO = 1.5
ALTURA_TABELA = 20  # rows of the Atores table at 120x40; the bare table gets the same, so both
# scroll alike once the cursor passes the last visible row


class Quadros:
    """Note the time of the first frame drawn once a condition holds."""

    def __init__(self) -> None:
        self.condicao = None
        self.quando: float | None = None
        original = Screen._compositor_refresh
        quadros = self

        def registrar(screen: Screen) -> None:
            original(screen)
            if quadros.condicao is not None and quadros.condicao():
                quadros.quando = time.perf_counter()
                quadros.condicao = None

        Screen._compositor_refresh = registrar


QUADROS = Quadros()


async def _tecla(app: App, tecla: str, caractere: str | None, condicao) -> tuple[float, float]:
    """Post one key; seconds to the first frame where `condicao()` holds, and CPU seconds."""
    QUADROS.quando = None
    QUADROS.condicao = condicao
    cpu, inicio = time.process_time(), time.perf_counter()
    app.post_message(events.Key(tecla, caractere))
    while QUADROS.quando is None:
        await asyncio.sleep(0.0005)
    return QUADROS.quando - inicio, cpu


async def _serie(app, teclas, pausa) -> tuple[list[float], list[float]]:
    """Latencies and CPU per key (CPU counted until the next key: all the key caused)."""
    latencias, cpus = [], []
    for tecla, caractere, condicao in teclas:
        latencia, cpu = await _tecla(app, tecla, caractere, condicao)
        await asyncio.sleep(pausa)
        latencias.append(latencia)
        cpus.append(time.process_time() - cpu)
    return latencias, cpus


def _setas(tabela: DataTable):
    for n in range(TECLAS):
        yield "down", None, (lambda alvo=n + 1: tabela.cursor_row == alvo)


def _letras(area: TextArea):
    base = len(area.text)
    for n, letra in enumerate("a reuniao decidiu que o fluxo muda"[:TECLAS]):
        caractere = letra
        tecla = "space" if letra == " " else letra
        yield tecla, caractere, (lambda alvo=base + n + 1: len(area.text) >= alvo)


async def _esperar(pilot, condicao) -> None:
    while not condicao():
        await pilot.pause(0.01)
    await pilot.pause(0.3)


async def pacto_cursor(caminho: Path):
    app = criar_app(caminho, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.press("3")
        aba = app.query_one("#aba-atores-conteudo")
        await _esperar(pilot, lambda: aba.carga.completa)
        tabela = app.query_one("#rede-tabela", DataTable)
        assert tabela.size.height == ALTURA_TABELA, tabela.size
        return await _serie(app, list(_setas(tabela)), PAUSA_CURSOR)


class AppMinimaMesmaAltura(AppMinima):
    """The bare DataTable app, its table as tall as pacto's Atores table."""

    CSS = f"DataTable {{ height: {ALTURA_TABELA}; }}"


async def minima_cursor(linhas):
    app = AppMinimaMesmaAltura(linhas)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.pause(0.3)
        tabela = app.query_one(DataTable)
        return await _serie(app, list(_setas(tabela)), PAUSA_CURSOR)


async def pacto_reuniao(caminho: Path):
    """Typing in meeting mode's minutes, then the idle CPU per second (the clock ticking)."""
    app = criar_app(caminho, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.pause(0.2)
        app.action_modo_reuniao()
        await _esperar(pilot, lambda: app.screen.query("#mr-ata"))
        area = app.screen.query_one("#mr-ata", TextArea)
        resultado = await _serie(app, list(_letras(area)), PAUSA_DIGITACAO)
        await asyncio.sleep(2.0)  # the minutes get saved
        return (*resultado, await _cpu_ocioso())


class AppTexto(App[None]):
    """A bare app: one TextArea, focused."""

    def compose(self) -> ComposeResult:
        yield TextArea(id="texto")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


async def minima_texto():
    app = AppTexto()
    async with app.run_test(size=TAMANHO) as pilot:
        await pilot.pause(0.3)
        area = app.query_one(TextArea)
        resultado = await _serie(app, list(_letras(area)), PAUSA_DIGITACAO)
        await asyncio.sleep(2.0)
        return (*resultado, await _cpu_ocioso())


async def _cpu_ocioso() -> float:
    """CPU seconds used per second while nothing is pressed."""
    cpu = time.process_time()
    await asyncio.sleep(OCIOSO)
    return (time.process_time() - cpu) / OCIOSO


def ms(segundos: float) -> str:
    """'12,3 ms'."""
    return f"{num(segundos * 1000, 1)} ms"


def preparar(caminho: Path):
    ws = criar_rede_grande(caminho)
    ws.criar_reuniao(Reuniao("ampliada", 1, HOJE, hora=hora(9, 0)))
    linhas = linhas_equivalentes(ws)
    ws.fechar()
    return linhas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rodadas", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    med = {k: [] for k in ("pc", "mc", "pcc", "mcc", "pt", "mt", "ptc", "mtc", "po", "mo")}
    with tempfile.TemporaryDirectory() as pasta:
        caminho = Path(pasta) / "grande.db"
        linhas = preparar(caminho)
        for _ in range(args.rodadas):  # alternate so that noise hits both alike
            lat, cpu = asyncio.run(minima_cursor(linhas))
            med["mc"] += lat
            med["mcc"] += cpu
            lat, cpu = asyncio.run(pacto_cursor(caminho))
            med["pc"] += lat
            med["pcc"] += cpu
            lat, cpu, ocioso = asyncio.run(minima_texto())
            med["mt"] += lat
            med["mtc"] += cpu
            med["mo"].append(ocioso)
            lat, cpu, ocioso = asyncio.run(pacto_reuniao(caminho))
            med["pt"] += lat
            med["ptc"] += cpu
            med["po"].append(ocioso)
    m = {k: statistics.median(v) for k, v in med.items()}
    cursor, digitacao = m["pc"] / m["mc"], m["pt"] / m["mt"]
    relogio_ms = max(0.0, m["po"] - m["mo"]) * 1000 / 4  # four pulses per second
    linhas_json = [
        {
            "medida": "TUI, uma linha abaixo em Rede › Atores, 2.000 instituições, tecla até o "
            "quadro (`bench/bench_tui_teclas.py`)",
            "referencia": f"DataTable puro com as mesmas linhas: {ms(m['mc'])}",
            "resultado": f"{ms(m['pc'])} — {cursor:.2f}×".replace(".", ",")
            + f" (CPU por tecla: {m['pcc'] / m['mcc']:.1f}×)".replace(".", ","),
            "alvo": "≤ 1,5×",
            "ok": cursor <= ALVO,
        },
        {
            "medida": "TUI, digitar a ata no modo reunião, 2.000 instituições, tecla até o "
            "quadro (`bench/bench_tui_teclas.py`)",
            "referencia": f"app com um TextArea puro: {ms(m['mt'])}",
            "resultado": f"{ms(m['pt'])} — {digitacao:.2f}×".replace(".", ","),
            "alvo": "≤ 1,5×",
            "ok": digitacao <= ALVO,
        },
        {
            "medida": "TUI, relógio do modo reunião parado na tela, CPU por pulso de 250 ms "
            "(`bench/bench_tui_teclas.py`)",
            "referencia": f"app com um TextArea puro, ocioso: {m['mo'] * 100:.1f}% de CPU".replace(
                ".", ","
            ),
            "resultado": f"{relogio_ms:.1f} ms por pulso".replace(".", ","),
            "alvo": "—",
        },
    ]
    if args.json:
        print(json.dumps(linhas_json, ensure_ascii=False))
        return
    for linha in linhas_json:
        marca = "" if linha.get("ok", True) else "  ACIMA DO ALVO"
        print(f"{linha['medida']}\n  {linha['referencia']}\n  {linha['resultado']}{marca}")


if __name__ == "__main__":
    main()
