"""Three months of living flow, end to end through the CLI (issue 14's scenario)."""

import json
from datetime import date, timedelta

from click.testing import CliRunner
from docx import Document

from pacto.cli import pacto

from .test_netp import _preencher

ATORES = """Nome,Sigla,Tipo,Etapas,Atribuições,Telefone,Horário,Ponto focal
Núcleo de Enfrentamento ao Tráfico de Pessoas,NETP-T,netp,Enfrentamento,Articula a rede.,(95) 3000-0001,8h às 18h,Ana Lima
Polícia Civil,PC-T,policia_civil,Denúncia,Recebe denúncias.,(95) 3000-0002,24 horas,Bruno Reis
Polícia Federal,PF-T,policia_federal,Resgate,Conduz o resgate.,(95) 3000-0003,8h às 18h,Carla Dias
CREAS Centro,CREAS-T,creas,Pós-Resgate,Acolhe e acompanha.,(95) 3000-0004,8h às 17h,Davi Melo
Hospital Geral,HG-T,hospital,Atendimento às Vítimas,Atende a saúde da vítima.,(95) 3000-0005,24 horas,Eva Nunes
"""


def test_three_months_of_living_flow(tmp_path):
    banco = tmp_path / "rede.db"
    hoje = date.today()

    def rodar(*args, codigo=0):
        resultado = CliRunner().invoke(pacto, ["--db", str(banco), *args], catch_exceptions=False)
        assert resultado.exit_code == codigo, (args, resultado.output)
        return resultado.output

    def reuniao(tipo, dias, *presentes):
        saida = rodar(
            "reuniao", "criar", "--tipo", tipo, "--data", f"{hoje + timedelta(days=dias):%d/%m/%Y}"
        )
        rid = saida.split()[1]
        for sigla in presentes:
            rodar("reuniao", "presenca", rid, "--instituicao", sigla, "--nome", f"Rep. {sigla}")
        rodar("reuniao", "realizar", rid)
        return rid

    def status():
        return json.loads(rodar("status", "--json"))

    siglas = ("NETP-T", "PC-T", "PF-T", "CREAS-T", "HG-T")
    rodar("init", "--rede", "Rede de Teste", "--uf", "RR")
    planilha = tmp_path / "atores.csv"
    planilha.write_text(ATORES, encoding="utf-8")
    rodar("atores", "importar", str(planilha))
    from pacto.store import Workspace

    with Workspace.abrir(banco) as ws:  # no CLI sets the coordination: the TUI's Rede does
        rede = ws.rede()
        rede.coordenacao_id = ws.instituicao_por_sigla("NETP-T").id
        ws.salvar_rede(rede)
    signatarias = siglas[1:]  # the coordination signs no Termo with itself
    # the six passos
    rodar("gt", "adicionar", "NETP-T", "PC-T")
    reuniao("gt", -130, "NETP-T", "PC-T")
    reuniao("ampliada", -120, "NETP-T", "PC-T", "PF-T")  # 3 of 5: above half
    rodar("versao", "congelar", "--nota", "Fluxo pactuado")
    reuniao("apresentacao_final", -100, *siglas)
    passos = {p["numero"]: p["situacao"] for p in status()["passos_pactuacao"]}
    assert [passos[n] for n in range(1, 6)] == ["concluído"] * 5
    # version 1 signed by everyone but the coordination, which receives the adhesions
    for sigla in siglas[1:]:
        rodar(
            "adesao",
            "registrar",
            sigla,
            "--situacao",
            "assinado",
            "--data",
            f"{hoje - timedelta(days=95):%d/%m/%Y}",
        )
    # month 1: the alignment accepts one changed duty; version 2
    m1 = reuniao("alinhamento", -70, *siglas)
    rodar(
        "reuniao",
        "sugestao",
        m1,
        "--autor",
        "PF-T",
        "--texto",
        "Resgate junto com o MPT.",
        "--atribuicao",
        "PF-T",
        "Resgate",
        "Conduz o resgate com o MPT e comunica o NETP-T.",
    )
    sugestao = json.loads(rodar("reuniao", "mostrar", m1, "--json"))["sugestoes"][0]["id"]
    rodar("reuniao", "sugestao-decidir", str(sugestao), "--decisao", "acolhida", "--aplicar")
    rodar("versao", "congelar", "--nota", "Alinhamento do mês 1")
    adesoes = {
        i["sigla"]: i for i in json.loads(rodar("adesao", "listar", "--json"))["instituicoes"]
    }
    assert adesoes["PF-T"]["situacao"] == "readesao_pendente"
    assert {adesoes[s]["situacao"] for s in signatarias if s != "PF-T"} == {"mantida"}
    saida = tmp_path / "termos"
    rodar("gerar", "termo", "--aditivo", "--todas", "--saida", str(saida))
    [aditivo] = list(saida.iterdir())
    assert aditivo.name == "termo-aditivo-v2-PF-T.docx"
    doc = Document(aditivo)  # siglas carry non-breaking hyphens in documents
    itens = [p.text.replace("\u2011", "-") for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert itens == ["Atribuição alterada — PF-T em Resgate."]
    # three monthly alignments; the NETP receives each month's counts
    reuniao("alinhamento", -40, *siglas)
    reuniao("alinhamento", -10, *siglas)
    for dias in (-70, -40, -10):
        mes = f"{hoje + timedelta(days=dias):%Y-%m}"
        rodar(
            "gerar",
            "formulario-netp",
            "--mes",
            mes,
            "--instituicao",
            "CREAS-T",
            "--saida",
            str(tmp_path),
        )
        form = tmp_path / f"formulario-netp-{mes}-CREAS-T.xlsx"
        _preencher(form, "CREAS-T", {("Exploração sexual", "Feminino"): 2})
        rodar("netp", "importar", str(form), "--mes", mes)
    dados = status()
    passos = {p["numero"]: p for p in dados["passos_pactuacao"]}
    etapas = {e["numero"]: e for e in dados["etapas_elaboracao"]}
    assert passos[5]["situacao"] == "concluído" and passos[6]["situacao"] == "em dia"
    assert "3 alinhamentos desde a pactuação" in passos[6]["motivo"]
    assert etapas[11]["situacao"] == "concluído" and "ao NETP-T" in etapas[11]["motivo"]
    assert (
        etapas[12]["situacao"] == "concluído" and "1 Termo Aditivo pendente" in etapas[12]["motivo"]
    )
    # the semiannual evaluation with its grid, then next period's targets
    avaliacao = reuniao("avaliacao", -5, *siglas)
    fim = rodar(
        "reuniao",
        "avaliacao",
        avaliacao,
        "--periodicidade",
        "semestral",
        "--funciona",
        "Denúncias chegam no mesmo dia.",
        "--melhorar",
        "Retorno da saúde.",
        "--descontinuar",
        "Formulário em papel.",
    )
    periodo = fim.split("trace as metas de ")[1].split()[0]
    assert etapas[14]["situacao"] != "concluído"
    etapa14 = status()["etapas_elaboracao"][13]
    assert (
        etapa14["situacao"] == "em andamento"
        and f"defina as metas de {periodo}" in etapa14["motivo"]
    )
    rodar("indicadores", "meta", "adesao", "--periodo", periodo, "--valor", "100")
    etapa14 = status()["etapas_elaboracao"][13]
    assert etapa14["situacao"] == "concluído"
    # the adhesion indicator never dropped: PF's Termo stays in force until the aditivo
    from pacto.services.mensal import fatos_indicadores

    with Workspace.abrir(banco) as ws:
        assert fatos_indicadores(ws, ws.carregar(), hoje).adesoes_assinadas == 4
