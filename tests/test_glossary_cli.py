"""Glossary review through the CLI: every command, its filters, history and revert, one-line errors."""

import json
import shlex

import pytest
from click.testing import CliRunner

from conftest import run_output as run
from tmtool import glossary
from tmtool.cli import main
from tmtool.model import ReviewStatus
from tmtool.store import open_store


@pytest.fixture
def db(tmp_path):
    return tmp_path / "review.db"


def listed(db, *filters):
    return [(e["id"], e["status"], e["fr"][0]["text"]) for e in json.loads(run(db, "glossary", "list", "--json", *filters))]


def test_add_list_show_and_filters(db):
    assert run(db, "glossary", "add", "État-major militaire international", "International Military Staff",
               "--fr-also", "EMI", "--en-also", "IMS") == "added entry 1\n"
    run(db, "glossary", "add", "Comité militaire", "Military Committee", "--status", "candidate")
    assert listed(db, "--status", "candidate") == [("2", "candidate", "Comité militaire")]
    assert listed(db, "--text", "etat") == [("1", "approved", "État-major militaire international")]
    assert listed(db, "--since", "2999-01-01") == []
    assert [e[0] for e in listed(db, "--min-score", "0")] == ["1", "2"]
    shown = run(db, "glossary", "show", "1")
    assert "fr: EMI  (acronym, preferred, noun)" in shown and "en: International Military Staff" in shown


def test_entries_are_listed_by_the_language_of_a_term(db):
    # a terminologist checking the German of the glossary could not list the entries holding German
    run(db, "glossary", "add", "Comité militaire", "Military Committee", "--term", "de=Militärausschuss")
    run(db, "glossary", "add", "Conseil de l'Atlantique Nord", "North Atlantic Council")
    assert listed(db, "--lang", "de-DE") == [("1", "approved", "Comité militaire")]
    assert [e[0] for e in listed(db, "--lang", "en")] == ["1", "2"]
    result = CliRunner().invoke(main, ["--db", str(db), "glossary", "list", "--lang", "es"])
    assert (result.exit_code, result.output) == (0, "no entry matches\n")
    result = CliRunner().invoke(main, ["--db", str(db), "glossary", "list", "--lang", "not a tag"])
    assert result.exit_code != 0 and result.output.startswith("tmtool: error: ") and len(result.output.splitlines()) == 1


def test_adding_a_term_another_entry_holds_says_which_and_how_to_join_them(db):
    run(db, "glossary", "add", "Comité militaire", "Military Committee")
    run(db, "glossary", "add", "Conseil de l'Atlantique Nord", "North Atlantic Council")
    result = CliRunner().invoke(main, ["--db", str(db), "glossary", "add", "--term", "de=Militärausschuss",
                                       "--term", "en=military committee"])
    assert result.exit_code == 0
    assert result.stdout == "added entry 3\n"  # the entry is added as asked: a person may mean two concepts
    assert result.stderr == (f"note: entry 1 also holds Military Committee (tmtool --db {shlex.quote(str(db))} glossary"
                             " merge 3 1 joins them)\n")
    # the same words in another language are not the same term
    assert "note" not in run(db, "glossary", "add", "--term", "de=Nordatlantikrat", "--term", "es=Consejo del Atlántico Norte")


def test_review_commands_are_recorded_and_revertible(db):
    run(db, "glossary", "add", "Comité militaire", "Military Commitee", "--status", "candidate")
    run(db, "glossary", "add", "CM", "MC", "--status", "candidate")
    run(db, "glossary", "edit", "1", "--en", "Military Committee", "--add-en", "MC committee",
        "--definition", "Plus haute autorité militaire de l’OTAN.")
    run(db, "glossary", "edit", "1", "--drop", "MC committee", "--status", "candidate")
    run(db, "glossary", "approve", "1")
    run(db, "glossary", "deprecate", "1", "Military Committee")
    run(db, "glossary", "merge", "2", "1")
    with open_store(db, create=True) as store:
        entry = glossary.entry(store, 1)
    assert [t.text for t in entry.terms] == ["Comité militaire", "Military Committee", "CM", "MC"]
    assert entry.status == ReviewStatus.APPROVED and entry.terms[1].usage.value == "deprecated"
    history = run(db, "glossary", "history", "1").splitlines()
    assert [line.split()[2] for line in history] == ["add", "edit", "edit", "approved", "deprecate", "merge"]
    merge_change = history[-1].split()[0]
    run(db, "glossary", "revert", merge_change)
    assert [e[0] for e in listed(db)] == ["1", "2"]
    assert "(reverted by" in run(db, "glossary", "history", "2")
    run(db, "glossary", "reject", "2")
    run(db, "glossary", "remove", "2")
    assert [e[0] for e in listed(db)] == ["1"]


