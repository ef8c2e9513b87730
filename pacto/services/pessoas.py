"""One person's data under the LGPD (art. 18): where it lives, a copy for them, and its erasure."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pacto.domain.errors import ErroValidacao, PactoErro, motivo_os

if TYPE_CHECKING:
    from pacto.store.people import DadosDePessoa
    from pacto.store.workspace import Workspace

MINIMO_NOME = 3
NOMES_LOCAIS = {
    "pontos_focais": "ponto focal",
    "presencas": "lista de presença",
    "reunioes": "reunião (presidente ou secretário)",
    "adesoes": "signatário de adesão",
    "sugestoes": "autor de sugestão",
    "acoes": "responsável por ação",
    "versoes": "versão congelada do fluxo",
    "grupo_trabalho": "membro do GT (pela instituição do ponto focal)",
}


def validar_nome(nome: str) -> str:
    """The name to look for, refused when too short to name one person."""
    nome = " ".join((nome or "").split())
    if len(nome) < MINIMO_NOME:
        raise ErroValidacao(
            f"Informe o nome da pessoa com ao menos {MINIMO_NOME} letras (ex.: “Maria Souza”)."
        )
    return nome


def como_dict(ws: Workspace, dados: DadosDePessoa, backups: list[Path]) -> dict:
    """Everything found about the person, as JSON-ready data (the LGPD access copy)."""
    return {
        "pessoa": dados.nome,
        "workspace": str(ws.caminho),
        "gerado_em": datetime.now().isoformat(timespec="seconds"),
        "registros": [
            {
                "onde": NOMES_LOCAIS.get(a.tabela, a.tabela),
                "tabela": a.tabela,
                "registro": a.registro,
                "dados": a.dados,
                **({"mantido_por": a.mantido} if a.mantido else {}),
            }
            for a in dados.registros
        ],
        "mencoes_em_textos": [
            {
                "campo": a.rotulo,
                "tabela": a.tabela,
                "registro": a.registro,
                "texto": a.dados[a.campo],
            }
            for a in dados.mencoes
        ],
        "historico": dados.historico,
        "copias_automaticas": [str(b) for b in backups],
    }


def exportar_pessoa(ws: Workspace, nome: str, destino: str | Path) -> tuple[Path, DadosDePessoa]:
    """Write the person's data as JSON readable only by the owner (0600); never overwrites."""
    nome = validar_nome(nome)
    destino = Path(destino)
    if destino.exists() or destino.is_symlink():
        raise ErroValidacao(f"{destino} já existe; escolha outro nome de arquivo.")
    dados = ws.dados_de_pessoa(nome)
    conteudo = json.dumps(
        como_dict(ws, dados, ws.backups_com_pessoa(nome)), ensure_ascii=False, indent=2
    )
    pasta = destino.parent if str(destino.parent) else Path(".")
    try:
        descritor, temporario = tempfile.mkstemp(prefix=".pacto-", suffix=".tmp", dir=pasta)
    except OSError as erro:
        raise PactoErro(f"Não foi possível gravar {destino} ({motivo_os(erro)}).") from erro
    try:
        with os.fdopen(descritor, "w", encoding="utf-8") as arquivo:
            arquivo.write(conteudo + "\n")
            arquivo.flush()
            os.fsync(arquivo.fileno())
        os.chmod(temporario, 0o600)
        os.link(temporario, destino)  # fails if the name appeared meanwhile: never clobbers
    except OSError as erro:
        raise PactoErro(f"Não foi possível gravar {destino} ({motivo_os(erro)}).") from erro
    finally:
        Path(temporario).unlink(missing_ok=True)
    return destino, dados
