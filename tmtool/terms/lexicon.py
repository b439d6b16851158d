"""The gender of French nouns, and the word forms that are only verbs, from Dicollecte's French dictionary for
Hunspell, read as data.

Dicollecte's dictionary (Debian's ``hunspell-fr-comprehensive`` and its sister packages,
``/usr/share/hunspell/fr.dic``, MPL-2.0) tags each lemma with its part of speech and, for a noun, its
gender: ``exercice/S.() po:nom is:mas``, ``menace/S.() po:nom is:fem``, ``ministre/S.() po:nom is:epi``.
A term's gender is its head noun's (*centre de commandement* is masculine whatever the tagger guesses,
*Commandement de forces interarmées alliées* whatever *alliées* agrees with), except where the noun takes
either (*epi*: *la secrétaire générale*, *le poste* / *la poste*) or the dictionary does not list it as a
lemma of its own (a feminine form, *colonelle*, *directrice*): there the text's agreement tells. A noun
listed with one gender that is also the feminine of another noun, inflected by one of the dictionary's
masculine/feminine flags (``F.``, ``F+``, ``Fc`` …: *marin/F.* gives *la marine*), takes either: *marine* is
listed as the soldier (*un marine*), and *la marine* is the navy; so are *finale*, *forte*, *martyre*. Without
the dictionary installed, agreement alone does, as before.

The same dictionary tells which word forms are only verbs: its affix file (``fr.aff``) conjugates each verb
lemma with suffix rules that name the form (``SFX f0 ir it/… po:ipre po:ipsi po:3sg``: *investit*). A form
every reading of which is a finite verb's (*investit*, *portaient*, *évolue*) is never a noun or an adjective,
whatever a small tagger guesses on a sentence it misreads (``finite_verb_only``); one with another reading
(*relève*, *forme*: nouns too; *armé*: a participle) is left to the tagger.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

HUNSPELL = Path("/usr/share/hunspell")
SOURCES = ("fr.dic", "fr_FR.dic")
_GENDERS = {"mas": "masculine", "fem": "feminine"}
# Dicollecte's names of the finite forms: indicative present, simple past, imperfect, future; subjunctive
# present and imperfect; conditional; imperative
_FINITE = {"po:ipre", "po:ipsi", "po:iimp", "po:ifut", "po:spre", "po:simp", "po:cond", "po:impe"}


def noun_gender(word: str) -> str | None:
    """*masculine* or *feminine*: the gender of a French noun (its singular, as written) that has one
    gender only; None for a noun of either gender, one the dictionary does not list as a lemma, or when
    no dictionary is installed. A capitalised word is read in lower case unless the dictionary lists it
    as written (*Marine*, a name; *PIB*, an acronym: an acronym is never lowered, *AIS* is no *ais*)."""
    genders, capitalised = _lemmas()
    if word not in capitalised and word[:1].isupper() and not word.isupper():
        word = word.lower()
    return genders.get(word)


def _lemmas() -> tuple[dict[str, str], frozenset[str]]:
    """(lemma → gender of the nouns of one gender, the capitalised lemmas listed: a name, an acronym)."""
    genders, capitalised, _ = _word_list()
    return genders, capitalised


@lru_cache(maxsize=1)
def _word_list() -> tuple[dict[str, str], frozenset[str], dict[str, list[tuple[str, bool]]]]:
    """What the dictionary's word list (``fr.dic``) gives, read once: ``_lemmas``'s genders and capitalised
    lemmas, and each word's listings as (flags, is a verb lemma) for ``_readings``; ``TMTOOL_HUNSPELL_DIR``
    points elsewhere than /usr/share/hunspell (tests, other systems)."""
    path = _installed(SOURCES)
    if path is None:
        return {}, frozenset(), {}
    seen: dict[str, set[str]] = {}
    feminines: set[str] = set()  # the feminine forms (in -e) of the nouns inflected in gender
    capitalised: set[str] = set()
    listings: dict[str, list[tuple[str, bool]]] = {}
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:  # word[/flags] po:… is:…
            entry, _, morphology = line.partition(" ")
            word, _, flags = entry.partition("/")
            listings.setdefault(word, []).append((flags, "po:v" in morphology))
            if word[:1].isupper():
                capitalised.add(word)
            if "po:nom" in morphology:
                gender = next((g for g in ("mas", "fem", "epi") if f"is:{g}" in morphology), "")
                seen.setdefault(word, set()).add(gender)
                if flags.startswith("F"):  # the flag inflects it in gender: its feminine in -e
                    feminines.add(word + "e")
    for word in feminines & seen.keys():
        seen[word].add("fem")
    # a homograph listed twice with two genders (or once without one) takes either
    genders = {word: _GENDERS[g] for word, (g, *more) in seen.items() if not more and g in _GENDERS}
    return genders, frozenset(capitalised), listings


def load() -> None:
    """Read the dictionary now (a process about to fork its parse worker: ``french._nlp``)."""
    _verb_dictionary()


def finite_verb_only(word: str) -> bool:
    """Whether every reading the French dictionary gives a lower-case word form is a finite verb's
    (*investit*, *portaient*): False for a form with another reading, a noun's, an adjective's, a
    participle's, an infinitive's (*relève*, *armé*), for one the dictionary does not know, and when no
    dictionary is installed."""
    readings = _readings(word)
    return bool(readings) and all(readings)


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[bool, ...]:
    """Whether each reading of ``word`` is a finite verb form: the word as listed, or a listed lemma
    with one of its suffix rules (stem = word less the rule's ending plus what it strips)."""
    entries, rules = _verb_dictionary()
    readings = [False for flags, verb in entries.get(word, ()) if not (verb and _flagged(flags, "()"))]  # needs an affix
    for cut in range(len(word) + 1):
        for strip, made in rules.get(word[cut:], {}).items():
            stem = word[:cut] + strip
            for flags, verb in entries.get(stem, ()):
                readings.extend(finite and verb for flag, condition, finite in made
                                if _flagged(flags, flag) and condition.search(stem))
    return tuple(readings)


@lru_cache(maxsize=1)
def _verb_dictionary() -> tuple[dict[str, list[tuple[str, bool]]],
                                dict[str, dict[str, list[tuple[str, re.Pattern, bool]]]]]:
    """(word → its listings' (flags, is a verb lemma), ending → what the suffix rules that add it strip →
    those rules: (flag, the stem's condition, whether it makes a finite form)); empty without a dictionary."""
    entries, aff = _word_list()[2], _installed(("fr.aff", "fr_FR.aff"))
    if not entries or aff is None:
        return {}, {}
    rules: dict[str, dict[str, list[tuple[str, re.Pattern, bool]]]] = {}
    with open(aff, encoding="utf-8", errors="replace") as lines:
        for line in lines:  # SFX flag strip add[/flags] condition morphology…
            fields = line.split()
            if len(fields) < 5 or fields[0] != "SFX":
                continue
            _, flag, strip, add, condition, *morphology = fields
            add = add.split("/", 1)[0]
            try:  # Hunspell's conditions are regular expressions' character classes and dots
                pattern = re.compile(f"{condition}$")
            except re.error:  # a line no Hunspell reads either: passed over
                continue
            rules.setdefault("" if add == "0" else add, {}).setdefault("" if strip == "0" else strip, []).append(
                (flag, pattern, bool(_FINITE & set(morphology))))
    return entries, rules


def _flagged(flags: str, flag: str) -> bool:
    """Whether a listing's flags hold ``flag``: two characters each (Dicollecte's ``FLAG long``)."""
    return any(flags.startswith(flag, k) for k in range(0, len(flags), 2))


def _installed(names: tuple[str, ...]) -> Path | None:
    """The first of ``names`` in the dictionary folder; ``TMTOOL_HUNSPELL_DIR`` points elsewhere than
    /usr/share/hunspell (tests, other systems)."""
    folder = Path(os.environ.get("TMTOOL_HUNSPELL_DIR", HUNSPELL))
    return next((folder / name for name in names if (folder / name).is_file()), None)
