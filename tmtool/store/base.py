"""The store as an interface: what every backend (SQLite today, PostgreSQL next) keeps and answers.

It speaks the project's nouns — documents, units, glossary entries and their terms, the evidence
documents give entries, recorded changes, imports — and holds storage primitives only. The rules
that decide what a change means (merging extracted terms into entries, review, revert, import
de-duplication, recounting) live in :mod:`tmtool.glossary`, written once over this interface.

How a backend finds fuzzy-match candidates, concordance hits or look-up keys is its own business
(FTS5 for SQLite, pg_trgm and tsvector for PostgreSQL): callers hand it the text as typed or
normalised and score what it returns themselves.

Contracts every backend keeps:

- Every method that writes runs in one transaction, or joins the caller's (:meth:`Store.transaction`
  nests); a failure leaves the store as it was.
- Entry ids are integers; the model's ``Entry.id`` carries them as strings.
- An entry's ``version`` starts at 1 and goes up with every :meth:`Store.set_entry_fields` (every
  rule that changes an entry's terms or contexts calls it in the same transaction), but for one
  writing only the evidence (``rows.EVIDENCE_FIELDS``) of a reviewed entry.
  ``set_entry_fields(..., expected_version=v)`` raises :class:`tmtool.errors.Conflict` when the
  stored version is not ``v`` — checked in the write itself, so two writers cannot both pass.
- Unknown ids raise :class:`tmtool.errors.NotFound` where a method says so; elsewhere they are
  simply absent from what is returned.
- Times are stored as ISO 8601 UTC strings (``tmtool.model.iso``) and returned as such in records,
  as :class:`datetime` in model objects.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import Invalid
from ..model import Context, Entry, ReviewStatus, Term, Unit
from .records import Change, DocumentRecord, EntryState, ImportRecord, KeyedTerm, Replacement, StoredUnit, UnitEdit

# The fields of an entry that set_entry_fields writes (the terms and contexts have their own
# methods): values as in the model (ReviewStatus, datetime), ``reviewed`` a bool.
ENTRY_FIELDS = ("status", "reviewed", "definition", "note", "frequency", "score", "first_seen", "last_seen")
# the orders list_entries gives: best score first (then the most frequent), the most frequent first (then the
# best score), the latest added first
ENTRY_ORDERS = ("score", "frequency", "newest")


def announce_upgrade(version: int, latest: int) -> None:
    """Say, before it runs, that a store made by an earlier tmtool is being upgraded (``tmtool`` logger,
    which the command line prints): an upgrade that indexes every unit again takes a minute on a large
    memory (71 s for a 1M-unit SQLite store), and silence would look like a hang. A store at version 0
    is being made, not upgraded."""
    if version:
        logging.getLogger("tmtool.store").info(
            "upgrading the store from schema %d to %d (once; on a large memory this takes a while)", version, latest)


def in_own_thread(opened_in: int | None) -> None:
    """A store is one connection, the thread's that opened it (``opened_in``: its ``threading.get_ident()``; None
    once closed); used in another, it is refused, on both backends alike. On PostgreSQL a second thread's write
    joined the transaction the first had open, and was undone with it after it had been answered; SQLite's driver
    refused it with its own ProgrammingError. A store used after its ``with`` block closed it was the driver's
    ProgrammingError ("Cannot operate on a closed database") or, on PostgreSQL, a connection said lost (503): a
    script's mistake, said as one."""
    if opened_in is None:
        raise Invalid("this store is closed: use it inside its with block, or open it again (open_store())")
    if threading.get_ident() != opened_in:
        raise Invalid("this store was opened in another thread: open_store() in each thread that uses one")


