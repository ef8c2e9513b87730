"""The sandbox every Word template renders in: no Python internals, bounded loops, a time limit.

A template is a file from outside (a user's adapted folder), so it is treated as untrusted
code. It renders in Jinja's `ImmutableSandboxedEnvironment` (no ``__class__``, no
``__globals__``, no mutation of the data), without the ``cycler``, ``joiner``, ``lipsum`` and
``namespace`` globals, and with a budget per document: every loop turn, call, attribute
lookup and output chunk costs one step, checked against `LIMITE_PASSOS` and a `LIMITE_SEGUNDOS`
deadline. The budget is per thread (no signals), so it works in TUI workers. ``range`` is
capped at `LIMITE_RANGE` items, and the operations that can build a huge value in one step
(repetition, powers, ``replace``, ``join``, widths in ``format``/``center``/``indent``) are
bounded before they run. `riscos_modelo.riscos` finds the same dangers statically.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from dataclasses import dataclass

from pacto.domain.errors import ErroDocumento

LIMITE_SEGUNDOS = 20.0  # per document
LIMITE_PASSOS = 500_000  # loop turns + calls + lookups + output chunks; a real document uses ~3,000
LIMITE_RANGE = 10_000  # items of one range(...)
LIMITE_NUMERO = 100_000  # an integer argument of a call or filter (a width, a count)
LIMITE_TEXTO = 5_000_000  # characters of a value built in one step, and of a document's text
GLOBAIS_RETIRADOS = ("cycler", "joiner", "lipsum", "namespace")
NOME_DA_VOLTA = "pacto_volta_de_laco"  # the hook injected at the top of every loop body

_local = threading.local()


class LimiteExcedido(Exception):
    """A template went over its budget (time, steps, loop or value size); the message says which."""


@dataclass
class Orcamento:
    """The steps and the deadline left to the document being rendered on this thread."""

    prazo: float
    passos: int = 0

    def passo(self) -> None:
        self.passos += 1
        if self.passos > LIMITE_PASSOS:
            raise LimiteExcedido(
                f"o modelo repete ou chama coisas demais (mais de {LIMITE_PASSOS:,} passos)".replace(
                    ",", "."
                )
            )
        if self.passos % 512 == 0 and time.monotonic() > self.prazo:
            raise LimiteExcedido(
                f"o preenchimento passou de {LIMITE_SEGUNDOS:g} segundos e foi interrompido"
            )


def passo() -> None:
    """Charge one step to the document being rendered on this thread (no-op outside a render)."""
    orcamento = getattr(_local, "orcamento", None)
    if orcamento is not None:
        orcamento.passo()


class orcamento_de_render:  # noqa: N801 - used as a context manager, reads like a statement
    """Give the current thread a fresh budget for one document."""

    def __enter__(self):
        self.anterior = getattr(_local, "orcamento", None)
        _local.orcamento = Orcamento(time.monotonic() + LIMITE_SEGUNDOS)
        return _local.orcamento

    def __exit__(self, *_exc):
        _local.orcamento = self.anterior


# -- bounded building blocks -----------------------------------------------------------------


def _tamanho(valor) -> int:
    try:
        return len(valor) if isinstance(valor, str | bytes | list | tuple) else 0
    except TypeError:
        return 0


def _conferir_argumentos(onde: str, args, kwargs) -> None:
    """Refuse integers and texts too big to be a width, a count or a piece of a document."""
    for valor in (*args, *kwargs.values()):
        if isinstance(valor, int) and not isinstance(valor, bool) and abs(valor) > LIMITE_NUMERO:
            raise LimiteExcedido(f"{onde} recebeu um número grande demais ({curto(valor)})")
        if _tamanho(valor) > LIMITE_TEXTO:
            raise LimiteExcedido(f"{onde} recebeu um texto ou lista grande demais")


# str methods whose integer argument never makes the result bigger than the text
_METODOS_QUE_ENCOLHEM = frozenset(
    "split rsplit splitlines startswith endswith find rfind index rindex count replace".split()
)


def _quantos(valor) -> int:
    """How many items a sized value has (0 when it has no length)."""
    try:
        return len(valor)
    except (TypeError, OverflowError):
        return 0


def curto(numero: int) -> str:
    texto = str(numero) if numero.bit_length() < 200 else "10^…"
    return texto if len(texto) <= 20 else texto[:17] + "…"


def range_limitado(*args):
    """range(...) with at most `LIMITE_RANGE` items."""
    passo()
    for valor in args:
        if not isinstance(valor, int) or isinstance(valor, bool):
            raise LimiteExcedido("range() aceita só números inteiros")
    try:
        intervalo = range(*args)
        tamanho = len(intervalo)
    except (OverflowError, ValueError, TypeError) as erro:
        raise LimiteExcedido(f"range() grande demais (limite: {LIMITE_RANGE} itens)") from erro
    if tamanho > LIMITE_RANGE:
        raise LimiteExcedido(f"range() grande demais (limite: {LIMITE_RANGE} itens)")
    return intervalo


def volta_de_laco() -> str:
    """The hook at the top of every loop body: one step per turn."""
    passo()
    return ""


_LARGURA_EM_FORMATO = re.compile(r"(\d{5,})")


def conferir_formato(formato) -> None:
    """Refuse a format string asking for a width or precision of 10000 characters or more."""
    if isinstance(formato, str) and any(
        int(n) >= 10_000 for n in _LARGURA_EM_FORMATO.findall(formato)
    ):
        raise LimiteExcedido("o formato pede uma largura grande demais")


def _conferir_substituicao(valor, antigo, novo) -> None:
    if isinstance(valor, str) and isinstance(antigo, str) and isinstance(novo, str):
        vezes = len(valor) + 1 if antigo == "" else valor.count(antigo)
        if len(valor) + vezes * len(novo) > LIMITE_TEXTO:
            raise LimiteExcedido("a substituição de texto geraria um texto grande demais")


def _filtro_limitado(nome: str, filtro):
    """A filter that charges a step and refuses arguments able to build a huge value."""

    @functools.wraps(filtro)
    def limitado(*args, **kwargs):
        passo()
        dados = [a for a in args if not _eh_contexto(a)]
        _conferir_argumentos(f"o filtro “{nome}”", dados[1:], kwargs)
        if dados and _tamanho(dados[0]) > LIMITE_TEXTO:
            raise LimiteExcedido(f"o filtro “{nome}” recebeu um texto grande demais")
        if nome == "format" and dados:
            conferir_formato(dados[0])
        if nome == "replace" and len(dados) >= 3:
            _conferir_substituicao(dados[0], dados[1], dados[2])
        if nome == "indent" and dados and isinstance(dados[0], str):
            largura = dados[1] if len(dados) > 1 else kwargs.get("width", 4)
            largura = largura if isinstance(largura, int) else len(str(largura))
            if (dados[0].count("\n") + 1) * largura > LIMITE_TEXTO:
                raise LimiteExcedido("o filtro “indent” geraria um texto grande demais")
        if nome == "join" and dados:
            separador = dados[1] if len(dados) > 1 else kwargs.get("d", "")
            if _quantos(dados[0]) * _tamanho(separador) > LIMITE_TEXTO:
                raise LimiteExcedido("o filtro “join” geraria um texto grande demais")
        return filtro(*args, **kwargs)

    return limitado


def _eh_contexto(valor) -> bool:
    from jinja2.environment import Environment
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    return isinstance(valor, Context | Environment | EvalContext)


# -- the environment ---------------------------------------------------------------------------

_LIMITE_CACHE = 64
_ambiente = None
_lock = threading.Lock()


def ambiente():
    """The sandboxed Jinja environment of every template (built once, shared by all threads).

    Autoescape on, a few Portuguese filters, and the compiled form of each template part kept,
    so a batch of 300 Termos compiles the template's XML once instead of 300 times.
    """
    global _ambiente
    with _lock:
        if _ambiente is None:
            _ambiente = _construir()
    return _ambiente


def _construir():
    from jinja2.exceptions import SecurityError
    from jinja2.ext import Extension
    from jinja2.lexer import Token
    from jinja2.loaders import FunctionLoader
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from pacto.domain.redacao import data_por_extenso, numero_por_extenso

    class VoltaDeLaco(Extension):
        """Put `{{ pacto_volta_de_laco() }}` at the top of every `{% for %}` body."""

        def filter_stream(self, stream):
            anterior = None
            dentro_de_for = False
            for token in stream:
                yield token
                if anterior is not None and anterior.type == "block_begin":
                    dentro_de_for = token.type == "name" and token.value == "for"
                if dentro_de_for and token.type == "block_end":
                    dentro_de_for = False
                    linha = token.lineno
                    yield Token(linha, "variable_begin", "{{")
                    yield Token(linha, "name", NOME_DA_VOLTA)
                    yield Token(linha, "lparen", "(")
                    yield Token(linha, "rparen", ")")
                    yield Token(linha, "variable_end", "}}")
                anterior = token

    class AmbienteSeguro(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "//", "%"})

        def __init__(self):
            # a loader that finds nothing: {% include %}, {% import %} and {% extends %} read
            # no file (a clear "not found" instead of a crash for want of a loader)
            super().__init__(
                autoescape=True, extensions=[VoltaDeLaco], loader=FunctionLoader(lambda _n: None)
            )
            self.compilados: dict[str, object] = {}

        def from_string(self, source, globals=None, template_class=None):
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            modelo = self.compilados.get(source)
            if modelo is None:
                if len(self.compilados) >= _LIMITE_CACHE:
                    self.compilados.clear()
                modelo = self.compilados[source] = super().from_string(source)
            return modelo

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
            passo()
            if __obj is not range_limitado:  # range says it in its own words
                _conferir_argumentos("uma chamada no modelo", args, kwargs)
            nome = getattr(__obj, "__name__", "")
            dono = getattr(__obj, "__self__", None)
            if isinstance(dono, str) and nome not in _METODOS_QUE_ENCOLHEM:
                for valor in (*args, *kwargs.values()):
                    if isinstance(valor, int) and (len(dono) + 1) * abs(valor) > LIMITE_TEXTO:
                        raise LimiteExcedido(f"“{nome}” geraria um texto grande demais")
            if nome == "replace" and isinstance(getattr(__obj, "__self__", None), str):
                if len(args) >= 2:
                    _conferir_substituicao(__obj.__self__, args[0], args[1])
            if nome == "join" and isinstance(getattr(__obj, "__self__", None), str) and args:
                if _quantos(args[0]) * len(__obj.__self__) > LIMITE_TEXTO:
                    raise LimiteExcedido("“join” geraria um texto grande demais")
            return super().call(__context, __obj, *args, **kwargs)

        def wrap_str_format(self, value):
            formatador = super().wrap_str_format(value)
            if formatador is not None:
                conferir_formato(value.__self__)
            return formatador

        def unsafe_undefined(self, obj, attribute):
            # Jinja returns an empty value and lets the document go on; pacto stops it
            raise SecurityError(f"atributo interno “{attribute}”")

        def getattr(self, obj, attribute):
            passo()
            return super().getattr(obj, attribute)

        def getitem(self, obj, argument):
            passo()
            return super().getitem(obj, argument)

        def call_binop(self, context, operator, left, right):
            passo()
            conferir_operacao(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def concat(self, partes):  # type: ignore[override]
            total = 0
            saida = []
            for parte in partes:
                passo()
                total += len(parte)
                if total > LIMITE_TEXTO:
                    raise LimiteExcedido("o documento preenchido ficaria grande demais")
                saida.append(parte)
            return "".join(saida)

    env = AmbienteSeguro()
    for nome in GLOBAIS_RETIRADOS:
        env.globals.pop(nome, None)
    env.globals["range"] = range_limitado
    env.globals[NOME_DA_VOLTA] = volta_de_laco
    env.filters["por_extenso"] = numero_por_extenso
    env.filters["data_por_extenso"] = data_por_extenso
    for nome, filtro in list(env.filters.items()):
        env.filters[nome] = _filtro_limitado(nome, filtro)
    return env


def conferir_operacao(operador: str, esquerda, direita) -> None:
    """Refuse an arithmetic step whose result alone would be huge (10**10**10, 'x' * 10**9)."""
    numeros = all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in (esquerda, direita)
    )
    if operador == "**" and numeros:
        bits = int(abs(esquerda)).bit_length()
        if abs(direita) > 10_000 or (bits > 1 and bits * abs(direita) > 1_000_000):
            raise LimiteExcedido("uma potência grande demais")
    elif operador == "*":
        if numeros:
            bits = sum(int(abs(v)).bit_length() for v in (esquerda, direita))
            if bits > 100_000:
                raise LimiteExcedido("uma multiplicação grande demais")
        else:
            vezes = next((v for v in (esquerda, direita) if isinstance(v, int)), 1)
            base = max(_tamanho(esquerda), _tamanho(direita))
            if abs(vezes) * base > LIMITE_TEXTO:
                raise LimiteExcedido("uma repetição de texto ou lista grande demais")
    elif operador == "+":
        if _tamanho(esquerda) + _tamanho(direita) > LIMITE_TEXTO:
            raise LimiteExcedido("uma soma de textos grande demais")
    elif operador == "%" and isinstance(esquerda, str):
        conferir_formato(esquerda)


def erro_de_limite(nome: str, erro: Exception) -> ErroDocumento:
    """The Portuguese message for a template stopped by the sandbox or its budget."""
    from jinja2.exceptions import SecurityError

    if isinstance(erro, SecurityError):
        qual = f" ({erro})" if str(erro).startswith("atributo interno") else ""
        motivo = f"tenta acessar partes internas do Python{qual}, o que o pacto não permite"
    elif isinstance(erro, RecursionError):
        motivo = "chama a si mesmo sem fim (uma macro que se chama)"
    elif isinstance(erro, MemoryError):
        motivo = "pediu memória demais"
    else:
        motivo = str(erro)
    return ErroDocumento(
        f"O modelo “{nome}” foi recusado: {motivo}. Nenhum documento foi gravado. Confira o "
        "modelo com “pacto modelos verificar” ou volte ao modelo padrão com “pacto modelos "
        "usar --padrao”."
    )
