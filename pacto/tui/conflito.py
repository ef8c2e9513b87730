"""The dialog shown when someone else changed the record being edited: theirs next to mine.

With `pacto web` every browser tab runs its own app on the same workspace, and a CLI may write
alongside a TUI. The store refuses an update whose row changed since the form loaded it
(`ErroConflito`); this module shows the differing fields side by side and lets the editor keep
the other's version, write theirs over it explicitly, or go back to editing (Esc).
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date, time
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from pacto.domain.campos_ator import CAMPOS
from pacto.domain.catalog import tipos_instituicao
from pacto.domain.errors import ErroConflito, ErroValidacao, PactoErro
from pacto.domain.models import ESFERAS, Instituicao

if TYPE_CHECKING:
    from pacto.tui.formularios import Formulario

MANTER = "manter"
GRAVAR = "gravar"
VAZIO = "(vazio)"
NAO_ALTERADO = "(você não alterou)"
REMOVIDO = "(removido)"

# institution fields come from the one field registry; the other records' fields are named here
_CAMPOS_ATOR = {c.chave: c for c in CAMPOS}
_ROTULOS = {
    **{c.chave: c.rotulo for c in CAMPOS},
    "papel": "Papel",
    "nome": "Nome",
    "cargo": "Cargo",
    "telefone": "Telefone",
    "email": "E-mail",
    "confirmado_em": "Contato confirmado em",
    "fluxo_id": "Fluxo",
    "origem_id": "De",
    "destino_id": "Para",
    "instituicao_id": "Instituição",
    "condicao": "Condição",
    "prazo": "Prazo",
    "texto": "Texto",
    "numero": "Número",
    "data": "Data",
    "hora": "Hora",
    "duracao_min": "Duração (min)",
    "local": "Local",
    "modalidade": "Modalidade",
    "presidente": "Presidente",
    "secretario": "Secretário(a)",
    "situacao": "Situação",
}


def _mostrar(campo: str, valor: object, nomes: dict[str, dict], ator: bool = False) -> str:
    """A stored value as the editor knows it: names instead of ids and keys, dates in pt-BR."""
    if isinstance(valor, bool):
        return "Sim" if valor else "Não"
    if valor is None or valor == "":
        return VAZIO
    if ator and campo in _CAMPOS_ATOR and _CAMPOS_ATOR[campo].opcoes:
        return dict(_CAMPOS_ATOR[campo].opcoes).get(valor, str(valor))
    if campo in nomes:
        return nomes[campo].get(valor, str(valor))
    if isinstance(valor, date):
        return valor.strftime("%d/%m/%Y")
    if isinstance(valor, time):
        return valor.strftime("%H:%M")
    if campo == "tipo" and valor in tipos_instituicao():
        return tipos_instituicao()[valor].nome
    if campo == "esfera":
        return ESFERAS.get(valor, str(valor))
    return str(valor)


def _rotulo(campo: str, ator: bool = False) -> str:
    if ator and campo in _CAMPOS_ATOR:
        return _CAMPOS_ATOR[campo].rotulo
    return _ROTULOS.get(campo, campo.replace("_", " ").capitalize())


def diferencas(
    atual: object, meu: object, visto: object = None, nomes: dict | None = None
) -> list[tuple[str, str, str]]:
    """(label, their value, my value) of every field where the stored version and mine differ.

    A text record (a duty) is one field; a removed record (`atual` None) lists my filled fields.
    My value is marked when I left it as the form opened (`visto`): overwriting undoes theirs.
    """
    nomes = nomes or {}
    if not is_dataclass(meu):
        return [("Texto", _mostrar("texto", atual, nomes), _mostrar("texto", meu, nomes))]
    ator = isinstance(meu, Instituicao)
    linhas = []
    for campo in (f.name for f in fields(meu)):
        if campo == "id":
            continue
        minha = getattr(meu, campo)
        if atual is None:  # removed: list what I would add again, past the defaults
            padrao = _CAMPOS_ATOR[campo].padrao if ator and campo in _CAMPOS_ATOR else None
            if (
                minha not in (None, "")
                and minha != padrao
                and (campo in nomes or not campo.endswith("_id"))
            ):
                linhas.append((_rotulo(campo, ator), REMOVIDO, _mostrar(campo, minha, nomes, ator)))
            continue
        deles = getattr(atual, campo)
        if deles != minha:
            mostrada = _mostrar(campo, minha, nomes, ator)
            if visto is not None and getattr(visto, campo, None) == minha:
                mostrada = f"{mostrada} {NAO_ALTERADO}"
            linhas.append((_rotulo(campo, ator), _mostrar(campo, deles, nomes, ator), mostrada))
    return linhas


class DialogoConflito(ModalScreen[str | None]):
    """Theirs next to mine, field by field; answers MANTER, GRAVAR or None (keep editing)."""

    DEFAULT_CSS = """
    DialogoConflito .conflito { width: 100; max-width: 95%; }
    DialogoConflito #conflito-tabela { height: auto; max-height: 20; }
    DialogoConflito .form-botoes Button { margin-right: 2; }
    DialogoConflito #conflito-voltar-linha { height: auto; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "responder(None)", "Continuar editando"),
        Binding("o", "responder('manter')", "Manter a da outra pessoa"),
        Binding("g", "responder('gravar')", "Gravar a minha"),
    ]

    def __init__(self, erro: ErroConflito, linhas: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="modal")
        self.erro = erro
        self.linhas = linhas

    @property
    def titulo(self) -> str:
        verbo = "removeu" if self.erro.removido else "alterou"
        return f"Outra pessoa {verbo} {self.erro.o_que} enquanto você editava"

    def _tabela(self) -> Table:
        tabela = Table(expand=True, show_lines=True)
        tabela.add_column("Campo", style="bold", no_wrap=True)
        tabela.add_column("Versão da outra pessoa", ratio=1)
        tabela.add_column("A sua versão", ratio=1)
        for rotulo, deles, minha in self.linhas:
            tabela.add_row(Text(rotulo), Text(deles), Text(minha))
        return tabela

    def compose(self) -> ComposeResult:
        removido = self.erro.removido and self.erro.atual is None
        with Vertical(classes="form-caixa conflito"):
            yield Static(Text(self.titulo), classes="form-titulo")
            if removido:
                explicacao = (
                    "O registro não existe mais no workspace. Nada do que você editou foi gravado."
                )
            else:
                explicacao = "Nada do que você editou foi gravado ainda. Compare e escolha:"
            yield Static(Text(explicacao))
            with VerticalScroll(id="conflito-tabela"):
                yield Static(self._tabela(), id="conflito-diferencas")
            with Horizontal(classes="form-botoes"):
                yield Button(
                    "Descartar a minha (o)" if removido else "Manter a versão da outra pessoa (o)",
                    id="conflito-manter",
                    variant="primary",
                    compact=True,
                )
                yield Button(
                    "Cadastrar a minha de novo (g)" if removido else "Gravar a minha por cima (g)",
                    id="conflito-gravar",
                    variant="warning",
                    compact=True,
                )
            with Horizontal(classes="form-botoes", id="conflito-voltar-linha"):
                yield Button("Continuar editando (Esc)", id="conflito-voltar", compact=True)

    def on_mount(self) -> None:
        self.query_one("#conflito-manter", Button).focus()

    def action_responder(self, resposta: str | None) -> None:
        self.dismiss(resposta)

    @on(Button.Pressed, "#conflito-manter")
    def _manter(self) -> None:
        self.dismiss(MANTER)

    @on(Button.Pressed, "#conflito-gravar")
    def _gravar(self) -> None:
        self.dismiss(GRAVAR)

    @on(Button.Pressed, "#conflito-voltar")
    def _voltar(self) -> None:
        self.dismiss(None)


