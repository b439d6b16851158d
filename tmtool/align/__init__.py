"""Sentence alignment: a language-independent monotone aligner, its gold format and its metric.

>>> from tmtool.align import align_texts
>>> [b.gold_format() for b in align_texts(["Il pleut.", "Il fait froid."], ["It rains.", "It is cold."])]
['[0]:[0]', '[1]:[1]']
"""

from .aligner import align, align_texts
from .gold import Scores, evaluate, format_beads, parse_beads, read_beads

__all__ = ["align", "align_texts", "evaluate", "format_beads", "parse_beads", "read_beads", "Scores"]
