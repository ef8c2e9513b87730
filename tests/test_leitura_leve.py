"""The read-only path stays light: `pacto status` opens the workspace without sqlite-utils or rich."""

from __future__ import annotations

import json
import subprocess
import sys

from pacto.store import Workspace, schema, schema_info

_PROGRAMA = """
import json, sys
from pacto.cli import pacto
try:
    pacto.main(sys.argv[1:], prog_name="pacto")
except SystemExit as fim:
    codigo = fim.code
print(json.dumps({"codigo": codigo, "modulos": sorted(sys.modules)}), file=sys.stderr)
"""


def _rodar(*argumentos: str) -> tuple[str, int, set[str]]:
    resultado = subprocess.run(
        [sys.executable, "-c", _PROGRAMA, *argumentos],
        capture_output=True,
        text=True,
        timeout=60,
    )
    relatorio = json.loads(resultado.stderr.strip().splitlines()[-1])
    return resultado.stdout, relatorio["codigo"], set(relatorio["modulos"])


def test_schema_info_lists_every_registered_migration_in_order():
    assert schema._NOMES == list(schema_info.MIGRACOES)
    assert schema.APPLICATION_ID == schema_info.APPLICATION_ID


def test_status_json_loads_neither_sqlite_utils_nor_rich(caminho_demo):
    saida, codigo, modulos = _rodar("--db", str(caminho_demo), "status", "--json")
    assert codigo in (0, None)
    assert json.loads(saida)["rede"]["nome"]
    pesados = {"sqlite_utils", "rich", "textual", "docx", "docxtpl", "openpyxl", "jinja2"}
    assert not pesados & {m.split(".")[0] for m in modulos}
    assert "pacto.store.schema" not in modulos


def test_plain_status_loads_no_sqlite_utils(caminho_demo):
    saida, codigo, modulos = _rodar("--db", str(caminho_demo), "status")
    assert codigo in (0, None)
    assert "Próximo passo" in saida
    assert "sqlite_utils" not in {m.split(".")[0] for m in modulos}


def test_reading_never_builds_the_sqlite_utils_database(caminho_demo):
    with Workspace.abrir(caminho_demo) as ws:
        rc = ws.carregar()
        ws.historico()
        assert rc.instituicoes
        assert ws._db is None


def test_pending_migration_is_still_applied_on_open(caminho_vazio):
    import sqlite3

    conexao = sqlite3.connect(caminho_vazio)
    conexao.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_historico'")
    conexao.execute("DROP TABLE historico")
    conexao.execute("DROP TABLE _sessao")
    for (gatilho,) in conexao.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'hist_%'"
    ).fetchall():
        conexao.execute(f"DROP TRIGGER {gatilho}")
    conexao.commit()
    conexao.close()
    with Workspace.abrir(caminho_vazio) as ws:
        assert schema_info.aplicadas(ws.con) == schema_info.nomes_conhecidos()
        assert ws.backups_automaticos(), "a backup is taken before migrating"
        rede = ws.rede()
        rede.nome = "Rede Renomeada"
        ws.salvar_rede(rede)
        (registro,) = ws.historico(tabela="rede")
        assert registro.depois["nome"] == "Rede Renomeada"


def test_nested_transaction_failure_undoes_only_the_inner_block(ws_vazio):
    from pacto.domain.errors import ErroValidacao
    from pacto.domain.models import Instituicao

    with ws_vazio.transacao():
        ws_vazio.salvar_instituicao(Instituicao("Polícia Federal", "PF"))
        try:
            with ws_vazio.transacao():
                ws_vazio.salvar_instituicao(Instituicao("Polícia Civil", "PC"))
                raise ErroValidacao("desfazer só este bloco")
        except ErroValidacao:
            pass
    assert [i.sigla for i in ws_vazio.instituicoes()] == ["PF"]
