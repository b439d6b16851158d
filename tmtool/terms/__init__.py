"""The terminology engine: French term candidates, their ranking, and their English equivalents.

``extract_french`` ranks French terms of sentences, ``extract_english`` English ones (the English-led
glossary's, ``pivot``, cut at a threshold of their own, ``ENGLISH_THRESHOLD``); ``build_glossary`` adds
English equivalents from aligned sentence pairs. spaCy is loaded on first use, never on import.

These names are imported on first use (PEP 562): look-up and check import ``terms.nouns`` alone (a German word
in -en, a Swedish one in -or, has its readings weighed there), and a package's ``__init__`` runs before any of its
modules, so an eager one made each such look-up import the extractor, numpy and its lexicons (0.17 s of CPU).
"""

__all__ = ["DEFAULT_THRESHOLD", "ENGLISH_THRESHOLD", "build_glossary", "extract_english", "extract_french"]


def __getattr__(name: str):
    if name == "build_glossary":
        from .equivalents import build_glossary

        return build_glossary
    if name in ("DEFAULT_THRESHOLD", "extract_french"):
        from . import extract

        return getattr(extract, name)
    if name in ("ENGLISH_THRESHOLD", "extract_english"):
        from . import pivot

        return getattr(pivot, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
