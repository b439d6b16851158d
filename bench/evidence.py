"""Evidence across the store: proposals under the threshold kept per document, adding up to entries.

    .venv/bin/python bench/evidence.py [--part nato|acter|speed|all] [--floors 0.5,0.3,0.25,0.2] [--held-first] [--free]
        [--set dev|test|heldout|unseen|fresh|fresh2|fresh3|all]

A floor of 0.5 (the default threshold) keeps nothing under it: the store as before this round.

- ``nato``: the seed pair, the development, test and held-out pairs (``bench/terms.py``'s sets) ingested
  one after the other into one new store, as ``tmtool ingest`` does; for each pair with a gold
  glossary, the entries its document counts in the store's glossary (its proposals) scored against
  its gold list: found, pair recall, proposals, precision (``bench/terms.py``'s metric). With
  ``--held-first``, two TransRead extracts are ingested first: each pair comes into a store that holds
  several times its words already, as the later articles of a long series do. With ``--free``, each pair
  that has a free English translation (``bench/data/terms-free/``) is ingested with it instead. ``--set``
  names one set instead (``bench/terms.py``'s: ``unseen``, ``fresh``, ``fresh2`` and ``fresh3`` are read only so,
  never in ``all``).
- ``acter``: each ACTER domain half (``bench/terms.py``'s DEV and TEST halves) fed one text at a time
  into a new store through the library (``glossary.save_document``, as ingest saves a document; the
  texts are French only, so the units have no target and the entries no English), against the half
  extracted at once (``extract_french``, what ``tmtool extract`` does). P / R / F1 of the store's
  glossary (lower-cased surface forms of every entry) against the gold terms occurring in the half.
  ACTER is read in place, never copied (CC BY-NC-SA, evaluation only).
- ``speed``: CPU seconds of ingesting the five pairs and two TransRead extracts (150 French
  sentences each) into an empty store, the model loaded first, with
  the floors of ``--floors`` alternately, ``--rounds`` times each; preparing (alignment, extraction,
  pairing: what a lower floor adds pairing work to) and saving (what keeps the evidence) apart.
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


TRANSREAD = REPO.parent / "shared" / "data" / "align" / "transread-fr-en"


def pairs_in_order(roles: tuple[str, ...] = bench_terms.ALL, free: bool = False
                   ) -> list[tuple[str, Path, Path, list[dict] | None]]:
    """(document id, French file, English file, gold glossary) of the pairs of ``roles``, in that order;
    with ``free``, the free English translation where the pair has one."""
    return [(d.name.split()[0], d.fr, _english(d, free), d.gold())
            for d in sorted(bench_terms.datasets(roles), key=lambda d: roles.index(d.role))]


def _english(dataset, free: bool) -> Path:
    translation = bench_terms.FREE_TERMS / dataset.name / f"{dataset.name}.en.txt"
    return translation if free and translation.is_file() else dataset.en


def ingest_all(store_path: Path, floor: float, pairs: list | None = None) -> tuple[float, float]:
    """Ingest every pair (``pairs``, else :func:`pairs_in_order`) into a new store with evidence kept
    from ``floor``, as ``ingest_pair`` does; CPU seconds spent preparing the pairs (alignment,
    extraction, pairing) and saving them."""
    ingest.EVIDENCE_FLOOR = floor
    prepare = save = 0.0
    with open_store(store_path, create=True) as store:
        for name, fr, en, _ in pairs or pairs_in_order():
            started = time.process_time()
            prepared = ingest.prepare_pair(store, fr, en, document_id=name)
            middle = time.process_time()
            ingest.save_prepared(store, prepared)
            prepare, save = prepare + middle - started, save + time.process_time() - middle
    return prepare, save


def nato_table(floors: list[float], held_first: bool = False, free: bool = False,
               chosen: tuple[str, ...] = bench_terms.ALL) -> None:
    roles = {d.name: d.role for d in bench_terms.datasets(chosen)}
    print("| floor | pair | set | proposals | found | pair recall | precision | entries in the store |")
    print("|---|---|---|---|---|---|---|---|")
    for floor in floors:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "s.db"
            pairs = pairs_in_order(chosen, free)
            ingest_all(path, floor, (transread_extracts(Path(folder)) if held_first else []) + pairs)
            sums: dict[str, list[int]] = {}  # set → pairs right, proposals, gold entries
            with open_store(path) as store:
                total = len(store.list_entries())
                for name, _, _, gold in pairs:
                    if gold is None:
                        continue
                    entries = list(store.entries(store.document_entry_ids(name), contexts=0).values())
                    r = bench_terms.score(entries, gold)
                    print(f"| {floor} | {name} | {roles[name]} | {len(entries)} | {r['found']:.2f} "
                          f"| {r['pair_recall']:.2f} | {r['precision']:.2f} | {total} |")
                    sums.setdefault(roles[name], [0, 0, 0])
                    for k, value in enumerate((round(r["pair_recall"] * len(gold)), len(entries), len(gold))):
                        sums[roles[name]][k] += value
            for role, (right, proposals, size) in sums.items():
                print(f"| {floor} | all | {role} | {proposals} | | {right / size:.2f} ({right} / {size}) | | {total} |")


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


def transread_extracts(folder: Path, lines: int = 150) -> list[tuple[str, Path, Path, None]]:
    """The first ``lines`` French sentences of two TransRead books and the English lines in proportion,
    written as pairs in ``folder``: longer documents than the NATO pairs, for the speed measure."""
    pairs = []
    for book in ("Candide", "VingtMilleLieuesSousLesMers"):
        sides = {lang: (TRANSREAD / lang / f"{book}.txt").read_text(encoding="utf-8").splitlines()
                 for lang in ("fr", "en")}
        share = lines / len(sides["fr"])
        for lang, text in sides.items():
            (folder / f"{book}.{lang}.txt").write_text("\n".join(text[:round(len(text) * share)]) + "\n",
                                                       encoding="utf-8")
        pairs.append((book, folder / f"{book}.fr.txt", folder / f"{book}.en.txt", None))
    return pairs


def speed(floors: list[float], rounds: int) -> None:
    print("| round | floor | CPU s preparing the pairs | CPU s saving them |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as documents:
        # the five pairs the speed figures were first measured on, so that they stay comparable
        pairs = pairs_in_order(("seed", "dev", "test")) + transread_extracts(Path(documents))
        for round_number in range(1, rounds + 1):
            for floor in floors:
                with tempfile.TemporaryDirectory() as folder:
                    prepare, save = ingest_all(Path(folder) / "s.db", floor, pairs)
                    print(f"| {round_number} | {floor} | {prepare:.2f} | {save:.3f} |")


def _sets(value: str) -> tuple[str, ...]:
    """``--set``: one of ``bench/terms.py``'s, or several of its sets' names, comma-separated."""
    names = value.split(",")
    if len(names) == 1:
        if value not in bench_terms.SET_CHOICES:
            raise argparse.ArgumentTypeError(f"{value}: not one of {', '.join(bench_terms.SET_CHOICES)}")
        return bench_terms.roles(value)
    unknown = [n for n in names if n not in bench_terms.SETS]
    if unknown:
        raise argparse.ArgumentTypeError(f"{', '.join(unknown)}: not a set ({', '.join(bench_terms.SETS)})")
    return tuple(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("nato", "acter", "speed", "all"), default="all")
    parser.add_argument("--floors", default="0.5,0.3,0.25,0.2",
                        help="comma-separated evidence floors; 0.5 keeps nothing under the threshold")
    parser.add_argument("--held-first", action="store_true",
                        help="nato: two TransRead extracts ingested before the pairs (a store holding more)")
    parser.add_argument("--free", action="store_true",
                        help="nato: pairs with a free English translation (bench/data/terms-free/) ingested with it")
    parser.add_argument("--rounds", type=int, default=3, help="speed: times each floor is measured")
    parser.add_argument("--set", type=_sets, default="all",
                        help="nato: the pairs ingested (all: every set but unseen, fresh, fresh2 and fresh3), or several "
                             "sets into one store, comma-separated (dev,test,heldout,unseen,fresh,fresh2)")
    args = parser.parse_args()
    floors = [float(f) for f in args.floors.split(",")]
    load_model()
    if args.part in ("nato", "all"):
        nato_table(floors, args.held_first, args.free, args.set)
    if args.part in ("acter", "all"):
        acter_table(floors)
    if args.part in ("speed", "all"):
        speed(floors, args.rounds)


if __name__ == "__main__":
    main()
