"""Glossaries as Excel workbooks (XLSX): what terminologists exchange when they work in a spreadsheet.

One sheet, a header row, one entry a row: the columns of the CSV (:data:`tabular.CSV_COLUMNS` — the
French term and its English pair, ``status``, part of speech, gender, score, frequency, definition,
note, first context, dates, id, and ``details``, JSON with the entry's further terms and contexts), so
that a workbook and a CSV hold and read the same, and nothing is lost. Every cell is text (a term
``=SUM(A1)`` stays a term, never a formula) but the frequency, a number to sort by.

Reading is the CSV's (:func:`tabular.read_rows`): a sheet from elsewhere names its columns in
either order and any case or accents (``Français``, ``FR-FR``, ``English term`` …), a column tmtool has no
field for is passed over and reported, empty rows are skipped, a number or date cell is read as its text,
and a term cell may hold several terms one a line (Alt+Enter), as the TSV holds one pair a line. The
first worksheet is read, and every other one whose first row names a French and an English column (a
glossary kept a sheet a domain); another sheet that holds anything is reported, unread.

The package's XML is parsed by openpyxl, with the standard library's parser, which expands entities:
every XML part's prolog is checked first (:func:`tmtool.io.xmlsafe.check_package`), as
every other XML file tmtool reads is, and a part declaring entities refuses the file.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterable, Iterator
from xml.etree.ElementTree import ParseError

from lxml import etree

from ..errors import Invalid, TmtoolError
from ..io.files import atomic_path
from ..io.xmlsafe import OLE2, PACKAGE_ERRORS, PASSWORD_PROTECTED, check_package, iterparse_xml, password_protected
from ..langtags import base_language
from ..model import Entry
from .skips import OnSkip, Skipped, refuse
from .tabular import csv_columns, entry_to_row, header_index, read_rows, table_head

SHEET = "glossary"
# written as a number, for Excel to sort and filter by; the score stays text, exact (openpyxl writes
# numbers to 16 significant digits, and Excel keeps 15)
_NUMBER = "frequency"
_WIDTHS = {"term": 40, "text": 60, "other": 14}  # column widths, in characters
_LONG_TEXT = frozenset({"definition", "note", "context", "context_en"})
_ZIP = b"PK\x03\x04"
# what openpyxl raises on a package whose parts are missing or malformed: the standard library's ParseError for
# the sheets and shared strings, lxml's XMLSyntaxError for the workbook, its relationships and content types
_BROKEN = (ParseError, etree.XMLSyntaxError, KeyError, ValueError, TypeError, OSError, *PACKAGE_ERRORS)
_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _MERGE_CELL = f"{_SHEET_NS}row", f"{_SHEET_NS}mergeCell"
# a character as Excel escapes it in a cell's text (ECMA-376's ST_Xstring): a control character XML cannot always
# carry, _x000D_ a carriage return (a line break pasted from Word is _x000D_ and a line feed), _x0009_ a tab, and
# _x005F_ the underscore of an escape a person typed as text ("_x000D_" typed is "_x005F_x000D_"). Read in one
# pass, left to right, so that each is what Excel meant: _x005F_x000D_ the text "_x000D_", not a carriage return
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# the underscore of text that reads as such an escape ("_x000D_" typed), which the writer escapes as Excel does
_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def write_xlsx(entries: Iterable[Entry], out: str | Path, *, srclang: str = "fr", tgtlang: str = "en") -> int:
    """Write one entry a row under a header of :func:`tabular.csv_columns` (the pair's base languages
    first: French, English), atomically; return the entry count."""
    # an in-memory workbook: openpyxl's write-only one streams through a temporary file of its own,
    # outside the atomic write, that an error halfway leaves behind
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import IllegalCharacterError

    if str(out) == "-":
        raise Invalid("an XLSX workbook is a file, not text for standard output: give -o FILE.xlsx")
    srclang, tgtlang = base_language(srclang), base_language(tgtlang)
    columns = csv_columns(srclang, tgtlang)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for number, column in enumerate(columns, 1):
        header = sheet.cell(1, number, column)
        header.font = Font(bold=True)
        kind = "term" if number <= 2 else "text" if column in _LONG_TEXT else "other"
        sheet.column_dimensions[get_column_letter(number)].width = _WIDTHS[kind]
    sheet.freeze_panes = "A2"  # the header stays in sight while scrolling
    count = 0
    for count, entry in enumerate(entries, 1):
        row = entry_to_row(entry, srclang, tgtlang)
        try:
            for number, column in enumerate(columns, 1):
                _fill(sheet.cell(count + 1, number), column, row[column])
        except IllegalCharacterError:
            raise Invalid(f"entry {entry.id or count}: a control character that XLSX cannot hold") from None
    with atomic_path(out) as tmp:
        workbook.save(tmp)
    return count


def _fill(cell, column: str, value: str) -> None:
    if not value:
        return
    if column == _NUMBER:
        cell.value = int(value)
        return
    cell.value = _ESCAPE_LIKE.sub("_x005F_", value)  # openpyxl writes a text as it stands
    cell.data_type = "s"  # openpyxl takes a text starting with "=" for a formula


def read_xlsx(path: str | Path, *, on_skip: OnSkip = refuse) -> Iterator[Entry]:
    """Read the entries of the workbook's first sheet, as :func:`tabular.read_csv` reads a CSV, then
    those of every other sheet with a header naming a French and an English column; another sheet that
    holds anything is reported to ``on_skip``, unread. A file that is not an XLSX workbook
    (an .xls, a CSV renamed, a broken package) is refused."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    with open(path, "rb") as stream:
        magic = stream.read(len(OLE2))
    if magic == OLE2:  # an Excel 97–2003 .xls, or an encrypted workbook
        if password_protected(path.read_bytes()):
            raise Invalid(PASSWORD_PROTECTED, path=str(path))
        raise Invalid("an Excel 97–2003 workbook (.xls), not XLSX: save it as .xlsx", path=str(path))
    if not magic.startswith(_ZIP):
        raise Invalid("not an XLSX workbook (not a ZIP archive)", path=str(path))
    # given a stream, openpyxl does not insist on the name's extension (a workbook told by its content)
    with open(path, "rb") as stream:
        try:
            check_package(stream)
            workbook = load_workbook(stream, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, *_BROKEN) as exc:
            raise _unreadable(path, exc) from None
        try:
            if not workbook.worksheets:
                raise Invalid("the workbook has no worksheet", path=str(path))
            _keep_escapes(workbook, path)
            first, *others = workbook.worksheets
            yield from read_rows(_rows(first, path), path, on_skip)
            for sheet in others:
                # a sheet is a glossary as the first is read as one: a header, titles above it at most
                head = table_head(cells for _, cells in _rows(sheet, path) if any(c.strip() for c in cells))
                if header_index(head) is not None:
                    def tell(skipped: Skipped, title: str = sheet.title) -> None:
                        on_skip(replace(skipped, reason=f"sheet {title!r}: {skipped.reason}"))

                    yield from read_rows(_rows(sheet, path), path, tell)
                elif head:
                    on_skip(Skipped(f"sheet {sheet.title!r} not read: no header row names a French and an English "
                                    "column", str(path)))
        finally:
            workbook.close()


