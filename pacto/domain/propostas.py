"""Structured proposals carried by suggestions: a change to the draft flow that can be applied in one step.

A proposal is a plain dict (it travels in bundles and in the store as JSON) with a "tipo":

- "atribuicao": set what an institution does at a stage of a flow
  (instituicao_id, etapa_id, fluxo_id, texto; empty text removes the duty);
- "encaminhamento": add a referral, or change one when encaminhamento_id is given
  (fluxo_id, origem_id, destino_id, condicao, prazo);
- "contato": change contact fields of an institution (instituicao_id, campos);
- "ponto_focal": change a focal point's fields, or name a new one when ponto_focal_id is empty
  (instituicao_id, papel, ponto_focal_id, campos).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pacto.domain.campos_ator import CAMPOS_CONTATO as CAMPOS_CONTATO_ATOR
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import PAPEIS_PONTO_FOCAL
from pacto.domain.validation import LIMITE_TEXTO, problema_de_caracteres

if TYPE_CHECKING:
    from pacto.domain.network import RedeCompleta

TIPOS_PROPOSTA = {
    "atribuicao": "Definir a atribuição de uma instituição numa etapa",
    "encaminhamento": "Incluir ou alterar um encaminhamento",
    "contato": "Alterar o contato de uma instituição",
    "ponto_focal": "Alterar ou indicar um ponto focal",
}
CAMPOS_CONTATO = CAMPOS_CONTATO_ATOR  # the registry's contact fields, key -> label
CAMPOS_PONTO = {"nome": "Nome", "cargo": "Cargo", "telefone": "Telefone", "email": "E-mail"}
_ASSUNTO_DO_TIPO = {
    "atribuicao": "atribuicao",
    "encaminhamento": "encaminhamento",
    "contato": "contato",
    "ponto_focal": "contato",
}


def _inteiro(dados: dict, chave: str, problemas: list[str], opcional: bool = False) -> int | None:
    valor = dados.get(chave)
    if valor is None and opcional:
        return None
    if isinstance(valor, bool) or not isinstance(valor, int):
        problemas.append(f"Proposta: “{chave}” deveria ser um número inteiro.")
        return None
    return valor


def _texto(dados: dict, chave: str, problemas: list[str]) -> str:
    valor = dados.get(chave, "")
    if valor is None:
        return ""
    if not isinstance(valor, str):
        problemas.append(f"Proposta: “{chave}” deveria ser um texto.")
        return ""
    return _conferir(f"Proposta ({chave})", valor.strip(), problemas)


def _conferir(rotulo: str, valor: str, problemas: list[str]) -> str:
    """Record a problem for refused characters or excessive length; return the value."""
    if problema := problema_de_caracteres(rotulo, valor):
        problemas.append(problema)
    if len(valor) > LIMITE_TEXTO:
        problemas.append(f"{rotulo}: texto longo demais (máximo {LIMITE_TEXTO}).")
    return valor


def _campos(dados: dict, permitidos: dict[str, str], problemas: list[str]) -> dict[str, str]:
    campos = dados.get("campos")
    if not isinstance(campos, dict) or not campos:
        problemas.append("Proposta: informe ao menos um campo a alterar.")
        return {}
    limpos = {}
    for chave, valor in campos.items():
        if chave not in permitidos:
            problemas.append(f"Proposta: campo desconhecido “{chave}”.")
        elif not isinstance(valor, str):
            problemas.append(f"Proposta: o campo “{chave}” deveria ser um texto.")
        else:
            limpos[chave] = _conferir(f"Proposta ({chave})", valor.strip(), problemas)
    return limpos


def validar_proposta(dados: Any) -> dict:
    """Check a proposal's shape and return it normalised; raise ErroValidacao otherwise."""
    if not isinstance(dados, dict) or dados.get("tipo") not in TIPOS_PROPOSTA:
        raise ErroValidacao(
            "Proposta inválida: o tipo deve ser atribuicao, encaminhamento, contato ou ponto_focal."
        )
    problemas: list[str] = []
    tipo = dados["tipo"]
    proposta: dict[str, Any] = {"tipo": tipo}
    if tipo == "atribuicao":
        for chave in ("instituicao_id", "etapa_id", "fluxo_id"):
            proposta[chave] = _inteiro(dados, chave, problemas)
        proposta["texto"] = _texto(dados, "texto", problemas)
    elif tipo == "encaminhamento":
        proposta["encaminhamento_id"] = _inteiro(dados, "encaminhamento_id", problemas, True)
        for chave in ("fluxo_id", "origem_id", "destino_id"):
            proposta[chave] = _inteiro(dados, chave, problemas)
        proposta["condicao"] = _texto(dados, "condicao", problemas)
        proposta["prazo"] = _texto(dados, "prazo", problemas)
        if proposta["origem_id"] is not None and proposta["origem_id"] == proposta["destino_id"]:
            problemas.append("Proposta: uma instituição não encaminha para si mesma.")
    elif tipo == "contato":
        proposta["instituicao_id"] = _inteiro(dados, "instituicao_id", problemas)
        proposta["campos"] = _campos(dados, CAMPOS_CONTATO, problemas)
    else:
        proposta["instituicao_id"] = _inteiro(dados, "instituicao_id", problemas)
        proposta["ponto_focal_id"] = _inteiro(dados, "ponto_focal_id", problemas, True)
        papel = _texto(dados, "papel", problemas) or "titular"
        if papel not in PAPEIS_PONTO_FOCAL:
            problemas.append("Proposta: o papel do ponto focal deve ser titular ou suplente.")
        proposta["papel"] = papel
        proposta["campos"] = _campos(dados, CAMPOS_PONTO, problemas)
        if proposta["ponto_focal_id"] is None and not proposta["campos"].get("nome"):
            problemas.append("Proposta: para indicar um novo ponto focal, informe o nome.")
    if problemas:
        raise ErroValidacao(problemas)
    return proposta


