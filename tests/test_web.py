"""`pacto web`: the TUI in a real headless Chromium, guarded by a token and an Origin check."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.navegador import abrir_navegador, fechar_navegador


@pytest.fixture
def servidor(caminho_demo):
    """`pacto web` on a free port, as a real process; yields (base URL, token)."""
    processo = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pacto",
            "--db",
            str(caminho_demo),
            "web",
            "--porta",
            "0",
            "--sem-navegador",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    url = None
    limite = time.monotonic() + 30
    linhas = []
    while time.monotonic() < limite:
        linha = processo.stdout.readline()
        if not linha:
            break
        linhas.append(linha)
        if linha.startswith("Abra: "):
            url = linha.split("Abra: ", 1)[1].strip()
            break
    assert url, "".join(linhas)
    base, token = url.split("/?token=")
    try:
        yield base, token
    finally:
        processo.send_signal(signal.SIGINT)
        try:
            saida, _ = processo.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            processo.kill()
            saida, _ = processo.communicate()
        assert "Traceback" not in saida


def _status(url: str, cabecalhos: dict | None = None) -> int:
    pedido = urllib.request.Request(url, headers=cabecalhos or {})
    try:
        with urllib.request.urlopen(pedido, timeout=10) as resposta:
            return resposta.status
    except urllib.error.HTTPError as erro:
        return erro.code


def _ws_status(url: str, origem: str) -> int:
    import aiohttp

    async def tentar() -> int:
        async with aiohttp.ClientSession() as sessao:
            try:
                async with sessao.ws_connect(url, headers={"Origin": origem}) as ws:
                    await ws.close()
                    return 101
            except aiohttp.WSServerHandshakeError as erro:
                return erro.status

    return asyncio.run(tentar())


def test_the_token_guards_every_route_and_the_origin_guards_the_websocket(servidor):
    base, token = servidor
    assert base.startswith("http://127.0.0.1:")
    assert _status(f"{base}/") == 403
    assert _status(f"{base}/?token=errado") == 403
    assert _status(f"{base}/download/qualquer") == 403
    assert _status(f"{base}/static/js/textual.js") == 403
    assert _status(f"{base}/?token={token}") == 200
    assert _status(f"{base}/download/inexistente?token={token}") == 404
    ws = base.replace("http://", "ws://")
    assert _ws_status(f"{ws}/ws", base) == 403  # no token
    assert _ws_status(f"{ws}/ws?token={token}", "http://malicioso.example") == 403
    assert _ws_status(f"{ws}/ws?token={token}", "") == 403


def test_the_page_is_portuguese_and_links_nothing_outside(servidor):
    base, token = servidor
    with urllib.request.urlopen(f"{base}/?token={token}", timeout=10) as resposta:
        html = resposta.read().decode("utf-8")
    assert 'lang="pt-BR"' in html
    assert "googleapis" not in html
    fontes = re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r'url\("([^"]+)"\)', html)
    assert fontes and all(f.startswith(base) for f in fontes if "://" in f)


def _texto_recebido(driver) -> str:
    """Everything the app sent over the WebSocket so far, as text (from Chromium's log)."""
    partes = []
    for entrada in driver.get_log("performance"):
        mensagem = json.loads(entrada["message"])["message"]
        if mensagem.get("method") == "Network.requestWillBeSent":
            driver._pacto_pedidas.append(mensagem["params"]["request"]["url"])
        if mensagem.get("method") != "Network.webSocketFrameReceived":
            continue
        resposta = mensagem["params"]["response"]
        dados = resposta.get("payloadData", "")
        if resposta.get("opcode") == 2:
            dados = base64.b64decode(dados).decode("utf-8", "replace")
        partes.append(dados)
    return "".join(partes)


def _esperar(driver, trecho: str, acumulado: list[str], segundos: float = 40) -> bool:
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        acumulado.append(_texto_recebido(driver))
        if trecho in "".join(acumulado):
            return True
        time.sleep(0.5)
    return False


def test_browser_shows_the_painel_and_a_section_key_works(servidor):
    base, token = servidor
    driver = abrir_navegador(1280, 800)
    driver._pacto_pedidas = []
    try:
        driver.get_log("performance")  # what the browser loaded on its own before the page
        driver.get(f"{base}/?token={token}")
        recebido: list[str] = []
        assert _esperar(driver, "Painel", recebido), "a interface não apareceu no navegador"
        recebido.clear()
        campo = driver.find_element("css selector", ".xterm-helper-textarea")
        campo.send_keys("3")
        assert _esperar(driver, "Atores", recebido), "a tecla 3 não abriu a seção Rede"
        _texto_recebido(driver)
        pedidas = driver._pacto_pedidas
        assert any(u.endswith("textual.js") for u in pedidas)
        fora = [
            u
            for u in pedidas
            if u.split(":", 1)[0] in ("http", "https", "ws", "wss")
            and not u.split("://", 1)[1].startswith(base.split("://", 1)[1])
        ]
        assert fora == []
    finally:
        fechar_navegador(driver)


@pytest.mark.parametrize("host", ["nao-existe.invalido", "203.0.113.77"])
def test_an_address_it_cannot_listen_on_is_explained(caminho_demo, host):
    resultado = subprocess.run(
        [
            sys.executable,
            "-m",
            "pacto",
            "--db",
            str(caminho_demo),
            "web",
            "--host",
            host,
            "--porta",
            "0",
            "--sem-navegador",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert resultado.returncode == 1
    assert "Traceback" not in resultado.stderr
    assert host in resultado.stderr and (
        "não existe" in resultado.stderr or "não pertence" in resultado.stderr
    )
