"""Document settings kept in the workspace: who issues the act, where it is signed, the article style."""

from __future__ import annotations

from dataclasses import dataclass, fields

from pacto.domain.errors import ErroValidacao
from pacto.domain.redacao import ESTILO_PADRAO, ESTILOS_ARTIGO
from pacto.domain.text import limpar

PREFIXO = "documentos."

# field -> (option shown to the user, what it is, example)
CAMPOS = {
    "orgao": ("Sigla do órgão na epígrafe do ato", "SEJUC"),
    "orgao_nome": ("Nome do órgão, no cabeçalho dos documentos", "Secretaria de Estado da Justiça e Cidadania"),
    "autoridade": ("Quem edita o ato, com o artigo, no preâmbulo", "A SECRETÁRIA DE ESTADO DA JUSTIÇA E CIDADANIA"),
    "fundamento": ("Base da competência de quem edita o ato", "o art. 71, inciso II, da Constituição do Estado"),
    "signatario": ("Nome de quem assina o ato", "Maria da Silva"),
    "cargo": ("Cargo de quem assina o ato", "Secretária de Estado da Justiça e Cidadania"),
    "local": ("Cidade do fecho dos documentos", "Boa Vista/RR"),
    "diario_oficial": ("Diário Oficial onde se publicam o ato e os extratos", "Diário Oficial do Estado de Roraima"),
    "ato_instituidor": ("Ato que instituiu o Fluxo, citado nos Termos", "Portaria SEJUC nº 12, de 26 de novembro de 2026"),
    "representante_coordenacao": ("Quem assina os Termos pela coordenação", "Mariana Costa Lima"),
    "cargo_representante_coordenacao": ("Cargo de quem assina pela coordenação", "Coordenadora do NETP-RR"),
    "chefe_executivo": ("Nome do Governador ou Prefeito, que assina o Decreto", "João Pereira"),
    "palacio": ("Sede do governo, no fecho do Decreto", "Palácio Senador Hélio Campos"),
    "artigo_constituicao": ("Artigo da Constituição ou Lei Orgânica que dá a competência do Decreto", "art. 62, inciso III"),
    "estilo_artigos": ("Estilo dos artigos: lc95 (Art. 1º) ou sp (Artigo 1º -)", "lc95"),
}  # fmt: skip


@dataclass
class DadosDocumentos:
    """What documents need and the network data does not hold; empty means 'not informed'."""

    orgao: str = ""
    orgao_nome: str = ""
    autoridade: str = ""
    fundamento: str = ""
    signatario: str = ""
    cargo: str = ""
    local: str = ""
    diario_oficial: str = ""
    ato_instituidor: str = ""
    representante_coordenacao: str = ""
    cargo_representante_coordenacao: str = ""
    chefe_executivo: str = ""
    palacio: str = ""
    artigo_constituicao: str = ""
    estilo_artigos: str = ESTILO_PADRAO


def validar_estilo(estilo: str) -> str:
    """Check an article style name, with the accepted ones in the message."""
    estilo = limpar(estilo).lower()
    if estilo not in ESTILOS_ARTIGO:
        opcoes = "; ".join(f"{chave}: {descricao}" for chave, descricao in ESTILOS_ARTIGO.items())
        raise ErroValidacao(f"Estilo de artigos desconhecido: “{estilo}”. Use {opcoes}.")
    return estilo


def ler(ws) -> DadosDocumentos:
    """The document settings of a workspace."""
    dados = DadosDocumentos()
    for campo in fields(DadosDocumentos):
        valor = ws.configuracao(PREFIXO + campo.name)
        if valor:
            setattr(dados, campo.name, valor)
    return dados


def gravar(ws, valores: dict[str, str | None]) -> DadosDocumentos:
    """Save the given settings; an empty value clears one."""
    desconhecidos = set(valores) - set(CAMPOS)
    if desconhecidos:
        raise ErroValidacao(f"Configuração desconhecida: {', '.join(sorted(desconhecidos))}.")
    limpos = {}
    for chave, valor in valores.items():
        if valor is None:
            continue
        valor = limpar(valor)
        if chave == "estilo_artigos" and valor:
            valor = validar_estilo(valor)
        limpos[chave] = valor
    with ws.transacao():
        for chave, valor in limpos.items():
            ws.definir_configuracao(PREFIXO + chave, valor or None)
    return ler(ws)
