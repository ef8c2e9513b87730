"""Every TUI action that changes data, paired with the `pacto` command that does the same.

A facilitator who learns an action in the interface can script it, and the reverse;
`tests/test_gemeos_cli.py` fails when a key binding or palette entry that changes data has no
twin here, or when a twin names a command the CLI does not have. Plain data: no Textual.
"""

from __future__ import annotations

# (screen class, action of a binding) -> CLI command paths doing the same
GEMEOS_TECLAS: dict[tuple[str, str], tuple[str, ...]] = {
    ("AtoresAba", "nova"): ("atores adicionar",),
    ("AtoresAba", "editar"): ("atores editar",),
    ("AtoresAba", "remover"): ("atores remover",),
    ("PontosFocaisAba", "novo"): ("ponto-focal definir",),
    ("PontosFocaisAba", "editar"): ("ponto-focal definir",),
    ("PontosFocaisAba", "remover"): ("ponto-focal remover",),
    ("PontosFocaisAba", "confirmar"): ("ponto-focal confirmar",),
    ("AtribuicoesAba", "editar"): ("atribuicao definir",),
    ("AtribuicoesAba", "remover"): ("atribuicao remover",),
    ("EncaminhamentosAba", "novo"): ("encaminhamento adicionar",),
    ("EncaminhamentosAba", "editar"): ("encaminhamento editar",),
    ("EncaminhamentosAba", "remover"): ("encaminhamento remover",),
    ("PactoApp", "importar_planilha"): ("atores importar",),
    ("AdesoesSecao", "registrar"): ("adesao registrar",),
    ("AlinhamentoSecao", "responder('ok')"): ("checklist responder",),
    ("AlinhamentoSecao", "responder('pendente')"): ("checklist responder",),
    ("AlinhamentoSecao", "responder('nao_se_aplica')"): ("checklist responder",),
    ("AlinhamentoSecao", "anotar"): ("checklist responder",),
    ("AlinhamentoSecao", "preparar_mes"): ("mensal preparar",),
    ("AutodiagnosticoSecao", "responder('sim')"): ("autodiagnostico responder",),
    ("AutodiagnosticoSecao", "responder('parcial')"): ("autodiagnostico responder",),
    ("AutodiagnosticoSecao", "responder('nao')"): ("autodiagnostico responder",),
    ("AutodiagnosticoSecao", "responder('na')"): ("autodiagnostico responder",),
    ("AutodiagnosticoSecao", "nota"): ("autodiagnostico responder",),
    ("AutodiagnosticoSecao", "nova_rodada"): ("autodiagnostico nova-rodada",),
    ("ListaDocumentos", "select"): ("gerar",),
    ("MonitoramentoSecao", "medir"): ("indicadores medir",),
    ("PactuacaoSecao", "ajustar"): ("passo marcar", "passo concluir"),
    ("PactuacaoSecao", "reabrir"): ("passo reabrir",),
    ("ReunioesSecao", "nova"): ("reuniao criar",),
    ("ReunioesSecao", "editar"): ("reuniao editar",),
    ("ReunioesSecao", "cancelar"): ("reuniao cancelar",),
    ("TelaPresenca", "rapida"): ("reuniao presenca",),
    ("TelaPresenca", "registrar"): ("reuniao presenca",),
    ("TelaPresenca", "avulso"): ("reuniao presenca",),
    ("TelaPresenca", "outro"): ("reuniao presenca",),
    ("TelaPresenca", "remover"): ("reuniao presenca-remover",),
    ("TelaPendencias", "concluir"): ("reuniao acao-concluir",),
    ("TelaPendencias", "cancelar"): ("reuniao acao-cancelar",),
    ("TelaSugestoes", "decidir"): ("reuniao sugestao-decidir",),
    ("TelaSugestoes", "aplicar"): ("reuniao sugestao-decidir",),
    ("ModoReuniao", "presenca"): ("reuniao presenca",),
    ("ModoReuniao", "deliberacao"): ("reuniao deliberacao",),
    ("ModoReuniao", "acao"): ("reuniao acao",),
    ("ModoReuniao", "sugestao"): ("reuniao sugestao",),
    ("ModoReuniao", "proximo_item"): ("reuniao ata",),
    ("ModoReuniao", "encerrar"): ("reuniao realizar",),
    ("TelaVersoes", "congelar"): ("versao congelar",),
}

