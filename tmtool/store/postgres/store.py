"""The team store: a tmtool store in a PostgreSQL database, for many translators at once.

The second backend of :class:`tmtool.store.base.Store`, with search in PostgreSQL's own terms:
trigram similarity (``pg_trgm``, GIN indexes) for look-up, full-text search (``tsvector`` without
accents through ``unaccent``) for concordance and fuzzy search's candidates; bulk import through COPY.

Writes are serialised by a transaction-level advisory lock, as SQLite's ``BEGIN IMMEDIATE`` does:
tmtool writers never deadlock one another nor meet a serialization failure, and the rules in
:mod:`tmtool.glossary` (read, decide, write) see no other writer between their read and their
write. Readers are never blocked: each statement reads a committed snapshot.
"""

from __future__ import annotations

import json
import math
import os
import re
import select
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from datetime import datetime
from itertools import combinations, islice
from pathlib import Path

import psycopg
import psycopg_pool
from psycopg import pq
from psycopg.sql import SQL, Identifier

from ...errors import Invalid, NotFound, ReadOnly, TmtoolError, Unavailable
from ...langtags import language_codes
from ...model import Context, Entry, ReviewStatus, Term, Unit, Variant, iso, utcnow
from ...text.normalize import fold, fold_word, normalize_for_match, spelling_choices, spellings_of, unspaced
from ..base import announce_upgrade, in_own_thread
from ..corrections import UnitCorrections
from ..records import (
    Change, DocumentRecord, EntryState, ImportRecord, KeyedTerm, StoredUnit, dumps, loads, unit_content_key,
)
from ..rows import (
    APPROVED_KEYS, APPROVED_VERSION, CONTEXT_COLUMNS, DOCUMENT_COLUMNS, ENTRY_COLUMNS, NEXT_INGEST_ORDER, TERM_COLUMNS,
    TERM_INSERT_COLUMNS, UNIT_COLUMNS,
    SIDE_LANGUAGE, UNIT_INSERT_COLUMNS, base_language, by_entry, change_from_row, check_entry_fields, column_value, document_row,
    came_from, entries_from_rows, entry_update, held_context_languages, import_headers, joined_variants, lookup_key_rows,
    memory_props, not_updated, store_counts, stored_props, term_context, term_row, unit_from_row, unit_row,
    without_target,
)
from ..rows import (
    CONCORDANCE_LENGTH, CONCORDANCE_ORDER, ENTRY_ORDER_BACK, ENTRY_ORDER_BY, UNIT_EDIT_COLUMNS, UNIT_EDIT_INSERT_COLUMNS,
    entries_around,
)
from ..rows import VARIANT_WORD_BUDGET, variant_length_band
from ..rows import confirmed_props, equivalent_row, merged_into
from ..url import masked, scrubbed
from .schema import MARKED, MIGRATIONS, marked_words

# advisory lock keys: two numbers of our own ("tmtool" and 1, 2)
WRITE_LOCK = 0x746D746F6F6C0001
MIGRATION_LOCK = 0x746D746F6F6C0002
EXTENSIONS = ("pg_trgm", "unaccent")
IMPORT_BATCH = 5000  # units read, checked and copied at a time by add_units
MEMORY_CONTEXTS = 200
MIN_CONTEXT_WORD = 4  # shorter words are function words or numbers, no evidence for a term
# Fuzzy search: the units sharing words with the query, from the source word index (a trigram index
# reads far more: pg_trgm's GiST index walked nearest first read all of itself, 0.14 s of the
# server's CPU a search at 100,000 units, 1.4 s at 1M; GIN with a similarity floor the postings of
# half the query's trigrams, 0.1 s at 100,000). A unit that scores shares most of the query's words,
# so the units sharing two of its FUZZY_WORDS rarest words, those in at most COMMON_WORD_SHARE of
# the units (or WORD_COUNT_CAP), hold the best match; those sharing one (WORD_BUDGET units at most,
# by the statistics) when the query's rare words were mistyped or replaced. At 1M units, on 200
# edited queries, the best match of an exhaustive scan for 197 at 7 ms of the server's CPU a search
# (five words: 5 ms, eight: 13 ms, ten: 23 ms, each 197; a share of 1 %: 194, measured before).
FUZZY_WORDS = 6
COMMON_WORD_SHARE = 0.03
WORD_BUDGET = 5000
WORD_COUNT_CAP = 1000  # before any statistics (a memory never analysed): words counted up to this
# Look-up keys are short, and one slip takes many of a short word's trigrams ("otn": 2 of the 7 of
# "otan"): a low floor, the glossary is small, and the look-up's rapidfuzz ratio decides.
KEY_TRIGRAM_FLOOR = 0.2
# each side's normalised text, which fuzzy search scores (its words: the column {side}_words)
_MATCH_TEXT = {"source": "match_text", "target": "target_match_text"}

# A process that opens one store again and again (a server answering requests) keeps up to this many
# connections to it open in a pool, rather than connect for each request.
POOL_SIZE = 10
# by process and URL: a forked child must not use its parent's pool (its threads stayed behind)
_POOLS: dict[tuple[int, str], psycopg_pool.ConnectionPool] = {}
_OPENED: set[tuple[int, str]] = set()  # the URLs each process has connected to once
_POOLS_LOCK = threading.Lock()

_U_UNIT_COLUMNS = ", ".join("u." + c for c in UNIT_COLUMNS.split(", "))
_CHANGE_COLUMNS = 'id, time, action, before, after, reverted_by, "user"'
_KEYED_TERM = "SELECT t.entry_id, k.key, k.kind, t.text, t.lang FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
# the text as a phrase in any of its spellings (spellings_of): each word's (%(spellings)s, the %(pieces)s-th piece of
# spelling_choices each) one after the other, ('a' | 'b') <-> ('c' | 'd'): the phrases of every spelling of each
# word with every one of the others, OR-ed, cost ten times as much to match. Those (%(phrases)s) are asked where a
# word is a word in one spelling only (the sign № is none to the index, its compatible No one): a phrase has no
# way to make a word optional, and without it the units writing № would not be found.
_PHRASE = ("(SELECT CASE WHEN bool_or(optional) THEN (SELECT coalesce(string_agg(q::text, ' | '), '')::tsquery"
           " FROM unnest(%(phrases)s::text[]) s, phraseto_tsquery('tm_words', s) q WHERE numnode(q) > 0)"
           " ELSE coalesce(string_agg('(' || spelt || ')', ' <-> ' ORDER BY piece), '')::tsquery END FROM"
           " (SELECT piece, string_agg(q::text, ' | ') FILTER (WHERE numnode(q) > 0) AS spelt,"
           " bool_or(numnode(q) = 0) AND bool_or(numnode(q) > 0) AS optional"
           " FROM unnest(%(pieces)s::int[], %(spellings)s::text[]) AS w(piece, s), phraseto_tsquery('tm_words', s) q"
           " GROUP BY piece) words)")


def _spelt(text: str) -> dict:
    """The parameters of :data:`_PHRASE` for ``text``."""
    pieces = [(k, way) for k, ways in enumerate(spelling_choices(text)) for way in ways if way.strip()]
    return {"pieces": [k for k, _ in pieces], "spellings": [way for _, way in pieces], "phrases": spellings_of(text)}


def _words_match(words: str, text: str, query: str) -> str:
    """SQL: the ``words`` of a column ``text`` match ``query``, or its words without Arabic's marks do
    (``schema.marked_words``: a text holding them)."""
    return f"({words} @@ {query} OR ({marked_words(text)} @@ {query}))"


# whole words of a unit's source or target, case and accents aside (a phrase: the words in order)
_SOURCE_HOLDS, _TARGET_HOLDS = (_words_match(f"u.{side}_words", f"u.{side}", _PHRASE) for side in ("source", "target"))
_CONCORDANCE = f"({_SOURCE_HOLDS} OR {_TARGET_HOLDS})"
# the same on the side in one language: the tags' primary subtags among %(codes)s (fr, fra, fre)
_CONCORDANCE_IN = (f"({_SOURCE_HOLDS}"
                   " AND lower(split_part(replace(u.srclang, '_', '-'), '-', 1)) = ANY(%(codes)s)"
                   f" OR {_TARGET_HOLDS}"
                   " AND lower(split_part(replace(u.tgtlang, '_', '-'), '-', 1)) = ANY(%(codes)s))")
# the units holding it in one of their other languages (in one language: among %(codes)s)
_VARIANTS_HOLDING = ("SELECT v.unit_id FROM unit_variants v WHERE "
                     + _words_match("to_tsvector('tm_words', v.text)", "v.text", _PHRASE))
_VARIANTS_HOLDING_IN = f"{_VARIANTS_HOLDING} AND lower(split_part(replace(v.lang, '_', '-'), '-', 1)) = ANY(%(codes)s)"


def _concordance(selected: str, lang: str | None, text: str, limit: str = "") -> str:
    """SQL: ``selected`` of the units holding the text (:data:`_PHRASE`) as whole words in their source or target, then
    of the others holding it in another of their languages (in ``lang`` only, when given), each once
    with its ``tier`` (0, 1: ``CONCORDANCE_ORDER``; ``limit``: a LIMIT on each of the two). ``text``
    in a script written without spaces (Chinese, Japanese, Thai) is matched as characters, %(needle)s:
    the word index cannot find a word inside a run of characters without spaces (北约 in 北约部长今天开会)."""
    if unspaced(text):
        sides = _CHARACTERS if lang is None else _CHARACTERS_IN
        variants = _VARIANTS_HOLDING_CHARACTERS if lang is None else _VARIANTS_HOLDING_CHARACTERS_IN
    else:
        sides = _CONCORDANCE if lang is None else _CONCORDANCE_IN
        variants = _VARIANTS_HOLDING if lang is None else _VARIANTS_HOLDING_IN
    return (f"(SELECT {selected}, 0 AS tier FROM units u WHERE {sides} {limit}) UNION ALL"
            f" (SELECT {selected}, 1 AS tier FROM units u WHERE u.id IN ({variants}) AND NOT {sides} {limit})")


