"""OpenDocument text (ODT): LibreOffice's and Word's .odt, read as it shows."""

from __future__ import annotations

import re
from itertools import islice
from pathlib import Path

from ...errors import Invalid
from .base import _ASCII_SPACE, LINE_BREAK, _add_raised, _raised, _Reading, column_span, image_descriptions, said_beside
from .equations import mathml_text
from .office import (_GENERATED_TEXT, _PAGE_NUMBER, _blank_result, _centimetres, _icons, _open_package, _package_xml,
                     _Walk)


_ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
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
# the rows and columns of a chart's table read, and the labels of a range, however far a hostile address says
_MAX_REPEATED = 1000
# a cell in a chart's range address: local-table.$B$1, the corners of local-table.$A$2:.$A$5
_CELL = re.compile(r"\.\$?([A-Z]{1,3})\$?(\d{1,7})")
_XLINK = "{http://www.w3.org/1999/xlink}"
_MATHML = "{http://www.w3.org/1998/Math/MathML}"
_CHART_ODF = "{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}"
_LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"  # LibreOffice's extensions
# a field LibreOffice keeps as Word's (a fieldmark: its start, its separator, its result, its end; before LibreOffice
# 7.2, no separator, its result all it holds), a legacy text form field among them, its type as LibreOffice names it
# and as older versions named Word's
_FIELDMARK = "{urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0}"
_FORM_TEXT = {"vnd.oasis.opendocument.field.FORMTEXT", "msoffice.field.FORMTEXT", "ecma.office-open-xml.field.FORMTEXT"}
# the fields whose text a Word document saved as ODT keeps as Word last showed it, its error too (a cross-reference, a
# document's property, a hyperlink field's), or that LibreOffice fills with its own (a reference it cannot find)
_REFERENCES = {_TEXT + name for name in ("bookmark-ref", "reference-ref", "sequence-ref", "note-ref", "user-defined",
                                         "a")}
# the cross-references among them, and the elements naming what they show (``text:ref-name``), by their name's attribute
_CROSS_REFERENCES = {_TEXT + name for name in ("bookmark-ref", "reference-ref", "sequence-ref", "note-ref")}
_TARGETS = {**{_TEXT + name: _TEXT + "name" for name in ("bookmark", "bookmark-start", "reference-mark",
                                                          "reference-mark-start")},
            _TEXT + "sequence": _TEXT + "ref-name", _TEXT + "note": _TEXT + "id"}
# a page style's headers and footers (styles.xml's ``style:master-page``), its first page's as ODF 1.3 names them and as
# LibreOffice writes them in ODF 1.2 extended (``loext:``), each read unless it is switched off
_HEADERS = ("header", "header-first", "header-left")
_FOOTERS = ("footer", "footer-first", "footer-left")
# the fields a header or a footer numbers its pages with (*Page 3 sur 9*), generated on each page, and those whose text
# it generates there: a running head (the chapter's heading), the date and time, the file's or template's name
_PAGE_FIELDS = {_TEXT + "page-number", _TEXT + "page-count"}
_GENERATED_TEXT_FIELDS = {_TEXT + name for name in (
    "chapter", "date", "time", "file-name", "template-name", "creation-date", "creation-time", "modification-date",
    "modification-time", "print-date", "print-time", "editing-duration")}


def _chart_labels(chart) -> list[str]:
    """A chart's series names, then its categories' labels, those with letters (not years), as a DOCX chart's
    (``office._chart``): the cells of the chart's own table (``local-table``, its copy of the data) that its
    series' label addresses and its categories' range name."""
    table = chart.find(_TABLE + "table")
    if table is None:
        return []
    name, categories = table.get(_TABLE + "name", ""), next(chart.iter(_CHART_ODF + "categories"), None)
    # each series' name is a cell; the categories' labels a range
    ranges = [found[:2] * 2 for series in chart.iter(_CHART_ODF + "series")
              if (found := _range(series.get(_CHART_ODF + "label-cell-address"), name)) is not None]
    labels = _range(categories.get(_TABLE + "cell-range-address"), name) if categories is not None else None
    ranges += [labels] if labels is not None else []
    if not ranges:
        return []
    grid: list[list[str]] = []  # the table's rows as far as the ranges reach, a row's cells as far as they do
    rows, columns = max(found[2] for found in ranges) + 1, max(found[3] for found in ranges) + 1
    for row in table.iter(_TABLE + "table-row"):
        cells: list[str] = []
        for cell in row.iterfind(_TABLE + "table-cell"):
            text = " ".join("".join(paragraph.itertext()) for paragraph in cell.iterfind(_TEXT + "p"))
            cells.extend([text] * min(_repeated(cell, "columns"), columns - len(cells)))
            if len(cells) == columns:
                break
        grid.extend([cells] * min(_repeated(row, "rows"), rows - len(grid)))
        if len(grid) == rows:
            break
    texts = [text for top, left, bottom, right in ranges for text in islice(
        (row[column] for row in grid[top:bottom + 1] for column in range(left, min(right + 1, len(row)))),
        _MAX_REPEATED)]
    return [text for text in texts if any(character.isalpha() for character in text)]


