"""`tmtool db copy` moves a whole store between SQLite and PostgreSQL with nothing lost (the
canonical dumps of both compare equal, both ways); `tmtool db check` reports what is wrong; the
PostgreSQL commands take SQL-looking input as data and never print a password."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import REPO, SEED_EN, SEED_FR
from crash_helpers import run_tmtool, write_memory
from tmtool.formats.tmx import write_tmx
from tmtool.model import Unit, Variant
from tmtool.store import open_store
from tmtool.store.copy import canonical_dump, copy_between

HOSTILE = "x'); DROP TABLE units; --"


@pytest.fixture(scope="module")
def populated(tmp_path_factory):
    """An SQLite store holding every kind of row: an ingested document with its extracted terms
    (contexts, per-document counts, equivalents' support), imported units with variants, an
    imported glossary, review decisions with their history and a revert."""
    folder = tmp_path_factory.mktemp("populated")
    db = folder / "team.db"
    trilingual = folder / "trilingual.tmx"
    write_tmx([Unit("Le comité se réunit.", "The committee meets.", "fr-FR", "en-GB", tuid="t1",
                    variants=[Variant("de-DE", "Der Ausschuss tagt.")])], trilingual, srclang="fr-FR")
    run_tmtool(db, "ingest", SEED_FR, SEED_EN)
    run_tmtool(db, "import", write_memory(folder / "memory.tmx", 300))
    run_tmtool(db, "import", trilingual)
    run_tmtool(db, "import", REPO / "glossaries" / "nato-seeds.tbx")
    # reverted before the review below: the import also gave the seed's review to the entries extracted
    # from the same seed (entry 3 among them), which a later edit would keep from being reverted
    run_tmtool(db, "glossary", "revert", "1")
    run_tmtool(db, "glossary", "approve", "1", "2")
    run_tmtool(db, "glossary", "edit", "3", "--note", "vu en réunion")
    return db


def dump(url) -> list[str]:
    with open_store(str(url)) as store:
        return list(canonical_dump(store))


def test_a_store_copied_to_postgresql_and_back_loses_nothing(populated, pg_url, tmp_path):
    original = dump(populated)
    assert len(original) > 500 and {line.split('"')[1] for line in original} >= {
        "documents", "units", "unit_variants", "entries", "terms", "contexts", "entry_documents",
        "entry_equivalents", "candidate_documents", "changes", "imports", "lookup_keys"}
    copied = run_tmtool(populated, "db", "copy", populated, pg_url)
    assert copied.stdout.startswith("copied 1 document, ") and " to postgresql://" in copied.stdout
    assert dump(pg_url) == original
    back = tmp_path / "back.db"
    run_tmtool(back, "db", "copy", pg_url, back)
    assert dump(back) == original
    # and each answers as the original does, in the same order, its search indexes rebuilt
    for args in (("lookup", "OTAN"), ("glossary", "list"), ("glossary", "history"),
                 ("tm", "concordance", "partenaires", "--limit", "1000"),
                 ("tm", "search", "Les partenaires de l’OTAN sont un atout inestimable pour notre sécurité et notre"
                  " Alliance, souligne le directeur", "--limit", "1")):
        answers = {store: run_tmtool(store, *args).stdout for store in (populated, pg_url, back)}
        assert answers[back] == answers[pg_url] == answers[populated], args
    # new rows take ids above the copied ones
    for store in (pg_url, back):
        assert run_tmtool(store, "glossary", "add", "terme nouveau", "new term").stdout
        assert run_tmtool(store, "import", write_memory(tmp_path / "more.tmx", 320)).returncode == 0


def test_a_postgresql_store_backs_up_to_an_sqlite_file(populated, pg_url, tmp_path):
    run_tmtool(populated, "db", "copy", populated, pg_url)
    run_tmtool(tmp_path / "backup.db", "glossary", "add", "opération ancienne", "old operation")  # an older backup
    run_tmtool(pg_url, "backup", tmp_path / "backup.db")
    assert dump(tmp_path / "backup.db") == dump(populated)


def test_a_copy_into_a_store_holding_data_is_refused(populated, pg_url):
    run_tmtool(populated, "db", "copy", populated, pg_url)
    before = dump(pg_url)
    again = run_tmtool(populated, "db", "copy", populated, pg_url, check=False)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert again.stderr.startswith("tmtool: error: postgresql://") and "not empty" in again.stderr
    assert dump(pg_url) == before


def test_check_finds_nothing_wrong_in_a_sound_store_and_names_what_is(populated, pg_url, tmp_path):
    run_tmtool(populated, "db", "copy", populated, pg_url)
    for store in (populated, pg_url):
        assert run_tmtool(store, "db", "check").stdout.endswith("no problem found\n")
    broken = tmp_path / "broken.db"
    run_tmtool(broken, "db", "copy", populated, broken)
    with sqlite3.connect(broken) as conn:
        term_id, entry_id = conn.execute("SELECT id, entry_id FROM terms ORDER BY id LIMIT 1").fetchone()
        conn.execute("DELETE FROM lookup_keys WHERE term_id = ?", (term_id,))
        conn.execute("UPDATE changes SET after = 'not json' WHERE id = 1")
    checked = run_tmtool(broken, "db", "check", check=False)
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert lines[0] == f"term {term_id} of entry {entry_id} has no look-up key"
    assert lines[1].startswith("look-up keys not current for 1 term (") and f"e.g. term {term_id} of entry {entry_id}" \
        in lines[1] and " 0 stale)" in lines[1]
    assert lines[2:] == ["change 1 does not hold entry snapshots"]
    assert checked.stderr == f"tmtool: error: {broken}: 3 problems found\n"


def test_passwords_are_never_printed(populated, pg_server):
    secret = "postgresql://ana:s3cret-pw@127.0.0.1:1/team?connect_timeout=3"
    for args in (("db", "copy", populated, secret), ("db", "copy", secret, populated)):
        failed = run_tmtool(populated, *args, check=False)
        assert failed.returncode != 0 and "s3cret" not in failed.stderr + failed.stdout, failed.stderr
        assert "ana:***@127.0.0.1" in failed.stderr
    failed = run_tmtool(secret, "stats", check=False)
    assert failed.returncode != 0 and "s3cret" not in failed.stderr and "ana:***@" in failed.stderr


def test_sql_looking_terms_and_file_names_are_data(pg_url, tmp_path):
    memory = write_memory(tmp_path / f"{HOSTILE}.tmx", 20)
    run_tmtool(pg_url, "import", memory)
    run_tmtool(pg_url, "glossary", "add", HOSTILE, "'; DELETE FROM entries; --")
    run_tmtool(pg_url, "glossary", "edit", "1", "--note", "%s %(x)s $1 \\")
    for args in (("lookup", HOSTILE), ("lookup", "' OR '1'='1"), ("tm", "concordance", HOSTILE),
                 ("tm", "search", f"{HOSTILE} {HOSTILE}"), ("glossary", "list"), ("imports",),
                 ("remove", f"{HOSTILE}"), ("glossary", "show", "1")):
        done = run_tmtool(pg_url, *args, check=False)
        assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr, (args, done.stderr)
    with open_store(pg_url) as store:
        assert store.stats()["units"] == 20 and store.stats()["entries"] == 1
        assert store.entries([1])[1].terms[0].text == HOSTILE and store.entries([1])[1].note == "%s %(x)s $1 \\"
        assert [record.path for record in store.imports()] == [str(memory)]


def second_database(pg_url: str) -> str:
    """Another new, empty database beside ``pg_url``'s on the test server."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(pg_url)
    name = parts.path.lstrip("/")[:55] + "_2"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name))


