"""Inline codes, kept the way TMX 1.4b writes them: the one form the model holds them in.

A segment with formatting or placeholders is two things at once. ``Unit.source``/``target`` hold
its plain text — what is translated, matched and searched — and ``Unit.source_markup``/
``target_markup`` the inner XML of a TMX ``<seg>``, which ``export tmx`` writes back. In that XML
the native codes are the content of ``bpt``/``ept`` (a paired code's start and end), ``ph`` (a
standalone code), ``it`` (a code whose partner lies outside the segment) and ``ut``; they are not
text, so the plain text leaves them out: ``The big <bpt i="1">&lt;b&gt;</bpt>black<ept i="1">&lt;/b&gt;
</ept> cat`` reads as ``The big black cat``. ``hi`` delimits text and keeps it.

XLIFF's inline elements are converted to those TMX elements on reading (:func:`xliff_segment`):

=================================  ===========================================================
XLIFF 1.2 (1.0, 1.1)               TMX 1.4b
=================================  ===========================================================
``g`` (text inside)                ``bpt`` … text … ``ept``, a pair of its own
``x``                              ``ph``
``bx`` / ``ex`` (paired by rid)    ``bpt`` / ``ept``
``bpt`` / ``ept`` / ``ph``         the same element, native code and ``sub`` kept
``it pos="open|close"``            ``it pos="begin|end"``
``mrk mtype="protected"``          ``hi type="x-locked"``, text not to be changed
``mrk mtype="…"`` (term, x-…)      ``hi`` of that type (``x-hi``: of none), as an export writes a ``hi``;
                                   one of no text (memoQ's QA marker ``x-ewloc``) a position: none
``mrk`` of no type, ``seg``,       their text only (a ``mrk`` Trados's track changes deleted:
Trados's ``x-sdl-…``, unknown      none)
elements
=================================  ===========================================================

=================================  ===========================================================
XLIFF 2.0                          TMX 1.4b
=================================  ===========================================================
``pc`` (text inside)               ``bpt`` … text … ``ept``
``sc`` / ``ec`` (paired by         ``bpt`` / ``ept``; with ``isolated="yes"`` ``it``
``startRef``)
``ph``                             ``ph``
``cp hex``                         the character, or a ``ph`` when XML cannot carry it
``mrk``, ``sm``, ``em``            their text only
=================================  ===========================================================

A 2.0 code's native data (``originalData``, referred to by ``dataRef``, ``dataRefStart``,
``dataRefEnd``) becomes the TMX element's content; a 1.2 ``id`` becomes ``x`` and ``ctype``
``type``. A code without native data holds the text its tool shows for it, if it gives one: 1.2's
``equiv-text``, 2.0's ``disp`` (``dispStart``/``dispEnd``), where Angular writes the source's own
``{{ name }}`` and ``<em>``. Pairs are numbered ``i="1"``, ``i="2"`` … in order; a start or end whose partner is not in
the segment becomes an ``it``, as TMX requires.

An XLIFF export writes them back as XLIFF 1.2's (:func:`write_xliff_inline`), the reverse of the reading
above, so that the file read again gives the same codes: a code holding native data as Okapi writes one
by default, a code holding none as Okapi's "g mode" and Trados write codes:

=================================  ===========================================================
TMX 1.4b                           XLIFF 1.2
=================================  ===========================================================
``bpt``/``ept``/``ph``/``it``      the same element (``it pos="open|close"``), native code and
holding native code                ``sub`` kept; ``ut`` a ``ph``
``bpt`` … ``ept`` holding none     ``g`` around the text between them, ``bx`` / ``ex`` when the
                                   pair overlaps another
``ph`` / ``it`` holding none       ``x`` / ``bx`` or ``ex``
``hi``                             ``mrk``, ``mtype="protected"`` for ``x-locked``, the type
                                   itself if XLIFF defines it (``term``), else ``x-…``
=================================  ===========================================================

OmegaT keeps a segment's tags in its own memory (``project_save.tmx``) as text, short tags numbered in
the segment: ``<g0>`` … ``</g0>`` a pair, ``<x1/>`` a standalone tag. Read from a TMX OmegaT wrote
(:func:`omegat_segment`), they are codes, each holding its short tag as native code: a pair a ``bpt``/
``ept`` (an ``it`` when its partner is not in the segment), a standalone tag a ``ph``, so that
``Cliquez <g0>ici</g0>`` reads as ``Cliquez ici`` and its markup's text is the segment as OmegaT wrote
it, nothing lost. :func:`omegat_text` gives that text back for a TMX export, whose ``tuv`` then names OmegaT
its ``creationtool`` so that the export reads as OmegaT's memory does.

TYPO3 writes a rich text field's HTML as it is, in a CDATA section of its XLIFF: its tags are codes too
(:func:`html_segment`), each holding its tag, a pair a ``bpt``/``ept``, a void element (``<br />``) a ``ph``,
and its text the text between them, character references decoded.

A Trados Studio memory (.sdltm) keeps a segment as Trados's own XML, ``<Segment><Elements>`` of
``<Text><Value>`` and ``<Tag>`` (:func:`trados_segment`); the memory holds no native code, so a code
holds nothing:

=================================  ===========================================================
Trados ``Tag`` ``Type``            TMX 1.4b
=================================  ===========================================================
``Start`` / ``End``                ``bpt`` / ``ept``, ``i`` its ``Anchor``
``Standalone``                     ``ph``
``TextPlaceholder``                ``ph`` holding its ``TextEquivalent``
``UnmatchedStart`` / ``…End``      ``it pos="begin|end"``
``LockedContent``                  ``hi type="x-locked"`` holding its ``TextEquivalent``: text
=================================  ===========================================================

A code's ``AlignmentAnchor``, which ties it to its counterpart on the other side, is its ``x`` (none when it
is ``0``, which Trados writes for a code tied to none, as on an ``End``), and its ``TagID`` its ``type``.

memoQ writes the special characters of a segment (a tab, a line break inside a paragraph, a no-break
space) as standalone codes holding its own tag, ``<ph>&lt;mq:ch val="&amp;#9;" /&gt;</ph>``, in its
XLIFF and TMX: such a code is the character it names, so the plain text holds it (*Column A⇥Column
B*, not *Column AColumn B*) while the markup keeps the code as memoQ wrote it.
"""

