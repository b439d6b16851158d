"""Presentations in the shape PowerPoint 365 and LibreOffice Impress write them, for the presentation readers' tests.

A PPTX holds the parts PowerPoint saves (content types, relationships, presentation, slide master and layout,
theme, slides, notes pages and their master, presentation properties), with PowerPoint's namespace
declarations; the slides' shapes are PresentationML written by hand in the tests: placeholders, text boxes,
groups, tables, fields. An ODP holds the content.xml and styles.xml Impress writes, with its namespaces.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
NAMESPACES = f'xmlns:a="{A}" xmlns:r="{REL}" xmlns:p="{P}"'
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_OFFSET = '<a:xfrm><a:off x="838200" y="1825625"/><a:ext cx="10515600" cy="4351338"/></a:xfrm>'


def run(text: str, props: str = 'lang="fr-FR" dirty="0"') -> str:
    return f"<a:r><a:rPr {props}/><a:t>{text}</a:t></a:r>"


def para(*runs: str, level: int = 0) -> str:
    """A paragraph of runs (plain strings are runs), ended by the properties of its mark as PowerPoint writes it."""
    ppr = f'<a:pPr lvl="{level}"/>' if level else ""
    content = "".join(item if item.startswith("<") else run(item) for item in runs)
    return f'<a:p>{ppr}{content}<a:endParaRPr lang="fr-FR" dirty="0"/></a:p>'


def slide_number() -> str:
    """The field PowerPoint writes for the slide's number, holding the number it last showed."""
    return ('<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="fr-FR"/>'
            "<a:t>‹N°›</a:t></a:fld>")


def shape(*paragraphs: str, ph: str | None = None, name: str = "ZoneTexte 3", number: int = 4,
          hidden: bool = False, idx: int | None = None) -> str:
    """A shape with text: a placeholder of type ``ph`` (``title``, ``body`` …; ``obj`` for the content
    placeholder, which PowerPoint writes without a type), else a text box."""
    attributes = ("" if ph in (None, "obj") else f' type="{ph}"') + ("" if idx is None else f' idx="{idx}"')
    placeholder = "" if ph is None else f"<p:ph{attributes}/>"
    box = ' txBox="1"' if ph is None else ""
    lock = "" if ph is None else '<a:spLocks noGrp="1"/>'
    geometry = (f'<p:spPr>{_OFFSET}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>' if ph is None
                else "<p:spPr/>")
    hide = ' hidden="1"' if hidden else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{number}" name="{name}"{hide}/>'
            f"<p:cNvSpPr{box}>{lock}</p:cNvSpPr><p:nvPr>{placeholder}</p:nvPr></p:nvSpPr>{geometry}"
            '<p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>'
            f"{''.join(paragraphs) or para()}</p:txBody></p:sp>")


def group(*shapes: str, number: int = 10) -> str:
    return (f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{number}" name="Groupe {number}"/><p:cNvGrpSpPr/><p:nvPr/>'
            '</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="1" y="1"/><a:ext cx="1" cy="1"/><a:chOff x="1" y="1"/>'
            f'<a:chExt cx="1" cy="1"/></a:xfrm></p:grpSpPr>{"".join(shapes)}</p:grpSp>')


def table(*rows: list[str], number: int = 5) -> str:
    """A table as PowerPoint writes one inserted on a slide: each cell a text body of one paragraph."""
    grid = "".join('<a:gridCol w="2628900"/>' for _ in rows[0])
    body = "".join('<a:tr h="370840">' + "".join(
        f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{para(cell)}</a:txBody><a:tcPr/></a:tc>' for cell in row)
        + "</a:tr>" for row in rows)
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{number}" name="Tableau {number}"/><p:cNvGraphicFramePr>'
            '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            '<p:xfrm><a:off x="838200" y="2000000"/><a:ext cx="10515600" cy="1483360"/></p:xfrm><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
            '<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}</a:tableStyleId>'
            f"</a:tblPr><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")


