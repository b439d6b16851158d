"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python).

    nice -n 10 .venv/bin/python bench/fuzz.py tmx --seconds 300
    nice -n 10 .venv/bin/python bench/fuzz.py docx --seconds 300

Targets: the bilingual files (tmx, tbx, xliff, po), the glossaries' tables (csv, tsv, xlsx) and the
documents ``read_document`` reads (txt, html, docx, odt, pptx, odp, pdf).

A reader may refuse any input with ``TmtoolError``; any other exception is a crash, and so is an input
read in more than ``--slow`` seconds (a hang or a quadratic blow-up on a few kB). Crashes are not fatal
to the run: each distinct one (exception type and raising line) is saved once to ``--crashes`` (a
directory) so that a whole run finds as many as it can, and a table is printed at the end. What libFuzzer
kills the process for is saved there too (``oom-…`` past 1 GB of RSS, ``timeout-…`` past 60 s). Every
saved input belongs in ``tests/test_hostile.py`` once fixed.

The seed corpus is a small valid file of each format written by tmtool's own writers or, for documents,
built as the tests build theirs (``tests/worddocs.py``, ``slidedocs.py``, ``pdfdocs.py``), so that the
mutations start from the structures the readers know. A ZIP package (XLSX, DOCX, ODT, PPTX, ODP) is
fuzzed two ways, told by the input's first byte: even, the rest is the whole file (the ZIP structure
itself); odd, the rest replaces one XML part of the seed package (the byte's half, modulo the number of
parts, picks it), zipped again with the others, so that mutations reach the parsing of the parts rather
than stop at a bad CRC.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the document seeds' builders

with atheris.instrument_imports():
    # imported by the PDF and XLSX readers as they read: instrumented here, so that their parsing guides the mutations
    import openpyxl.reader.excel  # noqa: F401
    import pdfminer.pdfinterp  # noqa: F401

    from tmtool.errors import TmtoolError
    # every tmtool module these import (xmlsafe, langtags, the readers' base …) is instrumented too
    from tmtool.formats import po, tabular, tbx, tmx, xliff, xlsx
    from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, Unit, UsageStatus
    from tmtool.text.readers import read_document

import pdfdocs  # noqa: E402 — the tests' builders, not fuzzed
import slidedocs  # noqa: E402
import worddocs  # noqa: E402


def _all(items) -> None:
    """Consume every item: the readers are lazy and an error may wait for the last one."""
    for _ in items:
        pass


def _glossary(reader) -> Callable:
    # as `tmtool import` reads: an unusable row is passed over and the rest read (the default stops at the first)
    return lambda path: _all(reader(path, on_skip=lambda skipped: None))


@dataclass(frozen=True)
class Target:
    read: Callable  # reads the whole file: from a binary stream when ``streamed``, else from its path
    suffix: str
    streamed: bool = False
    package: bool = False  # a ZIP package, whose XML parts are fuzzed inside it too


PACKAGES = ("xlsx", "docx", "odt", "pptx", "odp")
TARGETS = {
    "tmx": Target(lambda stream: _all(tmx.read_tmx(stream)), ".tmx", streamed=True),
    "tbx": Target(lambda stream: _all(tbx.read_tbx(stream)), ".tbx", streamed=True),
    "xliff": Target(lambda stream: _all(xliff.read_xliff(stream)), ".xlf", streamed=True),
    "po": Target(lambda path: _all(po.read_po(path)), ".po"),  # polib reads paths only
    "csv": Target(_glossary(tabular.read_csv), ".csv"),
    "tsv": Target(_glossary(tabular.read_tsv), ".tsv"),
    "xlsx": Target(_glossary(xlsx.read_xlsx), ".xlsx", package=True),
    **{name: Target(read_document, f".{name}", package=name in PACKAGES)
       for name in ("txt", "html", "docx", "odt", "pptx", "odp", "pdf")},
}


def _seed_units() -> list[Unit]:
    return [
        Unit("Le Comité militaire s'est réuni.", "The Military Committee met.", "fr-FR", "en-GB", tuid="d:1",
             props={"x-document": "d", "x-bead": "1-1"}, notes=["revu"]),
        Unit("État-major « international »", "International Staff", "fr-FR", "en-GB", tuid="d:2"),
    ]


