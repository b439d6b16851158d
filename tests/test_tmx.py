"""TMX 1.4b: validity against the DTD and the XSD, read-back by translate-toolkit and by our reader."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree
from omegat import seed_gold_units
from translate.storage.tmx import tmxfile

from tmtool.errors import TmtoolError
from tmtool.io.files import open_output
from tmtool.formats.tmx import read_tmx, write_tmx
from tmtool.model import Unit

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "tmx"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def seed_tmx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tmx") / "seed.tmx"
    count = write_tmx(seed_gold_units(), path, srclang="fr_FR", header_props={"x-project": "seed"})
    assert count == len(seed_gold_units())
    return path


def test_seed_tmx_is_valid_against_dtd_and_xsd(seed_tmx):
    tree = etree.parse(str(seed_tmx))
    dtd = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "tmx14.xsd")))
    assert xsd.validate(tree), xsd.error_log.filter_from_errors()


def test_seed_tmx_header_and_languages(seed_tmx):
    raw = seed_tmx.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
    root = etree.parse(str(seed_tmx)).getroot()
    header = root.find("header")
    required = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype")
    assert all(header.get(name) for name in required)
    assert header.get("srclang") == "fr-FR"
    assert {tu.find("tuv").get(XML_LANG) for tu in root.iter("tu")} == {"fr-FR"}
    assert {tu.findall("tuv")[1].get(XML_LANG) for tu in root.iter("tu")} == {"en-GB"}
    assert header.find("prop").get("type") == "x-project"
    assert len(header.get("creationdate")) == 16 and header.get("creationdate").endswith("Z")


def test_translate_toolkit_reads_the_same_pairs(seed_tmx):
    store = tmxfile(seed_tmx.open("rb"), sourcelanguage="fr-FR", targetlanguage="en-GB")
    pairs = [(unit.source, unit.target) for unit in store.units]
    assert pairs == [(u.source, u.target) for u in seed_gold_units()]


def _with_header(units: list[Unit]) -> list[Unit]:
    """The units as read back from the seed TMX: each keeps what its header said (x-project: seed)."""
    for unit in units:
        unit.props["x-tmx-header:x-project"] = "seed"
    return units


def test_read_tmx_round_trips_everything(seed_tmx):
    assert list(read_tmx(seed_tmx)) == _with_header(seed_gold_units())


def test_utf16_tmx_with_bom_reads(seed_tmx):
    text = seed_tmx.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    data = text.encode("utf-16")  # with BOM
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert list(read_tmx(io.BytesIO(data))) == _with_header(seed_gold_units())


def test_source_only_units_write_one_tuv():
    out = io.BytesIO()
    write_tmx([Unit("Préparez la réunion.", "", "fr-FR", "en-GB", tuid="p1")], out, srclang="fr-FR")
    tu = etree.fromstring(out.getvalue()).find("body/tu")
    assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["fr-FR"]
    [unit] = read_tmx(io.BytesIO(out.getvalue()))
    assert (unit.source, unit.target, unit.tgtlang) == ("Préparez la réunion.", "", "")


def test_dates_are_written_in_utc():
    paris = timezone(timedelta(hours=2))
    unit = Unit("a", "b", "fr", "en", created=datetime(2021, 7, 13, 11, 30, tzinfo=paris))
    out = io.BytesIO()
    write_tmx([unit], out, srclang="fr")
    assert b'creationdate="20210713T093000Z"' in out.getvalue()


# XML 1.0 characters (no C0 controls but tab/LF/CR, no surrogates, no U+FFFE/U+FFFF); astral,
# combining and bidi characters and markup-significant ones included on purpose
XML_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"
).filter(lambda c: c in "\t\n\r" or ord(c) >= 0x20)
XML_TEXT = st.text(
    st.one_of(XML_CHARS, st.sampled_from("<>&\"'\u200f\u202e\u0301\U0001f600\u00a0\u202f")), max_size=40
)


@settings(max_examples=150, deadline=None)
@example(source="  espaces\r\n gardés\r", target="\tTab", note="", prop="x\u00a0: y")
@given(source=XML_TEXT, target=XML_TEXT.filter(bool), note=XML_TEXT, prop=XML_TEXT)
def test_any_xml_legal_text_survives_write_and_read(source, target, note, prop):
    unit = Unit(source, target, "fr-FR", "en-GB", tuid="u1", props={"x-document": prop}, notes=[note])
    out = io.BytesIO()
    write_tmx([unit], out, srclang="fr-FR")
    assert list(read_tmx(io.BytesIO(out.getvalue()))) == [unit]


@pytest.mark.parametrize("bad", ["\x01", "\x0b", "\x1f", "\ud800", "\ufffe", "\uffff"])
def test_illegal_characters_raise_and_keep_the_old_file(tmp_path, bad):
    path = tmp_path / "old.tmx"
    path.write_bytes(b"previous content")
    units = [Unit("ok", "ok", "fr", "en", tuid="t1"), Unit(f"x{bad}y", "z", "fr", "en", tuid="t2")]
    with pytest.raises(TmtoolError) as caught:
        write_tmx(units, path, srclang="fr")
    assert "'t2'" in str(caught.value) and f"U+{ord(bad):04X}" in str(caught.value)
    assert path.read_bytes() == b"previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["old.tmx"]


def test_unit_in_another_source_language_or_with_a_bad_tag_is_refused():
    with pytest.raises(TmtoolError, match="source language"):
        write_tmx([Unit("Hello", "Bonjour", "en", "fr")], io.BytesIO(), srclang="fr")
    with pytest.raises(TmtoolError, match="unit 'u7': invalid language tag ''"):
        write_tmx([Unit("Bonjour", "Hello", "fr", "", tuid="u7")], io.BytesIO(), srclang="fr")


def _tmx(body: str, header: str = 'srclang="fr-FR"', version: str = "1.4") -> io.BytesIO:
    return io.BytesIO(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="{version}"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" datatype="plaintext" {header}/>
<body>
{body}
</body></tmx>""".encode()
    )


