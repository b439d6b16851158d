"""The one exception type the CLI turns into a one-line message and a non-zero exit."""


class TmtoolError(Exception):
    """A problem with the user's input or environment, explained in one line.

    ``path`` and ``line`` name where the problem is, when known, so the message can say so.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
