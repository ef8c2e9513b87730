"""Turn the rows of an actor spreadsheet into an import plan against the current network.

Rows of the same institution (same sigla, else same name) are merged; each institution is
matched to an existing one (by sigla, else by name, ignoring case and accents) and checked
with the domain's validation. Nothing here writes: the plan says what would happen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pacto.domain.campos_ator import POR_CHAVE as POR_CHAVE_ATOR
from pacto.domain.campos_ator import personalidade_padrao
from pacto.domain.celulas_planilha import TEXTO_A_DETALHAR, sigla_entre_parenteses
from pacto.domain.colunas_planilha import CAMPOS_INSTITUICAO, PREFIXO_ETAPA, rotulo_campo
from pacto.domain.errors import ErroImportacao, ErroValidacao
from pacto.domain.importacao import (
    AtorPlanejado,
    LinhaRejeitada,
    PlanoImportacao,
    descrever_linhas,
)
from pacto.domain.models import ESFERAS, Atribuicao, Etapa, Instituicao, PontoFocal
from pacto.domain.network import RedeCompleta
from pacto.domain.validation import validar_instituicao, validar_ponto_focal, validar_texto
from pacto.services.planilha_mapeamento import LinhaLida
from pacto.services.planilha_registros import Registro, chave_comparacao, ler_registro


@dataclass
class _Grupo:
    """Rows that speak of the same institution."""

    registros: list[Registro]

    @property
    def linhas(self) -> list[int]:
        return [r.numero for r in self.registros]


# -- grouping --------------------------------------------------------------------------


def _agrupar(registros: list[Registro]) -> list[_Grupo]:
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
            if valor == "":  # False (a yes/no cell answered “não”) is a value
                continue
            if campo not in campos:
                campos[campo], origem[campo] = valor, reg.numero
            elif (
                chave_comparacao(str(valor)) != chave_comparacao(str(campos[campo]))
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
                atual is None
                or not isinstance(valor, str)
                or chave_comparacao(valor) != chave_comparacao(antes)
            ):
                setattr(inst, campo, valor)
        if atual is None and "personalidade_juridica" not in campos:
            inst.personalidade_juridica = personalidade_padrao(inst.tipo)
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
            else:
                velho, novo = (POR_CHAVE_ATOR[campo].descrever(v) for v in (velho, novo))
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
    acima: Registro | None = None
    for linha in linhas:
        # a row pasted twice (rows that differ only in spaces or case merge further on anyway)
        assinatura = tuple(linha.valores.items())
        if assinatura in vistas:
            plano.avisos.append(
                f"Linha {linha.numero}: repete a linha {vistas[assinatura]} e foi ignorada."
            )
            continue
        vistas[assinatura] = linha.numero
        reg = ler_registro(linha, etapas, com_etapa)
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