def _seed_entries() -> list[Entry]:
    context = Context("Le Comité militaire s'est réuni.", "The Military Committee met.", "d", "d:1")
    return [
        Entry(
            [Term("comité militaire", "fr", gender="masculine", forms=["Comité militaire"], contexts=[context]),
             Term("Military Committee", "en", confidence=0.9, frequency=2),
             Term("MC", "en", term_type=TermType.ACRONYM, usage=UsageStatus.ADMITTED)],
            id="e1", status=ReviewStatus.APPROVED, definition="organe", note="vu", frequency=2, score=0.8,
            contexts=[context],
        ),
    ]


FRENCH = ("Le Comité militaire s’est réuni à Bruxelles. L’OTAN² compte 32 Alliés ; la réunion a duré "
          "trois heures.")


def _docx_seed(path: Path) -> None:
    """Word's parts around a body of what the reader knows: heading, notes, tracked changes, fields, a
    table, an equation, a text box, a hidden run, a content control's placeholder."""
    p, r = worddocs.p, worddocs.r
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
             '"https://www.nato.int" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + r("le site") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    math = ('<m:oMath><m:r><m:t>v=</m:t></m:r><m:f><m:num><m:r><m:t>d</m:t></m:r></m:num><m:den><m:r><m:t>t</m:t>'
            '</m:r></m:den></m:f><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup>'
            "</m:sSup></m:oMath>")
    cell = '<w:tc><w:tcPr><w:tcW w:w="4531" w:type="dxa"/></w:tcPr>{}</w:tc>'
    table = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="4531"/>'
             '<w:gridCol w:w="4531"/></w:tblGrid>'
             + "".join("<w:tr>" + cell.format(p(r(a))) + cell.format(p(r(b))) + "</w:tr>"
                       for a, b in (("EMI", "État-major militaire international"), ("OTAN", "Organisation"))) + "</w:tbl>")
    textbox = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" '
               'name="Zone de texte 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
               'wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>' + p(r("Encadré.")) + "</w:txbxContent>"
               "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
               "<mc:Fallback/></mc:AlternateContent></w:r>")
    body = (p(r("Réunion des partenaires"), style="Titre1")
            + p(r("Le Comité militaire"), worddocs.reference("footnote", 1), r(" s’est réuni"),
                '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">' + r(" hier") + "</w:ins>",
                '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>demain</w:delText></w:r>'
                "</w:del>", r(" à Bruxelles"), r("3", '<w:vertAlign w:val="superscript"/>'), r(". Voir "), field,
                r(", caché", "<w:vanish/>"), r(".<w:br/>Ligne suivante."))
            + table + p(r("La vitesse "), math, r(" est connue."), textbox)
            + '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + p(r("Cliquez ici pour entrer du texte."))
            + "</w:sdtContent></w:sdt>" + p(r("Fin"), worddocs.reference("endnote", 1), r(".")))
    worddocs.write_docx(path, body, footnotes=worddocs.note("footnote", 1, r("Réuni le 13 juillet 2021.")),
                        endnotes=worddocs.note("endnote", 2, r("Note de fin.")), comments="",
                        header=p(r("NATO UNCLASSIFIED")), footer=p(r("Page 1")),
                        styles=worddocs.style("paragraph", "Titre1", "heading 1"))


def _odt_seed(path: Path) -> None:
    """A LibreOffice text: heading, note, list, table, tracked deletion, annotation, line break."""
    content = (
        '<text:h text:outline-level="1">Rapport <text:span>annuel</text:span></text:h>'
        '<text:p>Le Conseil<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Réuni à Bruxelles.</text:p></text:note-body></text:note> a siégé.<text:s "
        'text:c="3"/>Fin<text:line-break/>de séance<text:span text:style-name="T1">2</text:span>.</text:p>'
        "<text:list><text:list-item><text:p>Premier<text:tab/>point</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>OTAN</text:p></table:table-cell><table:table-cell>"
        "<text:p>Organisation du Traité de l’Atlantique Nord</text:p></table:table-cell></table:table-row>"
        "</table:table><text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><text:p>Supprimé."
        "</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:p>Adresse<office:annotation><text:p>Un commentaire</text:p></office:annotation></text:p>")
    styles = ('<style:style style:name="T1" style:family="text"><style:text-properties '
              'style:text-position="super 58%"/></style:style>')
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
                                        f"{slidedocs.ODP_NAMESPACES}><office:automatic-styles>{styles}"
                                        "</office:automatic-styles><office:body><office:text>"
                                        f"{content}</office:text></office:body></office:document-content>")
        package.writestr("styles.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles '
                                       f"{slidedocs.ODP_NAMESPACES}><office:styles><style:style "
                                       'style:name="Standard" style:family="paragraph"/></office:styles>'
                                       "</office:document-styles>")


