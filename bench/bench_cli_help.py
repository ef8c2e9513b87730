"""Time `pacto --help`, `pacto status` and `pacto status --json` against `python -c "import click"`.

`pacto status` keeps its result in the workspace until something changes (`pacto.store.cache`),
and a CLI command that changes the workspace recomputes it before it ends. So status is timed
three ways, each round on the state a real command left:

- right after a change made by the CLI (`pacto atores editar … --telefone …`, untimed): what a
  script sees when it runs `pacto status` after changing the network — target ≤ 1.5×;
- right after a change made by another writer (the TUI, the web form, another program), which
  leaves the kept result stale: the full computation. The change is the same CLI command with
  the refresh switched off, so it leaves the workspace exactly as such a writer would;
- then, with nothing changed, plain and `--json`: what a script polling it sees.

The writing command is timed too, with and without the refresh (both through the same
`python -c` launcher, so only the refresh differs), and the refresh itself is timed inside it:
what a change pays so that the next status is quick.

All commands run in the same process tree, alternating round by round so that noise from other
work on the machine hits them alike; figures are medians and ratios to the `import click`
baseline. The commands run on the demo network, built once in a temporary folder. Bytecode
caches are allowed (PYTHONDONTWRITEBYTECODE is dropped for the children) and warmed first, as on
a user's machine, so neither side pays for compiling its sources.

    .venv/bin/python bench/bench_cli_help.py [RODADAS]
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RODADAS = 25
ALVO = 1.5


def ambiente() -> dict[str, str]:
    """The children's environment: bytecode caches on, no colours, a fixed user."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", PACTO_USUARIO="bench")
    return env


