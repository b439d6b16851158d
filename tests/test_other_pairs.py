"""What a terminologist working in another pair than French–English does (German–Spanish,
Italian–English, English→French): tables whose headers name languages in words, terms added and
edited in any language, concordance in a unit's third language, terminology checks of any pair."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import run, written_today
from test_xlsx import sheet_file

from tmtool.cli import main
from tmtool.store import open_store


def terms_of(db) -> list[dict[str, list[str]]]:
    """Each entry of a store, in id order, as its terms' texts by language."""
    with open_store(db) as store:
        entries = sorted(store.list_entries(statuses=None), key=lambda e: int(e.id))
    found = []
    for entry in entries:
        by_language: dict[str, list[str]] = {}
        for term in entry.terms:
            by_language.setdefault(term.lang, []).append(term.text)
        found.append(by_language)
    return found


# ---- a table's header names its languages in words -------------------------------------------------

# memoQ's term base CSV of a German–Spanish term base: the language and its region in English words,
# the definition a language-level field (_Def) before its terms, term-level fields after them
MEMOQ_DE_ES = (
    "Entry_ID,Entry_Subject,Entry_Domain,Entry_Note,German_Def,German,Term_Info,Term_Example,"
    "Spanish_Spain_Def,Spanish_Spain,Term_Info,Term_Example\n"
    "0,Logistik,Verteidigung,prüfen,Route für Truppenbewegungen.,Mobilitätskorridor,CasePermissive;HalfPrefix,,"
    "Ruta reservada a los movimientos de tropas.,corredor de movilidad,CasePermissive;HalfPrefix,\n"
    "1,,,,,Konvoi,,,,convoy,,\n")


def test_a_memoq_term_base_of_german_and_spanish_is_read_in_german_and_spanish(tmp_path):
    path, db = tmp_path / "memoq-de-es.csv", tmp_path / "t.db"
    path.write_text(MEMOQ_DE_ES, encoding="utf-8")
    # memoQ's Entry_ID and Term_Info are read too: no column said not read
    assert run(db, "import", path).stdout == "2 entries added, 0 already stored (entries in de 2, es 2)\n"
    assert terms_of(db) == [{"de": ["Mobilitätskorridor"], "es": ["corredor de movilidad"]},
                            {"de": ["Konvoi"], "es": ["convoy"]}]
    with open_store(db) as store:
        first = min(store.list_entries(statuses=None), key=lambda e: int(e.id))
    assert first.definition == "Route für Truppenbewegungen.\nRuta reservada a los movimientos de tropas."
    assert first.note == "prüfen\nSubject: Logistik\nDomain: Verteidigung\nID: 0"  # memoQ's entry fields, lines of the note


DE, ES, IT, EN = "Militärausschuss", "Comité Militar", "Comitato militare", "Military Committee"
DEFINITION = "Das höchste militärische Gremium."


@pytest.mark.parametrize("header, cells, terms", [
    # as people write them, each language in its own words
    (["Deutsch", "Español", "Definition", "Domain"], [DE, ES, DEFINITION, "NATO"], {"de": [DE], "es": [ES]}),
    # MultiTerm's locale names
    (["German (Germany)", "Spanish (Spain)", "Definition", "Domain"], [DE, ES, DEFINITION, "NATO"],
     {"de": [DE], "es": [ES]}),
    # Glossary Converter's annotated headers (MultiTerm to Excel): entry, language and index levels
    ([">>E<<Domain", ">>L<<German", ">>I<<Definition", ">>L<<Spanish"], ["NATO", DE, DEFINITION, ES],
     {"de": [DE], "es": [ES]}),
    (["Italiano", "English (United Kingdom)", "Definition"], [IT, EN, DEFINITION], {"it": [IT], "en": [EN]}),
    # an English original's glossary, in a French office
    (["Anglais", "Allemand", "Définition"], [EN, DE, DEFINITION], {"en": [EN], "de": [DE]}),
    # English and French named in the other offices' languages, Chinese by its script
    (["英语", "简体中文", "Definition"], [EN, "军事委员会", DEFINITION], {"en": [EN], "zh": ["军事委员会"]}),
    (["Английский", "Русский", "Definition"], [EN, "Военный комитет", DEFINITION], {"en": [EN], "ru": ["Военный комитет"]}),
    (["الفرنسية", "English", "Definition"], ["Comité militaire", EN, DEFINITION], {"fr": ["Comité militaire"], "en": [EN]}),
    (["İngilizce", "Türkçe", "Definition"], [EN, "Askeri Komite", DEFINITION], {"en": [EN], "tr": ["Askeri Komite"]}),
])
def test_a_sheet_whose_header_names_languages_in_words_is_read_in_them(tmp_path, header, cells, terms):
    db = tmp_path / "t.db"
    run(db, "import", sheet_file(tmp_path / "client.xlsx", [header, cells]))
    assert terms_of(db) == [terms]
    with open_store(db) as store:
        assert store.list_entries(statuses=None)[0].definition == DEFINITION


# ---- terms added and edited in any language ---------------------------------------------------------


def test_glossary_add_and_edit_take_terms_in_any_language(tmp_path):
    db = tmp_path / "t.db"
    assert run(db, "glossary", "add", "--term", "de-DE=Militärausschuss", "--term", "de=MA",
               "--term", "es=Comité Militar", "--status", "candidate").stdout == "added entry 1\n"
    # English → French: the French given as a term, the English as the first
    run(db, "glossary", "add", "--term", "en=airspace", "--term", "fr=espace aérien")
    assert terms_of(db) == [{"de": ["Militärausschuss", "MA"], "es": ["Comité Militar"]},
                            {"en": ["airspace"], "fr": ["espace aérien"]}]
    assert run(db, "glossary", "list", "--status", "candidate").stdout.splitlines()[0].endswith(
        "de: Militärausschuss · MA  =  es: Comité Militar")
    run(db, "glossary", "edit", "1", "--term", "es=Comité Militar de la OTAN", "--add-term", "it=Comitato militare",
        "--add-term", "es-ES=CM")
    run(db, "glossary", "edit", "2", "--fr", "espace aérien national", "--add-en", "national airspace")
    assert terms_of(db) == [
        {"de": ["Militärausschuss", "MA"], "es": ["Comité Militar de la OTAN", "CM"], "it": ["Comitato militare"]},
        {"en": ["airspace", "national airspace"], "fr": ["espace aérien national"]}]
    with open_store(db) as store:
        assert store.entries([1])[1].status.value == "approved"  # edited: reviewed
    assert run(db, "glossary", "edit", "1", "--term", "it=Comitato militare").stdout == "entry 1: nothing changed\n"


