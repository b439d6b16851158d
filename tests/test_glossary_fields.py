"""Every field of an entry and of its terms, through every glossary format of the registry, compared
field by field: what a format cannot carry is listed below with why, and the list is exact — a field
that starts to get lost fails the test, and so does one listed as lost that comes back."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime, timezone

import pytest

from tmtool.formats import registry
from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, UsageStatus

ENTRY_FIELDS = [f.name for f in fields(Entry) if f.name != "terms"]
TERM_FIELDS = [f.name for f in fields(Term)]

# What each glossary format cannot carry ("entry.FIELD", "term.FIELD"; "entry.terms": the terms
# themselves, their number and order), and why. Every format the registry writes must be listed.
CANNOT_CARRY: dict[str, dict[str, str]] = {
    "tbx": {},  # TBX-Basic, with x- notes for what it has no data category for
    "tbx-martif": {},  # the same layout under TBX 2008's element names
    "po": {},  # the CSV's record in an x-tmtool comment, beside msgid and msgstr
    "csv": {},  # the flat columns, and a details column (JSON) with the rest
    "xlsx": {},  # the CSV's columns in a workbook
    # OmegaT's glossary: source<TAB>target<TAB>comment, one pair of terms a line, nothing else
    "tsv": {
        "entry.terms": "one pair a line, read back as an entry of its own: a term without a pair of its "
                       "type, or in a third language, is not written",
        "entry.id": "no column for it",
        "entry.definition": "written into the comment, which reads back as the note",
        "entry.note": "reads back as the whole comment: definition — note",
        "entry.frequency": "no column for it",
        "entry.score": "no column for it",
        "entry.contexts": "no column for them",
        "entry.first_seen": "no column for it",
        "entry.last_seen": "no column for it",
        **{f"term.{name}": "a term is its text only" for name in
           ("pos", "gender", "lemma", "forms", "confidence", "frequency", "contexts")},
    },
}


def context(n: int) -> Context:
    return Context(f"Phrase {n} où l’EMI siège.", f"Sentence {n} where the IMS sits.", f"doc-{n}", f"doc-{n}:{n}")


def rich_entry(status: ReviewStatus) -> Entry:
    """An entry whose every field, and every field of each term, holds something other than its default."""
    return Entry(
        terms=[
            Term("État-major militaire international", "fr", pos="properNoun", gender="masculine",
                 lemma="état-major militaire international", forms=["États-majors militaires internationaux"],
                 confidence=0.5, frequency=7, contexts=[context(9)]),
            Term("EMI", "fr", pos="noun", term_type=TermType.ACRONYM, usage=UsageStatus.ADMITTED),
            Term("International Military Staff", "en", pos="properNoun", lemma="staff", confidence=0.95,
                 frequency=4, forms=["International Military Staffs"], contexts=[context(8)]),
            Term("IMS", "en", term_type=TermType.ACRONYM, usage=UsageStatus.DEPRECATED, gender="neuter"),
            Term("Internationaler Militärstab", "de", gender="masculine"),
        ],
        id="emi-1",
        status=status,
        definition="Organe exécutif du Comité militaire.",
        note="Vérifié dans NATOTerm.",
        frequency=12,
        score=3.585,
        contexts=[context(1), context(2)],
        first_seen=datetime(2021, 7, 13, 8, 0, tzinfo=timezone.utc),
        last_seen=datetime(2024, 5, 1, 9, 30, 15, tzinfo=timezone.utc),
    )


GLOSSARY_FORMATS = [fmt for fmt in registry.FORMATS if fmt.kind == registry.GLOSSARY and fmt.writer]


def test_every_glossary_format_is_listed():
    assert sorted(CANNOT_CARRY) == sorted(fmt.name for fmt in GLOSSARY_FORMATS)


def differences(original: Entry, read: Entry) -> dict[str, tuple]:
    """The fields ("entry.X", "term.X") whose value came back different: (written, read)."""
    found = {f"entry.{name}": (getattr(original, name), getattr(read, name))
             for name in ENTRY_FIELDS if getattr(original, name) != getattr(read, name)}
    if [(t.lang, t.text) for t in original.terms] != [(t.lang, t.text) for t in read.terms]:
        found["entry.terms"] = ([(t.lang, t.text) for t in original.terms], [(t.lang, t.text) for t in read.terms])
    for term in original.terms:  # each term against the term read with its language and text, if any
        twin = next((t for t in read.terms if (t.lang, t.text) == (term.lang, term.text)), None)
        for name in TERM_FIELDS if twin else ():
            if getattr(term, name) != getattr(twin, name):
                found.setdefault(f"term.{name}", (getattr(term, name), getattr(twin, name)))
    return found


@pytest.mark.parametrize("status", list(ReviewStatus), ids=lambda s: s.value)
@pytest.mark.parametrize("fmt", GLOSSARY_FORMATS, ids=lambda f: f.name)
def test_every_field_comes_back_but_those_the_format_cannot_carry(tmp_path, fmt, status):
    original = rich_entry(status)
    reading = registry.get(fmt.read_as) if fmt.read_as else fmt
    path = tmp_path / f"glossary{reading.extensions[0]}"
    fmt.write([original], str(path), srclang="fr", tgtlang="en")
    read = list(reading.read(str(path)))
    cannot = CANNOT_CARRY[fmt.name]
    assert len(read) == 1 or "entry.terms" in cannot, read
    lost = differences(original, read[0])
    # every format carries the review status, so a candidate is never read back as approved
    assert read[0].status is status
    assert {name: lost[name] for name in lost if name not in cannot} == {}, "lost without being listed"
    assert sorted(cannot) == sorted(lost), "listed as lost, but came back: update CANNOT_CARRY"