def _in_language(column: str, codes: str) -> str:
    """SQL: the language tag in ``column`` has a primary subtag among the parameter ``codes``
    (``language_codes`` of a base language: fr, fra, fre), as a stored tag is written."""
    return f"lower(split_part(replace({column}, '_', '-'), '-', 1)) = ANY(%({codes})s)"


# the same for text in a script written without spaces (SQLite's _characters_match): %(needle)s, the
# normalised text, anywhere in a unit's normalised source or target, or lower-cased other language
_CHARACTERS = "(strpos(u.match_text, %(needle)s) > 0 OR strpos(u.target_match_text, %(needle)s) > 0)"
_CHARACTERS_IN = (f"(strpos(u.match_text, %(needle)s) > 0 AND {_in_language('u.srclang', 'codes')}"
                  f" OR strpos(u.target_match_text, %(needle)s) > 0 AND {_in_language('u.tgtlang', 'codes')})")
_VARIANTS_HOLDING_CHARACTERS = "SELECT v.unit_id FROM unit_variants v WHERE strpos(lower(v.text), %(needle)s) > 0"
_VARIANTS_HOLDING_CHARACTERS_IN = f"{_VARIANTS_HOLDING_CHARACTERS} AND {_in_language('v.lang', 'codes')}"


def _lexeme(word: str) -> str:
    """A lexeme as tsquery input quotes it: taken as it is, never parsed as operators."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# What went wrong on the server's side, by SQLSTATE (or its class, the first two characters)
_SERVER_FAILURES = {
    # statement_timeout (the URL's options, the role's settings), or an administrator's cancel
    "57014": "the server cancelled the command",
    "53100": "the server's disk is full, nothing was written: its administrator must free some space on it",
    "53": "the server is short of resources",  # memory, connections, temp_file_limit
    "55P03": "the store was busy: the command waited longer than the server's lock_timeout",
}


LOST = "lost the connection to the store"


@contextmanager
def _server_errors(pg: psycopg.Connection, url: str) -> Iterator[None]:
    """A failure no command of tmtool's can avoid — the connection lost mid-command (the server
    stopped or restarted, the network failed), a statement timed out, the server's disk full, a role
    given no access to the store's tables — as one TmtoolError naming the store, like every other
    failure, rather than psycopg's traceback."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege as exc:
        raise _refused(pg, exc, url) from None
    except psycopg.OperationalError as exc:
        state = exc.sqlstate or ""
        what = LOST if pg.broken else (
            _SERVER_FAILURES.get(state) or _SERVER_FAILURES.get(state[:2]) or "the store's server failed")
        raise Unavailable(f"{what}: {_first_line(exc)}", path=masked(url)) from None


def _refused(pg: psycopg.Connection, exc: psycopg.errors.InsufficientPrivilege, url: str) -> TmtoolError:
    """A statement the server refused this role, said as what the role lacks: of a role that may read the store (a
    reader's, granted SELECT only), changing it (ReadOnly: "the store belongs to a role…" sent a reader to look for
    one); else any part in it (a role outside the team). Which, the server is asked once the refused statement's
    transaction is over (the connection is in autocommit)."""
    said, role, owner = _first_line(exc), "this one", "that role"
    if pg.info.transaction_status == pq.TransactionStatus.IDLE:
        try:
            role, owner, reads = pg.execute(
                "SELECT current_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename = 'tmtool_schema'), has_table_privilege('tmtool_schema', 'SELECT')").fetchone()
        except psycopg.Error:  # the connection lost meanwhile: said as before
            reads = False
        role, owner = role_name(role), role_name(owner or "")
        if reads:
            return ReadOnly(f"{said}: this role may read the store but not change it, nothing was written (its"
                            f" owner lets it: GRANT {owner} TO {role})", path=masked(url))
    return TmtoolError(f"{said}: the store belongs to a role this one is not a member of (its owner grants it:"
                       f" GRANT {owner} TO {role})", path=masked(url))


def role_name(name: str) -> str:
    """A role's name as SQL writes it: as it is when it needs no quotes (ana, team_ann), else quoted."""
    return name if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) else '"' + name.replace('"', '""') + '"'


def _refusal(exc: psycopg.Error, url: str) -> str:
    """Why a connection to ``url`` failed: the server's own reason when it gave one (a database or role that
    does not exist, a wrong password, too many connections), without libpq's preamble naming the
    socket or host; else libpq's first line (no server there); either without a password (``scrubbed``)."""
    text = str(exc).strip()
    if "FATAL:" in text:
        return scrubbed(text.rsplit("FATAL:", 1)[1].strip().splitlines()[0], url, by_server=True)
    return scrubbed(re.sub(r"^connection (failed|is bad): ", "", _first_line(exc)), url)


