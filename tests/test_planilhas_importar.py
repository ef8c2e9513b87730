"""`pacto atores importar` on messy spreadsheets built here, as a working group would bring them."""

import hashlib
import zipfile

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from pacto.cli import pacto
from pacto.domain.celulas_planilha import TEXTO_A_DETALHAR
from pacto.domain.errors import ErroImportacao
from pacto.services.planilhas import aplicar_plano, planejar_importacao
from pacto.store import Workspace

from .conftest import nova_instituicao
from .planilhas_exemplo import planilha_baguncada


def _hash(caminho) -> str:
    return hashlib.sha256(caminho.read_bytes()).hexdigest()


@pytest.fixture
def runner():
    return CliRunner()


def _importar(runner, db, arquivo, *extras):
    return runner.invoke(
        pacto,
        ["--db", str(db), "atores", "importar", str(arquivo), *extras],
        catch_exceptions=False,
    )


def test_messy_xlsx_is_imported_and_bad_rows_listed_with_numbers(runner, caminho_vazio, tmp_path):
    arquivo = planilha_baguncada(tmp_path / "atores.xlsx")
    resultado = _importar(runner, caminho_vazio, arquivo)
    assert resultado.exit_code == 0, resultado.output
    saida = resultado.output
    assert "aba “Atores da rede” · cabeçalho na linha 4" in saida
    assert "Colunas ignoradas: Nº, Município" in saida
    assert "Linha 11 (Casa de Passagem): Informe a sigla da instituição." in saida
    assert "Linha 12 (Conselho Tutelar (CT)): E-mail inválido: “ct@invalido”." in saida
    assert "Linha 13 (Guarda Municipal (GM)): Etapa não reconhecida: “Prevenção”." in saida
    assert "Linha 10: repete a linha 9 e foi ignorada." in saida
    assert "Linha 8: “ASSISTÊNCIA SOCIAL” parece um título de seção e foi ignorada." in saida
    assert (
        "Importação concluída: 3 instituições criadas, 0 atualizadas, 3 linhas rejeitadas." in saida
    )

    with Workspace.abrir(caminho_vazio) as ws:
        rc = ws.carregar()
    por_sigla = {i.sigla: i for i in rc.instituicoes}
    assert sorted(por_sigla) == ["CREAS", "MP-SP", "PF"]
    pf = por_sigla["PF"]
    assert (pf.nome, pf.telefone, pf.email) == ("Polícia Federal", "(19) 3234-0000", "pf@pf.gov.br")
    assert rc.siglas_etapas(pf.id) == "D R"
    textos = {rc.etapa_por_id[a.etapa_id].sigla: a.texto for a in rc.atribuicoes_de(pf.id)}
    assert textos == {
        "D": "Recebe denúncias e instaura inquérito.",
        "R": "Conduz o resgate com o MPT.",
    }
    assert rc.titular(pf.id).nome == "Ana Souza"
    creas = por_sigla["CREAS"]
    assert creas.nome == "Centro de Referência Especializado de Assistência Social"
    assert creas.telefone == "1932320000"
    assert rc.siglas_etapas(creas.id) == "PR A"
    mp = por_sigla["MP-SP"]
    assert mp.nome == "Ministério Público de São Paulo"
    assert rc.siglas_etapas(mp.id) == "D"


def test_simular_writes_nothing(runner, caminho_vazio, tmp_path):
    arquivo = planilha_baguncada(tmp_path / "atores.xlsx")
    antes = _hash(caminho_vazio)
    resultado = _importar(runner, caminho_vazio, arquivo, "--simular")
    assert resultado.exit_code == 0, resultado.output
    assert "A criar (3):" in resultado.output
    assert "Rejeitadas (3):" in resultado.output
    assert "Simulação: nada foi gravado." in resultado.output
    assert _hash(caminho_vazio) == antes
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.esta_vazio()
        assert ws.atribuicoes() == [] and ws.pontos_focais() == []


