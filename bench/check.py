"""Speed of `tmtool check` against the size of the approved glossary: 1,000 to 100,000 entries.

    .venv/bin/python bench/check.py [--sizes 1000 10000 100000] [--work /tmp/tmtool-check-bench]

The glossary is store_speed.py's synthetic one (multi-word French/English terms of frequent words,
every tenth with an English acronym), all approved; the file checked is the TransRead 1-1 sentence
pairs as TMX (real literary text, so frequent words make many matches). Per size: the whole process
(`tmtool check FILE --format json`: wall, CPU, peak memory), and in-process the glossary's loading
and indexing, then the check of the units alone. That grows with the terms the text holds (the
synthetic terms are frequent words: more entries, more findings), not with the glossary: the last
row checks against the first size's entries plus 99,000 that never occur, and should take the
first row's time, as each text word starts one walk down the trie of terms, whatever it holds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from measure import measured  # noqa: E402
from store_speed import synthetic_glossary, transread_units  # noqa: E402

from tmtool.check import Glossary, check_units  # noqa: E402
from tmtool.formats.tmx import write_tmx  # noqa: E402
from tmtool.model import Entry, ReviewStatus, Term  # noqa: E402
from tmtool.store import Store  # noqa: E402


def store_of(size: int, work: Path) -> Path:
    db = work / f"approved-{size}.db"
    if not db.exists():
        entries = synthetic_glossary(size, random.Random(13))
        for entry in entries:
            entry.status = ReviewStatus.APPROVED
        with Store.open(db) as store:
            store.import_entries(entries, "bench")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-check-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    units = transread_units()
    tmx = args.work / "transread.tmx"
    with open(tmx, "wb") as out:
        write_tmx(units, out, srclang="fr-FR")
    words = sum(len(u.source.split()) + len(u.target.split()) for u in units)
    print(f"tmtool check on {len(units)} TransRead units ({words} words), TMX, --format json")
    print(f"{'entries':>8}{'process s':>11}{'cpu s':>8}{'peak MiB':>10}{'load+index s':>14}"
          f"{'check s':>9}{'units/s':>9}{'findings':>10}")
    for size in args.sizes:
        db = store_of(size, args.work)
        whole = measured([sys.executable, "-m", "tmtool.cli", "--db", str(db), "check", str(tmx), "--format", "json"],
                         ok=(0, 1))
        with Store.open(db) as store:
            start = time.perf_counter()
            glossary = Glossary(store.list_entries(statuses=[ReviewStatus.APPROVED]))
            loaded = time.perf_counter() - start
        start = time.perf_counter()
        report = check_units(glossary, units)
        checked = time.perf_counter() - start
        print(f"{len(glossary):>8}{whole['wall']:>11.1f}{whole['cpu']:>8.1f}{whole['peak_mib']:>10.0f}"
              f"{loaded:>14.1f}{checked:>9.1f}{len(units) / checked:>9.0f}{len(report.findings):>10}")
    with Store.open(store_of(args.sizes[0], args.work)) as store:
        entries = store.list_entries(statuses=[ReviewStatus.APPROVED])
    unseen = [Entry([Term(f"zqx{n} wqz{n}", "fr"), Term(f"qzw{n}", "en")], id=f"u{n}", status=ReviewStatus.APPROVED)
              for n in range(99_000)]
    glossary = Glossary(entries + unseen)
    start = time.perf_counter()
    report = check_units(glossary, units)
    checked = time.perf_counter() - start
    print(f"{f'{len(entries)}+99000 unseen':>22}{'':>33}{checked:>9.1f}{len(units) / checked:>9.0f}"
          f"{len(report.findings):>10}")


if __name__ == "__main__":
    main()
