"""Acceptance: a fake CPF through every free-text entry point ends up only where the user kept it,
and `pacto historico purgar` then removes it from the workspace file, its WAL and the backups."""

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from textual.widgets import TextArea

from pacto.cli import pacto
from pacto.services.ficha import gerar_fichas
from pacto.services.netp_planilhas import gerar_formulario
from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.reuniao_dialogos import AvisoPrivacidade
from pacto.tui.reuniao_forms import FormDeliberacao

from .conftest import HOJE
from .test_reuniao_tui import TAMANHO, _abrir_modo

CPF = "529.982.247-25"  # fake, with valid check digits
FORMAS = (CPF.encode(), b"52998224725")
FRASE = f"A vítima Maria Souza, CPF {CPF}, foi acolhida."


def _rodar(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def _recusado(resultado, *trechos):
    assert resultado.exit_code == 1, resultado.output
    assert "dado pessoal de vítima" in resultado.stderr and "Traceback" not in resultado.output
    for trecho in trechos:
        assert trecho in resultado.stderr, resultado.stderr


def _conteudo(arquivo: Path) -> bytes:
    """The bytes to search: a file as is, or the text inside the parts of a .docx/.xlsx."""
    dados = arquivo.read_bytes()
    if zipfile.is_zipfile(arquivo):
        with zipfile.ZipFile(arquivo) as pacote:
            partes = [pacote.read(nome) for nome in pacote.namelist()]
        dados += b"".join(re.sub(rb"<[^>]+>", b"", parte) for parte in partes)
    return dados


def _com_cpf(*pastas_ou_arquivos: Path) -> set[Path]:
    achados = set()
    for alvo in pastas_ou_arquivos:
        arquivos = [alvo] if alvo.is_file() else [a for a in alvo.rglob("*") if a.is_file()]
        for arquivo in arquivos:
            if any(forma in _conteudo(arquivo) for forma in FORMAS):
                achados.add(arquivo)
    return achados


def _planilha_de_atores(destino: Path) -> Path:
    livro = Workbook()
    folha = livro.active
    folha.append(["Instituição", "Sigla", "Observações"])
    folha.append(["Casa Abrigo Esperança", "CAE", "Referência para abrigamento."])
    folha.append(["Casa de Passagem", "CPAS", FRASE])
    livro.save(destino)
    return destino


def _ficha(ws, pasta: Path) -> Path:
    (arquivo,) = gerar_fichas(ws.carregar(), pasta, ["PF-RR"], HOJE)
    livro = load_workbook(arquivo)
    for linha in livro["Ficha"].iter_rows(min_row=8):
        if linha[0].value == "obs":
            linha[4].value = FRASE
    livro.save(arquivo)
    return arquivo


def _formularios_netp(ws, pasta: Path) -> tuple[Path, Path]:
    comentado = gerar_formulario(ws, "2026-11", pasta / "netp-comentario.xlsx")
    livro = load_workbook(comentado)
    livro["Formulário"]["B3"] = "HGR"
    livro["Formulário"]["B3"].comment = Comment(FRASE, "digitador")
    livro.save(comentado)
    oculto = gerar_formulario(ws, "2026-11", pasta / "netp-aba-oculta.xlsx")
    livro = load_workbook(oculto)
    livro["Formulário"]["B3"] = "HGR"
    livro["pacto"]["H40"] = f"CPF {CPF}"
    livro.save(oculto)
    return comentado, oculto


async def _tui_recusa_e_guarda(caminho: Path) -> None:
    """In meeting mode, a deliberation with the CPF asks; Editar keeps it out of the workspace."""
    app = criar_app(caminho, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, FormDeliberacao)
        app.screen.query_one("#f-texto", TextArea).insert(FRASE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.ws.deliberacoes(modo.reuniao_id) == []
        # meeting-mode minutes typed with the CPF are not autosaved
        modo.query_one("#mr-ata", TextArea).insert(FRASE)
        await pilot.pause(1.3)
        assert CPF not in (app.ws.item_pauta(modo.item.id).ata or "")


async def test_a_cpf_through_every_entry_point_stays_only_where_kept(caminho_demo, tmp_path):
    entrada, saida = tmp_path / "entrada", tmp_path / "saida"
    entrada.mkdir()
    saida.mkdir()
    wal = caminho_demo.with_name(caminho_demo.name + "-wal")
    backups = caminho_demo.with_name(caminho_demo.name + ".backups")

    # CLI options: every free-text option refuses, naming the field and the passage
    _recusado(_rodar(caminho_demo, "checklist", "responder", "pontos_focais", "ok", "--nota", FRASE), "nota do checklist", CPF)  # fmt: skip
    _recusado(_rodar(caminho_demo, "passo", "concluir", "2", "--justificativa", FRASE), "justificativa do passo")  # fmt: skip
    _recusado(_rodar(caminho_demo, "reuniao", "criar", "--tipo", "gt", "--data", "2026-12-21", "--local", FRASE), "local da reunião")  # fmt: skip
    _recusado(_rodar(caminho_demo, "autodiagnostico", "nova-rodada", "--participantes", FRASE))
    _recusado(_rodar(caminho_demo, "reuniao", "acao", "1", "--descricao", FRASE, "--instituicao", "PF-RR"))  # fmt: skip
    _recusado(_rodar(caminho_demo, "reuniao", "sugestao", "1", "--autor", "PF-RR", "--texto", FRASE))  # fmt: skip
    real = subprocess.run(
        [
            sys.executable,
            "-m",
            "pacto",
            "--db",
            str(caminho_demo),
            "gt",
            "ato",
            "Portaria nº 45, CPF 52998224725",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert real.returncode == 1 and "valor de configuração" in real.stderr
    assert "52998224725" in real.stderr and "Traceback" not in real.stderr

    # files: a spreadsheet, a validation form, NETP forms (cell comment, hidden sheet), a bundle
    _recusado(_rodar(caminho_demo, "atores", "importar", str(_planilha_de_atores(entrada / "atores.xlsx"))), "linha 3", "observações da instituição")  # fmt: skip
    with Workspace.abrir(caminho_demo) as ws:
        ficha = _ficha(ws, entrada)
        comentado, oculto = _formularios_netp(ws, entrada)
    _recusado(_rodar(caminho_demo, "ficha", "importar", str(ficha)), CPF)
    for formulario, onde in ((comentado, "Comentário da célula Formulário!B3"), (oculto, "pacto!H40")):  # fmt: skip
        resultado = _rodar(caminho_demo, "netp", "importar", str(formulario))
        assert resultado.exit_code == 1 and onde in resultado.stderr, resultado.output
    pacote = entrada / "pacote.json"
    assert _rodar(caminho_demo, "exportar", str(pacote)).exit_code == 0
    dados = json.loads(pacote.read_text(encoding="utf-8"))
    dados["acoes"][0]["descricao"] = FRASE
    pacote.write_text(json.dumps(dados, ensure_ascii=False), encoding="utf-8")
    _recusado(_rodar(caminho_demo, "importar", str(pacote), "--substituir"), "seção “acoes”, item 1, ação")  # fmt: skip

    # the TUI asks, and Editar leaves nothing behind
    await _tui_recusa_e_guarda(caminho_demo)

    # nothing refused reached the workspace, its WAL or any backup
    assert _com_cpf(caminho_demo, *([wal] if wal.exists() else []), *([backups] if backups.exists() else [])) == set()  # fmt: skip

    # the one place the user chose to keep it
    kept = _rodar(caminho_demo, "reuniao", "deliberacao", "1", "--texto", FRASE, "--mesmo-assim")
    assert kept.exit_code == 0 and "Aviso de privacidade" in kept.stderr
    with Workspace.abrir(caminho_demo) as ws:
        copia = ws.backup_automatico("teste")

    # every export and generated document, then grep
    assert _rodar(caminho_demo, "exportar", str(saida / "rede.json")).exit_code == 0
    assert _rodar(caminho_demo, "atores", "exportar", str(saida / "atores.xlsx")).exit_code == 0
    assert _rodar(caminho_demo, "gerar", "pauta", "--reuniao", "1", "--saida", str(saida)).exit_code == 0  # fmt: skip
    assert _rodar(caminho_demo, "gerar", "ata", "--reuniao", "1", "--saida", str(saida)).exit_code == 1  # fmt: skip
    assert _rodar(caminho_demo, "gerar", "ata", "--reuniao", "1", "--mesmo-assim", "--saida", str(saida)).exit_code == 0  # fmt: skip
    with_cpf = _com_cpf(caminho_demo, *([wal] if wal.exists() else []), backups, saida)
    atas = {a for a in with_cpf if a.suffix == ".docx"}
    assert len(atas) == 1 and "ata" in next(iter(atas)).name.lower()
    assert with_cpf - atas == {caminho_demo, copia, saida / "rede.json"} | ({wal} & with_cpf)

    # purge: file, WAL and (with --backups) the automatic backups
    purga = _rodar(caminho_demo, "historico", "purgar", CPF, "--sim", "--backups")
    assert purga.exit_code == 0, purga.output
    assert _com_cpf(caminho_demo, *([wal] if wal.exists() else []), backups) == set()
    with Workspace.abrir(caminho_demo) as ws:
        assert ws.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert any("[texto purgado]" in d.texto for d in ws.deliberacoes(1))
