"""What a German, Swedish, Danish or Spanish Hunspell dictionary says of a word read as a plural: whether it is listed
as a singular of its own, which readings of its ending are no noun, and which singular's plural it is, read as data.

The dictionaries are Debian's (``hunspell-de-de``: igerman98, GPL-2 or GPL-3; ``hunspell-sv``: LGPL-3;
``hunspell-da``: LGPL-2.1, GPL-2 or MPL-1.1; ``hunspell-es``: MPL-1.1, GPL-3+ or LGPL-3+), read where they lie
(``/usr/share/hunspell``, or ``TMTOOL_HUNSPELL_DIR``) in the encoding and flag format their .aff names, never copied.
Each lists a lemma with the flags of the suffix rules that inflect it:
German ``Ware/N`` (N adds -n: *Waren*), ``Posten/S`` (S adds the genitive -s: a singular), ``verletzt/A`` (an
adjective, in lower case as German writes no noun); Swedish ``tekniker/EUXY``, Danish ``tekniker/5,2,…`` (a noun
of its own, not *teknik*'s plural). Without a dictionary nothing is known and the word frequencies alone decide,
as before (``terms.pivot``).
"""

from __future__ import annotations

import codecs
import os
import re
from functools import lru_cache
from pathlib import Path

from ..text.normalize import NARROWED_READINGS, normalize_for_match, singular_readings

HUNSPELL = Path("/usr/share/hunspell")
DICTIONARIES = {"de": ("de_DE", "de_AT", "de_CH"), "sv": ("sv_SE", "sv_FI"), "da": ("da_DK",), "es": ("es_ES",)}
# the dictionaries whose listed words are citation forms (Spanish's lists plurals apart too: países, fines)
_LISTS_SINGULARS = frozenset({"de", "sv", "da"})
_GERMAN_SINGULAR_FLAGS = frozenset("ST")  # igerman98's genitive -s, -es: the word is a singular (Posten, Techniker)
# the Swedish definite singular's articles, written after a noun, which no plural in -or takes (``readings``):
# datorn, kontoret, majoren; no flickorn. Measured on hunspell-sv's and -da's plurals of Zipf ≥ 3, none of Swedish's
# 204 in -or is so written in wordfreq, but 28 of 640 in -ar (an agent noun's definite: tittaren, bloggaren), 24 of
# 920 in -er (teknikern, bildern), Danish 50 of 1758 in -er (a verb's participle: rapporteret, analyseret): those are
# read as plurals still
_DEFINITE_ARTICLES = ("n", "en", "et")
# the singular endings German -en is read for in a loanword's plural (normalize.PLURALS: Themen, Zentren, Risiken)
_LOANWORD_SINGULARS = frozenset({"o", "um", "a", "us", "on"})


def listed_singular(word: str, lang: str) -> bool:
    """Whether the dictionary lists ``word`` (lower case) as a noun's citation form: German capitalised, with a
    noun's genitive (*Posten*, *Techniker*: singulars whatever their ending), Swedish and Danish in lower case
    (*tekniker*, a technician: no plural of *teknik*)."""
    if lang not in _LISTS_SINGULARS:
        return False
    entries = _entries(lang)
    if lang == "de":
        return any(_GERMAN_SINGULAR_FLAGS & set(flags) for flags in entries.get(word[:1].upper() + word[1:], ()))
    return word in entries


def readings(word: str, lang: str) -> tuple[str, ...]:
    """The singulars check and look-up read ``word`` as (``normalize.singular_readings``), less those a word of its
    own stands against where the language has no dictionary installed (with one, ``another_word`` says which words
    are another's forms). Measured: ``bench/plural_check.py --wrong``, and ``bench/plural_check.py`` for what is
    still found.

    - A Swedish word in -or that wordfreq has with a definite singular's article after it is a singular: *dator* (a
      computer: *datorn*) is no plural of *data*, *kontor* (*kontoret*) none of *konto*; *flickor* is *flicka*'s (no
      *flickorn*).
    - A German -en read as a loanword's -o, -um, -a, -us, -on is no such plural where wordfreq has the word less its
      -n or -en (the plural of *Karte*, *Art*) more often than the loanword: *Karten* is no *Karton*, *Marken* no
      *Markus*, *Minen* no *minus*; *Themen* is *Thema*, *Zentren* *Zentrum*, *Daten* *Datum*."""
    found = tuple(singular_readings(word, lang))
    lower = normalize_for_match(word)
    if not found or not lower.endswith(NARROWED_READINGS.get(lang, ())) or has_dictionary(lang):
        return found
    return _frequent_readings(lower, lang, found)