@pytest.mark.parametrize("args", [
    ["glossary", "show", "99"], ["glossary", "approve", "99"], ["glossary", "revert", "99"],
    ["glossary", "merge", "1", "1"], ["glossary", "deprecate", "1", "no such term"],
    ["glossary", "usage", "1", "no such term", "admitted"],
    ["glossary", "edit", "1", "--drop", "Comité militaire"],
])
def test_errors_are_one_line(db, args):
    run(db, "glossary", "add", "Comité militaire", "Military Committee")
    output = run(db, *args, code=1)
    assert output.startswith("tmtool: error: ") and output.count("\n") == 1


def test_every_command_help_shows_an_example(db):
    commands = [["ingest"], ["lookup"], ["stats"], ["import"], ["export"], ["tm"], ["tm", "search"],
                ["tm", "concordance"], ["glossary"]] + [["glossary", name] for name in (
                    "list", "show", "add", "edit", "approve", "reject", "deprecate", "usage", "merge", "remove",
                    "history", "revert")]
    for command in commands:
        assert "Example" in run(db, *command, "--help"), command


@pytest.mark.parametrize("args", [
    ["glossary", "add", "  ", "staff"], ["glossary", "add", "état-major", "--en-also", "  "],
    ["glossary", "edit", "1", "--en", ""], ["glossary", "edit", "1", "--fr", " \t"],
    ["glossary", "edit", "1", "--add-en", "   "],
])
def test_an_empty_term_is_refused_and_nothing_changes(db, args):
    # a blank term has no look-up key: db check reported it and exports wrote an empty <term>
    run(db, "glossary", "add", "Comité militaire", "--status", "candidate")
    output = run(db, *args, code=1)
    assert output.startswith("tmtool: error: an empty ") and output.count("\n") == 1
    assert [(e["id"], e["status"], [t["text"] for t in e["terms"]])
            for e in json.loads(run(db, "glossary", "list", "--json"))] == [("1", "candidate", ["Comité militaire"])]


def test_a_term_written_with_layout_spaces_is_stored_tidy(db):
    run(db, "glossary", "add", " chasseur  de\nmines ", "minehunter")
    run(db, "glossary", "edit", "1", "--add-en", "\tmine hunter  ", "--add-fr", "OTAN\u00a02030")
    [entry] = json.loads(run(db, "glossary", "list", "--json"))
    assert [t["text"] for t in entry["terms"]] == ["chasseur de mines", "minehunter", "OTAN\u00a02030", "mine hunter"]


def test_show_history_and_stats_print_json_for_scripts_as_list_and_the_http_api_do(db):
    run(db, "glossary", "add", "Comité militaire", "Military Committee", "--note", "MC", "--status", "candidate")
    run(db, "glossary", "approve", "1")
    [listed_entry] = json.loads(run(db, "glossary", "list", "--json"))
    shown = json.loads(run(db, "glossary", "show", "1", "--json"))
    assert {key: shown[key] for key in listed_entry} == listed_entry and shown["note"] == "MC"
    history = json.loads(run(db, "glossary", "history", "1", "--json"))
    assert [(change["action"], change["entries"]) for change in history] == [("add", [1]), ("approved", [1])]
    counts = json.loads(run(db, "stats", "--json"))
    assert (counts["entries"], counts["entries approved"], counts["changes"]) == (1, 1, 2)