def assunto_da_proposta(proposta: dict) -> str:
    """The suggestion subject that matches a proposal kind."""
    return _ASSUNTO_DO_TIPO.get(proposta.get("tipo", ""), "geral")


def valor_principal(proposta: dict) -> str:
    """The text a decision may adjust when a suggestion is accepted in part."""
    tipo = proposta.get("tipo")
    if tipo == "atribuicao":
        return proposta.get("texto", "")
    if tipo == "encaminhamento":
        return proposta.get("condicao", "")
    campos = proposta.get("campos") or {}
    return next(iter(campos.values()), "") if len(campos) == 1 else ""


def com_valor_principal(proposta: dict, valor: str) -> dict:
    """A copy of the proposal with its main text replaced (see `valor_principal`)."""
    nova = {**proposta}
    tipo = proposta.get("tipo")
    if tipo == "atribuicao":
        nova["texto"] = valor.strip()
    elif tipo == "encaminhamento":
        nova["condicao"] = valor.strip()
    elif len(proposta.get("campos") or {}) == 1:
        (chave,) = proposta["campos"]
        nova["campos"] = {chave: valor.strip()}
    return nova


def descrever_proposta(proposta: dict, rc: RedeCompleta | None = None) -> str:
    """The proposal in a sentence, naming institutions and stages when the network is at hand."""

    def inst(id_: int | None) -> str:
        if rc is not None and id_ in rc.instituicao_por_id:
            return rc.instituicao_por_id[id_].sigla
        return f"instituição {id_}"

    def etapa(id_: int | None) -> str:
        if rc is not None and id_ in rc.etapa_por_id:
            return rc.etapa_por_id[id_].nome
        return f"etapa {id_}"

    tipo = proposta.get("tipo")
    if tipo == "atribuicao":
        texto = proposta.get("texto", "")
        if not texto:
            return f"Retirar a atribuição de {inst(proposta['instituicao_id'])} em {etapa(proposta['etapa_id'])}."
        return (
            f"Atribuição de {inst(proposta['instituicao_id'])} em "
            f"{etapa(proposta['etapa_id'])}: “{texto}”"
        )
    if tipo == "encaminhamento":
        verbo = (
            "Alterar o encaminhamento"
            if proposta.get("encaminhamento_id")
            else "Incluir encaminhamento"
        )
        partes = [f"{verbo} {inst(proposta['origem_id'])} → {inst(proposta['destino_id'])}"]
        if proposta.get("condicao"):
            partes.append(f"quando: {proposta['condicao']}")
        if proposta.get("prazo"):
            partes.append(f"prazo: {proposta['prazo']}")
        return "; ".join(partes) + "."
    campos = proposta.get("campos") or {}
    rotulos = CAMPOS_CONTATO if tipo == "contato" else CAMPOS_PONTO
    mudancas = "; ".join(f"{rotulos.get(c, c)}: “{v}”" for c, v in campos.items())
    if tipo == "contato":
        return f"Contato de {inst(proposta['instituicao_id'])} — {mudancas}."
    quem = f"ponto focal {proposta.get('papel', 'titular')} de {inst(proposta['instituicao_id'])}"
    if proposta.get("ponto_focal_id") is None:
        return f"Indicar {quem} — {mudancas}."
    return f"Alterar {quem} — {mudancas}."
