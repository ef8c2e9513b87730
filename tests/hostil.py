"""A corpus of hostile text for pacto's inputs, and what pacto may do with each piece.

Every piece is something a real user can paste or a real file can carry: control characters
copied from other programs, a whole document pasted into one field, emoji, right-to-left
scripts, text that looks like template tags, XML or SQL. The rule for all of them is the
same: no crash and no traceback; the text is kept literally, or refused (or cleaned) with a
Portuguese message, and a refusal writes nothing.
"""

from __future__ import annotations

import re

# C0 controls pacto refuses in stored text (tab, line feed and carriage return are text).
CONTROLES = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\x7f"

HOSTIS: dict[str, str] = {
    "nul": "Polícia\x00Federal",
    "so_nul": "\x00",
    "controles_c0": "Antes" + CONTROLES + "depois",
    "sino_e_escape": "Aviso\x07 \x1b[31mvermelho\x1b[0m \x1b]0;título\x07",
    "del": "Rede\x7fEstadual",
    "tab_e_quebras": "Linha 1\tcoluna\nLinha 2\r\nLinha 3\rfim",
    "separadores_unicode": "Parágrafo\u2028linha\u2029fim\x85",
    "enorme": "A" * 100_000,
    "enorme_multilinha": ("Texto muito longo da ata. " * 40 + "\n") * 100,
    "emoji": "Rede 🚨🧑‍⚖️ de proteção 🏳️‍🌈 ✊🏿",
    "zwj_familia": "👩‍👩‍👧‍👦 Família 👨‍👨‍👦",
    "combinantes": "Zalgo: Z̷̢̛a̶l̴g̸o̵ ̶t̸e̷x̴t̵",
    "arabe_rtl": "شبكة مكافحة الاتجار بالبشر",
    "hebraico_rtl": "רשת נגד סחר בבני אדם",
    "rlo": "Contrato \u202etxt.exe\u202c assinado",
    "lro_e_isolados": "\u202dLTR\u202c \u2066isolado\u2069 \u200f\u200e",
    "largura_zero": "S\u200bE\u200cJ\u200dU\ufeffC",
    "jinja_expressao": "Instituto {{ 7*7 }}",
    "jinja_bloco": "{% for x in y %}repetir{% endfor %}",
    "jinja_comentario_aberto": "Nota {# sem fechar",
    "jinja_raw": "{% raw %}{{ segredo }}{% endraw %}",
    "xml_especiais": "Fulano & Cia <b>\"negrito\"</b> 'aspas' ]]> <![CDATA[x]]>",
    "entidade_xml": "&amp; &lt;tag&gt; &#0; &#x1F;",
    "sql": "'); DROP TABLE instituicoes; --",
    "sql_aspas": "O'Brien \"; DELETE FROM rede WHERE 1=1; --",
    "formula_planilha": '=HYPERLINK("http://exemplo.invalid","clique")',
    "formula_mais": "+55 (95) 3621-0000",
    "so_espacos": "   \t  \n  ",
    "espacos_unicode": "\u00a0\u2003\u3000",
    "sigla_enorme": "SIGLA" * 200,
    "surrogate_sozinho": "Rede\ud800quebrada",
    "surrogate_escape": "Rede \udcff\udcfe de bytes inválidos",
    "nao_caracteres": "Fim\ufffe\uffff",
    "privado": "\ue000\U000f0000 uso privado",
    "barra_invertida": "C:\\Users\\nome\\x00\\n",
    "percent_format": "%s %d %(nome)s {0} {nome}",
    "caminho": "../../../etc/passwd",
    "markup_rich": "[bold red]alerta[/] [link=http://x]clique[/link]",
    "markup_textual": "[@click=app.quit]sair[/]",
    "markup_quebrado": "Centro [/] Sul [/b] e [b]aberto",
    "markup_variavel": "$nome ${x} [$y]",
    "muito_unicode": "ÇÃÕÉÍÓÚÂÊÔÀçãõéíóúâêôà ß ẞ ǅ ﬁ Å Ω µ",
}

# Pieces that hold a character pacto refuses in stored text: C0 controls, DEL, lone surrogates
# and the noncharacters U+FFFE and U+FFFF.
_RECUSADOS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def tem_recusados(texto: str) -> bool:
    """True when the text holds a character that no stored field may keep."""
    return bool(_RECUSADOS.search(texto))


def um_linha(texto: str) -> str:
    """What a one-line field keeps of a text: white space collapsed and trimmed."""
    return " ".join(texto.split())


def curtos(limite: int = 300) -> dict[str, str]:
    """The pieces that fit a one-line field once collapsed (and are not blank)."""
    return {n: t for n, t in HOSTIS.items() if 0 < len(um_linha(t)) <= limite}


def aceitaveis(limite: int = 300) -> dict[str, str]:
    """Short pieces pacto must keep: no refused character, not blank."""
    return {n: t for n, t in curtos(limite).items() if not tem_recusados(t)}


