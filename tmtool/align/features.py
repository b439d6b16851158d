"""Lexical evidence of sentences, as integer features that both languages share.

A feature is something a sentence and its translation tend to have in common whatever the language
pair: a number, a punctuation mark that survives translation (? ! quotes parentheses), a cognate or a
name (folded prefix and consonant skeleton), an acronym. Every sentence becomes a set of feature ids;
the aligner rewards a bead by the weight of the features its two sides share. Words are also kept
(per language) so that a translation lexicon can be learned from the documents and turned into more
shared features (see ``lexicon.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np
import regex

from ..text.normalize import fold_word
from .arrays import concat_ranges

_TOKEN = regex.compile(r"\d+|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|[?!()«»“”„\"]")
_TOKEN_OR_BREAK = regex.compile(_TOKEN.pattern + r"|\n")
_QUOTES = frozenset("«»“”„\"")
_PUNCTUATION = _QUOTES | frozenset("?!()")
_VOWELS = frozenset("aeiouy")
# the kinds of feature, and those a translation carries over whatever its wording (``orphan_evidence``)
KINDS = ("number", "punct", "prefix", "skeleton", "acronym", "name", "lexicon")
MARKERS = ("number", "name", "acronym")
# a cognate or name key needs this many letters to say more than chance
_MIN_WORD = 4

TokenNormalizer = Callable[[str], str]


def skeleton(word: str) -> str:
    """The first four consonants of a folded word (``gouvernement``, ``government`` → ``gvrn``)."""
    return "".join(c for c in word if c not in _VOWELS)[:4]


def words_of(text: str, normalize: TokenNormalizer) -> list[str]:
    """The folded words of a text (no numbers, no punctuation), as ``extract`` sees them."""
    cores = (normalize(token) for token in _TOKEN.findall(text) if token[0].isalpha())
    return [fold_word(core) for core in cores if core]


@dataclass(slots=True)
class SideFeatures:
    """One document side as flat arrays: (sentence, feature) and (sentence, word) occurrences.

    Each pair occurs once (sets, not counts); rows are sorted by sentence.
    """

    n_sentences: int
    feature_sent: np.ndarray
    feature_id: np.ndarray
    word_sent: np.ndarray
    word_id: np.ndarray
    words: dict[str, int]

    def mass(self, weights: np.ndarray) -> np.ndarray:
        """The total weight of each sentence's features."""
        return np.bincount(self.feature_sent, weights=weights[self.feature_id], minlength=self.n_sentences)


class FeatureSpace:
    """Feature ids shared by the two sides of one document pair."""

    def __init__(self) -> None:
        self.ids: dict[tuple, int] = {}

    def id(self, key: tuple) -> int:
        return self.ids.setdefault(key, len(self.ids))

    def extract(self, sentences: Sequence[str], normalize: TokenNormalizer) -> SideFeatures:
        """Tokenize and describe every sentence of one side.

        ``normalize`` is the language layer: it maps a word token to its core (``l’OTAN`` → ``OTAN``
        in French), or to "" for a token that is not evidence. Each distinct token is described once;
        occurrences are then expanded with numpy.
        """
        # one regex pass over all sentences, with a line break between them as a sentence mark;
        # tokens become ids as they are found (a list of every token string took 4 KB a sentence)
        text = "\n".join(text.replace("\n", " ") for text in sentences) + "\n"
        ids: dict[str, int] = {}
        found = (match[0] for match in _TOKEN_OR_BREAK.finditer(text))
        token = np.fromiter((ids.setdefault(t, len(ids)) for t in found), dtype=np.int64)
        tokens = _Tokens(self, normalize, ids)
        is_break = token == tokens.ids["\n"]
        sentence = np.cumsum(is_break) - is_break
        token, sentence = token[~is_break], sentence[~is_break]
        counts = np.bincount(sentence, minlength=len(sentences))
        pointer, feature_list, name, word = tokens.tables()
        # the name feature (a capitalised word) is left out for the first word of a sentence
        is_word = word[token] >= 0
        words_so_far = np.concatenate([[0], np.cumsum(is_word)])
        at_sentence_start = np.repeat(words_so_far[np.cumsum(counts) - counts], counts)
        named = (name[token] >= 0) & (words_so_far[1:] - at_sentence_start > 1)
        per_token = pointer[token + 1] - pointer[token]
        f_sent = np.concatenate([np.repeat(sentence, per_token), sentence[named]])
        f_id = np.concatenate([feature_list[concat_ranges(pointer[token], per_token)], name[token[named]]])
        f_sent, f_id = unique_pairs(f_sent, f_id)
        w_sent, w_id = unique_pairs(sentence[is_word], word[token[is_word]])
        return SideFeatures(len(sentences), f_sent, f_id, w_sent, w_id, tokens.words)

    def kinds(self) -> np.ndarray:
        """Each feature's kind, as its index in ``KINDS``."""
        return np.fromiter((KINDS.index(key[0]) for key in self.ids), dtype=np.int8, count=len(self.ids))


