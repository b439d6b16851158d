"""XLIFF: write 1.2 for CAT tools (OmegaT, translate-toolkit), read 1.2 and 2.0 to 2.2.

Written files are XLIFF 1.2 with one ``trans-unit`` per unit or segment, whitespace preserved. A unit
with a target gets ``<target state="translated">`` (``final`` or ``signed-off``, with ``approved="yes"``, when it
came with that state or its tool's for it: Trados's ApprovedSignOff, memoQ's Reviewer1Confirmed, 2.x's reviewed …,
see :data:`_STATES_12`), a draft (a translation not confirmed, imported as such) ``needs-translation`` with
``approved="no"``, as translate-toolkit and Weblate write their fuzzy mark (its own needs-l10n or needs-adaptation
kept, see :data:`_DRAFT_WRITTEN_12`); the tool's own state goes along as the tool writes it (memoQ's ``mq:status``, Trados's
``sdl:seg`` ``conf``, another's as ``tmtool:state``, see :func:`_tool_attributes`), the ``approved`` and
``state-qualifier`` it came with as they were (Trados's segment origin also as the qualifier it means). A source-only
unit or a bare segment (for
pre-translation) gets no ``<target>``, which translate-toolkit reads as untranslated; OmegaT's XLIFF
filter, however, translates the *target* element and skips a unit without one, so
``source_as_target=True`` writes ``<target state="needs-translation">`` holding a copy of the source
(Okapi's "copy source to target") for files meant for OmegaT. The header names tmtool as the file's tool
(:data:`TOOL_ID`): a target OmegaT filled there, the state left, is a translation, one so marked in another tool's
file not yet (see :func:`_filled_copies`).

Reading follows the TMX reader's conventions: inline elements (``g``, ``x``, ``bx``/``ex``, ``bpt``/
``ept``, ``ph``, ``it``; 2.0 ``pc``, ``sc``/``ec``, ``ph``) are kept as TMX 1.4b inline markup in
``source_markup``/``target_markup`` (see :mod:`tmtool.formats.inline`) and left out of the plain text;
the 1.2 ``state`` (2.0: segment ``state``) is kept as the ``x-state`` prop, and so is, without one, the
state the writing tool gives (Trados's ``sdl:seg conf``, memoQ's ``mq:status``, Phrase's
``m:confirmed``); beside it 1.2's ``approved`` and ``state-qualifier``, 2.x's ``subState`` and Trados's segment
``origin``, ``origin-system``, ``percent``, ``text-match`` and ``locked`` (:data:`APPROVED`, :data:`STATE_QUALIFIER`,
:data:`SUBSTATE`, :data:`SDL_SEG_PROPS`). A 1.2 ``trans-unit`` segmented by ``<seg-source>`` (Trados's .sdlxliff, Okapi) is one
unit a segment, as 2.0's ``<segment>``s are, what lies outside the segments being no segment's text (see
:func:`_segments`); the words Trados locks in a segment are its text, the comments its reviewers mark on
them the segment's notes, as memoQ's ``mq:comments`` are their row's, Phrase's ``m:comment`` and
``m:annotations`` its segment's and a 2.x segment's ``<mrk type="comment">`` its own (the notes of
its file and groups follow a unit's own), and the codes
Phrase writes into the text (``{1}``, ``{1>…<1}``) codes; who made and changed a segment and when, as
Phrase (``m:created-by``, ``m:created-at`` …), memoQ (``mq:lastchanginguser`` …) and Trados (its ``sdl:seg``'s
``created_by`` … values) keep it, is its unit's, as a TMX ``tu`` keeps it (see :func:`_provenance`). HTML a
unit holds in a CDATA section, as TYPO3 writes a rich text field, is markup: its tags are codes (see
:func:`_html`). XLIFF 1.0 and 1.1 are read with or without their namespace.
A PO file converted to XLIFF (translate-toolkit's po2xliff) keeps its header in a unit of its own, no unit
here, whose ``Language`` names the target language when the ``<file>`` does not; its converters (and Okapi's
PO filter) write gettext's fuzzy flag as approval, a unit without ``approved="yes"`` a fuzzy message.
Targets are read as they are, copies of the source included; :func:`is_untranslated` tells which units hold no translation, :func:`is_unconfirmed` which
translations their tool has not confirmed, and a unit that does hold one needs the file to name its
target language.
"""

from __future__ import annotations

import re
from contextlib import nullcontext
from copy import deepcopy
from itertools import chain, groupby
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from lxml import etree

from ..errors import Invalid, TmtoolError
from ..io.files import atomic_write
from ..langtags import normalize_tag
from ..model import CONTEXT_PROPS, DOCUMENT_PROP, Segment, Unit
from .inline import END, html_segment, write_xliff_inline, xliff_segment
from .skips import OnSkip, Skipped, Unusable, refuse
from .tmx import (ATTRIBUTE_PROP, CONFIRMATION_LEVELS, UNCONFIRMED_PROPS, add_prop, is_unconfirmed as is_draft,
                  parse_date)
from ..io.xmlsafe import XML_DECLARATION, XMLSource, parse_xml, source_name, split_tag, xml_text

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_20 = "urn:oasis:names:tc:xliff:document:2.0"  # 2.0's and 2.1's
# 2.2 (OASIS, 2025) has a namespace of its own, its core as 2.0's for what is read here
_XLIFF_2X = {XLIFF_20, "urn:oasis:names:tc:xliff:document:2.2"}
# 1.0 and 1.1 share 1.2's structure for what is read here
_XLIFF_1X = {"urn:oasis:names:tc:xliff:document:1.1", XLIFF_12}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"  # Trados Studio's .sdlxliff
MEMOQ = "MQXliff"  # memoQ's .mqxliff
PHRASE = "http://www.memsource.com/mxlf/2.0"  # Phrase's (Memsource's) .mxliff
NO_DOCUMENT = "tmtool"  # the <file original> of an export's units that name no document: read back, none
# tmtool's own attributes on a trans-unit it writes, as memoQ, Trados and Phrase add theirs: ``tmtool:tuid``, the
# unit's tuid where its id had to differ (another unit written before holds that id: two memories numbered from 1).
# Not ``resname``: Symfony's loader and Okapi take it for the string's key (a unit's own, kept as RESNAME, goes there);
# OmegaT 3.6 and translate-toolkit write the attribute back untouched. XLIFF 1.2's strict schema wants a schema for
# any other namespace's attribute (processContents="strict"; the transitional one, Symfony's, skips them), as for
# memoQ's mq: and Trados's sdl:, so an export whose ids need no suffix writes none
TMTOOL = "urn:x-tmtool:xliff"
TUID = f"{{{TMTOOL}}}tuid"
# target states saying the target is not a translation yet: 1.2 "new", "needs-translation" (what this
# module writes with source_as_target, and what OmegaT leaves), "needs-l10n" and "needs-adaptation",
# 2.0 "initial", Trados's "Draft" (a copy of the source is one), memoQ's "NotStarted"
_NEEDS_WORK = frozenset({"needs-l10n", "needs-adaptation"})
UNTRANSLATED_STATES = frozenset({"new", "needs-translation", "initial", "Draft", "NotStarted"}) | _NEEDS_WORK
# states of a target that the tool that wrote them keeps out of its memories, whatever the target
# holds: not confirmed (a machine translation filled in, a memory's match, an edit never confirmed:
# Trados's Draft, memoQ's PartiallyEdited (Edited), PreTranslated, AssembledFromFragments and MachineTranslated,
# Phrase's m:confirmed="0") or rejected by a reviewer (Trados's RejectedTranslation and RejectedSignOff,
# memoQ's Rejected), or one XLIFF 1.2 says needs work (needs-l10n, needs-adaptation) or review
# (needs-review-*: translate-toolkit's fuzzy, a PO file's fuzzy messages as it converts them). These tools
# set the state whenever a segment changes, so it can be trusted; 1.2's approved="yes" overrides a
# needs-* state, as translate-toolkit reads it. needs-translation is not among them: OmegaT fills
# targets without changing it (see is_untranslated).
# a code as Phrase writes it in a segment's text: {1}, or a pair's start {1> or {b> and end <1} or <b}
_PHRASE_CODE = re.compile(r"\{(\d+)\}|\{(\d+|[A-Za-z]+)>|<(\d+|[A-Za-z]+)\}")
TRANSLATE = "x-translate"  # the prop of a unit marked translate="no", itself or by a group or file around it
# the state of a segment its tool has not confirmed and names no state for: a Phrase segment not confirmed,
# a fuzzy message of a PO file converted to XLIFF (see _gettext), translate-toolkit's fuzzy (see _state)
UNCONFIRMED = "unconfirmed"
# a PO file's header in XLIFF (the 1.2 representation guide for PO), and the Language field it holds
GETTEXT_HEADER = "x-gettext-domain-header"
_PO_LANGUAGE = re.compile(r"^Language:[ \t]*(\S+)", re.MULTILINE)
UNCONFIRMED_STATES = frozenset({"Draft", "RejectedTranslation", "RejectedSignOff", UNCONFIRMED,
                                "PartiallyEdited", "Edited", "PreTranslated", "Pretranslated", "AssembledFromFragments",
                                "MachineTranslated", "Rejected", "needs-review-translation", "needs-review-l10n",
                                "needs-review-adaptation"}) | _NEEDS_WORK
