"""The Painel: the network at a glance — counts, stages covered and the gaps to fix."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from pacto.domain.network import RedeCompleta
from pacto.domain.summary import descrever_contagens, resumo
from pacto.domain.text import plural

MARCAS = {"grave": "!!", "alerta": "! ", "aviso": "· "}
LACUNAS_NO_PAINEL = 30  # the rest is one key away: pacto verificar lists them all


class Painel(VerticalScroll):
    """Home screen: what the network has, what is missing, and what to do next."""

    def compose(self) -> ComposeResult:
        yield Static(id="painel-proximo", classes="bloco")
        yield Static(id="painel-rede", classes="bloco")
        yield Static(id="painel-etapas", classes="bloco")
        yield Static(id="painel-lacunas", classes="bloco")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Redraw every block from a fresh snapshot of the network."""
        dados = resumo(rc)
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
        for lacuna in lacunas[:LACUNAS_NO_PAINEL]:
            bloco.append(f" {MARCAS[lacuna['gravidade']]} {lacuna['mensagem']}")
            bloco.append(f"  → {lacuna['onde']}\n", style="dim")
        if len(lacunas) > LACUNAS_NO_PAINEL:  # thousands of lines would only slow the screen
            bloco.append(
                f" … e mais {len(lacunas) - LACUNAS_NO_PAINEL}; veja todas com “pacto verificar”.\n",
                style="italic",
            )
        self.query_one("#painel-lacunas", Static).update(bloco)


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