# palette entries (by name) that change data -> CLI command paths doing the same
GEMEOS_PALETA: dict[str, tuple[str, ...]] = {
    "Grupo de trabalho (GT): membros e ato de criação": ("gt adicionar", "gt remover", "gt ato"),
    "Coordenação da rede: instituição coordenadora": ("rede coordenacao",),
    "Dados da rede: nome, UF e município": ("rede editar",),
    "Congelar versão": ("versao congelar",),
    "Tema padrão (escuro)": ("config tema",),
    "Tema projetor (alto contraste, fundo claro)": ("config tema",),
    "Importar planilha de atores": ("atores importar",),
    "Preparar reunião do mês": ("mensal preparar",),
}

# The next step the Painel and `pacto status` name (domain.roteiro) -> the palette entry that
# leads to it in the TUI and the CLI commands that do it.
PROXIMOS_PASSOS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Fazer o autodiagnóstico e começar a mapear a rede.": (
        "Ir para Autodiagnóstico",
        ("autodiagnostico responder", "atores adicionar"),
    ),
    "Registrar o grupo de trabalho: instituições membros e o ato que o criou.": (
        "Grupo de trabalho (GT): membros e ato de criação",
        ("gt adicionar", "gt ato"),
    ),
    "Definir quem atua em cada etapa do fluxo.": ("Rede › Atribuições", ("atribuicao definir",)),
    "Realizar a reunião ampliada com todos os atores mapeados.": (
        "Ir para Reuniões",
        ("reuniao criar", "reuniao presenca", "reuniao ata", "reuniao realizar"),
    ),
    "Decidir as sugestões recebidas e congelar a versão final do fluxo.": (
        "Congelar versão",
        ("reuniao sugestao-decidir", "versao congelar"),
    ),
    "Apresentar o fluxo final na reunião de pactuação e congelar a versão pactuada.": (
        "Ir para Reuniões",
        ("reuniao criar", "reuniao realizar", "versao congelar"),
    ),
    "Agendar o alinhamento mensal da rede.": ("Preparar reunião do mês", ("mensal preparar",)),
    "Realizar o alinhamento mensal da rede.": (
        "Preparar reunião do mês",
        ("mensal preparar", "reuniao realizar"),
    ),
    "Completar os pontos focais titulares antes de convocar a reunião ampliada.": (
        "Rede › Pontos focais",
        ("ponto-focal definir",),
    ),
    "Manter o fluxo vivo: confirmar pontos focais e revisar o fluxo no alinhamento mensal.": (
        "Rede › Pontos focais",
        ("ponto-focal confirmar", "mensal preparar"),
    ),
}

# Bindings that only move, show, ask or close: no data changes, so no twin is owed.
SO_NAVEGAM: set[tuple[str, str]] = {
    *(
        ("PactoApp", acao)
        for acao in (
            "quit",
            "ajuda",
            "recarregar",
            "modo_reuniao",
            "buscar",
            "versoes",
            "command_palette",
        )
    ),
    ("AlinhamentoSecao", "mudar_mes(-1)"),
    ("AlinhamentoSecao", "mudar_mes(1)"),
    ("AtoresAba", "historico"),
    ("DocumentosSecao", "alternar_pdf"),
    ("FluxoSecao", "outro_fluxo"),
    ("PactuacaoSecao", "abrir"),
    ("ReunioesSecao", "abrir"),
    ("TelaPendencias", "voltar"),
    ("TelaPresenca", "voltar"),
    ("TelaSugestoes", "voltar"),
    ("ModoReuniao", "sair"),
    ("ModoReuniao", "pendencias"),
    ("ModoReuniao", "sugestoes"),
    ("ModoReuniao", "ignorar"),
    ("TelaVersoes", "fechar"),
    ("TelaVersoes", "alternar"),
    ("Painel", "lacunas"),
    # the conflict dialog finishes the save of the form that opened it (that form's twin)
    ("DialogoConflito", "responder('gravar')"),
    ("DialogoConflito", "responder('manter')"),
    ("DialogoConflito", "responder(None)"),
}
# Generic parts every screen of a kind shares: the save/cancel of a form (its twin is the
# action that opened it), yes/no questions, closing, and the text editor's own keys.
ACOES_GENERICAS = {"salvar", "cancelar", "confirmar", "app.pop_screen", "responder(True)",
                   "responder(False)"}  # fmt: skip
CLASSES_GENERICAS = {"AreaAta", "RedeSecao", "PaletaPacto"}  # typing; a tab; the palette list
PALETA_SO_NAVEGA_PREFIXOS = ("Ir para ", "Rede › ", "Ajuda", "Sair", "Buscar", "Recarregar",
                             "Modo reunião", "Versões do fluxo", "Histórico")  # fmt: skip
