"""The library API: what the CLI, the web workbench and scripts call. Its docstrings' examples run
here, so a wrong example fails the suite."""

import doctest
import functools
import importlib
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import tmtool
from conftest import REPO, SEED_EN, SEED_FR
from tmtool import api
from tmtool.cli import main
from tmtool.model import Entry, ReviewStatus, Term

MINEHUNTERS = REPO / "tests" / "data" / "minehunters"


# every module whose docstrings hold an example (tmtool.align's and tmtool.store.url's were run by none)
EXAMPLED = sorted(".".join(("tmtool", *path.relative_to(Path(tmtool.__file__).parent).with_suffix("").parts)).removesuffix(
    ".__init__") for path in Path(tmtool.__file__).parent.rglob("*.py") if ">>> " in path.read_text(encoding="utf-8"))


def test_the_modules_with_examples_include_the_public_ones():
    assert {"tmtool", "tmtool.api", "tmtool.model", "tmtool.store"} <= set(EXAMPLED)


@pytest.mark.parametrize("name", EXAMPLED)
def test_the_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted and not result.failed


# the public names no example of their own shows, and why: values, and the errors' kinds (TmtoolError's example
# shows what they share; the examples of the operations raise each)
UNEXAMPLED = {
    "ENTRY_ORDERS": "a value: the orders entries() takes, its example shows two",
    "MEMORY_COUNT_CAP": "a value: how far lookup() counts the memory's units",
    "NOTICE_COMMANDS": "a value: the attribute naming a notice's commands, notice_on_store's example sets it",
    "STATUSES": "a value: the review statuses",
    "USAGES": "a value: a term's usages, set_usage's example names them",
    "STORE_CHECK_COMMANDS": "a value: the commands check_store's lines may advise",
    "Conflict": "an error kind (TmtoolError's example): edit's example raises it",
    "Invalid": "an error kind (TmtoolError's example): lookup's example raises it",
    "NotFound": "an error kind (TmtoolError's example): entry's example raises it",
    "ReadOnly": "an error kind: a store its user may only read; test_store's read-only tests raise it",
    "Unavailable": "an error kind: a store that cannot answer now, which no example can make",
}


@functools.cache
def _doctests(module: str) -> dict[str, doctest.DocTest]:
    return {test.name: test for test in doctest.DocTestFinder().find(importlib.import_module(module)) if test.examples}


def _unexampled(namespace, names) -> list[str]:
    """The ``names`` of ``namespace`` without an example that test_the_docstring_examples_run runs."""
    missing = []
    for name in names:
        value = getattr(namespace, name)
        module = getattr(value, "__module__", None)
        if not (callable(value) and module in EXAMPLED and f"{module}.{value.__qualname__}" in _doctests(module)):
            missing.append(name)
    return missing


