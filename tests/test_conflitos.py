"""Two editors of the same record on two connections: the second writer is told, nothing is lost."""

import subprocess
import sys
from dataclasses import replace
from datetime import date, time

import pytest

from pacto.domain.errors import ErroConflito
from pacto.domain.models import Encaminhamento, Instituicao
from pacto.domain.reunioes import Reuniao
from pacto.store import Workspace

from .conftest import nova_instituicao, novo_ponto


@pytest.fixture
def dois(caminho_vazio):
    """Two connections on the same workspace file, as two browser tabs (or a TUI and a CLI) hold."""
    with Workspace.abrir(caminho_vazio) as ws:
        nova_instituicao(ws, "PF", "Polícia Federal", telefone="194", email="pf@gov.br")
    a = Workspace.abrir(caminho_vazio)
    b = Workspace.abrir(caminho_vazio)
    yield a, b
    a.fechar()
    b.fechar()


def test_second_writer_of_an_institution_gets_the_others_version_and_writes_nothing(dois):
    a, b = dois
    vista_a = a.instituicao_por_sigla("PF")
    b.salvar_instituicao(replace(b.instituicao_por_sigla("PF"), telefone="(95) 3333-0000"))

    minha = replace(vista_a, email="contato@pf.gov.br")
    with pytest.raises(ErroConflito, match="Outra pessoa alterou esta instituição") as erro:
        a.salvar_instituicao(minha, original=vista_a)

    assert erro.value.atual.telefone == "(95) 3333-0000"
    assert erro.value.atual.email == "pf@gov.br"
    guardada = b.instituicao_por_sigla("PF")
    assert (guardada.telefone, guardada.email) == ("(95) 3333-0000", "pf@gov.br")

    # explicit overwrite: A saves over the version it was shown
    a.salvar_instituicao(minha, original=erro.value.atual)
    guardada = b.instituicao_por_sigla("PF")
    assert (guardada.telefone, guardada.email) == ("194", "contato@pf.gov.br")


def test_overwrite_over_a_shown_version_that_changed_again_is_a_new_conflict(dois):
    a, b = dois
    vista_a = a.instituicao_por_sigla("PF")
    b.salvar_instituicao(replace(vista_a, telefone="1"))
    with pytest.raises(ErroConflito) as primeiro:
        a.salvar_instituicao(replace(vista_a, telefone="2"), original=vista_a)
    b.salvar_instituicao(replace(vista_a, telefone="3"))
    with pytest.raises(ErroConflito) as segundo:
        a.salvar_instituicao(replace(vista_a, telefone="2"), original=primeiro.value.atual)
    assert segundo.value.atual.telefone == "3"
    assert b.instituicao_por_sigla("PF").telefone == "3"


def test_unchanged_row_or_same_change_is_no_conflict(dois):
    a, b = dois
    vista_a = a.instituicao_por_sigla("PF")
    a.salvar_instituicao(replace(vista_a, telefone="190"), original=vista_a)
    assert b.instituicao_por_sigla("PF").telefone == "190"
    # B, still holding the old version, makes the very same change: nothing to tell
    b.salvar_instituicao(replace(vista_a, telefone="190"), original=vista_a)


def test_editing_a_removed_institution_says_so_and_creates_nothing(dois):
    a, b = dois
    vista_a = a.instituicao_por_sigla("PF")
    b.remover_instituicao(vista_a.id)
    with pytest.raises(ErroConflito, match="Outra pessoa removeu") as erro:
        a.salvar_instituicao(replace(vista_a, telefone="190"), original=vista_a)
    assert erro.value.removido and erro.value.atual is None
    assert b.instituicoes() == []


def test_removing_a_record_changed_since_it_was_shown_is_refused(dois):
    a, b = dois
    vista_a = a.instituicao_por_sigla("PF")
    b.salvar_instituicao(replace(vista_a, telefone="190"))
    with pytest.raises(ErroConflito) as erro:
        a.remover_instituicao(vista_a.id, original=vista_a)
    assert erro.value.atual.telefone == "190"
    assert b.instituicao_por_sigla("PF") is not None
    a.remover_instituicao(vista_a.id, original=erro.value.atual)
    assert b.instituicoes() == []


def test_focal_point_conflict(dois):
    a, b = dois
    ponto = novo_ponto(a, a.instituicao_por_sigla("PF"), telefone="1111")
    vista_a = a.ponto_focal(ponto.id)
    b.salvar_ponto_focal(replace(vista_a, cargo="Delegada"))
    with pytest.raises(ErroConflito, match="este ponto focal") as erro:
        a.salvar_ponto_focal(replace(vista_a, telefone="2222"), original=vista_a)
    assert erro.value.atual.cargo == "Delegada"
    assert b.ponto_focal(ponto.id).telefone == "1111"
    with pytest.raises(ErroConflito):
        a.remover_ponto_focal(ponto.id, original=vista_a)
    assert b.ponto_focal(ponto.id) is not None


