"""Error types whose messages are written for the user, in Portuguese."""


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
