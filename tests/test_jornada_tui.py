"""A municipal network from `pacto init` to its pact, in the TUI, with keys only.

The same network as the CLI journey (tests/jornada_pacote.JORNADA) is built by pressing keys
at 80×24, as a facilitator at a projector would: no field is set from code, every value is
typed, every list is searched by typing, every dialog is saved with Ctrl+S or Enter. Both
journeys export their bundle and must end with the same network (institutions, focal points,
duties, referrals, working group, version, signed adhesions).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, Select, TextArea

from pacto.domain.celulas_planilha import etapa_por_texto
from pacto.tui.app import criar_app
from tests.jornada_cli import Pacto, passos_da_pactuacao
from tests.jornada_pacote import JORNADA, NOME_LONGO, diferencas_entre, essencia, ler_pacote
from tests.leitura_docx import ler, sem_marcacoes

TAMANHO = (80, 24)
SIGLAS = [i["sigla"] for i in JORNADA["instituicoes"]]


# -- keys-only helpers ---------------------------------------------------------------------


async def digitar(pilot, texto: str) -> None:
    """Type text as a terminal sends it: one key event per character, all in a burst.

    The events are those a terminal's driver produces (the character with its key name);
    Pilot.press is not used for text because it cannot name some characters (“ ” —: it looks
    up "left_double_quotation_mark" as a Unicode name and sends no character) and waits for
    the screen to settle after each key, which is not how people type.
    """
    driver = pilot.app._driver
    for caractere in texto:
        chave = caractere if caractere.isalnum() else _character_to_key(caractere)
        driver.send_message(events.Key(chave, caractere))
    await pilot.pause()


async def teclar(pilot, *teclas: str) -> None:
    """Press keys and let the app settle."""
    await pilot.press(*teclas)
    await pilot.pause()


def focado(pilot) -> str:
    foco = pilot.app.focused
    return f"#{foco.id}" if foco is not None and foco.id else repr(foco)


async def focar(pilot, seletor: str) -> None:
    """Tab (or Shift+Tab, whichever is shorter) to the field `seletor`, as a user would."""
    cadeia = [f"#{w.id}" if w.id else repr(w) for w in pilot.app.screen.focus_chain]
    if seletor not in cadeia:
        valores = {
            f"#{w.id}": getattr(w, "value", None) for w in pilot.app.screen.query("Input, Select")
        }
        raise AssertionError(f"{seletor} cannot be focused on {pilot.app.screen!r}: {valores}")
    atual = focado(pilot)
    avante = (cadeia.index(seletor) - cadeia.index(atual)) % len(cadeia) if atual in cadeia else 1
    tecla = "tab" if avante <= len(cadeia) - avante else "shift+tab"
    for _ in range(len(cadeia)):
        if focado(pilot) == seletor:
            return
        await pilot.press(tecla)
    raise AssertionError(f"{tecla} never reached {seletor} on {pilot.app.screen!r}")


async def escrever(pilot, seletor: str, texto: str) -> None:
    """Go to a text field, clear what it holds and type `texto`."""
    await focar(pilot, seletor)
    campo = pilot.app.focused
    if isinstance(campo, Input) and campo.value:
        await pilot.press("end", "ctrl+u")
    elif isinstance(campo, TextArea) and campo.text:
        await pilot.press("ctrl+a", "delete")
    await digitar(pilot, texto)
    assert (campo.value if isinstance(campo, Input) else campo.text) == texto, seletor


async def escolher(pilot, seletor: str, busca: str) -> None:
    """Go to a list, type to search it (no Enter to open it) and take the match with Enter."""
    await focar(pilot, seletor)
    await digitar(pilot, busca)
    await teclar(pilot, "enter")


async def paleta(pilot, texto: str) -> None:
    """Open the command palette, type, and run the first match."""
    await teclar(pilot, "ctrl+p")
    await digitar(pilot, texto)
    await pilot.pause(0.4)
    await teclar(pilot, "enter")


async def salvar(pilot, tela) -> None:
    """Ctrl+S, and the dialog must have closed (it stays open listing problems otherwise)."""
    await teclar(pilot, "ctrl+s")
    if pilot.app.screen is tela:
        erros = tela.query("#form-erros")
        detalhe = str(erros.first().render()) if erros else ""
        raise AssertionError(f"{type(tela).__name__} stayed open: {detalhe}")


# -- the journey ---------------------------------------------------------------------------


async def _rede_e_atores(pilot) -> None:
    """Network data, five institutions, coordination and the working group with its act."""
    app = pilot.app
    rede = JORNADA["rede"]
    await paleta(pilot, "dados da rede")
    form = app.screen
    await escrever(pilot, "#rede-nome", rede["nome"])
    await escolher(pilot, "#rede-uf", "RR")
    await escrever(pilot, "#rede-municipio", rede["municipio"])
    await salvar(pilot, form)

    await teclar(pilot, "3", "a")
    for inst in JORNADA["instituicoes"]:
        await teclar(pilot, "n")
        form = app.screen
        await escrever(pilot, "#inst-nome", inst["nome"])
        await escrever(pilot, "#inst-sigla", inst["sigla"])
        if "tipo" in inst:
            await escolher(pilot, "#inst-tipo", NOMES_TIPO[inst["tipo"]])
        if "esfera" in inst:
            await escolher(pilot, "#inst-esfera", inst["esfera"].capitalize())
        for campo in ("telefone", "email"):
            if campo in inst:
                await escrever(pilot, f"#inst-{campo}", inst[campo])
        await salvar(pilot, form)

    await paleta(pilot, "coordenacao")
    form = app.screen
    await escolher(pilot, "#rede-coordenacao", rede["coordenacao"])
    await salvar(pilot, form)

    await paleta(pilot, "grupo de trabalho")
    form = app.screen
    await escrever(pilot, "#gt-ato", JORNADA["gt"]["ato"])
    await focar(pilot, "#gt-membros")
    lista = app.focused
    for indice in range(lista.option_count):
        rotulo = str(lista.get_option_at_index(indice).prompt)
        if rotulo.split(" — ")[0] in JORNADA["gt"]["membros"]:
            await teclar(pilot, "space")
        await teclar(pilot, "down")
    await salvar(pilot, form)


async def _pontos_atribuicoes_encaminhamentos(pilot) -> None:
    """Titular and suplente for everyone, a duty in every stage, the referrals."""
    app = pilot.app
    await teclar(pilot, "3", "p")
    for sigla in SIGLAS:
        for papel in ("titular", "suplente"):
            await teclar(pilot, "slash")  # / goes to the tab's search field
            await escrever(pilot, "#pontos-busca", f"{sigla} {papel}")
            await teclar(pilot, "enter", "enter")  # to the only row left, and open it
            form = app.screen
            assert form.query_one("#pf-papel", Select).value == papel
            await escrever(pilot, "#pf-nome", f"{papel.capitalize()} {sigla}")
            if papel == "titular":
                await escrever(pilot, "#pf-cargo", "Diretor(a)")
                await escrever(pilot, "#pf-email", f"titular@{sigla.lower()}.gov.br")
            await salvar(pilot, form)

    await teclar(pilot, "t")
    nomes_etapa = {e.id: e.nome for e in app.ws.etapas()}
    for sigla, etapa_digitada, texto in JORNADA["atribuicoes"]:
        etapa = etapa_por_texto(etapa_digitada, app.ws.etapas())
        await escolher(pilot, "#atr-etapa", nomes_etapa[etapa.id])
        await teclar(pilot, "slash")
        await escrever(pilot, "#atr-busca", sigla)
        await teclar(pilot, "enter", "enter")  # to the matrix, and edit its only cell
        form = app.screen
        await digitar(pilot, texto)
        await salvar(pilot, form)

    await teclar(pilot, "m")
    for de, para, condicao, prazo in JORNADA["encaminhamentos"]:
        await teclar(pilot, "n")
        form = app.screen
        await escolher(pilot, "#enc-origem", de)  # De comes filled from the highlighted row
        await escolher(pilot, "#enc-destino", para)
        if condicao:
            await escrever(pilot, "#enc-condicao", condicao)
        await escrever(pilot, "#enc-prazo", prazo)
        await salvar(pilot, form)


async def _nova_reuniao(pilot, tipo: str, hora: str, local: str) -> None:
    """Schedule a meeting today in section 6 (n), then open it in meeting mode (F2)."""
    app = pilot.app
    await teclar(pilot, "6", "n")
    form = app.screen
    await escolher(pilot, "#f-tipo", tipo)
    await escrever(pilot, "#f-hora", hora)
    await escrever(pilot, "#f-local", local)
    await salvar(pilot, form)
    await teclar(pilot, "f2")
    assert type(app.screen).__name__ == "ModoReuniao", app.screen


async def _encerrar(pilot) -> None:
    """F9 ends the meeting in meeting mode; s confirms it was held."""
    await teclar(pilot, "f9")
    await teclar(pilot, "s")
    assert type(pilot.app.screen).__name__ != "ModoReuniao"


async def _sugerir(pilot, autor: str, texto: str, tipo: str, campos: list[tuple[str, str]]):
    """F5 in meeting mode: who suggests, the suggestion, and the exact change proposed."""
    app = pilot.app
    await teclar(pilot, "f5")
    form = app.screen
    await escolher(pilot, "#s-autor", autor)
    await escrever(pilot, "#s-texto", texto)
    await escolher(pilot, "#s-proposta", tipo)
    for seletor, valor in campos:
        if isinstance(form.query_one(seletor), Select):
            await escolher(pilot, seletor, valor)
        else:
            await escrever(pilot, seletor, valor)
    await salvar(pilot, form)


async def _reunioes(pilot) -> None:
    """The GT's first meeting, then the open meeting: attendance, minutes, suggestions."""
    app = pilot.app
    await _nova_reuniao(pilot, "Reunião do GT", "14:00", "Sala da SEMAS")
    await _encerrar(pilot)

    await _nova_reuniao(pilot, "ampliada", "09:00", "Auditório da SEMAS")
    await teclar(pilot, "f1")  # attendance: filter by acronym, Space checks the titular in
    presenca = app.screen
    for sigla in ("SEMAS-BV", "PF-RR", "DEAM-BV"):
        await escrever(pilot, "#lp-filtro", sigla)
        await teclar(pilot, "enter", "space")
    await escrever(pilot, "#lp-filtro", "")
    await teclar(pilot, "enter", "a")  # a walk-in from an organization not in the network
    form = app.screen
    await escrever(pilot, "#f-organizacao", "Pastoral do Migrante")
    await escrever(pilot, "#f-nome", "Rosa")
    await salvar(pilot, form)
    assert app.screen is presenca
    await teclar(pilot, "escape")

    await digitar(pilot, "Abertura pela coordenação.")  # the minutes, item by item
    await teclar(pilot, "f6", "f6")
    await digitar(pilot, "Debate das etapas, uma a uma.")

    enc = {
        (app.ws.instituicao(e.origem_id).sigla, app.ws.instituicao(e.destino_id).sigla): e
        for e in app.ws.encaminhamentos()
    }
    deam_pf = enc[("DEAM-BV", "PF-RR")]
    await _sugerir(pilot, "PF-RR", "Sugestão 1", "Definir a atribuição", [
        ("#pa-inst", "PF-RR"), ("#pa-etapa", "Enfrentamento"), ("#pa-texto", "Investiga o crime"),
    ])  # fmt: skip
    await _sugerir(pilot, "CT-BV", "Sugestão 2", "Incluir ou alterar um encaminhamento", [
        ("#pe-de", "CT-BV"), ("#pe-para", "HGR"), ("#pe-condicao", "Vítima ferida"),
        ("#pe-prazo", "Imediato"),
    ])  # fmt: skip
    await _sugerir(pilot, "DEAM-BV", "Sugestão 3", "Incluir ou alterar um encaminhamento", [
        ("#pe-existente", "DEAM-BV → PF-RR"), ("#pe-prazo", "2 horas"),
    ])  # fmt: skip
    await _sugerir(pilot, "HGR", "Sugestão 4", "Alterar o contato", [
        ("#pc-inst", "HGR"), ("#pc-valor", "(95) 2121-0500"),
    ])  # fmt: skip
    await _sugerir(pilot, "SEMAS-BV", "Sugestão 5", "Alterar ou indicar um ponto focal", [
        ("#pp-inst", "SEMAS-BV"), ("#pp-campo", "Cargo"), ("#pp-valor", "Coordenadora"),
    ])  # fmt: skip
    sugestoes = app.ws.sugestoes()
    assert [s.proposta["tipo"] for s in sugestoes] == [
        "atribuicao", "encaminhamento", "encaminhamento", "contato", "ponto_focal",
    ]  # fmt: skip
    assert sugestoes[2].proposta["encaminhamento_id"] == deam_pf.id

    await teclar(pilot, "f8")  # decide each one: accepted and applied (the form's defaults)
    lista = app.screen
    for _ in sugestoes:
        await teclar(pilot, "enter")
        await salvar(pilot, app.screen)
        assert app.screen is lista
        await teclar(pilot, "down")
    await teclar(pilot, "escape")
    await _encerrar(pilot)


