"""Documents from disk: plain text, HTML, DOCX, ODT, PPTX, ODP and PDF become a ``Document`` of paragraphs.

The format is decided by the extension and checked against the bytes: a ``.txt`` that is really a ZIP
archive, a PDF or binary data is refused with one clear line instead of being read as garbage. Files
with other extensions (the gold sets use ``test0.fr``) are read as plain text when their bytes are text.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import TmtoolError
from ..io.decoding import BOMS, decode_western_text
from ..io.xmlsafe import (PACKAGE_ERRORS, PASSWORD_PROTECTED, check_package, check_prolog, password_protected,
                          split_tag)
from ..langtags import normalize_tag
from ..model import Document
from .langid import check_language
from .normalize import visible

HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
DOCX_EXTENSIONS = {".docx"}
ODT_EXTENSIONS = {".odt"}
PPTX_EXTENSIONS = {".pptx"}
ODP_EXTENSIONS = {".odp"}
PDF_EXTENSIONS = {".pdf"}
# the one list of what ingest, extract and the workbench read, in the order messages name them
DOCUMENT_EXTENSIONS = (".txt", ".html", ".htm", ".xhtml", ".docx", ".odt", ".pptx", ".odp", ".pdf")
# about 15,000 words: ten times the longest paragraph of a real report, far below a runaway line
MAX_PARAGRAPH_CHARS = 100_000

# magic numbers of formats that are not documents we read, to name them in the error
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (DOCX, ODT, PPTX, XLSX …)"),
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office (OLE) file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x1f\x8b", "a gzip archive"),
)
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return mean binary data
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MARKUP_START = re.compile(r"\s*<(\?xml|!doctype|html)", re.IGNORECASE)
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")  # collapse HTML whitespace, but keep no-break spaces
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# what browsers decode a declared charset as (the WHATWG Encoding Standard): Latin-1 and ASCII pages are
# read as Windows-1252, whose quotation marks and dashes they hold in 0x80-0x9F; a page cannot be UTF-16
# by its own declaration, which it could not have been read to find
_BROWSER_ENCODINGS = {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8", "utf-16-le": "utf-8",
                      "utf-16-be": "utf-8"}
# a Western code page a page declares while its bytes are UTF-8, which no Western text in that code page
# makes (é would read Ã©): the page's template was never changed when its site went over to UTF-8, which its
# server says in the HTTP header that browsers follow and a saved page loses
_WESTERN_CODE_PAGES = {"cp1252", "iso8859-15"}


def read_document(path: str | Path, *, lang: str | None = None) -> Document:
    """Read a .txt (or other plain-text), .html/.htm, .docx, .odt, .pptx, .odp or .pdf file into paragraphs.

    Plain text: UTF-8 (BOM optional), UTF-16/32 with BOM, or Windows-1252 said in a notice; every line
    is a paragraph (blank lines are separators too). Paragraphs are stripped and empty ones dropped. A
    table cell of HTML, DOCX, ODT or a presentation is a paragraph of its own, and the document's ``rows``
    say which cells make a row. A DOCX or ODT is read as it shows with its tracked changes accepted, an HTML page for its
    article (``_html_paragraphs``), a presentation slide by slide with its speaker notes (``_SlidesWalk``),
    a PDF's paragraphs rebuilt from its layout (:mod:`tmtool.text.pdf`).
    ``lang`` is normalised to BCP 47, and a text that is clearly in another language (of fr, en, de) is
    refused.
    """
    path = Path(path)
    name = str(path)
    data = path.read_bytes()
    if not data.strip():
        raise TmtoolError("empty document (no text)", path=name)
    ext = path.suffix.lower()
    if ext in (*DOCX_EXTENSIONS, *ODT_EXTENSIONS, *PPTX_EXTENSIONS, *ODP_EXTENSIONS) and password_protected(data):
        raise TmtoolError(PASSWORD_PROTECTED, path=name)
    if ext in DOCX_EXTENSIONS:
        read = _docx_paragraphs(path, data)
    elif ext in ODT_EXTENSIONS:
        read = _odt_paragraphs(path, data)
    elif ext in PPTX_EXTENSIONS:
        read = _pptx_paragraphs(path, data)
    elif ext in ODP_EXTENSIONS:
        read = _odp_paragraphs(path, data)
    elif ext in PDF_EXTENSIONS:
        read = _pdf_paragraphs(path, data, lang)
    else:
        _refuse_binary_formats(data, name)
        if ext in HTML_EXTENSIONS:
            read = _html_paragraphs(data, name)
        else:
            text = decode_western_text(data, name, written_by="what Windows editors save as ANSI text in Western Europe")
            read = _Reading(name, _text_paragraphs(text, name))
    if not read.paragraphs:
        raise TmtoolError("empty document (no text)", path=name)
    document = Document(path=name, paragraphs=tuple(read.paragraphs), lang=normalize_tag(lang) if lang else None,
                        rows=tuple(read.rows))
    if document.lang:
        # the English version given as the French side would otherwise align into a nonsense memory
        check_language(document, document.lang)
    return document


def _refuse_binary_formats(data: bytes, path: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise TmtoolError(f"is {what}, not plain text or HTML (DOCX, ODT, PPTX, ODP and PDF are read by their "
                              "extension)", path=path)


def _text_paragraphs(text: str, path: str) -> list[str]:
    if _MARKUP_START.match(text):
        raise TmtoolError(
            "is XML or HTML markup, not plain text (name HTML pages .html; TMX, XLIFF and TBX files are "
            "imported, not read as documents)",
            path=path,
        )
    match = _CONTROL.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise TmtoolError(
            f"binary data, not text (control character U+{ord(match.group()):04X})", path=path, line=line
        )
    return _paragraphs([text], path, numbered=True)


def _paragraphs(blocks: Iterable[str], path: str, *, numbered: bool = False) -> list[str]:
    """Each line of each block is a paragraph; stripped, empty ones dropped, and without the characters
    that show nothing (``visible``).

    A line longer than ``MAX_PARAGRAPH_CHARS`` is refused: it is data, not prose, and segmenting and
    aligning it would take minutes. ``numbered``: the lines are the file's, so the error names one.
    """
    paragraphs = []
    for number, line in enumerate((line for block in blocks for line in block.splitlines()), 1):
        if len(line) > MAX_PARAGRAPH_CHARS:
            raise TmtoolError(
                f"a paragraph {len(line):,} characters long (at most {MAX_PARAGRAPH_CHARS:,} are read); "
                "is this a document?",
                path=path,
                line=number if numbered else None,
            )
        line = visible(line).strip()
        if line:
            paragraphs.append(line)
    return paragraphs


@dataclass(slots=True)
class _Reading:
    """A document's paragraphs as its blocks are read, and its table rows (``Document.rows``)."""

    path: str
    paragraphs: list[str] = field(default_factory=list)
    rows: list[tuple[int, ...]] = field(default_factory=list)

    def add(self, block: str) -> None:
        self.paragraphs.extend(_paragraphs([block], self.path))

    def add_row(self, cells: Iterable[range]) -> None:
        """A table row, each cell the range of paragraphs read from it; kept when each cell with text
        is one paragraph (a cell holding a table is not a column of text)."""
        cells = [cell for cell in cells if cell]
        if cells and all(len(cell) == 1 for cell in cells):
            self.rows.append(tuple(cell.start for cell in cells))


