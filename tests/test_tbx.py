"""TBX v3 (TBX-Basic, DCA) and TBX 2008 martif: validity against the published schemas, readers of the
CAT world, lossless round trips, and refusal of bad files."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, isoschematron

from tmtool.errors import TmtoolError
from tmtool.formats.tbx import read_tbx, write_tbx, write_tbx_martif
from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, UsageStatus

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCHEMAS = SHARED / "schemas"
TBX_EXAMPLES = SCHEMAS / "tbx" / "examples"
SEED_GOLD = REPO / "tests" / "data" / "seed.alignment.gold.json"


def _seed_context(fr_term: str, en_term: str) -> Context:
    """The first sentence pair of the seed's gold alignment in which both terms occur."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    for number, (src, tgt) in enumerate(gold["beads"], 1):
        fr = " ".join(gold["fr"][i] for i in src)
        en = " ".join(gold["en"][i] for i in tgt)
        if fr_term in fr and en_term in en:
            return Context(fr=fr, en=en, document="2021-07-13-partners-meeting", unit=f"seed:{number}")
    raise AssertionError(f"{fr_term!r} / {en_term!r} not found together in the seed")


def seed_entries() -> list[Entry]:
    """Three entries of the seed pair, by hand, using every field the model has."""
    seen = datetime(2021, 7, 13, 9, 30, tzinfo=timezone.utc)
    ims = Entry(
        id="42",  # a store id: not an XML ID as it stands
        terms=[
            Term("État-major militaire international", "fr", gender="masculine",
                 lemma="état-major militaire international", forms=["État-major militaire international"]),
            Term("EMI", "fr", pos="properNoun", term_type=TermType.ACRONYM, usage=UsageStatus.ADMITTED),
            Term("International Military Staff", "en", confidence=0.92, frequency=3,
                 contexts=[_seed_context("État-major militaire international", "International Military Staff")]),
            Term("IMS", "en", pos="properNoun", term_type=TermType.ACRONYM, usage=UsageStatus.ADMITTED),
        ],
        status=ReviewStatus.APPROVED,
        definition="Organe exécutif du Comité militaire de l’OTAN.",
        note="Vérifié dans NATOTerm.\nForme longue d’abord.",
        frequency=4,
        score=12.375,
        contexts=[_seed_context("(EMI)", "(IMS)"), _seed_context("Division Sécurité coopérative de l’EMI", "IMS")],
        first_seen=seen,
        last_seen=datetime(2021, 7, 14, 8, 0, tzinfo=timezone.utc),
    )  # fmt: skip
    division = Entry(
        id="division-securite-cooperative",
        terms=[Term("Division Sécurité coopérative", "fr", gender="feminine"),
               Term("Cooperative Security Division", "en")],
        frequency=2,
        score=5.5,
        contexts=[_seed_context("Division Sécurité coopérative", "Cooperative Security Division")],
        first_seen=seen,
        last_seen=seen,
    )  # fmt: skip
    partner = Entry(
        id="pays partenaire",  # a space: escaped on the way out, restored on the way in
        terms=[Term("pays partenaire", "fr", gender="masculine", forms=["pays partenaires"]),
               Term("partner country", "en", forms=["partner countries"], usage=UsageStatus.PREFERRED),
               Term("partner nation", "en", usage=UsageStatus.DEPRECATED)],
        status=ReviewStatus.REJECTED,
        contexts=[_seed_context("pays partenaires", "partner countries")],
    )  # fmt: skip
    return [ims, division, partner]


@pytest.fixture(scope="module")
def tbx_basic_checks():
    """The TBX v3 core RELAX NG and the TBX-Basic DCA Schematron."""
    relaxng = etree.RelaxNG(etree.parse(str(SCHEMAS / "tbx" / "TBXcoreStructV03.rng")))
    schematron = isoschematron.Schematron(etree.parse(str(SCHEMAS / "tbx" / "TBX-Basic_DCA.xslt1.sch")))
    return relaxng, schematron


def _errors(validator, path: Path) -> str:
    validator.validate(etree.parse(str(path)))
    return "\n".join(str(error) for error in validator.error_log)


