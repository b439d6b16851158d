"""The three kinds of error a caller tells apart, and the CLI's exit status for each."""

from contextlib import closing

import pytest
from click.testing import CliRunner

from conftest import invoke as run
from tmtool.cli import main


def test_not_found_conflict_and_invalid_exit_apart(tmp_path):
    db = tmp_path / "e.db"
    assert run(db, "glossary", "add", "Comité militaire", "Military Committee", "--status", "candidate").exit_code == 0
    assert run(db, "glossary", "approve", "1").exit_code == 0
    missing = run(db, "glossary", "show", "9")
    assert (missing.exit_code, missing.output) == (1, "tmtool: error: no glossary entry 9\n")
    invalid = run(db, "glossary", "merge", "1", "1")
    assert (invalid.exit_code, invalid.output) == (1, "tmtool: error: cannot merge an entry into itself\n")
    assert run(db, "glossary", "revert", "2").exit_code == 0
    # a conflict is told apart from bad input: a script may read again and retry
    again = run(db, "glossary", "revert", "2")
    assert (again.exit_code, again.output) == (3, "tmtool: error: change 2 was already reverted by change 3\n")


def test_a_store_is_named_by_a_path_or_a_url(tmp_path, monkeypatch):
    from tmtool.errors import Invalid, NotFound
    from tmtool.store import open_store

    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel.db", create=True) as relative, open_store(f"sqlite:///{tmp_path}/abs.db",
                                                                             create=True) as absolute:
        assert relative.created and absolute.created
    assert (tmp_path / "rel.db").is_file() and (tmp_path / "abs.db").is_file()
    with pytest.raises(NotFound, match="no such store"):
        open_store(tmp_path / "missing.db")
    with pytest.raises(Invalid, match="three slashes"):
        open_store("sqlite://rel.db")
    with pytest.raises(Invalid, match=r"^sqlite://ana:\*\*\*@db/tm.db: a SQLite URL has three slashes"):
        open_store("sqlite://ana:s3cret@db/tm.db")  # a server's URL pasted with sqlite: its password not shown
    for url in ("sqlite:///tm.db?password=s3cret", "sqlite:///?password=s3cret", "sqlite:///%00?password=s3cret"):
        with pytest.raises(Invalid, match=r"^sqlite:///.*password=\*\*\*: "):  # a server's URL's query pasted
            open_store(url)
    with pytest.raises(Invalid, match="unknown kind of store mysql://"):
        open_store("mysql://ana@db.example.org/terms")
    result = run("mysql://ana@db.example.org/terms", "stats")
    assert (result.exit_code, result.output.count("\n")) == (1, 1)



def test_an_empty_store_name_is_no_store(tmp_path, monkeypatch):
    """``--db "$STORE"`` with STORE unset, ``TMTOOL_DB=``: "cannot open store: this is a directory" (SQLite took the empty
    name as a temporary store), "no such store" naming nothing, and ``glossary add`` on ``--db " "`` made a file " "
    and added to it. Each is said to be an empty name, exit 2, and nothing is made."""
    monkeypatch.chdir(tmp_path)
    said = "tmtool: error: no such store: its name is empty (check --db or $TMTOOL_DB)\n"
    for name in ("", " "):
        result = CliRunner().invoke(main, ["--db", name, "glossary", "add", "Comité militaire", "Military Committee"])
        assert (result.exit_code, result.output) == (2, said)
        monkeypatch.setenv("TMTOOL_DB", name)
        result = CliRunner().invoke(main, ["stats"])
        assert (result.exit_code, result.output) == (2, said)
    assert list(tmp_path.iterdir()) == []

