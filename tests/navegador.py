"""A headless Debian Chromium driven by Selenium, for the tests of the web page and browser mode.

Skips cleanly where Chromium, chromedriver or selenium are absent — except in CI, which installs
them, where their absence is a failure rather than a silent skip.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTEFATOS = Path(
    os.environ.get("PACTO_ARTEFATOS", Path(__file__).resolve().parent.parent / "artefatos-testes")
)


def exigir_navegador() -> None:
    """Skip (or, in CI, fail) when the real browser is not installed."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        faltando = "selenium"
    else:
        faltando = "" if CHROMIUM and CHROMEDRIVER else "chromium/chromedriver"
    if faltando:
        if os.environ.get("CI"):
            pytest.fail(f"{faltando} ausente na CI (a .ci/run deve instalá-lo)")
        pytest.skip(f"{faltando} não instalado")


def abrir_navegador(largura: int = 1280, altura: int = 800):
    """A headless Chromium with no background traffic and performance logs on."""
    exigir_navegador()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opcoes = webdriver.ChromeOptions()
    opcoes.binary_location = CHROMIUM
    perfil = tempfile.mkdtemp(prefix="pacto-chromium-")
    for argumento in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={perfil}",
        f"--window-size={largura},{altura}",
    ):
        opcoes.add_argument(argumento)
    opcoes.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opcoes)
    driver.set_window_size(largura, altura)
    driver._pacto_perfil = perfil  # removed by fechar_navegador
    return driver


def fechar_navegador(driver) -> None:
    perfil = getattr(driver, "_pacto_perfil", None)
    driver.quit()
    if perfil:
        shutil.rmtree(perfil, ignore_errors=True)


def urls_pedidas(driver) -> list[str]:
    """Every URL the page asked the network stack for, from Chromium's performance log."""
    urls = []
    for entrada in driver.get_log("performance"):
        mensagem = json.loads(entrada["message"])["message"]
        if mensagem.get("method") == "Network.requestWillBeSent":
            urls.append(mensagem["params"]["request"]["url"])
    return urls


def guardar_captura(driver, nome: str) -> Path:
    """Save a full-page screenshot as a test artefact (folder PACTO_ARTEFATOS)."""
    ARTEFATOS.mkdir(parents=True, exist_ok=True)
    destino = ARTEFATOS / nome
    driver.save_screenshot(str(destino))
    return destino
