"""A whole store moved between backends (``tmtool db copy``), a canonical dump that shows nothing
was lost on the way, and an integrity report (``tmtool db check``).

A copy moves every row of every table with its id, so that entry ids people cite, the review
history and its links (a change's entries, an import's units) stay as they were, and the highest id
each table has given, so that an id the source retired (a unit, an import or an entry removed) is
never given to another in the copy; each backend then rebuilds its own search indexes. The tables' columns are read from both stores: a column the
source has and the target lacks (a target made by an older tmtool) stops the copy before anything
is written, rather than leave that column's data behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext

from ..errors import Invalid, TmtoolError
from .base import Store
from .rows import KEYED_TERM_COLUMNS, key_differences
from .sqlite.db import _disk_full_refused as disk_full_refused
from .sqlite.migrations import ID_FLOORS, NEXT_ID, RECORDED_ENTRY_IDS, UNITS_WORDS

# Every table, each after those its rows refer to, with its primary key (the dump's order).
TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("id",),
    "unit_edits": ("id",),
    "changes": ("id",),
    "imports": ("id",),
    "units": ("id",),
    "unit_variants": ("unit_id", "position"),
    "entries": ("id",),
    "terms": ("id",),
    "lookup_keys": ("id",),
    "contexts": ("id",),
    "entry_documents": ("entry_id", "document_id"),
    "entry_equivalents": ("entry_id", "document_id", "lang", "type", "key"),
    "candidate_documents": ("key", "document_id"),
    "queued_counts": ("document_id", "entry_id"),
}
BATCH = 5000  # rows read and written at a time


READ_ONLY_UNCHECKED = "the full-text indexes were not checked: the store is read-only here (their check writes)"


class _SQLiteTables:
    """Rows in and out of an SQLite store's tables."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self._conn, self._path = conn, path
        self.unchecked: list[str] = []  # what problems() could not check, why

    def columns(self, table: str) -> list[str]:
        return [row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")]

    def rows(self, table: str, columns: Sequence[str], order: Sequence[str]) -> Iterator[tuple]:
        # a damaged source said of itself: read inside the target's transaction, it was said of the target
        with disk_full_refused(self._path):
            cursor = self._conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(order)}")
            while batch := cursor.fetchmany(BATCH):
                yield from batch

    def query(self, sql: str) -> list[tuple]:
        return self._conn.execute(sql).fetchall()

    def load(self, table: str, columns: Sequence[str], rows: Iterator[tuple]) -> None:
        # checked at commit: a change refers to the later change that reverted it
        self._conn.execute("PRAGMA defer_foreign_keys = ON")
        self._conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                               rows)

    def floors(self) -> dict[str, int]:
        """The highest id that each table whose ids are never given again has given, stored or removed."""
        with disk_full_refused(self._path):  # the source's, read inside the target's transaction (see rows)
            return {table: self._conn.execute("SELECT " + NEXT_ID.format(table=table, floor=floor)).fetchone()[0] - 1
                    for table, floor in ID_FLOORS.items()}

    @staticmethod
    def bulk(store: Store) -> AbstractContextManager:
        return nullcontext()  # finish() rebuilds the full-text indexes

    def finish(self, floors: dict[str, int]) -> None:
        """Rebuild the full-text indexes (external-content FTS5 tables) from the rows just loaded (a
        contentless one, content='', unit_variants_fts, was filled by its table's triggers meanwhile), and
        number new units, imports and entries above every id the source gave (``floors``, by table) and, for
        entries, every one the copied history names."""
        self._conn.execute(f"UPDATE entry_id_floor SET id = ({RECORDED_ENTRY_IDS})")
        for table, floor in ID_FLOORS.items():
            self._conn.execute(f"UPDATE {floor} SET id = max(id, ?)", (floors.get(table, 0),))
        for name, in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%content=%'"
                                        " AND sql NOT LIKE '%content=''''%'").fetchall():
            if name == "units_fts":  # its words without Arabic's marks, as the store indexes them
                self._conn.execute(f"INSERT INTO units_fts(rowid, source, target) SELECT {UNITS_WORDS} FROM units")
            else:
                self._conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")

    def problems(self) -> list[str]:
        found = []
        try:  # a damaged file: SQLite stops reading it where the damage is, which is the problem to report
            found += [f"SQLite: {row[0]}" for row in self._conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
            found += [f"{table} row {rowid} refers to a missing {parent} row"
                      for table, rowid, parent, _ in self._conn.execute("PRAGMA foreign_key_check")]
        except sqlite3.DatabaseError as exc:
            found.append(f"SQLite: {exc}")
        for name, in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%content=%'"):
            try:
                self._conn.execute(f"INSERT INTO {name}({name}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                # FTS5's check is an INSERT: a store one may only read (its file's permissions, a read-only disk)
                # refuses it, which says nothing of the index; each was reported as a problem of a sound store
                if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY:
                    self.unchecked.append(READ_ONLY_UNCHECKED)
                    break
                found.append(f"full-text index {name}: {exc}")
        return found


class _PostgresTables:
    """Rows in and out of a PostgreSQL store's tables."""

    def __init__(self, store):
        # reads outside a transaction go through the store's queries: a lost connection is told as such
        self._query, self._pg, self._url = store._query, store._pg, store.url

    def columns(self, table: str) -> list[str]:
        return [name for name, in self._query(
            # the units' words are computed from their texts (schema _V3), never copied
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))]

    def rows(self, table: str, columns: Sequence[str], order: Sequence[str]) -> Iterator[tuple]:
        # server-side (a batch in memory at a time), in the caller's transaction
        with self._pg.cursor(f"rows_{table}") as cursor:
            cursor.execute(f"SELECT {_quoted(columns)} FROM {table} ORDER BY {', '.join(order)}")
            while batch := cursor.fetchmany(BATCH):
                yield from batch

    def query(self, sql: str) -> list[tuple]:
        return self._query(sql)

    def load(self, table: str, columns: Sequence[str], rows: Iterator[tuple]) -> None:
        with self._pg.cursor() as cursor, cursor.copy(f"COPY {table} ({_quoted(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _sequences(self) -> dict[str, str]:
        """Each table's identity sequence, by table."""
        found = {table: self._query("SELECT pg_get_serial_sequence(%s, 'id')", (table,))[0][0]
                 for table, key in TABLES.items() if key == ("id",)}
        return {table: sequence for table, sequence in found.items() if sequence}

    def floors(self) -> dict[str, int]:
        """The highest id each identity has given, stored or removed (an identity never goes back)."""
        floors = {}
        for table, sequence in self._sequences().items():
            (readable, role, schema), = self._query("SELECT has_sequence_privilege(%s, 'SELECT'), current_user,"
                                                    " current_schema()", (sequence,))
            if not readable:  # a reader's role: GRANT SELECT ON ALL TABLES grants no sequence
                from .postgres.store import role_name

                raise TmtoolError(f"this role may read the store's tables but not the counters of their ids, which a"
                                  f" copy carries (its owner grants them: GRANT SELECT ON ALL SEQUENCES IN SCHEMA"
                                  f" {role_name(schema)} TO {role_name(role)})", path=self._url)
            # the sequence's name, from the catalogue, is quoted as an identifier where it needs to be
            (given, called), = self._query(f"SELECT last_value, is_called FROM {sequence}")
            (stored,), = self._query(f"SELECT coalesce(max(id), 0) FROM {table}")
            floors[table] = max(stored, given if called else given - 1)
        return floors

    @staticmethod
    def bulk(store: Store) -> AbstractContextManager:
        return store.indexes_in_bulk()

    def finish(self, floors: dict[str, int]) -> None:
        """The identities go on above the highest id the source gave (``floors``, by table; for a table
        without, the highest id copied); the planner's statistics are taken."""
        for table, sequence in self._sequences().items():
            self._pg.execute(f"SELECT setval(%s, greatest(coalesce(max(id), 0), %s) + 1, false) FROM {table}",
                             (sequence, floors.get(table, 0)))
        self._pg.execute("ANALYZE")

    def problems(self) -> list[str]:
        # PostgreSQL enforces the foreign keys itself; a search index missing or left invalid (a
        # failed build) is ours to see
        from .postgres.schema import SEARCH_INDEXES

        present = {name for name, in self._query(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'units'")}
        return [f"index {name} is missing" for name in SEARCH_INDEXES if name not in present] + [
            f"index {name} is not valid" for name, in self._query(
                "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                " WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready)")]


# the command a report of stale look-up keys advises (a front end says it on its store: api.advised_on)
MEND_KEYS = "tmtool glossary edit ID"


def _keys_not_current(tables: _SQLiteTables | _PostgresTables) -> list[str]:
    """The terms whose look-up keys are not those their texts give today (made by an older release's
    folding, written by hand), as one line: how many, one of them and how to mend it; none when current."""
    missing, stale = key_differences(tables.query(f"SELECT {KEYED_TERM_COLUMNS} FROM terms"),
                                     tables.query("SELECT key, kind, term_id FROM lookup_keys"))
    terms = sorted({term_id for *_, term_id in missing + stale})
    if not terms:
        return []
    named = [f"term {terms[0]} of entry {entry_id}, {lang} {text!r}" for entry_id, lang, text in tables.query(
        f"SELECT entry_id, lang, text FROM terms WHERE id = {terms[0]}")] or [f"term {terms[0]}"]  # a key of no term
    differences = [f"{what} {key!r} ({kind})" for what, keys in (("lacks", missing), ("holds stale", stale))
                   for key, kind, term_id in keys if term_id == terms[0]]
    return [f"look-up keys not current for {len(terms)} term{'s' if len(terms) > 1 else ''} ({len(missing)} missing,"
            f" {len(stale)} stale), e.g. {named[0]}: {', '.join(differences)};"
            " look-up misses such a term until its entry is saved again, which makes its keys anew"
            f" ({MEND_KEYS}, with a change)"]


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)  # "user" is a keyword of PostgreSQL's SQL


def _tables(store: Store) -> _SQLiteTables | _PostgresTables:
    from .postgres import PostgresStore

    return _PostgresTables(store) if isinstance(store, PostgresStore) else _SQLiteTables(store._conn, store.path)


def copy_store(source: Store, target: Store) -> dict[str, int]:
    """Copy every row of ``source`` into ``target``, an empty store of either backend, in one
    transaction of the target; returns the rows copied by table."""
    if not target.is_empty():
        raise Invalid("the target store is not empty: copy into a new store", path=target.url)
    reader, writer = _tables(source), _tables(target)
    plan = {}
    for table in TABLES:
        columns = reader.columns(table)
        missing = [c for c in columns if c not in writer.columns(table)]
        if missing:
            raise Invalid(f"the target store has no column {', '.join(missing)} in {table}: upgrade the"
                          " tmtool that made it, or copy into a new store", path=target.url)
        plan[table] = columns
    counts = {}
    # the source's writers wait for the copy (one snapshot of it), the target shows all or nothing
    with source.transaction(), target.transaction():
        with writer.bulk(target):
            for table, columns in plan.items():
                counted = _Counted(reader.rows(table, columns, TABLES[table]))
                writer.load(table, columns, iter(counted))
                counts[table] = counted.count
        writer.finish(reader.floors())
    return counts


def copy_between(source_url: str, target_url: str) -> dict[str, int]:
    """:func:`copy_store` from the store at ``source_url`` into the one at ``target_url`` (made
    when missing; a target made here and left empty by a failure is removed again)."""
    from . import open_store

    with open_store(source_url) as source:
        target = open_store(target_url, create=True)
        try:
            counts = copy_store(source, target)
        except BaseException:
            target.discard()
            raise
        target.close()
    return counts


class _Counted:
    def __init__(self, rows: Iterator[tuple]):
        self._rows, self.count = rows, 0

    def __iter__(self) -> Iterator[tuple]:
        for row in self._rows:
            self.count += 1
            yield row


def canonical_dump(store: Store) -> Iterator[str]:
    """Every row of every table as one JSON line (table, then column: value in column order by
    name), tables in :data:`TABLES` order and rows by primary key: two stores holding the same data
    give the same lines, whatever their backends."""
    tables = _tables(store)
    with store.transaction():  # one snapshot
        for table, key in TABLES.items():
            columns = sorted(tables.columns(table))
            for row in tables.rows(table, columns, key):
                yield json.dumps([table, dict(zip(columns, row))], ensure_ascii=False)


def check_store(store: Store, unchecked: list[str] | None = None) -> list[str]:
    """What is wrong with a store, one line a problem (none: it is sound): the backend's own checks
    (SQLite's integrity and foreign keys, full-text indexes; PostgreSQL's indexes), then what the
    store promises — every entry has a term, every term its look-up keys and those current (as its
    texts give them today), every recorded change names entries with snapshots. ``unchecked``: a list given gets
    what could not be checked, why (no problem found)."""
    tables = _tables(store)
    found = tables.problems()
    if unchecked is not None:
        unchecked += getattr(tables, "unchecked", [])
    try:
        found += _broken_promises(tables)
    except sqlite3.DatabaseError as exc:  # a damaged file (problems() says where) read no further: reported, not raised
        found.append(f"SQLite: {exc}: the rows past the damage cannot be checked")
    return found


def _broken_promises(tables) -> list[str]:
    """What a store promises and does not keep (see :func:`check_store`), one line each."""
    found = [f"entry {i} has no term" for i, in tables.query(
        "SELECT e.id FROM entries e WHERE NOT EXISTS (SELECT 1 FROM terms t WHERE t.entry_id = e.id) ORDER BY e.id")]
    found += [f"term {i} of entry {e} has no look-up key" for i, e in tables.query(
        "SELECT t.id, t.entry_id FROM terms t WHERE NOT EXISTS (SELECT 1 FROM lookup_keys k WHERE k.term_id = t.id)"
        " ORDER BY t.id")]
    found += _keys_not_current(tables)
    for change_id, before, after in tables.query("SELECT id, before, after FROM changes ORDER BY id"):
        try:
            sides = json.loads(before), json.loads(after)
            sound = all(isinstance(side, dict) and all(k.isdigit() and (v is None or isinstance(v, dict))
                                                       for k, v in side.items()) for side in sides)
        except ValueError:
            sound = False
        if not sound:
            found.append(f"change {change_id} does not hold entry snapshots")
    return found