def test_every_public_name_has_an_example_that_runs_or_says_why_not():
    """A script author reads a function's docstring for how to call it: 38 of tmtool.api's public names had no
    example. Each has one now, which the test above runs (a name re-exported from another module: that module's
    examples run too), or is in UNEXAMPLED with the reason; a new public function without an example fails here."""
    missing = _unexampled(api, [name for name in api.__all__ if name not in UNEXAMPLED])
    assert missing == [], f"add an example to these docstrings (or a reason to UNEXAMPLED): {missing}"
    assert not (set(UNEXAMPLED) - set(api.__all__)), "UNEXAMPLED names a name tmtool.api no longer exports"
    assert not [name for name in UNEXAMPLED if name not in _unexampled(api, [name])], "it has an example now"
    package = [name for name in tmtool.__all__ if name not in ("__version__", "api") and name not in UNEXAMPLED]
    assert _unexampled(tmtool, package) == []
    # the operations the workbench and the command line call are public: a script can import them from tmtool.api
    used = {name for path in (Path(tmtool.__file__).parent / "web", Path(tmtool.__file__).parent / "cli.py")
            for file in ([path] if path.is_file() else path.rglob("*.py"))
            for name in re.findall(r"\bapi\.([a-z]\w*)\(", file.read_text(encoding="utf-8"))}
    assert used - set(api.__all__) == set()


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
    for same in ({"fr": "Comité militaire"}, {"en": "Military Committee", "note": "NATO"}, {"add_fr": [" Comité  militaire "]},
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



def test_a_candidate_saved_unchanged_stays_a_candidate(store):
    """An edit form saved as it was shown reviews nothing: the candidate stays in the queue; a real edit
    approves it (the person editing has reviewed it)."""
    added = api.add_entry(store, ["plan de vol"], ["flight plan"], status="candidate")
    shown = {"fr": "plan de vol", "en": "flight plan", "definition": "", "note": ""}
    assert api.edit(store, added["id"], **shown, expected_version=added["version"]) == {"change": None, "entry": added}
    edited = api.edit(store, added["id"], **{**shown, "note": "ICAO form"}, expected_version=added["version"])
    assert edited["change"] is not None and edited["entry"]["status"] == "approved"


def test_a_term_written_alike_in_two_languages_is_dropped_in_the_one_named(store):
    """*radar* is French and English: ``drop`` takes the first so written, ``drop_terms`` the one of its language."""
    added = api.add_entry(store, ["radar"], ["radar", "radio detection and ranging"])
    edited = api.edit(store, added["id"], drop_terms={"en-GB": ["Radar"]})["entry"]
    assert [(t["lang"], t["text"]) for t in edited["terms"]] == [("fr", "radar"), ("en", "radio detection and ranging")]
    with pytest.raises(api.Invalid, match="no en term 'radar'"):
        api.edit(store, added["id"], drop_terms={"en": ["radar"]})
    for bad in ({"en": "radar"}, {"xx-1": ["radar"]}, ["radar"]):
        with pytest.raises(api.Invalid):
            api.edit(store, added["id"], drop_terms=bad)

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
    with pytest.raises(api.Invalid, match="documents is a list"):
        api.reextract(store, "meeting")
    assert [(e["status"], e["version"]) for e in api.entries(store)] == [("candidate", 1)] * 3
    assert len(api.entries(store, statuses=("candidate",))) == 3  # any sequence but a string


def test_a_limit_below_one_or_a_since_given_as_text_is_invalid_and_says_so(store):
    # limit=0 was "range() arg 3 must not be zero" (a ValueError), -1 some answers; since="2024-01-01" an AttributeError
    api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    for call in (lambda limit: api.search(store, "Comité militaire", limit=limit),
                 lambda limit: api.lookup(store, "Comité militaire", limit=limit),
                 lambda limit: api.concordance(store, "Comité", limit=limit),
                 lambda limit: api.entries(store, limit=limit)):  # entries(limit=0) gave [], as if none
        for limit in (0, -1, 2.5):
            with pytest.raises(api.Invalid, match=rf"^limit is a whole number from 1, not {limit}$"):
                call(limit)
    assert api.lookup(store, "Comité militaire", limit=1)["entries"]
    # an offset of 1.5 was SQLite's "datatype mismatch" and no entry on PostgreSQL; a min_score of "0.5" the reverse
    for offset in (-1, 1.5, "1"):
        with pytest.raises(api.Invalid, match=rf"^offset is a whole number from 0, not {offset!r}$"):
            api.entries(store, offset=offset)
    with pytest.raises(api.Invalid, match=r"^min_score is a number, not '0.5'$"):
        api.entries(store, min_score="0.5")
    assert len(api.entries(store, offset=0, min_score=0)) == 1
    for call in (lambda since: api.entries(store, since=since),
                 lambda since: api.export(store, "tsv", io.BytesIO(), since=since)):
        with pytest.raises(api.Invalid, match=r"since is a datetime \(datetime.fromisoformat\('2024-01-01'\)\)"):
            call("2024-01-01")


def test_a_wrong_argument_is_invalid_wherever_it_is_checked(store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    # an empty look-up term and a backup into a folder or onto the store were plain TmtoolErrors: a
    # script catching tmtool.Invalid for its bad input let them through
    calls = {"lookup": (lambda: api.lookup(store, " "), "empty look-up term"),
             "backup": (lambda: api.backup(store, out), "is a directory; give the backup's file name")}
    for name, (call, says) in calls.items():
        with pytest.raises(api.Invalid, match=says):
            call()
    if store.url.endswith(".db"):
        with pytest.raises(api.Invalid, match="this is the store itself"):
            api.backup(store, store.url)
    assert api.stats(store)["entries"] == 0 and list(out.iterdir()) == []


def test_an_empty_concordance_is_refused_alike_by_the_api_the_command_line_and_http(store):
    """Nothing to look for is a wrong argument, as an empty look-up is: the API gave [] (a script took it for
    a phrase no unit holds), the command line said \"no unit contains ''\" as if it had searched, and HTTP
    answered a blank ``q`` (the box holding a space) with 200 and no units, an empty one in its validator's
    words (\"q: String should have at least 1 character\")."""
    from workbench import client

    http, _ = client(store.url)
    for text in ("", "   ", "\u00ad"):  # a soft hyphen alone is no text either (see tmtool.text.normalize.visible)
        with pytest.raises(api.Invalid, match=r"^empty concordance text$"):
            api.concordance(store, text)
        result = CliRunner().invoke(main, ["--db", store.url, "tm", "concordance", text])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", "tmtool: error: empty concordance text\n")
        answer = http.get("/api/concordance", params={"q": text})
        assert (answer.status_code, answer.json()) == (400, {"error": "invalid", "message": "empty concordance text"})


def test_an_empty_look_up_is_refused_alike_by_the_api_the_command_line_and_http(store):
    """One rule, as for the concordance: HTTP answered an empty or blank ``q`` with 200 and nothing found, where
    a lone soft hyphen (no text either) was a 400 and the command line and the API refused all three."""
    from workbench import client

    http, _ = client(store.url)
    for text in ("", "   ", "\u00ad"):
        with pytest.raises(api.Invalid, match=r"^empty look-up term$"):
            api.lookup(store, text)
        result = CliRunner().invoke(main, ["--db", store.url, "lookup", text])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", "tmtool: error: empty look-up term\n")
        answer = http.get("/api/lookup", params={"q": text})
        assert (answer.status_code, answer.json()) == (400, {"error": "invalid", "message": "empty look-up term"})
        assert http.get("/", params={"q": text}).status_code == 200  # the page's box left empty: nothing asked


def test_a_number_beyond_every_id_is_not_found_and_a_limit_beyond_every_row_is_all(store):
    """10**20 is beyond both backends' 64-bit ids: SQLite's driver raised OverflowError, PostgreSQL
    'bigint out of range' (for a limit or an offset), as tracebacks at the command line and 500s in HTTP."""
    huge = 10**20
    entry_id = api.add_entry(store, ["Comité militaire"], ["Military Committee"])["id"]
    for call, says in ((lambda: api.entry(store, huge), f"no glossary entry {huge}"),
                       (lambda: api.approve(store, [str(huge)]), f"no glossary entry {huge}"),
                       (lambda: api.edit(store, huge, note="x"), f"no glossary entry {huge}"),
                       (lambda: api.merge(store, entry_id, huge), f"no glossary entry {huge}"),
                       (lambda: api.revert(store, huge), f"no change {huge}"),
                       (lambda: api.remove(store, imports=[huge]), f"no import {huge}")):
        with pytest.raises(api.NotFound, match=f"^{says}$"):
            call()
    assert [e["id"] for e in api.entries(store, limit=huge)] == [entry_id]
    assert api.entries(store, offset=huge, limit=5) == []
    assert [e["id"] for e in api.lookup(store, "Comité", limit=huge)["entries"]] == [entry_id]
    assert api.concordance(store, "Comité", limit=huge) == []
    result = CliRunner().invoke(main, ["--db", store.url, "glossary", "list", "--limit", str(huge)])
    assert (result.exit_code, result.output.split()[0]) == (0, entry_id), result.output


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


def test_every_operation_reading_files_refuses_a_missing_file_or_a_folder_as_invalid(store, tmp_path):
    # check, segment, align and extract let Python's FileNotFoundError or IsADirectoryError out, which a
    # script catching tmtool.TmtoolError did not catch; import and ingest called a folder "no such file"
    work = tmp_path / "work"
    folder = work / "inbox"
    folder.mkdir(parents=True)
    missing = work / "absent.fr.txt"
    operations = {
        "check": lambda path: api.check(store, path),
        "check a pair": lambda path: api.check(store, path, SEED_EN),
        "import_file": lambda path: api.import_file(store, path),
        "ingest": lambda path: api.ingest(store, SEED_FR, path),
        "segment": lambda path: api.segment(path, "fr", str(work / "out.txt")),
        "align": lambda path: api.align(path, SEED_EN, str(work / "out.tmx")),
        "extract": lambda path: api.extract([path], str(work / "out.tsv")),
    }
    for name, operation in operations.items():
        for path, message in ((missing, "no such file"), (folder, "is a folder, not a file")):
            with pytest.raises(api.Invalid) as caught:
                operation(path)
            assert str(caught.value) == f"{path}: {message}", name
    assert [p.name for p in work.iterdir()] == ["inbox"] and api.stats(store)["units"] == 0
    # and an output where no file can be written is bad input too, for every operation writing one
    writers = {"export": lambda out: api.export(store, "tsv", out),
               "segment": lambda out: api.segment(SEED_FR, "fr", out),
               "align": lambda out: api.align(SEED_FR, SEED_EN, out), "export_srx": lambda out: api.export_srx(out)}
    for name, write in writers.items():
        for out, message in ((work / "nowhere" / "out.txt", "directory .* does not exist"),
                             (folder, "it is a directory")):
            with pytest.raises(api.Invalid, match=message):
                write(str(out))
    assert [p.name for p in work.iterdir()] == ["inbox"]


def test_an_expected_version_given_as_text_is_that_version(store):
    """A script reading the version from a form or a command's output has "2": it was compared with the
    stored 2 as unequal and refused as a Conflict saying "version 2, not 2"."""
    added = api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    assert api.edit(store, added["id"], note="NATO", expected_version=str(added["version"]))["change"]
    seen = str(api.entry(store, added["id"])["version"])
    assert api.deprecate(store, added["id"], "Military Committee", expected_version=seen)
    assert api.reject(store, [added["id"]], expected_version=str(api.entry(store, added["id"])["version"]))
    with pytest.raises(api.Conflict, match=r"version 4, not 3\)"):
        api.approve(store, [added["id"]], expected_version="3")
    for wrong in ("four", 4.0, True, [4]):
        with pytest.raises(api.Invalid, match=r"^expected_version is the entry's version as read, a whole number"):
            api.approve(store, [added["id"]], expected_version=wrong)
    assert api.entry(store, added["id"])["status"] == "rejected"


def test_an_argument_of_the_wrong_type_is_invalid_and_names_it(store):
    """None or a number for text, a list for a term, text or NaN for a score were Python's AttributeError
    and TypeError (a script catching tmtool.Invalid let them through) or, NaN, no entry found."""
    added = api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    calls = [(lambda: api.lookup(store, None), r"^term is a string, not None$"),
             (lambda: api.lookup(store, 12), r"^term is a string, not 12$"),
             (lambda: api.search(store, None), r"^text is a string, not None$"),
             (lambda: api.search(store, "Le Comité militaire", min_score="70"), r"^min_score is a number, not '70'$"),
             (lambda: api.concordance(store, 5), r"^text is a string, not 5$"),
             (lambda: api.entries(store, text=5), r"^text is a string, not 5$"),
             (lambda: api.entries(store, min_score=float("nan")), r"^min_score is a number, not nan$"),
             (lambda: api.edit(store, added["id"], fr=["Comité"]), r"^fr is a string, not \['Comité'\]$"),
             (lambda: api.edit(store, added["id"], note=5), r"^note is a string, not 5$"),
             (lambda: api.deprecate(store, added["id"], None), r"^term is a string, not None$"),
             (lambda: api.add_entry(store, ["espace aérien"], ["airspace"], definition=["x"]),
              r"^definition is a string, not \['x'\]$")]
    for call, says in calls:
        with pytest.raises(api.Invalid, match=says):
            call()
    assert api.entry(store, added["id"]) == added and api.stats(store)["entries"] == 1


def test_a_merge_against_the_version_read_is_refused_when_the_entry_changed_since(store):
    """A merge took no version: a rejection made meanwhile was merged away into the other entry, unseen."""
    kept = api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    variant = api.add_entry(store, ["comité militaire de l'OTAN"], ["NATO Military Committee"], status="candidate")
    rejected = api.reject(store, [variant["id"]], user="ben")
    with pytest.raises(api.Conflict, match=rf"^entry {variant['id']} was changed by someone else \(version 2, not 1\)"):
        api.merge(store, variant["id"], kept["id"], expected_version=variant["version"], user="ana")
    assert api.entry(store, kept["id"]) == kept and api.history(store)[-1]["id"] == rejected[0]
    assert api.merge(store, variant["id"], kept["id"], expected_version="2", user="ana")
    assert [t["text"] for t in api.entry(store, kept["id"])["en"]] == ["Military Committee", "NATO Military Committee"]


def test_a_file_or_a_term_of_the_wrong_type_is_invalid_and_names_it(store):
    """None or a number for a file, text for an upload's bytes, a number or None among terms, a list for a
    term to replace: Python's TypeError and AttributeError from deep down, where tmtool.Invalid is promised."""
    added = api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    calls = [(lambda: api.import_file(store, None), r"^a file is given as its path or as an Upload, not None$"),
             (lambda: api.ingest(store, 5, 6), r"^a file is given as its path or as an Upload, not 5$"),
             (lambda: api.import_file(store, api.Upload("terms.csv", "fr,en\nchar,tank\n")),
              r"^terms.csv: an Upload's data are bytes \(text.encode\(\)\), not str$"),
             (lambda: api.import_file(store, api.Upload(None, b"fr,en\n")), r"^an upload needs a file name, not None$"),
             (lambda: api.add_entry(store, ["char de combat", 5], ["battle tank"]), r"^fr\[1\] is a string, not 5$"),
             (lambda: api.add_entry(store, terms={"de": [None]}), r"^terms\['de'\]\[0\] is a string, not None$"),
             (lambda: api.edit(store, added["id"], add_en=[None]), r"^add_en\[0\] is a string, not None$"),
             (lambda: api.edit(store, added["id"], drop=[1]), r"^drop\[0\] is a string, not 1$"),
             (lambda: api.edit(store, added["id"], terms={"de": ["Militärausschuss"]}),
              r"^terms\['de'\] is a string, not \['Militärausschuss'\]$"),
             (lambda: api.edit(store, added["id"], terms=["de"]), r"^terms are a mapping of languages to terms"),
             (lambda: api.edit(store, added["id"], genders={"fr": 5}), r"^genders\['fr'\] is a string, not 5$"),
             (lambda: api.edit(store, added["id"], parts_of_speech={"en": ["noun"]}),
              r"^parts_of_speech\['en'\] is a string, not \['noun'\]$"),
             (lambda: api.edit(store, added["id"], genders="m"), r"^genders are a mapping of languages to genders"),
             (lambda: api.entries(store, after=5), r"^after: '5' is not the cursor of a page of entries"),
             (lambda: api.entries_cursor({"id": "1"}), r"^entries_cursor takes an entry as entries\(\) gives it")]
    for call, says in calls:
        with pytest.raises(api.Invalid, match=says):
            call()
    assert api.entry(store, added["id"]) == added and api.stats(store)["entries"] == 1 and api.imports(store) == []


def test_an_entry_merged_or_removed_is_not_found_saying_where_it_went(store):
    """A reviewer approving from a page another reviewer's merge had made stale was told "no glossary entry 2",
    as if it had never been: the history says where it went, and so does the error now."""
    kept = api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    variant = api.add_entry(store, ["comité militaire de l'OTAN"], ["NATO Military Committee"], status="candidate")
    other = api.add_entry(store, ["séance"], ["session"], status="candidate")
    merged = api.merge(store, variant["id"], kept["id"], user="ana")
    removed = api.remove_entry(store, other["id"], user="ben")
    # the entries sharing its terms (as `glossary add` asks them) said "no entry 2", unlike every other call
    for call in (lambda: api.entry(store, variant["id"]), lambda: api.approve(store, [variant["id"]]),
                 lambda: api.edit(store, variant["id"], note="x"), lambda: api.merge(store, variant["id"], kept["id"]),
                 lambda: api.entries_sharing_terms(store, variant["id"])):
        with pytest.raises(api.NotFound, match=rf"^no glossary entry {variant['id']}: it was merged into entry "
                                               rf"{kept['id']} \(change {merged}, by ana\)$"):
            call()
    with pytest.raises(api.NotFound, match=rf"^no glossary entry {other['id']}: it was removed \(remove, change {removed},"
                                           r" by ben\)$"):
        api.reject(store, [other["id"]])
    for call in (lambda: api.entry(store, 99), lambda: api.entries_sharing_terms(store, 99)):
        with pytest.raises(api.NotFound, match=r"^no glossary entry 99$"):
            call()
    api.revert(store, merged)  # back: found again
    assert api.entry(store, variant["id"])["status"] == "candidate"


def test_a_language_a_name_a_format_or_a_place_of_the_wrong_type_is_invalid_and_names_it(store, tmp_path):
    """A language tag, a reviewer's name, a format, a place to write to, a split's positions or an exclusion given
    as another type were Python's AttributeError, TypeError and ValueError (a list as the user, SQLite's
    ProgrammingError; PostgreSQL stored it as the name '{ana}'), where tmtool.Invalid is promised."""
    added = api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    api.ingest(store, api.Upload("d.fr.txt", "Le chat dort. Il fait beau.".encode()),
               api.Upload("d.en.txt", b"The cat sleeps. The weather is fine."), extract_terms=False)
    unit = api.document_units(store, "d")[0]["id"]
    calls = [(lambda: api.lookup(store, "Comité", lang=5), r"^lang is a language tag \(fr, en-GB\), not 5$"),
             (lambda: api.search(store, "Le Comité militaire", lang=None), r"^lang is a language tag .*, not None$"),
             (lambda: api.search(store, "Le Comité militaire", min_score=None), r"^min_score is a number, not None$"),
             (lambda: api.concordance(store, "Comité", lang=["fr"]), r"^lang is a language tag .*, not \['fr'\]$"),
             (lambda: api.entries(store, lang=5), r"^lang is a language tag .*, not 5$"),
             (lambda: api.entries(store, lang=["de"]), r"^lang is a language tag .*, not \['de'\]$"),
             (lambda: api.export(store, "tsv", io.BytesIO(), srclang=5), r"^srclang is a language tag .*, not 5$"),
             (lambda: api.ingest(store, api.Upload("e.fr.txt", b"Il pleut."), api.Upload("e.en.txt", b"It rains."),
                                 tgtlang=["en"]), r"^tgtlang is a language tag .*, not \['en'\]$"),
             (lambda: api.export(store, ["tsv"], io.BytesIO()), r"^fmt is a format's name \(tsv\), not \['tsv'\]$"),
             (lambda: api.export(store, "tsv", None), r"^out is a path or a binary stream .*, not None$"),
             (lambda: api.export(store, "tsv", io.StringIO()), r"^out is a path or a binary stream \(sys.stdout.buffer"),
             (lambda: api.export_srx(io.StringIO()), r"^out is a path or a binary stream \(sys.stdout.buffer"),
             (lambda: api.backup(store, 5), r"^path is a path, not 5$"),
             (lambda: api.approve(store, [added["id"]], user=["ana"]), r"^user is a person's name, not \['ana'\]$"),
             (lambda: api.add_entry(store, ["char"], ["tank"], user=5), r"^user is a person's name, not 5$"),
             (lambda: api.split_unit(store, "d", unit, "1", "0"), r"^source_at is a whole number from 0, not '1'$"),
             (lambda: api.exclude_unit(store, "d", unit, "no"), r"^excluded is True or False, not 'no'$"),
             (lambda: api.approve(store, [True]), r"^not an id: True$"),
             (lambda: api.reject(store, [float(added["id"]) + 0.5]), r"^not an id: 1.5$"),
             (lambda: api.open_store(None), r"^a store is named by its path or URL, not None$")]
    for call, says in calls:
        with pytest.raises(api.Invalid, match=says):
            call()
    assert api.entry(store, added["id"]) == added and api.stats(store)["entries"] == 1
    assert [(u["bead"], u["excluded"]) for u in api.document_units(store, "d")] == [("1-1", False), ("1-1", False)]
    assert api.history(store)[-1]["user"] is None and api.unit_edits(store, "d") == []


def test_a_store_used_in_another_thread_than_its_own_is_refused_in_one_line(store):
    """A store is one connection, one thread's. On PostgreSQL a second thread's write joined the transaction the
    first had open and was undone with it, after its entry's id had been answered; SQLite's driver refused it
    with its own ProgrammingError ("SQLite objects created in a thread can only be used in that same thread")."""
    import threading

    answers = []

    def elsewhere():
        for call in (lambda: api.add_entry(store, ["char de combat"], ["battle tank"]), lambda: api.entries(store)):
            try:
                answers.append(call())
            except api.Invalid as refused:
                answers.append(str(refused))

    with pytest.raises(RuntimeError, match="the first thread's work fails"):
        with store.transaction():
            api.add_entry(store, ["Comité militaire"], ["Military Committee"])
            thread = threading.Thread(target=elsewhere)
            thread.start()
            thread.join()
            raise RuntimeError("the first thread's work fails")
    assert answers == ["this store was opened in another thread: open_store() in each thread that uses one"] * 2
    assert api.stats(store)["entries"] == 0
    api.add_entry(store, ["char de combat"], ["battle tank"])  # its own thread's work goes on
    assert api.stats(store)["entries"] == 1


def test_text_that_is_not_utf8_a_nul_in_a_path_or_a_score_past_64_bits_is_invalid_and_says_so(store, tmp_path):
    """What a script reads from a file name or a command line that is not UTF-8 (café typed on a Latin-1
    terminal: Python keeps the byte 0xE9 as '\\udce9'), half a character from JSON ('\\ud800'), a path holding a
    NUL and a minimum score past 64 bits reached the store's driver or os: UnicodeEncodeError ("surrogates not
    allowed"), ValueError ("embedded null byte"), SQLite's OverflowError, where tmtool.Invalid is promised."""
    api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    out = tmp_path / "out"
    out.mkdir()
    byte = r"holds the byte 0xE9, which is not UTF-8 \(text in another encoding\): '(le )?caf\\udce9( du Comité)?'$"
    half = r"holds a lone surrogate U\+D800 \(half of a character, without its other half\)"
    calls = [(lambda: api.lookup(store, "caf\udce9"), "^term " + byte),
             (lambda: api.concordance(store, "caf\udce9"), "^text " + byte),
             (lambda: api.search(store, "le café du Comité", min_score=50), None),  # as typed in UTF-8: no error
             (lambda: api.search(store, "le caf\udce9 du Comité"), "^text " + byte),
             (lambda: api.entries(store, text="\ud800"), "^text " + half),
             (lambda: api.entries(store, document="caf\udce9"), "^a document's id " + byte),
             (lambda: api.document_units(store, "caf\udce9"), "^a document's id " + byte),
             (lambda: api.check_document(store, "\ud800"), "^a document's id " + half),
             (lambda: api.undo_correction(store, "caf\udce9"), "^a document's id " + byte),
             (lambda: api.backup(store, out / "a\x00.db"), r"^path holds a NUL character \(U\+0000\)"),
             (lambda: api.backup(store, str(out / "\ud800.db")), "^path " + half),
             (lambda: api.export(store, "tsv", out / "a\x00.tsv"), r"^out holds a NUL character \(U\+0000\)")]
    for call, says in calls:
        if says is None:
            call()
            continue
        with pytest.raises(api.Invalid, match=says):
            call()
    assert api.entries(store, min_score=2**80) == [] and len(api.entries(store, min_score=-2**80)) == 1
    # past a float's range too (float() was OverflowError: "int too large to convert to float")
    assert api.entries(store, min_score=10**400) == [] and len(api.entries(store, min_score=-10**400)) == 1
    with pytest.raises(api.Invalid, match="^minimum match must be between 1 and 100"):
        api.search(store, "le café du Comité militaire", min_score=10**400)
    assert list(out.iterdir()) == []
    result = CliRunner().invoke(main, ["--db", store.url, "lookup", "caf\udce9"])
    assert (result.exit_code, result.stderr) == (
        1, "tmtool: error: term holds the byte 0xE9, which is not UTF-8 (text in another encoding): 'caf\\udce9'\n")


def test_a_term_given_twice_is_stored_once_however_it_is_added(store):
    """An entry held two of one term when the same text (spaced otherwise too) was given twice in one call —
    ``--en-also IMS --en-also IMS`` — where a term the entry held already was passed over: exports then wrote it
    twice in the entry's language. A term in another case is another term, kept (``_case_and_accents_make``)."""
    from workbench import client

    added = api.add_entry(store, ["État-major militaire international", "EMI", " EMI "],
                          ["International Military Staff", "International  Military Staff"], terms={"de": ["IMS", "IMS"]})
    assert [(t["lang"], t["text"]) for t in added["terms"]] == [
        ("fr", "État-major militaire international"), ("fr", "EMI"), ("en", "International Military Staff"),
        ("de", "IMS")]
    edited = api.edit(store, added["id"], add_en=["IMS", "IMS"], add_terms={"de": ["Internationaler Militärstab"] * 2})
    assert [(t["lang"], t["text"]) for t in edited["entry"]["terms"]][3:] == [
        ("de", "IMS"), ("en", "IMS"), ("de", "Internationaler Militärstab")]
    result = CliRunner().invoke(main, ["--db", store.url, "glossary", "add", "Comité militaire", "Military Committee",
                                       "--en-also", "MC", "--en-also", "MC", "--fr-also", "CM", "--fr-also", "CM"])
    assert result.exit_code == 0, result.output
    military = api.lookup(store, "Military Committee")["entries"][0]
    assert [t["text"] for t in military["terms"]] == ["Comité militaire", "CM", "Military Committee", "MC"]
    http, csrf = client(store.url)
    answer = http.patch(f"/api/entries/{military['id']}", headers=csrf,
                        json={"version": military["version"], "add_en": ["Military Cttee", "Military\tCttee"]})
    assert answer.status_code == 200, answer.text
    assert [t["text"] for t in answer.json()["entry"]["terms"] if t["lang"] == "en"] == [
        "Military Committee", "MC", "Military Cttee"]


def test_case_and_accents_make_another_term_kept_as_an_import_keeps_it(store, tmp_path):
    """*CM* (Comité militaire) and *cm* (centimètre), *Internet* and *internet*, *résumé* and *resume* are each two
    terms, as a termbase holds them and its import keeps them: a person adding one to an entry holding the other
    (or giving both) had it passed over, said nowhere — and, an entry holding both, dropping or deprecating
    ``internet`` took *Internet*, the first written alike folded."""
    added = api.add_entry(store, ["Internet"], ["Internet", "internet"], terms={"de": ["CM", "cm"]})
    assert [(t["lang"], t["text"]) for t in added["terms"]] == [
        ("fr", "Internet"), ("en", "Internet"), ("en", "internet"), ("de", "CM"), ("de", "cm")]
    edited = api.edit(store, added["id"], add_fr=["internet", "Internet"], add_en=["INTERNET"])
    assert [t["text"] for t in edited["entry"]["terms"] if t["lang"] != "de"] == [
        "Internet", "Internet", "internet", "internet", "INTERNET"]
    api.deprecate(store, added["id"], "internet", lang="en")
    assert [t["text"] for t in api.entry(store, added["id"])["terms"] if t["usage"] == "deprecated"] == ["internet"]
    dropped = api.edit(store, added["id"], drop_terms={"fr": ["internet"]})
    assert [t["text"] for t in dropped["entry"]["terms"] if t["lang"] == "fr"] == ["Internet"]
    résumé = api.add_entry(store, ["curriculum vitae"], ["résumé", "resume", "résumé"])
    assert [t["text"] for t in résumé["terms"] if t["lang"] == "en"] == ["résumé", "resume"]
    # the import's reading of the same: two terms kept, one term given twice kept once
    tbx = tmp_path / "case.tbx"
    tbx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="en">
<termSec><term>Alliance</term></termSec><termSec><term>alliance</term></termSec><termSec><term>Alliance</term></termSec>
</langSec><langSec xml:lang="fr"><termSec><term>Alliance</term></termSec></langSec></conceptEntry>
</body></text></tbx>""", encoding="utf-8")
    api.import_file(store, tbx)
    imported = api.lookup(store, "Alliance")["entries"][0]
    assert [t["text"] for t in imported["terms"] if t["lang"] == "en"] == ["Alliance", "alliance"]


def test_a_file_written_to_standard_output_reaches_a_text_stream_standing_for_it(store):
    """In a notebook, IDLE or under contextlib.redirect_stdout, standard output is a text stream without the
    bytes beneath it: align, segment's TMX, the SRX rules and a TMX export to "-" (their default) raised
    AttributeError ("'StringIO' object has no attribute 'buffer'"), where the text export and segment's lines
    were written."""
    import contextlib

    api.ingest(store, SEED_FR, SEED_EN, extract_terms=False)
    calls = {"align": lambda: api.align(SEED_FR, SEED_EN), "segment": lambda: api.segment(SEED_FR, "fr", fmt="tmx"),
             "export_srx": lambda: api.export_srx(), "export": lambda: api.export(store, "tmx")}
    for name, call in calls.items():
        shown = io.StringIO()
        with contextlib.redirect_stdout(shown):
            call()
        written = shown.getvalue()
        assert written.startswith("<?xml") and written.rstrip().endswith(("</tmx>", "</srx>")), name
        assert name == "export_srx" or "Les partenaires de l’OTAN" in written


def test_a_check_given_no_file_or_three_or_an_unknown_report_format_is_invalid(store, tmp_path):
    """A wrong argument of the terminology check was a plain TmtoolError: a script catching tmtool.Invalid for
    its bad input let it through."""
    xliff = tmp_path / "t.xlf"
    xliff.write_text('<xliff version="1.2"><file source-language="fr" target-language="en"><body/></file></xliff>')
    calls = [(lambda: api.check(store), "^give one bilingual file, or a document and its translation$"),
             (lambda: api.check(store, SEED_FR, SEED_EN, SEED_EN), "^give one bilingual file"),
             (lambda: api.check(store, xliff, srclang="fr", tgtlang="en"), "^a file's languages are read from it"),
             (lambda: api.check_report([], "html"), r"^unknown report format 'html' \(expected one of text, json, csv\)$")]
    for call, says in calls:
        with pytest.raises(api.Invalid, match=says):
            call()


def test_a_store_used_after_its_with_block_closed_it_is_refused_in_one_line(store_url):
    """A script reading a store after its ``with`` block got SQLite's ProgrammingError ("Cannot operate on a closed
    database") or, on PostgreSQL, the connection said lost, as if the server had gone (Unavailable: try later)."""
    with api.open_store(store_url, create=True) as store:
        added = api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    closed = r"^this store is closed: use it inside its with block, or open it again \(open_store\(\)\)$"
    for call in (lambda: api.lookup(store, "Comité"), lambda: api.stats(store), lambda: api.approve(store, [added["id"]]),
                 lambda: api.entries(store)):
        with pytest.raises(api.Invalid, match=closed):
            call()
    store.close()  # closing again is no error
    with api.open_store(store_url) as again:
        assert api.entry(again, added["id"])["status"] == "approved"


def test_a_closed_store_exported_backed_up_or_checked_is_refused_in_one_line(store_url, tmp_path):
    """The calls reading the store's connection past its one checked query (the units a TMX export streams, a
    backup, check_store) were still the driver's error on a closed store: SQLite's ProgrammingError ("Cannot
    operate on a closed database"), psycopg's OperationalError ("the connection is closed")."""
    with api.open_store(store_url, create=True) as store:
        api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    closed = r"^this store is closed: use it inside its with block, or open it again \(open_store\(\)\)$"
    for call in (lambda: api.export(store, "tmx", io.BytesIO()), lambda: api.backup(store, tmp_path / "copy.db"),
                 lambda: api.check_store(store)):
        with pytest.raises(api.Invalid, match=closed):
            call()
    assert not (tmp_path / "copy.db").exists()


def test_a_file_that_cannot_be_read_is_invalid_as_the_errors_say(store, tmp_path):
    """``tmtool.Invalid`` is "the input is wrong: a file, an option…", yet a file that could not be read (a TMX cut
    short in a transfer, an export of another tool's, a CSV left with an open quote, a Word file saved as .doc) raised
    a plain TmtoolError: a script importing a folder, skipping the files ``except tmtool.Invalid`` refuses, stopped
    at the first. Each is Invalid, named where, and nothing of it is stored."""
    good = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" segtype="sentence"'
            ' o-tmf="OmegaT TMX" adminlang="EN-US" srclang="fr-FR" datatype="plaintext"/><body>\n'
            '<tu><tuv xml:lang="fr-FR"><seg>Le Comité militaire se réunit.</seg></tuv>'
            '<tuv xml:lang="en-GB"><seg>The Military Committee meets.</seg></tuv></tu>\n</body></tmx>\n')
    files = {
        "cut-short.tmx": (good[:good.index("<tu>") + 40], r"not well-formed XML"),
        "other-root.xlf": ('<?xml version="1.0"?>\n<xliff-like version="1.2"><file/></xliff-like>\n', "not an XLIFF"),
        "termbase.tbx": ('<?xml version="1.0"?>\n<martif type="TBX"><text><body><termEntry id="c1">'
                         '<langSet xml:lang="fr"><tig><term>Comité</term></tig></langSet></body></text></martif>\n',
                         "not well-formed XML"),
        "glossary.csv": ('fr,en\n"Comité militaire,Military Committee\nespace aérien,airspace\n', "never closed"),
        "messages.po": ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Military Committee\nmsgstr "Comité"\n',
                        "not a valid PO file"),
        "old.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), r"Excel 97–2003 workbook"),
        "no-format.dat": ("Comité militaire = Military Committee\n", "cannot tell the file format"),
    }
    for name, (content, says) in files.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        with pytest.raises(api.Invalid, match=says) as caught:
            api.import_file(store, path)
        assert str(caught.value).startswith(f"{path}"), name
    memo = tmp_path / "note.fr.docx"
    memo.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # a Word 97 file renamed .docx
    with pytest.raises(api.Invalid, match=r"a Word 97–2003 document \(.doc\)"):
        api.ingest(store, memo, SEED_EN, extract_terms=False)
    assert api.stats(store)["units"] == api.stats(store)["entries"] == 0 and api.imports(store) == []


