"""The one place where XML is parsed: no entity expansion, no network, no DTD loading, no huge trees.

Every XML reader of tmtool (TMX, TBX, XLIFF, SRX …) parses through here, so that a hostile or broken
file (billion laughs, external entities pointing at local files or URLs) is refused the same way
everywhere, and a syntax error always comes out as one ``TmtoolError`` line with path and line number.
The XLSX and HTML readers, whose parsers are openpyxl's and lxml.html's, pass their XML parts
(:func:`check_package`) and pages through :func:`check_prolog` first; the DOCX and ODT readers bound
their package with :func:`check_package` and parse its parts here.

A plain ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is accepted and never fetched. A DOCTYPE whose internal
subset declares entities is refused outright rather than parsed without them: such a file means
something the reader would silently get wrong. That refusal is ours, made on the prolog before libxml2
reads the file, so it does not depend on libxml2's version: since 2.14 libxml2 stops entity bombs
itself, with its own message, before any check after the parse could run.
"""

from __future__ import annotations

import codecs
import os
import re
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

from lxml import etree

from ..errors import Invalid, TmtoolError
from .decoding import BOMS
from .xmlchars import not_xml

XMLSource = str | Path | BinaryIO
# what reading a damaged ZIP package's part raises besides zipfile.BadZipFile (a bad CRC): a corrupt
# deflate stream (zlib.error), one cut short (EOFError), a compression method zipfile lacks (Deflate64)
PACKAGE_ERRORS = (zlib.error, EOFError, NotImplementedError)
# written by hand by the writers: lxml's own declaration uses single quotes, which some CAT tools miss
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

_CHUNK = 1 << 16  # the prolog is read and decoded this many bytes at a time
_SHOWN_ENTITIES = 5
_UNMARKED_UTF16 = {b"<\x00": "utf-16-le", b"\x00<": "utf-16-be"}  # the first two bytes of "<?xml"
_DECLARED_ENCODING = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
_XML_SPACE = re.compile(r"[ \t\r\n]*")
_ENTITY_NAME = re.compile(r"<!ENTITY\s+(?:%\s+)?([^\s\"'>]{1,80})")
# a markup declaration's text up to a quoted literal (which may hold '>') or one of the stop characters
_UP_TO = {stops: re.compile(f"[^\"'{re.escape(stops)}]*") for stops in (">", "[>")}

PACKAGE_LIMIT = 1 << 30  # bytes a ZIP package (DOCX, XLSX) may unzip to
# a part parsed whole into a tree (a document's, by the DOCX, ODT, PPTX and ODP readers) may unzip to this many times
# its compressed size, past INFLATION_GRACE bytes: Apache POI's default ratio (ZipSecureFile's MinInflateRatio 0.01)
INFLATION_LIMIT = 100
INFLATION_GRACE = 10 << 20
_SAFE_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def xml_parser(**options) -> etree.XMLParser:
    """An lxml parser with the safe options forced (``options`` may add, e.g., ``remove_blank_text``)."""
    return etree.XMLParser(**{**options, **_SAFE_OPTIONS})


def source_name(source: XMLSource) -> str | None:
    """The path to name in error messages: the file's path, or the stream's name when it has one."""
    if isinstance(source, (str, Path)):
        return str(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def parse_xml(source: XMLSource, **options) -> etree._ElementTree:
    """Parse a whole document safely (for formats whose files are small: TBX, XLIFF, SRX); ``options`` as
    :func:`xml_parser`'s."""
    path = source_name(source)
    checked = _checked(source, path)
    parser = xml_parser(**options)
    try:
        return etree.parse(checked, parser)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path) from None
    except OSError:
        # lxml raises what libxml2's input layer finds as an OSError ("Error reading file …") when the source
        # has a name: bytes the declared encoding cannot decode are bad XML all the same
        error = parser.error_log.last_error
        if error is None or error.domain_name != "IO":
            raise
        raise Invalid(f"not well-formed XML: {error.message}", path=path,
                          line=error.line if error.line > 0 else None) from None


