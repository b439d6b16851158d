"""The memory searched in either language: a query matches each unit's side in its language, the
source of a unit translated from that language and the target of one translated into it, on both
backends, through the library, the CLI and the HTTP API; stores made before are brought forward."""

import json

import pytest
from click.testing import CliRunner
from workbench import client

from tmtool import api
from tmtool.cli import main
from tmtool.errors import Invalid
from tmtool.model import Unit
from tmtool.search import search_memory
from tmtool.store import DocumentRecord, open_store

FR_EN = Unit("Le Comité militaire se réunit à Bruxelles.", "The Military Committee meets in Brussels.",
             "fr-FR", "en-GB", tuid="fr-en")
EN_FR = Unit("The Council adopted the new strategy today.", "Le Conseil a adopté la nouvelle stratégie aujourd’hui.",
             "en-GB", "fr-FR", tuid="en-fr")
DE_FR = Unit("Der Rat hat die neue Strategie heute angenommen.", "Le Conseil a adopté la nouvelle stratégie.",
             "de-DE", "fr-FR", tuid="de-fr")
# a name written alike in both languages: the side in the query's language decides
NAMES = Unit("Opération Sea Guardian en Méditerranée.", "Operation Sea Guardian in the Mediterranean.",
             "fr-FR", "en-GB", tuid="names")


# the schemas before the targets' match text
PREVIOUS_PG, PREVIOUS_SQLITE = 7, 16


@pytest.fixture
def store(store_url):
    with open_store(store_url, create=True) as opened:
        opened.add_units([FR_EN, EN_FR, DE_FR, NAMES], "memory.tmx")
        yield opened


def found(store, text, **options):
    return [(m.unit.tuid, m.side, m.lang) for m in search_memory(store, text, **options)]


def test_a_french_query_finds_the_french_target_of_an_english_original(store):
    assert found(store, "Le Conseil a adopté sa nouvelle stratégie aujourd’hui.", lang="fr")[0] == ("en-fr", "target", "fr-FR")


def test_an_english_query_finds_the_english_target_of_a_french_original(store):
    assert found(store, "The Military Committee meets in Brussels today.") == [("fr-en", "target", "en-GB")]


def test_without_a_language_both_sides_match_and_a_unit_counts_once_by_its_better_side(store):
    (match,) = search_memory(store, "Operation Sea Guardian in the Mediterranean.")
    assert (match.unit.tuid, match.side, match.score) == ("names", "target", 100.0)
    # its French source matches too, less well: the unit is not given twice
    assert [m.side for m in search_memory(store, "Operation Sea Guardian in the Mediterranean.", min_score=50)] \
        == ["target"]


def test_the_language_says_which_side_may_match(store):
    query = "Operation Sea Guardian in the Mediterranean."
    assert found(store, query, lang="en") == [("names", "target", "en-GB")]
    (match,) = search_memory(store, query, lang="fr", min_score=60)  # its French source, the only French side
    assert (match.unit.tuid, match.side) == ("names", "source") and match.score < 100
    # a French query against English texts only, and a language the memory holds on neither side
    assert found(store, "Le Conseil a adopté la nouvelle stratégie aujourd’hui.", lang="en") == []
    assert found(store, "Le Conseil a adopté la nouvelle stratégie aujourd’hui.", lang="it") == []


def test_the_language_is_matched_by_its_base_language_as_tags_are_elsewhere(store):
    hits = found(store, "Le Conseil a adopté la nouvelle stratégie.", lang="fre-CA")
    assert hits[0] == ("de-fr", "target", "fr-FR") and ("en-fr", "target", "fr-FR") in hits
    assert found(store, "Der Rat hat die neue Strategie angenommen.", lang="DE") == [("de-fr", "source", "de-DE")]
    with pytest.raises(Invalid, match="unknown language 'français'"):
        search_memory(store, "Le Conseil a adopté la stratégie.", lang="français")


