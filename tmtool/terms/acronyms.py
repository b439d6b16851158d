"""Acronyms and their full forms, in either language.

A definition is a full form followed by its acronym in parentheses: *État-major militaire international
(EMI)*, *International Military Staff (IMS)*; or a line of a list of abbreviations, the acronym and its
full form in two columns (``LISTED_ACRONYM``). The full form is the noun phrase just before the
parenthesis; which of its possible starts is right is decided by the letters of the acronym when they
match (Schwartz & Hearst 2003), else by the capitalisation of organisation names. NATO acronyms are
often English inside French text (*C-IED COE*, *DCB*), so a letter mismatch is not a reason to drop one.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..text.normalize import fold

PARENTHESISED_ACRONYM = re.compile(r"\(\s*([A-ZÀ-Ý][A-ZÀ-Ý0-9]*(?:[-/ ][A-ZÀ-Ý0-9]+)*)\s*\)")
_ACRONYM_WORD = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9]*(?:-[A-ZÀ-Ý0-9]+)*$")
# a line of a list of abbreviations: the acronym, a tab (a table's column, as a word processor's list
# of abbreviations is written), its full form; a final full stop or semicolon is not part of it, nor a
# third column (the other language's full form, which a bilingual list adds after the document's own)
LISTED_ACRONYM = re.compile(
    r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý0-9]*(?:[-/][A-ZÀ-Ý0-9]+)*)[ ]*\t\s*(\w[^\t]*?)[\s.;]*(?:\t[^\t]*)?$")


def listed(line: str) -> tuple[str, tuple[int, int]] | None:
    """The acronym a line of a list of abbreviations defines and the character span of its full form,
    or None: an acronym, a tab, and a full form of no more words than its letters allow
    (``most_words``: a line of text after a tab is no full form)."""
    match = LISTED_ACRONYM.match(line)
    if not match or not is_acronym(match.group(1)):
        return None
    if len(match.group(2).split()) > most_words(match.group(1)):
        return None
    return match.group(1), match.span(2)


def is_acronym(word: str) -> bool:
    """Two capitals or more and nothing in lower case: *OTAN*, *C-IED*, *G20*."""
    return bool(_ACRONYM_WORD.match(word)) and sum(c.isupper() for c in word) >= 2  # the pattern fails at once on most words


def most_words(acronym: str) -> int:
    """The most words a full form of ``acronym`` has: min(letters + 5, 2 × letters), its letters and
    digits counted (Schwartz & Hearst's bound)."""
    letters = sum(c.isalnum() for c in acronym)
    return min(letters + 5, 2 * letters)


def letters_match(acronym: str, words: Sequence[str]) -> bool:
    """Whether the acronym's letters appear in order in ``words``, the first at the start of the
    first word and each letter at a word start or inside the word after the previous match."""
    letters = [c for c in fold(acronym) if c.isalnum()]
    if not letters or not words or not fold(words[0]).startswith(letters[0]):
        return False
    text = fold(" ".join(words))
    position = len(text) - 1
    for k in range(len(letters) - 1, -1, -1):
        while position >= 0 and (
            text[position] != letters[k] or (k == 0 and position > 0 and text[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def initials_cover(acronym: str, words: Sequence[str]) -> bool:
    """Whether each of the acronym's letters is the initial of a word of its own, in any order: a
    French name keeps the English acronym, its words in French order (*Commandement allié
    Transformation* for *ACT*)."""
    initials = Counter(fold(w)[:1] for w in words if w[:1].isalnum())
    return not Counter(c for c in fold(acronym) if c.isalnum()) - initials


def spelt_by_items(acronym: str, items: Sequence[str]) -> bool:
    """Whether the initials of a list's items (its words of content) are the acronym's letters, in order
    (*Intelligence, Surveillance and Reconnaissance*: ISR) or, as many, in another order (a language that lists
    them otherwise than the acronym does); a list whose words only hold the letters somewhere spells nothing."""
    letters = [c for c in fold(acronym) if c.isalpha()]
    initials = [fold(item)[:1] for item in items]
    return initials == letters or (len(initials) == len(letters) and initials_cover(acronym, items))


def listed_start(acronym: str, words: Sequence[str], content: Sequence[bool], allowed: Sequence[bool], begin: int,
                 end: int, conjunctions: Sequence[str]) -> int | None:
    """Where a full form ending at ``end`` begins whose letters the items of a list spell, commas between them and a
    conjunction before the last (*Intelligence, Surveillance and Reconnaissance (ISR)*, *femmes, la paix et la
    sécurité (FPS)*), looking back from ``begin`` (a phrase's start, or ``end``: a phrase ends at a comma): the
    nearest start before a comma from which the items' initials spell the acronym (``spelt_by_items``), over
    commas, conjunctions and the words ``allowed``; None if there is none. ``content``: which words are the
    items' (words of content)."""
    bound, comma = most_words(acronym), False
    coordinated = any(w.lower() in conjunctions for w in words[begin:end])
    for k in range(begin - 1, -1, -1):
        if words[k] == ",":
            comma = True
            continue
        if words[k].lower() in conjunctions:
            coordinated = True
        elif not allowed[k]:
            return None
        items = [words[i] for i in range(k, end) if content[i]]
        if len(items) > bound:
            return None
        if comma and coordinated and content[k] and spelt_by_items(acronym, items):
            return k
    return None


def choose_start(acronym: str, words: Sequence[str], starts: Sequence[int], shown: Sequence[int] = (),
                 rendered: Sequence[int] = ()) -> int | None:
    """The index in ``words`` where the full form of ``acronym`` begins; it ends at ``words[-1]``.

    ``starts`` are the possible beginnings (content words that open a noun phrase), left to right.
    A full form has at most ``most_words`` words (a word elided before the next, *l'*, is part of
    it): the letters may be spelled inside words, and a longer phrase spells nearly any acronym so
    (*Norvège à la Force de réaction de l'OTAN (NRF)*, whose French words do not spell the English
    acronym at all). ``shown``: the beginnings of phrases ending there that the translation shows
    (``equivalents.aligned_spans``); where the letters spell nothing (an English acronym in French:
    *commandant suprême allié Transformation (SACT)*), the full form is the longest of them if it is
    longer than the phrase or name the French alone gives: it renders the English full form the
    letters spell. ``rendered``: the beginnings of those that render an English full form whose
    initials spell the acronym; the longest of them is the full form where the French letters spell
    nothing (*avion du* | *système aéroporté de détection et de contrôle (AWACS)*, for *Airborne Warning and
    Control System (AWACS) aircraft*) or only by chance, inside words (*équipe d'intervention en* | *cas
    d'urgence informatique (CERT)*, for *computer emergency response team*).
    """
    if not starts:
        return None
    bound = most_words(acronym)
    counted, within = 0, set()  # the starts whose full form has few enough words, counted from the end once
    for k in range(len(words) - 1, starts[0] - 1, -1):
        counted += any(c.isalnum() for c in words[k]) and not words[k].endswith(("'", "’"))
        if counted > bound:
            break
        within.add(k)
    starts = [s for s in starts if s in within] or starts[-1:]
    spelt = next((start for start in reversed(starts) if letters_match(acronym, words[start:])), None)
    # a rendering after the spelt start whose words each give one of the letters as their initial: the French name
    # keeping the English acronym (*Commandement allié Opérations*, ACO), which the letters spell only with the noun
    # governing it (*a*utorité du *C*ommandement allié *O*pérations); the English full form renders no such noun
    french_name = [r for r in rendered if spelt is not None and r > spelt and initials_cover(acronym, words[r:])]
    if rendered and (spelt is None or min(rendered) < spelt and not initials_cover(acronym, words[spelt:])):
        start = min(rendered)  # the French letters spell nothing, or only by chance: the English full form's do
    elif french_name:
        start = min(french_name)
    elif spelt is not None:  # the shortest full form whose letters spell the acronym
        start = spelt
    else:
        # else the longest name, capitalised and of two words or more, else the longest phrase; or the
        # longest phrase shown, if it is longer still (the parse may end a phrase where a name goes on)
        named = [start for start in starts if words[start][:1].isupper() and len(words) - start >= 2][:1]
        return min([*(named or starts[:1]), *shown])
    # and the capitalised words of the name before it, which the letters and the alignment leave out
    # (*led by Allied Maritime Command (MARCOM)*, *Grand* | *Quartier général des puissances alliées en
    # Europe (SHAPE)*); not the sentence's first word, whose capital is not a name's (*Yesterday Allied Air
    # Command*), nor an acronym of another name (*NATO Allied Land Command*)
    while (start - 1 in starts and words[start - 1][:1].isupper() and not words[start - 1].isupper()
           and any(any(c.isalnum() for c in w) for w in words[: start - 1])):
        start -= 1
    return start
