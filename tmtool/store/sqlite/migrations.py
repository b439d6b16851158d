"""The store's schema, as an ordered list of migrations; ``PRAGMA user_version`` counts those applied.

Never edit a released migration: append a new one, so every existing store can be brought forward.
"""

from __future__ import annotations

import sqlite3

from ...errors import TmtoolError
from ...text.normalize import ARABIC_MARKS
from ..base import announce_upgrade

_V1 = """
CREATE TABLE documents (
    id        TEXT PRIMARY KEY,
    src_path  TEXT NOT NULL,
    tgt_path  TEXT NOT NULL,
    src_hash  TEXT NOT NULL,
    tgt_hash  TEXT NOT NULL,
    srclang   TEXT NOT NULL,
    tgtlang   TEXT NOT NULL,
    ingested  TEXT NOT NULL,
    updated   TEXT NOT NULL
);

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    tuid        TEXT,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    srclang     TEXT NOT NULL,
    tgtlang     TEXT NOT NULL,
    match_text  TEXT NOT NULL,          -- normalised source, what fuzzy matching compares
    content_key TEXT NOT NULL,          -- hash of languages + texts: identical units share it
    document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER,
    bead        TEXT,
    confidence  REAL,
    origin      TEXT,                   -- the file the unit came from
    props       TEXT NOT NULL DEFAULT '{}',
    notes       TEXT NOT NULL DEFAULT '[]',
    created     TEXT,
    changed     TEXT
);
CREATE INDEX units_document ON units(document_id, position);
CREATE INDEX units_content ON units(content_key);
CREATE INDEX units_changed ON units(changed);

-- concordance: words, accent-insensitive
CREATE VIRTUAL TABLE units_fts USING fts5(
    source, target, content='units', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
-- fuzzy-match candidates: character trigrams of the normalised source
CREATE VIRTUAL TABLE units_grams USING fts5(
    match_text, content='units', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE units_grams_vocab USING fts5vocab(units_grams, 'row');

CREATE TRIGGER units_ai AFTER INSERT ON units BEGIN
    INSERT INTO units_fts(rowid, source, target) VALUES (new.id, new.source, new.target);
    INSERT INTO units_grams(rowid, match_text) VALUES (new.id, new.match_text);
END;
CREATE TRIGGER units_ad AFTER DELETE ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, source, target)
        VALUES ('delete', old.id, old.source, old.target);
    INSERT INTO units_grams(units_grams, rowid, match_text) VALUES ('delete', old.id, old.match_text);
END;

CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    status      TEXT NOT NULL DEFAULT 'candidate'
                CHECK (status IN ('candidate', 'approved', 'rejected')),
    reviewed    INTEGER NOT NULL DEFAULT 0,   -- a person approved, rejected or edited it
    definition  TEXT,
    note        TEXT,
    frequency   INTEGER NOT NULL DEFAULT 0,
    score       REAL NOT NULL DEFAULT 0,
    first_seen  TEXT,
    last_seen   TEXT,
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE INDEX entries_status ON entries(status, score);
CREATE INDEX entries_updated ON entries(updated);

CREATE TABLE terms (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    text        TEXT NOT NULL,
    lemma       TEXT,
    pos         TEXT NOT NULL,
    gender      TEXT,
    type        TEXT NOT NULL,
    usage       TEXT NOT NULL,
    forms       TEXT NOT NULL DEFAULT '[]',
    confidence  REAL
);
CREATE INDEX terms_entry ON terms(entry_id, position);

-- folded keys of every form and lemma (see tmtool/text/normalize.py)
CREATE TABLE lookup_keys (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    term_id  INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE
);
CREATE INDEX lookup_keys_key ON lookup_keys(key, kind);
CREATE INDEX lookup_keys_term ON lookup_keys(term_id);
CREATE VIRTUAL TABLE lookup_grams USING fts5(key, content='lookup_keys', content_rowid='id', tokenize='trigram');
CREATE TRIGGER lookup_keys_ai AFTER INSERT ON lookup_keys BEGIN
    INSERT INTO lookup_grams(rowid, key) VALUES (new.id, new.key);
END;
CREATE TRIGGER lookup_keys_ad AFTER DELETE ON lookup_keys BEGIN
    INSERT INTO lookup_grams(lookup_grams, rowid, key) VALUES ('delete', old.id, old.key);
END;

CREATE TABLE contexts (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    fr          TEXT NOT NULL,
    en          TEXT NOT NULL,
    document    TEXT NOT NULL DEFAULT '',  -- a name: imported contexts cite documents not stored here
    unit_id     INTEGER REFERENCES units(id) ON DELETE CASCADE
);
CREATE INDEX contexts_entry ON contexts(entry_id);
CREATE INDEX contexts_document ON contexts(document);
CREATE INDEX contexts_unit ON contexts(unit_id);

-- how often extraction saw an entry in each document; an entry's frequency is their sum
CREATE TABLE entry_documents (
    entry_id    INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    frequency   INTEGER NOT NULL,
    PRIMARY KEY (entry_id, document_id)
);
CREATE INDEX entry_documents_document ON entry_documents(document_id);

-- review history: before/after are JSON objects {entry id: entry snapshot or null}
CREATE TABLE changes (
    id          INTEGER PRIMARY KEY,
    time        TEXT NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    reverted_by INTEGER REFERENCES changes(id)
);
"""

# document frequencies of the glossary's key trigrams, so fuzzy look-up can query only the rarest;
# a context keeps its unit's name (tuid), which imported contexts cite without the unit being here
_V2 = """
CREATE VIRTUAL TABLE lookup_grams_vocab USING fts5vocab(lookup_grams, 'row');
ALTER TABLE contexts ADD COLUMN unit TEXT NOT NULL DEFAULT '';
"""