def test_tbx_v3_passes_the_core_structure_and_the_tbx_basic_schematron(tmp_path, tbx_basic_checks):
    relaxng, schematron = tbx_basic_checks
    out = tmp_path / "seed.tbx"
    assert write_tbx(seed_entries(), out) == 3
    assert relaxng.validate(etree.parse(str(out))), _errors(relaxng, out)
    assert schematron.validate(etree.parse(str(out))), _errors(schematron, out)
    root = etree.parse(str(out)).getroot()
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    assert root.getroottree().docinfo.encoding.lower() == "utf-8"
    ids = root.xpath("//t:conceptEntry/@id", namespaces={"t": "urn:iso:std:iso:30042:ed-2"})
    assert ids == ["_42", "division-securite-cooperative", "_pays_20_partenaire"]


def test_the_checks_can_fail_on_the_shared_invalid_examples(tbx_basic_checks):
    relaxng, schematron = tbx_basic_checks
    assert relaxng.validate(etree.parse(str(TBX_EXAMPLES / "core_structure_good.tbx")))
    assert not relaxng.validate(etree.parse(str(TBX_EXAMPLES / "core_structure_bad.tbx")))
    assert schematron.validate(etree.parse(str(TBX_EXAMPLES / "Example_Astronomy_DCA_VALID.tbx")))
    assert not schematron.validate(etree.parse(str(TBX_EXAMPLES / "basic_bad.tbx")))


def test_martif_passes_the_tbx_2008_schema(tmp_path):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "tbx-martif" / "tbx.xsd")))
    out = tmp_path / "seed.martif.tbx"
    assert write_tbx_martif(seed_entries(), out, srclang="fr-FR", tgtlang="en-GB") == 3
    document = etree.parse(str(out))
    assert schema.validate(document), schema.error_log
    assert document.getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == "fr-FR"


def test_translate_toolkit_reads_our_martif_with_french_source(tmp_path):
    from translate.storage.tbx import tbxfile

    out = tmp_path / "seed.martif.tbx"
    write_tbx_martif(seed_entries(), out)
    store = tbxfile.parsefile(str(out))
    pairs = [(unit.source, unit.target) for unit in store.units]
    assert pairs == [
        ("État-major militaire international", "International Military Staff"),
        ("Division Sécurité coopérative", "Cooperative Security Division"),
        ("pays partenaire", "partner country"),
    ]


@pytest.mark.parametrize("write", [write_tbx, write_tbx_martif])
def test_round_trip_loses_nothing(tmp_path, write):
    entries = seed_entries()
    out = tmp_path / "seed.tbx"
    write(entries, out)
    assert list(read_tbx(out)) == entries


def test_administrative_status_is_preferred_only_in_approved_entries(tmp_path, tbx_basic_checks):
    """A candidate's terms are at best admitted, a rejected entry's deprecated; the terms' own usage and
    the review status come back."""
    relaxng, schematron = tbx_basic_checks
    entries = [
        Entry(id=status.value, status=status, terms=[
            Term("Comité militaire", "fr"), Term("Military Committee", "en"),
            Term("MC", "en", term_type=TermType.ACRONYM, usage=UsageStatus.ADMITTED),
            Term("Military Commitee", "en", usage=UsageStatus.DEPRECATED)])
        for status in ReviewStatus
    ]  # fmt: skip
    shown = {
        ReviewStatus.APPROVED: ["preferred", "preferred", "admitted", "deprecated"],
        ReviewStatus.CANDIDATE: ["admitted", "admitted", "admitted", "deprecated"],
        ReviewStatus.REJECTED: ["deprecated"] * 4,
    }
    for write in (write_tbx, write_tbx_martif):
        out = tmp_path / f"{write.__name__}.tbx"
        write(entries, out)
        document = etree.parse(str(out))
        for element, entry in zip(document.xpath("//*[local-name()='conceptEntry' or local-name()='termEntry']"),
                                  entries):  # fmt: skip
            values = element.xpath(".//*[local-name()='termNote'][@type='administrativeStatus']/text()")
            assert values == [f"{usage}Term-admn-sts" for usage in shown[entry.status]], entry.status
            assert f"x-status: {entry.status.value}" in element.xpath(".//*[local-name()='note']/text()")
        assert list(read_tbx(out)) == entries
    v3 = etree.parse(str(tmp_path / "write_tbx.tbx"))
    assert relaxng.validate(v3), relaxng.error_log
    assert schematron.validate(v3), schematron.error_log