from __future__ import annotations

import re
from html import unescape

from lxml import etree

from ..errors import Invalid
from ..io.xmlchars import not_xml
from ..io.xmlsafe import split_tag, xml_parser, xml_text

CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})  # TMX elements holding native code, not text
END = "\x00end"  # an original_data key's suffix for the end of a paired code (no XML id holds a NUL)
DELETED = "x-sdl-deleted"  # the mrk type of text Trados's track changes deleted (x-sdl-added is text)
# mrk types of Trados's review (track changes, comments: x-sdl-added, x-sdl-comment), read as text, not as a hi
_TOOL_MARKS = ("x-sdl-",)
# the mrk type an XLIFF export gives a TMX hi, read back as that hi's type (a hi of no type is written x-hi)
_HI_TYPE = {"protected": "x-locked", "x-hi": None}
_XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# memoQ's special character as a standalone code's native data (its value escaped once more, or not)
_MEMOQ_CHARACTER = re.compile(r'\s*<mq:ch\s+val="([^"]*)"\s*/>\s*')
# an HTML line break as a placeholder's native code (<br>, <br/>, <br />)
_BREAK_TAG = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
# OmegaT's short tag, as its PatternConsts.OMEGAT_TAG has it: a name, its number, "/" before or after
OMEGAT_TAG = re.compile(r"<(/?)([a-zA-Z]+)([0-9]+)(/?)>")
# an HTML tag in text: a comment, or a start or end tag (its name, its attributes quoted or not, "/" at its end)
HTML_TAG = re.compile(r"""<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*)\s*(/?)>""",
                      re.DOTALL)
# the elements of HTML (the living standard's, and those of HTML 4 still written: b, i, u, font, center …)
HTML_ELEMENTS = frozenset("""a abbr acronym address area article aside audio b bdi bdo big blockquote body br button
caption center cite code col colgroup data dd del details dfn div dl dt em embed figcaption figure font footer h1 h2
h3 h4 h5 h6 header hr i iframe img input ins kbd label legend li link main mark nav ol p picture pre q s samp section
small source span strike strong sub summary sup table tbody td tfoot th thead time tr track tt u ul var video
wbr""".split())
# the elements that have no end tag
HTML_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                       "wbr"})


def segment_content(seg: etree._Element) -> tuple[str, str | None]:
    """A TMX ``<seg>``'s plain text (codes left out), and its inner XML when it holds elements."""
    if len(seg) == 0:  # most segments are plain text
        return seg.text or "", None
    # lxml escapes '>' in attribute values, so the first '>' ends the start tag
    xml = etree.tostring(seg, encoding="unicode", with_tail=False)
    return plain_text(seg), xml[xml.index(">") + 1 : xml.rindex("</")]


# a start tag in a <seg>'s XML of an element TMX does not define there (a comment's too): lxml writes '<' in text and
# attribute values as '&lt;', so each '<' starts markup
_FOREIGN_TAG = re.compile(r"<(?!/|(?:bpt|ept|ph|it|ut|hi|sub)[\s/>])")


def tmx_segment(seg: etree._Element) -> tuple[str, str | None]:
    """A TMX ``<seg>``'s plain text and inner XML, as :func:`segment_content`; elements TMX does not define
    there are read as XLIFF's (MateCat's TMX exports held its ``g`` and ``x`` until 2020) and made TMX's
    codes, others their text, so that an export writes TMX back. (Told by the XML written, not element by
    element: this runs for every segment of a large memory.)"""
    if len(seg) == 0:
        return seg.text or "", None
    if any(_hi_type(code) is not None for code in seg.iter("bpt")):
        _codes_as_locks(seg)
    xml = etree.tostring(seg, encoding="unicode", with_tail=False)
    inner = xml[xml.index(">") + 1 : xml.rindex("</")]
    if not _FOREIGN_TAG.search(inner):
        return plain_text(seg), inner
    repaired = etree.Element("seg")
    _TmxRepair({}).fill(repaired, seg)
    _isolate_unpaired(repaired)
    return segment_content(repaired)


