"""Fuzzy matching: translation-memory hits scored as CAT tools score them, candidates from an index.

A match percentage is the edit-distance similarity of the normalised texts
(``Levenshtein.normalized_similarity`` × 100). Candidates come from the store's indexes, never
from a scan of the whole memory (``Store.fuzzy_candidates``); they are scored here.

The memory is searched on both sides of its units (a CAT tool's reverse look-up): the memory holds
pairs translated either way (fr→en, en→fr, imported files of any pair), and a French sentence is
matched against every French text it holds, an en→fr unit's target as much as a fr→en unit's source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import Invalid, TmtoolError
from .langtags import base_language
from .model import Unit
from .text.normalize import normalize_for_match

GRAM_SIZE = 3  # shortest query: fuzzy candidates come from trigram indexes
SIDES = ("source", "target")  # a unit's sides, each searched; on a tie the source matches


@dataclass(frozen=True, slots=True)
class TmMatch:
    score: float  # match percentage, 0–100
    unit: Unit
    side: str = "source"  # the side of the unit that matched, one of SIDES

    @property
    def lang(self) -> str:
        """The language tag of the side that matched."""
        return self.unit.srclang if self.side == "source" else self.unit.tgtlang


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


def search_memory(store, text: str, *, min_score: float = 70.0, limit: int = 10, lang: str = "auto") -> list[TmMatch]:
    """Units with a side in ``lang`` (a language tag, matched by its base language: ``fr-CA`` finds
    ``fr-FR``; "auto": any side) matching ``text`` at ``min_score`` % or better, each scored by its
    best such side, best first."""
    if not 0 < min_score <= 100:
        raise Invalid(f"minimum match must be between 1 and 100, not {min_score:g}")
    if lang != "auto":
        try:
            lang = base_language(lang)
        except TmtoolError:
            raise Invalid(f"unknown language {lang!r} (expected a language such as fr, en, de, or auto)") from None
    query = normalize_for_match(text)
    if len(query) < GRAM_SIZE:
        raise Invalid(f"search text must have at least {GRAM_SIZE} characters")
    # the store gives only the sides in the language: it chooses among those (PostgreSQL reads the
    # units sharing one word only when those sharing two hold no match, which one in another language
    # did), and none of another language is scored or read
    in_lang = None if lang == "auto" else lang
    hits = sorted(((score, unit_id, side) for side in SIDES
                   for score, unit_id in best_matches(query, store.fuzzy_candidates(query, min_score, side, in_lang),
                                                      min_score)),
                  key=lambda hit: (-hit[0], hit[1], SIDES.index(hit[2])))
    best: dict[int, tuple[float, str]] = {}  # the best first, a unit by its first (best) side
    for score, unit_id, side in hits:
        if len(best) == limit:
            break
        best.setdefault(unit_id, (score, side))
    units = store.units_by_id(list(best))
    return [TmMatch(round(score, 1), units[unit_id], side) for unit_id, (score, side) in best.items()]
