"""Validation forms (fichas de validação): one .xlsx per institution with what the flow says about it.

The institution confirms each line or writes its correction in the “Correção” column; importing the
returned form turns every corrected cell into a suggestion on the flow — never a direct overwrite.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils.exceptions import InvalidFileException

from pacto.domain.errors import ErroImportacao, ErroValidacao
from pacto.domain.models import Instituicao
from pacto.domain.network import RedeCompleta
from pacto.domain.privacidade import AVISO_PRIVACIDADE, verificar_privacidade
from pacto.domain.propostas import CAMPOS_CONTATO, CAMPOS_PONTO
from pacto.domain.redacao import contracao
from pacto.domain.reunioes import Sugestao
from pacto.domain.text import chave_comparacao, sem_acentos
from pacto.services.arquivos import salvar_planilha, texto_planilha
from pacto.services.entrada import verificar_formulario
from pacto.store import Workspace

FORMATO = "pacto-ficha"
VERSAO = 1
ABA_FICHA = "Ficha"
ABA_META = "pacto"
CABECALHO = ("Chave", "Seção", "Item", "O que o fluxo diz hoje", "Correção")
SEM_REGISTRO = "(não informado)"
_COR_CORRECAO = PatternFill("solid", fgColor="FFF4CC")
_COR_CABECALHO = PatternFill("solid", fgColor="1F3864")
_BORDA = Border(*(Side(style="thin", color="999999"),) * 4)


@dataclass(frozen=True)
class LinhaFicha:
    """One line of a form: a key the importer understands, where it belongs, and today's value."""

    chave: str
    secao: str
    item: str
    valor: str


def linhas_da_ficha(rc: RedeCompleta, inst: Instituicao) -> list[LinhaFicha]:
    """What the flow says about an institution: contacts, focal points and a duty per stage."""
    linhas = [
        LinhaFicha(f"inst:{campo}", "Contato da instituição", rotulo, getattr(inst, campo))
        for campo, rotulo in CAMPOS_CONTATO.items()
    ]
    for papel in ("titular", "suplente"):
        ponto = rc.titular(inst.id) if papel == "titular" else rc.suplente(inst.id)
        for campo, rotulo in CAMPOS_PONTO.items():
            valor = getattr(ponto, campo) if ponto else ""
            linhas.append(LinhaFicha(f"pf:{papel}:{campo}", f"Ponto focal {papel}", rotulo, valor))
    atribuicoes = {(a.fluxo_id, a.etapa_id): a.texto for a in rc.atribuicoes_de(inst.id)}
    varios = len(rc.fluxos) > 1
    for fluxo in rc.fluxos:
        for etapa in rc.etapas_ordenadas:
            secao = f"Atribuições — {fluxo.nome}" if varios else "Atribuições no fluxo"
            texto = atribuicoes.get((fluxo.id, etapa.id), "")
            linhas.append(LinhaFicha(f"atr:{fluxo.id}:{etapa.chave}", secao, etapa.nome, texto))
    linhas.append(LinhaFicha("obs", "Observações", "Outras correções ou comentários", ""))
    linhas.append(LinhaFicha("preenchido_por", "Observações", "Preenchido por (nome e cargo)", ""))
    return linhas


def nome_do_arquivo(inst: Instituicao) -> str:
    """'ficha-validacao-creas-pintolandia.xlsx'."""
    base = re.sub(r"[^a-z0-9]+", "-", sem_acentos(inst.sigla).lower()).strip("-") or f"{inst.id}"
    return f"ficha-validacao-{base}.xlsx"


