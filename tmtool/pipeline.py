"""read → segment → align: one document pair in, translation units out.

Shared by ``tmtool align`` and ``tmtool ingest``; knows nothing of output formats or the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .langtags import base_language, language_pair
from .model import Bead, Context, Document, Segment, Unit, utcnow
from .store.rows import english_side, term_context
from .text.langid import guess_language
from .text.normalize import french_only_acronym


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
        doc = self._document_id(document_id)
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

    def term_pairs(self, document_id: str | None = None) -> list[Context]:
        """The sentence pairs term extraction reads in a French–English pair, French first whichever way
        it was translated: each unit's (``store.rows.term_context``), cited by its tuid; but the units of a table row of
        two cells that is a line of a list of abbreviations, in either language, as one pair of lines,
        their cells apart by a tab (see :func:`term_sentences`); and the units of a row of three cells of
        the French document's list (the acronym, its French and English full forms) as the row's own
        pair of lines, once."""
        doc = self._document_id(document_id)
        english_original = english_side(self.srclang, self.tgtlang) == "source"
        src_rows, tgt_rows = _two_cell_rows(self.src, self.src_segments), _two_cell_rows(self.tgt, self.tgt_segments)
        french, segments = (self.tgt, self.tgt_segments) if english_original else (self.src, self.src_segments)
        three_cell = _three_cell_rows(french, segments)  # the row holds both languages: the French table's
        beads = [bead for bead in self.beads if bead.src and bead.tgt]  # a unit's each, in order
        units, pairs, k, rows_read = self.units(doc), [], 0, set()
        while k < len(units):
            row = _row_of(beads[k].tgt if english_original else beads[k].src, three_cell)
            if row is not None:  # the row's pair once, for the units of its cells
                if row not in rows_read:
                    pairs.append(Context(*three_cell[row], doc, units[k].tuid or ""))
                    rows_read.add(row)
                k += 1
                continue
            for size in (1, 2):  # the row's two cells aligned as one bead, or as two (the usual)
                src = _row_line(self.src_segments, src_rows, [i for b in beads[k:k + size] for i in b.src])
                tgt = _row_line(self.tgt_segments, tgt_rows, [i for b in beads[k:k + size] for i in b.tgt])
                if src and tgt and (_listed(src) or _listed(tgt)):
                    fr, en = (tgt, src) if english_original else (src, tgt)
                    pairs.append(Context(fr, en, doc, units[k].tuid or ""))
                    k += size
                    break
            else:
                pairs.append(term_context(units[k], doc))
                k += 1
        return pairs

    def _document_id(self, document_id: str | None) -> str:
        return document_id or Path(self.src.path).stem.removesuffix("." + base_language(self.srclang))


def term_sentences(doc: Document, segments: Sequence[Segment], lang: str = "fr") -> list[str]:
    """The sentences term extraction reads in a French document (an English one: ``lang`` en): its
    segments; but a table row of two cells that is a line of a list of abbreviations
    (``acronyms.listed``) as one line, the cells apart by a tab, as the table saved as text reads
    (*ACO⇥Commandement allié Opérations*), so that it defines its acronym; of a row of three cells (the
    acronym, its French and its English full form) the line in ``lang`` only. The cells stay segments
    of their own for the alignment and the memory."""
    rows = _two_cell_rows(doc, segments)
    three_cell = _three_cell_rows(doc, segments)
    sentences, k = [], 0
    while k < len(segments):
        line = _row_line(segments, rows, [k, k + 1])
        if k in three_cell:
            sentences.append(three_cell[k][1 if lang == "en" else 0])
            k += 3
        elif line and _listed(line):
            sentences.append(line)
            k += 2
        else:
            sentences.append(segments[k].text)
            k += 1
    return sentences


def term_contexts(path: str | Path, lang: str, document: str) -> list[Context]:
    """The sentences ``tmtool extract`` reads in a French or English (``lang``) document
    (:func:`term_sentences`), as contexts of ``document``: a French sentence is a context's ``fr``, an
    English one its ``en`` (``terms.pivot``)."""
    sentences = term_sentences(*segmented_document(path, lang), lang)
    if lang == "en":
        return [Context(fr="", en=sentence, document=document) for sentence in sentences]
    return [Context(fr=sentence, document=document) for sentence in sentences]


def _two_cell_rows(doc: Document, segments: Sequence[Segment]) -> set[int]:
    """The segments that open a table row of two cells, each cell one segment (the second the next)."""
    return set(_rows_of_segments(doc, segments, 2))


def _rows_of_segments(doc: Document, segments: Sequence[Segment], width: int) -> list[int]:
    """The segments that open a table row of ``width`` cells, each cell one segment, in order."""
    by_paragraph: dict[int, list[int]] = {}
    for segment in segments:
        by_paragraph.setdefault(segment.paragraph, []).append(segment.index)
    rows = [[by_paragraph.get(p, []) for p in row] for row in doc.rows if len(row) == width]
    return [row[0][0] for row in rows if all(len(cell) == 1 for cell in row)
            and [cell[0] for cell in row] == list(range(row[0][0], row[0][0] + width))]


def _three_cell_rows(doc: Document, segments: Sequence[Segment]) -> dict[int, tuple[str, str]]:
    """The rows of three cells of a French document's list of abbreviations (*ACO | Commandement allié
    Opérations | Allied Command Operations*), each cell one segment: the first segment of each → its
    French line and its English line (*ACO⇥Allied Command Operations*; the English full form alone
    when the acronym is French only, ``french_only_acronym``). Which column is French the table's
    function words tell, else the first; rows whose lines define no acronym are not listed."""
    firsts = _rows_of_segments(doc, segments, 3)
    if not firsts:
        return {}
    leaning = []  # each full-form column's lead of French over English
    for column in (1, 2):
        lang, confidence = guess_language(" ".join(segments[first + column].text for first in firsts))
        leaning.append(confidence if lang == "fr" else -confidence if lang == "en" else 0.0)
    fr_column = 2 if leaning[1] > leaning[0] else 1
    lines = {}
    for first in firsts:
        acronym, fr, en = (segments[first + n].text for n in (0, fr_column, 3 - fr_column))
        fr_line, en_line = f"{acronym}\t{fr}", en if french_only_acronym(acronym, fr, en) else f"{acronym}\t{en}"
        if _listed(fr_line) or _listed(en_line):
            lines[first] = (fr_line, en_line)
    return lines


def _row_of(indices: Sequence[int], rows: dict[int, tuple[str, str]]) -> int | None:
    """The row of three cells (its first segment) that holds every one of ``indices``, if one does."""
    firsts = {next((first for first in (i, i - 1, i - 2) if first in rows), None) for i in indices}
    return firsts.pop() if len(firsts) == 1 and None not in firsts else None


def _row_line(segments: Sequence[Segment], rows: set[int], indices: Sequence[int]) -> str | None:
    """The two cells of a row as one line, a tab between them, when ``indices`` are a row's segments."""
    if len(indices) == 2 and indices[0] in rows and indices[1] == indices[0] + 1:
        return f"{segments[indices[0]].text}\t{segments[indices[1]].text}"
    return None


def _listed(line: str) -> bool:
    from .terms.acronyms import listed

    return listed(line) is not None


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
    srclang, tgtlang = language_pair(srclang, tgtlang)
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
