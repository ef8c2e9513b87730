"""A municipal network from `pacto init` to its pact, with the CLI only, as real subprocesses.

Every step the Painel names is done with a `pacto` command: network data, coordination, the
working group and its act, five institutions, focal points, duties in every stage, referrals,
the open meeting (attendance, minutes, one suggestion of each kind decided and applied), a
frozen version, the Termos and the Portaria, adhesions and the first monthly meeting. It ends
by exporting the bundle, which `tests/jornada_pacote.py` can compare with the TUI journey's.
The statuses asserted are the living-flow rules as they stand (update them when rules change).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.jornada_pacote import JORNADA, NOME_LONGO, essencia, ler_pacote
from tests.leitura_docx import ler, sem_marcacoes


class Pacto:
    """Run `python -m pacto --db …` as a user's shell would, failing loudly on errors."""

    def __init__(self, pasta: Path):
        self.pasta = pasta
        self.db = pasta / "rede.db"

    def __call__(self, *argumentos: str, entrada: str | None = None, codigo: int = 0) -> str:
        resultado = subprocess.run(
            [sys.executable, "-m", "pacto", "--db", str(self.db), *argumentos],
            capture_output=True,
            text=True,
            input=entrada,
            cwd=self.pasta,
            timeout=120,
        )
        assert "Traceback" not in resultado.stderr, resultado.stderr
        assert resultado.returncode == codigo, (argumentos, resultado.stdout, resultado.stderr)
        return resultado.stdout + resultado.stderr

    def json(self, *argumentos: str):
        return json.loads(self(*argumentos, "--json"))


def _passos(pacto: Pacto) -> dict[int, str]:
    return {p["numero"]: p["situacao"] for p in pacto.json("passo", "listar")["passos_pactuacao"]}


