"""Every document pacto generates, in one list with one entry point, for the Documentos section.

The section shows `CATALOGO`, builds a `Pedido` from what the user chose and calls
`gerar_documento` in a worker thread; each entry reuses the same service the `pacto gerar`
command of that document uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pacto.domain.errors import ErroDocumento, PactoErro
from pacto.services.documentos.termo import Lote, Representante


@dataclass(frozen=True)
class Gerador:
    """A document in the list: its key, name, what it is and the one choice it needs, if any."""

    chave: str
    nome: str
    descricao: str
    parametro: str = ""  # "", "instituicao", "ato", "reuniao" or "mes"
    word: bool = True  # a .docx (can become a PDF); False for spreadsheets and images


CATALOGO: tuple[Gerador, ...] = (
    Gerador("termo", "Termo de Adesão", "Um Termo para cada instituição que atua no fluxo, "
            "com as atribuições e os pontos focais. Informe a sigla para gerar só o de uma "
            "instituição; em branco, gera o de todas.", "instituicao"),
    Gerador("ato", "Portaria, Decreto ou GT", "O ato que institui o fluxo (Portaria ou "
            "Decreto, com os anexos) ou a Portaria do grupo de trabalho.", "ato"),
    Gerador("fluxo", "Fluxo publicado", "O fluxo para divulgação: como denunciar, as etapas, "
            "quem atua em cada uma e os contatos."),
    Gerador("diagrama", "Diagrama do fluxo", "O desenho do fluxo em PNG, uma raia por etapa "
            "(precisa do Graphviz instalado).", word=False),
    Gerador("ata", "Ata da reunião", "A ata formal: abertura por extenso, quórum, pauta, "
            "relato, deliberações, encaminhamentos, encerramento e assinaturas.", "reuniao"),
    Gerador("memoria", "Memória de reunião", "O registro mais leve: participantes, pauta, "
            "resumo por item, decisões e ações.", "reuniao"),
    Gerador("presenca", "Lista de presença", "Nome, órgão, cargo, telefone, e-mail e "
            "assinatura, já com as instituições esperadas; sem CPF.", "reuniao"),
    Gerador("pauta", "Pauta e convocação", "A convocação com data, horário, local ou link, "
            "modalidade, a pauta e as pendências das reuniões anteriores.", "reuniao"),
    Gerador("sugestoes", "Matriz de sugestões", "Todas as sugestões ao fluxo, com autor, "
            "decisão e justificativa."),
    Gerador("autodiagnostico", "Autodiagnóstico", "O relatório da última rodada: respostas, "
            "forças e limites por dimensão e o que mudou desde a anterior."),
    Gerador("checklist", "Checklist em branco", "Os itens do mês, inclusive os "
            "calculados, com colunas em branco para preencher na reunião.", "mes"),
    Gerador("checklist-registro", "Checklist preenchido", "As respostas do mês, com "
            "observações, responsáveis e o que está pendente desde meses anteriores.", "mes"),
    Gerador("formulario-netp", "Formulário NETP", "A planilha do mês que cada instituição "
            "preenche só com números agregados.", "mes", word=False),
    Gerador("relatorio-netp", "Relatório NETP", "A tabela consolidada do mês; valores de 1 a 4 "
            "aparecem como “<5”.", "mes", word=False),
    Gerador("monitoramento", "Monitoramento", "Os indicadores dos últimos 12 meses contra as "
            "metas, com um gráfico por indicador (.xlsx).", "mes", word=False),
)  # fmt: skip
POR_CHAVE = {g.chave: g for g in CATALOGO}
TIPOS_DE_ATO = {"portaria": "Portaria", "decreto": "Decreto", "gt": "Portaria do GT"}


@dataclass
class Pedido:
    """What the user asked for: which document, where, and the choice it needs."""

    chave: str
    saida: Path
    pdf: bool = False
    reuniao_id: int | None = None
    sigla: str = ""
    mes: str = ""
    tipo_ato: str = "portaria"
    mesmo_assim: bool = False
    hoje: date | None = None
    sobrescrever: bool = False  # the user confirmed replacing files edited since generation


def representantes_registrados(ws) -> dict[int, Representante]:
    """Signatories recorded in the adhesion tracking, to fill the Termo's blank lines."""
    from pacto.services.adesoes import signatarios

    return {inst: Representante(nome, cargo) for inst, (nome, cargo) in signatarios(ws).items()}


def registrar_geracao(ws, documento: str) -> None:
    """Remember that a document was generated, as evidence for the roadmap (steps 12 and 13)."""
    ws.definir_configuracao(f"gerado.{documento}", datetime.now().isoformat(timespec="seconds"))


def passos(ws, pedido: Pedido) -> int:
    """How many steps the progress bar counts: one per file, plus the PDF conversion."""
    total = 1
    if pedido.chave == "termo" and not pedido.sigla.strip():
        from pacto.services.documentos.contexto import fontes
        from pacto.services.documentos.termo import instituicoes_para_termo

        total = max(1, len(instituicoes_para_termo(fontes(ws, hoje=pedido.hoje))[0]))
    return total + (1 if pedido.pdf and POR_CHAVE[pedido.chave].word else 0)


def _exigir(valor, mensagem: str):
    if valor in (None, ""):
        raise ErroDocumento(mensagem)
    return valor


