"""The Portaria, the Decreto and the working group's Portaria read back: LC 95/1998 form and annexes."""

import re

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.redacao import nome_e_sigla
from pacto.services.documentos import gerar
from pacto.services.documentos.ato import DadosDoAto
from pacto.services.documentos.configuracao import gravar
from pacto.services.documentos.contexto import fontes

from .conftest import HOJE
from .leitura_docx import ler, sem_marcacoes

CITACOES = (
    "Lei nº 13.344, de 6 de outubro de 2016",
    "Decreto nº 5.948, de 26 de outubro de 2006",
    "Decreto nº 12.121, de 30 de julho de 2024",
)


def _ato(ws, pasta, tipo="portaria", **dados):
    lote = gerar.ato(fontes(ws, hoje=HOJE), pasta, tipo, DadosDoAto(**dados))
    return ler(lote.arquivos[0]), lote


@pytest.fixture(scope="module")
def portaria(_modelo_demo, tmp_path_factory):
    """The demo network's Portaria, generated once for the read-only checks of this module."""
    import shutil

    from pacto.store import Workspace

    pasta = tmp_path_factory.mktemp("portaria")
    caminho = pasta / "demo.db"
    shutil.copy(_modelo_demo, caminho)
    with Workspace.abrir(caminho) as ws:
        lido, lote = _ato(ws, pasta, numero="12", processo="00000.000123/2026-11")
        rc = ws.carregar()
    return lido, lote, rc


def test_preliminary_part_epigrafe_ementa_preambulo(portaria):
    lido, lote, _ = portaria
    sem_marcacoes(lido)
    assert lote.arquivos[0].name == "portaria.docx"
    assert lido.paragrafos[0] == "PORTARIA SEJUC Nº 12, DE 26 DE NOVEMBRO DE 2026"  # demo settings
    assert lido.paragrafos[1].startswith(
        "Institui o Fluxo Estadual de Atendimento às Vítimas de Tráfico de Pessoas no Estado de "
        "Roraima"
    )
    preambulo = lido.paragrafos[2]
    for citacao in CITACOES:
        assert citacao in preambulo
    assert "o que consta do Processo nº 00000.000123/2026-11" in preambulo
    assert preambulo.endswith(", RESOLVE:")


def test_articles_are_numbered_as_lc95_says(portaria):
    lido, _, _ = portaria
    artigos = [re.match(r"(Art\. \d+[º.])", p).group(1) for p in lido.comeca_com("Art. ")]
    assert artigos[:10] == [f"Art. {n}º" for n in range(1, 10)] + ["Art. 10."]
    assert all(a == f"Art. {n}." for n, a in enumerate(artigos[9:], start=10))
    assert lido.comeca_com("Art. 1º Fica instituído o Fluxo Estadual")
    assert lido.comeca_com("Parágrafo único. ")
    assert lido.comeca_com("§ 1º ") and lido.comeca_com("§ 2º ")
    assert "I – remoção de órgãos, tecidos ou partes do corpo;" in lido.paragrafos
    assert "V – exploração sexual." in lido.paragrafos
    assert "IV – Pós-Resgate; e" in lido.paragrafos
    capitulos = lido.comeca_com("CAPÍTULO ")
    assert capitulos[0] == "CAPÍTULO I – DAS DISPOSIÇÕES GERAIS"
    assert "CAPÍTULO II – DAS ETAPAS DO FLUXO" in capitulos
    assert any("ADESÃO E DOS PONTOS FOCAIS" in c for c in capitulos)
    assert any("ENVIO DE INFORMAÇÕES AO NÚCLEO" in c for c in capitulos)
    assert any("MONITORAMENTO" in c for c in capitulos)
    assert capitulos[-1] == "CAPÍTULO VII – DAS DISPOSIÇÕES FINAIS"
    ultimo = artigos[-1]
    assert f"{ultimo} Esta Portaria entra em vigor na data de sua publicação." in lido.paragrafos
    assert "disposições em contrário" not in lido.texto.casefold()


