"""Every TUI action that changes data has a CLI twin, and every twin is a real command."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date
from types import SimpleNamespace

import click
import pytest
from textual.binding import Binding
from textual.screen import ModalScreen

import pacto.tui
from pacto.cli import pacto as raiz
from pacto.domain.processo import CONCLUIDO, NAO_INICIADO, Evidencias, Passo
from pacto.domain.roteiro import ACOES_PACTUACAO, proximo_passo
from pacto.tui.gemeos_cli import (
    ACOES_GENERICAS,
    CLASSES_GENERICAS,
    GEMEOS_PALETA,
    GEMEOS_TECLAS,
    PALETA_SO_NAVEGA_PREFIXOS,
    PROXIMOS_PASSOS,
    SO_NAVEGAM,
)


def _acoes_das_teclas() -> dict[tuple[str, str], type]:
    """(class, action) of every key binding declared by a class of pacto.tui."""
    achadas = {}
    for modulo in pkgutil.iter_modules(pacto.tui.__path__):
        mod = importlib.import_module(f"pacto.tui.{modulo.name}")
        for nome, cls in inspect.getmembers(mod, inspect.isclass):
            if cls.__module__ != mod.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", None) or []:
                acao = binding.action if isinstance(binding, Binding) else binding[1]
                achadas[(nome, acao)] = cls
    return achadas


def _comandos_da_paleta(caminho_vazio) -> list[str]:
    from pacto.store import Workspace
    from pacto.tui.app import PactoApp
    from pacto.tui.commands import ComandosPacto

    with Workspace.abrir(caminho_vazio) as ws:
        app = PactoApp(ws)
        return [nome for nome, _, _ in ComandosPacto._comandos(SimpleNamespace(app=app))]


def _resolver(caminho: str) -> click.Command | None:
    """The click command at a path such as “atores adicionar”, or None."""
    comando: click.Command = raiz
    ctx = click.Context(raiz, info_name="pacto")
    for parte in caminho.split():
        if not isinstance(comando, click.Group):
            return None
        comando = comando.get_command(ctx, parte)
        if comando is None:
            return None
        ctx = click.Context(comando, parent=ctx, info_name=parte)
    return comando


def test_every_binding_that_changes_data_has_a_cli_twin():
    sem_gemeo = []
    for (classe, acao), cls in _acoes_das_teclas().items():
        if (classe, acao) in GEMEOS_TECLAS or (classe, acao) in SO_NAVEGAM:
            continue
        if classe in CLASSES_GENERICAS or acao.startswith("ir_para("):
            continue
        if acao in ACOES_GENERICAS and issubclass(cls, ModalScreen):
            continue  # a form's save/cancel or a yes/no: the twin is the action that opened it
        sem_gemeo.append(f"{classe}.{acao}")
    assert not sem_gemeo, (
        "Ações da TUI sem comando gêmeo na CLI (acrescente em pacto/tui/gemeos_cli.py): "
        + ", ".join(sorted(sem_gemeo))
    )


def test_the_table_names_only_bindings_that_exist():
    existentes = set(_acoes_das_teclas())
    sobrando = (set(GEMEOS_TECLAS) | SO_NAVEGAM) - existentes
    assert not sobrando, f"entradas para teclas que não existem mais: {sorted(sobrando)}"


def test_every_palette_entry_that_changes_data_has_a_cli_twin(caminho_vazio):
    nomes = _comandos_da_paleta(caminho_vazio)
    sem_gemeo = [
        n for n in nomes if n not in GEMEOS_PALETA and not n.startswith(PALETA_SO_NAVEGA_PREFIXOS)
    ]
    assert not sem_gemeo, f"comandos da paleta sem gêmeo na CLI: {sem_gemeo}"
    assert set(GEMEOS_PALETA) <= set(nomes), set(GEMEOS_PALETA) - set(nomes)


def _todos_os_gemeos() -> set[str]:
    caminhos = {c for gemeos in GEMEOS_TECLAS.values() for c in gemeos}
    caminhos |= {c for gemeos in GEMEOS_PALETA.values() for c in gemeos}
    caminhos |= {c for _, gemeos in PROXIMOS_PASSOS.values() for c in gemeos}
    return caminhos


@pytest.mark.parametrize("caminho", sorted(_todos_os_gemeos()))
def test_every_twin_is_a_command_of_the_cli(caminho):
    assert _resolver(caminho) is not None, f"“pacto {caminho}” não existe"


def test_the_resolver_fails_for_a_command_that_does_not_exist():
    assert _resolver("atores adicionar") is not None
    assert _resolver("atores inventado") is None
    assert _resolver("rede mostrar extra") is None


def _passos(situacoes: list[str]) -> list[Passo]:
    return [Passo(n, f"Passo {n}", s, "motivo", "painel") for n, s in enumerate(situacoes, 1)]


def test_every_next_step_can_be_done_from_the_palette_and_the_cli(caminho_vazio):
    hoje = date(2026, 11, 26)
    possiveis = set(ACOES_PACTUACAO.values())
    possiveis.add(proximo_passo(Evidencias(hoje=hoje), [])["acao"])
    possiveis.add(
        proximo_passo(Evidencias(hoje=hoje, instituicoes_mapeadas=1), _passos([CONCLUIDO] * 6))[
            "acao"
        ]
    )
    ev = Evidencias(hoje=hoje, instituicoes_mapeadas=3, sem_titular=2)
    possiveis.add(proximo_passo(ev, _passos([CONCLUIDO] * 2 + [NAO_INICIADO] * 4))["acao"])
    assert possiveis <= set(PROXIMOS_PASSOS), possiveis - set(PROXIMOS_PASSOS)
    paleta = set(_comandos_da_paleta(caminho_vazio))
    for acao, (entrada, _) in PROXIMOS_PASSOS.items():
        assert entrada in paleta, f"“{acao}”: a paleta não tem “{entrada}”"
