"""What the SQL backends write and read alike: a unit's row and the unit it holds, a document's,
an entry's, a term's and a change's rows, an entry field as its column holds it, the checks a unit
passes before it is written. Each backend keeps only its statements."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from ..errors import Conflict, Invalid, NotFound, TmtoolError
from ..langtags import normalize_tag
from ..model import (
    DOCUMENT_PROP, HEADER_PROP, Context, Entry, ReviewStatus, Term, TermType, Unit, UsageStatus, Variant,
    context_language, header_said, held_languages, iso, parse_time,
)
from ..text.normalize import SNOWBALL, fold, normalize_for_match, term_keys
from .base import ENTRY_FIELDS
from .records import Change, DocumentRecord, dumps, loads, spellings

# the columns of a unit as read back, and as written (its id aside)
UNIT_COLUMNS = ("id, tuid, source, target, srclang, tgtlang, props, notes, created, changed,"
                " source_markup, target_markup, import_id")
UNIT_INSERT_COLUMNS = ("tuid, source, target, srclang, tgtlang, match_text, content_key, document_id, position,"
                       " bead, confidence, origin, props, notes, created, changed, source_markup, target_markup,"
                       " import_id, target_match_text")

DOCUMENT_COLUMNS = ("id, src_path, tgt_path, src_hash, tgt_hash, srclang, tgtlang, ingested, updated,"
                    " src_text_hash, tgt_text_hash, ingest_order, terms")
ENTRY_COLUMNS = "id, status, definition, note, frequency, score, first_seen, last_seen, version"
# the columns each of base.ENTRY_ORDERS sorts entries by, each with whether it descends, id last so that
# a page follows another: its ORDER BY, and where a page starts after an entry (``entries_around``)
ENTRY_ORDER_KEYS = {"score": (("score", True), ("frequency", True), ("id", False)),
                    "frequency": (("frequency", True), ("score", True), ("id", False)),
                    "newest": (("id", True),)}
ENTRY_ORDER_BY = {order: ", ".join(f"{column} DESC" if descending else column for column, descending in keys)
                  for order, keys in ENTRY_ORDER_KEYS.items()}
# the same orders backwards: a page before an entry is read from it back to the start, then turned round
ENTRY_ORDER_BACK = {order: ", ".join(column if descending else f"{column} DESC" for column, descending in keys)
                    for order, keys in ENTRY_ORDER_KEYS.items()}
# an entry's place in every order: its (score, frequency, id)
ENTRY_KEYSET = ("score", "frequency", "id")


def entries_around(order: str, after: Sequence | None, before: Sequence | None, mark: str) -> tuple[list[str], list]:
    """SQL conditions (with ``mark``, the backend's placeholder) keeping the entries that come after one whose
    (score, frequency, id) is ``after`` in ``order``, and before one whose is ``before`` (either None: no
    bound), and their parameters: a page starts after the last entry of the one before (a previous page ends
    before the first of the one after), so that entries added or decided between two reads of the list
    neither push one of those not yet shown past the page (skipped) nor one already shown onto it (repeated)."""
    keys = ENTRY_ORDER_KEYS[order]
    conditions, params = [], []
    for cursor, backwards in ((after, False), (before, True)):
        if cursor is None:
            continue
        values = dict(zip(ENTRY_KEYSET, cursor))
        alternatives = []
        for k, (column, descending) in enumerate(keys):
            alternatives.append(" AND ".join([f"{c} = {mark}" for c, _ in keys[:k]]
                                             + [f"{column} {'<' if descending != backwards else '>'} {mark}"]))
            params += [values[c] for c, _ in keys[:k + 1]]
        conditions.append("(" + " OR ".join(f"({alternative})" for alternative in alternatives) + ")")
    return conditions, params


# The order of a concordance, the same on every backend: the units holding the text in their source or
# target (tier 0) before those holding it only in another of their languages (tier 1), then the shortest
# (characters of source and target: the text asked for is most of it), then by id. Of a query whose
# columns are ``tier``, ``length`` (CONCORDANCE_LENGTH of ``units u``) and ``id``.
CONCORDANCE_LENGTH = "length(u.source) + length(u.target)"

# A fuzzy search's candidates among the units' other languages (Store.variant_fuzzy_candidates): the variants
# sharing the query's rarest words, up to this many postings (one word at least), within a length band a match
# at the score asked for lies in (similarity = 1 - distance / longer length), widened by VARIANT_LENGTH_SLACK
# for a text stored with runs of spaces or Arabic's marks, which its normalised form leaves out
VARIANT_WORD_BUDGET = 500
VARIANT_LENGTH_SLACK = 1.25


def variant_length_band(text: str, min_score: float) -> tuple[int, int]:
    """The lengths a stored variant holding a match of the normalised ``text`` at ``min_score`` % may have."""
    ratio = min_score / 100
    return math.floor(len(text) * ratio / VARIANT_LENGTH_SLACK), math.ceil(len(text) / ratio * VARIANT_LENGTH_SLACK)

CONCORDANCE_ORDER = "tier, length, id"
TERM_COLUMNS = ("entry_id, text, lang, pos, gender, type, usage, lemma, forms, confidence, frequency, contexts, note,"
                " locale")
TERM_INSERT_COLUMNS = ("entry_id, position, lang, text, lemma, pos, gender, type, usage, forms, confidence,"
                       " frequency, contexts, note, locale")
CONTEXT_COLUMNS = "entry_id, fr, en, document, unit, lang"
# a recorded correction's columns (store/corrections.py), as written (its id aside) and as read; "user"
# quoted: USER is a keyword of PostgreSQL's SQL
UNIT_EDIT_INSERT_COLUMNS = 'document_id, time, action, before, after, "user"'
UNIT_EDIT_COLUMNS = f"id, {UNIT_EDIT_INSERT_COLUMNS}"
# the place of a document ingested for the first time: last (read under the store's write lock)
NEXT_INGEST_ORDER = "SELECT coalesce(max(ingest_order), 0) + 1 FROM documents"
# the approved entries' ids and versions summed: an entry approved as another leaves keeps no count the same
APPROVED_VERSION = ("SELECT count(*), coalesce(sum(id), 0), coalesce(sum(version), 0), max(updated) FROM entries"
                    " WHERE status = 'approved'")
APPROVED_KEYS = ("SELECT DISTINCT k.key FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
                 " JOIN entries e ON e.id = t.entry_id WHERE e.status = 'approved'")

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
            raise Invalid(f"{where} has no valid {side} language: {exc.message}", path=origin) from None


# the column holding the language of each side of a unit
SIDE_LANGUAGE = {"source": "srclang", "target": "tgtlang"}


def base_language(tag: str) -> str | None:
    """``fr-FR`` → ``fr``; None for what no longer parses, which an old store may hold (see
    SQLite's migration 7)."""
    try:
        return language_tag(tag).split("-")[0]
    except TmtoolError:
        return None


def english_side(srclang: str, tgtlang: str) -> str | None:
    """The side of a unit in these languages that holds the English of a pair with English on one side
    and another language on the other: "target" (fr→en, de→en), "source" (en→fr), None for another pair."""
    source, target = base_language(srclang), base_language(tgtlang)
    if source == target:
        return None
    return "target" if target == "en" else "source" if source == "en" else None


def other_language(srclang: str, tgtlang: str) -> str | None:
    """The base language of the side that is not English, in a pair with English on one side (``english_side``)."""
    side = english_side(srclang, tgtlang)
    return None if side is None else base_language(srclang if side == "target" else tgtlang)


def language_side(srclang: str, tgtlang: str, lang: str) -> str | None:
    """The side of a unit in these languages that holds ``lang`` (a base language) in a pair of it and English:
    "source", "target", None for another pair."""
    if other_language(srclang, tgtlang) != lang:
        return None
    return "source" if english_side(srclang, tgtlang) == "target" else "target"


def term_context(unit: Unit, document: str = "") -> Context | None:
    """A unit as term extraction reads it, whichever way it was translated: its sentence in the language
    that is not English (as ``fr``), then its English one (as ``en``), from ``document``, named by its
    tuid; None for a unit of a pair without English."""
    side = english_side(unit.srclang, unit.tgtlang)
    if side is None:
        return None
    other, en = (unit.source, unit.target) if side == "target" else (unit.target, unit.source)
    return Context(other, en, document, unit.tuid or "")


def column_value(value: object):
    """An entry field as its column holds it."""
    if isinstance(value, ReviewStatus):
        return value.value
    if isinstance(value, datetime):
        return iso(value)
    return int(value) if isinstance(value, bool) else value


def unit_row(unit: Unit, content_key: str, document_id: str | None, position: int | None,
             origin: str, import_id: int | None = None, props: Mapping | None = None) -> tuple:
    """A unit's values for UNIT_INSERT_COLUMNS, once its languages are checked; ``props``: those stored, when
    not all of the unit's (:func:`stored_props`)."""
    check_languages(unit, origin)
    return (
        unit.tuid, unit.source, unit.target, unit.srclang, unit.tgtlang,
        normalize_for_match(unit.source), content_key, document_id, position,
        unit.props.get("x-bead"), confidence(unit.props.get("x-confidence")), origin,
        dumps(unit.props if props is None else props), dumps(unit.notes), iso(unit.created), iso(unit.changed),
        unit.source_markup, unit.target_markup, import_id, normalize_for_match(unit.target),
    )


# What a unit keeps of the memory it was imported from (what its TMX's header said: model.header_said)
# is the same for every unit of an import, and each unit held it: 20,000 units of a Trados memory took 27.4 MB
# where their texts took 17.2 (bench/header_store.py). An import holds it once (imports.header, JSON: what its
# first unit stored said, "{}" for nothing); a unit holds it only when it differs (a tmtool export mixing memories
# gives each unit its own), in full, or NOT_SAID when its memory said nothing. Reading gives each unit its
# memory's again.
NOT_SAID = HEADER_PROP + "\x01"  # XML cannot carry U+0001: no file's prop has this type


def memory_props(props: Mapping) -> dict:
    """Of a unit's ``props``, those keeping what its memory's header said."""
    return {kind: value for kind, value in props.items() if header_said(kind)}


def stored_props(props: Mapping, header: Mapping) -> Mapping:
    """The props to store of a unit whose import's ``header`` (:func:`memory_props` of its first unit) is held
    once: without its memory's when they are the import's, else all of them (marked NOT_SAID when none)."""
    said = memory_props(props)
    if said == header:
        return {kind: value for kind, value in props.items() if kind not in said} if said else props
    return props if said else {**props, NOT_SAID: ""}


def read_props(props: dict, header: Mapping | None) -> dict:
    """A unit's props as it was stored with (:func:`stored_props`), given its import's ``header``: its memory's
    again, all in the order the store keeps (by type)."""
    if NOT_SAID in props:
        del props[NOT_SAID]
        return props
    if not header or any(header_said(kind) for kind in props):
        return props
    return dict(sorted({**props, **{kind: list(value) if isinstance(value, list) else value
                                    for kind, value in header.items()}}.items()))


def unit_from_row(row: Sequence, headers: Mapping[int, Mapping] | None = None) -> Unit:
    """The unit of a row of UNIT_COLUMNS (its variants apart); ``headers``: its import's header by id (those of
    :func:`read_props`), as :func:`import_headers` gives them."""
    _, tuid, source, target, srclang, tgtlang, props, notes, created, changed, source_markup, target_markup, \
        import_id = row
    props = loads(props)
    if import_id is not None and headers:
        props = read_props(props, headers.get(import_id))
    elif NOT_SAID in props:
        del props[NOT_SAID]
    return Unit(
        source=source, target=target, srclang=srclang, tgtlang=tgtlang, tuid=tuid,
        created=parse_time(created), changed=parse_time(changed),
        props=props, notes=loads(notes),
        source_markup=source_markup, target_markup=target_markup,
    )


def came_from(unit: Unit, document_id: str | None, origin: str | None) -> str:
    """Where a unit came from, as a concordance names it: the document it was ingested from, else the document its
    tool says it was translated in (memoQ's ``x-document``), else the name of the file it was imported from."""
    named = unit.props.get(DOCUMENT_PROP) if document_id is None else None
    return document_id or (named.strip() if isinstance(named, str) and named.strip() else "") \
        or Path(origin or "").name


def import_headers(rows: Iterable[Sequence]) -> dict[int, dict]:
    """The headers of imports from their (id, header) rows, those that say something."""
    return {import_id: loads(header) for import_id, header in rows if header and header != "{}"}


def confirmed_props(found: Iterable[Sequence], read: Mapping[str, Unit],
                    confirmed: Callable[[dict, Unit], dict | None]) -> list[tuple[str, int]]:
    """(props, unit id) to update, of the stored units ``found`` as (content key, import, id, props) rows that
    ``confirmed`` gives new props given the unit ``read`` by that key (see ``Store.add_units``)."""
    return [(dumps(props), unit_id) for key, _, unit_id, held in found
            if (props := confirmed(loads(held), read[key])) is not None]


def merged_into(entry_ids: Iterable[int], merges: Callable[[list[int]], Iterable[Sequence[int]]],
                ) -> dict[int, tuple[int, int]]:
    """The entries merged into ``entry_ids`` by merges not reverted, and those merged into them before,
    and so on: {merged entry: (the entry of ``entry_ids`` it lives on in, the change that merged it)}.
    ``merges(ids)`` gives the (entry merged into, entry merged, change) of the merges into ``ids``; an
    entry merged away is followed back only through the merges made before its own."""
    found: dict[int, tuple[int, int]] = {}
    frontier: dict[int, tuple[int, int | None]] = {int(i): (int(i), None) for i in entry_ids}
    while frontier:
        reached: dict[int, tuple[int, int]] = {}
        for into, merged, change_id in merges(list(frontier)):
            root, until = frontier[into]
            if (until is None or change_id < until) and merged not in found:
                found[merged] = reached[merged] = (root, change_id)
        frontier = dict(reached)
    return found


def change_from_row(row: Sequence) -> Change:
    """A recorded change from its row (id, time, action, before, after, reverted_by, user)."""
    i, t, a, b, f, r, u = row
    return Change(i, t, a, json.loads(b), json.loads(f), r, u)


def joined_variants(rows: Iterable[Sequence], variants: Iterator[Sequence],
                    headers: Mapping[int, Mapping] | None = None) -> Iterator[Unit]:
    """The units of ``rows`` (of UNIT_COLUMNS, by id) with their ``variants`` (unit_id, lang, text,
    markup; by unit id, then position), both read side by side: one query each, not one a unit;
    ``headers`` as :func:`unit_from_row`'s."""
    pending = next(variants, None)
    for row in rows:
        unit = unit_from_row(row, headers)
        while pending is not None and pending[0] <= row[0]:
            if pending[0] == row[0]:
                unit.variants.append(Variant(*pending[1:]))
            pending = next(variants, None)
        yield unit


def document_row(record: DocumentRecord, ingested: str, updated: str, ingest_order: int) -> tuple:
    """A document's values for DOCUMENT_COLUMNS."""
    return astuple(replace(record, ingested=ingested, updated=updated, ingest_order=ingest_order))


def entries_from_rows(entries: Iterable[Sequence], terms: Iterable[Sequence], contexts: Iterable[Sequence],
                      most_contexts: int | None) -> dict[int, Entry]:
    """Entries by id from their rows (of ENTRY_COLUMNS), their terms' (of TERM_COLUMNS, in order)
    and their contexts' (of CONTEXT_COLUMNS, in order: up to ``most_contexts`` kept, all when None)."""
    found: dict[int, Entry] = {}
    for i, status, definition, note, frequency, score, first_seen, last_seen, version in entries:
        found[i] = Entry(terms=[], id=str(i), status=ReviewStatus(status), definition=definition, note=note,
                         frequency=frequency, score=score, first_seen=parse_time(first_seen),
                         last_seen=parse_time(last_seen), version=version)
    for (entry_id, text, lang, pos, gender, term_type, usage, lemma, forms, confidence, frequency, cited, note,
         locale) in terms:
        found[entry_id].terms.append(Term(text, lang, pos, gender, TermType(term_type), UsageStatus(usage), lemma,
                                          json.loads(forms), confidence, frequency,
                                          [Context(*c) for c in loads(cited)], note, locale))
    for entry_id, *context in contexts:
        held = found[entry_id].contexts
        if most_contexts is None or len(held) < most_contexts:
            held.append(Context(*context))
    return found


def term_row(entry_id: int, position: int, term: Term) -> tuple:
    """A term's values for TERM_INSERT_COLUMNS."""
    return (entry_id, position, term.lang, term.text, term.lemma, term.pos, term.gender, term.term_type.value,
            term.usage.value, dumps(term.forms), term.confidence, term.frequency,
            dumps([[c.fr, c.en, c.document, c.unit, *([c.lang] if c.lang else [])] for c in term.contexts]), term.note,
            term.locale)


def held_context_languages(before: Sequence[str], terms: Sequence[Term]) -> str | None:
    """The entry's context language its stored terms (their languages ``before``) give it, when ``terms``,
    about to replace them, give it another (None otherwise): its contexts without a language of their own
    (``model.Context``) keep the one they had — the terms' own given it here, the entry's by the store
    (an edit adding a French term to a German and English entry leaves its sentences German)."""
    old = context_language(before) if before else None
    if old is None or old == context_language(t.lang for t in terms):
        return None
    for term in terms:
        held_languages(term.contexts, old, term.lang)
    return old


def lookup_key_rows(term: Term, term_id: int) -> list[tuple[str, str, int]]:
    """The look-up keys of a stored term: (key, kind, term id)."""
    texts = spellings(term)
    keys = term_keys(texts, acronym=term.term_type != TermType.FULL_FORM, lang=term.lang.split("-")[0].lower())
    if term.term_type == TermType.FULL_FORM:
        keys |= {(acronym, "initials") for text in texts if (acronym := _written_acronym(text))}
    return [(key, kind, term_id) for key, kind in sorted(keys)]


def _written_acronym(text: str) -> str:
    """The folded acronym a full form is written with, in parentheses after it, as a client's glossary
    writes a term in one cell (*produit intérieur brut (PIB)*, *gross domestic product (GDP)*), when its
    letters fit the full form (spelled in order, or each the initial of a word: ``terms.acronyms``) and
    the full form has no more words than they allow; else empty. The term is found by it as by its initials."""
    from ..terms.acronyms import PARENTHESISED_ACRONYM, initials_cover, is_acronym, letters_match, most_words

    match = re.match(rf"(.+?)\s*{PARENTHESISED_ACRONYM.pattern}\s*$", text)
    if not match or not is_acronym(acronym := match.group(2)):
        return ""
    words = match.group(1).split()
    if len(words) > most_words(acronym) or not (letters_match(acronym, words) or initials_cover(acronym, words)):
        return ""
    return fold(acronym)


# the terms' columns ``inflected_key_rows`` reads, in order
INFLECTED_TERM_COLUMNS = "id, lang, text, lemma, forms, type"


def inflected_key_rows(terms: Iterable[Sequence], held: Iterable[tuple]) -> list[tuple[str, str, int]]:
    """For a store made before terms were looked up by their inflections in the languages of
    ``SNOWBALL``: the look-up keys (key, kind, term id) of the stored terms (``INFLECTED_TERM_COLUMNS``)
    in those languages that the store does not hold (``held``) yet."""
    held = set(held)
    keys = []
    for term_id, term in map(_keyed_term, terms):
        if term.lang.split("-")[0].lower() in SNOWBALL:
            keys += [key for key in lookup_key_rows(term, term_id) if key not in held]
    return keys


def _keyed_term(row: Sequence) -> tuple[int, Term]:
    """A term's id and what its look-up keys are made of, from its row of ``INFLECTED_TERM_COLUMNS``."""
    term_id, lang, text, lemma, forms, term_type = row
    return term_id, Term(text=text, lang=lang, lemma=lemma, forms=loads(forms), term_type=TermType(term_type))


# the terms' columns ``key_differences`` reads, in order
KEYED_TERM_COLUMNS = INFLECTED_TERM_COLUMNS


def key_differences(terms: Iterable[Sequence], held: Iterable[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The look-up keys (key, kind, term id) the stored ``terms`` (``KEYED_TERM_COLUMNS``) are given today
    that the store does not hold (``held``: its keys, as such rows), and those it holds that they are
    not given (stale: made by an older release's folding, or written by hand), each sorted."""
    expected = {key for term_id, term in map(_keyed_term, terms) for key in lookup_key_rows(term, term_id)}
    held = {tuple(row) for row in held}
    return sorted(expected - held), sorted(held - expected)


def by_entry(rows: Iterable[Sequence]) -> dict[int, list[tuple]]:
    """Rows whose first column is an entry id, as {entry id: [the rest of each row]} in their order."""
    grouped: dict[int, list[tuple]] = {}
    for entry_id, *rest in rows:
        grouped.setdefault(entry_id, []).append(tuple(rest))
    return grouped


# what term extraction counts of an entry, which no person writes
EVIDENCE_FIELDS = {"frequency", "score", "first_seen", "last_seen"}


def entry_update(names: Iterable[str], mark: str) -> str:
    """The statement that sets an entry's fields ``names``, its updated time and next version, by id;
    ``mark`` is the backend's placeholder. Evidence alone (:data:`EVIDENCE_FIELDS`: a document ingested
    or removed) is no new version of a reviewed entry, whose terms, status, definition and note only a
    person changes: a reviewer saving it is not refused as if someone had changed it. An unreviewed
    entry's terms change with its evidence, and so does its version."""
    names = list(names)
    bump = "CASE WHEN reviewed = 0 THEN 1 ELSE 0 END" if set(names) <= EVIDENCE_FIELDS else "1"
    assignments = "".join(f"{name} = {mark}, " for name in names)
    return f"UPDATE entries SET {assignments}updated = {mark}, version = version + {bump} WHERE id = {mark}"


def check_entry_fields(fields: Mapping[str, object]) -> None:
    unknown = set(fields) - set(ENTRY_FIELDS)
    if unknown:
        raise ValueError(f"not entry fields: {', '.join(sorted(unknown))}")


def not_updated(entry_id: int, version: int | None, expected_version: int | None) -> TmtoolError:
    """Why an entry's fields were not written: no such entry (``version`` None), or not at the
    version expected."""
    if version is None:
        return NotFound(f"no glossary entry {entry_id}")
    return Conflict(f"entry {entry_id} was changed by someone else (version {version}, "
                    f"not {expected_version}); reload it")


def store_counts(query: Callable[[str], list[Sequence]]) -> dict[str, int]:
    """How many of each thing the store holds, entries by status, then :func:`counts_by_language`;
    through ``query`` (a backend's: the statements are the same in both dialects)."""
    counts = {name: query(f"SELECT count(*) FROM {name}")[0][0]
              for name in ("documents", "imports", "units", "entries", "terms", "contexts", "changes")}
    by_status = dict(query("SELECT status, count(*) FROM entries GROUP BY status"))
    counts |= {f"entries {status.value}": by_status.get(status.value, 0) for status in ReviewStatus}
    return counts | counts_by_language(query)


def counts_by_language(query: Callable[[str], list[Sequence]]) -> dict[str, int]:
    """The store's units by language pair ("units fr→en"), its variants' texts ("variants de") and
    terms ("terms de"), each by base language: grouped by tag through ``query`` (a backend's; the
    statements are the same in both dialects) — a few tags, however many rows — then summed here."""
    counts: dict[str, int] = {}
    for name, sql in (("units {}→{}", "SELECT srclang, tgtlang, count(*) FROM units GROUP BY srclang, tgtlang"),
                      ("variants {}", "SELECT lang, count(*) FROM unit_variants GROUP BY lang"),
                      ("terms {}", "SELECT lang, count(*) FROM terms GROUP BY lang")):
        by_language: dict[str, int] = {}
        for *tags, count in query(sql):
            key = name.format(*(base_language(tag) or tag or "?" for tag in tags))
            by_language[key] = by_language.get(key, 0) + count
        counts |= sorted(by_language.items())
    return counts


# the units a store made before contexts told units apart may hold with a context (SQL over units.props, JSON)
CONTEXT_ROWS = "props LIKE '%\"x-context-p%'"
# what context_keys reads of each: the unit's identity (records.unit_content_key) and its key as stored
CONTEXT_KEY_COLUMNS = "id, source, target, srclang, tgtlang, source_markup, target_markup, props, content_key"


def context_keys(rows: Iterable[Sequence], variants: Callable[[int], Iterable[Sequence]]) -> list[tuple[str, int]]:
    """The (content key, unit id) of each of ``rows`` (of CONTEXT_KEY_COLUMNS) whose stored key is not the one
    ``records.unit_content_key`` gives it today, its context (memoQ's, MateCat's) counted; ``variants(id)``
    gives a unit's (lang, text, markup) in order. Made from the unit's texts, not from the key stored, so
    that a unit already keyed so keeps its key."""
    from .records import unit_content_key

    changed = []
    for unit_id, source, target, srclang, tgtlang, source_markup, target_markup, props, key in rows:
        unit = Unit(source, target, srclang, tgtlang, props=loads(props), source_markup=source_markup,
                    target_markup=target_markup, variants=[Variant(*v) for v in variants(unit_id)])
        if (new := unit_content_key(unit)) != key:
            changed.append((new, unit_id))
    return changed


# the units whose markup, or a variant's, may hold a line-break code (TMX's ``ph type="lb"``, XLIFF's ``x ctype="lb"``
# as read, an HTML ``<br>`` as a code's native text): ``line_break_texts`` tells which a reader read otherwise before
_BREAK_CODE = "(lower({0}) LIKE '%lb%' OR lower({0}) LIKE '%&lt;br%')"
LINE_BREAK_ROWS = (f"({_BREAK_CODE.format('source_markup')} OR {_BREAK_CODE.format('target_markup')} OR id IN "
                   f"(SELECT unit_id FROM unit_variants WHERE {_BREAK_CODE.format('markup')}))")
# what line_break_texts reads of each unit, as context_keys does, and its texts' normalised forms
LINE_BREAK_COLUMNS = f"{CONTEXT_KEY_COLUMNS}, match_text, target_match_text"


def line_break_texts(rows: Iterable[Sequence], variants: Callable[[int], Iterable[Sequence]]
                     ) -> list[tuple[int, Unit, Unit, tuple[str, str], list[tuple[int, str, str]]]]:
    """The units of ``rows`` (of LINE_BREAK_COLUMNS) whose texts a reader made before a line-break code between two
    words parted them (``formats.inline.line_break``: *technicalarrangement* for *technical<ph type="lb"/>arrangement*),
    each as (its id, the unit stored, the unit as readers make it today, its stored match texts, its variants changed as
    (position, text stored, text today)); ``variants(id)`` gives a unit's (position, lang, text, markup) in order. Their
    content key made from the old text, importing the same memory again stored each unit a second time beside it. A
    text is made again only where it is the one the old reading gives: any other is the store's own."""
    from ..formats.inline import markup_segment, plain_text

    def read_today(markup: str | None, stored: str) -> str:
        try:
            seg = None if markup is None else markup_segment(markup, "a stored unit")
        except TmtoolError:  # (stored well-formed) kept as it stands, the store opened
            seg = None
        return stored if seg is None or stored != plain_text(seg, line_breaks=False) else plain_text(seg)

    changed = []
    for (unit_id, source, target, srclang, tgtlang, source_markup, target_markup, props, _key, match_text,
         target_match_text) in rows:
        held = list(variants(unit_id))
        new_source, new_target = read_today(source_markup, source), read_today(target_markup, target)
        moved = [(position, text, new) for position, _lang, text, markup in held
                 if (new := read_today(markup, text)) != text]
        if (new_source, new_target) == (source, target) and not moved:
            continue
        news = {position: new for position, _, new in moved}
        stored = Unit(source, target, srclang, tgtlang, props=loads(props), source_markup=source_markup,
                      target_markup=target_markup, variants=[Variant(lang, text, markup)
                                                             for _, lang, text, markup in held])
        today = replace(stored, source=new_source, target=new_target, variants=[
            Variant(lang, news.get(position, text), markup) for position, lang, text, markup in held])
        changed.append((unit_id, stored, today, (match_text, target_match_text), moved))
    return changed


def equivalent_row(support: Sequence) -> tuple:
    """An equivalent's support as ``Store.add_equivalent_support`` is given it, (lang, term type value, key, text,
    support, frequency, weight, confidence), as its table's columns hold it: one given without its figures (a
    snapshot saved before they were kept) has them NULL, unknown."""
    return (*support, *(None,) * (8 - len(support)))[:8]
