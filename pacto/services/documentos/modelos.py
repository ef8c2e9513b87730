"""The Word templates: where the defaults live, a user's adapted folder, export and checking."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pacto.domain.errors import ErroDocumento
from pacto.services.arquivos import criar_pasta
from pacto.services.documentos.registro import MODELOS, ModeloWord
from pacto.services.documentos.render import Modelo, ambiente, erro_de_sintaxe

CHAVE_CONFIGURACAO = "modelos"


TipoDocumento = ModeloWord
TIPOS = MODELOS  # one template per key, from the document registry


def pasta_padrao() -> Path:
    """The folder of the templates shipped with pacto."""
    return Path(__file__).resolve().parent.parent.parent / "templates"


def pasta_escolhida(ws, opcao: Path | None = None) -> Path | None:
    """The adapted-templates folder in force: the command's option, else the workspace setting."""
    if opcao is not None:
        return Path(opcao)
    valor = ws.configuracao(CHAVE_CONFIGURACAO) if ws is not None else None
    return Path(valor) if valor else None


def localizar(chave: str, pasta: Path | None) -> Path:
    """The template file for a document: the adapted one if the folder has it, else the default."""
    tipo = TIPOS[chave]
    if pasta is not None:
        if not pasta.is_dir():
            raise ErroDocumento(
                f"A pasta de modelos {pasta} não existe. Exporte os modelos com “pacto modelos "
                "exportar PASTA” ou volte aos modelos padrão com “pacto modelos usar --padrao”."
            )
        adaptado = pasta / tipo.arquivo
        if adaptado.is_file():
            return adaptado
    return pasta_padrao() / tipo.arquivo


def carregar(chave: str, pasta: Path | None) -> Modelo:
    """Read the template of a document, ready to render."""
    return Modelo.ler(localizar(chave, pasta))


def exportar(destino: Path, sobrescrever: bool = False) -> list[Path]:
    """Copy the default templates into `destino` for the user to adapt; never overwrites silently."""
    criar_pasta(destino)
    existentes = [t.arquivo for t in TIPOS.values() if (destino / t.arquivo).exists()]
    if existentes and not sobrescrever:
        raise ErroDocumento(
            f"{destino} já tem {', '.join(existentes)}; nada foi copiado. Use --sobrescrever para "
            "trocá-los pelos modelos padrão."
        )
    copiados = []
    for tipo in TIPOS.values():
        alvo = destino / tipo.arquivo
        shutil.copyfile(pasta_padrao() / tipo.arquivo, alvo)
        copiados.append(alvo)
    return copiados


@dataclass
class Verificacao:
    """The check of one template against the data pacto fills for it."""

    tipo: TipoDocumento
    caminho: Path
    adaptado: bool
    nao_preenchidos: list[str] = field(default_factory=list)
    nao_usados: list[str] = field(default_factory=list)
    erro: str = ""

    @property
    def ok(self) -> bool:
        return not (self.erro or self.nao_preenchidos)


def variaveis_do_modelo(modelo: Modelo) -> set[str]:
    """The top-level names a template reads (loop variables excluded)."""
    from io import BytesIO

    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    try:
        return set(
            DocxTemplate(BytesIO(modelo.dados)).get_undeclared_template_variables(ambiente())
        )
    except TemplateSyntaxError as erro:
        raise erro_de_sintaxe(modelo.nome, erro) from erro
    except KeyError as erro:
        raise ErroDocumento(
            f"O modelo “{modelo.nome}” não é um documento do Word válido."
        ) from erro


def verificar(pasta: Path | None, chaves_por_tipo: dict[str, set[str]]) -> list[Verificacao]:
    """Compare every template's placeholders with the data pacto fills for that document."""
    resultado = []
    for chave, tipo in TIPOS.items():
        caminho = localizar(chave, pasta)
        item = Verificacao(tipo, caminho, adaptado=caminho.parent != pasta_padrao())
        try:
            usadas = variaveis_do_modelo(Modelo.ler(caminho))
        except ErroDocumento as erro:
            item.erro = erro.mensagem
        else:
            fornecidas = chaves_por_tipo[chave]
            item.nao_preenchidos = sorted(usadas - fornecidas)
            item.nao_usados = sorted(fornecidas - usadas)
        resultado.append(item)
    return resultado
