"""The CLI checked against the issues' acceptance criteria, as a user runs it: lossless bundles,
refusals that name the problem in Portuguese, and nothing written when the input is wrong."""

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from pacto.cli import pacto


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.setenv("PACTO_CONFIG", str(tmp_path / "config.toml"))
    return CliRunner()


def _rodar(runner, caminho, *args):
    return runner.invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _ok(runner, caminho, *args):
    resultado = _rodar(runner, caminho, *args)
    assert resultado.exit_code == 0, resultado.output
    return resultado


def _linhas(caminho, tabela: str) -> list[tuple]:
    conexao = sqlite3.connect(caminho)
    try:
        return conexao.execute(f"SELECT * FROM {tabela} ORDER BY id").fetchall()
    finally:
        conexao.close()


def _recusa(resultado, trecho: str) -> None:
    assert resultado.exit_code != 0, resultado.output
    assert "Traceback" not in resultado.output
    assert "Erro:" in resultado.output and trecho in resultado.output, resultado.output


# -- exportar / importar --------------------------------------------------------------------


def test_bundle_round_trip_carries_adhesions(runner, caminho_demo, tmp_path):
    _ok(runner, caminho_demo, "versao", "congelar", "--nota", "Versão pactuada")
    _ok(
        runner,
        caminho_demo,
        *("adesao", "registrar", "PF-RR", "--situacao", "assinado"),
        *("--signatario", "Fulano de Tal", "--cargo", "Superintendente", "--sei", "123/2026"),
    )
    _ok(runner, caminho_demo, "adesao", "registrar", "MPRR", "--situacao", "convidada")
    pacote = tmp_path / "rede.json"
    _ok(runner, caminho_demo, "exportar", str(pacote))
    assert len(json.loads(pacote.read_text("utf-8"))["adesoes"]) == 2

    copia = tmp_path / "copia.db"
    _ok(runner, copia, "importar", str(pacote))
    assert _linhas(copia, "adesoes") == _linhas(caminho_demo, "adesoes")
    assinadas = json.loads(_ok(runner, copia, "adesao", "listar", "--json").output)
    situacoes = {s["sigla"]: s["situacao"] for s in assinadas["instituicoes"]}
    assert situacoes["PF-RR"] == "assinado" and situacoes["MPRR"] == "convidada"

    # replacing a workspace with the same bundle keeps its adhesions too
    _ok(runner, caminho_demo, "importar", "--substituir", "--sim", str(pacote))
    assert len(_linhas(caminho_demo, "adesoes")) == 2


def test_import_refuses_a_workspace_with_meetings_but_no_institutions(
    runner, caminho_demo, tmp_path
):
    pacote = tmp_path / "rede.json"
    _ok(runner, caminho_demo, "exportar", str(pacote))
    vazio = tmp_path / "vazio.db"
    _ok(runner, vazio, "init", "--rede", "Rede Teste", "--uf", "PA")
    _ok(runner, vazio, "reuniao", "criar", "--tipo", "gt", "--data", "2026-12-01")
    _ok(runner, vazio, "autodiagnostico", "nova-rodada", "--metodo", "Própria equipe")

    resultado = _rodar(runner, vazio, "importar", str(pacote))

    _recusa(resultado, "--substituir")
    assert "reuniões" in resultado.output and "autodiagnóstico" in resultado.output
    assert len(_linhas(vazio, "reunioes")) == 1
    assert _linhas(vazio, "instituicoes") == []


def test_import_substituir_keeps_a_backup_and_warns_about_sections_the_bundle_lacks(
    runner, caminho_demo, tmp_path
):
    _ok(runner, caminho_demo, "versao", "congelar", "--nota", "Versão pactuada")
    _ok(runner, caminho_demo, "adesao", "registrar", "PF-RR", "--situacao", "assinado")
    pacote = tmp_path / "antigo.json"
    _ok(runner, caminho_demo, "exportar", str(pacote))
    antigo = json.loads(pacote.read_text("utf-8"))
    del antigo["adesoes"]  # as an older pacto wrote it
    pacote.write_text(json.dumps(antigo, ensure_ascii=False), "utf-8")

    resultado = _ok(runner, caminho_demo, "importar", "--substituir", "--sim", str(pacote))

    assert "Aviso:" in resultado.output and "adesões" in resultado.output
    assert "antes-de-importar" in resultado.output
    copia = next(caminho_demo.parent.glob("*.backups/*antes-de-importar.db"))
    assert len(_linhas(copia, "adesoes")) == 1


