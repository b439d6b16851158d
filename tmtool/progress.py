"""Progress of long jobs: the library reports steps through a callback, the command line shows them.

A library function that may run for more than a second takes ``progress: Progress | None`` and calls
it with a :class:`Step` now and then. :func:`progress_bar` gives a command that callback: a click
progress bar on stderr when stderr is a terminal and ``--quiet`` was not given, else nothing — the
command prints its one-line summary either way.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO, TypeVar

T = TypeVar("T")

# A notice (a record of the ``tmtool`` logger) advising a tmtool command names it in this attribute of the record,
# as its message writes it (``extra={NOTICE_COMMANDS: ("tmtool remove visite",)}``): a front end working on a
# store it was given says the command with that store (the command line: ``tmtool --db team.db remove visite``),
# so that the command works as shown
NOTICE_COMMANDS = "tmtool_commands"

# an estimate of the time left made from the first seconds or the first few percent swings wildly
ETA_AFTER_FRACTION = 0.1
ETA_AFTER_SECONDS = 5.0
REDRAW_EVERY_S = 0.1  # a job may report thousands of steps a second; a terminal needs ten
_BAR_STEPS = 1000  # the bar's own scale: permille of the job
_ITEM_WIDTH = 40  # a long file name is cut so that the line fits a terminal
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Step:
    """How far a job is. ``done`` out of ``total`` (in the job's own measure: bytes read, pairs,
    units written) fill the bar and give the time left; ``count`` is what the rate is given in
    (units read, sentences aligned); ``item`` is what the job is on (a file name)."""

    done: float
    total: float
    count: int = 0
    item: str = ""


Progress = Callable[[Step], None]


def counted(items: Iterable[T], progress: Progress | None, step: Callable[[int], Step],
            every: int = 100) -> Iterable[T]:
    """``items``, reporting ``step(count of items so far)`` every ``every`` items and at the end
    (``items`` itself when there is no ``progress`` to report to)."""
    return items if progress is None else _counting(items, progress, step, every)


def _counting(items: Iterable[T], progress: Progress, step: Callable[[int], Step], every: int) -> Iterator[T]:
    count = 0
    for count, item in enumerate(items, 1):
        yield item
        if count % every == 0:
            progress(step(count))
    progress(step(count))


class Bar:
    """Draws the steps of one job on a terminal: label, bar, percentage or ``done/total NOUN``
    (``of``), the item, the count and rate of ``noun``, and the time left once it can be trusted."""

    def __init__(self, label: str, noun: str, *, of: str | None = None, eta: bool = True,
                 file: TextIO, clock: Callable[[], float] = time.monotonic):
        import click

        self.noun, self.of, self.eta, self.clock = noun, of, eta, clock
        self.started, self.drawn = clock(), float("-inf")
        self.step: Step | None = None
        self.bar = click.progressbar(length=_BAR_STEPS, label=label, file=file, show_eta=False,
                                     show_percent=of is None, item_show_func=self._info, width=20)

    def __enter__(self) -> Bar:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._draw()  # the last step, even if it came within REDRAW_EVERY_S of the one before
        self.bar.__exit__(*exc)

    def __call__(self, step: Step) -> None:
        # another item is news, drawn at once; the same one counting on ("pairing terms 12/900") is not
        new_item = self.step is None or _DIGITS.sub("", step.item) != _DIGITS.sub("", self.step.item)
        self.step = step
        if new_item or step.done >= step.total or self.clock() - self.drawn >= REDRAW_EVERY_S:
            self._draw()

    def _draw(self) -> None:
        if self.step is None:
            return
        self.drawn = self.clock()
        fraction = min(self.step.done / self.step.total, 1.0) if self.step.total else 0.0
        self.bar.pos, self.bar.current_item = round(fraction * _BAR_STEPS), self.step
        self.bar.render_progress()

    def _info(self, step: Step | None) -> str | None:
        if step is None:
            return None
        elapsed = self.clock() - self.started
        item = step.item if len(step.item) <= _ITEM_WIDTH else "…" + step.item[-_ITEM_WIDTH + 1:]
        parts = [f"{int(step.done)}/{int(step.total)} {self.of}"] if self.of else []
        parts += [item] if item else []
        parts.append(f"{step.count:,} {self.noun}")
        if elapsed > 0 and step.count:
            parts.append(f"{step.count / elapsed:,.0f}/s")
        fraction = step.done / step.total if step.total else 0.0
        if self.eta and ETA_AFTER_FRACTION <= fraction < 1 and elapsed >= ETA_AFTER_SECONDS:
            parts.append("ETA " + _duration(elapsed * (1 - fraction) / fraction))
        return "  ".join(parts)


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes:02}:{seconds:02}"


def _stderr() -> TextIO:
    # looked up at each job, not bound at import: click's test runner, and tests giving a fake
    # terminal, replace the stream
    return sys.stderr


def _stdout() -> TextIO:
    return sys.stdout


@contextmanager
def progress_bar(label: str, noun: str, *, quiet: bool, of: str | None = None, eta: bool = True,
                 to_stdout: bool = False) -> Iterator[Progress | None]:
    """The progress callback for one job of a command (see :class:`Bar`): None when ``quiet`` or
    when stderr is not a terminal (a log, a pipe), where a bar would only be noise; None too for a
    job writing ``to_stdout`` when that is the terminal, where the bar would be drawn over its lines."""
    stream = _stderr()
    if quiet or not stream.isatty() or (to_stdout and _stdout().isatty()):
        yield None
        return
    with Bar(label, noun, of=of, eta=eta, file=stream) as bar:
        yield bar


# a tmtool command a notice, an error or a note advises, written so that it runs as shown (api.advised_on): each
# of its words quoted for the shell of this platform
def _on_windows() -> bool:
    return os.name == "nt"  # apart, so that a test reads the advice as Windows says it on any platform


def shell_quoted(value: str) -> str | None:
    """``value`` as one word of a command line on this platform: POSIX shells' quoting (``shlex.quote``); on
    Windows a word both cmd and PowerShell read as written, bare or between double quotes, else None: cmd
    expands ``%`` and ``!`` inside double quotes, PowerShell ``$`` and the backtick, and ends them at a
    typographic double quote too (“ ” „), and a backslash before the closing quote escapes it."""
    if not _on_windows():
        return shlex.quote(value)
    if re.fullmatch(r"[\w.:/\\+=-]+", value):
        return value
    if not value or re.search(r'["\u201c\u201d\u201e%!$`\x00-\x1f]', value) or value.endswith("\\"):
        return None
    return f'"{value}"'
