"""What changed between two canonical contents of the flow, told in Portuguese, change by change."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pacto.domain.campos_ator import CAMPOS as CAMPOS_ATOR
from pacto.domain.campos_ator import CAMPOS_VERSAO, POR_CHAVE

# Institution fields kept in the canonical content, and which of them are contact (registry).
CAMPOS_INSTITUICAO = CAMPOS_VERSAO
CAMPOS_CONTATO = tuple(c for c in CAMPOS_VERSAO if POR_CHAVE[c].contato)
CAMPOS_PONTO = ("nome", "cargo", "telefone", "email")
ROTULOS = {c.chave: c.em_frase for c in CAMPOS_ATOR} | {
    "cargo": "cargo",
    "uf": "UF",
    "municipio": "município",
    "coordenacao": "coordenação",
    "ordem": "ordem",
    "finalidades": "finalidades",
    "condicao": "condição",
    "prazo": "prazo",
}


def _chave_sigla(sigla: str) -> str:
    return sigla.casefold()


# Kinds of change, grouped under a heading in the order lists show them.
CATEGORIAS = {
    "rede": "Rede, fluxo e etapas",
    "fluxo": "Rede, fluxo e etapas",
    "etapa": "Rede, fluxo e etapas",
    "entrou": "Instituições",
    "saiu": "Instituições",
    "dados": "Instituições",
    "contato": "Pontos focais e contatos",
    "ponto_focal": "Pontos focais e contatos",
    "atribuicao_incluida": "Atribuições",
    "atribuicao_removida": "Atribuições",
    "atribuicao_alterada": "Atribuições",
    "encaminhamento_incluido": "Encaminhamentos",
    "encaminhamento_removido": "Encaminhamentos",
    "encaminhamento_alterado": "Encaminhamentos",
}


@dataclass(frozen=True)
class Mudanca:
    """One change between two contents, told in Portuguese, with the institution it concerns.

    `envolvidas` names other institutions the change also concerns (the other end of a referral);
    `alvo` names the stage key or flow a network-wide change touches, when it alters what the
    institutions acting there committed to (a renamed or removed stage, a renamed flow).
    """

    tipo: str
    instituicao_sigla: str
    texto: str
    envolvidas: tuple[str, ...] = field(default=())
    alvo: str = field(default="", compare=False)

    @property
    def categoria(self) -> str:
        """The heading this change is listed under."""
        return CATEGORIAS.get(self.tipo, "Outras mudanças")

    def como_dict(self) -> dict:
        """JSON-ready form, for `--json` outputs."""
        return {
            "tipo": self.tipo,
            "categoria": self.categoria,
            "instituicao": self.instituicao_sigla,
            "envolvidas": list(self.envolvidas),
            "texto": self.texto,
        }


def _curto(valor, limite: int = 60) -> str:
    """A value quoted for a message, shortened and on one line."""
    if isinstance(valor, list):
        valor = ", ".join(valor)
    texto = " ".join(str(valor).split())
    if not texto:
        return "(vazio)"
    if len(texto) > limite:
        texto = texto[: limite - 1].rstrip() + "…"
    return f"“{texto}”"


def _de_para(campo: str, antes, depois) -> str:
    return f"{ROTULOS.get(campo, campo)} {_curto(antes)} → {_curto(depois)}"


def _valores(campo: str, antes: dict, depois: dict) -> tuple[str, str]:
    """A field's value on each side, as the user reads it; a field a side lacks holds its default."""
    definicao = POR_CHAVE[campo]
    return tuple(definicao.descrever(lado.get(campo, definicao.padrao)) for lado in (antes, depois))


def _indice_siglas(lista: list[dict], campo: str = "sigla") -> dict[str, dict]:
    return {_chave_sigla(item[campo]): item for item in lista}


