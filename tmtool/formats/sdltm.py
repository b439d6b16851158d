"""Trados Studio translation memories (.sdltm): an SQLite database, read as Trados means it, never written.

The database is opened read-only (SQLite's ``mode=ro``); one a package carries
(:mod:`tmtool.formats.packages`) is read from memory, writes refused, never written to disk. Its tables, as
Trados Studio 2009 to 2024 keep them:

- ``translation_memories``: a memory's ``id``, ``name``, ``source_language`` and ``target_language``
  (``en-US``, ``fr-FR``); a file holds one memory, as Trados makes them, or more;
- ``translation_units``: each unit's ``translation_memory_id``, ``source_segment`` and ``target_segment``
  (Trados's segment XML, ``<Segment><Elements>…</Elements><CultureName>en-US</CultureName></Segment>``,
  with or without an XML declaration, read by :func:`tmtool.formats.inline.trados_segment`),
  ``creation_date``/``creation_user``, ``change_date``/``change_user``, ``last_used_date``/``last_used_user``
  and ``usage_counter``;
- ``attributes`` (a field's ``id``, ``name`` and ``type``), ``picklist_values`` (a picklist field's
  values), and a unit's values in ``string_attributes``, ``numeric_attributes``, ``date_attributes`` and
  ``picklist_attributes``.

A unit becomes what a TMX exported from Trados would give: its languages the memory's (a segment's
``CultureName`` when the memory names none), its dates (UTC) the unit's ``created``/``changed``, its
users, last use and use count the props the TMX reader keeps for ``creationid``, ``changeid``,
``lastusagedate`` and ``usagecount``, the last user ``x-LastUsedBy``, and each field value a prop named
as Trados's TMX names it, ``x-Client:SinglePicklist`` (a field of several values, a list). Its id in the
memory is its ``tuid``. A unit whose segment cannot be read is passed over and told to ``on_skip``.
"""

from __future__ import annotations

import heapq
import re
import sqlite3
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO, Iterator

from lxml import etree

from ..errors import Invalid, TmtoolError
from ..io.xmlsafe import source_name, xml_parser
from ..langtags import normalize_tag
from ..model import Unit
from ..progress import shell_quoted
from .inline import trados_segment
from .skips import OnSkip, Unusable, refuse
from .tmx import ATTRIBUTE_PROP, add_prop, format_date, parse_date

SQLITE = b"SQLite format 3\x00"
# Trados's FieldValueType, as the attributes table numbers a field's type
FIELD_TYPES = {1: "SingleString", 2: "MultipleString", 3: "DateTime", 4: "SinglePicklist", 5: "MultiplePicklist",
               6: "Integer"}
_UNIT_COLUMNS = ("id", "translation_memory_id", "source_segment", "target_segment", "creation_date", "creation_user",
                 "change_date", "change_user", "last_used_date", "last_used_user", "usage_counter")
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # Trados declares utf-16 on text SQLite holds as UTF-8
# a unit's field values, each table's by unit: (unit id, field id, value)
_FIELD_VALUES = (
    "SELECT translation_unit_id, attribute_id, value FROM string_attributes ORDER BY translation_unit_id, rowid",
    "SELECT translation_unit_id, attribute_id, value FROM numeric_attributes ORDER BY translation_unit_id, rowid",
    "SELECT translation_unit_id, attribute_id, value FROM date_attributes ORDER BY translation_unit_id, rowid",
    "SELECT pa.translation_unit_id, pv.attribute_id, pv.value FROM picklist_attributes pa"
    " JOIN picklist_values pv ON pv.id = pa.picklist_value_id ORDER BY pa.translation_unit_id, pa.rowid",
)


