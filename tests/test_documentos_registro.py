"""One registry of documents: the TUI, `pacto gerar`, `modelos verificar` and the samples agree;
documents for signature render a frozen version, and the draft only as a MINUTA."""

import subprocess
import sys
from dataclasses import replace

import click
from click.testing import CliRunner
from docx import Document

from pacto.cli import pacto
from pacto.commands.gerar_cmds import gerar
from pacto.services.documentos.amostra import contextos_de_amostra
from pacto.services.documentos.modelos import verificar
from pacto.services.documentos.registro import DOCUMENTOS, MODELOS, parametros

from .conftest import HOJE
from .leitura_docx import ler

COMUNS = {
    "--saida",
    "--pdf",
    "--modelos",
    "--sobrescrever",
    "--help",
    "-h",
}  # every writer has them


def _opcoes_do_registro(documento) -> set[str]:
    opcoes = set()
    for p in parametros(documento):
        opcoes.add(p.opcao)
        if p.tipo == "instituicoes":
            opcoes.add("--todas")
    return opcoes


def test_gerar_subcommands_are_the_registry_documents_with_its_parameters():
    ctx = click.Context(gerar)
    assert gerar.list_commands(ctx) == sorted(d.chave for d in DOCUMENTOS)
    for documento in DOCUMENTOS:
        comando = gerar.get_command(ctx, documento.chave)
        opcoes = {o for p in comando.params for o in p.opts} - COMUNS
        assert opcoes == _opcoes_do_registro(documento), documento.chave
        if documento.word:  # built from the registry: the same help and the basic options
            assert comando.help == documento.descricao
            assert {"--saida", "--pdf", "--modelos"} <= {o for p in comando.params for o in p.opts}


def test_templates_checked_and_sample_contexts_are_the_registry_templates():
    usados = {chave for d in DOCUMENTOS for chave in d.modelos}
    assert usados == set(MODELOS)
    assert set(contextos_de_amostra()) == set(MODELOS)
    amostras = {chave: set(contexto) for chave, contexto in contextos_de_amostra().items()}
    assert [v.tipo.chave for v in verificar(None, amostras)] == list(MODELOS)
    assert all(v.ok for v in verificar(None, amostras))


async def test_tui_lists_the_registry_documents_with_the_same_fields(caminho_demo):
    from textual.widgets import OptionList

    from pacto.store import Workspace
    from pacto.tui.app import PactoApp
    from pacto.tui.documentos import USADOS

    app = PactoApp(Workspace.abrir(caminho_demo), hoje=HOJE)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("0")
        lista = app.query_one("#doc-lista", OptionList)
        ids = [lista.get_option_at_index(i).id for i in range(lista.option_count)]
        assert ids == [d.chave for d in DOCUMENTOS]
        for indice, documento in enumerate(DOCUMENTOS):
            lista.highlighted = indice
            await pilot.pause()
            visiveis = {p.nome for p in USADOS if app.query_one(f"#doc-param-{p.nome}").display}
            assert visiveis == set(documento.parametros), documento.chave
            # the field the CLI's option feeds exists with the registry's label
            for p in parametros(documento):
                assert app.query_one(f"#doc-{p.nome}") is not None


def test_gerar_help_loads_no_docx():
    codigo = (
        "import sys\nsys.argv = ['pacto', 'gerar', 'portaria', '--help']\n"
        "from pacto.cli import pacto\ntry:\n    pacto.main(prog_name='pacto')\n"
        "except SystemExit:\n    pass\nprint('docx' in sys.modules, 'docxtpl' in sys.modules)"
    )
    saida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True)
    assert saida.stdout.strip().splitlines()[-1] == "False False"


# -- frozen versions, drafts and editions --------------------------------------------------