def _range(address: str | None, table: str) -> tuple[int, int, int, int] | None:
    """The first, last row and column (from 0) of a chart's cell or range address in its ``table``
    (``local-table.$B$1``, ``local-table.$A$2:.$A$5``), as far as ``_MAX_REPEATED`` reaches; None for an address
    in another table (a document's table the chart was made from, whose rows the chart's copy need not keep)."""
    address = address or ""
    if not address.removeprefix("'").startswith(table + ("'." if address.startswith("'") else ".")):
        return None
    corners = [(min(int(number) - 1, _MAX_REPEATED), min(_column(letters), _MAX_REPEATED))
               for letters, number in _CELL.findall(address)[:2]]
    return (*corners[0], *corners[-1]) if corners else None


def _repeated(element, what: str) -> int:
    """How many times a table's ``element`` (a row, a cell) stands for itself (``table:number-rows-repeated``)."""
    count = element.get(f"{_TABLE}number-{what}-repeated", "1")
    return int(count) if count.isdecimal() else 1


def _column(letters: str) -> int:
    """A column's index by its letters: A 0, Z 25, AA 26."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _odt_paragraphs(path: Path, data: bytes) -> _Reading:
    root, styles, objects = _odf_parts(path, data, "an ODT", _ODT_MIMETYPE)
    walk = _OdtWalk(_Reading(str(path)), root, styles, objects)
    for body in root.iter(_OFFICE + "text"):
        walk.blocks(body)
    walk.place(walk.endnotes)
    walk.read_furniture(_headers_and_footers(styles, root))
    return walk.read


def _headers_and_footers(styles, content) -> list:
    """The headers, then the footers, of each page style of styles.xml that a page of the document uses
    (``_used_page_styles``), in its order (as OmegaT reads them, after the body): a page's, its first page's, its left
    pages'; not one switched off (``style:display="false"``: a left page's that repeats the right page's)."""
    if styles is None:
        return []
    pages = styles.findall(f"{_OFFICE}master-styles/{_STYLE}master-page")
    used = _used_page_styles(pages, styles, content)
    pages = [page for page in pages if page.get(_STYLE + "name") in used]
    return [part for kinds in (_HEADERS, _FOOTERS) for page in pages for kind in kinds
            for part in page.iterchildren(_STYLE + kind, _LOEXT + kind) if part.get(_STYLE + "display") != "false"]


def _used_page_styles(pages: list, styles, content) -> set[str]:
    """The names of the page styles (``pages``) a page of the document uses: the default one (LibreOffice's
    *Standard*, else the first), those that the styles of the body's paragraphs and tables name, themselves or through
    their parents (``style:master-page-name``: a page break into a page style, a landscape annex), and those that each of these
    names for its next page (``style:next-style-name``: a first page's style followed by another). A page style
    no page uses (a template's *Envelope*, *Landscape* never applied) has headers and footers no page shows."""
    names = [page.get(_STYLE + "name") for page in pages]
    used = {"Standard" if "Standard" in names else names[0]} if names else set()
    defined: dict[tuple, object] = {}  # the paragraph and table styles by family and name, content.xml's first
    for part, where in ((content, "automatic-styles"), (styles, "styles"), (styles, "automatic-styles")):
        for style in part.iterfind(f"{_OFFICE}{where}/{_STYLE}style"):
            defined.setdefault((style.get(_STYLE + "family"), style.get(_STYLE + "name")), style)

    def master(family: str, name: str | None) -> str | None:  # a style's page style, its own or its parents'
        seen = set()
        while (family, name) in defined and name not in seen:  # a parent may loop
            seen.add(name)
            style = defined[family, name]
            if style.get(_STYLE + "master-page-name"):
                return style.get(_STYLE + "master-page-name")
            name = style.get(_STYLE + "parent-style-name")
        return None

    names_used = {("paragraph", element.get(_TEXT + "style-name")) for body in content.iter(_OFFICE + "body")
                  for element in body.iter(_TEXT + "p", _TEXT + "h")} | {
        ("table", element.get(_TABLE + "style-name")) for body in content.iter(_OFFICE + "body")
        for element in body.iter(_TABLE + "table")}
    used |= {page for page in (master(*key) for key in names_used) if page}
    following = {page.get(_STYLE + "name"): page.get(_STYLE + "next-style-name") for page in pages}
    waiting = list(used)
    while waiting:
        after = following.get(waiting.pop())
        if after and after not in used:
            used.add(after)
            waiting.append(after)
    return used


