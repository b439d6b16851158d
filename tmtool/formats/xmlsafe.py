"""The one place where XML is parsed: no entity expansion, no network, no DTD loading, no huge trees.

Every XML reader of tmtool (TMX, TBX, XLIFF, SRX …) parses through here, so that a hostile or broken
file (billion laughs, external entities pointing at local files or URLs) is refused the same way
everywhere, and a syntax error always comes out as one ``TmtoolError`` line with path and line number.

A plain ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is accepted and never fetched. A DOCTYPE whose internal
subset declares entities is refused outright rather than parsed without them: such a file means
something the reader would silently get wrong.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

from lxml import etree

from ..errors import TmtoolError

XMLSource = str | Path | BinaryIO
# written by hand by the writers: lxml's own declaration uses single quotes, which some CAT tools miss
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_SAFE_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def xml_parser(**options) -> etree.XMLParser:
    """An lxml parser with the safe options forced (``options`` may add, e.g., ``remove_blank_text``)."""
    return etree.XMLParser(**{**options, **_SAFE_OPTIONS})


def source_name(source: XMLSource) -> str | None:
    """The path to name in error messages: the file's path, or the stream's name when it has one."""
    if isinstance(source, (str, Path)):
        return str(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def parse_xml(source: XMLSource) -> etree._ElementTree:
    """Parse a whole document safely (for formats whose files are small: TBX, XLIFF, SRX)."""
    path = source_name(source)
    _refuse_utf16_without_bom(source, path)
    try:
        tree = etree.parse(_openable(source), xml_parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path) from None
    refuse_entity_declarations(tree.getroot(), path)
    return tree


def iterparse_xml(
    source: XMLSource, events: Iterable[str] = ("end",), tag: str | Sequence[str] | None = None
) -> Iterator[tuple[str, etree._Element]]:
    """``lxml.etree.iterparse`` with the safe options; the caller clears elements it is done with.

    ``tag`` filters in lxml's C code, which is what keeps streaming fast. The DOCTYPE is checked at
    the first event: the internal subset precedes the root element, so it is fully known by then,
    and nothing has been expanded.
    """
    path = source_name(source)
    _refuse_utf16_without_bom(source, path)
    checked = False
    try:
        for event, element in etree.iterparse(_openable(source), events=tuple(events), tag=tag, **_SAFE_OPTIONS):
            if not checked:
                refuse_entity_declarations(element, path)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path) from None


def split_tag(tag: str) -> tuple[str | None, str]:
    """``{namespace}local`` → (namespace, local); (None, tag) without a namespace.

    Unlike ``etree.QName``, never raises: a hostile namespace URI may itself contain ``{`` or ``}``.
    """
    if not tag.startswith("{"):
        return None, tag
    end = tag.rfind("}")
    return tag[1:end], tag[end + 1 :]


def refuse_entity_declarations(element: etree._Element, path: str | None) -> None:
    dtd = element.getroottree().docinfo.internalDTD
    names = [entity.name for entity in dtd.iterentities()] if dtd is not None else []
    if names:
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        raise TmtoolError(
            f"the DOCTYPE declares entities ({shown}); documents with entity declarations are refused",
            path=path,
            line=element.getroottree().getroot().sourceline,
        )


def xml_text(text: str, where: str) -> str:
    """``text`` unchanged if XML 1.0 can carry it, else a TmtoolError naming ``where`` and the character.

    Writers call this rather than dropping characters: an export that silently differs from its
    input is worse than one that stops and says why.
    """
    bad = _NOT_XML_CHAR.search(text)
    if bad:
        raise TmtoolError(
            f"{where}: character U+{ord(bad.group()):04X} cannot be written to XML 1.0; "
            "remove or replace it in the input"
        )
    return text


def _refuse_utf16_without_bom(source: XMLSource, path: str | None) -> None:
    """XML 1.0 (4.3.3) requires the byte-order mark in UTF-16; libxml2 guesses without one, and
    CAT tools that do not guess would read such a file differently, so it is refused here."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as f:
            start = f.read(2)
    elif source.seekable():
        position = source.tell()
        start = source.read(2)
        source.seek(position)
    else:  # a pipe: nothing can be peeked without consuming it
        return
    if start in (b"<\x00", b"\x00<"):
        raise TmtoolError(
            "looks like UTF-16 without a byte-order mark, which XML requires; save it as UTF-8 or UTF-16 with BOM",
            path=path,
        )


def _openable(source: XMLSource):
    # lxml takes file names as str; os.fspath keeps Path objects working
    return os.fspath(source) if isinstance(source, (str, Path)) else source


def _syntax_error(exc: etree.XMLSyntaxError, path: str | None) -> TmtoolError:
    # lxml appends ", line N, column M" to the message; the line goes into TmtoolError's prefix instead
    message = re.sub(r", line \d+, column \d+$", "", (exc.msg or str(exc)).splitlines()[0])
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    return TmtoolError(f"not well-formed XML: {message}", path=path, line=line)