def _rodar(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _cabecalhos(caminho) -> list[str]:
    """The header text of every section that defines its own (linked ones repeat the previous)."""
    doc = Document(str(caminho))
    return [
        "\n".join(p.text for p in s.header.paragraphs)
        for s in doc.sections
        if not s.header.is_linked_to_previous
    ]


def test_draft_renders_as_minuta_on_every_page_and_warns(caminho_demo, tmp_path):
    resultado = _rodar(
        caminho_demo, "gerar", "termo", "--instituicao", "PF-RR", "--saida", str(tmp_path)
    )
    assert resultado.exit_code == 0, resultado.output
    assert "Nenhuma versão do fluxo foi congelada" in resultado.output
    assert "MINUTA" in resultado.output
    cabecalhos = _cabecalhos(tmp_path / "termo-adesao-PF-RR.docx")
    assert cabecalhos and all("MINUTA" in c for c in cabecalhos)


def test_frozen_version_renders_without_minuta_even_after_draft_edits(caminho_demo, tmp_path):
    from pacto.store import Workspace

    assert _rodar(caminho_demo, "versao", "congelar", "--nota", "Pactuada").exit_code == 0
    with Workspace.abrir(caminho_demo) as ws:
        pf = ws.instituicao_por_sigla("PF-RR")
        endereco_congelado = pf.endereco
        ws.salvar_instituicao(replace(pf, endereco="Rua do Rascunho, 99"))
    final = _rodar(
        caminho_demo, "gerar", "termo", "--instituicao", "PF-RR", "--saida", str(tmp_path / "v")
    )
    assert final.exit_code == 0, final.output
    assert "alterações que não estão na versão 1" in final.output
    lido = ler(tmp_path / "v" / "termo-adesao-PF-RR.docx")
    assert "MINUTA" not in lido.cabecalho and "Fluxo versão 1" in lido.rodape
    assert endereco_congelado in lido.texto and "Rua do Rascunho" not in lido.texto
    assert all("MINUTA" not in c for c in _cabecalhos(tmp_path / "v" / "termo-adesao-PF-RR.docx"))

    explicita = _rodar(caminho_demo, "gerar", "termo", "--instituicao", "PF-RR", "--versao", "1",
                       "--saida", str(tmp_path / "v1"))  # fmt: skip
    assert "Rua do Rascunho" not in ler(tmp_path / "v1" / "termo-adesao-PF-RR.docx").texto
    assert explicita.exit_code == 0

    rascunho = _rodar(caminho_demo, "gerar", "termo", "--instituicao", "PF-RR", "--rascunho",
                      "--saida", str(tmp_path / "r"))  # fmt: skip
    lido = ler(tmp_path / "r" / "termo-adesao-PF-RR.docx")
    assert "MINUTA" in lido.cabecalho and "Rua do Rascunho" in lido.texto
    assert "MINUTA" in rascunho.output

    inexistente = _rodar(caminho_demo, "gerar", "termo", "--instituicao", "PF-RR", "--versao", "7",
                         "--saida", str(tmp_path / "x"))  # fmt: skip
    assert inexistente.exit_code == 1 and "A versão 7 do fluxo não existe" in inexistente.output
    assert not (tmp_path / "x").exists()


def test_public_edition_has_no_restricted_notice_nor_hash(caminho_demo, tmp_path):
    _rodar(caminho_demo, "versao", "congelar", "--nota", "Pactuada")
    publico = _rodar(caminho_demo, "gerar", "fluxo", "--saida", str(tmp_path / "p"))
    assert publico.exit_code == 0
    rede = _rodar(caminho_demo, "gerar", "fluxo", "--pontos-focais", "--saida", str(tmp_path / "r"))
    assert rede.exit_code == 0
    lido_publico = ler(tmp_path / "p" / "fluxo-publicado.docx")
    lido_rede = ler(tmp_path / "r" / "fluxo-publicado.docx")
    from pacto.store import Workspace

    with Workspace.abrir(caminho_demo) as ws:
        hash_curto = ws.ultima_versao().hash_curto
    assert "uso restrito" not in lido_publico.rodape and hash_curto not in lido_publico.rodape
    assert "uso restrito" not in lido_publico.texto
    assert hash_curto in lido_rede.rodape
    assert "Fluxo versão 1" in lido_publico.rodape
    assert "uso restrito" in lido_rede.rodape
    _rodar(caminho_demo, "gerar", "portaria", "--saida", str(tmp_path / "a"))
    ato = ler(tmp_path / "a" / "portaria.docx")
    assert "uso restrito" not in ato.rodape and "Fluxo versão 1" in ato.rodape
    assert hash_curto not in ato.rodape


def test_tui_and_cli_give_the_same_warnings(ws_demo, tmp_path):
    from pacto.services.documentos.catalogo import Pedido, gerar_documento

    lote = gerar_documento(
        ws_demo, Pedido("portaria", tmp_path, valores={"tipo": "decreto"}, hoje=HOJE)
    )
    assert any("MINUTA" in a for a in lote.avisos)
    assert any("--chefe-executivo" in a for a in lote.avisos)
    assert any("--palacio" in a for a in lote.avisos)
    assert any("--numero" in a for a in lote.avisos)


def test_termo_has_cnpj_and_name_and_cargo_lines_for_both_parties(ws_demo, tmp_path):
    from pacto.services.documentos.catalogo import Pedido, gerar_documento

    ws_demo.definir_configuracao("documentos.representante_coordenacao", None)
    pedido = Pedido("termo", tmp_path, valores={"instituicoes": ["PF-RR"]}, hoje=HOJE)
    lote = gerar_documento(ws_demo, pedido)
    lido = ler(lote.arquivos[0])
    assert lido.paragrafos.count("Nome: " + "_" * 28) == 2
    assert len([p for p in lido.paragrafos if p.startswith("Cargo: ")]) == 2
    assert any(linha[0] == "CNPJ" for linha in lido.tabelas[0])
    assert any("--representante-coordenacao" in a for a in lote.avisos)


def test_frozen_version_pdf_has_no_minuta_on_any_page(caminho_demo, tmp_path):
    import shutil

    import pytest

    if not (shutil.which("soffice") and shutil.which("pdftotext")):
        pytest.skip("LibreOffice (soffice) e poppler-utils (pdftotext) não estão instalados")
    _rodar(caminho_demo, "versao", "congelar", "--nota", "Pactuada")
    resultado = _rodar(
        caminho_demo, "gerar", "termo", "--instituicao", "PF-RR", "--pdf", "--saida", str(tmp_path)
    )
    assert resultado.exit_code == 0, resultado.output
    texto = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "termo-adesao-PF-RR.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    paginas = [p for p in texto.split("\f") if p.strip()]
    assert len(paginas) >= 3 and not [p for p in paginas if "MINUTA" in p]
    assert all("Fluxo versão 1" in p for p in paginas)


def test_a_committee_asked_by_name_gets_a_warning(caminho_demo, tmp_path):
    resultado = _rodar(
        caminho_demo, "gerar", "termo", "--instituicao", "CETP-RR", "--saida", str(tmp_path)
    )
    assert resultado.exit_code == 0
    assert "CETP-RR é um colegiado sem personalidade jurídica" in resultado.output