def test_legacy_lang_attribute_and_tag_spelling():
    body = '<tu><tuv lang="EN_us"><seg>Hi</seg></tuv><tuv lang="fr_fr"><seg>Salut</seg></tuv></tu>'
    [unit] = read_tmx(_tmx(body, 'srclang="fr"', version="1.1"))
    assert (unit.source, unit.srclang, unit.target, unit.tgtlang) == ("Salut", "fr-FR", "Hi", "en-US")


def test_srclang_all_takes_the_first_tuv():
    body = '<tu><tuv xml:lang="en"><seg>Hi</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>'
    [unit] = read_tmx(_tmx(body, 'srclang="*all*"'))
    assert (unit.source, unit.target) == ("Hi", "Salut")


def test_inline_codes_are_left_out_of_the_text_and_kept_as_markup():
    seg = ('Le <bpt i="1">&lt;b&gt;</bpt>siège<ept i="1">&lt;/b&gt;</ept><ph>{1}</ph> <hi>OTAN<ut>{\\i}</ut></hi>'
           '<it pos="end">&lt;/a&gt;</it>')  # fmt: skip
    body = f'<tu><tuv xml:lang="fr-FR"><seg>{seg}</seg></tuv><tuv xml:lang="en-GB"><seg>HQ</seg></tuv></tu>'
    [unit] = read_tmx(_tmx(body))
    assert (unit.source, unit.source_markup) == ("Le siège OTAN", seg)


def test_multilingual_tmx_picks_the_requested_target():
    body = ('<tu><tuv xml:lang="fr-FR"><seg>Paix</seg></tuv><tuv xml:lang="de-DE"><seg>Frieden</seg></tuv>'
            '<tuv xml:lang="en-GB"><seg>Peace</seg></tuv></tu>')  # fmt: skip
    assert next(read_tmx(_tmx(body))).target == "Frieden"
    assert next(read_tmx(_tmx(body), tgtlang="en")).target == "Peace"