async def _gerar(pilot, chave: str, campos: list[tuple[str, str]] = ()) -> None:
    """Section 0: walk the list down to the document, fill its fields, Enter generates."""
    app = pilot.app
    await teclar(pilot, "0")
    await focar(pilot, "#doc-lista")
    lista = app.focused
    await teclar(pilot, "home")
    while lista.get_option_at_index(lista.highlighted).id != chave:
        await teclar(pilot, "down")
    for seletor, valor in campos:
        await escrever(pilot, seletor, valor)
    await focar(pilot, "#doc-lista")
    await teclar(pilot, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _pactuacao(pilot, pasta: Path) -> None:
    """The frozen version, every Termo and the Portaria, the adhesions, the month's meeting."""
    app = pilot.app
    await teclar(pilot, "1", "v", "c")
    await digitar(pilot, "Fluxo final aprovado na reunião ampliada")
    await teclar(pilot, "enter")
    await teclar(pilot, "escape")

    await _gerar(pilot, "termo", [("#doc-pasta", str(pasta / "docs"))])
    await _gerar(pilot, "portaria", [("#doc-numero", "12")])

    await teclar(pilot, "7")
    await focar(pilot, "#adesoes-tabela")
    tabela = app.focused
    for _ in range(tabela.row_count):  # the first row not signed yet, until none is left
        await teclar(pilot, "home")
        while "assinado" in str(tabela.get_row_at(tabela.cursor_row)[1]).casefold():
            await teclar(pilot, "down")
        sigla = str(tabela.get_row_at(tabela.cursor_row)[0])
        await teclar(pilot, "r")
        form = app.screen
        await escolher(pilot, "#registrar-situacao", "Assinado")
        await escrever(pilot, "#registrar-signatario", f"Dirigente {sigla}")
        await escrever(pilot, "#registrar-cargo", "Diretor(a)")
        await salvar(pilot, form)

    await teclar(pilot, "8", "right_square_bracket", "m")  # next month's alignment meeting
    await app.workers.wait_for_complete()
    await pilot.pause()


NOMES_TIPO = {"creas": "Centro de Referência Especializado", "policia_federal": "Polícia Federal"}


async def test_jornada_completa_so_com_teclas(tmp_path, jornada_cli):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pacto",
            "--db",
            "rede.db",
            "init",
            "--rede",
            "Rede nova",
            "--uf",
            "SP",
        ],  # fmt: skip
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    app = criar_app(tmp_path / "rede.db")
    async with app.run_test(size=TAMANHO) as pilot:
        await _rede_e_atores(pilot)
        ws = app.ws
        rede = ws.rede()
        assert (rede.nome, rede.uf, rede.municipio) == (
            JORNADA["rede"]["nome"],
            "RR",
            "Boa Vista",
        )
        assert sorted(i.sigla for i in ws.instituicoes()) == sorted(SIGLAS)
        assert ws.instituicao(rede.coordenacao_id).sigla == "SEMAS-BV"
        assert sorted(ws.instituicao(m).sigla for m in ws.membros_gt()) == sorted(
            JORNADA["gt"]["membros"]
        )
        await _pontos_atribuicoes_encaminhamentos(pilot)
        assert len(ws.pontos_focais()) == 10
        assert len(ws.atribuicoes()) == len(JORNADA["atribuicoes"])
        assert len(ws.encaminhamentos()) == len(JORNADA["encaminhamentos"])
        await _reunioes(pilot)
        assert all(s.decisao == "acolhida" and s.aplicada_em for s in ws.sugestoes())
        assert len(ws.encaminhamentos()) == len(JORNADA["encaminhamentos"]) + 1
        await _pactuacao(pilot, tmp_path)
        avisos = [f"{n.title}: {n.message}" for n in app._notifications]
    docs = tmp_path / "docs"
    termos = sorted(p.name for p in docs.glob("termo-adesao-*.docx"))
    assert termos == [f"termo-adesao-{s}.docx" for s in ("CT-BV", "DEAM-BV", "HGR", "PF-RR")], (
        avisos
    )
    assert (docs / "portaria.docx").exists(), avisos
    assert len(list(docs.glob("pauta-*.docx"))) == 1, avisos
    termo = ler(docs / "termo-adesao-DEAM-BV.docx")
    sem_marcacoes(termo)
    assert NOME_LONGO.split(" — ")[0].casefold() in " ".join(termo.texto.split()).casefold()

    # the same steps are done and the same one is next as in the CLI journey
    cli = Pacto(tmp_path)
    assert passos_da_pactuacao(cli) == passos_da_pactuacao(Pacto(jornada_cli))
    assert [passos_da_pactuacao(cli)[n] for n in range(1, 7)] == ["concluído"] * 4 + [
        "não iniciado"
    ] * 2

    # and the same network: the bundle of the keys-only journey is the CLI journey's
    cli("exportar", "rede.json")
    pacote = ler_pacote(tmp_path / "rede.json")
    diferencas = diferencas_entre(pacote, ler_pacote(jornada_cli / "rede.json"))
    assert diferencas == [], "\n".join(diferencas)
    deam_pf = [e for e in essencia(pacote)["encaminhamentos"] if e[1:3] == ("DEAM-BV", "PF-RR")]
    assert [e[4] for e in deam_pf] == ["2 horas"]  # changed in place, not duplicated