# ---- HTML ----

# what a page holds besides its article: code, the page's menus, banner, footer and side bars (the
# elements and the ARIA roles that name them), controls, the fallback text of media a browser plays,
# dialogs: windows over the page (cookie consent, newsletter, log-in), never its article, and not shown
# until opened, deleted text (a correction struck through, Word's tracked deletions), read as a
# document's tracked changes are, accepted, ruby annotations (the reading of the text they annotate), and
# the other forms of an equation that MathML keeps beside the one shown (its TeX source, as MathJax and
# Wikipedia write it)
_DROPPED = ("script", "style", "nav", "header", "footer", "aside", "noscript", "template", "button", "select",
            "datalist", "textarea", "video", "audio", "canvas", "iframe", "object", "svg", "dialog", "del", "rt",
            "rp", "annotation", "annotation-xml")
_DROPPED_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
# a cookie notice outside the article, by the id or class a site or its consent manager gives it
# (#cookie-banner, .bandeau-cookies, #onetrust-consent-sdk, #CybotCookiebotDialog, #tarteaucitronRoot, #didomi-host)
_CONSENT_NOTICE = re.compile(r"cookie|consent|gdpr|rgpd|tarteaucitron|didomi", re.IGNORECASE)
_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# text for screen readers only ("(ouvre une nouvelle fenêtre)" in a link, a skip link), by the class CSS
# frameworks and CMSs hide it with: Bootstrap's sr-only and visually-hidden, WordPress's screen-reader-text,
# Drupal's element-invisible, the French State's fr-sr-only
_SCREEN_READER_ONLY = re.compile(
    r"(?:.+-)?(?:sr-only|visually-?hidden|screen-reader-text|element-invisible)(?:-focusable)?", re.IGNORECASE)
# the list of comments Word writes at the end of a page it saves; Google Docs' calls of a comment, and the link
# back to its call that opens each comment at the end of the page
_WORD_COMMENTS = re.compile(r"mso-element\s*:\s*comment-list", re.IGNORECASE)
_GOOGLE_COMMENT_CALL, _GOOGLE_COMMENT_BACK = re.compile(r"#cmnt\d+"), re.compile(r"#cmnt_ref\d+")
# a link to a place in the page holding a note's number or sign is a note's call (or its way back)
_NOTE_MARK = re.compile(r"\s*\[?\s*(\d{1,3}|[ivx]{1,5}|[*†‡§]{1,3}|[↩↑^]\ufe0e?)\s*\]?\s*")
# elements that start and end a paragraph; everything else is inline text
_BLOCKS = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "legend", "li",
    "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "br",
}  # fmt: skip


def _html_paragraphs(data: bytes, path: str) -> _Reading:
    """The article of a page: its ``<main>`` (or the element whose role is main), else its body; in it,
    the ``<article>`` holding the most text when there is one (the story, not the teasers of others)."""
    import lxml.html
    from lxml import etree

    # lxml refuses str input that carries an XML declaration (XHTML); the text is already decoded
    text = _XML_DECLARATION.sub("", _decode_html(data, path), count=1)
    # the HTML parser ignores a DOCTYPE's internal subset: its entities would come out as "&name;" text
    check_prolog(io.BytesIO(text.encode("utf-8")), path)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise TmtoolError(f"cannot parse HTML: {exc}", path=path) from None
    for element in [element for element in root.iter() if isinstance(element.tag, str) and _left_out(element)]:
        element.drop_tree()
    for fraction in root.iter("mfrac"):  # a MathML fraction read as its linear text is written (a/b), as Word's
        if len(fraction) == 2:
            fraction[0].tail = "/" + (fraction[0].tail or "")
    read = _Reading(path)
    main = next((e for e in root.iter() if e.tag == "main" or e.get("role") == "main"), None)
    for scope in (main, root.find("body")):
        if scope is not None and not read.paragraphs:  # a main without text is no article: the body is read
            articles = list(scope.iter("article"))
            _collect_blocks(max(articles, key=lambda a: len(a.text_content())) if articles else scope, read, [])
    return read


