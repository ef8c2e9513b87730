"""How to read the cells of an actor spreadsheet: stages, sigla in the name, sphere, type, contact.

Pure rules: they take text as the user typed it and return pacto values, so the CLI, the
TUI and the tests read a cell the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pacto.domain.catalog import tipos_instituicao
from pacto.domain.models import ESFERAS, Etapa
from pacto.domain.text import chave_comparacao, limpar, sem_acentos
from pacto.domain.validation import sigla_valida

TEXTO_A_DETALHAR = "Atribuição a detalhar."
# what people type in a stage column to say "acts here" without describing the duty
_MARCAS_PRESENCA = {"x", "sim", "s", "ok", "✔", "✓", "✅", "•", "*", "atua"}
_SEPARADORES_ETAPA = re.compile(r"[;,/|\n+•]+")
# the look-behind keeps the search linear on long text
_CONJUNCAO = re.compile(r"(?<!\s)\s+e\s+", re.IGNORECASE)
_NAO_PALAVRA = re.compile(r"[^\w]+")
_SIGLA_ENTRE_PARENTESES = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")
_VAZIOS = {
    "-", "--", "—", "–", ".", "?", "n/a", "n/d", "não possui", "não tem", "não informado",
    "não há", "não se aplica", "sem informação", "nenhum", "nenhuma", "inexistente",
}  # fmt: skip
_VAZIOS |= {sem_acentos(v) for v in _VAZIOS}  # also typed without accents
_ERROS_EXCEL = {"#N/D", "#N/A", "#REF!", "#VALOR!", "#VALUE!", "#DIV/0!", "#NOME?", "#NAME?"}


def texto_celula(texto: str) -> str:
    """A one-line cell cleaned: stray spaces gone; Excel error codes and "não possui", "—"
    and the like read as empty."""
    texto = " ".join(str(texto or "").split())
    if len(texto) < 20 and (texto.casefold() in _VAZIOS or texto.upper() in _ERROS_EXCEL):
        return ""
    return texto


def texto_longo(texto: str) -> str:
    """A multi-line cell (duties, notes): each line trimmed, blank lines dropped."""
    linhas = (" ".join(linha.split()) for linha in str(texto or "").splitlines())
    return "\n".join(linha for linha in linhas if linha and linha.upper() not in _ERROS_EXCEL)


def marca_presenca(texto: str) -> bool:
    """True when a stage cell only says "yes" (X, Sim, ✔) instead of describing the duty."""
    return len(texto) <= 8 and chave_comparacao(texto) in _MARCAS_PRESENCA


# -- stages --------------------------------------------------------------


@lru_cache(maxsize=4096)
def _chave_etapa(texto: str) -> str:
    """Comparison key of a stage or sphere name; cached, as the same few names repeat."""
    return _NAO_PALAVRA.sub(" ", chave_comparacao(texto)).replace("_", " ").strip()


def _etapa_do_trecho(trecho: str, etapas: Sequence[Etapa]) -> Etapa | None:
    chave = _chave_etapa(trecho)
    if not chave:
        return None
    for etapa in etapas:
        if chave in (
            _chave_etapa(etapa.nome),
            _chave_etapa(etapa.sigla),
            _chave_etapa(etapa.chave),
        ):
            return etapa
    # "Atendimento" for "Atendimento às Vítimas": a unique stage whose name starts so
    candidatas = [e for e in etapas if (_chave_etapa(e.nome) + " ").startswith(chave + " ")]
    return candidatas[0] if len(candidatas) == 1 else None


def etapa_por_texto(texto: str, etapas: Sequence[Etapa]) -> Etapa | None:
    """The one stage a text names by key, name or sigla, ignoring accents and case."""
    return _etapa_do_trecho(str(texto or "").strip(), etapas)


def identificar_etapas(texto: str, etapas: Sequence[Etapa]) -> tuple[list[Etapa], list[str]]:
    """The stages a cell names ("Denúncia", "D", "Pós-Resgate; Atendimento", "D R") and the
    pieces that match no stage, compared without accents or case, by name or sigla."""
    encontradas: list[Etapa] = []
    desconhecidas: list[str] = []

    def anotar(etapa: Etapa) -> None:
        if etapa not in encontradas:
            encontradas.append(etapa)

    for trecho in _SEPARADORES_ETAPA.split(str(texto or "")):
        trecho = trecho.strip(" .-–")
        if not trecho:
            continue
        etapa = _etapa_do_trecho(trecho, etapas)
        if etapa:
            anotar(etapa)
            continue
        partes = [_etapa_do_trecho(p, etapas) for p in _CONJUNCAO.split(trecho)]
        if len(partes) > 1 and all(partes):
            for parte in partes:
                anotar(parte)
            continue
        siglas = [_etapa_do_trecho(p, etapas) for p in trecho.split()]
        if len(siglas) > 1 and all(siglas):
            for parte in siglas:
                anotar(parte)
            continue
        desconhecidas.append(trecho)
    return encontradas, desconhecidas


def descrever_etapas(etapas: Sequence[Etapa]) -> str:
    """The stages as a user can type them: 'Denúncia (D), Resgate (R)…'."""
    return ", ".join(f"{e.nome} ({e.sigla})" for e in sorted(etapas, key=lambda e: e.ordem))


# -- institution fields ------------------------------------------------------


def limpar_sigla(sigla: str) -> str:
    """A sigla cell cleaned: spaces trimmed, typographic dashes ("MRE – DAC") made hyphens."""
    return texto_celula(sigla).replace("–", "-").replace("—", "-")


def sigla_entre_parenteses(nome: str) -> str:
    """The text in parentheses at the end of a name, whether or not it is a valid sigla."""
    achado = _SIGLA_ENTRE_PARENTESES.match(limpar(nome))
    return achado.group(2).strip() if achado else ""


def separar_sigla_do_nome(nome: str) -> tuple[str, str]:
    """Split 'Polícia Federal (PF)' into name and sigla, as the booklet writes institutions.

    Only text that looks like an acronym is taken (a valid sigla with at least two capitals
    or digits), so 'Centro de Referência (Pintolândia)' stays whole. Returns (nome, "") when
    there is nothing to split.
    """
    achado = _SIGLA_ENTRE_PARENTESES.match(limpar(nome))
    if not achado:
        return limpar(nome), ""
    base, sigla = achado.group(1).strip(" -–"), limpar_sigla(achado.group(2))
    fortes = sum(1 for c in sigla if c.isupper() or c.isdigit())
    if base and len(sigla) <= 30 and fortes >= 2 and sigla_valida(sigla):
        return base, sigla
    return limpar(nome), ""


_SINONIMOS_ESFERA = {
    "uniao": "federal",
    "nacional": "nacional",
    "servico nacional": "nacional",
    "estado": "estadual",
    "municipio": "municipal",
    "osc": "sociedade_civil",
    "ong": "sociedade_civil",
    "terceiro setor": "sociedade_civil",
    "organismo internacional": "internacional",
}


def normalizar_esfera(texto: str) -> str | None:
    """The sphere key of a cell ('Estadual' → 'estadual'); '' when empty, None when unknown."""
    chave = _chave_etapa(texto)
    if not chave:
        return ""
    for esfera, rotulo in ESFERAS.items():
        if chave in (_chave_etapa(esfera), _chave_etapa(rotulo)):
            return esfera
    return _SINONIMOS_ESFERA.get(chave)


def descrever_esferas() -> str:
    """The spheres a cell may name, for messages."""
    rotulos = list(ESFERAS.values())
    return ", ".join(rotulos[:-1]) + " ou " + rotulos[-1]


def normalizar_tipo(texto: str) -> str:
    """The catalogue key of an institution type named by key, name or usual acronym; else the
    text as typed, so nothing the user wrote is lost."""
    chave = _chave_etapa(texto)
    if not chave:
        return ""
    for tipo in tipos_instituicao().values():
        nomes = (tipo.chave, tipo.nome, tipo.sigla_sugerida)
        if chave in {_chave_etapa(n) for n in nomes if n}:
            return tipo.chave
    return limpar(texto)


# -- the booklet's "Forma de contato" cell --------------------------------------

# the look-behind keeps the search linear on long text
_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)[^\s,;]+", re.IGNORECASE)
_TELEFONE = re.compile(r"\+?\(?\d[\d\s().-]{6,}\d")
_ROTULO = re.compile(
    r"^(tel(?:efones?)?|fones?|whatsapp|e-?mail|site|endere[cç]o|hor[aá]rio(?: de atendimento)?)"
    r"\s*[.:]\s*",
    re.IGNORECASE,
)
_ENDERECO = re.compile(
    r"^(rua|r\.|av\.?|avenida|pra[cç]a|travessa|alameda|rodovia|estrada|quadra|setor|"
    r"esplanada|largo|br-\d+|cep)\b",
    re.IGNORECASE,
)
_PONTO_FOCAL = re.compile(r"^ponto focal(?: (titular|suplente))?\s*:\s*", re.IGNORECASE)
# the look-behind keeps the search linear on long text
_NOME_E_CARGO = re.compile(r"^(.*?)(?<!\s)\s*\(([^()]*)\)$")
_CEP = re.compile(r"\d{5}-\d{3}")
_PONTUACAO = " ,;·–-/|"


@dataclass
class Contato:
    """What a free "Forma de contato" cell says, split into pacto's fields."""

    telefone: str = ""
    email: str = ""
    site: str = ""
    endereco: str = ""
    horario: str = ""
    outros: list[str] = field(default_factory=list)
    pontos: dict[str, dict[str, str]] = field(default_factory=dict)  # papel -> attributes


