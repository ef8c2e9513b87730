"""What importing a bundle would change in a workspace, told before anything is written.

Two facilitators on two machines exchange JSON bundles; before one replaces the other's work,
`pacto importar --comparar` shows the flow's changes in the same words as `pacto versao diff`,
and how many records of each other section each side holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pacto.domain.text import plural
from pacto.domain.versions import Mudanca, conteudo_canonico, diferencas

_SECOES_DA_REDE = {
    "reunioes": "reuniões",
    "presencas": "presenças",
    "deliberacoes": "deliberações",
    "acoes": "ações",
    "sugestoes": "sugestões",
}


@dataclass
class Comparacao:
    """The flow's changes from the workspace to the bundle, and the sizes of every other section."""

    mudancas: list[Mudanca]
    secoes: list[tuple[str, int, int]] = field(default_factory=list)  # (name, here, bundle)
    versoes: tuple[int, int] = (0, 0)

    @property
    def igual(self) -> bool:
        return (
            not self.mudancas
            and all(a == b for _, a, b in self.secoes)
            and (self.versoes[0] == self.versoes[1])
        )


def comparar_pacote(ws, origem: str | Path) -> Comparacao:
    """Read and validate the bundle, then compare it with the workspace; writes nothing."""
    from pacto.services.bundle import NOMES_SECOES, _ler_json, desmontar, desmontar_versoes, extras

    dados = _ler_json(origem)
    rc_pacote = desmontar(dados)
    versoes_pacote = desmontar_versoes(dados)
    rc_atual = ws.carregar()
    mudancas = diferencas(conteudo_canonico(rc_atual), conteudo_canonico(rc_pacote))
    secoes = [
        (rotulo, len(getattr(rc_atual, nome)), len(getattr(rc_pacote, nome)))
        for nome, rotulo in _SECOES_DA_REDE.items()
    ]
    atuais = ws.linhas_extras()
    do_pacote = extras(dados)
    for tabela in sorted(set(atuais) | set(do_pacote)):
        if tabela == "configuracoes":
            continue  # settings are machine-local or derived; not the network's content
        secoes.append(
            (
                NOMES_SECOES.get(tabela, tabela),
                len(atuais.get(tabela, [])),
                len(do_pacote.get(tabela, [])),
            )
        )
    return Comparacao(mudancas, secoes, (len(ws.versoes()), len(versoes_pacote)))


def linhas_resumo(comparacao: Comparacao) -> list[str]:
    """The comparison as lines for the terminal, in Portuguese."""
    from pacto.domain.versions import agrupar, resumir

    if comparacao.igual:
        return ["O pacote tem o mesmo conteúdo deste workspace: nada mudaria."]
    linhas = ["Do workspace para o pacote:"]
    if comparacao.mudancas:
        linhas.append(resumir(comparacao.mudancas))
        for categoria, mudancas in agrupar(comparacao.mudancas).items():
            linhas.append(f"  {categoria}")
            linhas += [f"    · {m.texto}" for m in mudancas]
    else:
        linhas.append("O fluxo (rede, instituições, atribuições, encaminhamentos) é o mesmo.")
    aqui, la = comparacao.versoes
    if aqui != la:
        linhas.append(
            f"Versões congeladas: {plural(aqui, 'versão', 'versões')} aqui, {la} no pacote."
        )
    diferentes = [(n, a, b) for n, a, b in comparacao.secoes if a != b]
    if diferentes:
        linhas.append("Outros registros (aqui → no pacote):")
        linhas += [f"  · {nome}: {a} → {b}" for nome, a, b in diferentes]
    return linhas