@pytest.mark.parametrize("args, message", [
    (["glossary", "add"], "give the French term (FR), or terms in other languages (--term LANG=TEXT)"),
    (["glossary", "add", "--term", "Militärausschuss"], "'Militärausschuss' is not LANG=TEXT"),
    (["glossary", "add", "--term", "deutsch!=Militärausschuss"], "invalid language tag 'deutsch!'"),
    (["glossary", "add", "--term", "de= "], "an empty de term"),
    (["glossary", "edit", "1", "--term", "de=a", "--term", "de=b"], "--term de= given twice"),
    (["glossary", "edit", "1", "--term", "de=a", "--term", "de-AT=b"], "two de terms to replace its first term"),
    (["glossary", "edit", "1", "--fr", "a", "--term", "fr-CA=b"], "two fr terms to replace its first term"),
])
def test_terms_in_other_languages_given_wrong_are_one_line(tmp_path, args, message):
    db = tmp_path / "t.db"
    run(db, "glossary", "add", "Comité militaire", "Military Committee")
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code != 0 and result.stdout == ""
    assert result.stderr.startswith("tmtool: error: ") and message in result.stderr and result.stderr.count("\n") == 1
    assert terms_of(db) == [{"fr": ["Comité militaire"], "en": ["Military Committee"]}]


def test_the_http_edit_takes_terms_in_any_language(tmp_path):
    from workbench import client

    db = tmp_path / "t.db"
    run(db, "glossary", "add", "--term", "de=Militärausschuss", "--term", "es=Comité Militar", "--status", "candidate")
    http, csrf = client(str(db))
    edited = http.patch("/api/entries/1", headers=csrf, json={
        "version": 1, "terms": {"de-DE": "Militärischer Ausschuss"}, "add_terms": {"es": ["CM"], "it": ["CM"]}})
    assert edited.status_code == 200, edited.text
    assert [(t["lang"], t["text"]) for t in edited.json()["entry"]["terms"]] == [
        ("de", "Militärischer Ausschuss"), ("es", "Comité Militar"), ("es", "CM"), ("it", "CM")]
    refused = http.patch("/api/entries/1", headers=csrf, json={"version": 2, "terms": {"de!": "x"}})
    assert refused.status_code == 400 and "invalid language tag" in refused.json()["message"]
    # the review card shows the entry in its languages, and its form edits them
    card = http.get("/review", params={"status": "approved"}).text
    assert '<ul class="terms" lang="de" dir="ltr">' in card and '<ul class="terms" lang="it" dir="ltr">' in card
    assert '<ul class="terms" lang="fr"' not in card
    assert 'name="terms.de" lang="de" dir="ltr" value="Militärischer Ausschuss"' in card


# ---- concordance in a unit's third language --------------------------------------------------------

THREE_LANGUAGES_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr-FR" adminlang="en" segtype="sentence" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="1"><tuv xml:lang="fr-FR"><seg>Le Comité militaire se réunit à Bruxelles.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>The Military Committee meets in Brussels.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Der Militärausschuss tagt in Brüssel.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="fr-FR"><seg>Les chefs d'état-major de la Défense se sont réunis.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>The Chiefs of Defence met.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Die Generalstabschefs kamen zusammen.</seg></tuv>
 <tuv xml:lang="de-AT"><seg>Die Generalstabschefs sind zusammengekommen.</seg></tuv></tu>