# the 1.2 states of a confirmed translation written back as they came (another tool's, Trados's Translated, as
# translated); final and signed-off with approved="yes", which 1.2 gives a translation final or past its final
# review (and translate-toolkit reads as not fuzzy)
_APPROVED_STATES_12 = frozenset({"final", "signed-off"})
_CONFIRMED_STATES_12 = _APPROVED_STATES_12 | {"translated"}
# the 1.2 states a draft (a translation not confirmed) comes with
_DRAFT_STATES_12 = frozenset({"needs-review-translation", "needs-review-l10n", "needs-review-adaptation"}) | _NEEDS_WORK
# the 1.2 states a draft is written in, with approved="no": its own when it is one of them, else needs-translation. Weblate
# shows a target "needs editing" only in one of these (its XLIFF_FUZZY_STATES: new, needs-translation, needs-adaptation,
# needs-l10n; a needs-review-* target it shows translated), and translate-toolkit and Weblate write their own fuzzy mark
# so (markfuzzy, set_state: needs-translation); translate-toolkit reads any target without approved="yes" as fuzzy.
# The draft's own state, when another (needs-review-translation, Trados's Draft), goes along as the tool's (TOOL_STATE)
_DRAFT_WRITTEN_12 = _NEEDS_WORK
_DRAFT_STATE = "needs-translation"
# the 1.2 state a confirmed translation is written back in, by the state its tool gave it (XLIFF 2.x's, Trados's
# confirmation level, also a TMX's x-ConfirmationLevel, memoQ's status, Phrase's confirmation): a reviewer's approval
# is 1.2's signed-off, a sign-off or a second review final (1.2's last state), with approved="yes"; any other
# confirmed translation is translated. The tool's own value goes along as tmtool:state (TOOL_STATE)
_STATES_12 = {"reviewed": "signed-off", "final": "final",
              "ApprovedTranslation": "signed-off", "ApprovedSignOff": "final",
              "Reviewer1Confirmed": "signed-off", "Proofread": "signed-off", "Reviewer2Confirmed": "final"}
# what an XLIFF 1.2 file says of a translation beside its state, kept as props and written back: the trans-unit's
# approved (Okapi and translate-toolkit write approved="yes", no state, for a translation approved, or not fuzzy),
# the target's state-qualifier (exact-match, fuzzy-match, mt-suggestion, rejected-inaccurate …); a 2.x segment's
# subState (a tool's own, "prefix:value"), kept only
APPROVED = "x-approved"
STATE_QUALIFIER = "x-state-qualifier"
SUBSTATE = "x-substate"
# Trados's origin of a segment's translation (the memory or engine it came from), its match percent and kind (a
# context match: SourceAndTarget) and whether it is locked (sdl:seg's origin, origin-system, percent, text-match,
# locked), kept as props; an XLIFF export writes the origin as 1.2's state-qualifier (_QUALIFIERS)
SDL_SEG_PROPS = {"origin": "x-sdl-origin", "origin-system": "x-sdl-origin-system", "percent": "x-sdl-percent",
                 "text-match": "x-sdl-text-match", "locked": "x-sdl-locked"}
_QUALIFIERS = {"mt": "leveraged-mt", "nmt": "leveraged-mt", "adaptive-mt": "leveraged-mt",
               "auto-propagated": "leveraged-inherited", "document-match": "id-match"}
# memoQ's match rate of a row (mq:percent: 100 exact, 101 a context match, 102 …) and its lock (mq:locked="locked"),
# kept as props and written back
MEMOQ_PROPS = {"percent": "x-memoq-percent", "locked": "x-memoq-locked"}
# Phrase's confirmation level of a segment (m:confirmed: 0 not confirmed, 1 a translator's, 2 … a later workflow
# step's), its lock, its match score and where its translation came from (m:locked, m:score, m:gross-score,
# m:trans-origin: tm, mt …), kept as props and written back; the values saying nothing (not locked, no score, no
# origin), which Phrase writes on every segment, are not kept
PHRASE_PROPS = {"confirmed": "x-phrase-confirmed", "locked": "x-phrase-locked", "score": "x-phrase-score",
                "gross-score": "x-phrase-gross-score", "trans-origin": "x-phrase-trans-origin"}
_PHRASE_NOTHING = frozenset({"false", "0.0", "null"})
# the states of Trados's segments (sdl:seg conf) and memoQ's rows (mq:status), written back in the tool's own attribute
TRADOS_STATES = CONFIRMATION_LEVELS
MEMOQ_STATES = frozenset({"NotStarted", "Edited", "PartiallyEdited", "PreTranslated", "Pretranslated",
                          "AssembledFromFragments", "MachineTranslated", "ManuallyConfirmed", "Confirmed",
                          "Reviewer1Confirmed", "Proofread", "Reviewer2Confirmed", "Rejected"})
# the values 1.2 gives state-qualifier; a tool's own is x-…
_QUALIFIERS_12 = frozenset("""exact-match fuzzy-match id-match leveraged-glossary leveraged-inherited leveraged-mt
leveraged-repository leveraged-tm mt-suggestion rejected-grammar rejected-inaccurate rejected-length rejected-spelling
tm-suggestion""".split())
# the state a tool gave a unit's target, written beside the 1.2 state an export gives it when that is another
# (ApprovedSignOff beside final): read back as the unit's state while its 1.2 state is still that one
TOOL_STATE = f"{{{TMTOOL}}}state"
_STATES_XLIFF_12 = frozenset({"new", "needs-translation"}) | _DRAFT_STATES_12 | _CONFIRMED_STATES_12


def write_xliff(
    units_or_segments: Iterable[Unit | Segment],
    out: str | Path | BinaryIO,
    *,
    srclang: str,
    tgtlang: str | None = None,
    original: str = NO_DOCUMENT,
    datatype: str = "plaintext",
    source_as_target: bool = False,
) -> int:
    """Write XLIFF 1.2 to a path (atomically) or a binary stream; return how many trans-units were written.

    Trans-unit ids are the units' tuids when they have one, else their 1-based position; an id a unit written
    before holds already (two memories' units both numbered 1, a tuid 3 and the third unit without one) is made
    unique by a suffix (``1-2``, the next free), the same each time the same units are written, the unit's own
    tuid kept beside it as ``tmtool:tuid``, which reading gives back. A unit's inline
    codes (its TMX markup) are written as XLIFF's (:func:`~tmtool.formats.inline.write_xliff_inline`). The
    languages are a unit's own, else ``srclang`` and ``tgtlang``: as a ``<file>`` has one pair, units of
    another pair (an export's ``en-US`` among ``en-GB``) are in a ``<file>`` of their own, and so are units of
    another document (their ``x-document``, a ``<file>``'s ``original`` when read), which names it; ``original``
    names the ``<file>`` of those naming none.
    """
    def pair(item: Unit | Segment) -> tuple[str, str | None, str]:
        """The ``<file>`` an item goes in: its languages, and the document it was translated in (``original``)."""
        own = (item.srclang, item.tgtlang) if isinstance(item, Unit) else ("", "")
        target = own[1] or tgtlang
        named = item.props.get(DOCUMENT_PROP) if isinstance(item, Unit) else None
        document = named.strip() if isinstance(named, str) and named.strip() else original
        return normalize_tag(own[0] or srclang), normalize_tag(target) if target else None, document

    seen_ids: set[str] = set()
    opened = atomic_write(out) if isinstance(out, (str, Path)) else nullcontext(out)
    count = 0
    with opened as stream:
        stream.write(XML_DECLARATION)
        with etree.xmlfile(stream, encoding="utf-8") as xf:
            with xf.element("xliff", version="1.2", nsmap={None: XLIFF_12}):
                runs = groupby(units_or_segments, pair)
                # no unit: one empty <file>, as an <xliff> holds one at least
                first = next(runs, None) or ((normalize_tag(srclang), tgtlang and normalize_tag(tgtlang), original),
                                             iter(()))
                for (source_language, target_language, document), items in chain([first], runs):
                    file_attrs = {"original": xml_text(document, "a document's name"), "source-language": source_language,
                                  "datatype": datatype}
                    if target_language:
                        file_attrs["target-language"] = target_language
                    file_attrs["tool-id"] = TOOL_ID
                    with xf.element(f"{{{XLIFF_12}}}file", file_attrs):
                        xf.write(_header())
                        with xf.element(f"{{{XLIFF_12}}}body"):
                            xf.write("\n")
                            for count, item in enumerate(items, count + 1):
                                tuid = item.tuid if isinstance(item, Unit) else None
                                unit_id = _unique_id(tuid or str(count), seen_ids)
                                where = f"unit {unit_id!r}"
                                # not pretty-printed: inside xml:space="preserve" added whitespace is content
                                xf.write(_trans_unit(item, unit_id, where, source_as_target,
                                                     tuid if tuid and tuid != unit_id else None))
                                xf.write("\n")
    return count


