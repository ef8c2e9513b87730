"""Change history: every data table is covered; who, when, before and after; filters; privacy of contacts."""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.historico import descrever, rotulo
from pacto.store import Workspace
from pacto.store.history import MARCA_OMITIDO, tabelas_sem_historico

from .conftest import nova_instituicao, novo_ponto


def test_every_data_table_has_history_triggers(ws_demo):
    assert tabelas_sem_historico(ws_demo.db) == []


def test_update_records_who_when_before_and_after(caminho_vazio):
    with Workspace.abrir(caminho_vazio, usuario="Ana Souza (NETP)") as ws:
        pf = nova_instituicao(ws, "PF", "Polícia Federal", telefone="194")
        pf.telefone = "(95) 3000-0101"
        ws.salvar_instituicao(pf)
        ultimo = ws.historico(limite=1)[0]
    assert ultimo.usuario == "Ana Souza (NETP)"
    assert ultimo.operacao == "alteracao" and ultimo.tabela == "instituicoes"
    assert ultimo.campos_alterados() == [("telefone", "194", "(95) 3000-0101")]
    assert ultimo.quando.date() == date.today()
    assert descrever(ultimo, "PF") == (
        "Ana Souza (NETP) alterou instituição PF: telefone: 194 → (95) 3000-0101."
    )


