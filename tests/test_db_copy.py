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
from tmtool.store.copy import canonical_dump

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
    (tmp_path / "backup.db").write_text("an older backup, replaced whole")
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