@pytest.mark.parametrize(
    "document, message, line",
    [
        (_tmx('<tu>\n<tuv><seg>x</seg></tuv></tu>'), "without xml:lang", 6),
        (_tmx('<tu><tuv xml:lang="en"><seg>x</seg></tuv></tu>'), "source language fr-FR", 5),
        (_tmx('<tu><tuv xml:lang="fr"/></tu>'), "without <seg>", 5),
        (_tmx('<tu>\n<tuv xml:lang="fr"><seg>x</seg></tuv>', ), "not well-formed", 7),
        (_tmx("", version="2.0"), "unsupported TMX version", 2),
        (io.BytesIO(b'<?xml version="1.0"?>\n<root>\n<tmx version="1.4"/></root>'), "root element is <root>", 2),
        (io.BytesIO(b'<?xml version="1.0"?>\n<xliff version="1.2"/>'), "not a TMX file", None),
        (io.BytesIO(b'<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY e "boom">\n]>\n<tmx version="1.4">'
                    b'<header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>&e;</seg></tuv></tu></body></tmx>'),
         "declares entities (e)", 3),
    ],
)  # fmt: skip
def test_bad_tmx_is_a_one_line_error_with_line(document, message, line):
    with pytest.raises(TmtoolError) as caught:
        list(read_tmx(document))
    assert message in caught.value.message and caught.value.line == line
    assert "\n" not in str(caught.value)


def test_error_names_the_file(tmp_path):
    path = tmp_path / "broken.tmx"
    path.write_bytes(b"<tmx version='1.4'><header srclang='fr'/><body><tu></body></tmx>")
    with pytest.raises(TmtoolError) as caught:
        list(read_tmx(path))
    assert str(caught.value).startswith(f"{path}:1: not well-formed XML")


def test_external_dtd_is_not_fetched():
    document = _tmx('<tu><tuv xml:lang="fr"><seg>a</seg></tuv></tu>')
    data = document.getvalue().replace(b"<tmx", b'<!DOCTYPE tmx SYSTEM "http://192.0.2.1/tmx14.dtd">\n<tmx', 1)
    assert [u.source for u in read_tmx(io.BytesIO(data))] == ["a"]


def test_units_from_a_generator_stream_through_in_order():
    units = (Unit(f"phrase {i}", f"sentence {i}", "fr", "en", tuid=str(i)) for i in range(2000))
    out = io.BytesIO()
    assert write_tmx(units, out, srclang="fr") == 2000
    assert [unit.tuid for unit in read_tmx(io.BytesIO(out.getvalue()))] == [str(i) for i in range(2000)]


def test_stdout_output_and_atomic_replacement_keep_the_file_mode(tmp_path, capsysbinary):
    units = seed_gold_units()[:2]
    with open_output("-", "wb") as out:
        write_tmx(units, out, srclang="fr-FR")
    assert list(read_tmx(io.BytesIO(capsysbinary.readouterr().out))) == units
    path = tmp_path / "export.tmx"
    path.write_bytes(b"old export")
    path.chmod(0o640)
    with open_output(path, "wb") as out:
        write_tmx(units, out, srclang="fr-FR")
    assert list(read_tmx(path)) == units
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["export.tmx"]


def test_an_export_removes_the_temporary_files_of_killed_writers_only(tmp_path):
    import os
    import subprocess
    import sys

    gone = subprocess.Popen([sys.executable, "-c", "pass"])  # its pid: a writer no longer running
    gone.wait()
    abandoned = tmp_path / f".export.tmx.{gone.pid}.x1y2.tmp"
    live = tmp_path / f".export.tmx.{os.getpid()}.a1b2.tmp"  # another export of this process, running
    other = tmp_path / f".other.tmx.{gone.pid}.c3d4.tmp"  # another file's
    for path in (abandoned, live, other):
        path.write_bytes(b"<tmx")
    with open_output(tmp_path / "export.tmx", "wb") as out:
        write_tmx(seed_gold_units()[:2], out, srclang="fr-FR")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["export.tmx", live.name, other.name])


def test_missing_output_directory_is_one_clear_error(tmp_path):
    with pytest.raises(TmtoolError, match="does not exist"):
        write_tmx(seed_gold_units(), tmp_path / "nowhere" / "seed.tmx", srclang="fr-FR")


