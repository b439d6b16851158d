"""Export → import into a fresh store (``tmtool import``) → export loses nothing: any text XML can
carry (astral characters, combining and bidi marks, ``<``, ``&``, quotes, line breaks), TMX inline
markup, unit props and notes, glossary notes and definitions, units and entries in three or more
languages (``--langs all``). At the reader and writer level: units in three or more languages, and
XLIFF inline codes kept as TMX markup.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import SHARED
from tmtool import glossary as rules
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.formats.po import read_po
from tmtool.formats.tbx import read_tbx
from tmtool.formats.tmx import read_tmx, write_tmx
from tmtool.formats.xliff import read_xliff
from tmtool.model import Entry, ReviewStatus, Term, Unit, Variant
from tmtool.store import open_store
from tmtool.text.normalize import fold, normalize_for_match

SPECIALS = "<>&\"'\r\n\t\u00a0\u202f\u200e\u200f\u202e\u0301\u0327\U0001f600\U00010348’«»"
# everything XML 1.0 can carry: no C0 controls but tab and line breaks, no surrogates, no U+FFFE/U+FFFF
XML_CHAR = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                         exclude_characters="\ufffe\uffff") | st.sampled_from(SPECIALS)
TEXT = st.text(XML_CHAR, max_size=20)
WORDS = TEXT.map(str.strip).filter(bool)  # what a store keeps: units and terms with some text
TERMS = WORDS.map(rules.term_text)  # a term's layout spaces (a line break, a tab, a run of spaces) are one space

ROUND_TRIP_SETTINGS = settings(max_examples=40, deadline=None,
                               suppress_health_check=[HealthCheck.function_scoped_fixture])


def xml_escape(text: str) -> str:
    # a carriage return written raw would come back as a line feed (XML end-of-line handling)
    return escape(text, quote=False).replace("\r", "&#13;")


@st.composite
def inline_segment(draw) -> tuple[str, str]:
    """A TMX segment with inline elements: (plain text as read — native codes left out —, inner XML
    of its <seg>)."""
    pieces: list[tuple[str, str]] = []  # (plain text, XML)
    for number in range(1, draw(st.integers(1, 4)) + 1):
        code, inner = draw(TEXT), draw(TEXT)
        kind = draw(st.sampled_from(["pair", "ph", "it", "hi", "ut"]))
        if kind == "pair":
            xml = (f'<bpt i="{number}">{xml_escape(code)}</bpt>{xml_escape(inner)}'
                   f'<ept i="{number}">{xml_escape(code)}</ept>')
            pieces.append((inner, xml))
        elif kind == "it":
            pieces.append(("", f'<it pos="{draw(st.sampled_from(["begin", "end"]))}">{xml_escape(code)}</it>'))
        elif kind == "hi":
            pieces.append((inner, f"<hi>{xml_escape(inner)}</hi>"))
        else:
            pieces.append(("", f"<{kind}>{xml_escape(code)}</{kind}>"))
        text = draw(TEXT)
        pieces.append((text, xml_escape(text)))
    lead = draw(TEXT)
    return lead + "".join(p[0] for p in pieces), xml_escape(lead) + "".join(p[1] for p in pieces)


@st.composite
def side(draw) -> tuple[str, str | None]:
    """One language's text of a unit: (plain text, inline markup or None)."""
    if draw(st.booleans()):
        return draw(inline_segment().filter(lambda s: s[0].strip()))
    return draw(WORDS), None


@st.composite
def units(draw) -> Unit:
    (source, source_markup), (target, target_markup) = draw(side()), draw(side())
    return Unit(source, target, "fr-FR", "en-GB", tuid=draw(st.none() | WORDS),
                props=draw(st.dictionaries(WORDS, TEXT, max_size=3)), notes=draw(st.lists(TEXT, max_size=2)),
                source_markup=source_markup, target_markup=target_markup)


MEMORIES = st.lists(units(), min_size=1, max_size=4,
                    unique_by=lambda u: (u.source, u.target, u.source_markup, u.target_markup))