def _odf_parts(path: Path, data: bytes, kind: str, mimetype: str):
    """The roots of an OpenDocument package's content.xml and styles.xml (None without one) and of the
    objects it embeds (a formula, a chart: ``Object 1/content.xml``) by their folder, the package ``kind`` of
    document (``an ODT``) of ``mimetype``."""
    name = str(path)
    with _open_package(path, data, kind) as package:
        if "mimetype" in package.namelist():
            found = package.read("mimetype").decode("ascii", "replace").strip()
            if found != mimetype:
                raise Invalid(f"not an OpenDocument {mimetype.rpartition('.')[2]} (its mimetype is {found[:80]!r})",
                                  path=name)
        root = _package_xml(package, "content.xml", name)
        styles = _package_xml(package, "styles.xml", name) if "styles.xml" in package.namelist() else None
        objects = {part.rpartition("/")[0]: _package_xml(package, part, name) for part in package.namelist()
                   if part.endswith("/content.xml") and part.count("/") == 1}
    return root, styles, objects


def _fieldmark_instruction(start) -> str:
    """The field a fieldmark (``field:fieldmark-start``) keeps of a Word document: FORMTEXT for a text form field, else
    its code as LibreOffice keeps it in a parameter (``STYLEREF 1 \\s``), else nothing."""
    if start.get(_FIELDMARK + "type") in _FORM_TEXT:
        return "FORMTEXT"
    return next((param.get(_FIELDMARK + "value", "") for param in start.iterfind(_FIELDMARK + "param")
                 if param.get(_FIELDMARK + "name", "").endswith(".code")), "")


def _shown_text(block) -> str:
    """The text of an ODF ``block`` as it shows, without its frames' titles and descriptions (``svg:title``,
    ``svg:desc``), which are no text of the page."""
    parts = []
    for element in block.iter():
        if isinstance(element.tag, str) and not element.tag.startswith(_SVG):
            parts.append(element.text or "")
        if element is not block:
            parts.append(element.tail or "")
    return " ".join(parts)


