"""One entry point for every document: the TUI's Documentos section and `pacto gerar` both call it.

Both faces build a `Pedido` from the choices the registry (`registro.DOCUMENTOS`) declares and
call `gerar_documento`, so they take the same parameters and show the same warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pacto.domain.errors import ErroDocumento, PactoErro
from pacto.services.documentos.registro import DOCUMENTOS, POR_CHAVE, Documento
from pacto.services.documentos.termo import Lote, Representante

CATALOGO: tuple[Documento, ...] = DOCUMENTOS
TIPOS_DE_ATO = {"portaria": "Portaria", "decreto": "Decreto", "gt": "Portaria do GT"}


@dataclass
class Pedido:
    """What the user asked for: which document, where, and the choices the registry declares."""

    chave: str
    saida: Path
    pdf: bool = False
    valores: dict = field(default_factory=dict)
    hoje: date | None = None
    sobrescrever: bool = False  # the user confirmed replacing files edited since generation
    modelos: Path | None = None  # a templates folder other than the one configured

    def valor(self, nome: str, padrao=None):
        valor = self.valores.get(nome)
        return padrao if valor in (None, "", (), []) else valor

    @property
    def siglas(self) -> list[str]:
        """The institutions asked for; none means all of them."""
        valor = self.valores.get("instituicoes") or []
        if isinstance(valor, str):
            valor = valor.split(",")
        return [s.strip() for s in valor if s and s.strip()]


def representantes_registrados(ws) -> dict[int, Representante]:
    """Signatories recorded in the adhesion tracking, to fill the Termo's blank lines."""
    from pacto.services.adesoes import signatarios

    return {inst: Representante(nome, cargo) for inst, (nome, cargo) in signatarios(ws).items()}


def registrar_geracao(ws, documento: str) -> None:
    """Remember that a document was generated, as evidence for the roadmap (steps 12 and 13)."""
    ws.definir_configuracao(f"gerado.{documento}", datetime.now().isoformat(timespec="seconds"))


def fontes_do_pedido(ws, pedido: Pedido):
    """The sources of a document: the flow, the frozen version or the draft, the edition."""
    from pacto.services.documentos.contexto import fontes

    documento = POR_CHAVE[pedido.chave]
    publica = "publica" in documento.edicoes and not (
        "rede" in documento.edicoes and pedido.valor("pontos_focais")
    )
    return fontes(
        ws,
        fluxo_id=pedido.valor("fluxo"),
        hoje=pedido.valor("data") or pedido.hoje,
        assinatura=documento.assinatura,
        versao=pedido.valor("versao"),
        rascunho=bool(pedido.valor("rascunho")),
        edicao="publica" if publica else "rede",
        sobrescrever=pedido.sobrescrever,
    )


def passos(ws, pedido: Pedido) -> int:
    """How many steps the progress bar counts: one per file, plus the PDF conversion."""
    total = 1
    if pedido.chave == "termo" and not pedido.siglas:
        from pacto.services.documentos.termo import instituicoes_para_termo

        total = max(1, len(instituicoes_para_termo(fontes_do_pedido(ws, pedido))[0]))
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
    from pacto.services.documentos.ato import DadosDoAto
    from pacto.services.documentos.avisos import avisos_de_assinatura
    from pacto.services.documentos.modelos import pasta_escolhida

    documento = POR_CHAVE[pedido.chave]
    f = fontes_do_pedido(ws, pedido)
    modelos = pasta_escolhida(ws, pedido.modelos)
    saida, chave = pedido.saida, pedido.chave
    if "reuniao" in documento.parametros:
        _exigir(pedido.valor("reuniao"), "Escolha a reunião.")
    if "mes" in documento.parametros:
        _exigir(str(pedido.valor("mes", "")).strip(), "Informe o mês, no formato AAAA-MM.")
    avisos = avisos_de_assinatura(f, chave, pedido, ws.ato_gt() if chave == "portaria" else "")
    if chave == "termo" and pedido.valor("aditivo"):
        from pacto.services.adesoes import panorama

        lote = gerar.aditivos(
            f,
            panorama(ws, f.rc),
            saida,
            siglas=pedido.siglas or None,
            pasta_modelos=modelos,
            representantes=representantes_registrados(ws),
        )
    elif chave == "termo":
        siglas = pedido.siglas or None
        lote = gerar.termos(
            f,
            saida,
            siglas=siglas,
            pasta_modelos=modelos,
            representantes=representantes_registrados(ws),
            ao_avancar=None if siglas else lambda _inst: ao_avancar(),
        )
    elif chave == "portaria":
        tipo = str(pedido.valor("tipo", "portaria"))
        membros = [s for s in str(pedido.valor("membros", "")).split(",") if s.strip()]
        if tipo == "gt" and not membros:
            por_id = f.rc.instituicao_por_id
            membros = [por_id[i].sigla for i in ws.membros_gt() if i in por_id]
        dados = DadosDoAto(
            numero=str(pedido.valor("numero", "")).strip(),
            processo=str(pedido.valor("processo", "")).strip(),
            revoga=str(pedido.valor("revoga", "")).strip(),
            ato_gt=ws.ato_gt() if tipo == "gt" else "",
        )
        lote = gerar.ato(
            f,
            saida,
            tipo,
            dados,
            pasta_modelos=modelos,
            membros=membros or None,
            prazo_dias=int(pedido.valor("prazo_dias", 90)),
        )
        if tipo != "gt":
            registrar_geracao(ws, "ato")
    elif chave == "fluxo":
        lote = gerar.fluxo(
            f,
            saida,
            pasta_modelos=modelos,
            com_pontos_focais=bool(pedido.valor("pontos_focais")),
        )
        registrar_geracao(ws, "fluxo_publicado")
    elif chave == "ata":
        lote = gerar.ata(
            f,
            saida,
            pedido.valor("reuniao"),
            memoria=bool(pedido.valor("memoria")),
            mesmo_assim=bool(pedido.valor("mesmo_assim")),
            pasta_modelos=modelos,
        )
    elif chave == "presenca":
        reuniao = pedido.valor("reuniao")
        lote = gerar.presenca(f, saida, reuniao, membros_gt=ws.membros_gt(), pasta_modelos=modelos)
    elif chave == "pauta":
        lote = gerar.pauta(f, saida, pedido.valor("reuniao"), pasta_modelos=modelos)
    elif chave == "sugestoes":
        lote = gerar.sugestoes(
            f,
            saida,
            pedido.valor("reuniao_opcional"),
            mesmo_assim=bool(pedido.valor("mesmo_assim")),
            pasta_modelos=modelos,
        )
    elif chave == "autodiagnostico":
        lote = gerar.autodiagnostico(
            f, saida, ws.rodadas_autodiagnostico(), pedido.valor("rodada"), pasta_modelos=modelos
        )
    else:
        from pacto.services.mensal import checklist_do_mes

        mes = str(pedido.valor("mes")).strip()
        linhas = checklist_do_mes(ws, mes, pedido.hoje)
        lote = gerar.checklist(
            f,
            saida,
            mes,
            linhas,
            em_branco=bool(pedido.valor("em_branco")),
            pasta_modelos=modelos,
        )
    lote.avisos = avisos + [a for a in lote.avisos if a not in avisos]
    return lote