# the tool a file tmtool writes names as its producer (1.2's header/tool, and the <file>'s tool-id naming it): what tells
# a reader of a filled target still marked needs-translation that OmegaT filled a copy tmtool wrote (see _filled_copies)
TOOL_ID = "tmtool"


def _header() -> etree._Element:
    header = etree.Element(f"{{{XLIFF_12}}}header", nsmap={None: XLIFF_12})
    etree.SubElement(header, f"{{{XLIFF_12}}}tool", {"tool-id": TOOL_ID, "tool-name": "tmtool"})
    return header


def _unique_id(wanted: str, seen: set[str]) -> str:
    """``wanted`` if no trans-unit written holds it, else ``wanted-2``, ``wanted-3`` … the first free; noted as
    held in ``seen``."""
    unit_id, number = wanted, 1
    while unit_id in seen:
        number += 1
        unit_id = f"{wanted}-{number}"
    seen.add(unit_id)
    return unit_id


def _trans_unit(item: Unit | Segment, unit_id: str, where: str, source_as_target: bool,
                tuid: str | None = None) -> etree._Element:
    """A ``trans-unit`` of ``unit_id``, with the unit's own ``tuid`` beside it when that differs (:data:`TUID`)."""
    # each element is serialised on its own, so it carries its namespace declarations itself
    attributes = {"id": xml_text(unit_id, where), XML_SPACE: "preserve"}
    if tuid is not None:
        attributes[TUID] = xml_text(tuid, where)
    if isinstance(item, Unit):
        source, markup, target, target_markup = item.source, item.source_markup, item.target, item.target_markup
    else:
        source, markup, target, target_markup = item.text, None, "", None
    state, qualifier, tool_state = _target_state(item), _qualifier(item), _tool_state(item)
    seg = None
    if target and isinstance(item, Unit):
        own, seg = _tool_attributes(item, tool_state, where)
        attributes.update(own)
    namespaces = {"tmtool": TMTOOL, "mq": MEMOQ, "sdl": SDL, "m": PHRASE}
    used = {split_tag(name)[0] for name in attributes} | ({SDL} if seg else set())
    unit = etree.Element(f"{{{XLIFF_12}}}trans-unit", attributes,
                         nsmap={None: XLIFF_12, **{prefix: ns for prefix, ns in namespaces.items() if ns in used}})
    codes = _fill(etree.SubElement(unit, f"{{{XLIFF_12}}}source"), source, markup, where)
    if target:
        written = {"state": state, **({"state-qualifier": qualifier} if qualifier else {})}
        _fill(etree.SubElement(unit, f"{{{XLIFF_12}}}target", written), target, target_markup, where, codes)
    elif source_as_target:
        _fill(etree.SubElement(unit, f"{{{XLIFF_12}}}target", state="needs-translation"), source, markup, where)
    if target:
        unit.set("approved", _approved(item, state))
    if isinstance(item, Unit):
        _write_resource(unit, item, where)
    for number, note in enumerate(item.notes if isinstance(item, Unit) else (), 1):
        _note_element(unit, item, number, note, where)
    if seg:
        etree.SubElement(etree.SubElement(unit, f"{{{SDL}}}seg-defs"), f"{{{SDL}}}seg", seg)
    return unit


def _tool_attributes(item: Unit, tool_state: str | None, where: str) -> tuple[dict[str, str], dict[str, str] | None]:
    """What the tool that wrote a unit said of it beside the 1.2 state, written back as it writes it: memoQ's status,
    match rate and lock as its ``mq:`` attributes of the trans-unit, Phrase's confirmation level, lock, score and
    origin as its ``m:`` ones, Trados's confirmation level, origin, percent and
    lock as the attributes of a ``sdl:seg`` (returned apart, the trans-unit's ``sdl:seg-defs`` holding it), another
    tool's state (2.x's reviewed, Phrase's) as ``tmtool:state``. Read back while the 1.2 state is still the one
    written for the tool's (:func:`_tool_state_kept`)."""
    attributes = {f"{{{MEMOQ}}}{name}": xml_text(item.props[kind], where) for name, kind in MEMOQ_PROPS.items()
                  if isinstance(item.props.get(kind), str)}
    seg = {name: xml_text(item.props[kind], where) for name, kind in SDL_SEG_PROPS.items()
           if isinstance(item.props.get(kind), str)}
    attributes.update({f"{{{PHRASE}}}{name}": xml_text(item.props[kind], where) for name, kind in PHRASE_PROPS.items()
                       if isinstance(item.props.get(kind), str)})
    if f"{{{PHRASE}}}confirmed" in attributes and tool_state in ("confirmed", UNCONFIRMED):
        pass  # Phrase's level says it
    elif tool_state in MEMOQ_STATES:
        attributes = {f"{{{MEMOQ}}}status": tool_state, **attributes}
    elif tool_state in TRADOS_STATES:
        seg = {"conf": tool_state, **seg}
    elif tool_state is not None:
        attributes[TOOL_STATE] = xml_text(tool_state, where)
    return attributes, {"id": "1", **seg} if seg else None


def _target_state(item: Unit | Segment) -> str:
    """``translated``, or the 1.2 state of a confirmed translation it came with (``final``, ``signed-off``, or what a
    tool's own state is in 1.2: :data:`_STATES_12`; ``final`` for one approved with no state, as Okapi writes one);
    for a draft (a unit imported with its translation not confirmed, see :func:`~tmtool.formats.tmx.is_unconfirmed`)
    a state saying it still needs review."""
    if not isinstance(item, Unit):
        return "translated"
    states = [*item.prop_values("x-state"), *item.prop_values("x-ConfirmationLevel")]
    if not is_draft(item):
        if not states and item.props.get(APPROVED) == "yes":
            return "final"
        return next((_STATES_12.get(state, state) for state in states
                     if _STATES_12.get(state, state) in _CONFIRMED_STATES_12), "translated")
    return next((state for state in states if state in _DRAFT_WRITTEN_12), _DRAFT_STATE)


def _approved(item: Unit | Segment, state: str) -> str:
    """The ``approved`` of a trans-unit with a target in ``state``: ``yes`` for a confirmed translation, ``no`` for a
    draft and for one that came with ``approved="no"`` (an approval Weblate took back). translate-toolkit reads a target
    not approved as fuzzy whatever its state, and marks one fuzzy (Virtaal, Pootle, Weblate's "needs editing") by
    ``state="needs-translation"``, setting ``approved="no"`` only where it was set (in tmtool's own file, the mark then
    reads as OmegaT's filled target: see :func:`_filled_copies`). Weblate shows ``approved="yes"`` as approved when its
    project reviews translations."""
    if state in _APPROVED_STATES_12:
        return "yes"
    if state in _DRAFT_STATES_12 or state == _DRAFT_STATE:
        return "no"
    return "no" if isinstance(item, Unit) and item.props.get(APPROVED) == "no" else "yes"


def _tool_state(item: Unit | Segment) -> str | None:
    """The state a unit's tool gave it when it is no 1.2 state (Trados's ApprovedSignOff, memoQ's ManuallyConfirmed,
    2.x's reviewed; a Trados memory's level, its TMX's x-ConfirmationLevel), written beside the 1.2 one (see
    :func:`_tool_attributes`) so that reading the file back gives it again."""
    if not isinstance(item, Unit):
        return None
    state = item.props.get("x-state")
    level = item.props.get("x-ConfirmationLevel")  # a list when given twice, as x-state: no one state
    if state is None and isinstance(level, str) and level in TRADOS_STATES:
        state = level
    if isinstance(state, str) and state in _STATES_XLIFF_12:
        # a draft's own 1.2 state where another is written for it (needs-review-translation: see _DRAFT_WRITTEN_12)
        return state if state in _DRAFT_STATES_12 and is_draft(item) and state != _target_state(item) else None
    return state if isinstance(state, str) else None


