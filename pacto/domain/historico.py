"""The change history in words: what changed in which record, before and after, by whom and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

NOMES_TABELAS = {
    "rede": "rede",
    "fluxos": "fluxo",
    "etapas": "etapa",
    "instituicoes": "instituição",
    "pontos_focais": "ponto focal",
    "atribuicoes": "atribuição",
    "encaminhamentos": "encaminhamento",
    "configuracoes": "configuração",
    "versoes": "versão do fluxo",
    "grupo_trabalho": "membro do grupo de trabalho",
    "autodiagnostico_rodadas": "rodada de autodiagnóstico",
    "autodiagnostico_respostas": "resposta do autodiagnóstico",
    "ajustes_passos": "ajuste de passo",
    "netp_envios": "envio ao NETP",
    "netp_contagens": "contagem enviada ao NETP",
    "checklist_respostas": "resposta do checklist",
    "indicador_metas": "meta de indicador",
    "indicador_valores": "valor de indicador",
    "reunioes": "reunião",
    "pauta_itens": "item de pauta",
    "presencas": "presença",
    "deliberacoes": "deliberação",
    "acoes": "ação",
    "sugestoes": "sugestão",
    "adesoes": "adesão",
    "purga_de_texto": "um texto em todo o workspace (purga, sem guardar o texto)",
    "dados_de_pessoa": "dados pessoais de uma pessoa (LGPD, art. 18)",
}
# workspace settings (table configuracoes) by key or key prefix, as the history names them
CONFIGURACOES = {
    "ato_gt": "ato do grupo de trabalho",
    "backups_manter": "número de cópias de segurança mantidas",
    "modelos": "pasta de modelos dos documentos",
}
PREFIXOS_CONFIGURACAO = {
    "gerado.": "registro de documento gerado:",
    "documentos.": "dado dos documentos:",
}
# column names that read wrong without accents; the others lose "_id" and underscores
ACENTOS_CAMPOS = {
    "endereco": "endereço",
    "email": "e-mail",
    "horario": "horário",
    "observacoes": "observações",
    "condicao": "condição",
    "descricao": "descrição",
    "instituicao": "instituição",
    "confirmado_em": "confirmado em",
    "justificativa": "justificativa",
    "decisao": "decisão",
    "responsavel": "responsável",
    "reuniao": "reunião",
    "numero": "número",
}
OPERACOES = {"inclusao": "incluiu", "alteracao": "alterou", "exclusao": "excluiu"}
IGNORAR_CAMPOS = {"id"}


@dataclass
class RegistroHistorico:
    """One recorded change."""

    id: int
    quando: datetime
    usuario: str
    tabela: str
    operacao: str
    registro: int | None
    antes: dict | None
    depois: dict | None

    def campos_alterados(self) -> list[tuple[str, object, object]]:
        """(campo, antes, depois) for each field that changed in an update."""
        antes, depois = self.antes or {}, self.depois or {}
        return [
            (campo, antes.get(campo), depois.get(campo))
            for campo in sorted(set(antes) | set(depois))
            if campo not in IGNORAR_CAMPOS and antes.get(campo) != depois.get(campo)
        ]


def _curto(valor: object, limite: int = 50) -> str:
    texto = "vazio" if valor in (None, "") else str(valor)
    return texto if len(texto) <= limite else texto[: limite - 1] + "…"


def rotulo(reg: RegistroHistorico, siglas: dict[int, str]) -> str:
    """How to name the changed record: its acronym, the institutions it links, or its key."""
    dados = reg.depois or reg.antes or {}

    def sigla(campo: str) -> str:
        valor = dados.get(campo)
        return siglas.get(valor, f"#{valor}") if valor is not None else ""

    if reg.tabela == "configuracoes" and dados.get("chave"):
        return rotulo_configuracao(str(dados["chave"]))
    if reg.tabela == "encaminhamentos":
        return f"{sigla('origem_id')} → {sigla('destino_id')}"
    if "sigla" in dados:
        return str(dados["sigla"])
    if reg.tabela in ("grupo_trabalho", "netp_envios"):
        return sigla("instituicao_id") + (f" ({dados['mes']})" if dados.get("mes") else "")
    if "instituicao_id" in dados:
        extra = dados.get("papel") or ""
        return f"de {sigla('instituicao_id')}" + (f" ({extra})" if extra else "")
    if reg.tabela == "ajustes_passos":
        return f"do passo {dados.get('numero')}"
    for campo in ("nome", "chave", "item", "indicador", "numero", "mes"):
        if dados.get(campo) not in (None, ""):
            return str(dados[campo])
    return ""


def rotulo_campo(campo: str) -> str:
    """A column name in words: 'origem_id' -> 'origem', 'endereco' -> 'endereço'."""
    base = campo.removesuffix("_id")
    return ACENTOS_CAMPOS.get(base, base.replace("_", " "))


def rotulo_configuracao(chave: str) -> str:
    """A setting's key in words: 'gerado.fluxo_publicado' -> 'registro de documento gerado: fluxo publicado'."""
    if chave in CONFIGURACOES:
        return CONFIGURACOES[chave]
    for prefixo, nome in PREFIXOS_CONFIGURACAO.items():
        if chave.startswith(prefixo):
            return f"{nome} {chave.removeprefix(prefixo).replace('_', ' ')}"
    return chave.replace("_", " ").replace(".", ": ")


def descrever(reg: RegistroHistorico, rotulo: str = "") -> str:
    """One line in Portuguese, e.g. 'Ana alterou instituição PF-RR: telefone: 194 → (95) 3000-0101.'"""
    quem = reg.usuario or "alguém"
    alvo = NOMES_TABELAS.get(reg.tabela, reg.tabela)
    if reg.tabela == "configuracoes" and rotulo:
        alvo = rotulo  # the setting's own label already says what it is
    elif rotulo:
        alvo = f"{alvo} {rotulo}"
    texto = f"{quem} {OPERACOES[reg.operacao]} {alvo}"
    if reg.operacao == "alteracao":
        mudancas = [
            f"{rotulo_campo(c)}: {_curto(a)} → {_curto(d)}" for c, a, d in reg.campos_alterados()
        ]
        texto += ": " + "; ".join(mudancas) if mudancas else ""
    return texto + "."