@pytest.mark.parametrize("group", ["glossary", "tm", "db"])
def test_a_group_given_no_command_shows_its_help_as_tmtool_alone_does(db, group):
    # not "tmtool: error: Usage: …" with the whole help folded into an error line
    result = CliRunner().invoke(main, ["--db", str(db), group])
    assert result.exit_code == 2 and result.stderr.startswith(f"Usage: main {group} [OPTIONS] COMMAND [ARGS]...\n")
    assert "Commands:" in result.stderr and "tmtool: error" not in result.stderr


def test_replacing_a_term_by_another_term_of_the_entry_is_refused(db):
    run(db, "glossary", "add", "État-major militaire international", "International Military Staff", "--fr-also", "EMI")
    output = run(db, "glossary", "edit", "1", "--fr", "emi", code=1)
    assert output == "tmtool: error: entry 1 already has the fr term 'emi': drop the one to replace instead\n"
    run(db, "glossary", "edit", "1", "--fr", "état-major militaire international")  # the first term itself: a new spelling
    [entry] = json.loads(run(db, "glossary", "list", "--json"))
    assert [t["text"] for t in entry["terms"] if t["lang"] == "fr"] == ["état-major militaire international", "EMI"]


def test_a_review_that_changes_nothing_says_so_and_records_nothing(db):
    run(db, "glossary", "add", "Comité militaire", "Military Committee", "--note", "NATO")
    run(db, "glossary", "add", "espace aérien", "airspace", "--status", "candidate")
    assert run(db, "glossary", "edit", "1", "--fr", "Comité militaire", "--note", "NATO") == "entry 1: nothing changed\n"
    assert run(db, "glossary", "approve", "1") == "1 entry approved already: nothing changed\n"
    assert run(db, "glossary", "approve", "1", "2") == "1 entry approved (change 3); 1 entry approved already: nothing changed\n"
    assert run(db, "glossary", "deprecate", "1", "Military Committee") == "'Military Committee' deprecated in entry 1 (change 4)\n"
    assert run(db, "glossary", "deprecate", "1", "Military Committee") \
        == "'Military Committee' deprecated in entry 1 already: nothing changed\n"
    assert [change["action"] for change in json.loads(run(db, "glossary", "history", "--json"))] \
        == ["add", "add", "approved", "deprecate"]
    [entry] = [e for e in json.loads(run(db, "glossary", "list", "--json")) if e["id"] == "1"]
    assert entry["version"] == 2  # added, deprecated
    # the deprecation undone by the term's usage, as a termbase's deprecated term is admitted again
    assert run(db, "glossary", "usage", "1", "military committee", "admitted") \
        == "'military committee' admitted in entry 1 (change 5)\n"
    assert run(db, "glossary", "usage", "1", "Military Committee", "admitted") \
        == "'Military Committee' admitted in entry 1 already: nothing changed\n"
    assert json.loads(run(db, "glossary", "history", "--json"))[-1]["action"] == "admit"
    assert "Invalid value" in run(db, "glossary", "usage", "1", "Military Committee", "obsolete", code=2)



def test_a_term_written_alike_in_two_languages_is_dropped_by_its_language(db):
    run(db, "glossary", "add", "radar", "radar", "--en-also", "radio detection and ranging")
    run(db, "glossary", "edit", "1", "--drop-term", "en=radar")
    [entry] = json.loads(run(db, "glossary", "list", "--json"))
    assert [(t["lang"], t["text"]) for t in entry["terms"]] == [("fr", "radar"), ("en", "radio detection and ranging")]


def test_an_entry_named_twice_is_approved_once(db):
    run(db, "glossary", "add", "Comité militaire", "Military Committee", "--status", "candidate")
    assert run(db, "glossary", "approve", "1", "1", "01") == "1 entry approved (change 2)\n"
    assert [change["action"] for change in json.loads(run(db, "glossary", "history", "--json"))] == ["add", "approved"]


def test_list_sorts_by_frequency_or_latest_added(db):
    for fr in ("brigade", "division", "corps d'armée"):
        run(db, "glossary", "add", fr)
    with open_store(db) as store:
        store.set_entry_fields(2, {"frequency": 5})
    assert [e[0] for e in listed(db, "--sort", "frequency")][0] == "2"
    assert [e[0] for e in listed(db, "--sort", "newest")] == ["3", "2", "1"]