def read_sdltm(source: str | Path | BinaryIO, *, on_skip: OnSkip = refuse) -> Iterator[Unit]:
    """The units of a Trados Studio memory, in the order Trados stored them: a file, opened read-only,
    or a stream (a package's member), whose bytes SQLite reads from memory (``deserialize``) with
    writes refused: nothing is written to disk, so nothing is left behind."""
    name = source_name(source)
    if isinstance(source, (str, Path)):
        with open(source, "rb") as f:
            _check_header(f.read(len(SQLITE)), name)
        data = None
    else:
        data = source.read()
        _check_header(data, name)
    try:
        db = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True) if data is None \
            else _in_memory(data)
    except sqlite3.Error as exc:
        raise _unreadable(name, exc) from None
    try:
        yield from _units(db, name, on_skip)
    except sqlite3.Error as exc:
        raise _unreadable(name, exc) from None
    finally:
        db.close()


def _check_header(head: bytes, path: str | None) -> None:
    if not head.startswith(SQLITE):
        raise Invalid("not a Trados Studio memory (.sdltm): not an SQLite database", path=path)


def _in_memory(data: bytes) -> sqlite3.Connection:
    """A connection to the database ``data`` holds, read from memory, read-only."""
    if data[18:20] == b"\x02\x02":  # a database in WAL mode, which SQLite reads from memory only as a legacy one
        data = data[:18] + b"\x01\x01" + data[20:]
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(data)
        db.execute("PRAGMA query_only = ON")
    except BaseException:
        db.close()
        raise
    return db


def _unreadable(path: str | None, exc: Exception) -> Invalid:
    return Invalid(f"not a readable Trados Studio memory ({exc})", path=path)


def _units(db: sqlite3.Connection, path: str | None, on_skip: OnSkip) -> Iterator[Unit]:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [table for table in ("translation_memories", "translation_units") if table not in tables]
    if missing:
        if db.execute("PRAGMA user_version").fetchone()[0] and {"documents", "units", "entries"} <= tables:
            # a colleague's store, or a backup: what it holds comes in as the files it exports
            store = (shell_quoted(path) if path else None) or "FILE"
            raise Invalid(f"a tmtool store, not a Trados Studio memory: import what it exports (tmtool --db {store} "
                         "export tmx --langs all -o memory.tmx, and export tbx --langs all --status all -o "
                         f"glossary.tbx), or copy it whole into a new store (tmtool db copy {store} NEW.db)",
                         path=path)
        raise Invalid(f"an SQLite database, but not a Trados Studio memory (it has no {missing[0]} table)",
                      path=path)
    memories = {memory: (_tag(source, path), _tag(target, path)) for memory, source, target in db.execute(
        "SELECT id, source_language, target_language FROM translation_memories")}
    held = {row[1] for row in db.execute("PRAGMA table_info(translation_units)")}
    columns = [column if column in held else "NULL" for column in _UNIT_COLUMNS]
    fields = _field_values(db, tables)
    pending = next(fields, None)
    parser = xml_parser()  # one a read: a parser is not to be shared between threads
    for row in db.execute(f"SELECT {', '.join(columns)} FROM translation_units ORDER BY id"):
        record = dict(zip(_UNIT_COLUMNS, row))
        values = []
        while pending is not None and pending[0] <= record["id"]:
            values = pending[1] if pending[0] == record["id"] else values
            pending = next(fields, None)
        try:
            yield _unit(record, memories.get(record["translation_memory_id"], ("", "")), values, parser)
        except Unusable as unusable:
            on_skip(unusable.skipped(path))


def _tag(tag: str | None, path: str | None) -> str:
    try:
        return normalize_tag(tag) if tag else ""
    except TmtoolError as exc:
        raise Invalid(f"the memory's language: {exc.message}", path=path) from None


def _field_values(db: sqlite3.Connection, tables: set[str]) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """Each unit's field values, by unit id in order: ``(unit id, [(prop type, value) …])``."""
    if not {"attributes", "string_attributes", "numeric_attributes", "date_attributes", "picklist_attributes",
            "picklist_values"} <= tables:
        return
    fields = {field: (name, kind) for field, name, kind in db.execute("SELECT id, name, type FROM attributes")}
    rows = heapq.merge(*(db.execute(query) for query in _FIELD_VALUES), key=itemgetter(0))
    for unit_id, values in groupby(rows, key=itemgetter(0)):
        found = []
        for _, field, value in values:
            name, kind = fields.get(field, (str(field), 0))
            kind = FIELD_TYPES.get(kind, "")
            text = str(value)
            if kind == "DateTime":
                try:
                    text = format_date(_date(value))
                except Unusable:  # kept as Trados wrote it
                    pass
            found.append((f"x-{name}:{kind}" if kind else f"x-{name}", text))
        yield unit_id, found