class _Comparacao:
    """Compare two canonical contents and collect the changes, category by category."""

    def __init__(self, antes: dict, depois: dict):
        self.antes = antes
        self.depois = depois
        self.mudancas: list[Mudanca] = []
        self.inst_antes = _indice_siglas(antes.get("instituicoes", []))
        self.inst_depois = _indice_siglas(depois.get("instituicoes", []))
        self.novas = self.inst_depois.keys() - self.inst_antes.keys()
        self.saidas = self.inst_antes.keys() - self.inst_depois.keys()
        # Stage names for messages: the newer name wins when a stage was renamed.
        self.etapas = {e["chave"]: e for e in antes.get("etapas", [])} | {
            e["chave"]: e for e in depois.get("etapas", [])
        }
        fluxos_antes = [f["nome"] for f in antes.get("fluxos", [])]
        fluxos_depois = [f["nome"] for f in depois.get("fluxos", [])]
        # With one flow on each side, a renamed flow is still the same flow.
        self.renomear_fluxo = (
            {fluxos_antes[0]: fluxos_depois[0]}
            if len(fluxos_antes) == 1 and len(fluxos_depois) == 1
            else {}
        )
        nomes = {self.renomear_fluxo.get(n, n) for n in fluxos_antes} | set(fluxos_depois)
        self.varios_fluxos = len(nomes) > 1

    def add(
        self, tipo: str, sigla: str, texto: str, envolvidas: tuple[str, ...] = (), alvo: str = ""
    ) -> None:
        self.mudancas.append(Mudanca(tipo, sigla, texto, envolvidas, alvo))

    def rotulo(self, chave: str) -> str:
        inst = self.inst_depois.get(chave) or self.inst_antes[chave]
        return f"{inst['nome']} ({inst['sigla']})"

    def sigla(self, sigla: str) -> str:
        """The acronym as currently written (a case-only edit keeps the identity)."""
        inst = self.inst_depois.get(_chave_sigla(sigla)) or self.inst_antes.get(_chave_sigla(sigla))
        return inst["sigla"] if inst else sigla

    def executar(self) -> list[Mudanca]:
        self.rede()
        self.fluxos()
        self.etapas_()
        self.instituicoes()
        self.pontos_focais()
        self.atribuicoes()
        self.encaminhamentos()
        return self.mudancas

    # -- network, flows, stages --------------------------------------------------------------

    def rede(self) -> None:
        antes, depois = self.antes.get("rede", {}), self.depois.get("rede", {})
        for campo in ("nome", "uf", "municipio", "coordenacao"):
            if antes.get(campo, "") != depois.get(campo, ""):
                texto = (
                    "Coordenação do fluxo alterada" if campo == "coordenacao" else "Rede alterada"
                )
                self.add(
                    "rede",
                    "",
                    f"{texto}: {_de_para(campo, antes.get(campo, ''), depois.get(campo, ''))}.",
                )

    def fluxos(self) -> None:
        antes = {f["nome"]: f for f in self.antes.get("fluxos", [])}
        depois = {f["nome"]: f for f in self.depois.get("fluxos", [])}
        for velho, novo in self.renomear_fluxo.items():
            if velho != novo:
                self.add(
                    "fluxo",
                    "",
                    f"Fluxo renomeado: {_curto(velho, 90)} → {_curto(novo, 90)}.",
                    alvo=novo,
                )
            antes = {novo: antes[velho]}
        for nome in sorted(depois.keys() - antes.keys()):
            self.add("fluxo", "", f"Fluxo incluído: {_curto(nome, 90)}.")
        for nome in sorted(antes.keys() - depois.keys()):
            self.add("fluxo", "", f"Fluxo removido: {_curto(nome, 90)}.", alvo=nome)
        for nome in sorted(antes.keys() & depois.keys()):
            if antes[nome]["finalidades"] != depois[nome]["finalidades"]:
                self.add(
                    "fluxo", "", f"Finalidades do fluxo alteradas: {_curto(nome, 90)}.", alvo=nome
                )

    def etapas_(self) -> None:
        antes = {e["chave"]: e for e in self.antes.get("etapas", [])}
        depois = {e["chave"]: e for e in self.depois.get("etapas", [])}
        for chave in sorted(depois.keys() - antes.keys(), key=lambda c: depois[c]["ordem"]):
            self.add("etapa", "", f"Etapa incluída: {depois[chave]['nome']}.")
        for chave in sorted(antes.keys() - depois.keys(), key=lambda c: antes[c]["ordem"]):
            self.add("etapa", "", f"Etapa removida: {antes[chave]['nome']}.", alvo=chave)
        for chave in sorted(antes.keys() & depois.keys(), key=lambda c: depois[c]["ordem"]):
            partes = [
                _de_para(c, antes[chave][c], depois[chave][c])
                for c in ("nome", "sigla", "ordem")
                if antes[chave][c] != depois[chave][c]
            ]
            if partes:
                # a stage only moved in the order (another was inserted) commits nobody anew
                mudou = any(antes[chave][c] != depois[chave][c] for c in ("nome", "sigla"))
                self.add(
                    "etapa",
                    "",
                    f"Etapa alterada — {depois[chave]['nome']}: {'; '.join(partes)}.",
                    alvo=chave if mudou else "",
                )

    # -- institutions ------------------------------------------------------------------------

    def instituicoes(self) -> None:
        for chave in sorted(self.novas):
            self.add(
                "entrou", self.inst_depois[chave]["sigla"], f"Entrou na rede: {self.rotulo(chave)}."
            )
        for chave in sorted(self.saidas):
            self.add(
                "saiu", self.inst_antes[chave]["sigla"], f"Saiu da rede: {self.rotulo(chave)}."
            )
        for chave in sorted(self.inst_antes.keys() & self.inst_depois.keys()):
            antes, depois = self.inst_antes[chave], self.inst_depois[chave]
            sigla = depois["sigla"]
            dados = [
                _de_para(c, *_valores(c, antes, depois))
                for c in CAMPOS_INSTITUICAO
                if c not in CAMPOS_CONTATO and len(set(_valores(c, antes, depois))) == 2
            ]
            contato = [
                _de_para(c, antes.get(c, ""), depois.get(c, ""))
                for c in CAMPOS_CONTATO
                if antes.get(c, "") != depois.get(c, "")
            ]
            if dados:
                self.add(
                    "dados", sigla, f"Dados da instituição alterados — {sigla}: {'; '.join(dados)}."
                )
            if contato:
                self.add("contato", sigla, f"Contato alterado — {sigla}: {'; '.join(contato)}.")

    def pontos_focais(self) -> None:
        grupos: dict[tuple[str, str], list[list[dict]]] = defaultdict(lambda: [[], []])
        for lado, conteudo in enumerate((self.antes, self.depois)):
            for ponto in conteudo.get("pontos_focais", []):
                grupos[(_chave_sigla(ponto["instituicao"]), ponto["papel"])][lado].append(ponto)
        for (chave, papel), (antes, depois) in sorted(
            grupos.items(), key=lambda g: (g[0][0], g[0][1] != "titular")
        ):
            if chave in self.novas or chave in self.saidas:
                continue  # joining or leaving the network already says it all
            sigla = self.sigla(chave)
            if len(antes) == 1 and len(depois) == 1 and antes[0]["nome"] != depois[0]["nome"]:
                self.add(
                    "ponto_focal",
                    sigla,
                    f"Ponto focal {papel} alterado — {sigla}: "
                    f"{antes[0]['nome']} → {depois[0]['nome']}.",
                )
                continue
            por_nome_antes = {p["nome"]: p for p in antes}
            por_nome_depois = {p["nome"]: p for p in depois}
            for nome in sorted(por_nome_depois.keys() - por_nome_antes.keys()):
                self.add("ponto_focal", sigla, f"Ponto focal {papel} incluído — {sigla}: {nome}.")
            for nome in sorted(por_nome_antes.keys() - por_nome_depois.keys()):
                self.add("ponto_focal", sigla, f"Ponto focal {papel} retirado — {sigla}: {nome}.")
            for nome in sorted(por_nome_antes.keys() & por_nome_depois.keys()):
                velho, novo = por_nome_antes[nome], por_nome_depois[nome]
                partes = [
                    _de_para(c, velho[c], novo[c])
                    for c in ("cargo", "telefone", "email")
                    if velho[c] != novo[c]
                ]
                if partes:
                    self.add(
                        "contato",
                        sigla,
                        f"Contato do ponto focal {papel} alterado — {sigla} ({nome}): "
                        f"{'; '.join(partes)}.",
                    )

    # -- duties and referrals ----------------------------------------------------------------

    def _fluxo(self, nome: str) -> str:
        return self.renomear_fluxo.get(nome, nome)

    def _no_fluxo(self, fluxo: str) -> str:
        return f" (fluxo {_curto(fluxo, 50)})" if self.varios_fluxos else ""

    def atribuicoes(self) -> None:
        def indice(conteudo: dict, renomear) -> dict[tuple, dict]:
            return {
                (_chave_sigla(a["instituicao"]), a["etapa"], renomear(a["fluxo"])): a
                for a in conteudo.get("atribuicoes", [])
            }

        antes = indice(self.antes, self._fluxo)
        depois = indice(self.depois, lambda f: f)
        ordem = {chave: e["ordem"] for chave, e in self.etapas.items()}

        def chave_ordem(k: tuple) -> tuple:
            return (ordem.get(k[1], 0), k[0], k[2])

        for tipo, chaves, verbo in (
            ("atribuicao_incluida", depois.keys() - antes.keys(), "incluída"),
            ("atribuicao_removida", antes.keys() - depois.keys(), "removida"),
            (
                "atribuicao_alterada",
                {
                    k
                    for k in antes.keys() & depois.keys()
                    if antes[k]["texto"] != depois[k]["texto"]
                },
                "alterada",
            ),
        ):
            for chave in sorted(chaves, key=chave_ordem):
                sigla = self.sigla(chave[0])
                etapa = self.etapas.get(chave[1], {}).get("nome", chave[1])
                self.add(
                    tipo,
                    sigla,
                    f"Atribuição {verbo} — {sigla} em {etapa}{self._no_fluxo(chave[2])}.",
                )

    def encaminhamentos(self) -> None:
        grupos: dict[tuple, list[list[dict]]] = defaultdict(lambda: [[], []])
        for lado, conteudo, renomear in (
            (0, self.antes, self._fluxo),
            (1, self.depois, lambda f: f),
        ):
            for enc in conteudo.get("encaminhamentos", []):
                chave = (
                    renomear(enc["fluxo"]),
                    _chave_sigla(enc["origem"]),
                    _chave_sigla(enc["destino"]),
                )
                grupos[chave][lado].append(enc)
        for (fluxo, origem, destino), (antes, depois) in sorted(grupos.items()):
            o, d = self.sigla(origem), self.sigla(destino)
            seta = f"{o} → {d}{self._no_fluxo(fluxo)}"
            if len(antes) == 1 and len(depois) == 1:
                partes = [
                    _de_para(c, antes[0][c], depois[0][c])
                    for c in ("condicao", "prazo")
                    if antes[0][c] != depois[0][c]
                ]
                if partes:
                    texto = "; ".join(partes)
                    self.add(
                        "encaminhamento_alterado",
                        o,
                        f"Encaminhamento alterado: {seta}: {texto}.",
                        (d,),
                    )
                continue
            restantes = list(depois)
            for enc in antes:
                par = next(
                    (
                        x
                        for x in restantes
                        if (x["condicao"], x["prazo"]) == (enc["condicao"], enc["prazo"])
                    ),
                    None,
                )
                if par is not None:
                    restantes.remove(par)
                else:
                    self.add(
                        "encaminhamento_removido",
                        o,
                        f"Encaminhamento removido: {seta}{_detalhe(enc)}.",
                        (d,),
                    )
            for enc in restantes:
                self.add(
                    "encaminhamento_incluido",
                    o,
                    f"Encaminhamento incluído: {seta}{_detalhe(enc)}.",
                    (d,),
                )