<tu tuid="3"><tuv xml:lang="fr-FR"><seg>Le mot Generalstabschefs est allemand.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>The word Generalstabschefs is German.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Das Wort Generalstabschefs ist deutsch.</seg></tuv></tu>
</body></tmx>
"""


def test_concordance_finds_a_units_third_language(store_url, tmp_path):
    tmx = tmp_path / "three.tmx"
    tmx.write_text(THREE_LANGUAGES_TMX, encoding="utf-8")
    run(store_url, "import", tmx)
    found = run(store_url, "tm", "concordance", "militarausschuss")
    assert found.stdout == ("Le Comité militaire se réunit à Bruxelles.\n    The Military Committee meets in Brussels.\n"
                            "    [de-DE] Der Militärausschuss tagt in Brüssel.\n")
    assert run(store_url, "tm", "concordance", "Militärausschuss", "--lang", "de-CH").stdout == found.stdout
    assert run(store_url, "tm", "concordance", "Militärausschuss", "--lang", "fr", code=1).stderr == (
        "no unit contains 'Militärausschuss'\n")
    with open_store(store_url) as store:
        from tmtool import api

        # each unit once: in two regions of German (de-DE, de-AT), or in its source and its German
        assert sorted(u["tuid"] for u in api.concordance(store, "Generalstabschefs")) == ["2", "3"]
        assert sorted(u["tuid"] for u in api.concordance(store, "Generalstabschefs", lang="de")) == ["2", "3"]
        assert [u["tuid"] for u in api.concordance(store, "Generalstabschefs", lang="en")] == ["3"]
        assert store.concordance_count("Generalstabschefs", 10) == store.concordance_count(
            "Generalstabschefs", 10, "de") == 2
        assert store.concordance_count("Generalstabschefs", 1) == 1
        # the look-up shows the memory's units when no entry holds the word, in German too
        answer = api.lookup(store, "Militärausschuss", lang="de")
        assert [u["tuid"] for u in answer["memory"]] == ["1"] and answer["memory_count"] == 1
    run(store_url, "remove", "--import", "1")
    assert run(store_url, "tm", "concordance", "Militärausschuss", code=1).stdout == ""


def test_a_store_of_the_previous_schema_finds_its_units_third_language_once_upgraded(tmp_path, monkeypatch, pg_url):
    from tmtool.store.copy import check_store
    from tmtool.store.sqlite.migrations import _V19, MIGRATIONS

    tmx, old, team, back = tmp_path / "three.tmx", tmp_path / "old.db", pg_url, tmp_path / "back.db"
    tmx.write_text(THREE_LANGUAGES_TMX, encoding="utf-8")
    monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:MIGRATIONS.index(_V19)])
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)  # nor did it queue counts
    with open_store(old, create=True) as store:
        written_today(store)
    run(old, "import", tmx)  # as the release before stored it: no index of the variants' words
    monkeypatch.undo()
    assert run(old, "tm", "concordance", "Militärausschuss").stdout.endswith("[de-DE] Der Militärausschuss tagt in Brüssel.\n")
    with open_store(old) as store:
        assert check_store(store) == []
    # and copied to a team's store and back, the index of each follows
    run(old, "db", "copy", old, team)
    run(old, "db", "copy", team, back)
    for copied in (team, back):
        assert run(copied, "tm", "concordance", "Generalstabschefs", "--lang", "de").stdout.count("[de-AT]") == 1
        assert run(copied, "db", "check").stdout.endswith("no problem found\n")


# ---- terminology checks of any pair the glossary holds ----------------------------------------------

NATO_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>NATO terms, four languages</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="mc">
  <langSec xml:lang="de-DE"><termSec><term>Militärausschuss</term></termSec></langSec>
  <langSec xml:lang="es-ES"><termSec><term>Comité Militar</term></termSec></langSec>
  <langSec xml:lang="it-IT"><termSec><term>Comitato militare</term></termSec></langSec>
  <langSec xml:lang="en-GB"><termSec><term>Military Committee</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="sg">
  <langSec xml:lang="de-DE"><termSec><term>Generalsekretär</term></termSec></langSec>
  <langSec xml:lang="es-ES"><termSec><term>Secretario General</term></termSec>
    <termSec><term>Secretario Jefe</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""
GERMAN_SPANISH_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="bericht.txt" source-language="de-DE" target-language="es-ES" datatype="plaintext"><body>
  <trans-unit id="u1"><source>Der Militärausschuss tagte in Brüssel.</source>
   <target>El Comité Militar se reunió en Bruselas.</target></trans-unit>
  <trans-unit id="u2"><source>Die Militärausschüsse der Partner sind eingeladen.</source>
   <target>Los comités militares de los socios están invitados.</target></trans-unit>
  <trans-unit id="u3"><source>Danach sprach der Militärausschuss über die Lage.</source>
   <target>Después la Junta Militar habló de la situación.</target></trans-unit>
  <trans-unit id="u4"><source>Der Generalsekretär eröffnete die Sitzung.</source>
   <target>El Secretario Jefe abrió la sesión.</target></trans-unit>
 </body></file>
</xliff>
"""
ITALIAN_ENGLISH_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="it-IT" adminlang="en" segtype="sentence" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="a"><tuv xml:lang="it-IT"><seg>Il Comitato militare si è riunito a Bruxelles.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>The Military Committee met in Brussels.</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="it-IT"><seg>Il Comitato militare ha approvato il piano.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>The Committee approved the plan.</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def four_languages(store_url, tmp_path):
    tbx = tmp_path / "nato.tbx"
    tbx.write_text(NATO_TBX, encoding="utf-8")
    run(store_url, "import", tbx, "--status", "approved")
    return store_url


def findings(result) -> list[tuple]:
    import json

    return [(f["unit_id"], f["kind"], f["lang"], f["term"], f["expected"]) for f in json.loads(result.stdout)]


def test_check_a_german_spanish_translation_against_the_german_and_spanish_terms(four_languages, tmp_path):
    xliff = tmp_path / "bericht.de-es.xlf"
    xliff.write_text(GERMAN_SPANISH_XLIFF, encoding="utf-8")
    result = run(four_languages, "check", xliff, "--format", "json", code=1)
    assert findings(result) == [
        ("u3", "missing", "de", "Militärausschuss", ["Comité Militar"]),
        ("u3", "inconsistent", "de", "Militärausschuss", ["Comité Militar"]),
        ("u4", "deprecated", "es", "Secretario Jefe", ["Secretario General"]),
    ]
    assert result.stderr == "3 findings in 2 of 4 units checked (de-DE→es-ES 4) against 2 approved entries\n"


def test_check_an_italian_english_memory_and_its_reverse(four_languages, tmp_path):
    tmx = tmp_path / "verbale.tmx"
    tmx.write_text(ITALIAN_ENGLISH_TMX, encoding="utf-8")
    assert findings(run(four_languages, "check", tmx, "--format", "json", code=1)) == [
        ("b", "missing", "it", "Comitato militare", ["Military Committee"]),
        ("b", "inconsistent", "it", "Comitato militare", ["Military Committee"])]
    # the English original with its Italian translation: the Italian terms are expected in the target
    reverse = tmp_path / "minutes.tmx"
    reverse.write_text(ITALIAN_ENGLISH_TMX.replace('srclang="it-IT"', 'srclang="en-GB"').replace(
        "Il Comitato militare ha approvato", "Il Comitato ha approvato").replace(
        "The Committee approved", "The Military Committee approved"), encoding="utf-8")
    assert findings(run(four_languages, "check", reverse, "--format", "json", code=1)) == [
        ("b", "missing", "en", "Military Committee", ["Comitato militare"]),
        ("b", "inconsistent", "en", "Military Committee", ["Comitato militare"])]