# The fuzzy-match trigram index without positions: candidates are found by single trigrams, never
# by phrases, and positions made up 40 % of the cost of indexing a memory. New units are indexed by
# the store, many at a time (Store._index_units, INDEX_BATCH), not by a trigger: a trigger writing to
# an FTS5 table makes it flush its pending terms at every row, which made imports 4x slower.
# Its fts5vocab goes: counting a gram's rows reads its whole doclist (search reads capped postings).
_V3 = """
DROP TRIGGER units_ai;
DROP TABLE units_grams_vocab;
DROP TABLE units_grams;
CREATE VIRTUAL TABLE units_grams USING fts5(
    match_text, content='units', content_rowid='id', tokenize='trigram', detail='none');
INSERT INTO units_grams(units_grams) VALUES ('rebuild');
"""

# a segment's inline TMX markup (bpt, ept, ph …), kept verbatim beside its plain text
_V4 = """
ALTER TABLE units ADD COLUMN source_markup TEXT;
ALTER TABLE units ADD COLUMN target_markup TEXT;
"""

# per-column document frequencies of the concordance words (Store.memory_contexts)
_V5 = """
CREATE VIRTUAL TABLE units_words_vocab USING fts5vocab(units_fts, 'col');
"""

# each unit's id with the length of its match text: fuzzy search keeps a query's candidates within
# its length band from this small index instead of reading every candidate's (wide) row — a query
# whose grams are all common has 100,000+ of them in a 1M memory (0.47 → 0.15 s)
_V6 = """
CREATE INDEX units_match_length ON units(id, length(match_text));
"""

# a unit's languages are language tags: a unit stored without one (an untranslated XLIFF copy read
# from a file naming no target language) made every later TMX export of the store fail. The store
# checks the whole tag before inserting (db._check_languages); these refuse an empty or malformed one
# whatever writes the row. Rows stored before are left as they are, so every store still migrates.
_V7 = """
CREATE TRIGGER units_languages_insert BEFORE INSERT ON units
WHEN NOT (new.srclang GLOB '[A-Za-z][A-Za-z]*' AND new.srclang NOT GLOB '*[^A-Za-z0-9_-]*'
          AND new.tgtlang GLOB '[A-Za-z][A-Za-z]*' AND new.tgtlang NOT GLOB '*[^A-Za-z0-9_-]*')
BEGIN
    SELECT RAISE(ABORT, 'a unit needs a source and a target language tag');
END;
CREATE TRIGGER units_languages_update BEFORE UPDATE OF srclang, tgtlang ON units
WHEN NOT (new.srclang GLOB '[A-Za-z][A-Za-z]*' AND new.srclang NOT GLOB '*[^A-Za-z0-9_-]*'
          AND new.tgtlang GLOB '[A-Za-z][A-Za-z]*' AND new.tgtlang NOT GLOB '*[^A-Za-z0-9_-]*')
BEGIN
    SELECT RAISE(ABORT, 'a unit needs a source and a target language tag');
END;
"""

# Trust: what each import added, so it can be taken out again (Store.remove_import); the text of
# each document as segmented, so the same text in another file format is known (ingest); when and
# how high each document's extraction counted an entry, so a removed document's share of an entry's
# dates and score can be taken back (Store.remove_documents).
# Imports made before this are rebuilt as well as the store can tell: imported units (those without
# a document) grouped by the file they came from, with no date; glossary imports from their recorded
# change "import NAME" (unless reverted), linked to the entries they created that still exist.
_V8 = """
CREATE TABLE imports (
    id        INTEGER PRIMARY KEY,
    path      TEXT NOT NULL,
    format    TEXT,                 -- NULL: imported before imports were recorded, name says nothing
    kind      TEXT NOT NULL CHECK (kind IN ('units', 'entries')),
    count     INTEGER NOT NULL,     -- units or entries it added
    imported  TEXT,                 -- NULL: units imported before imports were recorded
    change_id INTEGER REFERENCES changes(id)  -- a glossary import's recorded change
);
ALTER TABLE units ADD COLUMN import_id INTEGER REFERENCES imports(id);
ALTER TABLE entries ADD COLUMN import_id INTEGER REFERENCES imports(id);
ALTER TABLE documents ADD COLUMN src_text_hash TEXT;
ALTER TABLE documents ADD COLUMN tgt_text_hash TEXT;
ALTER TABLE entry_documents ADD COLUMN seen TEXT;
ALTER TABLE entry_documents ADD COLUMN score REAL;

INSERT INTO imports (path, format, kind, count)
    SELECT coalesce(origin, ''), NULL, 'units', count(*)
    FROM units WHERE document_id IS NULL GROUP BY coalesce(origin, '') ORDER BY min(id);
UPDATE units SET import_id = (SELECT i.id FROM imports i WHERE i.path = coalesce(units.origin, ''))
    WHERE document_id IS NULL;
INSERT INTO imports (path, format, kind, count, imported, change_id)
    SELECT substr(action, 8), NULL, 'entries',
           (SELECT count(*) FROM json_each(after)), time, id
    FROM changes WHERE action LIKE 'import %' AND reverted_by IS NULL ORDER BY id;
UPDATE entries SET import_id = (
    SELECT i.id FROM imports i JOIN changes c ON c.id = i.change_id, json_each(c.after) j
    WHERE j.key = CAST(entries.id AS TEXT) AND entries.created <= c.time ORDER BY i.id DESC LIMIT 1);
-- the format as the file's name tells it (the content was not kept to tell more)
UPDATE imports SET format = CASE
    WHEN lower(path) LIKE '%.tmx' THEN 'tmx' WHEN lower(path) LIKE '%.tbx' THEN 'tbx'
    WHEN lower(path) LIKE '%.po' THEN 'po' WHEN lower(path) LIKE '%.xlf' THEN 'xliff'
    WHEN lower(path) LIKE '%.xliff' THEN 'xliff' WHEN lower(path) LIKE '%.csv' THEN 'csv'
    WHEN lower(path) LIKE '%.tsv' THEN 'tsv' END;
UPDATE entry_documents SET seen = (SELECT updated FROM documents WHERE id = document_id);

CREATE INDEX units_import ON units(import_id);
CREATE INDEX entries_import ON entries(import_id);
CREATE INDEX documents_text ON documents(src_text_hash, tgt_text_hash);
"""

