"""Meeting documents read back from the .docx: ata, memória, lista de presença, pauta, sugestões."""

from datetime import date, time

import pytest
from click.testing import CliRunner
from docx import Document
from docx.enum.section import WD_ORIENT

from pacto.cli import pacto
from pacto.domain.redacao import nome_e_sigla
from pacto.domain.reunioes import Acao, Deliberacao, ItemPauta, Presenca, Reuniao
from pacto.services.documentos import gerar
from pacto.services.documentos.contexto import fontes
from pacto.services.documentos.reuniao_docs import DadoPessoalNoTexto

from .conftest import HOJE
from .leitura_docx import ler, sem_marcacoes

ENCERRAMENTO = (
    "Nada mais havendo a tratar, eu, Rafael Souza Andrade, que secretariei a reunião, lavrei a "
    "presente ata, que, lida e aprovada, vai assinada por mim e por quem presidiu os trabalhos."
)
CPF_NA_ATA = "A vítima, CPF 529.982.247-25, foi ouvida pelo CREAS."


def _gt(ws):
    return next(r for r in ws.reunioes() if r.tipo == "gt")


def _ampliada(ws):
    return next(r for r in ws.reunioes() if r.tipo == "ampliada")


def _f(ws):
    return fontes(ws, hoje=HOJE)


@pytest.fixture
def rodar(caminho_demo):
    runner = CliRunner()

    def _rodar(*args):
        return runner.invoke(pacto, ["--db", str(caminho_demo), *args], catch_exceptions=False)

    return _rodar


def test_ata_reads_like_a_brazilian_ata(ws_demo, tmp_path):
    gt = _gt(ws_demo)
    lote = gerar.ata(_f(ws_demo), tmp_path, gt.id)
    assert [a.name for a in lote.arquivos] == ["ata-2026-10-29-gt-1.docx"]
    lido = ler(lote.arquivos[0])
    sem_marcacoes(lido)
    p = lido.paragrafos
    assert p[0] == (
        "ATA DA 1ª REUNIÃO ORDINÁRIA DO GRUPO DE TRABALHO DA REDE ESTADUAL DE ENFRENTAMENTO AO "
        "TRÁFICO DE PESSOAS DE RORAIMA"
    )
    assert p[1].startswith(
        "Aos vinte e nove dias do mês de outubro de dois mil e vinte e seis, às nove horas, "
        "na Sala de reuniões do NETP-RR"
    )
    assert (
        "sob a presidência de Mariana Costa Lima, com a secretaria dos trabalhos a cargo de Rafael Souza Andrade."
        in p[1]
    )
    assert p[2] == (
        "Registrou-se a presença de 12 (doze) representantes de 11 (onze) órgãos e "
        "instituições, conforme a lista de presença anexa, que passa a integrar esta ata."
    )
    partes = [
        linha for linha in p if linha[:2] in {f"{n}." for n in range(1, 9)} and linha.isupper()
    ]
    assert partes == [
        "1. APROVAÇÃO DA ATA ANTERIOR",
        "2. PAUTA",
        "3. RELATO DOS TRABALHOS",
        "4. DELIBERAÇÕES",
        "5. ENCAMINHAMENTOS",
        "6. SUGESTÕES AO FLUXO",
        "7. PRÓXIMA REUNIÃO",
        "8. ENCERRAMENTO",
    ]
    assert "Por se tratar da primeira reunião, não houve ata anterior a aprovar." in p
    assert "Item 3 – Etapa de Resgate: quem faz o quê" in p
    assert any(linha.startswith("A PF-RR e a SRT-RR apresentaram o procedimento") for linha in p)
    assert lido.comeca_com("I – O NETP-RR é o ponto de entrada único")
    assert lido.comeca_com("III – A reunião ampliada será aberta")

    rc = ws_demo.carregar()
    acoes = lido.tabela_com_cabecalho("Ação", "Instituição", "Prazo")
    esperado = [
        [a.descricao, rc.instituicao_por_id[a.instituicao_id].nome, f"{a.prazo:%d/%m/%Y}"]
        for a in ws_demo.acoes(gt.id)
    ]
    assert sorted(acoes[1:]) == sorted(esperado)
    assert (
        "A próxima reunião, a 1ª Reunião Ampliada, ficou marcada para 10 de dezembro de 2026, "
        "às quatorze horas, no Auditório da SETRABES"
    ) in lido.texto
    assert ENCERRAMENTO in p
    assert "Boa Vista/RR, 29 de outubro de 2026." in p
    assinaturas = lido.tabelas[-2][0]  # the signatures, then the annex of participants
    assert "Mariana Costa Lima" in assinaturas[0] and "Presidente" in assinaturas[0]
    assert "Rafael Souza Andrade" in assinaturas[1] and "Responsável pela ata" in assinaturas[1]
    # names carry no gender the data does not hold: no "secretário(a)", no "pelo(a)"
    assert "(a)" not in lido.texto
    anexo = lido.tabela_com_cabecalho("Nome", "Órgão", "Cargo")
    assert ["Carlos Eduardo Nunes", "PF-RR", "Delegado de Polícia Federal"] in anexo
    assert "Ata da 1ª Reunião Ordinária do GT · 29/10/2026" in lido.rodape
    assert "LGPD" in lido.rodape