def representavel(texto: str) -> bool:
    """True when the text can be written as UTF-8 (no lone surrogates)."""
    try:
        texto.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# The pieces used to fill a whole network (the long ones are cut to fit each field).
def _para_campo(texto: str, limite: int = 300) -> str:
    return um_linha(texto)[:limite].strip() or "x"


def criar_rede_hostil(caminho, hoje=None) -> dict[str, int]:
    """The demo network plus, for every acceptable piece, an institution whose every text field,
    focal point, duty, referral, meeting record, adhesion and note holds that piece; and one
    institution with control characters written straight into the file, as an older pacto
    could have left them. Returns ids useful to the tests (a meeting, an institution)."""
    from click.testing import CliRunner

    from pacto.cli import pacto
    from pacto.domain.models import Encaminhamento, Instituicao, PontoFocal
    from pacto.services.demo import criar_demo

    ws = criar_demo(caminho, hoje=hoje)
    etapas, fluxo = ws.etapas(), ws.fluxos()[0]
    primeira = ws.instituicoes()[0]
    pecas = aceitaveis()
    for n, texto in enumerate(pecas.values(), start=1):
        curto = _para_campo(texto)
        inst = ws.salvar_instituicao(
            Instituicao(
                nome=curto, sigla=f"H{n}", tipo=curto, setor=curto, endereco=curto,
                telefone=curto, site=curto, horario=curto, observacoes=texto,
            )
        )  # fmt: skip
        ws.salvar_ponto_focal(PontoFocal(inst.id, "titular", curto, cargo=curto, telefone=curto))
        ws.definir_atribuicao(inst.id, etapas[n % len(etapas)].id, fluxo.id, texto)
        ws.salvar_encaminhamento(
            Encaminhamento(fluxo.id, inst.id, primeira.id, condicao=texto, prazo=curto)
        )
    ws.fechar()
    runner = CliRunner()

    def rodar(*args: str) -> str:
        resultado = runner.invoke(pacto, ["--db", str(caminho), *args], catch_exceptions=False)
        assert resultado.exit_code == 0, (args, resultado.output)
        return resultado.stdout

    import json

    rodar("versao", "congelar", "--nota", pecas["markup_quebrado"])
    criado = rodar("reuniao", "criar", "--tipo", "extraordinaria", "--data", "2026-12-10",
                   "--local", _para_campo(pecas["markup_quebrado"]),
                   "--pauta", _para_campo(pecas["jinja_expressao"]),
                   "--pauta", _para_campo(pecas["markup_quebrado"]))  # fmt: skip
    assert criado
    reunioes = json.loads(rodar("reuniao", "listar", "--json"))["reunioes"]
    rid = str(max(r["id"] for r in reunioes))
    for nome, texto in pecas.items():
        curto = _para_campo(texto)
        rodar("reuniao", "ata", rid, "--item", "1", "--texto", texto[:20000], "--acrescentar",
              "--mesmo-assim")  # fmt: skip
        rodar("reuniao", "deliberacao", rid, "--texto", texto[:20000], "--mesmo-assim")
        rodar("reuniao", "presenca", rid, "--organizacao", curto, "--nome", curto, "--cargo", curto)
        rodar("reuniao", "acao", rid, "--descricao", texto[:20000], "--instituicao", "H1",
              "--mesmo-assim")  # fmt: skip
        rodar("reuniao", "sugestao", rid, "--autor", curto, "--texto", texto[:20000],
              "--referencia", curto, "--mesmo-assim")  # fmt: skip
        if nome in ("markup_quebrado", "jinja_bloco", "xml_especiais", "rlo"):
            rodar("adesao", "registrar", "H1", "--situacao", "assinado", "--signatario", curto,
                  "--cargo", curto, "--sei", curto, "--doe", curto)  # fmt: skip
            rodar("checklist", "responder", "pontos_focais", "ok", "--nota", texto[:20000])
            rodar("passo", "marcar", "2", "--situacao", "em-andamento", "--nota", texto[:20000])
            rodar("gt", "ato", curto)
    # an older pacto did not refuse control characters: write some straight into the file
    import sqlite3

    conexao = sqlite3.connect(caminho)
    with conexao:
        conexao.execute(
            "INSERT INTO instituicoes (nome, sigla, observacoes, endereco) VALUES (?, ?, ?, ?)",
            ["Antiga\x0bCasa\x1b[31m", "ANTIGA", "Colado de PDF\x0c\x02fim", "Rua\x00 1"],
        )
        antiga = conexao.execute("SELECT id FROM instituicoes WHERE sigla = 'ANTIGA'").fetchone()[0]
        conexao.execute(
            "INSERT INTO atribuicoes (instituicao_id, etapa_id, fluxo_id, texto) VALUES (?, ?, ?, ?)",
            [antiga, etapas[0].id, fluxo.id, "Recebe\x07 a denúncia\x1f"],
        )
    conexao.close()
    return {"reuniao": int(rid), "antiga": antiga}
