"""Validation rules with Portuguese messages: required fields, UF, e-mail, CNPJ, unique acronym."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pacto.domain.campos_ator import CAMPOS as CAMPOS_ATOR
from pacto.domain.campos_ator import LIMITE_CURTO, LIMITE_LONGO, PAPEIS_ATOR
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import PAPEIS_PONTO_FOCAL, Instituicao, PontoFocal, Rede
from pacto.domain.text import caracteres_proibidos, chave_comparacao, limpar

UFS = {
    "AC": "Acre", "AL": "Alagoas", "AP": "Amapá", "AM": "Amazonas", "BA": "Bahia",
    "CE": "Ceará", "DF": "Distrito Federal", "ES": "Espírito Santo", "GO": "Goiás",
    "MA": "Maranhão", "MT": "Mato Grosso", "MS": "Mato Grosso do Sul", "MG": "Minas Gerais",
    "PA": "Pará", "PB": "Paraíba", "PR": "Paraná", "PE": "Pernambuco", "PI": "Piauí",
    "RJ": "Rio de Janeiro", "RN": "Rio Grande do Norte", "RS": "Rio Grande do Sul",
    "RO": "Rondônia", "RR": "Roraima", "SC": "Santa Catarina", "SP": "São Paulo",
    "SE": "Sergipe", "TO": "Tocantins",
}  # fmt: skip

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SIGLA = re.compile(r"^[\w][\w .\-/ºª()]*$")
LIMITE_CAMPO_CURTO = LIMITE_CURTO
LIMITE_TEXTO = LIMITE_LONGO
# labels of a focal point's fields (an institution's come from `campos_ator`)
ROTULOS_PONTO = {"papel": "Papel", "nome": "Nome", "cargo": "Cargo", "telefone": "Telefone",
                 "email": "E-mail"}  # fmt: skip


def citar(valor: str, limite: int = 60) -> str:
    """A user's value quoted in a message, cut short when long: “…”."""
    valor = str(valor)
    return f"“{valor if len(valor) <= limite else valor[: limite - 1] + '…'}”"


def email_valido(email: str) -> bool:
    """True when the text has the form of an e-mail address."""
    return bool(_EMAIL.match(email))


def sigla_valida(sigla: str) -> bool:
    """True when an acronym uses only the characters an institution's sigla may hold."""
    return bool(_SIGLA.match(sigla))


def _cnpj_compacto(cnpj: str) -> str:
    """The 14 characters of a CNPJ, upper-cased, without dots, slash, dash or spaces."""
    return "".join(c for c in cnpj.upper() if c.isalnum())


def cnpj_valido(cnpj: str) -> bool:
    """True when a CNPJ, numeric or alphanumeric (IN RFB nº 2.229/2024), has right check digits.

    The rule is python-stdnum's: version 2.2 (the minimum in pyproject) validates the
    alphanumeric CNPJ — letters A–Z in the first 12 positions, each worth its ASCII code minus
    48, numeric check digits.
    """
    from stdnum.br import cnpj as regra  # here: only forms that receive a CNPJ pay the import

    compacto = _cnpj_compacto(cnpj)
    return len(compacto) == 14 and regra.is_valid(compacto)


def formatar_cnpj(cnpj: str) -> str:
    """Write a CNPJ as 00.000.000/0000-00 (letters upper-cased: 12.ABC.345/01DE-35)."""
    d = _cnpj_compacto(cnpj)
    if len(d) != 14:
        return cnpj
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"


def normalizar_uf(uf: str) -> str:
    """Upper-case a UF and check it is one of the 27 federative units."""
    sigla = limpar(uf).upper()
    if sigla not in UFS:
        raise ErroValidacao(f"UF inválida: {citar(uf)}. Use a sigla de um estado, como SP ou RR.")
    return sigla


def problema_de_caracteres(rotulo: str, texto: str) -> str | None:
    """The message for a text holding control characters or lone surrogates, else None.

    pacto's rule for stored text: tab and line breaks are text (one-line fields turn them into
    spaces), every other control character, DEL and lone surrogates are refused with this
    message, so the user knows which field to retype. Imports of spreadsheets drop them with
    a warning instead, and documents drop them if older data still holds some.
    """
    codigos = caracteres_proibidos(texto)
    if not codigos:
        return None
    return (
        f"{rotulo}: o texto tem caracteres de controle invisíveis ou inválidos "
        f"({', '.join(codigos[:5])}{'…' if len(codigos) > 5 else ''}), que o pacto não grava. "
        "Eles costumam vir de texto colado de um PDF ou de outro programa: apague o trecho e "
        "digite-o de novo."
    )


def _checar_caracteres(rotulo: str, texto: str, problemas: list[str]) -> bool:
    """Append the control-character problem of a field, if any; True when there was one."""
    problema = problema_de_caracteres(rotulo, texto)
    if problema:
        problemas.append(problema)
    return problema is not None


def validar_rede(rede: Rede) -> Rede:
    """Clean and check the network's identification, raising every problem at once."""
    problemas: list[str] = []
    rede.nome = limpar(rede.nome)
    rede.municipio = limpar(rede.municipio)
    _checar_caracteres("Nome da rede", rede.nome, problemas)
    _checar_caracteres("Município", rede.municipio, problemas)
    for rotulo, valor in (("Nome da rede", rede.nome), ("Município", rede.municipio)):
        _checar_tamanho(rotulo, valor, LIMITE_CAMPO_CURTO, problemas)
    if not rede.nome:
        problemas.append("Informe o nome da rede.")
    try:
        rede.uf = normalizar_uf(rede.uf)
    except ErroValidacao as erro:
        problemas.extend(erro.problemas)
    if problemas:
        raise ErroValidacao(problemas)
    return rede


