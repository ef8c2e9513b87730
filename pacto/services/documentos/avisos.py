"""What a legal adviser would find missing before signature, warned the same in the TUI and CLI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pacto.services.documentos.ato import orgaos_externos
from pacto.services.documentos.contexto import Fontes

if TYPE_CHECKING:
    from pacto.services.documentos.catalogo import Pedido


def avisos_do_ato(f: Fontes, tipo: str, numero: str | None) -> list[str]:
    """What is missing for the act to be signed: number, issuer, legal basis, signatory, seat."""
    avisos = []
    if not numero:
        avisos.append("Sem número: a epígrafe saiu com “Nº ____”; use --numero quando houver.")
    decreto = tipo == "decreto"
    if not decreto and not f.config.autoridade:
        avisos.append(
            "Quem edita o ato ficou em branco no preâmbulo; informe com “pacto modelos "
            "configurar --autoridade … --signatario … --cargo …”."
        )
    if not decreto and not f.config.fundamento:
        avisos.append(
            "Falta a base da competência de quem edita o ato: o preâmbulo diz só “no uso de "
            "suas atribuições legais” (LC 95/1998, art. 6º pede a base legal); informe com "
            "“pacto modelos configurar --fundamento …”."
        )
    if not decreto and not f.config.signatario:
        avisos.append(
            "O nome de quem assina o ato ficou em branco; informe com “pacto modelos "
            "configurar --signatario NOME --cargo CARGO”."
        )
    externos = orgaos_externos(f)
    if tipo == "portaria" and externos:
        siglas = ", ".join(i.sigla for i in externos)
        avisos.append(
            f"A Portaria atribui competências a {siglas}, que não responde a quem a edita "
            f"({f.config.orgao}): um Secretário não obriga outra Secretaria. Gere a Portaria "
            "Conjunta (--tipo conjunta), assinada também pelo titular de cada órgão, ou o "
            "Decreto (--tipo decreto)."
        )
    if tipo == "conjunta" and not externos:
        avisos.append(
            "Nenhuma outra Secretaria recebe atribuições neste ato (ou o órgão que o edita não "
            "foi informado em “pacto modelos configurar --orgao”): a Portaria simples basta."
        )
    if tipo == "conjunta" and externos:
        avisos.append(
            "Os titulares de " + ", ".join(i.sigla for i in externos) + " assinam a Portaria "
            "Conjunta: os nomes ficaram em linha para preencher."
        )
    if decreto:
        if not getattr(f.config, "chefe_executivo", ""):
            avisos.append(
                "O nome do chefe do Poder Executivo ficou em branco na assinatura do Decreto; "
                "informe com “pacto modelos configurar --chefe-executivo NOME”."
            )
        if not getattr(f.config, "palacio", ""):
            avisos.append(
                "A sede do governo (ex.: “Palácio Senador Hélio Campos”) ficou fora do fecho do "
                "Decreto; informe com “pacto modelos configurar --palacio …”."
            )
        if not getattr(f.config, "artigo_constituicao", ""):
            avisos.append(
                "O preâmbulo do Decreto cita a Constituição sem o artigo; informe com “pacto "
                "modelos configurar --artigo-constituicao “art. 62, inciso III””."
            )
    return avisos


def avisos_de_assinatura(f: Fontes, chave: str, pedido: Pedido, ato_gt: str = "") -> list[str]:
    """What a legal adviser would find missing before signature, the same in both faces."""
    avisos = list(f.avisos)
    if chave == "termo":
        if not f.config.representante_coordenacao:
            avisos.append(
                "Quem assina pela coordenação ficou em branco; informe com “pacto modelos "
                "configurar --representante-coordenacao NOME --cargo-representante-coordenacao "
                "CARGO”."
            )
        if not f.config.ato_instituidor:
            avisos.append(
                "O ato que instituiu o Fluxo não foi informado: o Termo cita só a base legal "
                "geral; informe com “pacto modelos configurar --ato-instituidor …”."
            )
    if chave == "portaria":
        tipo = str(pedido.valor("tipo", "portaria"))
        numero = pedido.valor("numero")
        if tipo == "gt" and not numero:  # the act recorded with `pacto gt` has its number
            from pacto.services.documentos.grupo_trabalho import ato_registrado

            numero = (ato_registrado(ato_gt) or ("",))[0]
        avisos += avisos_do_ato(f, tipo, numero)
    return avisos
