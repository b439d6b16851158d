"""LIDF-value's pattern probabilities, learned on the development pairs' gold: ``tmtool/terms/data/fr-patterns.json``.

    .venv/bin/python bench/term_patterns.py [--write]

Lossio-Ventura et al. (2014, "Yet another ranking function for automatic multiword term extraction") weigh a
candidate by the probability that its part-of-speech pattern is a term, learned from a reference list. Here
the reference is the gold glossaries of ``bench/data/terms-dev/`` only (never the test, held-out, unseen or
fresh pairs, on which it is measured): every French candidate of a dev page (gold sentence alignment, as
``build_glossary`` makes them, the translation's spans included) has the pattern of its first occurrence
(``termhood.pattern``: *NOUN ADP NOUN*), and a pattern's weight is the share of its candidates that are gold
French terms, smoothed towards the share over every candidate (``SMOOTHING`` candidates at that rate), over
that share, to the power ``EXPONENT``: 1 for a pattern as often a term as any candidate, and for a pattern
the development pages never show. Prints the table; ``--write`` writes it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import terms as bench_terms  # noqa: E402

from tmtool.io.files import atomic_write  # noqa: E402
from tmtool.terms.equivalents import _EquivalentFinder, aligned_spans  # noqa: E402
from tmtool.terms.extract import analyse_french  # noqa: E402
from tmtool.terms.termhood import PATTERNS_FILE, pattern  # noqa: E402
from tmtool.text.normalize import normalize_for_match as fold  # noqa: E402

SMOOTHING = 10.0  # candidates at the overall rate added to each pattern's count
EXPONENT = 0.25  # the probability ratio's weight in the score: ^1 swings single nouns ×0.1, ^0.25 ×0.6


def learn() -> tuple[dict[str, float], Counter, Counter, float]:
    candidates_of, terms_of = Counter(), Counter()
    for dataset in bench_terms.datasets(("dev",)):
        pairs = dataset.pairs("gold")
        finder = _EquivalentFinder(pairs, (), (), {})
        analysis = analyse_french(pairs, aligned=lambda tokens: aligned_spans(finder.views, tokens))
        gold = {fold(form) for item in dataset.gold() for form in item["fr"]}
        for candidate in analysis.candidates.values():
            shape = pattern(candidate, analysis.tokens)
            candidates_of[shape] += 1
            terms_of[shape] += bool({fold(f) for f in (candidate.text, *candidate.forms)} & gold)
    rate = sum(terms_of.values()) / sum(candidates_of.values())
    table = {shape: round(((terms_of[shape] + SMOOTHING * rate) / (n + SMOOTHING) / rate) ** EXPONENT, 4)
             for shape, n in candidates_of.items()}
    return table, candidates_of, terms_of, rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {PATTERNS_FILE}")
    args = parser.parse_args()
    table, candidates_of, terms_of, rate = learn()
    print(f"{sum(candidates_of.values())} candidates, {sum(terms_of.values())} gold French terms among them "
          f"({rate:.3f}), {len(table)} patterns")
    print("| pattern | candidates | gold terms | weight |\n|---|---|---|---|")
    for shape, n in candidates_of.most_common():
        print(f"| {shape} | {n} | {terms_of[shape]} | {table[shape]} |")
    if args.write:
        with atomic_write(PATTERNS_FILE, "w") as out:
            out.write(json.dumps(dict(sorted(table.items())), indent=0, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
