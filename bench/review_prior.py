"""Would a store's review decisions rank a new document's proposals better? Measured, not built.

    .venv/bin/python bench/review_prior.py [--sets dev,test,heldout,unseen,fresh,fresh2] [--key head|words]

A terminologist who has reviewed earlier documents has approved some proposals and rejected others. This
simulates that store: each set's proposals are re-weighed by what the other sets' reviews say of
proposals like them, the reviewer approving a proposal whose French is in that set's gold and rejecting the
rest (only proposals at the default threshold or above are reviewed, as the workbench shows them). "Like
them": the same French head lemma (``--key head``), or the mean over the French content words (``--key
words``). The approval rate of a key, smoothed towards the overall rate p0 with ``m`` pseudo-reviews, gives the
factor (rate ÷ p0) ^ alpha on the shipped score (alpha 0: the shipped score). Printed per set and input: pairs
right / proposals at the default threshold, and pairs right among each document's 20, 25 and 30 best (entries
paired down to 0.1). Each set is scored with reviews of the other sets only.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from terms import datasets, entry_forms, fold, load_model  # noqa: E402

from tmtool.terms import DEFAULT_THRESHOLD, build_glossary  # noqa: E402

POOL = 0.1
SETTINGS = ((0.0, 1.0), (0.5, 2.0), (1.0, 2.0), (1.0, 5.0), (1.0, 10.0))  # (alpha, m)
_GRAMMAR = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "à", "au", "aux", "en", "pour", "contre", "et"})


def labelled(sets: tuple[str, ...]) -> list[dict]:
    """Every entry of the sets' pairs down to ``POOL``: its set, document, input, score, keys and label."""
    rows = []
    for ds in datasets(sets):
        gold = [({fold(f) for f in item["fr"]}, {fold(e) for e in item["en"]}) for item in ds.gold()]
        for source in ds.sources():
            if source == "gold":
                continue
            for entry in build_glossary(ds.pairs(source), threshold=POOL):
                french, english = entry_forms(entry, "fr"), entry_forms(entry, "en")
                matched = [en for fr, en in gold if french & fr]
                term = entry.terms_in("fr")[0]
                words = [w for w in re.split(r"[\s'’-]+", term.text.lower()) if w and w not in _GRAMMAR]
                rows.append({"set": ds.role, "doc": ds.name, "source": source, "score": entry.score,
                             "head": [(term.lemma or term.text).lower()], "words": words or [""],
                             "term": bool(matched), "right": any(english & en for en in matched)})
    return rows


def reweighed(rows: list[dict], held: str, key: str, alpha: float, m: float) -> list[tuple[float, dict]]:
    """The rows of set ``held``, their score times the review factor learned on the other sets."""
    reviewed = [r for r in rows if r["set"] != held and r["score"] >= DEFAULT_THRESHOLD]
    approved, seen = defaultdict(int), defaultdict(int)
    for r in reviewed:
        for k in set(r[key]):
            seen[k] += 1
            approved[k] += r["term"]
    p0 = sum(r["term"] for r in reviewed) / max(1, len(reviewed))
    out = []
    for r in rows:
        if r["set"] == held:
            logs = [math.log((approved[k] + m * p0) / (seen[k] + m) / p0) for k in r[key]]
            out.append((r["score"] * math.exp(alpha * sum(logs) / len(logs)), r))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,test,heldout,unseen,fresh,fresh2")
    parser.add_argument("--key", choices=("head", "words"), default="head")
    args = parser.parse_args()
    sets = tuple(args.sets.split(","))
    load_model()
    rows = labelled(sets)
    print(f"| alpha, m | input | {' | '.join(sets)} | 20 / 25 / 30 best, all sets |")
    print("|---|---|" + "---|" * len(sets) + "---|")
    for alpha, m in SETTINGS:
        for source in ("pipeline", "free"):
            cells, best = [], [0, 0, 0]
            for held in sets:
                scored = [(s, r) for s, r in reweighed(rows, held, args.key, alpha, m) if r["source"] == source]
                kept = [r for s, r in scored if s >= DEFAULT_THRESHOLD]
                cells.append(f"{sum(r['right'] for r in kept)} / {len(kept)}" if scored else "—")
                documents = defaultdict(list)
                for s, r in scored:
                    documents[r["doc"]].append((s, r["right"]))
                for i, n in enumerate((20, 25, 30)):
                    best[i] += sum(sum(right for _, right in sorted(v, key=lambda x: -x[0])[:n])
                                   for v in documents.values())
            print(f"| {alpha:g}, {m:g} | {source} | {' | '.join(cells)} | {' / '.join(map(str, best))} |")


if __name__ == "__main__":
    main()
