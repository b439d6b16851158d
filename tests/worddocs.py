"""DOCX packages in the shape Word 365 writes them, for the DOCX reader's tests.

The parts are the ones Word saves (content types, relationships, document, footnotes, endnotes,
comments, header, footer, settings, styles) with Word's namespace declarations and its ``mc:Ignorable``; the
body is WordprocessingML written by hand in the tests, as Word writes it: runs with their ``w:rPr``,
``w:rsid`` attributes, tracked changes, fields, text boxes in ``mc:AlternateContent``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_EX = "http://schemas.microsoft.com/office/2014/relationships/chartEx"  # Office 2016's new kinds of chart
# what Word 365 declares on every part's root
NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="w14 w15 wp14"'
)
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_SECTION = ('<w:sectPr w:rsidR="00A1B2C3"><w:headerReference w:type="default" r:id="rId8"/>'
            '<w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" '
            'w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
# the two notes Word writes first in footnotes.xml and endnotes.xml, which no reference cites
_SEPARATORS = ('<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
               'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>'
               '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
               'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>')


def p(*runs: str, style: str | None = None, props: str = "") -> str:
    """A paragraph as Word writes it: ``w14:paraId``, rsids, an optional style, then its runs."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr = f"<w:pPr>{style_xml}{props}</w:pPr>" if style_xml or props else ""
    return (f'<w:p w14:paraId="1A2B3C4D" w14:textId="5E6F7A8B" w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">'
            f"{ppr}{''.join(runs)}</w:p>")