def _pptx_seed(path: Path) -> None:
    s = slidedocs
    slides = [s.Slide([s.shape(s.para("Réunion des partenaires"), ph="title", number=2),
                       s.shape(s.para("Le Comité militaire s’est réuni."), s.para("Deuxième point", level=1),
                               ph="body", idx=1, number=3),
                       s.group(s.shape(s.para("Dans un groupe"), number=11)),
                       s.table(["EMI", "État-major militaire international"], ["OTAN", "Organisation"])],
                      notes=[s.para("Notes de l’orateur.")]),
              s.Slide([s.shape(s.para("Diapositive masquée"), ph="title", number=2)], hidden=True)]
    s.write_pptx(path, slides, order=[1, 0])


def _odp_seed(path: Path) -> None:
    s = slidedocs
    pages = (s.page(s.frame("<text:p>Réunion des partenaires</text:p>", kind="title"),
                    s.frame("<text:p>Le Comité militaire s’est réuni.</text:p><text:p>Deuxième point</text:p>",
                            kind="outline"),
                    notes=("<text:p>Notes de l’orateur.</text:p>",))
             + s.page(s.frame("<text:p>Fin</text:p>", name="Texte"), number=2))
    s.write_odp(path, pages)


def _pdf_seed(path: Path) -> None:
    """Two paragraphs justified under a running header, a page number, a raised note mark, its note
    under the text; uncompressed, so that mutations reach the text operators."""
    pdf = pdfdocs.Layout()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.text(72, 42, "NATO UNCLASSIFIED")
    y = 90.0
    for line in ("Le Comité militaire s’est réuni à Bruxelles le^1", "13 juillet 2021 pour les opéra-",
                 "tions de l’état-major.", "Les Alliés ont décidé."):
        pdf.justified(72, y, line, 451 if not line.endswith(".") else None, 11)
        y += 13.2
    pdf.justified(72, 760, "1 Réuni à huis clos.", None, 8)
    pdf.text(72, 800, "Page 1")
    pdf.output(str(path))


_HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Réunion</title><script>var x = 1;</script></head>
<body><header><nav><a href="/">Accueil</a> | <a href="/news">Actualités</a></nav></header>
<div class="breadcrumb"><a href="/">OTAN</a> &gt; Actualités</div>
<main><article><h1>Réunion des partenaires</h1><p class="date">13 juil. 2021 - | Dernière mise à jour : 13 juil. 2021 16:17</p>
<p>Le Comité militaire<sup><a href="#n1">1</a></sup> s’est réuni à Bruxelles.<br>Les Alliés ont décidé&nbsp;: x<sup>2</sup>.</p>
<table><tr><td>EMI</td><td>État-major militaire international</td></tr></table>
<ul><li>Premier point</li><li>Second point</li></ul><pre>ligne une
ligne deux</pre><p hidden>Caché</p><span class="sr-only">Lecteur d’écran</span>
<math><mfrac><mi>a</mi><mi>b</mi></mfrac><annotation encoding="application/x-tex">\\frac{a}{b}</annotation></math>
<del>supprimé</del></article><aside>Voir aussi</aside></main>
<footer id="site-footer"><div id="cookie-consent">Cookies</div></footer></body></html>
"""


def _xlsx_seed(path: Path) -> None:
    """tmtool's export, and a second sheet as a client keeps one: a title over its header, a cell merged
    down two rows, a number and a date."""
    from datetime import date

    from openpyxl import load_workbook

    xlsx.write_xlsx(_seed_entries(), path)
    workbook = load_workbook(path)
    sheet = workbook.create_sheet("Domaine 2")
    for row in (["Glossaire"], ["Français", "English", "Date"], ["chasseur de mines", "minehunter", date(2024, 1, 2)],
                [None, "mine hunter", 3.0]):
        sheet.append(row)
    sheet.merge_cells("A3:A4")
    workbook.save(path)


def write_seeds(fmt: str, directory: Path) -> list[Path]:
    """Valid files of the format, written by tmtool itself or built as the tests build theirs."""
    buffer = io.BytesIO()
    if fmt == "tmx":
        tmx.write_tmx(_seed_units(), buffer, srclang="fr-FR")
        (directory / "seed.tmx").write_bytes(buffer.getvalue())
    elif fmt == "xliff":
        xliff.write_xliff(_seed_units(), buffer, srclang="fr-FR", original="d")
        (directory / "seed.xlf").write_bytes(buffer.getvalue())
    elif fmt == "tbx":
        tbx.write_tbx(_seed_entries(), directory / "seed.tbx")
        tbx.write_tbx_martif(_seed_entries(), directory / "seed-martif.tbx")
    elif fmt == "po":
        po.write_po(_seed_entries(), directory / "seed.po")
    elif fmt == "csv":
        tabular.write_csv(_seed_entries(), directory / "seed.csv")
        # a client's table as Excel in French saves it: semicolons, Windows-1252, a header in French
        (directory / "seed-excel.csv").write_bytes("Français;Anglais;Définition\r\nÉtat-major;Staff;organe\r\n"
                                                    '"comité ""militaire""";Military Committee;\r\n'.encode("cp1252"))
    elif fmt == "tsv":
        tabular.write_tsv(_seed_entries(), directory / "seed.tsv")
        (directory / "seed-excel.tsv").write_text('#\tfr\ten\nÉtat-major\t"Staff ""IS"""\tnote\nOTAN\tNATO\n',
                                                  encoding="utf-8")
    elif fmt == "xlsx":
        _xlsx_seed(directory / "seed.xlsx")
    elif fmt == "txt":
        (directory / "seed.txt").write_text(f"Réunion des partenaires\n\n{FRENCH}\r\nFin.\f", encoding="utf-8")
        (directory / "seed-ansi.txt").write_bytes(f"{FRENCH}\r\nŒuvre « commune ».".encode("cp1252"))
    elif fmt == "html":
        (directory / "seed.html").write_text(_HTML, encoding="utf-8")
    else:
        {"docx": _docx_seed, "odt": _odt_seed, "pptx": _pptx_seed, "odp": _odp_seed, "pdf": _pdf_seed}[fmt](
            directory / f"seed.{fmt}")
    return sorted(directory.iterdir())


