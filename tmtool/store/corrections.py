"""A reviewer's corrections to a document's alignment, as the store keeps them.

Every correction replaces a run of consecutive units of one document by another run (a merge: two
by one; a split: one by two; a moved sentence: two by two; an exclusion: one by itself, excluded
from exports). It is recorded by the texts of both runs, not by unit ids, so that when a revised
version of the document is ingested (its units replaced) each correction whose run is still there,
word for word, is made again (:meth:`UnitCorrections.replay_unit_edits`).

A mixin of both SQL stores: what to check, record and write is decided here once; each backend
gives the statements it takes (the ``_``-methods listed at the end of the class).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..errors import Invalid, NotFound
from ..model import Unit, iso, utcnow
from .records import Replacement, StoredUnit, UnitEdit


class UnitCorrections:
    """The store's side of alignment corrections (see the module's docstring)."""

    def replace_units(self, document_id: str, unit_ids: Sequence[int], after: Sequence[Replacement],
                      action: str) -> int:
        """Replace the consecutive units ``unit_ids`` of a document by ``after`` and record it, in one
        transaction. Returns the id of the recorded correction."""
        with self.transaction():
            units = self.document_units(document_id)
            ids = [u.id for u in units]
            if not unit_ids or any(i not in ids for i in unit_ids):
                missing = [str(i) for i in unit_ids if i not in ids]
                raise NotFound(f"no unit {', '.join(missing) or '(none given)'} in document {document_id}")
            start = ids.index(unit_ids[0])
            run = units[start:start + len(unit_ids)]
            if [u.id for u in run] != list(unit_ids):
                raise Invalid("the units of a correction must follow each other in the document")
            self._replace_run(document_id, run, after)
            return self._record_unit_edit(
                (document_id, iso(utcnow()), action,
                 json.dumps([[u.unit.source, u.unit.target, u.excluded] for u in run], ensure_ascii=False),
                 json.dumps([[r.source, r.target, r.excluded] for r in after], ensure_ascii=False)))

    def unit_edits(self, document_id: str) -> list[UnitEdit]:
        """A document's corrections, oldest first."""
        return [UnitEdit(i, d, t, a, json.loads(b), json.loads(f))
                for i, d, t, a, b, f in self._unit_edit_rows(document_id)]

    def replay_unit_edits(self, document_id: str) -> int:
        """Make a document's recorded corrections again on its units as ingested now, in order; a
        correction whose run of texts is no longer there (the revision changed it) is passed over.
        Returns how many were made."""
        made = 0
        with self.transaction():
            for edit in self.unit_edits(document_id):
                units = self.document_units(document_id)
                texts = [(u.unit.source, u.unit.target) for u in units]
                wanted = [(source, target) for source, target, _ in edit.before]
                for start in range(len(texts) - len(wanted) + 1):
                    if texts[start:start + len(wanted)] == wanted:
                        self._replace_run(document_id, units[start:start + len(wanted)],
                                          [Replacement(tuple(source), tuple(target), excluded)
                                           for source, target, excluded in edit.after])
                        made += 1
                        break
        return made

    def _replace_run(self, document_id: str, run: Sequence[StoredUnit], after: Sequence[Replacement]) -> None:
        if [(u.unit.source, u.unit.target) for u in run] == [r.texts for r in after]:
            # only excluded or included again: the units stay as they are, with their ids and scores
            self._set_excluded([(int(r.excluded), u.id) for u, r in zip(run, after)])
            return
        first, old_ids = run[0], [u.id for u in run]
        origin = self._unit_origin(first.id)
        self._shift_positions(document_id, len(after) - len(run), run[-1].position)
        now = utcnow()
        units = []
        for number, replacement in enumerate(after):
            props = {k: v for k, v in first.unit.props.items() if k != "x-confidence"}
            props["x-bead"] = replacement.bead
            tuid = first.unit.tuid if number == 0 or first.unit.tuid is None else f"{first.unit.tuid}.{number + 1}"
            units.append(Unit(*replacement.texts, first.unit.srclang, first.unit.tgtlang, tuid=tuid,
                              created=first.unit.created, changed=now, props=props))
        new_ids = list(zip(self._insert_document_units(units, document_id, first.position, origin), units))
        self._set_corrected([(int(replacement.excluded),
                              json.dumps([replacement.source, replacement.target], ensure_ascii=False), unit_id)
                             for replacement, (unit_id, _) in zip(after, new_ids)])
        # the glossary's contexts quoting the old units quote the new unit holding their sentence
        moved = []
        for context_id, sentence in self._unit_contexts(old_ids):
            unit_id, unit = next(((i, u) for i, u in new_ids if u.source in sentence or sentence in u.source),
                                 new_ids[0])
            moved.append((unit_id, unit.tuid or "", context_id))
        self._move_contexts(moved)
        self._delete_units(old_ids)

    # Each backend's statements, in the caller's transaction:
    # _record_unit_edit((document_id, time, action, before, after)) -> the new row's id
    # _unit_edit_rows(document_id) -> (id, document_id, time, action, before, after) rows, oldest first
    # _set_excluded([(excluded, unit_id)]); _unit_origin(unit_id) -> origin
    # _shift_positions(document_id, by, after_position): the positions after it moved by ``by``
    # _insert_document_units(units, document_id, position, origin) -> their ids, at position and on
    # _set_corrected([(excluded, sentences, unit_id)]): no confidence, the sentences a correction gave
    # _unit_contexts(unit_ids) -> (context_id, fr) rows; _move_contexts([(unit_id, unit, context_id)])
    # _delete_units(unit_ids)