def cronometrar(
    argumentos: list[str], env: dict[str, str], relatos: list[str] | None = None
) -> float:
    """Wall time of one run of a command, in seconds (what it said on stderr goes to `relatos`)."""
    inicio = time.perf_counter()
    feito = subprocess.run(
        argumentos, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    segundos = time.perf_counter() - inicio
    if relatos is not None:
        relatos.append(feito.stderr.decode("utf-8", "replace"))
    return segundos


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


# The same launcher for both writes: the first times the refresh inside the command (on stderr),
# the second switches it off, as another writer (the TUI, the web form) leaves the kept status.
_GRAVAR = "import sys, time\nfrom pacto.cli import Contexto, main\n{antes}sys.argv = ['pacto', *sys.argv[1:]]\nmain()\n"
COM_RENOVACAO = _GRAVAR.format(
    antes="renovar = Contexto.renovar_status\n"
    "def medido(self):\n"
    "    inicio = time.perf_counter()\n"
    "    renovar(self)\n"
    "    print(f'renovar_ms={(time.perf_counter() - inicio) * 1000}', file=sys.stderr)\n"
    "Contexto.renovar_status = medido\n"
)
SEM_RENOVACAO = _GRAVAR.format(antes="Contexto.renovar_status = lambda self: None\n")

APOS_CLI = "pacto status, logo após uma alteração pela CLI"
APOS_OUTRO = "pacto status, logo após uma alteração por outro programa"
GRAVAR = "pacto atores editar (renova o status)"
GRAVAR_SEM = "pacto atores editar, sem renovar o status"
COM_ALVO = ("pacto --help", "pacto status", "pacto status --json", APOS_CLI)
ORDEM_DA_TABELA = (*COM_ALVO, APOS_OUTRO, GRAVAR)


def medir(rodadas: int = RODADAS) -> dict[str, dict[str, float]]:
    """Median wall time of each command and its ratio to `import click`."""
    env = ambiente()
    telefones = itertools.cycle(f"(95) 3621-{n:04d}" for n in range(10_000))
    with tempfile.TemporaryDirectory() as temporaria:
        demo = criar_demo(Path(temporaria))
        pacto = [sys.executable, "-m", "pacto", "--db", str(demo)]

        def editar(programa: str) -> list[str]:
            return [sys.executable, "-c", programa, "--db", str(demo), "atores", "editar"]

        # in each round's order: every status row is timed on the state the command before left
        comandos = {
            "import click": lambda: [sys.executable, "-c", "import click"],
            "pacto --help": lambda: [*pacto, "--help"],
            GRAVAR_SEM: lambda: [*editar(SEM_RENOVACAO), "MPRR", "--telefone", next(telefones)],
            APOS_OUTRO: lambda: [*pacto, "status"],
            "pacto status": lambda: [*pacto, "status"],
            "pacto status --json": lambda: [*pacto, "status", "--json"],
            GRAVAR: lambda: [*editar(COM_RENOVACAO), "MPRR", "--telefone", next(telefones)],
            APOS_CLI: lambda: [*pacto, "status"],
        }
        for _ in range(2):  # warm the file cache and write bytecode caches
            for comando in comandos.values():
                cronometrar(comando(), env)
        tempos: dict[str, list[float]] = {nome: [] for nome in comandos}
        relatos: list[str] = []
        for _ in range(rodadas):
            for nome, comando in comandos.items():
                tempos[nome].append(
                    cronometrar(comando(), env, relatos if nome == GRAVAR else None)
                )
    base = statistics.median(tempos["import click"])
    r = {
        nome: {"ms": statistics.median(lista) * 1000, "razao": statistics.median(lista) / base}
        for nome, lista in tempos.items()
    }
    renovacoes = [
        float(linha.split("=", 1)[1])
        for relato in relatos
        for linha in relato.splitlines()
        if linha.startswith("renovar_ms=")
    ]
    if len(renovacoes) != rodadas:
        raise SystemExit(f"a gravação renovou o status {len(renovacoes)} de {rodadas} vezes")
    r[GRAVAR]["custo_ms"] = statistics.median(renovacoes)
    return r


def linhas(r: dict[str, dict[str, float]]) -> list[dict[str, str]]:
    """Rows of the README table: medida, referência, resultado, alvo."""
    from formato import num

    base = r["import click"]["ms"]
    saida = []
    for nome in ORDEM_DA_TABELA:
        valores = r[nome]
        resultado = f"{num(valores['ms'])} ms — {num(valores['razao'], 2)}×"
        if nome == GRAVAR:
            resultado += (
                f" (renovar o status: {num(valores['custo_ms'])} ms dentro do comando; o mesmo "
                f"comando sem renovar: {num(r[GRAVAR_SEM]['ms'])} ms — "
                f"{num(r[GRAVAR_SEM]['razao'], 2)}×)"
            )
        saida.append(
            {
                "medida": _medida(nome),
                "referencia": f'`python -c "import click"`: {num(base)} ms',
                "resultado": resultado,
                "alvo": f"≤ {num(ALVO, 1)}×" if nome in COM_ALVO else "—",
                "ok": nome not in COM_ALVO or valores["razao"] <= ALVO,
            }
        )
    return saida


def _medida(nome: str) -> str:
    """The table's label of one command."""
    fonte = "(`bench/bench_cli_help.py`)"
    if nome == APOS_CLI:
        return (
            "`pacto status` logo após uma alteração feita pela CLI (`pacto atores editar`), "
            f"rede de demonstração {fonte}"
        )
    if nome == APOS_OUTRO:
        return (
            "`pacto status` logo após uma alteração feita por outro programa (que não "
            f"renova o status guardado): recalculado {fonte}"
        )
    if nome == GRAVAR:
        return f"`pacto atores editar … --telefone …`, que renova o status guardado {fonte}"
    demo = ", rede de demonstração" if "status" in nome else ""
    return f"`{nome}`{demo} {fonte}"


if __name__ == "__main__":
    argumentos = [a for a in sys.argv[1:] if a != "--json"]
    r = medir(int(argumentos[0]) if argumentos else RODADAS)
    if "--json" in sys.argv:
        print(json.dumps(linhas(r), ensure_ascii=False))
        sys.exit(0)
    print(f"import click: {r['import click']['ms']:.0f} ms")
    for nome in (*ORDEM_DA_TABELA, GRAVAR_SEM):
        valores = r[nome]
        situacao = (
            ("OK" if valores["razao"] <= ALVO else "ACIMA DO ALVO")
            if nome in COM_ALVO
            else "informativo"
        )
        alvo = f"(alvo ≤ {ALVO}) " if nome in COM_ALVO else ""
        print(f"{nome}: {valores['ms']:.0f} ms · razão {valores['razao']:.2f} {alvo}{situacao}")
    print(f"renovar o status, dentro do comando que grava: {r[GRAVAR]['custo_ms']:.1f} ms")