def test_an_error_quotes_a_long_value_cut_short(store, tmp_path):
    """A value an error message quotes was quoted whole: a TMX's bytes passed where its path goes
    (``import_file(store, path.read_bytes())``) made a message of the whole file, a pasted page holding a NUL one of
    the page. The message stays a line, says what was given and how long it was."""
    tmx = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr-FR" segtype="sentence"'
           ' o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtool="OmegaT"/><body>\n' +
           '<tu><tuv xml:lang="fr-FR"><seg>Le Comité militaire se réunit.</seg></tuv>'
           '<tuv xml:lang="en-GB"><seg>The Military Committee meets.</seg></tuv></tu>\n' * 2000 + '</body></tmx>\n')
    path = tmp_path / "memory.tmx"
    path.write_text(tmx, encoding="utf-8")
    with pytest.raises(api.Invalid) as caught:
        api.import_file(store, path.read_bytes())
    said = str(caught.value)
    assert said.startswith("a file is given as its path or as an Upload, not b'<?xml version=")
    assert said.endswith(f"… ({len(path.read_bytes()):,} bytes)") and len(said) < 250
    page = SEED_FR.read_text(encoding="utf-8").replace("\n", "\x00", 1)
    for call in (lambda: api.search(store, page), lambda: api.lookup(store, page), lambda: api.concordance(store, page)):
        with pytest.raises(api.Invalid, match=r"holds a NUL character \(U\+0000\): '") as caught:
            call()
        assert str(caught.value).endswith(f"… ({len(page):,} characters)") and len(str(caught.value)) < 250
    with pytest.raises(api.Invalid, match=r"^not an id: 'abc'$"):  # a short value as it was
        api.entry(store, "abc")


