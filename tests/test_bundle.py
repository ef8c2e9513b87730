"""The JSON bundle: lossless round trip, refusal of malformed bundles with nothing written."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pacto.domain.errors import ErroImportacao, ErroValidacao
from pacto.domain.models import Rede
from pacto.services import bundle
from pacto.store import Workspace

from .conftest import nova_instituicao
from .hostil import CONTROLES


def _sem_carimbo(pacote: dict) -> dict:
    return {k: v for k, v in pacote.items() if k != "gerado_em"}


def test_top_level_shape(ws_demo, tmp_path):
    destino = bundle.exportar(ws_demo, tmp_path / "rede.json")
    dados = json.loads(destino.read_text(encoding="utf-8"))
    assert dados["formato"] == "pacto"
    assert dados["versao_formato"] == 1
    for secao in (
        "rede",
        "fluxos",
        "etapas",
        "instituicoes",
        "pontos_focais",
        "atribuicoes",
        "encaminhamentos",
        "versoes",
        "reunioes",
        "pauta",
        "presencas",
        "deliberacoes",
        "acoes",
        "sugestoes",
    ):
        assert secao in dados
    assert {"nome", "sigla"} <= set(dados["instituicoes"][0])
    assert "Núcleo de Enfrentamento" in destino.read_text(
        encoding="utf-8"
    )  # UTF-8, not \\u escapes


def test_round_trip_is_lossless(ws_demo, tmp_path):
    arquivo = bundle.exportar(ws_demo, tmp_path / "rede.json")
    original = json.loads(arquivo.read_text(encoding="utf-8"))
    assert original["grupo_trabalho"] and original["autodiagnostico_respostas"]
    with Workspace.criar(tmp_path / "nova.db", Rede("Outra", "SP")) as nova:
        bundle.importar(nova, arquivo)
        copia = json.loads(
            bundle.exportar(nova, tmp_path / "copia.json").read_text(encoding="utf-8")
        )
        assert nova.ato_gt() == ws_demo.ato_gt()
        assert len(nova.rodadas_autodiagnostico()[0].respostas) == 17
    assert _sem_carimbo(copia) == _sem_carimbo(original)


def test_bundle_with_bad_extra_rows_rejected_and_nothing_written(ws_demo, ws_vazio, tmp_path):
    arquivo = bundle.exportar(ws_demo, tmp_path / "rede.json")
    dados = json.loads(arquivo.read_text(encoding="utf-8"))
    dados["autodiagnostico_respostas"][0]["valor"] = "talvez"
    arquivo.write_text(json.dumps(dados), encoding="utf-8")
    with pytest.raises(ErroImportacao, match="autodiagnostico_respostas.*linha 1.*“valor”"):
        bundle.importar(ws_vazio, arquivo)
    assert ws_vazio.esta_vazio() and ws_vazio.rodadas_autodiagnostico() == []


def test_round_trip_carries_frozen_versions(ws_demo, tmp_path):
    primeira = ws_demo.congelar_versao("Aprovada na reunião ampliada")
    nova_instituicao(ws_demo, "CREAS-BV", "CREAS Pintolândia")
    ws_demo.congelar_versao("Entrada do CREAS")
    nova_instituicao(ws_demo, "RASC", "Só no rascunho")
    original = bundle.montar(ws_demo.carregar(), ws_demo.versoes())
    arquivo = bundle.exportar(ws_demo, tmp_path / "rede.json")
    dados = json.loads(arquivo.read_text(encoding="utf-8"))
    assert [v["numero"] for v in dados["versoes"]] == [1, 2]
    assert dados["versoes"][0]["hash"] == primeira.hash
    with Workspace.criar(tmp_path / "nova.db", Rede("Outra", "SP")) as nova:
        bundle.importar(nova, arquivo)
        copia = bundle.montar(nova.carregar(), nova.versoes())
        assert [v.integra for v in nova.versoes()] == [True, True]
        assert nova.versao(1).criado_em == primeira.criado_em
        # the unfrozen draft came along too: without its extra institution it equals version 2
        nova.remover_instituicao(nova.instituicao_por_sigla("RASC").id)
        with pytest.raises(ErroValidacao, match="igual à versão 2"):
            nova.congelar_versao("Nada mudou")
    assert _sem_carimbo(copia) == _sem_carimbo(original)


def test_import_with_substituir_replaces_frozen_versions(ws_demo, ws_vazio, tmp_path):
    ws_demo.congelar_versao("Versão do pacote")
    arquivo = bundle.exportar(ws_demo, tmp_path / "rede.json")
    nova_instituicao(ws_vazio, "XYZ")
    ws_vazio.congelar_versao("Versão local, que será substituída")
    bundle.importar(ws_vazio, arquivo, substituir=True)
    assert [v.nota for v in ws_vazio.versoes()] == ["Versão do pacote"]


def test_bundle_without_versions_section_still_imports(ws_demo, ws_vazio, tmp_path):
    dados = bundle.montar(ws_demo.carregar())
    del dados["versoes"]
    bundle.importar(ws_vazio, _gravar(tmp_path, dados), substituir=True)
    assert ws_vazio.versoes() == []
    assert len(ws_vazio.instituicoes()) == len(ws_demo.instituicoes())


def _com_versao(ws_demo, alterar):
    ws_demo.congelar_versao("Versão do pacote")
    dados = bundle.montar(ws_demo.carregar(), ws_demo.versoes())
    alterar(dados)
    return dados


@pytest.mark.parametrize(
    ("alterar", "mensagem"),
    [
        (lambda d: d["versoes"][0]["conteudo"]["rede"].update(nome="Outra"), "não confere"),
        (lambda d: d["versoes"][0].update(numero=0), "inteiro a partir de 1"),
        (lambda d: d["versoes"][0].update(criado_em="ontem"), "data inválida"),
        (lambda d: d["versoes"].append(dict(d["versoes"][0])), "repetidos"),
        (lambda d: d.update(versoes={}), "deveria ser uma lista"),
        (lambda d: d["versoes"][0].update(conteudo=[]), "deveria ser um objeto"),
        (lambda d: d["versoes"][0]["conteudo"].pop("etapas"), "“etapas” deveria ser uma lista"),
        (
            lambda d: d["versoes"][0]["conteudo"]["atribuicoes"][0].pop("etapa"),
            r"atribuicoes\[1\]: campos ausentes ou inválidos \(etapa\)",
        ),
    ],
)
def test_tampered_versions_are_rejected_and_nothing_written(
    ws_demo, ws_vazio, tmp_path, alterar, mensagem
):
    arquivo = _gravar(tmp_path, _com_versao(ws_demo, alterar))
    antes = bundle.montar(ws_vazio.carregar(), ws_vazio.versoes())
    with pytest.raises(ErroImportacao, match=mensagem):
        bundle.importar(ws_vazio, arquivo, substituir=True)
    depois = bundle.montar(ws_vazio.carregar(), ws_vazio.versoes())
    assert _sem_carimbo(depois) == _sem_carimbo(antes)


def test_meetings_travel_in_the_bundle(ws_demo, tmp_path):
    dados = json.loads(bundle.exportar(ws_demo, tmp_path / "rede.json").read_text("utf-8"))
    gt = next(r for r in dados["reunioes"] if r["tipo"] == "gt")
    assert gt["hora"] == "09:00" and gt["situacao"] == "realizada"
    assert any(i["ata"] for i in dados["pauta"])
    assert any(p["instituicao_id"] is None and p["organizacao"] for p in dados["presencas"])
    assert {a["situacao"] for a in dados["acoes"]} == {"aberta", "concluida"}
    propostas = [s["proposta"] for s in dados["sugestoes"] if s["proposta"]]
    assert {p["tipo"] for p in propostas} == {"atribuicao", "encaminhamento"}
    with Workspace.criar(tmp_path / "nova.db", Rede("Outra", "SP")) as nova:
        bundle.importar(nova, tmp_path / "rede.json")
        rc = nova.carregar()
        assert (
            rc.reuniao_completa(gt["id"]).itens
            == ws_demo.carregar().reuniao_completa(gt["id"]).itens
        )
        assert rc.sugestoes == ws_demo.sugestoes()


def test_import_into_workspace_with_data_needs_substituir(ws_demo, ws_vazio, tmp_path):
    arquivo = bundle.exportar(ws_demo, tmp_path / "rede.json")
    nova_instituicao(ws_vazio, "XYZ")
    with pytest.raises(ErroImportacao, match="--substituir"):
        bundle.importar(ws_vazio, arquivo)
    assert [i.sigla for i in ws_vazio.instituicoes()] == ["XYZ"]
    bundle.importar(ws_vazio, arquivo, substituir=True)
    assert len(ws_vazio.instituicoes()) == len(ws_demo.instituicoes())
    assert ws_vazio.rede().nome == ws_demo.rede().nome


def _gravar(tmp_path, conteudo) -> str:
    arquivo = tmp_path / "ruim.json"
    arquivo.write_text(
        conteudo if isinstance(conteudo, str) else json.dumps(conteudo), encoding="utf-8"
    )
    return arquivo


@pytest.mark.parametrize(
    ("alterar", "mensagem"),
    [
        (lambda d: d.pop("formato"), "não é um pacote do pacto"),
        (lambda d: d.update(versao_formato=99), "versão mais nova"),
        (lambda d: d.update(instituicoes="muitas"), "deveria ser uma lista"),
        (lambda d: d["instituicoes"][0].update(nome=42), "deveria ser um texto"),
        (lambda d: d["instituicoes"][0].pop("sigla"), "faltam campos obrigatórios"),
        (lambda d: d["instituicoes"][1].update(sigla=d["instituicoes"][0]["sigla"]), "Já existe"),
        (lambda d: d["atribuicoes"][0].update(instituicao_id=99999), "não corresponde"),
        (lambda d: d["pontos_focais"][0].update(confirmado_em="ontem"), "data inválida"),
        (lambda d: d["rede"].update(uf="XX"), "UF inválida"),
        (lambda d: d["etapas"][0].update(id="um"), "número inteiro"),
        (lambda d: d["pauta"][0].update(reuniao_id=999), "não corresponde"),
        (lambda d: d["presencas"][0].update(instituicao_id=999), "não corresponde"),
        (lambda d: d["reunioes"][0].update(data="29/10"), "data inválida"),
        (lambda d: d["reunioes"][0].update(hora="nove"), "hora inválida"),
        (lambda d: d["reunioes"][0].update(tipo="festa"), "Tipo de reunião inválido"),
        (lambda d: d["pauta"][0].update(concluido="sim"), "true ou false"),
        (lambda d: d["acoes"][0].update(situacao="talvez"), "situação da ação"),
        (lambda d: d["sugestoes"][0].update(proposta={"tipo": "x"}), "Proposta inválida"),
        (lambda d: d["sugestoes"][0].update(proposta=[1]), "deveria ser um objeto"),
    ],
)
def test_malformed_bundle_rejected_and_nothing_written(
    ws_demo, ws_vazio, tmp_path, alterar, mensagem
):
    dados = bundle.montar(ws_demo.carregar())
    alterar(dados)
    arquivo = _gravar(tmp_path, dados)
    antes = bundle.montar(ws_vazio.carregar())
    with pytest.raises(ErroImportacao, match=mensagem):
        bundle.importar(ws_vazio, arquivo, substituir=True)
    assert _sem_carimbo(bundle.montar(ws_vazio.carregar())) == _sem_carimbo(antes)


def test_not_json_at_all(ws_vazio, tmp_path):
    with pytest.raises(ErroImportacao, match="não é um JSON válido"):
        bundle.importar(ws_vazio, _gravar(tmp_path, "{ quebrado"))
    arquivo = tmp_path / "latin1.json"
    arquivo.write_bytes("{ 'ção' }".encode("latin-1"))
    with pytest.raises(ErroImportacao, match="UTF-8"):
        bundle.importar(ws_vazio, arquivo)


texto_livre = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROLES),
    max_size=60,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(nome=texto_livre, observacoes=texto_livre, horario=texto_livre)
def test_round_trip_keeps_arbitrary_text(ws_vazio, tmp_path, nome, observacoes, horario):
    nome = nome.strip() or "Instituição"
    ws_vazio.substituir(
        ws_vazio.carregar().__class__(
            rede=ws_vazio.rede(), etapas=ws_vazio.etapas(), fluxos=ws_vazio.fluxos()
        )
    )
    inst = nova_instituicao(ws_vazio, "X", nome, observacoes=observacoes, horario=horario)
    dados = bundle.montar(ws_vazio.carregar())
    lido = bundle.desmontar(json.loads(json.dumps(dados)))
    assert lido.instituicoes[0].nome == inst.nome
    assert lido.instituicoes[0].observacoes == inst.observacoes
    assert lido.instituicoes[0].horario == inst.horario
