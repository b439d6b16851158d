"""`tmtool check` and look-up on real Swedish and Danish plurals: is an approved singular found in its plural?

    .venv/bin/python bench/plural_check.py [--lang sv da de] [--german-nouns NOUNS_CSV] [--min-zipf 3.0]
        [--folded-only] [--errors N]

The plurals are those ``bench/plurals.py`` reads from Debian's ``hunspell-sv`` and ``hunspell-da`` (indefinite and
definite: *bilar*, *bilarna*; *biler*, *bilerne*), and German's from WiktionaryDE with ``--german-nouns`` (``pip
download --no-deps german-nouns``, the wheel's ``german_nouns/nouns.csv``), of wordfreq's Zipf ≥ ``--min-zipf``. A
glossary holds one approved entry for each of their singulars (the nouns a glossary would list), and each plural is
looked for in it as ``check`` looks for terms in a translation (``termindex.Glossary.occurrences``):

- found: an entry of one of its singulars is found;
- other: an entry of another noun only (*tekniker*, technicians, found as *teknik*, technology): a false "found"
  where the approved term is the other noun;
- none: nothing (a false "missing" where its singular is approved);

and each singular too: does it find another singular's entry (a false "found" where that is approved)?

``--folded-only`` leaves the language out of ``normalize.SNOWBALL``, as tmtool read it before (the figures before);
``--stems-only`` leaves its plural readings out (``normalize.PLURALS``): what Snowball's stems alone find.

Italian, Portuguese and Dutch (``--lang it pt nl``): the plurals their Hunspell dictionaries make of a noun
(``PLURAL_RULES``: Debian's ``hunspell-it``, ``hunspell-pt-pt``, ``hunspell-nl``, read where they lie), which
tmtool itself does not read.

    .venv/bin/python bench/plural_check.py --wrong [--lang sv da de es] [--min-zipf 3.0] [--errors N]

measures the other way, the false "found": each word of wordfreq's at Zipf ≥ ``--min-zipf`` (letters only, lower
case) that the language's Hunspell dictionary knows is an approved entry of its own, and is looked for as ``check``
looks for terms, its own entry left aside (as where the glossary holds the other word only). A word finding an entry
of a word the dictionary makes no form of one listed word with it (suffix rules two deep) is wrong: *dator* (a
computer) finding *data*. Columns: wrong with the stems alone (``PLURALS`` of the language emptied), with the plural
readings as tmtool reads them, and the words wrong by a plural reading only. The dictionary is the judge whatever
tmtool reads: ``TMTOOL_HUNSPELL_DIR=/none`` hides it from tmtool (as CI, which installs none), not from the judge.
Words spelt alike but for accents (*allé*, *alle*) are left out: folding's, not an inflection's. The judge is a
lower bound of what is one word: a form the dictionary lists apart (German *Risiken*, Swedish *bröder*) is a word of
its own to it, so some "wrong" are right.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from plurals import DICTIONARIES, HUNSPELL, german, hunspell  # noqa: E402

from tmtool.model import Entry, ReviewStatus, Term  # noqa: E402
from tmtool import termindex  # noqa: E402
from tmtool.termindex import Glossary, Side  # noqa: E402
from tmtool.text import normalize  # noqa: E402
from tmtool.text.normalize import fold  # noqa: E402


def measure(lang: str, min_zipf: float, errors: int, listed: dict[str, set[str]] | None = None) -> None:
    from wordfreq import zipf_frequency

    listed = hunspell(lang) if listed is None else {p.lower(): {s.lower() for s in ss} for p, ss in listed.items()}
    plurals = {plural: singulars for plural, singulars in listed.items()
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


GOLD_DICTIONARIES = {"sv": "sv_SE", "da": "da_DK", "de": "de_DE", "es": "es_ES", "it": "it_IT", "pt": "pt_PT",
                     "nl": "nl_NL"}


def _gold_rules(aff: Path, flag_kind: str) -> dict[str, list[tuple[str, str, re.Pattern, tuple[str, ...]]]]:
    """A .aff file's suffix rules: flag → (strip, add, condition, the flags of the rules that may follow)."""
    rules: dict[str, list] = defaultdict(list)
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            add, _, then = parts[3].partition("/")
            try:
                condition = re.compile(f"(?:{parts[4]})$")
            except re.error:
                continue
            rules[parts[1]].append(("" if parts[2] == "0" else parts[2], "" if add == "0" else add, condition,
                                    _split_flags(then, flag_kind)))
    return rules


def _split_flags(flags: str, kind: str) -> tuple[str, ...]:
    if kind == "num":
        return tuple(f for f in flags.split(",") if f)
    if kind == "long":
        return tuple(flags[i:i + 2] for i in range(0, len(flags), 2))
    return tuple(flags)