def _detalhe(enc: dict) -> str:
    partes = []
    if enc.get("condicao"):
        partes.append(f"quando {_curto(enc['condicao'])}")
    if enc.get("prazo"):
        partes.append(f"prazo {_curto(enc['prazo'])}")
    return f" ({'; '.join(partes)})" if partes else ""


def diferencas(antes: dict, depois: dict) -> list[Mudanca]:
    """Everything that changed from one canonical content to another, in reading order."""
    return _Comparacao(antes, depois).executar()


def mudancas_por_instituicao(antes: dict, depois: dict) -> dict[str, list[Mudanca]]:
    """The changes that concern each institution (by acronym), e.g. to ask it to sign again."""
    grupos: dict[str, list[Mudanca]] = defaultdict(list)
    for mudanca in diferencas(antes, depois):
        for sigla in (mudanca.instituicao_sigla, *mudanca.envolvidas):
            if sigla and mudanca not in grupos[sigla]:
                grupos[sigla].append(mudanca)
    return dict(grupos)


# Kinds of change that alter what an institution committed to in its Termo de Adesão.
TIPOS_COMPROMISSO = frozenset(
    {
        "atribuicao_incluida",
        "atribuicao_removida",
        "atribuicao_alterada",
        "encaminhamento_incluido",
        "encaminhamento_removido",
        "encaminhamento_alterado",
    }
)


