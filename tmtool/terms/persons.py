"""Names of persons among French candidates: *Hans-Werner Wiermann*, *Wiermann*, *amiral Dupont*.

A person's name designates an individual, not a concept: no terminologist keeps it, and it is written
the same in both languages, so a bilingual glossary has nothing to say about it. The bilingual
glossary (``equivalents.paired_entries``) leaves such candidates out; the monolingual extraction
keeps them, since a domain's term list may hold its named entities (ACTER's gold does: riders and
horses in dressage).

The names are those spaCy's own named-entity recogniser (``french.names``: the French model's NER,
trained on WikiNER) labels PER, asked only about a few words around the first occurrences of the few
candidates that could be names, so that the parse of every sentence does not pay for it. A candidate
is a person's designation where the name ends it and what comes before the name, if anything, is a
title in apposition to it: a rank or a function (*amiral* | *Dupont*, *secrétaire général* | *Jens
Stoltenberg*), which alone may be a term and stays a candidate. A body or a thing named after a person
stays: its own name comes first (*Fondation* | *Robert Schuman*) or the person's is its complement
(*anse de Henle*).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Iterator, Sequence

from . import french
from .candidates import Candidate, Occurrence
from ..text.en.tagger import tag
from ..text.en.tokens import tokenize
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
    names = _recognised([o for _, o in asked], sentences, tokens)
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


def places(candidates: Iterable[Candidate], sentences: Sequence[str],
           tokens: Sequence[Sequence[Token]]) -> set[str]:
    """Keys of the one-word ``candidates`` written as names (not acronyms) that the recogniser reads as
    a place's name in most of their first occurrences (*Vilnius*, *Norvège*): a place is an individual,
    as a person is, and a bilingual glossary has no more to say of it (a gazetteer has)."""
    asked = [(c.key, o) for c in candidates if not c.acronym and len(c.content_words) == 1
             and c.text[:1].isupper() for o in c.occurrences[:OCCURRENCES_ASKED]]
    found = _recognised([o for _, o in asked], sentences, tokens, "LOC")
    votes: dict[str, list[bool]] = {}
    for key, o in asked:
        word = tokens[o.sentence][o.start]
        votes.setdefault(key, []).append(any(start <= word.start and word.end <= end
                                             for start, end in found.get(o.sentence, ())))
    return {key for key, place in votes.items() if 2 * sum(place) > len(place)}


def _recognised(occurrences: Iterable[Occurrence], sentences: Sequence[str], tokens: Sequence[Sequence[Token]],
                label: str = "PER") -> dict[int, list[tuple[int, int]]]:
    """Sentence → character spans of the names of persons (or ``label``) the recogniser finds in the
    text around the ``occurrences`` (``_regions``). It reads the words as the parse did, its tokens'
    texts over the sentence: as written but for a label in capitals, read in sentence case (*M. RUTTE
    :*: the recogniser knows no name in capitals)."""
    regions = _regions(occurrences, tokens)
    read = []
    for number, (start, end) in regions:
        characters = list(sentences[number][start:end])
        for token in tokens[number]:
            if start <= token.start and token.end <= end:
                characters[token.start - start:token.end - start] = token.text
        read.append("".join(characters))
    found: dict[int, list[tuple[int, int]]] = {}
    for (number, (offset, _)), spans in zip(regions, french.names(read, label)):
        found.setdefault(number, []).extend((offset + start, offset + end) for start, end in spans)
    return found


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


# words between a title and the name it stands before: a comma of apposition, a civility, an article
_FRENCH_BETWEEN = frozenset({",", "m.", "mme", "mlle", "mmes", "mm.", "dr", "l'", "l’", "le", "la"})
_FRENCH_ARTICLES = frozenset({"l'", "l’", "le", "la"})
_ENGLISH_BETWEEN = frozenset({",", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr."})
# lower-case words inside an English title (*Chair of the Military Committee*), and French words of a
# title that English does not write
_ENGLISH_TITLE_LINKS = frozenset({"of", "the", "and", "for"})
_FRENCH_TITLE_LINKS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et"})


def titles(candidates: Iterable[Candidate], pairs: Sequence[tuple[str, str]],
           tokens: Sequence[Sequence[Token]]) -> dict[str, str]:
    """French title → its English title, read where both languages of a pair write a person's name the
    same (*le contre-amiral Jean Dupont* / *Rear Admiral Jean Dupont*): the name anchors the title
    before it on each side, as a definition anchors an acronym's full form. A rank or a function is a
    term of its field (*lieutenant-colonel*, *secrétaire général adjoint*), and its English is the
    title the English writes before the same name, whatever the word alignment makes of a hyphenated
    word (*contre-amiral*). Titles in apposition pair in order (*le président du Comité militaire,
    l'amiral X* / *the Chair of the Military Committee, Admiral X*). On the French side a title is the
    longest candidate ending before the name; on the English side a run of capitalised words, no
    longer than the French title (*Yesterday Admiral X* is *Admiral*). The name is two words or more,
    written alike in both languages, and the recogniser reads it as a person's."""
    ending: dict[tuple[int, int], list[Candidate]] = {}
    for candidate in candidates:
        if not candidate.acronym:
            for o in candidate.occurrences:
                ending.setdefault((o.sentence, o.end), []).append(candidate)
    found = []  # (sentence, the name's token span, the English titles before it)
    for number, ((_, en), sentence) in enumerate(zip(pairs, tokens)):
        for first, last in _written_names(sentence):
            english_titles = _english_titles(en, pairs[number][0][sentence[first].start:sentence[last - 1].end])
            if english_titles:
                found.append((number, first, last, english_titles))
    people = _recognised([Occurrence(n, first, last) for n, first, last, _ in found], [fr for fr, _ in pairs],
                         tokens)
    votes: dict[str, Counter] = {}
    for number, first, last, english_titles in found:
        sentence, en = tokens[number], pairs[number][1]
        if not any(start <= sentence[first].start and sentence[last - 1].end <= end
                   for start, end in people.get(number, ())):
            continue
        for title, english_words in zip(_french_titles(sentence, first, number, ending), english_titles):
            bound = len([w for w in re.split(r"[\s'’-]+", title.key) if w and w not in _FRENCH_TITLE_LINKS])
            while len([w for w, _, _ in english_words if w.lower() not in _ENGLISH_TITLE_LINKS]) > bound:
                english_words = english_words[1:]
                while english_words[0][0].lower() in _ENGLISH_TITLE_LINKS:
                    english_words = english_words[1:]
            votes.setdefault(title.key, Counter())[en[english_words[0][1]:english_words[-1][2]]] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


def _written_names(sentence: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Token spans of two words or more written as a name (capitalised, inside the sentence)."""
    start = None
    for i, token in enumerate([*sentence, None]):
        named = token is not None and token.text[:1].isupper() and token.text[1:2].islower() \
            and not token.sentence_initial
        if named and start is None:
            start = i
        elif not named and start is not None:
            if i - start >= 2:
                yield start, i
            start = None


def _french_titles(sentence: Sequence[Token], first: int, number: int,
                   ending: dict[tuple[int, int], list[Candidate]]) -> list[Candidate]:
    """The candidates standing before the name at token ``first``, nearest first: each the longest
    ending right before the name, or before a comma and the next title, words of apposition apart."""
    found: list[Candidate] = []
    end = first
    while True:
        while end > 0 and sentence[end - 1].text.lower() in _FRENCH_BETWEEN:
            end -= 1
        here = [(o.start, c.key, c) for c in ending.get((number, end), ()) for o in c.occurrences
                if o.sentence == number and o.end == end]
        if not here:
            return found
        start, _, title = min(here, key=lambda found_here: found_here[:2])
        before = start
        while before > 0 and sentence[before - 1].text.lower() in _FRENCH_ARTICLES:
            before -= 1
        if found and before > 0 and sentence[before - 1].pos == "ADP":
            return found  # a phrase of place or time before the comma (*Au sommet de Vilnius, le général X*)
        found.append(title)
        end = start
        while end > 0 and sentence[end - 1].text.lower() in _FRENCH_ARTICLES:
            end -= 1
        if end == 0 or sentence[end - 1].text != ",":
            return found


def _english_titles(sentence: str, name: str) -> list[list[tuple[str, int, int]]]:
    """The titles the English ``sentence`` writes before ``name``, nearest first, each as
    its words with their offsets: a run of capitalised words (*Rear Admiral*, *NATO Secretary General*,
    *the Chair of the Military Committee* less its article; the sentence's first word only where the
    tagger reads a name or an adjective in it), right before the name or, after a comma, before the
    next title, a civility between."""
    words = tokenize(sentence)
    texts = [w for w, _, _ in words]
    written = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence)
    at = next((i for i, (_, start, _) in enumerate(words) if written and start == written.start()), 0)
    found = []
    while at:
        end = at
        while end > 0 and texts[end - 1].lower() in _ENGLISH_BETWEEN:
            end -= 1
        start = end
        while start > 0 and (texts[start - 1][:1].isupper() or texts[start - 1] in _ENGLISH_TITLE_LINKS):
            start -= 1
        if start == end:
            break  # no capitalised word before the name, a civility at most (*Mr Jean Dupont opened …*)
        if start == 0 and tag(texts[:end])[0] not in ("PROPN", "ADJ"):
            start = 1  # capitalised as the sentence's first word: *Yesterday*, *Later*, not *Rear*
        while start < end and texts[start].lower() in _ENGLISH_TITLE_LINKS:
            start += 1
        if start >= end:
            break
        found.append(words[start:end])
        if start == 0 or texts[start - 1] != ",":
            break
        at = start - 1
    return found