@st.composite
def multilingual_units(draw) -> Unit:
    """A French–English unit in one to three more languages."""
    unit = draw(units())
    languages = draw(st.lists(st.sampled_from(["de-DE", "es-ES", "it", "pt-BR"]), min_size=1, max_size=3, unique=True))
    unit.variants = [Variant(lang, *draw(side())) for lang in languages]
    return unit


MULTILINGUAL_MEMORIES = st.lists(multilingual_units(), min_size=1, max_size=4,
                                 unique_by=lambda u: (u.source, u.target, u.source_markup, u.target_markup))


def tmtool(db: Path, *args) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout  # notices (a store being upgraded) go to stderr


def through_fresh_store(tmp_path: Path, fmt: str, exported: Path, *options: str) -> Path:
    """Import ``exported`` into a new store and export that store again (with export ``options``)."""
    fresh = tmp_path / f"fresh-{exported.stem}.db"
    tmtool(fresh, "import", exported, "--format", fmt.removesuffix("-martif"))
    again = tmp_path / f"again-{exported.name}"
    tmtool(fresh, "export", fmt, "-o", again, "--status", "all", *options)
    return again


def tmx_schema_errors(path: Path) -> list[str]:
    schemas = SHARED / "schemas" / "tmx"
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    errors = []
    dtd, xsd = etree.DTD(str(schemas / "tmx14.dtd")), etree.XMLSchema(etree.parse(str(schemas / "tmx14.xsd")))
    for validator in (dtd, xsd):
        if not validator.validate(tree):
            errors += [str(e) for e in validator.error_log]
    return errors


@ROUND_TRIP_SETTINGS
# an x-confidence that is not a number: the store keeps numbers apart but must not choke on it
@example(memory=[Unit("Le siège", "HQ", "fr-FR", "en-GB", notes=["n"],
                      props={"x-note": "a & b", "x-confidence": "élevée"},
                      source_markup='Le <bpt i="1">&lt;b&gt;</bpt>siège<ept i="1">&lt;/b&gt;</ept><ph>{1}</ph>')])
@given(memory=MEMORIES)
def test_tmx_units_survive_export_import_export(tmp_path_factory, memory):
    tmp_path = tmp_path_factory.mktemp("tmx")
    store = tmp_path / "first.db"
    with open_store(store, create=True) as opened:
        opened.add_units(memory, "hypothesis")
    first = tmp_path / "first.tmx"
    tmtool(store, "export", "tmx", "-o", first)
    again = through_fresh_store(tmp_path, "tmx", first)

    assert [comparable(u) for u in read_tmx(first)] == [comparable(u) for u in memory]
    assert list(read_tmx(again)) == list(read_tmx(first))
    assert tmx_schema_errors(again) == []


def canonical(markup: str | None) -> bytes | None:
    """Markup in canonical XML: ``<ept i="1"></ept>`` is read back as ``<ept i="1"/>``, the same XML."""
    return None if markup is None else etree.tostring(etree.fromstring(f"<seg>{markup}</seg>"), method="c14n")


def segment(text: str, markup: str | None) -> str | bytes:
    """A segment as compared: its markup in canonical XML when it has some (its plain text is what the
    reader makes of the markup), else its text."""
    return text if markup is None else canonical(markup)


def comparable(unit: Unit) -> tuple:
    return (segment(unit.source, unit.source_markup), segment(unit.target, unit.target_markup), unit.tuid,
            unit.props, unit.notes, [(v.lang, segment(v.text, v.markup)) for v in unit.variants])


@ROUND_TRIP_SETTINGS
@given(memory=MULTILINGUAL_MEMORIES)
def test_units_in_three_or_more_languages_survive_export_import_export(tmp_path_factory, memory):
    tmp_path = tmp_path_factory.mktemp("tmx-all")
    store = tmp_path / "first.db"
    with open_store(store, create=True) as opened:
        assert opened.add_units(memory, "hypothesis")[0] == len(memory)
    first = tmp_path / "first.tmx"
    tmtool(store, "export", "tmx", "--langs", "all", "-o", first)
    again = through_fresh_store(tmp_path, "tmx", first, "--langs", "all")

    assert [comparable(u) for u in read_tmx(first)] == [comparable(u) for u in memory]
    assert list(read_tmx(again)) == list(read_tmx(first))
    assert tmx_schema_errors(again) == []


