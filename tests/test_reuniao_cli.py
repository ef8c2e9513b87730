"""`pacto reuniao` as a script would use it: create, record, decide, invite; Portuguese messages."""

import json
from datetime import date, datetime

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from pacto.cli import pacto
from pacto.store import Workspace


@pytest.fixture
def runner():
    return CliRunner()


def _rodar(runner, caminho, *args):
    return runner.invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _json(resultado):
    assert resultado.exit_code == 0, resultado.output
    return json.loads(resultado.stdout)


def test_reuniao_help_lists_every_command_in_portuguese(runner, caminho_vazio):
    ajuda = _rodar(runner, caminho_vazio, "reuniao", "--help")
    assert ajuda.exit_code == 0
    for comando in ("criar", "listar", "mostrar", "presenca", "acao", "acao-concluir",
                    "deliberacao", "ata", "sugestao", "sugestao-decidir", "realizar",
                    "cancelar", "convite"):  # fmt: skip
        assert comando in ajuda.output
    assert "Reuniões da pactuação" in ajuda.output


def test_scripted_meeting_from_creation_to_ata(runner, caminho_demo):
    criar = _rodar(
        runner, caminho_demo, "reuniao", "criar", "--tipo", "gt", "--data", "03/12/2026",
        "--hora", "9h30", "--local", "Sala do NETP-RR", "--presidente", "Mariana Costa Lima",
        "--pauta", "Abertura (10 min)", "--pauta", "Pendências (20 min)",
    )  # fmt: skip
    assert criar.exit_code == 0, criar.output
    assert "2ª Reunião Ordinária do GT, 03/12/2026 às 09:30" in criar.stdout
    rid = next(r["id"] for r in _json(_rodar(runner, caminho_demo, "reuniao", "listar", "--json"))["reunioes"] if r["numero"] == 2)  # fmt: skip
    passos = [
        ("presenca", str(rid), "--instituicao", "pf-rr", "--nome", "Carlos Eduardo Nunes",
         "--cargo", "Delegado"),
        ("presenca", str(rid), "--organizacao", "UFRR", "--nome", "Otília Sarmento"),
        ("ata", str(rid), "--item", "1", "--texto", "Abertura pela coordenação."),
        ("ata", str(rid), "--item", "1", "--texto", "Pauta aprovada.", "--acrescentar"),
        ("deliberacao", str(rid), "--texto", "Aprovar o fluxo de Resgate.", "--item", "2"),
        ("acao", str(rid), "--descricao", "Indicar suplente", "--instituicao", "PRF-RR",
         "--prazo", "2026-12-20"),
    ]  # fmt: skip
    for passo in passos:
        resultado = _rodar(runner, caminho_demo, "reuniao", *passo)
        assert resultado.exit_code == 0, resultado.output
    dados = _json(_rodar(runner, caminho_demo, "reuniao", "mostrar", str(rid), "--json"))
    assert dados["reuniao"]["titulo"] == "2ª Reunião Ordinária do GT"
    assert dados["abertura"].endswith("às nove horas e trinta minutos")
    assert dados["pauta"][0]["ata"] == "Abertura pela coordenação.\nPauta aprovada."
    assert [(p["sigla"], p["orgao"]) for p in dados["presentes"]] == [
        ("PF-RR", "Superintendência Regional da Polícia Federal em Roraima"),
        ("", "UFRR"),
    ]
    assert dados["deliberacoes"][0]["item"] == "Pendências"
    assert dados["acoes"][0]["prazo"] == "20/12/2026"
    texto = _rodar(runner, caminho_demo, "reuniao", "mostrar", str(rid))
    assert "Carlos Eduardo Nunes" in texto.stdout and "Indicar suplente" in texto.stdout
    acao_id = dados["acoes"][0]["id"]
    concluir = _rodar(runner, caminho_demo, "reuniao", "acao-concluir", str(acao_id), "--data", "18/12/2026")  # fmt: skip
    assert "concluída em 18/12/2026" in concluir.stdout
    assert "marcada como realizada" in _rodar(runner, caminho_demo, "reuniao", "realizar", str(rid)).stdout  # fmt: skip
    listar = _json(_rodar(runner, caminho_demo, "reuniao", "listar", "--json"))
    assert next(r for r in listar["reunioes"] if r["id"] == rid)["situacao"] == "realizada"