def _unit(record: dict, languages: tuple[str, str], fields: list[tuple[str, str]], parser) -> Unit:
    where = f"translation unit {record['id']}"
    source, srclang, source_markup = _segment(record["source_segment"], f"{where}'s source segment", parser)
    target, tgtlang, target_markup = _segment(record["target_segment"], f"{where}'s target segment", parser)
    srclang, tgtlang = languages[0] or _culture(srclang, where), languages[1] or _culture(tgtlang, where)
    if not srclang:
        raise Unusable(f"{where}: no source language (neither its memory nor its segment names one)", None)
    props: dict = {}
    for kind, user in (("creationid", record["creation_user"]), ("changeid", record["change_user"])):
        if user:
            props[ATTRIBUTE_PROP + kind] = user
    if record["last_used_date"]:
        props[ATTRIBUTE_PROP + "lastusagedate"] = format_date(_date(record["last_used_date"], where))
    if record["usage_counter"]:
        props[ATTRIBUTE_PROP + "usagecount"] = str(record["usage_counter"])
    if record["last_used_user"]:
        props["x-LastUsedBy"] = record["last_used_user"]
    for kind, value in fields:
        add_prop(props, kind, value)
    return Unit(source=source, target=target, srclang=srclang, tgtlang=tgtlang if target or target_markup else "",
                tuid=str(record["id"]), created=_date(record["creation_date"], where),
                changed=_date(record["change_date"], where), props=props,
                source_markup=source_markup, target_markup=target_markup)


def _segment(xml: str | None, where: str, parser) -> tuple[str, str, str | None]:
    """A segment's plain text, its language as written (``CultureName``) and its codes as TMX markup."""
    if not xml:
        return "", "", None
    if "<!" in xml:  # a DOCTYPE, an entity: no segment Trados writes
        raise Unusable(f"{where} is not a Trados segment (it declares a DOCTYPE)", None)
    try:
        root = etree.fromstring(_DECLARATION.sub("", xml, count=1), parser)
    except etree.XMLSyntaxError as exc:
        raise Unusable(f"{where} is not well-formed XML ({exc.msg})", None) from None
    parts = {child.tag.rpartition("}")[2]: child for child in root if isinstance(child.tag, str)}
    if not isinstance(root.tag, str) or root.tag.rpartition("}")[2] != "Segment" or "Elements" not in parts:
        raise Unusable(f"{where} is not a Trados segment (<Segment> with <Elements>)", None)
    culture = parts["CultureName"].text if "CultureName" in parts else None
    text, markup = trados_segment(parts["Elements"])
    return text, culture or "", markup


def _culture(culture: str, where: str) -> str:
    """The language a segment names, for a memory that names none."""
    try:
        return normalize_tag(culture) if culture.strip() else ""
    except TmtoolError as exc:
        raise Unusable(f"{where}: {exc.message}", None) from None


def _date(value, where: str = "a field") -> datetime | None:
    """A date as Trados stores it, ``2024-03-12 10:15:00``, no zone said: UTC, the time a memory's
    ``SystemFields`` keep, which Trados's TMX export writes with TMX's ``Z`` and RWS's own converters copy
    into an SDLXLIFF's ``created_on`` (see :data:`tmtool.formats.xliff._US_DATE`)."""
    if value in (None, ""):
        return None
    try:
        return parse_date(str(value)).replace(microsecond=0)
    except TmtoolError:
        raise Unusable(f"{where}: invalid date {value!r} (expected YYYY-MM-DD hh:mm:ss)", None) from None
