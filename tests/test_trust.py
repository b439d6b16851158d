"""Data integrity: listing and removing documents and imports, backups, the same text in two formats."""

import json
import math
import os
import shutil
import sqlite3
import subprocess
import threading
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone

import docx
import pytest
from click.testing import CliRunner

from conftest import SEED_EN, SEED_FR, run_output as run
from crash_helpers import tmtool_args, write_memory
from tmtool import glossary as rules
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.formats.tabular import write_csv, write_tsv
from tmtool.model import Context, Entry, ReviewStatus, Term, Unit
from tmtool.store import DocumentRecord, open_store
from tmtool.store.sqlite.migrations import MIGRATIONS
from tmtool.text.normalize import normalize_for_match
from tmtool.transfer import import_file


def stats(db) -> dict[str, int]:
    return {line[:20].strip(): int(line[20:]) for line in run(db, "stats").splitlines()}


# ---- removing a document: as if it had never been ingested ------------------------------------


class Clock:
    """The store's idea of now, moved by hand: dates must be compared across two stores."""

    def __init__(self, monkeypatch):
        self.now = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)
        monkeypatch.setattr("tmtool.store.sqlite.db.utcnow", lambda: self.now)
        monkeypatch.setattr("tmtool.glossary.utcnow", lambda: self.now)

    def tick(self):
        self.now += timedelta(hours=1)


def proposal(fr, en, frequency, score, document):
    context = Context(f"Phrase sur {fr} dans {document}.", f"Sentence on {en} in {document}.", document,
                      f"{document}:1")
    return Entry(terms=[Term(fr, "fr"), Term(en, "en")], frequency=frequency, score=score, contexts=[context])


def ingest(store, document, proposals):
    """What ingest does with a document, its units and its extracted terms."""
    units = [Unit(f"Phrase sur un sujet de {document}.", f"Sentence on a subject of {document}.", "fr-FR",
                  "en-GB", tuid=f"{document}:1")]
    record = DocumentRecord(document, f"{document}.fr.txt", f"{document}.en.txt", document, document, "fr-FR", "en-GB")
    rules.merge_extracted(store, proposals, document, store.replace_document(record, units))


# documents a1, d and a2, ingested in that order: d counts an entry a1 found first, finds one that
# a2 finds again, finds two only it has, and counts an entry a person added
A1 = [proposal("pays partenaire", "partner country", 2, 0.5, "a1")]
D = [proposal("pays partenaire", "partner country", 3, 0.9, "d"),
     proposal("Comité militaire", "Military Committee", 1, 0.7, "d"),
     proposal("sécurité coopérative", "cooperative security", 1, 0.4, "d"),
     proposal("siège de l'OTAN", "NATO Headquarters", 2, 0.8, "d"),
     proposal("EMI", "IMS", 1, 0.6, "d")]
A2 = [proposal("Comité militaire", "Military Committee", 1, 0.3, "a2")]


def glossary(store) -> dict[str, tuple]:
    """Every entry by its French term, with all the store keeps about it but ids and change times."""
    counts = {}
    for text, document, frequency, seen, score in store._query(
            "SELECT t.text, d.document_id, d.frequency, d.seen, d.score FROM entry_documents d"
            " JOIN terms t ON t.entry_id = d.entry_id AND t.position = 0 ORDER BY d.document_id"):
        counts.setdefault(text, []).append((document, frequency, seen, score))
    return {
        e.terms[0].text: (e.status, e.frequency, e.score, e.first_seen, e.last_seen, [t.text for t in e.terms],
                          [(c.fr, c.document, c.unit) for c in e.contexts], counts.get(e.terms[0].text, []))
        for e in store.list_entries()
    }


