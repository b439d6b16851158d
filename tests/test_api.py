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
from tmtool.model import Entry, ReviewStatus, Term


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


def test_an_edit_that_changes_nothing_is_no_change(store):
    """The same terms, status, definition and note: nothing written, no new version, no history."""
    added = api.add_entry(store, ["Comité militaire", "CM"], ["Military Committee"], definition="The senior body.",
                          note="NATO")
    history = api.history(store)
    for same in ({"fr": "Comité militaire"}, {"en": "Military Committee", "note": "NATO"}, {"add_fr": ["comité militaire"]},
                 {"definition": "The senior body.", "status": "approved"}, {}):
        assert api.edit(store, str(added["id"]), **same) == {"change": None, "entry": added}, same
    assert api.approve(store, [added["id"], int(added["id"])]) == []
    assert api.deprecate(store, added["id"], "CM") is not None
    deprecated = api.entry(store, added["id"])
    assert api.deprecate(store, added["id"], "cm") is None
    assert api.reject(store, [added["id"]]) and api.reject(store, [added["id"]]) == []
    assert [c["action"] for c in api.history(store)] == [c["action"] for c in history] + ["deprecate", "rejected"]
    assert api.entry(store, added["id"])["version"] == deprecated["version"] + 1
    # a stale version is refused all the same: the person saw another entry
    with pytest.raises(api.Conflict):
        api.edit(store, added["id"], note="NATO", expected_version=added["version"])


def test_the_same_term_written_again_keeps_what_extraction_knows_of_it(store):
    entry_id = store.insert_entry(Entry([Term("comités militaires", "fr", lemma="comité militaire",
                                                      forms=["comité militaire"]), Term("Military Committee", "en")],
                                            status=ReviewStatus.APPROVED), reviewed=True)
    before = api.entry(store, entry_id)
    assert api.edit(store, entry_id, fr="comités militaires")["change"] is None
    assert api.entry(store, entry_id) == before
    # an entry no person reviewed yet is marked reviewed, a change recorded, though its fields stay
    unreviewed = store.insert_entry(Entry([Term("espace aérien", "fr")], status=ReviewStatus.APPROVED),
                                    reviewed=False)
    assert api.approve(store, [unreviewed]) and api.approve(store, [unreviewed]) == []


def test_an_id_is_taken_as_a_number_or_its_text_and_given_back_in_its_kind_s_one_shape(store):
    """An entry's id is text, a change's and an import's a number (ARCHITECTURE.md, Ids), whichever
    form the id was given in."""
    added = api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    assert [api.entry(store, given)["id"] for given in (1, "1", "01")] == ["1", "1", "1"]
    [change] = api.approve(store, ["1"])
    assert api.history(store, 1) == api.history(store, "1") and api.history(store, added["id"])[-1]["id"] == change
    assert api.history(store)[-1]["entries"] == [1]
    for tsv in ("a.tsv", "b.tsv"):
        api.import_file(store, api.Upload(tsv, f"fr\ten\nterme {tsv}\tterm {tsv}\n".encode()))
    first, second = (found["id"] for found in api.imports(store))
    assert isinstance(first, int)
    removed = api.remove(store, imports=[str(first), second])
    assert [found["id"] for found in removed["imports"]] == [first, second]


def test_a_document_named_by_digits_may_be_given_as_a_number(store):
    api.ingest(store, api.Upload("a.fr.txt", "Le sommet s’achève demain.".encode()),
               api.Upload("a.en.txt", "The summit ends tomorrow.".encode()), document_id=2021, extract_terms=False)
    assert [found["id"] for found in api.documents(store)] == ["2021"]
    [unit] = api.document_units(store, 2021)
    assert api.document_units(store, "2021") == [unit] and api.check_document(store, 2021)["checked"] == 1
    assert api.exclude_unit(store, 2021, unit["id"]) and api.unit_edits(store, 2021) == api.unit_edits(store, "2021")
    assert api.undo_correction(store, 2021)["action"] == "exclude" and api.entries(store, document=2021) == []
    assert [done["document"] for done in api.reextract(store, [2021])["documents"]] == ["2021"]
    assert api.remove(store, documents=[2021])["documents"]["units"] == 1 and api.documents(store) == []


def test_the_history_names_who_made_each_change(tmp_path):
    db = str(tmp_path / "h.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "--user", "ana", "glossary", "add", "Comité militaire",
                                 "--status", "candidate"]).exit_code == 0
    assert runner.invoke(main, ["--db", db, "glossary", "approve", "1"]).exit_code == 0
    lines = runner.invoke(main, ["--db", db, "glossary", "history"]).output.splitlines()
    assert "  by ana  " in lines[0] and f"  by {api.default_user()}  " in lines[1]
