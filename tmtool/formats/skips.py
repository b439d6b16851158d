"""What a reader does with a unit or entry it cannot use, the same for every format.

A file that is not what it claims to be (malformed XML, a wrong encoding, hostile input, another
format) is refused whole: :class:`~tmtool.errors.TmtoolError`. A well-formed file may still hold
units or entries that cannot be used — a TMX ``<tu>`` without its source ``<tuv>``, a TBX entry
without any term, a TSV line with no tab. A reader passes over such an item and tells its
``on_skip`` callback where and why with a :class:`Skipped`, then reads on (code deep inside a
reader raises :class:`Unusable`, which the reader's loop turns into the notice).

A value inside an item that cannot be used where the format puts it (a bad date in a termbase entry's
history) does not lose the item: the reader keeps the value as written (a line of the entry's note) and
says so with :func:`tell_kept`, a notice naming the line.

The default callback, :func:`refuse`, turns the first notice into the error, so that a caller who
did not ask for leniency gets none (``tmtool import --strict``). ``tmtool import`` without it gives
``list.append``, imports the rest, and reports what it passed over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

from ..errors import Invalid, TmtoolError


@dataclass(frozen=True, slots=True)
class Skipped:
    """A unit or entry a reader passed over: the file, the line it starts on, and why."""

    reason: str
    path: str | None = None
    line: int | None = None

    def error(self) -> Invalid:
        return Invalid(self.reason, path=self.path, line=self.line)

    def __str__(self) -> str:
        return str(self.error())


OnSkip = Callable[[Skipped], None]


class Unusable(Exception):
    """Raised, inside a reader, by the code reading one unit or entry that cannot be used; the
    reader catches it and tells ``on_skip``."""

    def __init__(self, reason: str, line: int | None):
        super().__init__(reason)
        self.reason = reason
        self.line = line

    def skipped(self, path: str | None) -> Skipped:
        return Skipped(self.reason, path, self.line)


def refuse(skipped: Skipped) -> NoReturn:
    """The strict handler: an unusable item refuses the whole file."""
    raise skipped.error()


def tell_kept(reason: str, path: str | None, line: int | None) -> None:
    """Say that a value a reader could not use was kept as written, its item read all the same."""
    logging.getLogger("tmtool.formats").info("%s", TmtoolError(reason, path=path, line=line))


def history_date(kind: str, written: str, unread: list[str], path: str | None, line: int | None) -> datetime | None:
    """The date of a termbase entry's origination or modification (``kind``), ``written`` in ISO 8601; None if
    it is not, kept as written as a line of the entry's note (``unread``) and told (:func:`tell_kept`): the
    entry's terms are not lost for it (TBX, MultiTerm)."""
    try:
        return datetime.fromisoformat(written) if written else None
    except ValueError:
        unread.append(f"{kind} date: {written}")
        tell_kept(f"invalid date {written!r} (expected ISO 8601, e.g. 2021-07-13): kept in the entry's note",
                  path, line)
        return None
