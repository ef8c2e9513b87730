"""The Painel: the network at a glance — counts, stages covered and the gaps to fix."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from pacto.domain.network import RedeCompleta
from pacto.domain.summary import resumo
from pacto.domain.text import descrever_contagens, plural

MARCAS = {"grave": "!!", "alerta": "! ", "aviso": "· "}
LACUNAS_POR_TIPO = 8


class Painel(VerticalScroll):
    """Home screen: what the network has, what is missing, and what to do next."""

    BINDINGS = [Binding("l", "lacunas", "Lacunas")]

    def action_lacunas(self) -> None:
        """Bring the gap list to the top of the screen (↑/↓ scroll it from there)."""
        self.focus()
        self.scroll_to_widget(self.query_one("#painel-lacunas"), top=True, animate=False)

    def compose(self) -> ComposeResult:
        yield Static(id="painel-proximo", classes="bloco")
        yield Static(id="painel-rede", classes="bloco")
        yield Static(id="painel-etapas", classes="bloco")
        yield Static(id="painel-lacunas", classes="bloco")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Redraw every block from a fresh snapshot of the network."""
        # the app ran the checks on this very snapshot for the pact's steps: not twice
        lacunas = (
            getattr(self.app, "lacunas", None) if getattr(self.app, "_rc", None) is rc else None
        )
        dados = resumo(rc, getattr(self.app, "hoje", None), lacunas)
        lacunas = dados["lacunas"]
        self.query_one("#painel-proximo", Static).update(_proximo_passo(self.app.processo))
        c = dados["contagens"]
        coord = dados["rede"]["coordenacao"]
        texto = Text()
        texto.append("Rede   ", style="bold")
        texto.append(descrever_contagens(c))
        if coord:
            texto.append(f"\nCoordenação  {coord}")
        self.query_one("#painel-rede", Static).update(texto)
        etapas = Text()
        etapas.append(
            f"Etapas com responsável: {dados['etapas_cobertas']} de {dados['etapas_total']}\n",
            style="bold",
        )
        for etapa in dados["etapas"]:
            n = etapa["instituicoes"]
            marca = "✔" if n else "!"
            etapas.append(
                f" {marca} {etapa['nome']:<24} {plural(n, 'instituição', 'instituições')}\n"
            )
        self.query_one("#painel-etapas", Static).update(etapas)
        bloco = Text()
        bloco.append(f"Lacunas ({len(lacunas)})\n", style="bold")
        if not lacunas:
            bloco.append(" ✔ Nenhuma lacuna encontrada.")
        _listar_lacunas(bloco, lacunas)
        self.query_one("#painel-lacunas", Static).update(bloco)


def _listar_lacunas(bloco: Text, lacunas: list[dict]) -> None:
    """Each gap with where to fix it; past LACUNAS_POR_TIPO of a kind, one line counts the rest.

    A big network can have thousands of findings: the Painel stays readable (and fast) by
    showing the first few of each kind and the count of the others.
    """
    por_tipo: dict[str, list[dict]] = {}
    for lacuna in lacunas:
        por_tipo.setdefault(lacuna["codigo"], []).append(lacuna)
    for grupo in por_tipo.values():
        for lacuna in grupo[:LACUNAS_POR_TIPO]:
            bloco.append(f" {MARCAS[lacuna['gravidade']]} {lacuna['mensagem']}")
            bloco.append(f"  → {lacuna['onde']}\n", style="dim")
        resto = len(grupo) - LACUNAS_POR_TIPO
        if resto > 0:
            bloco.append(f"    … e mais {resto:,} do mesmo tipo".replace(",", "."))
            bloco.append(f"  → {grupo[0]['onde']}\n", style="dim")


def _proximo_passo(processo) -> Text:
    """The single most useful next action, why, and where the pact stands."""
    from pacto.tui.pactuacao import linha_pactuacao

    texto = Text()
    texto.append("Próximo passo\n", style="bold reverse")
    texto.append(f" {processo.proximo['acao']}\n")
    texto.append(f" {processo.proximo['motivo']}\n", style="italic")
    texto.append(" Pactuação  ", style="bold")
    texto.append_text(linha_pactuacao(processo.passos))
    return texto
