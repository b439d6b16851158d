"""Fuzzy matching: translation-memory hits scored as CAT tools score them, candidates from an index.

A match percentage is the edit-distance similarity of the normalised texts
(``Levenshtein.normalized_similarity`` × 100). Candidates come from the store's indexes, never
from a scan of the whole memory (``Store.fuzzy_candidates``); they are scored here.

The memory is searched on both sides of its units (a CAT tool's reverse look-up): the memory holds
pairs translated either way (fr→en, en→fr, imported files of any pair), and a French sentence is
matched against every French text it holds, an en→fr unit's target as much as a fr→en unit's source.
A unit's other languages are searched too (``Unit.variants``: a DGT memory's German and Spanish beside
its English source and first target), from the candidates their word index gives (``side`` "variant").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import Invalid, TmtoolError
from .langtags import base_language
from .model import Unit, Variant
from .text.normalize import normalize_for_match

GRAM_SIZE = 3  # shortest query: fuzzy candidates come from trigram indexes
SIDES = ("source", "target")  # a unit's sides, each searched; on a tie the source matches
VARIANT = "variant"  # a match in one of a unit's other languages, after its sides on a tie
# a score is 1 - edits / length: two of them differ by 1/length² at least, far more than the rounding
# of 1 - 66/165 against 0.6 (SCORE_TOLERANCE); rapidfuzz's own cut-off needs more room (CUTOFF_SLACK)
SCORE_TOLERANCE = 1e-9
CUTOFF_SLACK = 1e-6


@dataclass(frozen=True, slots=True)
class TmMatch:
    score: float  # match percentage, 0–100
    unit: Unit
    side: str = "source"  # the side of the unit that matched, one of SIDES, or VARIANT
    variant: Variant | None = None  # the other language that matched (side VARIANT)
    document: str = ""  # where the unit came from, as a concordance names it (Store.units_came_from)

    @property
    def lang(self) -> str:
        """The language tag of the side that matched."""
        if self.variant is not None:
            return self.variant.lang
        return self.unit.srclang if self.side == "source" else self.unit.tgtlang

    @property
    def text(self) -> str:
        """The text that matched."""
        return self.variant.text if self.variant is not None else getattr(self.unit, self.side)


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
    # search took at 1M units on SQLite, ~1,000 candidates); the cut-off ends hopeless ones early.
    # rapidfuzz drops a score equal to its cut-off at some values (0.6, 0.8: 66 edits in 165 letters at
    # --min 60), so it cuts a hair below and the threshold is applied here, as the scores are
    cutoff = min_score / 100
    hits = process.extract(query, candidates, scorer=Levenshtein.normalized_similarity,
                           score_cutoff=max(cutoff - CUTOFF_SLACK, 0.0), limit=None)
    return sorted(((score * 100, unit_id) for _, score, unit_id in hits if score >= cutoff - SCORE_TOLERANCE),
                  key=lambda hit: (-hit[0], hit[1]))


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
    hits = [(score, unit_id, side, None) for side in SIDES
            for score, unit_id in best_matches(query, store.fuzzy_candidates(query, min_score, side, in_lang),
                                               min_score)]
    variants = store.variant_fuzzy_candidates(query, min_score, in_lang)
    hits += [(score, unit_id, VARIANT, variants[k][1:])
             for score, k in best_matches(query, {k: normalize_for_match(text) for k, (_, _, text) in enumerate(variants)},
                                          min_score)
             for unit_id in [variants[k][0]]]
    order = (*SIDES, VARIANT)
    hits.sort(key=lambda hit: (-hit[0], hit[1], order.index(hit[2])))
    best: dict[int, tuple[float, str, tuple[str, str] | None]] = {}  # the best first, a unit by its best side
    for score, unit_id, side, variant in hits:
        if len(best) == limit:
            break
        best.setdefault(unit_id, (score, side, variant))
    units = store.units_by_id(list(best))
    documents = store.units_came_from(units)
    return [TmMatch(round(score, 1), units[unit_id], side, _held(units[unit_id], variant), documents[unit_id])
            for unit_id, (score, side, variant) in best.items()]


def _held(unit: Unit, variant: tuple[str, str] | None) -> Variant | None:
    """The unit's variant of this language and text (as the store gave it a candidate), None for none."""
    if variant is None:
        return None
    return next((v for v in unit.variants if (v.lang, v.text) == variant), Variant(*variant))