def test_importing_again_updates_instead_of_duplicating(runner, caminho_vazio, tmp_path):
    arquivo = planilha_baguncada(tmp_path / "atores.xlsx")
    _importar(runner, caminho_vazio, arquivo)
    de_novo = _importar(runner, caminho_vazio, arquivo)
    assert "0 instituições a criar · 0 a atualizar · 3 sem mudança" in de_novo.output
    assert "Nada a gravar" in de_novo.output

    from openpyxl import load_workbook

    livro = load_workbook(arquivo)
    folha = livro.active
    folha["F5"] = "(19) 3234-9999"
    folha["C5"] = "pf"  # same sigla, other case
    folha["D9"] = "Pós-Resgate; A; Denúncia"
    livro.save(arquivo)
    terceira = _importar(runner, caminho_vazio, arquivo)
    assert "A atualizar (2):" in terceira.output
    assert "Telefone: “(19) 3234-0000” → “(19) 3234-9999”" in terceira.output
    assert "Nova atribuição em Denúncia" in terceira.output
    with Workspace.abrir(caminho_vazio) as ws:
        rc = ws.carregar()
    assert len(rc.instituicoes) == 3
    pf = next(i for i in rc.instituicoes if i.nome == "Polícia Federal")
    assert pf.telefone == "(19) 3234-9999" and pf.sigla == "PF"  # case alone changes nothing
    assert len(rc.atribuicoes) == 6


def test_csv_with_semicolon_bom_and_title_row(runner, caminho_vazio, tmp_path):
    arquivo = tmp_path / "lista.csv"
    texto = (
        "Lista de atores da rede;;;\r\n"
        ";;;\r\n"
        "Instituição;Sigla;E-mail;Etapa\r\n"
        "Defensoria Pública da União;DPU;dpu@dpu.def.br;Atendimento\r\n"
        "  Polícia Civil  ; PC ;pc@pc.sp.gov.br;Denúncia e Resgate\r\n"
    )
    arquivo.write_bytes(b"\xef\xbb\xbf" + texto.encode("utf-8"))
    resultado = _importar(runner, caminho_vazio, arquivo)
    assert resultado.exit_code == 0, resultado.output
    assert "CSV lido como UTF-8 com BOM, separado por ponto e vírgula." in resultado.output
    with Workspace.abrir(caminho_vazio) as ws:
        rc = ws.carregar()
    nomes = {i.sigla: i.nome for i in rc.instituicoes}
    assert nomes == {"DPU": "Defensoria Pública da União", "PC": "Polícia Civil"}
    pc = next(i for i in rc.instituicoes if i.sigla == "PC")
    assert rc.siglas_etapas(pc.id) == "D R"
    assert {a.texto for a in rc.atribuicoes} == {TEXTO_A_DETALHAR}


def test_csv_with_comma_in_latin1(runner, caminho_vazio, tmp_path):
    arquivo = tmp_path / "latin1.csv"
    texto = (
        "Órgão,Sigla,Telefone,Observações\r\n"
        'Secretaria Municipal de Saúde,SMS,(19) 3333-0000,"Atende com agendamento, de manhã"\r\n'
        "Secretaria de Educação,SME,(19) 3333-1111,\r\n"
    )
    arquivo.write_bytes(texto.encode("latin-1"))
    resultado = _importar(runner, caminho_vazio, arquivo)
    assert resultado.exit_code == 0, resultado.output
    assert "Latin-1" in resultado.output and "separado por vírgula" in resultado.output
    with Workspace.abrir(caminho_vazio) as ws:
        sms = ws.instituicao_por_sigla("SMS")
    assert sms.nome == "Secretaria Municipal de Saúde"
    assert sms.observacoes == "Atende com agendamento, de manhã"


