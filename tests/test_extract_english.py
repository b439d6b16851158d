"""``tmtool extract --lang en``: the English terms of documents alone, ranked as the English-led glossary
ranks them (``terms.pivot``), written in the rows the French extraction writes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool import api
from tmtool.cli import main
from tmtool.model import Context
from tmtool.pipeline import term_contexts
from tmtool.terms import DEFAULT_THRESHOLD, ENGLISH_THRESHOLD, pivot
from test_terms import TABLE_3, _docx_table

# written for these tests: English sentences (and their German), terms in the plural as in the singular
REPORT = [
    ("Allied navies deployed three minehunters to the Baltic Sea.",
     "Alliierte Marinen verlegten drei Minenjagdboote in die Ostsee."),
    ("The minehunters cleared naval mines from the shipping lanes.",
     "Die Minenjagdboote räumten Seeminen aus den Schifffahrtswegen."),
    ("Clearance divers inspected the naval mines before their disposal.",
     "Minentaucher untersuchten die Seeminen vor ihrer Beseitigung."),
    ("A clearance diver from Latvia guided the autonomous underwater vehicles.",
     "Ein Minentaucher aus Lettland führte die autonomen Unterwasserfahrzeuge."),
    ("The autonomous underwater vehicles mapped the seabed near the shipping lanes.",
     "Die autonomen Unterwasserfahrzeuge kartierten den Meeresboden nahe den Schifffahrtswegen."),
    ("Allied Maritime Command (MARCOM) in Northwood directed the exercise.",
     "Das Alliierte Maritime Kommando (MARCOM) in Northwood leitete die Übung."),
]
TEXT = " ".join(english for english, _ in REPORT) + "\n"


def sentences():
    return [Context("", english, "report") for english, _ in REPORT]


def test_english_noun_phrases_are_terms_under_their_lemma():
    entries = pivot.extract_english(sentences())
    terms = {e.terms[0].text: (e, e.terms[0]) for e in entries}
    assert {"minehunter", "naval mine", "shipping lane", "clearance diver", "autonomous underwater vehicle",
            "Allied Maritime Command", "MARCOM"} <= set(terms)
    entry, term = terms["autonomous underwater vehicle"]  # seen in the plural only
    assert (term.lang, term.lemma, term.pos, term.gender) == ("en", "vehicle", "noun", None)
    assert term.forms == ["autonomous underwater vehicle", "autonomous underwater vehicles"]
    assert entry.frequency == 2 and [c.en for c in entry.contexts] == [REPORT[3][0], REPORT[4][0]]
    entry, term = terms["naval mine"]
    assert (term.lemma, entry.frequency, term.forms) == ("mine", 2, ["naval mine", "naval mines"])
    entry, term = terms["clearance diver"]  # in the plural, then the singular
    assert (term.lemma, entry.frequency, term.forms) == ("diver", 2, ["clearance diver", "Clearance divers"])
    assert terms["MARCOM"][1].term_type.value == "acronym" and terms["Allied Maritime Command"][1].pos == "properNoun"
    assert all(len(e.terms) == 1 for e in entries)  # English alone: no other language's side
    assert [e.score for e in entries] == sorted((e.score for e in entries), reverse=True)
    assert "Baltic" not in terms and "Baltic Sea" in terms  # a name's piece is no entry of its own
    assert len(pivot.extract_english(sentences(), top=3)) == 3


def test_the_ranking_is_the_english_led_glossarys_without_the_other_language():
    """An entry of the English-led glossary scores the English score × (base + its equivalent's confidence):
    the monolingual English score is that score, the same candidates."""
    english = {e.terms[0].text: e.score for e in pivot.extract_english(sentences(), threshold=0.0)}
    glossary = pivot.build_english_glossary([Context(german, english, "report") for english, german in REPORT], "de",
                                      threshold=0.0)
    assert glossary
    for entry in glossary:
        confidence = entry.terms[1].confidence if len(entry.terms) > 1 else 0.0
        assert entry.terms[0].text in english
        weight = pivot.TRANSLATION_BASE + confidence
        assert entry.score == pytest.approx(english[entry.terms[0].text] * weight, abs=2e-3)


def test_cli_extract_english_json_and_tsv(tmp_path):
    path = tmp_path / "report.en.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--lang", "en", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = {r["term"]: r for r in json.loads(result.stdout)}
    record = records["clearance diver"]
    assert set(record) == {"term", "score", "frequency", "forms", "lemma", "pos", "gender", "term_type", "contexts"}
    assert (record["lemma"], record["pos"], record["gender"], record["frequency"]) == ("diver", "noun", None, 2)
    assert record["contexts"][0] == {"en": REPORT[2][0], "document": str(path)}
    assert result.stderr.endswith(f"{len(records)} terms from 6 sentences of 1 file written to stdout\n")
    out = tmp_path / "terms.tsv"
    result = CliRunner().invoke(main, ["extract", str(path), "--lang", "en", "--top", "4", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "term\tscore\tfrequency\tforms" and len(lines) == 5
    assert [line.split("\t")[0] for line in lines[1:]] == list(records)[:4]


def test_api_extract_english_reads_a_table_of_abbreviations_as_its_english_lines(tmp_path):
    path = tmp_path / "directive.en.docx"
    acronym, *columns = zip(*TABLE_3[1])  # the acronym, its English and French full forms
    _docx_table(path, "List of abbreviations", list(zip(acronym, *columns)),
                ["ACO and the IMS report to NATO.", "The IMS sits in Brussels."])
    out = tmp_path / "terms.json"
    # every term ranked, whatever its score (*International Military Staff* scores 0.58, under the English
    # threshold): which lines are read as English is the point here
    done = api.extract([path], out, lang="en-GB", fmt="json", top=100)
    terms = {r["term"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    assert done["files"] == 1 and done["terms"] == len(terms)
    assert {"ACO", "Allied Command Operations", "International Military Staff"} <= set(terms)
    assert terms["ACO"]["term_type"] == "acronym"
    assert not any("Commandement" in term for term in terms)  # the French column is not read as English


SEED_EN = Path(__file__).resolve().parents[1] / "seeds" / "2021-07-13-partners-meeting.en.txt"


def test_english_extraction_cuts_at_a_threshold_of_its_own(tmp_path):
    """``tmtool extract --lang en`` proposes the terms scoring ENGLISH_THRESHOLD or more, not the shared
    DEFAULT_THRESHOLD's longer list (English scores bunch just above it); French keeps the shared one."""
    sentences = term_contexts(SEED_EN, "en", "seed")
    shared = pivot.extract_english(sentences, threshold=DEFAULT_THRESHOLD)
    own = pivot.extract_english(sentences)
    assert ENGLISH_THRESHOLD > DEFAULT_THRESHOLD and own and all(e.score >= ENGLISH_THRESHOLD for e in own)
    assert [e.terms[0].text for e in own] == [e.terms[0].text for e in shared if e.score >= ENGLISH_THRESHOLD]
    assert len(own) < len(shared)  # the seed's English has terms scoring between the two
    out = tmp_path / "terms.tsv"
    result = CliRunner().invoke(main, ["extract", str(SEED_EN), "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]] == [
        term.text for e in own for term in e.terms]


def test_an_acronyms_full_form_reaches_the_english_threshold():
    """*International Military Staff (IMS)* is a term wherever its acronym defines it: its score is the
    English threshold at least, as it is the shared one at least in a glossary."""
    entries = {e.terms[0].text: e for e in pivot.extract_english(term_contexts(SEED_EN, "en", "seed"))}
    assert entries["International Military Staff"].score == ENGLISH_THRESHOLD
    assert entries["IMS"].terms[0].term_type.value == "acronym"


@pytest.mark.parametrize("name, args, message", [
    ("report.en.txt", [], "report.en.txt: its name says en, not fr; give --lang en"),
    ("rapport.fr.txt", ["--lang", "en"], "rapport.fr.txt: its name says fr, not en; give --lang fr"),
    ("bericht.de.txt", ["--lang", "en"],
     "bericht.de.txt: its name says de, not en; term extraction supports French and English (fr, en)"),
    ("report.txt", ["--lang", "de"], "term extraction supports French and English (fr, en), not 'de'"),
    ("report.txt", ["--lang", "es-ES"], "term extraction supports French and English (fr, en), not 'es-ES'"),
])
def test_extract_refuses_another_language_in_one_line(tmp_path, name, args, message):
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), *args])
    assert result.exit_code == 1
    assert result.stderr == f"tmtool: error: {tmp_path / message if ': its name' in message else message}\n"


def test_english_extraction_loads_no_french_model(tmp_path):
    path = tmp_path / "report.en.txt"
    path.write_text(TEXT, encoding="utf-8")
    code = ("import sys; from tmtool import api; "
            f"print(api.extract([{str(path)!r}], {str(tmp_path / 'out.tsv')!r}, lang='en')['terms'] > 5, "
            "'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]