@pytest.mark.parametrize("name", [".", "exports", "exports/"])
def test_an_output_that_is_a_directory_is_one_clear_error_and_nothing_is_left(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exports").mkdir()
    with pytest.raises(TmtoolError, match="is a directory; give a file name in it"):
        write_tmx(seed_gold_units(), name, srclang="fr-FR")
    assert [p.name for p in tmp_path.rglob("*")] == ["exports"]


def test_an_output_folder_one_may_not_write_in_is_named_not_the_hidden_temporary_file():
    # it said "exports/.seed.tmx.4242.k2j1x.tmp: Permission denied", a file the user never named
    import tempfile

    from crash_helpers import unprivileged

    folder = Path(tempfile.mkdtemp(prefix="tmtool-readonly-"))  # under /tmp, which any user may cross
    try:
        folder.chmod(0o555)

        def export():
            with open_output(folder / "seed.tmx") as out:
                out.write(b"<tmx/>")

        assert unprivileged(export) == (
            f"Invalid: cannot write {folder / 'seed.tmx'}: no permission to create files in {folder}")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
        folder.rmdir()


def test_an_output_folder_where_no_file_can_be_created_is_named_not_the_hidden_temporary_file():
    # /proc takes no new file (ENOENT on creation): it said "/proc/.seed.tmx.4242.k2j1x.tmp: No such file or directory"
    from tmtool.errors import Invalid

    with pytest.raises(Invalid) as raised:
        with open_output(Path("/proc/seed.tmx")) as out:
            out.write(b"<tmx/>")
    assert str(raised.value) == "cannot write /proc/seed.tmx: cannot create a file in /proc (No such file or directory)"


def test_a_tu_s_own_datatype_segtype_and_original_format_are_kept_and_written_back():
    """A ``<tu>`` may say what its own text is where it differs from the header (``datatype="html"`` in a
    plain text memory, a ``segtype``, ``o-tmf``, ``o-encoding``): those were dropped, so an export lost how to
    read the unit's native codes. They are kept and written back on the ``<tu>``, valid against the DTD and
    the XSD; a ``segtype`` outside the DTD's four is not kept, as in the header."""
    read = list(read_tmx(io.BytesIO(
        b'<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"'
        b' adminlang="en" srclang="fr" datatype="plaintext"/><body><tu tuid="1" datatype="html" segtype="paragraph"'
        b' o-tmf="TW4Win 2.0 Format" o-encoding="iso-8859-1"><tuv xml:lang="fr"><seg>Le <bpt i="1">&lt;b&gt;</bpt>'
        b'comit\xc3\xa9<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>'
        b'committee<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu><tu tuid="2" segtype="line"><tuv xml:lang="fr"><seg>'
        b'Oui</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>')))
    def own(unit):  # the tu's attributes, not its memory's header's (x-tmx-header:@…)
        return {kind: value for kind, value in unit.props.items() if kind.startswith("@")}

    assert [own(unit) for unit in read] == [
        {"@datatype": "html", "@segtype": "paragraph", "@o-tmf": "TW4Win 2.0 Format", "@o-encoding": "iso-8859-1"}, {}]
    out = io.BytesIO()
    write_tmx(read, out, srclang="fr")
    tree = etree.fromstring(out.getvalue())
    assert [dict(tu.attrib) for tu in tree.iter("tu")] == [
        {"tuid": "1", "datatype": "html", "segtype": "paragraph", "o-tmf": "TW4Win 2.0 Format",
         "o-encoding": "iso-8859-1"}, {"tuid": "2"}]
    for validator in (etree.DTD(str(SCHEMAS / "tmx14.dtd")), etree.XMLSchema(etree.parse(str(SCHEMAS / "tmx14.xsd")))):
        assert validator.validate(tree), validator.error_log
    assert [own(unit) for unit in read_tmx(io.BytesIO(out.getvalue()))] == [own(unit) for unit in read]


def test_a_tmx_pair_overlapping_a_hi_stays_a_pair_when_xliff_codes_are_read_beside_it():
    """TMX lets a pair open inside a ``hi`` and close after it. In a ``<seg>`` also holding MateCat's XLIFF codes,
    read as TMX's, the pair's halves were each taken for a code without its other (a ``bpt`` left without its
    ``ept``, which TMX does not allow, the ``ept`` an ``it``): the memory's own codes changed. They stay a pair."""
    [unit] = read_tmx(io.BytesIO(
        b'<tmx version="1.4"><header creationtool="Matecat-Cattool" creationtoolversion="2.9.4" segtype="sentence"'
        b' o-tmf="Matecat" adminlang="en" srclang="fr" datatype="plaintext"/><body><tu><tuv xml:lang="fr"><seg>Le'
        b' <hi type="term"><bpt i="1">&lt;b&gt;</bpt>char</hi> lourd<ept i="1">&lt;/b&gt;</ept> <g id="2">avance</g>'
        b'</seg></tuv><tuv xml:lang="en"><seg>The tank advances</seg></tuv></tu></body></tmx>'))
    assert unit.source_markup == ('Le <hi type="term"><bpt i="1">&lt;b&gt;</bpt>char</hi> lourd<ept i="1">&lt;/b&gt;'
                                  '</ept> <bpt i="2" x="2"/>avance<ept i="2"/>')


def test_a_tu_s_segtype_is_read_as_the_header_s_is_whatever_its_case():
    """The header's ``segtype`` is read whatever its case or spaces (``Sentence``, as some tools write it), a
    ``<tu>``'s was kept only when written exactly as the DTD spells it: the same value was lost on a unit. Both are
    read alike, written back as the DTD spells them."""
    [unit] = read_tmx(io.BytesIO(
        b'<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="Sentence" o-tmf="x"'
        b' adminlang="en" srclang="fr" datatype="plaintext"/><body><tu segtype=" Paragraph"><tuv xml:lang="fr"><seg>'
        b'Oui</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>'))
    assert unit.props["@segtype"] == "paragraph"


def test_a_tmx_export_leaves_a_term_mark_out_and_keeps_the_codes_around_it():
    """An XLIFF's term mark (read as ``<hi type="term">``) is an annotation a CAT tool reads as a tag, unlike its
    codes and text Trados locks (``x-locked``), which stay."""
    from tmtool.formats.tmx import write_tmx

    unit = Unit("Le char recule.", "The tank moves back.", "fr-FR", "en-GB",
                source_markup='<bpt i="1">&lt;b&gt;</bpt>Le <hi type="term">char</hi><ept i="1">&lt;/b&gt;</ept> '
                              '<hi type="x-locked">recule</hi>.',
                target_markup='The <hi type="term">tank</hi> <hi type="x-its">moves</hi> back.')  # Okapi's ITS mark
    out = io.BytesIO()
    write_tmx([unit], out, srclang="fr-FR")
    written = out.getvalue().decode()
    assert ('<seg><bpt i="1">&lt;b&gt;</bpt>Le char<ept i="1">&lt;/b&gt;</ept> <bpt i="2" type="x-locked"/>recule'
            '<ept i="2"/>.</seg>' in written)
    assert "<seg>The tank moves back.</seg>" in written


def test_a_trados_segment_s_confirmation_level_goes_to_trados_in_the_prop_it_reads():
    """A unit read from Trados's SDLXLIFF keeps its confirmation level as ``x-state`` (``Draft``), which a TMX export
    wrote as it is: Trados reads a TMX unit's level from ``x-ConfirmationLevel`` only (as it writes it), so a draft
    exported with --include-unconfirmed went into a Trados memory as a translation, whatever its import's confirmation
    levels said. The level is written as Trados's prop too, which tmtool reads back as the one prop it was."""
    from tmtool.formats.tmx import is_unconfirmed, read_tmx, write_tmx
    from tmtool.formats.xliff import read_xliff

    units = list(read_xliff(io.BytesIO(
        b'<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" '
        b'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="a.docx" '
        b'datatype="x-sdlfilterframework2" source-language="fr-FR" target-language="en-GB"><body>' + b"".join(
            b'<trans-unit id="u%d"><source>Phrase %d.</source><seg-source><mrk mtype="seg" mid="1">Phrase %d.</mrk>'
            b'</seg-source><target><mrk mtype="seg" mid="1">Sentence %d.</mrk></target><sdl:seg-defs>'
            b'<sdl:seg id="1" conf="%s" origin="mt"/></sdl:seg-defs></trans-unit>' % (n, n, n, n, conf)
            for n, conf in enumerate([b"Draft", b"ApprovedSignOff"], 1)) + b"</body></file></xliff>")))
    out = io.BytesIO()
    write_tmx(units, out, srclang="fr-FR")
    written = etree.fromstring(out.getvalue())
    assert [[(p.get("type"), p.text) for p in tu.iterfind("prop")] for tu in written.iter("tu")] == [
        [("x-state", "Draft"), ("x-document", "a.docx"), ("x-sdl-origin", "mt"), ("x-ConfirmationLevel", "Draft")],
        [("x-state", "ApprovedSignOff"), ("x-document", "a.docx"), ("x-sdl-origin", "mt"),
         ("x-ConfirmationLevel", "ApprovedSignOff")]]
    back = list(read_tmx(io.BytesIO(out.getvalue())))
    assert [u.props for u in back] == [u.props for u in units]
    assert [is_unconfirmed(u) for u in back] == [True, False]


def test_a_draft_of_another_tool_goes_to_trados_as_a_draft(tmp_path):
    """A draft exported with --include-unconfirmed keeps the state its tool gave it (memoQ's ``Pretranslated``, an
    XLIFF's ``needs-review-translation``, Phrase's segment not confirmed) as ``x-state``, a mark Trados does not read:
    its TMX import took each for a translation (its level ``Translated`` by default), whatever its import's
    confirmation levels. A draft is written ``x-ConfirmationLevel`` ``Draft`` too, read back as the one prop it was."""
    from tmtool.formats.tmx import is_unconfirmed, read_tmx, write_tmx
    from tmtool.formats.xliff import read_xliff

    units = list(read_xliff(io.BytesIO(
        b'<?xml version="1.0" encoding="utf-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff"'
        b' version="1.2"><file original="a.docx" source-language="fr-fr" target-language="en-gb" datatype="x-docx">'
        b'<body><trans-unit id="1" mq:status="Pretranslated" mq:percent="100"><source xml:space="preserve">Attendez.'
        b'</source><target xml:space="preserve">Wait.</target></trans-unit><trans-unit id="2" mq:status='
        b'"ManuallyConfirmed"><source xml:space="preserve">Fin.</source><target xml:space="preserve">End.</target>'
        b'</trans-unit></body></file></xliff>')))
    units += list(read_xliff(io.BytesIO(
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="r.txt" '
        b'source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body><trans-unit id="3"><source>Le '
        b'vote.</source><target state="needs-review-translation">The vote.</target></trans-unit></body></file></xliff>')))
    out = io.BytesIO()
    write_tmx(units, out, srclang="fr-FR")
    written = etree.fromstring(out.getvalue())
    assert [[p.text for p in tu.iterfind("prop") if p.get("type") == "x-ConfirmationLevel"]
            for tu in written.iter("tu")] == [["Draft"], [], ["Draft"]]
    back = list(read_tmx(io.BytesIO(out.getvalue())))
    assert [u.props for u in back] == [u.props for u in units]
    assert [is_unconfirmed(u) for u in back] == [True, False, True]


def test_a_tmx_s_own_highlight_is_exported_as_codes_around_its_text():
    """A TMX's own ``hi`` (of no type, or a tool's ``b``) was written back as it came: OmegaT 3.6 drops the text of
    every ``hi`` (measured: ``Fermez la vanne <hi>V-101</hi> maintenant.`` is *Fermez la vanne  maintenant.* in its
    memory), so the unit matched no sentence. It goes out as a pair of codes of no native data around its text, as
    locked text does, and comes back the ``hi`` it was."""
    from tmtool.formats.tmx import read_tmx, write_tmx

    seg = 'Le <hi x="4">siège</hi> de l’<hi type="b">OTAN</hi>.'
    [unit] = read_tmx(_tmx(f'<tu><tuv xml:lang="fr-FR"><seg>{seg}</seg></tuv><tuv xml:lang="en-GB"><seg>NATO '
                           f'<hi x="4">headquarters</hi></seg></tuv></tu>'))
    out = io.BytesIO()
    write_tmx([unit], out, srclang="fr-FR")
    assert ('<seg>Le <bpt i="1" type="x-hi" x="4"/>siège<ept i="1"/> de l’<bpt i="2" type="x-hi-b"/>OTAN<ept i="2"/>.'
            '</seg>') in out.getvalue().decode()
    [back] = read_tmx(io.BytesIO(out.getvalue()))
    assert (back.source, back.source_markup, back.target_markup) == (
        "Le siège de l’OTAN.", seg, 'NATO <hi x="4">headquarters</hi>')


def test_a_confirmation_level_or_state_given_twice_is_exported():
    """A prop given twice (on the ``tu`` and a ``tuv``, or repeated) is a list of its values: a unit whose
    ``x-ConfirmationLevel`` or ``x-state`` came so made the TMX and XLIFF exports, which look for a Trados level to
    write, fail with a ``TypeError`` (a list is no member of a set of levels). Such a unit is written with its props as
    they came, a draft still one (one value not confirmed is enough, as an import reads it)."""
    from tmtool.formats.tmx import is_unconfirmed, read_tmx, write_tmx
    from tmtool.formats.xliff import read_xliff, write_xliff

    units = list(read_tmx(_tmx(
        '<tu><prop type="x-ConfirmationLevel">Translated</prop><tuv xml:lang="fr-FR"><prop type='
        '"x-ConfirmationLevel">ApprovedTranslation</prop><seg>Le convoi part.</seg></tuv><tuv xml:lang="en-GB"><seg>'
        'The convoy leaves.</seg></tuv></tu><tu><prop type="x-state">Translated</prop><prop type="x-state">Draft</prop>'
        '<tuv xml:lang="fr-FR"><seg>La séance est levée.</seg></tuv><tuv xml:lang="en-GB"><seg>The meeting is '
        'closed.</seg></tuv></tu>')))
    assert [u.props.get("x-ConfirmationLevel") or u.props.get("x-state") for u in units] == [
        ["Translated", "ApprovedTranslation"], ["Translated", "Draft"]]
    out = io.BytesIO()
    write_tmx(units, out, srclang="fr-FR")
    back = list(read_tmx(io.BytesIO(out.getvalue())))
    assert [u.props for u in back] == [u.props for u in units]
    assert [is_unconfirmed(u) for u in back] == [False, True]
    xliff = io.BytesIO()
    write_xliff(units, xliff, srclang="fr-FR")
    assert [is_unconfirmed(u) for u in read_xliff(io.BytesIO(xliff.getvalue()))] == [False, True]


def _omegat_project_save(auto: bool) -> str:
    """A project_save.tmx as OmegaT writes it (ProjectTMX.exportTMX) with its "save auto-populated status" option:
    ``x-auto`` on a default translation it inserted from a memory of tm/auto, not validated since."""
    auto_prop = '<prop type="x-auto">auto</prop>' if auto else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n<tmx version="1.1">\n  <header '
            'creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6.0.1"'
            ' segtype="sentence" srclang="fr-FR"/>\n  <body>\n<!-- Default translations -->\n    <tu>\n      '
            f'{auto_prop}<tuv lang="fr-FR"><seg>Le convoi part.</seg></tuv>\n      <tuv lang="en-GB" changeid="pm" '
            'changedate="20240301T101500Z" creationid="pm" creationdate="20240301T101500Z"><seg>The convoy leaves.'
            '</seg></tuv>\n    </tu>\n    <tu>\n      <tuv lang="fr-FR"><seg>La séance est levée.</seg></tuv>\n      '
            '<tuv lang="en-GB" changeid="pm" changedate="20240301T101700Z"><seg>The meeting is closed.</seg></tuv>\n'
            '    </tu>\n<!-- Alternative translations -->\n  </body>\n</tmx>\n')


