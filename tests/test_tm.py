"""Translation-memory search: CAT-style match percentages from the trigram index, and concordance."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.model import Unit
from tmtool.search import search_memory
from tmtool.store import open_store
from tmtool.text.normalize import fold, normalize_for_match


def transread_units(shared: Path, book: str) -> list[Unit]:
    """The sentence pairs of a TransRead book's 1-1 gold beads."""
    folder = shared / "data" / "align" / "transread-fr-en"
    fr = (folder / "fr" / f"{book}.txt").read_text(encoding="utf-8").splitlines()
    en = (folder / "en" / f"{book}.txt").read_text(encoding="utf-8").splitlines()
    units = []
    for line in (folder / "gold" / f"{book}.txt").read_text().splitlines():
        src, tgt = (part.strip("[]") for part in line.split(":"))
        if src and tgt and "," not in src and "," not in tgt:
            units.append(Unit(fr[int(src)], en[int(tgt)], "fr-FR", "en-GB", tuid=f"{book}:{src}"))
    return units


@pytest.fixture(scope="module")
def memory(tmp_path_factory, shared):
    units = transread_units(shared, "Candide") + transread_units(shared, "VingtMilleLieuesSousLesMers")
    with open_store(tmp_path_factory.mktemp("tm") / "tm.db", create=True) as store:
        store.add_units(units, "transread")
        yield store, [u for u in units if len(u.source) >= 40]


def test_exact_match_scores_100_and_comes_first(memory):
    store, units = memory
    for unit in units[:20]:
        hits = search_memory(store, unit.source, min_score=70, limit=3)
        assert hits[0].score == 100.0 and hits[0].unit.source == unit.source
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_score_is_the_edit_distance_percentage(memory):
    store, units = memory
    sentence = units[5].source
    query = sentence[:10] + "X" + sentence[11:]  # one substitution
    (hit,) = [h for h in search_memory(store, query, min_score=90) if h.unit.source == sentence]
    expected = 100 * (1 - 1 / len(normalize_for_match(sentence)))
    assert hit.score == pytest.approx(expected, abs=0.05)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_unit_above_the_threshold_is_found(memory, data):
    """The rarest-trigram filter must not lose a unit that scores above the threshold."""
    store, units = memory
    unit = data.draw(st.sampled_from(units))
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(unit.source) - 1), st.sampled_from("aeiouxz ")),
                               max_size=6))
    query = list(unit.source)
    for position, char in edits:
        query[position] = char
    query = "".join(query)
    score = Levenshtein.normalized_similarity(normalize_for_match(query), normalize_for_match(unit.source)) * 100
    if score >= 75:
        hits = search_memory(store, query, min_score=75, limit=5)
        assert unit.source in {h.unit.source for h in hits} or len(hits) == 5 and hits[-1].score >= score


def test_threshold_and_errors(memory):
    store, _ = memory
    assert search_memory(store, "Rien de tout cela n'existe dans ce livre, zyxwvut.", min_score=95) == []
    with pytest.raises(TmtoolError):
        search_memory(store, "ab")
    with pytest.raises(TmtoolError):
        search_memory(store, "Candide", min_score=0)


def test_concordance_is_accent_insensitive(memory):
    store, _ = memory
    hits = [unit for unit, _ in store.concordance("eleve", limit=50)]
    assert any("élevé" in u.source for u in hits)
    assert all("eleve" in fold(u.source).split() or "eleve" in fold(u.target).split() for u in hits)


def test_cli_search_and_concordance(memory):
    store, units = memory
    runner = CliRunner()
    result = runner.invoke(main, ["--db", store.path, "tm", "search", units[3].source, "--limit", "2"])
    assert result.exit_code == 0
    assert result.output.startswith("100.0%  " + units[3].source) and units[3].target in result.output
    none = runner.invoke(main, ["--db", store.path, "tm", "search", "zzzz qqqq wwww", "--min", "90"])
    assert none.exit_code == 1 and none.output.strip() == "no match of 90% or more"
    concordance = runner.invoke(main, ["--db", store.path, "tm", "concordance", "Pangloss", "--limit", "3"])
    assert concordance.exit_code == 0 and concordance.output.count("Pangloss") >= 3


