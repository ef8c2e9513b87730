"""The self-diagnosis report and the monthly checklist, read back from the .docx."""

from datetime import date

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.autodiagnostico import Resposta, questionario
from pacto.domain.checklist import RespostaChecklist
from pacto.domain.errors import ErroDocumento
from pacto.services.documentos import gerar
from pacto.services.documentos.contexto import fontes
from pacto.services.mensal import checklist_do_mes

from .conftest import HOJE
from .leitura_docx import ler, sem_marcacoes


@pytest.fixture
def rodar(caminho_demo):
    runner = CliRunner()

    def _rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    return _rodar


def _segunda_rodada(ws):
    """A new run copying the first, with one limit overcome and one strength lost."""
    primeira = ws.rodadas_autodiagnostico()[-1]
    nova = ws.nova_rodada_autodiagnostico(date(2026, 11, 20), "Oficina com a rede", "GT")
    for resposta in primeira.respostas.values():
        ws.responder_autodiagnostico(nova.id, resposta)
    ws.responder_autodiagnostico(
        nova.id, Resposta("orcamento", "sim", "Ação própria na LOA 2027.", "LOA 2027")
    )
    ws.responder_autodiagnostico(nova.id, Resposta("parcerias", "parcial", "Uma OSC saiu."))
    return primeira, nova


def test_self_diagnosis_report_per_dimension_with_changes(ws_demo, tmp_path):
    primeira, nova = _segunda_rodada(ws_demo)
    lote = gerar.autodiagnostico(
        fontes(ws_demo, hoje=HOJE), tmp_path, ws_demo.rodadas_autodiagnostico()
    )
    assert lote.arquivos[0].name == "autodiagnostico-2026-11-20.docx"
    lido = ler(lote.arquivos[0])
    sem_marcacoes(lido)
    assert lido.paragrafos[0] == "RELATÓRIO DE AUTODIAGNÓSTICO"
    assert ["Método", "Oficina com a rede"] in lido.tabelas[0]
    total = sum(len(d.itens) for d in questionario())
    assert ["Respostas", f"{total} de {total} perguntas respondidas"] in lido.tabelas[0]
    resumo = lido.tabela_com_cabecalho("Dimensão", "Índice", "Forças", "Parciais", "Limites")
    assert [linha[0] for linha in resumo[1:]] == [d.nome for d in questionario()]
    posicao = next(linha for linha in resumo if linha[0] == "Posição administrativa e papel")
    assert posicao[1:] == ["100%", "3", "0", "0"]  # the budget limit was overcome
    for numero, dim in enumerate(questionario(), start=1):
        assert any(p.startswith(f"{numero}. {dim.nome} — ") for p in lido.paragrafos)
    respostas = [
        linha
        for tabela in lido.tabelas
        if tabela[0] == ["Pergunta", "Resposta", "Observação", "Evidência"]
        for linha in tabela[1:]
    ]
    assert len(respostas) == total
    orcamento = next(linha for linha in respostas if "orçamento próprio" in linha[0])
    assert orcamento[1:] == ["Sim", "Ação própria na LOA 2027.", "LOA 2027"]
    for rotulo in ("Forças", "Pontos parciais", "Limites"):
        assert rotulo in lido.paragrafos
    assert "O que mudou desde a rodada anterior" in lido.paragrafos
    assert (
        f"Respostas que mudaram desde a rodada de {primeira.realizada_em:%d/%m/%Y}:"
        in lido.paragrafos
    )
    mudancas = lido.tabela_com_cabecalho("Pergunta", "Antes", "Agora", "Tendência")
    por_pergunta = {linha[0]: linha[1:] for linha in mudancas[1:]}
    assert len(por_pergunta) == 2
    assert ["Não", "Sim", "Melhorou"] in por_pergunta.values()
    assert ["Sim", "Parcial", "Piorou"] in por_pergunta.values()
    assert "Autodiagnóstico · rodada de 20/11/2026" in lido.rodape


def test_first_run_has_nothing_to_compare_and_unknown_run_is_an_error(ws_demo, tmp_path):
    _, nova = _segunda_rodada(ws_demo)
    rodadas = ws_demo.rodadas_autodiagnostico()
    primeira = ler(
        gerar.autodiagnostico(fontes(ws_demo), tmp_path, rodadas, rodadas[0].id).arquivos[0]
    )
    assert "Esta é a primeira rodada registrada; a próxima mostrará o que mudou." in primeira.texto
    with pytest.raises(ErroDocumento, match="Rodada de autodiagnóstico inexistente: 99"):
        gerar.autodiagnostico(fontes(ws_demo), tmp_path, rodadas, 99)
    with pytest.raises(ErroDocumento, match="Nenhuma rodada de autodiagnóstico"):
        gerar.autodiagnostico(fontes(ws_demo), tmp_path, [])
    assert nova.id == rodadas[-1].id


