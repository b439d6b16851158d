"""Running the installed ``tmtool`` as real processes, killing them, and comparing stores afterwards.

Shared by the crash, concurrency and round-trip tests: a process killed with SIGKILL gets no chance
to clean up, so only what SQLite and ``atomic_write`` guarantee on disk is left to check.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import REPO, SEED_EN, SEED_FR



def seed_paragraphs() -> list[tuple[str, str]]:
    fr = [line for line in SEED_FR.read_text(encoding="utf-8").splitlines() if line.strip()]
    en = [line for line in SEED_EN.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(zip(fr, en))


def memory_units(size: int):
    """``size`` distinct units (the seed's paragraphs, numbered), each with a prop and a note."""
    from tmtool.model import Unit

    pairs = seed_paragraphs()
    for n in range(size):
        fr, en = pairs[n % len(pairs)]
        yield Unit(f"{fr} ({n})", f"{en} ({n})", "fr-FR", "en-GB", tuid=f"u{n}",
                   props={"x-origin": "generated"}, notes=[f"note {n}"])


def write_memory(path: Path, size: int) -> Path:
    """A TMX file of :func:`memory_units`."""
    from tmtool.formats.tmx import write_tmx

    write_tmx(memory_units(size), path, srclang="fr-FR")
    return path


# columns that record when something happened: they differ between two runs of the same command
_TIME_COLUMNS = {"ingested", "updated", "created", "changed", "time", "first_seen", "last_seen", "seen",
                 "imported"}
# the store's own tables, in an order that makes a readable diff (FTS shadow tables are checked
# by the FTS integrity checks instead)
STORE_TABLES = ("documents", "imports", "units", "entries", "terms", "lookup_keys", "contexts",
                "entry_documents", "entry_equivalents", "changes")


def tmtool_executable() -> str:
    """The ``tmtool`` console script of the Python running the tests (the one in its venv)."""
    found = shutil.which("tmtool", path=str(Path(sys.executable).parent))
    if found is None:
        raise RuntimeError(f"tmtool is not installed beside {sys.executable}; pip install -e . first")
    return found


def tmtool_args(db: Path, *args: str | Path) -> list[str]:
    return [tmtool_executable(), "--db", str(db), *map(str, args)]


def run_tmtool(db: Path, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``tmtool --db DB ARGS`` to completion (raising with its stderr if it fails and ``check``)."""
    done = subprocess.run(tmtool_args(db, *args), capture_output=True, text=True, cwd=REPO)
    if check and done.returncode != 0:
        raise AssertionError(f"tmtool {' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr}")
    return done


def start_tmtool(db: Path, *args: str | Path, **popen) -> subprocess.Popen:
    return subprocess.Popen(tmtool_args(db, *args), cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, **popen)


def timed_run(db: Path, *args: str | Path) -> float:
    """Run a command to completion and return how long it took (seconds)."""
    started = time.monotonic()
    run_tmtool(db, *args)
    return time.monotonic() - started


def kill_after(db: Path, delay: float, *args: str | Path) -> int | None:
    """Start ``tmtool ARGS``, SIGKILL it after ``delay`` seconds; return its exit code if it had
    already finished (None when it was killed)."""
    process = start_tmtool(db, *args)
    try:
        process.wait(timeout=delay)
        return process.returncode
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return None
    finally:
        process.stderr.close()


def kill_delays(duration: float, count: int, *, last: float = 1.0) -> list[float]:
    """``count`` delays spread evenly up to ``last`` × a command's measured ``duration``; past 1,
    the later kills straddle the final commit even when a run is slower or faster than measured
    (a process that has already finished is not waited for)."""
    return [duration * last * (i + 1) / count for i in range(count)]


def integrity_problems(db: Path) -> list[str]:
    """What SQLite's checks find wrong with a store: the b-trees, foreign keys and the FTS indexes
    (external-content FTS tables go stale silently if a trigger's write is lost)."""
    conn = sqlite3.connect(db)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for fts in ("units_fts", "units_grams", "lookup_grams"):
            if fts in tables:
                try:
                    conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
                except sqlite3.DatabaseError as exc:
                    problems.append(f"{fts}: {exc}")
        return problems
    finally:
        conn.close()


def store_content(db: Path) -> dict[str, list[tuple]]:
    """Every row of the store's tables, without the time columns, sorted: two stores built by the
    same commands compare equal."""
    conn = sqlite3.connect(db)
    try:
        content = {}
        for table in STORE_TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")
                       if row[1] not in _TIME_COLUMNS]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            content[table] = sorted(rows, key=repr)
        return content
    finally:
        conn.close()


def count(db: Path, sql: str, params: tuple = ()) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def unprivileged(function) -> str:
    """``function()`` run in a forked process as a user without privileges (the tests may run as root,
    who writes anywhere: a read-only file or folder would not stop it); what it returned, or its
    exception as ``Type: message``, as text."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            answer = str(function())
        except BaseException as exc:  # told to the parent, which asserts on it
            answer = f"{type(exc).__name__}: {exc}"
        os.write(write, answer.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answers:
        answer = answers.read().decode()
    os.waitpid(child, 0)
    return answer


@contextmanager
def read_only_store() -> Iterator[Path]:
    """A store holding one candidate entry (1, Comité militaire), its file without write permission in a
    folder anyone may write in (SQLite writes its -wal and -shm files beside the store), for
    :func:`unprivileged` to open; removed afterwards."""
    from tmtool import api
    from tmtool.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="tmtool-readonly-"))  # under /tmp, which any user may cross
    db = folder / "s.db"
    try:
        with open_store(db, create=True) as store:
            api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
        db.chmod(0o444)
        folder.chmod(0o777)
        yield db
    finally:
        folder.chmod(0o755)
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