def omegat_segment(text: str) -> tuple[str, str | None]:
    """A segment of OmegaT's memory: its plain text, and its short tags as TMX codes (None when it has none)."""
    if "<" not in text or not OMEGAT_TAG.search(text):
        return text, None
    tags = []
    for match in OMEGAT_TAG.finditer(text):
        closing, name, number, empty = match.groups()
        kind = "ph" if empty and not closing else "ept" if closing else "bpt"
        tags.append((match, kind, f"{name}{number}", number))
    return _tags_as_codes(text, tags)


# Wordfast Classic's placeholders in a TM's segment (its wiki, "Placeholders"): &t1; a Word graphic, &t2; a footnote,
# &tA; … &t¥; a hundred tags, &t=<tag>; a tag the source did not hold; &t9; (a tab) and &t#; (a manual line break)
# stand for characters, not codes
WORDFAST_PLACEHOLDER = re.compile(r"&t(=<[^>]*>|[^\s;&'9#]);")
_WORDFAST_CHARACTERS = {"&t9;": "\t", "&t#;": "\n"}


def wordfast_segment(text: str, decode=str) -> tuple[str, str | None]:
    """A Wordfast TM's segment: its plain text (``decode``d, its tab and line break placeholders the characters),
    and its placeholders as TMX ``ph`` codes holding each as written (None when it has none)."""
    for placeholder, character in _WORDFAST_CHARACTERS.items():
        text = text.replace(placeholder, character)
    tags = [(match, "ph", "", None) for match in WORDFAST_PLACEHOLDER.finditer(text)]
    if not tags:
        return decode(text), None
    plain = decode(WORDFAST_PLACEHOLDER.sub("", text))
    if not_xml(text) or not_xml(plain):  # a control character (Word's page break, &'0C;) no TMX segment can hold
        return plain, None  # beside codes: the text alone, as a segment without placeholders is read
    return _tags_as_codes(text, tags, decode)


def html_segment(text: str, any_tag: bool) -> tuple[str, str | None]:
    """Text holding HTML, as TYPO3 writes a rich text field's content in an XLIFF ``CDATA`` section
    (``<p>Lisez <a href="…">la note</a>.</p>``): its plain text, character references decoded, and its tags as
    TMX codes, each holding its tag as native code (None when it has none) — a pair a ``bpt``/``ept`` (an
    ``it`` when its partner is not in the text: ``<p>`` without ``</p>``), a void element (``<br />``,
    ``<img>``) or a comment a ``ph``. Only the names of HTML's elements are tags, unless ``any_tag``
    (a unit the file says is HTML, where a browser takes ``<bold>`` for a tag too): ``Enter a valid
    <email> &amp; more`` in a plain text label is text, as it stands."""
    tags = []
    for match in HTML_TAG.finditer(text):
        closing, name, empty = match.group(1), (match.group(2) or "").lower(), match.group(4)
        if match.group(2) is not None and not any_tag and name not in HTML_ELEMENTS:
            continue
        standalone = match.group(2) is None or name in HTML_VOID or (empty and not closing)
        tags.append((match, "ph" if standalone else "ept" if closing else "bpt", name, None))
    if not tags:  # no HTML after all, unless the file says so: plain text, "&amp;" a word's letters
        return (unescape(text), None) if any_tag else (text, None)
    return _tags_as_codes(text, tags, unescape)


def _tags_as_codes(text: str, tags: list[tuple[re.Match, str, str, str | None]], decode=str) -> tuple[str, str | None]:
    """``text`` with the tags it holds as TMX codes: each tag its match, its code (``bpt``, ``ept`` or ``ph``),
    the key pairing a start with its end, and its ``x`` (or None); the text between them ``decode``d. An
    end closes the last start of its key still open; one without a start, or a start never closed, is an ``it``."""
    seg = etree.Element("seg")
    opened: dict[str, list[str]] = {}  # a tag's key → the i of its pairs still open
    pairs = at = 0
    for match, kind, key, x in tags:
        _append_text(seg, decode(text[at:match.start()]))
        attributes = {"x": x} if x is not None else {}
        if kind == "ept":
            attributes = {"i": opened[key].pop() if opened.get(key) else f"end{match.start()}"}  # unpaired: an it below
        elif kind == "bpt":
            pairs += 1
            opened.setdefault(key, []).append(str(pairs))
            attributes = {"i": str(pairs), **attributes}
        etree.SubElement(seg, kind, attributes).text = match.group()
        at = match.end()
    _append_text(seg, decode(text[at:]))
    _isolate_unpaired(seg)
    return segment_content(seg)


def omegat_text(seg: etree._Element) -> str | None:
    """A segment whose codes are all OmegaT's short tags (:func:`omegat_segment`) as OmegaT writes it in its
    memory, the tags as text; None for any other."""
    codes = list(seg)
    if not codes or any(code.tag not in ("bpt", "ept", "ph", "it") or len(code) or not OMEGAT_TAG.fullmatch(code.text or "")
                        for code in codes):
        return None
    return "".join(seg.itertext())


