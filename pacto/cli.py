"""The `pacto` command line: a click group whose subcommands load lazily, so `--help` stays fast."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from pacto import __version__
from pacto.cli_pt import instalar as _instalar_portugues
from pacto.commands.common import GrupoPreguicoso, argumento_ilegivel, para_terminal
from pacto.domain.errors import PactoErro

if TYPE_CHECKING:
    from pathlib import Path

_instalar_portugues()

BANCO_PADRAO = "pacto.db"

# name -> "module:attribute"; modules import only click at load time
SUBCOMANDOS = {
    "init": "pacto.commands.workspace_cmds:init",
    "demo": "pacto.commands.workspace_cmds:demo",
    "status": "pacto.commands.workspace_cmds:status",
    "verificar": "pacto.commands.workspace_cmds:verificar",
    "fluxo": "pacto.commands.fluxo_cmds:fluxo",
    "exportar": "pacto.commands.bundle_cmds:exportar",
    "importar": "pacto.commands.bundle_cmds:importar",
    "backup": "pacto.commands.bundle_cmds:backup",
    "restaurar": "pacto.commands.bundle_cmds:restaurar",
    "tui": "pacto.commands.workspace_cmds:tui",
    "passo": "pacto.commands.processo_cmds:passo",
    "gt": "pacto.commands.processo_cmds:gt",
    "autodiagnostico": "pacto.commands.autodiagnostico_cmds:autodiagnostico",
    "modelos": "pacto.commands.modelos_cmds:modelos",
    "adesao": "pacto.commands.adesao_cmds:adesao",
    "versao": "pacto.commands.versao_cmds:versao",
    "gerar": "pacto.commands.gerar_cmds:gerar",
    "netp": "pacto.commands.netp_cmds:netp",
    "checklist": "pacto.commands.mensal_cmds:checklist",
    "indicadores": "pacto.commands.mensal_cmds:indicadores",
    "historico": "pacto.commands.historico_cmds:historico",
    "pessoa": "pacto.commands.pessoa_cmds:pessoa",
    "config": "pacto.commands.historico_cmds:config",
    "atores": "pacto.commands.atores_cmds:atores",
    "reuniao": "pacto.commands.reuniao_cmds:reuniao",
    "ficha": "pacto.commands.ficha_cmds:ficha",
    "mensal": "pacto.commands.mensal_pacote_cmds:mensal",
    "publicar": "pacto.commands.alcance_cmds:publicar",
    "web": "pacto.commands.alcance_cmds:web",
    "rede": "pacto.commands.rede_cmds:rede",
    "ponto-focal": "pacto.commands.ponto_focal_cmds:ponto_focal",
    "atribuicao": "pacto.commands.encaminhamento_cmds:atribuicao",
    "encaminhamento": "pacto.commands.encaminhamento_cmds:encaminhamento",
}


class GrupoPacto(GrupoPreguicoso):
    """The root group: subcommands load on demand; pacto errors become clear messages."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        for argumento in args:
            if argumento_ilegivel(argumento):
                raise click.UsageError(
                    f"o argumento “{para_terminal(argumento)[:80]}” tem bytes que não formam "
                    "texto (UTF-8) ou um caractere nulo. Confira a codificação do terminal e "
                    "digite-o de novo.",
                    ctx,
                )
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            resultado = super().invoke(ctx)
            if isinstance(ctx.obj, Contexto):
                ctx.obj.renovar_status()
            return resultado
        except PactoErro as erro:
            click.secho(f"Erro: {para_terminal(erro.mensagem)}", fg="red", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("\nInterrompido.", err=True)
            ctx.exit(130)
        except BrokenPipeError:  # the reader left (`pacto status | head`): nothing to say
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no flush error
            ctx.exit(1)  # as rich does for its tables, and as the Python docs advise
        except OSError as erro:  # a file or address the system refused: say why, no traceback
            from pacto.domain.errors import motivo_os

            onde = f" {erro.filename}" if getattr(erro, "filename", None) else ""
            click.secho(
                f"Erro: não foi possível usar{para_terminal(onde)}: {motivo_os(erro)}. "
                "Nada foi alterado.",
                fg="red",
                err=True,
            )
            ctx.exit(1)
        except Exception as erro:
            sqlite3 = sys.modules.get("sqlite3")
            if sqlite3 is None or type(erro) not in (
                sqlite3.DatabaseError,
                sqlite3.OperationalError,
            ):
                raise
            from pacto.store.opening import traduzir_erro_sqlite

            caminho = getattr(ctx.obj, "texto", "") or "o workspace"
            traduzido = traduzir_erro_sqlite(erro, caminho)
            mensagem = (
                traduzido.mensagem
                if traduzido
                else f"o workspace {caminho} não pôde ser usado ({erro}). Nada foi alterado."
            )
            click.secho(f"Erro: {para_terminal(mensagem)}", fg="red", err=True)
            ctx.exit(1)


class Contexto:
    """What every subcommand shares: the workspace path, opened on demand and closed at exit."""

    def __init__(self, texto: str):
        self.texto = texto  # as typed; `pacto status` reads it without loading pathlib
        self._ws = None
        self._alteracao: tuple = ()  # the last change in the workspace when it was opened
        self.mesmo_assim = False  # --mesmo-assim: keep text the privacy policy flags

    @property
    def caminho(self) -> Path:
        """The workspace path named by --db or PACTO_DB."""
        from pathlib import Path

        return Path(self.texto)

    def workspace(self):
        """Open the workspace (once) and close it when the command ends."""
        if self._ws is None:
            from pacto.services.config import usuario
            from pacto.store import Workspace

            self._ws = Workspace.abrir(self.caminho, usuario())
            self._ws.aceitar_alertas_privacidade = self.mesmo_assim
            # closed with the whole command, after `renovar_status`
            click.get_current_context().find_root().call_on_close(self._ws.fechar)
            if self._ws.configuracao("aviso.fluxo_vivo") is not None:
                from pacto.services.fluxo_vivo import consumir

                for linha in consumir(self._ws):
                    click.secho(linha, fg="yellow", err=True)
            from pacto.store.cache import ultima_alteracao

            self._alteracao = ultima_alteracao(self._ws.con)
        return self._ws

    def renovar_status(self) -> None:
        """After a command that changed the workspace ended well, recompute the kept status,
        so that a script's next `pacto status` reads it instead of computing it."""
        if self._ws is not None:
            from pacto.services.status import renovar_se_alterado

            renovar_se_alterado(self._ws, self._alteracao)


@click.group(
    cls=GrupoPacto,
    preguicosos=SUBCOMANDOS,
    invoke_without_command=True,
    subcommand_metavar="[COMANDO] [ARGS]...",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--db",
    "caminho_db",
    type=click.Path(dir_okay=False),
    envvar="PACTO_DB",
    default=BANCO_PADRAO,
    show_default=True,
    metavar="ARQUIVO",
    help="Arquivo do workspace da rede (também pela variável PACTO_DB).",
)
@click.version_option(
    __version__, "--versao", "--version", "-V", prog_name="pacto", message="%(prog)s %(version)s"
)
@click.pass_context
def pacto(ctx: click.Context, caminho_db: str) -> None:
    """pacto: o kit do facilitador para pactuar e manter o fluxo de atendimento a vítimas de
    tráfico de pessoas da sua rede.

    Sem subcomando, abre a interface interativa no workspace indicado por --db.
    """
    ctx.obj = Contexto(caminho_db)
    if ctx.invoked_subcommand is None:
        from pacto.commands.workspace_cmds import abrir_tui

        abrir_tui(ctx.obj.caminho)


def _terminar(_sinal, _quadro) -> None:
    raise SystemExit(143)


def main() -> None:
    """Console-script entry point.

    A plain ``kill`` (SIGTERM) ends pacto as Ctrl+C does: open transactions roll back and the
    file being written leaves no temporary file behind.
    """
    import signal

    signal.signal(signal.SIGTERM, _terminar)
    pacto.main(prog_name="pacto", windows_expand_args=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
