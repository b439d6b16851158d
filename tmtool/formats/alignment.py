"""Plain outputs of an alignment: TSV and JSON units, and beads in the gold-set format."""

from __future__ import annotations

import json
from typing import IO, Iterable

from ..model import Bead, Segment


def _cell(text: str) -> str:
    # a TSV cell cannot hold a tab or a line break; segments rarely do, and a space keeps them readable
    return " ".join(text.split("\t")).replace("\r", " ").replace("\n", " ")


def write_beads(beads: Iterable[Bead], out: IO[str]) -> None:
    """One bead a line, ``[0, 1]:[2]`` with 0-based sentence indices (the shared gold format)."""
    for bead in beads:
        out.write(bead.gold_format() + "\n")


def write_pairs_tsv(beads: Iterable[Bead], src: list[Segment], tgt: list[Segment], out: IO[str]) -> None:
    """``source<TAB>target`` a bead a line; 1-0 and 0-1 beads leave one side empty."""
    for bead in beads:
        source = " ".join(src[i].text for i in bead.src)
        target = " ".join(tgt[i].text for i in bead.tgt)
        out.write(f"{_cell(source)}\t{_cell(target)}\n")


def write_pairs_json(beads: Iterable[Bead], src: list[Segment], tgt: list[Segment], out: IO[str]) -> None:
    """A JSON array, a bead an object, with indices, texts, bead type and confidence."""
    records = [
        {
            "src": list(bead.src),
            "tgt": list(bead.tgt),
            "bead": bead.kind,
            "confidence": round(bead.confidence, 4),
            "paragraph": src[bead.src[0]].paragraph if bead.src else tgt[bead.tgt[0]].paragraph,
            "source": " ".join(src[i].text for i in bead.src),
            "target": " ".join(tgt[i].text for i in bead.tgt),
        }
        for bead in beads
    ]
    json.dump(records, out, ensure_ascii=False, indent=1)
    out.write("\n")
