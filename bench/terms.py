"""Terminology benchmark: French terms and English equivalents against the shared gold glossaries.

    /tmp/venv/bin/python bench/terms.py [--threshold T]

For each pair of ``../shared/data/terms/`` and the seed pair: French entries proposed above the
threshold, pair recall and found recall (metric of ``../shared/data/README.md``; an entry matches a
gold French form by its canonical term or any surface form, folded), precision of the proposals
against gold, time (model loading apart; French extraction alone, then with English equivalents),
a threshold sweep, and the 15 best-ranked proposals that are not in gold.

Input: the gold sentence alignment (``sentence_pairs`` is the one place to change when the
segment + align pipeline replaces it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool.model import Context, Entry  # noqa: E402
from tmtool.terms import DEFAULT_THRESHOLD, build_glossary, extract_french  # noqa: E402
from tmtool.terms.french import load_model  # noqa: E402

SHARED_TERMS = REPO.parent / "shared" / "data" / "terms"
SEED_GOLD = REPO / "tests" / "data" / "seed.alignment.gold.json"
INPUT = "gold sentence alignment"
SWEEP = (0.0, 0.4, 0.6, 0.8, 1.0, 1.5)


def sentence_pairs(alignment_json: Path, document: str) -> list[Context]:
    """The benchmark's input: one Context per gold bead with text on both sides."""
    gold = json.loads(alignment_json.read_text(encoding="utf-8"))
    return [
        Context(" ".join(gold["fr"][i] for i in fr), " ".join(gold["en"][i] for i in en), document)
        for fr, en in gold["beads"]
        if fr and en
    ]


def fold(text: str) -> str:
    """The metric's folding: NFKC, ’ → ', no-break spaces → space, collapsed spaces, casefold."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def entry_forms(entry: Entry, lang: str) -> set[str]:
    return {fold(form) for term in entry.terms_in(lang) for form in (term.text, *term.forms)}


def score(entries: list[Entry], gold: list[dict]) -> dict:
    found = right = 0
    for item in gold:
        gold_fr, gold_en = {fold(f) for f in item["fr"]}, {fold(e) for e in item["en"]}
        matching = [e for e in entries if entry_forms(e, "fr") & gold_fr]
        found += bool(matching)
        right += any(entry_forms(e, "en") & gold_en for e in matching)
    gold_fr_all = {fold(f) for item in gold for f in item["fr"]}
    correct = [e for e in entries if entry_forms(e, "fr") & gold_fr_all]
    return {
        "found": found / len(gold),
        "pair_recall": right / len(gold),
        "precision": len(correct) / len(entries) if entries else 0.0,
        "not_in_gold": [e for e in entries if not entry_forms(e, "fr") & gold_fr_all],
    }


def datasets() -> list[tuple[str, Path, Path | None]]:
    sets = [(d.name, d / "alignment.gold.json", d / "glossary.gold.json") for d in sorted(SHARED_TERMS.iterdir())]
    return [*sets, ("seed (partners meeting)", SEED_GOLD, None)]


def describe(entry: Entry) -> str:
    fr = " | ".join(t.text for t in entry.terms_in("fr"))
    en = " | ".join(f"{t.text} ({t.confidence:.2f})" for t in entry.terms_in("en")) or "—"
    return f"{entry.score:5.2f}  {fr}  →  {en}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()
    started = time.perf_counter()
    load_model()
    print(f"model load: {time.perf_counter() - started:.1f} s; input: {INPUT}; threshold {args.threshold}")
    print()
    print(
        "| pair | sentence pairs | entries ≥ threshold | found | pair recall | precision vs gold "
        "| French extraction (s) | with equivalents (s) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    misses = {}
    for name, alignment, glossary in datasets():
        pairs = sentence_pairs(alignment, name)
        started = time.perf_counter()
        extract_french(pairs, threshold=args.threshold)
        extraction = time.perf_counter() - started
        started = time.perf_counter()
        entries = build_glossary(pairs, threshold=args.threshold)
        elapsed = time.perf_counter() - started
        times = f"{extraction:.2f} | {elapsed:.2f}"
        if glossary is None:
            print(f"| {name} | {len(pairs)} | {len(entries)} | — | — | — | {times} |")
            misses[name] = entries
            continue
        result = score(entries, json.loads(glossary.read_text(encoding="utf-8")))
        print(
            f"| {name} | {len(pairs)} | {len(entries)} | {result['found']:.2f} | {result['pair_recall']:.2f} "
            f"| {result['precision']:.2f} | {times} |"
        )
        misses[name] = result["not_in_gold"]
    print("\nThreshold sweep (found / pair recall / precision / entries), shared pairs:")
    for threshold in SWEEP:
        cells = []
        for name, alignment, glossary in datasets():
            if glossary is None:
                continue
            entries = build_glossary(sentence_pairs(alignment, name), threshold=threshold)
            r = score(entries, json.loads(glossary.read_text(encoding="utf-8")))
            cells.append(f"{name}: {r['found']:.2f} / {r['pair_recall']:.2f} / {r['precision']:.2f} / {len(entries)}")
        print(f"  ≥ {threshold:<4}  " + "   ".join(cells))
    for name, entries in misses.items():
        print(f"\n15 best-ranked proposals {'(no gold)' if name.startswith('seed') else 'not in gold'} — {name}:")
        for entry in entries[:15]:
            print("  " + describe(entry))


if __name__ == "__main__":
    main()
