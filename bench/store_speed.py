"""Look-up and TM-search speed and recall, on a 100,000-entry glossary and the TransRead memory.

    .venv/bin/python bench/store_speed.py [--entries 100000] [--db /tmp/bench-glossary.db]

Glossary: synthetic multi-word French/English terms from wordfreq's most frequent words (the
store's cost depends on the number of keys, not on what the words mean), built once and reused.
Memory: the TransRead 1-1 sentence pairs (real text). TM recall is measured against an exhaustive
scan of the whole memory with the same score: the index must find the scan's best hit.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool import glossary
from tmtool.lookup import lookup  # noqa: E402
from tmtool.model import Entry, ReviewStatus, Term, TermType, Unit  # noqa: E402
from tmtool.search import search_memory  # noqa: E402
from tmtool.store import open_store  # noqa: E402
from tmtool.text.normalize import normalize_for_match  # noqa: E402

SHARED = REPO.parent / "shared"


def synthetic_glossary(count: int, rng: random.Random) -> list[Entry]:
    from wordfreq import top_n_list

    fr_words = [w for w in top_n_list("fr", 20000) if w.isalpha() and len(w) > 3]
    en_words = [w for w in top_n_list("en", 20000) if w.isalpha() and len(w) > 3]
    entries, seen = [], set()
    while len(entries) < count:
        fr = " ".join(rng.sample(fr_words, rng.randint(1, 4)))
        if fr in seen:
            continue
        seen.add(fr)
        en = " ".join(rng.sample(en_words, rng.randint(1, 4)))
        terms = [Term(fr, "fr"), Term(en, "en")]
        if len(entries) % 10 == 0:
            terms.append(Term("".join(w[0] for w in en.split()).upper() + str(len(entries)), "en",
                              term_type=TermType.ACRONYM))
        entries.append(Entry(terms=terms, status=rng.choice(list(ReviewStatus))))
    return entries


def median_ms(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_lookup(db: Path, count: int, rng: random.Random) -> None:
    if not db.exists():
        start = time.perf_counter()
        with open_store(db, create=True) as store:
            glossary.import_entries(store, synthetic_glossary(count, rng), "bench")
        print(f"built {count} entries in {time.perf_counter() - start:.0f} s → {db}")
    with open_store(db, create=True) as store:
        entries = store.list_entries(limit=2000)
        sample = rng.sample(entries, 20)
        queries = {
            "exact": [e.terms[0].text for e in sample],
            "plural (lemma)": [" ".join(w if w.endswith(("s", "x", "z")) else w + "s" for w in e.terms[0].text.split())
                               for e in sample],
            "upper case": [e.terms[0].text.upper() for e in sample],
            "prefix": [e.terms[0].text[:6] for e in sample],
            "fuzzy (1 typo)": [e.terms[0].text[:3] + "q" + e.terms[0].text[4:] for e in sample],
            "not found": ["zzqx" + str(i) for i in range(20)],
        }
        print(f"\nglossary look-up, {store.stats()['entries']} entries (in-process, median of 20 queries)")
        print(f"{'query kind':<18}{'median ms':>10}{'max ms':>10}{'found':>8}")
        for kind, texts in queries.items():
            times, found = [], 0
            for text in texts:
                start = time.perf_counter()
                hits = lookup(store, text)
                times.append((time.perf_counter() - start) * 1000)
                found += bool(hits)
            print(f"{kind:<18}{statistics.median(times):>10.1f}{max(times):>10.1f}{found:>6}/20")
        term = sample[0].terms[0].text
    # as installed: bytecode cached (this environment may set PYTHONDONTWRITEBYTECODE)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    timings = {}
    for label, command in (("python -c pass", [sys.executable, "-c", "pass"]),
                           ("tmtool lookup", [sys.executable, "-m", "tmtool.cli", "--db", str(db), "lookup", term])):
        subprocess.run(command, capture_output=True, check=True, env=env)  # warm the caches
        timings[label] = median_ms(lambda: subprocess.run(command, capture_output=True, check=True, env=env), 7)
    print("\nwhole process, start to exit, median of 7: "
          + ", ".join(f"{label} {ms:.0f} ms" for label, ms in timings.items()))


def transread_units() -> list[Unit]:
    folder = SHARED / "data" / "align" / "transread-fr-en"
    units = []
    for gold in sorted((folder / "gold").glob("*.txt")):
        fr = (folder / "fr" / gold.name).read_text(encoding="utf-8").splitlines()
        en = (folder / "en" / gold.name).read_text(encoding="utf-8").splitlines()
        for line in gold.read_text().splitlines():
            src, tgt = (part.strip("[]") for part in line.split(":"))
            if src and tgt and "," not in src and "," not in tgt:
                units.append(Unit(fr[int(src)], en[int(tgt)], "fr-FR", "en-GB"))
    return units


def perturb(text: str, edits: int, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(edits):
        chars[rng.randrange(len(chars))] = rng.choice("aeiouxz ")
    return "".join(chars)


def bench_tm(rng: random.Random) -> None:
    units = transread_units()
    with open_store(":memory:", create=True) as store:
        store.add_units(units, "transread")
        stored = [normalize_for_match(u.source) for u in store.units()]
        long_enough = [u for u in units if len(u.source) >= 30]
        print(f"\nTM search, {len(stored)} TransRead units, 100 queries each (min 70 %)")
        print(f"{'query':<22}{'median ms':>10}{'same best as scan':>19}{'scan ms':>9}")
        for edits in (0, 3, 8):
            times, scan_times, agree = [], [], 0
            for unit in rng.sample(long_enough, 100):
                query = perturb(unit.source, edits, rng)
                start = time.perf_counter()
                hits = search_memory(store, query, min_score=70, limit=1)
                times.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                best = process.extractOne(normalize_for_match(query), stored,
                                          scorer=Levenshtein.normalized_similarity, score_cutoff=0.7)
                scan_times.append((time.perf_counter() - start) * 1000)
                expected = round(best[1] * 100, 1) if best else None
                agree += (hits[0].score if hits else None) == expected
            print(f"{f'{edits} character edits':<22}{statistics.median(times):>10.1f}{agree:>15}/100"
                  f"{statistics.median(scan_times):>9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-glossary.db"))
    args = parser.parse_args()
    rng = random.Random(13)
    bench_lookup(args.db, args.entries, rng)
    bench_tm(rng)


if __name__ == "__main__":
    main()