def test_check_a_german_document_and_its_spanish_translation(four_languages, tmp_path):
    de, es = tmp_path / "bericht.de.txt", tmp_path / "informe.es.txt"
    de.write_text("Der Militärausschuss tagte in Brüssel.\n\nDer Generalsekretär eröffnete die Sitzung.\n",
                  encoding="utf-8")
    es.write_text("El Comité Militar se reunió en Bruselas.\n\nEl Secretario Jefe abrió la sesión.\n",
                  encoding="utf-8")
    result = run(four_languages, "check", de, es, "--srclang", "de", "--tgtlang", "es-ES", "--format", "json", code=1)
    assert findings(result) == [(None, "deprecated", "es", "Secretario Jefe", ["Secretario General"])]
    assert result.stderr == "1 finding in 1 of 2 units checked (de→es-ES 2) against 2 approved entries\n"
    named = run(four_languages, "check", de, es, "--format", "json", code=1)  # the names say the languages
    assert findings(named) == findings(result)
    assert named.stderr.splitlines()[-1] == "1 finding in 1 of 2 units checked (de→es 2) against 2 approved entries"
    refused = run(four_languages, "check", de, "--srclang", "de", code=2)
    assert refused.stderr == ("tmtool: error: a file's languages are read from it: give the languages for a "
                              "document and its translation only\n")
    # an ingested German–Spanish document, as the workbench checks it
    run(four_languages, "ingest", de, es, "--srclang", "de-DE", "--tgtlang", "es-ES", "--doc-id", "bericht")
    with open_store(four_languages) as store:
        from tmtool import api

        report = api.check_document(store, "bericht")
    assert [(f["unit"], f["kind"], f["term"]) for f in report["findings"]] == [(2, "deprecated", "Secretario Jefe")]


def test_a_term_in_a_script_without_capitals_is_no_acronym(tmp_path):
    # 军事委员会 or الجاهزية has no lower-case letter, as NATO has none, but no capital either
    db = tmp_path / "t.db"
    run(db, "glossary", "add", "--term", "en=readiness", "--term", "zh=战备", "--term", "ar=الجاهزية",
        "--term", "ja=即応性", "--term", "ru=НАТО", "--term", "de=NATO")
    with open_store(db) as store:
        terms = {term.lang: term.term_type.value for term in store.entries([1])[1].terms}
    assert terms == {"en": "fullForm", "zh": "fullForm", "ar": "fullForm", "ja": "fullForm",
                     "ru": "acronym", "de": "acronym"}


def test_extract_refuses_a_document_its_name_says_is_in_another_language_in_one_line(tmp_path):
    german = tmp_path / "bericht.de.txt"
    german.write_text("Der Militärausschuss der NATO ist am Dienstag im Hauptquartier zusammengetreten. "
                      "Die Stabschefs erörterten die Lage an der Ostflanke.\n", encoding="utf-8")
    chinese = tmp_path / "huiyi.zh-Hans.txt"
    chinese.write_text("北约军事委员会在布鲁塞尔举行会议。各国国防参谋长讨论了东翼局势。\n", encoding="utf-8")
    for path, lang in ((german, "de"), (chinese, "zh-Hans")):
        result = run(tmp_path / "t.db", "extract", path, code=1)
        assert result.stderr == (f"tmtool: error: {path}: its name says {lang}, not fr; "
                                 "term extraction supports French and English (fr, en)\n")
    french = tmp_path / "rapport.fr-CA.txt"
    french.write_text("Le Comité militaire de l'OTAN s'est réuni mardi au siège de l'OTAN. "
                      "Le Comité militaire a examiné la situation.\n", encoding="utf-8")
    assert "Comité militaire" in run(tmp_path / "t.db", "extract", french).stdout


def test_a_look_up_pasted_with_a_soft_hyphen_or_of_two_chinese_characters_finds_its_entry(tmp_path):
    db = tmp_path / "t.db"
    run(db, "glossary", "add", "--term", "de=Einsatzbereitschaft", "--term", "en=readiness", "--term", "zh=战备")
    run(db, "glossary", "add", "--term", "zh=军事委员会", "--term", "en=Military Committee")
    tmx = tmp_path / "de.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="de" adminlang="en" '
                   'segtype="sentence" datatype="plaintext" creationtool="x" creationtoolversion="1" o-tmf="x"/><body>'
                   '<tu><tuv xml:lang="de"><seg>Die Einsatzbereitschaft der Truppe ist hoch.</seg></tuv>'
                   '<tuv xml:lang="en"><seg>The readiness of the force is high.</seg></tuv></tu></body></tmx>',
                   encoding="utf-8")
    run(db, "import", tmx)
    # a soft hyphen (&shy;) copied from a web page shows nothing, and is nothing to the look-up
    pasted = "Einsatz\u00adbereitschaft"
    assert run(db, "lookup", pasted).stdout.startswith("en: readiness  =  de: Einsatzbereitschaft   [approved; exact;")
    assert "Die Einsatzbereitschaft der Truppe ist hoch." in run(db, "tm", "concordance", pasted).stdout
    assert run(db, "tm", "search", f"Die {pasted} der Truppe ist hoch.", "--min", "100").stdout.startswith("100.0%")
    # two Chinese characters are a word, and the start of a term
    found = run(db, "lookup", "军事", "--json").stdout
    assert '"军事委员会"' in found and '"match": "prefix"' in found


# ---- look-up of inflected forms in languages with a Snowball stemmer ---------------------------------

def looked_up(db, query: str, *options: str, code: int = 0) -> list[tuple[str, str]]:
    """(how, the term matched) of each entry ``tmtool lookup`` finds."""
    import json

    hits = json.loads(run(db, "lookup", query, "--json", *options, code=code).stdout or "[]")
    return [(hit["match"], hit["matched"]) for hit in hits]


@pytest.mark.parametrize("query, options, term", [
    ("Militärausschusses", (), "Militärausschuss"),  # German genitive
    ("Comités Militares", (), "Comité Militar"),  # Spanish plural: Snowball stems both words apart (PLURALS)
    ("comitati militari", ("--lang", "it"), "Comitato militare"),
])
def test_a_term_is_found_by_its_inflected_forms_in_its_own_language(four_languages, query, options, term):
    # the forms a sentence uses are what a translator copies into the look-up: they were fuzzy
    # neighbours of the term at best
    assert looked_up(four_languages, query, *options) == [("lemma", term)]


