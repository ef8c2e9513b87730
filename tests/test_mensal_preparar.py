"""`pacto mensal preparar`: one alignment meeting per month, its agenda from the month's facts and
the carried-over actions, and its pauta, lista de presença and blank checklist written at once."""

from datetime import date, time

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.alinhamento import data_sugerida, pauta_do_alinhamento, reuniao_do_mes
from pacto.domain.checklist import ItemChecklist, LinhaChecklist
from pacto.domain.errors import ErroValidacao
from pacto.domain.reunioes import Acao, Reuniao
from pacto.services.pacote_mensal import preparar_mes

from .conftest import HOJE
from .leitura_docx import ler, sem_marcacoes


def _alinhamento(dia: date, **campos) -> Reuniao:
    return Reuniao("alinhamento", 1, dia, **campos)


# -- the domain rules ----------------------------------------------------------------------


def test_suggested_date_keeps_the_series_of_the_last_alignment():
    anterior = _alinhamento(date(2027, 1, 14))  # 2nd Thursday of January
    assert data_sugerida("2027-03", [anterior], HOJE) == date(2027, 3, 11)
    ultima = _alinhamento(date(2027, 1, 29))  # last Friday
    assert data_sugerida("2027-04", [ultima], HOJE) == date(2027, 4, 30)


def test_suggested_date_skips_holidays_busy_days_and_the_past():
    assert data_sugerida("2027-02", [], HOJE) == date(2027, 2, 11)  # 2nd Thursday
    # 2026-11-12 is the 2nd Thursday, already past on 26/11: today, a working day, is used
    assert data_sugerida("2026-11", [], HOJE) == HOJE
    ampliada = Reuniao("ampliada", 1, date(2026, 12, 10))
    assert data_sugerida("2026-12", [ampliada], HOJE) == date(2026, 12, 11)
    natal = _alinhamento(date(2026, 9, 25))  # last Friday; December's is Christmas day
    assert data_sugerida("2026-12", [natal], HOJE) == date(2026, 12, 28)


def test_agenda_lists_derived_items_and_each_open_action():
    derivado = ItemChecklist("derivado:pontos_focais_90", "2 pontos focais sem confirmação", True)
    atrasadas = ItemChecklist("derivado:acoes_atrasadas", "1 ação atrasada: PF", True)
    linhas = [
        LinhaChecklist(derivado),
        LinhaChecklist(atrasadas),
        LinhaChecklist(ItemChecklist("x", "Fixo")),
    ]
    acoes = [
        Acao(1, "Indicar o ponto focal.", 7, prazo=date(2026, 11, 20), id=1),
        Acao(1, "Enviar a planilha", None, "OSC Sol", id=2),
    ]
    pauta = pauta_do_alinhamento(linhas, acoes, {7: "PRF-RR"}, HOJE)
    titulos = [titulo for titulo, _ in pauta]
    assert titulos[:4] == [
        "Abertura e aprovação da ata anterior",
        "2 pontos focais sem confirmação",
        "Pendência: PRF-RR – Indicar o ponto focal (prazo 20/11/2026, atrasada)",
        "Pendência: OSC Sol – Enviar a planilha",
    ]
    assert "1 ação atrasada: PF" not in titulos  # the actions are listed one by one instead
    assert "Pendências da reunião anterior" not in titulos
    assert titulos[-2:] == ["Demais itens do checklist do mês", "Próxima reunião"]
    muitas = [Acao(1, f"Ação {n}", 7, prazo=date(2026, 11, 1), id=n) for n in range(12)]
    agrupada = [t for t, _ in pauta_do_alinhamento([], muitas, {}, HOJE)]
    assert "Ações em aberto de reuniões anteriores: 12, 12 atrasadas" in agrupada


def test_month_meeting_found_only_for_alignment_in_that_month():
    reunioes = [
        Reuniao("gt", 1, date(2026, 12, 3)),
        _alinhamento(date(2026, 11, 30), situacao="cancelada"),
        _alinhamento(date(2026, 12, 17)),
    ]
    assert reuniao_do_mes("2026-12", reunioes).data == date(2026, 12, 17)
    assert reuniao_do_mes("2026-11", reunioes) is None


# -- the pack --------------------------------------------------------------------------------