def _outros(ws, pedido: Pedido) -> Lote:
    """The diagram and the spreadsheets, through the services their commands use."""
    from pacto.domain.netp import validar_mes

    saida, chave = _pasta(pedido.saida), pedido.chave
    if chave == "diagrama":
        from pacto.services.diagrama import gravar_diagrama
        from pacto.services.documentos.contexto import identificacao_versao

        formato = str(pedido.valor("formato", "png"))
        rc = ws.carregar()
        versao = identificacao_versao(ws, rc)
        return Lote(
            arquivos=[
                gravar_diagrama(
                    rc, formato, saida, versao=versao, ws=ws, sobrescrever=pedido.sobrescrever
                )
            ]
        )
    if chave == "ficha":
        from pacto.services.ficha import gerar_fichas

        return Lote(
            arquivos=gerar_fichas(
                ws.carregar(),
                saida,
                pedido.siglas or None,
                ws=ws,
                sobrescrever=pedido.sobrescrever,
            )
        )
    if chave == "monitoramento":
        from pacto.services.mensal import gerar_monitoramento, mes_de

        mes = validar_mes(pedido.valor("mes_opcional") or mes_de(pedido.hoje or date.today()))
        destino = saida / f"monitoramento-{mes}.xlsx"
        return Lote(
            arquivos=[gerar_monitoramento(ws, mes, destino, sobrescrever=pedido.sobrescrever)]
        )
    mes = validar_mes(
        _exigir(str(pedido.valor("mes", "")).strip(), "Informe o mês, no formato AAAA-MM.")
    )
    if chave == "formulario-netp":
        from pacto.services.netp_planilhas import gerar_formulario

        sigla = str(pedido.valor("instituicao_formulario", "")).strip()
        destino = gerar_formulario(
            ws,
            mes,
            saida / f"formulario-netp-{mes}.xlsx",
            *([sigla] if sigla else []),
            sobrescrever=pedido.sobrescrever,
        )
    else:
        from pacto.services.netp_planilhas import gerar_relatorio

        destino = gerar_relatorio(
            ws, mes, saida / f"relatorio-netp-{mes}.xlsx", sobrescrever=pedido.sobrescrever
        )
    return Lote(arquivos=[destino])


def gerar_documento(ws, pedido: Pedido, ao_avancar: Callable[[], None] | None = None) -> Lote:
    """Generate the document asked for; with `pdf`, convert the Word files too.

    `ao_avancar` is called after each step counted by `passos`. A missing LibreOffice is a
    warning in the result, not an error: the .docx files are there.
    """
    avancar = ao_avancar or (lambda: None)
    documento = POR_CHAVE.get(pedido.chave)
    if documento is None:
        raise PactoErro(f"Documento desconhecido: {pedido.chave}.")
    lote = _word(ws, pedido, avancar) if documento.word else _outros(ws, pedido)
    if not (documento.chave == "termo" and not pedido.siglas):
        avancar()  # a batch of Termos counts its own steps
    if pedido.pdf and documento.word:
        from pacto.services.documentos.pdf import converter

        try:
            lote.arquivos += converter(list(lote.arquivos), ws=ws, sobrescrever=pedido.sobrescrever)
        except ErroDocumento as erro:
            lote.avisos.append(erro.mensagem)
        avancar()
    elif pedido.pdf:
        lote.avisos.append("O PDF só é gerado para documentos do Word; este não foi convertido.")
    return lote
