"""Wordfast Classic translation memories (``.txt``): read as translation units.

A Wordfast TM is a tab-separated text file whose first line is a header of ``%`` fields (the date,
``%User ID,…``, ``%TU=…``, the source language, ``%Wordfast TM v.…``, the target language …) and
whose other lines are one unit each::

    date (YYYYMMDD~hhmmss)  user  reuse count  source language  source  target language  target  [attributes]

Wordfast writes UTF-16 with a byte-order mark, or, in older memories, the Windows code page; a
character outside that code page is escaped as ``&'XX;`` (its hexadecimal code in Windows-1252, or
its Unicode code point). Its placeholders (``&tA;`` a tag, ``&t1;`` a graphic …) are codes, kept as TMX
``ph`` elements holding them; ``&t9;`` and ``&t#;`` are a tab and a line break (see
:func:`tmtool.formats.inline.wordfast_segment`). The date, the writer's local time (read in this machine's
zone), becomes the unit's change date, the user its
``creationid`` and the reuse count its ``usagecount`` (what a TMX export writes as the ``<tu>``'s attributes,
see :data:`tmtool.formats.tmx.TU_ATTRIBUTES`), and the attributes ``x-attribute-1`` … props. Wordfast's
description of the format makes a unit's date, user, count and languages optional: a line leaving its
languages empty is in the header's (its fourth and sixth fields, ``%FR-FR`` … ``%EN-GB``), one without a
date has none. A unit of the user ``MT!`` holds a machine translation: a draft, which an import leaves out unless
asked for drafts (see :func:`tmtool.formats.tmx.is_unconfirmed`).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import Invalid, TmtoolError
from ..io.decoding import decode_text
from ..langtags import normalize_tag
from ..model import Unit
from .inline import wordfast_segment
from .skips import OnSkip, Unusable, refuse
from .xliff import UNCONFIRMED

SIGNATURE = "Wordfast TM"  # in the header line's version field
_HEADER_DATE = re.compile(r"%\d{8}~\d{6}")
_ESCAPE = re.compile(r"&'([0-9A-Fa-f]{2,6});")
_FIELDS = 7  # date, user, reuse count, source language, source, target language, target
# the user Wordfast records a machine's translation under (its header's user list: "MT! Machine translation"): a
# translation nobody confirmed, read as a draft (an XLIFF's state not confirmed) that an import leaves out unless asked
MACHINE_TRANSLATION = "MT!"


def read_wordfast(path: str | Path, *, on_skip: OnSkip = refuse) -> Iterator[Unit]:
    """The units of a Wordfast TM; a line of fewer than seven fields or with a bad language tag or
    date is passed over and told to ``on_skip``."""
    path = str(path)
    lines = _text(path).splitlines()
    header = lines[0].split("\t") if lines else []
    if not header or not _HEADER_DATE.fullmatch(header[0]) or not any(SIGNATURE in field for field in header):
        raise Invalid("not a Wordfast TM: the first line is not a Wordfast header (%date … %Wordfast TM v.…)",
                          path=path, line=1)
    languages = _header_languages(header)
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        try:
            yield _unit(line.split("\t"), number, languages)
        except Unusable as unusable:
            on_skip(unusable.skipped(path))


def _header_languages(header: list[str]) -> tuple[str, str]:
    """The source and target languages the header names (``%FR-FR`` before the version field, ``%EN-GB`` after
    it), as written; empty where it names none."""
    named = [field.strip().removeprefix("%") for field in header[3:6:2]]
    return (named + ["", ""])[0], (named + ["", ""])[1]


def _unit(fields: list[str], number: int, languages: tuple[str, str] = ("", "")) -> Unit:
    if len(fields) < _FIELDS:
        raise Unusable(f"{len(fields)} tab-separated fields, a Wordfast unit has at least {_FIELDS}", number)
    date, user, reuse, srclang, source, tgtlang, target, *attributes = fields
    # a unit's date is "local time" (wordfast.net, "The WFC Translation memory format Wordfast Classic": 20041231~165410
    # is "31 December 2004, at 16:54:10, local time"), the clock of the machine that wrote it, its zone said nowhere in
    # the file. Assumed: this machine's zone, in which the command line shows a stored date (a memory is imported where
    # it was made, as a rule); stored in UTC. Read as UTC, a unit made at 16:54 in Paris was an hour late.
    try:
        changed = datetime.strptime(date, "%Y%m%d~%H%M%S").astimezone(timezone.utc) if date.strip() else None
    except (ValueError, OverflowError):  # no such date, or one past datetime's range in UTC (year 9999's last hours)
        raise Unusable(f"invalid date {date!r} (expected YYYYMMDD~hhmmss)", number) from None
    try:  # a line's languages are optional: the header's then
        srclang, tgtlang = (normalize_tag(own.strip() or header) for own, header in zip((srclang, tgtlang), languages))
    except TmtoolError as exc:
        raise Unusable(exc.message, number) from None
    props = {"@creationid": user, "@usagecount": reuse} | {
        f"x-attribute-{n}": value for n, value in enumerate(attributes, 1) if value}
    if user.strip().upper() == MACHINE_TRANSLATION:
        props["x-state"] = UNCONFIRMED
    source, source_markup = wordfast_segment(source, _unescaped)
    target, target_markup = wordfast_segment(target, _unescaped)
    return Unit(source=source, target=target, srclang=srclang, tgtlang=tgtlang, changed=changed,
                props={key: value for key, value in props.items() if value}, source_markup=source_markup,
                target_markup=target_markup)


def _text(path: str) -> str:
    data = Path(path).read_bytes()
    try:
        return decode_text(data, path)
    except TmtoolError:
        if b"\x00" in data:
            raise
        return data.decode("cp1252", errors="replace")  # an older memory in the Windows code page


def _unescaped(text: str) -> str:
    return _ESCAPE.sub(_character, text)


def _character(match: re.Match) -> str:
    code = int(match.group(1), 16)
    if code < 0x100:
        return bytes([code]).decode("cp1252", errors="replace") if code >= 0x80 else chr(code)
    # a surrogate's code or one past Unicode is no character (and a lone surrogate cannot be stored)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
