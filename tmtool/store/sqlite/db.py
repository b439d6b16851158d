"""The embedded store: one SQLite file with documents, units, glossary entries and review history.

The first backend of :class:`tmtool.store.base.Store`: every FTS5 detail (the trigram and word
indexes, MATCH expressions, vocabularies) stays in this module. Every public method that writes
runs in one transaction (or inside the caller's, see :meth:`SQLiteStore.transaction`), so a
failure leaves the store as it was.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime
from itertools import islice
from pathlib import Path

from ...errors import DISK_FULL, Invalid, NotFound, ReadOnly, TmtoolError, Unavailable
from ...io.files import STORE_TABLES
from ...model import Context, Entry, ReviewStatus, Term, Unit, Variant, iso, utcnow
from ...text.normalize import fold, fold_word, normalize_for_match, spellings_of, unspaced
from ..base import in_own_thread
from ..corrections import UnitCorrections
from ..records import (
    Change,
    DocumentRecord,
    EntryState,
    ImportRecord,
    KeyedTerm,
    StoredUnit,
    dumps,
    loads,
    unit_content_key,
)
# what both SQL backends share, under the names this module has always used
from ..rows import base_language as _base_language
from ..rows import SIDE_LANGUAGE, held_context_languages, language_side, term_context
from ..rows import (
    APPROVED_KEYS, APPROVED_VERSION, CONTEXT_COLUMNS, DOCUMENT_COLUMNS, ENTRY_COLUMNS, NEXT_INGEST_ORDER, TERM_COLUMNS,
    TERM_INSERT_COLUMNS, UNIT_COLUMNS,
    by_entry, change_from_row, check_entry_fields, document_row, entries_from_rows, joined_variants, lookup_key_rows,
    entry_update, came_from, import_headers, memory_props, not_updated, store_counts, stored_props, term_row, unit_from_row,
    unit_row,
)
from ..rows import CONCORDANCE_LENGTH as _UNIT_LENGTH
from ..rows import VARIANT_WORD_BUDGET, variant_length_band
from ..rows import CONCORDANCE_ORDER, ENTRY_ORDER_BACK, ENTRY_ORDER_BY, UNIT_EDIT_COLUMNS, UNIT_EDIT_INSERT_COLUMNS, entries_around
from ..rows import column_value as _column_value
from ..rows import without_target as _without_target
from ..rows import confirmed_props, equivalent_row, merged_into
from .migrations import NEXT_ID, VARIANT_ROWS, migrate, units_indexing

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

# Fuzzy-match candidates (see fuzzy_candidates). GRAM_SIZE is the trigram tokenizer's.
GRAM_SIZE = 3
# Postings of the rarest trigrams read per query at most: bounds the work on common trigrams
# ("de ", "les"); the rarest words, and failing them the next grams together, reach the rest.
POSTINGS_BUDGET = 5000
MIN_GRAMS = 2  # grams queried together when no word is selective (glossary look-up: at least)
# A look-up this long or shorter can lose every trigram to one slip (a transposition takes four); a
# key one slip away keeps its first letter then, or shares a trigram (checked on every slip of 3,000
# words). The length band is that of an 80 % ratio: 2/3 to 3/2 of the query's.
SHORT_KEY = 6
# Postings of the rarest words read per query at most; no word beyond it (a common word is no filter).
WORD_BUDGET = 5000
WORD = re.compile(r"\w+")
# Postings read at most to count a query's grams: each is counted up to the budget above, or up to
# its share of this when lower. Most of a long query's grams are common, and counting each of them
# up to the budget was most of its search (0.3-0.5 s for 300-600 grams at 1M units).
COUNT_BUDGET = 250_000
# A query holding this many selective words (those WORD_BUDGET reaches) takes its candidates from
# them alone: counting its trigrams was half its search, and a unit that scores shares its words.
# At 1M units, 200 edited queries, a fresh store every 40: 30.5 ms of CPU a search before, 17.9 with
# 3 (the same five best for all 200), 16.1 with 2, 13.9 with 1 (one best match lost).
SELECTIVE_WORDS = 3
MAX_COUNTS = 100_000  # posting counts kept for the next searches (a few MB)
# each side's fuzzy-search indexes: its trigram index, its normalised text and that text's length index
# (its words are the concordance index's column of the same name)
_FUZZY_INDEXES = {"source": ("units_grams", "match_text", "units_match_length"),
                  "target": ("units_target_grams", "target_match_text", "units_target_match_length")}


# a full disk as SQLite tells it: a write refused (SQLITE_FULL), or the write-ahead log's shared memory
# not enlarged (SQLITE_IOERR_SHMSIZE, which "may indicate that the filesystem volume is out of space")
_DISK_FULL_CODES = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR_SHMSIZE}


@contextmanager
def _disk_full_refused(path: str) -> Iterator[None]:
    """SQLite's failure to write to a full disk, to a store another program keeps locked past the busy
    timeout, or to a read-only one, and to read or write a damaged one, as one TmtoolError saying what to do (the
    transaction is rolled back)."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if _disk_full(exc):
            raise Unavailable(DISK_FULL, path=path) from None
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code == sqlite3.SQLITE_BUSY:
            raise Unavailable(f"the store is locked: another program has been writing to it for over "
                              f"{BUSY_TIMEOUT_S:g} s, nothing was written: run the command again when it is done",
                              path=path) from None
        if code == sqlite3.SQLITE_READONLY:  # the store's state, not the request's fault (the HTTP API's 503)
            raise ReadOnly("the store is read-only (the file's permissions, or its disk), nothing was written",
                              path=path) from None
        raise
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_CORRUPT:  # was the driver's DatabaseError
            raise damaged(exc, path) from None
        raise


def _read_refused(path: str, rows: Iterator) -> Iterator:
    """``rows`` as they are read, a damaged page met on the way one line as ``_query``'s (an export reads a
    store's units as it writes them: it was the driver's DatabaseError, a traceback)."""
    with _disk_full_refused(path):
        yield from rows


# what a store whose file is damaged says (SQLITE_CORRUPT: pages overwritten, a copy cut short)
DAMAGED_COMMAND = "tmtool db check"


def damaged(exc: sqlite3.Error, path: str) -> Unavailable:
    return Unavailable(f"the store is damaged ({exc}), nothing was written: '{DAMAGED_COMMAND}' says where; restore"
                       " it from a backup", path=path, commands=(DAMAGED_COMMAND,))


def _disk_full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in _DISK_FULL_CODES


def _phrase(token: str) -> str:
    """``token`` as an FTS5 string, matched as typed."""
    return '"' + token.replace('"', '""') + '"'


def _spelt(text: str) -> str:
    """An FTS5 expression of ``text`` as a phrase in any of its spellings (:func:`spellings_of`)."""
    return "(" + " OR ".join(_phrase(spelling) for spelling in spellings_of(text)) + ")"


def _concordance_match(text: str, lang: str | None, columns: str) -> tuple[str, tuple, str, tuple]:
    """The queries of the units holding ``text`` (their ``columns``, of ``units u``, then ``tier`` and
    ``length``: :data:`CONCORDANCE_ORDER`), with their arguments: those holding it in their source or
    target (tier 0), on the side in ``lang`` when given (a fr→en unit's source, an en→fr one's target);
    then the others, holding it in one of their other languages (tier 1; in ``lang``, when given), each
    once. Text in a script written without spaces (Chinese, Japanese, Thai) is matched as characters
    (:func:`_characters_match`)."""
    if unspaced(text):
        return _characters_match(normalize_for_match(text), lang, columns)
    phrase = _spelt(text)

    def on_sides(selected: str) -> str:
        select = (f"SELECT {selected}, 0 AS tier, {_UNIT_LENGTH} AS length FROM units_fts"
                  " JOIN units u ON u.id = units_fts.rowid WHERE units_fts MATCH ?")
        if lang is None:
            return select
        return f"{select} AND base_language(u.srclang) = ? UNION ALL {select} AND base_language(u.tgtlang) = ?"

    args = (phrase,) if lang is None else (f"source : {phrase}", lang, f"target : {phrase}", lang)
    variants = (f"SELECT {columns}, 1 AS tier, {_UNIT_LENGTH} AS length FROM unit_variants_fts"
                f" JOIN unit_variants v ON v.unit_id = unit_variants_fts.rowid / {VARIANT_ROWS}"
                f" AND v.position = unit_variants_fts.rowid % {VARIANT_ROWS} JOIN units u ON u.id = v.unit_id"
                " WHERE unit_variants_fts MATCH ?" + (" AND base_language(v.lang) = ?" if lang else "")
                + f" AND u.id NOT IN (SELECT id FROM ({on_sides('u.id')})) GROUP BY u.id")
    return on_sides(columns), args, variants, (phrase, *([lang] if lang else []), *args)


