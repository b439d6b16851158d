"""A Trados Studio memory (.sdltm) made here, in the tables and columns Trados Studio's file-based
memories keep (its SQLite schema, version 8.06: translation_memories, parameters, translation_units,
attributes and their values, fuzzy_data …) and its segment XML, with our own sentences."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

SCHEMA = """
CREATE TABLE resources(id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid BLOB NOT NULL, type INT NOT NULL,
    language TEXT, data BLOB NOT NULL);
CREATE TABLE tm_resources(tm_id INT NOT NULL REFERENCES translation_memories(id) ON DELETE CASCADE,
    resource_id INT NOT NULL REFERENCES resources(id) ON DELETE CASCADE, PRIMARY KEY (tm_id, resource_id));
CREATE TABLE translation_memories(id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid BLOB NOT NULL,
    name TEXT NOT NULL UNIQUE, source_language TEXT NOT NULL, target_language TEXT NOT NULL, copyright TEXT,
    description TEXT, settings INT NOT NULL, creation_user TEXT NOT NULL, creation_date DATETIME NOT NULL,
    expiration_date DATETIME, fuzzy_indexes INT NOT NULL, last_recompute_date DATETIME, last_recompute_size INT,
    flags INT NOT NULL DEFAULT 0, tucount INT NOT NULL DEFAULT 0, fga_support INT NOT NULL,
    data_version INT NOT NULL, text_context_match_type INT NOT NULL, id_context_match BIT NOT NULL);
CREATE TABLE parameters(translation_memory_id INT NULL REFERENCES translation_memories ON DELETE CASCADE,
    name TEXT NOT NULL, value TEXT NOT NULL);
INSERT INTO parameters(name, value) VALUES ('VERSION', '8.06'), ('VERSION_CREATED', '8.10');
CREATE TABLE translation_units(id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid BLOB NOT NULL,
    translation_memory_id INT NOT NULL REFERENCES translation_memories(id) ON DELETE CASCADE,
    source_hash INTEGER NOT NULL, source_segment TEXT, target_hash INTEGER NOT NULL, target_segment TEXT,
    creation_date DATETIME NOT NULL, creation_user TEXT NOT NULL, change_date DATETIME NOT NULL,
    change_user TEXT NOT NULL, last_used_date DATETIME NOT NULL, last_used_user TEXT NOT NULL,
    usage_counter INT NOT NULL, flags INT, source_token_data BLOB, target_token_data BLOB, alignment_data BLOB,
    align_model_date DATETIME, insert_date DATETIME, tokenization_sig_hash INTEGER);
CREATE TABLE translation_unit_contexts(translation_unit_id INT NOT NULL REFERENCES translation_units(id)
    ON DELETE CASCADE, left_source_context INTEGER NOT NULL, left_target_context INTEGER NOT NULL,
    PRIMARY KEY (translation_unit_id, left_source_context, left_target_context));
CREATE TABLE attributes(id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid BLOB NOT NULL, name TEXT NOT NULL,
    type INT NOT NULL, tm_id INT NOT NULL, UNIQUE (name, tm_id));
CREATE TABLE string_attributes(translation_unit_id INT NOT NULL REFERENCES translation_units(id) ON DELETE CASCADE,
    attribute_id INT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, value TEXT NOT NULL);
CREATE TABLE numeric_attributes(translation_unit_id INT NOT NULL REFERENCES translation_units(id) ON DELETE CASCADE,
    attribute_id INT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, value INT NOT NULL);
CREATE TABLE date_attributes(translation_unit_id INT NOT NULL REFERENCES translation_units(id) ON DELETE CASCADE,
    attribute_id INT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, value DATETIME NOT NULL);
CREATE TABLE picklist_values(id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid BLOB NOT NULL,
    attribute_id INT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, value TEXT NOT NULL);
CREATE TABLE picklist_attributes(translation_unit_id INT NOT NULL REFERENCES translation_units(id)
    ON DELETE CASCADE, picklist_value_id INT NOT NULL REFERENCES picklist_values(id) ON DELETE CASCADE);
CREATE TABLE fuzzy_data(translation_memory_id INT NOT NULL REFERENCES translation_memories(id) ON DELETE CASCADE,
    translation_unit_id INT NOT NULL, fi1 TEXT, fi2 TEXT, fi4 TEXT, fi8 TEXT,
    PRIMARY KEY (translation_memory_id, translation_unit_id));