def _responder_dois_meses(ws):
    netp = ws.instituicao_por_sigla("NETP-RR")
    ws.responder_checklist(RespostaChecklist("2026-10", "pontos_focais", "pendente", "Faltam 3"))
    ws.responder_checklist(
        RespostaChecklist("2026-11", "pontos_focais", "pendente", "Faltam 2", netp.id)
    )
    ws.responder_checklist(RespostaChecklist("2026-11", "envio_netp", "ok", "Todos enviaram"))


def test_blank_checklist_has_empty_columns_and_the_derived_items(ws_demo, tmp_path):
    _responder_dois_meses(ws_demo)
    linhas = checklist_do_mes(ws_demo, "2026-11", HOJE)
    lote = gerar.checklist(fontes(ws_demo, hoje=HOJE), tmp_path, "2026-11", linhas, em_branco=True)
    assert lote.arquivos[0].name == "checklist-2026-11-em-branco.docx"
    lido = ler(lote.arquivos[0])
    sem_marcacoes(lido)
    assert lido.paragrafos[:2] == [
        "CHECKLIST DO ALINHAMENTO MENSAL",
        "Novembro de 2026 · Rede Estadual de Enfrentamento ao Tráfico de Pessoas de Roraima",
    ]
    tabela = lido.tabela_com_cabecalho("Nº", "Item", "Situação", "Observação", "Responsável")
    assert len(tabela[0]) == 5
    assert len(tabela) == 1 + len(linhas)
    assert all(linha[2:] == ["", "", ""] for linha in tabela[1:])  # to fill in the meeting
    derivados = [linha for linha in tabela[1:] if "Calculado a partir dos registros" in linha[1]]
    assert len(derivados) == sum(1 for li in linhas if li.item.derivado) >= 2
    assert derivados[0][1].startswith("4 pontos focais sem confirmação há mais de 90 dias")
    pontos = next(linha for linha in tabela if linha[1].startswith("Pontos focais e contatos"))
    assert "Pendente desde outubro de 2026." in pontos[1]  # the carry-over, visible on paper
    assert "Faltam 2" not in lido.texto
    assert "Checklist de novembro de 2026 (em branco)" in lido.rodape


def test_filled_checklist_is_the_record_with_carry_over(ws_demo, tmp_path):
    _responder_dois_meses(ws_demo)
    linhas = checklist_do_mes(ws_demo, "2026-11", HOJE)
    lote = gerar.checklist(fontes(ws_demo, hoje=HOJE), tmp_path, "2026-11", linhas)
    assert lote.arquivos[0].name == "checklist-2026-11.docx"
    lido = ler(lote.arquivos[0])
    tabela = lido.tabela_com_cabecalho(
        "Nº", "Item", "Situação", "Observação", "Responsável", "Pendente desde"
    )
    pontos = next(linha for linha in tabela if linha[1].startswith("Pontos focais e contatos"))
    assert pontos[2:] == ["Pendente", "Faltam 2", "NETP-RR", "outubro de 2026"]
    envio = next(linha for linha in tabela if linha[1].startswith("Informações enviadas ao NETP"))
    assert envio[2:] == ["Em dia", "Todos enviaram", "", ""]
    assert sum(1 for linha in tabela[1:] if linha[2] == "Sem resposta") == len(linhas) - 2
    assert any(
        p.startswith(f"Registro do mês: {len(linhas)} itens — 1 em dia, 1 pendente e ")
        for p in lido.paragrafos
    )


def test_cli_self_diagnosis_and_checklist(rodar, tmp_path):
    resultado = rodar("gerar", "autodiagnostico", "--saida", str(tmp_path))
    assert resultado.exit_code == 0, resultado.output
    assert str(tmp_path / "autodiagnostico-2026-08-08.docx") in resultado.output
    assert rodar("gerar", "autodiagnostico", "--rodada", "42").exit_code == 1
    for extra, nome in ((["--em-branco"], "checklist-2026-11-em-branco.docx"), ([], "checklist-2026-11.docx")):  # fmt: skip
        resultado = rodar(
            "gerar", "checklist", "--mes", "2026-11", *extra, "--saida", str(tmp_path)
        )
        assert resultado.exit_code == 0, resultado.output
        assert (tmp_path / nome).is_file()
    errado = rodar("gerar", "checklist", "--mes", "novembro", "--saida", str(tmp_path))
    assert errado.exit_code == 1 and "Erro: Mês inválido: “novembro”" in errado.output
    assert rodar("gerar", "checklist").exit_code == 2  # --mes is required
