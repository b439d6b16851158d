"""The singular the English-led extractor gives an equivalent written in the plural alone, on real plurals.

    .venv/bin/python bench/plurals.py [--german-nouns NOUNS_CSV] [--min-zipf 3.0] [--errors N]

``tmtool.terms.pivot.singular_of`` (what ``_Spans._singular`` does to each word) is asked the singular of each
plural noun of a list, and its answer compared with the list's singular(s):

- German: the nominative plurals and singulars of WiktionaryDE's nouns as the ``german-nouns`` package compiles
  them (CC BY-SA 4.0: read where it lies, never copied; ``pip download --no-deps german-nouns`` and unzip the wheel's
  ``german_nouns/nouns.csv``; its own install pins an old lxml). A noun with plurals and no singular
  (*Finanzen*, *Kosten*) is to be kept as written.
- Swedish: the plurals the Swedish hunspell dictionary (Debian's ``hunspell-sv``, LGPL-3, read where it lies:
  ``apt-get install hunspell-sv``) generates with its plural flags (G, H, I, J: *stolar*, *flickor*, *katter*,
  *fötter*, indefinite and definite, not the genitive), of its nouns: a verb's entry (past tense, passive flags)
  takes the same flags for its present (*blickar*, of *blicka*) and imperative.
- Danish: the forms Danish hunspell (``hunspell-da``, LGPL-2.1, GPL-2 or MPL-1.1: ``apt-get install hunspell-da``)
  tags ``+PLUR_UBEK`` or ``+PLUR_BEK`` (*biler*, *bilerne*, *husene*), one affix deep.

Only plurals general text uses (wordfreq's Zipf frequency ≥ ``--min-zipf`` in the language) are read: the lists are
otherwise mostly rare compounds. A plural written as its singular (*Lehrer*, *hus*) is kept in: the answer is then
right only if it keeps it. Each answer is right (a listed singular; the plural itself where the noun has none),
kept (no singular given: the plural stays, as the extractor leaves it) or wrong (another word).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool.terms.pivot import singular_of  # noqa: E402

HUNSPELL = Path("/usr/share/hunspell")
DICTIONARIES = {"sv": "sv_SE", "da": "da_DK"}  # HUNSPELL's file names, of Debian's hunspell-sv, hunspell-da
SWEDISH_PLURAL_FLAGS = frozenset("GHIJ")  # sv_SE.aff's "Pluralis, reale" and the flag after it (museer, fötter)
# sv_SE.aff's flags of a verb's past tense, passive, second conjugation: on a verb, the plural flags' rules give its
# present (blicka/ADIMNY: blickar, avgifta: avgifter) and J's its imperative (a → 0), no plural
SWEDISH_VERB_FLAGS = frozenset("KMN")
UNLISTED_SAMPLE = 20
_NAMES = re.compile(r"Eigenname|Vorname|Nachname|Toponym|Abkürzung|Affix|Lexem|Suffix|Präfix")


def german(nouns_csv: Path) -> dict[str, set[str]]:
    """Plural → its singulars (itself for a noun without one), of WiktionaryDE's common nouns."""
    found: dict[str, set[str]] = defaultdict(set)
    with nouns_csv.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if "Substantiv" not in row["pos"] or _NAMES.search(row["pos"]):
                continue
            plurals = {v for k, v in row.items() if k and k.startswith("nominativ plural") and v and v != "—"}
            singulars = {v for k, v in row.items() if k and k.startswith("nominativ singular") and v and v != "—"}
            for plural in plurals:
                if " " not in plural and not plural.startswith("-"):
                    found[plural] |= singulars or {plural}
    return found


def _affixes(aff: Path) -> dict[str, list[tuple[str, str, re.Pattern, str]]]:
    """A hunspell .aff file's suffix rules: flag → (strip, add, condition, morphology)."""
    rules: dict[str, list] = defaultdict(list)
    for line in aff.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            strip, add = ("" if parts[2] == "0" else parts[2]), parts[3].split("/")[0]
            rules[parts[1]].append((strip, "" if add == "0" else add, re.compile(f"(?:{parts[4]})$"),
                                    " ".join(parts[5:])))
    return rules


def _entries(dic: Path, numeric: bool):
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.split("\t")[0].partition("/")
        yield word, (flags.split(",") if numeric else list(flags)) if flags else []


