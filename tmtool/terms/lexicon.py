"""The gender of French nouns, from Dicollecte's French dictionary for Hunspell, read as data.

Dicollecte's dictionary (Debian's ``hunspell-fr-comprehensive`` and its sister packages,
``/usr/share/hunspell/fr.dic``, MPL-2.0) tags each lemma with its part of speech and, for a noun, its
gender: ``exercice/S.() po:nom is:mas``, ``menace/S.() po:nom is:fem``, ``ministre/S.() po:nom is:epi``.
A term's gender is its head noun's (*centre de commandement* is masculine whatever the tagger guesses,
*Commandement de forces interarmées alliées* whatever *alliées* agrees with), except where the noun takes
either (*epi*: *la secrétaire générale*, *le poste* / *la poste*) or the dictionary does not list it as a
lemma of its own (a feminine form, *colonelle*, *directrice*): there the text's agreement tells. Without
the dictionary installed, agreement alone does, as before.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

HUNSPELL = Path("/usr/share/hunspell")
SOURCES = ("fr.dic", "fr_FR.dic")
_NOUN = re.compile(r"^(?P<word>[^/\s]+)\S*\s(?=.*\bpo:nom\b)(?:.*\bis:(?P<gender>mas|fem|epi)\b)?")
_GENDERS = {"mas": "masculine", "fem": "feminine"}


def noun_gender(word: str) -> str | None:
    """*masculine* or *feminine*: the gender of a French noun (its singular, as written) that has one
    gender only; None for a noun of either gender, one the dictionary does not list as a lemma, or when
    no dictionary is installed. A capitalised word is read in lower case unless the dictionary lists it
    as written (*Marine*, a name; *PIB*, an acronym: an acronym is never lowered, *AIS* is no *ais*)."""
    genders, listed = _lemmas()
    if word not in listed and word[:1].isupper() and not word.isupper():
        word = word.lower()
    return genders.get(word)


@lru_cache(maxsize=1)
def _lemmas() -> tuple[dict[str, str], frozenset[str]]:
    """(lemma → gender of the nouns of one gender, every lemma listed); ``TMTOOL_HUNSPELL_DIR`` points
    elsewhere than /usr/share/hunspell (tests, other systems)."""
    folder = Path(os.environ.get("TMTOOL_HUNSPELL_DIR", HUNSPELL))
    path = next((folder / name for name in SOURCES if (folder / name).is_file()), None)
    if path is None:
        return {}, frozenset()
    seen: dict[str, set[str]] = {}
    listed: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.strip():
                listed.add(line.split("/", 1)[0].split(None, 1)[0])
            match = _NOUN.match(line)
            if match:
                seen.setdefault(match["word"], set()).add(match["gender"] or "")
    # a homograph listed twice with two genders (or once without one) takes either
    genders = {word: _GENDERS[next(iter(g))] for word, g in seen.items() if len(g) == 1 and next(iter(g)) in _GENDERS}
    return genders, frozenset(listed)
