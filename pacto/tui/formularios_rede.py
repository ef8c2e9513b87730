"""Forms of the network's actors: institution, focal point and referral."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static, TextArea

from pacto.domain.campos_ator import CAMPOS as CAMPOS_ATOR
from pacto.domain.campos_ator import PAPEIS_ATOR, POR_CHAVE, personalidade_padrao
from pacto.domain.catalog import tipos_instituicao
from pacto.domain.errors import ErroValidacao
from pacto.domain.models import (
    ESFERAS,
    PAPEIS_PONTO_FOCAL,
    Encaminhamento,
    Fluxo,
    Instituicao,
    PontoFocal,
)
from pacto.tui.campos import Lista
from pacto.tui.formularios import CaixaDeMarcar, Formulario, linha_do_formulario
from pacto.tui.texto import literal

# (field, label, placeholder) of the institution's other one-line fields, from the registry
_CAMPOS_TEXTO = tuple(
    (c.chave, c.rotulo, c.dica)
    for c in CAMPOS_ATOR
    if c.tipo == "texto" and c.chave not in ("nome", "sigla")
)


def _valor(select: Select) -> str:
    """A Select's value as text, empty when nothing is chosen."""
    return "" if select.value is Select.NULL else str(select.value)


class FormInstituicao(Formulario[Instituicao]):
    """Add or edit an institution; the type comes from the catalogue, the sphere from ESFERAS."""

    def __init__(
        self, salvar: Callable[[Instituicao], Instituicao], inst: Instituicao | None = None
    ):
        titulo = f"Editar instituição: {inst.sigla}" if inst else "Nova instituição"
        super().__init__(titulo, salvar)
        self.original = inst or Instituicao(nome="", sigla="")
        self.visto = inst

    def campos(self) -> ComposeResult:
        inst = self.original
        for chave in ("nome", "sigla"):
            campo = POR_CHAVE[chave]
            yield linha_do_formulario(
                f"{campo.rotulo} *",
                Input(
                    getattr(inst, chave), id=f"inst-{chave}", placeholder=campo.dica, compact=True
                ),
            )
        tipos = [(t.nome, t.chave) for t in tipos_instituicao().values()]
        if inst.tipo and inst.tipo not in tipos_instituicao():
            tipos.append((literal(inst.tipo), inst.tipo))
        yield linha_do_formulario(
            "Tipo",
            Lista(
                tipos,
                value=inst.tipo or Select.NULL,
                prompt="(escolha no catálogo)",
                id="inst-tipo",
                compact=True,
            ),
        )
        esferas = [(nome, chave) for chave, nome in ESFERAS.items()]
        if inst.esfera and inst.esfera not in ESFERAS:
            esferas.append((literal(inst.esfera), inst.esfera))
        yield linha_do_formulario(
            "Esfera",
            Lista(
                esferas,
                value=inst.esfera or Select.NULL,
                prompt="(escolha)",
                id="inst-esfera",
                compact=True,
            ),
        )
        for campo, rotulo, dica in _CAMPOS_TEXTO:
            yield linha_do_formulario(
                rotulo,
                Input(getattr(inst, campo), id=f"inst-{campo}", placeholder=dica, compact=True),
            )
        yield linha_do_formulario(
            POR_CHAVE["papel"].rotulo,
            Lista(
                [(nome, chave) for chave, nome in PAPEIS_ATOR.items()],
                value=inst.papel if inst.papel in PAPEIS_ATOR else "fluxo",
                allow_blank=False,
                id="inst-papel",
                compact=True,
            ),
        )
        yield linha_do_formulario(
            "",
            CaixaDeMarcar(
                f"{POR_CHAVE['personalidade_juridica'].rotulo} (comitês e conselhos não têm)",
                value=inst.personalidade_juridica,
                id="inst-personalidade_juridica",
                compact=True,
            ),
        )
        yield linha_do_formulario(
            POR_CHAVE["observacoes"].rotulo,
            TextArea(inst.observacoes, id="inst-observacoes", compact=True, tab_behavior="focus"),
        )

    def on_mount(self) -> None:
        self.query_one("#inst-nome", Input).focus()

    @on(Select.Changed, "#inst-tipo")
    def _sugerir_pelo_tipo(self, evento: Select.Changed) -> None:
        """A catalogue type suggests the sphere and the acronym while those are still empty."""
        tipo = tipos_instituicao().get(str(evento.value))
        if tipo is None:
            return
        esfera = self.query_one("#inst-esfera", Select)
        if esfera.value is Select.NULL and tipo.esfera in ESFERAS:
            esfera.value = tipo.esfera
        sigla = self.query_one("#inst-sigla", Input)
        if not sigla.value.strip() and tipo.sigla_sugerida:
            sigla.value = tipo.sigla_sugerida
        if self.original.id is None:  # a new collegiate body starts without legal personality
            caixa = self.query_one("#inst-personalidade_juridica", CaixaDeMarcar)
            caixa.value = personalidade_padrao(tipo.chave)

    def montar(self) -> Instituicao:
        texto = {
            campo: self.query_one(f"#inst-{campo}", Input).value for campo, _, _ in _CAMPOS_TEXTO
        }
        return Instituicao(
            nome=self.query_one("#inst-nome", Input).value,
            sigla=self.query_one("#inst-sigla", Input).value,
            tipo=_valor(self.query_one("#inst-tipo", Select)),
            esfera=_valor(self.query_one("#inst-esfera", Select)),
            observacoes=self.query_one("#inst-observacoes", TextArea).text,
            papel=str(self.query_one("#inst-papel", Select).value),
            personalidade_juridica=self.query_one(
                "#inst-personalidade_juridica", CaixaDeMarcar
            ).value,
            id=self.original.id,
            **texto,
        )


