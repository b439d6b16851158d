"""Language pairs beyond French → English, end to end: the reverse direction, other pairs, region
tags (fr-CA, en-US, pt-BR) and their case (EN-gb), through export, import, look-up and the HTTP API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from conftest import SEED_EN, SEED_FR, SHARED, run
from omegat import omegat_missing, seed_gold_units, translate_with_omegat
from tmtool.formats.tmx import read_tmx
from tmtool.model import Unit
from tmtool.store import open_store

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_SCHEMAS = SHARED / "schemas" / "tmx"
TEXTBERG = SHARED / "data" / "align" / "textberg-de-fr"  # GPL-2.0 (see its LICENSE): read here, never copied


# ---- TMX: every unit keeps its own region -------------------------------------------------------

QUEBEC = [Unit("Le Comité militaire se réunit.", "The Military Committee meets.", "fr-FR", "en-GB", tuid="1"),
          Unit("Le courriel est arrivé.", "The email arrived.", "fr-CA", "en-CA", tuid="2")]


@pytest.fixture
def regional_tmx(tmp_path) -> Path:
    db, out = tmp_path / "regions.db", tmp_path / "regions.tmx"
    with open_store(db, create=True) as store:
        store.add_units(QUEBEC, "hand")
    assert run(db, "export", "tmx", "-o", out).stderr == f"2 units written to {out}\n"
    return out


def test_a_unit_in_another_region_of_the_source_language_is_exported_in_its_own(regional_tmx):
    tus = list(etree.parse(str(regional_tmx)).iter("tu"))
    assert etree.parse(str(regional_tmx)).find("header").get("srclang") == "fr-FR"
    assert [(tu.get("srclang"), [tuv.get(XML_LANG) for tuv in tu.iter("tuv")]) for tu in tus] == [
        (None, ["fr-FR", "en-GB"]), ("fr-CA", ["fr-CA", "en-CA"])]
    tree = etree.parse(str(regional_tmx))
    for validator in (etree.DTD(str(TMX_SCHEMAS / "tmx14.dtd")),
                      etree.XMLSchema(etree.parse(str(TMX_SCHEMAS / "tmx14.xsd")))):
        assert validator.validate(tree), validator.error_log
    assert [(u.srclang, u.source, u.tgtlang) for u in read_tmx(str(regional_tmx))] == [
        (u.srclang, u.source, u.tgtlang) for u in QUEBEC]
    # translate-toolkit picks a tu's texts by their exact tags: each unit is read in its own region
    for unit in QUEBEC:
        toolkit = tmxfile(regional_tmx.open("rb"), sourcelanguage=unit.srclang, targetlanguage=unit.tgtlang)
        assert [(u.source, u.target) for u in toolkit.units if u.source] == [(unit.source, unit.target)]


@pytest.mark.skipif(omegat_missing() is not None, reason=omegat_missing() or "")
def test_omegat_fills_a_french_project_from_units_of_another_french_region(tmp_path):
    units = seed_gold_units()
    for unit in units[1::2]:
        unit.srclang, unit.tgtlang = "fr-CA", "en-CA"
    db, tmx = tmp_path / "seed.db", tmp_path / "seed.tmx"
    with open_store(db, create=True) as store:
        store.add_units(units, "seed")
    run(db, "export", "tmx", "-o", tmx)
    assert b'<tu tuid="seed:2" srclang="fr-CA"' in tmx.read_bytes()
    omegat = translate_with_omegat(tmp_path, sources={"seed.fr.txt": SEED_FR.read_bytes()},
                                   tm={"seed.tmx": tmx.read_bytes()})
    assert "TF_TM_LOAD_ERROR" not in omegat.log
    translated = omegat.target("seed.fr.txt")
    assert units[5].target in translated and units[5].srclang == "fr-CA"  # a one-sentence unit from Quebec


# ---- glossaries of other pairs: exported, then imported back as the same languages -------------

FIVE_LANGUAGES_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>NATO terms</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="mc">
  <langSec xml:lang="de-DE"><termSec><term>Militärausschuss</term>
    <termNote type="grammaticalGender">masculine</termNote></termSec></langSec>
  <langSec xml:lang="es-ES"><termSec><term>Comité Militar</term></termSec></langSec>
  <langSec xml:lang="it"><termSec><term>Comitato militare</term></termSec></langSec>
  <langSec xml:lang="fr"><termSec><term>Comité militaire</term></termSec></langSec>
  <langSec xml:lang="EN-gb"><termSec><term>Military Committee</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="sg">
  <langSec xml:lang="de"><termSec><term>Generalsekretär</term></termSec></langSec>
  <langSec xml:lang="es"><termSec><term>Secretario General</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def terms_by_language(db) -> list[dict[str, list[tuple[str, str | None]]]]:
    """Each entry of a store, in id order, as its terms (text, gender) by language."""
    with open_store(db) as store:
        entries = store.list_entries(statuses=None)
    found = []
    for entry in sorted(entries, key=lambda e: int(e.id)):
        by_language: dict[str, list[tuple[str, str | None]]] = {}
        for term in entry.terms:
            by_language.setdefault(term.lang, []).append((term.text, term.gender))
        found.append(by_language)
    return found


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "po"])
def test_a_german_spanish_glossary_comes_back_in_german_and_spanish(tmp_path, fmt):
    db, tbx, out, back = tmp_path / "five.db", tmp_path / "five.tbx", tmp_path / f"de-es.{fmt}", tmp_path / "back.db"
    tbx.write_text(FIVE_LANGUAGES_TBX, encoding="utf-8")
    run(db, "import", tbx)
    assert run(db, "export", fmt, "--status", "all", "--srclang", "de", "--tgtlang", "es", "-o", out).stderr == (
        f"2 entries written to {out}\nnot written: the store's terms in en, fr, it (--srclang/--tgtlang choose the pair)\n")
    assert run(back, "import", out).stdout == "2 entries added, 0 already stored (entries in de 2, es 2)\n"
    assert terms_by_language(back) == [
        {"de": [("Militärausschuss", "masculine")], "es": [("Comité Militar", None)]},
        {"de": [("Generalsekretär", None)], "es": [("Secretario General", None)]},
    ]


def test_a_table_with_columns_in_four_languages_keeps_every_language(tmp_path):
    table = tmp_path / "client.csv"
    table.write_text("fr;en;DE-de;es_ES;Nr\n"
                     "Comité militaire;Military Committee;Militärausschuss;Comité Militar;1\n", encoding="utf-8")
    result = run(tmp_path / "t.db", "import", table)
    assert result.stdout == ("1 entry added, 0 already stored (entries in de 1, en 1, es 1, fr 1), 1 skipped: "
                             f"{table}:1: column 'Nr' not read: no glossary field of that name\n")
    assert terms_by_language(tmp_path / "t.db") == [{
        "fr": [("Comité militaire", None)], "en": [("Military Committee", None)],
        "de": [("Militärausschuss", None)], "es": [("Comité Militar", None)]}]


# ---- the workbench's HTTP API takes the languages the command line takes ------------------------

GERMAN_FRENCH_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de-CH" adminlang="en" segtype="sentence" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="1"><tuv xml:lang="de-CH"><seg>Der Gipfel ist 8172 m hoch.</seg></tuv>
 <tuv xml:lang="fr-CH"><seg>Le sommet culmine à 8172 m.</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def http(tmp_path):
    from workbench import client

    db, tbx, tmx = tmp_path / "t.db", tmp_path / "five.tbx", tmp_path / "de-fr.tmx"
    tbx.write_text(FIVE_LANGUAGES_TBX, encoding="utf-8")
    tmx.write_text(GERMAN_FRENCH_TMX, encoding="utf-8")
    run(db, "import", tbx)
    run(db, "import", tmx)
    return client(str(db))[0]


def test_the_http_export_writes_the_pair_asked_for_or_every_language(http):
    memory = http.get("/api/export/tmx", params={"srclang": "de", "tgtlang": "fr"})
    assert memory.status_code == 200
    assert [tuv.get(XML_LANG) for tuv in etree.fromstring(memory.content).iter("tuv")] == ["de-CH", "fr-CH"]
    pair = etree.fromstring(http.get("/api/export/tbx", params={"status": "all", "srclang": "de-DE",
                                                                "tgtlang": "es"}).content)
    # the region asked for (de-DE) is written; a bare language (es) leaves each term its own region (es-ES)
    assert sorted({section.get(XML_LANG) for section in pair.iter("{*}langSec")}) == ["de-DE", "es", "es-ES"]
    every = etree.fromstring(http.get("/api/export/tbx", params={"status": "all", "langs": "all"}).content)
    assert {section.get(XML_LANG)[:2] for section in every.iter("{*}langSec")} == {"de", "en", "es", "fr", "it"}
    refused = http.get("/api/export/csv", params={"langs": "all"})
    assert refused.status_code == 400 and "csv holds two languages" in refused.json()["message"]
    assert http.get("/api/export/tmx", params={"srclang": "de", "tgtlang": "DE-at"}).status_code == 400


def test_the_http_look_up_narrows_to_a_language(http):
    def found(q, **params):
        return [entry["id"] for entry in http.get("/api/lookup", params={"q": q, **params}).json()["entries"]]

    assert found("Secretario General") == found("Secretario General", lang="es-ES") == ["2"]
    assert found("Secretario General", lang="it") == []
    assert http.get("/api/lookup", params={"q": "Comité", "lang": "fr-!"}).status_code == 400


# ---- a glossary in two regions of one language: each term keeps its region ---------------

TWO_ENGLISHES_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="1">
  <langSec xml:lang="fr-CA"><termSec><term>défense</term></termSec></langSec>
  <langSec xml:lang="EN-gb"><termSec><term>defence</term></termSec></langSec>
  <langSec xml:lang="en_US"><termSec><term>defense</term></termSec></langSec>
</conceptEntry></body></text></tbx>
"""
TWO_ENGLISHES_MULTITERM = """<mtf><conceptGrp><concept>1</concept>
<languageGrp><language type="French" lang="FR-CA"/><termGrp><term>défense</term></termGrp></languageGrp>
<languageGrp><language type="English" lang="EN-GB"/><termGrp><term>defence</term></termGrp></languageGrp>
<languageGrp><language type="English" lang="EN-US"/><termGrp><term>defense</term></termGrp></languageGrp>
</conceptGrp></mtf>"""


