"""The Word templates: where the defaults live, a user's adapted folder, export and checking."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pacto.domain.errors import ErroDocumento, motivo_os
from pacto.services.arquivos import criar_pasta
from pacto.services.documentos.render import Modelo, ambiente, erro_de_sintaxe
from pacto.services.gravacao import gravar

CHAVE_CONFIGURACAO = "modelos"


@dataclass(frozen=True)
class TipoDocumento:
    """A kind of document pacto generates and the template file it fills."""

    chave: str
    arquivo: str
    descricao: str


TIPOS = {
    t.chave: t
    for t in (
        TipoDocumento("termo", "termo-de-adesao.docx", "Termo de Adesão"),
        TipoDocumento("aditivo", "termo-aditivo.docx", "Termo Aditivo ao Termo de Adesão"),
        TipoDocumento("portaria", "portaria.docx", "Portaria que institui o Fluxo"),
        TipoDocumento("decreto", "decreto.docx", "Decreto que institui o Fluxo"),
        TipoDocumento("gt", "portaria-grupo-de-trabalho.docx", "Portaria do Grupo de Trabalho"),
        TipoDocumento("fluxo", "fluxo-publicado.docx", "Fluxo publicado"),
        TipoDocumento("ata", "ata.docx", "Ata de reunião"),
        TipoDocumento("memoria", "memoria-de-reuniao.docx", "Memória de reunião"),
        TipoDocumento("presenca", "lista-de-presenca.docx", "Lista de presença"),
        TipoDocumento("pauta", "pauta-convocacao.docx", "Convocação e pauta de reunião"),
        TipoDocumento("sugestoes", "matriz-de-sugestoes.docx", "Matriz de sugestões"),
        TipoDocumento("autodiagnostico", "autodiagnostico.docx", "Relatório de autodiagnóstico"),
        TipoDocumento("checklist", "checklist-mensal.docx", "Checklist do alinhamento mensal"),
    )
}


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
    existentes = [t.arquivo for t in TIPOS.values() if (destino / t.arquivo).exists()]
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


def verificar(pasta: Path | None, chaves_por_tipo: dict[str, set[str]]) -> list[Verificacao]:
    """Compare every template's placeholders with the data pacto fills for that document."""
    resultado = []
    for chave, tipo in TIPOS.items():
        caminho = localizar(chave, pasta)
        item = Verificacao(tipo, caminho, adaptado=caminho.parent != pasta_padrao())
        try:
            arvore = arvore_do_modelo(Modelo.ler(caminho))
        except ErroDocumento as erro:
            item.erro = erro.mensagem
        else:
            from jinja2 import TemplateSyntaxError, meta

            from pacto.services.documentos.riscos_modelo import riscos
            from pacto.services.documentos.sandbox import NOME_DA_VOLTA

            item.riscos = riscos(arvore)
            try:
                usadas = set(meta.find_undeclared_variables(arvore)) - {NOME_DA_VOLTA}
            except TemplateSyntaxError:  # an unknown filter or test: already in `riscos`
                usadas = set()
            fornecidas = chaves_por_tipo[chave]
            item.nao_preenchidos = sorted(usadas - fornecidas)
            item.nao_usados = sorted(fornecidas - usadas)
        resultado.append(item)
    return resultado