@pytest.mark.parametrize("command", [["edit", "1", "--note", "ben's"], ["approve", "1"], ["reject", "1"],
                                     ["deprecate", "1", "Military Committee"], ["merge", "1", "2"]])
def test_two_reviewers_at_the_command_line_the_stale_one_is_refused(store_url, command):
    """Ana and Ben both read entry 1 at one version (``glossary show``); Ana saves first. Ben's command,
    given the version he read, is refused with exit 3 and writes nothing: Ana's edit stays."""
    run(store_url, "glossary", "add", "Comité militaire", "Military Committee", "--status", "candidate")
    run(store_url, "glossary", "add", "Comité militaire de l'OTAN", "NATO Military Committee")  # to merge into
    shown = run(store_url, "glossary", "show", "1")
    read = json.loads(run(store_url, "glossary", "show", "1", "--json"))["version"]
    assert f"  version: {read}\n" in shown
    run(store_url, "--user", "ana", "glossary", "edit", "1", "--note", "ana's", "--expected-version", str(read))
    refused = CliRunner().invoke(main, ["--db", store_url, "--user", "ben", "glossary", *command,
                                        "--expected-version", str(read)])
    assert refused.exit_code == 3, refused.output
    assert refused.output == f"tmtool: error: entry 1 was changed by someone else (version {read + 1}, not {read}); reload it\n"
    entry = json.loads(run(store_url, "glossary", "show", "1", "--json"))
    assert (entry["note"], entry["status"], entry["version"]) == ("ana's", "approved", read + 1)
    assert [change["user"] for change in json.loads(run(store_url, "glossary", "history", "1", "--json"))][-1] == "ana"
    # with the version now read, Ben's command goes through
    run(store_url, "--user", "ben", "glossary", *command, "--expected-version", str(read + 1))


def test_a_list_with_nothing_to_show_says_so_on_stderr(tmp_path):
    # it printed nothing at all, as documents and imports no longer do
    db = str(tmp_path / "e.db")
    assert CliRunner().invoke(main, ["--db", db, "glossary", "add", "espace aérien", "airspace"]).exit_code == 0
    none = CliRunner().invoke(main, ["--db", db, "glossary", "list", "--status", "candidate"])
    assert (none.exit_code, none.stdout, none.stderr) == (0, "", "no entry matches\n")
    assert CliRunner().invoke(main, ["--db", db, "glossary", "remove", "1"]).exit_code == 0
    empty = CliRunner().invoke(main, ["--db", db, "glossary", "list"])
    assert (empty.exit_code, empty.stdout, empty.stderr) == (0, "", "the glossary is empty\n")
    assert CliRunner().invoke(main, ["--db", db, "glossary", "list", "--json"]).stdout == "[]\n"


def test_a_terms_gender_and_part_of_speech_are_corrected_as_a_terminologist_writes_them(db, tmp_path):
    run(db, "glossary", "add", "Dialogue méditerranéen", "Mediterranean Dialogue", "--status", "candidate")
    run(db, "glossary", "edit", "1", "--gender", "m", "--pos", "nom propre", "--pos", "en=properNoun")
    shown = run(db, "glossary", "show", "1")
    assert "fr: Dialogue méditerranéen  (fullForm, preferred, properNoun, masculine)" in shown
    assert "en: Mediterranean Dialogue  (fullForm, preferred, properNoun)" in shown
    assert listed(db) == [("1", "approved", "Dialogue méditerranéen")]  # reviewed: extraction keeps off it
    run(db, "export", "tbx", "-o", str(tmp_path / "g.tbx"), "--status", "all")
    assert ">masculine<" in (tmp_path / "g.tbx").read_text(encoding="utf-8")
    run(db, "glossary", "edit", "1", "--gender", "fr=")  # cleared
    assert "properNoun)" in run(db, "glossary", "show", "1").splitlines()[1]
    error = run(db, "glossary", "edit", "1", "--gender", "de=neuter", code=1)
    assert error.strip().endswith("entry 1 has no de term to set the gender of") and len(error.strip().splitlines()) == 1