def test_csv_utf8_without_bom_with_a_multiline_duty(caminho_vazio, tmp_path):
    arquivo = tmp_path / "sem_bom.csv"
    arquivo.write_text(
        'Instituição,Sigla,Etapa,Atribuições\n"Hospital Municipal",HM,Atendimento,"Acolhe.\nNotifica."\n'
        "Unidade Básica de Saúde,UBS,,\n",
        encoding="utf-8",
    )
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
    assert [a.instituicao.sigla for a in plano.criar] == ["HM", "UBS"]
    assert plano.criar[0].atribuicoes[0].texto == "Acolhe.\nNotifica."
    assert plano.criar[1].linhas == [3]  # counted as Excel shows rows, not text lines


def test_a_column_detection_cannot_name_is_mapped_by_hand(runner, caminho_vazio, tmp_path):
    arquivo = tmp_path / "servicos.csv"
    arquivo.write_text(
        "Nome do serviço;Abreviação;Telefone\nCentro Pop;POP;(19) 3000-0000\n", encoding="utf-8"
    )
    sem = runner.invoke(pacto, ["--db", str(caminho_vazio), "atores", "importar", str(arquivo)])
    assert sem.exit_code == 1
    assert "Não encontrei o cabeçalho" in sem.output and "Traceback" not in sem.output
    com = _importar(
        runner, caminho_vazio, arquivo, "--coluna", 'nome="Nome do serviço"',
        "--coluna", "sigla=Abreviação",
    )  # fmt: skip
    assert com.exit_code == 0, com.output
    assert "Nome do serviço → Instituição (indicada à mão)" in com.output
    with Workspace.abrir(caminho_vazio) as ws:
        assert ws.instituicao_por_sigla("POP").telefone == "(19) 3000-0000"


def test_unknown_field_in_coluna_is_a_clear_error(runner, caminho_vazio, tmp_path):
    arquivo = tmp_path / "x.csv"
    arquivo.write_text("Instituição;Sigla\nA;B\n", encoding="utf-8")
    resultado = runner.invoke(
        pacto, ["--db", str(caminho_vazio), "atores", "importar", str(arquivo), "--coluna", "cor=X"]
    )
    assert resultado.exit_code == 1
    assert "Campo desconhecido em --coluna: “cor”" in resultado.output


def test_row_without_sigla_updates_an_institution_with_the_same_name(ws_demo, tmp_path):
    arquivo = tmp_path / "hgr.csv"
    arquivo.write_text(
        "Instituição;Telefone;Etapa;Atribuições\n"
        "HOSPITAL GERAL DE RORAIMA;(95) 1111-2222;Atendimento;Atende vítimas 24 horas.\n",
        encoding="utf-8",
    )
    antes = ws_demo.instituicao_por_sigla("HGR")
    plano = planejar_importacao(arquivo, ws_demo.carregar())
    assert plano.criar == [] and plano.rejeitadas == []
    [ator] = plano.atualizar
    assert ator.instituicao.id == antes.id
    assert any(m.startswith("Telefone:") for m in ator.mudancas)
    aplicar_plano(ws_demo, plano)
    depois = ws_demo.instituicao_por_sigla("HGR")
    assert depois.telefone == "(95) 1111-2222" and depois.nome == antes.nome
    assert depois.email == antes.email  # an absent column never blanks a field


def test_a_new_titular_replaces_the_former_one_and_its_contacts(ws_demo, tmp_path):
    rc = ws_demo.carregar()
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    antigo = rc.titular(pf.id)
    assert antigo.email and antigo.confirmado_em
    arquivo = tmp_path / "pf.csv"
    arquivo.write_text("Sigla;Ponto focal;Cargo\npf-rr;Carla Nunes;Delegada\n", encoding="utf-8")
    plano = planejar_importacao(arquivo, rc)
    assert f"Ponto focal titular: {antigo.nome} → Carla Nunes" in plano.atualizar[0].mudancas
    aplicar_plano(ws_demo, plano)
    novo = ws_demo.carregar().titular(pf.id)
    assert (novo.id, novo.nome, novo.cargo) == (antigo.id, "Carla Nunes", "Delegada")
    assert novo.email == "" and novo.telefone == "" and novo.confirmado_em is None