def xml_parts(package: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return sorted(name for name in archive.namelist() if name.endswith((".xml", ".rels")))


def as_package_inputs(seed: Path) -> list[bytes]:
    """A package's seed inputs: the whole file, then each of its XML parts (see the module's docstring)."""
    package = seed.read_bytes()
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [b"\x00" + package, *(bytes([2 * i + 1]) + archive.read(name)
                                     for i, name in enumerate(xml_parts(package)))]


def with_part(package: bytes, parts: list[str], data: bytes) -> bytes:
    """The file an input stands for: ``data`` as it is (first byte even), or the package with one XML part
    replaced by it."""
    if not data or data[0] % 2 == 0:
        return data[1:]
    name = parts[(data[0] >> 1) % len(parts)]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as archive, zipfile.ZipFile(out, "w") as rebuilt:
        for item in archive.infolist():  # in their order: an ODF's mimetype first
            rebuilt.writestr(item, data[1:] if item.filename == name else archive.read(item))
    return out.getvalue()


class CrashLog:
    """Distinct crashes by (exception type, file, line); each input saved once."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.seen: dict[tuple[str, str, int], Path] = {}
        self.runs = 0

    def record(self, data: bytes, exc: BaseException) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        if frames:
            # the innermost line of tmtool's own code: the place to fix, whatever library raised
            frame = next((f for f in reversed(frames) if "/tmtool/" in f.filename), frames[-1])
            key = (type(exc).__name__, frame.filename, frame.lineno)
        else:  # a slow input (raised nowhere): the first is kept
            key = (type(exc).__name__, "", 0)
        if key in self.seen:
            return
        path = self.directory / f"crash-{hashlib.sha1(data).hexdigest()[:12]}"
        path.write_bytes(data)
        self.seen[key] = path
        print(f"\nCRASH {key[0]} at {Path(key[1]).name}:{key[2]}: {str(exc)[:120]!r} → {path}", file=sys.stderr)

    def report(self, fmt: str, seconds: float) -> None:
        print(f"\n| format | runs | seconds | distinct crashes |\n|---|---|---|---|\n"
              f"| {fmt} | {self.runs} | {seconds:.0f} | {len(self.seen)} |")
        for (kind, filename, line), path in self.seen.items():
            print(f"  {kind} at {Path(filename).name}:{line} → {path}")


# libFuzzer dictionaries: the tokens a mutation is unlikely to spell by chance (\x escapes as libFuzzer reads them)
XML_TOKENS = (
    "<!DOCTYPE tmx SYSTEM \\x22tmx14.dtd\\x22>", "<!ENTITY a \\x22b\\x22>", "&a;", "&#0;", "&#x110000;",
    "xml:lang=\\x22", "lang=\\x22", "srclang=\\x22*all*\\x22", "<![CDATA[", "]]>", "<?xml version=\\x221.0\\x22 encoding=\\x22",
    "xmlns=\\x22urn:iso:std:iso:30042:ed-2\\x22", "<tu>", "<tuv", "<seg>", "<prop type=", "<note>",
    "creationdate=\\x22", "<conceptEntry id=\\x22", "<langSec", "<termSec>", "<term>", "<termNote type=\\x22",
    "<descrip type=\\x22", "<descripGrp>", "<transacGrp>", "<date>", "x-status: ", "x-frequency: ",
    "x-score: ", "x-lemma: ", "x-confidence: ", "x-of: ", "<trans-unit id=\\x22", "<source>", "<target>",
)
PO_TOKENS = ("msgid ", "msgstr ", "msgctxt ", "#, fuzzy", "#. x-tmtool:", "#~ ", "\\x22\\x22", "\\x5cn",
             "{\\x22status\\x22:", "\\x22details\\x22:")


CSV_TOKENS = ("\\xef\\xbb\\xbf", "\\xff\\xfe", "\\x22", "\\x22\\x22", ";", "\\x09", "\\x0d\\x0a", "fr,en", "Français;Anglais",
              "English term", "FR-FR", "status", "approved", "candidate", "rejected", "pos", "gender", "score",
              "frequency", "definition", "note", "context", "id", "first_seen", "details", "{\\x22terms\\x22: [",
              "\\x22contexts\\x22:", "=SUM(A1)", "\\x27=", "#\\x09de\\x09fr", "Forbidden", "TRUE", "deprecated: ")
OOXML_TOKENS = (
    "<w:p>", "<w:r>", "<w:t>", "</w:t>", "<w:tbl>", "<w:tr>", "<w:tc>", "<w:ins ", "<w:del ", "<w:delText>",
    "<w:moveFrom", "<w:moveTo", "<w:fldChar w:fldCharType=\\x22begin\\x22/>", "<w:instrText>", "<w:fldSimple w:instr=",
    "<w:footnoteReference w:id=\\x22", "<w:endnoteReference w:id=\\x22", "<w:vanish/>", "<w:vMerge/>",
    "<w:gridSpan w:val=\\x22", "<w:br/>", "<w:br w:type=\\x22page\\x22/>", "<w:sym w:font=\\x22Symbol\\x22 w:char=\\x22",
    "<w:vertAlign w:val=\\x22superscript\\x22/>", "<w:altChunk r:id=\\x22", "<w:sdt>", "<w:sdtContent>",
    "<w:showingPlcHdr/>", "<w:txbxContent>", "<mc:AlternateContent>", "<mc:Choice Requires=\\x22", "<m:oMath>",
    "<m:oMathPara>", "<m:f>", "<m:num>", "<m:den>", "<m:sSup>", "<m:sSub>", "<m:rad>", "<m:nary>", "<m:d>",
    "<m:m>", "<m:mr>", "<m:eqArr>", "<m:acc>", "<m:chr m:val=\\x22", "<m:e>", "<m:t>", "<w:ffData>",
    "<w:ddList>", "<w:result w:val=\\x22", "<w:listEntry w:val=\\x22", "<w:pStyle w:val=\\x22", "<w:rStyle w:val=\\x22",
    "<w:style w:type=\\x22paragraph\\x22 w:styleId=\\x22", "<w:basedOn w:val=\\x22", "<w:name w:val=\\x22toc 1\\x22/>",
    "<Relationship Id=\\x22", "Type=\\x22http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
    "Target=\\x22", "TargetMode=\\x22External\\x22", "<Override PartName=\\x22", "<a:p>", "<a:r>", "<a:t>",
    "<a:br/>", "<a:fld type=\\x22slidenum\\x22>", "<p:sp>", "<p:grpSp>", "<p:graphicFrame>", "<p:ph type=\\x22title\\x22/>",
    "<p:sldId id=\\x22256\\x22 r:id=\\x22", "show=\\x220\\x22", "hidden=\\x221\\x22", "baseline=\\x2230000\\x22",
    "<c:chart r:id=\\x22", "<c:title>", "<c:tx>", "<c:v>", "<dgm:pt>", "<dgm:t>", "<sheetData>", "<row r=\\x22",
    "<c r=\\x22A1\\x22 t=\\x22s\\x22>", "<c r=\\x22B2\\x22 t=\\x22inlineStr\\x22><is><t>", "<v>", "<si><t>", "<mergeCell ref=\\x22",
    "<sheet name=\\x22", "sheetId=\\x22", "<sst count=\\x22", "_x000D_", "_x005F_", "t=\\x22d\\x22", "s=\\x221\\x22",
    "<!DOCTYPE x [<!ENTITY a \\x22b\\x22>]>", "&a;", "<?xml version=\\x221.0\\x22 encoding=\\x22",
)
ODF_TOKENS = (
    "<text:p>", "<text:h text:outline-level=\\x22", "<text:span text:style-name=\\x22", "<text:note text:note-class=\\x22",
    "<text:note-citation>", "<text:note-body>", "<text:list>", "<text:list-item>", "<text:s text:c=\\x22",
    "<text:tab/>", "<text:line-break/>", "<text:soft-page-break/>", "<text:tracked-changes>", "<text:changed-region",
    "<text:deletion>", "<text:insertion>", "<text:change text:change-id=\\x22", "<text:change-start",
    "<office:annotation>", "<text:bookmark", "<text:a xlink:href=\\x22", "<text:page-number>", "<text:date>",
    "<text:placeholder>", "<text:table-of-content>", "<text:index-body>", "<text:section", "text:display=\\x22none\\x22",
    "<table:table>", "<table:table-row>", "<table:table-cell", "table:number-columns-spanned=\\x22",
    "table:number-rows-spanned=\\x22", "<table:covered-table-cell/>", "<draw:frame", "<draw:text-box>",
    "<draw:object xlink:href=\\x22", "<draw:custom-shape", "<draw:g>", "<draw:page", "<presentation:notes>",
    "presentation:class=\\x22", "<math xmlns=\\x22http://www.w3.org/1998/Math/MathML\\x22>", "<mfrac>", "<msup>",
    "<style:style style:name=\\x22", "style:family=\\x22text\\x22", "style:text-position=\\x22super 58%\\x22",
    "<style:text-properties", "fo:font-size=\\x22", "text:display=\\x22none\\x22", "<office:text>",
    "<!DOCTYPE x [<!ENTITY a \\x22b\\x22>]>", "&a;",
)
HTML_TOKENS = (
    "<html>", "<body>", "<main>", "<article>", "<section>", "<header>", "<footer>", "<nav>", "<aside>", "<dialog>",
    "<div role=\\x22navigation\\x22>", "role=\\x22main\\x22", "class=\\x22sr-only\\x22", "hidden", "style=\\x22display:none\\x22",
    "aria-hidden=\\x22true\\x22", "<p>", "<br>", "<h1>", "<h2>", "<ul>", "<li>", "<ol>", "<table>", "<tr>", "<td>", "<th>",
    "<pre>", "<sup>", "<a href=\\x22#n1\\x22>", "<a href=\\x22/x\\x22>", "<del>", "<time>", "<script>", "<style>", "<template>",
    "<noscript>", "<video>", "<math>", "<annotation>", "<semantics>", "<mfrac>", "<msup>", "<msqrt>", "<mi>", "<mo>",
    "<mn>", "<meta charset=\\x22", "<meta http-equiv=\\x22Content-Type\\x22 content=\\x22text/html; charset=",
    "<?xml version=\\x221.0\\x22 encoding=\\x22", "iso-8859-1", "windows-1251", "utf-16", "&nbsp;", "&shy;", "&#x2028;",
    "class=\\x22date\\x22", "class=\\x22breadcrumb\\x22", "id=\\x22cookie\\x22", "Dernière mise à jour : ", "Publié le ",
    "Last updated: ", " | ", "Imprimer", "<!--", "<![CDATA[", "<!DOCTYPE html>", "\\xef\\xbb\\xbf",
)
PDF_TOKENS = (
    "obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref", "/Type /Page", "/Type /Pages", "/Kids [",
    "/Count ", "/Contents ", "/Resources", "/Font", "/Encoding", "/ToUnicode", "/Length ", "/Filter /FlateDecode",
    "/Encrypt", "/MediaBox [", "/Parent ", "BT", "ET", "Tf", "Td", "TD", "Tm", "TJ", "Tj", "\\x27", "Tz", "Ts", "TL",
    "T*", "Tc", "Tw", "cm", "q", "Q", "Do", "/XObject", "/Subtype /Form", "<<", ">>", "[", "]", "(", ")", "\\x5c",
    "R", "0 0 1 1", "1e308", "-1", "99999999",
)
TXT_TOKENS = ("\\xef\\xbb\\xbf", "\\xff\\xfe", "\\xfe\\xff", "\\x0d\\x0a", "\\x0d", "\\x0c", "\\xe2\\x80\\xa8", "\\xc2\\xad",
              "\\x92", "\\x9c", "\\x85", "\\xc3\\xa9", "<html", "<?xml", "PK\\x03\\x04", "%PDF", "{\\x5crtf", "\\x09")
TOKENS = {"po": PO_TOKENS, "csv": CSV_TOKENS, "tsv": CSV_TOKENS, "xlsx": OOXML_TOKENS, "docx": OOXML_TOKENS,
          "pptx": OOXML_TOKENS, "odt": ODF_TOKENS, "odp": ODF_TOKENS, "html": HTML_TOKENS, "pdf": PDF_TOKENS,
          "txt": TXT_TOKENS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=sorted(TARGETS))
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--crashes", type=Path, default=Path(tempfile.gettempdir()) / "tmtool-fuzz-crashes")
    parser.add_argument("--max-len", type=int, help="the longest input (default: 8192, or the largest seed)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds past which one input is a crash")
    args = parser.parse_args()
    target = TARGETS[args.format]
    crash_dir = args.crashes / args.format
    crash_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"tmtool-fuzz-{args.format}-"))
    corpus, seeds = work / "corpus", work / "seeds"
    corpus.mkdir()
    seeds.mkdir()
    seed_files = write_seeds(args.format, seeds)
    if target.package:
        package = seed_files[0].read_bytes()  # the package whose parts odd inputs replace
        parts = xml_parts(package)
        inputs = [data for seed in seed_files for data in as_package_inputs(seed)]
    else:
        inputs = [seed.read_bytes() for seed in seed_files]
    for data in inputs:
        (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)
    max_len = args.max_len or max(8192, *map(len, inputs))
    # the input is written where the reader finds a file of its kind: one path, rewritten for each input
    path = work / f"input{target.suffix}"
    log = CrashLog(crash_dir)
    slowest = 0.0
    dictionary = work / "tokens.dict"
    started = time.monotonic()

    def one_input(data: bytes) -> None:
        nonlocal slowest
        log.runs += 1
        if time.monotonic() - started > args.seconds:
            # libFuzzer's own time limit ends the process from C, before Python could print the table
            log.report(args.format, time.monotonic() - started)
            print(f"slowest input: {slowest:.2f} s")
            shutil.rmtree(work, ignore_errors=True)
            os._exit(0)
        file = with_part(package, parts, data) if target.package else data
        begun = time.monotonic()
        try:
            if target.streamed:
                target.read(io.BytesIO(file))
            else:
                path.write_bytes(file)
                target.read(path)
        except TmtoolError:
            pass
        except Exception as exc:  # noqa: BLE001 — anything but TmtoolError is what we are looking for
            log.record(file, exc)
        took = time.monotonic() - begun
        slowest = max(slowest, took)
        if took > args.slow:
            log.record(file, TimeoutError(f"{took:.1f} s for {len(file):,} bytes"))

    tokens = TOKENS.get(args.format, XML_TOKENS)
    # libFuzzer reads a dictionary in ASCII: other characters as their UTF-8 bytes, escaped
    dictionary.write_text("".join('"' + "".join(c if c.isascii() else "".join(f"\\x{b:02x}" for b in c.encode())
                                                for c in token) + '"\n' for token in tokens))
    # -keep_seed: every seed stays a base to mutate, though a package's seeds (one a part) cover the same code
    atheris.Setup([sys.argv[0], f"-max_len={max_len}", "-keep_seed=1", "-rss_limit_mb=1024", "-timeout=60",
                   f"-artifact_prefix={crash_dir}/", f"-dict={dictionary}", str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
