"""Fuzzy matching: translation-memory hits scored as CAT tools score them, candidates from an index.

A match percentage is the edit-distance similarity of the normalised texts
(``Levenshtein.normalized_similarity`` × 100). Candidates come from the store's indexes, never
from a scan of the whole memory: the units sharing one of the query's rarest trigrams, and those
sharing one of its rarest words — a sentence repeated across the memory can have only common
trigrams while its words ("dureté", "acier") stay selective.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import TmtoolError
from .model import Unit
from .text.normalize import normalize_for_match

GRAM_SIZE = 3
# Postings of the rarest trigrams read per query at most: bounds the work on common trigrams
# ("de ", "les"); the rarest words, and failing them the next grams together, reach the rest.
POSTINGS_BUDGET = 5000
MIN_GRAMS = 2  # grams queried together when no word is selective (glossary look-up: at least)
# Postings of the rarest words read per query at most; no word beyond it (a common word is no filter).
WORD_BUDGET = 5000
WORD = re.compile(r"\w+")
# Postings read at most to count a query's grams: each is counted up to the budget above, or up to
# its share of this when lower. Most of a long query's grams are common, and counting each of them
# up to the budget was most of its search (0.3-0.5 s for 300-600 grams at 1M units).
COUNT_BUDGET = 250_000


@dataclass(frozen=True, slots=True)
class TmMatch:
    score: float  # match percentage, 0–100
    unit: Unit


def trigrams(text: str) -> set[str]:
    return {text[i : i + GRAM_SIZE] for i in range(len(text) - GRAM_SIZE + 1)}


def gram_query(grams: set[str]) -> str:
    """An FTS5 expression matching text that contains any of ``grams`` (trigrams or words)."""
    return " OR ".join('"' + g.replace('"', '""') + '"' for g in sorted(grams))


def rarest_grams(grams: set[str], frequency: dict[str, int], needed: int, *,
                 budget: int = POSTINGS_BUDGET, at_least: int = MIN_GRAMS) -> set[str]:
    """The grams to query the index with: the ``needed`` rarest (enough for full recall, see
    :func:`search_memory`), or fewer once their postings exceed ``budget`` (``at_least`` regardless)."""
    chosen: list[str] = []
    considered = postings = 0
    for gram in sorted(grams, key=lambda g: (frequency.get(g, 0), g)):
        count = frequency.get(gram, 0)
        if considered >= needed or (len(chosen) >= at_least and postings + count > budget):
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
    # A gram is counted up to the budget, which is enough to tell whether it can be used; a long
    # query's grams up to their share of COUNT_BUDGET, and one reaching it is not used.
    needed = GRAM_SIZE * math.floor((1 - ratio) * max_len) + 1
    cap = min(POSTINGS_BUDGET, COUNT_BUDGET // len(grams)) + 1
    gram_counts = store.gram_counts(grams, cap)
    chosen = rarest_grams({g for g in grams if gram_counts[g] < cap}, gram_counts, needed, at_least=0)
    expression = gram_query(chosen)
    words = set(WORD.findall(query))
    rare_words = rarest_grams(words, store.word_counts(words, WORD_BUDGET + 1), len(words),
                              budget=WORD_BUDGET, at_least=0)
    common = sorted((g for g in grams - chosen if gram_counts[g]),
                    key=lambda g: (gram_counts[g], not g.isalpha(), g))
    if not rare_words and len(common) >= MIN_GRAMS:
        # no selective word (a short query of common words, or typos in its rare ones): the units
        # sharing the next rarest grams all together, as few as the rarest of them at most; among
        # grams counted up to the cap, letters only (inside a word) before those with a space
        # (" , " or " au" joined 242,000 units of the 1M memory)
        together = "(" + " AND ".join(gram_query({g}) for g in common[:MIN_GRAMS]) + ")"
        expression = f"{expression} OR {together}" if chosen else together
    candidates = dict(store.unit_candidates(expression, min_len, max_len)) if expression else {}
    if rare_words:
        candidates.update(store.word_candidates(gram_query(rare_words), min_len, max_len))
    scored = sorted(
        ((similarity(query, match_text), unit_id) for unit_id, match_text in candidates.items()),
        key=lambda hit: (-hit[0], hit[1]),
    )
    kept = [(score, unit_id) for score, unit_id in scored if score >= min_score][:limit]
    units = store.units_by_id([unit_id for _, unit_id in kept])
    return [TmMatch(round(score, 1), units[unit_id]) for score, unit_id in kept]