def test_entries_without_id_get_one_and_an_empty_glossary_is_valid(tmp_path, tbx_basic_checks):
    relaxng, _ = tbx_basic_checks
    out = tmp_path / "g.tbx"
    entry = Entry(terms=[Term("pays partenaire", "fr"), Term("partner country", "en")])
    write_tbx([entry], out)
    assert [e.id for e in read_tbx(out)] == ["entry-1"]
    assert write_tbx([], out) == 0
    assert relaxng.validate(etree.parse(str(out))), _errors(relaxng, out)
    assert list(read_tbx(out)) == []


def test_reads_the_shared_tbx_basic_example():
    entries = list(read_tbx(TBX_EXAMPLES / "Example_Astronomy_DCA_VALID.tbx"))
    assert len(entries) == 45
    first = entries[0]
    assert first.id == "c1"
    assert [(t.lang, t.text) for t in first.terms][:2] == [("en", "open cluster"), ("en", "galactic cluster")]
    assert first.terms[1].usage is UsageStatus.DEPRECATED  # supersededTerm-admn-sts
    assert first.definition.startswith("A group of stars formed together")
    # an English and Spanish entry's contexts are Spanish (model.context_language): the English sentences are
    # their English terms' own, not shown or written as Spanish
    assert first.contexts[0].fr.startswith("M7 es uno de los cúmulos abiertos")
    assert first.terms[0].contexts[0].fr.startswith("Over 1100 open clusters")
    assert first.terms[0].contexts[0].document == "http://seds.org/MESSIER/open.html"
    assert first.terms[1].contexts[0].fr.startswith("In contrast, the galactic cluster")
    assert first.first_seen == datetime(2010, 4, 17) and first.last_seen == datetime(2010, 5, 1)
    assert "G-Source" in first.note


def test_two_entries_with_one_id_are_refused_and_the_old_file_stays(tmp_path):
    out = tmp_path / "g.tbx"
    out.write_text("previous export", encoding="utf-8")
    twins = [Entry(id="x", terms=[Term("a", "fr")]), Entry(id="x", terms=[Term("b", "fr")])]
    with pytest.raises(TmtoolError, match="two entries have the id 'x'"):
        write_tbx(twins, out)
    assert out.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["g.tbx"]


def test_text_xml_cannot_carry_is_an_error(tmp_path):
    with pytest.raises(TmtoolError, match="cannot be written as XML"):
        write_tbx([Entry(terms=[Term("bad\x00", "fr")])], tmp_path / "g.tbx")
    with pytest.raises(TmtoolError, match="has no terms"):
        write_tbx([Entry(terms=[])], tmp_path / "g.tbx")


def test_malformed_xml_is_an_error_with_its_line():
    with pytest.raises(TmtoolError) as caught:
        list(read_tbx(TBX_EXAMPLES / "poorly_formed_xml.tbx"))
    assert caught.value.line and "not well-formed" in str(caught.value)


def test_entity_declarations_are_refused(tmp_path):
    path = tmp_path / "entities.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        '<martif type="TBX" xml:lang="fr"><martifHeader><fileDesc><sourceDesc><p>&e;</p></sourceDesc>'
        "</fileDesc></martifHeader><text><body/></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(TmtoolError, match="declares entities"):
        list(read_tbx(path))


def test_wrong_root_is_an_error(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text('<tmx version="1.4"><header/><body/></tmx>', encoding="utf-8")
    with pytest.raises(TmtoolError, match=r"not a TBX file: the root element is <tmx>") as caught:
        list(read_tbx(path))
    assert caught.value.path == str(path) and caught.value.line == 1


def test_bad_values_are_errors_with_their_line(tmp_path):
    path = tmp_path / "bad.tbx"
    write_tbx(seed_entries()[1:2], path)
    path.write_text(path.read_text(encoding="utf-8").replace("x-score: 5.5", "x-score: high"), encoding="utf-8")
    with pytest.raises(TmtoolError, match="invalid x-score value 'high'") as caught:
        list(read_tbx(path))
    assert caught.value.line == path.read_text(encoding="utf-8").splitlines().index("  <note>x-score: high</note>") + 1


# ---- property: any entry the model can hold comes back equal, and the file stays valid TBX-Basic ----

# XML 1.0 carries every character but C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/F
_XML_CHARACTERS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe\uffff",
)
_TRICKY = ["<", "&", '"', "'", "\t", "\n", "\r", "\u00a0", "\u202f", "\u200f", "\u202e", "\u0301", "𝔘", "]]>", " "]
TEXT = st.lists(st.one_of(_XML_CHARACTERS, st.sampled_from(_TRICKY)), max_size=8).map("".join)
SOME_TEXT = TEXT.filter(bool)
CONTEXTS = st.builds(Context, fr=SOME_TEXT, en=TEXT, document=TEXT, unit=TEXT)