def _rotulado(rotulo: str) -> str:
    rotulo = chave_comparacao(rotulo)
    if rotulo.startswith(("tel", "fone", "whatsapp")):
        return "telefone"
    if rotulo.startswith(("e-mail", "email")):
        return "email"
    if rotulo.startswith("endereco"):
        return "endereco"
    if rotulo.startswith("horario"):
        return "horario"
    return "site"


def _ponto_focal(texto: str) -> dict[str, str]:
    """'Maria Silva (Coordenadora) · Tel. 95 9999-0000 · maria@x.br' as focal point fields."""
    ponto: dict[str, str] = {}
    for parte in (p.strip() for p in re.split(r"\s+·\s+|;", texto)):
        if not parte:
            continue
        parte_sem_rotulo = _ROTULO.sub("", parte)
        if _EMAIL.fullmatch(parte_sem_rotulo) and "email" not in ponto:
            ponto["email"] = parte_sem_rotulo
        elif _TELEFONE.fullmatch(parte_sem_rotulo) and "telefone" not in ponto:
            ponto["telefone"] = parte_sem_rotulo
        elif "nome" not in ponto:
            achado = _NOME_E_CARGO.match(parte)
            ponto["nome"] = achado.group(1) if achado else parte
            if achado:
                ponto["cargo"] = achado.group(2).strip()
    return ponto


