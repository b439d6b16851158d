"""The multilingual store: units keep every language they come with, entries keep terms in every
language; exports pick a pair (French–English by default) or write every language; look-up finds a
term in any language; stats count per language and pair; ingest takes other pairs; old stores migrate."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

import polib
import pytest
from lxml import etree, isoschematron

from conftest import SHARED, run
from tmtool import glossary as rules
from tmtool.lookup import lookup
from tmtool.model import Entry, ReviewStatus, Term, Unit, Variant, iso, utcnow
from tmtool.store import open_store
from tmtool.store.records import entry_snapshot
from tmtool.store.sqlite.migrations import MIGRATIONS
from tmtool.text.normalize import normalize_for_match, term_keys

SCHEMAS = SHARED / "schemas"
TEXTBERG = SHARED / "data" / "align" / "textberg-de-fr"  # GPL-2.0 (see its LICENSE): read here, never copied
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX = "{urn:iso:std:iso:30042:ed-2}"
BOLD = 'Les partenaires se sont <bpt i="1">&lt;b&gt;</bpt>réunis<ept i="1">&lt;/b&gt;</ept>.'

UNITS = [
    Unit("Le Comité militaire se réunit.", "The Military Committee meets.", "fr-FR", "en-GB", tuid="1",
         changed=datetime(2024, 1, 1, tzinfo=timezone.utc),
         variants=[Variant("de-DE", "Der Militärausschuss tritt zusammen."),
                   Variant("es-ES", "El Comité Militar se reúne.")]),
    Unit("Die Allianz wächst.", "L’Alliance s’agrandit.", "de-DE", "fr-FR", tuid="2",
         changed=datetime(2025, 1, 1, tzinfo=timezone.utc), variants=[Variant("en-GB", "The Alliance grows.")]),
    Unit("The partners met.", "Die Partner trafen sich.", "en-GB", "de-DE", tuid="3",
         variants=[Variant("fr-FR", "Les partenaires se sont réunis.", BOLD)]),
    Unit("Le siège.", "The headquarters.", "fr-FR", "en-GB", tuid="4"),  # no German
]

FOUR_LANGUAGES_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>NATO terms in four languages</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="mc">
  <langSec xml:lang="de"><termSec><term>Militärausschuss</term></termSec></langSec>
  <langSec xml:lang="es"><termSec><term>Comité Militar</term></termSec></langSec>
  <langSec xml:lang="fr"><termSec><term>Comité militaire</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>Military Committee</term></termSec>
                         <termSec><term>MC</term><termNote type="termType">acronym</termNote></termSec></langSec>
</conceptEntry>
<conceptEntry id="af">
  <langSec xml:lang="de"><termSec><term>Streitkräfte</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>armed forces</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


@pytest.fixture
def store(store_url):
    with open_store(store_url, create=True) as opened:
        yield opened


@pytest.fixture
def memory(tmp_path):
    db = tmp_path / "memory.db"
    with open_store(db, create=True) as opened:
        opened.add_units(UNITS, "hand")
    return db


@pytest.fixture
def glossary(tmp_path):
    db, tbx = tmp_path / "glossary.db", tmp_path / "four.tbx"
    tbx.write_text(FOUR_LANGUAGES_TBX, encoding="utf-8")
    assert run(db, "import", tbx).stdout == "2 entries added, 0 already stored (entries in de 2, en 2, es 1, fr 1)\n"
    run(db, "glossary", "approve", "1", "2")
    return db


def tuvs(path: Path) -> list[list[tuple[str, str]]]:
    """Each <tu> of a TMX file as its (xml:lang, inner XML of <seg>), in order."""
    def seg(tuv) -> str:
        xml = etree.tostring(tuv.find("seg"), encoding="unicode", with_tail=False)
        return xml[xml.index(">") + 1: xml.rindex("</")]

    return [[(tuv.get(XML_LANG), seg(tuv)) for tuv in tu.iter("tuv")] for tu in etree.parse(str(path)).iter("tu")]


def tmx_schema_errors(path: Path) -> list[str]:
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    errors = []
    for validator in (etree.DTD(str(SCHEMAS / "tmx" / "tmx14.dtd")),
                      etree.XMLSchema(etree.parse(str(SCHEMAS / "tmx" / "tmx14.xsd")))):
        if not validator.validate(tree):
            errors += [str(e) for e in validator.error_log]
    return errors


def langsecs(path: Path, tag: str = f"{TBX}langSec") -> list[list[tuple[str, list[str]]]]:
    """Each entry of a TBX file as its (xml:lang, terms) in order."""
    entries = etree.parse(str(path)).getroot().iter(f"{TBX}conceptEntry", "termEntry")
    return [[(section.get(XML_LANG), [t.text for t in section.iter(f"{TBX}term", "term")])
             for section in entry.iter(tag)] for entry in entries]


# ---- the store keeps every language -------------------------------------------------------------


def test_a_unit_keeps_every_language_it_comes_with(store):
    import_id = store.new_import("hand.tmx", "tmx", "units")
    assert store.add_units(UNITS, "hand.tmx", import_id) == (4, 0, 0)
    assert [(u.tuid, u.variants) for u in store.units()] == [(u.tuid, u.variants) for u in UNITS]
    assert [(u.tuid, u.variants) for u in store.units(since=datetime(2024, 6, 1, tzinfo=timezone.utc))] == [
        ("2", UNITS[1].variants)]
    assert store.units_by_id([1, 3])[3].variants == UNITS[2].variants
    [(found, _)] = store.concordance("Allianz")
    assert found.variants == [Variant("en-GB", "The Alliance grows.")]
    # a unit's variants go with it
    assert rules.remove_import(store, import_id)[1].units == 4
    assert store._query("SELECT count(*) FROM unit_variants") == [(0,)]


def test_a_unit_is_known_by_every_language_it_holds(store):
    bilingual = Unit("Le Comité militaire se réunit.", "The Military Committee meets.", "fr-FR", "en-GB")
    german = Variant("de-DE", "Der Militärausschuss tritt zusammen.")
    spanish = Variant("es-ES", "El Comité Militar se reúne.")
    assert store.add_units([bilingual], "a.tmx") == (1, 0, 0)
    # the same French and English with German is another unit: the German is kept, not dropped as known
    trilingual = Unit(bilingual.source, bilingual.target, "fr-FR", "en-GB", variants=[german, spanish])
    assert store.add_units([trilingual], "b.tmx") == (1, 0, 0)
    # the same texts in the same languages, whatever their order, are the same unit
    reordered = Unit(bilingual.source, bilingual.target, "fr-FR", "en-GB", variants=[spanish, german])
    assert store.add_units([reordered, bilingual], "c.tmx") == (0, 2, 0)
    other_german = Unit(bilingual.source, bilingual.target, "fr-FR", "en-GB",
                        variants=[Variant("de-DE", "Der Ausschuss tagt."), spanish])
    assert store.add_units([other_german], "d.tmx") == (1, 0, 0)


def test_a_variant_without_a_language_tag_is_refused(store):
    unit = Unit("Le siège.", "HQ.", "fr-FR", "en-GB", tuid="7", variants=[Variant("de/DE", "Das Hauptquartier.")])
    with pytest.raises(Exception, match="unit '7' has no valid variant language"):
        store.add_units([unit], "bad.tmx")
    assert store.stats()["units"] == 0


# ---- exports: a pair, or every language ---------------------------------------------------------


def test_export_picks_the_pair_from_source_target_and_variants(memory, tmp_path):
    out = tmp_path / "de-fr.tmx"
    result = run(memory, "export", "tmx", "--srclang", "de", "--tgtlang", "fr", "-o", out)
    assert result.stderr == (f"3 units written to {out}\n"
                             "not written: the store's units' texts in en, es (--srclang/--tgtlang choose the pair,"
                             " --langs all every language)\n")
    assert tuvs(out) == [  # the fourth unit has no German
        [("de-DE", "Der Militärausschuss tritt zusammen."), ("fr-FR", "Le Comité militaire se réunit.")],
        [("de-DE", "Die Allianz wächst."), ("fr-FR", "L’Alliance s’agrandit.")],
        [("de-DE", "Die Partner trafen sich."), ("fr-FR", BOLD)],
    ]
    assert etree.parse(str(out)).find("header").get("srclang") == "de-DE"
    assert [tu.get("tuid") for tu in etree.parse(str(out)).iter("tu")] == ["1", "2", "3"]
    assert tmx_schema_errors(out) == []


def test_french_english_stays_the_default_pair(memory, tmp_path):
    out = tmp_path / "memory.tmx"
    run(memory, "export", "tmx", "-o", out)
    assert tuvs(out) == [
        [("fr-FR", "Le Comité militaire se réunit."), ("en-GB", "The Military Committee meets.")],
        [("fr-FR", "L’Alliance s’agrandit."), ("en-GB", "The Alliance grows.")],  # its German source left out
        [("fr-FR", BOLD), ("en-GB", "The partners met.")],
        [("fr-FR", "Le siège."), ("en-GB", "The headquarters.")],
    ]
    assert tmx_schema_errors(out) == []


def test_langs_all_writes_every_tuv_of_every_unit(memory, tmp_path):
    out = tmp_path / "all.tmx"
    result = run(memory, "export", "tmx", "--langs", "all", "-o", out)
    assert result.stderr == f"4 units written to {out}\n"
    assert tuvs(out) == [
        [(u.srclang, u.source), (u.tgtlang, u.target), *((v.lang, v.markup or v.text) for v in u.variants)]
        for u in UNITS
    ]
    # the units' sources are in three languages: the header says so, each source tuv keeps its own
    assert etree.parse(str(out)).find("header").get("srclang") == "*all*"
    assert tmx_schema_errors(out) == []


def test_langs_all_of_a_memory_with_one_source_language_names_it(tmp_path):
    db, out = tmp_path / "t.db", tmp_path / "all.tmx"
    with open_store(db, create=True) as store:
        store.add_units([UNITS[0], UNITS[3]], "hand")
    run(db, "export", "tmx", "--langs", "all", "-o", out)
    assert etree.parse(str(out)).find("header").get("srclang") == "fr-FR"
    assert [len(tu) for tu in tuvs(out)] == [4, 2]
    assert tmx_schema_errors(out) == []


def test_a_tbx_entry_in_four_languages_is_stored_and_exported_with_every_language(glossary, tmp_path):
    with open_store(glossary, create=True) as store:
        entry = rules.entry(store, 1)
    assert [(t.lang, t.text) for t in entry.terms] == [
        ("de", "Militärausschuss"), ("es", "Comité Militar"), ("fr", "Comité militaire"),
        ("en", "Military Committee"), ("en", "MC")]
    everything, martif = tmp_path / "all.tbx", tmp_path / "all.martif.tbx"
    assert run(glossary, "export", "tbx", "--langs", "all", "-o", everything).stderr == f"2 entries written to {everything}\n"
    assert langsecs(everything) == [
        [("de", ["Militärausschuss"]), ("es", ["Comité Militar"]), ("fr", ["Comité militaire"]),
         ("en", ["Military Committee", "MC"])],
        [("de", ["Streitkräfte"]), ("en", ["armed forces"])],
    ]
    relaxng = etree.RelaxNG(etree.parse(str(SCHEMAS / "tbx" / "TBXcoreStructV03.rng")))
    schematron = isoschematron.Schematron(etree.parse(str(SCHEMAS / "tbx" / "TBX-Basic_DCA.xslt1.sch")))
    assert relaxng.validate(etree.parse(str(everything))), relaxng.error_log
    assert schematron.validate(etree.parse(str(everything))), schematron.error_log
    run(glossary, "export", "tbx-martif", "--langs", "all", "-o", martif)
    assert langsecs(martif, "langSet") == langsecs(everything)
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "tbx-martif" / "tbx.xsd")))
    assert xsd.validate(etree.parse(str(martif))), xsd.error_log


def test_a_glossary_pair_holds_the_entries_with_a_source_term_in_its_two_languages(glossary, tmp_path):
    default, german = tmp_path / "fr-en.tbx", tmp_path / "de-fr.tbx"
    result = run(glossary, "export", "tbx", "-o", default)
    assert result.stderr == (f"1 entry written to {default}\nnot written: the store's terms in de, es (--srclang/--tgtlang"
                             " choose the pair, --langs all every language)\n")
    assert langsecs(default) == [[("fr", ["Comité militaire"]), ("en", ["Military Committee", "MC"])]]
    run(glossary, "export", "tbx", "--srclang", "de-CH", "--tgtlang", "fr", "-o", german)
    assert langsecs(german) == [[("de-CH", ["Militärausschuss"]), ("fr", ["Comité militaire"])],
                                [("de-CH", ["Streitkräfte"])]]  # no French yet, as French entries lack English


def test_bilingual_formats_take_their_columns_from_the_pair(glossary, tmp_path):
    assert run(glossary, "export", "tsv", "--srclang", "de", "--tgtlang", "fr").stdout == (
        "#\tde\tfr\nMilitärausschuss\tComité militaire\t\n")  # the pair named for import, a comment to OmegaT
    csv = run(glossary, "export", "csv", "--srclang", "de", "--tgtlang", "en").stdout.splitlines()
    assert csv[0].startswith("de,en,status,")
    assert [line.split(",")[:2] for line in csv[1:]] == [["Militärausschuss", "Military Committee"],
                                                         ["Streitkräfte", "armed forces"]]
    po = tmp_path / "de-es.po"
    run(glossary, "export", "po", "--srclang", "de", "--tgtlang", "es", "-o", po)
    messages = polib.pofile(str(po))
    assert (messages.metadata["X-Source-Language"], messages.metadata["Language"]) == ("de", "es")
    assert [(m.msgid, m.msgstr) for m in messages] == [("Militärausschuss", "Comité Militar"), ("Streitkräfte", "")]
    # the terms of the two languages stand in msgid and msgstr, the others are not written
    assert "Comité militaire" not in po.read_text(encoding="utf-8")


def test_export_languages_are_checked(glossary):
    for args, code, message in (
        (["tsv", "--langs", "all"], 2, "tsv holds two languages: choose them with --srclang and --tgtlang"),
        (["tmx", "--langs", "all", "--srclang", "de"], 2, "--langs all writes every language"),
        (["tbx", "--srclang", "de/CH"], 1, "invalid language tag 'de/CH'"),
        (["tbx", "--srclang", "en"], 1, "source and target languages are both 'en'"),
    ):
        result = run(glossary, "export", *args, code=code)
        assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    memory = run(glossary, "export", "tmx", "--status", "approved", code=0)  # said, not silently ignored
    assert memory.stderr.startswith("tmtool: --status chooses glossary entries: tmx writes the memory, every unit\n")


# ---- look-up and stats --------------------------------------------------------------------------


def test_lookup_of_a_german_term_shows_its_french_and_english(glossary):
    assert run(glossary, "lookup", "Militärausschuss").stdout == (
        "Comité militaire  =  Military Committee · MC   [approved; exact; #1]\n"
        "  de: Militärausschuss\n"
        "  es: Comité Militar\n")
    assert run(glossary, "lookup", "streitkrafte", "--lang", "de").stdout == (
        "en: armed forces  =  de: Streitkräfte   [approved; folded; #2]\n")
    [hit] = json.loads(run(glossary, "lookup", "Comité Militar", "--json").stdout)
    assert (hit["de"][0]["text"], hit["fr"][0]["text"], hit["match"]) == ("Militärausschuss", "Comité militaire",
                                                                          "exact")
    # --lang narrows to one language: the Spanish term is no German one
    assert run(glossary, "lookup", "Comité Militar", "--lang", "de", code=1).stdout == ""


def test_stats_count_per_language_and_pair(memory, tmp_path):
    tbx = tmp_path / "four.tbx"
    tbx.write_text(FOUR_LANGUAGES_TBX, encoding="utf-8")
    run(memory, "import", tbx)
    lines = run(memory, "stats").stdout.splitlines()
    assert lines[lines.index("entries rejected     0") + 1:] == [
        "units de→fr          1",
        "units en→de          1",
        "units fr→en          2",
        "variants de          1",
        "variants en          1",
        "variants es          1",
        "variants fr          1",
        "terms de             2",
        "terms en             3",
        "terms es             1",
        "terms fr             1",
    ]


# ---- ingest and align of another pair -----------------------------------------------------------


def test_ingest_of_a_german_french_pair_stores_units_and_says_terms_are_not_extracted(tmp_path):
    db = tmp_path / "t.db"
    result = run(db, "ingest", TEXTBERG / "test3.de", TEXTBERG / "test3.fr", "--srclang", "de", "--tgtlang", "fr")
    assert result.stderr == ("note: no term extraction for de→fr: terms are extracted from French–English pairs"
                             " (either way) and from pairs of English and another language written with spaces"
                             " between words; the units are stored\n")
    with open_store(db, create=True) as store:
        units = list(store.units())
        assert store.stats()["entries"] == 0
        [(document, count)] = store.documents()
    assert result.stdout == f"test3: {len(units)} units, 0 new entries, 0 updated entries\n"
    assert count == len(units) > 20 and (document.srclang, document.tgtlang) == ("de", "fr")
    assert {(u.srclang, u.tgtlang) for u in units} == {("de", "fr")}
    german = (TEXTBERG / "test3.de").read_text(encoding="utf-8").splitlines()
    french = (TEXTBERG / "test3.fr").read_text(encoding="utf-8").splitlines()
    assert (units[1].source, units[1].target) == (german[1].strip(), french[1].strip())  # "Albert Schmidt , Engi"
    out = tmp_path / "de-fr.tmx"
    assert run(db, "export", "tmx", "--srclang", "de", "--tgtlang", "fr", "-o", out).stderr == (
        f"{len(units)} units written to {out}\n")
    assert tmx_schema_errors(out) == []


def inbox_of(tmp_path, files: dict[str, str]):
    """A folder holding ``files`` (name → one line of text)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in files.items():
        (inbox / name).write_text(text + "\n", encoding="utf-8")
    return inbox


