"""The flow's lane layout and its text drawing, without a terminal."""

import pytest

from pacto.domain.lanes import (
    LARGURA_MINIMA_RAIA,
    desenhar_raias,
    mapear_raias,
    modo_para,
)
from pacto.domain.models import Atribuicao, Encaminhamento, Etapa, Fluxo, Instituicao, Rede
from pacto.domain.network import RedeCompleta


def _rede(atribuicoes: dict[str, list[str]], encaminhamentos=(), extras=()) -> RedeCompleta:
    """A small network in memory: sigla -> stage keys, plus referrals (de, para, prazo)."""
    etapas = [
        Etapa("denuncia", "Denúncia", "D", 1, id=1),
        Etapa("resgate", "Resgate", "R", 2, id=2),
        Etapa("atendimento", "Atendimento às Vítimas", "A", 3, id=3),
    ]
    por_chave = {e.chave: e for e in etapas}
    siglas = list(atribuicoes) + list(extras)
    instituicoes = [Instituicao(f"Instituição {s}", s, id=i) for i, s in enumerate(siglas, 1)]
    por_sigla = {i.sigla: i for i in instituicoes}
    return RedeCompleta(
        rede=Rede("Rede de teste", "SP"),
        fluxos=[Fluxo("Fluxo de teste", id=1)],
        etapas=etapas,
        instituicoes=instituicoes,
        atribuicoes=[
            Atribuicao(por_sigla[s].id, por_chave[c].id, 1, f"{s} em {c}")
            for s, chaves in atribuicoes.items()
            for c in chaves
        ],
        encaminhamentos=[
            Encaminhamento(1, por_sigla[de].id, por_sigla[para].id, prazo=prazo, id=n)
            for n, (de, para, prazo) in enumerate(encaminhamentos, 1)
        ],
    )


def _texto(linhas) -> str:
    return "\n".join(linha.texto for linha in linhas)


def test_one_lane_per_stage_in_order_with_its_institutions():
    rc = _rede(
        {"PF": ["denuncia", "resgate"], "CREAS": ["atendimento"], "Disque 100": ["denuncia"]}
    )
    mapa = mapear_raias(rc)
    assert [r.etapa.sigla for r in mapa.raias] == ["D", "R", "A"]
    assert [[i.sigla for i in r.instituicoes] for r in mapa.raias] == [
        ["Disque 100", "PF"],
        ["PF"],
        ["CREAS"],
    ]
    assert mapa.sem_etapa == ()


def test_arrow_prefers_a_later_lane_and_the_later_origin():
    rc = _rede(
        {
            "Disque 100": ["denuncia"],
            "PF": ["denuncia", "resgate"],
            "NETP": ["resgate", "atendimento"],
        },
        encaminhamentos=[("Disque 100", "PF", "24 horas"), ("PF", "NETP", "")],
    )
    setas = {(s.origem.sigla, s.destino.sigla): s for s in mapear_raias(rc).setas}
    disque = setas[("Disque 100", "PF")]
    # PF is also in Denúncia, but a case moves forward: the arrow goes to Resgate.
    assert (disque.raia_origem, disque.raia_destino) == (0, 1)
    pf = setas[("PF", "NETP")]
    # Both D→R and R→A are one step; the later origin (Resgate) wins.
    assert (pf.raia_origem, pf.raia_destino) == (1, 2)
    assert disque.rotulo == "Disque 100 ──▶ PF (24 horas)"
    assert pf.rotulo == "PF ──▶ NETP"


def test_arrow_leaves_the_lane_whose_duty_names_the_destination():
    rc = _rede(
        {"PF": ["denuncia", "resgate"], "NETP": ["resgate", "atendimento"]},
        encaminhamentos=[("PF", "NETP", "")],
    )
    seta = mapear_raias(rc).setas[0]
    assert (seta.raia_origem, seta.raia_destino) == (1, 2)
    pf_denuncia = next(a for a in rc.atribuicoes if a.texto == "PF em denuncia")
    pf_denuncia.texto = "Recebe a denúncia e comunica o NETP no mesmo dia."
    seta = mapear_raias(rc).setas[0]
    assert (seta.raia_origem, seta.raia_destino) == (0, 1)


