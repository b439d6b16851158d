"""A full disk, provoked for real on a small tmpfs: every command that writes says so in one line (what
the user can do), exits non-zero, and leaves the store as it was and no half-written file.

Mounting needs root and a system that lets a container mount: without that privilege these tests skip,
saying why, under CI too (a privilege is not a tool .ci/run can install)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import SEED_EN, SEED_FR, tool_missing
from crash_helpers import run_tmtool, write_memory

from tmtool.store.copy import canonical_dump
from tmtool.store.sqlite import SQLiteStore

DISK_FULL = "the disk is full, nothing was written: free some space on it and run the command again"


@contextmanager
def small_disk(size: str, *, owner: int | None = None):
    """A tmpfs of ``size`` mounted on a new folder (owned by the user ``owner`` if given), unmounted
    and removed at the end."""
    # outside pytest's temporary folder, which another user (the PostgreSQL server's) cannot reach
    where = Path(tempfile.mkdtemp(prefix="tmtool-full-"))
    options = f"size={size},mode=0700" + (f",uid={owner}" if owner is not None else "")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmtool-full", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a small tmpfs to fill (needs the privilege to mount): {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "--lazy", str(where)], check=True)  # a server may still hold a file
        where.rmdir()


def fill(disk: Path, *, leave: int = 0) -> Path:
    """A file taking all the space left on ``disk`` but ``leave`` bytes."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(bytes(64 * 1024))
        except OSError:
            pass
    os.truncate(filler, max(filler.stat().st_size - leave, 0))
    return filler


def said_disk_full(done: subprocess.CompletedProcess, path: Path | str) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"tmtool: error: {path}: {DISK_FULL}\n"


def dump(db: Path, tmp_path: Path) -> list[str]:
    """The store at ``db``, read from a copy (the full disk has no room for its log), which `db check`
    finds sound."""
    copy = tmp_path / f"copy-{len(list(tmp_path.glob('copy-*')))}"
    copy.mkdir()
    for part in db.parent.glob(db.name + "*"):
        shutil.copy(part, copy / part.name)
    assert run_tmtool(copy / db.name, "db", "check").stdout.endswith("no problem found\n")
    with SQLiteStore.open(copy / db.name, create=False) as store:
        return list(canonical_dump(store))


def test_an_import_too_big_for_the_disk_leaves_the_store_as_it_was(tmp_path):
    small, big = write_memory(tmp_path / "small.tmx", 20), write_memory(tmp_path / "big.tmx", 5000)
    with small_disk("3m") as disk:
        db = disk / "store.db"
        run_tmtool(db, "import", small)
        run_tmtool(db, "glossary", "add", "Comité militaire", "Military Committee")
        before = dump(db, tmp_path)
        said_disk_full(run_tmtool(db, "import", big, check=False), db)
        assert dump(db, tmp_path) == before


def test_an_ingest_on_a_full_disk_leaves_the_store_as_it_was(tmp_path):
    # another document than the one stored: its units and terms are new
    pair = []
    for seed, name in ((SEED_FR, "other.fr.txt"), (SEED_EN, "other.en.txt")):
        pair.append(tmp_path / name)
        pair[-1].write_text(seed.read_text(encoding="utf-8").replace("2021", "2023"), encoding="utf-8")
    with small_disk("3m") as disk:
        db = disk / "store.db"
        run_tmtool(db, "ingest", SEED_FR, SEED_EN)
        before = dump(db, tmp_path)
        fill(disk, leave=96 * 1024)
        said_disk_full(run_tmtool(db, "ingest", *pair, check=False), db)
        assert dump(db, tmp_path) == before


@pytest.mark.parametrize("command", [("export", "tmx", "-o"), ("backup",)])
def test_a_copy_written_to_a_full_disk_leaves_what_was_there(tmp_path, command):
    db = tmp_path / "store.db"
    run_tmtool(db, "import", write_memory(tmp_path / "memory.tmx", 500))
    # an earlier backup is a store (backup replaces no other file), an earlier export any text
    held = _earlier_store() if command == ("backup",) else b"an earlier copy"
    with small_disk("1m") as disk:
        earlier = disk / "earlier"
        earlier.write_bytes(held)
        fill(disk)
        for target in (earlier, disk / "new"):
            said_disk_full(run_tmtool(db, *command, target, check=False), target)
        # neither the new file nor a temporary one beside it
        assert sorted(p.name for p in disk.iterdir()) == ["earlier", "filler"]
        assert earlier.read_bytes() == held