class PostgresStore(UnitCorrections):
    """A tmtool store in a PostgreSQL database. Open with :meth:`PostgresStore.open` (or
    :func:`tmtool.store.open_store`) and a ``postgresql://`` URL; use as a context manager to close it."""

    def __init__(self, pg: psycopg.Connection, url: str, pool: psycopg_pool.ConnectionPool | None = None, *,
                 created: bool = False):
        self._connection, self._pool = pg, pool
        self._thread = threading.get_ident()  # the one that uses it (base.in_own_thread)
        self._pipelined = False
        self._begun = 0  # transactions of this store's open on its connection (_transaction)
        self.url = self.path = masked(url)
        self.opened_from = url
        self.created = created

    # ---- opening, transactions -------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> PostgresStore:
        """Connect to the database ``url`` names — credentials from the URL, a password file
        (``PGPASSFILE``, ``~/.pgpass``) or libpq's environment (``PGPASSWORD`` …) — and bring the
        store's schema up to date; without ``create``, a database holding no store is NotFound."""
        pg, pool = _connect(url)
        try:
            with _server_errors(pg, url):
                version = _version(pg)
                if version is None and not create:
                    raise NotFound("no tmtool store in this database (check --db or $TMTOOL_DB)", path=masked(url))
                migrate(pg, url)
        except BaseException:
            _release(pg, pool)
            raise
        return cls(pg, url, pool, created=version is None)

    def close(self) -> None:
        _release(self._connection, self._pool)
        self._thread = None  # closed: used again, it is refused (base.in_own_thread)

    @property
    def _pg(self) -> psycopg.Connection:
        """The connection, to this store's thread while it is open (base.in_own_thread): a method reading it
        without ``_query`` (``units``, the export's) was psycopg's OperationalError ("the connection is closed")
        once the store was closed."""
        in_own_thread(self._thread)
        return self._connection

    def _connected(self) -> None:
        """Between transactions, a connection the server ended (restarted, or an administrator's
        pg_terminate_backend) replaced by a new one: a transaction it was in is lost and told as such, but a long
        command's next ones (ingest --dir's next documents) were each told "lost the connection to the store: the
        connection is closed", or the first of them "terminating connection…" when it ended while idle, the store
        answering again meanwhile."""
        if self._in_transaction:
            return
        if self._connection.closed or _ended(self._connection):
            connected = _connect(self.opened_from, failing=LOST)  # the server down: the old one kept, to be closed
            _release(self._connection, self._pool)
            self._connection, self._pool = connected

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def _in_transaction(self) -> bool:
        # a lost connection's status is UNKNOWN: no transaction to join, a new one says it is lost; but one lost
        # inside a transaction still open (a statement's failure caught) is joined, and what follows fails as lost
        return bool(self._begun) or self._pg.info.transaction_status not in (pq.TransactionStatus.IDLE,
                                                                               pq.TransactionStatus.UNKNOWN)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A transaction on the connection, replaced first if the server ended it (_connected), never while one is
        open: lost then (a failed statement's error caught by the caller), a new connection wrote what followed in
        autocommit, outside the transaction and its lock, and the rest was rolled back without a word (psycopg
        ends a lost connection's transaction quietly): its end says it is lost instead."""
        self._connected()
        with _server_errors(self._pg, self.url):
            with self._pg.transaction():
                self._begun += 1
                try:
                    yield
                finally:
                    self._begun -= 1
            if self._connection.broken:
                raise Unavailable(f"{LOST}: the transaction was not committed, nothing of it was written",
                                  path=self.url)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, holding the store's write lock; nested calls join the outer one (of this
        thread: another thread's would join it unlocked, and be undone with it)."""
        in_own_thread(self._thread)
        if self._in_transaction:
            yield
            return
        with self._transaction():
            self._pg.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Statements sent without waiting for the server's answer to each (psycopg's pipeline mode),
        in a write transaction (begun first: its lock is taken before anything is sent): a read, or
        a write whose result is used, waits for everything sent before it."""
        if self._pipelined:
            yield
            return
        with self.transaction(), _server_errors(self._pg, self.url), self._pg.pipeline():
            self._pipelined = True
            try:
                yield
            finally:
                self._pipelined = False

    def _query(self, sql: str, params: Sequence | Mapping = ()) -> list[tuple]:
        in_own_thread(self._thread)
        self._connected()
        with _server_errors(self._pg, self.url):
            return self._pg.execute(sql, params).fetchall()

    def _write(self, sql: str, params: Sequence | Mapping = ()) -> None:
        """Run one writing statement in the caller's transaction (or its own)."""
        with self.transaction():
            self._pg.execute(sql, params)

    def is_empty(self) -> bool:
        return not any(self._query(f"SELECT EXISTS (SELECT 1 FROM {table})")[0][0] for table in
                       ("documents", "units", "entries", "imports", "changes"))

    def discard(self) -> None:
        """Close: a server database is never dropped (see the Protocol)."""
        self.close()

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the store in the SQLite file ``target`` (as ``tmtool db copy``
        makes one), written beside it and renamed over it."""
        from ...io.files import atomic_path
        from ..copy import copy_store
        from ..sqlite import SQLiteStore

        target = Path(target)
        if target.is_dir():
            raise Invalid("is a directory; give the backup's file name", path=str(target))
        with atomic_path(target, replaces_store=True) as temporary, SQLiteStore.open(temporary) as copy:
            copy_store(self, copy)

    def stats(self) -> dict[str, int]:
        return store_counts(self._query)

    # ---- documents -------------------------------------------------------------------------

    def document(self, document_id: str) -> DocumentRecord | None:
        rows = self._query(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = %s", (document_id,))
        return DocumentRecord(*rows[0]) if rows else None

    def document_with(self, src_hash: str, tgt_hash: str, *, text: bool = False) -> str | None:
        columns = ("src_text_hash", "tgt_text_hash") if text else ("src_hash", "tgt_hash")
        rows = self._query(f"SELECT id FROM documents WHERE {columns[0]} = %s AND {columns[1]} = %s"
                           " ORDER BY ingest_order LIMIT 1", (src_hash, tgt_hash))
        return rows[0][0] if rows else None

    def documents(self) -> list[tuple[DocumentRecord, int]]:
        rows = self._query(f"SELECT {DOCUMENT_COLUMNS}, (SELECT count(*) FROM units u WHERE u.document_id = d.id)"
                           " FROM documents d ORDER BY ingest_order")
        return [(DocumentRecord(*row[:-1]), row[-1]) for row in rows]

    def replace_document(self, record: DocumentRecord, units: Sequence[Unit]) -> dict[str, int]:
        now = iso(utcnow())
        with self.transaction():
            earlier = self.document(record.id)
            order = earlier.ingest_order if earlier else self._query(NEXT_INGEST_ORDER)[0][0]
            self._pg.execute("DELETE FROM contexts WHERE document = %s", (record.id,))
            self._pg.execute("DELETE FROM documents WHERE id = %s", (record.id,))
            self._pg.execute(
                f"INSERT INTO documents ({DOCUMENT_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                document_row(record, earlier.ingested if earlier else now, now, order))
            ids = self._copy_units([(unit, unit_content_key(unit), record.id, position) for position, unit in
                                    enumerate(units)], record.src_path, None)
            return {unit.tuid or str(position): ids[position] for position, unit in enumerate(units)}

    def _copy_units(self, units: Sequence[tuple[Unit, str, str | None, int | None]], origin: str,
                    import_id: int | None, header: dict | None = None) -> list[int]:
        """Write (unit, content key, document, position) rows with one COPY, under ids taken from the
        table's identity beforehand so that their variants can be written beside them; their ids. ``header``:
        their import's (``rows.stored_props``)."""
        rows = [unit_row(unit, key, document_id, position, origin, import_id,
                         None if header is None else stored_props(unit.props, header))
                for unit, key, document_id, position in units]  # checked before anything is written
        ids = [i for i, in self._pg.execute(
            "SELECT nextval(pg_get_serial_sequence('units', 'id')) FROM generate_series(1, %s)", (len(rows),))]
        with self._pg.cursor() as cursor:
            with cursor.copy(f"COPY units (id, {UNIT_INSERT_COLUMNS}) FROM STDIN") as copy:
                for unit_id, row in zip(ids, rows):
                    copy.write_row((unit_id, *row))
            if any(unit.variants for unit, *_ in units):
                with cursor.copy("COPY unit_variants (unit_id, position, lang, text, markup) FROM STDIN") as copy:
                    for unit_id, (unit, *_) in zip(ids, units):
                        for position, v in enumerate(unit.variants):
                            copy.write_row((unit_id, position, v.lang, v.text, v.markup))
        return ids

    def delete_documents(self, document_ids: Sequence[str]) -> tuple[int, dict[int, list[tuple[str | None, float | None]]]]:
        ids = list(dict.fromkeys(document_ids))
        with self.transaction():
            known = {row[0] for row in self._query("SELECT id FROM documents WHERE id = ANY(%s)", (ids,))}
            missing = [i for i in ids if i not in known]
            if missing:
                raise NotFound(f"no document {', '.join(missing)} in the store")
            units = self._query("SELECT count(*) FROM units WHERE document_id = ANY(%s)", (ids,))[0][0]
            shares: dict[int, list[tuple[str | None, float | None]]] = {}
            for entry_id, seen, score in self._query(
                    "SELECT entry_id, seen, score FROM entry_documents WHERE document_id = ANY(%s)"
                    " ORDER BY entry_id, document_id", (ids,)):
                shares.setdefault(entry_id, []).append((seen, score))
            self._pg.execute("DELETE FROM contexts WHERE document = ANY(%s)", (ids,))
            self._pg.execute("DELETE FROM unit_edits WHERE document_id = ANY(%s)", (ids,))
            # their units, the contexts citing those and their entry counts go with them (cascade)
            self._pg.execute("DELETE FROM documents WHERE id = ANY(%s)", (ids,))
        return units, shares

    def set_document_terms(self, document_id: str, release: str) -> None:
        with self.transaction():
            self._pg.execute("UPDATE documents SET terms = %s WHERE id = %s", (release, document_id))

    def forget_document_terms(self, document_id: str) -> dict[int, list[tuple[str | None, float | None]]]:
        with self.transaction():
            shares: dict[int, list[tuple[str | None, float | None]]] = {}
            for entry_id, seen, score in self._query(
                    "SELECT entry_id, seen, score FROM entry_documents WHERE document_id = %s"
                    " ORDER BY entry_id", (document_id,)):
                shares.setdefault(entry_id, []).append((seen, score))
            for table, column in (("contexts", "document"), ("entry_documents", "document_id"),
                                  ("entry_equivalents", "document_id"), ("candidate_documents", "document_id")):
                self._pg.execute(f"DELETE FROM {table} WHERE {column} = %s", (document_id,))
        return shares

    def document_evidence(self, document_id: str) -> list[tuple[str, float, dict]]:
        return [(key, score, json.loads(proposal)) for key, score, proposal in self._query(
            "SELECT key, score, proposal FROM candidate_documents WHERE document_id = %s ORDER BY key",
            (document_id,))]

    def document_entry_ids(self, document_id: str) -> list[int]:
        return [r[0] for r in self._query("SELECT entry_id FROM entry_documents WHERE document_id = %s"
                                          " ORDER BY entry_id", (document_id,))]

    def document_units(self, document_id: str) -> list[StoredUnit]:
        if self.document(document_id) is None:
            raise NotFound(f"no document {document_id} in the store")
        rows = self._query(f"SELECT {UNIT_COLUMNS}, position, bead, confidence, excluded, sentences FROM units"
                           " WHERE document_id = %s ORDER BY position", (document_id,))
        headers = self._headers(rows)
        units = self._with_variants({row[0]: unit_from_row(row[:-5], headers) for row in rows})
        return [StoredUnit(row[0], row[-5], units[row[0]], row[-4], row[-3], bool(row[-2]),
                           tuple(json.loads(row[-1])) if row[-1] else None) for row in rows]

    # ---- the statements of a reviewer's corrections (see tmtool.store.corrections) -------------

    def _record_unit_edit(self, row: tuple) -> int:
        return self._pg.execute(f"INSERT INTO unit_edits ({UNIT_EDIT_INSERT_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s)"
                                " RETURNING id", row).fetchone()[0]

    def _delete_unit_edit(self, edit_id: int) -> None:
        self._pg.execute("DELETE FROM unit_edits WHERE id = %s", (edit_id,))

    def _unit_edit_rows(self, document_id: str) -> list[tuple]:
        return self._query(f"SELECT {UNIT_EDIT_COLUMNS} FROM unit_edits WHERE document_id = %s ORDER BY id",
                           (document_id,))

    def _set_excluded(self, rows: Sequence[tuple[int, int]]) -> None:
        with self._pg.cursor() as cursor:
            cursor.executemany("UPDATE units SET excluded = %s WHERE id = %s", rows)

    def _unit_origin(self, unit_id: int) -> str:
        return self._query("SELECT origin FROM units WHERE id = %s", (unit_id,))[0][0]

    def _shift_positions(self, document_id: str, by: int, after_position: int) -> None:
        self._pg.execute("UPDATE units SET position = position + %s WHERE document_id = %s AND position > %s",
                         (by, document_id, after_position))

    def _insert_document_units(self, units: Sequence[Unit], document_id: str, position: int,
                               origin: str) -> list[int]:
        return self._copy_units([(unit, unit_content_key(unit), document_id, position + number)
                                 for number, unit in enumerate(units)], origin, None)

    def _set_corrected(self, rows: Sequence[tuple[int, str, int]]) -> None:
        with self._pg.cursor() as cursor:
            cursor.executemany("UPDATE units SET confidence = NULL, excluded = %s, sentences = %s WHERE id = %s",
                               rows)

    def _unit_contexts(self, unit_ids: Sequence[int]) -> list[tuple[int, int, str, str, str | None, int, str | None]]:
        return self._query("SELECT id, unit_id, fr, en, (SELECT string_agg(text, E'\\n') FROM terms"
                           " WHERE terms.entry_id = contexts.entry_id), entry_id, unit FROM contexts"
                           " WHERE unit_id = ANY(%s)",
                           (list(unit_ids),))

    def _move_contexts(self, rows: Sequence[tuple[int, str, str, str, int]]) -> None:
        with self._pg.cursor() as cursor:
            cursor.executemany("UPDATE contexts SET unit_id = %s, unit = %s, fr = %s, en = %s WHERE id = %s", rows)

    def _new_versions(self, entry_ids: Sequence[int]) -> None:
        self._pg.execute("UPDATE entries SET version = version + 1, updated = %s WHERE id = ANY(%s)",
                         (iso(utcnow()), list(entry_ids)))

    def _delete_units(self, unit_ids: Sequence[int]) -> None:
        self._pg.execute("DELETE FROM units WHERE id = ANY(%s)", (list(unit_ids),))

    # ---- units -----------------------------------------------------------------------------

    def add_units(self, units: Iterable[Unit], origin: str, import_id: int | None = None, *,
                  untranslated: Callable[[Unit], bool] | None = None,
                  pairs: Counter | None = None, repeats: Counter | None = None,
                  confirmed: Callable[[dict, Unit], dict | None] | None = None) -> tuple[int, int, int]:
        """As the Protocol says; each batch's new units are written with one COPY, while the next
        batch is read in a thread (``units`` is iterated there, and its progress reported from there)."""
        added = already_stored = not_translated = 0
        with self.transaction():
            header = None  # the import's (rows.stored_props), once a unit is stored
            with self.indexes_in_bulk(), closing(_read_ahead(units, IMPORT_BATCH)) as batches:
                for batch in batches:
                    kept = [unit for unit in batch
                            if unit.source.strip() and not (untranslated or without_target)(unit)]
                    not_translated += len(batch) - len(kept)
                    translated: dict[str, Unit] = {}
                    repeated = []
                    for unit in kept:
                        key = unit_content_key(unit)
                        if key in translated:
                            repeated.append(unit)
                        else:
                            translated[key] = unit
                    found = self._query("SELECT content_key, import_id, id, props FROM units"
                                        " WHERE content_key = ANY(%s)", (list(translated),))
                    stored = {key for key, *_ in found}
                    if confirmed is not None and (updates := confirmed_props(found, translated, confirmed)):
                        with self._pg.cursor() as cursor:
                            cursor.executemany("UPDATE units SET props = %s WHERE id = %s", updates)
                    if repeats is not None:  # a batch's repeats, and the units of this import's earlier batches
                        earlier = {key for key, by, *_ in found if import_id is not None and by == import_id}
                        repeats.update((u.srclang, u.tgtlang) for u in repeated + [translated[key] for key in earlier])
                    new = [(unit, key, None, None) for key, unit in translated.items() if key not in stored]
                    if header is None and import_id is not None and new:
                        header = self._import_header(import_id, memory_props(new[0][0].props))
                    self._copy_units(new, origin, import_id, header)
                    if pairs is not None:
                        pairs.update((unit.srclang, unit.tgtlang) for unit, *_ in new)
                    added += len(new)
                    already_stored += len(kept) - len(new)
            # the words' statistics, refreshed once after a bulk import, its indexes built: the word
            # counts fuzzy search and memory_contexts read, and what the planner weighs a word search
            # by; the other columns' are left to autovacuum (a column list leaves the table counted as
            # changed), their sorts of long texts 60 % of a whole ANALYZE's time
            if added >= IMPORT_BATCH:
                self._pg.execute("ANALYZE units (source_words, target_words)")
        return added, already_stored, not_translated

    def _import_header(self, import_id: int, said: dict) -> dict | None:
        """What import ``import_id``'s units said of their memory, held once (``rows.stored_props``): what it
        holds, else ``said`` (by the first of its units stored), which it then holds; None for no such import
        (the units' reference to it is refused as they are written)."""
        held = self._pg.execute("UPDATE imports SET header = coalesce(header, %s) WHERE id = %s RETURNING header",
                                (dumps(said), import_id)).fetchone()
        return loads(held[0]) if held else None

    def _headers(self, rows: Sequence[Sequence] | None = None) -> dict[int, dict]:
        """The imports' headers by id, for ``rows.unit_from_row``: all, or those of the units ``rows`` (of
        UNIT_COLUMNS), read only when one of them was imported."""
        if rows is not None and all(row[12] is None for row in rows):
            return {}
        return import_headers(self._query("SELECT id, header FROM imports WHERE header IS NOT NULL"))

    @contextmanager
    def indexes_in_bulk(self) -> Iterator[None]:
        """Within a write transaction: when the memory is empty (a first import, a copy), its search
        indexes (and the units' other secondary indexes) are dropped and built again in one pass over
        the rows written meanwhile, which costs less than growing them row by row (a 100,000-unit
        import: 14.9 s against 23.0 s for the search indexes; 0.4 s of the server's CPU less for the
        others, 0.15 s to build), and its
        foreign keys are checked once, in one join, rather than by a trigger for each row (1.4 s of
        the server's time for 100,000 rows); readers of the empty memory, and of the documents and
        imports its keys refer to, wait for the transaction."""
        empty = not self._query("SELECT EXISTS (SELECT 1 FROM units)")[0][0]
        foreign_keys = self._query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                                   " WHERE conrelid = 'units'::regclass AND contype = 'f'") if empty else []
        # the content key's index stays: a batch's units are looked up by it among those copied before
        indexes = self._query("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                              " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'units'::regclass"
                              " AND NOT i.indisprimary AND c.relname <> 'units_content'") if empty else []
        if empty:
            for name, _ in indexes:
                self._pg.execute(f'DROP INDEX "{name}"')
            for name, _ in foreign_keys:
                self._pg.execute(f'ALTER TABLE units DROP CONSTRAINT "{name}"')
        yield
        if empty:
            self._pg.execute("SELECT set_config('maintenance_work_mem', '256MB', true)")
            for _, ddl in indexes:
                self._pg.execute(ddl)
            for name, definition in foreign_keys:
                self._pg.execute(f'ALTER TABLE units ADD CONSTRAINT "{name}" {definition}')

    def units(self, *, since: datetime | None = None, excluded: bool = True) -> Iterator[Unit]:
        """Every unit (changed on or after ``since``) in the order stored, read from one snapshot a
        batch at a time (server-side cursors: an export holds a batch in memory, not the memory)."""
        where, params = (" WHERE u.changed >= %s", (iso(since),)) if since else ("", ())
        if not excluded:
            where += (" AND" if where else " WHERE") + " u.excluded = 0"
        with self._transaction():
            self._pg.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            headers = self._headers()
            with self._pg.cursor("units") as rows, self._pg.cursor("variants") as variants:
                rows.execute(f"SELECT {_U_UNIT_COLUMNS} FROM units u{where} ORDER BY u.id", params)
                variants.execute("SELECT v.unit_id, v.lang, v.text, v.markup FROM unit_variants v"
                                 " JOIN units u ON u.id = v.unit_id" + where + " ORDER BY v.unit_id, v.position",
                                 params)
                yield from joined_variants(rows, variants, headers)

    def _with_variants(self, units: dict[int, Unit]) -> dict[int, Unit]:
        if units:
            for unit_id, *variant in self._query("SELECT unit_id, lang, text, markup FROM unit_variants"
                                                 " WHERE unit_id = ANY(%s) ORDER BY unit_id, position", (list(units),)):
                units[unit_id].variants.append(Variant(*variant))
        return units

    def unit_count(self, *, since: datetime | None = None) -> int:
        where, params = (" WHERE changed >= %s", (iso(since),)) if since else ("", ())
        return self._query(f"SELECT count(*) FROM units{where}", params)[0][0]

    def units_by_id(self, ids: Sequence[int]) -> dict[int, Unit]:
        rows = self._query(f"SELECT {UNIT_COLUMNS} FROM units WHERE id = ANY(%s)", (list(ids),))
        headers = self._headers(rows)
        return self._with_variants({row[0]: unit_from_row(row, headers) for row in rows})

    def units_came_from(self, units: Mapping[int, Unit]) -> dict[int, str]:
        rows = self._query("SELECT id, document_id, origin FROM units WHERE id = ANY(%s)", (list(units),))
        return {unit_id: came_from(units[unit_id], document_id, origin) for unit_id, document_id, origin in rows}

    def source_languages(self, *, since: datetime | None = None) -> list[str]:
        where, params = (" WHERE changed >= %s", (iso(since),)) if since else ("", ())
        return [tag for tag, in self._query(f"SELECT DISTINCT srclang FROM units{where} ORDER BY srclang", params)]

    def unit_languages(self) -> list[str]:
        tags = self._query("SELECT srclang FROM units UNION SELECT tgtlang FROM units"
                           " UNION SELECT lang FROM unit_variants")
        return sorted({base for tag, in tags if (base := base_language(tag))})

    # ---- searching the memory ----------------------------------------------------------------

    def fuzzy_candidates(self, text: str, min_score: float, side: str = "source",
                         lang: str | None = None) -> dict[int, str]:
        """The units whose ``side`` shares two of the query's rarest words, else one (see FUZZY_WORDS),
        within the length band a hit at ``min_score`` lies in (similarity = 1 - distance / longer length),
        in ``lang`` when given: whether two words' units hold a match is then asked of the units in it
        (a match in another language kept those sharing one word, the language's, unread)."""
        # tmtool.search's scorer (a store may not import that module: it is a layer above)
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        ratio = min_score / 100
        band = {"min": math.floor(len(text) * ratio), "max": math.ceil(len(text) / ratio)}
        codes = language_codes(lang) if lang else None
        counts, common = self._word_counts(text, side)
        rarest = sorted(counts, key=lambda word: (counts[word], word))
        # a word in no unit (a slip, where counted) selects nothing; a query of common words only
        # takes two of its three rarest
        chosen = [word for word in rarest if 0 < counts[word] <= common][:FUZZY_WORDS] or rarest[:3]
        if len(chosen) >= 2:
            pairs = " | ".join(f"{_lexeme(a)} & {_lexeme(b)}" for a, b in combinations(chosen, 2))
            found = self._word_matches(pairs, band, side, codes)
            # a hair below the ratio: rapidfuzz drops a score equal to its cut-off at some values (0.6, 0.8)
            if process.extractOne(text, found, scorer=Levenshtein.normalized_similarity,
                                  score_cutoff=max(ratio - 1e-6, 0.0)):
                return found
        budget, single = 0.0, []
        for word in chosen:
            # one word at least, over the budget if need be, but never one too common
            if counts[word] > common or single and budget + counts[word] > WORD_BUDGET:
                break
            single.append(word)
            budget += counts[word]
        return self._word_matches(" | ".join(map(_lexeme, single)), band, side, codes) if single else {}

    def variant_fuzzy_candidates(self, text: str, min_score: float,
                                 lang: str | None = None) -> list[tuple[int, str, str]]:
        """See :meth:`Store.variant_fuzzy_candidates`: from the variants' word index (schema migration 10),
        each word counted up to the budget (a word in more is no filter); an Arabic text with its marks is
        no bound of the band."""
        def holds(query: str) -> str:
            return _words_match("to_tsvector('tm_words', v.text)", "v.text", f"{query}::tsquery")

        words = [word for word, in self._query("SELECT lexeme FROM unnest(to_tsvector('tm_words', %s))", (text,))]
        counts = dict(self._query(
            f"SELECT w, (SELECT count(*) FROM (SELECT 1 FROM unit_variants v WHERE {holds('q')}"
            " LIMIT %(cap)s) capped) FROM unnest(%(words)s::text[], %(queries)s::text[]) AS t(w, q)",
            {"words": words, "queries": [_lexeme(w) for w in words], "cap": VARIANT_WORD_BUDGET + 1}))
        budget, chosen = 0, []
        for word in sorted((w for w in counts if 0 < counts[w] <= VARIANT_WORD_BUDGET), key=lambda w: (counts[w], w)):
            if chosen and budget + counts[word] > VARIANT_WORD_BUDGET:
                break
            chosen.append(word)
            budget += counts[word]
        if not chosen:
            return []
        shortest, longest = variant_length_band(text, min_score)
        in_lang = f" AND {_in_language('v.lang', 'codes')}" if lang else ""
        return self._query(
            f"SELECT v.unit_id, v.lang, v.text FROM unit_variants v WHERE {holds('%(words)s')}"
            f" AND (length(v.text) BETWEEN %(shortest)s AND %(longest)s OR {MARKED.format('v.text')}){in_lang}"
            " ORDER BY v.unit_id, v.position",
            {"words": " | ".join(map(_lexeme, chosen)), "codes": language_codes(lang) if lang else None,
             "shortest": shortest, "longest": longest})

    def _word_matches(self, tsquery: str, band: dict[str, int], side: str,
                      codes: list[str] | None) -> dict[int, str]:
        match_text = _MATCH_TEXT[side]
        in_lang = f" AND {_in_language(SIDE_LANGUAGE[side], 'codes')}" if codes else ""
        # the band, and the language, checked on the rows the words select (schema migration 6)
        return dict(self._query(
            f"SELECT id, {match_text} FROM units WHERE {_words_match(f'{side}_words', side, '%(words)s::tsquery')}"
            f" AND length({match_text}) BETWEEN %(min)s AND %(max)s{in_lang}",
            {"words": tsquery, "codes": codes, **band}))

    def _word_counts(self, text: str, side: str) -> tuple[dict[str, float], float]:
        """The words of ``text`` as the word index of ``side`` holds them, each with the number of units
        holding it, and the number above which a word is too common to select units by (none up to
        WORD_COUNT_CAP): from ANALYZE's statistics (a word outside the most common thousand counts
        half the least common of them, as the planner estimates it), else counted up to the cap."""
        words = [word for word, in self._query("SELECT lexeme FROM unnest(to_tsvector('tm_words', %s))", (text,))]
        statistics = self._common_words(side)
        if statistics:
            common, units = statistics
            rarer = min(common.values()) / 2
            return {word: common.get(word, rarer) for word in words}, max(COMMON_WORD_SHARE * units, WORD_COUNT_CAP)
        return dict(self._query(
            f"SELECT w, (SELECT count(*) FROM (SELECT 1 FROM units WHERE {side}_words @@ q::tsquery"
            " LIMIT %(cap)s) capped) FROM unnest(%(words)s::text[], %(queries)s::text[]) AS t(w, q)",
            {"words": words, "queries": [_lexeme(w) for w in words], "cap": WORD_COUNT_CAP + 1})), WORD_COUNT_CAP

    @contextmanager
    def _similarity_floor(self, floor: float) -> Iterator[None]:
        """pg_trgm's ``%`` (similarity at least the floor, through the index) in a transaction."""
        with self._transaction():
            self._pg.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", (str(floor),))
            yield

    def concordance(self, text: str, limit: int = 20, lang: str | None = None) -> list[tuple[Unit, str]]:
        """Units holding ``text`` as whole words (on the side in ``lang``, when given), in
        ``CONCORDANCE_ORDER``."""
        selected = f"{_U_UNIT_COLUMNS}, u.document_id, u.origin, {CONCORDANCE_LENGTH} AS length"
        rows = self._query(f"SELECT {UNIT_COLUMNS}, document_id, origin FROM ({_concordance(selected, lang, text)}) m"
                           f" ORDER BY {CONCORDANCE_ORDER} LIMIT %(limit)s",
                           {**_spelt(text), "needle": normalize_for_match(text), "limit": limit,
                            "codes": language_codes(lang) if lang else None})
        headers = self._headers(rows)
        units = self._with_variants({row[0]: unit_from_row(row[:-2], headers) for row in rows})
        return [(units[row[0]], came_from(units[row[0]], row[-2], row[-1])) for row in rows]

    def concordance_count(self, text: str, cap: int, lang: str | None = None) -> int:
        return min(cap, self._query(f"SELECT count(*) FROM ({_concordance('1', lang, text, 'LIMIT %(cap)s')}) capped",
                                    {**_spelt(text), "needle": normalize_for_match(text), "cap": cap,
                                     "codes": language_codes(lang) if lang else None})[0][0])

    def memory_contexts(self, words: Iterable[str], *, exclude_document: str | None = None,
                        limit: int = MEMORY_CONTEXTS, lang: str = "fr") -> list[Context]:
        """French–English units (or those of ``lang`` and English), translated either way, whose French (an
        en→fr unit's target) shares
        the document's most specific words (each in at most ``limit`` units' sources, or targets, as
        SQLite counts them), those that rank highest for them first (ts_rank, a long unit's matches
        weighing less, as bm25 weighs them), then the shortest."""
        words = sorted({fold_word(word) for word in words if len(word) >= MIN_CONTEXT_WORD})
        source = self._specific_words(words, limit, "source")
        # the targets are asked only about the words in at most ``limit`` sources, as on SQLite: one in
        # more is common in the memory's French whatever the English originals hold
        specific = {"source": source, "target": self._specific_words(source, limit, "target")}
        if not any(specific.values()):
            return []
        # a unit is ranked on the side holding its French: a fr→en unit's source, an en→fr unit's target
        side = (
            " SELECT u.source, u.target, u.srclang, u.tgtlang, coalesce(u.tuid, ''), coalesce(u.document_id, ''),"
            # each unit's words read once (a count per word read them again for every word: 37 s
            # for the seed's 145 words in 100,000 units, against 0.5 s)
            " ts_rank(u.{fr}_words, q.{fr}, 1) AS rank, length(u.{fr}) AS length, u.id FROM units u, q"
            " WHERE u.{fr}_words @@ q.{fr}"
            # imported units have no document: they are memory too, whatever is excluded
            " AND (%(exclude)s::text IS NULL OR u.document_id IS DISTINCT FROM %(exclude)s)"
            # a German–French unit's source is no French sentence, nor its target an English one
            f" AND {_in_language('u.srclang', '{srclang}')} AND {_in_language('u.tgtlang', '{tgtlang}')}")
        rows = self._query(
            "WITH q AS (SELECT"
            " (SELECT string_agg(phraseto_tsquery('tm_words', w)::text, ' | ')::tsquery"
            " FROM unnest(%(source)s::text[]) w) AS source,"
            " (SELECT string_agg(phraseto_tsquery('tm_words', w)::text, ' | ')::tsquery"
            " FROM unnest(%(target)s::text[]) w) AS target)"
            + side.format(fr="source", srclang="fr", tgtlang="en") + " UNION ALL"
            + side.format(fr="target", srclang="en", tgtlang="fr")
            + " ORDER BY rank DESC, length, id LIMIT %(limit)s",
            # "fr": the codes of the language beside English, French or ``lang``
            {**specific, "exclude": exclude_document, "fr": language_codes(lang), "en": language_codes("en"),
             "limit": limit})
        return [term_context(Unit(*row[:5]), row[5]) for row in rows]

    def _specific_words(self, words: list[str], limit: int, side: str) -> list[str]:
        """The ``words`` found in at most ``limit`` units' ``side`` ("source" or "target"), none
        included."""
        # the statistics name the commonest words; the others are counted, up to limit + 1 each,
        # in one statement (a word the statistics miss but found in thousands of units flooded the
        # contexts with long units: term extraction then took 3x as long as on SQLite)
        common, _ = self._common_words(side) or ({}, 0.0)
        return [word for word, in self._query(
            "SELECT w FROM unnest(%(words)s::text[]) w WHERE (SELECT count(*) FROM (SELECT 1 FROM units"
            f" WHERE {side}_words @@ phraseto_tsquery('tm_words', w) LIMIT %(limit)s + 1) capped) <= %(limit)s",
            {"words": [word for word in words if common.get(word, 0) <= limit], "limit": limit})]

    def _common_words(self, side: str = "source") -> tuple[dict[str, float], float] | None:
        """The words most common in the units' ``side`` ("source" or "target"), with the number of
        units holding each, and the number of units, as PostgreSQL's statistics of the units' words
        estimate them (ANALYZE keeps the most common thousand; a word left out is rarer than all of
        them), read together. None before any statistics."""
        rows = self._query(
            "SELECT e.word, e.freq * c.reltuples, c.reltuples FROM pg_class c, pg_stats s,"
            " unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(word, freq)"
            " WHERE c.oid = 'units'::regclass AND s.schemaname = current_schema() AND s.tablename = 'units'"
            " AND s.attname = %s AND e.word IS NOT NULL", (f"{side}_words",))
        return ({word: count for word, count, _ in rows}, rows[0][2]) if rows else None

    # ---- reading entries -----------------------------------------------------------------------

    def entries(self, ids: Sequence[int], *, contexts: int | None = None) -> dict[int, Entry]:
        if not ids:
            return {}
        ids = list(ids)
        return entries_from_rows(
            self._query(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ANY(%s)", (ids,)),
            self._query(f"SELECT {TERM_COLUMNS} FROM terms WHERE entry_id = ANY(%s) ORDER BY entry_id, position",
                        (ids,)),
            self._query(f"SELECT {CONTEXT_COLUMNS} FROM contexts WHERE entry_id = ANY(%s) ORDER BY entry_id, id",
                        (ids,)),
            contexts)

    def entry_state(self, entry_id: int) -> EntryState | None:
        return self.entry_states([entry_id]).get(entry_id)

    def entry_states(self, entry_ids: Sequence[int]) -> dict[int, EntryState]:
        rows = self._query("SELECT id, reviewed, version, created, updated, import_id FROM entries"
                           " WHERE id = ANY(%s)", (list(entry_ids),))
        return {row[0]: EntryState(bool(row[1]), *row[2:]) for row in rows}

    def list_entries(self, *, statuses: Sequence[ReviewStatus] = (), min_score: float | None = None,
                     since: datetime | None = None, text: str | None = None, document: str | None = None,
                     limit: int | None = None, offset: int = 0, order: str = "score",
                     after: Sequence | None = None, before: Sequence | None = None,
                     lang: str | None = None) -> list[Entry]:
        where, params = self._entries_where(statuses, min_score, since, text, document, lang)
        keysets, values = entries_around(order, after, before, "%s")
        where += keysets
        params += values
        sql = "SELECT id FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
        sql += f" ORDER BY {(ENTRY_ORDER_BY if before is None else ENTRY_ORDER_BACK)[order]} LIMIT %s OFFSET %s"
        ids = [row[0] for row in self._query(sql, [*params, limit, offset])][::1 if before is None else -1]
        found = self.entries(ids)
        return [found[i] for i in ids]

    def count_entries(self, *, statuses: Sequence[ReviewStatus] = (), min_score: float | None = None,
                      text: str | None = None, document: str | None = None, lang: str | None = None,
                      cap: int, order: str = "score", before: Sequence | None = None) -> int:
        where, params = self._entries_where(statuses, min_score, None, text, document, lang)
        keysets, values = entries_around(order, None, before, "%s")
        where, params = where + keysets, params + values
        sql = "SELECT 1 FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
        return self._query(f"SELECT count(*) FROM ({sql} LIMIT %s) AS counted", [*params, cap])[0][0]

    @staticmethod
    def _entries_where(statuses, min_score, since, text, document, lang) -> tuple[list[str], list]:
        where, params = [], []
        if statuses:
            where.append("status = ANY(%s)")
            params.append([s.value for s in statuses])
        if min_score is not None:
            where.append("score >= %s")
            params.append(min_score)
        if since is not None:
            where.append("updated >= %s")
            params.append(iso(since))
        if text:
            where.append("id IN (SELECT t.entry_id FROM lookup_keys k JOIN terms t ON t.id = k.term_id"
                         " WHERE k.kind = 'form' AND strpos(replace(k.key, '-', ' '), %s) > 0)")
            params.append(fold(text).replace("-", " "))  # a hyphen typed as a space, or a space as a hyphen
        if document is not None:
            where.append("id IN (SELECT entry_id FROM entry_documents WHERE document_id = %s)")
            params.append(document)
        if lang is not None:
            where.append("id IN (SELECT entry_id FROM terms WHERE lang = %s)")
            params.append(lang)
        return where, params

    def approved_version(self) -> tuple:
        return tuple(self._query(APPROVED_VERSION)[0])

    def approved_keys(self) -> list[str]:
        return [key for key, in self._query(APPROVED_KEYS)]

    def queue_counts(self, pairs: Iterable[tuple[str, int]]) -> None:
        with self._pg.cursor() as cursor:
            cursor.executemany("INSERT INTO queued_counts (document_id, entry_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                               list(pairs))

    def queued_counts(self, limit: int | None = None) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {}
        for document, entry_id in self._query(
                "SELECT document_id, entry_id FROM queued_counts WHERE document_id IN"
                " (SELECT DISTINCT document_id FROM queued_counts ORDER BY document_id LIMIT %s)", (limit,)):
            found.setdefault(document, set()).add(entry_id)
        return found

    def unqueue_counts(self, pairs: Iterable[tuple[str, int]]) -> None:
        with self._pg.cursor() as cursor:
            cursor.executemany("DELETE FROM queued_counts WHERE document_id = %s AND entry_id = %s", list(pairs))

    def in_transaction(self) -> bool:
        return self._in_transaction

    def documents_with_words(self, words: Sequence[Sequence[str]]) -> dict[str, set[int]]:
        if not words:
            return {}
        # the starts are letters and digits only (the caller's): nothing to quote in a tsquery
        query = " & ".join("(" + " | ".join(f"{start}:*" for start in spellings) + ")" for spellings in words)
        found: dict[str, set[int]] = {}
        for document, unit_id in self._query(
                "SELECT document_id, id FROM units, to_tsquery('tm_words', %(q)s) q"
                " WHERE document_id IS NOT NULL AND (source_words @@ q OR target_words @@ q)", {"q": query}):
            found.setdefault(document, set()).add(unit_id)
        return found

    def term_languages(self) -> list[str]:
        return [lang for lang, in self._query("SELECT DISTINCT lang FROM terms ORDER BY lang")]

    def lexicon_pairs(self, srclang: str = "fr", tgtlang: str = "en") -> list[tuple[str, str]]:
        return [tuple(row) for row in self._query(
            "SELECT f.text, t.text FROM entries e"
            " JOIN terms f ON f.entry_id = e.id AND f.lang = %s AND f.usage != 'deprecated'"
            " JOIN terms t ON t.entry_id = e.id AND t.lang = %s AND t.usage != 'deprecated'"
            " WHERE e.status = 'approved' ORDER BY e.id, f.position, t.position", (srclang, tgtlang))]

    def terms_by_key(self, keys: Sequence[str]) -> list[KeyedTerm]:
        return [KeyedTerm(*row) for row in self._query(f"{_KEYED_TERM} WHERE k.key = ANY(%s) ORDER BY k.id",
                                                       (list(keys),))]

    def terms_by_prefix(self, prefix: str, limit: int) -> list[KeyedTerm]:
        # keys sort by code point (schema: ctext), so the prefix's keys are one range of the index
        return [KeyedTerm(*row) for row in self._query(
            f"{_KEYED_TERM} WHERE k.key > %s AND k.key < %s AND k.kind = 'form' ORDER BY k.key, k.id LIMIT %s",
            (prefix, prefix + "\U0010ffff", limit))]

    def terms_spelt_like(self, folded: str) -> list[KeyedTerm]:
        """Surface-form keys whose trigram similarity to ``folded`` reaches KEY_TRIGRAM_FLOOR."""
        with self._similarity_floor(KEY_TRIGRAM_FLOOR):
            return [KeyedTerm(*row) for row in self._query(
                f"{_KEYED_TERM} WHERE k.key %% %s AND k.kind = 'form' ORDER BY k.id", (folded,))]

    def entry_ids_changed_since_import(self, import_id: int) -> set[int]:
        return {int(key) for key, in self._query(
            "SELECT DISTINCT b.key FROM changes c CROSS JOIN jsonb_object_keys(c.before::jsonb) b(key)"
            " WHERE c.id > (SELECT coalesce(change_id, 0) FROM imports WHERE id = %s)", (import_id,))}

    # ---- writing entries -----------------------------------------------------------------------

    def insert_entry(self, entry: Entry, *, reviewed: bool, entry_id: int | None = None,
                     unit_ids: Mapping[str, int] | None = None, import_id: int | None = None) -> int:
        now = iso(utcnow())
        with self.transaction():
            given = entry_id is not None
            entry_id = self._pg.execute(
                "INSERT INTO entries (id, status, reviewed, definition, note, frequency, score, first_seen,"
                " last_seen, created, updated, import_id) VALUES (coalesce(%s, nextval(pg_get_serial_sequence("
                "'entries', 'id'))), %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (entry_id, entry.status.value, int(reviewed), entry.definition, entry.note, entry.frequency,
                 entry.score, iso(entry.first_seen), iso(entry.last_seen), now, now, import_id)).fetchone()[0]
            if given:  # an id given must never come from the identity later: moved up to it, never back (to the
                # highest id stored, below an entry removed since, whose id the next entry added then took)
                self._pg.execute(
                    "SELECT setval(seq, %s) FROM (SELECT pg_get_serial_sequence('entries', 'id')::regclass AS seq) s"
                    " WHERE %s > coalesce(pg_sequence_last_value(seq), 0)", (entry_id, entry_id))
            self.write_terms(entry_id, entry.terms)
            self.add_contexts(entry_id, entry.contexts, unit_ids or {})
        return entry_id

    def set_entry_fields(self, entry_id: int, fields: Mapping[str, object], *,
                         expected_version: int | None = None) -> int:
        check_entry_fields(fields)
        sql = entry_update(fields, "%s")
        params = [*(column_value(v) for v in fields.values()), iso(utcnow()), entry_id]
        if expected_version is not None:  # checked by the write itself: two writers cannot both pass
            sql, params = sql + " AND version = %s", [*params, expected_version]
        with self.transaction():
            updated = self._pg.execute(sql + " RETURNING version", params).fetchone()
            if updated is None:
                state = self.entry_state(entry_id)
                raise not_updated(entry_id, state and state.version, expected_version)
            return updated[0]

    def set_entries_fields(self, fields: Iterable[tuple[int, Mapping[str, object]]]) -> None:
        by_names: dict[tuple[str, ...], list[list]] = {}  # one statement for the entries given the same fields
        now = iso(utcnow())
        for entry_id, values in fields:
            check_entry_fields(values)
            by_names.setdefault(tuple(values), []).append([*(column_value(v) for v in values.values()), now, entry_id])
        if not by_names:
            return
        updated = set()
        with self.pipeline(), self._pg.cursor() as cursor:
            for names, rows in by_names.items():
                cursor.executemany(entry_update(names, "%s") + " RETURNING id", rows, returning=True)
                while True:
                    updated.update(row[0] for row in cursor.fetchall())
                    if not cursor.nextset():
                        break
            missing = sorted({row[-1] for rows in by_names.values() for row in rows} - updated)
            if missing:
                raise not_updated(missing[0], None, None)

    def write_terms(self, entry_id: int, terms: Sequence[Term]) -> None:
        before = [row[0] for row in self._query("SELECT lang FROM terms WHERE entry_id = %s ORDER BY position",
                                                (entry_id,))]
        if held := held_context_languages(before, terms):
            self._write("UPDATE contexts SET lang = %s WHERE entry_id = %s AND lang IS NULL", (held, entry_id))
        rows = []
        for position, term in enumerate(terms):
            keys = lookup_key_rows(term, 0)
            rows.append((*term_row(entry_id, position, term), [k[0] for k in keys], [k[1] for k in keys]))
        # one round trip to the server (a pipeline) for the whole entry, rather than two for each term
        with self.pipeline(), self._pg.cursor() as cursor:
            cursor.execute("DELETE FROM terms WHERE entry_id = %s", (entry_id,))
            cursor.executemany(
                f"WITH t AS (INSERT INTO terms ({TERM_INSERT_COLUMNS})"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id)"
                " INSERT INTO lookup_keys (key, kind, term_id) SELECT k.key, k.kind, t.id"
                " FROM t, unnest(%s::text[], %s::text[]) WITH ORDINALITY AS k(key, kind, n) ORDER BY k.n", rows)

    def add_contexts(self, entry_id: int, contexts: Iterable[Context], unit_ids: Mapping[str, int]) -> None:
        rows = [(entry_id, c.fr, c.en, c.document, c.unit, unit_ids.get(c.unit), c.lang) for c in contexts]
        if rows:
            with self.transaction(), self._pg.cursor() as cursor:
                cursor.executemany("INSERT INTO contexts (entry_id, fr, en, document, unit, unit_id, lang)"
                                   " VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)

    def delete_entry(self, entry_id: int) -> None:
        self._write("DELETE FROM entries WHERE id = %s", (entry_id,))

    def count_in_document(self, entry_id: int, document_id: str, frequency: int, seen: datetime,
                          score: float) -> None:
        self._write(
            "INSERT INTO entry_documents AS d (entry_id, document_id, frequency, seen, score)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (entry_id, document_id) DO UPDATE"
            " SET frequency = d.frequency + excluded.frequency, score = greatest(d.score, excluded.score)",
            (entry_id, document_id, frequency, iso(seen), score))

    def add_equivalent_support(self, entry_id: int, document_id: str,
                               supports: Iterable[tuple[str, str, str, str, float]]) -> None:
        rows = [(entry_id, document_id, *equivalent_row(support)) for support in supports]
        if rows:
            with self.transaction(), self._pg.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO entry_equivalents AS q (entry_id, document_id, lang, type, key, text, support,"
                    " frequency, weight, confidence) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT (entry_id, document_id, lang, type, key)"
                    " DO UPDATE SET support = q.support + excluded.support, frequency = q.frequency + excluded.frequency,"
                    " weight = q.weight + excluded.weight,"
                    " confidence = (q.support + excluded.support) / (q.weight + excluded.weight)", rows)

    def add_candidate_evidence(self, document_id: str, candidates: Iterable[tuple[str, float, dict]]) -> None:
        rows = [(key, document_id, score, dumps(proposal)) for key, score, proposal in candidates]
        if rows:
            with self.transaction(), self._pg.cursor() as cursor:
                cursor.executemany("INSERT INTO candidate_documents (key, document_id, score, proposal)"
                                   " VALUES (%s, %s, %s, %s)", rows)

    def candidate_evidence(self, keys: Sequence[str]) -> dict[str, list[tuple[str, float, dict]]]:
        found: dict[str, list[tuple[str, float, dict]]] = {}
        for key, document_id, score, proposal in self._query(
                "SELECT c.key, c.document_id, c.score, c.proposal FROM candidate_documents c"
                " JOIN documents d ON d.id = c.document_id WHERE c.key = ANY(%s)"
                " ORDER BY c.key, d.ingest_order", (list(keys),)):
            found.setdefault(key, []).append((document_id, score, json.loads(proposal)))
        return found

    def document_counts(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, int, str | None, float | None]]]:
        return by_entry(self._query(
            "SELECT entry_id, document_id, frequency, seen, score FROM entry_documents WHERE entry_id = ANY(%s)"
            " ORDER BY entry_id, document_id", (list(entry_ids),)))

    def equivalent_supports(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, str, str, float]]]:
        return by_entry(self._query(
            "SELECT entry_id, lang, type, key, sum(support) FROM entry_equivalents WHERE entry_id = ANY(%s)"
            " GROUP BY entry_id, lang, type, key ORDER BY entry_id, lang, type, key", (list(entry_ids),)))

    def document_supports(self, entry_ids: Sequence[int]) -> dict[int, list[tuple[str, str, str, str, str, float]]]:
        return by_entry(self._query(
            "SELECT entry_id, document_id, lang, type, key, text, support, frequency, weight, confidence"
            " FROM entry_equivalents WHERE entry_id = ANY(%s)"
            " ORDER BY entry_id, document_id, lang, type, key", (list(entry_ids),)))

    def forget_entry_evidence(self, entry_id: int, document_ids: Sequence[str]) -> None:
        with self.transaction():
            for table, column in (("contexts", "document"), ("entry_documents", "document_id"),
                                  ("entry_equivalents", "document_id")):
                self._pg.execute(f"DELETE FROM {table} WHERE entry_id = %s AND {column} = ANY(%s)",
                                 (entry_id, list(document_ids)))

    def move_evidence(self, source_id: int, target_id: int, counted_twice: Mapping[str, int] | None = None,
                      language: str | None = None) -> None:
        with self.transaction():
            self._pg.execute(
                "INSERT INTO entry_documents AS d (entry_id, document_id, frequency, seen, score)"
                " SELECT %s, document_id, frequency, seen, score FROM entry_documents WHERE entry_id = %s"
                " ON CONFLICT (entry_id, document_id) DO UPDATE SET frequency = d.frequency + excluded.frequency",
                (target_id, source_id))
            for document, twice in (counted_twice or {}).items():
                self._pg.execute("UPDATE entry_documents SET frequency = frequency - %s"
                                 " WHERE entry_id = %s AND document_id = %s", (twice, target_id, document))
            # a sentence both entries cite (one term and its variant seen in it) is shown once
            self._pg.execute(
                "DELETE FROM contexts c WHERE c.entry_id = %(source)s AND EXISTS (SELECT 1 FROM contexts t"
                " WHERE t.entry_id = %(target)s AND t.fr = c.fr AND t.en = c.en AND t.document = c.document)",
                {"source": source_id, "target": target_id})
            self._pg.execute("UPDATE contexts SET entry_id = %s, lang = coalesce(lang, %s) WHERE entry_id = %s",
                             (target_id, language, source_id))

    # ---- recorded changes ----------------------------------------------------------------------

    def record_change(self, action: str, before: Mapping[int, dict | None], after: Mapping[int, dict | None],
                      *, user: str | None = None) -> int:
        with self.transaction():
            return self._pg.execute(
                'INSERT INTO changes (time, action, before, after, "user") VALUES (%s, %s, %s, %s, %s) RETURNING id',
                (iso(utcnow()), action, dumps({str(k): v for k, v in before.items()}),
                 dumps({str(k): v for k, v in after.items()}), user)).fetchone()[0]

    def history(self, entry_id: int | None = None, *, action: str | None = None) -> list[Change]:
        where, params = [], []
        if entry_id is not None:
            where.append("before::jsonb ? %s")
            params.append(str(entry_id))
        if action is not None:
            where.append("action = %s")
            params.append(action)
        sql = f"SELECT {_CHANGE_COLUMNS} FROM changes" + (" WHERE " + " AND ".join(where) if where else "")
        return [change_from_row(row) for row in self._query(sql + " ORDER BY id", tuple(params))]

    def change(self, change_id: int) -> Change | None:
        rows = self._query(f"SELECT {_CHANGE_COLUMNS} FROM changes WHERE id = %s", (change_id,))
        return change_from_row(rows[0]) if rows else None

    def mark_reverted(self, change_id: int, revert_id: int) -> None:
        self._write("UPDATE changes SET reverted_by = %s WHERE id = %s", (revert_id, change_id))

    def origin_snapshots(self, entry_ids: Sequence[int]) -> dict[int, dict]:
        rows = self._query(
            "SELECT a.key, a.value FROM changes c CROSS JOIN jsonb_each(c.after::jsonb) a"
            " JOIN entries e ON e.id = a.key::bigint"
            " WHERE a.key = ANY(%s) AND jsonb_typeof(a.value) = 'object'"
            " AND jsonb_typeof(c.before::jsonb -> a.key) = 'null' AND c.time >= e.created"
            " ORDER BY c.id", ([str(i) for i in entry_ids],))
        return {int(key): snapshot for key, snapshot in rows}  # the latest, when several

    def snapshots_before_changes(self, entry_ids: Sequence[int]) -> dict[int, list[dict]]:
        rows = self._query(
            "SELECT b.key, b.value FROM changes c CROSS JOIN jsonb_each(c.before::jsonb) b"
            " JOIN entries e ON e.id = b.key::bigint"
            " WHERE b.key = ANY(%s) AND jsonb_typeof(b.value) = 'object' AND c.time >= e.created"
            " ORDER BY c.id", ([str(i) for i in entry_ids],))
        found: dict[int, list[dict]] = {}
        for key, snapshot in rows:
            found.setdefault(int(key), []).append(snapshot)
        merged = merged_into(entry_ids, lambda ids: self._query(
            "SELECT a.key::bigint, g.key::bigint, c.id FROM changes c CROSS JOIN jsonb_each(c.after::jsonb) a"
            " CROSS JOIN jsonb_each(c.after::jsonb) g WHERE c.action = 'merge' AND c.reverted_by IS NULL"
            " AND jsonb_typeof(a.value) = 'object' AND jsonb_typeof(g.value) = 'null' AND a.key = ANY(%s)",
            ([str(i) for i in ids],)))
        if merged:
            for key, snapshot, change_id in self._query(
                    "SELECT b.key::bigint, b.value, c.id FROM changes c CROSS JOIN jsonb_each(c.before::jsonb) b"
                    " WHERE b.key = ANY(%s) AND jsonb_typeof(b.value) = 'object' ORDER BY c.id",
                    ([str(i) for i in merged],)):
                into, merge_id = merged[key]
                if change_id <= merge_id:
                    found.setdefault(into, []).append(snapshot)
        return found

    # ---- imports -------------------------------------------------------------------------------

    def imports(self) -> list[ImportRecord]:
        return [ImportRecord(*row) for row in
                self._query("SELECT id, path, format, kind, count, imported FROM imports ORDER BY id")]

    def new_import(self, path: str, fmt: str, kind: str) -> int:
        with self.transaction():
            return self._pg.execute("INSERT INTO imports (path, format, kind, count, imported)"
                                    " VALUES (%s, %s, %s, 0, %s) RETURNING id",
                                    (path, fmt, kind, iso(utcnow()))).fetchone()[0]

    def finish_import(self, import_id: int, added: int) -> None:
        if added:
            self._write("UPDATE imports SET count = %s WHERE id = %s", (added, import_id))
        else:
            self._write("DELETE FROM imports WHERE id = %s", (import_id,))

    def set_import_change(self, import_id: int, change_id: int) -> None:
        self._write("UPDATE imports SET change_id = %s WHERE id = %s", (change_id, import_id))

    def import_entry_ids(self, import_id: int) -> list[tuple[int, bool]]:
        return [(entry_id, counted) for entry_id, counted in self._query(
            "SELECT id, EXISTS (SELECT 1 FROM entry_documents d WHERE d.entry_id = entries.id)"
            " FROM entries WHERE import_id = %s ORDER BY id", (import_id,))]

    def delete_import(self, import_id: int) -> int:
        with self.transaction():
            units = self._pg.execute("DELETE FROM units WHERE import_id = %s", (import_id,)).rowcount
            self._pg.execute("UPDATE entries SET import_id = NULL WHERE import_id = %s", (import_id,))
            self._pg.execute("DELETE FROM imports WHERE id = %s", (import_id,))
        return units