def _qualifier(item: Unit | Segment) -> str | None:
    """The 1.2 ``state-qualifier`` of a unit's target: the one it came with, else the one Trados's origin of it
    says (a match of a memory: exact or fuzzy by its percent; a machine's; copied from a repeated segment)."""
    if not isinstance(item, Unit):
        return None
    kept = item.props.get(STATE_QUALIFIER)
    if isinstance(kept, str) and (kept in _QUALIFIERS_12 or kept.startswith("x-")):
        return kept
    origin, percent = item.props.get(SDL_SEG_PROPS["origin"]), item.props.get(SDL_SEG_PROPS["percent"])
    if origin == "tm" and isinstance(percent, str) and percent.isdigit():
        return "exact-match" if int(percent) >= 100 else "fuzzy-match"
    return _QUALIFIERS.get(origin) if isinstance(origin, str) else None


def _fill(element: etree._Element, text: str, markup: str | None, where: str, source=None):
    """A ``<source>`` or ``<target>``: its plain text, or its text and codes when it has markup (their ids
    those of the ``source``'s codes, what filling the source returned)."""
    if markup is None:
        element.text = xml_text(text, where)
        return None
    return write_xliff_inline(element, markup, where, XLIFF_12, source)


def is_untranslated(unit: Unit) -> bool:
    """Whether a unit read from XLIFF holds no translation: no target, or a copy of its source (same
    text, same codes) that a state calls untranslated (``new``, ``needs-translation``, ``initial``) or
    that no target language claims (a pre-translation file of an older ``tmtool segment``).

    A unit marked ``translate="no"`` (itself, or its group or file) holds text not to be translated,
    whatever its target: no translation either.

    A target that differs from its source is a translation whatever its state says: OmegaT fills
    targets without touching the ``needs-translation`` that ``tmtool segment`` wrote on them, and a
    2.0 segment's state is ``initial`` unless a tool sets it. Whether it is one to keep (not a 1.2 ``new`` or
    ``needs-translation`` in another tool's file, nor a 2.x ``initial`` a tool wrote: see :func:`_read_1x`,
    :func:`_read_20`) is
    :func:`is_unconfirmed`'s question.
    """
    if not unit.target.strip() or unit.props.get(TRANSLATE) == "no":
        return True
    copy = unit.target == unit.source and unit.target_markup == unit.source_markup
    return copy and (unit.props.get("x-state") in UNTRANSLATED_STATES or not unit.tgtlang)


def is_unconfirmed(unit: Unit) -> bool:
    """Whether a unit read from XLIFF holds a translation its tool has not confirmed, or a reviewer
    rejected (:data:`UNCONFIRMED_STATES`: a draft, a memory's or a machine's proposal; a 1.2 ``state-qualifier``
    ``rejected-…``, :data:`tmtool.formats.tmx.UNCONFIRMED_PROPS`): Trados, memoQ
    and Phrase keep such a target out of their memories, and so does an import, while a check reads it
    as the translation it is meant to become."""
    return is_draft(unit)  # the TMX reader's question: a state (x-state) or a TMX prop (a rejected-* qualifier …)


def read_xliff(source: XMLSource, *, on_skip: OnSkip = refuse) -> Iterator[Unit]:
    """The units of an XLIFF 1.2 (1.0, 1.1, with or without namespace) or 2.x file, safely parsed.

    A unit that cannot be used (no ``<source>``, a translation in no named language) is passed over
    and told to ``on_skip`` (see :mod:`tmtool.formats.skips`).
    """
    path = source_name(source)
    root = parse_xml(source, strip_cdata=False).getroot()  # a CDATA section says its text is HTML (_html)
    namespace, name = split_tag(root.tag)
    if name != "xliff" or namespace not in (None, *_XLIFF_1X, *_XLIFF_2X):
        raise Invalid(f"not an XLIFF 1.2 or 2.0 file (root element {root.tag})", path=path, line=root.sourceline)
    if namespace in _XLIFF_2X:
        return _read_20(root, namespace, path, on_skip)
    return _read_1x(root, namespace, path, on_skip)


def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _lang(value: str | None, element: etree._Element, path: str | None) -> str:
    try:
        return normalize_tag(value) if value else ""
    except TmtoolError as exc:
        raise Invalid(exc.message, path=path, line=element.sourceline) from None


def _read_1x(root: etree._Element, ns: str | None, path: str | None, on_skip: OnSkip) -> Iterator[Unit]:
    def tag(local: str) -> str:  # XLIFF 1.0 and 1.1 files often have no namespace
        return f"{{{ns}}}{local}" if ns else local

    comments = _comments(root)
    for file in root.iterfind(tag("file")):
        srclang = _lang(file.get("source-language"), file, path)
        if not srclang:
            raise Invalid("<file> without source-language", path=path, line=file.sourceline)
        headers = [unit for unit in file.iter(tag("trans-unit")) if unit.get("restype") == GETTEXT_HEADER]
        gettext = _gettext(file, headers)
        tgtlang = _lang(file.get("target-language") or _gettext_language(headers, tag), file, path)
        tag_defs = _tag_defs(file)
        filled_copies = _filled_copies(file, tag)
        locked = _unlock(file, tag)
        if PHRASE in root.nsmap.values():
            _phrase_codes(file, tag)
        for unit in file.iter(tag("trans-unit")):
            if unit.get("id") in locked or unit in headers:
                continue  # its text is read where a segment locks it; a PO file's header is no message
            source = unit.find(tag("source"))
            if source is None:
                on_skip(Skipped("a <trans-unit> without <source>", path, unit.sourceline))
                continue
            target = unit.find(tag("target"))
            own_notes = unit.findall(tag("note"))
            notes = [_text(note) for note in own_notes] + _tool_comments(unit) \
                + _enclosing_notes(unit, tag("note"), tag("header"))
            segments = _segments(unit, target, tag)
            # a <file> naming no target-language: the <target>'s own xml:lang (Okapi, Symfony) names it
            unit_tgtlang = tgtlang or (_lang(target.get(XML_LANG), target, path) if target is not None else "")
            for segment_id, source_part, target_part in segments or [(None, source, target)]:
                unit_id = unit.get(TUID) or unit.get("id")  # the tuid a tmtool export gave an id apart
                unit_id = unit_id if segments is None or len(segments) == 1 else f"{unit_id}/{segment_id}"
                item = _unit(source_part, target_part, srclang, unit_tgtlang, unit_id, _state(unit, target, segment_id, gettext),
                             notes + _commented(comments, source_part, target_part), tag_defs, _translate(unit),
                             _html(unit, source_part, target_part))
                item.props.update(_resource(unit, tag))
                item.props.update(_document(file))
                item.props.update(_note_attributes(own_notes, ("from", "priority", "annotates")))
                item.props.update(_beside_state(unit, target, segment_id))
                if item.props.get("x-state") in ("new", "needs-translation") and unit.get("approved") != "yes" \
                        and not filled_copies and not is_untranslated(item):
                    # XLIFF 1.2: the target still needs translating, not a translation yet. Weblate marks one "needs
                    # editing" so, approved="no" only on one approved before (translate-toolkit's markapproved), and
                    # reads new as it; translate-toolkit reads either as needing work
                    item.props["x-state"] = UNCONFIRMED
                try:
                    _provenance(unit, segment_id, item)
                except Unusable as exc:
                    on_skip(exc.skipped(path))
                    continue
                if _holds_text(item) and _has_target_language(item, unit, "its <file> has no target-language", path,
                                                               on_skip):
                    yield item


# a 1.2 trans-unit's resource name (Symfony's and Okapi's key of a string; a 2.x unit's ``name``) and its context groups (Angular's
# ng extract-i18n: where the message stands, purpose="location", a sourcefile and linenumber a place), kept as
# props: RESNAME, and CONTEXT_GROUP + ":" + the group's purpose, each group one value, a "context-type: text" a line;
# a context's text of several lines goes on over lines that start with a space (CONTINUED), as a mail header folds,
# so that its second line is not read back as a context of its own
RESNAME = "x-resname"
CONTEXT_GROUP = "x-context-group"
CONTINUED = "\n "
_CONTEXT_LINE = re.compile(r"\n(?! )")  # where one context's line ends and the next begins
# a unit's neighbouring segments (memoQ's and MateCat's context, model.CONTEXT_PROPS, which tell units of the same
# texts apart): a context-group of this purpose, a <context> of the prop's name as its type each value
NEIGHBOURS = "x-neighbours"


def _resource(unit: etree._Element, tag) -> dict[str, str | list[str]]:
    """A 1.2 trans-unit's ``resname`` and ``context-group``s as props (see :data:`CONTEXT_GROUP`,
    :data:`NEIGHBOURS`), which a TMX export writes as props and an XLIFF export as they were
    (:func:`_write_resource`)."""
    props: dict[str, str | list[str]] = {RESNAME: unit.get("resname")} if unit.get("resname") else {}
    for group in unit.iterfind(tag("context-group")):
        if group.get("purpose") == NEIGHBOURS:
            for context in group.iterfind(tag("context")):
                if context.get("context-type") in CONTEXT_PROPS:
                    add_prop(props, context.get("context-type"), _text(context))
            continue
        lines = [f"{context.get('context-type', '')}: {_text(context)}".replace("\n", CONTINUED)
                 for context in group.iterfind(tag("context"))]
        if lines:
            purpose = group.get("purpose")
            add_prop(props, f"{CONTEXT_GROUP}:{purpose}" if purpose else CONTEXT_GROUP, "\n".join(lines))
    return props