@pytest.mark.parametrize("name, text", [("client.tbx", TWO_ENGLISHES_TBX), ("client.xml", TWO_ENGLISHES_MULTITERM)],
                         ids=["tbx", "multiterm"])
def test_terms_of_two_regions_of_one_language_are_kept_each_with_its_region(tmp_path, name, text):
    """A termbase with British and American terms (TBX langSecs en-GB and en-US, MultiTerm's EN-GB and EN-US
    language groups, as memoQ's and MultiTerm's sublanguages): both were stored as en, which regions said lost.
    Each term keeps its tag (``locale``), written back in its own section; its language is still en, as look-up,
    pairs and checks take it."""
    path, db = tmp_path / name, tmp_path / "t.db"
    path.write_text(text, encoding="utf-8")
    result = run(db, "import", path)
    assert result.stdout == "1 entry added, 0 already stored (entries in en 1, fr 1)\n"
    assert result.stderr == ""
    assert terms_by_language(db) == [{"fr": [("défense", None)], "en": [("defence", None), ("defense", None)]}]
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
    assert [(t.lang, t.locale) for t in entry.terms] == [("fr", "fr-CA"), ("en", "en-GB"), ("en", "en-US")]
    assert run(db, "lookup", "defense", "--lang", "en").stdout.startswith("défense  =  defence · defense")
    run(db, "export", "tbx", "-o", tmp_path / "out.tbx", "--status", "all")
    sections = etree.parse(str(tmp_path / "out.tbx")).iter("{*}langSec")
    assert [(s.get(XML_LANG), [t.text for t in s.iter("{*}term")]) for s in sections] == [
        ("fr-CA", ["défense"]), ("en-GB", ["defence"]), ("en-US", ["defense"])]


