"""The focus cue and the projector theme: the field being edited stands out in every theme, and
the theme chosen with `pacto config tema` is the one the TUI opens with."""

import pytest
from click.testing import CliRunner
from textual.widgets import Input, TextArea

from pacto.cli import pacto
from pacto.tui.app import criar_app
from pacto.tui.formularios_rede import FormInstituicao
from pacto.tui.temas import TEMA_PADRAO, TEMA_PROJETOR, contraste

from .conftest import HOJE


def _fundo(widget):
    """The colour a widget is painted with, its own background composed over its parents'."""
    return widget.background_colors[1]


async def test_focused_field_contrasts_3_to_1_with_the_others_in_every_theme(
    caminho_demo, tmp_path, monkeypatch
):
    monkeypatch.setenv("PACTO_CONFIG", str(tmp_path / "config.toml"))
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormInstituicao)
        nome, sigla = form.query_one("#inst-nome", Input), form.query_one("#inst-sigla", Input)
        obs = form.query_one("#inst-observacoes", TextArea)
        for tema in (TEMA_PADRAO, TEMA_PROJETOR):
            app.theme = tema
            nome.focus()
            await pilot.pause()
            assert app.focused is nome
            assert contraste(_fundo(nome), _fundo(sigla)) >= 3, tema
            obs.focus()
            await pilot.pause()
            assert contraste(_fundo(obs), _fundo(nome)) >= 3, tema
            # the text on the focused field stays readable too
            assert contraste(_fundo(obs), obs.styles.color) >= 4.5, tema


def test_config_tema_is_kept_and_opens_the_tui_in_it(caminho_demo, tmp_path, monkeypatch):
    monkeypatch.setenv("PACTO_CONFIG", str(tmp_path / "config.toml"))
    runner = CliRunner()
    assert "padrao" in runner.invoke(pacto, ["config", "tema"]).output
    assert runner.invoke(pacto, ["config", "usuario", "Ana (NETP)"]).exit_code == 0
    resultado = runner.invoke(pacto, ["config", "tema", "projetor"])
    assert resultado.exit_code == 0 and "projetor" in resultado.output
    assert "projetor" in runner.invoke(pacto, ["config", "tema"]).output
    assert runner.invoke(pacto, ["config", "usuario"]).output.strip() == "Ana (NETP)"
    assert criar_app(caminho_demo).theme == TEMA_PROJETOR
    ruim = runner.invoke(pacto, ["config", "tema", "neon"])
    assert ruim.exit_code != 0 and "Use um destes: padrao, projetor" in ruim.output
    assert "Traceback" not in ruim.output


def test_contrast_formula_matches_wcag():
    from textual.color import Color

    assert round(contraste(Color(0, 0, 0), Color(255, 255, 255)), 1) == 21.0
    assert contraste(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)
