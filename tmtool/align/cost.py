"""What a bead costs, in nats: bead-type prior + length mismatch − shared lexical evidence + paragraphs.

The search (``search.py``) works on a band of DP nodes: row ``i`` (source sentences consumed) holds
the nodes ``j = lo[i] … lo[i] + width − 1`` (target sentences consumed). A bead of shape (a, b) ending
at node (i, j) pairs source sentences ``i−a … i−1`` with target sentences ``j−b … j−1``. This module
computes, for a block of rows at once and with numpy, every bead's cost at every node of the band.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .arrays import concat_ranges
from .features import SideFeatures

# Beads that pair sentences, in the order the search indexes them. 1-0 and 0-1 beads are gaps,
# handled apart: a run of them (a caption block, an untranslated passage) is one event, so the first
# gap bead of a run costs GAP_OPEN and each next one only GAP_EXTEND.
SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3), (3, 2), (2, 3), (4, 1), (1, 4))
# the most sentences one side of a bead holds: how many rows back, and columns left, a bead reaches
LONGEST = max(max(shape) for shape in SHAPES)
# the (d, e) sentence pairs, counted back from a bead's end node, that some bead holds
_PAIRS = sorted({(d, e) for a, b in SHAPES for d in range(1, a + 1) for e in range(1, b + 1)})

# Bead-type probabilities: Gale & Church's (1-1 .89, 1-2/2-1 .089, 2-2 .011, 1-0/0-1 .0099) with
# 1-3/3-1 given a share of the 1-1 mass, as in translations that split long sentences, and the shapes
# their table lacks (2-3/3-2, 1-4/4-1: a sentence cut at a different place, a long sentence split in
# four) a smaller share each (set on the Text+Berg dev file). Each direction gets half of its pair's mass.
_RARE_SHAPE = 0.002
_PROBABILITY = {
    (1, 1): 0.89 - 0.02 - 2 * _RARE_SHAPE,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
    (3, 1): 0.02 / 2,
    (1, 3): 0.02 / 2,
    (3, 2): _RARE_SHAPE / 2,
    (2, 3): _RARE_SHAPE / 2,
    (4, 1): _RARE_SHAPE / 2,
    (1, 4): _RARE_SHAPE / 2,
}
_GAP_PROBABILITY = 0.0099 / 2
# the chance that a gap bead is followed by another of the same side
GAP_CONTINUES = 0.5
PRIOR = {shape: -math.log(p / _PROBABILITY[(1, 1)]) for shape, p in _PROBABILITY.items()}
GAP_OPEN = -math.log(_GAP_PROBABILITY / _PROBABILITY[(1, 1)])
GAP_EXTEND = -math.log(GAP_CONTINUES / _PROBABILITY[(1, 1)])

# One nat of shared evidence (a feature as rare as 1 in e ≈ 2.7 sentences) is worth this many nats of
# cost: the features of one word are correlated (prefix, skeleton, name), so they count much less
# than 1. Set on the Text+Berg dev file.
LEXICAL_SCALE = 0.2
# Joining sentences of two paragraphs in one bead: possible (the paragraphing may differ) but rare.
PARAGRAPH_CROSSING = 8.0
# A node where both texts end a paragraph: a cheap anchor.
PARAGRAPH_ANCHOR = 3.0

# Gale & Church's variance of target characters per source character (re-estimating it on the
# documents did worse on the Text+Berg dev file: the real spread has heavier tails than a Gaussian).
VARIANCE = 6.8


@dataclass(frozen=True, slots=True)
class LengthModel:
    """Target characters per source character."""

    ratio: float


def length_cost(l1: np.ndarray, l2: np.ndarray, model: LengthModel) -> np.ndarray:
    """−log P(|δ| ≥ observed) for Gale & Church's δ, vectorized; 0 when both lengths are 0."""
    mean = (l1 + l2 / model.ratio) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.abs(model.ratio * l1 - l2) / np.sqrt(2 * VARIANCE * mean)
    z = np.nan_to_num(z, nan=0.0)
    # −log erfc(z), with the Abramowitz & Stegun 7.1.26 approximation in log space (never underflows)
    t = 1 / (1 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return z * z - np.log(poly)


OVERLAP_SLICE = 1 << 16  # source feature occurrences matched against the band at a time


def band_overlaps(
    src: SideFeatures, tgt: SideFeatures, weights: np.ndarray, base: np.ndarray, width: int
) -> np.ndarray:
    """Weighted shared features of every sentence pair (r, c) with ``base[r] ≤ c < base[r] + width``.

    Returns an ``n × width`` array; entry [r, c − base[r]]. Work and memory are linear in the number
    of feature occurrences that fall in the band, processed in slices to bound memory.
    """
    n, m = src.n_sentences, tgt.n_sentences
    out = np.zeros(n * width)
    keep = weights[tgt.feature_id] > 0
    t_key = tgt.feature_id[keep] * (m + 1) + tgt.feature_sent[keep]
    order = np.argsort(t_key, kind="stable")
    t_key, t_sent = t_key[order], tgt.feature_sent[keep][order]
    keep = weights[src.feature_id] > 0
    s_feat, s_sent = src.feature_id[keep], src.feature_sent[keep]
    for start in range(0, len(s_feat), OVERLAP_SLICE):
        feat, sent = s_feat[start : start + OVERLAP_SLICE], s_sent[start : start + OVERLAP_SLICE]
        first = np.clip(base[sent], 0, m)
        last = np.clip(base[sent] + width, 0, m)
        begin = np.searchsorted(t_key, feat * (m + 1) + first)
        end = np.searchsorted(t_key, feat * (m + 1) + last)
        counts = end - begin
        owner = np.repeat(np.arange(len(feat)), counts)
        column = t_sent[concat_ranges(begin, counts)]
        # a slice adds to the rows it covers only, not to a whole n × width (rows come sorted)
        first_cell = int(sent.min()) * width
        flat = sent[owner] * width + (column - base[sent[owner]]) - first_cell
        added = np.bincount(flat, weights=weights[feat[owner]])
        out[first_cell : first_cell + len(added)] += added
    return out.reshape(n, width).astype(np.float32)


def background_overlaps(overlaps: np.ndarray, base: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """What each source, then each target sentence shares with a neighbour of its translation.

    Neighbouring sentences share names and topic words, so what a sentence shares by chance is
    measured next to its best match: the mean overlap with the NEIGHBOURS sentences on either side of
    it (on the other side of the text), the best match itself left out. A sentence that shares nothing
    has no background.
    """
    n, width = overlaps.shape
    column = base[:, None] + np.arange(width)[None, :]
    values = np.where((column >= 0) & (column < m), overlaps, -1.0)
    rows = np.arange(n)
    best_x = values.argmax(axis=1)
    src = _mean_of_valid(
        [
            np.where((best_x + d >= 0) & (best_x + d < width), values[rows, np.clip(best_x + d, 0, width - 1)], -1.0)
            for d in _OFFSETS
        ]
    )
    # the best row of each target sentence: sort the band's shared entries by column, then value
    flat = np.flatnonzero(values > 0)
    flat_col = column.ravel()[flat]
    order = flat[np.argsort(flat_col + values.ravel()[flat] / (values.max(initial=0.0) + 1.0))]
    # a sentence that shares nothing has no background: its "best row" is put out of reach
    sorted_col = np.append(column.ravel()[order], -1)
    order = np.append(order, -(n + NEIGHBOURS + 1) * width)
    last = np.searchsorted(sorted_col[:-1], np.arange(m), side="right") - 1
    best_row = order[np.where(sorted_col[last] == np.arange(m), last, -1)] // width
    tgt_values = []
    for d in _OFFSETS:
        r = best_row + d
        x = np.arange(m) - base[np.clip(r, 0, n - 1)]
        ok = (r >= 0) & (r < n) & (x >= 0) & (x < width)
        tgt_values.append(np.where(ok, values[np.clip(r, 0, n - 1), np.clip(x, 0, width - 1)], -1.0))
    return src, _mean_of_valid(tgt_values)


# how far from a sentence's best match its background is measured (set on the Text+Berg dev file)
NEIGHBOURS = 1
_OFFSETS = [d for d in range(-NEIGHBOURS, NEIGHBOURS + 1) if d]


def _mean_of_valid(columns: list[np.ndarray]) -> np.ndarray:
    """Element-wise mean of the arrays, ignoring entries marked −1."""
    stacked = np.stack(columns)
    valid = stacked >= 0
    return np.where(valid, stacked, 0.0).sum(axis=0) / np.maximum(valid.sum(axis=0), 1)


@dataclass(slots=True)
class Layout:
    """What the costs need of one side: cumulative lengths, paragraph numbers and boundaries."""

    cumulative: np.ndarray  # (k+1,) characters of sentences 0 … i−1
    paragraph: np.ndarray  # (k,)
    boundary: np.ndarray  # (k+1,) a paragraph ends before sentence i (true at both ends)

    @classmethod
    def of(cls, lengths: np.ndarray, paragraphs: np.ndarray) -> "Layout":
        cumulative = np.concatenate([[0], np.cumsum(lengths)]).astype(np.float32)
        boundary = np.ones(len(paragraphs) + 1, dtype=bool)
        boundary[1:-1] = paragraphs[1:] != paragraphs[:-1]
        return cls(cumulative, paragraphs, boundary)

    def group(self, end: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For groups of ``size`` sentences ending before ``end``: valid, characters, crosses a paragraph."""
        last_node = len(self.cumulative) - 1
        valid = (end >= size) & (end <= last_node)
        stop = np.where(valid, end, last_node)
        start = stop - np.where(valid, size, 0)
        chars = self.cumulative[stop] - self.cumulative[start]
        if size < 2:
            return valid, chars, np.zeros_like(valid)
        crossing = self.paragraph[stop - 1] != self.paragraph[np.minimum(start, last_node - 1)]
        return valid, chars, crossing


@dataclass(frozen=True, slots=True)
class Evidence:
    """Lexical evidence of the sentences of one side, by sentence."""

    mass: np.ndarray  # the weight of the features it could share with the other text
    chance: np.ndarray  # what it shares by chance (``background_overlaps``)
    orphans: np.ndarray  # what its orphan markers say against its having a translation, in nats


def block_costs(
    rows: np.ndarray,
    lo: np.ndarray,
    width: int,
    src: Layout,
    tgt: Layout,
    overlaps: np.ndarray,
    overlap_base: np.ndarray,
    evidence: tuple[Evidence, Evidence],
    model: LengthModel,
) -> tuple[np.ndarray, np.ndarray]:
    """The cost of each shape of ``SHAPES`` at each band node of ``rows``, and each node's anchor bonus.

    ``overlaps[r, c − overlap_base[r]]`` is the evidence source sentence r and target sentence c share
    (``band_overlaps``); ``evidence`` describes the source, then the target sentences.
    Returns ``(costs[shape, row, k], anchor[row, k])``; costs are infinite where a bead cannot end and
    include the anchor bonus (≤ 0), which a run of gap beads earns where it ends (``search._search``).
    """
    columns = lo[rows][:, None] + np.arange(width)[None, :]
    both_end = src.boundary[rows][:, None] & tgt.boundary[np.minimum(columns, len(tgt.boundary) - 1)]
    anchor = np.where(both_end, np.float32(-PARAGRAPH_ANCHOR), np.float32(0.0))
    shared = {}
    for d, e in _PAIRS:
        sentence = rows - d  # source sentence i−d against target sentence j−e
        ok = sentence >= 0
        sentence = np.maximum(sentence, 0)
        x = columns - e - overlap_base[sentence][:, None]
        inside = ok[:, None] & (x >= 0) & (x < overlaps.shape[1])
        x = np.clip(x, 0, overlaps.shape[1] - 1)
        shared[d, e] = np.where(inside, overlaps[sentence[:, None], x], np.float32(0.0))
    src_groups = {a: src.group(rows, a) for a in {a for a, _ in SHAPES}}
    tgt_groups = {b: tgt.group(columns, b) for b in {b for _, b in SHAPES}}
    lexical = _Lexical(shared, rows, columns, evidence)
    costs = np.empty((len(SHAPES), len(rows), width), dtype=np.float32)
    for index, (a, b) in enumerate(SHAPES):
        s_valid, s_chars, s_cross = src_groups[a]
        t_valid, t_chars, t_cross = tgt_groups[b]
        cost = (
            PRIOR[a, b]
            + length_cost(s_chars[:, None], t_chars, model)
            + lexical.cost(a, b)
            + PARAGRAPH_CROSSING * (s_cross[:, None] | t_cross)
            + anchor
        )
        costs[index] = np.where(s_valid[:, None] & t_valid, cost, np.inf)
    return costs, anchor


class _Lexical:
    """The lexical cost of beads of every shape ending at the nodes of a block: − LEXICAL_SCALE × what
    their sentences find on the other side beyond chance, + the orphan evidence of strays.

    A sentence's find is capped by its own evidence, so that a feature found in several sentences of
    the other side counts once. A sentence alone on its side translates all of the other side and finds
    what it shares with each of them, against chance once per sentence searched; a sentence of a
    many-to-many bead (2-2, 2-3 …) translates mostly one of them and is credited with its best partner
    only, against chance once. So a 2-2 bead cannot win over its split into two 1-1 beads by pooling
    what neighbouring sentences share anyway (names, topic words): lexically it gains only where a
    sentence's best partner is not its diagonal one, and otherwise must win on lengths.

    In a bead that joins several sentences against one (2-1, 1-3 …), a stray is a sentence that finds
    nothing beyond chance while another sentence of its side does: what the one sentence translates
    is its neighbour, and it may be a sentence the translator added or left out, glued to that
    neighbour instead of standing in a 1-0 or 0-1 bead. Then the numbers, names and acronyms it holds
    that the other text lacks altogether weigh against the bead (``features.orphan_evidence``): a
    translated sentence seldom has such markers, an added one has nothing to match them with. A
    sentence that finds nothing beside others that find nothing either is not a stray: the bead then
    stands or falls on lengths, as before. Many-to-many beads have no strays: the alternative to
    them is one-to-one beads that would pair such a sentence anyway, not a gap.

    A sentence's term depends only on its place in the bead and the size of the other side, so terms
    are computed once per block and shared by the shapes.
    """

    def __init__(self, shared: dict, rows: np.ndarray, columns: np.ndarray, evidence: tuple[Evidence, Evidence]):
        self.shared = shared
        self.evidence = {"src": evidence[0], "tgt": evidence[1]}
        self.src_sentence = np.maximum(rows - 1, 0)[:, None]  # then − (d − 1) for the d-th sentence back
        self.tgt_sentence = columns - 1
        self.terms: dict[tuple, np.ndarray] = {}

    def cost(self, a: int, b: int) -> np.ndarray:
        many_to_many = a > 1 and b > 1
        src = [self._term("src", d, b, many_to_many) for d in range(1, a + 1)]
        tgt = [self._term("tgt", e, a, many_to_many) for e in range(1, b + 1)]
        lexical = sum(src) + sum(tgt)
        if a > 1 and b == 1:
            return lexical + self._strays("src", src)
        if b > 1 and a == 1:
            return lexical + self._strays("tgt", tgt)
        return lexical

    def _sentence(self, side: str, place: int) -> np.ndarray:
        """The ``place``-th sentence back on ``side`` of the beads ending at the block's nodes."""
        if side == "src":
            return np.maximum(self.src_sentence - (place - 1), 0)
        return np.clip(self.tgt_sentence - (place - 1), 0, len(self.evidence["tgt"].mass) - 1)

    def _term(self, side: str, place: int, across: int, best_only: bool) -> np.ndarray:
        """− LEXICAL_SCALE × what the ``place``-th sentence back on ``side`` finds, beyond chance, in the
        ``across`` last sentences of the other side."""
        key = (side, place, across, best_only)
        if key not in self.terms:
            evidence, sentence = self.evidence[side], self._sentence(side, place)
            if side == "src":
                partners = [self.shared[place, e] for e in range(1, across + 1)]
            else:
                partners = [self.shared[d, place] for d in range(1, across + 1)]
            if best_only:
                found, searched = np.maximum.reduce(partners), 1
            else:
                found, searched = sum(partners), len(partners)
            mass, chance = evidence.mass[sentence], evidence.chance[sentence]
            self.terms[key] = -LEXICAL_SCALE * (np.minimum(found, mass) - searched * chance)
        return self.terms[key]

    def _strays(self, side: str, terms: list[np.ndarray]) -> np.ndarray:
        """The orphan evidence of the strays among the sentences of one side of a bead, whose lexical
        terms (``_term``) are ``terms``, the last sentence first."""
        finds = [term < 0 for term in terms]
        cost = 0.0
        for place, term in enumerate(terms, 1):
            another_finds = np.logical_or.reduce([f for k, f in enumerate(finds, 1) if k != place])
            orphans = self.evidence[side].orphans[self._sentence(side, place)]
            cost = cost + np.where((term >= 0) & another_finds, orphans, np.float32(0.0))
        return cost
