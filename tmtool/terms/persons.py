"""Names of persons among French candidates: *Hans-Werner Wiermann*, *Wiermann*, *amiral Dupont*.

A person's name designates an individual, not a concept: no terminologist keeps it, and it is written
the same in both languages, so a bilingual glossary has nothing to say about it. The bilingual
glossary (``equivalents.paired_entries``) leaves such candidates out; the monolingual extraction
keeps them, since a domain's term list may hold its named entities (ACTER's gold does: riders and
horses in dressage).

The names are those spaCy's own named-entity recogniser (``french.persons``: the French model's NER,
trained on WikiNER) labels PER, asked only about a few words around the first occurrences of the few
candidates that could be names, so that the parse of every sentence does not pay for it. A candidate
is a person's designation where the name ends it and what comes before the name, if anything, is a
title in apposition to it: a rank or a function (*amiral* | *Dupont*, *secrétaire général* | *Jens
Stoltenberg*), which alone may be a term and stays a candidate. A body or a thing named after a person
stays: its own name comes first (*Fondation* | *Robert Schuman*) or the person's is its complement
(*anse de Henle*).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from . import french
from .candidates import Candidate, Occurrence
from .french import Token


# occurrences of a candidate the recogniser is asked about: a name is one in any of its sentences, and
# a novel names its characters in hundreds
OCCURRENCES_ASKED = 3
# words either side of an occurrence the recogniser reads: what its labels depend on (its word vectors
# see 4 words either side, its transitions a few more), not the whole sentence, whose length it costs
CONTEXT_WORDS = 5


def persons(candidates: Iterable[Candidate], sentences: Sequence[str],
            tokens: Sequence[Sequence[Token]]) -> set[str]:
    """Keys of the ``candidates`` that designate a person in most of their first occurrences (up to
    ``OCCURRENCES_ASKED``). ``sentences`` are the texts the candidates were collected from, ``tokens``
    their parse. Only a candidate shaped as a person's designation is asked about (``_person`` with the
    words written as names for the names): no acronym, a name at its end."""
    asked = [(c.key, o) for c in candidates if not c.acronym and _person(_span(c.occurrences[0], tokens), None)
             for o in c.occurrences[:OCCURRENCES_ASKED]]
    read = _regions([o for _, o in asked], tokens)
    names: dict[int, list[tuple[int, int]]] = {}
    for (number, (offset, _)), found in zip(read, french.persons([sentences[n][a:b] for n, (a, b) in read])):
        names.setdefault(number, []).extend((offset + start, offset + end) for start, end in found)
    votes: dict[str, list[bool]] = {}
    for key, o in asked:
        votes.setdefault(key, []).append(_person(_span(o, tokens), names.get(o.sentence, ())))
    return {key for key, person in votes.items() if 2 * sum(person) > len(person)}


def _regions(occurrences: Iterable[Occurrence], tokens: Sequence[Sequence[Token]]) -> list[tuple[int, tuple[int, int]]]:
    """(sentence, character offsets) of the text around the occurrences the recogniser reads: each
    occurrence with ``CONTEXT_WORDS`` tokens either side, overlapping ones read once (the nested
    candidates of a name: *Thibault Lemarchand*, *Lemarchand*)."""
    merged: dict[int, list[list[int]]] = {}
    for o in sorted(occurrences, key=lambda o: (o.sentence, o.start)):
        start, end = max(0, o.start - CONTEXT_WORDS), min(len(tokens[o.sentence]), o.end + CONTEXT_WORDS)
        spans = merged.setdefault(o.sentence, [])
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(number, (tokens[number][start].start, tokens[number][end - 1].end))
            for number, spans in merged.items() for start, end in spans]


def _span(occurrence: Occurrence, tokens: Sequence[Sequence[Token]]) -> Sequence[Token]:
    return tokens[occurrence.sentence][occurrence.start:occurrence.end]


def _person(span: Sequence[Token], names: Sequence[tuple[int, int]] | None) -> bool:
    """Whether a name ends the span and the words before it, if any, are a title in apposition to it:
    common nouns and adjectives (lower case, but for a capital at the start of the sentence), no
    preposition between (*anse de Henle*, *classification de Feinstein* are things named after a
    person, and terms). ``names``: character spans of the names of persons in the sentence; None
    takes every word written as a name (a proper noun, a capital inside the sentence) for one."""
    if names is None:
        named = [t.pos == "PROPN" or (t.text[:1].isupper() and not t.sentence_initial) for t in span]
    else:
        named = [any(start < t.end and t.start < end for start, end in names) for t in span]
    if not named[-1]:
        return False
    first = named.index(True)
    return (names is None or all(named[first:])) and all(
        t.pos in ("NOUN", "ADJ") and (t.text[:1].islower() or t.sentence_initial) for t in span[:first])
