"""Meeting mode: the full screen a facilitator projects while the meeting happens.

Agenda with time boxes and a running timer, attendance, minutes per item that save themselves
(at most about a second of typing is ever at risk), decisions, action items and suggestions.
Minutes that look like a victim's personal data are saved with those passages replaced by
"[dado ocultado]"; the text as typed stays on screen (in memory only) and reaches the file only
when the facilitator chooses to keep it.
"""

from __future__ import annotations

import time
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from pacto.domain.calendario import formatar_data, formatar_hora
from pacto.domain.errors import PactoErro
from pacto.domain.privacidade import descrever_alertas, ocultar, verificar_privacidade
from pacto.domain.reunioes import ItemPauta, Reuniao, acoes_pendentes_antes
from pacto.domain.text import plural
from pacto.store.opening import ErroSubstituido
from pacto.tui.portugues import Rodape
from pacto.tui.reuniao_dialogos import CSS_REUNIOES, AvisoPrivacidade, Confirmar
from pacto.tui.reuniao_forms import FormAcao, FormDeliberacao
from pacto.tui.reuniao_listas import TelaPendencias, TelaPresenca, TelaSugestoes
from pacto.tui.sugestao_forms import FormSugestao

PULSO_S = 0.25  # how often the screen checks the timer and unsaved minutes
OCIOSO_S = 0.5  # save when typing pauses this long…
ESPERA_MAXIMA_S = 1.0  # …or when the oldest unsaved keystroke is this old
TECLAS_FORA_DO_RODAPE = "F7 pendências  F8 sugestões\nF9 encerra  Esc sai do modo"


class AreaAta(TextArea, inherit_bindings=False):
    """The minutes text area, without TextArea's F6/F7 (meeting mode uses them)."""

    BINDINGS = [b for b in TextArea.BINDINGS if b.key not in ("f6", "f7")]


def _relogio(segundos: float) -> str:
    segundos = int(segundos)
    horas, resto = divmod(segundos, 3600)
    minutos, seg = divmod(resto, 60)
    return f"{horas}:{minutos:02d}:{seg:02d}" if horas else f"{minutos:02d}:{seg:02d}"