def test_ingested_units_are_searched_on_their_target_and_leave_with_their_document(store):
    record = DocumentRecord("doc", "report.en.txt", "rapport.fr.txt", "a", "b", "en-GB", "fr-FR")
    store.replace_document(record, [Unit("The summit ends tomorrow in Vilnius.", "Le sommet s’achève demain à Vilnius.",
                                         "en-GB", "fr-FR", tuid="1")])
    assert found(store, "Le sommet s’achève demain à Vilnius.", lang="fr") == [("1", "target", "fr-FR")]
    store.replace_document(record, [Unit("The summit ended in Vilnius.", "Le sommet s’est achevé à Vilnius.",
                                         "en-GB", "fr-FR", tuid="1")])  # a revised version replaces the units
    assert found(store, "Le sommet s’achève demain à Vilnius.", lang="fr", min_score=90) == []
    assert found(store, "Le sommet s’est achevé à Vilnius.", lang="fr") == [("1", "target", "fr-FR")]
    store.delete_documents(["doc"])
    assert found(store, "Le sommet s’est achevé à Vilnius.", lang="fr") == []


def test_units_of_a_removed_import_leave_the_target_index(store):
    unit = Unit("The summit ends tomorrow in Vilnius.", "Le sommet s’achève demain à Vilnius.", "en-GB", "fr-FR")
    with store.transaction():
        import_id = store.new_import("more.tmx", "tmx", "units")
        store.add_units([unit], "more.tmx", import_id)
        store.finish_import(import_id, 1)
    assert found(store, "Le sommet s’achève demain à Vilnius.") == [(None, "target", "fr-FR")]
    store.delete_import(import_id)
    assert found(store, "Le sommet s’achève demain à Vilnius.") == []


# an exercise's name, written alike in every language: the best matches of an English query are in others
EXERCISE = [Unit("Sea Guardian 2024", "Sea Guardian 2024", "fr-FR", "de-DE", tuid="fr-de"),
            Unit("Sea Guardian 2024", "Sea Guardian 2024", "it-IT", "fr-FR", tuid="it-fr"),
            Unit("Sea-Gardian 2023", "Sea-Gardian 2023", "en-GB", "fr-FR", tuid="en-fr")]


def test_matches_in_other_languages_hide_none_in_the_language_asked(store):
    store.add_units(EXERCISE, "exercise.tmx")
    assert found(store, "Sea Guardian 2024", limit=2) == [("fr-de", "source", "fr-FR"), ("it-fr", "source", "it-IT")]
    # the English unit shares one word of the query: PostgreSQL read no such unit when its units sharing
    # two (all in French, German, Italian) held a match
    assert found(store, "Sea Guardian 2024", lang="en", limit=2) == [("en-fr", "source", "en-GB")]
    assert found(store, "Sea Guardian 2024", lang="en", limit=1) == [("en-fr", "source", "en-GB")]


def test_the_store_gives_fuzzy_candidates_on_the_side_in_the_language_only(store):
    store.add_units(EXERCISE, "exercise.tmx")
    ids = {unit.tuid: unit_id for unit_id, unit in store.units_by_id(range(1, 100)).items()}
    assert set(store.fuzzy_candidates("sea guardian 2024", 70, "source")) >= {ids["fr-de"], ids["it-fr"]}
    assert set(store.fuzzy_candidates("sea guardian 2024", 70, "source", "en")) == {ids["en-fr"]}
    assert ids["it-fr"] in set(store.fuzzy_candidates("sea guardian 2024", 70, "target", "fr")) <= {ids["it-fr"], ids["en-fr"]}
    assert store.fuzzy_candidates("sea guardian 2024", 70, "target", "en") == {}