def test_an_entry_of_other_languages_is_listed_shown_and_looked_up_in_them(tmp_path):
    db, tbx = tmp_path / "t.db", tmp_path / "five.tbx"
    tbx.write_text(FIVE_LANGUAGES_TBX, encoding="utf-8")
    run(db, "import", tbx)
    assert run(db, "glossary", "list").stdout == (
        "     1  candidate    0.00     0  Comité militaire  =  Military Committee\n"
        "     2  candidate    0.00     0  de: Generalsekretär  =  es: Secretario General\n")
    assert run(db, "glossary", "show", "2").stdout.startswith(
        "     2  candidate    0.00     0  de: Generalsekretär  =  es: Secretario General\n  de: Generalsekretär  (")
    assert run(db, "lookup", "Secretario General").stdout == (
        "de: Generalsekretär  =  es: Secretario General   [candidate; exact; #2]\n")
    assert run(db, "lookup", "Militärausschuss").stdout == (
        "Comité militaire  =  Military Committee   [candidate; exact; #1]\n"
        "  de: Militärausschuss\n  es: Comité Militar\n  it: Comitato militare\n")


# ---- the OmegaT glossary (TSV) of another pair names it, for tmtool; OmegaT reads past it ---------

def test_a_tsv_of_another_pair_names_it_and_comes_back_in_its_languages(tmp_path):
    db, tbx, back = tmp_path / "five.db", tmp_path / "five.tbx", tmp_path / "back.db"
    tbx.write_text(FIVE_LANGUAGES_TBX, encoding="utf-8")
    run(db, "import", tbx)
    for srclang, tgtlang in (("de-DE", "es"), ("EN-gb", "fr")):
        out = tmp_path / f"{srclang}.tsv"
        run(db, "export", "tsv", "--status", "all", "--srclang", srclang, "--tgtlang", tgtlang, "-o", out)
        assert out.read_text(encoding="utf-8").splitlines()[0] == f"#\t{srclang[:2].lower()}\t{tgtlang}"
    assert run(back, "import", tmp_path / "de-DE.tsv").stdout.startswith("2 entries added, 0 already stored "
                                                                          "(entries in de 2, es 2)")
    assert run(back, "import", tmp_path / "EN-gb.tsv").stdout.startswith("1 entry added, 0 already stored "
                                                                         "(entries in en 1, fr 1)")
    assert terms_by_language(back)[2] == {"en": [("Military Committee", None)], "fr": [("Comité militaire", None)]}
    run(db, "export", "tsv", "--status", "all", "-o", tmp_path / "fr-en.tsv")  # the pair OmegaT's files hold
    assert (tmp_path / "fr-en.tsv").read_text(encoding="utf-8") == "Comité militaire\tMilitary Committee\t" \
                                                                   "candidate, not reviewed\n"


