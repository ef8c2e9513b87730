"""`pacto reuniao`: the group of meeting commands, loaded one by one on demand so `pacto --help`
stays fast."""

from __future__ import annotations

import click

from pacto.commands.common import GrupoPreguicoso

_AGENDA = "pacto.commands.reuniao_agenda_cmds"
_REGISTRO = "pacto.commands.reuniao_registro_cmds"
SUBCOMANDOS = {
    "criar": f"{_AGENDA}:criar",
    "listar": f"{_AGENDA}:listar",
    "mostrar": f"{_AGENDA}:mostrar",
    "realizar": f"{_AGENDA}:realizar",
    "cancelar": f"{_AGENDA}:cancelar",
    "convite": f"{_AGENDA}:convite",
    "presenca": f"{_REGISTRO}:presenca",
    "ata": f"{_REGISTRO}:ata",
    "deliberacao": f"{_REGISTRO}:deliberacao",
    "acao": f"{_REGISTRO}:acao",
    "acao-concluir": f"{_REGISTRO}:acao_concluir",
    "sugestao": f"{_REGISTRO}:sugestao",
    "sugestao-decidir": f"{_REGISTRO}:sugestao_decidir",
    "editar": "pacto.commands.reuniao_edicao_cmds:editar",
    "presenca-remover": "pacto.commands.reuniao_edicao_cmds:presenca_remover",
    "acao-cancelar": "pacto.commands.reuniao_edicao_cmds:acao_cancelar",
    "feriado": f"{_REGISTRO}:feriado",
    "avaliacao": f"{_REGISTRO}:avaliacao",
}


@click.group(cls=GrupoPreguicoso, preguicosos=SUBCOMANDOS, subcommand_metavar="COMANDO [ARGS]...")
def reuniao() -> None:
    """Reuniões da pactuação: pauta, presença, ata, deliberações, ações e sugestões."""
