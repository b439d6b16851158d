"""PDF documents: paragraphs rebuilt from where the characters stand on the page.

A PDF holds positioned characters, not paragraphs. pdfminer.six (MIT) gives each character with its
box and font size; pypdf (BSD), measured beside it, gives a page's text as a string whose lines have
lost their positions, so indentation, vertical space and short lines, which tell where a paragraph
ends, and the gutter between two columns could not be seen (bench/README.md, "PDF reading", has both
measured). pdfminer's own grouping of characters into lines and blocks is not used: it cuts a
justified line at its wider spaces and then orders the pieces apart. Here, on each page:

- a page whose letters are mostly of a right-to-left script (Arabic, Hebrew) is read as its mirror image, so that its
  lines, columns, indents and table cells stand as a left-to-right page's do; a line's runs of the other direction
  (Latin words, numbers; Arabic or Hebrew words on a left-to-right page) are put back in reading order
  (``_logical_order``), and the kashidas that stretch a justified Arabic line are dropped; a line whose letters are all
  of the other direction (a bilingual page's other column) is read, and set for its paragraph, in its own;
- characters on one baseline are a row, cut where a gap is wider than an em or a drawn vertical rule stands
  between two characters (a ruled table's cells); two pieces are one line again when a row above or below
  has text across their gap (a stretched space of justified text, not a gutter or the gap between table
  cells), never across a rule;
- rows are read top to bottom; where at least three rows share a gutter between columns at least
  twelve ems wide, the columns are read one after the other (a table's narrower columns row by row); a line
  starting in the gutter well left of the next column (a letter's recipient address under its sender's, beside the
  date) ends the columns;
- the running header and footer are dropped: a line among the three at the top or bottom of a page
  that is the same, digits aside (page numbers), on half of the pages, or the first or last line of
  three pages, with numbers that are the same or count the pages (not a numbered
  heading, *Article 3*, that the text brings near an edge), or the first or last line of two pages of one
  parity, apart from the text (headers that alternate, the title of the document on even pages and the
  chapter's on odd ones); numbers count the pages only at one edge of them (a table's rows numbered on, *R-027* at
  the foot of a page and *R-028* at the top of the next, do not);
- a table's header row that a word processor repeats at the top of each page the table goes on over is read once,
  where the table starts (``_without_repeated_headers``), before the running lines are told;
- a ruled table's cell (drawn rules on its four sides: pdfminer's lines, rectangles and curves, stroked, or
  filled and thin) is read whole before the next cell, and two lines of a page with a rule between them
  (under the first and above the second, or the cells of a table) are never one paragraph;
- a table ruled only across, or not at all, has its columns where the cells of two rows or more start at one x
  (``_column_edges``), or, for figures set flush right or centred, where two rows' cells of figures side by side end or
  are centred at one x (``_aligned_cells``): its rows are cut there (a cell's text may come nearer the next cell than an em) and not
  joined again, a row of fewer cells whose lines each stand a line's space under one of the row before is those
  cells wrapped, read with them, and no paragraph goes on from one cell into another;
- consecutive lines of one column are one paragraph unless the second stands after extra vertical
  space, in another font size, indented, after a list marker, or after a line that had room for its
  first word (the writer ended that line: a typesetter breaks a line only where the next word does
  not fit; in a block set ragged right in the page's one column, room up to the page's margin: an address's
  lines are a paragraph each, and a short line ending at the margin, right of the page's middle, is set flush right,
  a paragraph of its own: a letter's date or reference; in a block quote, set in by a few ems and filling a margin of its own, room up to
  that margin, and a line running past it is the text after the quote: ``_quoted_blocks``);
- lines that end a page in smaller print are its footnotes: they come after the paragraph in which
  the page's text ends; a note's mark (a small raised digit) is dropped from the text, a power (km²) is read in
  superscript digits, as every reader reads them (``readers.base._add_raised``);
- a paragraph goes on over a page or column break when its last line is full and ends no sentence,
  or the next line starts in lower case, or that line, ending a sentence, is stretched to its justified column's
  margin and the next line is not indented; a table's row broken over two pages goes on in its cells
  (``_rows_over_pages``);
- a word hyphenated at a line end is joined back (*opéra-* *tions*) and a compound keeps its hyphen
  (*état-* *major*), as the document's own use of either form says, else as wordfreq knows the
  joined word (see :meth:`_Hyphenation.joins`).
"""

from __future__ import annotations

import logging
import re
import statistics
import struct
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import count, groupby, islice
from pathlib import Path

from ..errors import Invalid
from ..langtags import base_language
from .readers.base import _add_raised
from .segment import LIST_BULLETS

# pdfminer reports recoverable damage through logging, which without a handler Python prints to
# stderr; what it could not recover from is raised and becomes our one error line
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

# a gap between two characters wider than this many ems is a space: a space is a quarter of an em or
# more, kerning a tenth at most
WORD_GAP = 0.12
# a filled shape this thin (points) is a rule, as tools draw a table's borders; a wider one is shading
RULE_WIDTH = 3.0
# the cells of a table's column start at one x within this many points
EDGE_ALIGN = 1.0
# a table's column edge holds over rows between two that start a cell at it at most this many rows apart (a cell
# wrapped on up to three lines beside the next rows' cells)
EDGE_ROWS = 4
# a column's lines start at its left edge, or a paragraph's first line this many ems or fewer right of it
GUTTER_INDENT = 3.0
NOTE_SIZE = 0.9  # lines at the bottom of a page in print this much smaller than the text's are footnotes
EDGE_LINES = 3  # lines at the top and at the bottom of a page where running headers and footers stand
# the narrowest top margin word processors leave by default (LibreOffice's 2 cm; Word's is an inch): a header is
# printed above it (1.25 cm from the page's edge in Word, Google Docs' half inch), the text and its title start under
# it, a LibreOffice document's first line within the inch
TOP_MARGIN = 56.7
# wordfreq rates a hyphenated form from its parts, which overrates compounds of frequent words (it puts
# *sur-tout* above *surtout*): a joined word within this many Zipf units (tenfold each) of the compound
# is taken; chosen on the words of the development documents and TransRead (bench/pdf.py)
COMPOUND_MARGIN = 1.0

# the space, in ems, past which a piece on a line's baseline set at the margin is set flush right beside the line (a
# date, a tag), not the line's last words a justified line's wide space set apart (11.5 pt in bzip2's manual)
_FLUSH_RIGHT_GAP = 3.0
_TERMINAL = re.compile(r"[.!?…:][\s\"'»”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…][\s\"'»”’)\]]*$")
# a list's marker: a bullet the segmenter leaves out of a segment (``segment.LIST_BULLETS``: ● ➢ ✓ ○ ◆ too, where a
# set of its own here missed them and ran a list's items into one paragraph), a dash, an asterisk, a number, a letter
_MARKER = rf"[{LIST_BULLETS}*–—-]|\d{{1,3}}[.)]|[a-z][.)]|\(\w{{1,3}}\)"
_LIST_MARKER = re.compile(rf"^(?:{_MARKER})\s")
# a list item's marker or a clause's number (*1.4.1*) alone before a tab to its text: a hanging indent's
# (a number of one level without its point, *3*, may be a table's figure)
_HANGING_MARKER = re.compile(rf"(?:{_MARKER}|\d{{1,3}}(?:\.\d{{1,3}})+\.?)")
# the widest gap (in ems) from a hanging indent's marker to its text: a clause's number in a margin of 2.5 cm
HANGING_GAP = 6.0
# an equation's number, set flush right on its row (``_tags``)
_EQUATION_NUMBER = re.compile(r"\(\d{1,3}(?:\.\d{1,3})*[a-z]?\)")
# a table of contents' entry ends at its page number after a leader of dots: its line is full, its last word at the
# margin, as a line that a paragraph goes on from
_CONTENTS_ENTRY = re.compile(r"(?:[.…·]\s?){3,}\s*(?:\d{1,4}|[ivxlc]{1,6})$")
_HYPHENATED_END = re.compile(r"(\w+)[-\u2010\u00ad]$")
_WORD_START = re.compile(r"^(\w+)")
_COMPOUNDS = re.compile(r"\w+(?:[-\u2010]\w+)*")
_DIGITS = re.compile(r"\d+")
_NOTE_MARKS = set("0123456789*†‡§")
# a page's number as a template prints it alone on a line: 3, - 3 -, Page 3, p. 3, 3/9, Page 3 of 9, Page 3 sur 9
_PAGE_NUMBER = re.compile(r"(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:/|of|sur|de)\s*\d{1,3})?", re.I)
# the blocks of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…, their presentation forms; those past
# U+10800): a line without any is read as placed, its direction not asked character by character
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
_NARROW = set("ijlftrI.,:;!|'")
_SPACES = re.compile(r"[ \t\n\r\f]+")  # a no-break space is kept: French typography puts it before « ? ! : »
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


@dataclass(slots=True)
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    baseline: float  # PDF coordinates: y grows upwards
    size: float
    first_word: float  # width of the line's first word: would it have fit on the line before?
    calls: tuple[str, ...] = ()  # the numbers of the notes it calls (a note's own: its number), dropped from its text
    from_top: float = 0.0  # how far its baseline stands below the page's top edge
    # the nearest drawn rules left of it, right of it, above and under it (x, x, y, y; None: no rule); all four:
    # the line stands in a ruled table's cell
    cell: tuple[float | None, float | None, float | None, float | None] = (None, None, None, None)
    table: bool = False  # it stands on a row of a table's columns (``_column_edges``)
    hang: float | None = None  # after a hanging indent's marker (*1.1⇥*, *•⇥*), where its text and next lines start
    goes_on: bool = False  # it goes on from the line before it in reading order: a table's cell broken over a page
    aside: bool = False  # a tag set beside a line (``_tags``): a paragraph of its own
    mono: bool = False  # set in a monospaced font (``_monospaced``)
    in_columns: bool = False  # it stands in one of a page's columns of text (``_band_order``)
    turned: bool = False  # of the other direction than its page's: its x stand turned about the page's middle
    # until its page's lines are ordered (``_oriented_line``)

    def below(self, other: _Line) -> bool:
        """Whether this line comes right under ``other`` in the same column."""
        return (self.page == other.page and other.baseline > self.baseline > other.baseline - 3 * other.size
                and self.x0 < other.x1 and other.x0 < self.x1)


def pdf_paragraphs(path: Path, lang: str | None) -> list[str]:
    """The paragraphs of a PDF's text layer, in reading order; a page's footnotes after the paragraph
    calling them, or, where no raised number tells which, after the paragraph its text ends in (which may go
    on over the next page)."""
    pages = _read_lines(path)
    if not any(pages):
        raise Invalid("no text layer: scanned PDF? run OCR first", path=str(path))
    pages = _drop_running_lines(_without_repeated_headers(pages))
    bodies, notes = _footnotes(pages)
    bodies = _rows_over_pages(bodies)
    hyphenation = _Hyphenation([line for page in pages for line in page], lang)
    body = _Paragraphs([line for page in bodies for line in page], hyphenation)
    built = body.build()
    # a note goes right after the paragraph calling it (its number raised there, and at its own start), as a
    # DOCX's does: a page breaks in another paragraph in each language, its note would align with nothing;
    # else after the paragraph the text of its page ends in
    after: dict[int, list[str]] = defaultdict(list)
    unplaced: list[list[str]] = []
    last_note, seen_notes = None, set()  # the last note's number, the numbers of the notes read
    for number, page_notes in enumerate(notes):
        unplaced.append([])
        called = {call for (_, page), calls in zip(built, body.calls) if page <= number for call in calls}
        last_note = _own_note_numbers(page_notes, called, last_note, seen_notes)
        read = _Paragraphs(page_notes, hyphenation)
        for (note, _), own in zip(read.build(), read.calls):
            calling = [i for i, ((_, page), calls) in enumerate(zip(built, body.calls))
                       if own and page <= number and own[0] in calls]
            (after[calling[-1]] if calling else unplaced[-1]).append(note)
    paragraphs: list[str] = []
    placed = 0  # the pages whose footnotes are placed
    for index, (text, page) in enumerate(built):
        for page_notes in unplaced[placed:page]:  # the text of those pages ended in the paragraph before
            paragraphs.extend(page_notes)
        placed = max(placed, page)
        paragraphs.append(text)
        paragraphs.extend(after[index])
    for page_notes in unplaced[placed:]:
        paragraphs.extend(page_notes)
    return paragraphs


# a number against a word, not an ordinal's (*1er*, *2e*, *75th*)
_GLUED_NUMBER = re.compile(r"(\d{1,3})(?=[^\W\d_]|[«“\"(])(?!(?:st|nd|rd|th|er|re|e|es|ers|res|ème|èmes)\b)")


