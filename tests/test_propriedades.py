"""Property tests: the validators never fail with anything but ErroValidacao and clean idempotently;
any valid network survives a JSON export and import unchanged."""

from __future__ import annotations

import copy
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pacto.domain.errors import ErroValidacao
from pacto.domain.models import Encaminhamento, Instituicao, PontoFocal, Rede
from pacto.domain.validation import (
    UFS,
    cnpj_valido,
    email_valido,
    formatar_cnpj,
    normalizar_uf,
    validar_instituicao,
    validar_ponto_focal,
    validar_rede,
    validar_texto,
)

from .hostil import CONTROLES

# modest example counts: the CI machine has two cores
RAPIDO = settings(max_examples=150, deadline=None)
LENTO = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

qualquer_texto = st.text(max_size=80)
# text a user can store: no control characters other than tab and line breaks, no surrogates
texto_valido = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=CONTROLES),
    max_size=60,
)
texto_preenchido = texto_valido.filter(lambda t: t.strip())


def _digito(base: str) -> str:
    pesos = list(range(len(base) - 7, 1, -1)) + list(range(9, 1, -1))
    resto = sum(int(d) * p for d, p in zip(base, pesos, strict=True)) % 11
    return "0" if resto < 2 else str(11 - resto)


@st.composite
def cnpjs(draw) -> str:
    """A CNPJ with correct check digits (not all digits equal)."""
    base = draw(st.text(alphabet="0123456789", min_size=12, max_size=12))
    primeiro = _digito(base)
    cnpj = base + primeiro + _digito(base + primeiro)
    return cnpj if len(set(cnpj)) > 1 else "11222333000181"


@RAPIDO
@given(qualquer_texto)
def test_cnpj_check_never_raises_on_any_text(texto):
    assert cnpj_valido(texto) in (True, False)
    formatar_cnpj(texto)


@RAPIDO
@given(cnpjs())
def test_valid_cnpj_is_recognised_formatted_and_formatting_is_idempotent(cnpj):
    assert cnpj_valido(cnpj)
    formatado = formatar_cnpj(cnpj)
    assert cnpj_valido(formatado)
    assert formatar_cnpj(formatado) == formatado
    assert len(formatado) == 18 and formatado[2] == "." and formatado[10] == "/"


