"""The embedded store: one SQLite file with documents, units, glossary entries and review history.

The CLI only maps options to these methods. Every public method that writes runs in one
transaction (or inside the caller's, see :meth:`Store.transaction`), so a failure leaves the
store as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path

from ..errors import TmtoolError
from ..langtags import normalize_tag
from ..model import (
    Context, Entry, ReviewStatus, Term, TermType, Unit, UsageStatus, Variant, iso, parse_time, utcnow,
)
from ..text.normalize import fold, normalize_for_match, stem, term_keys
from .evidence import entry_score, kept_equivalents
from .migrations import migrate
from .records import (
    Change,
    DocumentRecord,
    ImportRecord,
    Removal,
    dumps,
    entry_from_json,
    entry_to_json,
    loads,
    review_state,
    unit_content_key,
)

BUSY_TIMEOUT_S = 10.0
IMPORT_BATCH = 1000  # units read, checked and inserted at a time by add_units
# units added to the full-text indexes by one statement: FTS5 writes its pending terms out as a
# new segment at the end of every statement, and merging many small segments cost more than
# tokenising (100,000 units: 1,000 per statement 15.8 s CPU, 10,000 or more 7.0 s; memory flat)
INDEX_BATCH = 20_000
# memory units given to term extraction with a new document: extraction time grows faster than
# this (seed + 100 units 8 s, + 1000 units 58 s; see bench/README.md, Scale)
MEMORY_CONTEXTS = 200
MIN_CONTEXT_WORD = 4  # shorter words are function words or numbers, no evidence for a term
CONTEXTS_PER_DOCUMENT = 3  # enough to show a term in use without storing every sentence


def _confidence(prop: str | None) -> float | None:
    """The aligner's ``x-confidence`` prop as a number; an imported memory may hold anything there."""
    try:
        return float(prop) if prop else None
    except ValueError:
        return None


def _without_target(unit: Unit) -> bool:
    return not unit.target.strip()


# a memory repeats a handful of language tags millions of times
_language_tag = lru_cache(maxsize=256)(normalize_tag)


def _check_languages(unit: Unit, origin: str) -> None:
    """Refuse a unit whose source, target or variant language is not a language tag: stored, it
    would make every later TMX export of the store fail."""
    for side, tag in (("source", unit.srclang), ("target", unit.tgtlang), *(("variant", v.lang) for v in unit.variants)):
        try:
            _language_tag(tag)
        except TmtoolError as exc:
            where = f"unit {unit.tuid!r}" if unit.tuid else "a unit"
            raise TmtoolError(f"{where} has no valid {side} language: {exc.message}", path=origin) from None


def _base_language(tag: str) -> str | None:
    """``base_language`` for SQL (``fr-FR`` → ``fr``): None for what no longer parses, which an old
    store may hold (see migration 7)."""
    try:
        return _language_tag(tag).split("-")[0]
    except TmtoolError:
        return None


def _phrase(token: str) -> str:
    """``token`` as an FTS5 string, matched as typed."""
    return '"' + token.replace('"', '""') + '"'


def _spellings(term: Term) -> list[str]:
    """A term's text, the forms seen and its lemma — when the lemma is the whole term's: an
    extractor may give the head word's lemma (*centre* for *Centre d'excellence*), which would
    make every term with that head look alike."""
    lemma = [term.lemma] if term.lemma and len(term.lemma.split()) == len(term.text.split()) else []
    return [term.text, *term.forms, *lemma]


