"""A municipal network from `pacto init` to its pact, with the CLI only, as real subprocesses.

Every step the Painel names is done with a `pacto` command: network data, coordination, the
working group and its act, five institutions, focal points, duties in every stage, referrals,
the open meeting (attendance, minutes, one suggestion of each kind decided and applied), a
frozen version, the Termos and the Portaria, adhesions and the first monthly meeting. It ends
by exporting the bundle, which `tests/jornada_pacote.py` can compare with the TUI journey's.
The statuses asserted are the living-flow rules as they stand (update them when rules change).
"""

from __future__ import annotations

import pytest

from tests.jornada_cli import Pacto, passos_da_pactuacao
from tests.jornada_pacote import ADERENTES, JORNADA, NOME_LONGO, essencia, ler_pacote
from tests.leitura_docx import ler, sem_marcacoes


@pytest.fixture
def jornada(jornada_cli):
    return jornada_cli


def test_jornada_completa_so_pela_linha_de_comando(jornada):
    tmp_path = jornada
    pacote_caminho = tmp_path / "rede.json"
    pacto = Pacto(tmp_path)
    pacote = ler_pacote(pacote_caminho)
    e = essencia(pacote)

    # the network and its coordination, the working group
    assert e["rede"] == {
        "nome": JORNADA["rede"]["nome"],
        "uf": "RR",
        "municipio": "Boa Vista",
        "coordenacao": "SEMAS-BV",
    }
    assert e["grupo_trabalho"] == sorted(JORNADA["gt"]["membros"])
    # five institutions, the long accented name with quotes kept as typed
    por_sigla = {i["sigla"]: i for i in e["instituicoes"]}
    assert sorted(por_sigla) == sorted(i["sigla"] for i in JORNADA["instituicoes"])
    assert por_sigla["DEAM-BV"]["nome"] == NOME_LONGO
    assert por_sigla["HGR"]["telefone"] == "(95) 2121-0500"  # the contact suggestion
    assert all(i["papel"] == "fluxo" and i["personalidade_juridica"] for i in e["instituicoes"])
    # titular and suplente for everyone; the focal point suggestion changed the titular's role
    assert len(e["pontos_focais"]) == 10
    assert ("SEMAS-BV", "titular", "Titular SEMAS-BV", "Coordenadora") == e["pontos_focais"][
        [p[:2] for p in e["pontos_focais"]].index(("SEMAS-BV", "titular"))
    ][:4]
    # a duty in every stage, plus the accepted one
    etapas = {a[1] for a in e["atribuicoes"]}
    assert etapas == {"denuncia", "enfrentamento", "resgate", "pos_resgate", "atendimento"}
    assert ("PF-RR", "enfrentamento") in {a[:2] for a in e["atribuicoes"]}
    # referrals: the deadline changed in place (one DEAM-BV ▶ PF-RR, not two), one added
    deam_pf = [r for r in e["encaminhamentos"] if r[1:3] == ("DEAM-BV", "PF-RR")]
    assert [r[3:] for r in deam_pf] == [("Indício de tráfico internacional", "2 horas")]
    assert len(e["encaminhamentos"]) == 4
    # the frozen version holds the same referral, once
    conteudo = pacote["versoes"][0]["conteudo"]
    assert [(x["origem"], x["prazo"]) for x in conteudo["encaminhamentos"]].count(
        ("DEAM-BV", "2 horas")
    ) == 1
    assert e["versoes"] == 1
    # documents: a Termo for each institution but the coordination, and the Portaria
    docs = tmp_path / "docs"
    termos = sorted(p.name for p in docs.glob("termo-adesao-*.docx"))
    assert termos == [f"termo-adesao-{s}.docx" for s in ("CT-BV", "DEAM-BV", "HGR", "PF-RR")]
    termo = ler(docs / "termo-adesao-DEAM-BV.docx")
    sem_marcacoes(termo)
    texto_termo = termo.texto.casefold()
    assert "maria da penha" in texto_termo, termo.texto[:600]
    assert "secretaria municipal de assistência social" in texto_termo
    assert (docs / "portaria.docx").exists()
    assert e["adesoes_assinadas"] == ADERENTES
    # the first monthly meeting is prepared
    reunioes = pacto.json("reuniao", "listar")["reunioes"]
    assert [r["tipo"] for r in reunioes].count("alinhamento") == 1
    assert len(list((tmp_path / "mensal").glob("pauta-*.docx"))) == 1

    # statuses as the living-flow rules stand: steps 1–4 done; step 5 is the final presentation
    # and pact meeting (not part of this journey) with the version frozen, whatever the
    # adhesions say (they belong to etapa 12 of the roadmap); 6 starts after that meeting
    passos = passos_da_pactuacao(pacto)
    assert [passos[n] for n in range(1, 5)] == ["concluído"] * 4
    assert passos[5] == "não iniciado"
    assert passos[6] == "não iniciado"
    proximo = pacto.json("passo", "listar")["proximo_passo"]
    assert proximo["numero"] == 5
    assert proximo["acao"] == (
        "Apresentar o fluxo final na reunião de pactuação e congelar a versão pactuada."
    )


def test_cli_errors_are_clear_and_write_nothing(tmp_path):
    pacto = Pacto(tmp_path)
    pacto("init", "--rede", "Rede X", "--uf", "RR", "--municipio", "Boa Vista")
    saida = pacto("atores", "adicionar", "--nome", "X", "--sigla", "ruim!", "--email", "x",
                  codigo=1)  # fmt: skip
    assert "Sigla inválida" in saida and "E-mail inválido" in saida
    pacto("atores", "adicionar", "--nome", "Polícia Federal", "--sigla", "PF")
    assert "Etapa desconhecida" in pacto(
        "atribuicao", "definir", "PF", "--etapa", "xyz", "--texto", "a", codigo=1
    )
    assert "não encaminha para si mesma" in pacto(
        "encaminhamento", "adicionar", "--de", "PF", "--para", "pf", codigo=1
    )
    assert "Nenhuma instituição com a sigla" in pacto("rede", "coordenacao", "NADA", codigo=1)
    assert "Nada foi removido" in pacto("atores", "remover", "PF", entrada="n\n")
    assert [i["sigla"] for i in pacto.json("atores", "listar")] == ["PF"]
    assert pacto.json("encaminhamento", "listar") == []


def test_bundle_comparison_sees_equal_networks_and_what_differs(jornada, tmp_path):
    """The helper the TUI journey uses: a bundle imported elsewhere and exported again is the
    same network; a changed deadline is reported in its section."""
    import copy

    from tests.jornada_pacote import diferencas_entre

    original = ler_pacote(jornada / "rede.json")
    outra = Pacto(tmp_path)
    outra("init", "--rede", "Outra", "--uf", "SP")
    outra("importar", str(jornada / "rede.json"), "--substituir")
    outra("exportar", "de-novo.json")
    assert diferencas_entre(original, ler_pacote(tmp_path / "de-novo.json")) == []
    mudado = copy.deepcopy(original)
    mudado["encaminhamentos"][0]["prazo"] = "48 horas"
    (diferenca,) = diferencas_entre(original, mudado)
    assert diferenca.startswith("encaminhamentos:") and "48 horas" in diferenca
