"""Messy actor spreadsheets built for the tests, as working groups bring them to meetings."""

from openpyxl import Workbook

CABECALHO_BAGUNCADO = [
    "Nº", " Órgão ", "SIGLA", "Etapas", "Atribuições", "Fone", "Correio eletrônico",
    "Ponto focal", "Município",
]  # fmt: skip


def planilha_baguncada(caminho):
    """A list as people keep it: title rows, merged cells, blanks, duplicates, bad rows."""
    livro = Workbook()
    folha = livro.active
    folha.title = "Atores da rede"
    folha["A1"] = "REDE MUNICIPAL DE ENFRENTAMENTO AO TRÁFICO DE PESSOAS – CAMPINAS"
    folha.merge_cells("A1:I1")
    folha["A2"] = "Levantamento de atores, atualizado em março"
    folha.append([])
    folha.append(CABECALHO_BAGUNCADO)  # row 4
    folha.append([1, "Polícia Federal", "PF", "Denúncia", "Recebe denúncias e instaura inquérito.",
                  "(19) 3234-0000", "pf@pf.gov.br", "Ana Souza", "Campinas"])  # fmt: skip
    folha.append(
        [None, None, None, "Resgate", "Conduz o resgate com o MPT.", None, None, None, None]
    )
    for coluna in "BCFGHI":  # the institution's cells span its two stage rows
        folha.merge_cells(f"{coluna}5:{coluna}6")
    folha.append([])  # row 7
    folha["A8"] = "ASSISTÊNCIA SOCIAL"
    folha.merge_cells("A8:I8")
    creas = [2, "  Centro de Referência Especializado   de Assistência Social ", "CREAS",
             "Pós-Resgate; A", "Acolhe e acompanha a vítima.", 1932320000,
             "creas@campinas.sp.gov.br", "Bruno Lima", "Campinas"]  # fmt: skip
    folha.append(creas)  # row 9
    folha.append(creas)  # row 10: the same row pasted twice
    folha.append([3, "Casa de Passagem", "", "A", "Abriga por até 90 dias.", "", "", "", ""])
    folha.append([4, "Conselho Tutelar", "CT", "Denúncia", "Recebe denúncias.", "", "ct@invalido",
                  "", ""])  # fmt: skip
    folha.append([5, "Guarda Municipal", "GM", "Prevenção", "Rondas.", "", "", "", ""])
    folha.append([6, "Ministério Público de São Paulo (MP-SP)", "", "d", "Requisita diligências.",
                  "", "", "", ""])  # fmt: skip
    livro.save(caminho)
    return caminho