@pytest.mark.skipif(omegat_missing() is not None, reason=omegat_missing() or "")
def test_omegat_reads_the_pairs_of_a_tsv_that_names_its_languages(tmp_path):
    import subprocess

    from omegat import OMEGAT_JAR, omegat_project
    from test_glossary_omegat import READ_GLOSSARIES

    project = omegat_project(tmp_path)
    (project / "source" / "seed.txt").write_text("Le Comité militaire.\n", encoding="utf-8")
    db, tbx = tmp_path / "five.db", tmp_path / "five.tbx"
    tbx.write_text(FIVE_LANGUAGES_TBX, encoding="utf-8")
    run(db, "import", tbx)
    for fmt, name in (("tsv", "seed.utf8"), ("tbx-martif", "seed.tbx")):  # the script reads both (OmegaT 3.6: martif)
        run(db, "export", fmt, "--status", "all", "--srclang", "de", "--tgtlang", "es",
            "-o", project / "glossary" / name)
    script = tmp_path / "read.groovy"
    script.write_text(READ_GLOSSARIES, encoding="utf-8")
    subprocess.run(["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(project),
                    "--mode=console-translate", f"--config-dir={tmp_path / 'config'}", f"--script={script}"],
                   capture_output=True, timeout=300, check=True)
    read = [line.split("\t") for line in (project / "glossary-read.tsv").read_text(encoding="utf-8").splitlines()]
    assert [fields[1:3] for fields in read if fields[0] == "tsv"] == [
        ["Militärausschuss", "Comité Militar"], ["Generalsekretär", "Secretario General"]]


def test_a_german_french_pair_is_uploaded_in_its_languages(tmp_path):
    from workbench import client

    open_store(tmp_path / "t.db", create=True).close()
    http, headers = client(str(tmp_path / "t.db"))
    german, french = (TEXTBERG / f"dev.{lang}" for lang in ("de", "fr"))
    files = {"fr_file": ("chronik.de.txt", "".join(german.read_text(encoding="utf-8").splitlines(True)[:12])),
             "en_file": ("chronik.fr.txt", "".join(french.read_text(encoding="utf-8").splitlines(True)[:12]))}
    ingested = http.post("/api/ingest", files=files, data={"srclang": "DE-ch", "tgtlang": "fr_CH"}, headers=headers)
    assert ingested.status_code == 200, ingested.text
    assert ingested.json()["units"] > 5 and ingested.json()["new_entries"] == 0
    [document] = http.get("/api/documents").json()["documents"]
    assert (document["srclang"], document["tgtlang"]) == ("de-CH", "fr-CH")
    first = http.get(f"/api/documents/{document['id']}/units").json()["units"][0]
    assert (first["source"], first["target"]) == ("Himalaya-Chronik 1956", "Chronique himalayenne 1956")
    for wrong in ({"srclang": "de"}, {"srclang": "de", "tgtlang": "fr", "original": "en"},
                  {"srclang": "de", "tgtlang": "d3"}):
        refused = http.post("/api/ingest", files=files, data=wrong, headers=headers)
        assert refused.status_code == 400, refused.text


SPANISH = "El Comité Militar se reunió en Bruselas. Los jefes de Defensa debatieron la seguridad.\n"
ENGLISH = "The Military Committee met in Brussels. The Chiefs of Defence discussed security.\n"


def test_the_languages_of_a_pair_are_checked_even_when_its_text_is_stored(tmp_path):
    db, spanish, english = tmp_path / "t.db", tmp_path / "informe.es.txt", tmp_path / "informe.en.txt"
    spanish.write_text(SPANISH, encoding="utf-8")
    english.write_text(ENGLISH, encoding="utf-8")
    assert run(db, "ingest", spanish, english, "--srclang", "es-ES", "--tgtlang", "EN-us").stdout == (
        "informe: 2 units, 2 new entries, 0 updated entries\n")  # English and Spanish terms (terms.pivot)
    assert run(db, "ingest", spanish, english, "--srclang", "es", "--tgtlang", "ES-mx", code=1).stderr == (
        "tmtool: error: source and target languages are both 'es'\n")
    assert run(db, "ingest", "--dir", tmp_path, "--srclang", "es", "--tgtlang", "es", code=1).stderr == (
        "tmtool: error: source and target languages are both 'es'\n")
    with open_store(db) as store:
        from tmtool import api

        with pytest.raises(api.TmtoolError, match="invalid language tag 'd3'"):
            api.ingest(store, spanish, english, srclang="es", tgtlang="d3")