# Evidence across documents: each document's extraction proposes equivalents for an entry, with the
# support it found (sentence pairs × confidence); an unreviewed entry's equivalents are ranked, and
# its score weighed, by the sum over the documents that remain (Store.recount), so evidence grows as
# documents arrive and shrinks when one is removed, without re-reading any document.
_V9 = """
CREATE TABLE entry_equivalents (
    entry_id    INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    type        TEXT NOT NULL,   -- fullForm, acronym …: a full form competes with full forms only
    key         TEXT NOT NULL,   -- folded, singularised text: spellings of one equivalent count together
    text        TEXT NOT NULL,
    support     REAL NOT NULL,
    PRIMARY KEY (entry_id, document_id, lang, type, key)
);
CREATE INDEX entry_equivalents_document ON entry_equivalents(document_id);
"""

# Multilingual memory: a unit's text in languages beyond its source and target (a TMX <tu> with three
# or more <tuv>s), in the order read. Stores made before hold no such text: nothing to carry over, and
# their units keep their content keys (records.unit_content_key only adds variants when there are some).
_V10 = """
CREATE TABLE unit_variants (
    unit_id   INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    lang      TEXT NOT NULL CHECK (lang GLOB '[A-Za-z][A-Za-z]*' AND lang NOT GLOB '*[^A-Za-z0-9_-]*'),
    text      TEXT NOT NULL,
    markup    TEXT,                 -- inline markup, as units.source_markup
    PRIMARY KEY (unit_id, position)
) WITHOUT ROWID;
CREATE INDEX unit_variants_lang ON unit_variants(lang);
"""



def _plain_text_of_tagged_units(conn: sqlite3.Connection) -> None:
    """Units imported before inline codes were kept out of the text hold their codes' native text in
    ``source``/``target`` (*The big <b>black</b> cat*, which then matched its own plain text at 64%):
    their text is made again from the markup stored beside it, as the readers now make it, and they are
    indexed again; their content key follows, so importing the same file again adds nothing."""
    from lxml import etree

    from ...formats.inline import plain_text
    from ...io.xmlsafe import xml_parser
    from ...model import Unit, Variant
    from ...text.normalize import normalize_for_match
    from ..records import unit_content_key

    def text_of(markup: str | None, text: str) -> str:
        return text if markup is None else plain_text(etree.fromstring(f"<seg>{markup}</seg>", xml_parser()))

    rows = conn.execute("SELECT id, source, target, srclang, tgtlang, source_markup, target_markup, match_text"
                        " FROM units WHERE source_markup IS NOT NULL OR target_markup IS NOT NULL").fetchall()
    for unit_id, source, target, srclang, tgtlang, source_markup, target_markup, match_text in rows:
        unit = Unit(text_of(source_markup, source), text_of(target_markup, target), srclang, tgtlang,
                    source_markup=source_markup, target_markup=target_markup,
                    variants=[Variant(*v) for v in conn.execute(
                        "SELECT lang, text, markup FROM unit_variants WHERE unit_id = ? ORDER BY position", (unit_id,))])
        if (unit.source, unit.target) == (source, target):
            continue
        conn.execute("INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', ?, ?, ?)",
                     (unit_id, source, target))
        conn.execute("INSERT INTO units_grams(units_grams, rowid, match_text) VALUES ('delete', ?, ?)",
                     (unit_id, match_text))
        new_match = normalize_for_match(unit.source)
        conn.execute("UPDATE units SET source = ?, target = ?, match_text = ?, content_key = ? WHERE id = ?",
                     (unit.source, unit.target, new_match, unit_content_key(unit), unit_id))
        conn.execute("INSERT INTO units_fts(rowid, source, target) VALUES (?, ?, ?)", (unit_id, unit.source, unit.target))
        conn.execute("INSERT INTO units_grams(rowid, match_text) VALUES (?, ?)", (unit_id, new_match))


# Many reviewers: an entry's version goes up with every change, so an update made against an older
# version is refused (Conflict) rather than overwrite what someone else did meanwhile; a recorded
# change names who made it. Changes made before hold no user.
_V12 = """
ALTER TABLE entries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE changes ADD COLUMN user TEXT;
"""

# A term's own evidence, as the model carries it: for an English equivalent, the sentence pairs in
# which it translates the entry and a few of them (JSON [[fr, en, document, unit], …]). Terms stored
# before kept none: 0 and [], as they read back then.
_V13 = """
ALTER TABLE terms ADD COLUMN frequency INTEGER NOT NULL DEFAULT 0;
ALTER TABLE terms ADD COLUMN contexts TEXT NOT NULL DEFAULT '[]';
"""