def test_ata_of_the_third_meeting_approves_the_previous_one(ws_demo, tmp_path):
    gt = _gt(ws_demo)
    segunda = ws_demo.criar_reuniao(
        Reuniao("gt", 2, date(2026, 11, 12), time(9, 0), situacao="realizada"), []
    )
    terceira = ws_demo.criar_reuniao(
        Reuniao(
            "gt",
            3,
            date(2026, 11, 26),
            time(14, 0),
            local="Plenário da SEJUC",
            presidente="Mariana Costa Lima",
            secretario="",
        ),
        [("Informes", 10)],
    )
    # nothing recorded yet: the ata does not claim an approval
    lido = ler(gerar.ata(_f(ws_demo), tmp_path, terceira.id).arquivos[0])
    assert (
        "Não consta registro de apreciação da ata da 2ª Reunião Ordinária do Grupo de "
        "Trabalho, realizada em 12 de novembro de 2026."
    ) in lido.paragrafos
    assert "foi aprovada" not in lido.texto
    # minutes of an agenda item saying so count as the record too
    [item] = ws_demo.itens_pauta(terceira.id)
    ws_demo.salvar_ata_item(item.id, "A ata da reunião anterior foi lida e aprovada.")
    lido = ler(gerar.ata(_f(ws_demo), tmp_path, terceira.id).arquivos[0])
    assert (
        "Submetida à apreciação dos presentes, a ata da 2ª Reunião Ordinária do Grupo de "
        "Trabalho, realizada em 12 de novembro de 2026, foi aprovada."
    ) in lido.paragrafos
    ws_demo.salvar_ata_item(item.id, "")
    # a later network meeting does not approve the GT's ata: another body
    ws_demo.criar_reuniao(
        Reuniao("alinhamento", 1, date(2026, 11, 19), time(9, 0), situacao="realizada"), []
    )
    ws_demo.salvar_deliberacao(Deliberacao(terceira.id, "Aprovada a ata da reunião anterior."))
    lido = ler(gerar.ata(_f(ws_demo), tmp_path, terceira.id).arquivos[0])
    assert lido.paragrafos[0].startswith("ATA DA 3ª REUNIÃO ORDINÁRIA DO GRUPO DE TRABALHO")
    assert lido.paragrafos[1].startswith(
        "Aos vinte e seis dias do mês de novembro de dois mil e vinte e seis, às quatorze horas, "
        "no Plenário da SEJUC, reuniram-se"
    )
    assert (
        "Submetida à apreciação dos presentes, a ata da 2ª Reunião Ordinária do Grupo de "
        "Trabalho, realizada em 12 de novembro de 2026, foi aprovada."
    ) in lido.paragrafos
    assert gt.id != segunda.id
    # no secretary recorded: a line to fill by hand, and the quorum still cites the list
    assert (
        "Nada mais havendo a tratar, eu, ____________________________________, que secretariei "
        "a reunião" in lido.texto
    )
    assert "conforme a lista de presença anexa" not in lido.texto
    assert "A presença dos participantes consta da lista de presença anexa" in lido.texto
    assert "Não houve registro sobre este item." in lido.paragrafos
    assert "Não foram definidos encaminhamentos." in lido.paragrafos
    assert any("Aprovada a ata da reunião anterior." in linha for linha in lido.paragrafos)


