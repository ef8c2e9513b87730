"""The one registry of an institution's fields: label, hint, synonyms, limits and kind.

Validation, version diffs, proposals, the TUI form, spreadsheet import and the CLI options
all read this table; adding a field to `Instituicao` means adding its entry here and the
storage migration that creates its column (see README, “Para quem contribui”).
"""

from __future__ import annotations

from dataclasses import dataclass

from pacto.domain.text import sem_acentos

LIMITE_CURTO = 300  # one-line fields
LIMITE_LONGO = 20_000  # free text (observações)

# The actor's role in the flow: member of the final flow, or a support point that is mapped
# (the network knows and can call it) but is not in the final flow.
PAPEIS_ATOR = {"fluxo": "Membro do fluxo", "apoio": "Ponto de apoio"}
_SIM = {"sim", "s", "true", "verdadeiro", "1", "x", "yes"}
_NAO = {"nao", "n", "false", "falso", "0", "no"}
_SINONIMOS_PAPEL = {
    "fluxo": "fluxo",
    "membro": "fluxo",
    "membro do fluxo": "fluxo",
    "no fluxo": "fluxo",
    "apoio": "apoio",
    "ponto de apoio": "apoio",
    "fora do fluxo": "apoio",
}


@dataclass(frozen=True)
class CampoAtor:
    """One field of an institution, described once for every front end and rule.

    tipo: "texto" (one line), "longo" (free text), "escolha" (key from `opcoes`) or "sim_nao".
    validador: the name of the check `validation.validar_instituicao` applies after cleaning.
    na_versao: the field is part of a frozen version's content; `omitir_se_padrao` leaves it
    out of that content while it holds its default, so versions frozen before the field
    existed keep their hash.
    """

    chave: str
    rotulo: str
    dica: str = ""
    sinonimos: tuple[str, ...] = ()
    contato: bool = False
    na_versao: bool = True
    limite: int = LIMITE_CURTO
    tipo: str = "texto"
    obrigatorio: bool = False
    validador: str = ""
    opcoes: tuple[tuple[str, str], ...] = ()
    padrao: object = ""
    omitir_se_padrao: bool = False
    rotulo_planilha: str = ""
    rotulo_frase: str = ""  # how a sentence names it: “e-mail”, “CNPJ”

    @property
    def opcao_cli(self) -> str:
        """The CLI option that sets this field, e.g. `--personalidade-juridica`."""
        return "--" + self.chave.replace("_", "-")

    @property
    def em_frase(self) -> str:
        """The label inside a sentence (lower case unless it is an acronym)."""
        return self.rotulo_frase or self.rotulo.lower()

    def descrever(self, valor) -> str:
        """A stored value as the user reads it (“sim”, “Ponto de apoio”)."""
        if self.tipo == "sim_nao":
            return "sim" if valor else "não"
        if self.opcoes:
            return dict(self.opcoes).get(valor, str(valor))
        return str(valor)

    def interpretar(self, texto: str):
        """The stored value of a text typed in a cell or a CLI option; None when unreadable."""
        chave = " ".join(sem_acentos(str(texto)).casefold().replace("_", " ").split())
        if self.tipo == "sim_nao":
            if chave in _SIM:
                return True
            if chave in _NAO:
                return False
            return None
        if self.chave == "papel":
            return _SINONIMOS_PAPEL.get(chave)
        return texto


