"""Dialogs of the network itself: its identification with the coordinating institution, and
the working group (members and the act that created it) — the Painel's first next step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList, Static

from pacto.domain.models import Instituicao, Rede
from pacto.domain.validation import UFS
from pacto.tui.campos import Lista
from pacto.tui.formularios import Formulario, linha_do_formulario
from pacto.tui.texto import literal


class FormRede(Formulario[Rede]):
    """Name, UF, municipality and coordinating institution of the network."""

    def __init__(
        self,
        salvar: Callable[[Rede], Rede],
        rede: Rede,
        instituicoes: list[Instituicao],
        foco: str = "#rede-nome",
    ):
        super().__init__("Dados da rede e coordenação", salvar)
        self.original = replace(rede)
        self.instituicoes = instituicoes
        self.foco = foco

    def campos(self) -> ComposeResult:
        rede = self.original
        yield linha_do_formulario("Nome *", Input(rede.nome, id="rede-nome", compact=True))
        yield linha_do_formulario(
            "UF *",
            Lista(
                [(f"{sigla} — {nome}", sigla) for sigla, nome in UFS.items()],
                value=rede.uf if rede.uf in UFS else Select.NULL,
                prompt="(escolha)",
                id="rede-uf",
                compact=True,
            ),
        )
        yield linha_do_formulario(
            "Município",
            Input(
                rede.municipio,
                id="rede-municipio",
                placeholder="vazio para uma rede estadual",
                compact=True,
            ),
        )
        ids = {i.id for i in self.instituicoes}
        yield linha_do_formulario(
            "Coordenação",
            Lista(
                [(literal(f"{i.sigla} — {i.nome}"), i.id) for i in self.instituicoes],
                value=rede.coordenacao_id if rede.coordenacao_id in ids else Select.NULL,
                prompt="(instituição que coordena o fluxo)",
                id="rede-coordenacao",
                compact=True,
            ),
        )
        if not self.instituicoes:
            yield Static(
                "Cadastre as instituições (Rede › Atores) para escolher a coordenação.",
                classes="form-dica",
            )

    def on_mount(self) -> None:
        self.query_one(self.foco).focus()

    def montar(self) -> Rede:
        uf = self.query_one("#rede-uf", Select).value
        coordenacao = self.query_one("#rede-coordenacao", Select).value
        return Rede(
            nome=self.query_one("#rede-nome", Input).value,
            uf="" if uf is Select.NULL else str(uf),
            municipio=self.query_one("#rede-municipio", Input).value,
            coordenacao_id=None if coordenacao is Select.NULL else int(coordenacao),
        )


@dataclass
class DadosGT:
    """The working group as the form edits it: member ids and the act that created it."""

    membros: set[int]
    ato: str


class FormGrupoTrabalho(Formulario[DadosGT]):
    """Who is in the working group (space marks a member) and the act that created it."""

    def __init__(
        self,
        salvar: Callable[[DadosGT], DadosGT],
        instituicoes: list[Instituicao],
        membros: set[int],
        ato: str,
    ):
        super().__init__("Grupo de trabalho (GT): membros e ato de criação", salvar)
        self.instituicoes = instituicoes
        self.membros = membros
        self.ato = ato

    def campos(self) -> ComposeResult:
        yield linha_do_formulario(
            "Ato de criação",
            Input(
                self.ato,
                id="gt-ato",
                placeholder="Ex.: Portaria SEMAS nº 45, de 3 de agosto de 2026",
                compact=True,
            ),
        )
        yield Static(
            "Membros: ↑↓ para mover, Espaço marca ou desmarca; Ctrl+S salva.", classes="form-dica"
        )
        lista = SelectionList[int](
            *(
                (literal(f"{i.sigla} — {i.nome}"), i.id, i.id in self.membros)
                for i in self.instituicoes
            ),
            id="gt-membros",
        )
        lista.styles.height = min(max(len(self.instituicoes), 1), 10) + 2
        yield lista
        if not self.instituicoes:
            yield Static(
                "Cadastre as instituições (Rede › Atores) para escolher os membros.",
                classes="form-dica",
            )

    def on_mount(self) -> None:
        self.query_one("#gt-ato", Input).focus()

    def montar(self) -> DadosGT:
        return DadosGT(
            membros=set(self.query_one("#gt-membros", SelectionList).selected),
            ato=self.query_one("#gt-ato", Input).value,
        )


def abrir_form_rede(app, foco: str = "#rede-nome") -> None:
    """Open the network's dialog; on save, tell and reload every section."""
    ws = app.ws

    def depois(rede: Rede | None) -> None:
        if rede is not None:
            app.notify("Dados da rede gravados.")
            app.action_recarregar()

    app.push_screen(FormRede(ws.salvar_rede, ws.rede(), ws.instituicoes(), foco), depois)


def abrir_form_gt(app) -> None:
    """Open the working group's dialog; on save, tell and reload every section."""
    ws = app.ws

    def salvar(dados: DadosGT) -> DadosGT:
        ws.definir_grupo_trabalho(dados.membros, dados.ato)
        return dados

    def depois(dados: DadosGT | None) -> None:
        if dados is not None:
            n = len(dados.membros)
            app.notify(f"Grupo de trabalho gravado: {n} {'membro' if n == 1 else 'membros'}.")
            app.action_recarregar()

    app.push_screen(
        FormGrupoTrabalho(salvar, ws.instituicoes(), set(ws.membros_gt()), ws.ato_gt()), depois
    )