@runtime_checkable
class Store(Protocol):
    """A tmtool store. Open one with :func:`tmtool.store.open_store`; use it as a context manager
    to close it."""

    url: str  # what it was opened from, fit to show: a file path for SQLite, a PostgreSQL URL its password masked
    # what opens it again (a worker process of its own), its password kept: never to be shown
    opened_from: str
    created: bool  # True when opening it made a new, empty store
    # used by the thread that opened it only (in_own_thread): another thread opens a store of its own

    # ---- lifecycle, transactions -------------------------------------------------------------

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc) -> None: ...

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction; nested calls join the outer one."""
        ...

    def pipeline(self) -> AbstractContextManager[None]:
        """Within a transaction, many small writes in a row: a server backend may send them without
        waiting for each one's answer, and a read (or a write whose result is used) waits for all
        sent before it. A failure may then surface at a later statement or at the block's end: the
        transaction fails whole either way. Nested calls join the outer one; a no-op for SQLite."""
        ...

    def is_empty(self) -> bool:
        """True when the store holds nothing at all (no document, unit, entry, import or change)."""
        ...

    def discard(self) -> None:
        """Close the store and delete it, with whatever files the backend keeps beside it (SQLite's
        ``-wal`` and ``-shm``) — only if it is still empty, since another process may have begun
        writing to it meanwhile. For a command that fails after creating a store: failing leaves no
        store behind. A server database is never dropped: there this only closes."""
        ...

    def backup(self, target: str | Path) -> None:
        """Write a consistent copy of the store to the file ``target`` while others may be writing."""
        ...

    def stats(self) -> dict[str, int]:
        """How many of each thing the store holds, in this order: documents, imports, units, entries,
        terms, contexts, changes, "entries candidate|approved|rejected"; then "units fr→en" by pair
        of base languages, "variants de" and "terms de" by base language, each group sorted."""
        ...

    # ---- documents -------------------------------------------------------------------------

    def document(self, document_id: str) -> DocumentRecord | None: ...

    def document_with(self, src_hash: str, tgt_hash: str, *, text: bool = False) -> str | None:
        """The id of the earliest stored document pair with exactly these file hashes — or, with
        ``text``, these text hashes (``DocumentRecord.src_text_hash``) — if any."""
        ...

    def documents(self) -> list[tuple[DocumentRecord, int]]:
        """Every stored document with its number of units, in the order first ingested."""
        ...

    def replace_document(self, record: DocumentRecord, units: Sequence[Unit]) -> dict[str, int]:
        """Store a document and its units (positions 0…n-1), replacing an earlier version with the
        same id: its units, the contexts citing it, the counts it gave entries and the evidence it
        kept (:meth:`add_candidate_evidence`) go with it; its ``ingested`` time and its place in the
        order ingested (``DocumentRecord.ingest_order``) stay. Returns unit ids by tuid (by position,
        as a string, when a unit has none). Storage only: :func:`tmtool.glossary.save_document` also
        recounts the entries."""
        ...

    def delete_documents(self, document_ids: Sequence[str]) -> tuple[int, dict[int, list[tuple[str | None, float | None]]]]:
        """Delete documents with their units, the contexts citing them, the counts they gave
        entries and the evidence they kept. Raises NotFound ("no document a, b in the store") naming
        every unknown id, before anything changes. Returns (units deleted, {entry id: [(seen, score)] that the documents had
        given it}); their recorded corrections go too. Storage only: see
        :func:`tmtool.glossary.remove_documents`."""
        ...

    def set_document_terms(self, document_id: str, release: str) -> None:
        """Record that ``release`` of tmtool extracted a stored document's terms (``DocumentRecord.terms``)."""
        ...

    def forget_document_terms(self, document_id: str) -> dict[int, list[tuple[str | None, float | None]]]:
        """Delete what a stored document's term extraction gave the glossary — the contexts citing
        it, the counts and equivalents' support it gave entries, the evidence it kept — leaving its
        units and record. Returns {entry id: [(seen, score)] that the document had given it}. Storage
        only: see :func:`tmtool.glossary.replace_document_terms`."""
        ...

    def document_evidence(self, document_id: str) -> list[tuple[str, float, dict]]:
        """The proposals a document kept under the threshold (:meth:`add_candidate_evidence`), by key."""
        ...

    def document_entry_ids(self, document_id: str) -> list[int]:
        """The entries that a stored document's extraction counted."""
        ...

    def document_units(self, document_id: str) -> list[StoredUnit]:
        """A document's units in document order, with their ids and alignment facts, whether a
        reviewer excluded them from exports and, for a unit a reviewer made, its sentences. Raises
        NotFound for an unknown document."""
        ...

    # ---- a reviewer's corrections to a document's alignment (see tmtool.corrections) -----------

    def replace_units(self, document_id: str, run: Sequence[StoredUnit], after: Sequence[Replacement],
                      action: str, user: str | None = None) -> int:
        """Replace ``run``, consecutive units of a document as :meth:`document_units` gave them in
        the caller's transaction, by the run ``after`` (units with the first one's languages, tuid —
        the others ``tuid.2``, ``tuid.3`` … — and props, no confidence), re-pointing the glossary
        contexts that quoted the old units; a run of the same texts only changes whether they are
        excluded. Records the correction, made by ``user``, by both runs (:class:`UnitEdit`), so that
        :meth:`replay_unit_edits` can make it again and :meth:`undo_unit_edit` undo it. Invalid for
        units that do not follow each other. Returns the correction's id."""
        ...

    def unit_edits(self, document_id: str) -> list[UnitEdit]:
        """A document's recorded corrections, oldest first; they outlive a re-ingest of the document
        and go when it is removed (:meth:`delete_documents`)."""
        ...

    def undo_unit_edit(self, document_id: str) -> UnitEdit:
        """Undo a document's last correction: the units it replaced made again as they were, its
        record removed (only the record, when a revision ingested since left it out). NotFound for
        an unknown document, Invalid when it has no correction. Returns the correction undone."""
        ...

    def replay_unit_edits(self, document_id: str) -> int:
        """Make a document's recorded corrections again, in order, on its units as stored now (a
        revised version just ingested); one whose run of texts is no longer there is passed over.
        Returns how many were made."""
        ...

    # ---- units -----------------------------------------------------------------------------

    def add_units(self, units: Iterable[Unit], origin: str, import_id: int | None = None, *,
                  untranslated: Callable[[Unit], bool] | None = None,
                  pairs: Counter | None = None, repeats: Counter | None = None,
                  confirmed: Callable[[dict, Unit], dict | None] | None = None) -> tuple[int, int, int]:
        """Add imported units, skipping those ``untranslated`` says hold no translation (by default
        those with an empty target; always those with an empty source) and those identical to one
        already stored (``records.unit_content_key``, also within ``units``); of those, a stored unit
        takes the props ``confirmed(its props, the unit read)`` gives, unless None (a draft the file
        confirms, see ``formats.tmx.confirming``). Reads ``units``
        lazily, holding a batch at a time. A unit with an invalid language tag raises TmtoolError
        with ``path=origin``. Returns (added, already stored, untranslated); ``pairs``, when given,
        counts the added units by (srclang, tgtlang) as stored; ``repeats``, by (srclang, tgtlang) too,
        those of the already stored that repeat a unit earlier in ``units`` (of import ``import_id``:
        a file holding a unit twice)."""
        ...

    def units(self, *, since: datetime | None = None, excluded: bool = True) -> Iterator[Unit]:
        """Every unit (changed on or after ``since``), with its variants, in the order stored;
        without those a reviewer excluded from exports unless ``excluded``."""
        ...

    def unit_count(self, *, since: datetime | None = None) -> int: ...

    def units_by_id(self, ids: Sequence[int]) -> dict[int, Unit]: ...

    def units_came_from(self, units: Mapping[int, Unit]) -> dict[int, str]:
        """Where each of ``units`` (by id, as :meth:`units_by_id` gives them) came from, as :meth:`concordance`
        names it: its document's id, else the document its tool names, else the file it was imported from."""
        ...

    def source_languages(self, *, since: datetime | None = None) -> list[str]:
        """The distinct source language tags of :meth:`units`, as stored, sorted."""
        ...

    def unit_languages(self) -> list[str]:
        """The base languages of the memory's texts (sources, targets and variants), sorted."""
        ...

    # ---- searching the memory ----------------------------------------------------------------

    def fuzzy_candidates(self, text: str, min_score: float, side: str = "source",
                         lang: str | None = None) -> dict[int, str]:
        """Candidates for a fuzzy match of ``text`` (already ``normalize_for_match``-ed, at least 3
        characters) on the units' ``side`` ("source" or "target"): {unit id: normalised text of that
        side} of units whose normalised text there might score ``min_score`` % or more
        (``tmtool.search.similarity``), only units whose ``side`` is in ``lang`` (a base language, as
        ``store.rows.base_language`` reads a stored tag) when given. The caller scores them; a backend
        returns every unit that can reach the score as far as its index allows, and bounds its work
        on common grams (see tmtool/search.py and bench/scale.py for what SQLite achieves)."""
        ...

    def variant_fuzzy_candidates(self, text: str, min_score: float,
                                 lang: str | None = None) -> list[tuple[int, str, str]]:
        """Candidates for a fuzzy match of ``text`` (already ``normalize_for_match``-ed) at ``min_score`` %
        among the units' other languages (``Unit.variants``: a DGT memory's German, Spanish … beside its
        English source and first target): (unit id, the variant's tag, its text as stored) of those sharing
        one of the query's rarest words (``rows.VARIANT_WORD_BUDGET``) within ``rows.variant_length_band``, in
        ``lang`` (a base language) when given. The caller normalises and scores them; a query of common words
        only has none."""
        ...

    def concordance(self, text: str, limit: int = 20, lang: str | None = None) -> list[tuple[Unit, str]]:
        """Units whose source, target or other languages (variants) contain ``text`` as whole words (a
        phrase: the words in order), case- and accent-insensitive, each unit once, in the same order on
        every backend (``rows.CONCORDANCE_ORDER``: those holding it in their source or target first, then
        the shortest, then by id), each with where it came from: its document's id, else the document its
        tool names (memoQ's ``x-document``), else the file name (no folder) it was imported from. With ``lang`` (a base language: fr), the texts in that language only: a fr→en unit's
        source, an en→fr unit's target, a fr/en/de unit's German."""
        ...

    def concordance_count(self, text: str, cap: int, lang: str | None = None) -> int:
        """How many units :meth:`concordance` would find, counted up to ``cap``."""
        ...

    def memory_contexts(self, words: Iterable[str], *, exclude_document: str | None = None,
                        limit: int = 200, lang: str = "fr") -> list[Context]:
        """French→English units (by base language) as sentence pairs for term extraction to weigh a
        new document against: those whose source shares the most specific of ``words`` (folded;
        words under 4 letters and words found in more than ``limit`` sources are ignored), most
        relevant first, at most ``limit``, none from ``exclude_document`` (imported units have no
        document and are always eligible). Context(fr, en, document id or '', tuid or ''). With
        ``lang`` another language than French, the units of it and English, its sentence as ``fr``
        (``rows.term_context``)."""
        ...

    # ---- reading entries -----------------------------------------------------------------------

    def entries(self, ids: Sequence[int], *, contexts: int | None = None) -> dict[int, Entry]:
        """Entries by id (unknown ids absent), with their terms in order — each term with its own
        frequency and contexts — the entry's version, and up to ``contexts`` of its contexts
        (all when None), oldest first."""
        ...

    def entry_state(self, entry_id: int) -> EntryState | None:
        """What the store keeps about an entry beyond the model, None if there is no such entry."""
        ...

    def entry_states(self, entry_ids: Sequence[int]) -> dict[int, EntryState]:
        """:meth:`entry_state` of many entries at once, by id (unknown ids absent)."""
        ...

    def list_entries(self, *, statuses: Sequence[ReviewStatus] = (), min_score: float | None = None,
                     since: datetime | None = None, text: str | None = None, document: str | None = None,
                     limit: int | None = None, offset: int = 0, order: str = "score",
                     after: Sequence | None = None, before: Sequence | None = None,
                     lang: str | None = None) -> list[Entry]:
        """Entries matching every given filter, in ``order`` (one of :data:`ENTRY_ORDERS`): by score
        (highest first), then frequency (highest first), then id; ``since`` compares the time the entry last changed; ``text``: ``fold(text)`` is
        a substring of a term's folded surface form (``folding.fold``), a hyphen and a space alike; ``document``
        keeps those a stored document's extraction counted; ``lang`` (a base language, as terms are stored) those
        holding a term in it; ``after``: only those that come after an entry
        whose (score, frequency, id) it is, in ``order`` (``rows.entries_around``: a page after the one
        before, whatever was added or decided in between), ``offset`` then counted from there; ``before``: only
        those that come before such an entry, the ``limit`` nearest it (``offset`` counted back from it), still
        in ``order`` (a previous page)."""
        ...

    def count_entries(self, *, statuses: Sequence[ReviewStatus] = (), min_score: float | None = None,
                      text: str | None = None, document: str | None = None, lang: str | None = None,
                      cap: int, order: str = "score", before: Sequence | None = None) -> int:
        """How many entries :meth:`list_entries` would give for these filters, counted up to ``cap`` (a count
        bounded in time, however large the glossary); with ``before`` (as list_entries takes it, in ``order``),
        those before that entry: how many a page starting at it follows."""
        ...

    def approved_version(self) -> tuple:
        """A value that changes with every change to the approved entries (one approved, or no
        longer; added, removed; its terms changed, which bumps its version): what a cache of
        something built from them is keyed by. One aggregate query."""
        ...

    def approved_keys(self) -> list[str]:
        """The look-up keys, of every kind, of the approved entries' terms, each once, in no order: what a
        document's runs of words are sifted by before their keys are looked up (``glossary.count_approved``)."""
        ...

    def queue_counts(self, pairs: Iterable[tuple[str, int]]) -> None:
        """Keep (document id, entry id) pairs whose approved count is to be made again (``glossary.count_queued``),
        entry id 0 for every approved entry of the document, document id '' for an entry whose documents are to be
        found; a pair kept already is kept once. In the caller's transaction: a change and the counts it leaves to
        make are committed together, so that none is lost."""
        ...

    def queued_counts(self, limit: int | None = None) -> dict[str, set[int]]:
        """The queued pairs (:meth:`queue_counts`) of the first ``limit`` documents queued, by document id (every
        one when None): each document's entry ids."""
        ...

    def unqueue_counts(self, pairs: Iterable[tuple[str, int]]) -> None:
        """Forget these queued pairs (counted again)."""
        ...

    def in_transaction(self) -> bool:
        """Whether a transaction of this connection is open (one begun now would join it)."""
        ...

    def documents_with_words(self, words: Sequence[Sequence[str]]) -> dict[str, set[int]]:
        """The stored documents some unit of which holds, in its source or in its target, every word of ``words``,
        each given by the starts of its spellings (folded: lower case, no accents; letters, digits), found by the word
        index: each document's id with the ids of those units, in no order. The sentences a term just approved may
        occur in."""
        ...

    def term_languages(self) -> list[str]:
        """The (base) languages of the glossary's terms, sorted."""
        ...

    def lexicon_pairs(self, srclang: str = "fr", tgtlang: str = "en") -> list[tuple[str, str]]:
        """(source, target) term texts of approved entries, deprecated terms left out, every pairing
        of an entry's terms in the two base languages, by entry id then term positions."""
        ...

    def terms_by_key(self, keys: Sequence[str]) -> list[KeyedTerm]:
        """The terms with a look-up key (``folding.term_keys``) equal to one of ``keys``."""
        ...

    def terms_by_prefix(self, prefix: str, limit: int) -> list[KeyedTerm]:
        """At most ``limit`` terms with a surface-form key ("form") that starts with ``prefix``
        (and is longer than it)."""
        ...

    def terms_spelt_like(self, folded: str) -> list[KeyedTerm]:
        """Candidates for a fuzzy look-up of ``folded`` (a folded query of 3+ characters): terms with
        a surface-form key sharing its rarest trigrams. The caller scores them (rapidfuzz ratio)."""
        ...

    def entry_ids_changed_since_import(self, import_id: int) -> set[int]:
        """Entries touched (in ``before`` of) a change recorded after the import's own change."""
        ...

    # ---- writing entries (storage only: the rules are in tmtool.glossary) -----------------------

    def insert_entry(self, entry: Entry, *, reviewed: bool, entry_id: int | None = None,
                     unit_ids: Mapping[str, int] | None = None, import_id: int | None = None) -> int:
        """Store a new entry with its terms and contexts (version 1); ``entry_id`` when given, else
        a new id above every stored one (SQLite may give a deleted last id again: the history tells
        the two apart by time, see :meth:`origin_snapshots`). ``unit_ids`` (tuid → unit id) links
        contexts to their units. Returns its id."""
        ...

    def set_entry_fields(self, entry_id: int, fields: Mapping[str, object], *,
                         expected_version: int | None = None) -> int:
        """Write some of an entry's ``ENTRY_FIELDS``, set its updated time and bump its version;
        returns the new version. Raises NotFound for no such entry, and Conflict ("entry N was
        changed by someone else (version V, not E); reload it") when ``expected_version`` is given
        and is not the stored one."""
        ...

    def set_entries_fields(self, fields: Iterable[tuple[int, Mapping[str, object]]]) -> None:
        """:meth:`set_entry_fields` of many entries at once: (entry id, fields) in order, no version
        expected; an entry given twice is written twice. NotFound when one of them is not stored."""
        ...

    def write_terms(self, entry_id: int, terms: Sequence[Term]) -> None:
        """Replace an entry's terms (in order, with their own frequency and contexts) and their
        look-up keys. Terms that give the entry another context language (``model.context_language``) leave
        its contexts in the language they were in (``rows.held_context_languages``)."""
        ...

    def add_contexts(self, entry_id: int, contexts: Iterable[Context], unit_ids: Mapping[str, int]) -> None:
        """Append contexts to an entry; ``unit_ids`` (tuid → unit id) links them to their units."""
        ...

    def delete_entry(self, entry_id: int) -> None:
        """Delete an entry with its terms, contexts and evidence (nothing if there is none)."""
        ...

    def count_in_document(self, entry_id: int, document_id: str, frequency: int, seen: datetime,
                          score: float) -> None:
        """Record a document's evidence for an entry; added to (frequency summed, score the
        highest, seen kept) when the document already counts it."""
        ...

    def add_equivalent_support(self, entry_id: int, document_id: str,
                               supports: Iterable[tuple]) -> None:
        """Record the support a document gives an entry's equivalents: (lang, term type value,
        key, text, support, frequency, weight, confidence), summed with what the document already gave the same key
        (the confidence then their mean, ``weight`` the occurrences it is weighed by: support / weight); the last
        three may be left out (unknown: NULL, ``rows.equivalent_row``)."""
        ...

    def add_candidate_evidence(self, document_id: str, candidates: Iterable[tuple[str, float, dict]]) -> None:
        """Keep a document's proposals under the threshold: (key, score, proposal as
        ``model.entry_to_dict`` gives it), one per key. They go with the document (replaced or
        removed). See :func:`tmtool.glossary.keep_evidence`."""
        ...

    def candidate_evidence(self, keys: Sequence[str]) -> dict[str, list[tuple[str, float, dict]]]:
        """The proposals kept under each of ``keys``: {key: [(document id, score, proposal)] in the
        order the documents were first ingested}; a key with none is absent."""
        ...

    def document_counts(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, int, str | None, float | None]]]:
        """The documents counting each of the entries: {entry id: [(document id, frequency, seen,
        score)] by document id}; an entry no document counts is absent."""
        ...

    def equivalent_supports(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, str, str, float]]]:
        """Each entry's equivalents' support summed over the documents: {entry id: [(lang, term type
        value, key, support)] in that order}; an entry with none is absent."""
        ...

    def document_supports(self, entry_ids: Sequence[int]) -> dict[int, list[tuple]]:
        """Each entry's equivalents' support as each document gave it: {entry id: [(document id, lang, term type
        value, key, text, support, frequency, weight, confidence)] in that order}, what ``add_equivalent_support``
        wrote (the figures None where unknown); an entry with none is absent."""
        ...

    def forget_entry_evidence(self, entry_id: int, document_ids: Sequence[str]) -> None:
        """Delete what ``document_ids`` counted of an entry: their counts, their equivalents' support and the
        contexts citing them (a merge's revert gives its target back its own, see :func:`tmtool.glossary.revert`)."""
        ...

    def move_evidence(self, source_id: int, target_id: int, counted_twice: Mapping[str, int] | None = None,
                      language: str | None = None) -> None:
        """Give ``target_id`` what documents counted for ``source_id`` (frequencies summed, less the
        occurrences ``counted_twice`` says each document counted for both) and its contexts, but those
        the target already cites (same fr, en and document); ``language``: that of the source's contexts
        that give none (its context language), which they keep."""
        ...

    # ---- recorded changes ----------------------------------------------------------------------

    def record_change(self, action: str, before: Mapping[int, dict | None], after: Mapping[int, dict | None],
                      *, user: str | None = None) -> int:
        """Record a change: entry snapshots (``records.entry_snapshot``) before and after, None for
        an entry that did not or no longer exists. Returns its id (increasing)."""
        ...

    def history(self, entry_id: int | None = None, *, action: str | None = None) -> list[Change]:
        """Recorded changes, oldest first; only those whose ``before`` holds ``entry_id`` when given, and those of
        ``action`` (``import client.tbx``) when given: the others' snapshots are not read."""
        ...

    def change(self, change_id: int) -> Change | None: ...

    def mark_reverted(self, change_id: int, revert_id: int) -> None: ...

    def origin_snapshots(self, entry_ids: Sequence[int]) -> dict[int, dict]:
        """For each entry that a recorded change created (added by hand, imported, restored by a
        revert) — a change whose ``before`` is null for it, not older than the entry — the latest
        such change's ``after`` snapshot. Entries extraction created have none."""
        ...

    def snapshots_before_changes(self, entry_ids: Sequence[int]) -> dict[int, list[dict]]:
        """For each entry a recorded change has changed since it was made, the ``before`` snapshots
        of those changes, oldest first: the first one of an entry extraction made is what it proposed,
        before a person edited it (``glossary._EntryFinder`` finds it by its terms then). Then those of
        the entries merged into it (``rows.merged_into``) up to their merge: what a person edited away
        and then merged lives on in the entry merged into."""
        ...

    # ---- imports -------------------------------------------------------------------------------

    def imports(self) -> list[ImportRecord]:
        """Every import still in the store, oldest first."""
        ...

    def new_import(self, path: str, fmt: str, kind: str) -> int:
        """Record an import about to be made (in the caller's transaction); give its id to
        :meth:`add_units` or ``glossary.import_entries``, then call :meth:`finish_import`."""
        ...

    def finish_import(self, import_id: int, added: int) -> None:
        """Record what an import added; one that added nothing changed nothing and is not kept."""
        ...

    def set_import_change(self, import_id: int, change_id: int) -> None:
        """Link an import to the recorded change that added its entries."""
        ...

    def import_entry_ids(self, import_id: int) -> list[tuple[int, bool]]:
        """The entries an import added that are still stored: (id, counted by a document)."""
        ...

    def delete_import(self, import_id: int) -> int:
        """Delete an import's record and its units (its entries stay, no longer linked to it).
        Returns the units deleted."""
        ...
