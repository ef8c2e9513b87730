"""`pacto web`: the same Textual interface in a browser, through Textualize's textual-serve.

textual-serve has no authentication of its own, so this server adds it: a random token in the
URL (kept afterwards in a strict same-site cookie) guards every route, and the WebSocket also
checks that the page asking is our own origin — any web page the user visits could otherwise try
to open ws://127.0.0.1:…. Each browser tab runs its own `pacto tui` process on the workspace;
the page is served in Portuguese and fetches nothing from outside the machine.
"""

from __future__ import annotations

import hmac
import secrets
import shlex
import sys
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

COOKIE = "pacto_token"
PASTA_MODELO = Path(__file__).resolve().parent / "web"
ENDERECOS_LOCAIS = ("127.0.0.1", "localhost", "::1")


def comando_tui(caminho_db: Path) -> str:
    """The shell command each browser tab runs: this Python's pacto, on this workspace."""
    return " ".join(
        shlex.quote(parte)
        for parte in (sys.executable, "-m", "pacto", "--db", str(caminho_db.resolve()), "tui")
    )


class ServidorPacto(Server):
    """textual-serve with a token on every route and an Origin check on the WebSocket."""

    def __init__(
        self,
        caminho_db: Path,
        host: str,
        porta: int,
        token: str | None = None,
        fonte: int | None = None,
    ):
        import textual_serve

        estaticos = Path(textual_serve.__file__).resolve().parent / "static"
        super().__init__(
            comando_tui(caminho_db),
            host=host,
            port=porta,
            title="pacto",
            statics_path=estaticos,
            templates_path=PASTA_MODELO,
        )
        self.token = token or secrets.token_urlsafe(24)
        self.caminho_db = caminho_db
        self.fonte = fonte

    @property
    def url(self) -> str:
        """The address to open, token included."""
        extra = f"&fontsize={self.fonte}" if self.fonte else ""
        return f"{self.public_url}/?token={self.token}{extra}"

    def origens_aceitas(self) -> set[str]:
        """The page's own origins: the public URL, and localhost/127.0.0.1 for a local bind."""
        origens = {self.public_url}
        if self.host in ENDERECOS_LOCAIS:
            origens |= {
                f"http://{nome}:{self.port}" for nome in ("127.0.0.1", "localhost", "[::1]")
            }
        return origens

    def _token_valido(self, request: web.Request) -> bool:
        candidato = request.query.get("token") or request.cookies.get(COOKIE) or ""
        return hmac.compare_digest(candidato.encode(), self.token.encode())

    @web.middleware
    async def _guarda(self, request: web.Request, handler):
        if not self._token_valido(request):
            return web.Response(
                status=403,
                text="Acesso negado: abra o endereço com o código de acesso que o pacto mostrou.",
                content_type="text/plain",
                charset="utf-8",
            )
        if request.path == "/ws":
            origem = request.headers.get("Origin", "")
            if origem not in self.origens_aceitas():
                return web.Response(
                    status=403,
                    text="Acesso negado: conexão vinda de outra página.",
                    content_type="text/plain",
                    charset="utf-8",
                )
        resposta = await handler(request)
        if request.query.get("token") and isinstance(resposta, web.Response):
            resposta.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict", path="/")
        return resposta

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guarda)
        return app

    def initialize_logging(self) -> None:
        """Quiet logs: the terminal shows only pacto's own Portuguese lines."""
        import logging

        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Nothing yet: the address is announced once the socket really listens (`serve`)."""

    def _anunciar(self, *_args) -> None:
        print(f"pacto web: interface no navegador para o workspace {self.caminho_db}.", flush=True)
        print(f"Abra: {self.url}", flush=True)
        print("Para encerrar, tecle Ctrl+C.", flush=True)

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM); the URL is printed only when the port is open."""
        import asyncio
        import signal

        self.debug = debug
        self.initialize_logging()
        laco = asyncio.new_event_loop()
        asyncio.set_event_loop(laco)
        for sinal in (signal.SIGINT, signal.SIGTERM):
            try:
                laco.add_signal_handler(sinal, self.request_exit)
            except (NotImplementedError, AttributeError, ValueError):  # Windows
                pass
        import sys

        anterior = sys.unraisablehook

        def silenciar_fim(info) -> None:
            # on Ctrl+C, the tabs' app processes are collected after the loop has closed;
            # asyncio then complains that it cannot close their pipes: noise, not an error
            if isinstance(info.exc_value, RuntimeError) and "Event loop is closed" in str(
                info.exc_value
            ):
                return
            anterior(info)

        sys.unraisablehook = silenciar_fim
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=laco,
            print=self._anunciar,
        )
