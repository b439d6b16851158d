"""English without an English model package: tokens (``tokens``), part-of-speech tags (``tagger``),
lemmas (``lemmas``) and candidate noun phrases (``phrases``), with a tagger and lemmatiser trained
on UD English EWT that ship in ``data/``."""

from .lemmas import lemma
from .phrases import NounPhrase, Word, analyse, noun_phrases, noun_phrases_many
from .tagger import tag
from .tokens import tokenize

__all__ = ["NounPhrase", "Word", "analyse", "lemma", "noun_phrases", "noun_phrases_many", "tag", "tokenize"]
