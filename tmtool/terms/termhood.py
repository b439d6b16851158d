"""Ranking French candidates: unithood (C-value), specificity (general-language rarity) and evidence.

- Unithood: the C-value frequency (Frantzi et al. 2000): a candidate's frequency less the mean
  frequency of the longer candidates it is nested in; for a multi-word common term or a rare noun
  (``french.rare_noun``: *cyberdéfense* in *cyberdéfense de l'Alliance*) only half of it,
  so that a term seen only inside one longer phrase is not zeroed (small documents make that the
  common case: *pays partenaires* inside *officiers de pays partenaires*). The length
  factor of C-value is replaced by a weight of the syntactic shape: in small documents it would rank
  every long hapax phrase above the short terms nested in it.
  A free phrase (a complement with an article before a common noun, *importance de
  l'interopérabilité*, an adjective qualifying the head across a complement, *dépôts de carburant
  temporaires*, a noun with an evaluative adjective, *cyberattaque grave*, or one the translation
  shows to be free, see ``equivalents``) does not take frequency from the candidates nested in it:
  its pieces are used on their own. An occurrence inside a longer designation, or cutting one in
  two (*résolution 1325 du Conseil* across *Conseil de sécurité des Nations Unies*), is not the
  candidate's own; a candidate with no occurrence of its own is no unit.
- Specificity: every content word's rarity, by its Zipf frequency in general French (``wordfreq``):
  the mean of the rarest word's and of all words' (*interopérabilité* is specific, *importance* is
  not, and a general head weighs on the phrase); a single word must be rarer than a word of a
  multi-word unit to count, and a general (not rare) word must also be seen more than once.
  A noun with a number (*article 5*) designates, as a name does.
- Evidence: an acronym definition ties a full form to its acronym; a multi-word name written with
  capitals designates a body or programme; a candidate seen in several documents is used consistently.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from typing import Set

from .candidates import Candidate
from .french import rare_noun

# Zipf frequency (log10 per billion words) at which a word stops being specific, and the range over
# which specificity grows to its maximum, for single words and for words of a multi-word unit.
_SINGLE_WORD_ZIPF = (5.0, 2.0)
_UNIT_WORD_ZIPF = (7.0, 3.0)
_MAX_SPECIFICITY = 1.5
_MIN_SPECIFICITY = 0.1
_NAME_BONUS = 0.5
_FREE_PHRASE_PENALTY = 0.7
_EVALUATIVE_PENALTY = 0.5
_DEFINITION_BONUS = 1.5
_GENERAL_HAPAX_WEIGHT = 0.4


@lru_cache(maxsize=8192)
def _word_specificity(word: str, common: float, span: float) -> float:
    from wordfreq import zipf_frequency

    parts = [p for p in word.replace("-", " ").split() if p]
    zipf = min((zipf_frequency(p, "fr") for p in parts), default=0.0)
    return min(_MAX_SPECIFICITY, max(_MIN_SPECIFICITY, (common - zipf) / span))


def specificity(candidate: Candidate) -> float:
    if candidate.acronym or (candidate.name and len(candidate.content_words) > 1):
        return 1.0  # names and acronyms are specific by designation, whatever their words
    if candidate.name:
        return _MIN_SPECIFICITY  # a lone proper noun names a place or a person, not a concept
    if "NM" in candidate.tags:
        return 1.0  # a numbered designation: *article 5*, *résolution 1325*
    common, span = _SINGLE_WORD_ZIPF if len(candidate.content_words) == 1 else _UNIT_WORD_ZIPF
    # capitalised words of a common term are names (*général Wiermann*), which wordfreq does not know
    words = [w for w in candidate.content_words if not w.isdigit() and not w[:1].isupper()]
    if not words:
        return _MIN_SPECIFICITY
    # a rare noun is a term of its own (``french.rare_noun``): a phrase around it is as specific as
    # its other words (*cyberattaque grave*, *simulation de cyberattaque*)
    tags = [tag for tag in candidate.tags if tag in "NPAM"]
    others = [w for w, tag in zip(candidate.content_words, tags) if not (tag == "N" and rare_noun(w))]
    words = [w for w in others if w in words] or words
    rarity = [_word_specificity(w, common, span) for w in words]
    return (max(rarity) + sum(rarity) / len(rarity)) / 2


def shape_weight(candidate: Candidate) -> float:
    """How often a pattern of this shape is a term: compounds and one complement are the norm, and a
    complement without article (*centre d'excellence*, *plan d'action*) is the typical French term,
    while an article before a common noun (*importance de l'interopérabilité*, *lutte contre les
    engins*) is typical of a free phrase (Daille 1994); an article before a name is not (*siège de
    l'OTAN*). An adjective before the noun, outside names, is most often evaluative (*prochaine
    rotation*, *nouvelle procédure*), as is a qualitative adjective after it (*capacité essentielle*,
    ``french.qualitative``): a free phrase too, as is a term with an adjective on its head across
    the complement (*dépôts de carburant temporaires*)."""
    if candidate.name or candidate.acronym:
        return 1.0
    if len(candidate.content_words) == 1:
        # a single word is less often a term than a compound, unless it is a rare noun
        if rare_noun(candidate.text):  # the singular: a plural is rarer than its word (*pipelines*)
            return 1.0
        # a general word seen once is rare in these few sentences by chance, not by use (*pipeline*)
        return 0.8 if candidate.frequency > 1 else _GENERAL_HAPAX_WEIGHT
    # a coordinated complement (*chefs d'État et de gouvernement*) is one complement with two nouns
    complements = sum(candidate.tags.count(t) for t in "DER") - candidate.tags.count("CD")
    weight = {0: 1.0, 1: 0.9}.get(complements, 0.5)
    if candidate.article_complement or candidate.detached_adjective or candidate.name_complement:
        weight *= _FREE_PHRASE_PENALTY
    if candidate.tags.startswith("A") or candidate.evaluative:
        weight *= _EVALUATIVE_PENALTY
    return weight


def designation(candidate: Candidate) -> bool:
    """A name, or a full form defined by an acronym: it designates, whatever its words."""
    return candidate.name or (bool(candidate.defined_by) and not candidate.acronym)


def nested_frequencies(
    candidates: dict[str, Candidate], free_phrases: Set[str] = frozenset()
) -> dict[str, float]:
    """Each candidate's frequency less half the mean frequency of the candidates containing it,
    free phrases apart."""
    containers: dict[str, set[str]] = defaultdict(set)
    outside_names: dict[str, int] = defaultdict(int)  # occurrences not inside a longer designation
    spans_by_sentence = defaultdict(list)
    for candidate in candidates.values():
        for o in candidate.occurrences:
            spans_by_sentence[o.sentence].append((o.start, o.end, candidate.key))
    for spans in spans_by_sentence.values():
        for start, end, key in spans:
            in_name = False
            for other_start, other_end, other_key in spans:
                inside = other_start <= start and end <= other_end
                if other_key != key and other_key not in free_phrases and inside:
                    containers[key].add(other_key)
                    in_name = in_name or designation(candidates[other_key])
                # a span that cuts in two a designation at least as frequent as itself is no unit
                # (*résolution 1325 du Conseil* across *Conseil de sécurité des Nations Unies*); of
                # two crossing spans, a more frequent one is the unit
                other = candidates[other_key]
                crosses = start < other_start < end < other_end or other_start < start < other_end < end
                in_name = in_name or (
                    crosses and designation(other) and other.frequency >= candidates[key].frequency
                )
            outside_names[key] += not in_name
    frequencies = {}
    for key, candidate in candidates.items():
        frequency = candidate.frequency
        if not candidate.name and not outside_names[key]:
            frequency = 0.0  # only ever a piece of a designation (*puissances alliées* in SHAPE's full form)
        elif candidate.name:
            # a piece of a longer name (*Conseil de sécurité* in *… des Nations Unies*) owes its
            # frequency to it: the full discount; a common phrase around a name does not count
            names = [candidates[k].frequency for k in containers[key] if designation(candidates[k])]
            if names:
                frequency = max(frequency - sum(names) / len(names), 0.0)
        elif containers[key]:
            nested_in = sum(candidates[k].frequency for k in containers[key]) / len(containers[key])
            if len(candidate.content_words) == 1 and not rare_noun(candidate.text):
                frequency = max(frequency - nested_in, 0.0)  # a word inside terms: the full discount
            else:
                frequency = max(frequency - nested_in / 2, frequency / 2)
        frequencies[key] = frequency
    return frequencies


def score(
    candidates: dict[str, Candidate], documents: dict[str, set[str]], free_phrases: Set[str] = frozenset()
) -> dict[str, float]:
    """Termhood of each candidate; ``documents`` maps a key to the documents it was seen in, and
    ``free_phrases`` are keys known to be free phrases besides those with an article complement."""
    free = {
        key for key, c in candidates.items()
        if (c.article_complement or c.detached_adjective or c.name_complement or c.evaluative)
        and not designation(c)
    }
    free |= {key for key in free_phrases if not designation(candidates[key])}
    frequency = nested_frequencies(candidates, free)
    scores = {}
    for key, candidate in candidates.items():
        value = math.log2(1 + frequency[key]) * shape_weight(candidate) * specificity(candidate)
        if candidate.name and (len(candidate.content_words) > 1 or candidate.acronym) and frequency[key]:
            value += _NAME_BONUS  # for occurrences of its own, not as a piece of a longer name
        if candidate.defined_by:
            value += _DEFINITION_BONUS
        scores[key] = value * (1 + 0.5 * math.log2(max(1, len(documents.get(key, ())))))
    return scores
