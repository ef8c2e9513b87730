"""The help screen: every key of the interface, in Portuguese, read from the bindings themselves."""

from __future__ import annotations

import importlib

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from pacto.tui.sections import SECOES

TECLAS_GERAIS = (
    ("1 … 0", "Ir para a seção de mesmo número"),
    ("Tab / Shift+Tab", "Passar de um campo ou lista para outro"),
    ("↑ ↓ PgUp PgDn", "Mover na lista ou tabela"),
    ("/", "Buscar na seção Rede"),
    ("v", "Versões do fluxo: congelar e ver o que mudou"),
    ("a p t m", "Rede: Atores, Pontos focais, Atribuições, Encaminhamentos"),
    ("Enter", "Rede: editar a linha ou a célula da matriz"),
    ("Ctrl+S", "Salvar o formulário aberto"),
    ("Enter (em Documentos)", "Gerar o documento destacado (p liga ou desliga o PDF)"),
    ("Ctrl+P", "Paleta de comandos: todas as ações do pacto"),
    ("F5", "Reler o workspace (as telas já se atualizam sozinhas)"),
    ("Ctrl+O", "Importar planilha de atores (.xlsx ou .csv)"),
    ("F2", "Modo reunião: a reunião de hoje ou a próxima planejada"),
    ("?", "Esta ajuda"),
    ("Esc", "Fechar a janela de cima (formulário preenchido: pergunta antes)"),
    ("letras numa lista", "Buscar a opção que contém o que se digita"),
    ("q ou Ctrl+Q", "Sair do pacto"),
)

NOMES_DE_TECLAS = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "enter": "Enter",
    "escape": "Esc",
    "delete": "Del",
    "space": "Espaço",
}


def nome_da_tecla(binding: Binding) -> str:
    """'x,delete' → 'x / Del', 'f9' → 'F9', as printed on the keyboard."""
    if binding.key_display:
        return binding.key_display
    nomes = []
    for tecla in binding.key.split(","):
        tecla = tecla.strip()
        if tecla in NOMES_DE_TECLAS:
            nomes.append(NOMES_DE_TECLAS[tecla])
        elif len(tecla) > 1 and tecla[0] == "f" and tecla[1:].isdigit():
            nomes.append(tecla.upper())
        else:
            nomes.append(tecla)
    return " / ".join(nomes)


def teclas_de(*classes: type) -> list[tuple[str, str]]:
    """The keys a screen or section shows in its footer, with their descriptions."""
    linhas = []
    for cls in classes:
        for binding in getattr(cls, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.show and binding.description:
                linhas.append((nome_da_tecla(binding), binding.description))
    return linhas


def teclas_por_secao() -> list[tuple[str, list[tuple[str, str]]]]:
    """Each section's own keys (the Rede by tab) and meeting mode's, in the order of the menu."""
    from pacto.tui.rede import ABAS
    from pacto.tui.reuniao_modo import ModoReuniao

    grupos = []
    for secao in SECOES:
        if secao.id == "rede":
            for _, cls, tecla, _, _ in ABAS:
                grupos.append(
                    (f"{secao.tecla} Rede › {cls.TITULO} (tecla {tecla})", teclas_de(cls))
                )
            continue
        modulo, nome = secao.classe.split(":")
        linhas = teclas_de(getattr(importlib.import_module(modulo), nome))
        if linhas:
            grupos.append((f"{secao.tecla} {secao.nome}", linhas))
    grupos.append(("Modo reunião (F2)", teclas_de(ModoReuniao)))
    return grupos


def _tabela(linhas) -> Table:
    """Two columns: a long description wraps inside its own column, never under the key."""
    tabela = Table.grid(padding=(0, 2))
    tabela.add_column(no_wrap=True, style="bold", min_width=8)
    tabela.add_column()
    for tecla, acao in linhas:
        tabela.add_row(Text(tecla), Text(acao))
    return tabela


class TelaAjuda(ModalScreen[None]):
    """Modal listing the keys; Esc, q or ? close it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Fechar", show=True),
    ]

    def compose(self) -> ComposeResult:
        partes: list = [
            Text("Ajuda do pacto · Esc fecha", style="bold"),
            Text(),
            Text("Teclas gerais", style="bold underline"),
            _tabela(TECLAS_GERAIS),
        ]
        for titulo, linhas in teclas_por_secao():
            partes += [Text(), Text(titulo, style="bold underline"), _tabela(linhas)]
        partes += [
            Text(),
            Text.from_markup(
                "O pacto cuida da [b]rede[/b], nunca de [b]casos[/b]: não registre nome, "
                "documento, contato ou relato de vítimas. Ao NETP vão apenas números agregados."
            ),
        ]
        with VerticalScroll(id="ajuda"):
            yield Static(Group(*partes), id="ajuda-texto")