def test_duty_text_conflict(dois):
    a, b = dois
    pf = a.instituicao_por_sigla("PF")
    etapa, fluxo = a.etapas()[0], a.fluxos()[0]
    a.definir_atribuicao(pf.id, etapa.id, fluxo.id, "Recebe denúncias.")
    with pytest.raises(ErroConflito):  # B opened the editor before A wrote the first text
        b.definir_atribuicao(pf.id, etapa.id, fluxo.id, "Recebe e apura denúncias.", original="")
    assert b.texto_da_atribuicao(pf.id, etapa.id, fluxo.id) == "Recebe denúncias."

    b.definir_atribuicao(
        pf.id, etapa.id, fluxo.id, "Recebe e apura denúncias.", original="Recebe denúncias."
    )
    with pytest.raises(ErroConflito, match="esta atribuição") as erro:
        a.definir_atribuicao(pf.id, etapa.id, fluxo.id, "", original="Recebe denúncias.")
    assert erro.value.atual == "Recebe e apura denúncias."
    assert a.texto_da_atribuicao(pf.id, etapa.id, fluxo.id) == "Recebe e apura denúncias."


def test_first_duty_written_twice_is_a_conflict(dois):
    a, b = dois
    pf = a.instituicao_por_sigla("PF")
    etapa, fluxo = a.etapas()[1], a.fluxos()[0]
    b.definir_atribuicao(pf.id, etapa.id, fluxo.id, "Texto de B.", original="")
    with pytest.raises(ErroConflito) as erro:
        a.definir_atribuicao(pf.id, etapa.id, fluxo.id, "Texto de A.", original="")
    assert erro.value.atual == "Texto de B."


def test_referral_conflict(dois):
    a, b = dois
    mprr = nova_instituicao(a, "MPRR")
    pf = a.instituicao_por_sigla("PF")
    enc = a.salvar_encaminhamento(
        Encaminhamento(a.fluxos()[0].id, pf.id, mprr.id, condicao="Sempre", prazo="24h")
    )
    vista_a = a.encaminhamento(enc.id)
    b.salvar_encaminhamento(replace(vista_a, prazo="48h"), original=vista_a)
    with pytest.raises(ErroConflito, match="este encaminhamento") as erro:
        a.salvar_encaminhamento(replace(vista_a, condicao="Se houver vítima"), original=vista_a)
    assert erro.value.atual.prazo == "48h"
    assert b.encaminhamento(enc.id).condicao == "Sempre"
    b.remover_encaminhamento(enc.id)
    with pytest.raises(ErroConflito, match="removeu"):
        a.salvar_encaminhamento(replace(vista_a, condicao="X"), original=erro.value.atual)
    assert b.encaminhamentos() == []


def test_meeting_conflict(dois):
    a, b = dois
    reuniao = a.criar_reuniao(Reuniao("gt", 1, date(2026, 12, 10), local="Sala 1"))
    vista_a = a.reuniao(reuniao.id)
    b.salvar_reuniao(replace(vista_a, hora=time(14, 0)), original=vista_a)
    with pytest.raises(ErroConflito, match="esta reunião") as erro:
        a.salvar_reuniao(replace(vista_a, local="Sala 2"), original=vista_a)
    assert erro.value.atual.hora == time(14, 0)
    assert b.reuniao(reuniao.id).local == "Sala 1"
    a.salvar_reuniao(replace(vista_a, local="Sala 2"), original=erro.value.atual)
    assert (b.reuniao(reuniao.id).local, b.reuniao(reuniao.id).hora) == ("Sala 2", None)


def test_a_write_from_another_process_is_caught(caminho_vazio):
    """Each `pacto web` tab is its own process: the check holds across processes, not only
    across connections of one."""
    with Workspace.abrir(caminho_vazio) as ws:
        vista = nova_instituicao(ws, "PF", telefone="194")
        outro = (
            "import sys\n"
            "from dataclasses import replace\n"
            "from pacto.store import Workspace\n"
            "with Workspace.abrir(sys.argv[1]) as ws:\n"
            "    ws.salvar_instituicao(replace(ws.instituicao_por_sigla('PF'), telefone='190'))\n"
        )
        subprocess.run([sys.executable, "-c", outro, str(caminho_vazio)], check=True)
        with pytest.raises(ErroConflito) as erro:
            ws.salvar_instituicao(replace(vista, email="pf@gov.br"), original=vista)
        assert erro.value.atual.telefone == "190"
        assert ws.instituicao(vista.id).email == ""


def test_dialog_rows_name_fields_in_portuguese_and_mark_what_i_left_alone():
    from pacto.tui.conflito import NAO_ALTERADO, REMOVIDO, diferencas

    visto = Instituicao("Polícia Federal", "PF", telefone="194", esfera="federal", id=1)
    deles = replace(visto, telefone="190", horario="24 horas")
    meu = replace(visto, telefone="191")
    assert diferencas(deles, meu, visto) == [
        ("Telefone", "190", "191"),
        ("Horário", "24 horas", f"(vazio) {NAO_ALTERADO}"),
    ]
    assert diferencas(None, meu, visto) == [
        ("Nome", REMOVIDO, "Polícia Federal"),
        ("Sigla", REMOVIDO, "PF"),
        ("Esfera", REMOVIDO, "Federal"),
        ("Telefone", REMOVIDO, "191"),
    ]
    enc = Encaminhamento(1, 2, 3, prazo="24h", id=9)
    nomes = {"origem_id": {2: "PF", 3: "MPRR", 4: "DPU"}, "destino_id": {3: "MPRR", 4: "DPU"}}
    assert diferencas(replace(enc, destino_id=4), enc, enc, nomes) == [
        ("Para", "DPU", f"MPRR {NAO_ALTERADO}")
    ]
