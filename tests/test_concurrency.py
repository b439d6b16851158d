"""Several tmtool processes on one store at once: ingests and an import racing for the write lock
(on a store none of them has created yet), and read-only commands running throughout.

Nothing may be lost, no command may fail with "database is locked", and a reader must only ever
see whole documents and whole files.
"""

from __future__ import annotations

import subprocess
import time
from itertools import combinations

import pytest

from conftest import SEED_EN, SEED_FR, SHARED
from crash_helpers import (
    count,
    integrity_problems,
    run_tmtool,
    start_tmtool,
    write_memory,
)

TERMS_DATA = SHARED / "data" / "terms"
PAIRS = {
    "2021-07-13-partners-meeting": (SEED_FR, SEED_EN),
    **{
        name: (TERMS_DATA / name / f"{name}.fr.txt", TERMS_DATA / name / f"{name}.en.txt")
        for name in ("c-ied-centre-of-excellence", "defence-ministers-cyber")
    },
}
TMX_UNITS = 2000


def finish(process: subprocess.Popen) -> str:
    """Wait for a process; fail with its stderr unless it succeeded."""
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "locked" not in stderr
    return stderr


def unit_counts(db) -> dict[str, int]:
    return {name: count(db, "SELECT count(*) FROM units WHERE document_id = ?", (name,)) for name in PAIRS}


@pytest.fixture(scope="module")
def sequential(tmp_path_factory):
    """Each document ingested alone into its own store: what a concurrent run must hold of it."""
    folder = tmp_path_factory.mktemp("sequential")
    units = {}
    for name, (fr, en) in PAIRS.items():
        run_tmtool(folder / f"{name}.db", "ingest", fr, en, "--no-terms")
        units[name] = count(folder / f"{name}.db", "SELECT count(*) FROM units")
    return units


def test_ingests_and_an_import_at_once_with_readers_throughout(tmp_path, sequential):
    db = tmp_path / "shared.db"  # not created yet: the first writers also race to create the schema
    memory = write_memory(tmp_path / "memory.tmx", TMX_UNITS)
    writers = [start_tmtool(db, "ingest", fr, en, "--no-terms") for fr, en in PAIRS.values()]
    writers.append(start_tmtool(db, "import", memory))

    # every total a reader may see: the units of any set of whole documents and of the whole file
    parts = [*sequential.values(), TMX_UNITS]
    whole_totals = {sum(chosen) for size in range(len(parts) + 1) for chosen in combinations(parts, size)}
    seen_totals = []
    while any(process.poll() is None for process in writers):
        stats = run_tmtool(db, "stats", check=False)
        if stats.returncode == 0:
            seen_totals.append(next(int(line.split()[-1]) for line in stats.stdout.splitlines()
                                    if line.split()[0] == "units"))
        else:  # the store may not exist yet, but no reader may ever hit a lock
            assert "locked" not in stats.stderr
        search = run_tmtool(db, "tm", "search", "la réunion des partenaires", check=False)
        # under load the writers may not have made the store yet, as for stats above
        assert (search.returncode in (0, 1) or "no such store" in search.stderr) and "locked" not in search.stderr, \
            search.stderr
    for process in writers:
        finish(process)

    assert integrity_problems(db) == []
    assert unit_counts(db) == sequential
    assert count(db, "SELECT count(*) FROM units WHERE origin = ?", (str(memory),)) == TMX_UNITS
    assert seen_totals, "no reader ran while the writers did"
    assert set(seen_totals) <= whole_totals, f"a reader saw part of a document: {seen_totals}"


def test_two_ingests_with_terms_at_once(tmp_path):
    db = tmp_path / "shared.db"
    names = ["c-ied-centre-of-excellence", "defence-ministers-cyber"]
    processes = [start_tmtool(db, "ingest", *PAIRS[name]) for name in names]
    while any(process.poll() is None for process in processes):
        # exit 2 is "no such store" until an ingest has made it, 1 "no such term" until one has stored it
        lookup = run_tmtool(db, "lookup", "centre d'excellence", check=False)
        assert lookup.returncode in (0, 1, 2) and "locked" not in lookup.stderr, lookup.stderr
        time.sleep(1)  # leave the two cores to the ingests: the point is overlap, not load
    for process in processes:
        finish(process)

    assert integrity_problems(db) == []
    for name in names:
        assert count(db, "SELECT count(*) FROM units WHERE document_id = ?", (name,)) > 0
        # each document's extraction was merged into the glossary, none overwritten by the other
        assert count(db, "SELECT count(*) FROM entry_documents WHERE document_id = ?", (name,)) > 0
    assert count(db, "SELECT count(*) FROM entries WHERE frequency != (SELECT coalesce(sum(frequency), 0)"
                     " FROM entry_documents WHERE entry_id = entries.id)") == 0