def test_ingest_dir_pairs_files_named_in_the_languages_given(tmp_path):
    db = tmp_path / "t.db"
    inbox = inbox_of(tmp_path, {"bericht.de.txt": "Der Militärausschuss tritt zusammen. Er berät die Allianz.",
                                "bericht.fr.txt": "Le Comité militaire se réunit. Il conseille l’Alliance.",
                                "rapport.en.txt": "The Military Committee meets."})
    result = run(db, "ingest", "--dir", inbox, "--srclang", "de", "--tgtlang", "fr")
    assert result.stdout.endswith("1 document ingested, 0 already stored, 0 failed, 1 file skipped; 2 new units,"
                                  " 0 new entries, 0 updated entries\n")
    assert "skipped: rapport.en.txt: in en, not de or fr (--srclang and --tgtlang choose the languages of the" \
           " pairs)" in result.stderr
    with open_store(db, create=True) as store:
        assert [(u.tuid, u.source, u.target) for u in store.units()] == [
            ("bericht:1", "Der Militärausschuss tritt zusammen.", "Le Comité militaire se réunit."),
            ("bericht:2", "Er berät die Allianz.", "Il conseille l’Alliance.")]


def test_ingest_dir_of_pairs_in_several_languages_skips_the_files_of_other_pairs_rather_than_failing(tmp_path):
    # one folder, two pairs: bericht de→en and huiyi zh→en; each run takes its pair and passes over the other's files
    db, english = tmp_path / "t.db", "The Military Committee meets. It advises the Alliance."
    inbox = inbox_of(tmp_path, {"bericht.de.txt": "Der Militärausschuss tritt zusammen. Er berät die Allianz.",
                                "bericht.en.txt": english, "huiyi.zh.txt": "军事委员会开会。它向联盟提供建议。",
                                "huiyi.en.txt": english, "seul.en.txt": "The Committee meets."})
    result = run(db, "ingest", "--dir", inbox, "--srclang", "de", "--tgtlang", "en", "--no-terms", code=1)
    assert "skipped: huiyi.en.txt: its counterpart huiyi.zh.txt is in zh, not de (--srclang and --tgtlang choose" \
           " the languages of the pairs)" in result.stderr
    # a file with no counterpart in any language still fails
    assert "failed: seul.en.txt: no de counterpart" in result.stderr and "failed: huiyi" not in result.stderr
    (inbox / "seul.en.txt").unlink()
    result = run(db, "ingest", "--dir", inbox, "--srclang", "zh", "--tgtlang", "en", "--no-terms")
    assert result.stdout.endswith("1 document ingested, 0 already stored, 0 failed, 2 files skipped; 2 new units,"
                                  " 0 new entries, 0 updated entries\n")
    assert "skipped: bericht.en.txt: its counterpart bericht.de.txt is in de, not zh" in result.stderr


