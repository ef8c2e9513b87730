"""The help screen: every key of the interface, in Portuguese."""

from __future__ import annotations

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
    ("r (em Adesões)", "Registrar convite, envio ou assinatura do Termo"),
    ("a p t m", "Rede: Atores, Pontos focais, Atribuições, Encaminhamentos"),
    ("n e x/Del", "Rede: nova, editar, remover (pede confirmação)"),
    ("Enter", "Rede: editar a linha ou a célula da matriz"),
    ("c", "Pontos focais: contato confirmado hoje"),
    ("Ctrl+S", "Salvar o formulário aberto"),
    ("m (em Alinhamento)", "Preparar a reunião do mês: pauta, presença e checklist"),
    ("Enter (em Documentos)", "Gerar o documento destacado (p liga ou desliga o PDF)"),
    ("Ctrl+P", "Paleta de comandos: todas as ações do pacto"),
    ("F5", "Recarregar os dados do workspace"),
    ("Ctrl+O", "Importar planilha de atores (.xlsx ou .csv)"),
    ("F2", "Modo reunião: a reunião de hoje ou a próxima planejada"),
    ("?", "Esta ajuda"),
    ("Esc", "Fechar esta tela ou voltar"),
    ("q ou Ctrl+Q", "Sair do pacto"),
)


class TelaAjuda(ModalScreen[None]):
    """Modal listing the keys; Esc, q or ? close it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "Fechar", show=True),
    ]

    def compose(self) -> ComposeResult:
        linhas = ["[b]Ajuda do pacto[/b]", "", "[b]Teclas[/b]"]
        linhas += [f"  [b]{tecla:<21}[/b] {acao}" for tecla, acao in TECLAS_GERAIS]
        linhas += ["", "[b]Seções[/b]"]
        linhas += [f"  [b]{s.tecla}[/b]  {s.nome}" for s in SECOES]
        linhas += [
            "",
            "O pacto cuida da [b]rede[/b], nunca de [b]casos[/b]: não registre nome, documento, ",
            "contato ou relato de vítimas. Ao NETP vão apenas números agregados.",
            "",
            "Esc fecha esta ajuda.",
        ]
        with VerticalScroll(id="ajuda"):
            yield Static("\n".join(linhas))
