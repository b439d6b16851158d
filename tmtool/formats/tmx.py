"""TMX 1.4b: stream translation units out and in, in constant memory.

Written files carry all seven required header attributes, ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``,
BCP 47 language tags (the source ``tuv`` in the unit's own tag: one that differs from the header's
``srclang``, ``fr-CA`` under ``fr-FR``, is the ``<tu>``'s ``srclang`` too), UTC dates in
``YYYYMMDDThhmmssZ``, unit provenance as ``<prop type="x-…">`` and notes as ``<note>``: a unit's first the
``<tu>``'s, which OmegaT shows (it reads a ``<tu>``'s last note only), the others its source ``tuv``'s.

Characters that XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE,
U+FFFF) are not dropped or replaced: a translation memory that silently differs from its source is
worse than an export that stops, so the writer raises ``TmtoolError`` naming the unit and the
character, and (when writing to a path) leaves any previous file untouched.

A unit's ``variants`` (its text in further languages) are written as further ``tuv``s after the target.

Reading accepts TMX 1.1–1.4 (``xml:lang`` or the legacy ``lang``; a ``<tmx>`` without ``version``
too; in no namespace or TMX's own, ``http://www.lisa.org/tmx14``), UTF-8 or UTF-16. A ``<tu>`` of
three or more languages is one unit: source, target and variants (see :func:`read_tmx`). A segment with inline
markup (``bpt``/``ept``/``ph``/``it``/``hi``/``ut``) is read twice over: its text without the native codes
becomes the unit's plain ``source``/``target`` (see :mod:`tmtool.formats.inline`), and its inner XML is kept
verbatim in ``source_markup``/``target_markup``, which the writer puts back as it was. In a TMX OmegaT wrote
(its ``project_save.tmx``) a segment's short tags, which OmegaT keeps as text (``<g0>``, ``</g0>``,
``<x1/>``), are read as such codes (:func:`tmtool.formats.inline.omegat_segment`); in another tool's TMX such
text stays text. Written back, such a segment is text again, as OmegaT writes it, and its ``tuv`` says OmegaT
made it (``creationtool="OmegaT"``, which TMX lets a ``tu`` or ``tuv`` give for itself, overriding the
header's): read again, by tmtool or another tmtool store, its tags are codes again. Props and notes of a
``tuv`` are the unit's, and the ``<tu>``'s ``creationid``, ``changeid``, ``lastusagedate``, ``usagecount``,
``datatype``, ``segtype``, ``o-tmf`` and ``o-encoding`` (or its target ``tuv``'s) are kept as props and written
back as attributes. memoQ's context of a unit (its
neighbouring source segments, ``x-context-pre``/``x-context-post`` holding each as ``<seg>…</seg>``: see
:data:`MEMOQ_CONTEXT`) is written back on the source ``tuv``, where memoQ writes and reads it.

The header's props and notes (memoQ's memory ``name``, ``defclient``; Trados's field definitions
``x-Client:MultiplePicklist``, ``x-Recognizers``; a note) describe the memory the units came from. A store
merges memories, so each unit keeps its own memory's: a header ``<prop type="T">`` as the unit's prop
``x-tmx-header:T`` (:data:`HEADER_PROP`), a header ``<note>`` as its prop ``x-tmx-header-note``
(:data:`HEADER_NOTE`, a list when several); the store holds them once an import, not on each unit
(``store.rows.stored_props``), and gives each unit its own back. Written back, when every unit of an export carries the same
(the units of one imported memory) they are the header's props and notes again, as they were; when the
units come from memories that said different things, the header says none and each unit carries its own as
``<prop>``s of those names, which read again give it the same props.

So are the header's attributes that describe the memory (:data:`HEADER_ATTRIBUTES`: the tool and format it
came from, ``o-tmf``; its ``segtype``, ``datatype``, ``adminlang``, ``o-encoding``; who made and changed it and
when), each as the unit's prop ``x-tmx-header:@NAME`` (:data:`HEADER_ATTRIBUTE`), written back as the header's
attributes, but for ``creationtool``/``creationtoolversion``: the file is tmtool's writing, and its header says
so (a header naming OmegaT would also make OmegaT, and tmtool, read each segment's text as OmegaT's tags); the
memory's tool is said beside it by the header's props ``x-original-creationtool`` and
``x-original-creationtoolversion`` (:data:`TOOL_PROP`), which reading takes back as that memory's tool (an empty
``x-original-creationtool`` when the memory's header named none). A header
tmtool wrote without them is its own (tmtool, the date of the export) and says nothing of a memory: its units
get no such props. A ``segtype`` other than the DTD's four is not kept.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from contextlib import nullcontext
from functools import lru_cache
from itertools import chain
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping
from xml.sax.saxutils import escape

from lxml import etree

from ..errors import Invalid, TmtoolError
from ..io.files import atomic_write
from ..langtags import base_language, normalize_tag
from ..model import CONTEXT_PROPS, HEADER_NOTE, HEADER_PROP, Unit, Variant, header_said, utcnow
from .inline import (
    locks_as_codes, markup_segment, omegat_segment, omegat_text, plain_text, segment_content, tmx_segment,
    without_annotations,
)
from .skips import OnSkip, Unusable, refuse
from ..io.xmlsafe import XML_DECLARATION, XMLSource, iterparse_xml, source_name, xml_parser, xml_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TMX_NAMESPACE = "{http://www.lisa.org/tmx"  # tmx14, and the drafts' tmx20
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
_DATE = re.compile(r"^(\d{8}T\d{6})Z?$")
# the <tu>'s attributes beyond its id and dates (who made and changed it, how often it was used: Trados,
# memoQ; OmegaT puts them on the target <tuv>), kept as props named with ATTRIBUTE_PROP before them
# a <tu>'s attributes kept as props ("@NAME") and written back: who and how often, and what its own text is (its
# datatype, segtype, original format and encoding where they differ from the header's); not its creationtool,
# which would have OmegaT (and tmtool) read its segments as OmegaT's tags
TU_ATTRIBUTES = ("creationid", "changeid", "lastusagedate", "usagecount", "datatype", "segtype", "o-tmf", "o-encoding")
ATTRIBUTE_PROP = "@"  # as XPath names attributes; no tool's <prop> type starts so
ANY_SOURCE = "*all*"  # the header srclang of a memory whose units have different source languages
# memoQ's context of a unit (ContexTM): the source segments before and after it, each as its <seg> (escaped in the
# prop's text), on the source <tuv>; MateCat writes props of these names on the <tu>, as plain text
MEMOQ_CONTEXT = CONTEXT_PROPS
OMEGAT = "OmegaT"  # the creationtool of a TMX (or of a tu or tuv) whose segments hold OmegaT's short tags as text
# the props keeping, on each unit, what the header of the memory it came from said (see the module's doc):
# model.HEADER_PROP, model.HEADER_NOTE
# the header's attributes that describe the memory (TMX 1.4b §3.1: the tool and format it came from, its
# segmentation, the language of its props, who made it and when), each kept as the unit's prop
# HEADER_ATTRIBUTE + name; srclang is not: each unit holds its languages
HEADER_ATTRIBUTE = HEADER_PROP + ATTRIBUTE_PROP
HEADER_ATTRIBUTES = ("creationtool", "creationtoolversion", "o-tmf", "segtype", "adminlang", "datatype",
                     "o-encoding", "creationdate", "creationid", "changedate", "changeid")
SEGTYPES = ("block", "paragraph", "sentence", "phrase")  # the DTD's only values
# A file tmtool writes names tmtool its creationtool (it wrote the file; and a header naming OmegaT would make
# OmegaT and tmtool read every segment's text as OmegaT's tags): the memory's own tool is said by these header
# props instead, which reading takes back as that tool
TOOL_PROP = "x-original-"
TOOL_PROPS = (TOOL_PROP + "creationtool", TOOL_PROP + "creationtoolversion")
TMTOOL = "tmtool"
# the body is spooled in memory up to this size, past it to a temporary file (a header shared by every unit)
_SPOOL_BYTES = 32 * 1024 * 1024
# a memory repeats a handful of language tags millions of times
_bcp47 = lru_cache(maxsize=256)(normalize_tag)


def write_tmx(
    units: Iterable[Unit],
    out: str | Path | BinaryIO,
    *,
    srclang: str,
    adminlang: str = "en",
    creationtool: str = TMTOOL,
    creationtoolversion: str | None = None,
    o_tmf: str = "tmtool",
    datatype: str = "plaintext",
    segtype: str = "sentence",
    header_props: Mapping[str, str] | None = None,
) -> int:
    """Write ``units`` as TMX 1.4b to a path (atomically) or a binary stream; return how many were written.

    A unit whose target is empty is written with its source ``tuv`` only (for pre-translation); its
    variants follow its target, in their order. With ``srclang`` :data:`ANY_SOURCE` each unit's source
    ``tuv`` keeps the unit's own language. ``creationtoolversion`` defaults to tmtool's version.
    """
    if creationtoolversion is None:
        from importlib.metadata import version

        creationtoolversion = version("tmtool")
    srclang = srclang if srclang == ANY_SOURCE else normalize_tag(srclang)
    header = etree.Element(
        "header",
        creationtool=creationtool,
        creationtoolversion=creationtoolversion,
        segtype=segtype,
        **{"o-tmf": o_tmf},
        adminlang=normalize_tag(adminlang),
        srclang=srclang,
        datatype=datatype,
        creationdate=format_date(utcnow()),
    )
    for kind, value in (header_props or {}).items():
        _append_text(header, "prop", value, "the header", type=xml_text(kind, "the header"))
    units = iter(units)
    first = next(units, None)
    shared = _imported_header(first) if first is not None else ()
    units = chain([first], units) if first is not None else units
    opened = atomic_write(out) if isinstance(out, (str, Path)) else nullcontext(out)
    with opened as stream:
        if not shared:  # no memory's header to give back: units stream straight out, each with its own
            _start(stream, header)
            count = 0
            for count, unit in enumerate(units, 1):
                stream.write(_tu_xml(unit, count, srclang).encode())
        else:
            count = _write_sharing(stream, header, units, srclang, shared)
        stream.write(b"</body>\n</tmx>")
    return count


def _start(stream: BinaryIO, header: etree._Element) -> None:
    stream.write(XML_DECLARATION)
    stream.write(f'{DOCTYPE}\n<tmx version="1.4">\n'.encode())
    stream.write(etree.tostring(header, encoding="utf-8", pretty_print=True))
    stream.write(b"<body>\n")


def _write_sharing(stream: BinaryIO, header: etree._Element, units: Iterable[Unit], srclang: str,
                   shared: tuple) -> int:
    """Write the units, the first of which came from a memory whose header said ``shared``
    (:func:`_imported_header`): the header says it again when every unit came with the same, else each unit
    says its own. Which is known at the end only, so the body is spooled (a temporary file past
    ``_SPOOL_BYTES``), each unit written without the shared props, and those put back into each unit that has
    them when others differ. Returns how many units were written."""
    key = sorted(shared)
    alike = bytearray()  # per unit, whether its memory's header said ``shared``
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as body:
        for count, unit in enumerate(units, 1):
            same = sorted(_imported_header(unit)) == key
            alike.append(same)
            body.write(_tu_xml(unit, count, srclang, in_header=same).encode())
        body.seek(0)
        if all(alike):  # the memory's tool, its props, then the notes, as memoQ and Trados write them
            said = sorted(shared, key=lambda held: (held[0] == HEADER_NOTE, not held[0].startswith(HEADER_ATTRIBUTE)))
            if any(kind.startswith(HEADER_ATTRIBUTE) for kind, _ in shared):  # the memory's dates, not the export's
                del header.attrib["creationdate"]
                if not any(kind == HEADER_ATTRIBUTE + "creationtool" for kind, _ in shared):
                    # a memory whose header named no tool: an empty prop still says the header gives a memory's
                    # back, which reading would otherwise take for tmtool's own and drop (o-tmf, dates, adminlang)
                    _append_text(header, "prop", "", "the header", type=TOOL_PROPS[0])
            for kind, values in said:
                for value in values:
                    if kind.startswith(HEADER_ATTRIBUTE):
                        _say_attribute(header, kind[len(HEADER_ATTRIBUTE):], value)
                    elif kind == HEADER_NOTE:
                        _append_text(header, "note", value, "the header")
                    else:
                        _append_text(header, "prop", value, "the header",
                                     type=xml_text(kind[len(HEADER_PROP):], "the header"))
            _start(stream, header)
            shutil.copyfileobj(body, stream)
            return count
        _start(stream, header)
        said = "".join(f"  <prop{_attribute('type', kind, 'the header')}>{_text(value, 'the header')}</prop>\n"
                       for kind, values in shared for value in values).encode()
        number = 0
        for line in body:  # a unit's opening tag is a line of its own, starting the line (see _tu_xml)
            stream.write(line)
            if line.startswith((b"<tu ", b"<tu>")):
                if alike[number]:
                    stream.write(said)
                number += 1
    return count


def _say_attribute(header: etree._Element, name: str, value: str) -> None:
    """The header of a memory's units says again what that memory's header said in its attribute ``name``
    (kept as :data:`HEADER_ATTRIBUTE` props): its tool as a :data:`TOOL_PROP` prop, since tmtool wrote the file;
    the rest as it was."""
    if name in ("creationtool", "creationtoolversion"):
        _append_text(header, "prop", value, "the header", type=TOOL_PROP + name)
    elif name != "segtype" or value in SEGTYPES:
        header.set(name, xml_text(value, "the header"))


def _imported_header(unit: Unit) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What the header of the memory ``unit`` was imported from said: its ``HEADER_PROP`` and ``HEADER_NOTE``
    props, each with its values, in their order."""
    return tuple((kind, tuple(unit.prop_values(kind))) for kind in unit.props if header_said(kind))


