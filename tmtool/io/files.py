"""Writing files safely: every output goes through a temporary file and a rename.

A crash, a full disk or a bad unit halfway through an export must never leave a half-written file in
place of a good one, so nothing is ever written to the destination path directly.
"""

from __future__ import annotations

import errno
import glob
import io
import os
import sys
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO, Iterator

from ..errors import DISK_FULL, Invalid, Unavailable


def input_file(path: str | Path) -> Path:
    """``path``, a file to read; Invalid, in one line, when it is not there or is a folder (rather than
    the OSError opening it would raise, or a reader's guess at what a folder holds)."""
    path = Path(path)
    if path.is_dir():
        raise Invalid("is a folder, not a file", path=str(path))
    if not path.exists():
        raise Invalid("no such file", path=str(path))
    return path


@contextmanager
def atomic_write(path: str | Path, mode: str = "wb", *, encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success fsync it and rename it over ``path``.

    On an exception the temporary file is removed and whatever was at ``path`` stays untouched.
    ``encoding`` applies to text modes only.
    """
    if "w" not in mode:
        raise ValueError(f"atomic_write is for writing, not mode {mode!r}")
    with atomic_path(path) as tmp, open(tmp, mode, **({} if "b" in mode else {"encoding": encoding})) as f:
        yield f


# the tables every store has had since its first migration (``store.sqlite.migrations._V1``): another program's
# database counting its own versions in the header's user version (many do) has none of them
STORE_TABLES = frozenset({"documents", "units"})


def is_store_file(path: str | Path) -> bool:
    """Whether ``path`` is a SQLite database tmtool's migrations made, a store: its user version counts them
    (``store.sqlite.migrations``) and it holds the store's tables. Read through SQLite, the file alone first
    (immutable: SQLite leaves no log beside a file it reads so), then with its log where it has one: a store in
    WAL mode whose log is not yet copied into the file (another program has it open: the workbench) keeps its
    version and tables there."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    import sqlite3

    uri = Path(path).resolve().as_uri()
    logged = header[18] == 2 and os.path.exists(f"{path}-wal")  # the header's write version 2: WAL
    for mode in ("?mode=ro&immutable=1", "?mode=ro") if logged else ("?mode=ro&immutable=1",):
        try:
            with closing(sqlite3.connect(uri + mode, uri=True)) as db:
                tables = {name for name, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if db.execute("PRAGMA user_version").fetchone()[0] > 0 and STORE_TABLES <= tables:
                    return True
        except sqlite3.Error:
            pass
    return False


@contextmanager
def atomic_path(path: str | Path, *, replaces_store: bool = False) -> Iterator[Path]:
    """The path of a new, empty temporary file beside ``path``, for the caller to fill and close;
    on success it is fsynced and renamed over ``path``. On an exception it is removed and whatever
    was at ``path`` stays untouched. A store there is replaced only by a backup (``replaces_store``): an
    export's or a segmentation's ``-o`` naming it (the store in use, ``-o tmtool.db``) is refused."""
    path = Path(path)
    directory = path.parent
    if not directory.is_dir():
        raise Invalid(f"cannot write {path}: directory {directory} does not exist")
    if path.is_dir():  # said before the work of writing it, and not as the rename's EBUSY or EISDIR
        raise Invalid(f"cannot write {path}: it is a directory; give a file name in it")
    if not replaces_store and path.is_file() and is_store_file(path):
        raise Invalid(f"cannot write {path}: it is a tmtool store, which this would replace; give another file name")
    _remove_abandoned(directory, path.name)
    # the writer's pid in the name tells a later writer whether this file was abandoned
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    except PermissionError:  # said of the file asked for, not of the hidden temporary one
        raise Invalid(f"cannot write {path}: no permission to create files in {directory}") from None
    except OSError as exc:  # a read-only file system, a pseudo-file system (/proc): likewise
        if exc.errno == errno.ENOSPC:
            raise Unavailable(DISK_FULL, path=str(path)) from None
        raise Invalid(f"cannot write {path}: cannot create a file in {directory} ({exc.strerror or exc})") from None
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb") as written:
            os.fsync(written.fileno())
        # mkstemp creates the file 0600; give the result the mode a plain open() would have
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise Unavailable(DISK_FULL, path=str(path)) from None
        raise


def _remove_abandoned(directory: Path, name: str) -> None:
    """Remove the temporary files of ``name`` whose writer is gone (killed before it could clean up);
    a live writer's file, or one whose writer cannot be told, is left alone."""
    for leftover in directory.glob(f".{glob.escape(name)}.*.tmp"):
        pid = leftover.name[len(name) + 2 :].partition(".")[0]
        if pid.isdigit() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def open_output(path_or_dash: str | Path, mode: str = "wb", *, encoding: str = "utf-8") -> Iterator[IO]:
    """The ``-o OUT|-`` convention: ``-`` is standard output (left open), anything else is written atomically."""
    if str(path_or_dash) == "-":
        stream = sys.stdout.buffer if "b" in mode and hasattr(sys.stdout, "buffer") else sys.stdout
        if "b" in mode and stream is sys.stdout:
            # a text stream standing for stdout (a notebook's, IDLE's, contextlib.redirect_stdout's) has no bytes
            # to write to: the file is written as its text ("'StringIO' object has no attribute 'buffer'")
            written = io.BytesIO()
            yield written
            try:
                stream.write(written.getvalue().decode("utf-8"))
            except UnicodeDecodeError:
                raise Invalid("this output is not text (a spreadsheet): write it to a file") from None
        else:
            yield stream
        stream.flush()
        return
    with atomic_write(path_or_dash, mode, encoding=encoding) as f:
        yield f
