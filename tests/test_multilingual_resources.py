"""Multilingual resources a terminology office imports, read as their producers mean them: IATE's TBX export,
and the UN's glossaries of six columns, one a language, headed in any of the six."""

from __future__ import annotations

import json

import pytest

from lxml import etree

from conftest import run
from tmtool.store import open_store

TBX = "{urn:iso:std:iso:30042:ed-2}"

# shaped as IATE's export (iate.europa.eu, "Download"): one subject field an entry, each term its termType,
# reliabilityCode and, for some, an administrativeStatus, among them IATE's proposedTerm-admn-sts
IATE = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>IATE export</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="7654321"><descrip type="subjectField">defence</descrip>
<langSec xml:lang="de"><termSec><term>Schnelle Eingreiftruppe</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
<termSec><term>Krisenreaktionskräfte</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">6</descrip><termNote type="administrativeStatus">proposedTerm-admn-sts</termNote></termSec>
</langSec>
<langSec xml:lang="en"><termSec><term>rapid reaction force</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip></termSec>
<termSec><term>RRF</term><termNote type="termType">abbreviation</termNote><descrip type="reliabilityCode">9</descrip></termSec>
<termSec><term>rapid deployment force</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">6</descrip><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
</langSec>
<langSec xml:lang="fr"><termSec><term>force de réaction rapide</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip></termSec>
<termSec><term>FRR</term><termNote type="termType">abbreviation</termNote><descrip type="reliabilityCode">9</descrip></termSec>
</langSec>
</conceptEntry>
</body></text></tbx>
"""


def test_a_term_iate_gives_as_proposed_is_admitted_not_preferred(tmp_path):
    """IATE marks a term proposed but not yet adopted ``proposedTerm-admn-sts``: it was read as preferred,
    and exported as ``preferredTerm-admn-sts`` beside the entry's preferred term; now admitted."""
    (tmp_path / "iate.tbx").write_text(IATE, encoding="utf-8")
    db = tmp_path / "store.db"
    run(db, "import", tmp_path / "iate.tbx", "--status", "approved")
    [hit] = json.loads(run(db, "lookup", "Krisenreaktionskräfte", "--json").stdout)
    usages = {t["text"]: t["usage"] for t in hit["terms"]}
    assert usages == {"Schnelle Eingreiftruppe": "preferred", "Krisenreaktionskräfte": "admitted",
                      "rapid reaction force": "preferred", "RRF": "preferred",
                      "rapid deployment force": "deprecated", "force de réaction rapide": "preferred",
                      "FRR": "preferred"}
    run(db, "export", "tbx", "--langs", "all", "-o", tmp_path / "out.tbx")
    statuses = {section.findtext(f"{TBX}term"): section.findtext(f"{TBX}termNote[@type='administrativeStatus']")
                for section in etree.parse(str(tmp_path / "out.tbx")).iter(f"{TBX}termSec")}
    assert statuses["Krisenreaktionskräfte"] == "admittedTerm-admn-sts"
    assert statuses["Schnelle Eingreiftruppe"] == "preferredTerm-admn-sts"


# The UN's six official languages, as a glossary made in Spanish, Russian, Arabic or Chinese heads its columns
UN_HEADERS = {
    "es": "Inglés,Francés,Español,Ruso,Árabe,Chino",
    "ru": "Английский,Французский,Испанский,Русский,Арабский,Китайский",
    "ar": "الإنكليزية,الفرنسية,الإسبانية,الروسية,العربية,الصينية",
    "zh": "英文,法文,西班牙文,俄文,阿拉伯文,中文",
}
UN_ROW = "Security Council,Conseil de sécurité,Consejo de Seguridad,Совет Безопасности,مجلس الأمن,安全理事会"


@pytest.mark.parametrize("written_in", sorted(UN_HEADERS))
def test_a_un_glossary_keeps_its_six_languages_whichever_of_them_heads_its_columns(tmp_path, written_in):
    """A glossary headed in Spanish, Russian, Arabic or Chinese kept English, French and its own language
    only: the other columns (``Ruso``, ``Испанский``, ``الصينية``, ``西班牙文``) were passed over, not read."""
    (tmp_path / "un.csv").write_text(f"{UN_HEADERS[written_in]}\n{UN_ROW}\n", encoding="utf-8")
    db = tmp_path / "store.db"
    result = run(db, "import", tmp_path / "un.csv")
    assert "not read" not in result.output
    for query, lang in (("مجلس الامن", "ar"), ("安全理事", "zh"), ("совет безопасности", "ru"), ("consejo de seguridad", "es")):
        [hit] = json.loads(run(db, "lookup", query, "--lang", lang, "--json").stdout)
        assert {t["lang"]: t["text"] for t in hit["terms"]} == {
            "en": "Security Council", "fr": "Conseil de sécurité", "es": "Consejo de Seguridad",
            "ru": "Совет Безопасности", "ar": "مجلس الأمن", "zh": "安全理事会"}