# Units are written as strings, not built as elements: a memory holds millions of them, and
# building and serialising a tree per unit was most of an export's time.
_TEXT_ESCAPES = {"\r": "&#13;"}  # a raw CR would be read back as LF
_ATTRIBUTE_ESCAPES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _checked(text: str, where: str) -> str:
    """``text`` once XML can carry it: a printable string holds none of the characters XML refuses
    (controls, surrogates and U+FFFE/U+FFFF are all unprintable), and that test is far cheaper than
    xml_text's search, which is left for the rest (a tab, a no-break space)."""
    return text if text.isprintable() else xml_text(text, where)


def _text(text: str, where: str) -> str:
    text = _checked(text, where)
    # most segments have nothing to escape: a few substring scans, not escape()'s replace loop
    special = "&" in text or "<" in text or ">" in text or "\r" in text
    return escape(text, _TEXT_ESCAPES) if special else text


def _attribute(name: str, value: str, where: str) -> str:
    return f' {name}="{escape(_checked(value, where), _ATTRIBUTE_ESCAPES)}"'


def _tu_xml(unit: Unit, number: int, srclang: str, in_header: bool = False) -> str:
    """A unit as its ``<tu>``, its opening tag a line of its own; ``in_header``: the header says what the
    unit's memory's header said (its ``HEADER_PROP`` and ``HEADER_NOTE`` props), left out here."""
    where = f"unit {unit.tuid!r}" if unit.tuid else f"unit #{number}"
    own = _unit_tag(unit.srclang, where)
    if srclang != ANY_SOURCE and own.partition("-")[0] != srclang.partition("-")[0]:
        raise Invalid(f"{where} has source language {unit.srclang!r} but the TMX source language is {srclang!r}")
    parts = ["<tu"]
    if unit.tuid:
        parts.append(_attribute("tuid", unit.tuid, where))
    if srclang not in (ANY_SOURCE, own):  # a unit in fr-CA among fr-FR ones says so, as TMX lets a <tu> do
        parts.append(_attribute("srclang", own, where))
    if unit.created:
        parts.append(_attribute("creationdate", format_date(unit.created), where))
    if unit.changed:
        parts.append(_attribute("changedate", format_date(unit.changed), where))
    props, source_props = [], []
    for kind, value in unit.props.items():
        if kind.startswith(ATTRIBUTE_PROP) and kind[1:] in TU_ATTRIBUTES:
            parts.append(_attribute(kind[1:], value, where))
        elif in_header and header_said(kind):
            continue
        else:  # a type the <tu> repeated holds the list of its values
            for one in unit.prop_values(kind):
                (source_props if _memoq_context(kind, one) else props).append((kind, one))
    level = trados_level(unit)
    if level:
        props.append((CONFIRMATION_LEVEL, level))
    parts.append(">\n")
    for kind, value in props:
        parts.append(f"  <prop{_attribute('type', kind, where)}>{_text(value, where)}</prop>\n")
    # OmegaT reads a <tu>'s last <note> only (and no tuv's): the unit's own, first of its notes (an XLIFF unit's, then
    # its file's and groups'), is the <tu>'s one, the others go on the source tuv, whose notes are read as the unit's
    # again, after it
    for note in unit.notes[:1]:
        parts.append(f"  <note>{_text(note, where)}</note>\n")
    parts.append(_tuv_xml(own, unit.source, unit.source_markup, where,
                          "".join(f"    <note>{_text(note, where)}</note>\n" for note in unit.notes[1:])
                          + "".join(f"    <prop{_attribute('type', kind, where)}>{_text(value, where)}</prop>\n"
                                    for kind, value in source_props)))
    if unit.target:
        parts.append(_tuv_xml(_unit_tag(unit.tgtlang, where), unit.target, unit.target_markup, where))
    for variant in unit.variants:
        parts.append(_tuv_xml(_unit_tag(variant.lang, where), variant.text, variant.markup, where))
    parts.append("</tu>\n")
    return "".join(parts)


