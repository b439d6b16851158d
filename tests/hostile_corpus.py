"""A corpus of broken and hostile input files, generated rather than committed (some are binary or huge).

Each :class:`HostileCase` is one file and what tmtool must say about it: a fragment of the one-line
error and, where the problem has a line, that line. Bilingual files (TMX, TBX, XLIFF, PO, CSV, TSV)
go through ``tmtool import``; documents through ``tmtool ingest`` and ``tmtool align`` as the French
side, with a good English side.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

IMPORT = "import"
DOCUMENT = "document"


@dataclass(frozen=True)
class HostileCase:
    name: str  # the file name; its extension selects the reader
    data: bytes
    command: str  # IMPORT or DOCUMENT
    message: str  # a fragment of the expected error line
    line: int | None = None  # the line the error must name, when the problem has one
    # a problem of one unit or entry in a well-formed file: import passes it over and lists it,
    # import --strict refuses the file
    skipped: bool = False

    def write(self, directory: Path) -> Path:
        path = directory / self.name
        path.write_bytes(self.data)
        return path


FRENCH = "Le Comité militaire de l'OTAN s'est réuni à Bruxelles pour examiner la situation en Europe."
ENGLISH = "The NATO Military Committee met in Brussels to review the situation in Europe."

_TMX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "{doctype}"
    '<tmx version="1.4">\n'
    '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" '
    'srclang="fr-FR" datatype="plaintext"/>\n'
    "<body>\n"
)


def tmx(units: str, doctype: str = "", encoding: str = "utf-8") -> bytes:
    return (_TMX_HEAD.format(doctype=doctype) + units + "</body>\n</tmx>\n").encode(encoding)


def tu(source: str = FRENCH, target: str = ENGLISH, src_attr: str = 'xml:lang="fr-FR"',
       tgt_attr: str = 'xml:lang="en-GB"', tu_attr: str = "") -> str:
    return (f"<tu{tu_attr}><tuv {src_attr}><seg>{source}</seg></tuv>"
            f"<tuv {tgt_attr}><seg>{target}</seg></tuv></tu>\n")


def tbx(entries: str, doctype: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
        + '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>\n"
        "<text><body>\n" + entries + "</body></text></tbx>\n"
    ).encode()


def concept(fr: str = "comité militaire", en: str = "Military Committee", fr_lang: str = "fr") -> str:
    return (f'<conceptEntry id="c1"><langSec xml:lang="{fr_lang}"><termSec><term>{fr}</term></termSec></langSec>'
            f'<langSec xml:lang="en"><termSec><term>{en}</term></termSec></langSec></conceptEntry>\n')


def xliff(units: str, file_attrs: str = 'source-language="fr-FR" target-language="en-GB"', doctype: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
        + '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file original="d" datatype="plaintext" {file_attrs}><body>\n' + units + "</body></file></xliff>\n"
    ).encode()


def trans_unit(source: str = FRENCH, target: str = ENGLISH) -> str:
    return f'<trans-unit id="1"><source>{source}</source><target>{target}</target></trans-unit>\n'


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx(paragraph: str, doctype: str = "") -> bytes:
    """A minimal DOCX package: one paragraph in word/document.xml, after ``doctype``."""
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
        + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p></w:body></w:document>"
    )
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
    return package.getvalue()


def odt(paragraph: str, doctype: str = "") -> bytes:
    """A minimal ODT package: its mimetype, and one paragraph in content.xml after ``doctype``."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
        + '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f"<text:p>{paragraph}</text:p></office:text></office:body></office:document-content>"
    )
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return package.getvalue()


def po(messages: str, charset: str = "UTF-8") -> str:
    return (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Language: en\\n"\n\n'
            + messages)


# ---- entity attacks (the same DOCTYPE works for any root: only its declarations matter) ----

