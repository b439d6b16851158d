"""The store: its interface (base.py), the backends (sqlite/), opening one by URL (:func:`open_store`),
the records both sides exchange (records.py) and file import/export (transfer.py); its look-up keys
are folded by tmtool.text.normalize."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Invalid, NotFound
from .base import Store
from .records import Change, DocumentRecord, EntryState, ImportRecord, KeyedTerm, Removal, StoredUnit
from .url import SCHEMELESS, as_tmtool_reads, connection_problem, is_conninfo, masked, schemeless_url, sqlite_path

__all__ = ["Change", "DocumentRecord", "EntryState", "ImportRecord", "KeyedTerm", "Removal", "Store",
           "StoredUnit", "open_store"]


def open_store(url: str | Path, *, create: bool = False) -> Store:
    """The store at ``url``: a file path or ``sqlite:///path`` (SQLite), or ``postgresql://…`` or a libpq
    connection string (``host=db.example dbname=tm user=ann``, ``service=tm``); a URL as SQLAlchemy writes one
    (``postgresql+psycopg://…``) or JDBC (``jdbc:postgresql://…``) too.

    Without ``create``, a store that does not exist yet is NotFound (a misspelt ``--db``), rather
    than an empty store made on the spot; with it, a new store is created and ``store.created`` says
    so. Raises Invalid for a URL of another kind.

    >>> import tempfile, os
    >>> with open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True) as store:
    ...     store.created, store.stats()["units"]
    (True, 0)
    """
    if not isinstance(url, (str, os.PathLike)):  # None was "None: no such store", a NotFound
        raise Invalid(f"a store is named by its path or URL, not {url!r}")
    named_as_path, url = isinstance(url, os.PathLike), os.fspath(url)  # a Path is a file's, whatever its text
    if not url.strip():  # --db "" (a variable unset: --db "$STORE", TMTOOL_DB=): SQLite's temporary store, or a file " "
        raise NotFound("no such store: its name is empty (check --db or $TMTOOL_DB)")
    problem = not named_as_path and connection_problem(url)
    if problem:  # which libpq would say quoting a piece of the password
        raise Invalid(problem, path=masked(url))
    if not named_as_path and is_conninfo(url):  # before any "://": a value of it may hold one (options='-c x=a://b')
        return _postgres().open(url, create=create)
    if not named_as_path:  # postgresql+psycopg://, jdbc:postgresql://, as another tool wrote it
        url = as_tmtool_reads(url)
    scheme, sep, _ = ("", "", "") if named_as_path else url.partition("://")
    scheme = scheme.lower()  # a URL's scheme is case-insensitive
    if not sep or scheme == "sqlite":
        from .sqlite import SQLiteStore

        path = sqlite_path(url) if sep else url
        if os.path.isdir(path):
            raise NotFound("is a folder, not a store", path=path)
        shown = not sep and not named_as_path and schemeless_url(path)
        if shown:  # user:password@host, "postgresql://" left out: never a file named with the password
            raise NotFound(SCHEMELESS, path=shown)
        return SQLiteStore.open(path, create=create)
    if scheme in ("postgresql", "postgres"):
        return _postgres().open(scheme + url[len(scheme):], create=create)  # libpq reads it lower case
    raise Invalid(f"unknown kind of store {scheme}:// (expected a file path, sqlite:///, postgresql:// or a"
                  " connection string, host=… dbname=…)")


def _postgres() -> type[Store]:
    try:
        from .postgres import PostgresStore
    except ImportError:
        raise Invalid("this tmtool has no PostgreSQL backend yet") from None
    return PostgresStore
