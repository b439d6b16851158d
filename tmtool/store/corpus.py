"""The French words and term candidates of a store's documents, counted across the store: the domain a
document ingested into it is ranked in (``terms.extract.analyse_french``'s corpus), as if the store's
documents were read at once, without reading any of them again.

Each document's share (its words and its candidates' occurrences, by key) is kept beside it
(``document_corpus``) and added to the store's counts (``corpus``: kind ``word`` or ``term``, key,
frequency, documents); a document replaced or removed takes its share out again. Pure functions over
those rows, so that both backends count alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

TOTAL = ""  # the word row counting the whole corpus: its words, its documents

Row = tuple[str, str, int, int]  # kind, key, frequency, documents


def share(words: Mapping[str, int], terms: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """A document's share as kept beside it: its words and its candidates' occurrences."""
    return {"word": dict(words), "term": dict(terms)}


def rows(kept: Mapping[str, Mapping[str, int]], sign: int) -> list[Row]:
    """A document's share as rows to add to the store's counts (``sign`` 1) or take out of them (-1)."""
    total = ("word", TOTAL, sign * sum(kept["word"].values()), sign)
    return [total, *(("word", word, sign * n, sign) for word, n in kept["word"].items()),
            *(("term", key, sign * n, sign) for key, n in kept["term"].items())]


def held(found: Iterable[Row], excluded: Mapping[str, Mapping[str, int]] | None = None
         ) -> tuple[dict[str, int], int, dict[str, tuple[int, int]]]:
    """The store's counts read for a document (``found``: the rows of its words, of ``TOTAL`` and of its
    candidates), less the share of ``excluded`` (an earlier version of the same document): (word →
    frequency, words in all, candidate key → (occurrences, documents))."""
    counts = {(kind, key): (frequency, documents) for kind, key, frequency, documents in found}
    for kind, key, frequency, documents in rows(excluded, -1) if excluded else ():
        if (kind, key) in counts:
            before = counts[kind, key]
            counts[kind, key] = (before[0] + frequency, before[1] + documents)
    words = {key: n for (kind, key), (n, _) in counts.items() if kind == "word" and key != TOTAL and n > 0}
    terms = {key: (n, d) for (kind, key), (n, d) in counts.items() if kind == "term" and n > 0}
    return words, counts.get(("word", TOTAL), (0, 0))[0], terms
