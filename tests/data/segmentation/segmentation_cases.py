"""Reader of the hand-written segmentation cases (``fr.txt``, ``en.txt``), shared by tests and bench.

A case is a line ``> paragraph`` followed by one line per expected segment; a blank line ends it.
Lines starting with ``#`` are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent
LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Case:
    paragraph: str
    expected: tuple[str, ...]
    line: int  # where the case starts in its file


def read_cases(lang: str) -> list[Case]:
    path = CASES_DIR / f"{lang}.txt"
    cases: list[Case] = []
    paragraph, expected, start = None, [], 0
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate([*lines, ""], 1):
        if line.startswith("#"):
            continue
        if line.startswith("> "):
            paragraph, expected, start = line[2:], [], number
        elif line:
            if paragraph is None:
                raise ValueError(f"{path}:{number}: expected segment outside a case")
            expected.append(line)
        elif paragraph is not None:
            if not expected:
                raise ValueError(f"{path}:{start}: case without expected segments")
            cases.append(Case(paragraph, tuple(expected), start))
            paragraph = None
    return cases