def test_rare_words_find_a_unit_when_no_trigram_is_selective(memory, monkeypatch):
    """A sentence repeated across a memory has only common trigrams while a word of it stays rare:
    with no trigram within the postings budget, the word stage alone must supply the candidates."""
    store, units = memory
    monkeypatch.setattr("tmtool.store.sqlite.db.COUNT_BUDGET", 0)  # every trigram counts as too common
    for unit in units[:15]:
        query = "Oui, " + unit.source.replace("e", "é", 1)  # a word added, one accent slip
        best = max(Levenshtein.normalized_similarity(normalize_for_match(query), normalize_for_match(u.source))
                   for u in units)
        hits = search_memory(store, query, min_score=70, limit=1)
        assert hits and hits[0].score == pytest.approx(best * 100, abs=0.05)
    monkeypatch.setattr("tmtool.store.sqlite.db.WORD_BUDGET", 0)  # and no word: only two grams together remain
    assert search_memory(store, "Oui, " + units[0].source, min_score=70)


def test_a_query_of_selective_words_counts_no_trigram(tmp_path):
    """Counting a query's trigrams was half a search at 1M units: a query holding enough of the
    memory's selective words takes its candidates from them alone; one whose rare words were
    all mistyped still finds its unit through its trigrams."""
    with open_store(tmp_path / "t.db", create=True) as store:
        store.add_units([Unit("Les représentants examineront attentivement chaque proposition budgétaire.", "x",
                              "fr-FR", "en-GB", tuid="1"),
                         Unit("Le sommet de l'OTAN se tiendra en juillet.", "x", "fr-FR", "en-GB", tuid="2")], "m.tmx")
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        query = "Les représentants examineront chaque proposition budgétaire lundi."
        assert [h.unit.tuid for h in search_memory(store, query, min_score=70)] == ["1"]
        assert statements and not any("units_grams" in sql for sql in statements)
        statements.clear()
        query = "Lex reprisentants examinerant attentivemant chaqe propasition budgetaira."  # no word of it stored
        assert [h.unit.tuid for h in search_memory(store, query, min_score=70)] == ["1"]
        assert any("units_grams" in sql for sql in statements)


def test_concordance_takes_lang_and_json_as_tm_search_does(tmp_path):
    # the HTTP API's /api/concordance took lang=, the command line neither --lang nor --json
    import json

    db = tmp_path / "c.db"
    with open_store(db, create=True) as store:
        store.add_units([Unit("La coopération pratique avec les partenaires.", "Practical cooperation with partners.",
                              "fr-FR", "en-GB", tuid="a"),
                         Unit("Partners value practical cooperation.", "Les partenaires apprécient la coopération.",
                              "en-GB", "fr-FR", tuid="b")], "hand")
    runner = CliRunner()
    english = runner.invoke(main, ["--db", str(db), "tm", "concordance", "practical cooperation", "--lang", "en",
                                   "--json"])
    assert english.exit_code == 0
    assert sorted(unit["tuid"] for unit in json.loads(english.output)) == ["a", "b"]
    french = runner.invoke(main, ["--db", str(db), "tm", "concordance", "partners", "--lang", "fr", "--json"])
    assert (french.exit_code, json.loads(french.stdout)) == (1, [])
    # and glossary list takes --status all, as export does
    listed = runner.invoke(main, ["--db", str(db), "glossary", "list", "--status", "all"])
    assert (listed.exit_code, listed.stdout, listed.stderr) == (0, "", "the glossary is empty\n")


def test_the_concordance_order_is_the_same_on_every_backend(store_url):
    # SQLite ranked by bm25 (a match in another language by another index's), PostgreSQL by length:
    # the same memory listed its units in two orders. Now on both: source or target before another
    # language, then the shortest, then by id (c and b are as long: c, stored first, first)
    from tmtool.model import Variant

    units = [Unit("Le comité se réunit demain à Bruxelles.", "The committee meets in Brussels tomorrow.",
                  "fr-FR", "en-GB", tuid="a"),
             Unit("Ce comité.", "The committee.", "fr-FR", "en-GB", tuid="c"),
             Unit("Oui.", "Yes.", "fr-FR", "en-GB", tuid="d", variants=[Variant("de", "Ja, comité.")]),
             Unit("Le comité.", "The committee.", "fr-FR", "en-GB", tuid="b"),
             Unit("The committee met.", "Le comité s'est réuni.", "en-GB", "fr-FR", tuid="e")]
    with open_store(store_url, create=True) as store:
        for unit in units:  # one at a time: ids in this order
            store.add_units([unit], "hand")
        assert [unit.tuid for unit, _ in store.concordance("comité", 10)] == ["c", "b", "e", "a", "d"]
        assert [unit.tuid for unit, _ in store.concordance("comité", 2)] == ["c", "b"]
        assert [unit.tuid for unit, _ in store.concordance("comité", 10, "fr")] == ["c", "b", "e", "a"]
        assert [unit.tuid for unit, _ in store.concordance("comité", 10, "de")] == ["d"]