def hunspell(lang: str) -> dict[str, set[str]]:
    """Plural → singulars, from the language's hunspell dictionary (see the module's docstring)."""
    name = DICTIONARIES[lang]
    rules = _affixes(HUNSPELL / f"{name}.aff")
    found: dict[str, set[str]] = defaultdict(set)
    for word, flags in _entries(HUNSPELL / f"{name}.dic", numeric=lang == "da"):
        if not word.islower():
            continue
        for flag in flags:
            if lang == "sv" and (flag not in SWEDISH_PLURAL_FLAGS or SWEDISH_VERB_FLAGS.intersection(flags)):
                continue
            for strip, add, condition, morphology in rules.get(flag, ()):
                # Swedish: no genitive (-s), nor J's definite singular (museum: museet) or imperative (a → 0)
                if (lang == "da" and "PLUR_" not in morphology
                        or lang == "sv" and (add.endswith("s") or add in ("", "et"))):
                    continue
                if word.endswith(strip) and condition.search(word):
                    found[word[: len(word) - len(strip)] + add].add(word)
    return found


def measure(lang: str, plurals: dict[str, set[str]], min_zipf: float, errors: int, half: str = "all",
            unlisted: bool = False, max_zipf: float = 99.0) -> None:
    from wordfreq import zipf_frequency

    if unlisted:  # every UNLISTED_SAMPLE-th of the plurals wordfreq lacks (the compounds read by their last part)
        words = sorted(w for w in plurals if not zipf_frequency(w, lang))[::UNLISTED_SAMPLE]
    else:
        words = sorted(w for w in plurals if min_zipf <= zipf_frequency(w, lang) < max_zipf)
    words = words if half == "all" else words[half == "odd"::2]
    right = kept = 0
    wrong = []
    for plural in words:
        answer = singular_of(plural, lang)
        expected = {s.lower() for s in plurals[plural]}
        if answer is None:
            kept += 1
            right += plural.lower() in expected
        elif answer in expected:
            right += 1
        else:
            wrong.append((plural, answer, "/".join(sorted(plurals[plural]))))
    n = len(words)
    band = "unlisted" if unlisted else f"{min_zipf:g} ≤ Zipf" + (f" < {max_zipf:g}" if max_zipf < 99 else "")
    print(f"| {lang} | {band} | {half} | {n} | {right / n:.3f} | {kept / n:.3f} | {len(wrong) / n:.3f} |")
    for plural, answer, expected in wrong[:errors]:
        print(f"    {plural} → {answer} (listed: {expected})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--german-nouns", type=Path, help="german-nouns' nouns.csv (German left out without it)")
    parser.add_argument("--min-zipf", type=float, default=3.0, help="least wordfreq Zipf frequency of a plural read")
    parser.add_argument("--max-zipf", type=float, default=99.0, help="plurals below this Zipf frequency only")
    parser.add_argument("--errors", type=int, default=0, help="wrong answers shown a language")
    parser.add_argument("--lang", nargs="*", choices=("de", *DICTIONARIES), default=["de", *DICTIONARIES])
    parser.add_argument("--half", choices=("even", "odd", "all"), default="all",
                        help="every other plural in sorted order: even (where SINGULAR_SHARE was chosen), odd, all")
    parser.add_argument("--unlisted", action="store_true", help="the plurals wordfreq lacks instead (a sample)")
    args = parser.parse_args()
    print("| lang | plurals read | half | plurals | right | kept as written | wrong |\n|---|---|---|---|---|---|---|")
    for lang in args.lang:
        if lang == "de":
            if args.german_nouns:
                measure("de", german(args.german_nouns), args.min_zipf, args.errors, args.half, args.unlisted, args.max_zipf)
            else:
                print("de left out: no --german-nouns (pip download --no-deps german-nouns; unzip the wheel's "
                      "german_nouns/nouns.csv)", file=sys.stderr)
        elif (HUNSPELL / f"{DICTIONARIES[lang]}.dic").is_file():
            measure(lang, hunspell(lang), args.min_zipf, args.errors, args.half, args.unlisted, args.max_zipf)
        else:
            print(f"{lang} left out: no {HUNSPELL / DICTIONARIES[lang]}.dic (apt-get install hunspell-{lang})",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