def test_inline_markup_of_a_tagged_memory_is_written_back_verbatim(tmp_path):
    seg = ('Cliquez sur <bpt i="1" x="1">&lt;a href="x"&gt;</bpt>OTAN<ept i="1">&lt;/a&gt;</ept>'
           '<ph x="2" type="image">&lt;img/&gt;</ph> <it pos="begin">&lt;i&gt;</it>texte <hi type="b">fort</hi>'
           '<ut>{\\b}</ut>')
    tmx = tmp_path / "tagged.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">'
        '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en"'
        ' srclang="fr-FR" datatype="html"/><body><tu tuid="1"><prop type="x-domain">défense</prop>'
        f'<note>relu</note><tuv xml:lang="fr-FR"><seg>{seg}</seg></tuv>'
        '<tuv xml:lang="en-GB"><seg>Click <ph x="1">&lt;br/&gt;</ph>NATO</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    tmtool(db, "import", tmx)
    again = through_fresh_store(tmp_path, "tmx", tmx)

    [unit] = read_tmx(again)
    assert unit.source_markup == seg and unit.target_markup == 'Click <ph x="1">&lt;br/&gt;</ph>NATO'
    assert (unit.source, unit.target) == ("Cliquez sur OTAN texte fort", "Click NATO")
    memory = {"creationtool": "t", "creationtoolversion": "1", "segtype": "sentence", "o-tmf": "t", "adminlang": "en",
              "datatype": "html"}  # what the memory's header said, kept
    assert (unit.props, unit.notes) == ({"x-domain": "défense", **{f"x-tmx-header:@{name}": value for name, value
                                                                   in memory.items()}}, ["relu"])
    assert tmx_schema_errors(again) == []
    # search sees the plain text
    assert "OTAN" in tmtool(db, "tm", "concordance", "OTAN")


TAGGED_SEG = ('The big <bpt i="1">&lt;b&gt;</bpt>black<ept i="1">&lt;/b&gt;</ept> '
              '<bpt i="2">&lt;u&gt;</bpt>cat<ept i="2">&lt;/u&gt;</ept> sleeps.')


def tagged_tmx(path: Path, french: str) -> Path:
    """A one-unit English→French TMX whose English segment is ``TAGGED_SEG``."""
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1"'
        ' segtype="sentence" o-tmf="t" adminlang="en" srclang="en-GB" datatype="html"/><body>'
        f'<tu><tuv xml:lang="en-GB"><seg>{TAGGED_SEG}</seg></tuv><tuv xml:lang="fr-FR"><seg>{french}</seg></tuv>'
        '</tu></body></tmx>', encoding="utf-8")
    return path


def test_search_matches_the_text_without_its_codes(tmp_path):
    """Stored native codes used to be part of the match text: this unit matched its own plain text at 64%."""
    seg = TAGGED_SEG
    tmx = tagged_tmx(tmp_path / "tagged.tmx", 'Le gros chat <bpt i="1">&lt;b&gt;</bpt>noir<ept i="1">&lt;/b&gt;</ept> dort.')
    db = tmp_path / "t.db"
    tmtool(db, "import", tmx)
    assert tmtool(db, "tm", "search", "The big black cat sleeps.").startswith("100.0%  The big black cat sleeps.")
    assert "The big black cat sleeps." in tmtool(db, "tm", "concordance", "black cat")
    exported = tmp_path / "out.tmx"
    tmtool(db, "export", "tmx", "--srclang", "en", "--tgtlang", "fr", "-o", exported)  # the pair as stored
    assert [u.source_markup for u in read_tmx(exported)] == [seg]


def test_markup_that_is_not_xml_is_refused_and_the_old_file_kept(tmp_path):
    out = tmp_path / "memory.tmx"
    out.write_bytes(b"previous")
    unit = Unit("Le siège", "HQ", "fr-FR", "en-GB", tuid="7", source_markup='Le <bpt i="1">siège')
    with pytest.raises(TmtoolError, match="unit '7': its inline markup is not well-formed XML"):
        write_tmx([unit], out, srclang="fr-FR")
    assert out.read_bytes() == b"previous"