def _document(file: etree._Element) -> dict[str, str]:
    """The document a ``<file>``'s units were translated in, as its ``original`` names it (a Trados, memoQ or Okapi
    file's source document, an Xcode export's ``.strings`` file, one of several in one XLIFF), as the unit's
    ``x-document`` (memoQ's TMX prop, which a concordance names): none for the name a tmtool export writes when the
    units it writes name none (:data:`NO_DOCUMENT`)."""
    original = (file.get("original") or "").strip()
    return {DOCUMENT_PROP: original} if original and original != NO_DOCUMENT else {}


def _write_resource(unit: etree._Element, item: Unit, where: str) -> None:
    """Put back the ``resname`` and context groups :func:`_resource` read."""
    if isinstance(item.props.get(RESNAME), str):
        unit.set("resname", xml_text(item.props[RESNAME], where))
    if any(kind in item.props for kind in CONTEXT_PROPS):
        group = etree.SubElement(unit, f"{{{XLIFF_12}}}context-group", {"purpose": NEIGHBOURS})
        for kind in CONTEXT_PROPS:
            for value in item.prop_values(kind):
                etree.SubElement(group, f"{{{XLIFF_12}}}context", {"context-type": kind}).text = xml_text(value, where)
    for kind in item.props:
        if kind != CONTEXT_GROUP and not kind.startswith(CONTEXT_GROUP + ":"):
            continue
        purpose = kind.partition(":")[2]
        for value in item.prop_values(kind):
            group = etree.SubElement(unit, f"{{{XLIFF_12}}}context-group", {"purpose": purpose} if purpose else {})
            for line in _CONTEXT_LINE.split(value):
                context_type, _, text = line.replace(CONTINUED, "\n").partition(": ")
                context = etree.SubElement(group, f"{{{XLIFF_12}}}context", {"context-type": xml_text(context_type, where)})
                context.text = xml_text(text, where)


def _filled_copies(file: etree._Element, tag) -> bool:
    """Whether a <file> is one tmtool wrote, whose targets marked needs-translation were copies of their source
    (``tmtool segment``, for OmegaT, which fills a target leaving its state): its header names tmtool as its tool
    (:data:`TOOL_ID`), or, written before it did, each trans-unit's id is the file's ``original`` and a number, as
    segment numbers them. A target filled in another tool's file and still marked needs-translation is no translation
    yet (Weblate's "needs editing", XLIFF Sync's changed source)."""
    if file.get("tool-id") == TOOL_ID or any(tool.get("tool-id") == TOOL_ID for tool in file.iterfind(
            f"{tag('header')}/{tag('tool')}")):
        return True
    numbered = re.compile(re.escape(file.get("original") or "") + r":\d+")
    ids = [unit.get("id") or "" for unit in file.iter(tag("trans-unit"))]
    return bool(ids) and all(numbered.fullmatch(unit_id) for unit_id in ids)


def _gettext(file: etree._Element, headers: list[etree._Element]) -> bool:
    """Whether a <file> is a PO file converted to XLIFF: its datatype says so (``po``, Okapi's
    ``x-application/x-gettext``), or it holds a PO header or a plural's group (``x-gettext-plurals``).
    Its converters (translate-toolkit's po2xliff, Okapi's PO filter) write gettext's fuzzy flag as
    approval: ``approved="yes"`` on each message translated and not fuzzy, none on the others."""
    return file.get("datatype") in ("po", "x-po", "x-gettext", "x-application/x-gettext") or bool(headers) \
        or any(group.get("restype") == "x-gettext-plurals" for group in file.iter("{*}group"))


def _gettext_language(headers: list[etree._Element], tag) -> str | None:
    """The ``Language`` a PO file's header names, as a PO file converted to XLIFF keeps it (translate-toolkit's
    po2xliff, the XLIFF 1.2 representation guide for PO): a trans-unit of restype ``x-gettext-domain-header``
    holding the header, whose target language the ``<file>`` often does not name (``sr@latin``: sr)."""
    for header in headers:
        for part in (header.find(tag("target")), header.find(tag("source"))):
            match = _PO_LANGUAGE.search(_text(part))
            if match:
                return match[1].partition("@")[0]
    return None


def _comments(root: etree._Element) -> dict[str, list[str]]:
    """The comments a Trados file's reviewers wrote, by id:
    ``doc-info/cmt-defs/cmt-def/Comments/Comment`` (``Comments`` in Trados's namespace or, as some
    tools write it, in none)."""
    return {definition.get("id"): [_text(comment) for comment in definition.iter("{*}Comment")]
            for definition in root.iterfind(f"{{{SDL}}}doc-info/{{{SDL}}}cmt-defs/{{{SDL}}}cmt-def")}


def _commented(comments: dict[str, list[str]], *parts: etree._Element | None) -> list[str]:
    """The comments on the text of ``parts`` (a segment's source and target): each ``mrk`` of type
    ``x-sdl-comment`` names its comment by ``sdl:cid``."""
    marks = [mrk for part in parts if part is not None for mrk in part.iter("{*}mrk")
             if mrk.get("mtype") == "x-sdl-comment"]
    return list(dict.fromkeys(text for mrk in marks for text in comments.get(mrk.get(f"{{{SDL}}}cid"), ())))


def _tool_comments(unit: etree._Element) -> list[str]:
    """The comments the users of memoQ wrote on a row (``mq:comments/mq:comment``, those deleted left out) and
    of Phrase on a segment (``m:comment``, and the threads of ``m:annotations/m:annotation/m:text``)."""
    comments = [comment for comment in unit.iterfind(f"{{{MEMOQ}}}comments/{{{MEMOQ}}}comment")
                if comment.get("deleted") != "true"]
    comments += unit.iterfind(f"{{{PHRASE}}}comment")
    comments += unit.iterfind(f"{{{PHRASE}}}annotations/{{{PHRASE}}}annotation/{{{PHRASE}}}text")
    return [_text(comment) for comment in comments if _text(comment).strip()]


def _unlock(file: etree._Element, tag) -> set[str]:
    """Put the text Trados locks back in its segments; return the ids of the units that held it.

    Trados keeps a segment's locked content (a product code, a name) in a ``translate="no"`` unit of
    its own, ``lockTU_…``, and leaves in the segment an ``<x xid="lockTU_…"/>`` pointing to it; read
    as a code, the segment lost those words. Each such ``x`` becomes the content it points to, in
    XLIFF's own mark for text not to be changed, ``<mrk mtype="protected">``, which reads as text.
    """
    holders = {unit.get("id"): unit.find(tag("source")) for unit in file.iter(tag("trans-unit"))
               if unit.get("translate") == "no" and (unit.get("id") or "").startswith("lockTU_")}
    for x in [x for x in file.iter(tag("x")) if holders.get(x.get("xid")) is not None]:
        content = holders[x.get("xid")]
        x.tag, x.text = tag("mrk"), content.text
        x.attrib.clear()
        x.set("mtype", "protected")
        x.extend(deepcopy(child) for child in content)
    return set(holders)


def _phrase_codes(file: etree._Element, tag) -> None:
    """Turn the codes Phrase writes into a segment's text into XLIFF's code elements, which are read as
    codes, not text: ``{1}`` a standalone code (``ph``), ``{1>`` … ``<1}`` a pair (``bpt``/``ept``),
    its native code the ``m:content`` of the unit's ``m:tunit-metadata`` mark of that id, and
    ``{b>`` … ``<b}`` a pair of formatting of Phrase's own (bold, italic …). Text that only looks
    like them (*{approx}*) stays text."""
    for unit in file.iter(tag("trans-unit")):
        natives = {mark.get("id"): mark.findtext(f"{{{PHRASE}}}content")
                   for mark in unit.iterfind(f"{{{PHRASE}}}tunit-metadata/{{{PHRASE}}}mark")}
        for element in (unit.find(tag("source")), unit.find(tag("target"))):
            if element is None or len(element) or not _PHRASE_CODE.search(element.text or ""):
                continue
            text, element.text, at, opened = element.text, None, 0, {}
            for number, match in enumerate(_PHRASE_CODE.finditer(text)):
                _add_text(element, text[at:match.start()])
                standalone, start, end = match.groups()
                if standalone:
                    code = etree.SubElement(element, tag("ph"), id=standalone)
                elif start:  # each pair its own rid: a code of one id may open twice
                    opened.setdefault(start, []).append(f"{start}.{number}")
                    code = etree.SubElement(element, tag("bpt"), id=start, rid=opened[start][-1])
                else:
                    rid = opened[end].pop() if opened.get(end) else f"{end}.{number}"
                    code = etree.SubElement(element, tag("ept"), id=end, rid=rid)
                code.text = natives.get(standalone or start)
                at = match.end()
            _add_text(element, text[at:])


