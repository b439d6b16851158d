"""The aligner: two passes of the banded search, the second with a lexicon learned from the first and
what its confident pairs say of orphan markers (numbers, names the other text lacks)."""

from __future__ import annotations

import math
from typing import Iterable, Sequence

import numpy as np
import regex

from ..model import Bead, Segment
from .cost import Layout, LengthModel
from .features import FeatureSpace, SideFeatures, feature_weights, orphan_evidence
from .languages import token_normalizer
from .lexicon import given_lexicon, learn_lexicon, with_lexicon
from .search import Problem, Step, best_path, coarse_guide, path_guide

RATIO_PRIOR_CHARACTERS = 1000
# A Chinese character (or a Japanese kanji) says as much as three Latin letters, a kana or a Hangul
# syllable as two: English has about three characters for each of Chinese (each two of Japanese), a
# ratio the prior's 1 would take thousands of characters to unlearn. Each counts as what it stands for.
_WIDE = regex.compile(r"(\p{Han})|[\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A first-pass 1-1 bead teaches the lexicon when the next best way to its end node costs this much
# more: odds of 9 to 1.
CONFIDENT_MARGIN = math.log(9)


def align(
    src: Sequence[Segment],
    tgt: Sequence[Segment],
    *,
    src_lang: str = "fr",
    tgt_lang: str = "en",
    lexicon: Iterable[tuple[str, str]] = (),
) -> list[Bead]:
    """Align two segmented documents; the beads cover every segment of both, in order.

    Bead indices are positions in ``src`` and ``tgt``. ``lexicon`` holds known term pairs (source,
    target), used as evidence beside the lexicon learned from the documents.
    """
    n, m = len(src), len(tgt)
    if not n or not m:
        return [Bead((i,), (), 1.0) for i in range(n)] + [Bead((), (j,), 1.0) for j in range(m)]
    src_normalize, tgt_normalize = token_normalizer(src_lang), token_normalizer(tgt_lang)
    space = FeatureSpace()
    src_features = space.extract([s.text for s in src], src_normalize)
    tgt_features = space.extract([s.text for s in tgt], tgt_normalize)
    given = given_lexicon(lexicon, src_features, tgt_features, src_normalize, tgt_normalize)
    src_features, tgt_features = with_lexicon(space, src_features, tgt_features, given)
    src_layout = Layout.of(_lengths(src), np.array([s.paragraph for s in src]))
    tgt_layout = Layout.of(_lengths(tgt), np.array([s.paragraph for s in tgt]))
    everything = (np.array([[0, n]]), np.array([[0, m]]))
    first_model = _length_model(src_layout, tgt_layout, *everything)
    first = _problem(space, src_layout, tgt_layout, src_features, tgt_features, first_model)
    first_path, width = best_path(first, coarse_guide(first))

    confident = np.array(
        [(s.i - 1, s.j - 1) for s in first_path if (s.a, s.b) == (1, 1) and s.margin >= CONFIDENT_MARGIN],
        dtype=np.int64,
    ).reshape(-1, 2)
    learned = learn_lexicon(src_features, tgt_features, confident)
    src_features, tgt_features = with_lexicon(space, src_features, tgt_features, learned)
    paired = [s for s in first_path if s.a and s.b]
    model = _length_model(
        src_layout,
        tgt_layout,
        np.array([(s.i - s.a, s.i) for s in paired], dtype=np.int64).reshape(-1, 2),
        np.array([(s.j - s.b, s.j) for s in paired], dtype=np.int64).reshape(-1, 2),
    )
    orphans = orphan_evidence(src_features, tgt_features, confident, space.kinds())
    second = _problem(space, src_layout, tgt_layout, src_features, tgt_features, model, orphans)
    second_path, _ = best_path(second, path_guide(first_path, n, m), width)
    return [_bead(step) for step in second_path]


def align_texts(src: Sequence[str], tgt: Sequence[str], **kw) -> list[Bead]:
    """Align presegmented texts (one sentence per item, all in one paragraph); options as ``align``."""
    return align(_segments(src), _segments(tgt), **kw)


def _segments(texts: Sequence[str]) -> list[Segment]:
    return [Segment(text=text, paragraph=0, index=i) for i, text in enumerate(texts)]


def _lengths(segments: Sequence[Segment]) -> np.ndarray:
    """Characters that are not white space (tokenized and untokenized text measure the same), those of
    Chinese, Japanese and Korean counted as the Latin letters they stand for (``_WIDE``)."""
    return np.array([_length(s.text) for s in segments], dtype=float)


def _length(text: str) -> int:
    extra = sum(2 if wide.group(1) else 1 for wide in _WIDE.finditer(text))
    return len("".join(text.split())) + extra


def _length_model(src: Layout, tgt: Layout, src_spans: np.ndarray, tgt_spans: np.ndarray) -> LengthModel:
    """Target characters per source character in the spans that translate each other (the whole
    texts before any alignment, the paired beads after), drawn towards Gale & Church's
    language-independent 1 by RATIO_PRIOR_CHARACTERS so that a short text does not skew it."""
    src_chars = float(np.sum(src.cumulative[src_spans[:, 1]] - src.cumulative[src_spans[:, 0]]))
    tgt_chars = float(np.sum(tgt.cumulative[tgt_spans[:, 1]] - tgt.cumulative[tgt_spans[:, 0]]))
    return LengthModel((tgt_chars + RATIO_PRIOR_CHARACTERS) / (src_chars + RATIO_PRIOR_CHARACTERS))


def _problem(
    space: FeatureSpace,
    src: Layout,
    tgt: Layout,
    src_features: SideFeatures,
    tgt_features: SideFeatures,
    model: LengthModel,
    orphans: tuple[np.ndarray, np.ndarray] | None = None,
) -> Problem:
    weights = feature_weights(src_features, tgt_features, len(space.ids))
    return Problem(src, tgt, src_features, tgt_features, weights, model, orphans)


def _bead(step: Step) -> Bead:
    """The margin read as log-odds against the next best way to the same node."""
    confidence = 1 / (1 + math.exp(-max(step.margin, 0.0)))
    return Bead(tuple(range(step.i - step.a, step.i)), tuple(range(step.j - step.b, step.j)), confidence)