def test_memoria_is_the_lighter_record(ws_demo, tmp_path):
    gt = _gt(ws_demo)
    lote = gerar.ata(_f(ws_demo), tmp_path, gt.id, memoria=True)
    assert lote.arquivos[0].name == "memoria-2026-10-29-gt-1.docx"
    lido = ler(lote.arquivos[0])
    sem_marcacoes(lido)
    assert lido.paragrafos[:2] == [
        "MEMÓRIA DE REUNIÃO",
        "1ª Reunião Ordinária do Grupo de Trabalho · Rede Estadual de Enfrentamento ao Tráfico "
        "de Pessoas de Roraima",
    ]
    assert ["Horário", "9h às 11h30"] in lido.tabelas[0]  # hours as official texts write them
    participantes = lido.tabela_com_cabecalho("Nome", "Instituição", "Cargo")
    assert len(participantes) == 1 + len(ws_demo.presencas(gt.id))
    for titulo in ("Participantes", "Pauta", "Resumo por item", "Decisões", "Ações"):
        assert titulo in lido.paragrafos
    acoes = lido.tabela_com_cabecalho("Ação", "Instituição", "Prazo", "Situação")
    assert "Aberta (atrasada)" in [linha[3] for linha in acoes]
    assert "Concluída" in [linha[3] for linha in acoes]
    assert "Nada mais havendo a tratar" not in lido.texto  # no closing formula, no signatures


def test_lista_de_presenca_has_the_columns_the_expected_institutions_and_no_cpf(ws_demo, tmp_path):
    ampliada = _ampliada(ws_demo)
    lote = gerar.presenca(_f(ws_demo), tmp_path, ampliada.id, membros_gt=ws_demo.membros_gt())
    caminho = lote.arquivos[0]
    assert caminho.name == "presenca-2026-12-10-ampliada-1.docx"
    lido = ler(caminho)
    sem_marcacoes(lido)
    assert lido.paragrafos[0] == "LISTA DE PRESENÇA"
    cabecalho = lido.tabelas[0]
    assert ["Reunião", "1ª Reunião Ampliada – Rede Estadual de Enfrentamento ao Tráfico de "
            "Pessoas de Roraima"] in cabecalho  # fmt: skip
    assert ["Data e horário", "10 de dezembro de 2026 (quinta-feira) · 14h às 17h"] in (cabecalho)
    assert ["Modalidade", "Híbrida"] in cabecalho
    lista = lido.tabela_com_cabecalho("NOME", "ÓRGÃO", "CARGO", "TELEFONE", "E-MAIL", "ASSINATURA")
    assert lista[0] == ["NOME", "ÓRGÃO", "CARGO", "TELEFONE", "E-MAIL", "ASSINATURA"]
    assert not any("CPF" in celula.upper() for tabela in lido.tabelas for celula in tabela[0])
    rc = ws_demo.carregar()
    esperadas = sorted(
        (i for i in rc.instituicoes if i.esfera != "nacional"), key=lambda i: i.nome.casefold()
    )
    linhas = lista[1:]
    assert [linha[1] for linha in linhas[: len(esperadas)]] == [
        nome_e_sigla(i.nome, i.sigla) for i in esperadas
    ]
    assert all(linha[0] == linha[2] == linha[3] == linha[4] == linha[5] == "" for linha in linhas)
    assert linhas[len(esperadas) :] == [[""] * 6] * 10  # blank rows for walk-ins
    assert "não é pedido CPF" in lido.rodape and "LGPD" in lido.rodape
    assert Document(str(caminho)).sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_lista_of_a_gt_meeting_lists_the_working_group(ws_demo, tmp_path):
    gt = _gt(ws_demo)
    lote = gerar.presenca(_f(ws_demo), tmp_path, gt.id, membros_gt=ws_demo.membros_gt())
    lista = ler(lote.arquivos[0]).tabela_com_cabecalho("NOME", "ÓRGÃO")
    membros = [ws_demo.instituicao(i) for i in ws_demo.membros_gt()]
    nomes = {linha[1] for linha in lista[1:] if linha[1]}
    assert nomes == {nome_e_sigla(i.nome, i.sigla) for i in membros}
    # a name that already ends in parentheses takes the acronym inside them, not "(…) (MPT-RR)"
    assert (
        "Procuradoria do Trabalho no Município de Boa Vista (MPT – PRT da 11ª Região – MPT-RR)"
        in nomes
    )
    assert not any(") (" in nome for nome in nomes)


