"""Acts a legal adviser passes: the Decreto's seat and Governor, the Portaria Conjunta, the GT
Portaria from the recorded working group, the act that updates the annexes."""

from click.testing import CliRunner
from docx import Document

from pacto.cli import pacto

from .leitura_docx import ler


def _rodar(caminho, *args):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)
    assert resultado.exit_code == 0, resultado.output
    return resultado.output


def test_decreto_names_the_governor_the_palace_and_the_constitution_article(caminho_demo, tmp_path):
    sem = _rodar(caminho_demo, "gerar", "portaria", "--tipo", "decreto", "--saida", str(tmp_path))
    assert "--chefe-executivo" in sem and "--palacio" in sem and "--artigo-constituicao" in sem
    _rodar(caminho_demo, "modelos", "configurar", "--chefe-executivo", "João Pereira",
           "--palacio", "Palácio Senador Hélio Campos", "--artigo-constituicao",
           "art. 62, inciso III")  # fmt: skip
    com = _rodar(caminho_demo, "gerar", "portaria", "--tipo", "decreto", "--numero", "7",
                 "--data", "03/12/2026", "--saida", str(tmp_path))  # fmt: skip
    assert "--chefe-executivo" not in com and "--palacio" not in com
    lido = ler(tmp_path / "decreto.docx")
    assert "Palácio Senador Hélio Campos, em Boa Vista, 3 de dezembro de 2026." in lido.paragrafos
    fecho = lido.paragrafos.index(
        "Palácio Senador Hélio Campos, em Boa Vista, 3 de dezembro de 2026."
    )
    assert lido.paragrafos[fecho + 1 : fecho + 3] == [
        "JOÃO PEREIRA",
        "Governador do Estado de Roraima",
    ]
    # countersigned by the issuing Secretário and the head of each body given duties
    assert lido.paragrafos[fecho + 3 : fecho + 5] == [
        "ROBERTO ALMEIDA NUNES",
        "Secretário de Estado da Justiça e Cidadania",
    ]
    assert "Titular da Secretaria de Estado do Trabalho e Bem-Estar Social de Roraima" in (
        lido.paragrafos
    )
    preambulo = next(p for p in lido.paragrafos if p.startswith("O GOVERNADOR"))
    assert "o art. 62, inciso III, da Constituição do Estado de Roraima" in preambulo
    assert preambulo.endswith("DECRETA:")
    # the Governor's act: the header names the government, not the Secretaria
    assert "GOVERNO DO ESTADO DE RORAIMA" in lido.cabecalho
    assert "Secretaria de Estado" not in lido.cabecalho


def test_plain_portaria_warns_about_duties_of_another_secretaria_and_conjunta_signs_both(
    caminho_demo, tmp_path
):
    simples = _rodar(caminho_demo, "gerar", "portaria", "--saida", str(tmp_path))
    assert "SETRABES" in simples and "--tipo conjunta" in simples and "--tipo decreto" in simples
    lido = ler(tmp_path / "portaria.docx")
    assert any(p.endswith("RESOLVE:") for p in lido.paragrafos)
    conjunta = _rodar(
        caminho_demo, "gerar", "portaria", "--tipo", "conjunta", "--saida", str(tmp_path)
    )
    assert "--tipo conjunta" not in conjunta
    lido = ler(tmp_path / "portaria-conjunta.docx")
    assert lido.paragrafos[0].startswith("PORTARIA CONJUNTA SEJUC/SETRABES Nº ____")
    preambulo = lido.paragrafos[2]
    assert "TITULAR DA SECRETARIA DE ESTADO DO TRABALHO" in preambulo
    assert preambulo.endswith("RESOLVEM:")
    cargos = [
        "Secretário de Estado da Justiça e Cidadania",
        "Titular da Secretaria de Estado do Trabalho e Bem-Estar Social de Roraima",
    ]
    assert all(c in lido.paragrafos for c in cargos)  # one signature block per Secretário


def test_act_names_the_act_that_updates_the_annexes_and_annex_iii_gives_cargos(
    caminho_demo, tmp_path
):
    _rodar(caminho_demo, "gerar", "portaria", "--saida", str(tmp_path))
    lido = ler(tmp_path / "portaria.docx")
    assert any(
        "formalizadas por portaria da Secretaria de Estado da Justiça e Cidadania, que atualizará "
        "os Anexos I e II" in p
        for p in lido.paragrafos
    )
    anexo_iii = lido.paragrafos.index("ANEXO III")
    modelo = lido.paragrafos[anexo_iii:]
    assert "Coordenadora do NETP-RR" in "\n".join(modelo)  # the cargo…
    assert "Mariana Costa Lima" not in "\n".join(modelo)  # …not who holds it today


def test_gt_portaria_names_exactly_the_recorded_members_and_act(caminho_demo, tmp_path):
    from pacto.store import Workspace

    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
        gravados = {rc.instituicao_por_id[i].sigla for i in ws.membros_gt()}
    saida = _rodar(caminho_demo, "gerar", "portaria", "--tipo", "gt", "--saida", str(tmp_path))
    assert "Sem número" not in saida
    lido = ler(tmp_path / "portaria-grupo-de-trabalho.docx")
    assert lido.paragrafos[0] == "PORTARIA SEJUC Nº 45, DE 3 DE AGOSTO DE 2026"
    assert "Boa Vista/RR, 3 de agosto de 2026." in lido.paragrafos
    linhas = [
        linha[0]
        for tabela in lido.tabelas
        if tabela and tabela[0] == ["Instituição", "Titular", "Suplente"]
        for linha in tabela[1:]
    ]
    assert len(linhas) == len(gravados) == 7
    assert all(
        any(f"({sigla})" in linha or sigla in linha for linha in linhas) for sigla in gravados
    )
    assert "PARTE B – ÓRGÃOS E ENTIDADES CONVIDADOS A INDICAR REPRESENTANTES" in lido.paragrafos
    assert "convidados a indicar representantes" in lido.texto


def test_act_signature_block_is_kept_with_the_closing(caminho_demo, tmp_path):
    _rodar(caminho_demo, "gerar", "portaria", "--saida", str(tmp_path))
    doc = Document(str(tmp_path / "portaria.docx"))
    paragrafos = doc.paragraphs
    fecho = next(i for i, p in enumerate(paragrafos) if p.text.startswith("Boa Vista/RR,"))
    assert paragrafos[fecho].paragraph_format.keep_with_next
    assert paragrafos[fecho + 1].paragraph_format.keep_with_next