def _read_ahead(items: Iterable, size: int) -> Iterator[list]:
    """``items`` a batch of ``size`` at a time, the next one read in a thread while the caller
    writes this one: the client parses a file while the server stores (and parses into words) the
    batch before."""
    items = iter(items)
    with ThreadPoolExecutor(1, thread_name_prefix="tmtool-read") as reader:
        pending = reader.submit(lambda: list(islice(items, size)))
        while batch := pending.result():
            pending = reader.submit(lambda: list(islice(items, size)))
            yield batch


def _connect(url: str, failing: str = "cannot open store") -> tuple[psycopg.Connection,
                                                                    psycopg_pool.ConnectionPool | None]:
    """A connection to ``url``: the first of a process is its own (its failure tells why at once);
    from the second on, one from the process's pool for that URL, which the first has vouched for."""
    key = (os.getpid(), url)
    try:
        with _POOLS_LOCK:
            pool = _POOLS.get(key)
            if pool is None and key in _OPENED:
                # a server gone since says why at once, where a pool would retry for its whole timeout
                _own_connection(url).close()
                pool = psycopg_pool.ConnectionPool(
                    url, min_size=1, max_size=POOL_SIZE, kwargs={"autocommit": True, "application_name": "tmtool"},
                    name="tmtool", open=False)
                pool.open(wait=True)  # its first connection ready: the next requests reuse it
                _POOLS[key] = pool
        if pool is not None:
            pg = pool.getconn()
            if not _alive(pg):  # the server ended it while it waited (restarted): the others in the pool too
                pool.putconn(pg)
                _own_connection(url).close()  # a server still down says so at once
                pool.check()  # each idle one tried once, the dead replaced, without the pool's back-off between them
                pg = pool.getconn()
            return pg, pool
        pg = _own_connection(url)
    except (psycopg.Error, psycopg_pool.PoolTimeout) as exc:
        raise Unavailable(f"{failing}: {_refusal(exc, url)}", path=masked(url)) from None
    with _POOLS_LOCK:
        _OPENED.add(key)
    return pg, None