def iterparse_xml(
    source: XMLSource, events: Iterable[str] = ("end",), tag: str | Sequence[str] | None = None
) -> Iterator[tuple[str, etree._Element]]:
    """``lxml.etree.iterparse`` with the safe options; the caller clears elements it is done with.

    ``tag`` filters in lxml's C code, which is what keeps streaming fast.
    """
    path = source_name(source)
    checked = _checked(source, path)
    start = checked.tell() if not isinstance(checked, (str, _Replay)) else None
    try:
        yield from etree.iterparse(checked, events=tuple(events), tag=tag, **_SAFE_OPTIONS)
    except etree.XMLSyntaxError as exc:
        # lxml's iterparse misreports some errors: an entity the document does not declare (HTML's &nbsp; in a TMX
        # or TBX) ends it with "no element found" or "Start tag expected" at line 1. A parse that builds nothing
        # (constant memory, as this one) reads the file again to say what stopped it, and where
        again = checked if isinstance(checked, str) else None
        if start is not None:
            checked.seek(start)
            again = checked
        raise _syntax_error(_parse_error(again) or exc if again is not None else exc, path) from None


PASSWORD_PROTECTED = "is protected by a password (encrypted): open it and save it without one to read it"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file: Office 97–2003's .doc, .xls, .ppt, or an encrypted package


def password_protected(data: bytes) -> bool:
    """Whether ``data`` is a document saved with a password: Word and Excel encrypt the package into an OLE
    compound file holding an ``EncryptedPackage`` stream (MS-OFFCRYPTO); LibreOffice keeps the ZIP package
    and encrypts its parts, which its manifest gives ``encryption-data``."""
    if data.startswith(OLE2):
        return "EncryptedPackage".encode("utf-16-le") in data
    if not data.startswith(b"PK\x03\x04"):
        return False
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "META-INF/manifest.xml" not in package.namelist():
                return False
            with package.open("META-INF/manifest.xml") as stream:
                manifest = stream.read(_CHUNK * 16)  # a manifest lists the parts in a few kB; a bomb is not unzipped
    except (zipfile.BadZipFile, *PACKAGE_ERRORS):
        return False  # damaged, which reading it says
    return b"encryption-data" in manifest


def check_package(source: str | Path | BinaryIO) -> None:
    """Check the prolog of every XML part of a ZIP package (DOCX, XLSX) whose parts another library
    parses with its own parser, as :func:`check_prolog` checks every other XML file, and refuse a
    package that would unzip to more than :data:`PACKAGE_LIMIT` bytes (a ZIP bomb: the libraries hold
    parts whole in memory); the error names the package and the part."""
    import zipfile

    with zipfile.ZipFile(source) as package:
        # zipfile reads no more of a part than its entry declares, so the declared sizes bound it
        if sum(item.file_size for item in package.infolist()) > PACKAGE_LIMIT:
            raise Invalid(f"unzips to more than {PACKAGE_LIMIT >> 20} MiB; refused as a ZIP bomb",
                              path=source_name(source))
        for part in package.namelist():
            with package.open(part) as stream:
                # a part is parsed for what the package's relationships say it is, whatever its name: a
                # workbook's shared strings named sharedStrings.bin are parsed as XML all the same
                if not part.endswith((".xml", ".rels", ".vml")) and not _looks_like_xml(stream.read(_SNIFF)):
                    continue
            with package.open(part) as stream:
                try:
                    check_prolog(stream, part)
                except TmtoolError as exc:
                    raise Invalid(str(exc), path=source_name(source)) from None


_SNIFF = 64  # the bytes of a part read to tell XML from an image or other binary data


