"""The privacy policy at the service layer: checks that name where a suspicious text came from.

The store refuses any commit that writes text the policy flags (`pacto/store/privacy.py`), so
nothing can bypass it; these checks run first on imports, to name the sheet, row, section and
field in the refusal, and give the interface the warnings to show before saving.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from pacto.domain.errors import ErroPrivacidade
from pacto.domain.importacao import descrever_linhas
from pacto.domain.politica_privacidade import AVISO_GERAL, Violacao, alertas_do_campo, pode_alertar

if TYPE_CHECKING:
    from pacto.domain.importacao import PlanoImportacao
    from pacto.domain.network import RedeCompleta

LIMITE = 10
INSISTIR_CLI = "repita com --mesmo-assim para importar assim mesmo"


def violacoes(tabela: str, valores: dict[str, Any], registro: int | None = None) -> list[Violacao]:
    """What the policy flags in the fields of one record about to be written."""
    if not pode_alertar(*valores.values()):
        return []
    return [
        Violacao(tabela, nome, registro, alerta)
        for nome, valor in valores.items()
        if isinstance(valor, str)
        for alerta in alertas_do_campo(tabela, nome, valor)
    ]


def _campos(objeto: Any) -> dict[str, Any]:
    if isinstance(objeto, dict):
        return objeto
    return (
        vars(objeto)
        if hasattr(objeto, "__dict__")
        else {f.name: getattr(objeto, f.name) for f in fields(objeto)}
    )


def recusar(problemas: list[str], origem: str, como_insistir: str = INSISTIR_CLI) -> None:
    """Raise the Portuguese refusal listing where each suspicious passage is."""
    if not problemas:
        return
    linhas = problemas[:LIMITE] + (
        [f"… e mais {len(problemas) - LIMITE}"] if len(problemas) > LIMITE else []
    )
    raise ErroPrivacidade(
        f"{origem} parece conter dado pessoal de vítima e nada foi importado:\n- "
        + "\n- ".join(linhas)
        + f"\n{AVISO_GERAL}\nCorrija o arquivo ou {como_insistir}.",
        problemas,
    )


def problemas_do_plano(plano: PlanoImportacao) -> list[str]:
    """Each suspicious cell of a spreadsheet import, as 'aba X, linha N, campo: alerta'."""
    problemas = []
    for ator in [*plano.criar, *plano.atualizar]:
        registros = [
            ("instituicoes", _campos(ator.instituicao)),
            *(("pontos_focais", _campos(p)) for p in ator.pontos),
            *(("atribuicoes", _campos(a)) for a in ator.atribuicoes),
        ]
        if not pode_alertar(*(v for _, campos in registros for v in campos.values())):
            continue  # one quick look at the whole row
        achados = [v for tabela, campos in registros for v in violacoes(tabela, campos)]
        if achados:
            onde = descrever_linhas(ator.linhas)
            onde = f"aba “{plano.aba}”, {onde}" if plano.aba else onde
            problemas += [f"{onde}, {v.rotulo}: {v.alerta}" for v in achados]
    return problemas


_SECOES_DA_REDE = (
    ("fluxos", "fluxos"),
    ("etapas", "etapas"),
    ("instituicoes", "instituicoes"),
    ("pontos_focais", "pontos_focais"),
    ("atribuicoes", "atribuicoes"),
    ("encaminhamentos", "encaminhamentos"),
    ("reunioes", "reunioes"),
    ("pauta", "pauta_itens"),
    ("presencas", "presencas"),
    ("deliberacoes", "deliberacoes"),
    ("acoes", "acoes"),
    ("sugestoes", "sugestoes"),
)


def problemas_do_pacote(rc: RedeCompleta, extras: dict[str, list[dict]] | None) -> list[str]:
    """Each suspicious field of a bundle, as 'seção “acoes”, item 2, ação: alerta'."""
    problemas = [
        f"seção “rede”, {v.rotulo}: {v.alerta}" for v in violacoes("rede", _campos(rc.rede))
    ]
    for secao, tabela in _SECOES_DA_REDE:
        for n, item in enumerate(getattr(rc, secao, None) or [], start=1):
            problemas += [
                f"seção “{secao}”, item {n}, {v.rotulo}: {v.alerta}"
                for v in violacoes(tabela, _campos(item))
            ]
    for secao, linhas in (extras or {}).items():
        for n, linha in enumerate(linhas, start=1):
            problemas += [
                f"seção “{secao}”, item {n}, {v.rotulo}: {v.alerta}"
                for v in violacoes(secao, linha)
            ]
    return problemas
