"""The best monotone path of beads: dynamic programming in a band, widened where the path needs it.

Row ``i`` of the DP holds a fixed number (``width``) of nodes ``j = lo[i] …``, centred on a guide
path. Rows are computed one after another, each with a few numpy operations: pairing beads come from
rows ``i−1 … i−LONGEST``, 1-0 beads from the row above, and 0-1 beads move along the row, which a running
minimum solves exactly (runs of gap beads cost less than isolated ones, see ``cost.py``). The guide
is the length diagonal for short documents and, for long ones, the path between blocks of sentences
(coarse to fine). If the best path runs along the edge of the band (where the band is not the edge
of the matrix), the band was too narrow or off-centre: it is re-centred on that path and doubled,
and the search runs again. Time and memory are linear in the number of sentences for a given width.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cost import (
    GAP_EXTEND,
    GAP_OPEN,
    LONGEST,
    SHAPES,
    Evidence,
    Layout,
    LengthModel,
    background_overlaps,
    band_overlaps,
    block_costs,
)
from .features import SideFeatures, feature_weights, unique_pairs

INITIAL_WIDTH = 64
# documents with more sentences than this are first aligned block to block, blocks of this many
COARSE_ABOVE = 2000
COARSE_BLOCK = 8
# band nodes whose costs are computed at once: bounds the memory of a block
_CELLS_PER_BLOCK = 1 << 17


@dataclass(slots=True)
class Problem:
    """One document pair as the search sees it."""

    src: Layout
    tgt: Layout
    src_features: SideFeatures
    tgt_features: SideFeatures
    weights: np.ndarray
    model: LengthModel
    # what each source, then target sentence's orphan markers say against its having a translation
    # (``features.orphan_evidence``); None where not known (first pass, blocks): then strays cost nothing
    orphans: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def size(self) -> tuple[int, int]:
        return len(self.src.paragraph), len(self.tgt.paragraph)


@dataclass(frozen=True, slots=True)
class Step:
    """A bead of the best path: it ends at node (i, j); ``margin`` is how much the next best way to
    reach that node costs more (nats)."""

    i: int
    j: int
    a: int
    b: int
    margin: float


def length_guide(problem: Problem) -> np.ndarray:
    """For each row, the target position whose share of the characters equals the source's."""
    n, m = problem.size
    s, t = problem.src.cumulative, problem.tgt.cumulative
    if s[-1] == 0 or t[-1] == 0:
        return np.arange(n + 1) * (m / max(n, 1))
    return np.interp(s / s[-1], t / t[-1], np.arange(m + 1))


def coarse_guide(problem: Problem) -> np.ndarray:
    """A first guess of the path: from the length ratio for short documents; for long ones, from the
    best path between blocks of COARSE_BLOCK sentences (found the same way, recursively), whose
    drift from the length diagonal a band of fixed width could not follow."""
    n, m = problem.size
    if n + m <= COARSE_ABOVE:
        return length_guide(problem)
    src, tgt = _features_of_blocks(problem.src_features), _features_of_blocks(problem.tgt_features)
    weights = feature_weights(src, tgt, len(problem.weights))
    blocks = Problem(_blocks_of(problem.src), _blocks_of(problem.tgt), src, tgt, weights, problem.model)
    steps, _ = best_path(blocks, coarse_guide(blocks))
    return path_guide(steps, n, m, scale=COARSE_BLOCK)


def _blocks_of(layout: Layout) -> Layout:
    """Sentences grouped by COARSE_BLOCK, as one paragraph."""
    ends = np.append(layout.cumulative[::COARSE_BLOCK][1:], layout.cumulative[-1])
    if len(layout.cumulative) % COARSE_BLOCK == 1:
        ends = ends[:-1]  # the last block ended exactly at the last sentence
    return Layout.of(np.diff(np.concatenate([[0.0], ends])), np.zeros(len(ends), dtype=np.int64))