def r(text: str, props: str = "") -> str:
    """A run of text; leading or trailing spaces get ``xml:space="preserve"`` as Word writes them."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r w:rsidRPr="00D4E5F6">{rpr}<w:t{space}>{text}</w:t></w:r>'


def note(kind: str, number: int, *paragraphs: str) -> str:
    """A footnote or endnote as Word writes it: its mark, a space, then the text."""
    style = "FootnoteText" if kind == "footnote" else "EndnoteText"
    ref_style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    first, *rest = paragraphs
    mark = f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:{kind}Ref/></w:r>'
    return (f'<w:{kind} w:id="{number}">' + p(mark, r(" "), first, style=style)
            + "".join(p(text, style=style) for text in rest) + f"</w:{kind}>")


def reference(kind: str, number: int) -> str:
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{kind}Reference w:id="{number}"/></w:r>'


# the run properties Word 365 writes as the document's defaults (w:rPrDefault), and the styles it defines in
# every new document: the default paragraph style (Normal), character style, table style and list style
_RUN_DEFAULTS = ('<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" '
                 'w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="fr-FR" '
                 'w:eastAsia="en-US" w:bidi="ar-SA"/><w14:ligatures w14:val="standardContextual"/>')
_BUILT_IN_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
    '<w:style w:type="character" w:default="1" w:styleId="Policepardfaut"><w:name w:val="Default Paragraph Font"/>'
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableauNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    '<w:style w:type="numbering" w:default="1" w:styleId="Aucuneliste"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>')


def style(kind: str, style_id: str, name: str, run: str = "", *, based_on: str = "", default: bool = False) -> str:
    """A style of word/styles.xml as Word writes one the user made (or changed, for a ``default`` one):
    ``kind`` paragraph or character, its run properties ``run``, and the style it is based on."""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    mark = ' w:default="1"' if default else ' w:customStyle="1"'
    return (f'<w:style w:type="{kind}"{mark} w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
            f'<w:qFormat/><w:rsid w:val="00B7C8D9"/>{f"<w:rPr>{run}</w:rPr>" if run else ""}</w:style>')


def write_docx(path: Path, body: str, *, footnotes: str = "", endnotes: str = "", comments: str = "",
               header: str = "", footer: str = "", first_header: str = "", even_header: str = "", styles: str = "",
               run_defaults: str = "",
               diagrams: tuple[str, ...] = (), chunks: dict[str, tuple[str, bytes]] | None = None,
               charts: tuple[str, ...] = ()) -> Path:
    """A package holding ``body`` (paragraphs and tables) and the parts Word writes beside it; word/styles.xml
    defines ``styles`` and the built-in styles that they do not redefine, its document defaults hold
    ``run_defaults`` too. ``diagrams``: the data parts of SmartArt diagrams (their ``dgm:dataModel``), word/
    diagrams/data1.xml … related as rId21 …; ``chunks``: documents imported whole (altChunk), by relationship id:
    their part's name under word/ and their bytes; ``charts``: chart parts (``c:chartSpace``, or Office 2016's
    ``cx:chartSpace``), word/charts/chart1.xml … related as rId31 …; ``first_header``: the first page's header
    (word/header2.xml, related as rId11), where a section's ``w:titlePg`` names it by that id; ``even_header``: the even
    pages' (word/header3.xml, rId12, written only when given), where ``w:evenAndOddHeaders`` in the settings shows it."""
    chunks = chunks or {}
    built_in = "".join(xml for xml in _BUILT_IN_STYLES if re.search(r'w:styleId="\w+"', xml).group() not in styles)
    parts = {
        "word/styles.xml": f"<w:styles {NAMESPACES}><w:docDefaults><w:rPrDefault><w:rPr>{_RUN_DEFAULTS}{run_defaults}"
                           '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" '
                           'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:latentStyles '
                           'w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" '
                           'w:defQFormat="0" w:count="376"><w:lsdException w:name="Normal" w:uiPriority="0" '
                           'w:qFormat="1"/></w:latentStyles>' + built_in + styles + "</w:styles>",
        "word/document.xml": f"<w:document {NAMESPACES}><w:body>{body}{_SECTION}</w:body></w:document>",
        "word/footnotes.xml": f"<w:footnotes {NAMESPACES}>{_SEPARATORS.format(kind='footnote')}{footnotes}"
                              "</w:footnotes>",
        "word/endnotes.xml": f"<w:endnotes {NAMESPACES}>{_SEPARATORS.format(kind='endnote')}{endnotes}</w:endnotes>",
        "word/comments.xml": f"<w:comments {NAMESPACES}>{comments}</w:comments>",
        "word/header1.xml": f"<w:hdr {NAMESPACES}>{header or p()}</w:hdr>",
        "word/footer1.xml": f"<w:ftr {NAMESPACES}>{footer or p()}</w:ftr>",
        "word/header2.xml": f"<w:hdr {NAMESPACES}>{first_header or p()}</w:hdr>",
        "word/settings.xml": f'<w:settings {NAMESPACES}><w:trackRevisions/><w:defaultTabStop w:val="708"/>'
                             f'{"<w:evenAndOddHeaders/>" if even_header else ""}</w:settings>',
    } | ({"word/header3.xml": f"<w:hdr {NAMESPACES}>{even_header}</w:hdr>"} if even_header else {})
    types = {
        "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "document": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        "header1": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "footer1": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "header2": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    } | ({"header3": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"} if even_header else {})
    content_types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="mht" ContentType="message/rfc822"/>'
        '<Default Extension="htm" ContentType="text/html"/><Default Extension="rtf" ContentType="application/rtf"/>'
        + "".join(f'<Override PartName="/word/{name}.xml" ContentType="{kind}"/>' for name, kind in types.items())
        + "".join(f'<Override PartName="/word/diagrams/data{n}.xml" ContentType="application/vnd.openxmlformats-'
                  'officedocument.drawingml.diagramData+xml"/>' for n in range(1, len(diagrams) + 1))
        + "".join(f'<Override PartName="/word/charts/chart{n}.xml" ContentType="application/'
                  + ("vnd.ms-office.chartex+xml" if "2014/chartex" in chart else
                     "vnd.openxmlformats-officedocument.drawingml.chart+xml") + '"/>'
                  for n, chart in enumerate(charts, 1))
        + "</Types>")
    relations = {
        "rId1": ("styles", "styles.xml"), "rId2": ("settings", "settings.xml"), "rId6": ("footnotes", "footnotes.xml"),
        "rId7": ("endnotes", "endnotes.xml"), "rId8": ("header", "header1.xml"), "rId9": ("footer", "footer1.xml"),
        "rId10": ("comments", "comments.xml"), "rId11": ("header", "header2.xml"),
    } | ({"rId12": ("header", "header3.xml")} if even_header else {}) | {f"rId{20 + n}": ("diagramData", f"diagrams/data{n}.xml") for n in range(1, len(diagrams) + 1)} | {
        rid: ("aFChunk", target) for rid, (target, _) in chunks.items()} | {
        f"rId{30 + n}": (CHART_EX if "2014/chartex" in chart else "chart", f"charts/chart{n}.xml")
        for n, chart in enumerate(charts, 1)}
    parts |= {f"word/diagrams/data{n}.xml": xml for n, xml in enumerate(diagrams, 1)}
    parts |= {f"word/charts/chart{n}.xml": xml for n, xml in enumerate(charts, 1)}
    document_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     + "".join(f'<Relationship Id="{rid}" Type="{kind if "/" in kind else f"{REL}/{kind}"}" '
                               f'Target="{target}"/>' for rid, (kind, target) in relations.items() if target)
                     + "</Relationships>")
    package_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
                    "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _DECLARATION + content_types)
        package.writestr("_rels/.rels", _DECLARATION + package_rels)
        package.writestr("word/_rels/document.xml.rels", _DECLARATION + document_rels)
        for name, xml in parts.items():
            package.writestr(name, _DECLARATION + xml)
        for target, data in chunks.values():
            package.writestr(f"word/{target}", data)
    return path
