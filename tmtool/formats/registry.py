"""Every file format tmtool imports and exports, in one table: adding a format is its module and one line.

Import and export (:mod:`tmtool.transfer`) and the command line find a format here by name or by
a file's extension, and call its reader and writer through it; they know no format by name. Readers
and writers are named ``"module:function"`` in ``tmtool.formats`` and imported on first use, so that
reading this table (``tmtool --help``) imports no parser.

A reader takes a path or, for a ``streamed`` format, a binary stream, and ``on_skip`` (see
:mod:`tmtool.formats.skips`); it yields units (memory) or entries (glossary). A glossary writer takes
entries, a path or ``-`` and the pair's language tags ``srclang``/``tgtlang``; a memory writer units,
a binary stream and the header's source language. Each returns how many it wrote.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable

from ..errors import Invalid
from ..io.decoding import BOMS, decode_text
from ..io.xmlsafe import OLE2

MEMORY = "memory"  # translation units
GLOSSARY = "glossary"  # concept entries with their terms


@dataclass(frozen=True)
class Format:
    name: str  # what --format and ``tmtool export FORMAT`` take
    kind: str  # MEMORY or GLOSSARY
    # the file name endings that stand for this format, the first the usual one; a second dialect of a
    # format (tbx-martif) has none and is chosen by name only; nor has a format whose usual ending others
    # share (a Wordfast TM's .txt), which its signature tells
    extensions: tuple[str, ...]
    reader: str | None
    writer: str | None  # None: tmtool reads this format but does not export it
    multilingual: bool = False  # holds every language of a unit or entry, not one pair
    streamed: bool = False  # read as it is parsed, from a stream, so the bytes read tell how far an import is
    signatures: tuple[str, ...] = ()  # what the first bytes of such a file hold when its name does not tell
    separator: str | None = None  # a table's: a first line holding it tells the format when nothing else does
    # a table whose rows all hold as many fields (CSV, RFC 4180; an OmegaT TSV's comment column is optional):
    # told by its separator only, a file of ragged rows is running text (a document), not such a table
    even_rows: bool = False
    # memory: "module:function" telling a unit that is no translation yet (a copy of its source …)
    untranslated: str | None = None
    # memory: "module:function" telling a unit whose translation its tool has not confirmed (a draft, a
    # machine translation): a check reads it, an import does not store it
    unconfirmed: str | None = None
    read_as: str | None = None  # a dialect written apart: files of it are read as this format
    # glossary: "module:function" reading the file as translation units instead (a translated PO file)
    unit_reader: str | None = None
    # read from bytes no text holds (a database, a ZIP archive): not checked for being such bytes
    binary: bool = False
    # what its writer's count counts (singular, plural) when not its kind's, units or entries
    counts: tuple[str, str] | None = None
    # its writer starts a file with a byte-order mark unless given ``bom=False`` (a CSV, for Excel)
    byte_order_mark: bool = False
    # the ending a file of it downloaded from the workbench takes, where the usual one is not one the tool it is
    # written for loads: OmegaT passes over a glossary named .tsv in its glossary folder (.txt is its own)
    downloaded_as: str | None = None

    @property
    def counted(self) -> tuple[str, str]:
        """What the writer's count counts, singular and plural: ``("unit", "units")`` …"""
        return self.counts or (("unit", "units") if self.kind == MEMORY else ("entry", "entries"))

    @property
    def read(self) -> Callable:
        return _function(self.reader)

    @property
    def write(self) -> Callable:
        return _function(self.writer)

    @property
    def read_units(self) -> Callable | None:
        return _function(self.unit_reader) if self.unit_reader else None

    @property
    def is_untranslated(self) -> Callable | None:
        return _function(self.untranslated) if self.untranslated else None

    @property
    def is_unconfirmed(self) -> Callable | None:
        return _function(self.unconfirmed) if self.unconfirmed else None


