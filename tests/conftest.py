"""Paths shared by the tests: the repository, its seeds and the read-only ../shared folder."""

import importlib
import os
from pathlib import Path

import pytest

# Imported before any test loads the French model, which moves what the process holds out of the
# cyclic collector's sight (gc.freeze): hypothesis registers the random generators of libraries
# imported earlier (trio's, by the anyio plugin) by finding what refers to them, and would not see
# the frozen module that does, and warn.
importlib.import_module("hypothesis")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_FR = REPO / "seeds" / "2021-07-13-partners-meeting.fr.txt"
SEED_EN = REPO / "seeds" / "2021-07-13-partners-meeting.en.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():  # CI and every developer machine have it beside the checkout
        pytest.fail(f"{SHARED} is missing: the tests read the shared gold sets from there")
    return SHARED


def tool_missing(reason: str):
    """A tool a test needs is not here: skip, saying why — except under CI, where .ci/run installs
    every such tool, so its absence is a failure."""
    (pytest.fail if os.environ.get("CI") else pytest.skip)(reason)


# ---- PostgreSQL: the server the PostgreSQL tests use ---------------------------------------------

@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server's database for the tests: $TMTOOL_TEST_PG (.ci/run starts a
    throwaway cluster and sets it), else a throwaway cluster of our own when PostgreSQL is installed.
    Without either the PostgreSQL tests skip, saying why — except under CI, where they fail."""
    import tempfile

    import pgcluster

    def unavailable(reason: str):
        tool_missing(f"no PostgreSQL server: {reason}")

    url = os.environ.get("TMTOOL_TEST_PG")
    directory = None
    if not url:
        if pgcluster.binaries() is None:
            unavailable("set TMTOOL_TEST_PG to a server's URL, or install PostgreSQL (initdb) for a throwaway one")
        # not under pytest's own temporary folder: the cluster's user (not root) could not reach it
        directory = Path(tempfile.mkdtemp(prefix="tmtool-pg-"))
        try:
            url = pgcluster.start(directory)
        except Exception as exc:  # noqa: BLE001 - any failure to start is a reason to skip (or fail under CI)
            pgcluster.stop(directory)
            unavailable(f"could not start a throwaway cluster: {getattr(exc, 'stderr', None) or exc}")
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        unavailable(f"cannot connect to $TMTOOL_TEST_PG: {exc}")
    yield url
    if directory is not None:
        pgcluster.stop(directory)


@pytest.fixture
def pg_url(pg_server, request):
    """A new, empty database on the test server for one test: its URL."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    name += f"_{abs(hash(request.node.nodeid)) % 10**6}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(pg_server)
    return urlunsplit(parts._replace(path="/" + name))


# ---- stores, by backend: the store tests are written once against tmtool.store.base.Store -----------


def queuing_no_counts(monkeypatch) -> None:
    """The glossary as a release before the queued approved counts wrote (a store of its schema has no
    queued_counts table): each change counts nothing after it commits."""
    monkeypatch.setattr("tmtool.glossary._queue_counts", lambda store, before, after: None)
    monkeypatch.setattr("tmtool.glossary.count_queued", lambda store, progress=None: 0)
    monkeypatch.setattr("tmtool.glossary.count_left", lambda store, progress=None: 0)


def written_today(store) -> None:
    """Give a store made by an earlier release's migrations (a test's "release before") what today's code
    writes and reads beyond it, so that today's code can write its entries and units there as that release
    did: a term's note and a context's language (the last migrations', SQLite ``_term_notes`` and
    ``_context_languages``, PostgreSQL ``_V15`` and ``_V16``), an import's header (``_import_headers``, both),
    a term's locale (SQLite ``_term_locales``, PostgreSQL ``_V24``), an equivalent's figures by document (SQLite
    ``_V38``, PostgreSQL ``_V26``),
    and on SQLite the floors new units, imports and corrections are numbered above (``_V27``, ``_V35``); each of
    them made only where it is missing when the store is upgraded."""
    from tmtool.store.postgres import schema
    from tmtool.store.sqlite import migrations

    if hasattr(store, "_conn"):
        migrations._term_notes(store._conn)
        migrations._context_languages(store._conn)
        for statement in migrations._statements(migrations._V27) + migrations._statements(migrations._V35):
            store._conn.execute(statement)
        migrations._import_headers(store._conn)
        migrations._term_locales(store._conn)
        migrations._V38(store._conn)
    else:
        store._pg.execute(schema._V15)
        store._pg.execute(schema._V16)
        schema._import_headers(store._pg)
        store._pg.execute(schema._V24)
        store._pg.execute(schema._V26)



@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Where a new store is made, once for each backend: the store tests run on every one (a backend
    that needs a server skips with the reason where none is reachable, fails under CI)."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return request.getfixturevalue("pg_url")


# ---- the command line, run in this process ------------------------------------------------------------


def invoke(db, *args, code: int | None = None):
    """``tmtool --db DB ARGS…`` run by Click's test runner in this process (the arguments as text: paths and
    numbers too), its result; with ``code``, its exit status is asserted to be that, its output shown if not."""
    from click.testing import CliRunner

    from tmtool.cli import main

    result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)])
    if code is not None:
        assert result.exit_code == code, result.output
    return result


def run(db, *args, code: int = 0):
    """:func:`invoke`, its exit status asserted to be ``code`` (0: it succeeded)."""
    return invoke(db, *args, code=code)


def run_output(db, *args, code: int = 0) -> str:
    """:func:`run`'s output (stdout and stderr as a terminal shows them)."""
    return run(db, *args, code=code).output


def _hunspell_read_again() -> None:
    from tmtool.terms import nouns

    for cached in (nouns._header, nouns._entries, nouns._rules, nouns._flags, nouns._lemmas, nouns.has_dictionary):
        cached.cache_clear()


@pytest.fixture
def with_dictionary(tmp_path, monkeypatch):
    """``terms.nouns`` reads the dictionary files given (none: no dictionary) for the rest of the test."""
    def given(files: dict[str, str]) -> None:
        for name, text in files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        monkeypatch.setenv("TMTOOL_HUNSPELL_DIR", str(tmp_path))
        _hunspell_read_again()

    yield given
    _hunspell_read_again()  # the installed ones again after the test