@lru_cache(maxsize=65536)
def _frequent_readings(word: str, lang: str, found: tuple[str, ...]) -> tuple[str, ...]:
    from wordfreq import zipf_frequency  # its list of the language read once, by a check or look-up that needs it

    if lang == "sv":  # a word in -or
        return () if any(zipf_frequency(word + article, lang) > 0 for article in _DEFINITE_ARTICLES) else found
    other = max(zipf_frequency(word[:-1], lang), zipf_frequency(word[:-2], lang))  # a German word in -en
    return tuple(reading for reading in found if not (
        reading[len(word) - 2:] in _LOANWORD_SINGULARS and zipf_frequency(reading, lang) < other))


def no_noun(reading: str, lang: str) -> bool:
    """Whether a German reading (lower case) is a word the dictionary knows in lower case only, listed or made by a
    suffix rule, as no noun is: an adjective, a participle, a verb's form (*verletzt* of *Verletzte*, *war* of
    *Waren*); a word it does not know (a compound) is no such word."""
    return lang == "de" and bool(_lemmas(reading, lang)) and not _lemmas(_capitalised(reading), lang)


def plural_of(word: str, reading: str, lang: str) -> bool:
    """Whether the dictionary makes ``word`` of ``reading`` (both lower case; German nouns capitalised) by one of
    the reading's suffix rules: German *Waren* of *Ware* (N: -n), whatever the verb *waren* does to the word's
    frequency; Danish *teknikerne* of *tekniker*, not *teknik*."""
    if lang == "de":
        word, reading = _capitalised(word), _capitalised(reading)
    return reading in _lemmas(word, lang)


def another_word(word: str, term: str, lang: str) -> bool:
    """Whether the dictionary reads ``word`` (as a text writes it) as a form of listed words only, none of which is
    the one-word ``term`` nor a word it is a form of: Danish *teknikeren* is *tekniker*'s (a technician), not
    *teknik*'s, which Snowball stems alike; German *waren* (were) is no *Ware*. False where it does not know the
    word (a compound, a form two affixes deep) or has no dictionary."""
    if lang not in DICTIONARIES or word.lower() == term.lower():
        return False
    if lang != "de":  # German's nouns are capitalised, the others' words listed in lower case
        word, term = word.lower(), term.lower()
    read = _lemmas(word, lang)
    if lang == "de":
        # igerman98 lists an umlaut plural apart, of a singular it does not say (Einsätze/Nm, Verbände/Nm, Ämter/Nmij):
        # the term without the umlaut (Einsatz), no other word, for Einsätze nor for Einsätzen, made of it
        read = {lemma for lemma in read if not _umlaut_plural(lemma, term)}
    return bool(read) and not read & {term, *_lemmas(term, lang)}


_PLAIN_VOWELS = str.maketrans("äöüÄÖÜ", "aouAOU")


def _umlaut_plural(lemma: str, term: str) -> bool:
    """Whether a German listed ``lemma`` is ``term``'s plural with an umlaut (Einsätze, Ämter, Mütter), not a singular
    of its own, listed with a genitive's flag (Ausländer, Anhänger: a foreigner, a follower; not Ausland, Anhang)."""
    plain = lemma.translate(_PLAIN_VOWELS)
    return (plain != lemma and plain.startswith(term) and plain[len(term):] in ("", "e", "er")
            and not listed_singular(lemma.lower(), "de"))


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=65536)
def _lemmas(word: str, lang: str) -> frozenset[str]:
    """The listed words ``word`` is (as listed) or is made of by one of their suffix rules, one affix deep. A word
    listed without a suffix rule's flag is a form listed apart, of a word it does not say (German *Risiken/m*, of
    *Risiko*): not read as one."""
    entries, rules = _entries(lang), _rules(lang)
    lemmas = {word} if any(set(flags) & _flags(lang) for flags in entries.get(word, ())) else set()
    for cut in range(len(word) + 1):
        for strip, flag, condition in rules.get(word[cut:], ()):
            lemma = word[:cut] + strip
            if (strip or cut < len(word)) and condition.search(lemma) \
                    and any(flag in flags for flags in entries.get(lemma, ())):
                lemmas.add(lemma)
    return frozenset(lemmas)


