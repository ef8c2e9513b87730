"""Error types whose messages are written for the user, in Portuguese."""

import errno

# Why a file operation failed, in the user's words (the system's own text is in English).
MOTIVOS_OS = {
    errno.ENOSPC: "disco cheio",
    errno.EDQUOT: "cota de disco esgotada",
    errno.EACCES: "sem permissão",
    errno.EPERM: "sem permissão",
    errno.EROFS: "disco somente leitura",
    errno.ENOENT: "a pasta não existe",
    errno.ENAMETOOLONG: "nome de arquivo longo demais",
    errno.ENOTDIR: "parte do caminho é um arquivo, não uma pasta",
    errno.EISDIR: "é uma pasta",
    errno.EEXIST: "o arquivo já existe",
    errno.EBUSY: "o arquivo está em uso",
    errno.ETXTBSY: "o arquivo está em uso",
    errno.EIO: "erro de leitura ou gravação no disco",
    errno.ELOOP: "o caminho tem atalhos (links) em ciclo",
    errno.EMFILE: "arquivos abertos demais",
    errno.EXDEV: "origem e destino estão em discos diferentes",
    errno.EFBIG: "o arquivo passou do tamanho máximo permitido pelo sistema",
}


# Windows refuses to replace or delete a file another program holds open (a Termo open in Word):
# ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33) arrive as PermissionError.
ABERTO_EM_OUTRO_PROGRAMA = (
    "o arquivo está aberto em outro programa (por exemplo, no Word): feche-o e tente de novo"
)
_WINERROR_EM_USO = {32, 33}


def motivo_os(erro: OSError) -> str:
    """A short Portuguese reason for a failed file operation, such as 'sem permissão'."""
    if getattr(erro, "winerror", None) in _WINERROR_EM_USO:
        return ABERTO_EM_OUTRO_PROGRAMA
    if erro.errno in MOTIVOS_OS:
        return MOTIVOS_OS[erro.errno]
    codigo = errno.errorcode.get(erro.errno) if erro.errno is not None else None
    return f"erro do sistema operacional ({codigo})" if codigo else "erro do sistema operacional"


class PactoErro(Exception):
    """Base error: its message is shown to the user as is."""

    @property
    def mensagem(self) -> str:
        return str(self.args[0]) if self.args else ""


class ErroValidacao(PactoErro):
    """Input that breaks a domain rule; carries every problem found, not only the first."""

    def __init__(self, problemas: list[str] | str):
        if isinstance(problemas, str):
            problemas = [problemas]
        self.problemas = list(problemas)
        frases = all(p.rstrip().endswith((".", "!", "?")) for p in self.problemas)
        super().__init__((" " if frases else "; ").join(self.problemas))


class ErroWorkspace(PactoErro):
    """A workspace file that cannot be used: missing, foreign, damaged, newer or locked."""


class ErroImportacao(PactoErro):
    """A bundle or spreadsheet that cannot be imported; nothing was written."""


class ErroDocumento(PactoErro):
    """A document that cannot be generated: a broken template, missing data or a failed conversion."""


class ErroConflito(PactoErro):
    """A record changed or removed by someone else since the editor loaded it; nothing was written.

    `atual` is the stored version now (None when the record was removed), so the front end can
    show it next to the editor's own version and let them choose.
    """

    def __init__(self, o_que: str, atual: object = None, removido: bool = False):
        self.o_que = o_que
        self.atual = atual
        self.removido = removido
        verbo = "removeu" if removido else "alterou"
        super().__init__(f"Outra pessoa {verbo} {o_que} enquanto você editava. Nada foi gravado.")


class ErroPrivacidade(ErroValidacao):
    """Text that looks like a victim's personal data in a field where it does not belong.

    `violacoes` names each field and passage; nothing was written. The user may insist
    (`--mesmo-assim` in the CLI, “Manter” in the interface).
    """

    def __init__(self, problemas: list[str] | str, violacoes: list | None = None):
        super().__init__(problemas)
        self.violacoes = list(violacoes or [])
