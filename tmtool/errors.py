"""The one exception type the CLI turns into a one-line message and a non-zero exit, and its four
kinds, which callers (the CLI, the HTTP API, scripts) tell apart: what is asked for does not exist,
it changed under the caller, the input is wrong, or the store cannot answer now."""


class TmtoolError(Exception):
    """A problem with the user's input or environment, explained in one line.

    ``path`` and ``line`` name where the problem is, when known, so the message can say so.
    ``exit_code`` is the CLI's exit status for it.
    """

    exit_code = 1

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


# what a write refused for want of space says (the write is undone or never made: nothing half-written)
DISK_FULL = "the disk is full, nothing was written: free some space on it and run the command again"


class NotFound(TmtoolError):
    """What is asked for is not in the store: an entry, a change, a document, an import."""


class Conflict(TmtoolError):
    """The request contradicts the store's current state: an entry changed since the caller read
    it (a stale version), a change already reverted or reviewed again since."""

    # apart from bad input: a script can read the entry again and retry
    exit_code = 3


class Invalid(TmtoolError):
    """The input is wrong: a file, an option, a value out of range."""


class Unavailable(TmtoolError):
    """The store cannot do it now, whatever the input: its server refused or lost the connection,
    cancelled the command or is short of resources, another program holds its write lock, its disk is
    full. Nothing was written; the same request may succeed once the cause is dealt with (the HTTP
    API's 503)."""