def test_pauta_convokes_with_times_and_pending_actions(ws_demo, tmp_path):
    ampliada = _ampliada(ws_demo)
    lote = gerar.pauta(_f(ws_demo), tmp_path, ampliada.id)
    lido = ler(lote.arquivos[0])
    sem_marcacoes(lido)
    assert lido.paragrafos[:2] == ["CONVOCAÇÃO", "1ª Reunião Ampliada"]
    # the demo's local holds the room and the link ("… · https://…"): the sentence names the
    # room, then the link in parentheses after the videoconference, never a "·" mid-sentence
    assert lido.paragrafos[2] == (
        "A coordenação da Rede Estadual de Enfrentamento ao Tráfico de Pessoas de Roraima "
        "convoca os representantes das instituições da rede para a 1ª Reunião Ampliada, que se "
        "realizará em 10 de dezembro de 2026 (quinta-feira), às 14h, no Auditório da SETRABES – "
        "Av. Ville Roy, 1500, Boa Vista/RR, com participação também por videoconferência "
        "(https://conferencia.exemplo.gov.br/rede-etp-rr)."
    )
    assert ["Modalidade", "Híbrida"] in lido.tabelas[0]
    pauta = lido.tabela_com_cabecalho("Nº", "Horário", "Item", "Tempo")
    assert pauta[1] == ["1", "14h–14h15", "Abertura e apresentação dos participantes", "15 min"]
    assert pauta[2][1] == "14h15–14h45"
    pendencias = lido.tabela_com_cabecalho("Ação", "Instituição", "Prazo", "Situação")
    assert len(pendencias) == 1 + 3  # the GT meeting's three open actions
    assert pendencias[1][3] == "Aberta (atrasada)"
    assert "Boa Vista/RR, 26 de novembro de 2026." in lido.paragrafos
    assert "Mariana Costa Lima" in lido.tabelas[-1][0][0]


def test_pauta_on_a_holiday_warns(ws_demo, tmp_path):
    r = ws_demo.criar_reuniao(Reuniao("extraordinaria", 1, date(2026, 12, 25)))
    lote = gerar.pauta(_f(ws_demo), tmp_path, r.id)
    assert any("feriado nacional: Natal" in aviso for aviso in lote.avisos)


