"""What approving an entry costs once many documents are stored: the entry is counted in the stored documents
the word index finds its words in (``glossary.count_approved_again``), not read document by document.

``python bench/approve_count.py [--memory 100000] [--documents 1000] [--units 100] [--db URL]``: a store holding
``--memory`` imported units (bench/scale.py's memory, built once in --work) and ``--documents`` stored documents
of ``--units`` synthetic French–English units each (bench/memory_gen.py, other sentences than the memory's), then
candidates approved one at a time: terms in no unit, a few and many, and one written with œ, which a text may spell
out (*œuvre*, *oeuvre*: both asked). Prints wall and CPU seconds of each approval, the documents read and the
count it gained. ``--db postgresql://…`` builds the store there instead (the memory then left out: SQLite's copy
is what --memory builds).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory_gen import generate_units  # noqa: E402
from tmtool import api, glossary, open_store  # noqa: E402
from tmtool.model import Unit  # noqa: E402
from tmtool.store.records import DocumentRecord  # noqa: E402

APPROVED = [("in no unit", "Comité des plans de défense", "Defence Planning Committee"),
            ("in a few units", "engins explosifs improvisés", "improvised explosive devices"),
            ("in many units", "OTAN", "NATO"),
            ("written with œ (asked as œ and oe)", "œuvre", "work")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memory", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-scale"))
    parser.add_argument("--db", help="a PostgreSQL URL (emptied first); default: a SQLite copy in --work")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.db:
        url = args.db
        with open_store(url, create=True) as store:
            store.discard()
    else:
        url = str(args.work / "approve.db")
        Path(url).unlink(missing_ok=True)
        if args.memory:
            import scale
            _, memory = scale.build(args.memory, args.work)
            shutil.copy(memory, url)
    pairs = generate_units(args.documents * args.units, seed=29)
    with open_store(url, create=True) as store:
        start = time.perf_counter()
        for number in range(args.documents):
            name = f"doc-{number:05d}"
            units = [Unit(fr, en, "fr-FR", "en-GB", tuid=f"{name}-{k}") for k, (fr, en) in
                     zip(range(args.units), pairs)]
            store.replace_document(DocumentRecord(name, f"{name}.fr.txt", f"{name}.en.txt", name, name, "fr-FR", "en-GB"),
                                   units)
        print(f"{args.documents:,} documents of {args.units} units stored in {time.perf_counter() - start:.1f} s;"
              f" {store.unit_count():,} units in all")
        terms = args.work / "approve.csv"
        terms.write_text("fr,en,status\n" + "".join(f"{fr},{en},candidate\n" for _, fr, en in APPROVED), encoding="utf-8")
        api.import_file(store, terms)
        print("| term | documents read | wall (s) | CPU (s) | frequency after |")
        print("|---|---|---|---|---|")
        for label, fr, _ in APPROVED:
            (entry,) = [e for e in api.entries(store, limit=100) if any(t["text"] == fr for t in e["terms"])]
            read = []
            counting = glossary.count_approved_again
            glossary.count_approved_again = lambda s, ids: read.append(counting(s, ids)) or read[-1]
            wall, cpu = time.perf_counter(), time.process_time()
            api.approve(store, [entry["id"]])
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            glossary.count_approved_again = counting
            print(f"| {label}: *{fr}* | {read[0]:,} | {wall:.2f} | {cpu:.2f} | {api.entry(store, entry['id'])['frequency']} |")


if __name__ == "__main__":
    main()
