"""Every option and argument of every command, fed hostile values: huge, negative and zero
numbers, empty text, impossible dates and months, years 0 and 9999, very long text, a NUL,
accents, a folder where a file is expected. pacto must answer with exit 0, 1 or 2 and a
message, never a traceback.

The command tree is walked from `pacto.cli`'s lazy group, so a command added later is fuzzed
too. Each parameter gets a few values of the table in turn (every value reaches every kind of
parameter across the tree) while the other required parameters get plausible values, so the
command's body runs, not only click's parsing.
"""

from __future__ import annotations

import shutil

import click
import pytest
from click.testing import CliRunner

from pacto.cli import pacto

# commands that open the interactive interface or only repeat what another covers
IGNORADOS = {("tui",), ("demo",), ("web",)}  # they open an interface or serve until Ctrl+C
ENORME = "9" * 30
HOSTIS = [
    ENORME,
    "-1",
    "0",
    "",
    "2026-13",
    "00/00/0000",
    "0000-01",
    "31/12/9999",
    "9999-12",
    "01/01/1900",
    "x" * 5000,
    "ação\x00nula",
    "Ação — “acentos” ção",
    "-" + ENORME,
    "{pasta}",
]
POR_PARAMETRO = 3  # values per parameter, taken in turn from HOSTIS
# plausible values for the required parameters that are not under test
PLAUSIVEIS = {
    "sigla": "NETP-RR",
    "siglas": "NETP-RR",
    "mes": "2026-11",
    "periodo": "2026",
    "chave": "pessoas_atendidas",
    "item": "pontos_focais",
    "data_texto": "10/12/2026",
    "nome": "Nome",
    "uf": "RR",
    "finalidades": "exploracao_sexual",
    "texto": "Texto.",
    "descricao": "Descrição.",
    "autor": "NETP-RR",
    "nota": "Nota.",
    "justificativa": "Justificativa.",
    "referencia": "Portaria nº 1/2026",
}


def _folhas(comando: click.Command, ctx: click.Context, caminho: tuple[str, ...]):
    if isinstance(comando, click.Group):
        for nome in comando.list_commands(ctx):
            sub = comando.get_command(ctx, nome)
            yield from _folhas(
                sub, click.Context(sub, parent=ctx, info_name=nome), caminho + (nome,)
            )
    else:
        yield caminho, comando


def _parametros(comando: click.Command) -> list[click.Parameter]:
    return [
        p
        for p in comando.params
        if not getattr(p, "is_flag", False) and p.name != "help" and not getattr(p, "hidden", False)
    ]


def _plausivel(param: click.Parameter, pasta: str) -> str:
    if isinstance(param.type, click.Choice):
        return str(param.type.choices[0])
    if isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)):
        return "1"
    if type(param.type).__name__ == "DataBR":
        return "10/12/2026"
    if isinstance(param.type, click.Path):
        return f"{pasta}/entrada.json"
    return PLAUSIVEIS.get(param.name or "", "x")


def _argumentos(param: click.Parameter, valor: str) -> list[str]:
    if isinstance(param, click.Argument):
        return [valor]
    return [param.opts[0], valor]


def _casos():
    ctx = click.Context(pacto, info_name="pacto")
    casos = []
    contador = 0
    for caminho, comando in _folhas(pacto, ctx, ()):
        if caminho in IGNORADOS:
            continue
        parametros = _parametros(comando)
        for alvo in parametros:
            valores = [HOSTIS[(contador + k) % len(HOSTIS)] for k in range(POR_PARAMETRO)]
            contador += POR_PARAMETRO
            if isinstance(alvo.type, (click.types.IntParamType, click.types.FloatParamType)):
                valores = [ENORME, "-" + ENORME, str(2**63 - 1), *valores]
            casos.append((caminho, comando, alvo, list(dict.fromkeys(valores))))
    return casos


CASOS = _casos()


def test_the_tree_is_walked_whole():
    comandos = {caminho for caminho, *_ in CASOS}
    assert ("versao", "diff") in comandos and ("reuniao", "criar") in comandos
    assert ("importar",) in comandos and ("atores", "importar") in comandos
    assert len(comandos) > 50


@pytest.fixture(scope="module")
def modelo(tmp_path_factory, _modelo_demo):
    """A demo workspace with a frozen version and a bundle to import, shared by every case."""
    pasta = tmp_path_factory.mktemp("fuzz")
    banco = pasta / "modelo.db"
    shutil.copy(_modelo_demo, banco)
    runner = CliRunner()
    for argumentos in (
        ["versao", "congelar", "--nota", "Base"],
        ["exportar", str(pasta / "entrada.json")],
    ):
        resultado = runner.invoke(pacto, ["--db", str(banco), *argumentos])
        assert resultado.exit_code == 0, resultado.output
    return pasta


@pytest.mark.parametrize(
    "caminho, comando, alvo, valores",
    CASOS,
    ids=[f"{' '.join(c[0])}:{c[2].name}" for c in CASOS],
)
def test_hostile_values_never_raise_a_traceback(
    caminho, comando, alvo, valores, modelo, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PACTO_ESPERA_MS", "200")
    banco = tmp_path / "w.db"
    shutil.copy(modelo / "modelo.db", banco)
    shutil.copy(modelo / "entrada.json", tmp_path / "entrada.json")  # a command may overwrite it
    (tmp_path / "pasta").mkdir()
    runner = CliRunner()
    for valor in valores:
        valor = valor.replace("{pasta}", str(tmp_path / "pasta"))
        argumentos = list(caminho)
        for param in _parametros(comando):
            if param is alvo:
                argumentos += _argumentos(param, valor)
            elif param.required:
                argumentos += _argumentos(param, _plausivel(param, str(tmp_path)))
        resultado = runner.invoke(pacto, ["--db", str(banco), *argumentos], input="n\n")
        saida = resultado.output
        assert resultado.exception is None or isinstance(resultado.exception, SystemExit), (
            argumentos,
            repr(resultado.exception),
        )
        assert resultado.exit_code in (0, 1, 2), (argumentos, resultado.exit_code, saida[-500:])
        assert "Traceback" not in saida, (argumentos, saida[-2000:])


@pytest.mark.parametrize("valor", HOSTIS)
def test_hostile_workspace_paths_never_raise_a_traceback(valor, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pasta").mkdir()
    valor = valor.replace("{pasta}", str(tmp_path / "pasta"))
    resultado = CliRunner().invoke(pacto, ["--db", valor, "status"])
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit), repr(
        resultado.exception
    )
    assert resultado.exit_code in (1, 2), resultado.output
    assert "Traceback" not in resultado.output