def test_a_file_given_as_the_store_that_is_none_is_invalid(tmp_path):
    """A TMX or a spreadsheet given where the store goes (``open_store("memory.tmx")``, a script's arguments swapped),
    or a store to make in a folder that does not exist, was a plain TmtoolError: a wrong argument, Invalid as every
    other, and the file is left as it was."""
    tmx = tmp_path / "memory.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr-FR"/><body>'
                   '<tu><tuv xml:lang="fr-FR"><seg>Le Comité militaire.</seg></tuv>'
                   '<tuv xml:lang="en-GB"><seg>The Military Committee.</seg></tuv></tu></body></tmx>\n' * 40,
                   encoding="utf-8")
    before = tmx.read_bytes()
    for create in (False, True):
        with pytest.raises(api.Invalid, match=r"memory\.tmx: cannot open store: file is not a database$"):
            api.open_store(tmx, create=create)
    assert tmx.read_bytes() == before
    with pytest.raises(api.Invalid, match=r"cannot create store: directory .*/absent does not exist$"):
        api.open_store(tmp_path / "absent" / "team.db", create=True)
    result = CliRunner().invoke(main, ["--db", str(tmx), "stats"])
    assert (result.exit_code, result.stderr) == (1, f"tmtool: error: {tmx}: cannot open store: file is not a database\n")


