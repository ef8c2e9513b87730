"""Gap checks on a network: what is missing or stale in the flow, and where to fix it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date
from functools import cache

from pacto.domain.catalog import ler_toml
from pacto.domain.fluxos import finalidades_sem_fluxo
from pacto.domain.network import RedeCompleta
from pacto.domain.text import chave_comparacao, tem_caracteres_proibidos

DIAS_CONFIRMACAO = 90


@dataclass(frozen=True)
class Lacuna:
    """One finding: what is wrong, about what, and which screen fixes it."""

    codigo: str
    mensagem: str
    onde: str
    referencia: str = ""
    gravidade: str = "alerta"

    def como_dict(self) -> dict:
        """The finding as a plain dict (shallow: every field is a string), for JSON and the Painel."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def etapas_sem_responsavel(rc: RedeCompleta) -> list[Lacuna]:
    """Stages of each flow where no institution has a duty."""
    achados = []
    cobertas = {(a.fluxo_id, a.etapa_id) for a in rc.atribuicoes}
    for fluxo in rc.fluxos:
        for etapa in rc.etapas_ordenadas:
            if (fluxo.id, etapa.id) not in cobertas:
                sufixo = f" no fluxo “{fluxo.nome}”" if len(rc.fluxos) > 1 else ""
                achados.append(
                    Lacuna(
                        "etapa_sem_responsavel",
                        f"{etapa.nome}: nenhuma instituição responsável{sufixo}.",
                        "Rede › Atribuições",
                        etapa.nome,
                        "grave",
                    )
                )
    return achados


def sem_ponto_focal_titular(rc: RedeCompleta) -> list[Lacuna]:
    """Institutions with a duty in the flow but no titular focal point.

    National services (Disque 100, Ligue 180) answer to the whole country and name no
    focal point to a local network, so they are left out.
    """
    achados = []
    for inst_id in sorted(rc.etapas_por_instituicao, key=lambda i: rc.instituicao_por_id[i].nome):
        inst = rc.instituicao_por_id[inst_id]
        if inst.esfera != "nacional" and rc.titular(inst_id) is None:
            achados.append(
                Lacuna(
                    "sem_titular",
                    f"{inst.sigla}: sem ponto focal titular.",
                    "Rede › Pontos focais",
                    inst.sigla,
                )
            )
    return achados


def pontos_focais_desatualizados(rc: RedeCompleta, hoje: date) -> list[Lacuna]:
    """Focal points never confirmed, or not confirmed for more than 90 days."""
    achados = []
    for ponto in sorted(rc.pontos_focais, key=lambda p: (p.instituicao_id, p.papel != "titular")):
        dias = ponto.dias_sem_confirmacao(hoje)
        if dias is not None and dias <= DIAS_CONFIRMACAO:
            continue
        sigla = rc.instituicao_por_id[ponto.instituicao_id].sigla
        quando = "nunca confirmado" if dias is None else f"sem confirmação há {dias} dias"
        achados.append(
            Lacuna(
                "ponto_focal_desatualizado",
                f"{sigla}: ponto focal {ponto.papel} ({ponto.nome}) {quando}.",
                "Rede › Pontos focais",
                sigla,
            )
        )
    return achados


def encaminhamentos_sem_atribuicao(rc: RedeCompleta) -> list[Lacuna]:
    """Referrals to an institution with no duty at the origin's stage or a later one."""
    ordens: dict[tuple[int, int], list[int]] = defaultdict(list)
    for atr in rc.atribuicoes:
        ordens[(atr.fluxo_id, atr.instituicao_id)].append(rc.etapa_por_id[atr.etapa_id].ordem)
    achados = []
    for enc in rc.encaminhamentos:
        origem = rc.instituicao_por_id[enc.origem_id]
        destino = rc.instituicao_por_id[enc.destino_id]
        de = ordens.get((enc.fluxo_id, enc.origem_id), [])
        para = ordens.get((enc.fluxo_id, enc.destino_id), [])
        if not para:
            motivo = "não tem atribuição no fluxo"
        elif de and max(para) < min(de):
            motivo = "só tem atribuições em etapas anteriores às de quem encaminha"
        else:
            continue
        achados.append(
            Lacuna(
                "encaminhamento_sem_atribuicao",
                f"Encaminhamento {origem.sigla} → {destino.sigla}: {destino.sigla} {motivo}.",
                "Rede › Encaminhamentos",
                f"{origem.sigla} → {destino.sigla}",
                "aviso",
            )
        )
    return achados


def sem_forma_de_contato(rc: RedeCompleta) -> list[Lacuna]:
    """Institutions that cannot be reached quickly: no phone, e-mail or site, nor a focal point's."""
    achados = []
    for inst in sorted(rc.instituicoes, key=lambda i: i.nome):
        pontos = rc.pontos_por_instituicao.get(inst.id, [])
        if inst.telefone or inst.email or inst.site or any(p.telefone or p.email for p in pontos):
            continue
        achados.append(
            Lacuna(
                "sem_contato",
                f"{inst.sigla}: nenhuma forma de contato (telefone, e-mail, site ou ponto focal "
                "com contato).",
                "Rede › Atores",
                inst.sigla,
            )
        )
    return achados


