"""Typography a reader trusts: siglas that never split at their hyphen, e-mails that wrap only
after "@" or ".", and the document's properties (title, subject, generation time)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

HIFEN_INQUEBRAVEL = "\u2011"
QUEBRA_OPCIONAL = "\u200b"  # zero-width space: a line may break here, nothing is printed

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SIGLA = re.compile(r"\b([A-ZÀ-Ý][A-ZÀ-Ý0-9]+)-(?=[A-ZÀ-Ý0-9])")


def _email(achado: re.Match) -> str:
    texto = achado.group(0).replace("-", HIFEN_INQUEBRAVEL)
    return texto.replace("@", "@" + QUEBRA_OPCIONAL).replace(".", "." + QUEBRA_OPCIONAL)


def ajustar_texto(texto: str) -> str:
    """'MPT-RR' keeps together; 'ana.souza@mpt.mp.br' may wrap only after '@' or '.'."""
    if "-" not in texto and "@" not in texto:
        return texto
    texto = _EMAIL.sub(_email, texto)
    return _SIGLA.sub(lambda a: a.group(1) + HIFEN_INQUEBRAVEL, texto)


def ajustar(valor):
    """The data of a document with every text adjusted; other values untouched."""
    if isinstance(valor, str):
        return ajustar_texto(valor)
    if isinstance(valor, dict):
        return {chave: ajustar(item) for chave, item in valor.items()}
    if isinstance(valor, list | tuple):
        return [ajustar(item) for item in valor]
    return valor


def _simples(texto: str) -> str:
    return texto.replace(HIFEN_INQUEBRAVEL, "-").replace(QUEBRA_OPCIONAL, "")


def definir_propriedades(documento, titulo: str, assunto: str) -> None:
    """Title and subject of this document, created now; no template description or old date."""
    agora = datetime.now(UTC).replace(microsecond=0, tzinfo=None)  # python-docx writes it as UTC
    propriedades = documento.core_properties
    propriedades.title = _simples(titulo)[:250]
    propriedades.subject = _simples(assunto)[:250]
    propriedades.comments = ""
    propriedades.keywords = ""
    propriedades.author = "pacto"
    propriedades.last_modified_by = "pacto"
    propriedades.created = agora
    propriedades.modified = agora
    propriedades.revision = 1


def titulo_e_assunto(arquivo_modelo: str, contexto: dict) -> tuple[str, str]:
    """What the document's properties say: its own heading, and the flow or network it is about."""
    from pacto.services.documentos.registro import MODELOS

    descricao = next((m.descricao for m in MODELOS.values() if m.arquivo == arquivo_modelo), "")
    titulo = next(
        (contexto[c] for c in ("epigrafe", "titulo") if isinstance(contexto.get(c), str)),
        descricao,
    )
    fluxo = contexto.get("fluxo")
    assunto = fluxo.get("nome", "") if isinstance(fluxo, dict) else ""
    if not assunto:
        cabecalho = contexto.get("cabecalho") or []
        assunto = cabecalho[-1] if cabecalho else descricao
    return titulo or descricao, assunto