def _unit_tag(tag: str, where: str) -> str:
    try:
        return _bcp47(tag)
    except TmtoolError as exc:
        raise Invalid(f"{where}: {exc.message}") from None


def _tuv_xml(lang: str, text: str, markup: str | None, where: str, props: str = "") -> str:
    """A ``tuv``, with ``props`` (its ``<note>`` and ``<prop>`` elements, written) before its segment."""
    written = None
    if markup is None:
        content = _text(text, where)
    else:
        seg = markup_segment(markup, where)
        written = omegat_text(seg)  # OmegaT's tags go back as OmegaT writes them, so that it matches them exactly
        if written is not None:
            content = _text(written, where)
        # a term's mark is no tag to a CAT tool matching the sentence, a locked span codes around text it keeps
        elif without_annotations(seg) | locks_as_codes(seg):
            content = segment_content(seg)[1] or _text(text, where)  # its codes, else its text
        else:
            content = markup
    start = _tuv_start(lang, written is not None)
    if props:
        start = start.removesuffix(_SEG) + props + _SEG
    return f"{start}{content}</seg>\n  </tuv>\n"


_SEG = "    <seg>"


@lru_cache(maxsize=256)
def _tuv_start(lang: str, omegat: bool = False) -> str:
    """The opening of a ``tuv`` up to its segment's text (``lang`` is a checked BCP 47 tag); ``omegat``: the
    segment holds OmegaT's short tags as text, which the ``tuv`` says by naming OmegaT its creation tool."""
    made = f' creationtool="{OMEGAT}"' if omegat else ""
    return f"  <tuv{_attribute('xml:lang', lang, 'a language tag')}{made}>\n{_SEG}"


