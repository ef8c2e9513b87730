"""The domain core never loads UI, CLI or document libraries; the CLI's help stays light."""

import json
import subprocess
import sys

PESADOS = ("textual", "click", "docx", "docxtpl", "rich", "sqlite_utils", "openpyxl")


def _modulos_carregados(codigo: str) -> set[str]:
    programa = f"{codigo}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    saida = subprocess.run(
        [sys.executable, "-c", programa], capture_output=True, text=True, check=True
    ).stdout
    return {nome.split(".")[0] for nome in json.loads(saida.strip().splitlines()[-1])}


def test_domain_core_imports_no_ui_cli_docs_or_sql_library():
    """Every module of pacto/domain, imported together, loads none of the heavy libraries."""
    from pathlib import Path

    import pacto.domain

    pasta = Path(pacto.domain.__file__).parent
    modulos = sorted(f"pacto.domain.{p.stem}" for p in pasta.glob("*.py") if p.stem != "__init__")
    assert len(modulos) >= 10
    carregados = _modulos_carregados("import " + ", ".join(modulos))
    assert not carregados & set(PESADOS), carregados & set(PESADOS)


def test_cli_help_imports_neither_textual_nor_docx():
    codigo = (
        "import sys\nsys.argv = ['pacto', '--help']\nfrom pacto.cli import pacto\n"
        "try:\n    pacto.main(prog_name='pacto')\nexcept SystemExit:\n    pass"
    )
    carregados = _modulos_carregados(codigo)
    assert "textual" not in carregados
    assert "docx" not in carregados and "docxtpl" not in carregados
    assert "click" in carregados  # the check itself can see imports


def test_document_commands_help_loads_no_docx():
    for argumentos in (
        ["gerar", "--help"],
        ["gerar", "termo", "--help"],
        ["gerar", "ata", "--help"],
        ["gerar", "checklist", "--help"],
        ["mensal", "preparar", "--help"],
        ["modelos", "--help"],
    ):
        codigo = (
            f"import sys\nsys.argv = ['pacto', *{argumentos!r}]\nfrom pacto.cli import pacto\n"
            "try:\n    pacto.main(prog_name='pacto')\nexcept SystemExit:\n    pass"
        )
        carregados = _modulos_carregados(codigo)
        assert "docx" not in carregados and "docxtpl" not in carregados, argumentos
        assert "textual" not in carregados, argumentos


def test_status_and_verificar_import_neither_textual_nor_docx(caminho_demo):
    for comando in (["status"], ["verificar"], ["reuniao", "listar"]):
        argv = ["pacto", "--db", str(caminho_demo), *comando, "--json"]
        codigo = (
            f"import sys\nsys.argv = {argv!r}\n"
            "from pacto.cli import pacto\n"
            "try:\n    pacto.main(prog_name='pacto')\nexcept SystemExit:\n    pass"
        )
        carregados = _modulos_carregados(codigo)
        assert "textual" not in carregados, comando
        assert "docx" not in carregados, comando


def test_only_the_store_speaks_sql():
    """No module outside pacto/store executes SQL statements."""
    from pathlib import Path

    import pacto

    raiz = Path(pacto.__file__).parent
    suspeitos = []
    for arquivo in raiz.rglob("*.py"):
        if "store" in arquivo.relative_to(raiz).parts:
            continue
        texto = arquivo.read_text(encoding="utf-8")
        for marcador in (".execute(", "SELECT ", "INSERT INTO", "DELETE FROM", "import sqlite3"):
            if marcador in texto:
                suspeitos.append(f"{arquivo.name}: {marcador}")
    assert suspeitos == []