def test_cross_references_point_at_the_right_articles(portaria):
    lido, _, _ = portaria
    adesao = lido.comeca_com("Art. ")
    numero = next(
        re.match(r"Art\. (\d+)", p).group(1) for p in adesao if "por meio de Termo de Adesão" in p
    )
    citado = f"art. {numero}º" if int(numero) <= 9 else f"art. {numero}"
    assert f"Termo de Adesão de que trata o {citado};" in lido.texto


def test_duties_the_booklet_gives_to_the_netp_and_social_assistance(portaria):
    lido, _, _ = portaria
    texto = lido.texto
    assert (
        "Compete à coordenação do Fluxo, exercida pelo Núcleo de Enfrentamento ao Tráfico de Pessoas de Roraima – NETP-RR:"
        in texto
    )
    assert "comunicar o resgate ao órgão gestor da assistência social;" in texto
    assert (
        "Compete à Secretaria de Estado do Trabalho e Bem-Estar Social de Roraima – SETRABES, órgão gestor da assistência social"
        in texto
    )
    assert "Lei nº 13.709, de 14 de agosto de 2018" in texto
    assert "art. 6º, incisos IV e V" in texto
    assert "prestação de serviço público relevante, não remunerada" in texto
    assert "Boa Vista/RR, 26 de novembro de 2026." in lido.paragrafos


def test_annexes_diagram_duties_table_and_termo_model(portaria):
    lido, _, rc = portaria
    anexos = [p for p in lido.paragrafos if p.startswith("ANEXO ")]
    assert anexos == ["ANEXO I", "ANEXO II", "ANEXO III"]
    quadro = lido.tabela_com_cabecalho("Instituição", "Etapa", "Atribuições", "Forma de contato")
    no_fluxo = {a.instituicao_id for a in rc.atribuicoes}
    assert len(quadro) - 1 == len(no_fluxo)
    rotulos = {linha[0] for linha in quadro[1:]}
    assert rotulos == {
        nome_e_sigla(rc.instituicao_por_id[i].nome, rc.instituicao_por_id[i].sigla)
        for i in no_fluxo
    }
    # an acronym the name already carries is not repeated, parentheses are never doubled
    assert "Central de Atendimento à Mulher – Ligue 180" in rotulos
    assert "Procuradoria da República em Roraima (Ministério Público Federal – MPF-RR)" in rotulos
    assert not any("(Ligue 180)" in r or ") (" in r for r in rotulos)
    pf = next(linha for linha in quadro if linha[0].endswith("(PF-RR)"))
    assert "Denúncia" in pf[1] and "Resgate" in pf[1]
    assert pf[2].startswith("Denúncia: ")
    sem_contato = [
        linha for linha in quadro if "Por intermédio da coordenação do Fluxo (NETP-RR)" in linha[3]
    ]
    assert sem_contato, "the institution without any contact is reached through the coordination"
    assert "1. Denúncia (D). Porta de entrada do fluxo" in lido.texto
    assert lido.tabela_com_cabecalho("De", "Para", "Quando", "Prazo")
    # Annex III: the Termo model, with its blanks and clauses, inside the act
    modelo = lido.paragrafos[lido.paragrafos.index("ANEXO III") :]
    assert "MODELO DE TERMO DE ADESÃO" in modelo
    assert any(p.startswith("TERMO DE ADESÃO Nº ____/2026 AO FLUXO ESTADUAL") for p in modelo)
    assert "CLÁUSULA DÉCIMA PRIMEIRA – DOS CASOS OMISSOS E DO FORO" in modelo
    assert "Boa Vista/RR, ____ de ____________ de 2026." in modelo


