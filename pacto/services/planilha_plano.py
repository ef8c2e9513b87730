"""Turn the rows of an actor spreadsheet into an import plan against the current network.

Rows of the same institution (same sigla, else same name) are merged; each institution is
matched to an existing one (by sigla, else by name, ignoring case and accents) and checked
with the domain's validation. Nothing here writes: the plan says what would happen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pacto.domain.celulas_planilha import (
    TEXTO_A_DETALHAR,
    descrever_esferas,
    descrever_etapas,
    identificar_etapas,
    limpar_sigla,
    marca_presenca,
    normalizar_esfera,
    normalizar_tipo,
    separar_contato,
    separar_sigla_do_nome,
    sigla_entre_parenteses,
    texto_celula,
    texto_longo,
)
from pacto.domain.colunas_planilha import (
    CAMPOS_INSTITUICAO,
    CAMPOS_PONTO_FOCAL,
    PREFIXO_ETAPA,
    rotulo_campo,
)
from pacto.domain.errors import ErroImportacao, ErroValidacao
from pacto.domain.importacao import (
    AtorPlanejado,
    LinhaRejeitada,
    PlanoImportacao,
    descrever_linhas,
)
from pacto.domain.models import ESFERAS, Atribuicao, Etapa, Instituicao, PontoFocal
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao as _chave_geral
from pacto.domain.validation import validar_instituicao, validar_ponto_focal, validar_texto
from pacto.services.planilha_mapeamento import LinhaLida

_SEM_ACENTOS = str.maketrans(
    "áàâãäéèêëíìîïóòôõöúùûüçñÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑ",
    "aaaaaeeeeiiiiooooouuuucnAAAAAEEEEIIIIOOOOOUUUUCN",
)


@lru_cache(maxsize=65_536)
def chave_comparacao(texto: str) -> str:
    """`pacto.domain.text.chave_comparacao`, faster on Portuguese text (thousands of rows):
    the usual accents by table, anything rarer by the general rule."""
    simples = texto.translate(_SEM_ACENTOS)
    if not simples.isascii():
        return _chave_geral(texto)
    return " ".join(simples.split()).casefold()


_EMAILS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class _Registro:
    """One spreadsheet row read into institution fields, focal points and duties."""

    numero: int
    campos: dict[str, str] = field(default_factory=dict)
    pontos: dict[str, dict[str, str]] = field(default_factory=dict)
    atribuicoes: list[tuple[Etapa, str]] = field(default_factory=list)
    notas: list[str] = field(default_factory=list)  # for the notes field when it is empty
    problemas: list[str] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)

    @property
    def rotulo(self) -> str:
        nome, sigla = self.campos.get("nome", ""), self.campos.get("sigla", "")
        return f"{nome} ({sigla})" if nome and sigla else nome or sigla


@dataclass
class _Grupo:
    """Rows that speak of the same institution."""

    registros: list[_Registro]

    @property
    def linhas(self) -> list[int]:
        return [r.numero for r in self.registros]


# -- one row -------------------------------------------------------------------------


def _ler_registro(linha: LinhaLida, etapas: list[Etapa], com_etapa: bool) -> _Registro:
    reg = _Registro(linha.numero)
    valores = linha.valores
    for campo in CAMPOS_INSTITUICAO:
        if campo in valores:
            texto = valores[campo]
            reg.campos[campo] = (
                texto_longo(texto) if campo == "observacoes" else texto_celula(texto)
            )
    if "sigla" in reg.campos:
        reg.campos["sigla"] = limpar_sigla(reg.campos["sigla"])
    _ajustar_identidade(reg)
    _ajustar_campos(reg)
    if "contato" in valores:
        _ler_contato(reg, valores["contato"])
    for campo, (papel, atributo) in CAMPOS_PONTO_FOCAL.items():
        valor = texto_celula(valores[campo]) if campo in valores else ""
        if valor:
            reg.pontos.setdefault(papel, {})[atributo] = valor
    _ler_atribuicoes(reg, valores, etapas, com_etapa)
    return reg


def _ajustar_identidade(reg: _Registro) -> None:
    """'Polícia Federal (PF)' gives the sigla when none is given, and never keeps it twice."""
    nome, sigla = reg.campos.get("nome", ""), reg.campos.get("sigla", "")
    base, entre_parenteses = separar_sigla_do_nome(nome)
    if entre_parenteses and (
        not sigla or chave_comparacao(sigla) == chave_comparacao(entre_parenteses)
    ):
        reg.campos["nome"], reg.campos["sigla"] = base, sigla or entre_parenteses


def _ajustar_campos(reg: _Registro) -> None:
    campos = reg.campos
    cnpj = campos.get("cnpj", "")
    if cnpj.isdigit() and len(cnpj) < 14:  # a number cell loses the leading zeros
        campos["cnpj"] = cnpj.zfill(14)
    if "esfera" in campos:
        esfera = normalizar_esfera(campos["esfera"])
        if esfera is None:
            reg.problemas.append(
                f"Esfera não reconhecida: “{campos['esfera']}”. Use {descrever_esferas()}."
            )
        else:
            campos["esfera"] = esfera
    if "tipo" in campos:
        campos["tipo"] = normalizar_tipo(campos["tipo"])
    email = campos.get("email", "").removeprefix("mailto:")
    achados = _EMAILS.findall(email)
    if len(achados) > 1:
        reg.avisos.append(
            f"Linha {reg.numero}: mais de um e-mail; ficou o primeiro ({achados[0]})."
        )
        email = achados[0]
    if email:
        campos["email"] = email


def _ler_contato(reg: _Registro, texto: str) -> None:
    """A "Forma de contato" cell fills the contact fields the row left empty."""
    contato = separar_contato(texto)
    for campo in ("telefone", "email", "site", "endereco", "horario"):
        valor = getattr(contato, campo)
        if valor and not reg.campos.get(campo):
            reg.campos[campo] = valor
    if contato.outros:
        reg.notas.append("Forma de contato: " + "; ".join(contato.outros))
    for papel, atributos in contato.pontos.items():
        destino = reg.pontos.setdefault(papel, {})
        for atributo, valor in atributos.items():
            destino.setdefault(atributo, valor)


def _ler_atribuicoes(
    reg: _Registro, valores: dict[str, str], etapas: list[Etapa], com_etapa: bool
) -> None:
    """Duties of a row: the stage column with the duties column, or one column per stage.
    A duty with no stage goes to the notes (`com_etapa` says whether the sheet has stages)."""
    texto = texto_longo(valores.get("atribuicoes", ""))
    if texto and marca_presenca(texto):
        texto = ""
    if "etapas" in valores:
        achadas, desconhecidas = identificar_etapas(valores["etapas"], etapas)
        for trecho in desconhecidas:
            reg.problemas.append(
                f"Etapa não reconhecida: “{trecho}”. Etapas do fluxo: {descrever_etapas(etapas)}."
            )
        for etapa in achadas:
            reg.atribuicoes.append((etapa, texto or TEXTO_A_DETALHAR))
    elif texto:
        reg.notas.append(f"Atribuições: {texto}")
        if com_etapa:
            reg.avisos.append(
                f"Linha {reg.numero}: atribuição sem etapa; o texto vai para as observações da "
                "instituição, se elas estiverem vazias."
            )
    por_chave = {e.chave: e for e in etapas}
    for campo, valor in valores.items():
        if campo.startswith(PREFIXO_ETAPA):
            etapa = por_chave[campo.removeprefix(PREFIXO_ETAPA)]
            texto_etapa = texto_longo(valor)
            if texto_etapa:
                reg.atribuicoes.append(
                    (etapa, TEXTO_A_DETALHAR if marca_presenca(texto_etapa) else texto_etapa)
                )


# -- grouping --------------------------------------------------------------------------


def _agrupar(registros: list[_Registro]) -> list[_Grupo]:
    """Merge the rows of each institution: same sigla, or same name with no other sigla."""
    grupos: list[_Grupo] = []
    por_sigla: dict[str, _Grupo] = {}
    por_nome: dict[str, _Grupo] = {}
    for reg in registros:
        sigla = chave_comparacao(reg.campos.get("sigla", ""))
        nome = chave_comparacao(reg.campos.get("nome", ""))
        grupo = por_sigla.get(sigla) if sigla else None
        if grupo is None and nome in por_nome:
            candidato = por_nome[nome]
            sigla_do_grupo = chave_comparacao(_primeiro(candidato, "sigla"))
            if not sigla or not sigla_do_grupo or sigla_do_grupo == sigla:
                grupo = candidato
        if grupo is None:
            grupo = _Grupo([])
            grupos.append(grupo)
        grupo.registros.append(reg)
        if sigla:
            por_sigla.setdefault(sigla, grupo)
        if nome:
            por_nome.setdefault(nome, grupo)
    return grupos


def _primeiro(grupo: _Grupo, campo: str) -> str:
    return next((r.campos[campo] for r in grupo.registros if r.campos.get(campo)), "")


def _juntar_campos(grupo: _Grupo, avisos: list[str]) -> dict[str, str]:
    """First non-empty value of each field; later different values are reported."""
    campos: dict[str, str] = {}
    origem: dict[str, int] = {}
    for reg in grupo.registros:
        for campo, valor in reg.campos.items():
            if not valor:
                continue
            if campo not in campos:
                campos[campo], origem[campo] = valor, reg.numero
            elif (
                chave_comparacao(valor) != chave_comparacao(campos[campo])
                and campo != "observacoes"
            ):
                avisos.append(
                    f"Linha {reg.numero}: {rotulo_campo(campo).lower()} “{valor}” difere do da "
                    f"linha {origem[campo]} (“{campos[campo]}”); ficou o da linha {origem[campo]}."
                )
    return campos


def _juntar_pontos(grupo: _Grupo) -> dict[str, dict[str, str]]:
    pontos: dict[str, dict[str, str]] = {}
    for reg in grupo.registros:
        for papel, atributos in reg.pontos.items():
            destino = pontos.setdefault(papel, {})
            for atributo, valor in atributos.items():
                destino.setdefault(atributo, valor)
    return pontos


def _juntar_atribuicoes(grupo: _Grupo) -> dict[int, tuple[Etapa, str]]:
    """One text per stage: different texts of several rows are joined, placeholders dropped."""
    textos: dict[int, tuple[Etapa, list[str]]] = {}
    for reg in grupo.registros:
        for etapa, texto in reg.atribuicoes:
            lista = textos.setdefault(etapa.id, (etapa, []))[1]
            if texto not in lista:
                lista.append(texto)
    resultado = {}
    for etapa_id, (etapa, lista) in textos.items():
        reais = [t for t in lista if t != TEXTO_A_DETALHAR]
        resultado[etapa_id] = (etapa, "\n".join(reais) if reais else TEXTO_A_DETALHAR)
    return resultado


# -- the plan ------------------------------------------------------------------------------


class _Planejador:
    """Match each group to the network and decide create, update, keep or reject."""

    def __init__(self, rc: RedeCompleta, plano: PlanoImportacao):
        self.rc = rc
        self.plano = plano
        if not rc.fluxos:
            raise ErroImportacao("O workspace não tem fluxo para receber as atribuições.")
        self.fluxo_id = plano.fluxo_id = rc.fluxos[0].id
        self.por_sigla = {chave_comparacao(i.sigla): i for i in rc.instituicoes}
        self.por_nome: dict[str, list[Instituicao]] = {}
        for inst in rc.instituicoes:
            self.por_nome.setdefault(chave_comparacao(inst.nome), []).append(inst)
        self.atribuicoes = {(a.instituicao_id, a.etapa_id, a.fluxo_id): a for a in rc.atribuicoes}
        self.siglas_planejadas: set[str] = set()
        self.usadas: dict[int, list[int]] = {}  # existing id -> rows already matched to it

    def rejeitar(self, grupo: _Grupo, rotulo: str, motivos: list[str]) -> None:
        self.plano.rejeitadas.append(LinhaRejeitada(grupo.linhas, rotulo, motivos))

    def existente(self, campos: dict[str, str]) -> tuple[Instituicao | None, str]:
        sigla = chave_comparacao(campos.get("sigla", ""))
        if sigla in self.por_sigla:
            return self.por_sigla[sigla], ""
        mesmos = self.por_nome.get(chave_comparacao(campos.get("nome", "")), [])
        if len(mesmos) > 1:
            siglas = ", ".join(i.sigla for i in mesmos)
            return None, f"Há mais de uma instituição com esse nome ({siglas}); informe a sigla."
        return (mesmos[0] if mesmos else None), ""

    def planejar(self, grupo: _Grupo) -> None:
        campos = _juntar_campos(grupo, self.plano.avisos)
        rotulo = grupo.registros[0].rotulo
        atual, problema = self.existente(campos)
        if problema:
            return self.rejeitar(grupo, rotulo, [problema])
        if atual is not None and atual.id in self.usadas:
            anteriores = descrever_linhas(self.usadas[atual.id])
            return self.rejeitar(
                grupo,
                rotulo,
                [f"Corresponde à mesma instituição ({atual.sigla}) das {anteriores}."],
            )
        inst = replace(atual) if atual else Instituicao(nome="", sigla="")
        for campo, valor in campos.items():
            antes = getattr(inst, campo)
            # "HOSPITAL GERAL" for "Hospital Geral" is no change: keep how it was written
            if valor != antes and (
                atual is None or chave_comparacao(valor) != chave_comparacao(antes)
            ):
                setattr(inst, campo, valor)
        notas = [n for r in grupo.registros for n in r.notas]
        if notas and not inst.observacoes:
            notas = list(dict.fromkeys(notas))
            inst.observacoes = "\n".join(notas)
        sigla = chave_comparacao(inst.sigla)
        dono = self.por_sigla.get(sigla)
        em_uso = sigla in self.siglas_planejadas or (dono is not None and dono is not atual)
        try:
            validar_instituicao(inst, [inst.sigla] if em_uso else ())
            pontos, mudancas_pontos = self.pontos(inst, atual, _juntar_pontos(grupo))
            atribuicoes, mudancas_atr = self.duties(atual, _juntar_atribuicoes(grupo))
        except ErroValidacao as erro:
            return self.rejeitar(grupo, inst.rotulo or rotulo, _com_dica(erro.problemas, inst))
        self.siglas_planejadas.add(chave_comparacao(inst.sigla))
        ator = AtorPlanejado(grupo.linhas, inst, pontos=pontos, atribuicoes=atribuicoes)
        if atual is None:
            self.plano.criar.append(ator)
            return
        self.usadas[atual.id] = grupo.linhas
        ator.mudancas = _diferencas(atual, inst) + mudancas_pontos + mudancas_atr
        (self.plano.atualizar if ator.mudancas else self.plano.inalteradas).append(ator)

    def pontos(
        self, inst: Instituicao, atual: Instituicao | None, dados: dict[str, dict[str, str]]
    ) -> tuple[list[PontoFocal], list[str]]:
        gravar, mudancas = [], []
        for papel, atributos in sorted(dados.items(), key=lambda par: par[0] != "titular"):
            anterior = None
            if atual is not None:
                anterior = (
                    self.rc.titular(atual.id) if papel == "titular" else self.rc.suplente(atual.id)
                )
            nome = atributos.get("nome", "")
            if anterior and nome and chave_comparacao(nome) != chave_comparacao(anterior.nome):
                # a new person: the former one's contacts go, confirmation starts over
                ponto = PontoFocal(
                    instituicao_id=anterior.instituicao_id, papel=papel, nome="", id=anterior.id
                )
                mudancas.append(f"Ponto focal {papel}: {anterior.nome} → {nome}")
            elif anterior:
                ponto = replace(anterior)
            else:
                ponto = PontoFocal(instituicao_id=atual.id if atual else None, papel=papel, nome="")
            for atributo, valor in atributos.items():
                setattr(ponto, atributo, valor)
            try:
                validar_ponto_focal(ponto)
            except ErroValidacao as erro:
                raise ErroValidacao([f"Ponto focal {papel}: {p}" for p in erro.problemas]) from erro
            if anterior is None:
                mudancas.append(f"Novo ponto focal {papel}: {ponto.nome}")
            elif ponto == anterior:
                continue
            elif chave_comparacao(ponto.nome) == chave_comparacao(anterior.nome):
                mudancas.append(f"Ponto focal {papel} ({ponto.nome}): contato atualizado")
            gravar.append(ponto)
        return gravar, mudancas

    def duties(
        self, atual: Instituicao | None, textos: dict[int, tuple[Etapa, str]]
    ) -> tuple[list[Atribuicao], list[str]]:
        gravar, mudancas = [], []
        inst_id = atual.id if atual else None
        for etapa_id, (etapa, texto) in sorted(textos.items(), key=lambda par: par[1][0].ordem):
            texto = validar_texto(f"a atribuição em {etapa.nome}", texto)
            anterior = self.atribuicoes.get((inst_id, etapa_id, self.fluxo_id))
            if anterior is not None and (texto == TEXTO_A_DETALHAR or texto == anterior.texto):
                continue
            mudancas.append(
                f"{'Atribuição alterada' if anterior else 'Nova atribuição'} em {etapa.nome}"
            )
            gravar.append(Atribuicao(inst_id, etapa_id, self.fluxo_id, texto))
        return gravar, mudancas


def _com_dica(problemas: list[str], inst: Instituicao) -> list[str]:
    """Say why 'Núcleo (NETP's)' gave no sigla: the text in parentheses is not a valid one."""
    entre_parenteses = sigla_entre_parenteses(inst.nome)
    if entre_parenteses and not inst.sigla:
        return [
            *problemas,
            f"O texto entre parênteses (“{entre_parenteses}”) não serve de sigla: use letras, "
            "números, espaço, ponto, hífen ou barra.",
        ]
    return problemas