def test_a_term_column_beside_the_languages_columns_is_not_taken_for_french(tmp_path):
    """A multilingual vocabulary exported a concept a row (IEC's Electropedia: ``term_id, term, term_url``,
    then a column a language) heads its English headword ``term``: tmtool read ``term`` as the French
    column's other name, and stored *equality* as a French term beside *égalité*. A column named by its
    role only (term, source, target …) is passed over, and said, where another column names its language."""
    (tmp_path / "vocabulary.csv").write_text(
        "term_id,term,term_url,ar,de,en,es,fr,ja,ru,zh\n"
        "102-01-04,subset,https://example.org/iev/102-01-04,مجموعة جزئية,Teilmenge,subset,subconjunto,"
        "sous-ensemble,部分集合,подмножество,子集\n", encoding="utf-8")
    db = tmp_path / "store.db"
    result = run(db, "import", tmp_path / "vocabulary.csv")
    assert "column 'term' not read" in result.output
    [hit] = json.loads(run(db, "lookup", "Teilmenge", "--json").stdout)
    assert sorted((t["lang"], t["text"]) for t in hit["terms"]) == [
        ("ar", "مجموعة جزئية"), ("de", "Teilmenge"), ("en", "subset"), ("es", "subconjunto"), ("fr", "sous-ensemble"),
        ("ja", "部分集合"), ("ru", "подмножество"), ("zh", "子集")]


def test_a_source_column_citing_where_a_term_comes_from_is_no_french_term(tmp_path):
    """A NATO glossary's ``Source`` column names the publication a term is from: it was read as the French
    column's other name, and *AAP-6* stored as a French term of every entry. It is a line of the entry's note
    (it was then passed over, and the citation lost)."""
    (tmp_path / "glossary.csv").write_text(
        "English,French,Spanish,Source\nminehunter,chasseur de mines,cazaminas,AAP-6\n", encoding="utf-8")
    db = tmp_path / "store.db"
    result = run(db, "import", tmp_path / "glossary.csv")
    assert "not read" not in result.output
    [hit] = json.loads(run(db, "lookup", "cazaminas", "--json").stdout)
    assert sorted((t["lang"], t["text"]) for t in hit["terms"]) == [
        ("en", "minehunter"), ("es", "cazaminas"), ("fr", "chasseur de mines")]
    assert hit["note"] == "Source: AAP-6"
    run(db, "lookup", "AAP-6", code=1)


# ---- Arabic-script letters written one for another ----------------------------------------------------------

ARABIC_SCRIPT_TERMS = (("ar", "المستشفى العسكري", "hôpital militaire"), ("ar", "الجمعية العامة", "Assemblée générale"),
                       ("fa", "کمیته نظامی", "Comité militaire"), ("ar", "مستشفي ميداني", "hôpital de campagne"))
# each look-up as another hand writes it: final yeh for alef maqsura and back, heh for teh marbuta, and Persian
# typed on an Arabic keyboard (Arabic's kaf and yeh for Persian's)
ARABIC_SCRIPT_QUERIES = (("المستشفي العسكري", "المستشفى العسكري"), ("الجمعيه العامه", "الجمعية العامة"),
                         ("كميته نظامي", "کمیته نظامی"), ("مستشفى ميداني", "مستشفي ميداني"))


def _arabic_script_matches(store) -> list[tuple[str, str]]:
    from tmtool.lookup import lookup

    return [next(((hit.match, hit.matched) for hit in lookup(store, query)), None)
            for query, _ in ARABIC_SCRIPT_QUERIES]


