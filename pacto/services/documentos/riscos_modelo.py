"""The static check of a template for `pacto modelos verificar`: what the sandbox would refuse.

It reads the parsed template only (nothing runs), so a hostile template can be checked safely.
"""

from __future__ import annotations

from pacto.services.documentos.sandbox import (
    GLOBAIS_RETIRADOS,
    LIMITE_PASSOS,
    LIMITE_RANGE,
    LimiteExcedido,
    ambiente,
    conferir_formato,
    conferir_operacao,
    curto,
)


def riscos(arvore) -> list[str]:
    """What in a parsed template the sandbox would refuse or stop, in Portuguese, one per line.

    Reported: attributes or keys of Python internals (``__class__``, ``_x``), the globals pacto
    does not offer (``cycler``, ``joiner``, ``lipsum``, ``namespace``), unknown filters and
    tests, ``range`` loops larger than `LIMITE_RANGE` or of a size the template computes,
    recursive loops and macros that call themselves.
    """
    from jinja2 import nodes

    env = ambiente()
    achados: list[str] = []

    def anotar(texto: str) -> None:
        if texto not in achados:
            achados.append(texto)

    for no in arvore.find_all(nodes.Getattr):
        if no.attr.startswith("_"):
            anotar(f"acesso a atributo interno do Python “{no.attr}” (linha {no.lineno})")
    for no in arvore.find_all(nodes.Getitem):
        chave = no.arg.value if isinstance(no.arg, nodes.Const) else None
        if isinstance(chave, str) and chave.startswith("_"):
            anotar(f"acesso a atributo interno do Python “{chave}” (linha {no.lineno})")
    for no in arvore.find_all(nodes.Name):
        if no.name in GLOBAIS_RETIRADOS:
            anotar(f"uso de “{no.name}”, que o pacto não oferece nos modelos (linha {no.lineno})")
    for no in arvore.find_all(nodes.Filter):
        if no.name not in env.filters:
            anotar(f"filtro desconhecido “{no.name}” (linha {no.lineno})")
    for no in arvore.find_all(nodes.Test):
        if no.name not in env.tests:
            anotar(f"teste desconhecido “{no.name}” (linha {no.lineno})")
    for no in arvore.find_all(nodes.For):
        if no.recursive:
            anotar(f"laço recursivo (“recursive”) (linha {no.lineno})")
        chamadas = [no.iter] if isinstance(no.iter, nodes.Call) else []
        for chamada in [*chamadas, *no.iter.find_all(nodes.Call)]:
            if isinstance(chamada.node, nodes.Name) and chamada.node.name == "range":
                anotar(_risco_de_range(chamada))
        externo = _voltas(no)
        for interno in no.find_all(nodes.For):
            if externo and (_voltas(interno) or 0) * externo > LIMITE_PASSOS:
                anotar(
                    f"laços aninhados com voltas demais (linha {no.lineno}); o pacto "
                    f"interrompe acima de {LIMITE_PASSOS} passos"
                )
    for no in arvore.find_all(nodes.BinExpr):
        try:
            _constante(no)
        except LimiteExcedido as erro:
            anotar(f"{erro} (linha {no.lineno})")
        except _NaoConstante:
            pass
    for no in arvore.find_all(nodes.Getattr):
        if no.attr in ("format", "format_map") and isinstance(no.node, nodes.Const):
            try:
                conferir_formato(no.node.value)
            except LimiteExcedido as erro:
                anotar(f"{erro} (linha {no.lineno})")
    for no in arvore.find_all(nodes.Filter):
        if no.name == "format" and isinstance(no.node, nodes.Const):
            try:
                conferir_formato(no.node.value)
            except LimiteExcedido as erro:
                anotar(f"{erro} (linha {no.lineno})")
    for no in arvore.find_all((nodes.Call, nodes.Filter)):
        for argumento in [*no.args, *(k.value for k in no.kwargs)]:
            valor = argumento.value if isinstance(argumento, nodes.Const) else None
            if isinstance(no, nodes.Filter) and isinstance(valor, str) and valor.startswith("_"):
                anotar(f"acesso a atributo interno do Python “{valor}” (linha {no.lineno})")
            if isinstance(valor, int) and not isinstance(valor, bool) and abs(valor) > 10_000:
                anotar(f"número grande demais como argumento ({curto(valor)}) (linha {no.lineno})")
    for no in arvore.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        anotar(f"leitura de outro arquivo de modelo, que o pacto não permite (linha {no.lineno})")
    for macro in arvore.find_all(nodes.Macro):
        for chamada in macro.find_all(nodes.Call):
            if isinstance(chamada.node, nodes.Name) and chamada.node.name == macro.name:
                anotar(f"a macro “{macro.name}” chama a si mesma (linha {chamada.lineno})")
    return [a for a in achados if a]


class _NaoConstante(Exception):
    pass


def _constante(no):
    """The value of a constant expression, computed with the sandbox's size checks.

    Raises `LimiteExcedido` for a constant the sandbox would refuse (``'x' * 10**9``) and
    `_NaoConstante` for an expression that depends on the data.
    """
    from jinja2 import nodes

    if isinstance(no, nodes.Const):
        return no.value
    if isinstance(no, nodes.BinExpr):
        from jinja2.nodes import _binop_to_func

        esquerda, direita = _constante(no.left), _constante(no.right)
        conferir_operacao(no.operator, esquerda, direita)
        try:
            return _binop_to_func[no.operator](esquerda, direita)
        except (ArithmeticError, TypeError, ValueError) as erro:
            raise _NaoConstante from erro
    raise _NaoConstante


def _voltas(laco) -> int | None:
    """How many turns a `{% for … in range(constants) %}` makes, or None when not known."""
    from jinja2 import nodes

    chamada = laco.iter
    if not (
        isinstance(chamada, nodes.Call)
        and isinstance(chamada.node, nodes.Name)
        and chamada.node.name == "range"
    ):
        return None
    try:
        return len(range(*[_constante(a) for a in chamada.args]))
    except (_NaoConstante, LimiteExcedido, TypeError, ValueError, OverflowError):
        return None


def _risco_de_range(chamada) -> str:
    """'' for a range of known small size, else why the loop is unbounded."""
    try:
        limites = [_constante(a) for a in chamada.args]
    except (_NaoConstante, LimiteExcedido):
        limites = None
    if limites is None or chamada.kwargs or chamada.dyn_args or chamada.dyn_kwargs:
        return (
            f"laço com range() de tamanho calculado no modelo (linha {chamada.lineno}); "
            f"o pacto interrompe acima de {LIMITE_RANGE} voltas"
        )
    try:
        tamanho = len(range(*limites))
    except (TypeError, ValueError, OverflowError):
        tamanho = LIMITE_RANGE + 1
    if tamanho > LIMITE_RANGE:
        return f"laço grande demais: range() com mais de {LIMITE_RANGE} voltas (linha {chamada.lineno})"
    return ""
