"""What approving an entry costs once many documents are stored: the entry is counted in the stored documents
the word index finds its words in (``glossary.count_queued``), not read document by document.

``python bench/approve_count.py [--memory 100000] [--documents 1000] [--units 100] [--db URL]``: a store holding
``--memory`` imported units (bench/scale.py's memory, built once in --work) and ``--documents`` stored documents
of ``--units`` synthetic French–English units each (bench/memory_gen.py, other sentences than the memory's), then
candidates approved one at a time: terms in no unit, a few and many, and one written with œ, which a text may spell
out (*œuvre*, *oeuvre*: both asked). Prints wall and CPU seconds of each approval, the documents read and the
count it gained. ``--db postgresql://…`` builds the store there instead (the memory then left out: SQLite's copy
is what --memory builds).

Then a file of ``--import-approved`` approved entries (the commonest two-word runs of the stored documents' French,
each in many documents) is imported, with another process adding an entry to the store ``--writer-after`` seconds
into the import: it prints the import's wall and CPU seconds and how long that writer waited, or its error. Since
approve27 the documents are counted after the change commits, ``glossary.COUNT_BATCH`` documents a transaction.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
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
    parser.add_argument("--import-approved", type=int, default=300)
    parser.add_argument("--writer-after", type=float, default=3.0)
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
    french: list[str] = []  # the documents' French sentences
    with open_store(url, create=True) as store:
        start = time.perf_counter()
        for number in range(args.documents):
            name = f"doc-{number:05d}"
            units = [Unit(fr, en, "fr-FR", "en-GB", tuid=f"{name}-{k}") for k, (fr, en) in
                     zip(range(args.units), pairs)]
            french += [unit.source for unit in units]
            store.replace_document(DocumentRecord(name, f"{name}.fr.txt", f"{name}.en.txt", name, name, "fr-FR", "en-GB"),
                                   units)
        print(f"{args.documents:,} documents of {args.units} units stored in {time.perf_counter() - start:.1f} s;"
              f" {store.unit_count():,} units in all")
        terms = args.work / "approve.csv"
        terms.write_text("fr,en,status\n" + "".join(f"{fr},{en},candidate\n" for _, fr, en in APPROVED), encoding="utf-8")
        api.import_file(store, terms)
        held = _timing_transactions(store)
        print("| term | documents read | wall (s) | CPU (s) | longest write transaction (s) | frequency after |")
        print("|---|---|---|---|---|---|")
        for label, fr, _ in APPROVED:
            (entry,) = [e for e in api.entries(store, limit=100) if any(t["text"] == fr for t in e["terms"])]
            read = []
            counting = glossary._count_again_in  # once a document the entry is counted in
            glossary._count_again_in = lambda *args, **kwargs: read.append(1) or counting(*args, **kwargs)
            wall, cpu = time.perf_counter(), time.process_time()
            held.clear()
            api.approve(store, [entry["id"]])
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            glossary._count_again_in = counting
            print(f"| {label}: *{fr}* | {len(read):,} | {wall:.2f} | {cpu:.2f} | {max(held):.2f} |"
                  f" {api.entry(store, entry['id'])['frequency']} |")
        if args.import_approved:
            runs = Counter(run for fr in french for words in [re.findall(r"[^\W\d_]{4,}", fr)]
                           for run in zip(words, words[1:]))
            approved = args.work / "approved.csv"
            approved.write_text("fr,en,status\n" + "".join(f"{a} {b},term {n},approved\n" for n, ((a, b), _) in
                                                           enumerate(runs.most_common(args.import_approved))),
                                encoding="utf-8")
            writer = subprocess.Popen([sys.executable, "-c", WRITER, url, str(args.writer_after)], stdout=subprocess.PIPE,
                                      text=True)
            wall, cpu = time.perf_counter(), time.process_time()
            api.import_file(store, approved)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            frequencies = sum(e["frequency"] for e in api.entries(store, limit=10_000, statuses=["approved"]))
            print(f"import of {args.import_approved} approved entries: {wall:.1f} s wall, {cpu:.1f} s CPU; the approved"
                  f" entries' frequencies sum to {frequencies:,}; a second writer {args.writer_after:g} s in:"
                  f" {writer.communicate()[0].strip()}")


def _timing_transactions(store) -> list[float]:
    """The store's outermost write transactions timed from now on (how long another writer may wait): their
    durations, appended as each ends."""
    held: list[float] = []
    transaction, depth = store.transaction, [0]

    @contextmanager
    def timed():
        depth[0] += 1
        start = time.perf_counter()
        try:
            with transaction():
                yield
        finally:
            depth[0] -= 1
            if not depth[0]:
                held.append(time.perf_counter() - start)

    store.transaction = timed
    return held


# another process adding an entry: how long it waited for the store, or the error it got
WRITER = """
import sys, time
from tmtool import api, glossary, open_store
from tmtool.errors import TmtoolError
time.sleep(float(sys.argv[2]))
start = time.perf_counter()
try:
    with open_store(sys.argv[1]) as store, store.transaction():  # a write, as any other process's
        store.insert_entry(glossary.new_entry(["terme du second"], ["second writer's term"]), reviewed=True)
    print(f"added after {time.perf_counter() - start:.1f} s")
except TmtoolError as error:
    print(f"failed after {time.perf_counter() - start:.1f} s: {error}")
"""


if __name__ == "__main__":
    main()