def executar_jornada_cli(pasta: Path) -> Path:
    """Build the journey's network with the CLI only in `pasta`; return the exported bundle."""
    pacto = Pacto(pasta)
    rede = JORNADA["rede"]
    pacto("init", "--rede", rede["nome_inicial"], "--uf", rede["uf"], "--municipio", "Boa Vista")
    pacto("rede", "editar", "--nome", rede["nome"])
    for inst in JORNADA["instituicoes"]:
        opcoes = [f"--{campo}={valor}" for campo, valor in inst.items()]
        assert "Instituição cadastrada" in pacto("atores", "adicionar", *opcoes)
    assert "não definida" in pacto("rede", "coordenacao")
    pacto("rede", "coordenacao", rede["coordenacao"])
    pacto("modelos", "configurar", "--representante-coordenacao", "Maria Souza",
          "--cargo-representante-coordenacao", "Secretária Municipal", "--autoridade",
          "A SECRETÁRIA MUNICIPAL DE ASSISTÊNCIA SOCIAL", "--signatario", "Maria Souza",
          "--cargo", "Secretária Municipal", "--local", "Boa Vista/RR")  # fmt: skip
    pacto("gt", "adicionar", *JORNADA["gt"]["membros"])
    pacto("gt", "ato", JORNADA["gt"]["ato"])
    for inst in JORNADA["instituicoes"]:
        s = inst["sigla"]
        pacto("ponto-focal", "definir", s, "--papel", "titular", "--nome", f"Titular {s}",
              "--cargo", "Diretor(a)", "--email", f"titular@{s.lower()}.gov.br")  # fmt: skip
        pacto("ponto-focal", "definir", s, "--papel", "suplente", "--nome", f"Suplente {s}")
    for sigla, etapa, texto in JORNADA["atribuicoes"]:
        pacto("atribuicao", "definir", sigla, "--etapa", etapa, "--texto", texto)
    for de, para, condicao, prazo in JORNADA["encaminhamentos"]:
        pacto("encaminhamento", "adicionar", "--de", de, "--para", para, "--condicao", condicao,
              "--prazo", prazo)  # fmt: skip
    assert _passos(pacto)[1] == "concluído" and _passos(pacto)[2] == "concluído"

    # the open meeting, held today, with attendance, minutes and one suggestion of each kind
    hoje = date.today().isoformat()
    pacto("reuniao", "criar", "--tipo", "ampliada", "--data", hoje, "--hora", "09:00",
          "--local", "Auditório da SEMAS")  # fmt: skip
    for s in ("SEMAS-BV", "PF-RR", "DEAM-BV"):
        pacto("reuniao", "presenca", "1", "--instituicao", s, "--nome", f"Titular {s}")
    pacto("reuniao", "presenca", "1", "--organizacao", "Pastoral do Migrante", "--nome", "Rosa")
    pacto("reuniao", "ata", "1", "--item", "1", "--texto", "Abertura pela coordenação.")
    pacto("reuniao", "ata", "1", "--item", "3", "--texto", "Debate das etapas, uma a uma.")
    enc_deam_pf = next(
        e["id"] for e in pacto.json("encaminhamento", "listar") if e["de"] == "DEAM-BV"
    )
    sugestoes = [
        ("PF-RR", "--atribuicao", "PF-RR", "enfrentamento", "Investiga o crime"),
        ("CT-BV", "--encaminhamento", "CT-BV", "HGR", "Vítima ferida", "Imediato"),
        ("DEAM-BV", "--alterar-encaminhamento", str(enc_deam_pf), "prazo", "2 horas"),
        ("HGR", "--contato", "HGR", "telefone", "(95) 2121-0500"),
        ("SEMAS-BV", "--ponto-focal", "SEMAS-BV", "titular", "cargo", "Coordenadora"),
    ]
    for n, (autor, *proposta) in enumerate(sugestoes, start=1):
        pacto("reuniao", "sugestao", "1", "--autor", autor, "--texto", f"Sugestão {n}", *proposta)
        saida = pacto("reuniao", "sugestao-decidir", str(n), "--decisao", "acolhida", "--aplicar")
        assert "Aplicada ao fluxo" in saida
    pacto("reuniao", "realizar", "1")
    assert _passos(pacto)[3] == "concluído"

    pacto("versao", "congelar", "--nota", "Fluxo final aprovado na reunião ampliada")
    assert "4 arquivos gravados" in pacto("gerar", "termo", "--todas", "--saida", "docs")
    pacto("gerar", "portaria", "--numero", "12", "--saida", "docs")
    for inst in JORNADA["instituicoes"]:
        pacto("adesao", "registrar", inst["sigla"], "--situacao", "assinado", "--signatario",
              f"Dirigente {inst['sigla']}", "--cargo", "Diretor(a)")  # fmt: skip
    proximo_mes = date.today().replace(day=1).toordinal() + 32
    mes = date.fromordinal(proximo_mes).strftime("%Y-%m")
    assert "3 arquivos gravados" in pacto("mensal", "preparar", "--mes", mes, "--saida", "mensal")
    pacto("exportar", "rede.json")
    return pasta / "rede.json"


def test_jornada_completa_so_pela_linha_de_comando(tmp_path):
    pacote_caminho = executar_jornada_cli(tmp_path)
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
    assert e["adesoes_assinadas"] == sorted(i["sigla"] for i in JORNADA["instituicoes"])
    # the first monthly meeting is prepared
    reunioes = pacto.json("reuniao", "listar")["reunioes"]
    assert [r["tipo"] for r in reunioes].count("alinhamento") == 1
    assert len(list((tmp_path / "mensal").glob("pauta-*.docx"))) == 1

    # statuses as the rules stand: steps 1–4 done; step 5 waits for the final presentation
    # meeting (not part of this journey) even with every adhesion signed; 6 follows 5
    passos = _passos(pacto)
    assert [passos[n] for n in range(1, 5)] == ["concluído"] * 4
    assert passos[5] == "em andamento"
    assert passos[6] == "não iniciado"
    proximo = pacto.json("passo", "listar")["proximo_passo"]
    assert proximo["acao"] == "Apresentar o fluxo final e colher os Termos de Adesão."


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
