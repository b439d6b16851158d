"""Fuzzy matching: translation-memory hits scored as CAT tools score them, candidates from an index.

A match percentage is the edit-distance similarity of the normalised texts
(``Levenshtein.normalized_similarity`` × 100). Candidates come from the store's indexes, never
from a scan of the whole memory (``Store.fuzzy_candidates``); they are scored here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import Invalid
from .model import Unit
from .text.normalize import normalize_for_match

GRAM_SIZE = 3  # shortest query: fuzzy candidates come from trigram indexes


@dataclass(frozen=True, slots=True)
class TmMatch:
    score: float  # match percentage, 0–100
    unit: Unit


def similarity(a: str, b: str) -> float:
    """Match percentage of two normalised texts."""
    # imported here, not at the top: importing rapidfuzz costs every command that never scores
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(a, b) * 100


def best_matches(query: str, candidates: Mapping[int, str], min_score: float) -> list[tuple[float, int]]:
    """(score, unit id) of the ``candidates`` ({unit id: normalised source}) scoring ``min_score`` or
    more, best first, then by id."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    # scored in rapidfuzz's own loop rather than a Python call each (3 ms of the 43 ms of CPU a
    # search took at 1M units on SQLite, ~1,000 candidates); the cut-off ends hopeless ones early
    hits = process.extract(query, candidates, scorer=Levenshtein.normalized_similarity,
                           score_cutoff=min_score / 100, limit=None)
    return sorted(((score * 100, unit_id) for _, score, unit_id in hits), key=lambda hit: (-hit[0], hit[1]))


def search_memory(store, text: str, *, min_score: float = 70.0, limit: int = 10) -> list[TmMatch]:
    """Units whose source matches ``text`` at ``min_score`` % or better, best first."""
    if not 0 < min_score <= 100:
        raise Invalid(f"minimum match must be between 1 and 100, not {min_score:g}")
    query = normalize_for_match(text)
    if len(query) < GRAM_SIZE:
        raise Invalid(f"search text must have at least {GRAM_SIZE} characters")
    kept = best_matches(query, store.fuzzy_candidates(query, min_score), min_score)[:limit]
    units = store.units_by_id([unit_id for _, unit_id in kept])
    return [TmMatch(round(score, 1), units[unit_id]) for score, unit_id in kept]
