"""The monthly NETP form (.xlsx with validation), reading filled forms back, and the consolidated report."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime
from pathlib import Path

from pacto.domain.errors import ErroImportacao
from pacto.domain.linhas_extras import LIMITE_CONTAGEM
from pacto.domain.netp import (
    BLOCOS_LIGADOS,
    LIMITE_SUPRESSAO,
    PRIMARIA,
    Contagens,
    blocos,
    consolidar,
    nome_mes,
    padrao_de_supressao,
    parece_dado_pessoal,
    publicar_linha,
    validar_mes,
)
from pacto.services.arquivos import salvar_planilha, texto_planilha
from pacto.services.entrada import verificar_formulario
from pacto.store import Workspace
from pacto.store.netp_repo import EnvioNetp

FORMATO = "pacto-netp"
VERSAO = 1
ABA = "Formulário"
ABA_META = "pacto"
AVISO = (
    "Preencha somente números (quantidades). Não escreva nomes, documentos, datas de "
    "nascimento, endereços, telefones ou relatos: o NETP (ou a coordenação do fluxo, onde "
    "não houver NETP) recebe apenas dados agregados."
)


def gerar_formulario(
    ws: Workspace,
    mes: str,
    destino: Path,
    sigla: str | None = None,
    *,
    sobrescrever: bool = False,
) -> Path:
    """Write the month's blank form; the institution is chosen from a list or pre-filled."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    validar_mes(mes)
    rc = ws.carregar()
    livro = Workbook()
    folha = livro.active
    folha.title = ABA
    meta = livro.create_sheet(ABA_META)
    listas = livro.create_sheet("Listas")
    siglas = [i.sigla for i in rc.instituicoes]
    for n, s in enumerate(siglas, start=1):
        listas.cell(n, 1, s)
    rotulos: dict[str, str] = {}

    def rotulo(celula: str, texto: str, negrito: bool = False) -> None:
        folha[celula] = texto
        folha[celula].font = Font(bold=negrito)
        rotulos[celula] = texto

    # "ao NETP-RR", or "à coordenação do fluxo (…)" in a network without a NETP
    para_quem = rc.destino_das_informacoes()
    rotulo("A1", texto_planilha(f"Informações mensais {para_quem} — {rc.rede.nome}"), True)
    rotulo("A2", "Mês de referência:", True)
    rotulo("B2", nome_mes(mes))
    rotulo("A3", "Instituição (sigla):", True)
    folha["B3"] = sigla or ""
    folha["B3"].protection = Protection(locked=False)
    folha["B3"].fill = PatternFill("solid", fgColor="FFF2CC")
    escolha = DataValidation(type="list", formula1=f"=Listas!$A$1:$A${max(len(siglas), 1)}")
    escolha.error = "Escolha a sigla da sua instituição na lista."
    folha.add_data_validation(escolha)
    escolha.add("B3")
    rotulo("A4", AVISO)
    folha["A4"].alignment = Alignment(wrap_text=True)
    folha.merge_cells("A4:E4")
    folha.row_dimensions[4].height = 45
    numero = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True
    )
    numero.error = "Digite apenas um número inteiro, zero ou maior."
    numero.errorTitle = "Somente quantidades"
    numero.showErrorMessage = True
    folha.add_data_validation(numero)
    mapa: list[tuple[str, str, str, str]] = []
    linha = 6
    for b in blocos():
        rotulo(f"A{linha}", b.titulo, True)
        linha += 1
        for j, coluna in enumerate(b.colunas, start=2):
            rotulo(folha.cell(linha, j).coordinate, coluna, True)
        linha += 1
        for nome_linha in b.linhas:
            rotulo(f"A{linha}", nome_linha)
            for j, coluna in enumerate(b.colunas, start=2):
                celula = folha.cell(linha, j)
                celula.protection = Protection(locked=False)
                celula.fill = PatternFill("solid", fgColor="FFF2CC")
                numero.add(celula.coordinate)
                mapa.append((celula.coordinate, b.chave, nome_linha, coluna))
            linha += 1
        linha += 1
    folha.column_dimensions["A"].width = 52
    for letra in "BCD":
        folha.column_dimensions[letra].width = 24
    folha.protection.sheet = True
    meta.append(["formato", FORMATO])
    meta.append(["versao", VERSAO])
    meta.append(["mes", mes])
    meta.append(["rede", texto_planilha(rc.rede.nome)])
    for celula, b, li, c in mapa:
        meta.append(["entrada", celula, b, li, c])
    for celula, texto in rotulos.items():
        meta.append(["rotulo", celula, texto])
    meta.sheet_state = "hidden"
    listas.sheet_state = "hidden"
    return salvar_planilha(livro, Path(destino), ws=ws, sobrescrever=sobrescrever)