def test_a_removed_document_is_as_if_it_had_never_been_ingested(tmp_path, monkeypatch):
    clock = Clock(monkeypatch)
    with open_store(tmp_path / "with.db", create=True) as store, open_store(tmp_path / "without.db", create=True) as reference:
        for target in (store, reference):
            rules.add_entry(target, Entry(terms=[Term("EMI", "fr"), Term("IMS", "en")]))  # by hand, a candidate
        clock.tick()
        ingest(store, "a1", A1)
        ingest(reference, "a1", A1)
        clock.tick()
        ingest(store, "d", D)
        clock.tick()
        ingest(store, "a2", A2)
        ingest(reference, "a2", A2)
        approved = next(int(e.id) for e in store.list_entries() if e.terms[0].text == "siège de l'OTAN")
        rules.set_status(store, approved, ReviewStatus.APPROVED)
        shown = glossary(store)
        # two documents found it, the best at 0.9, each with the same translation (see store/evidence.py)
        assert shown["pays partenaire"][2:5] == (round(0.9 * (1 + math.log(2)), 4), clock.now - timedelta(hours=2),
                                                 clock.now - timedelta(hours=1))
        assert shown["EMI"][1:3] == (1, 0.6)

        removal = rules.remove_documents(store, ["d"])

        assert (removal.units, removal.entries_removed, removal.entries_kept) == (1, 1, 4)
        after = glossary(store)
        kept = after.pop("siège de l'OTAN")  # reviewed: it stays, with nothing of the document left
        assert kept[:5] == (ReviewStatus.APPROVED, 0, 0.8, None, None) and kept[6:] == ([], [])
        assert after == glossary(reference)  # counts, dates, scores, contexts: as if never ingested
        assert "sécurité coopérative" not in after  # a candidate only that document had found
        assert [u.tuid for u in store.units()] == ["a1:1", "a2:1"]
        assert store.concordance("subject") and not store.concordance("d")  # the index forgot its units
        assert store.stats()["documents"] == 2


def test_removing_an_unknown_document_changes_nothing(tmp_path):
    with open_store(tmp_path / "t.db", create=True) as store:
        ingest(store, "a1", A1)
        before = glossary(store), store.stats()
        with pytest.raises(TmtoolError, match="^no document nope in the store$"):
            rules.remove_documents(store, ["a1", "nope"])
        assert (glossary(store), store.stats()) == before


def test_documents_listed_and_removed_through_the_cli(tmp_path):
    db = tmp_path / "t.db"
    fr, en = tmp_path / "meeting.fr.txt", tmp_path / "meeting.en.txt"
    shutil.copy(SEED_FR, fr)
    shutil.copy(SEED_EN, en)
    run(db, "ingest", fr, en)
    table = run(db, "documents").splitlines()
    assert table[0].split() == ["ID", "FILES", "LANGUAGES", "UNITS", "INGESTED", "REVISED"]
    assert table[1].split()[:6] == ["meeting", "meeting.fr.txt,", "meeting.en.txt", "fr-FR", "→", "en-GB"]
    assert table[1].split()[6] == "19" and table[1].index("19") + 2 == table[0].index("UNITS") + 5  # aligned
    assert len(table[1].split()) == 9  # its date and minute first ingested; never revised: nothing after
    listed = json.loads(run(db, "documents", "--json"))
    assert [(d["id"], d["fr_file"], d["units"]) for d in listed] == [("meeting", str(fr), 19)]
    # a revision keeps the first ingest's date and says when it came (stored to the second: one later)
    time.sleep(1.1)
    en.write_text(en.read_text(encoding="utf-8").replace("invaluable", "priceless"), encoding="utf-8")
    run(db, "ingest", fr, en)
    revised = json.loads(run(db, "documents", "--json"))[0]
    assert revised["updated"] > revised["ingested"]
    cells = run(db, "documents").splitlines()[1].split()
    assert len(cells) == 11 and cells[9:11] >= cells[7:9]  # revised: its date and minute, after the first ingest's

    entries = json.loads(run(db, "glossary", "list", "--json"))
    approved, rejected, edited = (e["id"] for e in entries[:3])
    run(db, "glossary", "approve", approved)
    run(db, "glossary", "reject", rejected)
    run(db, "glossary", "edit", edited, "--note", "checked")
    before = stats(db)

    failed = CliRunner().invoke(main, ["--db", str(db), "remove", "meeting", "nope"])
    assert (failed.exit_code, failed.output) == (1, "tmtool: error: no document nope in the store\n")
    assert stats(db) == before

    assert run(db, "remove", "meeting") == (
        f"1 document removed: 19 units, {before['entries'] - 3} candidate entries removed, 3 entries updated\n")
    after = stats(db)
    assert (after["documents"], after["units"], after["entries"], after["contexts"]) == (0, 0, 3, 0)
    statuses = {e["id"]: (e["status"], e["frequency"]) for e in json.loads(run(db, "glossary", "list", "--json"))}
    assert statuses == {approved: ("approved", 0), rejected: ("rejected", 0), edited: ("approved", 0)}  # an edit reviews
    assert "no documents ingested" in CliRunner().invoke(main, ["--db", str(db), "documents"]).output
    run(db, "tm", "concordance", "OTAN", code=1)


# ---- imports: recorded, listed, counted, taken out ---------------------------------------------