def gerar_ficha(
    rc: RedeCompleta,
    inst: Instituicao,
    destino: Path,
    hoje: date | None = None,
    *,
    ws=None,
    sobrescrever: bool = False,
) -> Path:
    """Write one institution's validation form, readable by its owner only (focal points)."""
    hoje = hoje or date.today()
    livro = Workbook()
    aba = livro.active
    aba.title = ABA_FICHA
    coordenacao = (
        f"{contracao('a', rc.coordenacao.nome)} {rc.coordenacao.sigla}"
        if rc.coordenacao
        else "à coordenação da rede"
    )
    aba["B1"] = "Ficha de validação do fluxo"
    aba["B1"].font = Font(size=14, bold=True)
    aba["B2"] = rc.rede.nome
    aba["B3"] = texto_planilha(f"Instituição: {inst.rotulo}")
    aba["B3"].font = Font(bold=True)
    aba["B4"] = (
        "Confira cada linha. Se estiver certa, deixe “Correção” em branco; se estiver errada ou "
        f"desatualizada, escreva como deve ficar. Devolva o arquivo {coordenacao}: cada "
        "correção vira uma sugestão, decidida pela rede. Não escreva dados de vítimas."
    )
    aba["B5"] = f"Gerada em {hoje:%d/%m/%Y} pelo pacto."
    for celula in ("B4", "B5"):
        aba[celula].alignment = Alignment(wrap_text=True, vertical="top")
    aba.merge_cells("B4:E4")
    aba.row_dimensions[4].height = 48
    inicio = 7
    for coluna, titulo in enumerate(CABECALHO, start=1):
        celula = aba.cell(row=inicio, column=coluna, value=titulo)
        celula.font = Font(bold=True, color="FFFFFF")
        celula.fill = _COR_CABECALHO
        celula.border = _BORDA
    for n, linha in enumerate(linhas_da_ficha(rc, inst), start=inicio + 1):
        valores = (linha.chave, linha.secao, linha.item, linha.valor or SEM_REGISTRO, None)
        valores = tuple(texto_planilha(v) for v in valores)
        for coluna, valor in enumerate(valores, start=1):
            celula = aba.cell(row=n, column=coluna, value=valor)
            celula.alignment = Alignment(wrap_text=True, vertical="top")
            celula.border = _BORDA
        correcao = aba.cell(row=n, column=5)
        correcao.fill = _COR_CORRECAO
        correcao.protection = Protection(locked=False)
    for coluna, largura in zip("ABCDE", (4, 24, 26, 60, 50), strict=True):
        aba.column_dimensions[coluna].width = largura
    aba.column_dimensions["A"].hidden = True
    aba.freeze_panes = aba.cell(row=inicio + 1, column=2)
    aba.protection.sheet = True  # only the “Correção” cells accept typing
    aba.protection.formatColumns = False
    aba.protection.formatRows = False
    meta = livro.create_sheet(ABA_META)
    for linha in (
        ("formato", FORMATO),
        ("versao", VERSAO),
        ("rede", rc.rede.nome),
        ("instituicao_id", inst.id),
        ("sigla", inst.sigla),
        ("gerada_em", hoje.isoformat()),
    ):
        meta.append(tuple(texto_planilha(v) for v in linha))
    meta.sheet_state = "hidden"
    return salvar_planilha(livro, Path(destino), ws=ws, sobrescrever=sobrescrever, privado=True)


def gerar_fichas(
    rc: RedeCompleta,
    pasta: Path,
    siglas: list[str] | None = None,
    hoje: date | None = None,
    *,
    ws=None,
    sobrescrever: bool = False,
) -> list[Path]:
    """Write the forms of the given institutions (all when `siglas` is None) into a folder.

    Every target is checked first, so a file that may not be replaced leaves nothing written.
    """
    from pacto.services.gravacao import verificar

    pasta = Path(pasta)
    if not pasta.is_dir():
        raise ErroValidacao(f"A pasta {pasta} não existe.")
    if siglas is None:
        escolhidas = list(rc.instituicoes)
    else:
        por_sigla = {chave_comparacao(i.sigla): i for i in rc.instituicoes}
        faltando = [s for s in siglas if chave_comparacao(s) not in por_sigla]
        if faltando:
            raise ErroValidacao(f"Instituição não encontrada: {', '.join(faltando)}.")
        escolhidas = [por_sigla[chave_comparacao(s)] for s in siglas]
    destinos = [pasta / nome_do_arquivo(inst) for inst in escolhidas]
    verificar(destinos, ws, sobrescrever)
    return [
        gerar_ficha(rc, inst, destino, hoje, ws=ws, sobrescrever=sobrescrever)
        for inst, destino in zip(escolhidas, destinos, strict=True)
    ]