def compromissos_alterados(antes: dict, depois: dict) -> dict[str, list[Mudanca]]:
    """The changes to each institution's own commitments (by acronym): its duties, the referrals
    it sends or receives, the stages it acts in and the flow it belongs to.

    Contacts, focal points and registry data never count: the Termo asks for an aditivo only when
    what the institution does in the flow changes.
    """
    comparacao = _Comparacao(antes, depois)
    mudancas = comparacao.executar()
    por_etapa: dict[str, set[str]] = defaultdict(set)
    por_fluxo: dict[str, set[str]] = defaultdict(set)
    for conteudo, renomear in ((antes, comparacao._fluxo), (depois, lambda f: f)):
        for a in conteudo.get("atribuicoes", []):
            sigla = comparacao.sigla(a["instituicao"])
            por_etapa[a["etapa"]].add(sigla)
            por_fluxo[renomear(a["fluxo"])].add(sigla)
    grupos: dict[str, list[Mudanca]] = defaultdict(list)
    for mudanca in mudancas:
        if mudanca.tipo in TIPOS_COMPROMISSO:
            siglas = (mudanca.instituicao_sigla, *mudanca.envolvidas)
        elif mudanca.tipo == "etapa" and mudanca.alvo:
            siglas = tuple(sorted(por_etapa.get(mudanca.alvo, ())))
        elif mudanca.tipo == "fluxo" and mudanca.alvo:
            siglas = tuple(sorted(por_fluxo.get(mudanca.alvo, ())))
        else:
            continue
        for sigla in siglas:
            if sigla and mudanca not in grupos[sigla]:
                grupos[sigla].append(mudanca)
    return dict(grupos)


def resumir(mudancas: list[Mudanca]) -> str:
    """One line counting the changes by heading, e.g. '3 mudanças: 1 em Instituições, 2 em …'."""
    if not mudancas:
        return "Nenhuma mudança."
    contagem: dict[str, int] = {}
    for mudanca in mudancas:
        contagem[mudanca.categoria] = contagem.get(mudanca.categoria, 0) + 1
    total = len(mudancas)
    partes = ", ".join(f"{categoria}: {n}" for categoria, n in contagem.items())
    return f"{total} {'mudança' if total == 1 else 'mudanças'} ({partes})."


def agrupar(mudancas: list[Mudanca]) -> dict[str, list[Mudanca]]:
    """Changes under their headings, headings in reading order."""
    grupos: dict[str, list[Mudanca]] = {}
    for mudanca in mudancas:
        grupos.setdefault(mudanca.categoria, []).append(mudanca)
    return grupos