# A reviewer's corrections to a document's alignment (store/corrections.py): each replaces a run of
# the document's units by another, recorded by their texts so that it is made again when a revised
# version of the document is ingested; an excluded unit stays in the store, out of exports. A unit a
# reviewer made keeps its sentences: joined, a heading and the sentence after it read as one. No
# foreign key to documents: re-ingesting replaces the document row, and the corrections outlive that.
_V14 = """
ALTER TABLE units ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE units ADD COLUMN sentences TEXT;  -- [[source sentences], [target sentences]]; NULL: as aligned
CREATE TABLE unit_edits (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    time        TEXT NOT NULL,
    action      TEXT NOT NULL,
    before      TEXT NOT NULL,    -- [[source, target, excluded], ...]: the run replaced
    after       TEXT NOT NULL     -- [[[source sentences], [target sentences], excluded], ...]: its replacement
);
CREATE INDEX unit_edits_document ON unit_edits(document_id, id);
"""

# Evidence under the threshold (glossary.keep_evidence): a document's proposal that scored too low to
# become an entry, kept — as the JSON of model.entry_to_dict, with its equivalents, their support and
# its contexts — so that the documents that arrive later can add up to one; ``key`` (the French term
# folded and singularised) is what proposals of different documents share. Issue 11's migration 16:
# the lead numbers it after the others of this round.
_V15 = """
CREATE TABLE candidate_documents (
    key         TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    score       REAL NOT NULL,
    proposal    TEXT NOT NULL,
    PRIMARY KEY (key, document_id)
);
CREATE INDEX candidate_documents_document ON candidate_documents(document_id);
"""

# Each document's place in the order documents were first ingested, numbered as each is stored
# (DocumentRecord.ingest_order): evidence is merged document by document in that order, and the
# ingest time, to the second, ordered documents ingested within one second by their ids instead. The
# documents stored before are numbered in the order they were read in (time, then id); the default
# only lets the column be added, as every insert gives its number.
_V16 = """
ALTER TABLE documents ADD COLUMN ingest_order INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET ingest_order = (
    SELECT count(*) FROM documents d WHERE d.ingested < documents.ingested
                                        OR (d.ingested = documents.ingested AND d.id <= documents.id));
CREATE UNIQUE INDEX documents_ingest_order ON documents(ingest_order);
"""

def _target_match_text(conn: sqlite3.Connection) -> None:
    """Fuzzy search in either language (tmtool.search): a unit's normalised target beside its normalised
    source, with the same trigram index without positions and length index, so a French query finds
    the French target of an en→fr unit. Built here from the units already stored; new units are
    indexed with their sources (SQLiteStore._index_units), deleted ones leave it by the trigger."""
    from ...text.normalize import normalize_for_match

    conn.create_function("normalize_for_match", 1, normalize_for_match, deterministic=True)
    for statement in _statements("""
        ALTER TABLE units ADD COLUMN target_match_text TEXT NOT NULL DEFAULT '';
        UPDATE units SET target_match_text = normalize_for_match(target);
        CREATE VIRTUAL TABLE units_target_grams USING fts5(
            target_match_text, content='units', content_rowid='id', tokenize='trigram', detail='none');
        INSERT INTO units_target_grams(units_target_grams) VALUES ('rebuild');
        CREATE TRIGGER units_target_ad AFTER DELETE ON units BEGIN
            INSERT INTO units_target_grams(units_target_grams, rowid, target_match_text)
                VALUES ('delete', old.id, old.target_match_text);
        END;
        CREATE INDEX units_target_match_length ON units(id, length(target_match_text));
        """):
        conn.execute(statement)


# Whether a document's terms were extracted, and by which tmtool release (DocumentRecord.terms): ingest
# with terms extracts those of a pair stored without them. A document stored before that glossary
# evidence cites (a count, a context, evidence under the threshold) was extracted, by a release not
# recorded; one that none cites is taken as not extracted: it was ingested with --no-terms, or its
# extraction proposed nothing (a later ingest with terms then extracts it again, adding what it finds).
_V18 = """
ALTER TABLE documents ADD COLUMN terms TEXT;
UPDATE documents SET terms = 'unrecorded'
    WHERE id IN (SELECT document_id FROM entry_documents) OR id IN (SELECT document_id FROM candidate_documents)
       OR id IN (SELECT document FROM contexts);
"""

# Concordance in a unit's other languages (a German word in a fr/en/de unit): the words of its variants,
# accent-insensitive as units_fts. The index holds no text of its own (contentless); a variant's row is
# its unit's id and position (VARIANT_ROWS a unit), which the unit_variants table, keyed by both, has no
# rowid for.
_V19 = """
CREATE VIRTUAL TABLE unit_variants_fts USING fts5(
    text, content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO unit_variants_fts(rowid, text) SELECT unit_id * 4096 + position, text FROM unit_variants;
CREATE TRIGGER unit_variants_ai AFTER INSERT ON unit_variants BEGIN
    SELECT RAISE(ABORT, 'a unit in more than 4096 languages') WHERE new.position >= 4096;
    INSERT INTO unit_variants_fts(rowid, text) VALUES (new.unit_id * 4096 + new.position, new.text);
END;
CREATE TRIGGER unit_variants_ad AFTER DELETE ON unit_variants BEGIN
    INSERT INTO unit_variants_fts(unit_variants_fts, rowid, text)
        VALUES ('delete', old.unit_id * 4096 + old.position, old.text);
END;
"""
VARIANT_ROWS = 4096  # unit_variants_fts's rows a unit: rowid = unit id × VARIANT_ROWS + the variant's position


# An entry's id is never given to another entry: SQLite gives a new row the highest id stored plus one,
# so an entry added after the newest was removed took its id, its history and the revert of its removal
# (PostgreSQL's identity never goes back). The highest id ever removed is kept, from the recorded
# changes for a store made before, and a new entry is numbered above it.
# the highest entry id the recorded changes name (a store made before; a store a copy has just filled)
RECORDED_ENTRY_IDS = "SELECT coalesce(max(CAST(key AS INTEGER)), 0) FROM changes, json_each(changes.before)"
_V20 = f"""
CREATE TABLE entry_id_floor (id INTEGER NOT NULL);
INSERT INTO entry_id_floor {RECORDED_ENTRY_IDS};
CREATE TRIGGER entries_id_floor AFTER DELETE ON entries BEGIN
    UPDATE entry_id_floor SET id = old.id WHERE id < old.id;
END;
"""


