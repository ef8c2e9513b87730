"""The Termo de Adesão read back from the .docx: parties, duties, focal points, clauses, footer."""

from datetime import date

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.errors import ErroDocumento
from pacto.domain.versions import conteudo_canonico, hash_conteudo
from pacto.services.documentos import gerar
from pacto.services.documentos.contexto import fontes

from .conftest import HOJE, atribuicao_antiga, instituicao_antiga, nova_instituicao, novo_ponto
from .leitura_docx import ler, sem_marcacoes


def _termo(ws, tmp_path, sigla, **kwargs):
    lote = gerar.termos(fontes(ws, hoje=HOJE), tmp_path, siglas=[sigla], **kwargs)
    assert len(lote.arquivos) == 1
    return ler(lote.arquivos[0]), lote


def test_termo_names_the_parties_duties_and_focal_points(ws_demo, tmp_path):
    lido, lote = _termo(ws_demo, tmp_path, "PF-RR")
    assert lote.arquivos[0].name == "termo-adesao-PF-RR.docx"
    sem_marcacoes(lido)
    assert (
        "TERMO DE ADESÃO Nº ____/2026 AO FLUXO ESTADUAL DE ATENDIMENTO ÀS VÍTIMAS DE TRÁFICO DE PESSOAS "
        "NO ESTADO DE RORAIMA" in lido.paragrafos
    )
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    aderente = lido.tabelas[0]
    assert aderente[0][0] == "ADERENTE"
    assert ["Instituição", pf.rotulo] in aderente
    assert ["Endereço", pf.endereco] in aderente
    assert ["Representante", "_" * 36] in aderente  # the one blank a Termo may carry
    assert ["CNPJ", "_" * 36] in aderente  # PF has no CNPJ recorded: a line to fill
    coordenacao = lido.tabelas[1]
    assert [
        "Instituição",
        "Núcleo de Enfrentamento ao Tráfico de Pessoas de Roraima (NETP-RR)",
    ] in coordenacao

    rc = ws_demo.carregar()
    esperadas = [[rc.etapa_por_id[a.etapa_id].nome, a.texto] for a in rc.atribuicoes_de(pf.id)]
    atribuicoes = lido.tabela_com_cabecalho("Etapa", "Atribuições da ADERENTE")
    assert atribuicoes[1:] == esperadas

    pontos = lido.tabela_com_cabecalho("Função", "Nome", "Cargo")
    titular, suplente = rc.titular(pf.id), rc.suplente(pf.id)
    assert pontos[1] == ["Titular", titular.nome, titular.cargo]
    assert pontos[2][:2] == ["Suplente", suplente.nome]
    # the contacts only in the restricted annex, after the signatures
    contatos = lido.tabela_com_cabecalho("Função", "Nome", "Telefone", "E-mail")
    assert contatos[1] == ["Titular", titular.nome, titular.telefone, titular.email]
    anexo = lido.paragrafos.index("ANEXO – CONTATOS DOS PONTOS FOCAIS")
    assert titular.telefone not in "\n".join(lido.paragrafos[:anexo])
    assert "Uso restrito" in lido.paragrafos[anexo + 1]
    assert "indicará à COORDENAÇÃO" not in lido.texto


def test_termo_clauses_cite_the_law_and_read_as_a_contract(ws_demo, tmp_path):
    lido, _ = _termo(ws_demo, tmp_path, "DPU-RR")
    texto = lido.texto
    for citacao in (
        "na Lei nº 13.344, de 6 de outubro de 2016, no Decreto nº 5.948, de 26 de outubro de 2006, "
        "e no Decreto nº 12.121, de 30 de julho de 2024",
        "art. 6º, incisos IV e V, da Lei nº 13.344, de 2016",
        "Lei nº 13.709, de 14 de agosto de 2018 – Lei Geral de Proteção de Dados Pessoais",
        "não envolve transferência de recursos financeiros",
        "60 (sessenta) meses",
        "mediante termo aditivo",
        "antecedência mínima de 30 (trinta) dias",
        "extrato deste Termo no Diário Oficial do Estado de Roraima",
        "foro da Comarca de Boa Vista/RR",
    ):
        assert citacao in texto, citacao
    clausulas = lido.comeca_com("CLÁUSULA ")
    assert clausulas[0] == "CLÁUSULA PRIMEIRA – DO OBJETO"
    assert clausulas[-1] == "CLÁUSULA DÉCIMA PRIMEIRA – DOS CASOS OMISSOS E DO FORO"
    assert len(clausulas) == 11
    assert "Boa Vista/RR, 26 de novembro de 2026." in lido.paragrafos