def test_institution_without_duty_is_listed_apart_with_its_referrals():
    rc = _rede({"PF": ["resgate"]}, encaminhamentos=[("ONG", "PF", "")], extras=["ONG"])
    mapa = mapear_raias(rc)
    assert [i.sigla for i in mapa.sem_etapa] == ["ONG"]
    assert mapa.setas[0].raia_origem is None
    texto = _texto(desenhar_raias(mapa, 60))
    assert "Sem atribuição neste fluxo" in texto
    assert "ONG ──▶ PF" in texto


def test_mode_depends_on_the_width_each_lane_would_get():
    mapa = mapear_raias(_rede({"PF": ["resgate"]}))
    limite = 3 * LARGURA_MINIMA_RAIA + 2 * 3
    assert modo_para(mapa, limite) == "lado_a_lado"
    assert modo_para(mapa, limite - 1) == "empilhado"


@pytest.mark.parametrize("largura", [40, 56, 80, 100, 136, 200])
def test_demo_drawing_fits_the_width_and_names_every_stage_and_institution(ws_demo, largura):
    rc = ws_demo.carregar()
    linhas = desenhar_raias(mapear_raias(rc), largura)
    assert all(len(linha.texto) <= largura for linha in linhas)
    texto = _texto(linhas)
    for etapa in rc.etapas:
        assert etapa.nome in texto
    for inst in rc.instituicoes:
        assert inst.sigla in texto, inst.sigla


def test_stacked_drawing_lists_each_lane_then_the_arrows_leaving_it(ws_demo):
    linhas = desenhar_raias(mapear_raias(ws_demo.carregar()), 56)
    texto = _texto(linhas)
    assert "│" not in texto
    resgate = texto.index("3 Resgate (R)")
    pos_resgate = texto.index("4 Pós-Resgate (PR)")
    # PF-RR hands the rescued victim to NETP-RR in Pós-Resgate: listed under Resgate.
    assert resgate < texto.index("PF-RR ──▶ NETP-RR (24 horas)") < pos_resgate
    assert any(linha.estilo == "raia" for linha in linhas)


def test_side_by_side_drawing_draws_arrows_across_lanes(ws_demo):
    linhas = desenhar_raias(mapear_raias(ws_demo.carregar()), 136)
    grade = [linha.texto for linha in linhas if linha.estilo == "grade"]
    assert grade and all("│" in g or "▶" in g for g in grade)
    linha_disque = next(g for g in grade if g.startswith("Disque 100"))
    # The arrow crosses the Enfrentamento lane to reach PF-RR in Resgate.
    assert "──────▶ PF-RR" in linha_disque
    cabecalho = next(linha.texto for linha in linhas if linha.estilo == "raia")
    assert cabecalho.index("Denúncia") < cabecalho.index("Resgate") < cabecalho.index("Pós")
    assert "Encaminhamentos (41)" in _texto(linhas)


def test_lane_without_institution_says_so():
    rc = _rede({"PF": ["denuncia"]})
    for largura in (50, 120):
        texto = _texto(desenhar_raias(mapear_raias(rc), largura))
        assert "nenhuma instituição responsável" in texto


def test_empty_network_draws_its_lanes():
    rc = _rede({})
    texto = _texto(desenhar_raias(mapear_raias(rc), 80))
    assert "Denúncia" in texto and "0 instituições" in texto


def test_big_network_lays_out_quickly():
    """2,000 institutions in five lanes: the layout must not grow quadratically."""
    import time

    chaves = ["denuncia", "resgate", "atendimento"]
    atribuicoes = {f"I{i:04d}": chaves for i in range(2000)}
    encaminhamentos = [(f"I{i:04d}", f"I{i + 1:04d}", "") for i in range(0, 1998, 2)]
    rc = _rede(atribuicoes, encaminhamentos)
    inicio = time.perf_counter()
    linhas = desenhar_raias(mapear_raias(rc), 150)
    assert time.perf_counter() - inicio < 2.0
    assert sum(1 for linha in linhas if linha.estilo == "grade") >= 2000
