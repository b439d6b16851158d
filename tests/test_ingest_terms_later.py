"""A pair stored without terms (``ingest --no-terms``) gets them when it is ingested again with terms:
its units stay as stored, the glossary gains what a first ingest with terms gives; on both backends,
through the command line, an inbox and the workbench; stores made before are brought forward."""

import json
import re
import shutil
import sqlite3
from tmtool.ingest import extraction_release

from click.testing import CliRunner
from workbench import client

from conftest import SEED_EN, SEED_FR, SHARED
from tmtool import corrections
from tmtool.cli import main
from tmtool.store import open_store
from tmtool.store.copy import check_store

SEED = "2021-07-13-partners-meeting"
SMALL = SHARED / "data" / "terms" / "defence-ministers-cyber" / "defence-ministers-cyber"
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?")


def tmtool(db, *args):
    result = CliRunner().invoke(main, ["--db", db, *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


def glossary(db, tmp_path) -> tuple[str, str]:
    """The glossary as a person reads it and as it is exported, the times of day aside."""
    listed = tmtool(db, "glossary", "list", "--json")
    exported = tmp_path / "g.tbx"
    tmtool(db, "export", "tbx", "--status", "all", "-o", exported)
    return _TIME.sub("T", listed), _TIME.sub("T", exported.read_text(encoding="utf-8"))


def citations(db) -> list[tuple[str, str | None]]:
    """Each context's unit as it names it, and the tuid of the stored unit it is linked to."""
    with open_store(db) as store:
        return store._query("SELECT c.unit, u.tuid FROM contexts c LEFT JOIN units u ON u.id = c.unit_id ORDER BY c.id")


def units(db):
    with open_store(db) as store:
        return [(u.id, u.unit.tuid, u.unit.source, u.unit.target, u.excluded) for u in store.document_units(SEED)]


def test_a_pair_stored_without_terms_gets_those_a_first_ingest_gives(store_url, tmp_path):
    tmtool(store_url, "ingest", "--no-terms", SEED_FR, SEED_EN)
    aligned = units(store_url)
    assert tmtool(store_url, "ingest", "--no-terms", SEED_FR, SEED_EN) == f"{SEED}: already stored, nothing changed\n"
    with open_store(store_url) as store:
        assert store.stats()["entries"] == 0 and store.document(SEED).terms is None

    said = tmtool(store_url, "ingest", SEED_FR, SEED_EN)
    with open_store(store_url) as store:
        entries = store.stats()["entries"]
        assert entries > 0 and store.document(SEED).terms  # the release that extracted them
        assert check_store(store) == []
    assert said == f"{SEED}: already stored, terms extracted: {entries} new entries, 0 updated entries\n"
    assert units(store_url) == aligned  # neither aligned again nor doubled
    extracted = glossary(store_url, tmp_path)

    fresh = str(tmp_path / "fresh.db")  # the pair ingested with its terms at once
    tmtool(fresh, "ingest", SEED_FR, SEED_EN)
    assert extracted == glossary(fresh, tmp_path)
    assert citations(store_url) == citations(fresh) and all(tuid for _, tuid in citations(fresh))

    # with its terms now, it is a pair stored: ingested again, with or without terms, nothing changes
    assert tmtool(store_url, "ingest", SEED_FR, SEED_EN) == f"{SEED}: already stored, nothing changed\n"
    assert tmtool(store_url, "ingest", "--no-terms", SEED_FR, SEED_EN) == f"{SEED}: already stored, nothing changed\n"
    assert glossary(store_url, tmp_path) == extracted and units(store_url) == aligned


def test_a_reviewers_corrections_stay_and_are_still_replayed(store_url, tmp_path):
    tmtool(store_url, "ingest", "--no-terms", SEED_FR, SEED_EN)
    with open_store(store_url) as store:
        first, second = store.document_units(SEED)[:2]
        corrections.merge_units(store, SEED, first.id)
        corrected = [(u.unit.source, u.unit.target) for u in store.document_units(SEED)]
    ids = units(store_url)

    assert "terms extracted" in tmtool(store_url, "ingest", SEED_FR, SEED_EN)
    assert units(store_url) == ids
    with open_store(store_url) as store:
        assert store.stats()["entries"] > 0 and check_store(store) == []
        assert len(store.unit_edits(SEED)) == 1
    # a context cites the unit of its sentences as stored; the reviewer's, made of two, by its sentences only
    merged = (f"{SEED}:1", f"{SEED}:2")
    cited = citations(store_url)
    assert {tuid for _, tuid in cited if tuid} - set(merged)
    assert all(tuid == unit or unit in merged and tuid is None for unit, tuid in cited)

    # a revised version replaces the units and the correction is made again on them
    revised_fr, revised_en = tmp_path / f"{SEED}.fr.txt", tmp_path / f"{SEED}.en.txt"
    revised_fr.write_text(SEED_FR.read_text(encoding="utf-8") + "\nLa séance est levée.\n", encoding="utf-8")
    revised_en.write_text(SEED_EN.read_text(encoding="utf-8") + "\nThe meeting is closed.\n", encoding="utf-8")
    tmtool(store_url, "ingest", revised_fr, revised_en)
    with open_store(store_url) as store:
        assert [(u.unit.source, u.unit.target) for u in store.document_units(SEED)][:len(corrected)] == corrected


def test_an_inbox_extracts_the_terms_of_its_pairs_stored_without(store_url, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_FR, inbox / SEED_FR.name)
    shutil.copy(SEED_EN, inbox / SEED_EN.name)
    tmtool(store_url, "ingest", "--no-terms", "--dir", inbox)
    shutil.copy(f"{SMALL}.fr.txt", inbox / "cyber.fr.txt")
    shutil.copy(f"{SMALL}.en.txt", inbox / "cyber.en.txt")

    said = tmtool(store_url, "ingest", "--dir", inbox).splitlines()
    assert said[0] == f"already stored: {SEED} (terms extracted)"
    assert re.fullmatch(r"1 document ingested, 1 already stored \(terms extracted for 1 document already stored\),"
                        r" 0 failed; \d+ new units?, \d+ new entr(?:y|ies), \d+ updated entr(?:y|ies)", said[1]), said
    listed = {d["id"]: d["terms"] for d in json.loads(tmtool(store_url, "documents", "--json"))}
    assert listed == {SEED: extraction_release(), "cyber": extraction_release()}
    again = tmtool(store_url, "ingest", "--dir", inbox).splitlines()
    assert again[1] == ("0 documents ingested, 2 already stored, 0 failed; "
                        "0 new units, 0 new entries, 0 updated entries")


def test_an_upload_extracts_the_terms_of_a_pair_stored_without(tmp_path):
    db = str(tmp_path / "t.db")
    tmtool(db, "ingest", "--no-terms", SEED_FR, SEED_EN)
    http, headers = client(db)
    files = {"fr_file": (SEED_FR.name, SEED_FR.read_bytes()), "en_file": (SEED_EN.name, SEED_EN.read_bytes())}
    uploaded = http.post("/api/ingest", files=files, headers=headers)
    assert uploaded.status_code == 200, uploaded.text
    done = uploaded.json()
    assert (done["held_by"], done["terms_extracted"], done["units"]) == (SEED, True, 0) and done["new_entries"] > 0
    again = http.post("/api/ingest", files=files, headers=headers).json()
    assert (again["held_by"], again["terms_extracted"], again["new_entries"]) == (SEED, False, 0)


def _as_before_terms_were_recorded(url):
    """The store as the release before terms were recorded left it (schema 17 on SQLite, 8 on PostgreSQL): no
    record of which documents' terms were extracted, nor the index of the units' other languages nor
    the entry id floor that came later."""
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP INDEX unit_variants_words")
            conn.execute("ALTER TABLE documents DROP COLUMN terms")
            conn.execute("UPDATE tmtool_schema SET version = 8")
    else:
        with sqlite3.connect(url) as conn:
            for statement in ("DROP TRIGGER entries_id_floor", "DROP TABLE entry_id_floor",
                              "DROP TRIGGER unit_variants_ai", "DROP TRIGGER unit_variants_ad",
                              "DROP TABLE unit_variants_fts", "ALTER TABLE documents DROP COLUMN terms",
                              "PRAGMA user_version = 17"):
                conn.execute(statement)
        conn.close()


def test_a_store_made_before_knows_which_documents_had_their_terms_extracted(store_url, tmp_path):
    tmtool(store_url, "ingest", f"{SMALL}.fr.txt", f"{SMALL}.en.txt", "--doc-id", "cyber")
    tmtool(store_url, "ingest", "--no-terms", SEED_FR, SEED_EN)
    _as_before_terms_were_recorded(store_url)
    with open_store(store_url) as store:
        # evidence cites the one: extracted, by a release that did not say; nothing cites the other
        assert (store.document("cyber").terms, store.document(SEED).terms) == ("unrecorded", None)
        before = store.stats()
    assert tmtool(store_url, "ingest", f"{SMALL}.fr.txt", f"{SMALL}.en.txt", "--doc-id", "cyber") == \
        "cyber: already stored, nothing changed\n"
    with open_store(store_url) as store:
        assert store.stats() == before
    assert "already stored, terms extracted: " in tmtool(store_url, "ingest", SEED_FR, SEED_EN)


def test_an_english_original_stored_without_terms_gets_them_given_either_way_round(tmp_path):
    stored, fresh = str(tmp_path / "stored.db"), str(tmp_path / "fresh.db")
    tmtool(stored, "ingest", "--no-terms", f"{SMALL}.en.txt", f"{SMALL}.fr.txt", "--srclang", "en", "--tgtlang", "fr")
    assert "already stored, terms extracted" in tmtool(stored, "ingest", f"{SMALL}.fr.txt", f"{SMALL}.en.txt")
    tmtool(fresh, "ingest", f"{SMALL}.en.txt", f"{SMALL}.fr.txt", "--srclang", "en", "--tgtlang", "fr")
    assert glossary(stored, tmp_path) == glossary(fresh, tmp_path)
    assert citations(stored) == citations(fresh) and all(tuid for _, tuid in citations(stored))