def _minehunters_store(path):
    """A store of the three minehunters pairs at ``path``."""
    with api.open_store(path, create=True) as store:
        for name in ("manche", "nord", "baltique"):
            api.ingest(store, MINEHUNTERS / f"{name}.fr.txt", MINEHUNTERS / f"{name}.en.txt")
    return path


def _damage(path) -> None:
    """A store's file damaged as a disk's bad sectors or a copy made while it was written damage it: the last sixth
    of its pages overwritten."""
    import random

    pages = path.stat().st_size // 4096
    with open(path, "r+b") as damaged:
        for page in range(pages - pages // 6, pages):
            damaged.seek(page * 4096 + 8)
            damaged.write(random.Random(page).randbytes(4000))


def test_a_damaged_store_is_one_line_and_db_check_reports_the_damage(tmp_path):
    """Pages of a store's file overwritten (a disk's bad sectors, a copy made while it was written): an approval
    raised SQLite's own DatabaseError ("vtable constructor failed: lookup_grams"), and ``api.check_store`` and
    ``tmtool db check`` — what one runs to find out — raised "database disk image is malformed" as a traceback.
    The store's calls say it is damaged (Unavailable: nothing was written), the check reports it as a problem."""
    path = _minehunters_store(tmp_path / "team.db")
    with api.open_store(path) as store:
        first = api.entries(store, limit=1)[0]
    _damage(path)
    with api.open_store(path) as store:
        with pytest.raises(api.Unavailable, match=r"team\.db: the store is damaged \(.*\), nothing was written: "
                                                  r"'tmtool db check' says where; restore it from a backup$"):
            api.approve(store, [first["id"]], user="ana")
        problems = api.check_store(store)
        assert problems and any("malformed" in problem for problem in problems), problems
    result = CliRunner().invoke(main, ["--db", str(path), "db", "check"])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert result.stderr.endswith(f"tmtool: error: {path}: {len(problems)} problems found\n"), result.stderr



def test_a_damaged_store_s_export_is_one_line_too(tmp_path):
    """The memory's export reads its units as it writes them (``Store.units``, past the store's one-line errors):
    ``tmtool export tmx`` of a store with pages overwritten ended in a traceback, "sqlite3.DatabaseError: database
    disk image is malformed", where every other command says the store is damaged and what to do."""
    path = _minehunters_store(tmp_path / "team.db")
    _damage(path)
    with api.open_store(path) as store:
        with pytest.raises(api.Unavailable, match=r"team\.db: the store is damaged \(.*\), nothing was written: "):
            api.export(store, "tmx", tmp_path / "memory.tmx")
    result = CliRunner().invoke(main, ["--db", str(path), "export", "tmx", "-o", str(tmp_path / "memory.tmx")])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit), result
    assert result.stderr.startswith(f"tmtool: error: {path}: the store is damaged ("), result.stderr
    assert not (tmp_path / "memory.tmx").exists()