@st.composite
def entries(draw) -> Entry:
    terms = [Term(t, "fr") for t in draw(st.lists(TERMS, min_size=1, max_size=2, unique_by=fold))]
    terms += [Term(t, "en") for t in draw(st.lists(TERMS, max_size=2, unique_by=fold))]
    return Entry(terms, status=draw(st.sampled_from(list(ReviewStatus))),
                 definition=draw(st.none() | WORDS), note=draw(st.none() | WORDS))


GLOSSARIES = st.lists(entries(), min_size=1, max_size=3, unique_by=lambda e: fold(e.terms[0].text))


@st.composite
def multilingual_entries(draw) -> Entry:
    """An entry with terms in German and Spanish too (or in some of them)."""
    entry = draw(entries())
    for lang in ("de", "es"):
        entry.terms += [Term(t, lang) for t in draw(st.lists(TERMS, max_size=2, unique_by=fold))]
    return entry


MULTILINGUAL_GLOSSARIES = st.lists(multilingual_entries(), min_size=1, max_size=3,
                                   unique_by=lambda e: fold(e.terms[0].text))


def what_a_person_wrote(entry: Entry) -> tuple:
    return (entry.status, entry.definition, entry.note, [(t.lang, t.text, t.usage) for t in entry.terms])


def glossary_round_trip(tmp_path_factory, fmt: str, reader, glossary: list[Entry], *options: str) -> None:
    tmp_path = tmp_path_factory.mktemp(fmt)
    store = tmp_path / "first.db"
    with open_store(store, create=True) as opened:
        for entry in glossary:
            rules.add_entry(opened, entry)
    first = tmp_path / f"first.{fmt}"
    tmtool(store, "export", fmt, "-o", first, "--status", "all", *options)
    again = through_fresh_store(tmp_path, fmt, first, *options)

    wanted = [what_a_person_wrote(e) for e in glossary]
    assert [what_a_person_wrote(e) for e in reader(first)] == wanted
    assert [what_a_person_wrote(e) for e in reader(again)] == wanted


@ROUND_TRIP_SETTINGS
@given(glossary=GLOSSARIES)
def test_tbx_entries_survive_export_import_export(tmp_path_factory, glossary):
    glossary_round_trip(tmp_path_factory, "tbx", read_tbx, glossary)


@ROUND_TRIP_SETTINGS
@given(glossary=MULTILINGUAL_GLOSSARIES)
def test_tbx_entries_in_every_language_survive_export_import_export(tmp_path_factory, glossary):
    glossary_round_trip(tmp_path_factory, "tbx", read_tbx, glossary, "--langs", "all")


@ROUND_TRIP_SETTINGS
@given(glossary=GLOSSARIES)
def test_po_entries_survive_export_import_export(tmp_path_factory, glossary):
    glossary_round_trip(tmp_path_factory, "po", read_po, glossary)


# ---- reader and writer: units in three or more languages, XLIFF inline codes ----

LANGUAGES = ["en-GB", "de-DE", "es-ES", "pt-BR", "zh-Hans-CN"]


@st.composite
def multilingual_units(draw) -> Unit:
    """A unit with a target and one to three variants, any side plain or tagged."""
    def side() -> tuple[str, str | None]:
        if draw(st.booleans()):
            return draw(inline_segment().filter(lambda s: s[0].strip()))
        return draw(WORDS), None

    languages = draw(st.lists(st.sampled_from(LANGUAGES), min_size=2, max_size=4, unique=True))
    (source, source_markup), (target, target_markup) = side(), side()
    variants = [Variant(lang, *side()) for lang in languages[1:]]
    return Unit(source, target, "fr-FR", languages[0], tuid=draw(st.none() | WORDS),
                notes=draw(st.lists(TEXT, max_size=1)), source_markup=source_markup, target_markup=target_markup, variants=variants)