# written for this test: one report in five languages
REPORT = {
    "en": "Military mobility allows the rapid movement of troops across Europe. The fuel supply chain must be "
          "secure in times of crisis. Customs procedures for military equipment were simplified last year, and "
          "the Allies are investing in bridges and railways that their citizens use as well.\n"
          "The Military Committee met in Brussels on Tuesday to discuss these plans. It agreed that the work of "
          "the national authorities should be better coordinated with the European Union.\n",
    "de": "Die militärische Mobilität ermöglicht die schnelle Verlegung von Truppen durch Europa. Die Lieferkette "
          "für Treibstoff muss in Krisenzeiten sicher sein. Die Zollverfahren für militärisches Material wurden im "
          "vergangenen Jahr vereinfacht, und die Verbündeten investieren in Brücken und Eisenbahnen, die auch "
          "ihre Bürger nutzen.\n"
          "Der Militärausschuss ist am Dienstag in Brüssel zusammengetreten, um diese Pläne zu erörtern. Er war "
          "sich einig, dass die Arbeit der nationalen Behörden besser mit der Europäischen Union abgestimmt "
          "werden muss.\n",
    "es": "La movilidad militar permite el traslado rápido de tropas a través de Europa. La cadena de suministro "
          "de combustible debe ser segura en tiempos de crisis. Los procedimientos aduaneros para el material "
          "militar se simplificaron el año pasado, y los Aliados invierten en puentes y ferrocarriles que también "
          "usan sus ciudadanos.\n"
          "El Comité Militar se reunió el martes en Bruselas para debatir estos planes. Acordó que el trabajo "
          "de las autoridades nacionales debe coordinarse mejor con la Unión Europea.\n",
    "it": "La mobilità militare consente il rapido trasferimento delle truppe attraverso l'Europa. La catena di "
          "approvvigionamento del carburante deve essere sicura in tempi di crisi. Le procedure doganali per il "
          "materiale militare sono state semplificate l'anno scorso, e gli Alleati investono in ponti e ferrovie "
          "che anche i loro cittadini usano.\n"
          "Il Comitato militare si è riunito martedì a Bruxelles per discutere questi piani. Ha convenuto che "
          "il lavoro delle autorità nazionali deve essere coordinato meglio con l'Unione europea.\n",
    "pt": "A mobilidade militar permite a deslocação rápida de tropas através da Europa. A cadeia de abastecimento "
          "de combustível deve ser segura em tempos de crise. Os procedimentos aduaneiros para o material militar "
          "foram simplificados no ano passado, e os Aliados investem em pontes e caminhos de ferro que também são "
          "usados pelos seus cidadãos.\n"
          "O Comité Militar reuniu-se na terça-feira em Bruxelas para discutir estes planos. Concordou que o "
          "trabalho das autoridades nacionais deve ser mais bem coordenado com a União Europeia.\n",
    "nl": "Militaire mobiliteit maakt de snelle verplaatsing van troepen door Europa mogelijk. De toeleveringsketen "
          "voor brandstof moet in tijden van crisis veilig zijn. De douaneprocedures voor militair materieel werden "
          "vorig jaar vereenvoudigd, en de bondgenoten investeren in bruggen en spoorwegen die ook hun burgers "
          "gebruiken.\n"
          "Het Militair Comité kwam dinsdag in Brussel bijeen om deze plannen te bespreken. Het was het erover "
          "eens dat het werk van de nationale autoriteiten beter moet worden afgestemd met de Europese Unie.\n",
}


NAMES = {"es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}


@pytest.mark.parametrize("lang", ["es", "it", "pt", "nl"])
def test_a_file_in_another_language_than_given_of_seven_is_refused_in_one_line(tmp_path, lang):
    db = tmp_path / "t.db"
    for tag, text in REPORT.items():
        (tmp_path / f"report.{tag}.txt").write_text(text, encoding="utf-8")
    german, english = tmp_path / "report.de.txt", tmp_path / "report.en.txt"
    refused = run(db, "ingest", english, german, "--srclang", "en", "--tgtlang", lang, code=1)
    assert re.fullmatch(f"tmtool: error: {re.escape(str(german))}: looks like German, not {NAMES[lang]} "
                        r"\(confidence [01]\.\d\d\); are the files given in the right order\?\n", refused.stderr)
    run(db, "ingest", SEED_FR, SEED_EN, "--srclang", lang, "--tgtlang", "en", code=1)  # French as the other
    if lang == "it":  # and one of these four as another, or as French
        spanish = run(db, "ingest", english, tmp_path / "report.es.txt", "--srclang", "en", "--tgtlang", "it", code=1)
        assert "looks like Spanish, not Italian" in spanish.stderr
        spanish = run(db, "ingest", tmp_path / "report.es.txt", english, "--srclang", "fr", "--tgtlang", "en", code=1)
        assert "looks like Spanish, not French" in spanish.stderr  # which leans to French among fr, en, de
    assert not db.exists()  # nothing stored, nothing labelled wrong
    stored = run(db, "ingest", tmp_path / f"report.{lang}.txt", english)  # the language itself: stored
    assert re.match(r"report: \d units", stored.stdout) and "looks like" not in stored.stderr


def test_texts_stored_in_two_languages_are_refused_in_two_others_not_told_stored(tmp_path):
    db, english, german = tmp_path / "t.db", tmp_path / "report.en.txt", tmp_path / "bericht.de.txt"
    english.write_text(REPORT["en"], encoding="utf-8")
    german.write_text(REPORT["de"], encoding="utf-8")
    run(db, "ingest", english, german, "--srclang", "en", "--tgtlang", "de")
    refused = "these texts are stored as document report in en and de, not {}: are the languages given right? " \
              "(remove document report first to store them in others)"
    assert run(db, "ingest", english, german, "--srclang", "en", "--tgtlang", "pl", code=1).stderr == (
        f"tmtool: error: {refused.format('en and pl')}\n")  # Polish: no function words to tell it by
    assert run(db, "ingest", english, german, "--srclang", "fr", "--tgtlang", "en", code=1).stderr == (
        f"tmtool: error: {refused.format('fr and en')}\n")
    edited = tmp_path / "report.v2.txt"  # other bytes, the same text
    edited.write_text(REPORT["en"] + "\n", encoding="utf-8")
    run(db, "ingest", edited, german, "--srclang", "en", "--tgtlang", "pl", code=1)
    assert run(db, "ingest", german, english, "--srclang", "de-AT", "--tgtlang", "en-US").stdout == (
        "bericht: same text as document report, already stored, nothing changed\n")  # either way, any region
    with open_store(db) as store:
        assert [(d.id, d.srclang, d.tgtlang) for d, _ in store.documents()] == [("report", "en", "de")]


def test_the_languages_named_in_two_files_names_are_taken_when_no_option_says_them(tmp_path):
    db = tmp_path / "t.db"
    (tmp_path / "informe.es.txt").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "informe.en.txt").write_text(ENGLISH, encoding="utf-8")
    ingested = run(db, "ingest", tmp_path / "informe.es.txt", tmp_path / "informe.en.txt")
    assert ingested.stdout == "informe: 2 units, 2 new entries, 0 updated entries\n"
    assert ingested.stderr.splitlines()[0] == ("note: informe.es.txt is taken as es and informe.en.txt as en-GB, "
                                               "from their names (give --srclang and --tgtlang to say otherwise)")
    (tmp_path / "report.en.txt").write_text(SEED_EN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "rapport.fr.txt").write_text(SEED_FR.read_text(encoding="utf-8"), encoding="utf-8")
    english_original = run(db, "ingest", tmp_path / "report.en.txt", tmp_path / "rapport.fr.txt")
    assert "new entries" in english_original.stdout and "0 new entries" not in english_original.stdout
    with open_store(db) as store:
        assert {(d.id, d.srclang, d.tgtlang) for d, _ in store.documents()} == {
            ("informe", "es", "en-GB"), ("report", "en-GB", "fr-FR")}


