"""The terminology engine: French term candidates, their ranking, and their English equivalents.

``extract_french`` ranks French terms of sentences, ``extract_english`` English ones (the English-led
glossary's, ``pivot``, cut at a threshold of their own, ``ENGLISH_THRESHOLD``); ``build_glossary`` adds
English equivalents from aligned sentence pairs. spaCy is loaded on first use, never on import.
"""

from .equivalents import build_glossary
from .extract import DEFAULT_THRESHOLD, extract_french
from .pivot import ENGLISH_THRESHOLD, extract_english

__all__ = ["DEFAULT_THRESHOLD", "ENGLISH_THRESHOLD", "build_glossary", "extract_english", "extract_french"]