def test_a_damaged_store_s_backup_leaves_the_earlier_backup_as_it_was(tmp_path):
    """A damaged store says "restore it from a backup"; but ``tmtool db backup`` (a nightly job) copied the damaged
    pages without a word over the earlier backup, the sound one that advice needs. The copy is checked before it
    replaces anything: the damage is said, the earlier backup stays."""
    path, earlier = _minehunters_store(tmp_path / "team.db"), tmp_path / "team-backup.db"
    with api.open_store(path) as store:
        api.backup(store, earlier)
    sound = earlier.read_bytes()
    _damage(path)
    with api.open_store(path) as store:
        with pytest.raises(api.Unavailable, match=rf"{path.name}: the store is damaged \(.*\), nothing was written: ") as said:
            api.backup(store, earlier)
    assert "\n" not in str(said.value)  # one line: SQLite's check gives its problems a line each
    assert earlier.read_bytes() == sound and not list(tmp_path.glob(".team-backup.db*"))  # nor the copy left
    with api.open_store(earlier) as restored:
        assert api.check_store(restored) == []


def test_a_damaged_store_copied_is_the_one_said_damaged_not_the_new_one(tmp_path):
    """``tmtool db copy team.db new.db`` of a store with pages overwritten said "new.db: the store is damaged ...
    restore it from a backup": the source's read failed inside the new store's transaction, and was told of the new
    store, which is sound (and removed again). The damaged store is the one named."""
    path, new = _minehunters_store(tmp_path / "team.db"), tmp_path / "new.db"
    _damage(path)
    with pytest.raises(api.Unavailable, match=r"^.*team\.db: the store is damaged \(.*\), nothing was written: "):
        api.copy_store(path, new)
    assert not new.exists()