def trados_segment(elements: etree._Element) -> tuple[str, str | None]:
    """A Trados memory's segment (its ``<Elements>``): the plain text, and its codes as the inner XML of
    a TMX ``<seg>`` (None when it has none)."""
    seg = etree.Element("seg")
    for element in elements:
        # by local names: Trados declares namespaces (xsi, xsd) but writes its elements in none
        field = {child.tag.rpartition("}")[2]: child.text or "" for child in element if isinstance(child.tag, str)}
        kind = field.get("Type", "")
        aligned = field.get("AlignmentAnchor", "").strip()
        aligned = None if aligned in ("", "0") else aligned  # 0: tied to no code of the other side
        if not isinstance(element.tag, str) or element.tag.rpartition("}")[2] != "Tag":  # Text, what holds a Value
            _append_text(seg, field.get("Value"))
        elif kind == "LockedContent":
            etree.SubElement(seg, "hi", type="x-locked").text = field.get("TextEquivalent")
        elif kind in ("Start", "End"):
            attributes = {"i": field.get("Anchor") or "0"}
            if kind == "Start":
                attributes |= {"x": aligned, "type": field.get("TagID")}
            etree.SubElement(seg, "bpt" if kind == "Start" else "ept",
                             {key: value for key, value in attributes.items() if value})
        else:
            attributes = {"x": aligned, "type": field.get("TagID")}
            if kind.startswith("Unmatched"):
                attributes["pos"] = "begin" if kind == "UnmatchedStart" else "end"
            code = etree.SubElement(seg, "it" if "pos" in attributes else "ph",
                                    {key: value for key, value in attributes.items() if value})
            code.text = field.get("TextEquivalent") or None
    _isolate_unpaired(seg)
    return segment_content(seg)


def plain_text(element: etree._Element, line_breaks: bool = True) -> str:
    """The text of a TMX segment (or ``hi``) without the native codes of its inline elements; without
    ``line_breaks``, as readers made it before a line-break code parted two words (``line_break``), which a store
    made then holds (``store.rows.line_break_texts``)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in CODES:  # hi, and what TMX does not know
            parts.append(plain_text(child, line_breaks))
        elif child.tag == "ph":
            parts.append(memoq_character(child)
                         or (line_break(child, "".join(parts)[-1:], (child.tail or "")[:1]) if line_breaks else ""))
        parts.append(child.tail or "")
    return "".join(parts)


def line_break(ph: etree._Element, before: str, after: str) -> str:
    """A line break for a standalone code that is one between two characters that are not white space (``before``,
    ``after``), else "": a code of TMX 1.4b's type ``lb`` (XLIFF 1.2's ctype, read as the type), or holding an HTML
    ``<br>``, as an HTML filter writes one, parts the words either side of it (*technical⏎arrangement*, not
    *technicalarrangement*), as memoQ's line break does; beside a space, it adds nothing to the text."""
    native = (ph.text or "") if len(ph) == 0 else ""
    breaks = ph.get("type") == "lb" or _BREAK_TAG.fullmatch(native)
    return "\n" if breaks and before and after and not before.isspace() and not after.isspace() else ""


def memoq_character(ph: etree._Element) -> str:
    """The character a standalone code of memoQ's stands for (``<mq:ch val="&#9;" />``), else ""."""
    match = _MEMOQ_CHARACTER.fullmatch(ph.text or "") if len(ph) == 0 else None
    character = unescape(match.group(1)) if match else ""
    return character if _XML_CHAR.fullmatch(character) else ""


def xliff_segment(element: etree._Element, original_data: dict[str, str] | None = None) -> tuple[str, str | None]:
    """An XLIFF ``<source>``/``<target>``'s plain text, and its inline codes as the inner XML of a TMX
    ``<seg>`` (None when it has none). ``original_data``: the native codes by id, a 2.0 unit's
    ``<data>`` texts, or the tags Trados defines in its file's header (a paired code's end under
    ``id + END``)."""
    seg = etree.Element("seg")
    _Converter(original_data or {}).fill(seg, element)
    _isolate_unpaired(seg)
    return segment_content(seg)