def _nomes(form: Formulario) -> dict[str, dict]:
    """Names for the id fields a referral shows (De, Para, Fluxo), from the form's own lists."""
    siglas = {i.id: i.sigla for i in getattr(form, "instituicoes", [])}
    fluxos = {f.id: f.nome for f in getattr(form, "fluxos", [])}
    return {"origem_id": siglas, "destino_id": siglas, "fluxo_id": fluxos}


def resolver_conflito(form: Formulario, erro: ErroConflito, meu: object) -> None:
    """Show theirs next to mine; then keep theirs (close and reload), overwrite, or go on editing."""
    linhas = diferencas(erro.atual, meu, form.visto, _nomes(form))

    def escolher(resposta: str | None) -> None:
        if resposta == MANTER:
            form.dismiss(None)
            form.app.action_recarregar()
            form.app.notify("Mantida a versão da outra pessoa; a sua edição foi descartada.")
        elif resposta == GRAVAR:
            registro = meu
            if erro.atual is None and is_dataclass(meu):  # removed meanwhile: add it again
                registro, form.visto = replace(meu, id=None), None
            else:
                form.visto = erro.atual
            gravar_por_cima(form, registro)
        else:
            form.mostrar_problemas(
                [f"{erro.mensagem} Salve de novo para comparar as versões, ou Esc para sair."]
            )

    form.app.push_screen(DialogoConflito(erro, linhas), escolher)


def gravar_por_cima(form: Formulario, registro: object) -> None:
    """Save the editor's version over the one just shown; a further change asks again."""
    try:
        salvo = form.gravar(registro)
    except ErroConflito as outro:
        resolver_conflito(form, outro, registro)
        return
    except ErroValidacao as erro:
        form.mostrar_problemas(erro.problemas)
        return
    except PactoErro as erro:
        form.mostrar_problemas([erro.mensagem])
        return
    form.dismiss(salvo)