def test_a_file_named_with_an_equals_sign_stays_the_sqlite_store_it_was(tmp_path, monkeypatch):
    """A folder per reviewer or service named key=value (``user=ana/tm.db``, ``service=legal/tm.db``), a store file
    ``dbname=legal.db`` made before connection strings were read, or a ``Path`` a script names: each was taken for a
    libpq connection string ("cannot open store: connection to server on socket … failed", "definition of service
    "legal/tm.db" not found") and the store there could no longer be opened. A name that is there, or whose folder
    is, is the SQLite file it names; a Path is always a file's."""
    from pathlib import Path

    from tmtool.store import open_store

    monkeypatch.chdir(tmp_path)
    for folder in ("user=ana", "service=legal"):
        (tmp_path / folder).mkdir()
        db = f"{folder}/tm.db"
        added = CliRunner().invoke(main, ["--db", db, "glossary", "add", "Comité militaire", "Military Committee"])
        assert (added.exit_code, added.output) == (0, "added entry 1\n")
        assert "entries              1" in CliRunner().invoke(main, ["--db", db, "stats"]).output
        backup = CliRunner().invoke(main, ["--db", db, "backup", f"{folder}/backup.db"])
        assert backup.exit_code == 0 and (tmp_path / folder / "backup.db").is_file(), backup.output
    assert run("./dbname=legal.db", "glossary", "add", "Comité", "Committee").exit_code == 0
    assert "entries              1" in CliRunner().invoke(main, ["--db", "dbname=legal.db", "stats"]).output
    with open_store(Path("port=5433.db"), create=True) as store:
        assert store.created and store.url == "port=5433.db"
    assert (tmp_path / "port=5433.db").is_file()


def test_a_sqlite_url_is_percent_decoded_as_the_url_standard_writes_a_path(tmp_path, monkeypatch):
    """sqlite:///my%20store.db is the file my store.db (relative), sqlite:////abs/… an absolute one; a
    ? or # starts a query or a fragment, never a part of a file's name that would open another store."""
    from tmtool.errors import Invalid
    from tmtool.store import open_store

    monkeypatch.chdir(tmp_path)
    (tmp_path / "my store").mkdir()
    with open_store("sqlite:///my%20store/r%C3%A9sum%C3%A9%3F.db", create=True) as relative:
        assert relative.created
    with open_store(f"SQLite:///{tmp_path}/abs%25%231.db", create=True) as absolute:
        assert absolute.created
    assert sorted(p.name for p in tmp_path.rglob("*.db")) == ["abs%#1.db", "résumé?.db"]
    assert (tmp_path / "my store" / "résumé?.db").is_file()
    assert run("sqlite:///my%20store/r%C3%A9sum%C3%A9%3F.db", "glossary", "add", "coeur", "heart").exit_code == 0
    assert run(f"sqlite:///{tmp_path}/my%20store/r%C3%A9sum%C3%A9%3F.db", "stats").exit_code == 0
    for url in ("sqlite:///store.db?mode=ro", "sqlite:///store#1.db", "sqlite:///"):
        with pytest.raises(Invalid, match="query or fragment|names no file"):
            open_store(url, create=True)
    assert not (tmp_path / "store.db").exists() and not (tmp_path / "store").exists()


def test_a_sqlite_url_naming_a_nul_character_is_one_line(tmp_path, monkeypatch):
    """%00 decodes to a character no file's name holds: a command that makes the store stopped with
    Python's *embedded null byte* traceback, the others printed the NUL in their message."""
    monkeypatch.chdir(tmp_path)
    for args in (("glossary", "add", "Comité militaire", "Military Committee"), ("stats",)):
        result = run("sqlite:///store%00.db", *args)
        assert isinstance(result.exception, SystemExit) and result.exit_code == 1
        assert result.output.count("\n") == 1 and "\0" not in result.output and "%00" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_missing_input_file_or_store_is_exit_2_for_every_command_and_a_folder_as_output_1(tmp_path):
    """One rule a script can rely on, whatever the command: a file named on the command line that is
    not there (or is a folder) is a usage error, as a misspelt --db is; a folder given as the output
    file is an error of the write, for backup as for export."""
    from conftest import SEED_EN, SEED_FR

    db = tmp_path / "s.db"
    assert run(db, "glossary", "add", "Comité militaire", "Military Committee").exit_code == 0
    missing, folder = str(tmp_path / "missing.fr.txt"), str(tmp_path)
    for bad in (missing, folder):
        for args in (["ingest", bad, str(SEED_EN)], ["ingest", str(SEED_FR), bad], ["import", bad],
                     ["segment", bad, "--lang", "fr"], ["align", bad, str(SEED_EN)], ["extract", bad],
                     ["check", bad]):
            result = run(db, *args)
            assert (result.exit_code, result.output.count("\n")) == (2, 1), (args, result.output)
            assert result.output.startswith("tmtool: error: ") and bad in result.output, (args, result.output)
    result = run(db, "ingest", "--dir", missing)
    assert (result.exit_code, result.output.count("\n")) == (2, 1), result.output
    for args in (["export", "csv", "-o", folder], ["backup", folder]):
        result = run(db, *args)
        assert (result.exit_code, result.output.count("\n")) == (1, 1), (args, result.output)
        assert "directory" in result.output, (args, result.output)
    nowhere = tmp_path / "none.db"
    # the store is named by --db for backup, by the SOURCE argument for db copy: each hint names what to check
    for result, check in ((run(nowhere, "backup", str(tmp_path / "b.db")), "--db or $TMTOOL_DB"),
                          (run(db, "db", "copy", str(nowhere), str(tmp_path / "copy.db")), "SOURCE")):
        assert (result.exit_code, result.output) == (2, f"tmtool: error: {nowhere}: no such store (check {check})\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.db"]