BILLION_LAUGHS = (
    '<!DOCTYPE tmx [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)
QUADRATIC_BLOWUP = '<!DOCTYPE tmx [\n<!ENTITY big "' + "A" * 50_000 + '">\n]>\n'
EXTERNAL_FILE = '<!DOCTYPE tmx [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
EXTERNAL_HTTP = '<!DOCTYPE tmx [\n<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">\n]>\n'
PARAMETER_ENTITY = '<!DOCTYPE tmx [\n<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">\n%remote;\n]>\n'
# each DOCTYPE follows the XML declaration; the entity error names the line of its first <!ENTITY
ENTITY_LINE = 3
ENTITIES_REFUSED = "declares entities"


def _random_bytes(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _truncated(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def cases() -> list[HostileCase]:
    good_tmx = tmx(tu() * 3)
    good_tbx = tbx(concept())
    good_xliff = xliff(trans_unit())
    return [
        # ---- TMX ----
        HostileCase("tmx-empty.tmx", b"", IMPORT, "empty file (no XML in it)"),
        HostileCase("tmx-blank.tmx", b"\xef\xbb\xbf\n  \n", IMPORT, "empty file (no XML in it)"),
        HostileCase("tmx-truncated.tmx", _truncated(good_tmx), IMPORT, "not well-formed XML", line=6),
        HostileCase("tmx-billion-laughs.tmx", tmx(tu(source="&lol9;"), BILLION_LAUGHS), IMPORT, ENTITIES_REFUSED,
                    line=ENTITY_LINE),
        HostileCase("tmx-quadratic-blowup.tmx", tmx(tu(source="&big;" * 2000), QUADRATIC_BLOWUP), IMPORT,
                    ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("tmx-external-file-entity.tmx", tmx(tu(source="&xxe;"), EXTERNAL_FILE), IMPORT,
                    ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("tmx-external-http-entity.tmx", tmx(tu(source="&xxe;"), EXTERNAL_HTTP), IMPORT,
                    ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("tmx-parameter-entity.tmx", tmx(tu(), PARAMETER_ENTITY), IMPORT, ENTITIES_REFUSED,
                    line=ENTITY_LINE),
        HostileCase("tmx-tuv-without-lang.tmx", tmx(tu() + tu(tgt_attr="")), IMPORT, "without xml:lang", line=6, skipped=True),
        HostileCase("tmx-source-tuv-without-lang.tmx", tmx(tu() + tu(src_attr="")), IMPORT, "without xml:lang",
                    line=6, skipped=True),
        HostileCase("tmx-invalid-language-tag.tmx", tmx(tu(tgt_attr='xml:lang="xx-INVALID"')), IMPORT,
                    "invalid language tag 'xx-INVALID'", line=5, skipped=True),
        HostileCase("tmx-wrong-declared-encoding.tmx", tmx(tu(), encoding="latin-1"), IMPORT, "not well-formed XML",
                    line=5),
        HostileCase("tmx-utf16-without-bom.tmx", tmx(tu()).replace(b'"UTF-8"', b'"UTF-16"').decode()
                    .encode("utf-16-le"), IMPORT, "UTF-16 without a byte-order mark"),
        HostileCase("tmx-binary.tmx", _random_bytes(1, 4096), IMPORT, "not well-formed XML", line=1),
        HostileCase("tmx-control-character.tmx", tmx(tu(source="Le Comité\x01 militaire")), IMPORT,
                    "not well-formed XML", line=5),
        HostileCase("tmx-nul-byte.tmx", good_tmx.replace(b"Bruxelles", b"Brux\x00elles", 1), IMPORT,
                    "not well-formed XML", line=5),
        HostileCase("tmx-wrong-root.tmx", b'<?xml version="1.0"?>\n<html><body/></html>\n', IMPORT,
                    "not a TMX file", line=2),
        HostileCase("tmx-bad-date.tmx", tmx(tu(tu_attr=' creationdate="yesterday"')), IMPORT, "invalid TMX date",
                    line=5, skipped=True),
        HostileCase("tmx-missing-source-language.tmx", tmx(tu(src_attr='xml:lang="de-DE"')), IMPORT,
                    "no source tuv: no <tuv> in the source language fr-FR", line=5, skipped=True),
        # ---- TBX ----
        HostileCase("tbx-empty.tbx", b"", IMPORT, "empty file (no XML in it)"),
        HostileCase("tbx-truncated.tbx", _truncated(good_tbx), IMPORT, "not well-formed XML"),
        HostileCase("tbx-billion-laughs.tbx", tbx(concept(fr="&lol9;"), BILLION_LAUGHS.replace("tmx", "tbx")),
                    IMPORT, ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("tbx-quadratic-blowup.tbx", tbx(concept(fr="&big;" * 2000), QUADRATIC_BLOWUP.replace("tmx", "tbx")),
                    IMPORT, ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("tbx-external-entity.tbx", tbx(concept(fr="&xxe;"), EXTERNAL_FILE.replace("tmx", "tbx")),
                    IMPORT, ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("tbx-invalid-language-tag.tbx", tbx(concept(fr_lang="français")), IMPORT,
                    "invalid language tag 'français'", line=5, skipped=True),
        HostileCase("tbx-wrong-root.tbx", b'<?xml version="1.0"?>\n<glossary><term>x</term></glossary>\n', IMPORT,
                    "glossary", line=2),
        HostileCase("tbx-binary.tbx", _random_bytes(2, 4096), IMPORT, "not well-formed XML", line=1),
        # ---- XLIFF ----
        HostileCase("xliff-truncated.xlf", _truncated(good_xliff), IMPORT, "not well-formed XML"),
        HostileCase("xliff-billion-laughs.xlf", xliff(trans_unit(source="&lol9;"),
                                                      doctype=BILLION_LAUGHS.replace("tmx", "xliff")),
                    IMPORT, ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("xliff-quadratic-blowup.xlf", xliff(trans_unit(source="&big;" * 2000),
                                                        doctype=QUADRATIC_BLOWUP.replace("tmx", "xliff")),
                    IMPORT, ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("xliff-external-entity.xlf", xliff(trans_unit(source="&xxe;"),
                                                       doctype=EXTERNAL_FILE.replace("tmx", "xliff")),
                    IMPORT, ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("xliff-no-source-language.xlf", xliff(trans_unit(), file_attrs='target-language="en"'), IMPORT,
                    "without source-language", line=3),
        # a translation in no named language could never be exported: refused at its unit's line
        HostileCase("xliff-translation-without-target-language.xlf",
                    xliff(trans_unit(source="Titre", target="Titre") + trans_unit(),
                          file_attrs='source-language="fr-FR"'),
                    IMPORT, "<trans-unit> has a translation, but its <file> has no target-language", line=5, skipped=True),
        HostileCase("xliff20-translation-without-trglang.xlf",
                    ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                     'version="2.0" srcLang="fr-FR">\n<file id="f"><unit id="u">\n<segment state="initial">'
                     f'<source>{FRENCH}</source><target>{FRENCH}</target></segment>\n<segment>'
                     f'<source>{FRENCH}</source><target>{ENGLISH}</target></segment>\n</unit></file></xliff>\n')
                    .encode(), IMPORT, "<segment> has a translation, but <xliff> has no trgLang", line=5, skipped=True),
        HostileCase("xliff-invalid-language-tag.xlf", xliff(trans_unit(), file_attrs='source-language="fr_FR_xx"'),
                    IMPORT, "invalid language tag", line=3),
        # ---- PO ----
        HostileCase("po-empty.po", b"", IMPORT, "empty file"),
        HostileCase("po-binary.po", _random_bytes(3, 4096), IMPORT, "not a valid PO file"),
        HostileCase("po-unterminated-string.po", po('msgid "comité\nmsgstr "committee"\n').encode(), IMPORT,
                    "not a valid PO file: cannot read 'msgid \"comit", line=6),
        HostileCase("po-broken-record.po", po('#. x-tmtool:{"status":\nmsgid "comité"\nmsgstr "committee"\n')
                    .encode(), IMPORT, "invalid x-tmtool record", line=6, skipped=True),
        HostileCase("po-wrong-declared-encoding.po", po('msgid "comité"\nmsgstr "committee"\n').encode("latin-1"),
                    IMPORT, "not a valid PO file"),
        # ---- CSV and TSV ----
        HostileCase("csv-empty.csv", b"", IMPORT, "empty file"),
        HostileCase("csv-macroman.csv", "fr,en\ncomité,committee\n".encode("mac-roman"), IMPORT, "not valid UTF-8", line=2),
        HostileCase("csv-binary.csv", b"fr,en\n" + _random_bytes(4, 4096).replace(b"\n", b""), IMPORT, "binary data"),
        HostileCase("csv-nul-byte.csv", b"fr,en\ncomit\x00e,committee\n", IMPORT, "NUL", line=2),
        # another separator than the comma, or the semicolon French spreadsheets write: one column
        HostileCase("csv-bars.csv", "fr|en\ncomité|committee\n".encode(), IMPORT, "no usable columns"),
        HostileCase("csv-bad-status.csv", b"fr,en,status\ncomit\xc3\xa9,committee,maybe\n", IMPORT, "invalid value", line=2, skipped=True),
        HostileCase("csv-huge-field.csv", b'fr,en\n"' + b"a" * 200_000 + b'",b\n', IMPORT, "field larger than field limit",
                    line=2),
        HostileCase("tsv-utf16-without-bom.tsv", "comité\tcommittee\n".encode("utf-16-le"), IMPORT,
                    "UTF-16 without a byte-order mark"),
        # ---- documents (the French side of a pair) ----
        HostileCase("empty.fr.txt", b"", DOCUMENT, "empty document"),
        HostileCase("blank.fr.txt", b" \n\n\t\n", DOCUMENT, "empty document"),
        HostileCase("utf16-without-bom.fr.txt", (FRENCH + "\n").encode("utf-16-le"), DOCUMENT,
                    "UTF-16 without a byte-order mark"),
        HostileCase("binary.fr.txt", _random_bytes(5, 4096), DOCUMENT, "binary data"),
        HostileCase("control-character.fr.txt", f"{FRENCH}\n{FRENCH}\x07\n".encode(), DOCUMENT,
                    "control character U+0007", line=2),
        HostileCase("macroman.fr.txt", f"{FRENCH}\n{FRENCH}\n".encode("mac-roman"), DOCUMENT, "not valid UTF-8", line=1),
        HostileCase("pdf.fr.txt", b"%PDF-1.7\n" + _random_bytes(6, 512), DOCUMENT, "a PDF file"),
        HostileCase("zip.fr.txt", b"PK\x03\x04" + _random_bytes(7, 512), DOCUMENT, "a ZIP archive"),
        HostileCase("broken.fr.docx", b"PK\x03\x04" + _random_bytes(8, 512), DOCUMENT, "not a readable DOCX"),
        HostileCase("broken.fr.odt", b"PK\x03\x04" + _random_bytes(9, 512), DOCUMENT, "not a readable ODT"),
        HostileCase("broken.fr.pptx", b"PK\x03\x04" + _random_bytes(11, 512), DOCUMENT, "not a readable PPTX"),
        HostileCase("broken.fr.odp", b"PK\x03\x04" + _random_bytes(12, 512), DOCUMENT, "not a readable ODP"),
        HostileCase("billion-laughs.fr.odt", odt("&lol9;", BILLION_LAUGHS.replace("tmx", "office:document-content")),
                    DOCUMENT, f"content.xml:{ENTITY_LINE}: the DOCTYPE {ENTITIES_REFUSED}"),
        HostileCase("broken.fr.pdf", b"%PDF-1.7\n" + _random_bytes(10, 4096), DOCUMENT, "not a readable PDF"),
        HostileCase("truncated.fr.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    b"2 0 obj\n<< /Type", DOCUMENT, "not a readable PDF"),
        HostileCase("billion-laughs.fr.docx", docx("&lol9;", BILLION_LAUGHS.replace("tmx", "w:document")), DOCUMENT,
                    f"word/document.xml:{ENTITY_LINE}: the DOCTYPE {ENTITIES_REFUSED}"),
        HostileCase("external-entity.fr.docx", docx("&xxe;", EXTERNAL_FILE.replace("tmx", "w:document")), DOCUMENT,
                    f"word/document.xml:{ENTITY_LINE}: the DOCTYPE {ENTITIES_REFUSED}"),
        HostileCase("entities.fr.xhtml", ('<?xml version="1.0" encoding="UTF-8"?>\n'
                                          + BILLION_LAUGHS.replace("tmx", "html")
                                          + f"<html><body><p>{FRENCH} &lol9;</p></body></html>\n").encode(),
                    DOCUMENT, ENTITIES_REFUSED, line=ENTITY_LINE),
        HostileCase("xml-as-text.fr.txt", tmx(tu()), DOCUMENT, "markup"),
        HostileCase("bad-charset.fr.html", b'<html><head><meta charset="klingon"></head><body><p>x</p></body></html>',
                    DOCUMENT, "unknown charset 'klingon'"),
        HostileCase("english-as-french.fr.txt", f"{ENGLISH}\n{ENGLISH} It was agreed that the allies would act.\n"
                    .encode(), DOCUMENT, "looks like English, not French"),
        HostileCase("long-line.fr.txt", (FRENCH + " ") .encode() * 3000, DOCUMENT, "characters long", line=1),
    ]


def write_long_line(path: Path, size: int = 50 * 1024 * 1024) -> Path:
    """A text document of one ``size``-byte line of French sentences (the worst case for memory and time)."""
    sentence = (FRENCH + " ").encode()
    with open(path, "wb") as f:
        for _ in range(size // len(sentence)):
            f.write(sentence)
    return path

