"""A general French–English dictionary, read as data, as a prior for word alignment.

The source is FreeDict (Debian's ``dict-freedict-fra-eng`` and ``dict-freedict-eng-fra``, GPL-2+),
read from where the package installs it at run time and never copied into tmtool: a user without the
package gets no prior and the aligner learns from the memory alone. Both directions are read and
merged, since each lists words the other lacks. Only the word level is kept (single-word headwords
and single-word translations, folded and singularised as the aligner's words are): phrases of a
general dictionary rarely match a domain's terms, while its words anchor the alignment of those terms.
It also tells the adjectives of a people or a place (``place_adjectives``), which make a phrase the
name of no concept (*frégate italienne*, ``termhood.shape``).
"""

from __future__ import annotations

import gzip
import os
import re
from functools import lru_cache
from pathlib import Path

from ..text.normalize import fold, stem

DICTD = Path("/usr/share/dictd")
# (file, whether its headwords are French)
SOURCES = (("freedict-fra-eng.dict.dz", True), ("freedict-eng-fra.dict.dz", False))
_HEADWORD = re.compile(r"^(?P<word>[^/<]+?)\s*(?:/[^/]*/)?\s*(?:<(?P<pos>[^>]*)>)?\s*$")
_SENSE_NUMBER = re.compile(r"^\d+\.\s*")
_PARENTHESES = re.compile(r"\([^)]*\)")


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """A word as the dictionary is keyed: folded and singularised."""
    return stem(fold(word.replace("‐", "-")))


def parse_dictd(text: str) -> list[tuple[str, str, list[str]]]:
    """(headword, part of speech, translations) of a dictd text: a headword line (with its pronunciation and
    part of speech: *adj*, *n*, *v*; empty when not given) followed by translation lines, comma-separated,
    optionally numbered by sense."""
    entries: list[tuple[str, str, list[str]]] = []
    current: tuple[str, str, list[str]] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("00-database") or line.startswith(" "):
            continue
        headword = _HEADWORD.match(line)
        if headword and "/" in line:  # a headword line carries its pronunciation
            current = (headword["word"].strip(), (headword["pos"] or "").split(",")[0].strip(), [])
            entries.append(current)
        elif current is not None:
            sense = _PARENTHESES.sub("", _SENSE_NUMBER.sub("", line))
            current[2].extend(t.strip() for t in re.split(r"[,;]", sense) if t.strip())
    return entries


@lru_cache(maxsize=1)
def _installed() -> tuple[tuple[bool, list[tuple[str, str, list[str]]]], ...]:
    """(whether the headwords are French, entries) of each dictionary installed. ``TMTOOL_DICTIONARY_DIR``
    points elsewhere than /usr/share/dictd (tests, other systems)."""
    folder = Path(os.environ.get("TMTOOL_DICTIONARY_DIR", DICTD))
    found = []
    for name, french_headwords in SOURCES:
        path = folder / name
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
                found.append((french_headwords, parse_dictd(f.read())))
    return tuple(found)


@lru_cache(maxsize=1)
def word_pairs() -> frozenset[tuple[str, str]]:
    """Folded, singularised (French word, English word) pairs; empty when no dictionary is installed."""
    pairs: set[tuple[str, str]] = set()
    for french_headwords, entries in _installed():
        for headword, _, translations in entries:
            if " " in headword:
                continue
            for translation in translations:
                if " " in translation:
                    continue
                fr, en = (headword, translation) if french_headwords else (translation, headword)
                pairs.add((key(fr), key(en)))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def place_adjectives() -> frozenset[str]:
    """French adjectives of a people or a place (*roumain*, *marocain*, *britannique*): those English writes
    with a capital (*Romanian*), read in either direction of the dictionary (a French adjective all of whose
    translations are capitalised, the French translations of a capitalised English adjective); empty when
    no dictionary is installed."""
    found: set[str] = set()
    for french_headwords, entries in _installed():
        for headword, part_of_speech, translations in entries:
            if part_of_speech != "adj" or " " in headword:
                continue
            if french_headwords and headword[:1].islower() and translations \
                    and all(t[:1].isupper() for t in translations):
                found.add(headword)
            elif not french_headwords and headword[:1].isupper():
                found.update(t for t in translations if t[:1].islower() and " " not in t)
    return frozenset(found)


def translations() -> dict[str, frozenset[str]]:
    """``word_pairs`` as French key → its English keys."""
    return _by_french(word_pairs())


@lru_cache(maxsize=1)
def _by_french(pairs: frozenset[tuple[str, str]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for fr, en in pairs:
        found.setdefault(fr, set()).add(en)
    return {fr: frozenset(en) for fr, en in found.items()}
