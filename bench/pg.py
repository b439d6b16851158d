"""The team store: PostgreSQL beside SQLite on the same memory — import time and peak memory, fuzzy
search and look-up latency with 1, 4 and 16 concurrent clients, ingest throughput while 8 clients
search, and whether both backends find the same best unit; beside the imports, the naive way to an
equally searchable memory (translate-toolkit reads the TMX, SQLite stores the units and rebuilds the
two FTS5 indexes in bulk; up to 200k units).

    nice .venv/bin/python bench/pg.py [--sizes 100000] [--work /tmp/tmtool-pgbench] [--pg URL [--keep]]
                                      [--jobs import naive latency agree ingest] [--repeat 1]

Without ``--pg`` a throwaway cluster is started (tests/pgcluster.py: fsync off, 128 MB of shared
buffers, on this machine) and stopped at the end. Memories come from ``bench/memory_gen.py`` and the
edited queries from ``bench/scale.py``. Every client is a process of its own running a fixed number
of queries one after the other (a closed loop: a bounded load); latency is per query, in the client,
after its store is open; CPU per query is the clients' own and their PostgreSQL backends' (read
from /proc: a server on this machine). ``--keep --pg URL`` measures the stores an earlier run built
in ``--work`` and on that server again, without importing. Imports are ``tmtool import`` processes
(wall time includes start-up; peak memory is the client's — PostgreSQL's own processes work beside
it; their CPU is noted for a cluster the bench started).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench"), str(REPO / "tests")]

from measure import measured  # noqa: E402
from scale import edit_query  # noqa: E402

PYTHON = sys.executable
QUERIES = int(os.environ.get("PGBENCH_QUERIES", 200))  # fewer for a trial run
CLIENTS = (1, 4, 16)
PER_CLIENT = int(os.environ.get("PGBENCH_PER_CLIENT", 40))  # queries each client runs (16 clients: 640 queries)
SEARCHERS_DURING_INGEST = 8
MIN_SCORE = 70


def tmtool(*args: str) -> dict:
    return measured([PYTHON, "-m", "tmtool.cli", *args])


def new_database(server: str, name: str) -> str:
    """A new, empty database on the server: its URL."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return database_url(server, name)


def database_url(server: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(server)._replace(path="/" + name))


# The naive way to an equally searchable memory (issue 14's yardstick for an import): translate-toolkit
# reads the file, SQLite stores the units and builds the store's two FTS5 indexes in one bulk rebuild.
NAIVE = """
import sqlite3, sys
from translate.storage.tmx import tmxfile
from tmtool.text.normalize import normalize_for_match
units = tmxfile.parsefile(sys.argv[1]).units
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.executescript('''
CREATE TABLE units (id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, match_text TEXT NOT NULL);
CREATE VIRTUAL TABLE units_fts USING fts5(source, target, content='units', content_rowid='id',
                                          tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE units_grams USING fts5(match_text, content='units', content_rowid='id', tokenize='trigram',
                                            detail='none');
BEGIN;
''')
db.executemany("INSERT INTO units (source, target, match_text) VALUES (?, ?, ?)",
               ((u.source, u.target, normalize_for_match(u.source)) for u in units if u.source and u.target))
for index in ("units_fts", "units_grams"):
    db.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
db.execute("COMMIT")
"""
# The same naive way with a PostgreSQL server as the store: translate-toolkit reads the file, COPY loads
# the units into a table in one transaction, then the indexes SQLite's FTS5 gives are built in bulk —
# the words of each side (GIN on to_tsvector) and, for fuzzy search, trigrams (pg_trgm's GIN) unless
# argv[3] is "words" (tmtool's PostgreSQL store searches fuzzily from the words alone)
NAIVE_PG = """
import sys, psycopg
from translate.storage.tmx import tmxfile
from tmtool.text.normalize import normalize_for_match
units = tmxfile.parsefile(sys.argv[1]).units
with psycopg.connect(sys.argv[2]) as db:
    db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    db.execute("CREATE TABLE units (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, source text NOT NULL,"
               " target text NOT NULL, match_text text NOT NULL)")
    with db.cursor().copy("COPY units (source, target, match_text) FROM STDIN") as copy:
        for u in units:
            if u.source and u.target:
                copy.write_row((u.source, u.target, normalize_for_match(u.source)))
    db.execute("CREATE INDEX units_source_words ON units USING gin (to_tsvector('simple', source))")
    db.execute("CREATE INDEX units_target_words ON units USING gin (to_tsvector('simple', target))")
    if sys.argv[3] != "words":
        db.execute("CREATE INDEX units_grams ON units USING gin (match_text gin_trgm_ops)")
"""
NAIVE_MAX = 200_000  # translate-toolkit holds the whole file as a tree: 328 MB at 100k units


