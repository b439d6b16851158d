"""English acronym definitions from surface cues: *International Military Staff (IMS)*.

The full form before a parenthesised acronym starts on a content word (not a function word, not an
adverb in -ly) and may hold the connectives of English names (*Centre of Excellence*, *Partnership
for Peace*); which start is right is decided by the acronym's letters (``acronyms.choose_start``).
English candidate terms are the noun phrases of ``tmtool.text.en``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from . import acronyms
from .acronyms import PARENTHESISED_ACRONYM, choose_start, letters_match, listed_start

# Hyphens are tokens of their own so that *Improvised Explosive Devices* is a span of
# *Counter-Improvised Explosive Devices*; inside a span they join words (*dual-use technologies*).
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?<![’']s)|['’]s\b|[^\w\s]")
FUNCTION_WORDS = frozenset(
    """a an the of for and or nor but to in on at by with from as into onto over under between among
    about after before during since until while than then that this these those which who whom whose what
    when where why how it its it's they them their theirs he him his she her hers we us our ours you your
    i me my is are was were be been being am has have had having do does did will would shall should can
    could may might must not no yes so also too very just only even more most less least much many
    such some any each every all both either neither other another own same there here up out off
    once again further including according regarding concerning 's ’s one
    two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion""".split()
)  # number words quantify a noun phrase (*Seven minehunters*), they are not part of the term
_CONNECTIVES = frozenset({"of", "for", "the", "and", "on", "in", "to"})


@dataclass(frozen=True, slots=True)
class EnToken:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def function_word(self) -> bool:
        return self.text.lower() in FUNCTION_WORDS

    @property
    def content(self) -> bool:
        return (
            any(c.isalnum() for c in self.text)
            and not self.function_word
            and not (self.text.islower() and self.text.endswith("ly"))
        )


def tokenize(text: str) -> list[EnToken]:
    return [EnToken(m.group(), m.start()) for m in _TOKEN.finditer(text)]


def _joins(tokens: Sequence[EnToken], i: int) -> bool:
    """A hyphen written between two words with no space."""
    return (
        tokens[i].text == "-"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].end == tokens[i].start
        and tokens[i + 1].start == tokens[i].end
    )


def span_text(text: str, tokens: Sequence[EnToken], start: int, end: int) -> str:
    return text[tokens[start].start : tokens[end - 1].end]


def definitions(text: str) -> list[tuple[str, str]]:
    """(acronym, full form) pairs defined in an English sentence: *International Military Staff (IMS)*,
    or a line of a list of abbreviations (``acronyms.listed``)."""
    listed = acronyms.listed(text)
    if listed:
        acronym, (first, last) = listed
        return [(acronym, text[first:last])]
    tokens = tokenize(text)
    found = []
    for match in PARENTHESISED_ACRONYM.finditer(text):
        paren = next((i for i, t in enumerate(tokens) if t.start == match.start()), None)
        if paren is None:
            continue
        first = paren
        while first > 0 and (
            tokens[first - 1].content or tokens[first - 1].text.lower() in _CONNECTIVES or _joins(tokens, first - 1)
        ):
            first -= 1
        starts = [i for i in range(first, paren) if tokens[i].content and not (i > 0 and _joins(tokens, i - 1))]
        words = [t.text for t in tokens[:paren]]
        start = choose_start(match.group(1), words, starts)
        if start is None or not letters_match(match.group(1), words[start:]):  # a list a phrase does not cross
            content = [t.content for t in tokens[:paren]]
            listed = listed_start(match.group(1), words, content, [
                c or t.text.lower() in _CONNECTIVES or _joins(tokens, k)
                for k, (c, t) in enumerate(zip(content, tokens))], paren, paren, ("and",))
            start = start if listed is None else listed
        if start is not None:
            found.append((match.group(1), span_text(text, tokens, start, paren)))
    return found