def test_a_gender_or_part_of_speech_that_is_none_is_refused_and_the_entry_kept(db):
    # `--gender plural` (a number, not a gender) and `--pos banana` were stored as typed, exit 0, shown as the
    # term's gender and written to the TBX as a note: the help names the values taken
    run(db, "glossary", "add", "forces armées", "armed forces", "--status", "candidate")
    shown = run(db, "glossary", "show", "1")
    for option, value, says in (("--gender", "plural", "gender"), ("--gender", "en=xyz", "gender"),
                                ("--pos", "banana", "part of speech")):
        error = run(db, "glossary", "edit", "1", option, value, code=1)
        typed = value.split("=")[-1]
        assert error.startswith(f"tmtool: error: {typed!r} is no {says}: give one of ") and error.count("\n") == 1
    assert run(db, "glossary", "show", "1") == shown
    run(db, "glossary", "edit", "1", "--gender", "fr=f", "--pos", "NOUN", "--gender", "en=undefined")
    assert "fr: forces armées  (fullForm, preferred, noun, feminine)" in run(db, "glossary", "show", "1")


def test_approving_a_page_of_entries_says_the_run_of_changes_not_each(db):
    # "60 entries approved (change 1, 2, 3, 4, …, 60)": a line of 250 characters for a page approved at once
    for number in range(1, 8):
        run(db, "glossary", "add", f"terme {number}", f"term {number}", "--status", "candidate")
    assert run(db, "glossary", "approve", "1", "2", "3", "4", "5", "7") == "6 entries approved (change 8–13)\n"
    assert run(db, "glossary", "reject", "1", "6") == "2 entries rejected (change 14, 15)\n"


def test_a_term_written_alike_in_two_languages_is_deprecated_in_the_one_named(db):
    # radar is the French and the English term: deprecating the English one deprecated the French, and the English
    # one could never be, each later deprecation finding the French "deprecated already"
    run(db, "glossary", "add", "radar", "radar")
    assert run(db, "glossary", "deprecate", "1", "radar", "--lang", "en") == "'radar' deprecated in entry 1 (change 2)\n"
    with open_store(db) as store:
        assert [(t.lang, t.usage.value) for t in glossary.entry(store, 1).terms] == [("fr", "preferred"),
                                                                                     ("en", "deprecated")]
    assert run(db, "glossary", "deprecate", "1", "radar", "--lang", "de", code=1) == (
        "tmtool: error: entry 1 has no de term 'radar'\n")


def test_a_term_typed_in_another_encoding_is_refused_naming_the_byte(db):
    # a term typed in a Latin-1 terminal reaches Python as a lone surrogate for each byte that is not UTF-8:
    # it was refused as holding "the control character U+DCE9"
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "tmtool.cli", "--db", str(db), "glossary", "add", b"caf\xe9", "coffee"],
                          capture_output=True)
    assert (done.returncode, done.stderr.decode(errors="replace")) == (1, "tmtool: error: the fr term 'caf\\udce9' holds"
                                                                       " the byte 0xE9, which is not UTF-8 (text in another"
                                                                       " encoding): no export could write it\n")