def _terms(lang: str):
    return st.builds(
        Term,
        text=SOME_TEXT.filter(str.strip),  # a blank <term> is no term, and its entry none
        lang=st.just(lang),
        pos=st.one_of(st.sampled_from(["noun", "verb", "adjective", "properNoun"]), SOME_TEXT),
        gender=st.one_of(st.none(), st.sampled_from(["masculine", "feminine"]), SOME_TEXT),
        term_type=st.sampled_from(TermType),
        usage=st.sampled_from(UsageStatus),
        lemma=st.one_of(st.none(), SOME_TEXT),
        forms=st.lists(SOME_TEXT, max_size=2),
        confidence=st.one_of(st.none(), st.floats(0, 1)),
        frequency=st.integers(0, 10**6),
        contexts=st.lists(CONTEXTS, max_size=1),
        note=st.one_of(st.none(), SOME_TEXT),
    )


ENTRIES = st.builds(
    lambda fr, en, **fields: Entry(terms=fr + en, **fields),
    fr=st.lists(_terms("fr"), min_size=1, max_size=2),
    en=st.lists(_terms("en"), max_size=2),
    id=SOME_TEXT,
    status=st.sampled_from(ReviewStatus),
    definition=st.one_of(st.none(), SOME_TEXT),
    note=st.one_of(st.none(), SOME_TEXT),
    frequency=st.integers(0, 10**9),
    score=st.floats(allow_nan=False, allow_infinity=False),
    contexts=st.lists(CONTEXTS, max_size=2),
    first_seen=st.one_of(st.none(), st.datetimes(timezones=st.sampled_from([None, timezone.utc]))),
    last_seen=st.one_of(st.none(), st.datetimes()),
)
UNIQUE_ENTRIES = st.lists(ENTRIES, max_size=2, unique_by=lambda entry: entry.id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=UNIQUE_ENTRIES)
def test_any_entries_round_trip_and_stay_valid(entries, tbx_basic_checks):
    relaxng, schematron = tbx_basic_checks
    with tempfile.TemporaryDirectory() as folder:
        v3, martif = Path(folder) / "g.tbx", Path(folder) / "g.martif.tbx"
        write_tbx(entries, v3)
        write_tbx_martif(entries, martif)
        document = etree.parse(str(v3))
        assert relaxng.validate(document), relaxng.error_log
        assert schematron.validate(document), schematron.error_log
        assert list(read_tbx(v3)) == entries
        assert list(read_tbx(martif)) == entries


def test_reads_martif_written_by_translate_toolkit(tmp_path):
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage="fr", targetlanguage="en")
    store.addsourceunit("pays partenaire").target = "partner country"
    store.addsourceunit("Division Sécurité coopérative").target = "Cooperative Security Division"
    path = tmp_path / "toolkit.tbx"
    store.savefile(str(path))
    assert [[(t.lang, t.text) for t in entry.terms] for entry in read_tbx(path)] == [
        [("fr", "pays partenaire"), ("en", "partner country")],
        [("fr", "Division Sécurité coopérative"), ("en", "Cooperative Security Division")],
    ]


def test_iso_12620_term_types_are_read_as_the_nearest_of_ours(tmp_path):
    """An initialism (TBX-Default, ISO 12620) was read as a full form."""
    path = tmp_path / "iso.tbx"
    terms = "".join(f'<ntig><termGrp><term>{text}</term><termNote type="termType">{kind}</termNote></termGrp></ntig>'
                    for text, kind in (("Union européenne", "fullForm"), ("UE", "initialism"), ("labo", "clippedTerm")))
    path.write_text('<martif type="TBX" xml:lang="fr"><text><body><termEntry id="e1"><langSet xml:lang="fr">'
                    f"{terms}</langSet></termEntry></body></text></martif>", encoding="utf-8")
    [entry] = read_tbx(path)
    assert [(t.text, t.term_type) for t in entry.terms] == [
        ("Union européenne", TermType.FULL_FORM), ("UE", TermType.ACRONYM), ("labo", TermType.ABBREVIATION)]