def test_the_options_win_over_the_names_and_names_without_two_languages_say_nothing(tmp_path):
    from tmtool.ingest import languages_in_names

    assert languages_in_names("report.en.docx", "rapport.fr.docx") == ("en", "fr")
    assert languages_in_names("bericht.DE.txt", "report.en-US.txt") == ("de", "en-US")
    assert languages_in_names("news.zh-Hans.txt", "news.en.txt") == ("zh-Hans", "en")
    for names in (("minutes.txt", "minutes.en.txt"), ("plan-v2.txt", "plan-en.txt"), ("a.fr.txt", "b.fr-CA.txt"),
                  ("rapport_fin.txt", "report_en.txt"), ("memo-hr.txt", "memo-en.txt"),  # words, not languages
                  ("source.fr-en.txt", "target.en-fr.txt")):  # a direction, not a language and its region
        assert languages_in_names(*names) is None
    db = tmp_path / "t.db"
    (tmp_path / "a.de.txt").write_text(SPANISH, encoding="utf-8")  # misnamed: the options say what it is
    (tmp_path / "a.en.txt").write_text(ENGLISH, encoding="utf-8")
    given = run(db, "ingest", tmp_path / "a.de.txt", tmp_path / "a.en.txt", "--srclang", "es")
    assert "taken as" not in given.stderr
    (tmp_path / "b.no.txt").write_text(SPANISH, encoding="utf-8")  # a tag tmtool does not take: said, not silent
    (tmp_path / "b.en.txt").write_text(ENGLISH, encoding="utf-8")
    unnamed = run(db, "ingest", tmp_path / "b.no.txt", tmp_path / "b.en.txt", code=1)  # stored as es: not French
    assert unnamed.stderr.startswith("note: tmtool knows no language 'no' (named in a file's name); the files are "
                                     "taken as fr-FR and en-GB (give --srclang and --tgtlang to say otherwise)\n"
                                     "tmtool: error: these texts are stored as document a.de in es and en-GB, ")
    run(db, "align", tmp_path / "a.de.txt", tmp_path / "a.en.txt", "-o", tmp_path / "a.tmx")  # reads the names too
    assert {(u.srclang, u.tgtlang) for u in read_tmx(tmp_path / "a.tmx")} == {("de", "en-GB")}
    with open_store(db) as store:
        assert [(d.srclang, d.tgtlang) for d, _ in store.documents()] == [("es", "en-GB")]


def test_a_three_letter_language_tmtool_does_not_know_is_said_beside_a_translation_named_with_one(tmp_path):
    """*b.gsw.txt* (Swiss German) beside *b.en.txt* was stored as French without a word, its terms extracted as
    French; a three-letter word alone before the extension (*.bak.*, *.old.*) is as often no language."""
    from tmtool.ingest import unknown_language_in_name

    assert unknown_language_in_name("b.gsw.txt", beside="b.en.txt") == "gsw"
    assert unknown_language_in_name("b.gsw.txt") is None and unknown_language_in_name("r.bak.txt", "r.txt") is None
    assert unknown_language_in_name("b.deu.txt", beside="b.en.txt") is None  # a language tmtool knows
    (tmp_path / "b.gsw.txt").write_text("Das Kommando koordiniert d Truppebewegige.", encoding="utf-8")
    (tmp_path / "b.en.txt").write_text("The command coordinates troop movements.", encoding="utf-8")
    said = run(tmp_path / "t.db", "ingest", tmp_path / "b.gsw.txt", tmp_path / "b.en.txt")
    assert said.stderr.startswith("note: tmtool knows no language 'gsw' (named in a file's name); the files are "
                                  "taken as fr-FR and en-GB (give --srclang and --tgtlang to say otherwise)\n")