def test_an_arabic_or_persian_term_is_found_as_another_hand_or_keyboard_writes_its_letters(store_url):
    """A Persian term typed on an Arabic keyboard (كميته for کمیته) found nothing; an Arabic one written with
    yeh for its final alef maqsura (المستشفي) or heh for its teh marbuta (الجمعيه) only as a fuzzy neighbour,
    after "no glossary entry". Now each is the term, folded."""
    from tmtool import api

    with open_store(store_url, create=True) as store:
        for lang, text, french in ARABIC_SCRIPT_TERMS:
            api.add_entry(store, [french], terms={lang: [text]})
        assert _arabic_script_matches(store) == [("folded", term) for _, term in ARABIC_SCRIPT_QUERIES]
        assert api.check_store(store) == []


def test_a_store_made_before_finds_its_arabic_and_persian_terms_so_written_once_upgraded(store_url, monkeypatch):
    from tmtool import api
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations
    from tmtool.text import normalize

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._spelling_keys)])
    monkeypatch.setattr(postgres, "MIGRATIONS",
                        schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._spelling_keys)])
    from conftest import queuing_no_counts, written_today
    queuing_no_counts(monkeypatch)  # nor did it queue counts
    monkeypatch.setattr(normalize, "arabic_script_spelling", lambda text: text)  # the release before's keys
    try:
        with open_store(store_url, create=True) as old:
            written_today(old)
            for lang, text, french in ARABIC_SCRIPT_TERMS:
                api.add_entry(old, [french], terms={lang: [text]})
    finally:
        monkeypatch.undo()
    with open_store(store_url) as store:
        assert _arabic_script_matches(store) == [("folded", term) for _, term in ARABIC_SCRIPT_QUERIES]
        assert api.check_store(store) == []  # the keys are those the terms are given today, no stale one left


# ---- an EU memory of many languages: fuzzy search in each ---------------------------------------------------

# shaped as DGT-TM's files: UTF-16 with a byte-order mark, each language in one <tu>, tags in capitals in the
# legacy lang attribute, the header's srclang English, the CELEX number as a prop
DGT_TMX = """<?xml version="1.0" encoding="UTF-16LE"?>
<tmx version="1.4">
<header creationtool="TMXtract" creationtoolversion="2.0" o-tmf="ECtmx" datatype="plaintext" segtype="sentence"
 adminlang="EN-GB" srclang="EN-GB"/>
<body>
<tu><prop type="Txt::Doc. No.">32019D0002</prop>
<tuv lang="EN-GB"><seg>The Military Committee shall meet at least once a month.</seg></tuv>
<tuv lang="BG-BG"><seg>Военният комитет заседава поне веднъж месечно.</seg></tuv>
<tuv lang="DE-DE"><seg>Der Militärausschuss tritt mindestens einmal im Monat zusammen.</seg></tuv>
<tuv lang="ES-ES"><seg>El Comité Militar se reunirá al menos una vez al mes.</seg></tuv>
<tuv lang="FR-FR"><seg>Le comité militaire se réunit au moins une fois par mois.</seg></tuv>
</tu>
<tu><prop type="Txt::Doc. No.">32019D0002</prop>
<tuv lang="EN-GB"><seg>This Decision shall enter into force on the day of its adoption.</seg></tuv>
<tuv lang="BG-BG"><seg>Настоящото решение влиза в сила в деня на приемането му.</seg></tuv>
<tuv lang="DE-DE"><seg>Dieser Beschluss tritt am Tag seiner Annahme in Kraft.</seg></tuv>
<tuv lang="ES-ES"><seg>La presente Decisión entrará en vigor el día de su adopción.</seg></tuv>
</tu>
</body>
</tmx>
"""


def test_a_memory_of_many_languages_is_searched_in_each_not_its_first_two_only(store_url, tmp_path):
    """DGT-TM's units hold English, Bulgarian, German, Spanish, French …: stored as English → Bulgarian with
    the others as the unit's other languages, which ``tm search`` never looked at: the German of a unit,
    typed as it stands, was no match."""
    from tmtool import api

    tmx = tmp_path / "32019D0002.tmx"
    tmx.write_bytes(b"\xff\xfe" + DGT_TMX.encode("utf-16-le"))
    run(store_url, "import", tmx)
    found = run(store_url, "tm", "search", "Der Militärausschuss tritt einmal im Monat zusammen.", "--lang", "de")
    assert found.stdout == (" 82.5%  Der Militärausschuss tritt mindestens einmal im Monat zusammen.\n"
                            "        The Military Committee shall meet at least once a month.  [de-DE of en-GB→bg-BG]\n")
    with open_store(store_url) as store:
        [match] = api.search(store, "La presente Decisión entrará en vigor el día de su adopción", lang="es")
        assert (match["side"], match["lang"], match["matched"], match["translation"], match["translation_lang"]) == (
            "variant", "es-ES", "La presente Decisión entrará en vigor el día de su adopción.",
            "This Decision shall enter into force on the day of its adoption.", "en-GB")
        # in any language, a unit once, by its best side; in another language, none
        assert [(m["tuid"], m["lang"]) for m in api.search(store, "Le comité militaire se réunit une fois par mois")] == [
            (None, "fr-FR")]
        assert api.search(store, "Le comité militaire se réunit une fois par mois", lang="de") == []


