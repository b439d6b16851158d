"""Acronym entries whose French full form is one of the gold French forms of the acronym's concept.

Pair recall counts an entry right when any of its French terms (the acronym too) and any of its English
terms are gold, so a full form cut in the wrong place (*paix et de la sécurité* · *SPS*) still counts;
this counts the full forms themselves, per set and input (the gold alignment, or the free translation).

    python bench/full_forms.py [--set dev|test|heldout|unseen|fresh|fresh2|fresh3|all] [--verbose]
"""

from __future__ import annotations

import argparse
import sys

from terms import ALL, SET_CHOICES, datasets

from tmtool.model import TermType
from tmtool.terms import build_glossary
from tmtool.text.normalize import normalize_for_match


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="all", choices=SET_CHOICES)
    parser.add_argument("--verbose", action="store_true", help="print each full form that is not gold")
    args = parser.parse_args()
    print("| set | input | full forms gold / acronym entries with a gold concept |\n|---|---|---|")
    for role in [r for r in ALL if r != "seed"] if args.set == "all" else (args.set,):
        for source in ("gold", "free"):
            right = total = 0
            for dataset in (d for d in datasets((role,)) if source in d.sources()):
                gold = dataset.gold()
                for entry in build_glossary(dataset.pairs(source)):
                    french = entry.terms_in("fr")
                    acronyms = {normalize_for_match(t.text) for t in french if t.term_type is TermType.ACRONYM}
                    full = next((t for t in french if t.term_type is not TermType.ACRONYM), None)
                    concept = next((g for g in gold if acronyms & {normalize_for_match(f) for f in g["fr"]}), None)
                    if full is None or concept is None:
                        continue
                    forms = {normalize_for_match(f) for f in (full.text, *full.forms)}
                    ok = bool(forms & {normalize_for_match(f) for f in concept["fr"]})
                    right, total = right + ok, total + 1
                    if args.verbose and not ok:
                        print(f"    {dataset.name} ({source}): {full.text} | gold: {concept['fr'][0]}", file=sys.stderr)
            print(f"| {role} | {source} | {right} / {total} |")


if __name__ == "__main__":
    main()