class ModoReuniao(Screen[None]):
    """One meeting on the wall: agenda and timer on the left, the current item's minutes on the right."""

    CSS_PATH = CSS_REUNIOES
    BINDINGS = [
        Binding("f1", "presenca", "Presença", priority=True),
        Binding("f3", "deliberacao", "Deliberação", priority=True),
        Binding("f4", "acao", "Ação", priority=True),
        Binding("f5", "sugestao", "Sugestão", priority=True),
        Binding("f6", "proximo_item", "Próximo item", priority=True),
        Binding("escape", "sair", "Sair", priority=True),
        Binding("f7", "pendencias", "Pendências", priority=True),
        Binding("f8", "sugestoes", "Decidir sugestões", priority=True),
        Binding("f9", "encerrar", "Encerrar", priority=True),
        # keys of the main screen that mean nothing here (q must not quit mid-meeting)
        Binding("q,slash,f2,1,2,3,4,5,6,7,8,9,0", "ignorar", show=False),
    ]

    def __init__(self, reuniao_id: int, hoje: date | None = None):
        super().__init__()
        self.reuniao_id = reuniao_id
        self.hoje = hoje or date.today()
        self.itens: list[ItemPauta] = []
        self.atual: int = 0
        self._salvo = ""  # the current item's minutes as last written to the workspace
        self._tela_salva = ""  # the on-screen text whose (possibly redacted) version was saved
        self._descartado = False  # the workspace was replaced: never write this screen again
        self._salvo_em: float | None = None
        self._primeira_pendente: float | None = None
        self._ultima_tecla = 0.0
        self._inicio_item = time.monotonic()
        self._alertas_aceitos: set[str] = set()

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="mr-topo"):
            yield Static(id="mr-titulo")
            yield Static(id="mr-relogio")
        with Horizontal(id="mr-corpo"):
            with Vertical(id="mr-esquerda"):
                yield OptionList(id="mr-pauta")
                yield Static(id="mr-presenca")
                # the footer cuts these at 80 columns: the keys that end the meeting stay in view
                yield Static(TECLAS_FORA_DO_RODAPE, id="mr-teclas")
            with Vertical(id="mr-direita"):
                yield Static(id="mr-item")
                yield AreaAta(id="mr-ata", soft_wrap=True)
                yield Static(id="mr-privacidade")
                yield Static(id="mr-resumo")
        yield Rodape()

    def on_mount(self) -> None:
        self._area = self.query_one("#mr-ata", AreaAta)  # kept: still readable while unmounting
        ws = self.app.ws
        self.reuniao: Reuniao = ws.reuniao(self.reuniao_id)
        self.itens = ws.itens_pauta(self.reuniao_id)
        if not self.itens:
            ws.salvar_item_pauta(ItemPauta(self.reuniao_id, 1, "Assuntos da reunião", 60))
            self.itens = ws.itens_pauta(self.reuniao_id)
        r = self.reuniao
        local = f" · {r.local}" if r.local else ""
        quando = f"{formatar_data(r.data)} {formatar_hora(r.hora)}".strip()
        self.query_one("#mr-titulo", Static).update(Text(f"{r.titulo} · {quando}{local}", "bold"))
        pendente = next((n for n, i in enumerate(self.itens) if not i.concluido), None)
        self._abrir_item(len(self.itens) - 1 if pendente is None else pendente)
        self._atualizar_resumo()
        self.set_interval(PULSO_S, self._pulso)
        self.query_one("#mr-ata", TextArea).focus()
        rc = ws.carregar()
        pendentes = acoes_pendentes_antes(r, rc.reunioes, rc.acoes)
        if pendentes:
            self.app.push_screen(TelaPendencias(pendentes, self.hoje), self._ao_voltar)

    # -- the current item ------------------------------------------------------------

    @property
    def item(self) -> ItemPauta:
        return self.itens[self.atual]

    def _tempo_do_item(self) -> float:
        return self.item.tempo_gasto_s + (time.monotonic() - self._inicio_item)

    def _abrir_item(self, indice: int) -> None:
        """Show an item's minutes in the text area and start its timer."""
        self.atual = indice
        self._inicio_item = time.monotonic()
        self._salvo = self._tela_salva = self.item.ata
        self._salvo_em = None
        self._primeira_pendente = None
        area = self.query_one("#mr-ata", TextArea)
        area.load_text(self.item.ata)
        area.move_cursor(area.document.end)
        self.query_one("#mr-item", Static).update(
            Text(f"Item {self.item.ordem} — {self.item.titulo}", "bold")
        )
        self._desenhar_pauta()
        self._mostrar_privacidade()
        self._pulso()

    def _deixar_item(self, concluido: bool) -> None:
        """Save the minutes and the time spent before moving to another item."""
        self._salvar_ata()
        gasto = int(self._tempo_do_item())
        item = self.item
        item.tempo_gasto_s = gasto
        item.concluido = item.concluido or concluido
        try:
            self.app.ws.registrar_andamento_item(item.id, gasto, item.concluido)
        except PactoErro as erro:
            self.notify(erro.mensagem, severity="error")

    def _desenhar_pauta(self) -> None:
        lista = self.query_one("#mr-pauta", OptionList)
        lista.set_options(
            Option(self._rotulo_item(n), id=str(i.id)) for n, i in enumerate(self.itens)
        )
        lista.highlighted = self.atual

    def _rotulo_item(self, indice: int) -> Text:
        item = self.itens[indice]
        if indice == self.atual:
            return Text(f"▶ {item.ordem} {item.titulo}  {_relogio(self._tempo_do_item())}", "bold")
        marca = "✔" if item.concluido else " "
        return Text(f"{marca} {item.ordem} {item.titulo} ({item.minutos} min)")

    def _ir_para(self, indice: int, concluido: bool = False) -> None:
        if indice == self.atual or not 0 <= indice < len(self.itens):
            return

        def ir() -> None:
            self._deixar_item(concluido)
            self._abrir_item(indice)

        self._confirmar_privacidade(ir)

    def _confirmar_privacidade(self, seguir) -> None:
        """Before leaving an item whose minutes look like a victim's data, ask to edit or keep.

        Until then only the redacted text was saved; "manter" writes the text as typed.
        """
        self._salvar_ata()
        alertas = verificar_privacidade(self._area.text)
        chave = _chave(alertas)
        if not alertas or chave in self._alertas_aceitos:
            seguir()
            return

        def decidir(manter: bool | None) -> None:
            if manter:
                self._alertas_aceitos.add(chave)
                if self._salvar_ata(forcar=True):
                    seguir()
            else:
                self.query_one("#mr-ata", TextArea).focus()

        self.app.push_screen(AvisoPrivacidade(alertas), decidir)

    @on(OptionList.OptionSelected, "#mr-pauta")
    def _ao_escolher_item(self, evento: OptionList.OptionSelected) -> None:
        self._ir_para(evento.option_index)
        self.query_one("#mr-ata", TextArea).focus()

    # -- autosave ------------------------------------------------------------------

    @on(TextArea.Changed, "#mr-ata")
    def _ao_digitar(self, evento: TextArea.Changed) -> None:
        if evento.text_area.text == self._tela_salva:
            return
        agora = time.monotonic()
        self._ultima_tecla = agora
        if self._primeira_pendente is None:
            self._primeira_pendente = agora

    def descartar(self) -> None:
        """The workspace was replaced under this screen: write nothing more from it."""
        self._descartado = True

    def _texto_a_gravar(self, texto: str) -> str:
        """The minutes as they may reach the file: suspicious passages redacted until kept."""
        alertas = verificar_privacidade(texto)
        if not alertas or _chave(alertas) in self._alertas_aceitos:
            return texto
        return ocultar(texto, alertas)

    def _salvar_ata(self, atualizar_tela: bool = True, forcar: bool = False) -> bool:
        """Write the current item's minutes if they changed; False when the write failed.

        Writes the redacted text while the facilitator has not chosen to keep the original,
        which stays on screen only.
        """
        if self._descartado:
            return False
        texto = self._area.text
        if texto == self._tela_salva and not forcar:
            self._primeira_pendente = None
            return True
        gravar = self._texto_a_gravar(texto)
        if gravar != self._salvo:
            # the text as typed reaches the store only once the facilitator chose to keep it
            mantido = gravar == texto and bool(verificar_privacidade(texto))
            try:
                with self.app.ws.aceitando_alertas_de_privacidade(mantido):
                    self.app.ws.salvar_ata_item(self.item.id, gravar)
            except PactoErro as erro:  # keep the text on screen and retry on the next pulse
                self._area.border_subtitle = f"! não salvo: {erro.mensagem}"
                if isinstance(erro, ErroSubstituido):
                    self.app.conferir_geracao()
                return False
        self._salvo = gravar
        self._tela_salva = texto
        self.item.ata = gravar
        self._area.border_subtitle = ""
        self._salvo_em = time.monotonic()
        self._primeira_pendente = None
        if atualizar_tela:
            self._mostrar_privacidade()
        return True

    def _pulso(self) -> None:
        """Every quarter of a second: save pending minutes, tick the timer, refresh the labels."""
        agora = time.monotonic()
        if self._primeira_pendente is not None and (
            agora - self._ultima_tecla >= OCIOSO_S
            or agora - self._primeira_pendente >= ESPERA_MAXIMA_S
        ):
            self._salvar_ata()
        area = self.query_one("#mr-ata", TextArea)
        if self._primeira_pendente is not None:
            estado = "salvando…"
        elif self._salvo_em is None:
            estado = "salva automaticamente"
        else:
            estado = f"salvo há {int(agora - self._salvo_em)} s"
            if self._salvo != self._tela_salva:
                estado += ", com dados ocultados"
        # each label is repainted only when its text changes (the clock shows whole seconds),
        # and the clock without re-laying out the screen while its width stays the same
        titulo = f"Ata deste item ({estado})"
        if area.border_title != titulo:
            area.border_title = titulo
        decorrido = self._tempo_do_item()
        previsto = self.item.minutos * 60
        texto = Text(f"⏱ {_relogio(decorrido)} de {_relogio(previsto)}")
        if decorrido > previsto:
            texto.append("  ! tempo esgotado", "bold reverse")
        relogio = self.query_one("#mr-relogio", Static)
        anterior = getattr(self, "_relogio_mostrado", None)
        if anterior is None or anterior.plain != texto.plain:
            relogio.update(texto, layout=anterior is None or anterior.cell_len != texto.cell_len)
            self._relogio_mostrado = texto
        rotulo = self._rotulo_item(self.atual)
        if getattr(self, "_rotulo_mostrado", None) != (self.atual, str(rotulo)):
            self._rotulo_mostrado = (self.atual, str(rotulo))
            self.query_one("#mr-pauta", OptionList).replace_option_prompt_at_index(
                self.atual, rotulo
            )

    def _mostrar_privacidade(self) -> None:
        alertas = verificar_privacidade(self._area.text)
        aviso = self.query_one("#mr-privacidade", Static)
        if not alertas and not aviso.has_class("visivel"):
            return  # nothing to show, nothing shown: no repaint after each autosave
        aviso.update(
            Text("! Possível dado de vítima na ata:\n" + descrever_alertas(alertas, 2), "bold")
            if alertas
            else ""
        )
        aviso.set_class(bool(alertas), "visivel")

    # -- summary ---------------------------------------------------------------------

    def _atualizar_resumo(self) -> None:
        rc = self.app.ws.carregar()
        rcr = rc.reuniao_completa(self.reuniao_id)
        presentes = rcr.instituicoes_presentes()
        avulsos = len({p.organizacao for p in rcr.presencas if p.instituicao_id is None})
        texto = f"Presença: {len(presentes)} de {len(rc.instituicoes)} instituições"
        if avulsos:
            texto += f" + {plural(avulsos, 'órgão não mapeado', 'órgãos não mapeados')}"
        texto += f"\n{plural(len(rcr.presencas), 'pessoa', 'pessoas')} · F1 registrar"
        self.query_one("#mr-presenca", Static).update(texto)
        resumo = Text(
            f"Deliberações ({len(rcr.deliberacoes)}) · Ações ({len(rcr.acoes)}) · "
            f"Sugestões ({len(rcr.sugestoes)})\n",
            "bold",
        )
        recentes = [(d.id, f"Deliberação: {d.texto}") for d in rcr.deliberacoes]
        recentes += [
            (
                a.id,
                f"{a.responsavel}: {a.descricao}"
                + (f" — prazo {a.prazo:%d/%m}" if a.prazo else ""),
            )
            for a in rcr.acoes
        ]
        recentes += [(s.id, f"Sugestão de {s.autor}: {s.texto}") for s in rcr.sugestoes]
        for _, linha in recentes[-3:]:
            resumo.append(f" ▸ {linha}\n")
        self.query_one("#mr-resumo", Static).update(resumo)

    def _ao_voltar(self, _=None) -> None:
        self._atualizar_resumo()
        self.query_one("#mr-ata", TextArea).focus()

    def _gravar(self, funcao, valor) -> None:
        """Save a form's value through the workspace, then refresh the summary."""
        if valor is None:
            self._ao_voltar()
            return
        try:
            registro = funcao(valor)
        except PactoErro as erro:
            self.notify(erro.mensagem, title="Não foi possível gravar", severity="error")
        else:
            self.notify(_confirmacao(registro), timeout=3)
        self._ao_voltar()

    # -- actions -----------------------------------------------------------------------

    def action_ignorar(self) -> None:
        self.notify("No modo reunião, Esc volta às seções do pacto.", timeout=2)

    def action_presenca(self) -> None:
        self._salvar_ata()
        self.app.push_screen(TelaPresenca(self.reuniao), self._ao_voltar)

    def action_deliberacao(self) -> None:
        self._salvar_ata()
        self.app.push_screen(
            FormDeliberacao(self.reuniao_id, self.item.id, self.item.titulo),
            lambda d: self._gravar(self.app.ws.salvar_deliberacao, d),
        )

    def action_acao(self) -> None:
        self._salvar_ata()
        self.app.push_screen(
            FormAcao(self.reuniao_id, self.app.ws.instituicoes()),
            lambda a: self._gravar(self.app.ws.salvar_acao, a),
        )

    def action_sugestao(self) -> None:
        self._salvar_ata()
        self.app.push_screen(
            FormSugestao(self.reuniao_id, self.app.ws.carregar()),
            lambda s: self._gravar(self.app.ws.salvar_sugestao, s),
        )

    def action_sugestoes(self) -> None:
        self._salvar_ata()
        self.app.push_screen(TelaSugestoes(self.reuniao, self.hoje), self._ao_voltar)

    def action_pendencias(self) -> None:
        self._salvar_ata()
        rc = self.app.ws.carregar()
        pendentes = acoes_pendentes_antes(self.reuniao, rc.reunioes, rc.acoes)
        if not pendentes:
            self.notify("Nenhuma ação de reuniões anteriores em aberto.")
            return
        self.app.push_screen(TelaPendencias(pendentes, self.hoje), self._ao_voltar)

    def action_proximo_item(self) -> None:
        if self.atual + 1 < len(self.itens):
            self._ir_para(self.atual + 1, concluido=True)
        else:
            self._confirmar_privacidade(lambda: None)
            self.notify("Este é o último item da pauta. F9 encerra a reunião.")

    def action_encerrar(self) -> None:
        def encerrar(sim: bool | None) -> None:
            if sim:
                self._deixar_item(concluido=True)
                self.app.ws.definir_situacao_reuniao(self.reuniao_id, "realizada")
                self._fechar()

        pergunta = f"Encerrar a {self.reuniao.titulo} e marcá-la como realizada?"
        self._confirmar_privacidade(lambda: self.app.push_screen(Confirmar(pergunta), encerrar))

    def action_sair(self) -> None:
        def sair() -> None:
            self._deixar_item(concluido=False)
            self._fechar()

        self._confirmar_privacidade(sair)

    def _fechar(self) -> None:
        self.app.pop_screen()
        self.app.action_recarregar()

    def on_unmount(self) -> None:
        """Last chance: whatever is on screen goes to the workspace."""
        self._salvar_ata(atualizar_tela=False)


def _chave(alertas) -> str:
    """What identifies a set of warnings the facilitator chose to keep."""
    return "|".join(str(a) for a in alertas)


def _confirmacao(registro) -> str:
    nome = type(registro).__name__
    return {
        "Deliberacao": "Deliberação registrada.",
        "Acao": "Ação registrada.",
        "Sugestao": "Sugestão registrada.",
    }.get(nome, "Registrado.")