def _memoq_context(kind: str, value: str) -> bool:
    """Whether a unit's prop is memoQ's context of its source (:data:`MEMOQ_CONTEXT`: a neighbouring segment, as
    ``<seg>…</seg>``), which memoQ writes on the source ``tuv`` and reads from there only."""
    return kind in MEMOQ_CONTEXT and value.startswith("<seg>") and value.endswith("</seg>")


def neighbour_text(unit: Unit, kind: str) -> str | None:
    """The text of a unit's neighbouring source segment (``kind``: ``x-context-pre``, the one before it, or
    ``x-context-post``, the one after, :data:`MEMOQ_CONTEXT`) as a reader sees it: memoQ's ``<seg>…</seg>`` as
    its text without codes, MateCat's plain text as it is; None where the unit has none (or an empty one: the
    first or last segment of its document)."""
    texts = []
    for value in unit.prop_values(kind):
        if _memoq_context(kind, value):
            try:
                value = plain_text(etree.fromstring(value, xml_parser()))
            except etree.XMLSyntaxError:  # not memoQ's markup after all: the text as it is
                pass
        if value.strip():
            texts.append(" ".join(value.split()))
    return " ".join(texts) or None


def _read_note(element: etree._Element, props: dict, notes: list[str]) -> None:
    """A ``<prop>`` or ``<note>`` added to the unit's: a prop type the ``<tu>`` repeats (a Trados
    multiple-choice field) keeps every value, in a list."""
    if element.tag == "note":
        notes.append(element.text or "")
    elif element.tag == "prop":
        add_prop(props, element.get("type", ""), element.text or "")


