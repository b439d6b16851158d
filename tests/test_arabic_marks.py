"""Arabic's tatweel (ـ, a word stretched in a justified line or a heading) and vowel marks (harakat, the
superscript alef), which a text writes or leaves out as it likes: a word is found without them whichever
way it is stored or typed, in look-up, fuzzy search and concordance, on both backends, and a store made
before is given what it lacks once when opened."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import written_today

from tmtool import api
from tmtool import glossary as rules
from tmtool.lookup import lookup
from tmtool.model import Entry, ReviewStatus, Term, Unit, Variant
from tmtool.search import search_memory
from tmtool.store import open_store

MEETING, MEETING_STRETCHED, MEETING_VOCALISED = "الاجتماع", "الاجتمـاع", "الاِجْتِمَاع"
COUNCIL, COUNCIL_STRETCHED, COUNCIL_VOCALISED = "المجلس", "المجلـس", "المَجْلِس"
UNITS = [Unit("The meeting of the council opened in Brussels.", "افتتح اجتماع المجلـس في بروكسل.", "en-GB", "ar",
              tuid="stretched"),
         Unit("The council adopted the report.", "اعْتَمَدَ المَجْلِسُ التَّقْرِيرَ.", "en-GB", "ar", tuid="vocalised"),
         Unit("The council met today.", "اجتمع المجلس اليوم.", "en-GB", "ar", tuid="plain"),
         Unit("Welcome, council.", "Bienvenue, conseil.", "en-GB", "fr-FR", tuid="variant",
              variants=[Variant("ar", "مرحبـا أيها المجلـس")])]
ENTRIES = [Entry([Term(MEETING, "ar"), Term("meeting", "en")], status=ReviewStatus.APPROVED),
           Entry([Term(COUNCIL_STRETCHED, "ar"), Term("council", "en")], status=ReviewStatus.APPROVED)]


def fill(store) -> None:
    store.add_units(UNITS, "arabic.tmx")
    rules.import_entries(store, ENTRIES, "arabic.tbx")


def assert_found_without_marks(store) -> None:
    # a term typed stretched or vocalised, or stored stretched, is found by the other spellings
    for query, term in ((MEETING_STRETCHED, MEETING), (MEETING_VOCALISED, MEETING), (COUNCIL, COUNCIL_STRETCHED),
                        (COUNCIL_VOCALISED, COUNCIL_STRETCHED)):
        hits = lookup(store, query)
        assert [(hit.match, hit.matched) for hit in hits[:1]] == [("folded", term)], query
    # the memory's units hold the council with and without marks, in their target or another language
    for query in (COUNCIL, COUNCIL_STRETCHED, COUNCIL_VOCALISED):
        assert sorted(u["tuid"] for u in api.concordance(store, query)) == ["plain", "stretched", "variant",
                                                                           "vocalised"], query
        assert sorted(u["tuid"] for u in api.concordance(store, query, lang="ar")) == ["plain", "stretched",
                                                                                      "variant", "vocalised"]
        assert store.concordance_count(query, 10) == 4
    # and a sentence typed without them matches its stored spelling in full
    for sentence, tuid in (("افتتح اجتماع المجلس في بروكسل.", "stretched"), ("اعتمد المجلس التقرير.", "vocalised")):
        [match] = search_memory(store, sentence, min_score=95, lang="ar")
        assert (match.unit.tuid, match.score, match.side) == (tuid, 100.0, "target")


def test_tatweel_and_vowel_marks_are_folded_in_look_up_search_and_concordance(store_url):
    with open_store(store_url, create=True) as store:
        fill(store)
        assert_found_without_marks(store)
        # the texts themselves keep their marks
        assert [u.target for u in store.units()][:2] == [UNITS[0].target, UNITS[1].target]
        assert api.check_store(store) == []


# the letters one hand or keyboard writes for another, which lookup reads alike (arabic_script_spelling)
LETTER_UNITS = [
    Unit("The General Assembly met at the hospital.", "اجتمعت الجمعية العامة في المستشفى.", "en-GB", "ar", tuid="marbuta"),
    Unit("The Secretary General raised the question.", "طرح الامين العام المسأله.", "en-GB", "ar", tuid="typed"),
    Unit("The committee met.", "La commission s'est réunie.", "en-GB", "fr-FR", tuid="persian",
         variants=[Variant("fa", "کمیته تشکیل جلسه داد.")]),
]


@pytest.mark.parametrize("query, tuids", [
    ("الجمعيه العامه", ["marbuta"]),  # heh typed for teh marbuta
    ("المستشفي", ["marbuta"]),  # yeh for alef maqsura
    ("الجمعية العامة في المستشفى", ["marbuta"]),
    ("الأمين العام", ["typed"]), ("المسألة", ["typed"]),  # hamza on alef, where the stem starts and inside it
    ("كميته", ["persian"]),  # Persian typed on an Arabic keyboard
    ("اجتمعت الجمعيه العامه في المستشفي", ["marbuta"]),  # a phrase whose spellings are many
])
def test_concordance_reads_arabic_script_letters_as_lookup_does(store_url, query, tuids):
    """Concordance found *الجمعية العامة* typed *الجمعيه العامه*, *المستشفى* typed *المستشفي*, *المسأله* typed
    *المسألة*, *کمیته* typed *كميته*, none of which the word index takes for one word, though lookup does."""
    with open_store(store_url, create=True) as store:
        store.add_units(LETTER_UNITS, "letters.tmx")
        assert [u["tuid"] for u in api.concordance(store, query)] == tuids
        assert store.concordance_count(query, 10) == len(tuids)
        lang = "fa" if tuids == ["persian"] else "ar"
        assert [u["tuid"] for u in api.concordance(store, query, lang=lang)] == tuids
        assert api.concordance(store, query, lang="en") == []


def _as_the_release_before(store_url, monkeypatch) -> None:
    """The store made, and its terms and units written, as the release before this one did: its
    migrations, its folding that kept Arabic's marks, its SQLite index of the words as written."""
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._arabic_marks)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._arabic_marks)])
    monkeypatch.setattr("tmtool.text.normalize._ARABIC_MARKS", re.compile("(?!)"))
    monkeypatch.setattr(migrations, "UNITS_WORDS", "rowid, source, target")
    # nor did it queue the approved counts a change leaves to make (its tables came later)
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)
    with open_store(store_url, create=True) as old:
        written_today(old)
        fill(old)
        assert lookup(old, MEETING_STRETCHED)[0].match == "fuzzy"  # as that release answered
    monkeypatch.undo()


