"""The ranked term list written by ``tmtool extract``: TSV (header row) or JSON."""

from __future__ import annotations

import json
from typing import IO, Sequence

from ..model import Entry

TSV_COLUMNS = ("term", "score", "frequency", "forms")


def _cell(text: str) -> str:
    return " ".join(text.split())  # a tab or newline inside a cell would break the row


def write_tsv(entries: Sequence[Entry], out: IO[str]) -> None:
    """One row per French term (an acronym and its full form are rows of their own); forms joined by |."""
    out.write("\t".join(TSV_COLUMNS) + "\n")
    for entry in entries:
        for term in entry.terms_in("fr"):
            forms = "|".join(_cell(f) for f in term.forms)
            out.write(f"{_cell(term.text)}\t{entry.score:.4f}\t{entry.frequency}\t{forms}\n")


def write_json(entries: Sequence[Entry], out: IO[str]) -> None:
    records = [
        {
            "term": term.text,
            "score": entry.score,
            "frequency": entry.frequency,
            "forms": term.forms,
            "lemma": term.lemma,
            "pos": term.pos,
            "gender": term.gender,
            "term_type": term.term_type.value,
            "contexts": [{"fr": c.fr, "document": c.document} for c in entry.contexts],
        }
        for entry in entries
        for term in entry.terms_in("fr")
    ]
    json.dump(records, out, ensure_ascii=False, indent=1)
    out.write("\n")
