"""Suggestion forms (booklet step 5.4): record a suggestion with an optional structured change, and decide it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from pacto.domain.errors import ErroValidacao
from pacto.domain.models import PAPEIS_PONTO_FOCAL
from pacto.domain.network import RedeCompleta
from pacto.domain.propostas import (
    CAMPOS_CONTATO,
    CAMPOS_PONTO,
    TIPOS_PROPOSTA,
    assunto_da_proposta,
    com_valor_principal,
    descrever_proposta,
    valor_principal,
)
from pacto.domain.reunioes import ASSUNTOS_SUGESTAO, DECISOES_SUGESTAO, Sugestao, validar_sugestao
from pacto.tui.campos import Lista
from pacto.tui.reuniao_dialogos import Formulario, campo, lado_a_lado
from pacto.tui.reuniao_forms import opcoes_instituicoes
from pacto.tui.texto import literal

OUTRO_AUTOR = -1
NOVO_ENCAMINHAMENTO = 0
SEM_PROPOSTA = "nenhuma"


class FormSugestao(Formulario[Sugestao]):
    """Record who suggested what, about which part of the flow, and optionally the exact change."""

    TITULO = "Sugestão ao fluxo"

    def __init__(self, reuniao_id: int | None, rc: RedeCompleta, autor_id: int | None = None):
        super().__init__()
        self.reuniao_id, self.rc, self.autor_id = reuniao_id, rc, autor_id

    def campos(self) -> ComposeResult:
        insts = opcoes_instituicoes(self.rc.instituicoes)
        yield lado_a_lado(
            (
                "Quem sugere",
                Lista(
                    [*insts, ("Outro (escrever o nome)", OUTRO_AUTOR)],
                    prompt="Escolha a instituição",
                    value=self.autor_id if self.autor_id else Select.NULL,
                    id="s-autor",
                ),
            ),
            (
                "Assunto",
                Lista(
                    [(nome, chave) for chave, nome in ASSUNTOS_SUGESTAO.items()],
                    value="geral",
                    allow_blank=False,
                    id="s-assunto",
                ),
            ),
        )
        yield Input(placeholder="Nome de quem sugere", id="s-autor-livre", classes="oculto")
        yield from campo(
            "Referência (etapa, atribuição ou encaminhamento)", Input(id="s-referencia")
        )
        yield from campo("A sugestão, como foi feita", TextArea(id="s-texto"))
        yield from campo(
            "Alteração proposta (para aplicar ao fluxo em um passo, se acolhida)",
            Lista(
                [("Nenhuma: só registrar", SEM_PROPOSTA)]
                + [(nome, chave) for chave, nome in TIPOS_PROPOSTA.items()],
                value=SEM_PROPOSTA,
                allow_blank=False,
                id="s-proposta",
            ),
        )
        etapas = [(literal(e.nome), e.id) for e in self.rc.etapas_ordenadas]
        with Vertical(id="p-atribuicao", classes="proposta oculto"):
            yield from campo("Instituição", Lista(insts, prompt="Instituição", id="pa-inst"))
            yield from campo("Etapa", Lista(etapas, prompt="Etapa", id="pa-etapa"))
            yield from campo("Como a atribuição deve ficar", TextArea(id="pa-texto"))
        with Vertical(id="p-encaminhamento", classes="proposta oculto"):
            yield from campo(
                "Encaminhamento (um existente, para alterá-lo, ou um novo)",
                Lista(
                    [("Novo encaminhamento", NOVO_ENCAMINHAMENTO), *self._encaminhamentos()],
                    value=NOVO_ENCAMINHAMENTO,
                    allow_blank=False,
                    id="pe-existente",
                ),
            )
            yield from campo("Quem encaminha", Lista(insts, prompt="Origem", id="pe-de"))
            yield from campo("Para quem", Lista(insts, prompt="Destino", id="pe-para"))
            yield from campo("Em que situação", Input(id="pe-condicao"))
            yield from campo("Em quanto tempo", Input(id="pe-prazo"))
        with Vertical(id="p-contato", classes="proposta oculto"):
            yield from campo("Instituição", Lista(insts, prompt="Instituição", id="pc-inst"))
            yield from campo(
                "Campo",
                Lista(
                    [(nome, chave) for chave, nome in CAMPOS_CONTATO.items()],
                    value="telefone",
                    allow_blank=False,
                    id="pc-campo",
                ),
            )
            yield from campo("Novo valor", Input(id="pc-valor"))
        with Vertical(id="p-ponto_focal", classes="proposta oculto"):
            yield from campo("Instituição", Lista(insts, prompt="Instituição", id="pp-inst"))
            yield lado_a_lado(
                (
                    "Papel",
                    Lista(
                        [(p.capitalize(), p) for p in PAPEIS_PONTO_FOCAL],
                        value="titular",
                        allow_blank=False,
                        id="pp-papel",
                    ),
                ),
                (
                    "Campo",
                    Lista(
                        [(nome, chave) for chave, nome in CAMPOS_PONTO.items()],
                        value="nome",
                        allow_blank=False,
                        id="pp-campo",
                    ),
                ),
            )
            yield Static("", id="pp-atual", classes="form-dica")
            yield from campo("Novo valor", Input(id="pp-valor"))

    def _encaminhamentos(self) -> list[tuple[str, int]]:
        """The network's referrals as list options: 'DEAM-BV → PF-RR (Imediato)'."""
        sigla = {i.id: i.sigla for i in self.rc.instituicoes}
        opcoes = []
        for e in self.rc.encaminhamentos:
            prazo = f" ({e.prazo})" if e.prazo else ""
            rotulo = f"{sigla.get(e.origem_id, '?')} → {sigla.get(e.destino_id, '?')}{prazo}"
            opcoes.append((literal(rotulo), e.id))
        return sorted(opcoes, key=lambda o: str(o[0]))

    def on_mount(self) -> None:
        self.query_one("#s-texto" if self.autor_id else "#s-autor").focus()

    @on(Select.Changed, "#pe-existente")
    def _ao_escolher_encaminhamento(self, evento: Select.Changed) -> None:
        """Choosing an existing referral fills its fields, to be changed in place."""
        enc = next((e for e in self.rc.encaminhamentos if e.id == evento.value), None)
        if enc is None:
            return
        self.query_one("#pe-de", Select).value = enc.origem_id
        self.query_one("#pe-para", Select).value = enc.destino_id
        self.query_one("#pe-condicao", Input).value = enc.condicao
        self.query_one("#pe-prazo", Input).value = enc.prazo

    @on(Select.Changed, "#s-autor")
    def _ao_mudar_autor(self, evento: Select.Changed) -> None:
        self.query_one("#s-autor-livre").set_class(evento.value != OUTRO_AUTOR, "oculto")

    @on(Select.Changed, "#s-proposta")
    def _ao_mudar_proposta(self, evento: Select.Changed) -> None:
        for tipo in TIPOS_PROPOSTA:
            self.query_one(f"#p-{tipo}").set_class(evento.value != tipo, "oculto")
        if evento.value in TIPOS_PROPOSTA:
            self.query_one("#s-assunto", Select).value = assunto_da_proposta({"tipo": evento.value})
            grupo = self.query_one(f"#p-{evento.value}")
            # the fields the chosen kind needs come into view below the list just chosen
            self.call_after_refresh(
                lambda: self.query_one(".campos").scroll_to_widget(grupo, animate=False)
            )

    @on(Select.Changed, "#pa-inst")
    @on(Select.Changed, "#pa-etapa")
    def _preencher_atribuicao(self) -> None:
        inst = self.query_one("#pa-inst", Select).value
        etapa = self.query_one("#pa-etapa", Select).value
        atual = next(
            (
                a.texto
                for a in self.rc.atribuicoes
                if a.instituicao_id == inst and a.etapa_id == etapa
            ),
            "",
        )
        area = self.query_one("#pa-texto", TextArea)
        if atual and not area.text.strip():
            area.load_text(atual)

    @on(Select.Changed, "#pc-inst")
    @on(Select.Changed, "#pc-campo")
    def _preencher_contato(self) -> None:
        inst = self.rc.instituicao_por_id.get(self.query_one("#pc-inst", Select).value)
        campo_ = self.query_one("#pc-campo", Select).value
        entrada = self.query_one("#pc-valor", Input)
        if inst and not entrada.value:
            entrada.value = getattr(inst, campo_, "")

    def _ponto_escolhido(self):
        """The focal point in the chosen institution and role, None when the role is vacant."""
        inst = self.query_one("#pp-inst", Select).value
        papel = self.query_one("#pp-papel", Select).value
        pontos = self.rc.pontos_por_instituicao.get(inst, [])
        return next((p for p in pontos if p.papel == papel), None)

    @on(Select.Changed, "#pp-inst")
    @on(Select.Changed, "#pp-papel")
    @on(Select.Changed, "#pp-campo")
    def _mostrar_ponto_atual(self) -> None:
        """Say whom the change is about, or that the role is vacant and a name is needed."""
        if self.query_one("#pp-inst", Select).value is Select.NULL:
            return
        ponto = self._ponto_escolhido()
        campo_ = self.query_one("#pp-campo", Select).value
        aviso = self.query_one("#pp-atual", Static)
        if ponto is None:
            aviso.update("Papel vago: a sugestão indica uma pessoa (informe o nome).")
        else:
            atual = getattr(ponto, campo_, "") or "vazio"
            aviso.update(literal(f"Hoje: {ponto.nome} · {CAMPOS_PONTO[campo_]}: {atual}"))

    def _valor(self, seletor: str):
        valor = self.query_one(seletor).value
        return None if valor is Select.NULL else valor

    def _proposta(self) -> tuple[dict | None, str]:
        """The structured change chosen, and a default reference for it."""
        tipo = self.query_one("#s-proposta", Select).value
        sigla = lambda id_: self.rc.instituicao_por_id[id_].sigla if id_ else ""  # noqa: E731
        fluxo_id = self.rc.fluxos[0].id if self.rc.fluxos else None
        if tipo == "atribuicao":
            inst, etapa = self._valor("#pa-inst"), self._valor("#pa-etapa")
            if inst is None or etapa is None:
                raise ErroValidacao("Escolha a instituição e a etapa da atribuição proposta.")
            texto = self.query_one("#pa-texto", TextArea).text
            referencia = f"{sigla(inst)} × {self.rc.etapa_por_id[etapa].nome}"
            return {
                "tipo": tipo,
                "instituicao_id": inst,
                "etapa_id": etapa,
                "fluxo_id": fluxo_id,
                "texto": texto,
            }, referencia
        if tipo == "encaminhamento":
            de, para = self._valor("#pe-de"), self._valor("#pe-para")
            if de is None or para is None:
                raise ErroValidacao("Escolha quem encaminha e para quem.")
            existente = self.query_one("#pe-existente", Select).value
            enc = next((e for e in self.rc.encaminhamentos if e.id == existente), None)
            return {
                "tipo": tipo,
                "encaminhamento_id": enc.id if enc else None,
                "fluxo_id": enc.fluxo_id if enc else fluxo_id,
                "origem_id": de,
                "destino_id": para,
                "condicao": self.query_one("#pe-condicao", Input).value,
                "prazo": self.query_one("#pe-prazo", Input).value,
            }, f"{sigla(de)} → {sigla(para)}"
        if tipo == "contato":
            inst = self._valor("#pc-inst")
            if inst is None:
                raise ErroValidacao("Escolha a instituição cujo contato muda.")
            campo_ = self.query_one("#pc-campo", Select).value
            valor = self.query_one("#pc-valor", Input).value
            return {"tipo": tipo, "instituicao_id": inst, "campos": {campo_: valor}}, sigla(inst)
        if tipo == "ponto_focal":
            inst = self._valor("#pp-inst")
            if inst is None:
                raise ErroValidacao("Escolha a instituição do ponto focal.")
            papel = self.query_one("#pp-papel", Select).value
            ponto = self._ponto_escolhido()
            campo_ = self.query_one("#pp-campo", Select).value
            return {
                "tipo": tipo,
                "instituicao_id": inst,
                "papel": papel,
                "ponto_focal_id": ponto.id if ponto else None,
                "campos": {campo_: self.query_one("#pp-valor", Input).value},
            }, f"{sigla(inst)} ({papel})"
        return None, ""

    def coletar(self) -> Sugestao:
        autor_id = self._valor("#s-autor")
        autor_livre = self.query_one("#s-autor-livre", Input).value
        if autor_id is None or (autor_id == OUTRO_AUTOR and not autor_livre.strip()):
            raise ErroValidacao("Informe quem fez a sugestão.")
        proposta, referencia = self._proposta()
        return validar_sugestao(
            Sugestao(
                texto=self.query_one("#s-texto", TextArea).text,
                assunto=self.query_one("#s-assunto", Select).value,
                referencia=self.query_one("#s-referencia", Input).value or referencia,
                reuniao_id=self.reuniao_id,
                instituicao_id=None if autor_id == OUTRO_AUTOR else autor_id,
                autor=autor_livre if autor_id == OUTRO_AUTOR else "",
                proposta=proposta,
            )
        )

    def textos_livres(self, valor: Sugestao) -> list[str]:
        return [valor.texto, valor_principal(valor.proposta) if valor.proposta else ""]