def test_the_history_of_an_entry_that_never_was_is_not_found_not_an_empty_list(tmp_path):
    from tmtool import api, open_store

    db = tmp_path / "h.db"
    assert run(db, "glossary", "add", "Comité militaire", "Military Committee").exit_code == 0
    assert run(db, "glossary", "add", "espace aérien", "airspace").exit_code == 0
    assert run(db, "glossary", "remove", "1").exit_code == 0
    missing = run(db, "glossary", "history", "99")
    assert (missing.exit_code, missing.output) == (1, "tmtool: error: no glossary entry 99\n")
    assert run(db, "glossary", "history", "99", "--json").exit_code == 1
    # a removed entry keeps its history; one no one changed has none, which is said rather than nothing
    assert [line.split()[2] for line in run(db, "glossary", "history", "1").output.splitlines()] == ["add", "remove"]
    with open_store(db) as store:
        with pytest.raises(api.NotFound, match="no glossary entry 99"):
            api.history(store, "99")
        entry = api.add_entry(store, ["OTAN"], ["NATO"])
        store._conn.execute("DELETE FROM changes WHERE id = (SELECT max(id) FROM changes)")
        assert api.history(store, entry["id"]) == []
    quiet = CliRunner().invoke(main, ["--db", str(db), "glossary", "history", "3"])
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (
        0, "", "entry 3: no recorded change (extraction is not recorded)\n")


def test_a_store_another_program_keeps_locked_is_one_line_and_nothing_is_written(tmp_path, monkeypatch):
    # a sqlite3 shell or a crashed tool holding the write lock past the busy timeout was a traceback
    # ending "sqlite3.OperationalError: database is locked"
    import sqlite3

    db = tmp_path / "s.db"
    assert run(db, "glossary", "add", "Comité militaire", "Military Committee", "--status", "candidate").exit_code == 0
    monkeypatch.setattr("tmtool.store.sqlite.db.BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        for args in (("glossary", "approve", "1"), ("glossary", "add", "OTAN", "NATO")):
            result = run(db, *args)
            assert (result.exit_code, result.output.count("\n")) == (1, 1), result.output
            assert result.output.startswith(f"tmtool: error: {db}: the store is locked: ")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert run(db, "glossary", "list", "--json").output.count('"id"') == 1
    assert "candidate" in run(db, "glossary", "list").output


def test_a_removed_entry_keeps_its_id_an_entry_added_later_gets_a_new_one(store_url, tmp_path):
    # SQLite numbered a new entry after the highest id stored: removing the newest entry gave its id to
    # the next one added, with the removed entry's history, and its removal could not be reverted
    from tmtool import api, open_store
    from tmtool.store.sqlite.migrations import _V20, MIGRATIONS

    with open_store(store_url, create=True) as store:
        for fr, en in (("Comité militaire", "Military Committee"), ("espace aérien", "airspace")):
            api.add_entry(store, [fr], [en])
        removal = api.remove_entry(store, 2)
        assert api.add_entry(store, ["OTAN"], ["NATO"])["id"] == "3"
        assert [change["action"] for change in api.history(store, 3)] == ["add"]
        api.revert(store, removal)
        assert [api.entry(store, n)["terms"][0]["text"] for n in (2, 3)] == ["espace aérien", "OTAN"]
    # a SQLite store made before keeps the ids its recorded removals name
    if not store_url.startswith("postgresql"):
        import sqlite3

        with open_store(tmp_path / "old.db", create=True) as store:
            api.add_entry(store, ["Comité militaire"], ["Military Committee"])
            api.add_entry(store, ["espace aérien"], ["airspace"])
            api.remove_entry(store, 2)
        with sqlite3.connect(tmp_path / "old.db") as conn:  # as the release before left it
            conn.execute("DROP TRIGGER entries_id_floor")
            conn.execute("DROP TABLE entry_id_floor")
            conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_V20)}")  # the migrations after it redone
        conn.close()
        with open_store(tmp_path / "old.db") as store:
            assert api.add_entry(store, ["OTAN"], ["NATO"])["id"] == "3"
            api.remove_entry(store, 3)
        # and so does a store a copy has filled
        api.copy_store(tmp_path / "old.db", tmp_path / "copy.db")
        with open_store(tmp_path / "copy.db") as store:
            assert api.add_entry(store, ["OTAN"], ["NATO"])["id"] == "4"


