"""read → segment → align: one document pair in, translation units out.

Shared by ``tmtool align`` and ``tmtool ingest``; knows nothing of output formats or the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import TmtoolError
from .langtags import base_language, normalize_tag
from .model import Bead, Document, Segment, Unit, utcnow


@dataclass(slots=True)
class AlignedPair:
    """Two documents, their segments and the beads that pair them."""

    src: Document
    tgt: Document
    src_segments: list[Segment]
    tgt_segments: list[Segment]
    beads: list[Bead]  # empty until align_segments
    srclang: str
    tgtlang: str

    def units(self, document_id: str | None = None) -> list[Unit]:
        """One translation unit per bead that has text on both sides (1-0/0-1 beads are not units)."""
        doc = document_id or Path(self.src.path).stem.removesuffix("." + base_language(self.srclang))
        now = utcnow()
        units = []
        for number, bead in enumerate(self.beads, 1):
            if not bead.src or not bead.tgt:
                continue
            first = self.src_segments[bead.src[0]]
            units.append(
                Unit(
                    source=" ".join(self.src_segments[i].text for i in bead.src),
                    target=" ".join(self.tgt_segments[i].text for i in bead.tgt),
                    srclang=self.srclang,
                    tgtlang=self.tgtlang,
                    tuid=f"{doc}:{number}",
                    created=now,
                    changed=now,
                    props={
                        "x-document": doc,
                        "x-paragraph": str(first.paragraph),
                        "x-bead": bead.kind,
                        "x-confidence": f"{bead.confidence:.3f}",
                    },
                )
            )
        return units


def presegmented_document(path: str | Path, lang: str) -> tuple[Document, list[Segment]]:
    """One sentence per line, as in the gold sets: every line is a segment, all in paragraph 0."""
    from .text.readers import read_document

    doc = read_document(path, lang=lang)
    return doc, [Segment(text=line, paragraph=0, index=i) for i, line in enumerate(doc.paragraphs)]


def segmented_document(path: str | Path, lang: str, rules=None) -> tuple[Document, list[Segment]]:
    from .text.readers import read_document
    from .text.segment import segment_document

    doc = read_document(path, lang=lang)
    return doc, segment_document(doc, lang, rules)


def align_files(
    src_path: str | Path,
    tgt_path: str | Path,
    *,
    srclang: str = "fr-FR",
    tgtlang: str = "en-GB",
    rules=None,
    presegmented: bool = False,
    lexicon: Iterable[tuple[str, str]] = (),
) -> AlignedPair:
    """Read, segment (unless ``presegmented``) and align a document and its translation."""
    pair = segment_files(src_path, tgt_path, srclang=srclang, tgtlang=tgtlang, rules=rules,
                         presegmented=presegmented)
    return align_segments(pair, lexicon=lexicon)


def segment_files(
    src_path: str | Path,
    tgt_path: str | Path,
    *,
    srclang: str = "fr-FR",
    tgtlang: str = "en-GB",
    rules=None,
    presegmented: bool = False,
) -> AlignedPair:
    """Read and segment (unless ``presegmented``) a document and its translation; no beads yet."""
    srclang, tgtlang = normalize_tag(srclang), normalize_tag(tgtlang)
    if base_language(srclang) == base_language(tgtlang):
        raise TmtoolError(f"source and target languages are both {base_language(srclang)!r}")
    if presegmented:
        src, src_segments = presegmented_document(src_path, srclang)
        tgt, tgt_segments = presegmented_document(tgt_path, tgtlang)
    else:
        src, src_segments = segmented_document(src_path, srclang, rules)
        tgt, tgt_segments = segmented_document(tgt_path, tgtlang, rules)
    return AlignedPair(src, tgt, src_segments, tgt_segments, [], srclang, tgtlang)


def align_segments(pair: AlignedPair, *, lexicon: Iterable[tuple[str, str]] = ()) -> AlignedPair:
    """Align the segments of :func:`segment_files`: the pair with its beads."""
    from .align import align

    pair.beads = align(
        pair.src_segments,
        pair.tgt_segments,
        src_lang=base_language(pair.srclang),
        tgt_lang=base_language(pair.tgtlang),
        lexicon=lexicon,
    )
    return pair