def test_annex_one_shows_the_diagram_or_the_lane_table(ws_demo, tmp_path, monkeypatch):
    import shutil

    if shutil.which("dot"):
        lido, lote = _ato(ws_demo, tmp_path / "com")
        assert lido.imagens == 1
        assert not any("Graphviz" in a for a in lote.avisos)
    monkeypatch.setattr("pacto.services.diagrama.caminho_dot", lambda: None)
    sem, lote = _ato(ws_demo, tmp_path / "sem")
    assert sem.imagens == 0
    assert any("O Graphviz não está instalado" in a for a in lote.avisos)
    raias = sem.tabela_com_cabecalho("Denúncia", "Enfrentamento", "Resgate")
    assert raias[0] == [e.nome for e in ws_demo.etapas()]
    assert "PF-RR" in raias[1][0] and "NETP-RR" in raias[1][3]


def test_decreto_wording(ws_demo, tmp_path):
    lido, _ = _ato(ws_demo, tmp_path, "decreto", numero="62.500")
    sem_marcacoes(lido)
    assert lido.paragrafos[0] == "DECRETO Nº 62.500, DE 26 DE NOVEMBRO DE 2026"
    assert lido.paragrafos[2].startswith(
        "O GOVERNADOR DO ESTADO DE RORAIMA, no uso das atribuições que lhe confere a "
        "Constituição do Estado de Roraima"
    )
    assert lido.paragrafos[2].endswith(", DECRETA:")
    assert lido.comeca_com("Art. ") and "Para os fins deste Decreto, considera-se:" in lido.texto
    assert any(
        p.endswith("Este Decreto entra em vigor na data de sua publicação.")
        for p in lido.paragrafos
    )
    assert "Esta Portaria" not in lido.texto.split("ANEXO I")[0]
    assert "Governador do Estado de Roraima" in lido.paragrafos


def test_settings_fill_the_issuer_and_sao_paulo_style(ws_demo, tmp_path):
    gravar(
        ws_demo,
        {
            "orgao": "sejuc",
            "autoridade": "A Secretária de Estado da Justiça e Cidadania",
            "fundamento": "o art. 71, inciso II, da Constituição do Estado",
            "signatario": "Maria da Silva",
            "cargo": "Secretária de Estado da Justiça e Cidadania",
            "estilo_artigos": "sp",
        },
    )
    lido, _ = _ato(ws_demo, tmp_path, revoga="Portaria nº 10, de 2 de março de 2020")
    assert lido.paragrafos[0] == "PORTARIA SEJUC Nº ____, DE 26 DE NOVEMBRO DE 2026"
    assert lido.paragrafos[2].startswith(
        "A SECRETÁRIA DE ESTADO DA JUSTIÇA E CIDADANIA, no uso das atribuições que lhe confere o "
        "art. 71, inciso II, da Constituição do Estado, tendo em vista"
    )
    artigos = lido.comeca_com("Artigo ")
    assert artigos[0].startswith("Artigo 1º - Fica instituído")
    assert any(a.startswith("Artigo 10 - ") for a in artigos)
    assert lido.comeca_com("Parágrafo único - ")
    assert not lido.comeca_com("Art. ")
    assert "I - remoção de órgãos, tecidos ou partes do corpo;" in lido.paragrafos
    assert re.search(
        r"Artigo \d+ - Fica revogada a Portaria nº 10, de 2 de março de 2020\.", lido.texto
    )
    assert artigos[-1].endswith("Esta Portaria entra em vigor na data de sua publicação.")
    assert "MARIA DA SILVA" in lido.paragrafos


def _composicao(lido) -> tuple[list, list]:
    """The rows of Parte A (designated) and Parte B (invited) of the GT's annex."""
    tabelas = [t[1:] for t in lido.tabelas if t and t[0] == ["Instituição", "Titular", "Suplente"]]
    return (tabelas + [[], []])[0], (tabelas + [[], []])[1]


