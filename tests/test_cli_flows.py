"""End-to-end through the CLI: ingest → lookup → review → re-ingest → export → import → export."""

import json
import shlex
import shutil
import subprocess

import click
import pytest
from click.testing import CliRunner

from conftest import SEED_EN, SEED_FR, run_output as run
from crash_helpers import tmtool_executable
from tmtool import api
from tmtool.cli import main
from tmtool.store import open_store

INSTALLED = tmtool_executable()  # the console script pip installed beside this interpreter


def test_review_survives_reingest_and_a_round_trip(tmp_path):
    db = tmp_path / "team.db"
    fr, en = tmp_path / "meeting.fr.txt", tmp_path / "meeting.en.txt"
    shutil.copy(SEED_FR, fr)
    shutil.copy(SEED_EN, en)
    assert run(db, "ingest", fr, en).startswith("meeting: 19 units, ")
    hits = json.loads(run(db, "lookup", "IMS", "--json"))
    entry_id = hits[0]["id"]
    assert "International Military Staff" in {t["text"] for t in hits[0]["en"]}
    run(db, "glossary", "edit", entry_id, "--note", "Checked against NATOTerm.")
    run(db, "glossary", "approve", entry_id)
    candidates = json.loads(run(db, "glossary", "list", "--status", "candidate", "--json"))
    rejected_id = candidates[-1]["id"]
    run(db, "glossary", "reject", rejected_id)

    en.write_text(en.read_text(encoding="utf-8").replace("invaluable", "priceless"), encoding="utf-8")
    assert run(db, "ingest", fr, en).startswith("meeting: 19 units, ")
    # the revision is extracted again (the approved entry now guides it: a borderline phrase may come
    # in, a candidate only the earlier version proposed may go) but nothing is proposed twice
    french = [t["text"].casefold() for e in json.loads(run(db, "glossary", "list", "--json")) for t in e["fr"]]
    assert len(french) == len(set(french))
    assert run(db, "ingest", fr, en) == "meeting: already stored, nothing changed\n"
    shown = run(db, "glossary", "show", entry_id)
    assert " approved " in shown and "note: Checked against NATOTerm." in shown
    assert " rejected " in run(db, "glossary", "show", rejected_id)
    assert "priceless" in run(db, "tm", "concordance", "priceless")

    exports = {fmt: tmp_path / f"first.{fmt}" for fmt in ("tmx", "tbx")}
    for fmt, path in exports.items():
        run(db, "export", fmt, "-o", path)
    fresh = tmp_path / "fresh.db"
    for path in exports.values():
        run(fresh, "import", path)
    for fmt, path in exports.items():
        again = tmp_path / f"second.{fmt}"
        run(fresh, "export", fmt, "-o", again)
        assert _without_dates(again.read_text(encoding="utf-8")) == _without_dates(path.read_text(encoding="utf-8"))
    assert json.loads(run(fresh, "lookup", "IMS", "--json"))[0]["status"] == "approved"


def _without_dates(xml: str) -> list[str]:
    """The lines of an export, less the header's creation date (the export time)."""
    return [line for line in xml.splitlines() if "<header" not in line and "creationdate=\"" not in line[:40]]