def _left_out(element) -> bool:
    """What a reader of the page does not read as its text: ``_DROPPED``, a cookie notice, what is not
    shown (the hidden attribute, an inline style, a class for screen readers only), a note's call, a
    reviewer's comments."""
    if element.tag == "header" and any(a.tag in ("article", "main", "section") for a in element.iterancestors()):
        return False  # the header of an article or of the main content holds its title; the page's is its banner
    return (element.tag in _DROPPED or element.get("role") in _DROPPED_ROLES
            or (bool(_CONSENT_NOTICE.search(f'{element.get("id", "")} {element.get("class", "")}'))
                and element.tag not in ("html", "body")
                and not any(a.tag in ("article", "main") or a.get("role") == "main" for a in element.iterancestors()))
            or element.get("hidden") not in (None, "until-found")  # found: the closed part of an accordion
            or bool(_NOT_SHOWN.search(element.get("style", "")))
            or any(_SCREEN_READER_ONLY.fullmatch(name) for name in element.get("class", "").split())
            or (element.tag == "a" and element.get("href", "").startswith("#")
                and bool(_NOTE_MARK.fullmatch(element.text_content())))
            or _comment(element))


def _comment(element) -> bool:
    """A reviewer's comment or its call, in a page a word processor saved: Word's calls (``[AD1]``) and the
    list of comments at the page's end; Google Docs' calls (``[a]``, a link to ``#cmnt1``) and each comment,
    a division at the page's end opening with a link back to its call."""
    if element.tag == "a":
        return ("msocomanchor" in element.get("class", "").split()
                or bool(_GOOGLE_COMMENT_CALL.fullmatch(element.get("href", ""))))
    if element.tag == "div":
        back = element.find("p/a[@href]")
        return bool(_WORD_COMMENTS.search(element.get("style", ""))) or (
            back is not None and bool(_GOOGLE_COMMENT_BACK.fullmatch(back.get("href"))))
    return False


def _decode_html(data: bytes, path: str) -> str:
    """A BOM, else the charset the page declares (``<meta charset>``, else an XHTML page's XML
    declaration), read as browsers read its name (ISO-8859-1 is Windows-1252), unless it is a Western code
    page and the bytes are UTF-8 (``_WESTERN_CODE_PAGES``, said in a notice); else UTF-8, else
    Windows-1252 as browsers in Western Europe read a page that declares none."""
    declared = _META_CHARSET.search(data[:4096]) or _XML_ENCODING.match(data)
    if declared and not any(data.startswith(bom) for bom, _ in BOMS):
        name = declared.group(1).decode("ascii")
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            raise TmtoolError(f"the page declares an unknown charset {name!r}", path=path) from None
        encoding = _BROWSER_ENCODINGS.get(encoding, encoding)
        if encoding in _WESTERN_CODE_PAGES and not data.isascii():
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                logging.getLogger("tmtool.text").info("%s: declares charset %s but is UTF-8, read as UTF-8", path, name)
                return text
        if encoding != "utf-8":
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise TmtoolError(f"not valid {name} (as declared) at byte {exc.start}", path=path) from None
    return decode_western_text(data, path, written_by="as browsers in Western Europe read a page declaring no charset")


_NAVIGATION_WORDS = 2


class _Linked(str):
    """Text inside a link (``_flush`` weighs how much of a paragraph is links)."""


def _collect_blocks(element, read: _Reading, current: list[str], linked: bool = False) -> None:
    """Walk the tree in document order; a block element flushes the text gathered so far."""
    # an equation displayed apart is a paragraph of its own (MathML's display="block")
    is_block = isinstance(element.tag, str) and (element.tag in _BLOCKS or element.tag == "math"
                                                 and element.get("display") == "block")
    if is_block:
        _flush(read, current)
    if element.tag == "pre":  # preformatted: its lines are lines, as a text file's are
        for line in element.text_content().splitlines():
            _flush(read, [line])
        return
    linked = linked or element.tag == "a"
    text = _Linked if linked else str
    if element.text:
        current.append(text(element.text))
    cells = []
    for child in element:
        start = len(read.paragraphs)
        _collect_blocks(child, read, current, linked)
        if child.tag in ("td", "th"):
            cells.append(range(start, len(read.paragraphs)))
        if child.tail:
            current.append(text(child.tail))
    if is_block:
        _flush(read, current)
    if element.tag == "tr":
        read.add_row(cells)


def _flush(read: _Reading, current: list[str]) -> None:
    """The text gathered so far is a paragraph, unless it is links: a menu, a breadcrumb, a bar of
    sharing buttons, a list of related pages, a footer's links, where a page marks none of them as such.
    Links make half its letters or more (jusText's link density, Pomikálek 2011) and it has no more than
    ``_NAVIGATION_WORDS`` words of its own (*Partager :*), where a sentence citing links has its own
    (*Le Conseil a publié* | *son rapport* | *et* | *une carte*)."""
    text = _ASCII_SPACE.sub(" ", "".join(current)).strip()
    own = "".join(part for part in current if not isinstance(part, _Linked))
    letters, own_letters = sum(c.isalnum() for c in "".join(current)), sum(c.isalnum() for c in own)
    navigation = 2 * own_letters <= letters and sum(any(c.isalnum() for c in w) for w in own.split()) <= _NAVIGATION_WORDS
    if text and not navigation:
        read.add(text)
    current.clear()


# ---- DOCX and ODT ----


