"""Documents from disk: plain text, HTML, DOCX, ODT and PDF become a ``Document`` of paragraphs.

The format is decided by the extension and checked against the bytes: a ``.txt`` that is really a ZIP
archive, a PDF or binary data is refused with one clear line instead of being read as garbage. Files
with other extensions (the gold sets use ``test0.fr``) are read as plain text when their bytes are text.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import TmtoolError
from ..io.decoding import BOMS, decode_text
from ..io.xmlsafe import check_package, check_prolog
from ..langtags import normalize_tag
from ..model import Document
from .langid import check_language

HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
DOCX_EXTENSIONS = {".docx"}
ODT_EXTENSIONS = {".odt"}
PDF_EXTENSIONS = {".pdf"}
# the one list of what ingest, extract and the workbench read, in the order messages name them
DOCUMENT_EXTENSIONS = (".txt", ".html", ".htm", ".xhtml", ".docx", ".odt", ".pdf")
# about 15,000 words: ten times the longest paragraph of a real report, far below a runaway line
MAX_PARAGRAPH_CHARS = 100_000

# magic numbers of formats that are not documents we read, to name them in the error
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (DOCX, ODT, XLSX …)"),
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


def read_document(path: str | Path, *, lang: str | None = None) -> Document:
    """Read a .txt (or other plain-text), .html/.htm, .docx, .odt or .pdf file into paragraphs.

    Plain text: UTF-8 (BOM optional) or UTF-16/32 with BOM; every line is a paragraph (blank lines are
    separators too). Paragraphs are stripped and empty ones dropped. A table cell of HTML or DOCX is a
    paragraph of its own, and the document's ``rows`` say which cells make a row (HTML, DOCX, ODT). A
    PDF's paragraphs are rebuilt from its layout (:mod:`tmtool.text.pdf`). ``lang`` is normalised
    to BCP 47, and a text that is clearly in another language (of fr, en, de) is refused.
    """
    path = Path(path)
    name = str(path)
    data = path.read_bytes()
    if not data.strip():
        raise TmtoolError("empty document (no text)", path=name)
    ext = path.suffix.lower()
    if ext in DOCX_EXTENSIONS:
        read = _docx_paragraphs(path, data)
    elif ext in ODT_EXTENSIONS:
        read = _odt_paragraphs(path, data)
    elif ext in PDF_EXTENSIONS:
        read = _pdf_paragraphs(path, data, lang)
    else:
        _refuse_binary_formats(data, name)
        if ext in HTML_EXTENSIONS:
            read = _html_paragraphs(data, name)
        else:
            read = _Reading(name, _text_paragraphs(decode_text(data, name), name))
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
            raise TmtoolError(f"is {what}, not plain text or HTML (DOCX, ODT and PDF are read by their extension)",
                              path=path)


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
    """Each line of each block is a paragraph; stripped, empty ones dropped.

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
        if line.strip():
            paragraphs.append(line.strip())
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

_DROPPED = ("script", "style", "nav", "header", "footer", "aside", "noscript", "template", "button")
# elements that start and end a paragraph; everything else is inline text
_BLOCKS = {
    "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
}  # fmt: skip


def _html_paragraphs(data: bytes, path: str) -> _Reading:
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
    for element in list(root.iter(*_DROPPED)):
        if element.tag == "header" and any(a.tag == "article" for a in element.iterancestors()):
            continue  # an article's own header holds its title; the page's header is navigation
        element.drop_tree()
    content = next(iter(root.iter("article")), None)
    if content is None:
        content = next(iter(root.iter("main")), None)
    if content is None:
        content = root.find("body")
    read = _Reading(path)
    if content is not None:
        _collect_blocks(content, read, [])
    return read


def _decode_html(data: bytes, path: str) -> str:
    """A BOM, else the ``<meta charset>`` the page declares, else UTF-8."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not any(data.startswith(bom) for bom, _ in BOMS):
        name = declared.group(1).decode("ascii")
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            raise TmtoolError(f"the page declares an unknown charset {name!r}", path=path) from None
        if encoding != "utf-8":
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise TmtoolError(f"not valid {name} (as declared) at byte {exc.start}", path=path) from None
    return decode_text(data, path)


def _collect_blocks(element, read: _Reading, current: list[str]) -> None:
    """Walk the tree in document order; a block element flushes the text gathered so far."""
    is_block = isinstance(element.tag, str) and element.tag in _BLOCKS
    if is_block:
        _flush(read, current)
    if element.text:
        current.append(element.text)
    cells = []
    for child in element:
        start = len(read.paragraphs)
        _collect_blocks(child, read, current)
        if child.tag in ("td", "th"):
            cells.append(range(start, len(read.paragraphs)))
        if child.tail:
            current.append(child.tail)
    if is_block:
        _flush(read, current)
    if element.tag == "tr":
        read.add_row(cells)


def _flush(read: _Reading, current: list[str]) -> None:
    text = _ASCII_SPACE.sub(" ", "".join(current)).strip()
    if text:
        read.add(text)
    current.clear()


# ---- DOCX ----


def _docx_paragraphs(path: Path, data: bytes) -> _Reading:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    if not data.startswith(b"PK\x03\x04"):
        raise TmtoolError("not a DOCX file (not a ZIP archive)", path=str(path))
    try:
        # python-docx parses the package's XML parts with its own parser
        check_package(path)
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise TmtoolError(f"not a readable DOCX file ({exc})", path=str(path)) from None
    read = _Reading(str(path))
    _docx_blocks(document, read)
    return read


def _docx_blocks(container, read: _Reading) -> None:
    """Paragraphs and table cells in document order (a merged cell once), nested tables included, and
    each table row."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen = set()  # a merged cell appears once per grid column and per row it spans
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        start = len(read.paragraphs)
                        _docx_blocks(cell, read)
                        cells.append(range(start, len(read.paragraphs)))
                read.add_row(cells)
        else:
            read.add(block.text)


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
# deleted text kept for change tracking, comments, and what the word processor generates (a table of
# contents repeats the headings with page numbers; a heading's or list item's computed number)
_ODT_SKIPPED = {_TEXT + "tracked-changes", _OFFICE + "annotation", _TEXT + "number", _TEXT + "note-citation"} | {
    _TEXT + index for index in ("table-of-content", "alphabetical-index", "illustration-index", "table-index",
                                "object-index", "user-index", "bibliography")}