def _looks_like_xml(head: bytes) -> bool:
    """Whether a part's first bytes start markup: ``<`` after a byte-order mark or white space, or UTF-16's mark."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<" or head[:2] in _UNMARKED_UTF16


def check_inflation(package, part: str, path: str | None) -> None:
    """Refuse to parse a package's ``part`` (of an open ``zipfile.ZipFile``) of more than :data:`INFLATION_GRACE` bytes
    that unzips to more than :data:`INFLATION_LIMIT` times its compressed size: a ZIP bomb within :data:`PACKAGE_LIMIT`
    still makes a tree of gigabytes (a 300 kB DOCX of 100 MiB of one repeated paragraph took 1.8 GB and five
    minutes), where the XML of a document people wrote deflates to a tenth or a twentieth of its size. Only the parts
    parsed are checked: an image never parsed may zip far better (a bitmap of white, a thousand times)."""
    item = package.getinfo(part)
    if item.file_size > INFLATION_GRACE and item.file_size > INFLATION_LIMIT * item.compress_size:
        raise Invalid(f"{item.filename} unzips to {item.file_size >> 20} MiB from {item.compress_size >> 10} "
                          f"KiB, more than {INFLATION_LIMIT} times its size; refused as a ZIP bomb", path=path)


def split_tag(tag: str) -> tuple[str | None, str]:
    """``{namespace}local`` → (namespace, local); (None, tag) without a namespace.

    Unlike ``etree.QName``, never raises: a hostile namespace URI may itself contain ``{`` or ``}``.
    """
    if not tag.startswith("{"):
        return None, tag
    end = tag.rfind("}")
    return tag[1:end], tag[end + 1 :]


def check_prolog(stream: BinaryIO, path: str | None) -> None:
    """Refuse, before any parse, UTF-16 without a byte-order mark and a DOCTYPE whose internal subset
    declares entities.

    Reads ``stream`` only up to the root element (or the first few entity declarations), in the
    encoding the parser will use: the byte-order mark, else the XML declaration's encoding.
    """
    head = stream.read(_CHUNK)
    if not head.removeprefix(b"\xef\xbb\xbf").strip() or head in (b"\xff\xfe", b"\xfe\xff"):
        raise Invalid("empty file (no XML in it)", path=path)  # as an empty PO or CSV file is told
    if head[:2] in _UNMARKED_UTF16 and not _unmarked_utf16(head):
        # XML 1.0 (4.3.3) requires the mark in UTF-16 unless the declaration names the byte order
        # (UTF-16LE, UTF-16BE, which take none); libxml2 guesses without either, and CAT tools that do
        # not guess would read such a file differently
        raise Invalid(
            "looks like UTF-16 without a byte-order mark, which XML requires unless the declaration says "
            "UTF-16LE or UTF-16BE; save it as UTF-8 or UTF-16 with BOM",
            path=path,
        )
    names, line = _Prolog(head, stream).declared_entities()
    if names:
        shown = ", ".join(names[:_SHOWN_ENTITIES]) + (" …" if len(names) > _SHOWN_ENTITIES else "")
        raise Invalid(
            f"the DOCTYPE declares entities ({shown}); documents with entity declarations are refused",
            path=path,
            line=line,
        )
    declared = _DECLARED_ENCODING.match(head)
    if declared and not any(head.startswith(bom) for bom, _ in BOMS) and _wide(declared.group(1)):
        # .NET's XmlWriter over a StringWriter declares utf-16 and the file is then saved in UTF-8: libxml2
        # stops at the declaration ("Blank needed here"), which says nothing of why
        name = declared.group(1).decode("ascii")
        raise Invalid(f'declares encoding="{name}" but is written in 8-bit text (UTF-8?), not {name}: correct '
                          'its XML declaration (encoding="UTF-8"), or save it as UTF-16 with a byte-order mark',
                          path=path)


class _Prolog:
    """A document's prolog as text, decoded a chunk at a time; scanned text is dropped as more is read."""

    def __init__(self, head: bytes, stream: BinaryIO):
        encoding, bom = _prolog_encoding(head)
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self.stream = stream
        self.eof = not head
        self.text = self.decoder.decode(head[bom:], final=self.eof)
        self.pos = 0
        self.line = 1

    def declared_entities(self) -> tuple[list[str], int | None]:
        """The names of the entities the internal subset declares (the first few), and the first one's line.

        XML's grammar is followed as far as entities go: comments, processing instructions and quoted
        literals may hold ``<!ENTITY`` or ``]>`` without declaring or ending anything.
        """
        while True:
            self._skip_space()
            if self._at("<!DOCTYPE"):
                break
            if not self._skip_comment_or_pi():  # the root element is next, or an unclosed comment or PI
                return [], None
        self._consume(len("<!DOCTYPE"))
        if self._skip_markup("[>") != "[":
            return [], None  # no internal subset
        names: list[str] = []
        line = None
        while len(names) <= _SHOWN_ENTITIES:
            self._skip_space()
            if self._at("<!ENTITY"):
                line = line or self.line
                self._fill(100)
                name = _ENTITY_NAME.match(self.text, self.pos)
                names.append(name.group(1) if name else "?")
                self._consume(len("<!ENTITY"))
                closed = self._skip_markup(">") is not None
            elif self._at("<!") and not self._at("<!--"):  # ELEMENT, ATTLIST, NOTATION
                self._consume(2)
                closed = self._skip_markup(">") is not None
            elif self._at("%"):  # a parameter-entity reference: only one declared here can be referred to
                closed = self._skip_past(";")
            else:
                closed = self._skip_comment_or_pi()
                if closed is None:  # "]" ends the subset; anything else is for the parser to report
                    break
            if not closed:
                break
        return names, line

    def _skip_comment_or_pi(self) -> bool | None:
        """Consume a comment or processing instruction: None when none starts here, else whether it
        was closed. Its end is looked for after its start: in ``<!-->-->`` the comment holds ">"."""
        for start, end in (("<!--", "-->"), ("<?", "?>")):
            if self._at(start):
                self._consume(len(start))
                return self._skip_past(end)
        return None

    def _more(self) -> bool:
        """Decode the next chunk; False once the file has ended."""
        if self.eof:
            return False
        data = self.stream.read(_CHUNK)
        self.eof = not data
        self.text = self.text[self.pos :] + self.decoder.decode(data, final=self.eof)
        self.pos = 0
        return True

    def _fill(self, size: int) -> None:
        while len(self.text) - self.pos < size and self._more():
            pass

    def _at(self, prefix: str) -> bool:
        self._fill(len(prefix))
        return self.text.startswith(prefix, self.pos)

    def _consume(self, size: int) -> None:
        self.line += self.text.count("\n", self.pos, self.pos + size)
        self.pos += size

    def _skip_space(self) -> None:
        while True:
            self._consume(_XML_SPACE.match(self.text, self.pos).end() - self.pos)
            if self.pos < len(self.text) or not self._more():
                return

    def _skip_past(self, end: str) -> bool:
        """Consume up to and including ``end``; False when the file ends first."""
        while (found := self.text.find(end, self.pos)) < 0:
            self._consume(max(0, len(self.text) - self.pos - len(end) + 1))
            if not self._more():
                return False
        self._consume(found + len(end) - self.pos)
        return True

    def _skip_markup(self, stops: str) -> str | None:
        """Consume up to and including the first of ``stops`` outside quoted literals; return it, or
        None when the file ends first."""
        while True:
            self._consume(_UP_TO[stops].match(self.text, self.pos).end() - self.pos)
            if self.pos == len(self.text):
                if not self._more():
                    return None
                continue
            found = self.text[self.pos]
            self._consume(1)
            if found in stops:
                return found
            if not self._skip_past(found):  # the closing quote
                return None


