"""Rules for the rows of the workspace's extra tables (adhesions, self-diagnosis, NETP, monthly
routine…), shared by the bundle import, which refuses a bad row, and by the check of a workspace
that an older pacto filled, which reports it.

Each table lists its columns with a kind: a date, a month, a number in a range, a key of a known
list, a reference to another table, a short or long text. A problem names the table (in
Portuguese and by its key), the row and the field, e.g. “ajustes dos passos (ajustes_passos),
linha 3, campo “registrado_em”: data inválida “ontem””.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from pacto.domain.calendario import faixa_de_datas
from pacto.domain.errors import ErroValidacao
from pacto.domain.redacao import data_curta
from pacto.domain.validation import LIMITE_CAMPO_CURTO, LIMITE_TEXTO, citar, problema_de_caracteres

LIMITE_ID = 2**63 - 1  # SQLite's largest integer: a bigger one overflows on insert
LIMITE_CONTAGEM = 10**9  # no monthly count of a network comes near it
_HEX64 = re.compile(r"[0-9a-f]{64}")

NOMES_TABELAS = {
    "reunioes": "reuniões",
    "configuracoes": "configurações dos documentos",
    "grupo_trabalho": "grupo de trabalho",
    "autodiagnostico_rodadas": "autodiagnóstico",
    "autodiagnostico_respostas": "respostas do autodiagnóstico",
    "ajustes_passos": "ajustes dos passos",
    "netp_envios": "envios ao NETP",
    "netp_contagens": "contagens enviadas ao NETP",
    "checklist_respostas": "respostas do checklist mensal",
    "indicador_metas": "metas dos indicadores",
    "indicador_valores": "valores dos indicadores",
    "adesoes": "adesões",
    "avaliacoes": "avaliações periódicas",
}


@dataclass
class Referencias:
    """The ids other rows may point to: institutions and frozen versions of the same bundle (or
    workspace); self-diagnosis runs and NETP sends are collected from the rows themselves."""

    instituicoes: set[int] = field(default_factory=set)
    versoes: set[int] = field(default_factory=set)
    rodadas: set[int] = field(default_factory=set)
    envios: set[int] = field(default_factory=set)


# A check takes a value and returns the problem (without the field name), or None.
Checagem = Callable[[object], str | None]


def _inteiro(minimo: int = 1, maximo: int = LIMITE_ID) -> Checagem:
    def checar(valor) -> str | None:
        if isinstance(valor, bool) or not isinstance(valor, int):
            return f"deveria ser um número inteiro, não {citar(valor)}"
        if not minimo <= valor <= maximo:
            return f"número fora do intervalo aceito ({minimo} a {maximo})"
        return None

    return checar


def _pelo_validador(validar: Callable, *args) -> Checagem:
    """A check made of the validator the CLI applies to the same field (its message reused)."""

    def checar(valor) -> str | None:
        try:
            validar(valor, *args)
        except ErroValidacao as erro:
            mensagem = erro.mensagem.rstrip(".")
            return mensagem[:1].lower() + mensagem[1:]
        return None

    return checar


def _valor_indicador(valor) -> str | None:
    from pacto.domain.indicadores import validar_valor

    return _pelo_validador(validar_valor)(valor)


def _mes(valor) -> str | None:
    from pacto.domain.netp import validar_mes

    return _pelo_validador(validar_mes)(valor)


def _periodo(valor) -> str | None:
    from pacto.domain.indicadores import validar_periodo

    return _pelo_validador(validar_periodo, False)(valor)


def _data(valor) -> str | None:
    try:
        dia = date.fromisoformat(valor) if isinstance(valor, str) else None
    except ValueError:
        dia = None
    if dia is None or len(valor) != 10:
        return f"data inválida {citar(valor)} (use AAAA-MM-DD)"
    return _na_faixa(dia)


def problema_de_data(valor) -> str | None:
    """What is wrong with a stored date (not a date, or too far from today), or None."""
    return _data(valor)


def _momento(valor) -> str | None:
    try:
        quando = datetime.fromisoformat(valor) if isinstance(valor, str) else None
    except ValueError:
        quando = None
    if quando is None:
        return f"data e hora inválidas {citar(valor)} (use AAAA-MM-DDTHH:MM:SS)"
    return _na_faixa(quando.date())


def _na_faixa(dia: date) -> str | None:
    inicio, fim = faixa_de_datas()
    if not inicio <= dia <= fim:
        return (
            f"data {data_curta(dia)} fora do intervalo aceito "
            f"({data_curta(inicio)} a {data_curta(fim)})"
        )
    return None


def _um_de(opcoes: Iterable[str] | Callable[[], Iterable[str]]) -> Checagem:
    def checar(valor) -> str | None:
        conhecidas = opcoes() if callable(opcoes) else opcoes
        if not isinstance(valor, str) or valor not in conhecidas:
            return f"valor desconhecido {citar(valor)}"
        return None

    return checar


def _texto(limite: int, obrigatorio: bool = False) -> Checagem:
    def checar(valor) -> str | None:
        if not isinstance(valor, str):
            return f"deveria ser um texto, não {citar(valor)}"
        if obrigatorio and not valor.strip():
            return "não pode ficar vazio"
        if len(valor) > limite:
            return f"texto longo demais ({len(valor)} caracteres; máximo {limite})"
        problema = problema_de_caracteres("texto", valor)
        return problema.removeprefix("texto: ") if problema else None

    checar.textual = True  # type: ignore[attr-defined]
    return checar


def _sha256(valor) -> str | None:
    if not isinstance(valor, str) or (valor and not _HEX64.fullmatch(valor)):
        return "resumo SHA-256 inválido (64 dígitos hexadecimais)"
    return None


def _itens_autodiagnostico() -> set[str]:
    from pacto.domain.autodiagnostico import itens_por_chave

    return set(itens_por_chave())


def _respostas_autodiagnostico() -> set[str]:
    from pacto.domain.autodiagnostico import RESPOSTAS

    return set(RESPOSTAS)


def _situacoes_checklist() -> set[str]:
    from pacto.domain.checklist import SITUACOES

    return set(SITUACOES)


def _indicadores() -> set[str]:
    from pacto.domain.indicadores import definicoes

    return {i.chave for i in definicoes()}


def _blocos() -> set[str]:
    from pacto.domain.netp import blocos

    return {b.chave for b in blocos()}


def _situacoes_passo() -> set[str]:
    from pacto.domain.processo import SITUACOES

    return set(SITUACOES)


def _situacoes_adesao() -> set[str]:
    from pacto.domain.adesao import COLUNA_DATA

    return set(COLUNA_DATA)


_CURTO = _texto(LIMITE_CAMPO_CURTO)
_LONGO = _texto(LIMITE_TEXTO)
_ID = _inteiro()

# table -> column -> (check, required). Problems of dates, numbers, keys and references break
# the screens that read the row; those of free text (length, control characters) do not.
COLUNAS: dict[str, dict[str, tuple[Checagem, bool]]] = {
    "configuracoes": {"chave": (_texto(LIMITE_CAMPO_CURTO, True), True), "valor": (_LONGO, True)},
    "grupo_trabalho": {"instituicao_id": (_ID, True), "desde": (_data, False)},
    "autodiagnostico_rodadas": {
        "id": (_ID, True),
        "realizada_em": (_data, True),
        "metodo": (_CURTO, False),
        "participantes": (_LONGO, False),
    },
    "autodiagnostico_respostas": {
        "id": (_ID, False),
        "rodada_id": (_ID, True),
        "item": (_um_de(_itens_autodiagnostico), True),
        "valor": (_um_de(_respostas_autodiagnostico), True),
        "nota": (_LONGO, False),
        "evidencia": (_LONGO, False),
    },
    "ajustes_passos": {
        "tipo": (_um_de(("pactuacao", "elaboracao")), True),
        "numero": (_inteiro(1, 14), True),
        "situacao": (_um_de(_situacoes_passo), True),
        "justificativa": (_texto(LIMITE_TEXTO, True), True),
        "registrado_em": (_momento, True),
    },
    "netp_envios": {
        "id": (_ID, True),
        "mes": (_mes, True),
        "instituicao_id": (_ID, True),
        "recebido_em": (_momento, True),
        "arquivo_sha256": (_sha256, False),
    },
    "netp_contagens": {
        "envio_id": (_ID, True),
        "bloco": (_um_de(_blocos), True),
        "linha": (_texto(LIMITE_CAMPO_CURTO, True), True),
        "coluna": (_texto(LIMITE_CAMPO_CURTO, True), True),
        "quantidade": (_inteiro(0, LIMITE_CONTAGEM), True),
    },
    "checklist_respostas": {
        "mes": (_mes, True),
        "item": (_texto(LIMITE_CAMPO_CURTO, True), True),
        "situacao": (_um_de(_situacoes_checklist), True),
        "nota": (_LONGO, False),
        "instituicao_id": (_ID, False),
    },
    "indicador_metas": {
        "indicador": (_um_de(_indicadores), True),
        "periodo": (_periodo, True),
        "valor": (_valor_indicador, True),
    },
    "indicador_valores": {
        "indicador": (_um_de(_indicadores), True),
        "periodo": (_mes, True),
        "valor": (_valor_indicador, True),
        "origem": (_um_de(("automatico", "manual")), True),
    },
    "adesoes": {
        "id": (_ID, False),
        "instituicao_id": (_ID, True),
        "versao_numero": (_inteiro(1, LIMITE_ID), True),
        "situacao": (_um_de(_situacoes_adesao), True),
        "convidada_em": (_data, False),
        "termo_enviado_em": (_data, False),
        "assinado_em": (_data, False),
        "recusado_em": (_data, False),
        "desligada_em": (_data, False),
        "signatario": (_CURTO, False),
        "cargo": (_CURTO, False),
        "processo": (_CURTO, False),
        "diario_oficial": (_CURTO, False),
        "arquivo": (_texto(4096), False),
        "arquivo_sha256": (_sha256, False),
        "atualizado_em": (_momento, False),
    },
    "avaliacoes": {
        "id": (_ID, False),
        "reuniao_id": (_ID, True),
        "periodicidade": (_um_de(("semestral", "anual")), True),
        "funciona": (_LONGO, False),
        "melhorar": (_LONGO, False),
        "descontinuar": (_LONGO, False),
    },
}
# (table, column) -> which set of `Referencias` it points to
REFERENCIAS = {
    ("grupo_trabalho", "instituicao_id"): "instituicoes",
    ("autodiagnostico_respostas", "rodada_id"): "rodadas",
    ("netp_envios", "instituicao_id"): "instituicoes",
    ("netp_contagens", "envio_id"): "envios",
    ("checklist_respostas", "instituicao_id"): "instituicoes",
    ("adesoes", "instituicao_id"): "instituicoes",
    ("adesoes", "versao_numero"): "versoes",
}
_ALVOS = {
    "instituicoes": "nenhuma instituição",
    "rodadas": "nenhuma rodada do autodiagnóstico",
    "envios": "nenhum envio ao NETP",
    "versoes": "nenhuma versão congelada",
}


def onde(tabela: str, linha: int, campo: str | None = None) -> str:
    """'ajustes dos passos (ajustes_passos), linha 3, campo “registrado_em”'."""
    texto = f"{NOMES_TABELAS.get(tabela, tabela)} ({tabela}), linha {linha}"
    return f"{texto}, campo “{campo}”" if campo else texto


def problemas_da_linha(
    tabela: str,
    linha: dict,
    refs: Referencias | None = None,
    textos: bool = True,
    parcial: bool = False,
) -> list[tuple[str, str]]:
    """(field, problem) pairs of one row; `refs` None skips references, `textos` False skips the
    checks of free text (length, control characters), which never break a screen, and
    `parcial` checks only the fields given."""
    colunas = COLUNAS[tabela]
    problemas: list[tuple[str, str]] = []
    for campo in linha:
        if campo not in colunas:
            problemas.append((campo, "campo desconhecido"))
    for campo, (checar, obrigatorio) in colunas.items():
        if parcial and campo not in linha:
            continue
        valor = linha.get(campo)
        if valor is None:
            if obrigatorio:
                problemas.append((campo, "campo obrigatório ausente"))
            continue
        if not textos and getattr(checar, "textual", False):
            if not isinstance(valor, str):
                problemas.append((campo, f"deveria ser um texto, não {citar(valor)}"))
            continue
        problema = checar(valor)
        if problema:
            problemas.append((campo, problema))
            continue
        alvo = REFERENCIAS.get((tabela, campo))
        if refs is not None and alvo and valor not in getattr(refs, alvo):
            problemas.append((campo, f"{valor} não corresponde a {_ALVOS[alvo]}"))
    if tabela == "netp_contagens" and not problemas and {"bloco", "linha", "coluna"} <= set(linha):
        problemas += _celula_netp(linha)
    if tabela == "ajustes_passos" and not problemas and linha.get("tipo") == "pactuacao":
        if linha.get("numero", 0) > 6:
            problemas.append(("numero", "a pactuação tem os passos 1 a 6"))
    return problemas


def contagem_valida(quantidade) -> bool:
    """True when a stored NETP count can be added up (a quick path for the many count rows;
    labels a network's adapted models no longer use are harmless and kept)."""
    return type(quantidade) is int and 0 <= quantidade <= LIMITE_CONTAGEM


def _celula_netp(linha: dict) -> list[tuple[str, str]]:
    from pacto.domain.netp import bloco

    b = bloco(linha["bloco"])
    if linha["linha"] not in b.linhas:
        return [("linha", f"linha desconhecida no formulário: {citar(linha['linha'])}")]
    if linha["coluna"] not in b.colunas:
        return [("coluna", f"coluna desconhecida no formulário: {citar(linha['coluna'])}")]
    return []


def linha_valida(tabela: str, linha: dict) -> bool:
    """True when the given fields of a stored row can be shown: no problem of date, number, key
    or type (free texts are not checked); readers skip a row that fails, the check reports it."""
    return not problemas_da_linha(tabela, linha, textos=False, parcial=True)


def _ids(linhas: list) -> set[int]:
    """The whole-number ids of some rows (other values are reported by the row checks)."""
    return {
        linha["id"] for linha in linhas if isinstance(linha, dict) and type(linha.get("id")) is int
    }


def problemas_das_tabelas(
    tabelas: dict[str, list[dict]], refs: Referencias, textos: bool = True
) -> list[str]:
    """Every problem of the rows of the extra tables, each naming table, row and field."""
    refs = Referencias(refs.instituicoes, refs.versoes, set(refs.rodadas), set(refs.envios))
    refs.rodadas |= _ids(tabelas.get("autodiagnostico_rodadas", []))
    refs.envios |= _ids(tabelas.get("netp_envios", []))
    problemas: list[str] = []
    for tabela in COLUNAS:
        chaves: set = set()
        for n, linha in enumerate(tabelas.get(tabela, []), start=1):
            for campo, problema in problemas_da_linha(tabela, linha, refs, textos):
                problemas.append(f"{onde(tabela, n, campo)}: {problema}.")
            chave = _chave_unica(tabela, linha)
            if chave is not None:
                if chave in chaves:
                    problemas.append(f"{onde(tabela, n)}: registro repetido.")
                chaves.add(chave)
    return problemas


_UNICAS = {
    "configuracoes": ("chave",),
    "grupo_trabalho": ("instituicao_id",),
    "autodiagnostico_rodadas": ("id",),
    "autodiagnostico_respostas": ("rodada_id", "item"),
    "ajustes_passos": ("tipo", "numero"),
    "netp_envios": ("mes", "instituicao_id"),
    "netp_contagens": ("envio_id", "bloco", "linha", "coluna"),
    "checklist_respostas": ("mes", "item"),
    "indicador_metas": ("indicador", "periodo"),
    "indicador_valores": ("indicador", "periodo"),
    "adesoes": ("instituicao_id", "versao_numero"),
    "avaliacoes": ("reuniao_id",),
}


def _chave_unica(tabela: str, linha: dict) -> tuple | None:
    try:
        chave = tuple(linha.get(c) for c in _UNICAS[tabela])
        hash(chave)
    except TypeError:
        return None
    return None if None in chave else chave
