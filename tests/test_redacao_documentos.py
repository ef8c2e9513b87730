"""Wording a reader of the documents notices: the ata's formulas, the convocação's closing,
the self-diagnosis as statements, the fichas' instruction, the .ics in Portuguese, the demo."""

from click.testing import CliRunner
from openpyxl import load_workbook

from pacto.cli import pacto

from .leitura_docx import ler


def _rodar(caminho, *args):
    resultado = CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)
    assert resultado.exit_code == 0, resultado.output
    return resultado.output


def _reuniao(caminho, tipo):
    from pacto.store import Workspace

    with Workspace.abrir(caminho) as ws:
        return next(r for r in ws.reunioes() if r.tipo == tipo)


def test_ata_formulas(caminho_demo, tmp_path):
    gt = _reuniao(caminho_demo, "gt")
    _rodar(caminho_demo, "gerar", "ata", "--reuniao", str(gt.id), "--saida", str(tmp_path))
    (arquivo,) = tmp_path.glob("ata-*.docx")
    texto = ler(arquivo).texto
    assert "com a secretaria dos trabalhos a cargo de" in texto
    assert "secretariada por" not in texto and "Secretariado (" not in texto
    assert "Foram aprovadas as seguintes deliberações:" in texto
    assert "Os presentes aprovaram" not in texto


def test_convocacao_closes_with_atenciosamente_and_the_coordinators_cargo(caminho_demo, tmp_path):
    ampliada = _reuniao(caminho_demo, "ampliada")
    _rodar(caminho_demo, "gerar", "pauta", "--reuniao", str(ampliada.id), "--saida", str(tmp_path))
    (arquivo,) = tmp_path.glob("pauta-*.docx")
    paragrafos = ler(arquivo).paragrafos
    assert "Atenciosamente," in paragrafos
    assert "Coordenação da reunião" not in paragrafos
    assert paragrafos.index("Atenciosamente,") < len(paragrafos) - 3


def test_self_diagnosis_strengths_and_limits_are_statements(caminho_demo, tmp_path):
    from pacto.services.documentos.acompanhamento import afirmacao, negacao

    assert negacao("Há orçamento próprio previsto no PPA e na LOA?") == (
        "Não há orçamento próprio previsto no PPA e na LOA."
    )
    assert negacao("As instalações permitem atendimento reservado?") == (
        "As instalações não permitem atendimento reservado."
    )
    assert afirmacao("A cadeia de decisão é clara?") == "A cadeia de decisão é clara."
    _rodar(caminho_demo, "gerar", "autodiagnostico", "--saida", str(tmp_path))
    (arquivo,) = tmp_path.glob("autodiagnostico-*.docx")
    lido = ler(arquivo)
    # the answers table keeps the questions; the strengths and limits lists are statements
    fora_das_tabelas = [
        p for p in lido.paragrafos if not any(p in c for t in lido.tabelas for r in t for c in r)
    ]
    assert fora_das_tabelas and not [p for p in fora_das_tabelas if p.endswith("?")]


def test_ficha_asks_to_return_the_file_to_the_coordination_with_the_article(caminho_demo, tmp_path):
    _rodar(caminho_demo, "gerar", "ficha", "--instituicao", "PF-RR", "--saida", str(tmp_path))
    (arquivo,) = tmp_path.glob("*.xlsx")
    instrucao = load_workbook(arquivo).active["B4"].value
    assert "Devolva o arquivo ao NETP-RR" in instrucao
    assert "a NETP-RR" not in instrucao


def test_ics_in_portuguese_with_official_time(caminho_demo, tmp_path):
    ampliada = _reuniao(caminho_demo, "ampliada")
    saida = tmp_path / "convite.ics"
    _rodar(caminho_demo, "reuniao", "convite", str(ampliada.id), "--saida", str(saida))
    texto = saida.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "às 14h (horário local)" in texto and "14:00" not in texto
    assert "This timezone" not in texto


def test_demo_wording():
    from pacto.domain.catalog import pasta_modelos

    demo = (pasta_modelos() / "demo.toml").read_text(encoding="utf-8")
    assert "A representante da UFRR" in demo and "O representante da UFRR" not in demo
    assert "Comunica o NETP-RR" not in demo