@ROUND_TRIP_SETTINGS
@given(memory=st.lists(multilingual_units(), min_size=1, max_size=3))
def test_units_in_three_or_more_languages_survive_write_and_read(tmp_path_factory, memory):
    out = tmp_path_factory.mktemp("multilingual") / "memory.tmx"
    write_tmx(memory, out, srclang="fr-FR")
    assert [comparable(u) for u in read_tmx(out)] == [comparable(u) for u in memory]
    # asked for another target language, the reader gives that tuv as target and the others as variants
    wanted = memory[0].variants[0].lang
    for unit, read in zip(memory, read_tmx(out, tgtlang=wanted)):
        sides = [(unit.tgtlang, unit.target), *[(v.lang, v.text) for v in unit.variants]]
        assert read.target == next((text for lang, text in sides if lang == wanted), "")
        read_sides = [(v.lang, v.text) for v in read.variants] + ([(read.tgtlang, read.target)] if read.tgtlang else [])
        assert sorted(read_sides) == sorted(sides)
    assert tmx_schema_errors(out) == []


@st.composite
def xliff_12_segment(draw) -> tuple[str, str]:
    """An XLIFF 1.2 <source> with inline elements: (its plain text, its inner XML)."""
    pieces: list[tuple[str, str]] = []  # (plain text, XML)
    for number in range(1, draw(st.integers(1, 5)) + 1):
        code, inner = xml_escape(draw(TEXT)), draw(TEXT)
        kind = draw(st.sampled_from(["g", "x", "bx", "bpt", "ph", "it", "mrk", "unpaired"]))
        pieces.append({
            "g": (inner, f'<g id="{number}" ctype="bold">{xml_escape(inner)}</g>'),
            "x": ("", f'<x id="{number}"/>'),
            "bx": (inner, f'<bx id="{number}" rid="{number}"/>{xml_escape(inner)}<ex id="e{number}" rid="{number}"/>'),
            "bpt": (inner, f'<bpt id="{number}">{code}</bpt>{xml_escape(inner)}<ept id="{number}">{code}</ept>'),
            "ph": ("", f'<ph id="{number}">{code}<sub>{xml_escape(inner)}</sub></ph>'),
            "it": ("", f'<it id="{number}" pos="{draw(st.sampled_from(["open", "close"]))}">{code}</it>'),
            "mrk": (inner, f'<mrk mtype="term">{xml_escape(inner)}</mrk>'),
            "unpaired": ("", f'<bx id="{number}"/>'),
        }[kind])
        text = draw(TEXT)
        pieces.append((text, xml_escape(text)))
    return "".join(p[0] for p in pieces), "".join(p[1] for p in pieces)


@st.composite
def xliff_20_segment(draw) -> tuple[str, str, str]:
    """An XLIFF 2.0 <source>: (its plain text, its inner XML, the <data> elements it refers to)."""
    pieces: list[tuple[str, str]] = []
    data = []
    for number in range(1, draw(st.integers(1, 5)) + 1):
        code, inner = xml_escape(draw(TEXT)), draw(TEXT)
        data.append(f'<data id="d{number}">{code}</data>')
        kind = draw(st.sampled_from(["pc", "sc", "isolated", "ph", "cp", "mrk"]))
        pieces.append({
            "pc": (inner, f'<pc id="{number}" dataRefStart="d{number}">{xml_escape(inner)}</pc>'),
            "sc": (inner, f'<sc id="{number}" dataRef="d{number}"/>{xml_escape(inner)}<ec startRef="{number}"/>'),
            "isolated": ("", f'<ec id="{number}" isolated="yes" dataRef="d{number}"/>'),
            "ph": ("", f'<ph id="{number}" dataRef="d{number}"/>'),
            "cp": ("", '<cp hex="001B"/>'),
            "mrk": (inner, f'<mrk id="m{number}" translate="no">{xml_escape(inner)}</mrk>'),
        }[kind])
        text = draw(TEXT)
        pieces.append((text, xml_escape(text)))
    return "".join(p[0] for p in pieces), "".join(p[1] for p in pieces), "".join(data)