# -- reading a returned form ------------------------------------------------------


@dataclass
class ResultadoImportacao:
    """What importing a returned form did: suggestions created, lines already imported, warnings."""

    instituicao: Instituicao
    criadas: list[Sugestao] = field(default_factory=list)
    repetidas: int = 0
    alertas: list[str] = field(default_factory=list)


def _ler_planilha(origem: Path) -> tuple[dict, list[tuple[str, str, str]]]:
    verificar_formulario(origem, "uma ficha de validação")
    try:
        livro = load_workbook(origem, data_only=True)
    except FileNotFoundError as erro:
        raise ErroImportacao(f"Arquivo não encontrado: {origem}") from erro
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as erro:
        raise ErroImportacao(f"{origem} não é uma planilha .xlsx legível.") from erro
    if ABA_META not in livro.sheetnames or ABA_FICHA not in livro.sheetnames:
        raise ErroImportacao(f"{origem} não é uma ficha de validação gerada pelo pacto.")
    meta = {
        str(linha[0]): linha[1]
        for linha in livro[ABA_META].iter_rows(values_only=True)
        if linha and linha[0]
    }
    if meta.get("formato") != FORMATO:
        raise ErroImportacao(f"{origem} não é uma ficha de validação gerada pelo pacto.")
    linhas = []
    sem_valor: list[int] = []
    for numero, linha in enumerate(
        livro[ABA_FICHA].iter_rows(min_row=1, max_col=5, values_only=True), start=1
    ):
        chave, _, item, _, correcao = (*linha, None, None, None, None, None)[:5]
        if not chave or chave == CABECALHO[0]:
            continue
        if correcao is None:
            sem_valor.append(numero)
            continue
        texto = str(correcao).strip()
        if texto:
            linhas.append((str(chave), str(item or ""), texto))
    _formulas_sem_valor(origem, sem_valor)
    return meta, linhas


def _formulas_sem_valor(origem: Path, numeros: list[int]) -> None:
    """Refuse a form whose “Correção” cell holds a formula with no value saved (a program that
    writes formulas without computing them): the correction would otherwise be lost silently."""
    if not numeros:
        return
    livro = load_workbook(origem, read_only=True, data_only=False)
    try:
        procuradas = set(numeros)
        formulas = [
            f"E{numero}"
            for numero, (valor,) in enumerate(
                livro[ABA_FICHA].iter_rows(min_col=5, max_col=5, values_only=True), start=1
            )
            if numero in procuradas and isinstance(valor, str) and valor.startswith("=")
        ]
    finally:
        livro.close()
    if formulas:
        raise ErroImportacao(
            f"A ficha tem correção escrita como fórmula sem valor calculado (célula "
            f"{', '.join(formulas[:10])}), e nada foi importado. Abra a ficha no Excel ou no "
            "LibreOffice e salve de novo, ou digite a correção como texto."
        )