def _diferencas(antes: Instituicao, depois: Instituicao) -> list[str]:
    mudancas = []
    for campo in CAMPOS_INSTITUICAO:
        velho, novo = getattr(antes, campo), getattr(depois, campo)
        if velho != novo:
            if campo == "esfera":
                velho, novo = ESFERAS.get(velho, velho), ESFERAS.get(novo, novo)
            mudancas.append(f"{rotulo_campo(campo)}: “{velho or '—'}” → “{novo}”")
    return mudancas


def montar_plano(
    linhas: list[LinhaLida], rc: RedeCompleta, plano: PlanoImportacao
) -> PlanoImportacao:
    """Fill the plan with what each row would do against the network `rc`."""
    etapas = rc.etapas_ordenadas
    campos = {c.campo for c in plano.colunas}
    com_etapa = "etapas" in campos or any(c.startswith(PREFIXO_ETAPA) for c in campos)
    if "atribuicoes" in campos and not com_etapa:
        plano.avisos.append(
            "A planilha não tem coluna de etapa: as atribuições vão para as observações de cada "
            "instituição (quando vazias). Acrescente uma coluna “Etapa” para registrá-las no fluxo."
        )
    registros = []
    vistas: dict[tuple, int] = {}
    acima: _Registro | None = None
    for linha in linhas:
        # a row pasted twice (rows that differ only in spaces or case merge further on anyway)
        assinatura = tuple(linha.valores.items())
        if assinatura in vistas:
            plano.avisos.append(
                f"Linha {linha.numero}: repete a linha {vistas[assinatura]} e foi ignorada."
            )
            continue
        vistas[assinatura] = linha.numero
        reg = _ler_registro(linha, etapas, com_etapa)
        plano.avisos.extend(reg.avisos)
        if reg.campos.get("nome") or reg.campos.get("sigla"):
            acima = reg
        elif acima is not None and (reg.atribuicoes or reg.pontos):
            # no institution named: the row goes on with the one above (cells left blank)
            reg.campos["nome"] = acima.campos.get("nome", "")
            reg.campos["sigla"] = acima.campos.get("sigla", "")
            if acima.problemas:
                reg.problemas.append(f"Completa a linha {acima.numero}, que foi rejeitada.")
        if reg.problemas:
            plano.rejeitadas.append(LinhaRejeitada([reg.numero], reg.rotulo, reg.problemas))
        else:
            registros.append(reg)
    planejador = _Planejador(rc, plano)
    for grupo in _agrupar(registros):
        planejador.planejar(grupo)
    plano.rejeitadas.sort(key=lambda r: r.linha)
    return plano
