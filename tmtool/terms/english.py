"""English candidate spans without an English model: the shape of noun phrases from surface cues.

A span starts and ends on a content word (not a function word, not an adverb in -ly), does not cross
punctuation, and may hold the connectives of English term patterns inside (*Centre of Excellence*,
*Partnership for Peace*, *Heads of State and Government*, *Accelerator for the North Atlantic*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from .acronyms import PARENTHESISED_ACRONYM, choose_start, is_acronym

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
MAX_SPAN_WORDS = 8


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


def candidate_spans(tokens: Sequence[EnToken]) -> Iterator[tuple[int, int]]:
    """(start, end) token spans shaped like an English term (see module docstring)."""
    for start, first in enumerate(tokens):
        if not first.content:
            continue
        for end in range(start + 1, min(len(tokens), start + MAX_SPAN_WORDS) + 1):
            token = tokens[end - 1]
            if not (token.content or token.text.lower() in _CONNECTIVES or _joins(tokens, end - 1)):
                break
            if token.content and _connectives_well_placed(tokens[start:end]):
                yield start, end


def _joins(tokens: Sequence[EnToken], i: int) -> bool:
    """A hyphen written between two words with no space."""
    return (
        tokens[i].text == "-"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].end == tokens[i].start
        and tokens[i + 1].start == tokens[i].end
    )


def _connectives_well_placed(span: Sequence[EnToken]) -> bool:
    """*the* only after *of*/*for*/*on*/*in*/*to*, and never two connectives but *of the*, *for the*."""
    for previous, token in zip(span, span[1:]):
        word, before = token.text.lower(), previous.text.lower()
        if word in _CONNECTIVES and before in _CONNECTIVES and not (word == "the" and before != "and"):
            return False
        if word == "the" and before not in _CONNECTIVES:
            return False
    return True


def shape(span: Sequence[EnToken]) -> float:
    """How much a span looks like an English term, in (0, 1]: a verb-like last word (*-ed*, *-ing*
    in lower case) or a lone lower-case word ending a long span is unlikely to be a head noun."""
    last = span[-1].text
    weight = 1.0
    if last.islower() and last.endswith(("ed", "ing")):
        weight *= 0.4
    if len([t for t in span if t.content]) > 4 and not all(t.text[:1].isupper() for t in span if t.content):
        weight *= 0.6
    return weight


def span_text(text: str, tokens: Sequence[EnToken], start: int, end: int) -> str:
    return text[tokens[start].start : tokens[end - 1].end]


def definitions(text: str) -> list[tuple[str, str]]:
    """(acronym, full form) pairs defined in an English sentence: *International Military Staff (IMS)*."""
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
        start = choose_start(match.group(1), [t.text for t in tokens[:paren]], starts)
        if start is not None:
            found.append((match.group(1), span_text(text, tokens, start, paren)))
    return found


PREPOSITIONS = frozenset({"of", "for", "on", "in", "to"})
# Endings of English nouns whose final s is not a plural (*crisis*, *status*, *headquarters*, *series*).
_INVARIABLE_ENDINGS = ("ss", "us", "is", "quarters", "series", "species", "means", "news")


def head_index(tokens: Sequence[EnToken]) -> int:
    """The head of an English noun phrase: the last word before a prepositional complement, else the
    last word (*partner countries*, *Heads of State and Government*)."""
    return next((i - 1 for i, t in enumerate(tokens) if i and t.text.lower() in PREPOSITIONS), len(tokens) - 1)


def singular(phrase: str) -> str:
    """The phrase with its head noun in the singular: *partner countries* → *partner country*,
    *Heads of State and Government* → *Head of State and Government*. The head is the last word
    before a prepositional complement, else the last word; acronyms and short words are left alone."""
    tokens = tokenize(phrase)
    if not tokens:
        return phrase
    head = head_index(tokens)
    word = tokens[head].text
    if len(word) <= 3 or is_acronym(word) or word.lower().endswith(_INVARIABLE_ENDINGS):
        return phrase
    if word.lower().endswith("ies"):
        word = word[:-3] + ("Y" if word.isupper() else "y")
    elif word.lower().endswith("s"):
        word = word[:-1]
    return phrase[: tokens[head].start] + word + phrase[tokens[head].end :]
