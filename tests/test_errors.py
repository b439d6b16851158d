"""The three kinds of error a caller tells apart, and the CLI's exit status for each."""

import pytest
from click.testing import CliRunner

from tmtool.cli import main


def run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args])


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
    with pytest.raises(Invalid, match="unknown kind of store mysql://"):
        open_store("mysql://ana@db.example.org/terms")
    result = run("mysql://ana@db.example.org/terms", "stats")
    assert (result.exit_code, result.output.count("\n")) == (1, 1)