def _provenance(unit: etree._Element, segment_id: str | None, item: Unit) -> None:
    """Who made and last changed a segment and when, as the tool that wrote it keeps them, put where a TMX
    ``tu`` keeps them (``creationid``/``changeid`` props, ``created``/``changed``): Phrase's ``m:created-by``,
    ``m:created-at``, ``m:modified-by``, ``m:modified-at`` (a user's id, milliseconds since 1970, ``0``:
    never), memoQ's ``mq:lastchanginguser`` and ``mq:lastchangedtimestamp``, Trados's ``created_by``,
    ``created_on``, ``last_modified_by``, ``modified_on`` values of the segment's ``sdl:seg``."""
    seg = next((seg for seg in unit.iterfind(f"{{{SDL}}}seg-defs/{{{SDL}}}seg") if seg.get("id") == segment_id), None)
    trados = {value.get("key"): value.text for value in seg.iterfind(f"{{{SDL}}}value")} if seg is not None else {}
    written = [(name, f"m:{key}", unit.get(f"{{{PHRASE}}}{key}")) for name, key in (
        ("creationid", "created-by"), ("creationdate", "created-at"), ("changeid", "modified-by"),
        ("changedate", "modified-at"))]
    written += [(name, f"mq:{key}", unit.get(f"{{{MEMOQ}}}{key}")) for name, key in (
        ("changeid", "lastchanginguser"), ("changedate", "lastchangedtimestamp"))]
    written += [(name, key, trados.get(key)) for name, key in (
        ("creationid", "created_by"), ("creationdate", "created_on"), ("changeid", "last_modified_by"),
        ("changedate", "modified_on"))]
    for name, label, value in written:
        value = (value or "").strip()
        if name.endswith("id") and value:
            item.props[ATTRIBUTE_PROP + name] = value
        elif value and (date := _tool_date(value, label, unit)):
            setattr(item, "created" if name == "creationdate" else "changed", date)


# Trados's 04/24/2024 18:18:50: a .NET DateTime written with DateTimeFormatInfo.InvariantInfo, no zone said. UTC:
# RWS's own code writing these values does so from UTC times, its community plugins (the bilingual Excel and
# Studio Views imports) setting modified_on to DateTime.UtcNow, its BCM converter created_on and modified_on
# to a memory's SystemFields dates, which a memory keeps in UTC (as Maxprograms' sdltm → TMX converter reads
# them, writing them with TMX's Z). Studio's editor itself is closed: nothing read contradicts UTC.
_US_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}")


def _tool_date(value: str, label: str, unit: etree._Element) -> datetime | None:
    """A date as a CAT tool writes it in its XLIFF, in UTC: milliseconds since 1970 (Phrase), ISO 8601 (memoQ,
    its ``Z`` saying UTC), month/day/year and time (Trados, no zone said: UTC, see :data:`_US_DATE`); None for
    the tools' *never* (``0``, memoQ's ``0001-01-01T00:00:00Z``)."""
    try:
        if value.isdigit():
            return datetime.fromtimestamp(int(value) / 1000, timezone.utc) if int(value) else None
        if _US_DATE.fullmatch(value):
            return datetime.strptime(value, "%m/%d/%Y %H:%M:%S").replace(tzinfo=timezone.utc)
        date = parse_date(value)
    except (ValueError, OverflowError, OSError, TmtoolError):
        raise Unusable(f"invalid {label} {value!r}", unit.sourceline) from None
    return None if date.year == 1 else date


