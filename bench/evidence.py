"""Evidence across the store: proposals under the threshold kept per document, adding up to entries.

    .venv/bin/python bench/evidence.py [--part nato|acter|speed|all] [--floors 0.5,0.3,0.25,0.2]

A floor of 0.5 (the default threshold) keeps nothing under it: the store as before this round.

- ``nato``: the seed pair, the development pairs and the test pairs (``bench/terms.py``'s sets) ingested
  one after the other into one new store, as ``tmtool ingest`` does; for each pair with a gold
  glossary, the entries its document counts in the store's glossary (its proposals) scored against
  its gold list: found, pair recall, proposals, precision (``bench/terms.py``'s metric).
- ``acter``: each ACTER domain half (``bench/terms.py``'s DEV and TEST halves) fed one text at a time
  into a new store through the library (``glossary.save_document``, as ingest saves a document; the
  texts are French only, so the units have no target and the entries no English), against the half
  extracted at once (``extract_french``, what ``tmtool extract`` does). P / R / F1 of the store's
  glossary (lower-cased surface forms of every entry) against the gold terms occurring in the half.
  ACTER is read in place, never copied (CC BY-NC-SA, evaluation only).
- ``speed``: CPU seconds of ingesting the five pairs into an empty store, the model loaded first, with
  the floors of ``--floors`` alternately, twice each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import terms as bench_terms  # noqa: E402  (bench/terms.py: the sets, the metric, ACTER's halves)

from tmtool import glossary, ingest  # noqa: E402
from tmtool.model import Unit  # noqa: E402
from tmtool.store import DocumentRecord, open_store  # noqa: E402
from tmtool.terms import DEFAULT_THRESHOLD  # noqa: E402
from tmtool.terms.extract import analyse_french, rank_entries  # noqa: E402
from tmtool.terms.french import load_model  # noqa: E402


def pairs_in_order() -> list[tuple[str, Path, Path, list[dict] | None]]:
    """(document id, French file, English file, gold glossary): the seed, then dev, then test pairs."""
    found = [("seed", bench_terms.SEED.with_suffix(".fr.txt"), bench_terms.SEED.with_suffix(".en.txt"), None)]
    found += [(d.name, d.fr, d.en, d.gold()) for d in bench_terms.datasets()]
    return found


def ingest_all(store_path: Path, floor: float) -> float:
    """Ingest every pair into a new store with evidence kept from ``floor``; CPU seconds spent."""
    ingest.EVIDENCE_FLOOR = floor
    spent = 0.0
    with open_store(store_path, create=True) as store:
        for name, fr, en, _ in pairs_in_order():
            started = time.process_time()
            ingest.ingest_pair(store, fr, en, document_id=name)
            spent += time.process_time() - started
    return spent


def nato_table(floors: list[float]) -> None:
    roles = {d.name: d.role for d in bench_terms.datasets()}
    print("| floor | pair | set | proposals | found | pair recall | precision | entries in the store |")
    print("|---|---|---|---|---|---|---|---|")
    for floor in floors:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "s.db"
            ingest_all(path, floor)
            with open_store(path) as store:
                total = len(store.list_entries())
                for name, _, _, gold in pairs_in_order():
                    if gold is None:
                        continue
                    entries = list(store.entries(store.document_entry_ids(name), contexts=0).values())
                    r = bench_terms.score(entries, gold)
                    print(f"| {floor} | {name} | {roles[name]} | {len(entries)} | {r['found']:.2f} "
                          f"| {r['pair_recall']:.2f} | {r['precision']:.2f} | {total} |")


def acter_table(floors: list[float]) -> None:
    print("| domain | half | texts | way | entries | P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for domain in bench_terms.ACTER_DOMAINS:
        gold_all = bench_terms.acter_gold(domain)
        halves = bench_terms.acter_halves(domain)
        for half in ("dev", "test"):
            sentences = halves[half]
            gold = bench_terms.occurring(gold_all, sentences)
            documents: dict[str, list] = {}
            for context in sentences:
                texts = documents.setdefault(context.document, [])
                context.unit = f"{context.document}:{len(texts)}"  # a context cites its unit
                texts.append(context)
            head = f"| {domain} | {half} | {len(documents)}"
            at_once = rank_entries(analyse_french(sentences), sentences, top=None, threshold=DEFAULT_THRESHOLD)
            print(f"{head} | all at once | {len(at_once)} | {bench_terms.prf(surface(at_once), gold)} |")
            # each text analysed once; the floors only choose which of its proposals are kept
            proposed = {name: rank_entries(analyse_french(texts), texts, top=None, threshold=min(floors))
                        for name, texts in documents.items()}
            for floor in floors:
                entries = one_at_a_time(documents, proposed, floor)
                print(f"{head} | one at a time, floor {floor} | {len(entries)} | "
                      f"{bench_terms.prf(surface(entries), gold)} |")


def one_at_a_time(documents: dict[str, list], proposed: dict[str, list], floor: float) -> list:
    """The glossary of a new store fed the texts one at a time (French only: units without target)."""
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "s.db", create=True) as store:
        for name, texts in documents.items():
            units = [Unit(c.fr, "", "fr-FR", "en-GB", tuid=c.unit) for c in texts]
            record = DocumentRecord(name, name, name, name, name, "fr-FR", "en-GB")
            entries = [e for e in proposed[name] if e.score >= floor]
            glossary.save_document(store, record, units, [e for e in entries if e.score >= DEFAULT_THRESHOLD],
                                   [e for e in entries if e.score < DEFAULT_THRESHOLD])
        return store.list_entries()


def surface(entries: list) -> set[str]:
    return {f.lower() for e in entries for t in e.terms_in("fr") for f in (t.text, *t.forms)}


def speed(floors: list[float]) -> None:
    print("| round | floor | CPU s, five pairs into an empty store |")
    print("|---|---|---|")
    for round_number in (1, 2):
        for floor in floors:
            with tempfile.TemporaryDirectory() as folder:
                print(f"| {round_number} | {floor} | {ingest_all(Path(folder) / 's.db', floor):.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("nato", "acter", "speed", "all"), default="all")
    parser.add_argument("--floors", default="0.5,0.3,0.25,0.2",
                        help="comma-separated evidence floors; 0.5 keeps nothing under the threshold")
    args = parser.parse_args()
    floors = [float(f) for f in args.floors.split(",")]
    load_model()
    if args.part in ("nato", "all"):
        nato_table(floors)
    if args.part in ("acter", "all"):
        acter_table(floors)
    if args.part in ("speed", "all"):
        speed(floors)


if __name__ == "__main__":
    main()
