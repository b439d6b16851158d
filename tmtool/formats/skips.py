"""What a reader does with a unit or entry it cannot use, the same for every format.

A file that is not what it claims to be (malformed XML, a wrong encoding, hostile input, another
format) is refused whole: :class:`~tmtool.errors.TmtoolError`. A well-formed file may still hold
units or entries that cannot be used — a TMX ``<tu>`` without its source ``<tuv>``, a TBX entry
without any term, a TSV line with no tab. A reader passes over such an item and tells its
``on_skip`` callback where and why with a :class:`Skipped`, then reads on.

The default callback, :func:`refuse`, turns the first notice into the error, so that a caller who
did not ask for leniency gets none (``tmtool import --strict``). ``tmtool import`` without it gives
``list.append``, imports the rest, and reports what it passed over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

from ..errors import TmtoolError


@dataclass(frozen=True, slots=True)
class Skipped:
    """A unit or entry a reader passed over: the file, the line it starts on, and why."""

    reason: str
    path: str | None = None
    line: int | None = None

    def error(self) -> TmtoolError:
        return TmtoolError(self.reason, path=self.path, line=self.line)

    def __str__(self) -> str:
        return str(self.error())


OnSkip = Callable[[Skipped], None]


def refuse(skipped: Skipped) -> NoReturn:
    """The strict handler: an unusable item refuses the whole file."""
    raise skipped.error()
