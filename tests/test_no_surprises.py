"""No silent surprises: a misspelt --db, a look-up with no glossary entry, review commands that do
what they say, --top that gives N rows, an inbox that says what it passed over."""

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import REPO, SEED_EN, SEED_FR, run_output as run
from tmtool import glossary
from tmtool.cli import main
from tmtool.ingest import find_pairs
from tmtool.lookup import lookup
from tmtool.model import Context, Entry, ReviewStatus, Term, Unit
from tmtool.store import open_store


# ---- a store is made only by a command that adds to it ---------------------------------------


@pytest.mark.parametrize("args", [
    ["lookup", "OTAN"], ["stats"], ["glossary", "list"], ["glossary", "show", "1"], ["glossary", "history"],
    ["glossary", "approve", "1"], ["glossary", "edit", "1", "--note", "n"], ["tm", "search", "texte"],
    ["tm", "concordance", "OTAN"], ["export", "tmx", "-o", "out.tmx"],
])
def test_a_missing_store_is_one_line_and_exit_2_and_is_not_created(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)  # where export would write out.tmx
    typo = tmp_path / "tpyo.db"
    output = run(typo, *args, code=2)
    assert output == f"tmtool: error: {typo}: no such store (check --db or $TMTOOL_DB)\n"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_given_as_store_is_one_line_and_exit_2(tmp_path):
    for args in (["lookup", "OTAN"], ["glossary", "add", "Comité militaire"]):
        assert run(tmp_path, *args, code=2) == f"tmtool: error: {tmp_path}: is a folder, not a store\n"


def test_commands_that_add_to_a_store_create_it(tmp_path):
    assert run(tmp_path / "a.db", "glossary", "add", "Comité militaire", "Military Committee") == "added entry 1\n"
    memory = tmp_path / "m.tmx"
    run(tmp_path / "a.db", "export", "tmx", "-o", memory)
    assert run(tmp_path / "b.db", "import", memory).startswith("0 units added")
    assert run(tmp_path / "c.db", "ingest", SEED_FR, SEED_EN, "--no-terms").startswith("2021-07-13-partners-meeting: ")
    assert {p.name for p in tmp_path.glob("*.db")} == {"a.db", "b.db", "c.db"}


@pytest.mark.parametrize("args", [["ingest", SEED_FR], ["ingest", "--dir", ".", SEED_FR, SEED_EN]])
def test_ingest_given_the_wrong_arguments_is_a_usage_error_and_makes_no_store(tmp_path, args):
    output = run(tmp_path / "new.db", *args, code=2)
    assert output.startswith("tmtool: error: ") and output.endswith(" ingest --help')\n")
    assert not (tmp_path / "new.db").exists()


# ---- lookup: the memory when the glossary has no entry -------------------------------------------


@pytest.fixture
def memory_store(tmp_path):
    with open_store(tmp_path / "m.db", create=True) as store:
        glossary.add_entry(store, Entry(terms=[Term("Comité militaire", "fr"), Term("Military Committee", "en")],
                              status=ReviewStatus.APPROVED))
        store.add_units([
            Unit("Le comité militant se réunit.", "The activist committee meets.", "fr-FR", "en-GB"),
            Unit("Un atout inestimable.", "An invaluable asset.", "fr-FR", "en-GB"),
            Unit("Un soutien inestimable.", "Invaluable support.", "fr-FR", "en-GB"),
        ], str(tmp_path / "imported" / "memory.tmx"))
    return tmp_path / "m.db"


def test_no_glossary_entry_shows_the_memory_with_a_heading(memory_store):
    lines = run(memory_store, "lookup", "inestimable").splitlines()
    assert lines[0] == "No glossary entry for 'inestimable'. In the memory (2 units):"
    assert lines[1] in ("  [memory.tmx] fr: Un atout inestimable.", "  [memory.tmx] fr: Un soutien inestimable.")
    assert lines[2].strip() in ("en: An invaluable asset.", "en: Invaluable support.") and len(lines) == 5
    assert run(memory_store, "lookup", "invaluable", "--limit", "1").splitlines()[0].endswith("(2 units):")


def test_the_memory_comes_before_fuzzy_neighbours_which_are_labelled(memory_store):
    lines = run(memory_store, "lookup", "comité militant").splitlines()
    assert lines[:2] == ["No glossary entry for 'comité militant'. In the memory (1 unit):",
                         "  [memory.tmx] fr: Le comité militant se réunit."]
    fuzzy = lines.index("Glossary entries spelt like it (fuzzy, with their similarity):")
    assert fuzzy == 3 and "[approved; fuzzy 8" in lines[4] and lines[4].startswith("Comité militaire")
    hits = json.loads(run(memory_store, "lookup", "comité militant", "--json"))
    assert [h["match"] for h in hits] == ["memory", "fuzzy"] and hits[0]["document"] == "memory.tmx"


def test_an_exact_entry_is_answered_without_the_memory_and_nothing_at_all_exits_1(memory_store):
    assert run(memory_store, "lookup", "comités militaires").startswith("Comité militaire  =  Military Committee")
    assert run(memory_store, "lookup", "sous-marin", code=1) == \
        "No glossary entry for 'sous-marin', and no unit of the memory holds it.\n"
    # with --json, stdout is still JSON (an empty list) for the script reading it; the exit status says nothing was found
    result = CliRunner().invoke(main, ["--db", str(memory_store), "lookup", "sous-marin", "--json"])
    assert (result.exit_code, json.loads(result.stdout)) == (1, [])


