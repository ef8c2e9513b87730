"""Hostile text in the files pacto imports: spreadsheets keep it literally and drop control
characters with a warning; JSON bundles keep it literally and are refused whole when they carry
control characters, with the place named."""

from __future__ import annotations

import csv
import json

import pytest

from pacto.domain.celulas_planilha import texto_longo
from pacto.domain.errors import ErroImportacao
from pacto.services import bundle
from pacto.services.planilhas import aplicar_plano, planejar_importacao

from .hostil import HOSTIS, aceitaveis, tem_recusados, um_linha

CABECALHO = ["Instituição", "Sigla", "Etapas", "Atribuições", "Telefone", "Observações"]


def _linhas(pecas: dict[str, str]) -> list[list[str]]:
    return [
        [um_linha(texto)[:300], f"H{n}", "Denúncia", texto[:20_000], um_linha(texto)[:300], texto]
        for n, texto in enumerate(pecas.values(), start=1)
    ]


def test_xlsx_cells_with_hostile_text_are_imported_literally(ws_vazio, tmp_path):
    from openpyxl import Workbook

    pecas = {n: t for n, t in aceitaveis().items() if len(t) <= 20_000}
    livro = Workbook()
    folha = livro.active
    folha.append(CABECALHO)
    for linha in _linhas(pecas):
        folha.append(linha)
        for celula in folha[folha.max_row]:
            celula.data_type = "s"  # “=HYPERLINK(…)” typed as text, as Excel keeps it
    livro.save(tmp_path / "atores.xlsx")
    plano = planejar_importacao(tmp_path / "atores.xlsx", ws_vazio.carregar())
    assert not plano.rejeitadas, plano.rejeitadas[:3]
    aplicar_plano(ws_vazio, plano)
    rc = ws_vazio.carregar()
    por_sigla = {i.sigla: i for i in rc.instituicoes}
    for n, texto in enumerate(pecas.values(), start=1):
        inst = por_sigla[f"H{n}"]
        assert inst.nome == um_linha(texto)[:300].strip()
        assert inst.observacoes == texto_longo(texto)  # each line trimmed, blank lines dropped


def test_csv_control_characters_are_dropped_with_a_warning(ws_vazio, tmp_path):
    pecas = {n: HOSTIS[n] for n in ("sino_e_escape", "del", "emoji", "jinja_expressao", "sql")}
    caminho = tmp_path / "atores.csv"
    with caminho.open("w", encoding="utf-8", newline="") as arquivo:
        escritor = csv.writer(arquivo, delimiter=";")
        escritor.writerow(CABECALHO)
        for n, texto in enumerate(pecas.values(), start=1):
            escritor.writerow([texto, f"H{n}", "Denúncia", "Recebe a denúncia.", "", ""])
    plano = planejar_importacao(caminho, ws_vazio.carregar())
    assert any("Caracteres de controle invisíveis removidos" in a for a in plano.avisos)
    assert not plano.rejeitadas, plano.rejeitadas
    aplicar_plano(ws_vazio, plano)
    nomes = {i.sigla: i.nome for i in ws_vazio.carregar().instituicoes}
    assert nomes["H1"] == "Aviso [31mvermelho[0m ]0;título"
    assert nomes["H2"] == "RedeEstadual"
    assert nomes["H3"] == HOSTIS["emoji"] and nomes["H4"] == HOSTIS["jinja_expressao"]
    assert not any(tem_recusados(nome) for nome in nomes.values())


def test_bundle_round_trip_keeps_every_acceptable_piece(ws_vazio, tmp_path):
    from pacto.domain.models import Instituicao

    for n, texto in enumerate(aceitaveis().values(), start=1):
        ws_vazio.salvar_instituicao(
            Instituicao(um_linha(texto)[:300], f"H{n}", observacoes=texto[:20_000])
        )
    antes = ws_vazio.carregar().instituicoes
    bundle.exportar(ws_vazio, tmp_path / "pacote.json")
    bundle.importar(ws_vazio, tmp_path / "pacote.json", substituir=True)
    assert ws_vazio.carregar().instituicoes == antes


@pytest.mark.parametrize("nome", sorted(n for n, t in HOSTIS.items() if tem_recusados(t)))
def test_bundle_with_control_characters_is_refused_naming_the_place(ws_demo, tmp_path, nome):
    destino = tmp_path / "pacote.json"
    bundle.exportar(ws_demo, destino)
    pacote = json.loads(destino.read_text(encoding="utf-8"))
    pacote["instituicoes"][2]["observacoes"] = HOSTIS[nome]
    pacote["configuracoes"].append({"chave": "documentos.orgao", "valor": HOSTIS[nome]})
    # lone surrogates can only travel as JSON escapes, as a hand-edited bundle could carry them
    destino.write_text(json.dumps(pacote, ensure_ascii=True), encoding="utf-8")
    antes = ws_demo.carregar()
    with pytest.raises(ErroImportacao) as erro:
        bundle.importar(ws_demo, destino, substituir=True)
    assert "instituicoes[3].observacoes" in erro.value.mensagem
    assert "nada foi importado" in erro.value.mensagem
    assert ws_demo.carregar() == antes
