"""bench/plural_check.py's languages: it takes every language ``--wrong`` measures (GOLD_DICTIONARIES), and says
which of them the default measure (hunspell-sv's and -da's plurals, German's with --german-nouns) leaves out."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "plural_check.py"


def test_a_language_the_plural_lists_lack_is_left_out_with_a_reason():
    # --lang es (as --wrong takes it) was a KeyError's traceback; German without --german-nouns too
    run = subprocess.run([sys.executable, str(BENCH), "--lang", "es", "de"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        "es left out: its plurals are not listed here (--wrong measures it)",
        "de left out: no --german-nouns (pip download --no-deps german-nouns; unzip the wheel's german_nouns/nouns.csv)",
    ]