def provaveis_duplicatas(rc: RedeCompleta) -> list[Lacuna]:
    """Institutions that are likely the same: equal acronyms or names once accents and case go."""
    achados = []
    for campo, rotulo in (("sigla", "sigla"), ("nome", "nome")):
        grupos: dict[str, list] = defaultdict(list)
        for inst in rc.instituicoes:
            grupos[chave_comparacao(getattr(inst, campo))].append(inst)
        for insts in grupos.values():
            if len(insts) > 1:
                siglas = ", ".join(sorted(i.sigla for i in insts))
                achados.append(
                    Lacuna(
                        "possivel_duplicata",
                        f"Possível duplicata ({rotulo} igual): {siglas}.",
                        "Rede › Atores",
                        siglas,
                        "aviso",
                    )
                )
    return achados


def textos_com_caracteres_invisiveis(rc: RedeCompleta) -> list[Lacuna]:
    """Records whose text holds control characters, written before pacto refused them.

    Documents and spreadsheets leave those characters out; the finding says where to retype.
    """

    def sujo(*textos) -> bool:
        return tem_caracteres_proibidos("\n".join(t for t in textos if isinstance(t, str)))

    registros = [rc.rede, *rc.fluxos, *rc.instituicoes, *rc.pontos_focais, *rc.atribuicoes]
    if not sujo(*(v for r in (*registros, *rc.encaminhamentos) for v in vars(r).values())):
        return []  # one scan of the whole network: the usual case
    achados = []
    if sujo(rc.rede.nome, rc.rede.municipio) or any(sujo(f.nome) for f in rc.fluxos):
        achados.append(("a rede ou o nome do fluxo", "Rede"))
    pontos = {p.instituicao_id for p in rc.pontos_focais if sujo(*vars(p).values())}
    textos = {a.instituicao_id for a in rc.atribuicoes if sujo(a.texto)}
    textos |= {e.origem_id for e in rc.encaminhamentos if sujo(e.condicao, e.prazo)}
    for inst in rc.instituicoes:
        if sujo(*vars(inst).values()) or inst.id in pontos or inst.id in textos:
            achados.append((inst.sigla, "Rede › Atores"))
    return [
        Lacuna(
            "caracteres_invisiveis",
            f"{quem}: há texto com caracteres de controle invisíveis (gravado antes de o pacto "
            "recusá-los); documentos e planilhas saem sem eles. Digite o trecho de novo.",
            onde,
            quem,
            "aviso",
        )
        for quem, onde in achados
    ]


def finalidades_fora_dos_fluxos(rc: RedeCompleta) -> list[Lacuna]:
    """Purposes of art. 149-A that no flow covers: a case of that kind has no pathway."""
    return [
        Lacuna(
            "finalidade_sem_fluxo",
            f"{f.nome} (art. 149-A, {f.inciso}): a finalidade não está em nenhum fluxo.",
            "pacto fluxo editar",
            f.chave,
            "aviso",
        )
        for f in finalidades_sem_fluxo(rc.fluxos)
        if f.chave not in rc.fluxos_externos  # covered by an external flow: no gap
    ]


@cache
def _cobertura() -> dict:
    return ler_toml("cobertura.toml")


def _do_setor(inst, regra: dict) -> bool:
    """True when an institution counts for a sector: by its type, or by words in its sector or name."""
    if inst.tipo in regra.get("tipos", ()):
        return True
    texto = chave_comparacao(f"{inst.setor} {inst.nome}")
    return any(chave_comparacao(p) in texto for p in regra.get("palavras", ()))


def setores_sem_ponto_focal(rc: RedeCompleta) -> list[Lacuna]:
    """The four policy sectors (Assistência Social, Saúde, Educação, Segurança) and a
    gender-sensitive service, each needing someone in the flow (booklet, roadmap step 9)."""
    no_fluxo = [
        rc.instituicao_por_id[i]
        for i in rc.etapas_por_instituicao
        if getattr(rc.instituicao_por_id[i], "papel", "fluxo") != "apoio"
    ]
    if not no_fluxo:
        return []  # an empty flow: the stages without anyone already say it all
    achados = []
    for setor in _cobertura().get("setores", []):
        do_setor = [i for i in no_fluxo if _do_setor(i, setor)]
        if not do_setor:
            texto = "nenhuma instituição do setor atua no fluxo"
        elif not any(rc.titular(i.id) for i in do_setor):
            texto = "nenhuma instituição do setor no fluxo tem ponto focal titular"
        else:
            continue
        achados.append(
            Lacuna(
                "setor_sem_ponto_focal",
                f"{setor['nome']}: {texto} (cartilha, etapa 9: pontos focais das políticas).",
                "Rede › Pontos focais",
                setor["nome"],
                "aviso",
            )
        )
    genero = _cobertura().get("genero")
    if genero and not any(_do_setor(i, genero) for i in no_fluxo):
        achados.append(
            Lacuna(
                "sem_servico_genero",
                "Nenhum serviço com atendimento sensível a gênero (mulheres, pessoas LGBTQIA+) "
                "atua no fluxo.",
                "Rede › Atribuições",
                "gênero",
                "aviso",
            )
        )
    return achados


def verificar(rc: RedeCompleta, hoje: date | None = None) -> list[Lacuna]:
    """Run every gap check, most serious first."""
    hoje = hoje or date.today()
    achados = (
        etapas_sem_responsavel(rc)
        + sem_ponto_focal_titular(rc)
        + sem_forma_de_contato(rc)
        + pontos_focais_desatualizados(rc, hoje)
        + encaminhamentos_sem_atribuicao(rc)
        + provaveis_duplicatas(rc)
        + textos_com_caracteres_invisiveis(rc)
        + finalidades_fora_dos_fluxos(rc)
        + setores_sem_ponto_focal(rc)
    )
    ordem = {"grave": 0, "alerta": 1, "aviso": 2}
    return sorted(achados, key=lambda lacuna: ordem[lacuna.gravidade])