def gold_lemmas(lang: str, wanted: set[str]) -> dict[str, set[str]]:
    """Word (lower case) of ``wanted`` → the dictionary's listed words (lower case) it is, as listed or made by one
    suffix rule and the rules it allows after it (two deep): the judge of whether two words are one word's forms."""
    name = GOLD_DICTIONARIES[lang]
    aff, dic = HUNSPELL / f"{name}.aff", HUNSPELL / f"{name}.dic"
    flag_kind = next((line.split()[1] for line in aff.read_text(encoding="utf-8", errors="replace").splitlines()
                      if line.startswith("FLAG ")), "")
    rules = _gold_rules(aff, flag_kind)
    found: dict[str, set[str]] = defaultdict(set)

    def expand(form: str, lemma: str, flags: tuple[str, ...], depth: int) -> None:
        for flag in flags:
            for strip, add, condition, then in rules.get(flag, ()):
                if form.endswith(strip) and condition.search(form):
                    made = form[: len(form) - len(strip)] + add
                    if made.lower() in wanted:
                        found[made.lower()].add(lemma)
                    if then and depth < 2:
                        expand(made, lemma, then, depth + 1)

    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word, _, flags = line.split("\t")[0].split(" ")[0].partition("/")
        lemma = word.lower()
        if lemma in wanted:
            found[lemma].add(lemma)
        expand(word, lemma, _split_flags(flags, flag_kind), 1)
    return found


def false_matches(lang: str, min_zipf: float, errors: int, listed: dict[str, set[str]] | None = None) -> None:
    """Of wordfreq's words at Zipf ≥ ``min_zipf`` the dictionary knows, each an approved entry of its own, the share
    that finds an entry of a word the dictionary makes no form of one listed word with it (*dator*, a computer,
    finding *data*): a false "found" in ``check`` and a wrong look-up hit."""
    from wordfreq import top_n_list, zipf_frequency

    words = {w for w in top_n_list(lang, 100_000) if w.isalpha() and w.islower() and zipf_frequency(w, lang) >= min_zipf}
    gold = gold_lemmas(lang, words)
    for plural, singulars in (listed or {}).items():  # WiktionaryDE's plurals of singulars igerman98 lists apart
        if plural.lower() in words:
            gold[plural.lower()] |= {s.lower() for s in singulars}
    judged = sorted(w for w in words if gold.get(w))
    glossary = Glossary(Entry(terms=[Term(word, lang), Term(f"en {k}", "en")], id=str(k),
                              status=ReviewStatus.APPROVED) for k, word in enumerate(judged))

    def wrong() -> dict[str, list[str]]:
        found_wrong = {}
        for word in judged:
            # every term matched, before the one spelt as written is preferred: the word's own entry left aside,
            # as where the glossary holds the other word only; a word spelt alike but for accents (*allé*, *alle*)
            # is folding's, not an inflection's
            side = Side(glossary, word, lang)
            found = {term.text for match in glossary.matches(side.tokens, lang) for term in side._read(match).terms}
            if others := sorted(t for t in found if fold(t) != fold(word) and not gold[word] & gold[t]):
                found_wrong[word] = others
        return found_wrong

    with_readings = wrong()
    readings = normalize.PLURALS.pop(lang, ())
    termindex._word_keys.cache_clear()
    termindex._read_keys.cache_clear()
    stems_only = wrong()
    normalize.PLURALS[lang] = readings
    termindex._word_keys.cache_clear()
    termindex._read_keys.cache_clear()
    by_reading = {word: sorted(set(others) - set(stems_only.get(word, ()))) for word, others in with_readings.items()}
    by_reading = {word: others for word, others in by_reading.items() if others}
    n = len(judged)
    print(f"| {lang} | {len(words)} | {n} | {len(stems_only) / n:.4f} | {len(with_readings) / n:.4f} "
          f"| {len(by_reading)} ({len(by_reading) / n:.4f}) |")
    for word, others in list(by_reading.items())[:errors]:
        print(f"    {word} → {'/'.join(others)} (is: {'/'.join(sorted(gold[word]))})")

# the suffix rules that make a noun's plural, in the dictionaries whose plurals ``bench/plurals.py`` does not list:
# Italian's and Portuguese's by their flags (it_IT.aff: O o → i, Q a → e, R a → i, S e → i; pt_PT.aff: p, the
# plural alone: its other rules tagged N=p make a feminine or a diminutive too), Dutch's by the morphology the rule is
# written with (nl.aff ``ts:NN2``) less its diminutives' (Y…: aapjes is no plural of aap); Portuguese's of entries
# tagged as common nouns only (``CAT=nc``: its adjectives take the same flag)
PLURAL_RULES = {"it": ("flags", frozenset("OQRS")), "pt": ("flags", frozenset("p")), "nl": ("morph", "ts:NN2")}
NOUN_TAGS = {"pt": "CAT=nc"}