class _Tokens:
    """Distinct tokens of one side, each described once: features, name feature, word id."""

    def __init__(self, space: FeatureSpace, normalize: TokenNormalizer, distinct: Iterable[str]):
        self.space, self.normalize = space, normalize
        self.features: list[list[int]] = []
        self.name: list[int] = []
        self.word: list[int] = []
        self.words: dict[str, int] = {}
        self.ids = {token: number for number, token in enumerate(distinct)}
        for token in self.ids:
            self._describe(token)

    def tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(pointer, features) in CSR form, name feature (−1: none), word id (−1: not a word)."""
        pointer = np.zeros(len(self.features) + 1, dtype=np.int64)
        pointer[1:] = np.cumsum([len(f) for f in self.features])
        features = np.fromiter((f for fs in self.features for f in fs), dtype=np.int64, count=int(pointer[-1]))
        return pointer, features, np.asarray(self.name, dtype=np.int64), np.asarray(self.word, dtype=np.int64)

    def _describe(self, token: str) -> None:
        space = self.space
        features: list[int] = []
        name, word_id = -1, -1
        if token.isdigit():
            features.append(space.id(("number", token.lstrip("0") or "0")))
        elif token in _PUNCTUATION:
            features.append(space.id(("punct", "quote" if token in _QUOTES else token)))
        elif token[0].isalpha() and (core := self.normalize(token)):
            word = fold_word(core)
            if len(word) >= _MIN_WORD:
                features.append(space.id(("prefix", word[:_MIN_WORD])))
                consonants = skeleton(word)
                if len(consonants) >= 3:
                    features.append(space.id(("skeleton", consonants)))
            if core.isupper() and len(core) >= 2:
                features.append(space.id(("acronym", word)))
            elif core[0].isupper() and len(word) >= _MIN_WORD:
                name = space.id(("name", word[:_MIN_WORD]))
            word_id = self.words.setdefault(word, len(self.words))
        self.features.append(features)
        self.name.append(name)
        self.word.append(word_id)


def unique_pairs(sentence: np.ndarray, item: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (sentence, item) pairs, sorted by sentence."""
    if not len(item):
        return sentence, item
    span = int(item.max()) + 1
    keys = np.sort(sentence * span + item)
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
    return keys // span, keys % span


def feature_weights(src: SideFeatures, tgt: SideFeatures, n_features: int) -> np.ndarray:
    """How much a shared feature says: its mean inverse document frequency over the two sides.

    A feature found on one side only can never be shared and weighs 0; so does one found in more than
    one sentence and more than a quarter of the sentences of a side: two unrelated sentences share it
    too often for it to count.
    """
    weights = np.zeros(n_features)
    df_src = np.bincount(src.feature_id, minlength=n_features)
    df_tgt = np.bincount(tgt.feature_id, minlength=n_features)
    both = (df_src > 0) & (df_tgt > 0)
    n, m = max(src.n_sentences, 1), max(tgt.n_sentences, 1)
    idf_src = np.log(n / np.maximum(df_src[both], 1))
    idf_tgt = np.log(m / np.maximum(df_tgt[both], 1))
    common = (df_src[both] > max(1, n / 4)) | (df_tgt[both] > max(1, m / 4))
    weights[both] = np.where(common, 0.0, (idf_src + idf_tgt) / 2)
    return weights


def rare_markers(side: SideFeatures, other: SideFeatures, kinds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence of ``side`` and kind of ``MARKERS``: does it hold a marker of that kind (a number, a
    name, an acronym), then one that ``other`` lacks altogether (an orphan)? A marker found in more than
    one sentence and a quarter of the side's sentences says nothing of one sentence and is left out."""
    n_features = len(kinds)
    df = np.bincount(side.feature_id, minlength=n_features)
    rare = (df > 0) & (df <= max(1, side.n_sentences / 4))
    orphan = rare & (np.bincount(other.feature_id, minlength=n_features) == 0)
    held = np.zeros((2, side.n_sentences, len(MARKERS)), dtype=bool)
    for column, kind in enumerate(MARKERS):
        of_kind = kinds[side.feature_id] == KINDS.index(kind)
        for row, chosen in enumerate((rare, orphan)):
            held[row, side.feature_sent[of_kind & chosen[side.feature_id]], column] = True
    return held[0], held[1]


def orphan_evidence(
    src: SideFeatures, tgt: SideFeatures, pairs: np.ndarray, kinds: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """What each sentence's orphan markers (``rare_markers``) say against its having a translation, in
    nats, for the source then the target sentences.

    A sentence without translation (added or left out by the translator) has nothing to match its
    numbers, names and acronyms with: they are all orphans. A translated sentence's markers mostly have
    a counterpart, but how often depends on the language pair and the document (German capitalises
    every noun, and most of its "names" are common nouns in French; English capitalises titles; a
    converted unit adds numbers). So the sentences of ``pairs`` (k × 2: sentences that translate each
    other) say what a translated sentence does: holding an orphan of a kind costs −log of the share,
    among the paired sentences holding a marker of that kind, of those holding an orphan one
    (Krichevsky–Trofimov estimate: half an outcome of each kind added, so an unseen kind is a coin
    toss). Kinds add up.
    """
    out = []
    for column, (side, other) in enumerate(((src, tgt), (tgt, src))):
        rare, orphan = rare_markers(side, other, kinds)
        share = (orphan[pairs[:, column]].sum(axis=0) + 0.5) / (rare[pairs[:, column]].sum(axis=0) + 1)
        out.append(orphan @ -np.log(share))
    return out[0], out[1]
