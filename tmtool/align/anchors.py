"""Whether a document and the file given as its translation read as one: the numbers and names their
aligned sentences share.

A translation keeps a sentence's numbers and most of its names (*Tallinn*, *Estonie* / *Estonia*,
*Ferrari*), so most aligned sentence pairs holding some on both sides share one: 0.50–1.00 of them in
the 34 French–English news pairs of ``bench/data``, 0.61–0.97 in the eight TransRead books, 0.81–0.92 in
Text+Berg's German–French. The wrong English beside a French document (another article) shares them by
chance only: 0.00–0.60, under a third in 24 of those 34 mismatched pairs, while none of the 34 true
pairs is under a third (bench/README.md, "A file that is no translation"). The aligner cannot tell: its
confidence weighs one bead against another, and two unrelated texts of similar lengths align 1-1 with
confidence near 1.

Numbers are compared by their values: an Arabic, Persian or Hindi translation writes them in its own digits
(*٣ مايو ٢٠٢٤*), a Japanese one often in full-width ones.

Names are words of four letters or more written with a capital inside a sentence, an elided article or
preposition apart (*l'Ukraine*, *d'Angela*), compared on their first four letters without accents (*Estonie*
and *Estonia*; *Londres* and *London*, *Chine* and *China*, *Parlement* and *Parliament*, which five letters
told apart: a diplomatic text naming countries and institutions, and few numbers, read as no translation),
in Latin script only (a Cyrillic or Greek name is transliterated, not kept); acronyms are left out, as they
differ across languages (*OTAN*, *NATO*)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ..text.normalize import fold_word

MIN_PAIRS = 5  # fewer sentence pairs with numbers or names on both sides tell nothing either way
MIN_SHARED = 1 / 3  # a translation's share of them sharing one is higher (see above)
NAME_LETTERS = 4  # names compared on their first letters: a translation's spelling often differs after them
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_][\w-]*")  # an apostrophe ends a word: l'|Ukraine
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F'’-]+")


def anchors(text: str) -> set[str]:
    """The numbers (their values, whatever the digits: ٢٠٢٤ and ２０２４ are 2024) and names (four folded
    letters) of a sentence."""
    # digit by digit, not int(): a run of thousands of digits is no number int() will read
    found = {"".join(str(unicodedata.digit(c)) for c in m.group()).lstrip("0") or "0" for m in _NUMBER.finditer(text)}
    for i, word in enumerate(_WORD.findall(text)):
        if i and len(word) >= 4 and word[:1].isupper() and not word.isupper() and _LATIN.fullmatch(word):
            found.add(fold_word(word)[:NAME_LETTERS])
    return found


def shared_anchors(pairs: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """(sentence pairs with numbers or names on both sides, those of them sharing one)."""
    holding = sharing = 0
    for source, target in pairs:
        mine, theirs = anchors(source), anchors(target)
        if mine and theirs:
            holding += 1
            sharing += bool(mine & theirs)
    return holding, sharing


def unlike_translation(pairs: Iterable[tuple[str, str]]) -> tuple[int, int] | None:
    """``shared_anchors`` of the aligned sentence pairs when they say the two files are no translation of
    each other: enough pairs hold numbers or names on both sides, and under ``MIN_SHARED`` of them share
    one. None otherwise."""
    holding, sharing = shared_anchors(pairs)
    return (holding, sharing) if holding >= MIN_PAIRS and sharing < MIN_SHARED * holding else None
