"""Word-alignment evidence over the sentence pairs given: IBM Model 1 both ways, plus cognates.

IBM-1 (Brown et al. 1993) learns translation probabilities from co-occurrence alone, which is what a
growing translation memory offers; it is small and exact enough for this job. ``eflomal`` would align
better but needs a compiled extension and brings nothing on a few hundred sentence pairs. Cognates
(*interopérabilité* ↔ *interoperability*) give evidence that even a single pair can show.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from rapidfuzz.fuzz import partial_ratio, ratio

from ..store.folding import fold, stem

_WORD = re.compile(r"[^\W\d_]+|\d+")  # hyphenated compounds are aligned part by part
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_NULL = ""
_ITERATIONS = 6
# Below this folded similarity two words are not cognates (*partenaire*/*partner* is 0.71).
_COGNATE_FLOOR = 0.65
_COMPOUND_DISCOUNT = 0.9


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # lower case, elided article removed
    start: int
    end: int


def words(text: str) -> list[Word]:
    """Word tokens with offsets, for alignment: *l’OTAN* → *otan*."""
    found = []
    for match in re.finditer(r"\S+", text):
        piece = match.group()
        elided = _ELISION.match(piece)
        offset = match.start() + (elided.end() if elided else 0)
        for word in _WORD.finditer(piece[elided.end() if elided else 0 :]):
            found.append(Word(word.group().lower(), offset + word.start(), offset + word.end()))
    return found


@lru_cache(maxsize=65536)
def cognate(fr: str, en: str) -> float:
    """Folded edit similarity of two words, 0 below the cognate floor; digits must be equal."""
    if fr.isdigit() or en.isdigit():
        return 1.0 if fr == en else 0.0
    if min(len(fr), len(en)) < 4:
        return 1.0 if fold(fr) == fold(en) else 0.0
    fr, en = fold(fr), fold(en)
    similarity = ratio(fr, en) / 100
    shorter, longer = sorted((fr, en), key=len)
    if len(longer) >= len(shorter) + 3 and len(shorter) >= 5:
        # a compound against one word of its translation: *cyberdéfense* ↔ *defence*, *mines* ↔
        # *minehunters*
        similarity = max(similarity, _COMPOUND_DISCOUNT * partial_ratio(shorter, longer) / 100)
    return similarity if similarity >= _COGNATE_FLOOR else 0.0


class WordAligner:
    """Translation probabilities in both directions, trained on all the sentence pairs given."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        corpus = [([w.text for w in words(fr)], [w.text for w in words(en)]) for fr, en in pairs]
        corpus = [(f, e) for f, e in corpus if f and e]
        self.en_given_fr = _ibm1(corpus)
        self.fr_given_en = _ibm1([(e, f) for f, e in corpus])
        self._fr_pairs, self._en_pairs = defaultdict(set), defaultdict(set)
        for number, (fr, en) in enumerate(corpus):
            for word in fr:
                self._fr_pairs[stem(word)].add(number)
            for word in en:
                self._en_pairs[stem(word)].add(number)

    def dice(self, fr: str, en: str) -> float:
        """Dice of two words (stemmed: *country*, *countries*) over the sentence pairs, 0 unless they
        share more than one pair (every word of a lone pair co-occurs with every other)."""
        with_fr = self._fr_pairs.get(stem(fr.lower()), set())
        with_en = self._en_pairs.get(stem(en.lower()), set())
        together = len(with_fr & with_en)
        return 2 * together / (len(with_fr) + len(with_en)) if together > 1 else 0.0

    def links(self, fr: Sequence[str], en: Sequence[str]) -> list[list[float]]:
        """Link strength of every French word with every English word of one sentence pair, in [0, 1]:
        the mean of the two alignment posteriors, or the cognate similarity when higher."""
        forward = [[self.en_given_fr.get(f, {}).get(e, 0.0) for e in en] for f in fr]
        backward = [[self.fr_given_en.get(e, {}).get(f, 0.0) for e in en] for f in fr]
        en_null = [self.en_given_fr.get(_NULL, {}).get(e, 0.0) for e in en]
        fr_null = [self.fr_given_en.get(_NULL, {}).get(f, 0.0) for f in fr]
        column_totals = [sum(forward[k][j] for k in range(len(fr))) + en_null[j] for j in range(len(en))]
        strength = []
        for i, f in enumerate(fr):
            row_total = sum(backward[i]) + fr_null[i]
            row = []
            for j, e in enumerate(en):
                column_total = column_totals[j]
                p_en = forward[i][j] / column_total if column_total else 0.0
                p_fr = backward[i][j] / row_total if row_total else 0.0
                row.append(max((p_en + p_fr) / 2, cognate(f, e)))
            strength.append(row)
        return strength


def _ibm1(corpus: list[tuple[list[str], list[str]]]) -> dict[str, dict[str, float]]:
    """t(target | source) by EM, with a NULL source word; uniform start over co-occurring words."""
    t: dict[str, dict[str, float]] = defaultdict(dict)
    for source, target in corpus:
        for s in [_NULL, *source]:
            for w in target:
                t[s][w] = 1.0
    for _ in range(_ITERATIONS):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for source, target in corpus:
            sources = [_NULL, *source]
            for w in target:
                total = sum(t[s][w] for s in sources)
                for s in sources:
                    counts[s][w] += t[s][w] / total
        t = defaultdict(dict)
        for s, row in counts.items():
            norm = sum(row.values())
            t[s] = {w: c / norm for w, c in row.items()}
    return t
