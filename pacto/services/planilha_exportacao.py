"""Write the booklet's table of actors (Instituição | Etapa | Atribuições | Forma de contato).

One row per institution and stage where it has a duty, institutions by name and stages in
flow order; an institution with no duty yet still gets one row, so nobody drops out of the
list. Written through `gravacao.gravar`, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from pacto.domain.errors import PactoErro
from pacto.domain.models import Instituicao
from pacto.domain.network import RedeCompleta
from pacto.services.arquivos import (
    salvar_livro,
    texto_csv,
    texto_planilha,
    textos_como_texto,
)

CABECALHO = ("Instituição", "Etapa", "Atribuições", "Forma de contato")
LARGURAS = (42, 20, 70, 48)  # characters, as Excel counts column width


def forma_de_contato(rc: RedeCompleta, inst: Instituicao) -> str:
    """How to reach an institution, one item a line: phone, e-mail, site, address, titular."""
    linhas = []
    if inst.telefone:
        linhas.append(f"Tel. {inst.telefone}")
    linhas += [x for x in (inst.email, inst.site) if x]
    if inst.endereco:
        linhas.append(f"Endereço: {inst.endereco}")
    if inst.horario:
        linhas.append(f"Horário: {inst.horario}")
    titular = rc.titular(inst.id)
    if titular:
        partes = [f"{titular.nome} ({titular.cargo})" if titular.cargo else titular.nome]
        if titular.telefone:
            partes.append(f"Tel. {titular.telefone}")
        if titular.email:
            partes.append(titular.email)
        linhas.append("Ponto focal titular: " + " · ".join(partes))
    return "\n".join(linhas)


def linhas_da_tabela(rc: RedeCompleta) -> list[tuple[str, str, str, str]]:
    """The table's rows: institution × stage with a duty, duties of several flows together."""
    por_celula: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for atr in rc.atribuicoes:
        por_celula[(atr.instituicao_id, atr.etapa_id)].append((atr.fluxo_id, atr.texto))
    nomes_fluxos = {f.id: f.nome for f in rc.fluxos}
    linhas = []
    for inst in sorted(rc.instituicoes, key=lambda i: (i.nome.casefold(), i.sigla.casefold())):
        contato = forma_de_contato(rc, inst)
        etapas = rc.etapas_por_instituicao.get(inst.id, [])
        if not etapas:
            linhas.append((inst.rotulo, "", "", contato))
        for etapa in etapas:
            textos = sorted(por_celula[(inst.id, etapa.id)])
            if len({t for _, t in textos}) > 1:
                texto = "\n".join(f"{nomes_fluxos.get(f, f)}: {t}" for f, t in textos)
            else:
                texto = textos[0][1]
            linhas.append((inst.rotulo, etapa.nome, texto, contato))
    return linhas


def exportar_atores(
    rc: RedeCompleta, destino: str | Path, *, ws=None, sobrescrever: bool = False
) -> Path:
    """Write the table to .xlsx (bold header, sized columns) or .csv (UTF-8 BOM, ';').

    The file holds focal points' contacts, so it is readable by its owner only (0600).
    """
    from pacto.services.gravacao import gravar

    destino = Path(destino)
    extensao = destino.suffix.lower()
    if extensao not in {".xlsx", ".csv"}:
        raise PactoErro(f"Use um arquivo .xlsx ou .csv para exportar (recebido: {destino.name}).")
    linhas = linhas_da_tabela(rc)
    escrever = _gravar_xlsx if extensao == ".xlsx" else _gravar_csv
    return gravar(
        destino,
        lambda arquivo: escrever(arquivo, linhas),
        ws=ws,
        sobrescrever=sobrescrever,
        privado=True,
    )


def _gravar_xlsx(arquivo, linhas: list[tuple[str, str, str, str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    livro = Workbook()
    folha = livro.active
    folha.title = "Atores"
    folha.append(CABECALHO)
    quebra = Alignment(wrap_text=True, vertical="top")
    for celula in folha[1]:
        celula.font = Font(bold=True)
        celula.alignment = quebra
    for linha in linhas:
        folha.append([texto_planilha(valor) for valor in linha])
    for numero, largura in enumerate(LARGURAS, start=1):
        folha.column_dimensions[get_column_letter(numero)].width = largura
    for fila in folha.iter_rows(min_row=2):
        for celula in fila:
            celula.alignment = quebra
    folha.freeze_panes = "A2"
    folha.auto_filter.ref = f"A1:D{len(linhas) + 1}"
    folha.print_options.gridLines = True
    folha.page_setup.orientation = "landscape"
    textos_como_texto(livro)
    salvar_livro(livro, arquivo)


def _gravar_csv(arquivo, linhas: list[tuple[str, str, str, str]]) -> None:
    texto = io.StringIO()
    escritor = csv.writer(texto, delimiter=";", lineterminator="\r\n")
    escritor.writerow(CABECALHO)
    escritor.writerows([texto_csv(c) for c in linha] for linha in linhas)
    arquivo.write(texto.getvalue().encode("utf-8-sig"))