def add_prop(props: dict, kind: str, value: str) -> None:
    """A prop's value added to the unit's; one it already has (a tool repeating the <tu>'s props on its
    tuvs, as Okapi's memories do) once only."""
    held = props.get(kind)
    if held is None:
        props[kind] = value
    elif value == held or (isinstance(held, list) and value in held):
        return
    elif isinstance(held, list):
        held.append(value)
    else:
        props[kind] = [held, value]


def _append_text(parent: etree._Element, tag: str, text: str, where: str, **attrs: str) -> None:
    etree.SubElement(parent, tag, attrs).text = xml_text(text, where)


def format_date(moment: datetime) -> str:
    """TMX date: UTC, ``YYYYMMDDThhmmssZ``; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime(DATE_FORMAT)


def parse_date(text: str) -> datetime:
    """A TMX date; the extended ISO 8601 form some tools write instead (``2024-03-12T10:15:00Z``) too."""
    match = _DATE.match(text.strip())
    try:
        if match:
            return datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    except ValueError:
        raise Invalid(f"invalid TMX date {text!r} (expected YYYYMMDDThhmmssZ)") from None


# The props by which tools that write TMX say a unit's translation is not confirmed, and the values that say so.
# Trados Studio exports each unit's confirmation level (Sdl.Core.Globalization.ConfirmationLevel) as
# x-ConfirmationLevel: Draft, RejectedTranslation and RejectedSignOff are not confirmed (its own TMX import can
# keep them out: ImportSettings.ConfirmationLevels); Translated, ApprovedTranslation, ApprovedSignOff and a unit
# without the prop (Trados 2007, other tools) are translations. MateCat writes each segment's status as
# x-MateCAT-status and, unless asked to hide them, the targets of segments not confirmed: NEW, DRAFT, REJECTED.
# An XLIFF 1.2 target's state-qualifier (kept as x-state-qualifier) says a reviewer rejected it, whatever its state.
# Trados's confirmation levels of a segment (sdl:seg conf in its XLIFF, x-ConfirmationLevel in its TMX): a unit read
# from its XLIFF keeps the level as x-state, which a TMX export writes as x-ConfirmationLevel too, the prop Trados reads
CONFIRMATION_LEVEL = "x-ConfirmationLevel"
CONFIRMATION_LEVELS = frozenset({"Draft", "Translated", "RejectedTranslation", "ApprovedTranslation", "RejectedSignOff",
                                 "ApprovedSignOff"})


def trados_level(unit: Unit) -> str | None:
    """The ``x-ConfirmationLevel`` a TMX export gives a unit that has none, so that Trados's TMX import, which reads no
    other mark, takes it as what it is: a Trados level read from its XLIFF (``x-state``) as it is, any other draft
    (memoQ's pre-translated, an XLIFF's needs-review-*, see :func:`is_unconfirmed`) ``Draft``; None for another
    translation (Trados's default level, Translated). Read back as the one prop it was."""
    if CONFIRMATION_LEVEL in unit.props:
        return None
    state = unit.props.get("x-state")  # a list when given twice: no one level
    if isinstance(state, str) and state in CONFIRMATION_LEVELS:
        return state
    return "Draft" if is_unconfirmed(unit) else None


UNCONFIRMED_PROPS = {
    "x-ConfirmationLevel": frozenset({"Draft", "RejectedTranslation", "RejectedSignOff"}),
    "x-MateCAT-status": frozenset({"NEW", "DRAFT", "REJECTED"}),
    "x-state-qualifier": frozenset({"rejected-inaccurate", "rejected-grammar", "rejected-length", "rejected-spelling"}),
    # OmegaT's project memory: a translation it inserted from a memory of tm/auto, which no translator has validated
    # since (written with its "save auto-populated status" option, ProjectTMX's x-auto)
    "x-auto": frozenset({"auto"}),
}
# OmegaT's project memory again: an alternative translation (a segment's own) it inserted from a memory of tm/auto, an
# in-context or a 100% match, not validated since; ProjectTMX writes the segment's id as the value, and reads the mark
# only when it names the entry's own id (its id prop, else its tuid)
_OMEGAT_AUTO_ALTERNATIVE = ("x-ice", "x-100pc")


def is_unconfirmed(unit: Unit) -> bool:
    """Whether a unit read from TMX holds a translation its tool marks as not confirmed (a draft) or rejected
    (see :data:`UNCONFIRMED_PROPS`): an import leaves it out and counts it, as the tools' own imports can. A prop
    given twice, on the <tu> and a <tuv>, is a list of its values: one not confirmed is enough. So is the
    ``x-state`` prop of a draft read from XLIFF (:data:`tmtool.formats.xliff.UNCONFIRMED_STATES`), as a TMX
    export writes it: a draft imported with ``include_unconfirmed`` stays one through a TMX."""
    if _CONFIRMATION_MARKS.isdisjoint(unit.props):  # most units: an export asks it of each of a million
        return False
    return any(level in values for kind, values in UNCONFIRMED_PROPS.items() for level in unit.prop_values(kind)) \
        or any(state in _xliff_unconfirmed_states() for state in unit.prop_values("x-state")) \
        or any(entry in unit.prop_values(kind) for kind in _OMEGAT_AUTO_ALTERNATIVE
               for entry in unit.prop_values("id") or [unit.tuid] if entry)


# the props that say whether a unit's translation is confirmed: TMX's (UNCONFIRMED_PROPS) and an XLIFF's state
_CONFIRMATION_MARKS = frozenset(("x-state", *UNCONFIRMED_PROPS, *_OMEGAT_AUTO_ALTERNATIVE))
# and what a confirmation changes beside them, which the confirming file's unit gives: an XLIFF 1.2 unit's approved,
# Trados's segment origin (a machine's draft a reviewer rewrote is no longer the machine's), memoQ's match rate,
# Phrase's confirmation level (a draft's 0 beside a confirmed state, an XLIFF export wrote it so), score and origin
CONFIRMATION_PROPS = (*_CONFIRMATION_MARKS, "x-approved", "x-sdl-origin", "x-sdl-origin-system", "x-sdl-percent",
                      "x-sdl-text-match", "x-memoq-percent", "x-phrase-confirmed", "x-phrase-score",
                      "x-phrase-gross-score", "x-phrase-trans-origin")


def confirming(stored: dict, unit: Unit) -> dict | None:
    """The props of a stored draft (its props ``stored``) once a file holds it, the same texts, as ``unit``, a
    confirmed translation: those saying it is a draft replaced by ``unit``'s, the others kept (so that the
    translator's confirmation is not lost under "already stored"); None when the stored unit is no draft or
    ``unit`` is one too."""
    if is_unconfirmed(unit) or not is_unconfirmed(Unit("", "", "", "", props=stored)):
        return None
    return {kind: value for kind, value in stored.items() if kind not in CONFIRMATION_PROPS} \
        | {kind: value for kind, value in unit.props.items() if kind in CONFIRMATION_PROPS}


@lru_cache(maxsize=1)
def _xliff_unconfirmed_states() -> frozenset[str]:
    from .xliff import UNCONFIRMED_STATES  # xliff reads TMX's props and dates: imported here when first asked

    return UNCONFIRMED_STATES


# ---- reading ----


def read_tmx(
    source: XMLSource, *, srclang: str | None = None, tgtlang: str | None = None, on_skip: OnSkip = refuse
) -> Iterator[Unit]:
    """Stream the units of a TMX file.

    The source ``tuv`` is the one in ``srclang`` when given, else in the ``<tu>``'s own ``srclang``,
    else in the header's (with ``*all*`` or none, the first ``tuv``). The target is the first other ``tuv``
    with text, or the one in ``tgtlang`` when given; every other ``tuv`` with text is one of the
    unit's ``variants``. A unit with no target ``tuv`` has ``target == ""`` and ``tgtlang == ""``.
    A ``<tu>`` that cannot be read (no source ``tuv``, a bad language tag or date) is passed over
    and told to ``on_skip`` (see :mod:`tmtool.formats.skips`).
    """
    path = source_name(source)
    reader = _TmxReader(path, srclang, tgtlang)
    for event, element in iterparse_xml(source, events=("start", "end"),
                                        tag=("{*}tmx", "{*}body", "{*}header", "{*}tu")):
        if element.tag[0] == "{":
            _unqualified(element)
        if event == "start":
            reader.start(element)  # the root and <body>: checked before their content is read
        elif element.tag == "tu":
            try:
                yield reader.unit(element)
            except Unusable as unusable:
                on_skip(unusable.skipped(path))
            # constant memory: drop the finished unit and any earlier siblings
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
        elif element.tag == "header":
            reader.header(element)
    if not reader.seen_root:
        raise Invalid("not a TMX file: no <tmx> element", path=path)


def _by_omegat(element: etree._Element) -> bool:
    """Whether a ``header``, ``tu`` or ``tuv`` says OmegaT made it (``creationtool``)."""
    return element.get("creationtool", "").strip().lower().startswith(OMEGAT.lower())


def _unqualified(element: etree._Element) -> None:
    """An element in TMX's own namespace (``http://www.lisa.org/tmx14``, which TMX 1.4b's §1.1 defines and
    some tools declare) and its descendants in it named by their local names, as the reader knows them."""
    for inner in element.iter():
        if isinstance(inner.tag, str) and inner.tag.startswith(_TMX_NAMESPACE):
            inner.tag = inner.tag.partition("}")[2]


class _TmxReader:
    """What a streaming read has learnt so far: where it is, and the header's languages."""

    def __init__(self, path: str | None, srclang: str | None, tgtlang: str | None):
        self.path = path
        self.chosen_srclang = self._tag(srclang, None) if srclang else None
        self.srclang: str | None = None
        self.tgtlang = self._tag(tgtlang, None) if tgtlang else None
        self.source_is_first = False
        self.omegat = False  # OmegaT wrote it: its segments' short tags (<g0>, <x1/>) are codes, not text
        self.seen_root = False
        self.seen_header = False
        self.header_props: dict = {}  # the header's props and notes, each unit's (_keep_header)

    def error(self, message: str, element: etree._Element | None) -> Invalid:
        return Invalid(message, path=self.path, line=element.sourceline if element is not None else None)

    def start(self, element: etree._Element) -> None:
        if not self.seen_root:
            self.seen_root = True
            root = element.getroottree().getroot()
            if element is not root:
                raise self.error(f"not a TMX file: the root element is <{root.tag}>, not <tmx>", root)
            # OmegaT and translate-toolkit read a <tmx> without version, and so does this reader
            version = element.get("version", "1.4")
            if not version.startswith("1."):
                raise self.error(f"unsupported TMX version {version!r} (1.1 to 1.4 are read)", element)
        elif element.tag == "body" and not self.seen_header:
            raise self.error("<body> before any <header>: not a TMX file", element)

    def header(self, element: etree._Element) -> None:
        self.seen_header = True
        self.omegat = _by_omegat(element)
        self._keep_header(element)
        if self.chosen_srclang:
            return
        declared = element.get("srclang")
        # a header without srclang (some exporters write a bare <header/>) names no source: each <tu>'s
        # first tuv is, as translate-toolkit and *all* have it
        if not declared or declared.strip().lower() == "*all*":
            self.source_is_first = True
        else:
            self.srclang = self._tag(declared, element)

    def _keep_header(self, header: etree._Element) -> None:
        """What the header says of the whole memory (its props and notes), which each of its units keeps as
        props (:data:`HEADER_PROP`, :data:`HEADER_NOTE`): a store merges memories, and an export gives each
        unit's back (see the module's doc)."""
        # A header tmtool wrote is its own (tmtool's name, the date of the export: nothing of a memory) unless it
        # gives a memory's back, which its TOOL_PROP props say; then its attributes but the tool are that memory's
        gives_back = any(element.tag == "prop" and element.get("type") in TOOL_PROPS for element in header)
        by_tmtool = header.get("creationtool") == TMTOOL
        for name in HEADER_ATTRIBUTES if gives_back or not by_tmtool else ():
            value = header.get(name)
            if name == "segtype" and value:
                value = value.strip().lower() if value.strip().lower() in SEGTYPES else None
            if value and not (by_tmtool and name.startswith("creationtool")):
                self.header_props[HEADER_ATTRIBUTE + name] = value
        for element in header:
            kind = element.get("type", "")
            if element.tag == "prop" and kind in TOOL_PROPS:
                if element.text:  # empty: the memory's header named no tool
                    self.header_props[HEADER_ATTRIBUTE + kind[len(TOOL_PROP):]] = element.text
            elif element.tag == "prop":
                add_prop(self.header_props, HEADER_PROP + kind, element.text or "")
            elif element.tag == "note":  # every note, even one said twice
                held = self.header_props.setdefault(HEADER_NOTE, [])
                held.append(element.text or "")
        if len(self.header_props.get(HEADER_NOTE, ())) == 1:
            self.header_props[HEADER_NOTE] = self.header_props[HEADER_NOTE][0]

    def unit(self, tu: etree._Element) -> Unit:
        if not self.seen_header:
            raise self.error("<tu> before the TMX <header>", tu)
        # one pass over the children: this runs once per unit of a million-unit memory
        tuvs, props, notes = [], {}, []
        for child in tu:
            if child.tag == "tuv":
                tuvs.append((self._tuv_lang(child), child))
                for inner in child:  # a tuv's own props and notes (Trados 2007, Wordfast) are the unit's
                    _read_note(inner, props, notes)
            else:
                _read_note(child, props, notes)
        if not tuvs:
            raise Unusable("a <tu> without any <tuv>", tu.sourceline)
        src = self._source(tuvs, tu)
        omegat = self.omegat or _by_omegat(tu)
        source, source_markup = self._seg_content(src[1], omegat)
        others = [(lang, tuv, *self._seg_content(tuv, omegat)) for lang, tuv in tuvs if tuv is not src[1]]
        others = [other for other in others if other[2] or other[3]]  # an empty <seg> translates nothing
        tgt = self._pick(others, self.tgtlang) if self.tgtlang else (others[0] if others else None)
        # dates belong on the tu; some tools (OmegaT) put them on the target tuv instead
        carriers = (tu, tgt[1], src[1]) if tgt else (tu, src[1])
        dates = {}
        for attr in ("creationdate", "changedate"):
            text = next((e.get(attr) for e in carriers if e.get(attr)), None)
            try:
                dates[attr] = parse_date(text) if text else None
            except TmtoolError as exc:
                raise Unusable(exc.message, tu.sourceline) from None
        for attr in TU_ATTRIBUTES:
            value = next((e.get(attr) for e in carriers if e.get(attr)), None)
            if attr == "segtype" and value:  # the DTD's values only, read as the header's
                value = value.strip().lower() if value.strip().lower() in SEGTYPES else None
            if value:
                props[ATTRIBUTE_PROP + attr] = value
        for kind, value in self.header_props.items():  # a unit's own (a tmtool export's, see write_tmx) first
            props.setdefault(kind, list(value) if isinstance(value, list) else value)
        if CONFIRMATION_LEVEL in props and props[CONFIRMATION_LEVEL] == trados_level(Unit(
                "", "", "", "", props={kind: value for kind, value in props.items() if kind != CONFIRMATION_LEVEL})):
            del props[CONFIRMATION_LEVEL]  # what an export wrote beside the state for Trados: the one prop it was
        return Unit(
            source=source,
            target=tgt[2] if tgt else "",
            srclang=src[0],
            tgtlang=tgt[0] if tgt else "",
            tuid=tu.get("tuid"),
            created=dates["creationdate"],
            changed=dates["changedate"],
            props=props,
            notes=notes,
            source_markup=source_markup,
            target_markup=tgt[3] if tgt else None,
            variants=[Variant(lang, text, markup) for lang, tuv, text, markup in others
                      if tgt is None or tuv is not tgt[1]],
        )

    def _source(self, tuvs: list[tuple[str, etree._Element]], tu: etree._Element) -> tuple[str, etree._Element]:
        """The source tuv: in the caller's language, else the tu's own srclang, else the header's."""
        lang = self.chosen_srclang
        own = tu.get("srclang")
        if lang is None and own and own.strip().lower() != "*all*":
            lang = self._unit_tag(own, tu)
        if lang is None and self.source_is_first:
            return tuvs[0]
        src = self._pick(tuvs, lang or self.srclang)
        if src is None:
            raise Unusable(f"no source tuv: no <tuv> in the source language {lang or self.srclang}",
                           tu.sourceline)
        return src

    @staticmethod
    def _pick(tuvs: list[tuple], lang: str | None):
        """The tuv in exactly ``lang``, else the first in its base language (``fr`` matches ``fr-FR``)."""
        if lang is None:
            return None
        exact = next((t for t in tuvs if t[0] == lang), None)
        return exact or next((t for t in tuvs if base_language(t[0]) == base_language(lang)), None)

    def _tuv_lang(self, tuv: etree._Element) -> str:
        lang = tuv.get(XML_LANG) or tuv.get("lang")
        if not lang:
            raise Unusable("a <tuv> without xml:lang", tuv.sourceline)
        return self._unit_tag(lang, tuv)

    @staticmethod
    def _seg_content(tuv: etree._Element, omegat: bool) -> tuple[str, str | None]:
        """The segment's plain text, and its inner XML when it holds inline elements (or OmegaT's tags: in a
        TMX, ``tu`` or this ``tuv`` that OmegaT made, as ``omegat`` or the ``tuv`` tells)."""
        seg = tuv.find("seg")
        if seg is None:
            raise Unusable("a <tuv> without <seg>", tuv.sourceline)
        if len(seg) == 0 and (omegat or _by_omegat(tuv)):
            return omegat_segment(seg.text or "")
        return tmx_segment(seg)

    @staticmethod
    def _unit_tag(tag: str, element: etree._Element) -> str:
        try:
            return _bcp47(tag)
        except TmtoolError as exc:
            raise Unusable(exc.message, element.sourceline) from None

    def _tag(self, tag: str, element: etree._Element | None) -> str:
        try:
            return _bcp47(tag)
        except TmtoolError as exc:
            raise self.error(exc.message, element) from None