def _documented_keys(function) -> set[str]:
    """The keys a function's docstring says its dict has (``Returns ``{"a", "b": […]}````), at its top level."""
    import re

    said = function.__doc__.split("Returns ``{", 1)[1].split("}``", 1)[0]
    depth, top = 0, []
    for char in said:  # the keys of nested dicts and lists are not the result's
        depth += char in "[{"
        depth -= char in "]}"
        top.append(char if depth == 0 or char in "[{" else "")
    return set(re.findall(r'"(\w+)"', "".join(top)))


def test_the_keys_a_result_is_documented_with_are_those_it_has(store, tmp_path):
    """A script reads a result by the keys its docstring names: ``ingest`` and ``ingest_dir`` gave a
    ``removed_entries`` that ingest's docstring did not name."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("manche", "nord"):
        for lang in ("fr", "en"):
            (inbox / f"{name}.{lang}.txt").write_bytes((MINEHUNTERS / f"{name}.{lang}.txt").read_bytes())
    results = {api.ingest: api.ingest(store, MINEHUNTERS / "baltique.fr.txt", MINEHUNTERS / "baltique.en.txt"),
               api.ingest_dir: api.ingest_dir(store, inbox),
               api.import_file: api.import_file(store, api.Upload("terms.tsv", "fr\ten\nchasseur de mines\tminehunter\n"
                                                                  .encode()))}
    results[api.check] = api.check(store, MINEHUNTERS / "nord.fr.txt", MINEHUNTERS / "nord.en.txt")
    for function, result in results.items():
        assert _documented_keys(function) == set(result), function.__name__
    assert set(results[api.ingest_dir]["documents"][0]) == set(results[api.ingest])


def test_the_corrections_of_a_document_the_store_does_not_hold_are_not_found(store):
    """``unit_edits`` of a document never stored answered [], as for a document never corrected, where
    ``document_units`` and the other document operations say NotFound: a script's typo went unnoticed."""
    with pytest.raises(api.NotFound, match="^no document meeting in the store$"):
        api.unit_edits(store, "meeting")
    api.ingest(store, SEED_FR, SEED_EN, document_id="meeting", extract_terms=False)
    assert api.unit_edits(store, "meeting") == []


