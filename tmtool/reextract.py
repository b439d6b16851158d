"""Re-extraction: the terms of documents already stored, extracted again by this release from their
units as stored — the files they were read from are not needed (they may be gone).

A document's units are its sentence pairs as stored, a reviewer's corrections to the alignment
included. The store keeps no table rows: where ingest reads a row of a list of abbreviations as one
line (*ACO⇥Commandement allié Opérations*, see :meth:`tmtool.pipeline.AlignedPair.term_pairs`),
re-extraction reads its cells' units one by one. The document is weighed against the memory as it
is now (the other documents' units and the imported ones) and the approved glossary, as ``ingest``
extracts the terms of a pair stored without them. What the earlier extraction gave the glossary is
replaced (see :func:`tmtool.glossary.replace_document_terms`): what a person reviewed keeps its
decision. Each document is one transaction, which also records the release that extracted it, so
that a run stopped half-way goes on where it stopped when started again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from . import glossary
from .errors import Invalid, NotFound
from .ingest import extract, extracts_terms, extraction_release, terms_language
from .progress import Progress, Step
from .store import DocumentRecord, Store, StoredUnit
from .store.rows import term_context


@dataclass(frozen=True, slots=True)
class Reextracted:
    """One document's re-extraction."""

    document_id: str
    sentences: int = 0
    changed: bool = False  # False: the new extraction gives the glossary the earlier one gave
    new_entries: int = 0
    updated_entries: int = 0
    replaced: int = 0  # candidates of the earlier extraction removed (recorded as ``change``)
    change: int | None = None
    skipped: str | None = None  # why it was left as it was (revised meanwhile)


@dataclass(slots=True)
class ReextractSummary:
    results: list[Reextracted] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        return [r.document_id for r in self.results if r.changed]


def selected(store: Store, document_ids: Sequence[str] = (), *, everything: bool = False,
             older: bool = False) -> list[DocumentRecord]:
    """The documents a re-extraction reads, in the order ingested: ``document_ids`` (NotFound naming
    every unknown one, Invalid for one of a pair whose terms are not extracted); else, with
    ``everything``, every document whose pair has terms (``ingest.extracts_terms``); else those whose terms this release did not
    extract — by an earlier release (or one not recorded), or never (``ingest --no-terms``) unless
    ``older``."""
    documents = [record for record, _ in store.documents()]
    if document_ids:
        known = {record.id: record for record in documents}
        missing = [d for d in dict.fromkeys(document_ids) if d not in known]
        if missing:
            raise NotFound(f"no document {', '.join(missing)} in the store")
        for document_id in document_ids:
            if not extracts_terms(known[document_id].srclang, known[document_id].tgtlang):
                raise Invalid(f"document {document_id} is no French–English pair: it has no terms to extract")
        wanted = set(document_ids)
        return [record for record in documents if record.id in wanted]
    release = extraction_release()
    return [record for record in documents if extracts_terms(record.srclang, record.tgtlang)
            and (everything or record.terms != release and not (older and record.terms is None))]


def reextract(store: Store, documents: Sequence[DocumentRecord], *, user: str | None = None,
              progress: Progress | None = None) -> ReextractSummary:
    """Extract the terms of stored ``documents`` again (see :func:`selected`), one transaction
    each, in order; ``progress`` hears of documents done out of all, sentences read and the
    document being read, and how far its extraction is, as ingest tells it (a long document's is
    told as it goes, not as one step that seems stuck). The French model is loaded once for the run
    (it stays loaded in the process)."""
    summary = ReextractSummary()
    sentences = 0
    pending = {record.id for record in documents}
    for number, record in enumerate(documents):
        if progress:
            progress(Step(number, len(documents), sentences, record.id))

        def within(step: Step, number=number, record=record, sentences=sentences) -> None:
            part = step.done / step.total if step.total else 0.0
            progress(Step(number + min(part, 1.0), len(documents), sentences,
                          f"{record.id}: extracting terms" + (f" ({step.item})" if step.item else "")))

        pending.discard(record.id)
        result = reextract_document(store, record, replaceable=pending, user=user,
                                     progress=within if progress else None)
        summary.results.append(result)
        sentences += result.sentences
    if progress:
        progress(Step(len(documents), len(documents), sentences, ""))
    return summary


class _Unchanged(Exception):
    """Raised to roll back a replacement that leaves the glossary as it was."""


class _Tried(Exception):
    """Raised to roll back a trial replacement that changes the glossary."""


def reextract_document(store: Store, record: DocumentRecord, *, replaceable: Sequence[str] | set[str] = (),
                       user: str | None = None, progress: Progress | None = None) -> Reextracted:
    """Extract one stored document's terms again from its units and replace what its earlier
    extraction gave the glossary, in one transaction that records this release as the one that
    extracted them. ``replaceable``: the documents whose extraction this run is still to replace
    (a candidate that only they and this one vouch for is replaced). ``progress`` hears of the parts of the
    extraction (``ingest.extract``'s).

    An extraction that gives the glossary what the earlier one gave writes nothing but the release,
    so that running it again changes nothing. Where candidates shared with documents still to come
    would be replaced (and come back with them), that is tried first with this document alone, and
    undone. A document whose units changed meanwhile (another process ingested a revision, a
reviewer corrected the alignment) is left as it is: its extraction read other units."""
    units = store.document_units(record.id)
    read = _as_read(units)
    sentences = [pair for stored in units if (pair := term_context(stored.unit, record.id))]
    proposals, near = extract(store, sentences, record.id, terms_language(record.srclang, record.tgtlang),
                              progress=progress)
    unit_ids = {stored.unit.tuid or str(stored.position): stored.id for stored in units}
    release = extraction_release()

    def replace(replaceable: set[str] | Sequence[str], *, trial: bool = False) -> Reextracted:
        with glossary.changing(store):
            if store.document(record.id) is None or _as_read(store.document_units(record.id)) != read:
                return Reextracted(record.id, skipped="its units changed while its terms were extracted "
                                                      "(revised, corrected or removed)")
            before = glossary.document_footprint(store, record.id)
            done = glossary.replace_document_terms(store, record.id, unit_ids, proposals, near,
                                                   replaceable=replaceable, user=user)
            if glossary.document_footprint(store, record.id) == before:
                raise _Unchanged
            if trial:
                raise _Tried
            store.set_document_terms(record.id, release)
        return Reextracted(record.id, len(sentences), True, done.new_entries, done.updated_entries, done.replaced,
                           done.change)

    try:
        if set(replaceable) - {record.id} and store.document_entry_ids(record.id):
            try:
                return replace((), trial=True)  # returns only when the document was revised meanwhile
            except _Tried:
                pass
        return replace(replaceable)
    except _Unchanged:
        if record.terms != release:
            store.set_document_terms(record.id, release)
        return Reextracted(record.id, len(sentences))


def _as_read(units: Sequence[StoredUnit]) -> list[tuple]:
    """What a document's extraction read of its units, and cites them by."""
    return [(stored.id, stored.unit.tuid, stored.unit.source, stored.unit.target) for stored in units]
