"""The privacy policy as data: which checks apply to each stored field, by the kind of field.

A phone is normal in an institution's `telefone` and "Vítimas" is normal in "Atendimento às
Vítimas"; a CPF, or a birth date next to "vítima", is not normal in a minute, a note, a
justification, an act's name, a meeting place, an action or a suggestion. The table below says
what each (table, field) is; a text field missing from it counts as free text, so a new field is
guarded from its first day. The store applies the policy to every row a transaction writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from pacto.domain.privacidade import AlertaPrivacidade, verificar_privacidade


class TipoCampo(Enum):
    """Kinds of stored field, each with the checks that apply to it."""

    TEXTO_LIVRE = "texto livre"
    NOME_DE_PESSOA = "nome de pessoa"
    NOME_INSTITUCIONAL = "nome institucional"
    CONTATO_INSTITUCIONAL = "contato institucional"
    REFERENCIA = "referência de documento"
    CODIGO = "código ou data"


# Every check verificar_privacidade makes, named by the start of its message.
TODAS = frozenset(
    {
        "cpf",
        "onze_digitos",
        "processo_judicial",
        "rnm",
        "passaporte",
        "rg",
        "telefone_vitima",
        "email_vitima",
        "nascimento",
        "idade",
        "nome_vitima",
        "expressao",
    }
)
_PREFIXOS = (
    ("Parece um CPF", "cpf"),
    ("Número de CPF", "cpf"),
    ("Sequência de 11 dígitos", "onze_digitos"),
    ("Número de processo judicial", "processo_judicial"),
    ("Parece um RNM", "rnm"),
    ("Número de passaporte", "passaporte"),
    ("Número de RG", "rg"),
    ("Telefone perto", "telefone_vitima"),
    ("E-mail perto", "email_vitima"),
    ("Data", "nascimento"),
    ("Idade", "idade"),
    ("Parece o nome", "nome_vitima"),
    ("Dado pessoal", "expressao"),
)

# Every check needs either a word about a victim or a birth, or something shaped like a document
# number: text with neither (most names, addresses and phones) is skipped at once, which keeps
# a 5,000-row import fast. Supersets of the patterns in `privacidade.py`.
_DIGITOS = re.compile(r"\d{3}\.?\d{3}")  # CPF, 11 digits, RNM, passport, case number
_PALAVRAS = ("cpf", "rnm", "rne", "passaporte", "vítima", "vitima", "sobreviv", "nasc", "mora na")
_CURTAS = re.compile(r"\brg\b|\bd\.?\s?n\b", re.IGNORECASE)  # "RG 12.345", "d.n. 01/02/2001"


def _pode_alertar(texto: str) -> bool:
    if _DIGITOS.search(texto):
        return True
    baixo = texto.lower()
    if any(palavra in baixo for palavra in _PALAVRAS):
        return True
    curtas = "rg" in baixo or (
        "/" in texto and any(a in baixo for a in ("d.n", "dn", "d n", "d. n"))
    )
    return curtas and bool(_CURTAS.search(texto))


def pode_alertar(*textos: object) -> bool:
    """False when no field of a record could raise a warning (one quick look at all of them)."""
    return _pode_alertar("\n".join(t for t in textos if isinstance(t, str)))


# Kind of field -> the checks that apply. A contact field holds phone numbers by design, so a
# bare run of 11 digits there is a mobile number, not a CPF (a formatted CPF still is one).
VERIFICACOES: dict[TipoCampo, frozenset[str]] = {
    TipoCampo.TEXTO_LIVRE: TODAS,
    TipoCampo.NOME_DE_PESSOA: TODAS,
    TipoCampo.NOME_INSTITUCIONAL: TODAS,
    TipoCampo.CONTATO_INSTITUCIONAL: TODAS - {"onze_digitos"},
    TipoCampo.REFERENCIA: TODAS - {"onze_digitos", "processo_judicial"},
    TipoCampo.CODIGO: frozenset(),
}

_T, _P, _N, _C, _R, _K = (
    TipoCampo.TEXTO_LIVRE,
    TipoCampo.NOME_DE_PESSOA,
    TipoCampo.NOME_INSTITUCIONAL,
    TipoCampo.CONTATO_INSTITUCIONAL,
    TipoCampo.REFERENCIA,
    TipoCampo.CODIGO,
)


@dataclass(frozen=True)
class Campo:
    """One stored field: its kind and how the user calls it."""

    tipo: TipoCampo
    rotulo: str


def _c(tipo: TipoCampo, rotulo: str) -> Campo:
    return Campo(tipo, rotulo)


# (table, field) -> kind and label. Fields not listed here are free text.
POLITICA: dict[tuple[str, str], Campo] = {
    ("rede", "nome"): _c(_N, "nome da rede"),
    ("rede", "uf"): _c(_K, "UF"),
    ("rede", "municipio"): _c(_N, "município"),
    ("rede", "criado_em"): _c(_K, "data de criação"),
    ("fluxos", "nome"): _c(_N, "nome do fluxo"),
    ("fluxos", "finalidades"): _c(_K, "finalidades"),
    ("etapas", "chave"): _c(_K, "chave da etapa"),
    ("etapas", "nome"): _c(_N, "nome da etapa"),
    ("etapas", "sigla"): _c(_K, "sigla da etapa"),
    ("etapas", "descricao"): _c(_T, "descrição da etapa"),
    ("instituicoes", "nome"): _c(_N, "nome da instituição"),
    ("instituicoes", "sigla"): _c(_N, "sigla da instituição"),
    ("instituicoes", "cnpj"): _c(_C, "CNPJ"),
    ("instituicoes", "tipo"): _c(_K, "tipo da instituição"),
    ("instituicoes", "esfera"): _c(_K, "esfera"),
    ("instituicoes", "setor"): _c(_K, "setor"),
    ("instituicoes", "endereco"): _c(_C, "endereço da instituição"),
    ("instituicoes", "telefone"): _c(_C, "telefone da instituição"),
    ("instituicoes", "email"): _c(_C, "e-mail da instituição"),
    ("instituicoes", "site"): _c(_C, "site da instituição"),
    ("instituicoes", "horario"): _c(_C, "horário de atendimento"),
    ("instituicoes", "observacoes"): _c(_T, "observações da instituição"),
    ("pontos_focais", "papel"): _c(_K, "papel do ponto focal"),
    ("pontos_focais", "nome"): _c(_P, "nome do ponto focal"),
    ("pontos_focais", "cargo"): _c(_N, "cargo do ponto focal"),
    ("pontos_focais", "telefone"): _c(_C, "telefone do ponto focal"),
    ("pontos_focais", "email"): _c(_C, "e-mail do ponto focal"),
    ("pontos_focais", "confirmado_em"): _c(_K, "data de confirmação"),
    ("atribuicoes", "texto"): _c(_T, "texto da atribuição"),
    ("encaminhamentos", "condicao"): _c(_T, "condição do encaminhamento"),
    ("encaminhamentos", "prazo"): _c(_T, "prazo do encaminhamento"),
    ("reunioes", "tipo"): _c(_K, "tipo da reunião"),
    ("reunioes", "data"): _c(_K, "data da reunião"),
    ("reunioes", "hora"): _c(_K, "hora da reunião"),
    ("reunioes", "local"): _c(_T, "local da reunião"),
    ("reunioes", "modalidade"): _c(_K, "modalidade da reunião"),
    ("reunioes", "presidente"): _c(_P, "presidente da reunião"),
    ("reunioes", "secretario"): _c(_P, "secretário da reunião"),
    ("reunioes", "situacao"): _c(_K, "situação da reunião"),
    ("reunioes", "observacoes"): _c(_T, "observações da reunião"),
    ("pauta_itens", "titulo"): _c(_T, "título do item de pauta"),
    ("pauta_itens", "ata"): _c(_T, "ata"),
    ("presencas", "nome"): _c(_P, "nome na lista de presença"),
    ("presencas", "organizacao"): _c(_N, "organização na lista de presença"),
    ("presencas", "cargo"): _c(_N, "cargo na lista de presença"),
    ("deliberacoes", "texto"): _c(_T, "deliberação"),
    ("acoes", "descricao"): _c(_T, "ação"),
    ("acoes", "responsavel"): _c(_P, "responsável pela ação"),
    ("acoes", "prazo"): _c(_K, "prazo da ação"),
    ("acoes", "situacao"): _c(_K, "situação da ação"),
    ("acoes", "concluida_em"): _c(_K, "data de conclusão"),
    ("sugestoes", "texto"): _c(_T, "sugestão"),
    ("sugestoes", "assunto"): _c(_T, "assunto da sugestão"),
    ("sugestoes", "referencia"): _c(_T, "referência da sugestão"),
    ("sugestoes", "autor"): _c(_P, "autor da sugestão"),
    # a proposal may carry new contacts (a mobile number): checked like a contact field
    ("sugestoes", "proposta"): _c(_C, "proposta da sugestão"),
    ("sugestoes", "decisao"): _c(_K, "decisão"),
    ("sugestoes", "justificativa"): _c(_T, "justificativa da decisão"),
    ("sugestoes", "decidida_em"): _c(_K, "data da decisão"),
    ("sugestoes", "aplicada_em"): _c(_K, "data de aplicação"),
    ("sugestoes", "origem"): _c(_K, "origem da sugestão"),
    ("sugestoes", "criada_em"): _c(_K, "data da sugestão"),
    ("versoes", "hash"): _c(_K, "hash da versão"),
    ("versoes", "nota"): _c(_T, "nota da versão"),
    ("versoes", "criado_em"): _c(_K, "data da versão"),
    ("versoes", "conteudo"): _c(_K, "conteúdo congelado da versão"),
    ("configuracoes", "chave"): _c(_K, "nome da configuração"),
    ("configuracoes", "valor"): _c(_T, "valor de configuração (ex.: ato de criação do GT)"),
    ("grupo_trabalho", "desde"): _c(_K, "data de entrada no GT"),
    ("autodiagnostico_rodadas", "realizada_em"): _c(_K, "data do autodiagnóstico"),
    ("autodiagnostico_rodadas", "metodo"): _c(_K, "método do autodiagnóstico"),
    ("autodiagnostico_rodadas", "participantes"): _c(_T, "participantes do autodiagnóstico"),
    ("autodiagnostico_respostas", "item"): _c(_K, "item do autodiagnóstico"),
    ("autodiagnostico_respostas", "valor"): _c(_K, "resposta do autodiagnóstico"),
    ("autodiagnostico_respostas", "nota"): _c(_T, "nota do autodiagnóstico"),
    ("autodiagnostico_respostas", "evidencia"): _c(_T, "evidência do autodiagnóstico"),
    ("ajustes_passos", "tipo"): _c(_K, "tipo do passo"),
    ("ajustes_passos", "situacao"): _c(_K, "situação do passo"),
    ("ajustes_passos", "justificativa"): _c(_T, "justificativa do passo"),
    ("ajustes_passos", "registrado_em"): _c(_K, "data do ajuste"),
    ("checklist_respostas", "mes"): _c(_K, "mês do checklist"),
    ("checklist_respostas", "item"): _c(_K, "item do checklist"),
    ("checklist_respostas", "situacao"): _c(_K, "situação do item"),
    ("checklist_respostas", "nota"): _c(_T, "nota do checklist"),
    ("indicador_metas", "indicador"): _c(_K, "indicador"),
    ("indicador_metas", "periodo"): _c(_K, "período"),
    ("indicador_valores", "indicador"): _c(_K, "indicador"),
    ("indicador_valores", "periodo"): _c(_K, "período"),
    ("indicador_valores", "origem"): _c(_K, "origem do valor"),
    ("netp_contagens", "bloco"): _c(_K, "bloco do formulário NETP"),
    ("netp_contagens", "linha"): _c(_K, "linha do formulário NETP"),
    ("netp_contagens", "coluna"): _c(_K, "coluna do formulário NETP"),
    ("netp_envios", "mes"): _c(_K, "mês do formulário NETP"),
    ("netp_envios", "recebido_em"): _c(_K, "data de recebimento"),
    ("netp_envios", "arquivo_sha256"): _c(_K, "SHA-256 do arquivo"),
    ("adesoes", "situacao"): _c(_K, "situação da adesão"),
    ("adesoes", "convidada_em"): _c(_K, "data do convite"),
    ("adesoes", "termo_enviado_em"): _c(_K, "data de envio do termo"),
    ("adesoes", "assinado_em"): _c(_K, "data de assinatura"),
    ("adesoes", "recusado_em"): _c(_K, "data da recusa"),
    ("adesoes", "desligada_em"): _c(_K, "data do desligamento"),
    ("adesoes", "signatario"): _c(_P, "signatário do termo"),
    ("adesoes", "cargo"): _c(_N, "cargo do signatário"),
    ("adesoes", "processo"): _c(_R, "número do processo administrativo"),
    ("adesoes", "diario_oficial"): _c(_R, "publicação no Diário Oficial"),
    ("adesoes", "arquivo"): _c(_R, "arquivo do termo assinado"),
    ("adesoes", "arquivo_sha256"): _c(_K, "SHA-256 do termo"),
    ("adesoes", "atualizado_em"): _c(_K, "data da atualização"),
}


def campo(tabela: str, nome: str) -> Campo:
    """The policy entry of a stored field; an unlisted field is free text (checked in full)."""
    return POLITICA.get((tabela, nome)) or Campo(TipoCampo.TEXTO_LIVRE, f"{nome} ({tabela})")


def _verificacao(alerta: AlertaPrivacidade) -> str:
    for prefixo, chave in _PREFIXOS:
        if alerta.motivo.startswith(prefixo):
            return chave
    return "expressao"


def alertas_do_campo(tabela: str, nome: str, texto: str | None) -> list[AlertaPrivacidade]:
    """The privacy warnings the policy raises for this text stored in this field."""
    return alertas_do_tipo(campo(tabela, nome).tipo, texto)


def alertas_do_tipo(tipo: TipoCampo, texto: str | None) -> list[AlertaPrivacidade]:
    """The privacy warnings for a text in a field of this kind (a cell, a comment…)."""
    if not texto or not isinstance(texto, str):
        return []
    aplicaveis = VERIFICACOES[tipo]
    if not aplicaveis or not _pode_alertar(texto):
        return []
    return [a for a in verificar_privacidade(texto) if _verificacao(a) in aplicaveis]


@dataclass(frozen=True)
class Violacao:
    """A suspicious passage in one stored field of one record."""

    tabela: str
    campo: str
    registro: int | None
    alerta: AlertaPrivacidade

    @property
    def rotulo(self) -> str:
        return campo(self.tabela, self.campo).rotulo

    def __str__(self) -> str:
        return f"{self.rotulo}: {self.alerta}"


AVISO_GERAL = (
    "O pacto trata da rede, nunca de casos: não registre nome, documento, contato, nascimento "
    "ou relato de vítimas (Lei 13.344/2016, art. 6º, IV; LGPD)."
)


def descrever_violacoes(violacoes: list[Violacao], limite: int = 5) -> str:
    """The violations as lines naming the field and the passage, for the terminal or a dialog."""
    linhas = [f"• {v}" for v in violacoes[:limite]]
    if len(violacoes) > limite:
        linhas.append(f"• … e mais {len(violacoes) - limite}")
    return "\n".join(linhas)


# Settings whose value is machine data written by pacto itself (identifiers, marks), never text
# a person typed: the open-data UUID map has long runs of digits that look like a CPF.
CONFIGURACOES_DE_CODIGO = ("dados_abertos.uuids",)


def configuracao_de_codigo(chave: str) -> bool:
    """True for a setting pacto fills with codes (no privacy check applies to its value)."""
    return chave in CONFIGURACOES_DE_CODIGO or chave.startswith("aviso.")
