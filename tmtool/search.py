"""Fuzzy matching: translation-memory hits scored as CAT tools score them, candidates from an index.

A match percentage is the edit-distance similarity of the normalised texts
(``Levenshtein.normalized_similarity`` × 100). Candidates come from the store's trigram index,
never from a scan of the whole memory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import TmtoolError
from .model import Unit
from .store.folding import normalize_for_match

GRAM_SIZE = 3
# Postings read per query at most, beyond the rarest MIN_GRAMS grams: bounds the work on common
# trigrams ("de ", "les") while the rarest grams still reach every likely match.
POSTINGS_BUDGET = 10000
MIN_GRAMS = 2


@dataclass(frozen=True, slots=True)
class TmMatch:
    score: float  # match percentage, 0–100
    unit: Unit


def trigrams(text: str) -> set[str]:
    return {text[i : i + GRAM_SIZE] for i in range(len(text) - GRAM_SIZE + 1)}


def gram_query(grams: set[str]) -> str:
    """An FTS5 expression matching text that contains any of ``grams``."""
    return " OR ".join('"' + g.replace('"', '""') + '"' for g in sorted(grams))


def rarest_grams(grams: set[str], frequency: dict[str, int], needed: int) -> set[str]:
    """The grams to query the index with: the ``needed`` rarest (enough for full recall, see
    :func:`search_memory`), or fewer once their postings exceed the budget."""
    chosen: list[str] = []
    considered = postings = 0
    for gram in sorted(grams, key=lambda g: (frequency.get(g, 0), g)):
        count = frequency.get(gram, 0)
        if considered >= needed or (len(chosen) >= MIN_GRAMS and postings + count > POSTINGS_BUDGET):
            break
        considered += 1
        # a gram in no row (a typo's) finds nothing, but it is one of the needed grams all the same
        if count:
            chosen.append(gram)
            postings += count
    return set(chosen)


def similarity(a: str, b: str) -> float:
    """Match percentage of two normalised texts."""
    # imported here, not at the top: tmtool lookup shares this module and must start fast
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(a, b) * 100


def search_memory(store, text: str, *, min_score: float = 70.0, limit: int = 10) -> list[TmMatch]:
    """Units whose source matches ``text`` at ``min_score`` % or better, best first."""
    if not 0 < min_score <= 100:
        raise TmtoolError(f"minimum match must be between 1 and 100, not {min_score:g}")
    query = normalize_for_match(text)
    if len(query) < GRAM_SIZE:
        raise TmtoolError(f"search text must have at least {GRAM_SIZE} characters")
    ratio = min_score / 100
    # similarity = 1 - distance / longer length, so a hit's length lies in this band
    min_len, max_len = math.floor(len(query) * ratio), math.ceil(len(query) / ratio)
    grams = trigrams(query)
    # Each edit destroys at most GRAM_SIZE of the query's trigrams, so a unit within max_edits
    # edits contains at least one of any GRAM_SIZE * max_edits + 1 of them: the rarest suffice.
    # A gram is counted up to the budget, which is enough to tell whether it can be used.
    needed = GRAM_SIZE * math.floor((1 - ratio) * max_len) + 1
    chosen = rarest_grams(grams, store.gram_counts(grams, POSTINGS_BUDGET + 1), needed)
    candidates = store.unit_candidates(gram_query(chosen), min_len, max_len) if chosen else []
    scored = sorted(
        ((similarity(query, match_text), unit_id) for unit_id, match_text in candidates),
        key=lambda hit: (-hit[0], hit[1]),
    )
    kept = [(score, unit_id) for score, unit_id in scored if score >= min_score][:limit]
    units = store.units_by_id([unit_id for _, unit_id in kept])
    return [TmMatch(round(score, 1), units[unit_id]) for score, unit_id in kept]
