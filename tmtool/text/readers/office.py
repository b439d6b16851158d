"""Word processors' and Office packages' common reading (``_Walk``, the package's parts, drawings,
charts and diagrams) and DOCX."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from contextlib import contextmanager
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable

from ...errors import Invalid, TmtoolError
from ...io.decoding import decode_western_text
from ...io.xmlsafe import OLE2, PACKAGE_ERRORS, check_inflation, check_package, split_tag
from .base import (_FUNCTION_WORD_SET, CLOCK_TIME, DATUM_WORDS, LINE_BREAK, _add_raised, _raised, _Reading,
                   _text_paragraphs, column_span, image_descriptions, said_beside)
from .equations import accented, grid, prefixed, root, scripted
from .html import HTML_EXTENSIONS, _html_paragraphs


class _Walk(ABC):
    """A word processor's paragraphs and table cells in document order, the part both formats share.

    A note's paragraphs (and a text box's) come right after the paragraph that cites it (after the table,
    for one in a cell, so that a row stays one paragraph a cell), its mark dropped; endnotes come at the
    end. What ``skipped`` says is no text of the document (deleted, hidden, comments, generated) is passed
    over with all it holds. A format names its elements and reads a paragraph's content (``inline``)."""

    paragraphs: frozenset[str]  # the elements that are paragraphs
    table = row = cell = ""
    numbered_by_hand = False  # whether a number typed before a tab numbers a paragraph (a word processor's: ``text``)

    def __init__(self, read: _Reading):
        self.read = read
        self.notes: list = []  # cited in the block being read
        self.endnotes: list = []
        self.tables = 0  # how deep in tables the walk is
        self.furniture = False  # reading the headers and footers
        self.numbered: set[str] = set()  # the numbers typed by hand before a tab so far (``_without_typed_number``)

    @abstractmethod
    def skipped(self, element) -> bool:
        """Whether ``element`` holds no text of the document (deleted, hidden, a comment, generated)."""

    @abstractmethod
    def inline(self, element, parts: list[str]) -> None:
        """Add the text of a paragraph's content ``element`` to ``parts``."""

    def paragraph(self, element) -> None:
        parts: list[str] = []
        self.inline(element, parts)
        self.read.add(self.text(parts))

    def text(self, parts: list[str]) -> str:
        """A paragraph's text as read from its ``parts``: without the number typed before a tab to number it by hand
        (``_without_typed_number``), in a word processor's document; a header's or a footer's without its fields
        (``_without_fields``), where ``_FieldMark``s stand among the parts: each is written as a character the
        paragraph does not hold, that no character of the author's is taken for one."""
        marks = _free_characters("".join(parts), 3) if any(isinstance(part, _FieldMark) for part in parts) else None
        if marks is not None:
            page, generated, blank = marks
            parts = [page if part is _PAGE_NUMBER else generated if part is _GENERATED_TEXT
                     else blank if part is _BLANK_FIELD else part for part in parts]
        paragraph = "".join(parts)
        if marks is not None:
            paragraph = _without_blank_fields(paragraph, blank)
        if self.numbered_by_hand:
            paragraph = _without_typed_number(paragraph, self.numbered)
        if marks is not None and (page in paragraph or generated in paragraph):
            return _without_fields(paragraph, page, generated)
        return paragraph

    def read_furniture(self, parts: Iterable) -> None:
        """Read the headers' and footers' ``parts`` (each a story of paragraphs and tables), after the body: a
        paragraph once however many of them repeat it (a marking in the default, first-page and even-page headers,
        each a part of its own: one unit, not three)."""
        self.furniture, self.read.once = True, set()
        for part in parts:
            self.blocks(part)

    def order(self, element):
        """The children of ``element`` in the order they are read: as written, unless a format says otherwise."""
        return element

    def blocks(self, element) -> None:
        for child in self.order(element):
            if not isinstance(child.tag, str) or self.skipped(child):
                continue
            if child.tag in self.paragraphs:
                self.paragraph(child)
            elif child.tag == self.table:
                self.tables += 1
                self._table(child)
                self.tables -= 1
            else:  # sections, lists, content controls and whatever else holds paragraphs
                self.blocks(child)
            if not self.tables and self.notes:
                notes, self.notes = self.notes, []
                self.place(notes)

    def place(self, notes: list) -> None:
        for note in notes:
            if isinstance(note, str):  # an image's description (``image_descriptions``)
                self.read.add(note)
            else:
                self.blocks(note)

    def _table(self, table) -> None:
        self.read.open_table()
        for row in self._within(table, self.row):
            cells = []
            for cell, span in self.cells(row):
                start = len(self.read.paragraphs)
                if cell is not None:
                    outer, self.notes = self.notes, []
                    self.blocks(cell)
                    self._cell_descriptions(start, [note for note in self.notes if isinstance(note, str)])
                    self.notes = outer + [note for note in self.notes if not isinstance(note, str)]
                cells.append((range(start, len(self.read.paragraphs)), span))  # the columns it covers
            self.read.add_row(cells, self.header(row))
        self.read.close_table()

    def _cell_descriptions(self, start: int, descriptions: list[str]) -> None:
        """Read the descriptions of the pictures in a table's cell whose paragraphs start at ``start``, in the cell,
        as an HTML image's are (the notes a cell cites wait for the table's end, that its row stays a row): a picture
        alone in its cell (a status icon) is the cell's text; an icon beside a datum (``_Icon``, ``DATUM_WORDS``: a
        flag beside its country's name) is its decoration, which would leave the row out of the table's rows, and is
        not read; a figure beside its caption is."""
        if not descriptions:
            return
        datum = 0 < len(re.findall(r"\w+", " ".join(self.read.paragraphs[start:]))) <= DATUM_WORDS
        for description in descriptions:
            if not (datum and isinstance(description, _Icon)):
                self.read.add(description)

    def cells(self, row):
        """The cells of ``row`` with the columns each spans; None for a column a cell of a row above covers, where a
        format writes it (ODF's ``table:covered-table-cell``), that the cells after it keep their columns."""
        return ((cell, self.span(cell)) for cell in self._within(row, self.cell))

    def span(self, cell) -> int:
        """How many of its table's columns ``cell`` spans (a format's merged cells say)."""
        return 1

    def header(self, row) -> bool:
        """Whether the format marks ``row`` as a header of its table (Word's rows repeated on each page)."""
        return False

    def _within(self, element, tag: str):
        """The ``tag`` children of ``element``, looked for inside the elements that group them too (ODF's
        header rows, Word's content controls), not inside a row, a cell or another table."""
        for child in element:
            if not isinstance(child.tag, str) or self.skipped(child):
                continue
            if child.tag == tag:
                yield child
            elif child.tag not in (self.table, self.row, self.cell):
                yield from self._within(child, tag)


def _package_xml(package, part: str, path: str):
    """A package's XML part parsed the one safe way; a syntax error names the file and the part."""
    from ...io.xmlsafe import parse_xml

    check_inflation(package, part, path)  # parsed whole: a bomb is refused before it is
    with package.open(part) as stream:
        try:
            return parse_xml(stream).getroot()
        except TmtoolError as exc:  # named after the part: name the file too
            raise Invalid(str(exc), path=path) from None


_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Office Math (OMML), in transitional and strict OOXML
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MATH_STRICT = "{http://purl.oclc.org/ooxml/officeDocument/math}"
# an equation's structures whose signs are properties, and those whose layout is: scripts, limits, roots (``_omml``)
_OMML_STRUCTURES = ("d", "f", "nary", "sSup", "sSub", "sSubSup", "sPre", "limLow", "limUpp", "rad", "func", "acc",
                    "bar", "groupChr", "borderBox", "eqArr", "m")
# a SmartArt diagram in a drawing, and its data part's root, in transitional and strict OOXML
_DIAGRAM_NAMESPACES = ("http://schemas.openxmlformats.org/drawingml/2006/diagram",
                       "http://purl.oclc.org/ooxml/drawingml/diagram")
_DIAGRAM = frozenset(f"{{{namespace}}}relIds" for namespace in _DIAGRAM_NAMESPACES)
_DIAGRAM_DATA = frozenset(f"{{{namespace}}}dataModel" for namespace in _DIAGRAM_NAMESPACES)
# a chart in a drawing (its part named by the relationship r:id), and its part's root
# (and Office 2016's new kinds of chart: waterfall, funnel, treemap …)
_CHART_NAMESPACES = ("http://schemas.openxmlformats.org/drawingml/2006/chart",
                     "http://purl.oclc.org/ooxml/drawingml/chart",
                     "http://schemas.microsoft.com/office/drawing/2014/chartex")
