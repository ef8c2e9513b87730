"""Time importing a 5,000-row actor spreadsheet against plain openpyxl reading the same file.

The baseline is the fastest plain read (read-only workbook, values only); the import is the
whole `pacto atores importar` path: read, find the header, map, validate, plan and write in
one transaction into a fresh workspace. Figures are medians of alternating rounds, in wall
time and in CPU time of this process (steadier when other work shares the machine).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

LINHAS = 5_000
RODADAS = 5
ALVO = 2.0
ETAPAS = ("Denúncia", "Resgate", "Pós-Resgate; Atendimento", "D R", "Enfrentamento")


def criar_planilha(caminho: Path, linhas: int = LINHAS) -> Path:
    """A realistic list: a merged title row, a blank row, 14 columns, duties and focal points."""
    from openpyxl import Workbook

    livro = Workbook()
    folha = livro.active
    folha.title = "Atores"
    folha["A1"] = "Mapeamento dos atores da rede estadual"
    folha.merge_cells("A1:N1")
    folha.append([])
    folha.append([
        "Instituição", "Sigla", "Etapas", "Atribuições", "Telefone", "E-mail", "Site",
        "Endereço", "Esfera", "Ponto focal", "Cargo", "Telefone do ponto focal",
        "E-mail do ponto focal", "Observações",
    ])  # fmt: skip
    for n in range(linhas):
        folha.append([
            f"Instituição de teste número {n}", f"INST-{n}", ETAPAS[n % len(ETAPAS)],
            "Recebe a demanda, registra e encaminha ao NETP em até 24 horas.",
            f"(95) 3621-{n % 10_000:04d}", f"contato{n}@exemplo.gov.br",
            "https://exemplo.gov.br", f"Rua {n}, Centro, Boa Vista/RR", "Estadual",
            f"Pessoa {n}", "Coordenadora", "(95) 99999-0000", f"pessoa{n}@exemplo.gov.br", "",
        ])  # fmt: skip
    livro.save(caminho)
    return caminho


def ler_openpyxl(caminho: Path) -> int:
    """Plain openpyxl: every value of the sheet, read-only."""
    from openpyxl import load_workbook

    livro = load_workbook(caminho, read_only=True, data_only=True)
    try:
        return sum(1 for _ in livro.active.iter_rows(values_only=True))
    finally:
        livro.close()


def ler_openpyxl_completo(caminho: Path) -> int:
    """openpyxl loading the whole workbook (what reading merged cells normally costs)."""
    from openpyxl import load_workbook

    livro = load_workbook(caminho, data_only=True)
    return sum(1 for _ in livro.active.iter_rows(values_only=True))


def importar(caminho: Path, pasta: Path, rodada: int) -> tuple[float, float, float, int]:
    """Seconds to plan, to plan and write (wall and CPU), and institutions created."""
    from pacto.domain.models import Rede
    from pacto.services.planilhas import aplicar_plano, planejar_importacao
    from pacto.store import Workspace

    with Workspace.criar(pasta / f"bench-{rodada}.db", Rede("Rede de teste", "RR")) as ws:
        rc = ws.carregar()
        inicio, inicio_cpu = time.perf_counter(), time.process_time()
        plano = planejar_importacao(caminho, rc)
        planejado = time.perf_counter()
        aplicar_plano(ws, plano)
        fim, fim_cpu = time.perf_counter(), time.process_time()
        assert not plano.rejeitadas, plano.rejeitadas[:3]
        return planejado - inicio, fim - inicio, fim_cpu - inicio_cpu, len(plano.criar)


def medir(rodadas: int = RODADAS) -> dict[str, float]:
    """Median figures over alternating rounds."""
    with tempfile.TemporaryDirectory() as temporaria:
        pasta = Path(temporaria)
        caminho = criar_planilha(pasta / "atores.xlsx")
        ler_openpyxl(caminho)  # warm caches and imports
        importar(caminho, pasta, -1)
        base, base_cpu, completo, plano, total, total_cpu = [], [], [], [], [], []
        for rodada in range(rodadas):
            inicio, inicio_cpu = time.perf_counter(), time.process_time()
            ler_openpyxl(caminho)
            base.append(time.perf_counter() - inicio)
            base_cpu.append(time.process_time() - inicio_cpu)
            so_plano, com_gravacao, cpu, criadas = importar(caminho, pasta, rodada)
            assert criadas == LINHAS
            plano.append(so_plano)
            total.append(com_gravacao)
            total_cpu.append(cpu)
            inicio = time.perf_counter()
            ler_openpyxl_completo(caminho)
            completo.append(time.perf_counter() - inicio)
    return {
        "openpyxl_ms": statistics.median(base) * 1000,
        "openpyxl_completo_ms": statistics.median(completo) * 1000,
        "planejar_ms": statistics.median(plano) * 1000,
        "importar_ms": statistics.median(total) * 1000,
        "razao": statistics.median(total) / statistics.median(base),
        "razao_cpu": statistics.median(total_cpu) / statistics.median(base_cpu),
    }


def linhas(r: dict[str, float]) -> list[dict[str, object]]:
    from formato import num

    """Rows of the README table: medida, referência, resultado, alvo."""
    return [
        {
            "medida": "importar planilha de 5.000 linhas, com gravação (`bench/bench_importar.py`)",
            "referencia": f"openpyxl só lendo o mesmo .xlsx: {num(r['openpyxl_ms'])} ms",
            "resultado": f"{num(r['importar_ms'])} ms — {num(r['razao'], 2)}× "
            f"(tempo de CPU: {num(r['razao_cpu'], 2)}×)",
            "alvo": f"≤ {num(ALVO, 1)}×",
            "ok": r["razao"] <= ALVO,
        }
    ]


if __name__ == "__main__":
    argumentos = [a for a in sys.argv[1:] if a != "--json"]
    r = medir(int(argumentos[0]) if argumentos else RODADAS)
    if "--json" in sys.argv:
        import json

        print(json.dumps(linhas(r), ensure_ascii=False))
        sys.exit(0)
    situacao = "OK" if r["razao"] <= ALVO else "ACIMA DO ALVO"
    print(
        f"{LINHAS} linhas · openpyxl (somente leitura): {r['openpyxl_ms']:.0f} ms · "
        f"openpyxl (pasta completa): {r['openpyxl_completo_ms']:.0f} ms\n"
        f"pacto: prévia {r['planejar_ms']:.0f} ms · importação com gravação "
        f"{r['importar_ms']:.0f} ms · razão {r['razao']:.2f} (tempo de CPU: {r['razao_cpu']:.2f}; "
        f"alvo ≤ {ALVO}) {situacao}"
    )