class FormPontoFocal(Formulario[PontoFocal]):
    """Add or edit an institution's titular or suplente, optionally confirming the contact today."""

    def __init__(
        self,
        salvar: Callable[[PontoFocal], PontoFocal],
        instituicao: Instituicao,
        hoje: date,
        ponto: PontoFocal | None = None,
        papel: str = "titular",
    ):
        titulo = (
            f"Editar ponto focal: {instituicao.sigla}"
            if ponto
            else f"Novo ponto focal: {instituicao.sigla}"
        )
        super().__init__(titulo, salvar)
        self.instituicao = instituicao
        self.hoje = hoje
        self.original = ponto or PontoFocal(instituicao_id=instituicao.id, papel=papel, nome="")
        self.visto = ponto

    def campos(self) -> ComposeResult:
        ponto = self.original
        yield Static(literal(self.instituicao.rotulo), classes="form-dica")
        yield linha_do_formulario(
            "Papel",
            Lista(
                [(p.capitalize(), p) for p in PAPEIS_PONTO_FOCAL],
                value=ponto.papel,
                allow_blank=False,
                id="pf-papel",
                compact=True,
            ),
        )
        yield linha_do_formulario(
            "Nome *", Input(ponto.nome, id="pf-nome", placeholder="Nome da pessoa", compact=True)
        )
        yield linha_do_formulario("Cargo", Input(ponto.cargo, id="pf-cargo", compact=True))
        yield linha_do_formulario("Telefone", Input(ponto.telefone, id="pf-telefone", compact=True))
        yield linha_do_formulario(
            "E-mail",
            Input(ponto.email, id="pf-email", placeholder="institucional", compact=True),
        )
        quando = ponto.confirmado_em.strftime("%d/%m/%Y") if ponto.confirmado_em else "nunca"
        rotulo = "Contato confirmado hoje" + (f" (última: {quando})" if ponto.id else "")
        yield CaixaDeMarcar(rotulo, value=ponto.id is None, id="pf-confirmado", compact=True)

    def on_mount(self) -> None:
        self.query_one("#pf-nome", Input).focus()

    def montar(self) -> PontoFocal:
        confirmado = self.query_one("#pf-confirmado", CaixaDeMarcar).value
        return PontoFocal(
            instituicao_id=self.instituicao.id,
            papel=str(self.query_one("#pf-papel", Select).value),
            nome=self.query_one("#pf-nome", Input).value,
            cargo=self.query_one("#pf-cargo", Input).value,
            telefone=self.query_one("#pf-telefone", Input).value,
            email=self.query_one("#pf-email", Input).value,
            confirmado_em=self.hoje if confirmado else self.original.confirmado_em,
            id=self.original.id,
        )