def _inflected_keys(conn: sqlite3.Connection) -> None:
    """Terms in German, Spanish, Italian, Portuguese, Dutch and Russian are looked up by their inflected
    forms too (``normalize.term_keys``): those stored before are given the keys they lack."""
    from ..rows import INFLECTED_TERM_COLUMNS, inflected_key_rows

    keys = inflected_key_rows(conn.execute(f"SELECT {INFLECTED_TERM_COLUMNS} FROM terms").fetchall(),
                              conn.execute("SELECT key, kind, term_id FROM lookup_keys"))
    conn.executemany("INSERT INTO lookup_keys (key, kind, term_id) VALUES (?, ?, ?)", keys)


def without_arabic_marks(expression: str) -> str:
    """SQL: the text of ``expression`` without Arabic's tatweel and vowel marks (``normalize.ARABIC_MARKS``),
    as the concordance indexes hold it: a replace() a mark (SQLite has no translate()), plain SQL that a
    trigger may call whoever opens the store. Only a text holding a character of U+0640–U+067F, whose
    UTF-8 starts with the byte D9 (the marks are among them), is rewritten: any other costs one search
    for that byte, not ten replace() (which made indexing a memory's words twice as costly)."""
    stripped = expression
    for mark in ARABIC_MARKS:
        stripped = f"replace({stripped}, '{mark}', '')"
    return f"CASE WHEN instr(CAST({expression} AS BLOB), x'D9') THEN {stripped} ELSE {expression} END"


# the units' words as the concordance index holds them, of a SELECT … FROM units (SQLiteStore._index_units)
UNITS_WORDS = f"rowid, {without_arabic_marks('source')}, {without_arabic_marks('target')}"


def units_indexing(where: str) -> tuple[str, ...]:
    """SQL: the statements adding the units ``where`` chooses (a condition on ``id``, with its
    parameter) to the concordance index and the trigram indexes of fuzzy search."""
    return (f"INSERT INTO units_fts(rowid, source, target) SELECT {UNITS_WORDS} FROM units WHERE {where}",
            f"INSERT INTO units_grams(rowid, match_text) SELECT id, match_text FROM units WHERE {where}",
            "INSERT INTO units_target_grams(rowid, target_match_text) SELECT id, target_match_text FROM units"
            f" WHERE {where}")

# SQL: the text of a column holds one of them (the search for the byte D9 first: a GLOB reads slowly)
_HOLDS_MARKS = "(instr(CAST({0} AS BLOB), x'D9') AND {0} GLOB '*[" + ARABIC_MARKS + "]*')"
_BATCH = 10_000  # units or variants a migration reads at a time
# the triggers keeping the concordance indexes of units and their variants, deleting what they index
_UNITS_AD = f"""
CREATE TRIGGER units_ad AFTER DELETE ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, source, target)
        VALUES ('delete', old.id, {without_arabic_marks('old.source')}, {without_arabic_marks('old.target')});
    INSERT INTO units_grams(units_grams, rowid, match_text) VALUES ('delete', old.id, old.match_text);
END"""
_VARIANTS_AI = f"""
CREATE TRIGGER unit_variants_ai AFTER INSERT ON unit_variants BEGIN
    SELECT RAISE(ABORT, 'a unit in more than 4096 languages') WHERE new.position >= 4096;
    INSERT INTO unit_variants_fts(rowid, text) VALUES (new.unit_id * 4096 + new.position, {without_arabic_marks('new.text')});
END"""
_VARIANTS_AD = f"""
CREATE TRIGGER unit_variants_ad AFTER DELETE ON unit_variants BEGIN
    INSERT INTO unit_variants_fts(unit_variants_fts, rowid, text)
        VALUES ('delete', old.unit_id * 4096 + old.position, {without_arabic_marks('old.text')});
END"""


def _arabic_marks(conn: sqlite3.Connection) -> None:
    """Arabic's tatweel and vowel marks are left out of look-up keys, fuzzy search's texts and the
    concordance indexes (``normalize.ARABIC_MARKS``): the terms' keys are made again where they differ
    (:func:`rows.key_differences`), and the units and variants holding a mark — found in one pass over
    the texts, the others' indexes left as they are — are indexed again without them."""
    def strips(trigger: str) -> bool:
        return "replace(" in conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (trigger,)).fetchone()[0]

    _keys_made_again(conn)
    # each index once: made again on a store that had it (its version set back by hand), what is indexed
    # without the marks already, as its trigger shows, is left as it is
    if not strips("units_ad"):
        conn.execute("DROP TRIGGER units_ad")
        conn.execute(_UNITS_AD)
        _index_marked_units(conn)
    if not strips("unit_variants_ai"):
        for statement in ("DROP TRIGGER unit_variants_ai", "DROP TRIGGER unit_variants_ad", _VARIANTS_AI, _VARIANTS_AD):
            conn.execute(statement)
        _index_marked_variants(conn)


def _index_marked_units(conn: sqlite3.Connection) -> None:
    """The units holding one of Arabic's marks indexed again, their normalised texts made again, a batch
    at a time in one pass over the texts."""
    last = 0
    while marked := conn.execute(
            "SELECT id, source, target, match_text, target_match_text FROM units WHERE id > ?"
            f" AND ({_HOLDS_MARKS.format('source')} OR {_HOLDS_MARKS.format('target')}) ORDER BY id LIMIT ?",
            (last, _BATCH)).fetchall():
        last = marked[-1][0]
        for unit_id, source, target, match_text, target_match_text in marked:
            _index_again(conn, unit_id, source, target, match_text, target_match_text)


