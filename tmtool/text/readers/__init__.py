"""Documents from disk: plain text, Markdown, HTML, DOCX, ODT, PPTX, ODP and PDF become a ``Document`` of paragraphs.

The format is decided by the extension and checked against the bytes: a ``.txt`` that is really a ZIP
archive, a PDF or binary data is refused with one clear line instead of being read as garbage. Files
with other extensions (the gold sets use ``test0.fr``) are read as plain text when their bytes are text.
"""


from __future__ import annotations

from pathlib import Path

from ...errors import Invalid
from ...io.decoding import decode_western_text
from ...io.xmlsafe import OLE2, PASSWORD_PROTECTED, password_protected
from ...langtags import normalize_tag
from ...model import Document
from ..langid import check_language
from .base import _Reading, _text_paragraphs
from .html import HTML_EXTENSIONS, _html_paragraphs
from .markdown import MARKDOWN_EXTENSIONS, _markdown_paragraphs
from .odf import _odt_paragraphs
from .office import _docx_paragraphs
from .slides import _odp_paragraphs, _pptx_paragraphs


DOCX_EXTENSIONS = {".docx"}
ODT_EXTENSIONS = {".odt"}
PPTX_EXTENSIONS = {".pptx"}
ODP_EXTENSIONS = {".odp"}
PDF_EXTENSIONS = {".pdf"}
# the one list of what ingest (a pair named, or found in a folder by the languages in its names), extract and the
# workbench's upload read, in the order messages name them
DOCUMENT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt", ".pptx", ".odp", ".pdf")
# magic numbers of formats that are not documents we read, to name them in the error
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (DOCX, ODT, PPTX, XLSX …)"),
    (b"%PDF", "a PDF file"),
    (OLE2, "a legacy Microsoft Office (OLE) file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x1f\x8b", "a gzip archive"),
)


def read_document(path: str | Path, *, lang: str | None = None) -> Document:
    """Read a .txt (or other plain-text), .md, .html/.htm, .docx, .odt, .pptx, .odp or .pdf file into paragraphs.

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
        raise Invalid("empty document (no text)", path=name)
    ext = path.suffix.lower()
    if ext in (*DOCX_EXTENSIONS, *ODT_EXTENSIONS, *PPTX_EXTENSIONS, *ODP_EXTENSIONS) and password_protected(data):
        raise Invalid(PASSWORD_PROTECTED, path=name)
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
        elif ext in MARKDOWN_EXTENSIONS:  # rendered, as its reader reads it
            read = _markdown_paragraphs(data, name)
        else:
            text = decode_western_text(data, name, written_by="what Windows editors save as ANSI text in Western Europe")
            read = _Reading(name, _text_paragraphs(text, name))
    if not read.paragraphs:
        raise Invalid("empty document (no text)", path=name)
    document = Document(path=name, paragraphs=tuple(read.paragraphs), lang=normalize_tag(lang) if lang else None,
                        rows=tuple(read.rows))
    if document.lang:
        # the English version given as the French side would otherwise align into a nonsense memory
        check_language(document, document.lang)
    return document


def _refuse_binary_formats(data: bytes, path: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Invalid(f"is {what}, not plain text or HTML (DOCX, ODT, PPTX, ODP and PDF are read by their "
                              "extension)", path=path)


def _pdf_paragraphs(path: Path, data: bytes, lang: str | None) -> _Reading:
    from ..pdf import pdf_paragraphs

    if not data.startswith(b"%PDF") and b"%PDF-" not in data[:1024]:  # readers allow junk before the header
        raise Invalid("not a PDF file (no %PDF header)", path=str(path))
    read = _Reading(str(path))
    for paragraph in pdf_paragraphs(path, lang):
        read.add(paragraph)
    return read


