"""Meeting forms: the meeting itself, a check-in, a decision and an action item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from pacto.domain.calendario import formatar_data, formatar_hora, ler_data, ler_hora
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Instituicao
from pacto.domain.reunioes import (
    MODALIDADES,
    TIPOS_REUNIAO,
    Acao,
    Deliberacao,
    Presenca,
    Reuniao,
    escrever_pauta,
    ler_pauta,
    validar_acao,
    validar_reuniao,
)
from pacto.services.feriados import alerta as alerta_da_rede
from pacto.tui.campos import Lista
from pacto.tui.reuniao_dialogos import Formulario, campo, lado_a_lado
from pacto.tui.texto import literal


def opcoes_instituicoes(instituicoes: list[Instituicao]) -> list[tuple[Text, int]]:
    """Institutions for a Select, by acronym (typing the acronym finds it), shown literally."""
    return [
        (literal(f"{i.sigla} — {i.nome}"), i.id)
        for i in sorted(instituicoes, key=lambda i: i.sigla)
    ]


def _inteiro(texto: str, rotulo: str) -> int:
    try:
        return int(texto.strip())
    except ValueError as erro:
        raise ErroValidacao(f"{rotulo}: informe um número inteiro.") from erro


@dataclass
class DadosReuniao:
    """What the meeting form returns: the meeting and its agenda as (title, minutes)."""

    reuniao: Reuniao
    pauta: list[tuple[str, int]]


class FormReuniao(Formulario[DadosReuniao]):
    """Schedule or edit a meeting: kind, number, date, place, chair, secretary and agenda."""

    def __init__(
        self,
        reuniao: Reuniao | None,
        pauta: list[tuple[str, int]],
        proximos: dict[str, int],
        em_uso: set[tuple[str, int]],
        hoje: date,
    ):
        super().__init__()
        self.reuniao = reuniao
        self.pauta_inicial = pauta
        self.proximos = proximos
        self.em_uso = em_uso
        self.hoje = hoje
        self.TITULO = f"Editar a {reuniao.titulo}" if reuniao else "Nova reunião"

    def campos(self) -> ComposeResult:
        r = self.reuniao
        tipo = r.tipo if r else "gt"
        numero = r.numero if r else self.proximos.get(tipo, 1)
        yield lado_a_lado(
            (
                "Tipo",
                Lista(
                    [(t.nome, t.chave) for t in TIPOS_REUNIAO.values()],
                    value=tipo,
                    allow_blank=False,
                    id="f-tipo",
                ),
            ),
            ("Número (no tipo)", Input(str(numero), id="f-numero")),
        )
        data = r.data if r else self.hoje
        yield lado_a_lado(
            ("Data (DD/MM/AAAA)", Input(formatar_data(data), id="f-data")),
            ("Hora (HH:MM)", Input(formatar_hora(r.hora) if r else "14:00", id="f-hora")),
            ("Duração (min)", Input(str(r.duracao_min) if r else "120", id="f-duracao")),
        )
        yield Static("", id="f-data-alerta", classes="alerta")
        yield lado_a_lado(
            (
                "Modalidade",
                Lista(
                    [(nome, chave) for chave, nome in MODALIDADES.items()],
                    value=r.modalidade if r else "presencial",
                    allow_blank=False,
                    id="f-modalidade",
                ),
            ),
            ("Local ou link", Input(r.local if r else "", id="f-local")),
        )
        yield lado_a_lado(
            ("Presidente", Input(r.presidente if r else "", id="f-presidente")),
            ("Secretário(a)", Input(r.secretario if r else "", id="f-secretario")),
        )
        pauta = self.pauta_inicial or list(TIPOS_REUNIAO[tipo].pauta)
        yield from campo(
            "Pauta: um item por linha, com o tempo entre parênteses, ex.: “Abertura (10 min)”",
            TextArea(escrever_pauta(pauta), id="f-pauta"),
        )

    def on_mount(self) -> None:
        self._alertar_data(self.query_one("#f-data", Input).value)

    @on(Select.Changed, "#f-tipo")
    def _ao_mudar_tipo(self, evento: Select.Changed) -> None:
        if self.reuniao is not None or evento.value not in TIPOS_REUNIAO:
            return
        self.query_one("#f-numero", Input).value = str(self.proximos.get(evento.value, 1))
        area = self.query_one("#f-pauta", TextArea)
        padroes = {escrever_pauta(list(t.pauta)) for t in TIPOS_REUNIAO.values()}
        if area.text in padroes:  # still the usual agenda of a kind: follow the new kind
            area.load_text(escrever_pauta(list(TIPOS_REUNIAO[evento.value].pauta)))

    @on(Input.Changed, "#f-data")
    def _ao_mudar_data(self, evento: Input.Changed) -> None:
        self._alertar_data(evento.value)

    def _alertar_data(self, texto: str) -> None:
        try:
            alerta = alerta_da_rede(self.app.ws, ler_data(texto))
        except ErroValidacao:
            alerta = None
        self.query_one("#f-data-alerta", Static).update(literal(f"! {alerta}" if alerta else ""))

    def coletar(self) -> DadosReuniao:
        problemas: list[str] = []

        def tentar(funcao, *args):
            try:
                return funcao(*args)
            except ErroValidacao as erro:
                problemas.extend(erro.problemas)
                return None

        valor = lambda seletor: self.query_one(seletor, Input).value  # noqa: E731
        tipo = self.query_one("#f-tipo", Select).value
        numero = tentar(_inteiro, valor("#f-numero"), "Número")
        data = tentar(ler_data, valor("#f-data"))
        hora = tentar(ler_hora, valor("#f-hora"))
        duracao = tentar(_inteiro, valor("#f-duracao"), "Duração")
        pauta = ler_pauta(self.query_one("#f-pauta", TextArea).text)
        if not pauta:
            problemas.append("Escreva ao menos um item na pauta.")
        if problemas:
            raise ErroValidacao(problemas)
        reuniao = Reuniao(
            tipo=tipo,
            numero=numero,
            data=data,
            hora=hora,
            duracao_min=duracao,
            local=valor("#f-local"),
            modalidade=self.query_one("#f-modalidade", Select).value,
            presidente=valor("#f-presidente"),
            secretario=valor("#f-secretario"),
            situacao=self.reuniao.situacao if self.reuniao else "planejada",
            observacoes=self.reuniao.observacoes if self.reuniao else "",
            id=self.reuniao.id if self.reuniao else None,
        )
        reuniao = validar_reuniao(reuniao)
        original = (self.reuniao.tipo, self.reuniao.numero) if self.reuniao else None
        if (tipo, numero) in self.em_uso and (tipo, numero) != original:
            raise ErroValidacao(f"Já existe a {reuniao.titulo}. Use outro número.")
        return DadosReuniao(reuniao, pauta)


@dataclass
class DadosPresenca:
    """A check-in, and the institution to map on the spot when a walk-in asks for it."""

    presenca: Presenca
    nova_instituicao: Instituicao | None = None


class FormPresenca(Formulario[DadosPresenca]):
    """Check in a representative of an institution, or a walk-in from an unmapped one."""

    def __init__(
        self,
        reuniao_id: int,
        instituicao: Instituicao | None = None,
        presenca: Presenca | None = None,
        nome: str = "",
        cargo: str = "",
    ):
        super().__init__()
        self.reuniao_id = reuniao_id
        self.instituicao = instituicao
        self.presenca = presenca
        self.nome = presenca.nome if presenca else nome
        self.cargo = presenca.cargo if presenca else cargo
        self.TITULO = (
            f"Presença — {instituicao.sigla}" if instituicao else "Presença de órgão não mapeado"
        )

    def campos(self) -> ComposeResult:
        if self.instituicao:
            yield Static(literal(self.instituicao.rotulo), classes="destaque")
        else:
            organizacao = self.presenca.organizacao if self.presenca else ""
            yield from campo("Órgão ou organização", Input(organizacao, id="f-organizacao"))
        yield from campo("Nome do(a) representante", Input(self.nome, id="f-nome"))
        yield from campo("Cargo ou função", Input(self.cargo, id="f-cargo"))
        if not self.instituicao and not self.presenca:
            yield Checkbox("Incluir este órgão na rede agora", id="f-mapear")
            yield from campo("Sigla (para incluir na rede)", Input(id="f-sigla"))
        yield Static(
            "Sem CPF: a lista de presença registra só nome, órgão e cargo.", classes="nota"
        )

    def on_mount(self) -> None:
        self.query_one("#f-nome" if self.instituicao else "#f-organizacao", Input).focus()

    def _orgao_gravado(self) -> str:
        return self.presenca.organizacao if self.presenca else ""

    def coletar(self) -> DadosPresenca:
        valor = lambda seletor: self.query_one(seletor, Input).value  # noqa: E731
        presenca = Presenca(
            reuniao_id=self.reuniao_id,
            nome=valor("#f-nome"),
            cargo=valor("#f-cargo"),
            instituicao_id=self.instituicao.id if self.instituicao else None,
            organizacao=valor("#f-organizacao") if not self.instituicao else self._orgao_gravado(),
            id=self.presenca.id if self.presenca else None,
        )
        nova = None
        mapear = self.query("#f-mapear")
        if mapear and mapear.first(Checkbox).value:
            sigla = valor("#f-sigla").strip()
            if not sigla:
                raise ErroValidacao("Informe a sigla para incluir o órgão na rede.")
            nova = Instituicao(nome=presenca.organizacao.strip(), sigla=sigla)
        if not presenca.nome.strip():
            raise ErroValidacao("Informe o nome de quem representa a instituição.")
        if presenca.instituicao_id is None and not presenca.organizacao.strip():
            raise ErroValidacao("Informe o órgão ou a organização.")
        return DadosPresenca(presenca, nova)


class FormDeliberacao(Formulario[Deliberacao]):
    """Record a decision of the meeting, tied to the current agenda item."""

    TITULO = "Deliberação"

    def __init__(self, reuniao_id: int, item_id: int | None, titulo_item: str = ""):
        super().__init__()
        self.reuniao_id, self.item_id, self.titulo_item = reuniao_id, item_id, titulo_item

    def campos(self) -> ComposeResult:
        if self.titulo_item:
            yield Static(literal(f"Item da pauta: {self.titulo_item}"), classes="destaque")
        yield from campo("O que foi deliberado", TextArea(id="f-texto"))

    def on_mount(self) -> None:
        self.query_one("#f-texto", TextArea).focus()

    def coletar(self) -> Deliberacao:
        texto = self.query_one("#f-texto", TextArea).text.strip()
        if not texto:
            raise ErroValidacao("Escreva o que foi deliberado.")
        return Deliberacao(self.reuniao_id, texto, item_id=self.item_id)

    def textos_livres(self, valor: Deliberacao) -> list[str]:
        return [valor.texto]


class FormAcao(Formulario[Acao]):
    """Record an action item: what, which institution answers for it, and by when."""

    TITULO = "Ação (encaminhamento da reunião)"

    def __init__(self, reuniao_id: int, instituicoes: list[Instituicao], acao: Acao | None = None):
        super().__init__()
        self.reuniao_id, self.instituicoes, self.acao = reuniao_id, instituicoes, acao

    def campos(self) -> ComposeResult:
        a = self.acao
        yield from campo("O que deve ser feito", Input(a.descricao if a else "", id="f-descricao"))
        yield lado_a_lado(
            (
                "Responsável (digite a sigla)",
                Lista(
                    opcoes_instituicoes(self.instituicoes),
                    prompt="Escolha a instituição",
                    value=a.instituicao_id if a and a.instituicao_id else Select.NULL,
                    id="f-instituicao",
                ),
            ),
            ("Prazo (DD/MM/AAAA)", Input(formatar_data(a.prazo) if a else "", id="f-prazo")),
        )

    def on_mount(self) -> None:
        self.query_one("#f-descricao", Input).focus()

    def coletar(self) -> Acao:
        instituicao = self.query_one("#f-instituicao", Select).value
        prazo = self.query_one("#f-prazo", Input).value
        problemas = []
        if instituicao is Select.NULL:
            problemas.append("Escolha a instituição responsável.")
        try:
            data = ler_data(prazo, "o prazo") if prazo.strip() else None
        except ErroValidacao as erro:
            problemas.extend(erro.problemas)
            data = None
        if problemas:
            raise ErroValidacao(problemas)
        return validar_acao(
            Acao(
                reuniao_id=self.reuniao_id,
                descricao=self.query_one("#f-descricao", Input).value,
                instituicao_id=instituicao,
                prazo=data,
                situacao=self.acao.situacao if self.acao else "aberta",
                concluida_em=self.acao.concluida_em if self.acao else None,
                id=self.acao.id if self.acao else None,
            )
        )

    def textos_livres(self, valor: Acao) -> list[str]:
        return [valor.descricao]
