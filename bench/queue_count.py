"""Wall time of the review queue's total ("Entries 1–10 of TOTAL", api.count_entries) beside its page, on a large store.

    .venv/bin/python bench/queue_count.py STORE [--caps 10000,100000] [--runs 5]

STORE: a SQLite path or a PostgreSQL URL holding a large glossary (bench/workbench.py's synthetic one, statuses mixed).
For each filter of the queue (a status, a text, a language, a score), the median of --runs: the page as the workbench
reads it (web.app.entries_page: its entries and whether one follows), then the count at each cap.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tmtool import api  # noqa: E402
from tmtool.store import open_store  # noqa: E402
from tmtool.web.app import entries_page  # noqa: E402

FILTERS = [("any status", {}), ("candidate", {"status": "candidate"}), ("candidate, q=port", {"status": "candidate", "q": "port"}),
           ("any status, q=e", {"q": "e"}), ("candidate, q=zzzq", {"status": "candidate", "q": "zzzq"}),
           ("candidate, lang=en", {"status": "candidate", "lang": "en"}), ("candidate, score ≥ 0.5", {"status": "candidate", "min_score": 0.5})]


def median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--caps", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    caps = [int(cap) for cap in args.caps.split(",")]
    with open_store(args.store) as store:
        print("| filter | page ms | " + " | ".join(f"count to {cap:,} ms" for cap in caps) + " | total |")
        print("|---|---|" + "---|" * len(caps) + "---|")
        for label, chosen in FILTERS:
            given = {"status": None, "q": None, "min_score": None, "document": None, "lang": None, **chosen}
            counted = {"statuses": [given["status"]] if given["status"] else [], "text": given["q"],
                       "min_score": given["min_score"], "lang": given["lang"]}
            page = median_ms(lambda: entries_page(store, **given, offset=0, limit=10), args.runs)
            counts = [median_ms(lambda cap=cap: api.count_entries(store, **counted, cap=cap), args.runs) for cap in caps]
            total = api.count_entries(store, **counted, cap=max(caps))
            print(f"| {label} | {page:.0f} | " + " | ".join(f"{c:.0f}" for c in counts) + f" | {total:,} |")


if __name__ == "__main__":
    main()
