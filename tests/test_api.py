"""The library API: what the CLI, the web workbench and scripts call. Its docstrings' examples run
here, so a wrong example fails the suite."""

import doctest
import io

import pytest
from click.testing import CliRunner

import tmtool
from conftest import SEED_EN, SEED_FR
from tmtool import api
from tmtool.cli import main


@pytest.mark.parametrize("module", [tmtool, tmtool.api, tmtool.model, tmtool.store])
def test_the_docstring_examples_run(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted and not result.failed


@pytest.fixture
def store(store_url):
    with api.open_store(store_url, create=True) as opened:
        yield opened


def test_uploads_are_ingested_and_imported_under_their_own_names(store):
    done = api.ingest(store, api.Upload("../../meeting.fr.txt", SEED_FR.read_bytes()),
                      api.Upload("meeting.en.txt", SEED_EN.read_bytes()), extract_terms=False)
    assert done["document"] == "meeting" and done["units"] > 10 and done["held_by"] is None
    [document] = api.documents(store)
    assert (document["fr_file"], document["en_file"]) == ("meeting.fr.txt", "meeting.en.txt")  # nothing of the path
    assert len(api.document_units(store, "meeting")) == done["units"]
    terms = "fr\ten\nComité militaire\tMilitary Committee\nligne sans tabulation\n"
    imported = api.import_file(store, api.Upload("terms.tsv", terms.encode()), user="ana")
    assert (imported["kind"], imported["added"]) == ("entries", 1)
    assert imported["skipped"] == ["terms.tsv:3: no tab: expected source<TAB>target"]
    assert api.imports(store)[0]["path"] == "terms.tsv"
    assert api.history(store)[-1]["user"] == "ana"
    with pytest.raises(api.Invalid, match="needs a file name"):
        api.import_file(store, api.Upload("..", b"x"))


def test_an_export_goes_to_a_path_or_a_stream_alike(store, tmp_path):
    api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    api.add_entry(store, ["espace aérien"], ["airspace"])
    assert api.export(store, "tsv", tmp_path / "g.tsv") == 2
    stream = io.BytesIO()
    assert api.export(store, "tsv", stream) == 2  # entries written, as to a path: not bytes
    assert stream.getvalue() == (tmp_path / "g.tsv").read_bytes()


def test_a_stale_version_is_refused_and_ids_may_be_given_as_text(store):
    added = api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    edited = api.edit(store, added["id"], note="NATO", expected_version=added["version"], user="ana")
    assert edited["entry"]["note"] == "NATO" and edited["entry"]["version"] > added["version"]
    with pytest.raises(api.Conflict):
        api.approve(store, [added["id"]], expected_version=added["version"], user="bob")
    assert api.entry(store, added["id"])["status"] == "approved"  # the edit approved it; bob's click did nothing
    with pytest.raises(api.NotFound):
        api.entry(store, 99)
    with pytest.raises(api.Invalid):
        api.entry(store, "first")


def test_the_history_names_who_made_each_change(tmp_path):
    db = str(tmp_path / "h.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "--user", "ana", "glossary", "add", "Comité militaire"]).exit_code == 0
    assert runner.invoke(main, ["--db", db, "glossary", "approve", "1"]).exit_code == 0
    lines = runner.invoke(main, ["--db", db, "glossary", "history"]).output.splitlines()
    assert "  by ana  " in lines[0] and f"  by {api.default_user()}  " in lines[1]


def test_a_string_or_a_number_where_a_list_is_expected_is_refused_and_changes_nothing(store):
    # a str is a sequence of characters: approve(store, "12") read as ["1", "2"] approved two other entries
    for fr in ("Comité militaire", "espace aérien", "EMI"):
        api.add_entry(store, [fr], status="candidate")
    with pytest.raises(api.Invalid, match=r"^entry_ids is a list, not '12': give \['12'\]$"):
        api.approve(store, "12")
    with pytest.raises(api.Invalid, match="entry_ids is a list, not 3"):
        api.reject(store, 3, expected_version=1)
    with pytest.raises(api.Invalid, match="fr is a list"):
        api.add_entry(store, "Comité")
    with pytest.raises(api.Invalid, match="add_en is a list"):
        api.edit(store, 1, add_en="Military Committee")
    with pytest.raises(api.Invalid, match="statuses is a list"):
        api.entries(store, statuses="approved")
    with pytest.raises(api.Invalid, match="statuses is a list"):
        api.export(store, "tsv", io.BytesIO(), statuses="candidate")
    with pytest.raises(api.Invalid, match="documents is a list"):
        api.remove(store, documents="meeting")
    assert [(e["status"], e["version"]) for e in api.entries(store)] == [("candidate", 1)] * 3
    assert len(api.entries(store, statuses=("candidate",))) == 3  # any sequence but a string


def test_a_limit_below_one_or_a_since_given_as_text_is_invalid_and_says_so(store):
    # limit=0 was "range() arg 3 must not be zero" (a ValueError), -1 some answers; since="2024-01-01" an AttributeError
    api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    for call in (lambda limit: api.search(store, "Comité militaire", limit=limit),
                 lambda limit: api.lookup(store, "Comité militaire", limit=limit),
                 lambda limit: api.concordance(store, "Comité", limit=limit)):
        for limit in (0, -1, 2.5):
            with pytest.raises(api.Invalid, match=rf"^limit is a whole number from 1, not {limit}$"):
                call(limit)
    assert api.lookup(store, "Comité militaire", limit=1)["entries"]
    for call in (lambda since: api.entries(store, since=since),
                 lambda since: api.export(store, "tsv", io.BytesIO(), since=since)):
        with pytest.raises(api.Invalid, match=r"since is a datetime \(datetime.fromisoformat\('2024-01-01'\)\)"):
            call("2024-01-01")


def test_entries_come_by_score_by_frequency_or_latest_added_first(store):
    ids = [int(api.add_entry(store, [fr], status="candidate")["id"]) for fr in ("brigade", "corps d'armée", "division")]
    for entry_id, score, frequency in zip(ids, (0.9, 0.5, 0.5), (1, 7, 3)):
        store.set_entry_fields(entry_id, {"score": score, "frequency": frequency})

    def order(**options):
        return [int(e["id"]) for e in api.entries(store, **options)]

    assert order() == order(order="score") == ids
    assert order(order="frequency") == [ids[1], ids[2], ids[0]]
    assert order(order="newest") == ids[::-1]
    assert order(order="frequency", offset=1, limit=1) == [ids[2]]
    with pytest.raises(api.Invalid, match=r"unknown order 'alphabetical' \(expected score, frequency, newest\)"):
        api.entries(store, order="alphabetical")