@dataclass
class DecisaoTomada:
    """The decision on a suggestion, its justification, the (adjusted) change and whether to apply it."""

    decisao: str
    justificativa: str
    proposta: dict | None
    aplicar: bool


class FormDecisao(Formulario[DecisaoTomada]):
    """Decide a suggestion: accepted, accepted in part (adjusting the change) or not accepted."""

    TITULO = "Decisão sobre a sugestão"

    def __init__(self, sugestao: Sugestao, rc: RedeCompleta):
        super().__init__()
        self.sugestao, self.rc = sugestao, rc

    def campos(self) -> ComposeResult:
        s = self.sugestao
        yield Static(literal(f"{s.autor}: {s.texto}"), classes="destaque")
        if s.proposta:
            yield Static(literal(f"Alteração proposta: {descrever_proposta(s.proposta, self.rc)}"))
        yield from campo(
            "Decisão",
            Lista(
                [(nome, chave) for chave, nome in DECISOES_SUGESTAO.items()],
                value=s.decisao or "acolhida",
                allow_blank=False,
                id="d-decisao",
            ),
        )
        yield from campo(
            "Justificativa (obrigatória se não acolhida ou acolhida em parte)",
            TextArea(s.justificativa, id="d-justificativa"),
        )
        if s.proposta and valor_principal(s.proposta):
            yield from campo(
                "Texto que vai para o fluxo (ajuste se acolhida em parte)",
                TextArea(valor_principal(s.proposta), id="d-texto-final"),
            )
        if s.proposta:
            yield Checkbox("Aplicar a alteração ao fluxo agora", value=True, id="d-aplicar")

    def on_mount(self) -> None:
        self.query_one("#d-decisao").focus()

    @on(Select.Changed, "#d-decisao")
    def _ao_decidir(self, evento: Select.Changed) -> None:
        for caixa in self.query("#d-aplicar").results(Checkbox):
            caixa.value = evento.value != "nao_acolhida"
            caixa.disabled = evento.value == "nao_acolhida"

    def coletar(self) -> DecisaoTomada:
        decisao = self.query_one("#d-decisao", Select).value
        justificativa = self.query_one("#d-justificativa", TextArea).text.strip()
        if decisao != "acolhida" and not justificativa:
            raise ErroValidacao(
                "Justifique a decisão: a rede precisa saber por que não foi acolhida por inteiro."
            )
        proposta = self.sugestao.proposta
        finais = self.query("#d-texto-final").results(TextArea)
        for area in finais:
            proposta = com_valor_principal(proposta, area.text)
        aplicar = any(c.value for c in self.query("#d-aplicar").results(Checkbox))
        return DecisaoTomada(
            decisao, justificativa, proposta, aplicar and decisao != "nao_acolhida"
        )

    def textos_livres(self, valor: DecisaoTomada) -> list[str]:
        return [valor.justificativa, valor_principal(valor.proposta) if valor.proposta else ""]
