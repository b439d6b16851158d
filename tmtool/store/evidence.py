"""How evidence from many documents weighs on an extracted entry: its score and its equivalents.

Pure functions over what the store keeps per document (``entry_documents``: the termhood score each
document's extraction gave the entry; ``entry_equivalents``: the equivalents it proposed, with their
support), so an entry is re-weighed from its rows alone — after an ingest, a re-ingest or a removal —
and never needs its documents read again. A term no document proposed above the threshold is weighed
the same way over the proposals its documents kept (``candidate_documents``), and becomes an entry
when they add up (``glossary.keep_evidence``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# a document's proposal scoring this or more, under the threshold, is kept as evidence for its term
# (glossary.keep_evidence): two documents that agree at 0.4 make 0.68. Chosen on the ACTER DEV halves
# and the development pairs (bench/README.md, seventh round): the lowest floor measured whose extra
# pairing (candidates down to a French score of 0.32, not 0.4) costs no measurable ingest time; 0.3
# gains a little more on ACTER DEV and costs a tenth more
EVIDENCE_FLOOR = 0.4
# an equivalent proposed with less than this share of the best one's support is not kept: one
# document's stray pairing should not stay listed beside a translation ten documents agree on
EQUIVALENT_SHARE = 0.25


def entry_score(document_scores: Sequence[float], supports: Sequence[float]) -> float:
    """The store-level score of an unreviewed entry: the best termhood any document found, weighed by
    how many documents use the term (1 + ln df: one document ×1, ten ×3.3) and by how consistently it
    is translated (the best equivalent's share of all support: ×1 when every document agrees, ×0.5
    when proposals scatter). An entry with no equivalent is weighed by its documents alone."""
    if not document_scores:
        return 0.0
    spread = 1 + math.log(len(document_scores))
    total = sum(supports)
    consistency = max(supports) / total if total > 0 else 1.0
    return round(max(document_scores) * spread * (0.5 + 0.5 * consistency), 4)


def kept_equivalents(supports: dict[str, float]) -> list[str]:
    """The equivalents worth showing, best supported first: those with at least ``EQUIVALENT_SHARE``
    of the best support."""
    if not supports:
        return []
    best = max(supports.values())
    ranked = sorted(supports, key=lambda key: (-supports[key], key))
    return [key for key in ranked if supports[key] >= EQUIVALENT_SHARE * best]
