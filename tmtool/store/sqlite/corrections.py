"""A reviewer's corrections to a document's alignment, as the store keeps them.

Every correction replaces a run of consecutive units of one document by another run (a merge: two
by one; a split: one by two; a moved sentence: two by two; an exclusion: one by itself, excluded
from exports). It is recorded by the texts of both runs, not by unit ids, so that when a revised
version of the document is ingested (its units replaced) each correction whose run is still there,
word for word, is made again (:meth:`UnitCorrections.replay_unit_edits`).

A mixin of :class:`tmtool.store.sqlite.db.SQLiteStore`: it writes the same tables through the same helpers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ...errors import Invalid, NotFound
from ...model import Unit, iso, utcnow
from ..records import Replacement, StoredUnit, UnitEdit, unit_content_key


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
            return self._conn.execute(
                "INSERT INTO unit_edits (document_id, time, action, before, after) VALUES (?, ?, ?, ?, ?)",
                (document_id, iso(utcnow()), action,
                 json.dumps([[u.unit.source, u.unit.target, u.excluded] for u in run], ensure_ascii=False),
                 json.dumps([[r.source, r.target, r.excluded] for r in after], ensure_ascii=False)),
            ).lastrowid

    def unit_edits(self, document_id: str) -> list[UnitEdit]:
        """A document's corrections, oldest first."""
        return [UnitEdit(i, d, t, a, json.loads(b), json.loads(f)) for i, d, t, a, b, f in self._query(
            "SELECT id, document_id, time, action, before, after FROM unit_edits WHERE document_id = ?"
            " ORDER BY id", (document_id,))]

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
            self._conn.executemany("UPDATE units SET excluded = ? WHERE id = ?",
                                   [(int(r.excluded), u.id) for u, r in zip(run, after)])
            return
        first, old_ids = run[0], [u.id for u in run]
        (origin,) = self._query("SELECT origin FROM units WHERE id = ?", (first.id,))[0]
        self._conn.execute("UPDATE units SET position = position + ? WHERE document_id = ? AND position > ?",
                           (len(after) - len(run), document_id, run[-1].position))
        last_id = self._last_unit_id()
        now = utcnow()
        new_ids: list[tuple[int, Unit]] = []
        for number, replacement in enumerate(after):
            props = {k: v for k, v in first.unit.props.items() if k != "x-confidence"}
            props["x-bead"] = replacement.bead
            tuid = first.unit.tuid if number == 0 or first.unit.tuid is None else f"{first.unit.tuid}.{number + 1}"
            unit = Unit(*replacement.texts, first.unit.srclang, first.unit.tgtlang, tuid=tuid,
                        created=first.unit.created, changed=now, props=props)
            row = self._unit_row(unit, unit_content_key(unit), document_id, first.position + number, origin)
            new_ids.append((self._conn.execute(self._INSERT_UNIT, row).lastrowid, unit))
            self._conn.execute("UPDATE units SET confidence = NULL, excluded = ?, sentences = ? WHERE id = ?",
                               (int(replacement.excluded),
                                json.dumps([replacement.source, replacement.target], ensure_ascii=False),
                                new_ids[-1][0]))
        # the glossary's contexts quoting the old units quote the new unit holding their sentence
        marks = ",".join("?" * len(old_ids))
        for context_id, sentence in self._query(f"SELECT id, fr FROM contexts WHERE unit_id IN ({marks})", old_ids):
            unit_id, unit = next(((i, u) for i, u in new_ids if u.source in sentence or sentence in u.source),
                                 new_ids[0])
            self._conn.execute("UPDATE contexts SET unit_id = ?, unit = ? WHERE id = ?",
                               (unit_id, unit.tuid or "", context_id))
        self._conn.execute(f"DELETE FROM units WHERE id IN ({marks})", old_ids)
        self._index_units(after=last_id)