def test_a_termbase_s_definition_in_each_language_is_the_entry_s_definition_not_a_note(tmp_path):
    """A multilingual termbase defines its concept in each language section: the first definition read was
    the entry's, the others notes ``definition: …`` among the reliability codes, where a memoQ CSV's
    definitions in each language are the definition, a line each. Now a TBX's are too."""
    path = tmp_path / "nac.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><descrip type="subjectField">defence</descrip>
<langSec xml:lang="en"><descrip type="definition">The principal political decision-making body within NATO.</descrip>
<termSec><term>North Atlantic Council</term></termSec><termSec><term>NAC</term>
<termNote type="termType">acronym</termNote></termSec></langSec>
<langSec xml:lang="fr"><descrip type="definition">Principal organe de décision politique au sein de l'OTAN.</descrip>
<termSec><term>Conseil de l'Atlantique Nord</term></termSec></langSec>
<langSec xml:lang="de"><descrip type="definition">Das wichtigste politische Entscheidungsgremium der NATO.</descrip>
<termSec><term>Nordatlantikrat</term></termSec></langSec>
<langSec xml:lang="es"><descrip type="definition">The principal political decision-making body within NATO.</descrip>
<termSec><term>Consejo del Atlántico Norte</term></termSec></langSec>
</conceptEntry></body></text></tbx>
""", encoding="utf-8")
    db = tmp_path / "store.db"
    run(db, "import", path)
    [hit] = json.loads(run(db, "lookup", "Nordatlantikrat", "--json").stdout)
    assert hit["definition"].split("\n") == [
        "The principal political decision-making body within NATO.",
        "Principal organe de décision politique au sein de l'OTAN.",
        "Das wichtigste politische Entscheidungsgremium der NATO."]  # the Spanish section's, the English again: once
    assert hit["note"] == "subjectField: defence"


def test_check_reads_an_arabic_or_persian_term_as_look_up_finds_it(tmp_path):
    """``check`` found *الجمعية العامة* missing from a translation writing it with heh for its teh marbuta, and
    a Persian term typed on an Arabic keyboard missing from its translation, which look-up finds as the term."""
    db = tmp_path / "store.db"
    run(db, "glossary", "add", "--term", "fr=Assemblée générale", "--term", "ar=الجمعية العامة", "--status", "approved")
    run(db, "glossary", "add", "--term", "fr=comité militaire", "--term", "fa=کمیته نظامی", "--status", "approved")
    (tmp_path / "memory.tmx").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
 srclang="fr-FR" datatype="plaintext"/><body>
<tu><tuv xml:lang="fr-FR"><seg>L'Assemblée générale se réunit.</seg></tuv><tuv xml:lang="ar"><seg>تجتمع الجمعيه العامه.</seg></tuv></tu>
<tu><tuv xml:lang="fr-FR"><seg>Le comité militaire se réunit.</seg></tuv><tuv xml:lang="fa"><seg>كميته نظامي جلسه دارد.</seg></tuv></tu>
<tu><tuv xml:lang="fr-FR"><seg>L'Assemblée générale vote.</seg></tuv><tuv xml:lang="ar"><seg>تصوت الجمعية العامة.</seg></tuv></tu>
</body></tmx>""", encoding="utf-8")
    assert json.loads(run(db, "check", tmp_path / "memory.tmx", "--format", "json").stdout) == []