def test_unknown_x_notes_stay_notes(tmp_path):
    path = tmp_path / "g.tbx"
    write_tbx([Entry(id="e", terms=[Term("EMI", "fr")], note="x-reviewer: J. Dupont")], path)
    [entry] = read_tbx(path)
    assert entry.note == "x-reviewer: J. Dupont"


@pytest.mark.parametrize("write", [write_tbx, write_tbx_martif])
def test_a_text_whose_lines_are_indented_keeps_them_through_tbx(tmp_path, write):
    """A note listing its sources on indented lines, a context quoting code: written pretty-printed, each next line
    stood deeper than its element, which the reader takes for a file's layout wrapping one line (LTAC's samples), so
    an export read back had them on one line (*Sources: - ISO 1087 - IATE*). Such an entry is written unindented."""
    entry = Entry(id="7", terms=[Term("convoi", "fr"), Term("convoy", "en")],
                  definition="Groupe de véhicules :\n    - escortés ;\n    - en colonne.",
                  note="Sources:\n    - ISO 1087\n    - IATE",
                  contexts=[Context(fr="Exemple :\n\tif convoi:\n\t\tpartir()", en="Example:\n\tif convoy:\n\t\tleave()")])
    plain = Entry(id="8", terms=[Term("escorte", "fr"), Term("escort", "en")], note="Deux lignes\nsans retrait")
    out = tmp_path / "out.tbx"
    write([entry, plain], out)
    [back, plain_back] = read_tbx(out)
    assert (back.definition, back.note, back.contexts) == (entry.definition, entry.note, entry.contexts)
    assert plain_back.note == plain.note
    written = out.read_text(encoding="utf-8")
    assert "\n  " in written[written.index('"_8"'):]  # an entry without such lines keeps its layout


def test_xml_space_preserve_keeps_a_tbx_text_s_lines(tmp_path):
    """``xml:space="preserve"`` says a text's white space is its own: the lines of such a definition, indented deeper
    than its element as a layout's wrapped lines are, were joined into one."""
    path = tmp_path / "preserve.tbx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en"'
                    ' xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc>'
                    '</fileDesc></tbxHeader><text><body>\n'
                    '\t<conceptEntry id="c1">\n'
                    '\t\t<descrip type="definition" xml:space="preserve">Usage:\n\t\t\tconvoy(route)\n\t\t\tconvoy(escort)'
                    '</descrip>\n'
                    '\t\t<langSec xml:lang="fr"><termSec><term>convoi</term></termSec></langSec>\n'
                    '\t\t<langSec xml:lang="en" xml:space="preserve">\n\t\t\t<termSec>\n\t\t\t\t<term>convoy</term>\n'
                    '\t\t\t\t<note>Two lines,\n\t\t\t\t\tthe second indented.</note>\n\t\t\t</termSec>\n\t\t</langSec>\n'
                    '\t</conceptEntry>\n</body></text></tbx>\n', encoding="utf-8")
    [entry] = read_tbx(path)
    assert entry.definition == "Usage:\n\t\t\tconvoy(route)\n\t\t\tconvoy(escort)"
    assert [t.note for t in entry.terms] == [None, "Two lines,\n\t\t\t\t\tthe second indented."]


def test_a_tbx_without_indentation_keeps_a_text_s_indented_lines(tmp_path):
    """A termbase whose elements each stand at the start of a line has no indentation of its own, so a note's lines
    indented are the note's (a list): they were joined as if the file's layout had wrapped one line."""
    path = tmp_path / "flat.tbx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en">\n<martifHeader>\n'
                    '<fileDesc>\n<sourceDesc>\n<p>x</p>\n</sourceDesc>\n</fileDesc>\n</martifHeader>\n<text>\n<body>\n'
                    '<termEntry id="c1">\n<note>Sources:\n  - ISO 1087\n  - IATE</note>\n<langSet xml:lang="fr">\n<tig>\n'
                    '<term>convoi</term>\n</tig>\n</langSet>\n<langSet xml:lang="en">\n<tig>\n<term>convoy</term>\n</tig>\n'
                    '</langSet>\n</termEntry>\n</body>\n</text>\n</martif>\n', encoding="utf-8")
    [entry] = read_tbx(path)
    assert (entry.note, [t.text for t in entry.terms]) == ("Sources:\n  - ISO 1087\n  - IATE", ["convoi", "convoy"])
