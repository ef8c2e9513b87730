"""The Monitoramento section: indicators with trend and target, and who sent information to the NETP."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from pacto.domain.indicadores import sparkline
from pacto.domain.netp import nome_mes
from pacto.domain.network import RedeCompleta
from pacto.domain.text import plural
from pacto.services.mensal import medir, mes_de, painel_indicadores
from pacto.tui.texto import TabelaLiteral


class MonitoramentoSecao(Vertical):
    """Indicators of the last 12 months against their targets, and the month's NETP sends."""

    FOCO_INICIAL = "#ind-tabela"
    BINDINGS = [Binding("m", "medir", "Calcular indicadores do mês")]

    def compose(self) -> ComposeResult:
        yield Static(id="ind-cabecalho")
        tabela = TabelaLiteral(id="ind-tabela", cursor_type="row", zebra_stripes=True)
        tabela.add_columns("", "Atual", "Meta", "12 meses", "Indicador")
        yield tabela
        yield Static(id="netp-envios")

    def mostrar(self, rc: RedeCompleta) -> None:
        """Redraw indicators and NETP sends for the current month."""
        mes = mes_de(self.app.hoje or date.today())
        tabela = self.query_one("#ind-tabela", DataTable)
        tabela.clear()
        for linha in painel_indicadores(self.app.ws, mes):
            item = linha.indicador
            marca = {True: "✔", False: "!", None: "·"}[linha.atingida]
            meta = item.formatar(linha.meta.valor) if linha.meta else "—"
            tendencia = sparkline(linha.valores).strip() or "—"
            tabela.add_row(marca, item.formatar(linha.atual), meta, tendencia, item.nome)
        self.query_one("#ind-cabecalho", Static).update(
            f"[b]Indicadores até {nome_mes(mes)}[/b] · ✔ meta atingida  ! abaixo da meta  · sem meta ou dado · "
            "[b]m[/b] calcular os automáticos"
        )
        enviaram = {e.instituicao_id for e in self.app.ws.envios_netp(mes)}
        no_fluxo = [rc.instituicao_por_id[i] for i in rc.etapas_por_instituicao]
        faltam = sorted(i.sigla for i in no_fluxo if i.id not in enviaram)
        texto = Text(f"Informações ao NETP em {nome_mes(mes)}: ", style="bold")
        texto.append(f"{len(enviaram)} de {len(no_fluxo)} instituições enviaram.")
        if faltam:
            texto.append(f"\nFaltam: {', '.join(faltam[:15])}{' …' if len(faltam) > 15 else ''}")
        self.query_one("#netp-envios", Static).update(texto)

    def action_medir(self) -> None:
        """Compute the automatic indicators now and record them for the month."""
        mes = mes_de(self.app.hoje or date.today())
        registrados = medir(self.app.ws, mes, self.app.hoje)
        self.app.notify(
            f"{plural(len(registrados), 'indicador calculado', 'indicadores calculados')} para {nome_mes(mes)}."
        )
        self.app.action_recarregar()