@pytest.mark.parametrize("query, match, term", [
    # four Italian plurals: each word's readings as a singular (-o, -e, -a) are two stems, not four
    ("Comitati militari permanenti nazionali", "lemma", "Comitato militare permanente nazionale"),
    ("Comitês Militares Nacionais Permanentes", "lemma", "Comitê Militar Nacional Permanente"),
    # a compound's hyphen typed as a space, as it is for the terms' folded forms
    ("comités político militares", "lemma", "Comité Político-Militar"),
    # copied from a sentence with its elided Italian preposition
    ("dell’Alleanza atlantica", "folded", "Alleanza atlantica"),
    ("nell'Alleanze atlantiche", "lemma", "Alleanza atlantica"),
])
def test_a_longer_inflected_term_or_one_with_an_elided_preposition_is_found(tmp_path, query, match, term):
    db = tmp_path / "t.db"
    run(db, "glossary", "add", "--term", "it=Comitato militare permanente nazionale", "--term", "en=standing committee")
    run(db, "glossary", "add", "--term", "pt=Comitê Militar Nacional Permanente", "--term", "en=standing board")
    run(db, "glossary", "add", "--term", "es=Comité Político-Militar", "--term", "en=Political-Military Committee")
    run(db, "glossary", "add", "--term", "it=Alleanza atlantica", "--term", "en=Atlantic Alliance")
    assert looked_up(db, query) == [(match, term)]  # they were fuzzy neighbours at best


def test_a_one_word_term_with_a_short_stem_is_found_as_written_or_as_its_singular_as_check_finds_it(tmp_path):
    db = tmp_path / "t.db"
    run(db, "glossary", "add", "--term", "de=Rat", "--term", "en=council")
    run(db, "glossary", "add", "--term", "it=porta", "--term", "en=door")
    assert looked_up(db, "Rates") == [("lemma", "Rat")]  # the genitive
    assert looked_up(db, "porte") == [("lemma", "porta")]  # the plural
    # Raten (instalments) is no form of Rat, nor the English port a form of the Italian porta: Snowball stems
    # them alike (rat, port), too short to tell words apart; port is porta's start only
    assert looked_up(db, "Raten", code=1) == []
    assert looked_up(db, "port") == [("prefix", "porta")]


def test_a_german_loanword_term_is_found_by_its_plural(tmp_path):
    # Risiken, Zentren: the plural of a loanword's -o, -um, which Snowball stems apart from its singular
    db = tmp_path / "t.db"
    run(db, "glossary", "add", "--term", "de=Risiko", "--term", "en=risk")
    run(db, "glossary", "add", "--term", "de=Ausbildungszentrum", "--term", "en=training centre")
    assert looked_up(db, "Risiken") == [("lemma", "Risiko")]
    assert looked_up(db, "Ausbildungszentren") == [("lemma", "Ausbildungszentrum")]


@pytest.mark.parametrize("query, term", [
    ("państw członkowskich", "państwo członkowskie"),  # genitive plural
    ("Komitetu Wojskowego", "Komitet Wojskowy"),  # genitive
    ("organów krajowych", "organ krajowy"),
    ("Plany", "plan"),  # a short stem, found as the singular the plural ending stands for
    # the dative and locative singular, whose -e softens the consonant before it, which Snowball's stemmer keeps
    ("infrastrukturze krytycznej", "infrastruktura krytyczna"),  # r: rz
    ("marynarce wojennej", "marynarka wojenna"),  # k: c
    ("brygadzie pancernej", "brygada pancerna"),  # d: dz
    ("sztabie generalnym", "sztab generalny"),  # no consonant softened: the stemmer's own
    ("hybridních hrozbách", "hybridní hrozba"),  # Czech: locative plural
    ("lodě", "loď"),
])
def test_a_polish_or_czech_term_is_found_by_its_inflected_forms(tmp_path, query, term):
    db = tmp_path / "t.db"
    for term_of, english in (("pl=państwo członkowskie", "member state"), ("pl=Komitet Wojskowy", "Military Committee"),
                             ("pl=organ krajowy", "national authority"), ("pl=plan", "plan"), ("pl=planeta", "planet"),
                             ("pl=infrastruktura krytyczna", "critical infrastructure"),
                             ("pl=marynarka wojenna", "navy"), ("pl=brygada pancerna", "armoured brigade"),
                             ("pl=sztab generalny", "general staff"),
                             ("cs=hybridní hrozba", "hybrid threat"), ("cs=loď", "ship")):
        run(db, "glossary", "add", "--term", term_of, "--term", f"en={english}")
    assert looked_up(db, query) == [("lemma", term)]


@pytest.mark.parametrize("query, term", [
    ("statele membre", "stat membru"),  # the definite article joined to the plural
    ("comitetului militar", "Comitet Militar"),  # genitive-dative
    ("amenințărilor", "amenințare"),
    ("ameninţărilor", "amenințare"),  # ţ with a cedilla, as older Romanian texts write ț
    ("acordurile", "acord"),
    ("Navele", "navă"),  # a short stem, found as the singular the plural ending stands for
])
def test_a_romanian_term_is_found_by_its_inflected_forms(tmp_path, query, term):
    db = tmp_path / "t.db"
    for romanian, english in (("stat membru", "member state"), ("Comitet Militar", "Military Committee"),
                              ("amenințare", "threat"), ("acord", "agreement"), ("navă", "ship"),
                              ("naval", "naval")):
        run(db, "glossary", "add", "--term", f"ro={romanian}", "--term", f"en={english}")
    assert looked_up(db, query) == [("lemma", term)]


