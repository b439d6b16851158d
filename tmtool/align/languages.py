"""The optional language layer: what a word token's core is, for the languages we know.

The aligner runs on any language pair; a language listed here only gets cleaner words (French
elisions and English clitics removed, so that ``l’OTAN`` and ``NATO’s`` yield the words ``OTAN`` and
``NATO``). A language not listed keeps its tokens as they are.
"""

from __future__ import annotations

import regex

from ..text.normalize import french_elision
from .features import TokenNormalizer

_ENGLISH_CLITIC = regex.compile(r"['’](?:s|ll|re|ve|d|m)$|n['’]t$", regex.IGNORECASE)


def _french(token: str) -> str:
    return token[french_elision(token) :]


def _english(token: str) -> str:
    return _ENGLISH_CLITIC.sub("", token)


def _unchanged(token: str) -> str:
    return token


_NORMALIZERS: dict[str, TokenNormalizer] = {"fr": _french, "en": _english}


def token_normalizer(lang: str) -> TokenNormalizer:
    """The normalizer of a base language tag (``fr``, ``en`` …); the identity for other languages."""
    return _NORMALIZERS.get(lang.lower().split("-")[0], _unchanged)