def test_a_store_of_the_release_before_folds_its_marks_once_opened(store_url, monkeypatch):
    _as_the_release_before(store_url, monkeypatch)
    with open_store(store_url) as store:
        assert_found_without_marks(store)
        assert [(u.tuid, u.target, u.variants) for u in store.units()] == [(u.tuid, u.target, u.variants)
                                                                           for u in UNITS]
        assert api.check_store(store) == []


def test_the_upgraded_sqlite_indexes_let_go_of_a_deleted_unit_s_words(tmp_path, monkeypatch):
    # the units and variants indexed again by the upgrade, and those written since, leave the word
    # indexes whole when deleted: what was indexed without marks is taken out without them
    path = str(tmp_path / "old.db")
    _as_the_release_before(path, monkeypatch)
    with open_store(path) as store:
        store.add_units([Unit("The council is stretched.", "المجلـس ممـدود.", "en-GB", "ar")], "more.tmx")
        store._conn.execute("CREATE VIRTUAL TABLE temp.variant_words USING fts5vocab(main, unit_variants_fts, 'row')")
        with store.transaction():
            store._conn.execute("DELETE FROM units")
        assert store._query("SELECT count(*) FROM units_words_vocab") == [(0,)]
        assert store._query("SELECT count(*) FROM temp.variant_words") == [(0,)]
        assert api.check_store(store) == []


@pytest.mark.parametrize("text, plain", [(MEETING_STRETCHED, MEETING), (MEETING_VOCALISED, MEETING),
                                         ("هٰذا", "هذا"), ("\ufe71", "")])
def test_the_folding_leaves_out_tatweel_and_vowel_marks(text, plain):
    from tmtool.text.normalize import fold, normalize_for_match, spellings_of

    assert fold(text) == normalize_for_match(text) == plain
    assert plain in spellings_of(text)


# ---- db check: look-up keys that are not current ------------------------------------------------------

def _execute(store_url: str, sql: str) -> None:
    """``sql`` run on the store behind tmtool's back, as a person editing it by hand would."""
    if store_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(store_url) as conn:
            conn.execute(sql)
    else:
        import sqlite3

        with sqlite3.connect(store_url) as conn:
            conn.execute(sql)
        conn.close()


def test_db_check_reports_look_up_keys_missing_or_stale(store_url):
    from click.testing import CliRunner

    from tmtool.cli import main

    def check():
        return CliRunner().invoke(main, ["--db", store_url, "db", "check"])

    with open_store(store_url, create=True) as store:
        fill(store)
        [(term_id, entry_id)] = store._query("SELECT id, entry_id FROM terms WHERE text = 'council'")
        [(arabic_id, _)] = store._query(f"SELECT id, entry_id FROM terms WHERE text = '{COUNCIL_STRETCHED}'")
    assert check().stdout.endswith("no problem found\n")
    # a key as an older release's folding made it (tatweel kept), and a key lost by hand
    _execute(store_url, f"UPDATE lookup_keys SET key = '{COUNCIL_STRETCHED}' WHERE key = '{COUNCIL}' AND kind = 'form'")
    _execute(store_url, f"DELETE FROM lookup_keys WHERE term_id = {term_id} AND kind = 'form'")
    checked = check()
    assert checked.exit_code == 1 and checked.stderr.endswith(": 1 problem found\n")
    assert checked.stdout == (
        f"look-up keys not current for 2 terms (2 missing, 1 stale), e.g. term {arabic_id} of entry {entry_id},"
        f" ar '{COUNCIL_STRETCHED}': lacks '{COUNCIL}' (form), holds stale '{COUNCIL_STRETCHED}' (form); look-up misses"
        " such a term until its entry is saved again, which makes its keys anew (tmtool --db"
        f" {shlex.quote(store_url)} glossary edit ID, with a change)\n")
    # and so it is: a change to the entry makes its keys again
    assert CliRunner().invoke(main, ["--db", store_url, "glossary", "edit", str(entry_id), "--note", "checked"]
                              ).exit_code == 0
    assert check().stdout.endswith("no problem found\n")
