"""Fill a Word template with data: autoescape on, Word-invalid characters dropped with a warning.

User text is only ever data: it goes through Jinja's autoescape and is never parsed as a
template, so a name like ``Instituto {{ 7*7 }} & <Cia>`` prints exactly as typed. The template
itself is untrusted and renders in the sandbox of `pacto.services.documentos.sandbox`.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from pacto.domain.errors import ErroDocumento, motivo_os

# characters XML 1.0 (and so Word) refuses; tab and line feed are kept
_INVALIDOS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Imagem:
    """A PNG to place where the template says `{{ chave }}`, at the given width."""

    png: bytes
    largura_mm: float = 160


@dataclass(frozen=True)
class Subdocumento:
    """A whole rendered .docx to insert where the template says `{{ chave }}` (e.g. an annex)."""

    docx: bytes


@dataclass(frozen=True)
class Modelo:
    """A template read once from disk and rendered many times."""

    nome: str
    caminho: Path
    dados: bytes

    @classmethod
    def ler(cls, caminho: Path) -> Modelo:
        """Read a template file, refusing anything that is not a .docx or that could exhaust
        the machine (a device, a zip bomb, XML entity declarations)."""
        from pacto.domain.errors import ErroImportacao
        from pacto.services.entrada import LIMITE_BYTES_MODELO, verificar_arquivo, verificar_zip

        try:
            verificar_arquivo(caminho, LIMITE_BYTES_MODELO, "o modelo .docx")
            if zipfile.is_zipfile(caminho):
                verificar_zip(caminho, rotulo="um documento do Word (.docx)")
        except ErroImportacao as erro:
            raise ErroDocumento(f"Modelo recusado: {erro.mensagem}") from erro
        try:
            dados = caminho.read_bytes()
        except OSError as erro:
            raise ErroDocumento(
                f"Não foi possível ler o modelo {caminho}: {motivo_os(erro)}."
            ) from erro
        if not zipfile.is_zipfile(BytesIO(dados)):
            raise ErroDocumento(f"O modelo {caminho} não é um documento do Word (.docx) válido.")
        return cls(caminho.name, caminho, dados)


@dataclass
class Renderizado:
    """A filled document in memory and the warnings raised while filling it."""

    conteudo: bytes
    avisos: list[str] = field(default_factory=list)


def sanear(valor, avisos: list[str]):
    """Copy of the data with Word-invalid characters removed; one warning per altered text."""
    if isinstance(valor, str):
        texto = valor.replace("\r\n", "\n").replace("\r", "\n")
        limpo = _INVALIDOS.sub("", texto)
        if limpo != texto:
            removidos = ", ".join(sorted({f"U+{ord(c):04X}" for c in _INVALIDOS.findall(texto)}))
            trecho = limpo if len(limpo) <= 60 else limpo[:57] + "…"
            aviso = f"Caractere que o Word não aceita ({removidos}) removido do texto “{trecho}”."
            if aviso not in avisos:
                avisos.append(aviso)
        return limpo
    if isinstance(valor, dict):
        return {chave: sanear(v, avisos) for chave, v in valor.items()}
    if isinstance(valor, list | tuple):
        return [sanear(v, avisos) for v in valor]
    return valor


def ambiente():
    """The sandboxed Jinja environment every template renders in (see `sandbox`)."""
    from pacto.services.documentos.sandbox import ambiente as sandboxed

    return sandboxed()


_LIMITE_CACHE = 64
_XML_CORRIGIDO: dict[str, str] = {}
_classe_molde = None


def _molde(dados: bytes):
    """A docxtpl template whose tag clean-up (`patch_xml`) is computed once per distinct part."""
    global _classe_molde
    if _classe_molde is None:
        from docxtpl import DocxTemplate

        class Molde(DocxTemplate):
            def patch_xml(self, src_xml):
                corrigido = _XML_CORRIGIDO.get(src_xml)
                if corrigido is None:
                    if len(_XML_CORRIGIDO) >= _LIMITE_CACHE:
                        _XML_CORRIGIDO.clear()
                    corrigido = _XML_CORRIGIDO[src_xml] = super().patch_xml(src_xml)
                return corrigido

        _classe_molde = Molde
    return _classe_molde(BytesIO(dados))


def _materializar(valor, tpl):
    """Turn deferred images and sub-documents into docxtpl objects bound to this template."""
    if isinstance(valor, Imagem):
        from docx.shared import Mm
        from docxtpl import InlineImage

        return InlineImage(tpl, BytesIO(valor.png), width=Mm(valor.largura_mm))
    if isinstance(valor, Subdocumento):
        return tpl.new_subdoc(BytesIO(valor.docx))
    if isinstance(valor, dict):
        return {chave: _materializar(v, tpl) for chave, v in valor.items()}
    if isinstance(valor, list):
        return [_materializar(v, tpl) for v in valor]
    return valor


def erro_de_sintaxe(nome: str, erro) -> ErroDocumento:
    """A Portuguese message naming the template and showing the text near a Jinja error."""
    perto = ""
    contexto = getattr(erro, "docx_context", None)
    if contexto:
        trecho = " ".join(linha.strip() for linha in contexto if linha.strip())
        if trecho:
            perto = f" Trecho: “{trecho[:160]}”."
    return ErroDocumento(
        f"O modelo “{nome}” tem um erro nas marcações {{{{ }}}} ou {{% %}} e não pode ser usado "
        f"({erro.message}).{perto} Corrija o modelo no Word ou volte ao modelo padrão com "
        "“pacto modelos usar --padrao”."
    )


def renderizar(modelo: Modelo, contexto: dict) -> Renderizado:
    """Fill `modelo` with `contexto` and return the .docx bytes with the warnings raised."""
    from docx.opc.exceptions import PackageNotFoundError
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    from pacto.services.documentos.sandbox import (
        LimiteExcedido,
        erro_de_limite,
        orcamento_de_render,
    )

    avisos: list[str] = []
    from pacto.services.documentos.tipografia import (
        ajustar,
        definir_propriedades,
        titulo_e_assunto,
    )

    dados = ajustar(sanear(contexto, avisos))  # siglas kept whole, e-mails wrap at @ and .
    try:
        tpl = _molde(modelo.dados)
        tpl.init_docx()
        with orcamento_de_render():
            tpl.render(_materializar(dados, tpl), jinja_env=ambiente(), autoescape=True)
        definir_propriedades(tpl.docx, *titulo_e_assunto(modelo.nome, contexto))
        saida = BytesIO()
        tpl.save(saida)
    except TemplateSyntaxError as erro:
        raise erro_de_sintaxe(modelo.nome, erro) from erro
    except (SecurityError, LimiteExcedido, RecursionError, MemoryError) as erro:
        raise erro_de_limite(modelo.nome, erro) from erro
    except TemplateError as erro:
        raise ErroDocumento(
            f"O modelo “{modelo.nome}” não pôde ser preenchido ({erro}). Confira as marcações "
            "com “pacto modelos verificar”."
        ) from erro
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile) as erro:
        raise ErroDocumento(
            f"O modelo “{modelo.nome}” não é um documento do Word (.docx) válido."
        ) from erro
    return Renderizado(saida.getvalue(), avisos)