def test_concordance_finds_oe_typed_for_the_ligature_and_back(store_url):
    """A translator without œ on the keyboard typed *mise en oeuvre*: SQLite's word index holds *œuvre*, a
    letter of its own, and found no unit (PostgreSQL's unaccent spells it out, so a team found them)."""
    units = [Unit("La mise en œuvre du plan de manœuvre commence en mars.",
                  "Implementation of the manoeuvre plan starts in March.", "fr-FR", "en-GB", tuid="1"),
             Unit("Le coeur de l'Alliance est la défense collective.",
                  "The heart of the Alliance is collective defence.", "fr-FR", "en-GB", tuid="2"),
             Unit("Ils ont mis en oeuvre un plan.", "They implemented a plan.", "fr-FR", "en-GB", tuid="3")]
    with open_store(store_url, create=True) as store:
        store.add_units(units, "ligatures")
        for query, tuid in (("mise en oeuvre", "1"), ("MANOEUVRE", "1"), ("mise en œuvre", "1"), ("cœur", "2"),
                            ("coeur", "2"), ("manoeuvre plan", "1")):
            assert [unit.tuid for unit, _ in store.concordance(query)] == [tuid], query
        assert sorted(unit.tuid for unit, _ in store.concordance("en œuvre")) == ["1", "3"]  # and a unit typed without œ


def test_a_match_scoring_the_minimum_exactly_is_found(store_url):
    """`tm search --min 60` said "no match of 60% or more" where the same search at --min 30 listed a
    60.0% match: rapidfuzz's cut-off drops a score equal to it at 60 % and 80 % (not at 70 % or 90 %), so
    a unit a threshold names was found on one side of it only. A sentence of 100 letters with its last
    letters typed over scores the share left as it was: at the threshold to the letter it is found, one
    letter under it not."""
    sentence = "Plus de dix mille militaires de seize pays membres participent cette semaine au grand exercice naval"
    assert len(normalize_for_match(sentence)) == 100 and "z" not in sentence[50:]

    def kept(share):  # the sentence with all but its first ``share`` letters typed over: it scores share %
        return sentence[:share] + "z" * (100 - share)

    with open_store(store_url, create=True) as store:
        store.add_units([Unit(sentence, "More than ten thousand troops from sixteen member countries are taking "
                                        "part in the large naval exercise this week.", "fr-FR", "en-GB", tuid="1")],
                        "hand")
        for minimum in (50, 60, 70, 75, 80, 90):
            assert [(h.unit.tuid, h.score) for h in search_memory(store, kept(minimum), min_score=minimum)] == [
                ("1", minimum)], minimum
            assert search_memory(store, kept(minimum - 1), min_score=minimum) == [], minimum
    result = CliRunner().invoke(main, ["--db", store_url, "tm", "search", kept(60), "--min", "60"])
    assert (result.exit_code, result.stdout.split("%")[0].strip()) == (0, "60.0")


def test_concordance_finds_a_phrase_whose_sign_has_a_word_only_in_its_compatible_form(store_url):
    """*№* is no word to a word index, its compatible form *No* is one: a phrase holding it is asked as typed
    (*Résolution 1325* in a word index) and as *Résolution No 1325*. PostgreSQL asked each word's spellings
    one after the other, *№* as *No* alone, and found no unit writing *№* or *½* (SQLite found them)."""
    units = [Unit("La résolution № 1325 du Conseil de sécurité.", "Security Council resolution 1325.",
                  "fr-FR", "en-GB", tuid="sign"),
             Unit("Резолюция No 1325 Совета Безопасности.", "UNSCR 1325.",
                  "ru-RU", "en-GB", tuid="letters"),
             Unit("Il faut ½ litre d'eau.", "Half a litre of water is needed.", "fr-FR", "en-GB", tuid="half")]
    with open_store(store_url, create=True) as store:
        store.add_units(units, "signs")
        assert [unit.tuid for unit, _ in store.concordance("résolution № 1325", lang="fr")] == ["sign"]
        assert store.concordance_count("résolution № 1325", 10, "fr") == 1
        assert [unit.tuid for unit, _ in store.concordance("Резолюция № 1325")] == ["letters"]
        assert [unit.tuid for unit, _ in store.concordance("faut ½ litre")] == ["half"]