def _sugestao_da_linha(
    rc: RedeCompleta, inst: Instituicao, chave: str, item: str, correcao: str
) -> Sugestao | None:
    """The suggestion a corrected cell becomes, or None when it matches the flow already."""
    partes = chave.split(":")
    base = {"instituicao_id": inst.id, "autor": inst.sigla, "origem": "ficha"}
    if partes[0] == "inst" and len(partes) == 2 and partes[1] in CAMPOS_CONTATO:
        atual = getattr(inst, partes[1])
        if chave_comparacao(atual) == chave_comparacao(correcao):
            return None
        return Sugestao(
            texto=_texto(item, atual, correcao),
            assunto="contato",
            referencia=f"{inst.sigla} – {item}",
            proposta={
                "tipo": "contato",
                "instituicao_id": inst.id,
                "campos": {partes[1]: correcao},
            },
            **base,
        )
    if partes[0] == "pf" and len(partes) == 3 and partes[2] in CAMPOS_PONTO:
        papel, campo = partes[1], partes[2]
        ponto = rc.titular(inst.id) if papel == "titular" else rc.suplente(inst.id)
        atual = getattr(ponto, campo) if ponto else ""
        if chave_comparacao(atual) == chave_comparacao(correcao):
            return None
        return Sugestao(
            texto=_texto(f"Ponto focal {papel} – {item}", atual, correcao),
            assunto="contato",
            referencia=f"{inst.sigla} – ponto focal {papel}",
            proposta={
                "tipo": "ponto_focal",
                "instituicao_id": inst.id,
                "papel": papel,
                "ponto_focal_id": ponto.id if ponto else None,
                "campos": {campo: correcao},
            },
            **base,
        )
    if partes[0] == "atr" and len(partes) == 3:
        etapa = next((e for e in rc.etapas if e.chave == partes[2]), None)
        fluxo = next((f for f in rc.fluxos if str(f.id) == partes[1]), None)
        if etapa is None or fluxo is None:
            return None
        atual = next(
            (
                a.texto
                for a in rc.atribuicoes_de(inst.id)
                if a.etapa_id == etapa.id and a.fluxo_id == fluxo.id
            ),
            "",
        )
        if chave_comparacao(atual) == chave_comparacao(correcao):
            return None
        return Sugestao(
            texto=_texto(f"Atribuição em {etapa.nome}", atual, correcao),
            assunto="atribuicao",
            referencia=f"{inst.sigla} × {etapa.nome}",
            proposta={
                "tipo": "atribuicao",
                "instituicao_id": inst.id,
                "etapa_id": etapa.id,
                "fluxo_id": fluxo.id,
                "texto": correcao,
            },
            **base,
        )
    if chave == "obs":
        return Sugestao(texto=f"Pela ficha de validação: {correcao}", **base)
    return None


def _texto(item: str, atual: str, correcao: str) -> str:
    return (
        f"Correção enviada pela ficha de validação — {item}: "
        f"de “{atual or SEM_REGISTRO}” para “{correcao}”."
    )


def importar_ficha(
    ws: Workspace, origem: str | Path, mesmo_assim: bool = False
) -> ResultadoImportacao:
    """Turn each corrected cell of a returned form into a suggestion; all or nothing is written."""
    origem = Path(origem)
    meta, linhas = _ler_planilha(origem)
    rc = ws.carregar()
    inst = rc.instituicao_por_id.get(meta.get("instituicao_id"))
    if inst is None or chave_comparacao(inst.sigla) != chave_comparacao(str(meta.get("sigla"))):
        inst = next(
            (
                i
                for i in rc.instituicoes
                if chave_comparacao(i.sigla) == chave_comparacao(str(meta.get("sigla", "")))
            ),
            None,
        )
    if inst is None:
        raise ErroImportacao(
            f"A ficha é da instituição “{meta.get('sigla')}”, que não está nesta rede."
        )
    resultado = ResultadoImportacao(instituicao=inst)
    preenchido = next((c for k, _, c in linhas if k == "preenchido_por"), "")
    existentes = {
        chave_comparacao(s.texto)
        for s in rc.sugestoes
        if s.origem == "ficha" and s.instituicao_id == inst.id
    }
    novas = []
    for chave, item, correcao in linhas:
        sugestao = _sugestao_da_linha(rc, inst, chave, item, correcao)
        if sugestao is None:
            continue
        if preenchido:
            sugestao.texto += f" (Ficha preenchida por {preenchido}.)"
        if chave_comparacao(sugestao.texto) in existentes:
            resultado.repetidas += 1
            continue
        for alerta in verificar_privacidade(sugestao.texto):
            resultado.alertas.append(f"{item}: {alerta}")
        novas.append(sugestao)
    if resultado.alertas and not mesmo_assim:
        raise ErroImportacao(
            "A ficha parece conter dado pessoal de vítima e nada foi importado:\n- "
            + "\n- ".join(resultado.alertas[:10])
            + f"\n{AVISO_PRIVACIDADE}\nCorrija a ficha ou repita com --mesmo-assim."
        )
    with ws.aceitando_alertas_de_privacidade(mesmo_assim), ws.transacao():
        for sugestao in novas:
            resultado.criadas.append(ws.salvar_sugestao(sugestao))
    return resultado