class _Converter:
    """Copies XLIFF inline content into a TMX ``<seg>``, numbering the pairs it meets."""

    def __init__(self, original_data: dict[str, str]):
        self.data = original_data
        self.pairs: dict[str, str] = {}  # XLIFF pair id → TMX i
        self.anonymous = 0

    def fill(self, parent: etree._Element, element: etree._Element) -> None:
        _append_text(parent, element.text)
        for child in element:
            name = split_tag(child.tag)[1] if isinstance(child.tag, str) else None
            convert = getattr(self, f"_{name}", None) if name else None
            if convert is None:  # mrk, sm, em, elements of other vocabularies: their text only
                if name:
                    self.fill(parent, child)
            else:
                convert(parent, child)
            _append_text(parent, child.tail)

    def _pair(self, key: str | None) -> str:
        if key is None:  # a pair of its own (g, pc)
            self.anonymous += 1
            key = f"\x00{self.anonymous}"
        return self.pairs.setdefault(key, str(len(self.pairs) + 1))

    def _code(self, parent, tag: str, source: etree._Element | None = None, **attributes) -> etree._Element:
        """A TMX code element; ``source``'s content (XLIFF 1.2 native code, with ``sub``) is copied in."""
        code = etree.SubElement(parent, tag, {k: v for k, v in attributes.items() if v is not None})
        if source is not None:
            code.text = source.text
            for child in source:
                if isinstance(child.tag, str) and split_tag(child.tag)[1] == "sub":
                    kinds = {"datatype": child.get("datatype"), "type": child.get("ctype") or child.get("type")}
                    self.fill(etree.SubElement(code, "sub", {k: v for k, v in kinds.items() if v}), child)
                _append_text(code, child.tail)
        return code

    def _native(self, parent, tag: str, reference: str | None, shown: str | None = None, **attributes) -> None:
        """A TMX code element holding a code's original data, else the text a tool shows for it (``shown``:
        XLIFF 1.2's ``equiv-text``, 2.0's ``disp``, Angular's ``{{ name }}``), if it has either."""
        self._code(parent, tag, **attributes).text = (self.data.get(reference) if reference else None) or shown

    # ---- XLIFF 1.2 ----

    def _g(self, parent, g) -> None:
        i = self._pair(None)
        self._native(parent, "bpt", g.get("id"), i=i, x=g.get("id"), type=g.get("ctype"))
        self.fill(parent, g)
        self._native(parent, "ept", f"{g.get('id')}{END}", i=i)

    def _x(self, parent, x) -> None:
        self._native(parent, "ph", x.get("id"), x.get("equiv-text"), x=x.get("id"), type=x.get("ctype"))

    def _bx(self, parent, bx) -> None:
        self._native(parent, "bpt", None, bx.get("equiv-text"), i=self._pair(bx.get("rid") or bx.get("id")),
                     x=bx.get("id"), type=bx.get("ctype"))

    def _ex(self, parent, ex) -> None:
        self._native(parent, "ept", None, ex.get("equiv-text"), i=self._pair(ex.get("rid") or ex.get("id")))

    def _bpt(self, parent, bpt) -> None:
        self._code(parent, "bpt", bpt, i=self._pair(bpt.get("rid") or bpt.get("id")), x=bpt.get("id"),
                   type=bpt.get("ctype"))

    def _ept(self, parent, ept) -> None:
        self._code(parent, "ept", ept, i=self._pair(ept.get("rid") or ept.get("id")))

    def _ph(self, parent, ph) -> None:
        if "dataRef" in ph.attrib or "disp" in ph.attrib:  # XLIFF 2.0 (whose ph holds nothing itself)
            self._native(parent, "ph", ph.get("dataRef"), ph.get("disp"), x=ph.get("id"))
        else:
            self._code(parent, "ph", ph, x=ph.get("id"), type=ph.get("ctype"))

    def _mrk(self, parent, mrk) -> None:
        mtype = (mrk.get("mtype") or "").strip()
        if mtype == DELETED:  # a reviewer's deletion, tracked, is no longer text
            return
        if not mtype or mtype == "seg" or mtype.startswith(_TOOL_MARKS):  # a segment's or a review's bounds: text
            self.fill(parent, mrk)
            return
        if not len(mrk) and not mrk.text:  # a position, no text of a kind (memoQ's QA markers, x-ewloc): nothing
            return
        # text of a kind (a term, a name, text not to be changed): TMX's hi, as an XLIFF export writes one
        kind = _HI_TYPE.get(mtype, mtype)
        self.fill(etree.SubElement(parent, "hi", {"type": kind} if kind else {}), mrk)

    def _it(self, parent, it) -> None:
        pos = "end" if it.get("pos") == "close" else "begin"
        self._code(parent, "it", it, pos=pos, x=it.get("id"), type=it.get("ctype"))

    # ---- XLIFF 2.0 ----

    def _pc(self, parent, pc) -> None:
        i = self._pair(None)
        self._native(parent, "bpt", pc.get("dataRefStart"), pc.get("dispStart"), i=i, x=pc.get("id"))
        self.fill(parent, pc)
        self._native(parent, "ept", pc.get("dataRefEnd"), pc.get("dispEnd"), i=i)

    def _sc(self, parent, sc) -> None:
        if sc.get("isolated") == "yes":
            self._native(parent, "it", sc.get("dataRef"), sc.get("disp"), pos="begin", x=sc.get("id"))
        else:
            self._native(parent, "bpt", sc.get("dataRef"), sc.get("disp"), i=self._pair(sc.get("id")), x=sc.get("id"))

    def _ec(self, parent, ec) -> None:
        if ec.get("isolated") == "yes":
            self._native(parent, "it", ec.get("dataRef"), ec.get("disp"), pos="end", x=ec.get("id"))
        else:
            self._native(parent, "ept", ec.get("dataRef"), ec.get("disp"), i=self._pair(ec.get("startRef")))

    def _cp(self, parent, cp) -> None:
        try:
            char = chr(int(cp.get("hex", ""), 16))
        except (ValueError, OverflowError):
            char = ""
        if _XML_CHAR.fullmatch(char):
            _append_text(parent, char)
        else:  # what XML 1.0 cannot carry is a code, not text
            self._code(parent, "ph", type="x-cp").text = cp.get("hex")