def test_date_on_a_national_holiday_is_flagged(runner, caminho_vazio):
    resultado = _rodar(runner, caminho_vazio, "reuniao", "criar", "--tipo", "alinhamento", "--data", "2026-11-20")  # fmt: skip
    assert resultado.exit_code == 0
    assert "feriado nacional: Dia Nacional de Zumbi e da Consciência Negra" in resultado.stderr


def test_text_with_victim_data_is_refused_unless_confirmed(runner, caminho_demo):
    texto = "A vítima Maria Souza, CPF 123.456.789-09, foi acolhida."
    recusa = _rodar(runner, caminho_demo, "reuniao", "deliberacao", "1", "--texto", texto)
    assert recusa.exit_code == 1
    assert "parece conter dado pessoal de vítima" in recusa.stderr
    assert "Nada foi gravado" in recusa.stderr and "Traceback" not in recusa.output
    with Workspace.abrir(caminho_demo) as ws:
        antes = len(ws.deliberacoes(1))
    aceita = _rodar(runner, caminho_demo, "reuniao", "deliberacao", "1", "--texto", texto, "--mesmo-assim")  # fmt: skip
    assert aceita.exit_code == 0 and "Aviso de privacidade" in aceita.stderr
    with Workspace.abrir(caminho_demo) as ws:
        assert len(ws.deliberacoes(1)) == antes + 1
    for comando in (("ata", "1", "--item", "1", "--texto", texto),
                    ("acao", "1", "--descricao", texto, "--instituicao", "PF-RR"),
                    ("sugestao", "1", "--autor", "PF-RR", "--texto", texto)):  # fmt: skip
        resultado = _rodar(runner, caminho_demo, "reuniao", *comando)
        assert resultado.exit_code == 1 and "dado pessoal de vítima" in resultado.stderr


def test_suggestion_decided_and_applied_from_the_command_line(runner, caminho_demo):
    registrar = _rodar(
        runner, caminho_demo, "reuniao", "sugestao", "2", "--autor", "CREAS Pintolândia",
        "--texto", "O CREAS atende em 48 horas.",
        "--atribuicao", "CREAS Pintolândia", "pós-resgate", "Atende em até 72 horas.",
    )  # fmt: skip
    assert registrar.exit_code == 0, registrar.output
    with Workspace.abrir(caminho_demo) as ws:
        s = ws.sugestoes()[-1]
        assert s.assunto == "atribuicao" and s.referencia == "CREAS Pintolândia × Pós-Resgate"
    sem_justificativa = _rodar(runner, caminho_demo, "reuniao", "sugestao-decidir", str(s.id), "--decisao", "parcial")  # fmt: skip
    assert sem_justificativa.exit_code == 1 and "Justifique" in sem_justificativa.stderr
    decidir = _rodar(
        runner, caminho_demo, "reuniao", "sugestao-decidir", str(s.id), "--decisao", "parcial",
        "--justificativa", "Prazo de 48 horas só nos dias úteis.",
        "--texto-final", "Atende em até 48 horas nos dias úteis.", "--aplicar",
    )  # fmt: skip
    assert decidir.exit_code == 0, decidir.output
    assert "acolhida parcialmente" in decidir.stdout and "Aplicada ao fluxo" in decidir.stdout
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
        creas = ws.instituicao_por_sigla("CREAS Pintolândia")
        pos = next(e for e in rc.etapas if e.chave == "pos_resgate")
        texto = next(a.texto for a in rc.atribuicoes if a.instituicao_id == creas.id and a.etapa_id == pos.id)  # fmt: skip
        assert texto == "Atende em até 48 horas nos dias úteis."


