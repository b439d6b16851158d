"""Names of persons among French candidates: *Hans-Werner Wiermann*, *Wiermann*, *amiral Dupont*.

A person's name designates an individual, not a concept: no terminologist keeps it, and it is written
the same in both languages, so a bilingual glossary has nothing to say about it. The bilingual
glossary (``equivalents.paired_entries``) leaves such candidates out; the monolingual extraction
keeps them, since a domain's term list may hold its named entities (ACTER's gold does: riders and
horses in dressage).

The names are those spaCy's own named-entity recogniser (``french.persons``: the French model's NER,
trained on WikiNER) labels PER, asked only about the sentences of the few candidates that could be
names, so that the parse of every sentence does not pay for it. A candidate is a person's
designation where the name ends it and what comes before the name, if anything, is a title in
apposition to it: a rank or a function (*amiral* | *Dupont*, *secrétaire général* | *Jens
Stoltenberg*), which alone may be a term and stays a candidate. A body or a thing named after a person
stays: its own name comes first (*Fondation* | *Robert Schuman*) or the person's is its complement
(*anse de Henle*).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from . import french
from .candidates import Candidate, Occurrence
from .french import Token


def persons(candidates: Iterable[Candidate], sentences: Sequence[str],
            tokens: Sequence[Sequence[Token]]) -> set[str]:
    """Keys of the ``candidates`` that designate a person in most of their occurrences. ``sentences``
    are the texts the candidates were collected from, ``tokens`` their parse."""
    asked = [c for c in candidates if any(t.pos == "PROPN" or t.text[:1].isupper() for t in _spans(c, tokens))]
    numbers = sorted({o.sentence for c in asked for o in c.occurrences})
    names = dict(zip(numbers, french.persons([sentences[n] for n in numbers])))
    return {c.key for c in asked
            if 2 * sum(_person(tokens[o.sentence][o.start:o.end], names[o.sentence]) for o in c.occurrences)
            > len(c.occurrences)}


def _spans(candidate: Candidate, tokens: Sequence[Sequence[Token]]) -> Iterable[Token]:
    first: Occurrence = candidate.occurrences[0]
    return tokens[first.sentence][first.start:first.end]


def _person(span: Sequence[Token], names: Sequence[tuple[int, int]]) -> bool:
    """Whether a name ends the span and the words before it, if any, are a title in apposition to it:
    common nouns and adjectives (lower case, but for a capital at the start of the sentence), no
    preposition between (*anse de Henle*, *classification de Feinstein* are things named after a
    person, and terms)."""
    named = [any(start < t.end and t.start < end for start, end in names) for t in span]
    if not named[-1]:
        return False
    first = named.index(True)
    return all(named[first:]) and all(
        t.pos in ("NOUN", "ADJ") and (t.text[:1].islower() or t.sentence_initial) for t in span[:first])
