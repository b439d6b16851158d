"""Gold alignments: the one-bead-a-line format of the shared sets, and the published metric.

Strict: a predicted bead with both sides non-empty counts when it equals a gold bead; lax: when it
shares at least one source and one target sentence with one. Recall is the same with gold and
prediction swapped. ``Scores`` holds counts, so that documents can be pooled by adding them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from ..errors import Invalid
from ..model import Bead

_LINE = re.compile(r"^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]$")


def read_beads(path: str | Path) -> list[Bead]:
    """Beads from a file of ``[0, 1]:[2]`` lines (blank lines are skipped)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise Invalid(f"not UTF-8 text ({exc.reason})", path=str(path)) from None
    return parse_beads(text, path=str(path))


def parse_beads(text: str, *, path: str | None = None) -> list[Bead]:
    """Beads from ``[0, 1]:[2]`` lines; ``path`` only names the source in error messages."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LINE.match(line.strip())
        if not match:
            raise Invalid(f"not a bead (expected e.g. [0, 1]:[2]): {line.strip()[:60]!r}", path=path, line=number)
        src, tgt = (tuple(int(x) for x in group.replace(",", " ").split()) for group in match.groups())
        if not src and not tgt:
            raise Invalid("a bead with no sentence on either side", path=path, line=number)
        beads.append(Bead(src, tgt))
    return beads


def format_beads(beads: list[Bead]) -> str:
    """The gold format, one bead a line, with a final newline (empty for no beads)."""
    return "".join(bead.gold_format() + "\n" for bead in beads)


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts behind strict and lax precision and recall; add two to pool them."""

    predicted: int = 0  # predicted beads with both sides non-empty
    gold: int = 0  # gold beads with both sides non-empty
    strict_right: int = 0  # of those predicted, equal to a gold bead (so also gold beads found)
    lax_predicted_right: int = 0
    lax_gold_found: int = 0

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def strict(self) -> tuple[float, float, float]:
        """(precision, recall, F1) with exact bead equality."""
        return _prf(self.strict_right, self.predicted, self.strict_right, self.gold)

    @property
    def lax(self) -> tuple[float, float, float]:
        """(precision, recall, F1) where sharing a sentence on each side is enough."""
        return _prf(self.lax_predicted_right, self.predicted, self.lax_gold_found, self.gold)


def evaluate(pred: list[Bead], gold: list[Bead]) -> Scores:
    """Score a predicted alignment against a gold one (1-0 and 0-1 beads are not counted)."""
    pred_links = [b for b in pred if b.src and b.tgt]
    gold_links = [b for b in gold if b.src and b.tgt]
    gold_set = {(b.src, b.tgt) for b in gold_links}
    strict = sum((b.src, b.tgt) in gold_set for b in pred_links)
    return Scores(
        predicted=len(pred_links),
        gold=len(gold_links),
        strict_right=strict,
        lax_predicted_right=_sharing(pred_links, gold_links),
        lax_gold_found=_sharing(gold_links, pred_links),
    )


def _sharing(beads: list[Bead], others: list[Bead]) -> int:
    """How many of ``beads`` share a source and a target sentence with one bead of ``others``."""
    by_source: dict[int, list[int]] = {}
    for number, other in enumerate(others):
        for i in other.src:
            by_source.setdefault(i, []).append(number)
    count = 0
    for bead in beads:
        candidates = {number for i in bead.src for number in by_source.get(i, ())}
        count += any(set(bead.tgt) & set(others[number].tgt) for number in candidates)
    return count


def _prf(right_p: int, predicted: int, right_r: int, gold: int) -> tuple[float, float, float]:
    precision = right_p / predicted if predicted else 0.0
    recall = right_r / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
