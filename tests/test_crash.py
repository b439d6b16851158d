"""kill -9 at any moment of an import or an ingest: the store stays sound and holds the file or
document whole or not at all, and running the command again completes as if nothing had happened.

Each command is first run uninterrupted (its duration and resulting store are the reference); then
it is started again and again on a copy of the same starting store and killed with SIGKILL after
delays spread over that duration. After every kill the store must pass SQLite's integrity checks
and equal either the starting store or the reference; after the last, a re-run must give the
reference store.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEED_EN, SEED_FR
from crash_helpers import (
    count,
    integrity_problems,
    kill_after,
    kill_delays,
    run_tmtool,
    store_content,
    timed_run,
    memory_units,
    write_memory,
)
from tmtool.formats.tmx import read_tmx
from tmtool.store import open_store

TMX_UNITS = 2000


@pytest.fixture(scope="module")
def big_tmx(tmp_path_factory) -> Path:
    return write_memory(tmp_path_factory.mktemp("tmx") / "memory.tmx", TMX_UNITS)


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    """The store each command starts from: not empty, so that "none" is distinguishable from a
    store wiped by a bad recovery."""
    db = tmp_path_factory.mktemp("base") / "base.db"
    run_tmtool(db, "glossary", "add", "centre d'excellence", "centre of excellence")
    return db


def copy_store(source: Path, target: Path) -> Path:
    # the base store is closed, so its WAL has been checkpointed into the main file
    assert not Path(f"{source}-wal").exists()
    shutil.copyfile(source, target)
    return target


def kill_repeatedly(tmp_path: Path, base: Path, args: tuple, kills: int, *, last: float = 1.0,
                    held_sql: str, held_params: tuple = ()) -> None:
    """Run ``args`` once uninterrupted, then kill it ``kills`` times on a copy of ``base``;
    ``held_sql`` counts the rows of what the command stores (none or all of them after a kill)."""
    reference = copy_store(base, tmp_path / "reference.db")
    duration = timed_run(reference, *args)
    expected = store_content(reference)
    before = store_content(base)
    complete = count(reference, held_sql, held_params)
    assert complete > 0

    work = copy_store(base, tmp_path / "work.db")
    for delay in kill_delays(duration, kills, last=last):
        kill_after(work, delay, *args)
        assert integrity_problems(work) == [], f"after a kill at {delay:.2f}s"
        held = count(work, held_sql, held_params)
        assert held in (0, complete), f"a kill at {delay:.2f}s left {held} of {complete}"
        assert store_content(work) == (expected if held else before)

    run_tmtool(work, *args)
    assert integrity_problems(work) == []
    assert store_content(work) == expected


def test_killed_tmx_import_leaves_all_or_nothing(tmp_path, base_store, big_tmx):
    kill_repeatedly(tmp_path, base_store, ("import", big_tmx), kills=5, last=1.3,
                    held_sql="SELECT count(*) FROM units WHERE origin = ?", held_params=(str(big_tmx),))


def test_killed_ingest_without_terms_leaves_all_or_nothing(tmp_path, base_store):
    kill_repeatedly(tmp_path, base_store, ("ingest", SEED_FR, SEED_EN, "--no-terms"), kills=6, last=1.3,
                    held_sql="SELECT count(*) FROM units WHERE document_id = '2021-07-13-partners-meeting'")


def test_killed_ingest_with_terms_leaves_all_or_nothing(tmp_path, base_store):
    # most of this command's time is loading the French model, before anything is written, and a
    # run costs seconds: two kills, half-way and at the measured end, where the document and its
    # terms are stored
    kill_repeatedly(tmp_path, base_store, ("ingest", SEED_FR, SEED_EN), kills=2,
                    held_sql="SELECT count(*) FROM units WHERE document_id = '2021-07-13-partners-meeting'")


EXPORT_UNITS = 5000


def test_killed_export_leaves_the_previous_file_whole(tmp_path):
    db = tmp_path / "memory.db"
    with open_store(db, create=True) as store:
        store.add_units(memory_units(EXPORT_UNITS), "generated")
    out = tmp_path / "exports" / "memory.tmx"
    out.parent.mkdir()
    duration = timed_run(db, "export", "tmx", "-o", out)
    previous = out.read_bytes()

    for delay in kill_delays(duration, 4, last=1.3):
        kill_after(db, delay, "export", "tmx", "-o", out)
        written = out.read_bytes()
        # the old file untouched, or the new one whole: never a truncated export
        assert written == previous or len(list(read_tmx(out))) == EXPORT_UNITS
        previous = written
        # a killed writer cannot remove its temporary file; it must not pass for an export
        assert [p.name for p in out.parent.iterdir() if not p.name.startswith(".")] == ["memory.tmx"]
        assert all(p.name.endswith(".tmp") for p in out.parent.iterdir() if p.name != "memory.tmx")
    # the next export to the same file removes whatever the killed ones left
    timed_run(db, "export", "tmx", "-o", out)
    assert [p.name for p in out.parent.iterdir()] == ["memory.tmx"]
