"""Re-adhesion by content: a new version asks to sign again only whoever's commitments changed."""

import json
from datetime import date

from click.testing import CliRunner
from docx import Document

from pacto.cli import pacto
from pacto.domain.adesao import MANTIDA, READESAO
from pacto.domain.models import PontoFocal
from pacto.domain.version_diff import compromissos_alterados
from pacto.services.adesoes import panorama, registrar
from pacto.services.progresso import situacao
from pacto.store import Workspace

from .conftest import HOJE


def _todas_assinam(ws, quando=date(2026, 11, 10)):
    for s in panorama(ws).lista:
        registrar(
            ws, s.instituicao.sigla, "assinado", quando, signatario=f"Chefe {s.instituicao.sigla}"
        )


def _muda_um_dever(ws, sigla="PF-RR"):
    inst = ws.instituicao_por_sigla(sigla)
    etapa = next(e for e in ws.etapas() if e.chave == "resgate")
    ws.definir_atribuicao(inst.id, etapa.id, ws.fluxos()[0].id, "Coordena o resgate com o MPT.")


def _indicador(ws):
    from pacto.services.mensal import fatos_indicadores

    return fatos_indicadores(ws, ws.carregar(), HOJE).adesoes_assinadas


def test_only_the_institution_whose_duty_changed_must_sign_again(ws_demo):
    ws_demo.congelar_versao("Primeira")
    _todas_assinam(ws_demo)
    antes = _indicador(ws_demo)
    registros = len(ws_demo.adesoes())
    # a contact and a focal point change too: neither asks for re-adhesion
    dpu = ws_demo.instituicao_por_sigla("DPU-RR")
    dpu.telefone = "(95) 3000-0000"
    ws_demo.salvar_instituicao(dpu)
    titular = ws_demo.carregar().titular(dpu.id)
    ws_demo.salvar_ponto_focal(
        PontoFocal(dpu.id, "titular", "Outra Pessoa", id=titular.id if titular else None)
    )
    _muda_um_dever(ws_demo)
    ws_demo.congelar_versao("Segunda")
    quadro = panorama(ws_demo)
    pendentes = [s for s in quadro.lista if s.situacao == READESAO]
    assert [s.instituicao.sigla for s in pendentes] == ["PF-RR"]
    assert [m.texto for m in pendentes[0].mudancas] == ["Atribuição alterada — PF-RR em Resgate."]
    outras = [s for s in quadro.lista if s.instituicao.sigla != "PF-RR"]
    assert outras and all(s.situacao == MANTIDA for s in outras)
    assert all(
        s.motivo == "vigente: assinou a versão 1; sem mudanças para a instituição desde então."
        for s in outras
    )
    # derived, never written: no adhesion row for a version nobody signed
    assert len(ws_demo.adesoes()) == registros
    assert all(a.versao_numero == 1 for a in ws_demo.adesoes())
    # PF's Termo stays in force until it signs the aditivo: the indicator does not drop
    assert _indicador(ws_demo) == antes


def test_contact_only_changes_keep_everyone(ws_demo):
    ws_demo.congelar_versao("Primeira")
    _todas_assinam(ws_demo)
    pf = ws_demo.instituicao_por_sigla("PF-RR")
    pf.email = "novo@pf.gov.br"
    pf.horario = "24 horas"
    ws_demo.salvar_instituicao(pf)
    ws_demo.congelar_versao("Só contato")
    assert {s.situacao for s in panorama(ws_demo).lista} == {MANTIDA}


def test_commitments_follow_referrals_and_stage_renames(ws_demo):
    ws_demo.congelar_versao("Primeira")
    antes = ws_demo.versao(1).conteudo
    depois = json.loads(json.dumps(antes))
    depois["encaminhamentos"].append(
        {
            "fluxo": antes["fluxos"][0]["nome"],
            "origem": "PF-RR",
            "destino": "DPU-RR",
            "condicao": "",
            "prazo": "24 horas",
        }
    )
    resgate = next(e for e in depois["etapas"] if e["chave"] == "resgate")
    resgate["nome"] = "Resgate e retirada"
    # a stage pushed down by an inserted one commits nobody anew
    for e in depois["etapas"]:
        if e["chave"] == "atendimento":
            e["ordem"] += 1
    por = compromissos_alterados(antes, depois)
    assert [m.texto for m in por["DPU-RR"]] == [
        "Encaminhamento incluído: PF-RR → DPU-RR (prazo “24 horas”)."
    ]
    atuam_no_resgate = {a["instituicao"] for a in antes["atribuicoes"] if a["etapa"] == "resgate"}
    assert atuam_no_resgate <= set(por)
    assert not any("atendimento" in m.texto.casefold() for ms in por.values() for m in ms)


def _rodar(caminho, *args):
    return CliRunner().invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)


