"""The store at scale: TMX import/export, fuzzy search and ingest on 100,000 and 1,000,000 units,
beside translate-toolkit doing the same jobs.

    nice .venv/bin/python bench/scale.py [--sizes 100000 1000000] [--work /tmp/tmtool-scale]
                                             [--jobs transfer search ingest] [--lang fr]

The ingest curve (size 0: an empty store): ``--sizes 0 1000 100000 1000000 --jobs ingest``.

Memories come from ``bench/memory_gen.py`` (real pairs with the variation of real memories). Each
size's TMX file and store are built once under ``--work`` and reused; the import row is measured
when the store is built and kept beside it (``.import.json``). Every timed job runs in a process of
its own: wall time includes interpreter start-up and imports, CPU is user + system, peak memory is
the process's maximum resident size (GNU time). The machine is shared, so CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from measure import measured  # noqa: E402
from memory_gen import generate_units  # noqa: E402
from tmtool.model import Unit  # noqa: E402

PYTHON = sys.executable
QUERIES = 200  # edited queries checked against an exhaustive scan
CLI_CALLS = QUERIES  # `tmtool tm search` processes timed: every sampled query
CLI_TARGET = 0.5  # seconds a command-line search may take, start-up included
TT_QUERIES = 20  # translate-toolkit's matcher is pure Python: fewer queries
MIN_SCORE = 70
JOBS = ("transfer", "search", "ingest")


def python(code: str, *args: str) -> dict:
    return measured([PYTHON, "-c", code, *args])


def tmtool(*args: str) -> dict:
    return measured([PYTHON, "-m", "tmtool.cli", *args])


READ_TMTOOL = """
import sys
from tmtool.formats.tmx import read_tmx
print(sum(1 for u in read_tmx(sys.argv[1]) if u.source and u.target))
"""
READ_TT = """
import sys
from translate.storage.tmx import tmxfile
store = tmxfile.parsefile(sys.argv[1])
print(sum(1 for u in store.units if u.source and u.target))
"""
# the floor of any import that indexes: SQLite rebuilding the store's two FTS5 indexes from the
# stored texts, nothing else (on a copy of the store)
REBUILD_INDEXES = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
for index in ("units_fts", "units_grams"):
    connection.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
"""
# the pairs are read from the store first (not timed); the job timed is building and writing the file
WRITE_TT = """
import sqlite3, sys, time
from translate.storage.tmx import tmxfile
pairs = sqlite3.connect(sys.argv[1]).execute("SELECT source, target FROM units ORDER BY id").fetchall()
wall, cpu = time.perf_counter(), time.process_time()
store = tmxfile(sourcelanguage="fr-FR", targetlanguage="en-GB")
for source, target in pairs:
    store.addtranslation(source, "fr-FR", target, "en-GB")
with open(sys.argv[2], "wb") as out:
    store.serialize(out)
print(time.perf_counter() - wall, time.process_time() - cpu)
"""


def build(size: int, work: Path) -> tuple[Path, Path]:
    """The TMX file and the store of a size, made once; the store's import is measured then."""
    from tmtool.formats.tmx import write_tmx

    tmx, db = work / f"mem-{size}.tmx", work / f"mem-{size}.db"
    if not tmx.exists():
        write_tmx((Unit(fr, en, "fr-FR", "en-GB") for fr, en in generate_units(size)), tmx, srclang="fr-FR")
    if not db.exists():
        result = tmtool("--db", str(db), "import", str(tmx))
        Path(f"{db}.import.json").write_text(json.dumps(result))
    return tmx, db


def transfer_rows(size: int, tmx: Path, db: Path, work: Path, peers: bool) -> list[tuple]:
    imported = json.loads(Path(f"{db}.import.json").read_text())
    rows = [("tmtool read_tmx (library)", python(READ_TMTOOL, str(tmx))),
            ("tmtool import (into a new store)", imported),
            ("tmtool export tmx", tmtool("--db", str(db), "export", "tmx", "-o", str(work / "export.tmx")))]
    if peers:
        rows.insert(1, ("translate-toolkit tmxfile read", python(READ_TT, str(tmx))))
        shutil.copyfile(db, work / "rebuild.db")
        rows.insert(3, ("of which FTS5 indexing (SQLite rebuilding both indexes)",
                        python(REBUILD_INDEXES, str(work / "rebuild.db"))))
        (work / "rebuild.db").unlink()
        written = python(WRITE_TT, str(db), str(work / "tt-export.tmx"))
        wall, cpu = map(float, written["out"].split())
        rows.append(("translate-toolkit tmxfile write (build + serialize)", {**written, "wall": wall, "cpu": cpu}))
    return [(size, label, r) for label, r in rows]