def test_suggestions_matrix(ws_demo, tmp_path):
    lote = gerar.sugestoes(_f(ws_demo), tmp_path)
    assert lote.arquivos[0].name == "matriz-sugestoes.docx"
    lido = ler(lote.arquivos[0])
    sem_marcacoes(lido)
    assert lido.paragrafos[0] == "MATRIZ DE SUGESTÕES AO FLUXO"
    assert "3 sugestões registradas: 1 não acolhida e 2 pendentes de decisão." in lido.paragrafos
    matriz = lido.tabela_com_cabecalho("Nº", "Sugestão", "Autor", "Decisão", "Justificativa")
    assert len(matriz) == 1 + len(ws_demo.sugestoes())
    recusada = next(linha for linha in matriz if linha[3] == "Não acolhida")
    assert recusada[2] == "PMRR" and "NETP-RR" in recusada[4]
    assert recusada[1].startswith("Incluir a PMRR como porta de entrada")
    # the matrix is a formal record: the meeting is named in full, like the ata names it
    assert "Etapa: Resgate · 1ª Reunião Ordinária do Grupo de Trabalho" in recusada[1]
    assert Document(str(lote.arquivos[0])).sections[0].orientation == WD_ORIENT.LANDSCAPE
    ampliada = _ampliada(ws_demo)
    so_ampliada = ler(gerar.sugestoes(_f(ws_demo), tmp_path, ampliada.id).arquivos[0])
    assert "Nenhuma sugestão registrada até a data deste documento." in so_ampliada.paragrafos


def test_victim_data_in_minutes_refuses_the_ata_unless_insisted(ws_demo, tmp_path):
    gt = _gt(ws_demo)
    item = ws_demo.itens_pauta(gt.id)[0]
    with ws_demo.aceitando_alertas_de_privacidade():  # kept on purpose, as with --mesmo-assim
        ws_demo.salvar_ata_item(item.id, CPF_NA_ATA)
    saida = tmp_path / "saida"
    with pytest.raises(DadoPessoalNoTexto) as erro:
        gerar.ata(_f(ws_demo), saida, gt.id)
    assert "Parece um CPF" in erro.value.mensagem and "529.982.247-25" in erro.value.mensagem
    assert not saida.exists()  # nothing written
    lote = gerar.ata(_f(ws_demo), saida, gt.id, mesmo_assim=True)
    assert lote.arquivos and any("Parece um CPF" in a for a in lote.avisos)


def test_cli_ata_refuses_victim_data_like_the_meeting_commands(rodar, ws_demo, tmp_path):
    gt = _gt(ws_demo)
    with ws_demo.aceitando_alertas_de_privacidade():  # kept on purpose, as with --mesmo-assim
        ws_demo.salvar_ata_item(ws_demo.itens_pauta(gt.id)[0].id, CPF_NA_ATA)
    tmp_path = tmp_path / "saida"
    recusa = rodar("gerar", "ata", "--reuniao", str(gt.id), "--saida", str(tmp_path))
    assert recusa.exit_code == 1
    assert "Erro: O texto registrado parece conter dado pessoal de vítima" in recusa.output
    assert "Parece um CPF" in recusa.output and "--mesmo-assim" in recusa.output
    assert "Traceback" not in recusa.output and not tmp_path.exists()
    aceita = rodar(
        "gerar", "ata", "--reuniao", str(gt.id), "--saida", str(tmp_path), "--mesmo-assim"
    )
    assert aceita.exit_code == 0, aceita.output
    assert "Aviso: Possível dado pessoal de vítima" in aceita.output
    assert (tmp_path / "ata-2026-10-29-gt-1.docx").is_file()


def test_cli_suggestions_refuse_victim_data(rodar, ws_demo, tmp_path):
    sugestao = ws_demo.sugestoes()[0]
    sugestao.texto = "Ligar para a vítima no (95) 99123-4567 para confirmar o acolhimento."
    with ws_demo.aceitando_alertas_de_privacidade():  # kept on purpose, as with --mesmo-assim
        ws_demo.salvar_sugestao(sugestao)
    recusa = rodar("gerar", "sugestoes", "--saida", str(tmp_path))
    assert recusa.exit_code == 1 and "Telefone perto de “vítima”" in recusa.output
    assert rodar("gerar", "sugestoes", "--saida", str(tmp_path), "--mesmo-assim").exit_code == 0