def _index_again(conn: sqlite3.Connection, unit_id: int, source: str, target: str, match_text: str,
                 target_match_text: str) -> None:
    """A unit taken out of the indexes as it was indexed, and put back without Arabic's marks."""
    from ...text.normalize import normalize_for_match

    conn.execute("INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', ?, ?, ?)",
                 (unit_id, source, target))
    conn.execute("INSERT INTO units_grams(units_grams, rowid, match_text) VALUES ('delete', ?, ?)",
                 (unit_id, match_text))
    conn.execute("INSERT INTO units_target_grams(units_target_grams, rowid, target_match_text)"
                 " VALUES ('delete', ?, ?)", (unit_id, target_match_text))
    conn.execute("UPDATE units SET match_text = ?, target_match_text = ? WHERE id = ?",
                 (normalize_for_match(source), normalize_for_match(target), unit_id))
    for statement in units_indexing("id = ?"):
        conn.execute(statement, (unit_id,))


def _index_marked_variants(conn: sqlite3.Connection) -> None:
    """The variants holding one of Arabic's marks indexed again, without them, a batch at a time."""
    last = (0, -1)
    while marked := conn.execute("SELECT unit_id, position, text FROM unit_variants WHERE (unit_id, position) > (?, ?)"
                                 f" AND {_HOLDS_MARKS.format('text')} ORDER BY unit_id, position LIMIT ?",
                                 (*last, _BATCH)).fetchall():
        last = marked[-1][:2]
        for unit_id, position, text in marked:
            rowid = unit_id * VARIANT_ROWS + position
            conn.execute("INSERT INTO unit_variants_fts(unit_variants_fts, rowid, text) VALUES ('delete', ?, ?)",
                         (rowid, text))
            conn.execute(f"INSERT INTO unit_variants_fts(rowid, text) VALUES (?1, {without_arabic_marks('?2')})",
                         (rowid, text))


def _keys_made_again(conn: sqlite3.Connection) -> None:
    """The terms' look-up keys made again where they differ from those the terms are given today
    (:func:`rows.key_differences`): the stale ones deleted, the missing ones added."""
    from ..rows import KEYED_TERM_COLUMNS, key_differences

    missing, stale = key_differences(conn.execute(f"SELECT {KEYED_TERM_COLUMNS} FROM terms").fetchall(),
                                     conn.execute("SELECT key, kind, term_id FROM lookup_keys"))
    conn.executemany("DELETE FROM lookup_keys WHERE key = ? AND kind = ? AND term_id = ?", stale)
    conn.executemany("INSERT INTO lookup_keys (key, kind, term_id) VALUES (?, ?, ?)", missing)


def _new_keys(conn: sqlite3.Connection) -> None:
    """Terms are looked up under keys they had none of: Polish, Czech and Romanian terms by their inflected
    forms (``normalize.SNOWBALL``, ``PLURALS``), a full form written with its acronym after it (*produit
    intérieur brut (PIB)*) by the acronym (``rows.lookup_key_rows``). One pass for all three, which came in
    one release: the terms' keys are made again where they differ."""
    _keys_made_again(conn)


def _correction_user(conn: sqlite3.Connection) -> None:
    """A correction names who made it, as a recorded change of the glossary does (changes.user, _V12);
    those made before name no one. (Added once: a store set back to an earlier version by hand has it.)"""
    if "user" not in {row[1] for row in conn.execute("PRAGMA table_info(unit_edits)")}:
        conn.execute("ALTER TABLE unit_edits ADD COLUMN user TEXT")


def _term_notes(conn: sqlite3.Connection) -> None:
    """A term has a note of its own (``Term.note``: a termbase's note on one term, a TBX ``note`` in its
    ``tig``), which terms stored before lack. (Added once, as _correction_user's column.)"""
    if "note" not in {row[1] for row in conn.execute("PRAGMA table_info(terms)")}:
        conn.execute("ALTER TABLE terms ADD COLUMN note TEXT")


def _context_languages(conn: sqlite3.Connection) -> None:
    """A context keeps the language of its sentence (``Context.lang``); those stored before give none,
    which is their entry's context language, as they were read. (Added once, as _correction_user's column.)"""
    if "lang" not in {row[1] for row in conn.execute("PRAGMA table_info(contexts)")}:
        conn.execute("ALTER TABLE contexts ADD COLUMN lang TEXT")


def _spelling_keys(conn: sqlite3.Connection) -> None:
    """Terms are looked up under keys they had none of: with œ and æ spelt out (*mise en oeuvre*), a French term
    by French plurals (*alliés*: *allié*, not *ally*), an Arabic or Persian term as an Arabic keyboard and Arabic
    texts write it (``normalize.arabic_script_spelling``: کمیته as كميته, المستشفى as المستشفي;
    ``normalize.term_keys``): the terms' keys are made again where they differ."""
    _keys_made_again(conn)


def _hyphen_keys(conn: sqlite3.Connection) -> None:
    """A term is found under its ``spelling_key`` with a hyphen as a space (*cyber défense* for *cyber-défense*),
    which an import and an added entry look the stored terms up by: the terms' keys are made again where they
    differ."""
    _keys_made_again(conn)