_ODT_ROW_GROUPS = {_TABLE + "table-header-rows", _TABLE + "table-rows", _TABLE + "table-row-group"}
_MAX_SPACES = 100  # a text:s repeats a space c times; a hostile c would fill the memory


def _odt_paragraphs(path: Path, data: bytes) -> _Reading:
    import zipfile

    from ..io.xmlsafe import parse_xml

    name = str(path)
    if not data.startswith(b"PK\x03\x04"):
        raise TmtoolError("not an ODT file (not a ZIP archive)", path=name)
    try:
        check_package(path)
        with zipfile.ZipFile(path) as package:
            if "mimetype" in package.namelist():
                mimetype = package.read("mimetype").decode("ascii", "replace").strip()
                if mimetype != _ODT_MIMETYPE:
                    raise TmtoolError(f"not an OpenDocument text (its mimetype is {mimetype[:80]!r})", path=name)
            with package.open("content.xml") as stream:
                try:
                    root = parse_xml(stream).getroot()
                except TmtoolError as exc:  # named after the part: name the file too
                    raise TmtoolError(str(exc), path=name) from None
    except (zipfile.BadZipFile, KeyError) as exc:
        raise TmtoolError(f"not a readable ODT file ({exc})", path=name) from None
    walk = _OdtWalk(_Reading(name))
    for body in root.iter(_OFFICE + "text"):
        walk.blocks(body)
    walk.place(walk.endnotes)
    return walk.read


class _OdtWalk:
    """Paragraphs, headings, list items and table cells in document order. A footnote's paragraphs come
    right after the paragraph that cites it (after the table, for a note in a cell, so that a row stays
    one paragraph a cell), its mark dropped; endnotes come at the end; a text box's paragraphs, like a
    footnote's, after its paragraph."""

    def __init__(self, read: _Reading):
        self.read = read
        self.notes: list = []  # cited in the block being read
        self.endnotes: list = []
        self.tables = 0  # how deep in tables the walk is

    def blocks(self, element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _ODT_SKIPPED:
                continue
            if child.tag in (_TEXT + "p", _TEXT + "h"):
                parts: list[str] = []
                self._inline(child, parts)
                self.read.add("".join(parts))
            elif child.tag == _TABLE + "table":
                self.tables += 1
                self._table(child)
                self.tables -= 1
            else:  # sections, lists and their items, and whatever else holds paragraphs
                self.blocks(child)
            if not self.tables and self.notes:
                notes, self.notes = self.notes, []
                self.place(notes)

    def place(self, notes: list) -> None:
        for note in notes:
            self.blocks(note)

    def _table(self, table) -> None:
        for row in table:
            if row.tag in _ODT_ROW_GROUPS:
                self._table(row)
            elif row.tag == _TABLE + "table-row":
                cells = []
                for cell in row.iterchildren(_TABLE + "table-cell"):  # a covered cell is merged into another
                    start = len(self.read.paragraphs)
                    self.blocks(cell)
                    cells.append(range(start, len(self.read.paragraphs)))
                self.read.add_row(cells)

    def _inline(self, element, parts: list[str]) -> None:
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
                parts.append("\n")  # a line of its own, as a DOCX line break is
            elif child.tag == _TEXT + "note":
                body = child.find(_TEXT + "note-body")
                if body is not None:
                    (self.endnotes if child.get(_TEXT + "note-class") == "endnote" else self.notes).append(body)
            elif child.tag == _DRAW + "frame":
                self.notes.extend(child.iterchildren(_DRAW + "text-box"))
            elif isinstance(child.tag, str) and child.tag not in _ODT_SKIPPED:
                self._inline(child, parts)
            if child.tail:
                parts.append(_ASCII_SPACE.sub(" ", child.tail))
