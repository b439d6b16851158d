"""Coverage-guided fuzzing of the bilingual-file readers with atheris (libFuzzer for Python).

    nice -n 10 .venv/bin/python bench/fuzz.py tmx --seconds 300
    nice -n 10 .venv/bin/python bench/fuzz.py tbx --seconds 300

A reader may refuse any input with ``TmtoolError``; any other exception is a crash. Crashes are not
fatal to the run: each distinct one (exception type and raising line) is saved once to ``--crashes``
(a directory) so that a whole run finds as many as it can, and a table is printed at the end. Every
saved input belongs in ``tests/test_hostile.py`` once fixed.

The seed corpus is a small valid file of each format written by tmtool's own writers, so that the
mutations start from the structures the readers know.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from tmtool.errors import TmtoolError
    # every tmtool module these import (xmlsafe, langtags …) is instrumented too
    from tmtool.formats import po, tbx, tmx, xliff
    from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, Unit, UsageStatus


def _read_all(reader, data: bytes, suffix: str) -> None:
    """Consume every item: the readers are lazy and an error may wait for the last one."""
    if suffix in (".tmx", ".tbx", ".xlf"):
        for _ in reader(io.BytesIO(data)):
            pass
        return
    # polib reads paths only
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(data)
        f.flush()
        for _ in reader(f.name):
            pass


READERS = {
    "tmx": (tmx.read_tmx, ".tmx"),
    "tbx": (tbx.read_tbx, ".tbx"),
    "xliff": (xliff.read_xliff, ".xlf"),
    "po": (po.read_po, ".po"),
}


def _seed_units() -> list[Unit]:
    return [
        Unit("Le Comité militaire s'est réuni.", "The Military Committee met.", "fr-FR", "en-GB", tuid="d:1",
             props={"x-document": "d", "x-bead": "1-1"}, notes=["revu"]),
        Unit("État-major « international »", "International Staff", "fr-FR", "en-GB", tuid="d:2"),
    ]


def _seed_entries() -> list[Entry]:
    context = Context("Le Comité militaire s'est réuni.", "The Military Committee met.", "d", "d:1")
    return [
        Entry(
            [Term("comité militaire", "fr", gender="masculine", forms=["Comité militaire"], contexts=[context]),
             Term("Military Committee", "en", confidence=0.9, frequency=2),
             Term("MC", "en", term_type=TermType.ACRONYM, usage=UsageStatus.ADMITTED)],
            id="e1", status=ReviewStatus.APPROVED, definition="organe", note="vu", frequency=2, score=0.8,
            contexts=[context],
        ),
    ]


def write_seeds(fmt: str, directory: Path) -> None:
    """One valid file of the format (two for TBX: v3 and martif), written by tmtool itself."""
    buffer = io.BytesIO()
    if fmt == "tmx":
        tmx.write_tmx(_seed_units(), buffer, srclang="fr-FR")
        (directory / "seed.tmx").write_bytes(buffer.getvalue())
    elif fmt == "xliff":
        xliff.write_xliff(_seed_units(), buffer, srclang="fr-FR", original="d")
        (directory / "seed.xlf").write_bytes(buffer.getvalue())
    elif fmt == "tbx":
        tbx.write_tbx(_seed_entries(), directory / "seed.tbx")
        tbx.write_tbx_martif(_seed_entries(), directory / "seed-martif.tbx")
    else:
        po.write_po(_seed_entries(), directory / "seed.po")


class CrashLog:
    """Distinct crashes by (exception type, file, line); each input saved once."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.seen: dict[tuple[str, str, int], Path] = {}
        self.runs = 0

    def record(self, data: bytes, exc: BaseException) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        # the innermost line of tmtool's own code: the place to fix, whatever library raised
        frame = next((f for f in reversed(frames) if "/tmtool/" in f.filename), frames[-1])
        key = (type(exc).__name__, frame.filename, frame.lineno)
        if key in self.seen:
            return
        path = self.directory / f"crash-{hashlib.sha1(data).hexdigest()[:12]}"
        path.write_bytes(data)
        self.seen[key] = path
        print(f"\nCRASH {key[0]} at {Path(key[1]).name}:{key[2]}: {str(exc)[:120]!r} → {path}", file=sys.stderr)

    def report(self, fmt: str, seconds: float) -> None:
        print(f"\n| format | runs | seconds | distinct crashes |\n|---|---|---|---|\n"
              f"| {fmt} | {self.runs} | {seconds:.0f} | {len(self.seen)} |")
        for (kind, filename, line), path in self.seen.items():
            print(f"  {kind} at {Path(filename).name}:{line} → {path}")


# libFuzzer dictionaries: the tokens a mutation is unlikely to spell by chance (\x escapes as libFuzzer reads them)
XML_TOKENS = (
    "<!DOCTYPE tmx SYSTEM \\x22tmx14.dtd\\x22>", "<!ENTITY a \\x22b\\x22>", "&a;", "&#0;", "&#x110000;",
    "xml:lang=\\x22", "lang=\\x22", "srclang=\\x22*all*\\x22", "<![CDATA[", "]]>", "<?xml version=\\x221.0\\x22 encoding=\\x22",
    "xmlns=\\x22urn:iso:std:iso:30042:ed-2\\x22", "<tu>", "<tuv", "<seg>", "<prop type=", "<note>",
    "creationdate=\\x22", "<conceptEntry id=\\x22", "<langSec", "<termSec>", "<term>", "<termNote type=\\x22",
    "<descrip type=\\x22", "<descripGrp>", "<transacGrp>", "<date>", "x-status: ", "x-frequency: ",
    "x-score: ", "x-lemma: ", "x-confidence: ", "x-of: ", "<trans-unit id=\\x22", "<source>", "<target>",
)
PO_TOKENS = ("msgid ", "msgstr ", "msgctxt ", "#, fuzzy", "#. x-tmtool:", "#~ ", "\\x22\\x22", "\\x5cn",
             "{\\x22status\\x22:", "\\x22details\\x22:")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=sorted(READERS))
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--crashes", type=Path, default=Path(tempfile.gettempdir()) / "tmtool-fuzz-crashes")
    parser.add_argument("--max-len", type=int, default=8192)
    args = parser.parse_args()
    reader, suffix = READERS[args.format]
    crash_dir = args.crashes / args.format
    crash_dir.mkdir(parents=True, exist_ok=True)
    corpus = Path(tempfile.mkdtemp(prefix=f"tmtool-fuzz-{args.format}-"))
    write_seeds(args.format, corpus)
    log = CrashLog(crash_dir)
    dictionary = corpus.parent / f"{corpus.name}.dict"

    started = time.monotonic()

    def one_input(data: bytes) -> None:
        log.runs += 1
        if time.monotonic() - started > args.seconds:
            # libFuzzer's own time limit ends the process from C, before Python could print the table
            log.report(args.format, time.monotonic() - started)
            shutil.rmtree(corpus, ignore_errors=True)
            dictionary.unlink()
            os._exit(0)
        try:
            _read_all(reader, data, suffix)
        except TmtoolError:
            pass
        except Exception as exc:  # noqa: BLE001 — anything but TmtoolError is what we are looking for
            log.record(data, exc)

    tokens = PO_TOKENS if args.format == "po" else XML_TOKENS
    dictionary.write_text("".join(f'"{token}"\n' for token in tokens))
    atheris.Setup([sys.argv[0], f"-max_len={args.max_len}", "-rss_limit_mb=1024", f"-dict={dictionary}",
                   str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