def _own_connection(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True, application_name="tmtool")


def _ended(pg: psycopg.Connection) -> bool:
    """Whether the server has ended an idle connection, without a round trip: something to read on its socket (its
    last words, or the end of it) where no answer is awaited."""
    try:
        if hasattr(select, "poll"):  # any descriptor (select's stop at 1024), a hang-up told too
            waiting = select.poll()
            waiting.register(pg.pgconn.socket, select.POLLIN)
            return bool(waiting.poll(0))
        return bool(select.select([pg.pgconn.socket], [], [], 0)[0])  # Windows
    except (OSError, ValueError, psycopg.Error):  # no socket left
        return True


def _alive(pg: psycopg.Connection) -> bool:
    """Whether the server still answers on this connection (one empty statement's round trip)."""
    try:
        pg.execute("")
    except psycopg.OperationalError:
        return False
    return True


def _release(pg: psycopg.Connection, pool: psycopg_pool.ConnectionPool | None) -> None:
    """Give a connection back to its pool (which resets it), or close one of our own."""
    if pool is not None:
        pool.putconn(pg)
    else:
        pg.close()


def migrate(pg: psycopg.Connection, url: str) -> None:
    """Apply the migrations this database has not seen, in one transaction under an advisory lock,
    so that clients starting at once apply each exactly once; an up-to-date store takes no lock."""
    if _version(pg) == len(MIGRATIONS):
        return
    try:
        with pg.transaction():
            pg.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            version = _version(pg)
            if version is not None and version > len(MIGRATIONS):
                raise TmtoolError(f"store schema version {version} is newer than this tmtool understands"
                                  f" ({len(MIGRATIONS)})")
            installed = {name for name, in pg.execute("SELECT extname FROM pg_extension")}
            for extension in EXTENSIONS:
                if extension not in installed:
                    pg.execute(f"CREATE EXTENSION {extension}")
            # the store's tables belong to the role owning it (a new store: the database's), whoever of its
            # members makes or upgrades it: a team's group role, its members logging in under roles of their own
            owner, member = pg.execute(
                "SELECT owner, pg_has_role(owner, 'MEMBER') FROM (SELECT coalesce((SELECT tableowner FROM pg_tables"
                " WHERE schemaname = current_schema() AND tablename = 'tmtool_schema'), (SELECT pg_get_userbyid(datdba)"
                " FROM pg_database WHERE datname = current_database())) AS owner) store").fetchone()
            if member:
                pg.execute(SQL("SET LOCAL ROLE {}").format(Identifier(owner)))
            if version is None:
                pg.execute("CREATE TABLE tmtool_schema (version integer NOT NULL)")
                pg.execute("INSERT INTO tmtool_schema VALUES (0)")
                version = 0
            announce_upgrade(version, len(MIGRATIONS))
            for number, script in enumerate(MIGRATIONS[version:], version + 1):
                if callable(script):
                    script(pg)
                else:
                    pg.execute(script)
                pg.execute("UPDATE tmtool_schema SET version = %s", (number,))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise TmtoolError(f"cannot create the store's schema: {_first_line(exc)} (the database's owner runs once"
                          f" {'; '.join(f'CREATE EXTENSION {e}' for e in EXTENSIONS)} and opens the store first, or"
                          " makes this role a member of the database's owning role)", path=masked(url)) from None
    except (psycopg.errors.DuplicateTable, psycopg.errors.DuplicateObject) as exc:
        # another program's table (or index, type) of a name the store's schema makes, in the same schema: the
        # transaction is rolled back, their database left as it was
        raise TmtoolError(f"cannot make a tmtool store in this database: {_first_line(exc)}, another program's (give "
                          "tmtool a database of its own: createdb tmtool)", path=masked(url)) from None


def _version(pg: psycopg.Connection) -> int | None:
    # pg_tables is read as of this statement, once the lock is held; to_regclass() may answer from
    # a cache of the catalog that still misses the table another client has just created
    if not pg.execute("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema()"
                      " AND tablename = 'tmtool_schema')").fetchone()[0]:
        return None
    return pg.execute("SELECT version FROM tmtool_schema").fetchone()[0]
