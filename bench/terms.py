"""Terminology benchmark: French terms and English equivalents against gold glossaries.

    .venv/bin/python bench/terms.py [--threshold T]

Pairs: the development pairs of ``bench/data/terms-dev/`` (written for this project; parameters are
chosen on them), the test pairs of ``../shared/data/terms/`` (reported, not tuned on) and the seed pair
(no gold glossary: counts and times only). Each pair is read two ways:
- ``pipeline``: the documents segmented and aligned as ``tmtool ingest`` does (``align_files``);
- ``gold``: the gold sentence alignment (extraction measured apart from segmentation and alignment).

For each: French entries proposed above the threshold, found and pair recall (metric of
``../shared/data/README.md``; an entry matches a gold French form by its canonical term or any surface
form, folded), precision of the proposals against gold, time (model loading apart; French extraction
alone, then with English equivalents); then a threshold sweep on gold alignment, and the 15 best-ranked
proposals that are not in gold.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool.model import Context, Entry  # noqa: E402
from tmtool.pipeline import align_files  # noqa: E402
from tmtool.terms import DEFAULT_THRESHOLD, build_glossary, extract_french  # noqa: E402
from tmtool.terms.french import load_model  # noqa: E402

DEV_TERMS = REPO / "bench" / "data" / "terms-dev"
SHARED_TERMS = REPO.parent / "shared" / "data" / "terms"
SEED = REPO / "seeds" / "2021-07-13-partners-meeting"
SEED_GOLD = REPO / "tests" / "data" / "seed.alignment.gold.json"
SWEEP = (0.0, 0.4, 0.6, 0.8, 1.0, 1.5)


@dataclass(frozen=True)
class Dataset:
    name: str
    role: str  # "dev", "test" or "seed"
    fr: Path
    en: Path
    alignment: Path
    glossary: Path | None

    def pairs(self, source: str) -> list[Context]:
        return pipeline_pairs(self) if source == "pipeline" else gold_pairs(self.alignment, self.name)

    def gold(self) -> list[dict] | None:
        return json.loads(self.glossary.read_text(encoding="utf-8")) if self.glossary else None


def gold_pairs(alignment_json: Path, document: str) -> list[Context]:
    """One Context per gold bead with text on both sides."""
    gold = json.loads(alignment_json.read_text(encoding="utf-8"))
    return [
        Context(" ".join(gold["fr"][i] for i in fr), " ".join(gold["en"][i] for i in en), document)
        for fr, en in gold["beads"]
        if fr and en
    ]


def pipeline_pairs(dataset: Dataset) -> list[Context]:
    """The sentence pairs ``tmtool ingest`` gives the extractor: segmented, aligned units."""
    units = align_files(dataset.fr, dataset.en).units(dataset.name)
    return [Context(u.source, u.target, dataset.name, u.tuid or "") for u in units]


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


def datasets() -> list[Dataset]:
    found = []
    for role, root in (("dev", DEV_TERMS), ("test", SHARED_TERMS)):
        for d in sorted(p for p in root.iterdir() if p.is_dir()):
            txt = d / d.name
            found.append(Dataset(d.name, role, Path(f"{txt}.fr.txt"), Path(f"{txt}.en.txt"),
                                 d / "alignment.gold.json", d / "glossary.gold.json"))
    found.append(Dataset("seed (partners meeting)", "seed", Path(f"{SEED}.fr.txt"), Path(f"{SEED}.en.txt"),
                         SEED_GOLD, None))
    return found


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
    print(f"model load: {time.perf_counter() - started:.1f} s; threshold {args.threshold}")
    print()
    print(
        "| pair | set | input | sentence pairs | entries ≥ threshold | found | pair recall | precision vs gold "
        "| French extraction (s) | with equivalents (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    misses = {}
    for dataset in datasets():
        gold = dataset.gold()
        for source in ("pipeline", "gold"):
            pairs = dataset.pairs(source)
            started = time.perf_counter()
            extract_french(pairs, threshold=args.threshold)
            extraction = time.perf_counter() - started
            started = time.perf_counter()
            entries = build_glossary(pairs, threshold=args.threshold)
            elapsed = time.perf_counter() - started
            head = f"| {dataset.name} | {dataset.role} | {source} | {len(pairs)} | {len(entries)}"
            times = f"{extraction:.2f} | {elapsed:.2f}"
            if gold is None:
                print(f"{head} | — | — | — | {times} |")
                misses[dataset.name] = entries
                continue
            r = score(entries, gold)
            print(f"{head} | {r['found']:.2f} | {r['pair_recall']:.2f} | {r['precision']:.2f} | {times} |")
            if source == "gold":
                misses[dataset.name] = r["not_in_gold"]
    print("\nThreshold sweep on gold alignment (found / pair recall / precision / entries):")
    for threshold in SWEEP:
        cells = []
        for dataset in datasets():
            if dataset.glossary is None:
                continue
            entries = build_glossary(dataset.pairs("gold"), threshold=threshold)
            r = score(entries, dataset.gold())
            cells.append(f"{dataset.name} ({dataset.role}): {r['found']:.2f} / {r['pair_recall']:.2f} "
                         f"/ {r['precision']:.2f} / {len(entries)}")
        print(f"  ≥ {threshold:<4}  " + "   ".join(cells))
    for name, entries in misses.items():
        print(f"\n15 best-ranked proposals {'(no gold)' if name.startswith('seed') else 'not in gold'} — {name}:")
        for entry in entries[:15]:
            print("  " + describe(entry))


if __name__ == "__main__":
    main()
