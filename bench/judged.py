"""What a reader keeps of the held-out pairs' glossaries: each proposal at the default threshold looked up
in a reader's verdicts (``data/terms-heldout/judged.json``: keep, wrong-pair, not-term), per input.

    .venv/bin/python bench/judged.py

The gold glossaries are not exhaustive, so precision against them understates what a terminologist keeps;
this is the measure the issue's own figure is (a terminologist kept 26 of 48 proposals). A proposal the
reader never saw (the extractor has changed since) is counted apart as unjudged.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import terms as bench_terms  # noqa: E402
from tmtool.terms import build_glossary  # noqa: E402

VERDICTS = bench_terms.HELDOUT_TERMS / "judged.json"
KINDS = ("keep", "wrong-pair", "not-term", "unjudged")


def verdicts() -> dict[tuple[str, str, str], str]:
    return {(v["document"], v["fr"], v["en"]): v["verdict"] for v in json.loads(VERDICTS.read_text(encoding="utf-8"))}


def judge(entries, document: str, known: dict) -> Counter:
    counted = Counter()
    for entry in entries:
        fr = next((t.text for t in entry.terms if t.lang == "fr"), "")
        en = next((t.text for t in entry.terms if t.lang == "en"), "")
        counted[known.get((document, fr, en), "unjudged")] += 1
    return counted


def main() -> None:
    known = verdicts()
    print("| input | proposals | " + " | ".join(KINDS) + " | kept |")
    print("|---|---|" + "---|" * (len(KINDS) + 1))
    for source in ("gold", "free"):
        total = Counter()
        for dataset in bench_terms.datasets():
            if dataset.role == "heldout":
                total += judge(build_glossary(dataset.pairs(source)), dataset.name, known)
        proposals = sum(total.values())
        judged = proposals - total["unjudged"]
        kept = f"{total['keep'] / judged:.2f}" if judged else "-"
        print(f"| {source} | {proposals} | " + " | ".join(str(total[k]) for k in KINDS) + f" | {kept} |")


if __name__ == "__main__":
    main()
