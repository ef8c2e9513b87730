"""The CLI journey of issue 17 as a reusable runner: `executar_jornada_cli(pasta)` builds the
network of `tests/jornada_pacote.JORNADA` from `pacto init` with real `pacto` subprocesses and
returns the exported bundle, so the TUI journey can compare its own bundle with it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.jornada_pacote import ADERENTES, JORNADA


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


def passos_da_pactuacao(pacto: Pacto) -> dict[int, str]:
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
    # passo 1 asks for the GT's members and its first meeting (the act is extra evidence)
    assert passos_da_pactuacao(pacto)[1] == "em andamento"
    pacto("reuniao", "criar", "--tipo", "gt", "--data", date.today().isoformat(), "--hora",
          "14:00", "--local", "Sala da SEMAS")  # fmt: skip
    pacto("reuniao", "realizar", "1")
    assert (
        passos_da_pactuacao(pacto)[1] == "concluído"
        and passos_da_pactuacao(pacto)[2] == "concluído"
    )

    # the open meeting, held today, with attendance, minutes and one suggestion of each kind
    hoje = date.today().isoformat()
    pacto("reuniao", "criar", "--tipo", "ampliada", "--data", hoje, "--hora", "09:00",
          "--local", "Auditório da SEMAS")  # fmt: skip
    for s in ("SEMAS-BV", "PF-RR", "DEAM-BV"):
        pacto("reuniao", "presenca", "2", "--instituicao", s, "--nome", f"Titular {s}")
    pacto("reuniao", "presenca", "2", "--organizacao", "Pastoral do Migrante", "--nome", "Rosa")
    pacto("reuniao", "ata", "2", "--item", "1", "--texto", "Abertura pela coordenação.")
    pacto("reuniao", "ata", "2", "--item", "3", "--texto", "Debate das etapas, uma a uma.")
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
        pacto("reuniao", "sugestao", "2", "--autor", autor, "--texto", f"Sugestão {n}", *proposta)
        saida = pacto("reuniao", "sugestao-decidir", str(n), "--decisao", "acolhida", "--aplicar")
        assert "Aplicada ao fluxo" in saida
    pacto("reuniao", "realizar", "2")
    assert passos_da_pactuacao(pacto)[3] == "concluído"

    pacto("versao", "congelar", "--nota", "Fluxo final aprovado na reunião ampliada")
    assert "4 arquivos gravados" in pacto("gerar", "termo", "--todas", "--saida", "docs")
    pacto("gerar", "portaria", "--numero", "12", "--saida", "docs")
    assert "coordenadora" in pacto("adesao", "registrar", rede["coordenacao"], "--situacao",
                                   "assinado", codigo=1)  # fmt: skip
    for sigla in ADERENTES:
        pacto("adesao", "registrar", sigla, "--situacao", "assinado", "--signatario",
              f"Dirigente {sigla}", "--cargo", "Diretor(a)")  # fmt: skip
    proximo_mes = date.today().replace(day=1).toordinal() + 32
    mes = date.fromordinal(proximo_mes).strftime("%Y-%m")
    assert "3 arquivos gravados" in pacto("mensal", "preparar", "--mes", mes, "--saida", "mensal")
    pacto("exportar", "rede.json")
    return pasta / "rede.json"