def test_a_store_made_before_romanian_was_stemmed_finds_its_terms_inflected_once_upgraded(store_url, monkeypatch):
    from tmtool import api
    from tmtool.lookup import lookup
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations
    from tmtool.text import normalize

    def matches(store) -> list[tuple[str, str]]:
        return [(hit.match, hit.matched) for hit in lookup(store, "autorităților naționale")]

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._new_keys)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._new_keys)])
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)  # nor did it queue counts
    monkeypatch.delitem(normalize.SNOWBALL, "ro")  # as the release before keyed its terms: Romanian folded only
    try:
        with open_store(store_url, create=True) as old:
            written_today(old)
            api.add_entry(old, ["autorité nationale"], terms={"ro": ["autoritate națională"]})
            assert matches(old) != [("lemma", "autoritate națională")]
    finally:
        monkeypatch.undo()
    with open_store(store_url) as store:
        assert matches(store) == [("lemma", "autoritate națională")]
        assert api.check_store(store) == []  # the keys are those the terms are given today, no stale one left


def test_a_store_made_before_polish_and_czech_were_stemmed_finds_their_terms_inflected_once_upgraded(store_url,
                                                                                                        monkeypatch):
    from tmtool import api
    from tmtool.lookup import lookup
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations
    from tmtool.text import normalize

    def matches(store) -> list[list[tuple[str, str]]]:
        queries = ("państw członkowskich", "členských států")
        return [[(hit.match, hit.matched) for hit in lookup(store, query)] for query in queries]

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._new_keys)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._new_keys)])
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)  # nor did it queue counts
    for lang in ("pl", "cs"):  # as the release before keyed its terms: Polish and Czech folded only
        monkeypatch.delitem(normalize.SNOWBALL, lang)
    try:
        with open_store(store_url, create=True) as old:
            written_today(old)
            api.add_entry(old, ["État membre"], terms={"pl": ["państwo członkowskie"], "cs": ["členský stát"]})
            assert matches(old) == [[("fuzzy", "państwo członkowskie")], [("fuzzy", "členský stát")]]
    finally:
        monkeypatch.undo()
    with open_store(store_url) as store:
        assert matches(store) == [[("lemma", "państwo członkowskie")], [("lemma", "členský stát")]]
        assert api.check_store(store) == []  # the keys are those the terms are given today, no stale one left


def test_a_store_of_the_previous_schema_finds_its_terms_inflected_once_upgraded(tmp_path, pg_url):
    import sqlite3

    import psycopg

    from tmtool.store.postgres import schema
    from tmtool.store.sqlite.migrations import MIGRATIONS, _inflected_keys

    tbx, old = tmp_path / "nato.tbx", tmp_path / "old.db"
    tbx.write_text(NATO_TBX, encoding="utf-8")
    forget = "DELETE FROM lookup_keys WHERE key = 'comit milit'"  # Comitato militare's Snowball key
    run(old, "import", tbx)
    with sqlite3.connect(old) as conn:  # as the release before keyed its terms
        conn.execute(forget)
        conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_inflected_keys)}")
    conn.close()
    assert looked_up(old, "comitati militari") == [("lemma", "Comitato militare")]
    # a team's store: its terms' keys are made again when it is opened
    run(pg_url, "import", tbx)
    with psycopg.connect(pg_url) as conn:
        conn.execute(forget)
        conn.execute("UPDATE tmtool_schema SET version = %s", (schema.MIGRATIONS.index(schema._inflected_keys),))
    assert looked_up(pg_url, "comitati militari") == [("lemma", "Comitato militare")]


@pytest.mark.parametrize("query, term", [
    ("sjöminorna", "sjömina"),  # Swedish: the definite plural
    ("sjöminor", "sjömina"),
    ("advokaterna", "advokat"),  # Snowball stems advokat advok, advokater advokat: read as its singular
    ("bilarna", "bil"),  # a short stem, found as the singular the plural ending stands for
    ("fartygets", "fartyg"),  # the genitive
    ("styrkerne", "styrke"),  # Danish
    ("aktiviteterne", "aktivitet"),
    ("bilerne", "bil"),
])
def test_a_swedish_or_danish_term_is_found_by_its_inflected_forms(tmp_path, query, term):
    db = tmp_path / "t.db"
    for term_of, english in (("sv=sjömina", "sea mine"), ("sv=advokat", "lawyer"), ("sv=bil", "car"),
                             ("sv=fartyg", "ship"), ("da=styrke", "force"), ("da=aktivitet", "activity"),
                             ("da=bil", "automobile")):
        run(db, "glossary", "add", "--term", term_of, "--term", f"en={english}")
    assert looked_up(db, query) == [("lemma", term)]  # a fuzzy neighbour at best


def test_without_a_dictionary_a_swedish_singular_in_or_and_a_danish_plural_in_er_are_no_other_word(
        tmp_path, with_dictionary):
    # no hunspell-sv nor hunspell-da (CI has none): the -or plural ending (flickor: flicka) was read in Swedish
    # singulars, dator (a computer) found data, kontor (an office) konto (an account); Danish punkter (points) found
    # punktum (a full stop), planer (plans) Swedish planum
    with_dictionary({})
    db = tmp_path / "t.db"
    for term_of, english in (("sv=data", "data"), ("sv=konto", "account"), ("sv=fakta", "facts"),
                             ("sv=flicka", "girl"), ("sv=museum", "museum"), ("sv=planum", "plane surface"),
                             ("da=punktum", "full stop"), ("da=kriterium", "criterion")):
        run(db, "glossary", "add", "--term", term_of, "--term", f"en={english}", "--status", "approved")
    for query in ("dator", "kontor", "faktor", "planer", "punkter"):
        assert not [hit for hit in looked_up(db, query, code=None) if hit[0] != "fuzzy"], query
    # the plurals are found still
    assert looked_up(db, "flickor") == [("lemma", "flicka")]
    assert looked_up(db, "museer") == [("lemma", "museum")]
    assert looked_up(db, "kriterierne") == [("lemma", "kriterium")]
    tmx = tmp_path / "rapport.tmx"
    tmx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>The data were stored on one computer in the office.</seg></tuv>
 <tuv xml:lang="sv-SE"><seg>Uppgifterna lagrades på en dator på ett kontor.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="en-GB"><seg>The girls visited the museums.</seg></tuv>
 <tuv xml:lang="sv-SE"><seg>Flickorna besökte museer.</seg></tuv></tu>