def _pasta(saida: Path) -> Path:
    from pacto.services.arquivos import criar_pasta

    return criar_pasta(saida)


def _word(ws, pedido: Pedido, ao_avancar: Callable[[], None]) -> Lote:
    """The documents rendered from the Word templates."""
    from pacto.services.documentos import gerar
    from pacto.services.documentos.contexto import fontes
    from pacto.services.documentos.modelos import pasta_escolhida
    from pacto.services.mensal import checklist_do_mes

    f = fontes(ws, hoje=pedido.hoje, sobrescrever=pedido.sobrescrever)
    modelos = pasta_escolhida(ws)
    saida, chave = pedido.saida, pedido.chave
    reuniao = pedido.reuniao_id
    if POR_CHAVE[chave].parametro == "reuniao":
        _exigir(reuniao, "Escolha a reunião.")
    if POR_CHAVE[chave].parametro == "mes":
        _exigir(pedido.mes.strip(), "Informe o mês, no formato AAAA-MM.")
    if chave == "termo":
        siglas = [pedido.sigla.strip()] if pedido.sigla.strip() else None
        return gerar.termos(
            f,
            saida,
            siglas=siglas,
            pasta_modelos=modelos,
            representantes=representantes_registrados(ws),
            ao_avancar=None if siglas else lambda _inst: ao_avancar(),
        )
    if chave == "ato":
        lote = gerar.ato(f, saida, pedido.tipo_ato, pasta_modelos=modelos)
        if pedido.tipo_ato != "gt":
            registrar_geracao(ws, "ato")
        return lote
    if chave == "fluxo":
        lote = gerar.fluxo(f, saida, pasta_modelos=modelos)
        registrar_geracao(ws, "fluxo_publicado")
        return lote
    if chave in ("ata", "memoria"):
        return gerar.ata(
            f,
            saida,
            reuniao,
            memoria=chave == "memoria",
            mesmo_assim=pedido.mesmo_assim,
            pasta_modelos=modelos,
        )
    if chave == "presenca":
        return gerar.presenca(f, saida, reuniao, membros_gt=ws.membros_gt(), pasta_modelos=modelos)
    if chave == "pauta":
        return gerar.pauta(f, saida, reuniao, pasta_modelos=modelos)
    if chave == "sugestoes":
        return gerar.sugestoes(f, saida, mesmo_assim=pedido.mesmo_assim, pasta_modelos=modelos)
    if chave == "autodiagnostico":
        return gerar.autodiagnostico(f, saida, ws.rodadas_autodiagnostico(), pasta_modelos=modelos)
    linhas = checklist_do_mes(ws, pedido.mes.strip(), pedido.hoje)
    return gerar.checklist(
        f, saida, pedido.mes.strip(), linhas, em_branco=chave == "checklist", pasta_modelos=modelos
    )


def _outros(ws, pedido: Pedido) -> Lote:
    """The diagram and the spreadsheets, through the services their commands use."""
    from pacto.domain.netp import validar_mes

    saida, chave = _pasta(pedido.saida), pedido.chave
    if chave == "diagrama":
        from pacto.services.diagrama import gravar_diagrama

        destino = gravar_diagrama(
            ws.carregar(), "png", saida, ws=ws, sobrescrever=pedido.sobrescrever
        )
        return Lote(arquivos=[destino])
    mes = validar_mes(_exigir(pedido.mes.strip(), "Informe o mês, no formato AAAA-MM."))
    if chave == "formulario-netp":
        from pacto.services.netp_planilhas import gerar_formulario

        destino = gerar_formulario(
            ws, mes, saida / f"formulario-netp-{mes}.xlsx", sobrescrever=pedido.sobrescrever
        )
    elif chave == "relatorio-netp":
        from pacto.services.netp_planilhas import gerar_relatorio

        destino = gerar_relatorio(
            ws, mes, saida / f"relatorio-netp-{mes}.xlsx", sobrescrever=pedido.sobrescrever
        )
    else:
        from pacto.services.mensal import gerar_monitoramento

        destino = gerar_monitoramento(
            ws, mes, saida / f"monitoramento-{mes}.xlsx", sobrescrever=pedido.sobrescrever
        )
    return Lote(arquivos=[destino])


def gerar_documento(ws, pedido: Pedido, ao_avancar: Callable[[], None] | None = None) -> Lote:
    """Generate the document asked for; with `pdf`, convert the Word files too.

    `ao_avancar` is called after each step counted by `passos`. A missing LibreOffice is a
    warning in the result, not an error: the .docx files are there.
    """
    avancar = ao_avancar or (lambda: None)
    gerador = POR_CHAVE.get(pedido.chave)
    if gerador is None:
        raise PactoErro(f"Documento desconhecido: {pedido.chave}.")
    lote = _word(ws, pedido, avancar) if gerador.word else _outros(ws, pedido)
    if not (gerador.chave == "termo" and not pedido.sigla.strip()):
        avancar()  # a batch of Termos counts its own steps
    if pedido.pdf and gerador.word:
        from pacto.services.documentos.pdf import converter

        try:
            lote.arquivos += converter(list(lote.arquivos), ws=ws, sobrescrever=pedido.sobrescrever)
        except ErroDocumento as erro:
            lote.avisos.append(erro.mensagem)
        avancar()
    elif pedido.pdf:
        lote.avisos.append("O PDF só é gerado para documentos do Word; este não foi convertido.")
    return lote