def test_prepare_creates_one_meeting_and_three_documents(ws_demo, tmp_path):
    antes = len(ws_demo.reunioes())
    pacote = preparar_mes(ws_demo, "2026-12", tmp_path, hoje=HOJE)
    assert pacote.criada
    r = pacote.reuniao
    assert (r.tipo, r.numero, r.data) == ("alinhamento", 1, date(2026, 12, 11))
    # copied from the latest meeting: time, place, modality, chair and secretary
    assert r.hora == time(14, 0) and r.modalidade == "hibrida" and "SETRABES" in r.local
    assert r.presidente == "Mariana Costa Lima"
    assert len(ws_demo.reunioes()) == antes + 1
    nomes = sorted(a.name for a in pacote.lote.arquivos)
    assert nomes == [
        "checklist-2026-12-em-branco.docx",
        "pauta-2026-12-11-alinhamento-1.docx",
        "presenca-2026-12-11-alinhamento-1.docx",
    ]
    itens = [i.titulo for i in ws_demo.itens_pauta(r.id)]
    assert itens[1].startswith("4 pontos focais sem confirmação há mais de 90 dias")
    pendencias = [t for t in itens if t.startswith("Pendência: ")]
    assert len(pendencias) == 3
    assert (
        "Pendência: PRF-RR – Indicar o ponto focal titular da PRF-RR para o fluxo, com portaria "
        "de designação (prazo 20/11/2026, atrasada)"
    ) in pendencias
    assert ws_demo.reuniao(r.id).duracao_min == sum(i.minutos for i in ws_demo.itens_pauta(r.id))

    pauta = ler(tmp_path / "pauta-2026-12-11-alinhamento-1.docx")
    sem_marcacoes(pauta)
    assert pauta.paragrafos[1] == "1ª Reunião de Alinhamento Mensal"
    tabela = pauta.tabela_com_cabecalho("Nº", "Horário", "Item", "Tempo")
    assert [linha[2] for linha in tabela[1:]] == itens
    presenca = ler(tmp_path / "presenca-2026-12-11-alinhamento-1.docx")
    assert presenca.tabela_com_cabecalho("NOME", "ÓRGÃO")[0][5] == "ASSINATURA"
    checklist = ler(tmp_path / "checklist-2026-12-em-branco.docx")
    linhas = checklist.tabela_com_cabecalho("Nº", "Item", "Situação")
    assert all(linha[2] == "" for linha in linhas[1:])

    de_novo = preparar_mes(ws_demo, "2026-12", tmp_path, hoje=HOJE, hora=time(9, 0))
    assert not de_novo.criada and de_novo.reuniao.id == r.id
    assert "já existia" in de_novo.resumo
    assert any("não foram alterados" in aviso for aviso in de_novo.lote.avisos)
    assert len(ws_demo.reunioes()) == antes + 1
    assert ws_demo.reuniao(r.id).hora == time(14, 0)


def test_prepare_refuses_a_date_outside_the_month_and_keeps_nothing(ws_demo, tmp_path):
    antes = len(ws_demo.reunioes())
    with pytest.raises(ErroValidacao, match="não é de dezembro de 2026"):
        preparar_mes(ws_demo, "2026-12", tmp_path, hoje=HOJE, data=date(2027, 1, 7))
    with pytest.raises(ErroValidacao, match="Mês inválido"):
        preparar_mes(ws_demo, "12/2026", tmp_path, hoje=HOJE)
    assert len(ws_demo.reunioes()) == antes
    assert not any(p.suffix == ".docx" for p in tmp_path.iterdir())


def test_meeting_is_not_kept_when_a_document_fails(ws_demo, tmp_path):
    ocupado = tmp_path / "arquivo"
    ocupado.write_text("não é pasta")
    antes = len(ws_demo.reunioes())
    with pytest.raises(Exception, match="Não foi possível gravar"):
        preparar_mes(ws_demo, "2026-12", ocupado / "sub", hoje=HOJE)
    assert len(ws_demo.reunioes()) == antes


def test_cli_mensal_preparar(caminho_demo, tmp_path):
    runner = CliRunner()
    base = ["--db", str(caminho_demo), "mensal", "preparar"]
    saida = tmp_path / "pacote"
    primeira = runner.invoke(
        pacto,
        [*base, "--mes", "2027-01", "--data", "14/01/2027", "--hora", "9h", "--local",
         "Sala 2", "--modalidade", "presencial", "--saida", str(saida)],
        catch_exceptions=False,
    )  # fmt: skip
    assert primeira.exit_code == 0, primeira.output
    assert "Reunião 3 criada: 1ª Reunião de Alinhamento Mensal, 14/01/2027 às 09:00." in (
        primeira.output
    )
    assert str(saida / "pauta-2027-01-14-alinhamento-1.docx") in primeira.output
    assert "3 arquivos gravados." in primeira.output
    segunda = runner.invoke(pacto, [*base, "--mes", "2027-01", "--saida", str(saida)])
    assert segunda.exit_code == 0
    assert "já existia (reunião 3" in segunda.output
    listar = runner.invoke(pacto, ["--db", str(caminho_demo), "reuniao", "listar", "--json"])
    assert listar.output.count('"tipo": "alinhamento"') == 1
    ajuda = runner.invoke(pacto, ["mensal", "--help"])
    assert "preparar" in ajuda.output and "alinhamento mensal" in ajuda.output