def test_list_takes_the_document_whose_terms_a_reviewer_goes_through(tmp_path, db):
    # the workbench's review queue filters by document; at the command line the day's directive could not be
    # reviewed apart from the news of the same day
    pairs = {"directive": ("Le point de contact terminologique transmet les termes au Service de traduction.",
                           "The terminology point of contact forwards the terms to the Translation Service."),
             "news": ("Des avions de patrouille maritime surveillent les approches navales.",
                      "Maritime patrol aircraft monitor the naval approaches.")}
    for name, (french, english) in pairs.items():
        (tmp_path / f"{name}.fr.txt").write_text(french, encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(english, encoding="utf-8")
        run(db, "ingest", str(tmp_path / f"{name}.fr.txt"), str(tmp_path / f"{name}.en.txt"))
    every = {e[0] for e in listed(db)}
    directive, news = ({e[0] for e in listed(db, "--document", name)} for name in pairs)
    assert directive and news and directive | news == every and not directive & news
    for name, ids in (("directive", directive), ("news", news)):
        for entry_id in ids:
            shown = json.loads(run(db, "glossary", "show", entry_id, "--json"))
            assert {context["document"] for context in shown["contexts"]} == {name}
    assert listed(db, "--document", "news", "--text", "patrouille") == [
        e for e in listed(db, "--text", "patrouille")]
    # a document the store does not hold is said, not listed as no entry
    result = CliRunner().invoke(main, ["--db", str(db), "glossary", "list", "--document", "nwes"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"tmtool: error: no document nwes in the store (tmtool --db {shlex.quote(str(db))} documents lists them)\n")


def test_every_command_an_error_or_a_note_advises_names_the_store_given(tmp_path, monkeypatch):
    """The notices named the store in the commands they advise; the errors and notes did not (``see 'tmtool
    imports'``, ``tmtool glossary merge 3 1 joins them``): typed as shown after ``--db team.db``, they ran on
    ./tmtool.db. Each names the store given by --db, as a notice does, and works typed as shown; with the store
    from $TMTOOL_DB, the command is said as written, which finds it again."""
    db = tmp_path / "team store.db"
    monkeypatch.chdir(tmp_path)
    run(db, "glossary", "add", "Comité militaire", "Military Committee")
    result = CliRunner().invoke(main, ["--db", str(db), "remove", "--import", "7"])
    assert result.stderr == f"tmtool: error: no import 7 in the store (see 'tmtool --db {shlex.quote(str(db))} imports')\n"
    assert CliRunner().invoke(main, ["--db", str(db), "imports"]).exit_code == 0
    added = CliRunner().invoke(main, ["--db", str(db), "glossary", "add", "--term", "de=Militärausschuss",
                                      "--term", "en=military committee"])
    merge = shlex.split(added.stderr[added.stderr.index("(") + 1:added.stderr.index(" joins")])
    assert merge == ["tmtool", "--db", str(db), "glossary", "merge", "2", "1"]
    assert CliRunner().invoke(main, merge[1:], env={"TMTOOL_DB": None}).exit_code == 0
    assert not (tmp_path / "tmtool.db").exists()
    result = CliRunner().invoke(main, ["remove", "--import", "7"], env={"TMTOOL_DB": str(db)})
    assert result.stderr == "tmtool: error: no import 7 in the store (see 'tmtool imports')\n"
    report = tmp_path / "rapport.docx"
    report.write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(report)])
    assert f"ingest it with its translation (tmtool --db {shlex.quote(str(db))} ingest FR_FILE EN_FILE)" in result.stderr


def test_a_term_given_with_its_region_keeps_it(store_url, tmp_path):
    """``glossary add --term en-GB=defence --term en-US=defense`` stored both as en, the regions dropped: a termbase's
    British and American terms (kept since, from TBX and tables) could not be written by hand, and the TBX export
    wrote both in one en section. Each keeps its region (``locale``), a text alike in both is a term of each, and
    ``glossary edit --term en-US=…`` gives the first English term the region it names."""
    db = store_url
    assert run(db, "glossary", "add", "défense", "--term", "en-GB=defence", "--term", "en_us=defense") == "added entry 1\n"
    run(db, "glossary", "add", "programme", "--term", "en-GB=program", "--term", "en-US=program")
    run(db, "glossary", "add", "frégate", "frigate")
    assert run(db, "glossary", "edit", "3", "--term", "en-GB=frigate") == "entry 3 edited (change 4)\n"
    with open_store(db) as store:
        assert [[(t.lang, t.text, t.locale) for t in e.terms] for e in store.entries([1, 2, 3]).values()] == [
            [("fr", "défense", None), ("en", "defence", "en-GB"), ("en", "defense", "en-US")],
            [("fr", "programme", None), ("en", "program", "en-GB"), ("en", "program", "en-US")],
            [("fr", "frégate", None), ("en", "frigate", "en-GB")]]
    out = tmp_path / "out.tbx"
    run(db, "export", "tbx", "-o", str(out), "--status", "all")
    from lxml import etree

    sections = [(s.get("{http://www.w3.org/XML/1998/namespace}lang"), [t.text for t in s.iter("{*}term")])
                for s in etree.parse(str(out)).iter("{*}langSec")]
    assert sections[:3] == [("fr", ["défense"]), ("en-GB", ["defence"]), ("en-US", ["defense"])]
