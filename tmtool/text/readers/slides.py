"""Presentations (PPTX, ODP): slide by slide as shown, each with its speaker notes."""

from __future__ import annotations

from pathlib import Path

from ...errors import Invalid
from ...io.xmlsafe import split_tag
from .base import _Reading, said_beside
from .odf import _DRAW, _OFFICE, _STYLE, _TEXT, _odf_parts, _OdtWalk, _shown_text
from .office import (_CHART, _CHART_KINDS, _DIAGRAM, _Walk, _drawing_text, _drawing_texts, _later_alternative,
                     _main_part, _open_package, _package_xml, _part_relations, _picture_descriptions, _relation_id)


_PRESENTATIONML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_DRAWINGML, _DRAWINGML_STRICT = ("{http://schemas.openxmlformats.org/drawingml/2006/main}",
                                 "{http://purl.oclc.org/ooxml/drawingml/main}")
# placeholders that hold what the application generates or repeats on every slide, as a document's header and
# footer: the date, the footer, the slide's number, a notes page's header and its picture of the slide
_REPEATED_PLACEHOLDERS = {"dt", "ftr", "sldNum", "hdr", "sldImg"}
_TITLE_PLACEHOLDERS = {"title", "ctrTitle"}


def _pptx_paragraphs(path: Path, data: bytes) -> _Reading:
    """A PowerPoint presentation's slides in the order it shows them (the presentation part's list of slides,
    not the parts' names), each slide's speaker notes after its text, hidden slides left out."""
    name = str(path)
    with _open_package(path, data, "a PPTX") as package:
        main = _main_part(package, name, "PPTX")
        root = _package_xml(package, main, name)
        if not root.tag.endswith("}presentation"):  # a document or a workbook renamed
            raise Invalid(f"not a PowerPoint presentation (its main part is {split_tag(root.tag)[1][:80]!r})",
                              path=name)
        slides = {rid: part for rid, kind, part in _part_relations(package, main, name) if kind == "slide"}
        walk = _SlidesWalk(_Reading(name), package, _DRAWINGML_STRICT if "purl.oclc.org" in root.tag else _DRAWINGML)
        read: set[str] = set()  # each slide once: PowerPoint lists a slide once, a part listed again would be read again
        for listed in root.iterfind("{*}sldIdLst/{*}sldId"):
            part = slides.get(_relation_id(listed))
            if part not in package.namelist() or part in read:
                continue
            read.add(part)
            slide = _package_xml(package, part, name)
            if slide.get("show", "1").lower() in ("0", "false"):  # hidden: not shown when presenting
                continue
            relations = walk.slide(slide, part)
            for notes in (part for _, kind, part in relations if kind == "notesSlide" and part in package.namelist()):
                if notes not in read:
                    read.add(notes)
                    walk.slide(_package_xml(package, notes, name), notes)
    return walk.read


def _placeholder(shape) -> str | None:
    """The type of placeholder a slide's shape is (``title``, ``body`` …), None when it is none."""
    placeholder = shape.find("*/{*}nvPr/{*}ph")
    return None if placeholder is None else placeholder.get("type", "obj")


class _SlidesWalk(_Walk):
    """A slide's text (or a notes page's) as PowerPoint shows it: each shape's paragraphs, the title's first,
    then the shapes in the order of the slide's shape tree (PowerPoint's reading order, which screen readers
    follow), groups' shapes in their place, tables cell by cell, SmartArt diagrams, charts' titles and labels, a
    picture's alternative text in its place (``_picture_descriptions``, as a DOCX's; not one the slide's text says).
    Left out: hidden shapes, fields (the slide's number, the date), the date, footer and number placeholders
    repeated on every slide, a notes page's picture of its slide."""

    def __init__(self, read: _Reading, package, a: str):
        super().__init__(read)
        self.package, self.part = package, ""
        self.paragraphs = frozenset({a + "p"})
        self.table, self.row, self.cell, self.letters = a + "tbl", a + "tr", a + "tc", a + "t"
        self.shown = ""  # the text of the slide being read
        self.drawings: dict[str, str] = {}  # the part's diagrams' and charts' parts by relationship id
        self.read_parts: set[str] = set()  # the diagrams' and charts' parts read

    def slide(self, root, part: str) -> list[tuple[str, str, str]]:
        """Read the slide or notes page ``root``, the package's ``part``; its relationships."""
        relations = _part_relations(self.package, part, self.read.path)
        self.drawings = {rid: target for rid, kind, target in relations if kind in ("diagramData", *_CHART_KINDS)}
        self.shown = " ".join(text.text or "" for text in root.iter(self.letters))  # what a picture's caption may say
        self.blocks(root)
        return relations

    def skipped(self, element) -> bool:
        shape = element.find("*/{*}cNvPr")  # a shape's, a group's, a table's or a picture's properties
        return (_later_alternative(element) or _placeholder(element) in _REPEATED_PLACEHOLDERS
                or (shape is not None and shape.get("hidden", "0").lower() in ("1", "true")))

    def order(self, element):
        """A shape tree's title first (``sorted`` keeps the others in their order)."""
        if not element.tag.endswith(("}spTree", "}grpSp")):
            return element
        return sorted(element, key=lambda shape: _placeholder(shape) not in _TITLE_PLACEHOLDERS)

    def inline(self, element, parts: list[str]) -> None:
        parts.append(_drawing_text(element))

    def blocks(self, element) -> None:
        if element.tag in _CHART or element.tag in _DIAGRAM:
            part = self.drawings.pop(_relation_id(element), None)  # once
            if part in self.package.namelist() and part not in self.read_parts:  # once, whatever names it
                self.read_parts.add(part)
                for text in _drawing_texts(_package_xml(self.package, part, self.read.path)):
                    self.read.add(text)
            return
        if element.tag.endswith("}pic") and (properties := element.find("*/{*}cNvPr")) is not None:
            for description in said_beside(_picture_descriptions(properties), self.shown):  # not the caption again
                self.read.add(description)
            return
        super().blocks(element)


_PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_ODP_MIMETYPE = "application/vnd.oasis.opendocument.presentation"
# what Impress generates: the slide's number, the date and time, the footer and header it repeats on every slide
_ODP_FIELDS = {_TEXT + "page-number", _TEXT + "page-count", _TEXT + "date", _TEXT + "time",
               _PRESENTATION + "date-time", _PRESENTATION + "footer", _PRESENTATION + "header"}
# the frames that hold them, and a notes page's picture of its slide
_ODP_REPEATED = {"page-number", "date-time", "footer", "header", "page"}


def _odp_paragraphs(path: Path, data: bytes) -> _Reading:
    root, styles, objects = _odf_parts(path, data, "an ODP", _ODP_MIMETYPE)
    walk = _OdpWalk(_Reading(str(path)), root, styles, objects)
    for body in root.iter(_OFFICE + "presentation"):
        walk.blocks(body)
    return walk.read


class _OdpWalk(_OdtWalk):
    """An Impress presentation's slides in their order (the document's), each one's title first, then its
    frames and shapes in their order (the reading order), its speaker notes last. Left out, besides what an
    ODT leaves out: hidden slides (their style's ``presentation:visibility``), hidden shapes (``draw:display``),
    the fields and frames Impress generates or repeats on every slide (``_ODP_FIELDS``, ``_ODP_REPEATED``)."""

    numbered_by_hand = False  # a slide's text as PowerPoint's is read

    def __init__(self, read: _Reading, root, styles, objects: dict):
        super().__init__(read, root, styles, objects)
        self.hidden_slides = {
            style.get(_STYLE + "name") for style in root.iterfind(f"{_OFFICE}automatic-styles/{_STYLE}style")
            if style.get(_STYLE + "family") == "drawing-page" and any(
                properties.get(_PRESENTATION + "visibility") == "hidden"
                for properties in style.iterfind(_STYLE + "drawing-page-properties"))}

    def skipped(self, element) -> bool:
        return (super().skipped(element) or element.tag in _ODP_FIELDS
                or element.get(_PRESENTATION + "class") in _ODP_REPEATED
                or element.get(_DRAW + "display") in ("none", "printer")  # a shape not shown on the screen
                or (element.tag == _DRAW + "page" and element.get(_DRAW + "style-name") in self.hidden_slides))

    def blocks(self, element) -> None:
        """A picture on a slide (a frame of its own, not one in a paragraph, which ``inline`` reads) gives its
        alternative text in its place, as a PPTX's does: not a linked one's, nor one the slide's text says."""
        if (element.tag == _DRAW + "frame" and element.find(_DRAW + "image") is not None
                and element.getparent().tag != _DRAW + "a"
                and next(element.iterancestors(_TEXT + "p", _TEXT + "h"), None) is None):
            slide = next(element.iterancestors(_DRAW + "page"), element)
            for description in said_beside(self.picture_descriptions(element), _shown_text(slide)):
                self.read.add(description)
        super().blocks(element)

    def order(self, element):
        if element.tag != _DRAW + "page":
            return element
        return sorted(element, key=lambda child: (child.tag == _PRESENTATION + "notes")
                      - (child.get(_PRESENTATION + "class") == "title"))
