"""Bytes → text: a byte-order mark decides the encoding, otherwise the bytes must be UTF-8.

Every text file tmtool reads (documents, TSV/CSV, the prolog of an XML file) is decoded by these rules,
so that a file in the wrong encoding is refused with the same clear line whatever its format.
"""

from __future__ import annotations

import codecs
import logging
import re

from ..errors import Invalid, TmtoolError

# byte-order marks and their encodings, longest first: the UTF-32 LE mark starts with the UTF-16 LE one
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, path: str) -> str:
    """Bytes → str: a BOM decides the encoding, otherwise the bytes must be UTF-8."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise Invalid(
                    f"invalid {encoding.upper()} at byte {exc.start + len(bom)}", path=path
                ) from None
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise Invalid(
                "looks like UTF-16 without a byte-order mark; save it as UTF-8 or as UTF-16 with BOM", path=path
            )
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise Invalid("binary data, not text (NUL bytes)", path=path, line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise Invalid(
            f"not valid UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start}; save the file as UTF-8",
            path=path,
            line=line,
        ) from None


def _looks_like_utf16(data: bytes) -> bool:
    # ASCII-heavy UTF-16 text has its NUL bytes all at even or all at odd offsets
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) // 4 and min(even, odd) == 0


# what Windows-1252 puts in 0x80–0x9F that Western European text uses: the euro sign, quotation marks,
# dashes, the ellipsis, the bullet, the trade mark, French's œ and Ÿ; other characters there (Ž, ˆ, ‰, †)
# are what another code page's letters read as (Mac Roman's é is 0x8E, Ž here)
_WESTERN = frozenset("€‚„…•–—‘’“”™œŒŸ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# UTF-8's accented Latin letters and its punctuation (’ – « …) are "Ã" or "â€" then another sign in
# Windows-1252, which no Western text writes
_UTF8 = re.compile(rb"\xc3[\x80-\xbf]|\xe2\x80[\x80-\xbf]")
# what the letters of another Windows code page read as in 1252: Cyrillic (1251), Greek (1253), Hebrew
# (1255) and Arabic (1256) put theirs in 0xC0–0xFF, so their words read as runs of À–ÿ, which Western
# words mix with ASCII letters; Central European (1250) puts ł, ą, ľ and ż at ³, ¹, ¾ and ¿, which no
# Western word holds before a letter (m², km³ end a word) or, for ¿, after one (¿Qué opens a question)
_OTHER_CODE_PAGE = re.compile(r"[À-ÖØ-öø-ÿ]{3}|[¹²³¾](?=[^\W\d_])|(?<=[^\W\d_])¿")


def decode_western_text(data: bytes, path: str, *, written_by: str) -> str:
    """``decode_text``, but bytes that are not UTF-8 are read as Windows-1252 when they are Western text
    in it: the code page Windows programs in Western Europe write in (Excel's "CSV" and "Text
    (tab-delimited)", Notepad's "ANSI"), and the one browsers read a page in that declares no charset.
    Said as a notice (the ``tmtool`` logger) naming ``written_by``, since the bytes alone cannot prove it."""
    try:
        return decode_text(data, path)
    except TmtoolError:
        text = _western(data)
        if text is None:
            raise
    logging.getLogger("tmtool.io").info("%s: not UTF-8, read as Windows-1252 (%s)", path, written_by)
    return text


def _western(data: bytes) -> str | None:
    """The bytes read as Windows-1252, None where they are not Western text in it: bytes 1252 leaves
    undefined, controls, characters of 0x80–0x9F that Western text does not use, UTF-8 (``_UTF8``)
    that a stray byte spoils (its letters would be read as Ã©), or letters another Windows code page
    wrote (``_OTHER_CODE_PAGE``)."""
    if b"\x00" in data or _UTF8.search(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text) or any(bytes([b]).decode("cp1252") not in _WESTERN for b in set(data) if 0x80 <= b <= 0x9F):
        return None
    return None if _OTHER_CODE_PAGE.search(text) else text
