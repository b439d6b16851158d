"""Where gold terms are lost: candidate generation, ranking, or pairing.

    .venv/bin/python bench/terms_errors.py [--set dev|test|heldout|unseen|fresh|fresh2|fresh3|all]
        [--input gold|free] [--threshold T] [--verbose]

NATO pairs (gold sentence alignment, as ``bench/terms.py``; with ``--input free``, each pair's free English
translation aligned as ingest aligns it, for the pairs that have one): each gold entry falls in one class —
- ``no French candidate``: no candidate of the parse has a gold French form as its canonical or
  surface form;
- ``ranked out (French)``: a candidate, but its French score is under the floor the bilingual score
  starts from (``french_floor``: no equivalent could lift it to the threshold), and so is its score
  read as a unit of its own (``FrenchTerms.units``), so it is never paired;
- ``ranked out (bilingual)``: paired, under the threshold once weighed by its equivalent (``--verbose``
  names the English chosen, its confidence, and whether it is a gold form: a ranking loss, or a pairing one);
- ``pair right``;
- ``English not a candidate``: found, wrong English, and no English noun phrase of the pairs holding
  the French term is a gold English form (the English side's phrase boundaries or tagger);
- ``English chosen wrong``: found, wrong English, a gold English form was among the phrases (pairing).

ACTER (DEV halves, as ``bench/terms.py`` splits them): gold terms of the half lost for want of a
candidate or under the threshold, single words and multi-word terms apart, and what the proposals not
in gold are (single words, multi-word).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from terms import (  # noqa: E402
    ACTER_DOMAINS, SET_CHOICES, acter_gold, acter_halves, datasets, entry_forms, fold, occurring, roles,
)

from tmtool.terms import DEFAULT_THRESHOLD  # noqa: E402
from tmtool.terms.equivalents import (  # noqa: E402
    _acronym_pairs, _EquivalentFinder, aligned_spans, analyse_french, paired_entries,
)
from tmtool.terms import french  # noqa: E402
from tmtool.terms.termhood import term_patterns  # noqa: E402
from tmtool.terms.french import load_model  # noqa: E402

CLASSES = ("no French candidate", "ranked out (French)", "ranked out (bilingual)", "pair right",
           "English not a candidate", "English chosen wrong")


def nato(role: str, threshold: float, verbose: bool, source: str = "gold") -> None:
    total: Counter = Counter()
    print("| pair | set | gold | " + " | ".join(CLASSES) + " |")
    print("|---|---|---|" + "---|" * len(CLASSES))
    for dataset in datasets(roles(role)):
        if dataset.glossary is None or source not in dataset.sources():
            continue
        pairs = dataset.pairs(source)
        finder = _EquivalentFinder(pairs, (), (), {})
        analysis = analyse_french(pairs, aligned=lambda tokens: aligned_spans(finder.views, tokens),
                                  patterns=term_patterns())  # as build_glossary (its pattern weights)
        finder.acronym_pairs = _acronym_pairs(pairs, analysis)
        entries = paired_entries(analysis, pairs, finder, threshold)
        scores = {id(entry): entry.score for entry in entries}
        kept = [e for e in entries if scores[id(e)] >= threshold]
        by_form = {}
        for candidate in analysis.candidates.values():
            for form in (candidate.key, *candidate.forms):
                by_form.setdefault(fold(form), candidate)
        counts: Counter = Counter()
        for item in dataset.gold():
            gold_fr, gold_en = {fold(f) for f in item["fr"]}, {fold(e) for e in item["en"]}
            matching = [e for e in kept if entry_forms(e, "fr") & gold_fr]
            candidate = next((by_form[f] for f in gold_fr if f in by_form), None)
            detail = ""
            if matching:
                if any(entry_forms(e, "en") & gold_en for e in matching):
                    kind = "pair right"
                else:
                    phrases = _phrases_with(finder, matching[0])
                    kind = "English chosen wrong" if phrases & gold_en else "English not a candidate"
                    got = " | ".join(t.text for e in matching for t in e.terms_in("en"))
                    detail = f"→ {got or '—'}" + ("" if phrases & gold_en else f"; phrases {sorted(phrases)[:8]}")
            elif candidate is None:
                kind = "no French candidate"
            else:
                french = analysis.scores[candidate.key]
                paired = next((e for e in entries if any(fold(t.text) == candidate.key for t in e.terms_in("fr"))),
                              None)
                kind = "ranked out (French)" if paired is None else "ranked out (bilingual)"
                detail = f"French {french:.2f}"
                if paired is not None:
                    english = next(iter(paired.terms_in("en")), None)  # the one bilingual_score weighs
                    detail += f", bilingual {scores[id(paired)]:.2f}" + (
                        f" → {english.text} ({english.confidence or 0:.2f}"
                        f"{', gold' if fold(english.text) in gold_en else ''})" if english else " → —")
            counts[kind] += 1
            if verbose and kind != "pair right":
                print(f"    {kind}: {item['fr'][0]} / {item['en'][0]} {detail}")
        total += counts
        n = sum(counts.values())
        print(f"| {dataset.name} | {dataset.role} | {n} | " + " | ".join(str(counts[c]) for c in CLASSES) + " |")
    print(f"| all | {role} | {sum(total.values())} | " + " | ".join(str(total[c]) for c in CLASSES) + " |")


def _phrases_with(finder: _EquivalentFinder, entry) -> set[str]:
    """Folded English phrases (as written and as lemma) of the pairs that hold the entry's French term."""
    term = entry.terms_in("fr")[0]
    found = set()
    for number in finder.views.pairs_with(term):
        for phrase, _ in finder.views.get(number).phrases:
            found |= {fold(phrase.text), fold(phrase.lemma)}
    return found


