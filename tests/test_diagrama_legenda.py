"""The flow diagram a reader trusts: whole labels, arrows in the referral's stage, a legend and
the version it shows."""

import shutil

import pytest
from click.testing import CliRunner

from pacto.cli import pacto
from pacto.domain.diagram import gerar_dot, montar_desenho, raias_do_encaminhamento


def test_referral_between_two_bodies_of_the_same_stage_stays_in_it(ws_demo):
    rc = ws_demo.carregar()
    sigla = {i.id: i.sigla for i in rc.instituicoes}
    desenho = montar_desenho(rc)
    titulo = {r.id.removeprefix("etapa"): r.titulo for r in desenho.raias}
    mpf_pf = next(
        lig
        for lig in desenho.ligacoes
        if sigla[int(lig.origem.split("_")[1])] == "MPF-RR"
        and sigla[int(lig.destino.split("_")[1])] == "PF-RR"
    )
    raia_origem = mpf_pf.origem.split("_")[0].removeprefix("n")
    raia_destino = mpf_pf.destino.split("_")[0].removeprefix("n")
    assert raia_origem == raia_destino and titulo[raia_destino].endswith("Resgate")
    # a duty that names the destination decides the stage; else forward, back only at last
    assert raias_do_encaminhamento([0, 2], [2, 3]) == (2, 2)
    assert raias_do_encaminhamento([0, 2], [2, 3], citam={0}) == (0, 2)
    assert raias_do_encaminhamento([3], [1]) == (3, 1)


def test_labels_are_whole_and_the_legend_and_version_are_drawn(ws_demo):
    rc = ws_demo.carregar()
    dot = gerar_dot(rc, versao="Fluxo versão 3 · abcdef12")
    setas = [linha for linha in dot.splitlines() if "->" in linha and "label=" in linha]
    assert setas and not [linha for linha in setas if "…" in linha]  # no arrow label cut
    assert "(mínimo de 48 horas)" in dot
    assert "legenda [shape=note" in dot and "Legenda: cada raia" in dot
    assert "Fluxo versão 3 · abcdef12" in dot


@pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz (dot) não está instalado")
def test_standalone_svg_carries_the_version_stamp(caminho_demo, tmp_path):
    runner = CliRunner()
    base = ["--db", str(caminho_demo)]
    runner.invoke(
        pacto, [*base, "versao", "congelar", "--nota", "Pactuada"], catch_exceptions=False
    )
    saida = tmp_path / "fluxo.svg"
    resultado = runner.invoke(
        pacto,
        [*base, "gerar", "diagrama", "--formato", "svg", "--saida", str(saida)],
        catch_exceptions=False,
    )
    assert resultado.exit_code == 0, resultado.output
    svg = saida.read_text(encoding="utf-8")
    assert "Fluxo versão 1" in svg and "Legenda:" in svg


def test_a_large_network_is_drawn_for_a3_a_small_one_for_a4(ws_demo):
    from pacto.services.documentos.amostra import rede_de_amostra

    assert 'size="16.5,11.7"' in gerar_dot(ws_demo.carregar())  # 33 institutions
    assert 'size="11.7,8.3"' in gerar_dot(rede_de_amostra())
