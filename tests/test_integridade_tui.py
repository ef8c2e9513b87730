"""What the facilitator sees of workspace integrity: a replaced workspace, redacted minutes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import TextArea

from pacto.domain.models import Rede
from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.reuniao_dialogos import AvisoPrivacidade
from pacto.tui.reuniao_modo import ModoReuniao
from pacto.tui.substituido import AvisoSubstituido
from tests.conftest import HOJE, nova_instituicao
from tests.danos import pacto
from tests.test_integridade import _arquivos_do_workspace
from tests.test_integridade import aberturas_brutas as _aberturas_brutas  # noqa: F401
from tests.test_reuniao_tui import TAMANHO, _abrir_modo

CPF = "123.456.789-09"


def _bytes_no_disco(caminho: Path) -> bytes:
    """The workspace file and its WAL as they are on disk now."""
    return b"".join(
        Path(f"{caminho}{sufixo}").read_bytes()
        for sufixo in ("", "-wal")
        if Path(f"{caminho}{sufixo}").exists()
    )


def _ata_salva(caminho: Path, item_id: int) -> str:
    """The minutes of an item as a fresh connection (another process would) reads them."""
    conexao = sqlite3.connect(caminho)
    try:
        return conexao.execute("SELECT ata FROM pauta_itens WHERE id = ?", [item_id]).fetchone()[0]
    finally:
        conexao.close()


async def test_a_cpf_typed_in_the_minutes_reaches_the_file_only_after_manter(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        item_id = modo.item.id
        await pilot.press(*f"Vitima com CPF {CPF} encaminhada ao NETP.")
        await pilot.pause(1.5)  # the autosave promise: saved within 2 s
        salva = _ata_salva(caminho_demo, item_id)
        assert salva == "Vitima com CPF [dado ocultado] encaminhada ao NETP."
        assert CPF.encode() not in _bytes_no_disco(caminho_demo)
        area = modo.query_one("#mr-ata", TextArea)
        assert CPF in area.text  # the original stays on screen, in memory only
        assert "dados ocultados" in str(area.border_title)

        await pilot.press("escape")  # leave the meeting: the privacy question comes first
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)  # the same key did not close it
        await pilot.press("escape")  # Esc in the dialog: keep editing, nothing else
        await pilot.pause()
        assert app.screen is modo and app.focused is area
        assert CPF.encode() not in _bytes_no_disco(caminho_demo)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AvisoPrivacidade)
        await pilot.press("g")  # "gravar assim mesmo": the facilitator keeps the text
        await pilot.pause()
        assert not isinstance(app.screen, ModoReuniao)
        assert CPF in _ata_salva(caminho_demo, item_id)


async def test_replacing_the_workspace_mid_meeting_stops_writes_and_offers_reload(
    caminho_demo, tmp_path
):
    outra = tmp_path / "outra.db"
    with Workspace.criar(outra, Rede("Rede Outra", "AM")) as ws:
        nova_instituicao(ws, "OUTRA")
    copia = tmp_path / "outra-copia.db"
    assert pacto("--db", str(outra), "backup", str(copia)).returncode == 0
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        modo = await _abrir_modo(app, pilot)
        await pilot.press(*"Abertura. ")
        await pilot.pause(1.2)
        assert modo.item.ata == "Abertura. "
        resultado = pacto("--db", str(caminho_demo), "restaurar", "--sim", str(copia))
        assert resultado.returncode == 0, resultado.stderr
        conexao = sqlite3.connect(caminho_demo)
        depois = "\n".join(conexao.iterdump())
        await pilot.press(*"Texto digitado depois da troca.")
        await pilot.pause(1.5)
        assert "\n".join(conexao.iterdump()) == depois  # nothing reached the new network
        assert isinstance(app.screen, AvisoSubstituido)
        await pilot.press(*"mais texto")  # letters typed into the dialog change nothing
        await pilot.pause()
        assert isinstance(app.screen, AvisoSubstituido)
        await pilot.press("f5")  # Recarregar
        await pilot.pause()
        assert len(app.screen_stack) == 1 and app.title == "Rede Outra"
        assert "\n".join(conexao.iterdump()) == depois
        conexao.close()
        nova_instituicao(app.ws, "NOVA")  # after the reload the interface writes again
    with Workspace.abrir(caminho_demo) as ws:
        assert {i.sigla for i in ws.instituicoes()} == {"OUTRA", "NOVA"}
        assert not any("Texto digitado" in item.ata for item in ws.itens_pauta())


async def test_generating_a_document_never_opens_the_workspace_outside_sqlite(
    caminho_demo, tmp_path, aberturas_brutas
):
    from tests.test_documentos_tui import _escolher, _gerar

    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=TAMANHO) as pilot:
        for chave in ("presenca", "fluxo"):
            await _escolher(app, pilot, chave, tmp_path / "docs")
            await _gerar(app, pilot)
        nova_instituicao(app.ws, "DEPOIS")
    assert len(list((tmp_path / "docs").iterdir())) >= 2
    brutas = set(aberturas_brutas) & _arquivos_do_workspace(caminho_demo)
    assert not brutas, f"raw open() of the workspace: {brutas}"
