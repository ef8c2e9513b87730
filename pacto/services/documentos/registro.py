"""The one list of documents pacto generates: what the TUI, `pacto gerar` and the templates read.

Each `Documento` names its `pacto gerar` subcommand, its Word templates, the choices it takes
(`Parametro`), the editions it comes in and whether it is signed. The TUI's Documentos section
builds its fields from `parametros`, the CLI builds its options from the same records, and
`pacto modelos verificar` and the sample contexts walk `MODELOS`. This module imports nothing
heavy, so `pacto gerar --help` lists the documents without loading docx.

Adding a document: a record here, its context builder, its template in
scripts/construir_modelos.py and its generator in `gerar.py` (README, "Para quem contribui").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parametro:
    """A choice a document takes: one CLI option (or two, for the institution) and one TUI field.

    `tipo` decides both faces: "texto" and "inteiro" are text fields, "flag" a checkbox,
    "escolha" a selector among `escolhas`, "reuniao" and "fluxo" selectors filled from the
    workspace, "mes" an AAAA-MM field, "data" a DD/MM/AAAA field, "instituicoes" siglas (the
    CLI repeats --instituicao or takes --todas; the TUI takes siglas separated by commas,
    blank for all).
    """

    nome: str
    opcao: str
    rotulo: str
    ajuda: str
    tipo: str = "texto"
    escolhas: tuple[tuple[str, str], ...] = ()
    padrao: object = None
    obrigatorio: bool = False
    metavar: str = ""


@dataclass(frozen=True)
class ModeloWord:
    """A Word template file and what it is."""

    chave: str
    arquivo: str
    descricao: str


@dataclass(frozen=True)
class Documento:
    """A document pacto generates, as the TUI lists it and `pacto gerar <comando>` writes it."""

    chave: str  # also the `pacto gerar` subcommand
    nome: str  # short, fits the TUI list at 80 columns
    descricao: str
    parametros: tuple[str, ...] = ()
    modelos: tuple[str, ...] = ()  # template keys in MODELOS; empty: spreadsheet or image
    edicoes: tuple[str, ...] = ()  # "publica" and/or "rede"
    assinatura: bool = False  # signed or published: renders a frozen flow version
    comando: str = ""  # "module:attribute" of a hand-written CLI command; "" = built from here

    @property
    def word(self) -> bool:
        """A .docx (can become a PDF); False for spreadsheets and images."""
        return bool(self.modelos)


P = Parametro
PARAMETROS: dict[str, Parametro] = {
    p.nome: p
    for p in (
        P("fluxo", "--fluxo", "Fluxo", "Número do fluxo, se a rede tiver mais de um (padrão: o "
          "primeiro).", "fluxo", metavar="N"),
        P("versao", "--versao", "Versão", "Versão congelada do fluxo (padrão: a última "
          "congelada).", "inteiro", metavar="N"),
        P("rascunho", "--rascunho", "Rascunho (MINUTA)", "Usa o rascunho atual do fluxo, não "
          "uma versão congelada; o documento sai marcado como MINUTA.", "flag"),
        P("data", "--data", "Data", "Data do documento (padrão: hoje).", "data",
          metavar="DD/MM/AAAA"),
        P("instituicoes", "--instituicao", "Siglas (em branco: todas)", "Sigla da instituição "
          "(pode repetir); --todas gera para todas.", "instituicoes", metavar="SIGLA"),
        P("aditivo", "--aditivo", "Termo Aditivo", "Termo Aditivo: só o que mudou nos "
          "compromissos da instituição desde a versão que assinou (com --todas: cada "
          "instituição com readesão pendente).", "flag"),
        P("tipo", "--tipo", "Ato", "portaria ou decreto que institui o fluxo; conjunta: "
          "portaria assinada por cada Secretário com atribuições; gt: portaria do grupo de "
          "trabalho.", "escolha", (("portaria", "Portaria"), ("conjunta", "Portaria Conjunta"),
                                    ("decreto", "Decreto"), ("gt", "Portaria do GT")),
          padrao="portaria"),
        P("numero", "--numero", "Número do ato", "Número do ato, se já houver.", metavar="N"),
        P("processo", "--processo", "Processo", "Número do processo (SEI ou outro).",
          metavar="N"),
        P("revoga", "--revoga", "Ato revogado", "Ato revogado, ex.: “Portaria nº 10, de 2 de "
          "março de 2020”.", metavar="ATO"),
        P("membros", "--membros", "Membros do GT", "GT: siglas separadas por vírgula (padrão: "
          "os membros registrados em “pacto gt”).", metavar="SIGLAS"),
        P("prazo_dias", "--prazo-dias", "Prazo do GT (dias)", "GT: prazo para concluir os "
          "trabalhos.", "inteiro", padrao=90, metavar="N"),
        P("pontos_focais", "--pontos-focais", "Edição da rede", "Edição para a rede: aviso de "
          "uso restrito e os pontos focais em anexo (sem a opção, edição para o público).",
          "flag"),
        P("reuniao", "--reuniao", "Reunião", "Número (ID) da reunião, como em “pacto reuniao "
          "listar”.", "reuniao", obrigatorio=True, metavar="ID"),
        P("reuniao_opcional", "--reuniao", "Reunião (opcional)", "Só as sugestões feitas nesta "
          "reunião (padrão: todas).", "reuniao", metavar="ID"),
        P("memoria", "--memoria", "Memória (mais leve)", "Gera a Memória de reunião, mais "
          "leve, em vez da ata formal.", "flag"),
        P("mesmo_assim", "--mesmo-assim", "Gerar mesmo com alerta", "Gera mesmo que o texto "
          "pareça conter dado pessoal de vítima.", "flag"),
        P("rodada", "--rodada", "Rodada", "Número da rodada (padrão: a mais recente).",
          "inteiro", metavar="N"),
        P("mes", "--mes", "Mês (AAAA-MM)", "Mês de referência.", "mes", obrigatorio=True,
          metavar="AAAA-MM"),
        P("mes_opcional", "--mes", "Mês (AAAA-MM)", "Último mês do relatório (padrão: o "
          "atual).", "mes", metavar="AAAA-MM"),
        P("em_branco", "--em-branco", "Em branco", "Para a reunião: itens com situação, "
          "observação e responsável em branco.", "flag"),
        P("instituicao_formulario", "--instituicao", "Sigla (opcional)", "Já preenche a "
          "instituição.", metavar="SIGLA"),
        P("formato", "--formato", "Formato", "PNG e SVG precisam do Graphviz instalado; mermaid "
          "e dot são texto.", "escolha", (("png", "PNG"), ("svg", "SVG"), ("mermaid", "Mermaid"),
                                          ("dot", "DOT")), padrao="png"),
    )
}  # fmt: skip

# the choices every document for signature takes: which flow, which frozen version, what date
_ASSINATURA = ("fluxo", "versao", "rascunho", "data")

MODELOS: dict[str, ModeloWord] = {
    m.chave: m
    for m in (
        ModeloWord("termo", "termo-de-adesao.docx", "Termo de Adesão"),
        ModeloWord("aditivo", "termo-aditivo.docx", "Termo Aditivo ao Termo de Adesão"),
        ModeloWord("portaria", "portaria.docx", "Portaria que institui o Fluxo"),
        ModeloWord("decreto", "decreto.docx", "Decreto que institui o Fluxo"),
        ModeloWord("gt", "portaria-grupo-de-trabalho.docx", "Portaria do Grupo de Trabalho"),
        ModeloWord("fluxo", "fluxo-publicado.docx", "Fluxo publicado"),
        ModeloWord("ata", "ata.docx", "Ata de reunião"),
        ModeloWord("memoria", "memoria-de-reuniao.docx", "Memória de reunião"),
        ModeloWord("presenca", "lista-de-presenca.docx", "Lista de presença"),
        ModeloWord("pauta", "pauta-convocacao.docx", "Convocação e pauta de reunião"),
        ModeloWord("sugestoes", "matriz-de-sugestoes.docx", "Matriz de sugestões"),
        ModeloWord("autodiagnostico", "autodiagnostico.docx", "Relatório de autodiagnóstico"),
        ModeloWord("checklist", "checklist-mensal.docx", "Checklist do alinhamento mensal"),
    )
}

D = Documento
DOCUMENTOS: tuple[Documento, ...] = (
    D("termo", "Termo de Adesão", "Um Termo para cada instituição que atua no fluxo, com as "
      "atribuições; os pontos focais vão num anexo de uso restrito. Informe siglas para gerar só "
      "os delas; em branco, gera o de todas (comitês e conselhos sem personalidade jurídica "
      "ficam de fora, com uma nota). Com “Termo Aditivo”, só as mudanças nos compromissos de "
      "quem precisa assinar de novo.", ("instituicoes", "aditivo", *_ASSINATURA),
      ("termo", "aditivo"), ("rede",), assinatura=True),
    D("portaria", "Portaria, Decreto ou GT", "O ato que institui o fluxo (Portaria, Portaria "
      "Conjunta ou Decreto, com os anexos) ou a Portaria do grupo de trabalho, na edição para "
      "o Diário Oficial.", ("tipo", "numero", "processo", "revoga", "membros", "prazo_dias",
                            *_ASSINATURA), ("portaria", "decreto", "gt"), ("publica",),
      assinatura=True),
    D("fluxo", "Fluxo publicado", "O fluxo para divulgação: como denunciar, as etapas, quem "
      "atua em cada uma e os contatos institucionais; a edição da rede traz os pontos focais.",
      ("pontos_focais", *_ASSINATURA), ("fluxo",), ("publica", "rede"), assinatura=True),
    D("diagrama", "Diagrama do fluxo", "O desenho do fluxo, uma raia por etapa, com legenda "
      "(PNG e SVG precisam do Graphviz).", ("formato",),
      comando="pacto.commands.diagrama_cmds:diagrama"),
    D("ficha", "Fichas de validação", "Uma planilha por instituição para conferir contatos, "
      "pontos focais e atribuições e devolver as correções.", ("instituicoes",),
      comando="pacto.commands.ficha_cmds:gerar_ficha"),
    D("ata", "Ata da reunião", "A ata formal (abertura por extenso, quórum, pauta, relato, "
      "deliberações, encaminhamentos, encerramento e assinaturas) ou a Memória de reunião, "
      "mais leve.", ("reuniao", "memoria", "mesmo_assim"), ("ata", "memoria")),
    D("presenca", "Lista de presença", "Nome, órgão, cargo, telefone, e-mail e assinatura, já "
      "com as instituições esperadas; sem CPF.", ("reuniao",), ("presenca",)),
    D("pauta", "Pauta e convocação", "A convocação com data, horário, local ou link, "
      "modalidade, a pauta e as pendências das reuniões anteriores.", ("reuniao",), ("pauta",)),
    D("sugestoes", "Matriz de sugestões", "As sugestões ao fluxo, com autor, decisão e "
      "justificativa; todas ou só as de uma reunião.", ("reuniao_opcional", "mesmo_assim"),
      ("sugestoes",)),
    D("autodiagnostico", "Autodiagnóstico", "O relatório de uma rodada (a mais recente): "
      "respostas, forças e limites por dimensão e o que mudou desde a anterior.", ("rodada",),
      ("autodiagnostico",)),
    D("checklist", "Checklist do mês", "Os itens do mês, inclusive os calculados: em branco "
      "para a reunião ou com as respostas, observações e pendências.", ("mes", "em_branco"),
      ("checklist",)),
    D("formulario-netp", "Formulário NETP", "A planilha do mês que cada instituição preenche "
      "só com números agregados.", ("mes", "instituicao_formulario"),
      comando="pacto.commands.netp_cmds:formulario_netp"),
    D("relatorio-netp", "Relatório NETP", "A tabela consolidada do mês; valores de 1 a 4 "
      "aparecem como “<5”, com supressão complementar.", ("mes",),
      comando="pacto.commands.netp_cmds:relatorio_netp"),
    D("monitoramento", "Monitoramento", "Os indicadores dos últimos 12 meses contra as metas, "
      "com um gráfico por indicador (.xlsx).", ("mes_opcional",),
      comando="pacto.commands.mensal_cmds:monitoramento"),
)  # fmt: skip
POR_CHAVE: dict[str, Documento] = {d.chave: d for d in DOCUMENTOS}


def comando(documento: Documento) -> str:
    """Where the `pacto gerar` subcommand of a document lives, as "module:attribute"."""
    return documento.comando or f"pacto.commands.documentos_cmds:{documento.chave}"


def parametros(documento: Documento) -> list[Parametro]:
    """The choices of a document, in the order both faces show them."""
    return [PARAMETROS[nome] for nome in documento.parametros]