def _earlier_store() -> bytes:
    """A small SQLite file as tmtool's migrations mark a store (its user version) and with the tables every store has
    (``files.STORE_TABLES``)."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA user_version = 1")
    db.execute("CREATE TABLE documents (id TEXT PRIMARY KEY)")
    db.execute("CREATE TABLE units (id INTEGER PRIMARY KEY)")
    data = db.serialize()
    db.close()
    return data


def test_a_store_that_cannot_be_opened_on_a_full_disk_says_so(tmp_path):
    """Opening a store writes its log's shared memory beside it: no room for that is a full disk too."""
    with small_disk("1m") as disk:
        db = disk / "store.db"
        run_tmtool(db, "glossary", "add", "Comité militaire", "Military Committee")
        fill(disk)
        said_disk_full(run_tmtool(db, "glossary", "add", "Conseil", "Council", check=False), db)


def test_a_store_left_open_writes_again_once_space_is_freed(tmp_path):
    """A write refused at its COMMIT is undone, not left open: a server's store, open for long, would
    otherwise keep the write lock and fold every later write into the failed transaction."""
    from tmtool import api
    from tmtool.errors import TmtoolError

    memory = write_memory(tmp_path / "memory.tmx", 300)
    with small_disk("3m") as disk:
        db = disk / "store.db"
        with api.open_store(db, create=True) as store:
            # small enough to stay in SQLite's page cache until its COMMIT, which finds no room
            filler = fill(disk, leave=96 * 1024)
            with pytest.raises(TmtoolError, match=DISK_FULL):
                api.import_file(store, memory)
            filler.unlink()
            assert api.import_file(store, memory)["added"] == 300
            with SQLiteStore.open(db, create=False) as other:  # committed: another connection sees it
                assert other.unit_count() == 300


def test_an_import_filling_the_server_s_disk_is_rolled_back(pg_server, pg_url, tmp_path):
    """The store's tables in a tablespace on a small disk of the server's: an import filling it is told
    in one line and undone whole; once space is freed, the same import goes through."""
    import psycopg

    from tmtool.store.postgres import PostgresStore, masked

    small, big = write_memory(tmp_path / "small.tmx", 20), write_memory(tmp_path / "big.tmx", 5000)
    medium = write_memory(tmp_path / "medium.tmx", 500)  # its first 20 units are small's
    run_tmtool(pg_url, "import", small)
    with PostgresStore.open(pg_url) as store:
        before = list(canonical_dump(store))
    with psycopg.connect(pg_url, autocommit=True) as pg:
        try:  # the tablespace's folder must belong to the server's user
            owner = Path(pg.execute("SHOW data_directory").fetchone()[0]).stat().st_uid
        except OSError:
            tool_missing("the test server's files are not on this machine: no small disk can be given to it")
        database = pg.info.dbname
    with small_disk("8m", owner=owner) as disk, psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE TABLESPACE {database} LOCATION '{disk}'")
        try:
            with psycopg.connect(pg_url, autocommit=True) as pg:
                for kind in ("TABLE", "INDEX", "MATERIALIZED VIEW"):
                    pg.execute(f"ALTER {kind} ALL IN TABLESPACE pg_default SET TABLESPACE {database}")
            filler = fill(disk, leave=256 * 1024)
            failed = run_tmtool(pg_url, "import", big, check=False)
            assert failed.returncode == 1, failed.stderr
            assert failed.stderr.startswith(f"tmtool: error: {masked(pg_url)}: the server's disk is full, nothing "
                                            "was written: its administrator must free some space on it: ")
            assert failed.stderr.count("\n") == 1 and "No space left on device" in failed.stderr
            with PostgresStore.open(pg_url) as store:
                assert list(canonical_dump(store)) == before
            filler.unlink()
            # not the big file again: the rows rolled back keep their room until a vacuum
            assert run_tmtool(pg_url, "import", medium).stdout.startswith("480 units added")
            assert run_tmtool(pg_url, "db", "check").stdout.endswith("no problem found\n")
        finally:
            admin.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
            admin.execute(f"DROP TABLESPACE {database}")
