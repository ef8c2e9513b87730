"""Run every benchmark of `bench/` and print one table of the latest figures, as in the README.

Each `bench_*.py` runs in its own process; the ones that accept `--json` print their rows
(medida, referência, resultado, alvo) and go into the table, the others have their output
shown below the table as is.

    .venv/bin/python bench/run_all.py [bench_tui bench_cli_help …]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

PASTA = Path(__file__).resolve().parent


def scripts(nomes: list[str]) -> list[Path]:
    """The benchmark scripts to run: the ones named, or all of them."""
    todos = sorted(PASTA.glob("bench_*.py"))
    if not nomes:
        return todos
    return [p for p in todos if p.stem in nomes or p.name in nomes]


def rodar(script: Path) -> tuple[list[dict], str, float]:
    """Run one script; its table rows (if it speaks JSON), its raw output and the seconds taken."""
    fala_json = "--json" in script.read_text(encoding="utf-8")
    inicio = time.perf_counter()
    resultado = subprocess.run(
        [sys.executable, str(script), *(["--json"] if fala_json else [])],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    segundos = time.perf_counter() - inicio
    saida = resultado.stdout.strip()
    if resultado.returncode != 0:
        return [], f"{script.name} falhou:\n{resultado.stderr.strip()[-2000:]}", segundos
    try:
        linhas = json.loads(saida.splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return [], f"{script.name}:\n{saida}", segundos
    return linhas, "", segundos


def tabela(linhas: list[dict]) -> str:
    """The rows as the README's Markdown table."""
    saida = ["| medida | referência | resultado | alvo |", "| --- | --- | --- | --- |"]
    for linha in linhas:
        marca = "" if linha.get("ok", True) else " ✘"
        resultado = f"**{linha['resultado']}**{marca}"
        saida.append(
            f"| {linha['medida']} | {linha['referencia']} | {resultado} | {linha['alvo']} |"
        )
    return "\n".join(saida)


def main(nomes: list[str]) -> int:
    todas, outras = [], []
    for script in scripts(nomes):
        print(f"… {script.name}", file=sys.stderr, flush=True)
        linhas, texto, segundos = rodar(script)
        print(f"  {script.name}: {segundos:.0f} s", file=sys.stderr, flush=True)
        todas += linhas
        if texto:
            outras.append(texto)
    print(tabela(todas))
    for texto in outras:
        print(f"\n{texto}")
    return 0 if all(linha.get("ok", True) for linha in todas) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