def test_footer_carries_the_draft_hash_then_the_frozen_version(ws_demo, tmp_path):
    lido, _ = _termo(ws_demo, tmp_path / "antes", "PF-RR")
    rascunho = hash_conteudo(conteudo_canonico(ws_demo.carregar()))
    assert f"Rascunho do fluxo (não congelado) · {rascunho[:8]}" in lido.rodape
    assert "Documento sem dados de vítimas" in lido.rodape
    assert "Página 1 de" in lido.rodape
    versao = ws_demo.congelar_versao("Pactuada na reunião ampliada")
    depois, _ = _termo(ws_demo, tmp_path / "depois", "PF-RR")
    assert f"Fluxo versão 1 · {versao.hash_curto}" in depois.rodape
    nova_instituicao(ws_demo, "NOVA", "Instituição Nova")
    rascunho_de_novo, _ = _termo(ws_demo, tmp_path / "rascunho", "PF-RR")
    assert "Rascunho do fluxo (não congelado)" in rascunho_de_novo.rodape


def test_hostile_name_prints_literally_and_control_chars_are_dropped(ws_demo, tmp_path):
    # control characters can only come from a workspace written before pacto refused them
    inst = instituicao_antiga(
        ws_demo, "HOST", "Instituto {{ 7*7 }} & <Cia>\x01", endereco="Rua {% raw %}"
    )
    etapa = ws_demo.etapas()[0]
    atribuicao_antiga(ws_demo, inst.id, etapa.id, "Recebe denúncias\x0b e repassa <já>.")
    lido, lote = _termo(ws_demo, tmp_path, "HOST")
    assert "Instituto {{ 7*7 }} & <Cia> (HOST)" in lido.texto
    assert "49" not in lido.texto.split("Instituto")[1][:20]
    assert ["Endereço", "Rua {% raw %}"] in lido.tabelas[0]
    atribuicoes = lido.tabela_com_cabecalho("Etapa", "Atribuições da ADERENTE")
    assert atribuicoes[1] == [etapa.nome, "Recebe denúncias e repassa <já>."]
    assert "\x01" not in lido.texto and "\x0b" not in lido.texto
    assert any("U+0001" in a and "Instituto {{ 7*7 }}" in a for a in lote.avisos)
    assert any("U+000B" in a for a in lote.avisos)


def test_missing_focal_points_become_a_duty_to_name_them(ws_demo, tmp_path):
    inst = nova_instituicao(ws_demo, "SEMPF", "Secretaria Sem Ponto Focal")
    etapa, fluxo = ws_demo.etapas()[4], ws_demo.fluxos()[0]
    ws_demo.definir_atribuicao(inst.id, etapa.id, fluxo.id, "Atende")
    lido, _ = _termo(ws_demo, tmp_path / "nenhum", "SEMPF")
    assert (
        "A ADERENTE indicará à COORDENAÇÃO, em até 15 (quinze) dias contados da assinatura "
        "deste Termo, os pontos focais titular e suplente, com os respectivos contatos "
        "institucionais." in lido.paragrafos
    )
    assert "Função" not in lido.texto
    novo_ponto(ws_demo, inst, "titular", nome="Ana Titular")
    so_titular, _ = _termo(ws_demo, tmp_path / "titular", "SEMPF")
    assert "os pontos focais titular e suplente, com" not in so_titular.texto
    assert (
        "em até 15 (quinze) dias contados da assinatura deste Termo, o ponto focal suplente"
        in so_titular.texto
    )
    assert "Ana Titular" in so_titular.texto