def test_an_aligned_german_french_memory_imports_as_such(tmp_path):
    aligned, db = tmp_path / "test4.tmx", tmp_path / "t.db"
    run(db, "align", TEXTBERG / "test4.de", TEXTBERG / "test4.fr", "--presegmented", "--srclang", "de",
        "--tgtlang", "fr", "-o", aligned)
    added = int(run(db, "import", aligned).stdout.split()[0])
    assert f"units de→fr          {added}" in run(db, "stats").stdout and added > 25


def test_extraction_and_alignment_draw_on_french_english_evidence_only(store):
    store.add_units([Unit("Le Comité militaire se réunit.", "The Military Committee meets.", "fr-FR", "en-GB"),
                     Unit("Le Comité militaire tagt.", "Der Militärausschuss tagt.", "fr-FR", "de-DE"),
                     Unit("Der Militärausschuss tagt.", "Le Comité militaire se réunit.", "de-DE", "fr-FR")], "hand")
    assert [c.en for c in store.memory_contexts(["militaire"])] == ["The Military Committee meets."]
    rules.import_entries(store, [Entry([Term("Militärausschuss", "de"), Term("Comité militaire", "fr"),
                                 Term("Military Committee", "en")], status=ReviewStatus.APPROVED)], "hand")
    assert store.lexicon_pairs() == [("Comité militaire", "Military Committee")]
    assert store.lexicon_pairs("de", "fr") == [("Militärausschuss", "Comité militaire")]