def test_imports_are_listed_counted_and_removed(tmp_path):
    db = tmp_path / "t.db"
    memory = write_memory(tmp_path / "memory.tmx", 5)
    terms = tmp_path / "terms.tsv"
    write_tsv([Entry(terms=[Term(fr, "fr"), Term(en, "en")]) for fr, en in
               (("pays partenaire", "partner country"), ("Comité militaire", "Military Committee"),
                ("siège", "headquarters"))], terms)
    run(db, "import", memory)
    assert (stats(db)["documents"], stats(db)["imports"]) == (0, 1)
    run(db, "import", memory)  # adds nothing: no import to list
    run(db, "import", terms)
    table = run(db, "imports").splitlines()
    assert [line.split()[:5] for line in table] == [["ID", "FILE", "FORMAT", "KIND", "COUNT"],
                                                    ["1", "memory.tmx", "tmx", "units", "5"],
                                                    ["2", "terms.tsv", "tsv", "entries", "3"]]
    listed = json.loads(run(db, "imports", "--json"))
    assert [(i["id"], i["path"], i["count"]) for i in listed] == [(1, str(memory), 5), (2, str(terms), 3)]
    assert all(i["imported"] for i in listed)

    reviewed = json.loads(run(db, "lookup", "siège", "--json"))[0]["id"]
    run(db, "glossary", "approve", reviewed)
    assert run(db, "remove", "--import", 1) == "import 1 (memory.tmx) removed: 5 units\n"
    assert run(db, "remove", "--import", 2) == "import 2 (terms.tsv) removed: 2 entries removed, 1 changed since kept\n"
    after = stats(db)
    assert (after["imports"], after["units"], after["entries"]) == (0, 0, 1)
    assert json.loads(run(db, "lookup", "siège", "--json"))[0]["status"] == "approved"
    failed = CliRunner().invoke(main, ["--db", str(db), "remove", "--import", "2"])
    assert (failed.exit_code, failed.output.count("\n")) == (1, 1) and "no import 2" in failed.output

    change = run(db, "glossary", "history").splitlines()[-1].split()[0]  # the removal is one change
    run(db, "glossary", "revert", change)
    assert stats(db)["entries"] == 3


def test_an_imported_entry_a_document_counts_stays(tmp_path):
    terms = tmp_path / "terms.tsv"
    write_tsv([Entry(terms=[Term("pays partenaire", "fr"), Term("partner country", "en")])], terms)
    with open_store(tmp_path / "t.db", create=True) as store:
        import_file(store, terms)
        ingest(store, "a1", A1)  # extraction finds the imported entry and counts it
        record, removal = rules.remove_import(store, 1)
        assert (record.path, removal.entries_removed, removal.entries_kept) == (str(terms), 0, 1)
        assert store.imports() == [] and store.list_entries()[0].frequency == 2


def test_a_document_removed_gives_an_imported_entry_back_its_own_dates_and_count(tmp_path, monkeypatch):
    # the count a termbase came with (frequency 7, its own documents') was left at 0 once the
    # documents that had counted the entry here were removed
    clock = Clock(monkeypatch)
    terms = tmp_path / "terms.csv"
    first, last = datetime(2020, 1, 2, tzinfo=timezone.utc), datetime(2021, 3, 4, tzinfo=timezone.utc)
    write_csv([Entry(terms=[Term("pays partenaire", "fr"), Term("partner country", "en")], score=0.2,
                     frequency=7, first_seen=first, last_seen=last)], terms)
    with open_store(tmp_path / "t.db", create=True) as store:
        import_file(store, terms)
        ingest(store, "a1", A1)
        assert (store.list_entries()[0].last_seen, store.list_entries()[0].frequency) == (clock.now, 2)  # a1's count
        rules.remove_documents(store, ["a1"])
        (entry,) = store.list_entries()
        assert (entry.frequency, entry.score, entry.first_seen, entry.last_seen) == (7, 0.2, first, last)


# ---- stores made before imports were recorded ---------------------------------------------------


