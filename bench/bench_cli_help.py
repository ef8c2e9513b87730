"""Time `pacto --help`, `pacto status` and `pacto status --json` against `python -c "import click"`.

`pacto status` keeps its result in the workspace until something changes (`pacto.store.cache`),
so it is timed twice: as a script polling it sees it (kept result), and right after a change
(the kept result dropped before each round, outside the timing), the full computation.

All four commands run in the same process tree, alternating round by round so that noise
from other work on the machine hits them alike; figures are medians and ratios to the
`import click` baseline. `pacto status` runs on the demo network, built once in a temporary
folder. Bytecode caches are allowed (PYTHONDONTWRITEBYTECODE is dropped for the children)
and warmed first, as on a user's machine, so neither side pays for compiling its sources.

    .venv/bin/python bench/bench_cli_help.py [RODADAS]
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

RODADAS = 15
ALVO = 1.5


def ambiente() -> dict[str, str]:
    """The children's environment: bytecode caches on, no colours, a fixed user."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", PACTO_USUARIO="bench")
    return env


def esquecer_status(caminho: Path) -> None:
    """Drop the kept status, as any change to the workspace would make it stale."""
    import sqlite3

    conexao = sqlite3.connect(caminho)
    with conexao:
        conexao.execute("DELETE FROM _cache")
    conexao.close()


def cronometrar(argumentos: list[str], env: dict[str, str], antes=None) -> float:
    """Wall time of one run of a command, in seconds (`antes` runs first, untimed)."""
    if antes:
        antes()
    inicio = time.perf_counter()
    subprocess.run(argumentos, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - inicio


def criar_demo(pasta: Path) -> Path:
    """The demo workspace, built by the real CLI."""
    caminho = pasta / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(caminho), "demo", "--sem-tui"],
        check=True,
        stdout=subprocess.DEVNULL,
        env=ambiente(),
    )
    return caminho


def medir(rodadas: int = RODADAS) -> dict[str, dict[str, float]]:
    """Median wall time of each command and its ratio to `import click`."""
    env = ambiente()
    with tempfile.TemporaryDirectory() as temporaria:
        demo = criar_demo(Path(temporaria))
        pacto = [sys.executable, "-m", "pacto", "--db", str(demo)]
        comandos = {
            "import click": [sys.executable, "-c", "import click"],
            "pacto --help": [*pacto, "--help"],
            "pacto status": [*pacto, "status"],
            "pacto status --json": [*pacto, "status", "--json"],
            "pacto status, logo após uma alteração": [*pacto, "status"],
        }
        preparos = {"pacto status, logo após uma alteração": lambda: esquecer_status(demo)}
        for comando in comandos.values():  # warm the file cache and write bytecode caches
            cronometrar(comando, env)
            cronometrar(comando, env)
        tempos: dict[str, list[float]] = {nome: [] for nome in comandos}
        for _ in range(rodadas):
            for nome, comando in comandos.items():
                tempos[nome].append(cronometrar(comando, env, preparos.get(nome)))
    base = statistics.median(tempos["import click"])
    return {
        nome: {"ms": statistics.median(lista) * 1000, "razao": statistics.median(lista) / base}
        for nome, lista in tempos.items()
    }


def linhas(r: dict[str, dict[str, float]]) -> list[dict[str, str]]:
    """Rows of the README table: medida, referência, resultado, alvo."""
    from formato import num

    base = r["import click"]["ms"]
    return [
        {
            "medida": _medida(nome),
            "referencia": f'`python -c "import click"`: {num(base)} ms',
            "resultado": f"{num(valores['ms'])} ms — {num(valores['razao'], 2)}×",
            "alvo": "—" if "após" in nome else f"≤ {num(ALVO, 1)}×",
            "ok": "após" in nome or valores["razao"] <= ALVO,
        }
        for nome, valores in r.items()
        if nome != "import click"
    ]


def _medida(nome: str) -> str:
    """The table's label of one command."""
    if "após" in nome:
        return "`pacto status` logo após uma alteração, recalculado (`bench/bench_cli_help.py`)"
    demo = " (rede de demonstração)" if "status" in nome else ""
    return f"`{nome}`{demo} (`bench/bench_cli_help.py`)"


if __name__ == "__main__":
    argumentos = [a for a in sys.argv[1:] if a != "--json"]
    r = medir(int(argumentos[0]) if argumentos else RODADAS)
    if "--json" in sys.argv:
        print(json.dumps(linhas(r), ensure_ascii=False))
        sys.exit(0)
    print(f"import click: {r['import click']['ms']:.0f} ms")
    for nome, valores in r.items():
        if nome != "import click":
            situacao = (
                "informativo"
                if "após" in nome
                else "OK"
                if valores["razao"] <= ALVO
                else "ACIMA DO ALVO"
            )
            print(
                f"{nome}: {valores['ms']:.0f} ms · razão {valores['razao']:.2f} "
                f"(alvo ≤ {ALVO}) {situacao}"
            )
