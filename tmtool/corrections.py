"""A reviewer corrects a document's alignment: merge two units, split one at a sentence boundary,
move a sentence to the neighbouring unit, exclude a unit from exports.

Each correction is worked out here on the units' sentences and stored by the store as the
replacement of a run of units (see :mod:`tmtool.store.corrections`), with its record; the store
makes it again when a revised version of the document is ingested, and undoes the last one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps

from .errors import Conflict, Invalid, NotFound
from .langtags import base_language
from .store.records import Replacement, StoredUnit

LOW_CONFIDENCE = 0.5  # the aligner's confidence under which the document view flags a unit


def sentences(text: str, lang: str) -> list[str]:
    """A unit's text as the sentences the segmenter finds in it (one unit may hold several: a 2-1 bead)."""
    return list(_segmented(text, base_language(lang))) if text.strip() else []


@lru_cache(maxsize=20_000)
def _segmented(text: str, lang: str) -> tuple[str, ...]:
    # a document's view shows every unit's sentences again at each visit: the same texts, segmented once
    from .text.segment import segment_text

    return tuple(segment_text(text, lang))


def _replacement(source: list[str], target: list[str], excluded: bool = False) -> Replacement:
    return Replacement(tuple(source), tuple(target), excluded)


def sides(unit: StoredUnit) -> tuple[list[str], list[str]]:
    """A unit's source and target sentences: as a reviewer made them, else as the segmenter finds them."""
    if unit.sentences is not None:
        return list(unit.sentences[0]), list(unit.sentences[1])
    return sentences(unit.unit.source, unit.unit.srclang), sentences(unit.unit.target, unit.unit.tgtlang)


def _in_one_transaction(correct: Callable) -> Callable:
    """A correction reads the document's units once and replaces some in the same transaction:
    no other writer can change them in between."""
    @wraps(correct)
    def corrected(store, *args, **kwargs):
        with store.transaction():
            return correct(store, *args, **kwargs)
    return corrected


def _find(store, document_id: str, unit_id: int) -> tuple[list[StoredUnit], int]:
    """The document's units (read once, in the correction's transaction) and the unit's place."""
    units = store.document_units(document_id)
    for index, unit in enumerate(units):
        if unit.id == unit_id:
            return units, index
    raise NotFound(f"no unit {unit_id} in document {document_id}")


def _beside(units: list[StoredUnit], index: int, other: int, shown: int | None) -> None:
    """A correction asked from a page that showed unit ``shown`` at ``other`` (the unit after the one at
    ``index``, or before it): refused when another unit stands there now, as someone corrected the
    document since, rather than made with a unit the person did not see."""
    if shown is not None and not (0 <= other < len(units) and units[other].id == shown):
        raise Conflict(f"unit {units[index].id} is no longer beside unit {shown}: the document was corrected "
                       "since; reload it")


@_in_one_transaction
def merge_units(store, document_id: str, unit_id: int, neighbour: int | None = None, *,
                user: str | None = None) -> int:
    """Merge a unit with the one after it (``neighbour``: its id, as the person saw it), by ``user`` (as
    every correction records who made it). Returns the recorded correction's id."""
    units, index = _find(store, document_id, unit_id)
    _beside(units, index, index + 1, neighbour)
    if index + 1 == len(units):
        raise Invalid(f"unit {unit_id} is the last of document {document_id}: nothing to merge it with")
    (src_a, tgt_a), (src_b, tgt_b) = sides(units[index]), sides(units[index + 1])
    merged = _replacement(src_a + src_b, tgt_a + tgt_b, units[index].excluded and units[index + 1].excluded)
    return store.replace_units(document_id, units[index:index + 2], [merged], "merge", user)


@_in_one_transaction
def split_unit(store, document_id: str, unit_id: int, source_at: int, target_at: int, *,
               user: str | None = None) -> int:
    """Split a unit in two: its first ``source_at`` source sentences and ``target_at`` target
    sentences, then the rest. Each part keeps a sentence on at least one side."""
    units, index = _find(store, document_id, unit_id)
    source, target = sides(units[index])
    if not (0 <= source_at <= len(source) and 0 <= target_at <= len(target)):
        raise Invalid(f"unit {unit_id} has {len(source)} source and {len(target)} target sentences: "
                          f"cannot split after {source_at} and {target_at}")
    if source_at + target_at == 0 or (len(source) - source_at) + (len(target) - target_at) == 0:
        raise Invalid(f"splitting unit {unit_id} after {source_at} and {target_at} sentences leaves an empty unit")
    excluded = units[index].excluded
    parts = [_replacement(source[:source_at], target[:target_at], excluded),
             _replacement(source[source_at:], target[target_at:], excluded)]
    return store.replace_units(document_id, units[index:index + 1], parts, "split", user)


@_in_one_transaction
def move_sentence(store, document_id: str, unit_id: int, side: str, direction: str,
                  neighbour: int | None = None, *, user: str | None = None) -> int:
    """Move a sentence of one side of a unit to the neighbouring unit: ``down`` moves its last
    sentence to the start of the next unit, ``up`` its first sentence to the end of the previous one
    (``neighbour``: that unit's id, as the person saw it)."""
    if side not in ("source", "target") or direction not in ("up", "down"):
        raise Invalid("side is source or target, direction up or down")
    units, index = _find(store, document_id, unit_id)
    other = index + 1 if direction == "down" else index - 1
    _beside(units, index, other, neighbour)
    if not 0 <= other < len(units):
        raise Invalid(f"unit {unit_id} has no {'next' if direction == 'down' else 'previous'} unit")
    first, second = sorted((index, other))
    (src_a, tgt_a), (src_b, tgt_b) = sides(units[first]), sides(units[second])
    a, b = (src_a, src_b) if side == "source" else (tgt_a, tgt_b)
    giving = a if direction == "down" else b
    if not giving:
        raise Invalid(f"unit {unit_id} has no {side} sentence to move")
    if direction == "down":
        b.insert(0, a.pop())
    else:
        a.append(b.pop(0))
    parts = [_replacement(src_a, tgt_a, units[first].excluded), _replacement(src_b, tgt_b, units[second].excluded)]
    if any(not (p.source or p.target) for p in parts):
        raise Invalid("moving that sentence would leave an empty unit; merge the units instead")
    return store.replace_units(document_id, units[first:second + 1], parts, f"move {side} {direction}", user)


@_in_one_transaction
def exclude_unit(store, document_id: str, unit_id: int, excluded: bool = True, *,
                 user: str | None = None) -> int | None:
    """Exclude a unit from exports (or include it again); it stays in the store and the view. The correction's
    id; None when the unit was so already: nothing is recorded (a second click, or two reviewers excluding it,
    was a correction of its own, which the document's undo then undid leaving the unit as it was)."""
    units, index = _find(store, document_id, unit_id)
    unit = units[index]
    if unit.excluded == excluded:
        return None
    source, target = sides(unit)
    if (" ".join(source), " ".join(target)) != (unit.unit.source, unit.unit.target):
        source, target = [unit.unit.source], [unit.unit.target]  # the segmenter's text differs: kept whole
    kept = Replacement(tuple(source), tuple(target), excluded)
    return store.replace_units(document_id, units[index:index + 1], [kept], "exclude" if excluded else "include",
                               user)
