"""The one exception type the CLI turns into a one-line message and a non-zero exit, and its four
kinds, which callers (the CLI, the HTTP API, scripts) tell apart: what is asked for does not exist,
it changed under the caller, the input is wrong, or the store cannot answer now."""

import re
from collections.abc import Callable


class TmtoolError(Exception):
    """A problem with the user's input or environment, explained in one line.

    ``path`` and ``line`` name where the problem is, when known, so the message can say so.
    ``exit_code`` is the CLI's exit status for it. ``options``: the settings the message names, written
    in it as the HTTP API takes them, a query parameter or a form field (``srclang``, ``langs=all``); a
    front end that names them otherwise says the message through :meth:`naming` (the CLI: ``--srclang``,
    ``--langs all``), so that no one is told of an option their front end does not have.

    >>> error = Invalid("no tab: expected source<TAB>target", path="terms.tsv", line=3)
    >>> str(error), error.exit_code, isinstance(error, TmtoolError)
    ('terms.tsv:3: no tab: expected source<TAB>target', 1, True)
    >>> Invalid("tsv holds two languages, not langs=all", options=("langs=all",)).naming(
    ...     lambda name, value: f"--{name} {value}")
    'tsv holds two languages, not --langs all'
    >>> Conflict("entry 1 was changed by someone else").exit_code
    3
    """

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 options: tuple[str, ...] = (), commands: tuple[str, ...] = ()):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.options = options
        self.commands = commands

    def __str__(self) -> str:
        return self._where() + self.message

    def naming(self, option: Callable[[str, str], str]) -> str:
        """``str()`` of the error with each of its ``options`` as ``option(name, value)`` names it (``value``
        '' for an option given without one)."""
        message = self.message
        for setting in self.options:
            name, _, value = setting.partition("=")
            message = re.sub(rf"(?<![\w-]){re.escape(setting)}(?![\w=-])", lambda _: option(name, value), message)
        return self._where() + message

    def _where(self) -> str:
        if not self.path:
            return ""
        return f"{self.path}:{self.line}: " if self.line else f"{self.path}: "


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


class ReadOnly(Unavailable):
    """The store may be read but not changed by whoever opened it: a file read-only for them (SQLite), a role
    granted only SELECT on its tables (PostgreSQL). Nothing was written; what only reads it works."""