def _characters_match(needle: str, lang: str | None, columns: str) -> tuple[str, tuple, str, tuple]:
    """:func:`_concordance_match` of text in a script written without spaces: the units whose normalised
    source or target (or other language, lower-cased) holds ``needle`` anywhere, shortest first. The
    word index cannot find a word inside a run of characters without spaces (北约 in 北约部长今天开会),
    so these read every unit."""
    def on_sides(selected: str) -> str:
        select = f"SELECT {selected}, 0 AS tier, {_UNIT_LENGTH} AS length FROM units u WHERE"
        if lang is None:
            return f"{select} (instr(u.match_text, ?) OR instr(u.target_match_text, ?))"
        return (f"{select} instr(u.match_text, ?) AND base_language(u.srclang) = ?"
                f" UNION ALL {select} instr(u.target_match_text, ?) AND base_language(u.tgtlang) = ?")

    args = (needle, needle) if lang is None else (needle, lang, needle, lang)
    variants = (f"SELECT {columns}, 1 AS tier, {_UNIT_LENGTH} AS length FROM unit_variants v JOIN units u ON u.id = v.unit_id"
                " WHERE instr(lower(v.text), ?)" + (" AND base_language(v.lang) = ?" if lang else "")
                + f" AND u.id NOT IN (SELECT id FROM ({on_sides('u.id')})) GROUP BY u.id")
    return on_sides(columns), args, variants, (needle, *([lang] if lang else []), *args)


def trigrams(text: str) -> set[str]:
    return {text[i : i + GRAM_SIZE] for i in range(len(text) - GRAM_SIZE + 1)}


def _any_of(grams: set[str]) -> str:
    """An FTS5 expression matching text that contains any of ``grams`` (trigrams or words)."""
    return " OR ".join(_phrase(g) for g in sorted(grams))


def rarest_grams(grams: set[str], frequency: dict[str, int], needed: int, *,
                 budget: int = POSTINGS_BUDGET, at_least: int = MIN_GRAMS) -> set[str]:
    """The grams to query an index with: the ``needed`` rarest (enough for full recall, see
    :meth:`SQLiteStore.fuzzy_candidates`), or fewer once their postings exceed ``budget``
    (``at_least`` regardless)."""
    chosen: list[str] = []
    considered = postings = 0
    for gram in sorted(grams, key=lambda g: (frequency.get(g, 0), g)):
        count = frequency.get(gram, 0)
        if considered >= needed or (len(chosen) >= at_least and postings + count > budget):
            break
        considered += 1
        # a gram in no row (a typo's) finds nothing, but it is one of the needed grams all the same
        if count:
            chosen.append(gram)
            postings += count
    return set(chosen)


# a SQLite database of another program given as the store (a Trados Studio memory, .sdltm, for its import): left as
# it is, where the migrations would add the store's tables to it and WAL would change its journal mode for good
_NOT_A_STORE = ("not a tmtool store: a SQLite database of another program (its tables: {}), which tmtool leaves as it "
                "is (check --db or $TMTOOL_DB)")
_TRADOS = "; a Trados Studio memory is imported into a store: tmtool import FILE.sdltm"