def test_an_entry_brought_back_below_a_removed_one_leaves_the_removed_one_its_id(store_url):
    # PostgreSQL set its identity to the highest id stored when a revert brought an entry back under its own
    # id: below an entry removed since, whose id the next entry added then took, with its history, and the
    # removed entry could never be brought back ("entry 2 has changed since change 3")
    from tmtool import api, open_store

    with open_store(store_url, create=True) as store:
        for fr, en in (("Comité militaire", "Military Committee"), ("espace aérien", "airspace")):
            api.add_entry(store, [fr], [en])
        removal = api.remove_entry(store, 2)
        api.revert(store, api.remove_entry(store, 1))
        added = api.add_entry(store, ["OTAN"], ["NATO"])
        assert added["id"] == "3" and [change["action"] for change in api.history(store, 3)] == ["add"]
        api.revert(store, removal)
        assert [api.entry(store, n)["terms"][0]["text"] for n in (1, 2, 3)] == ["Comité militaire", "espace aérien",
                                                                              "OTAN"]


def test_a_unit_or_an_import_taken_out_keeps_its_id_from_those_stored_later(store_url):
    # SQLite numbered a new unit or import after the highest stored: a revised document's units took the ids of
    # those it replaced, so that a merge from a page showing the earlier version merged sentences the page never
    # showed (PostgreSQL: no unit 1), and an import listed as 2 and removed gave 2 to the next file imported
    from tmtool import api, open_store

    def upload(name: str, text: str) -> api.Upload:
        return api.Upload(name, text.encode())

    with open_store(store_url, create=True) as store:
        api.ingest(store, upload("d.fr.txt", "Le chat dort. Il fait beau. La nuit tombe."),
                   upload("d.en.txt", "The cat sleeps. The weather is fine. Night falls."), extract_terms=False)
        shown = [unit["id"] for unit in api.document_units(store, "d")]
        api.ingest(store, upload("d.fr.txt", "Le chien dort. Il pleut. La nuit tombe."),
                   upload("d.en.txt", "The dog sleeps. It rains. Night falls."), extract_terms=False)
        assert not set(shown) & {unit["id"] for unit in api.document_units(store, "d")}
        with pytest.raises(api.NotFound, match=f"^no unit {shown[0]} in document d$"):
            api.merge_units(store, "d", shown[0], neighbour=shown[1])
        for name in ("one.tsv", "two.tsv"):
            api.import_file(store, upload(name, f"fr\ten\n{name}\t{name}\n"))
        api.remove(store, imports=[2])
        api.import_file(store, upload("three.tsv", "fr\ten\nfrégate\tfrigate\n"))
        assert [(done["id"], done["file"]) for done in api.imports(store)] == [(1, "one.tsv"), (3, "three.tsv")]