def test_cli_generates_each_meeting_document(rodar, ws_demo, tmp_path):
    gt, ampliada = _gt(ws_demo), _ampliada(ws_demo)
    casos = [
        (("ata", "--reuniao", str(gt.id)), "ata-2026-10-29-gt-1.docx"),
        (("ata", "--reuniao", str(gt.id), "--memoria"), "memoria-2026-10-29-gt-1.docx"),
        (("presenca", "--reuniao", str(ampliada.id)), "presenca-2026-12-10-ampliada-1.docx"),
        (("pauta", "--reuniao", str(ampliada.id)), "pauta-2026-12-10-ampliada-1.docx"),
        (("sugestoes", "--reuniao", str(gt.id)), "matriz-sugestoes-2026-10-29-gt-1.docx"),
    ]
    for argumentos, nome in casos:
        resultado = rodar("gerar", *argumentos, "--saida", str(tmp_path))
        assert resultado.exit_code == 0, resultado.output
        assert str(tmp_path / nome) in resultado.output
        assert "1 arquivo gravado." in resultado.output
        sem_marcacoes(ler(tmp_path / nome))
    inexistente = rodar("gerar", "pauta", "--reuniao", "999", "--saida", str(tmp_path))
    assert inexistente.exit_code == 1
    assert "Erro: Reunião inexistente: 999." in inexistente.output


def test_ata_of_a_meeting_recorded_from_scratch(ws_vazio, tmp_path):
    from .conftest import nova_instituicao

    netp = nova_instituicao(ws_vazio, "NETP", "Núcleo de Enfrentamento ao Tráfico de Pessoas")
    r = ws_vazio.criar_reuniao(
        Reuniao(
            "ampliada",
            1,
            date(2027, 3, 1),
            time(1, 30),
            modalidade="virtual",
            local="https://reuniao.exemplo.gov.br/abc",
            presidente="Ana Lima",
            secretario="Bruno Reis",
            situacao="realizada",
        ),
        [("Abertura", 10)],
    )
    ws_vazio.salvar_ata_item(ws_vazio.itens_pauta(r.id)[0].id, "Primeiro parágrafo.\n\nSegundo.")
    ws_vazio.registrar_presenca(Presenca(r.id, "Ana Lima", netp.id, cargo="Coordenadora"))
    ws_vazio.salvar_deliberacao(Deliberacao(r.id, "Aprovar o calendário"))
    ws_vazio.salvar_acao(Acao(r.id, "Enviar o calendário", netp.id, "NETP"))
    ws_vazio.salvar_item_pauta(ItemPauta(r.id, 2, "Encerramento", 5))
    lido = ler(gerar.ata(fontes(ws_vazio, hoje=HOJE), tmp_path, r.id).arquivos[0])
    assert lido.paragrafos[0] == "ATA DA 1ª REUNIÃO AMPLIADA DA REDE MUNICIPAL DE TESTE"
    assert lido.paragrafos[1].startswith(
        "Ao primeiro dia do mês de março de dois mil e vinte e sete, à uma hora e trinta minutos, "
        "por videoconferência (https://reuniao.exemplo.gov.br/abc), reuniram-se"
    )
    assert "Registrou-se a presença de 1 (um) representante de 1 (um) órgão ou instituição" in (
        lido.texto
    )
    assert ["Primeiro parágrafo.", "Segundo."] == [
        p for p in lido.paragrafos if p in ("Primeiro parágrafo.", "Segundo.")
    ]
    assert "I – Aprovar o calendário." in lido.paragrafos
    assert lido.tabela_com_cabecalho("Ação", "Instituição", "Prazo")[1] == [
        "Enviar o calendário.",
        "Núcleo de Enfrentamento ao Tráfico de Pessoas",
        "A definir",
    ]
    assert "A data da próxima reunião será definida e comunicada pela coordenação da rede." in (
        lido.paragrafos
    )


def test_network_names_take_the_feminine_article():
    from pacto.domain.redacao import contracao

    for nome in ("Rede Estadual de Enfrentamento", "Ordem dos Advogados", "Pastoral do Migrante"):
        assert contracao("de", nome) == "da", nome
    assert contracao("em", "Auditório da SETRABES") == "no"
    assert contracao("em", "Sala de reuniões") == "na"