# IATE's older export names its concepts IATE-<number>, and writes a Latin name, a symbol or a formula, the same in
# every language, in the language "mul"
IATE_MUL = IATE.replace('<conceptEntry id="7654321">', '<conceptEntry id="IATE-1118513">').replace(
    '<langSec xml:lang="fr">', '<langSec xml:lang="mul"><termSec><term>Mn</term><termNote type="termType">'
    'shortForm</termNote><descrip type="reliabilityCode">9</descrip></termSec></langSec>\n<langSec xml:lang="fr">')


def test_an_iate_concept_id_that_is_no_number_is_kept_and_a_taken_one_said(tmp_path):
    """An IATE concept id such as IATE-1118513, no number the store could keep as the entry's, was dropped without
    a word, and with it the way back to the concept in IATE. It is a line of the entry's note, and the import says
    it did not keep it as the entry's id; so it says of a numeric id another entry of the store already has."""
    (tmp_path / "iate.tbx").write_text(IATE_MUL, encoding="utf-8")
    (tmp_path / "numeric.tbx").write_text(  # another concept, numbered 1 in IATE's newer export
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en"'
        ' xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>IATE export</p></sourceDesc>'
        '</fileDesc></tbxHeader><text><body><conceptEntry id="1"><langSec xml:lang="en"><termSec><term>frigate</term>'
        '</termSec></langSec><langSec xml:lang="fr"><termSec><term>frégate</term></termSec></langSec></conceptEntry>'
        '</body></text></tbx>', encoding="utf-8")
    db = tmp_path / "store.db"
    first = run(db, "import", tmp_path / "iate.tbx", "--status", "approved")
    assert first.stderr == (f"tmtool: {tmp_path / 'iate.tbx'}: entry ids not kept: IATE-1118513 is no number; the"
                            " store numbers these entries itself\n")
    [hit] = json.loads(run(db, "lookup", "force de réaction rapide", "--json").stdout)
    assert (hit["id"], hit["note"].splitlines()[-1]) == ("1", "ID: IATE-1118513")
    second = run(db, "import", tmp_path / "numeric.tbx", "--status", "approved")
    assert second.stderr == (f"tmtool: {tmp_path / 'numeric.tbx'}: entry ids not kept: 1 is another entry’s here;"
                             " the store numbers these entries itself\n")


@pytest.mark.parametrize("fmt", ["tbx", "tbx-martif", "csv", "xlsx", "po", "tsv"])
def test_iate_terms_of_every_language_go_with_every_pair(tmp_path, fmt):
    """IATE's ``mul`` terms (a symbol, a Latin name: the same in every language) were in no export of a pair: a
    French–English export left them out as a language of its own. They are the pair's too: a TBX writes them in
    their own language section, as IATE does, a CSV, XLSX or PO keeps them beside the pair's terms (its details),
    the OmegaT glossary names them in the comment; imported again, each export is the entry it came from."""
    (tmp_path / "iate.tbx").write_text(IATE_MUL, encoding="utf-8")
    db, out = tmp_path / "store.db", tmp_path / f"out.{'tbx' if fmt == 'tbx-martif' else fmt}"
    run(db, "import", tmp_path / "iate.tbx", "--status", "approved")
    exported = run(db, "export", fmt, "-o", out)
    assert "mul" not in exported.stderr  # not said left out: written
    if fmt in ("tbx", "tbx-martif"):
        sections = {element.get("{http://www.w3.org/XML/1998/namespace}lang"): [
            term.text for term in element.iter("{*}term")] for element in etree.parse(str(out)).iter(
            "{*}langSec", "{*}langSet")}
        assert sections == {"fr": ["force de réaction rapide", "FRR"], "en": [
            "rapid reaction force", "RRF", "rapid deployment force"], "mul": ["Mn"]}
    elif fmt == "tsv":
        assert [line.split("\t")[2].split(" — ")[0] for line in out.read_text(encoding="utf-8").splitlines()] == [
            "mul: Mn", "deprecated: rapid deployment force", "mul: Mn"]
    again = tmp_path / "again.db"
    run(again, "import", tmp_path / "iate.tbx", "--status", "approved")
    assert run(again, "import", out).stdout.startswith("0 entries added, ")  # the entry it came from
    if fmt != "tsv":  # a table of pairs holds a pair's terms; the others the entry's mul term too
        fresh = tmp_path / "fresh.db"
        run(fresh, "import", out)
        [hit] = json.loads(run(fresh, "lookup", "Mn", "--json").stdout)
        assert ("mul", "Mn") in [(term["lang"], term["text"]) for term in hit["terms"]]