class _TmxRepair(_Converter):
    """Copies a TMX ``<seg>`` holding elements of XLIFF: TMX's own are kept (pairs numbered anew, after XLIFF's
    ``g``), XLIFF's converted."""

    def _bpt(self, parent, bpt) -> None:
        self._tmx_code(parent, bpt).set("i", self._pair(f"\x01{bpt.get('i')}"))

    def _ept(self, parent, ept) -> None:
        self._tmx_code(parent, ept).set("i", self._pair(f"\x01{ept.get('i')}"))

    def _ph(self, parent, ph) -> None:
        self._tmx_code(parent, ph)

    def _it(self, parent, it) -> None:
        self._tmx_code(parent, it)

    def _ut(self, parent, ut) -> None:
        self._tmx_code(parent, ut)

    def _hi(self, parent, hi) -> None:
        self.fill(etree.SubElement(parent, "hi", dict(hi.attrib)), hi)

    def _tmx_code(self, parent, code) -> etree._Element:
        """A copy of a TMX code, the XLIFF codes its ``sub`` holds made TMX's too (a sub may hold no ``g``)."""
        copied = etree.SubElement(parent, code.tag, dict(code.attrib))
        copied.text = code.text
        for child in code:
            if child.tag == "sub":
                self.fill(etree.SubElement(copied, "sub", dict(child.attrib)), child)
            elif isinstance(child.tag, str):  # no element a code holds: its text is the code's
                _append_text(copied, "".join(child.itertext()))
            _append_text(copied, child.tail)
        return copied