def acter(threshold: float, verbose: bool) -> None:
    print("\n| domain | gold (half) | single-word gold | no candidate: single / multi | under threshold: single / multi "
          "| found: single / multi | proposals | not in gold: single / multi |")
    print("|---|---|---|---|---|---|---|---|")
    for domain in ACTER_DOMAINS:
        sentences = acter_halves(domain)["dev"]
        gold = occurring(acter_gold(domain), sentences)
        analysis = analyse_french(sentences)
        surfaces = {}
        for candidate in analysis.candidates.values():
            for form in (candidate.key, *candidate.forms):
                surfaces.setdefault(form.lower(), candidate)
        proposed = {form.lower() for c in analysis.candidates.values() if analysis.scores[c.key] >= threshold
                    for form in (c.text, *c.forms)}
        lost = Counter()
        for term in gold:
            single = "single" if " " not in term else "multi"
            if term in proposed:
                lost["found", single] += 1
            elif term in surfaces:
                lost["under", single] += 1
            else:
                lost["none", single] += 1
                if verbose:
                    print(f"    {domain} no candidate: {term}")
        wrong = [p for p in proposed if p not in gold]
        single_wrong = sum(" " not in p for p in wrong)
        print(f"| {domain} | {len(gold)} | {sum(' ' not in t for t in gold)} | {lost['none', 'single']} / "
              f"{lost['none', 'multi']} | {lost['under', 'single']} / {lost['under', 'multi']} | "
              f"{lost['found', 'single']} / {lost['found', 'multi']} | {len(proposed)} | {single_wrong} / "
              f"{len(wrong) - single_wrong} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SET_CHOICES, default="dev",
                        help="nato: the pairs read (all: every set but unseen, fresh, fresh2 and fresh3)")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--input", choices=("gold", "free"), default="gold",
                        help="nato: the pairs with their gold alignment, or their free translations")
    parser.add_argument("--part", choices=("nato", "acter", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="print each lost gold term")
    parser.add_argument("--model", default=french.MODEL, help="spaCy French package to compare")
    args = parser.parse_args()
    french.MODEL = args.model
    load_model()
    if args.part in ("nato", "all"):
        nato(args.set, args.threshold, args.verbose, args.input)
    if args.part in ("acter", "all"):
        acter(args.threshold, args.verbose)


if __name__ == "__main__":
    main()