class FormEncaminhamento(Formulario[Encaminhamento]):
    """Add or edit a referral: who passes a case to whom, under which condition, within which time."""

    def __init__(
        self,
        salvar: Callable[[Encaminhamento], Encaminhamento],
        instituicoes: list[Instituicao],
        fluxo_id: int,
        enc: Encaminhamento | None = None,
        origem_id: int | None = None,
        fluxos: list[Fluxo] | None = None,
    ):
        super().__init__("Editar encaminhamento" if enc else "Novo encaminhamento", salvar)
        self.instituicoes = instituicoes
        self.fluxos = fluxos or []
        self.original = enc or Encaminhamento(
            fluxo_id=fluxo_id, origem_id=origem_id or 0, destino_id=0
        )
        self.visto = enc

    def campos(self) -> ComposeResult:
        enc = self.original
        if len(self.fluxos) > 1:  # one flow per purpose: say which one the referral belongs to
            yield linha_do_formulario(
                "Fluxo *",
                Lista(
                    [(literal(f.nome), f.id) for f in self.fluxos],
                    value=enc.fluxo_id,
                    allow_blank=False,
                    id="enc-fluxo",
                    compact=True,
                ),
            )
        opcoes = [(literal(f"{i.sigla} — {i.nome}"), i.id) for i in self.instituicoes]
        ids = {i.id for i in self.instituicoes}
        if self._de_preenchido():
            sigla = next(i.sigla for i in self.instituicoes if i.id == enc.origem_id)
            yield Static(
                literal(
                    f"De veio preenchido com a linha destacada ({sigla}): "
                    "confira e mude se não for quem encaminha."
                ),
                id="enc-aviso-de",
                classes="form-dica",
            )
        for campo, rotulo, valor in (
            ("origem", "De *", enc.origem_id),
            ("destino", "Para *", enc.destino_id),
        ):
            yield linha_do_formulario(
                rotulo,
                Lista(
                    opcoes,
                    value=valor if valor in ids else Select.NULL,
                    prompt="(escolha; digite a sigla para buscar)",
                    id=f"enc-{campo}",
                    compact=True,
                ),
            )
        yield linha_do_formulario(
            "Condição",
            Input(
                enc.condicao,
                id="enc-condicao",
                placeholder="Em que situação o caso é encaminhado",
                compact=True,
            ),
        )
        yield linha_do_formulario(
            "Prazo",
            Input(enc.prazo, id="enc-prazo", placeholder="Ex.: 24 horas", compact=True),
        )

    def _de_preenchido(self) -> bool:
        """Whether De was filled from the highlighted row (a new referral), not by the user."""
        return self.original.id is None and self.original.origem_id in {
            i.id for i in self.instituicoes
        }

    def on_mount(self) -> None:
        # a prefilled De is focused first, so it is seen and changed before anything else
        self.query_one("#enc-origem", Select).focus()

    def montar(self) -> Encaminhamento:
        origem = self.query_one("#enc-origem", Select).value
        destino = self.query_one("#enc-destino", Select).value
        problemas = []
        if origem is Select.NULL:
            problemas.append("Escolha quem encaminha (De).")
        if destino is Select.NULL:
            problemas.append("Escolha para quem o caso vai (Para).")
        if problemas:
            raise ErroValidacao(problemas)
        fluxo_id = self.original.fluxo_id
        if len(self.fluxos) > 1:
            fluxo_id = int(self.query_one("#enc-fluxo", Select).value)
        return Encaminhamento(
            fluxo_id=fluxo_id,
            origem_id=int(origem),
            destino_id=int(destino),
            condicao=self.query_one("#enc-condicao", Input).value,
            prazo=self.query_one("#enc-prazo", Input).value,
            id=self.original.id,
        )
