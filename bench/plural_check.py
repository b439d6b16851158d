"""`tmtool check` and look-up on real Swedish and Danish plurals: is an approved singular found in its plural?

    .venv/bin/python bench/plural_check.py [--lang sv da] [--min-zipf 3.0] [--folded-only] [--errors N]

The plurals are those ``bench/plurals.py`` reads from Debian's ``hunspell-sv`` and ``hunspell-da`` (indefinite and
definite: *bilar*, *bilarna*; *biler*, *bilerne*), of wordfreq's Zipf ≥ ``--min-zipf``. A glossary holds one
approved entry for each of their singulars (the nouns a glossary would list), and each plural is looked for in it
as ``check`` looks for terms in a translation (``termindex.Glossary.occurrences``):

- found: an entry of one of its singulars is found;
- other: an entry of another noun only (*tekniker*, technicians, found as *teknik*, technology): a false "found"
  where the approved term is the other noun;
- none: nothing (a false "missing" where its singular is approved);

and each singular too: does it find another singular's entry (a false "found" where that is approved)?

``--folded-only`` leaves the language out of ``normalize.SNOWBALL``, as tmtool read it before (the figures before).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from plurals import DICTIONARIES, HUNSPELL, hunspell  # noqa: E402

from tmtool.model import Entry, ReviewStatus, Term  # noqa: E402
from tmtool.termindex import Glossary  # noqa: E402
from tmtool.text import normalize  # noqa: E402


def measure(lang: str, min_zipf: float, errors: int) -> None:
    from wordfreq import zipf_frequency

    plurals = {plural: singulars for plural, singulars in hunspell(lang).items()
               if zipf_frequency(plural, lang) >= min_zipf and not plural.startswith("-")}  # no suffix
    singulars = sorted(set().union(*plurals.values()))
    glossary = Glossary(Entry(terms=[Term(singular, lang), Term(f"en {k}", "en")], id=str(k),
                              status=ReviewStatus.APPROVED) for k, singular in enumerate(singulars))
    entry_of = {singular: str(k) for k, singular in enumerate(singulars)}
    found = other = none = 0
    wrong, missed = [], []
    for plural, its in sorted(plurals.items()):
        entries = set(glossary.occurrences(plural, lang))
        if entries & {entry_of[s] for s in its}:
            found += 1
        elif entries:
            other += 1
            wrong.append((plural, "/".join(sorted(singulars[int(e)] for e in entries))))
        else:
            none += 1
            missed.append(plural)
    # a singular finding another noun's entry too (Snowball's Swedish stem of tekniker, technician, is teknik's)
    confused = [(singular, read) for singular in singulars
                if (read := sorted(singulars[int(e)] for e in glossary.occurrences(singular, lang)
                                   if e != entry_of[singular]))]
    n = len(plurals)
    print(f"| {lang} | {n} | {len(singulars)} | {found / n:.3f} | {other / n:.3f} | {none / n:.3f} "
          f"| {len(confused) / len(singulars):.3f} |")
    for singular, read in confused[:errors]:
        print(f"    singular: {singular} → {'/'.join(read)}")
    for plural, read in wrong[:errors]:
        print(f"    other: {plural} → {read} (listed: {'/'.join(sorted(plurals[plural]))})")
    for plural in missed[:errors]:
        print(f"    none: {plural} (listed: {'/'.join(sorted(plurals[plural]))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", nargs="*", choices=tuple(DICTIONARIES), default=list(DICTIONARIES))
    parser.add_argument("--min-zipf", type=float, default=3.0, help="least wordfreq Zipf frequency of a plural read")
    parser.add_argument("--folded-only", action="store_true", help="the languages left out of normalize.SNOWBALL")
    parser.add_argument("--errors", type=int, default=0, help="wrong and missed plurals shown a language")
    args = parser.parse_args()
    print("| lang | plurals | singulars (entries) | found | another entry only | none "
          "| a singular finding another's entry |\n|---|---|---|---|---|---|---|")
    for lang in args.lang:
        if not (HUNSPELL / f"{DICTIONARIES[lang]}.dic").is_file():
            print(f"{lang} left out: no {HUNSPELL / DICTIONARIES[lang]}.dic (apt-get install hunspell-{lang})",
                  file=sys.stderr)
            continue
        if args.folded_only:
            normalize.SNOWBALL.pop(lang, None)
            normalize.PLURALS.pop(lang, None)
        measure(lang, args.min_zipf, args.errors)


if __name__ == "__main__":
    main()