def separar_contato(texto: str) -> Contato:
    """Read a "Forma de contato" cell: labelled lines first, then e-mails, sites, phones and
    addresses by their look; what is left is kept in `outros`."""
    contato = Contato()
    for linha in (limpar(linha) for linha in str(texto or "").splitlines()):
        if not linha:
            continue
        ponto = _PONTO_FOCAL.match(linha)
        if ponto:
            papel = (ponto.group(1) or "titular").lower()
            contato.pontos[papel] = _ponto_focal(linha[ponto.end() :])
            continue
        rotulo = _ROTULO.match(linha)
        if rotulo:
            campo = _rotulado(rotulo.group(1))
            if not getattr(contato, campo):
                setattr(contato, campo, linha[rotulo.end() :].strip())
            continue
        resto = linha
        for padrao, campo in ((_EMAIL, "email"), (_URL, "site")):
            resto = _extrair(padrao, campo, resto, contato)
        if _ENDERECO.match(limpar(resto)) and not contato.endereco:
            contato.endereco = limpar(resto).strip(_PONTUACAO)
            continue
        resto = limpar(_extrair(_TELEFONE, "telefone", resto, contato)).strip(_PONTUACAO)
        if not resto or chave_comparacao(resto) in {"tel", "tel.", "e-mail", "email", "site"}:
            continue
        if _ENDERECO.match(resto) and not contato.endereco:
            contato.endereco = resto
        else:
            contato.outros.append(resto)
    return contato


def _extrair(padrao: re.Pattern, campo: str, texto: str, contato: Contato) -> str:
    """Take the first match of a pattern into the contact's field; return the text without it."""
    partes = []
    inicio = 0
    for achado in padrao.finditer(texto):
        if campo == "telefone" and _CEP.fullmatch(achado.group(0).strip()):
            continue
        if not getattr(contato, campo):
            setattr(contato, campo, achado.group(0).strip())
        partes.append(texto[inicio : achado.start()])
        inicio = achado.end()
    partes.append(texto[inicio:])
    return " ".join(partes)