def _wide(name: bytes) -> bool:
    """Whether an encoding's name is that of UTF-16 or UTF-32 (or UCS-2, UCS-4), whose text has no 8-bit ASCII."""
    return re.fullmatch(rb"(?i)(utf-?(16|32)|ucs-?[24])", name) is not None


def _prolog_encoding(head: bytes) -> tuple[str, int]:
    """The encoding libxml2 will read the document in, and the length of its byte-order mark.

    A declared encoding that cannot have written the declaration's own ASCII (UTF-16 declared in an
    8-bit file), or that Python does not know, is not used: the prolog is then read as the ASCII it
    evidently is, so an entity declaration cannot hide behind a misleading label.
    """
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    unmarked = _unmarked_utf16(head)
    if unmarked:
        return unmarked, 0
    if head.startswith(b"\x00\x00\x00<"):
        return "utf-32-be", 0
    declared = _DECLARED_ENCODING.match(head)
    if declared:
        name = declared.group(1).decode("ascii")
        try:
            b"<?xml".decode(name)  # LookupError: an unknown codec, or one that is no text encoding (base64)
            if codecs.getincrementaldecoder(name)(errors="replace").decode(b"<?xml") == "<?xml":
                return name, 0
        except (LookupError, UnicodeError):  # UnicodeError: a codec without the "replace" handler (idna)
            pass
    return "utf-8", 0