def test_termo_aditivo_lists_exactly_the_change(caminho_demo, tmp_path):
    ws = Workspace.abrir(caminho_demo)
    ws.congelar_versao("Primeira")
    _todas_assinam(ws)
    _muda_um_dever(ws)
    ws.congelar_versao("Segunda")
    ws.fechar()
    listagem = _rodar(caminho_demo, "adesao", "listar", "--json")
    dados = {i["sigla"]: i for i in json.loads(listagem.output)["instituicoes"]}
    assert dados["PF-RR"]["situacao"] == READESAO and dados["DPU-RR"]["situacao"] == MANTIDA
    assert "Termo Aditivo" in dados["PF-RR"]["motivo"]
    texto = " ".join(_rodar(caminho_demo, "adesao", "listar").output.split())
    assert "mantida" in texto and "pacto gerar termo --aditivo --instituicao PF-RR" in texto

    saida = tmp_path / "docs"
    ok = _rodar(caminho_demo, "gerar", "termo", "--aditivo", "--todas", "--saida", str(saida))
    assert ok.exit_code == 0, ok.output
    arquivos = sorted(p.name for p in saida.iterdir())
    assert arquivos == ["termo-aditivo-v2-PF-RR.docx"]
    doc = Document(saida / arquivos[0])
    corpo = "\n".join(p.text for p in doc.paragraphs)
    assert "TERMO ADITIVO" in corpo and "da versão 1, que assinou, para a versão 2" in corpo
    # siglas carry non-breaking hyphens in documents (they never split at a line end)
    itens = [p.text.replace("\u2011", "-") for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert itens == ["Atribuição alterada — PF-RR em Resgate."]
    tabelas = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Coordena o resgate com o MPT." in tabelas

    recusa = _rodar(
        caminho_demo,
        "gerar",
        "termo",
        "--aditivo",
        "--instituicao",
        "DPU-RR",
        "--saida",
        str(saida),
    )
    assert recusa.exit_code != 0
    assert "DPU-RR não precisa de Termo Aditivo: vigente: assinou a versão 1" in recusa.output


def test_pact_steps_stay_done_after_a_new_version(ws_demo):
    from datetime import timedelta

    from pacto.domain.reunioes import Reuniao

    ws_demo.congelar_versao("Primeira")
    ws_demo.criar_reuniao(
        Reuniao("apresentacao_final", 1, HOJE - timedelta(days=20), situacao="realizada")
    )
    _todas_assinam(ws_demo)
    ws_demo.criar_reuniao(Reuniao("alinhamento", 1, HOJE - timedelta(days=5), situacao="realizada"))
    antes = situacao(ws_demo, hoje=HOJE)
    assert antes.passos[4].situacao == "concluído" and antes.passos[5].situacao == "em dia"
    assert antes.etapas[11].situacao == "concluído"
    _muda_um_dever(ws_demo)
    ws_demo.congelar_versao("Segunda")
    depois = situacao(ws_demo, hoje=HOJE)
    assert depois.passos[4].situacao == "concluído" and depois.passos[5].situacao == "em dia"
    # the Termo stays in force while the aditivo is pending: the flow stays institutionalized
    assert depois.etapas[11].situacao == "concluído"
    assert "1 Termo Aditivo pendente" in depois.etapas[11].motivo


def test_support_points_sign_no_termo_and_raise_no_gap(ws_demo):
    """`papel = "apoio"` (the field comes with the registry of issue 14's companion work)."""
    from pacto.domain.adesao import instituicoes_aderentes_possiveis
    from pacto.domain.checks import setores_sem_ponto_focal

    rc = ws_demo.carregar()
    dpu = next(i for i in rc.instituicoes if i.sigla == "DPU-RR")
    assert dpu in instituicoes_aderentes_possiveis(rc)
    dpu.papel = "apoio"  # as the model field will set it
    assert dpu not in instituicoes_aderentes_possiveis(rc)
    # a support point does not count as the sector's presence in the final flow
    for inst in rc.instituicoes:
        if inst.tipo.startswith("policia"):
            inst.papel = "apoio"
    assert "Segurança" in {a.referencia for a in setores_sem_ponto_focal(rc)}


def test_freezing_says_who_needs_an_aditivo(caminho_demo):
    ws = Workspace.abrir(caminho_demo)
    ws.congelar_versao("Primeira")
    _todas_assinam(ws)
    _muda_um_dever(ws)
    total = len(panorama(ws).lista)
    ws.fechar()
    saida = _rodar(caminho_demo, "versao", "congelar", "--nota", "Segunda").output
    assert "Termo Aditivo para quem teve compromissos alterados: PF-RR (1)" in saida
    assert f"Adesões mantidas, sem mudanças para a instituição: {total - 1}." in saida


def test_termo_aditivo_warns_when_the_draft_moved_on(caminho_demo, tmp_path):
    ws = Workspace.abrir(caminho_demo)
    ws.congelar_versao("Primeira")
    _todas_assinam(ws)
    _muda_um_dever(ws)
    ws.congelar_versao("Segunda")
    _muda_um_dever(ws, "DPU-RR")  # the draft moves on after version 2
    ws.fechar()
    r = _rodar(
        caminho_demo,
        "gerar",
        "termo",
        "--aditivo",
        "--instituicao",
        "PF-RR",
        "--saida",
        str(tmp_path),
    )
    # the Termo Aditivo renders version 2, and says the draft has moved on since
    assert r.exit_code == 0 and "O rascunho tem alterações que não estão na versão 2" in r.output