# -- status ---------------------------------------------------------------------------------


def test_status_json_next_step_has_the_keys_of_a_step(runner, caminho_demo, tmp_path):
    dados = json.loads(_ok(runner, caminho_demo, "status", "--json").output)
    proximo = dados["proximo_passo"]
    assert {"numero", "titulo", "situacao", "motivo", "acao"} <= set(proximo)
    passo = dados["passos_pactuacao"][proximo["numero"] - 1]
    assert (proximo["titulo"], proximo["situacao"]) == (passo["titulo"], passo["situacao"])
    assert proximo["motivo"] == "3 instituições não têm ponto focal titular."

    vazio = tmp_path / "vazio.db"
    _ok(runner, vazio, "init", "--rede", "Rede Teste", "--uf", "PA")
    proximo = json.loads(_ok(runner, vazio, "status", "--json").output)["proximo_passo"]
    assert proximo["numero"] is None and proximo["situacao"] == "não iniciado"
    assert proximo["titulo"] == proximo["acao"] and proximo["motivo"]


# -- bad input: a Portuguese message, a failure code, no traceback, nothing written -----------


def _retrato(pasta) -> dict[str, bytes]:
    """Every file under the folder with its bytes (SQLite's -wal and -shm side files aside)."""
    return {
        str(p.relative_to(pasta)): p.read_bytes()
        for p in sorted(pasta.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


@pytest.mark.parametrize(
    ("argumentos", "mensagem"),
    [
        (["gerar", "monitoramento", "--mes", "2026-13"], "Mês inválido: “2026-13”"),
        (["indicadores", "listar", "--mes", "2026-13"], "Mês inválido: “2026-13”"),
        (
            ["indicadores", "valor", "profissionais_capacitados", "--mes", "2026-10"]
            + ["--valor", "nan"],
            "Valor inválido",
        ),
        (
            ["indicadores", "valor", "profissionais_capacitados", "--mes", "2026-10"]
            + ["--valor", "-3"],
            "zero ou maior",
        ),
        (
            ["indicadores", "meta", "adesao", "--periodo", "2027", "--valor", "inf"],
            "Valor inválido",
        ),
        (["indicadores", "meta", "adesao", "--periodo", "2027", "--valor", "abc"], "número"),
        (["adesao", "listar", "--etapa", "Inexistente"], "Etapa não encontrada"),
        (["passo", "reabrir", "9"], "Passo inexistente: 9"),
        (["passo", "reabrir", "15", "--elaboracao"], "Passo inexistente: 15"),
        (["restaurar", "--sim", "nao-existe.db"], "Arquivo não encontrado: nao-existe.db"),
        (["historico", "--desde", "2026-13-01"], "use DD/MM/AAAA"),
        (
            ["mensal", "preparar", "--mes", "2027-01", "--saida", "arquivo.txt/sub"],
            "parte do caminho é um arquivo",
        ),
        (["reuniao", "convite", "99", "--saida", "x.ics"], "Reunião inexistente: 99"),
        (["gerar", "ata", "--reuniao", "99"], "Reunião inexistente: 99"),
        (["adesao", "registrar", "XYZ", "--situacao", "assinado"], "XYZ"),
    ],
)
def test_bad_input_is_refused_in_portuguese_and_writes_nothing(
    runner, caminho_demo, tmp_path, monkeypatch, argumentos, mensagem
):
    pasta = tmp_path / "trabalho"
    pasta.mkdir()
    caminho = pasta / "pacto.db"
    caminho.write_bytes(caminho_demo.read_bytes())
    (pasta / "arquivo.txt").write_text("não é uma pasta", "utf-8")
    monkeypatch.chdir(pasta)
    antes = _retrato(pasta)

    resultado = _rodar(runner, caminho, *argumentos)

    _recusa(resultado, mensagem)
    assert "Error" not in resultado.output and "Not a directory" not in resultado.output
    assert _retrato(pasta) == antes, "something was written"


def test_netp_import_of_several_forms_writes_none_when_one_is_refused(
    runner, caminho_demo, tmp_path, monkeypatch
):
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    _ok(
        runner,
        caminho_demo,
        "gerar",
        "formulario-netp",
        "--mes",
        "2026-10",
        "--instituicao",
        "PF-RR",
    )
    _ok(
        runner,
        caminho_demo,
        "gerar",
        "formulario-netp",
        "--mes",
        "2026-10",
        "--instituicao",
        "MPRR",
    )
    bom, ruim = (tmp_path / f"formulario-netp-2026-10-{s}.xlsx" for s in ("PF-RR", "MPRR"))
    for arquivo, extra in ((bom, None), (ruim, "Nome da vítima")):
        livro = load_workbook(arquivo)
        livro["Formulário"]["B12"] = 7
        if extra:
            livro["Formulário"]["E12"] = extra
        livro.save(arquivo)

    resultado = _rodar(runner, caminho_demo, "netp", "importar", str(bom), str(ruim))

    _recusa(resultado, "dado pessoal")
    assert _linhas(caminho_demo, "netp_envios") == []
    assert (
        "2026-10: 0 enviaram"
        in _ok(runner, caminho_demo, "netp", "envios", "--mes", "2026-10").output
    )

    recusa = _rodar(runner, caminho_demo, "netp", "importar", str(bom), "--mes", "2026-13")
    _recusa(recusa, "Mês inválido: “2026-13”")

    _ok(runner, caminho_demo, "netp", "importar", str(bom), "--mes", "2026-10")
    assert len(_linhas(caminho_demo, "netp_envios")) == 1


def test_adesao_listar_finds_a_stage_without_accents(runner, caminho_demo):
    _ok(runner, caminho_demo, "versao", "congelar", "--nota", "Versão pactuada")
    com = json.loads(
        _ok(runner, caminho_demo, "adesao", "listar", "--json", "--etapa", "Denúncia").output
    )
    sem = json.loads(
        _ok(runner, caminho_demo, "adesao", "listar", "--json", "--etapa", "denuncia").output
    )
    assert com["instituicoes"] and com["instituicoes"] == sem["instituicoes"]


def test_historico_names_meeting_records_in_portuguese(runner, caminho_demo):
    _ok(
        runner,
        caminho_demo,
        "reuniao",
        "sugestao",
        "2",
        "--autor",
        "MPRR",
        "--texto",
        "Incluir o MPT",
    )
    _ok(
        runner,
        caminho_demo,
        "reuniao",
        "acao",
        "2",
        "--descricao",
        "Convidar",
        "--instituicao",
        "MPRR",
    )
    saida = _ok(runner, caminho_demo, "historico", "--limite", "2").output
    assert "incluiu sugestão de MPRR" in saida and "incluiu ação de MPRR" in saida
    assert "sugestoes" not in saida and "acoes" not in saida


# -- help -----------------------------------------------------------------------------------


def _ajudas(grupo, caminho=()):
    import click

    yield caminho, grupo
    if isinstance(grupo, click.Group):
        contexto = click.Context(grupo)
        for nome in grupo.list_commands(contexto):
            yield from _ajudas(grupo.get_command(contexto, nome), (*caminho, nome))


def test_every_help_screen_is_in_portuguese(runner):
    for caminho, _comando in _ajudas(pacto):
        resultado = runner.invoke(pacto, [*caminho, "--help"])
        assert resultado.exit_code == 0, caminho
        ingles = re.findall(
            r"\b(?:Usage|Options|COMMAND|TEXT|FLOAT|INTEGER|OPTIONS)\b", resultado.output
        )
        assert not ingles, (caminho, ingles, resultado.output)
    assert "[NOME]" in runner.invoke(pacto, ["config", "usuario", "--help"]).output


# -- a folder the user cannot write to ------------------------------------------------------


@pytest.fixture
def somente_leitura(tmp_path, monkeypatch):
    """A folder where every write fails as on a read-only share (EACCES); the tests run as root
    in CI, where chmod cannot stop a write, so the refusal is simulated at the system calls."""
    import builtins
    import errno
    import io
    import os

    pasta = tmp_path / "somente-leitura"
    pasta.mkdir()
    raiz = str(pasta)

    def dentro(caminho) -> bool:
        try:
            return os.path.abspath(os.fsdecode(caminho)).startswith(raiz)
        except TypeError:
            return False

    def negar(caminho):
        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(caminho))

    abrir, abrir_os = builtins.open, os.open
    criar_pasta, trocar, renomear = os.mkdir, os.replace, os.rename

    def open_(arquivo, modo="r", *args, **kwargs):
        if isinstance(arquivo, (str, bytes, os.PathLike)) and dentro(arquivo):
            if any(c in modo for c in "wax+"):
                negar(arquivo)
        return abrir(arquivo, modo, *args, **kwargs)

    def os_open(caminho, flags, *args, **kwargs):
        if dentro(caminho) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            negar(caminho)
        return abrir_os(caminho, flags, *args, **kwargs)

    def mkdir(caminho, *args, **kwargs):
        if dentro(caminho):
            negar(caminho)
        return criar_pasta(caminho, *args, **kwargs)

    def replace(origem, destino, *args, **kwargs):
        if dentro(destino):
            negar(destino)
        return trocar(origem, destino, *args, **kwargs)

    def rename(origem, destino, *args, **kwargs):
        if dentro(destino):
            negar(destino)
        return renomear(origem, destino, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(io, "open", open_)
    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "rename", rename)
    return pasta


@pytest.mark.parametrize(
    "argumentos",
    [
        ["exportar", "{ro}/pacote.json"],
        ["backup", "{ro}/copia.db"],
        ["backup", "{ro}"],
        ["atores", "exportar", "{ro}/atores.xlsx"],
        ["atores", "exportar", "{ro}/atores.csv"],
        ["reuniao", "convite", "1", "--saida", "{ro}/convite.ics"],
        ["gerar", "diagrama", "--formato", "dot", "--saida", "{ro}/fluxo.dot"],
        ["gerar", "termo", "--instituicao", "PF-RR", "--saida", "{ro}"],
        ["gerar", "ata", "--reuniao", "1", "--saida", "{ro}"],
        ["gerar", "ficha", "--instituicao", "PF-RR", "--saida", "{ro}"],
        ["gerar", "formulario-netp", "--mes", "2026-10", "--saida", "{ro}"],
        ["gerar", "monitoramento", "--mes", "2026-10", "--saida", "{ro}"],
        ["gerar", "termo", "--todas", "--saida", "{ro}/nova"],
        ["modelos", "exportar", "{ro}/modelos"],
        ["gerar", "fluxo", "--saida", "{ro}"],
        ["gerar", "checklist", "--mes", "2026-10", "--em-branco", "--saida", "{ro}"],
        ["mensal", "preparar", "--mes", "2027-01", "--saida", "{ro}"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_read_only_folder_gets_a_portuguese_error_and_nothing_half_written(
    runner, caminho_demo, somente_leitura, argumentos
):
    argumentos = [a.format(ro=somente_leitura) for a in argumentos]
    antes = _retrato(caminho_demo.parent)

    resultado = _rodar(runner, caminho_demo, *argumentos)

    _recusa(resultado, "em permissão")  # “sem permissão” or “Sem permissão para gravar…”
    assert "Permission denied" not in resultado.output
    assert list(somente_leitura.iterdir()) == []
    depois = _retrato(caminho_demo.parent)
    assert {k: v for k, v in depois.items() if "somente-leitura" not in k} == antes