def cluster_cpu(cluster: Path | None) -> float | None:
    """CPU seconds the local cluster's processes have used and ended (its postmaster's children's
    rusage: a backend's time counts once its connection closes); None for a server elsewhere."""
    if cluster is None:
        return None
    postmaster = (cluster / "data" / "postmaster.pid").read_text().split()[0]
    fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime, cstime


def build(size: int, work: Path, server: str, cluster: Path | None, repeat: int,
          naive: bool, keep: bool = False) -> tuple[dict, list[tuple]]:
    """Both stores of a size, imported from the same TMX (``repeat`` times, the backends in turn,
    and the naive pipeline beside them), then the NATO seed glossary; the rows of the imports. With
    ``keep``, those an earlier run built, as they are (1M units take minutes)."""
    from memory_gen import generate_units

    from tmtool.formats.tmx import write_tmx
    from tmtool.model import Unit

    sqlite = work / f"mem-{size}.db"
    if keep:
        return {"sqlite": str(sqlite), "postgresql": database_url(server, f"bench_{size}")}, []
    tmx = work / f"mem-{size}.tmx"
    if not tmx.exists():
        write_tmx((Unit(fr, en, "fr-FR", "en-GB") for fr, en in generate_units(size)), tmx, srclang="fr-FR")
    rows = []
    for _ in range(repeat):
        sqlite.unlink(missing_ok=True)
        stores = {"sqlite": str(sqlite), "postgresql": new_database(server, f"bench_{size}")}
        for backend, url in stores.items():
            before = cluster_cpu(cluster)
            result = tmtool("--db", url, "import", str(tmx))
            if before is not None and backend == "postgresql":
                time.sleep(0.5)  # the backend's exit reaped
                result["note"] = f"server CPU {cluster_cpu(cluster) - before:.1f} s"
            rows.append((size, f"{backend}: tmtool import ({size:,} units)", result))
        if naive and size <= NAIVE_MAX:
            (work / "naive.db").unlink(missing_ok=True)
            rows.append((size, "naive: translate-toolkit read + SQLite insert + FTS5 rebuild",
                         measured([PYTHON, "-c", NAIVE, str(tmx), str(work / "naive.db")])))
            (work / "naive.db").unlink()
            for indexes in ("words", "words and trigrams"):
                url = new_database(server, f"naive_{size}")
                rows.append((size, f"naive: translate-toolkit read + PostgreSQL COPY + GIN index builds ({indexes})",
                             measured([PYTHON, "-c", NAIVE_PG, str(tmx), url, indexes.split()[-1]])))
    for url in stores.values():
        tmtool("--db", url, "import", str(REPO / "glossaries" / "nato-seeds.tbx"))
    return stores, rows


