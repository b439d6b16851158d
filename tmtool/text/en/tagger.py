"""English part-of-speech tagging: a greedy averaged perceptron over the 17 universal (UD) tags.

Each word, left to right, takes the tag that scores highest under a linear model of sparse binary
features (Collins 2002): the word as written and lower-cased, its prefixes, suffixes and shape, the
words around it and pairs of them, the tags already given to the two words before it, and the word's
*ambiguity class*, the set of tags it had in training (for the word and the two after it; an unseen
inflection of a known noun or verb has its base's). Frequent words that EWT always tags the same way
skip the model (a tag dictionary).

Speed: the features of a word that do not depend on tags are looked up once per word *type* (a table
of feature rows that grows as new words are seen) and summed with numpy for a whole batch of
sentences; only the scores of the previous tags are added token by token, on Python lists.

The weights are in ``data/tagger.npz``, trained on UD English EWT by ``bench/train_en_tagger.py``.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from importlib.resources import as_file, files
from operator import add
from pathlib import Path
from typing import Sequence

import numpy as np

TAGS = (
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
)  # fmt: skip
VERB = TAGS.index("VERB")
START = len(TAGS)  # the "tag" before the first word of a sentence
HISTORY = START + 1  # values a previous tag can take

# Feature spaces. Word templates describe the word itself; CONTEXT the words around it (offset,
# template); "first" is the shape of a word that opens its sentence (a capital there says less);
# BIGRAMS pair the lower-cased words at two offsets; "pair" joins the previous tag and the word.
WORD_TEMPLATES = ("w", "W", "s1", "s2", "s3", "s4", "p1", "p2", "p3", "sh", "a", "g")
CONTEXT = ((-2, "w"), (-1, "w"), (-1, "s3"), (-1, "sh"), (1, "w"), (1, "s3"), (1, "sh"), (2, "w"), (1, "a"), (2, "a"))
BIGRAMS = ((-1, 0), (0, 1))
SPACES = (
    WORD_TEMPLATES
    + tuple(f"{o}{t}" for o, t in CONTEXT)
    + ("first",)
    + tuple(f"{a}{b}" for a, b in BIGRAMS)
    + ("pair",)
)
TABLE_COLUMNS = len(WORD_TEMPLATES) + len(CONTEXT) + 1  # spaces looked up once per word type
TABLE_OFFSETS = (0,) * len(WORD_TEMPLATES) + tuple(o for o, _ in CONTEXT)  # whose value, but "first"
FIRST_COLUMN = TABLE_COLUMNS - 1
PAIR_SPACE = len(SPACES) - 1
STATIC_COLUMNS = 1 + TABLE_COLUMNS + len(BIGRAMS)  # bias, the table's spaces, the bigrams
# Rows of the weight matrix before the feature spaces: nothing (unknown feature), bias, previous tag,
# the two previous tags.
ZERO_ROW, BIAS_ROW, PREV_ROW = 0, 1, 2
PREV2_ROW = PREV_ROW + HISTORY
FIRST_FEATURE_ROW = PREV2_ROW + HISTORY * HISTORY
# Padding around a sentence, so that every word has two neighbours on each side; with a space in
# them, no token can be mistaken for one. They are word types 0-3.
PADS = BEFORE, BEFORE2, AFTER, AFTER2 = "<s> ", "<s2> ", "</s> ", "</s2> "
# "pair" values: the previous tag's name (or the start of the sentence) and the lower-cased word
TAG_PREFIX = tuple(f"{t} " for t in TAGS) + (BEFORE,)

_DIGIT = re.compile(r"\d")
_SHAPE = str.maketrans(
    {
        **{chr(c): "X" for c in range(ord("A"), ord("Z") + 1)},
        **{chr(c): "x" for c in range(ord("a"), ord("z") + 1)},
        **{chr(c): "d" for c in range(ord("0"), ord("9") + 1)},
    }
)
_RUN = re.compile(r"(.)\1+")


def shape(word: str) -> str:
    """Letters, digits and signs as classes, runs collapsed: *NATO* X, *Brussels* Xx, *F-35* X-d."""
    mapped = "".join(c if c.isascii() else ("X" if c.isupper() else "x" if c.isalpha() else c) for c in word)
    return _RUN.sub(r"\1", mapped.translate(_SHAPE))[:6]


def word_features(word: str, lexicon: dict[str, str]) -> tuple[str, ...]:
    """The values of WORD_TEMPLATES for one word. The first is the lower-cased word, digits as 0;
    "a" the tags it had in training (its ambiguity class, "?" for a word never seen); "g", for a word
    never seen, an ending it has and the class of the base form without it."""
    norm = _DIGIT.sub("0", word.lower())
    return (
        norm, word, norm[-1:], norm[-2:], norm[-3:], norm[-4:], word[:1], norm[:2], norm[:3], shape(word),
        lexicon.get(norm, "?"),
        _guess(norm, lexicon),
    )  # fmt: skip


# Inflectional endings and what replaces them in the base form, most specific first.
_ENDINGS = (
    ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("ly", ""), ("er", ""), ("est", ""),
)  # fmt: skip


def _guess(norm: str, lexicon: dict[str, str]) -> str:
    """For a word training never saw: an inflectional ending and the tags its base form had
    (*relies* → "ies>VERB" through *rely*), so that an unknown inflected word looks like its base."""
    if norm in lexicon:
        return ""
    for ending, base in _ENDINGS:
        if norm.endswith(ending) and len(norm) > len(ending) + 1:
            found = lexicon.get(norm[: len(norm) - len(ending)] + base)
            if found is not None:
                return f"{ending}>{found}"
    return "?"


def table_values(features: tuple[str, ...]) -> tuple[str, ...]:
    """The values a word type takes in the first TABLE_COLUMNS spaces (as itself, as a neighbour,
    as the first word)."""
    context = tuple(features[WORD_TEMPLATES.index(t)] for _, t in CONTEXT)
    return features + context + (features[WORD_TEMPLATES.index("sh")],)


class Tagger:
    """A trained model: one dict (feature value -> weight row) per entry of SPACES, the weights
    (rows x TAGS) and the tag dictionary (word -> tag number)."""

    def __init__(
        self,
        spaces: Sequence[dict[str, int]],
        weights: np.ndarray,
        tagdict: dict[str, int],
        lexicon: dict[str, str],
    ):
        self.spaces = list(spaces)
        self.lexicon = lexicon  # lower-cased word -> its ambiguity class
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.tagdict = tagdict
        history = self.weights[PREV_ROW : PREV_ROW + HISTORY]
        history2 = self.weights[PREV2_ROW:FIRST_FEATURE_ROW].reshape(HISTORY, HISTORY, -1)
        # history[p2 * HISTORY + p1]: the score of the tags before a word, as Python lists
        self._history = (history2 + history[None, :, :]).reshape(HISTORY * HISTORY, -1).tolist()
        pair_rows = sorted(self.spaces[PAIR_SPACE].items(), key=lambda item: item[1])
        self._pair_index = {value: k for k, (value, _) in enumerate(pair_rows)}
        self._pair_scores = self.weights[[row for _, row in pair_rows]].tolist()
        self._lock = threading.Lock()
        self._clear_types()

    def _clear_types(self) -> None:
        self._types: dict[str, int] = {}
        self._norms: list[str] = []
        self._table = np.zeros((1024, TABLE_COLUMNS), dtype=np.int32)  # feature rows of each word type
        self._fixed = np.full(1024, -1, dtype=np.int8)  # tag dictionary entry of each type, or -1
        for pad in PADS:
            self._type(pad)

    def _type(self, word: str) -> int:
        found = self._types.get(word)
        if found is not None:
            return found
        number = len(self._types)
        if number == len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._fixed = np.concatenate([self._fixed, np.full_like(self._fixed, -1)])
        features = word_features(word, self.lexicon)
        self._table[number] = [space.get(v, ZERO_ROW) for space, v in zip(self.spaces, table_values(features))]
        self._fixed[number] = self.tagdict.get(word, -1)
        self._norms.append(features[0])
        self._types[word] = number
        return number

    def static_rows(
        self, sentences: Sequence[Sequence[str]]
    ) -> tuple[np.ndarray, list[bool], list[int], list[str]]:
        """For every word of ``sentences`` in order: the rows of its tag-independent features
        (words x STATIC_COLUMNS), whether it opens its sentence, its tag in the tag dictionary (or
        -1) and its lower-cased form. The type cache is read under the lock once: another thread
        may grow or clear it afterwards."""
        with self._lock:
            if len(self._types) > 500_000:  # a bound on the cache for very long-running processes
                self._clear_types()
            get = self._types.get
            padded = []
            for sentence in sentences:
                padded += (1, 0)  # BEFORE2, BEFORE
                padded += [t if (t := get(w)) is not None else self._type(w) for w in sentence]
                padded += (2, 3)  # AFTER, AFTER2
            table, norms, fixed = self._table, self._norms, self._fixed
        types = np.asarray(padded, dtype=np.int64)
        positions = np.flatnonzero(types > 3)
        rows = np.empty((len(positions), STATIC_COLUMNS), dtype=np.int32)
        rows[:, 0] = BIAS_ROW
        own = table[types[positions]]
        rows[:, 1 : len(WORD_TEMPLATES) + 1] = own[:, : len(WORD_TEMPLATES)]
        for column, (offset, _) in enumerate(CONTEXT, start=len(WORD_TEMPLATES)):
            rows[:, column + 1] = table[types[positions + offset], column]
        first = types[positions - 1] == 0
        rows[:, FIRST_COLUMN + 1] = np.where(first, own[:, FIRST_COLUMN], ZERO_ROW)
        for column, (a, b) in enumerate(BIGRAMS, start=TABLE_COLUMNS):
            space = self.spaces[column]
            left, right = types[positions + a].tolist(), types[positions + b].tolist()
            rows[:, column + 1] = [space.get(f"{norms[x]} {norms[y]}", ZERO_ROW) for x, y in zip(left, right)]
        words = types[positions]
        return rows, first.tolist(), fixed[words].tolist(), [norms[t] for t in words.tolist()]

    def tag_indices(self, sentences: Sequence[Sequence[str]]) -> list[int]:
        """Tag numbers (indices in TAGS) of every word of ``sentences``, flattened."""
        return self.decode(sentences)[0]

    def decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[int], dict[int, tuple[int, float]]]:
        """Tag numbers of every word of ``sentences``, flattened, and for the words tagged VERB by the
        model (not the tag dictionary), by flat index: the runner-up tag and how far its score is
        below the verb's (a small margin is a close call: *as host country*)."""
        rows, first, fixed, norms = self.static_rows(sentences)
        history, pair_index, pair_scores, weights = self._history, self._pair_index, self._pair_scores, self.weights
        tags: list[int] = []
        runners_up: dict[int, tuple[int, float]] = {}
        for chunk in range(0, len(rows), 4096):  # bounds the (words x features x tags) temporary
            scores = weights[rows[chunk : chunk + 4096]].sum(axis=1).tolist()
            for k, own in enumerate(scores, start=chunk):
                if first[k]:
                    p2 = p1 = START
                tag = fixed[k]
                if tag < 0:
                    total = list(map(add, own, history[p2 * HISTORY + p1]))
                    pair = pair_index.get(TAG_PREFIX[p1] + norms[k])
                    if pair is not None:
                        total = list(map(add, total, pair_scores[pair]))
                    best = max(total)
                    tag = total.index(best)
                    if tag == VERB:
                        total[tag] = float("-inf")
                        second = max(total)
                        runners_up[k] = (total.index(second), best - second)
                tags.append(tag)
                p2, p1 = p1, tag
        return tags, runners_up

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """UPOS tags of each sentence's words."""
        flat = self.tag_indices(sentences)
        out, at = [], 0
        for sentence in sentences:
            out.append([TAGS[t] for t in flat[at : at + len(sentence)]])
            at += len(sentence)
        return out

    def save(self, path: Path) -> None:
        """Write the model as a compressed .npz (weights as float16)."""
        words = sorted(self.tagdict)
        with open(path, "wb") as out:
            np.savez_compressed(
                out,
                weights=self.weights.astype(np.float16),
                tagdict_words=_text("\n".join(words)),
                tagdict_tags=np.array([self.tagdict[w] for w in words], dtype=np.int8),
                lexicon=_text("\n".join(f"{w}\t{self.lexicon[w]}" for w in sorted(self.lexicon))),
                **{f"space{i}": _blob(space) for i, space in enumerate(self.spaces)},
            )

    @classmethod
    def load(cls, path: Path) -> "Tagger":
        with np.load(path) as data:
            spaces = [_unblob(data[f"space{i}"]) for i in range(len(SPACES))]
            words = bytes(data["tagdict_words"]).decode().split("\n")
            tagdict = dict(zip(words, data["tagdict_tags"].tolist())) if data["tagdict_tags"].size else {}
            lexicon = dict(line.split("\t") for line in bytes(data["lexicon"]).decode().split("\n") if line)
            return cls(spaces, data["weights"], tagdict, lexicon)


def _text(text: str) -> np.ndarray:
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _blob(space: dict[str, int]) -> np.ndarray:
    """A feature space as bytes: its first row and size, then its values in row order separated by
    newlines (no token holds a newline). Rows of a space are consecutive."""
    ordered = sorted(space, key=space.__getitem__)
    first = space[ordered[0]] if ordered else 0
    if [space[v] for v in ordered] != list(range(first, first + len(ordered))):
        raise ValueError("the rows of a feature space must be consecutive")
    head = np.array([first, len(ordered)], dtype=np.int64).view(np.uint8)
    return np.concatenate([head, _text("\n".join(ordered))])


def _unblob(blob: np.ndarray) -> dict[str, int]:
    first, count = blob[:16].view(np.int64).tolist()
    values = bytes(blob[16:]).decode().split("\n") if count else []
    return dict(zip(values, range(first, first + count)))


@cache
def default_tagger() -> Tagger:
    """The tagger shipped with tmtool (loaded once per process)."""
    with as_file(files(__package__) / "data" / "tagger.npz") as path:
        return Tagger.load(path)


def tag(words: Sequence[str]) -> list[str]:
    """UPOS tags of one sentence's words, with the shipped model."""
    return default_tagger().tag_sentences([words])[0]
