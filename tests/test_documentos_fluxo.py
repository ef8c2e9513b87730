"""The published flow read back: how to report, each stage and who acts there, contacts, privacy."""

from click.testing import CliRunner

from pacto.cli import pacto
from pacto.services.documentos import gerar
from pacto.services.documentos.contexto import fontes

from .conftest import HOJE
from .leitura_docx import ler, sem_marcacoes


def test_report_channels_follow_the_flow_purposes(ws_demo, tmp_path):
    fluxo = ws_demo.fluxos()[0]
    fluxo.finalidades = ["exploracao_sexual"]
    ws_demo.salvar_fluxo(fluxo)
    lido = ler(gerar.fluxo(fontes(ws_demo, hoje=HOJE), tmp_path).arquivos[0])
    assert [linha[0] for linha in lido.tabelas[0]] == ["Disque 100", "Ligue 180", "190"]


def test_published_flow_for_the_public(ws_demo, tmp_path):
    lote = gerar.fluxo(fontes(ws_demo, hoje=HOJE), tmp_path)
    lido = ler(lote.arquivos[0])
    sem_marcacoes(lido)
    assert lote.arquivos[0].name == "fluxo-publicado.docx"
    assert lido.paragrafos[0] == "FLUXO ESTADUAL DE ATENDIMENTO ÀS VÍTIMAS DE TRÁFICO DE PESSOAS"
    assert "26 de novembro de 2026" in lido.paragrafos[1]
    canais = [linha[0] for linha in lido.tabelas[0]]
    # the demo's flow includes slave labour: Sistema Ipê joins the national channels
    assert canais == ["Disque 100", "Ligue 180", "Sistema Ipê", "190"]
    assert "art. 149-A do Código Penal" in lido.texto
    assert "Trabalho em condições análogas à de escravo" in lido.paragrafos
    rc = ws_demo.carregar()
    titulos = [f"{i}. {e.nome}" for i, e in enumerate(rc.etapas_ordenadas, start=1)]
    for titulo in titulos:
        assert titulo in lido.paragrafos
    quem_faz = lido.tabela_com_cabecalho("Instituição", "O que faz", "Contato")
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    assert any(linha[0] == pf.rotulo and pf.telefone in linha[2] for linha in quem_faz)
    denuncia = lido.tabela_com_cabecalho("Instituição", "Como acionar")
    assert not any("Disque 100" in linha[0] for linha in denuncia[1:])  # given above already
    titular = rc.titular(pf.id)
    assert titular.nome not in lido.texto  # the public edition names no person
    assert "Lei nº 13.709, de 14 de agosto de 2018" in lido.texto
    assert (
        "Coordenação do Fluxo: Núcleo de Enfrentamento ao Tráfico de Pessoas de Roraima (NETP-RR)."
        in lido.paragrafos
    )


def test_network_edition_lists_focal_points(caminho_demo, ws_demo, tmp_path):
    resultado = CliRunner().invoke(
        pacto,
        ["--db", str(caminho_demo), "gerar", "fluxo", "--pontos-focais", "--saida", str(tmp_path)],
        catch_exceptions=False,
    )
    assert resultado.exit_code == 0, resultado.output
    lido = ler(tmp_path / "fluxo-publicado.docx")
    pontos = lido.tabela_com_cabecalho("Instituição", "Função", "Nome", "Telefone", "E-mail")
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    titular = ws_demo.carregar().titular(pf.id)
    assert ["PF-RR", "Titular", titular.nome, titular.telefone, titular.email] in pontos


def test_stage_without_institution_says_so(ws_vazio, tmp_path):
    from .conftest import nova_instituicao

    inst = nova_instituicao(ws_vazio, "CRAS", "Centro de Referência de Assistência Social")
    ws_vazio.definir_atribuicao(inst.id, ws_vazio.etapas()[0].id, ws_vazio.fluxos()[0].id, "Acolhe")
    lote = gerar.fluxo(fontes(ws_vazio, hoje=HOJE), tmp_path)
    lido = ler(lote.arquivos[0])
    assert lido.paragrafos[0] == "FLUXO MUNICIPAL DE ATENDIMENTO ÀS VÍTIMAS DE TRÁFICO DE PESSOAS"
    assert "no Município de Campinas" in lido.texto
    vazias = [p for p in lido.paragrafos if p.startswith("Nenhuma instituição assumiu atribuições")]
    assert len(vazias) == len(ws_vazio.etapas()) - 1
    assert "Coordenação do Fluxo: a definir pela rede." in lido.paragrafos