def test_a_read_only_store_answers_look_ups_and_refuses_writes_in_one_line():
    # a store file without write permission (an archived copy, a colleague's file): a write was a
    # traceback ending "sqlite3.OperationalError: attempt to write a readonly database"
    from crash_helpers import read_only_store, unprivileged
    from tmtool import api, open_store

    with read_only_store() as db:
        def look_up():
            with open_store(db) as store:
                return api.lookup(store, "Comité militaire")["entries"][0]["status"]

        def approve():
            with open_store(db) as store:
                return api.approve(store, [1])

        assert unprivileged(look_up) == "candidate"
        assert unprivileged(approve) == (
            f"ReadOnly: {db}: the store is read-only (the file's permissions, or its disk), nothing was written")
        with open_store(db) as store:
            assert api.entry(store, 1)["status"] == "candidate"
        # in a folder one may not write in either, SQLite cannot even read it: said so, with what to do
        for leftover in db.parent.glob("s.db-*"):
            leftover.unlink()
        db.parent.chmod(0o755)
        assert unprivileged(look_up) == (
            f"TmtoolError: {db}: cannot open store: it is read-only for you (the file or its folder), and SQLite"
            " writes beside a store even to read it: copy it to a folder of yours, or ask for write access")


def test_db_check_of_a_sound_read_only_store_reports_no_damage(tmp_path):
    """``tmtool db check`` run by a reader without write permission (an archived copy, a disk mounted read-only):
    FTS5's integrity check is an INSERT, which SQLite refuses there, and each full-text index was reported as a
    problem ("full-text index units_fts: attempt to write a readonly database", "5 problems found", exit 1) of a
    store that is sound. Its other checks run; what it could not check is said, not counted as damage."""
    from click.testing import CliRunner

    from crash_helpers import read_only_store, unprivileged
    from tmtool.cli import main

    def check(db=tmp_path / "own.db") -> tuple:
        result = CliRunner().invoke(main, ["--db", str(db), "db", "check"])
        return result.exit_code, result.stdout, result.stderr

    CliRunner().invoke(main, ["--db", str(tmp_path / "own.db"), "glossary", "add", "frégate", "frigate"])
    assert check()[0] == 0  # a store one may write: what the check imports is loaded, which the reader may not do
    with read_only_store() as db:

        assert unprivileged(lambda: check(db)) == str((0, f"{db}: no problem found\n", "tmtool: the full-text indexes were not"
                                           " checked: the store is read-only here (their check writes)\n"))


def test_a_trados_memory_given_as_the_store_is_left_as_it_is_and_its_import_advised(tmp_path):
    # `tmtool --db memory.sdltm …` for `tmtool import memory.sdltm`: a Trados Studio memory is a SQLite database,
    # which every command took for a store of its own, a look-up too, adding the store's thirty tables to it and
    # turning on WAL for good (Trados Studio then opens a memory it does not know)
    from conftest import SEED_EN, SEED_FR
    from test_cat_files import partners_memory

    memory = partners_memory(tmp_path / "Partenaires.sdltm")
    held = memory.read_bytes()
    for args in (("lookup", "partenaires"), ("tm", "search", "Les partenaires se réunissent à Lyon."),
                 ("ingest", SEED_FR, SEED_EN), ("glossary", "add", "partenaire", "partner")):
        result = run(memory, *args, code=2)
        assert result.stderr == (
            f"tmtool: error: {memory}: not a tmtool store: a SQLite database of another program (its tables: attributes,"
            " date_attributes, fuzzy_data …), which tmtool leaves as it is (check --db or $TMTOOL_DB); a Trados Studio"
            " memory is imported into a store: tmtool import FILE.sdltm\n"), args
    assert memory.read_bytes() == held and not list(tmp_path.glob("*-wal"))
    # as advised
    assert run(tmp_path / "t.db", "import", memory, code=0).stdout.startswith("3 units added")
    assert run(tmp_path / "t.db", "tm", "concordance", "Lyon", code=0).stdout.startswith(
        "Les partenaires se réunissent à Lyon.\n")
    # an empty file (made by touch, or by a program about to write one) is a new store as ever
    (tmp_path / "empty.db").touch()
    assert run(tmp_path / "empty.db", "stats", code=0).stdout.startswith("documents            0\n")


def test_a_postgresql_database_holding_a_table_of_a_store_s_name_is_one_line_and_left_as_it_was(pg_url):
    # another program's `units` in the database's schema: the store's schema failed on it with psycopg's
    # DuplicateTable traceback
    import psycopg

    from conftest import SEED_EN, SEED_FR

    with psycopg.connect(pg_url, autocommit=True) as pg:
        pg.execute("CREATE TABLE units (id serial PRIMARY KEY, name text NOT NULL)")
        pg.execute("INSERT INTO units (name) VALUES ('kg'), ('km')")
    result = run(pg_url, "ingest", SEED_FR, SEED_EN, code=1)
    assert result.stderr.startswith("tmtool: error: postgresql://") and result.stderr.count("\n") == 1
    assert result.stderr.endswith(': cannot make a tmtool store in this database: relation "units" already exists,'
                                  " another program's (give tmtool a database of its own: createdb tmtool)\n")
    with psycopg.connect(pg_url) as pg:
        assert pg.execute("SELECT name FROM units ORDER BY id").fetchall() == [("kg",), ("km",)]
        assert pg.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall() == [("units",)]