def _keep_escapes(workbook, path: Path) -> None:
    """Give the workbook's sheets its shared strings as the package holds them, escapes and all: openpyxl removes
    every "x005F_" from them, which turned an escape typed as text (``_x005F_x000D_``) into an escape
    (``_x000D_``) that :func:`_text` then read as a carriage return."""
    try:
        strings = _raw_shared_strings(path)
    except _BROKEN as exc:
        raise _unreadable(path, exc) from None
    for sheet in workbook.worksheets:
        # read-only sheets look a cell's shared string up in this list (openpyxl's ReadOnlyWorksheet)
        if strings is not None and len(strings) == len(sheet._shared_strings):
            sheet._shared_strings = strings


def _raw_shared_strings(path: Path) -> list[str] | None:
    """The text of each shared string (``si``: its ``t``, then its runs' ``t``, as openpyxl reads it), its
    escapes as written; None for a workbook without shared strings."""
    with zipfile.ZipFile(path) as package:
        with package.open("[Content_Types].xml") as part:
            names = [element.get("PartName", "") for _, element in iterparse_xml(part, tag=f"{_CONTENT_TYPES}Override")
                     if element.get("ContentType") == _SHARED_STRINGS]
        if not names or names[0].lstrip("/") not in package.namelist():
            return None
        strings = []
        with package.open(names[0].lstrip("/")) as part:
            try:
                for _, si in iterparse_xml(part, tag=f"{_SHEET_NS}si"):
                    texts = [si.find(f"{_SHEET_NS}t"), *si.iterfind(f"{_SHEET_NS}r/{_SHEET_NS}t")]
                    strings.append("".join(t.text or "" for t in texts if t is not None))
                    si.clear()
            except TmtoolError as exc:  # named after the part, which the reader does not know
                raise _unreadable(path, exc) from None
    return strings


