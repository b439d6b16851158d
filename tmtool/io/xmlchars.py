"""What XML 1.0 can carry, told without lxml: the glossary's rules on the look-up path check text with it."""

from __future__ import annotations

import re

_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def not_xml(text: str) -> str | None:
    """The first character of ``text`` that XML 1.0 cannot carry (a control character but tab and line
    breaks, U+FFFE, U+FFFF, a lone surrogate), None when there is none."""
    bad = _NOT_XML_CHAR.search(text)
    return bad.group() if bad else None


def named(char: str) -> str:
    """A character :func:`not_xml` found, named for a person: a lone surrogate (*\\ud800* in JSON) is no
    control character, nor is a byte of an argument that is not UTF-8 (*\\xff* on a command line)."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # how Python reads a byte of a command line's argument that is not UTF-8
        return f"the byte 0x{code - 0xDC00:02X}, which is not UTF-8 (text in another encoding)"
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate U+{code:04X} (half of a character, without its other half)"
    if code in (0xFFFE, 0xFFFF):
        return f"the non-character U+{code:04X}"
    return f"the control character U+{code:04X}"