def _foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of a database no migration of tmtool's made (``PRAGMA user_version`` 0, or a version another
    program counts in it over tables none of the store's, ``files.STORE_TABLES``): none in a new or empty file,
    another program's in another program's database."""
    tables = [name for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                              " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")]
    if conn.execute("PRAGMA user_version").fetchone()[0] and STORE_TABLES <= set(tables):
        return []
    return tables


class SQLiteStore(UnitCorrections):
    """A tmtool store in one SQLite file. Open with :meth:`SQLiteStore.open` (or
    :func:`tmtool.store.open_store`); use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: str, *, created: bool = False):
        self._connection = conn
        self._thread = threading.get_ident()  # the one that uses it (base.in_own_thread)
        self.path = self.url = self.opened_from = path
        self.created = created
        # fuzzy search's posting counts, (index, expression) -> (count, cap), kept while the memory
        # is unchanged (``_counted``: SQLite's data_version and this connection's changes): a long
        # query counts the postings of its hundred common trigrams, the same for every search
        self._counts: dict[tuple[str, str], tuple[int, int]] = {}
        self._counted: tuple[int, int] | None = None

    # ---- opening, transactions -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> SQLiteStore:
        """Open (creating, unless ``create`` is false, and migrating if needed) the store at ``path``."""
        path = str(path)
        created = path == ":memory:" or not os.path.exists(path)
        if not create and created:
            raise NotFound("no such store (check --db or $TMTOOL_DB)", path=path)
        if path != ":memory:":
            parent = Path(path).resolve().parent
            if not parent.is_dir():
                raise Invalid(f"cannot create store: directory {parent} does not exist", path=path)
            if Path(path).is_dir():
                raise TmtoolError("cannot open store: this is a directory", path=path)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            if not created and (tables := _foreign_tables(conn)):
                conn.close()
                raise NotFound(_NOT_A_STORE.format(", ".join(tables[:3]) + (" …" if len(tables) > 3 else ""))
                               + (_TRADOS if "translation_units" in tables else ""), path=path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            conn.create_function("base_language", 1, _base_language, deterministic=True)
            migrate(conn)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY:
                raise TmtoolError("cannot open store: it is read-only for you (the file or its folder), and SQLite"
                                  " writes beside a store even to read it: copy it to a folder of yours, or ask"
                                  " for write access", path=path) from None
            if _disk_full(exc):
                raise Unavailable(DISK_FULL, path=path) from None
            # another file given as the store (a TMX, arguments swapped): a wrong argument
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_NOTADB:
                raise Invalid(f"cannot open store: {exc}", path=path) from None
            raise TmtoolError(f"cannot open store: {exc}", path=path) from None
        return cls(conn, path, created=created)

    def close(self) -> None:
        self._connection.close()
        self._thread = None  # closed: used again, it is refused (base.in_own_thread)

    @property
    def _conn(self) -> sqlite3.Connection:
        """The connection, to this store's thread while it is open (base.in_own_thread): a method reading it
        without ``_query`` (``units``, the export's; ``backup``; ``check_store``'s) was the driver's
        ProgrammingError ("Cannot operate on a closed database") once the store was closed."""
        in_own_thread(self._thread)
        return self._connection

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one."""
        in_own_thread(self._thread)
        if self._conn.in_transaction:
            yield
            return
        with _disk_full_refused(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                # a COMMIT can fail too (a full disk); SQLite may or may not have undone it then: its advice is
                # an explicit ROLLBACK, which leaves no transaction open holding the write lock
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.rollback()
                raise

    def pipeline(self) -> AbstractContextManager[None]:
        return nullcontext()  # in the process: every statement is as cheap as a queued one

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        in_own_thread(self._thread)
        with _disk_full_refused(self.path):  # a damaged store's reads too: one line, not the driver's DatabaseError
            return self._conn.execute(sql, params).fetchall()

    def is_empty(self) -> bool:
        return not any(self._query(f"SELECT EXISTS (SELECT 1 FROM {table})")[0][0] for table in
                       ("documents", "units", "entries", "imports", "changes"))

    def discard(self) -> None:
        """Close the store, and delete its file with the write-ahead log and shared memory beside
        it if it is still empty (another process may have started writing to it meanwhile)."""
        empty = self.is_empty()
        self.close()
        if empty and self.path != ":memory:":
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.unlink(self.path + suffix)
                except FileNotFoundError:
                    pass

    # ---- documents and units ---------------------------------------------------------------

    _DOCUMENT_COLUMNS = DOCUMENT_COLUMNS

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
                           " ORDER BY ingest_order LIMIT 1", (src_hash, tgt_hash))
        return rows[0][0] if rows else None

    def replace_document(self, record: DocumentRecord, units: Sequence[Unit]) -> dict[str, int]:
        """Store a document and its units, replacing an earlier version with the same id (its units,
        contexts and term counts go with it). Returns unit ids by tuid."""
        now = iso(utcnow())
        with self.transaction():
            earlier = self.document(record.id)
            order = earlier.ingest_order if earlier else self._query(NEXT_INGEST_ORDER)[0][0]
            self._conn.execute("DELETE FROM contexts WHERE document = ?", (record.id,))
            self._conn.execute("DELETE FROM documents WHERE id = ?", (record.id,))
            self._conn.execute(
                f"INSERT INTO documents ({self._DOCUMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                document_row(record, earlier.ingested if earlier else now, now, order),
            )
            last_id = self._last_unit_id()
            unit_ids = {
                unit.tuid or str(position): self._insert_unit(unit, record.id, position, record.src_path)
                for position, unit in enumerate(units)
            }
            self._index_units(after=last_id)
            return unit_ids

    # a new unit's or import's id is above every id stored or removed (migrations._V27)
    _INSERT_UNIT = (
        "INSERT INTO units (id, tuid, source, target, srclang, tgtlang, match_text, content_key,"
        " document_id, position, bead, confidence, origin, props, notes, created, changed,"
        " source_markup, target_markup, import_id, target_match_text)"
        f" VALUES ({NEXT_ID.format(table='units', floor='unit_id_floor')},"
        " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    _INSERT_IMPORT = ("INSERT INTO imports (id, path, format, kind, count, imported)"
                      f" VALUES ({NEXT_ID.format(table='imports', floor='import_id_floor')}, ?, ?, ?, 0, ?)")

    _unit_row = staticmethod(unit_row)

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
        for statement in units_indexing("id > ?"):
            self._conn.execute(statement, (after,))
        return self._last_unit_id()

    @contextmanager
    def _indexes_in_bulk(self) -> Iterator[bool]:
        """Within a write transaction: when the memory is empty (a first import), the units'
        secondary indexes are dropped and built again in one sorted pass over the rows written
        meanwhile, which costs less than growing them row by row (a 100,000-unit import: 7.2 s of CPU
        instead of 8.1 s), and so are the full-text indexes (filled once: 7.3 s instead of 8.0 s in
        all). The content index stays: each batch looks its units up in it. SQLite's DDL is part of the
        transaction, so a failed import leaves the indexes as they were. Yields whether the memory was
        empty: the caller then leaves the full-text indexes alone."""
        empty = not self._query("SELECT EXISTS (SELECT 1 FROM units)")[0][0]
        rebuilt = self._query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'units'"
                              " AND sql IS NOT NULL AND name != 'units_content'") if empty else []
        for name, _ in rebuilt:
            self._conn.execute(f'DROP INDEX "{name}"')
        yield empty
        for _, sql in rebuilt:
            self._conn.execute(sql)
        if empty:
            self._index_units(after=0)

    def add_units(self, units: Iterable[Unit], origin: str, import_id: int | None = None, *,
                  untranslated: Callable[[Unit], bool] | None = None,
                  pairs: Counter | None = None, repeats: Counter | None = None,
                  confirmed: Callable[[dict, Unit], dict | None] | None = None) -> tuple[int, int, int]:
        """Add imported units (of import ``import_id``, see :meth:`new_import`), skipping those
        ``untranslated`` says hold no translation (by default, those with an empty target) and those
        identical to one already stored. Returns (added, already stored, untranslated); ``pairs``,
        when given, counts the added units by (source language, target language), ``repeats`` those
        of the already stored that repeat one earlier in ``units``.

        Units are inserted in batches: one query finds a batch's units already stored, one
        statement inserts the rest, and at most a batch is held in memory."""
        untranslated = untranslated or _without_target
        added = already_stored = not_translated = 0
        units = iter(units)
        with self.transaction(), self._indexes_in_bulk() as first:
            header = None  # the import's (rows.stored_props), once a unit is stored
            indexed = self._last_unit_id()
            while batch := list(islice(units, IMPORT_BATCH)):
                kept = [unit for unit in batch if unit.source.strip() and not untranslated(unit)]
                not_translated += len(batch) - len(kept)
                translated: dict[str, Unit] = {}
                repeated = []
                for unit in kept:
                    key = unit_content_key(unit)
                    if key in translated:
                        repeated.append(unit)
                    else:
                        translated[key] = unit
                keys = list(translated)
                found = self._query(f"SELECT content_key, import_id, id, props FROM units WHERE content_key IN"
                                    f" ({','.join('?' * len(keys))})", keys)
                stored = {key for key, *_ in found}
                if confirmed is not None:
                    self._conn.executemany("UPDATE units SET props = ? WHERE id = ?",
                                           confirmed_props(found, translated, confirmed))
                if repeats is not None:  # a batch's repeats, and the units of this import's earlier batches
                    earlier = {key for key, stored_by, *_ in found if import_id is not None and stored_by == import_id}
                    repeats.update((u.srclang, u.tgtlang) for u in repeated + [translated[key] for key in earlier])
                new = {key: unit for key, unit in translated.items() if key not in stored}
                before = self._last_unit_id()
                if header is None and import_id is not None and new:
                    header = self._import_header(import_id, memory_props(next(iter(new.values())).props))
                rows = [self._unit_row(unit, key, None, None, origin, import_id,
                                       None if header is None else stored_props(unit.props, header))
                        for key, unit in new.items()]
                self._conn.executemany(self._INSERT_UNIT, rows)
                if pairs is not None:
                    pairs.update((u.srclang, u.tgtlang) for key, u in translated.items() if key not in stored)
                if any(unit.variants for unit in new.values()):
                    self._insert_variants({unit_id: new[key] for unit_id, key in self._query(
                        "SELECT id, content_key FROM units WHERE id > ?", (before,))})
                added += len(rows)
                already_stored += len(kept) - len(rows)
                if not first and self._last_unit_id() - indexed >= INDEX_BATCH:
                    indexed = self._index_units(after=indexed)
            if not first:
                self._index_units(after=indexed)
        return added, already_stored, not_translated

    def _import_header(self, import_id: int, said: dict) -> dict:
        """What import ``import_id``'s units said of their memory, held once (``rows.stored_props``): what it
        holds, else ``said`` (by the first of its units stored), which it then holds."""
        held = self._query("SELECT header FROM imports WHERE id = ?", (import_id,))
        if held and held[0][0] is not None:
            return loads(held[0][0])
        self._conn.execute("UPDATE imports SET header = ? WHERE id = ?", (dumps(said), import_id))
        return said

    def _headers(self, rows: Sequence[Sequence] | None = None) -> dict[int, dict]:
        """The imports' headers by id, for ``rows.unit_from_row`` (a few rows: one an import): all, or those
        of the units ``rows`` (of UNIT_COLUMNS), read only when one of them was imported."""
        if rows is not None and all(row[12] is None for row in rows):
            return {}
        return import_headers(self._query("SELECT id, header FROM imports WHERE header IS NOT NULL"))

    _UNIT_COLUMNS = UNIT_COLUMNS

    def units(self, *, since: datetime | None = None, excluded: bool = True) -> Iterator[Unit]:
        """Every unit (changed on or after ``since``; without those a reviewer excluded from exports
        unless ``excluded``), in the order stored."""
        where, params = self._since(since)
        if not excluded:
            where += (" AND" if where else " WHERE") + " NOT excluded"
        with _disk_full_refused(self.path):
            rows = self._conn.execute(f"SELECT {self._UNIT_COLUMNS} FROM units{where} ORDER BY id", params)
            # the variants in unit order beside the units, joined as both are read: one query, not one a
            # unit; started while the units' query is active, it reads the same snapshot of the store
            variants = self._conn.execute(
                "SELECT v.unit_id, v.lang, v.text, v.markup FROM unit_variants v"
                + (" JOIN units u ON u.id = v.unit_id WHERE u.changed >= ?" if since else "")
                + " ORDER BY v.unit_id, v.position", params)
        return _read_refused(self.path, joined_variants(rows, variants, self._headers()))

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

    def approved_version(self) -> tuple:
        return tuple(self._query(APPROVED_VERSION)[0])

    def approved_keys(self) -> list[str]:
        return [key for key, in self._query(APPROVED_KEYS)]

    def queue_counts(self, pairs: Iterable[tuple[str, int]]) -> None:
        self._conn.executemany("INSERT OR IGNORE INTO queued_counts (document_id, entry_id) VALUES (?, ?)", pairs)

    def queued_counts(self, limit: int | None = None) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {}
        for document, entry_id in self._query(
                "SELECT document_id, entry_id FROM queued_counts WHERE document_id IN"
                " (SELECT DISTINCT document_id FROM queued_counts ORDER BY document_id LIMIT ?)",
                (-1 if limit is None else limit,)):
            found.setdefault(document, set()).add(entry_id)
        return found

    def unqueue_counts(self, pairs: Iterable[tuple[str, int]]) -> None:
        self._conn.executemany("DELETE FROM queued_counts WHERE document_id = ? AND entry_id = ?", pairs)

    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    def documents_with_words(self, words: Sequence[Sequence[str]]) -> dict[str, set[int]]:
        if not words:
            return {}
        each = ["(" + " OR ".join(_phrase(start) + "*" for start in spellings) + ")" for spellings in words]
        # the words in one column: a sentence's, not one in the source and another in its translation
        match = " OR ".join(f"{column} : ({' AND '.join(each)})" for column in ("source", "target"))
        found: dict[str, set[int]] = {}
        for document, unit_id in self._query("SELECT u.document_id, u.id FROM units_fts JOIN units u ON u.id = units_fts.rowid"
                                              " WHERE units_fts MATCH ? AND u.document_id IS NOT NULL", (match,)):
            found.setdefault(document, set()).add(unit_id)
        return found

    def term_languages(self) -> list[str]:
        """The (base) languages of the glossary's terms, sorted."""
        return [lang for lang, in self._query("SELECT DISTINCT lang FROM terms ORDER BY lang")]

    @staticmethod
    def _since(since: datetime | None) -> tuple[str, tuple]:
        return (" WHERE changed >= ?", (iso(since),)) if since else ("", ())

    def document_units(self, document_id: str) -> list[StoredUnit]:
        if self.document(document_id) is None:
            raise NotFound(f"no document {document_id} in the store")
        rows = self._query(f"SELECT {self._UNIT_COLUMNS}, position, bead, confidence, excluded, sentences FROM units"
                           " WHERE document_id = ? ORDER BY position", (document_id,))
        headers = self._headers(rows)
        units = self._with_variants({row[0]: unit_from_row(row[:-5], headers) for row in rows})
        return [StoredUnit(row[0], row[-5], units[row[0]], row[-4], row[-3], bool(row[-2]),
                           tuple(json.loads(row[-1])) if row[-1] else None) for row in rows]

    # ---- the statements of a reviewer's corrections (see tmtool.store.corrections) -------------

    def _record_unit_edit(self, row: tuple) -> int:
        return self._conn.execute(f"INSERT INTO unit_edits (id, {UNIT_EDIT_INSERT_COLUMNS}) VALUES"
                                  f" ({NEXT_ID.format(table='unit_edits', floor='unit_edit_id_floor')},"
                                  " ?, ?, ?, ?, ?, ?)", row).lastrowid

    def _delete_unit_edit(self, edit_id: int) -> None:
        self._conn.execute("DELETE FROM unit_edits WHERE id = ?", (edit_id,))

    def _unit_edit_rows(self, document_id: str) -> list[tuple]:
        return self._query(f"SELECT {UNIT_EDIT_COLUMNS} FROM unit_edits WHERE document_id = ? ORDER BY id",
                           (document_id,))

    def _set_excluded(self, rows: Sequence[tuple[int, int]]) -> None:
        self._conn.executemany("UPDATE units SET excluded = ? WHERE id = ?", rows)

    def _unit_origin(self, unit_id: int) -> str:
        return self._query("SELECT origin FROM units WHERE id = ?", (unit_id,))[0][0]

    def _shift_positions(self, document_id: str, by: int, after_position: int) -> None:
        self._conn.execute("UPDATE units SET position = position + ? WHERE document_id = ? AND position > ?",
                           (by, document_id, after_position))

    def _insert_document_units(self, units: Sequence[Unit], document_id: str, position: int,
                               origin: str) -> list[int]:
        last_id = self._last_unit_id()
        ids = [self._conn.execute(self._INSERT_UNIT, self._unit_row(unit, unit_content_key(unit), document_id,
                                                                   position + number, origin)).lastrowid
               for number, unit in enumerate(units)]
        self._index_units(after=last_id)
        return ids

    def _set_corrected(self, rows: Sequence[tuple[int, str, int]]) -> None:
        self._conn.executemany("UPDATE units SET confidence = NULL, excluded = ?, sentences = ? WHERE id = ?", rows)

    def _unit_contexts(self, unit_ids: Sequence[int]) -> list[tuple[int, int, str, str, str | None, int, str | None]]:
        return self._query("SELECT id, unit_id, fr, en, (SELECT group_concat(text, char(10)) FROM terms"
                           " WHERE terms.entry_id = contexts.entry_id), entry_id, unit FROM contexts"
                           f" WHERE unit_id IN ({','.join('?' * len(unit_ids))})", unit_ids)

    def _move_contexts(self, rows: Sequence[tuple[int, str, str, str, int]]) -> None:
        self._conn.executemany("UPDATE contexts SET unit_id = ?, unit = ?, fr = ?, en = ? WHERE id = ?", rows)

    def _new_versions(self, entry_ids: Sequence[int]) -> None:
        self._conn.execute(f"UPDATE entries SET version = version + 1, updated = ? WHERE id IN"
                           f" ({','.join('?' * len(entry_ids))})", (iso(utcnow()), *entry_ids))

    def _delete_units(self, unit_ids: Sequence[int]) -> None:
        self._conn.execute(f"DELETE FROM units WHERE id IN ({','.join('?' * len(unit_ids))})", unit_ids)

    def units_by_id(self, ids: Sequence[int]) -> dict[int, Unit]:
        marks = ",".join("?" * len(ids))
        rows = self._query(f"SELECT {self._UNIT_COLUMNS} FROM units WHERE id IN ({marks})", ids)
        headers = self._headers(rows)
        return self._with_variants({row[0]: unit_from_row(row, headers) for row in rows})

    def units_came_from(self, units: Mapping[int, Unit]) -> dict[int, str]:
        ids = list(units)
        rows = self._query(f"SELECT id, document_id, origin FROM units WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {unit_id: came_from(units[unit_id], document_id, origin) for unit_id, document_id, origin in rows}

    def memory_contexts(self, words: Iterable[str], *, exclude_document: str | None = None,
                        limit: int = MEMORY_CONTEXTS, lang: str = "fr") -> list[Context]:
        """Stored French–English units (or those of ``lang`` and English), translated either way, as sentence
        pairs for term extraction to weigh a new document against: those whose French (an en→fr unit's
        target) shares the most specific of the document's French ``words`` (bm25 order), at most ``limit``.

        Only words found in at most ``limit`` units (on that side) are queried: a word common in the
        memory says nothing about a term, and its postings would make the query scan the whole memory."""
        words = sorted({fold_word(word) for word in words if len(word) >= MIN_CONTEXT_WORD})
        counts = self._match_counts(words, limit, "source")
        # the targets are asked only about the words in at most ``limit`` sources: one in more is common
        # in the memory's French whatever the English originals hold, and counting it in the targets
        # would read every unit holding it (a column filter: 50 ms a document at 1M units)
        specific = {"source": self._specific_words(words, limit, "source", counts),
                    "target": self._specific_words([word for word in words if counts[word] <= limit], limit, "target")}
        # bm25 of an OR of many words scores every word for every row that matches any of them; a row's
        # score is the sum of its words' terms in query order, so the same scores come from each word
        # queried alone, summed in that order — a fraction of the work for a document of many words.
        # A unit counts by the side that holds its French: a hit on the other side is filtered out below.
        scores: dict[tuple[int, str], float] = {}
        for side, found in specific.items():
            for word in found:
                for rowid, rank in self._query("SELECT rowid, rank FROM units_fts WHERE units_fts MATCH ?",
                                               (f"{side} : " + _phrase(word),)):
                    scores[rowid, side] = scores.get((rowid, side), 0.0) + rank
        ranked = sorted(scores, key=lambda hit: (scores[hit], *hit))  # ties: the older unit first
        found: list[Context] = []
        for start in range(0, len(ranked), limit):  # the best first, until ``limit`` pass the filter
            batch = ranked[start:start + limit]
            rows = {row[0]: (Unit(*row[1:6]), row[6]) for row in self._query(
                "SELECT id, source, target, srclang, tgtlang, coalesce(tuid, ''), coalesce(document_id, '')"
                # imported units have no document: they are memory too, whatever is excluded
                f" FROM units WHERE (?1 IS NULL OR document_id IS NOT ?1) AND id IN ({','.join('?' * len(batch))})",
                (exclude_document, *(rowid for rowid, _ in batch)))}
            # a German–French unit's source is no French sentence, nor its target an English one
            found += [term_context(*rows[rowid]) for rowid, side in batch
                      if rowid in rows and language_side(rows[rowid][0].srclang, rows[rowid][0].tgtlang, lang) == side]
            if len(found) >= limit:
                break
        return found[:limit]

    def _specific_words(self, words: list[str], limit: int, side: str = "source",
                        counts: dict[str, int] | None = None) -> list[str]:
        """The terms of the concordance index among ``words`` (sorted) found in at most ``limit``
        units' ``side`` ("source" or "target"), in the index's order; ``counts``: the words'
        :meth:`_match_counts` on that side, when counted already.

        The vocabulary counts a term's units by reading its whole doclist: 0.3 ms a common word at 1M
        units, most of a document's memory query. A MATCH counted up to ``limit`` + 1 stops there, so
        it picks the few words to ask the vocabulary about, whose doclists are short. It tokenises its
        word as a query (an underscore splits it in two), where the vocabulary takes it as written:
        the vocabulary has the last word."""
        if not words:
            return []
        counts = self._match_counts(words, limit, side) if counts is None else counts
        few = [word for word in words if 1 <= counts[word] <= limit]
        if not few:
            return []
        return [word for word, in self._query(
            f"SELECT term FROM units_words_vocab WHERE col = ? AND term IN ({','.join('?' * len(few))})"
            " AND doc <= ?", (side, *few, limit))]

    def _match_counts(self, words: list[str], limit: int, side: str) -> dict[str, int]:
        """The number of units whose ``side`` a MATCH finds each of ``words`` in, counted up to ``limit`` + 1."""
        return dict(self._query(
            "SELECT value, (SELECT count(*) FROM (SELECT 1 FROM units_fts"
            f""" WHERE units_fts MATCH '{side} : "' || replace(value, '"', '""') || '"' LIMIT ?2 + 1))"""
            " FROM json_each(?1)", (json.dumps(words), limit)))

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

    def fuzzy_candidates(self, text: str, min_score: float, side: str = "source",
                         lang: str | None = None) -> dict[int, str]:
        """Candidates from the word and trigram indexes of ``side``: the units sharing one of the
        query's rarest words — a sentence repeated across the memory can have only common trigrams
        while its words ("dureté", "acier") stay selective — and, unless it has SELECTIVE_WORDS of
        them, those sharing one of its rarest trigrams (a short query, slips in its rare words);
        with ``lang``, those whose ``side`` is in it."""
        self._forget_stale_counts()
        grams, _, _ = _FUZZY_INDEXES[side]
        ratio = min_score / 100
        # similarity = 1 - distance / longer length, so a hit's length lies in this band
        min_len, max_len = math.floor(len(text) * ratio), math.ceil(len(text) / ratio)
        words = set(WORD.findall(text))
        # counted on both sides: a column filter reads the word's postings on both, so a word common
        # on the other side (a French query's "de" in the English targets) is no cheap rare word here
        # (30 ms of a French query's search of the targets at 1M units, against 7 on the sources)
        word_counts = {word: self._match_count("units_fts", _phrase(word), WORD_BUDGET + 1) for word in words}
        # a word in no unit (a slip) is no rare word: its trigrams find the units it was mistyped from
        rare_words = rarest_grams(words, word_counts, len(words), budget=WORD_BUDGET, at_least=0)
        expression = ""
        if len(rare_words) < SELECTIVE_WORDS:
            expression = self._rare_grams(grams, text, ratio, max_len, bool(rare_words))
        candidates = dict(self._band_matches(grams, expression, side, min_len, max_len, lang)) if expression else {}
        if rare_words:
            candidates.update(self._band_matches("units_fts", f"{side} : ({_any_of(rare_words)})", side,
                                                 min_len, max_len, lang))
        return candidates

    def variant_fuzzy_candidates(self, text: str, min_score: float,
                                 lang: str | None = None) -> list[tuple[int, str, str]]:
        """See :meth:`Store.variant_fuzzy_candidates`: from the variants' word index, each word counted up
        to the budget (a word in more is no filter); an Arabic text's length, its marks kept, is no bound."""
        self._forget_stale_counts()
        words = set(WORD.findall(text))
        counts = {word: self._match_count("unit_variants_fts", _phrase(word), VARIANT_WORD_BUDGET + 1)
                  for word in words}
        rare_words = rarest_grams({w for w in words if counts[w] <= VARIANT_WORD_BUDGET}, counts, len(words),
                                  budget=VARIANT_WORD_BUDGET, at_least=1)
        if not rare_words:
            return []
        in_lang = " AND base_language(v.lang) = ?" if lang else ""
        return self._query(
            f"SELECT v.unit_id, v.lang, v.text FROM unit_variants_fts f JOIN unit_variants v"
            f" ON v.unit_id = f.rowid / {VARIANT_ROWS} AND v.position = f.rowid % {VARIANT_ROWS}"
            " WHERE unit_variants_fts MATCH ? AND (length(v.text) BETWEEN ? AND ? OR instr(CAST(v.text AS BLOB), x'D9'))"
            f"{in_lang} ORDER BY v.unit_id, v.position",
            (_any_of(rare_words), *variant_length_band(text, min_score), *([lang] if lang else [])))

    def _rare_grams(self, index: str, text: str, ratio: float, max_len: int, rare_words: bool) -> str:
        """An FTS5 expression of the units sharing one of ``text``'s rarest trigrams ('' if none is
        rare), or, without ``rare_words``, sharing its next rarest ones all together."""
        grams = trigrams(text)
        # Each edit destroys at most GRAM_SIZE of the query's trigrams, so a unit within max_edits
        # edits contains at least one of any GRAM_SIZE * max_edits + 1 of them: the rarest suffice.
        # A gram is counted up to the budget, which is enough to tell whether it can be used; a long
        # query's grams up to their share of COUNT_BUDGET, and one reaching it is not used.
        needed = GRAM_SIZE * math.floor((1 - ratio) * max_len) + 1
        cap = min(POSTINGS_BUDGET, COUNT_BUDGET // len(grams)) + 1
        gram_counts = {gram: self._match_count(index, _phrase(gram), cap) for gram in grams}
        chosen = rarest_grams({g for g in grams if gram_counts[g] < cap}, gram_counts, needed, at_least=0)
        expression = _any_of(chosen)
        common = sorted((g for g in grams - chosen if gram_counts[g]),
                        key=lambda g: (gram_counts[g], not g.isalpha(), g))
        if not rare_words and len(common) >= MIN_GRAMS:
            # no selective word (a short query of common words, or typos in its rare ones): the units
            # sharing the next rarest grams all together, as few as the rarest of them at most; among
            # grams counted up to the cap, letters only (inside a word) before those with a space
            # (" , " or " au" joined 242,000 units of the 1M memory)
            together = "(" + " AND ".join(_phrase(g) for g in common[:MIN_GRAMS]) + ")"
            expression = f"{expression} OR {together}" if chosen else together
        return expression

    def _forget_stale_counts(self) -> None:
        """The posting counts kept, dropped if the memory changed since (first thing of every
        method that counts)."""
        version = self._query("PRAGMA data_version")[0][0], self._conn.total_changes
        if version != self._counted:
            self._counts.clear()
            self._counted = version

    def _match_count(self, index: str, expression: str, cap: int) -> int:
        """Rows of ``index`` matching ``expression``, counted up to ``cap`` (see _forget_stale_counts)."""
        count, counted_to = self._counts.get((index, expression), (0, 0))
        if count < counted_to or cap <= counted_to:  # known exactly, or to at least this cap
            return min(count, cap)
        count = self._query(f"SELECT count(*) FROM (SELECT 1 FROM {index} WHERE {index} MATCH ? LIMIT ?)",
                            (expression, cap))[0][0]
        if len(self._counts) >= MAX_COUNTS:
            self._counts.clear()
        self._counts[index, expression] = count, cap
        return count

    def _band_matches(self, index: str, expression: str, side: str, min_len: int,
                      max_len: int, lang: str | None = None) -> list[tuple[int, str]]:
        _, text, length = _FUZZY_INDEXES[side]
        # the language checked on the rows the band selects, as the length is: no index reads it
        in_lang = f" AND base_language(u.{SIDE_LANGUAGE[side]}) = ?" if lang else ""
        # named: the planner would look each match up by rowid, reading rows outside the band too
        return self._query(
            f"SELECT u.id, u.{text} FROM {index} JOIN units u INDEXED BY {length}"
            f" ON u.id = {index}.rowid"
            f" WHERE {index} MATCH ? AND length(u.{text}) BETWEEN ? AND ?{in_lang}",
            (expression, min_len, max_len, *([lang] if lang else [])),
        )

    def concordance(self, text: str, limit: int = 20, lang: str | None = None) -> list[tuple[Unit, str]]:
        """Units whose source, target or other languages hold ``text`` (accent-insensitive, whole words),
        each with where it came from: its document, else the name of the file it was imported from;
        with ``lang`` (a base language), the texts in that language only."""
        columns = ", ".join("u." + c for c in (*self._UNIT_COLUMNS.split(", "), "document_id", "origin"))
        sides, args, variants, variant_args = _concordance_match(text, lang, columns)
        rows = self._query(f"SELECT {self._UNIT_COLUMNS}, document_id, origin FROM ({sides} UNION ALL {variants})"
                           f" ORDER BY {CONCORDANCE_ORDER} LIMIT ?", (*args, *variant_args, limit))
        headers = self._headers(rows)
        units = self._with_variants({row[0]: unit_from_row(row[:-2], headers) for row in rows})
        return [(units[row[0]], came_from(units[row[0]], row[-2], row[-1])) for row in rows]

    def concordance_count(self, text: str, cap: int, lang: str | None = None) -> int:
        """How many units :meth:`concordance` would find, counted up to ``cap``."""
        sides, args, variants, variant_args = _concordance_match(text, lang, "u.id")
        if lang is None and not unspaced(text):
            self._forget_stale_counts()
            count = self._match_count("units_fts", _spelt(text), cap)
        else:
            count = self._query(f"SELECT count(*) FROM ({sides} LIMIT ?)", (*args, cap))[0][0]
        if count < cap:
            count += self._query(f"SELECT count(*) FROM ({variants} LIMIT ?)", (*variant_args, cap - count))[0][0]
        return count

    # ---- reading entries -------------------------------------------------------------------

    def entries(self, ids: Sequence[int], *, contexts: int | None = None) -> dict[int, Entry]:
        """Entries by id, with their terms and up to ``contexts`` contexts (all when None)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return entries_from_rows(
            self._query(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id IN ({marks})", ids),
            self._query(f"SELECT {TERM_COLUMNS} FROM terms WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
                        ids),
            self._query(f"SELECT {CONTEXT_COLUMNS} FROM contexts WHERE entry_id IN ({marks}) ORDER BY entry_id, id",
                        ids),
            contexts)

    def entry_state(self, entry_id: int) -> EntryState | None:
        return self.entry_states([entry_id]).get(entry_id)

    def entry_states(self, entry_ids: Sequence[int]) -> dict[int, EntryState]:
        rows = self._query("SELECT id, reviewed, version, created, updated, import_id FROM entries"
                           f" WHERE id IN ({','.join('?' * len(entry_ids))})", list(entry_ids))
        return {row[0]: EntryState(bool(row[1]), *row[2:]) for row in rows}

    def list_entries(
        self,
        *,
        statuses: Sequence[ReviewStatus] = (),
        min_score: float | None = None,
        since: datetime | None = None,
        text: str | None = None,
        document: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "score",
        after: Sequence | None = None,
        before: Sequence | None = None,
        lang: str | None = None,
    ) -> list[Entry]:
        """Entries matching every given filter, in ``order``; ``text`` matches any term's
        folded form as a substring."""
        where, params = self._entries_where(statuses, min_score, since, text, document, lang)
        keysets, values = entries_around(order, after, before, "?")
        where += keysets
        params += values
        sql = "SELECT id FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY " + (ENTRY_ORDER_BY if before is None else ENTRY_ORDER_BACK)[order]
        if limit is not None or offset:
            sql, params = sql + " LIMIT ? OFFSET ?", params + [-1 if limit is None else limit, offset]
        ids = [row[0] for row in self._query(sql, params)][::1 if before is None else -1]
        found = self.entries(ids)
        return [found[i] for i in ids]

    def count_entries(self, *, statuses: Sequence[ReviewStatus] = (), min_score: float | None = None,
                      text: str | None = None, document: str | None = None, lang: str | None = None,
                      cap: int, order: str = "score", before: Sequence | None = None) -> int:
        where, params = self._entries_where(statuses, min_score, None, text, document, lang)
        keysets, values = entries_around(order, None, before, "?")
        where, params = where + keysets, params + values
        sql = "SELECT 1 FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
        return self._query(f"SELECT count(*) FROM ({sql} LIMIT ?)", (*params, cap))[0][0]

    @staticmethod
    def _entries_where(statuses, min_score, since, text, document, lang) -> tuple[list[str], list]:
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
                " WHERE k.kind = 'form' AND instr(replace(k.key, '-', ' '), ?) > 0)"
            )
            params.append(fold(text).replace("-", " "))  # a hyphen typed as a space, or a space as a hyphen
        if document is not None:
            where.append("id IN (SELECT entry_id FROM entry_documents WHERE document_id = ?)")
            params.append(document)
        if lang is not None:
            where.append("id IN (SELECT entry_id FROM terms WHERE lang = ?)")
            params.append(lang)
        return where, params

    _KEYED_TERM = "SELECT t.entry_id, k.key, k.kind, t.text, t.lang"

    def terms_by_key(self, keys: Sequence[str]) -> list[KeyedTerm]:
        marks = ",".join("?" * len(keys))
        return [KeyedTerm(*row) for row in self._query(
            f"{self._KEYED_TERM} FROM lookup_keys k JOIN terms t ON t.id = k.term_id WHERE k.key IN ({marks})",
            keys)]

    def terms_by_prefix(self, prefix: str, limit: int) -> list[KeyedTerm]:
        return [KeyedTerm(*row) for row in self._query(
            f"{self._KEYED_TERM} FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
            " WHERE k.key > ? AND k.key < ? AND k.kind = 'form' LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit))]

    def terms_spelt_like(self, folded: str) -> list[KeyedTerm]:
        """Keys sharing the rarest of the query's trigrams (by the trigram index's vocabulary); for a
        short query, every trigram of which one slip can take ("otn" for "otan", "mies" for "mines"),
        also the keys of its first letter and of a length the look-up's ratio allows: PostgreSQL's
        trigrams, padded at the word's ends, find those."""
        grams = trigrams(folded)
        marks = ",".join("?" * len(grams))
        frequency = dict(self._query(f"SELECT term, doc FROM lookup_grams_vocab WHERE term IN ({marks})", list(grams)))
        chosen = rarest_grams(grams, frequency, len(grams))
        found = [KeyedTerm(*row) for row in self._query(
            f"{self._KEYED_TERM} FROM lookup_grams"
            " JOIN lookup_keys k ON k.id = lookup_grams.rowid JOIN terms t ON t.id = k.term_id"
            " WHERE lookup_grams MATCH ? AND k.kind = 'form'",
            (_any_of(chosen),))] if chosen else []
        if len(folded) <= SHORT_KEY:
            found += [KeyedTerm(*row) for row in self._query(
                f"{self._KEYED_TERM} FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
                " WHERE k.key >= ? AND k.key < ? AND k.kind = 'form' AND length(k.key) BETWEEN ? AND ?",
                (folded[0], folded[0] + "\U0010ffff", math.ceil(len(folded) * 2 / 3), len(folded) * 3 // 2))]
        return found

    # ---- writing entries -------------------------------------------------------------------

    def write_terms(self, entry_id: int, terms: Sequence[Term]) -> None:
        before = [row[0] for row in self._query("SELECT lang FROM terms WHERE entry_id = ? ORDER BY position",
                                                (entry_id,))]
        if held := held_context_languages(before, terms):
            self._conn.execute("UPDATE contexts SET lang = ? WHERE entry_id = ? AND lang IS NULL", (held, entry_id))
        self._conn.execute("DELETE FROM terms WHERE entry_id = ?", (entry_id,))
        for position, term in enumerate(terms):
            term_id = self._conn.execute(
                f"INSERT INTO terms ({TERM_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                term_row(entry_id, position, term)).lastrowid
            self._conn.executemany("INSERT INTO lookup_keys (key, kind, term_id) VALUES (?, ?, ?)",
                                   lookup_key_rows(term, term_id))

    def add_contexts(self, entry_id: int, contexts: Iterable[Context], unit_ids: Mapping[str, int]) -> None:
        self._conn.executemany(
            "INSERT INTO contexts (entry_id, fr, en, document, unit, unit_id, lang) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(entry_id, c.fr, c.en, c.document, c.unit, unit_ids.get(c.unit), c.lang) for c in contexts],
        )

    def insert_entry(self, entry: Entry, *, reviewed: bool, entry_id: int | None = None,
                     unit_ids: Mapping[str, int] | None = None, import_id: int | None = None) -> int:
        now = iso(utcnow())
        with self.transaction():
            new_id = self._conn.execute(
                "INSERT INTO entries (id, status, reviewed, definition, note, frequency, score, first_seen,"
                " last_seen, created, updated, import_id) VALUES (coalesce(?, 1 + max((SELECT coalesce(max(id), 0)"
                " FROM entries), (SELECT id FROM entry_id_floor))), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry_id, entry.status.value, int(reviewed), entry.definition, entry.note,
                    entry.frequency, entry.score, iso(entry.first_seen), iso(entry.last_seen), now, now, import_id,
                ),
            ).lastrowid
            self.write_terms(new_id, entry.terms)
            self.add_contexts(new_id, entry.contexts, unit_ids or {})
        return new_id

    def set_entry_fields(self, entry_id: int, fields: Mapping[str, object], *,
                         expected_version: int | None = None) -> int:
        check_entry_fields(fields)
        sql = entry_update(fields, "?")
        params = [*map(_column_value, fields.values()), iso(utcnow()), entry_id]
        if expected_version is not None:
            sql, params = sql + " AND version = ?", params + [expected_version]
        with self.transaction():
            if not self._conn.execute(sql, params).rowcount:
                state = self.entry_state(entry_id)
                raise not_updated(entry_id, state and state.version, expected_version)
            return self._query("SELECT version FROM entries WHERE id = ?", (entry_id,))[0][0]

    def set_entries_fields(self, fields: Iterable[tuple[int, Mapping[str, object]]]) -> None:
        now = iso(utcnow())
        with self.transaction():
            for entry_id, values in fields:
                check_entry_fields(values)
                params = [*map(_column_value, values.values()), now, entry_id]
                if not self._conn.execute(entry_update(values, "?"), params).rowcount:
                    raise not_updated(entry_id, None, None)

    def delete_entry(self, entry_id: int) -> None:
        self._conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    def count_in_document(self, entry_id: int, document_id: str, frequency: int, seen: datetime,
                          score: float) -> None:
        self._conn.execute(
            "INSERT INTO entry_documents (entry_id, document_id, frequency, seen, score)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
            " SET frequency = frequency + excluded.frequency, score = max(score, excluded.score)",
            (entry_id, document_id, frequency, iso(seen), score),
        )

    def add_equivalent_support(self, entry_id: int, document_id: str,
                               supports: Iterable[tuple[str, str, str, str, float]]) -> None:
        # SET's right-hand sides read the row as it was
        self._conn.executemany(
            "INSERT INTO entry_equivalents (entry_id, document_id, lang, type, key, text, support, frequency, weight,"
            " confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET support = support"
            " + excluded.support, frequency = frequency + excluded.frequency, weight = weight + excluded.weight,"
            " confidence = (support + excluded.support) / (weight + excluded.weight)",
            [(entry_id, document_id, *equivalent_row(support)) for support in supports],
        )

    def add_candidate_evidence(self, document_id: str, candidates: Iterable[tuple[str, float, dict]]) -> None:
        self._conn.executemany(
            "INSERT INTO candidate_documents (key, document_id, score, proposal) VALUES (?, ?, ?, ?)",
            [(key, document_id, score, dumps(proposal)) for key, score, proposal in candidates])

    def candidate_evidence(self, keys: Sequence[str]) -> dict[str, list[tuple[str, float, dict]]]:
        found: dict[str, list[tuple[str, float, dict]]] = {}
        for key, document_id, score, proposal in self._query(
                "SELECT c.key, c.document_id, c.score, c.proposal FROM candidate_documents c"
                f" JOIN documents d ON d.id = c.document_id WHERE c.key IN ({','.join('?' * len(keys))})"
                " ORDER BY c.key, d.ingest_order", list(keys)):
            found.setdefault(key, []).append((document_id, score, json.loads(proposal)))
        return found

    def document_counts(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, int, str | None, float | None]]]:
        return by_entry(self._query(
            "SELECT entry_id, document_id, frequency, seen, score FROM entry_documents"
            f" WHERE entry_id IN ({','.join('?' * len(entry_ids))}) ORDER BY entry_id, document_id", list(entry_ids)))

    def equivalent_supports(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, str, str, float]]]:
        return by_entry(self._query(
            "SELECT entry_id, lang, type, key, sum(support) FROM entry_equivalents"
            f" WHERE entry_id IN ({','.join('?' * len(entry_ids))}) GROUP BY entry_id, lang, type, key"
            " ORDER BY entry_id, lang, type, key", list(entry_ids)))

    def document_supports(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, str, str, str, str, float]]]:
        return by_entry(self._query(
            "SELECT entry_id, document_id, lang, type, key, text, support, frequency, weight, confidence"
            f" FROM entry_equivalents WHERE entry_id IN ({','.join('?' * len(entry_ids))}) ORDER BY entry_id, document_id, lang, type, key",
            list(entry_ids)))

    def set_document_terms(self, document_id: str, release: str) -> None:
        with self.transaction():
            self._conn.execute("UPDATE documents SET terms = ? WHERE id = ?", (release, document_id))

    def forget_document_terms(self, document_id: str) -> dict[int, list[tuple[str | None, float | None]]]:
        with self.transaction():
            shares: dict[int, list[tuple[str | None, float | None]]] = {}
            for entry_id, seen, score in self._query(
                    "SELECT entry_id, seen, score FROM entry_documents WHERE document_id = ?", (document_id,)):
                shares.setdefault(entry_id, []).append((seen, score))
            for table, column in (("contexts", "document"), ("entry_documents", "document_id"),
                                  ("entry_equivalents", "document_id"), ("candidate_documents", "document_id")):
                self._conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (document_id,))
        return shares

    def document_evidence(self, document_id: str) -> list[tuple[str, float, dict]]:
        return [(key, score, json.loads(proposal)) for key, score, proposal in self._query(
            "SELECT key, score, proposal FROM candidate_documents WHERE document_id = ? ORDER BY key", (document_id,))]

    def document_entry_ids(self, document_id: str) -> list[int]:
        return [r[0] for r in self._query("SELECT entry_id FROM entry_documents WHERE document_id = ?",
                                          (document_id,))]

    def forget_entry_evidence(self, entry_id: int, document_ids: Sequence[str]) -> None:
        marks = ",".join("?" * len(document_ids))
        with self.transaction():
            for table, column in (("contexts", "document"), ("entry_documents", "document_id"),
                                  ("entry_equivalents", "document_id")):
                self._conn.execute(f"DELETE FROM {table} WHERE entry_id = ? AND {column} IN ({marks})",
                                   (entry_id, *document_ids))

    def move_evidence(self, source_id: int, target_id: int, counted_twice: Mapping[str, int] | None = None,
                      language: str | None = None) -> None:
        self._conn.execute(
            "INSERT INTO entry_documents (entry_id, document_id, frequency, seen, score)"
            " SELECT ?, document_id, frequency, seen, score FROM entry_documents"
            " WHERE entry_id = ? ON CONFLICT DO UPDATE SET frequency = frequency + excluded.frequency",
            (target_id, source_id),
        )
        self._conn.executemany(
            "UPDATE entry_documents SET frequency = frequency - ? WHERE entry_id = ? AND document_id = ?",
            [(twice, target_id, document) for document, twice in (counted_twice or {}).items()],
        )
        # a sentence both entries cite (one term and its variant seen in it) is shown once
        self._conn.execute(
            "DELETE FROM contexts WHERE entry_id = ?1 AND EXISTS (SELECT 1 FROM contexts t"
            " WHERE t.entry_id = ?2 AND t.fr = contexts.fr AND t.en = contexts.en"
            " AND t.document = contexts.document)",
            (source_id, target_id),
        )
        self._conn.execute("UPDATE contexts SET entry_id = ?, lang = coalesce(lang, ?) WHERE entry_id = ?",
                           (target_id, language, source_id))

    # ---- recorded changes --------------------------------------------------------------------

    def record_change(self, action: str, before: Mapping[int, dict | None], after: Mapping[int, dict | None],
                      *, user: str | None = None) -> int:
        return self._conn.execute(
            "INSERT INTO changes (time, action, before, after, user) VALUES (?, ?, ?, ?, ?)",
            (iso(utcnow()), action, dumps({str(k): v for k, v in before.items()}),
             dumps({str(k): v for k, v in after.items()}), user),
        ).lastrowid

    _CHANGE_COLUMNS = "id, time, action, before, after, reverted_by, user"

    _change = staticmethod(change_from_row)

    def history(self, entry_id: int | None = None, *, action: str | None = None) -> list[Change]:
        """Recorded changes, oldest first; only those touching ``entry_id``, of ``action``, when given."""
        where, params = [], []
        if entry_id is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(changes.before) WHERE key = ?)")
            params.append(str(entry_id))
        if action is not None:
            where.append("action = ?")
            params.append(action)
        sql = f"SELECT {self._CHANGE_COLUMNS} FROM changes" + (" WHERE " + " AND ".join(where) if where else "")
        return [self._change(row) for row in self._query(sql + " ORDER BY id", tuple(params))]

    def change(self, change_id: int) -> Change | None:
        rows = self._query(f"SELECT {self._CHANGE_COLUMNS} FROM changes WHERE id = ?", (change_id,))
        return self._change(rows[0]) if rows else None

    def mark_reverted(self, change_id: int, revert_id: int) -> None:
        self._conn.execute("UPDATE changes SET reverted_by = ? WHERE id = ?", (revert_id, change_id))

    def origin_snapshots(self, entry_ids: Sequence[int]) -> dict[int, dict]:
        rows = self._query(
            "SELECT a.key, a.value FROM changes c, json_each(c.after) a"
            " JOIN entries e ON e.id = CAST(a.key AS INTEGER)"
            " WHERE a.key IN (SELECT value FROM json_each(?)) AND a.type = 'object'"
            " AND json_type(c.before, '$.\"' || a.key || '\"') = 'null' AND c.time >= e.created"
            " ORDER BY c.id", (json.dumps([str(i) for i in entry_ids]),))
        return {int(key): json.loads(snapshot) for key, snapshot in rows}  # the latest, when several

    def snapshots_before_changes(self, entry_ids: Sequence[int]) -> dict[int, list[dict]]:
        rows = self._query(
            "SELECT b.key, b.value FROM changes c, json_each(c.before) b"
            " JOIN entries e ON e.id = CAST(b.key AS INTEGER)"
            " WHERE b.key IN (SELECT value FROM json_each(?)) AND b.type = 'object' AND c.time >= e.created"
            " ORDER BY c.id", (json.dumps([str(i) for i in entry_ids]),))
        found: dict[int, list[dict]] = {}
        for key, snapshot in rows:
            found.setdefault(int(key), []).append(json.loads(snapshot))
        merged = merged_into(entry_ids, lambda ids: self._query(
            "SELECT CAST(a.key AS INTEGER), CAST(g.key AS INTEGER), c.id FROM changes c, json_each(c.after) a,"
            " json_each(c.after) g WHERE c.action = 'merge' AND c.reverted_by IS NULL AND a.type = 'object'"
            " AND g.type = 'null' AND a.key IN (SELECT value FROM json_each(?))", (json.dumps([str(i) for i in ids]),)))
        if merged:
            for key, snapshot, change_id in self._query(
                    "SELECT CAST(b.key AS INTEGER), b.value, c.id FROM changes c, json_each(c.before) b"
                    " WHERE b.key IN (SELECT value FROM json_each(?)) AND b.type = 'object' ORDER BY c.id",
                    (json.dumps([str(i) for i in merged]),)):
                into, merge_id = merged[key]
                if change_id <= merge_id:
                    found.setdefault(into, []).append(json.loads(snapshot))
        return found

    # ---- documents and imports taken out -----------------------------------------------------

    def documents(self) -> list[tuple[DocumentRecord, int]]:
        """Every stored document with its number of units, in the order ingested."""
        rows = self._query(
            f"SELECT {self._DOCUMENT_COLUMNS}, (SELECT count(*) FROM units u WHERE u.document_id = d.id)"
            " FROM documents d ORDER BY ingest_order")
        return [(DocumentRecord(*row[:-1]), row[-1]) for row in rows]

    def delete_documents(self, document_ids: Sequence[str]) -> tuple[int, dict[int, list[tuple[str | None, float | None]]]]:
        ids = list(dict.fromkeys(document_ids))
        marks = ",".join("?" * len(ids))
        with self.transaction():
            known = {row[0] for row in self._query(f"SELECT id FROM documents WHERE id IN ({marks})", ids)}
            missing = [i for i in ids if i not in known]
            if missing:
                raise NotFound(f"no document {', '.join(missing)} in the store")
            units = self._query(f"SELECT count(*) FROM units WHERE document_id IN ({marks})", ids)[0][0]
            shares: dict[int, list[tuple[str | None, float | None]]] = {}
            for entry_id, seen, score in self._query(
                    f"SELECT entry_id, seen, score FROM entry_documents WHERE document_id IN ({marks})", ids):
                shares.setdefault(entry_id, []).append((seen, score))
            self._conn.execute(f"DELETE FROM contexts WHERE document IN ({marks})", ids)
            self._conn.execute(f"DELETE FROM unit_edits WHERE document_id IN ({marks})", ids)
            # their units, the contexts citing those and their entry counts go with them (cascade)
            self._conn.execute(f"DELETE FROM documents WHERE id IN ({marks})", ids)
        return units, shares

    def imports(self) -> list[ImportRecord]:
        """Every import still in the store, oldest first."""
        return [ImportRecord(*row) for row in
                self._query("SELECT id, path, format, kind, count, imported FROM imports ORDER BY id")]

    def new_import(self, path: str, fmt: str, kind: str) -> int:
        """Record an import about to be made (in the caller's transaction); give its id to
        :meth:`add_units` or ``glossary.import_entries``, then call :meth:`finish_import`."""
        return self._conn.execute(self._INSERT_IMPORT, (path, fmt, kind, iso(utcnow()))).lastrowid

    def finish_import(self, import_id: int, added: int) -> None:
        """Record what an import added; one that added nothing changed nothing and is not kept."""
        if added:
            self._conn.execute("UPDATE imports SET count = ? WHERE id = ?", (added, import_id))
        else:
            self._conn.execute("DELETE FROM imports WHERE id = ?", (import_id,))

    def set_import_change(self, import_id: int, change_id: int) -> None:
        self._conn.execute("UPDATE imports SET change_id = ? WHERE id = ?", (change_id, import_id))

    def import_entry_ids(self, import_id: int) -> list[tuple[int, bool]]:
        return [(entry_id, bool(counted)) for entry_id, counted in self._query(
            "SELECT id, EXISTS (SELECT 1 FROM entry_documents d WHERE d.entry_id = entries.id)"
            " FROM entries WHERE import_id = ? ORDER BY id", (import_id,))]

    def entry_ids_changed_since_import(self, import_id: int) -> set[int]:
        return {int(row[0]) for row in self._query(
            "SELECT DISTINCT b.key FROM changes c, json_each(c.before) b"
            " WHERE c.id > (SELECT coalesce(change_id, 0) FROM imports WHERE id = ?)", (import_id,))}

    def delete_import(self, import_id: int) -> int:
        with self.transaction():
            units = self._conn.execute("DELETE FROM units WHERE import_id = ?", (import_id,)).rowcount
            self._conn.execute("UPDATE entries SET import_id = NULL WHERE import_id = ?", (import_id,))
            self._conn.execute("DELETE FROM imports WHERE id = ?", (import_id,))
        return units

    def backup(self, target: str | Path) -> None:
        """Write a consistent copy of the store to ``target`` while others may be writing to it:
        SQLite's online backup copies one snapshot, into a temporary file renamed over ``target``."""
        from ...io.files import atomic_path

        target = Path(target)
        if target.is_dir():
            raise Invalid("is a directory; give the backup's file name", path=str(target))
        if target.exists() and target.samefile(self.path):
            raise Invalid("this is the store itself; back up to another file", path=str(target))
        # an open store's write-ahead log beside the file would be applied to the copy renamed there
        if Path(f"{target}-wal").exists():
            raise TmtoolError(f"{target.name}-wal exists beside it: the file is in use as a store", path=str(target))
        with atomic_path(target, replaces_store=True) as temporary:
            copy = sqlite3.connect(temporary)
            try:
                with _disk_full_refused(str(target)):
                    self._conn.backup(copy)
                # pages are copied as they are: a damaged store's copy replaced the earlier backup, the sound one
                # its damage is restored from (quick_check: every page read, no index compared with its table)
                with _disk_full_refused(self.path):
                    said = [row[0] for row in copy.execute("PRAGMA quick_check")]
                if said != ["ok"]:
                    # its first problem, of the lines SQLite gives (a row of quick_check holds several, after its
                    # "*** in database main ***"): the error is one line, where it ran on for a hundred
                    problems = [line for row in said for line in row.splitlines()
                                if line.strip() and not line.startswith("***")]
                    more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
                    raise damaged(sqlite3.DatabaseError(f"{problems[0] if problems else said[0]}{more}"), self.path)
            finally:
                copy.close()

    # ---- overview --------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """How many of each thing the store holds; then units by language pair ("units fr→en"), unit
        texts in languages beyond their unit's source and target ("variants de") and terms by
        language ("terms de"), each by base language."""
        return store_counts(self._query)