def test_a_translation_omegat_auto_populated_is_not_confirmed_until_validated(tmp_path):
    """OmegaT marks a translation it inserted itself from a memory of tm/auto, and which no translator has validated
    since, ``<prop type="x-auto">auto</prop>`` in its project memory: it was imported as a confirmed translation.
    It is one not confirmed (a draft with --include-unconfirmed), which the project memory saved once the translator
    validated the segment (the mark gone) confirms."""
    from conftest import run

    path = tmp_path / "project_save.tmx"
    path.write_text(_omegat_project_save(auto=True), encoding="utf-8")
    assert run(tmp_path / "t.db", "import", path).output == (
        "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, 1 not confirmed skipped\n")
    db = tmp_path / "d.db"
    assert run(db, "import", path, "--include-unconfirmed").output.endswith("1 not confirmed included as drafts\n")
    path.write_text(_omegat_project_save(auto=False), encoding="utf-8")
    assert run(db, "import", path).output == (
        "0 units added, 2 already stored, 1 draft confirmed, 0 untranslated skipped\n")
    assert run(db, "export", "tmx", "-o", tmp_path / "out.tmx").exit_code == 0
    assert [(u.target, "x-auto" in u.props) for u in read_tmx(tmp_path / "out.tmx")] == [
        ("The convoy leaves.", False), ("The meeting is closed.", False)]