def test_a_file_no_option_names_is_taken_in_the_language_its_name_says(tmp_path):
    db, english, german = tmp_path / "t.db", tmp_path / "report.en.txt", tmp_path / "bericht.de.txt"
    english.write_text(REPORT["en"], encoding="utf-8")
    german.write_text(REPORT["de"], encoding="utf-8")
    target_given = run(db, "ingest", english, german, "--tgtlang", "de-AT")  # not French, as no option says
    assert target_given.stderr.splitlines()[0] == (
        "note: report.en.txt is taken as en-GB, from its name (give --srclang to say otherwise)")
    source_given = run(tmp_path / "u.db", "ingest", english, german, "--srclang", "EN")  # nor English, twice
    assert source_given.stderr.splitlines()[0] == (
        "note: bericht.de.txt is taken as de, from its name (give --tgtlang to say otherwise)")
    aligned = run(db, "align", english, german, "--tgtlang", "de", "--format", "tmx")
    assert 'xml:lang="en-GB"' in aligned.stdout and 'xml:lang="de"' in aligned.stdout
    for path, pair in ((db, ("en-GB", "de-AT")), (tmp_path / "u.db", ("en", "de"))):
        with open_store(path) as store:
            assert [(d.srclang, d.tgtlang) for d, _ in store.documents()] == [pair]


# ---- the memory's concordance in one language -----------------------------------------------------

BOTH_WAYS = [Unit("Le Comité militaire se réunit.", "The Military Committee meets.", "fr-FR", "en-GB", tuid="fr"),
             Unit("The Comité is the committee of Quebec.", "Le comité est celui du Québec.", "en-CA", "fr-CA",
                  tuid="en"),
             Unit("Der Militärausschuss tagt.", "Le Comité militaire siège.", "de", "fr", tuid="de")]


def test_the_concordance_in_a_language_reads_the_side_in_it(store_url):
    with open_store(store_url, create=True) as store:
        store.add_units(BOTH_WAYS, "hand")
        found = {lang: sorted(unit.tuid for unit, _ in store.concordance("comité", 10, lang))
                 for lang in (None, "fr", "en", "de")}
        assert found == {None: ["de", "en", "fr"], "fr": ["de", "en", "fr"], "en": ["en"], "de": []}
        assert [store.concordance_count("comité", 10, lang) for lang in (None, "fr", "en", "de")] == [3, 3, 1, 0]
        assert [u.tuid for u, _ in store.concordance("Militärausschuss", 10, "fr")] == []
        assert [u.tuid for u, _ in store.concordance("Militärausschuss", 10, "de")] == ["de"]


def test_a_look_up_in_a_language_shows_the_memory_holding_it_in_that_language(tmp_path):
    db = tmp_path / "t.db"
    with open_store(db, create=True) as store:
        store.add_units(BOTH_WAYS, "hand")
    assert run(db, "lookup", "Comité", "--lang", "EN-ca").stdout == (
        "No glossary entry for 'Comité'. In the memory (1 unit):\n"
        "  [hand] en: The Comité is the committee of Quebec.\n"
        "         fr: Le comité est celui du Québec.\n")
    not_in_french = run(db, "lookup", "Militärausschuss", "--lang", "fr-CA", code=1)
    assert (not_in_french.stdout, not_in_french.stderr) == ("", (  # the language looked in said: German holds it
        "No glossary entry for 'Militärausschuss' in fr, and no unit of the memory holds it in fr.\n"))
    from workbench import client

    http = client(str(db))[0]
    concordance = http.get("/api/concordance", params={"q": "comité", "lang": "en"}).json()["units"]
    assert [unit["tuid"] for unit in concordance] == ["en"]
    memory = http.get("/api/lookup", params={"q": "Militärausschuss", "lang": "de"}).json()["memory"]
    assert [unit["tuid"] for unit in memory] == ["de"]
    assert http.get("/api/concordance", params={"q": "comité", "lang": "e!"}).status_code == 400