def test_saving_without_change_records_nothing(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    antes = len(ws_vazio.historico())
    ws_vazio.salvar_instituicao(pf)
    assert len(ws_vazio.historico()) == antes


def test_delete_cascade_is_recorded_for_each_record(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    novo_ponto(ws_vazio, pf, telefone="(95) 99000-0001", email="pf@exemplo.gov.br")
    ws_vazio.remover_instituicao(pf.id)
    exclusoes = [r for r in ws_vazio.historico() if r.operacao == "exclusao"]
    assert {r.tabela for r in exclusoes} == {"instituicoes", "pontos_focais"}


def test_focal_point_contacts_never_kept_in_history(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    ponto = novo_ponto(ws_vazio, pf, telefone="(95) 99000-0001", email="pf@exemplo.gov.br")
    ponto.telefone = "(95) 99000-0002"
    ws_vazio.salvar_ponto_focal(ponto)
    ws_vazio.remover_ponto_focal(ponto.id)
    texto = json.dumps([(r.antes, r.depois) for r in ws_vazio.historico()], ensure_ascii=False)
    assert "99000" not in texto and "pf@exemplo" not in texto
    assert MARCA_OMITIDO in texto
    nomes = [r for r in ws_vazio.historico() if r.tabela == "pontos_focais"]
    assert nomes[0].antes["nome"] == "Pessoa PF titular"


def test_filter_by_institution_and_date(ws_vazio):
    pf = nova_instituicao(ws_vazio, "PF")
    netp = nova_instituicao(ws_vazio, "NETP")
    novo_ponto(ws_vazio, pf)
    ws_vazio.definir_atribuicao(netp.id, 1, 1, "Articula a rede.")
    tabelas = {r.tabela for r in ws_vazio.historico(instituicao_id=pf.id)}
    assert tabelas == {"instituicoes", "pontos_focais"}
    assert ws_vazio.historico(desde=date(2999, 1, 1)) == []
    siglas = {i.id: i.sigla for i in ws_vazio.instituicoes()}
    atr = ws_vazio.historico(tabela="atribuicoes")[0]
    assert rotulo(atr, siglas) == "de NETP"


def test_cli_historico_and_config_usuario(caminho_demo, tmp_path, monkeypatch):
    monkeypatch.setenv("PACTO_CONFIG", str(tmp_path / "config.toml"))
    runner = CliRunner()
    r = runner.invoke(pacto, ["config", "usuario", 'Bruno "Beto" Lima'])
    assert r.exit_code == 0
    assert runner.invoke(pacto, ["config", "usuario"]).output.strip() == 'Bruno "Beto" Lima'
    assert (tmp_path / "config.toml").stat().st_mode & 0o777 == 0o600
    r = runner.invoke(pacto, ["--db", str(caminho_demo), "gt", "ato", "Portaria nº 9/2026"])
    assert r.exit_code == 0
    r = runner.invoke(pacto, ["--db", str(caminho_demo), "historico", "--limite", "1", "--json"])
    ultimo = json.loads(r.output)[0]
    assert ultimo["usuario"] == 'Bruno "Beto" Lima' and ultimo["tabela"] == "configuracoes"
    assert ultimo["depois"]["valor"] == "Portaria nº 9/2026"
    r = runner.invoke(
        pacto, ["--db", str(caminho_demo), "historico", "--instituicao", "PF-RR", "--limite", "3"]
    )
    assert r.exit_code == 0 and "encaminhamento" in r.output and "PF-RR" in r.output
    r = runner.invoke(pacto, ["--db", str(caminho_demo), "historico", "--desde", "31/02/2026"])
    assert r.exit_code == 2
    assert runner.invoke(pacto, ["config", "usuario", "   "]).exit_code == 1


@pytest.mark.parametrize("usuario", ["", "a" * 121])
def test_bad_user_names_refused(usuario, tmp_path, monkeypatch):
    monkeypatch.setenv("PACTO_CONFIG", str(tmp_path / "c.toml"))
    from pacto.domain.errors import ErroValidacao
    from pacto.services.config import definir_usuario

    with pytest.raises(ErroValidacao):
        definir_usuario(usuario)
    assert not (tmp_path / "c.toml").exists()


async def test_tui_history_screen_filters_by_institution(caminho_demo):
    from textual.widgets import DataTable, Input

    from pacto.tui.app import criar_app
    from pacto.tui.historico import TelaHistorico

    with Workspace.abrir(caminho_demo, usuario="Carla (OIM)") as ws:
        pf = ws.instituicao_por_sigla("PF-RR")
        pf.horario = "24 horas"
        ws.salvar_instituicao(pf)
    app = criar_app(caminho_demo)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"historico")  # no accent typed: still found
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TelaHistorico)
        tabela = app.screen.query_one("#historico-tabela", DataTable)
        primeira = tabela.get_row_at(0)
        assert primeira[1] == "Carla (OIM)" and "alterou instituição PF-RR: horário" in primeira[2]
        filtro = app.screen.query_one("#historico-filtro", Input)
        filtro.value = "creas pintolandia"
        filtro.focus()
        await pilot.press("enter")
        await pilot.pause()
        linhas = [tabela.get_row_at(i)[2] for i in range(tabela.row_count)]
        assert linhas and all("PF-RR" not in linha or "CREAS" in linha for linha in linhas)
        assert any("CREAS Pintolândia" in linha for linha in linhas)
        await pilot.press("escape")
        assert not isinstance(app.screen, TelaHistorico)


async def test_h_in_rede_opens_the_history_of_the_highlighted_institution(caminho_demo):
    from textual.widgets import DataTable

    from pacto.tui.app import criar_app
    from pacto.tui.historico import TelaHistorico

    app = criar_app(caminho_demo)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        tabela = app.query_one("#rede-tabela", DataTable)
        sigla = tabela.get_row_at(tabela.cursor_row)[0]
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, TelaHistorico)
        titulo = str(app.screen.query_one("#historico-titulo").render())
        assert titulo.startswith(f"Histórico de alterações de {sigla} ·")


def test_history_names_settings_and_fields_by_label_not_key(ws_vazio):
    """A generated document's mark and renamed columns read as words, not as internal keys."""
    with ws_vazio.transacao():
        ws_vazio.definir_configuracao("gerado.fluxo_publicado", "2026-11-26T10:00:00")
    inst = nova_instituicao(ws_vazio, "PF")
    inst.endereco = "Rua A, 1"
    ws_vazio.salvar_instituicao(inst)
    siglas = {inst.id: inst.sigla}
    linhas = [descrever(r, rotulo(r, siglas)) for r in ws_vazio.historico(limite=10)]
    texto = "\n".join(linhas)
    assert "registro de documento gerado: fluxo publicado" in texto
    assert "gerado.fluxo_publicado" not in texto
    assert "endereço: vazio → Rua A, 1" in texto
