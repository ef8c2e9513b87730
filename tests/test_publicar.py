"""`pacto publicar`: the public page of the flow, valid, self-contained, accessible, bilingual."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.store import Workspace
from tests.navegador import abrir_navegador, fechar_navegador, guardar_captura, urls_pedidas


def _rodar(*args):
    resultado = CliRunner().invoke(pacto, [str(a) for a in args])
    assert resultado.exit_code == 0, resultado.output
    return resultado


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo, frozen once, published in both editions."""
    from pacto.services.demo import criar_demo
    from tests.conftest import HOJE

    pasta = tmp_path_factory.mktemp("site")
    db = pasta / "demo.db"
    criar_demo(db, hoje=HOJE).fechar()
    _rodar("--db", db, "versao", "congelar", "--nota", "Pactuada na reunião ampliada")
    _rodar("--db", db, "publicar", "--saida", pasta / "publico")
    _rodar("--db", db, "publicar", "--saida", pasta / "restrito", "--pontos-focais")
    return pasta


def _arvore(caminho: Path):
    import html5lib

    analisador = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return analisador.parse(caminho.read_bytes())


@pytest.mark.parametrize("arquivo, lang", [("index.html", "pt-BR"), ("es.html", "es")])
def test_pages_are_valid_html_in_their_language(site, arquivo, lang):
    arvore = _arvore(site / "publico" / arquivo)  # strict: raises on any parse error
    assert arvore.get("lang") == lang
    titulos = [int(e.tag[1]) for e in arvore.iter() if e.tag in ("h1", "h2", "h3", "h4")]
    assert titulos[0] == 1 and titulos.count(1) == 1
    # headings never skip a level going down
    assert all(b - a <= 1 for a, b in zip(titulos, titulos[1:], strict=False))


@pytest.mark.parametrize("arquivo", ["index.html", "es.html"])
def test_nothing_is_loaded_from_outside_the_folder(site, arquivo):
    arvore = _arvore(site / "publico" / arquivo)
    carregados = [e.get("src") for e in arvore.iter() if e.get("src")]
    carregados += [
        e.get("href") for e in arvore.iter("link") if "stylesheet" in (e.get("rel") or "")
    ]
    assert carregados  # the stylesheet at least
    assert not [u for u in carregados if "://" in u or u.startswith("//")]
    assert "@import" not in (site / "publico" / "estilo.css").read_text(encoding="utf-8")
    assert "url(" not in (site / "publico" / "estilo.css").read_text(encoding="utf-8")


def test_public_edition_has_the_directory_but_no_focal_point(site):
    texto = (site / "publico" / "index.html").read_text(encoding="utf-8")
    with Workspace.abrir(site / "demo.db") as ws:
        rc = ws.carregar()
    assert "Como denunciar" in texto and "Disque 100" in texto
    assert "Versão 1" in texto or "versão 1" in texto
    assert "MINUTA" not in texto
    pf = next(i for i in rc.instituicoes if i.sigla == "PF-RR")
    assert pf.nome in texto and pf.telefone in texto
    for ponto in rc.pontos_focais:
        assert ponto.nome not in texto
    espanhol = (site / "publico" / "es.html").read_text(encoding="utf-8")
    assert "Cómo denunciar" in espanhol and "Directorio de las instituciones" in espanhol
    for ponto in rc.pontos_focais:
        assert ponto.nome not in espanhol


def test_restricted_edition_marks_focal_points_and_is_private(site):
    arquivo = site / "restrito" / "index.html"
    texto = arquivo.read_text(encoding="utf-8")
    assert "uso restrito" in texto
    with Workspace.abrir(site / "demo.db") as ws:
        titular = ws.carregar().pontos_focais[0]
    assert titular.nome in texto
    assert stat.S_IMODE(arquivo.stat().st_mode) == 0o600


def test_channels_follow_the_flow_purposes(caminho_vazio, tmp_path):
    runner = CliRunner()
    runner.invoke(
        pacto,
        ["--db", str(caminho_vazio), "fluxo", "editar", "1", "--finalidade", "trabalho_escravo"],
    )
    _rodar("--db", caminho_vazio, "publicar", "--saida", tmp_path / "s")
    texto = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert "Sistema Ipê" in texto
    assert "MINUTA" in texto  # nothing frozen yet: the page says so


def test_network_text_is_escaped_never_markup(caminho_vazio, tmp_path):
    from tests.conftest import nova_instituicao

    with Workspace.abrir(caminho_vazio) as ws:
        inst = nova_instituicao(ws, "XSS", "<script>alert(1)</script> Abrigo “Casa”")
        etapa = ws.etapas()[0]
        ws.definir_atribuicao(inst.id, etapa.id, ws.fluxos()[0].id, "Acolhe <b>vítimas</b>.")
    _rodar("--db", caminho_vazio, "publicar", "--saida", tmp_path / "s", "--rascunho")
    texto = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in texto and "&lt;script&gt;" in texto
    assert "<b>" not in texto


@pytest.mark.parametrize("arquivo, lang", [("index.html", "pt-BR"), ("es.html", "es")])
def test_axe_finds_no_serious_violation_and_page_stays_local(site, arquivo, lang):
    driver = abrir_navegador(1280, 800)
    try:
        from axe_selenium_python import Axe

        urls_pedidas(driver)  # drop what the browser itself loaded before the page
        driver.get((site / "publico" / arquivo).as_uri())
        assert driver.find_element("tag name", "html").get_attribute("lang") == lang
        axe = Axe(driver)
        axe.inject()
        resultado = axe.run()
        graves = [
            f"{v['id']}: {v['help']}"
            for v in resultado["violations"]
            if v.get("impact") in ("serious", "critical")
        ]
        assert graves == []
        pedidas = urls_pedidas(driver)
        assert any(u.endswith("estilo.css") for u in pedidas)
        externos = [u for u in pedidas if u.split(":", 1)[0] in ("http", "https", "ws", "wss")]
        assert externos == []
        nome = Path(arquivo).stem
        for largura, altura in ((390, 844), (1280, 800)):
            driver.set_window_size(largura, altura)
            assert guardar_captura(driver, f"publicar-{nome}-{largura}x{altura}.png").stat().st_size
    finally:
        fechar_navegador(driver)


def test_keyboard_reaches_the_skip_link_first(site):
    driver = abrir_navegador(390, 844)
    try:
        from selenium.webdriver.common.keys import Keys

        driver.get((site / "publico" / "index.html").as_uri())
        driver.find_element("tag name", "body").send_keys(Keys.TAB)
        ativo = driver.switch_to.active_element
        assert ativo.get_attribute("href").endswith("#conteudo")
        assert ativo.is_displayed()
    finally:
        fechar_navegador(driver)