def test_imports_made_before_they_were_recorded_are_found(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:6])
    with open_store(path, create=True) as old:  # rows as version 6 wrote them
        sql = old._conn.execute
        sql("INSERT INTO documents VALUES ('doc', 'doc.fr.txt', 'doc.en.txt', 'a', 'b', 'fr-FR', 'en-GB',"
            " '2024-01-01T00:00:00+00:00', '2024-02-01T00:00:00+00:00')")
        for n, (origin, document) in enumerate([("a.tmx", None), ("doc.fr.txt", "doc"), ("b.xlf", None),
                                                ("a.tmx", None)]):
            sql("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key, document_id, origin)"
                " VALUES (?, 'Unit.', 'fr-FR', 'en-GB', ?, ?, ?, ?)",
                (f"Unité {n}.", normalize_for_match(f"Unité {n}."), str(n), document, origin))
        for index in ("units_fts", "units_grams"):  # its indexes, as it indexed its units
            old._conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        for entry_id in (1, 2, 3):
            sql("INSERT INTO entries (id, created, updated) VALUES (?, '2024-03-01T00:00:00+00:00', '')", (entry_id,))
        sql("INSERT INTO entry_documents VALUES (3, 'doc', 2)")
        snapshot = json.dumps({"status": "candidate", "reviewed": False})
        sql("INSERT INTO changes (time, action, before, after) VALUES ('2024-03-01T00:00:00+00:00', 'import g.tbx',"
            " '{\"1\": null, \"2\": null}', ?)", (f'{{"1": {snapshot}, "2": {snapshot}}}',))
        sql("INSERT INTO changes (time, action, before, after) VALUES"
            " ('2024-03-02T00:00:00+00:00', 'import x.tbx', '{\"9\": null}', ?)", (f'{{"9": {snapshot}}}',))
        sql("INSERT INTO changes (time, action, before, after) VALUES"
            " ('2024-03-03T00:00:00+00:00', 'revert 2', ?, '{\"9\": null}')", (f'{{"9": {snapshot}}}',))
        sql("UPDATE changes SET reverted_by = 3 WHERE id = 2")
    monkeypatch.undo()

    with open_store(path, create=True) as store:
        assert [(i.id, i.path, i.format, i.kind, i.count, i.imported) for i in store.imports()] == [
            (1, "a.tmx", "tmx", "units", 2, None), (2, "b.xlf", "xliff", "units", 1, None),
            (3, "g.tbx", "tbx", "entries", 2, "2024-03-01T00:00:00+00:00")]
        assert store._query("SELECT seen FROM entry_documents") == [("2024-02-01T00:00:00+00:00",)]
        assert rules.remove_import(store, 1)[1].units == 2
        assert sorted(u.source for u in store.units()) == ["Unité 1.", "Unité 2."]
        assert rules.remove_import(store, 3)[1].entries_removed == 2
        assert [int(e.id) for e in store.list_entries()] == [3]


# ---- ingest: the same text in another file format, or under another id -------------------------


def write_docx(path, paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)


def test_the_same_text_from_a_docx_or_under_another_id_is_not_stored_twice(tmp_path):
    db = tmp_path / "t.db"
    fr, en = tmp_path / "meeting.fr.txt", tmp_path / "meeting.en.txt"
    shutil.copy(SEED_FR, fr)
    shutil.copy(SEED_EN, en)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for lang, text in (("fr", SEED_FR), ("en", SEED_EN)):
        write_docx(inbox / f"meeting-docx.{lang}.docx",
                   [line for line in text.read_text(encoding="utf-8").splitlines() if line.strip()])
    run(db, "ingest", fr, en, "--no-terms")
    before = stats(db)

    assert run(db, "ingest", inbox / "meeting-docx.fr.docx", inbox / "meeting-docx.en.docx", "--no-terms") == (
        "meeting-docx: same text as document meeting, already stored, nothing changed\n")
    assert run(db, "ingest", fr, en, "--doc-id", "other", "--no-terms") == (
        "other: same text as document meeting, already stored, nothing changed\n")
    assert run(db, "ingest", inbox / "meeting-docx.fr.docx", inbox / "meeting-docx.en.docx", "--doc-id", "meeting",
               "--no-terms") == "meeting: already stored, nothing changed\n"
    assert "already stored: meeting-docx (same text as document meeting)" in run(db, "ingest", "--dir", inbox,
                                                                                 "--no-terms")
    assert stats(db) == before


# ---- backup ------------------------------------------------------------------------------------