@RAPIDO
@given(cnpjs(), st.integers(min_value=12, max_value=13), st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_refused(cnpj, posicao, delta):
    errado = cnpj[:posicao] + str((int(cnpj[posicao]) + delta) % 10) + cnpj[posicao + 1 :]
    assert not cnpj_valido(errado)


@RAPIDO
@given(qualquer_texto)
def test_email_check_never_raises_and_refuses_text_without_an_at(texto):
    assert email_valido(texto) in (True, False)
    if "@" not in texto:
        assert not email_valido(texto)


@RAPIDO
@given(st.from_regex(r"[a-z0-9._+-]{1,20}@[a-z0-9-]{1,20}\.[a-z]{2,6}", fullmatch=True))
def test_plain_addresses_are_accepted(email):
    assert email_valido(email)


@RAPIDO
@given(qualquer_texto)
def test_uf_is_one_of_the_27_or_a_validation_error(texto):
    try:
        uf = normalizar_uf(texto)
    except ErroValidacao as erro:
        assert erro.mensagem.startswith("UF inválida")
    else:
        assert uf in UFS and normalizar_uf(uf) == uf


@RAPIDO
@given(st.sampled_from(sorted(UFS)), st.sampled_from(["", " ", "\t"]), st.booleans())
def test_any_case_and_spacing_of_a_uf_is_accepted(uf, espaco, minuscula):
    assert normalizar_uf(f"{espaco}{uf.lower() if minuscula else uf}{espaco}") == uf


instituicoes_quaisquer = st.builds(
    Instituicao,
    nome=qualquer_texto,
    sigla=qualquer_texto,
    cnpj=st.one_of(qualquer_texto, cnpjs()),
    tipo=qualquer_texto,
    esfera=qualquer_texto,
    endereco=qualquer_texto,
    telefone=qualquer_texto,
    email=qualquer_texto,
    observacoes=st.text(max_size=200),
)


@RAPIDO
@given(instituicoes_quaisquer, st.lists(qualquer_texto, max_size=3))
def test_institution_rules_raise_only_validation_errors_and_clean_idempotently(inst, siglas):
    try:
        limpa = validar_instituicao(copy.deepcopy(inst), siglas)
    except ErroValidacao as erro:
        assert erro.problemas
        return
    de_novo = validar_instituicao(copy.deepcopy(limpa), siglas)
    assert de_novo == limpa


@RAPIDO
@given(
    st.builds(
        PontoFocal,
        instituicao_id=st.just(1),
        papel=st.one_of(st.sampled_from(["titular", "Suplente ", "TITULAR"]), qualquer_texto),
        nome=qualquer_texto,
        cargo=qualquer_texto,
        telefone=qualquer_texto,
        email=qualquer_texto,
    )
)
def test_focal_point_rules_raise_only_validation_errors_and_clean_idempotently(ponto):
    try:
        limpo = validar_ponto_focal(copy.deepcopy(ponto))
    except ErroValidacao:
        return
    assert limpo.papel in ("titular", "suplente")
    assert validar_ponto_focal(copy.deepcopy(limpo)) == limpo


@RAPIDO
@given(qualquer_texto, qualquer_texto, qualquer_texto)
def test_network_rules_raise_only_validation_errors_and_clean_idempotently(nome, uf, municipio):
    try:
        rede = validar_rede(Rede(nome, uf, municipio))
    except ErroValidacao:
        return
    assert validar_rede(replace(rede)) == rede


@RAPIDO
@given(st.text(max_size=300), st.booleans())
def test_free_text_rule_raises_only_validation_errors_and_is_idempotent(texto, obrigatorio):
    try:
        limpo = validar_texto("a nota", texto, obrigatorio)
    except ErroValidacao:
        return
    assert validar_texto("a nota", limpo, obrigatorio) == limpo


# -- JSON round trip ---------------------------------------------------------------------

siglas_validas = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/ºª", max_size=6)


@st.composite
def redes(draw):
    """A network description: institutions with focal points, duties and referrals."""
    n = draw(st.integers(min_value=2, max_value=6))
    instituicoes = [
        dict(
            nome=draw(texto_preenchido),
            sigla=f"I{i}-{draw(siglas_validas)}",
            endereco=draw(texto_valido),
            telefone=draw(texto_valido),
            email=draw(st.sampled_from(["", "contato@exemplo.gov.br"])),
            horario=draw(texto_valido),
            observacoes=draw(texto_valido),
            pontos=draw(st.lists(texto_preenchido, max_size=2)),
            atribuicoes=draw(st.lists(texto_preenchido, max_size=3)),
        )
        for i in range(n)
    ]
    encaminhamentos = draw(
        st.lists(
            st.tuples(
                st.integers(0, n - 1), st.integers(0, n - 1), texto_valido, texto_valido
            ).filter(lambda t: t[0] != t[1]),
            max_size=6,
        )
    )
    return draw(texto_preenchido), instituicoes, encaminhamentos


def _preencher(ws, descricao) -> None:
    nome_rede, instituicoes, encaminhamentos = descricao
    ws.salvar_rede(Rede(nome_rede, "RR"))
    etapas, fluxo = ws.etapas(), ws.fluxos()[0]
    ids = []
    for dados in instituicoes:
        pontos, atribuicoes = dados.pop("pontos"), dados.pop("atribuicoes")
        inst = ws.salvar_instituicao(Instituicao(**dados))
        ids.append(inst.id)
        for papel, nome in zip(("titular", "suplente"), pontos, strict=False):
            ws.salvar_ponto_focal(PontoFocal(inst.id, papel, nome))
        for etapa, texto in zip(etapas, atribuicoes, strict=False):
            ws.definir_atribuicao(inst.id, etapa.id, fluxo.id, texto)
    for de, para, condicao, prazo in encaminhamentos:
        ws.salvar_encaminhamento(Encaminhamento(fluxo.id, ids[de], ids[para], condicao, prazo))


def _sem_carimbo(caminho: Path) -> dict:
    dados = json.loads(caminho.read_text(encoding="utf-8"))
    dados.pop("gerado_em")
    return dados


@LENTO
@given(redes())
def test_any_valid_network_survives_export_and_import_unchanged(descricao):
    from pacto.services.bundle import exportar, importar
    from pacto.store import Workspace

    with tempfile.TemporaryDirectory() as temporaria:
        pasta = Path(temporaria)
        with Workspace.criar(pasta / "origem.db", Rede("Rede", "RR")) as origem:
            _preencher(origem, descricao)
            primeiro = exportar(origem, pasta / "primeiro.json")
        with Workspace.criar(pasta / "destino.db", Rede("Outra", "SP")) as destino:
            importar(destino, primeiro)
            segundo = exportar(destino, pasta / "segundo.json")
        assert _sem_carimbo(segundo) == _sem_carimbo(primeiro)