def test_inbox_with_a_broken_pair_reports_and_exits_1(tmp_path, shared):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = "defence-ministers-cyber"
    for lang in ("fr", "en"):
        shutil.copy(shared / "data" / "terms" / name / f"{name}.{lang}.txt", inbox)
    (inbox / "empty.fr.txt").write_text("", encoding="utf-8")
    (inbox / "empty.en.txt").write_text("Nothing here to align with.", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 1
    assert "1 document ingested, 0 already stored, 1 failed" in result.output
    assert "failed: empty: " in result.output and "empty document" in result.output
    again = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", "--dir", str(inbox), "--no-terms"])
    assert "0 documents ingested, 1 already stored, 1 failed" in again.output
    assert "already stored: defence-ministers-cyber" in again.output


def test_an_inbox_ingested_again_names_ten_documents_already_stored_then_counts_the_others(tmp_path):
    # an inbox kept and ingested every day: each run wrote every stored document's name on one line, 256
    # of them a 10 000-character line; a document that is news (the same text as another) comes first
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    french, english = SEED_FR.read_text(encoding="utf-8"), SEED_EN.read_text(encoding="utf-8")
    for number in range(1, 13):
        (inbox / f"news-{number:02}.fr.txt").write_text(f"{french}\nCommuniqué de presse {number}.\n", encoding="utf-8")
        (inbox / f"news-{number:02}.en.txt").write_text(f"{english}\nPress release {number}.\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    CliRunner().invoke(main, ["--db", db, "ingest", "--dir", str(inbox), "--no-terms"], catch_exceptions=False)
    shutil.copy(inbox / "news-12.fr.txt", inbox / "copy.fr.txt")
    shutil.copy(inbox / "news-12.en.txt", inbox / "copy.en.txt")
    again = CliRunner().invoke(main, ["--db", db, "ingest", "--dir", str(inbox), "--no-terms"])
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [
        "already stored: copy (same text as document news-12), " + ", ".join(f"news-{n:02}" for n in range(1, 10))
        + ", … and 3 more",
        "0 documents ingested, 13 already stored, 0 failed; 0 new units, 0 new entries, 0 updated entries"]


def test_installed_command_and_one_line_errors(tmp_path):
    """The console script itself: errors are one line on stderr and a non-zero exit."""
    db = tmp_path / "t.db"
    ok = subprocess.run([INSTALLED, "--db", db, "glossary", "add", "Comité militaire", "Military Committee"],
                        capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout == "added entry 1\n"
    found = subprocess.run([INSTALLED, "--db", db, "lookup", "comites militaires"], capture_output=True, text=True)
    assert found.returncode == 0 and "Comité militaire  =  Military Committee" in found.stdout
    empty = tmp_path / "empty.fr.txt"
    empty.write_text("")
    failing = {
        "empty file": ["--db", db, "ingest", empty, empty],
        "bad db path": ["--db", tmp_path / "no" / "such" / "dir.db", "glossary", "add", "Comité militaire"],
        "db is not a store": ["--db", SEED_FR, "stats"],
        "invalid file": ["--db", db, "import", SEED_FR, "--format", "tmx"],
        "nothing found": ["--db", db, "lookup", "sous-marin"],
    }
    for case, args in failing.items():
        run_ = subprocess.run([INSTALLED, *map(str, args)], capture_output=True, text=True)
        assert run_.returncode == 1, case
        assert run_.stdout == "" and run_.stderr.count("\n") == 1 and "Traceback" not in run_.stderr, case


def test_usage_mistakes_are_one_line_too(tmp_path):
    for args in (["segment", str(tmp_path / "missing.txt"), "--lang", "fr"],
                 ["--db", str(tmp_path / "t.db"), "ingest", str(tmp_path / "no.fr.txt"), str(tmp_path / "no.en.txt")],
                 ["align", str(SEED_FR)],
                 ["tm", "search", "texte", "--min", "150"],
                 ["--db", str(tmp_path / "t.db"), "export", "docx"]):  # no such export format
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, args
        assert result.output.count("\n") == 1 and result.output.startswith("tmtool: error: "), result.output
        assert "--help" in result.output and "Traceback" not in result.output


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_every_command_lists_its_whole_purpose_and_shows_an_example():
    # the lists cut purposes at the width left: "db  Move a whole store between SQLite and PostgreSQL; check a..."
    for path, command in [((), main), *_commands(main)]:
        shown = CliRunner().invoke(main, [*path, "--help"])
        assert shown.exit_code == 0 and "Example" in shown.output, path
        if isinstance(command, click.Group):
            listing = shown.output.split("\nCommands:\n", 1)[1]
            assert "..." not in listing, (path, listing)
            for name, sub in command.commands.items():
                assert "".join(sub.get_short_help_str(1000).split()) in "".join(listing.split()), (path, name)


def test_segment_and_align_to_a_file_say_what_they_wrote_as_export_does(tmp_path):
    # they wrote their file and said nothing, where export says "42 entries written to exports/glossary.tbx"
    xliff, tmx, srx = tmp_path / "partners.fr.xlf", tmp_path / "partners.tmx", tmp_path / "rules.srx"
    for args, line in ((["segment", str(SEED_FR), "--lang", "fr", "-o", str(xliff)], f"20 segments written to {xliff}"),
                       (["align", str(SEED_FR), str(SEED_EN), "-o", str(tmx)], f"19 units written to {tmx}"),
                       (["segment", "--export-srx", "-o", str(srx)], f"SRX rules written to {srx}")):
        result = CliRunner().invoke(main, args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", line + "\n"), args
    # to stdout, what they wrote is all there is
    beads = CliRunner().invoke(main, ["align", str(SEED_FR), str(SEED_EN), "--format", "beads"])
    assert beads.exit_code == 0 and beads.stderr == "" and beads.stdout.startswith("[0]:[0]\n")


def test_align_counts_the_units_its_tmx_holds_not_a_paragraph_the_other_document_lacks(tmp_path):
    """The English has a paragraph the French lacks (a 0-1 bead, no unit): "17 units written" was said of a TMX of 16."""
    fr, en, tmx = tmp_path / "note.fr.txt", tmp_path / "note.en.txt", tmp_path / "note.tmx"
    fr.write_text("Le Comité militaire a approuvé la politique de cyberdéfense le 12 mai 2023.\n\n"
                  "Les États membres restent responsables de leurs réseaux nationaux.\n\n"
                  "Le secrétaire général rendra compte des progrès lors du prochain sommet.\n", encoding="utf-8")
    en.write_text("On 12 May 2023, the Military Committee approved the cyber defence policy.\n\n"
                  "Member states remain responsible for their national networks.\n\n"
                  "The Cyberspace Operations Centre, located in Mons, coordinates operational activities.\n\n"
                  "The Secretary General will report on progress at the next Summit.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(fr), str(en), "-o", str(tmx)])
    units = tmx.read_text(encoding="utf-8").count("<tu ")
    assert units == 3 and (result.exit_code, result.stderr) == (0, f"3 units written to {tmx}\n")


def test_export_says_what_it_counted_units_entries_or_term_pairs(tmp_path):
    # "2 written to memory.tmx", "1 written to glossary.tbx", "2 written to glossary.txt": two what? The
    # OmegaT glossary counts its lines, an entry's acronyms on a line of their own, not its entries
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    runner.invoke(main, ["--db", db, "ingest", str(SEED_FR), str(SEED_EN), "--no-terms"], catch_exceptions=False)
    runner.invoke(main, ["--db", db, "glossary", "add", "État-major militaire international",
                         "International Military Staff", "--fr-also", "EMI", "--en-also", "IMS"])
    for fmt, line in (("tmx", "19 units"), ("tbx", "1 entry"), ("tsv", "2 term pairs"), ("xlsx", "1 entry")):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(main, ["--db", db, "export", fmt, "-o", str(out)])
        assert (result.exit_code, result.stderr) == (0, f"{line} written to {out}\n"), fmt


def test_a_glossary_export_writing_nothing_says_the_entries_await_review(tmp_path):
    # the first day: a pair ingested, its proposals not reviewed yet, and `export tsv` wrote an empty glossary
    # saying only "0 term pairs written": the translator could not tell an empty glossary from one unreviewed
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    for french, english, status in (("Comité militaire", "Military Committee", "candidate"),
                                    ("espace aérien", "airspace", "candidate"), ("pandémie", "pandemic", "rejected")):
        runner.invoke(main, ["--db", db, "glossary", "add", french, english, "--status", status], catch_exceptions=False)
    out = tmp_path / "glossary.txt"
    result = runner.invoke(main, ["--db", db, "export", "tsv", "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, f"0 term pairs written to {out}\n"
                                                    "note: exports hold approved entries, and none is: the glossary "
                                                    "holds 2 candidates and 1 rejected entry (--status candidate, "
                                                    "rejected or all writes them)\n")
    # asked for by name, the approved entries alone: nothing to add
    result = runner.invoke(main, ["--db", db, "export", "tsv", "--status", "approved", "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, f"0 term pairs written to {out}\n")
    runner.invoke(main, ["--db", db, "glossary", "approve", "1"], catch_exceptions=False)
    result = runner.invoke(main, ["--db", db, "export", "tsv", "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, f"1 term pair written to {out}\n")


def test_the_tm_search_examples_of_the_help_find_a_match_in_the_seed_pair(tmp_path):
    # they looked for a phrase or a shortened sentence: a match's score is of the whole sentence, and on the
    # seed's units they found nothing ("no match of 70% or more", exit 1)
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    runner.invoke(main, ["--db", db, "ingest", str(SEED_FR), str(SEED_EN), "--no-terms"], catch_exceptions=False)
    examples = [line.strip() for path in (["tm"], ["tm", "search"])
                for line in runner.invoke(main, [*path, "--help"]).output.splitlines()
                if line.strip().startswith("tmtool tm search ")]
    assert len(examples) == 3
    for example in examples:
        result = runner.invoke(main, ["--db", db, *shlex.split(example)[1:]])
        assert result.exit_code == 0 and "%" in result.stdout, (example, result.output)


def test_a_memory_repeating_a_unit_says_so_rather_than_already_stored(tmp_path):
    # a project memory holds the boilerplate of every news item: imported into an empty store it said
    # "1 unit added, 2 already stored", where nothing was stored before
    tu = ('<tu><tuv xml:lang="fr-FR"><seg>{}</seg></tuv><tuv xml:lang="en-GB"><seg>{}</seg></tuv></tu>\n')
    memory = tmp_path / "news.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr-FR" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
        + tu.format("Division Diplomatie publique de l’OTAN", "NATO Public Diplomacy Division")
        + tu.format("Le Comité militaire s’est réuni.", "The Military Committee met.")
        + tu.format("Division Diplomatie publique de l’OTAN", "NATO Public Diplomacy Division") * 2
        + "</body></tmx>\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    first = CliRunner().invoke(main, ["--db", db, "import", str(memory)])
    assert first.stdout == ("2 units added (fr-FR→en-GB 2), 0 already stored, 2 repeated in the file, "
                            "0 untranslated skipped\n")
    again = CliRunner().invoke(main, ["--db", db, "import", str(memory)])
    assert again.stdout == "0 units added, 2 already stored, 2 repeated in the file, 0 untranslated skipped\n"


def test_an_inbox_whose_every_pair_fails_leaves_no_new_empty_store(tmp_path):
    # the store made for it stayed, empty: later commands answered from it instead of "no such store"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_FR, inbox / "rapport.fr.txt")  # its English is missing
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 1 and "failed: rapport.fr.txt: no en counterpart" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox"]
    # a store that held something before keeps it, and one a pair was saved in stays
    shutil.copy(SEED_EN, inbox / "partners.en.txt")
    shutil.copy(SEED_FR, inbox / "partners.fr.txt")
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 1 and "1 document ingested" in result.output and db.exists()


def test_segment_names_a_bare_language_with_the_region_its_default_target_has(tmp_path):
    # `segment --lang fr` wrote source-language "fr" beside the default target-language "en-GB"
    xliff, tmx = tmp_path / "partners.xlf", tmp_path / "partners.tmx"
    for args in (["--lang", "fr", "-o", str(xliff)], ["--lang", "fr", "-o", str(tmx)]):
        result = CliRunner().invoke(main, ["segment", str(SEED_FR), *args])
        assert result.exit_code == 0, result.output
    written = xliff.read_text(encoding="utf-8")
    assert 'source-language="fr-FR"' in written and 'target-language="en-GB"' in written
    assert 'srclang="fr-FR"' in tmx.read_text(encoding="utf-8")
    # a region or another language named is written as named; a bare target of the pair takes its region too
    for path, lang, tgtlang, languages in ((SEED_FR, "fr-CA", "en-US", ('"fr-CA"', '"en-US"')),
                                           (SEED_FR, "fr", "en", ('"fr-FR"', '"en-GB"')),
                                           (SEED_EN, "en", None, ('"en-GB"', '"fr-FR"'))):
        result = CliRunner().invoke(main, ["segment", str(path), "--lang", lang, "--format", "xliff",
                                           *(["--tgtlang", tgtlang] if tgtlang else [])])
        assert result.exit_code == 0, result.output
        assert f"source-language={languages[0]}" in result.stdout and f"target-language={languages[1]}" in result.stdout


def test_segment_takes_the_language_the_file_s_name_is_marked_with(tmp_path):
    # `segment rapport.fr.txt -o rapport.xlf` stopped with "FILE and --lang are required", where ingest,
    # align and check read the same name's language
    shutil.copy(SEED_EN, tmp_path / "report.en-US.txt")
    shutil.copy(SEED_FR, tmp_path / "rapport.txt")
    xliff = tmp_path / "partners.xlf"
    result = CliRunner().invoke(main, ["segment", str(SEED_FR), "-o", str(xliff)])
    assert result.exit_code == 0, result.output
    written = xliff.read_text(encoding="utf-8")
    assert 'source-language="fr-FR"' in written and 'target-language="en-GB"' in written
    result = CliRunner().invoke(main, ["segment", str(tmp_path / "report.en-US.txt"), "--format", "xliff"])
    assert result.exit_code == 0, result.output
    assert 'source-language="en-US"' in result.stdout and 'target-language="fr-FR"' in result.stdout
    # a name marked with no language: --lang is asked for, a usage error
    result = CliRunner().invoke(main, ["segment", str(tmp_path / "rapport.txt")])
    assert result.exit_code == 2 and "--lang is required" in result.output and "rapport.txt" in result.output
    assert CliRunner().invoke(main, ["segment", str(tmp_path / "rapport.txt"), "--lang", "fr"]).exit_code == 0


def test_an_export_to_a_file_named_as_another_format_is_refused(tmp_path):
    # `export csv -o glossary.tsv` wrote a CSV there, which `tmtool import glossary.tsv` read as TSV:
    # "0 entries added, 37 skipped", exit 0; `export tmx -o memory.tbx` a TMX that import refused

    db = tmp_path / "t.db"
    run(db, "glossary", "add", "Comité militaire", "Military Committee")
    for fmt, name, says in (("csv", "glossary.tsv", "tsv"), ("tmx", "memory.tbx", "tbx"), ("tsv", "glossary.xlsx", "xlsx")):
        result = CliRunner().invoke(main, ["--db", str(db), "export", fmt, "-o", str(tmp_path / name)])
        assert result.exit_code == 2, result.output
        assert f"its name says {says}, not {fmt}: export {says}, or name the file ." in result.output
        assert not (tmp_path / name).exists()
    with open_store(str(db)) as store, pytest.raises(api.Invalid, match="its name says tsv, not csv"):
        api.export(store, "csv", tmp_path / "glossary.tsv")
    # names a format writes, or names of no format, are written as asked
    for fmt, name in (("tbx-martif", "glossary.tbx"), ("tsv", "glossary.txt"), ("tbx", "glossary.xml"), ("csv", "g.csv")):
        assert CliRunner().invoke(main, ["--db", str(db), "export", fmt, "-o", str(tmp_path / name)]).exit_code == 0


@pytest.mark.parametrize("args, says", [
    (["align", str(SEED_FR), str(SEED_EN), "--format", "tmx", "-o", "pairs.tsv"], "pairs.tsv: its name says tsv, not tmx"),
    (["align", str(SEED_FR), str(SEED_EN), "-o", "memory.xlf"], "memory.xlf: its name says xliff, which this command"),
    (["segment", str(SEED_FR), "--format", "txt", "-o", "memory.tmx"], "memory.tmx: its name says tmx, not txt"),
    (["segment", str(SEED_FR), "-o", "report.po"], "report.po: its name says po, which this command does not write"),
])
def test_align_and_segment_to_a_file_named_as_another_format_are_refused(tmp_path, monkeypatch, args, says):
    # a TMX written to pairs.tsv, sentences as plain text to memory.tmx or report.po, exit 0; an xliff asked
    # by its name was "unknown alignment format 'xliff'", an option never typed
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and says in result.output, result.output
    assert list(tmp_path.iterdir()) == []
    for written in (["align", str(SEED_FR), str(SEED_EN), "-o", "pairs.tsv"], ["segment", str(SEED_FR), "-o", "s.xlf"]):
        assert CliRunner().invoke(main, written).exit_code == 0


@pytest.mark.parametrize("args", [
    ["export", "tmx", "-o", "rapport.docx"],
    ["export", "tbx", "-o", "rapport.docx"],
    ["segment", str(SEED_FR), "--format", "xliff", "-o", "rapport.docx"],
    ["align", str(SEED_FR), str(SEED_EN), "-o", "rapport.docx"],
    ["extract", str(SEED_FR), "-o", "rapport.docx"],
])
def test_an_output_named_as_a_document_is_refused_and_the_document_kept(tmp_path, monkeypatch, args):
    # `export tmx -o rapport.docx` (a slip of the tab key) wrote a TMX over the Word document, exit 0: the
    # document was lost; segment, align and extract alike. tmtool writes no document: such a name is a slip
    from worddocs import p, r, write_docx

    monkeypatch.chdir(tmp_path)
    write_docx(tmp_path / "rapport.docx", p(r("Le Comité militaire s'est réuni.")))
    before = (tmp_path / "rapport.docx").read_bytes()
    run(tmp_path / "t.db", "glossary", "add", "Comité militaire", "Military Committee", "--status", "approved")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), *args])
    assert result.exit_code == 2, result.output
    assert "rapport.docx: its name says a DOCX document, which tmtool does not write" in result.output
    assert (tmp_path / "rapport.docx").read_bytes() == before


def test_extract_writes_the_format_its_output_is_named_as(tmp_path, monkeypatch):
    # `extract … -o terms.json` wrote TSV into terms.json (the --format default), and `-o terms.tmx` TSV too
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(SEED_FR), "--top", "3", "-o", "terms.json"])
    assert result.exit_code == 0, result.output
    assert [term["term"] for term in json.loads((tmp_path / "terms.json").read_text(encoding="utf-8"))][0] == "OTAN"
    for args, says in ((["-o", "terms.tmx"], "terms.tmx: its name says tmx, which this command does not write"),
                       (["--format", "json", "-o", "terms.tsv"], "terms.tsv: its name says tsv, not json")):
        result = CliRunner().invoke(main, ["extract", str(SEED_FR), *args])
        assert result.exit_code == 2 and says in result.output, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["terms.json"]
    # a plain-text name takes what --format says, TSV by default, as it always did
    assert CliRunner().invoke(main, ["extract", str(SEED_FR), "--top", "3", "-o", "terms.txt"]).exit_code == 0
    assert (tmp_path / "terms.txt").read_text(encoding="utf-8").startswith("term\tscore\t")


def test_a_pair_of_which_no_sentence_aligns_is_refused_and_a_stored_version_kept(tmp_path):
    # the seed's French given again with the wrong English file, a one-line note: no sentence aligned, and the
    # document's 19 units were replaced by none, its 43 entries removed, exit 0 ("0 units, … 43 entries no
    # longer proposed removed"); as a new document, an empty one was stored
    db = tmp_path / "t.db"
    fr, en = tmp_path / "meeting.fr.txt", tmp_path / "meeting.en.txt"
    shutil.copy(SEED_FR, fr)
    shutil.copy(SEED_EN, en)
    run(db, "ingest", fr, en)
    before = json.loads(run(db, "documents", "--json"))
    entries = run(db, "glossary", "list")
    note = tmp_path / "note.en.txt"
    note.write_text("The Military Committee met in Brussels.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(fr), str(note)])
    assert result.exit_code == 1, result.output
    assert result.output == ("tmtool: error: meeting.fr.txt and note.en.txt: no sentence of the one aligns with a "
                             "sentence of the other (20 in fr-FR, 1 in en-GB): are they a document and its "
                             "translation? Nothing stored; document meeting kept as it was\n")
    assert json.loads(run(db, "documents", "--json")) == before
    assert run(db, "glossary", "list") == entries
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "new.db"), "ingest", str(fr), str(note)])
    assert result.exit_code == 1 and "Nothing stored\n" in result.output, result.output
