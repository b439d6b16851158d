"""The ranked term list written by ``tmtool extract``: TSV (header row) or JSON."""

from __future__ import annotations

import json
from typing import IO, Sequence

from ..model import Context, Entry

TSV_COLUMNS = ("term", "score", "frequency", "forms")


def _cell(text: str) -> str:
    return " ".join(text.split())  # a tab or newline inside a cell would break the row


def write_tsv(entries: Sequence[Entry], out: IO[str], lang: str = "fr") -> None:
    """One row per term in ``lang`` (fr or en; an acronym and its full form are rows of their own); forms
    joined by |."""
    out.write("\t".join(TSV_COLUMNS) + "\n")
    for entry in entries:
        for term in entry.terms_in(lang):
            forms = "|".join(_cell(f) for f in term.forms)
            out.write(f"{_cell(term.text)}\t{entry.score:.4f}\t{entry.frequency}\t{forms}\n")


def write_json(entries: Sequence[Entry], out: IO[str], lang: str = "fr") -> None:
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
            "contexts": [{lang: _sentence(c, lang), "document": c.document} for c in entry.contexts],
        }
        for entry in entries
        for term in entry.terms_in(lang)
    ]
    json.dump(records, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _sentence(context: Context, lang: str) -> str:
    """A context's sentence in ``lang``: an English extraction's is its ``en`` (``terms.pivot``)."""
    return context.en if lang == "en" else context.fr