def test_another_program_s_database_counting_its_versions_as_a_store_does_is_left_as_it_is(tmp_path):
    # many programs count their schema's versions in SQLite's user version, as the store does (a browser's history,
    # an app's data): such a file given as the store took the store's tables and WAL, and a backup replaced it
    import sqlite3

    history = tmp_path / "places.sqlite"
    with closing(sqlite3.connect(history)) as db:
        db.executescript("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                         "INSERT INTO moz_places (url) VALUES ('https://www.nato.int'); PRAGMA user_version = 74;")
    held = history.read_bytes()
    result = run(history, "lookup", "OTAN", code=2)
    assert result.stderr == (f"tmtool: error: {history}: not a tmtool store: a SQLite database of another program (its"
                             " tables: moz_places), which tmtool leaves as it is (check --db or $TMTOOL_DB)\n")
    run(tmp_path / "t.db", "glossary", "add", "Comité militaire", "Military Committee", code=0)
    assert run(tmp_path / "t.db", "backup", history, code=1).stderr.endswith(
        ": not an earlier backup (a tmtool store): it would be replaced; give the backup a new file's name, or remove"
        " that file first\n")
    assert history.read_bytes() == held and not list(tmp_path.glob("places.sqlite-*"))


def test_a_backup_replaces_an_earlier_backup_never_another_file(store_url, tmp_path):
    # `tmtool backup exports/week.tmx`, the name completed to the wrong file: the memory's TMX was replaced by a
    # SQLite file without a word
    from conftest import REPO

    memory = (REPO / "tests" / "data" / "real" / "trados-studio.tmx").read_bytes()
    run(store_url, "glossary", "add", "Comité militaire", "Military Committee", code=0)
    week = tmp_path / "week.tmx"
    week.write_bytes(memory)
    result = run(store_url, "backup", week, code=1)
    assert result.stderr == (f"tmtool: error: {week}: not an earlier backup (a tmtool store): it would be replaced;"
                             " give the backup a new file's name, or remove that file first\n")
    assert week.read_bytes() == memory
    earlier = tmp_path / "monday.db"
    run(store_url, "backup", earlier, code=0)
    run(store_url, "glossary", "add", "Conseil de l'Atlantique Nord", "North Atlantic Council", code=0)
    run(store_url, "backup", earlier, code=0)  # the earlier backup, replaced
    assert "North Atlantic Council" in run(earlier, "glossary", "list", code=0).stdout


def test_an_export_or_a_segmentation_never_writes_over_a_store(store_url, tmp_path):
    # `tmtool export tmx -o tmtool.db`: the store in use (or a backup) was replaced by the TMX, every document,
    # entry and change of it lost, and the next command said "cannot open store: file is not a database"
    from conftest import SEED_FR

    run(store_url, "glossary", "add", "Comité militaire", "Military Committee", "--status", "approved", code=0)
    monday = tmp_path / "monday.db"
    run(store_url, "backup", monday, code=0)
    stores = [monday] + ([] if store_url.startswith("postgresql") else [store_url])
    for target in stores:
        held = open(target, "rb").read()
        for command in (("export", "tmx", "-o"), ("export", "tbx", "-o"), ("export", "xlsx", "-o"),
                        ("segment", SEED_FR, "-o")):
            result = run(store_url, *command, target, code=1)
            assert result.stderr == (f"tmtool: error: cannot write {target}: it is a tmtool store, which this would"
                                     " replace; give another file name\n"), command
        assert open(target, "rb").read() == held
    for store in [monday, store_url]:
        assert "Military Committee" in run(store, "glossary", "list", code=0).stdout
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("t.db")) == ["monday.db"]