# fmt: off
CAMPOS = (
    CampoAtor(
        "nome", "Nome", "Nome completo", obrigatorio=True, rotulo_planilha="Instituição",
        sinonimos=(
            "instituição", "instituições", "nome da instituição", "nome", "órgão", "órgãos",
            "nome do órgão", "órgão/instituição", "instituição/órgão", "órgão/entidade",
            "entidade", "entidades", "nome da entidade", "organização", "organizações",
            "ator", "atores", "serviço", "serviços", "equipamento", "unidade", "razão social",
        ),
    ),
    CampoAtor(
        "sigla", "Sigla", "Ex.: PF-RR", obrigatorio=True, validador="sigla",
        sinonimos=("sigla", "siglas", "abreviatura", "acrônimo"),
    ),
    CampoAtor(
        "cnpj", "CNPJ", "00.000.000/0000-00 ou alfanumérico 12.ABC.345/01DE-35", validador="cnpj", rotulo_frase="CNPJ",
        sinonimos=("cnpj", "cnpj da instituição"),
    ),
    CampoAtor(
        "tipo", "Tipo", "(escolha no catálogo)", tipo="escolha",
        sinonimos=("tipo", "tipo de instituição", "tipo de órgão", "tipo de serviço"),
    ),
    CampoAtor(
        "esfera", "Esfera", "(escolha)", tipo="escolha",
        sinonimos=("esfera", "esfera de governo", "âmbito", "nível"),
    ),
    CampoAtor(
        "setor", "Setor", "Ex.: Assistência Social",
        sinonimos=("setor", "área", "área de atuação", "política", "política pública", "segmento"),
    ),
    CampoAtor(
        "endereco", "Endereço", contato=True, rotulo_frase="endereço",
        sinonimos=("endereço", "endereços", "logradouro", "localização", "local de atendimento"),
    ),
    CampoAtor(
        "telefone", "Telefone", "(95) 0000-0000", contato=True,
        sinonimos=(
            "telefone", "telefones", "fone", "fones", "tel", "tel.", "contato telefônico",
            "telefone institucional", "celular", "whatsapp",
        ),
    ),
    CampoAtor(
        "email", "E-mail", "nome@orgao.gov.br", contato=True, validador="email",
        sinonimos=(
            "e-mail", "email", "e-mails", "emails", "correio eletrônico",
            "endereço eletrônico", "e-mail institucional",
        ),
    ),
    CampoAtor(
        "site", "Site", contato=True,
        sinonimos=("site", "sítio", "sítio eletrônico", "página", "página na internet", "portal",
                   "url"),
    ),
    CampoAtor(
        "horario", "Horário", "Ex.: seg. a sex., 8h às 18h", contato=True,
        rotulo_planilha="Horário de atendimento", rotulo_frase="horário",
        sinonimos=("horário de atendimento", "horário", "horários", "funcionamento", "expediente"),
    ),
    CampoAtor(
        "observacoes", "Observações", tipo="longo", limite=LIMITE_LONGO,
        sinonimos=("observações", "observação", "obs", "obs.", "notas", "comentários"),
    ),
    CampoAtor(
        "papel", "Participação", "Membro do fluxo ou ponto de apoio (fora do fluxo final)",
        tipo="escolha", opcoes=tuple(PAPEIS_ATOR.items()), padrao="fluxo",
        omitir_se_padrao=True, validador="papel", rotulo_frase="participação",
        sinonimos=("participação", "participação no fluxo", "membro do fluxo", "ponto de apoio"),
    ),
    CampoAtor(
        "personalidade_juridica", "Personalidade jurídica",
        "Comitês e conselhos não têm e não assinam Termo de Adesão", tipo="sim_nao",
        padrao=True, na_versao=False,  # a trait of the body, not of the flow: the upgrade sets
        # it for collegiate bodies, which must not make every older version look outdated
        sinonimos=("personalidade jurídica", "tem personalidade jurídica", "pessoa jurídica"),
    ),
)
# fmt: on

POR_CHAVE = {c.chave: c for c in CAMPOS}
CHAVES = tuple(c.chave for c in CAMPOS)
CAMPOS_CONTATO = {c.chave: c.rotulo for c in CAMPOS if c.contato}
CAMPOS_VERSAO = tuple(c.chave for c in CAMPOS if c.na_versao)


def rotulo(chave: str) -> str:
    """The label of a field, its key when unknown."""
    return POR_CHAVE[chave].rotulo if chave in POR_CHAVE else chave


def conteudo_de_versao(inst) -> dict:
    """An institution's fields as a frozen version holds them (defaults of new fields omitted)."""
    dados = {}
    for campo in CAMPOS:
        if not campo.na_versao:
            continue
        valor = getattr(inst, campo.chave)
        if campo.omitir_se_padrao and valor == campo.padrao:
            continue
        dados[campo.chave] = valor
    return dados


def personalidade_padrao(tipo: str) -> bool:
    """Whether an institution of a catalogue type has legal personality: collegiate bodies
    (comitês, conselhos) do not; unknown types do."""
    from pacto.domain.catalog import tipos_instituicao

    catalogo = tipos_instituicao().get(tipo)
    return not (catalogo and catalogo.colegiado)
