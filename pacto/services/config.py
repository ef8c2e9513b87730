"""The user's own settings, kept outside any workspace: the name that signs the history, the theme."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pacto.domain.errors import ErroValidacao, PactoErro


def arquivo_config() -> Path:
    """~/.config/pacto/config.toml, or under XDG_CONFIG_HOME (PACTO_CONFIG overrides, for tests)."""
    if os.environ.get("PACTO_CONFIG"):
        return Path(os.environ["PACTO_CONFIG"])
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "pacto" / "config.toml"


def ler() -> dict:
    """The settings, or an empty dict when none were saved (a broken file is ignored)."""
    try:
        with arquivo_config().open("rb") as arquivo:
            return tomllib.load(arquivo)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def usuario() -> str | None:
    """The name set with `pacto config usuario`, if any."""
    nome = ler().get("usuario")
    return nome if isinstance(nome, str) and nome.strip() else None


TEMAS = {"padrao": "o tema escuro do pacto", "projetor": "alto contraste, para projetar"}


def tema() -> str:
    """The TUI theme set with `pacto config tema` ("padrao" when none or an unknown one is set)."""
    nome = ler().get("tema")
    return nome if nome in TEMAS else "padrao"


def definir_usuario(nome: str) -> Path:
    """Save the name that signs this person's changes; written atomically, readable by the owner only."""
    nome = " ".join((nome or "").split())
    if not nome:
        raise ErroValidacao(
            'Informe um nome, por exemplo: pacto config usuario "Ana Souza (NETP)".'
        )
    if len(nome) > 120:
        raise ErroValidacao("Nome longo demais (máximo 120 caracteres).")
    from pacto.domain.validation import problema_de_caracteres

    if problema := problema_de_caracteres("O nome", nome):
        raise ErroValidacao(problema)
    return _gravar(usuario=nome)


def definir_tema(nome: str) -> Path:
    """Save the TUI theme, keeping the other settings."""
    nome = (nome or "").strip().lower().replace("ã", "a")
    if nome not in TEMAS:
        opcoes = ", ".join(TEMAS)
        raise ErroValidacao(f"Tema desconhecido: “{nome}”. Use um destes: {opcoes}.")
    return _gravar(tema=nome)


def _gravar(**mudancas: str) -> Path:
    """Rewrite the settings file with these keys changed, atomically and readable by the owner only."""
    # here, not at the top: every command reads the settings, few write them (hashlib, tempfile)
    from pacto.services.arquivos import motivo
    from pacto.services.gravacao import gravar

    atuais = {k: v for k, v in ler().items() if isinstance(v, str)}
    atuais.update(mudancas)
    destino = arquivo_config()
    linhas = "".join(f'{chave} = "{_escapar(valor)}"\n' for chave, valor in atuais.items())
    try:
        destino.parent.mkdir(parents=True, exist_ok=True)
    except OSError as erro:
        raise PactoErro(f"Não foi possível gravar {destino}{motivo(erro)}.") from erro
    # pacto's own settings file: replacing it is the point of the command
    return gravar(destino, linhas, sobrescrever=True, privado=True)


def _escapar(valor: str) -> str:
    """A value as the inside of a TOML basic string."""
    return valor.replace("\\", "\\\\").replace('"', '\\"')