def _omegat_alternatives(validated: bool) -> str:
    """A project_save.tmx holding alternative translations (a segment's own, keyed by file and id) as OmegaT writes
    them with its "save auto-populated status" option: ``x-ice`` or ``x-100pc`` naming the segment's id on one it
    inserted itself from a memory of tm/auto (ProjectTMX.exportTMX; read back only when it names the entry's id)."""
    def alternative(number: int, source: str, target: str, mark: str) -> str:
        auto = "" if validated or not mark else f'\n      <prop type="{mark}">{number}</prop>'
        return (f'    <tu>\n      <prop type="file">rapport.fr.txt</prop>\n      <prop type="id">{number}</prop>\n'
                f'      <prop type="prev"></prop>\n      <prop type="next"></prop>\n      <prop type="path"></prop>'
                f'{auto}\n      <tuv lang="fr-FR"><seg>{source}</seg></tuv>\n      <tuv lang="en-GB" changeid="pm" '
                f'changedate="20240301T101500Z"><seg>{target}</seg></tuv>\n    </tu>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n<tmx version="1.1">\n  <header '
            'creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6.0.1"'
            ' segtype="sentence" srclang="fr-FR"/>\n  <body>\n<!-- Default translations -->\n<!-- Alternative '
            'translations -->\n' + alternative(1, "Le convoi part.", "The convoy leaves.", "x-ice")
            + alternative(2, "La séance est levée.", "The meeting is closed.", "x-100pc")
            + alternative(3, "Le vote a lieu.", "The vote takes place.", "") + '  </body>\n</tmx>\n')


