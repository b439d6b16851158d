"""Conversions between the model's nouns and what the store keeps: rows, JSON snapshots, keys."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import NamedTuple

from ..model import CONTEXT_PROPS, Entry, Term, Unit, entry_to_dict


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A stored document pair: where it was read from and the content hashes that identify it."""

    id: str
    src_path: str
    tgt_path: str
    src_hash: str
    tgt_hash: str
    srclang: str
    tgtlang: str
    ingested: str | None = None
    updated: str | None = None
    # hashes of each side's text as segmented: the same text read from another file format
    src_text_hash: str | None = None
    tgt_text_hash: str | None = None
    # its place in the order documents were first ingested, numbered by the store: ``ingested`` is
    # to the second, and evidence is merged in this order (Store.candidate_evidence)
    ingest_order: int | None = None
    # the tmtool release whose term extraction read the document ("unrecorded": one before this was
    # recorded, see the migrations); None: its terms were not extracted (ingest --no-terms)
    terms: str | None = None


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """A file imported into the store and how many units or entries it added."""

    id: int
    path: str
    format: str | None  # None: imported before imports were recorded, and its name does not tell
    kind: str  # "units" or "entries"
    count: int
    imported: str | None  # None: imported before imports were recorded


@dataclass(frozen=True, slots=True)
class EntryState:
    """What the store keeps about an entry beyond the model."""

    reviewed: bool  # a person has decided on it (approved, rejected, edited, added): extraction keeps off it
    version: int  # goes up with every change (see tmtool.store.base)
    created: str  # when it was first stored
    updated: str  # when it last changed
    import_id: int | None  # the import that added it, while that import is still in the store


class KeyedTerm(NamedTuple):
    """A term found by one of its look-up keys (see ``folding.term_keys``)."""

    entry_id: int
    key: str  # the stored key that matched
    kind: str  # "form", "stem", "initials" …
    text: str  # the term's text
    lang: str  # the term's base language


@dataclass(frozen=True, slots=True)
class StoredUnit:
    """A document's unit as stored: its id and place, with what the aligner said of it."""

    id: int
    position: int
    unit: Unit
    bead: str | None  # "1-1", "2-1" … (``x-bead``)
    confidence: float | None  # the aligner's confidence (``x-confidence``); None for a unit a reviewer made
    excluded: bool = False  # a reviewer excluded it from exports
    sentences: tuple[list[str], list[str]] | None = None  # a unit a reviewer made: its sentences, side by side


@dataclass(frozen=True, slots=True)
class Replacement:
    """One unit of the run a reviewer's correction puts in place of a document's units (see
    ``Store.replace_units``): its sentences on each side, and whether it is excluded from exports."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    excluded: bool = False

    @property
    def bead(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"

    @property
    def texts(self) -> tuple[str, str]:
        return " ".join(self.source), " ".join(self.target)


@dataclass(frozen=True, slots=True)
class UnitEdit:
    """A recorded correction: the run replaced, as ``[source, target, excluded, {"tuid", "props",
    "sentences"}]`` (the last missing from a correction recorded before undo was possible), and its
    replacement, as ``[[source sentences], [target sentences], excluded]``; who made it (None: no one
    named, or made before corrections recorded it)."""

    id: int
    document_id: str
    time: str
    action: str
    before: list
    after: list
    user: str | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """What taking documents or an import out of the store took and touched."""

    units: int = 0
    entries_removed: int = 0
    entries_kept: int = 0  # entries that stay, updated (a document's) or changed since (an import's)


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded change of the glossary; ``before``/``after`` map entry ids to snapshots or None."""

    id: int
    time: str
    action: str
    before: dict[str, dict | None]
    after: dict[str, dict | None]
    reverted_by: int | None
    user: str | None = None  # who made it (the --user option, else the login name); None before it was kept

    @property
    def entry_ids(self) -> list[int]:
        """The entries it touched, in numeric order (the snapshots' keys are strings: '10' < '9')."""
        return sorted(map(int, self.before))