def test_a_postgresql_store_of_the_previous_schema_finds_its_targets_once_upgraded(pg_url, caplog):
    import psycopg

    from tmtool.store.copy import check_store
    from tmtool.store.postgres.schema import MIGRATIONS
    from tmtool.text.normalize import normalize_for_match

    with psycopg.connect(pg_url, autocommit=True) as conn:  # as the previous version made it, with two units
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent")
        conn.execute(f"CREATE TABLE tmtool_schema (version integer NOT NULL);"
                     f" INSERT INTO tmtool_schema VALUES ({PREVIOUS_PG})")
        for script in MIGRATIONS[:PREVIOUS_PG]:
            conn.execute(script)
        for unit in (FR_EN, EN_FR):
            conn.execute("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key, tuid)"
                         " VALUES (%s, %s, %s, %s, %s, %s, %s)", (unit.source, unit.target, unit.srclang,
                                                                  unit.tgtlang, normalize_for_match(unit.source),
                                                                  unit.tuid, unit.tuid))
    with caplog.at_level("INFO", logger="tmtool"), open_store(pg_url) as store:
        assert [r.getMessage() for r in caplog.records] == [  # said before the upgrade runs
            f"upgrading the store from schema {PREVIOUS_PG} to {len(MIGRATIONS)}"
            " (once; on a large memory this takes a while)"]
        assert found(store, "Le Conseil a adopté sa nouvelle stratégie aujourd’hui.") == [("en-fr", "target", "fr-FR")]
        assert found(store, "Le Comité militaire se réunit à Bruxelles.") == [("fr-en", "source", "fr-FR")]
        assert check_store(store) == []


def test_a_sqlite_store_of_the_previous_schema_keeps_its_indexes_whole_once_upgraded(tmp_path, monkeypatch):
    import sqlite3

    from tmtool.store.copy import check_store
    from tmtool.store.sqlite.migrations import MIGRATIONS
    from tmtool.text.normalize import normalize_for_match

    path = tmp_path / "old.db"
    monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:PREVIOUS_SQLITE])
    with open_store(path, create=True) as old:
        old._conn.execute("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key, tuid)"
                          " VALUES (?, ?, 'en-GB', 'fr-FR', ?, 'k', 'en-fr')",
                          (EN_FR.source, EN_FR.target, normalize_for_match(EN_FR.source)))
        for index in ("units_fts", "units_grams"):  # its indexes, as it indexed its units
            old._conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    monkeypatch.undo()
    with open_store(path) as store:
        assert found(store, "Le Conseil a adopté sa nouvelle stratégie aujourd’hui.") == [("en-fr", "target", "fr-FR")]
        assert check_store(store) == []
        store.add_units([FR_EN], "more.tmx")
    with sqlite3.connect(path) as conn:  # the index follows the units through deletes too
        conn.execute("DELETE FROM units WHERE tuid = 'en-fr'")
        conn.execute("INSERT INTO units_target_grams(units_target_grams) VALUES ('integrity-check')")


# ---- the command line, the HTTP API, the Python API ---------------------------------------------------


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "t.db")
    with open_store(path, create=True) as opened:
        opened.add_units([FR_EN, EN_FR, DE_FR, NAMES], "memory.tmx")
    return path


