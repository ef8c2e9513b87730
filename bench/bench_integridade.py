"""Time SQLite's two damage checks on a workspace of about 20 MB, per 10 MB of file.

`quick_check` runs on every opening (every CLI command); the full `integrity_check`, which
also compares each index with its table, runs when the interface starts and before backups,
restores and migrations. The workspace is the demo network plus a long change history (the
table that grows with use). Figures are medians of alternating rounds on a fresh read-only
connection each time (the file is in the OS cache, as it is right after a save).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from formato import num  # noqa: E402

ALVO_MB = 20
RODADAS = 5


def criar_workspace(caminho: Path, megabytes: int = ALVO_MB) -> int:
    """The demo workspace grown to about `megabytes` with history rows; returns its size."""
    from pacto.services.demo import criar_demo

    criar_demo(caminho).fechar()
    conexao = sqlite3.connect(caminho)
    depois = json.dumps({"nome": "Instituição de teste " + "x" * 300, "sigla": "TESTE"})
    lote = [
        ("2025-01-01T10:00:00", "bench", "instituicoes", "alteracao", n % 500, depois, depois)
        for n in range(5_000)
    ]
    while os.path.getsize(caminho) < megabytes * 1_000_000:
        conexao.executemany(
            "INSERT INTO historico (quando, usuario, tabela, operacao, registro, antes, depois)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            lote,
        )
        conexao.commit()
        conexao.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conexao.close()
    return os.path.getsize(caminho)


def medir(caminho: Path, pragma: str) -> float:
    """Seconds one check takes on a fresh read-only connection."""
    conexao = sqlite3.connect(f"file:{caminho}?mode=ro", uri=True)
    inicio = time.perf_counter()
    resultado = conexao.execute(f"PRAGMA {pragma}").fetchall()
    segundos = time.perf_counter() - inicio
    conexao.close()
    assert resultado == [("ok",)], resultado
    return segundos


def main() -> None:
    with tempfile.TemporaryDirectory() as pasta:
        caminho = Path(pasta) / "grande.db"
        tamanho = criar_workspace(caminho)
        tempos: dict[str, list[float]] = {"quick_check": [], "integrity_check": []}
        medir(caminho, "quick_check")  # warm the OS cache
        for _ in range(RODADAS):
            for pragma in tempos:
                tempos[pragma].append(medir(caminho, pragma))
    por_10mb = {p: statistics.median(t) * 1000 * 10_000_000 / tamanho for p, t in tempos.items()}
    mb = num(tamanho / 1_000_000, 1)
    linhas = [
        {
            "medida": f"verificação rápida (`quick_check`), a cada abertura "
            f"(`bench/bench_integridade.py`, workspace de {mb} MB)",
            "referencia": "—",
            "resultado": f"{num(por_10mb['quick_check'])} ms por 10 MB",
            "alvo": "—",
        },
        {
            "medida": "verificação completa (`integrity_check`): início da interface, backup, "
            "restauração, migração (`bench/bench_integridade.py`)",
            "referencia": f"`quick_check`: {num(por_10mb['quick_check'])} ms por 10 MB",
            "resultado": f"{num(por_10mb['integrity_check'])} ms por 10 MB — "
            f"{num(por_10mb['integrity_check'] / por_10mb['quick_check'], 2)}×",
            "alvo": "—",
        },
    ]
    if "--json" in sys.argv:
        print(json.dumps(linhas, ensure_ascii=False))
    else:
        for linha in linhas:
            print(f"{linha['medida']}: {linha['resultado']} ({linha['referencia']})")


if __name__ == "__main__":
    main()