def test_two_row_header_under_a_merged_focal_point_cell(caminho_vazio, tmp_path):
    livro = Workbook()
    folha = livro.active
    folha.append(["Instituição", "Sigla", "Ponto focal titular", None, None])
    folha.append([None, None, "Nome", "Telefone", "E-mail"])
    folha.merge_cells("A1:A2")
    folha.merge_cells("B1:B2")
    folha.merge_cells("C1:E1")
    folha.append(["Conselho Tutelar Norte", "CT-N", "Dora Reis", "(19) 98888-0000", "dora@ct.br"])
    arquivo = tmp_path / "duplo.xlsx"
    livro.save(arquivo)
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
    assert plano.linha_cabecalho == 1
    [ator] = plano.criar
    [ponto] = ator.pontos
    assert (ponto.papel, ponto.nome, ponto.telefone, ponto.email) == (
        "titular", "Dora Reis", "(19) 98888-0000", "dora@ct.br",
    )  # fmt: skip


def test_one_column_per_stage_with_x_or_text(caminho_vazio, tmp_path):
    arquivo = tmp_path / "matriz.csv"
    arquivo.write_text(
        "Instituição;Sigla;Denúncia;Resgate;Atendimento às vítimas\n"
        "Polícia Rodoviária Federal;PRF;X;Aborda veículos suspeitos.;\n",
        encoding="utf-8",
    )
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
        etapas = {e.id: e.sigla for e in ws.etapas()}
    textos = {etapas[a.etapa_id]: a.texto for a in plano.criar[0].atribuicoes}
    assert textos == {"D": TEXTO_A_DETALHAR, "R": "Aborda veículos suspeitos."}


def test_rows_with_the_same_sigla_are_one_institution_matched_by_sigla(ws_vazio, tmp_path):
    nova_instituicao(ws_vazio, "SMS", "Secretaria Municipal de Saúde")
    arquivo = tmp_path / "conflito.csv"
    arquivo.write_text(
        "Instituição;Sigla\nSecretaria Municipal de Segurança;sms\nSecretaria de Saúde;SMS\n",
        encoding="utf-8",
    )
    plano = planejar_importacao(arquivo, ws_vazio.carregar())
    # the sigla is the identity: both rows are SMS, the first name wins and the other is reported
    [ator] = plano.atualizar
    assert ator.linhas == [2, 3] and ator.instituicao.nome == "Secretaria Municipal de Segurança"
    assert "Instituição: “Secretaria Municipal de Saúde” → “Secretaria Municipal de Segurança”" in (
        ator.mudancas
    )
    assert any(
        "Linha 3: instituição “Secretaria de Saúde” difere do da linha 2" in a for a in plano.avisos
    )
    assert plano.criar == []


def test_the_import_is_one_transaction(ws_vazio, tmp_path):
    arquivo = planilha_baguncada(tmp_path / "atores.xlsx")
    plano = planejar_importacao(arquivo, ws_vazio.carregar())
    assert len(plano.criar) == 3
    nova_instituicao(ws_vazio, "CREAS", "Outro CREAS")  # someone took a sigla meanwhile
    with pytest.raises(ErroImportacao, match="CREAS"):
        aplicar_plano(ws_vazio, plano)
    assert [i.sigla for i in ws_vazio.instituicoes()] == ["CREAS"]
    assert ws_vazio.atribuicoes() == [] and ws_vazio.pontos_focais() == []


def _arquivo_zip_qualquer(caminho):
    with zipfile.ZipFile(caminho, "w") as pacote:
        pacote.writestr("leia-me.txt", "não sou planilha")
    return caminho


