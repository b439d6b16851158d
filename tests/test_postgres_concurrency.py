"""What a team does to one PostgreSQL store at once, from many processes: ingests, imports, look-ups,
searches and review. Nothing may be lost, nobody may see a deadlock or a serialization failure,
and of two reviewers editing one entry the second is told (Conflict), never overwritten."""

from __future__ import annotations

import multiprocessing
import subprocess

import psycopg
import pytest

from conftest import REPO, SEED_EN, SEED_FR, SHARED
from crash_helpers import run_tmtool, start_tmtool, write_memory
from tmtool import glossary
from tmtool.errors import Conflict
from tmtool.store import open_store

C_IED = SHARED / "data" / "terms" / "c-ied-centre-of-excellence"
TMX_UNITS = 2000
FAILURES = ("deadlock", "could not serialize", "Traceback", "locked")


def _units(url: str, where: str = "") -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT count(*) FROM units {where}").fetchone()[0]


def finish(process: subprocess.Popen) -> None:
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    assert not any(failure in stderr for failure in FAILURES), stderr


def test_ingests_imports_reviews_and_readers_at_once(pg_url, tmp_path):
    memory = write_memory(tmp_path / "memory.tmx", TMX_UNITS)
    # every writer starts on a database with no store yet: they also race to create the schema
    writers = [start_tmtool(pg_url, "ingest", SEED_FR, SEED_EN, "--no-terms"),
               start_tmtool(pg_url, "ingest", C_IED / f"{C_IED.name}.fr.txt", C_IED / f"{C_IED.name}.en.txt",
                            "--no-terms"),
               start_tmtool(pg_url, "import", memory),
               start_tmtool(pg_url, "import", REPO / "glossaries" / "nato-seeds.tbx")]
    readers = 0
    while any(process.poll() is None for process in writers):
        for args in (("tm", "search", "la réunion des partenaires"), ("lookup", "OTAN"), ("stats",),
                     ("glossary", "approve", "1", "2", "3")):
            done = run_tmtool(pg_url, *args, check=False)
            # 1: no match yet, or no store or entry yet — an answer, not a failure
            assert done.returncode in (0, 1, 2), done.stderr
            assert not any(failure in done.stderr for failure in FAILURES), done.stderr
            readers += 1
    for process in writers:
        finish(process)
    assert readers >= 4
    alone = tmp_path / "alone.db"  # each document ingested alone: what the shared store must hold of it
    run_tmtool(alone, "ingest", SEED_FR, SEED_EN, "--no-terms")
    run_tmtool(alone, "ingest", C_IED / f"{C_IED.name}.fr.txt", C_IED / f"{C_IED.name}.en.txt", "--no-terms")
    run_tmtool(alone, "import", REPO / "glossaries" / "nato-seeds.tbx")
    with open_store(alone) as store:
        ingested, glossary_entries = store.stats()["units"], store.stats()["entries"]
    assert _units(pg_url, "WHERE document_id IS NOT NULL") == ingested
    assert _units(pg_url, "WHERE document_id IS NULL") == TMX_UNITS
    with open_store(pg_url) as store:
        assert store.stats()["entries"] == glossary_entries  # the NATO seed glossary, whole


def _reviewer(url: str, entry_id: int, version: int, note: str, barrier, results) -> None:
    with open_store(url) as store:
        barrier.wait()  # both have read the entry at the same version
        try:
            glossary.update_entry(store, entry_id, "edit", lambda e: setattr(e, "note", note),
                                  expected_version=version, user=note)
            results.put("saved")
        except Conflict as exc:
            results.put(f"conflict: {exc}")


@pytest.mark.parametrize("rounds", [5])
def test_two_reviewers_editing_one_entry_the_second_gets_a_conflict(pg_url, rounds):
    with open_store(pg_url, create=True) as store:
        entry_id = glossary.add_entry(store, glossary.new_entry(["comité militaire"], ["military committee"]))
    context = multiprocessing.get_context("fork")
    for round_ in range(rounds):
        with open_store(pg_url) as store:
            version = store.entries([entry_id])[entry_id].version
        barrier, results = context.Barrier(2), context.Queue()
        # a note of each round's own: one the entry holds already would be no edit, and no conflict
        reviewers = [context.Process(target=_reviewer, args=(pg_url, entry_id, version, f"{name} {round_}", barrier,
                                                             results))
                     for name in ("ana", "ben")]
        for reviewer in reviewers:
            reviewer.start()
        for reviewer in reviewers:
            reviewer.join(timeout=60)
        outcomes = sorted(results.get(timeout=5) for _ in reviewers)
        assert outcomes[1] == "saved"
        assert outcomes[0].startswith(f"conflict: entry {entry_id} was changed by someone else"), outcomes
    with open_store(pg_url) as store:
        edits = [change for change in store.history(entry_id) if change.action == "edit"]
        assert len(edits) == rounds and {change.user.split()[0] for change in edits} <= {"ana", "ben"}
        assert store.entries([entry_id])[entry_id].note == edits[-1].user  # the saved edit, whole
