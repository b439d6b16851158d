"""A reviewer's corrections to a document's alignment, as the store keeps them.

Every correction replaces a run of consecutive units of one document by another run (a merge: two
by one; a split: one by two; a moved sentence: two by two; an exclusion: one by itself, excluded
from exports). It is recorded by the texts of both runs, not by unit ids, so that when a revised
version of the document is ingested (its units replaced) each correction whose run is still there,
word for word, is made again (:meth:`UnitCorrections.replay_unit_edits`). The run replaced is
recorded whole (tuids, the aligner's props, sentences), so that the last correction can be undone
(:meth:`UnitCorrections.undo_unit_edit`).

A mixin of both SQL stores: what to check, record and write is decided here once; each backend
gives the statements it takes (the ``_``-methods listed at the end of the class).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..errors import Invalid
from ..model import Unit, iso, utcnow
from .records import Replacement, StoredUnit, UnitEdit
from ..text.normalize import fold, stem
from .rows import term_context


class UnitCorrections:
    """The store's side of alignment corrections (see the module's docstring)."""

    def replace_units(self, document_id: str, run: Sequence[StoredUnit], after: Sequence[Replacement],
                      action: str, user: str | None = None) -> int:
        """Replace ``run``, consecutive units of a document as read in the caller's transaction, by
        ``after`` and record it, made by ``user``, in one transaction. Returns the id of the recorded
        correction."""
        if not run or [u.position for u in run] != list(range(run[0].position, run[0].position + len(run))):
            raise Invalid("the units of a correction must follow each other in the document")
        with self.transaction():
            self._replace_run(document_id, run, after)
            return self._record_unit_edit(
                (document_id, iso(utcnow()), action,
                 json.dumps([[u.unit.source, u.unit.target, u.excluded,
                              {"tuid": u.unit.tuid, "props": u.unit.props, "sentences": u.sentences,
                               "position": u.position}] for u in run],
                            ensure_ascii=False),
                 json.dumps([[r.source, r.target, r.excluded] for r in after], ensure_ascii=False), user))

    def unit_edits(self, document_id: str) -> list[UnitEdit]:
        """A document's corrections, oldest first."""
        return [UnitEdit(i, d, t, a, json.loads(b), json.loads(f), u)
                for i, d, t, a, b, f, u in self._unit_edit_rows(document_id)]

    def replay_unit_edits(self, document_id: str) -> int:
        """Make a document's recorded corrections again on its units as ingested now, in order; a
        correction whose run of texts is no longer there (the revision changed it) is passed over.
        Returns how many were made."""
        made = 0
        with self.transaction():
            for edit in self.unit_edits(document_id):
                units = self.document_units(document_id)
                start = _run_start([(u.unit.source, u.unit.target) for u in units],
                                   [(source, target) for source, target, *_ in edit.before])
                if start is not None:
                    self._replace_run(document_id, units[start:start + len(edit.before)],
                                      [Replacement(tuple(source), tuple(target), excluded)
                                       for source, target, excluded in edit.after])
                    made += 1
        return made

    def undo_unit_edit(self, document_id: str) -> UnitEdit:
        """Undo a document's last correction: its run of units made again as it was (texts, tuids,
        the aligner's bead and confidence, exclusion), its record removed. When a revision ingested
        since left it out, only its record goes. Returns it."""
        with self.transaction():
            units = self.document_units(document_id)
            edits = self.unit_edits(document_id)
            if not edits:
                raise Invalid(f"document {document_id} has no correction to undo")
            last = edits[-1]
            if any(len(row) < 4 for row in last.before):
                raise Invalid(f"correction {last.id} of document {document_id} was recorded before corrections "
                              "could be undone")
            # where the correction left its run: a text the document repeats may stand earlier too
            start = _run_start([(u.unit.source, u.unit.target, u.excluded) for u in units],
                               [(" ".join(source), " ".join(target), excluded) for source, target, excluded in last.after],
                               near=last.before[0][3].get("position"))
            if start is not None:
                self._restore_run(document_id, units[start:start + len(last.after)], last.before)
            self._delete_unit_edit(last.id)
        return last

    def _replace_run(self, document_id: str, run: Sequence[StoredUnit], after: Sequence[Replacement]) -> None:
        if [(u.unit.source, u.unit.target) for u in run] == [r.texts for r in after]:
            # only excluded or included again: the units stay as they are, with their ids and scores
            self._set_excluded([(int(r.excluded), u.id) for u, r in zip(run, after)])
            return
        first, now = run[0], utcnow()
        units = []
        for number, replacement in enumerate(after):
            props = {k: v for k, v in first.unit.props.items() if k != "x-confidence"}
            props["x-bead"] = replacement.bead
            tuid = first.unit.tuid if number == 0 or first.unit.tuid is None else f"{first.unit.tuid}.{number + 1}"
            units.append(Unit(*replacement.texts, first.unit.srclang, first.unit.tgtlang, tuid=tuid,
                              created=first.unit.created, changed=now, props=props))
        self._put_run(document_id, run, units, [(r.excluded, [r.source, r.target]) for r in after])

    def _restore_run(self, document_id: str, run: Sequence[StoredUnit], before: Sequence[list]) -> None:
        if [(u.unit.source, u.unit.target) for u in run] == [(source, target) for source, target, *_ in before]:
            self._set_excluded([(int(excluded), u.id) for u, (_, _, excluded, _) in zip(run, before)])
            return
        first, now = run[0], utcnow()
        units = [Unit(source, target, first.unit.srclang, first.unit.tgtlang, tuid=unit["tuid"],
                      created=first.unit.created, changed=now, props=unit["props"])
                 for source, target, _, unit in before]
        self._put_run(document_id, run, units, [(excluded, unit["sentences"]) for _, _, excluded, unit in before])

    def _put_run(self, document_id: str, run: Sequence[StoredUnit], units: Sequence[Unit],
                 marks: Sequence[tuple[bool, list | None]]) -> None:
        """Put ``units`` in the place of ``run``, each (excluded, its sentences: None for a unit as
        the aligner made it, whose bead and confidence its props give)."""
        first, old_ids = run[0], [u.id for u in run]
        origin = self._unit_origin(first.id)
        self._shift_positions(document_id, len(units) - len(run), run[-1].position)
        new_ids = list(zip(self._insert_document_units(units, document_id, first.position, origin), units))
        self._set_corrected([(int(excluded), json.dumps(sentences, ensure_ascii=False), unit_id)
                             for (excluded, sentences), (unit_id, _) in zip(marks, new_ids) if sentences is not None])
        self._set_excluded([(int(excluded), unit_id)
                            for (excluded, sentences), (unit_id, _) in zip(marks, new_ids) if sentences is None])
        # the glossary's contexts quoting the old units quote the new unit holding their (French, German …) sentence:
        # the one holding it whole (a merge), else the one holding the entry's term (a split, a sentence moved)
        was = {u.id: term_context(u.unit) for u in run}
        now = [(i, u, term_context(u)) for i, u in new_ids]
        moved, requoted = [], set()
        for context_id, old_id, sentence, english, terms, entry_id, old_tuid in self._unit_contexts(old_ids):
            was_quoted = (old_tuid or "", sentence, english)
            # the term as a whole word, singular or plural (stem: "états d'urgence" holds "état d'urgence", which a
            # substring did not find, and "merci" no "mer")
            wanted = [re.compile(rf"(?<!\w){re.escape(stem(fold(t)))}(?!\w)") for t in (terms or "").split("\n")
                      if t.strip()]
            whole = [(i, u, q) for i, u, q in now if q and q.fr and sentence in q.fr]
            termed = [(i, u, q) for i, u, q in now
                      if q and any(t.search(stem(fold(f"{q.fr} {q.en}"))) for t in wanted)]
            unit_id, unit, quoted = next(iter(whole or termed), None) or next(
                ((i, u, None) for i, u, q in now if q and q.fr in sentence), (*new_ids[0], None))
            # a context quoting its unit whole quotes the new one whole: it showed the sentences as they were before
            # the correction, the merged unit's English half missing, or the text of a unit the reviewer had split
            old = was.get(old_id)
            if quoted is not None and old is not None and (old.fr, old.en) == (sentence, english):
                sentence, english = quoted.fr, quoted.en
            moved.append((unit_id, unit.tuid or "", sentence, english, context_id))
            if (unit.tuid or "", sentence, english) != was_quoted:
                requoted.add(entry_id)
        self._move_contexts(moved)
        # an entry whose quotes now read otherwise (or name another unit) is a new version of it: a card or a page
        # read before showed the old sentences, and its version (the API's ETag) said nothing had changed. Not
        # recorded in the glossary's history: the document's correction is, and its undo moves them back (again a
        # new version)
        if requoted:
            self._new_versions(sorted(requoted))
        self._delete_units(old_ids)

    # Each backend's statements, in the caller's transaction:
    # _record_unit_edit((document_id, time, action, before, after, user)) -> the new row's id; _delete_unit_edit(id)
    # _unit_edit_rows(document_id) -> (id, document_id, time, action, before, after, user) rows, oldest first
    # _set_excluded([(excluded, unit_id)]); _unit_origin(unit_id) -> origin
    # _unit_contexts(unit_ids) -> (context id, unit id, fr, en, the entry's terms, a line each, entry id, tuid) rows
    # _move_contexts([(unit_id, tuid, fr, en, context id)]); _new_versions(entry_ids): each its next version
    # _shift_positions(document_id, by, after_position): the positions after it moved by ``by``
    # _insert_document_units(units, document_id, position, origin) -> their ids, at position and on
    # _set_corrected([(excluded, sentences, unit_id)]): no confidence, the sentences a correction gave
    # _delete_units(unit_ids)


def _run_start(rows: Sequence[tuple], wanted: Sequence[tuple], near: int | None = None) -> int | None:
    """Where the run ``wanted`` stands among ``rows``, if anywhere: first, or nearest ``near``."""
    starts = [start for start in range(len(rows) - len(wanted) + 1)
              if list(rows[start:start + len(wanted)]) == list(wanted)]
    return min(starts, key=lambda start: abs(start - near)) if starts and near is not None else next(iter(starts), None)
