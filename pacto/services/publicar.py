"""`pacto publicar`: the public edition of the flow as a self-contained static web page.

One folder with `index.html` (Portuguese), `es.html` (Spanish: how to report and the
directory) and `estilo.css`; nothing is requested from outside it, so it can be uploaded as it
is to any government portal. The HTML layout lives in `pacto/templates/web/`; the page texts,
report channels and translations in `modelos/publicacao.toml`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pacto.domain.catalog import etapas_padrao, finalidades, ler_toml
from pacto.domain.publicacao import pagina
from pacto.services.arquivos import criar_pasta
from pacto.services.dados_abertos import ConteudoPublicado
from pacto.services.gravacao import gravar, verificar

PASTA_WEB = Path(__file__).resolve().parent.parent / "templates" / "web"
ARQUIVOS = {"pt": "index.html", "es": "es.html"}


def _ambiente():
    """A sandboxed Jinja environment with autoescape on: every network text is data, never code."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(PASTA_WEB)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def paginas(
    publicado: ConteudoPublicado, *, com_pontos_focais: bool = False, agora: datetime | None = None
) -> dict[str, str]:
    """The HTML of each language's page, by file name."""
    textos = ler_toml("publicacao.toml")
    agora = agora or datetime.now()
    finalidades_pt = {f.chave: f.nome for f in finalidades()}
    descricoes = {e.chave: e.descricao for e in etapas_padrao()}
    modelo = _ambiente().get_template("pagina.html")
    saida = {}
    for idioma, arquivo in ARQUIVOS.items():
        dados = pagina(
            publicado.conteudo,
            textos,
            idioma,
            finalidades_pt=finalidades_pt,
            descricoes_etapas=descricoes,
            versao=publicado.rotulo,
            minuta=publicado.minuta,
            gerado_em=agora.strftime("%d/%m/%Y %H:%M"),
            com_pontos_focais=com_pontos_focais,
        )
        outro = "es" if idioma == "pt" else "pt"
        saida[arquivo] = modelo.render(
            p=dados,
            outro_arquivo=ARQUIVOS[outro],
            outro_lang="es" if outro == "es" else "pt-BR",
        )
    return saida


def publicar(
    publicado: ConteudoPublicado,
    pasta: Path,
    *,
    ws=None,
    sobrescrever: bool = False,
    com_pontos_focais: bool = False,
) -> list[Path]:
    """Write the pages and the stylesheet into the folder; returns the files written.

    The edition with focal points is readable by the user only; the public one follows the umask.
    """
    criar_pasta(pasta)
    conteudos = {
        nome: html.encode("utf-8")
        for nome, html in paginas(publicado, com_pontos_focais=com_pontos_focais).items()
    }
    conteudos["estilo.css"] = (PASTA_WEB / "estilo.css").read_bytes()
    verificar([pasta / nome for nome in conteudos], ws, sobrescrever)  # all or nothing
    return [
        gravar(
            pasta / nome,
            dados,
            ws=ws,
            sobrescrever=sobrescrever,
            privado=com_pontos_focais and nome.endswith(".html"),
        )
        for nome, dados in conteudos.items()
    ]