class _Walk(ABC):
    """A word processor's paragraphs and table cells in document order, the part both formats share.

    A note's paragraphs (and a text box's) come right after the paragraph that cites it (after the table,
    for one in a cell, so that a row stays one paragraph a cell), its mark dropped; endnotes come at the
    end. What ``skipped`` says is no text of the document (deleted, hidden, comments, generated) is passed
    over with all it holds. A format names its elements and reads a paragraph's content (``inline``)."""

    paragraphs: frozenset[str]  # the elements that are paragraphs
    table = row = cell = ""

    def __init__(self, read: _Reading):
        self.read = read
        self.notes: list = []  # cited in the block being read
        self.endnotes: list = []
        self.tables = 0  # how deep in tables the walk is

    @abstractmethod
    def skipped(self, element) -> bool:
        """Whether ``element`` holds no text of the document (deleted, hidden, a comment, generated)."""

    @abstractmethod
    def inline(self, element, parts: list[str]) -> None:
        """Add the text of a paragraph's content ``element`` to ``parts``."""

    def paragraph(self, element) -> None:
        parts: list[str] = []
        self.inline(element, parts)
        self.read.add("".join(parts))

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
            self.blocks(note)

    def _table(self, table) -> None:
        for row in self._within(table, self.row):
            cells = []
            for cell in self._within(row, self.cell):
                start = len(self.read.paragraphs)
                self.blocks(cell)
                cells.append(range(start, len(self.read.paragraphs)))
            self.read.add_row(cells)

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
    from ..io.xmlsafe import parse_xml

    with package.open(part) as stream:
        try:
            return parse_xml(stream).getroot()
        except TmtoolError as exc:  # named after the part: name the file too
            raise TmtoolError(str(exc), path=path) from None


_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Office Math (OMML), in transitional and strict OOXML
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MATH_STRICT = "{http://purl.oclc.org/ooxml/officeDocument/math}"
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
# a DrawingML paragraph's parts that hold no text of it: a field's (a slide's number, the date: generated) and
# the properties
_NO_DRAWING_TEXT = {"fld", "pPr", "rPr", "endParaRPr"}
# fields whose result the word processor generates from the document: a table of contents repeats the
# headings with page numbers (as ODT's indexes, left out)
_GENERATED_FIELDS = ("TOC", "INDEX", "TOA", "BIBLIOGRAPHY")


# Word writes a character inserted from a symbol font as the font's code in the private use area
# (U+F000 + the code): the Symbol font's letters and the signs of measures are text (5 µm, ± 2 °C); the
# pictures of Wingdings and the like are not
_SYMBOL_FONT = dict(zip(
    range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")) | dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")) | {
    0x2D: "−", 0xA3: "≤", 0xA5: "∞", 0xAC: "←", 0xAE: "→", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•",
    0xB8: "÷", 0xB9: "≠", 0xBB: "≈", 0xD6: "√", 0xE5: "∑"}  # fmt: skip


def _later_alternative(element) -> bool:
    """Whether ``element`` is an alternative of an ``mc:AlternateContent`` other than its first: content
    written in alternatives (for newer readers and a fallback for older ones) is read once, the first."""
    return element.tag in (_MC + "Choice", _MC + "Fallback") and element is not next(
        element.getparent().iterchildren(_MC + "Choice", _MC + "Fallback"))


def _relation_id(reference) -> str | None:
    """The relationship id a drawing's reference to a part gives: a chart's ``r:id``, a diagram's data ``r:dm``."""
    return next((value for key, value in reference.attrib.items() if key.endswith(("}id", "}dm"))), None)