def chart_frame(rid: str = "rId3", number: int = 6) -> str:
    """A chart on a slide: a graphic frame naming the chart's part by its relationship."""
    return _graphic_frame("chart", f'<c:chart xmlns:c="{CHART}" r:id="{rid}"/>', number)


def diagram_frame(rid: str = "rId3", number: int = 6) -> str:
    """A SmartArt diagram on a slide: a graphic frame naming its parts (data, layout, style, colours)."""
    return _graphic_frame("diagram", f'<dgm:relIds xmlns:dgm="{DIAGRAM}" r:dm="{rid}" r:lo="rId40" r:qs="rId41" '
                                     'r:cs="rId42"/>', number)


def _graphic_frame(kind: str, reference: str, number: int) -> str:
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{number}" name="Graphique {number}"/>'
            '<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="1" y="1"/><a:ext cx="1" '
            f'cy="1"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/{kind}">'
            f"{reference}</a:graphicData></a:graphic></p:graphicFrame>")


@dataclass
class Slide:
    shapes: list[str]
    notes: list[str] = field(default_factory=list)  # the speaker notes' paragraphs
    hidden: bool = False
    # the parts of charts (c:chartSpace) or SmartArt diagrams' data (dgm:dataModel), related as rId3 …
    drawings: list[str] = field(default_factory=list)


_MASTER = (f'<p:sldMaster {NAMESPACES}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/>'
           '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" '
           'accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" '
           'accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" '
           'r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>')


def _tree(shapes: str) -> str:
    return ('<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" '
            f'cy="0"/></a:xfrm></p:grpSpPr>{shapes}</p:spTree></p:cSld>')


def _relationships(relations: list[tuple[str, str, str]]) -> str:
    return ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>'
                      for rid, kind, target in relations) + "</Relationships>")


