"""What the SQL backends write and read alike: a unit's row and the unit it holds, a change's row,
an entry field as its column holds it, the checks a unit passes before it is written."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from ..errors import TmtoolError
from ..langtags import normalize_tag
from ..model import ReviewStatus, Unit, iso, parse_time
from ..text.normalize import normalize_for_match
from .records import Change, dumps, loads

# the columns of a unit as read back, and as written (its id aside)
UNIT_COLUMNS = ("id, tuid, source, target, srclang, tgtlang, props, notes, created, changed,"
                " source_markup, target_markup")
UNIT_INSERT_COLUMNS = ("tuid, source, target, srclang, tgtlang, match_text, content_key, document_id, position,"
                       " bead, confidence, origin, props, notes, created, changed, source_markup, target_markup,"
                       " import_id")

# a memory repeats a handful of language tags millions of times
language_tag = lru_cache(maxsize=256)(normalize_tag)


def confidence(prop: str | None) -> float | None:
    """The aligner's ``x-confidence`` prop as a number; an imported memory may hold anything there."""
    try:
        return float(prop) if prop else None
    except ValueError:
        return None


def without_target(unit: Unit) -> bool:
    return not unit.target.strip()


def check_languages(unit: Unit, origin: str) -> None:
    """Refuse a unit whose source, target or variant language is not a language tag: stored, it
    would make every later TMX export of the store fail."""
    for side, tag in (("source", unit.srclang), ("target", unit.tgtlang), *(("variant", v.lang) for v in unit.variants)):
        try:
            language_tag(tag)
        except TmtoolError as exc:
            where = f"unit {unit.tuid!r}" if unit.tuid else "a unit"
            raise TmtoolError(f"{where} has no valid {side} language: {exc.message}", path=origin) from None


def base_language(tag: str) -> str | None:
    """``fr-FR`` → ``fr``; None for what no longer parses, which an old store may hold (see
    SQLite's migration 7)."""
    try:
        return language_tag(tag).split("-")[0]
    except TmtoolError:
        return None


def column_value(value: object):
    """An entry field as its column holds it."""
    if isinstance(value, ReviewStatus):
        return value.value
    if isinstance(value, datetime):
        return iso(value)
    return int(value) if isinstance(value, bool) else value


def unit_row(unit: Unit, content_key: str, document_id: str | None, position: int | None,
             origin: str, import_id: int | None = None) -> tuple:
    """A unit's values for UNIT_INSERT_COLUMNS, once its languages are checked."""
    check_languages(unit, origin)
    return (
        unit.tuid, unit.source, unit.target, unit.srclang, unit.tgtlang,
        normalize_for_match(unit.source), content_key, document_id, position,
        unit.props.get("x-bead"), confidence(unit.props.get("x-confidence")), origin,
        dumps(unit.props), dumps(unit.notes), iso(unit.created), iso(unit.changed),
        unit.source_markup, unit.target_markup, import_id,
    )


def unit_from_row(row: Sequence) -> Unit:
    """The unit of a row of UNIT_COLUMNS (its variants apart)."""
    _, tuid, source, target, srclang, tgtlang, props, notes, created, changed, source_markup, target_markup = row
    return Unit(
        source=source, target=target, srclang=srclang, tgtlang=tgtlang, tuid=tuid,
        created=parse_time(created), changed=parse_time(changed),
        props=loads(props), notes=loads(notes),
        source_markup=source_markup, target_markup=target_markup,
    )


def change_from_row(row: Sequence) -> Change:
    """A recorded change from its row (id, time, action, before, after, reverted_by, user)."""
    i, t, a, b, f, r, u = row
    return Change(i, t, a, json.loads(b), json.loads(f), r, u)