def units_in(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for index in ("units_fts", "units_grams"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        return conn.execute("SELECT count(*) FROM units").fetchone()[0]


def test_backup_while_another_connection_holds_a_write_transaction(tmp_path):
    db = tmp_path / "t.db"
    run(db, "import", write_memory(tmp_path / "memory.tmx", 50))
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM units WHERE id <= 20")  # not committed: the backup must not see it
    try:
        done = subprocess.run(tmtool_args(db, "backup", tmp_path / "copy.db"), capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert units_in(tmp_path / "copy.db") == 50
    assert stats(tmp_path / "copy.db") == stats(db)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".copy.db")] == []


def test_backups_taken_while_documents_are_written_are_each_one_consistent_moment(tmp_path):
    db = tmp_path / "t.db"
    per_document = 7
    open_store(db, create=True).close()
    stop = threading.Event()

    def write():
        with open_store(db, create=True) as store:
            n = 0
            while not stop.is_set():
                units = [Unit(f"Phrase {n}-{k}.", f"Sentence {n}-{k}.", "fr-FR", "en-GB") for k in range(per_document)]
                store.replace_document(DocumentRecord(f"d{n}", "f", "e", str(n), str(n), "fr-FR", "en-GB"), units)
                n += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        with open_store(db, create=True) as store:
            copies = []  # documents in each copy
            while len([n for n in copies if n]) < 5:
                copy = tmp_path / "copy.db"
                store.backup(copy)  # an earlier backup there is replaced
                total = units_in(copy)
                with closing(sqlite3.connect(copy)) as conn:
                    copies.append(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
                    per = set(conn.execute("SELECT count(*) FROM units GROUP BY document_id").fetchall())
                assert total == copies[-1] * per_document and per <= {(per_document,)}
    finally:
        stop.set()
        thread.join()
    assert len(set(copies)) > 1  # the writer did write between backups



def test_a_backup_is_written_to_a_sqlite_url_s_file_and_never_to_a_server_s_store(tmp_path, monkeypatch):
    """``backup sqlite:///bk.db`` looked for a folder "sqlite:"; ``backup postgresql://ana:PASSWORD@db/tm`` said
    "cannot write postgresql:/ana:PASSWORD@db/tm", and ``backup "host=db password=PASSWORD"`` wrote a file of that
    name, password and all. A sqlite:/// URL is its file; a server's store is refused, its password masked."""
    monkeypatch.chdir(tmp_path)
    run("t.db", "import", write_memory(tmp_path / "memory.tmx", 3))
    done = CliRunner().invoke(main, ["--db", "t.db", "backup", "sqlite:///my%20backup.db"])
    assert done.exit_code == 0 and units_in(tmp_path / "my backup.db") == 3
    for server, shown in (("postgresql://ana:s3cret@db.example.org/tm", "postgresql://ana:***@db.example.org/tm"),
                          ("host=db.example.org dbname=tm password=s3cret", "host=db.example.org dbname=tm password=***")):
        refused = CliRunner().invoke(main, ["--db", "t.db", "backup", server])
        assert (refused.exit_code, refused.output) == (1, f"tmtool: error: {shown}: is a server's store, not a file: a"
                                                          " backup is a SQLite file (tmtool db copy copies a store into a"
                                                          " server's)\n")
    for empty in ("", " "):  # backup "$FILE", the variable unset: ".: is a directory", or a file " " written
        refused = CliRunner().invoke(main, ["--db", "t.db", "backup", empty])
        assert (refused.exit_code, refused.output) == (1, "tmtool: error: the backup's file name is empty\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.tmx", "my backup.db", "t.db"]

def test_backup_refuses_the_store_itself_and_keeps_the_old_copy_on_failure(tmp_path):
    db = tmp_path / "t.db"
    run(db, "import", write_memory(tmp_path / "memory.tmx", 3))
    alias = tmp_path / "alias.db"
    os.link(db, alias)
    for target in (db, alias):
        failed = CliRunner().invoke(main, ["--db", str(db), "backup", str(target)])
        assert failed.exit_code == 1 and failed.output.count("\n") == 1 and "the store itself" in failed.output
    assert units_in(db) == 3

    old = tmp_path / "copy.db"
    old.write_bytes(b"yesterday's backup")
    with open_store(db, create=True) as store:
        store._connection, conn = _FailingBackup(), store._connection  # behind the checked _conn
        try:
            with pytest.raises(sqlite3.OperationalError, match="disk full"):
                store.backup(old)
        finally:
            store._connection = conn
    assert old.read_bytes() == b"yesterday's backup"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".copy.db")]  # no temporary file left

    in_use = tmp_path / "other.db"
    open_store(in_use, create=True).close()
    (tmp_path / "other.db-wal").write_bytes(b"")
    failed = CliRunner().invoke(main, ["--db", str(db), "backup", str(in_use)])
    assert failed.exit_code == 1 and "in use as a store" in failed.output
    missing = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "backup", str(tmp_path / "b.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output and not (tmp_path / "none.db").exists()


class _FailingBackup:
    def backup(self, target, **options):
        raise sqlite3.OperationalError("disk full")


def test_every_new_command_has_help_with_an_example(tmp_path):
    for command in ("documents", "imports", "remove", "backup"):
        assert "Example" in run(tmp_path / "t.db", command, "--help"), command
    failed = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "remove"])
    assert failed.exit_code == 2 and failed.output.startswith("tmtool: error: give DOC_ID")