@lru_cache(maxsize=None)
def _flags(lang: str) -> frozenset[str]:
    """The flags of the dictionary's suffix rules that add letters (igerman98's i, j add nothing or a hyphen: a
    compound's part, listed as *Themen/ijm*)."""
    return frozenset(flag for add, made in _rules(lang).items() if any(c.isalpha() for c in add) for _, flag, _ in made)


@lru_cache(maxsize=None)
def _entries(lang: str) -> dict[str, list[tuple[str, ...]]]:
    """Word → the flags of each of its listings, empty without a dictionary."""
    path = _installed(lang, "dic")
    entries: dict[str, list[tuple[str, ...]]] = {}
    if path is None:
        return entries
    encoding, flag = _header(lang)
    with open(path, encoding=encoding, errors="replace") as lines:
        next(lines, None)  # the count of words
        for line in lines:
            word, _, flags = line.split("\t")[0].split(" ")[0].rstrip("\n").partition("/")
            entries.setdefault(word, []).append(
                tuple(flags.split(",")) if flag == "num" else
                tuple(flags[i:i + 2] for i in range(0, len(flags), 2)) if flag == "long" else tuple(flags))
    return entries


@lru_cache(maxsize=None)
def _header(lang: str) -> tuple[str, str]:
    """The dictionary's encoding (its .aff's SET: Debian's are UTF-8, others' ISO8859-1 or -15) and how its flags are
    written (FLAG: one character each, ``long`` two, ``num`` numbers and commas as da_DK's)."""
    path, read = _installed(lang, "aff"), {"SET": "utf-8", "FLAG": ""}
    if path is not None:
        with open(path, encoding="latin-1") as lines:  # SET and FLAG are ASCII, before the rules
            for line in lines:
                fields = line.split()
                if len(fields) >= 2 and fields[0] in read:
                    read[fields[0]] = fields[1]
    try:
        encoding = codecs.lookup(read["SET"].removeprefix("microsoft-")).name
    except LookupError:
        encoding = "utf-8"
    return encoding, read["FLAG"]


@lru_cache(maxsize=None)
def _rules(lang: str) -> dict[str, list[tuple[str, str, re.Pattern]]]:
    """What a suffix rule adds → (what it strips, its flag, its condition on the word it is given)."""
    path = _installed(lang, "aff")
    rules: dict[str, list[tuple[str, str, re.Pattern]]] = {}
    if path is None:
        return rules
    with open(path, encoding=_header(lang)[0], errors="replace") as lines:
        for line in lines:  # SFX flag strip add[/flags] condition
            fields = line.split()
            if len(fields) < 5 or fields[0] != "SFX":
                continue
            try:
                condition = re.compile(f"{fields[4]}$")
            except re.error:  # a line no Hunspell reads either
                continue
            add = fields[3].split("/")[0]
            rules.setdefault("" if add == "0" else add, []).append(("" if fields[2] == "0" else fields[2], fields[1],
                                                                   condition))
    return rules


@lru_cache(maxsize=None)
def has_dictionary(lang: str) -> bool:
    """Whether the language's Hunspell dictionary is installed (``TMTOOL_HUNSPELL_DIR``, else ``HUNSPELL``)."""
    return _installed(lang, "dic") is not None


def _installed(lang: str, extension: str) -> Path | None:
    folder = Path(os.environ.get("TMTOOL_HUNSPELL_DIR", HUNSPELL))
    return next((path for name in DICTIONARIES.get(lang, ()) if (path := folder / f"{name}.{extension}").is_file()),
                None)