@pytest.mark.parametrize(
    ("nome", "conteudo", "mensagem"),
    [
        ("relatorio.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "é um PDF, não uma planilha"),
        ("lixo.xlsx", bytes(range(256)) * 8, "não é uma planilha .xlsx válida"),
        ("zip.xlsx", None, "não é uma planilha .xlsx válida"),
        ("antigo.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel 97-2003"),
        ("binario.csv", b"\x00\x01\x02\x03" * 100, "não parece ser um arquivo CSV"),
        ("vazio.csv", b"", "está vazio"),
    ],
)
def test_files_that_are_not_spreadsheets_fail_clearly_and_write_nothing(
    runner, caminho_demo, tmp_path, nome, conteudo, mensagem
):
    arquivo = tmp_path / nome
    if conteudo is None:
        _arquivo_zip_qualquer(arquivo)
    else:
        arquivo.write_bytes(conteudo)
    antes = _hash(caminho_demo)
    resultado = runner.invoke(
        pacto, ["--db", str(caminho_demo), "atores", "importar", str(arquivo)]
    )
    assert resultado.exit_code == 1
    assert mensagem in resultado.output
    assert resultado.output.startswith("Erro: ")
    assert "Traceback" not in resultado.output
    assert _hash(caminho_demo) == antes


def test_missing_file_is_a_clear_error(runner, caminho_vazio, tmp_path):
    resultado = runner.invoke(
        pacto, ["--db", str(caminho_vazio), "atores", "importar", str(tmp_path / "nada.xlsx")]
    )
    assert resultado.exit_code == 1
    assert "Arquivo não encontrado" in resultado.output


def test_sheet_is_chosen_by_name_or_found_by_its_header(caminho_vazio, tmp_path):
    livro = Workbook()
    livro.active.title = "Capa"
    livro.active["A1"] = "Mapeamento da rede"
    dados = livro.create_sheet("Dados")
    dados.append(["Instituição", "Sigla"])
    dados.append(["Instituto Federal", "IF"])
    arquivo = tmp_path / "abas.xlsx"
    livro.save(arquivo)
    with Workspace.abrir(caminho_vazio) as ws:
        rc = ws.carregar()
    assert planejar_importacao(arquivo, rc).aba == "Dados"
    assert planejar_importacao(arquivo, rc, aba="dados").criar[0].instituicao.sigla == "IF"
    with pytest.raises(ErroImportacao, match="não tem a aba “Resumo”"):
        planejar_importacao(arquivo, rc, aba="Resumo")


def test_title_naming_institutions_does_not_pass_for_the_header(caminho_vazio, tmp_path):
    livro = Workbook()
    folha = livro.active
    folha["A1"] = "Instituições parceiras do fluxo estadual"
    folha.merge_cells("A1:C1")
    folha.append(["Instituição", "Município", "Obs. internas"])
    folha.append(["Universidade Federal (UF-X)", "Campinas", ""])
    arquivo = tmp_path / "titulo.xlsx"
    livro.save(arquivo)
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
    assert plano.linha_cabecalho == 2
    assert [a.instituicao.sigla for a in plano.criar] == ["UF-X"]


def test_a_generic_name_column_beside_the_institution_is_the_focal_point(caminho_vazio, tmp_path):
    arquivo = tmp_path / "pessoas.csv"
    arquivo.write_text(
        "Nome;Cargo;Órgão;Sigla;Telefone\n"
        "Eva Prado;Assistente social;Centro de Referência;CR;(19) 3000-1000\n",
        encoding="utf-8",
    )
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
    [ator] = plano.criar
    assert ator.instituicao.nome == "Centro de Referência"
    [ponto] = ator.pontos
    assert (ponto.nome, ponto.cargo) == ("Eva Prado", "Assistente social")
    assert any("“Nome” foi lida como ponto focal titular" in a for a in plano.avisos)


def test_rows_without_the_institution_continue_the_one_above(caminho_vazio, tmp_path):
    arquivo = tmp_path / "continua.csv"
    arquivo.write_text(
        "Instituição;Sigla;Etapa;Atribuições\n"
        "Ministério Público do Trabalho;MPT;Denúncia;Recebe denúncias de trabalho escravo.\n"
        ";;Resgate;Participa das operações de resgate.\n"
        "Instituição;Sigla;Etapa;Atribuições\n"
        "Auditoria-Fiscal do Trabalho;AFT;Resgate;Coordena a fiscalização.\n",
        encoding="utf-8",
    )
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
        etapas = {e.id: e.sigla for e in ws.etapas()}
    mpt, aft = plano.criar
    assert mpt.linhas == [2, 3] and [etapas[a.etapa_id] for a in mpt.atribuicoes] == ["D", "R"]
    assert aft.instituicao.sigla == "AFT"
    assert "Linha 4: repete o cabeçalho e foi ignorada." in plano.avisos


def test_atores_help_is_portuguese_and_light():
    import json
    import subprocess
    import sys

    programa = (
        "import sys, json\nsys.argv = ['pacto', 'atores', 'importar', '--help']\n"
        "from pacto.cli import pacto\n"
        "try:\n    pacto.main(prog_name='pacto')\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    saida = subprocess.run(
        [sys.executable, "-c", programa], capture_output=True, text=True, check=True
    ).stdout
    ajuda, modulos = saida.rsplit("\n", 2)[0], json.loads(saida.strip().splitlines()[-1])
    assert "Uso: pacto atores importar [OPÇÕES] ARQUIVO" in ajuda
    assert "--simular" in ajuda and "--coluna" in ajuda
    assert "openpyxl" not in modulos and "textual" not in modulos and "sqlite_utils" not in modulos


def test_a_row_continuing_a_rejected_one_is_rejected_too(caminho_vazio, tmp_path):
    arquivo = tmp_path / "continua_rejeitada.csv"
    arquivo.write_text(
        "Instituição;Sigla;E-mail;Etapa;Atribuições\n"
        "Guarda Municipal;GM;não possui;Prevenção;Rondas.\n"
        ";;;Resgate;Apoia operações.\n"
        "Polícia Militar;PM;-;Denúncia;Atende o 190.\n",
        encoding="utf-8",
    )
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
    assert [r.descrever() for r in plano.rejeitadas] == [
        "Linha 2 (Guarda Municipal (GM)): Etapa não reconhecida: “Prevenção”. Etapas do fluxo: "
        "Denúncia (D), Enfrentamento (E), Resgate (R), Pós-Resgate (PR), "
        "Atendimento às Vítimas (A).",
        "Linha 3 (Guarda Municipal (GM)): Completa a linha 2, que foi rejeitada.",
    ]
    [pm] = plano.criar
    assert pm.instituicao.email == ""  # "-" and "não possui" are empty cells, not bad e-mails


def test_the_booklet_example_table_without_a_stage_column(caminho_vazio, tmp_path):
    arquivo = tmp_path / "cartilha.csv"
    arquivo.write_text(
        "Instituição\tAtribuições no Enfrentamento ao tráfico de pessoas\tForma de Contato\n"
        "Núcleos de Enfrentamento ao Tráfico de Pessoas (NETP's)\tPrevenção e Combate\t"
        "Telefone e local para atendimento presencial\n"
        "Polícia Federal (PF)\tCombate, deflagração e denúncia\tAtendimento presencial e por "
        "telefone\n"
        "Ministério das Relações Exteriores Divisão de Assistência Consular (MRE – DAC)\t"
        "Prestar assistência a brasileiros no exterior\tEmbaixadas e Consulados do Brasil\n",
        encoding="utf-8",
    )
    with Workspace.abrir(caminho_vazio) as ws:
        plano = planejar_importacao(arquivo, ws.carregar())
    assert [a.instituicao.sigla for a in plano.criar] == ["PF", "MRE - DAC"]
    pf = plano.criar[0].instituicao
    assert pf.observacoes == (
        "Forma de contato: Atendimento presencial e por telefone\n"
        "Atribuições: Combate, deflagração e denúncia"
    )
    [netp] = plano.rejeitadas
    assert netp.linhas == [2]
    assert "O texto entre parênteses (“NETP's”) não serve de sigla" in netp.descrever()
    assert any("não tem coluna de etapa" in aviso for aviso in plano.avisos)