def queries(size: int, work: Path, stores: dict) -> tuple[Path, Path]:
    """200 edited sources (fuzzy search) and 200 look-up terms: the glossary's terms and words of
    the memory (found in the glossary, or only in the memory's concordance), the same for both."""
    from tmtool.store import open_store

    rng = random.Random(size)
    with open_store(stores["sqlite"]) as store:
        sources = [u.source for u in store.units() if len(u.source) >= 30]
        terms = sorted({t.text for e in store.list_entries() for t in e.terms})
    searches = [edit_query(s, rng) for s in rng.sample(sources, QUERIES)]
    words = sorted({w for s in rng.sample(sources, 400) for w in s.split() if len(w) > 5 and w.isalpha()})
    lookups = rng.sample(terms, min(len(terms), QUERIES // 2)) + rng.sample(words, QUERIES - min(len(terms), QUERIES // 2))
    search_file, lookup_file = work / f"search-{size}.json", work / f"lookup-{size}.json"
    search_file.write_text(json.dumps(searches, ensure_ascii=False))
    lookup_file.write_text(json.dumps(lookups, ensure_ascii=False))
    return search_file, lookup_file


def client(job: str, url: str, query_file: str, count: int, offset: int) -> None:
    """In a client process: run ``count`` queries (from ``offset``, round the list), print each one's
    seconds and its answer (the best unit's texts, or the look-up's first hit)."""
    from tmtool.lookup import lookup_with_memory
    from tmtool.search import search_memory
    from tmtool.store import open_store

    wanted = json.loads(Path(query_file).read_text())
    seconds, answers = [], []
    with open_store(url) as store:
        cpu = time.process_time(), backend_cpu(store)
        for i in range(count):
            query = wanted[(offset + i) % len(wanted)]
            start = time.perf_counter()
            if job == "search":
                hits = search_memory(store, query, min_score=MIN_SCORE, limit=1)
                answer = [hits[0].score, hits[0].unit.source] if hits else None
            else:
                found = lookup_with_memory(store, query, limit=5)
                answer = [len(found.hits), len(found.memory)]
            seconds.append(time.perf_counter() - start)
            answers.append(answer)
        cpu = time.process_time() - cpu[0], backend_cpu(store) - cpu[1]
    print(json.dumps({"seconds": seconds, "answers": answers, "cpu": cpu}, ensure_ascii=False))


def backend_cpu(store) -> float:
    """Seconds of CPU the store's PostgreSQL backend has used (a server on this machine), else 0."""
    pg = getattr(store, "_pg", None)
    stat = Path(f"/proc/{pg.info.backend_pid}/stat") if pg is not None else None
    if stat is None or not stat.exists():
        return 0.0
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def start_clients(job: str, url: str, query_file: Path, clients: int, per_client: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([PYTHON, __file__, "--client", job, url, str(query_file), str(per_client),
                              str(i * per_client)], stdout=subprocess.PIPE, text=True)
            for i in range(clients)]


def collect(processes: list[subprocess.Popen]) -> list[dict]:
    results = []
    for process in processes:
        out, _ = process.communicate()
        if process.returncode:
            raise SystemExit(f"a client failed ({process.args[3]})")
        results.append(json.loads(out))
    return results


def latency_rows(size: int, stores: dict, search_file: Path, lookup_file: Path) -> None:
    """Printed as they come: the whole set takes a while."""
    for job, query_file in (("search", search_file), ("lookup", lookup_file)):
        for backend, url in stores.items():
            for clients in CLIENTS:
                results = collect(start_clients(job, url, query_file, clients, PER_CLIENT))
                seconds = sorted(s for r in results for s in r["seconds"])
                client, server = (sum(r["cpu"][i] for r in results) * 1000 / len(seconds) for i in (0, 1))
                print_rows([(size, f"{backend}: {'tm search' if job == 'search' else 'lookup'}, {clients} clients", {
                    "p50": statistics.median(seconds), "p95": seconds[int(len(seconds) * 0.95) - 1],
                    "note": f"{len(seconds)} queries; CPU per query {client:.1f} ms client + {server:.1f} ms server"})])


def agreement_row(size: int, stores: dict, search_file: Path) -> tuple:
    """Whether both backends find the same best unit (or both none) for every edited query."""
    answers = {}
    for backend, url in stores.items():
        answers[backend] = collect(start_clients("search", url, search_file, 1, QUERIES))[0]["answers"]
    same = sum(a == b for a, b in zip(answers["sqlite"], answers["postgresql"]))
    found = {backend: sum(a is not None for a in found) for backend, found in answers.items()}
    return (size, "same best unit, PostgreSQL vs SQLite", {
        "note": f"{same}/{QUERIES} (a match ≥ {MIN_SCORE} %: SQLite {found['sqlite']}, PostgreSQL {found['postgresql']})"})


INGEST = f"""
import sys, time
from pathlib import Path
sys.path.insert(0, {str(REPO / "bench")!r})
from pg import backend_cpu
from tmtool.ingest import ingest_pair
from tmtool.store import open_store
from tmtool.terms.french import load_model
load_model()
from tmtool.terms.dictionary import word_pairs
from tmtool.text.en import noun_phrases
word_pairs(), noun_phrases("Loaded.")
pairs = [Path(p) for p in sys.argv[2:]]
with open_store(sys.argv[1]) as store:
    start, cpu, server, sentences = time.perf_counter(), time.process_time(), backend_cpu(store), 0
    for fr, en in zip(pairs[::2], pairs[1::2]):
        sentences += ingest_pair(store, fr, en).units
    print(time.perf_counter() - start, time.process_time() - cpu, backend_cpu(store) - server, sentences)
"""


def ingest_rows(size: int, stores: dict, search_file: Path) -> list[tuple]:
    """The seed and the terminology documents ingested (terms on) alone, then while 8 clients search."""
    documents = [REPO / "seeds" / "2021-07-13-partners-meeting.fr.txt", REPO / "seeds" / "2021-07-13-partners-meeting.en.txt"]
    for folder in sorted((REPO.parent / "shared" / "data" / "terms").iterdir()):
        if (folder / f"{folder.name}.fr.txt").exists():
            documents += [folder / f"{folder.name}.fr.txt", folder / f"{folder.name}.en.txt"]
    rows = []
    for backend, url in stores.items():
        for searchers in (0, SEARCHERS_DURING_INGEST):
            load = start_clients("search", url, search_file, searchers, 10_000)
            result = measured([PYTHON, "-c", INGEST, url, *map(str, documents)])
            for process in load:
                process.terminate()
                process.wait()
            seconds, cpu, server, sentences = result["out"].split()
            rows.append((size, f"{backend}: ingest {len(documents) // 2} documents, {searchers} clients searching", {
                "wall": float(seconds), "cpu": float(cpu), "peak_mib": result["peak_mib"],
                "note": f"{int(sentences) / float(seconds):.1f} sentences/s"
                        + (f"; server CPU {float(server):.2f} s" if backend == "postgresql" else "")}))
            # the next run ingests the same documents into the same memory: as a new document again
            from tmtool.store import open_store

            with open_store(url) as store:
                from tmtool import glossary

                glossary.remove_documents(store, [d.id for d, _ in store.documents()])
    return rows


def print_rows(rows: list[tuple]) -> None:
    for size, label, r in rows:
        cells = [f"{r[k]:.3f}" if k in r else "—" for k in ("wall", "cpu", "p50", "p95")]
        peak = f"{r['peak_mib']:.0f}" if "peak_mib" in r else "—"
        print(f"| {size:,} | {label} | {' | '.join(cells)} | {peak} | {r.get('note', '')} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-pgbench"))
    parser.add_argument("--pg", help="a PostgreSQL server's URL (a role that may create databases)")
    parser.add_argument("--jobs", nargs="+", choices=("import", "naive", "latency", "agree", "ingest"),
                        default=["import", "naive", "latency", "agree", "ingest"])
    parser.add_argument("--repeat", type=int, default=1, help="imports measured this many times, in turn")
    parser.add_argument("--keep", action="store_true",
                        help="use the stores an earlier run built in --work and on --pg (no import row)")
    parser.add_argument("--client", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        job, url, query_file, count, offset = args.client
        client(job, url, query_file, int(count), int(offset))
        return
    import pgcluster

    args.work.mkdir(parents=True, exist_ok=True)
    cluster = None if args.pg else Path(tempfile.mkdtemp(prefix="tmtool-pgbench-"))
    server = args.pg or pgcluster.start(cluster)
    try:
        print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
        print("| units | job | wall (s) | CPU (s) | p50 (s) | p95 (s) | peak memory (MiB) | notes |")
        print("|---|---|---|---|---|---|---|---|", flush=True)
        for size in args.sizes:
            stores, rows = build(size, args.work, server, cluster, args.repeat, "naive" in args.jobs, args.keep)
            if {"import", "naive"} & set(args.jobs):
                print_rows(rows)
            if not {"agree", "latency", "ingest"} & set(args.jobs):
                continue
            search_file, lookup_file = queries(size, args.work, stores)
            if "agree" in args.jobs:
                print_rows([agreement_row(size, stores, search_file)])
            if "latency" in args.jobs:
                latency_rows(size, stores, search_file, lookup_file)
            if "ingest" in args.jobs:
                print_rows(ingest_rows(size, stores, search_file))
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
    finally:
        if cluster is not None:
            pgcluster.stop(cluster)


if __name__ == "__main__":
    main()