def test_unknown_institution_or_meeting_says_so(runner, caminho_demo):
    resultado = _rodar(runner, caminho_demo, "reuniao", "presenca", "1", "--instituicao", "XYZ", "--nome", "Ana")  # fmt: skip
    assert resultado.exit_code == 1 and "Instituição não encontrada: “XYZ”" in resultado.stderr
    resultado = _rodar(runner, caminho_demo, "reuniao", "realizar", "99")
    assert resultado.exit_code == 1 and "Reunião inexistente: 99" in resultado.stderr


def _evento(caminho):
    calendario = Calendar.from_ical(caminho.read_bytes())
    (evento,) = calendario.walk("VEVENT")
    return calendario, evento


def test_invitation_parses_back_with_date_time_zone_and_agenda(runner, caminho_demo, tmp_path):
    saida = tmp_path / "ampliada.ics"
    resultado = _rodar(runner, caminho_demo, "reuniao", "convite", "2", "--saida", str(saida))
    assert resultado.exit_code == 0, resultado.output
    calendario, evento = _evento(saida)
    inicio = evento.decoded("dtstart")
    assert isinstance(inicio, datetime)
    assert (inicio.hour, inicio.minute) == (14, 0)
    assert str(inicio.tzinfo) == "America/Boa_Vista"  # Roraima's network, Roraima's clock
    assert inicio.utcoffset().total_seconds() == -4 * 3600
    assert (evento.decoded("dtend") - inicio).total_seconds() == 180 * 60
    assert str(evento["summary"]).startswith("1ª Reunião Ampliada – Rede Estadual")
    assert "Debate por etapa" in str(evento["description"])
    assert str(evento["url"]) == "https://conferencia.exemplo.gov.br/rede-etp-rr"
    assert "America/Boa_Vista" in [str(tz["tzid"]) for tz in calendario.walk("VTIMEZONE")]
    assert "rrule" not in evento
    de_novo = tmp_path / "de-novo.ics"
    _rodar(runner, caminho_demo, "reuniao", "convite", "2", "--saida", str(de_novo))
    assert _evento(de_novo)[1]["uid"] == evento["uid"]  # re-sending updates the same event


def test_monthly_alignment_series_with_recurrence_and_holiday_warning(
    runner, caminho_vazio, tmp_path
):
    criar = _rodar(runner, caminho_vazio, "reuniao", "criar", "--tipo", "alinhamento",
                   "--data", "2026-10-30", "--hora", "10:00")  # fmt: skip
    assert criar.exit_code == 0
    saida = tmp_path / "serie.ics"
    resultado = _rodar(runner, caminho_vazio, "reuniao", "convite", "1", "--saida", str(saida), "--serie", "3")  # fmt: skip
    assert resultado.exit_code == 0, resultado.output
    _, evento = _evento(saida)
    inicio = evento.decoded("dtstart")
    assert inicio.date() == date(2026, 10, 30)
    assert str(inicio.tzinfo) == "America/Sao_Paulo"  # a network in SP
    regra = evento["rrule"]
    assert regra["FREQ"] == ["MONTHLY"] and regra["COUNT"] == [3] and regra["BYDAY"] == ["-1FR"]
    assert "25/12/2026 (sexta-feira) é feriado nacional: Natal" in resultado.stderr


def test_invitation_without_time_is_an_all_day_event(runner, caminho_vazio, tmp_path):
    _rodar(runner, caminho_vazio, "reuniao", "criar", "--tipo", "gt", "--data", "2026-12-03")
    saida = tmp_path / "dia.ics"
    assert _rodar(runner, caminho_vazio, "reuniao", "convite", "1", "--saida", str(saida)).exit_code == 0  # fmt: skip
    _, evento = _evento(saida)
    assert evento.decoded("dtstart") == date(2026, 12, 3)
    cancelar = _rodar(runner, caminho_vazio, "reuniao", "cancelar", "1")
    assert "cancelada" in cancelar.stdout
    recusa = _rodar(runner, caminho_vazio, "reuniao", "convite", "1", "--saida", str(saida))
    assert recusa.exit_code == 1 and "foi cancelada" in recusa.stderr
