"""Read one row of an actor spreadsheet into institution fields, focal points and duties.

Cells are cleaned with the domain's cell rules (stages, sigla in the name, sphere, type,
"Forma de contato"); what cannot be read becomes a problem that rejects the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pacto.domain.campos_ator import CAMPOS_CONTATO
from pacto.domain.campos_ator import POR_CHAVE as POR_CHAVE_ATOR
from pacto.domain.celulas_planilha import (
    TEXTO_A_DETALHAR,
    descrever_esferas,
    descrever_etapas,
    identificar_etapas,
    limpar_sigla,
    marca_presenca,
    normalizar_esfera,
    normalizar_tipo,
    separar_contato,
    separar_sigla_do_nome,
    texto_celula,
    texto_longo,
)
from pacto.domain.colunas_planilha import CAMPOS_INSTITUICAO, CAMPOS_PONTO_FOCAL, PREFIXO_ETAPA
from pacto.domain.models import Etapa
from pacto.domain.text import chave_comparacao as _chave_geral
from pacto.services.planilha_mapeamento import LinhaLida

_SEM_ACENTOS = str.maketrans(
    "áàâãäéèêëíìîïóòôõöúùûüçñÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑ",
    "aaaaaeeeeiiiiooooouuuucnAAAAAEEEEIIIIOOOOOUUUUCN",
)


@lru_cache(maxsize=65_536)
def chave_comparacao(texto: str) -> str:
    """`pacto.domain.text.chave_comparacao`, faster on Portuguese text (thousands of rows):
    the usual accents by table, anything rarer by the general rule."""
    simples = texto.translate(_SEM_ACENTOS)
    if not simples.isascii():
        return _chave_geral(texto)
    return " ".join(simples.split()).casefold()


# the look-behind keeps the search linear on long text
_EMAILS = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class Registro:
    """One spreadsheet row read into institution fields, focal points and duties."""

    numero: int
    campos: dict[str, str] = field(default_factory=dict)
    pontos: dict[str, dict[str, str]] = field(default_factory=dict)
    atribuicoes: list[tuple[Etapa, str]] = field(default_factory=list)
    notas: list[str] = field(default_factory=list)  # for the notes field when it is empty
    problemas: list[str] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)

    @property
    def rotulo(self) -> str:
        """How the row names its institution, for messages."""
        nome, sigla = self.campos.get("nome", ""), self.campos.get("sigla", "")
        return f"{nome} ({sigla})" if nome and sigla else nome or sigla


def ler_registro(linha: LinhaLida, etapas: list[Etapa], com_etapa: bool) -> Registro:
    """Read a row's cells by field; `com_etapa` says whether the sheet has stage columns."""
    reg = Registro(linha.numero)
    valores = linha.valores
    for campo in CAMPOS_INSTITUICAO:
        if campo in valores:
            definicao = POR_CHAVE_ATOR[campo]
            texto = valores[campo]
            if definicao.tipo == "longo":
                reg.campos[campo] = texto_longo(texto)
            elif definicao.tipo == "sim_nao" or definicao.opcoes:
                _ler_opcao(reg, definicao, texto_celula(texto))
            else:
                reg.campos[campo] = texto_celula(texto)
    if "sigla" in reg.campos:
        reg.campos["sigla"] = limpar_sigla(reg.campos["sigla"])
    _ajustar_identidade(reg)
    _ajustar_campos(reg)
    if "contato" in valores:
        _ler_contato(reg, valores["contato"])
    for campo, (papel, atributo) in CAMPOS_PONTO_FOCAL.items():
        valor = texto_celula(valores[campo]) if campo in valores else ""
        if valor:
            reg.pontos.setdefault(papel, {})[atributo] = valor
    _ler_atribuicoes(reg, valores, etapas, com_etapa)
    return reg


