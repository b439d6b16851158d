"""CPU time of the workbench's heavier requests on a large store, in-process (no server, no network).

    .venv/bin/python bench/workbench.py [--entries 100000] [--units 1000] [--views 5]

The store (built once in --work, reused): store_speed.py's synthetic glossary of --entries, all
approved, and one document of --units TransRead 1-1 sentence pairs whose term extraction counted
200 entries (100 approved ones, 100 new candidates). Measured, each as CPU seconds of this process
(``time.process_time``), the median of --views requests after one first request, then the Python
heap's peak during one more (tracemalloc, which slows what it traces, so apart):

- ``GET /documents/ID``: the document page (units side by side, terminology check, corrections);
- ``GET /api/entries?document=ID``: the first page of the entries the document counted;
- ``GET /api/export/tmx`` and ``/api/export/tbx``: the download;
- ``save_document`` again with the document's 200 proposals (the second of each pair naming the first's entry).

For an A/B, copy this file into a checkout of the commit before a change (``git worktree add``) and
run it from each checkout alternately: they share the store in --work.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from store_speed import synthetic_glossary, transread_units  # noqa: E402

from tmtool import glossary  # noqa: E402
from tmtool.model import Context, Entry, ReviewStatus, Term  # noqa: E402
from tmtool.store import DocumentRecord, open_store  # noqa: E402

DOCUMENT = "transread"


def proposals(approved: list[Entry], units) -> list[Entry]:
    """100 proposals naming approved entries, 100 new ones; each given twice (a term and its plural)."""
    made = []
    for number in range(200):
        fr = approved[number].terms_in("fr")[0].text if number < 100 else f"terme nouveau {number}"
        for text in (fr, fr + "s"):
            unit = units[number % len(units)]
            made.append(Entry([Term(text, "fr"), Term(f"new term {number}", "en")], frequency=2, score=0.5,
                              contexts=[Context(unit.source, unit.target, DOCUMENT, unit.tuid)]))
    return made


def build(db: Path, size: int, length: int) -> None:
    entries = synthetic_glossary(size, random.Random(13))
    for entry in entries:
        entry.status = ReviewStatus.APPROVED
    units = transread_units()[:length]
    for number, unit in enumerate(units, 1):
        unit.tuid = f"{DOCUMENT}:{number}"
        unit.props = {"x-bead": "1-1", "x-confidence": "0.900"}
    with open_store(db, create=True) as store:
        glossary.import_entries(store, entries, "bench")
        record = DocumentRecord(DOCUMENT, "t.fr.txt", "t.en.txt", "a", "b", "fr-FR", "en-GB")
        glossary.save_document(store, record, units, proposals(entries, units))


def cpu(call, views: int) -> tuple[float, float]:
    """CPU seconds of the first call, then the median of ``views`` more."""
    times = []
    for _ in range(views + 1):
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return times[0], statistics.median(times[1:])


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--views", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-workbench-bench"))
    return parser.parse_args()



def main() -> None:
    import tmtool

    args = arguments()
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / f"workbench-{args.entries}-{args.units}.db"
    if not db.exists():
        build(db, args.entries, args.units)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient
    from tmtool.web.app import create_app

    http = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    print(f"tmtool from {Path(tmtool.__file__).parent}; {args.entries} approved entries, a document of {args.units} units")
    print(f"{'request':<40}{'first cpu s':>12}{'median cpu s':>14}{'py peak MiB':>13}")

    def get(url: str, **params):
        response = http.get(url, params=params)
        assert response.status_code == 200, response.text[:300]
        return response

    rows = [("GET /documents/ID (the page)", lambda: get(f"/documents/{DOCUMENT}")),
            ("GET /api/entries?document=ID", lambda: get("/api/entries", document=DOCUMENT, limit=20)),
            ("GET /api/export/tmx", lambda: get("/api/export/tmx")),
            ("GET /api/export/tbx", lambda: get("/api/export/tbx"))]
    for label, call in rows:
        first, median = cpu(call, args.views)
        tracemalloc.start()
        call()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"{label:<40}{first:>12.3f}{median:>14.3f}{peak:>13.1f}")

    with open_store(db) as store:
        approved = store.list_entries(statuses=[ReviewStatus.APPROVED], limit=100)
        units = [stored.unit for stored in store.document_units(DOCUMENT)]
        record = store.document(DOCUMENT)

        def again():
            glossary.save_document(store, record, units, proposals(approved, units))

        first, median = cpu(again, args.views)
    print(f"{'save_document, 400 proposals again':<40}{first:>12.3f}{median:>14.3f}")


if __name__ == "__main__":
    main()