class Store:
    """A tmtool store. Open with :meth:`Store.open`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self._conn = conn
        self.path = path

    # ---- opening, transactions -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating and migrating if needed) the store at ``path``."""
        path = str(path)
        if path != ":memory:":
            parent = Path(path).resolve().parent
            if not parent.is_dir():
                raise TmtoolError(f"cannot create store: directory {parent} does not exist", path=path)
            if Path(path).is_dir():
                raise TmtoolError("cannot open store: this is a directory", path=path)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            conn.create_function("base_language", 1, _base_language, deterministic=True)
            migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise TmtoolError(f"cannot open store: {exc}", path=path) from None
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one."""
        if self._conn.in_transaction:
            yield
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    # ---- documents and units ---------------------------------------------------------------

    _DOCUMENT_COLUMNS = ("id, src_path, tgt_path, src_hash, tgt_hash, srclang, tgtlang, ingested, updated,"
                         " src_text_hash, tgt_text_hash")

    def document(self, document_id: str) -> DocumentRecord | None:
        rows = self._query(
            f"SELECT {self._DOCUMENT_COLUMNS} FROM documents WHERE id = ?",
            (document_id,),
        )
        return DocumentRecord(*rows[0]) if rows else None

    def document_with(self, src_hash: str, tgt_hash: str, *, text: bool = False) -> str | None:
        """The id of a stored document pair with exactly these file contents — or, with ``text``,
        this text as segmented (see ``DocumentRecord``) — if any."""
        columns = ("src_text_hash", "tgt_text_hash") if text else ("src_hash", "tgt_hash")
        rows = self._query(f"SELECT id FROM documents WHERE {columns[0]} = ? AND {columns[1]} = ?"
                           " ORDER BY ingested, id LIMIT 1", (src_hash, tgt_hash))
        return rows[0][0] if rows else None

    def replace_document(self, record: DocumentRecord, units: Sequence[Unit]) -> dict[str, int]:
        """Store a document and its units, replacing an earlier version with the same id (its units,
        contexts and term counts go with it). Returns unit ids by tuid."""
        now = iso(utcnow())
        with self.transaction():
            earlier = self.document(record.id)
            self._conn.execute("DELETE FROM contexts WHERE document = ?", (record.id,))
            self._conn.execute("DELETE FROM documents WHERE id = ?", (record.id,))
            self._conn.execute(
                f"INSERT INTO documents ({self._DOCUMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id, record.src_path, record.tgt_path, record.src_hash, record.tgt_hash,
                    record.srclang, record.tgtlang, earlier.ingested if earlier else now, now,
                    record.src_text_hash, record.tgt_text_hash,
                ),
            )
            last_id = self._last_unit_id()
            unit_ids = {
                unit.tuid or str(position): self._insert_unit(unit, record.id, position, record.src_path)
                for position, unit in enumerate(units)
            }
            self._index_units(after=last_id)
            return unit_ids

    _INSERT_UNIT = (
        "INSERT INTO units (tuid, source, target, srclang, tgtlang, match_text, content_key,"
        " document_id, position, bead, confidence, origin, props, notes, created, changed,"
        " source_markup, target_markup, import_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    @staticmethod
    def _unit_row(unit: Unit, content_key: str, document_id: str | None, position: int | None,
                  origin: str, import_id: int | None = None) -> tuple:
        _check_languages(unit, origin)
        return (
            unit.tuid, unit.source, unit.target, unit.srclang, unit.tgtlang,
            normalize_for_match(unit.source), content_key, document_id, position,
            unit.props.get("x-bead"), _confidence(unit.props.get("x-confidence")), origin,
            dumps(unit.props), dumps(unit.notes), iso(unit.created), iso(unit.changed),
            unit.source_markup, unit.target_markup, import_id,
        )

    def _insert_unit(self, unit: Unit, document_id: str | None, position: int | None, origin: str) -> int:
        row = self._unit_row(unit, unit_content_key(unit), document_id, position, origin)
        unit_id = self._conn.execute(self._INSERT_UNIT, row).lastrowid
        self._insert_variants({unit_id: unit})
        return unit_id

    def _insert_variants(self, units: dict[int, Unit]) -> None:
        """Store the variants of just-inserted ``units`` (by id)."""
        self._conn.executemany(
            "INSERT INTO unit_variants (unit_id, position, lang, text, markup) VALUES (?, ?, ?, ?, ?)",
            [(unit_id, position, v.lang, v.text, v.markup)
             for unit_id, unit in units.items() for position, v in enumerate(unit.variants)])

    def _last_unit_id(self) -> int:
        return self._query("SELECT coalesce(max(id), 0) FROM units")[0][0]

    def _index_units(self, *, after: int) -> int:
        """Add the units inserted since ``after`` (the last id before them) to the full-text and
        trigram indexes; new units get ids above any stored one (the write lock is held).
        Returns the last id indexed."""
        self._conn.execute("INSERT INTO units_fts(rowid, source, target)"
                           " SELECT id, source, target FROM units WHERE id > ?", (after,))
        self._conn.execute("INSERT INTO units_grams(rowid, match_text)"
                           " SELECT id, match_text FROM units WHERE id > ?", (after,))
        return self._last_unit_id()

    def add_units(self, units: Iterable[Unit], origin: str, import_id: int | None = None, *,
                  untranslated: Callable[[Unit], bool] = _without_target,
                  pairs: Counter | None = None) -> tuple[int, int, int]:
        """Add imported units (of import ``import_id``, see :meth:`new_import`), skipping those
        ``untranslated`` says hold no translation (by default, those with an empty target) and those
        identical to one already stored. Returns (added, already stored, untranslated); ``pairs``,
        when given, counts the added units by (source language, target language).

        Units are inserted in batches: one query finds a batch's units already stored, one
        statement inserts the rest, and at most a batch is held in memory."""
        added = already_stored = not_translated = 0
        units = iter(units)
        with self.transaction():
            indexed = self._last_unit_id()
            while batch := list(islice(units, IMPORT_BATCH)):
                kept = [unit for unit in batch if unit.source.strip() and not untranslated(unit)]
                not_translated += len(batch) - len(kept)
                translated: dict[str, Unit] = {}
                for unit in kept:
                    translated.setdefault(unit_content_key(unit), unit)
                keys = list(translated)
                stored = {row[0] for row in self._query(
                    f"SELECT content_key FROM units WHERE content_key IN ({','.join('?' * len(keys))})", keys)}
                new = {key: unit for key, unit in translated.items() if key not in stored}
                before = self._last_unit_id()
                rows = [self._unit_row(unit, key, None, None, origin, import_id) for key, unit in new.items()]
                self._conn.executemany(self._INSERT_UNIT, rows)
                if pairs is not None:
                    pairs.update((u.srclang, u.tgtlang) for key, u in translated.items() if key not in stored)
                if any(unit.variants for unit in new.values()):
                    self._insert_variants({unit_id: new[key] for unit_id, key in self._query(
                        "SELECT id, content_key FROM units WHERE id > ?", (before,))})
                added += len(rows)
                already_stored += len(kept) - len(rows)
                if self._last_unit_id() - indexed >= INDEX_BATCH:
                    indexed = self._index_units(after=indexed)
            self._index_units(after=indexed)
        return added, already_stored, not_translated

    _UNIT_COLUMNS = ("id, tuid, source, target, srclang, tgtlang, props, notes, created, changed,"
                     " source_markup, target_markup")

    @staticmethod
    def _unit(row: tuple) -> Unit:
        _, tuid, source, target, srclang, tgtlang, props, notes, created, changed, source_markup, target_markup = row
        return Unit(
            source=source, target=target, srclang=srclang, tgtlang=tgtlang, tuid=tuid,
            created=parse_time(created), changed=parse_time(changed),
            props=loads(props), notes=loads(notes),
            source_markup=source_markup, target_markup=target_markup,
        )

    def units(self, *, since: datetime | None = None) -> Iterator[Unit]:
        """Every unit (changed on or after ``since``), in the order stored."""
        where, params = self._since(since)
        rows = self._conn.execute(f"SELECT {self._UNIT_COLUMNS} FROM units{where} ORDER BY id", params)
        # the variants in unit order beside the units, joined as both are read: one query, not one a
        # unit; started while the units' query is active, it reads the same snapshot of the store
        variants = self._conn.execute(
            "SELECT v.unit_id, v.lang, v.text, v.markup FROM unit_variants v"
            + (" JOIN units u ON u.id = v.unit_id WHERE u.changed >= ?" if since else "")
            + " ORDER BY v.unit_id, v.position", params)
        return self._joined(rows, variants)

    def _joined(self, rows: Iterator[tuple], variants: Iterator[tuple]) -> Iterator[Unit]:
        pending = next(variants, None)
        for row in rows:
            unit = self._unit(row)
            while pending is not None and pending[0] <= row[0]:
                if pending[0] == row[0]:
                    unit.variants.append(Variant(*pending[1:]))
                pending = next(variants, None)
            yield unit

    def _with_variants(self, units: dict[int, Unit]) -> dict[int, Unit]:
        """``units`` (by id), given their variants."""
        if units:
            marks = ",".join("?" * len(units))
            for unit_id, *variant in self._query("SELECT unit_id, lang, text, markup FROM unit_variants"
                                                 f" WHERE unit_id IN ({marks}) ORDER BY unit_id, position", list(units)):
                units[unit_id].variants.append(Variant(*variant))
        return units

    def unit_count(self, *, since: datetime | None = None) -> int:
        """How many units :meth:`units` gives."""
        where, params = self._since(since)
        return self._query(f"SELECT count(*) FROM units{where}", params)[0][0]

    def source_languages(self, *, since: datetime | None = None) -> list[str]:
        """The source language tags of the units :meth:`units` gives, as stored."""
        where, params = self._since(since)
        return [tag for tag, in self._query(f"SELECT DISTINCT srclang FROM units{where} ORDER BY srclang", params)]

    def unit_languages(self) -> list[str]:
        """The base languages of the memory's texts (sources, targets and variants), sorted."""
        tags = self._query("SELECT srclang FROM units UNION SELECT tgtlang FROM units"
                           " UNION SELECT lang FROM unit_variants")
        return sorted({base for tag, in tags if (base := _base_language(tag))})

    def term_languages(self) -> list[str]:
        """The (base) languages of the glossary's terms, sorted."""
        return [lang for lang, in self._query("SELECT DISTINCT lang FROM terms ORDER BY lang")]

    @staticmethod
    def _since(since: datetime | None) -> tuple[str, tuple]:
        return (" WHERE changed >= ?", (iso(since),)) if since else ("", ())

    def units_by_id(self, ids: Sequence[int]) -> dict[int, Unit]:
        marks = ",".join("?" * len(ids))
        rows = self._query(f"SELECT {self._UNIT_COLUMNS} FROM units WHERE id IN ({marks})", ids)
        return self._with_variants({row[0]: self._unit(row) for row in rows})

    def memory_contexts(self, words: Iterable[str], *, exclude_document: str | None = None,
                        limit: int = MEMORY_CONTEXTS) -> list[Context]:
        """Stored French→English units as sentence pairs for term extraction to weigh a new document
        against: those sharing the most specific of the document's French ``words`` (bm25 order), at
        most ``limit``.

        Only words found in at most ``limit`` units are queried: a word common in the memory says
        nothing about a term, and its postings would make the query scan the whole memory."""
        words = sorted({fold(word) for word in words if len(word) >= MIN_CONTEXT_WORD})
        if not words:
            return []
        marks = ",".join("?" * len(words))
        specific = [word for word, in self._query(
            f"SELECT term FROM units_words_vocab WHERE col = 'source' AND term IN ({marks}) AND doc <= ?",
            (*words, limit))]
        if not specific:
            return []
        query = "source : (" + " OR ".join('"' + w.replace('"', '""') + '"' for w in specific) + ")"
        rows = self._query(
            "SELECT u.source, u.target, coalesce(u.document_id, ''), coalesce(u.tuid, '')"
            " FROM units_fts JOIN units u ON u.id = units_fts.rowid"
            # imported units have no document: they are memory too, whatever is excluded
            " WHERE units_fts MATCH ? AND (?2 IS NULL OR u.document_id IS NOT ?2)"
            # a German–French unit's source is no French sentence, nor its target an English one
            " AND base_language(u.srclang) = 'fr' AND base_language(u.tgtlang) = 'en'"
            " ORDER BY units_fts.rank LIMIT ?3",
            (query, exclude_document, limit),
        )
        return [Context(*row) for row in rows]

    def lexicon_pairs(self, srclang: str = "fr", tgtlang: str = "en") -> list[tuple[str, str]]:
        """(source, target) term pairs of the approved entries, in two base languages: evidence for
        the aligner, so a reviewed glossary helps align the documents that arrive after it."""
        return self._query(
            "SELECT f.text, t.text FROM entries e"
            " JOIN terms f ON f.entry_id = e.id AND f.lang = ? AND f.usage != 'deprecated'"
            " JOIN terms t ON t.entry_id = e.id AND t.lang = ? AND t.usage != 'deprecated'"
            " WHERE e.status = 'approved' ORDER BY e.id, f.position, t.position",
            (srclang, tgtlang),
        )

    def gram_counts(self, grams: Iterable[str], cap: int) -> dict[str, int]:
        """How many units' normalised sources contain each gram, counted up to ``cap``: FTS5 reads
        a doclist lazily, so a common gram costs ``cap`` postings, not the size of the memory."""
        return {gram: self._match_count("units_grams", _phrase(gram), cap) for gram in grams}

    def word_counts(self, words: Iterable[str], cap: int) -> dict[str, int]:
        """How many units' sources contain each word (the concordance index), counted up to ``cap``."""
        return {word: self._match_count("units_fts", "source : " + _phrase(word), cap) for word in words}

    def _match_count(self, index: str, expression: str, cap: int) -> int:
        return self._query(f"SELECT count(*) FROM (SELECT 1 FROM {index} WHERE {index} MATCH ? LIMIT ?)",
                           (expression, cap))[0][0]

    def unit_candidates(self, gram_query: str, min_len: int, max_len: int) -> list[tuple[int, str]]:
        """(id, normalised source) of the units within a length band that match ``gram_query``,
        an FTS5 expression over trigrams."""
        return self._band_matches("units_grams", gram_query, min_len, max_len)

    def word_candidates(self, word_query: str, min_len: int, max_len: int) -> list[tuple[int, str]]:
        """The same for ``word_query``, an FTS5 expression over the words of the sources."""
        return self._band_matches("units_fts", f"source : ({word_query})", min_len, max_len)

    def _band_matches(self, index: str, expression: str, min_len: int, max_len: int) -> list[tuple[int, str]]:
        # named: the planner would look each match up by rowid, reading rows outside the band too
        return self._query(
            f"SELECT u.id, u.match_text FROM {index} JOIN units u INDEXED BY units_match_length"
            f" ON u.id = {index}.rowid"
            f" WHERE {index} MATCH ? AND length(u.match_text) BETWEEN ? AND ?",
            (expression, min_len, max_len),
        )

    def gram_frequencies(self, grams: Iterable[str]) -> dict[str, int]:
        """How many glossary look-up keys contain each gram (grams absent are left out)."""
        grams = list(grams)
        marks = ",".join("?" * len(grams))
        return dict(self._query(f"SELECT term, doc FROM lookup_grams_vocab WHERE term IN ({marks})", grams))

    def concordance(self, word: str, limit: int = 20) -> list[Unit]:
        """Units whose source or target contains ``word`` (accent-insensitive, whole words)."""
        return [unit for unit, _ in self.located_concordance(word, limit)]

    def located_concordance(self, word: str, limit: int = 20) -> list[tuple[Unit, str]]:
        """The units of :meth:`concordance`, each with where it came from: its document, else the
        name of the file it was imported from."""
        rows = self._query(
            f"SELECT {', '.join('u.' + c for c in self._UNIT_COLUMNS.split(', '))}, u.document_id, u.origin"
            " FROM units_fts JOIN units u ON u.id = units_fts.rowid"
            " WHERE units_fts MATCH ? ORDER BY units_fts.rank LIMIT ?",
            (_phrase(word), limit),
        )
        units = self._with_variants({row[0]: self._unit(row[:-2]) for row in rows})
        return [(units[row[0]], row[-2] or Path(row[-1] or "").name) for row in rows]

    def concordance_count(self, word: str, cap: int) -> int:
        """How many units :meth:`concordance` would find, counted up to ``cap``."""
        return self._match_count("units_fts", _phrase(word), cap)

    # ---- reading entries -------------------------------------------------------------------

    def entries(self, ids: Sequence[int], *, contexts: int | None = None) -> dict[int, Entry]:
        """Entries by id, with their terms and up to ``contexts`` contexts (all when None)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        found: dict[int, Entry] = {}
        for row in self._query(
            "SELECT id, status, definition, note, frequency, score, first_seen, last_seen"
            f" FROM entries WHERE id IN ({marks})",
            ids,
        ):
            found[row[0]] = Entry(
                terms=[], id=str(row[0]), status=ReviewStatus(row[1]), definition=row[2], note=row[3],
                frequency=row[4], score=row[5], first_seen=parse_time(row[6]), last_seen=parse_time(row[7]),
            )
        for entry_id, *term in self._query(
            "SELECT entry_id, text, lang, pos, gender, type, usage, lemma, forms, confidence"
            f" FROM terms WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
            ids,
        ):
            text, lang, pos, gender, term_type, usage, lemma, forms, confidence = term
            found[entry_id].terms.append(
                Term(text, lang, pos, gender, TermType(term_type), UsageStatus(usage), lemma,
                     json.loads(forms), confidence)
            )
        for entry_id, fr, en, document, unit in self._query(
            "SELECT entry_id, fr, en, document, unit"
            f" FROM contexts WHERE entry_id IN ({marks})"
            " ORDER BY entry_id, id",
            ids,
        ):
            held = found[entry_id].contexts
            if contexts is None or len(held) < contexts:
                held.append(Context(fr, en, document, unit))
        return found

    def entry(self, entry_id: int) -> Entry:
        found = self.entries([entry_id]).get(entry_id)
        if found is None:
            raise TmtoolError(f"no glossary entry {entry_id}")
        return found

    def list_entries(
        self,
        *,
        statuses: Sequence[ReviewStatus] = (),
        min_score: float | None = None,
        since: datetime | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[Entry]:
        """Entries matching every given filter, best score first; ``text`` matches any term's
        folded form as a substring."""
        where, params = [], []
        if statuses:
            where.append(f"status IN ({','.join('?' * len(statuses))})")
            params += [s.value for s in statuses]
        if min_score is not None:
            where.append("score >= ?")
            params.append(min_score)
        if since is not None:
            where.append("updated >= ?")
            params.append(iso(since))
        if text:
            where.append(
                "id IN (SELECT t.entry_id FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
                " WHERE k.kind = 'form' AND instr(k.key, ?) > 0)"
            )
            params.append(fold(text))
        sql = "SELECT id FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY score DESC, frequency DESC, id"
        if limit is not None:
            sql, params = sql + " LIMIT ?", params + [limit]
        ids = [row[0] for row in self._query(sql, params)]
        found = self.entries(ids)
        return [found[i] for i in ids]

    def key_matches(self, keys: Sequence[str]) -> list[tuple[int, str, str, str, str]]:
        """(entry id, key, kind, term text, term lang) for every stored key equal to one of ``keys``."""
        marks = ",".join("?" * len(keys))
        return self._query(
            "SELECT t.entry_id, k.key, k.kind, t.text, t.lang FROM lookup_keys k"
            f" JOIN terms t ON t.id = k.term_id WHERE k.key IN ({marks})",
            keys,
        )

    def prefix_matches(self, prefix: str, limit: int) -> list[tuple[int, str, str, str, str]]:
        """The same for surface-form keys that start with ``prefix`` (uses the key index)."""
        return self._query(
            "SELECT t.entry_id, k.key, k.kind, t.text, t.lang FROM lookup_keys k"
            " JOIN terms t ON t.id = k.term_id"
            " WHERE k.key > ? AND k.key < ? AND k.kind = 'form' LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )

    def key_candidates(self, gram_query: str) -> list[tuple[int, str, str, str, str]]:
        """The same for surface-form keys that match ``gram_query`` (FTS5 over trigrams)."""
        return self._query(
            "SELECT t.entry_id, k.key, k.kind, t.text, t.lang FROM lookup_grams"
            " JOIN lookup_keys k ON k.id = lookup_grams.rowid JOIN terms t ON t.id = k.term_id"
            " WHERE lookup_grams MATCH ? AND k.kind = 'form'",
            (gram_query,),
        )

    # ---- writing entries -------------------------------------------------------------------

    def _write_terms(self, entry_id: int, terms: Sequence[Term]) -> None:
        self._conn.execute("DELETE FROM terms WHERE entry_id = ?", (entry_id,))
        for position, term in enumerate(terms):
            term_id = self._conn.execute(
                "INSERT INTO terms (entry_id, position, lang, text, lemma, pos, gender, type, usage,"
                " forms, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry_id, position, term.lang, term.text, term.lemma, term.pos, term.gender,
                    term.term_type.value, term.usage.value, dumps(term.forms), term.confidence,
                ),
            ).lastrowid
            self._conn.executemany(
                "INSERT INTO lookup_keys (key, kind, term_id) VALUES (?, ?, ?)",
                [
                    (key, kind, term_id)
                    for key, kind in sorted(term_keys(_spellings(term), acronym=term.term_type != TermType.FULL_FORM))
                ],
            )

    def _add_contexts(self, entry_id: int, contexts: Iterable[Context], unit_ids: dict[str, int]) -> None:
        self._conn.executemany(
            "INSERT INTO contexts (entry_id, fr, en, document, unit, unit_id) VALUES (?, ?, ?, ?, ?, ?)",
            [(entry_id, c.fr, c.en, c.document, c.unit, unit_ids.get(c.unit)) for c in contexts],
        )

    def _insert_entry(self, entry: Entry, *, reviewed: bool, entry_id: int | None = None,
                      unit_ids: dict[str, int] | None = None) -> int:
        now = iso(utcnow())
        new_id = self._conn.execute(
            "INSERT INTO entries (id, status, reviewed, definition, note, frequency, score, first_seen,"
            " last_seen, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry_id, entry.status.value, int(reviewed), entry.definition, entry.note,
                entry.frequency, entry.score, iso(entry.first_seen), iso(entry.last_seen), now, now,
            ),
        ).lastrowid
        self._write_terms(new_id, entry.terms)
        self._add_contexts(new_id, entry.contexts, unit_ids or {})
        return new_id

    def _matching_entry(self, entry: Entry) -> int | None:
        """The stored entry that extraction's ``entry`` is about: the oldest one holding a French
        term with the same folded text or lemma, singular or plural."""
        forms = {fold(text) for t in entry.terms_in("fr") for text in _spellings(t)}
        keys = sorted(forms | {stem(form) for form in forms})
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        rows = self._query(
            "SELECT min(t.entry_id) FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
            f" WHERE k.kind IN ('form', 'stem') AND t.lang = 'fr' AND k.key IN ({marks})",
            keys,
        )
        return rows[0][0]

    def merge_extracted(self, entries: Sequence[Entry], document_id: str,
                        unit_ids: dict[str, int]) -> tuple[int, int]:
        """Fold term extraction's proposals for one document into the glossary.

        New concepts become candidates; known ones gain the document's count, contexts and
        ``last_seen``, and — unless a person has reviewed them — new equivalents, forms and score.
        Returns (new entries, updated entries).
        """
        created: set[int] = set()
        updated: set[int] = set()
        now = utcnow()
        with self.transaction():
            for proposal in entries:
                entry_id = self._matching_entry(proposal)
                contexts = proposal.contexts[:CONTEXTS_PER_DOCUMENT]
                if entry_id is None:
                    proposal.status = ReviewStatus.CANDIDATE
                    proposal.first_seen = proposal.first_seen or now
                    proposal.last_seen = now
                    proposal.contexts = contexts
                    entry_id = self._insert_entry(proposal, reviewed=False, unit_ids=unit_ids)
                    created.add(entry_id)
                else:
                    # two proposals of one document may name one concept (a term and its variant)
                    self._extend_entry(entry_id, proposal, now)
                    self._add_contexts(entry_id, contexts, unit_ids)
                    if entry_id not in created:
                        updated.add(entry_id)
                self._conn.execute(
                    "INSERT INTO entry_documents (entry_id, document_id, frequency, seen, score)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
                    " SET frequency = frequency + excluded.frequency, score = max(score, excluded.score)",
                    (entry_id, document_id, proposal.frequency, iso(now), proposal.score),
                )
                self._conn.executemany(
                    "INSERT INTO entry_equivalents (entry_id, document_id, lang, type, key, text, support)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET support = support + excluded.support",
                    [(entry_id, document_id, t.lang, t.term_type.value, stem(fold(t.text)), t.text,
                      max(t.frequency, 1) * (t.confidence if t.confidence is not None else 1.0))
                     for t in proposal.terms if t.lang != "fr"],
                )
                self.recount([entry_id])
        return len(created), len(updated)

    def _extend_entry(self, entry_id: int, proposal: Entry, now: datetime) -> None:
        (reviewed,) = self._query("SELECT reviewed FROM entries WHERE id = ?", (entry_id,))[0]
        self._conn.execute("UPDATE entries SET last_seen = ?, updated = ? WHERE id = ?",
                           (iso(now), iso(now), entry_id))
        if reviewed:
            return
        stored = self.entries([entry_id], contexts=0)[entry_id]
        by_key = {(t.lang, fold(t.text)): t for t in stored.terms}
        for term in proposal.terms:
            known = by_key.get((term.lang, fold(term.text)))
            if known is None:
                stored.terms.append(term)
            else:
                known.forms.extend(f for f in term.forms if f not in known.forms)
        self._write_terms(entry_id, stored.terms)
        self._conn.execute("UPDATE entries SET score = max(score, ?) WHERE id = ?", (proposal.score, entry_id))

    def recount(self, entry_ids: Iterable[int]) -> None:
        """Set extracted entries' frequency to the sum of their per-document counts (zero when a
        replaced document was the last to count them), and weigh the evidence of the documents that
        count an unreviewed entry (see :mod:`.evidence`): its score, and its equivalents ranked by
        the support they have across documents."""
        entry_ids = list(entry_ids)
        with self.transaction():
            self._conn.executemany(
                "UPDATE entries SET frequency = (SELECT coalesce(sum(frequency), 0) FROM entry_documents"
                " WHERE entry_id = ?1) WHERE id = ?1",
                [(i,) for i in entry_ids],
            )
            for entry_id in entry_ids:
                self._weigh_evidence(entry_id)

    def _weigh_evidence(self, entry_id: int) -> None:
        reviewed = self._query("SELECT reviewed FROM entries WHERE id = ?", (entry_id,))
        scores = [s for s, in self._query(
            "SELECT score FROM entry_documents WHERE entry_id = ? AND score IS NOT NULL", (entry_id,))]
        if not reviewed or reviewed[0][0] or not scores:
            return  # what a person decided stays; with no document left, _take_back restores the origin
        # (language, term type) → {equivalent key: support summed over the documents}
        supports: dict[tuple[str, str], dict[str, float]] = {}
        for lang, term_type, key, support in self._query(
                "SELECT lang, type, key, sum(support) FROM entry_equivalents WHERE entry_id = ?"
                " GROUP BY lang, type, key", (entry_id,)):
            supports.setdefault((lang, term_type), {})[key] = support
        # consistency is judged where the alternatives compete most: the best-supported group
        main = max(supports.values(), key=lambda group: sum(group.values()), default={})
        self._conn.execute("UPDATE entries SET score = ? WHERE id = ?",
                           (entry_score(scores, list(main.values())), entry_id))
        if not supports:
            return
        entry = self.entries([entry_id], contexts=0)[entry_id]
        kept = [t for t in entry.terms if (t.lang, t.term_type.value) not in supports]
        origin = None
        for group, keys in supports.items():
            own: dict[str, Term] = {}
            for term in entry.terms:
                if (term.lang, term.term_type.value) == group:
                    first = own.setdefault(stem(fold(term.text)), term)  # one spelling, the others its forms
                    if first is not term:
                        first.forms.extend(f for f in [term.text, *term.forms] if f not in first.forms)
            kept += [own[key] for key in kept_equivalents(keys) if key in own]
            # an equivalent no remaining document proposes stays only if the entry came with it
            # (imported or written by hand), not if a removed or revised document proposed it
            unsupported = [t for key, t in own.items() if key not in keys]
            if unsupported and origin is None:
                origin = self._origin_snapshots([entry_id]).get(entry_id, {})
            came_with = {(t.get("lang"), fold(t.get("text", ""))) for t in (origin or {}).get("terms", [])}
            kept += [t for t in unsupported if (t.lang, fold(t.text)) in came_with]
        if [(t.lang, t.text) for t in kept] != [(t.lang, t.text) for t in entry.terms]:
            self._write_terms(entry_id, kept)

    def document_entry_ids(self, document_id: str) -> list[int]:
        return [r[0] for r in self._query("SELECT entry_id FROM entry_documents WHERE document_id = ?",
                                          (document_id,))]

    # ---- review: every change recorded, every change revertible -----------------------------

    def _snapshot(self, entry_id: int) -> dict | None:
        entry = self.entries([entry_id]).get(entry_id)
        if entry is None:
            return None
        (reviewed,) = self._query("SELECT reviewed FROM entries WHERE id = ?", (entry_id,))[0]
        return entry_to_json(entry, reviewed=bool(reviewed))

    def _record(self, action: str, before: dict[int, dict | None], after: dict[int, dict | None]) -> int:
        return self._conn.execute(
            "INSERT INTO changes (time, action, before, after) VALUES (?, ?, ?, ?)",
            (iso(utcnow()), action, dumps({str(k): v for k, v in before.items()}),
             dumps({str(k): v for k, v in after.items()})),
        ).lastrowid

    def add_entry(self, entry: Entry) -> int:
        """Add an entry a person wrote (reviewed unless it is left a candidate)."""
        with self.transaction():
            entry_id = self._insert_entry(entry, reviewed=entry.status != ReviewStatus.CANDIDATE)
            self._record("add", {entry_id: None}, {entry_id: self._snapshot(entry_id)})
        return entry_id

    def update_entry(self, entry_id: int, action: str, change: Callable[[Entry], None]) -> int:
        """Apply a person's ``change`` to an entry, mark it reviewed and record it. Returns the
        change id."""
        with self.transaction():
            before = self._snapshot(entry_id)
            if before is None:
                raise TmtoolError(f"no glossary entry {entry_id}")
            entry = self.entries([entry_id], contexts=0)[entry_id]
            french = bool(entry.terms_in("fr"))
            change(entry)
            # French is the glossary's first language; an entry imported without it (German–English) stays so
            if french and not entry.terms_in("fr"):
                raise TmtoolError(f"entry {entry_id} would have no French term")
            if not entry.terms:
                raise TmtoolError(f"entry {entry_id} would have no term")
            self._conn.execute(
                "UPDATE entries SET status = ?, reviewed = 1, definition = ?, note = ?, updated = ?"
                " WHERE id = ?",
                (entry.status.value, entry.definition, entry.note, iso(utcnow()), entry_id),
            )
            self._write_terms(entry_id, entry.terms)
            return self._record(action, {entry_id: before}, {entry_id: self._snapshot(entry_id)})

    def set_status(self, entry_id: int, status: ReviewStatus) -> int:
        return self.update_entry(entry_id, status.value, lambda e: setattr(e, "status", status))

    def remove_entry(self, entry_id: int) -> int:
        with self.transaction():
            before = self._snapshot(entry_id)
            if before is None:
                raise TmtoolError(f"no glossary entry {entry_id}")
            self._conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            return self._record("remove", {entry_id: before}, {entry_id: None})

    def merge_entries(self, source_id: int, target_id: int) -> int:
        """Merge entry ``source_id`` into ``target_id``: its other terms, counts and contexts move
        over and it is removed."""
        if source_id == target_id:
            raise TmtoolError("cannot merge an entry into itself")
        with self.transaction():
            before = {source_id: self._snapshot(source_id), target_id: self._snapshot(target_id)}
            for entry_id, snap in before.items():
                if snap is None:
                    raise TmtoolError(f"no glossary entry {entry_id}")
            found = self.entries([source_id, target_id], contexts=0)
            source, target = found[source_id], found[target_id]
            held = {(t.lang, fold(t.text)) for t in target.terms}
            target.terms += [t for t in source.terms if (t.lang, fold(t.text)) not in held]
            self._write_terms(target_id, target.terms)
            self._conn.execute(
                "INSERT INTO entry_documents (entry_id, document_id, frequency, seen, score)"
                " SELECT ?, document_id, frequency, seen, score FROM entry_documents"
                " WHERE entry_id = ? ON CONFLICT DO UPDATE SET frequency = frequency + excluded.frequency",
                (target_id, source_id),
            )
            # a sentence both entries cite (one term and its variant seen in it) is shown once
            self._conn.execute(
                "DELETE FROM contexts WHERE entry_id = ?1 AND EXISTS (SELECT 1 FROM contexts t"
                " WHERE t.entry_id = ?2 AND t.fr = contexts.fr AND t.en = contexts.en"
                " AND t.document = contexts.document)",
                (source_id, target_id),
            )
            self._conn.execute("UPDATE contexts SET entry_id = ? WHERE entry_id = ?", (target_id, source_id))
            self._conn.execute(
                "UPDATE entries SET frequency = frequency + ?, score = max(score, ?), reviewed = 1,"
                " updated = ? WHERE id = ?",
                (source.frequency, source.score, iso(utcnow()), target_id),
            )
            self._conn.execute("DELETE FROM entries WHERE id = ?", (source_id,))
            return self._record(
                "merge", before, {source_id: None, target_id: self._snapshot(target_id)}
            )

    def history(self, entry_id: int | None = None) -> list[Change]:
        """Recorded changes, oldest first; only those touching ``entry_id`` when given."""
        sql = "SELECT id, time, action, before, after, reverted_by FROM changes"
        params: tuple = ()
        if entry_id is not None:
            sql += " WHERE EXISTS (SELECT 1 FROM json_each(changes.before) WHERE key = ?)"
            params = (str(entry_id),)
        return [
            Change(i, t, a, json.loads(b), json.loads(f), r)
            for i, t, a, b, f, r in self._query(sql + " ORDER BY id", params)
        ]

    def revert(self, change_id: int) -> int:
        """Undo one recorded change (itself recorded). Refused when an entry it touched has been
        reviewed again since, so that no later decision is lost silently."""
        with self.transaction():
            found = [c for c in self.history() if c.id == change_id]
            if not found:
                raise TmtoolError(f"no change {change_id}")
            change = found[0]
            if change.reverted_by is not None:
                raise TmtoolError(f"change {change_id} was already reverted by change {change.reverted_by}")
            current = {int(k): self._snapshot(int(k)) for k in change.after}
            for entry_id, snap in current.items():
                if review_state(snap) != review_state(change.after[str(entry_id)]):
                    raise TmtoolError(
                        f"entry {entry_id} has changed since change {change_id}; revert the later change first"
                    )
            for key, snap in change.before.items():
                self._restore(int(key), snap)
            revert_id = self._record(
                f"revert {change_id}", current, {int(k): self._snapshot(int(k)) for k in change.before}
            )
            self._conn.execute("UPDATE changes SET reverted_by = ? WHERE id = ?", (revert_id, change_id))
            return revert_id

    def _restore(self, entry_id: int, snap: dict | None) -> None:
        if snap is None:
            self._conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            return
        entry = entry_from_json(snap)
        exists = self._query("SELECT 1 FROM entries WHERE id = ?", (entry_id,))
        if not exists:
            self._insert_entry(entry, reviewed=snap["reviewed"], entry_id=entry_id)
            return
        self._conn.execute(
            "UPDATE entries SET status = ?, reviewed = ?, definition = ?, note = ?, updated = ? WHERE id = ?",
            (entry.status.value, int(snap["reviewed"]), entry.definition, entry.note, iso(utcnow()), entry_id),
        )
        self._write_terms(entry_id, entry.terms)

    # ---- import ----------------------------------------------------------------------------

    def import_entries(self, entries: Iterable[Entry], origin: str, import_id: int | None = None) -> tuple[int, int]:
        """Add glossary entries read from a file (import ``import_id``, see :meth:`new_import`),
        skipping any whose terms (folded) are exactly those of a stored entry. One recorded change
        for the file. Returns (added, skipped)."""
        added: dict[int, dict | None] = {}
        skipped = 0
        with self.transaction():
            for entry in entries:
                if not entry.terms:
                    raise TmtoolError(f"{f'entry {entry.id}' if entry.id else 'an entry'} has no term", path=origin)
                if self._identical_entry(entry):
                    skipped += 1
                    continue
                entry_id = self._insert_entry(entry, reviewed=entry.status != ReviewStatus.CANDIDATE,
                                              entry_id=self._free_id(entry.id))
                added[entry_id] = self._snapshot(entry_id)
            if added:
                change_id = self._record(f"import {Path(origin).name}", dict.fromkeys(added), added)
                if import_id is not None:
                    self._conn.executemany("UPDATE entries SET import_id = ? WHERE id = ?",
                                           [(import_id, entry_id) for entry_id in added])
                    self._conn.execute("UPDATE imports SET change_id = ? WHERE id = ?", (change_id, import_id))
        return len(added), skipped

    def _free_id(self, wanted: str | None) -> int | None:
        """An imported entry keeps its numeric id when this store has no entry by that id, so that
        a glossary moved between stores keeps the ids people cite."""
        if wanted is None or not (wanted.isascii() and wanted.isdigit()):
            return None
        return None if self._query("SELECT 1 FROM entries WHERE id = ?", (int(wanted),)) else int(wanted)

    def _identical_entry(self, entry: Entry) -> bool:
        wanted = {(t.lang, fold(t.text)) for t in entry.terms}
        first = entry.terms[0]
        rows = self._query(
            "SELECT DISTINCT t.entry_id FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
            " WHERE k.kind = 'form' AND k.key = ? AND t.lang = ?",
            (fold(first.text), first.lang),
        )
        for entry_id, stored in self.entries([r[0] for r in rows], contexts=0).items():
            if {(t.lang, fold(t.text)) for t in stored.terms} == wanted:
                return True
        return False

    # ---- what came in, taken out again; backup ---------------------------------------------

    def documents(self) -> list[tuple[DocumentRecord, int]]:
        """Every stored document with its number of units, in the order ingested."""
        rows = self._query(
            f"SELECT {self._DOCUMENT_COLUMNS}, (SELECT count(*) FROM units u WHERE u.document_id = d.id)"
            " FROM documents d ORDER BY ingested, id")
        return [(DocumentRecord(*row[:-1]), row[-1]) for row in rows]

    def imports(self) -> list[ImportRecord]:
        """Every import still in the store, oldest first."""
        return [ImportRecord(*row) for row in
                self._query("SELECT id, path, format, kind, count, imported FROM imports ORDER BY id")]

    def new_import(self, path: str, fmt: str, kind: str) -> int:
        """Record an import about to be made (in the caller's transaction); give its id to
        :meth:`add_units` or :meth:`import_entries`, then call :meth:`finish_import`."""
        return self._conn.execute("INSERT INTO imports (path, format, kind, count, imported)"
                                  " VALUES (?, ?, ?, 0, ?)", (path, fmt, kind, iso(utcnow()))).lastrowid

    def finish_import(self, import_id: int, added: int) -> None:
        """Record what an import added; one that added nothing changed nothing and is not kept."""
        if added:
            self._conn.execute("UPDATE imports SET count = ? WHERE id = ?", (added, import_id))
        else:
            self._conn.execute("DELETE FROM imports WHERE id = ?", (import_id,))

    def remove_documents(self, document_ids: Sequence[str]) -> Removal:
        """Take documents out as if they had never been ingested, in one transaction.

        Their units go, and the contexts quoting them. The entries their extraction counted lose
        those counts, and the dates and score the documents gave them (see :meth:`_take_back`);
        a candidate no other document, import or person vouches for goes; reviewed entries stay.
        An unknown id is refused before anything changes."""
        ids = list(dict.fromkeys(document_ids))
        marks = ",".join("?" * len(ids))
        with self.transaction():
            known = {row[0] for row in self._query(f"SELECT id FROM documents WHERE id IN ({marks})", ids)}
            missing = [i for i in ids if i not in known]
            if missing:
                raise TmtoolError(f"no document {', '.join(missing)} in the store")
            units = self._query(f"SELECT count(*) FROM units WHERE document_id IN ({marks})", ids)[0][0]
            shares: dict[int, list[tuple[str | None, float | None]]] = {}
            for entry_id, seen, score in self._query(
                    f"SELECT entry_id, seen, score FROM entry_documents WHERE document_id IN ({marks})", ids):
                shares.setdefault(entry_id, []).append((seen, score))
            self._conn.execute(f"DELETE FROM contexts WHERE document IN ({marks})", ids)
            # their units, the contexts citing those and their entry counts go with them (cascade)
            self._conn.execute(f"DELETE FROM documents WHERE id IN ({marks})", ids)
            self.recount(shares)
            removed = self._take_back(shares)
        return Removal(units=units, entries_removed=removed, entries_kept=len(shares) - removed)

    def _take_back(self, shares: dict[int, list[tuple[str | None, float | None]]]) -> int:
        """Undo what removed documents' extraction did to entries, given each entry's (seen, score)
        from those documents. Extraction sets an entry's first_seen when it creates it, its
        last_seen whenever it counts it, and raises an unreviewed entry's score: each of these
        that a removed document set falls back to what the remaining documents gave, else to what
        the entry had from elsewhere (its import or a person: the snapshot that created it).
        Removes the candidates left with nothing behind them and returns how many."""
        origins = self._origin_snapshots(list(shares))
        now = iso(utcnow())
        removed = 0
        for entry_id, taken in shares.items():
            status, reviewed, first, last, score = self._query(
                "SELECT status, reviewed, first_seen, last_seen, score FROM entries WHERE id = ?", (entry_id,))[0]
            left = self._query("SELECT seen, score FROM entry_documents WHERE entry_id = ?", (entry_id,))
            origin = origins.get(entry_id)
            if status == ReviewStatus.CANDIDATE.value and not reviewed and not left and origin is None:
                self._conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
                removed += 1
                continue
            seen_by_removed = {seen for seen, _ in taken if seen}
            seen_left = [seen for seen, _ in left if seen]
            if first in seen_by_removed:
                first = min(seen_left, default=None)
            if last in seen_by_removed:
                last = max(seen_left, default=origin["last_seen"] if origin else None)
            if not reviewed and not left and score in {s for _, s in taken if s is not None}:
                # with documents left, recount has weighed their evidence; with none, the origin's
                score = origin["score"] if origin else 0.0
            self._conn.execute("UPDATE entries SET first_seen = ?, last_seen = ?, score = ?, updated = ?"
                               " WHERE id = ?", (first, last, score, now, entry_id))
        return removed

    def _origin_snapshots(self, entry_ids: Sequence[int]) -> dict[int, dict]:
        """The snapshot each entry was created with by a recorded change (added by hand, imported,
        restored by a revert), for those that have one; entries extraction created have none.
        A change older than the entry is about an earlier entry that had its id."""
        rows = self._query(
            "SELECT a.key, a.value FROM changes c, json_each(c.after) a"
            " JOIN entries e ON e.id = CAST(a.key AS INTEGER)"
            " WHERE a.key IN (SELECT value FROM json_each(?)) AND a.type = 'object'"
            " AND json_type(c.before, '$.\"' || a.key || '\"') = 'null' AND c.time >= e.created"
            " ORDER BY c.id", (json.dumps([str(i) for i in entry_ids]),))
        return {int(key): json.loads(snapshot) for key, snapshot in rows}  # the latest, when several

    def remove_import(self, import_id: int) -> tuple[ImportRecord, Removal]:
        """Take out what an import added, in one transaction: its units, and its entries but those
        changed since — by a person (a recorded change) or by extraction (a document counts
        them) — which stay. The entries removed are one recorded change (``glossary revert``)."""
        with self.transaction():
            found = [r for r in self.imports() if r.id == import_id]
            if not found:
                raise TmtoolError(f"no import {import_id} in the store (see 'tmtool imports')")
            units = self._conn.execute("DELETE FROM units WHERE import_id = ?", (import_id,)).rowcount
            touched_since = {int(row[0]) for row in self._query(
                "SELECT DISTINCT b.key FROM changes c, json_each(c.before) b"
                " WHERE c.id > (SELECT coalesce(change_id, 0) FROM imports WHERE id = ?)", (import_id,))}
            gone, kept = [], 0
            for entry_id, counted in self._query(
                    "SELECT id, EXISTS (SELECT 1 FROM entry_documents d WHERE d.entry_id = entries.id)"
                    " FROM entries WHERE import_id = ?", (import_id,)):
                if counted or entry_id in touched_since:
                    kept += 1
                else:
                    gone.append(entry_id)
            before = {entry_id: self._snapshot(entry_id) for entry_id in gone}
            self._conn.executemany("DELETE FROM entries WHERE id = ?", [(i,) for i in gone])
            if gone:
                self._record(f"remove import {import_id} {Path(found[0].path).name}", before, dict.fromkeys(gone))
            self._conn.execute("UPDATE entries SET import_id = NULL WHERE import_id = ?", (import_id,))
            self._conn.execute("DELETE FROM imports WHERE id = ?", (import_id,))
        return found[0], Removal(units=units, entries_removed=len(gone), entries_kept=kept)

    def backup(self, target: str | Path) -> None:
        """Write a consistent copy of the store to ``target`` while others may be writing to it:
        SQLite's online backup copies one snapshot, into a temporary file renamed over ``target``."""
        from ..io.files import atomic_path

        target = Path(target)
        if target.is_dir():
            raise TmtoolError("is a directory; give the backup's file name", path=str(target))
        if target.exists() and target.samefile(self.path):
            raise TmtoolError("this is the store itself; back up to another file", path=str(target))
        # an open store's write-ahead log beside the file would be applied to the copy renamed there
        if Path(f"{target}-wal").exists():
            raise TmtoolError(f"{target.name}-wal exists beside it: the file is in use as a store", path=str(target))
        with atomic_path(target) as temporary:
            copy = sqlite3.connect(temporary)
            try:
                self._conn.backup(copy)
            finally:
                copy.close()

    # ---- overview --------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """How many of each thing the store holds; then units by language pair ("units fr→en"), unit
        texts in languages beyond their unit's source and target ("variants de") and terms by
        language ("terms de"), each by base language."""
        counts = {
            name: self._query(f"SELECT count(*) FROM {name}")[0][0]
            for name in ("documents", "imports", "units", "entries", "terms", "contexts", "changes")
        }
        for status in ReviewStatus:
            counts[f"entries {status.value}"] = self._query(
                "SELECT count(*) FROM entries WHERE status = ?", (status.value,)
            )[0][0]
        # grouped by tag in SQL, by base language here: a few tags, however many units
        for name, sql in (("units {}→{}", "SELECT srclang, tgtlang, count(*) FROM units GROUP BY srclang, tgtlang"),
                          ("variants {}", "SELECT lang, count(*) FROM unit_variants GROUP BY lang"),
                          ("terms {}", "SELECT lang, count(*) FROM terms GROUP BY lang")):
            by_language: dict[str, int] = {}
            for *tags, count in self._query(sql):
                key = name.format(*(_base_language(tag) or tag or "?" for tag in tags))
                by_language[key] = by_language.get(key, 0) + count
            counts |= sorted(by_language.items())
        return counts