# A unit's and an import's ids are never given to another either, as an entry's (_V20): a revised document's units
# took the ids of those they replaced, so that a correction from a page showing the earlier version was made to
# sentences the page never showed, and an import removed gave its id to the next one. The highest id stored
# (or removed since) is kept, and a new unit or import is numbered above it; an import that added nothing was
# never listed, and leaves its id to the next. (Made once, as _correction_user's column: a store set back to an
# earlier version by hand has them.)
_V27 = """
CREATE TABLE IF NOT EXISTS unit_id_floor (id INTEGER NOT NULL);
INSERT INTO unit_id_floor SELECT coalesce(max(id), 0) FROM units WHERE NOT EXISTS (SELECT 1 FROM unit_id_floor);
CREATE TRIGGER IF NOT EXISTS units_id_floor AFTER DELETE ON units BEGIN
    UPDATE unit_id_floor SET id = old.id WHERE id < old.id;
END;
CREATE TABLE IF NOT EXISTS import_id_floor (id INTEGER NOT NULL);
INSERT INTO import_id_floor SELECT coalesce(max(id), 0) FROM imports WHERE NOT EXISTS (SELECT 1 FROM import_id_floor);
CREATE TRIGGER IF NOT EXISTS imports_id_floor AFTER DELETE ON imports WHEN old.count > 0 BEGIN
    UPDATE import_id_floor SET id = old.id WHERE id < old.id;
END;
"""
# the approved counts a change to the glossary leaves to make, by document (``glossary.count_queued``): entry 0 for
# every approved entry of the document, document '' for an entry whose documents are to be found first
# (made once: a store set back to an earlier version by hand has it)
_V32 = """
CREATE TABLE IF NOT EXISTS queued_counts (
    document_id TEXT NOT NULL,
    entry_id    INTEGER NOT NULL,
    PRIMARY KEY (document_id, entry_id)
) WITHOUT ROWID;
"""
# A correction's id is never given to another either: undone, the last one's id went to the next one made, and a
# reviewer's undo of the last correction they saw (api.undo_correction's ``last``) undid another reviewer's new one
# made meanwhile under that id, where PostgreSQL's identity had said it changed. (Made once, as _V27.)
_V35 = """
CREATE TABLE IF NOT EXISTS unit_edit_id_floor (id INTEGER NOT NULL);
INSERT INTO unit_edit_id_floor SELECT coalesce(max(id), 0) FROM unit_edits
    WHERE NOT EXISTS (SELECT 1 FROM unit_edit_id_floor);
CREATE TRIGGER IF NOT EXISTS unit_edits_id_floor AFTER DELETE ON unit_edits BEGIN
    UPDATE unit_edit_id_floor SET id = old.id WHERE id < old.id;
END;
"""
# the id a new row of ``table`` is given: above every id stored and every one removed (its ``floor`` table)
NEXT_ID = "(SELECT 1 + max((SELECT coalesce(max(id), 0) FROM {table}), (SELECT id FROM {floor})))"
# the tables whose ids are never given again, each with its floor table (_V20, _V27)
ID_FLOORS = {"units": "unit_id_floor", "imports": "import_id_floor", "entries": "entry_id_floor",
             "unit_edits": "unit_edit_id_floor"}

def _import_headers(conn: sqlite3.Connection) -> None:
    """What a TMX's header said of its memory is held once an import (imports.header, ``rows.stored_props``),
    not on each of its units: each import's is what its first unit said, taken off those of its units that
    said the same (the others keep theirs, marked when they said nothing). (Added once, as _correction_user's
    column.)"""
    from ..records import dumps, loads
    from ..rows import memory_props, stored_props

    if "header" not in {row[1] for row in conn.execute("PRAGMA table_info(imports)")}:
        conn.execute("ALTER TABLE imports ADD COLUMN header TEXT")  # JSON; NULL: no unit stored yet
    firsts = conn.execute("SELECT u.import_id, u.props FROM units u JOIN (SELECT min(id) AS id FROM units"
                          " WHERE import_id IS NOT NULL GROUP BY import_id) f ON f.id = u.id").fetchall()
    for import_id, props in firsts:
        header = memory_props(loads(props))
        conn.execute("UPDATE imports SET header = ? WHERE id = ?", (dumps(header), import_id))
        if not header:  # nothing to take off: a unit that said something keeps it
            continue
        last = 0  # a batch at a time: an import may hold millions of units
        while rows := conn.execute("SELECT id, props FROM units WHERE import_id = ? AND id > ? ORDER BY id LIMIT 5000",
                                   (import_id, last)).fetchall():
            conn.executemany("UPDATE units SET props = ? WHERE id = ?",
                             [(stored, unit_id) for unit_id, held in rows
                              if (stored := dumps(stored_props(loads(held), header))) != held])
            last = rows[-1][0]


def _context_keys(conn: sqlite3.Connection) -> None:
    """A unit is told apart by its context (memoQ's and MateCat's neighbouring segments,
    ``records.keyed_by_context``): the units stored with one have their content key made again, so that
    importing the same memory again finds them, and the unit in another context an earlier import merged
    into one of them is added. A batch at a time."""
    from ..rows import CONTEXT_KEY_COLUMNS, CONTEXT_ROWS, context_keys

    last = 0
    while rows := conn.execute(f"SELECT {CONTEXT_KEY_COLUMNS} FROM units WHERE id > ? AND {CONTEXT_ROWS}"
                               " ORDER BY id LIMIT 5000", (last,)).fetchall():
        conn.executemany("UPDATE units SET content_key = ? WHERE id = ?", context_keys(rows, lambda unit_id: conn.execute(
            "SELECT lang, text, markup FROM unit_variants WHERE unit_id = ? ORDER BY position", (unit_id,))))
        last = rows[-1][0]


