"""Dates for meetings: national holidays, monthly series, typed dates and dates in words."""

from datetime import date, time

import pytest

from pacto.domain.calendario import (
    alerta_de_data,
    cardinal,
    data_por_extenso,
    dia_util_anterior,
    feriados_nacionais,
    fuso_da_uf,
    hora_por_extenso,
    ler_data,
    ler_hora,
    ocorrencias_mensais,
    pascoa,
    regra_mensal,
)
from pacto.domain.errors import ErroValidacao


@pytest.mark.parametrize(
    ("ano", "dia"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25))],
)  # fmt: skip
def test_easter(ano, dia):
    assert pascoa(ano) == dia


def test_national_holidays_of_2026():
    feriados = feriados_nacionais(2026)
    assert feriados[date(2026, 4, 3)] == "Sexta-feira Santa"  # the `holidays` library's name
    assert feriados[date(2026, 11, 20)] == "Dia Nacional de Zumbi e da Consciência Negra"
    assert feriados[date(2026, 10, 12)] == "Nossa Senhora Aparecida"
    fixos = {(d.month, d.day) for d in feriados}
    assert {(1, 1), (4, 21), (5, 1), (9, 7), (11, 2), (11, 15), (12, 25)} <= fixos
    assert len(feriados) == 10


def test_consciencia_negra_is_national_only_from_2024():
    assert date(2023, 11, 20) not in feriados_nacionais(2023)
    assert date(2024, 11, 20) in feriados_nacionais(2024)


def test_alert_names_holiday_optional_day_off_and_weekend():
    assert "feriado nacional: Tiradentes" in alerta_de_data(date(2026, 4, 21))
    assert "20/11/2026 (sexta-feira)" in alerta_de_data(date(2026, 11, 20))
    assert "ponto facultativo: Carnaval" in alerta_de_data(date(2026, 2, 17))
    assert "ponto facultativo: Corpus Christi" in alerta_de_data(date(2026, 6, 4))
    assert "fim de semana" in alerta_de_data(date(2026, 11, 28))
    assert alerta_de_data(date(2026, 11, 26)) is None


def test_previous_working_day_skips_weekend_and_holiday():
    assert dia_util_anterior(date(2026, 11, 22)) == date(2026, 11, 19)  # Sun → Fri 20 is holiday
    assert dia_util_anterior(date(2026, 11, 26)) == date(2026, 11, 26)


def test_monthly_series_keeps_the_weekday_position():
    assert regra_mensal(date(2026, 11, 19)) == "3TH"
    assert ocorrencias_mensais(date(2026, 11, 19), 4) == [
        date(2026, 11, 19), date(2026, 12, 17), date(2027, 1, 21), date(2027, 2, 18),
    ]  # fmt: skip
    ultima = date(2026, 10, 30)  # last Friday of October
    assert regra_mensal(ultima) == "-1FR"
    assert ocorrencias_mensais(ultima, 3) == [ultima, date(2026, 11, 27), date(2026, 12, 25)]
    assert "Natal" in alerta_de_data(date(2026, 12, 25))


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [("10/12/2026", date(2026, 12, 10)), ("2026-12-10", date(2026, 12, 10)),
     (" 1/2/2027 ", date(2027, 2, 1))],
)  # fmt: skip
def test_reads_typed_dates(texto, esperado):
    assert ler_data(texto) == esperado


@pytest.mark.parametrize("texto", ["31/02/2026", "amanhã", "2026/12/10"])
def test_rejects_bad_dates_in_portuguese(texto):
    with pytest.raises(ErroValidacao, match="Data inválida"):
        ler_data(texto)


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [("14:00", time(14)), ("14h", time(14)), ("14h30", time(14, 30)), ("9", time(9)), ("", None)],
)
def test_reads_typed_times(texto, esperado):
    assert ler_hora(texto) == esperado


def test_rejects_bad_time():
    with pytest.raises(ErroValidacao, match="Hora inválida"):
        ler_hora("25:00")


def test_numbers_and_dates_in_words_as_an_ata_writes_them():
    assert cardinal(2026) == "dois mil e vinte e seis"
    assert cardinal(2100) == "dois mil e cem"
    assert cardinal(2150) == "dois mil cento e cinquenta"
    assert cardinal(22, feminino=True) == "vinte e duas"
    assert (
        data_por_extenso(date(2026, 11, 26))
        == "Aos vinte e seis dias do mês de novembro de dois mil e vinte e seis"
    )
    assert data_por_extenso(date(2027, 3, 1)).startswith("Ao primeiro dia do mês de março")
    assert hora_por_extenso(time(14, 0)) == "às quatorze horas"
    assert hora_por_extenso(time(1, 30)) == "à uma hora e trinta minutos"
    assert hora_por_extenso(time(21, 1)) == "às vinte e uma horas e um minuto"


def test_time_zone_follows_the_uf():
    assert fuso_da_uf("RR") == "America/Boa_Vista"
    assert fuso_da_uf("am") == "America/Manaus"
    assert fuso_da_uf("SP") == "America/Sao_Paulo"
    assert fuso_da_uf("DF") == "America/Sao_Paulo"


# -- state and municipal holidays (issue 14) ------------------------------------------------


def test_state_holiday_of_the_network_uf_has_its_portuguese_name():
    from pacto.domain.calendario import alerta_de_data

    alerta = alerta_de_data(date(2026, 10, 5), "RR")
    assert alerta == "05/10/2026 (segunda-feira) é feriado estadual (RR): Criação do Estado."
    assert alerta_de_data(date(2026, 10, 5), "SP") is None
    assert alerta_de_data(date(2026, 10, 5)) is None  # no UF, no state holiday


def test_reuniao_criar_on_a_state_and_a_municipal_holiday(caminho_demo):
    from click.testing import CliRunner

    from pacto.cli import pacto

    def cli(*args):
        return CliRunner().invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    criada = cli("reuniao", "criar", "--tipo", "alinhamento", "--data", "05/10/2026")
    assert criada.exit_code == 0
    assert "feriado estadual (RR): Criação do Estado" in criada.output
    assert cli("reuniao", "feriado", "09/07", "Aniversário de Boa Vista").exit_code == 0
    assert "09/07  Aniversário de Boa Vista" in cli("reuniao", "feriado").output
    municipal = cli("reuniao", "criar", "--tipo", "alinhamento", "--data", "09/07/2027")
    assert "feriado municipal: Aniversário de Boa Vista" in municipal.output
    ruim = cli("reuniao", "feriado", "31/02", "Nada")
    assert ruim.exit_code == 1 and "Use DD/MM" in ruim.output
    assert cli("reuniao", "feriado", "09/07", "--remover").exit_code == 0
    assert "Nenhum feriado municipal" in cli("reuniao", "feriado").output


def test_status_path_never_imports_the_holidays_library(caminho_demo):
    import subprocess
    import sys

    codigo = (
        "import sys; from click.testing import CliRunner; from pacto.cli import pacto; "
        f"CliRunner().invoke(pacto, ['--db', {str(caminho_demo)!r}, 'status']); "
        "print('holidays' in sys.modules, 'stdnum' in sys.modules)"
    )
    saida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True)
    assert saida.stdout.strip() == "False False", saida.stderr