def _add_text(element: etree._Element, text: str) -> None:
    """``text`` after the element's last child, or as its text when it has none."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _tag_defs(file: etree._Element) -> dict[str, str]:
    """The native codes of the tags a Trados file's header defines, by tag id (a pair's end under
    ``id + END``): what its ``g`` and ``x`` stand for."""
    natives = {}
    for definition in file.iterfind(f"*/{{{SDL}}}tag-defs/{{{SDL}}}tag"):
        for code in definition:
            kind = split_tag(code.tag)[1] if isinstance(code.tag, str) else None
            if kind in ("bpt", "ph", "st"):
                natives[definition.get("id")] = code.text or ""
            elif kind == "ept":
                natives[f"{definition.get('id')}{END}"] = code.text or ""
    return natives


def _segments(unit: etree._Element, target: etree._Element | None, tag) -> list | None:
    """A segmented trans-unit's segments, as Trados, Okapi and translate-toolkit mark them: each
    ``<mrk mtype="seg">`` of ``<seg-source>`` with the target's ``mrk`` of the same ``mid`` (None when
    it has none), as ``(mid, source mrk, target mrk)``; None for a unit not segmented so, or whose
    target is not (a translation of the whole source, or text beside its marks), or whose segments
    their ``mid`` does not pair one to one (read whole rather than paired wrong or text dropped).

    What lies outside every mark — the codes around a paragraph's segments, the spaces between them,
    a list's number — belongs to no segment: Trados shows it to no translator and copies it to the
    target as it is. So it is left out when the target holds the same text outside its marks; when
    it does not, the target was not written segment by segment and the unit is read whole (an empty
    target is each segment untranslated).
    """
    seg_source = unit.find(tag("seg-source"))
    if seg_source is None:
        return None
    marks = [mrk for mrk in seg_source.iter(tag("mrk")) if mrk.get("mtype") == "seg"]
    target_marks = [mrk for mrk in (target.iter(tag("mrk")) if target is not None else ()) if mrk.get("mtype") == "seg"]
    translated = {mrk.get("mid"): mrk for mrk in target_marks}
    mids = [mrk.get("mid") for mrk in marks]
    if not marks or (_text(target).strip() and _outside_marks(target, tag) != _outside_marks(seg_source, tag)):
        return None
    # each segment named once on each side, the target's among the source's
    if None in mids or len(set(mids)) < len(mids) or len(translated) < len(target_marks) \
            or not set(translated) <= set(mids):
        return None
    return [(mrk.get("mid"), mrk, translated.get(mrk.get("mid"))) for mrk in marks]


def _outside_marks(element: etree._Element, tag) -> str:
    """The plain text of a ``<seg-source>`` or ``<target>`` outside its segment marks, its spaces
    collapsed."""
    rest = deepcopy(element)
    for mrk in [mrk for mrk in rest.iter(tag("mrk")) if mrk.get("mtype") == "seg"]:
        mrk.clear(keep_tail=True)  # an emptied mrk of no type is read as its (no) text
    return " ".join(xliff_segment(rest)[0].split())


def _state(unit: etree._Element, target: etree._Element | None, segment_id: str | None,
           gettext: bool = False) -> str | None:
    """The state of the target (of its segment ``segment_id``): XLIFF's ``state``, else what the tool
    that wrote it calls it (Trados's confirmation level of the segment, memoQ's status of the unit),
    or whether Phrase has it confirmed (its ``m:confirmed`` level, ``confirmed`` from 1 up); a 1.2
    needs-* state on a unit ``approved="yes"`` is ``signed-off``, ``final`` or ``signed-off`` on one ``approved="no"``
    ``translated`` (translate-toolkit's reading), ``needs-translation`` on one ``approved="no"``
    translate-toolkit's fuzzy, not confirmed; in a PO file converted to XLIFF
    (``gettext``), a unit without state nor ``approved="yes"`` is a fuzzy message, not confirmed. 2.0's ``subState`` is the writing
    tool's own (``prefix:value``), kept as a prop (:data:`SUBSTATE`), not read as the state. A ``tmtool:state`` (a
    tool's state a tmtool export wrote beside its 1.2 one, :data:`TOOL_STATE`) is the state while the 1.2 state is
    still the one written for it."""
    state = _state_12(unit, target)
    tool_state = _tool_state_kept(unit, target) if segment_id is None else None
    if tool_state:
        return tool_state  # what tmtool wrote for the tool's state, no other tool having changed it since
    if unit.get("approved") == "no" and state == "needs-translation":
        # translate-toolkit's fuzzy (Weblate's "needs editing"): its markfuzzy writes both on a target it keeps;
        # OmegaT, which leaves needs-translation on a target it fills (see is_untranslated), writes no approved="no"
        state = UNCONFIRMED
    if state is None and segment_id is not None:
        state = next((seg.get("conf") for seg in unit.iterfind(f"{{{SDL}}}seg-defs/{{{SDL}}}seg")
                      if seg.get("id") == segment_id), None)
    if not state:
        state = _phrase_state(unit)
    if not state and gettext and target is not None and unit.get("approved") != "yes":
        state = UNCONFIRMED
    return state or unit.get(f"{{{MEMOQ}}}status")


def _phrase_state(unit: etree._Element) -> str | None:
    """Whether Phrase has a segment confirmed (its ``m:confirmed`` level, from 1 up), as a state; None: not said."""
    phrase = unit.get(f"{{{PHRASE}}}confirmed")
    return (UNCONFIRMED if phrase in ("0", "false") else "confirmed") if phrase else None


def _state_12(unit: etree._Element, target: etree._Element | None) -> str | None:
    """A 1.2 target's state as its ``approved`` has it: a needs-* state on a unit ``approved="yes"`` ``signed-off``,
    ``final`` or ``signed-off`` on one ``approved="no"`` ``translated``."""
    state = target.get("state") if target is not None else None
    if unit.get("approved") == "yes" and state in UNCONFIRMED_STATES:
        state = "signed-off"  # 1.2: the translation passed its final review
    if unit.get("approved") == "no" and state in _APPROVED_STATES_12:
        state = "translated"  # an approval taken back (Weblate, translate-toolkit: approved="no", the state left)
    return state


def _tool_state_kept(unit: etree._Element, target: etree._Element | None) -> str | None:
    """The state a tool gave a unit that a tmtool export wrote beside the 1.2 one (``tmtool:state``, memoQ's
    ``mq:status``, Trados's ``sdl:seg`` ``conf`` of a unit not segmented: see :func:`_tool_attributes`), while the 1.2
    state and its ``approved`` are still those written for it, no other tool having changed it since (Weblate saves a
    translation it edits ``approved="no"``, ``state="translated"``); else None."""
    if target is None or target.get("state") is None or unit.find("{*}seg-source") is not None:
        return None
    written = unit.get(TOOL_STATE) or unit.get(f"{{{MEMOQ}}}status") \
        or next((seg.get("conf") for seg in unit.iterfind(f"{{{SDL}}}seg-defs/{{{SDL}}}seg")), None) \
        or _phrase_state(unit)
    if not written:
        return None
    tool = Unit("", "", "", "", props={"x-state": written})
    state = _target_state(tool)
    # an export before approved was written for every state wrote none beside "translated"; one before drafts were
    # written needs-translation wrote them needs-review-translation
    written_12 = {state, "needs-review-translation"} if is_draft(tool) else {state}
    if _state_12(unit, target) in written_12 and unit.get("approved") in (None, _approved(tool, state)):
        return written
    return None


def _still_the_tool_s(unit: etree._Element, target: etree._Element | None, segment_id: str | None) -> bool:
    """Whether what the tool that wrote a unit says of it beside its state (Trados's origin and lock, memoQ's match
    rate and lock) is still so: in the tool's own file (no 1.2 state, or Trados's segments), or in a tmtool export
    whose 1.2 state is still the one written for the tool's state (:func:`_tool_state_kept`)."""
    return segment_id is not None or target is None or target.get("state") is None \
        or _tool_state_kept(unit, target) is not None


def _beside_state(unit: etree._Element, target: etree._Element | None, segment_id: str | None) -> dict[str, str]:
    """What a 1.2 file says of a translation beside its state, as props (:data:`APPROVED`,
    :data:`STATE_QUALIFIER`, :data:`SDL_SEG_PROPS`): the trans-unit's ``approved``, its target's
    ``state-qualifier``, Trados's origin, match percent and lock of the segment."""
    approved = unit.get("approved") if target is not None else None
    # approved="yes" beside a 1.2 state is what an export writes for that state (see _approved): kept, it would be a
    # prop more after each round trip; without a state (Okapi's approved translation) it says what the state is
    # approved="no" beside a draft's state (see _approved; needs-translation: translate-toolkit's fuzzy) neither
    state = target.get("state") if target is not None else None
    props = {APPROVED: approved} if approved == "no" and state not in _DRAFT_STATES_12 | {_DRAFT_STATE} \
        or approved == "yes" and state is None else {}
    qualifier = target.get("state-qualifier") if target is not None else None
    # a rejection a later approval passed (translate-toolkit and Weblate approve leaving the qualifier) is no more
    if qualifier and not (unit.get("approved") == "yes" and qualifier in UNCONFIRMED_PROPS[STATE_QUALIFIER]):
        props[STATE_QUALIFIER] = qualifier
    if not _still_the_tool_s(unit, target, segment_id):
        return props
    props.update({kind: unit.get(f"{{{MEMOQ}}}{name}") for name, kind in MEMOQ_PROPS.items()
                  if unit.get(f"{{{MEMOQ}}}{name}")})
    props.update({kind: unit.get(f"{{{PHRASE}}}{name}") for name, kind in PHRASE_PROPS.items()
                  if unit.get(f"{{{PHRASE}}}{name}") not in (None, "", *_PHRASE_NOTHING)})
    seg = _sdl_seg(unit, segment_id)
    if seg is not None:
        origin = {kind: seg.get(name) for name, kind in SDL_SEG_PROPS.items() if seg.get(name)}
        props.update(origin)
        if segment_id is None and STATE_QUALIFIER in props \
                and props[STATE_QUALIFIER] == _qualifier(Unit("", "", "", "", props=origin)):
            del props[STATE_QUALIFIER]  # what an export wrote for Trados's origin, which is read as it came
    return props


def _sdl_seg(unit: etree._Element, segment_id: str | None) -> etree._Element | None:
    """Trados's ``sdl:seg`` of a segment (by its ``mid``), or of a unit not segmented, as a tmtool export writes it."""
    segs = unit.iterfind(f"{{{SDL}}}seg-defs/{{{SDL}}}seg")
    if segment_id is None:
        return next(segs, None) if unit.find("{*}seg-source") is None else None
    return next((seg for seg in segs if seg.get("id") == segment_id), None)


def _read_20(root: etree._Element, ns: str, path: str | None, on_skip: OnSkip) -> Iterator[Unit]:
    srclang = _lang(root.get("srcLang"), root, path)
    if not srclang:
        raise Invalid("<xliff> without srcLang", path=path, line=root.sourceline)
    tgtlang = _lang(root.get("trgLang"), root, path)
    for unit in root.iter(f"{{{ns}}}unit"):
        own_notes = unit.findall(f"{{{ns}}}notes/{{{ns}}}note")
        notes = [_text(note) for note in own_notes] + _enclosing_notes(unit, f"{{{ns}}}note", f"{{{ns}}}notes")
        original_data = {data.get("id"): _text(data) for data in unit.iterfind(f"{{{ns}}}originalData/{{{ns}}}data")}
        segments = unit.findall(f"{{{ns}}}segment")
        for number, segment in enumerate(segments, 1):
            source = segment.find(f"{{{ns}}}source")
            if source is None:
                on_skip(Skipped("a <segment> without <source>", path, segment.sourceline))
                continue
            unit_id = unit.get("id")
            if len(segments) > 1:
                unit_id = f"{unit_id}/{segment.get('id') or number}"
            target = segment.find(f"{{{ns}}}target")
            item = _unit(source, target, srclang, tgtlang, unit_id, segment.get("state"),
                         notes + _annotations(ns, source, target), original_data, _translate(unit),
                         _html(unit, source, target))
            item.props.update(_note_attributes(own_notes, ("category", "priority", "appliesTo")))
            item.props.update(_document(next(unit.iterancestors(f"{{{ns}}}file"))))
            if unit.get("name"):  # 2.x's resname: the string's key (Symfony's loader keys a unit by it, Okapi writes it)
                item.props[RESNAME] = unit.get("name")
            if segment.get("state") == "initial" and not is_untranslated(item):
                # a tool that says its segment's state says a filled one still initial is no translation yet: Trados
                # saves its Draft and rejected segments so (its XLIFF 2.0 file type's mapping, Draft >> Initial). A
                # segment saying no state, initial by default, is a tool's that tracks none: its target a translation
                item.props["x-state"] = UNCONFIRMED
            if segment.get("subState"):
                item.props[SUBSTATE] = segment.get("subState")
            if _holds_text(item) and _has_target_language(item, segment, "<xliff> has no trgLang", path, on_skip):
                yield item


# a unit's own note's attributes, kept as props named NOTE_ATTRIBUTE + the attribute + ":" + the note's number
# among the unit's notes (x-note-from:1, x-note-priority:1): who wrote it or what it is (1.2's from, 2.0's
# category; Angular writes the description and meaning of a message so, from="description" in 1.2,
# category="description" in 2.0), how much it matters (priority, 1 to 10) and which part of the unit it is about
# (1.2's annotates: source, target or general; 2.0's appliesTo: source or target); a TMX export writes them as
# props, an XLIFF export as they were
NOTE_ATTRIBUTE = "x-note-"
_ANNOTATES_12 = frozenset({"source", "target", "general"})  # the values 1.2 allows its note's annotates


def _note_attributes(notes: list[etree._Element], attributes: tuple[str, ...]) -> dict[str, str]:
    return {f"{NOTE_ATTRIBUTE}{name}:{number}": note.get(name) for number, note in enumerate(notes, 1)
            for name in attributes if note.get(name)}


def _note_element(unit: etree._Element, item: Unit, number: int, note: str, where: str) -> None:
    """A 1.2 ``<note>`` with the ``from``, ``priority`` and ``annotates`` its unit's props keep for it: a 2.0
    note's ``category`` is written as ``from``, as Angular writes the one and the other, its ``appliesTo`` as
    ``annotates`` (the same part of the unit, source or target)."""
    attributes = {}
    said_by = item.props.get(f"{NOTE_ATTRIBUTE}from:{number}") or item.props.get(f"{NOTE_ATTRIBUTE}category:{number}")
    if isinstance(said_by, str):
        attributes["from"] = xml_text(said_by, where)
    priority = item.props.get(f"{NOTE_ATTRIBUTE}priority:{number}")
    if isinstance(priority, str) and priority.strip().isdigit() and 1 <= int(priority) <= 10:  # as 1.2 allows
        attributes["priority"] = priority.strip()
    about = item.props.get(f"{NOTE_ATTRIBUTE}annotates:{number}") or item.props.get(f"{NOTE_ATTRIBUTE}appliesTo:{number}")
    if isinstance(about, str) and about.strip() in _ANNOTATES_12:
        attributes["annotates"] = about.strip()
    etree.SubElement(unit, f"{{{XLIFF_12}}}note", attributes).text = xml_text(note, where)


def _enclosing_notes(unit: etree._Element, note: str, holder: str) -> list[str]:
    """The notes of the groups and the file around a unit, the file's first: what its author wrote for
    the whole document (1.2: ``file/header/note``, ``group/note``; 2.x: ``file/notes``, ``group/notes``).
    A translator reads them with each segment, as a CAT tool shows them beside each one, so each unit
    of the file keeps them among its notes, after its own."""
    enclosing = reversed(list(unit.iterancestors()))
    return [_text(found) for element in enclosing
            for found in [*element.iterfind(f"{holder}/{note}"), *element.iterfind(note)]]


def _translate(unit: etree._Element) -> str | None:
    """``translate`` as a unit has it: its own, else its nearest group's or file's (both versions inherit it)."""
    return next((element.get("translate") for element in unit.iterancestors() if element.get("translate")),
                None) if unit.get("translate") is None else unit.get("translate")


def _annotations(ns: str, *parts: etree._Element | None) -> list[str]:
    """The comments a 2.x segment's source and target annotate their text with: ``<mrk type="comment"
    value="…">`` (one that refers to a unit's note instead, ``ref``, adds nothing to the notes)."""
    marks = [mrk for part in parts if part is not None for mrk in part.iter(f"{{{ns}}}mrk", f"{{{ns}}}sm")]
    return list(dict.fromkeys(mrk.get("value") for mrk in marks if mrk.get("type") == "comment" and mrk.get("value")))


def _html(unit: etree._Element, *parts: etree._Element | None) -> bool | None:
    """Whether the text of a unit's source and target is HTML, as TYPO3 writes a rich text field (and its
    labels holding markup): in a CDATA section, ``<![CDATA[<p>Lisez <strong>ceci</strong>.</p>]]>``,
    tags and all, where the XLIFF it writes otherwise holds plain text. None when neither side's text
    is so; else whether any tag is one (:func:`~tmtool.formats.inline.html_segment`): the unit, a group
    or the file around it says its datatype is HTML (``html``, ``xhtml``, ``htmlbody``)."""
    if not any(part is not None and not len(part) and "<" in (part.text or "")
               and b"<![CDATA[" in etree.tostring(part, with_tail=False) for part in parts):
        return None
    datatype = next((e.get("datatype") for e in (unit, *unit.iterancestors()) if e.get("datatype")), "")
    return "html" in datatype.lower()


def _content(element: etree._Element, original_data: dict[str, str] | None, html: bool | None) -> tuple[str, str | None]:
    """A source's or target's plain text and its codes as TMX markup: its text as HTML when ``html`` is not
    None (see :func:`_html`), else its XLIFF inline elements."""
    if html is not None and not len(element):
        return html_segment(element.text or "", any_tag=html)
    return xliff_segment(element, original_data)


def _unit(source: etree._Element, target: etree._Element | None, srclang: str, tgtlang: str, unit_id: str | None,
          state: str | None, notes: list[str], original_data: dict[str, str] | None = None,
          translate: str | None = None, html: bool | None = None) -> Unit:
    source, target = _unwrapped(source), _unwrapped(target)
    text, markup = _content(source, original_data, html)
    target_text, target_markup = _content(target, original_data, html) if target is not None else ("", None)
    props = {"x-state": state} if state else {}
    if translate == "no":
        props[TRANSLATE] = translate
    return Unit(
        source=text, target=target_text, srclang=srclang, tgtlang=tgtlang, tuid=unit_id,
        props=props, notes=notes,
        source_markup=markup, target_markup=target_markup,
    )


# a run of white space holding a line break: how a tool that pretty-prints its XLIFF lays text over lines
# (a carriage return is none: XML reads one in a file as a line feed, so one read is a character reference, content)
_LINE_BREAK_RUN = re.compile(r"[ \t]*\n[ \t\n]*")
# what tells a laid-out text from one whose line breaks are its own (*Dear user,⏎Your account is ready.*): a line
# indented
_INDENTED_LINE = re.compile(r"\n[ \t]")
# the namespaces of the XLIFF of tools that keep a segment's text as their editor shows it, line breaks and all
_LITERAL_TOOLS = frozenset({SDL, MEMOQ, PHRASE})
# elements whose content is a code's native data, not text
_NATIVE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut", "x", "bx", "ex", "sc", "ec", "cp"})


def _unwrapped(element: etree._Element | None) -> etree._Element | None:
    """A ``<source>``/``<target>`` (or a segment's ``mrk``) without the line breaks and indentation of its
    file's layout, where its ``xml:space`` (its own, else its nearest ancestor's) is not ``preserve``: a run of
    white space holding a line break is one space, and none at the start or end, where a line of it is indented
    (a text whose lines start at the margin keeps its line breaks: they are its own). Angular writes a template's
    text so (``<source>\n        Hello i18n!\n      </source>``), and translate-toolkit reads it as XML's
    default white-space handling has it, ``Hello i18n!``: so does this reader, rather than storing a unit no
    lookup of the sentence matches. Other white space (two spaces, a tab) is kept; so is every white space
    of an element ``xml:space="preserve"`` (what tmtool writes), of a code's native data, and of the files
    of Trados, memoQ and Phrase, whose editors show their text as it stands."""
    if element is None or next((e.get(XML_SPACE) for e in (element, *element.iterancestors()) if e.get(XML_SPACE)),
                               None) == "preserve" or _LITERAL_TOOLS & set(element.getroottree().getroot().nsmap.values()):
        return element
    if not any(_INDENTED_LINE.search(text) for text in element.itertext()):
        return element
    copy = deepcopy(element)
    for node in copy.iter():
        native = isinstance(node.tag, str) and split_tag(node.tag)[1] in _NATIVE_CODES
        if node.text and not native:
            node.text = _LINE_BREAK_RUN.sub(" ", node.text)
        if node is not copy and node.tail:
            node.tail = _LINE_BREAK_RUN.sub(" ", node.tail)
    if copy.text and _LINE_BREAK_RUN.match(element.text or ""):
        copy.text = copy.text[1:]
    last = copy[-1] if len(copy) else copy
    original_end = element[-1].tail if len(element) else element.text
    end = last.tail if len(copy) else last.text
    if end and original_end and re.search(r"\n[ \t\n]*\Z", original_end):
        if len(copy):
            last.tail = end[:-1]
        else:
            last.text = end[:-1]
    return copy


def _holds_text(unit: Unit) -> bool:
    """Whether a unit holds any text: one of codes only (the paragraph structure Trados keeps in units of
    its own, an image's placeholder) is no segment, neither translated nor untranslated."""
    return bool(unit.source.strip() or unit.target.strip())


def _has_target_language(unit: Unit, element: etree._Element, missing: str, path: str | None,
                         on_skip: OnSkip) -> bool:
    """A translation in no named language is passed over: stored, it could never be exported."""
    if unit.tgtlang or is_untranslated(unit):
        return True
    name = split_tag(element.tag)[1]
    on_skip(Skipped(f"<{name}> has a translation, but {missing}", path, element.sourceline))
    return False