def test_a_document_is_never_written_over_by_its_own_sentences_or_terms(tmp_path):
    # `tmtool segment rapport.fr.txt -o rapport.fr.txt`: the document was replaced by a sentence a line, its
    # paragraphs lost; `extract` likewise by its terms
    import shutil

    from conftest import SEED_FR

    document = tmp_path / "rapport.fr.txt"
    shutil.copy(SEED_FR, document)
    held = document.read_bytes()
    for command in (("segment", document, "-o", document), ("segment", document, "-o", tmp_path / "." / document.name),
                    ("extract", document, "-o", document)):
        result = run(tmp_path / "t.db", *command, code=1)
        assert result.stderr == (f"tmtool: error: cannot write {command[-1]}: it is the document read ({document}),"
                                 " which this would replace; give another file name\n")
    assert document.read_bytes() == held and sorted(p.name for p in tmp_path.iterdir()) == ["rapport.fr.txt"]
    run(tmp_path / "t.db", "segment", document, "-o", tmp_path / "rapport.sentences.txt", code=0)
    assert (tmp_path / "rapport.sentences.txt").read_text(encoding="utf-8").startswith(
        "Les partenaires de l’OTAN sont un atout inestimable")


def test_srx_rules_are_never_written_over_by_the_sentences_they_segment(tmp_path):
    # `tmtool segment rapport.fr.txt --srx regles.srx -o regles.srx` (the -o meant for the rules' neighbour): the
    # rules a team tuned were replaced by the document's sentences, and the next run failed reading them
    import shutil

    from conftest import SEED_EN, SEED_FR

    rules = tmp_path / "regles.srx"
    run(tmp_path / "t.db", "segment", "--export-srx", "-o", rules, code=0)
    held = rules.read_bytes()
    french, english = tmp_path / "rapport.fr.txt", tmp_path / "rapport.en.txt"
    shutil.copy(SEED_FR, french)
    shutil.copy(SEED_EN, english)
    for command in (("segment", french, "--srx", rules, "-o", rules),
                    ("align", french, english, "--srx", rules, "-o", rules)):
        result = run(tmp_path / "t.db", *command, code=1)
        assert result.stderr == (f"tmtool: error: cannot write {rules}: it is the SRX rules read ({rules}), which"
                                 " this would replace; give another file name\n")
    assert rules.read_bytes() == held
    run(tmp_path / "t.db", "segment", french, "--srx", rules, "-o", tmp_path / "rapport.sentences.txt", code=0)


def test_a_store_another_program_holds_open_is_never_written_over_either(tmp_path):
    # the workbench serving it: its write-ahead log not yet copied into the file, whose header still says no schema
    from conftest import SEED_FR
    from tmtool import api

    served = tmp_path / "served.db"
    with api.open_store(served, create=True) as store:
        api.add_entry(store, ["Comité militaire"], ["Military Committee"])
        assert (tmp_path / "served.db-wal").stat().st_size
        result = run(tmp_path / "t.db", "segment", SEED_FR, "-o", served, code=1)
        assert result.stderr == (f"tmtool: error: cannot write {served}: it is a tmtool store, which this would"
                                 " replace; give another file name\n")
        assert api.lookup(store, "Comité militaire")["entries"]


def test_a_read_only_store_with_counts_left_answers_a_look_up_without_a_word_about_them():
    """A store file one may only read, where a process killed as it counted a change left counts queued: a look-up
    made them first, failed to write, and said "the glossary's change is made; the stored documents using it are
    counted at the next change" to a reader who changed nothing. It answers, the counts left to the next writer."""
    import os

    from click.testing import CliRunner

    from crash_helpers import read_only_store, unprivileged
    from tmtool import open_store
    from tmtool.cli import main

    with read_only_store() as db:
        os.chmod(db, 0o644)
        with open_store(db) as store, store.transaction():
            store.queue_counts([("", 1)])  # entry 1's documents to find, as an approval leaves them
        os.chmod(db, 0o444)

        def look_up() -> tuple:
            result = CliRunner().invoke(main, ["--db", str(db), "lookup", "Comité militaire"])
            return result.exit_code, result.stdout.splitlines()[0], result.stderr

        assert unprivileged(look_up) == str((0, "Comité militaire  =  Military Committee   [candidate; exact; #1]", ""))
        with open_store(db) as store:
            assert store.queued_counts() == {"": {1}}
