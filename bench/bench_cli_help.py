"""Time `pacto --help` against `python -c "import click"` in the same run; report the ratio."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RODADAS = 15
ALVO = 1.5


def cronometrar(argumentos: list[str]) -> float:
    """Wall time of one run of a command, in seconds."""
    inicio = time.perf_counter()
    subprocess.run(argumentos, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - inicio


def medir(rodadas: int = RODADAS) -> dict[str, float]:
    """Median wall times, alternating the two commands so noise hits both alike."""
    base_cmd = [sys.executable, "-c", "import click"]
    pacto_cmd = [sys.executable, "-m", "pacto", "--help"]
    for comando in (base_cmd, pacto_cmd):  # warm the file cache
        cronometrar(comando)
    base, pacto = [], []
    for _ in range(rodadas):
        base.append(cronometrar(base_cmd))
        pacto.append(cronometrar(pacto_cmd))
    return {
        "base_ms": statistics.median(base) * 1000,
        "pacto_ms": statistics.median(pacto) * 1000,
        "razao": statistics.median(pacto) / statistics.median(base),
    }


if __name__ == "__main__":
    r = medir()
    situacao = "OK" if r["razao"] <= ALVO else "ACIMA DO ALVO"
    print(
        f"import click: {r['base_ms']:.0f} ms · pacto --help: {r['pacto_ms']:.0f} ms · "
        f"razão {r['razao']:.2f} (alvo ≤ {ALVO}) {situacao}"
    )