def _checar_tamanho(rotulo: str, valor: str, limite: int, problemas: list[str]) -> None:
    if len(valor) > limite:
        problemas.append(
            f"{rotulo}: texto longo demais ({len(valor)} caracteres; máximo {limite})."
        )


def validar_instituicao(inst: Instituicao, siglas_em_uso: Iterable[str] = ()) -> Instituicao:
    """Clean and check an institution, field by field as `campos_ator` describes them;
    siglas_em_uso holds the acronyms of the other institutions."""
    problemas: list[str] = []
    ruins: set[str] = set()  # fields with refused characters: not quoted in other messages
    for campo in CAMPOS_ATOR:
        valor = getattr(inst, campo.chave)
        if campo.tipo == "sim_nao":
            if not isinstance(valor, bool):
                problemas.append(f"{campo.rotulo}: responda sim ou não.")
            continue
        valor = (valor or "").strip() if campo.tipo == "longo" else limpar(valor or "")
        setattr(inst, campo.chave, valor)
        if _checar_caracteres(campo.rotulo, valor, problemas):
            ruins.add(campo.chave)
        _checar_tamanho(campo.rotulo, valor, campo.limite, problemas)
        if campo.obrigatorio and not valor:
            problemas.append(f"Informe {_artigo(campo.chave)} da instituição.")
        elif valor and campo.validador and campo.chave not in ruins:
            if problema := _VALIDADORES[campo.validador](inst, valor, siglas_em_uso):
                problemas.append(problema)
    if problemas:
        raise ErroValidacao(problemas)
    return inst


def _artigo(chave: str) -> str:
    return {"nome": "o nome", "sigla": "a sigla"}.get(chave, chave)


def _validar_sigla(inst: Instituicao, sigla: str, siglas_em_uso: Iterable[str]) -> str | None:
    if len(sigla) > LIMITE_CAMPO_CURTO:
        return None
    if not _SIGLA.match(sigla):
        return f"Sigla inválida: {citar(sigla)}. Use letras, números, hífen ou barra."
    if chave_comparacao(sigla) in {chave_comparacao(s) for s in siglas_em_uso}:
        return f"Já existe uma instituição com a sigla “{sigla}” nesta rede."
    return None


def _validar_cnpj(inst: Instituicao, cnpj: str, _siglas) -> str | None:
    if cnpj_valido(cnpj):
        inst.cnpj = formatar_cnpj(cnpj)
        return None
    return (
        f"CNPJ inválido: {citar(cnpj)} (confira os dígitos verificadores; o CNPJ "
        "alfanumérico tem 12 letras ou números e 2 dígitos, como 12.ABC.345/01DE-35)."
    )


def _validar_email(_inst, email: str, _siglas) -> str | None:
    return None if email_valido(email) else f"E-mail inválido: {citar(email)}."


def _validar_papel(inst: Instituicao, papel: str, _siglas) -> str | None:
    if papel in PAPEIS_ATOR:
        return None
    return (
        f"Participação inválida: {citar(papel)}. Use “fluxo” (membro do fluxo) ou “apoio” "
        "(ponto de apoio)."
    )


_VALIDADORES = {
    "sigla": _validar_sigla,
    "cnpj": _validar_cnpj,
    "email": _validar_email,
    "papel": _validar_papel,
}


def validar_ponto_focal(ponto: PontoFocal) -> PontoFocal:
    """Clean and check a focal point: role, name and e-mail form."""
    problemas: list[str] = []
    ruins: set[str] = set()
    for campo in ("papel", "nome", "cargo", "telefone", "email"):
        setattr(ponto, campo, limpar(getattr(ponto, campo)))
        if _checar_caracteres(ROTULOS_PONTO[campo], getattr(ponto, campo), problemas):
            ruins.add(campo)
        _checar_tamanho(ROTULOS_PONTO[campo], getattr(ponto, campo), LIMITE_CAMPO_CURTO, problemas)
    ponto.papel = ponto.papel.lower()
    if ponto.papel not in PAPEIS_PONTO_FOCAL:
        problemas.append("O ponto focal deve ser titular ou suplente.")
    if not ponto.nome:
        problemas.append("Informe o nome do ponto focal.")
    if ponto.email and "email" not in ruins and not email_valido(ponto.email):
        problemas.append(f"E-mail inválido: {citar(ponto.email)}.")
    if problemas:
        raise ErroValidacao(problemas)
    return ponto


def validar_campo_curto(rotulo: str, valor: str, obrigatorio: bool = False) -> str:
    """Clean a one-line field (white space collapsed) and check it is present, short and clean."""
    valor = limpar(valor)
    if obrigatorio and not valor:
        raise ErroValidacao(f"Informe {rotulo[:1].lower() + rotulo[1:]}.")
    problemas: list[str] = []
    _checar_caracteres(rotulo, valor, problemas)
    _checar_tamanho(rotulo, valor, LIMITE_CAMPO_CURTO, problemas)
    if problemas:
        raise ErroValidacao(problemas)
    return valor


def validar_texto(rotulo: str, texto: str, obrigatorio: bool = True) -> str:
    """Trim a free-text field and check it is present and not absurdly long."""
    texto = (texto or "").strip()
    if obrigatorio and not texto:
        raise ErroValidacao(f"Informe {rotulo}.")
    problema = problema_de_caracteres(rotulo[:1].upper() + rotulo[1:], texto)
    if problema:
        raise ErroValidacao(problema)
    if len(texto) > LIMITE_TEXTO:
        raise ErroValidacao(f"{rotulo.capitalize()}: texto longo demais (máximo {LIMITE_TEXTO}).")
    return texto
