"""Sentence-alignment benchmark: tmtool against the PyPI package galechurch, same input, same scorer.

    python bench/align.py               # TransRead fr-en and Text+Berg de-fr test0-6, plus 100k synthetic
    python bench/align.py --sets dev    # Text+Berg dev only (where parameters may be set)
    python bench/align.py --no-synthetic
    python bench/align.py --sets --synthetic-sizes 25000 50000 100000   # time and memory against length

Each system aligns a whole set in a subprocess of its own (``--run``), which prints its beads; this
script times the subprocess (start-up and imports included, peak memory by GNU time) and scores the beads
with ``tmtool.align.evaluate`` (strict and lax P/R/F1, per document and pooled).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from measure import measured  # bench/, this script's folder

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "align"
TRANSREAD = DATA / "transread-fr-en"
TEXTBERG = DATA / "textberg-de-fr"
SYSTEMS = ("tmtool", "galechurch")
SYNTHETIC_SENTENCES = 100_000


def documents(name: str) -> list[tuple[str, Path, Path, Path, str, str]]:
    """(document, source file, target file, gold file, source language, target language)."""
    if name == "transread":
        return [
            (f.stem, f, TRANSREAD / "en" / f.name, TRANSREAD / "gold" / f.name, "fr", "en")
            for f in sorted((TRANSREAD / "fr").glob("*.txt"))
        ]
    stems = [f"test{k}" for k in range(7)] if name == "textberg" else ["dev"]
    return [
        (s, TEXTBERG / f"{s}.de", TEXTBERG / f"{s}.fr", TEXTBERG / f"{s}.defr", "de", "fr") for s in stems
    ]


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def run_system(system: str, set_name: str) -> None:
    """In the subprocess: align every document of the set, print the beads as JSON."""
    if system == "tmtool":
        from tmtool.align import align_texts

        def aligner(src, tgt, src_lang, tgt_lang):
            return [b.gold_format() for b in align_texts(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang)]
    else:
        import galechurch

        def aligner(src, tgt, src_lang, tgt_lang):
            return galechurch.align(src, tgt).to_pharaoh_lines()

    out = {}
    if set_name.startswith("synthetic-"):
        src, tgt, _ = synthetic_pair(int(set_name.removeprefix("synthetic-")))
        out["synthetic"] = aligner(src, tgt, "fr", "en")
    else:
        for doc, src_path, tgt_path, _, src_lang, tgt_lang in documents(set_name):
            out[doc] = aligner(lines(src_path), lines(tgt_path), src_lang, tgt_lang)
    json.dump(out, sys.stdout)


def synthetic_pair(size: int = SYNTHETIC_SENTENCES) -> tuple[list[str], list[str], list[str]]:
    """A long document pair made of the TransRead gold beads, shuffled and repeated (seeded).

    Gold beads carry the real 1-2, 2-1, 1-0 … mix; returns source, target and the gold lines."""
    from tmtool.align import read_beads

    pool = []
    for _, src_path, tgt_path, gold_path, _, _ in documents("transread"):
        src, tgt = lines(src_path), lines(tgt_path)
        pool += [([src[i] for i in b.src], [tgt[j] for j in b.tgt]) for b in read_beads(gold_path)]
    rng = random.Random(13)
    src_out: list[str] = []
    tgt_out: list[str] = []
    gold = []
    while len(src_out) < size:
        s, t = rng.choice(pool)
        gold.append(
            f"{list(range(len(src_out), len(src_out) + len(s)))}:{list(range(len(tgt_out), len(tgt_out) + len(t)))}"
        )
        src_out += s
        tgt_out += t
    return src_out, tgt_out, gold


def measure(system: str, set_name: str) -> tuple[dict, float, float]:
    """Run one system on one set in a subprocess: (beads by document, wall seconds, peak MiB)."""
    run = measured([sys.executable, __file__, "--run", system, set_name])
    return json.loads(run["out"]), run["wall"], run["peak_mib"]


def parse(bead_lines: list[str]):
    from tmtool.align import parse_beads

    return parse_beads("\n".join(bead_lines))


def report(set_name: str) -> None:
    from tmtool.align import Scores, evaluate, read_beads

    docs = documents(set_name)
    runs = {system: measure(system, set_name) for system in SYSTEMS}
    print(f"\n## {set_name}\n")
    print("| document | system | strict P | strict R | strict F1 | lax P | lax R | lax F1 |")
    print("|---|---|---|---|---|---|---|---|")
    pooled = {system: Scores() for system in SYSTEMS}
    for doc, *_, gold_path, _, _ in docs:
        gold = read_beads(gold_path)
        for system in SYSTEMS:
            scores = evaluate(parse(runs[system][0][doc]), gold)
            pooled[system] += scores
            print(f"| {doc} | {system} | " + " | ".join(f"{x:.3f}" for x in (*scores.strict, *scores.lax)) + " |")
    for system in SYSTEMS:
        scores = pooled[system]
        print(f"| **pooled** | {system} | " + " | ".join(f"{x:.3f}" for x in (*scores.strict, *scores.lax)) + " |")
    print("\n| system | wall time (s, in a subprocess) | peak memory (MiB) |\n|---|---|---|")
    for system in SYSTEMS:
        _, wall, peak = runs[system]
        print(f"| {system} | {wall:.2f} | {peak:.0f} |")


def report_synthetic(sizes: list[int]) -> None:
    """tmtool on synthetic pairs of growing length: time and peak memory should grow linearly."""
    from tmtool.align import evaluate

    print("\n## synthetic pairs (TransRead gold beads shuffled)\n")
    print("| sentences (fr × en) | system | wall time (s) | peak memory (MiB) | strict P | strict R | strict F1 |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        src, tgt, gold = synthetic_pair(size)
        beads, wall, peak = measure("tmtool", f"synthetic-{size}")
        strict = evaluate(parse(beads["synthetic"]), parse(gold)).strict
        print(f"| {len(src)} × {len(tgt)} | tmtool | {wall:.1f} | {peak:.0f} | "
              + " | ".join(f"{x:.3f}" for x in strict) + " |", flush=True)
    print("| (any) | galechurch | — | — | (one block: n × m DP cells exceed its 5·10^7 limit) | | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", nargs=2, metavar=("SYSTEM", "SET"), help=argparse.SUPPRESS)
    parser.add_argument("--sets", nargs="*", default=["transread", "textberg"], choices=["transread", "textberg", "dev"])
    parser.add_argument("--no-synthetic", action="store_true")
    parser.add_argument("--synthetic-sizes", type=int, nargs="+", default=[SYNTHETIC_SENTENCES])
    args = parser.parse_args()
    if args.run:
        run_system(*args.run)
        return
    for set_name in args.sets:
        report(set_name)
    if not args.no_synthetic:
        report_synthetic(args.synthetic_sizes)


if __name__ == "__main__":
    main()