@pytest.mark.parametrize("header, suffix", [
    (["fr", "en-GB", "EN_us"], "csv"),
    (["French_France", "English_United_Kingdom", "English_United_States"], "csv"),  # memoQ's term base CSV
    (["French", "English (United Kingdom)", "English (United States)"], "xlsx"),  # MultiTerm's Excel export
])
def test_a_table_with_columns_in_two_regions_of_one_language_keeps_each_term_s_region(store_url, tmp_path, header,
                                                                                      suffix):
    """A client's table with a British and an American column (en-GB and en-US, memoQ's English_United_Kingdom and
    English_United_States): both columns' terms were stored as en without their region, which a notice said lost, so
    the export wrote them in one section. Each term keeps its region (``locale``), as from a TBX, and the TBX export
    writes each in its own section; a text alike in both regions is a term of each."""
    table, db = tmp_path / f"client.{suffix}", store_url
    rows = [header, ["défense", "defence", "defense"], ["programme", "programme", "program"],
            ["ordinateur", "computer", "computer"]]
    if suffix == "csv":
        table.write_text("".join(";".join(row) + "\r\n" for row in rows), encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(table)
    result = run(db, "import", table)
    assert (result.stdout, result.stderr) == ("3 entries added, 0 already stored (entries in en 3, fr 3)\n", "")
    with open_store(db) as store:
        entries = sorted(store.list_entries(statuses=None), key=lambda e: int(e.id))
    french = "fr-FR" if header[0] == "French_France" else None
    assert [[(t.text, t.locale) for t in e.terms] for e in entries] == [
        [("défense", french), ("defence", "en-GB"), ("defense", "en-US")],
        [("programme", french), ("programme", "en-GB"), ("program", "en-US")],
        [("ordinateur", french), ("computer", "en-GB"), ("computer", "en-US")]]
    run(db, "export", "tbx", "-o", tmp_path / "out.tbx", "--status", "all")
    sections = etree.parse(str(tmp_path / "out.tbx")).iter("{*}langSec")
    assert [(s.get(XML_LANG), [t.text for t in s.iter("{*}term")]) for s in sections][:3] == [
        (french or "fr", ["défense"]), ("en-GB", ["defence"]), ("en-US", ["defense"])]


@pytest.mark.parametrize("header", [
    ["French_France", "Chinese_PRC", "Chinese_Taiwan"],  # memoQ's term base CSV
    ["French", "Chinese (PRC)", "Chinese (Taiwan)"],  # MultiTerm's export
    ["French", "Chinese (Singapore)", "Chinese (Hong Kong)"],
])
def test_a_table_with_columns_of_two_chinese_regions_keeps_each_term_s_region(tmp_path, header):
    """memoQ and MultiTerm name the Chinese of mainland China PRC and Taiwan's Taiwan, which the region names did not
    know: both columns' terms were zh without a region, written as one zh section of a TBX export, the simplified
    and traditional terms of one concept mixed. Each keeps its region, as English_United_Kingdom's do."""
    table, db = tmp_path / "client.csv", tmp_path / "t.db"
    table.write_text(";".join(header) + "\r\nordinateur;计算机;電腦\r\n", encoding="utf-8")
    assert run(db, "import", table).stdout == "1 entry added, 0 already stored (entries in fr 1, zh 1)\n"
    regions = [re.search(r"\((.+)\)|_(\w+)$", name) for name in header[1:]]
    tags = ["zh-" + {"prc": "CN", "taiwan": "TW", "hong kong": "HK", "singapore": "SG"}[
        (found[1] or found[2]).lower()] for found in regions]
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
    assert [(t.lang, t.text, t.locale) for t in entry.terms][1:] == [("zh", "计算机", tags[0]), ("zh", "電腦", tags[1])]
    run(db, "export", "tbx", "-o", tmp_path / "out.tbx", "--status", "all", "--tgtlang", "zh")
    sections = etree.parse(str(tmp_path / "out.tbx")).iter("{*}langSec")
    assert [(s.get(XML_LANG), [t.text for t in s.iter("{*}term")]) for s in sections][1:] == [
        (tags[0], ["计算机"]), (tags[1], ["電腦"])]


TWO_CHINESES_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc>
</martifHeader><text><body><termEntry id="1">
  <langSet xml:lang="en"><tig><term>air defence</term></tig></langSet>
  <langSet xml:lang="zh-Hans"><tig><term>防空</term></tig></langSet>
  <langSet xml:lang="zh-Hant-TW"><tig><term>防空</term></tig></langSet>
</termEntry><termEntry id="2">
  <langSet xml:lang="en"><tig><term>ministry</term></tig></langSet>
  <langSet xml:lang="sr-Cyrl"><tig><term>министарство</term></tig></langSet>
</termEntry></body></text></martif>
"""


def test_a_script_a_term_is_written_in_is_kept(tmp_path):
    # before: zh-Hans and zh-Hant terms were both stored as zh (the same characters one term), said as lost; a
    # Serbian termbase in Cyrillic alone lost its script
    path, db = tmp_path / "client.tbx", tmp_path / "t.db"
    path.write_text(TWO_CHINESES_TBX, encoding="utf-8")
    result = run(db, "import", path)
    assert result.stderr == ""
    with open_store(db) as store:
        assert [[(t.lang, t.locale) for t in e.terms] for e in store.list_entries(statuses=None)] == [
            [("en", None), ("zh", "zh-Hans"), ("zh", "zh-Hant-TW")], [("en", None), ("sr", "sr-Cyrl")]]


def test_a_store_made_before_term_locales_keeps_them_once_upgraded(store_url, monkeypatch):
    """A store of the release before (no term locale) is upgraded when opened: its terms read with none, and a
    termbase of two Englishes imported then keeps each term's region, on both backends."""
    from tmtool import api
    from tmtool.store import open_store
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(
        migrations._term_locales)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._V24)])
    with open_store(store_url, create=True):
        pass
    monkeypatch.undo()
    with open_store(store_url) as store:
        api.add_entry(store, ["frégate"], terms={"en": ["frigate"]})
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "client.tbx"
        path.write_text(TWO_ENGLISHES_TBX, encoding="utf-8")
        with open_store(store_url) as store:
            api.import_file(store, path)
            entries = sorted(store.list_entries(statuses=None), key=lambda e: int(e.id))
    assert [[(t.text, t.locale) for t in e.terms] for e in entries] == [
        [("frégate", None), ("frigate", None)], [("défense", "fr-CA"), ("defence", "en-GB"), ("defense", "en-US")]]