def _features_of_blocks(side: SideFeatures) -> SideFeatures:
    """The features of each block of COARSE_BLOCK sentences (words are not needed)."""
    block, feature = unique_pairs(side.feature_sent // COARSE_BLOCK, side.feature_id)
    no_words = np.zeros(0, dtype=np.int64)
    return SideFeatures(-(-side.n_sentences // COARSE_BLOCK), block, feature, no_words, no_words, {})


def path_guide(steps: list[Step], n: int, m: int, scale: int = 1) -> np.ndarray:
    """For each row, the mean target position of the path's nodes in it (interpolated in between);
    ``scale`` maps the nodes of a path between blocks to sentences."""
    rows = np.minimum(np.array([0] + [s.i for s in steps]) * scale, n).astype(float)
    cols = np.minimum(np.array([0] + [s.j for s in steps]) * scale, m).astype(float)
    order = np.argsort(rows, kind="stable")
    rows, cols = rows[order], cols[order]
    unique, start = np.unique(rows, return_index=True)
    means = np.add.reduceat(cols, start) / np.diff(np.append(start, len(cols)))
    return np.interp(np.arange(n + 1), unique, means)


def best_path(problem: Problem, guide: np.ndarray, width: int = INITIAL_WIDTH) -> tuple[list[Step], int]:
    """The cheapest monotone path from (0, 0) to (n, m), beads in order, and the band width it took."""
    n, m = problem.size
    while True:
        width = min(width, m + 1)
        lo = _band(guide, width, m)
        if lo is not None:
            steps = _search(problem, lo, width)
            if width > m or not _hugs_edge(steps, lo, width, m):
                return steps, width
            guide = path_guide(steps, n, m)
        width *= 2


def _band(guide: np.ndarray, width: int, m: int) -> np.ndarray | None:
    """First node of each row, centred on the guide; rows overlap enough for every bead to pass.

    None when such a band cannot reach the last node (the guide is too steep for this width)."""
    lo = np.clip(np.rint(guide - width / 2), 0, m + 1 - width).astype(np.int64)
    lo = np.maximum.accumulate(lo)
    step = width // 2
    rows = np.arange(len(lo)) * step
    lo = rows + np.minimum.accumulate(lo - rows)  # no row starts more than width/2 after the last
    return lo if lo[-1] + width > m else None


def _hugs_edge(steps: list[Step], lo: np.ndarray, width: int, m: int) -> bool:
    edge = max(width // 8, 1)
    for step in steps:
        k = step.j - lo[step.i]
        if (k < edge and lo[step.i] > 0) or (k >= width - edge and lo[step.i] + width <= m):
            return True
    return False


def _search(problem: Problem, lo: np.ndarray, width: int) -> list[Step]:
    """The DP over the band. A node has three values: reached by a pairing bead (PAIRED), by a 1-0 gap
    bead (DELETED) or by a 0-1 gap bead (INSERTED); a gap bead extends a run of its own kind for
    GAP_EXTEND, or opens one after any other bead for GAP_OPEN."""
    n, m = problem.size
    # pairwise evidence of source sentence r with the targets that beads ending in rows r+1 … r+LONGEST
    # reach
    ahead = lo[np.minimum(np.arange(n) + LONGEST, n)] - lo[1:]
    overlap_base = lo[1:] - LONGEST
    overlap_width = width + LONGEST + int(ahead.max(initial=0))
    src, tgt, weights = problem.src_features, problem.tgt_features, problem.weights
    overlaps = band_overlaps(src, tgt, weights, overlap_base, overlap_width)
    orphans = problem.orphans if problem.orphans is not None else (np.zeros(n), np.zeros(m))
    chance = background_overlaps(overlaps, overlap_base, m)
    evidence = tuple(
        Evidence(*(x.astype(np.float32) for x in values))  # as the overlaps: the bead costs are float32
        for values in zip((src.mass(weights), tgt.mass(weights)), chance, orphans)
    )
    trace = np.zeros((n + 1, width), dtype=np.uint16)
    margin = np.zeros((n + 1, width), dtype=np.float32)
    # best values of the last _DEPTH rows, then an infinite cell that out-of-band reads point to
    best_ring = np.full(_DEPTH * width + 1, np.inf)
    # values of the last two rows reached by 1-0, then by anything else; then an infinite cell
    gap_ring = np.full(4 * width + 1, np.inf)
    gap_step = np.array([[GAP_EXTEND], [GAP_OPEN]])  # continue a 1-0 run, open one
    block = max(_CELLS_PER_BLOCK // width, 1)
    with np.errstate(invalid="ignore"):
        for first in range(0, n + 1, block):
            rows = np.arange(first, min(first + block, n + 1))
            costs, anchor = block_costs(
                rows, lo, width, problem.src, problem.tgt, overlaps, overlap_base, evidence, problem.model
            )
            pairing_reads = np.stack([_ring_reads(rows, lo, width, a, b, _DEPTH) for a, b in SHAPES], axis=1)
            above = _ring_reads(rows, lo, width, 1, 0, 2)
            outside = above == 2 * width
            gap_reads = np.stack(
                [np.where(outside, 4 * width, above), np.where(outside, 4 * width, above + 2 * width)], axis=1
            )
            # per row: the pairing shapes, then DELETED, then INSERTED
            options = np.empty((len(rows), len(SHAPES) + 2, width))
            # A run of gap beads earns a node's anchor once, where it ends: the nodes it passes through
            # pair no paragraphs (where every sentence is a paragraph, 0-1 beads down one text then 1-0
            # beads down the other would otherwise earn an anchor a sentence, twice what pairing earns).
            # The runs extend from their values without it (``deleted_run``, ``inserted_run``); a node's
            # DELETED and INSERTED values, what other beads continue from, hold it.
            # 0-1 beads along a row: I[k] = min(I[k−1] + e, Y[k−1] + o) with e = GAP_EXTEND and
            # o = GAP_OPEN, where Y is the best other way to a node; solved with a running minimum of
            # Y − k·e
            along = np.arange(width) * GAP_EXTEND
            inserted_run = np.full((len(rows), width), np.inf)
            deletion_opened = np.zeros((len(rows), width), dtype=bool)
            for r, i in enumerate(rows):
                row = options[r]
                np.add(best_ring.take(pairing_reads[r]), costs[:, r], out=row[: len(SHAPES)])
                if i == 0:
                    row[0, 0] = 0.0  # the start node
                pairing_best = row[: len(SHAPES)].min(axis=0)
                gap = gap_ring.take(gap_reads[r]) + gap_step  # 1-0: extend a run, or open one
                np.less_equal(gap[1], gap[0], out=deletion_opened[r])
                deleted_run = gap.min(axis=0)
                np.add(deleted_run, anchor[r], out=row[-2])
                other = np.minimum(pairing_best, row[-2])
                running = np.minimum.accumulate(other - along)
                np.add(along[1:] + (GAP_OPEN - GAP_EXTEND), running[:-1], out=inserted_run[r, 1:])
                np.add(inserted_run[r], anchor[r], out=row[-1])
                slot = (i % _DEPTH) * width
                np.minimum(other, row[-1], out=best_ring[slot : slot + width])
                slot = (i % 2) * width
                gap_ring[slot : slot + width] = deleted_run
                np.minimum(pairing_best, row[-1], out=gap_ring[2 * width + slot : 3 * width + slot])
            pairing_best = options[:, : len(SHAPES)].min(axis=1)
            deleted, inserted = options[:, -2], options[:, -1]
            other = np.minimum(pairing_best, deleted)
            insertion_opened = np.zeros((len(rows), width), dtype=bool)
            insertion_opened[:, 1:] = other[:, :-1] + GAP_OPEN <= inserted_run[:, :-1] + GAP_EXTEND
            state = options.argmin(axis=1)
            margin[rows] = np.partition(options, 1, axis=1)[:, 1] - options.min(axis=1)
            trace[rows] = (
                options[:, : len(SHAPES)].argmin(axis=1)
                | (np.where(state < len(SHAPES), _PAIRED, state - len(SHAPES) + 1) << _STATE)
                | (deletion_opened << _DELETION_OPENS)
                | (insertion_opened << _INSERTION_OPENS)
                | ((inserted < pairing_best) << _INSERTED_WINS)
                | ((deleted < pairing_best) << _DELETED_WINS)
            ).astype(np.uint16)
    return _backtrack(trace, margin, lo, n, m)


_PAIRED, _DELETED, _INSERTED = 0, 1, 2
# rows of best values a pairing bead reads back: the current one and LONGEST before it
_DEPTH = LONGEST + 1
# the trace of a node, bit fields from the lowest: best pairing shape; best state (2 bits); the 1-0
# run opens here; the 0-1 run opens here; INSERTED beats the pairing beads; DELETED beats them
_STATE = (len(SHAPES) - 1).bit_length()
_DELETION_OPENS, _INSERTION_OPENS, _INSERTED_WINS, _DELETED_WINS = range(_STATE + 2, _STATE + 6)


def _ring_reads(rows: np.ndarray, lo: np.ndarray, width: int, a: int, b: int, depth: int) -> np.ndarray:
    """Where, in a ring of ``depth`` rows, node (i − a, j − b) is for each node (i, j) of ``rows``;
    out-of-band and out-of-matrix nodes point to the cell after the ring (which holds infinity)."""
    source = rows - a
    column = np.arange(width)[None, :] + (lo[rows] - b - lo[np.maximum(source, 0)])[:, None]
    inside = (source >= 0)[:, None] & (column >= 0) & (column < width)
    return np.where(inside, (source % depth)[:, None] * width + column, depth * width)


def _backtrack(trace: np.ndarray, margin: np.ndarray, lo: np.ndarray, n: int, m: int) -> list[Step]:
    """Follow the trace back from (n, m) (trace bits: see ``_STATE``)."""
    steps = []
    i, j = n, m
    state = (int(trace[i, j - lo[i]]) >> _STATE) & 3
    while i or j:
        code = int(trace[i, j - lo[i]])
        if state == _PAIRED:
            a, b = SHAPES[code & ((1 << _STATE) - 1)]
        else:
            a, b = (1, 0) if state == _DELETED else (0, 1)
        steps.append(Step(i, j, a, b, float(margin[i, j - lo[i]])))
        i, j = i - a, j - b
        if not i and not j:
            break
        previous = int(trace[i, j - lo[i]])
        if state == _PAIRED:
            state = (previous >> _STATE) & 3
        elif state == _DELETED:
            opened = code >> _DELETION_OPENS & 1
            state = (_INSERTED if previous >> _INSERTED_WINS & 1 else _PAIRED) if opened else _DELETED
        else:
            opened = code >> _INSERTION_OPENS & 1
            state = (_DELETED if previous >> _DELETED_WINS & 1 else _PAIRED) if opened else _INSERTED
    steps.reverse()
    return steps
