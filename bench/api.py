"""The workbench's HTTP API under load: latency of look-up and fuzzy search (p50, p95) with 1 and 8
concurrent clients, on a store holding a 100,000-entry glossary and a 1,000,000-unit memory.

    nice .venv/bin/python bench/api.py [--units 1000000] [--entries 100000] [--requests 200]
                                       [--work /tmp/tmtool-api]

The memory is ``bench/scale.py``'s (``bench/memory_gen.py``: real pairs with the variation of real
memories), copied from ``/tmp/tmtool-scale`` when scale.py has built it, else built here; the
glossary is ``bench/store_speed.py``'s synthetic one, imported into the copy. The server is
``tmtool serve`` in a process of its own (uvicorn, one worker, each request on its own store
connection); the clients are coroutines of one process, each sending its requests one after the
other. Look-up queries are what a translator types — a stored term exactly, its first letters, a
typing slip, a word the glossary lacks — and search queries stored sentences revised (``scale.edit_query``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import httpx  # noqa: E402
from scale import build, edit_query  # noqa: E402
from store_speed import synthetic_glossary  # noqa: E402

from tmtool import glossary  # noqa: E402
from tmtool.store import open_store  # noqa: E402

CLIENTS = (1, 8)
SCALE_WORK = Path("/tmp/tmtool-scale")


def prepare(units: int, entries: int, work: Path) -> Path:
    """The store: the memory of ``units`` units and a glossary of ``entries`` entries, made once."""
    db = work / f"api-{units}-{entries}.db"
    if db.exists():
        return db
    work.mkdir(parents=True, exist_ok=True)
    memory = SCALE_WORK / f"mem-{units}.db"
    if not memory.exists():
        _, memory = build(units, SCALE_WORK)
    start = time.perf_counter()
    partial = work / "building.db"
    shutil.copyfile(memory, partial)
    with open_store(partial) as store:
        glossary.import_entries(store, synthetic_glossary(entries, random.Random(7)), "bench")
    partial.rename(db)
    print(f"built {db} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return db


def queries(db: Path, count: int, rng: random.Random) -> dict[str, list[str]]:
    with open_store(db) as store:
        terms = [t.text for e in rng.sample(store.list_entries(limit=20_000), count) for t in e.terms[:1]]
        total = store.unit_count()
        units = store.units_by_id(rng.sample(range(1, total + 1), count * 2))
    kinds = [lambda t: t, lambda t: t[:5], lambda t: t[:3] + "q" + t[4:], lambda t: "zzqx" + t[:4]]
    sentences = [u.source for u in units.values() if len(u.source.split()) >= 4][:count]
    return {"lookup": [kinds[i % 4](term) for i, term in enumerate(terms)],
            "search": [edit_query(sentence, rng) for sentence in sentences]}


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "tmtool.cli", "--db", str(db), "serve", "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/api/session", timeout=1)
            return server, url
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


async def measure(url: str, path: str, params: list[dict], clients: int) -> tuple[list[float], float]:
    """Every request's latency in ms, and the requests answered per second."""
    pending = list(params)
    latencies: list[float] = []

    async def client(http: httpx.AsyncClient) -> None:
        while pending:
            query = pending.pop()
            start = time.perf_counter()
            response = await http.get(path, params=query)
            latencies.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()

    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, timeout=120) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return latencies, len(params) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per row")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-api"))
    args = parser.parse_args()
    db = prepare(args.units, args.entries, args.work)
    asked = queries(db, args.requests, random.Random(11))
    server, url = serve(db)
    try:
        for path, key, extra in (("/api/lookup", "lookup", {}), ("/api/search", "search", {"min_score": 70})):
            params = [{"q": q, **extra} for q in asked[key]]
            asyncio.run(measure(url, path, params[:10], 1))  # warm the caches
            for clients in CLIENTS:
                latencies, rate = asyncio.run(measure(url, path, params, clients))
                p95 = statistics.quantiles(latencies, n=20)[-1]
                print(f"| {path} | {clients} | {len(latencies)} | {statistics.median(latencies):.1f} | {p95:.1f} "
                      f"| {max(latencies):.1f} | {rate:.1f} |", flush=True)
    finally:
        server.terminate()
        server.wait()
    load = os.getloadavg()
    print(f"\n{args.units:,} units, {args.entries:,} entries; load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")


if __name__ == "__main__":
    main()