def _append_text(parent: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _isolate_unpaired(seg: etree._Element) -> None:
    """A ``bpt`` without its ``ept`` in the segment or its ``sub`` (or the reverse) becomes an ``it``; a pair may
    open in a ``hi`` and close after it, as TMX lets it."""
    scopes: dict[etree._Element, list[etree._Element]] = {}
    for code in seg.iter("bpt", "ept"):
        scope = code.getparent()
        while scope is not seg and scope.tag != "sub":
            scope = scope.getparent()
        scopes.setdefault(scope, []).append(code)
    for codes in scopes.values():
        starts = {code.get("i") for code in codes if code.tag == "bpt"}
        ends = {code.get("i") for code in codes if code.tag == "ept"}
        for code in codes:
            if code.get("i") not in (ends if code.tag == "bpt" else starts):
                code.set("pos", "begin" if code.tag == "bpt" else "end")
                code.tag = "it"
                del code.attrib["i"]


# ---- writing XLIFF 1.2 ----

# the ctype values XLIFF 1.2 defines for a paired code (g, bx, bpt, it) and for a placeholder (x, ph); any other is
# written as a value of one's own, "x-…", TMX's "ulined" as XLIFF's "underlined"
_PAIRED_CTYPES = frozenset({"bold", "italic", "underlined", "link"})
_PLACEHOLDER_CTYPES = frozenset({"image", "pb", "lb"})
# the mtype XLIFF 1.2 gives text that is not to be changed, what a TMX hi of Trados's locked content holds
_LOCKED = {"x-locked": "protected"}
# the mtype values XLIFF 1.2 defines (ISO 12620's term types and its own), written as they are; any other x-…
_MTYPES_12 = frozenset("""abbrev abbreviated-form abbreviation acronym appellation collocation common-name datetime
equation expanded-form formula head-term initialism international-scientific-term internationalism
logical-expression materials-management-unit name near-synonym part-number phrase phraseological-unit protected
romanized-form seg set-phrase short-form sku standard-text symbol synonym synonymous-phrase term transcribed-form
transliterated-form truncated-term variant""".split())


# the hi types that annotate text (what XLIFF 1.2's mrk marks a term, a name, an abbreviation as; Okapi's x-its, an ITS
# annotation: a quality issue, a term), not text not to be changed (x-locked): kept for an XLIFF export, left out of a
# TMX export (see without_annotations); a TMX's own hi of another type (b, none) is written back as it came
ANNOTATIONS = (_MTYPES_12 - {"protected", "seg"}) | {"x-its"}


def without_annotations(seg: etree._Element) -> bool:
    """Take the ``hi`` that only annotate their text (:data:`ANNOTATIONS`: ``<hi type="term">``, as an XLIFF's
    ``<mrk mtype="term">`` is read) out of a ``<seg>``, their text kept; whether there was one. OmegaT reads a TMX's
    ``hi`` as a tag and drops its text (checked with OmegaT 3.6): a unit whose source marks a term no longer matched
    its sentence exactly, and as a fuzzy match it scored lower and offered a translation without the term's words.
    A memory is matched on its text. (OmegaT drops the text of every ``hi``, ``x-locked`` too: that one says what a
    Trados memory must not change, so it is written as codes around its text, :func:`locks_as_codes`.)"""
    marks = [hi for hi in seg.iter("hi") if hi.get("type") in ANNOTATIONS]
    for hi in marks:
        hi.tag = "x-annotation"
    etree.strip_tags(seg, "x-annotation")
    return bool(marks)


# the type of the pair of codes of no native data a TMX export writes a locked span as (see locks_as_codes); another
# hi's, of no type or of its own (HIGHLIGHT + "-" + its type)
LOCKED = "x-locked"
HIGHLIGHT = "x-hi"


def locks_as_codes(seg: etree._Element) -> bool:
    """Write each span of locked text (``<hi type="x-locked">``, Trados's locked content) of a ``<seg>``, and each
    other ``hi`` left in it (a TMX's own, of no type or of a tool's), as a pair of codes of no native data around its
    text, ``<bpt i="3" type="x-locked"/>V-101<ept i="3"/>`` (``x-hi``, ``x-hi-b`` for the others, a ``hi``'s ``x``
    kept); whether there was one. OmegaT 3.6 reads a TMX ``hi`` as a tag and drops its text (measured: ``Fermez la
    vanne <hi>V-101</hi> maintenant.`` is *Fermez la vanne  maintenant.* in its memory, matching no sentence), while
    CAT tools read a pair of codes as formatting around text they keep: OmegaT matches the sentence exactly.
    :func:`tmx_segment` reads such a pair back as the ``hi`` it was."""
    spans = list(seg.iter("hi"))
    number = max((int(code.get("i")) for code in seg.iter("bpt", "ept") if (code.get("i") or "").isdigit()), default=0)
    for number, hi in enumerate(spans, number + 1):
        kind = hi.get("type")
        code = kind if kind == LOCKED else f"{HIGHLIGHT}-{kind}" if kind else HIGHLIGHT
        start = etree.Element("bpt", {"i": str(number), "type": code, **({"x": hi.get("x")} if hi.get("x") else {})})
        start.tail, hi.text = hi.text, None
        hi.insert(0, start)
        etree.SubElement(hi, "ept", {"i": str(number)})
        hi.tag = "x-span"
    etree.strip_tags(seg, "x-span")
    return bool(spans)


def _hi_type(code: etree._Element) -> str | None:
    """The ``hi`` type a ``bpt`` :func:`locks_as_codes` wrote stands for (``""``: a ``hi`` of none); None: another."""
    kind = code.get("type") or ""
    if len(code) or code.text or not (kind == LOCKED or kind == HIGHLIGHT or kind.startswith(HIGHLIGHT + "-")):
        return None
    return kind if kind == LOCKED else kind[len(HIGHLIGHT) + 1:]


def _codes_as_locks(seg: etree._Element) -> None:
    """Read each pair of codes :func:`locks_as_codes` wrote (a ``bpt`` of type ``x-locked``, ``x-hi`` or ``x-hi-…``
    and its ``ept``, both of no native data, in the same element) as the ``hi`` around its text it was."""
    for start in [bpt for bpt in seg.iter("bpt") if _hi_type(bpt) is not None]:
        end = next((ept for ept in start.itersiblings("ept") if ept.get("i") == start.get("i")), None)
        if end is None or len(end) or end.text:
            continue
        kind = _hi_type(start)
        hi = etree.Element("hi", {**({"x": start.get("x")} if start.get("x") else {}),
                                  **({"type": kind} if kind else {})})
        hi.text, hi.tail = start.tail, end.tail
        for inside in list(start.itersiblings()):
            if inside is end:
                break
            hi.append(inside)
        start.getparent().replace(start, hi)
        end.getparent().remove(end)


def markup_segment(markup: str, where: str) -> etree._Element:
    """The ``<seg>`` of a unit's inline markup as it was read, once it is known to be well-formed XML."""
    try:
        return etree.fromstring(f"<seg>{xml_text(markup, where)}</seg>", xml_parser())
    except etree.XMLSyntaxError as exc:
        raise Invalid(f"{where}: its inline markup is not well-formed XML ({exc.msg})") from None


def write_xliff_inline(parent: etree._Element, markup: str, where: str, namespace: str,
                       source: _XliffWriter | None = None) -> _XliffWriter:
    """Fill an XLIFF 1.2 ``<source>`` or ``<target>`` with a segment's text and codes, given as its TMX markup:
    a code holding native data as the same element of XLIFF (``bpt``/``ept``, ``ph``, ``it``; ``ut`` a
    ``ph``), its native code and ``sub`` kept, as Okapi writes codes; a code holding none (read from
    XLIFF's ``g``/``x``, a Trados memory's tags, OmegaT's short tags) as XLIFF's elements for codes without
    native data: a pair ``g`` around its text (``bx``/``ex`` when it overlaps another), a standalone code
    ``x``, an isolated one ``bx`` or ``ex``; ``hi`` a ``mrk`` (Trados's locked content ``protected``). Read
    back, each is the code it was. A code's ``type`` is its ``ctype``, its ``x`` its ``id`` (a pair's end
    has its start's, as Okapi pairs them): the id that ties a target's code to the source's. A code without
    ``x`` (HTML's tags) takes the id of the source's code of the same native code (``source``: what writing
    the source returned), else a number no code of the unit has."""
    seg = markup_segment(markup, where)
    # OmegaT's short tags stand for codes whose native data OmegaT does not keep in its memory
    writer = _XliffWriter(seg, namespace, omegat_text(seg) is None, source)
    writer.fill(parent, seg)
    return writer


class _XliffWriter:
    """Copies a TMX ``<seg>``'s content into an XLIFF 1.2 element (see :func:`write_xliff_inline`)."""

    def __init__(self, seg: etree._Element, namespace: str, native: bool, source: _XliffWriter | None):
        self.ns, self.native = namespace, native
        self.used = {code.get("x") for code in seg.iter(*CODES) if code.get("x")}
        self.written: set[str] = set()  # the ids written so far
        self.ids: dict[str, str] = {}  # a pair's i → the id its start and end are written with
        self.by_code: dict[tuple[str, str], list[str]] = {}  # a code's element and native code → its ids
        self.source = source
        if source:
            self.used |= source.used | source.written
        self.numbers = 0

    def fill(self, parent: etree._Element, element: etree._Element) -> None:
        """``element``'s content (a seg, hi or sub) into ``parent``, each pair of codes without native data
        that nests with the others a ``g`` holding what lies between its start and end."""
        wrapped = self._wrapped(element)
        open_g = [parent]
        _append_text(parent, element.text)
        for child in element:
            if not isinstance(child.tag, str):
                pass  # a comment or processing instruction: no content
            elif child.tag == "bpt" and child.get("i") in wrapped:
                open_g.append(self._element(open_g[-1], "g", id=self._id(child), ctype=self._ctype(child)))
            elif child.tag == "ept" and child.get("i") in wrapped:
                open_g.pop()
            elif child.tag == "hi":
                self.fill(self._element(open_g[-1], "mrk", mtype=self._mtype(child.get("type"))), child)
            else:
                self._code(open_g[-1], child)
            _append_text(open_g[-1], child.tail)

    def _wrapped(self, element: etree._Element) -> set[str]:
        """The ``i`` of the pairs among ``element``'s children that a ``g`` can hold: start and end there, neither
        holding native data, every pair started between them ended between them."""
        codes = list(element.iterchildren("bpt", "ept"))
        bare = {code.get("i") for code in codes} - {code.get("i") for code in codes if self._holds_data(code)}
        started, wrapped = [], set()
        for code in codes:
            i = code.get("i")
            if code.tag == "bpt":
                started.append(i)
            elif started and started[-1] == i:
                started.pop()
                wrapped.add(i)
            elif i in started:  # overlapping the pairs started after it: they and it are bx/ex
                del started[started.index(i):]
        starts = [code.get("i") for code in codes if code.tag == "bpt"]
        return {i for i in wrapped & bare if starts.count(i) == 1}

    def _code(self, parent: etree._Element, code: etree._Element) -> None:
        kind, data = code.tag, self._holds_data(code)
        if kind in ("bpt", "ept"):
            name = kind if data else "bx" if kind == "bpt" else "ex"
            element = self._element(parent, name, id=self._id(code),
                                    ctype=self._ctype(code) if kind == "bpt" else None)
        elif kind == "it":
            opens = code.get("pos") != "end"
            if data:
                element = self._element(parent, "it", id=self._id(code), pos="open" if opens else "close",
                                        ctype=self._ctype(code))
            else:
                element = self._element(parent, "bx" if opens else "ex", id=self._id(code),
                                        ctype=self._ctype(code) if opens else None)
        elif kind in ("ph", "ut"):
            element = self._element(parent, "ph" if data else "x", id=self._id(code),
                                    ctype=self._ctype(code, placeholder=True), assoc=code.get("assoc"))
        else:  # an element TMX does not know: its text
            self.fill(parent, code)
            return
        if data:
            element.text = code.text
            for sub in code.iterchildren("sub"):
                self.fill(self._element(element, "sub", datatype=sub.get("datatype"),
                                        ctype=self._ctype(sub)), sub)
                _append_text(element, sub.tail)

    def _holds_data(self, code: etree._Element) -> bool:
        return self.native and bool(code.text or len(code))

    def _element(self, parent, name: str, **attributes) -> etree._Element:
        return etree.SubElement(parent, f"{{{self.ns}}}{name}",
                                {key: value for key, value in attributes.items() if value is not None})

    def _id(self, code: etree._Element) -> str:
        """The id a code is written with: its ``x`` when no other code of the segment is written with it (a pair's
        end: its start's), else the first number no code has."""
        i = code.get("i")
        if code.tag == "ept" and i in self.ids:
            return self.ids[i]
        key = (code.tag, "".join(code.itertext()) if self.native else "")
        written = code.get("x") or next((id for id in (self.source.by_code.get(key, []) if self.source else [])
                                         if id not in self.written), None)
        if not written or written in self.written:
            written = self._number()
        self.written.add(written)
        self.by_code.setdefault(key, []).append(written)
        if i is not None:
            self.ids[i] = written
        return written

    def _number(self) -> str:
        while True:
            self.numbers += 1
            if str(self.numbers) not in self.used | self.written:
                return str(self.numbers)

    @staticmethod
    def _ctype(code: etree._Element, placeholder: bool = False) -> str | None:
        kind = (code.get("type") or "").strip()
        kind = "underlined" if kind == "ulined" else kind
        if not kind or kind in (_PLACEHOLDER_CTYPES if placeholder else _PAIRED_CTYPES):
            return kind or None
        return _own_value(kind)

    @staticmethod
    def _mtype(kind: str | None) -> str:
        kind = (kind or "").strip()
        return _LOCKED.get(kind) or (kind if kind in _MTYPES_12 - {"seg"} else _own_value(kind or "hi"))


def _own_value(kind: str) -> str:
    """A value of XLIFF 1.2's ``x-…`` form (no space in it) for a TMX type."""
    return "_".join((kind if kind.startswith("x-") else f"x-{kind}").split())