def test_english_plurals_fold_as_french_ones_do(tmp_path):
    with open_store(tmp_path / "g.db", create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term(fr, "fr"), Term(en, "en")]) for fr, en in [
            ("groupement tactique", "battlegroup"), ("approche globale", "comprehensive approach"),
            ("examen", "analysis"), ("impôt", "tax"), ("boîte", "box"), ("processus", "process")]], "test")
        for query, french in [("battlegroups", "groupement tactique"), ("comprehensive approaches", "approche globale"),
                              ("analyses", "examen"), ("taxes", "impôt"), ("boxes", "boîte"), ("processes", "processus")]:
            hits = lookup(store, query)
            assert [(h.entry.terms[0].text, h.match) for h in hits][:1] == [(french, "lemma")], query


def test_a_plural_only_english_makes_finds_english_terms_only(tmp_path):
    with open_store(tmp_path / "g.db", create=True) as store:
        # "caches" is French too (cache): its English singular "cach" must not find a French "cach"
        glossary.import_entries(store, [Entry(terms=[Term("cach", "fr")]), Entry(terms=[Term("x", "fr"), Term("cach", "en")])],
                             "test")
        assert [(h.entry.terms[0].text, h.match) for h in lookup(store, "caches")][:1] == [("x", "lemma")]
        assert "lemma" not in {h.match for h in lookup(store, "caches", lang="fr")}


# ---- glossary review ---------------------------------------------------------------------------


def test_history_lists_entry_ids_in_numeric_order(tmp_path):
    with open_store(tmp_path / "g.db", create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term(f"terme {i}", "fr")]) for i in range(1, 12)], "glossary.tsv")
    (line,) = run(tmp_path / "g.db", "glossary", "history").splitlines()
    assert line.endswith("entries 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11")


def test_a_merge_shows_a_context_both_entries_had_once(tmp_path):
    shared = Context("Le Comité militaire (CM) se réunit.", "The Military Committee (MC) meets.", "meeting", "meeting:3")
    with open_store(tmp_path / "g.db", create=True) as store:
        glossary.import_entries(store, [
            Entry(terms=[Term("Comité militaire", "fr")], contexts=[shared]),
            Entry(terms=[Term("CM", "fr")], contexts=[shared, Context("Le CM a décidé.", "The MC decided.", "other")]),
        ], "test")
    run(tmp_path / "g.db", "glossary", "merge", "2", "1")
    shown = run(tmp_path / "g.db", "glossary", "show", "1")
    assert shown.count("Le Comité militaire (CM) se réunit.") == 1 and "Le CM a décidé." in shown


def test_editing_a_candidate_approves_it_unless_the_edit_says_otherwise(tmp_path):
    db = tmp_path / "g.db"
    for fr in ("un", "deux", "trois", "quatre"):
        run(db, "glossary", "add", fr, "--status", "candidate")
    run(db, "glossary", "edit", "1", "--note", "Vérifié.")
    run(db, "glossary", "edit", "2", "--note", "À revoir.", "--status", "candidate")
    run(db, "glossary", "edit", "3", "--status", "rejected")
    run(db, "glossary", "approve", "4")
    run(db, "glossary", "edit", "4", "--status", "candidate")
    statuses = {e["id"]: e["status"] for e in json.loads(run(db, "glossary", "list", "--json"))}
    assert statuses == {"1": "approved", "2": "candidate", "3": "rejected", "4": "candidate"}
    # an edit is a review: extraction keeps off every one of them, a candidate kept so too
    with open_store(db, create=True) as store:
        assert store._query("SELECT id FROM entries WHERE reviewed = 1 ORDER BY id") == [(1,), (2,), (3,), (4,)]


# ---- extract --top N gives N rows --------------------------------------------------------------------


@pytest.mark.parametrize("document", [SEED_FR, REPO / "tests" / "data" / "docs" / "nato-news.html"])
def test_extract_top_prints_that_many_rows(document):
    result = CliRunner().invoke(main, ["extract", str(document), "--top", "20"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1 + 20  # the header, then a row per term
    assert result.stderr.startswith("20 terms from ")


# ---- ingest --dir: names in any of the usual patterns, the rest reported -----------------------------


def test_an_inbox_accepts_the_usual_name_patterns_and_reports_the_rest(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = ["rapport_FR.txt", "rapport_EN.txt", "note-fr.txt", "Note-EN.txt", "a.Fr.txt", "a.en.txt",
             "README.md", "scan.fr.tif", "seul_fr.txt", "rapportFR.txt", ".DS_Store"]
    for name in names:
        shutil.copy(SEED_FR if "fr" in name.lower() else SEED_EN, inbox / name)
    (inbox / "old").mkdir()
    pairs, unpaired, ignored = find_pairs(inbox)
    assert [(n, f.name, e.name) for n, f, e in pairs] == [
        ("a", "a.Fr.txt", "a.en.txt"), ("note", "note-fr.txt", "Note-EN.txt"), ("rapport", "rapport_FR.txt", "rapport_EN.txt")]
    assert unpaired == [("seul_fr.txt", "no en counterpart (seul.en.*, seul_en.* or seul-en.*)")]
    assert [name for name, _ in ignored] == ["old", "rapportFR.txt", "README.md", "scan.fr.tif"]

    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 1  # the French file without a partner
    assert "skipped: rapportFR.txt: no language in the name (expected NAME.fr.EXT, NAME_fr.EXT" in result.stderr
    assert "skipped: scan.fr.tif: not a document tmtool reads (txt, md, markdown, html, htm, xhtml, docx, odt, pptx, odp, pdf)" in result.stderr
    assert "failed: seul_fr.txt: no en counterpart" in result.stderr
    # the three pairs hold the same text: the first is stored, the others are that content again
    assert result.stdout.splitlines()[-1].startswith("1 document ingested, 2 already stored, 1 failed, 4 files skipped; ")
