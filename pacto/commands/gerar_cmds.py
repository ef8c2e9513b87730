"""The `pacto gerar` group: every generated file, each subcommand loaded on demand."""

from __future__ import annotations

import click

from pacto.commands.common import GrupoPreguicoso

GERADORES = {
    "diagrama": "pacto.commands.diagrama_cmds:diagrama",
    "ficha": "pacto.commands.ficha_cmds:gerar_ficha",
    "formulario-netp": "pacto.commands.netp_cmds:formulario_netp",
    "relatorio-netp": "pacto.commands.netp_cmds:relatorio_netp",
    "monitoramento": "pacto.commands.mensal_cmds:monitoramento",
    **{nome: f"pacto.commands.documentos_cmds:{nome}" for nome in ("termo", "portaria", "fluxo")},
    **{
        nome: f"pacto.commands.documentos_reuniao_cmds:{nome}"
        for nome in ("ata", "presenca", "pauta", "sugestoes", "autodiagnostico", "checklist")
    },
}


@click.group(cls=GrupoPreguicoso, preguicosos=GERADORES, subcommand_metavar="COMANDO [ARGS]...")
def gerar() -> None:
    """Gera documentos, diagramas e planilhas a partir da rede e mostra os caminhos gravados."""