def _unmarked_utf16(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the document starts in that encoding without a byte-order
    mark and its declaration names it so (``UTF-16LE``, ``UTF-16BE``); else None."""
    encoding = _UNMARKED_UTF16.get(head[:2])
    if encoding is None:
        return None
    declared = _DECLARED_ENCODING.match(head[:400].decode(encoding, errors="replace").encode("ascii", "replace"))
    try:
        return encoding if declared and codecs.lookup(declared.group(1).decode("ascii")).name == encoding else None
    except LookupError:
        return None


def xml_text(text: str, where: str) -> str:
    """``text`` unchanged if XML 1.0 can carry it, else a TmtoolError naming ``where`` and the character.

    Writers call this rather than dropping characters: an export that silently differs from its
    input is worse than one that stops and says why.
    """
    bad = not_xml(text)
    if bad:
        raise Invalid(
            f"{where}: character U+{ord(bad):04X} cannot be written to XML 1.0; "
            "remove or replace it in the input"
        )
    return text


def _checked(source: XMLSource, path: str | None):
    """``source`` for lxml once its prolog has passed ``check_prolog``."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as f:
            check_prolog(f, path)
        return os.fspath(source)  # lxml takes file names as str
    if source.seekable():
        position = source.tell()
        check_prolog(source, path)
        source.seek(position)
        return source
    replay = _Replay(source)
    check_prolog(replay, path)
    replay.rewind()
    return replay


class _Replay:
    """A pipe that can be read from its start once more: what was read before ``rewind`` is kept."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.kept = bytearray()
        self.recording = True

    def rewind(self) -> None:
        self.recording = False

    def read(self, size: int = -1) -> bytes:
        if self.recording:
            data = self.stream.read(size)
            self.kept += data
            return data
        if not self.kept:
            return self.stream.read(size)
        data = bytes(self.kept if size < 0 else self.kept[:size])
        del self.kept[: len(data)]
        return data


class _Nothing:
    """An lxml parser target that keeps nothing: a parse for its errors only."""

    def start(self, *_) -> None: ...
    def end(self, *_) -> None: ...
    def data(self, *_) -> None: ...
    def close(self) -> None: ...


def _parse_error(source) -> etree.XMLSyntaxError | None:
    """The error a whole parse of ``source`` (a path or a stream at the document's start) stops at, if any."""
    try:
        etree.parse(source, etree.XMLParser(target=_Nothing(), **_SAFE_OPTIONS))
    except etree.XMLSyntaxError as exc:
        return exc
    except OSError:  # unreadable now: the first error stands
        return None
    return None


def _syntax_error(exc: etree.XMLSyntaxError, path: str | None) -> Invalid:
    # lxml appends ", line N, column M" to the message; the line goes into TmtoolError's prefix instead
    message = re.sub(r", line \d+, column \d+$", "", (exc.msg or str(exc)).splitlines()[0])
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    return Invalid(f"not well-formed XML: {message}", path=path, line=line)