def _own_note_numbers(lines: list[_Line], called: set[str], last: str | None, seen: set[str]) -> str | None:
    """A footnote's line starting with its number set on the text's baseline, right against its first word
    (LibreOffice's *1Voir le rapport…*): the number is the note's own, read as a raised one is (``_Line.calls``), and
    starts a note, where no note read had it (``seen``, which this adds to) and it follows the note before (``last``,
    on this page or one before; the first note's is 1) or the text calls a note of that number. A note's second line
    may start with a number against a word too (*5G networks*, *1er juillet*). Returns the last note's number."""
    for line in lines:
        glued = _GLUED_NUMBER.match(line.text)
        if line.calls:
            last = line.calls[0]
        elif glued and glued.group(1) not in seen and (glued.group(1) in called or glued.group(1) == (
                "1" if last is None else str(int(last) + 1) if last.isdigit() else None)):
            line.text, line.calls = line.text[glued.end():], (glued.group(1),)
            line.hang = line.x0 + 0.5 * line.size * len(glued.group(1))
            last = glued.group(1)
        else:
            continue
        seen.add(last)
    return last


def _without_repeated_headers(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages less the header rows of a table that a word processor repeats at the top of each page the table goes
    on over (Writer's and Word's *repeat heading rows*): read once, where the table starts. A page whose text ends in a
    table's rows (a footer's lines under them at most) goes on in that table when the next page starts with table rows
    (under a running header's lines at most); those first rows, the same texts as the first rows of a table on a page
    before and followed by more of the table's rows, are its header repeated. (At the top of each page they were else
    dropped as a running header, where the table starts too when it starts a page, or read again on every page.)"""
    starts: list[list[tuple[str, ...]]] = []  # each table's rows from its first, as their texts from left to right
    goes_on = False  # the page before ends in a table
    out = []
    for page in pages:
        grouped = _baseline_rows(page)
        rows = [tuple(line.text for line in sorted(row, key=lambda line: line.x0)) for row in grouped]
        tabled = [all(line.table or None not in line.cell for line in row) for row in grouped]
        top = next((k for k, in_table in enumerate(tabled) if in_table), len(rows))
        repeated = 0
        if goes_on and top < EDGE_LINES:
            for start in starts:
                same = 0
                while (top + same < len(rows) and same < len(start) and tabled[top + same]
                       and rows[top + same] == start[same]):
                    same += 1
                if top + same < len(rows) and tabled[top + same]:
                    repeated = max(repeated, same)
        starts += [rows[k:] for k in range(len(rows))
                   if tabled[k] and (k == 0 or not tabled[k - 1]) and k + 1 < len(rows) and tabled[k + 1]]
        last = max((k for k, in_table in enumerate(tabled) if in_table), default=None)
        goes_on = last is not None and len(rows) - last <= EDGE_LINES
        header = {id(line) for row in grouped[top:top + repeated] for line in row}
        out.append([line for line in page if id(line) not in header])
    return out


def _footnotes(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[list[_Line]]]:
    """Each page's lines parted into its text and its footnotes: the lines in print smaller than most of
    the document's that it ends with, or that stand under all of its text."""
    body_size = _text_size(line for page in pages for line in page)
    bodies, notes = [], []
    for page in pages:
        end = len(page)
        while end and page[end - 1].size < NOTE_SIZE * body_size:
            end -= 1
        end = end or len(page)  # a page all in small print is text
        # and, on a page in columns, the small print under all of its text, which the reading order puts
        # at the foot of the column it stands under (the first), not after the text the page ends in
        # (its top under the text's lowest baseline: a credit in small print under a column's last line, *(Photo:
        # NATO)*, stands on the row of the next column's last line, a little lower, and is read in place)
        text = [line.baseline for line in page[:end] if line.size >= NOTE_SIZE * body_size]
        under = {id(line) for line in page[:end] if text and line.size < NOTE_SIZE * body_size
                 and line.baseline + line.size < min(text)}
        bodies.append([line for line in page[:end] if id(line) not in under])
        notes.append([line for line in page[:end] if id(line) in under] + page[end:])
    return bodies, notes