def write_pptx(path: Path, slides: list[Slide], *, order: list[int] | None = None) -> Path:
    """A presentation of ``slides``, stored as ppt/slides/slide1.xml … in their order, and shown in ``order``
    (indices into ``slides``: a presentation whose slides were moved shows slide3.xml first)."""
    order = list(range(len(slides))) if order is None else order
    parts = {
        "ppt/slideMasters/slideMaster1.xml": _MASTER,
        "ppt/slideMasters/_rels/slideMaster1.xml.rels": _relationships(
            [("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"), ("rId2", "theme", "../theme/theme1.xml")]),
        "ppt/slideLayouts/slideLayout1.xml": f'<p:sldLayout {NAMESPACES} type="titleAndObj" preserve="1">'
                                             f'{_tree(shape(para("Cliquez pour modifier le titre"), ph="title"))}'
                                             "</p:sldLayout>",
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels": _relationships(
            [("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]),
        "ppt/theme/theme1.xml": f'<a:theme xmlns:a="{A}" name="Thème Office"><a:themeElements/></a:theme>',
        "ppt/notesMasters/notesMaster1.xml": f"<p:notesMaster {NAMESPACES}>{_tree('')}</p:notesMaster>",
        "ppt/presProps.xml": f"<p:presentationPr {NAMESPACES}/>",
    }
    overrides = {"/ppt/presentation.xml": "presentation.main", "/ppt/slideMasters/slideMaster1.xml": "slideMaster",
                 "/ppt/slideLayouts/slideLayout1.xml": "slideLayout", "/ppt/presProps.xml": "presProps",
                 "/ppt/notesMasters/notesMaster1.xml": "notesMaster"}
    for number, slide in enumerate(slides, 1):
        relations = [("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]
        for k, drawing in enumerate(slide.drawings, 3):
            kind, folder = ("chart", "charts") if "chartSpace" in drawing else ("diagramData", "diagrams")
            relations.append((f"rId{k}", kind, f"../{folder}/{kind}{number}_{k}.xml"))
            parts[f"ppt/{folder}/{kind}{number}_{k}.xml"] = drawing
        if slide.notes:
            relations.append(("rId2", "notesSlide", f"../notesSlides/notesSlide{number}.xml"))
            notes = (shape(ph="sldImg", name="Espace réservé de l’image des diapositives 1", number=2)
                     + shape(*slide.notes, ph="body", idx=1, name="Espace réservé des notes 2", number=3)
                     + shape(para(slide_number()), ph="sldNum", idx=5, name="Espace réservé du numéro 3", number=4))
            parts[f"ppt/notesSlides/notesSlide{number}.xml"] = f"<p:notes {NAMESPACES}>{_tree(notes)}</p:notes>"
            parts[f"ppt/notesSlides/_rels/notesSlide{number}.xml.rels"] = _relationships(
                [("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                 ("rId2", "slide", f"../slides/slide{number}.xml")])
            overrides[f"/ppt/notesSlides/notesSlide{number}.xml"] = "notesSlide"
        show = ' show="0"' if slide.hidden else ""
        parts[f"ppt/slides/slide{number}.xml"] = (f"<p:sld {NAMESPACES}{show}>{_tree(''.join(slide.shapes))}"
                                                  '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')
        parts[f"ppt/slides/_rels/slide{number}.xml.rels"] = _relationships(relations)
        overrides[f"/ppt/slides/slide{number}.xml"] = "slide"
    listed = "".join(f'<p:sldId id="{256 + n}" r:id="rId{10 + n}"/>' for n in order)
    parts["ppt/presentation.xml"] = (
        f'<p:presentation {NAMESPACES} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" '
        'r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>'
        f'<p:sldIdLst>{listed}</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" '
        'cy="9144000"/><p:defaultTextStyle/></p:presentation>')
    parts["ppt/_rels/presentation.xml.rels"] = _relationships(
        [("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
         ("rId2", "notesMaster", "notesMasters/notesMaster1.xml"),
         ("rId3", "presProps", "presProps.xml"), ("rId4", "theme", "theme/theme1.xml")]
        + [(f"rId{10 + n}", "slide", f"slides/slide{n + 1}.xml") for n in range(len(slides))])
    parts["_rels/.rels"] = _relationships([("rId1", "officeDocument", "ppt/presentation.xml")])
    kind = "application/vnd.openxmlformats-officedocument.presentationml.{}+xml"
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/>' + "".join(f'<Override PartName="{name}" ContentType="{kind.format(part)}"/>'
                                                    for name, part in overrides.items()) + "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name in ["[Content_Types].xml", *sorted(set(parts) - {"[Content_Types].xml"})]:
            package.writestr(name, _DECLARATION + parts[name])
    return path


# ---- ODP ----

_ODF = {"office": "office", "style": "style", "text": "text", "table": "table", "draw": "drawing",
        "fo": "xsl-fo-compatible", "svg": "svg-compatible", "presentation": "presentation"}
ODP_NAMESPACES = " ".join(f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}:1.0"'
                          for prefix, name in _ODF.items()) + (
    ' xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3"')


def frame(*paragraphs: str, kind: str | None = None, name: str = "") -> str:
    """A frame of text as Impress writes one: a placeholder of ``presentation:class`` ``kind`` (title,
    outline, notes …), else a text box."""
    cls = f' presentation:class="{kind}" presentation:style-name="pr1"' if kind else ' draw:style-name="gr1"'
    named = f' draw:name="{name}"' if name else ""
    return (f'<draw:frame{cls}{named} draw:layer="layout" svg:width="25.199cm" svg:height="3.506cm" svg:x="1.4cm" '
            f'svg:y="0.837cm"><draw:text-box>{"".join(paragraphs)}</draw:text-box></draw:frame>')


def page(*frames: str, notes: tuple[str, ...] = (), style: str = "dp1", number: int = 1) -> str:
    """A slide, its speaker notes (paragraphs) in its notes page after the thumbnail of the slide."""
    notes_page = ""
    if notes:
        notes_page = ('<presentation:notes draw:style-name="dp2"><draw:page-thumbnail draw:style-name="gr2" '
                      f'draw:layer="layout" draw:page-number="{number}" presentation:class="page"/>'
                      f'{frame(*notes, kind="notes")}</presentation:notes>')
    return (f'<draw:page draw:name="page{number}" draw:style-name="{style}" draw:master-page-name="Default" '
            f'presentation:presentation-page-layout-name="AL1T0">{"".join(frames)}{notes_page}</draw:page>')


def write_odp(path: Path, pages: str, *, automatic_styles: str = "") -> Path:
    """An Impress package whose content.xml holds the slides ``pages``; ``automatic_styles`` beside the
    drawing-page styles Impress writes (dp1 a slide's, dp2 a notes page's)."""
    styles = ('<style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties '
              'presentation:background-visible="true" presentation:display-footer="true" '
              'presentation:display-page-number="false"/></style:style><style:style style:name="dp2" '
              'style:family="drawing-page"><style:drawing-page-properties presentation:display-header="true"/>'
              "</style:style>")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.presentation")
        package.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
                                        f"{ODP_NAMESPACES}><office:automatic-styles>{styles}{automatic_styles}"
                                        "</office:automatic-styles><office:body><office:presentation>"
                                        '<presentation:footer-decl presentation:name="ftr1">OTAN SANS CLASSIFICATION'
                                        f"</presentation:footer-decl>{pages}<presentation:settings "
                                        'presentation:mouse-visible="false"/></office:presentation></office:body>'
                                        "</office:document-content>")
        package.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles '
                                       f'{ODP_NAMESPACES}><office:styles/><office:master-styles><style:master-page '
                                       'style:name="Default" draw:style-name="dp1"/></office:master-styles>'
                                       "</office:document-styles>")
    return path


def picture(number: int, description: str = "", *, title: str = "", decorative: bool = False,
            link: bool = False, ph: str | None = None) -> str:
    """A picture as PowerPoint 365 writes one inserted from a file: its alternative text in ``p:cNvPr``'s ``descr``
    (and ``title``); ``decorative``: marked as decorative (Alt Text > Mark as decorative), the extension PowerPoint
    writes beside the description it leaves; ``link``: a link set on it; ``ph``: in a picture placeholder."""
    attributes = (f' descr="{description}"' if description else "") + (f' title="{title}"' if title else "")
    click = '<a:hlinkClick r:id="rId20"/>' if link else ""
    extensions = ('<a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"><a16:creationId xmlns:a16='
                  '"http://schemas.microsoft.com/office/drawing/2014/main" id="{6A1C1E47-3B7A-4E2B-9F11-5D1C6B1E2A30}"/>'
                  '</a:ext>' + ('<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec='
                                '"http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext>'
                                if decorative else "") + "</a:extLst>")
    placeholder = f'<p:ph type="{ph}" idx="13"/>' if ph else ""
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{number}" name="Image {number}"{attributes}>{click}{extensions}'
            '</p:cNvPr><p:cNvPicPr><a:picLocks noGrp="1" noChangeAspect="1"/></p:cNvPicPr>'
            f'<p:nvPr>{placeholder}</p:nvPr></p:nvPicPr><p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/>'
            '</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="6096000" y="1825625"/><a:ext cx="5257800" '
            'cy="3505200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


def image_frame(description: str = "", title: str = "", *, link: bool = False, style: str = "gr3") -> str:
    """A picture on a slide as Impress writes one: a frame holding ``draw:image`` (with its empty paragraph), then
    its ``svg:title`` and ``svg:desc``; ``link``: in a ``draw:a`` (Insert > Hyperlink on the picture)."""
    frame = (f'<draw:frame draw:style-name="{style}" draw:text-style-name="P3" draw:layer="layout" svg:width="12cm" '
             'svg:height="8cm" svg:x="14cm" svg:y="5cm"><draw:image xlink:href="Pictures/10000001000003E8.png" '
             'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/png"><text:p/>'
             f'</draw:image>{f"<svg:title>{title}</svg:title>" if title else ""}'
             f'{f"<svg:desc>{description}</svg:desc>" if description else ""}</draw:frame>')
    return f'<draw:a xlink:type="simple" xlink:href="https://www.nato.int/">{frame}</draw:a>' if link else frame