def _ler_opcao(reg: Registro, definicao, texto: str) -> None:
    """A yes/no or choice cell (“Participação”: “Ponto de apoio”) read into its stored value."""
    if not texto:
        return
    valor = definicao.interpretar(texto)
    if valor is None:
        aceitos = (
            "sim ou não"
            if definicao.tipo == "sim_nao"
            else " ou ".join(f"“{r}”" for _, r in definicao.opcoes)
        )
        reg.problemas.append(f"{definicao.rotulo} não reconhecida: “{texto}”. Use {aceitos}.")
    else:
        reg.campos[definicao.chave] = valor


def _ajustar_identidade(reg: Registro) -> None:
    """'Polícia Federal (PF)' gives the sigla when none is given, and never keeps it twice."""
    nome, sigla = reg.campos.get("nome", ""), reg.campos.get("sigla", "")
    base, entre_parenteses = separar_sigla_do_nome(nome)
    if entre_parenteses and (
        not sigla or chave_comparacao(sigla) == chave_comparacao(entre_parenteses)
    ):
        reg.campos["nome"], reg.campos["sigla"] = base, sigla or entre_parenteses


def _ajustar_campos(reg: Registro) -> None:
    campos = reg.campos
    cnpj = campos.get("cnpj", "")
    if cnpj.isdigit() and len(cnpj) < 14:  # a number cell loses the leading zeros
        campos["cnpj"] = cnpj.zfill(14)
    if "esfera" in campos:
        esfera = normalizar_esfera(campos["esfera"])
        if esfera is None:
            reg.problemas.append(
                f"Esfera não reconhecida: “{campos['esfera']}”. Use {descrever_esferas()}."
            )
        else:
            campos["esfera"] = esfera
    if "tipo" in campos:
        campos["tipo"] = normalizar_tipo(campos["tipo"])
    email = campos.get("email", "").removeprefix("mailto:")
    achados = _EMAILS.findall(email)
    if len(achados) > 1:
        reg.avisos.append(
            f"Linha {reg.numero}: mais de um e-mail; ficou o primeiro ({achados[0]})."
        )
        email = achados[0]
    if email:
        campos["email"] = email


def _ler_contato(reg: Registro, texto: str) -> None:
    """A "Forma de contato" cell fills the contact fields the row left empty."""
    contato = separar_contato(texto)
    for campo in CAMPOS_CONTATO:
        valor = getattr(contato, campo, "")
        if valor and not reg.campos.get(campo):
            reg.campos[campo] = valor
    if contato.outros:
        reg.notas.append("Forma de contato: " + "; ".join(contato.outros))
    for papel, atributos in contato.pontos.items():
        destino = reg.pontos.setdefault(papel, {})
        for atributo, valor in atributos.items():
            destino.setdefault(atributo, valor)


def _ler_atribuicoes(
    reg: Registro, valores: dict[str, str], etapas: list[Etapa], com_etapa: bool
) -> None:
    """Duties of a row: the stage column with the duties column, or one column per stage.
    A duty with no stage goes to the notes (`com_etapa` says whether the sheet has stages)."""
    texto = texto_longo(valores.get("atribuicoes", ""))
    if texto and marca_presenca(texto):
        texto = ""
    if "etapas" in valores:
        achadas, desconhecidas = identificar_etapas(valores["etapas"], etapas)
        for trecho in desconhecidas:
            reg.problemas.append(
                f"Etapa não reconhecida: “{trecho}”. Etapas do fluxo: {descrever_etapas(etapas)}."
            )
        for etapa in achadas:
            reg.atribuicoes.append((etapa, texto or TEXTO_A_DETALHAR))
    elif texto:
        reg.notas.append(f"Atribuições: {texto}")
        if com_etapa:
            reg.avisos.append(
                f"Linha {reg.numero}: atribuição sem etapa; o texto vai para as observações da "
                "instituição, se elas estiverem vazias."
            )
    por_chave = {e.chave: e for e in etapas}
    for campo, valor in valores.items():
        if campo.startswith(PREFIXO_ETAPA):
            etapa = por_chave[campo.removeprefix(PREFIXO_ETAPA)]
            texto_etapa = texto_longo(valor)
            if texto_etapa:
                reg.atribuicoes.append(
                    (etapa, TEXTO_A_DETALHAR if marca_presenca(texto_etapa) else texto_etapa)
                )
