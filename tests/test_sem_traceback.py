"""The attacks that once ended in a traceback, each through the real CLI: huge integers, years 0
and 9999, meetings in 1900, an act numbered -12, a NETP count of 10**30, a correction typed as
a formula with no saved value, and `ulimit -f` during an export. Each is now a Portuguese
message, exit 1 or 2, and nothing written.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pacto.cli import pacto
from pacto.domain.calendario import checar_faixa, ler_data
from pacto.domain.errors import ErroValidacao
from pacto.domain.redacao import validar_numero_ato

from .conftest import HOJE

ENORME = "9" * 30


def _rodar(caminho, *argumentos):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), *argumentos])
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit), repr(
        resultado.exception
    )
    assert "Traceback" not in resultado.output
    return resultado


@pytest.mark.parametrize(
    "argumentos, trecho",
    [
        (["versao", "diff", ENORME, "1"], "não existe"),
        (["reuniao", "mostrar", ENORME], "grande demais"),
        (["reuniao", "criar", "--tipo", "gt", "--data", "10/12/2026", "--numero", ENORME], ""),
        (["checklist", "mostrar", "--mes", "0000-01"], "fora do intervalo"),
        (["mensal", "preparar", "--mes", "9999-12"], "fora do intervalo"),
        (["indicadores", "listar", "--mes", "0000-12"], "fora do intervalo"),
        (["reuniao", "criar", "--tipo", "gt", "--data", "31/12/9999"], "fora do intervalo"),
        (["reuniao", "criar", "--tipo", "gt", "--data", "01/01/0001"], "fora do intervalo"),
        (["reuniao", "criar", "--tipo", "gt", "--data", "01/01/1900"], "01/01/1996 a"),
        (["adesao", "registrar", "PF-RR", "--situacao", "convidada", "--data", "1/1/9999"], ""),
        (["gerar", "portaria", "--numero", "-12"], "Número do ato inválido"),
        (["gerar", "portaria", "--numero", "0"], "Número do ato inválido"),
    ],
)
def test_edges_answer_in_portuguese(caminho_demo, argumentos, trecho):
    antes = caminho_demo.read_bytes()
    resultado = _rodar(caminho_demo, *argumentos)
    assert resultado.exit_code in (1, 2), resultado.output
    assert "Erro" in resultado.output and trecho in resultado.output, resultado.output
    assert caminho_demo.read_bytes() == antes


def test_date_range_is_relative_to_today():
    assert checar_faixa(date(2026, 12, 10), hoje=HOJE) == date(2026, 12, 10)
    with pytest.raises(ErroValidacao, match="01/01/1996 a 31/12/2036"):
        checar_faixa(date(1900, 1, 1), hoje=HOJE)
    with pytest.raises(ErroValidacao, match="Data inválida"):
        ler_data("00/00/0000")
    assert validar_numero_ato("12/2026") == "12/2026" and validar_numero_ato(" 045-A ") == "045-A"
    for ruim in ("-12", "0", "00", "doze", "1" * 12):
        with pytest.raises(ErroValidacao):
            validar_numero_ato(ruim)


@pytest.mark.parametrize("data", ["9999-12-31", "0001-01-01"])
def test_invitation_of_a_meeting_stored_far_off_is_refused(caminho_demo, data, tmp_path):
    conexao = sqlite3.connect(caminho_demo)
    with conexao:
        cursor = conexao.execute(
            "INSERT INTO reunioes (tipo, numero, data, hora) VALUES ('gt', 90, ?, '14:00')", [data]
        )
    conexao.close()
    for extra in ([], ["--serie", "3"]):
        resultado = _rodar(
            caminho_demo, "reuniao", "convite", str(cursor.lastrowid), "--saida",
            str(tmp_path / "c.ics"), *extra,
        )  # fmt: skip
        assert resultado.exit_code == 1, resultado.output
        assert "fora do intervalo aceito" in resultado.output
    assert not (tmp_path / "c.ics").exists()
    aviso = _rodar(caminho_demo, "status").stderr
    assert "(reunioes), linha" in aviso and "campo “data”" in aviso


def test_netp_count_of_ten_to_the_thirty_is_refused(ws_demo, caminho_demo, tmp_path):
    from pacto.services.netp_planilhas import gerar_formulario

    arquivo = gerar_formulario(ws_demo, "2026-11", tmp_path / "form.xlsx")
    livro = load_workbook(arquivo)
    entrada = next(
        linha[1] for linha in livro["pacto"].iter_rows(values_only=True) if linha[0] == "entrada"
    )
    livro["Formulário"]["B3"] = "HGR"
    livro["Formulário"][entrada] = 10**30
    livro.save(arquivo)
    resultado = _rodar(caminho_demo, "netp", "importar", str(arquivo))
    assert resultado.exit_code == 1, resultado.output
    assert f"Célula {entrada}: número grande demais" in resultado.output
    assert ws_demo.envios_netp() == []


def test_correction_typed_as_a_formula_without_value_is_reported(ws_demo, caminho_demo, tmp_path):
    from pacto.services.ficha import gerar_fichas

    (arquivo,) = gerar_fichas(ws_demo.carregar(), tmp_path, ["PRF-RR"], HOJE)
    livro = load_workbook(arquivo)
    aba = livro["Ficha"]
    linha = next(linha for linha in aba.iter_rows(min_row=8) if linha[0].value)
    linha[4].value = '="Novo telefone " & "3621-0000"'  # openpyxl saves no computed value
    livro.save(arquivo)
    antes = len(ws_demo.carregar().sugestoes)
    resultado = _rodar(caminho_demo, "ficha", "importar", str(arquivo))
    assert resultado.exit_code == 1, resultado.output
    assert f"fórmula sem valor calculado (célula E{linha[4].row})" in resultado.output
    assert len(ws_demo.carregar().sugestoes) == antes


@pytest.mark.parametrize("nome", ["atores.xlsx", "atores.csv"])
def test_file_size_limit_during_export_is_a_message(caminho_demo, tmp_path, nome):
    def limitar():
        resource.setrlimit(resource.RLIMIT_FSIZE, (33 * 1024, 33 * 1024))

    saida = subprocess.run(
        [sys.executable, "-m", "pacto", "--db", str(caminho_demo), "atores", "exportar", nome],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=limitar,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert saida.returncode == 1, saida.stdout + saida.stderr
    assert "Traceback" not in saida.stderr and "Exception ignored" not in saida.stderr
    assert "tamanho máximo permitido" in saida.stderr, saida.stderr
    assert not (tmp_path / nome).exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_meeting_number_is_bounded(caminho_demo):
    resultado = _rodar(
        caminho_demo, "reuniao", "criar", "--tipo", "gt", "--data", "10/12/2026", "--numero",
        str(10**15),
    )  # fmt: skip
    assert resultado.exit_code == 1 and "entre 1 e 9999" in resultado.output, resultado.output


def test_a_reader_that_leaves_early_gets_no_error_message(caminho_demo):
    """`pacto status | head -1`: the pipe closes before pacto writes; nothing is printed on
    stderr (no “não foi possível usar … EPIPE”), no traceback, a plain failure code."""
    import subprocess
    import sys

    processo = subprocess.Popen(
        [sys.executable, "-m", "pacto", "--db", str(caminho_demo), "status"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    processo.stdout.close()  # the reader is gone before pacto has even started
    erro = processo.stderr.read().decode()
    assert processo.wait(timeout=60) == 1
    assert erro == ""