def test_segment_align_and_extract_write_to_a_binary_stream_as_export_does(tmp_path):
    """export and export_srx write to a path or a binary stream; segment, align and extract, to a path alone: a
    stream (``io.BytesIO()``) was os's TypeError ("expected str, bytes or os.PathLike object, not BytesIO"), a
    traceback, not a TmtoolError. Each writes to a stream the bytes it writes to a file, in every format, and leaves
    the stream open; a text stream is refused in one line before the documents are read, as export refuses it."""
    fr = api.Upload("visite.fr.txt", "Le Comité militaire se réunit. Le Comité militaire conseille.".encode())
    en = api.Upload("visite.en.txt", b"The Military Committee meets. The Military Committee advises.")
    writes = [*((f"segment {fmt}", lambda out, fmt=fmt: api.segment(fr, None, out, fmt=fmt)) for fmt in api.SEGMENT_FORMATS),
              *((f"align {fmt}", lambda out, fmt=fmt: api.align(fr, en, out, fmt=fmt)) for fmt in api.ALIGN_FORMATS),
              *((f"extract {fmt}", lambda out, fmt=fmt: api.extract([en], out, lang="en", fmt=fmt))
                for fmt in api.EXTRACT_FORMATS)]
    for name, write in writes:
        path, stream = tmp_path / name, io.BytesIO()
        assert write(path) == write(stream), name
        assert stream.getvalue() == path.read_bytes() and path.read_bytes(), name
        assert not stream.closed
        with pytest.raises(api.Invalid, match="out is a path or a binary stream"):
            write(io.StringIO())


def test_a_value_of_the_wrong_kind_is_invalid_and_named_not_a_type_error(store, tmp_path):
    """A script catching tmtool.TmtoolError (as the errors' docs say to) got Python's TypeError from some calls given
    a value of the wrong kind, a traceback with no word of which argument: ``remove(store, documents=[None])``
    ("sequence item 0: expected str instance"), ``check_report`` given a report rather than its findings ("string
    indices must be integers"), ``extract(top="3")``, ``ingest_dir(store, inbox, jobs="2")``,
    ``export_format_of(None)``. Each is Invalid, naming the argument; and what was read silently (``top=-1``: every
    term but the last; ``jobs=0``; a document id None: "no document None in the store"; a cursor of no order, refused
    only when used) is refused as the command line refuses it."""
    api.ingest(store, api.Upload("d.fr.txt", "Le chat dort.".encode()), api.Upload("d.en.txt", b"The cat sleeps."),
               extract_terms=False)
    report = api.check_document(store, "d")
    english = [api.Upload("mines.en.txt", b"The naval mine. Naval mines threaten shipping lanes.")]
    for call, says in (
            (lambda: api.remove(store, documents=[None]), "a document's id is a string, not None"),
            (lambda: api.reextract(store, [None]), "a document's id is a string, not None"),
            (lambda: api.document_units(store, None), "a document's id is a string, not None"),
            (lambda: api.exclude_unit(store, None, 1), "a document's id is a string, not None"),
            (lambda: api.check_report(report), r"^findings is a report.s list of findings \(check\(\.\.\.\)\[.findings.\]\), not the report$"),
            (lambda: api.check_report(["missing"]), r"findings\[0\] is a finding as check\(\) gives it"),
            (lambda: api.extract(english, io.BytesIO(), lang="en", top="3"), "top is a whole number from 1, not '3'"),
            (lambda: api.extract(english, io.BytesIO(), lang="en", top=-1), "top is a whole number from 1, not -1"),
            (lambda: api.ingest_dir(store, tmp_path, jobs="2"), "jobs is a whole number from 1, not '2'"),
            (lambda: api.ingest_dir(store, tmp_path, jobs=0), "jobs is a whole number from 1, not 0"),
            (lambda: api.ingest_dir(store, 5), "inbox is a path, not 5"),
            (lambda: api.export_format_of(None), "path is a path, not None"),
            (lambda: api.named_from_anywhere(5), "db is a path, not 5"),
            (lambda: api.count_entries(store, cap=0), "cap is a whole number from 1, not 0"),
            (lambda: api.entries_cursor(api.entries(store)[0] if api.entries(store) else {}, "oldest"),
             r"unknown order 'oldest' \(expected score, frequency, newest\)")):
        with pytest.raises(api.Invalid, match=says):
            call()
    # the right kinds still work
    assert api.check_report(report["findings"]) == "" and api.export_format_of(tmp_path / "g.tbx") == "tbx"
    assert api.extract(english, io.BytesIO(), lang="en", top=1)["terms"] == 1
    assert api.document_units(store, "d")[0]["source"] == "Le chat dort."