def _abrir(origem: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    verificar_formulario(origem, "um formulário NETP")
    try:
        return load_workbook(origem, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as erro:
        raise ErroImportacao(f"{origem.name} não é uma planilha .xlsx válida.") from erro


def ler_formulario(
    ws: Workspace, origem: str | Path, mes: str | None = None
) -> tuple[EnvioNetp, list[str]]:
    """Read a filled form into counts, refusing personal data; returns the send and warnings."""
    origem = Path(origem)
    if mes:
        validar_mes(mes)
    livro = _abrir(origem)
    if ABA_META not in livro.sheetnames or ABA not in livro.sheetnames:
        raise ErroImportacao(f"{origem.name} não é um formulário NETP gerado pelo pacto.")
    meta = {}
    entradas: dict[str, tuple[str, str, str]] = {}
    rotulos: dict[str, str] = {}
    for linha in livro[ABA_META].iter_rows(values_only=True):
        if linha[0] == "entrada":
            entradas[linha[1]] = (linha[2], linha[3], linha[4])
        elif linha[0] == "rotulo":
            rotulos[linha[1]] = linha[2]
        elif linha[0]:
            meta[linha[0]] = linha[1]
    if meta.get("formato") != FORMATO:
        raise ErroImportacao(f"{origem.name} não é um formulário NETP gerado pelo pacto.")
    if mes and meta.get("mes") != mes:
        raise ErroImportacao(f"O formulário é de {meta.get('mes')}, não de {mes}.")
    problemas, avisos = _procurar_dados_pessoais(livro, entradas, rotulos)
    if problemas:
        raise ErroImportacao(
            "O formulário contém o que parece dado pessoal e nada foi importado:\n- "
            + "\n- ".join(problemas[:20])
            + "\nO NETP recebe apenas números agregados. Apague essas células e importe de novo."
        )
    folha = livro[ABA]
    sigla = str(folha["B3"].value or "").strip()
    inst = ws.instituicao_por_sigla(sigla) if sigla else None
    if inst is None:
        raise ErroImportacao(
            f"Instituição não identificada no formulário (célula B3: “{sigla}”). "
            "Escolha a sigla da instituição na lista."
        )
    contagens: Contagens = {}
    erros = []
    for celula, chave in entradas.items():
        valor = folha[celula].value
        if valor in (None, ""):
            continue
        if isinstance(valor, float) and valor.is_integer():
            valor = int(valor)
        if isinstance(valor, str) and valor.strip().isdigit():
            valor = int(valor.strip())
        if not isinstance(valor, int) or isinstance(valor, bool) or valor < 0:
            erros.append(
                f"Célula {celula}: esperado um número inteiro, zero ou maior (“{str(valor)[:40]}”)."
            )
            continue
        if valor > LIMITE_CONTAGEM:
            erros.append(
                f"Célula {celula}: número grande demais ({str(valor)[:40]}); o máximo é "
                "1.000.000.000."
            )
            continue
        contagens[chave] = valor
    if erros:
        raise ErroImportacao(
            "O formulário tem valores inválidos e nada foi importado:\n- " + "\n- ".join(erros[:20])
        )
    sha = hashlib.sha256(origem.read_bytes()).hexdigest()
    return EnvioNetp(
        meta["mes"], inst.id, datetime.now().replace(microsecond=0), contagens, sha
    ), avisos


def _procurar_dados_pessoais(livro, entradas, rotulos) -> tuple[list[str], list[str]]:
    """Scan every visible cell: what looks like personal data refuses the form, other extras warn."""
    from pacto.domain.politica_privacidade import TipoCampo, alertas_do_tipo

    problemas, avisos = [], []
    for folha in livro.worksheets:
        for linha in folha.iter_rows():
            for celula in linha:
                onde = f"{folha.title}!{celula.coordinate}"
                if celula.comment is not None:
                    texto = str(celula.comment.text or "")
                    motivo = parece_dado_pessoal(texto) or next(
                        (str(a) for a in alertas_do_tipo(TipoCampo.TEXTO_LIVRE, texto)), None
                    )
                    if motivo:
                        problemas.append(f"Comentário da célula {onde}: {motivo}.")
                if folha.title in (ABA_META, "Listas"):
                    # pacto's own hidden sheets: only what no label or list would hold
                    for alerta in alertas_do_tipo(TipoCampo.TEXTO_LIVRE, str(celula.value or "")):
                        problemas.append(f"Célula {onde} (aba oculta): {alerta}.")
                    continue
                valor = celula.value
                if valor in (None, ""):
                    continue
                coord = (
                    celula.coordinate
                    if folha.title == ABA
                    else f"{folha.title}!{celula.coordinate}"
                )
                if folha.title == ABA and rotulos.get(celula.coordinate) == valor:
                    continue
                if folha.title == ABA and celula.coordinate == "B3":
                    continue
                if isinstance(valor, (datetime, date)):
                    problemas.append(f"Célula {coord}: parece uma data (de nascimento?).")
                    continue
                motivo = parece_dado_pessoal(str(valor))
                if motivo:
                    problemas.append(f"Célula {coord} (“{str(valor)[:40]}”): {motivo}.")
                elif not (folha.title == ABA and celula.coordinate in entradas):
                    avisos.append(f"Célula {coord} fora do formulário foi ignorada.")
    return problemas, avisos


def importar_formulario(
    ws: Workspace, origem: str | Path, mes: str | None = None
) -> tuple[EnvioNetp, bool, list[str]]:
    """Read and store a filled form; returns the send, whether it replaced an earlier one, warnings."""
    envio, avisos = ler_formulario(ws, origem, mes)
    substituiu = ws.registrar_envio_netp(envio)
    return envio, substituiu, avisos


def importar_formularios(
    ws: Workspace, origens: list[Path], mes: str | None = None
) -> list[tuple[Path, EnvioNetp, bool, list[str]]]:
    """Read every form first and store them all in one transaction: one refused form (personal
    data, wrong month, bad values) means nothing from the batch is written.

    Returns, per file, the send, whether it replaced an earlier one, and warnings."""
    lidos = [(Path(origem), *ler_formulario(ws, origem, mes)) for origem in origens]
    resultado = []
    with ws.transacao():
        for origem, envio, avisos in lidos:
            resultado.append((origem, envio, ws.registrar_envio_netp(envio), avisos))
    return resultado


def gerar_relatorio(ws: Workspace, mes: str, destino: Path, *, sobrescrever: bool = False) -> Path:
    """The consolidated table of the month, with counts from 1 to 4 shown as '<5'."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    validar_mes(mes)
    rc = ws.carregar()
    envios = ws.envios_netp(mes)
    total = consolidar([e.contagens for e in envios])
    livro = Workbook()
    folha = livro.active
    folha.title = "Consolidado"
    folha.append([f"Relatório consolidado {rc.destino_das_informacoes()} — {nome_mes(mes)}"])
    folha["A1"].font = Font(bold=True, size=13)
    folha.append([texto_planilha(rc.rede.nome)])
    enviaram = sorted(rc.instituicao_por_id[e.instituicao_id].sigla for e in envios)
    folha.append(
        [f"Instituições que enviaram ({len(enviaram)}): {', '.join(enviaram) or 'nenhuma'}"]
    )
    folha.append(["Valores de 1 a 4 aparecem como “<5” para que ninguém possa ser identificado."])
    folha.append(
        [
            "Numa linha com “<5”, o total mostra só o mínimo (“≥ 8”), para que o valor "
            "escondido não possa ser descoberto pela diferença."
        ]
    )
    folha.append(
        [
            "“x”: valor omitido só para que nenhum “<5” possa ser deduzido somando as colunas das "
            "tabelas que contam as mesmas pessoas (supressão complementar)."
        ]
    )
    valores = {
        b.chave: [[total.get((b.chave, linha, c), 0) for c in b.colunas] for linha in b.linhas]
        for b in blocos()
    }
    ligados = [chave for chave in BLOCOS_LIGADOS if chave in valores]
    marcas = dict(zip(ligados, padrao_de_supressao([valores[c] for c in ligados]), strict=True))
    for b in blocos():
        folha.append([])
        folha.append([b.titulo])
        folha.cell(folha.max_row, 1).font = Font(bold=True)
        folha.append(["", *b.colunas, "Total"] if len(b.colunas) > 1 else ["", *b.colunas])
        for c in range(1, len(b.colunas) + 3):
            folha.cell(folha.max_row, c).font = Font(bold=True)
        for n, nome_linha in enumerate(b.linhas):
            linha = valores[b.chave][n]
            if b.chave in marcas:
                celulas, total_da_linha = publicar_linha(linha, marcas[b.chave][n])
            else:
                celulas, total_da_linha = publicar_linha(
                    linha, [PRIMARIA if 0 < v < LIMITE_SUPRESSAO else "" for v in linha]
                )
            # numbers are written as numbers, so a spreadsheet can add them up
            folha.append([nome_linha, *celulas, *([total_da_linha] if len(b.colunas) > 1 else [])])
    folha.column_dimensions["A"].width = 52
    for letra in "BCDE":
        folha.column_dimensions[letra].width = 22
    return salvar_planilha(livro, Path(destino), ws=ws, sobrescrever=sobrescrever)
