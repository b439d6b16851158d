"""The DOCTYPE check of ``xmlsafe``: made on the prolog, before and whatever libxml2 parses.

libxml2 2.14 refuses entity bombs itself ("Maximum entity amplification factor exceeded"); these tests
pin down that the refusal tmtool gives is its own, in every encoding the parser reads, and that
comments, processing instructions and quoted literals neither hide nor fake an entity declaration.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tmtool.errors import TmtoolError
from tmtool.io import xmlsafe
from tmtool.formats.tmx import read_tmx
from tmtool.io.xmlsafe import check_prolog, parse_xml

from hostile_corpus import BILLION_LAUGHS, ENGLISH, FRENCH, tmx, tu

DECLARATION = '<?xml version="1.0" encoding="{}"?>\n'


def refusal(data: bytes) -> TmtoolError:
    with pytest.raises(TmtoolError) as caught:
        parse_xml(io.BytesIO(data))
    assert "declares entities" in caught.value.message, caught.value.message
    return caught.value


def test_the_refusal_comes_before_libxml2_sees_the_file(monkeypatch):
    def no_parse(*args, **kwargs):
        raise AssertionError("libxml2 was given a document that declares entities")

    monkeypatch.setattr(etree, "parse", no_parse)
    monkeypatch.setattr(etree, "iterparse", no_parse)
    bomb = tmx(tu(source="&lol9;"), BILLION_LAUGHS)
    assert refusal(bomb).line == 3
    with pytest.raises(TmtoolError, match=r"declares entities \(lol, lol1, lol2, lol3, lol4 …\)"):
        list(read_tmx(io.BytesIO(bomb)))


def test_an_unused_entity_is_refused_as_well():
    # nothing to amplify, so libxml2 has no complaint of its own: only our check can refuse this
    data = tmx(tu(), '<!DOCTYPE tmx [\n<!ENTITY unused "x">\n]>\n')
    etree.parse(io.BytesIO(data))
    error = refusal(data)
    assert error.message.startswith("the DOCTYPE declares entities (unused)") and error.line == 3


@pytest.mark.parametrize("encoding, declared", [
    ("utf-8-sig", "UTF-8"), ("utf-16", "UTF-16"), ("utf-16-be", None), ("utf-32", "UTF-32"), ("utf-32-be", None),
    ("latin-1", "ISO-8859-1"), ("cp1252", "windows-1252"),
])  # fmt: skip
def test_entities_are_found_in_every_encoding_the_parser_reads(encoding, declared):
    text = tmx(tu(source="&lol9;"), BILLION_LAUGHS).decode()
    text = text.replace(DECLARATION.format("UTF-8"), DECLARATION.format(declared) if declared else "")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    error = refusal(data)
    assert error.line == (3 if declared else 2)


def test_an_entity_cannot_hide_behind_utf7():
    # "+ADw-" is "<" in UTF-7: libxml2 decodes it and sees the declaration, so the check must too
    data = (DECLARATION.format("UTF-7") + '<!DOCTYPE r [\n+ADw-!ENTITY a "b">\n]>\n<r>&a;</r>').encode()
    assert [entity.name for entity in etree.parse(io.BytesIO(data)).docinfo.internalDTD.iterentities()] == ["a"]
    assert refusal(data).line == 3


@pytest.mark.parametrize("declared", ["UTF-16", "x-klingon", "base64", "rot13", "idna", "punycode"])
def test_a_misleading_declared_encoding_does_not_hide_an_entity(declared):
    # UTF-16 declared in an 8-bit file, a codec Python lacks or one that is no text encoding: the
    # prolog is read as the ASCII it evidently is
    data = tmx(tu(), BILLION_LAUGHS).replace(b'"UTF-8"', f'"{declared}"'.encode())
    assert refusal(data).line == 3


@pytest.mark.parametrize("declared", ["UTF-16", "utf-16", "UTF-32", "UCS-2"])
def test_a_file_labelled_utf16_but_written_in_utf8_is_refused_saying_so(declared):
    """.NET's XmlWriter over a StringWriter declares utf-16, and the text is then saved in UTF-8: the file was
    refused as "not well-formed XML: Blank needed here", which says nothing of the label."""
    data = tmx(tu()).replace(b'"UTF-8"', f'"{declared}"'.encode())
    with pytest.raises(TmtoolError) as caught:
        parse_xml(io.BytesIO(data))
    assert caught.value.message.startswith(f'declares encoding="{declared}" but is written in 8-bit text')
    # the same declaration with the byte-order mark and text it names reads
    good = data.decode("utf-8").encode("utf-16") if declared.lower() == "utf-16" else None
    if good:
        assert parse_xml(io.BytesIO(good)).getroot().tag == "tmx"


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
    '<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" "tmx14.dtd" []>\n',
    '<!-- <!DOCTYPE tmx [<!ENTITY a "b">]> -->\n<!DOCTYPE tmx>\n',
    '<!DOCTYPE tmx SYSTEM "odd]>[<!ENTITY a \'b\'>.dtd" [\n'
    '<!-- <!ENTITY no "no"> ]> -->\n'
    '<?note <!ENTITY no "no"> ]> ?>\n'
    '<!NOTATION n SYSTEM "<!ENTITY no \'no\'> ]>">\n'
    '<!ATTLIST tu note CDATA "]>">\n'
    '<!ELEMENT tmx ANY>\n'
    ']>\n',
])  # fmt: skip
def test_comments_instructions_and_literals_declare_nothing(doctype):
    [unit] = read_tmx(io.BytesIO(tmx(tu(), doctype)))
    assert (unit.source, unit.target) == (FRENCH, ENGLISH)


@pytest.mark.parametrize("before", [
    '<!ATTLIST tu note CDATA "]>">\n',  # a quoted "]>" does not end the subset
    '<!-- ]> -->\n',
    '<?pi ]> ?>\n',
    '<!NOTATION n PUBLIC "-//x//EN" \'a"]>\'>\n',
])  # fmt: skip
def test_an_entity_after_a_quoted_end_of_subset_is_found(before):
    data = tmx(tu(), f"<!DOCTYPE tmx [\n{before}<!ENTITY a 'b'>\n]>\n")
    assert refusal(data).line == 3 + before.count("\n")


@pytest.mark.parametrize("shift", range(-12, 13))
def test_declarations_across_read_chunks_are_found_on_their_line(shift):
    # a long comment puts the comment's end and the declaration across the 64 KiB read boundary
    head = DECLARATION.format("UTF-8") + "<!DOCTYPE tmx [\n<!--"
    padding = "\n" * (xmlsafe._CHUNK - len(head) + shift)
    data = tmx(tu(), f"<!DOCTYPE tmx [\n<!--{padding}-->\n<!ENTITY late 'x'>\n]>\n")
    assert refusal(data).line == 4 + len(padding)


def test_a_pipe_is_checked_and_then_parsed_from_its_start():
    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes):
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            chunk = self.data.read(min(len(buffer), 1000))  # short reads, as a pipe gives
            buffer[: len(chunk)] = chunk
            return len(chunk)

    assert not Pipe(b"").seekable()
    units = list(read_tmx(Pipe(tmx(tu() * 300, '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'))))
    assert len(units) == 300 and units[0].source == FRENCH
    with pytest.raises(TmtoolError, match="declares entities"):
        list(read_tmx(Pipe(tmx(tu(), BILLION_LAUGHS))))


def test_check_prolog_reads_only_the_start_of_a_large_file():
    stream = io.BytesIO(tmx(tu() * 20_000))
    check_prolog(stream, None)
    assert stream.tell() == xmlsafe._CHUNK < len(stream.getvalue())


# ---- the check against libxml2 itself ----

# text that would fool a scan for "<!ENTITY" or for the "]>" that ends the internal subset
_TRICKY = ["", " ", "]>", "]", ">", "[", "<!ENTITY fake 'x'>", "<!DOCTYPE r [", "%p;", "-", "?", "'", '"']


def _quoted(forbidden: str = "") -> st.SearchStrategy[str]:
    """A quoted literal whose text is tricky, within what its kind of literal may hold."""
    def literal(quote: str, parts: list[str]) -> str:
        return quote + "".join(p for p in parts if quote not in p and not set(p) & set(forbidden)) + quote

    return st.builds(literal, st.sampled_from(["'", '"']), st.lists(st.sampled_from(_TRICKY), max_size=4))


def _text(forbidden: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_TRICKY), max_size=4).map(
        lambda parts: "".join(p for p in parts if forbidden not in p).replace("--", ""))


_COMMENT = _text("--").map(lambda text: f"<!--{text.rstrip('-')}-->")
_PI = _text("?>").map(lambda text: f"<?pi {text.rstrip('?')}?>")
_ENTITY = st.builds(lambda name, value: f"<!ENTITY {name} {value}>",
                    st.sampled_from(["a", "% p", "b"]), _quoted(forbidden="%&<"))
_OTHER_DECLARATION = st.one_of(
    _COMMENT, _PI, st.just("<!ELEMENT r ANY>"),
    _quoted(forbidden="<&").map(lambda value: f"<!ATTLIST r a CDATA {value}>"),
    _quoted().map(lambda value: f"<!NOTATION n SYSTEM {value}>"),
)


@st.composite
def _prologs(draw) -> tuple[str, bool]:
    """A prolog (mostly well-formed) and whether its internal subset declares entities."""
    subset = draw(st.lists(st.one_of(_ENTITY, _OTHER_DECLARATION), max_size=6))
    external = draw(st.one_of(st.just(""), _quoted().map(lambda value: f" SYSTEM {value}")))
    internal = " [\n" + "\n".join(subset) + "\n]" if subset or draw(st.booleans()) else ""
    misc = "\n".join(draw(st.lists(st.one_of(_COMMENT, _PI), max_size=2)))
    prolog = f'<?xml version="1.0"?>\n{misc}\n<!DOCTYPE r{external}{internal}>\n'
    return prolog, any(declaration.startswith("<!ENTITY") for declaration in subset)


@settings(max_examples=400)
@given(_prologs())
def test_a_prolog_is_refused_exactly_when_libxml2_sees_entities_in_it(prolog_and_truth):
    prolog, declares = prolog_and_truth
    data = (prolog + "<r/>").encode()
    try:
        tree = etree.parse(io.BytesIO(data), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return  # a literal the generator could not keep well-formed (a %p; that PE rules forbid there)
    dtd = tree.docinfo.internalDTD
    assert declares == (dtd is not None and any(True for _ in dtd.iterentities()))
    try:
        check_prolog(io.BytesIO(data), None)
        refused = False
    except TmtoolError:
        refused = True
    assert refused == declares, prolog


@given(st.binary(max_size=400))
def test_check_prolog_takes_any_bytes(data):
    try:
        check_prolog(io.BytesIO(data), "any.xml")
    except TmtoolError as exc:
        assert "\n" not in str(exc)


UNDECLARED_ENTITY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="CMS export" creationtoolversion="2"'
    ' segtype="sentence" o-tmf="html" adminlang="en" srclang="fr" datatype="html"/><body>\n'
    '<tu><tuv xml:lang="fr"><seg>Le convoi part.</seg></tuv><tuv xml:lang="en"><seg>The convoy leaves.</seg></tuv></tu>\n'
    '<tu><tuv xml:lang="fr"><seg>Article&nbsp;5</seg></tuv><tuv xml:lang="en"><seg>Article&nbsp;5</seg></tuv></tu>\n'
    '</body></tmx>\n')


@pytest.mark.parametrize("glossary", [False, True])
def test_an_undeclared_entity_is_named_on_its_line_in_a_streamed_file(tmp_path, glossary):
    """HTML's ``&nbsp;`` copied into a TMX or TBX by an exporter that writes HTML as it is: the file is refused, but
    lxml's iterparse (which reads TMX, TBX and MultiTerm XML) said "no element found", or "Start tag expected, '<'
    not found" on line 1, for a file of a few hundred lines; the error now names the entity and its line."""
    from click.testing import CliRunner

    from tmtool.cli import main
    from tmtool.formats.tbx import read_tbx

    if glossary:
        path = tmp_path / "termbase.tbx"
        terms = "".join(f'<termEntry id="c{n}"><langSet xml:lang="fr"><tig><term>terme {n}</term></tig></langSet>'
                        f'<langSet xml:lang="en"><tig><term>term {n}</term></tig></langSet></termEntry>\n' for n in range(300))
        path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><martifHeader>'
                        '<fileDesc><sourceDesc><p>CMS</p></sourceDesc></fileDesc></martifHeader><text><body>\n' + terms
                        + '<termEntry id="x"><langSet xml:lang="fr"><tig><term>article&nbsp;5</term></tig></langSet>'
                        '</termEntry>\n</body></text></martif>\n', encoding="utf-8")
        reader, line = read_tbx, 303
    else:
        path = tmp_path / "memory.tmx"
        path.write_text(UNDECLARED_ENTITY, encoding="utf-8")
        reader, line = read_tmx, 4
    expected = f"{path}:{line}: not well-formed XML: Entity 'nbsp' not defined"
    with open(path, "rb") as stream:  # as an import with progress reads it
        for source in (path, stream):
            with pytest.raises(TmtoolError) as caught:
                list(reader(source))
            assert str(caught.value) == expected
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(path)])
    assert (result.exit_code, result.stderr) == (1, f"tmtool: error: {expected}\n")