</body></tmx>
""", encoding="utf-8")
    # dator renders no data: the term is missing there; flickorna and museer render girl and museum
    assert findings(run(db, "check", tmx, "--format", "json", code=1)) == [("1", "missing", "en", "data", ["data"])]


def test_check_reads_a_word_its_document_repeats_once(tmp_path, with_dictionary, monkeypatch):
    # each token's plural readings were read again (terms.nouns.readings, uncached since lang35): 100,000 German
    # tokens took 2.0 s of CPU, not 1.5 s; a word is read once, as its keys are, whatever the units it is in
    from tmtool import termindex
    from tmtool.terms import nouns

    with_dictionary({})
    read = []
    monkeypatch.setattr(termindex, "readings", lambda word, lang: read.append(word) or nouns.readings(word, lang))
    db, tmx = tmp_path / "t.db", tmp_path / "lager.tmx"
    run(db, "glossary", "add", "--term", "de=Stadion", "--term", "en=stadium", "--status", "approved")
    units = "".join(f"""<tu tuid="{n}"><tuv xml:lang="en-GB"><seg>The stadiums of Flensburg were open.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Die Stadien Flensburgs waren offen.</seg></tuv></tu>
""" for n in range(1, 4))
    tmx.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
{units}</body></tmx>
""", encoding="utf-8")
    assert findings(run(db, "check", tmx, "--format", "json")) == []
    assert read.count("Stadien") <= 1 and read.count("Flensburgs") <= 1  # none where an earlier test read them


def test_a_danish_latin_neuter_in_aeum_is_found_by_its_plural(tmp_path, with_dictionary):
    # Danish writes Latin -aeum as -æum, its plural -æer (jubilæum, jubilæer, jubilæerne: Retskrivningsordbogen;
    # hunspell-da's 9 such plurals): -er read for -um after e or i only lost them
    with_dictionary({})
    db = tmp_path / "t.db"
    run(db, "glossary", "add", "--term", "da=jubilæum", "--term", "en=anniversary", "--status", "approved")
    assert looked_up(db, "jubilæer") == [("lemma", "jubilæum")]
    assert looked_up(db, "jubilæerne") == [("lemma", "jubilæum")]
    tmx = tmp_path / "jubilaeer.tmx"
    tmx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>Both anniversaries were celebrated in May.</seg></tuv>
 <tuv xml:lang="da-DK"><seg>Begge jubilæer blev fejret i maj.</seg></tuv></tu>
</body></tmx>
""", encoding="utf-8")
    assert findings(run(db, "check", tmx, "--format", "json")) == []


def test_without_a_dictionary_a_german_plural_of_a_noun_in_e_is_no_loanword_plural(tmp_path, with_dictionary):
    # no hunspell-de-de: -en read for a loanword's -on, -o (Risiken: Risiko) made Karten (cards, maps) Karton (a box),
    # Juden Judo, though wordfreq has Karte, Jude more often than Karton, Judo
    with_dictionary({})
    db = tmp_path / "t.db"
    for term_of, english in (("de=Karton", "box"), ("de=Judo", "judo"), ("de=Thema", "topic"),
                             ("de=Zentrum", "centre"), ("de=Risiko", "risk")):
        run(db, "glossary", "add", "--term", term_of, "--term", f"en={english}", "--status", "approved")
    for query in ("Karten", "Juden"):
        assert not [hit for hit in looked_up(db, query, code=None) if hit[0] != "fuzzy"], query
    # the loanwords' plurals are found still
    assert looked_up(db, "Themen") == [("lemma", "Thema")]
    assert looked_up(db, "Zentren") == [("lemma", "Zentrum")]
    assert looked_up(db, "Risiken") == [("lemma", "Risiko")]
    tmx = tmp_path / "lager.tmx"
    tmx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>The boxes were stacked in the centres.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Die Karten wurden in den Zentren gestapelt.</seg></tuv></tu>
</body></tmx>
""", encoding="utf-8")
    # Karten renders no box (a mistranslation: cards); Zentren renders centre
    assert findings(run(db, "check", tmx, "--format", "json", code=1)) == [("1", "missing", "en", "boxes", ["Karton"])]


def test_check_finds_a_swedish_and_a_danish_term_in_their_plural(tmp_path):
    db, tmx = tmp_path / "t.db", tmp_path / "rapport.tmx"
    run(db, "glossary", "add", "--term", "en=sea mine", "--term", "sv=sjömina", "--term", "da=sømine",
        "--status", "approved")
    tmx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>The sea mines were cleared.</seg></tuv>
 <tuv xml:lang="sv-SE"><seg>Sjöminorna röjdes.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="en-GB"><seg>Two sea mines were found.</seg></tuv>
 <tuv xml:lang="sv-SE"><seg>Två minor hittades.</seg></tuv></tu>
