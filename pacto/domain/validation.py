"""Validation rules with Portuguese messages: required fields, UF, e-mail, CNPJ, unique acronym."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pacto.domain.errors import ErroValidacao
from pacto.domain.models import PAPEIS_PONTO_FOCAL, Instituicao, PontoFocal, Rede
from pacto.domain.text import chave_comparacao, limpar, so_digitos

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
LIMITE_CAMPO_CURTO = 300
LIMITE_TEXTO = 20_000


def email_valido(email: str) -> bool:
    """True when the text has the form of an e-mail address."""
    return bool(_EMAIL.match(email))


def sigla_valida(sigla: str) -> bool:
    """True when an acronym uses only the characters an institution's sigla may hold."""
    return bool(_SIGLA.match(sigla))


def cnpj_valido(cnpj: str) -> bool:
    """True when the 14 digits of a CNPJ carry correct check digits."""
    digitos = so_digitos(cnpj)
    if len(digitos) != 14 or len(set(digitos)) == 1:
        return False

    def digito(base: str) -> str:
        pesos = list(range(len(base) - 7, 1, -1)) + list(range(9, 1, -1))
        soma = sum(int(d) * p for d, p in zip(base, pesos, strict=True))
        resto = soma % 11
        return "0" if resto < 2 else str(11 - resto)

    primeiro = digito(digitos[:12])
    segundo = digito(digitos[:12] + primeiro)
    return digitos[12:] == primeiro + segundo


def formatar_cnpj(cnpj: str) -> str:
    """Write a CNPJ as 00.000.000/0000-00."""
    d = so_digitos(cnpj)
    if len(d) != 14:
        return cnpj
    return f"{d[:2]}.{d[2:5]}.{d[5:8]}/{d[8:12]}-{d[12:]}"


def normalizar_uf(uf: str) -> str:
    """Upper-case a UF and check it is one of the 27 federative units."""
    sigla = limpar(uf).upper()
    if sigla not in UFS:
        raise ErroValidacao(f"UF inválida: “{uf}”. Use a sigla de um estado, como SP ou RR.")
    return sigla


def validar_rede(rede: Rede) -> Rede:
    """Clean and check the network's identification, raising every problem at once."""
    problemas = []
    rede.nome = limpar(rede.nome)
    rede.municipio = limpar(rede.municipio)
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
    """Clean and check an institution; siglas_em_uso holds the acronyms of the other institutions."""
    problemas: list[str] = []
    for campo in ("nome", "sigla", "cnpj", "tipo", "esfera", "setor", "endereco",
                  "telefone", "email", "site", "horario"):  # fmt: skip
        setattr(inst, campo, limpar(getattr(inst, campo)))
        _checar_tamanho(campo.capitalize(), getattr(inst, campo), LIMITE_CAMPO_CURTO, problemas)
    inst.observacoes = (inst.observacoes or "").strip()
    _checar_tamanho("Observações", inst.observacoes, LIMITE_TEXTO, problemas)
    if not inst.nome:
        problemas.append("Informe o nome da instituição.")
    if not inst.sigla:
        problemas.append("Informe a sigla da instituição.")
    elif not _SIGLA.match(inst.sigla):
        problemas.append(f"Sigla inválida: “{inst.sigla}”. Use letras, números, hífen ou barra.")
    elif chave_comparacao(inst.sigla) in {chave_comparacao(s) for s in siglas_em_uso}:
        problemas.append(f"Já existe uma instituição com a sigla “{inst.sigla}” nesta rede.")
    if inst.cnpj:
        if cnpj_valido(inst.cnpj):
            inst.cnpj = formatar_cnpj(inst.cnpj)
        else:
            problemas.append(f"CNPJ inválido: “{inst.cnpj}” (confira os dígitos verificadores).")
    if inst.email and not email_valido(inst.email):
        problemas.append(f"E-mail inválido: “{inst.email}”.")
    if problemas:
        raise ErroValidacao(problemas)
    return inst


def validar_ponto_focal(ponto: PontoFocal) -> PontoFocal:
    """Clean and check a focal point: role, name and e-mail form."""
    problemas: list[str] = []
    for campo in ("papel", "nome", "cargo", "telefone", "email"):
        setattr(ponto, campo, limpar(getattr(ponto, campo)))
        _checar_tamanho(campo.capitalize(), getattr(ponto, campo), LIMITE_CAMPO_CURTO, problemas)
    ponto.papel = ponto.papel.lower()
    if ponto.papel not in PAPEIS_PONTO_FOCAL:
        problemas.append("O ponto focal deve ser titular ou suplente.")
    if not ponto.nome:
        problemas.append("Informe o nome do ponto focal.")
    if ponto.email and not email_valido(ponto.email):
        problemas.append(f"E-mail inválido: “{ponto.email}”.")
    if problemas:
        raise ErroValidacao(problemas)
    return ponto


def validar_texto(rotulo: str, texto: str, obrigatorio: bool = True) -> str:
    """Trim a free-text field and check it is present and not absurdly long."""
    texto = (texto or "").strip()
    if obrigatorio and not texto:
        raise ErroValidacao(f"Informe {rotulo}.")
    if len(texto) > LIMITE_TEXTO:
        raise ErroValidacao(f"{rotulo.capitalize()}: texto longo demais (máximo {LIMITE_TEXTO}).")
    return texto