def _drawing_text(element, parts: list[str] | None = None) -> str:
    """The text of a DrawingML paragraph (``a:p`` of a slide's shape, a table cell, a chart's title): its
    runs', a line break a space (a slide's title or bullet breaks where it wraps on the slide), no field's
    (a slide's number, the date), an alternative once (``_later_alternative``: an equation's OMML, not its
    picture)."""
    parts = [] if parts is None else parts
    for child in element:
        if not isinstance(child.tag, str) or _later_alternative(child):
            continue
        local = split_tag(child.tag)[1]
        if local == "t":
            parts.append(child.text or "")
        elif local == "br":
            parts.append(" ")
        elif local not in _NO_DRAWING_TEXT:
            _drawing_text(child, parts)
    return "".join(parts)


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
                yield "".join("\n" if part.tag.endswith("}br") else part.text or ""
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
        drawings = {rid: _package_xml(package, part, name) for rid, kind, part in relations
                    if kind in ("diagramData", *_CHART_KINDS) and part in package.namelist()}
        chunks = {rid: (part, package.read(part)) for rid, kind, part in relations
                  if kind == "aFChunk" and part in package.namelist()}
        root = _package_xml(package, main, name)
    if not root.tag.endswith("}document"):  # a workbook or a presentation renamed
        raise TmtoolError(f"not a Word document (its main part is {split_tag(root.tag)[1][:80]!r})", path=name)
    walk = _DocxWalk(_Reading(name), root, notes, styles, drawings, chunks)
    for body in root.iter(walk.w + "body"):
        walk.blocks(body)
    walk.place(walk.endnotes)
    return walk.read


@contextmanager
def _open_package(path: Path, data: bytes, kind: str):
    """The ZIP package of a document, ``kind`` of document (``a DOCX``), checked by :func:`check_package`;
    a damaged one, what reading its parts raises included, is one error line."""
    import zipfile

    name, kind = str(path), kind.split()
    if not data.startswith(b"PK\x03\x04"):
        raise TmtoolError(f"not {' '.join(kind)} file (not a ZIP archive)", path=name)
    try:
        check_package(path)
        with zipfile.ZipFile(path) as package:
            yield package
    except (zipfile.BadZipFile, KeyError, *PACKAGE_ERRORS) as exc:
        raise TmtoolError(f"not a readable {kind[-1]} file ({exc})", path=name) from None


def _main_part(package, path: str, kind: str) -> str:
    """The part an Office package's relationships name as its main one (``word/document.xml``); a package of
    ``kind`` (DOCX) without one is refused."""
    main = _docx_targets(_docx_relations(package, "_rels/.rels", path)).get("officeDocument")
    if main not in package.namelist():
        raise TmtoolError(f"not a readable {kind} file (no main part)", path=path)
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
    """Whether word/styles.xml hides a run's text. The hidden property (``w:vanish``) is a toggle
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
        self.values: dict[tuple[str | None, str], bool] = {}

    def hidden(self, paragraph: str | None, character: str | None) -> bool:
        """Whether the styles hide a run of the character style ``character`` in a paragraph of the style
        ``paragraph`` (``None``: the run or paragraph names no style)."""
        return self.by_default or self._value(paragraph, "paragraph") != self._value(character, "character")

    def _value(self, style_id: str | None, kind: str) -> bool:
        key = style_id, kind
        if key not in self.values:
            w, seen, value = self.w, set(), None
            if style_id not in self.styles:  # none named, or a name the part does not define
                style_id = self.defaults.get(kind)
            while value is None and style_id in self.styles and style_id not in seen:  # a basedOn may loop
                seen.add(style_id)
                style = self.styles[style_id]
                vanish = style.find(f"{w}rPr/{w}vanish")
                if vanish is not None:
                    value = _on(vanish, w)
                else:
                    based_on = style.find(w + "basedOn")
                    style_id = based_on.get(w + "val") if based_on is not None else None
            self.values[key] = bool(value)
        return self.values[key]


class _DocxWalk(_Walk):
    """WordprocessingML as Word writes it: the text of runs, however they are wrapped (hyperlinks, tracked
    insertions and moves, fields' results, content controls, smart tags), in tables, text boxes (read
    once, though Word writes each twice: for itself and as a fallback for older readers), SmartArt
    diagrams (their data part), charts (their part's titles and labels), equations (their linear text,
    ``_math``; a displayed one a paragraph of its own), footnotes and endnotes, documents imported whole
    (``_chunk``). Left out: tracked deletions and text moved away, comments, field instructions, generated
    tables of contents, hidden text (by its own formatting or its styles: ``_WordStyles``), a content
    control's placeholder, a note's mark; a paragraph whose mark is
    deleted or hidden runs on into the next, as Word shows it, and so does a drop cap (Word writes the
    large first letter as a framed paragraph of its own)."""

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
        self.fields: list[list] = []  # the complex fields open: [state, instruction]
        self.carried: list[str] = []  # a paragraph's text whose mark is deleted or hidden
        self.held: list = []  # and the notes it cites
        self.marks: set = set()  # a note's custom mark (*, †), in the text citing it and in the note
        self.stories = {w + tag for tag in ("body", "tc", "txbxContent", "footnote", "endnote")}
        self.dropped = {w + tag for tag in ("del", "moveFrom", "delInstrText", "sdtPr", "pPr", "rPr", "rt")}
        # what a run holds besides its text: a non-breaking hyphen is a hyphen, an optional one is nothing
        self.characters = {w + "tab": "\t", w + "ptab": "\t", w + "br": "\n", w + "cr": "\n",
                           w + "noBreakHyphen": "-", w + "softHyphen": ""}
        self.leaves = {*self.characters, *(w + tag for tag in ("t", "sym", "txbxContent", "footnoteReference",
                                                               "endnoteReference")), *_DIAGRAM, *_CHART, m + "t"}
        self.signs = {m + tag for tag in ("d", "f", "nary")}  # an equation's structures whose signs are properties

    def skipped(self, element) -> bool:
        w, tag = self.w, element.tag
        if tag in self.dropped:
            return True
        if tag == w + "r":
            return self._hidden(element.find(w + "rPr")) or _on(element.find(f"{w}rPr/{w}specVanish"), w)
        if tag == w + "sdt":  # a placeholder ("Cliquez ici pour entrer du texte"), or a table of contents
            properties = element.find(w + "sdtPr")
            gallery = properties.find(f"{w}docPartObj/{w}docPartGallery") if properties is not None else None
            return properties is not None and (
                _on(properties.find(w + "showingPlcHdr"), w)
                or (gallery is not None and gallery.get(w + "val") == "Table of Contents"))
        if tag == w + "fldSimple":
            return _generated(element.get(w + "instr", ""))
        return _later_alternative(element)

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
            self.read.add("".join(parts))
            self.notes[:0], self.held = self.held, []

    def inline(self, element, parts: list[str]) -> None:
        w = self.w
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or self.skipped(child):
                continue
            if tag == w + "fldChar":
                self._field(child.get(w + "fldCharType"))
            elif tag == w + "instrText":
                if self.fields:
                    self.fields[-1][1] += child.text or ""
            elif tag in self.leaves:
                if all(state == "result" for state, _ in self.fields):  # not in a field's instruction
                    self._leaf(child, parts)
            elif tag == self.m + "oMath" and element.tag == self.m + "oMathPara":  # displayed: a paragraph of its own
                parts.append("\n")
                self.inline(child, parts)
                parts.append("\n")
            elif tag in self.signs:
                self._math(child, parts)
            else:  # runs and whatever wraps them: hyperlinks, insertions, moves, fields, content controls, equations
                self.inline(child, parts)

    def _math(self, element, parts: list[str]) -> None:
        """The signs of an equation (OMML, read as its linear text is written) that are properties, not text:
        the brackets and separators of a delimiter, a fraction's bar (a/b), an n-ary operator (∑, ∫)."""
        m, tag = self.m, element.tag
        properties = element.find(tag + "Pr")

        def sign(name: str, default: str) -> str:
            found = properties.find(m + name) if properties is not None else None
            return default if found is None else found.get(m + "val", "")

        if tag == m + "nary":
            parts.append(sign("chr", "∫"))
        elif tag == m + "d":
            parts.append(sign("begChr", "("))
        arguments = 0
        for argument in element:
            if argument.tag == m + "den" and sign("type", "bar") != "noBar":
                parts.append("/")
            elif argument.tag == m + "e" and tag == m + "d":
                parts.append(sign("sepChr", "|") if arguments else "")
                arguments += 1
            self.inline(argument, parts)
        if tag == m + "d":
            parts.append(sign("endChr", ")"))

    def _leaf(self, element, parts: list[str]) -> None:
        """What a run holds: text, characters, a note's mark (the note read after the paragraph), a text box,
        a SmartArt diagram or a chart (read after the paragraph too)."""
        w, tag = self.w, element.tag
        if element in self.marks:
            return
        if tag in (w + "t", w + "sym", self.m + "t"):
            parts.append(self._text(element))
        elif tag == w + "txbxContent":
            self.notes.append(element)
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
        else:
            parts.append(self.characters[tag])

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
            chunk = _html_paragraphs(data, path)
        elif kind == ".txt":
            chunk = _Reading(path, _text_paragraphs(decode_western_text(data, path, written_by="in an imported text"),
                                                    path))
        else:
            raise TmtoolError(f"holds a document imported whole ({part}), which tmtool reads only as HTML or text: "
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

    def _field(self, kind: str | None) -> None:
        """A complex field's begin, separate and end: its instruction is never text; its result is, unless
        the field generates it from the document (a table of contents)."""
        if kind == "begin":
            self.fields.append(["instruction", ""])
        elif kind == "separate" and self.fields:
            field = self.fields[-1]
            field[0] = "generated" if _generated(field[1]) else "result"
        elif kind == "end" and self.fields:
            self.fields.pop()


# ---- PDF ----


def _pdf_paragraphs(path: Path, data: bytes, lang: str | None) -> _Reading:
    from .pdf import pdf_paragraphs

    if not data.startswith(b"%PDF") and b"%PDF-" not in data[:1024]:  # readers allow junk before the header
        raise TmtoolError("not a PDF file (no %PDF header)", path=str(path))
    read = _Reading(str(path))
    for paragraph in pdf_paragraphs(path, lang):
        read.add(paragraph)
    return read


# ---- ODT ----

_ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
# deleted text kept for change tracking, comments, a placeholder's prompt (<Entrez le texte>), a ruby
# annotation (the reading of the text it annotates, as a DOCX's w:rt), and what
# the word processor generates (a table of contents repeats the headings with page numbers; a heading's or
# list item's computed number)
_ODT_SKIPPED = {_TEXT + "tracked-changes", _OFFICE + "annotation", _TEXT + "placeholder", _TEXT + "number",
                _TEXT + "note-citation", _TEXT + "ruby-text"} | {
    _TEXT + index for index in ("table-of-content", "alphabetical-index", "illustration-index", "table-index",
                                "object-index", "user-index", "bibliography")}
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
# the family of the style an element names: each family names its styles apart
_ODT_FAMILIES = {_TEXT + "p": "paragraph", _TEXT + "h": "paragraph", _TEXT + "section": "section",
                 _TEXT + "span": "text", _TEXT + "a": "text"}
_MAX_SPACES = 100  # a text:s repeats a space c times; a hostile c would fill the memory
_XLINK = "{http://www.w3.org/1999/xlink}"
_MATHML = "{http://www.w3.org/1998/Math/MathML}"
_CHART_ODF = "{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}"


def _mathml_text(element, parts: list[str] | None = None) -> str:
    """A MathML equation (a formula LibreOffice embeds) read as its linear text is written: its tokens in
    order, a fraction a/b, not its annotations (the formula's source: StarMath, TeX)."""
    parts = [] if parts is None else parts
    for index, child in enumerate(element):
        local = split_tag(child.tag)[1] if isinstance(child.tag, str) else "annotation"
        if local in ("annotation", "annotation-xml"):
            continue
        if index == 1 and element.tag == _MATHML + "mfrac":
            parts.append("/")
        parts.append((child.text or "").strip())  # MathML trims a token's spaces
        _mathml_text(child, parts)
    return "".join(parts)


def _odt_paragraphs(path: Path, data: bytes) -> _Reading:
    root, styles, objects = _odf_parts(path, data, "an ODT", _ODT_MIMETYPE)
    walk = _OdtWalk(_Reading(str(path)), root, styles, objects)
    for body in root.iter(_OFFICE + "text"):
        walk.blocks(body)
    walk.place(walk.endnotes)
    return walk.read


def _odf_parts(path: Path, data: bytes, kind: str, mimetype: str):
    """The roots of an OpenDocument package's content.xml and styles.xml (None without one) and of the
    objects it embeds (a formula, a chart: ``Object 1/content.xml``) by their folder, the package ``kind`` of
    document (``an ODT``) of ``mimetype``."""
    name = str(path)
    with _open_package(path, data, kind) as package:
        if "mimetype" in package.namelist():
            found = package.read("mimetype").decode("ascii", "replace").strip()
            if found != mimetype:
                raise TmtoolError(f"not an OpenDocument {mimetype.rpartition('.')[2]} (its mimetype is {found[:80]!r})",
                                  path=name)
        root = _package_xml(package, "content.xml", name)
        styles = _package_xml(package, "styles.xml", name) if "styles.xml" in package.namelist() else None
        objects = {part.rpartition("/")[0]: _package_xml(package, part, name) for part in package.namelist()
                   if part.endswith("/content.xml") and part.count("/") == 1}
    return root, styles, objects


class _OdtWalk(_Walk):
    """ODF text as LibreOffice writes it: paragraphs, headings, list items, table cells, footnotes,
    endnotes, text boxes and the text of shapes (after the paragraph they are anchored in, as a DOCX text
    box's; a shape's title and description are no text of the page), embedded objects: a formula (its linear
    text, in its sentence when anchored as a character) and a chart (its titles). Left out: deleted text kept for
    change tracking, comments, indexes and computed numbers (``_ODT_SKIPPED``), and hidden text: a section
    displayed as none, hidden text and hidden paragraph fields, and what a style displays as none
    (LibreOffice's Hidden character attribute), the document's own automatic styles (direct formatting)
    or the named ones of styles.xml, itself or through the styles it inherits from
    (``style:parent-style-name``), the first that says how to display the text deciding."""

    paragraphs = frozenset({_TEXT + "p", _TEXT + "h"})
    table, row, cell = _TABLE + "table", _TABLE + "table-row", _TABLE + "table-cell"
    line_break = "\n"  # a line of its own, as a DOCX line break is

    def __init__(self, read: _Reading, root, styles, objects: dict):
        super().__init__(read)
        self.objects = objects
        defined = {(style.get(_STYLE + "family"), style.get(_STYLE + "name")): style
                   for part, where in ((styles, "styles"), (root, "automatic-styles")) if part is not None
                   for style in part.iterfind(f"{_OFFICE}{where}/{_STYLE}style")}
        self.hidden_styles = {key for key in defined if self._displays_none(defined, key)}

    @staticmethod
    def _displays_none(defined: dict, key: tuple) -> bool:
        family, seen = key[0], set()
        while key in defined and key not in seen:  # a parent may loop
            seen.add(key)
            display = defined[key].find(f"{_STYLE}text-properties[@{_TEXT}display]")
            if display is not None:
                return display.get(_TEXT + "display") == "none"
            key = family, defined[key].get(_STYLE + "parent-style-name")
        return False

    def skipped(self, element) -> bool:
        return (element.tag in _ODT_SKIPPED or element.get(_TEXT + "display") == "none"
                or (_ODT_FAMILIES.get(element.tag), element.get(_TEXT + "style-name")) in self.hidden_styles
                or (element.tag == _TEXT + "hidden-text" and element.get(_TEXT + "is-hidden") == "true")
                or (element.tag in self.paragraphs and any(  # a hidden paragraph field whose condition holds
                    field.get(_TEXT + "is-hidden") == "true"
                    and next(field.iterancestors(*self.paragraphs)) is element  # not a note's in it
                    for field in element.iter(_TEXT + "hidden-paragraph"))))

    def _embedded(self, reference):
        """The root of the object a ``draw:object`` embeds (a formula's MathML, a chart's document), if any."""
        href = reference.get(_XLINK + "href", "") if reference is not None else ""
        return self.objects.get(href.removeprefix("./").rstrip("/"))

    def blocks(self, element) -> None:
        if element.tag != _DRAW + "object":
            return super().blocks(element)
        embedded = self._embedded(element)
        if embedded is None:
            return
        if embedded.tag == _MATHML + "math":  # a formula of its own
            self.read.add(_mathml_text(embedded))
        for title in embedded.iter(_CHART_ODF + "title", _CHART_ODF + "subtitle"):  # a chart's, its axes'
            super().blocks(title)

    def inline(self, element, parts: list[str]) -> None:
        # ODF collapses white space in the text; spaces, tabs and line breaks are elements
        if element.text:
            parts.append(_ASCII_SPACE.sub(" ", element.text))
        for child in element:
            if child.tag == _TEXT + "s":
                count = child.get(_TEXT + "c", "1")
                parts.append(" " * min(int(count) if count.isdigit() else 1, _MAX_SPACES))
            elif child.tag == _TEXT + "tab":
                parts.append("\t")
            elif child.tag == _TEXT + "line-break":
                parts.append(self.line_break)
            elif child.tag == _TEXT + "note":
                body = child.find(_TEXT + "note-body")
                if body is not None:
                    (self.endnotes if child.get(_TEXT + "note-class") == "endnote" else self.notes).append(body)
            elif (child.tag == _DRAW + "frame" and child.get(_TEXT + "anchor-type") == "as-char"
                  and (formula := self._embedded(child.find(_DRAW + "object"))) is not None
                  and formula.tag == _MATHML + "math"):
                parts.append(_mathml_text(formula))  # a formula in its sentence, as a Word equation
            elif isinstance(child.tag, str) and child.tag.startswith(_DRAW) and child.tag != _DRAW + "a":
                self.notes.append(child)  # a frame, a shape, a group: their paragraphs, never their title
            elif isinstance(child.tag, str) and not self.skipped(child):
                self.inline(child, parts)
            if child.tail:
                parts.append(_ASCII_SPACE.sub(" ", child.tail))


# ---- presentations: PPTX and ODP ----

_PRESENTATIONML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_DRAWINGML, _DRAWINGML_STRICT = ("{http://schemas.openxmlformats.org/drawingml/2006/main}",
                                 "{http://purl.oclc.org/ooxml/drawingml/main}")
# placeholders that hold what the application generates or repeats on every slide, as a document's header and
# footer: the date, the footer, the slide's number, a notes page's header and its picture of the slide
_REPEATED_PLACEHOLDERS = {"dt", "ftr", "sldNum", "hdr", "sldImg"}
_TITLE_PLACEHOLDERS = {"title", "ctrTitle"}


def _pptx_paragraphs(path: Path, data: bytes) -> _Reading:
    """A PowerPoint presentation's slides in the order it shows them (the presentation part's list of slides,
    not the parts' names), each slide's speaker notes after its text, hidden slides left out."""
    name = str(path)
    with _open_package(path, data, "a PPTX") as package:
        main = _main_part(package, name, "PPTX")
        root = _package_xml(package, main, name)
        if not root.tag.endswith("}presentation"):  # a document or a workbook renamed
            raise TmtoolError(f"not a PowerPoint presentation (its main part is {split_tag(root.tag)[1][:80]!r})",
                              path=name)
        slides = {rid: part for rid, kind, part in _part_relations(package, main, name) if kind == "slide"}
        walk = _SlidesWalk(_Reading(name), package, _DRAWINGML_STRICT if "purl.oclc.org" in root.tag else _DRAWINGML)
        for listed in root.iterfind("{*}sldIdLst/{*}sldId"):
            part = slides.get(_relation_id(listed))
            if part not in package.namelist():
                continue
            slide = _package_xml(package, part, name)
            if slide.get("show", "1").lower() in ("0", "false"):  # hidden: not shown when presenting
                continue
            relations = walk.slide(slide, part)
            for notes in (part for _, kind, part in relations if kind == "notesSlide" and part in package.namelist()):
                walk.slide(_package_xml(package, notes, name), notes)
    return walk.read


def _placeholder(shape) -> str | None:
    """The type of placeholder a slide's shape is (``title``, ``body`` …), None when it is none."""
    placeholder = shape.find("*/{*}nvPr/{*}ph")
    return None if placeholder is None else placeholder.get("type", "obj")


class _SlidesWalk(_Walk):
    """A slide's text (or a notes page's) as PowerPoint shows it: each shape's paragraphs, the title's first,
    then the shapes in the order of the slide's shape tree (PowerPoint's reading order, which screen readers
    follow), groups' shapes in their place, tables cell by cell, SmartArt diagrams, charts' titles and labels.
    Left out: hidden shapes, fields (the slide's number, the date), the date, footer and number placeholders
    repeated on every slide, a notes page's picture of its slide."""

    def __init__(self, read: _Reading, package, a: str):
        super().__init__(read)
        self.package, self.part = package, ""
        self.paragraphs = frozenset({a + "p"})
        self.table, self.row, self.cell = a + "tbl", a + "tr", a + "tc"
        self.drawings: dict[str, str] = {}  # the part's diagrams' and charts' parts by relationship id

    def slide(self, root, part: str) -> list[tuple[str, str, str]]:
        """Read the slide or notes page ``root``, the package's ``part``; its relationships."""
        relations = _part_relations(self.package, part, self.read.path)
        self.drawings = {rid: target for rid, kind, target in relations if kind in ("diagramData", *_CHART_KINDS)}
        self.blocks(root)
        return relations

    def skipped(self, element) -> bool:
        shape = element.find("*/{*}cNvPr")  # a shape's, a group's, a table's or a picture's properties
        return (_later_alternative(element) or _placeholder(element) in _REPEATED_PLACEHOLDERS
                or (shape is not None and shape.get("hidden", "0").lower() in ("1", "true")))

    def order(self, element):
        """A shape tree's title first (``sorted`` keeps the others in their order)."""
        if not element.tag.endswith(("}spTree", "}grpSp")):
            return element
        return sorted(element, key=lambda shape: _placeholder(shape) not in _TITLE_PLACEHOLDERS)

    def inline(self, element, parts: list[str]) -> None:
        parts.append(_drawing_text(element))

    def blocks(self, element) -> None:
        if element.tag in _CHART or element.tag in _DIAGRAM:
            part = self.drawings.pop(_relation_id(element), None)  # once
            if part in self.package.namelist():
                for text in _drawing_texts(_package_xml(self.package, part, self.read.path)):
                    self.read.add(text)
            return
        super().blocks(element)


_PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_ODP_MIMETYPE = "application/vnd.oasis.opendocument.presentation"
# what Impress generates: the slide's number, the date and time, the footer and header it repeats on every slide
_ODP_FIELDS = {_TEXT + "page-number", _TEXT + "page-count", _TEXT + "date", _TEXT + "time",
               _PRESENTATION + "date-time", _PRESENTATION + "footer", _PRESENTATION + "header"}
# the frames that hold them, and a notes page's picture of its slide
_ODP_REPEATED = {"page-number", "date-time", "footer", "header", "page"}


def _odp_paragraphs(path: Path, data: bytes) -> _Reading:
    root, styles, objects = _odf_parts(path, data, "an ODP", _ODP_MIMETYPE)
    walk = _OdpWalk(_Reading(str(path)), root, styles, objects)
    for body in root.iter(_OFFICE + "presentation"):
        walk.blocks(body)
    return walk.read


class _OdpWalk(_OdtWalk):
    """An Impress presentation's slides in their order (the document's), each one's title first, then its
    frames and shapes in their order (the reading order), its speaker notes last; a line break a space, as in a
    PPTX (``_drawing_text``). Left out, besides what an ODT leaves out: hidden slides (their style's
    ``presentation:visibility``), hidden shapes (``draw:display``), the fields and frames Impress generates
    or repeats on every slide (``_ODP_FIELDS``, ``_ODP_REPEATED``)."""

    line_break = " "

    def __init__(self, read: _Reading, root, styles, objects: dict):
        super().__init__(read, root, styles, objects)
        self.hidden_slides = {
            style.get(_STYLE + "name") for style in root.iterfind(f"{_OFFICE}automatic-styles/{_STYLE}style")
            if style.get(_STYLE + "family") == "drawing-page" and any(
                properties.get(_PRESENTATION + "visibility") == "hidden"
                for properties in style.iterfind(_STYLE + "drawing-page-properties"))}

    def skipped(self, element) -> bool:
        return (super().skipped(element) or element.tag in _ODP_FIELDS
                or element.get(_PRESENTATION + "class") in _ODP_REPEATED
                or element.get(_DRAW + "display") in ("none", "printer")  # a shape not shown on the screen
                or (element.tag == _DRAW + "page" and element.get(_DRAW + "style-name") in self.hidden_slides))

    def order(self, element):
        if element.tag != _DRAW + "page":
            return element
        return sorted(element, key=lambda child: (child.tag == _PRESENTATION + "notes")
                      - (child.get(_PRESENTATION + "class") == "title"))