def _rows(sheet, path: Path) -> Iterator[tuple[int, list[str]]]:
    """The sheet's rows, numbered, as text; openpyxl parses a sheet as it is read. A cell merged over
    rows is the value of each row it covers, as the sheet shows it: a French term merged over two rows
    is the term of both, not of the first only and the second an English term alone. Merged over
    columns, it is still one cell (a title over the table is one cell, as a title row is)."""
    try:
        merged = _merged_ranges(sheet, path)
        starting: dict[int, list[list[int]]] = {}
        for bounds in merged:
            starting.setdefault(bounds[1], []).append(bounds)
        active: list[tuple[list[int], str]] = []  # the ranges over this row, with their value
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = [_text(value) for value in values]
            active = [(bounds, value) for bounds, value in active if bounds[3] >= number]
            active += [(bounds, cells[bounds[0] - 1] if len(cells) >= bounds[0] else "")
                       for bounds in starting.pop(number, [])]
            for (column, _, _, _), value in active:
                cells += [""] * (column - len(cells))
                cells[column - 1] = value
            yield number, cells
    except _BROKEN as exc:
        raise _unreadable(path, exc) from None


def _merged_ranges(sheet, path: Path) -> list[list[int]]:
    """The sheet's merged cells as [first column, first row, last column, last row] (1-based).
    openpyxl's read-only sheets keep none, so they are read from the sheet's part of the package."""
    from openpyxl.utils.cell import range_boundaries

    merged = []
    with zipfile.ZipFile(path) as package, package.open(sheet._worksheet_path) as part:
        try:
            for _, element in iterparse_xml(part, tag=(_ROW, _MERGE_CELL)):
                if element.tag == _MERGE_CELL:
                    merged.append(list(range_boundaries(element.get("ref"))))
                element.clear()  # a row read is not kept
        except TmtoolError as exc:  # named after the part, which the reader does not know
            raise _unreadable(path, exc) from None
    return merged


def _unreadable(path: Path, exc: Exception) -> Invalid:
    """One line: openpyxl's messages may run over several ("Unable to read workbook: could not read worksheets
    from PATH.⏎This is most probably because …"), the reason in the exception they were raised from."""
    said = (str(exc).splitlines() or [""])[0] or type(exc).__name__
    if exc.__cause__ is not None:
        # "could not read worksheets" said once, without the path the error line starts with
        said = _WRAPPED.sub(r"\1", said) + ": " + _unreadable(path, exc.__cause__).message[len(_UNREADABLE) + 2:-1]
    return Invalid(f"{_UNREADABLE} ({said})", path=str(path))


_UNREADABLE = "not a readable XLSX workbook"
_WRAPPED = re.compile(r"^Unable to read workbook: (could not [\w ]+) from .*")


def _text(value) -> str:
    """A cell's value as the text a person sees in it: a number without a useless ``.0``, a date as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, str):
        return _EXCEL_ESCAPE.sub(_unescaped, value)
    return str(value)


def _unescaped(match: re.Match) -> str:
    """The character an escape stands for; one naming half a surrogate pair, no character, as written."""
    code = int(match[1], 16)
    return match[0] if 0xD800 <= code <= 0xDFFF else chr(code)
