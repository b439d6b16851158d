"""The gender of French nouns, from Dicollecte's French dictionary for Hunspell, read as data.

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
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

HUNSPELL = Path("/usr/share/hunspell")
SOURCES = ("fr.dic", "fr_FR.dic")
_GENDERS = {"mas": "masculine", "fem": "feminine"}


def noun_gender(word: str) -> str | None:
    """*masculine* or *feminine*: the gender of a French noun (its singular, as written) that has one
    gender only; None for a noun of either gender, one the dictionary does not list as a lemma, or when
    no dictionary is installed. A capitalised word is read in lower case unless the dictionary lists it
    as written (*Marine*, a name; *PIB*, an acronym: an acronym is never lowered, *AIS* is no *ais*)."""
    genders, capitalised = _lemmas()
    if word not in capitalised and word[:1].isupper() and not word.isupper():
        word = word.lower()
    return genders.get(word)


@lru_cache(maxsize=1)
def _lemmas() -> tuple[dict[str, str], frozenset[str]]:
    """(lemma → gender of the nouns of one gender, the capitalised lemmas listed: a name, an acronym);
    ``TMTOOL_HUNSPELL_DIR`` points elsewhere than /usr/share/hunspell (tests, other systems)."""
    folder = Path(os.environ.get("TMTOOL_HUNSPELL_DIR", HUNSPELL))
    path = next((folder / name for name in SOURCES if (folder / name).is_file()), None)
    if path is None:
        return {}, frozenset()
    seen: dict[str, set[str]] = {}
    feminines: set[str] = set()  # the feminine forms (in -e) of the nouns inflected in gender
    capitalised: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:  # word[/flags] po:… is:…
            entry, _, morphology = line.partition(" ")
            word = entry.split("/", 1)[0]
            if word[:1].isupper():
                capitalised.add(word)
            if "po:nom" in morphology:
                gender = next((g for g in ("mas", "fem", "epi") if f"is:{g}" in morphology), "")
                seen.setdefault(word, set()).add(gender)
                if entry[len(word) + 1:].startswith("F"):  # the flag inflects it in gender: its feminine in -e
                    feminines.add(word + "e")
    for word in feminines & seen.keys():
        seen[word].add("fem")
    # a homograph listed twice with two genders (or once without one) takes either
    genders = {word: _GENDERS[g] for word, (g, *more) in seen.items() if not more and g in _GENDERS}
    return genders, frozenset(capitalised)
