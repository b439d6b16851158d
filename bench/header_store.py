"""What a memory's TMX header costs in the store: a Trados Studio–shaped memory imported twice, once with
its header as Trados writes it (seven attributes and more, field definitions as props) and once with a
header that says nothing of a memory, into new SQLite stores whose sizes are compared.

    .venv/bin/python bench/header_store.py [--units 20000] [--dir /tmp/bench-header]

The units are memory_gen's (real French–English pairs, varied), each with what Trados writes on a <tu>:
its dates, who made and changed it, when it was last used and how often, its context, origin and
confirmation level. Sizes are the store's file once closed (its WAL checkpointed), then after VACUUM.
Run it with another checkout first on PYTHONPATH to measure that checkout's store.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from memory_gen import generate_units  # noqa: E402

TRADOS_HEADER = (
    '<header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format"'
    ' datatype="xml" segtype="sentence" adminlang="en-GB" srclang="fr-FR" o-encoding="windows-1252"'
    ' creationdate="20190304T101500Z" creationid="EXAMPLE\\clambert" changedate="20240611T080000Z"'
    ' changeid="EXAMPLE\\pmorel">\n'
    '  <prop type="x-Recognizers">RecognizeAll</prop>\n'
    '  <prop type="x-IncludesContextContent">True</prop>\n'
    '  <prop type="x-TMName">OTAN_FR_EN</prop>\n'
    '  <prop type="x-TokenizerFlags">DefaultFlags</prop>\n'
    '  <prop type="x-WordCountFlags">DefaultFlags</prop>\n'
    '  <prop type="x-Client:MultiplePicklist">OTAN</prop>\n'
    '  <prop type="x-Domain:SinglePicklist">Défense</prop>\n'
    '</header>\n')
PLAIN_HEADER = ('<header creationtool="tmtool" creationtoolversion="1" o-tmf="tmtool" datatype="plaintext"'
                ' segtype="sentence" adminlang="en" srclang="fr-FR"/>\n')


def write_memory(path: Path, header: str, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n{header}<body>\n')
        for number, (fr, en) in enumerate(generate_units(count)):
            day = 1 + number % 28
            out.write(
                f'<tu creationdate="201903{day:02d}T101500Z" creationid="EXAMPLE\\clambert"'
                f' changedate="202406{day:02d}T080000Z" changeid="EXAMPLE\\pmorel"'
                f' lastusagedate="202406{day:02d}T080000Z" usagecount="{number % 7}">\n'
                f'  <prop type="x-LastUsedBy">EXAMPLE\\pmorel</prop>\n'
                f'  <prop type="x-Context">{number * 7919 % 1000003}, {number * 104729 % 1000003}</prop>\n'
                f'  <prop type="x-Origin">TM</prop>\n'
                f'  <prop type="x-ConfirmationLevel">Translated</prop>\n'
                f'  <tuv xml:lang="fr-FR"><seg>{escape(fr)}</seg></tuv>\n'
                f'  <tuv xml:lang="en-GB"><seg>{escape(en)}</seg></tuv>\n</tu>\n')
        out.write("</body>\n</tmx>\n")


def store_size(memory: Path, db: Path) -> tuple[int, int, int]:
    """(units added, bytes once closed, bytes after VACUUM) of a new store holding ``memory``."""
    from tmtool import transfer
    from tmtool.store import open_store

    db.unlink(missing_ok=True)
    with open_store(str(db), create=True) as store:
        added = transfer.import_file(store, memory).added
    closed = db.stat().st_size
    with sqlite3.connect(db) as conn:
        conn.execute("VACUUM")
    return added, closed, db.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench-header"))
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    import tmtool

    print(f"tmtool from {Path(tmtool.__file__).parent}")
    for name, header in (("no memory header", PLAIN_HEADER), ("Trados header", TRADOS_HEADER)):
        memory = args.dir / f"{name.split()[0]}.tmx"
        write_memory(memory, header, args.units)
        added, closed, vacuumed = store_size(memory, args.dir / f"{name.split()[0]}.db")
        print(f"{name}: {added} units, TMX {memory.stat().st_size / 1e6:.1f} MB,"
              f" store {closed / 1e6:.1f} MB, after VACUUM {vacuumed / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