def test_cli_shows_the_side_that_matched_first_then_its_translation(db):
    runner = CliRunner()
    result = runner.invoke(main, ["--db", db, "tm", "search", "Le Conseil a adopté sa nouvelle stratégie aujourd’hui.",
                                  "--lang", "fr", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert result.output == (" 98.1%  Le Conseil a adopté la nouvelle stratégie aujourd’hui.\n"
                             "        The Council adopted the new strategy today.  [target of en-GB→fr-FR]\n")
    english = runner.invoke(main, ["--db", db, "tm", "search", "The Military Committee meets in Brussels.",
                                   "--lang", "en", "--json"])
    (match,) = json.loads(english.output)
    assert {key: match[key] for key in ("score", "side", "lang", "matched", "translation", "translation_lang")} == {
        "score": 100.0, "side": "target", "lang": "en-GB", "matched": FR_EN.target, "translation": FR_EN.source,
        "translation_lang": "fr-FR"}
    # the unit as stored, under the keys callers already read
    assert (match["source"], match["target"], match["srclang"], match["tgtlang"], match["tuid"]) == (
        FR_EN.source, FR_EN.target, "fr-FR", "en-GB", "fr-en")
    none = runner.invoke(main, ["--db", db, "tm", "search", "The Military Committee meets in Brussels.", "--lang", "de"])
    assert none.exit_code == 1 and none.output.strip() == "no match of 70% or more"
    none = runner.invoke(main, ["--db", db, "tm", "search", "Nothing like it.", "--json"])
    assert none.exit_code == 1 and json.loads(none.stdout) == []  # still a JSON list for a script
    bad = runner.invoke(main, ["--db", db, "tm", "search", "The Military Committee meets.", "--lang", "english"])
    assert bad.exit_code != 0 and bad.output.strip() == (
        "tmtool: error: unknown language 'english' (expected a language such as fr, en, de, or auto)")


def test_cli_help_shows_the_language_option_with_an_example():
    result = CliRunner().invoke(main, ["tm", "search", "--help"])
    assert "--lang" in result.output and "tmtool tm search" in result.output and "--lang en" in result.output


def test_http_search_takes_the_language(db):
    http, _ = client(db)
    query = "Le Conseil a adopté sa nouvelle stratégie aujourd’hui."
    matches = http.get("/api/search", params={"q": query, "lang": "fr"}).json()["matches"]
    assert [(m["tuid"], m["side"], m["lang"], m["matched"]) for m in matches][0] == (
        "en-fr", "target", "fr-FR", EN_FR.target)
    assert http.get("/api/search", params={"q": query, "lang": "en"}).json() == {"matches": []}
    assert [m["tuid"] for m in http.get("/api/search", params={"q": query}).json()["matches"]][0] == "en-fr"
    refused = http.get("/api/search", params={"q": query, "lang": "klingon!"})
    assert refused.status_code == 400 and "unknown language" in refused.json()["message"]


def test_python_api_gives_the_matched_side_and_its_translation(db):
    with open_store(db) as store:
        (match,) = api.search(store, "Der Rat hat die neue Strategie heute angenommen.", lang="de")
        assert (match["side"], match["lang"], match["matched"], match["translation"], match["translation_lang"]) == (
            "source", "de-DE", DE_FR.source, DE_FR.target, "fr-FR")
        french = api.search(store, "Le Conseil a adopté la nouvelle stratégie.", lang="fr", limit=5)
        assert [m["tuid"] for m in french] == ["de-fr", "en-fr"]


def test_the_command_line_says_a_store_of_an_earlier_version_is_being_upgraded(tmp_path, monkeypatch, caplog):
    from tmtool.store.sqlite.migrations import MIGRATIONS

    def earlier_store(name):
        path = str(tmp_path / name)
        monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:-1])
        open_store(path, create=True).close()
        monkeypatch.undo()
        return path

    runner = CliRunner()
    quiet = runner.invoke(main, ["--db", earlier_store("quiet.db"), "-q", "db", "check"])
    assert quiet.exit_code == 0, quiet.output
    assert "upgrading" not in quiet.stderr  # -q: the summary line only
    path = earlier_store("old.db")
    first = runner.invoke(main, ["--db", path, "db", "check"])
    again = runner.invoke(main, ["--db", path, "db", "check"])
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines() == [
        f"tmtool: upgrading the store from schema {len(MIGRATIONS) - 1} to {len(MIGRATIONS)}"
        " (once; on a large memory this takes a while)"]
    assert "upgrading" not in again.stderr
    caplog.clear()
    with caplog.at_level("INFO", logger="tmtool"):
        open_store(tmp_path / "new.db", create=True).close()
    assert not caplog.records  # a store being made is not upgraded