def test_working_group_portaria(ws_demo, tmp_path):
    lido, lote = _ato(ws_demo, tmp_path, "gt", numero="3")
    sem_marcacoes(lido)
    assert lote.arquivos[0].name == "portaria-grupo-de-trabalho.docx"
    assert lido.paragrafos[1].startswith(
        "Institui Grupo de Trabalho para elaborar e pactuar o Fluxo"
    )
    assert not lido.comeca_com("CAPÍTULO")
    for passo in (
        "mapear as instituições",
        "desenho inicial",
        "reunião aberta",
        "desenho final",
        "pactuação",
    ):
        assert passo in lido.texto
    assert "prazo de noventa dias" in lido.texto
    assert "relatório final" in lido.texto
    parte_a, parte_b = _composicao(lido)
    composicao = parte_a + parte_b
    rc = ws_demo.carregar()
    membros = [i for i in rc.instituicoes if i.esfera != "nacional"]
    assert len(composicao) == len(membros)
    # a state Secretário designates state bodies and invites the others (federal, MP, OSC…)
    convidadas = {"PF-RR", "MPF-RR", "MPT-RR", "DPU-RR", "MPRR", "DPE-RR", "OIM", "ACNUR"}
    from pacto.services.documentos.contexto import rotulo

    por_rotulo = {rotulo(i): i.sigla for i in membros}
    assert convidadas <= {por_rotulo[linha[0]] for linha in parte_b}
    assert not convidadas & {por_rotulo[linha[0]] for linha in parte_a}
    assert "convidados a indicar representantes" in lido.texto
    sem_titular = [i for i in membros if rc.titular(i.id) is None]
    assert sem_titular and all(
        any(
            linha[0] == i.rotulo and "A indicar pela instituição" in linha[1]
            for linha in composicao
        )
        for i in sem_titular
    )


def test_cli_portaria_tipos_and_warnings(caminho_demo, tmp_path):
    runner = CliRunner()
    base = ["--db", str(caminho_demo), "gerar", "portaria", "--saida", str(tmp_path)]
    limpar = ["--db", str(caminho_demo), "modelos", "configurar", "--autoridade", ""]
    assert runner.invoke(pacto, limpar, catch_exceptions=False).exit_code == 0
    resultado = runner.invoke(pacto, base, catch_exceptions=False)
    assert resultado.exit_code == 0, resultado.output
    assert str(tmp_path / "portaria.docx") in resultado.output
    assert "Aviso: Sem número" in resultado.output
    assert "pacto modelos configurar --autoridade" in resultado.output
    gt = runner.invoke(
        pacto,
        [*base, "--tipo", "gt", "--membros", "PF-RR,netp-rr", "--prazo-dias", "60"],
        catch_exceptions=False,
    )
    assert gt.exit_code == 0, gt.output
    lido = ler(tmp_path / "portaria-grupo-de-trabalho.docx")
    parte_a, parte_b = _composicao(lido)
    assert [linha[0] for linha in parte_a] == [
        "Núcleo de Enfrentamento ao Tráfico de Pessoas de Roraima (NETP-RR)"
    ]
    assert [linha[0] for linha in parte_b] == [
        "Superintendência Regional da Polícia Federal em Roraima (PF-RR)"
    ]
    assert "prazo de sessenta dias" in lido.texto
    errado = runner.invoke(pacto, [*base, "--tipo", "gt", "--membros", "NADA"])
    assert errado.exit_code == 1 and "Erro: Instituição não encontrada: NADA." in errado.output


def test_decreto_ignores_the_portaria_issuer_settings(ws_demo, tmp_path):
    """The demo configures a secretary as the Portaria's issuer; a Decreto stays the Governor's."""
    from pacto.services.documentos import gerar
    from pacto.services.documentos.ato import DadosDoAto
    from pacto.services.documentos.contexto import fontes

    lote = gerar.ato(fontes(ws_demo), tmp_path, "decreto", DadosDoAto(numero="1"))
    lido = ler(lote.arquivos[0])
    assert any(p.startswith("O GOVERNADOR DO ESTADO DE RORAIMA") for p in lido.paragrafos)
    assert "Roberto Almeida Nunes" not in lido.texto and "SECRETÁRIO DE ESTADO" not in lido.texto