"""

# Trados's segment XML: as its XmlSerializer writes it, declaration and namespaces included (RWS's own
# sdltm_browser writes it without the declaration); a Tag's children in Trados's order, CanHide last, as the
# memories Trados Studio installs with its sample project hold them
_SEGMENT = ('<Segment xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
            '<Elements>{}</Elements><CultureName>{}</CultureName></Segment>')
_DECLARATION = '<?xml version="1.0" encoding="utf-16"?>'


def text(value: str) -> str:
    return f"<Text><Value>{escape(value)}</Value></Text>"


def tag(kind: str, anchor: int, tag_id: str, alignment: int | None = None, equivalent: str | None = None) -> str:
    """A ``<Tag>``: Start, End, Standalone, TextPlaceholder, LockedContent, UnmatchedStart …; its
    AlignmentAnchor ``alignment``, by default its anchor, and 0 on an End (as Trados writes them)."""
    if alignment is None:
        alignment = 0 if kind == "End" else anchor
    parts = [f"<Type>{kind}</Type><Anchor>{anchor}</Anchor><AlignmentAnchor>{alignment}</AlignmentAnchor>"
             f"<TagID>{tag_id}</TagID>"]
    if equivalent is not None:
        parts.append(f"<TextEquivalent>{escape(equivalent)}</TextEquivalent>")
    return f"<Tag>{''.join(parts)}<CanHide>false</CanHide></Tag>"


def segment(culture: str, *elements: str, declared: bool = True) -> str:
    """A segment as Trados stores it; ``declared``: with the XML declaration its serializer writes first."""
    return (_DECLARATION if declared else "") + _SEGMENT.format("".join(elements), culture)


def make_sdltm(path: Path, units: list[dict], *, source: str = "fr-FR", target: str = "en-GB",
               fields: dict[str, int] | None = None) -> Path:
    """An .sdltm of one memory (``source`` → ``target``) holding ``units``, each a dict of the
    translation_units columns (source_segment, target_segment, the dates and users; the rest has Trados's
    defaults) and ``fields``: ``{field name: [values]}`` of the memory's ``fields`` (name → Trados type:
    1 SingleString, 2 MultipleString, 3 DateTime, 4 SinglePicklist, 5 MultiplePicklist, 6 Integer)."""
    db = sqlite3.connect(path)
    _fill(db, units, source, target, fields)
    db.close()
    return path


def sdltm_bytes(units: list[dict], **options) -> bytes:
    """What :func:`make_sdltm` writes, as bytes (a memory a package carries)."""
    db = sqlite3.connect(":memory:")
    _fill(db, units, **options)
    data = db.serialize()
    db.close()
    return data


def _fill(db: sqlite3.Connection, units: list[dict], source: str = "fr-FR", target: str = "en-GB",
          fields: dict[str, int] | None = None) -> None:
    db.executescript(SCHEMA)
    db.execute("INSERT INTO translation_memories(guid, name, source_language, target_language, settings,"
               " creation_user, creation_date, fuzzy_indexes, fga_support, data_version, text_context_match_type,"
               " id_context_match) VALUES (?, 'Partenaires', ?, ?, 1, 'PROJ\\ines', '2025-11-03 08:00:00', 15, 0,"
               " 1, 2, 0)", (uuid.uuid4().bytes, source, target))
    field_ids, picklist = {}, {}
    for name, kind in (fields or {}).items():
        field_ids[name] = db.execute("INSERT INTO attributes(guid, name, type, tm_id) VALUES (?, ?, ?, 1)",
                                     (uuid.uuid4().bytes, name, kind)).lastrowid
    tables = {1: "string", 2: "string", 3: "date", 6: "numeric"}
    for number, unit in enumerate(units, 1):
        row = {"guid": uuid.uuid4().bytes, "translation_memory_id": 1, "source_hash": number, "target_hash": number,
               "creation_date": "2026-01-05 09:00:00", "creation_user": "PROJ\\ines",
               "change_date": "2026-01-05 09:00:00", "change_user": "PROJ\\ines",
               "last_used_date": "2026-01-05 09:00:00", "last_used_user": "PROJ\\ines", "usage_counter": 0,
               "flags": 0, "insert_date": "2026-01-05 09:00:00",
               **{key: value for key, value in unit.items() if key != "fields"}}
        unit_id = db.execute(f"INSERT INTO translation_units({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             list(row.values())).lastrowid
        for name, values in unit.get("fields", {}).items():
            kind = fields[name]
            for value in values:
                if kind in (4, 5):
                    if (name, value) not in picklist:
                        picklist[name, value] = db.execute(
                            "INSERT INTO picklist_values(guid, attribute_id, value) VALUES (?, ?, ?)",
                            (uuid.uuid4().bytes, field_ids[name], value)).lastrowid
                    db.execute("INSERT INTO picklist_attributes VALUES (?, ?)", (unit_id, picklist[name, value]))
                else:
                    db.execute(f"INSERT INTO {tables[kind]}_attributes VALUES (?, ?, ?)",
                               (unit_id, field_ids[name], value))
    db.execute("UPDATE translation_memories SET tucount = ?", (len(units),))
    db.commit()