def unit_content_key(unit: Unit) -> str:
    """Identical units (same languages, same texts, same inline markup) share this key, whatever
    file they came from. Plain-text units keep the key they had before markup was stored, and
    units in two languages the key they had before variants were stored.

    A unit is identified by every language it holds: a French–English–German unit is not the
    French–English unit with the same French and English (that one is "already stored" only as
    itself), so importing a trilingual memory over a bilingual one keeps the German. Its variants
    count in any order: the same texts in the same languages are the same unit."""
    parts = [unit.srclang, unit.tgtlang, unit.source, unit.target]
    if unit.source_markup is not None or unit.target_markup is not None:
        parts += [unit.source_markup or "", unit.target_markup or ""]
    for variant in sorted(unit.variants, key=lambda v: (v.lang, v.text, v.markup or "")):
        parts += ["\x01", variant.lang, variant.text, variant.markup or ""]
    joined = "\x00".join(parts)
    return keyed_by_context(hashlib.sha1(joined.encode("utf-8")).hexdigest(), unit.props)


def keyed_by_context(key: str, props: dict) -> str:
    """The content key ``key`` of a unit with ``props``, told apart by the unit's context (memoQ's and MateCat's
    neighbouring segments, :data:`model.CONTEXT_PROPS`): the same texts in two contexts are two units to the
    tools that wrote them, and an import merging them lost one context and wrote back a memory that differed.
    A unit without a context (or an empty one) keeps ``key``, as stored before contexts counted."""
    contexts = []
    for kind in CONTEXT_PROPS:
        held = props.get(kind)
        contexts.append(held if isinstance(held, list) else [] if held is None else [held])
    if not any(value.strip() for values in contexts for value in values):
        return key
    joined = "\x00".join([key, *("\x01".join(values) for values in contexts)])
    return hashlib.sha1(("\x02" + joined).encode("utf-8")).hexdigest()


def spellings(term: Term) -> list[str]:
    """What a term is looked up and matched by: its text, the forms seen and its lemma — when the
    lemma is the whole term's: an extractor may give the head word's lemma (*centre* for *Centre
    d'excellence*), which would make every term with that head look alike."""
    lemma = [term.lemma] if term.lemma and len(term.lemma.split()) == len(term.text.split()) else []
    return [term.text, *term.forms, *lemma]


# what a snapshot keeps of entry_to_dict: all but the by-language view of the terms and the id (the
# history keys snapshots by entry id)
_SNAPSHOT_KEYS = ("status", "version", "score", "frequency", "definition", "note", "first_seen", "last_seen",
                  "terms", "contexts")
# what a person decides about a term (its frequency and contexts are extraction's evidence)
_REVIEWED_TERM_KEYS = ("text", "lang", "locale", "pos", "gender", "type", "usage", "lemma", "forms", "confidence")


def entry_snapshot(entry: Entry, *, reviewed: bool) -> dict:
    """An entry as the review history keeps it: :func:`tmtool.model.entry_to_dict`'s fields, and
    whether a person has reviewed it. :func:`tmtool.model.entry_from_dict` reads it back, and reads
    the snapshots of earlier releases too."""
    data = entry_to_dict(entry)
    return {key: data[key] for key in _SNAPSHOT_KEYS} | {"reviewed": reviewed}


def review_state(snapshot: dict | None):
    """What a person decides about an entry; extraction may change the rest (counts, contexts)."""
    if snapshot is None:
        return None
    terms = [[term.get(key) for key in _REVIEWED_TERM_KEYS] for term in snapshot["terms"]]
    return (snapshot["status"], snapshot["definition"], snapshot["note"], terms)


def dumps(data) -> str:
    if not data and isinstance(data, (dict, list, tuple)):
        # most units' props and notes: skip the encoder, as loads skips the parser
        return "{}" if isinstance(data, dict) else "[]"
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


_EMPTY = {"{}": dict, "[]": list}


def loads(text: str):
    """A JSON column's value; the empty object and list, most units' props and notes, skip the
    parser (a third of the time of exporting a memory)."""
    empty = _EMPTY.get(text)
    return empty() if empty else json.loads(text)
