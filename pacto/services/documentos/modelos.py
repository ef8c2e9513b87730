"""The Word templates: where the defaults live, a user's adapted folder, export and checking."""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from pacto.domain.errors import ErroDocumento, motivo_os
from pacto.services.arquivos import criar_pasta
from pacto.services.documentos.registro import MODELOS, ModeloWord
from pacto.services.documentos.render import Modelo, ambiente, erro_de_sintaxe
from pacto.services.gravacao import gravar

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
        try:
            existe = pasta.is_dir()
        except OSError as erro:  # a name too long for the system, a loop of links…
            raise ErroDocumento(
                f"A pasta de modelos não pode ser usada: {motivo_os(erro)}."
            ) from erro
        if not existe:
            raise ErroDocumento(
                f"A pasta de modelos {pasta} não existe. Exporte os modelos com “pacto modelos "
                "exportar PASTA” ou volte aos modelos padrão com “pacto modelos usar --padrao”."
            )
        adaptado = pasta / tipo.arquivo
        try:
            if adaptado.is_file():
                return adaptado
        except OSError as erro:
            raise ErroDocumento(
                f"O modelo {adaptado.name} não pode ser lido: {motivo_os(erro)}."
            ) from erro
    return pasta_padrao() / tipo.arquivo


def carregar(chave: str, pasta: Path | None) -> Modelo:
    """Read the template of a document, ready to render."""
    return Modelo.ler(localizar(chave, pasta))


def exportar(destino: Path, sobrescrever: bool = False) -> list[Path]:
    """Copy the default templates into `destino` for the user to adapt; never overwrites silently."""
    criar_pasta(destino)
    from pacto.services.documentos.textos import ARQUIVO, padrao

    arquivos = [*(t.arquivo for t in TIPOS.values()), ARQUIVO]
    existentes = [nome for nome in arquivos if (destino / nome).exists()]
    if existentes and not sobrescrever:
        raise ErroDocumento(
            f"{destino} já tem {', '.join(existentes)}; nada foi copiado. Use --sobrescrever para "
            "trocá-los pelos modelos padrão."
        )
    copiados = []
    for tipo in TIPOS.values():
        alvo = destino / tipo.arquivo
        # refused above unless asked: what exists now may be replaced
        gravar(alvo, (pasta_padrao() / tipo.arquivo).read_bytes(), sobrescrever=True)
        copiados.append(alvo)
    # the articles' wording, in plain text
    gravar(destino / ARQUIVO, padrao().read_bytes(), sobrescrever=True)
    copiados.append(destino / ARQUIVO)
    return copiados


@dataclass
class Verificacao:
    """The check of one template against the data pacto fills for it."""

    tipo: TipoDocumento
    caminho: Path
    adaptado: bool
    nao_preenchidos: list[str] = field(default_factory=list)
    nao_usados: list[str] = field(default_factory=list)
    riscos: list[str] = field(default_factory=list)
    erro: str = ""

    @property
    def ok(self) -> bool:
        return not (self.erro or self.nao_preenchidos or self.riscos)


def arvore_do_modelo(modelo: Modelo):
    """The parsed Jinja tree of a template's body, headers and footers (as docxtpl renders them)."""
    from io import BytesIO

    from docx import Document
    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    try:
        molde = DocxTemplate(BytesIO(modelo.dados))
        documento = Document(BytesIO(modelo.dados))
        xml = molde.patch_xml(molde.xml_to_string(documento._element.body))
        for relacao in documento._part.rels.values():
            if relacao.reltype in (molde.HEADER_URI, molde.FOOTER_URI) and relacao.target_part.blob:
                parte = molde.xml_to_string(parse_xml(relacao.target_part.blob))
                xml += molde.patch_xml(parte)
        return ambiente().parse(xml)
    except TemplateSyntaxError as erro:
        raise erro_de_sintaxe(modelo.nome, erro) from erro
    except (KeyError, ValueError) as erro:
        raise ErroDocumento(
            f"O modelo “{modelo.nome}” não é um documento do Word válido."
        ) from erro


def variaveis_do_modelo(modelo: Modelo) -> set[str]:
    """The top-level names a template reads (loop variables excluded)."""
    from jinja2 import meta

    from pacto.services.documentos.sandbox import NOME_DA_VOLTA

    return set(meta.find_undeclared_variables(arvore_do_modelo(modelo))) - {NOME_DA_VOLTA}


def _caminhos(valor, caminho: str = "", saida: dict | None = None) -> dict[int, str]:
    """id() of every dict in the data -> its path ('aderente', 'atribuicoes[]')."""
    saida = {} if saida is None else saida
    if isinstance(valor, dict):
        saida.setdefault(id(valor), caminho)
        for chave, item in valor.items():
            _caminhos(item, f"{caminho}.{chave}" if caminho else str(chave), saida)
    elif isinstance(valor, list | tuple):
        for item in valor:
            _caminhos(item, f"{caminho}[]", saida)
    return saida