def listed_plurals(lang: str) -> dict[str, set[str]]:
    """Plural → singulars (lower case, letters only), of the language's Hunspell dictionary (``PLURAL_RULES``)."""
    name = GOLD_DICTIONARIES[lang]
    aff, dic = HUNSPELL / f"{name}.aff", HUNSPELL / f"{name}.dic"
    lines = aff.read_text(encoding="utf-8", errors="replace").splitlines()
    flag_kind = next((line.split()[1] for line in lines if line.startswith("FLAG ")), "")
    kind, marker = PLURAL_RULES[lang]
    rules: dict[str, list] = defaultdict(list)
    for line in lines:
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX" and (
                parts[1] in marker if kind == "flags"
                else any(marker in part for part in parts[5:]) and not parts[1].startswith("Y")):
            try:
                rules[parts[1]].append(("" if parts[2] == "0" else parts[2], parts[3].split("/")[0],
                                        re.compile(f"(?:{parts[4]})$")))
            except re.error:
                continue
    found: dict[str, set[str]] = defaultdict(set)
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word, _, flags = line.split("\t")[0].split(" ")[0].partition("/")
        if not word.isalpha() or not word.islower() or (lang in NOUN_TAGS and NOUN_TAGS[lang] not in line):
            continue
        for flag in _split_flags(flags, flag_kind):
            for strip, add, condition in rules.get(flag, ()):
                plural = word[: len(word) - len(strip)] + ("" if add == "0" else add)
                if word.endswith(strip) and condition.search(word) and plural.isalpha() and plural != word:
                    found[plural].add(word)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", nargs="*", choices=tuple(GOLD_DICTIONARIES), default=list(DICTIONARIES))
    parser.add_argument("--german-nouns", type=Path,
                        help="german-nouns' nouns.csv: German's plurals, as bench/plurals.py reads them (pip download "
                             "--no-deps german-nouns; unzip the wheel's german_nouns/nouns.csv)")
    parser.add_argument("--wrong", action="store_true",
                        help="instead: wordfreq's frequent words finding another word's entry (any language of "
                             "GOLD_DICTIONARIES whose dictionary is installed; TMTOOL_HUNSPELL_DIR=/none hides the "
                             "dictionaries from tmtool, not from the judge)")
    parser.add_argument("--min-zipf", type=float, default=3.0, help="least wordfreq Zipf frequency of a plural read")
    parser.add_argument("--folded-only", action="store_true", help="the languages left out of normalize.SNOWBALL")
    parser.add_argument("--stems-only", action="store_true", help="the languages' plural readings left out "
                        "(normalize.PLURALS): what Snowball's stems alone find")
    parser.add_argument("--errors", type=int, default=0, help="wrong and missed plurals shown a language")
    args = parser.parse_args()
    if args.wrong:
        print("| lang | words | known to the dictionary (entries) | finding another word's entry: stems alone "
              "| stems and plural readings | by a plural reading |\n|---|---|---|---|---|---|")
        for lang in args.lang:
            if not (HUNSPELL / f"{GOLD_DICTIONARIES[lang]}.dic").is_file():
                print(f"{lang} left out: no {HUNSPELL / GOLD_DICTIONARIES[lang]}.dic", file=sys.stderr)
                continue
            false_matches(lang, args.min_zipf, args.errors,
                          german(args.german_nouns) if lang == "de" and args.german_nouns else None)
        return
    print("| lang | plurals | singulars (entries) | found | another entry only | none "
          "| a singular finding another's entry |\n|---|---|---|---|---|---|---|")
    for lang in args.lang:
        if args.stems_only:
            normalize.PLURALS.pop(lang, None)
        if lang == "de" and args.german_nouns:  # WiktionaryDE's plurals, as bench/plurals.py reads them
            measure(lang, args.min_zipf, args.errors, german(args.german_nouns))
            continue
        if lang == "de":
            print("de left out: no --german-nouns (pip download --no-deps german-nouns; unzip the wheel's "
                  "german_nouns/nouns.csv)", file=sys.stderr)
            continue
        if lang in PLURAL_RULES:
            if not (HUNSPELL / f"{GOLD_DICTIONARIES[lang]}.dic").is_file():
                print(f"{lang} left out: no {HUNSPELL / GOLD_DICTIONARIES[lang]}.dic", file=sys.stderr)
                continue
            if args.folded_only:
                normalize.SNOWBALL.pop(lang, None)
                normalize.PLURALS.pop(lang, None)
            measure(lang, args.min_zipf, args.errors, listed_plurals(lang))
            continue
        if lang not in DICTIONARIES:
            print(f"{lang} left out: its plurals are not listed here (--wrong measures it)", file=sys.stderr)
            continue
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
