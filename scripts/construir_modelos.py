"""Build the default Word templates in `pacto/templates/` (run by hand; the .docx files are committed).

    .venv/bin/python scripts/construir_modelos.py [PASTA]

Every layout decision of the documents lives in these scripts (`docx_base.py`: page, fonts,
styles such as Normal, Epigrafe, Ementa, Artigo, Paragrafo, Inciso and Clausula, header,
footer with "Página X de Y", tables, signatures; `modelos_atos.py`: the acts; `modelos_reunioes.py`:
ata, memória, lista de presença, convocação and suggestions matrix; `modelos_acompanhamento.py`:
self-diagnosis report and monthly checklist) and in the .docx
they write. pacto's code only fills the data. Users adapt
the resulting .docx in Word (`pacto modelos exportar`), never this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt
from docx_base import (
    LARGURA_PAISAGEM,
    assinaturas,
    enxugar,
    escrever,
    larguras_das_colunas,
    linha_tag,
    nao_quebrar,
    novo_documento,
    p,
    quebra_de_pagina,
    rotulado,
    sombrear,
    tabela,
)
from modelos_acompanhamento import modelo_autodiagnostico, modelo_checklist
from modelos_atos import (
    diagrama_ou_raias,
    modelo_ato,
    modelo_gt,
    nova_secao,
    tabela_encaminhamentos,
)
from modelos_reunioes import (
    modelo_ata,
    modelo_memoria,
    modelo_pauta,
    modelo_presenca,
    modelo_sugestoes,
)

PASTA_PADRAO = Path(__file__).resolve().parent.parent / "pacto" / "templates"


def modelo_termo() -> Document:
    doc = novo_documento("Termo de Adesão")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "PARTÍCIPES", "Clausula")

    def qualificacao(papel: str, chave: str) -> None:
        tab = tabela(doc, [], [[papel, ""]], [4.5, 11.5])
        primeira = tab.rows[0]
        celula = primeira.cells[0].merge(primeira.cells[1])
        for sobra in celula.paragraphs[1:]:
            sobra._p.getparent().remove(sobra._p)
        sombrear(celula)
        celula.paragraphs[0].style = "Cabecalho tabela"
        for rotulo, campo, opcional in (
            ("Instituição", f"{chave}.rotulo", False),
            ("CNPJ", f"{chave}.cnpj", False),
            ("Endereço", f"{chave}.endereco", True),
            ("Representante", f"{chave}.representante.nome", False),
            ("Cargo", f"{chave}.representante.cargo", False),
            ("Ato de designação", f"{chave}.representante.ato", False),
        ):
            if opcional:
                linha_tag(tab, f"{{%tr if {campo} %}}")
            linha = tab.add_row()
            nao_quebrar(linha)
            escrever(linha.cells[0], rotulo, "Cabecalho tabela")
            escrever(linha.cells[1], f"{{{{ {campo} }}}}")
            if opcional:
                linha_tag(tab, "{%tr endif %}")
        larguras_das_colunas(tab, [4.5, 11.5])
        p(doc, "")

    qualificacao("ADERENTE", "aderente")
    qualificacao("COORDENAÇÃO DO FLUXO", "coordenacao")
    p(
        doc,
        "As instituições acima qualificadas, doravante denominadas ADERENTE e COORDENAÇÃO e, em "
        "conjunto, PARTÍCIPES, tendo em vista o disposto {{ base_legal }}, celebram este TERMO DE "
        "ADESÃO, mediante as cláusulas e condições "
        "seguintes:",
        "Preambulo",
    )

    p(doc, "CLÁUSULA PRIMEIRA – DO OBJETO", "Clausula")
    p(
        doc,
        "Este Termo tem por objeto a adesão da ADERENTE ao {{ fluxo.nome }} {{ territorio.no }}, "
        "coordenado pela COORDENAÇÃO, e a definição das atribuições que a ADERENTE exercerá nas "
        "etapas do Fluxo em que atua, para a proteção e o atendimento às vítimas de tráfico de "
        "pessoas.",
    )

    p(doc, "CLÁUSULA SEGUNDA – DAS ATRIBUIÇÕES DA ADERENTE", "Clausula")
    p(
        doc,
        "Compete à ADERENTE exercer, nas etapas do Fluxo em que atua, as atribuições pactuadas na "
        "rede e descritas no quadro a seguir:",
    ).paragraph_format.keep_with_next = True
    tab = tabela(doc, ["Etapa", "Atribuições da ADERENTE"], [], [3.5, 12.5])
    linha_tag(tab, "{%tr for a in atribuicoes %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    escrever(linha.cells[0], "{{ a.etapa }}")
    escrever(linha.cells[1], "{{ a.texto }}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, [3.5, 12.5])
    p(doc, "")
    rotulado(doc, "Parágrafo único.", "Compete ainda à ADERENTE:", "Paragrafo")
    for texto in (
        "I – manter pontos focais titular e suplente, na forma da Cláusula Quarta;",
        "II – prestar atendimento humanizado, que preserve a intimidade e a identidade da vítima e "
        "evite a sua revitimização;",
        "III – realizar os encaminhamentos previstos no Fluxo e informar à COORDENAÇÃO as "
        "dificuldades encontradas;",
        "IV – enviar mensalmente à COORDENAÇÃO os dados consolidados de sua atuação no Fluxo, na "
        "forma da Cláusula Quinta; e",
        "V – participar das reuniões mensais de alinhamento da rede.",
    ):
        p(doc, texto, "Inciso")

    p(doc, "CLÁUSULA TERCEIRA – DAS ATRIBUIÇÕES DA COORDENAÇÃO", "Clausula")
    p(doc, "Compete à COORDENAÇÃO:")
    for texto in (
        "I – articular as instituições que integram o Fluxo e convocar as reuniões mensais de "
        "alinhamento da rede;",
        "II – manter atualizada a relação de pontos focais e divulgá-la às instituições aderentes;",
        "III – receber e consolidar os dados enviados pelas instituições aderentes;",
        "IV – promover a capacitação dos pontos focais e a divulgação do Fluxo;",
        "V – comunicar à ADERENTE as alterações do Fluxo, inclusive as novas versões que exijam "
        "readesão; e",
        "VI – coordenar o monitoramento e a avaliação periódica do Fluxo.",
    ):
        p(doc, texto, "Inciso")

    p(doc, "CLÁUSULA QUARTA – DOS PONTOS FOCAIS", "Clausula")
    p(doc, "{%p if pontos_focais %}")
    p(doc, "A ADERENTE designa como pontos focais no Fluxo:").paragraph_format.keep_with_next = True
    larguras = [2.5, 7, 6.5]
    tab = tabela(doc, ["Função", "Nome", "Cargo"], [], larguras)
    linha_tag(tab, "{%tr for pf in pontos_focais %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    for celula, campo in zip(linha.cells, ["papel", "nome", "cargo"], strict=True):
        escrever(celula, f"{{{{ pf.{campo} }}}}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    p(doc, "")
    p(
        doc,
        "Os contatos institucionais dos pontos focais constam do Anexo deste Termo, de uso "
        "restrito aos PARTÍCIPES, que não integra o extrato publicado.",
    )
    p(doc, "{%p endif %}")
    p(doc, "{%p if pontos_a_indicar %}")
    p(
        doc,
        "A ADERENTE indicará à COORDENAÇÃO, em até 15 (quinze) dias contados da assinatura deste "
        "Termo, {{ pontos_a_indicar }}, com os respectivos contatos institucionais.",
    )
    p(doc, "{%p endif %}")
    rotulado(
        doc,
        "Parágrafo único.",
        "A substituição de ponto focal será comunicada por escrito à COORDENAÇÃO em até 15 "
        "(quinze) dias, e os dados de contato da pessoa substituída serão excluídos dos registros "
        "do Fluxo.",
        "Paragrafo",
    )

    p(doc, "CLÁUSULA QUINTA – DO SIGILO E DA PROTEÇÃO DE DADOS", "Clausula")
    p(
        doc,
        "Os PARTÍCIPES preservarão a intimidade e a identidade das vítimas e adotarão medidas de "
        "prevenção à sua revitimização, nos termos do art. 6º, incisos IV e V, da Lei nº 13.344, "
        "de 2016.",
    )
    rotulado(
        doc,
        "§ 1º",
        "O tratamento de dados pessoais decorrente deste Termo observará a Lei nº 13.709, de 14 "
        "de agosto de 2018 – Lei Geral de Proteção de Dados Pessoais, e limitar-se-á ao mínimo "
        "necessário à proteção e ao atendimento das vítimas.",
        "Paragrafo",
    )
    rotulado(
        doc,
        "§ 2º",
        "Os dados enviados à COORDENAÇÃO serão consolidados e agregados, sem nome, documento, "
        "contato, relato ou outra informação que permita identificar a vítima ou seus "
        "familiares, e transmitidos por canal seguro, com acesso restrito às pessoas designadas.",
        "Paragrafo",
    )
    rotulado(
        doc,
        "§ 3º",
        "O dever de sigilo subsiste após o término da vigência ou a denúncia deste Termo.",
        "Paragrafo",
    )

    p(doc, "CLÁUSULA SEXTA – DOS RECURSOS", "Clausula")
    p(
        doc,
        "Este Termo é celebrado a título gratuito e não envolve transferência de recursos "
        "financeiros entre os PARTÍCIPES. Cada PARTÍCIPE arcará com as despesas necessárias ao "
        "cumprimento de suas atribuições.",
    )
    p(doc, "CLÁUSULA SÉTIMA – DA VIGÊNCIA", "Clausula")
    p(
        doc,
        "Este Termo vigorará pelo prazo de 60 (sessenta) meses, contado da publicação de seu "
        "extrato, e poderá ser prorrogado mediante termo aditivo.",
    )
    p(doc, "CLÁUSULA OITAVA – DAS ALTERAÇÕES", "Clausula")
    p(
        doc,
        "Este Termo poderá ser alterado por acordo entre os PARTÍCIPES, mediante termo aditivo, "
        "vedada a alteração de seu objeto. A atualização das atribuições da ADERENTE decorrente "
        "de nova versão do Fluxo pactuada na rede será formalizada por termo aditivo ou por novo "
        "Termo de Adesão.",
    )
    p(doc, "CLÁUSULA NONA – DA DENÚNCIA", "Clausula")
    p(
        doc,
        "Qualquer dos PARTÍCIPES poderá denunciar este Termo mediante notificação escrita ao "
        "outro com antecedência mínima de 30 (trinta) dias, mantidas as responsabilidades pelas "
        "atividades em andamento até a data do desligamento.",
    )
    p(doc, "CLÁUSULA DÉCIMA – DA PUBLICIDADE", "Clausula")
    p(
        doc,
        "A COORDENAÇÃO providenciará a publicação do extrato deste Termo no {{ diario_oficial }} "
        "e manterá a relação das instituições aderentes disponível para consulta pública.",
    )
    p(doc, "CLÁUSULA DÉCIMA PRIMEIRA – DOS CASOS OMISSOS E DO FORO", "Clausula")
    p(
        doc,
        "Os casos omissos e as dúvidas decorrentes da execução deste Termo serão resolvidos de "
        "comum acordo entre os PARTÍCIPES. Não havendo solução consensual, fica eleito o foro da "
        "Comarca de {{ foro }}, ressalvada a competência da Justiça Federal nas hipóteses do "
        "art. 109 da Constituição Federal.",
    )
    p(
        doc,
        "E, por estarem de acordo, os PARTÍCIPES assinam este Termo, para que produza os seus "
        "efeitos.",
        "Preambulo",
    ).paragraph_format.keep_with_next = True
    p(doc, "{{ local_data }}", "Fecho").paragraph_format.keep_with_next = True
    assinaturas(doc, ["aderente", "coordenacao"])
    p(doc, "{%p if contatos_restritos %}")
    quebra_de_pagina(doc)
    p(doc, "ANEXO – CONTATOS DOS PONTOS FOCAIS", "Titulo")
    p(
        doc,
        "Uso restrito aos PARTÍCIPES e à rede do Fluxo (Lei nº 13.709, de 2018 – LGPD). Este "
        "Anexo não integra o extrato nem a publicação do Termo.",
        "Preambulo",
    )
    larguras = [2.5, 4.5, 3.5, 5.5]
    tab = tabela(doc, ["Função", "Nome", "Telefone", "E-mail"], [], larguras)
    linha_tag(tab, "{%tr for pf in contatos_restritos %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    for celula, campo in zip(linha.cells, ["papel", "nome", "telefone", "email"], strict=True):
        escrever(celula, f"{{{{ pf.{campo} }}}}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    p(doc, "{%p endif %}")
    return doc


def modelo_termo_aditivo() -> Document:
    """The Termo Aditivo: only the commitments that changed for one institution in a new version."""
    doc = novo_documento("Termo Aditivo ao Termo de Adesão")
    p(doc, "{{ titulo }}", "Titulo")
    p(doc, "PARTÍCIPES", "Clausula")
    for papel, chave in (("ADERENTE", "aderente"), ("COORDENAÇÃO DO FLUXO", "coordenacao")):
        tab = tabela(doc, [], [[papel, ""]], [4.5, 11.5])
        celula = tab.rows[0].cells[0].merge(tab.rows[0].cells[1])
        for sobra in celula.paragraphs[1:]:
            sobra._p.getparent().remove(sobra._p)
        sombrear(celula)
        celula.paragraphs[0].style = "Cabecalho tabela"
        for rotulo, campo in (
            ("Instituição", f"{chave}.rotulo"),
            ("Representante", f"{chave}.representante.nome"),
            ("Cargo", f"{chave}.representante.cargo"),
        ):
            linha = tab.add_row()
            nao_quebrar(linha)
            escrever(linha.cells[0], rotulo, "Cabecalho tabela")
            escrever(linha.cells[1], f"{{{{ {campo} }}}}")
        larguras_das_colunas(tab, [4.5, 11.5])
        p(doc, "")
    p(
        doc,
        "Os PARTÍCIPES acima qualificados, tendo em vista a Cláusula Oitava do Termo de Adesão "
        "{{ adesao.descricao }} e a versão {{ versao.nova }} do {{ fluxo.nome }} "
        "{{ territorio.no }}, pactuada na rede, celebram este TERMO ADITIVO, mediante as "
        "cláusulas e condições seguintes:",
        "Preambulo",
    )
    p(doc, "CLÁUSULA PRIMEIRA – DO OBJETO", "Clausula")
    p(
        doc,
        "Este Termo Aditivo atualiza os compromissos da ADERENTE no Fluxo, da versão "
        "{{ versao.assinada }}, que assinou, para a versão {{ versao.nova }} "
        "(identificação {{ versao.hash }}), nos pontos que a alcançam e somente neles:",
    ).paragraph_format.keep_with_next = True
    p(doc, "{%p for m in mudancas %}")
    p(doc, "{{ m }}", "List Bullet")
    p(doc, "{%p endfor %}")
    p(doc, "CLÁUSULA SEGUNDA – DAS ATRIBUIÇÕES DA ADERENTE", "Clausula")
    p(
        doc,
        "Em consequência, o quadro de atribuições da Cláusula Segunda do Termo de Adesão passa a "
        "vigorar com a seguinte redação:",
    ).paragraph_format.keep_with_next = True
    tab = tabela(doc, ["Etapa", "Atribuições da ADERENTE"], [], [3.5, 12.5])
    linha_tag(tab, "{%tr for a in atribuicoes %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    escrever(linha.cells[0], "{{ a.etapa }}")
    escrever(linha.cells[1], "{{ a.texto }}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, [3.5, 12.5])
    p(doc, "")
    p(doc, "CLÁUSULA TERCEIRA – DA RATIFICAÇÃO", "Clausula")
    p(
        doc,
        "Ficam ratificadas as demais cláusulas e condições do Termo de Adesão não alteradas por "
        "este instrumento.",
    )
    p(doc, "CLÁUSULA QUARTA – DA PUBLICIDADE", "Clausula")
    p(
        doc,
        "A COORDENAÇÃO providenciará a publicação do extrato deste Termo Aditivo no "
        "{{ diario_oficial }}.",
    )
    p(
        doc,
        "E, por estarem de acordo, os PARTÍCIPES assinam este Termo Aditivo, para que produza os "
        "seus efeitos.",
        "Preambulo",
    ).paragraph_format.keep_with_next = True
    p(doc, "{{ local_data }}", "Fecho")
    assinaturas(doc, ["aderente", "coordenacao"])
    return doc


def modelo_fluxo() -> Document:
    """The published flow (booklet step 13), for the network and the public."""
    doc = novo_documento("Fluxo de atendimento publicado")
    p(doc, "{{ fluxo.nome|upper }}", "Titulo")
    p(doc, "{{ rede.nome }} · {{ data }}", "Subtitulo")
    p(
        doc,
        "Este documento apresenta o {{ fluxo.nome }} {{ territorio.no }}: o caminho que a vítima "
        "de tráfico de pessoas percorre na rede, da denúncia ao atendimento, quem atua em cada "
        "etapa e como encontrar cada instituição. O Fluxo foi pactuado entre as instituições da "
        "{{ rede.nome }}.",
    )

    p(doc, "O que é tráfico de pessoas", "Heading 1")
    p(
        doc,
        "É crime, previsto no art. 149-A do Código Penal, agenciar, aliciar, recrutar, "
        "transportar, transferir, comprar, alojar ou acolher pessoa, mediante grave ameaça, "
        "violência, coação, fraude ou abuso, com a finalidade de exploração. Este Fluxo atende "
        "as vítimas das seguintes finalidades:",
    )
    p(doc, "{%p for f in finalidades %}")
    p(doc, "{{ f }}", "List Bullet")
    p(doc, "{%p endfor %}")

    p(doc, "Como denunciar", "Heading 1")
    tab = tabela(doc, [], [], [3.0, 13.0])
    linha_tag(tab, "{%tr for c in canais %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    escrever(linha.cells[0], "{{ c.nome }}", "Cabecalho tabela")
    linha.cells[0].paragraphs[0].runs[0].font.size = Pt(14)
    escrever(linha.cells[1], "{{ c.descricao }}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, [3.0, 13.0])
    p(doc, "")
    p(doc, "{%p if denuncia %}")
    p(doc, "Também recebem denúncias neste território:").paragraph_format.keep_with_next = True
    tab = tabela(doc, ["Instituição", "Como acionar"], [], [6.0, 10.0])
    linha_tag(tab, "{%tr for d in denuncia %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    escrever(linha.cells[0], "{{ d.instituicao }}")
    escrever(linha.cells[1], ["{%p for c in d.contato %}", "{{ c }}", "{%p endfor %}"])
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, [6.0, 10.0])
    p(doc, "{%p endif %}")

    nova_secao(doc, paisagem=True)  # the diagram and the referrals read better wide
    p(doc, "O fluxo", "Heading 1")
    diagrama_ou_raias(doc, LARGURA_PAISAGEM)
    tabela_encaminhamentos(doc, [3.6, 3.6, 12.5, 5.0])

    nova_secao(doc, paisagem=False)
    p(doc, "Etapas e quem atua em cada uma", "Heading 1")
    p(doc, "{%p for etapa in etapas %}")
    p(doc, "{{ etapa.numero }}. {{ etapa.nome }}", "Heading 2")
    p(doc, "{{ etapa.descricao }}")
    p(doc, "{%p if etapa.instituicoes %}")
    larguras = [4.0, 6.8, 5.2]
    tab = tabela(doc, ["Instituição", "O que faz", "Contato"], [], larguras)
    linha_tag(tab, "{%tr for i in etapa.instituicoes %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    escrever(linha.cells[0], "{{ i.nome }}")
    escrever(linha.cells[1], "{{ i.texto }}")
    escrever(linha.cells[2], ["{%p for c in i.contato %}", "{{ c }}", "{%p endfor %}"])
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    p(doc, "{%p else %}")
    p(doc, "Nenhuma instituição assumiu atribuições nesta etapa até a data deste documento.")
    p(doc, "{%p endif %}")
    p(doc, "{%p endfor %}")

    p(doc, "{%p if pontos_focais %}")
    p(doc, "Pontos focais", "Heading 1")
    p(
        doc,
        "Contatos institucionais das pessoas designadas por cada instituição para responder pelo "
        "Fluxo. Uso restrito à rede.",
    )
    larguras = [2.8, 1.8, 4.2, 2.8, 4.4]  # acronyms are short; e-mails are long
    tab = tabela(doc, ["Instituição", "Função", "Nome", "Telefone", "E-mail"], [], larguras)
    linha_tag(tab, "{%tr for pf in pontos_focais %}")
    linha = tab.add_row()
    nao_quebrar(linha)
    for celula, campo in zip(
        linha.cells, ["instituicao", "papel", "nome", "telefone", "email"], strict=True
    ):
        escrever(celula, f"{{{{ pf.{campo} }}}}")
    linha_tag(tab, "{%tr endfor %}")
    larguras_das_colunas(tab, larguras)
    p(doc, "{%p endif %}")

    p(doc, "Sigilo e proteção de dados", "Heading 1")
    p(
        doc,
        "As instituições do Fluxo preservam a intimidade e a identidade das vítimas e evitam a "
        "sua revitimização (Lei nº 13.344, de 6 de outubro de 2016, art. 6º, incisos IV e V). "
        "Dados pessoais são tratados conforme a Lei nº 13.709, de 14 de agosto de 2018 – Lei "
        "Geral de Proteção de Dados Pessoais, e as informações sobre os atendimentos circulam "
        "apenas de forma agregada.",
    )
    p(doc, "Coordenação do Fluxo: {{ coordenacao }}.")
    return doc


MODELOS = {
    "termo-de-adesao.docx": modelo_termo,
    "termo-aditivo.docx": modelo_termo_aditivo,
    "portaria.docx": lambda: modelo_ato("Portaria que institui o Fluxo"),
    "decreto.docx": lambda: modelo_ato("Decreto que institui o Fluxo"),
    "portaria-grupo-de-trabalho.docx": modelo_gt,
    "fluxo-publicado.docx": modelo_fluxo,
    "ata.docx": modelo_ata,
    "memoria-de-reuniao.docx": modelo_memoria,
    "lista-de-presenca.docx": modelo_presenca,
    "pauta-convocacao.docx": modelo_pauta,
    "matriz-de-sugestoes.docx": modelo_sugestoes,
    "autodiagnostico.docx": modelo_autodiagnostico,
    "checklist-mensal.docx": modelo_checklist,
}


def construir(pasta: Path) -> list[Path]:
    """Write every default template into `pasta`."""
    pasta.mkdir(parents=True, exist_ok=True)
    escritos = []
    for nome, fabrica in MODELOS.items():
        destino = pasta / nome
        doc = fabrica()
        enxugar(doc)
        doc.save(destino)
        escritos.append(destino)
    return escritos


if __name__ == "__main__":
    alvo = Path(sys.argv[1]) if len(sys.argv) > 1 else PASTA_PADRAO
    for caminho in construir(alvo):
        print(caminho)
