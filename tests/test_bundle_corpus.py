"""A corpus of hostile bundles: every extra table with a wrong type, an impossible date, a bad
month, a dangling reference, a huge integer or an unknown key, and the network's own sections
with unknown purposes, zero stages and meeting numbers no database can hold. Each is refused
whole, the message names section, row and field in Portuguese, and the workspace is untouched.
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import date, datetime

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pacto.cli import pacto
from pacto.domain.linhas_extras import COLUNAS, Referencias, problemas_das_tabelas
from pacto.domain.models import Rede
from pacto.services import bundle
from pacto.store import Workspace
from pacto.store.netp_repo import EnvioNetp

ENORME = 10**30


@pytest.fixture(scope="module")
def pacote_base(tmp_path_factory, _modelo_demo) -> dict:
    """The demo bundle with at least one valid row in every extra table."""
    import shutil

    pasta = tmp_path_factory.mktemp("corpus")
    banco = pasta / "base.db"
    shutil.copy(_modelo_demo, banco)
    runner = CliRunner()
    for argumentos in (
        ["versao", "congelar", "--nota", "Base"],
        ["adesao", "registrar", "PF-RR", "--situacao", "assinado", "--data", "10/11/2026"],
        ["passo", "marcar", "2", "--situacao", "em-andamento", "--nota", "Em revisão."],
        ["checklist", "responder", "pontos_focais", "ok", "--mes", "2026-11"],
        ["indicadores", "meta", "pessoas_atendidas", "--periodo", "2026", "--valor", "80"],
        ["indicadores", "valor", "pessoas_atendidas", "--mes", "2026-11", "--valor", "75"],
        [
            "reuniao",
            "criar",
            "--tipo",
            "avaliacao",
            "--data",
            "10/11/2026",
            "--hora",
            "9h",
            "--local",
            "Sala do NETP",
        ],
    ):
        resultado = runner.invoke(pacto, ["--db", str(banco), *argumentos])
        assert resultado.exit_code == 0, (argumentos, resultado.output)
    with Workspace.abrir(banco) as ws:
        avaliacao = max(r.id for r in ws.carregar().reunioes)
    resultado = runner.invoke(
        pacto,
        ["--db", str(banco), "reuniao", "avaliacao", str(avaliacao), "--periodicidade",
         "semestral", "--funciona", "Os encaminhamentos chegam no prazo."],
    )  # fmt: skip
    assert resultado.exit_code == 0, resultado.output
    with Workspace.abrir(banco) as ws:
        inst = ws.instituicao_por_sigla("NETP-RR")
        ws.registrar_envio_netp(
            EnvioNetp(
                "2026-10",
                inst.id,
                datetime(2026, 11, 5, 10, 0),
                {("faixa_sexo", "18 a 29 anos", "Feminino"): 3},
            )
        )
        destino = bundle.exportar(ws, pasta / "base.json")
    dados = json.loads(destino.read_text(encoding="utf-8"))
    from pacto.store.workspace import TABELAS_EXTRAS

    assert all(dados[t] for t in TABELAS_EXTRAS), [t for t in TABELAS_EXTRAS if not dados[t]]
    return dados


# (section, field, bad value, what the message must say)
CORPUS = [
    ("configuracoes", "valor", 12, "deveria ser um texto"),
    ("grupo_trabalho", "instituicao_id", "1", "deveria ser um número inteiro"),
    ("autodiagnostico_rodadas", "id", ENORME, "fora do intervalo"),
    ("autodiagnostico_respostas", "valor", 1, "valor desconhecido"),
    ("autodiagnostico_respostas", "rodada_id", ENORME, "fora do intervalo"),
    ("ajustes_passos", "numero", "2", "deveria ser um número inteiro"),
    ("netp_envios", "id", ENORME, "fora do intervalo"),
    ("netp_envios", "instituicao_id", "1", "deveria ser um número inteiro"),
    ("checklist_respostas", "nota", 5, "deveria ser um texto"),
    ("checklist_respostas", "instituicao_id", ENORME, "fora do intervalo"),
    ("configuracoes", "chave", "x" * 400, "texto longo demais"),
    ("grupo_trabalho", "instituicao_id", 999_999, "não corresponde a nenhuma instituição"),
    ("grupo_trabalho", "instituicao_id", ENORME, "fora do intervalo"),
    ("grupo_trabalho", "desde", "2026-02-30", "data inválida"),
    ("autodiagnostico_rodadas", "realizada_em", "not-a-date", "data inválida"),
    ("autodiagnostico_rodadas", "realizada_em", "1900-01-01", "fora do intervalo aceito"),
    ("autodiagnostico_rodadas", "id", "1", "deveria ser um número inteiro"),
    ("autodiagnostico_respostas", "valor", "talvez", "valor desconhecido"),
    ("autodiagnostico_respostas", "item", "nao_existe", "valor desconhecido"),
    ("autodiagnostico_respostas", "rodada_id", 4242, "nenhuma rodada"),
    ("ajustes_passos", "registrado_em", "ontem", "data e hora inválidas"),
    ("ajustes_passos", "numero", 0, "fora do intervalo"),
    ("ajustes_passos", "numero", ENORME, "fora do intervalo"),
    ("ajustes_passos", "situacao", "quase", "valor desconhecido"),
    ("ajustes_passos", "tipo", None, "obrigatório"),
    ("netp_envios", "recebido_em", "x", "data e hora inválidas"),
    ("netp_envios", "mes", "2026-13", "mês inválido"),
    ("netp_envios", "mes", "0000-01", "fora do intervalo"),
    ("netp_envios", "instituicao_id", 31337, "nenhuma instituição"),
    ("netp_envios", "arquivo_sha256", "abc", "SHA-256"),
    ("netp_contagens", "quantidade", -1, "fora do intervalo"),
    ("netp_contagens", "quantidade", ENORME, "fora do intervalo"),
    ("netp_contagens", "quantidade", 2.5, "número inteiro"),
    ("netp_contagens", "envio_id", 777, "nenhum envio"),
    ("netp_contagens", "bloco", "outro", "valor desconhecido"),
    ("netp_contagens", "linha", "Marte", "linha desconhecida"),
    ("checklist_respostas", "mes", "2026-13", "mês inválido"),
    ("checklist_respostas", "situacao", "talvez", "valor desconhecido"),
    ("checklist_respostas", "instituicao_id", 99_999, "nenhuma instituição"),
    ("indicador_metas", "valor", "abc", "valor inválido"),
    ("indicador_metas", "valor", 1e300, "grande demais"),
    ("indicador_metas", "periodo", "2026-11", "período inválido"),
    ("indicador_metas", "indicador", "inventado", "valor desconhecido"),
    ("indicador_valores", "valor", "abc", "valor inválido"),
    ("indicador_valores", "valor", 1e300, "grande demais"),
    ("indicador_valores", "periodo", "2026-13", "mês inválido"),
    ("indicador_valores", "origem", "robô", "valor desconhecido"),
    ("adesoes", "assinado_em", "2026-02-30", "data inválida"),
    ("adesoes", "assinado_em", "9999-12-31", "fora do intervalo"),
    ("adesoes", "versao_numero", 99, "nenhuma versão congelada"),
    ("adesoes", "versao_numero", ENORME, "fora do intervalo"),
    ("adesoes", "situacao", "casada", "valor desconhecido"),
    ("adesoes", "instituicao_id", [1], "não uma lista"),
    ("adesoes", "signatario", "x" * 400, "texto longo demais"),
    ("adesoes", "atualizado_em", float("nan"), "NaN"),
]


def _gravar(tmp_path, dados) -> str:
    destino = tmp_path / "hostil.json"
    destino.write_text(json.dumps(dados, ensure_ascii=True), encoding="utf-8")
    return str(destino)


def _impressao(caminho) -> str:
    return hashlib.sha256(caminho.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "secao, campo, valor, esperado", CORPUS, ids=[f"{s}.{c}={v!r:.20}" for s, c, v, _ in CORPUS]
)
def test_bad_extra_row_refuses_the_whole_bundle(
    pacote_base, caminho_demo, tmp_path, secao, campo, valor, esperado
):
    dados = copy.deepcopy(pacote_base)
    dados[secao][0][campo] = valor
    arquivo = _gravar(tmp_path, dados)
    antes = _impressao(caminho_demo)
    resultado = CliRunner().invoke(
        pacto, ["--db", str(caminho_demo), "importar", arquivo, "--substituir"]
    )
    assert resultado.exit_code == 1, resultado.output
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit)
    assert "nada foi importado" in resultado.output
    assert f"({secao}), linha 1, campo “{campo}”" in resultado.output, resultado.output
    assert esperado in resultado.output, resultado.output
    assert _impressao(caminho_demo) == antes


@pytest.mark.parametrize(
    "secao, campo, valor, esperado",
    [
        ("reunioes", "numero", ENORME, "grande demais"),
        ("reunioes", "data", "1900-01-01", "fora do intervalo aceito"),
        ("reunioes", "data", "2026-02-30", "data inválida"),
        ("fluxos", "finalidades", ["exploracao_sexual", "pirataria"], "finalidade desconhecida"),
        ("etapas", "ordem", 0, "“ordem” deveria ser um número de 1 a 1000"),
        ("etapas", "nome", "", "Informe o nome"),
        ("atribuicoes", "texto", "x" * 30_000, "texto longo demais"),
        ("deliberacoes", "texto", "", "Informe o texto"),
        ("pontos_focais", "instituicao_id", -ENORME, "grande demais"),
    ],
)
def test_bad_network_row_is_refused_naming_the_place(
    pacote_base, tmp_path, secao, campo, valor, esperado
):
    dados = copy.deepcopy(pacote_base)
    assert dados[secao], secao
    dados[secao][0][campo] = valor
    arquivo = _gravar(tmp_path, dados)
    banco = tmp_path / "novo.db"
    resultado = CliRunner().invoke(pacto, ["--db", str(banco), "importar", arquivo])
    assert resultado.exit_code == 1, resultado.output
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit)
    assert f"{secao}[1]" in resultado.output and esperado in resultado.output, resultado.output
    assert not banco.exists()  # a refused import into a new file leaves no file behind


def test_the_valid_corpus_base_imports(pacote_base, tmp_path):
    arquivo = _gravar(tmp_path, pacote_base)
    with Workspace.criar(tmp_path / "nova.db", Rede("Outra", "SP")) as ws:
        bundle.importar(ws, arquivo)
        assert ws.ajustes_passos() and ws.adesoes() and ws.envios_netp()


def test_every_problem_is_listed_at_once(pacote_base, caminho_demo, tmp_path):
    dados = copy.deepcopy(pacote_base)
    dados["ajustes_passos"][0]["registrado_em"] = "ontem"
    dados["adesoes"][0]["assinado_em"] = "2026-02-30"
    dados["indicador_valores"][0]["valor"] = "abc"
    with pytest.raises(Exception) as erro:
        bundle.importar(Workspace.abrir(caminho_demo), _gravar(tmp_path, dados), substituir=True)
    mensagem = str(erro.value)
    for trecho in ("ajustes_passos", "adesoes", "indicador_valores"):
        assert trecho in mensagem


def test_dates_of_today_are_in_range():
    from pacto.domain.calendario import faixa_de_datas

    inicio, fim = faixa_de_datas(date(2026, 12, 3))
    assert inicio == date(1996, 1, 1) and fim == date(2036, 12, 31)


def test_a_number_with_thousands_of_digits_is_refused(pacote_base, tmp_path):
    texto = json.dumps(pacote_base).replace(
        '"versao_formato": 1', '"versao_formato": ' + "9" * 5000
    )
    arquivo = tmp_path / "digitos.json"
    arquivo.write_text(texto, encoding="utf-8")
    banco = tmp_path / "novo.db"
    resultado = CliRunner().invoke(pacto, ["--db", str(banco), "importar", str(arquivo)])
    assert resultado.exit_code == 1 and "número grande demais" in resultado.output
    assert resultado.exception is None or isinstance(resultado.exception, SystemExit)
    assert not banco.exists()


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["2026-11", "2026-13", "2026-02-30", "ontem", "9999-12-31T00:00:00"]),
    lambda filhos: st.lists(filhos, max_size=3) | st.dictionaries(st.text(max_size=5), filhos),
    max_leaves=5,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tabela=st.sampled_from(sorted(COLUNAS)),
    linhas=st.lists(
        st.dictionaries(st.sampled_from(["id", "mes", "valor", "x"]), _JSON), max_size=3
    ),
    extras=st.data(),
)
def test_row_checks_never_raise_whatever_a_bundle_holds(tabela, linhas, extras):
    colunas = sorted(COLUNAS[tabela])
    for linha in linhas:
        for campo in extras.draw(st.lists(st.sampled_from(colunas), max_size=4)):
            linha[campo] = extras.draw(_JSON)
    problemas = problemas_das_tabelas({tabela: linhas}, Referencias({1}, {1}))
    assert all(isinstance(p, str) and f"({tabela}), linha" in p for p in problemas)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(dados=st.data())
def test_any_mutated_bundle_is_read_or_refused_in_portuguese(pacote_base, dados):
    from pacto.domain.errors import ErroImportacao

    pacote = copy.deepcopy(pacote_base)
    secoes = sorted(k for k, v in pacote.items() if isinstance(v, list) and v)
    secao = dados.draw(st.sampled_from(secoes))
    linha = dados.draw(st.sampled_from(pacote[secao]))
    campo = dados.draw(st.sampled_from(sorted(linha) + ["inventado"]))
    linha[campo] = dados.draw(_JSON)
    try:
        rc = bundle.desmontar(pacote)
        versoes = bundle.desmontar_versoes(pacote)
        bundle.validar_extras(bundle.extras(pacote), rc, versoes)
    except ErroImportacao as erro:
        assert erro.mensagem and "Traceback" not in erro.mensagem