def _line_break_texts(conn: sqlite3.Connection) -> None:
    """A line-break code between two words parts them (``rows.line_break_texts``): the units whose texts were read
    before, the words glued, are read again from their markup, their content keys, match texts and indexes made
    again, so that importing the same memory again finds them, and look-up and concordance see two words. A batch
    at a time."""
    from ...text.normalize import normalize_for_match
    from ..records import unit_content_key
    from ..rows import LINE_BREAK_COLUMNS, LINE_BREAK_ROWS, line_break_texts

    last = 0
    while rows := conn.execute(f"SELECT {LINE_BREAK_COLUMNS} FROM units WHERE id > ? AND {LINE_BREAK_ROWS}"
                               " ORDER BY id LIMIT ?", (last, _BATCH)).fetchall():
        last = rows[-1][0]
        for unit_id, stored, today, (match_text, target_match_text), moved in line_break_texts(
                rows, lambda unit_id: conn.execute("SELECT position, lang, text, markup FROM unit_variants"
                                                   " WHERE unit_id = ? ORDER BY position", (unit_id,))):
            # out of the indexes as indexed (the units_ad and units_target_ad triggers' statements), in again as read
            conn.execute("INSERT INTO units_fts(units_fts, rowid, source, target) VALUES ('delete', ?1, "
                         f"{without_arabic_marks('?2')}, {without_arabic_marks('?3')})",
                         (unit_id, stored.source, stored.target))
            conn.execute("INSERT INTO units_grams(units_grams, rowid, match_text) VALUES ('delete', ?, ?)",
                         (unit_id, match_text))
            conn.execute("INSERT INTO units_target_grams(units_target_grams, rowid, target_match_text)"
                         " VALUES ('delete', ?, ?)", (unit_id, target_match_text))
            conn.execute("UPDATE units SET source = ?, target = ?, match_text = ?, target_match_text = ?,"
                         " content_key = ? WHERE id = ?",
                         (today.source, today.target, normalize_for_match(today.source),
                          normalize_for_match(today.target), unit_content_key(today), unit_id))
            for statement in units_indexing("id = ?"):
                conn.execute(statement, (unit_id,))
            for position, text, new in moved:
                rowid = unit_id * VARIANT_ROWS + position
                conn.execute("INSERT INTO unit_variants_fts(unit_variants_fts, rowid, text) VALUES ('delete', ?1, "
                             f"{without_arabic_marks('?2')})", (rowid, text))
                conn.execute("UPDATE unit_variants SET text = ? WHERE unit_id = ? AND position = ?",
                             (new, unit_id, position))
                conn.execute(f"INSERT INTO unit_variants_fts(rowid, text) VALUES (?1, {without_arabic_marks('?2')})",
                             (rowid, new))


def _nordic_keys(conn: sqlite3.Connection) -> None:
    """Swedish and Danish terms are looked up by their inflected forms (``normalize.SNOWBALL``, ``PLURALS``:
    *sjöminorna*, *styrkerne* find *sjömina*, *styrke*), under keys they had none of: the terms' keys are made again
    where they differ."""
    _keys_made_again(conn)


def _term_locales(conn: sqlite3.Connection) -> None:
    """A term keeps the language tag its file gave where it names a region or script (``Term.locale``: a
    termbase's en-GB and en-US terms), which terms stored before lack: they were stored in their base language."""
    if "locale" not in {row[1] for row in conn.execute("PRAGMA table_info(terms)")}:
        conn.execute("ALTER TABLE terms ADD COLUMN locale TEXT")


# each a SQL script, or a function for what SQL alone cannot do (it runs inside the same transaction)
# the entries holding a term in a language (the review queue's language filter, list_entries' lang) and the
# languages the terms are in (its box's choices, term_languages, read on every page of the queue) read by the
# term's language: without an index each read every term of the glossary
_V37 = """
CREATE INDEX IF NOT EXISTS terms_lang ON terms(lang, entry_id);
"""

# An equivalent's figures as each document's extraction gave them, beside its support: its frequency, and its
# confidence with the weight it was averaged by (the occurrences, one at least; two proposals of one document
# for one key: their sum, the confidence their mean), so that the term's frequency and confidence are those the
# documents still stored give (glossary._rank_equivalents), not the first proposing document's, kept after it
# was revised or removed. NULL in rows written before: such an equivalent keeps its figures until its documents
# are extracted again (glossary reextract, ingest of a revision). Columns added only where missing: a store
# whose version was set back (a test's, a copy's) runs the migrations after it again.
def _V38(conn: sqlite3.Connection) -> None:
    present = {row[1] for row in conn.execute("PRAGMA table_info(entry_equivalents)")}
    for column, kind in (("frequency", "INTEGER"), ("weight", "REAL"), ("confidence", "REAL")):
        if column not in present:
            conn.execute(f"ALTER TABLE entry_equivalents ADD COLUMN {column} {kind}")

MIGRATIONS: list = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _plain_text_of_tagged_units, _V12, _V13,
                    _V14, _V15, _V16, _target_match_text, _V18, _V19, _V20, _inflected_keys, _arabic_marks,
                    _correction_user, _new_keys, _term_notes, _context_languages, _V27, _spelling_keys, _hyphen_keys,
                    _import_headers, _context_keys, _V32, _line_break_texts, _nordic_keys, _V35, _term_locales, _V37,
                    _V38]


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations this store has not seen, in one write transaction.

    The version is read inside that transaction: two processes opening a new store at once would
    otherwise both see version 0 and the second would fail creating tables the first has made.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == len(MIGRATIONS):  # the common case takes no write lock
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise TmtoolError(
                f"store schema version {version} is newer than this tmtool understands ({len(MIGRATIONS)})"
            )
        announce_upgrade(version, len(MIGRATIONS))
        for number, script in enumerate(MIGRATIONS[version:], version + 1):
            if callable(script):
                script(conn)
            else:
                for statement in _statements(script):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def _statements(script: str) -> list[str]:
    """A migration script split into statements (``executescript`` would commit the transaction)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements
