"""The periodic evaluation meeting (roadmap step 14): its grid, its ata and next period's targets."""

from datetime import date

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.avaliacao import periodo_seguinte
from pacto.domain.errors import ErroValidacao
from pacto.domain.indicadores import Meta
from pacto.domain.reunioes import Reuniao
from pacto.services.avaliacao import registrar
from pacto.services.progresso import situacao

from .conftest import HOJE


def _cli(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("dia", "periodicidade", "periodo"),
    [
        (date(2026, 6, 30), "semestral", "2026-S2"),
        (date(2026, 7, 1), "semestral", "2027-S1"),
        (date(2026, 12, 10), "anual", "2027"),
    ],
)
def test_next_period_at_its_boundary(dia, periodicidade, periodo):
    assert periodo_seguinte(dia, periodicidade) == periodo


def test_evaluation_grid_goes_to_the_ata_and_step_14_asks_for_targets(ws_demo):
    antes = situacao(ws_demo, hoje=HOJE).etapas[13]
    assert antes.situacao != "concluído"
    reuniao = ws_demo.criar_reuniao(
        Reuniao("avaliacao", 1, date(2026, 11, 20), situacao="realizada")
    )
    with pytest.raises(ErroValidacao, match="ao menos uma coluna"):
        registrar(ws_demo, reuniao.id, "anual")
    registrar(
        ws_demo,
        reuniao.id,
        "anual",
        funciona="Denúncias chegam ao NETP no mesmo dia.",
        melhorar="Retorno da saúde aos encaminhamentos.",
        descontinuar="Planilha em papel.",
    )
    atas = {i.titulo: i.ata for i in ws_demo.itens_pauta(reuniao.id)}
    assert atas["O que está funcionando como esperado"] == "Denúncias chegam ao NETP no mesmo dia."
    assert atas["O que não funcionou e deve ser descontinuado"] == "Planilha em papel."
    etapa = situacao(ws_demo, hoje=HOJE).etapas[13]
    assert etapa.situacao == "em andamento" and "defina as metas de 2027" in etapa.motivo
    ws_demo.definir_meta(Meta("adesao", "2027", 80))
    etapa = situacao(ws_demo, hoje=HOJE).etapas[13]
    assert etapa.situacao == "concluído" and "metas de 2027 definidas" in etapa.motivo
    # a year and a month later the annual evaluation is due again
    from datetime import timedelta

    em_dia = situacao(ws_demo, hoje=date(2026, 11, 20) + timedelta(days=396)).etapas[13]
    assert em_dia.situacao == "concluído"
    vencida = situacao(ws_demo, hoje=date(2026, 11, 20) + timedelta(days=397)).etapas[13]
    assert vencida.situacao == "em andamento" and "venceu" in vencida.motivo


def test_evaluation_through_the_cli(caminho_demo):
    criada = _cli(caminho_demo, "reuniao", "criar", "--tipo", "avaliacao", "--data", "15/12/2026")
    assert criada.exit_code == 0, criada.output
    rid = criada.output.split()[1]  # "Reunião 7 criada: …"
    ok = _cli(
        caminho_demo,
        "reuniao",
        "avaliacao",
        str(rid),
        "--periodicidade",
        "semestral",
        "--funciona",
        "O plantão 24 horas da PC.",
    )
    assert ok.exit_code == 0 and "trace as metas de 2027-S1" in ok.output
    ruim = _cli(
        caminho_demo, "reuniao", "avaliacao", "1", "--periodicidade", "anual", "--funciona", "x"
    )
    assert ruim.exit_code == 1 and "reunião de avaliação" in ruim.output


def test_bundle_carries_the_evaluation(ws_demo, ws_vazio, tmp_path):
    from pacto.services import bundle

    reuniao = ws_demo.criar_reuniao(
        Reuniao("avaliacao", 1, date(2026, 11, 20), situacao="realizada")
    )
    registrar(ws_demo, reuniao.id, "semestral", melhorar="Retorno da saúde.")
    arquivo = bundle.exportar(ws_demo, tmp_path / "rede.json")
    bundle.importar(ws_vazio, arquivo)
    [copia] = ws_vazio.avaliacoes()
    assert copia.melhorar == "Retorno da saúde." and copia.periodicidade == "semestral"
    assert ws_vazio.reuniao(copia.reuniao_id).tipo == "avaliacao"


def test_ata_and_memoria_of_the_evaluation_carry_the_grid(ws_demo, tmp_path):
    from pacto.services.documentos import gerar
    from pacto.services.documentos.contexto import fontes

    from .leitura_docx import ler

    reuniao = ws_demo.criar_reuniao(
        Reuniao("avaliacao", 1, date(2026, 11, 20), situacao="realizada")
    )
    registrar(
        ws_demo,
        reuniao.id,
        "anual",
        funciona="O plantão 24 horas da PC.",
        descontinuar="Formulário em papel.",
    )
    f = fontes(ws_demo, hoje=HOJE)
    ata = ler(gerar.ata(f, tmp_path, reuniao.id).arquivos[0])
    assert "ATA DA 1ª REUNIÃO DE AVALIAÇÃO DO FLUXO" in ata.paragrafos[0]
    assert "O plantão 24 horas da PC." in ata.texto and "Formulário em papel." in ata.texto
    memoria = ler(gerar.ata(f, tmp_path, reuniao.id, memoria=True).arquivos[0])
    assert "O plantão 24 horas da PC." in memoria.texto