# ---- a store of the previous release --------------------------------------------------------------


def test_a_store_of_the_previous_release_migrates_without_loss(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    source, target = "Le Comité militaire se réunit.", "The Military Committee meets."
    old_key = hashlib.sha1("\x00".join(["fr-FR", "en-GB", source, target]).encode()).hexdigest()  # as 8 made it
    monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:8])
    with open_store(path, create=True) as old:
        old._conn.execute(
            "INSERT INTO units (tuid, source, target, srclang, tgtlang, match_text, content_key, origin, props,"
            " source_markup) VALUES ('1', ?, ?, 'fr-FR', 'en-GB', ?, ?, 'old.tmx', '{\"x-domain\": \"NATO\"}', ?)",
            (source, target, normalize_for_match(source), old_key, None))
        for index in ("units_fts", "units_grams"):  # its indexes, as it indexed its units
            old._conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        # its TBX reader already kept every langSec of an entry; imported as that release wrote it
        # (the columns later migrations add to entries, terms and changes were not there)
        entry = Entry([Term("Comité militaire", "fr"), Term("Military Committee", "en"),
                       Term("Militärausschuss", "de")], status=ReviewStatus.APPROVED)
        now = iso(utcnow())
        old._conn.execute("INSERT INTO entries (id, status, reviewed, created, updated) VALUES (1, 'approved', 1, ?, ?)",
                          (now, now))
        for position, term in enumerate(entry.terms):
            term_id = old._conn.execute("INSERT INTO terms (entry_id, position, lang, text, pos, type, usage)"
                                        " VALUES (1, ?, ?, ?, 'noun', 'fullForm', 'preferred')",
                                        (position, term.lang, term.text)).lastrowid
            old._conn.executemany("INSERT INTO lookup_keys (key, kind, term_id) VALUES (?, ?, ?)",
                                  [(key, kind, term_id) for key, kind in term_keys([term.text], acronym=False)])
        old._conn.execute("INSERT INTO changes (time, action, before, after) VALUES (?, 'import old.tbx', ?, ?)",
                          (now, json.dumps({"1": None}), json.dumps({"1": entry_snapshot(entry, reviewed=True)})))
        columns = {name: ", ".join(row[1] for row in old._query(f"PRAGMA table_info({name})")) for name in
                   ("units", "entries", "terms", "lookup_keys", "changes", "imports", "documents")}
        tables = {name: old._query(f"SELECT {columns[name]} FROM {name} ORDER BY 1") for name in columns}
    monkeypatch.undo()

    with open_store(path, create=True) as store:
        assert store._query("PRAGMA user_version")[0][0] == len(MIGRATIONS)
        # what the old release stored is all there, as it was (later migrations add columns beside it)
        assert {name: store._query(f"SELECT {columns[name]} FROM {name} ORDER BY 1") for name in tables} == tables
        [unit] = store.units()
        assert (unit.source, unit.target, unit.props, unit.variants) == (source, target, {"x-domain": "NATO"}, [])
        # the unit keeps its identity: importing it again adds nothing
        assert store.add_units([Unit(source, target, "fr-FR", "en-GB")], "again.tmx") == (0, 1, 0)
        assert [hit.entry.id for hit in lookup(store, "Militärausschuss")] == ["1"]
        assert store.stats()["terms de"] == 1