class _OdtWalk(_Walk):
    """ODF text as LibreOffice writes it: paragraphs, headings, list items, table cells, footnotes,
    endnotes, text boxes and the text of shapes (after the paragraph they are anchored in, as a DOCX text
    box's; a shape's title and description are no text of the page, a picture's are: ``image_descriptions``),
    embedded objects: a formula (its linear text, in its sentence when anchored as a character) and a chart (its
    titles, its axes', its series' names and its categories' labels: ``_chart_labels``), the page styles' headers and
    footers after the body (``_headers_and_footers``). Left out: a paragraph's number typed before a tab (``_Walk.text``), deleted text kept for
    change tracking, comments, indexes and computed numbers (``_ODT_SKIPPED``), a content control's placeholder
    and a check box's box, and hidden text: a section
    displayed as none, hidden text and hidden paragraph fields, and what a style displays as none
    (LibreOffice's Hidden character attribute), the document's own automatic styles (direct formatting)
    or the named ones of styles.xml, itself or through the styles it inherits from
    (``style:parent-style-name``), the first that says how to display the text deciding."""

    paragraphs = frozenset({_TEXT + "p", _TEXT + "h"})
    table, row, cell = _TABLE + "table", _TABLE + "table-row", _TABLE + "table-cell"
    numbered_by_hand = True

    def __init__(self, read: _Reading, root, styles, objects: dict):
        super().__init__(read)
        self.objects = objects
        self.objects_read: set[int] = set()  # the ids of the objects' roots read (``_first_reading``)
        # the body's direct formatting is styled in content.xml's automatic styles, the headers' and footers' in
        # styles.xml's: each part names its own (T1, P1), which ODF keeps apart
        self.hidden_styles, self.raised_styles = self._styles(styles, root)
        self.furniture_styles = self._styles(styles, styles)
        # the fieldmarks open: whether each is a text form field, the parts its result is read in and where it starts
        # (after its separator, or its start where it has none)
        self.fieldmarks: list[tuple[str, list, int]] = []
        # what the document's cross-references may show: one whose target is there shows its text, whatever it says
        self.targets = {element.get(_TARGETS[element.tag]) for element in root.iter(*_TARGETS)} - {None}
        # the graphic styles of pictures marked as decorative (Properties > Decorative, LibreOffice 7.5 on: nothing a
        # screen reader says, as Office's mark), whose description is none of the page's
        self.decorative = {
            style.get(_STYLE + "name") for part in (styles, root) if part is not None
            for where in ("styles", "automatic-styles") for style in part.iterfind(f"{_OFFICE}{where}/{_STYLE}style")
            if style.get(_STYLE + "family") == "graphic" and any(
                properties.get(_LOEXT + "decorative") == "true"
                for properties in style.iterfind(_STYLE + "graphic-properties"))}

    def picture_descriptions(self, frame) -> list[str]:
        """A picture's frame's descriptions to read (``image_descriptions`` of its ``svg:desc`` and ``svg:title``),
        none where its style marks it as decorative."""
        if frame.get(_DRAW + "style-name") in self.decorative:
            return []
        return _icons(image_descriptions(frame.findtext(_SVG + "desc"), frame.findtext(_SVG + "title")),
                      *(_centimetres(frame.get(_SVG + side), "cm") for side in ("width", "height")))

    @classmethod
    def _styles(cls, styles, automatic) -> tuple[set, set]:
        """The styles (family and name) that hide text and those that raise it, of styles.xml's named ones
        (``styles``) and the automatic ones of the part ``automatic``, content.xml's or styles.xml's."""
        defined = {(style.get(_STYLE + "family"), style.get(_STYLE + "name")): style
                   for part, where in ((styles, "styles"), (automatic, "automatic-styles")) if part is not None
                   for style in part.iterfind(f"{_OFFICE}{where}/{_STYLE}style")}
        return ({key for key in defined if cls._text_property(defined, key, _TEXT + "display") == "none"},
                {key for key in defined if key[0] == "text"
                 and _raised(cls._text_property(defined, key, _STYLE + "text-position"))})

    def read_furniture(self, parts) -> None:
        self.hidden_styles, self.raised_styles = self.furniture_styles
        super().read_furniture(parts)

    @staticmethod
    def _text_property(defined: dict, key: tuple, attribute: str) -> str | None:
        """The text property ``attribute`` the style ``key`` states, itself or through its parents, or None."""
        family, seen = key[0], set()
        while key in defined and key not in seen:  # a parent may loop
            seen.add(key)
            properties = defined[key].find(f"{_STYLE}text-properties[@{attribute}]")
            if properties is not None:
                return properties.get(attribute)
            key = family, defined[key].get(_STYLE + "parent-style-name")
        return None

    def cells(self, row):
        # a cell spanning columns is followed by a covered cell for each other column it spans, and a column a cell of
        # a row above spans holds one too: where the row's own cells after it stand
        owed = 0  # the columns the cell before spans that its covered cells stand for
        for child in row:
            if child.tag == self.cell and not self.skipped(child):
                span = self.span(child)
                owed = span - 1
                yield child, span
            elif child.tag == _TABLE + "covered-table-cell":
                if owed:
                    owed -= 1
                else:
                    yield None, 1

    def span(self, cell) -> int:
        count = cell.get(_TABLE + "number-columns-spanned", "1")
        return column_span(count)

    def header(self, row) -> bool:
        return row.getparent().tag == _TABLE + "table-header-rows"

    def skipped(self, element) -> bool:
        return (element.tag in _ODT_SKIPPED or element.get(_TEXT + "display") == "none"
                # a content control's placeholder prompt, a check box's box, as a DOCX's
                or (element.tag == _LOEXT + "content-control"
                    and "true" in (element.get(_LOEXT + "showing-place-holder"), element.get(_LOEXT + "checkbox")))
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

    def _first_reading(self, embedded) -> bool:
        """Whether the object ``embedded`` is read for the first time: each is read once, as LibreOffice embeds an
        object where it shows it; one named by thousands of frames (a few bytes each) would make gigabytes of text."""
        if id(embedded) in self.objects_read:
            return False
        self.objects_read.add(id(embedded))
        return True

    def blocks(self, element) -> None:
        if element.tag != _DRAW + "object":
            return super().blocks(element)
        embedded = self._embedded(element)
        if embedded is None or not self._first_reading(embedded):
            return
        if embedded.tag == _MATHML + "math":  # a formula of its own
            self.read.add(mathml_text(embedded))
        for title in embedded.iter(_CHART_ODF + "title", _CHART_ODF + "subtitle"):  # a chart's, its axes'
            super().blocks(title)
        for chart in embedded.iter(_CHART_ODF + "chart"):
            for label in _chart_labels(chart):
                self.read.add(label)

    def inline(self, element, parts: list[str]) -> None:
        # ODF collapses white space in the text; spaces, tabs and line breaks are elements
        if element.text:
            parts.append(_ASCII_SPACE.sub(" ", element.text))
        for child in element:
            if child.tag == _TEXT + "s":
                count = child.get(_TEXT + "c", "1")
                parts.append(" " * min(int(count) if count.isdecimal() else 1, _MAX_SPACES))
            elif child.tag == _TEXT + "tab":
                parts.append("\t")
            elif child.tag in _PAGE_FIELDS and self.furniture:
                parts.append(_PAGE_NUMBER)
            elif child.tag in _GENERATED_TEXT_FIELDS and self.furniture:
                parts.append(_GENERATED_TEXT)
            elif child.tag == _TEXT + "line-break":
                parts.append(LINE_BREAK)
            elif child.tag in _REFERENCES and not self.skipped(child):  # Word's error for a lost bookmark is no text
                start = len(parts)
                self.inline(child, parts)
                reference = child.tag in _CROSS_REFERENCES  # a property is Word's DOCPROPERTY; a link, its text
                _blank_result("REF" if reference else "DOCPROPERTY" if child.tag == _TEXT + "user-defined" else "",
                              parts, start, reference and child.get(_TEXT + "ref-name") in self.targets)
            elif child.tag == _FIELDMARK + "fieldmark-start":
                self.fieldmarks.append((_fieldmark_instruction(child), parts, len(parts)))
            elif child.tag == _FIELDMARK + "fieldmark-separator" and self.fieldmarks:
                self.fieldmarks[-1] = (self.fieldmarks[-1][0], parts, len(parts))
            elif child.tag == _FIELDMARK + "fieldmark-end" and self.fieldmarks:
                instruction, result_parts, start = self.fieldmarks.pop()
                if result_parts is parts:  # an empty form field holds five en spaces, as Word's; a field Word's error
                    _blank_result(instruction, parts, start)  # (``_blank_result``)
            elif (child.tag == _TEXT + "span" and ("text", child.get(_TEXT + "style-name")) in self.raised_styles
                  and _add_raised(parts, "".join(child.itertext()))):
                pass  # a note's call typed in superscript (no text:note makes it one), a power
            elif child.tag == _TEXT + "note":
                body = child.find(_TEXT + "note-body")
                if body is not None:
                    (self.endnotes if child.get(_TEXT + "note-class") == "endnote" else self.notes).append(body)
            elif (child.tag == _DRAW + "frame" and child.get(_TEXT + "anchor-type") == "as-char"
                  and (formula := self._embedded(child.find(_DRAW + "object"))) is not None
                  and formula.tag == _MATHML + "math"):
                if self._first_reading(formula):
                    parts.append(mathml_text(formula))  # a formula in its sentence, as a Word equation
            elif isinstance(child.tag, str) and child.tag.startswith(_DRAW) and child.tag != _DRAW + "a":
                if (child.tag == _DRAW + "frame" and child.find(_DRAW + "image") is not None
                        and element.tag != _DRAW + "a"):  # a picture's alternative text, as a DOCX's, but a linked one's
                    paragraph = next(child.iterancestors(_TEXT + "p", _TEXT + "h"), None)  # and the caption around it
                    beside = [] if paragraph is None else [paragraph, paragraph.getprevious(), paragraph.getnext()]
                    self.notes.extend(said_beside(self.picture_descriptions(child),
                                                  *(_shown_text(block) for block in beside if block is not None)))
                self.notes.append(child)  # a frame, a shape, a group: their paragraphs, never a shape's title
            elif isinstance(child.tag, str) and not self.skipped(child):
                self.inline(child, parts)
            if child.tail:
                parts.append(_ASCII_SPACE.sub(" ", child.tail))


