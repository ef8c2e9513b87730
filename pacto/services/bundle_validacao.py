"""The rules a bundle's records must follow before anything is written: the same validators
the CLI applies to each record, references inside the bundle, and the rows of the extra tables."""

from __future__ import annotations

from pacto.domain.catalog import finalidades
from pacto.domain.errors import ErroImportacao, ErroValidacao
from pacto.domain.linhas_extras import Referencias, problemas_das_tabelas
from pacto.domain.network import RedeCompleta
from pacto.domain.reunioes import (
    validar_acao,
    validar_deliberacao,
    validar_item_pauta,
    validar_presenca,
    validar_reuniao,
    validar_sugestao,
)
from pacto.domain.validation import (
    citar,
    validar_campo_curto,
    validar_instituicao,
    validar_ponto_focal,
    validar_texto,
)

SECOES_COM_ID = (
    "fluxos", "etapas", "instituicoes", "pontos_focais", "atribuicoes", "encaminhamentos",
    "reunioes", "pauta", "presencas", "deliberacoes", "acoes", "sugestoes",
)  # fmt: skip


def validar_conteudo(rc: RedeCompleta) -> None:
    """Check every record's rules and that every reference points to a record of the bundle."""
    problemas: list[str] = []
    siglas: list[str] = []
    for n, inst in enumerate(rc.instituicoes, start=1):
        try:
            validar_instituicao(inst, siglas)
        except ErroValidacao as erro:
            problemas.append(f"instituicoes[{n}]: {erro.mensagem}")
        siglas.append(inst.sigla)
    for n, ponto in enumerate(rc.pontos_focais, start=1):
        try:
            validar_ponto_focal(ponto)
        except ErroValidacao as erro:
            problemas.append(f"pontos_focais[{n}]: {erro.mensagem}")
    problemas += _problemas_do_fluxo(rc)
    validadores = {
        "reunioes": validar_reuniao,
        "pauta": validar_item_pauta,
        "presencas": validar_presenca,
        "deliberacoes": validar_deliberacao,
        "acoes": validar_acao,
        "sugestoes": validar_sugestao,
    }
    for secao, validar in validadores.items():
        for n, registro in enumerate(getattr(rc, secao), start=1):
            try:
                validar(registro)
            except ErroValidacao as erro:
                problemas.append(f"{secao}[{n}]: {erro.mensagem}")
    ids = {nome: {r.id for r in getattr(rc, nome)} for nome in SECOES_COM_ID}
    for nome in SECOES_COM_ID:
        if None in ids[nome] or len(ids[nome]) != len(getattr(rc, nome)):
            problemas.append(f"A seção “{nome}” tem registros sem “id” ou com “id” repetido.")
    referencias = [
        ("pontos_focais", "instituicao_id", "instituicoes"),
        ("atribuicoes", "instituicao_id", "instituicoes"),
        ("atribuicoes", "etapa_id", "etapas"),
        ("atribuicoes", "fluxo_id", "fluxos"),
        ("encaminhamentos", "origem_id", "instituicoes"),
        ("encaminhamentos", "destino_id", "instituicoes"),
        ("encaminhamentos", "fluxo_id", "fluxos"),
        ("pauta", "reuniao_id", "reunioes"),
        ("presencas", "reuniao_id", "reunioes"),
        ("deliberacoes", "reuniao_id", "reunioes"),
        ("acoes", "reuniao_id", "reunioes"),
    ]
    for secao, campo, alvo in referencias:
        for n, registro in enumerate(getattr(rc, secao), start=1):
            if getattr(registro, campo) not in ids[alvo]:
                problemas.append(
                    f"{secao}[{n}]: “{campo}” não corresponde a nenhum item de “{alvo}”."
                )
    opcionais = [
        ("presencas", "instituicao_id", "instituicoes"),
        ("deliberacoes", "item_id", "pauta"),
        ("acoes", "instituicao_id", "instituicoes"),
        ("sugestoes", "reuniao_id", "reunioes"),
        ("sugestoes", "instituicao_id", "instituicoes"),
    ]
    for secao, campo, alvo in opcionais:
        for n, registro in enumerate(getattr(rc, secao), start=1):
            valor = getattr(registro, campo)
            if valor is not None and valor not in ids[alvo]:
                problemas.append(
                    f"{secao}[{n}]: “{campo}” não corresponde a nenhum item de “{alvo}”."
                )
    if rc.rede.coordenacao_id is not None and rc.rede.coordenacao_id not in ids["instituicoes"]:
        problemas.append("rede: “coordenacao_id” não corresponde a nenhuma instituição.")
    if problemas:
        raise ErroImportacao(
            "O pacote tem problemas e nada foi importado:\n- " + "\n- ".join(problemas[:20])
        )


def _problemas_do_fluxo(rc: RedeCompleta) -> list[str]:
    """The rules of flows, stages, duties and referrals that the CLI applies when one is typed."""
    problemas: list[str] = []

    def checar(onde: str, validar, *args) -> None:
        try:
            validar(*args)
        except ErroValidacao as erro:
            problemas.append(f"{onde}: {erro.mensagem}")

    conhecidas = {f.chave for f in finalidades()}
    for n, fluxo in enumerate(rc.fluxos, start=1):
        checar(f"fluxos[{n}]", validar_campo_curto, "O nome do fluxo", fluxo.nome, True)
        if not isinstance(fluxo.finalidades, list):
            problemas.append(f"fluxos[{n}]: “finalidades” deveria ser uma lista de finalidades.")
            continue
        desconhecidas = [c for c in fluxo.finalidades if c not in conhecidas]
        if desconhecidas:
            problemas.append(
                f"fluxos[{n}]: finalidade desconhecida em “finalidades”: "
                f"{', '.join(citar(c) for c in desconhecidas[:5])}."
            )
    for n, etapa in enumerate(rc.etapas, start=1):
        for campo, rotulo in (("chave", "A chave"), ("nome", "O nome"), ("sigla", "A sigla")):
            checar(f"etapas[{n}]", validar_campo_curto, rotulo, getattr(etapa, campo), True)
        checar(f"etapas[{n}]", validar_texto, "a descrição", etapa.descricao, False)
        if not 1 <= etapa.ordem <= 1000:
            problemas.append(f"etapas[{n}]: “ordem” deveria ser um número de 1 a 1000.")
    for n, atr in enumerate(rc.atribuicoes, start=1):
        checar(f"atribuicoes[{n}]", validar_texto, "a atribuição", atr.texto, False)
    for n, enc in enumerate(rc.encaminhamentos, start=1):
        checar(f"encaminhamentos[{n}]", validar_texto, "a condição", enc.condicao, False)
        checar(f"encaminhamentos[{n}]", validar_campo_curto, "O prazo", enc.prazo)
        if enc.origem_id == enc.destino_id:
            problemas.append(f"encaminhamentos[{n}]: origem e destino são a mesma instituição.")
    return problemas


def validar_extras(adicionais: dict[str, list[dict]], rc: RedeCompleta, versoes) -> None:
    """Check every row of the extra sections with the rules the CLI applies, refusing the whole
    bundle when one is wrong (table, row and field named)."""
    referencias = Referencias(
        instituicoes={i.id for i in rc.instituicoes}, versoes={v.numero for v in versoes}
    )
    problemas = problemas_das_tabelas(adicionais, referencias)
    if problemas:
        mais = f"\n(e mais {len(problemas) - 20})" if len(problemas) > 20 else ""
        raise ErroImportacao(
            "O pacote tem linhas inválidas e nada foi importado:\n- "
            + "\n- ".join(problemas[:20])
            + mais
        )
