"""No English reaches the user: the palette, the footers, notifications and the history speak
Portuguese, and the footer keeps q, ? and Ctrl+P in view at 80 columns."""

import re

from textual.command import CommandList
from textual.widgets._footer import FooterKey

from pacto.store import Workspace
from pacto.tui.app import criar_app
from pacto.tui.historico import TelaHistorico

from .conftest import HOJE

# English words Textual's built-ins would show (whole words, any case)
PROIBIDAS = (
    "dismiss", "search", "screenshot", "theme", "themes", "quit", "palette", "save", "saved",
    "failed", "cancel", "close", "exit", "keys", "toggle", "maximize", "minimize", "commands",
    "command", "help", "show", "hide", "copy", "paste", "failed", "settings", "light", "dark",
)  # fmt: skip
_PADRAO = re.compile(r"\b(" + "|".join(PROIBIDAS) + r")\b", re.IGNORECASE)


def _em_ingles(textos) -> list[str]:
    return [t for t in textos if _PADRAO.search(t)]


def _rodape(app) -> list[str]:
    return [f"{k.key_display} {k.description}" for k in app.screen.query(FooterKey)]


async def _paleta(pilot, tecla_ou_acao) -> list[str]:
    """Open a palette and read every entry it lists before anything is typed."""
    app = pilot.app
    if tecla_ou_acao == "ctrl+p":
        await pilot.press("ctrl+p")
    else:
        app.action_change_theme()
    await pilot.pause(0.6)
    opcoes = app.screen.query_one(CommandList)
    textos = [
        str(opcoes.get_option_at_index(i).prompt).split("\n")[0] for i in range(opcoes.option_count)
    ]
    textos.append(app.screen.query_one("Input").placeholder)
    await pilot.press("escape")
    await pilot.pause()
    return textos


async def test_palette_footer_notifications_and_history_have_no_english(caminho_demo, tmp_path):
    with Workspace.abrir(caminho_demo, usuario="Carla") as ws:
        with ws.transacao():
            ws.definir_configuracao("gerado.fluxo_publicado", "2026-11-26T10:00:00")
    app = criar_app(caminho_demo, hoje=HOJE)
    vistos: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        paleta = await _paleta(pilot, "ctrl+p")
        assert paleta[0] == "Ir para Painel"  # pacto's own actions come first
        assert "Tema projetor (alto contraste, fundo claro)" in paleta
        assert "Captura de tela" in paleta
        vistos += paleta
        vistos += await _paleta(pilot, "temas")
        for secao in "1234567890":
            await pilot.press(secao)
            await pilot.pause()
            rodape = _rodape(app)
            assert rodape[:2] == ["q Sair", "? Ajuda"], (secao, rodape)
            assert rodape[-1] == "^p Comandos"
            # q, ? and Ctrl+P are drawn whole inside the 80 columns
            teclas = list(app.screen.query(FooterKey))
            assert all(k.region.right <= 80 for k in (teclas[0], teclas[1], teclas[-1]))
            vistos += rodape
        await pilot.press("3", "t")  # a list open in a section: its footer says how to close it
        app.query_one("#atr-etapa").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "esc Fechar a lista" in _rodape(app)
        vistos += _rodape(app)
        await pilot.press("escape")
        await pilot.pause()
        app.action_screenshot(path=str(tmp_path / "não existe"))
        app.trocar_tema("pacto-projetor")
        await pilot.pause()
        avisos = [f"{n.title} {n.message}" for n in app._notifications]
        assert any("Não foi possível salvar a captura de tela" in a for a in avisos)
        vistos += avisos
        app.action_historico()
        await pilot.pause()
        assert isinstance(app.screen, TelaHistorico)
        tabela = app.screen.query_one("#historico-tabela")
        linhas = [str(c) for i in range(tabela.row_count) for c in tabela.get_row_at(i)]
        assert any("registro de documento gerado: fluxo publicado" in linha for linha in linhas)
        assert not any("gerado.fluxo_publicado" in linha for linha in linhas)
        vistos += linhas
    assert vistos and _em_ingles(vistos) == []


def test_deny_list_catches_textual_english():
    assert _em_ingles(["esc Dismiss menu", "Search for themes…", "Gerar documento"]) == [
        "esc Dismiss menu",
        "Search for themes…",
    ]


async def test_painel_gap_list_is_one_key_away(caminho_demo):
    app = criar_app(caminho_demo, hoje=HOJE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        painel, lacunas = app.query_one("#painel"), app.query_one("#painel-lacunas")
        assert lacunas.region.y - painel.region.y > 5  # below the counts and the stages
        await pilot.press("l")
        await pilot.pause()
        assert painel.scroll_y > 0 and lacunas.region.y - painel.region.y <= 1