def test_termo_refuses_the_coordination_and_institutions_without_duties(ws_demo, tmp_path):
    tmp_path = tmp_path / "saida"
    f = fontes(ws_demo, hoje=HOJE)
    with pytest.raises(ErroDocumento, match="é a coordenação do Fluxo"):
        gerar.termos(f, tmp_path, siglas=["NETP-RR"])
    nova_instituicao(ws_demo, "OCIOSA", "Instituição Ociosa")
    with pytest.raises(ErroDocumento, match="não tem atribuições"):
        gerar.termos(fontes(ws_demo, hoje=HOJE), tmp_path, siglas=["OCIOSA"])
    with pytest.raises(ErroDocumento, match="Nenhuma instituição com a sigla “XYZ”"):
        gerar.termos(f, tmp_path, siglas=["XYZ"])
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_termo_needs_a_coordination(ws_vazio, tmp_path):
    inst = nova_instituicao(ws_vazio, "CRAS", "Centro de Referência de Assistência Social")
    ws_vazio.definir_atribuicao(inst.id, ws_vazio.etapas()[0].id, ws_vazio.fluxos()[0].id, "Atende")
    with pytest.raises(ErroDocumento, match="não tem instituição coordenadora"):
        gerar.termos(fontes(ws_vazio), tmp_path, siglas=["CRAS"])


def test_cli_all_termos_one_file_per_signing_institution(caminho_demo, ws_demo, tmp_path):
    saida = tmp_path / "termos"
    resultado = CliRunner().invoke(
        pacto,
        [
            "--db",
            str(caminho_demo),
            "gerar",
            "termo",
            "--todas",
            "--saida",
            str(saida),
            "--data",
            "26/11/2026",
        ],
        catch_exceptions=False,
    )
    assert resultado.exit_code == 0, resultado.output
    rc = ws_demo.carregar()
    com_atribuicao = [rc.instituicao_por_id[i] for i in {a.instituicao_id for a in rc.atribuicoes}]
    esperadas = {
        i.sigla
        for i in com_atribuicao
        if i.esfera != "nacional" and i.id != rc.rede.coordenacao_id and i.sigla != "CETP-RR"
    }
    gerados = {p.name for p in saida.iterdir()}
    import unicodedata

    def ascii_(s):
        return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

    assert gerados == {f"termo-adesao-{ascii_(s).replace(' ', '-')}.docx" for s in esperadas}
    assert all(nome.isascii() for nome in gerados)
    for nome in gerados:
        assert str(saida / nome) in resultado.output
    assert "Sem Termo: NETP-RR: é a coordenação do Fluxo." in resultado.output
    assert "Sem Termo: Disque 100: serviço nacional" in resultado.output
    assert "Sem Termo: CETP-RR: colegiado sem personalidade jurídica" in resultado.output
    creas = ler(saida / "termo-adesao-CREAS-Pintolandia.docx")
    assert "Centro de Referência Especializado de Assistência Social Pintolândia" in creas.texto
    assert "Boa Vista/RR, 26 de novembro de 2026." in creas.paragrafos


def test_cli_needs_one_institution_or_all(caminho_demo, tmp_path):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho_demo), "gerar", "termo"])
    assert resultado.exit_code == 2
    assert "Informe --instituicao SIGLA ou --todas." in resultado.output


def test_cli_prints_the_control_char_warning(caminho_demo, ws_demo, tmp_path):
    inst = instituicao_antiga(ws_demo, "CTRL", "Associação\x07 Controle")
    ws_demo.definir_atribuicao(inst.id, ws_demo.etapas()[0].id, ws_demo.fluxos()[0].id, "Atende")
    resultado = CliRunner().invoke(
        pacto,
        [
            "--db",
            str(caminho_demo),
            "gerar",
            "termo",
            "--instituicao",
            "ctrl",
            "--saida",
            str(tmp_path),
        ],
        catch_exceptions=False,
    )
    assert resultado.exit_code == 0, resultado.output
    assert (
        "Aviso: Caractere que o Word não aceita (U+0007) removido do texto “Associação Controle”."
        in resultado.output
    )
    assert "Associação Controle (CTRL)" in ler(tmp_path / "termo-adesao-CTRL.docx").texto


def test_signatory_known_replaces_the_blank_lines(ws_demo, tmp_path):
    from pacto.services.documentos.configuracao import gravar

    gravar(
        ws_demo,
        {
            "representante_coordenacao": "Mariana Costa Lima",
            "cargo_representante_coordenacao": "Coordenadora",
        },
    )
    lido, _ = _termo(ws_demo, tmp_path, "PF-RR")
    assert ["Representante", "Mariana Costa Lima"] in lido.tabelas[1]
    assert "Mariana Costa Lima" in lido.paragrafos and "Coordenadora" in lido.paragrafos
    assert date(2026, 11, 26) == HOJE