def test_an_alternative_translation_omegat_auto_populated_is_not_confirmed_until_validated(tmp_path):
    """OmegaT marks the alternative translations it inserted itself from a memory of tm/auto (an in-context or a 100%
    match for that very segment) ``x-ice`` and ``x-100pc``, naming the segment's id, as it marks a default one
    ``x-auto``: they were imported as confirmed translations. They are not confirmed (drafts with
    --include-unconfirmed) until the project memory, saved once the translator validated them, no longer marks them."""
    from conftest import run

    path = tmp_path / "project_save.tmx"
    path.write_text(_omegat_alternatives(validated=False), encoding="utf-8")
    assert run(tmp_path / "t.db", "import", path).output == (
        "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, 2 not confirmed skipped\n")
    db = tmp_path / "d.db"
    assert run(db, "import", path, "--include-unconfirmed").output.endswith("2 not confirmed included as drafts\n")
    path.write_text(_omegat_alternatives(validated=True), encoding="utf-8")
    assert run(db, "import", path).output == (
        "0 units added, 3 already stored, 2 drafts confirmed, 0 untranslated skipped\n")
    assert run(db, "export", "tmx", "-o", tmp_path / "out.tmx").exit_code == 0
    assert [(u.target, "x-ice" in u.props or "x-100pc" in u.props) for u in read_tmx(tmp_path / "out.tmx")] == [
        ("The convoy leaves.", False), ("The meeting is closed.", False), ("The vote takes place.", False)]
