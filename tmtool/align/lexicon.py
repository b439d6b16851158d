"""Translation lexicons as shared features: learned from the documents, or given by the caller.

Learning (as hunalign does, with Dice instead of its heuristic): the first pass aligns with lengths
and language-independent evidence; its confident 1-1 beads are a small parallel corpus in which a
source word and a target word that keep occurring together are each other's translation. An entry
(learned or given, one or several words a side) becomes one new feature, present on a sentence that
holds all of the entry's words on its side.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

import numpy as np

from .arrays import concat_ranges
from .features import FeatureSpace, SideFeatures, TokenNormalizer, unique_pairs, words_of

Entry = tuple[tuple[int, ...], tuple[int, ...]]  # source word ids, target word ids

# a learned pair must co-occur in this many beads, and in at least this share of the beads that
# hold either word (Dice; set on the Text+Berg dev file), and each word must be the other's best partner
MIN_COOCCURRENCE = 2
MIN_DICE = 0.3
# enough word pairs to learn from while keeping memory bounded on very long documents
_MAX_WORD_PAIRS = 4_000_000


def learn_lexicon(src: SideFeatures, tgt: SideFeatures, beads: np.ndarray) -> list[Entry]:
    """Word translations from sentence pairs ``beads`` (k × 2: source, target), best first."""
    s_start = np.searchsorted(src.word_sent, np.arange(src.n_sentences + 1))
    t_start = np.searchsorted(tgt.word_sent, np.arange(tgt.n_sentences + 1))
    s_len = s_start[beads[:, 0] + 1] - s_start[beads[:, 0]]
    t_len = t_start[beads[:, 1] + 1] - t_start[beads[:, 1]]
    keep = np.cumsum(s_len * t_len) <= _MAX_WORD_PAIRS
    beads, s_len, t_len = beads[keep], s_len[keep], t_len[keep]
    if not len(beads):
        return []
    # every (source word, target word) of every bead: source occurrences repeated, target ones tiled
    s_occ = concat_ranges(s_start[beads[:, 0]], s_len)
    s_bead = np.repeat(np.arange(len(beads)), s_len)
    per = t_len[s_bead]
    s_word = src.word_id[np.repeat(s_occ, per)]
    t_word = tgt.word_id[concat_ranges(t_start[beads[s_bead, 1]], per)]
    n_t = len(tgt.words)
    keys, together = np.unique(s_word * n_t + t_word, return_counts=True)
    s_w, t_w = keys // n_t, keys % n_t
    s_df = np.bincount(src.word_id[s_occ], minlength=len(src.words))
    t_df = np.bincount(tgt.word_id[concat_ranges(t_start[beads[:, 1]], t_len)], minlength=n_t)
    dice = 2 * together / (s_df[s_w] + t_df[t_w])
    good = (together >= MIN_COOCCURRENCE) & (dice >= MIN_DICE)
    s_w, t_w, dice = s_w[good], t_w[good], dice[good]
    best_for_s = np.zeros(len(src.words))
    best_for_t = np.zeros(n_t)
    np.maximum.at(best_for_s, s_w, dice)
    np.maximum.at(best_for_t, t_w, dice)
    mutual = (dice == best_for_s[s_w]) & (dice == best_for_t[t_w])
    order = np.argsort(-dice[mutual], kind="stable")
    return [((int(s),), (int(t),)) for s, t in zip(s_w[mutual][order], t_w[mutual][order])]


def given_lexicon(
    pairs: Iterable[tuple[str, str]],
    src: SideFeatures,
    tgt: SideFeatures,
    src_normalize: TokenNormalizer,
    tgt_normalize: TokenNormalizer,
) -> list[Entry]:
    """The caller's term pairs whose words all occur in the documents, as word ids."""
    entries = []
    for source, target in pairs:
        s_words = [src.words.get(w) for w in words_of(source, src_normalize)]
        t_words = [tgt.words.get(w) for w in words_of(target, tgt_normalize)]
        if s_words and t_words and None not in s_words and None not in t_words:
            entries.append((tuple(s_words), tuple(t_words)))
    return entries


def with_lexicon(
    space: FeatureSpace, src: SideFeatures, tgt: SideFeatures, entries: list[Entry]
) -> tuple[SideFeatures, SideFeatures]:
    """Both sides with one more feature per entry, on the sentences that hold all its words."""
    src_postings, tgt_postings = _Postings(src), _Postings(tgt)
    s_sent, s_feat, t_sent, t_feat = [], [], [], []
    for entry in dict.fromkeys(entries):
        feature = space.id(("lexicon", entry))
        for postings, words, sent, feat in (
            (src_postings, entry[0], s_sent, s_feat),
            (tgt_postings, entry[1], t_sent, t_feat),
        ):
            holders = postings.sentences_with_all(words)
            sent.append(holders)
            feat.append(np.full(len(holders), feature))
    return _extended(src, s_sent, s_feat), _extended(tgt, t_sent, t_feat)


class _Postings:
    """Sentences that hold a word, by word id."""

    def __init__(self, side: SideFeatures):
        order = np.argsort(side.word_id, kind="stable")
        self.sentences = side.word_sent[order]
        self.start = np.searchsorted(side.word_id[order], np.arange(len(side.words) + 1))

    def sentences_with_all(self, words: tuple[int, ...]) -> np.ndarray:
        holders = self.sentences[self.start[words[0]] : self.start[words[0] + 1]]
        for word in words[1:]:
            holders = np.intersect1d(holders, self.sentences[self.start[word] : self.start[word + 1]])
        return holders


def _extended(side: SideFeatures, sent: list[np.ndarray], feat: list[np.ndarray]) -> SideFeatures:
    if not sent:
        return side
    # kept sorted by sentence, as SideFeatures promises (band_overlaps reads it in row order)
    feature_sent, feature_id = unique_pairs(np.concatenate([side.feature_sent, *sent]),
                                            np.concatenate([side.feature_id, *feat]))
    return replace(side, feature_sent=feature_sent, feature_id=feature_id)