</body></tmx>
""", encoding="utf-8")
    # the definite plural renders the term; unit 2's minor does not
    assert findings(run(db, "check", tmx, "--format", "json", code=1)) == [
        ("2", "missing", "en", "sea mines", ["sjömina"]), ("2", "inconsistent", "en", "sea mines", ["sjömina"])]
    danish = tmp_path / "rapport-da.tmx"
    danish.write_text(tmx.read_text(encoding="utf-8").replace("sv-SE", "da-DK").replace(
        "Sjöminorna röjdes.", "Søminerne blev ryddet.").replace("Två minor hittades.", "To søminer blev fundet."),
        encoding="utf-8")
    run(db, "check", danish, "--format", "json")  # both found: no finding


def test_a_store_made_before_swedish_and_danish_were_stemmed_finds_their_terms_inflected_once_upgraded(
        store_url, monkeypatch):
    from tmtool import api
    from tmtool.lookup import lookup
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations
    from tmtool.text import normalize

    def matches(store) -> list[list[tuple[str, str]]]:
        return [[(hit.match, hit.matched) for hit in lookup(store, query)] for query in ("sjöminorna", "styrkerne")]

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._nordic_keys)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._nordic_keys)])
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)  # nor did it queue counts
    for lang in ("sv", "da"):  # as the release before keyed its terms: Swedish and Danish folded only
        monkeypatch.delitem(normalize.SNOWBALL, lang)
        monkeypatch.delitem(normalize.PLURALS, lang)
    try:
        with open_store(store_url, create=True) as old:
            written_today(old)
            api.add_entry(old, ["mine marine"], terms={"sv": ["sjömina"], "da": ["styrke"]})
            assert matches(old) == [[("fuzzy", "sjömina")], [("fuzzy", "styrke")]]
    finally:
        monkeypatch.undo()
    with open_store(store_url) as store:
        assert matches(store) == [[("lemma", "sjömina")], [("lemma", "styrke")]]
        assert api.check_store(store) == []  # the keys are those the terms are given today, no stale one left


# a few lines of Debian's hunspell-de-de (igerman98) and hunspell-da as they ship them (Danish: FLAG num)
GERMAN_AFF = """SET UTF-8
SFX N Y 1
SFX N   0       n          .
SFX T Y 1
SFX T   0       es         .
SFX W Y 2
SFX W   en      0          en
SFX W   n       0          [^e]n
SFX X Y 1
SFX X   en      t          [^ditmnw]en
SFX j Y 2
SFX j 0 0/xoc .
SFX j 0 -/zocf .
"""
# Themen listed apart with a compound's flags only: a form of a word the dictionary does not say; Einsätze, Verbände
# (igerman98's umlaut plurals) listed apart with the dative's -n but no genitive: plurals of singulars it does not say
# (Ausländer, a foreigner, a singular of its own: its genitive -s)
GERMAN_DIC = ("12\nWare/Nm\nwaren/WXke\nGrenze/Nm\ngrenzen/WXm\nThema/Sm\nThemen/ijm\nEinsatz/Tmij\nEinsätze/Nm\n"
              "Verband/STm\nVerbände/Nm\nAusland/STm\nAusländer/NSm\n")
DANISH_AFF = """SET UTF-8
FLAG num
SFX 2 Y 2
SFX 2 0 n/34 e\t+BESTEMT_ENTAL
SFX 2 0 en/34 [^e]\t+BESTEMT_ENTAL
SFX 5 Y 2
SFX 5 0 e/34 .\t+PLUR_UBEK
SFX 5 0 ne/34 er\t+PLUR_BEK
"""
DANISH_DIC = "2\nteknik/7,10,39,31\ntekniker/5,2,10,39,31\n"


@pytest.fixture
def dictionaries(with_dictionary):
    """``terms.nouns`` reads these lines for the test, the installed dictionaries again after it."""
    with_dictionary({"de_DE.aff": GERMAN_AFF, "de_DE.dic": GERMAN_DIC, "da_DK.aff": DANISH_AFF, "da_DK.dic": DANISH_DIC})


def test_a_plural_the_dictionary_lists_apart_still_finds_its_singular(tmp_path, dictionaries):
    # igerman98 lists an umlaut plural as a word of its own (Einsätze/Nm, Verbände/Nm), which Snowball stems as its
    # singular: no other word than Einsatz, Verband, whose plurals they are (a singular is listed with a genitive)
    db = tmp_path / "t.db"
    for term_of, english in (("de=Einsatz", "operation"), ("de=Verband", "formation"), ("de=Ausland", "abroad")):
        run(db, "glossary", "add", "--term", term_of, "--term", f"en={english}", "--status", "approved")
    assert looked_up(db, "Einsätze") == [("lemma", "Einsatz")]
    assert looked_up(db, "Verbänden") == [("lemma", "Verband")]
    assert ("lemma", "Ausland") not in looked_up(db, "Ausländer")  # a singular listed (Ausländer/NSm): another word
    tmx = tmp_path / "einsaetze.tmx"
    tmx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>The operations of both formations ended.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Die Einsätze beider Verbände endeten.</seg></tuv></tu>
</body></tmx>
""", encoding="utf-8")
    assert findings(run(db, "check", tmx, "--format", "json")) == []


def test_a_word_the_dictionary_reads_as_another_is_not_the_term_its_stem_finds(tmp_path, dictionaries):
    # Snowball stems Danish teknikeren (the technician) as teknik (technology), German grenzen (to border) as Grenze
    # (a border): the dictionary knows them for forms of tekniker and of the verb
    db = tmp_path / "t.db"
    for term_of, english in (("da=teknik", "technology"), ("da=tekniker", "technician"), ("de=Ware", "goods"),
                             ("de=Grenze", "border"), ("de=Thema", "topic")):
        run(db, "glossary", "add", "--term", term_of, "--term", f"en={english}", "--status", "approved")
    assert looked_up(db, "teknikeren") == [("lemma", "tekniker")]
    assert looked_up(db, "teknikerne") == [("lemma", "tekniker")]
    assert looked_up(db, "Waren") == [("lemma", "Ware")]  # the plural of Ware
    assert looked_up(db, "waren") == [("fuzzy", "Ware")]  # the verb: a fuzzy neighbour only
    assert looked_up(db, "Themen") == [("lemma", "Thema")]
    tmx = tmp_path / "grenzen.tmx"
    tmx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>The two countries share a border.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Die beiden Länder grenzen aneinander.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="en-GB"><seg>The technician arrived.</seg></tuv>
 <tuv xml:lang="da-DK"><seg>Teknikeren ankom.</seg></tuv></tu>
</body></tmx>
""", encoding="utf-8")
    # the verb renders no Grenze; Teknikeren renders technician, and holds no teknik (technology)
    assert findings(run(db, "check", tmx, "--format", "json", code=1)) == [
        ("1", "missing", "en", "border", ["Grenze"])]
