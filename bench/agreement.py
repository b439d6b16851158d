"""Agreement of two annotators on the held-out pairs: how far the targets of issue 11 are from what a
second reading of the same articles gives.

    python bench/agreement.py

Each held-out pair has its gold glossary (``glossary.gold.json``) and a second one
(``glossary.second.json``) written afterwards from the two texts alone, by another annotator who never
saw the first. Each list is scored as a glossary against the other with the metric of
``bench/terms.py`` (a gold entry is found when an entry of the other list shares one of its French
forms, its pair right when that entry also shares one of its English forms).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from terms import fold  # noqa: E402

HELDOUT = Path(__file__).resolve().parent / "data" / "terms-heldout"


def _forms(entry: dict, lang: str) -> set[str]:
    return {fold(form) for form in entry[lang]}


def pairs_right(gold: list[dict], other: list[dict]) -> int:
    """How many gold entries have their pair right in the other list."""
    right = 0
    for item in gold:
        matching = [o for o in other if _forms(o, "fr") & _forms(item, "fr")]
        right += any(_forms(o, "en") & _forms(item, "en") for o in matching)
    return right


def main() -> None:
    print("| pair | gold entries | second entries | gold pair right in second | second pair right in gold |")
    print("|---|---|---|---|---|")
    totals = [0, 0, 0, 0]
    for folder in sorted(p for p in HELDOUT.iterdir() if (p / "glossary.second.json").is_file()):
        gold = json.loads((folder / "glossary.gold.json").read_text(encoding="utf-8"))
        second = json.loads((folder / "glossary.second.json").read_text(encoding="utf-8"))
        right_in_second, right_in_gold = pairs_right(gold, second), pairs_right(second, gold)
        print(f"| {folder.name} | {len(gold)} | {len(second)} | {right_in_second} ({right_in_second / len(gold):.2f}) "
              f"| {right_in_gold} ({right_in_gold / len(second):.2f}) |")
        for i, value in enumerate((len(gold), len(second), right_in_second, right_in_gold)):
            totals[i] += value
    gold_n, second_n, a, b = totals
    print(f"| all | {gold_n} | {second_n} | {a} ({a / gold_n:.2f}) | {b} ({b / second_n:.2f}) |")


if __name__ == "__main__":
    main()