def xliff_inline_codes_become_tmx(tmp_path: Path, document: str, plain: str) -> None:
    """The XLIFF unit reads as ``plain`` with TMX markup that TMX writes and reads back unchanged and valid."""
    xliff = tmp_path / "codes.xlf"
    xliff.write_text(document, encoding="utf-8")
    [unit] = read_xliff(xliff)
    assert (unit.source, unit.target) == (plain, plain)
    out = tmp_path / "codes.tmx"
    write_tmx([unit], out, srclang="fr-FR")
    [again] = read_tmx(out)
    # a term's mark is no code: the TMX leaves it out (inline.without_annotations), its text kept
    assert comparable(again) == comparable(replace(unit, source_markup=_annotations_out(unit.source_markup),
                                                   target_markup=_annotations_out(unit.target_markup)))
    assert tmx_schema_errors(out) == []


def _annotations_out(markup: str | None) -> str | None:
    """A unit's markup as a TMX export writes it: its annotations (a term's ``hi``) out, no markup when codes are left."""
    from tmtool.formats.inline import markup_segment, segment_content, without_annotations

    if markup is None:
        return None
    seg = markup_segment(markup, "a unit")
    without_annotations(seg)
    return segment_content(seg)[1]


@ROUND_TRIP_SETTINGS
@given(segment=xliff_12_segment().filter(lambda s: s[0].strip()))
def test_xliff_12_inline_codes_are_kept_as_tmx_markup(tmp_path_factory, segment):
    plain, xml = segment  # white space kept as it is under xml:space="preserve" (else line breaks are layout)
    xliff_inline_codes_become_tmx(tmp_path_factory.mktemp("xliff12"), (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="o" datatype="html"'
        ' source-language="fr-FR" target-language="en-GB"><body><trans-unit id="1" xml:space="preserve">'
        f'<source>{xml}</source><target state="translated">{xml}</target></trans-unit></body></file></xliff>'), plain)


@ROUND_TRIP_SETTINGS
@given(segment=xliff_20_segment().filter(lambda s: s[0].strip()))
def test_xliff_20_inline_codes_are_kept_as_tmx_markup(tmp_path_factory, segment):
    plain, xml, data = segment
    xliff_inline_codes_become_tmx(tmp_path_factory.mktemp("xliff20"), (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-FR" trgLang="en-GB">'
        f'<file id="f"><unit id="u" xml:space="preserve"><originalData>{data}</originalData><segment state="translated">'
        f'<source>{xml}</source><target>{xml}</target></segment></unit></file></xliff>'), plain)


def test_a_store_made_before_codes_left_the_text_is_migrated(tmp_path, monkeypatch):
    """The previous release stored a tagged TMX unit with its codes' native text in the source: the
    migration makes the text again from the stored markup, re-indexes it, and the same file imported
    again adds nothing."""
    from tmtool.store.sqlite.migrations import MIGRATIONS

    seg = TAGGED_SEG
    tmx = tagged_tmx(tmp_path / "tagged.tmx", "Le gros chat dort.")
    db = tmp_path / "old.db"
    monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:10])
    with open_store(db, create=True) as old:  # what the previous reader stored: the codes' text inside the source
        source = "The big <b>black</b> <u>cat</u> sleeps."
        old._conn.execute("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key, origin,"
                          " source_markup) VALUES (?, 'Le gros chat dort.', 'en-GB', 'fr-FR', ?, 'k', ?, ?)",
                          (source, normalize_for_match(source), str(tmx), seg))
        for index in ("units_fts", "units_grams"):  # its indexes, as it indexed its units
            old._conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    monkeypatch.undo()
    assert tmtool(db, "tm", "search", "The big black cat sleeps.").startswith("100.0%  The big black cat sleeps.")
    assert "The big black cat sleeps." in tmtool(db, "tm", "concordance", "black cat")
    assert tmtool(db, "import", tmx).startswith("0 units added, 1 already stored")
    with open_store(db, create=True) as migrated:
        assert [(u.source, u.source_markup) for u in migrated.units()] == [("The big black cat sleeps.", seg)]