def _sem_anexos(valor):
    """The data with images and sub-documents as empty text: enough to check the markers."""
    from pacto.services.documentos.render import Imagem, Subdocumento

    if isinstance(valor, Imagem | Subdocumento):
        return ""
    if isinstance(valor, dict):
        return {chave: _sem_anexos(item) for chave, item in valor.items()}
    if isinstance(valor, list | tuple):
        return [_sem_anexos(item) for item in valor]
    return valor


def marcacoes_sem_dado(modelo: Modelo, contexto: dict) -> list[str]:
    """Every name or attribute the template reads that the data does not have, by rendering it.

    Misspellings inside a placeholder (`{{ aderente.cnpjj }}`) are caught here: pacto supplies
    every optional attribute (empty when unknown), so any lookup that fails is a typo.
    """
    from docxtpl import DocxTemplate
    from jinja2 import ChainableUndefined, TemplateError, TemplateSyntaxError
    from jinja2.utils import missing

    dados = _sem_anexos(contexto)
    caminhos = _caminhos(dados)
    faltas: list[str] = []

    class Registrador(ChainableUndefined):  # `{{ x.y }}` with x unknown records x, once
        def __init__(self, hint=None, obj=missing, name=None, *args, **kwargs):
            super().__init__(hint, obj, name, *args, **kwargs)
            if name is not None:
                dono = caminhos.get(id(obj), "")
                nome = f"{dono}.{name}" if dono else str(name)
                if nome not in faltas:
                    faltas.append(nome)

    amb = ambiente().overlay(undefined=Registrador)
    if hasattr(amb, "compilados"):
        amb.compilados = {}  # templates compiled for the lenient environment would not record
    from jinja2.exceptions import SecurityError

    from pacto.services.documentos.sandbox import (
        LimiteExcedido,
        erro_de_limite,
        orcamento_de_render,
    )

    try:
        with orcamento_de_render():  # the sample render has the same budget as a real one
            DocxTemplate(BytesIO(modelo.dados)).render(dados, jinja_env=amb, autoescape=True)
    except (SecurityError, LimiteExcedido, RecursionError, MemoryError) as erro:
        raise erro_de_limite(modelo.nome, erro) from erro
    except TemplateSyntaxError as erro:
        raise erro_de_sintaxe(modelo.nome, erro) from erro
    except TemplateError as erro:
        raise ErroDocumento(f"O modelo “{modelo.nome}” não pôde ser preenchido ({erro}).") from erro
    except (KeyError, ValueError) as erro:
        raise ErroDocumento(
            f"O modelo “{modelo.nome}” não é um documento do Word válido."
        ) from erro
    return faltas


def conferir(modelo: Modelo, chave: str) -> None:
    """Refuse, before any file is written, a template with placeholders pacto does not fill."""
    from pacto.services.documentos.amostra import contexto_de_amostra

    faltas = marcacoes_sem_dado(modelo, contexto_de_amostra(chave))
    if faltas:
        raise ErroDocumento(
            f"O modelo “{modelo.nome}” usa marcações que o pacto não preenche: "
            f"{', '.join(faltas)}. Nada foi gravado. Corrija o modelo no Word (confira com "
            "“pacto modelos verificar”) ou volte ao padrão com “pacto modelos usar --padrao”."
        )


def verificar(pasta: Path | None, chaves_por_tipo: dict[str, set[str]]) -> list[Verificacao]:
    """Compare every template's placeholders with the data pacto fills for that document."""
    from pacto.services.documentos.amostra import contexto_de_amostra

    resultado = []
    for chave, tipo in TIPOS.items():
        caminho = localizar(chave, pasta)
        item = Verificacao(tipo, caminho, adaptado=caminho.parent != pasta_padrao())
        try:
            modelo = Modelo.ler(caminho)
            arvore = arvore_do_modelo(modelo)
        except ErroDocumento as erro:
            item.erro = erro.mensagem
            resultado.append(item)
            continue
        from jinja2 import TemplateSyntaxError, meta

        from pacto.services.documentos.riscos_modelo import riscos
        from pacto.services.documentos.sandbox import NOME_DA_VOLTA

        item.riscos = riscos(arvore)
        try:
            usadas = set(meta.find_undeclared_variables(arvore)) - {NOME_DA_VOLTA}
        except TemplateSyntaxError:  # an unknown filter or test: already in `riscos`
            usadas = set()
        faltas: list[str] = []
        if not item.riscos:  # a template that reads internals or loops wildly is never run
            try:
                faltas = marcacoes_sem_dado(modelo, contexto_de_amostra(chave))
            except ErroDocumento as erro:
                item.erro = erro.mensagem
        fornecidas = chaves_por_tipo[chave]
        item.nao_preenchidos = sorted(set(faltas) | (usadas - fornecidas))
        item.nao_usados = sorted(fornecidas - usadas)
        resultado.append(item)
    return resultado


def verificar_textos(pasta: Path | None) -> tuple[Path, list[str]]:
    """The wording file in force and the markers in it that pacto does not fill."""
    from pacto.services.documentos.textos import ARQUIVO, carregar, marcacoes_desconhecidas, padrao

    adaptado = pasta / ARQUIVO if pasta is not None else None
    caminho = adaptado if adaptado is not None and adaptado.is_file() else padrao()
    return caminho, marcacoes_desconhecidas(carregar(pasta))
