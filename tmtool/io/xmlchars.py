"""What XML 1.0 can carry, told without lxml: the glossary's rules on the look-up path check text with it."""

from __future__ import annotations

import re

_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def not_xml(text: str) -> str | None:
    """The first character of ``text`` that XML 1.0 cannot carry (a control character but tab and line
    breaks, U+FFFE, U+FFFF, a lone surrogate), None when there is none."""
    bad = _NOT_XML_CHAR.search(text)
    return bad.group() if bad else None
