"""Ingest: a document pair (or an inbox of them) into the store — align, store units, extract terms.

Re-ingesting an unchanged pair does nothing (content hashes), nor does the same text read from
other files (a .docx saved as .txt: hashes of the segmented text); a revised version of a document
replaces its earlier units and counts; what a person decided about an entry is never overwritten
(see :meth:`Store.merge_extracted`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TmtoolError
from .model import Context, Segment
from .store import DocumentRecord, Store

DOCUMENT_SUFFIXES = ("txt", "html", "htm", "docx")
_WORD = re.compile(r"\w+")
_PAIRED_NAME = re.compile(rf"^(?P<name>.+)\.(?P<lang>fr|en)\.(?P<ext>{'|'.join(DOCUMENT_SUFFIXES)})$", re.I)


@dataclass(frozen=True, slots=True)
class IngestResult:
    document_id: str
    held_by: str | None = None  # the stored document that already holds this text (maybe this one)
    units: int = 0
    new_entries: int = 0
    updated_entries: int = 0

    @property
    def skipped(self) -> bool:
        return self.held_by is not None


@dataclass(slots=True)
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (pair or file, why)

    @property
    def new_units(self) -> int:
        return sum(r.units for r in self.results)

    @property
    def new_entries(self) -> int:
        return sum(r.new_entries for r in self.results)

    @property
    def updated_entries(self) -> int:
        return sum(r.updated_entries for r in self.results)

    @property
    def skipped(self) -> list[IngestResult]:
        return [r for r in self.results if r.skipped]


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_hash(segments: Iterable[Segment]) -> str:
    """What a document says, whatever file format it was read from: its sentences in order."""
    return hashlib.sha256("\n".join(s.text for s in segments).encode("utf-8")).hexdigest()


def document_id_for(fr_path: str | Path) -> str:
    """``2021-07-13-partners-meeting.fr.txt`` → ``2021-07-13-partners-meeting``."""
    match = _PAIRED_NAME.match(Path(fr_path).name)
    return match["name"] if match else Path(fr_path).stem


def ingest_pair(
    store: Store,
    fr_path: str | Path,
    en_path: str | Path,
    *,
    document_id: str | None = None,
    extract_terms: bool = True,
    srclang: str = "fr-FR",
    tgtlang: str = "en-GB",
) -> IngestResult:
    """Align a French document with its English version, store the units (one transaction) and
    fold the extracted terms into the glossary.

    Nothing is stored when the same files, or files with the same text, are stored already (under
    this id or another): the result names the document that holds them."""
    fr_path, en_path = Path(fr_path), Path(en_path)
    for path in (fr_path, en_path):
        if not path.is_file():
            raise TmtoolError("no such file", path=str(path))
    document_id = document_id or document_id_for(fr_path)
    src_hash, tgt_hash = content_hash(fr_path), content_hash(en_path)
    if holder := store.document_with(src_hash, tgt_hash):
        return IngestResult(document_id, held_by=holder)

    from .pipeline import align_segments, segment_files

    pair = segment_files(fr_path, en_path, srclang=srclang, tgtlang=tgtlang)
    src_text, tgt_text = text_hash(pair.src_segments), text_hash(pair.tgt_segments)
    if holder := store.document_with(src_text, tgt_text, text=True):
        return IngestResult(document_id, held_by=holder)
    units = align_segments(pair, lexicon=store.lexicon_pairs()).units(document_id)
    proposals = []
    if extract_terms:
        from .terms import build_glossary

        sentences = [Context(u.source, u.target, document_id, u.tuid or "") for u in units]
        words = _WORD.findall(" ".join(u.source for u in units))
        memory = store.memory_contexts(words, exclude_document=document_id)
        proposals = build_glossary(sentences, memory=memory)
    record = DocumentRecord(document_id, str(fr_path), str(en_path), src_hash, tgt_hash,
                            pair.srclang, pair.tgtlang, src_text_hash=src_text, tgt_text_hash=tgt_text)
    with store.transaction():
        counted_before = store.document_entry_ids(document_id)
        unit_ids = store.replace_document(record, units)
        new, updated = store.merge_extracted(proposals, document_id, unit_ids)
        store.recount(counted_before)
    return IngestResult(document_id, units=len(units), new_entries=new, updated_entries=updated)


def find_pairs(inbox: str | Path) -> tuple[list[tuple[str, Path, Path]], list[tuple[str, str]]]:
    """Pair ``NAME.fr.EXT`` with ``NAME.en.EXT`` (txt, html, docx) in a folder.

    Returns the pairs (name, French path, English path) and the files that could not be paired,
    with the reason.
    """
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise TmtoolError("not a directory", path=str(inbox))
    sides: dict[str, dict[str, list[Path]]] = {}
    for path in sorted(inbox.iterdir()):
        match = _PAIRED_NAME.match(path.name)
        if match and path.is_file():
            sides.setdefault(match["name"], {"fr": [], "en": []})[match["lang"].lower()].append(path)
    pairs, unpaired = [], []
    for name, found in sides.items():
        if len(found["fr"]) == 1 and len(found["en"]) == 1:
            pairs.append((name, found["fr"][0], found["en"][0]))
            continue
        for lang, other in (("fr", "en"), ("en", "fr")):
            if len(found[lang]) > 1:
                unpaired.append((name, f"several {lang} files: {', '.join(p.name for p in found[lang])}"))
            elif not found[other]:
                unpaired.append((found[lang][0].name, f"no {other} counterpart ({name}.{other}.*)"))
    return pairs, unpaired


def ingest_dir(
    store: Store,
    inbox: str | Path,
    *,
    extract_terms: bool = True,
    progress: Callable[[list], Iterable] = iter,
) -> IngestSummary:
    """Ingest every pair in ``inbox``, one transaction each; a pair that fails is reported in the
    summary and does not stop the others. ``progress`` wraps the list of pairs (a progress bar)."""
    pairs, unpaired = find_pairs(inbox)
    summary = IngestSummary(failures=list(unpaired))
    for name, fr_path, en_path in progress(pairs):
        try:
            summary.results.append(ingest_pair(store, fr_path, en_path, document_id=name,
                                               extract_terms=extract_terms))
        except (TmtoolError, OSError, UnicodeError, ValueError) as exc:
            summary.failures.append((name, str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
    return summary