def import_units(store, name: str, texts: list[str]) -> int:
    with store.transaction():
        import_id = store.new_import(name, "tmx", "units")
        added, *_ = store.add_units([Unit(f"{text}.", f"{text} (en).", "fr-FR", "en-GB") for text in texts], name,
                                    import_id)
        store.finish_import(import_id, added)
    return import_id


def ingest_document(store, name: str, term: str) -> tuple[int, int]:
    """A document of one sentence naming ``term``, extracted: (its unit's id, the entry of its term)."""
    from tmtool import glossary
    from tmtool.model import Context, Entry, Term
    from tmtool.store import DocumentRecord

    record = DocumentRecord(name, f"{name}.fr.txt", f"{name}.en.txt", name, name, "fr-FR", "en-GB")
    unit = Unit(f"Une phrase sur {term}.", f"A sentence on {term} (en).", "fr-FR", "en-GB", tuid=f"{name}:1")
    proposal = Entry(terms=[Term(term, "fr"), Term(f"{term} (en)", "en", confidence=0.9)], frequency=1, score=0.8,
                     contexts=[Context(unit.source, unit.target, name, unit.tuid)])
    unit_ids, *_ = glossary.save_document(store, record, [unit], [proposal])
    return unit_ids[unit.tuid], next(int(e.id) for e in store.list_entries() if e.terms[0].text == term)


@pytest.mark.parametrize("backends", ["sqlite-sqlite", "sqlite-postgresql", "postgresql-sqlite",
                                      "postgresql-postgresql"])
def test_a_copy_never_gives_an_id_the_source_retired(backends, request, tmp_path):
    # a copy numbered new units, imports and entries from the highest id it copied: a unit, an import or an entry
    # the source had removed gave its id to a new one, which a reviewer's page or the history naming it then reached
    from tmtool import glossary

    kinds = backends.split("-")
    urls = [str(tmp_path / f"{n}.db") if kind == "sqlite" else None for n, kind in enumerate(kinds)]
    if "postgresql" in kinds:
        pg = request.getfixturevalue("pg_url")
        urls = [url or (pg if n == kinds.index("postgresql") else second_database(pg)) for n, url in enumerate(urls)]
    with open_store(urls[0], create=True) as store:
        kept = glossary.add_entry(store, glossary.new_entry(["état-major"], ["staff"]))
        assert import_units(store, "memoire.tmx", ["Premier", "Deuxième"]) == 1
        assert ingest_document(store, "a", "prise de décision") == (3, 2)
        assert import_units(store, "autre.tmx", ["Troisième"]) == 2
        glossary.remove_import(store, 2)
        glossary.remove_documents(store, ["a"])  # unit 3 and entry 2 go, no change recorded
        assert (store.unit_count(), [int(e.id) for e in store.list_entries()]) == (2, [kept])
    copy_between(urls[0], urls[1])
    with open_store(urls[1]) as copy:
        assert ingest_document(copy, "b", "processus décisionnel") == (5, 3)
        assert import_units(copy, "encore.tmx", ["Quatrième"]) == 3
        assert glossary.add_entry(copy, glossary.new_entry(["comité"], ["committee"])) == 4


def test_a_copy_from_a_store_that_is_not_there_names_the_argument_to_check(tmp_path):
    # `tmtool db copy tmtool.bd backup.db` (a typo in SOURCE) said "no such store (check --db or $TMTOOL_DB)": neither
    # was given; SOURCE was
    from click.testing import CliRunner

    from tmtool.cli import main

    missing = tmp_path / "tmtool.bd"
    result = CliRunner().invoke(main, ["db", "copy", str(missing), str(tmp_path / "backup.db")])
    assert (result.exit_code, result.output) == (2, f"tmtool: error: {missing}: no such store (check SOURCE)\n")
    assert not (tmp_path / "backup.db").exists()