_CHART_KINDS = ("chart", "chartEx")  # their relationships' types
_CHART = frozenset(f"{{{namespace}}}chart" for namespace in _CHART_NAMESPACES)
_CHART_SPACE = frozenset(f"{{{namespace}}}chartSpace" for namespace in _CHART_NAMESPACES)
# a drawing's properties (a picture's, a chart's, a shape's), whose description and title are Word's alternative text
# (``_picture``: read for a picture)
_DRAWING_PROPERTIES = frozenset(f"{{{namespace}}}docPr" for namespace in (
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"))
# a DrawingML paragraph's parts that hold no text of it: a field's (a slide's number, the date: generated) and
# the properties
_NO_DRAWING_TEXT = {"fld", "pPr", "rPr", "endParaRPr"}
# a content control that is a check box (Word 2010's): its box (☐, ☒) is a form's control, no text, as a page's
# controls are not, and as a box typed from Wingdings is not (``_symbol``)
_CHECK_BOX = "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"
# fields whose result the word processor generates from the document: a table of contents repeats the
# headings with page numbers (as ODT's indexes, left out)
_GENERATED_FIELDS = ("TOC", "INDEX", "TOA", "BIBLIOGRAPHY")
# and the styles of such a table's entries, which stay when the field is unlinked (Word's, and LibreOffice's in
# the DOCX it writes)
_GENERATED_STYLES = re.compile(r"(?:toc|contents) [1-9]|table of figures", re.IGNORECASE)
# the fields a header or a footer numbers its pages with (*Page 3 of 9*): the word processor's, generated on each page
_PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES")
# and the fields whose text it generates there, no author's words: a running head (the heading the page is under,
# repeated), the date and time it prints or saves the document, its file's or template's name
_GENERATED_TEXT_FIELDS = ("STYLEREF", "DATE", "TIME", "PRINTDATE", "SAVEDATE", "CREATEDATE", "EDITTIME", "FILENAME",
                          "TEMPLATE")


class _FieldMark(str):
    """Where a field of a header or a footer stood in a paragraph's parts as read: an empty text, so that the parts
    joined as they are leave it out, which ``_Walk.text`` finds among them by what it is (``_PAGE_NUMBER``,
    ``_GENERATED_TEXT``), whatever characters the paragraph holds."""


_PAGE_NUMBER = _FieldMark()  # a page's number or count
_GENERATED_TEXT = _FieldMark()  # a running head, a date, a time, a file's name
_BLANK_FIELD = _FieldMark()  # a field showing no author's words: an empty form field, Word's error for a lost reference
# the words labelling a page's number, by language (ISO 639-1): before it (*Page 3*, *Стр. 3*, *第*3页), after it
# (第3*页*, 3 *ページ*, 3. *oldal*), between it and the pages' count (*3 sur 9*, *3 из 9*, *3 z 9*, 3页 *共*9页; a slash in
# every language); a label goes only beside the field, never elsewhere in the text
_PAGE_LABELS = {
    "en": ("page pages p. pp. pg.", "", "of"), "fr": ("page p.", "", "sur"), "de": ("seite s.", "", "von"),
    "es": ("página pág.", "", "de"), "it": ("pagina pag. p.", "", "di"), "pt": ("página pág.", "", "de"),
    "nl": ("pagina blz. p.", "", "van"), "sv": ("sida s.", "", "av"), "da": ("side s.", "", "af"),
    "no": ("side s.", "", "av"), "fi": ("sivu s.", "", ""), "pl": ("strona str. s.", "", "z"),
    "cs": ("strana str.", "", "z ze"), "sk": ("strana str.", "", "z"), "sl": ("stran str.", "", "od"),
    "hr": ("stranica str.", "", "od"), "ro": ("pagina pag.", "", "din"), "hu": ("oldal", "oldal", ""),
    "et": ("lk lehekülg", "", ""), "lv": ("lapa lpp.", "", "no"), "lt": ("puslapis psl.", "", "iš"),
    "tr": ("sayfa", "", ""), "el": ("σελίδα σελ.", "", "από"), "ru": ("страница стр. с.", "", "из"),
    "uk": ("сторінка стор. с.", "", "з із"), "bg": ("страница стр.", "", "от"), "ar": ("صفحة الصفحة ص.", "", "من"),
    "he": ("עמוד", "", "מתוך"), "zh": ("第", "页 頁", "共"), "ja": ("ページ 頁", "ページ 頁", ""),
    "ko": ("페이지", "페이지 쪽", ""),
}


def _label_pattern(position: int) -> str:
    """The labels of ``_PAGE_LABELS`` at ``position`` (before, after, between) as one pattern, a word's as a word
    (*p.* not the end of *Comp.*, *de* not the end of *Code*); a Chinese, Japanese or Korean label as it is, its
    script written without spaces."""
    def pattern(word: str) -> str:
        if word >= "\u2e80":  # CJK and Hangul
            return re.escape(word)
        return r"(?<!\w)" + re.escape(word) + ("" if word.endswith(".") else r"(?!\w)")

    words = {word for labels in _PAGE_LABELS.values() for word in labels[position].split()}
    return "|".join(map(pattern, sorted(words, key=len, reverse=True)))


@cache
def _page_label(mark: str) -> re.Pattern:
    """A page's number (written ``mark`` in the paragraph) and its count, with the words labelling them
    (``_PAGE_LABELS``): *Page 3 sur 9*, *p. 3/9*, *Стр. 3 из 9*, *第3页，共9页*, *3 / 9 ページ*."""
    one = rf"(?:(?:{_label_pattern(0)})\s*)?{mark}(?:\s*\.?\s*(?:{_label_pattern(1)}))?"
    return re.compile(rf"{one}(?:\s*[/,，]?\s*(?:{_label_pattern(2)})?\s*{one})?", re.IGNORECASE)


# a paragraph's number or letter typed before a tab, as a writer numbers by hand what Word or LibreOffice numbers
# itself (*1.⇥*, *a)⇥*, *(iv)⇥*, *2.3⇥*): their own numbering (``w:numPr``, ``text:number``) is no text of the
# paragraph, nor is this. A bare number is a count or a figure of the sentence (*12⇥Alliés ont signé*), one with a
# leading zero a time (*09.30⇥Arrivée*)
_TYPED_NUMBER = re.compile(r"\A\s*\(?(?:[1-9]\d{0,2}(?:\.\d{1,3})+\.?|[1-9]\d{0,2}[.)]|(?:[A-Za-z]|[ivxlcIVXLC]{1,6})[.)])"
                           r"\)?\t\s*")
# and a time of day written as an agenda writes it (*10.30⇥*, *14.00⇥*: hours 0–23, minutes 00–59, no dot after),
# which reads as a section's number too (*7.10⇥*, the tenth of section 7): ``_without_typed_number`` tells them apart
# by the section before it
_AGENDA_TIME = re.compile(rf"\s*{CLOCK_TIME}\t")


# Word writes a character inserted from a symbol font as the font's code in the private use area
# (U+F000 + the code): the Symbol font's letters and the signs of measures are text (5 µm, ± 2 °C); the
# pictures of Wingdings and the like are not
_SYMBOL_FONT = dict(zip(
    range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")) | dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")) | {
    0x2D: "−", 0xA3: "≤", 0xA5: "∞", 0xAC: "←", 0xAE: "→", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•",
    0xB8: "÷", 0xB9: "≠", 0xBB: "≈", 0xD6: "√", 0xE5: "∑"} | {  # fmt: skip
    code: chr(code) for code in b" !#%&()+,./0123456789:;<=>?[]_{|}"}  # the codes it draws as ASCII does


def _later_alternative(element) -> bool:
    """Whether ``element`` is an alternative of an ``mc:AlternateContent`` other than its first: content
    written in alternatives (for newer readers and a fallback for older ones) is read once, the first."""
    return element.tag in (_MC + "Choice", _MC + "Fallback") and element is not next(
        element.getparent().iterchildren(_MC + "Choice", _MC + "Fallback"))


def _picture(drawing) -> bool:
    """Whether ``drawing`` (a ``wp:inline`` or ``wp:anchor``) shows a picture (DrawingML's ``pic:pic``)."""
    return drawing is not None and any(isinstance(element.tag, str) and element.tag.endswith("}pic")
                                       and "drawingml" in element.tag for element in drawing.iter())


# a VML shape holding a picture, as Word writes one in a document saved in compatibility mode (from .doc), its
# alternative text in the shape's ``alt``
_VML = "{urn:schemas-microsoft-com:vml}"
_VML_SHAPE, _VML_IMAGE = _VML + "shape", _VML + "imagedata"
# Office's mark of a picture as decorative (*Mark as decorative*: nothing a screen reader says), in its properties'
# extensions; the description it had may stay written beside it
_DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def _picture_descriptions(properties) -> list[str]:
    """The descriptions to read of a picture whose properties are ``properties`` (a DOCX's ``wp:docPr``, a slide's
    ``p:cNvPr``: ``descr`` and ``title``, ``image_descriptions``); none of a picture marked as decorative, nor of a
    linked one, whose description names its link; an icon's (``_icons``, by a DOCX picture's ``wp:extent``)."""
    if any(isinstance(child.tag, str) and child.tag.endswith("}hlinkClick") for child in properties) or any(
            mark.get("val", "1").lower() in ("1", "true") for mark in properties.iter(_DECORATIVE)):
        return []
    extent = properties.getparent().find("{*}extent") if properties.tag in _DRAWING_PROPERTIES else None
    sizes = (None,) if extent is None else (_centimetres(extent.get(side), "emu") for side in ("cx", "cy"))
    return _icons(image_descriptions(properties.get("descr"), properties.get("title")), *sizes)


class _Icon(str):
    """The description of a picture no larger than an icon (``_ICON_CM``) either way: a flag, a status mark, an icon
    shrunk to the text's height; beside a datum in a table's cell, the datum's decoration (``_cell_descriptions``),
    where a figure beside its short caption is larger."""


_ICON_CM = 1.5
# a length as a word processor writes one: ODF's ``svg:width`` (*0.5cm*, *0.197in*), VML's ``style`` (*width:432pt*)
_LENGTH = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(cm|mm|in|pt|pc|px|emu)?\s*")
_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96, "emu": 1 / 360000}


def _centimetres(length: str | None, unit: str = "px") -> float | None:
    """``length`` in centimetres, ``unit`` where it names none (VML's pixels, DrawingML's EMU); None where unsaid."""
    match = _LENGTH.fullmatch(length or "")
    return None if match is None else float(match.group(1)) * _CM[match.group(2) or unit]


def _icons(descriptions: list[str], *sizes: float | None) -> list[str]:
    """``descriptions`` of a picture whose width and height are ``sizes`` (cm), each an ``_Icon`` where it is one."""
    if all(size is not None and size <= _ICON_CM for size in sizes):
        return [_Icon(description) for description in descriptions]
    return descriptions


def _relation_id(reference) -> str | None:
    """The relationship id a drawing's reference to a part gives: a chart's ``r:id``, a diagram's data ``r:dm``."""
    return next((value for key, value in reference.attrib.items() if key.endswith(("}id", "}dm"))), None)


def _drawing_text(element, parts: list[str] | None = None) -> str:
    """The text of a DrawingML paragraph (``a:p`` of a slide's shape, a table cell, a chart's title): its
    runs' (a note's call or a power in superscript as ``_raised_run`` reads them), its line breaks
    (``LINE_BREAK``: a space or a paragraph's end, ``_line_breaks``), no field's (a slide's number, the date),
    an alternative once (``_later_alternative``: an equation's OMML, not its picture), an equation as its linear
    text (``_omml``, as a DOCX's)."""
    parts = [] if parts is None else parts
    for child in element:
        if not isinstance(child.tag, str) or _later_alternative(child):
            continue
        local = split_tag(child.tag)[1]
        if local == "t":
            parts.append(child.text or "")
        elif local in _OMML_STRUCTURES and child.tag[:-len(local)] in (_MATH, _MATH_STRICT):  # a slide's equation
            parts.append(_omml(child, child.tag[:-len(local)], lambda argument: "" if argument is None
                               else _drawing_text(argument)))
        elif local == "r" and _raised_run(child, parts):
            pass
        elif local == "br":
            parts.append(LINE_BREAK)
        elif local not in _NO_DRAWING_TEXT:
            _drawing_text(child, parts)
    return "".join(parts)


def _raised_run(run, parts: list[str]) -> bool:
    """Whether the DrawingML ``run``, raised above the line (its ``baseline``, in thousandths of a percent, or a
    percentage in strict OOXML), was read after ``parts`` as ``_add_raised`` reads a note's call or a power."""
    properties = run.find("{*}rPr")
    return (_raised(properties.get("baseline") if properties is not None else None)
            and _add_raised(parts, "".join(t.text or "" for t in run.iterfind("{*}t"))))


def _drawing_texts(part) -> Iterable[str]:
    """The paragraphs of a drawing's part that a translator translates: a SmartArt diagram's (``_diagram``)
    or a chart's (``_chart``)."""
    return _diagram(part) if part.tag in _DIAGRAM_DATA else _chart(part)


def _diagram(model) -> Iterable[str]:
    """A SmartArt diagram's text: each paragraph of each of its points in their order, not the empty ones of
    its connections and layout."""
    for point in model.iterfind("{*}ptLst/{*}pt"):
        if point.get("type", "node") in ("node", "asst"):
            for paragraph in point.iterfind("{*}t/{*}p"):
                yield "".join(LINE_BREAK if part.tag.endswith("}br") else part.text or ""
                              for part in paragraph.iter("{*}t", "{*}br"))


def _chart(space) -> Iterable[str]:
    """A chart's text: its title and its axes' (typed, or taken from the workbook's cells), then the names
    of its series (the legend) and the labels of its categories, those with letters (not years)."""
    chart = space.find("{*}chart")
    if chart is None:
        return
    axes = [axis for axis in chart.iterfind("{*}plotArea/*") if axis.find("{*}title") is not None
            and axis.find("{*}delete[@val='1']") is None and axis.get("hidden") not in ("1", "true")]
    for title in [chart.find("{*}title"), *(axis.find("{*}title") for axis in axes)]:
        if title is not None:
            yield from (_drawing_text(p) for p in title.iterfind("{*}tx/{*}rich/{*}p"))
            yield from (point.text or "" for point in title.iterfind("{*}tx/{*}strRef/{*}strCache/{*}pt/{*}v"))
            yield from (value.text or "" for value in title.iterfind("{*}tx/{*}txData/{*}v"))  # a new kind's
    series = chart.findall("{*}plotArea/*/{*}ser") + chart.findall("{*}plotArea/*/{*}series")
    names = [point.text or "" for one in series for point in one.iterfind("{*}tx//{*}v")]
    categories = (series[0].findall("{*}cat/*/{*}strCache/{*}pt/{*}v") if series else []) or space.findall(
        "{*}chartData/{*}data[1]/{*}strDim[@type='cat']/{*}lvl/{*}pt")  # a new kind's, beside its data
    labels = [point.text or "" for point in categories]
    yield from (text for text in names + labels if any(character.isalpha() for character in text))


def _symbol(font: str, code: str) -> str:
    try:
        number = int(code, 16)
    except ValueError:
        return ""
    if number < 0xF000:
        return chr(number) if 0x20 <= number <= 0x10FFFF and not 0xD800 <= number < 0xE000 else ""
    return _SYMBOL_FONT.get(number - 0xF000, "") if font.lower() == "symbol" else ""


def _generated(instruction: str) -> bool:
    return (instruction.split() or [""])[0].upper() in _GENERATED_FIELDS


# what Word writes as a field's result where it cannot make one, in the languages of its interface, as the field was
# last updated: a cross-reference whose bookmark is gone (deleted with its heading, its caption: REF, PAGEREF,
# NOTEREF; an index's), a STYLEREF finding no text in its style (a caption's chapter number: *Figure Error! No text of
# specified style in document.-1*), a DOCPROPERTY naming no property, a HYPERLINK to a bookmark gone; and LibreOffice's
# own for a reference it cannot find, which it writes into the documents it saves. Compared without their spaces,
# which vary (*Erreur !*, *Erreur!*, a no-break space), nor case
_FIELD_ERROR_MESSAGES = (
    "Error! Reference source not found", "Error! Bookmark not defined", "Error! No text of specified style in document",
    "Error! Unknown document property name", "Error! Hyperlink reference not valid",
    "Erreur ! Source du renvoi introuvable", "Erreur ! Signet non défini",
    "Fehler! Verweisquelle konnte nicht gefunden werden", "Fehler! Textmarke nicht definiert",
    "Fehler! Kein Text mit angegebener Formatvorlage im Dokument",
    "¡Error! No se encuentra el origen de la referencia", "¡Error! Marcador no definido",
    "Errore. L'origine riferimento non è stata trovata", "Errore. Il segnalibro non è definito",
    "Errore. Nel documento non esiste testo dello stile specificato",
    "Erro! Fonte de referência não encontrada", "Erro! A origem da referência não foi encontrada",
    "Erro! Indicador não definido", "Erro! Marcador não definido",
    "Erro! Não existe nenhum texto com o estilo especificado no documento",
    "Fout! Verwijzingsbron niet gevonden", "Fout! Bladwijzer niet gedefinieerd",
    "Fel! Det går inte att hitta referenskällan", "Fejl! Henvisningskilde ikke fundet",
    "Błąd! Nie można odnaleźć źródła odwołania", "Ошибка! Источник ссылки не найден",
    "Ошибка! Закладка не определена",
    # LibreOffice's, in English, French, German, Spanish and Italian
    "Error: Reference source not found", "Erreur : source de la référence non trouvée",
    "Fehler: Verweis nicht gefunden", "Error: no se encontró el origen de la referencia",
    "Errore: sorgente del riferimento non trovata")
_FIELD_ERRORS = frozenset(re.sub(r"\s+", "", message).casefold() for message in _FIELD_ERROR_MESSAGES)
# Word's word for an error in each of those languages, which opens each of its messages (*Error!*, *Erreur !*,
# *Fehler!*, *Errore.*): a field's result opening with it is Word's error, whichever of its dozens of messages follows
# (*Error! Main Document Only.*, *Erreur ! Il n'y a pas de texte répondant à ce style dans ce document.*); and the
# opening *!* of a formula's error (*!Syntax Error*, *!Zero Divide*, *!Erreur de syntaxe*)
_FIELD_ERROR_OPENINGS = tuple(sorted({opening.group() for message in _FIELD_ERRORS
                                      if (opening := re.match(r"¡?[^\W\d_]+[!.]", message))})) + ("!",)


# the fields whose result Word computes from the document and, where it can make none, replaces with an error of its
# own whichever of its messages it is (``_FIELD_ERROR_OPENINGS``): a cross-reference, a style's text, a sequence's
# number, a document's property or variable, a formula (``=SUM(ABOVE)``), a link to a bookmark (``HYPERLINK \l``).
# Another field's result is the author's or the data's words (a form field's, a QUOTE's, a merge field's, a link's
# text): only Word's messages whole (``_FIELD_ERRORS``) are its errors there, where *Erreur ! Accès refusé.* typed
# into a form field, or a link reading *!important*, is text
_COMPUTED_FIELDS = ("REF", "PAGEREF", "NOTEREF", "STYLEREF", "SEQ", "DOCPROPERTY", "DOCVARIABLE")
_REFERENCE_FIELDS = ("REF", "PAGEREF", "NOTEREF")


def _field_error(text: str, computed: bool = False) -> bool:
    """Whether ``text``, a field's result, is Word's or LibreOffice's error where the field could make no result: one
    of its messages (``_FIELD_ERRORS``), or, for a field Word ``computed``, any opening with its word for an error
    (``_FIELD_ERROR_OPENINGS``)."""
    compact = re.sub(r"\s+", "", text).casefold()
    return compact.rstrip(".") in _FIELD_ERRORS or (computed and compact.startswith(_FIELD_ERROR_OPENINGS)
                                                    and compact[-1:] != "!"
                                                    and any(character.isalpha() for character in compact[1:]))


def _reference_target(instruction: str) -> str | None:
    """The bookmark a cross-reference field (``REF _Ref123 \\h``, PAGEREF, NOTEREF) shows, None for another field."""
    words = instruction.split()
    return words[1].strip('"') if len(words) > 1 and words[0].upper() in _REFERENCE_FIELDS else None


def _blank_result(instruction: str, parts: list[str], start: int, found: bool = False) -> None:
    """A field's result, ``parts`` from ``start``, as ``_BLANK_FIELD`` where it shows no author's words: an empty text
    form field (FORMTEXT), which Word and LibreOffice fill with five en spaces (U+2002) for the form's user to type
    over, and the error a field shows where it could make no result (``_field_error``: *Erreur ! Source du renvoi
    introuvable.* where a cross-reference's bookmark is gone, *Error! No text of specified style in document.*). Read as
    text, the first put its spaces in the sentence, the second a sentence of Word's in the author's (its *!* ending the
    author's too); a filled form field, a reference ``found`` (its bookmark in the document: the result is that text,
    *Erreur ! Le serveur ne répond pas.* in a manual listing messages), read as they show."""
    name = (instruction.split() or [""])[0].upper()
    result = "".join(parts[start:])
    if name == "FORMTEXT":  # what the form's user typed, or its five en spaces
        blank = not result.strip()
    else:
        computed = (name in _COMPUTED_FIELDS or name.startswith("=")
                    or (name == "HYPERLINK" and "\\l" in instruction.split()))
        blank = not found and _field_error(result, computed)
    if blank:
        parts[start:] = [_BLANK_FIELD]


def _without_blank_fields(text: str, blank: str) -> str:
    """``text`` without its fields that show nothing (``_BLANK_FIELD``, written ``blank``), each with the spaces around
    it as the line reads without it: one between words (*Je soussigné déclare*), none before a full stop, a comma or a
    closing bracket (*Fait à , le .*: *Fait à, le.*), nor beside a tab (*Nom :⇥⇥Prénom :*), a line's start or end."""
    def space(field: re.Match) -> str:
        before, after = text[field.start() - 1:field.start()], text[field.end():field.end() + 1]
        return " " if before.strip() and after.strip() and after not in ".,…)]" else ""

    return re.sub(rf"[ \u00a0]*{blank}[{blank} \u00a0]*", space, text)


def _docx_paragraphs(path: Path, data: bytes) -> _Reading:
    name = str(path)
    with _open_package(path, data, "a DOCX") as package:
        # the package's relationships name its main part, and the main part's its notes
        main = _main_part(package, name, "DOCX")
        relations = _part_relations(package, main, name)
        related = _docx_targets(relations)
        parts = {kind: _package_xml(package, related[kind], name) if related.get(kind) in package.namelist()
                 else None for kind in ("footnotes", "endnotes", "styles")}
        notes, styles = {kind: parts[kind] for kind in ("footnotes", "endnotes")}, parts["styles"]
        # a SmartArt diagram's text is in its data part, which the drawing names by its relationship's id, and
        # a chart's in its chart part; a document imported whole (altChunk) is a part of its own too
        # each part once, by the first relationship naming it: a part named by thousands (a few bytes each) would be
        # parsed and read as many times, a small package making gigabytes of text
        first = _first_ids(relations)
        once = [(rid, kind, part) for rid, kind, part in relations if rid == first[part]]
        drawings = {rid: _package_xml(package, part, name) for rid, kind, part in once
                    if kind in ("diagramData", *_CHART_KINDS) and part in package.namelist()}
        chunks = {rid: (part, package.read(part)) for rid, kind, part in once
                  if kind == "aFChunk" and part in package.namelist()}
        # the headers and footers a translator translates too (OmegaT, Trados, memoQ), each part once however many
        # sections show it, after the body and its endnotes, headers then footers, as OmegaT orders them
        root = _package_xml(package, main, name)
        settings = _package_xml(package, related["settings"], name) if related.get(
            "settings") in package.namelist() else None
        shown = _shown_headers_and_footers(root, relations, settings)
        furniture = [_package_xml(package, part, name) for part in _headers_and_footers(relations)
                     if part in package.namelist() and (shown is None or part in shown)]
    if not root.tag.endswith("}document"):  # a workbook or a presentation renamed
        raise Invalid(f"not a Word document (its main part is {split_tag(root.tag)[1][:80]!r})", path=name)
    walk = _DocxWalk(_Reading(name), root, notes, styles, drawings, chunks)
    for body in root.iter(walk.w + "body"):
        walk.blocks(body)
    walk.place(walk.endnotes)
    walk.read_furniture(furniture)
    return walk.read


def _without_typed_number(text: str, numbered: set[str]) -> str:
    """``text``, a paragraph of a word processor's document, without the number typed before a tab that numbers it
    by hand (``_TYPED_NUMBER``). A time of day (``_AGENDA_TIME``: *10.30⇥Arrivée des délégations*) is an agenda's
    and stays, unless the section before it was numbered by hand (*7.9⇥* before *7.10⇥*): a writer who numbers
    sections by hand numbers a tenth only after the ninth, and an agenda types no *10.29* before *10.30*; a
    paragraph numbered *10.⇥* or a section *9.1⇥* is no reason to drop an agenda's *10.30⇥* or *9.30⇥*.
    ``numbered``: the numbers typed by hand so far in the document (*7.9*), which this adds to."""
    number = _TYPED_NUMBER.match(text)
    if number is None:
        return text
    typed = number.group().strip(" \t()").rstrip(".")
    if _AGENDA_TIME.match(text):
        section, minor = typed.split(".")
        if f"{section}.{int(minor) - 1}" not in numbered:
            return text
    numbered.add(typed)
    return text[number.end():]


# what sets a header's or a footer's pieces apart on its line besides tabs: a spaced dash, a bar, a dot, a sentence's end
_FURNITURE_SEPARATOR = re.compile(r"(\s+[-–—|·]\s+|(?<=[.!?…])\s+)")
_DANGLING = " -–—|·,:"


def _without_fields(text: str, page: str, generated: str) -> str:
    """A header's or a footer's paragraph less its fields, ``page`` standing for a page's number or count, ``generated``
    for a generated text (a running head, a date), with what labels them and the separators left dangling, piece by
    piece between tabs (its place on the line: left, centre, right), a piece that held nothing else going:
    - a page's number with its label's words (``_page_label``): *OTAN SANS CLASSIFICATION – Page 3 sur 9* keeps its
      marking;
    - a generated text with its label (``_unlabelled``), within its part of the piece (between separators:
      ``_FURNITURE_SEPARATOR``, kept as written between the parts that stay)."""
    pieces = []
    for piece in text.split("\t"):
        if page in piece:
            piece = _page_label(page).sub("", piece).replace(page, "").strip(_DANGLING)
        if generated in piece:
            parts = _FURNITURE_SEPARATOR.split(piece)  # the parts, their separators between them
            kept: list[str] = []
            for index in range(0, len(parts), 2):
                part = _unlabelled(parts[index], generated) if generated in parts[index] else parts[index].strip()
                if part:
                    kept += [parts[index - 1], part] if kept else [part]
            piece = "".join(kept).strip(_DANGLING)
        if piece:
            pieces.append(piece)
    return "\t".join(pieces)


# the content words a label of a generated text holds at most (*Imprimé le*, *Date de création :*, *Last saved on*);
# a title before a date holds more (*Compte rendu de la réunion du*), or is bound by no word (*Rapport annuel 2024*)
_LABEL_WORDS = 2
_LAST_WORD = re.compile(r"(?<!\w)(\w+)\W*$")


def _unlabelled(part: str, generated: str) -> str:
    """``part`` less its generated texts (``generated``) and the function words and colon binding each to the words
    before it (*Imprimé le*, *à*, *Date :*); nothing when what is left is their label: no content word, or two at most
    where a word bound them (*Imprimé*, *Date de création*, *Printed*)."""
    segments = part.split(generated)
    bound = False
    for index in range(len(segments) - 1):  # each one before a field
        segment = segments[index].rstrip(_DANGLING)
        while (word := _LAST_WORD.search(segment)) and word.group(1).casefold() in _FUNCTION_WORD_SET:
            segment, bound = segment[:word.start()].rstrip(_DANGLING), True
        bound = bound or segments[index].rstrip().endswith(":")
        segments[index] = segment
    left = re.sub(r"\s+", " ", " ".join(segments)).strip(_DANGLING)
    content = [word for word in re.findall(r"\w+", left) if word.casefold() not in _FUNCTION_WORD_SET]
    return "" if not content or (bound and len(content) <= _LABEL_WORDS) else left


def _free_characters(text: str, count: int) -> list[str] | None:
    """``count`` private-use characters ``text`` does not hold, to stand for its fields (``_Walk.text``), or None if
    it holds every one (a paragraph of over 137,000 characters, which ``_paragraphs`` refuses)."""
    used = set(text)
    free = (chr(code) for area in ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
            for code in range(*area) if chr(code) not in used)
    found = list(islice(free, count))
    return found if len(found) == count else None


def _headers_and_footers(relations: list[tuple[str, str, str]]) -> list[str]:
    """The header and footer parts the document part names, once each: the headers, then the footers, each by its
    number (header2.xml before header10.xml)."""
    def order(part: str) -> tuple:
        kind = next(kind for _, kind, named in relations if named == part)
        return kind != "header", [int(digits) if digits.isdigit() else digits for digits in re.split(r"(\d+)", part)]

    return sorted({part for _, kind, part in relations if kind in ("header", "footer")}, key=order)


def _shown_headers_and_footers(root, relations: list[tuple[str, str, str]], settings) -> set[str] | None:
    """The header and footer parts a page of the document shows: those its sections name (``w:headerReference``,
    ``w:footerReference``), a first page's only in a section that has one (``w:titlePg``), the even pages' only where
    the settings set them apart (``w:evenAndOddHeaders``), a section naming none of a kind showing the previous
    section's, as ECMA-376 Part 1 §17.10 says. Word keeps a first page's
    header when *Different first page* is unticked, its text shown on no page; None where no section says (a
    generator's document without ``w:sectPr``): every part is read."""
    w = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    sections = [section for section in root.iter(w + "sectPr")
                if section.getparent() is None or section.getparent().tag != w + "sectPrChange"]  # not the old ones
    if not sections:
        return None
    even = settings is not None and _on(settings.find(w + "evenAndOddHeaders"), w)
    targets = {rid: part for rid, kind, part in relations if kind in ("header", "footer")}
    shown = set()
    # each header's and footer's part by its kind, as the sections so far name it: a section that names none of a kind
    # shows the previous section's (its header linked to the previous)
    named: dict[tuple[str, str], str | None] = {}
    for section in sections:
        for reference in section.iterchildren(w + "headerReference", w + "footerReference"):
            named[reference.tag, reference.get(w + "type", "default")] = targets.get(_relation_id(reference))
        kinds = {"default"} | ({"first"} if _on(section.find(w + "titlePg"), w) else set()) | (
            {"even"} if even else set())
        shown |= {part for (_, kind), part in named.items() if kind in kinds}
    return shown


def _first_ids(relations: list[tuple[str, str, str]]) -> dict[str, str]:
    """Each target part's first relationship id."""
    first: dict[str, str] = {}
    for rid, _, part in relations:
        first.setdefault(part, rid)
    return first


_LEGACY = {"DOCX": "a Word 97–2003 document (.doc)", "PPTX": "a PowerPoint 97–2003 presentation (.ppt)"}


@contextmanager
def _open_package(path: Path, data: bytes, kind: str):
    """The ZIP package of a document, ``kind`` of document (``a DOCX``), checked by :func:`check_package`;
    a damaged one, what reading its parts raises included, is one error line."""
    import zipfile

    name, kind = str(path), kind.split()
    if data.startswith(OLE2):  # a file of Office 97–2003 renamed, or saved in that format under the new name
        raise Invalid(f"{_LEGACY.get(kind[-1], 'an Office 97–2003 file')}, not {' '.join(kind)} file: open it and "
                          f"save it as .{kind[-1].lower()}", path=name)
    if not data.startswith(b"PK\x03\x04"):
        raise Invalid(f"not {' '.join(kind)} file (not a ZIP archive)", path=name)
    try:
        check_package(path)
        with zipfile.ZipFile(path) as package:
            yield package
    except (zipfile.BadZipFile, KeyError, *PACKAGE_ERRORS) as exc:
        raise Invalid(f"not a readable {kind[-1]} file ({exc})", path=name) from None


def _main_part(package, path: str, kind: str) -> str:
    """The part an Office package's relationships name as its main one (``word/document.xml``); a package of
    ``kind`` (DOCX) without one is refused."""
    main = _docx_targets(_docx_relations(package, "_rels/.rels", path)).get("officeDocument")
    if main not in package.namelist():
        raise Invalid(f"not a readable {kind} file (no main part)", path=path)
    return main


def _part_relations(package, part: str, path: str) -> list[tuple[str, str, str]]:
    """The relationships of ``part`` (``_docx_relations``), from its relationships part."""
    import posixpath

    folder, base = posixpath.split(part)
    return _docx_relations(package, posixpath.join(folder, "_rels", base + ".rels"), path)


def _docx_relations(package, rels: str, path: str) -> list[tuple[str, str, str]]:
    """The parts a relationships part points to: each relationship's id, its type's last segment
    (``officeDocument``, ``footnotes``: transitional and strict OOXML name types in different namespaces)
    and the part."""
    import posixpath

    source = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/document.xml.rels → word
    relations = []
    if rels in package.namelist():
        for relation in _package_xml(package, rels, path).iter(_RELATIONSHIP):
            target = relation.get("Target", "")
            if relation.get("TargetMode") != "External":
                part = target.lstrip("/") if target.startswith("/") else posixpath.join(source, target)
                relations.append((relation.get("Id", ""), relation.get("Type", "").rpartition("/")[2],
                                  posixpath.normpath(part)))
    return relations


def _docx_targets(relations: list[tuple[str, str, str]]) -> dict[str, str]:
    """The part of each type of relationship, the first."""
    targets: dict[str, str] = {}
    for _, kind, part in relations:
        targets.setdefault(kind, part)
    return targets


def _on(toggle, w: str) -> bool:
    """An on/off property of WordprocessingML (``<w:vanish/>``) is on unless its value says off."""
    return toggle is not None and toggle.get(w + "val", "true").lower() not in ("0", "false", "off")


class _WordStyles:
    """What word/styles.xml says of a run's text: whether it hides it, whether it raises it (superscript).
    The hidden property (``w:vanish``) is a toggle
    property, which ECMA-376 Part 1 §17.7.3 combines thus: a style's value is the first its ``basedOn``
    chain states (an explicit off included); a paragraph's style (the default paragraph style when it names
    none) and its run's character style are combined by XOR; hidden in the document defaults
    (``w:rPrDefault``) is hidden whatever the styles say. A run's own ``w:vanish`` (direct formatting)
    overrides all of them (``_DocxWalk._hidden``)."""

    def __init__(self, root, w: str):
        self.w = w
        self.styles = {} if root is None else {style.get(w + "styleId"): style for style in root.iterfind(w + "style")}
        self.defaults: dict[str, str] = {}  # the default style of each kind
        for style_id, style in self.styles.items():
            if style.get(w + "default", "").lower() in ("1", "true", "on"):
                self.defaults.setdefault(style.get(w + "type", ""), style_id)
        self.by_default = root is not None and _on(root.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr/{w}vanish"), w)
        self.values: dict[tuple[str | None, str, str], object] = {}

    def hidden(self, paragraph: str | None, character: str | None) -> bool:
        """Whether the styles hide a run of the character style ``character`` in a paragraph of the style
        ``paragraph`` (``None``: the run or paragraph names no style)."""
        w = self.w
        return self.by_default or (_on(self._property(paragraph, "paragraph", "vanish"), w)
                                   != _on(self._property(character, "character", "vanish"), w))

    def generated(self, paragraph: str | None) -> bool:
        """Whether the paragraph style ``paragraph`` is one Word gives the entries of a table it generates from
        the document (``_GENERATED_STYLES``: a table of contents, of figures), by its name, which Word writes in
        English whatever the language of its interface (``toc 1``; its id is ``TM1`` in French)."""
        style = self.styles.get(paragraph)
        name = style.find(self.w + "name") if style is not None else None
        return name is not None and _GENERATED_STYLES.fullmatch(name.get(self.w + "val", "")) is not None

    def raised(self, character: str | None) -> bool:
        """Whether the character style ``character`` sets its text in superscript (a note's call's style)."""
        found = self._property(character, "character", "vertAlign")
        return found is not None and found.get(self.w + "val") == "superscript"

    def _property(self, style_id: str | None, kind: str, name: str):
        """The run property ``name`` (``vanish``) that the style ``style_id`` of ``kind`` states, itself or through
        the styles it is based on (the kind's default style when it names none), or None."""
        key = style_id, kind, name
        if key not in self.values:
            w, seen, found = self.w, set(), None
            if style_id not in self.styles:  # none named, or a name the part does not define
                style_id = self.defaults.get(kind)
            while found is None and style_id in self.styles and style_id not in seen:  # a basedOn may loop
                seen.add(style_id)
                style = self.styles[style_id]
                found = style.find(f"{w}rPr/{w}{name}")
                if found is None:
                    based_on = style.find(w + "basedOn")
                    style_id = based_on.get(w + "val") if based_on is not None else None
            self.values[key] = found
        return self.values[key]


def _omml(element, m: str, text: Callable) -> str:
    """An equation's structure (OMML, in a DOCX or a slide) read as its linear text is written (``equations``): the
    signs that are properties, not text (the brackets and separators of a delimiter, one left out ├ or ┤, a
    fraction's bar: a/b, an n-ary operator: ∑, ∫, an accent: x̂, a bar: ¯x, a brace over or under: ⏟(a+b)), and what
    the layout shows: scripts (x^2, x_i), limits (∑_(i=1)^n, lim_(n→∞)), roots, a box (▭(E=mc^2)), an equation
    array (█(x+y=1@x−y=0)), a matrix (■(a&b@c&d)). ``text`` reads an argument (None when missing) as its format's
    runs."""
    tag = element.tag
    properties = element.find(tag + "Pr")

    def sign(name: str, default: str) -> str:
        found = properties.find(m + name) if properties is not None else None
        return default if found is None else found.get(m + "val", "")

    def argument(name: str) -> str:
        return text(element.find(m + name))

    local = tag[len(m):]
    if local in ("sSup", "sSub", "sSubSup", "nary"):
        base = sign("chr", "∫") if local == "nary" else argument("e")
        return scripted(base, argument("sub"), argument("sup")) + (argument("e") if local == "nary" else "")
    if local == "sPre":
        return scripted("", argument("sub"), argument("sup")) + argument("e")
    if local == "limLow":
        return scripted(argument("e"), sub=argument("lim"))
    if local == "limUpp":
        return scripted(argument("e"), sup=argument("lim"))
    if local == "rad":  # a square root's degree is hidden, empty
        return root(argument("e"), argument("deg"))
    if local == "func":  # sin x, and sin(x) as typed
        name, operand = argument("fName"), argument("e")
        return name + ("" if operand[:1] in "([{|" else " ") + operand
    if local == "d":  # a delimiter left out on one side is written ├ or ┤ ({■(…)┤ for cases)
        opening, closing = sign("begChr", "("), sign("endChr", ")")
        return ((opening or "├" * bool(closing)) + sign("sepChr", "|").join(map(text, element.iterfind(m + "e")))
                + (closing or "┤" * bool(opening)))
    if local == "acc":
        return accented(argument("e"), sign("chr", "\u0302"))
    if local == "bar":  # over (top) or under
        return prefixed("¯" if sign("pos", "bot") == "top" else "▁", argument("e"))
    if local == "groupChr":
        return prefixed(sign("chr", "⏟"), argument("e"))
    if local == "borderBox":
        return prefixed("▭", argument("e"))
    if local == "eqArr":  # one row is an equation numbered (E=mc^2#(1)), not an array
        rows = [[text(row)] for row in element.iterfind(m + "e")]
        return grid(rows, "█") if len(rows) > 1 else "".join(rows[0]) if rows else ""
    if local == "m":
        return grid([list(map(text, row.iterfind(m + "e"))) for row in element.iterfind(m + "mr")])
    # a fraction
    return argument("num") + ("/" if sign("type", "bar") != "noBar" else "") + argument("den")


class _DocxWalk(_Walk):
    """WordprocessingML as Word writes it: the text of runs, however they are wrapped (hyperlinks, tracked
    insertions and moves, fields' results, content controls, smart tags), in tables, text boxes (read
    once, though Word writes each twice: for itself and as a fallback for older readers), SmartArt
    diagrams (their data part), charts (their part's titles and labels), equations (their linear text,
    ``_math``; a displayed one a paragraph of its own), footnotes and endnotes, documents imported whole
    (``_chunk``). Left out: tracked deletions (of text, a row, a cell) and text moved away, comments, field
    instructions, generated tables of contents, hidden text (by its own formatting or its styles:
    ``_WordStyles``), a content control's placeholder, a note's mark, a note's call typed in superscript
    (``_raised_run``); a paragraph whose mark is deleted or hidden runs on into the next, as Word shows it, and so
    does a drop cap (Word writes the large first letter as a framed paragraph of its own)."""

    numbered_by_hand = True

    def __init__(self, read: _Reading, root, notes: dict, styles, drawings: dict, chunks: dict):
        # styles: word/styles.xml's root, or None; drawings: the roots of diagrams' data parts and of charts by
        # relationship id; chunks: the imported documents' part names and bytes by relationship id
        super().__init__(read)
        self.drawings, self.chunks = drawings, chunks
        self.w = w = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        self.m = m = _MATH_STRICT if "purl.oclc.org" in w else _MATH
        self.styles = _WordStyles(styles, w)
        self.style: str | None = None  # the style of the paragraph being read
        self.paragraphs = frozenset({w + "p", m + "oMathPara"})  # an equation may stand alone in the body
        self.table, self.row, self.cell = w + "tbl", w + "tr", w + "tc"
        self.cited = {kind: {note.get(w + "id"): note for note in part.iterchildren(w + kind[:-1])}
                      if part is not None else {} for kind, part in notes.items()}
        # the complex fields open: [state, instruction, the parts its result is read in, where it starts]
        self.fields: list[list] = []
        # the bookmarks the document holds: a cross-reference to one shows its text, whatever it says, no error
        self.bookmarks = {mark.get(w + "name") for mark in root.iter(w + "bookmarkStart")} - {None}
        # how many of them are not showing their result (in their instruction, or generating it): their text is not
        # read; counted as they open and close, where asking each open field at each run was quadratic in a damaged
        # document's fields never ended
        self.unread_fields = 0
        self.carried: list[str] = []  # a paragraph's text whose mark is deleted or hidden
        self.held: list = []  # and the notes it cites
        self.marks: set = set()  # a note's custom mark (*, †), in the text citing it and in the note
        self.stories = {w + tag for tag in ("body", "tc", "txbxContent", "footnote", "endnote", "hdr", "ftr")}
        self.dropped = {w + tag for tag in ("del", "moveFrom", "delInstrText", "sdtPr", "pPr", "rPr", "rt")}
        # what a run holds besides its text: a non-breaking hyphen is a hyphen, an optional one is nothing; a
        # line break a LINE_BREAK (a page's or a column's ends the paragraph: ``_leaf``)
        self.characters = {w + "tab": "\t", w + "ptab": "\t", w + "br": LINE_BREAK, w + "cr": LINE_BREAK,
                           w + "noBreakHyphen": "-", w + "softHyphen": ""}
        self.leaves = {*self.characters, *(w + tag for tag in ("t", "sym", "txbxContent", "footnoteReference",
                                                               "endnoteReference")), *_DIAGRAM, *_CHART, *_DRAWING_PROPERTIES,
                       m + "t"}
        self.signs = {m + tag for tag in _OMML_STRUCTURES}

    def skipped(self, element) -> bool:
        w, tag = self.w, element.tag
        if tag in self.dropped:
            return True
        if tag == w + "r":
            return self._hidden(element.find(w + "rPr")) or _on(element.find(f"{w}rPr/{w}specVanish"), w)
        if tag == w + "sdt":  # a placeholder ("Cliquez ici pour entrer du texte"), a table of contents, a check box
            properties = element.find(w + "sdtPr")
            gallery = properties.find(f"{w}docPartObj/{w}docPartGallery") if properties is not None else None
            return properties is not None and (
                _on(properties.find(w + "showingPlcHdr"), w)
                or (gallery is not None and gallery.get(w + "val") == "Table of Contents")
                or properties.find(_CHECK_BOX) is not None)
        if tag == w + "tr":  # a row deleted with changes tracked: accepted, it is gone, whether or not Word marked its
            return element.find(f"{w}trPr/{w}del") is not None  # runs deleted too (other writers mark the row only)
        if tag == w + "tc":  # and a cell
            return element.find(f"{w}tcPr/{w}cellDel") is not None
        if tag == w + "fldSimple":
            return _generated(element.get(w + "instr", ""))
        if tag == w + "p":  # an entry of a table of contents left when its field was unlinked (Ctrl+Shift+F9)
            style = element.find(f"{w}pPr/{w}pStyle")
            return style is not None and self.styles.generated(style.get(w + "val"))
        return _later_alternative(element)

    def span(self, cell) -> int:
        merged = cell.find(f"{self.w}tcPr/{self.w}gridSpan")
        count = merged.get(self.w + "val", "1") if merged is not None else "1"
        return column_span(count)

    def header(self, row) -> bool:
        repeated = row.find(f"{self.w}trPr/{self.w}tblHeader")
        return repeated is not None and _on(repeated, self.w)

    def _hidden(self, properties) -> bool:
        """Whether text with the run properties ``properties`` (a run's ``w:rPr``, a paragraph mark's) is
        hidden: as its own ``w:vanish`` says (direct formatting), else as its styles do."""
        w = self.w
        own = properties.find(w + "vanish") if properties is not None else None
        if own is not None:
            return _on(own, w)
        character = properties.find(w + "rStyle") if properties is not None else None
        return self.styles.hidden(self.style, character.get(w + "val") if character is not None else None)

    def blocks(self, element) -> None:
        if element.tag in _DIAGRAM_DATA or element.tag in _CHART_SPACE:
            for text in _drawing_texts(element):
                self.read.add(text)
            return
        if element.tag == self.w + "altChunk":
            return self._chunk(element)
        if element.tag not in self.stories:
            return super().blocks(element)
        # a paragraph runs on into the next of its story (the body, a cell, a note, a text box) only
        outer, self.carried, self.held = (self.carried, self.held), [], []
        super().blocks(element)
        if self.carried:
            self.read.add("".join(self.carried))
        self.notes[:0] = self.held
        if not self.tables and self.notes:
            notes, self.notes = self.notes, []
            self.place(notes)
        self.carried, self.held = outer

    def paragraph(self, element) -> None:
        w = self.w
        style = element.find(f"{w}pPr/{w}pStyle")
        self.style = style.get(w + "val") if style is not None else None
        parts, self.carried = self.carried, []
        self.inline(element, parts)
        mark = element.find(f"{w}pPr/{w}rPr")
        drop_cap = element.find(f"{w}pPr/{w}framePr")  # Word's drop cap: the first letter a paragraph of its own
        if (mark is not None and (mark.find(w + "del") is not None or mark.find(w + "moveFrom") is not None)
                or self._hidden(mark) or drop_cap is not None and drop_cap.get(w + "dropCap", "none") != "none"):
            self.carried = parts  # its notes wait for the paragraph it runs on into
            self.held, self.notes = self.held + self.notes, []
        else:
            self.read.add(self.text(parts))
            self.notes[:0], self.held = self.held, []

    def inline(self, element, parts: list[str]) -> None:
        w = self.w
        for child in element:
            tag = child.tag
            if tag == w + "fldSimple" and (mark := self._furniture_field(child.get(w + "instr", ""))) is not None:
                parts.append(mark)
                continue
            if not isinstance(tag, str) or self.skipped(child):
                continue
            if tag == w + "fldChar":
                if not self.unread_fields:  # not in a field's instruction
                    parts.append(self._drop_down(child))
                self._field(child.get(w + "fldCharType"), parts)
                if child.get(w + "fldCharType") == "separate" and self.fields and self.fields[-1][0] == "furniture":
                    parts.append(self._furniture_field(self.fields[-1][1]))
            elif tag == w + "instrText":
                if self.fields:
                    self.fields[-1][1] += child.text or ""
            elif tag in self.leaves:
                if not self.unread_fields:  # not in a field's instruction
                    self._leaf(child, parts)
            elif tag == self.m + "oMath" and element.tag == self.m + "oMathPara":  # displayed: a paragraph of its own
                parts.append("\n")
                self.inline(child, parts)
                parts.append("\n")
            elif tag in self.signs:
                self._math(child, parts)
            elif tag == w + "r" and self._raised_run(child, parts):
                pass
            elif tag == _VML_SHAPE and child.find(_VML_IMAGE) is not None:  # a picture as Word 2003 and .doc wrote one
                if not (self.unread_fields or child.get("href") or next(child.iterancestors(w + "hyperlink"), None)
                        is not None):  # (in compatibility mode): its alternative text, but a linked one's
                    style = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+)", child.get("style") or ""))
                    self.notes.extend(said_beside(_icons(image_descriptions(child.get("alt")), *(
                        _centimetres(style.get(side)) for side in ("width", "height"))), *self._beside(child)))
                self.inline(child, parts)
            elif tag == w + "fldSimple":
                start = len(parts)
                self.inline(child, parts)
                if not self.unread_fields:  # not in a field's instruction
                    instruction = child.get(w + "instr", "")
                    _blank_result(instruction, parts, start, _reference_target(instruction) in self.bookmarks)
            else:  # runs and whatever wraps them: hyperlinks, insertions, moves, fields, content controls, equations
                self.inline(child, parts)

    def _raised_run(self, run, parts: list[str]) -> bool:
        """Whether ``run``, set in superscript by its own formatting or its character style, was read after
        ``parts`` as ``_add_raised`` reads a note's call typed as a number (where no ``w:footnoteReference`` makes
        it one: a note typed by hand, a document converted from another format) or a power."""
        w = self.w
        properties = run.find(w + "rPr")
        align = properties.find(w + "vertAlign") if properties is not None else None
        style = properties.find(w + "rStyle") if properties is not None else None
        raised = (align.get(w + "val") == "superscript" if align is not None
                  else self.styles.raised(style.get(w + "val") if style is not None else None))
        return raised and _add_raised(parts, "".join(t.text or "" for t in run.iterfind(w + "t")))

    def _math(self, element, parts: list[str]) -> None:
        """An equation's structure read as its linear text (``_omml``), its arguments as the document's runs."""
        def text(argument) -> str:
            read: list[str] = []
            if argument is not None:
                self.inline(argument, read)
            return "".join(read)

        parts.append(_omml(element, self.m, text))

    def _leaf(self, element, parts: list[str]) -> None:
        """What a run holds: text, characters, a note's mark (the note read after the paragraph), a text box,
        a SmartArt diagram or a chart (read after the paragraph too), a picture's alternative text (after the paragraph,
        as an HTML image's ``alt``: ``_picture_descriptions``)."""
        w, tag = self.w, element.tag
        if element in self.marks:
            return
        if tag in (w + "t", w + "sym", self.m + "t"):
            parts.append(self._text(element))
        elif tag == w + "txbxContent":
            self.notes.append(element)
        elif tag in _DRAWING_PROPERTIES:  # a picture's, not a linked one's (it names the link), nor a shape's
            if _picture(element.getparent()):
                self.notes.extend(said_beside(_picture_descriptions(element), *self._beside(element)))
        elif tag in _DIAGRAM or tag in _CHART:
            drawing = self.drawings.pop(_relation_id(element), None)  # once
            if drawing is not None:
                self.notes.append(drawing)
        elif tag in (w + "footnoteReference", w + "endnoteReference"):
            kind = "footnotes" if tag == w + "footnoteReference" else "endnotes"
            note = self.cited[kind].pop(element.get(w + "id"), None)  # once: a note citing itself is no loop
            if note is not None:
                (self.notes if kind == "footnotes" else self.endnotes).append(note)
                if element.get(w + "customMarkFollows", "0").lower() in ("1", "true", "on"):
                    self._custom_mark(element, note)
        elif tag == w + "br" and element.get(w + "type") in ("page", "column"):
            parts.append("\n")
        else:
            parts.append(self.characters[tag])

    def _beside(self, picture) -> list[str]:
        """The text of the paragraph a picture stands in, and of the paragraphs over and under it (its caption)."""
        paragraph = next(picture.iterancestors(self.w + "p"), None)
        beside = [] if paragraph is None else [paragraph, paragraph.getprevious(), paragraph.getnext()]
        return ["".join(text.text or "" for text in block.iter(self.w + "t")) for block in beside if block is not None]

    def _chunk(self, element) -> None:
        """A document imported whole (``w:altChunk``), as generators write them and Word converts them on
        saving: an HTML page, or one in a MIME message (MHTML, as html-docx-js writes it), or text, read in
        its place; another format (RTF, a DOCX) is refused, not lost."""
        import email
        import posixpath

        rid = next((value for key, value in element.attrib.items() if key.endswith("}id")), None)
        if rid not in self.chunks:
            return
        part, data = self.chunks.pop(rid)
        kind = posixpath.splitext(part)[1].lower()
        if kind in (".mht", ".mhtml"):
            page = next((item for item in email.message_from_bytes(data).walk()
                         if item.get_content_type() == "text/html"), None)
            data, kind = (page.get_payload(decode=True) or b"", ".html") if page is not None else (data, kind)
        path = self.read.path
        if kind in HTML_EXTENSIONS:
            chunk = _html_paragraphs(data, path, titled=False)  # Word shows the page's body, not its title
        elif kind == ".txt":
            chunk = _Reading(path, _text_paragraphs(decode_western_text(data, path, written_by="in an imported text"),
                                                    path))
        else:
            raise Invalid(f"holds a document imported whole ({part}), which tmtool reads only as HTML or text: "
                              "open it in Word and save it, which converts it", path=path)
        start = len(self.read.paragraphs)
        self.read.paragraphs.extend(chunk.paragraphs)
        self.read.rows.extend(tuple(start + cell for cell in row) for row in chunk.rows)

    def _text(self, element) -> str:
        w = self.w
        if element.tag in (w + "t", self.m + "t"):
            return element.text or ""
        return _symbol(element.get(w + "font", ""), element.get(w + "char", ""))

    def _custom_mark(self, reference, note) -> None:
        """A note's custom mark, the text that follows its reference in the run (``customMarkFollows``),
        is no text: neither there nor where Word repeats it, as the note's first text."""
        w = self.w
        mark = next(reference.itersiblings(w + "t", w + "sym"), None)
        first = next(note.iter(w + "t", w + "sym"), None)
        if mark is not None:
            self.marks.add(mark)
            if first is not None and self._text(first).strip() == self._text(mark).strip():
                self.marks.add(first)

    def _furniture_field(self, instruction: str) -> _FieldMark | None:
        """What a field of a header or a footer is, which the word processor generates there: a page's number or count
        (``_PAGE_FIELDS``), another generated text (``_GENERATED_TEXT_FIELDS``: a running head, a date), else None."""
        name = (instruction.split() or [""])[0].upper()
        return (None if not self.furniture else _PAGE_NUMBER if name in _PAGE_FIELDS
                else _GENERATED_TEXT if name in _GENERATED_TEXT_FIELDS else None)

    def _drop_down(self, field) -> str:
        """The entry a legacy drop-down form field shows (FORMDROPDOWN), which it holds as no result: its list's
        (``w:ddList``) chosen one (``w:result``), else its default, else its first; nothing for another field."""
        w = self.w
        choices = field.find(f"{w}ffData/{w}ddList")
        if choices is None:
            return ""
        entries = [entry.get(w + "val", "") for entry in choices.iterfind(w + "listEntry")]
        chosen = choices.find(w + "result")
        chosen = chosen if chosen is not None else choices.find(w + "default")
        index = chosen.get(w + "val", "0") if chosen is not None else "0"
        return entries[int(index)] if index.isdecimal() and int(index) < len(entries) else ""

    def _field(self, kind: str | None, parts: list[str]) -> None:
        """A complex field's begin, separate and end: its instruction is never text; its result is, unless
        the field generates it from the document (a table of contents), or it shows no author's words
        (``_blank_result``), read in ``parts``, the paragraph's, from its separator to its end."""
        if kind == "begin":
            self.fields.append(["instruction", "", None, 0])
            self.unread_fields += 1
        elif kind == "separate" and self.fields:
            field = self.fields[-1]
            self.unread_fields -= field[0] != "result"
            field[0] = ("generated" if _generated(field[1]) else "furniture"
                        if self._furniture_field(field[1]) is not None else "result")
            self.unread_fields += field[0] != "result"
            field[2:] = parts, len(parts)
        elif kind == "end" and self.fields:
            state, instruction, result_parts, start = self.fields.pop()
            self.unread_fields -= state != "result"
            # a result read within one paragraph, not inside another field's instruction
            if state == "result" and result_parts is parts and not self.unread_fields:
                _blank_result(instruction, parts, start, _reference_target(instruction) in self.bookmarks)