FORMATS = (
    Format("tmx", MEMORY, (".tmx",), "tmx:read_tmx", "tmx:write_tmx", multilingual=True, streamed=True,
           signatures=("<tmx",), unconfirmed="tmx:is_unconfirmed"),
    Format("xliff", MEMORY, (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff"), "xliff:read_xliff",
           "xliff:write_xliff", signatures=("<xliff",), untranslated="xliff:is_untranslated", unconfirmed="xliff:is_unconfirmed"),
    # a Trados Studio memory: an SQLite database, told by its first bytes too
    Format("sdltm", MEMORY, (".sdltm",), "sdltm:read_sdltm", None, signatures=("SQLite format 3\x00",),
           binary=True),
    # memoQ's and Trados's packages: ZIP archives of XLIFF files (a Trados package's memories too), whose
    # units are XLIFF's
    Format("package", MEMORY, (".sdlppx", ".sdlrpx", ".mqxlz"), "packages:read_package", None, binary=True,
           untranslated="xliff:is_untranslated", unconfirmed="xliff:is_unconfirmed"),
    Format("wordfast", MEMORY, (), "wordfast:read_wordfast", None, signatures=("Wordfast TM",),
           unconfirmed="tmx:is_unconfirmed"),  # a machine translation's unit is read as a draft (x-state)
    Format("tbx", GLOSSARY, (".tbx",), "tbx:read_tbx", "tbx:write_tbx", multilingual=True, streamed=True,
           signatures=("<martif", "<tbx")),
    Format("multiterm", GLOSSARY, (), "multiterm:read_multiterm", None, streamed=True, signatures=("<mtf",)),
    Format("tbx-martif", GLOSSARY, (), None, "tbx:write_tbx_martif", multilingual=True, read_as="tbx"),
    Format("po", GLOSSARY, (".po",), "po:read_po", "po:write_po", signatures=("msgid",),
           unit_reader="po:read_units_po"),
    # OmegaT's glossaries: .utf8 in UTF-8, .tab in the system's code page (read as a CSV is), and .txt
    Format("tsv", GLOSSARY, (".tsv", ".utf8", ".tab"), "tabular:read_tsv", "tabular:write_tsv", separator="\t",
           counts=("term pair", "term pairs"), downloaded_as=".txt"),  # a line a pair: acronyms on lines of their own
    Format("csv", GLOSSARY, (".csv",), "tabular:read_csv", "tabular:write_csv", separator=",", even_rows=True,
           byte_order_mark=True),
    Format("xlsx", GLOSSARY, (".xlsx",), "xlsx:read_xlsx", "xlsx:write_xlsx", signatures=("PK\x03\x04",)),
)  # fmt: skip

_BY_NAME = {fmt.name: fmt for fmt in FORMATS}
# endings a format told by its signature is saved under (a Wordfast TM's .txt, a MultiTerm export's .xml)
SIGNED_ENDINGS = (".txt", ".xml")

# the command a document given for import is ingested by (a front end says it on its store: api.advised_on)
INGEST_PAIR = "tmtool ingest FR_FILE EN_FILE"
# files CAT tools keep that tmtool cannot read, and what to give it instead
FOREIGN = {
    ".sdltb": "a MultiTerm termbase (a database): export it from MultiTerm as XML or TBX",
    ".txml": "a Wordfast Pro bilingual file: export it from Wordfast as XLIFF or TMX",
    ".xls": "an Excel 97–2003 workbook: save it as .xlsx",
    # a translated document is no memory: its translation units are what aligning it with the original gives
    **dict.fromkeys((".docx", ".odt", ".pptx", ".odp", ".pdf"), "a document, not a memory or a glossary: ingest it"
                    f" with its translation ({INGEST_PAIR}), which aligns them into units"),
    **dict.fromkeys((".doc", ".ppt", ".rtf"), "a word processor's document in an older format, not a memory or a"
                    f" glossary: save it as .docx (.pptx) and ingest it with its translation ({INGEST_PAIR})"),
}


# the first bytes of files of a kind no text format holds, and what they are: a file saved under another
# format's name (a workbook as .csv, a Trados memory as .tmx) is named for what it is
BINARY_KINDS = (
    (b"PK\x03\x04", "a ZIP archive (an XLSX workbook, or a package such as .sdlppx or .mqxlz: import it under"
                     " its own name)"),
    (b"%PDF", "a PDF document"),
    (OLE2, "an Office 97–2003 file (an .xls workbook: save it as .xlsx)"),
    (b"SQLite format 3\x00", "an SQLite database (a Trados Studio memory: name it .sdltm, or import it with"
                             " format=sdltm)"),
    (b"\x00\x01\x00\x00Standard ", "an Access database (a MultiTerm .sdltb termbase: export it from MultiTerm as"
                                  " XML or TBX)"),
    (b"\xde\x12\x04\x95", "a compiled gettext catalogue (.mo: import the .po it was compiled from)"),
    (b"\x95\x04\x12\xde", "a compiled gettext catalogue (.mo: import the .po it was compiled from)"),
)


def check_content(fmt: Format, path: str | Path) -> None:
    """Refuse a file of a text format whose first bytes say it is of a binary kind, naming the kind (a
    binary format, XLSX, tells the files it cannot read itself)."""
    if fmt.binary or any(not signature.isprintable() for signature in fmt.signatures):
        return
    with open(path, "rb") as f:
        head = f.read(16)
    kind = next((kind for magic, kind in BINARY_KINDS if head.startswith(magic)), None)
    if kind:
        raise Invalid(f"{kind}, not a {fmt.name.upper()} file", path=str(path), options=("format=sdltm",))


def _function(reference: str) -> Callable:
    module, _, name = reference.partition(":")
    return getattr(import_module(f"{__package__}.{module}"), name)


def names(kind: str | None = None, *, readable: bool = False, writable: bool = False) -> tuple[str, ...]:
    """The formats' names in the table's order: of one kind or all, those with a reader, a writer, or all."""
    return tuple(fmt.name for fmt in FORMATS if kind in (None, fmt.kind)
                 and (fmt.reader or not readable) and (fmt.writer or not writable))


def get(name: str, *, reading: bool = False, writing: bool = False) -> Format:
    """The format called ``name``; an error naming the choices when there is none (that reads or
    writes, when asked)."""
    fmt = _BY_NAME.get(name)
    if fmt is None or (reading and not fmt.reader) or (writing and not fmt.writer):
        what = "import" if reading else "export" if writing else "file"
        choices = names(readable=reading, writable=writing)
        raise Invalid(f"unknown {what} format {name!r} (expected one of {', '.join(choices)})")
    return fmt


def by_extension(path: str | Path) -> Format | None:
    """The format a file's name ending stands for, if any."""
    suffix = Path(path).suffix.lower()
    return next((fmt for fmt in FORMATS if suffix in fmt.extensions), None)


class Unrecognised(Invalid):
    """A file whose format neither its name nor its content tells: ``what`` says why, the message
    also how to name the format to an import (a command that reads other files says its own)."""

    def __init__(self, what: str, how_to_name: str, path: str, fmt: str):
        super().__init__(f"{what}: {how_to_name}", path=path, options=(f"format={fmt}",))
        self.what = what


def infer(path: str | Path) -> Format:
    """The format of the file at ``path``: from its extension, else from the signature its first bytes
    hold first, else from the separator its first line holds (tab before comma); a file of a kind
    tmtool does not read (a Trados memory, a package) is refused, saying what to give instead, and
    so is binary data or UTF-16 without its byte-order mark."""
    fmt = by_extension(path)
    if fmt:
        return fmt
    foreign = FOREIGN.get(Path(path).suffix.lower())
    if foreign:
        raise Invalid(f"{foreign}; tmtool reads {', '.join(names(readable=True))}", path=str(path),
                          commands=(INGEST_PAIR,) if INGEST_PAIR in foreign else ())
    with open(path, "rb") as f:
        raw = f.read(_HEAD)
    # a UTF-16 file (Wordfast's memories, Windows tools' XML) says so by its byte-order mark
    encoding = next((encoding for bom, encoding in BOMS if raw.startswith(bom)), None)
    head = raw.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff")
    found = [(head.find(signature), fmt) for fmt in FORMATS for signature in fmt.signatures if signature in head]
    if found:
        return min(found, key=lambda place: place[0])[1]
    if encoding is None and b"\x00" in raw:  # not text (or UTF-16 without its mark): said as a reader says it
        decode_text(raw, str(path))
    # the first line of the table: a glossary may open with "#" lines, comments to OmegaT and to the readers
    first_line = next((line for line in head.splitlines() if line.strip() and not line.startswith("#")), "")
    fmt = next((fmt for fmt in FORMATS if fmt.separator and fmt.separator in first_line), None)
    if fmt is None:
        raise Unrecognised("cannot tell the file format from its name or content", "name it (format=NAME), NAME"
                           f" one of {', '.join(names(readable=True))}", str(path), "NAME")
    if fmt.even_rows and len(_row_lengths(head, fmt.separator, len(raw) < _HEAD)) > 1:
        raise Unrecognised(f"reads as running text, not a {fmt.name} table (its lines hold different numbers of"
                           " fields)", "a document and its translation are ingested as a pair, not imported;"
                           f" name the format (format={fmt.name}) to read it as a table", str(path), fmt.name)
    return fmt


_HEAD = 4096  # bytes read to tell a file's format by its content


def _row_lengths(head: str, separator: str, whole: bool) -> set[int]:
    """How many fields the rows of a table's first bytes hold (the last row left out when cut short)."""
    rows = [row for row in csv.reader(io.StringIO(head), delimiter=separator) if any(cell.strip() for cell in row)]
    return {len(row) for row in (rows if whole else rows[:-1])}
