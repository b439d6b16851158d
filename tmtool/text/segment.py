"""Sentence segmentation of paragraphs with SRX rules (French and English defaults shipped).

A paragraph is the largest unit: sentences never cross paragraphs, so a heading or a date line
without final punctuation stays a segment of its own.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import BinaryIO

import regex

from ..errors import Invalid
from ..langtags import normalize_tag
from ..model import Document, Segment
from .srx import SrxRules, read_srx, write_srx

_DEFAULT_RULES = "default.srx"

# A list marker opening a segment is layout, not text: "- ", "– ", "— " (a hyphen or dash needs the
# space, else "-5 °C" would lose its sign), an asterisk before a space as e-mails and Markdown type it, Word's "o"
# before a tab (its second level's bullet, in the plain text it saves), or a bullet: the typographer's, the geometric
# shapes and arrows Word offers (● ■ ◆ ➢ ✓ …), a middle dot, and Word's Symbol and Wingdings bullets pasted as their
# private-use codes (U+F0B7 •, U+F0A7 ▪, U+F076 ❖, U+F0D8 ➢, U+F0FC ✓, U+F0E0, U+F06E ■, U+F06F □, U+F071 ❑)
LIST_BULLETS = "•▪◦‣●○■□◆◇►▸▹➢➤✓✔❖⁃∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0e0\uf06e\uf06f\uf071"
# the one pattern of such a marker: the segmenter leaves it out of a segment's start (``_LIST_MARKER``, with the spaces
# after it); the readers take a line starting with it for a list's item (``readers.base._ITEM_START``), as they do a
# line starting with an item's number or letter (*1.*, *a)*, *(iv)*), which the segmenter keeps: a number is text, cited
# (*au point 3*) and translated with its item, where a bullet or a dash is the list's layout
LIST_MARKER = rf"(?:[-–—*]\s|o\t|[{LIST_BULLETS}])"
_LIST_MARKER = regex.compile(rf"^{LIST_MARKER}\s*")


@cache
def default_rules() -> SrxRules:
    """The SRX rules shipped with tmtool (``tmtool/text/rules/default.srx``)."""
    with as_file(files(__package__) / "rules" / _DEFAULT_RULES) as path:
        return read_srx(path)


def load_rules(path: str | Path) -> SrxRules:
    """Read a user's SRX file; a missing, unreadable or invalid file is a ``TmtoolError``."""
    try:
        return read_srx(Path(path))
    except OSError as exc:
        raise Invalid(f"cannot read SRX file: {exc.strerror or exc}", path=str(path)) from None


def export_rules(rules: SrxRules, out: BinaryIO | str | Path) -> None:
    """Write ``rules`` as SRX 2.0 XML (a file is replaced atomically)."""
    write_srx(rules, out)


def segment_text(text: str, lang: str, rules: SrxRules | None = None) -> list[str]:
    """One paragraph in, its sentences out: trimmed, none empty, list markers removed."""
    segmenter = (rules if rules is not None else default_rules()).segmenter(normalize_tag(lang))
    sentences = []
    for piece in segmenter.split(text):
        sentence = _LIST_MARKER.sub("", piece.strip(), count=1).strip()
        if sentence:
            sentences.append(sentence)
    return sentences


def segment_document(doc: Document, lang: str, rules: SrxRules | None = None) -> list[Segment]:
    """Every paragraph of ``doc`` segmented; segments numbered across the document."""
    segments: list[Segment] = []
    for paragraph_index, paragraph in enumerate(doc.paragraphs):
        for sentence in segment_text(paragraph, lang, rules):
            segments.append(Segment(sentence, paragraph_index, len(segments)))
    return segments