def edit_query(text: str, rng: random.Random) -> str:
    """What a translator searches with: a revised sentence — words replaced or dropped, a number
    changed, a few typing slips."""
    words = text.split()
    for _ in range(rng.randint(1, max(1, len(words) // 8))):
        i = rng.randrange(len(words))
        if rng.random() < 0.5 and len(words) > 3:
            del words[i]
        else:
            words[i] = rng.choice(["OTAN", "2024", "ainsi", "nouveau", "général", "très", "leurs"])
    chars = list(" ".join(words))
    for _ in range(rng.randint(0, 3)):
        chars[rng.randrange(len(chars))] = rng.choice("aeiouns")
    return "".join(chars)


def search_rows(size: int, db: Path, work: Path, rng: random.Random, peers: bool, lang: str) -> list[tuple]:
    """tmtool's index against an exhaustive scan (and translate-toolkit's matcher) on the same
    sampled queries, each system in a process of its own; then every query as a `tmtool tm search`
    process; tmtool searching the sides in ``lang`` (the memory's French is its sources)."""
    with sqlite3.connect(db) as connection:
        sources = [s for s, in connection.execute("SELECT source FROM units WHERE length(source) >= 30 ORDER BY id")]
    queries = [edit_query(s, rng) for s in rng.sample(sources, QUERIES)]
    del sources
    query_file = work / f"queries-{size}.json"
    query_file.write_text(json.dumps(queries, ensure_ascii=False))
    runs = {job: measured([PYTHON, __file__, "--child", job, str(db), str(query_file), lang])
            for job in ("index", "scan", *(["tt"] if peers else []))}
    results = {job: json.loads(run["out"]) for job, run in runs.items()}
    expected = results["scan"]["best"]
    agree = sum(found == best for found, best in zip(results["index"]["best"], expected))
    answered = sum(best is not None for best in expected)
    calls = [measured([PYTHON, "-m", "tmtool.cli", "--db", str(db), "tm", "search", "--limit", "1", "--lang", lang,
                       "--", query],
                      ok=(0, 1))  # 1: no match, an answer too
             for query in queries[:CLI_CALLS]]
    walls = [call["wall"] for call in calls]
    slow = sum(wall > CLI_TARGET for wall in walls)
    rows = [("tmtool tm search (whole process)", {
                "wall": statistics.median(walls), "max": max(walls), "peak_mib": max(c["peak_mib"] for c in calls),
                "note": f"{slow}/{len(calls)} calls over {CLI_TARGET} s"}),
            ("tmtool search_memory (one process, 200 queries)", {
                **_latency(runs["index"], results["index"]["seconds"]),
                "cpu": statistics.median(results["index"]["cpu"]),
                "agree": f"{agree}/{QUERIES} ({answered} with a match ≥ {MIN_SCORE} %)"}),
            ("rapidfuzz exhaustive scan (one process, every text in memory)",
             _latency(runs["scan"], results["scan"]["seconds"]))]
    if peers:
        tt = results["tt"]
        tt_agree = sum(found == best for found, best in zip(tt["best"], expected))
        rows.append(("translate-toolkit matcher (one process)", {
            **_latency(runs["tt"], tt["seconds"]), "build": tt["build"],
            "agree": f"{tt_agree}/{len(tt['best'])}"}))
    return [(size, label, row) for label, row in rows]


def _latency(run: dict, seconds: list[float]) -> dict:
    """A search row: median and slowest query, the process's peak memory."""
    return {"wall": statistics.median(seconds), "max": max(seconds), "peak_mib": run["peak_mib"]}


def child_job(job: str, db: str, query_file: str, lang: str) -> None:
    """In a child process: run one system over the queries, print each query's seconds (and CPU
    seconds, tmtool's) and best score."""
    from tmtool.text.normalize import normalize_for_match

    queries = json.loads(Path(query_file).read_text())
    seconds, cpu, best = [], [], []
    if job == "index":
        from tmtool.search import search_memory
        from tmtool.store import open_store

        with open_store(db, create=True) as store:
            for query in queries:
                start, started = time.perf_counter(), time.process_time()
                hits = search_memory(store, query, min_score=MIN_SCORE, limit=1, lang=lang)
                seconds.append(time.perf_counter() - start)
                cpu.append(time.process_time() - started)
                best.append(hits[0].score if hits else None)
        print(json.dumps({"seconds": seconds, "cpu": cpu, "best": best}))
        return
    with sqlite3.connect(db) as connection:
        stored = [text for text, in connection.execute("SELECT match_text FROM units ORDER BY id")]
    if job == "scan":
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        for query in queries:
            start = time.perf_counter()
            hit = process.extractOne(normalize_for_match(query), stored,
                                     scorer=Levenshtein.normalized_similarity, score_cutoff=MIN_SCORE / 100)
            seconds.append(time.perf_counter() - start)
            best.append(round(hit[1] * 100, 1) if hit else None)
        print(json.dumps({"seconds": seconds, "best": best}))
        return
    # translate-toolkit's TM matcher (``translate.search.match.matcher``), its defaults but the minimum
    from translate.search.match import matcher
    from translate.storage.base import TranslationStore, TranslationUnit

    from tmtool.search import similarity

    memory = TranslationStore()
    for text in stored:
        unit = TranslationUnit(text)
        unit.target = text
        memory.addunit(unit)
    start = time.perf_counter()
    tm = matcher(memory, max_candidates=1, min_similarity=MIN_SCORE)
    built = time.perf_counter() - start
    for query in queries[:TT_QUERIES]:
        folded = normalize_for_match(query)
        start = time.perf_counter()
        hits = tm.matches(folded)
        seconds.append(time.perf_counter() - start)
        best.append(round(similarity(folded, hits[0].source), 1) if hits else None)
    print(json.dumps({"seconds": seconds, "best": best, "build": built}))


INGEST = """
import multiprocessing, resource, sys, time
from pathlib import Path
from tmtool.ingest import ingest_pair
from tmtool.store import open_store
from tmtool.terms.french import load_model
start = time.perf_counter()
load_model()  # kept apart from the throughput, with the English tagger, the dictionary and word frequencies
from tmtool.terms.dictionary import translations
from tmtool.text.en import noun_phrases
from wordfreq import zipf_frequency
translations(), noun_phrases("Loaded."), zipf_frequency("le", "fr")
loaded = time.perf_counter() - start
pairs = [Path(p) for p in sys.argv[2:]]
with open_store(sys.argv[1], create=True) as store:
    start, cpu, sentences = time.perf_counter(), time.process_time(), 0
    for fr, en in zip(pairs[::2], pairs[1::2]):
        sentences += ingest_pair(store, fr, en).units
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
# the parse worker's CPU counts too (tmtool.terms.french.analysing): ended here, it is a child's
for child in multiprocessing.active_children():
    child.terminate()
    child.join()
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(loaded, wall, cpu + children.ru_utime + children.ru_stime, sentences)
"""


def ingest_documents(work: Path) -> list[Path]:
    """The seed, the terminology pairs and a long document (the first 400 lines of two TransRead
    books, one sentence a line), French and English in turn."""
    documents = [REPO / "seeds" / "2021-07-13-partners-meeting.fr.txt", REPO / "seeds" / "2021-07-13-partners-meeting.en.txt"]
    for folder in sorted((REPO.parent / "shared" / "data" / "terms").iterdir()):
        if (folder / f"{folder.name}.fr.txt").exists():
            documents += [folder / f"{folder.name}.fr.txt", folder / f"{folder.name}.en.txt"]
    books = REPO.parent / "shared" / "data" / "align" / "transread-fr-en"
    for book in ("Candide", "Emma"):
        for lang in ("fr", "en"):
            path = work / f"{book}.{lang}.txt"
            path.write_text("\n".join((books / lang / f"{book}.txt").read_text(encoding="utf-8").splitlines()[:400]),
                            encoding="utf-8")
            documents.append(path)
    return documents


def ingest_row(size: int, db: Path | None, work: Path) -> tuple:
    """Ingest the documents of ``ingest_documents`` into a copy of the store (the memory weighs in
    term extraction; no store: into an empty one), the models' load apart."""
    copy = work / f"ingest-{size}.db"
    copy.unlink(missing_ok=True)
    if db:
        shutil.copy(db, copy)
    documents = ingest_documents(work)
    result = python(INGEST, str(copy), *map(str, documents))
    copy.unlink()
    loaded, seconds, cpu, sentences = result["out"].split()
    return (size, f"tmtool ingest ({len(documents) // 2} documents, terms on)", {
        "wall": float(seconds), "cpu": float(cpu), "peak_mib": result["peak_mib"],
        "note": f"{int(sentences) / float(seconds):.1f} sentences/s, {int(sentences) / float(cpu):.1f} per CPU-second, "
                f"model load {float(loaded):.1f} s apart"})


def print_header() -> None:
    print("| units | job | wall (s) | CPU (s) | peak memory (MiB) | notes |")
    print("|---|---|---|---|---|---|", flush=True)


def print_rows(rows: list[tuple]) -> None:
    for size, label, r in rows:
        notes = "; ".join(f"{k} {r[k] if isinstance(r[k], str) else round(r[k], 3)}"
                          for k in ("max", "build", "agree", "note") if k in r)
        cells = [f"{r[k]:.3f}" if k in r else "—" for k in ("wall", "cpu")]
        peak = f"{r['peak_mib']:.0f}" if "peak_mib" in r else "—"
        print(f"| {size:,} | {label} | {cells[0]} | {cells[1]} | {peak} | {notes} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-scale"))
    parser.add_argument("--peers-up-to", type=int, default=100_000,
                        help="run translate-toolkit on memories up to this size (it holds the whole file in memory)")
    parser.add_argument("--jobs", nargs="+", choices=JOBS, default=JOBS)
    parser.add_argument("--lang", default="auto", help="search the sides in this language (tm search --lang)")
    parser.add_argument("--child", nargs=4, metavar=("JOB", "DB", "QUERIES", "LANG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_job(*args.child)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print_header()
    for size in args.sizes:
        if not size:  # an empty store: ingest only
            if "ingest" in args.jobs:
                print_rows([ingest_row(0, None, args.work)])
            continue
        tmx, db = build(size, args.work)
        peers = size <= args.peers_up_to
        if "transfer" in args.jobs:
            print_rows(transfer_rows(size, tmx, db, args.work, peers))
        if "search" in args.jobs:
            print_rows(search_rows(size, db, args.work, random.Random(size), peers, args.lang))
        if "ingest" in args.jobs:
            print_rows([ingest_row(size, db, args.work)])
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