def _text_size(lines) -> int:
    """The font size (rounded) that most of the lines' characters are in; 0 for no lines."""
    sizes = Counter()
    for line in lines:
        sizes[round(line.size)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0


def _rows_over_pages(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages with the lines of a table's row that a page break cut read in their cells on the page before: the
    row at the top of a page's table (under its header row repeated, as word processors repeat it) with half the cells
    of the row that ends the page before in that table or fewer, each line under one of that row's cells, is that row's
    cells going on (LibreOffice breaks a row over two pages by default). Else that line came after the page's
    header row, apart from its cell's text."""
    pages = [list(page) for page in pages]
    for number in range(1, len(pages)):
        before, page = pages[number - 1], pages[number]
        if not before or not any(line.table for line in page):
            continue
        lowest = min(before, key=lambda line: line.baseline)
        if not lowest.table or None in lowest.cell:  # the table does not end the page
            continue
        last_row = [line for line in before if line.table and None not in line.cell
                    and abs(line.cell[2] - lowest.cell[2]) < 1]
        cells = {line.cell: line for line in last_row}  # a cell and its last line in reading order
        if len(cells) < 2:
            continue
        rows = _baseline_rows(line for line in page if line.table)
        highest = max(line.baseline for line in before if line.table)
        header = sorted(line.text for line in before if line.table and abs(line.baseline - highest) < 1)
        if len(rows) > 1 and sorted(line.text for line in rows[0]) == header:
            rows = rows[1:]
        top = rows[0]
        spread = {first.cell for first in top}  # top's lines are the page's table lines of its first row
        going_on = [line for line in page if line.table and line.cell in spread]
        owners = [[cell for cell in cells if cell[0] <= line.x0 < cell[1]] for line in top]
        # (at most half of the row's cells: a row whose first cell alone is missing, a figure dropped as a page's
        # number, or empty, is a row of its own)
        if 2 * len(top) > len(cells) or not all(len(owner) == 1 for owner in owners):
            continue
        # a cell's text breaks where its next word does not fit: a cell whose last line had room for the line's first
        # word (inside the cell's right rule by the text's inset from its left one) ended, and the line starts a row of
        # its own (a table's row of a group's name, its other cells empty)
        if any(cell[1] != float("inf") and cells[cell].x1 + 0.5 * line.size + line.first_word
               <= cell[1] - (cells[cell].x0 - cell[0]) for line, (cell,) in zip(top, owners)):
            continue
        # each cell moved once, even where two of top's pieces share it (a piece moved has its cell changed)
        for going, cell in {line.cell: cell for line, (cell,) in zip(top, owners)}.items():
            moved = [other for other in going_on if other.cell == going]
            for other in moved:
                page.remove(other)
                other.cell, other.goes_on = cell, True
            at = before.index(cells[cell]) + 1
            before[at:at] = moved
    return pages


def _read_lines(path: Path) -> list[list[_Line]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    pages, tops = [], []
    try:
        with open(path, "rb") as stream:
            document = PDFDocument(PDFParser(stream))
            word_processor = _word_processor(document)
            resources = PDFResourceManager()
            device = PDFPageAggregator(resources)  # no layout analysis: the characters as placed
            interpreter = PDFPageInterpreter(resources, device)
            for page in PDFPage.create_pages(document):
                interpreter.process_page(page)
                layout = device.get_result()
                rules = _Rules([], [])
                _add_rules(layout, rules)
                glyphs = list(_glyphs(layout))
                if word_processor:
                    glyphs = _without_field_errors(glyphs, any_font=word_processor in ("libreoffice", "openoffice"))
                pages.append((glyphs, rules, page.mediabox[0] + page.mediabox[2]))
                tops.append(page.mediabox[3])
    except PDFEncryptionError:
        raise Invalid("an encrypted PDF that needs a password; save an unprotected copy", path=str(path)) from None
    except (PSException, ValueError, TypeError, KeyError, IndexError, AttributeError, EOFError, OverflowError,
            RecursionError, AssertionError, struct.error, zlib.error) as exc:
        # pdfminer parses a broken file as far as it can, and then fails with whatever the damage raised (its
        # parser asserts what it expects: the keyword after a cross-reference table is `trailer`)
        raise Invalid(f"not a readable PDF file ({type(exc).__name__}: {str(exc)[:100]})",
                          path=str(path)) from None
    if not pages:
        raise Invalid("not a readable PDF file (no pages)", path=str(path))
    glyphs = [glyph for page, _, _ in pages for glyph in page if not glyph.text.isspace()]
    if sum(glyph.text.startswith("(cid:") for glyph in glyphs) * 2 > len(glyphs):
        # pdfminer names a character it cannot map to Unicode by its number in the font
        raise Invalid("the text layer cannot be decoded (fonts without a Unicode map): run OCR first",
                          path=str(path))
    lines = []
    for number, (page, rules, sides) in enumerate(pages):
        # a page in a right-to-left script (Arabic, Hebrew) read as its mirror image: its lines, columns, indents
        # and table cells then stand in reading order from left to right, as a left-to-right page's do
        rtl = _right_to_left(page)
        if rtl:
            page, rules = _mirrored(page, rules, sides)
        lines.append(_page_lines(page, number, rules, rtl, sides))
    for page, top in zip(lines, tops):
        for line in page:
            line.from_top = top - line.baseline
    return lines


# the programs that write a document's PDF (Word's Save as PDF, LibreOffice's export), by its producer or creator:
# where Word's error for a field it could make no result of stands in the text (``_without_field_errors``)
_WORD_PROCESSOR = re.compile(r"microsoft.{0,3} (?:office )?word|libreoffice|openoffice", re.IGNORECASE)
# what closes a sentence or a clause right after a field's result, against it once the result is gone
_CLOSING_PUNCTUATION = frozenset(".,;…)]")


def _word_processor(document) -> str | None:
    """Which word processor (``_WORD_PROCESSOR``) wrote the PDF ``document``, by its information's ``Producer`` or
    ``Creator``, lower case (*libreoffice*, *microsoft® word*); None for another program."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psexceptions import PSException
    from pdfminer.utils import decode_text

    for info in document.info:
        for key in ("Producer", "Creator"):
            try:
                value = resolve1(info.get(key))
            except (PSException, ValueError, TypeError, KeyError, RecursionError):  # damaged: says no producer
                continue
            if isinstance(value, bytes) and (found := _WORD_PROCESSOR.search(decode_text(value))):
                return found.group().lower()
    return None


def _without_field_errors(glyphs: list[_Glyph], any_font: bool = False) -> list[_Glyph]:
    """A page's ``glyphs`` without the text of Word's error where a field could make no result (*Erreur ! Source du
    renvoi introuvable.* for a cross-reference whose bookmark is gone), as a DOCX's field and its HTML page leave it out: one
    of Word's messages whole (``_field_error``), a run of bold characters of its own, as Word sets it, in the order
    the page shows them (over a line's end too), in its sentence (beside text of its line); not one an author quotes
    (in quotation marks), nor one alone on its line (a help page's heading naming the message). Its characters are
    kept without their text, that its lines keep their width and their start (a line's indent, its end short of the
    margin, would end a paragraph); what closes the sentence after it (*Voir la section Erreur ! Signet non
    défini..*) then stands against the word before it. In a PDF LibreOffice wrote (``any_font``), a field's result
    has the font of the text around it, not Word's bold (a DOCX's cached error, or LibreOffice's own *Error: Reference
    source not found*): one of the messages whole, a word of its own, is such a run in any font, an author's quoting it
    told by its quotation marks or its line alone."""
    from .readers.html import _CLOSING_QUOTES, _OPENING_QUOTES
    from .readers.office import _field_error

    shown = sorted(glyphs, key=lambda glyph: glyph.order)
    dropped: set[int] = set()
    for start, end in sorted(_bold_runs(shown) + (_message_runs(shown) if any_font else [])):
        if any(id(glyph) in dropped for glyph in shown[start:end]):
            continue
        first = start - 1  # the characters before and after the run
        while first >= 0 and shown[first].text.isspace():
            first -= 1
        before = shown[first] if first >= 0 else None
        after = next((glyph for glyph in islice(shown, end, None) if not glyph.text.isspace()), None)
        if (_field_error("".join(glyph.text for glyph in shown[start:end])) and not (
                before is not None and before.text.endswith(_OPENING_QUOTES)
                or after is not None and after.text in _CLOSING_QUOTES)
                and (_same_line(before, shown[start]) or _same_line(after, shown[end - 1]))):
            dropped.update(id(glyph) for glyph in shown[start:end])
            if after is not None and after.text in _CLOSING_PUNCTUATION:
                after.joins = True
                dropped.update(id(glyph) for glyph in shown[first + 1:start])  # the space before the result
    for glyph in glyphs:
        if id(glyph) in dropped:
            glyph.text = ""
    return glyphs


def _bold_runs(shown: list[_Glyph]) -> list[tuple[int, int]]:
    """The runs of bold characters (spaces within them) of a page's characters in the order shown, as (start, end)."""
    runs, start = [], 0
    while start < len(shown):
        if not shown[start].bold or shown[start].text.isspace():
            start += 1
            continue
        end = start
        while end < len(shown) and (shown[end].bold or shown[end].text.isspace()):
            end += 1
        runs.append((start, end))
        start = end
    return runs


def _message_runs(shown: list[_Glyph]) -> list[tuple[int, int]]:
    """Where one of Word's or LibreOffice's messages for a field without result (``office._FIELD_ERRORS``) stands whole
    among a page's characters in the order shown, in any font, its words apart or not (*Erreur !*, *Erreur!*), a word
    of its own (no letter against it before), as (start, end); Word's with the stop that ends it (LibreOffice's own,
    *Error: …*, has none: a stop after it is the sentence's)."""
    from .readers.office import _FIELD_ERRORS

    inked = [k for k, glyph in enumerate(shown) if not glyph.text.isspace()]
    owner = [k for k in inked for _ in shown[k].text]  # the glyph of each character of compact
    compact = "".join(shown[k].text for k in inked).casefold()
    if len(compact) != len(owner):  # a character that casefolds to two (ß): no message holds one
        return []
    runs = []
    for message in _FIELD_ERRORS:
        for found in re.finditer(re.escape(message), compact):
            start, end = found.start(), found.end()
            before, first = (shown[owner[start - 1]], shown[owner[start]]) if start else (None, None)
            if before is not None and before.text[-1:].isalnum() and owner[start - 1] == owner[start] - 1 and (
                    _same_line(before, first) and first.x0 - before.x1 < WORD_GAP * first.size):
                continue  # inside a word
            if ":" not in message and compact[end:end + 1] == ".":
                end += 1
            runs.append((owner[start], owner[end - 1] + 1))
    return runs


def _same_line(glyph: _Glyph | None, other: _Glyph) -> bool:
    """Whether ``glyph`` (None: no character) stands on ``other``'s line."""
    return glyph is not None and abs(glyph.middle - other.middle) < 0.5 * other.size


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    order: int = -1  # where the page's content stream shows it: a line's runs in the order they are read (LibreOffice)
    bold: bool = False  # set in a bold font
    joins: bool = False  # it stands against the character before it, a field's result between them left out

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2


def _glyphs(container, shown=None):
    """The upright characters of a page, those inside figures (form XObjects) included, numbered in the order the
    page shows them (``shown``: the count so far)."""
    from pdfminer.layout import LTChar, LTContainer

    shown = count() if shown is None else shown
    for item in container:
        if isinstance(item, LTChar):
            a, b, c, d, _, _ = item.matrix
            text = _symbol_character(item.get_text(), item.fontname)
            if a > 0 and d > 0 and abs(b) < 1e-3 * a and abs(c) < 1e-3 * d and text:  # not rotated (a watermark)
                yield _Glyph(text.translate(_LIGATURES), item.x0, item.x1, item.y0, item.y1, item.size, next(shown),
                             "bold" in item.fontname.lower())
        elif isinstance(item, LTContainer):
            yield from _glyphs(item, shown)


@dataclass(slots=True)
class _Rules:
    """A page's drawn rules, as segments."""

    across: list[tuple[float, float, float]]  # horizontal: y, x0, x1
    down: list[tuple[float, float, float]]  # vertical: x, y0, y1

    def between(self, left: _Glyph, right: _Glyph) -> bool:
        """Whether a vertical rule stands between two characters of a row."""
        if not self.down:  # most pages
            return False
        start, end, y = (left.x0 + left.x1) / 2, (right.x0 + right.x1) / 2, right.middle
        return any(start < x < end and y0 <= y <= y1 for x, y0, y1 in self.down)

    def around(self, line: _Line) -> tuple[float | None, float | None, float | None, float | None]:
        """The nearest rules left of, right of, above and under a line (which no vertical rule crosses: its
        row was cut there); above, clear of its letters, under, clear of its descenders (an underline is not)."""
        middle, centre = line.baseline + line.size / 2, (line.x0 + line.x1) / 2
        down = [x for x, y0, y1 in self.down if y0 <= middle <= y1]
        across = [y for y, x0, x1 in self.across if x0 <= centre <= x1]
        return (max((x for x in down if x < centre), default=None),
                min((x for x in down if x > centre), default=None),
                min((y for y in across if y > line.baseline + 0.8 * line.size), default=None),
                max((y for y in across if y < line.baseline), default=None))


def _add_rules(container, rules: _Rules) -> None:
    """The straight horizontal and vertical strokes of a page's drawings (those inside figures included):
    a stroked path's line segments, and a filled shape thinner than ``RULE_WIDTH`` (a bar)."""
    from pdfminer.layout import LTContainer, LTCurve

    for item in container:
        if isinstance(item, LTContainer):
            _add_rules(item, rules)
        elif isinstance(item, LTCurve):
            x0, y0, x1, y1 = item.bbox
            segments = []
            if item.stroke:
                start = current = None
                for operation in item.original_path or ():  # ("m", (x, y)), ("l", (x, y)), ("c", …, (x, y)), ("h",)
                    point = operation[-1] if operation[0] != "h" else start
                    if operation[0] in "lh" and current is not None and point is not None:
                        segments.append((*current, *point))
                    current = point
                    start = point if operation[0] == "m" else start
            elif item.fill and min(x1 - x0, y1 - y0) <= RULE_WIDTH:
                segments.append((x0, (y0 + y1) / 2, x1, (y0 + y1) / 2) if x1 - x0 > y1 - y0
                                else ((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
            for ax, ay, bx, by in segments:
                if abs(ay - by) < 0.5 < abs(ax - bx):
                    rules.across.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
                elif abs(ax - bx) < 0.5 < abs(ay - by):
                    rules.down.append(((ax + bx) / 2, min(ay, by), max(ay, by)))


def _symbol_character(text: str, font: str) -> str:
    """A character of a symbol font, which a PDF's text layer names by its code in the private use area
    (U+F000 + the code: Word's round bullet, in the Symbol font, is U+F0B7), as what it shows: the Symbol font's
    letters and signs as in a DOCX (``office._SYMBOL_FONT``: •, α, ±), another's (Wingdings: ▪, ➢, ✓) a bullet,
    which is what a picture of a symbol font stands as in a document's text; a Symbol character no table names,
    and any other character, as it is."""
    if len(text) != 1 or not 0xF020 <= ord(text) <= 0xF0FF:
        return text
    from .readers.office import _SYMBOL_FONT

    return _SYMBOL_FONT.get(ord(text) - 0xF000, text) if "symbol" in font.lower() else "•"


def _right_to_left(glyphs: list[_Glyph]) -> bool:
    """Whether most of a page's letters are of a right-to-left script."""
    if not _RIGHT_TO_LEFT.search("".join(glyph.text for glyph in glyphs)):
        return False
    kinds = Counter(_direction(glyph.text) for glyph in glyphs)
    return kinds["R"] > kinds["L"]


def _mirrored(glyphs: list[_Glyph], rules: _Rules, sides: float) -> tuple[list[_Glyph], _Rules]:
    """A page's glyphs and rules mirrored left to right about its middle (``sides``: its left and right edges'
    sum)."""
    return ([_mirror(glyph, sides) for glyph in glyphs],
            _Rules([(y, sides - x1, sides - x0) for y, x0, x1 in rules.across],
                   [(sides - x, y0, y1) for x, y0, y1 in rules.down]))


def _mirror(glyph: _Glyph, sides: float) -> _Glyph:
    """A glyph where it stands on its page's mirror image (``sides``: the page's left and right edges' sum)."""
    return _Glyph(glyph.text, sides - glyph.x1, sides - glyph.x0, glyph.bottom, glyph.top, glyph.size, glyph.order,
                  glyph.bold, glyph.joins)


def _direction(text: str) -> str:
    """The direction of the first character of ``text`` that has one: R (a right-to-left letter), L (a
    left-to-right letter), N (a digit, which reads from left to right in any script), else ''."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "R"
        if kind in ("L", "EN", "AN"):
            return "L" if kind == "L" else "N"
    return ""


def _logical_order(parts: list[str], rtl: bool, shown: list[int] | None = None) -> list[str]:
    """A line's parts (a glyph's text, a space) from the order they stand in, left to right (on a page read as its
    mirror image, ``rtl``: right to left), to the order they are read in, as the Unicode bidirectional algorithm
    would have placed them on a line of one direction (UAX #9, rules L1–L2, undone): on a right-to-left page, a run
    of left-to-right words (*NATO*) and each number are read from their left end; on a left-to-right page, a run of
    right-to-left words, numbers within it, from its right end, its numbers from their left. A kashida (an Arabic
    justified line's stretching, a glyph without a Unicode map, or a tatweel) between two Arabic letters is dropped.
    The runs' order cannot always be told back from where they stand (*NATO 2024* and *2024 NATO* in an Arabic sentence
    look alike): a number standing right of a Latin run on a right-to-left line is read as the run's end
    (``_with_number``), as UAX #9 shows the digits after a Latin word, unless the page's content stream shows it first
    (``shown``: each part's place there, -1 for none; LibreOffice writes a line's runs in the order they are read); each
    other run stands where it is."""
    shown = shown if shown is not None else [-1] * len(parts)
    if not rtl and not _RIGHT_TO_LEFT.search("".join(parts)):
        return parts
    kinds = [_direction(part) for part in parts]
    # a kashida glyph that the font's Unicode map leaves out is read as "(cid:3)", or, in a font of one-byte codes, as
    # the character its code stands for in the font's encoding: a Latin letter or a digit (code 0x43, *C*), which no
    # Arabic word holds between two of its letters (a sign may: *و/أو*)
    stretch = [part.startswith("(cid:") or part == "\u0640" for part in parts]
    encoded = [len(part) == 1 and part.isascii() and part.isalnum() for part in parts]
    kashida = set()
    for k, part in enumerate(parts):
        if (stretch[k] or encoded[k]) and k not in kashida:
            end = k
            while end < len(parts) and (stretch[end] or encoded[end]):
                end += 1
            if k and end < len(parts) and kinds[k - 1] == kinds[end] == "R" and (
                    all(stretch[k:end]) or _arabic(parts[k - 1]) and _arabic(parts[end])):
                kashida.update(range(k, end))
    parts = [part for k, part in enumerate(parts) if k not in kashida]
    kinds = [kind for k, kind in enumerate(kinds) if k not in kashida]
    shown = [place for k, place in enumerate(shown) if k not in kashida]
    if not any(kinds) or all(kind in ("L", "N", "") for kind in kinds) and not rtl:
        return parts
    # a line whose letters are all of the other direction is a line of a paragraph of that direction (UAX #9, P2: a
    # bilingual table's English cell on an Arabic page): read as such, its end's stop or comma stays at its end
    if "R" not in kinds and "L" in kinds if rtl else "L" not in kinds:
        return _logical_order(parts[::-1], not rtl, shown[::-1])
    embedded = [_with_brackets(parts, run) for run in
                (_runs(parts, kinds, "L", "LN") if rtl else _runs(parts, kinds, "R", "RN"))]
    if rtl:
        embedded = [_with_number(parts, kinds, run, embedded[n - 1][1] if n else 0, shown)
                    for n, run in enumerate(embedded)]
    for start, end in embedded:
        parts[start:end] = parts[start:end][::-1]
        kinds[start:end] = kinds[start:end][::-1]
    # a number, reversed with the page on a right-to-left one or with its run on a left-to-right one, read back
    for start, end, digit in _number_runs(parts, kinds):
        if rtl != any(a <= digit < b for a, b in embedded):
            parts[start:end] = parts[start:end][::-1]
    mirrored = [any(a <= k < b for a, b in embedded) != rtl for k in range(len(parts))]  # shown right to left
    return _paired_brackets(parts, mirrored)


# brackets that a right-to-left run shows mirrored (UAX #9, L4; « » left out: »…« opens and closes German quotes)
_BRACKETS = ("()", "[]", "{}")


def _with_brackets(parts: list[str], run: tuple[int, int]) -> tuple[int, int]:
    """A run of the other direction with a bracket next to its ends whose pair it holds (*NATO (OTAN)* in Arabic,
    *(الأمن)* in English): UAX #9 (N0) gives a pair of brackets the direction of the text it holds, so the bracket is
    shown in the run, reversed with it."""
    start, end = run
    for pair in _BRACKETS:
        if sum(part in pair for part in parts[start:end]) % 2:
            if start and parts[start - 1] in pair:
                start -= 1
            elif end < len(parts) and parts[end] in pair:
                end += 1
    return start, end


def _with_number(parts: list[str], kinds: list[str], run: tuple[int, int], floor: int,
                 shown: list[int]) -> tuple[int, int]:
    """A left-to-right run on a right-to-left line with the number of European digits read right before it (standing
    right of it), a space or a hyphen apart (*Steadfast Defender 2024*, *F-35*): UAX #9 (W7) gives such digits after a
    Latin letter the letter's direction, so the number is shown at the run's end, within it, and read with it. (A
    number written before a Latin word, *2024 NATO*, is shown alike, but a PDF whose content stream writes the line's
    runs in the order they are read, as LibreOffice's does, shows its digits before the run's letters: ``shown``.)
    ``floor``: where the run before it ends."""
    start, end = run
    k = start - 1
    if k >= floor and (parts[k].isspace() or parts[k] in "-\u2010\u2011"):
        k -= 1
    if k < floor or kinds[k] != "N" or unicodedata.bidirectional(parts[k][0]) != "EN":
        return run
    while k > floor and (kinds[k - 1] == "N" or k - 1 > floor and kinds[k - 2] == "N" and _is_sign(parts[k - 1], "CS")):
        k -= 1 if kinds[k - 1] == "N" else 2
    number = [place for place in shown[k:start] if place >= 0]
    letters = [place for place in shown[start:end] if place >= 0]
    if number and letters and max(number) < min(letters):
        return run  # shown before the run: written before it
    return k, end


def _paired_brackets(parts: list[str], mirrored: list[bool]) -> list[str]:
    """A line's brackets of one kind in its right-to-left runs (``mirrored``) turned round when they pair that way only
    (*)الفقرة 2(* for *(الفقرة 2)*): a right-to-left run shows a bracket's mirror image (UAX #9, L4), and a PDF maps a
    glyph to one character however it is used, so that a bracket's character is its shape's on one page, its
    meaning's on another."""
    for pair in _BRACKETS:
        at = [k for k, part in enumerate(parts) if part in pair and mirrored[k]]
        if len(at) > 1 and _unpaired(parts[k] for k in at) > _unpaired(pair[parts[k] == pair[0]] for k in at):
            for k in at:
                parts[k] = pair[parts[k] == pair[0]]
    return parts


def _unpaired(brackets) -> int:
    """How many of a sequence of brackets of one kind (opening first in its pair) pair with none."""
    opened = unpaired = 0
    for bracket in brackets:
        if bracket in "([{":
            opened += 1
        elif opened:
            opened -= 1
        else:
            unpaired += 1
    return opened + unpaired


def _arabic(part: str) -> bool:
    return unicodedata.bidirectional(part[-1]) == "AL"


def _runs(parts: list[str], kinds: list[str], ends: str, inner: str) -> list[tuple[int, int]]:
    """The runs (start, end) of parts from one of a kind in ``ends`` to the last of such, with only parts of a kind
    in ``inner`` or of none between them."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for k, kind in enumerate([*kinds, "end"]):
        if kind and kind in ends:
            start = k if start is None else start
            last = k
            continue
        if start is not None and not (kind in inner if kind else True):
            runs.append((start, last + 1))
            start = last = None
    return runs


def _number_runs(parts: list[str], kinds: list[str]) -> list[tuple[int, int, int]]:
    """The numbers of a line (start, end, a digit's place), each read from its left end, as UAX #9 makes one run of:
    digits, a comma, stop, colon or slash alone between two (*1,5*, *10:30*, *2024/2025*; rule W4), and, in a number
    of European digits not after an Arabic letter (W2), a plus or minus alone between two (*2024-2025*) and the
    signs next to it such as *%*, *°*, *€* (W5). A dash between two numbers (*2022–2023*) is no part of either."""
    runs = []
    k = 0
    while k < len(parts):
        if kinds[k] != "N":
            k += 1
            continue
        european = unicodedata.bidirectional(parts[k][0]) == "EN" and _strong_before(parts, k) != "AL"
        joins = ("CS", "ES") if european else ("CS",)
        start = end = k
        while end + 1 < len(parts):
            if kinds[end + 1] == "N":
                end += 1
            elif (end + 2 < len(parts) and kinds[end + 2] == "N" and len(parts[end + 1]) == 1
                  and unicodedata.bidirectional(parts[end + 1]) in joins):
                end += 2
            else:
                break
        if european:
            while start and _is_sign(parts[start - 1], "ET"):
                start -= 1
            while end + 1 < len(parts) and _is_sign(parts[end + 1], "ET"):
                end += 1
        runs.append((start, end + 1, k))
        k = end + 1
    return runs


def _is_sign(part: str, kind: str) -> bool:
    return len(part) == 1 and unicodedata.bidirectional(part) == kind


def _strong_before(parts: list[str], k: int) -> str:
    """The bidirectional class of the nearest letter before part ``k`` (L, R or AL), '' if none."""
    for part in reversed(parts[:k]):
        for character in reversed(part):
            kind = unicodedata.bidirectional(character)
            if kind in ("L", "R", "AL"):
                return kind
    return ""


def _page_lines(glyphs: list[_Glyph], page: int, rules: _Rules, rtl: bool = False, sides: float = 0.0) -> list[_Line]:
    """A page's lines in reading order."""
    # a row reaches down to the lowest bottom of its glyphs, but no further than half an em under its first glyph's
    # in its largest print: the lines of columns whose paragraphs' spacing leaves their baselines apart, each a little
    # lower than the one before, ran down over two lines of one column (a dot leader a quarter point higher than its
    # entry, the first glyph of the row, still reaches the entry)
    rows: list[tuple[list[float], list[_Glyph]]] = []  # its bottom, its largest print, its floor; its glyphs
    for glyph in sorted(glyphs, key=lambda g: -g.middle):
        if rows and rows[-1][0][0] <= glyph.middle:
            rows[-1][1].append(glyph)
            reach = rows[-1][0]
            if glyph.size > 1.2 * reach[1]:
                reach[1], reach[2] = glyph.size, min(reach[2], glyph.bottom - 0.5 * glyph.size)
            reach[0] = max(reach[2], min(reach[0], glyph.bottom))
        else:
            rows.append(([glyph.bottom, glyph.size, glyph.bottom - 0.5 * glyph.size], [glyph]))
    pieces = [_pieces(sorted(row, key=lambda g: g.x0), rules) for _, row in rows]
    right = max((glyph.x1 for glyph in glyphs), default=0.0)
    tags = _tags(pieces, right, rules)
    pieces = [row for row in pieces if row]
    edges = _column_edges(pieces)
    pieces = [_cut_at_edges(row, edges[i]) for i, row in enumerate(pieces)]
    aligned = _aligned_cells(pieces)
    lines = [[_oriented_line(piece, page, rtl, sides) for piece in _rejoin(pieces, i, rules, edges[i], aligned[i])
              if any(g.text.strip() for g in piece)] for i in range(len(pieces))]
    for row, row_edges, row_aligned in zip(lines, edges, aligned):
        for line in row:
            line.cell = rules.around(line)
            line.table = bool(row_edges or row_aligned)
    ordered = [line for band in _bands([row for row in lines if row]) for line in _band_order(band)]
    for tag in tags:
        _place_tag(ordered, _oriented_line(tag, page, rtl, sides))
    for line in ordered:
        if line.turned:  # its paragraph's indents and line ends, from here on, in its own direction
            _turn(line, sides)
    return ordered


def _tags(pieces: list[list[list[_Glyph]]], right: float, rules: _Rules) -> list[list[_Glyph]]:
    """The tags set flush right beside a row's text (texinfo's *[Function]* beside a function's signature), taken out of
    their rows: a row's last piece ending at the page's right edge, in square brackets, an equation's number (*(6)*) on
    its row, or in smaller print than the words before it (on its row, or on the row next to it, less than a point lower
    or higher: a tag's baseline may be set apart), further from them than twice their widest space (a justified line's
    spaces are stretched alike), not in a ruled table's cell nor in a column of text right of them."""
    tags = []
    for i, row in enumerate(pieces):
        tag = row[-1]
        if tag[-1].x1 < right - 1.0 or len(tag) > 20:
            continue
        if len(row) > 1:
            before = row[-2]
        else:
            beside = [other[-1] for j in (i - 1, i + 1) if 0 <= j < len(pieces) for other in [pieces[j]]
                      if abs(other[-1][-1].bottom - tag[-1].bottom) < 1.0 and other[-1][-1].x1 < tag[0].x0]
            if not beside:
                continue
            before = beside[0]
        spaces = [b.x0 - a.x1 for a, b in zip(before, before[1:])]
        # a line longer than a tag starting, on a row near it, between the words and the tag: the gap is a column's
        # gutter, the tag a line of the column right of it (a source in brackets set flush right)
        column = any(len(other) > 20 and before[-1].x1 + EDGE_ALIGN < other[0].x0 < tag[0].x0 - EDGE_ALIGN
                     for j in range(max(0, i - 2), min(len(pieces), i + 3)) if j != i for other in pieces[j])
        # an equation's number set flush right on the equation's row, *(6)*, is such a tag too (one on a row of its own
        # is read in place already)
        bracketed = tag[0].text == "[" and tag[-1].text == "]" or len(row) > 1 and _EQUATION_NUMBER.fullmatch(
            "".join(g.text for g in tag)) is not None
        if (len(before) > 1 and (bracketed or statistics.median(g.size for g in tag)
                                 < 0.95 * statistics.median(g.size for g in before))
                and tag[0].x0 - before[-1].x1 > max(2 * max(spaces), tag[0].size) and not column
                and not rules.between(before[-1], tag[0]) and None in rules.around(_line(tag, 0))):
            tags.append(row.pop())
    return tags


def _place_tag(ordered: list[_Line], tag: _Line) -> None:
    """A tag put after the text it stands beside: after that line, or, where the line leaves a bracket open (a
    function's signature wrapped, as texinfo sets it), after the lines under it, set in further, that close it, which
    are read on from it."""
    tag.aside = True
    beside = [k for k, line in enumerate(ordered) if line.page == tag.page and abs(line.baseline - tag.baseline) < 1.0
              and line.x1 < tag.x0]
    if not beside:  # an equation whose subscripts set its baseline lower than its number's: the nearest within an em
        near = [(abs(line.baseline - tag.baseline), k) for k, line in enumerate(ordered)
                if line.page == tag.page and abs(line.baseline - tag.baseline) < tag.size and line.x1 < tag.x0]
        beside = [min(near)[1]] if near else []
    if not beside:
        ordered.append(tag)
        return
    k = beside[-1]
    first = ordered[k]
    text = first.text
    while (k + 1 < len(ordered) and text.count("(") > text.count(")") and ordered[k + 1].below(ordered[k])
           and abs(ordered[k + 1].size - first.size) <= 0.15 * first.size and ordered[k + 1].x0 > first.x0 + first.size
           and abs(ordered[k + 1].x0 - ordered[beside[-1] + 1].x0) <= EDGE_ALIGN):
        ordered[k + 1].goes_on = True
        k += 1
        text += ordered[k].text
    ordered.insert(k + 1, tag)


def _oriented_line(piece: list[_Glyph], page: int, rtl: bool, sides: float) -> _Line:
    """A piece of a row as a line in the page's direction (``rtl``: the page read as its mirror image), or, when its
    letters are all of the other (UAX #9, P2: a bilingual page's English column or cell on an Arabic page), read in
    that one, its indents and ends set as that direction's (``_Line.turned``)."""
    if not rtl and not _RIGHT_TO_LEFT.search("".join(glyph.text for glyph in piece)):  # most lines: not a letter asked
        return _line(piece, page)
    kinds = {_direction(glyph.text) for glyph in piece}
    own, other = ("R", "L") if rtl else ("L", "R")
    if own in kinds or other not in kinds:
        return _line(piece, page, rtl)
    line = _line([_mirror(glyph, sides) for glyph in reversed(piece)], page, not rtl)
    _turn(line, sides)  # back where the page's lines stand, to be ordered among them, then turned again
    return line


def _turn(line: _Line, sides: float) -> None:
    line.x0, line.x1 = sides - line.x1, sides - line.x0
    line.hang = None if line.hang is None else sides - line.hang
    line.turned = not line.turned


def _pieces(row: list[_Glyph], rules: _Rules) -> list[list[_Glyph]]:
    """A row cut where a gap is wider than an em or at a vertical rule; a glyph drawn twice over itself (fake
    bold) once."""
    pieces = [[row[0]]]
    for before, glyph in zip(row, row[1:]):
        if glyph.text == before.text and abs(glyph.x0 - before.x0) < 0.3 * (before.x1 - before.x0):
            continue
        if glyph.x0 - pieces[-1][-1].x1 > glyph.size or rules.between(pieces[-1][-1], glyph):
            pieces.append([])
        pieces[-1].append(glyph)
    return pieces


def _column_edges(pieces: list[list[list[_Glyph]]]) -> list[list[float]]:
    """For each row, the left edges of a table's columns that it holds: where the cells of two rows or more start (a
    piece after a gap wider than an em or a vertical rule, at one x within ``EDGE_ALIGN``), on those rows and the
    rows between them, a row at most ``EDGE_ROWS`` from the next; the edges whose rows overlap are one table's, each
    holding on all of its rows (a wrapped cell's first line comes near the next cell on the last row). A table lays
    each column's cells out from one left edge: this is the edge of a table ruled only horizontally, or not at all,
    whose rules (one stroke across the table, as LibreOffice draws it) say nothing of its columns, and it holds where
    a cell's text comes nearer the next cell than an em. Justified text has no such edge: its stretched spaces wider
    than an em do not line up (a short word that a stretched line ends with stands where a word of its width does on
    another line, ending at the margin where the lines near it end, after a space stretched as wide as the line's
    others, or the right column's lines of two), where a table's last column of codes of one width, *R-001*, ends at
    one x too, a word after a gap of its own; nor do a list's items after their markers (a hanging indent) make
    one."""
    ends = [[piece[-1].x1 for piece in row] for row in pieces]

    def justified(i: int, k: int) -> bool:
        """Whether piece ``k`` of row ``i`` ends at a right margin of the rows near it (the row's, or, in columns of
        text, a column's): a column's line of words, or a word after a space stretched as wide as the line's
        others."""
        row = pieces[i]
        end = row[k][-1].x1
        at_margin = any(abs(x - end) < 0.5 for j in range(max(0, i - 2), min(len(pieces), i + 3)) if j != i
                        for x in ends[j])
        if not at_margin:
            return False
        gaps = [b[0].x0 - a[-1].x1 for a, b in zip(row[max(0, k - 2):k], row[max(1, k - 1):k + 1])]
        if k < len(row) - 1:  # in columns of text: a column's line, or its last word after a stretched space
            return not _is_word(row[k]) or k > 1 and abs(gaps[1] - gaps[0]) < 0.15 * gaps[1]
        stretched = _is_word(row[0]) if k == 1 else abs(gaps[1] - gaps[0]) < 0.15 * gaps[1]
        if stretched and k > 1 and _is_word(row[k]) and _is_word(row[k - 1]) and sum(
                len(pieces[j]) > k and abs(pieces[j][k][0].x0 - row[k][0].x0) <= EDGE_ALIGN
                and abs(pieces[j][k - 1][0].x0 - row[k - 1][0].x0) <= EDGE_ALIGN
                for j in range(max(0, i - 2), min(len(pieces), i + 3)) if j != i) >= 2:
            # a table's last two columns, words or figures of one width in columns set evenly apart (*1.86* | *4.12*):
            # the gaps before them are as wide by chance, but two rows near it start both words where this row does,
            # which a justified line's stretched spaces never do (a contents entry's title and page number, a hex
            # dump's bytes, pieces of several words, stay a line)
            return False
        return stretched or not _is_word(row[k])

    def stretched(i: int, k: int) -> bool:
        """Whether piece ``k`` of row ``i`` stands among a justified line's words: the gaps from it on to the row's
        piece that ends at a right margin of the rows near it (``justified``) are all as wide as the gap before it,
        two gaps or more, as a line's stretched spaces are (a monospaced font's words, of few widths, start at one x on
        rows near one another now and then); not where two rows near it (``EDGE_ROWS``) start a piece where it starts
        and one where the piece before it does (a table's columns set evenly apart)."""
        row = pieces[i]
        gaps = [b[0].x0 - a[-1].x1 for a, b in zip(row[k - 1:], row[k:])]
        for last in range(k, len(row)):
            if abs(gaps[last - k] - gaps[0]) >= 0.15 * gaps[0]:
                return False
            if last > k and justified(i, last):
                break
        else:
            return False
        return sum(all(any(abs(piece[0].x0 - row[n][0].x0) <= EDGE_ALIGN for piece in pieces[j]) for n in (k - 1, k))
                   for j in range(max(0, i - EDGE_ROWS), min(len(pieces), i + EDGE_ROWS + 1)) if j != i) < 2

    starts = [(piece[0].x0, i) for i, row in enumerate(pieces) for k in range(1, len(row))
              for before, piece in [(row[k - 1], row[k])]
              # (a marker after a cell, followed by one word, is a figure's cell before the next: *1.86* | *4.12*)
              if not (_hanging_marker(before) and (k == 1 or not _is_word(piece)))
              and not justified(i, k) and not stretched(i, k)]
    edges = _edges_from_starts(starts, pieces)
    # a number or a letter (*1.*, *a)*) that starts a row with two cells or more after it, on a row of a table found
    # by its other columns or near one (its last row's last cell may end where a paragraph's lines do), is the
    # table's first column, not a list item's hanging marker: the cell after it starts a column
    numbered = [(row[1][0].x0, i) for i, row in enumerate(pieces)
                if len(row) > 2 and _hanging_marker(row[0])
                and any(edges[j] for j in range(max(0, i - 1), min(len(pieces), i + 2)))]
    if numbered:
        edges = _edges_from_starts(starts + numbered, pieces)

    def held(x: float, rows: range) -> bool:
        return any(abs(x - edge) <= EDGE_ALIGN for j in rows for edge in edges[j])

    # a row between two rows of a table, within ``EDGE_ROWS`` above and under it, whose cells start at the table's
    # edges is the table's too, though its last cell ends where a cell near it does, as a justified line at its margin,
    # after a gap as wide as its number's (*4.⇥Agence OTAN…⇥NATO Communications…*, a row's cell ending where the next
    # row's does): the table, else cut in two there, was read as columns of text under that row
    inner = [(piece[0].x0, i) for i, row in enumerate(pieces) if not edges[i] for piece in row[1:]
             if held(piece[0].x0, range(max(0, i - EDGE_ROWS), i))
             and held(piece[0].x0, range(i + 1, min(len(pieces), i + EDGE_ROWS + 1)))]
    return _edges_from_starts(starts + numbered + inner, pieces) if inner else edges


def _aligned_cells(pieces: list[list[list[_Glyph]]]) -> list[set[int]]:
    """For each row, its pieces that are cells of a table's column set flush right or centred (figures of several
    widths: *1 040*, *12 320*, *130*), whose left edges do not line up (``_column_edges``): an inner piece (after a gap
    wider than an em and before another) ending, or centred, at one x within ``EDGE_ALIGN`` as an inner piece of a row
    next to it does, with a piece of that row ending or centred where the piece after it on this row does (the next
    column) — the two cells beside each other on two rows, those of one of them figures (no letter: *1 040*, *2 %*),
    as a table of figures sets them. Not two lines of text: the lines of narrow justified columns, cut at their
    gutters, end at their columns' margins on every row, and the words of a monospaced font on a grid."""
    def anchors(piece: list[_Glyph]) -> tuple[float, float]:
        return piece[-1].x1, (piece[0].x0 + piece[-1].x1) / 2

    def meets(a: list[_Glyph], b: list[_Glyph]) -> bool:
        return any(abs(x - y) <= EDGE_ALIGN for x, y in zip(anchors(a), anchors(b)))

    def figures(*cells: list[_Glyph]) -> bool:
        return not any(glyph.text.isalpha() for cell in cells for glyph in cell)

    cells: list[set[int]] = [set() for _ in pieces]
    right = max((row[-1][-1].x1 for row in pieces), default=0.0)  # the page's text margin
    for i, row in enumerate(pieces):
        for j in (i - 1, i + 1):
            if not 0 <= j < len(pieces):
                continue
            other = pieces[j]
            for k in range(1, len(row) - 1):
                for n in range(1, len(other) - 1):
                    if (meets(row[k], other[n]) and meets(row[k + 1], other[n + 1])
                            and (figures(row[k], row[k + 1]) or figures(other[n], other[n + 1]))):
                        cells[i].update((k, k + 1))
                        cells[j].update((n, n + 1))
            # a table of two columns, names and figures: the rows' first cells start at one x, their second, one of
            # them figures (the other the column's heading), end or are centred at one x short of the page's text
            # margin (where a justified line's last word, a number after a wide space, may end)
            if (len(row) == len(other) == 2 and abs(row[0][0].x0 - other[0][0].x0) <= EDGE_ALIGN
                    and (figures(row[1]) or figures(other[1])) and meets(row[1], other[1])
                    and right - row[1][-1].x1 > EDGE_ALIGN):
                cells[i].add(1)
                cells[j].add(1)
    return cells


def _edges_from_starts(starts: list[tuple[float, int]], pieces: list[list[list[_Glyph]]]) -> list[list[float]]:
    """For each row, the table's column edges it holds, from where the rows' cells start (x, row). Two rows starting
    a cell at one x hold an edge there only if no row between them has text running across it (a word, or a space
    narrower than an em not before a word at the edge): the stretched spaces of justified lines in narrow columns
    line up now and then a few rows apart, a table's columns on every row."""

    def across(i: int, x: float) -> bool:
        return any(piece[0].x0 < x - EDGE_ALIGN and piece[-1].x1 > x + EDGE_ALIGN
                   and not any(abs(glyph.x0 - x) <= EDGE_ALIGN for glyph in piece) for piece in pieces[i])

    count = len(pieces)
    starts = sorted(starts)
    spans: list[tuple[int, int, float]] = []  # first row, last row, edge
    group: list[tuple[float, int]] = []
    for start in [*starts, (float("inf"), 0)]:
        if group and start[0] - group[0][0] > EDGE_ALIGN:
            rows = sorted({i for _, i in group})
            first = rows[0]
            for a, b in zip(rows, [*rows[1:], None]):
                if b is None or b - a > EDGE_ROWS or any(across(i, group[0][0]) for i in range(a + 1, b)):
                    if a > first:
                        spans.append((first, a, group[0][0]))
                    first = b
            group = []
        group.append(start)
    edges: list[list[float]] = [[] for _ in range(count)]
    spans.sort()
    while spans:  # the spans that overlap, one table
        first, last, x = spans.pop(0)
        table = [x]
        while spans and spans[0][0] <= last:
            _, end, other = spans.pop(0)
            last = max(last, end)
            table.append(other)
        for i in range(first, last + 1):
            edges[i] = sorted(table)
    return edges


def _cut_at_edges(row: list[list[_Glyph]], edges: list[float]) -> list[list[_Glyph]]:
    """A row's pieces cut where a word starts at a column's left edge (``_column_edges``) after a space narrower
    than an em: a cell's text near the next cell."""
    if not edges:
        return row
    cut = []
    for piece in row:
        # where a word starts at an edge
        at = [k for k in range(1, len(piece)) if not piece[k].text.isspace()
              and (piece[k - 1].text.isspace() or piece[k].x0 - piece[k - 1].x1 > WORD_GAP * piece[k].size)
              and any(abs(piece[k].x0 - x) <= EDGE_ALIGN for x in edges)]
        if any(piece[0].x0 < x - EDGE_ALIGN and piece[-1].x1 > x + EDGE_ALIGN
               and not any(abs(piece[k].x0 - x) <= EDGE_ALIGN for k in at) for x in edges):
            cut.append(piece)  # text running across an edge with no word starting there: a caption across the table
            continue
        for start, stop in zip([0, *at], [*at, len(piece)]):
            cut.append(piece[start:stop])
    return [piece for piece in cut if any(not g.text.isspace() for g in piece)]


def _rejoin(pieces: list[list[list[_Glyph]]], i: int, rules: _Rules, edges: list[float],
            cells: set[int] = frozenset()) -> list[list[_Glyph]]:
    """Row ``i``'s pieces put back together across the stretched spaces of a justified line: a gap
    that a row near it has text across, or one as wide as a gap beside it where one of the pieces is a
    lone word, unless a row near it has text on either side of the gap and none in it (a gutter), and
    never across a vertical rule (a ruled table's cells) or at a column's left edge (``_column_edges``); and
    a hanging indent's marker starting the row to its text (the item's next lines, under the text, leave the
    gap a gutter)."""
    row = pieces[i]
    near = [other for j in range(max(0, i - 2), min(len(pieces), i + 3)) if j != i
            if abs(pieces[j][0][0].bottom - row[0][0].bottom) < 3 * row[0][0].size for other in [pieces[j]]]
    gaps = [b[0].x0 - a[-1].x1 for a, b in zip(row, row[1:])]
    joined = [list(row[0])]
    for k, piece in enumerate(row[1:]):
        start, end = row[k][-1].x1, piece[0].x0
        beside = gaps[max(0, k - 1):k] + gaps[k + 1:k + 2]
        as_wide = (_is_word(row[k]) or _is_word(piece)) and any(abs(gap - gaps[k]) < 0.15 * gaps[k] for gap in beside)
        across = any(other[0].x0 < start and other[-1].x1 > end for other_row in near for other in other_row)
        # a gutter: a row near it has text on either side and none in it (a justified line of the column left of it
        # ends a little further than this row's, at its margin), or a gap there too, starting or ending where this
        # one does (the column's margins; its own column's lines, not indented as a paragraph's first line here may
        # be, start within this gap)
        # another row near it with a gap from the same edge, lines of text wider than eight ems on both sides of it
        # on both rows: two columns of text
        same_edge = [(a, b) for other_row in near for a, b in zip(other_row, other_row[1:])
                     if min(end, b[0].x0) - max(start, a[-1].x1) > EDGE_ALIGN
                     and (abs(a[-1].x1 - start) <= EDGE_ALIGN or abs(b[0].x0 - end) <= EDGE_ALIGN)]
        aligned = _columns_of_text(row[k], piece) and any(_columns_of_text(a, b) for a, b in same_edge)
        # or columns whose rows are staggered (a paragraph's spacing sets each column's baselines apart), under the row
        # of text across the gap: on rows near it, a line starts where this gap ends and another starts at this row's
        # left and ends before the gap does, both wider than eight ems, neither row having text in the gap (a column's
        # first line beside a heading's, *group* | *seabed.*, the heading's second line and the column's next staggered
        # under them)
        aligned = aligned or _staggered_columns(near, row[0][0].x0, start, end)
        # a gap from the same edge on a row near it is a gutter whatever its pieces' widths: narrow justified
        # columns' lines are cut into short pieces at their stretched spaces, and these line up with a gutter's edge
        gutter = bool(same_edge) or any(
            any(p[0].x0 < start for p in other_row) and any(p[-1].x1 > end for p in other_row)
            and not any(p[-1].x1 > start + EDGE_ALIGN and p[0].x0 < end - EDGE_ALIGN for p in other_row)
            for other_row in near)
        at_edge = any(abs(piece[0].x0 - x) <= EDGE_ALIGN for x in edges) or k + 1 in cells
        hanging = k == 0 and _hanging_marker(row[0]) and gaps[0] <= HANGING_GAP * piece[0].size and not at_edge
        # text across the gap on a row near it does not join it where another row near it has a gap there too, from
        # the same edge (columns starting under a paragraph across them: its last line spans their gutter)
        joins = ((across and not aligned) or (as_wide and not gutter)) and not at_edge or hanging
        if joins and not rules.between(row[k][-1], piece[0]):
            joined[-1].extend(piece)
        else:
            joined.append(list(piece))
    return joined


def _staggered_columns(near: list[list[list[_Glyph]]], left: float, start: float, end: float) -> bool:
    """Whether rows near a gap from ``start`` to ``end`` in a row starting at ``left`` hold lines of two columns on rows
    of their own: one starting where the gap ends, one starting at ``left`` and ending before the gap does, each wider
    than eight ems, on rows with no text in the gap."""
    clear = [other_row for other_row in near
             if not any(p[-1].x1 > start + EDGE_ALIGN and p[0].x0 < end - EDGE_ALIGN for p in other_row)]
    wide = [p for other_row in clear for p in other_row if p[-1].x1 - p[0].x0 > 8 * p[0].size]
    return (any(abs(p[0].x0 - end) <= EDGE_ALIGN for p in wide)
            and any(abs(p[0].x0 - left) <= EDGE_ALIGN and p[-1].x1 < end - EDGE_ALIGN for p in wide))


def _columns_of_text(left: list[_Glyph], right: list[_Glyph]) -> bool:
    """Whether two pieces of a row are each wider than eight ems: lines of two columns of text, not a table's cells."""
    return all(piece[-1].x1 - piece[0].x0 > 8 * piece[0].size for piece in (left, right))


def _hanging_marker(glyphs: list[_Glyph]) -> bool:
    return _HANGING_MARKER.fullmatch("".join(g.text for g in glyphs).strip()) is not None


def _is_word(glyphs: list[_Glyph]) -> bool:
    return not any(g.text.isspace() or g.x0 - before.x1 > WORD_GAP * g.size for before, g in zip(glyphs, glyphs[1:]))


def _line(glyphs: list[_Glyph], page: int, rtl: bool = False) -> _Line:
    inked = [g for g in glyphs if not g.text.isspace()]
    baseline, size = statistics.median(g.bottom for g in inked), statistics.median(g.size for g in inked)
    # a footnote's mark or a power: digits or signs raised and smaller than the line's text (not "1er" in French),
    # read as every reader reads them (_add_raised): a note's call dropped, a power in superscript digits (km²)
    marks = {id(g) for g in inked
             if g.text in _NOTE_MARKS and g.size < 0.8 * size and g.bottom > baseline + 0.2 * size}
    if len(marks) == len(inked):
        marks = set()
    text: list[str] = []
    shown: list[int] = []  # where each part of text was shown in the page's content stream (-1: a space it leaves)
    calls: list[str] = []
    before = None  # the last glyph read
    for raised, group in groupby(glyphs, key=lambda g: id(g) in marks):
        for piece in [list(group)] if raised else [[glyph] for glyph in group]:
            # no space character between words: the gap says it
            if (before is not None and piece[0].x0 - before.x1 > WORD_GAP * piece[0].size and not before.text.isspace()
                    and piece[0].text and not piece[0].joins):  # (a field's result left out: ``_without_field_errors``)
                text.append(" ")
            read = len(text)
            if raised:
                _add_raised(text, "".join(g.text for g in piece))
                if len(text) == read and "".join(g.text for g in piece).isdigit():
                    calls.append("".join(g.text for g in piece))
            else:
                text.append(piece[0].text)
            shown.extend([-1] * (read - len(shown)) + [piece[0].order] * (len(text) - read))
            before = piece[-1] if len(text) > read else before
    glyphs = [g for g in glyphs if id(g) not in marks]
    inked = [g for g in inked if id(g) not in marks]
    word_end = inked[0]
    for glyph in glyphs[glyphs.index(inked[0]) + 1:]:
        if glyph.text.isspace() or glyph.x0 - word_end.x1 > WORD_GAP * glyph.size:
            break
        word_end = glyph
    # a tab after a marker: a gap wider than half an em and than the line's other spaces (a justified line's
    # spaces are all stretched alike)
    first = inked[:inked.index(word_end) + 1]
    spaces = [b.x0 - a.x1 for a, b in zip(inked[len(first):], inked[len(first) + 1:])]
    tab = inked[len(first)].x0 - word_end.x1 if len(first) < len(inked) else 0.0
    hang = (inked[len(first)].x0 if tab > 0.5 * size and tab > 1.3 * max(spaces, default=0.0)
            and _hanging_marker(first) else None)
    text = _logical_order(text, rtl, shown + [-1] * (len(text) - len(shown)))
    return _Line(_SPACES.sub(" ", "".join(text)).strip(), page, inked[0].x0, inked[-1].x1, baseline, size,
                 word_end.x1 - inked[0].x0, tuple(calls), hang=hang, mono=_monospaced(inked))


def _monospaced(inked: list[_Glyph]) -> bool:
    """Whether a line's characters, six or more, are all of one width, narrow ones among them (*i*, *l*, a stop) or
    capitals with small letters, digits or underscores: a monospaced font's (a proportional font gives many small
    letters and digits one width, but never *i* or *l* that of an *o*, nor a capital that of a small letter)."""
    text = "".join(glyph.text for glyph in inked)
    if len(inked) < 6 or not (_NARROW.intersection(text) or any(c.isupper() for c in text) and any(
            c.islower() or c.isdigit() or c == "_" for c in text)):
        return False
    widths = [glyph.x1 - glyph.x0 for glyph in inked]
    return max(widths) - min(widths) < 0.03 * max(widths)


def _bands(rows: list[list[_Line]]) -> list[list[list[_Line]]]:
    """Rows grouped while they share the gutters their first row has between its lines (or, for a
    band of rows of one line each, while they have none)."""
    bands, gutters = [], []
    for row in rows:
        gaps = [(a.x1, b.x0) for a, b in zip(row, row[1:])]
        narrowed = _narrowed(gutters, row) if gutters else []
        if bands and (narrowed or not (gutters or gaps)):
            bands[-1].append(row)
            gutters = narrowed
        else:
            bands.append([row])
            gutters = gaps
    return bands


def _narrowed(gutters: list[tuple[float, float]], row: list[_Line]) -> list[tuple[float, float]]:
    """The gutters less the row's text reaching into them from either side; none when a line of the
    row spans one or leaves it narrower than half an em, or starts in it further than ``GUTTER_INDENT`` ems left of
    the column after it (whose lines start at its left edge, a paragraph's first line indented: a letter's
    recipient block under its sender's, standing beside the date, is not a column with the date)."""
    narrowed = []
    for start, end in gutters:
        for line in row:
            if line.x1 <= start or line.x0 >= end:
                continue
            if line.x0 < start:  # from the left
                if line.x1 >= end:
                    return []
                start = line.x1
            elif end - line.x0 > GUTTER_INDENT * line.size:
                return []
            else:
                end = line.x0
        if end - start < 0.5 * row[0].size:
            return []
        narrowed.append((start, end))
    return narrowed


def _band_order(band: list[list[_Line]]) -> list[_Line]:
    """A band's lines column by column when it is columns of text, else row by row (a table)."""
    first = band[0]
    columns = [[] for _ in first]
    for row in band:
        for line in row:
            # the column whose first line it overlaps, else the last one left of it
            index = max((k for k, head in enumerate(first) if head.x0 <= line.x1), default=0)
            columns[index].append(line)
    wide = all(max(line.x1 for line in column) - min(line.x0 for line in column) > 12 * column[0].size
               for column in columns)
    if len(columns) > 1 and len(band) >= 3 and wide:
        # a line alone beside a block (a letter's date beside its sender's address) makes no columns of text: the
        # block's lines end where the page's text does; nor does a block set flush right beside it (a letter's date
        # and references), whose lines are each a paragraph
        if all(len(column) > 1 for column in columns) and not any(map(_flush_right, columns)):
            for column in columns:
                for line in column:
                    line.in_columns = True
        return [line for column in columns for line in column]
    # row by row, but a line alone on its row in a ruled table's cell (rules on its four sides) right after the
    # cell's line before: a wrapped cell's lines are one paragraph, not read between the other cells (rows of a
    # column that no horizontal rule parts stay rows); in a table's columns (``_column_edges``) not ruled on four
    # sides, a row of fewer cells than the table's whose every line stands under a line of the row before, a
    # line's space below it, is that row's cells wrapped
    widest = max(len(row) for row in band)
    ordered, head, after = [], {}, defaultdict(list)
    # where rules part the table's rows (its cells stand between three pairs of rules across it or more; a table ruled
    # only down and under its header has two), a row whose every line stands in a cell of the rows above is those
    # cells wrapped side by side, read after their first lines
    ruled_rows = len({line.cell[2:] for row in band for line in row if None not in line.cell}) >= 3
    first_of = {}  # an unruled table's line: the first line of its cell
    above: list[_Line] = []
    for row in band:
        wrapped = {}
        if 1 < widest and len(row) < widest:
            wrapped = {id(line): over for line in row for over in above
                       if id(over) in first_of and _wraps(over, line, above)}
            if len(wrapped) < len(row):
                wrapped = {}
        for line in row:
            if None not in line.cell:
                if line.cell in head and (all(other.cell == line.cell for other in row) or ruled_rows and all(
                        None not in other.cell and other.cell in head for other in row)):
                    after[id(head[line.cell])].append(line)
                else:
                    ordered.append(line)
                    head[line.cell] = line
            elif id(line) in wrapped:
                first_of[id(line)] = first_of[id(wrapped[id(line)])]
                after[id(first_of[id(line)])].append(line)
            else:
                ordered.append(line)
                if line.table:
                    first_of[id(line)] = line
        above = row
    if widest > 1:
        _mark_cells(band, first_of, after)
    return [line for first in ordered for line in [first, *after[id(first)]]]


def _word_gap_after(before: _Line | None, line: _Line) -> bool:
    """Whether ``line`` goes on from ``before`` on its baseline past no more than a few ems of space: the last words of
    a justified line that a wide space set apart, not a date or a tag set flush right beside it."""
    return (before is not None and before.page == line.page and abs(before.baseline - line.baseline) < 1.0
            and 0 <= line.x0 - before.x1 < _FLUSH_RIGHT_GAP * line.size)


def _flush_right(column: list[_Line]) -> bool:
    """Whether a column's lines, three or more, are set flush right: ending at one x, fewer than half of them starting
    at one x (a justified column's lines start at its left edge, a paragraph's first line indented)."""
    left = min(line.x0 for line in column)
    return (len(column) >= 3 and max(line.x1 for line in column) - min(line.x1 for line in column) < 1.0
            and 2 * sum(line.x0 < left + 1.0 for line in column) < len(column))


def _wraps(over: _Line, line: _Line, row: list[_Line]) -> bool:
    """Whether ``line`` goes on from ``over``, a line of ``row``, in a table's cell: right under it, a line's space
    below (at most half an em more than a line of 1.0 spacing leaves: rows are parted by their cells' padding or
    a paragraph's space), in print of its size, ending before the next cell of ``row`` (a paragraph right under
    the table runs across its columns)."""
    right = _next_cell_x(over, row)
    return (line.below(over) and over.baseline - line.baseline <= 1.5 * over.size
            and abs(line.size - over.size) <= 0.15 * over.size and line.x1 < right)


def _next_cell_x(line: _Line, row: list[_Line]) -> float:
    """Where the next cell of ``row`` right of ``line`` starts (infinity: none)."""
    return min((other.x0 for other in row if other.x0 > line.x1), default=float("inf"))


def _mark_cells(band: list[list[_Line]], first_of: dict[int, _Line], after: dict[int, list[_Line]]) -> None:
    """The lines of a table that no rules close on four sides given the cell they stand in (its first line's left
    edge, the next cell's, the top of its first line and the foot of its last), as drawn rules would, so that
    the paragraph of a cell goes on into no other cell (``_ruled_off``): the last cell of a row ran on into the
    next row's first when it started in lower case."""
    for row in band:
        for line in row:
            if first_of.get(id(line)) is not line:  # not the first line of an unruled table's cell
                continue
            lines = [line, *after[id(line)]]
            right = _next_cell_x(line, row)
            cell = (line.x0 - 1.0, right, line.baseline + line.size, min(other.baseline for other in lines) - 1.0)
            for other in lines:
                other.cell = cell


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without their running headers and footers, page numbers among them."""
    if len(pages) < 2:  # no other page to tell them by but its number and its header, standing apart
        return [_without_running_header(_without_page_number(page)) for page in pages]
    edges, outermost, middles = [], [], []
    for page in pages:
        ordered = sorted(page, key=lambda line: -line.baseline)
        edges.append({id(line) for line in ordered[:EDGE_LINES] + ordered[-EDGE_LINES:]})
        if ordered:  # the lines on the first and on the last baseline
            top, bottom = ordered[0].baseline, ordered[-1].baseline
            outermost.append({id(line) for line in ordered if line.baseline > top - 1 or line.baseline < bottom + 1})
            middles.append((top + bottom) / 2)
        else:
            outermost.append(set())
            middles.append(0.0)
    near, outer = defaultdict(list), defaultdict(list)
    for number, (page, edge, out, middle) in enumerate(zip(pages, edges, outermost, middles)):
        for line in page:
            if id(line) in edge:
                near[_running_key(line)].append(_Place(number, line, line.baseline > middle))
            if id(line) in out:
                outer[_running_key(line)].append(_Place(number, line, line.baseline > middle))
    # near the edge of half of the pages (a title, a classification, "Page 3 of 9"), or the very first or
    # last line of three (a chapter's title), where the page's template prints it (``_Place.same``); a
    # sentence of the text that a long document repeats lands near the edge of some pages, by chance, and a
    # numbered heading (*Article 3*, *Article 7*: one line, digits aside) wherever its text puts it
    running = {key for key, places in near.items() if _pages_at_one_place(places) >= max(2, len(pages) / 2)}
    running |= {key for key, places in outer.items() if _pages_at_one_place(places) >= 3}
    # on how many pages each line stands near the edge
    on_edge = Counter({key: len({place.page for place in places}) for key, places in near.items()})
    running |= _alternating(pages, outermost, on_edge)
    return [[line for line in page if id(line) not in edge or _running_key(line) not in running]
            for page, edge in zip(pages, edges)]


def _without_page_number(page: list[_Line]) -> list[_Line]:
    """The page less the lines on its first or last baseline that hold a page number alone and stand apart
    from the text (further from the next line than two lines of their size), for a document of one page,
    which has no other page to tell its running lines by; read in the order of the columns, its number at the
    foot of the left column would fall into the sentence that goes on at the top of the right one."""
    ordered = sorted(page, key=lambda line: -line.baseline)
    if len(ordered) < 2:
        return page
    numbers = set()
    for edge in (ordered[0].baseline, ordered[-1].baseline):
        row = [line for line in ordered if abs(line.baseline - edge) < 1]
        rest = [line.baseline for line in ordered if abs(line.baseline - edge) >= 1]
        for line in row:
            if _PAGE_NUMBER.fullmatch(line.text) and rest and min(abs(b - edge) for b in rest) > 2 * line.size:
                numbers.add(id(line))
    return [line for line in page if id(line) not in numbers]


def _without_running_header(page: list[_Line]) -> list[_Line]:
    """The page less its running header, for a document of one page, which has no other page to tell it by: the
    line or two at its top (the organisation's name, the document's reference, a classification) that a template
    prints in the top margin (``TOP_MARGIN``), apart from the text under them (further from it than two lines of
    their size), in print no larger than the text's, ending no sentence. A title starts under the margin, in larger
    print than the text's; it stays."""
    rows = _baseline_rows(page)
    if len(rows) < 2:
        return page
    text_size = _text_size(page)
    for end in range(1, min(EDGE_LINES, len(rows))):  # the top rows, a line's distance apart, then a gap
        above, below = rows[end - 1], rows[end]
        gap = above[0].baseline - below[0].baseline
        if gap <= 2 * max(line.size for line in above):
            continue
        header = [line for row in rows[:end] for line in row]
        if all(round(line.size) <= text_size and not _SENTENCE_END.search(line.text) and line.from_top < TOP_MARGIN
               for line in header):
            return [line for line in page if all(line is not other for other in header)]
        break
    return page


def _baseline_rows(lines) -> list[list[_Line]]:
    """Lines grouped by their baseline, the top row first: a row's lines stand less than a point below its top line.
    (Not the baseline rounded to the point: a table row's cells in print of two sizes, a texinfo signature and its
    *[Function]* tag, stand half a point apart, which rounding parts where a whole point falls between them; the tag
    alone was then taken for a table's header row repeated at the top of a page and dropped.)"""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda line: -line.baseline):
        if rows and rows[-1][0].baseline - line.baseline < 1.0:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _alternating(pages: list[list[_Line]], outermost: list[set[int]], on_edge: Counter) -> set[str]:
    """The running lines of a document printed on both sides of the paper, which alternate: the document's
    title on even pages, the chapter's on odd ones (each on fewer than half of the pages, and a chapter's
    maybe on two). Such a line is the very first or last of its page, on pages of one parity, always on one
    baseline, apart from the text (further from the next line than a line and a paragraph's space are), and
    nowhere else near an edge; a sentence of the text that starts two pages is not apart."""
    places, counts = defaultdict(set), Counter()
    for number, (page, out) in enumerate(zip(pages, outermost)):
        ordered = sorted(page, key=lambda line: -line.baseline)
        for line in (line for line in ordered if id(line) in out):
            top = line.baseline > ordered[0].baseline - 1
            inward = [other.baseline for other in ordered if abs(other.baseline - line.baseline) >= 1]
            if inward and abs(line.baseline - (max(inward) if top else min(inward))) > 2 * line.size:
                key = _running_key(line)
                places[key].add((number % 2, top, round(line.baseline)))
                counts[key] += 1
    return {key for key, count in counts.items() if count >= 2 and len(places[key]) == 1 and on_edge[key] == count}


class _Place:
    """A line near a page's edge: its page, whether at its top, and the numbers it holds."""

    __slots__ = ("page", "top", "numbers")

    def __init__(self, page: int, line: _Line, top: bool):
        self.page = page
        self.top = top
        self.numbers = tuple(int(digits) for digits in _DIGITS.findall(line.text))

    def same(self, other: _Place) -> bool:
        """Whether two lines of one text (digits aside) are one running line, as a page's template prints it:
        each number the same (a date, a reference) or counting the pages (*Page 3 of 9*, *Page 5 of 9*), not the
        numbers of headings (*Article 1*, *Article 8*), at one edge of the page: a table's rows numbered on (*R-027*
        at the foot of a page, *R-028* at the top of the next) count no pages. (Not asked: one height on every page,
        which pages of two sizes and a scan's text layer do not keep.)"""
        return self.top == other.top and all(
            number == theirs or number - theirs == self.page - other.page
            for number, theirs in zip(self.numbers, other.numbers))


def _pages_at_one_place(places: list[_Place]) -> int:
    """On how many pages a line stands as one running line (``_Place.same``), ``places`` where it stands."""
    return max(len({other.page for other in places if place.same(other)}) for place in places)


def _running_key(line: _Line) -> str:
    return _DIGITS.sub("#", line.text.casefold())


class _Hyphenation:
    """Whether a word hyphenated at a line end is one word (*opérations*) or a compound (*état-major*)."""

    def __init__(self, lines: list[_Line], lang: str | None):
        import wordfreq

        # the forms the document itself writes, within its lines
        self.seen = Counter(m.group().casefold() for line in lines for m in _COMPOUNDS.finditer(line.text))
        self.langs = [code for code in ([base_language(lang)] if lang else ["fr", "en"])
                      if code in wordfreq.available_languages()]

    def joins(self, head: str, tail: str) -> bool:
        """Whether ``head``-⏎``tail`` is ``head + tail``: the form the document writes more often; else
        a compound when the tail has a capital (*Nord-Atlantique*) or the head ends in a digit (*F-35*);
        else as wordfreq rates the joined word against the compound (see ``COMPOUND_MARGIN``): a word
        it knows neither way is a word broken in two."""
        from wordfreq import zipf_frequency

        joined, compound = (head + tail).casefold(), f"{head}-{tail}".casefold()
        if self.seen[joined] != self.seen[compound]:
            return self.seen[joined] > self.seen[compound]
        if not tail[0].islower() or not head[-1].isalpha():
            return False
        rate = max((zipf_frequency(joined, code) for code in self.langs), default=0.0)
        as_compound = max((zipf_frequency(compound, code) for code in self.langs), default=0.0)
        return rate > as_compound - COMPOUND_MARGIN


class _Paragraphs:
    def __init__(self, lines: list[_Line], hyphenation: _Hyphenation):
        self.lines = lines
        self.hyphenation = hyphenation
        self.pitch = self._usual_pitch()
        # lines in a monospaced font among text in proportional ones (a quarter of the lines or more) are a block of
        # code or a program's output, each line as its author broke it (a document all monospaced, a typewriter's, has
        # its paragraphs wrapped)
        self.verbatim = 4 * sum(not line.mono for line in lines) >= len(lines)
        self.reading = ""  # the paragraph being built
        # a column's lines follow one another down the page; its right edge is where its longest line ends
        # (a page's columns start a run of their own under text across the page: their right edge is theirs)
        self.run_start = [i == 0 or not line.below(lines[i - 1]) or line.in_columns != lines[i - 1].in_columns
                          for i, line in enumerate(lines)]
        self.right = [0.0] * len(lines)
        self.left = [0.0] * len(lines)  # where the lines of its run start: the least x
        self.stretched = [False] * len(lines)  # it ends at the right edge of a justified run (another line ends there)
        # the right margin of a page's text, where it stands in one column: a block of lines set ragged (a letter's
        # addresses, each line a paragraph of its own) ends there, not at its longest line
        # (where three lines end or more, the margin of justified text: a line of code may run past it)
        ends = defaultdict(Counter)
        starts = defaultdict(list)  # where a page's lines in its one column start
        for line in lines:
            if not line.table and not line.in_columns:
                ends[line.page][round(line.x1)] += 1
                starts[line.page].append(line.x0)
        margin = defaultdict(float)
        for page, counted in ends.items():
            common, count = counted.most_common(1)[0]
            margin[page] = common if count >= 3 else max(counted)
        # a short line in the page's one column ending at its margin, starting right of its middle, is set flush right
        # or after a tab to it (a letter's date beside its sender's address, a reference, a signature): a paragraph of
        # its own, neither going on from the line before it nor into the next, though it ends at the margin
        self.flush_right = [not line.table and not line.in_columns and None in line.cell and line.hang is None
                            and line.x1 > margin[line.page] - 1.0
                            and line.x0 > (min(starts[line.page]) + margin[line.page]) / 2
                            and not _word_gap_after(lines[i - 1] if i else None, line) for i, line in enumerate(lines)]
        begin = 0
        for end in range(1, len(lines) + 1):
            if end == len(lines) or self.run_start[end]:
                run = lines[begin:end]
                right = max(line.x1 for line in run)
                if _ragged(run):
                    right = max(right, margin[run[0].page])
                rights = [right] * len(run)
                for start, stop in _quoted_blocks(run):  # a block quote's lines end at its own right margin
                    rights[start:stop] = [max(line.x1 for line in run[start:stop])] * (stop - start)
                self.right[begin:end] = rights
                self.left[begin:end] = [min(line.x0 for line in run)] * (end - begin)
                at_edge = [abs(line.x1 - edge) < 0.5 for line, edge in zip(run, rights)]
                if sum(at_edge) >= 2:
                    self.stretched[begin:end] = at_edge
                begin = end

    def _usual_pitch(self) -> dict[float, float]:
        """The distance between baselines that is most common for each font size: the line spacing."""
        pitches = defaultdict(Counter)
        for before, line in zip(self.lines, self.lines[1:]):
            if line.below(before) and abs(line.size - before.size) < 0.5:
                pitches[round(line.size)][round(before.baseline - line.baseline, 1)] += 1
        return {size: counted.most_common(1)[0][0] for size, counted in pitches.items()}

    def build(self) -> list[tuple[str, int]]:
        """The paragraphs, each with the page it starts on."""
        paragraphs: list[tuple[str, int]] = []
        self.calls: list[list[str]] = []  # each paragraph's note calls
        for i, line in enumerate(self.lines):
            self.reading = paragraphs[-1][0] if paragraphs else ""
            if i and self._continues(i):
                paragraphs[-1] = (self._join(paragraphs[-1][0], line.text), paragraphs[-1][1])
                self.calls[-1].extend(line.calls)
            else:
                paragraphs.append((line.text, line.page))
                self.calls.append(list(line.calls))
        return paragraphs

    def _fits(self, i: int) -> bool:
        """Whether line ``i``'s first word had room at the end of line ``i - 1``: before the right edge of its run, or,
        in a block of two lines set in from the run's left edge (a short quotation), before as far in from that right
        edge (a quotation is set in from both sides alike; three lines or more tell their own margin,
        ``_quoted_blocks``)."""
        before, line = self.lines[i - 1], self.lines[i]
        right = self.right[i - 1]
        inset = before.x0 - self.left[i - 1]
        if (before.size < inset <= (right - self.left[i - 1]) / 4 and abs(line.x0 - before.x0) <= EDGE_ALIGN
                and before.x1 <= right - inset + 0.5 and i > 1 and not self.run_start[i - 1]
                and self.lines[i - 2].x0 < before.x0 - EDGE_ALIGN
                and (i + 1 == len(self.lines) or self.run_start[i + 1] or self.lines[i + 1].x0 < line.x0 - EDGE_ALIGN)):
            right -= inset
        if None not in before.cell and before.cell[1] != float("inf"):  # a table's cell: inside its right edge by its inset
            right = min(right, before.cell[1] - (before.x0 - before.cell[0]))
        return before.x1 + 0.5 * before.size + line.first_word <= right

    def _continues(self, i: int) -> bool:
        before, line = self.lines[i - 1], self.lines[i]
        if line.goes_on and (line.cell == before.cell or None in line.cell and None in before.cell):
            return True
        if self.verbatim and before.mono and line.mono and line.below(before) and _open_bracket(self.reading):
            return True  # a prototype's or an option's name wrapped (its next lines set in under the bracket)
        if self.verbatim and before.mono and not _open_bracket(self.reading) and (
                line.mono or i > 1 and self.lines[i - 2].mono and before.below(self.lines[i - 2])):
            # a line of code, unless a bracket is open (an option's name, a prototype, wrapped); the text after a block
            # of code (a word of code that a line of text wrapped to the next ends nothing)
            return False
        if (_ruled_off(before, line) or _CONTENTS_ENTRY.search(before.text) or before.aside or line.aside
                or self.flush_right[i - 1] or self.flush_right[i]):
            return False
        hyphenated = _HYPHENATED_END.search(before.text) is not None
        same_size = abs(line.size - before.size) <= 0.15 * before.size
        if (_word_gap_after(before, line) and same_size and not (line.table or before.table or line.in_columns)
                and None in line.cell and None in before.cell):
            return True  # the last words of a justified line, set apart by a wide space
        if not line.below(before):  # a new page or column
            if not same_size or _starts_item(line):
                return False
            if _TERMINAL.search(before.text):
                # a sentence ends the page or column; the paragraph goes on when that line is stretched to the margin of
                # its justified column (a paragraph's last line is not) and the next line stands at its own column's
                # left edge (not indented as a paragraph's first line)
                return self.stretched[i - 1] and line.x0 < self.left[i] + 0.5 * line.size
            # a line of one is neither full nor short; nor is one set flush right (or centred) at its column's foot, a
            # source's or a credit's *[Source: NATO]*, starting further in from the run's left edge than a paragraph's
            # first line is indented: the next column's first line does not go on from it. Lines set in alike, the
            # line above starting where it does, are a paragraph's running beside a figure at the foot of the page
            set_in = before.x0 > self.left[i - 1] + GUTTER_INDENT * before.size
            above = self.lines[i - 2] if i > 1 else None
            beside_figure = above is not None and before.below(above) and abs(above.x0 - before.x0) <= EDGE_ALIGN
            full = (not self.run_start[i - 1] and not self._fits(i)
                    and (before.table or not set_in or beside_figure))
            return full or line.text[0].islower()
        usual = self.pitch.get(round(before.size), 1.2 * before.size)
        return not (
            before.baseline - line.baseline > usual + 0.25 * before.size
            or not same_size
            or _starts_item(line) and not self._number_in_sentence(i)
            or line.x0 > _text_start(before) + 0.8 * before.size and not self._figure_starts_beside(i)
            # a line opening with what closes a clause (*, et un calendrier.*) goes on from the one before, whose end
            # may be short of a field's result left out (``_without_field_errors``)
            or (not hyphenated and not line.text.startswith((",", ";", ")", "]")) and self._fits(i))
            or line.x1 > self.right[i - 1] + 0.5  # past a block quote's margin: the text after it
        )

    def _figure_starts_beside(self, i: int) -> bool:
        """Whether line ``i``, set in from the line before it, is the first of a paragraph's lines running beside a
        figure set left of them, as a word processor wraps text around it: both lines are stretched to the run's right
        edge (a justified paragraph's lines, where a paragraph's last is short and a block quote is set in from the
        right too), and the line after it, in its run, starts where it does (a paragraph's first line indented goes
        back to the margin on its second)."""
        line = self.lines[i]
        after = self.lines[i + 1] if i + 1 < len(self.lines) and not self.run_start[i + 1] else None
        return (self.stretched[i - 1] and self.stretched[i]
                and (after is None or abs(after.x0 - line.x0) <= EDGE_ALIGN))

    def _number_in_sentence(self, i: int) -> bool:
        """Whether line ``i`` starts with a number ending a sentence (*… are* ⏎ *8. Under LP64 …*), not a numbered
        item's: the line before is stretched to its column's margin (an item's last line is short but by chance) and
        ends in no stop or colon."""
        before, line = self.lines[i - 1], self.lines[i]
        return (re.match(r"\d{1,3}\. ", line.text) is not None and self.stretched[i - 1]
                and not _TERMINAL.search(before.text) and not before.text.endswith(";"))

    def _join(self, text: str, more: str) -> str:
        end, start = _HYPHENATED_END.search(text), _WORD_START.match(more)
        if end and start:
            if text.endswith("\u00ad") or self.hyphenation.joins(end.group(1), start.group(1)):
                return text[:-1] + more
            return text + more
        if text.endswith(("(", "[")):  # a bracket opened at a line's end (in a right-to-left line, where a run breaks)
            return text + more
        if more in (".", ",", ")", "]") and text[-1:].isalnum():  # a word's stop that a narrow cell broke off
            return text + more
        if more.startswith((",", ";", ")", "]")) and text[-1:].isalnum():  # no line opens so: a field's result, left
            return text + more  # out (``_without_field_errors``), stood between
        return f"{text} {more}"


def _open_bracket(text: str) -> bool:
    """Whether ``text`` leaves a round or a square bracket open."""
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


def _ragged(run: list[_Line]) -> bool:
    """Whether a column's lines, read one under the other, are a block set ragged right in a page's one column of text:
    two lines or more starting at one x, the lines before the last, where three or more, ending at different x (a
    justified paragraph's end at one; the first of two lines ends at the page's margin or had room there), none in a
    table's cell (its own right rule) or in columns of text (a letter's sender address cut in two by the date beside
    its second line)."""
    return (len(run) >= 2 and not any(line.table or line.in_columns or None not in line.cell for line in run)
            and max(line.x0 for line in run) - min(line.x0 for line in run) < 1.0
            and (len(run) == 2 or max(line.x1 for line in run[:-1]) - min(line.x1 for line in run[:-1]) > 1.0))


def _quoted_blocks(run: list[_Line]) -> list[tuple[int, int]]:
    """The blocks of a column's lines (``run``) set in from its left edge as a block quote is, to a right margin of
    their own: (start, stop) of three lines or more starting at one x (within ``EDGE_ALIGN``; the first may be
    indented further, a paragraph's first line), set in by more than an em and by a quarter of the column's width at
    most, whose lines, but the last, mostly had no room for the next line's first word before the block's longest
    line's end (two or more: a typesetter's full lines). The column's longest line ends at the page's margin, where
    a quote's line had room for the next word. A line of the block that the column's next line starts left of is a
    paragraph's indented first line (ending further), not the quote's. Short lines set in (a list of a function's
    arguments, each a paragraph; an address) fill no margin of their own, and a letter's recipient address at 9 cm is
    no quote."""
    left = min(line.x0 for line in run)
    right = max(line.x1 for line in run)
    blocks = []
    start = 0
    for k in range(1, len(run) + 1):
        if k < len(run) and (k == start + 1 or abs(run[k].x0 - run[start + 1].x0) <= EDGE_ALIGN):
            if k == start + 1 and run[start].x0 < run[k].x0 - EDGE_ALIGN:  # a first line left of the block's
                start = k
            continue
        stop = k
        if k - start > 1 and k < len(run) and run[k].x0 < run[k - 1].x0 - EDGE_ALIGN and (
                run[k - 1].x1 > max(line.x1 for line in run[start:k - 1]) + 0.5):
            stop = k - 1  # a paragraph's first line, indented as far, ending at the column's margin
        block = run[start:stop]
        if (len(block) >= 3 and block[-1].size < block[-1].x0 - left <= (right - left) / 4
                and not any(line.table or None not in line.cell for line in block)):
            margin = max(line.x1 for line in block)
            full = sum(line.x1 + 0.5 * line.size + after.first_word > margin for line, after in zip(block, block[1:]))
            if full >= 2 and 2 * full > len(block) - 1:
                blocks.append((start, stop))
        start = k
    return blocks


def _ruled_off(before: _Line, line: _Line) -> bool:
    """Whether a drawn rule parts two lines of one page: a rule under the first stands above the second; a
    rule beside the first stands between them, the second on its row or under it (not at the top of the next
    column: a rule between two columns of text does not end the paragraph going on over them); or they stand
    in two cells of a ruled table (or one in a cell, the other out of it). Over a page break, a table's cell goes
    on only into a line in its column (a row broken over two pages), not into the next row's first cell."""
    if before.page != line.page:
        left, right = before.cell[:2]
        return None not in before.cell and not left <= line.x0 < right
    left, right, _, under = before.cell
    if under is not None and under > line.baseline + 0.8 * line.size:
        return True
    if line.baseline < before.baseline + 0.5 * before.size and (
            (right is not None and line.x0 >= right) or (left is not None and line.x1 <= left)):
        return True
    return before.cell != line.cell and (None not in before.cell or None not in line.cell)


def _starts_item(line: _Line) -> bool:
    """Whether the line starts a list's item or a numbered clause: a paragraph of its own."""
    return line.hang is not None or _LIST_MARKER.match(line.text) is not None


def _text_start(line: _Line) -> float:
    """Where the text of a list item stands after its marker (the hanging indent of its next lines),
    else where the line starts."""
    if line.hang is not None:
        return line.hang
    if _LIST_MARKER.match(line.text):
        return line.x0 + 3 * line.size  # a marker and its space are narrower than three ems
    return line.x0
